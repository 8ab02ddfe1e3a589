"""Check: results posted publicly (张榜公布) that a change of org.yaml's grades grades again.

Each result's grade is derived from its score with org.yaml's grades (format v1), the periods
posted long ago too: new bands give a period already on the notice board another grade than the
one posted. The last build's bands are kept beside its ids (check.published); a run whose bands
differ says which results changed, once, at the grades. A notice: the change may be meant (audit
AS-AF M2).
"""

from __future__ import annotations

from ..content import Content
from ..problems import Location, Problem

GRADES_KEY = "grades"  # in published-ids.json: the last build's bands, [[name, min], …]


def bands(content: Content) -> list[list]:
    """The bands this content grades with, best first, as they are kept."""
    return [[grade.name, grade.min] for grade in content.grades]


def regraded(content: Content, kept: object) -> Problem | None:
    """A notice when the bands are not the last build's (``kept``) and a published result's grade
    changes with them; None otherwise."""
    if not isinstance(kept, list) or not all(isinstance(band, list) and len(band) == 2 for band in kept):
        return None
    now = bands(content)
    if kept == now:
        return None
    def before(score: float) -> str:  # content.grade_for, with the kept bands
        return next((name for name, least in kept if isinstance(least, (int, float)) and score >= least), "")

    changed = [(period.period, result.zone, result.score, before(result.score), content.grade_for(result.score))
               for period in content.assessments for result in period.results
               if before(result.score) != content.grade_for(result.score)]
    if not changed:
        return None
    period, zone, score, old, new = changed[0]
    example = f"{period} 期 {zone} {score:g} 分：{old or '（无等次）'} → {new or '（无等次）'}"
    where = content.org.at("grades") if content.org is not None else Location("content/org.yaml")
    return Problem(where, "grades",
                   f"考核等次的分数线和上一次生成时不同：已经公布的 {len(changed)} 个考核结果会换成新的等次（例如 {example}）",
                   "各期考核结果都按 org.yaml 现在的 grades 评定等次，已经张榜公布的也一样；是有意修改的，不用管这条提示，否则把 grades 改回原来的分数线")
