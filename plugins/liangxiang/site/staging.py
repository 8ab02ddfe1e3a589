"""Build into a staging folder and put it in site_dir only when the whole build succeeded.

MkDocs cleans site_dir before it writes, and `--strict` aborts only after everything is written;
a build that fails late (a template error, a strict-mode warning such as a broken link in a free
page) would leave a half-written site. The staging folder lives in the cache dir, so a build
writes nothing outside site_dir and the cache.
"""

from __future__ import annotations

import logging
import os
import shutil
from pathlib import Path

from mkdocs.utils import CountHandler


class StagedOutput:
    def __init__(self, site_dir: Path, cache_dir: Path):
        self.target = site_dir
        self.staging = cache_dir / f"staging-{os.getpid()}"
        self.previous = cache_dir / f"previous-{os.getpid()}"
        self.warnings = CountHandler()
        self.warnings.setLevel(logging.WARNING)

    def begin(self) -> Path:
        """The folder MkDocs should write into; counts warnings from here on (for --strict)."""
        shutil.rmtree(self.staging, ignore_errors=True)
        self.staging.mkdir(parents=True)
        logging.getLogger("mkdocs").addHandler(self.warnings)
        return self.staging

    def commit(self, strict: bool) -> None:
        """Swap the staged site in; under --strict a build that warned is left to abort."""
        logging.getLogger("mkdocs").removeHandler(self.warnings)
        if strict and self.warnings.get_counts():
            self.discard()
            return
        shutil.rmtree(self.previous, ignore_errors=True)
        try:
            if self.target.exists():
                os.replace(self.target, self.previous)
            os.replace(self.staging, self.target)
        except OSError:  # another filesystem or a mount point: copy instead
            if self.previous.exists() and not self.target.exists():
                os.replace(self.previous, self.target)
            self.target.mkdir(parents=True, exist_ok=True)
            for child in self.target.iterdir():
                shutil.rmtree(child) if child.is_dir() and not child.is_symlink() else child.unlink()
            shutil.copytree(self.staging, self.target, dirs_exist_ok=True)
            self.discard()
        shutil.rmtree(self.previous, ignore_errors=True)

    def discard(self) -> None:
        logging.getLogger("mkdocs").removeHandler(self.warnings)
        shutil.rmtree(self.staging, ignore_errors=True)
