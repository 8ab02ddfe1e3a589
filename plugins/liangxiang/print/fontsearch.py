"""Which font on this machine can draw what the print font cannot: a name with a rare character
(𠮷, 䶮) is a person's name, not a typo, so the hint names a font to set, not a character to drop."""

from __future__ import annotations

import os
import time
from functools import lru_cache
from pathlib import Path

FOLDERS = ("/usr/share/fonts", "/usr/local/share/fonts", "~/.local/share/fonts", "~/.fonts", "/Library/Fonts",
           "/System/Library/Fonts", "~/Library/Fonts", "C:/Windows/Fonts", "~/AppData/Local/Microsoft/Windows/Fonts")
SUFFIXES = (".ttf", ".otf", ".ttc")
BUDGET = 5.0  # seconds: a machine with thousands of fonts gets the hint without the name


@lru_cache(maxsize=64)  # `mkdocs serve` says a notice again on each rebuild: the search is once
def font_having(chars: str, root: Path) -> str | None:
    """A value for the plugin's `font` option (TTF, OTF or TTC#n) naming an installed font that
    draws every one of chars, or None; paths under root are written relative to it."""
    from fontTools.ttLib import TTCollection, TTFont

    wanted = {ord(c) for c in chars}
    deadline = time.monotonic() + BUDGET
    for path in _font_files():
        if time.monotonic() > deadline:
            return None
        try:
            faces = TTCollection(str(path), lazy=True).fonts if path.suffix.lower() == ".ttc" else [TTFont(str(path), lazy=True)]
            having = [number for number, face in enumerate(faces) if wanted <= set(face.getBestCmap() or {})]
            if having:
                # a collection's Simplified Chinese face where there is one (Noto Sans CJK: JP, KR, SC, TC…)
                number = next((n for n in having if _simplified(faces[n])), having[0])
                shown = os.path.relpath(path, root) if path.is_relative_to(root) else path.as_posix()
                return f"{shown}#{number}" if path.suffix.lower() == ".ttc" else shown
        except Exception:  # a broken or unusual font file: not the one to suggest
            continue
    return None


def _simplified(face) -> bool:
    family = face["name"].getDebugName(1) or ""
    return any(mark in family for mark in (" SC", " CN", "GB", "简"))


def _font_files():
    for folder in FOLDERS:
        base = Path(folder).expanduser()
        if base.is_dir():
            # CJK families first: Noto/Source Han/SimSun carry the rare characters if any does
            found = sorted((p for p in base.rglob("*") if p.suffix.lower() in SUFFIXES),
                           key=lambda p: (not any(k in p.name.lower() for k in ("cjk", "han", "sun", "ming", "song", "hei", "ext")),
                                          "bold" in p.name.lower(), p.name))
            yield from found
