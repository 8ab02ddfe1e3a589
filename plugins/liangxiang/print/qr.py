"""QR codes (segno): what they hold, how much they can lose, and their files.

Error correction Q, raised to H when the data leaves room in the same version. Signs hang
outdoors for years and get dirty, scratched and stuck over: Q still reads with a quarter of the
code lost. Always asking for H would cost a version for a typical address (61 characters:
41 -> 45 modules), i.e. about 10 % smaller modules on the same printed square, and a sign's
code is read from a distance, where module size matters as much as redundancy.
"""

from __future__ import annotations

from pathlib import Path

import segno

from .drawing import Code

ERROR = "q"
QUIET = 4  # modules of light margin on every side, as the standard asks


def make(data: str) -> segno.QRCode:
    return segno.make_qr(data, error=ERROR, boost_error=True)


def side(data: str) -> int:
    """Modules across, quiet zone included."""
    return make(data).symbol_size(border=QUIET)[0]


def code(data: str, x: float, y: float, module: float, dark: str, light: str) -> Code:
    rows = tuple("".join("1" if cell else "0" for cell in row) for row in make(data).matrix)
    return Code(x, y, module, rows, QUIET, dark, light, data)


def write_files(data: str, stem: Path) -> list[Path]:
    """STEM.svg (vector) and STEM.png (10 px per module) of a code, quiet zone included."""
    stem.parent.mkdir(parents=True, exist_ok=True)
    symbol = make(data)
    svg, png = stem.with_suffix(".svg"), stem.with_suffix(".png")
    symbol.save(str(svg), kind="svg", scale=10, border=QUIET, dark="#000", light="#fff", xmldecl=False)
    symbol.save(str(png), kind="png", scale=10, border=QUIET, dark="#000", light="#fff")
    return [svg, png]
