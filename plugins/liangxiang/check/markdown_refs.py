"""What Markdown names (story bodies, org intro, zone content, free pages) must exist: an image
is a photo under content/, a link names a page of the site: a file under content/ (about.md,
zones/x.yaml) or an address (members/zhang-wei/). Checked with the rest of the content, before a
build cleans site_dir: found only while pages were rendered, a refused image failed a strict
build after the previous site had already been replaced.
"""

from __future__ import annotations

import difflib
import html
import posixpath
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ..content import HOME_SOURCES, IMAGE_SUFFIXES, Content, address, content_paths
from ..files import TextMemo, code_digest
from ..problems import Location, Problem, Problems, closest, shortened
from .anchors import HEADED_PAGES, LIST_PAGES, Anchors, ListAnchor, anchor_problem, page_text
from .markdown_slips import INDENTED, NOTICES, named, slip_line, slip_problem
from .photos import check_image, hidden_photo_problem, hidden_photos, resolve_image, unusable_path

PACKAGE = Path(__file__).parent.parent
IMAGE_HINT = "写相对于 content/ 的路径，例如 photos/stories/a.jpg"
LINK_HINT = ("写相对于 content/ 的文件路径，例如 {page}、stories/{story}.md、zones/{zone}.yaml，"
             "或本站页面的网址，例如 members/{member}/")
# www.example.cn, gov.cn/x: another site written without https://
WEB_ADDRESS = re.compile(r"^(www\.|[a-z0-9-]+(\.[a-z0-9-]+)*\.(cn|com|net|org|gov|edu)(/|$))", re.IGNORECASE)


def check_markdown_refs(content: Content, problems: Problems, memo: Path | None = None, free_page_anchors: bool = True) -> None:
    """``memo``: a file that keeps what each text names between builds (rendering every story's
    Markdown again on every build would cost a large site seconds). ``free_page_anchors``: whether
    #fragments naming a free page's headings are checked (MkDocs renders those pages, with the
    site's own slugify if it sets one)."""
    from ..site.markdown import LINK, PHOTO, REMOTE, Renderer, extras_key  # here: the renderer brings Markdown

    renderer = Renderer(content.markdown_extras)
    sources = [*(PACKAGE / "site" / name for name in ("markdown.py", "rawhtml.py", "chinesetext.py", "lists.py")),
               Path(__file__), Path(__file__).with_name("markdown_slips.py")]
    version = code_digest(PACKAGE, sources, ("Markdown", "nh3"))
    named_in = TextMemo(memo, f"{version}:{extras_key(content.markdown_extras)}")
    anchors = Anchors(content, renderer, named_in, free_page_anchors)
    hidden_of = hidden_photos(content)  # photo file -> the hidden member it shows
    covers = {f"stories/{story.slug}": story.meta.cover for story in content.stories if story.meta.cover}
    for text, start, field, base, block, shown_at in markdown_texts(content):
        if "[" not in text and "<" not in text and "【" not in text and not INDENTED.search(text):
            continue  # no image, link, HTML or indented code
        seen: dict[tuple[str, str], int] = {}  # the same path named twice is reported at each place
        for ref, kind in named_in("refs", text, lambda text: named(renderer, text)):
            mark = PHOTO if kind == "image" else LINK
            nth = seen[ref, kind] = seen.get((ref, kind), -1) + 1
            if kind == "image" and REMOTE.match(ref):
                kind, problem = "remote", (f"图片“{ref}”在别的网站上：网页不从别的网站加载图片，这里显示成指向它的链接",
                                           "要在页面上显示，把照片存进 content/photos/，写成 ![照片说明](photos/...)")
            elif kind == "image":
                problem = _image_problem(content, ref, base, hidden_of)
                if problem is None and (problem := _cover_again(content, covers.get(shown_at), ref, base)):
                    kind = "cover"
            elif kind != "link":
                problem = slip_problem(kind, ref, text)
            elif ref.startswith(LINK):
                problem = _link_problem(content, ref[len(LINK):], base, shown_at, anchors)
            elif kind == "link" and (within := own_address(content.site_url, ref)) is not None:
                problem = _link_problem(content, within, base, shown_at, anchors)
                problem = problem and (problem[0].replace(f"“{within}”", f"“{ref}”", 1), problem[1])
            elif ref.startswith("#") and (field == "body" or field == "-" and free_page_anchors):  # a page of its own
                problem = anchor_problem(ref, anchors.of_text(text), "这一页")
            else:
                problem = None
            if problem:
                needle = f"[{ref}]" if kind == "empty" else ref[len(mark):] if ref.startswith(mark) else ref
                line = slip_line(kind, ref, text)
                line, column = (line, 1) if line else _place_of(text, needle, kind in ("image", "remote", "cover"), nth)
                # a block scalar's lines are read without their indentation: its column would be wrong
                where = Location(start.path, start.line + line - (0 if block else 1), 1 if block else column) if start.line else start
                if kind in NOTICES or kind == "cover" or isinstance(problem, ListAnchor):
                    content.notices.append(Problem(where, field, *problem))
                else:
                    problems.add(where, field, *problem)
    named_in.save()


def markdown_texts(content: Content):
    """(text, where it starts, field, base folder, is a block scalar, the address it is shown at)
    of every Markdown text."""
    if content.org and content.org.intro:
        yield content.org.intro, content.org.at("intro"), "intro", "", True, ""
    for zone in content.zones:
        if zone.content:
            yield zone.content, zone.at("content"), "content", "zones", True, f"zones/{zone.id}"
    for story in content.stories:
        yield story.body, Location(story.meta.at().path, story.body_line, 1), "body", "stories", False, f"stories/{story.slug}"
    yield from content.rejected_texts
    root = content.root.resolve()
    for page in content.pages:
        source = content.docs_dir / page
        try:
            shown = source.resolve().relative_to(root).as_posix()
        except (OSError, ValueError):
            continue
        text = page_text(content, page)
        if text is not None:
            yield _body_of(text), Location(shown, 1, 1), "-", posixpath.dirname(page), False, address(page.removesuffix(".md"))


def _body_of(text: str) -> str:
    """A free page's Markdown, as MkDocs renders it: its front matter (title: …, a plain text)
    blanked, its lines kept."""
    from mkdocs.utils.meta import YAML_RE

    found = YAML_RE.match(text)
    return "\n" * found.group(0).count("\n") + text[found.end():] if found else text


WINDOWS_PATH = re.compile(r"(?:file:/*)?[A-Za-z]:[\\/]|\\\\")  # C:\Users\…, file:///C:/…, \\server\share


def _image_problem(content: Content, src: str, base: str, hidden_of: dict) -> tuple[str, str] | None:
    from ..site.markdown import PHOTO

    if not src.startswith(PHOTO) and (pasted := unusable_path(src)) is not None:  # data:image/jpeg;base64,…
        return f"图片“{shortened(src, 40)}”没有发布：{pasted[0]}", pasted[1]
    if not src.startswith(PHOTO) and WINDOWS_PATH.match(unquote(src)):  # C:\Users\…: read as an address of scheme "c:" (audit AM 9)
        name = re.split(r"[\\/]", unquote(src).rstrip("/\\"))[-1] or "照片.jpg"
        return (f"图片“{unquote(src)}”没有发布：这是你电脑上的文件路径，别人和网站都找不到这个文件",
                f"把图片存进 content/photos/ 里，写 photos/{name}")
    if not src.startswith(PHOTO):
        return f"图片“{src}”没有发布：正文里的图片必须是 content/ 里的 JPEG、PNG 或 WebP 照片，不能来自别的网站或网址", IMAGE_HINT
    path = unquote(src[len(PHOTO):]).strip()
    if "\\" in path and any((found := resolve_image(content.docs_dir, relative)) is not None and found.is_file()
                             for relative in content_paths(path.replace("\\", "/"), base)):
        return f"图片“{path}”没有发布：路径用“/”分隔，不用“\\”", f"写成 {path.replace(chr(92), '/')}"
    found = []
    for relative in content_paths(path, base):
        problems = [("图片路径必须在 content/ 里面", IMAGE_HINT)] if relative.startswith("..") else (
            check_image(content.docs_dir, relative, content.checked_images))
        if not problems:
            hidden = hidden_photo_problem(resolve_image(content.docs_dir, relative), hidden_of)
            return (f"图片“{path}”没有发布：{hidden[0]}", hidden[1]) if hidden else None
        found.append(problems[0])
    # said of the place the editor meant: beside the text for ./ and ../, else from content/ as every photo field
    message, hint = found[0] if path.startswith(".") else found[-1]
    return f"图片“{path}”没有发布：{message}", hint or IMAGE_HINT


def _cover_again(content: Content, cover_path: str | None, src: str, base: str) -> tuple[str, str] | None:
    """A story's cover shown again in its text: the story page opens with the cover already."""
    from ..site.markdown import PHOTO

    path = unquote(src[len(PHOTO):]).strip() if src.startswith(PHOTO) else ""
    if not cover_path or posixpath.basename(path) != posixpath.basename(cover_path.strip()):
        return None  # another file's name: no need to find either on disk
    cover = resolve_image(content.docs_dir, cover_path)
    shown = next((found for relative in content_paths(path, base)
                  if (found := resolve_image(content.docs_dir, relative)) is not None and found.is_file()), None)
    if cover is None or shown != cover:
        return None
    return (f"图片“{path}”就是这个故事的封面（cover），故事页开头已经显示它，这里会再显示一次",
            "正文里换一张别的照片，或者删掉这一行")


def _link_problem(content: Content, href: str, base: str, shown_at: str, anchors: Anchors) -> tuple[str, str] | None:
    path = unquote(urlsplit(href).path)
    if (unusable := unusable_path(path)) is not None:
        return f"链接“{href}”指向的页面不存在：{unusable[0]}", unusable[1]
    page = content.page_of(path, base, shown_at)
    if page is not None:
        problem = anchor_problem(href, anchors.of_page(page), "那一页", listed=page[0] in HEADED_PAGES)
        # a list's ids are the theme's, which the format does not name: the page opens, at its top
        return ListAnchor(problem) if problem and page[0] in LIST_PAGES else problem
    candidates = content.link_candidates(path, base, shown_at)
    for candidate in candidates:
        known = _record_named(content, candidate)
        if known == "hidden":
            return (f"链接“{href}”指向不公开的党员（hidden: true）：公开的内容不能提到他/她",
                    "去掉这个链接，或在 members.yaml 里取消 hidden")
        if known == "unread":
            return None  # a record or page with an error of its own: said there, not once per link to it
    written = path.strip()
    if not content.printables and any(candidate.split("/")[0] in ("print", "qr") for candidate in candidates):
        return f"链接“{href}”指向印刷品，但这个网站不生成印刷品（printables: false）", "删掉这个链接，或在 mkdocs.yml 里去掉 printables: false"
    if content.printables and (printable := _no_printable(content, candidates, written)) is not None:
        return f"链接“{href}”指向的印刷品不存在：{printable[0]}", printable[1]
    if WEB_ADDRESS.match(written):
        return f"链接“{href}”不是完整的网址，网站会把它当成本站的页面", f"链接到别的网站要写完整网址：https://{written}"
    if written.lower().endswith(IMAGE_SUFFIXES):
        return f"链接“{href}”指向照片：照片只以缩小的副本发布，原图没有网址", "要在正文里显示照片，写成 ![照片说明](photos/...)"
    suffix = posixpath.splitext(written)[1].lower()
    if suffix and suffix not in (".md", ".yaml", ".yml", ".html"):
        return (f"链接“{href}”指向的文件不会发布：网站只发布页面和照片，不发布附件",
                "附件（PDF、Word、表格）请放到单位网站或网盘上，在这里写它的完整网址（https://…）")
    if (by_name := _named_not_by_id(content, candidates, written) or _page_named(content, written)) is not None:
        return f"链接“{href}”指向的页面不存在", by_name
    if (renamed := _renamed_page(content, candidates)) is not None:
        return f"链接“{href}”指向的页面不存在", renamed
    choices = [*content.source_pages, *(address + "/" for address in content.site_addresses)]
    guesses = ((candidate, closest(candidate, choices, cutoff=0.75)) for candidate in content_paths(written, base))
    guess = next((guess for candidate, guess in guesses if guess and _alike_names(candidate, guess)), None)
    return f"链接“{href}”指向的页面不存在", f"是不是要写 {guess}？" if guess else _link_hint(content)


_PRINTABLE = re.compile(r"(print/signboards|print/plates|qr/zones)/([^/]+)\.(pdf|png|svg)")


def _no_printable(content: Content, candidates: list[str], written: str) -> tuple[str, str] | None:
    """Why a sign, a plate or a QR code a link names is not made (audit AS-B 5: "attachments are
    not published", of an archived zone's sign, a renamed zone's code, a plate without a promise)."""
    for candidate in candidates:
        if (found := _PRINTABLE.fullmatch(candidate)) is None:
            continue
        folder, id_, _ = found.groups()
        if folder == "print/plates":
            member = content.member_by_id.get(id_) or content.member_aliases.get(id_)
            if member is not None and member.id != id_:
                return f"“{id_}”是党员 {member.id} 以前的编号", f"写成 {_renamed_in(written, id_, member.id)}"
            if member is not None:
                year = content.plates_year
                return (f"{member.name}没有{f' {year.year} 年的' if year else ''}承诺，不印桌牌",
                        f"链接到他/她的页面 members/{member.id}/，或删掉这个链接")
            return f"没有编号为“{id_}”的党员", "编号见 members.yaml；或链接到党员名单 members/"
        zone = content.zone_by_id.get(id_) or content.zone_aliases.get(id_)
        if zone is not None and zone.id != id_:
            return f"“{id_}”是责任区 {zone.id} 以前的编号", f"写成 {_renamed_in(written, id_, zone.id)}"
        if zone is not None:  # archived: its code is kept, its sign not printed
            return (f"责任区 {zone.id} 已撤销（status: archived），不再印标志牌",
                    f"链接到它的页面 zones/{zone.id}/，或删掉这个链接")
        return f"没有编号为“{id_}”的责任区", "编号见 content/zones/ 里的文件；或链接到责任区列表 zones/"
    return None


def _renamed_in(written: str, old: str, new: str) -> str:
    head, _, name = written.rpartition("/")
    return f"{head}/{name.replace(old, new, 1)}" if head else name.replace(old, new, 1)


def _renamed_page(content: Content, candidates: list[str]) -> str | None:
    """The hint for a link to a zone or member renamed since the last build (check.published): the
    new id, not whichever id looks most like the old one."""
    for candidate in candidates:
        found = re.fullmatch(r"(zones|members)/([^/]+?)(?:\.ya?ml)?/?", candidate)
        if found and (new := content.renamed.get((found.group(1)[:-1], found.group(2)))) is not None:
            what = "责任区" if found.group(1) == "zones" else "党员"
            return f"{content.since}的{what}“{found.group(2)}”像是改成了 {new}：这里写 {found.group(1)}/{new}/"
    return None


def _alike_names(written: str, guess: str) -> bool:
    """Whether the guessed page's name is like the one written: stories/rules.md is not
    stories/index.md, however alike the whole paths are."""
    def stem(path: str) -> str:
        return posixpath.splitext(posixpath.basename(path.rstrip("/")))[0]

    return difflib.SequenceMatcher(None, stem(written), stem(guess)).ratio() >= 0.6


def _link_hint(content: Content) -> str:
    """LINK_HINT, its examples this site's own pages where it has them."""
    return LINK_HINT.format(page=next((page for page in sorted(content.source_pages) if "/" not in page and page not in HOME_SOURCES), "about.md"),
                            story=content.stories[0].slug if content.stories else "yi-ba-yao-shi",
                            zone=content.zones[0].id if content.zones else "tongxin-guangchang",
                            member=content.public_members[0].id if content.public_members else "zhang-wei")


def own_address(site_url: str, href: str) -> str | None:
    """"/zones/x/#a" for a link written as the site's own full address
    (https://dangjian.example.cn/zones/x/#a), by http or https; None for any other."""
    try:
        site, link = urlsplit(site_url), urlsplit(href.strip())
    except ValueError:
        return None
    root = site.path if site.path.endswith("/") else site.path + "/"
    if not site.netloc or link.scheme.lower() not in ("http", "https") or link.netloc.lower() != site.netloc.lower():
        return None
    path = link.path or "/"
    if not (path + "/").startswith(root):
        return None
    return "/" + path[len(root):] + (f"?{link.query}" if link.query else "") + (f"#{link.fragment}" if link.fragment else "")


RECORD_ADDRESS = re.compile(r"^(members|zones|stories|commitments|assessments)/([^/]+?)(\.md|\.ya?ml)?$")
KINDS = {"members": "member", "zones": "zone", "stories": "story"}


def _record_named(content: Content, candidate: str) -> str | None:
    """"hidden" for a hidden member's page, "unread" for a record or free page that exists in the
    files but failed to load (its own error says why), else None."""
    if candidate.endswith(".md") and (content.docs_dir / candidate).is_file():
        return "unread"  # a free page or story left out for an error of its own
    stem = candidate.rstrip("/")
    if stem and stem != "." and any((content.docs_dir / f"{stem}{end}").is_file() for end in (".md", "/index.md")):
        return "unread"  # the same, linked by its address (about/): said at about.md (GBK, empty), not here
    found = RECORD_ADDRESS.match(address(candidate))
    if found is None:
        return None
    folder, name = found.group(1), found.group(2)
    if folder in KINDS and (KINDS[folder], name) in content.unread:
        return "unread"  # in a misnamed folder (Stories/) or beside the records (zones/old/x.yaml): said there
    if folder in KINDS:
        known = content.known[KINDS[folder]]
        if name in known.hidden:
            return "hidden"
        loaded = {"members": content.member_by_id, "zones": content.zone_by_id,
                  "stories": {story.slug for story in content.stories}}[folder]
        return "unread" if name in known and name not in loaded or not known.complete else None
    return "unread" if any((content.docs_dir / folder / (name + suffix)).is_file() for suffix in (".yaml", ".yml")) else None


def _named_not_by_id(content: Content, candidates: list[str], written: str) -> str | None:
    """The hint for members/张伟/ (a page's address written with a name, not the id): the address
    with the id, when one public record has that name."""
    for candidate in candidates:
        found = RECORD_ADDRESS.match(address(candidate))
        if found is None or found.group(1) not in KINDS:
            continue
        folder, name = found.group(1), found.group(2)
        records = {"members": [(m.id, (m.name,)) for m in content.public_members],
                   "zones": [(z.id, (z.name, z.short_name)) for z in content.zones],
                   "stories": [(story.slug, (story.meta.title,)) for story in content.stories]}[folder]
        ids = [record_id for record_id, names in records if name in names]
        ids = ids or [record_id for record_id, names in records if any(name in each for each in names if each)]  # 一瓶水样 of 一瓶水样的较真
        if len(ids) == 1:
            return f"网址里写编号，不写名称：“{name}”的编号是 {ids[0]}，写成 {written.replace(name, ids[0], 1)}"
        if ids:  # two people named 张伟: which one is for the editor to say
            return f"网址里写编号，不写名称：叫“{name}”的有 {len(ids)} 个，编号是 {' 或 '.join(ids[:6])}，写成 {written.replace(name, ids[0], 1)} 这样"
    return None


def _page_named(content: Content, written: str) -> str | None:
    """The hint for a link written as a name alone ([孙海涛](孙海涛)): the page of the one public
    member, zone or story of that name."""
    name = written.strip("/ ")
    if not name or "/" in name:
        return None
    pages = [(f"members/{m.id}/", "党员") for m in content.public_members if m.name == name]
    pages += [(f"zones/{z.id}/", "责任区") for z in content.zones if name in (z.name, z.short_name)]
    pages += [(f"stories/{story.slug}/", "故事") for story in content.stories if story.meta.title == name]
    if len(pages) != 1:
        return None
    return f"链接到{pages[0][1]}“{name}”的页面，写它的网址 {pages[0][0]}（网址里写编号，不写名称）"


IMAGE_OPENING = re.compile(r"!\[[^\]\n]*\]\(\s*<?$")  # what stands before an image's path: ![alt](


def _whole_address(text: str, at: int, length: int) -> bool:
    before, after = text[at - 1:at], text[at + length:at + length + 1]
    return before in ("", "(", "<", "'", '"', " ", "\t", "\n") and after in ("", ")", ">", "'", '"', " ", "\t", "\n", "#", "?")


def _place_of(text: str, ref: str, image: bool = False, nth: int = 0) -> tuple[int, int]:
    """The line and column (from 1) where text names ref the nth time as an image (or as a link),
    or (1, 1). Written with entities (&amp;), escapes or spaces Markdown drops, the whole ref may not
    be in the text: then its last part, the file or page name, is looked for."""
    for needle in (ref, unquote(ref), html.escape(ref, quote=False), ref.strip()):
        if (found := _nth_place(text, needle, image, nth)) is not None:
            return found
    # every letter may be an entity or %-escape (&#106;avascript:): the line that reads as ref,
    # before its tail, which another address may end in (javascript:… above java&#x09;script:…, audit AS-O 8)
    lines = [number for number, line in enumerate(text.split("\n"), 1) if ref in unquote(html.unescape(line))]
    if lines:
        return lines[min(nth, len(lines) - 1)], 1
    tail = re.split(r"[/\s]", ref.strip().rstrip("/"))[-1]
    return (_nth_place(text, tail, image, nth) if len(tail) > 2 else None) or (1, 1)


def _nth_place(text: str, needle: str, image: bool, nth: int) -> tuple[int, int] | None:
    places = [found.start() for found in re.finditer(re.escape(needle), text)] if needle else []
    # the address itself, not the end of a longer one (members/feng-yu/ inside ../members/feng-yu/)
    places = [at for at in places if _whole_address(text, at, len(needle))] or places
    right_kind = [at for at in places if bool(IMAGE_OPENING.search(text[max(0, at - 300):at])) == image]
    places = right_kind or places
    if not places:
        return None
    at = places[min(nth, len(places) - 1)]
    return text.count("\n", 0, at) + 1, at - text.rfind("\n", 0, at)
