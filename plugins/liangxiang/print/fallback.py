"""Characters the print font lacks, drawn from the other Noto faces that come with it.

A name may hold a character outside GB 2312 and outside Noto Sans SC (𠮷, the "吉" of some
family names, is in Noto Sans JP; 𡘙 in Noto Sans TC): it is printed, not refused. So is the
Uyghur beside the Chinese on a sign in Xinjiang (Noto Sans Arabic; shaping.py). Each face that
has some of a build's missing characters is cut to them and made static at both weights (a few
glyphs: a quarter of a second, against 11 s for a whole face), and the PDF sets those characters
in it. What no face has is left out or an error (glyphs.py).
"""

from __future__ import annotations

import hashlib
import marshal
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..files import replacing, stamp, write_atomic
from .fonts import WEIGHTS, FontError, FontFace, bundled_font, subset_face, whole_font
from .shaping import INSIDE_RUNS, SHAPED

# in the order they are asked, beside the bundled Noto Sans SC: traditional, Japanese and Korean forms
OTHER_FACES = ("notosanstc/NotoSansTC[wght].ttf", "notosansjp/NotoSansJP[wght].ttf", "notosanskr/NotoSansKR[wght].ttf")
# and the Arabic alphabet of Uyghur and Kazakh (shaping.py), from another package
ARABIC_PACKAGE, ARABIC_FACE = "justmytype_intl_rtl", "fonts/ofl/notosansarabic/NotoSansArabic[wdth,wght].ttf"
CUT = 3  # how the faces are cut: part of their file names


@dataclass(frozen=True)
class FallbackFace:
    """A face cut to the characters it sets for a build, at both weights."""

    regular: FontFace
    bold: FontFace
    chars: str


def sources() -> tuple[Path, ...]:
    """The bundled faces that are there (none when the package is missing: nothing falls back)."""
    try:
        simplified = bundled_font()
    except FontError:
        return ()
    faces = (simplified, *(simplified.parent.parent / face for face in OTHER_FACES), _arabic())
    return tuple(path for path in faces if path is not None and path.is_file())


def _arabic() -> Path | None:
    try:
        from importlib.resources import files

        return Path(str(files(ARABIC_PACKAGE).joinpath(ARABIC_FACE)))
    except ModuleNotFoundError:
        return None


def covered(chars: str, folder: Path | None) -> dict[str, Path]:
    """Each character a bundled face has -> the first such face."""
    found: dict[str, Path] = {}
    for source in sources():
        codes = _coverage(source, stamp(source.stat()), folder)
        found.update({char: source for char in chars if char not in found and ord(char) in codes})
        if len(found) == len(set(chars)):
            break
    return found


@lru_cache(maxsize=8)
def _coverage(source: Path, stamped: tuple, folder: Path | None) -> frozenset[int]:
    """The code points of a face; kept in the folder (reading a 20,000-glyph cmap costs 0.1 s)."""
    memo = folder / f"cmap-{source.stem[:24]}-{hashlib.sha256(repr(stamped).encode()).hexdigest()[:12]}.bin" if folder else None
    try:
        if memo is not None and memo.is_file():
            return frozenset(marshal.loads(memo.read_bytes()))
    except (OSError, ValueError, EOFError, TypeError):
        pass
    from fontTools.ttLib import TTFont

    codes = sorted(TTFont(source, lazy=True).getBestCmap())
    if memo is not None:
        try:
            write_atomic(memo, marshal.dumps(codes))
        except OSError:
            pass  # a read-only cache: read again next time
    return frozenset(codes)


def fallback_faces(lacking: str, folder: Path, memo: Path | None = None) -> tuple[FallbackFace, ...]:
    """Faces for the characters the print font lacks, cut and kept in folder by face and characters."""
    by_source: dict[Path, str] = {}
    for char, source in covered(lacking, memo).items():
        by_source[source] = by_source.get(source, "") + char
    faces = []
    for source, chars in by_source.items():
        chars = "".join(sorted(set(chars)))
        tag = hashlib.sha256(f"{CUT}{source.name}{source.stat().st_size}{chars}".encode()).hexdigest()[:16]
        targets = {name: folder / f"fallback-{tag}-{name}.ttf" for name in WEIGHTS}
        if not all(whole_font(target) for target in targets.values()):
            folder.mkdir(parents=True, exist_ok=True)
            _cut(source, chars, targets)
        faces.append(FallbackFace(FontFace(str(targets["regular"])), FontFace(str(targets["bold"])), chars))
    return tuple(faces)


def _cut(source: Path, chars: str, targets: dict[str, Path]) -> None:
    """The variable face cut to chars as a base face is (fonts.subset_face), then made static at each
    weight; a face for a script that is shaped keeps the tables that join its letters."""
    from fontTools.ttLib import TTFont
    from fontTools.varLib import instancer

    cut = targets["regular"].with_name(targets["regular"].stem + "-variable.ttf")
    shaped = bool(SHAPED.search(chars))
    subset_face((FontFace(str(source)), chars + (INSIDE_RUNS if shaped else ""), str(cut), not shaped))
    font = TTFont(cut, recalcTimestamp=False)
    font.recalcBBoxes = False  # the source's bounds: the same face bytes whatever else was cut with it
    family = source.name.partition("[")[0]  # NotoSansJP
    for name, weight in WEIGHTS.items():
        axes = {axis.axisTag: None for axis in font["fvar"].axes} | {"wght": weight} if "fvar" in font else {}  # None: the default
        static = instancer.instantiateVariableFont(font, axes, inplace=False) if axes else font
        style = name.capitalize()
        names = static["name"]  # the default instance's "Thin" would name the PDF's font
        names.names = [record for record in names.names if record.nameID not in (16, 17, 21, 22, 25)]
        for number, text in ((1, family), (2, style), (4, f"{family} {style}"), (6, f"{family}-{style}")):
            names.removeNames(nameID=number)
            names.setName(text, number, 3, 1, 0x409)
        with replacing(targets[name]) as partial:  # whole or absent
            static.save(str(partial))
    cut.unlink(missing_ok=True)
