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
    cache, docs_dir, inside = cache_dir(config, plugin_config), Path(config.docs_dir), cache_in_docs(config, plugin_config)
    content, problems = read_content(site_root(config), docs_dir, plugin_config.members, None if inside else cache)
    if inside:
        problems.add(Location.of_setting(config_file, "cache_dir"), "cache_dir",
                     f"缓存文件夹 cache_dir 在 content/ 里（{plugin_config.cache_dir}）：生成网站会往内容里写文件",
                     "删掉 cache_dir 使用默认的 .cache/liangxiang，或换到 content/ 以外")
    if not config.site_url:
        problems.add(
            Location(config_file.name, 1, 1), "site_url", "mkdocs.yml 必须写网站地址 site_url：印出来的二维码指向这里",
            "例如 site_url: https://dangjian.example.com/",
        )
    elif (wrong := site_url_problem(config.site_url)) is not None:
        problems.add(Location.of_setting(config_file, "site_url"), "site_url", wrong,
                     "例如 site_url: https://dangjian.example.com/")
    _ids_taken_by_the_site(content, problems, config.use_directory_urls, plugin_config.printables)
    _assets_from_other_hosts(config, config_file, problems)
    if problems:
        raise ContentError(problems)
    return content


def _assets_from_other_hosts(config, config_file: Path, problems: Problems) -> None:
    """No page may load anything from another host: many visitors' networks block them."""
    for key in ("extra_javascript", "extra_css"):
        for item in config[key] or []:
            path = str(getattr(item, "path", item))
            if urlsplit(path).scheme or path.startswith("//"):
                problems.add(Location.of_setting(config_file, key), key, f"{key} 里的“{path}”要从别的网站加载",
                             "网页不能从别的网站加载脚本或样式（很多单位的内网打不开别的网站）：删掉这一项")


def cache_in_docs(config, plugin_config) -> bool:
    """A cache_dir inside docs_dir: a build would write into content/, then publish and read its own cache."""
    return cache_dir(config, plugin_config).resolve().is_relative_to(Path(config.docs_dir).resolve())


def site_url_problem(url: str) -> str | None:
    """What makes a site_url unfit to be printed in QR codes, or None."""
    parts = urlsplit(url)
    if any(char.isspace() for char in url):
        return f"网站地址 site_url 里有空格（“{url}”）：印出来的二维码打不开"
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return f"网站地址 site_url 要以 https:// 或 http:// 开头，后面是域名（现在是“{url}”）"
    return None


def _ids_taken_by_the_site(content: Content, problems: Problems, directory_urls: bool, printables: bool) -> None:
    """Ids the format allows but whose address the site already uses for something else:
    with use_directory_urls: false, KIND/index.html is the list of a kind, not the record `index`;
    /print/signboards/all.pdf and /print/plates/all.pdf hold every printable of their kind."""
    renamed, zone_renamed = "换一个编号，别处对它的引用一起改", "换一个编号，文件名和别处对它的引用一起改"
    index = "的编号不能是 index：网站设为 use_directory_urls: false 时，它的网页和{}列表页同名"
    taken = []  # (where, field, message, hint)
    if not directory_urls:
        taken += [(m.at("id"), "id", "党员" + index.format("党员"), renamed) for m in content.public_members if m.id == "index"]
        taken += [(z.at("id"), "id", "责任区" + index.format("责任区"), zone_renamed) for z in content.zones if z.id == "index"]
        taken += [(z.at("aliases", n), "aliases", "责任区" + index.format("责任区"), "删去这个曾用编号")
                  for z in content.zones for n, alias in enumerate(z.aliases) if alias == "index"]
        taken += [(Location(s.path, 1, 1), "slug", "故事" + index.format("故事"), "给这个故事文件改名，例如 index-story.md")
                  for s in content.stories if s.slug == "index"]
    if printables:
        taken += [(z.at("id"), "id", "责任区的编号不能是 all：/print/signboards/all.pdf 是全部标志牌合在一起的文件", zone_renamed)
                  for z in content.zones if z.id == "all"]
        taken += [(m.at("id"), "id", "党员的编号不能是 all：/print/plates/all.pdf 是全部桌牌合在一起的文件", renamed)
                  for m in content.public_members if m.id == "all"]
    for where, field, message, hint in taken:
        problems.add(where, field, message, hint)
