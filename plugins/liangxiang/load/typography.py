"""Mistakes of typing, found in a YAML file's lines before or beside its parsing: tabs and odd
spaces in indentation, full-width colons after keys, characters that show as nothing, dashes and
"＃" pasted from Word or WeChat, and notes or fields run into a block of text.
"""

from __future__ import annotations

import re
from typing import Callable

from ..problems import Location, Problems
from .meant import INVISIBLE_NAMES
from .yamlhints import BLOCK_SCALAR, KEY_OF_LINE, SPACE_NAMES, indent_of, key_of_line, text_blocks

_FULLWIDTH_COLON_KEY = re.compile(r"(?:^[ \t]*(?:-[ \t]+)*|[{,][ \t]*)([A-Za-z_Ａ-Ｚａ-ｚ＿][A-Za-z0-9_Ａ-Ｚａ-ｚ０-９＿]*)[ \t]*(：)")  # ｓｃｏｐｅ：, typed in full-width mode
_LEADING_WS = re.compile(r"^[ \t]*")
# a key or list item indented with full-width or no-break spaces (text in a block scalar may
# start with them: a Chinese paragraph's indent; text there rarely starts like a key)
_ODD_INDENT = re.compile(r"^[ \t\u3000\u00a0]*[\u3000\u00a0][ \t\u3000\u00a0]*(?=-[ \t]|[A-Za-z_][A-Za-z0-9_]*[ \t]*[:：])")
_ODD_SPACE_AFTER_KEY = re.compile(r"(^[ \t]*(?:-[ \t]+)*[A-Za-z_][A-Za-z0-9_]*:|^[ \t]*-)([\u3000\u00a0])")
_ODD_SPACE_IN_FLOW = re.compile(r"([{,][ \t]*([A-Za-z_][A-Za-z0-9_]*):)([\u3000\u00a0])")
# a line's structure (indentation, "- ", its key) with a character that shows as nothing in it: a
# BOM left where two files were joined, a zero-width space pasted from WeChat; YAML then reads
# the line wrong and blames the next one
_UNSEEN = "".join(INVISIBLE_NAMES)
_UNSEEN_IN_STRUCTURE = re.compile(rf"^[ \t{_UNSEEN}]*(?:-[ \t{_UNSEEN}]+)*(?:[\w{_UNSEEN}-]*[ \t]*:(?=[ \t]|$))?")
_EACH_LINE_UP_TO = 3  # lines with a tab or an odd space in their indentation reported one by one


def _unseen_in_structure(line: str) -> tuple[int, str, bool, str] | None:
    """(column of the first invisible character, that character, whether it is in the key, the
    line without them) when the line's indentation, dash or key holds one."""
    prefix = _UNSEEN_IN_STRUCTURE.match(line).group(0)
    column = next((i for i, char in enumerate(prefix) if char in _UNSEEN), None)
    if column is None:
        return None
    # in the key, or between it and its colon (post\u200b:), which YAML reads as the key too
    in_key = re.search(r"[A-Za-z_0-9]", prefix[:column]) is not None or re.match(rf"[{_UNSEEN}]*[A-Za-z_0-9]", prefix[column:]) is not None
    return column, prefix[column], in_key, re.sub(f"[{_UNSEEN}]", "", prefix) + line[len(prefix):]


def _field_at(lines: list[str], index: int) -> str:
    """The key written on a line, or for a list item (- 换热站…) the key above that opens a block:
    what it is listed under. (A tab's width is anyone's guess: indentation cannot tell.)"""
    if (own := key_of_line(lines[index], 0)) != "-":
        return own
    for line in reversed(lines[:index]):
        if (key := KEY_OF_LINE.match(line)) and re.fullmatch(r"\s*(?:#.*)?", line[key.end():]):
            return key.group(1)
    return "-"


def report_typography(text: str, path: str, problems: Problems, offset: int,
                      first_error: Callable[[str], int | None] = lambda text: None, tabs_read: bool = True) -> str | None:
    """Report tabs and odd spaces in indentation and full-width colons after keys, and fix them
    to go on (the file's other mistakes are reported in the same run); None when a fix of the
    indentation cannot be guessed. ``first_error``: the 0-based line of a text's first YAML error.
    ``tabs_read``: a tab between words reads as a space (not in mkdocs.yml, which MkDocs reads)."""
    lines = text.split("\n")
    misindented, found = [], {}  # found: what is in the indentation -> [(line, column)]
    for number, line in enumerate(lines, start=1 + offset):
        indent = _LEADING_WS.match(line).group(0)
        if "\t" in indent:
            found.setdefault("制表符（Tab）", []).append((number, indent.index("\t") + 1))
        elif (odd := _ODD_INDENT.match(line)) is not None:
            at = next(i for i, char in enumerate(odd.group(0)) if char in SPACE_NAMES)
            found.setdefault(SPACE_NAMES[line[at]], []).append((number, at + 1))
        else:
            continue
        misindented.append(number - 1 - offset)
    for name, places in found.items():
        fix = "把 Tab 换成空格" if "Tab" in name else "删掉这一行开头的空白，重新用空格键缩进"
        if len(places) <= _EACH_LINE_UP_TO:
            for number, column in places:
                problems.add(Location(path, number, column), _field_at(lines, number - 1 - offset), f"缩进里有{name}",
                             f"YAML 只能用半角空格缩进：{fix}（通常每层 2 个）")
        else:  # a file indented so throughout: one error, not one a line
            (number, column), rest = places[0], [str(line) for line, _ in places[1:]]
            shown = "、".join(rest[:5]) + ("……" if len(rest) > 5 else "")
            problems.add(Location(path, number, column), "-", f"缩进里有{name}：这一行和下面 {len(rest)} 行（第 {shown} 行）",
                         f"YAML 只能用半角空格缩进：在编辑器里用“替换”把缩进里的{name}全部换成空格（通常每层 2 个）")
    changed = False
    blocks = text_blocks(lines)
    unseen_anywhere = any(char in text for char in _UNSEEN)  # most files have none: no line is matched for them
    if marked := _lookalike_marks(lines, blocks):
        _report_lookalikes(lines, marked, path, problems, offset)
        changed = True
    for index, column, typed in _fullwidth_comments(lines, blocks):
        problems.add(Location(path, index + 1 + offset, column + 1), KEY_OF_LINE.match(lines[index]).group(1) if KEY_OF_LINE.match(lines[index]) else "-",
                     f"{typed}，YAML 不把后面的文字当注释：它会和值一起公开",
                     "注释写成半角空格加半角井号“ #”" + ("；这段文字本来就要公开的话，删掉“＃”" if "＃" in typed else "：把全角空格换成半角空格"))
        lines[index] = lines[index][:column].rstrip(" \t\u3000") + " # " + lines[index][column:].lstrip(" \t\u3000＃#")
        changed = True
    if misindented:
        lines = _reindented(lines, misindented, first_error)
        if lines is None:
            return None
        changed = True
    for index, line in enumerate(lines):
        if tabs_read and "\t" in line and index not in blocks and "\t" in (rest := line.lstrip(" \t")):
            # a tab between words, after a colon or at a line's end (cells copied out of a spreadsheet):
            # YAML 1.2 reads it as a space; PyYAML refuses it
            line = lines[index] = line[:len(line) - len(rest)] + rest.replace("\t", " ")
            changed = True
        if unseen_anywhere and index not in blocks and (unseen := _unseen_in_structure(line)) is not None:
            column, unseen_char, in_key, line = unseen
            lines[index], changed = line, True
            key = KEY_OF_LINE.match(line)
            problems.add(Location(path, index + 1 + offset, column + 1), key.group(1) if key else "-",
                         f"这一行{'的字段名里' if in_key else '开头'}有一个看不见的字符"
                         f"（{INVISIBLE_NAMES[unseen_char]}U+{ord(unseen_char):04X}），YAML 会把这一行读错",
                         "它常在把两个文件拼在一起、或从微信、网页复制时混进来："
                         + ("删掉这一行开头到冒号的文字，重新输入" if key else "删掉这一行，重新输入"))  # a comment line has no colon (AS-AG L7)
        if (odd := _ODD_SPACE_AFTER_KEY.match(line)) is not None and not (index in blocks and odd.group(1).endswith("-")):
            changed = True
            after = "短横线“-”" if odd.group(1).endswith("-") else "冒号"
            problems.add(
                Location(path, index + 1 + offset, odd.end(1) + 1), odd.group(1).strip(" \t-:") or "-",
                f"{after}后面是一个{SPACE_NAMES[odd.group(2)]}", f"{after}后面要用普通的半角空格：删掉它，重新按一下空格键",
            )
            line = lines[index] = line[:odd.end(1)] + " " + line[odd.end(2):]
        if "{" in line and index not in blocks and _ODD_SPACE_IN_FLOW.search(line):  # {zone: x, score:\u00a095.5}
            for odd in reversed(list(_ODD_SPACE_IN_FLOW.finditer(line))):
                problems.add(Location(path, index + 1 + offset, odd.end(1) + 1), odd.group(2),
                             f"“{odd.group(2)}”的冒号后面是一个{SPACE_NAMES[odd.group(3)]}", "冒号后面要用普通的半角空格：删掉它，重新按一下空格键")
                line = line[:odd.end(1)] + " " + line[odd.end(3):]
            lines[index], changed = line, True
        if "：" not in line:
            continue
        for match in _FULLWIDTH_COLON_KEY.finditer(line):
            changed = True
            problems.add(
                Location(path, index + 1 + offset, match.start(2) + 1), match.group(1),
                f"“{match.group(1)}”后面的冒号是全角的“：”",
                "请改成半角英文冒号“:”，冒号后再加一个空格",
            )
        lines[index] = _FULLWIDTH_COLON_KEY.sub(lambda m: m.group(0)[:-1] + ": ", line)
    return "\n".join(lines) if changed else text


# a line of a text an editor meant as a note to colleagues, not as a heading to publish
_NOTE_WORDS = re.compile(r"备注|注释|不公开|不要公开|勿公开|不对外|暂不公开|待审|草稿|待定|待补充|斟酌|TODO|todo")
_FIELD_LINE = re.compile(r"^( +)([A-Za-z_][\w-]*):(?:[ \t]|$)")
_LIST_OR_PARAGRAPHS = re.compile(r"\n[ \t]*\n|\n[ \t]*(?:[-*+]|\d+[.、．])[ \t]")


def report_block_texts(text: str, path: str, problems: Problems, offset: int, fields: frozenset[str],
                       markdown: frozenset[str]) -> str:
    """Mistakes inside a `key: |` text that YAML reads without complaint, each an error at its line:
    fields indented into the text's end (they vanish into it: the text is given back without them,
    to go on), and a "# 备注" line (YAML has no comments there: it is published, on a desk plate too).
    A Markdown text written `content: >` with paragraphs or a list is read as `content: |`: YAML's
    folding would run them into one, which no editor who laid them out means."""
    lines = text.split("\n")
    blocks = text_blocks(lines)
    changed = False
    for opener, inside in _blocks(lines, blocks):
        found = BLOCK_SCALAR.match(lines[opener])
        key = KEY_OF_LINE.match(lines[opener])
        if found is None or key is None or not inside:
            continue
        name, where = key.group(1), lambda index, column=1: Location(path, index + 1 + offset, column)
        field_lines = _trailing_fields(lines, inside, fields)
        if field_lines:
            first = field_lines[0]
            other = _FIELD_LINE.match(lines[first]).group(2)
            problems.add(where(first), other, f"“{other}”缩进了，YAML 把它当成了上面“{name}: |”正文的一部分，不是字段",
                         f"删掉“{other}”前面多出的空格，和“{name}”上下对齐")
            shift = indent_of(lines[first]) - _key_column(lines[opener])
            for index in field_lines:
                lines[index] = lines[index][min(shift, indent_of(lines[index])):]
            changed = True
            inside = [index for index in inside if index < first]
        for index in inside:
            line = lines[index].lstrip()
            if not line.startswith("#"):
                continue
            if name not in markdown:
                problems.add(where(index, indent_of(lines[index]) + 1), name, f"“{name}”的多行文字里，以“#”开头的这一行不是注释：它会照原样公开"
                             + ("，也会印在桌牌上" if name == "promise" else ""),
                             f"注释写在“{name}: |”这一行的上面（顶格，以“# ”开头）；这句话要公开的话，去掉“#”")
            elif _NOTE_WORDS.search(line):
                problems.add(where(index, indent_of(lines[index]) + 1), name, f"“{name}”的正文里，以“#”开头的这一行会成为公开的标题，不是注释",
                             f"备注不要写进正文：删掉这一行，或把它移到“{name}: |”这一行的上面（顶格，以“# ”开头）")
        if name in markdown and re.search(r":[ \t]+>", lines[opener]) and _LIST_OR_PARAGRAPHS.search("\n".join(lines[i] for i in inside).strip("\n")):
            # YAML's `>` would run its paragraphs and list items into one: read as laid out, as `|`
            lines[opener] = re.sub(r"(:[ \t]+)>", r"\1|", lines[opener], count=1)
            changed = True
    return "\n".join(lines) if changed else text


def _blocks(lines: list[str], blocks: set[int]):
    """(opener, [lines of its text, blank ones at its end left out]) of each `key: |` text."""
    index = 0
    while index < len(lines):
        if index + 1 in blocks and index not in blocks:
            inside = []
            at = index + 1
            while at in blocks:
                inside.append(at)
                at += 1
            while inside and not lines[inside[-1]].strip():
                inside.pop()
            yield index, inside
            index = at
        else:
            index += 1


def _key_column(line: str) -> int:
    """Where the key of a `key: |` line begins (after "- " when it opens an item)."""
    found = re.match(r"^[ ]*(?:-[ ]+)*", line)
    return found.end()


def _trailing_fields(lines: list[str], inside: list[int], fields: frozenset[str]) -> list[int]:
    """The lines at a text's end that are fields of the record (`  slogan: …` under `content: |`),
    with what is nested under them; [] unless the text ends so."""
    for position, index in enumerate(inside):
        field = _FIELD_LINE.match(lines[index])
        if field is None or field.group(2) not in fields:
            continue
        base, rest = len(field.group(1)), inside[position:]
        if all(not lines[i].strip() or indent_of(lines[i]) > base or (
                indent_of(lines[i]) == base and (other := _FIELD_LINE.match(lines[i])) is not None and other.group(2) in fields) for i in rest):
            return rest
    return []


# what Word, WeChat or a full-width input mode type for "- " and "#"
_BULLETS = "—–－•·●・‐―"
_MARKED = re.compile(rf"^ *([{_BULLETS}＃])[ \u3000]*\S")
_LIST_ITEM = re.compile(r"^ *- ")


def _lookalike_marks(lines: list[str], blocks: set[int]) -> list[int]:
    """Lines (from 0) that start with a full-width "＃", or with a dash or dot where a list item
    stands ("— 浇水" beside "- 浇水"); never inside a block of text."""
    found = []
    for index, line in enumerate(lines):
        marked = _MARKED.match(line) if index not in blocks else None
        if marked is not None and (marked.group(1) == "＃" or _in_a_list(lines, index, indent_of(line))):
            found.append(index)
    return found


def _report_lookalikes(lines: list[str], marked: list[int], path: str, problems: Problems, offset: int) -> None:
    """One error a line (a file written so throughout: one error), and the lines fixed to go on."""
    by_mark: dict[str, list[int]] = {}
    for index in marked:
        indent = indent_of(lines[index])
        mark, rest = lines[index][indent], lines[index][indent + 1:]
        by_mark.setdefault(mark, []).append(index)
        lines[index] = " " * indent + ("#" + rest if mark == "＃" else "- " + rest.lstrip(" \u3000"))
    for mark, places in by_mark.items():
        meaning, fix = (("这一行以全角的“＃”开头，YAML 不把它当成注释", "注释用半角的“#”：把“＃”改成“#”") if mark == "＃" else
                        (f"列表的一项以“{mark}”开头，YAML 不把它当成列表", f"列表的每一项以半角短横线加空格“- ”开头：把“{mark}”改成“-”"))
        if len(places) > _EACH_LINE_UP_TO:
            rest = [str(index + 1 + offset) for index in places[1:]]
            meaning += f"：这一行和下面 {len(rest)} 行（第 {'、'.join(rest[:5])}{'……' if len(rest) > 5 else ''} 行）"
            places = places[:1]
        for index in places:
            problems.add(Location(path, index + 1 + offset, indent_of(lines[index]) + 1), "-", meaning, fix)


# `key: value ＃ note` or `key: value　# note` (a full-width space): a comment YAML reads as more of the value
_FULLWIDTH_COMMENT = re.compile(r"^ *(?:- +)?(?:[A-Za-z_][\w-]*: +)?[^\s\"'#|>&*!\[{][^#＃\"']*?(?:([ \t\u3000]+＃)|(\u3000#))")


def _fullwidth_comments(lines: list[str], blocks: set[int]) -> list[tuple[int, int, str]]:
    """(line, column of the mark or its space, what was typed) of comments written full-width after
    a plain value, outside blocks of text."""
    found = []
    for index, line in enumerate(lines):
        if index in blocks or BLOCK_SCALAR.match(line):
            continue
        if (match := _FULLWIDTH_COMMENT.match(line)) is not None:
            if match.group(1):
                found.append((index, match.end(1) - 1, "“＃”是全角的井号"))
            else:
                found.append((index, match.start(2), "“#”前面是一个全角空格"))
    return found


def _in_a_list(lines: list[str], index: int, indent: int) -> bool:
    """A line at index stands where a list item would: next to a "- " item, or to another line
    marked the same way, at its own indentation (a single "—— 记张伟" under `summary:` is a value)."""
    def near(step: int) -> str:
        at = index + step
        while 0 <= at < len(lines) and (not lines[at].strip() or lines[at].lstrip().startswith("#")):
            at += step
        return lines[at] if 0 <= at < len(lines) else ""
    mark = lines[index][indent]
    if re.match(r"[A-Za-z_][\w-]*:\s", lines[index][indent + 1:].lstrip(" \u3000")) and (
            indent_of(near(1)) == indent + 2 and KEY_OF_LINE.match(near(1))):
        return True  # "－ id: zhang-wei" over "    name: 张伟": the first line of a record
    return any(indent_of(other) == indent and (_LIST_ITEM.match(other) or other[indent] == mark)
               for other in (near(-1), near(1)) if other.strip())


_INDENT = re.compile(r"^[ \t\u3000\u00a0]*")
# as editors see them: a full-width space is two columns; a tab two or four, by editor
_WIDTHS = ({"\t": 2, "\u3000": 2}, {"\t": 4, "\u3000": 2})


def _reindented(lines: list[str], misindented: list[int], first_error: Callable[[str], int | None]) -> list[str] | None:
    """The lines with their tabs and odd spaces of indentation as the spaces they look like,
    when the file then reads, at least up to a line away from them; None when no guess does."""
    for widths in _WIDTHS:
        fixed = list(lines)
        for index in misindented:
            indent = _INDENT.match(lines[index]).group(0)
            fixed[index] = " " * sum(widths.get(char, 1) for char in indent) + lines[index][len(indent):]
        error = first_error("\n".join(fixed))
        if error is None or all(abs(error - index) > 1 for index in misindented):
            return fixed
    return None
