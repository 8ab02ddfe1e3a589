"""The zone's trend chart: an inline SVG with every text escaped."""

from __future__ import annotations

import re

import pytest

from liangxiang.site.chart import LABEL_HEIGHT, score_text, trend_svg
from liangxiang.site.view import SiteView, load_labels, period_name


def test_points_lines_and_labels():
    svg = str(trend_svg([("2026-Q1", 82), ("2026-Q2", 90), ("2026-Q3", 95.5)], [90, 80, 70], "历次考核", "t1"))
    assert svg.startswith("<svg") and svg.endswith("</svg>")
    assert len(re.findall(r"<circle", svg)) == 3 and "<polyline" in svg
    assert ">95.5<" in svg and ">2026-Q3<" in svg and 'aria-labelledby="t1"' in svg and '<title id="t1">' in svg
    ys = [float(y) for y in re.findall(r'<circle[^>]*cy="([0-9.]+)"', svg)]
    assert ys[0] > ys[1] > ys[2]  # higher scores stand higher


def test_one_period_and_none():
    assert len(re.findall(r"<circle", str(trend_svg([("2026-Q1", 50)], [90], "t", "c")))) == 1
    assert str(trend_svg([], [90], "t", "c")) == ""


def test_text_is_escaped():
    svg = str(trend_svg([("2026-Q1", 80)], [90], '<script>alert("x")</script>', "c"))
    assert "<script>" not in svg and "&lt;script&gt;" in svg


# a score is shown cut off at two decimals, never rounded: never as a number across a grade boundary
SCORES = [
    (89.999, "89.99"), (89.9999995, "89.99"), (79.99, "79.99"), (89.99, "89.99"), (69.995, "69.99"),
    (93.5, "93.5"), (90, "90"), (90.0, "90"), (100, "100"), (0, "0"), (0.001, "0"), (88.10, "88.1"),
    (59.999999999, "59.99"), (70.01, "70.01"),
]


@pytest.mark.parametrize("score, shown", SCORES)
def test_scores_are_cut_off_not_rounded(score, shown):
    assert score_text(score) == shown
    view = SiteView(None, None, None, None)
    assert view.score(score) == shown
    # the chart's label of the point says the same
    svg = str(trend_svg([("2026-Q1", 85), ("2026-Q2", score)], [90, 80, 70], "t", "c"))
    assert re.findall(r'<text class="value"[^>]*>([^<]*)</text>', svg)[-1] == shown


@pytest.mark.parametrize("count", range(1, 17))
def test_period_labels_never_overlap(count):
    """With 7 or 10 periods two labels overlapped by 20 units, "2025年一季2025年三季度" (audit L): the
    first is anchored at its start and the next at its middle. Measured in the bundled CJK font at
    the theme's 13 px, the labels stand apart, the newest always named."""
    from PIL import ImageFont

    from liangxiang.print.fonts import bundled_font
    from liangxiang.site.chart import HEIGHT, WIDTH

    font = ImageFont.truetype(str(bundled_font()), 13)
    periods = [f"{2020 + i // 4}-Q{i % 4 + 1}" for i in range(count)]
    names = [period_name(load_labels(), period, short=True) for period in periods]
    svg = str(trend_svg(list(zip(names, [80 + i % 10 for i in range(count)])), [90, 80], "t", "c"))
    labels = re.findall(rf'<text class="axis" x="([0-9.]+)" y="{HEIGHT - 6}" text-anchor="(\w+)">([^<]*)</text>', svg)
    assert labels[-1][2] == names[-1] and len(labels) >= min(count, 2), labels
    spans = []
    for x, anchor, text in labels:
        width = font.getlength(text)
        left = float(x) - {"start": 0, "middle": width / 2, "end": width}[anchor]
        assert 0 <= left and left + width <= WIDTH, (text, left)
        spans.append((left, left + width))
    assert all(after[0] - before[1] >= 4 for before, after in zip(spans, spans[1:])), (labels, spans)


def _axis_labels(svg: str) -> list[tuple[float, str]]:
    """(baseline y, text) of the grade numbers at the left of the chart."""
    from liangxiang.site.chart import LEFT

    return sorted((float(y), text) for y, text in re.findall(rf'<text class="axis" x="{LEFT - 4}" y="([0-9.]+)"[^>]*>([^<]*)</text>', svg))


@pytest.mark.parametrize("scores, thresholds", [
    ([79.99, 0], [90, 80, 70]),  # a zero brings the axis down to 0: the grade lines crowd together
    ([0], [90, 80, 70]),
    ([5, 95], [95, 90, 85, 80, 75, 70, 65, 60]),
    ([88, 92], [90, 80, 70]),  # nothing crowded: every grade is labelled
    ([88, 92], [90, 89, 70]),
])
def test_grade_labels_never_overlap(scores, thresholds):
    svg = str(trend_svg([(f"2026-Q{i + 1}", s) for i, s in enumerate(scores)], thresholds, "t", "c"))
    labels = _axis_labels(svg)
    assert labels and labels[0][1] == score_text(max(t for t in thresholds if t < 100))  # the best grade's number stays
    gaps = [b[0] - a[0] for a, b in zip(labels, labels[1:])]
    assert all(gap >= LABEL_HEIGHT for gap in gaps), labels
    # every grade keeps its line, labelled or not
    assert len(re.findall(r'<line class="grid"', svg)) == len(thresholds)
    if scores == [88, 92] and thresholds == [90, 80, 70]:
        assert [text for _, text in labels] == ["90", "80", "70"]


def test_a_score_far_below_the_grades_has_the_scales_foot_named():
    """A 0 (一票否决) fell far below the lowest grade's number with nothing to read it by (audit 30)."""
    labels = [text for _, text in _axis_labels(str(trend_svg([("2026-Q1", 92), ("2026-Q2", 0)], [90, 80, 70], "t", "c")))]
    assert labels[0] == "90" and labels[-1] == "0"
    assert [text for _, text in _axis_labels(str(trend_svg([("2026-Q1", 88), ("2026-Q2", 92)], [90, 80, 70], "t", "c")))] == ["90", "80", "70"]


@pytest.mark.parametrize("period, name, short", [
    ("2026-Q1", "2026年第一季度", "2026年一季度"),
    ("2026-Q2", "2026年第二季度", "2026年二季度"),
    ("2027-Q3", "2027年第三季度", "2027年三季度"),
    ("2030-Q4", "2030年第四季度", "2030年四季度"),
])
def test_periods_are_named_as_visitors_say_them(period, name, short):
    labels = load_labels()
    assert period_name(labels, period) == name
    assert period_name(labels, period, short=True) == short


@pytest.mark.parametrize("count", range(2, 17))
def test_the_lowest_and_highest_scores_are_written_where_their_label_has_room(count):
    """Audit AR 9: a 68 between a labelled 97 and the latest 71.5 was left unwritten: the chart of
    a public record named its high but not its low. Each is written unless another score's label
    stands within reach; no two score labels then come closer than VALUE_WIDTH."""
    from liangxiang.site.chart import VALUE_WIDTH

    for low_at in range(count):
        scores = [85.0 + (i % 3) for i in range(count)]
        scores[low_at] = 58.5
        svg = str(trend_svg([(f"{2020 + i // 4}-Q{i % 4 + 1}", s) for i, s in enumerate(scores)], [90, 80, 60], "t", "c"))
        values = [(float(x), text) for x, text in re.findall(r'<text class="value" x="([0-9.]+)"[^>]*>([^<]*)</text>', svg)]
        dots = [float(x) for x in re.findall(r'<circle[^>]*cx="([0-9.]+)"', svg)]
        near = [x for x, _ in values if abs(x - dots[low_at]) < VALUE_WIDTH and x != dots[low_at]]
        assert ("58.5" in [text for _, text in values]) == (not near), (count, low_at, values)
        assert "58.5" in [text for _, text in values] or count > 6, (count, low_at)  # few points: always room
        assert all(b[0] - a[0] >= VALUE_WIDTH or b[0] == a[0] for a, b in zip(values, values[1:]) if b[1] == "58.5" or a[1] == "58.5")


@pytest.mark.parametrize("count", range(2, 13))
def test_the_oldest_period_is_named(count):
    """Seven quarters named 2025年二季度 first and 2026年三季度 last read as if the record began in
    the second quarter (audit AS-J 8): the oldest is named wherever any spacing has room for it."""
    points = [(f"{2025 + i // 4}年{'一二三四'[i % 4]}季度", 90.0) for i in range(count)]
    named = re.findall(r'<text class="axis" x="[\d.]+" y="[\d.]+" text-anchor="\w+">(\d+年.季度)</text>', str(trend_svg(points, [90, 80, 70], "t", "c")))
    assert named[0] == "2025年一季度" and named[-1] == points[-1][0], named


def test_a_score_of_the_lowest_grade_stands_in_its_grey_band():
    """Audit AS-M 8: 69.5 was drawn on the 70 line like a pass. The lowest grade's band is shaded
    and its dots are grey; a 70 is not."""
    svg = str(trend_svg([("2026-Q1", 81), ("2026-Q2", 70), ("2026-Q3", 69.5)], [90, 80, 70, 0], "历次考核", "t"))
    band = re.search(r'<rect class="band-under" x="[0-9.]+" y="([0-9.]+)" width="[0-9.]+" height="([0-9.]+)"/>', svg)
    line = re.findall(r'<line class="grid"[^>]*y1="([0-9.]+)"', svg)
    assert band and float(band.group(1)) == max(map(float, line)) and float(band.group(2)) > 0, svg  # from the 70 line down
    dots = re.findall(r'<circle class="([^"]+)"', svg)
    assert dots == ["dot", "dot", "dot last under"], dots
    assert "band-under" not in str(trend_svg([("2026-Q1", 81)], [], "t", "c"))
