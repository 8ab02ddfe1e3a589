"""The zone's trend chart: an inline SVG with every text escaped."""

from __future__ import annotations

import re

from liangxiang.site.chart import trend_svg


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
