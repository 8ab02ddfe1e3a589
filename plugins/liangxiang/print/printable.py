"""A printable as the site shows it, and its drawing kept small until it is rendered."""

from __future__ import annotations

import pickle
from dataclasses import dataclass, field

from .drawing import Drawing
from .index import Summary
from .layout import read_from_m, size_label
from .plan import Planned


UNSHOWN_FACTS = ("bytes", "seconds")  # its exact size (kb is shown) and how long it took to render


@dataclass
class Printable:
    """A printable: where it goes in the site, its drawing and its cache key.

    The drawing holds what the /print/ page shows (size, title, notes), not the items: a printable
    laid out by this build keeps its whole drawing pickled until it is rendered (a live Drawing
    takes ten times the memory, and a large site has thousands), with the characters it prints."""

    kind: str  # 'signboards' | 'plates'
    id: str
    title: str
    note: str  # size, orientation and scheme, or the member's post
    drawing: Drawing
    key: str
    url: str  # what its QR code holds
    edition: str  # printed in its corner (drawing.edition)
    facts: dict = field(default_factory=dict)
    planned: Planned | None = field(default=None, repr=False, compare=False)
    packed: bytes | None = field(default=None, repr=False)  # the pickled pages, until rendered
    chars: str = ""  # every character it prints, for the cut-down font
    order_note: str = ""  # its 说明 in the order list: a sign's note, or how a plate is made (orderlist)

    def fingerprint(self) -> str:
        """What the /print/ page shows of it, for the page cache: its edition and its version, not
        its exact bytes."""
        facts = sorted((name, value) for name, value in self.facts.items() if name not in UNSHOWN_FACTS)
        return repr((self.kind, self.id, self.title, self.note, self.url, self.edition, self.version, self.size,
                     list(self.drawing.notes), self.drawing.reading, facts))

    @property
    def version(self) -> str:
        """Asked for with its files (`garden.pdf?v=…`): a server that lets browsers keep PDFs and
        images an hour (deploy/intranet.md) served the sign before an edit beside its new edition
        code (audit AS-P 1). Its cache key: it changes with the edition, and with the font, the
        bleed or the printing code, which change the bytes and not the edition."""
        return self.key[:8]

    @property
    def pdf(self) -> str:
        return f"print/{self.kind}/{self.id}.pdf"

    @property
    def png(self) -> str:
        return f"print/{self.kind}/{self.id}.png"

    @property
    def size(self) -> str:
        return size_label(self.drawing.width, self.drawing.height)

    @property
    def read_from(self) -> float:
        """How far off (m) a sign's duties are read."""
        return read_from_m(self.drawing.reading)

    @property
    def paper(self) -> str:
        """The size the print shop cuts, whichever way up: an A3 portrait and an A3 landscape are one."""
        return size_label(*sorted((self.drawing.width, self.drawing.height), reverse=True))


def by_paper(items: list[Printable]) -> list[Printable]:
    """The printables of each kind (signs, then plates, as they came) with those of one paper size
    together, the smaller first, in their order within it: a print shop prints a size at a time,
    and all.pdf in name order switched between four sizes (audit AS-X L2)."""
    kinds = list(dict.fromkeys(item.kind for item in items))
    return sorted(items, key=lambda item: (kinds.index(item.kind), sorted((round(item.drawing.width), round(item.drawing.height)))))


def outline(summary: Summary) -> Drawing:
    """A drawing without items: what the /print/ page shows of a printable that is not laid out."""
    return Drawing(summary.width, summary.height, "", title=summary.title, notes=list(summary.notes), reading=summary.reading)


def packed_drawing(drawing: Drawing) -> tuple[bytes, str]:
    """The drawing pickled as a render job's pages, and the characters it prints."""
    return pickle.dumps((drawing,), protocol=pickle.HIGHEST_PROTOCOL), "".join(set("".join(drawing.texts())))


def shown(facts: dict) -> dict:
    return {**facts, "kb": max(1, round(facts["bytes"] / 1024))}
