"""The blocks a signboard is built from: header, names, QR code, phone band, scope and duties.

Sizes are in u (a hundredth of the sheet's short side) from layout.py, never below the sheet's
smallest legible size times ``squeeze`` (1 unless the content does not fit otherwise); a block that
cannot fit raises Overflow naming the field to shorten.
"""

from __future__ import annotations

from dataclasses import replace

from ..titles import TITLE_BREAK_BEFORE, TITLE_TERMS, org_breaks, title_breaks, word_breaks
from . import qr
from .drawing import Box, Drawing, Picture, Text, edition
from .images import SmallPhoto, fit_inside
from .layout import (QR_PIXELS_PER_MODULE, SCHEMES, SMALLEST_EM, SignboardLayout, Type, min_em_mm, min_hanzi_mm, qr_module_mm, sheet_size,
                     SIGNBOARD_QR_DPI, signboard_layout, size_label)
from .setter import Overflow, Setter
from .signboardcontent import SignboardContent, SignboardWords
from .namefit import fit_name
from .text import fit, largest, sizes, wrap

MAX_MEASURE = 40  # characters per line: twice this fits, and duties go in two columns
WORDS_AT = 0.9  # scope and duties break between words when that keeps this much of their size
BODY_GROWTH = 1.25  # a portrait sign's scope and duties may grow this much past their size when they are few
LANDSCAPE_GROWTH = 1.4  # a landscape sign's people, and their column, when its body fits beside them this much larger
UNWRAPPED_GROWTH = 1.75  # and this much while no line wraps that did not (and still under the name): a sparse sign is not an empty band
SPREAD = 0.5  # and the gaps between them may open by this many ems
CROWDED = 1.3  # duties set below this many times the legible size are near it
PAIRED_GAIN = 1.15  # a long signboard's duties go in two columns when that sets them this much larger


ELONGATED = 1.5  # height / width: past this (a 400x1200 mm sign on a pillar), type grows with the height too


def wide_growth(width: float, height: float) -> float:
    """How much a wide sheet's body may grow past its size (a 1200x400 mm long signboard: 1.5 times): its
    type is set by the height, and the width beside it would stand empty."""
    return min(1.5, max(1.0, width / height / ELONGATED))


def unit(width: float, height: float) -> float:
    """u, in mm: a hundredth of the short side; more on a sheet taller than 2:3, whose blocks
    would otherwise leave its lower part empty (at most 1.5 times, at 1:4.5). A wide sheet keeps
    it: its blocks stand side by side, and taller type would leave the body less height."""
    return min(width, height) / 100 * min(1.5, max(1.0, height / width / ELONGATED) ** 0.5)


class SignboardBlocks:
    """A sign being drawn: its sheet, scheme and type scale, and the blocks placed so far."""

    def __init__(self, sign: SignboardContent, words: SignboardWords, setter: Setter, qr_pixels: float = QR_PIXELS_PER_MODULE,
                 squeeze: float = 1.0, qr_at_floor: bool = False, head: float = 1.0):
        self.sign, self.words, self.set, self.squeeze = sign, words, setter, squeeze
        self.qr_at_floor = qr_at_floor  # the code no bigger than its pixels at 20 dpi need, not the layout's size
        self.width, self.height = sheet_size(sign.size, sign.orientation)
        self.qr_module = qr_module_mm(SIGNBOARD_QR_DPI, qr_pixels)
        self.u = unit(self.width, self.height)
        self.layout: SignboardLayout = yielded(signboard_layout(sign.orientation), head)
        self.colors = SCHEMES[sign.scheme]
        self.legible = min_em_mm(self.width, self.height)
        self.floor = max(self.legible * squeeze, min(self.legible, SMALLEST_EM))
        self.drawing = Drawing(self.width, self.height, self.colors.ground, title=sign.name)
        lay, u = self.layout, self.u
        self.x0, self.y0 = lay.margin * u, lay.margin * u
        self.x1, self.y1 = self.width - lay.margin * u, self.height - lay.margin * u
        self.gap = lay.gap * u
        self.small_photo: SmallPhoto | None = None  # the leader's, printed small: the person ordering the sign should know
        self.paired = False  # a long signboard's short duties in two columns (see body)
        self.body_set = 0.0  # the duties' size, once set (see body)
        self.people_set = 0.0  # the roles' and members' (see people.PeopleBlock.people)
        self.role_tables: dict[float, tuple[float, float]] = {}  # the roles' table widths by size (people.PeopleBlock)
        self._measured: dict[tuple, tuple] = {}  # scope and duties measured (see _body_at)

    # -- sizes ----------------------------------------------------------------------------
    @property
    def crowded(self) -> bool:
        """Whether the duties were set near the sheet's smallest legible size, or smaller than the
        people beside them: another arrangement of the sheet may set them a good deal larger (see
        signboard._compose)."""
        return self.body_set < CROWDED * self.legible or self.body_set < self.people_set

    def em(self, kind: Type) -> float:
        return max(kind.em * self.u, self.legible)

    def lo(self, kind: Type) -> float:
        return min(self.em(kind), max(max(kind.min_em * self.u, self.legible) * self.squeeze, self.floor))

    def where(self) -> str:
        return f"{size_label(self.width, self.height)} 标志牌上（最小字高 {min_hanzi_mm(self.width, self.height):.1f} 毫米）"

    def hint(self, what: str) -> str:
        return f"请精简{what}"

    # -- blocks ---------------------------------------------------------------------------
    def frame(self) -> None:
        inset, u = self.layout.border * self.u, self.u
        self.drawing.add(Box(inset, inset, self.width - 2 * inset, self.height - 2 * inset,
                             stroke=self.colors.accent, line=0.35 * u, radius=1.2 * u))

    def mark_edition(self) -> None:
        """The content's edition code, small in the band between the frame and the safe area."""
        inset, u = self.layout.border * self.u, self.u
        size = max(SMALLEST_EM, 0.9 * u)
        band = (self.layout.margin - self.layout.border) * u
        items, _ = self.set.lines([f"{self.words.edition} {edition(self.sign)}"], self.x0, self.height - inset - band,
                                  self.x1 - self.x0, size, self.colors.accent, align="right", leading=band / size)
        self.drawing.add(*items)

    def header(self, y: float) -> float:
        """Logo and organization, centred; returns the height taken. A long official name takes
        two lines (broken between its places and words), else the short name is printed."""
        lay, u, sign = self.layout, self.u, self.sign
        logo_h = lay.logo * u
        logo_w = 0.0
        pad = 0.5 * u
        if sign.logo:
            logo_w, logo_h_real = fit_inside(sign.logo, logo_h * 3, logo_h - 2 * pad)
        name_w = self.x1 - self.x0 - (logo_w + 2 * pad + self.gap if logo_w else 0)
        fitted = self._org_lines(name_w)
        text_w = max(self.set.width(line, fitted.size, True) for line in fitted.lines)
        text_h = len(fitted.lines) * fitted.size * 1.3
        height = max(logo_h, text_h)
        total = text_w + (logo_w + 2 * pad + self.gap if logo_w else 0)
        x = (self.width - total) / 2
        if sign.logo:
            tile, top = logo_w + 2 * pad, y + (height - logo_h) / 2
            self.drawing.add(Box(x, top, tile, logo_h, fill=self.colors.tile, radius=0.8 * u))
            self.drawing.add(Picture(x + pad, top + (logo_h - logo_h_real) / 2, logo_w, logo_h_real,
                                     sign.logo.path, sign.logo.digest, crop=False))
            x += tile + self.gap
        items, _ = self.set.lines(fitted.lines, x, y + (height - text_h) / 2, text_w, fitted.size, self.colors.text, True,
                                  "center", 1.3)
        self.drawing.add(*items)
        return height

    def _org_lines(self, width: float):
        kind, org = self.layout.org, self.sign.org
        one = fit(org, self.set.measure, width, self.em(kind), self.lo(kind), 1, True)
        if one is not None:
            return one
        two = fit_name(org, self.set.measure, width, self.em(kind), self.lo(kind), 2, True, None, 1.3,
                       org_breaks(org), (), "", word_breaks, whole=True)
        if two is not None:
            return two
        if self.sign.org_short and (short := fit(self.sign.org_short, self.set.measure, width, self.em(kind), self.lo(kind), 1, True)):
            return short
        if self.sign.org_short:
            raise Overflow(("org", "short_name"), f"单位简称太长，{self.where()}放不下", "在 org.yaml 里写简短一些的 short_name")
        raise Overflow(("org", "name"), f"单位名称太长，{self.where()}两行也放不下",
                       "在 org.yaml 里加一行 short_name（单位简称）：全称放不下时，标志牌印简称")

    def centred(self, text: str, kind: Type, y: float, field: tuple, what: str, color: str, budget: float | None = None) -> float:
        width = self.x1 - self.x0
        breaks = ((title_breaks(text), TITLE_TERMS, TITLE_BREAK_BEFORE, word_breaks, True) if field == ("name",) else
                  (clause_breaks(text), (), "", word_breaks) if field == ("slogan",) else ())  # …亮承诺、/ 亮标准, not 亮承 / 诺
        fitted = fit_name(text, self.set.measure, width, self.em(kind), self.lo(kind), kind.lines, kind.bold, budget,
                          kind.leading, *breaks)
        if fitted is None:
            raise Overflow(field, f"{what}太长，{self.where()}用最小字号也放不下", self.hint(what))
        items, height = self.set.lines(fitted.lines, self.x0, y, width, fitted.size, color, kind.bold, "center", kind.leading)
        self.drawing.add(*items)
        return height

    def qr_block(self):
        """The code's side (quiet zone included) and its caption, set on one line if it can be."""
        modules = qr.side(self.sign.url)
        side = modules * (self.qr_module if self.qr_at_floor else max(self.qr_module, self.layout.qr * self.u / modules))
        kind, measure = self.layout.caption, self.set.measure
        caption = (fit(self.words.caption, measure, side, self.em(kind), self.lo(kind), 1)
                   or fit_name(self.words.caption, measure, side, self.em(kind), self.lo(kind), kind.lines, False, None,
                               kind.leading, clause_breaks(self.words.caption), (), "", word_breaks))
        if caption is None:
            raise Overflow(("signboard", "size"), f"{size_label(self.width, self.height)} 的标志牌太小，放不下二维码", "")
        if caption.size < SMALLEST_EM - 1e-6:
            # under the smallest type anything is printed in (1.6 mm beside a door plate's 19 mm code:
            # audit AS-Z L5): the code stands alone, as a code read up close explains itself
            caption = replace(caption, lines=())
        return side, caption

    def place_qr(self, x: float, y: float, side: float, caption) -> None:
        modules = qr.side(self.sign.url)
        colors = self.colors
        self.drawing.add(Box(x, y, side, side, fill=colors.tile, radius=0.6 * self.u))
        self.drawing.add(qr.code(self.sign.url, x, y, side / modules, colors.dark, colors.tile))
        items, _ = self.set.lines(caption.lines, x, y + side + 0.4 * self.gap, side, caption.size, colors.body, False,
                                  "center", self.layout.caption.leading)
        self.drawing.add(*items)

    def phone_size(self, width: float, stacked: bool) -> float:
        """The largest phone size that fits the width, beside its label or under it."""
        lay, u = self.layout, self.u
        label = self.em(lay.label)
        for size in sizes(self.em(lay.phone), self.lo(lay.phone)):
            need = self.set.width(self.sign.phone, size, True)
            if not stacked:
                need += self.set.width(self.words.phone, label, True) + 1.6 * u
            if need <= width - 4.0 * u:
                return size
        raise Overflow(("service_phone",), f"服务电话太长，{self.where()}放不下", "只写一个电话号码，例如 0317-2721365")

    def phone_height(self, size: float, stacked: bool) -> float:
        label = self.em(self.layout.label)
        return (label * 1.3 + size * 1.2 + 1.6 * self.u) if stacked else size * 1.45

    def phone(self, x: float, y: float, width: float, size: float, stacked: bool) -> None:
        """The service phone in large type on a band of the text colour."""
        lay, u, colors = self.layout, self.u, self.colors
        label = self.em(lay.label)
        height = self.phone_height(size, stacked)
        self.drawing.add(Box(x, y, width, height, fill=colors.text, radius=1.0 * u))
        if stacked:
            block, h = self.set.lines([self.words.phone], x, y + 0.8 * u, width, label, colors.ground, True, "center")
            self.drawing.add(*block)
            block, _ = self.set.lines([self.sign.phone], x, y + 0.8 * u + h, width, size, colors.ground, True, "center", 1.2)
            self.drawing.add(*block)
            return
        parts = [(self.words.phone, label, colors.ground, True, 1.6 * u), (self.sign.phone, size, colors.ground, True, 0)]
        left = x + (width - self.set.runs_width(parts)) / 2
        self.drawing.add(*self.set.runs(parts, left, y, size, height))

    def body_size(self, width: float, height: float, by_words: bool = False) -> float | None:
        """The largest size at which scope and duties fit the box; None when none does."""
        return largest(sizes(self.em(self.layout.body), self.lo(self.layout.body)),
                       lambda size: self._body_at(0, 0, width, size, by_words=by_words)[1] <= height + 1e-6)

    def body_fits(self, width: float, height: float, growth: float) -> bool:
        """Whether scope and duties fit the box at ``growth`` times their size."""
        return self._body_at(0, 0, width, growth * self.em(self.layout.body))[1] <= height + 1e-6

    def grown(self, size: float, kind, growth: float, fits) -> float:
        """A block set at its full size grown up to ``growth`` times while it ``fits``: a few lines
        on a long signboard set larger, not amid empty bands."""
        if growth > 1 and size >= round(self.em(kind), 3):
            return largest(sizes(growth * size, size), fits) or size
        return size

    def body(self, x: float, y: float, width: float, height: float, centre: bool = False, growth: float = 1.0,
             unwrapped: bool = False) -> None:
        """Scope and duties at the largest size that fits; Overflow names the field that does not.
        With room to spare they grow up to ``growth`` times (BODY_GROWTH when centred), and when
        centred or ``unwrapped`` up to UNWRAPPED_GROWTH while they take no more lines: a few
        duties set larger, not amid empty bands. On a long signboard, or where one column sets them
        below their size (20 short duties on 60x40 cm), short duties go in two columns when that
        sets them a good deal larger than one column does."""
        growth = BODY_GROWTH if centre else growth
        self.paired = False
        plan = self._body_plan(width, height, growth, centre or unwrapped)
        shrunk = plan is None or plan[0] < round(self.em(self.layout.body), 3)  # set below their size in one column
        if len(self.sign.duties) > 2 and (wide_growth(self.width, self.height) > 1 or shrunk):
            self.paired = True
            paired = self._body_plan(width, height, growth)
            self.paired = paired is not None and (plan is None or paired[0] > PAIRED_GAIN * plan[0])
            plan = paired if self.paired else plan
        if plan is not None:
            size, words = plan
            self.body_set = size  # what the duties were set at: signboard._compose weighs layouts by it
            items, used, _ = self._body_at(x, y, width, size, by_words=words)
            if height > used:  # what is still spare opens the gaps between scope and duties a little
                gaps = len(self.sign.duties)
                spread = min(SPREAD * size, (height - used) / (gaps + 2))
                items, used, _ = self._body_at(x, y, width, size, spread, by_words=words)
            shift = (height - used) / 2 if centre else 0.0
            self.drawing.add(*(moved(item, shift) for item in items))
            self.paired = False  # sizes asked for later are of one column
            return
        size = self.lo(self.layout.body)
        _, used, (scope_h, duties_h) = self._body_at(x, y, width, size)
        field, what = (("duties",), "工作职责") if duties_h >= scope_h else (("scope",), "责任范围")
        lines = max(1, round((used - height) / (size * self.layout.body.leading) + 0.49))
        raise Overflow(field, f"{what}太长，{self.where()}用最小字号还差约 {lines} 行", self.hint(what))

    def _body_plan(self, width: float, height: float, growth: float, unwrapped: bool = False) -> tuple[float, bool] | None:
        """The size scope and duties are set at in the box, and whether they break between words.
        ``unwrapped``: past ``growth``, up to UNWRAPPED_GROWTH while they take no more lines."""
        size = self.body_size(width, height)
        if size is None:
            return None
        # whole words, when that costs little of the size (…设爱心座椅和老花镜, not …和老 / 花镜); only
        # when some line wraps: finding words loads a dictionary
        in_words = self.body_size(width, height, by_words=True) if self._wraps(width, size) else None
        words = in_words is not None and in_words >= WORDS_AT * size
        size = in_words if words else size

        def fits(grown: float) -> bool:
            return self._body_at(0, 0, width, grown, by_words=words)[1] <= height + 1e-6

        grown = self.grown(size, self.layout.body, growth, fits)
        if unwrapped and UNWRAPPED_GROWTH > growth:
            lines = self._lines(width, size, words)

            def fits_unwrapped(bigger: float) -> bool:  # one layout for both questions
                items, used, _ = self._body_at(0, 0, width, bigger, by_words=words)
                return used <= height + 1e-6 and _text_lines(items) <= lines

            grown = max(grown, self.grown(size, self.layout.body, UNWRAPPED_GROWTH, fits_unwrapped))
        return grown, words

    def _lines(self, width: float, size: float, by_words: bool) -> int:
        return _text_lines(self._body_at(0, 0, width, size, by_words=by_words)[0])

    def _wraps(self, width: float, size: float) -> bool:
        """Whether scope or a duty takes more lines at size than it was written in."""
        written = 2 + sum(1 for line in self.sign.scope.split("\n") if line.strip()) + 2 * len(self.sign.duties)  # labels, numbers
        return self._lines(width, size, False) > written

    def body_overflows(self, width: float, height: float) -> bool:
        """Whether scope and duties overflow width x height at their smallest size in one column
        and in two: then they fit no box inside it (any arrangement's), however it is cut up."""
        smallest = self.lo(self.layout.body)
        return all(self._body_at(0, 0, width, smallest, columns=columns)[1] > height + 1e-6
                   for columns in ((1, 2) if len(self.sign.duties) > 1 else (1,)))

    def _body_at(self, x: float, y: float, width: float, size: float, spread: float = 0.0, by_words: bool = False,
                 columns: int = 0):
        """(items, height, (scope's height, duties' height)) of scope and duties set at (x, y). A
        measure (at 0, 0) is remembered: the searches for a column's width, a row's height and the
        size ask the same ones again and again (2,900 for 690 different, audit AE)."""
        if x or y or spread:
            return self._set_body(x, y, width, size, spread, by_words, columns)
        asked = (width, size, by_words, self.paired, columns)
        if asked not in self._measured:
            self._measured[asked] = self._set_body(0.0, 0.0, width, size, 0.0, by_words, columns)
        return self._measured[asked]

    def _set_body(self, x: float, y: float, width: float, size: float, spread: float, by_words: bool, columns: int):
        lay, colors, s = self.layout, self.colors, self.set
        label_size = max(self.floor, size * lay.label.em / lay.body.em)
        items, top = [], y
        block, h = s.lines([self.words.scope], x, top, width, label_size, colors.soft, True)
        items += block
        top += h
        block, h = s.lines(wrap(self.sign.scope, s.measure, size, width, by_words=by_words), x, top, width, size, colors.body, leading=lay.body.leading)
        items += block
        top += h
        scope_h = top - y
        top += 0.5 * size + spread
        start = top
        block, h = s.lines([self.words.duties], x, top, width, label_size, colors.soft, True)
        items += block
        top += h
        # lines far longer than MAX_MEASURE are hard to follow: very wide signs set duties in two
        # columns; so do duties paired by body() (set larger that way: short ones leave most of a
        # wide column empty, and a long one wraps within its half)
        gap = 2 * size
        columns = columns or (2 if len(self.sign.duties) > 1 and (width / size >= 2 * MAX_MEASURE or self.paired) else 1)
        column_w = (width - gap * (columns - 1)) / columns
        numbered = list(enumerate(self.sign.duties, 1))
        split = self._split(column_w, size, by_words) if columns == 2 else len(numbered)
        bottom = top
        for index, part in enumerate((numbered[:split], numbered[split:])[:columns]):
            more, end = self._duties(part, x + index * (column_w + gap), top, column_w, size, spread, by_words)
            items += more
            bottom = max(bottom, end)
        return items, bottom - y, (scope_h, bottom - start)

    def _split(self, width: float, size: float, by_words: bool) -> int:
        """How many duties go in the first of two columns: the split whose taller column is the
        shortest (the first column rather the longer), in order, so that they read down then across."""
        s, indent = self.set, self.set.width(f"{len(self.sign.duties)}.", size) + 0.4 * size
        lines = [len(wrap(duty, s.measure, size, width - indent, by_words=by_words)) for duty in self.sign.duties]
        total = sum(lines)
        return min(range(1, len(lines)), key=lambda at: (max(sum(lines[:at]), total - sum(lines[:at])), -at))

    def _duties(self, numbered, x: float, top: float, width: float, size: float, spread: float = 0.0, by_words: bool = False):
        s, colors, leading = self.set, self.colors, self.layout.body.leading
        indent = s.width(f"{len(self.sign.duties)}.", size) + 0.4 * size
        items = []
        for number, duty in numbered:
            lines = wrap(duty, s.measure, size, width - indent, by_words=by_words)
            block, h = s.lines(lines, x + indent, top, width - indent, size, colors.body, leading=leading)
            items.append(Text(round(x, 3), block[0].y, f"{number}.", round(size, 3), colors.text, True))
            items += block  # the number first: text extracted from the PDF reads "1. ..."
            top += h + 0.15 * size + spread
        return items, top - spread


def clause_breaks(text: str) -> tuple[int, ...]:
    """Where a slogan may break: after the punctuation between its clauses."""
    return tuple(at + 1 for at, char in enumerate(text[:-1]) if char in "，；、：！？。,;:!?")


def yielded(layout: SignboardLayout, head: float) -> SignboardLayout:
    """The layout with its title and slogan at ``head`` times their size: what a crowded sign gives
    up before its duties go below the legible size (a 27 mm title over 4 mm duties reads backwards)."""
    if head == 1.0:
        return layout
    return replace(layout, title=replace(layout.title, em=layout.title.em * head),
                   slogan=replace(layout.slogan, em=layout.slogan.em * head))


def _text_lines(items) -> int:
    return sum(isinstance(item, Text) for item in items)


def moved(item, dy: float):
    """A text item dy further down (anything else stays)."""
    return replace(item, y=round(item.y + dy, 3)) if dy and isinstance(item, Text) else item
