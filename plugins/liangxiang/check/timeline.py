"""Check: dates and scores that contradict their own file.

The format allows each of these, so they are notices, not errors: a progress note dated in
another year, results published before their quarter ended, a score below every grade, a date
that has not come yet.
"""

from __future__ import annotations

import calendar
import datetime as dt
from pathlib import PurePosixPath

from ..content import Content
from ..model import Commitment
from ..files import changed_at
from ..problems import Problem
from ..site.chart import score_text
from ..values import build_day


PARTY_FOUNDED = 1921


def named_as(record, value: object) -> bool:
    """Whether a year's or a period's file is named as it says (year: 2026 in 2025.yaml is not):
    while it is not, which year or period its dates belong to is not known (its own error)."""
    return PurePosixPath(record.path).stem == str(value)


def timeline_notices(content: Content, today: dt.date | None = None) -> list[Problem]:
    today = today or build_day()
    return [*_progress_years(content), *_review_years(content), *_early_results(content, today), *_ungraded_scores(content),
            *_future_dates(content, today), *_archived_in_latest(content), *_empty_files(content), *_year_begun(content, today),
            *_copied_results(content), *_fraction_scores(content), *_cut_scores(content), *_before_joining(content, today)]


def impossible_years(content: Content, today: dt.date | None = None) -> list[Problem]:
    """Errors: a member's year of joining or honor still to come, or joining before the Party was
    founded, would be published as a fact ("入党年份 2028": audit AS-B 7); a date to come may be a
    plan, these never are."""
    today, found = today or build_day(), []
    for member in content.members:  # a hidden member's too: the day they are shown, it would fail (audit AS-Y L9)
        if member.joined is not None and member.joined > today.year:
            found.append(Problem(member.at("joined"), member.field_name("joined"), f"入党年份 {member.joined} 在今年（{today.year}）之后",
                                 "写入党的年份，例如 2008；是不是输错了一位？"))
        elif member.joined is not None and member.joined < PARTY_FOUNDED:  # 1920: a digit mistyped (audit AM 12)
            found.append(Problem(member.at("joined"), member.field_name("joined"), f"入党年份 {member.joined} 在中国共产党成立（{PARTY_FOUNDED} 年）之前",
                                 "写入党的年份，例如 2008；是不是输错了一位？"))
        for index, honor in enumerate(member.honors):
            if honor.year is not None and honor.year > today.year:
                found.append(Problem(member.at("honors", index, "year"), member.field_name("honors", index, "year"),
                                     f"荣誉年份 {honor.year} 在今年（{today.year}）之后", "写获得荣誉的年份；还没评上的先不要写"))
    return found


def _before_joining(content: Content, today: dt.date):
    """A member's promise of a year before they joined (1950.yaml beside members who joined in
    the 1990s: a year typed wrong, audit AQ 8); many in one file are said once. A year of joining
    still to come is an error (impossible_years)."""
    for year in content.commitments:
        if year.year is None or not named_as(year, year.year):
            continue
        early = [(commitment, member) for commitment in year.commitments
                 if (member := content.member_by_id.get(commitment.member)) is not None and member.joined is not None and year.year < member.joined <= today.year]
        if len(early) >= COPIED_FILE:
            yield Problem(year.at("year"), "year", f"有 {len(early)} 位党员的 {year.year} 年承诺在他们入党以前（第 {_lines([c.at('member') for c, _ in early])}）",
                          "是不是年份写错了？year 和文件名一起改")
            continue
        for commitment, member in early:
            yield Problem(commitment.at("member"), commitment.field_name("member"),
                          f"{member.name} {member.joined} 年入党，却有 {year.year} 年的承诺", f"是不是 {year.year} 或 {member.joined} 写错了？")


def _copied_results(content: Content):
    """A period's file copied from the last one and given its new period, its scores and notes not
    yet changed: the old results would be posted as the new period's."""
    seen: dict[tuple, str] = {}
    # the file saved last is the copy (a new period, or an old one filled in later: audit AM 7); of
    # files saved together (a fresh clone), the later period
    for period in sorted(reversed(content.periods), key=lambda period: changed_at(content.root / period.path)):
        if not named_as(period, period.period):
            continue  # copied, its period not yet changed: that error is said, and the file it came from is not this one's copy
        results = tuple(sorted((r.zone, float(r.score), (r.note or "").strip()) for r in period.results))
        if not results or (len(results) < 3 and not any(note for _, _, note in results)):
            continue  # one or two bare scores may well repeat
        if results in seen:
            yield Problem(period.at("results"), "results",
                          f"考核期 {period.period} 的考核结果和 {seen[results]} 的一模一样（{len(results)} 个责任区的得分和说明）：像是复制了文件还没改",
                          f"写上 {period.period} 的得分和说明；还没有结果的考核期先不要提交")
        else:
            seen[results] = period.period


def _year_begun(content: Content, today: dt.date):
    """A new year's file with a few commitments in it is the latest year at once: the wall, the
    plates and the zone pages show only those, and last year's promisers drop out unsaid."""
    latest = content.latest_year
    if latest is None or latest.year > today.year:  # a year not begun is said by _future_dates
        return
    earlier = next((y for y in content.years if y.year < latest.year and y.commitments), None)
    if earlier is None:
        return
    members = {m.id: m for m in content.public_members if m.status == "active"}
    promised = {c.member for c in latest.commitments}
    # a commitment with a mistake in it (its date) is an error already, not a promiser missing
    rejected = [r for r in content.rejected if r.source.path == latest.path and isinstance(r.data, dict)]
    if any(not r.intact(r.loc + ("member",)) for r in rejected):
        return  # member: li–na (Word's dash) is an error; whose entry it is, and so who is missing, is not known (AS-Q 4)
    promised |= {r.data.get("member") for r in rejected
                 if isinstance(r.data.get("member"), str)}  # member: [li-na] is an error of its own, and unhashable (AS-N 1)
    missing = [members[c.member].name for c in earlier.commitments if c.member in members and c.member not in promised]
    if missing:
        missing = list(dict.fromkeys(missing))
        names = "、".join(missing[:5]) + (f"等 {len(missing)} 人" if len(missing) > 5 else "")
        whom = "他们" if len(missing) > 1 else "这位党员"
        yield Problem(latest.at("year"), "year",
                      f"{earlier.year} 年写了承诺的 {names}还没有 {latest.year} 年的承诺：承诺墙和责任区页面只显示最新的 {latest.year} 年，"
                      f"{whom}不在上面，桌牌也不再印出",
                      f"把{whom} {latest.year} 年的承诺写进这个文件；新年度的承诺最好写齐了再一起提交")


def _empty_files(content: Content):
    """A year with no commitments publishes an empty wall and no plates; a period with no results
    an empty board (a file started before its records; its records rejected are errors already)."""
    rejected_in = {r.source.path for r in content.rejected}
    for year in content.commitments:
        if not year.commitments and year.path not in rejected_in:
            yield Problem(year.at("commitments"), "commitments", f"{year.year} 年还没有承诺：这一年的承诺墙是空的，也没有桌牌",
                          "在 commitments: 下面每位党员写一项，以“- member: 编号”开头，下一行写 promise")
    for period in content.assessments:
        if not period.results and period.path not in rejected_in:
            yield Problem(period.at("results"), "results", f"考核期 {period.period} 没有考核结果：网页上会张榜公布一个空榜",
                          "在 results: 下面每个责任区写一项，例如 - {zone: 编号, score: 93.5}；还没有结果的考核期先不要提交")


def _future_dates(content: Content, today: dt.date):
    """What the site publishes has happened: a date after today is most often a mistyped year or
    month (2062 for 2026, 12 for 02), or a plan written down as done."""
    after = f"在今天（{today}）之后"
    for year in content.commitments:
        ahead = [(commitment, index, step) for commitment in year.commitments
                 for index, step in enumerate(commitment.progress) if step.date > today]
        if len(ahead) >= COPIED_FILE:  # a file copied with its dates moved on a year: said once, not 60 times (audit AQ 8)
            (commitment, index, _), lines = ahead[0], _lines([c.at("progress", i, "date") for c, i, _ in ahead])
            yield Problem(commitment.at("progress", index, "date"), commitment.field_name("progress", index, "date"),
                          f"有 {len(ahead)} 条践诺日期{after}（第 {lines}）：是不是复制了别的年度的文件，改了日期？",
                          "还没做的事，做了以后再记：删掉这些 progress，每做一件再写一条")
            ahead = []
        for commitment, index, step in ahead:
            yield Problem(commitment.at("progress", index, "date"), commitment.field_name("progress", index, "date"),
                          f"践诺日期 {step.date} {after}", "是不是年份或月份写错了？还没做的事，做了以后再记")
    # a commitment rejected for another field (a progress date as 2026.3.18) keeps its review
    # (audit AS-M 9: said only once that date was fixed)
    rejected = [r.record for r in content.rejected if isinstance(r.record, Commitment) and "review" in r.record.__dict__]
    for commitment in [c for year in content.commitments for c in year.commitments] + rejected:
        review = commitment.review
        if review is not None and review.date is not None and review.date > today:
            yield Problem(commitment.at("review", "date"), commitment.field_name("review", "date"),
                          f"评诺日期 {review.date} {after}，评诺结果“{review.result}”却已经公开",
                          "评诺以后再写 review；或改成评诺实际的日期")
    shown = content.latest_year
    for year in content.years:
        if year.year <= today.year or not year.commitments:
            continue
        if year is shown:  # no year has begun: the site shows this one already
            yield Problem(year.at("year"), "year", f"{year.year} 年还没到（今天是 {today}）：网站上还没有更早的承诺，首页、责任区页、党员页和桌牌就先用 {year.year} 年的",
                          f"是不是年份写错了？要写今年的承诺，year 和文件名都改成 {today.year}")
        elif shown is not None and year.year > shown.year:  # 2027.yaml begun in November
            plates = (f"桌牌已经换成 {year.year} 年的：有 {year.year} 年承诺的 {len(content.plate_commitments)} 人才有桌牌，可以提前送印" if year is content.plates_year
                      else f"桌牌印 {content.plates_year.year} 年的")
            yield Problem(year.at("year"), "year", f"{year.year} 年还没到（今天是 {today}）：{year.year} 年的承诺墙已经发布，党员页上排在 {shown.year} 年的后面；"
                          f"首页和责任区页仍是 {shown.year} 年的，{plates}",
                          f"到 {year.year} 年以后再生成网站，首页和责任区页就换成 {year.year} 年的承诺；是不是年份写错了？")
    for story in content.stories:
        if story.meta.date > today:
            yield Problem(story.meta.at("date"), "date", f"故事日期 {story.meta.date} {after}",
                          "写故事发生或发表的日期；是不是年份或月份写错了？")
    for assessment in content.assessments:
        starts = dt.date(int(assessment.period[:4]), int(assessment.period[-1]) * 3 - 2, 1)
        if starts > today:  # a file copied for the next period, its period typed a year on
            yield Problem(assessment.at("period"), "period", f"考核期 {assessment.period} 从 {starts} 才开始，还没到（今天是 {today}）：它的考核结果会当成最新一期张榜公布",
                          "是不是年份或季度写错了？period 和文件名一起改；还没考核的季度先不要提交")
        if assessment.published > today:
            yield Problem(assessment.at("published"), "published", f"公布日期 {assessment.published} {after}",
                          "写张榜公布的日期；还没公布的结果先不要提交")


def _progress_years(content: Content):
    """A year's file records what was done that year: 2025-03-12 in 2026.yaml is most often a
    year typed from last year's file. Many such dates from one other year are a whole file
    copied: said once, not once per date."""
    for year in content.commitments:
        if not named_as(year, year.year):
            continue  # year: 2025 in 2026.yaml: its own error says so; its 2026 dates are not "copied"
        elsewhere = [(commitment, index, step) for commitment in year.commitments
                     for index, step in enumerate(commitment.progress) if step.date.year != year.year]
        years = {step.date.year for _, _, step in elsewhere}
        if len(elsewhere) >= COPIED_FILE and len(years) == 1:
            (commitment, index, step), other = elsewhere[0], years.pop()
            lines = _lines([c.at("progress", i, "date") for c, i, _ in elsewhere])
            yield Problem(
                commitment.at("progress", index, "date"), commitment.field_name("progress", index, "date"),
                f"有 {len(elsewhere)} 条践诺日期在 {other} 年（第 {lines}），却记在 {year.year} 年的承诺里：是不是从 {other}.yaml 复制来的？",
                f"复制去年的文件时，删掉每条承诺下的 progress，今年做了什么再记；{other} 年做的事留在 {other}.yaml")
            continue
        for commitment, index, step in elsewhere:
            guess = _same_day_in(step.date, year.year)
            yield Problem(
                commitment.at("progress", index, "date"), commitment.field_name("progress", index, "date"),
                f"践诺日期 {step.date} 不在 {year.year} 年，却记在 {year.year} 年的承诺里",
                (f"是不是要写 {guess}？" if guess else "") + f"如果是 {step.date.year} 年做的事，写进 {step.date.year}.yaml")


def _review_years(content: Content):
    """A year's commitments are reviewed at its end or early in the next: a review dated before the
    year began (2024-12-26 in 2025.yaml) is a year typed from another file."""
    for year in content.commitments:
        if not named_as(year, year.year):
            continue  # year: 2026 in 2025.yaml: its own error says so; its 2025 dates are right
        for commitment in year.commitments:
            review = commitment.review
            if review is None or review.date is None or year.year is None or year.year <= review.date.year <= year.year + 1:
                continue
            guess = _same_day_in(review.date, year.year)
            yield Problem(
                commitment.at("review", "date"), commitment.field_name("review", "date"),
                f"评诺日期 {review.date} 不在 {year.year} 年或下一年年初，却是 {year.year} 年承诺的评诺",
                (f"是不是要写 {guess}？" if guess else "") + f"评诺 {year.year} 年的承诺，日期写在 {year.year} 年底或 {year.year + 1} 年初")


COPIED_FILE = 4  # dates from one other year in a file, from which it looks copied rather than mistyped


def _lines(places: list) -> str:
    """"19、20、21、22、31 行等": the first five lines of many."""
    return "、".join(str(place.line) for place in places[:5]) + (" 行等" if len(places) > 5 else " 行")


def _archived_in_latest(content: Content):
    """A zone archived (撤销) but scored in the newest period: most often a line left in a
    period's file copied from the one before. Its page would show that score as the latest."""
    periods = content.periods  # newest first
    misnamed = [p for p in periods if not named_as(p, p.period)]
    if len(periods) < 2 or any(p is periods[0] for p in misnamed) or any(PurePosixPath(p.path).stem >= periods[0].period for p in misnamed):
        return  # which period is the newest is not known while a misnamed file may be it (its own error)
    zones = content.zone_by_id
    for result in periods[0].results:
        zone = zones.get(result.zone)
        if zone is not None and zone.status == "archived":
            yield Problem(
                result.at("zone"), result.field_name("zone"),
                f"责任区“{zone.name}”已撤销（status: archived），却出现在最新一期 {periods[0].period} 的考核结果里",
                "如果这一期的文件是从上一期复制的，删掉这一条；如果它撤销以前参加了这一期考核，不用改" +
                (f"；接手的责任区是 {zone.successor}" if zone.successor else ""))


def _early_results(content: Content, today: dt.date):
    """Results are published after their quarter: 2026-Q2 published on 2026-04-05 is most often
    the date copied from the quarter before (a quarter not begun is said of its period instead)."""
    for assessment in content.assessments:
        year, quarter = int(assessment.period[:4]), int(assessment.period[-1])
        last_month = quarter * 3
        ends = dt.date(year, last_month, calendar.monthrange(year, last_month)[1])
        if assessment.published < ends and dt.date(year, last_month - 2, 1) <= today:
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


def _fraction_scores(content: Content):
    """0.91: a spreadsheet cell showing 91% holds 0.91, and so does what is copied out of it; it
    would be posted as 0.91 points (the lowest grade). Said once per period, at its first such score."""
    for assessment in content.assessments:
        fractions = [result for result in assessment.results if 0 < result.score <= 1]
        if any(result.score != int(result.score) for result in fractions):  # with 0.935 beside it, 1 is 100% too
            first = fractions[0]
            which = f"有 {len(fractions)} 个得分（例如这里的 {first.score:g}）" if len(fractions) > 1 else f"得分 {first.score:g} "
            yield Problem(first.at("score"), first.field_name("score"),
                          f"{which}像是表格里的百分比（显示 {first.score * 100:g}% 的格子复制出来是 {first.score:g}）：网页上会公布成 {first.score:g} 分",
                          f"得分按百分制写：是 {first.score * 100:g} 分就写成 score: {first.score * 100:g}")


def _cut_scores(content: Content):
    """89.8333333, an average pasted from a spreadsheet: the board shows two decimals, cut off (so
    that no score shows across a grade's edge), and ranks by what it shows; 89.9999 and 89.995 are
    then both 89.99, tied (audit AS-P 2). Said once per period, at its first such score."""
    for assessment in content.assessments:
        cut = [result for result in assessment.results  # 0.695 is a fraction (_fraction_scores)
               if float(score_text(result.score)) != result.score and not 0 < result.score <= 1]
        if cut:
            first, shown = cut[0], score_text(cut[0].score)
            written = first.written("score") or repr(first.score)  # all its decimals: {:g} would say 89.8333
            which = f"有 {len(cut)} 个得分（例如这里的 {written}）" if len(cut) > 1 else f"得分 {written} "
            yield Problem(first.at("score"), first.field_name("score"),
                          f"{which}超过两位小数：榜上只显示两位（这里是 {shown}，舍去后面的，不四舍五入），名次也按显示的得分排",
                          f"写成要公布的得分，最多两位小数；照榜上显示的就写 score: {shown}")


def _same_day_in(date: dt.date, year: int) -> dt.date | None:
    try:
        return date.replace(year=year)
    except ValueError:  # 29 February
        return None
