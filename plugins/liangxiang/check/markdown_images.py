"""Images named in Markdown (story bodies, org intro, zone content, free pages) must be photos
under content/. Checked with the rest of the content, before a build cleans site_dir: found only
while pages were rendered, a refused image failed a strict build after the previous site had
already been replaced.
"""

from __future__ import annotations

import posixpath
from urllib.parse import unquote

from ..content import Content
from ..load.mdbounds import markdown_problems
from ..problems import Location, Problems
from .photos import check_image

HINT = "写相对于 content/ 的路径，例如 photos/stories/a.jpg"


def check_markdown_images(content: Content, problems: Problems) -> None:
    texts: list[tuple[str, Location, str, str, bool]] = []  # (text, where it starts, field, base, block scalar)
    if content.org and content.org.intro:
        texts.append((content.org.intro, content.org.at("intro"), "intro", "", True))
    for zone in content.zones:
        if zone.content:
            texts.append((zone.content, zone.at("content"), "content", "", True))
    for story in content.stories:
        path = story.meta.at().path
        texts.append((story.body, Location(path, story.body_line, 1), "body", "stories", False))
    root = content.root.resolve()
    for page in content.pages:
        source = content.docs_dir / page
        try:
            shown = source.resolve().relative_to(root).as_posix()
            text = source.read_text(encoding="utf-8-sig")
        except (OSError, ValueError):
            continue
        texts.append((text, Location(shown, 1, 1), "-", posixpath.dirname(page), False))
    for text, start, field, base, block in texts:
        if "![" not in text or markdown_problems(text):  # too deep or too many "[": reported by the loader
            continue
        for src in _images(text):
            problem = _problem(content, src, base)
            if problem:
                line = _line_of(text, src)
                where = Location(start.path, start.line + line - (0 if block else 1), 1) if start.line else start
                problems.add(where, field, *problem)


def _images(text: str) -> list[str]:
    """The src of every image Markdown makes of text (local paths carry the PHOTO mark)."""
    from ..site.markdown import _ATTR, _IMG, Renderer

    renderer = Renderer()
    renderer._md.reset()
    html = renderer._md.convert(text)
    import html as html_module

    return [html_module.unescape(dict(_ATTR.findall(tag)).get("src", "")) for tag in _IMG.findall(html)]


def _problem(content: Content, src: str, base: str) -> tuple[str, str] | None:
    from ..site.markdown import PHOTO

    if not src.startswith(PHOTO):
        return f"图片“{src}”没有发布：正文里的图片必须是 content/ 里的 JPEG、PNG 或 WebP 照片，不能来自别的网站或网址", HINT
    path = unquote(src[len(PHOTO):]).strip()
    candidates = [path.lstrip("/")] if path.startswith("/") else [posixpath.join(base, path), path] if base else [path]
    first = None
    for candidate in candidates:
        relative = posixpath.normpath(candidate)
        if relative.startswith(".."):
            first = first or ("图片路径必须在 content/ 里面", HINT)
            continue
        found = check_image(content.docs_dir, relative)
        if not found:
            return None
        first = first or found[0]
    message, hint = first
    return f"图片“{path}”没有发布：{message}", hint or HINT


def _line_of(text: str, src: str) -> int:
    """The line (from 1) of text that names src, or 1."""
    from ..site.markdown import PHOTO

    shown = src[len(PHOTO):] if src.startswith(PHOTO) else src
    for needle in (shown, unquote(shown)):
        at = text.find(needle)
        if at >= 0:
            return text.count("\n", 0, at) + 1
    return 1
