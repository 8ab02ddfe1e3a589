"""Whether any source file changed since the last build, from file sizes and times alone.

Reading and hashing the sources is the load stage's job; this answers earlier, in a few
milliseconds, so that work which is likely needed (starting a print worker takes a quarter of
a second) can start before the content is even read. A wrong guess costs only that start.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path


def sources_changed(files: list[Path], folders: list[Path], record: Path) -> bool:
    """True when the sizes or times of the files (and of everything under the folders) differ
    from those the last call saw, or when there was no last call; remembers the new ones."""
    digest = hashlib.sha256()
    for path in files:
        _add(digest, str(path))
    for folder in folders:
        for base, dirs, names in os.walk(folder):
            dirs.sort()
            for name in sorted(names):
                _add(digest, os.path.join(base, name))
    now = digest.hexdigest()
    try:
        before = record.read_text(encoding="ascii")
    except (OSError, ValueError):  # not there, or damaged: the sources are taken as changed
        before = ""
    if now != before:
        try:
            record.parent.mkdir(parents=True, exist_ok=True)
            record.write_text(now, encoding="ascii")
        except OSError:
            pass
    return now != before


def _add(digest, path: str) -> None:
    try:
        stat = os.stat(path)
    except OSError:
        digest.update(f"{path}\0-\n".encode("utf-8", "surrogateescape"))
        return
    digest.update(f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode("utf-8", "surrogateescape"))
