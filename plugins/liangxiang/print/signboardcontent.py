"""What a signboard says, resolved from the records (names, not ids), and its fixed words."""

from __future__ import annotations

from dataclasses import dataclass

from .images import ImageRef


@dataclass(frozen=True)
class Person:
    role: str
    name: str


@dataclass(frozen=True)
class SignboardContent:
    """Everything a sign says, resolved from the records (names, not ids)."""

    name: str
    slogan: str
    scope: str
    duties: tuple[str, ...]
    phone: str
    leader: str
    leader_detail: str  # post and title
    leader_photo: ImageRef | None
    roles: tuple[Person, ...]
    members: tuple[str, ...]  # the zone's other members
    org: str
    org_short: str  # printed when the full name does not fit in two lines
    logo: ImageRef | None
    url: str
    size: str
    orientation: str
    scheme: str


@dataclass(frozen=True)
class SignboardWords:
    """The fixed words of a sign (from the site's label table)."""

    leader: str
    scope: str
    duties: str
    members: str
    phone: str
    caption: str
    edition: str  # before the edition code in a corner (drawing.edition)
