"""Where a title (a zone's name, the campaign's activity, a branch) reads well broken in lines.

A sign sets a zone's name in two or three centred lines and a page lets a phone wrap it; both break
it here rather than inside a word: 城东110千伏变电站 / 设备运维保障, not …变电 / 站设备….
"""

from __future__ import annotations

import re

from .values import NO_LINE_END, NO_LINE_START

# Terms of the campaigns that names and titles end with or hold, longest first: a two-line zone
# name reads best broken just before "优秀党员责任区" (on a sign and on a page), an activity's after it.
TITLE_TERMS = ("优秀党员责任区", "党员责任区", "责任区", "党员示范岗", "示范岗", "党员先锋岗", "先锋岗", "创建活动")
TERM = re.compile("(" + "|".join(TITLE_TERMS) + ")")
TITLE_BREAK_BEFORE = "党员"  # a title with none of those terms breaks before this word: …学生 / 党员示范宿舍
# The place or unit a title names ends with one of these (变电站, 服务中心, 第三车间, 华宁社区):
# a title reads well broken after it...
PLACE_ENDS = "站所区队组室院厂部场店点房处村班科校馆园港库楼局司心间道厅"
# ...unless the next character goes on with the word (站长, 区内, 部门, 党组织, 点位, 道路, 场地),
# or is itself such an ending (班组, 场所, 科室).
GOES_ON = "长内外前后门员级属委务位域织署段路地屋落民" + PLACE_ENDS
CLOSING = "）)】〕》」』"  # …（城区供电所） / 服务窗口
SHORTEST = 2  # characters: no part of a broken title is shorter


def _held(title: str, at: int) -> int:
    """A break moved off punctuation: an opening quote goes down with what it opens, a closing one
    stays up with what it closes (“党员先锋岗” never leaves a “ at a line's end)."""
    while 0 < at < len(title) and title[at - 1] in NO_LINE_END:
        at -= 1
    while 0 < at < len(title) and title[at] in NO_LINE_START:
        at += 1
    return at


def _inside_brackets(title: str, at: int) -> bool:
    head = title[:at]
    return sum(head.count(c) for c in NO_LINE_END) > sum(head.count(c) for c in "）」』”’》〉】〕)]}")


def term_breaks(title: str) -> list[int]:
    """Before and after each term of the campaigns; with none, before the last 党员."""
    points = [at for match in TERM.finditer(title) for at in match.span()]
    if not points and title.find(TITLE_BREAK_BEFORE, SHORTEST) > 0:
        points = [title.rfind(TITLE_BREAK_BEFORE)]
    return points


def place_breaks(title: str) -> list[int]:
    """After each place or unit the title names (…变电站 / 设备运维), and after a closing bracket."""
    return [at + 1 for at, char in enumerate(title[:-1])
            if (char in PLACE_ENDS and title[at + 1] not in GOES_ON or char in CLOSING)
            and not _inside_brackets(title, at + 1)]


def _tidy(title: str, points) -> list[int]:
    held = {_held(title, at) for at in points}
    return sorted(at for at in held if SHORTEST <= at <= len(title) - SHORTEST)


def title_breaks(title: str) -> tuple[int, ...]:
    """Every place where the title may be broken between lines, in order."""
    return tuple(_tidy(title, term_breaks(title) + place_breaks(title)))


def _cut(text: str, points) -> list[str]:
    edges = [0, *points, len(text)]
    return [text[start:end] for start, end in zip(edges, edges[1:]) if text[start:end]]


def title_parts(title: str, longest: int) -> list[str]:
    """The title in parts a page keeps whole: cut beside the campaigns' terms, and a part longer
    than ``longest`` characters cut again after the places it names."""
    parts: list[str] = []
    for part in _cut(title, _tidy(title, term_breaks(title))):
        parts += _cut(part, _tidy(part, place_breaks(part))) if len(part) > longest else [part]
    return parts
