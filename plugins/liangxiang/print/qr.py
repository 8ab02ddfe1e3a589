"""QR codes (segno): what they hold, how much they can lose, and their files.

Error correction Q, raised to H when the data leaves room in the same version. Signs hang
outdoors for years and get dirty, scratched and stuck over: Q still reads with a quarter of the
code lost. Always asking for H would cost a version for a typical address (61 characters:
41 -> 45 modules), i.e. about 10 % smaller modules on the same printed square, and a sign's
code is read from a distance, where module size matters as much as redundancy.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from ..files import replacing
from .drawing import Code

ERROR = "q"
QUIET = 4  # modules of light margin on every side, as the standard asks

if TYPE_CHECKING:
    import segno


@lru_cache(maxsize=4096)
def make(data: str) -> "segno.QRCode":
    """The symbol segno makes, its mask chosen and applied by qrmask: the same symbol in half the time."""
    import segno  # on first use: a build with nothing to lay out or render needs no QR code

    from .qrmask import best_mask, remasked

    first = segno.make_qr(data, error=ERROR, boost_error=True, mask=0)
    mask = best_mask(first.matrix)
    return first if mask == 0 else remasked(first, mask)


@lru_cache(maxsize=4096)
def side(data: str) -> int:
    """Modules across, quiet zone included. The layout needs only the version, which segno finds
    from the data's length before it places a single module (a whole code costs 20 times more)."""
    from segno import encoder

    segments = encoder.prepare_data(data, None, None)
    version = encoder.find_version(segments, encoder.normalize_errorlevel(ERROR), eci=False, micro=False)
    return version * 4 + 17 + 2 * QUIET


def rows(data: str) -> tuple[str, ...]:
    """The symbol's modules, '1' dark, quiet zone not included."""
    return tuple("".join("1" if cell else "0" for cell in row) for row in make(data).matrix)


def code(data: str, x: float, y: float, module: float, dark: str, light: str) -> Code:
    return Code(x, y, module, side(data) - 2 * QUIET, QUIET, dark, light, data)


def write_files(job: tuple[str, str]) -> list[Path]:
    """(data, STEM): STEM.svg (vector) and STEM.png (10 px per module) of a code, quiet zone included."""
    data, stem_text = job
    stem = Path(stem_text)
    stem.parent.mkdir(parents=True, exist_ok=True)
    symbol = make(data)
    written = []
    for suffix, options in ((".svg", {"xmldecl": False}), (".png", {})):
        target = stem.with_name(stem.name + suffix)
        with replacing(target) as partial:
            symbol.save(str(partial), kind=suffix[1:], scale=10, border=QUIET, dark="#000", light="#fff", **options)
        written.append(target)
    return written
