"""The search index as files: a head the box fetches first, and shards fetched per bigram typed.

The whole index of 3,000 members was 2.9 MB (600 KB gzipped) before a first result (audit AR 1).
So the head holds what every search needs: the documents, the postings of the titles' grams and
of numbers; the texts' postings are cut into shards by a hash of the gram, and a query fetches the
shards of its grams only (a name of three characters: two shards of about 20 KB). Every postings
list is written as the differences between its postings, which halves the bytes. All files are
named by the hash of what the index holds: browsers may keep them for ever, and an unchanged site
reuses them from the cache. The excerpts (each document's words, shown around a match) are cut
into files of consecutive documents, and a visitor fetches those of the results shown.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from pathlib import Path
from typing import Callable

from ..files import TextMemo, link_or_copy, whole, write_atomic
from .postings import Postings
from .search import Doc, build_index, excerpts, grams
from .sitekey import code_version

SHARD_BYTES = 32_000  # about, of a shard's JSON
EXCERPT_BYTES = 48_000  # about, of an excerpts file's JSON (2.9 MB in one at 3,000 members)
MOST_SHARDS = 128


def shard_of(gram: str, count: int) -> int:
    """As search.js's shardOf(): a 32-bit multiplicative hash of the gram's code points."""
    value = 0
    for character in gram:
        value = (value * 31 + ord(character)) & 0xFFFFFFFF
    return value % count


def _differences(postings: list[int]) -> list[int]:
    return [posting - before for posting, before in zip(postings, [0, *postings])]


def _sums(differences: list[int]) -> list[int]:
    out, total = [], 0
    for difference in differences:
        total += difference
        out.append(total)
    return out


def split_index(index: dict) -> tuple[dict, list[dict]]:
    """(head, shards) of build_index's {"docs", "g"}: the head's "t" holds each gram's postings in
    titles, its "n" the numbers' ("#2721365"), whole; a shard, each gram's other postings. A
    posting is still document * 2 + 1 in a title, else * 2, so the browser adds them up as before."""
    titles, texts, numbers = {}, {}, {}
    for gram, postings in index["g"].items():
        if gram.startswith("#"):
            numbers[gram] = _differences(postings)
            continue
        in_title = [p for p in postings if p & 1]
        elsewhere = [p for p in postings if not p & 1]
        if in_title:
            titles[gram] = _differences(in_title)
        if elsewhere:
            texts[gram] = _differences(elsewhere)
    count = max(1, min(MOST_SHARDS, math.ceil(len(_json(texts)) / SHARD_BYTES)))
    shards: list[dict] = [{} for _ in range(count)]
    for gram, postings in texts.items():
        shards[shard_of(gram, count)][gram] = postings
    return {"v": 2, "docs": index["docs"], "t": titles, "n": numbers}, shards


def join_index(head: dict, shards: list[dict]) -> dict:
    """build_index's {"docs", "g"} again, from split_index's files (for checks and tests)."""
    found: dict[str, list[int]] = {gram: _sums(postings) for gram, postings in head["n"].items()}
    for part in (head["t"], *shards):
        for gram, postings in part.items():
            found[gram] = sorted(found.get(gram, []) + _sums(postings))
    return {"docs": head["docs"], "g": dict(sorted(found.items()))}


def shard_name(index_name: str, number: int) -> str:
    return index_name.replace("search-", "grams-", 1).replace(".json", f"-{number}.json")


def excerpts_name(index_name: str, number: int) -> str:
    return index_name.replace("search-", "excerpts-", 1).replace(".json", f"-{number}.json")


def split_excerpts(texts: list[str]) -> tuple[list[int], list[list[str]]]:
    """The excerpts cut into files of consecutive documents, of about EXCERPT_BYTES each; and the
    first document of each file (search.js finds a document's file by them)."""
    starts: list[int] = []
    parts: list[list[str]] = []
    size = EXCERPT_BYTES
    for number, text in enumerate(texts):
        if size >= EXCERPT_BYTES:
            starts.append(number)
            parts.append([])
            size = 0
        parts[-1].append(text)
        size += len(_json(text)) + 1
    return starts, parts


def _json(value) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode()


def _files(folder: Path, name: str) -> list[Path]:
    """The index's files kept in the cache, the head first; [] when one is missing or cut short."""
    try:
        head = json.loads((folder / name).read_text(encoding="utf-8"))
        names = [name, *head["excerpts"], *head["shards"]]
    except (OSError, ValueError, KeyError, TypeError):
        return []
    paths = [folder / each for each in names]
    return paths if all(isinstance(each, str) and whole(folder / each) for each in names) else []


def write_index(docs: list[Doc], site_dir: Path, cache_dir: Path, prefix: str = "assets", postings: Postings | None = None) -> str:
    """Write the index into site_dir; returns its head's path relative to site_dir (named by its hash)."""
    source = json.dumps([doc.__dict__ for doc in docs], ensure_ascii=False, sort_keys=True).encode()
    # and the code that cuts them into grams: browsers keep a file of this name for ever
    digest = hashlib.sha256(code_version().encode() + source).hexdigest()[:12]
    name = f"search-{digest}.json"
    folder = cache_dir / "search"
    paths = _files(folder, name)
    if not paths:
        head, shards = split_index(build_index(docs, postings))
        head["excerpt_starts"], parts = split_excerpts(excerpts(docs))
        head["excerpts"] = [excerpts_name(name, number) for number in range(len(parts))]  # beside the head, as its address says
        head["shards"] = [shard_name(name, number) for number in range(len(shards))]
        for part, part_file in zip(parts, head["excerpts"]):
            write_atomic(folder / part_file, _json(part))
        for shard, shard_file in zip(shards, head["shards"]):
            write_atomic(folder / shard_file, _json(shard))
        write_atomic(folder / name, _json(head))  # last: a head in the cache means its files are there
        if postings is not None:
            postings.save()
        paths = _files(folder, name)
    _publish(paths, site_dir / prefix)
    return f"{prefix}/{name}"


def _publish(paths: list[Path], target: Path) -> None:
    """The index's files into the site; the staged site then sees the very same files."""
    target.mkdir(parents=True, exist_ok=True)
    for path in paths:
        link_or_copy(path, target / path.name)


def write_cached_index(
    inputs: str, make_docs: Callable[[Callable], list[Doc]], site_dir: Path, cache_dir: Path, prefix: str = "assets",
) -> str:
    """write_index, skipping make_docs(memo) when an index was written from the same inputs before."""
    folder = cache_dir / "search"
    pointer = folder / f"inputs-{inputs[:32]}.txt"
    try:
        name = pointer.read_text(encoding="utf-8").strip()
    except (OSError, ValueError):  # not there, or damaged: the index is made again
        name = ""
    paths = _files(folder, name) if re.fullmatch(r"search-[0-9a-f]{12}\.json", name) else []
    if paths:
        _publish(paths, site_dir / prefix)
        return f"{prefix}/{name}"
    # what the text functions make changes with this code, Markdown and the labels: all in code_version()
    memo = TextMemo(folder / "texts.marshal", code_version())
    postings = Postings(folder / "postings.marshal", code_version(), grams)
    path = write_index(make_docs(memo), site_dir, cache_dir, prefix, postings)
    memo.save()
    name = path.rsplit("/", 1)[-1]
    kept = {each.name for each in _files(folder, name)}
    for old in [*folder.glob("inputs-*.txt"), *folder.glob("search-*.json"), *folder.glob("excerpts-*.json"), *folder.glob("grams-*.json")]:
        if old.name not in kept:  # the last build's are enough
            old.unlink(missing_ok=True)
    pointer.write_text(name, encoding="utf-8")
    return path
