"""The stages a build and `liangxiang validate` share: load, then check."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Callable

from .check import check_content
from .check.markdown_refs import check_markdown_refs
from .check.photos import CHECKED_FILE
from .check.published import changed_since_last_build, id_changes, renamed_ids, still_gone, vanished_pages
from .check.settings import check_settings
from .content import Content
from .files import DEFAULT_CACHE, FileFacts, cache_dir, site_root
from .load import load_content
from .load.validate import salvage
from .model import Commitment, Member, Zone
from .problems import ContentError, Location, Problems
from .site.markdown import HEADING_IDS, site_extras
from .siteconfig import printed_site_url


def read_content(
    root: Path, docs_dir: Path, members: str = "members.yaml", cache_dir: Path | None = None, printables: bool = True,
    free_page_anchors: bool = True, markdown_extras: dict[str, dict] | None = None, site_url: str = "",
    unpublished: Callable[[str], bool] | None = None,
) -> tuple[Content, Problems]:
    """Every record of the site, loaded and checked, with every problem found. free_page_anchors:
    whether free pages' headings get the ids our Markdown gives them (not with a site's own slugify);
    markdown_extras: the site's Markdown extensions content follows (site.markdown.site_extras)."""
    content, problems = load_content(root, docs_dir, members, cache_dir, unpublished)
    every_record_read = not problems  # none left out for a mistake in it: an id not found has gone
    problems.checks_begin()
    content.printables = printables  # links to /print/ lead nowhere without them
    content.markdown_extras = markdown_extras or {}
    content.site_url = site_url or ""
    if cache_dir is not None:
        content.checked_images = FileFacts(cache_dir / CHECKED_FILE, 1)
    changes = id_changes(content, cache_dir, root / members) if every_record_read else []  # since the last build (check.published)
    content.renamed = renamed_ids(changes)  # a reference to an id renamed is told the new id
    content.vanished = {(kind, old) for kind, gone, _ in changes for old in gone} - set(content.renamed)  # deleted, not misspelt
    check_content(content, problems)
    if every_record_read:  # a check's error (a photo's path) does not hide a zone renamed beside it
        content.notices.extend(vanished_pages(content, changes))
        said = {(kind, old) for kind, gone, _ in changes for old in gone}
        content.notices.extend(still_gone(content, root / members, said, cache_dir))
    check_markdown_refs(content, problems, cache_dir / "markdown-refs.marshal" if cache_dir else None, free_page_anchors)
    if content.checked_images is not None:
        content.checked_images.save()
    # a notice where an error is said already is the same line told twice (a hidden member's name: an error and a notice)
    erred = {(problem.where, problem.field) for problem in problems}
    content.notices = [notice for notice in content.notices
                       if (notice.where, notice.field) not in erred and notice.where.path not in problems.recovered]
    return content, problems


def read_site(config, plugin_config) -> Content:
    """The content of the site an MkDocs config describes; raises ContentError with every problem."""
    config_file = Path(config.config_file_path or "mkdocs.yml")
    cache, docs_dir, inside = cache_dir(config, plugin_config), Path(config.docs_dir), cache_in_docs(config, plugin_config)
    slugify = config.mdx_configs.get("toc", {}).get("slugify", HEADING_IDS["slugify"])
    content, problems = read_content(site_root(config), docs_dir, plugin_config.members, None if inside else cache,
                                     plugin_config.printables, slugify is HEADING_IDS["slugify"],
                                     site_extras(config.markdown_extensions, config.mdx_configs), config.site_url or "",
                                     lambda page: _left_out(config, page))
    if inside:
        said = {"docs": "在 content/ 里：生成网站会往内容里写文件", "root": "是站点所在的文件夹或它的上级：生成网站会往这个文件夹里写文件",
                "file": "是一个文件（或在一个文件下面），不是文件夹：生成网站没法在那里存东西",
                "site": f"在网站文件夹 {Path(config.site_dir).name}/ 里：每次生成都会清空它，缓存的文件还会被发布出去"}[inside]
        written = plugin_config.cache_dir != DEFAULT_CACHE
        hint = ("删掉 cache_dir 使用默认的 .cache/liangxiang，或写一个专用的子文件夹" if written else
                f"mkdocs.yml 没有写 cache_dir，用的是默认的 .cache/liangxiang：{_file_in_the_way(cache)}")
        problems.add(Location.of_setting(config_file, "cache_dir"), "cache_dir",
                     f"缓存文件夹 cache_dir（{plugin_config.cache_dir or '空'}）{said}", hint)
    check_settings(config, plugin_config, content, problems)
    content.printed_url = printed_site_url(config)
    if not inside:
        content.notices += changed_since_last_build(content, cache, config_file, graded=not problems)
    if problems:
        if not inside:
            problems.extend(_printable_problems(content, config, plugin_config))
        raise ContentError(problems, content.notices)
    return content


def _left_out(config, page: str) -> bool:
    """Whether MkDocs leaves a free page out of a build: exclude_docs, draft_docs (dot files are never read)."""
    return any(spec is not None and spec.match_file(page) for spec in (config.exclude_docs, config.draft_docs))


def _file_in_the_way(cache: Path) -> str:
    """What to do about a file where the default cache folder goes (a stray file named .cache)."""
    for part in (cache, *cache.parents):
        if part.is_file():
            return f"删掉文件 {part.name}（或给它改个名），生成网站会在那里建缓存文件夹"
    return "或在 liangxiang 插件下写 cache_dir: 一个专用的子文件夹"


def _printable_problems(content: Content, config, plugin_config) -> list:
    """What the printables' check (glyphs the font lacks, text that does not fit) finds in the
    records that did validate, so that the run reporting content errors reports these too."""
    from .print.stage import check_printables

    try:
        check_printables(with_salvaged(content), config, plugin_config)
    except ContentError as error:
        return error.problems.items
    except Exception:  # noqa: BLE001 - a record that failed to validate may leave a reference dangling;
        return []  # its own error is reported, and the next run checks the printables in full
    return []


def with_salvaged(content: Content) -> Content:
    """The content with its rejected members, zones and commitments added back without their
    failed optional fields (load.validate.salvage), for the printables' check."""
    salvaged: dict[type, list] = {Member: [], Zone: [], Commitment: []}
    for rejected in content.rejected:
        if rejected.model in salvaged and (record := salvage(rejected)) is not None:
            salvaged[rejected.model].append(record)
    if not any(salvaged.values()):
        return content
    years = []
    for year in content.commitments:  # a salvaged commitment goes back into its year's file
        added = [c for c in salvaged[Commitment] if c.path == year.path]
        years.append(year.model_copy(update={"commitments": year.commitments + added}).bind(year._source, year._loc))
    return replace(content, members=content.members + salvaged[Member], zones=content.zones + salvaged[Zone], commitments=years)


def cache_in_docs(config, plugin_config) -> str:
    """"docs" for a cache_dir inside docs_dir (a build would write into content/, then publish and
    read its own cache), "root" for the site's folder itself or one above it (the cache's folders
    would be written beside members.yaml, or into /), "site" for one inside site_dir (emptied by every
    build, and published); "" for a folder of its own."""
    cache = cache_dir(config, plugin_config).resolve()
    if any(folder.exists() and not folder.is_dir() for folder in (cache, *cache.parents)):
        return "file"  # members.yaml: nothing can be written under it
    if cache.is_relative_to(Path(config.docs_dir).resolve()):
        return "docs"
    if cache.is_relative_to(Path(config.site_dir).resolve()):
        return "site"
    return "root" if site_root(config).resolve().is_relative_to(cache) else ""
