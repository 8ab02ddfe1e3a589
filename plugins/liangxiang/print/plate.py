"""A member's desk plate (党员承诺桌牌): an A4 sheet folded across the middle into a tent.

Both halves carry the same face. The upper half is turned 180 degrees, so that once the sheet
is folded over, each side of the tent reads upright with its top at the fold.
"""

from __future__ import annotations

from dataclasses import astuple, dataclass, replace

from . import qr
from .drawing import Box, Drawing, Item, Picture, Rule, Turned, edition
from .images import PHOTO_ASPECT, ImageRef, SmallPhoto
from .layout import BLEED, PLATE, SMALLEST_EM, PLATE_FACE, PLATE_QR_DPI, PLATE_SHEET, qr_module_mm
from .setter import Overflow, Setter
from ..titles import org_breaks, word_breaks
from .namefit import broken_at_dots, fit_name
from .text import centred, fit, largest, sizes, wrap

RED, GOLD, INK, GREY, WHITE, DARK = "#B3121A", "#FFD75E", "#2B2B2B", "#6B6B6B", "#FFFFFF", "#000000"
PRINTER_EDGE = 5.0  # mm along each edge most office printers leave blank
FILL_LINES = 40  # a squeezed promise takes as many lines as the band holds: more than it ever does


@dataclass(frozen=True)
class PlateContent:
    name: str
    department: str  # 示范岗 plates show it
    detail: str  # post and title
    branch: str
    promise: str
    standard: str  # 亮标准 ("" without one), its written lines kept: printed under the promise
    photo: ImageRef | None
    org: str
    org_is_short: bool  # org is the short_name: too long, that is the field to shorten
    url: str
    year: int
    probationary: bool = False  # 预备党员: the band says so, not 共产党员


@dataclass(frozen=True)
class PlateWords:
    heading: str  # 共产党员
    heading_probationary: str  # 预备党员
    promise: str  # 我的承诺
    caption: str  # under the QR code
    year: str  # "{year}年度"
    standard: str  # 服务标准, before the standard under the promise
    edition: str  # before the edition code in a corner (drawing.edition)


def compose_plate(plate: PlateContent, words: PlateWords, setter: Setter, squeeze: float = 1.0) -> Drawing:
    """The plate's drawing; raises Overflow naming the member's or the commitment's field.

    squeeze < 1 lowers the smallest sizes (print.fitting tries it when nothing fits otherwise)
    and lets a name take three lines and a promise more than its usual number."""
    width, height = PLATE_SHEET
    face_h = PLATE_FACE[1]
    face = _face(plate, words, setter, face_h, squeeze)
    drawing = Drawing(width, height, WHITE, title=plate.name, folds=(face_h,))
    drawing.add(*face)  # the lower half: upright as printed
    # the upper half: the same face, turned about the upper half's centre
    drawing.add(Turned(width / 2, face_h / 2, tuple(_shift(item, -face_h) for item in face)))
    # the content's edition code, small in the lower face's bottom margin (drawing.edition), clear of
    # the edge an office printer leaves blank (it stood 3.7 mm from it: audit AS-Z L3)
    code, _ = setter.lines([f"{words.edition} {edition(plate)}"], PLATE.margin, height - PLATE.margin, width - 2 * PLATE.margin,
                           SMALLEST_EM, GREY, align="right", leading=(PLATE.margin - PRINTER_EDGE) / SMALLEST_EM)
    drawing.add(*code)
    if plate.photo and (photo_w := plate.photo.max_mm(PHOTO_ASPECT)) < PLATE.photo * 0.8:  # as signs say of the leader's
        small = SmallPhoto.of("照片", plate.photo, photo_w, PLATE.photo)
        drawing.notes, drawing.small_photo = [small.note()], astuple(small)
    return drawing


def _face(plate: PlateContent, words: PlateWords, s: Setter, top: float, squeeze: float) -> list[Item]:
    lay = PLATE
    name_min, detail_min, promise_min = (max(size * squeeze, SMALLEST_EM) for size in (lay.name_min, lay.detail_min, lay.promise_min))
    extra_lines = 0 if squeeze == 1.0 else 1  # squeezed: a name may take three lines, a promise one more
    width, height = PLATE_FACE
    m = lay.margin
    items: list[Item] = [Box(-BLEED, top, width + 2 * BLEED, lay.band, fill=RED)]
    heading_parts = [(words.heading_probationary if plate.probationary else words.heading, lay.heading, GOLD, True, 0)]
    items += s.runs(heading_parts, m, top, lay.heading, lay.band)
    # a long name with no short_name takes two lines in the band (audit AN 1: it was left out, unsaid)
    org_w = width - 2 * m - s.runs_width(heading_parts) - 8
    org_fit = (fit(plate.org, s.measure, org_w, 5.0, 3.0, 1)
               or fit_name(plate.org, s.measure, org_w, 4.0, 3.0, 2, points=org_breaks(plate.org), words=word_breaks))
    if org_fit:
        block, h = s.lines(org_fit.lines, width - m - org_w, 0, org_w, org_fit.size, GOLD, align="right", leading=1.25)
        items += [replace(text, y=round(text.y + top + (lay.band - h) / 2, 3)) for text in block]
    elif plate.org_is_short:
        raise Overflow(("org", "short_name"), "单位简称太长，桌牌顶上的红条里两行也放不下", "在 org.yaml 里写简短一些的 short_name")
    elif plate.org:
        raise Overflow(("org", "name"), "单位名称太长，桌牌顶上的红条里两行也放不下",
                       "在 org.yaml 里加一行 short_name（单位简称）：全称放不下时，桌牌印简称")

    y = top + lay.band + 8
    modules = qr.side(plate.url)
    qr_side = max(lay.qr, modules * qr_module_mm(PLATE_QR_DPI))
    qr_x = width - m - qr_side
    photo_w = min(lay.photo, plate.photo.max_mm(PHOTO_ASPECT)) if plate.photo else 0.0
    photo_h = photo_w / PHOTO_ASPECT
    if photo_w:
        items.append(Box(m - 0.6, y - 0.6, photo_w + 1.2, photo_h + 1.2, fill=RED))
        items.append(Picture(m, y, photo_w, photo_h, plate.photo.path, plate.photo.digest))
    text_x = m + (photo_w + 7 if photo_w else 0)
    text_w = qr_x - 6 - text_x
    # a long name (阿卜杜热西提·买买提依明·艾合买提江) takes two lines (three, squeezed), broken after its dots
    most = 2 + extra_lines
    name = (fit(plate.name, s.measure, text_w, lay.name, name_min, 1, True)
            or fit(plate.name, s.measure, text_w, lay.name, name_min, most, True, keep_phrases=True, accept=broken_at_dots)
            or fit(plate.name, s.measure, text_w, lay.name, name_min, most, True, keep_phrases=True))
    if name is None:
        raise Overflow(("member", "name"), "姓名很长，桌牌上用正常的最小字号两行也放不下",
                       "是本人的全名就不用改；如果写进了职务、单位等，删掉它们（职务写在 title）")
    block, h = s.lines(name.lines, text_x, y, text_w, name.size, RED, True, leading=1.25)
    items += block
    text_y = y + h + 1.5
    for text, color, field in ((plate.department, INK, "department"), (plate.detail, INK, "post"), (plate.branch, GREY, "branch")):
        if not text:
            continue
        fitted = fit(text, s.measure, text_w, lay.detail, detail_min, 2 + extra_lines, keep_phrases=True)
        if fitted is None:
            if field == "department":
                raise Overflow(("member", "department"), "部门名称太长，桌牌上放不下", "写简短一些的 department")
            if field == "branch":  # said once, in org.yaml, not at each member of the branch (AS-N 13)
                raise Overflow(("branch",), "党支部名称太长，桌牌上放不下", "在 org.yaml 里把这个党支部的 name 写简短一些")
            raise Overflow(("member", "post"), "岗位、职务太长，桌牌上放不下", "写简短一些的 post 和 title")
        block, h = s.lines(fitted.lines, text_x, text_y, text_w, fitted.size, color)
        items += block
        text_y += h + 1.0

    items.append(Box(qr_x, y, qr_side, qr_side, fill=WHITE))
    items.append(qr.code(plate.url, qr_x, y, qr_side / modules, DARK, WHITE))
    caption = wrap(words.caption, s.measure, lay.caption, qr_side + 6)
    block, _ = s.lines(caption, qr_x - 3, y + qr_side + 0.5, qr_side + 6, lay.caption, GREY, align="center")
    items += block

    promise_top = max(y + photo_h, text_y, y + qr_side + 4 + len(caption) * lay.caption * 1.3) + 5
    bottom = top + height - m
    label_size = 4.4
    items.append(Rule(m, promise_top - 2.5, width - m, promise_top - 2.5, RED, 0.4))
    label, h = s.lines([words.promise], m, promise_top, width - 2 * m, label_size, RED, True)
    year, _ = s.lines([words.year.format(year=plate.year)], m, promise_top, width - 2 * m, label_size, GREY, align="right")
    items += label + year
    room = bottom - promise_top - h
    most = lay.promise_lines + 2 * extra_lines
    standard = f"{words.standard}：{plate.standard}" if plate.standard else ""
    standard_block, standard_size, promise = _standard_and_promise(standard, plate.promise, s, lay, (m, width - 2 * m), room,
                                                                   (detail_min, promise_min), (lay.standard_lines + extra_lines, most))
    if standard_block:
        block, standard_h = standard_block
        items += [_shift(text, bottom - standard_h) for text in block]
        room -= standard_h + 3
    if promise is None and plate.standard:
        raise Overflow(("promise",), "承诺和服务标准太长，桌牌上用最小字号也放不下",
                       "承诺写成一句话、服务标准写简短一些（standard 印在承诺下面），具体事项写在 items 里")
    if promise is None:
        raise Overflow(("promise",), "承诺太长，桌牌上用最小字号也放不下",
                       "承诺写成一句话，具体事项写在 items 里")
    if squeeze < 1.0 and len(promise.lines) > 1:
        # squeezed for a long promise: in as many lines as the band holds, not its few at 6 pt with
        # most of the band left empty (audit AS-Z M4); what fits and what is refused stay the same
        grown = fit(plate.promise, s.measure, width - 2 * m, lay.promise, promise.size, FILL_LINES, True, room, 1.35)
        promise = grown if grown is not None and grown.size > promise.size else promise
    # whole words, when that costs little of the size (…当好 / 抢修班…, not …当 / 好抢修班…)
    if len(promise.lines) == 1:  # 随叫随到: one short line set larger, not small amid an empty face
        promise = fit(plate.promise, s.measure, width - 2 * m, lay.promise_alone, promise.size, 1, True, room, 1.35) or promise
    in_words = fit(plate.promise, s.measure, width - 2 * m, lay.promise, promise_min, most, True, room, 1.35,
                   by_words=True) if len(promise.lines) > 1 else None
    if in_words is not None and in_words.size >= max(0.9 * promise.size, standard_size):  # still not below its standard
        promise = in_words
    lines = centred(plate.promise, s.measure, promise.size, width - 2 * m, True, len(promise.lines))
    used = len(lines) * promise.size * 1.35
    block, _ = s.lines(lines, m, promise_top + h + (room - used) / 2, width - 2 * m, promise.size, INK, True,
                       align="center", leading=1.35)
    return items + block


# each field a plate may overflow at, cut to the least it could say (fitting.every_overflow)
_LEAST = {("org", "short_name"): {"org": "党委"}, ("org", "name"): {"org": "党委"}, ("member", "name"): {"name": "某某"},
          ("member", "department"): {"department": ""}, ("member", "post"): {"detail": ""}, ("branch",): {"branch": ""},
          ("standard",): {"standard": ""}, ("promise",): {"promise": "承诺"}}


def plate_at_least(plate: PlateContent, field: tuple) -> PlateContent | None:
    """The plate with the field an Overflow named cut to its least: what else overflows is then said too."""
    return replace(plate, **_LEAST[field]) if field in _LEAST else None


def plate_overflow_said(overflow: Overflow, plate: PlateContent, words: PlateWords, setter: Setter) -> Overflow:
    """A promise too long for the plate, said with the number of characters it holds at its smallest
    type, to cut it to: "最多 3 行" named no length, and a 450-character promise printed (audit AS-W H2)."""
    if tuple(overflow.field) != ("promise",):
        return overflow
    held = _promise_held(plate, words, setter)
    if not held:  # the rest of the plate leaves it no room: said as it was
        return overflow
    beside = "加上服务标准，" if plate.standard else ""
    return Overflow(overflow.field, f"承诺有 {len(plate.promise)} 个字，{beside}桌牌上用最小字号最多放得下约 {held} 个字",
                    f"删到 {held} 字以内：承诺写成一句话，具体事项写在 items 里" + ("，服务标准写简短一些" if plate.standard else ""))


def _promise_held(plate: PlateContent, words: PlateWords, setter: Setter) -> int:
    """The most characters of the plate's promise that it prints at the smallest squeeze (0 for none)."""
    from .fitting import SQUEEZES

    held, over = 0, len(plate.promise)
    while over - held > 1:
        middle = (held + over) // 2
        try:
            compose_plate(replace(plate, promise=plate.promise[:middle]), words, setter, SQUEEZES[-1])
            held = middle
        except Overflow:
            over = middle
    return held


def _standard_and_promise(standard: str, promise_text: str, s: Setter, lay, across: tuple[float, float], room: float,
                          smallest: tuple[float, float], most: tuple[int, int]):
    """The standard's (items, height) under the promise (None without one), its size (0 without one),
    and the promise fitted above it. The standard is never set larger than the promise it serves: a long promise sets it
    again at the promise's size, which leaves the promise more room (audit AS-W L2)."""
    (x, width), (detail_min, promise_min), (standard_most, promise_most) = across, smallest, most
    biggest, block, size, promise = lay.detail, None, 0.0, None
    for _ in range(2):
        left = room
        if standard:
            lines = _standard_lines(standard, s, width, biggest, detail_min, standard_most)
            if lines is None:
                raise Overflow(("standard",), "服务标准太长，桌牌上承诺下面放不下",
                               f"写简短一些的 standard：它印在桌牌上承诺的下面，最多 {lay.standard_lines} 行")
            size, block = lines[0], s.lines(lines[1], x, 0, width, lines[0], GREY, align="center")
            left -= block[1] + 3
        promise = fit(promise_text, s.measure, width, lay.promise, promise_min, promise_most, True, left, 1.35)
        if block is None or promise is None or promise.size >= size or biggest <= detail_min:
            break
        biggest = max(promise.size, detail_min)
    return block, size, promise


def _standard_lines(text: str, s: Setter, width: float, biggest: float, smallest: float, most: int) -> tuple[float, list[str]] | None:
    """The size and lines of a text written over lines (`standard: |`): each written line centred in
    lines of its own, all at the largest size at which they take no more than ``most``."""
    written = text.split("\n")
    size = largest(sizes(biggest, smallest), lambda size: sum(len(wrap(line, s.measure, size, width)) for line in written) <= most)
    if size is None:
        return None
    return size, [part for line in written for part in centred(line, s.measure, size, width, False, len(wrap(line, s.measure, size, width)))]


def _shift(item: Item, dy: float) -> Item:
    from dataclasses import replace

    if hasattr(item, "y"):
        return replace(item, y=round(item.y + dy, 3))
    if hasattr(item, "y1"):
        return replace(item, y1=item.y1 + dy, y2=item.y2 + dy)
    return item
