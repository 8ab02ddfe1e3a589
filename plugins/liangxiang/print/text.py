"""Measuring and breaking Chinese text into lines, and shrinking it until it fits a box.

Sizes are font sizes (the em) in millimetres. Widths come from the font's own advance widths,
the same numbers fpdf2 uses when it places the glyphs, so what fits here fits on paper.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Protocol

from ..titles import last_start
from ..values import NO_LINE_END, NO_LINE_START
from .shaping import LETTERS, SHAPED

# A line may not start with closing punctuation nor end with opening punctuation (禁则).
NO_START, NO_END = set(NO_LINE_START), set(NO_LINE_END)
# a transliterated name: parts joined by middle dots (阿卜杜热合曼·艾合买提)
NAME_PARTS = re.compile(r"[\u3400-\u9fff]+(?:·[\u3400-\u9fff]+)+")
# Runs of these stay whole: a phone number, "24小时" -> "24", "0317-2721365", "PM2.5", a Uyghur word.
# A range of times or numbers stays whole too: 7:30—8:15, 3～5 (a dash between digits).
WORD = re.compile(rf"[A-Za-z0-9０-９Ａ-Ｚａ-ｚ{LETTERS}](?:[A-Za-z0-9０-９Ａ-Ｚａ-ｚ{LETTERS}.\-_/:%℃‰+#@&'’]|[—–～~](?=[0-9０-９]))*")

# A number keeps its measure word or unit on its line: "3次", "24小时", "1.2万平方米" ("3 / 次" reads badly).
# A unit of two or more characters takes no measure word after it: "220千伏 / 间隔", not "220千伏间 / 隔".
MEASURE = re.compile(r"[万亿]?(?:平方公里|平方千米|平方米|立方米|公里|千米|毫米|厘米|公斤|千克|公顷|千伏安|兆伏安|千伏|千瓦时|千瓦|兆瓦|"
                     r"小时|分钟|个月|余|多|[次个人户天日月年时分秒米元万亿项条名位件台座处栋号层周吨斤辆棵株盏家间套倍岁届期批场份所亩伏瓦度])?")
# A short quoted term stays on one line: "“四乱”", "《条例》" (not "“四 / 乱”").
QUOTED = re.compile(r"“[^”\s]{1,6}”|‘[^’\s]{1,6}’|《[^》\s]{1,8}》|「[^」\s]{1,6}」")
PAUSES = "，,、；;：:。！!？?"  # a clause ends with one of these: a centred sentence breaks after them
# A Hanzi's ink spans about 0.92 em in Noto Sans SC (国: -0.08..0.84 em): the CJK "cap height".
HANZI_HEIGHT = 0.92


class Measure(Protocol):
    def width(self, text: str, size: float, bold: bool = False) -> float: ...


@dataclass(frozen=True)
class Fitted:
    """A text set at one size in whole lines."""

    size: float
    lines: tuple[str, ...]


def units(text: str) -> list[str]:
    """The pieces a line may break between, with punctuation glued to its neighbour."""
    pieces: list[str] = []
    position = 0
    text = re.sub(r"\s+", " ", text.strip())
    while position < len(text):
        match = WORD.match(text, position) or QUOTED.match(text, position)
        piece = match.group(0) if match else text[position]
        position += len(piece)
        if match and piece[0].isdigit():
            measure = MEASURE.match(text, position).group(0)
            piece, position = piece + measure, position + len(measure)
        if piece == " ":
            if pieces:
                pieces[-1] += " "
            continue
        if pieces and (piece[0] in NO_START or pieces[-1][-1] in NO_END):
            pieces[-1] += piece
        else:
            pieces.append(piece)
    return pieces


@lru_cache(maxsize=4096)  # every size tried wraps the same text again
def word_units(text: str) -> tuple[str, ...]:
    """units() joined into whole words (titles.between_words): a promise on a desk plate breaks
    …当好 / 抢修班的…, not …当 / 好抢修班的…."""
    from ..titles import between_words

    pieces = units(text)
    bounds, words, at = set(between_words("".join(pieces))), [], 0
    for piece in pieces:
        if words and at not in bounds and not words[-1].endswith(" "):
            words[-1] += piece
        else:
            words.append(piece)
        at += len(piece)
    return tuple(words)


def phrases(text: str, longest: int = 10) -> list[str]:
    """Pieces of a list of names or titles ("赵丽华、孙海涛", "站长 · 党支部书记", "城区中队 李警官"):
    each stays whole unless it is longer than ``longest`` characters; then it breaks between words
    (…片区 / 负责人 · 党员, not …负责 / 人 · 党员)."""
    pieces: list[str] = []
    # after a colon, but not inside a time (16:30: audit AP 1)
    for part in re.split(r"(?<=[、，,：])|(?<=:)(?!\d)|(?<= · )|(?<=[^·\s] )(?!·)", re.sub(r"\s+", " ", text.strip())):
        if len(part.strip()) <= longest or (NAME_PARTS.fullmatch(part.strip(" 、，,")) and len(part) <= 2 * longest):
            pieces += [part] if part else []  # 买买提江·吐尔逊阿吉 stays whole: one person
        else:
            for half in re.split(r"(?<=·)(?! )", part):
                words = list(word_units(half.rstrip(" ·")))
                pieces += words[:-1] + [words[-1] + half[len(half.rstrip(" ·")):]] if words else [half]
    return pieces


def wrap(text: str, measure: Measure, size: float, width: float, bold: bool = False, first: float | None = None,
         keep_phrases: bool = False, by_words: bool = False) -> list[str]:
    """Greedy line breaking; ``first`` is the first line's width when it differs (hanging indents);
    ``keep_phrases`` keeps names and titles of a list whole (see phrases), ``by_words`` words (see
    word_units). A line break the editor wrote (YAML's `|`) starts a new line, except in such a
    list (it is one line of titles)."""
    if "\n" in text.strip() and not keep_phrases:
        lines: list[str] = []
        for part in (part for part in text.strip().split("\n") if part.strip()):
            lines += _wrap(measure, part.strip(), round(size, 4), round(width, 4), bold, first if not lines else None, keep_phrases, by_words)
        return lines
    return list(_wrap(measure, text, round(size, 4), round(width, 4), bold, first, keep_phrases, by_words))


@lru_cache(maxsize=65536)  # layouts try many sizes and boxes; the same lines come back often
def _wrap(measure: Measure, text: str, size: float, width: float, bold: bool, first: float | None, keep_phrases: bool,
          by_words: bool = False) -> tuple:
    pieces = phrases(text) if keep_phrases else list(word_units(text)) if by_words else units(text)
    running = getattr(measure, "running", None)  # Metrics: widths that add, but for shaped text
    if running is not None and "·" not in text and not SHAPED.search(text):
        lines = _fill_summed(pieces, running, size, width, bold, first, measure)
    else:
        lines = _fill_measured(pieces, measure, size, width, bold, first)
    if len(lines) >= 2 and len(lines[-1].rstrip("".join(NO_START))) <= 1:
        # one character alone on the last line (孤字, "…90分 / 钟"): it takes the previous line's last piece
        before = units(lines[-2])
        moved = before[-1].rstrip() + lines[-1] if len(before) >= 3 else ""
        if moved and measure.width(moved, size, bold) <= width:
            lines[-2:] = ["".join(before[:-1]).rstrip(), moved]
    if keep_phrases:  # " · " separates titles on one line; at a line's end it only dangles
        lines = [line.removesuffix(" ·").rstrip() for line in lines]
    return tuple(lines)


def _fill_measured(pieces: list[str], measure: Measure, size: float, width: float, bold: bool, first: float | None) -> list[str]:
    """Greedy lines, each measured whole as a piece is added: for any Measure, and for names
    (broken at their dots) and shaped text (whose widths do not add)."""
    lines: list[str] = []
    line = ""
    while pieces:
        piece = pieces.pop(0)
        if "·" in piece.strip(" ·") and measure.width(piece.rstrip(), size, bold) > width:  # a name wider than a line: break at its dots
            halves = [half for half in re.split(r"(?<=·)(?! )", piece) if half]
            if len(halves) > 1:
                pieces[:0] = halves
                continue
        limit = first if (first is not None and not lines) else width
        if line and measure.width((line + piece).rstrip(), size, bold) > limit and measure.width(piece.rstrip(), size, bold) <= width:
            lines.append(line.rstrip())  # a piece wider than any line starts here instead, and is broken below
            line, limit = "", width
        line += piece
        if measure.width(line.rstrip(), size, bold) > limit:
            # one piece wider than a whole line (a long number or word): break it between characters
            parts = _break_chars(line.rstrip(), measure, size, limit, width, bold)
            lines.extend(parts[:-1])
            line = parts[-1]
    if line.strip():
        lines.append(line.rstrip())
    return lines


def _fill_summed(pieces: list[str], running, size: float, width: float, bold: bool, first: float | None,
                 measure: Measure) -> list[str]:
    """The same lines as _fill_measured, to the bit, with the line's advances summed as pieces
    join it (Metrics.running) rather than the whole line measured again for each: a 4,000-character
    duty, or a line 2 m long, took seconds (audit AE)."""
    lines: list[str] = []
    line, sums = "", [0.0]  # sums[n]: the advance of the line's first n characters, in em
    for piece in pieces:
        limit = first if (first is not None and not lines) else width
        added = running(piece, bold, sums[-1])
        if line:
            end = len((line + piece).rstrip())
            alone = (added[len(piece.rstrip()) - 1] - sums[-1]) * size if piece.strip() else 0.0
            if (sums[end] if end < len(sums) else added[end - len(sums)]) * size > limit and alone <= width:
                lines.append(line.rstrip())
                line, limit, sums = "", width, [0.0]
                added = running(piece, bold, 0.0)
        line += piece
        sums.extend(added)
        if sums[len(line.rstrip())] * size > limit:
            # one piece wider than a whole line (a long number or word): break it between characters
            parts = _break_chars(line.rstrip(), measure, size, limit, width, bold)
            lines.extend(parts[:-1])
            line = parts[-1]
            sums = [0.0, *running(line, bold, 0.0)]
    if line.strip():
        lines.append(line.rstrip())
    return lines


def _break_chars(text: str, measure: Measure, size: float, limit: float, width: float, bold: bool) -> list[str]:
    """A piece wider than a line (a bracketed list, a phrase jieba keeps whole) broken between its
    units(): a time, a number with its unit, a word of letters stays whole (…午11:30—12:00、/ …, not
    12:0 / 0: audit AP 1); between characters only inside a unit that is itself wider than a line."""
    lines, line = [], ""
    for unit in units(text) or [text]:
        if line and measure.width((line + unit).rstrip(), size, bold) > (limit if not lines else width):
            lines.append(line.rstrip())
            line = ""
        line += unit
        room = limit if not lines else width
        if measure.width(line.rstrip(), size, bold) > room:
            parts = _split_chars(line.rstrip(), measure, size, room, width, bold)
            lines.extend(parts[:-1])
            line = parts[-1]
    return lines + [line.rstrip()]


def _split_chars(text: str, measure: Measure, size: float, limit: float, width: float, bold: bool) -> list[str]:
    lines, line = [], ""
    for char in text:
        if line and measure.width(line + char, size, bold) > (limit if not lines else width):
            lines.append(line)
            line = char
        else:
            line += char
    return lines + [line]


def sizes(biggest: float, smallest: float, step: float = 0.96) -> list[float]:
    """Candidate sizes from biggest down to smallest, each about 4 % smaller than the last."""
    out, size = [], biggest
    while size > smallest * 1.0001:
        out.append(round(size, 3))
        size *= step
    return out + [round(smallest, 3)]


def largest(candidates: list[float], fits) -> float | None:
    """The first candidate (they run from large to small) for which fits() holds, found by bisection:
    whatever fits at one size fits at every smaller one."""
    low, high = 0, len(candidates)
    while low < high:
        middle = (low + high) // 2
        if fits(candidates[middle]):
            high = middle
        else:
            low = middle + 1
    return candidates[low] if low < len(candidates) else None


def fit(text: str, measure: Measure, width: float, biggest: float, smallest: float, max_lines: int,
        bold: bool = False, height: float | None = None, leading: float = 1.3, keep_phrases: bool = False,
        accept: Callable[[list[str]], bool] | None = None, by_words: bool = False) -> Fitted | None:
    """The largest size at which text fits in max_lines lines (and height, if given), in lines
    that accept() takes when it is given; None when none does."""
    def fits(size: float) -> bool:
        lines = wrap(text, measure, size, width, bold, keep_phrases=keep_phrases, by_words=by_words)
        return (len(lines) <= max_lines and (height is None or len(lines) * size * leading <= height + 1e-6)
                and (accept is None or accept(lines)))

    size = largest(sizes(biggest, smallest), fits)
    return None if size is None else Fitted(size, tuple(wrap(text, measure, size, width, bold, keep_phrases=keep_phrases,
                                                             by_words=by_words)))


def balanced(text: str, measure: Measure, size: float, width: float, bold: bool = False, by_words: bool = False,
             keep_phrases: bool = False) -> tuple[str, ...]:
    """As many lines as greedy wrapping makes, as even in length as they go (CSS's text-wrap:
    balance): a centred title breaks 镇便民服务中心 / 党员示范窗口, not …党员示范 / 窗口."""
    def lines_at(width: float) -> list[str]:
        return wrap(text, measure, size, width, bold, by_words=by_words, keep_phrases=keep_phrases)

    lines = lines_at(width)
    if len(lines) < 2:
        return tuple(lines)
    low, high = measure.width(text, size, bold) / len(lines), width  # high always gives len(lines)
    for _ in range(14):
        middle = (low + high) / 2
        if len(lines_at(middle)) == len(lines):
            high = middle
        else:
            low = middle
    return tuple(lines_at(high))


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


def centred(text: str, measure: Measure, size: float, width: float, bold: bool = False, most_lines: int = 0) -> tuple[str, ...]:
    """Lines for a centred sentence (a promise): broken after its commas when that takes no more
    lines and leaves none short, else as even as they go between words (in up to ``most_lines``
    lines, when that is more than breaking anywhere takes), else between characters; never
    "…服务不少一 / 句话" nor "…当 / 好抢修班的…"."""
    lines = wrap(text, measure, size, width, bold)
    if len(lines) < 2:
        return tuple(lines)
    by_clause = wrap(text, measure, size, width, bold, keep_phrases=True)
    widths = [measure.width(line, size, bold) for line in by_clause]
    if len(by_clause) == len(lines) and min(widths) >= 0.4 * max(widths) and all(line[-1] in PAUSES for line in by_clause[:-1]):
        return tuple(by_clause)
    if len(wrap(text, measure, size, width, bold, by_words=True)) <= max(len(lines), most_lines):
        return balanced(text, measure, size, width, bold, by_words=True)
    return balanced(text, measure, size, width, bold)


def broken_at_dots(lines: list[str]) -> bool:
    """Lines of a transliterated name (买买提艾力·阿卜杜克热木·艾合买提江) broken only after its dots."""
    return all(line.endswith("·") for line in lines[:-1]) or "·" not in "".join(lines)
