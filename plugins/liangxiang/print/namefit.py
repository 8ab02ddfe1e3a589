"""A name or a title in as few balanced lines as fit, broken where a reader pauses: at the
points titles.title_breaks finds, before a term of the campaign, between words, after the dots of
a transliterated name; inside a word only when keeping words whole costs too much size."""

from __future__ import annotations

import re
from typing import Callable

from ..titles import last_start
from .text import Fitted, Measure, balanced, fit, largest, sizes, wrap

WORDS_LARGER = 1.25  # how much larger a name broken between words must be than at the reader's breaks


def fit_name(text: str, measure: Measure, width: float, biggest: float, smallest: float, max_lines: int,
             bold: bool = False, height: float | None = None, leading: float = 1.3, points: tuple[int, ...] = (),
             tails: tuple[str, ...] = (), break_before: str | re.Pattern = "", words: Callable[[str], tuple[int, ...]] | None = None,
             whole: bool = False) -> Fitted | None:
    """Like fit, in balanced lines; a name that needs more than one line breaks at the most even
    of ``points`` (see titles.title_breaks: 城东110千伏变电站 / 设备运维保障), or else before a known
    ending ("优秀党员责任区") or the word break_before, or else between the words that ``words``
    finds, rather than inside a word, unless that costs more than a fifth of the size; ``whole``: never
    inside a word (None when only that fits)."""
    plain = fit(text, measure, width, biggest, smallest, max_lines, bold, height, leading)
    if plain is not None and len(plain.lines) > 1:
        plain = Fitted(plain.size, balanced(text, measure, plain.size, width, bold))
    if plain is not None and len(plain.lines) == 1:
        return plain
    if whole:
        plain = None
    at_points = _at_points(text, measure, width, sizes(biggest, smallest), max_lines, bold, height, leading, points)
    at_words = None
    if words is not None:
        between = tuple(sorted({*points, *words(text)}))
        at_words = _at_points(text, measure, width, sizes(biggest, smallest), max_lines, bold, height, leading, between)
    if at_points is not None and (plain is None or at_points.size >= 0.8 * plain.size):
        if at_words is None or not _words_read_better(at_points, at_words, measure, bold):
            return at_points
    if at_words is not None and (plain is None or at_words.size >= 0.8 * plain.size):
        return at_words
    tail = next((t for t in tails if text.endswith(t) and len(text) > len(t)), None)
    if tail is None and break_before and (at := last_start(text, break_before)) is not None:
        tail = text[at:]
    if tail is None:
        return plain
    head = text[: -len(tail)]
    for size in sizes(biggest, smallest):
        lines = wrap(head, measure, size, width, bold) + [tail]
        if (measure.width(tail, size, bold) <= width and len(lines) <= max_lines
                and (height is None or len(lines) * size * leading <= height + 1e-6)):
            if plain is None or size >= 0.8 * plain.size:
                return Fitted(size, tuple(lines))
            break
    return plain


def _words_read_better(at_points: Fitted, at_words: Fitted, measure: Measure, bold: bool) -> bool:
    """Whether breaking between words beats the reader's breaks: it sets the name a quarter larger
    (南庄村…示范项目 / 暨设施农业…共产党员服务责任区 at 12 / 22 characters: audit AN 5), or as large
    in no more lines, none left at less than half of the longest (… / 责任区 alone on the last)."""
    if at_words.size >= WORDS_LARGER * at_points.size:
        return True
    return (at_words.size >= at_points.size and len(at_words.lines) <= len(at_points.lines)
            and _evenness(at_points, measure, bold) < 0.5 <= _evenness(at_words, measure, bold))


def _evenness(fitted: Fitted, measure: Measure, bold: bool) -> float:
    """The shortest line's width over the longest's."""
    widths = [measure.width(line, fitted.size, bold) for line in fitted.lines]
    return min(widths) / max(widths) if max(widths) > 0 else 1.0


def _at_points(text: str, measure: Measure, width: float, candidates: list[float], max_lines: int, bold: bool,
               height: float | None, leading: float, points: tuple[int, ...]) -> Fitted | None:
    """The largest size at which text broken only at points fits, in as few lines as it can, the
    longest line as short as it can be. Lines are filled greedily to count them (the fewest there
    can be) and then evened out by dynamic programming: a 200-character name has a hundred points,
    and trying their combinations took a minute."""
    edges = (0, *sorted({at for at in points if 0 < at < len(text)}), len(text))

    def line_width(start: int, end: int, size: float) -> float:
        return measure.width(text[edges[start]:edges[end]].strip(), size, bold)

    def fewest(size: float) -> int | None:
        """Lines needed at this size, filled greedily (which needs the fewest); None if a piece between two points is too wide."""
        count, start = 0, 0
        while start < len(edges) - 1:
            end = start + 1
            if line_width(start, end, size) > width:
                return None
            while end + 1 < len(edges) and line_width(start, end + 1, size) <= width:
                end += 1
            count, start = count + 1, end
        return count

    def fits(size: float) -> bool:  # in two lines at least: one is fit()'s to find
        count = fewest(size)
        return count is not None and max(2, count) <= max_lines and (height is None or max(2, count) * size * leading <= height + 1e-6)

    size = largest(candidates, fits)
    if size is None or len(edges) < 3:
        return None
    count = max(2, fewest(size))
    # best[k][i]: the narrowest widest line setting text up to edges[i] in k lines, and where line k starts
    best: list[dict[int, tuple[float, int]]] = [{0: (0.0, 0)}]
    for _ in range(count):
        row: dict[int, tuple[float, int]] = {}
        for end in range(1, len(edges)):
            for start in range(end - 1, -1, -1):
                here = line_width(start, end, size)
                if here > width:
                    break  # starting earlier only widens it
                if start in best[-1]:
                    widest = max(best[-1][start][0], here)
                    if end not in row or widest <= row[end][0]:  # of equals, the earliest break (as before)
                        row[end] = (widest, start)
        best.append(row)
    cuts, at = [], len(edges) - 1
    for k in range(count, 0, -1):
        at = best[k][at][1]
        cuts.append(at)
    bounds = [*reversed(cuts), len(edges) - 1]
    return Fitted(size, tuple(text[edges[a]:edges[b]].strip() for a, b in zip(bounds, bounds[1:])))


def broken_at_dots(lines: list[str]) -> bool:
    """Lines of a transliterated name (买买提艾力·阿卜杜克热木·艾合买提江) broken only after its dots."""
    return all(line.endswith("·") for line in lines[:-1]) or "·" not in "".join(lines)
