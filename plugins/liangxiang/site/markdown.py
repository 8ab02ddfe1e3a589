"""Markdown from content, rendered so that nothing in it runs in a visitor's browser.

Two layers: raw HTML in Markdown is never passed through (it is shown as text), and the
output is sanitized by nh3 (ammonia) so that links can only be http(s), mailto or tel, and
images only come from this site. An image in Markdown must be a photo under content/: it is
published as a resized copy (``publish_images``); anything else is refused with a warning,
which fails a strict build.
"""

from __future__ import annotations

import html
import logging
import re
from typing import Callable
from urllib.parse import unquote, urlsplit

import markdown
import nh3
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup

log = logging.getLogger("mkdocs.plugins.liangxiang")
PHOTO = "lx-photo:"  # marks an image path from content until it is replaced by a published copy

TAGS = {
    "a", "abbr", "b", "blockquote", "br", "code", "del", "em", "h2", "h3", "h4", "h5", "h6", "hr", "i",
    "img", "li", "ol", "p", "pre", "s", "strong", "sub", "sup", "table", "tbody", "td", "th", "thead",
    "tr", "ul", "h1", "div", "span", "dl", "dt", "dd", "figure", "figcaption", "caption",
    "picture", "source",
}
ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "srcset", "sizes", "alt", "title", "width", "height", "loading", "decoding"},
    "picture": {"class"}, "source": {"srcset", "sizes", "type"},
    "th": {"align", "colspan", "rowspan"}, "td": {"align", "colspan", "rowspan"},
    "h1": {"id"}, "h2": {"id"}, "h3": {"id"}, "h4": {"id"}, "h5": {"id"}, "h6": {"id"},
    "div": {"class"}, "span": {"class"}, "code": {"class"}, "pre": {"class"},
}
URL_SCHEMES = {"http", "https", "mailto", "tel"}


class _MarkImages(Treeprocessor):
    """Mark local image paths before MkDocs' link check (priority 0) sees them: they name photos
    in content/, which are published as resized copies, never as they are."""

    def run(self, root):
        for img in root.iter("img"):
            src = img.get("src", "")
            parts = urlsplit(src)
            if src and not parts.scheme and not parts.netloc:
                img.set("src", PHOTO + src)


class SafeContent(Extension):
    """Treat raw HTML in Markdown as text: it is escaped, never passed through."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        md.treeprocessors.register(_MarkImages(md), "liangxiang_images", 5)


def _is_local(url: str) -> bool:
    parts = urlsplit(url.strip())
    return not (parts.scheme or parts.netloc or url.strip().startswith(("//", "\\")))


def _local_only(tag: str, attribute: str, value: str) -> str | None:
    """Images load only from this site: no other host, no data: or javascript: URLs."""
    if tag in ("img", "source") and attribute == "src" and not _is_local(value):
        return None
    if tag in ("img", "source") and attribute == "srcset":
        if not all(_is_local(part.split()[0]) for part in value.split(",") if part.strip()):
            return None
    return value


_IMG = re.compile(r"<img\b[^>]*>")
_ATTR = re.compile(r'([a-z]+)="([^"]*)"')


def publish_images(text: str, publish: Callable[[str, str], str | None], where: str) -> str:
    """Replace each image of rendered Markdown by ``publish(path, alt)``, a resized copy.

    An image that is not a photo under content/ is dropped and reported (a warning, which
    fails a strict build): a visitor never sees a broken image or one from another host.
    """

    def replace(match: re.Match) -> str:
        attrs = {k: html.unescape(v) for k, v in _ATTR.findall(match.group(0))}
        src, alt = attrs.get("src", ""), attrs.get("alt", "")
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


_cleaner = nh3.Cleaner(
    tags=TAGS,
    attributes=ATTRIBUTES,
    url_schemes=URL_SCHEMES,
    attribute_filter=_local_only,
    link_rel="noopener noreferrer",
    strip_comments=True,
)


def sanitize(html: str) -> str:
    """HTML with scripts, event handlers, styles and foreign URLs removed."""
    return _cleaner.clean(html)


class Renderer:
    """Content Markdown -> safe HTML; one instance per build (Python-Markdown is stateful)."""

    def __init__(self) -> None:
        self._md = markdown.Markdown(extensions=[SafeContent(), "tables", "sane_lists"], output_format="html")

    def __call__(self, text: str | None, publish: Callable[[str, str], str | None] | None = None,
                 where: str = "") -> Markup:
        if not text:
            return Markup("")
        self._md.reset()
        out = self._md.convert(text)
        if publish is not None:
            out = publish_images(out, publish, where)
        return Markup(sanitize(out))
