"""Site: data pages rendered through the theme's templates and written into site_dir."""

from __future__ import annotations

import logging
import posixpath
import re
from pathlib import Path
from typing import Any, Callable

from jinja2 import FileSystemBytecodeCache
from mkdocs.commands.build import get_context

from ..content import HOME_SOURCES, IMAGE_SUFFIXES, RECORD_FOLDERS, Content, is_scratch
from ..files import cache_dir
from ..titles import WORDS_FILE, keep_words_in, save_words
from . import search, searchfiles
from .markdown import Renderer, extras_key, publish_images, resolve_links, sanitize
from .pagecache import Fingerprints, PageCache, Token, Unfingerprintable
from .pages import DataPage, plan_pages
from .photos import PhotoStore
from .sitekey import code_version, config_text, hooks_text, nav_text, theme_digest
from .view import SiteView, Urls, load_labels

SOURCE_FOLDERS = (*RECORD_FOLDERS, "photos")
THEME_CSS = "css/liangxiang.css"


class _WarningCount(logging.Handler):
    """How many warnings the plugin logged: a page rendered with one (a link or an image it had to
    drop) is not cached, so that the next build says it again and a strict build fails again."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


class SiteBuild:
    """One build of the public site from checked content."""

    def __init__(self, content: Content, config: Any, plugin_config: Any):
        self.content, self.config = content, config
        self.cache_dir = cache_dir(config, plugin_config)
        self.urls = Urls(config.use_directory_urls)
        self.labels = load_labels(plugin_config.lang)
        self.site_dir = Path(config.site_dir)
        photos = PhotoStore(content.docs_dir, self.cache_dir, self.site_dir)
        self.view = SiteView(content, self.urls, photos, self.labels, Renderer(content.markdown_extras))
        self.pages: list[DataPage] = plan_pages(content, self.urls, self.labels, config.site_url)
        self._images = self._referenced_images()
        self.env = self.files = self.nav = None
        self.theme_version = ""  # set by prepare(), before any page is written
        self.rendered = self.reused = 0  # data pages of the last write_pages

    def _referenced_images(self) -> set[str]:
        content = self.content
        paths = [content.org.logo if content.org else None]
        paths += [m.photo for m in content.members] + [z.photo for z in content.zones]
        paths += [s.meta.cover for s in content.stories]
        return {p.strip().lstrip("./") for p in paths if p}

    def is_content_source(self, src_uri: str) -> bool:
        """True for files that are content, not pages: never copied into the site as they are."""
        return (
            src_uri.lower().endswith((".yaml", ".yml"))
            or src_uri.split("/", 1)[0] in SOURCE_FOLDERS
            or src_uri in HOME_SOURCES
            or is_scratch(posixpath.basename(src_uri))
            or src_uri in self._images
            # an image anywhere in content/ is a source: pages show resized copies, never the original;
            # the theme's own images (img/favicon.png) come through the same list and are published
            or (src_uri.lower().endswith(IMAGE_SUFFIXES) and (self.content.docs_dir / src_uri).is_file())
        )

    def prepare(self, env, files, nav=None) -> None:
        self.env, self.files = env, files
        if nav is not None:
            self.nav = nav
        # compiled templates kept between builds (keyed by each template's source): compiling the
        # theme costs more than rendering the pages an edit changes
        folder = self.cache_dir / "templates"
        folder.mkdir(parents=True, exist_ok=True)
        env.bytecode_cache = FileSystemBytecodeCache(str(folder))
        # every data page's key, and the version the theme's stylesheet and scripts are asked for
        # by: a browser that kept the last one never runs an old search.js on a new index
        self.theme_version = theme_digest(self.config.theme.dirs)
        env.globals["lx_assets"] = self.theme_version[:10]
        # before MkDocs renders the theme's own pages (404.html, every build): the words of their
        # masthead's titles are kept with the others, not cut again by a dictionary loaded each build
        keep_words_in(self.cache_dir / WORDS_FILE)

    def extend_context(self, context: dict, name: str) -> dict:
        context["lx"] = self.view
        context["t"] = self.labels
        if name == "sitemap.xml":
            context["lx_pages"] = self.pages
        return context

    def intro(self) -> str:
        """content/index.md, shown at the top of the home page, its headings below the page's own
        h1 (the activity): an intro that starts with '# 欢迎' has it as an h2."""
        source = self.intro_source()
        return self.view.md(source, where=self.intro_file().name) if source else ""  # its headings under the page's h1

    def intro_file(self) -> Path:
        """index.md, or README.md, which MkDocs takes for a folder's index.md (AS-O 2: its text was shown
        nowhere, yet search found it at the home page); both are an error said at load."""
        return next((path for path in (self.content.docs_dir / name for name in HOME_SOURCES) if path.is_file()),
                    self.content.docs_dir / HOME_SOURCES[0])

    def intro_source(self) -> str:
        """content/index.md's Markdown without its front matter (taken off as MkDocs takes it off a
        page: it was shown as text, AS-O 1), blank lines in its place so that lines keep their numbers."""
        from mkdocs.utils.meta import get_data

        index = self.intro_file()
        if not index.is_file():
            return ""
        text = index.read_text(encoding="utf-8-sig")
        body = get_data(text)[0]
        return "\n" * (text.count("\n") - body.count("\n")) + body if body != text else text

    def page_html(self, html: str, page) -> str:
        """A free page's HTML: its images published as resized copies, links to content files made
        links to their pages, then sanitized."""
        self.view.page_url = page.url
        base = posixpath.dirname(page.file.src_uri)
        html = publish_images(html, lambda src, alt: self.view.content_image(src, alt, base), page.file.src_uri)
        html = resolve_links(html, lambda href: self.view.content_link(href, base), page.file.src_uri)
        return sanitize(html)

    def free_pages(self) -> list[tuple[str, str, str]]:
        """(title, url, html) of the free Markdown pages, once MkDocs has rendered them; not those
        the site keeps out of its menu with not_in_nav (the editing guide is not for visitors)."""
        pages = self.files.documentation_pages() if self.files is not None else []
        return [(f.page.title or "", f.page.url, f.page.content or "") for f in pages
                if f.page is not None and not f.inclusion.is_not_in_nav()]

    def write_pages(self, site_dir: Path, place: Callable[[str, Path], None], before_late: Callable | None = None) -> None:
        """Render the data pages that changed; ``place(path, file)`` puts a cached page in the site.

        Pages marked ``late`` are rendered last, after ``before_late()`` (the printables' sizes).
        """
        _minify_css(site_dir / THEME_CSS)
        keep_words_in(self.cache_dir / WORDS_FILE)  # where titles and tags break (titles.between_words)
        cache, fingerprints = PageCache(self.cache_dir / "pages"), Fingerprints()
        warnings = _WarningCount()
        logging.getLogger("mkdocs.plugins.liangxiang").addHandler(warnings)
        try:
            self.view.search_path = self._search_index(site_dir)  # its results break titles as pages do
            self._write_all(site_dir, place, before_late, cache, fingerprints, warnings)
        finally:
            logging.getLogger("mkdocs.plugins.liangxiang").removeHandler(warnings)
            save_words()

    def _write_all(self, site_dir: Path, place: Callable, before_late: Callable | None, cache: PageCache,
                   fingerprints: Fingerprints, warnings: _WarningCount) -> None:
        site_key = self.site_key(fingerprints)
        answers: dict[Token, str] = {}
        uncached = 0
        early, late = [p for p in self.pages if not p.late], [p for p in self.pages if p.late]
        for page in early + [None] + late:
            if page is None:
                if before_late is not None:
                    before_late()
                continue
            self.view.page_url = page.url
            self.view.lookups = lookups = set()
            if page.is_homepage:
                page.context["intro"] = self.intro()
            try:
                # the title too: a redirect page shows its record's name and looks nothing up
                key = fingerprints.of([site_key, page.template, page.path, page.title, page.url, page.canonical_url, page.context])
            except Unfingerprintable:
                key = None  # rendered every time
            dest = self.urls.file_of(page.url)
            cached = key and cache.reuse(page.path, key, lambda found: self._answers(found, answers, fingerprints))
            if cached:
                place(dest, cached)
                for token in cache.used[page.path].lookups:  # the page's photos, as rendering it would
                    if token[0] == "picture" and (picture := self.view.photos.get(*token[1:])) is not None:
                        self.view.photos.publish(picture)
                continue
            context = get_context(self.nav, self.files, self.config, page=page)
            self.extend_context(context, page.template)
            context.update(page.context)
            before = warnings.count
            html = self.env.get_template(page.template).render(context)
            self.view.lookups = None
            if key and warnings.count == before:
                found = sorted(lookups, key=repr)
                place(dest, cache.store(page.path, key, found, self._answers(found, answers, fingerprints), html))
            else:
                target = site_dir / dest
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(html, encoding="utf-8")
                uncached += 1
        self.view.lookups = None
        cache.save()
        self.view.photos.save()
        self.rendered, self.reused = cache.rendered + uncached, cache.reused

    def site_key(self, fingerprints: Fingerprints) -> str:
        """What every data page shares (see sitekey)."""
        return fingerprints.of([
            code_version(), self.theme_version, config_text(self.config), hooks_text(self.config), nav_text(self.nav),
            dict(self.labels), self.content.org, self.content.grades, self.view.printables, self.urls.directory_urls,
            self._this_year(),
        ])

    def _this_year(self) -> int | None:
        """The year the pages show as this year's: it changes on New Year's Day with no file changed."""
        return self.content.latest_year.year if self.content.latest_year else None

    def _answers(self, lookups, answers: dict, fingerprints: Fingerprints) -> str:
        """A hash of what each lookup gives now (each lookup answered once per build)."""
        parts = []
        for token in lookups:
            if token not in answers:
                answers[token] = self._answer(token, fingerprints)
            parts.append(answers[token])
        return fingerprints.of(parts)

    def _answer(self, token: Token, fingerprints: Fingerprints) -> str:
        kind, *args = token
        if kind == "content":
            return self.content.digest if args[0] == "*" else self.content.digest_of(args[0])
        if kind == "search_index":
            return self.view.search_path
        view, saved = self.view, (self.view.lookups, self.view.page_url)
        view.lookups, view.page_url, view.answering = None, "", True  # answers must not depend on the page asking
        try:
            return fingerprints.of(getattr(view, kind)(*args))
        finally:
            (view.lookups, view.page_url), view.answering = saved, False

    def _search_index(self, site_dir: Path) -> str:
        """The search index, built again only when the content or a free page changed."""
        pages = self.free_pages()
        # the home page's own words (a hotline, what the campaign is) find it too; rendered only
        # when the index is cut again, its source text stands for it among the inputs
        intro = self.intro_source()

        def documents(memo):
            home = [(self.labels.home, self.urls.page(""), str(self.intro()))] if intro else []
            return search.documents(self.content, self.urls, self.labels, home + pages, memo)

        # the site's Markdown extensions too: they decide which words of a text are words (an abbr's definition is not)
        inputs = Fingerprints().of([code_version(), self.content.digest, pages, intro, dict(self.labels), self.urls.directory_urls,
                                    extras_key(self.content.markdown_extras), self._this_year()])
        return searchfiles.write_cached_index(inputs, documents, site_dir, self.cache_dir)


def _minify_css(path: Path) -> None:
    """Comments and spaces out of the theme's stylesheet: it is part of every phone's first load."""
    if not path.is_file():
        return
    text = re.sub(r"/\*.*?\*/", "", path.read_text(encoding="utf-8"), flags=re.S)
    text = re.sub(r"\s*([{};,>])\s*", r"\1", re.sub(r"\s+", " ", text)).replace(";}", "}")
    path.write_text(text.strip() + "\n", encoding="utf-8")
