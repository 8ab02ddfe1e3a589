"""Site: data pages rendered through the theme's templates and written into site_dir."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.commands.build import get_context

from ..content import Content
from .pages import DataPage, plan_pages
from .photos import PhotoStore
from .view import SiteView, Urls, load_labels

SOURCE_FOLDERS = ("stories", "photos", "zones", "commitments", "assessments")


class SiteBuild:
    """One build of the public site from checked content."""

    def __init__(self, content: Content, config: Any, plugin_config: Any):
        root = Path(config.config_file_path or "mkdocs.yml").parent.resolve()
        self.content, self.config = content, config
        self.urls = Urls(config.use_directory_urls)
        self.labels = load_labels(plugin_config.lang)
        self.site_dir = Path(config.site_dir)
        photos = PhotoStore(content.docs_dir, root / plugin_config.cache_dir, self.site_dir)
        self.view = SiteView(content, self.urls, photos, self.labels)
        self.pages: list[DataPage] = plan_pages(content, self.urls, self.labels, config.site_url)
        self._images = self._referenced_images()
        self.env = self.files = self.nav = None

    def _referenced_images(self) -> set[str]:
        content = self.content
        paths = [content.org.logo if content.org else None]
        paths += [m.photo for m in content.members] + [z.photo for z in content.zones]
        paths += [s.meta.cover for s in content.stories]
        return {p.strip().lstrip("./") for p in paths if p}

    def is_content_source(self, src_uri: str) -> bool:
        """True for files that are content, not pages: never copied into the site as they are."""
        return (
            src_uri.endswith((".yaml", ".yml"))
            or src_uri.split("/", 1)[0] in SOURCE_FOLDERS
            or src_uri == "index.md"
            or src_uri in self._images
        )

    def prepare(self, env, files, nav=None) -> None:
        self.env, self.files = env, files
        if nav is not None:
            self.nav = nav

    def extend_context(self, context: dict, name: str) -> dict:
        context["lx"] = self.view
        context["t"] = self.labels
        if name == "sitemap.xml":
            context["lx_pages"] = self.pages
        return context

    def intro(self) -> str:
        """content/index.md, shown at the top of the home page."""
        index = self.content.docs_dir / "index.md"
        return self.view.md(index.read_text(encoding="utf-8-sig")) if index.is_file() else ""

    def write_pages(self, site_dir: Path) -> None:
        for page in self.pages:
            if page.is_homepage:
                page.context["intro"] = self.intro()
            context = get_context(self.nav, self.files, self.config, page=page)
            self.extend_context(context, page.template)
            context.update(page.context)
            html = self.env.get_template(page.template).render(context)
            target = site_dir / self.urls.dest(page.path)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(html, encoding="utf-8")
