"""What each printable looked like last time, in one file: a build with nothing changed lays out
and renders nothing.

A layout depends only on its inputs: the planned content (every word, the QR code's address,
each image's hash), the words, the font's hash, bleed and the printing code's version. The index
maps a hash of those to what a build needs without laying out again: the PDF cache key, the
title, the page size and the notes; and, once rendered, the PDF's facts. Only layouts that fit
are stored, so content that does not fit is laid out, and fails, again on every build. One file
rather than one per printable: reading a thousand small files costs more than one parse.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from ..files import write_atomic
from .cache import key

VERSION = 7  # 2: a summary says what was squeezed; 3: and which photo printed small; 4, 5: and what was left out; 6: how its duties read; 7: every field squeezed


@dataclass(frozen=True)
class Summary:
    """A layout as the build needs it when it is not laid out again."""

    key: str  # the PDF cache key: a hash of the whole drawing
    title: str
    width: float
    height: float
    notes: tuple[str, ...]
    squeezed: tuple = ()  # (field path, message, hint, squeeze) of each field set below the legible size (fitting.py)
    small_photo: tuple = ()  # images.SmallPhoto's fields
    left_out: tuple = ()  # ((field path, characters, words), ...) that could not be printed (glyphs.py)
    reading: float = 0.0  # Drawing.reading


def layout_key(kind: str, content: object, words: object, font_digest: str, bleed: bool) -> str:
    """A hash of a layout's inputs; key() adds the printing code's version."""
    return key("layout", kind, content, words, font_digest, bleed)


class LayoutIndex:
    def __init__(self, path: Path):
        self.path = path
        self.layouts: dict[str, Summary] = {}
        self.facts: dict[str, dict] = {}  # PDF cache key -> facts of the rendered entry
        self.changed = False  # since the last save
        self.touched = False  # by this build: the cache may hold files no longer needed
        self._seen: set[str] = set()
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return
        if not isinstance(data, dict) or data.get("version") != VERSION:
            return
        try:
            self.layouts = {k: Summary(v[0], v[1], v[2], v[3], tuple(v[4]), _squeezed(v[5]), tuple(v[6]), _left_out(v[7]), float(v[8])) for k, v in data["layouts"].items()}
            self.facts = dict(data["facts"])
        except (KeyError, IndexError, TypeError, ValueError, AttributeError):
            self.layouts, self.facts = {}, {}

    def get(self, layout_key: str) -> Summary | None:
        summary = self.layouts.get(layout_key)
        if summary is not None:
            self._seen.add(layout_key)
        return summary

    def put(self, layout_key: str, summary: Summary) -> None:
        self.layouts[layout_key] = summary
        self._seen.add(layout_key)
        self.changed = self.touched = True

    def put_facts(self, output_key: str, facts: dict) -> None:
        self.facts[output_key] = facts
        self.changed = self.touched = True

    def dirty(self) -> bool:
        return self.touched or bool(self.layouts.keys() - self._seen)

    def save(self) -> None:
        """Keep this build's layouts only (an edited printable's old layout goes), whole or not at all."""
        stale = self.layouts.keys() - self._seen
        if not self.changed and not stale:
            return
        layouts = {k: self.layouts[k] for k in self._seen}
        outputs = {s.key for s in layouts.values()}
        data = {
            "version": VERSION,
            "layouts": {k: [s.key, s.title, s.width, s.height, list(s.notes), [list(x) for x in s.squeezed], list(s.small_photo), [list(x) for x in s.left_out], s.reading] for k, s in layouts.items()},
            "facts": {k: v for k, v in self.facts.items() if k in outputs},
        }
        write_atomic(self.path, json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode())
        self.layouts = layouts
        self.changed, self.touched = False, self.touched or bool(stale)


def _squeezed(stored: list) -> tuple:
    return tuple((tuple(field), *rest) for field, *rest in stored)


def _left_out(stored: list) -> tuple:
    return tuple((tuple(field), chars, words) for field, chars, words in stored)
