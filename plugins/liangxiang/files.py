"""Where a site's files are; writing cache files and publishing them into the site (a hard link
where the file system allows, else a copy)."""

from __future__ import annotations

import hashlib
import json
import marshal
import os
import shutil
from contextlib import contextmanager
from importlib import metadata
from pathlib import Path
from stat import S_ISDIR, S_ISREG
from typing import Any, Callable, Iterator


def site_root(config: Any) -> Path:
    """The folder of mkdocs.yml: the roster, the font option and cache_dir are relative to it."""
    return Path(config.config_file_path or "mkdocs.yml").resolve().parent


DEFAULT_CACHE = ".cache/liangxiang"  # the plugin's cache_dir unless mkdocs.yml sets one


def cache_dir(config: Any, plugin_config: Any) -> Path:
    """Where a build keeps what it made (outside site_dir), for the next build."""
    return site_root(config) / plugin_config.cache_dir


def write_atomic(path: str | Path, data: bytes) -> None:
    """Write beside, then rename: readers (and hard links into the cache) see the whole file or none."""
    with replacing(path) as partial:
        partial.write_bytes(data)


@contextmanager
def replacing(path: str | Path) -> Iterator[Path]:
    """A path beside path to write to (by any library), renamed onto path when the block ends
    without an error, deleted when it does not: two builds may share a cache, and a build may be
    interrupted, yet no reader ever sees half a file."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f"{path.name}.{os.getpid()}.part")
    try:
        yield partial
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)


# how each kind of file the cache keeps begins and ends: a file damaged since (a disk full, garbage
# written into it) is made again rather than published on every build until the cache is deleted
_ENDS = {".pdf": (b"%PDF-", b"%%EOF"), ".png": (b"\x89PNG\r\n\x1a\n", b"IEND\xaeB`\x82"), ".html": (b"<", b"</html>"),
         ".svg": (b"<svg", b"</svg>"), ".jpg": (b"\xff\xd8", b"\xff\xd9"), ".jpeg": (b"\xff\xd8", b"\xff\xd9")}


def whole(path: str | Path) -> bool:
    """Whether a file kept in the cache is there and, by its first and last bytes, whole."""
    suffix = os.path.splitext(str(path))[1].lower()
    try:
        with open(path, "rb") as file:
            head = file.read(16)
            size = os.fstat(file.fileno()).st_size
            file.seek(max(0, size - 32))
            tail = file.read(32)
    except OSError:
        return False
    if suffix == ".webp":
        return head[:4] == b"RIFF" and head[8:12] == b"WEBP" and int.from_bytes(head[4:8], "little") + 8 == size
    if suffix == ".json":
        text_head, text_tail = head.lstrip()[:1], tail.rstrip()[-1:]
        return (text_head, text_tail) in ((b"{", b"}"), (b"[", b"]"))
    begins, ends = _ENDS.get(suffix, (b"", b""))
    return size > 0 and head.startswith(begins) and ends in tail


def changed_at(path: Path) -> float:
    """When a file was last saved (0 when it is gone): of two alike, the later is the copy."""
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def special(path: Path) -> bool:
    """A named pipe, socket or device: opening one waits for a writer forever (audit AS-AD H1)."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    return not (S_ISREG(mode) or S_ISDIR(mode))


def stamp(stat: os.stat_result) -> tuple[int, int, int, int]:
    """What tells that a file changed without reading it: its size, modification and change times
    and inode. The last two catch a photo replaced by one of the same size with its time kept
    (cp -p, rsync -t, touch -r, unzip): a change time cannot be set back."""
    return stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino


class FileFacts:
    """What was learned about files (a hash, a size in pixels...), kept in the cache between builds
    by path and stamp(): an unchanged file is not read again."""

    def __init__(self, path: Path, width: int):
        self.path, self.width, self.dirty = path, width, False
        try:
            known = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            known = {}
        self.known: dict = known if isinstance(known, dict) else {}

    @staticmethod
    def ident(path: str | Path, stamped: tuple[int, ...], part: str = "") -> str:
        return f"{path}{part}:" + ":".join(str(number) for number in stamped)

    def get(self, ident: str) -> list | None:
        found = self.known.get(ident)
        return found if isinstance(found, list) and len(found) == self.width else None

    def put(self, ident: str, facts: list) -> None:
        self.known[ident], self.dirty = facts, True

    def save(self) -> None:
        # entries of replaced files stay: a few bytes each, and a file put back needs no reading
        if not self.dirty:
            return
        try:
            write_atomic(self.path, json.dumps(self.known).encode())
        except OSError:
            pass  # a read-only cache: the next build reads the files again
        self.dirty = False


class TextMemo:
    """What a costly function made of a text (Markdown to words, bigrams, the images and links it
    names), kept between builds by a hash of the text and of the code that made it (version).

    An edit changes one record; without this every story's Markdown is rendered again and every
    text cut into bigrams again, for results that differ in one document.
    """

    def __init__(self, path: Path | None, version: str):
        self.path, self.version, self.used = path, version, {}
        try:
            self.known = marshal.loads(path.read_bytes()) if path else {}
        except (OSError, EOFError, ValueError, TypeError):
            self.known = {}
        if not isinstance(self.known, dict):
            self.known = {}

    def __call__(self, kind: str, text: str, make: Callable[[str], object]):
        key = f"{kind}:" + hashlib.sha1(f"{self.version}\0{text}".encode("utf-8", "surrogatepass")).hexdigest()
        value = self.known.get(key)
        if value is None:
            value = make(text)
        self.used[key] = value
        return value

    def save(self) -> None:
        if self.path is None or self.used == self.known:
            return
        try:
            write_atomic(self.path, marshal.dumps(self.used))
        except OSError:
            pass  # a read-only cache: the next build makes them again


def link_or_copy(source: str | Path, target: str | Path) -> None:
    """A hard link where the file system allows (a thousand plates publish in a blink), else a copy.

    Cache entries are never changed in place (they are written beside and renamed), so a link
    can never show a half-written file. A target is unlinked before a copy: it may be a link
    into the cache, which a copy over it would change. Raises FileNotFoundError without a source."""
    for attempt in (1, 2):
        try:
            os.link(source, target)
            return
        except FileExistsError:
            if _same(source, target):  # a site updated in place already links this very file
                return
            _unlink(target)
        except FileNotFoundError:
            if attempt == 2 or not os.path.exists(source):
                raise
            os.makedirs(os.path.dirname(target), exist_ok=True)
        except OSError:  # no hard links here (another device, a file system without them)
            break
    os.makedirs(os.path.dirname(target), exist_ok=True)
    _unlink(target)
    shutil.copyfile(source, target)


def _unlink(path: str | Path) -> None:
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass


def _same(source: str | Path, target: str | Path) -> bool:
    try:
        return os.path.samefile(source, target)
    except OSError:
        return False


def code_digest(root: Path, files: list[Path], libraries: tuple[str, ...]) -> str:
    """A hash of some of this package's source files and of libraries' versions: a cache keyed by
    it is dropped whenever the code that made its entries changes."""
    digest = hashlib.sha256()
    for path in sorted(files):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes())
    for library in libraries:
        try:
            digest.update(f"{library}={metadata.version(library)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(library.encode())
    return digest.hexdigest()[:16]
