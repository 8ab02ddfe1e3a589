"""Check: the rules that span records (references, uniqueness, hidden members, photos).

References by id are checked in ``references``, former ids in ``aliases``, a zone's own rules in
``zones``, a member's in ``members``; the rules of the other record kinds are here."""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import re
import unicodedata
from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import Callable

from ..content import Content
from ..files import changed_at
from ..model import DEFAULT_GRADES, GRADE_RANKS, Commitment, Grade, Member, Org, Record, Result, Zone
from ..load.validate import valid_items
from ..load.idwording import ID_EXAMPLE
from ..problems import Location, Problem, Problems, case_only_rename, dotted, shortened
from ..values import numbered_places, repeats
from .aliases import AliasRules
from .file_names import STEM_PATTERNS, misnamed_files
from .markup import markup_problems
from .members import MemberRules
from .photos import check_image, hidden_photo_problem, hidden_photos, resolve_image
from .private import private_texts, published_texts
from .references import References
from .tables import table_problems
from .timeline import impossible_years, named_as, timeline_notices
from .zones import ZoneRules


def check_content(content: Content, problems: Problems) -> None:
    """Add a problem for every rule that content breaks."""
    rules = _Rules(content, problems)
    rules.org()
    rules.members()
    rules.zones()
    rules.commitments()
    rules.stories()
    rules.assessments()
    rules.rejected_refs()
    rules.emptied_roster()
    rules.rejected_rules()
    rules.renamed_ids()
    rules.deleted_ids()
    rules.taken_examples()
    misnamed_files(content, problems)  # after taken_examples: the id offered is a free one
    rules.photos()
    content.notices.extend(timeline_notices(content))
    problems.extend(impossible_years(content))
    published = published_texts(content)
    errors, notices = markup_problems(content, published)
    problems.extend(errors)
    problems.extend(table_problems(content))
    content.notices.extend(notices)
    errors, notices = private_texts(content, published)
    problems.extend(errors)
    content.notices.extend(notices)


class _Rules(MemberRules, ZoneRules, AliasRules, References):
    """The rules of each record kind, and those across records."""

    def taken_examples(self) -> None:
        """An id's error suggests it written right (Zhang-Wei: zhang-wei); when that id is another
        record's already (a second 张伟), the example is the next free one (zhang-wei-2)."""
        kind = {"members.yaml": "member", "zones": "zone"}
        for index, problem in enumerate(self.problems.items):
            which = kind.get(problem.where.path) or kind.get(Path(problem.where.path).parent.name)
            example = problem.hint.removeprefix(ID_EXAMPLE)
            if which is None or not problem.field.endswith("id") or example == problem.hint or example not in self.content.known[which]:
                continue
            at = self.content.known[which].where[example]
            if at.path == problem.where.path and at.line in (0, None, problem.where.line):
                continue  # known by this very file's name (zones/tongxin-guangchang.yaml): it is this record's own
            free = next(f"{example}-{n}" for n in range(2, 1000) if f"{example}-{n}" not in self.content.known[which])
            place = f"{at.path} 第 {at.line} 行" if at.line else f"{at.path} "
            self.problems.items[index] = replace(problem, hint=f"{ID_EXAMPLE}{free}（{example} 已经是 {place}的编号）")

    def unique(self, kind_word: str, seen: dict[str, Location], value: str, where: Location, field: str,
               hint: str = "编号必须唯一：改用另一个编号") -> bool:
        """True (with a problem) when value was seen before."""
        if value in seen:
            self.problems.add(where, field, f"{kind_word}“{value}”重复了，{seen[value]} 已经用过", hint)
            return True
        seen[value] = where
        return False

    def stem(self, record: Record, field: str, value: object, stem: str, stem_meant: str = "") -> bool:
        """Whether value is the file's name (else a problem). ``stem_meant``: why the file's name, not
        the field, is likely right (the field copied from the file before)."""
        if str(value) != stem:
            # the file's name is the address; offer the file's name as the value only when it is one
            suffix = Path(record.path).suffix
            folder = self.content.docs_dir / Path(record.path).parent.name
            taken = next((f"{value}{ending}" for ending in (suffix, ".yaml", ".yml") if (folder / f"{value}{ending}").exists()), None)
            fits = re.fullmatch(STEM_PATTERNS[field], stem) is not None  # the file's name would do as the value
            if taken and fits:  # a copy of fare-menzhen.yaml saved as fare-menzhen-2.yaml
                hint = f"{taken} 已经有了：把这个文件的 {field} 改成 {stem}"
            elif stem in getattr(record, "aliases", ()):  # renamed to its own former id: that id is kept for the old signs' QR codes (AS-AG L2)
                hint = f"{stem} 是它的曾用编号（aliases），旧标志牌上的二维码靠它跳转到这里，不能再当文件名：把文件改名回 {value}{suffix}"
            elif fits and stem_meant:
                hint = f"把 {field} 改成 {stem}（{stem_meant}）；如果文件名错了，才把文件改名为 {value}{suffix}"
            elif fits:
                hint = f"把文件改名为 {value}{suffix}，或把 {field} 改成 {stem}"
            elif taken:  # 菜市场北门.yaml copied from koudai-gongyuan.yaml: renaming it would replace that zone
                hint = f"{taken} 已经有了，这个文件像是它的副本：{field} 和文件名都改成一个新的编号" + _new_id_example(record, field)
            else:
                hint = f"把文件改名为 {value}{suffix}"  # 2026年.yaml: not a year to offer in its place
            said = f"{field} 是“{value}”，但文件名是“{stem}”，两者必须相同"
            if unicodedata.normalize("NFKC", stem) == str(value):  # ２０２６.yaml looks like 2026.yaml in many fonts (audit AM 10)
                said, hint = f"{said}：文件名里有全角字符", f"把文件改名为 {value}{suffix}（用半角的数字和字母）"
            elif stem.lower() == str(value).lower():  # Garden.yaml: Windows keeps the case a rename in Explorer changes only
                renamed = Path(record.path).with_name(f"{value}{suffix}").as_posix()
                said, hint = f"{said}：只是大小写不同", f"把文件改名为 {value}{suffix}（{case_only_rename(record.path, renamed)}）"
            self.problems.add(record.at(field), field, said, hint)
            return False
        return True

    # ------------------------------------------------------------------------------------
    def org(self) -> None:
        org = self.content.org or self.content.partial_org  # a wrong logo does not hide two branches of one id
        if org is None:
            return
        branches: dict[str, Location] = {}
        groups: dict[str, Location] = {}
        for branch in org.branches or []:
            if self.unique("党支部编号", branches, branch.id, branch.at("id"), branch.field_name("id")):
                self.doubled.setdefault("branch", (branch.id, branch.at("id")))
            for group in branch.groups:
                if self.unique("党小组编号", groups, group.id, group.at("id"), group.field_name("id")):
                    self.doubled.setdefault("group", (group.id, group.at("id")))
        names: dict[str, Location] = {}
        minimums: dict[str, Location] = {}
        grades = org.grades if org.grades is not None else self.rejected_grades()
        for grade in grades:
            self.unique("考核等次", names, grade.name, grade.at("name"), grade.field_name("name"), "每个等次的名称都不同")
            self.unique("最低分", minimums, f"{grade.min:g}", grade.at("min"), grade.field_name("min"), "每个等次的最低分都不同：得分高的等次 min 也高")
        self.grades_in_rank(grades)
        categories: dict[str, Location] = {}
        for index, category in enumerate(org.story_categories or []):
            self.unique("典型类别", categories, category, org.at("story_categories", index), org.field_name("story_categories", index), "删去重复的类别")

    def rejected_grades(self) -> list[Grade]:
        """The grades of an org.yaml that did not validate, each that does on its own: one grade's
        min written as "90分" must not hide two grades of one name until the next run (audit AQ 6)."""
        rejected = next((r for r in self.content.rejected if r.model is Org and isinstance(r.data, dict)), None)
        return valid_items(Grade, rejected.data.get("grades"), rejected.source, rejected.loc + ("grades",)) if rejected else []

    def grades_in_rank(self, grades: list) -> None:
        """Grades whose names say which is better (优秀 above 合格) must have minimums in that order:
        优秀 at 9 (a typo for 90) would publish 95 as 合格, with the board's legend upside down."""
        usual = dict(DEFAULT_GRADES)
        for rank in GRADE_RANKS:
            known = sorted((grade for grade in grades if grade.name in rank), key=lambda grade: rank.index(grade.name))
            for better, worse in itertools.combinations(known, 2):
                if better.min < worse.min and better.name != worse.name:  # one name twice is said by unique() (AS-Y L3)
                    example = (f"，例如 {better.name} {usual[better.name]}、{worse.name} {usual[worse.name]}"
                               if better.name in usual and worse.name in usual else "")
                    self.problems.add(better.at("min"), better.field_name("min"),
                                      f"“{better.name}”的最低分 {better.min:g} 不比“{worse.name}”的 {worse.min:g} 高",
                                      f"等次越好，最低分越高：检查这两个数{example}")
                    return  # one pair says it: the others follow from the same slip

    def rejected_rules(self) -> None:
        """The rules of one record alone for the records that failed to validate, each rule only when
        the fields it reads did validate (reading one that failed raises AttributeError: see
        load.validate._partial): a misspelt key must not hide an ID number, a group of another
        branch or a successor on a zone in use until the next run (audit M)."""
        years = {year.path: year for year in self.content.commitments + self.content.partial_commitments}
        for rejected in self.content.rejected:
            record = rejected.record
            if isinstance(record, Member):
                rules = self.member_rules(record)
            elif isinstance(record, Zone):
                rules = self.zone_rules(record)
            elif isinstance(record, Commitment) and record.path in years:
                rules = self.commitment_rules(years[record.path], record)
            else:
                continue
            for rule in rules:
                try:
                    rule()
                except AttributeError:
                    continue  # it reads a field that failed, whose own error is said

    def copies(self, records: list, field: str, what: str, said: str, hint: str) -> None:
        """Records of one name or title (a file copied under a new name, the rest left as it was):
        said at the copy, the newer file (its time read for those records only)."""
        named: dict[str, list] = {}
        for record in records:
            named.setdefault(getattr(record, field).strip(), []).append(record)
        for twins in (twins for twins in named.values() if len(twins) > 1):
            first, *copies = sorted(twins, key=lambda r: changed_at(self.content.root / r.path))
            shown = f"{first.path}（{first.id}）" if hasattr(first, "id") else f"{first.path} "
            for record in copies:
                self.content.notices.append(Problem(record.at(field), field, f"{what}和 {shown}一样：{said}", hint))

    def repeated(self, record, field: str, key=lambda item: item, shown=lambda item: item, where: str = "网页上") -> None:
        """An item pasted twice (a duty, an honor, a commitment) is listed once, and said."""
        items = getattr(record, field)
        for place, first in repeats(items, key).items():
            self.content.notices.append(Problem(
                record.at(field, place), record.field_name(field, place),
                f"“{shortened(shown(items[place]), 30)}”写了两遍（第 {record.at(field, first).line} 行已经有了），{where}只列一次",
                "删掉这一行"))

    def name_as_written(self, name: str, where: Location, field: str, printed_on: str) -> None:
        """张　伟 padded the spreadsheet way, 热合曼•阿不都 with a bullet for the name dot: printed as
        typed, so said (a Western name keeps its spaces). ``printed_on``: 桌牌 or 标志牌."""
        if re.search(r"[\u3400-\u9fff][\s\u3000]+[\u3400-\u9fff]", name):
            plain = re.sub(r"(?<=[\u3400-\u9fff])[\s\u3000]+(?=[\u3400-\u9fff])", "", name)
            hint = f"写成 {plain}：对齐用的空格不要带进来"
            if printed_on == "标志牌" and (unit := re.fullmatch(r"(\S{4,})[\s\u3000]+(\S{1,4})", name.strip())) is not None:
                hint = (f"“{unit.group(1)}”是单位的话，写进 role，例如 role: …（{unit.group(1)}），name: {unit.group(2)}；"
                        f"是对齐用的空格就{hint}")
            self.content.notices.append(Problem(where, field, f"姓名“{name}”中间有空格，网页和{printed_on}上会照样显示", hint))
        if (quoted := re.fullmatch(r"[“\"'‘「『《](.+?)[”\"'’」』》]", name.strip())) is not None:  # name: “张伟”: the quotes print too
            self.content.notices.append(Problem(where, field, f"姓名加了引号：{name.strip()}，网页和{printed_on}上会连引号一起显示",
                                                f"写成 {quoted.group(1)}：姓名不用加引号"))
        if (dot := re.search(r"[•∙⋅・･．.‧]", name)) is not None and re.search(r"[\u3400-\u9fff]", name):
            self.content.notices.append(Problem(where, field, f"姓名“{name}”里的“{dot.group()}”不是姓名中间的点“·”",
                                                f"写成 {name.replace(dot.group(), '·')}"))

    @functools.lru_cache(maxsize=None)  # noqa: B019 (one checker per run)
    def later_year_unread(self, latest: int) -> bool:
        """A later year's file that could not be read (GBK, year: 2026年) would be the latest year:
        what depends on which year is the latest is not said then, nor when a later year's file
        has errors. A later year's file read well is no such file: it is the plates' year itself,
        or has no commitment (audit AS-T M1)."""
        read = {year.year for year in self.content.commitments}
        # a later year read, every commitment in it refused: the latest once they are fixed (AS-AG L9)
        refused = {int(stem) for problem in self.problems.items
                   if Path(problem.where.path).parent.name == "commitments" and (stem := Path(problem.where.path).stem).isdigit()}
        return any(path.stem.isdigit() and int(path.stem) > latest and (int(path.stem) not in read or int(path.stem) in refused)
                   for path in (self.content.docs_dir / "commitments").glob("*.y*ml"))

    def plate_of_former(self, year, commitment) -> None:
        """The latest year's commitments are printed as desk plates, a former member's too (the
        format prints every published member's): said, so that nobody sets it on a desk."""
        member = self.content.member_by_id.get(commitment.member)
        latest = self.content.plates_year
        if (member is not None and member.status == "former" and not member.hidden and latest is not None
                and year.year == latest.year and not self.later_year_unread(latest.year)
                and named_as(year, year.year)):  # year: 2026 in 2025.yaml: not the plates' year
            self.content.notices.append(Problem(
                commitment.at("member"), commitment.field_name("member"),
                f"“{member.name}”已调离（status: former），{year.year} 年的承诺仍会印成桌牌（在 plates/all.pdf 里）",
                "承诺留作记录；这块桌牌不用摆放，送印时可以跳过"))

    def promise_length(self, year, commitment) -> None:
        """The promise is one sentence, printed large on the desk plate: a paragraph pasted there
        is set in small type that nobody reads across a counter. Only the latest year's are printed."""
        length = len(re.sub(r"\s", "", commitment.promise))
        # a letter of Uyghur or Latin takes about half a hanzi's room on the plate (audit R: 9 words "63 个字")
        room = sum(1 if unicodedata.east_asian_width(c) in "WF" else 0.5 for c in re.sub(r"\s", "", commitment.promise))
        latest = self.content.plates_year
        if room > PROMISE_MOST and latest is not None and year.year == latest.year:
            self.content.notices.append(Problem(
                commitment.at("promise"), commitment.field_name("promise"),
                f"承诺有 {length} 个字：桌牌上的字越多，隔着柜台越难读",
                f"想更醒目的话，把最想让群众记住的一句（{PROMISE_MOST} 个字以内）写在 promise，具体的事分条写进 items"))

    def promise_as_a_list(self, year, commitment) -> None:
        """A numbered list or paragraphs pasted from Word into the one sentence: the plate prints them
        as they are, line by line (audit AS-X L1). Lines of one sentence (`|`) are the editor's to break."""
        lines = [line.strip() for line in commitment.promise.strip().split("\n")]
        numbered = numbered_places([line for line in lines if line])
        latest = self.content.plates_year
        if latest is not None and year.year == latest.year and (len(numbered) > 1 or "" in lines):
            self.content.notices.append(Problem(
                commitment.at("promise"), commitment.field_name("promise"),
                f"承诺写成了{'分条的' if len(numbered) > 1 else '分段的'}几行：桌牌上照原样一行行印出，不像一句承诺",
                "promise 只写一句承诺；要做的几件事分条写进 items（每条以“- ”开头，不用写编号）"))

    def commitments(self) -> None:
        years: dict[str, Location] = {}
        for year in self.content.commitments + self.content.partial_commitments:
            if year.year is not None:
                if self.stem(year, "year", year.year, Path(year.path).stem):
                    self.unique("年度", years, str(year.year), year.at("year"), "year", "每个年度只写一个文件：把这两个文件的承诺合在一起")
            in_year = f" {year.year} 年" if year.year is not None else "这个文件里"
            self.once_each(year.commitments, Commitment, year.path, "member", "每人每年只写一条承诺；多件事写进它的 items",
                           lambda member, first: f"党员“{member}”在{in_year}已经有一条承诺（{first}）")
            for commitment in year.commitments:
                self.refs(commitment)
                for rule in self.commitment_rules(year, commitment):
                    rule()

    def commitment_rules(self, year, commitment) -> list[Callable[[], None]]:
        """The rules of one commitment alone (see member_rules)."""
        return [lambda: self.plate_of_former(year, commitment),
                lambda: self.promise_length(year, commitment),
                lambda: self.promise_as_a_list(year, commitment),
                lambda: self.repeated(commitment, "items"),
                lambda: self.repeated(commitment, "progress", lambda step: step.same_as, lambda step: step.text)]

    def stories(self) -> None:
        for story in self.content.stories:
            self.refs(story.meta)
        self.copies([story.meta for story in self.content.stories], "title", "故事标题", "网站上会有两篇同名的故事",
                    "复制别的故事来新写时，改掉 title、date 和正文；同一个故事只留一个文件")

    def assessments(self) -> None:
        periods: dict[str, Location] = {}
        for assessment in self.content.assessments + self.content.partial_assessments:
            if assessment.period is not None:
                stem = Path(assessment.path).stem
                # a copy (2026-Q4.yaml still saying 2026-Q3) is told to change its period, not to be merged into the other
                if self.stem(assessment, "period", assessment.period, stem, _period_meant(assessment.published, assessment.period, stem)):
                    self.unique("考核期", periods, assessment.period, assessment.at("period"), "period", "每个考核期只写一个文件：把这两个文件的考核结果合在一起")
            for result in assessment.results:
                self.refs(result)
            in_period = f" {assessment.period} " if assessment.period is not None else "这一期"
            self.once_each(assessment.results, Result, assessment.path, "zone", "每个考核期每个责任区只写一条",
                           lambda zone, first: f"责任区“{zone}”在{in_period}已经有一条考核结果（{first}）")

    def once_each(self, records: list, model: type, path: str, key: str, hint: str, said) -> None:
        """A problem for each entry of a file whose key an entry above has; said(value, where first)."""
        seen: dict[str, Location] = {}
        for where, name, value in self.keyed(records, model, path, key):
            if value in seen:
                self.problems.add(where, name, said(value, seen[value]), hint)
            else:
                seen[value] = where

    def keyed(self, records: list, model: type, path: str, key: str) -> list[tuple[Location, str, str]]:
        """(where, field, value) of one key of each entry in a file, in the file's order, the entries
        that did not validate too: a wrong date in an entry must not hide that it is there twice."""
        found = [(record.at(key), record.field_name(key), getattr(record, key)) for record in records]
        for rejected in self.content.rejected:
            if rejected.model is model and rejected.source.path == path and isinstance(rejected.data, dict):
                value, at = rejected.data.get(key), rejected.loc + (key,)
                if isinstance(value, str) and rejected.intact(at):
                    found.append((rejected.source.at(*at), dotted(at), value))
        return sorted(found, key=lambda entry: (entry[0].line, entry[0].col))

    def photos(self) -> None:
        content = self.content
        images: list[tuple[Record, str, str | None, bool]] = []  # wide: shown across a card and a page
        if content.org:
            images.append((content.org, "logo", content.org.logo, False))
        images += [(m, "photo", m.photo, False) for m in content.members]  # printed: print/images.py says when too small
        images += [(z, "photo", z.photo, True) for z in content.zones]
        images += [(s.meta, "cover", s.meta.cover, True) for s in content.stories]
        hidden = hidden_photos(content)
        written = [(record.at(field), record.field_name(field), value, getattr(record, "id", None) or Path(record.path).stem,
                    getattr(record, "hidden", False), wide) for record, field, value, wide in images if value is not None]
        written += [(*image, False) for image in self.rejected_images()]
        paths = {entry[2] for entry in written}
        folders = {}  # of each kind, the folder most of its photos are written in
        for kind in ("member", "zone", "cover"):
            named = Counter(value.rsplit("/", 1)[0] for _, field, value, *_ in written
                            if _photo_kind(field) == kind and re.fullmatch(r"\w[\w.-]*(/[\w.-]+)+", value))  # not a web address, nor C:\
            if named:
                folders[kind] = named.most_common(1)[0][0]
        self.case_twins(paths)
        for where, name, value, own_name, is_hidden, wide in written:
            notices: list[tuple[str, str]] = []  # own_name: the file a member's or zone's photo is named after
            found = check_image(content.docs_dir, value, content.checked_images, notices, own_name, wide, paths - {value},
                                _example_path(name, own_name, folders))
            if not found and not is_hidden:
                found = [problem] if (problem := hidden_photo_problem(resolve_image(content.docs_dir, value), hidden)) else []
            for message, hint in found:
                self.problems.add(where, name, message, hint)
            content.notices += [Problem(where, name, message, hint) for message, hint in notices]

    def case_twins(self, written: set[str]) -> None:
        """Two files whose paths differ in case alone (Zhang-Wei.jpg uploaded beside zhang-wei.jpg to
        replace it): on Windows and macOS they are one file, and git writes one over the other, so
        an editor's copy shows another face than the site publishes (audit AS-AG M1)."""
        docs = self.content.docs_dir.name
        for spelt in self.content.case_twins:
            named = [path for path in spelt if path in written]
            # the one a record names is kept; else the one in lower case, as the format's paths are written
            kept = named[0] if len(named) == 1 else next((path for path in spelt if path == path.lower()), None)
            others = [path for path in spelt if path != kept]
            listed = "、".join(f"“{docs}/{path}”" for path in spelt)
            removal = "git rm " + " ".join(f'"{docs}/{path}"' for path in others)
            if len(named) == 1:
                hint = f"记录里写的是 {kept}，网站用它：删掉另外的（{removal}）；要换照片，就用新照片替换 {kept}，文件名不变"
            else:
                hint = f"留下要用的那个，删掉另外的（例如{'留下 ' + kept + '：' if kept else ''}{removal}）"
            self.problems.add(Location(f"{docs}/{others[0]}"), "-",
                              f"{listed}只差大小写：在 Windows 和 macOS 电脑上它们是同一个文件，git 取下来时一个会盖掉另一个", hint)

    def rejected_images(self) -> list[tuple[Location, str, str, str, bool]]:
        """The photos of records that did not validate, but for a photo field that did not: a
        story's `featured: 是` must not hide its cover's misspelt path until the next run."""
        found = []
        for rejected in self.content.rejected:
            data = rejected.data
            if not isinstance(data, dict):
                continue
            for field in IMAGE_FIELDS.intersection(getattr(rejected.model, "model_fields", {})):
                value, path = data.get(field), rejected.loc + (field,)
                if isinstance(value, str) and value.strip() and rejected.intact(path):
                    own_name = str(data.get("id") or Path(rejected.source.path).stem)
                    found.append((rejected.source.at(*path), dotted(path), value, own_name, data.get("hidden") is True))
        return found


def _period_meant(published: object, period: str, stem: str) -> str:
    """Why the file's period is the one meant: results are published in the quarter after theirs,
    so a date that fits the file's name and not the period field says the field was copied."""
    if not isinstance(published, dt.date):
        return ""
    year, quarter = published.year, (published.month - 1) // 3 + 1
    before = f"{year}-Q{quarter - 1}" if quarter > 1 else f"{year - 1}-Q4"
    if stem in (before, f"{year}-Q{quarter}") and period not in (before, f"{year}-Q{quarter}"):
        return f"{published} 公布的应该是 {stem} 的考核结果"
    return ""


IMAGE_FIELDS = {"logo", "photo", "cover"}  # the records' fields that name a photo under content/


def _photo_kind(field: str) -> str:
    return "logo" if field.endswith("logo") else "cover" if field.endswith("cover") else "member" if field.startswith("members[") else "zone"


def _example_path(field: str, own_name: str, folders: dict[str, str]) -> str:
    """A path of the field's own kind (members[2].photo: photos/members/li-na.jpg), in the folder the
    others of its kind are written in (``folders``), or the example site's."""
    kind = _photo_kind(field)
    if kind == "logo":
        return "photos/logo.png"
    folder = folders.get(kind) or {"cover": "photos/stories", "member": "photos/members", "zone": "photos/zones"}[kind]
    return f"{folder}/{own_name or '照片'}.jpg"


PROMISE_MOST = 40  # characters of a promise the desk plate sets large (the guide says so too)


def _new_id_example(record: Record, field: str) -> str:
    """"（例如 caishichang-beimen）" from a copied zone's new name, for the hint above."""
    name = getattr(record, "name", "")
    if field != "id" or not isinstance(name, str) or not name:
        return ""
    from ..ids import phrase_id  # here: pypinyin loads its dictionaries on first use

    suggested = phrase_id(re.sub(r"(党员)?责任区$", "", name) or name)
    return f"（例如 {suggested}）" if suggested else ""
