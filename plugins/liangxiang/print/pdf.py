"""Drawings to PDF with fpdf2: text as text in subset fonts, QR codes and boxes as vectors.

With bleed, the page grows by SLUG on every side: the background runs 3 mm past the trim,
crop marks sit outside the bleed, and TrimBox/BleedBox tell the print shop's software where to cut.
"""

from __future__ import annotations

import hashlib
import io
import logging
import re
from dataclasses import replace
from pathlib import Path

from fpdf import FPDF

from . import qr
from .drawing import Box, Code, Drawing, Picture, Rule, Text, Turned
from .fonts import FontSet
from .images import prepare
from .layout import BLEED, MARK_GAP, MARK_LENGTH, SLUG
from .preview import FIXED_DATE
from .shaping import SHAPED, visual_pieces

PT_PER_MM = 72 / 25.4
FAMILY = "print"
FAUX_BOLD = 0.03  # stroke width per em of a bold line set in a one-face font: about Noto's Bold over Regular
CREATOR = "Liangxiang"


def render_pdf(pages: list[Drawing], fonts: FontSet, bleed: bool, title: str = "", dpi: list | None = None) -> bytes:
    """One PDF with one page per drawing; the resolution of each image placed is added to dpi."""
    pdf = FPDF(unit="mm")
    pdf.set_creator(CREATOR)
    pdf.set_producer(CREATOR)
    pdf.set_title(title or (pages[0].title if pages else ""))
    pdf.set_creation_date(FIXED_DATE)
    pdf.set_lang("zh-CN")  # what a screen reader reads the text as (audit AO 8)
    pdf.set_auto_page_break(False)
    pdf.set_margins(0, 0, 0)
    pdf.c_margin = 0  # cell() sets shaped runs (_shaped) where they are measured, with no padding
    faux_bold = fonts.bold == fonts.regular  # a font with one face (the site's own): bold is stroked
    pdf.add_font(FAMILY, "", fonts.regular.path, collection_font_number=fonts.regular.number)
    if not faux_bold:
        pdf.add_font(FAMILY, "B", fonts.bold.path, collection_font_number=fonts.bold.number)
    # 𠮷 and other characters the font lacks, in the fallback faces this document uses
    families = _families(fonts, set("".join(text for page in pages for text in page.texts())))
    for number, face in enumerate(fonts.fallback):
        if (family := _family(number)) in families.values():
            pdf.add_font(family, "", face.regular.path)
            pdf.add_font(family, "B", face.bold.path)
    for font in pdf.fonts.values():
        # fpdf2 subsets each document's font; recomputing every glyph's bounds on saving it would
        # unpack and re-encode each outline (half the time of a PDF): the faces' bounds are right
        font.ttfont.recalcBBoxes = False
    offset = SLUG if bleed else 0.0
    for page in pages:
        pdf.add_page(format=(page.width + 2 * offset, page.height + 2 * offset))
        _ground(pdf, page, offset, bleed)
        _items(pdf, page.items, offset, dpi if dpi is not None else [], faux_bold, families)
        if bleed:
            _crop_marks(pdf, page, offset)
        _fold_marks(pdf, page, offset, bleed)
    # fpdf2 reports glyphs a font lacks only as log warnings; the stage checks them beforehand
    logging.getLogger("fpdf").setLevel(logging.ERROR)
    data = _tag_subsets(bytes(pdf.output()))
    return _set_boxes(data, pages) if bleed else data


FPDF_TAG = re.compile(rb"/MPDFAA\+([A-Za-z0-9-]+)")


def _tag_subsets(data: bytes) -> bytes:
    """fpdf2 names every subset MPDFAA+Font: merged into all.pdf, hundreds of different subsets
    would share a name, which a print shop's software may take for one font and lose glyphs.
    Each gets its own six-letter tag, made from the document (same bytes in, same bytes out)."""
    def tag(found: re.Match) -> bytes:
        digest = hashlib.sha256(data + found.group(1)).digest()
        return b"/" + bytes(65 + byte % 26 for byte in digest[:6]) + b"+" + found.group(1)

    return FPDF_TAG.sub(tag, data)  # as many bytes: the cross-reference offsets stay right


def _ground(pdf: FPDF, page: Drawing, offset: float, bleed: bool) -> None:
    extra = BLEED if bleed else 0.0
    pdf.set_fill_color(page.ground)
    pdf.rect(offset - extra, offset - extra, page.width + 2 * extra, page.height + 2 * extra, style="F")


def _family(number: int) -> str:
    return f"{FAMILY}{number + 1}"


def _families(fonts: FontSet, used: set[str]) -> dict[str, str]:
    """Each used character the font lacks -> the family of the fallback face that sets it."""
    return {char: _family(number) for number, face in enumerate(fonts.fallback) for char in face.chars if char in used}


def _runs(text: str, families: dict[str, str]) -> list[tuple[str, str]]:
    """(family, text) runs of a line: the font's own characters, and those of fallback faces."""
    runs: list[tuple[str, str]] = []
    for char in text:
        family = families.get(char, FAMILY)
        if runs and runs[-1][0] == family:
            runs[-1] = (family, runs[-1][1] + char)
        else:
            runs.append((family, char))
    return runs


def _text(pdf: FPDF, item: Text, offset: float, faux_bold: bool, families: dict[str, str]) -> None:
    pdf.set_text_color(item.color)
    if SHAPED.search(item.text):  # Uyghur beside the Chinese: its runs are shaped, the line in bidi order
        x = item.x + offset
        arabic = next((families[c] for c in item.text if SHAPED.match(c) and c in families), FAMILY)
        for piece, shaped in visual_pieces(item.text):
            run_item = replace(item, x=x - offset, text=piece)
            x += (_shaped(pdf, run_item, offset, faux_bold, arabic) if shaped
                  else _plain(pdf, run_item, offset, faux_bold, families, True))
        return
    _plain(pdf, item, offset, faux_bold, families)


def _shaped(pdf: FPDF, item: Text, offset: float, faux_bold: bool, family: str) -> float:
    """An Arabic-script run, joined and right to left by fpdf2's HarfBuzz shaping; its width."""
    pdf.set_font(family, "B" if item.bold and not (faux_bold and family == FAMILY) else "", item.size * PT_PER_MM)
    pdf.set_text_shaping(True)
    width = pdf.get_string_width(item.text)
    # cell() puts the baseline 0.5 h + 0.3 size below its top: with h = size, 0.8 size
    pdf.set_xy(item.x + offset, item.y + offset - 0.8 * pdf.font_size)
    pdf.cell(w=width, h=pdf.font_size, text=item.text)
    pdf.set_text_shaping(False)
    return width


def _plain(pdf: FPDF, item: Text, offset: float, faux_bold: bool, families: dict[str, str], measured: bool = False) -> float:
    """Text set character by character (Chinese): in the font, and in the faces that come with it;
    its width when measured or set from several faces (0 otherwise: measuring costs)."""
    x = item.x + offset
    for family, run in _runs(item.text, families) if families else [(FAMILY, item.text)]:
        stroked = item.bold and faux_bold and family == FAMILY  # a fallback face has its own bold
        pdf.set_font(family, "B" if item.bold and not stroked else "", item.size * PT_PER_MM)
        if stroked:  # outlined in its own colour, as typesetters embolden a one-weight face
            with pdf.local_context(text_mode="FILL_STROKE", line_width=item.size * FAUX_BOLD, draw_color=item.color):
                pdf.text(x, item.y + offset, run)
        else:
            pdf.text(x, item.y + offset, run)
        if families or measured:
            x += pdf.get_string_width(run)
    return x - (item.x + offset)


def _items(pdf: FPDF, items, offset: float, dpi: list, faux_bold: bool = False, families: dict[str, str] | None = None) -> None:
    for item in items:
        if isinstance(item, Text):
            _text(pdf, item, offset, faux_bold, families or {})
        elif isinstance(item, Box):
            style = ("F" if item.fill else "") + ("D" if item.stroke else "")
            if item.fill:
                pdf.set_fill_color(item.fill)
            if item.stroke:
                pdf.set_draw_color(item.stroke)
                pdf.set_line_width(item.line)
            pdf.rect(item.x + offset, item.y + offset, item.w, item.h, style=style,
                     round_corners=item.radius > 0, corner_radius=item.radius)
        elif isinstance(item, Rule):
            pdf.set_draw_color(item.color)
            pdf.set_line_width(item.line)
            if item.dash:
                pdf.set_dash_pattern(dash=item.dash, gap=item.dash)
            pdf.line(item.x1 + offset, item.y1 + offset, item.x2 + offset, item.y2 + offset)
            if item.dash:
                pdf.set_dash_pattern()
        elif isinstance(item, Picture):
            data, resolution = prepare(item.source, item.digest, item.w, item.h, item.crop)
            dpi.append(round(resolution))
            pdf.image(data, item.x + offset, item.y + offset, item.w, item.h)
        elif isinstance(item, Code):
            _code(pdf, item, offset)
        elif isinstance(item, Turned):
            with pdf.rotation(180, item.cx + offset, item.cy + offset):
                _items(pdf, item.items, offset, dpi, faux_bold, families)


def _code(pdf: FPDF, code: Code, offset: float) -> None:
    """Dark modules as one path of row runs: one fill, so no hairline seams between squares.

    Written as PDF operators, as fpdf2's own rect() does: its path objects cost 20 ms per code.
    Edges are rounded once and shared, so neighbouring rows meet exactly."""
    k, size = pdf.k, code.module
    x0, y0 = code.x + offset + code.quiet * size, code.y + offset + code.quiet * size
    rows = qr.rows(code.data)
    xs = [round((x0 + i * size) * k, 3) for i in range(len(rows[0]) + 1)]
    ys = [round((pdf.h - (y0 + i * size)) * k, 3) for i in range(len(rows) + 1)]  # PDF y runs upwards
    red, green, blue = (int(code.dark[i:i + 2], 16) / 255 for i in (1, 3, 5))
    # black as DeviceGray: a print shop's conversion gives it the black ink alone, where RGB black
    # becomes four inks whose registration blurs modules of 0.67 mm (audit AS-Z L4)
    out = [f"q {red:.4f} g" if red == green == blue else f"q {red:.4f} {green:.4f} {blue:.4f} rg"]
    for number, row in enumerate(rows):
        top, bottom = ys[number], ys[number + 1]
        for run in re.finditer("1+", row):
            left, right = xs[run.start()], xs[run.end()]
            out.append(f"{left:.3f} {bottom:.3f} {right - left:.3f} {top - bottom:.3f} re")
    out.append("f Q")
    pdf._out("\n".join(out))


def _fold_marks(pdf: FPDF, page: Drawing, offset: float, bleed: bool) -> None:
    """Dashed marks where the sheet folds: in the slug beside the crop marks when there is one,
    else 8 mm into the sheet from each edge (they stood there on a plate's red bands after
    trimming: audit AS-Z L2)."""
    if not page.folds:
        return
    pdf.set_draw_color("#000000" if bleed else "#6B6B6B")
    pdf.set_line_width(0.1 if bleed else 0.25)
    pdf.set_dash_pattern(dash=1.5, gap=1.5)
    left, right = offset, offset + page.width
    spans = (((left - MARK_GAP - MARK_LENGTH, left - MARK_GAP), (right + MARK_GAP, right + MARK_GAP + MARK_LENGTH)) if bleed
             else ((left, left + 8.0), (right - 8.0, right)))
    for fold in page.folds:
        for x1, x2 in spans:
            pdf.line(x1, offset + fold, x2, offset + fold)
    pdf.set_dash_pattern()


def _crop_marks(pdf: FPDF, page: Drawing, offset: float) -> None:
    pdf.set_draw_color("#000000")
    pdf.set_line_width(0.1)
    left, top, right, bottom = offset, offset, offset + page.width, offset + page.height
    near, far = MARK_GAP, MARK_GAP + MARK_LENGTH
    for x, direction in ((left, -1), (right, 1)):
        for y, vertical in ((top, -1), (bottom, 1)):
            pdf.line(x + direction * near, y, x + direction * far, y)  # along the horizontal edge
            pdf.line(x, y + vertical * near, x, y + vertical * far)  # along the vertical edge


def _set_boxes(data: bytes, pages: list[Drawing]) -> bytes:
    """TrimBox (the finished size) and BleedBox on every page, in points from the bottom left."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(data)
    for index, drawing in enumerate(pages):
        page = document[index]
        s, w, h = SLUG * PT_PER_MM, drawing.width * PT_PER_MM, drawing.height * PT_PER_MM
        b = BLEED * PT_PER_MM
        page.set_trimbox(s, s, s + w, s + h)
        page.set_bleedbox(s - b, s - b, s + w + b, s + h + b)
    buffer = io.BytesIO()
    document.save(buffer)
    document.close()
    # pdfium makes the second half of the file's /ID up at random: it takes the first half's
    # value, so that the same drawing gives the same bytes (a rebuild re-uploads nothing)
    return _steady_id(buffer.getvalue())


PDFIUM_ID = re.compile(rb"(/ID\s*\[\s*<)([0-9A-Fa-f]{32})(>\s*<)[0-9A-Fa-f]{32}>")


def _steady_id(data: bytes) -> bytes:
    head, tail = data[:-4096], data[-4096:]  # the trailer is at the end
    return head + PDFIUM_ID.sub(lambda found: found.group(1) + found.group(2) + found.group(3) + found.group(2) + b">", tail)


def write_pdf(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
