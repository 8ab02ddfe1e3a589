"""Layouts as data: sheet sizes, colours, margins and the type scale of each printable.

Signboard measures are in units of u = the sheet's short side / 100 (4 mm on a 60x40 cm sign,
6 mm on 80x60 cm, 2.97 mm on A3), so one table serves every size of one orientation; the
minimum type size and the QR code's module are set in millimetres (see below), because they
come from how far people stand, not from the sheet.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .text import HANZI_HEIGHT

MM_PER_INCH = 25.4
BLEED = 3.0  # mm of background beyond the trim: what Chinese print shops ask for (出血 3 mm)
SLUG = 10.0  # mm beyond the trim on a bleed page: the bleed plus room for the crop marks
MARK_GAP, MARK_LENGTH = 3.5, 5.0  # crop marks start clear of the bleed and stop short of the page edge

NAMED_SIZES = {"60x40cm": (600.0, 400.0), "80x60cm": (800.0, 600.0), "A3": (420.0, 297.0), "A4": (297.0, 210.0)}
LARGEST_PAGE = 5000.0  # mm: PDF pages stop at 200 inches


def paper_name(width: float, height: float) -> str:
    """'A3' or 'A4' for a sheet of that size, whichever way up; '' for any other."""
    sides = sorted((round(width), round(height)), reverse=True)
    return next((name for name, named in NAMED_SIZES.items() if name.startswith("A") and list(named) == sides), "")


def sheet_size(size: str, orientation: str) -> tuple[float, float]:
    """(width, height) in mm of a signboard.size as the format spells it."""
    if size in NAMED_SIZES:
        long, short = NAMED_SIZES[size]
    else:
        match = re.fullmatch(r"([0-9]+)x([0-9]+)mm", size)
        long, short = sorted((float(match.group(1)), float(match.group(2))), reverse=True)
    return (long, short) if orientation == "landscape" else (short, long)


def size_label(width: float, height: float, millimetres: bool = False) -> str:
    """'60 × 40 cm' for whole centimetres, '297 × 420 mm' otherwise (and always, in millimetres)."""
    if width % 10 == 0 and height % 10 == 0 and not millimetres:
        return f"{width / 10:g} × {height / 10:g} cm"
    return f"{width:g} × {height:g} mm"


# Reading distance and the smallest type. A sign hangs 1.5-1.8 m high at a zone's entrance and
# is read standing in front of it; the bigger the sign, the further back people stand: about
# 2.5 times its short side (1 m for 60x40 cm, 1.5 m for 80x60 cm, 0.74 m for A3). We keep the
# ink of a Hanzi (its "cap height") at no less than 1/180 of that distance, 0.32 degrees:
# 5.6 mm on a 60x40 cm sign, 8.3 mm on 80x60 cm, 4.1 mm on A3, 2.9 mm on A4. That is the
# angle of 7 pt type held at 40 cm: small print, still read fluently by normal eyes, while
# Hanzi's dense strokes blur into blots not much below it. Text is set smaller only when the
# content fits no other way (fitting.py), and the editor is told which field to shorten.
READING_DISTANCE_PER_SHORT_SIDE = 2.5
SMALLEST_EM = 2.0  # mm (about 6 pt): what content too long for the legible size is never set below (fitting.py)
MIN_HANZI_PER_DISTANCE = 1 / 180


def read_from_m(hanzi_mm: float) -> float:
    """How far off (m) text whose Hanzi are this high (mm) is read: at MIN_HANZI_PER_DISTANCE of it."""
    return round(hanzi_mm / MIN_HANZI_PER_DISTANCE / 1000, 1)


def min_hanzi_mm(width: float, height: float) -> float:
    return min(width, height) * READING_DISTANCE_PER_SHORT_SIDE * MIN_HANZI_PER_DISTANCE


def min_em_mm(width: float, height: float) -> float:
    """The smallest font size (em, mm) whose Hanzi reach min_hanzi_mm."""
    return min_hanzi_mm(width, height) / HANZI_HEIGHT


# QR codes. zxing-cpp reads a code rendered by pdftoppm at 20 dpi (what a phone's camera makes
# of a sign from 1.5-2 m) down to about 1.4 pixels per module, at any sub-pixel offset; we give
# every module 2 pixels at that resolution so that blur, dirt and a slanted view still leave a
# margin. Every sign, an A4 one too, is read at that distance: a sign hangs on a wall or a post,
# and people scan it from where they stand. Plates are read from a desk at arm's length: 2 pixels at 100 dpi.
SIGNBOARD_QR_DPI, PLATE_QR_DPI = 20, 100
QR_PIXELS_PER_MODULE = 2.0
# A4 and A3 signs cannot spare a 2-pixel code beside typical duties; there the code falls back
# to 1.6 pixels per module, still clear of the decoder's 1.4 floor.
COMPACT_QR_PIXELS_PER_MODULE = 1.6


def qr_module_mm(dpi: float, pixels: float = QR_PIXELS_PER_MODULE) -> float:
    return pixels * MM_PER_INCH / dpi


# A sheet too small for a code scanned from 1.5-2 m (a 20 x 10 cm door plate) is read from up
# close: its code is sized for the sheet's own reading distance, as its text is, and never below
# a desk plate's, which is read at arm's length.
SIGNBOARD_QR_DISTANCE = 1750.0  # mm: what SIGNBOARD_QR_DPI stands for


def near_qr_pixels(width: float, height: float) -> float:
    """Pixels a module at SIGNBOARD_QR_DPI that give the code of a sign read from its own distance."""
    distance = min(width, height) * READING_DISTANCE_PER_SHORT_SIDE
    return QR_PIXELS_PER_MODULE * max(distance / SIGNBOARD_QR_DISTANCE, SIGNBOARD_QR_DPI / PLATE_QR_DPI)


# Photos: never printed under 150 dpi; downscaled to 300 dpi at their printed size.
PHOTO_MIN_DPI, PHOTO_DPI = 150, 300


@dataclass(frozen=True)
class Scheme:
    ground: str  # the sign's background
    text: str  # names, headings and the phone
    body: str  # running text
    accent: str  # rules and the border
    soft: str  # labels
    tile: str  # the light square behind the QR code and photos
    dark: str  # the QR code's modules: black, printed in black ink alone (pdf._code)


# Red ground, gold text (红底黄字): gold on this red is about 5:1 in contrast.
# White ground, red text (白底红字): the red is about 7:1 on white.
SCHEMES = {
    "red-gold": Scheme("#B3121A", "#FFD75E", "#FFE9A8", "#E9B949", "#F6D27A", "#FFFFFF", "#000000"),
    "white-red": Scheme("#FFFFFF", "#B3121A", "#7A0C12", "#C8161D", "#B3121A", "#FFFFFF", "#000000"),
}


@dataclass(frozen=True)
class Type:
    """A text role: its largest size, its smallest (0 = the sheet's minimum legible), lines, weight."""

    em: float  # in u
    min_em: float = 0.0  # in u; 0 means min_em_mm of the sheet
    lines: int = 1
    bold: bool = False
    leading: float = 1.3


@dataclass(frozen=True)
class SignboardLayout:
    margin: float  # safe area inside the trim
    border: float  # the decorative frame, inside the trim
    gap: float  # between blocks
    logo: float  # logo height
    org: Type
    title: Type
    slogan: Type
    label: Type  # 党员负责人, 责任范围, 工作职责 ...
    leader: Type  # the leader's name
    people: Type  # roles and names
    body: Type  # scope and duties
    phone: Type
    caption: Type  # under the QR code
    photo: float  # the leader photo's width (3:4 portrait)
    people_width: float  # the people column (landscape) or half (portrait)
    qr: float  # the QR code's target width, quiet zone included


LANDSCAPE = SignboardLayout(
    margin=6.0, border=3.0, gap=2.4, logo=7.0,
    org=Type(3.2, 2.2, bold=True),
    title=Type(8.0, 3.0, lines=3, bold=True, leading=1.2),
    slogan=Type(3.6, 0, lines=2),
    label=Type(2.5, 0, bold=True),
    leader=Type(4.2, 2.4, bold=True),
    people=Type(2.5, 0, lines=3),
    body=Type(3.0, 0, lines=99, leading=1.35),
    phone=Type(6.5, 3.5, bold=True),
    caption=Type(1.9, 0, lines=2),
    photo=15.0, people_width=30.0, qr=24.0,
)

PORTRAIT = SignboardLayout(
    margin=6.0, border=3.0, gap=2.6, logo=8.0,
    org=Type(3.6, 2.4, bold=True),
    title=Type(7.5, 3.2, lines=3, bold=True, leading=1.2),
    slogan=Type(4.0, 0, lines=2),
    label=Type(2.8, 0, bold=True),
    leader=Type(4.6, 2.6, bold=True),
    people=Type(2.8, 0, lines=3),
    body=Type(3.2, 0, lines=99, leading=1.35),
    phone=Type(7.0, 4.0, bold=True),
    caption=Type(2.3, 0, lines=2),
    photo=20.0, people_width=50.0, qr=28.0,
)


def signboard_layout(orientation: str) -> SignboardLayout:
    return LANDSCAPE if orientation == "landscape" else PORTRAIT


# Desk plates: A4 portrait folded across the middle into a tent; each face is 210 x 148.5 mm,
# read across a desk (about 0.5-0.8 m), in mm.
PLATE_SHEET = (210.0, 297.0)
PLATE_FACE = (210.0, 148.5)


@dataclass(frozen=True)
class PlateLayout:
    margin: float = 10.0
    band: float = 22.0  # the red band at the face's top
    heading: float = 9.0  # em of the band's words
    photo: float = 42.0  # width; 3:4
    name: float = 16.0
    name_min: float = 9.0
    detail: float = 5.2  # post, title, branch
    detail_min: float = 3.6
    promise: float = 9.0
    promise_alone: float = 13.0  # a promise of one line grows up to this (the name is 16)
    promise_min: float = 3.6  # about 10 pt: still read easily across a desk
    promise_lines: int = 3
    standard_lines: int = 3  # under the promise: the "六个一" standard of three lines (AS-M 4)
    qr: float = 30.0
    caption: float = 3.2


PLATE = PlateLayout()
