"""Load: the files of one site -> typed records that remember file and line."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path, PurePosixPath
from typing import Any, Callable

from ..content import RECORD_FOLDERS, Content, is_scratch
from ..model import (
    Assessment,
    Commitment,
    CommitmentsFile,
    Member,
    MembersFile,
    Org,
    Result,
    Story,
    StoryMeta,
    Zone,
)
from ..ordering import reading_order
from ..problems import Location, Problem, Problems, did_you_mean, unreadable
from ..siteconfig import site_config
from ..values import ID_PATTERN, PERIOD_PATTERN
from .aliasrefs import follow_aliases
from .cache import ParseCache
from .decoding import undecodable
from .frontmatter import (
    missing_front_matter,
    only_the_title,
    second_front_matter,
    shown_text,
    story_name_hint,
)
from .misplaced import missing_file, unwrapped
from .modelpath import ZONE_KIND
from .pages import RECORD_SUFFIXES
from .reading import FileReading
from .idwording import QUARTERS
from .validate import validate_list, validate_record, validate_shell
from .wording import key_without_colon
from .yamlfile import Document, SourceMap

# the names Windows, macOS, WPS and browsers give a copy: "garden - 副本", "garden (2)", "garden copy"
# what a copy of a file becomes, by folder (the file's name is a zone's id, a year, a period, a story's address)
COPY_HINTS = {"stories": "要新写一篇，把文件改名为新的英文名（文件名就是网址）",
              "commitments": "要写新一年的承诺，把文件改名为那一年（例如 2027.yaml），并改掉文件里的 year",
              "assessments": "要写新一期的考核，把文件改名为那一期（例如 2026-Q4.yaml），并改掉文件里的 period"}
COPY_OF = re.compile(r"(?:\s*[-－]\s*(?:副本|复制|copy|Copy)(?:\s*[(（]\d+[)）])?|\s*[(（]\d+[)）]|\s+(?:copy|Copy|副本)(?:\s+\d+)?|_副本)$")
DEFAULT_MEMBERS = "members.yaml"  # the roster's file when mkdocs.yml does not name one


def load_content(
    root: Path, docs_dir: Path, members: str = DEFAULT_MEMBERS, cache_dir: Path | None = None,
    unpublished: Callable[[str], bool] | None = None,
) -> tuple[Content, Problems]:
    """Read every record of the site at root; every problem found is returned, none raised.

    With a cache_dir, files whose bytes were parsed before are not parsed again.
    """
    reader = _Reader(root.resolve(), docs_dir.resolve(), ParseCache(cache_dir / "parsed" if cache_dir else None))
    reader.members_file, reader.members_setting = root.resolve() / members, members
    reader.unpublished = unpublished or (lambda page: False)
    content = reader.load()
    reader.cache.prune()
    return content, reader.problems


def _id_of(record: dict) -> object:
    """A record's id as written: `{id b1-g1, …}` or `{id:b1-g1, …}` has its own error, not one per reference too."""
    if "id" in record:
        return record["id"]
    return next((split[1] for key, value in record.items()
                 if value is None and isinstance(key, str) and (split := key_without_colon(key, ("id",)))), None)


def _shell(data: dict, listed: str) -> dict:
    """A file's own fields, for validating it apart from its list of records (validated one by
    one): the list is left out, unless it is written as something else than a list (`results:`
    with its fields and no "- "), which is the file's error, not a list to drop in silence."""
    value = data.get(listed)
    return {**data, listed: []} if value is None or isinstance(value, list) else data


# dot files that tools, not editors, leave beside a record: macOS's ._garden.yaml, Emacs's .#garden.yaml
_TOOLS_DOT_FILES = ("._", ".#")


class _Reader(FileReading):
    hidden_records: list[Path]

    def load(self) -> Content:
        self.hidden_records = []
        content = Content(root=self.root, docs_dir=self.docs_dir, sources=self.sources)
        self.load_org(content)
        self.load_members(content)
        self.load_zones(content)
        content.zones.sort(key=lambda zone: reading_order(zone.name))  # lists and all.pdf read 第一、第二…, not the ids' order
        self.load_commitments(content)
        self.load_stories(content)
        self.load_assessments(content)
        self.scan_pages(content)
        follow_aliases(content)  # before anything is looked up by the ids records name
        for path in self.hidden_records:  # audit AS-AD: skipped without a word
            shown, meant = self.shown(path), path.name.lstrip(".")
            content.notices.append(Problem(
                Location(shown), "-", f"文件名以“.”开头，是隐藏文件，不会读取：{path.name} 里的内容不会出现在网站上",
                f"这是要发布的记录的话，把文件改名为 {meant}" if meant and not (path.parent / meant).exists()
                else "不需要的话删掉它"))
        return content

    def load_org(self, content: Content) -> None:
        path = self.docs_dir / "org.yaml"
        if not path.is_file():
            self.problems.add(Location(self.shown(path)), "-", *missing_file(path, self.root, self.docs_dir, f"每个站点都要有 {self.docs_dir.name}/org.yaml"))
            content.known["branch"].complete = content.known["group"].complete = False
            return
        doc = self.document(path)
        data = self.mapping(doc, "单位信息", Org)
        if data is None:
            content.known["branch"].complete = content.known["group"].complete = False
            return
        if self.ids_set_aside(path, doc) != []:  # an id read as empty: references to it are not reported missing
            content.known["branch"].complete = content.known["group"].complete = False
        content.org, content.partial_org = validate_shell(Org, data, doc.source, self.problems, content.rejected)
        if content.org is None and isinstance(data.get("intro"), str):
            content.rejected_texts.append((data["intro"], doc.source.at("intro"), "intro", "", True, ""))
        if not isinstance(data.get("branches"), list) or not data["branches"]:  # `branchs:`, `branches: []`: one error, not one per reference
            content.known["branch"].complete = content.known["group"].complete = False
        self.bound_markdown(data.get("intro"), doc.source, "intro")
        for b, branch in _items(data.get("branches")):
            content.known["branch"].add(_id_of(branch), doc.source.at("branches", b, "id"))
            for g, group in _items(branch.get("groups")):
                content.known["group"].add(_id_of(group), doc.source.at("branches", b, "groups", g, "id"))

    def missing_members(self) -> None:
        path = self.members_file
        if self.members_setting == DEFAULT_MEMBERS:
            self.problems.add(Location(self.shown(path)), "-", *missing_file(path, self.root, self.docs_dir, f"党员名单放在 mkdocs.yml 旁边的 {path.name}"))
            return
        # mkdocs.yml names another file: the setting is what to change, never the files (audit AS-H:
        # `members: content` was told to delete the folder, `../members.yaml` to move the roster there)
        setting = self.members_setting
        beside = did_you_mean(path.name, [p.name for p in self.root.glob("*.y*ml") if p.stem not in ("mkdocs", "properdocs")])
        roster = next((p.name for p in (self.root / path.name, self.root / DEFAULT_MEMBERS) if p.is_file() and p != path), None)
        self.problems.add(Location.of_setting(site_config(self.root), "members"), "members",
                          f"members 设置写的“{setting}”是一个文件夹，不是党员名单文件" if path.is_dir()
                          else f"找不到 members 设置写的党员名单“{setting}”",
                          f"mkdocs.yml 旁边有 {roster}：写 members: {roster}" if roster else
                          beside or f"写 mkdocs.yml 旁边党员名单的文件名，或删掉这一行（就用 {DEFAULT_MEMBERS}）")

    def members_setting_names_a_record(self) -> bool:
        """`members:` naming org.yaml or a file of zones/, commitments/…: an error at the setting,
        not a roster read from it (82 errors of a zone file read as members, audit AS-H)."""
        path, docs = self.members_file.resolve(), self.docs_dir.resolve()
        is_org = path == docs / "org.yaml"
        if self.members_setting == DEFAULT_MEMBERS or not (is_org or (path.parent.parent == docs and path.parent.name in RECORD_FOLDERS)):
            return False
        self.problems.add(Location.of_setting(site_config(self.root), "members"), "members",
                          f"members 设置写的“{self.members_setting}”是 {docs.name}/ 里的{'单位信息' if is_org else '记录'}，不是党员名单",
                          f"写 mkdocs.yml 旁边党员名单的文件名，例如 members: {DEFAULT_MEMBERS}")
        return True

    def load_members(self, content: Content) -> None:
        path = self.members_file
        missing = not path.is_file()
        if missing:
            self.missing_members()
        if missing or self.members_setting_names_a_record():
            content.known["member"].complete = False
            return
        doc = self.document(path)
        data = self.mapping(doc, "党员名单")
        if data is None:
            content.known["member"].complete = False
            return
        items = data.get("members")
        lost = self.ids_set_aside(path, doc)
        if lost is None:  # an id read as empty: references to it are not reported missing
            content.known["member"].complete = False
        for lost_id, line in lost or ():  # its line has its own error: references to it have none
            content.known["member"].add(lost_id, Location(doc.source.path, line, 1))
        if isinstance(items, list) and not items:  # members: [] — what names a member is said once, there (AS-AE M2)
            content.known["member"].emptied_at = doc.source.at("members")
        if not isinstance(items, list):  # `Members:` or a missing list has its own error: not one per reference
            content.known["member"].complete = False
            if "members" in data:
                self.problems.add(doc.source.at("members"), "members", "members 下面没有列出党员",
                                  "每位党员写一项，以“  - id:”开头，参照内容格式里的示例")
        validate_record(MembersFile, {**data, "members": []}, doc.source, (), self.problems)
        content.members = validate_list(Member, items, doc.source, ("members",), self.problems, content.rejected)
        for index, item in _items(items):
            content.known["member"].add(_id_of(item), doc.source.at("members", index, "id"), hidden=item.get("hidden") is True)
            if (merged := doc.source.merged_ids.get(("members", index))) is not None:  # its error says where: not one per reference too
                content.known["member"].add(merged, doc.source.at("members", index))

    def record_files(self, folder: str) -> list[Path]:
        directory, suffixes = self.docs_dir / folder, RECORD_SUFFIXES[folder]
        if not directory.is_dir():
            return []
        try:
            listed = sorted(p for p in directory.iterdir() if p.is_file() and p.suffix.rstrip().lower() in suffixes
                            and not is_scratch(p.name) and not undecodable(p.name))
            files = [p for p in listed if not p.name.startswith(".")]
            self.hidden_records += [p for p in listed if p.name.startswith(".") and not p.name.startswith(_TOOLS_DOT_FILES)]
        except OSError as error:
            self.problems.extend([unreadable(error, self.shown(directory) + "/")])
            self.unreadable_folders.add(folder)
            return []
        stems = {p.stem for p in files}
        kept, first_of = [], {}
        for path in files:
            original = COPY_OF.sub("", path.stem)
            if path.suffix != path.suffix.rstrip():  # "garden.yaml ": read as what it is, the name said
                self.problems.add(Location(self.shown(path)), "-", f"文件名“{path.name}”的最后多了空格",
                                  f"把文件改名为 {path.name.rstrip()}（删掉最后的空格）")
            if path.stem in first_of:  # garden.yaml and garden.yml: one record twice, not an id to change
                self.problems.add(Location(self.shown(path)), "-", f"{first_of[path.stem].name} 和 {path.name} 是同一个编号的两个文件",
                                  "只留一个：比较两个文件，删掉不用的那个")
            elif original != path.stem and original in stems:  # "garden - 副本.yaml": read, it would say the zone's id is taken
                self.problems.add(Location(self.shown(path)), "-", f"这个文件像是 {original}{path.suffix} 的副本（复制文件时自动起的名字）",
                                  "不需要就删掉它；" + COPY_HINTS.get(folder, "要新建一条记录，把文件改名为新的编号，并改掉文件里的 id"))
            else:
                kept.append(path)
                first_of[path.stem] = path
        return kept

    def load_zones(self, content: Content) -> None:
        paths = self.record_files("zones")
        if "zones" in self.unreadable_folders:  # what names a zone cannot be checked
            content.known["zone"].complete = False
        for path in paths:
            content.known["zone"].add(path.stem, Location(self.shown(path)))
            doc = self.document(path)
            data = self.mapping(doc, "责任区", Zone, "content/zones/")
            if data is None:
                for item in unwrapped(doc.data if doc is not None else None)[1]:  # zones in one file: no missing-zone error for each use
                    content.known["zone"].add(_id_of(item), doc.source.at())
                continue
            if isinstance(data.get("id"), str) and data["id"] != path.stem:  # its own error says the file is misnamed
                content.known["zone"].add(data["id"], doc.source.at("id"))
            zone = validate_record(Zone, data, doc.source, (), self.problems, content.rejected)
            self.bound_markdown(data.get("content"), doc.source, "content")
            if zone is not None:
                content.zones.append(zone)
            elif isinstance(data.get("content"), str):
                content.rejected_texts.append((data["content"], doc.source.at("content"), "content", "zones", True, f"zones/{path.stem}"))

    def zone_elsewhere(self, doc: Document, data: dict, content: Content) -> None:
        """A zone's file saved in commitments/ or assessments/ (said so by its validation): what
        names that zone points at the file, not at content/zones/ to add it again."""
        if self.problems.other_kind.get(doc.source.path) == ZONE_KIND:
            for written in (PurePosixPath(doc.source.path).stem, data.get("id")):
                if isinstance(written, str):
                    content.unread.setdefault(("zone", written), doc.source.path)

    def load_commitments(self, content: Content) -> None:
        for path in self.record_files("commitments"):
            doc = self.document(path)
            data = self.mapping(doc, "年度承诺")
            if data is None:
                continue
            shell, partial = validate_shell(CommitmentsFile, _shell(data, "commitments"), doc.source, self.problems)
            self.zone_elsewhere(doc, data, content)
            items = validate_list(Commitment, data.get("commitments"), doc.source, ("commitments",), self.problems, content.rejected)
            if shell is not None:
                shell.commitments = items
                content.commitments.append(shell)
            elif partial is not None:
                partial.commitments = items
                content.partial_commitments.append(partial)

    def load_stories(self, content: Content) -> None:
        from ..site.rawhtml import (
            unpublished_blanked,  # here: the site package imports the checks, which import this
        )

        files = self.record_files("stories")
        for path in files:
            content.known["story"].add(path.stem, Location(self.shown(path)))
            read = self.story(path)
            if read is None:
                continue
            shown = self.shown(path)
            has_front, doc, body, body_line = read
            if not has_front:
                for line, message, hint in missing_front_matter(body):
                    self.problems.add(Location(shown, line, 1), "-", message, hint)
                continue
            data = self.mapping(doc, "故事信息")
            if data is None:
                continue
            meta = validate_record(StoryMeta, data, doc.source, (), self.problems, content.rejected)
            if not body.strip():
                self.problems.add(Location(shown, body_line, 1), "body", "故事正文是空的", "在第二个“---”下面写正文")
                continue
            if not unpublished_blanked(body).strip():  # comments and scripts are not published
                self.problems.add(Location(shown, body_line, 1), "body", "故事正文只有注释（<!-- … -->）或代码，网页上看不到任何文字",
                                  "在注释外面写正文；注释里的字不会发布")
                continue
            title = data.get("title") if isinstance(data.get("title"), str) else None
            if title and only_the_title(unpublished_blanked(body), title):  # the page drops a first heading that repeats the title
                self.problems.add(Location(shown, body_line, 1), "body", "故事正文只有标题，网页上标题下面是空的",
                                  "标题已经写在 title 里：在它下面写故事的正文")
                continue
            if (shows := shown_text(unpublished_blanked(body))) != "text":  # ## 故事经过, &nbsp;, a rule: a story with nothing to read
                self.problems.add(Location(shown, body_line, 1), "body",
                                  "故事正文只有标题（# …），下面没有文字" if shows else "故事正文里没有文字（只有空行、分隔线或看不见的字符）",
                                  "在第二个“---”下面写故事的正文")
                continue
            if self.bound_markdown(body, SourceMap(shown), "body", first_line=body_line):
                continue
            if (pasted := second_front_matter(body)) is not None:  # two stories in one file: the second's header would be published
                self.problems.add(Location(shown, body_line + pasted, 1), "body", "正文里又有一段“---”之间的开头信息（title: …）：像是另一个故事粘贴进来了",
                                  "一个故事一个文件：把从这一行起的内容移到 content/stories/ 下的一个新文件里")
                continue
            if meta is not None and re.fullmatch(ID_PATTERN, path.stem) is None:
                self.problems.add(Location(shown), "-", "文件名要用小写字母、数字和“-”（它就是网址）", story_name_hint(path.stem, {p.stem for p in files} - {path.stem}, shown))
                meta = None
            if meta is None:  # its links and images are still checked: one run reports every error
                content.rejected_texts.append((body, Location(shown, body_line, 1), "body", "stories", False, f"stories/{path.stem}"))
                continue
            story = Story(slug=path.stem, meta=meta, body=body, body_line=body_line)
            content.stories.append(story.bind(doc.source, ()))

    def load_assessments(self, content: Content) -> None:
        for path in self.record_files("assessments"):
            doc = self.document(path)
            data = self.mapping(doc, "考核结果")
            if data is None:
                continue
            shell, partial = validate_shell(Assessment, _shell(data, "results"), doc.source, self.problems)
            self.zone_elsewhere(doc, data, content)
            if re.fullmatch(PERIOD_PATTERN, path.stem):  # `period: 2026-Q5` in 2026-Q1.yaml: its name says what was meant
                self.problems.items = [replace(p, hint=f"文件名是 {path.name}：写成 {path.stem}")
                                       if p.where.path == doc.source.path and p.field == "period" and p.hint in ("", QUARTERS) else p
                                       for p in self.problems.items]
            results = validate_list(Result, data.get("results"), doc.source, ("results",), self.problems, content.rejected)
            if shell is not None:
                shell.results = results
                content.assessments.append(shell)
            elif partial is not None:
                partial.results = results
                content.partial_assessments.append(partial)


def _items(value: Any):
    """(index, mapping) for each mapping in a list; nothing for anything else."""
    if isinstance(value, list):
        for index, item in enumerate(value):
            if isinstance(item, dict):
                yield index, item

