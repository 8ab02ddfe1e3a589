"""Chinese text in content Markdown, as a phone shows it: the lines of a paragraph joined without
the space a browser puts for a line break, a phone number, a number with its unit and a name's dot
never split across lines, and a table with short cells (names, dates) scrolling in its own box."""

from __future__ import annotations

import re
import unicodedata
import xml.etree.ElementTree as etree

from markdown.inlinepatterns import InlineProcessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

from ..titles import PAUSES
from ..values import CJK, CJK_QUOTES

MARKS = "\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65"  # 。，、：（）《》…
# a line break between two Chinese characters, or after or before a Chinese mark: browsers show
# it as a space ("流程， 通知", "46条。 2025年"). Beside a digit or a Latin letter it stays a space.
# Read before the inline syntax is (a number and its unit become their own span), so two spaces or
# a backslash before the break are Markdown's hard line break (<br>), and it is kept.
_AFTER = "(?:(?<=[{0}])|(?<=[{0}][*_`])|(?<=[{0}][*_]{{2}})|(?<=[{0}][*_]{{3}}))"  # 字 or 字** before the break
_LEAD = "!?\\[?[*_`]{0,3}"  # what may come before the next line's first character: a link, emphasis
CJK_BREAK = re.compile(
    f"{_AFTER.format(CJK + CJK_QUOTES)} ?\\n[ \\t]*(?={_LEAD}[{CJK}])"  # 字 / 字, “好” / 的
    f"|{_AFTER.format(CJK)} ?\\n[ \\t]*(?={_LEAD}[{CJK_QUOTES}])"  # 的 / “好”
    f"|{_AFTER.format(MARKS)} ?\\n[ \\t]*(?=[^\\s{{])"  # 。/ anything, not before an attribute list ({: .lead})
    f"|(?<=[^\\s\\\\]) ?\\n[ \\t]*(?=[*_`]{{0,3}}[{MARKS}])"  # anything / 。
    f"|(?<=\\)) ?\\n[ \\t]*(?={_LEAD}[{CJK}])")  # [链接](…) / 字


class JoinChineseLines(Treeprocessor):
    """Lines of a Chinese paragraph are joined without the space a browser puts for a line break."""

    def run(self, root):
        if "nl" in self.md.inlinePatterns:  # the site's nl2br: every line break is one, <br>
            return
        for element in root.iter():
            if element.tag not in ("pre", "code") and element.text and "\n" in element.text:
                element.text = CJK_BREAK.sub("", element.text)
            if element.tail and "\n" in element.tail:
                element.tail = CJK_BREAK.sub("", element.tail)


SHORT_CELL = 10  # characters: a cell this short (a name, a date, 已完成) is kept on one line, unless it has a pause (停电、验电)
SHORT_WORDS = 5  # ems: a cell of words, not numbers, is kept whole only this wide (a name; 宿舍门口张贴党员标识 wraps, audit AJ 3)


def _short_cell(text: str) -> bool:
    """Whether a cell is a name, a date or a number, to keep on one line (the table may scroll for
    it), rather than a phrase that wraps as any text does."""
    if not 1 < len(text) <= SHORT_CELL or any(char.isspace() or char in PAUSES for char in text):
        return False
    ems = sum(1 if unicodedata.east_asian_width(char) in "WF" else .55 for char in text)
    return ems <= SHORT_WORDS or any(char.isdigit() for char in text)  # 5月17日—22日, 2026-03-20


class ScrollTables(Treeprocessor):
    """A table wider than a phone scrolls in its own box (the theme's .table-wrap), not the page;
    its short cells are kept whole (欧阳子 / 谦 in a 75 px column, audit Z2), which it may scroll for."""

    def run(self, root):
        for cell in root.iter():
            text = "".join(cell.itertext()).strip() if cell.tag in ("td", "th") else ""
            if _short_cell(text):
                cell.set("class", "short")
        for parent in list(root.iter()):
            for index, child in enumerate(list(parent)):
                if child.tag == "table":
                    box = etree.Element("div", {"class": "table-wrap"})
                    box.tail, child.tail = child.tail, None
                    parent.remove(child)
                    box.append(child)
                    parent.insert(index, box)


class KeptWhole(InlineProcessor):
    """Numbers joined by hyphens (0391-7216688, 400-816-9558, 2026-03-12) kept on one line: a
    browser breaks after a hyphen, and "0391- / 7216688" is a number nobody can dial. A number
    and its unit too: "延长运营时间2 / 小时" reads as a broken line. And a name's dot held to the
    character before it: browsers break before a CJK "·" (买买提明 / ·托合提)."""

    def handleMatch(self, m, data):  # noqa: N802 (Python-Markdown's name)
        element = etree.Element("span", {"class": "nb"})
        element.text = AtomicString(m.group(0))  # read once: not wrapped again inside **…**
        return element, m.start(0), m.end(0)


_UNIT = "(?:%|％|小时|分钟|公里|千米|平方米|万元|亿元|千伏安|千伏|千瓦时|千瓦|兆瓦|公顷|[个人名条次项件户天年月日时分秒元万亿岁米吨度台辆家所处场届期亩])"
NAME_DOTS = "·・•‧"  # between the parts of a transliterated name, as written or mistyped
NAME_DOT_HELD = f"[\u3400-\u9fff][{NAME_DOTS}](?=[\u3400-\u9fff])"  # 明· of 买买提明·托合提
NUMBER_RUN = (r"(?<![0-9A-Za-z-])[0-9]{1,6}(?:-[0-9]{1,8}){1,3}(?![0-9A-Za-z-])"
              rf"|(?<![0-9A-Za-z.,-])[0-9]+(?:[.,][0-9]+)*{_UNIT}")
