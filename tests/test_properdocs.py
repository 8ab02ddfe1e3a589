"""The same site builds under ProperDocs 1.6 (`properdocs build`) as under MkDocs 1.6, byte for byte.

ProperDocs is installed in the same environment as MkDocs ([test] extra): it is a separate
package (`properdocs`) that aliases `mkdocs.*` imports to itself only inside its own command, so
`mkdocs` is untouched. Both builds run as commands, never in this process: importing ProperDocs
here would redirect MkDocs for every later test.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO, tree_digest

BIN = Path(sys.executable).parent


def build(tool: str, config: Path, site: Path, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(BIN / tool), "build", "--strict", *extra, "-d", str(site)], cwd=config.parent,
        capture_output=True, text=True, timeout=600,
    )


def files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_properdocs_is_1_6_beside_mkdocs_1_6():
    versions = {}
    for tool in ("mkdocs", "properdocs"):
        result = subprocess.run([str(BIN / tool), "--version"], capture_output=True, text=True, timeout=60)
        assert result.returncode == 0, result.stderr
        versions[tool] = re.search(r"version (\d+\.\d+)", result.stdout).group(1)
    assert versions == {"mkdocs": "1.6", "properdocs": "1.6"}


def test_the_example_builds_identically(tmp_path):
    sources = [REPO / "members.yaml", REPO / "content", REPO / "mkdocs.yml"]
    before = tree_digest(*sources)
    mkdocs = build("mkdocs", REPO / "mkdocs.yml", tmp_path / "mkdocs")
    assert mkdocs.returncode == 0, mkdocs.stderr
    properdocs = build("properdocs", REPO / "mkdocs.yml", tmp_path / "properdocs", "-f", "mkdocs.yml")
    assert properdocs.returncode == 0, properdocs.stderr
    assert "WARNING" not in properdocs.stderr and "A theme named" not in properdocs.stderr, properdocs.stderr
    assert tree_digest(*sources) == before

    ours, theirs = files(tmp_path / "mkdocs"), files(tmp_path / "properdocs")
    assert sorted(ours) == sorted(theirs)
    for page in ("index.html", "zones/tongxin-guangchang/index.html", "members/wu-dongmei/index.html",
                 "guide/index.html", "print/index.html", "print/signboards/all.pdf", "qr/zones/shiyou-xincun.svg"):
        assert page in ours, page
    different = [name for name in ours if ours[name] != theirs[name]]
    assert not different, f"{len(different)} of {len(ours)} files differ, e.g. {different[:5]}"


@pytest.fixture
def small_site(tmp_path) -> Path:
    """A copy of the example without printables (they do not depend on the engine and take the most time)."""
    site = tmp_path / "src"
    site.mkdir()
    shutil.copy(REPO / "members.yaml", site / "members.yaml")
    shutil.copytree(REPO / "content", site / "content")
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    (site / "mkdocs.yml").write_text(
        config.replace("plugins:\n  - liangxiang\n", "plugins:\n  - liangxiang:\n      printables: false\n"), encoding="utf-8")
    return site


def test_properdocs_yml_is_read_by_properdocs_and_by_validate(small_site, tmp_path):
    (small_site / "mkdocs.yml").rename(small_site / "properdocs.yml")
    result = subprocess.run([str(BIN / "properdocs"), "build", "--strict", "-d", str(tmp_path / "site")],
                            cwd=small_site, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    assert "should be renamed" not in result.stderr and (tmp_path / "site/zones/shiyou-xincun/index.html").is_file()
    validate = subprocess.run([str(BIN / "liangxiang"), "validate"], cwd=small_site, capture_output=True, text=True, timeout=120)
    assert validate.returncode == 0 and "内容检查通过" in validate.stdout, validate.stderr


def test_content_errors_read_the_same_under_properdocs(small_site, tmp_path):
    members = small_site / "members.yaml"
    members.write_text(members.read_text(encoding="utf-8").replace("    post: 站长\n", "    post： 站长\n", 1), encoding="utf-8")
    validate = subprocess.run([str(BIN / "liangxiang"), "validate"], cwd=small_site, capture_output=True, text=True, timeout=120)
    expected = [line for line in validate.stderr.splitlines() if line.startswith("members.yaml:")]
    assert expected
    for tool in ("mkdocs", "properdocs"):
        result = build(tool, small_site / "mkdocs.yml", tmp_path / tool, "-f", "mkdocs.yml")
        assert result.returncode == 1 and "Traceback" not in result.stderr
        for line in expected:
            assert re.search(r"ERROR\s+-\s+" + re.escape(line), result.stderr), (tool, result.stderr)
        assert not (tmp_path / tool).exists()
