"""Content: every record of one site, and the lookups the later stages share."""

from __future__ import annotations

import hashlib
import posixpath
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from .files import FileFacts
from .model import DEFAULT_GRADES, Assessment, Commitment, CommitmentsFile, Grade, Member, Org, Story, Zone
from .problems import Location, Problem
from .values import build_day


@dataclass
class KnownIds:
    """Ids seen in the files, valid records or not, so that one bad record causes one error.

    ``complete`` is False when a whole file could not be read: references into it are then
    not reported as missing (the unreadable file has its own error).
    """

    where: dict[str, Location] = field(default_factory=dict)
    hidden: set[str] = field(default_factory=set)
    complete: bool = True
    emptied_at: Location | None = None  # where the list is written empty (members: []): said there, once

    def add(self, value: object, where: Location, hidden: bool = False) -> None:
        if isinstance(value, int) and not isinstance(value, bool):
            value = str(value)  # `id: 1949` is read as a number, and the model makes it "1949" too
        if isinstance(value, str) and value not in self.where:
            self.where[value] = where
            if hidden:
                self.hidden.add(value)

    def __contains__(self, value: object) -> bool:
        return value in self.where


@dataclass(frozen=True)
class Rejected:
    """A record that did not validate, kept for the checks that still apply to what it says."""

    model: type
    data: object  # as parsed
    source: object  # its file's SourceMap
    loc: tuple  # where in the file
    bad: tuple  # key paths of the fields that did not validate
    record: object = None  # built from the fields that validated (load.validate.partial); None when the whole is wrong

    def intact(self, path: tuple) -> bool:
        """Whether the field at path validated: no failed field is it, holds it or lies within it."""
        return not any(path[:len(bad)] == bad or bad[:len(path)] == path for bad in self.bad)


def content_paths(path: str, base: str = "") -> list[str]:
    """Where a path written in Markdown may point, under content/, in the order tried: relative
    to base (the folder of the text it stands in), then to content/ as every photo field is;
    "/x" is content/x. Normalized; one starting with ".." points outside content/."""
    path = path.strip()
    written = [path.lstrip("/")] if path.startswith("/") else [posixpath.join(base, path), path] if base else [path]
    return [posixpath.normpath(candidate) for candidate in written]


def address(url: str) -> str:
    """A page's address with no slash at either end, for either setting of use_directory_urls:
    'members/li-na/' and 'members/li-na.html' -> 'members/li-na'; '' and 'index.html' -> ''."""
    path = url.strip().strip("/").removesuffix(".html")
    return "" if path in ("index", ".") else path.removesuffix("/index")


SCRATCH_ENDINGS = ("~", ".bak", ".orig", ".swp", ".tmp")
SYSTEM_FILES = ("desktop.ini", "thumbs.db", "ehthumbs.db")  # Windows writes them, hidden, into folders it shows


def is_scratch(name: str) -> bool:
    """An editor's lock or backup file (~$about.md from Word or WPS, about.md~, #about.md#,
    garden.yaml.bak), or one Windows keeps hidden in a folder: neither read nor published, so
    that one left beside a file breaks nothing."""
    return (name.startswith("~$") or name.endswith(SCRATCH_ENDINGS) or (len(name) > 1 and name[0] == name[-1] == "#")
            or name.lower() in SYSTEM_FILES)


RECORD_FOLDERS = ("zones", "commitments", "assessments", "stories")
HOME_SOURCES = ("index.md", "README.md")  # content/ files the home page shows at its top (MkDocs: README.md is an index.md)
# images are never published as they are: pages show resized copies
IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp", ".gif", ".tif", ".tiff", ".bmp", ".heic")


def source_kind(path: str) -> str:
    """Which kind of record a source file holds, by where it stands (see load)."""
    parts = path.split("/")
    if len(parts) >= 2 and parts[-2] in RECORD_FOLDERS:
        return parts[-2]
    if parts[-1] == "org.yaml":
        return "org"
    return "pages" if parts[-1].endswith(".md") else "members"


@dataclass
class Content:
    root: Path
    docs_dir: Path
    org: Org | None = None
    members: list[Member] = field(default_factory=list)
    zones: list[Zone] = field(default_factory=list)
    commitments: list[CommitmentsFile] = field(default_factory=list)
    stories: list[Story] = field(default_factory=list)
    assessments: list[Assessment] = field(default_factory=list)
    pages: list[str] = field(default_factory=list)  # free Markdown pages, relative to docs_dir
    page_texts: dict[str, str] = field(default_factory=dict, repr=False, compare=False)  # their text, as read once
    printables: bool = True  # the site publishes /print/ and /qr/ (the plugin's option)
    markdown_extras: dict[str, dict] = field(default_factory=dict)  # see site.markdown.site_extras
    site_url: str = ""  # mkdocs.yml's: a link to the site's own full address is checked as a link within it
    printed_url: str = ""  # the address QR codes print (site_url as written, also under `mkdocs serve`)
    renamed: dict[tuple[str, str], str] = field(default_factory=dict, repr=False, compare=False)  # see check.published.renamed_ids
    vanished: set[tuple[str, str]] = field(default_factory=set, repr=False, compare=False)  # (kind, id) the last build had, not renamed
    since: str = "上次生成时"  # what renamed and vanished compare with: the last build, or the last commit (check.history)
    unread: dict[tuple[str, str], str] = field(default_factory=dict, repr=False, compare=False)  # (kind, stem) -> a record file not read (see load.pages)
    case_twins: list[list[str]] = field(default_factory=list, repr=False, compare=False)  # files whose paths differ in case alone (see load.pages)
    sources: dict[str, str] = field(default_factory=dict)  # every file read: path -> hash of its bytes
    _kind_digests: dict[str, str] = field(default_factory=dict, init=False, repr=False, compare=False)
    checked_images: FileFacts | None = field(default=None, repr=False, compare=False)  # see check.photos
    rejected: list[Rejected] = field(default_factory=list, repr=False, compare=False)
    # the Markdown of records that did not validate, checked all the same: (text, where it starts,
    # field, base folder, is a block scalar, the address it would be shown at)
    rejected_texts: list[tuple] = field(default_factory=list, repr=False, compare=False)
    # files whose own fields failed (a wrong year or date), those fields None: for the checks of their lists only
    partial_org: Org | None = field(default=None, repr=False, compare=False)
    partial_commitments: list[CommitmentsFile] = field(default_factory=list, repr=False, compare=False)
    partial_assessments: list[Assessment] = field(default_factory=list, repr=False, compare=False)
    notices: list[Problem] = field(default_factory=list, repr=False, compare=False)  # said, not errors
    known: dict[str, KnownIds] = field(
        default_factory=lambda: {kind: KnownIds() for kind in ("member", "branch", "group", "zone", "story")}
    )

    @cached_property
    def digest(self) -> str:
        """A hash of every file the content was read from: equal digests, equal content."""
        return hashlib.sha256(repr(sorted(self.sources.items())).encode()).hexdigest()

    def digest_of(self, kind: str) -> str:
        """A hash of the files of one kind: 'members', 'org', 'zones', 'commitments', 'assessments', 'stories', 'pages'."""
        if kind not in self._kind_digests:
            files = sorted((path, digest) for path, digest in self.sources.items() if source_kind(path) == kind)
            self._kind_digests[kind] = hashlib.sha256(repr(files).encode()).hexdigest()
        return self._kind_digests[kind]

    # -- public view: hidden members appear nowhere ---------------------------------------
    @cached_property
    def public_members(self) -> list[Member]:
        return [m for m in self.members if not m.hidden]

    @cached_property
    def member_by_id(self) -> dict[str, Member]:
        return {m.id: m for m in self.public_members}

    @cached_property
    def zone_by_id(self) -> dict[str, Zone]:
        return {z.id: z for z in self.zones}

    @cached_property
    def active_zones(self) -> list[Zone]:
        return [z for z in self.zones if z.status == "active"]

    @cached_property
    def zone_aliases(self) -> dict[str, Zone]:
        """A renamed zone's former ids: the QR codes of signs printed before lead to them."""
        return {alias: z for z in self.zones for alias in z.aliases}

    @cached_property
    def member_aliases(self) -> dict[str, Member]:
        """A renamed member's former ids: the QR codes of plates printed before lead to them."""
        return {alias: m for m in self.public_members for alias in m.aliases}

    @cached_property
    def source_pages(self) -> dict[str, tuple[str, object]]:
        """The page each file under content/ makes, for links written as file paths:
        path -> (kind, key) of Urls.of, or ("free", path) for a free page."""
        pages: dict[str, tuple[str, object]] = {page: ("free", page) for page in self.pages}
        # the home page shows index.md, whether it exists or not, or a README.md there is (MkDocs' index.md)
        pages.update({name: ("home", None) for name in HOME_SOURCES if name == "index.md" or name in pages})
        pages.update({f"stories/{story.slug}.md": ("story", story.slug) for story in self.stories})
        try:  # record paths are shown from the site's root: content/zones/x.yaml -> zones/x.yaml
            prefix = self.docs_dir.resolve().relative_to(self.root.resolve()).as_posix() + "/"
        except ValueError:
            prefix = ""
        records = [(z, "zone", z.id) for z in self.zones] + [(y, "year", y.year) for y in self.commitments]
        for record, kind, key in records + [(a, "period", a.period) for a in self.assessments]:
            pages[record.path.removeprefix(prefix)] = (kind, key)
        return {**self.folder_pages, **pages}

    @cached_property
    def folder_pages(self) -> dict[str, tuple[str, object]]:
        """The lists, as MkDocs names a folder's page (zones/index.md): no file is there."""
        kinds = ("members", "zones", "stories", "commitments", "assessments") + (("print",) if self.printables else ())
        pages = {f"{kind}/index.md": (kind, None) for kind in kinds}
        if self.printables:  # the plates' own page (print/stage.py: pages)
            pages["print/plates/index.md"] = ("plates", None)
        return pages

    @cached_property
    def site_addresses(self) -> dict[str, tuple[str, object]]:
        """The pages a link may name by their address in the site (members/zhang-wei/, about/),
        without a slash at either end: members have no file under content/ to link to."""
        addresses = {address(path.removesuffix(".md")): page for path, page in self.source_pages.items() if path.endswith(".md")}
        addresses.update({f"members/{m.id}": ("member", m.id) for m in self.public_members})
        addresses.update({f"members/{alias}": ("member", m.id) for alias, m in self.member_aliases.items()})
        addresses.update({f"zones/{z.id}": ("zone", z.id) for z in self.zones})
        addresses.update({f"zones/{alias}": ("zone", z.id) for alias, z in self.zone_aliases.items()})
        addresses.update({f"commitments/{y.year}": ("year", y.year) for y in self.commitments})
        addresses.update({f"assessments/{a.period}": ("period", a.period) for a in self.assessments})
        addresses.update({"": ("home", None), "search": ("search", None)})
        return addresses

    @cached_property
    def published_files(self) -> dict[str, tuple[str, object]]:
        """The printables and QR codes a link may name (print/plates/li-na.pdf): the format's
        stable addresses, when the site makes them."""
        if not self.printables:
            return {}
        files = {f"qr/zones/{z.id}.{suffix}": z for z in self.zones for suffix in ("svg", "png")}
        files.update({f"print/signboards/{z.id}.{suffix}": z for z in self.active_zones for suffix in ("pdf", "png")})
        plated = self.plate_commitments
        files.update({f"print/plates/{member}.{suffix}": member for member in plated for suffix in ("pdf", "png")})
        for kind, made in (("signboards", self.active_zones), ("plates", plated)):
            if made:
                files[f"print/{kind}/all.pdf"] = None
        return {path: ("file", path) for path in files}

    def page_of(self, href: str, base: str = "", shown_at: str = "") -> tuple[str, object] | None:
        """The page a link means: a file under content/ (about.md, zones/x.yaml) or a page's address
        in the site (about/, members/zhang-wei/), written relative to base (the folder of the text
        it stands in), to content/, or to shown_at (the address of the page it is shown on, as a
        browser reads it: ../print/ on about/); None when the site has no such page."""
        candidates = self.link_candidates(href, base, shown_at)
        for candidate in candidates:  # a file first: index.md written in zones/x.yaml is the home page, not /zones/
            found = self.source_pages.get(candidate) or self.published_files.get(candidate)
            if found is not None and candidate not in self.folder_pages:
                return found
        for candidate in candidates:  # members/li-na.md as MkDocs would name a page: members have no file to link to
            if not candidate.endswith((".yaml", ".yml")):
                found = self.site_addresses.get(address(candidate.removesuffix(".md")))
                if found is not None:
                    return found
        return None

    @staticmethod
    def link_candidates(href: str, base: str = "", shown_at: str = "") -> list[str]:
        """Where a link may point under content/, in the order page_of tries them."""
        candidates = content_paths(href, base)
        if not href.strip().startswith("/"):
            candidates.append(posixpath.normpath(posixpath.join(address(shown_at), href.strip())))
        return candidates

    @cached_property
    def years(self) -> list[CommitmentsFile]:
        """Commitment years, newest first."""
        return sorted(self.commitments, key=lambda c: c.year, reverse=True)

    @cached_property
    def latest_year(self) -> CommitmentsFile | None:
        """The year the site shows as this year's (home, zone and member pages): the newest that has
        any commitment and has begun. Next year's file committed in November waits for its year
        on the pages (its own wall is published, its plates printed: plates_year); when no year has
        begun, the newest is shown."""
        this_year = build_day().year
        begun = [year for year in self.years if year.commitments and year.year <= this_year]
        return begun[0] if begun else next((year for year in self.years if year.commitments), None)

    @cached_property
    def plates_year(self) -> CommitmentsFile | None:
        """The year desk plates print: the latest that has any commitment, begun or not, as the
        format says of plates/all.pdf. Next year's plates are ordered in December, before the
        pages show that year (audits AS-S 4, AS-T M3)."""
        return next((year for year in self.years if year.commitments), None)

    @cached_property
    def periods(self) -> list[Assessment]:
        """Assessment periods, newest first."""
        return sorted(self.assessments, key=lambda a: a.period, reverse=True)

    @cached_property
    def plate_commitments(self) -> dict[str, Commitment]:
        """Who gets a desk plate: each published member with a commitment in the latest year that
        has any (their first there), in roster order."""
        year = self.plates_year
        first: dict[str, Commitment] = {}
        for commitment in year.commitments if year else []:
            first.setdefault(commitment.member, commitment)
        return {m.id: first[m.id] for m in self.public_members if m.id in first}

    @cached_property
    def grades(self) -> list[Grade]:
        grades = self.org.grades if self.org else [Grade(name=n, min=m) for n, m in DEFAULT_GRADES]
        return sorted(grades, key=lambda g: g.min, reverse=True)

    def grade_for(self, score: float) -> str:
        """The grade a score falls in: the first band whose minimum it reaches (min is inclusive);
        "" below every band (org.yaml need not have one from 0)."""
        return next((g.name for g in self.grades if score >= g.min), "")

    # per-member lookups are indexed once: every member page and plate asks, so scanning all
    # records each time would cost members x records
    @cached_property
    def _commitments_by_member(self) -> dict[str, list[tuple[int, Commitment]]]:
        index: dict[str, list[tuple[int, Commitment]]] = {}
        for year in self.years:
            for commitment in year.commitments:
                index.setdefault(commitment.member, []).append((year.year, commitment))
        return index

    @cached_property
    def _zones_by_member(self) -> dict[str, list[Zone]]:
        index: dict[str, list[Zone]] = {}
        for zone in self.zones:
            people = [zone.leader, *zone.members, *(r.member for r in zone.roles if r.member)]
            for member_id in dict.fromkeys(people):
                index.setdefault(member_id, []).append(zone)
        return index

    @cached_property
    def _stories_by_member(self) -> dict[str, list[Story]]:
        index: dict[str, list[Story]] = {}
        for story in self.stories_by_date:
            for member_id in dict.fromkeys(story.meta.members):
                index.setdefault(member_id, []).append(story)
        return index

    def commitments_of(self, member_id: str) -> list[tuple[int, Commitment]]:
        """(year, commitment) of a member, newest first."""
        return self._commitments_by_member.get(member_id, [])

    def zones_of(self, member_id: str) -> list[Zone]:
        return self._zones_by_member.get(member_id, [])

    def stories_of(self, member_id: str) -> list[Story]:
        return self._stories_by_member.get(member_id, [])

    @cached_property
    def stories_by_date(self) -> list[Story]:
        return sorted(self.stories, key=lambda s: (s.meta.date, s.slug), reverse=True)

    def results_of(self, zone_id: str) -> list[tuple[Assessment, float]]:
        """(period, score) of a zone, oldest first."""
        return [
            (a, r.score) for a in reversed(self.periods) for r in a.results if r.zone == zone_id
        ]

    def branch_name(self, branch_id: str) -> str:
        if self.org:
            for branch in self.org.branches:
                if branch.id == branch_id:
                    return branch.name
        return branch_id

    def group_name(self, group_id: str | None) -> str:
        if self.org and group_id:
            for branch in self.org.branches:
                for group in branch.groups:
                    if group.id == group_id:
                        return group.name
        return group_id or ""
