"""Check: what a site's own theme files and mkdocs.yml put on every page from outside the content.

extra_css and extra_javascript from other hosts are refused in settings.py; a custom_dir's
stylesheets and templates could still load them (@import, url(), <script src>), and `!ENV` can
put the building machine's environment (a CI job's tokens) into every page (audit AS-AD H2, H3).
"""

from __future__ import annotations

import re
from pathlib import Path

from ..content import Content
from ..problems import Location, Problem, Problems

# what a browser loads without a click: a stylesheet's imports and url()s, a template's tags that fetch
_CSS_LOADS = re.compile(r"""@import\s+(?:url\(\s*)?["']?([^"'()\s;]+)|url\(\s*["']?([^"'()\s]+)""", re.IGNORECASE)
_TAG = re.compile(r"<(script|link|img|iframe|source|video|audio|embed|object|track|input)\b([^>]*)>", re.IGNORECASE)
_ADDRESS = re.compile(r"""\s(?:src|href|srcset|data|poster)\s*=\s*["']?\s*([^"'\s>]+)""", re.IGNORECASE)
_LINK_LOADS = re.compile(r"""\srel\s*=\s*["']?[^"'>]*\b(?:stylesheet|icon|preload|prefetch|modulepreload|manifest)\b""", re.IGNORECASE)
_FOREIGN = re.compile(r"(?:https?:)?//", re.IGNORECASE)
_ENV_TAG = re.compile(r"^\s*(?:-\s*)?(?:([\w.-]+)\s*:\s*)?!ENV\b")
CUSTOM_FILES = 2000  # a custom_dir is a handful of overrides: a folder of vendored libraries is not read through


def foreign_loads_in_custom_dir(config, config_file: Path, problems: Problems) -> None:
    """An error at each line of the custom_dir's stylesheets and templates that loads from another host."""
    folder = config.theme.custom_dir
    if not folder or not Path(folder).is_dir():
        return
    base = config_file.resolve().parent
    files = sorted(path for path in Path(folder).rglob("*") if path.suffix.lower() in (".css", ".html", ".htm") and path.is_file())
    for path in files[:CUSTOM_FILES]:
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError):
            continue
        shown = _shown(path, base)
        for at, address in _loads(text, stylesheet=path.suffix.lower() == ".css"):
            line = text.count("\n", 0, at) + 1
            problems.add(Location(shown, line, at - text.rfind("\n", 0, at)), "-",
                         f"主题文件里的“{address}”要从别的网站加载，每个网页都会去取它",
                         "网页不能从别的网站加载脚本、样式、字体或图片（很多单位的内网打不开别的网站）：把文件放进 "
                         f"{Path(folder).name}/ 里，写成相对的路径，或删掉这一处")


def _loads(text: str, stylesheet: bool) -> list[tuple[int, str]]:
    """(offset, address) of each load from another host: url() and @import in a stylesheet or a
    <style>, and the tags that fetch in a template (a <link> only as a stylesheet, icon or preload)."""
    found = [(m.start(), m.group(1) or m.group(2)) for m in _CSS_LOADS.finditer(text)]
    if not stylesheet:
        for tag in _TAG.finditer(text):
            if tag.group(1).lower() == "link" and not _LINK_LOADS.search(tag.group(2)):
                continue  # canonical, alternate: an address named, not fetched
            found += [(tag.start(2) + m.start(1), m.group(1)) for m in _ADDRESS.finditer(tag.group(2))]
    return sorted({(at, address) for at, address in found if _FOREIGN.match(address)})


def environment_published(config_file: Path, content: Content) -> None:
    """A notice at each `!ENV` of mkdocs.yml but site_url's: its value is published on every page,
    whatever the variable holds where the site is built."""
    try:
        lines = config_file.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError):
        return
    for number, line in enumerate(lines, 1):
        found = _ENV_TAG.match(line)
        if found is None or found.group(1) == "site_url" and not line[:1].isspace():
            continue
        key = found.group(1) or "-"
        content.notices.append(Problem(
            Location(config_file.name, number, line.find("!ENV") + 1), key,
            f"{key if key != '-' else '这一项'} 用 !ENV 取环境变量的值：取到什么，就在每个网页上公开什么（生成网站的机器上的环境变量里可能有密码、令牌）",
            "这里直接写要公开的文字；只有 site_url 适合从环境变量取"))


def _shown(path: Path, base: Path) -> str:
    try:
        return path.resolve().relative_to(base).as_posix()
    except ValueError:
        return path.as_posix()
