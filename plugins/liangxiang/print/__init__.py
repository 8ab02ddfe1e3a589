"""Print: zone signboards and member desk plates as vector PDFs, their previews, and QR codes.

Three steps. ``check()`` (from on_config, before MkDocs cleans site_dir) lays out every printable
and fails with editor-worded problems when the font lacks a character or content fits at no size
(what does not fit at the legible size is set smaller, with a notice: fitting.py), so a failed build leaves the previous site as it was. With render=True (a build) it then renders what
the cache lacks in worker processes while MkDocs builds the pages. ``write()`` (from
on_post_build) waits for that and publishes PDFs, previews, all.pdf files and QR codes.
A printable whose inputs are unchanged since the last build is neither laid out nor rendered
(index.py); the drawing and PDF libraries are then not even imported.
"""

from __future__ import annotations

from typing import Any

# The stage (stage.py) is imported on first use, not with the package: worker processes import
# this package for every job they run, and the stage brings the content model, pydantic and
# MkDocs with it (0.2 s a worker, in the way of a one-zone edit's only rendering).
__all__ = ["PrintStage", "check_printables"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from . import stage

        return getattr(stage, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
