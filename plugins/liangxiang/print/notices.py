"""What the editor is told of printables that print, but not as written (set small, a photo
short of pixels, a character left out): said at the field it comes from, on every build, not only
on the one that laid the printable out."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Callable

from ..problems import Location, Problem, dotted
from .fitting import Squeezed
from .glyphs import as_written, is_emoji, left_out_said
from .images import SmallPhoto
from .index import Summary
from .layout import min_hanzi_mm, read_from_m
from .plan import Planned

SMALLEST_SAID = 1.1  # duties set within a tenth of the legible minimum are said (smallest)


def field_of(item: Planned, field: tuple, config_file: Path) -> tuple[Location, str]:
    """Where the field a layout names stands: ("member", "name") is the member's, ("promise",) the
    commitment's (a plate), ("duties",) the zone's (a sign)."""
    records = item.records
    if field == ("leader",) and item.kind == "signboard" and records["zone"].leader in item.people:
        field = ("people", records["zone"].leader, "name")  # the leader's name: what to shorten is in members.yaml
    if field == ("branch",) and records.get("org") is not None:  # a plate's branch: its name in org.yaml
        org = records["org"]
        at = next((index for index, branch in enumerate(org.branches) if branch.id == records["member"].branch), None)
        if at is not None:
            return org.at("branches", at, "name"), org.field_name("branches", at, "name")
    if field[0] == "people":  # ("people", member id, "name"): a name on a sign, said where it is written
        owner, path = item.people[field[1]], field[2:]
        return owner.at(*path), owner.field_name(*path)
    owner_key, path = (field[0], field[1:]) if field[0] in records else (None, field)
    owner = records[owner_key] if owner_key else records["zone" if item.kind == "signboard" else "commitment"]
    if owner is None:
        return Location(config_file.name), dotted(path)
    return owner.at(*path), owner.field_name(*path)


class PrintNotices:
    def __init__(self, said: list[Problem], config_file: Path, font_name: str, font_having: Callable[[str], str | None]):
        self.said, self.config_file = said, config_file  # said: the print stage's notices, added to here
        self.font_name, self.font_having = font_name, font_having

    def left_out(self, item: Planned, left_out: tuple, said: set) -> None:
        """Emoji and letters no face has, left out of a printable: said at the field on every build."""
        for field, chars, words in left_out:
            where, name = field_of(item, tuple(field), self.config_file)
            if (where, name, chars) not in said:  # the same field on another printable (an org's name)
                said.add((where, name, chars))
                found = self.font_having(chars) if as_written(chars) and not is_emoji(chars) else None
                self.said.append(Problem(where, name, *left_out_said(chars, words, self.font_name, found)))

    def squeezed(self, item: Planned, squeezed: tuple) -> None:
        """A printable set below the legible size, said to the editor on every build (not only on
        the one that laid it out)."""
        said = Squeezed(*squeezed)
        where, name = field_of(item, tuple(said.field), self.config_file)
        kind = "标志牌" if item.kind == "signboard" else "桌牌"
        if item.kind == "signboard" and said.field[0] == "org":  # said at org.yaml: which zone's sign
            kind = f"责任区 {item.id} 的{kind}"
        self.said.append(Problem(where, name, said.said(kind),
                                    said.hint or "精简这段文字，印出来才清楚"))

    def smallest(self, item: Planned, summary: Summary) -> None:
        """A sign whose duties came out at the legible minimum: read from up close only, though
        nothing was squeezed (audit AN 2: 10 long duties on A4, 3 mm Hanzi, said nowhere but /print/)."""
        zone = item.records["zone"]
        smallest = min_hanzi_mm(summary.width, summary.height)
        if summary.reading > smallest * SMALLEST_SAID:
            return
        self.said.append(Problem(
            zone.at("duties"), "duties",
            f"标志牌（{zone.signboard.size}）上的工作职责只能印到最小的字（字高约 {summary.reading:g} 毫米，"
            f"约 {read_from_m(summary.reading):g} 米内看得清）",
            "精简工作职责（每条一句话），或在 signboard.size 换大一些的标志牌"))

    def small_photo(self, item: Planned, small: SmallPhoto, said: dict[str, tuple[int, SmallPhoto]]) -> None:
        """A photo printed small for want of pixels, said to the editor at the member's photo, not
        only on /print/: once a build, naming every printable it is on (a leader's sign and plate),
        with the pixels the largest of them needs (the first one's, followed, met a new notice
        asking for more: audit AO 6)."""
        member = item.records.get("member")
        if member is None:
            return
        place = f"标志牌 {item.id} " if item.kind == "signboard" else "桌牌"
        if member.id in said:  # said already of another printable: that notice names this one too
            index, largest = said[member.id]
            first = self.said[index]
            if small.usual_mm > largest.usual_mm:
                largest = small
                said[member.id] = (index, small)
            self.said[index] = replace(first, message=f"{first.message}；{place}上也小（正常约 {small.usual_mm:.0f} 毫米）",
                                          hint=largest.advice())
            return
        said[member.id] = (len(self.said), small)
        self.said.append(Problem(member.at("photo"), member.field_name("photo"), f"{place}上的" + small.said(), small.advice()))
