"""The data pages of a site: which exist, at which address, through which template."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterator

from ..content import Content
from .view import Labels, Urls, period_name


@dataclass
class DataPage:
    """A page built from records; it quacks like an MkDocs page where templates need it."""

    path: str  # 'members/zhang-wei/'
    url: str
    template: str
    title: str
    context: dict[str, Any] = field(default_factory=dict)
    is_homepage: bool = False
    canonical_url: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    toc: list = field(default_factory=list)
    content: str | None = None
    edit_url: str | None = None
    previous_page: Any = None
    next_page: Any = None
    parent: Any = None
    children: Any = None
    active: bool = False
    late: bool = False  # rendered after the printables are written (the /print/ page lists their sizes)

    @property
    def file(self):  # some MkDocs helpers look for page.file; data pages have none
        return None


@dataclass(frozen=True)
class ZoneLink:
    """What a member's page shows of a zone: an edit of its duties leaves the page as it is."""

    id: str
    name: str
    leads: bool
    roles: tuple[str, ...]  # the member's other roles there (技术负责人…), as the zone lists them
    status: str
    service_phone: str  # whom to call, on the page a desk plate's QR code opens (audit AR 5); "" once archived

    @classmethod
    def of(cls, zone, member_id: str) -> "ZoneLink":
        roles = tuple(dict.fromkeys(role.role.strip() for role in zone.listed_roles if role.member == member_id))
        phone = zone.service_phone if zone.status == "active" else ""
        return cls(zone.id, zone.name, zone.leader == member_id, roles, zone.status, phone or "")


def plan_pages(content: Content, urls: Urls, labels: Labels, site_url: str | None) -> list[DataPage]:
    """Every data page of the site, in a stable order."""
    pages = list(_pages(content, labels))
    if not urls.directory_urls:  # the folder addresses printed QR codes hold (zones/ID/), as redirects
        zones = [(zone.id, zone) for zone in content.zones] + list(content.zone_aliases.items())
        pages += [DataPage(f"zones/{name}/index.html", f"zones/{name}/", "redirect.html", zone.name,
                           {"target": ("zone", zone.id), "moved": name != zone.id}) for name, zone in zones]
        # every member's, not only this year's plates': a plate printed in an earlier year still opens its page
        members = [(m.id, m) for m in content.public_members] + list(content.member_aliases.items())
        pages += [DataPage(f"members/{name}/index.html", f"members/{name}/", "redirect.html", member.name,
                           {"target": ("member", member.id), "moved": name != member.id}) for name, member in members]
    for page in pages:
        page.url = page.url or urls.page(page.path)
        if site_url:
            page.canonical_url = site_url.rstrip("/") + "/" + page.url
    return pages


def _pages(content: Content, labels: Labels) -> Iterator[DataPage]:
    latest = content.latest_year
    yield DataPage("", "", "home.html", content.org.activity if content.org else labels.home, is_homepage=True)

    yield DataPage("members/", "", "members.html", labels.members)
    for member in content.public_members:
        # the year the site shows first, as the plate and the zone pages do; next year's after it
        pairs = content.commitments_of(member.id)
        begun = [pair for pair in pairs if not latest or pair[0] <= latest.year]
        yield DataPage(f"members/{member.id}/", "", "member.html", member.name, {
            "member": member,
            "commitments": begun,
            "upcoming": [pair for pair in reversed(pairs) if latest and pair[0] > latest.year],
            "open_year": latest.year if latest else None,  # the year whose review may still come
            "zones": [ZoneLink.of(z, member.id) for z in sorted(content.zones_of(member.id), key=lambda z: z.status == "archived")],  # active first
            "stories": content.stories_of(member.id),
            "honors": sorted(member.listed_honors, key=lambda h: h.year or 0, reverse=True),
        })
        for alias in member.aliases:
            yield DataPage(f"members/{alias}/", "", "redirect.html", member.name, {"target": ("member", member.id)})

    yield DataPage("zones/", "", "zones.html", labels.zones)
    for zone in content.zones:
        commitments = [  # an archived zone's members promise for their zones now, not for this one
            (m, c) for m in _zone_members(content, zone) for (_, c) in
            ([pair for pair in content.commitments_of(m.id) if latest and pair[0] == latest.year][:1])
        ] if zone.status != "archived" else []
        yield DataPage(f"zones/{zone.id}/", "", "zone.html", zone.name, {
            "zone": zone,
            "zone_members": _zone_members(content, zone),
            "results": content.results_of(zone.id),
            "zone_commitments": commitments,
            "year": latest.year if latest else None,
            "stories": [s for s in content.stories_by_date if s.meta.zone == zone.id],
        })
        for alias in zone.aliases:
            yield DataPage(f"zones/{alias}/", "", "redirect.html", zone.name, {"target": ("zone", zone.id)})

    yield DataPage("stories/", "", "stories.html", labels.stories)
    for story in content.stories_by_date:
        members = [content.member_by_id[m] for m in dict.fromkeys(story.meta.members) if m in content.member_by_id]
        yield DataPage(f"stories/{story.slug}/", "", "story.html", story.meta.title, {"story": story, "story_members": members})

    yield DataPage("commitments/", "", "commitments.html", labels.commitments)
    for year in content.years:
        counts = wall_counts(content, year)
        upcoming = bool(latest and year.year > latest.year)  # next year's, published in November (audit AS-A 6)
        split = len(counts) > 1 and sum(counts.values()) > WALL_ON_ONE_PAGE
        yield DataPage(f"commitments/{year.year}/", "", "year.html", f"{year.year} {labels.commitments_wall}", {
            "year": year, "branches": sorted(counts), "upcoming": upcoming, "branch_counts": counts if split else None,
        })
        for branch in counts if split else ():
            yield DataPage(f"commitments/{year.year}/{branch}/", "", "year.html",
                           f"{year.year} {labels.commitments_wall}：{content.branch_name(branch)}",
                           {"year": year, "branches": [branch], "upcoming": upcoming, "branch_page": branch})

    yield DataPage("assessments/", "", "assessments.html", labels.assessments)
    for period in content.periods:
        yield DataPage(f"assessments/{period.period}/", "", "period.html", f"{period_name(labels, period.period)}{labels.assessment_results}", {"period": period})

    yield DataPage("search/", "", "search.html", labels.search)


# a year's commitments past this are a page per branch, the year's page a list of them: at 5,000
# members one wall was 5 MB of HTML, 25 s to load on a phone (audit AS-AH H1)
WALL_ON_ONE_PAGE = 200


def wall_counts(content: Content, year) -> dict[str, int]:
    """The published commitments of a year, counted by branch, in org.yaml's order of branches."""
    counted: dict[str, int] = {}
    for commitment in year.commitments:
        member = content.member_by_id.get(commitment.member)
        if member is not None:
            counted[member.branch] = counted.get(member.branch, 0) + 1
    order = [branch.id for branch in content.org.branches] if content.org else []
    return {branch: counted[branch] for branch in sorted(counted, key=lambda b: (order.index(b) if b in order else len(order), b))}


def _zone_members(content: Content, zone) -> list:
    """The zone's published members: the leader first, then role holders, then the rest."""
    ordered = [zone.leader] + [r.member for r in zone.roles if r.member] + list(zone.members)
    seen, members = set(), []
    for member_id in ordered:
        member = content.member_by_id.get(member_id)
        if member is not None and member_id not in seen:
            seen.add(member_id)
            members.append(member)
    return members
