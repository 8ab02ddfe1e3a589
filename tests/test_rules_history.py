"""With no build of its own (a fresh clone, CI without a cache), the last commit says which ids were
published: a zone or member renamed everywhere without an alias is still told (audit AM 3)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from minimal_site import FILES, write_site
from liangxiang.pipeline import read_content

RENAMED = "上一次提交（git）里有责任区“garden”，这次没有了：印着 garden 的标志牌上的二维码会打不开"


def _git(root: Path, *arguments: str) -> None:
    subprocess.run(["git", "-c", "user.name=编辑", "-c", "user.email=editor@example.cn", *arguments],
                   cwd=root, check=True, capture_output=True)


def _committed_site(tmp_path: Path) -> Path:
    root = write_site(tmp_path / "src")
    _git(root, "init", "-q")
    _git(root, "add", "-A")
    _git(root, "commit", "-qm", "first")
    return root


def _rename_garden(root: Path) -> None:
    """garden -> huayuan in its file's name, its id and every reference: no alias kept."""
    (root / "content/zones/garden.yaml").rename(root / "content/zones/huayuan.yaml")
    for path in [root / "members.yaml", *root.glob("content/**/*.yaml"), *root.glob("content/**/*.md")]:
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("id: garden", "id: huayuan").replace("garden", "huayuan"), encoding="utf-8")


def _notices(root: Path, cache: Path | None = None) -> tuple[list[str], list[str]]:
    content, problems = read_content(root, root / "content", cache_dir=cache)
    return [str(p) for p in problems], [f"{n.message} ({n.hint})" for n in content.notices if "上一次提交" in n.message]


@pytest.mark.parametrize("committed", [False, True], ids=["not yet committed", "committed"])
def test_a_zone_renamed_without_an_alias_is_told_from_git(tmp_path, committed):
    root = _committed_site(tmp_path)
    _rename_garden(root)
    if committed:  # CI's clone: the working tree is the commit, and the one before it had garden
        _git(root, "add", "-A")
        _git(root, "commit", "-qm", "rename")
    errors, notices = _notices(root, tmp_path / "fresh-cache")
    assert errors == [] and len(notices) == 1 and notices[0].startswith(RENAMED), notices
    assert "是不是把 garden 改成了 huayuan？" in notices[0] and "aliases: [garden]" in notices[0]


def test_an_alias_kept_or_no_history_says_nothing(tmp_path):
    root = _committed_site(tmp_path)
    _rename_garden(root)
    zone = root / "content/zones/huayuan.yaml"
    zone.write_text(zone.read_text(encoding="utf-8").replace("aliases: [old-huayuan]", "aliases: [old-garden, garden]"), encoding="utf-8")
    assert _notices(root) == ([], [])
    shutil.rmtree(root / ".git")  # not in git: nothing to compare with, and no error
    zone.write_text(zone.read_text(encoding="utf-8").replace(", garden]", "]"), encoding="utf-8")
    assert _notices(root) == ([], [])


def test_a_member_renamed_or_deleted_is_told_from_git(tmp_path):
    root = _committed_site(tmp_path)
    roster = root / "members.yaml"
    assert "id: li-na" in roster.read_text(encoding="utf-8")
    for path in [roster, *root.glob("content/**/*.yaml"), *root.glob("content/**/*.md")]:
        path.write_text(path.read_text(encoding="utf-8").replace("li-na", "lina"), encoding="utf-8")
    errors, notices = _notices(root)
    assert errors == [] and [n.split("：")[0] for n in notices] == ["上一次提交（git）里有党员“li-na”，这次没有了"], notices
    assert "是不是把 li-na 改成了 lina？" in notices[0]


def test_a_build_kept_in_the_cache_wins_over_git(tmp_path):
    """The last build on this machine is what was published from it: git is only its stand-in."""
    from conftest import build_site

    root = _committed_site(tmp_path)
    _rename_garden(root)
    build_site(root / "mkdocs.yml", tmp_path / "site")  # published huayuan, said the rename once
    assert _notices(root, root / ".cache/liangxiang") == ([], [])


STILL_GONE = "git 历史里发布过的"


def test_an_id_a_commit_took_out_is_told_on_every_build_until_answered_for(tmp_path):
    """A rename committed without an alias was said once, at the next build, then never again,
    while the plate printed with the old id opened the 404 page (audit AS-G): what git's history
    took out is said on every build until an alias, a page or a hidden record answers for it."""
    root = _committed_site(tmp_path)
    _rename_garden(root)
    for path in [root / "members.yaml", *root.glob("content/**/*.yaml"), *root.glob("content/**/*.md")]:
        path.write_text(path.read_text(encoding="utf-8").replace("li-na", "lina"), encoding="utf-8")
    _git(root, "commit", "-qam", "rename")
    _git(root, "add", "-A")
    _git(root, "commit", "-qm", "rename: the new file")
    (root / "content/about.md").write_text("# 关于\n\n后来的一次修改。\n", encoding="utf-8")
    _git(root, "commit", "-qam", "later")  # the commit before HEAD no longer had garden nor li-na

    def still_gone() -> list[str]:
        content, problems = read_content(root, root / "content", cache_dir=tmp_path / "cache")
        assert [str(p) for p in problems] == []
        return sorted(f"{n.where.path} {n.message}" for n in content.notices if STILL_GONE in n.message)

    for build in (1, 2):
        told = still_gone()
        assert [line.split(" ")[0] for line in told] == ["content/zones/", "members.yaml"], told
        assert "党员编号 li-na 现在没有网页了" in told[1] and "责任区编号 garden 现在没有网页了" in told[0], told
    content, _ = read_content(root, root / "content", cache_dir=tmp_path / "cache")
    assert any(n.hint.endswith("这个编号有了着落，这条提示就不再出现") for n in content.notices if STILL_GONE in n.message)
    zone = root / "content/zones/huayuan.yaml"
    zone.write_text(zone.read_text(encoding="utf-8").replace("aliases: [old-huayuan]", "aliases: [old-huayuan, garden]"), encoding="utf-8")
    roster = root / "members.yaml"
    assert "  - id: lina\n    name: 李娜\n" in roster.read_text(encoding="utf-8")
    roster.write_text(roster.read_text(encoding="utf-8").replace("  - id: lina\n    name: 李娜\n", "  - id: lina\n    name: 李娜\n    aliases: [li-na]\n"), encoding="utf-8")
    assert still_gone() == []


def test_two_configs_sharing_a_cache_each_keep_their_printed_address(tmp_path):
    """A public site and `-f intranet.yml` (INHERIT, its own site_url) took turns saying the address
    had changed, on every build (audit AS-H); a change of one config's address is still said."""
    from conftest import build_site
    from mkdocs.config import load_config

    from liangxiang.pipeline import read_site

    root = write_site(tmp_path / "src", {"intranet.yml": "INHERIT: mkdocs.yml\nsite_url: http://10.2.3.4/dj/\n"})

    def moved(config_name: str) -> list[str]:
        config = load_config(config_file=str(root / config_name))
        return [n.message for n in read_site(config, config.plugins["liangxiang"].config).notices if "网站地址从" in n.message]

    for name in ("mkdocs.yml", "intranet.yml", "mkdocs.yml", "intranet.yml"):
        assert moved(name) == [], name
        build_site(root / name, tmp_path / f"site-{name}")
    (root / "intranet.yml").write_text("INHERIT: mkdocs.yml\nsite_url: http://10.2.3.5/dj/\n", encoding="utf-8")
    assert moved("intranet.yml") and "http://10.2.3.4/dj/" in moved("intranet.yml")[0]
    assert moved("mkdocs.yml") == []


def test_the_history_of_the_roster_is_read_once_per_commit(tmp_path, monkeypatch):
    """Every build read the roster's whole history again (3.9 s for a roster rewritten in 300
    commits): it is kept by HEAD's hash, and read again only after a commit."""
    from liangxiang.check import history

    root = _committed_site(tmp_path)
    calls = []
    reading = history._removed_ids
    monkeypatch.setattr(history, "_removed_ids", lambda *args: calls.append(1) or reading(*args))
    memo = tmp_path / "cache/removed-ids.json"
    first = history.removed_ids(root, root / "content", root / "members.yaml", memo)
    assert history.removed_ids(root, root / "content", root / "members.yaml", memo) == first and len(calls) == 1
    roster = root / "members.yaml"
    roster.write_text(roster.read_text(encoding="utf-8").replace("li-na", "lina"), encoding="utf-8")
    _git(root, "commit", "-qam", "rename")
    assert history.removed_ids(root, root / "content", root / "members.yaml", memo)["member"] == {"li-na"} and len(calls) == 2


def _replace_with_another_org(root: Path) -> None:
    """What the README's "start your own site" does: another organization's name, people and zones
    where the example's were (garden and li-na are gone, renamed in the records that stay)."""
    org = root / "content/org.yaml"
    org.write_text(org.read_text(encoding="utf-8").replace("name: 测试单位", "name: 幸福里社区党委"), encoding="utf-8")
    _rename_garden(root)
    for path in [root / "members.yaml", *root.glob("content/**/*.yaml"), *root.glob("content/**/*.md")]:
        path.write_text(path.read_text(encoding="utf-8").replace("li-na", "lina"), encoding="utf-8")


@pytest.mark.parametrize("steps", ["not yet committed", "committed", "committed, then edited", "built first"])
def test_a_site_started_from_another_organizations_repository_is_not_told_of_its_ids(tmp_path, steps):
    """The example's members and zones are in the history of every site started from this
    repository: they were never its own to keep, and the hint to restore them would publish another
    organization's people (audit AS-M 1). Once the new organization has published, its own are told."""
    from conftest import build_site

    root = _committed_site(tmp_path)
    cache = root / ".cache/liangxiang"
    if steps == "built first":  # the README's quick start: the example served before it is replaced
        build_site(root / "mkdocs.yml", tmp_path / "site")
    _replace_with_another_org(root)
    if steps.startswith("committed"):
        _git(root, "add", "-A")
        _git(root, "commit", "-qm", "our organization")
    if steps == "committed, then edited":
        (root / "content/about.md").write_text("# 关于\n\n我们的活动。\n", encoding="utf-8")
        _git(root, "commit", "-qam", "about")
    content, problems = read_content(root, root / "content", cache_dir=cache)
    assert [str(p) for p in problems] == []
    told = [n.message for n in content.notices if "上一次提交" in n.message or STILL_GONE in n.message or "上一次生成" in n.message]
    assert told == [], told
    # its own zone renamed after it published: told, from git and from the build kept
    build_site(root / "mkdocs.yml", tmp_path / "site2")
    _git(root, "add", "-A")
    _git(root, "commit", "-qm", "built")
    (root / "content/zones/huayuan.yaml").rename(root / "content/zones/huayuan2.yaml")
    zone = root / "content/zones/huayuan2.yaml"
    zone.write_text(zone.read_text(encoding="utf-8").replace("id: huayuan", "id: huayuan2"), encoding="utf-8")
    for path in [root / "members.yaml", *root.glob("content/**/*.yaml"), *root.glob("content/**/*.md")]:
        path.write_text(path.read_text(encoding="utf-8").replace("zone: huayuan\n", "zone: huayuan2\n"), encoding="utf-8")
    content, problems = read_content(root, root / "content", cache_dir=cache)
    told = [n.message for n in content.notices if "huayuan" in n.message and "garden" not in n.message and "li-na" not in n.message]
    assert told and all("garden" not in n.message and "li-na" not in n.message for n in content.notices), told


def test_new_grade_bands_say_which_posted_results_change_grade(tmp_path):
    """Audit AS-AF M2: each result's grade follows org.yaml's grades, a period posted long ago too;
    new bands regraded posted results in silence. The next run after a build says so, once."""
    from mkdocs.config import load_config

    from conftest import build_site
    from liangxiang.pipeline import read_site

    root = write_site(tmp_path / "src")
    config_file = root / "mkdocs.yml"
    config_file.write_text(config_file.read_text(encoding="utf-8").replace(
        "plugins:\n  - liangxiang\n", "plugins:\n  - liangxiang:\n      printables: false\n"), encoding="utf-8")

    def said() -> list[str]:
        config = load_config(config_file=str(config_file))
        return [str(n) for n in read_site(config, config.plugins["liangxiang"].config).notices if n.field == "grades"]

    build_site(config_file, tmp_path / "site")
    assert said() == []  # the bands the build graded with
    org = root / "content/org.yaml"
    org.write_text(org.read_text(encoding="utf-8") + "grades:\n  - {name: 优秀, min: 95}\n  - {name: 合格, min: 80}\n"
                   "  - {name: 基本合格, min: 70}\n  - {name: 不合格, min: 0}\n", encoding="utf-8")
    notices = said()
    assert len(notices) == 1 and "考核等次的分数线和上一次生成时不同：已经公布的 1 个考核结果会换成新的等次（例如 2026-Q1 期 garden 90 分：优秀 → 合格）" in notices[0], notices
    build_site(config_file, tmp_path / "site")
    assert said() == []  # said once: the build graded with the new bands
