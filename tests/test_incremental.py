"""A build that reuses the caches writes the same bytes as a build from nothing, after any edit.

One copy of the example site is edited step by step the way editors do (a zone's scope, a
member's name, hiding a member, the organization's name, a photo, a free page's title, the
theme, deleting a story...). After each step it is built with the caches of the previous
builds, and a second copy of the same files is built with empty caches (pages, parses, search
index, photos, printables; only the per-machine font instances are kept): every file of the two
sites must be equal byte for byte, the PDFs, previews and all.pdf files included. The counts
say the reuse is real: an unchanged site renders no data page, a one-zone edit renders a few.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from conftest import REPO

CACHES_OF_THE_SITE = ("pages", "parsed", "search", "print", "photos")  # the font instances are kept: 12 s to make


def _build(root: Path, site: Path):
    config = load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(site), strict=True)
    build(config)
    return config.plugins["liangxiang"].build


def _files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def _replace(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def _first(pattern: str, path: Path) -> str:
    return re.search(pattern, path.read_text(encoding="utf-8"), re.M).group(1)


def edit_zone_scope(root: Path) -> None:
    zone = root / "content/zones/shiyou-xincun.yaml"
    scope = _first(r"^scope:\s*(.+)$", zone)
    _replace(zone, scope, scope.rstrip("。") + "，含新建的停车棚。")


def rename_member(root: Path) -> None:
    _replace(root / "members.yaml", "name: 王建国", "name: 王建华")


def rename_zone_with_an_alias(root: Path) -> None:
    """Its alias's redirect page shows the name (audit N: the old one stayed)."""
    _replace(root / "content/zones/tongxin-guangchang.yaml", "name: 同心广场绿化美化优秀党员责任区", "name: 同心广场绿化优秀党员责任区")


def retire_member(root: Path) -> None:
    roster = root / "members.yaml"
    member = _first(r"^  - id: (\S+)\s*$", roster)
    _replace(roster, f"  - id: {member}\n", f"  - id: {member}\n    status: former\n")


def rename_org(root: Path) -> None:
    org = root / "content/org.yaml"
    _replace(org, _first(r"^name:\s*(.+)$", org), "华北油田华宁综合服务处（试点）")


def edit_commitment_progress(root: Path) -> None:
    year = root / "content/commitments/2026.yaml"
    promise = _first(r"promise:\s*(.+)$", year)
    _replace(year, promise, promise + "（年中补充）")


def change_score(root: Path) -> None:
    period = root / "content/assessments/2026-Q3.yaml"
    _replace(period, _first(r"score:\s*(\d+)", period), "71")


def retitle_story(root: Path) -> None:
    story = root / "content/stories/baoyu-ye.md"
    _replace(story, _first(r"^title:\s*(.+)$", story), "暴雨夜里的抢修（改）")


def replace_photo(root: Path) -> None:
    from PIL import Image

    photo = next((root / "content/photos/members").glob("*.jpg"))
    with Image.open(photo) as image:
        image.convert("RGB").rotate(180).save(photo, "JPEG", quality=80)


def replace_photo_keeping_its_size_and_time(root: Path) -> None:
    """Another picture of the same byte size under the same name, its time kept (cp -p, rsync -t,
    unzip): the cached size and time alone took it for the old one (audit 19)."""
    import os

    from PIL import Image

    photo = sorted((root / "content/photos/members").glob("*.jpg"))[-1]
    before, old = photo.stat(), photo.read_bytes()
    with Image.open(photo) as image:
        other = Image.new("RGB", image.size, (20, 60, 200))
    for quality in range(75, 4, -5):
        other.save(photo, "JPEG", quality=quality)
        if photo.stat().st_size <= len(old):
            break
    new = photo.read_bytes()
    assert new != old and len(new) <= len(old)
    photo.write_bytes(new + b"\0" * (len(old) - len(new)))  # zeros after the JPEG's end: the same size
    os.utime(photo, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert photo.stat().st_size == before.st_size and photo.stat().st_mtime_ns == before.st_mtime_ns


def retitle_free_page(root: Path) -> None:
    page = root / "content/about.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(re.sub(r"^# .+$", "# 关于本站（新）", text, count=1, flags=re.M), encoding="utf-8")


def override_a_template(root: Path) -> None:
    overrides = root / "overrides"
    overrides.mkdir()
    template = (REPO / "theme/main.html").read_text(encoding="utf-8")
    (overrides / "main.html").write_text(template + "\n<!-- local override -->\n", encoding="utf-8")
    _replace(root / "mkdocs.yml", "theme:\n", "theme:\n  custom_dir: overrides\n")


def delete_story(root: Path) -> None:
    (root / "content/stories/gongre-yunxingban.md").unlink()


def edit_config_extra(root: Path) -> None:
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("site_name:", "copyright: 试点单位\nsite_name:", 1), encoding="utf-8")


def add_a_script(root: Path) -> None:
    (root / "overrides/js").mkdir(parents=True, exist_ok=True)  # the theme's custom_dir (override_a_template)
    (root / "overrides/js/extra.js").write_text("console.log('local');\n", encoding="utf-8")
    _replace(root / "mkdocs.yml", "site_name:", "extra_javascript:\n  - {path: js/extra.js, defer: true}\nsite_name:")


def load_the_script_as_a_module(root: Path) -> None:
    """Only its type changed: the config's text said js/extra.js both times (audit AS-D)."""
    _replace(root / "mkdocs.yml", "{path: js/extra.js, defer: true}", "{path: js/extra.js, type: module}")


def give_member_a_photo(root: Path) -> None:
    from PIL import Image

    with Image.open(root / "content/photos/members/li-na.jpg") as image:  # another picture: a copy of li-na's would be hers
        image.convert("RGB").transpose(Image.Transpose.FLIP_LEFT_RIGHT).save(root / "content/photos/members/zhou-min.jpg", quality=80)
    _replace(root / "members.yaml", "    name: 周敏\n", "    name: 周敏\n    photo: photos/members/zhou-min.jpg\n")


def hide_member(root: Path) -> None:
    """Her photo was published by the build before: this build's site has no copy of it left."""
    _replace(root / "members.yaml", "    name: 周敏\n", "    name: 周敏\n    hidden: true\n")
    _replace(root / "content/zones/shiyou-xincun.yaml", "  - {role: 青年志愿者代表, member: zhou-min}\n", "")
    _replace(root / "content/zones/shiyou-xincun.yaml", " zhou-min,", "")
    year = root / "content/commitments/2026.yaml"
    year.write_text(re.sub(r"  - member: zhou-min\n(?:    .*\n|\s*\n(?=    ))*", "", year.read_text(encoding="utf-8")), encoding="utf-8")


EDITS = [
    edit_zone_scope, rename_member, rename_zone_with_an_alias, retire_member, rename_org, edit_commitment_progress, change_score,
    retitle_story, replace_photo, replace_photo_keeping_its_size_and_time, retitle_free_page, override_a_template, edit_config_extra, add_a_script, load_the_script_as_a_module, delete_story,
    give_member_a_photo, hide_member,
]
PHOTO_EDITS = {replace_photo, replace_photo_keeping_its_size_and_time, give_member_a_photo, hide_member}  # fresh builds make every photo


@pytest.fixture(scope="module")
def edited(tmp_path_factory):
    """The example copied once; each test applies its edit on top of the ones before."""
    root = tmp_path_factory.mktemp("incremental") / "org"
    root.mkdir()
    for name in ("members.yaml", "mkdocs.yml"):
        shutil.copy2(REPO / name, root / name)
    shutil.copytree(REPO / "content", root / "content")
    first = _build(root, root / "site")
    assert first.rendered == len(first.pages)
    shutil.copytree(root / ".cache/liangxiang/photos", root.parent / "cold-photos")  # as a cold build made them
    again = _build(root, root / "site")
    assert again.rendered <= 1 and again.reused >= len(again.pages) - 1, "an unchanged site rendered pages again"
    return root


@pytest.mark.parametrize("edit", EDITS, ids=[e.__name__ for e in EDITS])
def test_cached_build_equals_a_fresh_one(edited: Path, edit, tmp_path: Path):
    edit(edited)
    cached = _build(edited, edited / "site")
    assert cached.reused > 0 or edit in (rename_org, override_a_template, edit_config_extra, retitle_free_page, add_a_script, load_the_script_as_a_module)

    fresh_root = tmp_path / "org"
    shutil.copytree(edited, fresh_root, ignore=shutil.ignore_patterns("site", ".cache"))
    shutil.copytree(edited / ".cache/liangxiang", fresh_root / ".cache/liangxiang",
                    ignore=shutil.ignore_patterns(*CACHES_OF_THE_SITE))
    if edit not in PHOTO_EDITS:  # the photos a cold build resized (2.3 s of a 3.8 s build); a changed photo's are made again
        shutil.copytree(edited.parent / "cold-photos", fresh_root / ".cache/liangxiang/photos")
    fresh = _build(fresh_root, fresh_root / "site")
    assert fresh.reused == 0

    got, want = _files(edited / "site"), _files(fresh_root / "site")
    assert sorted(got) == sorted(want), "the cached build wrote other files than a fresh one"
    different = [name for name in want if got[name] != want[name]]
    assert not different, f"{len(different)} files differ from a fresh build, e.g. {different[:5]}"
    if edit is hide_member:
        assert not [name for name in got if "zhou-min" in name]


def test_a_one_zone_edit_renders_only_what_shows_the_zone(tmp_path: Path, monkeypatch):
    from liangxiang.site.pagecache import PageCache

    root = tmp_path / "org"
    root.mkdir()
    for name in ("members.yaml", "mkdocs.yml"):
        shutil.copy2(REPO / name, root / name)
    shutil.copytree(REPO / "content", root / "content")
    _build(root, root / "site")
    edit_zone_scope(root)
    rendered, store = [], PageCache.store
    monkeypatch.setattr(PageCache, "store", lambda self, path, *rest: rendered.append(path) or store(self, path, *rest))
    again = _build(root, root / "site")
    assert 0 < again.rendered < len(again.pages) / 2, (again.rendered, len(again.pages))
    # its people's pages and the score boards show its name alone, and the plates' page no sign: a new
    # scope leaves them as they are; /print/ shows its sign's new edition
    assert not [path for path in rendered if path.startswith(("members/", "assessments/", "print/plates/"))], rendered
    assert "zones/shiyou-xincun/" in rendered and "zones/" in rendered and "print/" in rendered, rendered


def test_record_pages_do_not_depend_on_the_whole_roster(edited: Path):
    """Only index pages may list every record: a member, zone or story page looks up its own."""
    from liangxiang.site.pagecache import PageCache

    entries = PageCache(edited / ".cache/liangxiang/pages").entries
    record_pages = [path for path in entries if re.fullmatch(r"(members|zones|stories)/[^/]+/", path)]
    assert len(record_pages) > 20
    whole = [path for path in record_pages if any(token[0] == "content" for token in entries[path].lookups)]
    assert not whole, f"record pages that read every record: {whole[:5]}"
    assert ("content", "members") in entries["members/"].lookups
    assert ("content", "zones") in entries["zones/"].lookups
    assert ("content", "stories") in entries["stories/"].lookups
    assert not any(token[0] == "content" and token[1] in ("members", "commitments") for token in entries["zones/"].lookups)


def test_a_hooks_code_is_part_of_what_every_page_shares(tmp_path: Path):
    """A hook may change any page without changing the config (a global for a template, audit AS-D):
    its source is part of the pages' cache key, as other plugins' options are."""
    from mkdocs.config import load_config

    from liangxiang.site.sitekey import hooks_text

    root = tmp_path / "org"
    shutil.copytree(REPO / "content", root / "content")
    shutil.copy2(REPO / "members.yaml", root / "members.yaml")
    (root / "hooks").mkdir()
    (root / "hooks/icp.py").write_text("def on_env(env, config, files):\n    env.globals['icp'] = '1'\n", encoding="utf-8")
    (root / "mkdocs.yml").write_text((REPO / "mkdocs.yml").read_text(encoding="utf-8").replace("site_name:", "hooks: [hooks/icp.py]\nsite_name:", 1),
                                     encoding="utf-8")
    before = hooks_text(load_config(str(root / "mkdocs.yml")))
    assert hooks_text(load_config(str(root / "mkdocs.yml"))) == before  # the same hook: the same key
    _replace(root / "hooks/icp.py", "'1'", "'2'")
    assert hooks_text(load_config(str(root / "mkdocs.yml"))) != before
