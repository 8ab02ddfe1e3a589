"""What templates see: the content, addresses, pictures, Markdown and labels, as one object."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from markupsafe import Markup

from ..content import Content
from ..model import Member, Zone
from .markdown import Renderer
from .photos import Picture, PhotoStore

LABELS_DIR = Path(__file__).parent / "labels"


class Labels(dict):
    """The translation table: the only place a visitor-facing word lives. A missing key is a bug."""

    def __missing__(self, key: str) -> str:
        raise KeyError(f"label '{key}' is missing from the translation table")

    def __getattr__(self, key: str) -> str:
        return self[key]


def load_labels(lang: str = "zh-CN") -> Labels:
    with open(LABELS_DIR / f"{lang}.yml", encoding="utf-8") as file:
        return Labels(yaml.safe_load(file))


@dataclass(frozen=True)
class Urls:
    """Addresses of the format's table, for either setting of use_directory_urls."""

    directory_urls: bool = True

    def page(self, path: str) -> str:
        """'members/zhang-wei/' -> its URL; '' is the home page, 'members/' a section index."""
        if self.directory_urls or not path:
            return path
        return path + "index.html" if path.count("/") == 1 else path[:-1] + ".html"

    def dest(self, path: str) -> str:
        """The file a page is written to, relative to site_dir."""
        url = self.page(path)
        return url + "index.html" if url == "" or url.endswith("/") else url

    def of(self, kind: str, key: Any = None) -> str:
        return self.page({
            "home": "", "members": "members/", "member": f"members/{key}/", "zones": "zones/",
            "zone": f"zones/{key}/", "stories": "stories/", "story": f"stories/{key}/",
            "commitments": "commitments/", "year": f"commitments/{key}/", "assessments": "assessments/",
            "period": f"assessments/{key}/", "print": "print/",
        }[kind])


@dataclass
class SiteView:
    content: Content
    urls: Urls
    photos: PhotoStore
    labels: Labels
    markdown: Renderer = field(default_factory=Renderer)

    @property
    def org(self):
        return self.content.org

    def url(self, kind: str, key: Any = None) -> str:
        return self.urls.of(kind, key)

    def member(self, member_id: str | None) -> Member | None:
        return self.content.member_by_id.get(member_id or "")

    def zone(self, zone_id: str | None) -> Zone | None:
        return self.content.zone_by_id.get(zone_id or "")

    def picture(self, path: str | None, slot: str) -> Picture | None:
        return self.photos.get(path, slot)

    def md(self, text: str | None) -> Markup:
        return self.markdown(text)

    def grade(self, score: float) -> str:
        return self.content.grade_for(score)

    def grade_class(self, grade: str) -> str:
        """A CSS hook for a grade: its rank among the org's bands (0 is the best)."""
        names = [g.name for g in self.content.grades]
        return f"grade-{names.index(grade)}" if grade in names else "grade-x"

    def branch_name(self, branch_id: str) -> str:
        return self.content.branch_name(branch_id)

    def group_name(self, group_id: str | None) -> str:
        return self.content.group_name(group_id)

    def score(self, value: float) -> str:
        return f"{value:g}"
