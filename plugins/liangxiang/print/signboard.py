"""A zone's signboard (标志牌): what it says, laid out for its size, orientation and scheme.

Landscape: header, name, slogan, then three columns (people | scope and duties | QR code) over
a phone band. Portrait: header, name, slogan, scope and duties across, then people and the
phone beside the QR code. Text shrinks (and wraps) down to the sheet's smallest legible size;
below that, Overflow names the field to shorten.
"""

from __future__ import annotations

from dataclasses import astuple, replace
from typing import Iterator

from .drawing import Drawing, Rule
from .layout import COMPACT_QR_PIXELS_PER_MODULE, NAMED_SIZES, near_qr_pixels, sheet_size, size_label
from .people import PeopleBlock
from .setter import Overflow, Setter
from .text import HANZI_HEIGHT
from .signboardblocks import BODY_GROWTH, LANDSCAPE_GROWTH, wide_growth
from .signboardcontent import SignboardContent, SignboardWords


class _Signboard(PeopleBlock):
    # -- the two arrangements -------------------------------------------------------------
    def compose(self) -> Drawing:
        lay, u = self.layout, self.u
        self.frame()
        self.mark_edition()
        y = self.y0 + self.header(self.y0) + self.gap
        title = lay.title
        y += self.centred(self.sign.name, title, y, ("name",), "责任区名称", self.colors.text,
                          budget=2 * title.em * u * title.leading) + 0.4 * self.gap
        if self.sign.slogan:
            y += self.centred(self.sign.slogan, lay.slogan, y, ("slogan",), "口号", self.colors.body)
        y += 0.6 * self.gap
        self.drawing.add(Rule(self.x0, y, self.x1, y, self.colors.accent, 0.3 * u))
        y += self.gap
        side, caption = self.qr_block()
        if self.sign.orientation == "landscape":
            self._landscape(y, side, caption)
        else:
            self._portrait(y, side, caption)
        if self.small_photo:
            self.drawing.notes, self.drawing.small_photo = [self.small_photo.note()], astuple(self.small_photo)
        self.drawing.reading = round(self.body_set * HANZI_HEIGHT, 1)
        return self.drawing

    def _too_small(self) -> Overflow:
        return _too_small(self.width, self.height)

    def _landscape(self, top: float, side: float, caption) -> None:
        lay, u, gap = self.layout, self.u, self.gap
        qr_x = self.x1 - side
        group_h = side + 0.4 * gap + len(caption.lines) * caption.size * self.layout.caption.leading
        if group_h > self.y1 - top:
            raise self._too_small()
        self.place_qr(qr_x, top + (self.y1 - top - group_h) / 2, side, caption)
        band_w = qr_x - 1.5 * gap - self.x0
        size = self.phone_size(band_w, stacked=False)
        band_top = self.y1 - self.phone_height(size, False)
        self.phone(self.x0, band_top, band_w, size, stacked=False)
        bottom = band_top - gap
        # a long signboard: its people grow as its body does, and their column widens with them, as far
        # as the body beside still fits; so do a sign's with few duties (its body fits larger beside)
        growth, shared = wide_growth(self.width, self.height), qr_x - 3 * gap - self.x0
        people_growth = growth * BODY_GROWTH if growth > 1 else growth
        sparse = growth * LANDSCAPE_GROWTH
        few = sparse > people_growth and self.body_fits(shared - lay.people_width * u * sparse, bottom - top, sparse)
        people_growth = sparse if few else people_growth
        people_w = lay.people_width * u * people_growth
        if people_growth > growth and self.body_size(shared - people_w, bottom - top) is None:
            people_growth, people_w = growth, lay.people_width * u * growth
        people_w = self._people_width(people_w, top, bottom, shared, people_growth)
        if self.people(self.x0, top, people_w, bottom - top, place=False, growth=people_growth) is None:
            raise self._people_overflow()
        body_x = self.x0 + people_w + 1.5 * gap
        self.drawing.add(Rule(body_x - 0.75 * gap, top, body_x - 0.75 * gap, bottom, self.colors.accent, 0.15 * u))
        # a few duties grow rather than leave the lower half of their column empty, and further while
        # they take no more lines; on a long signboard, as much again (its type is set by its short side)
        self.body(body_x, top, qr_x - 1.5 * gap - body_x, bottom - top, growth=growth * (LANDSCAPE_GROWTH if few else BODY_GROWTH), unwrapped=few)
        # the people no larger than the duties: what the sign is for comes first
        self.people(self.x0, top, people_w, bottom - top, place=True, growth=people_growth, at_most=self.body_set)

    def _portrait(self, top: float, side: float, caption) -> None:
        """Scope and duties across; below them the people over the phone, beside the QR code.

        On a narrow sheet where the phone does not fit beside the code, it runs across the foot.
        """
        gap = self.gap
        group_h = side + 0.4 * gap + len(caption.lines) * caption.size * self.layout.caption.leading
        left_w = self.x1 - side - 1.5 * gap - self.x0
        bottom, beside = self.y1, True
        try:
            size = self.phone_size(left_w, stacked=True)
            phone_h = self.phone_height(size, True)
        except Overflow:
            beside, size = False, self.phone_size(self.x1 - self.x0, stacked=False)
            phone_h = self.phone_height(size, False)
            bottom = self.y1 - phone_h - gap
            self.phone(self.x0, bottom + gap, self.x1 - self.x0, size, stacked=False)
        reserved = phone_h + gap if beside else 0.0
        row_h = self._balance(top, bottom, group_h, reserved, left_w)
        row_top = bottom - row_h
        if row_top - 1.2 * gap - top <= 0:
            raise self._too_small()
        self.place_qr(self.x1 - side, bottom - group_h, side, caption)
        self.people(self.x0, row_top, left_w, row_h - reserved, place=True)
        if beside:
            self.phone(self.x0, bottom - phone_h, left_w, size, stacked=True)
        self.drawing.add(Rule(self.x0, row_top - 0.6 * gap, self.x1, row_top - 0.6 * gap, self.colors.accent, 0.15 * self.u))
        try:
            self.body(self.x0, top, self.x1 - self.x0, row_top - 1.2 * gap - top, centre=True)
        except Overflow:
            if self.body_size(self.x1 - self.x0, bottom - group_h - 1.2 * gap - top) is None:
                raise  # too long even above the smallest row: the duties (or scope) are what to shorten
            raise self._people_overflow(beside_duties=True) from None  # the people's row took the room

    def _people_width(self, width: float, top: float, bottom: float, shared: float, growth: float) -> float:
        """The people column's width (landscape): the layout's, unless its people would be set
        smaller than their size there, or the duties beside them smaller than the people; then as wide as gives people and
        duties the most even type (six roles beside three duties: a wider column, not 15 pt roles
        beside 42 pt duties; fourteen duties beside six roles: a narrower one, not duties set
        smaller than the roles)."""
        lay, height = self.layout, bottom - top
        people, narrowest = self.people(self.x0, top, width, height, False, growth), width
        if people is not None and people >= round(self.em(lay.people), 3):
            body = self.body_size(shared - width, height)  # at most their size: so are the people compared
            if body is not None and body >= min(people, self.em(lay.people)):
                return width
            narrowest = NARROWEST * width
            if body is None and self.body_size(shared - min(narrowest, 0.6 * shared), height) is None:
                return width  # not even the widest duties' column fits them: body() says so, after 1 search rather than 17
        # the widths tried grow, and the duties' column beside narrows (on a squarish sheet the
        # layout's column may be wider than 0.6 of the row: then they shrink, audit AF)
        widening = 0.6 * shared > narrowest
        best = None
        for step in range(0, 17):
            tried = narrowest + (0.6 * shared - narrowest) * step / 16
            people = self.people(self.x0, top, tried, height, False, growth)
            if people is None:
                continue
            body = self.body_size(shared - tried, height)
            if body is None:
                if widening:
                    break  # the duties' column only narrows from here
                continue
            # the most even; of widths as even, the one that sets the people largest (a narrower
            # column that gives the duties nothing takes nothing from the people)
            score = (round(min(people / self.em(lay.people), body / self.em(lay.body)), 3), people)
            if best is None or score > best[0]:
                best = (score, tried)
        return width if best is None else best[1]

    def _balance(self, top: float, bottom: float, group_h: float, reserved: float, left_w: float) -> float:
        """The bottom row's height that gives people and duties the most even type (portrait)."""
        lay, best = self.layout, None
        for row_h in _heights(group_h, bottom - top):
            people = self.people(self.x0, 0, left_w, row_h - reserved, False)
            if people is None:
                continue
            body = self.body_size(self.x1 - self.x0, bottom - row_h - 1.2 * self.gap - top) or 0.0
            score = min(people / self.em(lay.people), body / self.em(lay.body))
            if best is None or score > best[0] + 1e-9:
                best = (score, row_h)
        if best is None:
            raise self._people_overflow()
        return best[1]

    def _people_overflow(self, beside_duties: bool = False) -> Overflow:
        if not self.sign.roles and not self.sign.members:
            return Overflow(("leader",), f"负责人的姓名太长，{self.where()}用最小字号也放不下", "如果姓名里写进了职务、单位等，删掉它们（职务写在 title）")
        field = ("roles",) if self.sign.roles else ("members",)
        if beside_duties:
            return Overflow(field, f"责任区党员和人员太多，{self.where()}和工作职责一起用最小字号放不下",
                            "减少 roles 或 members 里的人员，或者精简工作职责")
        return Overflow(field, f"责任区党员和人员太多，{self.where()}用最小字号也放不下", "减少 roles 或 members 里的人员")


def _heights(start: float, stop: float, steps: int = 24):
    """start, then taller, up to stop."""
    for step in range(0, steps + 1):
        yield start + (stop - start) * step / steps


def compose_signboard(sign: SignboardContent, words: SignboardWords, setter: Setter, squeeze: float = 1.0,
                      advise: bool = True) -> Drawing:
    """The signboard's drawing; raises Overflow when content does not fit at the smallest legible
    size (times squeeze).

    Its hint names the format's sizes, no smaller than this one, that the content was tried on and
    fits (type grows with the sheet, so a bigger sign of the same shape holds no more; another
    shape may). A smaller sign is never offered: it would hold more only by being read closer.
    advise=False tries no other size (fitting.every_overflow's later fields: sizes the content
    with its first field cut fits would mislead).
    """
    try:
        return _compose(sign, words, setter, squeeze)
    except Overflow as overflow:
        if squeeze == 1.0:
            overflow = _blamed(overflow, sign, words, setter)
        if squeeze == 1.0 and advise:
            area = _area(sign.size)
            tried = sorted(((size, orientation) for size in NAMED_SIZES for orientation in ("landscape", "portrait")
                            if (size, orientation) != (sign.size, sign.orientation)),
                           key=lambda each: (_area(each[0]), each[1] != sign.orientation))  # the next size up first
            fitting = _first_two(tried, sign, words, setter, lambda size: _area(size) >= area)
            if not fitting and overflow.field == ("signboard", "size"):  # a long strip (5000x100mm): its shape, not its area
                fitting = _first_two(tried, sign, words, setter, lambda size: True)
            whose = " signboard" if overflow.field[0] != "org" else "这个责任区的 signboard"  # said at org.yaml
            first = "换一个尺寸：把" if overflow.field == ("signboard", "size") else "或把"  # the size's hint says why, not what to do
            advice = f"{first}{whose} 改成 {' 或 '.join(fitting)}（试排过，能放下）" if fitting else ""
            overflow.hint = "；".join(part for part in (overflow.hint, advice) if part)
        if (squeeze == 1.0 and overflow.field == ("signboard", "size")) or (squeeze < 1.0 and not _fits(_least(sign), words, setter)):
            overflow.near = _near(sign, words, setter, squeeze)
            if overflow.near is not None and squeeze < 1.0:
                return overflow.near  # fit_or_squeeze says what was squeezed
        raise overflow from None


# each field a sign may overflow at, cut to the least it could say (fitting.every_overflow); past a
# sheet too small (signboard.size) nothing more is said: every field would overflow it
_LEAST = {("name",): lambda sign: {"name": sign.name[:6]}, ("slogan",): lambda sign: {"slogan": ""},
          ("scope",): lambda sign: {"scope": ""}, ("duties",): lambda sign: {"duties": ("巡查",)},
          ("roles",): lambda sign: {"roles": ()}, ("members",): lambda sign: {"members": ()},
          ("leader",): lambda sign: {"leader": sign.leader[:3], "leader_detail": ""},
          ("service_phone",): lambda sign: {"phone": "12345"},
          ("org", "name"): lambda sign: {"org": "党委", "org_short": ""}, ("org", "short_name"): lambda sign: {"org": "党委", "org_short": ""}}


def signboard_at_least(sign: SignboardContent, field: tuple) -> SignboardContent | None:
    """The sign with the field an Overflow named cut to its least: what else overflows is then said too."""
    return replace(sign, **_LEAST[field](sign)) if field in _LEAST else None


def _near(sign: SignboardContent, words: SignboardWords, setter: Setter, squeeze: float) -> Drawing | None:
    """The sign with its code sized for the sheet's own reading distance, on a sheet too small for
    one scanned from 1.5 m even beside the least a zone says (a 20 x 10 cm door plate, audit AP 3:
    the format sets no least size, so it is printed, and the editor told)."""
    pixels = near_qr_pixels(*sheet_size(sign.size, sign.orientation))
    arrangements = [{"qr_pixels": pixels, "qr_at_floor": True, "squeeze": squeeze, "head": head} for head in (1.0, HEAD)]
    return next((drawing for _, drawing in _laid_out(sign, words, setter, arrangements, [])), None)


def _blamed(overflow: Overflow, sign: SignboardContent, words: SignboardWords, setter: Setter) -> Overflow:
    """The field to change: the sheet when not even the least a zone says fits it (10 x 10 cm,
    audit H), unless its name is what is too long; the leader's name when it alone does not fit
    (a 300-character name was said to be too many roles, audit AE)."""
    if overflow.field[0] in ("signboard", "org"):
        return overflow
    least = _least(sign)
    if not _fits(least, words, setter):
        if overflow.field == ("name",) and _fits(replace(least, name=sign.name[:6]), words, setter):
            return overflow
        return _too_small(*sheet_size(sign.size, sign.orientation))
    if overflow.field in (("roles",), ("members",)) and not _fits(replace(least, leader=sign.leader), words, setter):
        return _Signboard(replace(sign, roles=(), members=()), words, setter)._people_overflow()
    return overflow


def _first_two(tried: list[tuple[str, str]], sign: SignboardContent, words: SignboardWords, setter: Setter, allowed) -> list[str]:
    """The first two sizes and orientations the sign fits, of those allowed: the hint names two."""
    fitting = []
    for size, orientation in tried:
        if len(fitting) < 2 and allowed(size) and _fits(replace(sign, size=size, orientation=orientation), words, setter):
            fitting.append(f"{{size: {size}, orientation: {orientation}}}")
    return fitting


def _too_small(width: float, height: float) -> Overflow:
    return Overflow(("signboard", "size"), f"{size_label(width, height)} 的标志牌放不下能在远处扫描的二维码和全部内容",
                    "标志牌要在一两米外看字、扫码，这个尺寸太小或太窄")


def _least(sign: SignboardContent) -> SignboardContent:
    """The sign with the least a zone may say: its name, its leader and one short duty."""
    return replace(sign, slogan="", scope="", duties=("巡查",), leader=sign.leader[:3], leader_detail="", leader_photo=None, roles=(), members=())


def _area(size: str) -> float:
    width, height = sheet_size(size, "landscape")
    return width * height


NARROWEST = 0.7  # of the layout's people column: as narrow as it goes for crowded duties beside it
HEAD = 0.6  # of the title's and slogan's sizes, on a sign whose duties would be set small otherwise
CODE_COST = 0.95  # of the duties' size: what a bigger code may cost them on a crowded sign
TITLE_GAIN = 1.25  # how much larger the duties must be set for the title and slogan to give up size
# the arrangements a crowded sign is laid out in: the code at its size, at 2 pixels a module at 20 dpi,
# the compact code (1.6 pixels); then each with the title and slogan at HEAD
_ARRANGEMENTS = ({}, {"qr_at_floor": True}, {"qr_pixels": COMPACT_QR_PIXELS_PER_MODULE, "qr_at_floor": True})
_HEADED = tuple({**options, "head": HEAD} for options in _ARRANGEMENTS[1:])


def _compose(sign: SignboardContent, words: SignboardWords, setter: Setter, squeeze: float = 1.0) -> Drawing:
    """The sign in its first arrangement, unless its duties are crowded (near the legible size):
    then in the arrangement whose code is largest at no more than CODE_COST of the largest duties,
    and with the title and slogan at HEAD only if that sets the duties TITLE_GAIN larger still. Text
    squeezed below its legible size has the compact code, and the smaller title only if it must."""
    failed: list[Overflow] = []
    if squeeze < 1.0 and _hopeless(sign, words, setter, squeeze):
        raise Overflow(("duties",), "", "")  # fit_or_squeeze says the first Overflow, at full size
    if squeeze < 1.0:
        squeezed = ({"qr_pixels": COMPACT_QR_PIXELS_PER_MODULE, "qr_at_floor": True, "squeeze": squeeze, "head": head} for head in (1.0, HEAD))
        for _, drawing in _laid_out(sign, words, setter, squeezed, failed):
            return drawing
        raise failed[-1]
    plain = []
    for laid, drawing in _laid_out(sign, words, setter, _ARRANGEMENTS, failed):
        if not plain and not laid.crowded:
            return drawing  # most signs: the code and title at their size leave the duties room
        plain.append((laid.body_set, drawing))
    headed = [(laid.body_set, drawing) for laid, drawing in _laid_out(sign, words, setter, _HEADED, failed)]
    chosen = _first_near_largest(plain, CODE_COST)
    if headed and (chosen is None or max(size for size, _ in headed) >= TITLE_GAIN * chosen[0]):
        chosen = _first_near_largest(headed, CODE_COST)
    if chosen is None:
        raise failed[-1]
    return chosen[1]


def _laid_out(sign: SignboardContent, words: SignboardWords, setter: Setter, arrangements, failed: list[Overflow]) -> Iterator[tuple[_Signboard, Drawing]]:
    """(the laid-out sign, its drawing) in each arrangement that fits, laid out as asked for; what
    does not fit goes to ``failed``."""
    for options in arrangements:
        laid = _Signboard(sign, words, setter, **options)
        try:
            drawing = laid.compose()
        except Overflow as overflow:
            failed.append(overflow)
            continue
        yield laid, drawing


def _first_near_largest(laid: list[tuple[float, Drawing]], cost: float) -> tuple[float, Drawing] | None:
    """The first (duties' size, drawing) whose duties are at least ``cost`` of the largest."""
    if not laid:
        return None
    largest = max(size for size, _ in laid)
    return next(each for each in laid if each[0] >= cost * largest)


def _hopeless(sign: SignboardContent, words: SignboardWords, setter: Setter, squeeze: float = 1.0) -> bool:
    """Whether scope and duties, or the people, overflow the whole sheet inside its margin: then
    they fit no arrangement, and laying each out is only time (a size suggestion for 89 duties was 5
    arrangements of 17 widths each, audit AE)."""
    laid = _Signboard(sign, words, setter, squeeze=squeeze)
    width, height = laid.x1 - laid.x0, laid.y1 - laid.y0
    return laid.body_overflows(width, height) or laid.people(laid.x0, laid.y0, width, height, place=False) is None


def _fits(sign: SignboardContent, words: SignboardWords, setter: Setter) -> bool:
    if _hopeless(sign, words, setter):
        return False
    try:
        _compose(sign, words, setter)
    except Overflow:
        return False
    return True
