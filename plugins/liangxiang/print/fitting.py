"""Content that does not fit its printable at the smallest legible size is still printed.

The format sets no length on a name, the duties or the people of a zone: content written to it
must build. So a layout that overflows is tried again with its smallest sizes lowered step by
step; the first that fits is printed, and the editor and the person ordering it are told which
field to shorten, and how small the type became. Only content that fits at none of these steps
(hundreds of duties on an A4 sign) is an error.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from .drawing import Drawing
from .setter import Overflow

SQUEEZES = (0.9, 0.8, 0.72, 0.65, 0.57, 0.5, 0.42, 0.35)  # of the smallest legible sizes, tried in turn


@dataclass(frozen=True)
class Squeezed:
    """What did not fit at the smallest legible size (the Overflow it raised), and how far the type went below it."""

    field: tuple
    message: str
    hint: str
    squeeze: float

    def said(self, kind: str = "") -> str:
        """What was squeezed and how far ("…：标志牌已把最小字号缩小到 80% 印出…"); at 100%, only the
        QR code was made smaller."""
        if self.squeeze == 1.0:
            return f"{self.message}：{kind}已把二维码缩小印出，要走到跟前才扫得出"
        return f"{self.message}：{kind}已把最小字号缩小到 {self.squeeze:.0%} 印出，远处可能看不清"

    @property
    def note(self) -> str:
        """For the person ordering the printable (shown on /print/)."""
        return self.said() + (f"（{self.hint}）" if self.hint else "")


def fit_or_squeeze(compose: Callable[[float], Drawing]) -> tuple[Drawing, Squeezed | None]:
    """compose(1.0), or the first squeeze that fits, with what was squeezed; raises the first
    Overflow when none does. An Overflow that comes with a drawing whose QR code is for close
    scanning (a sheet too small for one read from afar) gives that drawing, its text unsqueezed."""
    try:
        return compose(1.0), None
    except Overflow as overflow:
        first = overflow
    if first.near is not None:
        squeezed = Squeezed(tuple(first.field), first.message, first.hint, 1.0)
        first.near.notes.insert(0, squeezed.note)
        return first.near, squeezed
    for squeeze in SQUEEZES:
        try:
            drawing = compose(squeeze)
        except Overflow:
            continue
        squeezed = Squeezed(tuple(first.field), first.message, first.hint, squeeze)
        drawing.notes.insert(0, squeezed.note)
        return drawing, squeezed
    raise first


MOST_SAID = 8  # overflowing fields said of one printable: each costs its layouts again


def every_overflow(first: Overflow, content, lay_out: Callable, least: Callable) -> list[Overflow]:
    """first, then each other field that overflows (one run says every error, and every field set
    small): the content is laid out again with each field named so far cut to its least
    (``least(content, field)``, None when nothing can be said past it, a sheet too small), until
    ``lay_out(content)`` raises no Overflow."""
    found, said = [first], {tuple(first.field)}
    while len(found) < MOST_SAID:
        content = least(content, tuple(found[-1].field))
        if content is None:
            break
        try:
            lay_out(content)
            break
        except Overflow as overflow:
            if tuple(overflow.field) in said:
                break
            said.add(tuple(overflow.field))
            found.append(overflow)
    return found


def also_squeezed(squeezed: Squeezed, content, at_size: Callable, least: Callable) -> list[Squeezed]:
    """The other fields of a printable set small for its first (``squeezed``) that would not fit at
    the legible size either (``at_size(content)`` lays it out there), each said too."""
    first = Overflow(squeezed.field, squeezed.message, squeezed.hint)
    return [Squeezed(tuple(each.field), each.message, each.hint, squeezed.squeeze)
            for each in every_overflow(first, content, at_size, least)[1:]]
