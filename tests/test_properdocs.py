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


def test_a_wrong_plugin_option_and_the_build_read_the_same_under_properdocs(small_site, tmp_path):
    """Audit AK 4: ProperDocs logs as "properdocs.config", so a misspelt option was said in MkDocs'
    English there ("Config value 'plugins': Plugin 'liangxiang' option 'blead': …"), and the
    build's own lines too ("Cleaning site directory", "Documentation built in …")."""
    config = small_site / "mkdocs.yml"
    good = config.read_text(encoding="utf-8")
    config.write_text(good.replace("      printables: false\n", "      printables: false\n      blead: true\n"), encoding="utf-8")
    line = next(n for n, text in enumerate(config.read_text(encoding="utf-8").splitlines(), 1) if "blead" in text)
    for tool in ("mkdocs", "properdocs"):
        result = build(tool, config, tmp_path / tool, "-f", "mkdocs.yml")
        assert result.returncode == 1 and "Config value" not in result.stderr, (tool, result.stderr)
        assert f"mkdocs.yml:{line}:7: blead: liangxiang 插件没有“blead”这个设置 (是不是要写 bleed？)" in result.stderr, (tool, result.stderr)
    config.write_text(good, encoding="utf-8")
    for tool in ("mkdocs", "properdocs"):
        result = build(tool, config, tmp_path / tool, "-f", "mkdocs.yml")
        assert result.returncode == 0 and "亮相：网站生成完毕" in result.stderr, (tool, result.stderr)
        assert "Cleaning site directory" not in result.stderr and "Documentation built" not in result.stderr, (tool, result.stderr)


def test_the_build_is_said_done_after_every_rebuild_even_in_the_same_time():
    """Audit AK 6: MkDocs' DuplicateFilter dropped "网站生成完毕" when a rebuild took as long as one before."""
    import logging

    from mkdocs.utils import DuplicateFilter

    from liangxiang.site.staging import say_staging_in_words

    logger = logging.getLogger("mkdocs.commands.build")
    kept, level = logger.filters[:], logger.level
    logger.setLevel(logging.INFO)
    seen: list[str] = []
    handler = logging.Handler()
    handler.emit = lambda record: seen.append(record.getMessage())
    logger.addFilter(DuplicateFilter())  # as `mkdocs serve` sets it up
    logger.addHandler(handler)
    try:
        for _ in range(3):
            say_staging_in_words(Path("site"), Path("/tmp/x/.cache/liangxiang/staging-1"))  # as each build's on_config does
            logger.info("Building documentation to directory: /tmp/x/.cache/liangxiang/staging-1")
            logger.info("Documentation built in 1.10 seconds")
    finally:
        logger.removeHandler(handler)
        logger.filters[:] = kept
        logger.setLevel(level)
    assert seen == ["亮相：正在生成网站，完成后更新 site", "亮相：网站生成完毕，用时 1.10 秒"] * 3, seen


def test_two_config_files_beside_each_other_are_a_notice(small_site):
    """During a move to ProperDocs both files stay: validate read mkdocs.yml, properdocs built from
    properdocs.yml, and a setting wrong in one passed the other's check (audit AS-H)."""
    shutil.copy(small_site / "mkdocs.yml", small_site / "properdocs.yml")
    validate = subprocess.run([str(BIN / "liangxiang"), "validate"], cwd=small_site, capture_output=True, text=True, timeout=120)
    assert validate.returncode == 0, validate.stderr
    assert "提示（不影响生成）：mkdocs.yml:1:1: 这里有两个配置文件，mkdocs.yml 和 properdocs.yml" in validate.stdout, validate.stdout
    (small_site / "properdocs.yml").unlink()
    validate = subprocess.run([str(BIN / "liangxiang"), "validate"], cwd=small_site, capture_output=True, text=True, timeout=120)
    assert "两个配置文件" not in validate.stdout
