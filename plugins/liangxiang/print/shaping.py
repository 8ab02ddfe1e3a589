"""Text in a script whose letters join and run right to left: Uyghur and Kazakh as written in
Xinjiang, in the Arabic alphabet, beside the Chinese on a bilingual sign.

Chinese is set character by character from advance widths (text.py). An Arabic-script run is
shaped by HarfBuzz instead: each letter takes its joining form and the run reads from right to
left. Its width is measured here with the face that prints it, and fpdf2 draws it shaped (pdf.py),
so what fits here fits on paper. A line keeps its own order: a run sits where it is written.
"""

from __future__ import annotations

import re
from functools import lru_cache

LETTERS = "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufefe"  # not U+FEFF, the BOM
# a run starts and ends with a letter; spaces, digits and Latin punctuation between its words stay in
# it, set from the same face (Noto Sans Arabic has them all)
INSIDE_RUNS = " 0123456789.,:;!?()«»\"'-"
SHAPED_RUN = re.compile(rf"[{LETTERS}](?:[{LETTERS}{re.escape(INSIDE_RUNS)}]*[{LETTERS}])?")
SHAPED = re.compile(f"[{LETTERS}]")


def parts(text: str) -> list[tuple[str, bool]]:
    """(piece, shaped) pieces of text in order: runs to shape, and the rest."""
    out, at = [], 0
    for run in SHAPED_RUN.finditer(text):
        if run.start() > at:
            out.append((text[at:run.start()], False))
        out.append((run.group(0), True))
        at = run.end()
    if at < len(text):
        out.append((text[at:], False))
    return out


def shaped_width(text: str, path: str, number: int, weight: int) -> float:
    """The width of a shaped run in em, from the face at path (a variable one set to weight)."""
    import uharfbuzz as hb

    font, upem = _font(path, number, weight)
    buffer = hb.Buffer()
    buffer.add_str(text)
    buffer.guess_segment_properties()
    hb.shape(font, buffer, {})
    return sum(position.x_advance for position in buffer.glyph_positions) / upem


@lru_cache(maxsize=8)
def _font(path: str, number: int, weight: int):
    import uharfbuzz as hb

    face = hb.Face(hb.Blob.from_file_path(path), number)
    font = hb.Font(face)
    try:
        font.set_variations({"wght": weight})  # a static face has no axes: nothing changes
    except Exception:  # an older uharfbuzz or no fvar: the face as it is
        pass
    return font, face.upem


# brackets drawn right to left outside a shaped run show their mirror image (bidi rule L4)
MIRRORED = dict(zip("()[]{}<>«»（）［］｛｝《》〈〉「」『』【】", ")(][}{><»«）（］［｝｛》《〉〈」「』『】【"))


def visual_pieces(line: str) -> list[tuple[str, bool]]:
    """(text, shaped) pieces of a line from left to right, in the Unicode bidi algorithm's order
    (fpdf2's): a line that begins in Uyghur reads from the right, "24 سائەت" with its number on the
    right, and a dash or a full-width colon between two Uyghur words keeps them in order. A shaped
    piece is in logical order, for the shaper to set right to left; another is as it is seen."""
    from fpdf.bidi import BidiParagraph

    inside = {at for run in SHAPED_RUN.finditer(line) for at in range(*run.span())}
    groups: list[tuple[tuple[bool, bool], list[str]]] = []
    for char in BidiParagraph(line).get_all()[1]:
        key = (char.character_index in inside, char.embedding_level % 2 == 1)
        if groups and groups[-1][0] == key:
            groups[-1][1].append(char.character)
        else:
            groups.append((key, [char.character]))
    pieces = []
    for (shaped, rtl), chars in groups:
        if shaped and rtl:
            pieces.append(("".join(reversed(chars)), True))
        else:
            pieces.append(("".join(MIRRORED.get(c, c) for c in chars) if rtl else "".join(chars), shaped))
    return pieces
