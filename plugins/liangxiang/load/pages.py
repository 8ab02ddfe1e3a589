"""Free pages and stray files in content/: what MkDocs would publish as it is, checked first.

A mixin of the loader (load._Reader): it uses the reader's ``problems``, ``docs_dir``, ``shown``,
``read``, ``bound_markdown``, ``misplaced`` and ``page_addresses``.
"""

from __future__ import annotations

import errno
import os
import re
from pathlib import Path

from ..content import HOME_SOURCES, IMAGE_SUFFIXES, RECORD_FOLDERS, Content, address, is_scratch
from ..files import special
from ..problems import Location, Problem, did_you_mean, shortened
from .decoding import report_controls, undecodable
from .frontmatter import TOML_HINT, closing_line, split_front_matter, toml_front_matter, unclosed_hint
from .misplaced import (
    FOLDER_WORDS,
    PUBLISHED_AS_IS,
    foreign_file,
    page_in_reserved_place,
    record_folder_meant,
)
from .modelpath import ZONE_KIND, record_of_another_kind
from .yamlfile import SourceMap, parse

MAX_MARKDOWN_BYTES = 2 * 1024 * 1024  # a free page or a story
RECORD_SUFFIXES = {"zones": (".yaml", ".yml"), "commitments": (".yaml", ".yml"), "assessments": (".yaml", ".yml"),
                   "stories": (".md",)}
PAGE_META = ("title",)  # what a free page's front matter sets that the site shows
# addresses of generated pages (members.md would stand over /members/), and of files: sitemap.xml.md
# would be the folder sitemap.xml/, over the file
GENERATED_PAGES = ("members", "zones", "stories", "commitments", "assessments", "print", "search",
                   "sitemap.xml", "sitemap.xml.gz", "404.html")
# folders of generated files, which a page inside may stand over (css/liangxiang.css.md, qr/zones/garden.svg.md);
# a page of their name alone (qr.md, a page on scanning the codes) stands over nothing (audit AS-S 2)
RESERVED_PAGES = (*GENERATED_PAGES, "qr", "assets", "css", "js", "img")

_KEY_LIKE = re.compile(r"^[ \t]*[A-Za-z_][\w-]*[ \t]*[:：]", re.M)  # `title: 关于`, `title：关于`


class PageScanning:
    def unread_record(self, relative: Path, content: Content) -> None:
        """A file in a record folder that is not read as a record: an editor's new zone saved as
        new.yaml.txt, or filed into a subfolder, would otherwise never appear, and say nothing."""
        top, suffixes = relative.parts[0], RECORD_SUFFIXES[relative.parts[0]]
        kind = {"zones": "zone", "stories": "story"}.get(top)  # what names it is sent to this error
        if len(relative.parts) == 2 and relative.suffix.rstrip().lower() in suffixes:
            return  # read by load_<kind>
        if len(relative.parts) > 2:
            hint = f"记录文件要直接放在 content/{top}/ 里，不能放进子文件夹；不用的文件请移出 content/"
        elif relative.suffix.lower() in (".yaml", ".yml") and (other := _record_kind_written(self.docs_dir / relative)):
            kind_word, where, fields = other  # a zone's file dropped into stories/
            hint = f"这个文件像是{kind_word}（{'、'.join(fields[:3])} 是{kind_word}的字段）：{kind_word}不放在 {top}/ 里，{where}：把这个文件移过去"
            kind = "zone" if kind_word == ZONE_KIND else None  # as for a zone in a subfolder of zones/
        elif relative.suffix and not any(f"{suffix}." in relative.name.lower() for suffix in suffixes):
            # README.txt, a sheet or a scan: a file kept beside the records, not a record misnamed
            hint = (f"这个文件夹只放记录文件（以 {suffixes[0]} 结尾）：说明、表格等请移出 content/，放到仓库里别的地方；"
                    f"如果它本来是一条记录，文件名改成以 {suffixes[0]} 结尾")
        else:
            stem = relative.name.split(".")[0] or "example"
            hint = f"文件名要以 {suffixes[0]} 结尾，例如 {stem}{suffixes[0]}（Windows 可能隐藏了扩展名）；不用的文件请移出 content/"
        self.problems.add(Location(self.shown(self.docs_dir / relative)), "-", f"content/{top}/ 里的这个文件不会被读取", hint)
        if kind is not None:
            shown = self.shown(self.docs_dir / relative)
            content.unread.setdefault((kind, relative.name.split(".")[0]), shown)
            if kind == "zone" and (written := _written_id(self.docs_dir / relative)):  # zones/2024/gongre.yaml: id: gongre-baozhang
                content.unread.setdefault((kind, written), shown)

    def link(self, path: Path) -> None:
        """A symbolic link in content/: MkDocs follows it and publishes what it points at, so one to
        members.yaml, to the repository or to /etc would put that on the open internet."""
        looped = False
        try:
            target = path.resolve(strict=True)
        except (OSError, RuntimeError) as error:  # dangling, or a loop (RuntimeError before Python 3.13)
            target, looped = None, isinstance(error, RuntimeError) or error.errno == errno.ELOOP
        if target is None and path.name.startswith(".#"):
            return  # Emacs's lock on a file being edited (.#garden.yaml): a dot file, never published
        if target is not None and target.is_dir():
            message = "这是指向文件夹的链接（快捷方式）：网站生成时会把它指向的整个文件夹发布出去"
        elif looped:
            message = "这是一个链接（快捷方式），它最终指向了它自己"
        elif target is None:
            message = "这是一个链接（快捷方式），它指向的文件或文件夹不存在"
        elif not target.is_relative_to(self.docs_dir):
            message = f"这是一个链接（快捷方式），指向 content/ 以外的“{target}”：照这样生成，会把那个文件原样发布出去，所以不生成"
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

        text = text.lstrip("\ufeff")
        if toml_front_matter(text):
            self.problems.add(Location(self.shown(path), 1, 1), "-", "页面第一行的“+++”要写成三个半角减号“---”：现在网站会把开头几行当成正文显示出来", TOML_HINT)
            return True
        front, _, _ = split_front_matter(text)
        if front is None:
            return self.unclosed_front_matter(path, text)
        if not front.strip() or get_data(text)[1]:
            return False
        if not front.split("\n", 1)[0].strip() and not _KEY_LIKE.search(front):
            return False  # a rule (---) over the page's text, a blank line under it: Markdown shows it as a line
        shown, before = self.shown(path), len(self.problems)
        parse(front, shown, self.problems, first_line=2)  # the YAML mistake, in the editors' words
        if len(self.problems) == before:  # readable, but no "title: …" (a sentence between the lines)
            self.problems.add(Location(shown, 2, 1), "-", "页面开头两行“---”之间应该写“title: 标题”：现在网站会把它们连同“---”当成正文显示出来",
                              "写成 title: 页面标题（半角冒号，后面加空格）；不需要标题就删掉这两行“---”和中间的内容")
        return True

    def unclosed_front_matter(self, path: Path, text: str) -> bool:
        """True (with a problem) when a "---" opens "title: …" lines that no "---" closes (or one
        written "----", "———"): the lines would be published as the page's text, its title lost."""
        lines = text.split("\n")
        if lines[0].strip() != "---" or not _KEY_LIKE.match(next((line for line in lines[1:] if line.strip()), "")):
            return False
        self.problems.add(Location(self.shown(path), closing_line(text) or 1, 1), "-", "页面开头的信息区（title）没有结束：缺少第二个“---”，"
                          "现在网站会把这几行当成正文显示出来", unclosed_hint(text, "在“title: …”下面加一行“---”，再写正文"))
        return True

    def twice_in_page_meta(self, path: Path, text: str) -> None:
        """A key written twice in a page's front matter (`title:` twice) is an error, as in a record:
        MkDocs keeps the last one unsaid (audit AS-O 4)."""
        from .yamlfile import parse
        from ..problems import Problems

        front = split_front_matter(text)[0]
        if front is None:
            return
        found = Problems()
        parse(front, self.shown(path), found, first_line=2)
        for problem in found:
            if "同一处写了两次" in problem.message:
                self.problems.add(problem.where, problem.field, problem.message, problem.hint)

    def unshown_page_meta(self, path: Path, text: str) -> list[Problem]:
        """A free page's front matter shows its title only: `author:` or `phone:` there is shown
        nowhere, which its editor would not expect (and a typo of title goes unused)."""
        from mkdocs.utils.meta import get_data

        if not text.startswith(("---", "\ufeff---")):
            return []
        rows = text.splitlines()
        meta = get_data(text)[1]
        shown_keys = () if path in [self.docs_dir / name for name in HOME_SOURCES] else PAGE_META  # the home page's heading is the activity
        title = meta.get("title") if shown_keys else None
        tagged = re.search(r"<[A-Za-z!/][^<>]*>?", title) if isinstance(title, str) else None
        shown = [Problem(Location(self.shown(path), next((n for n, row in enumerate(rows, 1) if row.startswith("title:")), 1), 1), "title",
                         f"标题里的“{shortened(tagged.group(), 24)}”是网页代码，会照原样显示在标题和菜单里", "标题只写文字")] if tagged else []
        return shown + [Problem(Location(self.shown(path), next((n for n, row in enumerate(rows, 1) if row.startswith(f"{key}:")), 1), 1), str(key),
                        f"页面开头信息里的“{key}”不会显示在网站上", (did_you_mean(str(key), list(shown_keys)) or "页面开头只写 title（标题）；其余内容写进正文")
                        if shown_keys else "首页的标题是 org.yaml 里的活动名称 activity：删掉页面开头的这几行，要说的话写进正文")
                for key in meta if key not in shown_keys]

    def same_address(self, path: Path, page: str) -> bool:
        """True (with a problem) when an earlier free page is published at page's address:
        about.md and about/index.md (or about/README.md) are both /about/, and one would be lost."""
        where = address(re.sub(r"(^|/)README$", r"\1index", page.removesuffix(".md")))
        other = self.page_addresses.setdefault(where, page)
        if other != page:
            shown = f"/{where}/" if where else "首页 /"
            readme = "（README.md 就是它所在文件夹的首页）" if "README" in (page + other) else ""
            self.problems.add(Location(self.shown(path)), "-", f"这个页面和 content/{other} 的网址相同（{shown}）{readme}，只能留一个",
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
        folded: dict[str, list[str]] = {}  # each file's path, case-folded -> the paths so spelt
        for path in sorted(self.docs_dir.rglob("*")):  # symbolic links are listed, never followed
            relative = path.relative_to(self.docs_dir)
            if undecodable(relative.parts[-1]) and not any(part.startswith(".") or undecodable(part) for part in relative.parts[:-1]):
                self.undecodable_name(path)
                continue
            if path.is_symlink():
                self.link(path)
                continue
            if any(part.startswith(".") or undecodable(part) for part in relative.parts) or is_scratch(path.name):
                continue
            if (unwindowed := windows_refuses(path.name)) is not None:
                content.notices.append(Problem(Location(self.shown(path)), "-",
                                               f"{'文件夹' if path.is_dir() else '文件'}名“{path.name}”{unwindowed}：在 Windows 电脑上 git 取不下来这个仓库",
                                               "改个名字（责任区文件连同它的 id 一起改，旧编号写进 aliases）" if relative.parts[0] == "zones"
                                               else "改个名字；它是页面的话，网址也跟着改"))
            if special(path):  # MkDocs would wait on it for ever, as would a check that opened it
                self.problems.add(Location(self.shown(path)), "-", "这不是普通文件，而是命名管道、设备之类的特殊文件：读它的程序会一直等下去",
                                  f"删掉它（rm {self.shown(path)}）：{self.docs_dir.name}/ 里只放页面、记录和照片文件")
                continue
            if not path.is_file():
                continue
            top = relative.parts[0]
            if top.casefold() not in RECORD_FOLDERS:  # a record's name is its id, in lower case: said by its own rule
                folded.setdefault(relative.as_posix().casefold(), []).append(relative.as_posix())
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
                if (kind := {"zones": "zone", "stories": "story"}.get(meant)) is not None and len(relative.parts) == 2:
                    # what names a zone in Zones/ is sent to the folder's error, not told to add the zone
                    shown = self.shown(self.docs_dir / relative)
                    content.unread.setdefault((kind, relative.name.split(".")[0]), shown)
                    if kind == "zone" and (written := _written_id(path)):
                        content.unread.setdefault((kind, written), shown)
                continue
            if path.suffix == ".md" and top != "stories" and relative.as_posix() not in HOME_SOURCES and self.unpublished(relative.as_posix()):
                continue  # a draft exclude_docs keeps out of the site: neither published nor checked (audit AS-K 13)
            if path.suffix == ".md" and top != "stories":
                stem = relative.with_suffix("").parts[0]
                text = self.read(path, MAX_MARKDOWN_BYTES)
                if text is not None:  # as MkDocs reads it: a page saved on Windows has its front matter too
                    text = text.replace("\r\n", "\n").replace("\r", "\n")
                if stem in (RESERVED_PAGES if len(relative.parts) > 1 else GENERATED_PAGES):
                    self.problems.add(Location(self.shown(path)), "-", *page_in_reserved_place(relative, text))
                    continue
                if text is not None:
                    report_controls(text, self.shown(path), self.problems)
                if text is None or self.bound_markdown(text, SourceMap(self.shown(path)), "-", first_line=1):
                    continue
                if relative.as_posix() not in HOME_SOURCES and self.empty_page(text):
                    # a placeholder: a menu item (named after the file) that opens a blank page; the
                    # format allows it (audit AS-U 6), so it is published, and said
                    content.notices.append(Problem(Location(self.shown(path)), "-", "这个页面是空的：网站上会是一个空白页，菜单里也会有它",
                                                   "写上内容再提交；还没准备好就先不要放进 content/"))
                if self.page_template(path, text) or self.unread_front_matter(path, text) or self.same_address(path, relative.as_posix()):
                    continue
                self.twice_in_page_meta(path, text)
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
                if path.name == "members.yaml" and not (self.root / "members.yaml").is_file():
                    continue  # the roster's own "放错了文件夹" says it, once
                hint = ("members.yaml 要放在 mkdocs.yml 旁边，不在 content/ 里" if path.stem == "members"
                        else did_you_mean(path.name, ["org.yaml"]) or "content/ 下只认 org.yaml 和 zones/、commitments/、assessments/ 里的文件")
                self.problems.add(Location(self.shown(path)), "-", "不认识这个文件放的位置", hint)
            elif top in RECORD_FOLDERS and path.suffix.lower() not in IMAGE_SUFFIXES:
                self.unread_record(relative, content)
            elif (path.suffix.lower() not in (".md", ".yaml", ".yml", *IMAGE_SUFFIXES)
                  and top not in (*RECORD_FOLDERS, "photos") and relative.as_posix() not in PUBLISHED_AS_IS):
                # MkDocs would publish it as it is: a roster spreadsheet or notes dropped here would
                # reach the open internet, private fields and hidden members included
                self.problems.add(Location(self.shown(path)), "-", *foreign_file(relative))
        content.case_twins = [spelt for spelt in folded.values() if len(spelt) > 1]


def _head(path: Path) -> str:
    """The first 64 KB of a file not read as a record, as text ("" when it cannot be opened)."""
    try:
        with path.open("rb") as file:
            return file.read(65536).decode("utf-8", errors="replace")
    except OSError:
        return ""


def _record_kind_written(path: Path) -> tuple[str, str, list[str]] | None:
    """(kind, where it is written, its fields found) when the top-level fields of a YAML file not read
    are another kind's; None."""
    return record_of_another_kind(list(dict.fromkeys(re.findall(r"^([A-Za-z_]\w*)[ \t]*:", _head(path), re.M))), alone=True)


def _written_id(path: Path) -> str | None:
    """The `id:` a record file not read writes."""
    head = _head(path)
    found = re.search(r"^id:[ \t]*[\"']?([a-z0-9][a-z0-9-]*)", head, re.M)
    return found.group(1) if found else None


WINDOWS_DEVICES = {"con", "prn", "aux", "nul", *(f"com{n}" for n in range(1, 10)), *(f"lpt{n}" for n in range(1, 10))}


def windows_refuses(name: str) -> str | None:
    """Why Windows cannot hold a file of this name, or None: most editors' computers run it, and a
    checkout that fails there leaves the office unable to edit the site (audit AS-AD L1)."""
    if name.split(".")[0].lower() in WINDOWS_DEVICES:
        return f"是 Windows 保留的设备名（{name.split('.')[0].upper()}）"
    if (bad := re.search(r'[<>:"|?*\\]', name)) is not None:
        return f"里有 Windows 文件名不能用的“{bad.group()}”"
    if name.endswith((".", " ")):
        return "以点或空格结尾"
    return None
