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

import contextlib
import errno
import filecmp
import logging
import os
import re
import shutil
from pathlib import Path

from mkdocs.utils import CountHandler

from ..engine import engine_logger

COMPARE_BYTES_UP_TO = 1 << 20  # a file of the same size is compared byte by byte up to this size


class StagedOutput:
    def __init__(self, site_dir: Path, cache_dir: Path):
        self.target = site_dir
        self.staging = cache_dir / f"staging-{os.getpid()}"
        self.placed: dict[str, Path] = {}  # path in the site -> the cached file it is
        self.warnings = CountHandler()
        self.warnings.setLevel(logging.WARNING)

    def begin(self) -> Path:
        """The folder MkDocs should write into; counts warnings from here on (for --strict). A
        site_dir that could not be written is said now, before the build (plugin: file_error)."""
        nearest = next(folder for folder in (self.target, *self.target.parents) if folder.exists())
        if not os.access(nearest, os.W_OK | os.X_OK):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(nearest))
        shutil.rmtree(self.staging, ignore_errors=True)
        _remove_abandoned(self.staging.parent)
        self.staging.mkdir(parents=True)
        engine_logger().addHandler(self.warnings)
        return self.staging

    def place(self, relative: str, source: Path) -> None:
        """The file at ``relative`` in the site is ``source`` (a file in the cache, never changed in place)."""
        self.placed[relative] = source

    def commit(self, strict: bool) -> bool:
        """Bring site_dir up to date; under --strict a build that warned is left to abort (False)."""
        engine_logger().removeHandler(self.warnings)
        if strict and self.warnings.get_counts():
            self.discard()
            return False
        self.target.mkdir(parents=True, exist_ok=True)
        staging, wanted = str(self.staging), set()
        for folder, _, names in os.walk(staging):
            prefix = os.path.relpath(folder, staging).replace(os.sep, "/") + "/"
            for name in names:
                relative = name if prefix == "./" else prefix + name
                wanted.add(relative)
                self._update(relative, os.path.join(folder, name), move=True)
        for relative, source in self.placed.items():
            wanted.add(relative)
            self._update(relative, str(source), move=False)
        self._remove_all_but(wanted)
        self.discard()
        return True

    def discard(self) -> None:
        engine_logger().removeHandler(self.warnings)
        shutil.rmtree(self.staging, ignore_errors=True)

    def _update(self, relative: str, source: str, move: bool) -> None:
        target = os.path.join(self.target, relative)
        same = _same(source, target)
        if same == SAME_FILE or (same == SAME_BYTES and move and os.stat(source).st_nlink == 1):
            return  # equal bytes from a cache are linked in anyway, so that next time the check is a stat
        _clear_way(self.target, Path(target))
        tmp = os.path.join(os.path.dirname(target), f".{os.path.basename(target)}.{os.getpid()}.tmp")
        try:
            if move:
                os.replace(source, tmp)
            else:
                os.link(source, tmp)
        except OSError:  # another filesystem, or links not allowed
            shutil.copyfile(source, tmp)
        os.replace(tmp, target)  # a visitor sees the old file or the new one, never half of one

    def _remove_all_but(self, wanted: set[str]) -> None:
        """Delete what the new site does not have, then the folders that became empty. Another
        build of the same site at the same time (two terminals, an editor's save under `mkdocs
        serve`) keeps its files on their way in; whatever either deletes first is gone for both."""
        root, walked = str(self.target), []
        for folder, dirs, names in os.walk(root):
            if folder == root:  # hidden entries at the top are kept, as MkDocs keeps them: a deploy
                dirs[:] = [name for name in dirs if not name.startswith(".")]  # checkout's .git, .well-known
                names = [name for name in names if not name.startswith(".") or _IN_FLIGHT.match(name)]
            walked.append((folder, dirs, names))
        for folder, dirs, names in reversed(walked):  # a folder's files and folders before the folder
            prefix = os.path.relpath(folder, root).replace(os.sep, "/") + "/"
            for name in names:
                if (name if prefix == "./" else prefix + name) not in wanted and not _on_its_way(name):
                    with contextlib.suppress(FileNotFoundError):
                        os.unlink(os.path.join(folder, name))
            for name in dirs:
                path = os.path.join(folder, name)
                with contextlib.suppress(OSError):  # gone, or filled again meanwhile
                    if os.path.islink(path):
                        os.unlink(path)
                    elif not os.listdir(path):
                        os.rmdir(path)


_IN_FLIGHT = re.compile(r"^\..+\.(\d+)\.tmp$")  # _update's name for a file on its way in: .NAME.PID.tmp


def _on_its_way(name: str) -> bool:
    """A file another build that is still running is about to rename into place (one left by a
    build that was killed is removed)."""
    found = _IN_FLIGHT.match(name)
    return found is not None and _another_running(int(found.group(1)))


def _another_running(pid: int) -> bool:
    """Whether pid is a process other than this one that is still running (another build)."""
    if pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except (ProcessLookupError, OverflowError):
        return False
    except OSError:
        return True  # alive, under another user
    return True


SAME_FILE, SAME_BYTES, DIFFERENT = "same file", "same bytes", "different"


def _same(source: str, target: str) -> str:
    try:
        here, there = os.stat(source), os.stat(target)
    except OSError:
        return DIFFERENT
    if (here.st_dev, here.st_ino) == (there.st_dev, there.st_ino):
        return SAME_FILE
    size = here.st_size
    if size == there.st_size and size <= COMPARE_BYTES_UP_TO and filecmp.cmp(source, target, shallow=False):
        return SAME_BYTES
    return DIFFERENT


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


def _remove_abandoned(cache_dir: Path) -> None:
    """Staging folders of builds that were killed (Ctrl-C, a closed terminal) before they could
    remove their own; a running build's, which may share the cache, is left alone."""
    for folder in cache_dir.glob("staging-*"):
        pid = folder.name.removeprefix("staging-")
        if pid.isdigit() and int(pid) != os.getpid() and not _another_running(int(pid)):
            shutil.rmtree(folder, ignore_errors=True)


class StagingWords(logging.Filter):
    """MkDocs' own words while it builds into the staging folder, said of site_dir, in Chinese:
    "Building documentation to directory: .cache/liangxiang/staging-…" sent editors to look there.
    A filter words one build: a later one without the plugin (taken out of mkdocs.yml while
    `mkdocs serve` runs) is said in MkDocs' own words, not as 亮相's."""

    def __init__(self, target: Path, staging: Path):
        super().__init__()
        self.target, self.staging = target, staging
        self.waiting = False  # serve's first build stopped at mistakes: no site is built (say_no_site_built)
        self.done = False

    def filter(self, record: logging.LogRecord) -> bool:
        if self.done:
            return True
        message = record.getMessage()
        if message == "Cleaning site directory":
            return False  # the staging folder is what is cleaned; site_dir is updated file by file (commit)
        if message.startswith("Building documentation to directory:"):
            if self.waiting:
                return False
            if Path(message.partition(":")[2].strip()) != self.staging:  # not this filter's build
                self.done = True
                return True
            record.msg, record.args = "亮相：正在生成网站，完成后更新 %s", (self.target,)
        elif (took := re.fullmatch(r"Documentation built in ([0-9.]+) seconds", message)) is not None:
            self.done = True
            if self.waiting:
                return False  # the preview said it is not built yet (serve.Preview.failed)
            record.msg, record.args = "亮相：网站生成完毕，用时 %s 秒", (took.group(1),)
        else:
            return True
        for seen in (f for f in logging.getLogger(record.name).filters if hasattr(f, "msgs")):
            seen.msgs.discard(record.msg)  # said at every rebuild: MkDocs' DuplicateFilter, after this one, would drop it
        return True


def _build_logger() -> logging.Logger:
    return engine_logger(".commands.build")


def say_staging_in_words(target: Path, staging: Path) -> None:
    """This build's MkDocs messages name site_dir (see StagingWords)."""
    logger = _build_logger()
    for old in [f for f in logger.filters if isinstance(f, StagingWords)]:
        logger.removeFilter(old)
    logger.filters.insert(0, StagingWords(target, staging))  # before MkDocs' DuplicateFilter (see StagingWords.filter)


def say_no_site_built() -> None:
    """`mkdocs serve` started on content with mistakes: MkDocs' "built" would be untrue."""
    for words in (f for f in _build_logger().filters if isinstance(f, StagingWords)):
        words.waiting = True
