"""Each document's own faces: the build's faces cut down to the characters one printable prints.

fpdf2 parses every face it embeds and subsets it again with fontTools; parsing the build's faces
(thousands of glyphs) was half the time of a desk plate's PDF. HarfBuzz's subsetter cuts a
document's few dozen glyphs from them in a tenth of a millisecond, and fpdf2 parses those
instead: 15 ms to 10 ms a plate's PDF, and the same pages, text and fonts in the PDF.

The cut depends only on the document's characters and the build's faces, whose glyphs come in
the base face's order: a document embeds the same font whatever the rest of its build prints.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from .fonts import FontFace, FontSet


@lru_cache(maxsize=8)
def _face(path: str, number: int):
    """A face read once per worker process (a few MB: the build's faces, not the whole font)."""
    import uharfbuzz as hb

    return hb.Face(hb.Blob.from_file_path(path), number)


def _cut(face: FontFace, codepoints: list[int], target: Path) -> FontFace:
    import uharfbuzz as hb

    wanted = hb.SubsetInput()
    for codepoint in codepoints:
        wanted.unicode_set.add(codepoint)
    target.write_bytes(hb.subset(_face(face.path, face.number), wanted).blob.data)
    return FontFace(str(target))


def document_fonts(fonts: FontSet, text: str, folder: Path) -> FontSet:
    """fonts cut to the characters of text, written into folder (the caller removes them).
    One face stays one face: the PDF then knows to embolden (pdf.py). Fallback faces (for the
    few characters the build's faces lack) are kept whole."""
    codepoints = sorted({ord(c) for c in text} | {ord(" ")})
    regular = _cut(fonts.regular, codepoints, folder / "regular.ttf")
    bold = regular if fonts.bold == fonts.regular else _cut(fonts.bold, codepoints, folder / "bold.ttf")
    return replace(fonts, regular=regular, bold=bold)
