"""Check: dates and scores that contradict their own file.

The format allows each of these, so they are notices, not errors: a progress note dated in
another year, results published before their quarter ended, a score below every grade.
"""

from __future__ import annotations

import calendar
import datetime as dt

from ..content import Content
from ..problems import Problem


def timeline_notices(content: Content) -> list[Problem]:
    return [*_progress_years(content), *_early_results(content), *_ungraded_scores(content)]


def _progress_years(content: Content):
    """A year's file records what was done that year: 2025-03-12 in 2026.yaml is most often a
    year typed from last year's file."""
    for year in content.commitments:
        for commitment in year.commitments:
            for index, step in enumerate(commitment.progress):
                if step.date.year != year.year:
                    guess = _same_day_in(step.date, year.year)
                    yield Problem(
                        commitment.at("progress", index, "date"), commitment.field_name("progress", index, "date"),
                        f"践诺日期 {step.date} 不在 {year.year} 年，却记在 {year.year} 年的承诺里",
                        (f"是不是要写 {guess}？" if guess else "") + f"如果是 {step.date.year} 年做的事，写进 {step.date.year}.yaml")


def _early_results(content: Content):
    """Results are published after their quarter: 2026-Q2 published on 2026-04-05 is most often
    the date copied from the quarter before."""
    for assessment in content.assessments:
        year, quarter = int(assessment.period[:4]), int(assessment.period[-1])
        last_month = quarter * 3
        ends = dt.date(year, last_month, calendar.monthrange(year, last_month)[1])
        if assessment.published < ends:
            yield Problem(
                assessment.at("published"), "published",
                f"公布日期 {assessment.published} 早于考核期 {assessment.period} 结束（{last_month} 月 {ends.day} 日）",
                "是不是照抄了上一期的日期？写上这一期张榜公布的日期")


def _ungraded_scores(content: Content):
    """org.yaml's grades need not start at 0; a score below them all shows as 未达等次. Said once
    per period, at its first such score."""
    lowest = content.grades[-1] if content.grades else None
    if lowest is None or lowest.min <= 0:
        return
    for assessment in content.assessments:
        below = [result for result in assessment.results if result.score < lowest.min]
        if below:
            first = below[0]
            which = f"有 {len(below)} 个得分（例如这里的 {first.score:g}）" if len(below) > 1 else f"得分 {first.score:g} "
            yield Problem(
                first.at("score"), first.field_name("score"),
                f"{which}低于 org.yaml 里最低的等次（{lowest.name}，{lowest.min:g} 分），网页上显示为“未达等次”",
                f"如果要给{'它们' if len(below) > 1 else '它'}一个等次，在 org.yaml 的 grades 最后加一行，例如 - {{name: 不合格, min: 0}}")


def _same_day_in(date: dt.date, year: int) -> dt.date | None:
    try:
        return date.replace(year=year)
    except ValueError:  # 29 February
        return None
