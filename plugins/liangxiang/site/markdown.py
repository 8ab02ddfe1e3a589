"""Markdown from content, rendered so that nothing in it runs in a visitor's browser.

Two layers: raw HTML in Markdown is never passed through (it is shown as text), and the
output is sanitized by nh3 (ammonia) so that links can only be http(s), mailto or tel, and
images only come from this site.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import markdown
import nh3
from markdown.extensions import Extension
from markupsafe import Markup

TAGS = {
    "a", "abbr", "b", "blockquote", "br", "code", "del", "em", "h2", "h3", "h4", "h5", "h6", "hr", "i",
    "img", "li", "ol", "p", "pre", "s", "strong", "sub", "sup", "table", "tbody", "td", "th", "thead",
    "tr", "ul", "h1", "div", "span", "dl", "dt", "dd", "figure", "figcaption", "caption",
}
ATTRIBUTES = {
    "a": {"href", "title"}, "img": {"src", "alt", "title", "width", "height", "loading"},
    "th": {"align", "colspan", "rowspan"}, "td": {"align", "colspan", "rowspan"},
    "h1": {"id"}, "h2": {"id"}, "h3": {"id"}, "h4": {"id"}, "h5": {"id"}, "h6": {"id"},
    "div": {"class"}, "span": {"class"}, "code": {"class"}, "pre": {"class"},
}
URL_SCHEMES = {"http", "https", "mailto", "tel"}


class SafeContent(Extension):
    """Treat raw HTML in Markdown as text: it is escaped, never passed through."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")


def _local_only(tag: str, attribute: str, value: str) -> str | None:
    """Images load only from this site: no other host, no data: or javascript: URLs."""
    if tag == "img" and attribute == "src":
        parts = urlsplit(value.strip())
        if parts.scheme or parts.netloc or value.strip().startswith(("//", "\\")):
            return None
    return value


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

    def __call__(self, text: str | None) -> Markup:
        if not text:
            return Markup("")
        self._md.reset()
        return Markup(sanitize(self._md.convert(text)))
