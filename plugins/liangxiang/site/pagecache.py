"""Rendered data pages kept between builds: a page is rendered again only when what it shows changed.

A page's HTML is a function of the site (theme files, configuration, menu, labels, organization),
of its own context (the records the page plan hands it) and of what its templates looked up
while rendering (a member or zone by id, a picture, the whole content for index pages). The
first two make the page's key; the lookups are recorded at render time, like a compiler's
depfile, and replayed on the next build: the cached HTML is used only if every lookup still
gives the same answer. Rendered files live in the cache dir; the staged output links them into the site.
"""

from __future__ import annotations

import dataclasses
import hashlib
import pickle
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable

from pydantic import BaseModel

from ..files import whole, write_atomic

Token = tuple  # ('member', 'zhang-wei'), ('picture', 'photos/a.jpg', 'avatar'), ('content',)


class Unfingerprintable(TypeError):
    """A value whose identity cannot be hashed: the page that holds it is always rendered."""


class Fingerprints:
    """Stable hashes of context values; each record is hashed once per build."""

    def __init__(self) -> None:
        self._records: dict[int, str] = {}
        self._keep: list[Any] = []  # memoized by id(): the objects must outlive the build

    def of(self, value: Any) -> str:
        return hashlib.sha256(self._text(value).encode("utf-8", "surrogatepass")).hexdigest()

    def _text(self, value: Any) -> str:
        if value is None or isinstance(value, (bool, int, float, str)):
            return f"{type(value).__name__}:{value!r}"
        if isinstance(value, BaseModel):
            known = self._records.get(id(value))
            if known is None:
                known = hashlib.sha256(value.model_dump_json().encode("utf-8", "surrogatepass")).hexdigest()
                self._records[id(value)] = known
                self._keep.append(value)
            return f"{type(value).__name__}#{known}"
        if isinstance(value, (list, tuple)):
            return "[" + ",".join(self._text(item) for item in value) + "]"
        if isinstance(value, dict):
            return "{" + ",".join(f"{self._text(k)}:{self._text(v)}" for k, v in sorted(value.items(), key=lambda kv: repr(kv[0]))) + "}"
        fingerprint = getattr(value, "fingerprint", None)
        if callable(fingerprint):  # an object that says what of it a page shows (Printable)
            return f"{type(value).__name__}<{fingerprint()}>"
        if dataclasses.is_dataclass(value) and type(value).__dataclass_params__.frozen:  # Picture, Variant
            parts = (self._text(getattr(value, f.name)) for f in dataclasses.fields(value))
            return f"{type(value).__name__}(" + ",".join(parts) + ")"
        raise Unfingerprintable(type(value).__name__)


@dataclass(frozen=True)
class Entry:
    key: str  # the site and the page's context
    lookups: tuple[Token, ...]  # what its templates looked up
    answers: str  # a hash of what those lookups returned
    html: str  # the file in the cache folder


class PageCache:
    """The rendered pages of the last builds, by page path."""

    MANIFEST = "manifest.pickle"

    def __init__(self, folder: Path):
        self.folder = folder
        self.entries: dict[str, Entry] = {}
        self.used: dict[str, Entry] = {}
        self.rendered = self.reused = 0
        try:
            with open(folder / self.MANIFEST, "rb") as file:
                self.entries = pickle.load(file)
        except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ValueError, TypeError, ImportError):
            self.entries = {}

    def reuse(self, path: str, key: str, answer: Callable[[Iterable[Token]], str]) -> Path | None:
        """The cached page's file, when its key and every lookup's answer are unchanged."""
        entry = self.entries.get(path)
        if entry is None or entry.key != key:
            return None
        source = self.folder / entry.html
        if not whole(source) or answer(entry.lookups) != entry.answers:
            return None
        self.used[path] = entry
        self.reused += 1
        return source

    def store(self, path: str, key: str, lookups: Iterable[Token], answers: str, html: str) -> Path:
        """Keep a freshly rendered page; returns its file (named by a hash of its bytes)."""
        data = html.encode("utf-8")
        name = hashlib.sha256(data).hexdigest()[:32] + ".html"
        source = self.folder / name
        if not whole(source):
            write_atomic(source, data)
        self.used[path] = Entry(key, tuple(lookups), answers, name)
        self.rendered += 1
        return source

    def save(self) -> None:
        """Keep what this build used; forget the rest."""
        if self.used == self.entries and not self.rendered:
            return
        write_atomic(self.folder / self.MANIFEST, pickle.dumps(self.used, protocol=pickle.HIGHEST_PROTOCOL))
        kept = {entry.html for entry in self.used.values()}
        for path in self.folder.glob("*.html"):
            if path.name not in kept:
                path.unlink(missing_ok=True)
