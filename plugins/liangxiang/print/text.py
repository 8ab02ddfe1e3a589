"""Measuring and breaking Chinese text into lines, and shrinking it until it fits a box.

Sizes are font sizes (the em) in millimetres. Widths come from the font's own advance widths,
the same numbers fpdf2 uses when it places the glyphs, so what fits here fits on paper.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Protocol

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
