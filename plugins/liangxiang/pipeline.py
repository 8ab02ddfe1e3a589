"""The stages a build and `liangxiang validate` share: load, then check."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from .check import check_content
from .check.markdown_refs import check_markdown_refs
from .check.photos import CHECKED_FILE
from .content import Content
from .files import FileFacts, cache_dir, site_root
from .load import load_content
from .problems import ContentError, Location, Problems


def read_content(
    root: Path, docs_dir: Path, members: str = "members.yaml", cache_dir: Path | None = None,
) -> tuple[Content, Problems]:
    """Every record of the site, loaded and checked, with every problem found."""
    content, problems = load_content(root, docs_dir, members, cache_dir)
    if cache_dir is not None:
        content.checked_images = FileFacts(cache_dir / CHECKED_FILE, 1)
    check_content(content, problems)
    check_markdown_refs(content, problems, cache_dir / "markdown-refs.marshal" if cache_dir else None)
    if content.checked_images is not None:
        content.checked_images.save()
    return content, problems


def read_site(config, plugin_config) -> Content:
    """The content of the site an MkDocs config describes; raises ContentError with every problem."""
    config_file = Path(config.config_file_path or "mkdocs.yml")
    content, problems = read_content(
        site_root(config), Path(config.docs_dir), plugin_config.members, cache_dir(config, plugin_config),
    )
    if not config.site_url:
        problems.add(
            Location(config_file.name, 1, 1), "site_url", "mkdocs.yml 必须写网站地址 site_url：印出来的二维码指向这里",
            "例如 site_url: https://dangjian.example.com/",
        )
    elif (wrong := site_url_problem(config.site_url)) is not None:
        problems.add(Location(config_file.name, _line_of_key(config_file, "site_url"), 1), "site_url", wrong,
                     "例如 site_url: https://dangjian.example.com/")
    if problems:
        raise ContentError(problems)
    return content


def site_url_problem(url: str) -> str | None:
    """What makes a site_url unfit to be printed in QR codes, or None."""
    parts = urlsplit(url)
    if any(char.isspace() for char in url):
        return f"网站地址 site_url 里有空格（“{url}”）：印出来的二维码打不开"
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return f"网站地址 site_url 要以 https:// 或 http:// 开头，后面是域名（现在是“{url}”）"
    return None


def _line_of_key(path: Path, key: str) -> int:
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError):
        return 1
    return next((number for number, line in enumerate(lines, 1) if line.startswith(f"{key}:")), 1)
