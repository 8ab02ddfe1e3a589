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
