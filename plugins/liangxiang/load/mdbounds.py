"""Bounds on Markdown from content, so that a hostile or broken body cannot stall or crash a build.

Python-Markdown recurses once per level of nested lists and quotes (a few hundred levels raise
RecursionError), and so it does per nested emphasis; its link parser is quadratic in the number of "[" in a block (50,000 take
minutes). No real story comes near these limits.
"""

from __future__ import annotations

import re

MAX_DEPTH = 40  # levels of nested lists / quotes on one line (indentation counts one level per 4 spaces)
MAX_BRACKETS = 2000  # "[" in one Markdown text
MAX_EMPHASIS = 400  # "*" and "_" open at once (nested emphasis): some 1,000 raise RecursionError
_RUN = re.compile(r"[*_]+")


def _emphasis_depth(paragraph: str) -> int:
    """How many "*" and "_" are open at most at one point: runs before a word open, runs after one
    close (a run inside a word does both). Bold after bold stays at 2; *** nested … *** grows.
    Openers nothing closes (*a *a *a) nest nothing: they count only as far as closers follow."""
    depth = deepest = closed = 0
    for run in _RUN.finditer(paragraph):
        start, end = run.span()
        after_word = start > 0 and not paragraph[start - 1].isspace()
        before_word = end < len(paragraph) and not paragraph[end].isspace()
        if before_word and not after_word:
            depth += end - start
            deepest = max(deepest, depth)
        elif after_word and not before_word:
            depth = max(0, depth - (end - start))
            closed += end - start
    return min(deepest, closed)


_MARKER = re.compile(r"(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t]))[ \t]*")


def _depth(line: str) -> int:
    stripped = line.lstrip(" \t")
    indent = len(line[: len(line) - len(stripped)].expandtabs(4))
    depth, at = indent // 4, 0
    while True:
        match = _MARKER.match(stripped, at)
        if not match or match.end() == at:
            return depth
        depth, at = depth + 1, match.end()
        if depth > MAX_DEPTH:
            return depth


def markdown_problems(text: str) -> list[tuple[int, str, str]]:
    """(line within text counting from 1, message, hint) for each bound text exceeds."""
    found: list[tuple[int, str, str]] = []
    for number, line in enumerate(text.split("\n"), 1):
        if _depth(line) > MAX_DEPTH:
            found.append((number, f"列表或引用嵌套太深（超过 {MAX_DEPTH} 层）",
                          "减少缩进和“>”“-”“1.”的层数；正文不需要这么多层"))
            break
    line = 1
    for paragraph in re.split(r"(\n[ \t]*\n)", text):
        if ("*" in paragraph or "_" in paragraph) and _emphasis_depth(paragraph) > MAX_EMPHASIS:
            found.append((line, f"这一段的加粗、倾斜符号“*”“_”一层套一层，太深了（超过 {MAX_EMPHASIS} 层）",
                          "“*”“_”用来加粗和倾斜；普通文字里请换成其他符号，或分成几段"))
            break
        line += paragraph.count("\n")
    brackets = text.count("[")
    if brackets > MAX_BRACKETS:
        offset = 0
        for _ in range(MAX_BRACKETS + 1):
            offset = text.index("[", offset) + 1
        found.append((text.count("\n", 0, offset) + 1, f"方括号“[”太多（{brackets} 个，最多 {MAX_BRACKETS} 个）",
                      "方括号用来写链接；普通文字里请换成中文的【】"))
    return found
