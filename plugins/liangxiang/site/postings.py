"""The search index's postings, kept between builds and brought up to date document by document.

An edit changes a few documents of a thousand; cutting every text into bigrams and filing all of
them again costs more than the rest of the edit's search index (1,300 documents: 70 ms). So the
postings of the last index are kept in the cache with a digest of each document they filed. A
document whose digest is gone is taken out, one that is new is cut and filed, and when documents
were added or removed before others, the kept postings are numbered anew. A list stays in the
order a whole build gives it (ascending), so both give the same bytes.
"""

from __future__ import annotations

import bisect
import hashlib
import marshal
from pathlib import Path
from typing import Callable, Sequence

from ..files import write_atomic

Grams = Callable[[str, bool], set]  # search.grams: (text, single characters too) -> bigrams
FEW = 8  # documents taken out one by one (a bisection per list); more, and every list is filtered


def _digest(title: str, text: str) -> bytes:
    return hashlib.blake2b(f"{title}\0{text}".encode("utf-8", "surrogatepass"), digest_size=16).digest()


class Postings:
    """{gram: [posting]}, posting = document * 2 + 1 when the gram is in its title, else * 2."""

    def __init__(self, path: Path | None, version: str, grams: Grams):
        self.path, self.version, self.grams = path, version, grams
        self.digests: list[bytes] = []  # per document filed
        self.postings: dict[str, list[int]] = {}
        try:
            kept_version, digests, postings = marshal.loads(path.read_bytes()) if path else ("", [], {})
        except (OSError, EOFError, ValueError, TypeError):
            kept_version, digests, postings = "", [], {}
        if kept_version == version and isinstance(digests, list) and isinstance(postings, dict):
            self.digests, self.postings = digests, postings  # else another cut of texts into bigrams

    def of(self, documents: Sequence[tuple[str, str]]) -> dict[str, list[int]]:
        """The postings of documents, each (title, text)."""
        digests = [_digest(title, text) for title, text in documents]
        was: dict[bytes, list[int]] = {}
        for number, digest in enumerate(self.digests):
            was.setdefault(digest, []).append(number)
        moved: dict[int, int] = {}  # kept document's number before -> now
        new = []
        for number, digest in enumerate(digests):
            if was.get(digest):
                moved[was[digest].pop(0)] = number
            else:
                new.append(number)
        if all(before == now for before, now in moved.items()):
            self._take_out([number for number in range(len(self.digests)) if number not in moved])
        else:
            self._renumber(moved)
        for number in new:
            self._file(number, *documents[number])
        self.digests = digests
        return self.postings

    def save(self) -> None:
        if self.path is None:
            return
        try:
            write_atomic(self.path, marshal.dumps((self.version, self.digests, self.postings)))
        except OSError:
            pass  # a read-only cache: the next build files them all again

    def _take_out(self, gone: list[int]) -> None:
        if not gone:
            return
        if len(gone) > FEW:
            out = set(gone)
            lists = {gram: [p for p in found if p >> 1 not in out] for gram, found in self.postings.items()}
        else:
            lists, postings = self.postings, sorted({n * 2 + kind for n in gone for kind in (0, 1)}, reverse=True)
            for found in lists.values():
                for posting in postings:
                    at = bisect.bisect_left(found, posting)
                    if at < len(found) and found[at] == posting:
                        del found[at]
        self.postings = {gram: found for gram, found in lists.items() if found}

    def _renumber(self, moved: dict[int, int]) -> None:
        renumbered = {gram: sorted(moved[p >> 1] * 2 + (p & 1) for p in found if p >> 1 in moved)
                      for gram, found in self.postings.items()}
        self.postings = {gram: found for gram, found in renumbered.items() if found}

    def _file(self, number: int, title: str, text: str) -> None:
        in_title = self.grams(title, True)
        for grams, posting in ((in_title, number * 2 + 1), (self.grams(text, False) - in_title, number * 2)):
            for gram in grams:
                bisect.insort(self.postings.setdefault(gram, []), posting)  # at the end, when filed whole
