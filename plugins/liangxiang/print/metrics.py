"""A font set's advance widths and character map: measuring text as fpdf2 will set it, and
finding the characters no face can draw. Widths are kept per font digest in the cache."""

from __future__ import annotations

import marshal
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..files import write_atomic
from .fonts import WEIGHTS, FontSet
from .shaping import SHAPED, parts, shaped_width


_READ: dict[tuple[str, bool], tuple[dict, int]] = {}  # (font set's digest, bold) -> a face's table, once per process


@lru_cache(maxsize=4)
def metrics_for(fonts: FontSet, folder: Path | None = None) -> "Metrics":
    """One Metrics per font set and process: `mkdocs serve` rebuilds reuse its tables and its lines.
    With a folder, each face's widths are kept there (by the font's digest) for the next build."""
    return Metrics(fonts, folder)


@dataclass(eq=False)  # hashed by identity: layouts cache lines per Metrics
class Metrics:
    """Advance widths and the character map of a font set, for measuring and for glyph checks."""

    fonts: FontSet
    folder: Path | None = None
    _tables: dict = field(default_factory=dict)
    _advance: dict = field(default_factory=dict)  # (bold, character) -> advance in em
    _shaped: dict = field(default_factory=dict)  # (bold, run) -> width in em

    def _load(self, bold: bool) -> tuple[dict, int]:
        """({code point: advance in font units}, units per em) of a face."""
        if bold not in self._tables:
            memo = self.folder / f"metrics-{self.fonts.digest}-{'bold' if bold else 'regular'}.bin" if self.folder else None
            # a face read once in this process serves every site it builds or checks: `validate` of a
            # new site, or a test's, read the whole font again (0.3 s a face) for its own cache folder
            table = _READ.get((self.fonts.digest, bold))
            if table is None and memo:
                try:
                    table = _read_memo(memo)
                except (OSError, ValueError, EOFError, TypeError):
                    table = None
            fresh = table is None
            if fresh:
                table = self._read_font(bold)
            if memo and (fresh or not memo.exists()):  # a damaged memo is written again
                _write_memo(memo, table)
            self._tables[bold] = _READ[(self.fonts.digest, bold)] = table
        return self._tables[bold]

    def _read_font(self, bold: bool) -> tuple[dict, int]:
        # parsing hmtx and naming 30,000 glyphs costs 0.15 s a face: the memo takes 5 ms
        from fontTools.ttLib import TTFont

        face = self.fonts.bold if bold else self.fonts.regular
        font = TTFont(face.path, fontNumber=face.number, lazy=True)
        hmtx, upem = font["hmtx"].metrics, font["head"].unitsPerEm
        return {code: hmtx[glyph][0] if glyph in hmtx else upem for code, glyph in font.getBestCmap().items()}, upem

    def width(self, text: str, size: float, bold: bool = False) -> float:
        """The width of text at size (both in mm), as fpdf2 will set it."""
        advances, upem = self._load(bold)
        cache = self._advance
        total = 0.0
        for char in text:
            key = (bold, char)
            if key not in cache:
                if SHAPED.match(char):  # Uyghur beside the Chinese: its runs are shaped (never cached here)
                    return sum(self._shaped_width(piece, size, bold) if shaped else self.width(piece, size, bold)
                               for piece, shaped in parts(text))
                advance = advances.get(ord(char))
                cache[key] = advance / upem if advance is not None else 1.0
            total += cache[key]
        return total * size

    def running(self, text: str, bold: bool = False, start: float = 0.0) -> list[float] | None:
        """start plus the advances (in em) of text's first 1, 2, ... characters, added in the order
        width() adds them, so that pre[n] * size is width(text[:n]) to the bit; None for text that is
        shaped (its widths do not add)."""
        advances, upem = self._load(bold)
        cache, total, sums = self._advance, start, []
        for char in text:
            key = (bold, char)
            if key not in cache:
                if SHAPED.match(char):
                    return None
                advance = advances.get(ord(char))
                cache[key] = advance / upem if advance is not None else 1.0
            total += cache[key]
            sums.append(total)
        return sums

    def _shaped_width(self, run: str, size: float, bold: bool) -> float:
        key = (bold, run)
        if key not in self._shaped:
            face = self.fonts.bold if bold else self.fonts.regular
            path, number = face.path, face.number
            if ord(run[0]) not in self._load(bold)[0]:  # from the face that comes with the font (fallback.py)
                from .fallback import covered

                path, number = str(covered(run[0], self.folder).get(run[0], path)), 0
            self._shaped[key] = shaped_width(run, path, number, WEIGHTS['bold' if bold else 'regular'])
        return self._shaped[key] * size

    def missing(self, text: str) -> list[str]:
        """Characters neither the font nor a face that comes with it (fallback.py) can draw."""
        lacking = self.lacking(text)
        if not lacking:
            return lacking
        from .fallback import covered

        found = covered("".join(lacking), self.folder)
        return [char for char in lacking if char not in found]

    def lacking(self, text: str) -> list[str]:
        """Characters the font cannot draw (in either weight), each once, in order."""
        found: list[str] = []
        for bold in (False, True):
            cmap = self._load(bold)[0]
            # control and format characters are no glyphs: the loader reports them where they are written
            for c in text:
                if not c.isspace() and ord(c) not in cmap and c not in found and unicodedata.category(c) not in ("Cc", "Cf"):
                    found.append(c)
        return found


def _read_memo(path: Path) -> tuple[dict, int] | None:
    if not path.is_file():
        return None
    advances, upem = marshal.loads(path.read_bytes())
    if not isinstance(advances, dict) or not isinstance(upem, int):
        raise ValueError(path)
    return advances, upem


def _write_memo(path: Path, table: tuple[dict, int]) -> None:
    try:
        write_atomic(path, marshal.dumps(table))
    except OSError:
        pass  # a read-only cache: the next build reads the font again
