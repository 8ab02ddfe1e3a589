"""Markdown from content, rendered so that nothing in it runs in a visitor's browser.

Two layers: raw HTML in Markdown is never passed through (it is taken out, its words kept:
``rawhtml``), and the
output is sanitized by nh3 (ammonia) so that links can only be http(s), mailto or tel, and
images only come from this site. An image in Markdown must be a photo under content/: it is
published as a resized copy (``publish_images``); anything else is refused with a warning,
which fails a strict build. A link to a file under content/ (about.md, stories/x.md,
zones/x.yaml) or to a page's address (members/zhang-wei/) becomes the address of that page,
relative to the one it is on (``resolve_links``).
"""

from __future__ import annotations

import html
import logging
import re
import xml.etree.ElementTree as etree
from typing import Callable
from urllib.parse import unquote, urlsplit

import markdown
import nh3
from markdown.extensions import Extension
from markdown.extensions.toc import slugify_unicode
from markdown.inlinepatterns import HTML_RE, InlineProcessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import AMP_SUBSTITUTE, AtomicString
from markupsafe import Markup

from ..values import UNSEEN, title_words
from .chinesetext import NAME_DOT_HELD, NUMBER_RUN, JoinChineseLines, KeptWhole, ScrollTables
from .lists import NestedListIndent
from .phones import callable_in_text
from .rawhtml import StripRawHtml

log = logging.getLogger("mkdocs.plugins.liangxiang")
PHOTO = "lx-photo:"  # marks an image path from content until it is replaced by a published copy
LINK = "lx-link:"  # marks a link to a file under content/ until it gets its page's address

TAGS = {
    "a", "abbr", "b", "blockquote", "br", "code", "del", "em", "h2", "h3", "h4", "h5", "h6", "hr", "i",
    "img", "li", "ol", "p", "pre", "s", "strong", "sub", "sup", "table", "tbody", "td", "th", "thead",
    "tr", "ul", "h1", "div", "span", "dl", "dt", "dd", "figure", "figcaption", "caption",
    "picture", "source",
    "details", "summary", "input", "label",  # admonition, pymdownx.details and pymdownx.tabbed
}
ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "srcset", "sizes", "alt", "title", "width", "height", "loading", "decoding"},
    "picture": {"class"}, "source": {"srcset", "sizes", "type"},
    "th": {"align", "colspan", "rowspan", "class"}, "td": {"align", "colspan", "rowspan", "class"},  # class: only "short" (_local_only)
    "h1": {"id"}, "h2": {"id"}, "h3": {"id"}, "h4": {"id"}, "h5": {"id"}, "h6": {"id"},
    "div": {"class"}, "span": {"class"}, "code": {"class"}, "pre": {"class"},
    "sup": {"id"}, "li": {"id"},  # footnotes: <sup id="fnref:1">, <li id="fn:1"> (see _local_only)
    "ol": {"start"},  # sane_lists: clause 4 after a table stays 4
    "p": {"class"}, "details": {"class", "open"},  # class: only "admonition-title" on p (_local_only)
    "input": {"type", "id", "name", "checked"}, "label": {"for"},  # a tab: only tabbed's radio buttons
}
FOOTNOTE_ID = re.compile(r"fn(ref)?:[\w-]+")
TAB_ID = re.compile(r"__tabbed_[0-9]+(_[0-9]+)?")  # pymdownx.tabbed's radio buttons: id, name, label for
FOOTNOTE_LINK = re.compile(r'<a class="footnote-(?:ref|backref)" href="#fn(?:ref)?:[^"]*"')
URL_SCHEMES = {"http", "https", "mailto", "tel"}
# headings get ids from their words, Chinese ones too (the default drops them: "_1"), so that a
# link to stories/x.md#停水作业 or about.md#联系我们 opens at that heading
HEADING_IDS = {"slugify": slugify_unicode}
FOOTNOTES = {"BACKLINK_TITLE": "回到正文第 %d 处注释"}
TABLES = {"use_align_attribute": True}  # align="right", which the sanitizer keeps (it drops every style)


class _MarkLocal(Treeprocessor):
    """Mark local image paths and links before MkDocs' link check (priority 0) sees them: they
    name photos, published as resized copies, and records, stories, index.md and the site's own
    pages, which MkDocs does not know. Both are resolved after rendering, for every kind of text,
    so that a link the site cannot follow is an error wherever it is written."""

    def run(self, root):
        for img in root.iter("img"):
            src = img.get("src", "")
            if src and _is_local(src):
                img.set("src", PHOTO + src)
        for link in root.iter("a"):
            href = link.get("href", "")
            if _is_local(href) and urlsplit(href.strip()).path:  # not a link to a heading of the same page
                link.set("href", LINK + href)


HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")


class _HeadingsUnderTitle(Treeprocessor):
    """Content Markdown sits under a heading of its page: its headings start one level below
    (``md.heading_top``: h2 in a story, h3 in a zone's section) and skip no level (an editor's
    "# 事迹" then "### 细节" becomes h2, h3). A first heading that repeats the page's title
    (``md.page_title``, as a story body copied from Word starts) is dropped."""

    def run(self, root):
        title, top = getattr(self.md, "page_title", None), getattr(self.md, "heading_top", 2)
        first = root[0] if len(root) else None
        if first is not None and first.tag in HEADINGS and title and _words(first) == title_words(title):
            root.remove(first)
        headings = [element for element in root.iter() if element.tag in HEADINGS]
        levels = sorted({int(element.tag[1]) for element in headings})
        for element in headings:
            element.tag = f"h{min(6, top + levels.index(int(element.tag[1])))}"


class _NumbersCalled(Treeprocessor):
    """A phone number in running text (监督热线 0317-2726000) is a tel: link, as the footer's and a
    zone's are: a visitor on a phone taps it, and Android links no plain number (audit AS-V F4).
    It runs after the inline patterns, which keep the number whole (KeptWhole), and links none
    inside a link already."""

    def run(self, root):
        self._link_numbers(root)

    def _link_numbers(self, parent) -> None:
        for index, child in enumerate(list(parent)):
            if child.tag == "span" and child.get("class") == "nb" and (dials := callable_in_text(child.text or "")):
                link = etree.Element("a", {"href": f"tel:{dials}"})
                link.tail, child.tail = child.tail, None
                parent.remove(child)
                parent.insert(index, link)
                link.append(child)
            elif child.tag not in ("a", "code", "pre"):
                self._link_numbers(child)


class _RawTagAsText(InlineProcessor):
    """A raw tag kept whole, as text, for StripRawHtml to take out: the patterns after it (a
    number's span, emphasis) would cut into <a href="tel:0391-7216688">, which then stayed on
    the page as text."""

    def handleMatch(self, m, data):  # noqa: N802 (Python-Markdown's name)
        return AtomicString(m.group(0)), m.start(0), m.end(0)


def _words(element) -> str:
    return title_words("".join(element.itertext()))


class SafeContent(Extension):
    """Raw HTML in Markdown is never passed through: read as text, then taken out (``rawhtml``)."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.preprocessors.deregister("html_block", strict=False)  # strict=False: listed twice, it is done once
        md.inlinePatterns.deregister("html", strict=False)
        md.stripped_tags = md.unclosed_tags = []
        md.treeprocessors.register(StripRawHtml(md), "liangxiang_raw_html", 7)
        md.treeprocessors.register(_MarkLocal(md), "liangxiang_local", 5)
        md.treeprocessors.register(JoinChineseLines(md), "liangxiang_chinese_lines", 25)  # before "inline" (20)
        md.treeprocessors.register(ScrollTables(md), "liangxiang_scroll_tables", 3)
        md.treeprocessors.register(_NumbersCalled(md), "liangxiang_numbers_called", 4)  # after "inline" (20)
        md.inlinePatterns.register(KeptWhole(NUMBER_RUN, md), "liangxiang_number_run", 5)
        md.inlinePatterns.register(KeptWhole(NAME_DOT_HELD, md), "liangxiang_name_dot", 4)
        md.inlinePatterns.register(_RawTagAsText(HTML_RE, md), "liangxiang_raw_tag", 90)  # where "html" stood
        md.preprocessors.register(NestedListIndent(md), "liangxiang_nested_lists", 27)  # tabs expanded (30), fences not yet stashed (25)


class HeadingsUnderTitle(Extension):
    """For text placed under a heading of a page the theme draws (not for free pages: MkDocs
    takes their title from their own # heading)."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.treeprocessors.register(_HeadingsUnderTitle(md), "liangxiang_headings", 6)


def _is_local(url: str) -> bool:
    """A path on this site, as a browser reads the URL: &#106;avascript: is javascript:, and so is
    the mailto: Python-Markdown writes as entities for <name@example.cn>."""
    url = re.sub(r"[\t\n\r]", "", html.unescape(url.replace(AMP_SUBSTITUTE, "&"))).strip("\x00- ")
    try:
        parts = urlsplit(url)
    except ValueError:  # http://[待补充]: no address to follow (the check says so)
        return False
    return not (parts.scheme or parts.netloc or url.startswith(("//", "\\")))


def _local_only(tag: str, attribute: str, value: str) -> str | None:
    """Images load only from this site: no other host, no data: or javascript: URLs."""
    if tag in ("img", "source") and attribute == "src" and not _is_local(value):
        return None
    if attribute == "id" and tag in ("sup", "li"):  # a footnote's, and no other id
        return value if FOOTNOTE_ID.fullmatch(value) else None
    if attribute == "start":
        return value if re.fullmatch(r"[0-9]{1,6}", value) else None
    if attribute == "class" and tag in ("td", "th"):  # ScrollTables' mark, and no other class
        return value if value == "short" else None
    if attribute == "class" and tag == "p":
        return value if value == "admonition-title" else None
    if attribute == "type" and tag == "input":  # <source type="image/webp"> keeps its own
        return value if value == "radio" else None
    if attribute in ("id", "name", "for") and tag in ("input", "label"):
        return value if TAB_ID.fullmatch(value) else None
    if tag in ("img", "source") and attribute == "srcset":
        if not all(_is_local(part.split()[0]) for part in value.split(",") if part.strip()):
            return None
    return value


_IMG = re.compile(r"<img\b[^>]*>")
REMOTE = re.compile(r"https?://[^/\s]", re.I)  # an image on another website
_ATTR = re.compile(r'([a-z]+)="([^"]*)"')


def publish_images(text: str, publish: Callable[[str, str], str | None], where: str) -> str:
    """Replace each image of rendered Markdown by ``publish(path, alt)``, a resized copy.

    An image on another website becomes a link to it, with its alt text. Any other image that
    is not a photo under content/ is dropped and reported (a warning, which fails a strict
    build): a visitor never sees a broken image, nor loads one from another host.
    """

    def replace(match: re.Match) -> str:
        attrs = {k: html.unescape(v) for k, v in _ATTR.findall(match.group(0))}
        src, alt = attrs.get("src", ""), attrs.get("alt", "")
        if REMOTE.match(src):  # a page loads nothing from another host: the image is a link to it (the check says so)
            return f'<a href="{html.escape(src)}">{html.escape(alt.strip() or src)}</a>'
        published = publish(unquote(src[len(PHOTO):]), alt) if src.startswith(PHOTO) else None
        if published is None:
            shown = src[len(PHOTO):] if src.startswith(PHOTO) else src
            log.warning(
                "%s: 图片“%s”没有发布：正文里的图片必须是 content/ 里的 JPEG、PNG 或 WebP 照片"
                "（写相对于 content/ 的路径，例如 photos/stories/a.jpg）", where, shown,
            )
            return ""
        return published

    return _IMG.sub(replace, text)


_LINK = re.compile(r'(<a\b[^>]*?)\shref="([^"]*)"')


def resolve_links(text: str, resolve: Callable[[str], str | None], where: str) -> str:
    """Give each marked link of rendered Markdown ``resolve(path)``, its page's address.

    A link to no page loses its address (the text stays) and is reported: the content check
    names the line first, so this happens only to text it could not see."""

    def replace(match: re.Match) -> str:
        href = html.unescape(match.group(2))
        if not href.startswith(LINK):
            return match.group(0)
        path, _, fragment = href[len(LINK):].partition("#")
        url = resolve(unquote(path))
        if url is None:
            log.warning("%s: 链接“%s”指向的页面不存在", where, href[len(LINK):])
            return match.group(1)
        return f'{match.group(1)} href="{html.escape(url + ("#" + fragment if fragment else ""))}"'

    return _LINK.sub(replace, text)


_cleaner = nh3.Cleaner(
    tags=TAGS,
    attributes=ATTRIBUTES,
    url_schemes=URL_SCHEMES,
    attribute_filter=_local_only,
    link_rel="noopener noreferrer",
    strip_comments=True,
)


_HREFLESS = re.compile(r"<a\b(?![^>]*\shref=)[^>]*>(.*?)</a>", re.S)


def sanitize(html: str) -> str:
    """HTML with scripts, event handlers, styles and foreign URLs removed; a link whose URL was
    taken out (javascript:) is its words alone, not link-coloured text that does nothing. Characters
    that show nothing but change what the text is (values.UNSEEN: direction overrides...) go too."""
    return _HREFLESS.sub(r"\1", _cleaner.clean(UNSEEN.sub("", html)))


# extensions of Python-Markdown a site may enable for its free pages that content Markdown then
# follows, so that `{: .note}` or a definition list reads the same in a story as on a free page
# (what they add to the HTML still goes through the sanitizer)
FOLLOWED = ("abbr", "admonition", "attr_list", "def_list", "fenced_code", "nl2br", "smarty",
            "pymdownx.details", "pymdownx.tabbed")


# what content Markdown always renders with, and so free pages too (on_config adds what mkdocs.yml
# lacks): a footnote or a table in /about/ reads as in a story, not as "^1" with its note gone
BASE_EXTENSIONS = {"tables": TABLES, "sane_lists": {}, "toc": HEADING_IDS, "footnotes": FOOTNOTES}


def add_base_extensions(extensions: list, configs: dict) -> None:
    """BASE_EXTENSIONS into a site's Markdown, each with our options unless the site sets its own."""
    written = {ext.removeprefix("markdown.extensions."): ext for ext in extensions if isinstance(ext, str)}
    for name, options in BASE_EXTENSIONS.items():
        if name not in written:
            extensions.append(name)
        for option, value in options.items():
            configs.setdefault(written.get(name, name), {}).setdefault(option, value)


def extras_key(extras: dict[str, dict]) -> str:
    """The extensions and their options as text, for memos of what Markdown renders to."""
    return repr(sorted(extras.items(), key=lambda item: item[0]))


def site_extras(extensions: list, configs: dict) -> dict[str, dict]:
    """The FOLLOWED extensions a site's mkdocs.yml enables, with their options."""
    names = {ext.removeprefix("markdown.extensions.") for ext in extensions if isinstance(ext, str)}
    options = {name.removeprefix("markdown.extensions."): value for name, value in configs.items()}
    return {name: dict(options.get(name) or {}) for name in FOLLOWED if name in names}


class Renderer:
    """Content Markdown -> safe HTML; one instance per build (Python-Markdown is stateful).
    ``extras``: the FOLLOWED extensions the site enables (``site_extras``)."""

    def __init__(self, extras: dict[str, dict] | None = None) -> None:
        extras = extras or {}
        self._md = markdown.Markdown(extensions=[SafeContent(), HeadingsUnderTitle(), *BASE_EXTENSIONS, *extras],
                                     extension_configs={**BASE_EXTENSIONS, **extras},
                                     output_format="html")

    def __call__(self, text: str | None, publish: Callable[[str, str], str | None] | None = None,
                 where: str = "", link: Callable[[str], str | None] | None = None, title: str | None = None,
                 top: int = 2) -> Markup:
        """``title``: the page's own title, which a first heading repeating it is dropped for;
        ``top``: the level the text's headings start at."""
        if not text:
            return Markup("")
        out = self.html(text, title, top)
        if publish is not None:
            out = publish_images(out, publish, where)
        if link is not None:
            out = resolve_links(out, link, where)
        return Markup(sanitize(out))

    def html(self, text: str, title: str | None = None, top: int = 2) -> str:
        """The HTML Python-Markdown makes, before images and links are resolved and it is sanitized."""
        self._md.reset()
        self._md.page_title, self._md.heading_top = title, top
        return self._md.convert(text)

    @property
    def stripped_tags(self) -> list[str]:
        """The raw HTML tags the last text held (taken out of it), as typed, each once."""
        return self._md.stripped_tags

    @property
    def unclosed_tags(self) -> list[str]:
        """Of those, the scripts and styles never closed: only their opening was taken out."""
        return self._md.unclosed_tags


def untitled_page_title(text: str, meta: dict) -> str | None:
    """The title of a free page that has none (no `title:`, or an empty one, and no `# heading`):
    its first words. MkDocs would show "About" from about.md, or "None", in a Chinese menu."""
    if meta.get("title") or re.search(r"^ {0,3}#(?!#)\s*\S|^=+\s*$", text, re.M):
        return None
    for line in text.splitlines():
        words = re.sub(r"!?\[([^\]]*)\]\([^)]*\)|[*_`>#|]|^\s*(?:[-+]|\d+\.)\s+", r"\1", line).strip()
        if words:
            words = re.split(r"[。！？.!?]", words)[0].strip() or words
            return words if len(words) <= 20 else words[:18] + "…"
    return None
