"""A printable as plain data: what goes where on the sheet, in mm from the trim's top left.

Layouts produce a Drawing; pdf.py turns it into a PDF. Keeping them apart lets the build check
that everything fits before it writes anything, and gives the cache a complete, exact key.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Union


@dataclass(frozen=True)
class Text:
    x: float  # left end of the baseline
    y: float  # baseline
    text: str
    size: float  # em, mm
    color: str
    bold: bool = False


@dataclass(frozen=True)
class Box:
    x: float
    y: float
    w: float
    h: float
    fill: str | None = None
    stroke: str | None = None
    line: float = 0.0  # stroke width, mm
    radius: float = 0.0


@dataclass(frozen=True)
class Rule:
    x1: float
    y1: float
    x2: float
    y2: float
    color: str
    line: float
    dash: float = 0.0  # dash length, mm; 0 = solid


@dataclass(frozen=True)
class Picture:
    """An image fitted (cropped) into a box; the file is read and downscaled when the PDF is made."""

    x: float
    y: float
    w: float
    h: float
    # the original's absolute path; not in the repr, which makes the cache keys: the digest is,
    # so a site moved or copied to another folder still finds its printables in the cache
    source: str = field(repr=False)
    digest: str  # of the original's bytes: part of the cache key
    crop: bool = True  # cover the box (photos) or fit inside it (logos)


@dataclass(frozen=True)
class Code:
    """A QR code drawn as vector squares; (x, y) is the quiet zone's corner. Its modules are made
    from data when the PDF is drawn (segno is deterministic, and its version is in the cache key)."""

    x: float
    y: float
    module: float  # mm
    modules: int  # across, quiet zone not included
    quiet: int
    dark: str
    light: str
    data: str


@dataclass(frozen=True)
class Turned:
    """Items rotated by 180 degrees about (cx, cy): the upper face of a folded plate."""

    cx: float
    cy: float
    items: tuple


Item = Union[Text, Box, Rule, Picture, Code, Turned]


@dataclass
class Drawing:
    """One page of a printable at its trim size."""

    width: float
    height: float
    ground: str  # background colour, extended into the bleed
    items: list[Item] = field(default_factory=list)
    title: str = ""
    notes: list[str] = field(default_factory=list)  # for the person ordering it (shown on /print/)
    small_photo: tuple = ()  # images.SmallPhoto's fields, for the editor's notice
    reading: float = 0.0  # a sign's duties: the height of their Hanzi, mm (how far off they are read, on /print/)
    folds: tuple[float, ...] = ()  # where the sheet is folded, mm from its top: marked at its edges (pdf._fold_marks)

    def add(self, *items: Item) -> None:
        self.items.extend(items)

    def texts(self) -> list[str]:
        """Every piece of text on the page, in drawing order (for tests and checks)."""
        out: list[str] = []

        def walk(items) -> None:
            for item in items:
                if isinstance(item, Text):
                    out.append(item.text)
                elif isinstance(item, Turned):
                    walk(item.items)

        walk(self.items)
        return out


def edition(content: object) -> str:
    """Six characters that change when anything a printable says changes (words, people, photos'
    bytes, size, QR address) and with nothing else: not with a new font or new printing code. A
    print shop compares the one in a sign's corner with /print/ to know whether to print it anew."""
    return hashlib.sha256(repr(content).encode("utf-8")).hexdigest()[:6].upper()
