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
        problems.add(Location.of_setting(config_file, "site_url"), "site_url", wrong,
                     "例如 site_url: https://dangjian.example.com/")
    if not config.use_directory_urls:
        _pages_named_index(content, problems)
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


def _pages_named_index(content: Content, problems: Problems) -> None:
    """With use_directory_urls: false a record's page is KIND/ID.html: an id `index` would be the
    list of its kind, KIND/index.html, and one of the two pages would be lost."""
    renamed = "换一个编号，别处对它的引用一起改"
    named = [(member.at("id"), "id", "党员", renamed) for member in content.public_members if member.id == "index"]
    for zone in content.zones:
        named += [(zone.at("id"), "id", "责任区", "换一个编号，文件名和别处对它的引用一起改")] if zone.id == "index" else []
        named += [(zone.at("aliases", n), "aliases", "责任区", "删去这个曾用编号") for n, alias in enumerate(zone.aliases) if alias == "index"]
    named += [(Location(story.path, 1, 1), "slug", "故事", "给这个故事文件改名，例如 index-story.md")
              for story in content.stories if story.slug == "index"]
    for where, field, kind, hint in named:
        problems.add(where, field, f"{kind}的编号不能是 index：网站设为 use_directory_urls: false 时，它的网页和{kind}列表页同名", hint)
