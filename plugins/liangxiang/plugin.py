"""The MkDocs plugin: thin glue between MkDocs events and the load, check, site and print stages."""

from __future__ import annotations

import atexit
import gc
import logging
from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.theme import Theme

from . import theme as theme_package
from .changes import sources_changed
from .check.private import written_by_plugins
from .check.published import record_published
from .check.settings import site_dir_is_a_file, without_home
from .files import DEFAULT_CACHE, cache_dir, site_root
from .pipeline import cache_in_docs, read_site
from .print.background import Background
from .print import PrintStage
from .problems import ContentError, file_error
from .serve import Preview, Waiting, watch_and_preview
from .site import SiteBuild
from .site.markdown import SafeContent, add_base_extensions, untitled_page_title
from .site.staging import StagedOutput, say_no_site_built, say_staging_in_words
from .configwords import plugin_option_problem, plugin_twice_problem
from .siteconfig import content_problems_besides, say_config_problems_in_words

log = logging.getLogger("mkdocs.plugins.liangxiang")

# At exit Python collects every object once more before it frees them: for 5,000 members that
# was a second of a four-second build. Freezing first leaves them to the operating system.
atexit.register(gc.freeze)


class LiangxiangConfig(base.Config):
    members = c.Type(str, default="members.yaml")
    """The roster, relative to mkdocs.yml."""
    cache_dir = c.Type(str, default=DEFAULT_CACHE)
    """Resized photos, rendered pages and printables, kept between builds (relative to mkdocs.yml)."""
    lang = c.Choice(["zh-CN"], default="zh-CN")
    """The language of every visitor-facing word."""
    printables = c.Type(bool, default=True)
    """Signboards, desk plates and QR codes under /print/ and /qr/."""
    font = c.Optional(c.Type(str))
    """The font printables are set in (TTF, OTF or TTC#n, relative to mkdocs.yml); default: Noto Sans SC from PyPI."""
    bleed = c.Type(bool, default=False)
    """Add 3 mm of bleed and crop marks around every printable, as print shops ask."""


def _option_errors(name: str, value, config_file_path: str | None) -> list:
    """MkDocs' errors of one plugin option, the others left at their defaults."""
    alone = LiangxiangConfig(config_file_path=config_file_path)
    alone.load_dict({name: value})
    return [error for error in alone.validate()[0] if error[0] == name]


def _long_lived(make, *args):
    """make(*args), whose objects live until the build ends (the records): the cyclic collector
    would walk them again and again while they are made (three full passes, 60 ms of a 0.55 s
    warm build of 1,000 members), so it waits, and then leaves them out of its passes."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        return make(*args)
    finally:
        gc.freeze()  # on_post_build or on_build_error unfreezes them
        if collecting:
            gc.enable()


class LiangxiangPlugin(BasePlugin[LiangxiangConfig]):
    def __init__(self) -> None:
        self.build: SiteBuild | None = None
        self.printing: PrintStage | None = None
        self.output: StagedOutput | None = None
        self.written_errors: list = []  # found in what other plugins wrote into pages (check.private)

    def load_config(self, options, config_file_path=None):
        """A misspelt option (`blead: true`) is an error in the words of `liangxiang validate`, not
        MkDocs' warning: a build that drops it sends the print shop files without the bleed asked for."""
        errors, warnings = super().load_config(options, config_file_path)
        if errors:  # MkDocs stops at the first option that fails: each is checked alone, so all are said
            errors = [error for name in options for error in _option_errors(name, options[name], config_file_path)] or errors
        say_config_problems_in_words(Path(config_file_path or "mkdocs.yml"))
        unknown = [w for w in warnings if not isinstance(w, str) and "Unrecognised configuration name" in w[1]]
        path = Path(config_file_path or "mkdocs.yml")
        written = list(options)  # said in the order they are written
        wrong = sorted([*errors, *unknown], key=lambda said: written.index(said[0]) if said[0] in written else -1)
        for problem in content_problems_besides(path) if wrong else ():
            log.error(str(problem))  # MkDocs stops at mkdocs.yml: the content's mistakes are said before it does
        return [(name, plugin_option_problem(path, name, message)) for name, message in wrong], [
            w for w in warnings if w not in unknown]

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if config.plugins.get("liangxiang", self) is not self:  # listed twice: this copy would build everything again
            raise Abort(plugin_twice_problem(Path(config.config_file_path or "mkdocs.yml"), "liangxiang"))
        if config.theme.name != "liangxiang":
            # data pages need the bundled templates; a custom_dir still overrides them
            log.info("亮相：使用自带的 liangxiang 主题，不用“%s”", config.theme.name)
            config.theme = Theme(name="liangxiang", custom_dir=config.theme.custom_dir)
        # the theme names a missing template that only the plugin's absence leaves in place
        config.theme.static_templates.difference_update(
            {name for name in config.theme.static_templates if name.startswith("没有启用 liangxiang 插件")})
        # raw HTML in free pages is shown as text, as in every other field of content
        if not any(isinstance(extension, SafeContent) for extension in config.markdown_extensions):
            config.markdown_extensions.append(SafeContent())  # once: mkdocs-static-i18n runs on_config per language
        add_base_extensions(config.markdown_extensions, config.mdx_configs)
        root, cache = site_root(config), cache_dir(config, self.config)
        starting, site_dir = Preview.starting(config), config.site_dir
        try:
            if cache_in_docs(config, self.config) or site_dir_is_a_file(config):
                read_site(config, self.config)  # says so (check_settings) before anything is written there
            self.output = StagedOutput(Path(config.site_dir).resolve(), cache)
            config.site_dir = str(self.output.begin())  # the previous site stays whole until this build is
            say_staging_in_words(self.output.target, Path(config.site_dir))
            if self.config.printables and sources_changed(
                [root / self.config.members, Path(config.config_file_path or "mkdocs.yml")], [Path(config.docs_dir)],
                cache / "sources.stat",
            ):
                Background.prestart()  # an edit's printables will likely render: their worker starts now
            content = _long_lived(read_site, config, self.config)
            for notice in sorted(content.notices):
                log.info("提示：%s", notice)
            config.nav = without_home(config.nav)
            self.build = SiteBuild(content, config, self.config)
            self.written_errors = []
            self.printing = None
            if self.config.printables:
                # laid out now, so that content that cannot be printed fails before site_dir is cleaned
                self.printing = PrintStage(content, config, self.config, self.build.urls, self.build.labels)
                self.printing.check(render=True)  # and renders what is new while MkDocs builds the pages
                for notice in sorted(self.printing.notices):
                    log.info("提示：%s", notice)
                self.build.pages.extend(self.printing.pages())
                self.build.view.printables = True  # the footer links to /print/
            Preview.notices = [str(notice) for notices in (content.notices, self.printing.notices if self.printing else ())
                               for notice in sorted(notices)]  # the preview shows them too (serve.as_previewed)
            # the records live until the build ends: the collector need not walk them again and again
            gc.freeze()
        except ContentError as error:
            Background.drop_started()
            Preview.notices = []  # the mistakes are what the preview shows
            if self.output is not None:
                self.output.discard()
            for notice in error.notices:  # first: the mistakes stand last, above the count (audit AS-AH M4)
                log.info("提示：%s", notice)
            for problem in error.problems:
                log.error(str(problem))
            if starting:  # `mkdocs serve` would end here: it serves a page saying so, and watches
                config.site_dir, self.build = site_dir, Waiting()
                say_no_site_built()
                config.theme.static_templates.clear()
                Preview.failed([str(problem) for problem in error.problems], waiting=True)
                return config
            if Preview.serving:
                Preview.failed([str(problem) for problem in error.problems])
            raise Abort(str(error)) from None  # said as it is: MkDocs words a PluginError "Aborted with a BuildError!"
        except OSError as error:  # a folder the building user cannot write or read (a file's own is a content error)
            Background.drop_started()
            if self.output is not None:
                self.output.discard()
            raise Abort(file_error(error, root)) from None
        return config

    def on_serve(self, server, *, config: MkDocsConfig, builder):
        """Live preview: watch the roster and the theme too, and keep serving the last good site."""
        server.watch(str(site_root(config) / self.config.members))  # MkDocs itself watches docs_dir and mkdocs.yml
        server.watch(str(Path(theme_package.__file__).parent))  # theme/ in this repository
        if config.theme.custom_dir:
            server.watch(config.theme.custom_dir)
        watch_and_preview(server, config)
        return server

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        # records, stories, photos and index.md are content, not pages: they are never published as they are
        for file in list(files):
            # a dot file MkDocs leaves unpublished stays listed: awesome-nav reads .nav.yml from there (audit AS-K 6)
            if self.build.is_content_source(file.src_uri) and not (file.src_uri.rsplit("/", 1)[-1].startswith(".") and file.inclusion.is_excluded()):
                files.remove(file)
        return files

    @event_priority(-100)  # after macros and include-markdown: what they write into a page is looked at too
    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        if markdown != page.markdown and not isinstance(self.build, Waiting):  # page.markdown: the file's own text
            errors, notices = written_by_plugins(self.build.content, page.file.src_uri, page.markdown, markdown)
            for notice in notices:
                log.info("提示：%s", notice)
            Preview.notices += map(str, notices)
            self.written_errors += errors
        if (title := untitled_page_title(markdown, page.meta)) is not None:
            page.meta["title"] = title
        return markdown

    @event_priority(-100)  # last: what other plugins add to a page (glightbox's captions) is sanitized too
    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        return self.build.page_html(html, page)  # images become resized copies; then sanitized

    def on_nav(self, nav, *, config: MkDocsConfig, files: Files):
        self.build.nav = nav
        return nav

    def on_env(self, env, *, config: MkDocsConfig, files: Files):
        env.autoescape = True  # every value from content is escaped; Markdown arrives as sanitized Markup
        self.build.prepare(env, files)
        return env

    def on_template_context(self, context, *, template_name: str, config: MkDocsConfig):
        return self.build.extend_context(context, template_name)

    def on_page_context(self, context, *, page: Page, config: MkDocsConfig, nav):
        return self.build.extend_context(context, page.file.src_uri)

    # last: a hook's or a later plugin's warning in its on_post_build, or a file it writes (redirects),
    # is still inside the staged build that --strict may refuse (audit AS-H: a refused build published)
    @event_priority(-100)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        site_dir = Path(config.site_dir)
        if isinstance(self.build, Waiting):
            self.build.write(site_dir)
            return
        if self.written_errors:  # an ID number a plugin wrote into a page: nothing is published
            self.output.discard()
            for problem in self.written_errors:
                log.error(str(problem))
            raise Abort(f"一共有 {len(self.written_errors)} 处错误，改好以前网站不能生成")
        # data pages render while the print workers finish; the /print/ page, which lists the
        # printables' sizes, comes after they are written
        wait_for_printables = (lambda: self.printing.write(site_dir)) if self.printing else None
        self.build.write_pages(site_dir, self.output.place, wait_for_printables)
        log.info("亮相：数据页面 %d 个（新生成 %d 个，沿用缓存 %d 个）",
                 len(self.build.pages), self.build.rendered, self.build.reused)
        published = self.output.commit(config.strict)
        if published and not cache_in_docs(config, self.config):  # the next run says which printed address went away
            record_published(self.build.content, cache_dir(config, self.config), Path(config.config_file_path or "mkdocs.yml"))
        config.site_dir = str(self.output.target)
        gc.unfreeze()  # `mkdocs serve` builds again in this process: what this build held may go

    def on_build_error(self, *, error: Exception) -> None:
        gc.unfreeze()
        if self.printing is not None and self.printing.background is not None:
            self.printing.background.cancel()  # a failed preview build must not keep the workers busy
        if self.output is not None:
            self.output.discard()
