"""The printables' cache: rendered PDFs and previews kept outside site_dir between builds.

A printable's key is a hash of everything that goes into it: its drawing (every word, size and
position, the QR code's address, each image's path and the hash of its bytes), the font's hash,
the options, the versions of this package's printing code and of fpdf2 and pdfium. An unchanged
printable therefore has an unchanged key and is copied, never rendered again.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..files import code_digest, link_or_copy, whole

PACKAGE = Path(__file__).parent


@lru_cache(maxsize=1)
def code_version() -> str:
    """A hash of the printing code and the libraries that draw and preview."""
    # imaging.py: photos are opened upright and at 8 bits by it, for the site and for paper alike;
    # titles.py and values.py (with rjieba's dictionary): where a line of a sign or plate may break
    files = [*PACKAGE.glob("*.py"), *(PACKAGE.parent / name for name in ("imaging.py", "titles.py", "values.py"))]
    # fontTools cuts every face a PDF embeds; the fallback faces come from the justmytype packages
    return code_digest(PACKAGE.parent, files, ("fpdf2", "pypdfium2", "segno", "Pillow", "uharfbuzz", "rjieba", "fonttools",
                                               "justmytype-intl-cjk", "justmytype-intl-rtl"))


def key(*parts: object) -> str:
    digest = hashlib.sha256(code_version().encode())
    for part in parts:
        digest.update(repr(part).encode("utf-8"))
        digest.update(b"\x00")
    return digest.hexdigest()[:24]


@dataclass(frozen=True)
class Entry:
    """A cached printable: PDF, preview and facts about it (paths as strings: a build handles
    thousands, and pathlib's parsing was most of a warm build's print stage)."""

    pdf: str
    png: str
    meta: str

    def complete(self) -> bool:
        # the meta file is written last: its presence means the entry is whole
        return all(os.path.isfile(path) for path in (self.meta, self.pdf, self.png))  # whole: publish checks

    def facts(self) -> dict:
        with open(self.meta, encoding="utf-8") as file:
            return json.load(file)


class PrintCache:
    def __init__(self, folder: Path):
        self.folder = folder

    def entry(self, kind: str, name: str, key: str) -> Entry:
        base = f"{self.folder}/{kind}/{name[:48]}-{key}"
        return Entry(base + ".pdf", base + ".png", base + ".json")

    @staticmethod
    def publish(entry: Entry, pdf: str, png: str) -> bool:
        """Link the entry's PDF and preview into the site; False when the cache lost them or they
        are damaged."""
        if not (whole(entry.pdf) and whole(entry.png)):
            return False
        try:
            for source, target in ((entry.pdf, pdf), (entry.png, png)):
                link_or_copy(source, target)
        except FileNotFoundError:
            return False
        return True

    def prune(self, kept: list[str | Path], fonts_too: bool) -> None:
        """Remove what this build no longer uses, so the cache does not grow with every edit.

        The cut-down fonts are only known when something was rendered: otherwise they stay.
        """
        keep = {str(path) for path in kept}  # paths made alike: comparing names spares a resolve() each
        folders = ["signboards", "plates", "all", "qr"] + (["fonts"] if fonts_too else [])
        for name in folders:
            folder = self.folder / name
            if not folder.is_dir():
                continue
            for path in folder.iterdir():
                if str(path) not in keep and not path.name.endswith(".part") and path.is_file():
                    path.unlink(missing_ok=True)
