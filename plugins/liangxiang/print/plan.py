"""Which printables a site has, and what each one says, resolved from the records."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields, replace
from typing import Any

from ..content import Content
from ..model import Member, Record, Zone
from ..site.view import Labels, Urls
from ..values import UNSEEN
from .images import ImageRef, image_ref
from .plate import PlateContent, PlateWords
from .signboardcontent import Person, SignboardContent, SignboardWords


@dataclass
class Planned:
    """One printable before layout: its kind, id, what it says and the records it comes from."""

    kind: str  # 'signboard' | 'plate'
    id: str
    content: Any  # SignboardContent | PlateContent
    records: dict[str, Record]  # field owner -> record, for pointing errors at the right line
    people: dict[str, Member] = field(default_factory=dict)  # id -> member, for each one a sign prints


# Characters that draw nothing: zero-width spaces and joiners, bidi marks, soft hyphens, the BOM, and
# variation selectors (❤️ is ❤ + U+FE0F). Text pasted from phones and web pages carries them, and no
# print font has a glyph for them, so they are left out of printables rather than refused.
# They are values.UNSEEN and the joiners and variation selectors that the site keeps for emoji.
_INVISIBLE = re.compile(f"{UNSEEN.pattern}|[\u200c\u200d\ufe00-\ufe0f\U000e0100-\U000e01ef]")


def inked(value: Any) -> Any:
    """value with invisible characters taken out of every text it prints (strings, tuples, dataclasses);
    file paths are kept as written."""
    if isinstance(value, ImageRef):
        return value
    if isinstance(value, str):
        return _INVISIBLE.sub("", value)
    # the same object back when nothing was taken out (re.sub returns such a text itself): no copies
    if isinstance(value, tuple):
        items = tuple(inked(item) for item in value)
        return value if all(now is before for now, before in zip(items, value)) else items
    if hasattr(value, "__dataclass_fields__") and not isinstance(value, type):
        now = {f.name: inked(getattr(value, f.name)) for f in fields(value) if f.init}
        return value if all(now[name] is getattr(value, name) for name in now) else replace(value, **now)
    return value


def address(site_url: str, urls: Urls, kind: str, key: str) -> str:
    """What a printed QR code holds: the site's address plus the page's folder address (zones/ID/),
    the format's, whatever use_directory_urls says: a sign outlives a change of that setting, and
    without directory URLs the folder address is a redirect to the page (site.pages)."""
    return site_url.rstrip("/") + "/" + Urls(True).of(kind, key)


def signboard_words(labels: Labels) -> SignboardWords:
    return SignboardWords(labels.leader, labels.scope, labels.duties, labels.zone_members, labels.service_phone,
                          labels.print_qr_zone, labels.print_edition)


def plate_words(labels: Labels) -> PlateWords:
    return PlateWords(labels.print_plate_heading, labels.print_plate_heading_probationary, labels.print_plate_promise,
                      labels.print_qr_member, labels.print_plate_year,
                      labels.standard, labels.print_edition)


def plan_signboards(content: Content, urls: Urls, site_url: str) -> list[Planned]:
    """One signboard per active zone; archived zones are not printed."""
    # a member who has left (status: former) keeps a marked page, but a new sign does not name them
    serving = {m for m, member in content.member_by_id.items() if member.status != "former"}
    return [_signboard(content, zone, urls, site_url, serving) for zone in content.active_zones]


def _lines(text: str | None) -> str:
    """A text written over lines (`standard: |`), its lines kept (the guide says they print so)."""
    return "\n".join(line.strip() for line in (text or "").splitlines() if line.strip())


def _detail(member: Member) -> str:
    return " · ".join(member.post_and_title)


def _workplace(member: Member, org) -> tuple[Record, tuple, str] | None:
    """(record, field, text) of where a member works, told beside a namesake's name on a sign."""
    if member.department or member.post:
        return (member, ("department",), member.department) if member.department else (member, ("post",), member.post)
    branch = next((b for b in org.branches if b.id == member.branch), None) if org else None
    return (org, ("branches",), branch.name) if branch else None


def told_apart(content: Content, zone: Zone, serving: set[str]) -> dict[str, str]:
    """id -> the name a sign prints: two members of one name (王磊, 王磊) each with where they work."""
    people = content.member_by_id
    ids = [m for m in dict.fromkeys([zone.leader, *(r.member for r in zone.roles if r.member), *zone.members]) if m in people]
    names = [people[m].name for m in ids if m in serving]
    shown = {}
    for m in ids:
        member, where = people[m], _workplace(people[m], content.org)
        shown[m] = f"{member.name}（{where[2]}）" if names.count(member.name) > 1 and where else member.name
    return shown


def _signboard(content: Content, zone: Zone, urls: Urls, site_url: str, serving: set[str]) -> Planned:
    people = content.member_by_id
    leader = people.get(zone.leader)
    name_of = told_apart(content, zone, serving)
    roles = tuple(
        Person(role.role, name_of[role.member] if role.member else role.name)
        for role in zone.listed_roles if role.name or role.member in serving
    )
    named = {zone.leader} | {role.member for role in zone.roles if role.member}
    members = tuple(name_of[m] for m in dict.fromkeys(zone.members) if m in serving and m not in named)
    org = content.org
    sign = SignboardContent(
        name=zone.name, slogan=zone.slogan or "", scope=zone.scope, duties=tuple(zone.listed_duties),
        phone=zone.service_phone,
        leader=leader.name if leader else zone.leader, leader_detail=_detail(leader) if leader else "",
        leader_photo=image_ref(content.docs_dir, leader.photo) if leader else None,
        roles=roles, members=members, org=org.name if org else "", org_short=(org.short_name or "") if org else "",
        logo=image_ref(content.docs_dir, org.logo) if org else None,
        url=address(site_url, urls, "zone", zone.id),
        size=zone.signboard.size, orientation=zone.signboard.orientation, scheme=zone.signboard.scheme,
    )
    printed = {m: people[m] for m in [*named, *zone.members] if m in serving and m in people}
    return Planned("signboard", zone.id, inked(sign), {"zone": zone, "org": org, "member": leader}, printed)


def plan_plates(content: Content, urls: Urls, site_url: str) -> list[Planned]:
    """One plate per published member with a commitment in the latest year that has any."""
    year, org, planned = content.plates_year, content.org, []
    for member_id, commitment in content.plate_commitments.items():
        member = content.member_by_id[member_id]
        plate = PlateContent(
            name=member.name, department=member.department or "", detail=_detail(member), branch=content.branch_name(member.branch),
            promise=commitment.promise, standard=_lines(commitment.standard), photo=image_ref(content.docs_dir, member.photo),
            org=(org.short_name or org.name) if org else "", org_is_short=bool(org and org.short_name),
            url=address(site_url, urls, "member", member.id),
            year=year.year, probationary=_probationary(member),
        )
        planned.append(Planned("plate", member.id, inked(plate), {"member": member, "commitment": commitment, "org": org}))
    return planned


def _probationary(member) -> bool:
    """A probationary member (预备党员), as the editor wrote it in the member's title, post or tags
    (format v1 has no field for it): the plate's band must not call them 共产党员 (audit AS-AF L7)."""
    return any("预备党员" in (text or "") for text in (member.title, member.post, *member.tags))


def printed_texts(planned: Planned) -> list[tuple[Record | None, tuple, str]]:
    """(record, field, text) for every piece of content a printable prints: for the glyph check."""
    c, r = planned.content, planned.records
    if planned.kind == "signboard":
        zone: Zone = r["zone"]
        out = [(zone, ("name",), c.name), (zone, ("slogan",), c.slogan), (zone, ("scope",), c.scope),
               (zone, ("service_phone",), c.phone), (r["org"], ("name",), c.org), (r["org"], ("short_name",), c.org_short)]
        out += [(zone, ("duties", i), duty) for i, duty in enumerate(zone.duties)]  # as written: the places are the file's
        # a member's name is said at members.yaml, where it is written, not at each sign naming them
        people = planned.people
        for i, role in enumerate(zone.roles):
            if role.member and role.member not in people:
                continue  # left (status: former): not printed
            out.append((zone, ("roles", i, "role"), inked(role.role)))
            out.append((people[role.member], ("name",), inked(people[role.member].name)) if role.member
                       else (zone, ("roles", i, "name"), inked(role.name or "")))
        out += [(people[m], ("name",), inked(people[m].name)) for m in dict.fromkeys(zone.members) if m in people]
        # where a namesake works, printed beside the name (told_apart)
        printed = set(c.members) | {role.name for role in c.roles}
        told = [(member, _workplace(member, r["org"])) for member in people.values()]
        out += [(where[0], where[1], inked(where[2])) for member, where in told
                if where and inked(f"{member.name}（{where[2]}）") in printed]
        if r["member"] is not None:
            out += [(r["member"], ("name",), c.leader), (r["member"], ("post",), c.leader_detail)]
        return out
    member: Member = r["member"]
    return [(member, ("name",), c.name), (member, ("department",), c.department), (member, ("post",), c.detail),
            (r["commitment"], ("promise",), c.promise), (r["commitment"], ("standard",), c.standard),
            (r["org"], ("short_name",) if c.org_is_short else ("name",), c.org), (r["org"], ("branches",), c.branch)]
