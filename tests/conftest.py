"""Shared fixtures: the example site built once per test session, and a builder for small sites."""

from __future__ import annotations

import contextlib
import hashlib
import html
import io
import os
import re
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent

# "today" for the checks that compare dates with it (a story dated in the future): the tests'
# dates are written against 2026-11-21, whatever the machine's clock says. Builds run by the tests,
# in-process or not, read it too (the reproducible-builds convention).
os.environ["SOURCE_DATE_EPOCH"] = "1795219200"  # 2026-11-21 00:00 UTC


def pytest_configure(config) -> None:
    """The print fonts made once, before the workers start: each worker's first build found none in
    the user's cache and made them too, three at once on two processors (a minute each on CI)."""
    if hasattr(config, "workerinput") or config.option.collectonly:
        return
    import tempfile

    from liangxiang.print.fonts import base_fonts, prepare_fonts

    with tempfile.TemporaryDirectory() as cache:  # the instances are shared per user: kept beyond it
        base_fonts(prepare_fonts(None, REPO, Path(cache)), Path(cache) / "fonts")


def liangxiang(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """`liangxiang ARGS` run in-process, in cwd if given (a new Python costs a second of imports):
    its exit code, stdout and stderr, as subprocess.run would give them."""
    from liangxiang.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.chdir(cwd or os.getcwd()), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(list(args))
        except SystemExit as exit:  # argparse's own errors
            code = exit.code if isinstance(exit.code, int) else 1
    return subprocess.CompletedProcess(["liangxiang", *args], code, out.getvalue(), err.getvalue())


def build_site(config_file: Path, site_dir: Path, strict: bool = True) -> Path:
    """Build like `mkdocs build --strict`, in-process; raises on any error or warning."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(config_file=str(config_file), site_dir=str(site_dir), strict=strict)
    build(config)
    return site_dir


def tree_digest(*roots: Path) -> str:
    """A hash of every file's path and bytes under roots (to prove a build wrote nothing there)."""
    digest = hashlib.sha256()
    for root in roots:
        files = [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.is_file())
        for path in files:
            digest.update(str(path).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def page_text(site: Path, url: str) -> str:
    """The visible text of a built page, tags removed and whitespace folded."""
    path = site / url / "index.html" if not url.endswith(".html") else site / url
    raw = path.read_text(encoding="utf-8")
    raw = re.sub(r"<(script|style)\b.*?</\1>", " ", raw, flags=re.S)
    # the spans and break opportunities set inside a name or title show no space in a browser
    for inline in (r'<span class="nb">(.*?)</span>', r'<span class="nm[^"]*">(.*?)</span>', r"()<wbr>"):
        raw = re.sub(inline, r"\1", raw)
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", raw)))


@pytest.fixture(scope="session")
def example_site(tmp_path_factory) -> Path:
    """The repository's example content, built strictly once for the whole session."""
    sources = [REPO / "members.yaml", REPO / "content", REPO / "mkdocs.yml"]
    before = tree_digest(*sources)
    site = build_site(REPO / "mkdocs.yml", tmp_path_factory.mktemp("example") / "site")
    assert tree_digest(*sources) == before, "the build changed the source tree"
    return site
