"""A zone's signboard (标志牌): what it says, laid out for its size, orientation and scheme.

Landscape: header, name, slogan, then three columns (people | scope and duties | QR code) over
a phone band. Portrait: header, name, slogan, scope and duties across, then people beside the
QR code, over the phone band. Text shrinks (and wraps) down to the sheet's smallest legible
size; below that, Overflow names the field to shorten.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import qr
from .drawing import Box, Drawing, Picture, Rule, Text
from .images import PHOTO_ASPECT, ImageRef, fit_inside
from .layout import SCHEMES, SIGN_QR_DPI, SignLayout, Type, min_em_mm, min_hanzi_mm, qr_module_mm, sheet_size, sign_layout, size_label
from .setter import Overflow, Setter
from .text import fit, fit_name, sizes, wrap


# Zone names nearly all end like this; a two-line name reads best broken just before it.
NAME_TAILS = ("优秀党员责任区", "党员责任区", "责任区")


@dataclass(frozen=True)
class Person:
    role: str
    name: str


@dataclass(frozen=True)
class SignContent:
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
    logo: ImageRef | None
    url: str
    size: str
    orientation: str
    scheme: str


@dataclass(frozen=True)
class SignWords:
    """The fixed words of a sign (from the site's label table)."""

    leader: str
    scope: str
    duties: str
    members: str
    phone: str
    caption: str


class _Sign:
    def __init__(self, sign: SignContent, words: SignWords, setter: Setter):
        self.sign, self.words, self.set = sign, words, setter
        self.width, self.height = sheet_size(sign.size, sign.orientation)
        self.u = min(self.width, self.height) / 100
        self.layout: SignLayout = sign_layout(sign.orientation)
        self.colors = SCHEMES[sign.scheme]
        self.floor = min_em_mm(self.width, self.height)
        self.drawing = Drawing(self.width, self.height, self.colors.ground, title=sign.name)
        lay, u = self.layout, self.u
        self.x0, self.y0 = lay.margin * u, lay.margin * u
        self.x1, self.y1 = self.width - lay.margin * u, self.height - lay.margin * u
        self.gap = lay.gap * u

    # -- sizes ----------------------------------------------------------------------------
    def em(self, kind: Type) -> float:
        return max(kind.em * self.u, self.floor)

    def lo(self, kind: Type) -> float:
        return min(self.em(kind), max(kind.min_em * self.u, self.floor))

    def fits_or_fail(self, text: str, kind: Type, width: float, field: tuple, what: str, height: float | None = None):
        fitted = fit(text, self.set.measure, width, self.em(kind), self.lo(kind), kind.lines, kind.bold, height, kind.leading)
        if fitted is None:
            raise Overflow(field, f"{what}太长，{self.where()}用最小字号也放不下", self.hint(what))
        return fitted

    def where(self) -> str:
        return f"{size_label(self.width, self.height)} 标志牌上（最小字高 {min_hanzi_mm(self.width, self.height):.1f} 毫米）"

    def hint(self, what: str) -> str:
        return f"请精简{what}，或在 signboard.size 里改用更大的尺寸（例如 80x60cm）"

    # -- blocks ---------------------------------------------------------------------------
    def frame(self) -> None:
        inset, u = self.layout.border * self.u, self.u
        self.drawing.add(Box(inset, inset, self.width - 2 * inset, self.height - 2 * inset,
                             stroke=self.colors.accent, line=0.35 * u, radius=1.2 * u))

    def header(self, y: float) -> float:
        """Logo and organization, centred; returns the height taken."""
        lay, u, sign = self.layout, self.u, self.sign
        logo_h = lay.logo * u
        logo_w = 0.0
        pad = 0.5 * u
        if sign.logo:
            logo_w, logo_h_real = fit_inside(sign.logo, logo_h * 3, logo_h - 2 * pad)
        name_w = self.x1 - self.x0 - (logo_w + 2 * pad + self.gap if logo_w else 0)
        fitted = fit(sign.org, self.set.measure, name_w, self.em(lay.org), self.lo(lay.org), 1, True)
        if fitted is None:
            raise Overflow(("org", "name"), f"单位名称太长，{self.where()}放不下", "在 org.yaml 里写简短一些的 name")
        text_w = self.set.width(fitted.lines[0], fitted.size, True)
        total = text_w + (logo_w + 2 * pad + self.gap if logo_w else 0)
        x = (self.width - total) / 2
        if sign.logo:
            tile = logo_w + 2 * pad
            self.drawing.add(Box(x, y, tile, logo_h, fill=self.colors.tile, radius=0.8 * u))
            self.drawing.add(Picture(x + pad, y + (logo_h - logo_h_real) / 2, logo_w, logo_h_real,
                                     sign.logo.path, sign.logo.digest, crop=False))
            x += tile + self.gap
        items, _ = self.set.lines(fitted.lines, x, y + (logo_h - fitted.size * 1.3) / 2, text_w, fitted.size,
                                  self.colors.text, True)
        self.drawing.add(*items)
        return logo_h

    def centred(self, text: str, kind: Type, y: float, field: tuple, what: str, color: str, budget: float | None = None) -> float:
        width = self.x1 - self.x0
        fitted = fit_name(text, self.set.measure, width, self.em(kind), self.lo(kind), kind.lines, kind.bold, budget,
                          kind.leading, NAME_TAILS if field == ("name",) else ())
        if fitted is None:
            raise Overflow(field, f"{what}太长，{self.where()}用最小字号也放不下", self.hint(what))
        items, height = self.set.lines(fitted.lines, self.x0, y, width, fitted.size, color, kind.bold, "center", kind.leading)
        self.drawing.add(*items)
        return height

    def qr_block(self) -> tuple[float, float, float]:
        """The code's side, the caption's size and height, before placing them."""
        modules = qr.side(self.sign.url)
        module = max(qr_module_mm(SIGN_QR_DPI), self.layout.qr * self.u / modules)
        side = modules * module
        caption = self.fits_or_fail(self.words.caption, self.layout.caption, side, ("signboard",), "二维码说明")
        return side, caption.size, len(caption.lines) * caption.size * self.layout.caption.leading

    def place_qr(self, x: float, y: float, side: float, caption_size: float) -> None:
        modules = qr.side(self.sign.url)
        colors = self.colors
        self.drawing.add(Box(x, y, side, side, fill=colors.tile, radius=0.6 * self.u))
        self.drawing.add(qr.code(self.sign.url, x, y, side / modules, colors.dark, colors.tile))
        lines = wrap(self.words.caption, self.set.measure, caption_size, side)
        items, _ = self.set.lines(lines, x, y + side + 0.4 * self.gap, side, caption_size, colors.body, False, "center",
                                  self.layout.caption.leading)
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

    def people(self, x: float, y: float, width: float, height: float, place: bool) -> float | None:
        """Lay out the leader, roles and members in a box; the size used, or None if nothing fits."""
        for size in sizes(self.em(self.layout.people), self.lo(self.layout.people)):
            items = self._people_at(x, y, width, size)
            if items is not None and items[1] <= height + 1e-6:
                if place:
                    self.drawing.add(*items[0])
                return size
        return None

    def _people_at(self, x: float, y: float, width: float, size: float):
        lay, u, colors, sign, s = self.layout, self.u, self.colors, self.sign, self.set
        scale = size / (lay.people.em * u)
        items: list = []
        photo_w = 0.0
        if sign.leader_photo:
            photo_w = min(lay.photo * u * min(scale, 1.0) ** 0.5, sign.leader_photo.max_mm(PHOTO_ASPECT), width * 0.5)
        text_x = x + (photo_w + self.gap if photo_w else 0)
        text_w = x + width - text_x
        label_size = max(self.floor, min(self.em(lay.label), lay.label.em * u * scale))
        name_fit = fit(sign.leader, s.measure, text_w, max(self.em(lay.leader) * scale, self.floor), self.floor, 1, True)
        if name_fit is None or s.width(self.words.leader, label_size, True) > text_w:
            return None
        block, h = s.lines([self.words.leader], text_x, y, text_w, label_size, colors.soft, True)
        items += block
        block, h2 = s.lines(name_fit.lines, text_x, y + h, text_w, name_fit.size, colors.text, True)
        items += block
        top = y + h + h2
        if photo_w:
            photo_h = photo_w / PHOTO_ASPECT
            items.append(Box(x - 0.25 * u, y - 0.25 * u, photo_w + 0.5 * u, photo_h + 0.5 * u, fill=colors.accent))
            items.append(Picture(x, y, photo_w, photo_h, sign.leader_photo.path, sign.leader_photo.digest))
            # the post goes beside the photo when it fits there, else under it
            detail = wrap(sign.leader_detail, s.measure, size, text_w) if sign.leader_detail else []
            if top + len(detail) * size * 1.3 <= y + photo_h:
                block, h = s.lines(detail, text_x, top, text_w, size, colors.body)
                items += block
                detail = []
            top = y + photo_h + 0.25 * u
        else:
            detail = wrap(sign.leader_detail, s.measure, size, width) if sign.leader_detail else []
        if detail:
            block, h = s.lines(wrap(sign.leader_detail, s.measure, size, width), x, top + 0.3 * size, width, size, colors.body)
            items += block
            top += h + 0.3 * size
        top += 0.5 * self.gap
        for person in sign.roles:
            parts = [(person.role, size, colors.soft, False, size * 0.5), (person.name, size, colors.text, True, 0)]
            if s.runs_width(parts) <= width:
                items += s.runs(parts, x, top, size, size * 1.3)
                top += size * 1.3
            else:
                block, h = s.lines(wrap(person.role, s.measure, size, width), x, top, width, size, colors.soft)
                items += block
                top += h
                block, h = s.lines(wrap(person.name, s.measure, size, width, True), x, top, width, size, colors.text, True)
                items += block
                top += h
        if sign.members:
            text = self.words.members + "：" + "、".join(sign.members)
            block, h = s.lines(wrap(text, s.measure, size, width), x, top, width, size, colors.body)
            items += block
            top += h
        return items, top - y

    def body_size(self, width: float, height: float) -> float | None:
        """The largest size at which scope and duties fit the box; None when none does."""
        return next((size for size in sizes(self.em(self.layout.body), self.lo(self.layout.body))
                     if self._body_at(0, 0, width, size)[1] <= height + 1e-6), None)

    def body(self, x: float, y: float, width: float, height: float) -> None:
        """Scope and duties at the largest size that fits; Overflow names the field that does not."""
        size = self.body_size(width, height)
        if size is not None:
            self.drawing.add(*self._body_at(x, y, width, size)[0])
            return
        size = self.lo(self.layout.body)
        _, used, (scope_h, duties_h) = self._body_at(x, y, width, size)
        field, what = (("duties",), "工作职责") if duties_h >= scope_h else (("scope",), "责任范围")
        lines = max(1, round((used - height) / (size * self.layout.body.leading) + 0.49))
        raise Overflow(field, f"{what}太长，{self.where()}用最小字号还差约 {lines} 行", self.hint(what))

    def _body_at(self, x: float, y: float, width: float, size: float):
        lay, colors, s = self.layout, self.colors, self.set
        leading = lay.body.leading
        label_size = max(self.floor, size * lay.label.em / lay.body.em)
        items, top = [], y
        block, h = s.lines([self.words.scope], x, top, width, label_size, colors.soft, True)
        items += block
        top += h
        block, h = s.lines(wrap(self.sign.scope, s.measure, size, width), x, top, width, size, colors.body, leading=leading)
        items += block
        top += h
        scope_h = top - y
        top += 0.5 * size
        start = top
        block, h = s.lines([self.words.duties], x, top, width, label_size, colors.soft, True)
        items += block
        top += h
        count = len(self.sign.duties)
        indent = s.width(f"{count}.", size) + 0.4 * size
        for number, duty in enumerate(self.sign.duties, 1):
            lines = wrap(duty, s.measure, size, width - indent)
            block, h = s.lines(lines, x + indent, top, width - indent, size, colors.body, leading=leading)
            items += block
            items.append(Text(round(x, 3), block[0].y, f"{number}.", round(size, 3), colors.text, True))
            top += h + 0.15 * size
        return items, top - y, (scope_h, top - start)

    # -- the two arrangements -------------------------------------------------------------
    def compose(self) -> Drawing:
        lay, u = self.layout, self.u
        self.frame()
        y = self.y0 + self.header(self.y0) + self.gap
        title = lay.title
        y += self.centred(self.sign.name, title, y, ("name",), "责任区名称", self.colors.text,
                          budget=2 * title.em * u * title.leading) + 0.4 * self.gap
        if self.sign.slogan:
            y += self.centred(self.sign.slogan, lay.slogan, y, ("slogan",), "口号", self.colors.body)
        y += 0.6 * self.gap
        self.drawing.add(Rule(self.x0, y, self.x1, y, self.colors.accent, 0.3 * u))
        y += self.gap
        side, caption_size, caption_h = self.qr_block()
        if self.sign.orientation == "landscape":
            self._landscape(y, side, caption_size, caption_h)
        else:
            self._portrait(y, side, caption_size, caption_h)
        return self.drawing

    def _too_small(self) -> Overflow:
        return Overflow(("signboard", "size"), f"{size_label(self.width, self.height)} 的标志牌放不下能在远处扫描的二维码和全部内容",
                        "在 signboard.size 里改用更大的尺寸（例如 60x40cm 或 80x60cm）")

    def _landscape(self, top: float, side: float, caption_size: float, caption_h: float) -> None:
        lay, u, gap = self.layout, self.u, self.gap
        qr_x = self.x1 - side
        group_h = side + 0.4 * gap + caption_h
        if group_h > self.y1 - top:
            raise self._too_small()
        self.place_qr(qr_x, top + (self.y1 - top - group_h) / 2, side, caption_size)
        band_w = qr_x - 1.5 * gap - self.x0
        size = self.phone_size(band_w, stacked=False)
        band_top = self.y1 - self.phone_height(size, False)
        self.phone(self.x0, band_top, band_w, size, stacked=False)
        bottom = band_top - gap
        people_w = lay.people_width * u
        if self.people(self.x0, top, people_w, bottom - top, place=True) is None:
            raise self._people_overflow()
        body_x = self.x0 + people_w + 1.5 * gap
        self.drawing.add(Rule(body_x - 0.75 * gap, top, body_x - 0.75 * gap, bottom, self.colors.accent, 0.15 * u))
        self.body(body_x, top, qr_x - 1.5 * gap - body_x, bottom - top)

    def _portrait(self, top: float, side: float, caption_size: float, caption_h: float) -> None:
        """Scope and duties across; below them the people over the phone, beside the QR code."""
        gap = self.gap
        group_h = side + 0.4 * gap + caption_h
        left_w = self.x1 - side - 1.5 * gap - self.x0
        size = self.phone_size(left_w, stacked=True)
        phone_h = self.phone_height(size, True)
        row_h = self._balance(top, group_h, phone_h, left_w)
        row_top = self.y1 - row_h
        if row_top - 1.2 * gap - top <= 0:
            raise self._too_small()
        self.place_qr(self.x1 - side, self.y1 - group_h, side, caption_size)
        self.people(self.x0, row_top, left_w, row_h - phone_h - gap, place=True)
        self.phone(self.x0, self.y1 - phone_h, left_w, size, stacked=True)
        self.drawing.add(Rule(self.x0, row_top - 0.6 * gap, self.x1, row_top - 0.6 * gap, self.colors.accent, 0.15 * self.u))
        self.body(self.x0, top, self.x1 - self.x0, row_top - 1.2 * gap - top)

    def _balance(self, top: float, group_h: float, phone_h: float, left_w: float) -> float:
        """The bottom row's height that gives people and duties the most even type (portrait)."""
        lay, best = self.layout, None
        for row_h in _heights(group_h, self.y1 - top):
            people = self.people(self.x0, 0, left_w, row_h - phone_h - self.gap, False)
            if people is None:
                continue
            body = self.body_size(self.x1 - self.x0, self.y1 - row_h - 1.2 * self.gap - top) or 0.0
            score = min(people / self.em(lay.people), body / self.em(lay.body))
            if best is None or score > best[0] + 1e-9:
                best = (score, row_h)
        if best is None:
            raise self._people_overflow()
        return best[1]

    def _people_overflow(self) -> Overflow:
        field = ("roles",) if self.sign.roles else ("members",)
        return Overflow(field, f"责任区人员太多，{self.where()}用最小字号也放不下", "减少 roles 或 members 里的人员，或改用更大的标志牌（signboard.size）")


def _heights(start: float, stop: float, steps: int = 24):
    """start, then taller, up to stop."""
    for step in range(0, steps + 1):
        yield start + (stop - start) * step / steps


def compose_sign(sign: SignContent, words: SignWords, setter: Setter) -> Drawing:
    """The signboard's drawing; raises Overflow when content does not fit at the smallest legible size."""
    return _Sign(sign, words, setter).compose()
