"""Parsed YAML kept between builds, by a hash of the file's bytes.

PyYAML's pure-Python parser is most of what loading costs (5 s for 300 files of a 1,000-member
organization); an editor changes one or two files between builds. A cached document is the
exact result of parsing those bytes with this version of the loader: its data, where each key
stood, and the problems found in it, replayed as if the file had been read again.
"""

from __future__ import annotations

import hashlib
import marshal
import pickle
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable

from ..files import code_digest, write_atomic
from ..problems import Location, Problem, Problems
from .yamlfile import Document, SourceMap

PACKAGE = Path(__file__).parent


@lru_cache(maxsize=1)
def loader_version() -> str:
    """Changes whenever the code that turns bytes into documents and problems does."""
    # reading.py and frontmatter.py: a story's parse (its front matter split off) is cached too;
    # model.py and fields.py: which keys are Markdown, lists or references shapes the parse and its hints
    files = ("yamlfile.py", "yamlbounds.py", "yamlcause.py", "yamlhints.py", "nodes.py", "typography.py", "recovery.py",
             "decoding.py", "cache.py", "reading.py", "frontmatter.py")
    paths = [PACKAGE / name for name in files] + [PACKAGE.parent / name for name in ("model.py", "fields.py")]
    return code_digest(PACKAGE.parent, paths, ("PyYAML",))


def file_digest(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


class ParseCache:
    """``cached(name, digest, parse)``: parse's result, computed once per distinct input."""

    def __init__(self, folder: Path | None):
        self.folder = folder
        self.used: set[str] = set()

    def cached(self, name: str, digest: str, problems: Problems, parse: Callable[[Problems], Any]) -> Any:
        """The value ``parse`` returns for the file ``name`` with these bytes; its problems go to ``problems``."""
        if self.folder is None:
            return parse(problems)
        entry = hashlib.sha256(f"{loader_version()}\0{name}\0{digest}".encode()).hexdigest()[:32]
        self.used.add(entry)
        path = self.folder / f"{entry}.parsed"
        try:
            value, found = _unpack(path.read_bytes())
        except (OSError, EOFError, ValueError, TypeError, KeyError, IndexError, pickle.UnpicklingError, AttributeError):
            pass  # absent, or written by another version: parse again
        else:
            problems.extend(Problem(Location(*where), *rest) for where, *rest in found)
            return value
        own = Problems()
        value = parse(own)
        problems.extend(own.items)
        found = [((p.where.path, p.where.line, p.where.col), p.field, p.message, p.hint) for p in own.items]
        self._store(path, _pack(value, found))
        return value

    def _store(self, path: Path, data: bytes) -> None:
        try:
            write_atomic(path, data)  # whole or not at all: two builds may share the cache
        except OSError:
            pass  # a cache that cannot be written only costs time

    def prune(self) -> None:
        """Forget documents no file has any more (edited or deleted)."""
        try:
            if self.folder is None or not self.folder.is_dir():
                return
            for path in self.folder.iterdir():
                if path.suffix == ".parsed" and path.stem not in self.used:
                    path.unlink(missing_ok=True)
        except OSError:
            pass  # a cache that cannot be pruned only costs room


# marshal reads plain data (what YAML gives: dicts, lists, strings, numbers) eight times faster
# than pickle; pickle is the fallback for anything else (an explicit !!timestamp, say)
def _pack(value: Any, found: list) -> bytes:
    if isinstance(value, Document):
        plain: Any = ("doc", *_document(value))
    elif isinstance(value, tuple) and len(value) == 4 and isinstance(value[0], bool):  # a story (load._Reader.story)
        has_front, doc, body, body_line = value
        plain = ("story", has_front, None if doc is None else _document(doc), body, body_line)
    else:
        plain = ("none",) if value is None else None
    if plain is not None:
        try:
            return b"M" + marshal.dumps((plain, found))
        except ValueError:
            pass
    return b"P" + pickle.dumps((value, found), protocol=pickle.HIGHEST_PROTOCOL)


def _unpack(data: bytes) -> tuple[Any, list]:
    if data[:1] == b"P":
        return pickle.loads(data[1:])
    if data[:1] != b"M":
        raise ValueError("not a parse cache entry")
    (kind, *rest), found = marshal.loads(data[1:])
    if kind == "doc":
        return _undocument(rest), found
    if kind == "story":
        has_front, doc, body, body_line = rest
        return (has_front, None if doc is None else _undocument(doc), body, body_line), found
    return None, found


def _document(doc: Document) -> tuple:
    source = doc.source
    return doc.data, source.path, source.positions, list(source.flow), source.written, list(source.set_aside), list(source.said)


def _undocument(parts: Any) -> Document:
    data, path, positions, flow, written, set_aside, said = parts
    return Document(data, SourceMap(path, positions, set(flow), written, set(set_aside), said=set(said)))
