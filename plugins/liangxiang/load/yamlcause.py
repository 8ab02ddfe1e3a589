"""Where a YAML mistake really is: PyYAML gives up a line or more after a missing colon, a
deleted "- ", an outdented line of text or a quote closed too early; these find the line an
editor must change, and say how."""

from __future__ import annotations

import re

from ..fields import record_lists
from ..problems import shortened
from .yamlhints import (BLOCK_SCALAR, KEY_OF_LINE, LIKE_A_KEY, SPACE_NAMES, dashless_list, indent_of,
                        shortened_value, text_blocks)

_NO_SPACE_AFTER_COLON = re.compile(r"^(\s*(?:-\s+)?)([A-Za-z_][\w-]*):(?=[^\s/])")
_NO_SPACE_AFTER_DASH = re.compile(r"^(\s*)-(?=[A-Za-z_\u3400-\u9fff])")
_DOCUMENT_MARK = re.compile(r"^(---|\.\.\.)\s*$")
# `key: value` with its value on the line (so nothing may be nested under it), and a key line
_KEY_WITH_VALUE = re.compile(r"^( *)((?:- +)?)([A-Za-z_][\w-]*): +[^\s|>#&*]")
_ANY_ITEM = re.compile(r"^( *)- ")  # `- 巡查`, `- id: x`, `- {role: …}` (yamlhints.LIST_ITEM takes no `- key:`)
_INDENTED_KEY = re.compile(r"^( +)([A-Za-z_][\w-]*):(?: |$)")
# `site_url https://…`: a key and its value with no colon between them
_KEY_WITHOUT_COLON = re.compile(r"^( *(?:- +)?)([A-Za-z_][\w-]*)[ \t]+([^\s:#].*)$")
_BARE_KEY = re.compile(r"^( *(?:- +)?)([A-Za-z_][\w-]*)[ \t]*(?:#.*)?$")  # `signboard` over its nested lines
_NESTED_LINE = re.compile(r"^( *)(?:- |[A-Za-z_][\w-]*:(?:\s|$))")
_KEY_THEN_COMMA = re.compile(r"^( *(?:- +)?)([A-Za-z_][\w-]*)[ \t]*([,，;；、])[ \t]*(\S.*)$")  # `name, 张伟`
# a value that opens with a quote or a bracket and goes on after it closes: `scope: "办事"最多跑一次`,
# `name: [重点]花园`; YAML reads the quoted or bracketed part as the whole value
_VALUE_START = r"^(\s*(?:-\s+)?(?:[A-Za-z_][\w-]*:\s+)?)"
_QUOTED_THEN_MORE = re.compile(_VALUE_START + r"""(["'])([^"'\n]*)\2[ \t]*([^\s#,:\]}].*)$""")
_BRACKETED_THEN_MORE = re.compile(_VALUE_START + r"([\[{][^\]}\n]*[\]}])[ \t]*([^\s#,:\]}].*)$")


def near_cause(text: str, failed: int) -> tuple[int, int, str, str] | None:
    """(line, column, meaning, hint), from 0, of a mistake on the failed line or the two before it
    that PyYAML reads as text and reports only further on."""
    lines = text.split("\n")
    if (dashless := _item_without_dash(lines, failed)) is not None:
        return dashless
    if (outdented := _text_line_outdented(lines, failed)) is not None:
        return outdented
    if (bare := _section_without_colon(lines, failed)) is not None:
        return bare
    if (half := _half_typed_key(lines, failed)) is not None:
        return half
    if (first := _first_key_indented(lines, failed)) is not None:
        return first
    if (orphans := _list_under_a_value(lines, failed)) is not None:
        return orphans
    for number in range(min(failed, len(lines) - 1), max(-1, failed - 3), -1):
        line = lines[number]
        if (found := _NO_SPACE_AFTER_COLON.match(line)) is not None:
            key = found.group(2)
            return (number, found.end(), f"“{key}”后面的冒号要跟一个空格",
                    f"写成“{key}: {shortened_value(line[found.end():])}”（半角冒号，后面加空格）")
        if (found := _NO_SPACE_AFTER_DASH.match(line)) is not None:
            return (number, found.end() - 1, "列表的短横线“-”后面要有一个空格",
                    f"写成“- {shortened_value(line[found.end():])}”")
        if number == failed - 1 and (found := _KEY_THEN_COMMA.match(line)) is not None and (
                KEY_OF_LINE.match(lines[failed]) and indent_of(lines[failed]) == indent_of(line)):
            key, value = found.group(2), shortened(re.sub(r"\s+#.*$", "", found.group(4)).strip(), 60)
            return (number, found.start(3), f"“{key}”后面写的是“{found.group(3)}”，这里要用冒号“:”", f"写成“{key}: {value}”（半角冒号，后面加空格）")
        if number == failed - 1 and (found := _KEY_WITHOUT_COLON.match(line)) is not None and (
                KEY_OF_LINE.match(lines[failed]) and indent_of(lines[failed]) == indent_of(line)):
            key = found.group(2)  # PyYAML names the next key, where the value could have ended
            value = shortened(re.sub(r"\s+#.*$", "", found.group(3)).strip(), 60)  # whole, to copy; no comment
            return (number, found.end(2), f"“{key}”后面少了冒号“:”", f"写成“{key}: {value}”（半角冒号，后面加空格）")
        if 0 < number < failed and _DOCUMENT_MARK.match(line):  # PyYAML names the line after a "..."
            return number, 0, "文件中间出现了“---”或“...”", "一个文件只写一份内容：删掉这一行；下面是另一条记录的话，把它移到自己的文件里"
        if number == failed and (over := _over_indented(lines, number)) is not None:
            return over
        if number >= failed - 1 and _FLOW_LINE.match(line) and (inside := _flow_value(line)) is not None:  # an unclosed { is noticed a line on
            return (number, *inside)
        if number == failed and (found := _QUOTED_THEN_MORE.match(line)) is not None:
            prefix, inner, rest = found.group(1), found.group(3), found.group(4).rstrip()
            written = line[found.start(2):].rstrip()
            if len(written) > 2 and written.endswith(found.group(2)):  # "当好居民的"贴心人"": quotes around quotes
                meant = _unquoted(written)
                how = "去掉外面的引号，里面的用中文引号" if "“" in meant and "“" not in written else "去掉外面的引号"
                return (number, found.start(2), "引号只能把整个值括起来，这里值里面还有同样的引号", f"{how}：写成 {prefix.strip()} {meant}"[:100])
            return (number, found.start(2), "引号只能把整个值括起来，这里引号后面还有文字",
                    f"文字里的引号用中文引号：写成 {prefix.strip()} “{inner}”{rest}"[:80])
        if number == failed and (found := _BRACKETED_THEN_MORE.match(line)) is not None:
            prefix, value = found.group(1), re.sub(r"\s+#\s.*$", "", line[found.start(2):]).rstrip()  # a comment stays out of the quotes
            quote = "'" if '"' in value else '"'
            return (number, found.start(2), f"值以“{found.group(2)[0]}”开头，YAML 把它当成了{'列表' if found.group(2)[0] == '[' else '“字段: 值”'}",
                    f"把整个值用引号括起来：写成 {prefix.strip()} {quote}{value}{quote}"[:80])
    return None


def _unquoted(written: str) -> str:
    """A value wrapped in quotes with the same quotes inside, as it reads: "a"b"" is a“b”, and
    'Wang's' is Wang's (an apostrophe stays); quoted again, in the other quotes, where YAML needs it."""
    quote, inner = written[0], written[1:-1]
    if quote == '"' or inner.count("'") % 2 == 0:
        inner = re.sub(rf"{quote}([^{quote}]*){quote}", r"“\1”", inner)
    if re.search(r":\s|\s#", inner) or inner[:1] in "[]{}!&*%@`|>'\"-?#,":
        return f'"{inner}"' if '"' not in inner else "'" + inner.replace("'", "''") + "'"
    return inner


_FLOW_LINE = re.compile(r"^\s*(?:-\s+)?(?:[A-Za-z_][\w-]*:\s+)?\{")
# in {…}: a value YAML reads as a comment from " #" on (and the "}" with it), or one that opens
# with a bracket or a quote and goes on after it closes
_FLOW_COMMENTED = re.compile(r"([A-Za-z_][\w-]*):[ \t]+([^,{}#]*?[ \t]#[^,}]*)")
_FLOW_OPENED_THEN_MORE = re.compile(r"([A-Za-z_][\w-]*):[ \t]+(\[[^\]\n]*\]|\{[^}\n]*\}|\"[^\"\n]*\"|'[^'\n]*')[ \t]*([^\s,}][^,}]*)")


def _flow_value(line: str) -> tuple[int, str, str] | None:
    """(column, meaning, hint) of one value of a {…} entry that YAML cannot read as written: the
    hint quotes that value, not the whole entry (which would make the entry a text)."""
    if (found := _FLOW_COMMENTED.search(line)) is not None:
        key, value = found.group(1), found.group(2).rstrip().rstrip("}").rstrip()
        return (found.start(2) + value.index("#") - 1, f"“{key}”的值里有“ #”：YAML 从“ #”起把后面的字（连同“}}”）都当成了注释",
                f"把这个值用英文引号括起来：写成 {key}: \"{value}\"；或者去掉“#”前面的空格")
    if (found := _FLOW_OPENED_THEN_MORE.search(line)) is not None:
        key, opening, more = found.group(1), found.group(2), found.group(3).rstrip()
        if opening[0] in "\"'":
            return (found.start(2), "引号只能把整个值括起来，这里引号后面还有文字",
                    f"文字里的引号用中文引号：写成 {key}: “{opening[1:-1]}”{more}"[:100])
        return (found.start(2), f"“{key}”的值以{'方括号' if opening[0] == '[' else '花括号'}“{opening[0]}”开头，后面还有文字，YAML 读不懂",
                f"把这个值用英文引号括起来：写成 {key}: \"{opening} {more}\""[:100])
    return None


def _first_key_indented(lines: list[str], failed: int) -> tuple[int, int, str, str] | None:
    """The file's first field indented and the next ones not: PyYAML takes the indented lines for
    a whole document and asks for a "---" before the first field at the margin."""
    if not 0 < failed < len(lines) or (found := KEY_OF_LINE.match(lines[failed])) is None:
        return None
    content = [number for number, line in enumerate(lines[:failed])
               if line.strip() and not line.lstrip().startswith("#") and not _DOCUMENT_MARK.match(line)]
    if not content or any(_DOCUMENT_MARK.match(line) for line in lines[content[0]:failed]):
        return None
    first = lines[content[0]]
    if (key := KEY_OF_LINE.match(first)) is None or (extra := indent_of(first) - indent_of(lines[failed])) <= 0:
        return None
    if any(indent_of(lines[number]) < indent_of(first) for number in content):
        return None
    return (content[0], 0, f"第一个字段“{key.group(1)}”比下面的“{found.group(1)}”多缩进了 {extra} 个空格",
            f"同一层的字段要上下对齐：删掉“{key.group(1)}”前面多出的 {extra} 个空格")


def _item_without_dash(lines: list[str], failed: int) -> tuple[int, int, str, str] | None:
    """An item of a list whose "- " was deleted (`  春秋两季…` between `  - …` items): YAML reads
    it as a key that lacks its colon, and says so on the line after it."""
    for number in (failed - 1, failed):
        if 0 <= number < len(lines) and dashless_list(lines, number) is not None:
            return (number, indent_of(lines[number]), "这一行前面少了列表的“- ”，或是上一项没写完的接续",
                    "是单独的一项，就在这一行的字前面加上“- ”（短横线和一个空格），和上下几项对齐；"
                    "是上一项的后半句，就把它接到上一行的末尾")
    return None


def _section_without_colon(lines: list[str], failed: int) -> tuple[int, int, str, str] | None:
    """`signboard` or `- liangxiang` with indented lines under it and no colon: PyYAML reads the
    lines under it as more text and fails on the first key below them, or inside them."""
    if not 0 < failed < len(lines):
        return None
    for number in range(failed - 1, max(-1, failed - 50), -1):
        line = lines[number]
        if not line.strip() or line.lstrip().startswith("#") or indent_of(line) > indent_of(lines[failed]):
            continue
        found = _BARE_KEY.match(line)
        below = next((other for other in lines[number + 1:] if other.strip() and not other.lstrip().startswith("#")), "")
        nested = _NESTED_LINE.match(below)
        if found is None or nested is None or len(nested.group(1)) <= indent_of(line):
            return None
        key, dash = found.group(2), found.group(1).strip()
        return (number, found.end(2), f"“{key}”后面少了冒号“:”", f"写成“{dash} {key}:”，下面缩进的几行是它的内容".replace("“ ", "“"))
    return None


def _half_typed_key(lines: list[str], failed: int) -> tuple[int, int, str, str] | None:
    """`serv`, saved half-typed above `photo:` at its indentation: PyYAML reads it as a key that
    goes on into the next line and gives up there, at a line with nothing wrong (audit AS-AE M1)."""
    if not 0 < failed < len(lines) or KEY_OF_LINE.match(lines[failed]) is None:
        return None
    above = next((number for number in range(failed - 1, -1, -1)
                  if lines[number].strip() and not lines[number].lstrip().startswith("#")), None)
    found = _BARE_KEY.match(lines[above]) if above is not None else None
    if found is None or found.group(1).strip() or indent_of(lines[above]) != indent_of(lines[failed]):
        return None
    word = found.group(2)
    return (above, found.end(2), f"“{word}”这一行没写完：后面少了冒号“:”和值", f"写成“{word}: …”，或者删掉这一行")


def _text_line_outdented(lines: list[str], failed: int) -> tuple[int, int, str, str] | None:
    """A line of a `content: |` text typed without the text's indentation (a paragraph pasted at
    the margin, or indented with full-width spaces), or a comment at the margin amid the text:
    YAML ends the text there and fails on a later line, complaining of a "*" or a missing colon.
    Walks up over lines of text from the failed one to the first that left the text."""
    blocks = text_blocks(lines)
    for number in range(min(failed, len(lines) - 1), max(-1, failed - 60), -1):
        line = lines[number]
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if LIKE_A_KEY.match(line) or _DOCUMENT_MARK.match(line):
            if number == failed:
                continue  # the field after the text, where YAML noticed
            return None
        above = next((index for index in range(number - 1, -1, -1) if lines[index].strip()), None)
        if above is None:
            return None
        if lines[above].lstrip().startswith("#") and indent_of(line) > indent_of(lines[above]):
            text = next((index for index in range(above - 1, -1, -1) if lines[index].strip()), None)
            if text is not None and text in blocks and (key := _opener_key(lines, blocks, text)):
                return (above, 0, f"“{key}”的正文中间有一行顶格写的注释：YAML 在这里把正文截断了",
                        f"注释不能写在正文中间：把它移到“{key}: |”这一行上面；这句话要公开的话，去掉“#”，和正文一样缩进")
            return None
        opened = BLOCK_SCALAR.match(lines[above]) is not None and KEY_OF_LINE.match(lines[above])
        if above not in blocks and not opened:
            continue  # more of the text that left the block: look further up
        key = opened.group(1) if opened else _opener_key(lines, blocks, above)
        if not key:
            return None
        odd = line[:1] in "\u3000\u00a0"
        opener = above if opened else next(index for index in range(above, -1, -1) if index not in blocks)
        first = next((index for index in range(opener + 1, len(lines)) if lines[index].strip()), number)
        if not odd and number in blocks and indent_of(line) >= indent_of(lines[first]):
            return None  # indented as the text is: the mistake is on the failed line, not here
        meaning = (f"这一行是“{key}”的正文，开头是{SPACE_NAMES[line[0]]}：YAML 只认半角空格缩进，以为正文到上一行就结束了" if odd else
                   f"这一行是“{key}”的正文，但缩进比上面的正文少：YAML 以为正文到上一行就结束了")
        width = indent_of(lines[above]) if not opened else indent_of(lines[above]) + 2
        return (number, 0, meaning,
                f"在这一行开头加 {width} 个半角空格，" + (f"比“{key}:”多缩进两格" if opened else "和上面的正文对齐")
                + ("（全角空格可以留着，作为段首空两格）" if odd else "")
                + f"；“{key}: |”下面的每一行都要这样缩进")
    return None


def _opener_key(lines: list[str], blocks: set[int], inside: int) -> str | None:
    """The field whose `key: |` opens the text that line ``inside`` belongs to."""
    opener = next(index for index in range(inside, -1, -1) if index not in blocks)
    found = KEY_OF_LINE.match(lines[opener]) if BLOCK_SCALAR.match(lines[opener]) else None
    return found.group(1) if found else None


def _over_indented(lines: list[str], number: int) -> tuple[int, int, str, str] | None:
    """A field indented deeper than the `key: value` line above it, where nothing can be nested:
    PyYAML reads it as more of that value and complains of a colon."""
    found = _INDENTED_KEY.match(lines[number])
    above = next((line for line in reversed(lines[:number]) if line.strip() and not line.lstrip().startswith("#")), "")
    parent = _KEY_WITH_VALUE.match(above)
    if found is None or parent is None:
        return None
    extra = len(found.group(1)) - len(parent.group(1)) - len(parent.group(2))
    if extra <= 0:
        return None
    return (number, 0, f"“{found.group(2)}”比上一行的“{parent.group(3)}”多缩进了 {extra} 个空格",
            f"同一层的字段要上下对齐：删掉“{found.group(2)}”前面多出的 {extra} 个空格")


def _list_under_a_value(lines: list[str], failed: int) -> tuple[int, int, str, str] | None:
    """`leader: wei-min` over `  - {role: …}` items: the line naming the list (`roles:`) was
    deleted; PyYAML reads the items as more of the value above and fails inside them."""
    first = None
    for number in range(min(failed, len(lines) - 1), max(-1, failed - 50), -1):
        line = lines[number]
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if _ANY_ITEM.match(line):
            first = number
            continue
        if first is None or indent_of(line) > indent_of(lines[first]):
            continue  # a line of an item written over several, or the failed line inside one
        parent = _KEY_WITH_VALUE.match(line)
        if parent is None or parent.group(2):
            return None
        key = parent.group(3)
        written = set(re.findall(r"([A-Za-z_]\w*)\s*:\s", lines[first] + " "))
        lists = [name for name, fields in record_lists().items() if written and written <= fields]  # one, or no guess
        named = f"“{lists[0]}:”" if len(lists) == 1 else "这个列表的字段名和冒号"
        return (first, indent_of(lines[first]), f"“- ”列表写在“{key}: {shortened_value(line[parent.end(2) + len(key) + 1:].strip(), 12)}”下面，"
                f"可是“{key}”已经有值，YAML 把列表当成了它的文字",
                f"列表上面少了一行它的字段名：在这一行上面补上{named}，和“{key}:”左边对齐")
    return None
