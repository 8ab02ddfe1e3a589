"""Load: the files of one site -> typed records that remember file and line."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

from ..content import IMAGE_SUFFIXES, RECORD_FOLDERS, Content, address, is_scratch
from ..model import (
    Assessment, Commitment, CommitmentsFile, Member, MembersFile, Org, Result, Story, StoryMeta, Zone,
)
from ..problems import Location, Problem, Problems, did_you_mean
from ..siteconfig import site_config
from ..values import ID_PATTERN, title_words
from .cache import ParseCache, file_digest
from .mdbounds import markdown_problems
from .validate import validate_list, validate_record, validate_shell
from .wording import key_without_colon
from .decoding import decode, report_controls, undecodable
from .misplaced import (FOLDER_WORDS, empty_file, foreign_file, missing_file, page_in_reserved_place, record_folder_meant,
                        unwrapped, wrapped_record)
from .yamlfile import Document, SourceMap, parse

# a 19 MB roster (390,000 people) took 2 min and 2 GB to check; 5 MB is some 15,000 members with every field
MAX_YAML_BYTES = 5 * 1024 * 1024
MAX_STORY_BYTES = 2 * 1024 * 1024
# the names Windows, macOS, WPS and browsers give a copy: "garden - 副本", "garden (2)", "garden copy"
COPY_OF = re.compile(r"(?:\s*[-－]\s*(?:副本|复制|copy|Copy)(?:\s*[(（]\d+[)）])?|\s*[(（]\d+[)）]|\s+(?:copy|Copy|副本)(?:\s+\d+)?|_副本)$")
RECORD_SUFFIXES = {"zones": (".yaml", ".yml"), "commitments": (".yaml", ".yml"), "assessments": (".yaml", ".yml"),
                   "stories": (".md",)}
DEFAULT_MEMBERS = "members.yaml"  # the roster's file when mkdocs.yml does not name one
PAGE_META = ("title",)  # what a free page's front matter sets that the site shows
RESERVED_PAGES = ("members", "zones", "stories", "commitments", "assessments", "print", "qr", "search", "assets",
                  "sitemap.xml", "sitemap.xml.gz",  # sitemap.xml.md would be the folder sitemap.xml/, over the file
                  "css", "js", "img", "404.html")  # the theme's files: css/liangxiang.css.md would stand over its stylesheet


def load_content(
    root: Path, docs_dir: Path, members: str = DEFAULT_MEMBERS, cache_dir: Path | None = None,
) -> tuple[Content, Problems]:
    """Read every record of the site at root; every problem found is returned, none raised.

    With a cache_dir, files whose bytes were parsed before are not parsed again.
    """
    reader = _Reader(root.resolve(), docs_dir.resolve(), ParseCache(cache_dir / "parsed" if cache_dir else None))
    reader.members_file, reader.members_setting = root.resolve() / members, members
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


class _Reader:
    def __init__(self, root: Path, docs_dir: Path, cache: ParseCache):
        self.root, self.docs_dir, self.cache = root, docs_dir, cache
        self.problems = Problems()
        self.sources: dict[str, str] = {}  # every file read: path as shown -> hash of its bytes
        self.page_addresses: dict[str, str] = {}  # free pages by the address they are published at
        self.misplaced: set[str] = set()  # folders named like a record folder, said once each

    def shown(self, path: Path) -> str:
        try:
            shown = path.relative_to(self.root).as_posix()
        except ValueError:
            shown = path.as_posix()
        return shown.encode("utf-8", "surrogateescape").decode("utf-8", "replace")  # printable, whatever the name's bytes

    def raw(self, path: Path, limit: int) -> bytes | None:
        """The file's bytes, remembered by hash; None (with a problem) when it is too large."""
        shown = self.shown(path)
        size = path.stat().st_size
        if size > limit:
            self.problems.add(
                Location(shown), "-", f"文件太大（{size // 1024 // 1024} MB），最多 {limit // 1024 // 1024} MB",
                "把内容拆开，或检查是不是放错了文件",
            )
            return None
        raw = path.read_bytes()
        self.sources[shown] = file_digest(raw)
        return raw

    def read(self, path: Path, limit: int) -> str | None:
        raw = self.raw(path, limit)
        return None if raw is None else decode(raw, self.shown(path), self.problems)

    def document(self, path: Path) -> Document | None:
        raw, shown = self.raw(path, MAX_YAML_BYTES), self.shown(path)
        if raw is None:
            return None

        def parse_file(problems: Problems) -> Document | None:
            text = decode(raw, shown, problems)
            return None if text is None else parse(text, shown, problems)

        return self._muting(self.cache.cached(shown, self.sources[shown], self.problems, parse_file))

    def _muting(self, doc: Document | None) -> Document | None:
        """A document read past a syntax error: the records its lines set aside stand in say
        nothing more this run (a value read as empty is not the editor's mistake); in a file of
        one record, its other fields still say their own mistakes (audit 21)."""
        source = doc.source if doc is not None else None
        for line in source.set_aside if source else ():
            lines = source.item_lines(line)
            if lines is None:  # a file's own field: that field, what is said of the whole record (its first line), and the checks
                lines = [line, 1]
                self.problems.read_past.add(source.path)
            self.problems.muted.update((source.path, at) for at in lines)
        return doc

    def story(self, path: Path) -> tuple[bool, Document | None, str, int] | None:
        """Whether a story has front matter, the front matter parsed (None when unreadable), its body
        and the body's first line."""
        raw, shown = self.raw(path, MAX_STORY_BYTES), self.shown(path)
        if raw is None:
            return None

        def parse_story(problems: Problems) -> tuple[bool, Document | None, str, int] | None:
            text = decode(raw, shown, problems)
            if text is None:
                return None
            front, body, body_line = split_front_matter(text)
            report_controls(body, shown, problems, "body", body_line)
            if front is None:
                return False, None, body, body_line
            return True, parse(front, shown, problems, first_line=2), body, body_line

        read = self.cache.cached(shown, self.sources[shown], self.problems, parse_story)
        if read is not None:
            self._muting(read[1])
        return read

    def bound_markdown(self, text: Any, source: SourceMap, field: str, first_line: int = 0) -> bool:
        """Report Markdown that would stall or crash the renderer; True when there was any."""
        if not isinstance(text, str):
            return False
        found = markdown_problems(text)
        for line, message, hint in found:
            if first_line:
                where = Location(source.path, first_line + line - 1, 1)
            else:  # a block scalar starts on the line after its key
                at = source.at(field)
                where = Location(at.path, at.line + line, 1) if at.line else at
            self.problems.add(where, field, message, hint)
        return bool(found)

    def mapping(self, doc: Document | None, what: str, model: type | None = None, home: str = "") -> dict | None:
        if doc is None:
            return None
        if model is not None and (wrapped := wrapped_record(doc.data, set(model.model_fields), what, home)):
            key, message, hint = wrapped
            self.problems.add(doc.source.at(*(() if key is None else (key,))), "-" if key is None else str(key), message, hint)
            return None
        if doc.data is None:  # nothing but blank lines and comments
            path = Path(doc.source.path) if Path(doc.source.path).is_absolute() else self.root / doc.source.path
            text = self.read(path, MAX_YAML_BYTES) or ""
            self.problems.add(doc.source.at(), "-", *empty_file(what, "#" in text))
            return None
        if not isinstance(doc.data, dict):
            hint = "参照内容格式里的示例"
            if isinstance(doc.data, str) and re.match(r"[^:：\n]*,[^:：\n]*,", doc.data):  # id,name,branch
                hint = ("这个文件像是从表格另存的 CSV（用逗号分开的几列），不是 YAML：每个字段写一行“字段: 值”，"
                        "可以运行 liangxiang new 生成一份带说明的模板，再把表格里的内容填进去")
            self.problems.add(doc.source.at(), "-", f"文件内容应该是“字段: 值”的形式（{what}）", hint)
            return None
        return doc.data

    # ------------------------------------------------------------------------------------
    def load(self) -> Content:
        content = Content(root=self.root, docs_dir=self.docs_dir, sources=self.sources)
        self.load_org(content)
        self.load_members(content)
        self.load_zones(content)
        self.load_commitments(content)
        self.load_stories(content)
        self.load_assessments(content)
        self.scan_pages(content)
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
        if doc.source.set_aside:  # an id read as empty: references to it are not reported missing
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
        message, hint = missing_file(path, self.root, self.docs_dir, "")  # mkdocs.yml names another file: the setting is wrong
        beside = did_you_mean(path.name, [p.name for p in self.root.glob("*.y*ml") if p.stem not in ("mkdocs", "properdocs")])
        self.problems.add(Location.of_setting(site_config(self.root), "members"), "members",
                          f"找不到 members 设置写的党员名单“{self.members_setting}”" if message.startswith("找不到")
                          else f"members 设置写的党员名单“{self.members_setting}”：{message}",
                          hint or beside or f"写 mkdocs.yml 旁边党员名单的文件名，或删掉这一行（就用 {DEFAULT_MEMBERS}）")

    def load_members(self, content: Content) -> None:
        path = self.members_file
        if not path.is_file():
            self.missing_members()
            content.known["member"].complete = False
            return
        doc = self.document(path)
        data = self.mapping(doc, "党员名单")
        if data is None:
            content.known["member"].complete = False
            return
        items = data.get("members")
        if doc.source.set_aside:  # an id read as empty: references to it are not reported missing
            content.known["member"].complete = False
        if not isinstance(items, list):  # `Members:` or a missing list has its own error: not one per reference
            content.known["member"].complete = False
            if "members" in data:
                self.problems.add(doc.source.at("members"), "members", "members 下面没有列出党员",
                                  "每位党员写一项，以“  - id:”开头，参照内容格式里的示例")
        validate_record(MembersFile, {**data, "members": []}, doc.source, (), self.problems)
        content.members = validate_list(Member, items, doc.source, ("members",), self.problems, content.rejected)
        for index, item in _items(items):
            content.known["member"].add(_id_of(item), doc.source.at("members", index, "id"), hidden=item.get("hidden") is True)

    def record_files(self, folder: str) -> list[Path]:
        directory, suffixes = self.docs_dir / folder, RECORD_SUFFIXES[folder]
        if not directory.is_dir():
            return []
        files = sorted(p for p in directory.iterdir() if p.is_file() and p.suffix.lower() in suffixes
                       and not p.name.startswith(".") and not is_scratch(p.name) and not undecodable(p.name))
        stems = {p.stem for p in files}
        kept = []
        for path in files:
            original = COPY_OF.sub("", path.stem)
            if original != path.stem and original in stems:  # "garden - 副本.yaml": read, it would say the zone's id is taken
                self.problems.add(Location(self.shown(path)), "-", f"这个文件像是 {original}{path.suffix} 的副本（复制文件时自动起的名字）",
                                  "不需要就删掉它；" + ("要新写一篇，把文件改名为新的英文名（文件名就是网址）" if folder == "stories"
                                                     else "要新建一条记录，把文件改名为新的编号，并改掉文件里的 id"))
            else:
                kept.append(path)
        return kept

    def load_zones(self, content: Content) -> None:
        for path in self.record_files("zones"):
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

    def load_commitments(self, content: Content) -> None:
        for path in self.record_files("commitments"):
            doc = self.document(path)
            data = self.mapping(doc, "年度承诺")
            if data is None:
                continue
            shell, partial = validate_shell(CommitmentsFile, _shell(data, "commitments"), doc.source, self.problems)
            items = validate_list(Commitment, data.get("commitments"), doc.source, ("commitments",), self.problems, content.rejected)
            if shell is not None:
                shell.commitments = items
                content.commitments.append(shell)
            elif partial is not None:
                partial.commitments = items
                content.partial_commitments.append(partial)

    def load_stories(self, content: Content) -> None:
        from ..site.rawhtml import unpublished_blanked  # here: the site package imports the checks, which import this

        for path in self.record_files("stories"):
            content.known["story"].add(path.stem, Location(self.shown(path)))
            read = self.story(path)
            if read is None:
                continue
            shown = self.shown(path)
            has_front, doc, body, body_line = read
            if not has_front:
                self.problems.add(Location(shown, 1, 1), "-", *_missing_front_matter(body))
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
            if title and _only_the_title(body, title):  # the page drops a first heading that repeats the title
                self.problems.add(Location(shown, body_line, 1), "body", "故事正文只有标题，网页上标题下面是空的",
                                  "标题已经写在 title 里：在它下面写故事的正文")
                continue
            if self.bound_markdown(body, SourceMap(shown), "body", first_line=body_line):
                continue
            if (pasted := _second_front_matter(body)) is not None:  # two stories in one file: the second's header would be published
                self.problems.add(Location(shown, body_line + pasted, 1), "body", "正文里又有一段“---”之间的开头信息（title: …）：像是另一个故事粘贴进来了",
                                  "一个故事一个文件：把从这一行起的内容移到 content/stories/ 下的一个新文件里")
                continue
            if meta is not None and re.fullmatch(ID_PATTERN, path.stem) is None:
                self.problems.add(Location(shown), "-", "文件名要用小写字母、数字和“-”（它就是网址）", "例如 yi-ba-yao-shi.md")
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
            results = validate_list(Result, data.get("results"), doc.source, ("results",), self.problems, content.rejected)
            if shell is not None:
                shell.results = results
                content.assessments.append(shell)
            elif partial is not None:
                partial.results = results
                content.partial_assessments.append(partial)

    def unread_record(self, relative: Path) -> None:
        """A file in a record folder that is not read as a record: an editor's new zone saved as
        new.yaml.txt, or filed into a subfolder, would otherwise never appear, and say nothing."""
        top, suffixes = relative.parts[0], RECORD_SUFFIXES[relative.parts[0]]
        if len(relative.parts) == 2 and relative.suffix.lower() in suffixes:
            return  # read by load_<kind>
        if len(relative.parts) > 2:
            hint = f"记录文件要直接放在 content/{top}/ 里，不能放进子文件夹；不用的文件请移出 content/"
        elif relative.suffix and not any(f"{suffix}." in relative.name.lower() for suffix in suffixes):
            # README.txt, a sheet or a scan: a file kept beside the records, not a record misnamed
            hint = (f"这个文件夹只放记录文件（以 {suffixes[0]} 结尾）：说明、表格等请移出 content/，放到仓库里别的地方；"
                    f"如果它本来是一条记录，文件名改成以 {suffixes[0]} 结尾")
        else:
            stem = relative.name.split(".")[0] or "example"
            hint = f"文件名要以 {suffixes[0]} 结尾，例如 {stem}{suffixes[0]}（Windows 可能隐藏了扩展名）；不用的文件请移出 content/"
        self.problems.add(Location(self.shown(self.docs_dir / relative)), "-", f"content/{top}/ 里的这个文件不会被读取", hint)

    def link(self, path: Path) -> None:
        """A symbolic link in content/: MkDocs follows it and publishes what it points at, so one to
        members.yaml, to the repository or to /etc would put that on the open internet."""
        try:
            target = path.resolve(strict=True)
        except (OSError, RuntimeError):  # dangling, or a loop
            target = None
        if target is not None and target.is_dir():
            message = "这是指向文件夹的链接（快捷方式）：网站生成时会把它指向的整个文件夹发布出去"
        elif target is None:
            message = "这是一个链接（快捷方式），它指向的文件或文件夹不存在"
        elif not target.is_relative_to(self.docs_dir):
            message = f"这是一个链接（快捷方式），指向 content/ 以外的“{target}”：网站会把那个文件原样发布出去"
        else:
            return  # a file linked from elsewhere in content/: published as it would be anyway
        self.problems.add(Location(self.shown(path)), "-", message, "把真正的文件放进 content/，再删掉这个链接")

    @staticmethod
    def empty_page(text: str) -> bool:
        from mkdocs.utils.meta import get_data

        return not get_data(text.lstrip("\ufeff"))[0].strip()

    def page_template(self, path: Path, text: str) -> bool:
        """A free page's front matter may not choose a template: the theme's own are for the pages
        made from records, and rendered with anything else they fail (or show nothing)."""
        from mkdocs.utils.meta import get_data

        if "template" not in text.lower() or "template" not in get_data(text)[1]:
            return False
        line = next((n for n, row in enumerate(text.splitlines(), 1) if row.strip().lower().startswith("template")), 1)
        self.problems.add(Location(self.shown(path), line, 1), "template", "页面不能自己指定模板（template）",
                          "删掉 template 这一行：页面会用站点的样式显示")
        return True

    def unread_front_matter(self, path: Path, text: str) -> bool:
        """True (with a problem) when a free page opens with "---" lines MkDocs cannot read as its
        front matter (`title：关于`): it would publish them, and what is between, as the page's text."""
        from mkdocs.utils.meta import get_data

        front, _, _ = split_front_matter(text.lstrip("\ufeff"))
        if front is None or not front.strip() or get_data(text.lstrip("\ufeff"))[1]:
            return False
        shown, before = self.shown(path), len(self.problems)
        parse(front, shown, self.problems, first_line=2)  # the YAML mistake, in the editors' words
        if len(self.problems) == before:  # readable, but no "title: …" (a sentence between the lines)
            self.problems.add(Location(shown, 2, 1), "-", "页面开头两行“---”之间应该写“title: 标题”：现在网站会把它们连同“---”当成正文显示出来",
                              "写成 title: 页面标题（半角冒号，后面加空格）；不需要标题就删掉这两行“---”和中间的内容")
        return True

    def unshown_page_meta(self, path: Path, text: str) -> list[Problem]:
        """A free page's front matter shows its title only: `author:` or `phone:` there is shown
        nowhere, which its editor would not expect (and a typo of title goes unused)."""
        from mkdocs.utils.meta import get_data

        if not text.startswith(("---", "\ufeff---")):
            return []
        rows = text.splitlines()
        return [Problem(Location(self.shown(path), next((n for n, row in enumerate(rows, 1) if row.startswith(f"{key}:")), 1), 1), str(key),
                        f"页面开头信息里的“{key}”不会显示在网站上", did_you_mean(str(key), list(PAGE_META)) or "页面开头只写 title（标题）；其余内容写进正文")
                for key in get_data(text)[1] if key not in PAGE_META]

    def same_address(self, path: Path, page: str) -> bool:
        """True (with a problem) when an earlier free page is published at page's address:
        about.md and about/index.md (or about/README.md) are both /about/, and one would be lost."""
        where = address(re.sub(r"(^|/)README$", r"\1index", page.removesuffix(".md")))
        other = self.page_addresses.setdefault(where, page)
        if other != page:
            self.problems.add(Location(self.shown(path)), "-", f"这个页面和 content/{other} 的网址相同（/{where}/），只能留一个",
                              "把两个文件合成一个，或给其中一个改名")
        return other != page

    def undecodable_name(self, path: Path) -> None:
        """A file or folder whose name is not UTF-8 (unzipped from a Chinese Windows archive): it
        cannot be named in a link or an address; it and what it holds are left out of everything."""
        read_as = os.fsencode(path.name).decode("gb18030", errors="replace")
        self.problems.add(Location(self.shown(path)), "-", f"{'文件夹' if path.is_dir() else '文件'}名不是 UTF-8 编码（多半是从 Windows 压缩包解出来的，"
                          f"按 GBK 读是“{read_as}”）", "在文件管理器或 git 里把它重新命名一次（改成英文名最稳妥）")

    def scan_pages(self, content: Content) -> None:
        """Free Markdown pages, and YAML files where no record kind lives."""
        for path in sorted(self.docs_dir.rglob("*")):  # symbolic links are listed, never followed
            relative = path.relative_to(self.docs_dir)
            if undecodable(relative.parts[-1]) and not any(part.startswith(".") or undecodable(part) for part in relative.parts[:-1]):
                self.undecodable_name(path)
                continue
            if path.is_symlink():
                self.link(path)
                continue
            if (any(part.startswith(".") or undecodable(part) for part in relative.parts) or is_scratch(path.name)
                    or not path.is_file()):
                continue
            top = relative.parts[0]
            if top in RECORD_FOLDERS and len(relative.parts) == 1:  # content/zones saved over by a file
                self.problems.add(Location(self.shown(path)), "-", f"content/{top} 应该是放{FOLDER_WORDS[top]}的文件夹，现在却是一个文件",
                                  f"从 git 里恢复 content/{top}/ 文件夹（每条记录一个文件），再删掉这个文件")
                if (kind := {"zones": "zone", "stories": "story"}.get(top)) is not None:
                    content.known[kind].complete = False  # what names its records is not told they are missing, one by one
                continue
            if len(relative.parts) > 1 and top not in (*RECORD_FOLDERS, "photos") and (meant := record_folder_meant(top)):
                # content/Zones/, content/commitment/, content/故事/: records there would be left out in silence
                if top not in self.misplaced:
                    self.misplaced.add(top)
                    self.problems.add(Location(self.shown(self.docs_dir / top)), "-",
                                      f"文件夹“{top}”不是内容格式里的文件夹，里面的{FOLDER_WORDS[meant]}不会被读入",
                                      f"把文件夹改名为 {meant}（小写英文，一字不差）")
                continue
            if path.suffix == ".md" and top != "stories":
                stem = relative.with_suffix("").parts[0]
                text = self.read(path, MAX_STORY_BYTES)
                if stem in RESERVED_PAGES:
                    self.problems.add(Location(self.shown(path)), "-", *page_in_reserved_place(relative, text))
                    continue
                if text is not None:
                    report_controls(text, self.shown(path), self.problems)
                if text is None or self.bound_markdown(text, SourceMap(self.shown(path)), "-", first_line=1):
                    continue
                if relative.as_posix() != "index.md" and self.empty_page(text):
                    # a placeholder: it would be a menu item (named after the file) that opens a blank page
                    self.problems.add(Location(self.shown(path)), "-", "这个页面是空的：网站上会多出一个空白页，菜单里也会有它",
                                      "写上内容再提交；还没准备好就先不要放进 content/")
                    continue
                if self.page_template(path, text) or self.unread_front_matter(path, text) or self.same_address(path, relative.as_posix()):
                    continue
                content.notices += self.unshown_page_meta(path, text)
                content.pages.append(relative.as_posix())
                content.page_texts[relative.as_posix()] = text
            elif path.suffix.lower() == ".md" and top != "stories":  # 通知.MD: MkDocs takes only ".md" for a page
                self.problems.add(Location(self.shown(path)), "-", f"扩展名“{path.suffix}”要写成小写的“.md”：否则它不会生成页面，而是把文件原样（连同原文）发布出去",
                                  f"把文件改名为 {path.stem}.md")
            elif path.suffix.lower() in (".yaml", ".yml") and top not in RECORD_FOLDERS and len(relative.parts) > 1:
                self.problems.add(Location(self.shown(path)), "-", "不认识这个文件放的位置：记录只从 zones/、commitments/、assessments/ 里读",
                                  "责任区放 content/zones/，年度承诺放 content/commitments/，考核结果放 content/assessments/")
            elif path.suffix.lower() in (".yaml", ".yml") and len(relative.parts) == 1 and path.name != "org.yaml":
                hint = ("members.yaml 要放在 mkdocs.yml 旁边，不在 content/ 里" if path.stem == "members"
                        else did_you_mean(path.name, ["org.yaml"]) or "content/ 下只认 org.yaml 和 zones/、commitments/、assessments/ 里的文件")
                self.problems.add(Location(self.shown(path)), "-", "不认识这个文件放的位置", hint)
            elif top in RECORD_FOLDERS and path.suffix.lower() not in IMAGE_SUFFIXES:
                self.unread_record(relative)
            elif (path.suffix.lower() not in (".md", ".yaml", ".yml", *IMAGE_SUFFIXES)
                  and top not in (*RECORD_FOLDERS, "photos")):
                # MkDocs would publish it as it is: a roster spreadsheet or notes dropped here would
                # reach the open internet, private fields and hidden members included
                self.problems.add(Location(self.shown(path)), "-", *foreign_file(relative))


def _second_front_matter(body: str) -> int | None:
    """The line (from 0) of a "---" in a story's body that opens another story's front matter:
    a "title:" and other "field: value" lines up to the next "---"."""
    lines = body.split("\n")
    for start, line in enumerate(lines):
        if line.strip() != "---":
            continue
        fields = []
        for row in lines[start + 1:]:
            if row.strip() == "---":
                if "title" in fields and len(fields) >= 2:
                    return start
                break
            found = re.match(r"([a-z_]+):(\s|$)", row)
            if found is None:
                break
            fields.append(found.group(1))
    return None


def _only_the_title(body: str, title: str) -> bool:
    """A body that is one heading with the story's title (# 一把钥匙, or underlined with ===)."""
    lines = [line for line in body.strip().splitlines() if line.strip()]
    heading = re.fullmatch(r"#{1,6}\s*(.*?)\s*#*", lines[0].strip()) if len(lines) == 1 else (
        re.fullmatch(r"(.+)", lines[0].strip()) if len(lines) == 2 and re.fullmatch(r"[=-]{3,}", lines[1].strip()) else None)
    return heading is not None and title_words(heading.group(1)) == title_words(title)


def _missing_front_matter(text: str) -> tuple[str, str]:
    """What is wrong with the head of a story that has no front matter: (message, hint)."""
    first = text.lstrip("\ufeff").split("\n", 1)[0].strip()
    how = "第一行写“---”，接着写 title、date、category 等，再用一行“---”结束，然后写正文"
    if first == "---":
        lines = text.split("\n")
        near = next((n for n, line in enumerate(lines[1:], 2) if line.strip() and not line.strip().strip("-—－–_ ")), 0)
        hint = (f"第 {near} 行的“{lines[near - 1].strip()}”要写成正好三个半角减号“---”" if near
                else "在这几行下面加一行“---”，再写正文")
        return "故事开头的信息区（title、date、category）没有结束：缺少第二个“---”", hint
    if first and not first.strip("-—－–_ "):
        return f"故事第一行的“{first}”要写成三个半角减号“---”", how
    if not first and "\n---" in text[:200]:
        return "故事文件的第一行必须是“---”：前面不能有空行", "删掉开头的空行"
    return "故事文件开头缺少信息区（用“---”围起来的 title、date、category）", how


def split_front_matter(text: str) -> tuple[str | None, str, int]:
    """(front matter, body, body's first line) of a Markdown file; front is None when absent."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return None, text, 1
    for index in range(1, len(lines)):
        if lines[index].strip() in ("---", "..."):
            return "\n".join(lines[1:index]), "\n".join(lines[index + 1:]), index + 2
    return None, text, 1


def _items(value: Any):
    """(index, mapping) for each mapping in a list; nothing for anything else."""
    if isinstance(value, list):
        for index, item in enumerate(value):
            if isinstance(item, dict):
                yield index, item
