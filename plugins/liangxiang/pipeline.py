"""The stages a build and `liangxiang validate` share: load, then check."""

from __future__ import annotations

from pathlib import Path

from .check import check_content
from .content import Content
from .load import load_content
from .problems import ContentError


def read_content(root: Path, docs_dir: Path) -> Content:
    """Every record of the site, checked; raises ContentError carrying every problem."""
    content, problems = load_content(root, docs_dir)
    check_content(content, problems)
    if problems:
        raise ContentError(problems)
    return content
