"""Nested lists as editors write them: a list under a list item indented 2 or 3 spaces (GitHub's
way, and what editors' tab key makes). Python-Markdown wants 4, and otherwise runs the inner
list into the item's text ("二项：- 门诊：首问负责 - 病房…"). And a ``` fence inside a list item,
which Python-Markdown's fenced_code reads only at the margin (it made the block one line of
inline code): given as the indented code block it means."""

from __future__ import annotations

import re

from markdown.preprocessors import Preprocessor

_ITEM = re.compile(r"^( *)(?:[-*+]|\d{1,9}[.)])[ \t]+\S")
_FENCE = re.compile(r"^ *(```|~~~)")
NESTED_INDENT = 4  # what Python-Markdown takes for one level


class NestedListIndent(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        return list(renested(lines))


def renested(lines: list[str]):
    """The lines, each list item nested under another indented by NESTED_INDENT more than its
    parent (and the lines inside it shifted with it); the rest as written."""
    open_items: list[tuple[int, int]] = []  # (indent written, indent given) of the open items, outermost first
    fence, blank_before, in_paragraph = None, False, False  # in_paragraph: an item's second paragraph
    code: tuple[str, int, int] | None = None  # a fence open inside an item: (its marker, its indent, the code's indent)
    for line in lines:
        if code is not None:
            marker, fence_indent, code_indent = code
            if (closing := _FENCE.match(line)) is not None and closing.group(1) == marker:
                code, blank_before = None, True
                yield ""
            else:
                written = len(line) - len(line.lstrip(" "))
                yield " " * code_indent + line[min(written, fence_indent):] if line.strip() else ""
            continue
        if fence is None and (opening := _FENCE.match(line)) is not None and (owner := _owner(line, open_items)) is not None:
            code = opening.group(1), len(line) - len(line.lstrip(" ")), owner[1] + 2 * NESTED_INDENT
            in_paragraph = False
            yield ""  # an indented code block starts after a blank line
            continue
        if fence is not None or _FENCE.match(line):
            marker = _FENCE.match(line)
            if marker is not None:
                fence = None if fence == marker.group(1) else fence or marker.group(1)
            indent = len(line) - len(line.lstrip(" "))
            in_paragraph = in_paragraph or (bool(open_items) and indent > open_items[-1][0] and line.strip() != "")
            yield _shifted(line, open_items)
            continue
        if not line.strip():
            blank_before, in_paragraph = True, False
            yield line
            continue
        indent = len(line) - len(line.lstrip(" "))
        item = _ITEM.match(line)
        if item is None:
            if indent == 0 and blank_before:
                open_items = []  # a paragraph at the margin ends the list
            in_paragraph = in_paragraph or (blank_before and bool(open_items) and indent > open_items[-1][0])
            blank_before = False
            yield _shifted(line, open_items)
            continue
        if in_paragraph:
            yield ""  # else Python-Markdown reads the next item as more of that paragraph
        blank_before = in_paragraph = False
        while open_items and indent <= open_items[-1][0]:
            open_items.pop()  # a sibling, or an item of a list further out
        given = indent if not open_items else max(indent, open_items[-1][1] + NESTED_INDENT) if indent - open_items[-1][0] < NESTED_INDENT \
            else open_items[-1][1] + (indent - open_items[-1][0])
        open_items.append((indent, given))
        yield " " * given + line[indent:]


def _shifted(line: str, open_items: list[tuple[int, int]]) -> str:
    """A line inside the innermost item it is indented under (an item's second paragraph, written
    under its text: 3 spaces after "1. "), moved as that item was, and at least NESTED_INDENT in."""
    indent = len(line) - len(line.lstrip(" "))
    owner = _owner(line, open_items)
    if owner is None:
        return line
    written, given = owner
    moved = given + max(indent - written, NESTED_INDENT)
    return line if moved == indent else " " * moved + line[indent:]


def _owner(line: str, open_items: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The innermost open item the line is indented under."""
    indent = len(line) - len(line.lstrip(" "))
    return next(((written, given) for written, given in reversed(open_items) if written < indent), None)
