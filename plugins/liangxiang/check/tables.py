"""Tables in Markdown that a page would show otherwise than their editor meant: rows copied from
Excel or WPS (columns parted by tabs, which Markdown runs into one paragraph), and a row with more
cells than its header (Python-Markdown drops the cells past the last column, without a word)."""

from __future__ import annotations

import re

from ..content import Content
from ..problems import Location, Problem
from .markdown_refs import markdown_texts

_TABBED = re.compile(r"\S\t+\S")
_FENCE = re.compile(r"^ {0,3}(```|~~~)")
_RULE = re.compile(r"^ {0,3}\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$")
_PIPE = re.compile(r"(?<!\\)\|")


def table_problems(content: Content) -> list[Problem]:
    found = []
    for text, start, field, _, block, _ in markdown_texts(content):
        if "\t" not in text and "|" not in text:
            continue
        for line, message, hint in _in_text(text):
            where = Location(start.path, start.line + line - (0 if block else 1), 1) if start.line else start
            found.append(Problem(where, field, message, hint))
    return found


def _in_text(text: str):
    """(line counted from 1, message, hint) of each table shown otherwise than written."""
    lines, fence, tabbed, columns = text.split("\n"), None, [], 0
    for number, line in enumerate(lines + [""], 1):
        if (marker := _FENCE.match(line)) is not None:
            fence = None if fence == marker.group(1) else fence or marker.group(1)
            continue
        if fence is not None or line.startswith(("    ", "\t")):
            continue  # code: shown as written
        if _TABBED.search(line):
            tabbed.append(number)
            continue
        if len(tabbed) >= 2:
            yield tabbed[0], *_pasted(lines[tabbed[0] - 1])
        tabbed = []
        if not line.strip():
            columns = 0
        elif columns:
            cells = _cells(line)
            if len(cells) > columns and "`" not in line:
                extra = "、".join(f"“{cell}”" for cell in cells[columns:] if cell) or "空格子"
                yield (number, f"表格这一行有 {len(cells)} 格，表头只有 {columns} 格：多出的{extra}网页上不会显示",
                       "在表头和“---”那一行各加一列，或把多出的内容并进这一行前面的格子")
        elif number < len(lines) and _RULE.match(lines[number]) and "|" in line:
            columns = len(_cells(line))  # the header, above its |---|---| line


def _cells(line: str) -> list[str]:
    row = line.strip()
    row = row[1:] if row.startswith("|") else row
    row = row[:-1] if row.endswith("|") and not row.endswith("\\|") else row
    return [cell.strip() for cell in _PIPE.split(row)]


def _pasted(first: str) -> tuple[str, str]:
    header = "| " + " | ".join(cell.strip() for cell in first.split("\t") if cell.strip()) + " |"
    rule = "|" + "---|" * header.count(" | ") + "---|"
    return ("从这一行起的几行像是从 Excel、WPS 表格复制来的（列之间是制表符 Tab）：网页上会连成一段文字",
            f"写成 Markdown 表格：第一行 {header}，第二行 {rule}，下面每行一条，格子之间用“|”隔开")
