"""What templates see: the content, addresses, pictures, Markdown and labels, as one object."""

from __future__ import annotations

import functools
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml
from markupsafe import Markup, escape
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

from ..check.photos import check_image
from ..content import Content, address, content_paths
from ..model import Member, Zone
from .chart import score_text, trend_svg
from . import breaking, phones
from .markdown import Renderer
from .photos import Picture, PhotoStore

MIDDLE_GRADES = (1, 2, 4, 5)  # the theme's styles of the bands between the best and the lowest, in order
LABELS_DIR = Path(__file__).parent / "labels"


class Labels(dict):
    """The translation table: the only place a visitor-facing word lives. A missing key is a bug."""

    def __missing__(self, key: str) -> str:
        raise KeyError(f"label '{key}' is missing from the translation table")

    def __getattr__(self, key: str) -> str:
        return self[key]


def load_labels(lang: str = "zh-CN") -> Labels:
    path = LABELS_DIR / f"{lang}.yml"
    return Labels(_parsed_labels(path, path.stat().st_mtime_ns))  # a copy: a caller may add to its own


@functools.lru_cache(maxsize=4)
def _parsed_labels(path: Path, changed: int) -> dict:
    """The table, parsed once per process while its file stays as it is (60 ms: every check of a
    site read it again, and `mkdocs serve` on every rebuild)."""
    with open(path, encoding="utf-8") as file:
        return yaml.safe_load(file)


def period_name(labels: Labels, period: str, short: bool = False) -> str:
    year, _, quarter = period.partition("-Q")
    if not (year.isdigit() and quarter in ("1", "2", "3", "4")):
        return period  # never reached with checked content: the model only takes YYYY-Qn
    return labels["period_short" if short else "period_name"].format(year=year, quarter=labels.quarters[int(quarter) - 1])


@dataclass(frozen=True)
class Urls:
    """Addresses of the format's table, for either setting of use_directory_urls."""

    directory_urls: bool = True

    def page(self, path: str) -> str:
        """'members/zhang-wei/' -> its URL; '' is the home page, 'members/' a section index.
        Without directory URLs every address names its file: a site opened from disk shows pages, not folders."""
        if self.directory_urls:
            return path
        if not path:
            return "index.html"
        return path + "index.html" if path.count("/") == 1 else path[:-1] + ".html"

    @staticmethod
    def file_of(url: str) -> str:
        """The file a page's URL is written to, relative to site_dir."""
        return url + "index.html" if url == "" or url.endswith("/") else url

    def of_source(self, page: tuple[str, Any]) -> str:
        """The URL of a page found by Content.page_of: a free page's is MkDocs' own."""
        kind, key = page
        if kind == "file":
            return key  # a printable or QR code: its path is its address
        return File(key, None, None, self.directory_urls).url if kind == "free" else self.of(kind, key)

    def of(self, kind: str, key: Any = None) -> str:
        return self.page({
            "home": "", "members": "members/", "member": f"members/{key}/", "zones": "zones/",
            "zone": f"zones/{key}/", "stories": "stories/", "story": f"stories/{key}/",
            "commitments": "commitments/", "year": f"commitments/{key}/", "assessments": "assessments/",
            "period": f"assessments/{key}/", "print": "print/", "plates": "print/plates/", "search": "search/",
        }[kind])


@dataclass
class SiteView:
    """Templates reach records through this object; what a page looks up is recorded (see pagecache)."""

    records: Content
    urls: Urls
    photos: PhotoStore
    labels: Labels
    markdown: Renderer = field(default_factory=Renderer)
    page_url: str = ""  # the page being rendered: Markdown images are linked relative to it
    search_path: str = ""  # the search index's path in the site, once written
    printables: bool = False  # the footer links to /print/
    lookups: set | None = None  # while a page renders: what it looked up
    answering: bool = False  # while a cached page's lookups are asked again: nothing is published

    def _looked_up(self, *token: Any) -> None:
        if self.lookups is not None:
            self.lookups.add(token)

    @property
    def content(self) -> Content:
        """All records, for index pages: what they read is recorded by kind (see RecordsRead)."""
        return RecordsRead(self.records, self._looked_up) if self.lookups is not None else self.records

    @property
    def search_index(self) -> str:
        self._looked_up("search_index")
        return self.search_path

    @property
    def org(self):
        return self.records.org  # part of every page's key (see SiteBuild.site_key)

    def url(self, kind: str, key: Any = None) -> str:
        return self.urls.of(kind, key)

    def member(self, member_id: str | None) -> Member | None:
        self._looked_up("member", member_id)
        return self.records.member_by_id.get(member_id or "")

    def zone(self, zone_id: str | None) -> Zone | None:
        self._looked_up("zone", zone_id)
        return self.records.zone_by_id.get(zone_id or "")

    def zone_name(self, zone_id: str | None, short: bool = False) -> str | None:
        """A zone's name alone (its short_name, when asked and written, for a list): a page that shows
        only that is not rendered again when its duties change."""
        self._looked_up("zone_name", zone_id, short)
        zone = self.records.zone_by_id.get(zone_id or "")
        if zone is None:
            return None
        # a short name two zones share names neither on a board of results (audit AS-AH M2)
        return zone.display_name if short and zone.short_name not in self._shared_short_names else zone.name

    @functools.cached_property
    def _shared_short_names(self) -> frozenset[str]:
        counted = Counter(zone.short_name for zone in self.records.zones if zone.short_name)
        return frozenset(name for name, count in counted.items() if count > 1)

    def zone_archived(self, zone_id: str | None) -> bool:
        """Whether the zone was archived (已撤销): a past board lists it as it was assessed, marked (audit AS-M 11)."""
        self._looked_up("zone_archived", zone_id)
        zone = self.records.zone_by_id.get(zone_id or "")
        return zone is not None and zone.status == "archived"

    def onward(self, zone: Zone) -> Zone | None:
        """Where an archived zone's visitors are sent: the first active zone along its successor
        chain (an old sign's QR code may point at a zone whose successor was archived in turn).
        None when the chain ends in no active zone, or runs in a circle. Each zone of the chain
        is looked up (recorded), so an edit of any of them renders the page again."""
        seen = {zone.id}
        current = self.zone(zone.successor) if zone.successor else None
        while current is not None and current.status == "archived":
            if not current.successor or current.successor in seen:
                return None
            seen.add(current.id)
            current = self.zone(current.successor)
        return current

    def picture(self, path: str | None, slot: str) -> Picture | None:
        self._looked_up("picture", path, slot)
        picture = self.photos.get(path, slot)
        if picture is not None and not self.answering:
            self.photos.publish(picture)
        return picture

    def md(self, text: str | None, base: str = "", where: str = "", title: str | None = None, top: int = 2) -> Markup:
        """Markdown from content; ``base`` is the folder (under content/) its image paths and links
        start from; ``title``: the page's title, not repeated by a first heading; ``top``: the
        level its headings start at (3 in a section of its own)."""
        return self.markdown(text, lambda src, alt: self.content_image(src, alt, base), where or base or "content",
                             lambda href: self.content_link(href, base), title, top)

    def content_link(self, href: str, base: str = "", shown_at: str | None = None) -> str | None:
        """A link to a file under content/ (about.md, zones/x.yaml) or to a page's address
        (members/zhang-wei/) as the address of that page, relative to the page being rendered;
        None when there is none. ``shown_at``: the address links relative to the page start from."""
        shown_at = address(self.page_url or "") if shown_at is None else shown_at
        self._looked_up("content_link", href, base, shown_at)
        page = self.records.page_of(href, base, shown_at)
        if page is None:
            return None
        url = get_relative_url(self.urls.of_source(page), self.page_url or "")
        return url if url.endswith((".html", "/")) or page[0] == "file" else url + "/"

    def content_image(self, src: str, alt: str, base: str = "") -> str | None:
        """An image named in Markdown, as a resized copy; None when it is not a photo under content/."""
        self._looked_up("content_image", src, alt, base)
        for relative in content_paths(src, base):
            if relative.startswith("..") or check_image(self.records.docs_dir, relative, self.records.checked_images):
                continue
            picture = self.picture(relative, "wide")
            if picture:
                return self.picture_html(picture, alt, "(min-width: 760px) 720px, 100vw", "content-image")
        return None

    def picture_html(self, pic: Picture, alt: str, sizes: str, css_class: str = "", lazy: bool = True) -> str:
        """The same markup as the theme's ``picture`` macro, for images inside Markdown."""
        def rel(path: str) -> str:
            return get_relative_url(path, self.page_url or "")

        def srcset(attr: str) -> str:
            return ", ".join(f"{rel(getattr(v, attr))} {v.width}w" for v in pic.variants)

        loading = ' loading="lazy"' if lazy else ""
        return (
            f'<picture class="{escape(css_class)}"><source type="image/webp" srcset="{srcset("webp")}" sizes="{escape(sizes)}">'
            f'<img src="{rel(pic.src)}" srcset="{srcset("fallback")}" sizes="{escape(sizes)}" width="{pic.width}"'
            f' height="{pic.height}" alt="{escape(alt)}"{loading} decoding="async"></picture>'
        )

    def trend(self, results: list, chart_id: str = "trend-title") -> Markup:
        """The inline SVG chart of a zone's (period, score) results, oldest first."""
        points = [(self.period_name(a.period, short=True), score) for a, score in results]
        described = self.labels.list_sep.join(f"{self.period_name(a.period)} {self.score(s)} {self.grade(s)}" for a, s in results)
        title = f"{self.labels.trend}{self.labels.colon}{described}"
        return trend_svg(points, [g.min for g in self.records.grades if g.min > 0], title, chart_id)

    @staticmethod
    def menu(nav) -> list:
        """The nav's free pages, those inside its sections too, and its links to other sites, in
        order: the sections' titles have no page of their own to show."""
        items = []
        for item in getattr(nav, "items", nav) or []:
            if item.is_page:
                items.append(item)
            elif item.is_link and urlsplit(item.url).scheme in ("http", "https"):
                items.append(item)
            elif item.is_section:
                items += SiteView.menu(item.children)
        return items

    tel = staticmethod(phones.tel)
    tel_parts = staticmethod(phones.tel_parts)
    call_runs = staticmethod(phones.call_runs)

    @staticmethod
    def lines(text: str | None, clauses: bool = False, sized: bool = False, called: bool = False) -> Markup:
        """Plain text with the line breaks its editor wrote (YAML's `|`) shown, the rest escaped; a
        slogan's lines (``clauses``) break after a pause rather than inside a clause, a phone's
        numbers (``sized``) carry their length, and in text outside a link (``called``) a phone
        number calls it (breaking.numbers_whole)."""
        if not text:
            return Markup("")
        each = breaking.clauses if clauses else lambda line: breaking.numbers_whole(escape(line), sized, called)
        return Markup("<br>").join(each(line.strip()) for line in str(text).strip().split("\n"))

    def category_anchor(self, category: str) -> str:
        """The id of a category's section on /stories/: its place in story_categories, so that a
        story page links to it and the chips agree whichever categories have a story."""
        return f"category-{self.records.org.story_categories.index(category) + 1}"

    def grade(self, score: float) -> str:
        return self.records.grade_for(score) or self.labels.no_grade  # below every band

    def grade_class(self, grade: str) -> str:
        """A CSS hook for a grade by its place among the org's bands, whatever their number: the best
        is grade-0, the lowest grade-3, those between grade-1, grade-2, grade-4, grade-5 (five bands:
        良好 and 合格 looked alike, audit AN 3); a seventh band and more share grade-5."""
        names = [g.name for g in self.records.grades]
        if grade not in names:
            return "grade-x"
        rank = names.index(grade)
        if rank == 0:
            return "grade-0"
        return "grade-3" if rank == len(names) - 1 else f"grade-{MIDDLE_GRADES[min(rank, len(MIDDLE_GRADES)) - 1]}"

    # how names, titles and addresses may break on a phone (breaking.py), for templates
    named = staticmethod(breaking.named)
    org_phrased = staticmethod(breaking.org_phrased)
    party_body = staticmethod(breaking.party_body)
    who = staticmethod(breaking.who)
    phrased = staticmethod(breaking.phrased)
    initial = staticmethod(breaking.initial)
    address = staticmethod(breaking.address)
    worded = staticmethod(breaking.worded)

    def branch_name(self, branch_id: str) -> str:
        return self.records.branch_name(branch_id)

    def group_name(self, group_id: str | None) -> str:
        return self.records.group_name(group_id)

    def period_name(self, period: str, short: bool = False) -> str:
        """A period as visitors read it: 2026-Q2 is 2026年第二季度 (2026年二季度 in a chart)."""
        return period_name(self.labels, period, short)

    def period_parts(self, period: str) -> Markup:
        """period_name, breaking after its year: 2026年 / 第三季度, not 2026年第三 / 季度 (audit AS-M 5)."""
        year, mark, rest = self.period_name(period).partition("年")
        if not mark or not rest:
            return Markup(escape(year + mark + rest))
        parts = [rest[:-2], rest[-2:]] if rest.endswith("季度") and len(rest) > 2 else [rest]  # 第三 / 季度 when narrower still
        return Markup('<span class="nb">{}</span><wbr>').format(year + mark) + Markup("<wbr>").join(
            Markup('<span class="nm">{}</span>').format(part) for part in parts)

    def score(self, value: float) -> str:
        """At most two decimals, cut off: a score is never shown across a grade boundary (see score_text)."""
        return score_text(value)

    def ranked(self, results: list) -> list[tuple[int, Any]]:
        """Results best first with their place; scores shown alike share it (90 and 90.0: 1, 1, 3)."""
        ordered = sorted(results, key=lambda r: r.score, reverse=True)
        places: list[tuple[int, Any]] = []
        for index, result in enumerate(ordered):
            tied = places and score_text(result.score) == score_text(places[-1][1].score)
            places.append((places[-1][0] if tied else index + 1, result))
        return places


# which kinds of source files each part of Content is made from; anything else depends on all
CONTENT_KINDS = {
    "public_members": ("members",), "members": ("members",), "member_by_id": ("members",),
    "member_aliases": ("members",),
    "zones": ("zones",), "active_zones": ("zones",), "zone_by_id": ("zones",), "zone_aliases": ("zones",),
    "zones_of": ("zones",),
    "years": ("commitments",), "latest_year": ("commitments",), "commitments": ("commitments",),
    "commitments_of": ("commitments",),
    "stories": ("stories",), "stories_by_date": ("stories",), "stories_of": ("stories",),
    "periods": ("assessments",), "assessments": ("assessments",), "results_of": ("assessments",),
    "org": ("org",), "grades": ("org",), "grade_for": ("org",), "branch_name": ("org",), "group_name": ("org",),
}


class RecordsRead:
    """Content as an index page's template sees it: each part it reads is noted by kind.

    The zones index depends on the zone files (and assessments), not on the roster: an edited
    zone renders it again, but not the members index or the commitment walls.
    """

    def __init__(self, content: Content, note):
        self._content, self._note = content, note

    def __getattr__(self, name: str) -> Any:
        for kind in CONTENT_KINDS.get(name, ("*",)):
            self._note("content", kind)
        return getattr(self._content, name)
