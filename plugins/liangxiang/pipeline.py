"""The stages a build and `liangxiang validate` share: load, then check."""

from __future__ import annotations

from pathlib import Path

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
    check_markdown_refs(content, problems)
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
    if problems:
        raise ContentError(problems)
    return content
