"""Build into a staging folder and bring site_dir up to date only when the whole build succeeded.

MkDocs cleans site_dir before it writes, and `--strict` aborts only after everything is written;
a build that fails late (a template error, a strict-mode warning such as a broken link in a free
page) would leave a half-written site. So MkDocs writes into a staging folder in the cache dir,
and data pages are not written at all: they are named (`place`) by the file in the page cache
that holds them. On success, `commit` updates site_dir file by file: what is unchanged (the
same file, or the same bytes) is left alone, the rest is moved or linked in, and what the new
site no longer has is removed. Deleting and re-creating a folder per page costs more than the
whole rest of a warm build on some disks (1-3 ms per folder), and an unchanged page keeps its
modification time, so `rsync` deploys only what changed.
"""

from __future__ import annotations

import filecmp
import logging
import os
import shutil
from pathlib import Path

from mkdocs.utils import CountHandler

COMPARE_BYTES_UP_TO = 1 << 20  # a file of the same size is compared byte by byte up to this size


class StagedOutput:
    def __init__(self, site_dir: Path, cache_dir: Path):
        self.target = site_dir
        self.staging = cache_dir / f"staging-{os.getpid()}"
        self.placed: dict[str, Path] = {}  # path in the site -> the cached file it is
        self.warnings = CountHandler()
        self.warnings.setLevel(logging.WARNING)
        self.changed = 0

    def begin(self) -> Path:
        """The folder MkDocs should write into; counts warnings from here on (for --strict)."""
        shutil.rmtree(self.staging, ignore_errors=True)
        self.staging.mkdir(parents=True)
        logging.getLogger("mkdocs").addHandler(self.warnings)
        return self.staging

    def place(self, relative: str, source: Path) -> None:
        """The file at ``relative`` in the site is ``source`` (a file in the cache, never changed in place)."""
        self.placed[relative] = source

    def commit(self, strict: bool) -> None:
        """Bring site_dir up to date; under --strict a build that warned is left to abort."""
        logging.getLogger("mkdocs").removeHandler(self.warnings)
        if strict and self.warnings.get_counts():
            self.discard()
            return
        self.target.mkdir(parents=True, exist_ok=True)
        wanted: set[str] = set()
        for folder, _, names in os.walk(self.staging):
            for name in names:
                source = Path(folder, name)
                relative = source.relative_to(self.staging).as_posix()
                wanted.add(relative)
                self._update(relative, source, move=True)
        for relative, source in self.placed.items():
            wanted.add(relative)
            self._update(relative, source, move=False)
        self._remove_all_but(wanted)
        self.discard()

    def discard(self) -> None:
        logging.getLogger("mkdocs").removeHandler(self.warnings)
        shutil.rmtree(self.staging, ignore_errors=True)

    def _update(self, relative: str, source: Path, move: bool) -> None:
        target = self.target / relative
        if _same(source, target):
            return
        self.changed += 1
        _clear_way(self.target, target)
        tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
        try:
            if move:
                os.replace(source, tmp)
            else:
                os.link(source, tmp)
        except OSError:  # another filesystem, or links not allowed
            shutil.copyfile(source, tmp)
        os.replace(tmp, target)  # a visitor sees the old file or the new one, never half of one

    def _remove_all_but(self, wanted: set[str]) -> None:
        """Delete what the new site does not have, then the folders that became empty."""
        for folder, dirs, names in os.walk(self.target, topdown=False):
            base = Path(folder)
            for name in names:
                path = base / name
                if path.relative_to(self.target).as_posix() not in wanted:
                    path.unlink(missing_ok=True)
            for name in dirs:
                path = base / name
                if path.is_symlink():
                    path.unlink()
                elif not any(path.iterdir()):
                    path.rmdir()


def _same(source: Path, target: Path) -> bool:
    try:
        if os.path.samefile(source, target):
            return True
        size = source.stat().st_size
        return size == target.stat().st_size and size <= COMPARE_BYTES_UP_TO and filecmp.cmp(source, target, shallow=False)
    except OSError:
        return False


def _clear_way(root: Path, target: Path) -> None:
    """Make target's folder exist: a file standing where a folder must be goes, and a folder where the file must be."""
    parent = target.parent
    while parent != root and not parent.is_dir():
        if parent.exists() or parent.is_symlink():
            parent.unlink()
            break
        parent = parent.parent
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.is_dir() and not target.is_symlink():
        shutil.rmtree(target)
