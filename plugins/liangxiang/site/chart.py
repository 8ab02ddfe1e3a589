"""A zone's scores across periods as a small inline SVG line chart (no script, no library).

Colours come from the theme's CSS classes (``.trend-chart .line`` ...), so the chart follows
the theme and its print styles. Every text in it is escaped.
"""

from __future__ import annotations

import math
from decimal import ROUND_DOWN, Decimal
from typing import Sequence

from markupsafe import Markup, escape

# drawn about as wide as a 320 px phone shows it (a card of some 258 px), so that its 13 px labels
# are 13 px there, not 9 (audit AS-C 1: a 320-wide chart in that card); the CSS caps how wide it grows
WIDTH, HEIGHT = 256, 136
LEFT, RIGHT, TOP, BOTTOM = 30, 10, 24, 26  # room for the grade lines' numbers, scores and periods
INSET = 16  # the first and last points stand clear of the axis numbers


LABEL_HEIGHT = 13  # the axis numbers' font size (theme CSS): grade labels closer than this would overlap


PERIOD_WIDTH, PERIOD_GAP = 84, 8  # 2026年二季度 at the axis' 13 px, and the space between two


def _anchor(i: int, count: int) -> str:
    """The first and last periods' labels stand inside the chart, the others centred on their point."""
    return "middle" if count == 1 else "start" if i == 0 else "end" if i == count - 1 else "middle"


def _labelled(xs: Sequence[float]) -> set[int]:
    """The points whose period is named: every step-th from the newest, the smallest step at which
    no two labels overlap (their anchors differ, so the spacing of the points alone does not say);
    the oldest too where it has room (a chart whose first name was its second point read as if its
    record began there, audit AS-J 8)."""
    count = len(xs)

    def apart(chosen: list[int]) -> bool:
        spans = []
        for i in chosen:
            left = {"start": 0, "middle": PERIOD_WIDTH / 2, "end": PERIOD_WIDTH}[_anchor(i, count)]
            spans.append((xs[i] - left, xs[i] - left + PERIOD_WIDTH))
        return all(after[0] - before[1] >= PERIOD_GAP for before, after in zip(spans, spans[1:]))

    steps = [sorted(i for i in range(count) if (count - 1 - i) % step == 0) for step in range(1, count + 1)]
    for tried in [sorted({0, *chosen}) for chosen in steps] + steps:  # with the oldest, if any step has room for it
        if apart(tried):
            return set(tried)
    return {count - 1}


VALUE_WIDTH = 36  # a score's label ("71.5") at the chart's 14 px, and a little space


def _valued(labelled: set[int], scores: Sequence[float], xs: Sequence[float]) -> set[int]:
    """The points whose score is written: those whose period is, and the lowest and the highest
    where their label has room (a 68 under a 不合格 line went unwritten between 97 and 71.5: a
    chart of a public record names its low as well as its high, audit AR 9)."""
    valued = set(labelled)
    for i in sorted({min(range(len(scores)), key=scores.__getitem__), max(range(len(scores)), key=scores.__getitem__)}):
        if all(abs(xs[i] - xs[j]) >= VALUE_WIDTH for j in valued if j != i):
            valued.add(i)
    return valued


def _n(value: float) -> str:
    """A coordinate."""
    return f"{value:.1f}".rstrip("0").rstrip(".")


def score_text(value: float) -> str:
    """A score as shown to visitors: at most two decimals, cut off, never rounded, so that a score
    never shows as a number across a grade boundary (79.99 is not "80", 89.9999995 is not "90").
    The digits are those of the score as written (repr), not of its binary approximation."""
    text = f"{Decimal(repr(float(value))).quantize(Decimal('0.01'), rounding=ROUND_DOWN):f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def trend_svg(points: Sequence[tuple[str, float]], thresholds: Sequence[float], title: str, chart_id: str) -> Markup:
    """points: (period, score) oldest first; thresholds: grade minimums to draw as dashed lines."""
    if not points:
        return Markup("")
    scores = [score for _, score in points]
    low = min(60.0, math.floor((min(scores) - 5) / 10) * 10)
    low = max(0.0, low)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def y(score: float) -> float:
        return TOP + plot_h * (100 - score) / (100 - low)

    def x(i: int) -> float:
        inner = plot_w - 2 * INSET
        return LEFT + INSET + (inner / 2 if len(points) == 1 else inner * i / (len(points) - 1))

    parts = [
        f'<svg class="trend-chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-labelledby="{chart_id}"'
        f' preserveAspectRatio="xMidYMid meet">',
        f'<title id="{chart_id}">{escape(title)}</title>',
    ]
    best = max(thresholds, default=None)
    if best is not None and best > low:
        parts.append(f'<rect class="band" x="{LEFT}" y="{_n(y(100))}" width="{plot_w}" height="{_n(y(best) - y(100))}"/>')
    # the lowest grade's band (不合格), grey: a 69.5 drawn a pixel under the 70 line reads as failing,
    # by its band and its grey dot (audit AS-M 8)
    floor = min((t for t in thresholds if t > 0), default=None)
    if floor is not None and low < floor < 100:
        parts.append(f'<rect class="band-under" x="{LEFT}" y="{_n(y(floor))}" width="{plot_w}" height="{_n(y(low) - y(floor))}"/>')
    labelled = None  # the y of the last grade number drawn, from the top: a lower one too close is left out
    for minimum in sorted(thresholds, reverse=True):
        if low < minimum < 100:
            parts.append(f'<line class="grid" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{_n(y(minimum))}" y2="{_n(y(minimum))}"/>')
            if labelled is None or y(minimum) - labelled >= LABEL_HEIGHT:
                labelled = y(minimum)
                parts.append(f'<text class="axis" x="{LEFT - 4}" y="{_n(y(minimum) + 4.5)}" text-anchor="end">{escape(score_text(minimum))}</text>')
    far_below = min(scores) < min((t for t in thresholds if low < t < 100), default=low) - 10
    if far_below and labelled is not None and y(low) - labelled >= LABEL_HEIGHT:  # a score far below the grades: the scale's foot is named too
        parts.append(f'<text class="axis" x="{LEFT - 4}" y="{_n(y(low) + 4.5)}" text-anchor="end">{escape(score_text(low))}</text>')
    coords = [(x(i), y(score)) for i, score in enumerate(scores)]
    if len(coords) > 1:
        parts.append(f'<polyline class="line" points="{" ".join(f"{_n(a)},{_n(b)}" for a, b in coords)}"/>')
    labelled = _labelled([cx for cx, _ in coords])
    valued = _valued(labelled, scores, [cx for cx, _ in coords])
    for i, ((period, score), (cx, cy)) in enumerate(zip(points, coords)):
        last = i == len(points) - 1
        under = " under" if floor is not None and score < floor else ""
        parts.append(f'<circle class="dot{" last" if last else ""}{under}" cx="{_n(cx)}" cy="{_n(cy)}" r="{4.5 if last else 3.5}"/>')
        anchor = _anchor(i, len(points))
        if i in valued:
            parts.append(f'<text class="value" x="{_n(cx)}" y="{_n(cy - 8)}" text-anchor="{anchor}">{escape(score_text(score))}</text>')
        if i in labelled:
            parts.append(f'<text class="axis" x="{_n(cx)}" y="{HEIGHT - 6}" text-anchor="{anchor}">{escape(period)}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))
