"""The layout index: an unchanged printable is neither laid out nor rendered again, content that
does not fit fails on every build, and a lost PDF is laid out and rendered again."""

from __future__ import annotations

import logging
import re
import shutil
from pathlib import Path

import pytest

from conftest import build_site, tree_digest
from minimal_site import FILES, write_site


def laid_out_and_rendered(caplog) -> tuple[int, int]:
    text = caplog.text
    laid = re.search(r"排版印刷品 (\d+) 个", text)
    rendered = re.search(r"印刷品 \d+ 个（新生成 (\d+) 个", text)
    return (int(laid.group(1)) if laid else 0, int(rendered.group(1)))


def build_logged(root: Path, site: Path, caplog) -> tuple[int, int]:
    caplog.clear()
    with caplog.at_level(logging.INFO, logger="mkdocs.plugins.liangxiang"):
        build_site(root / "mkdocs.yml", site)
    return laid_out_and_rendered(caplog)


def test_second_build_lays_out_and_renders_nothing(tmp_path, caplog, monkeypatch):
    root = write_site(tmp_path / "src")
    assert build_logged(root, tmp_path / "site", caplog) == (3, 3)  # garden, zhang-wei, li-na
    first = (tmp_path / "site" / "print" / "plates" / "zhang-wei.pdf").read_bytes()

    import liangxiang.print.plate as plate
    import liangxiang.print.signboard as signboard

    def never(*args, **kwargs):
        raise AssertionError("an unchanged printable was laid out again")

    monkeypatch.setattr(plate, "compose_plate", never)
    monkeypatch.setattr(signboard, "compose_signboard", never)
    assert build_logged(root, tmp_path / "site2", caplog) == (0, 0)
    assert (tmp_path / "site2" / "print" / "plates" / "zhang-wei.pdf").read_bytes() == first
    html = (tmp_path / "site2" / "print" / "index.html").read_text(encoding="utf-8")
    assert "60 × 40 cm" in html and "KB）" in html
    monkeypatch.undo()

    # one promise edited: only that plate is laid out and rendered, and its PDF changes
    commitments = root / "content" / "commitments" / "2026.yaml"
    text = commitments.read_text(encoding="utf-8")
    promise = re.search(r"promise:\s*(\S+)", text).group(1)
    commitments.write_text(text.replace(promise, promise + "到底", 1), encoding="utf-8")
    assert build_logged(root, tmp_path / "site3", caplog) == (1, 1)
    # the edited plate's old PDF, preview and facts are pruned from the cache
    cached = sorted(p.name.split("-")[0] for p in (root / ".cache/liangxiang/print/plates").iterdir())
    assert cached == ["li", "li", "li", "zhang", "zhang", "zhang"], cached


def test_lost_pdf_is_laid_out_and_rendered_again(tmp_path, caplog):
    root = write_site(tmp_path / "src")
    build_logged(root, tmp_path / "site", caplog)
    for pdf in (root / ".cache").rglob("signboards/garden-*.pdf"):
        pdf.unlink()
    assert build_logged(root, tmp_path / "site2", caplog) == (0, 1)
    assert (tmp_path / "site2" / "print" / "signboards" / "garden.pdf").stat().st_size > 1000


def test_a_sign_laid_out_again_for_its_phone_needs_no_dictionary(tmp_path, caplog, monkeypatch):
    """Where the words of a printable's texts break is kept with the pages' (titles.WORDS_FILE): a
    zone's phone changed lays its sign out again, and the next build, a new process, found its
    title, scope and duties before (loading the dictionary is 0.1 s of an edit's build)."""
    import sys

    from liangxiang import titles

    titles.keep_words_in(None)
    root = write_site(tmp_path / "src", {"content/zones/garden.yaml": FILES["content/zones/garden.yaml"].replace(
        "scope: 花园一片", "scope: 花园一片及周边约2.3万平方米的公共区域和设施").replace("  - 浇水", "  - 春秋两季病虫害防治，打药前一天张贴告示")})
    build_logged(root, tmp_path / "site", caplog)
    titles.keep_words_in(None)  # as `mkdocs build` run again: nothing found is in memory
    zone = root / "content" / "zones" / "garden.yaml"
    zone.write_text(zone.read_text(encoding="utf-8").replace("0317-2720001", "0317-2720009"), encoding="utf-8")
    monkeypatch.setitem(sys.modules, "rjieba", None)  # loading the dictionary fails the build
    assert build_logged(root, tmp_path / "site2", caplog) == (1, 1)
    titles.keep_words_in(None)


def test_a_warm_build_needs_no_dictionary_for_the_404_pages_masthead(tmp_path, caplog, monkeypatch):
    """MkDocs renders 404.html on every build, before the data pages: its masthead's campaign
    (优秀党员责任区 / 创建活动, each part with its words) was looked up before the kept words were read,
    and the dictionary loaded on every warm build (0.5 s, 30 MB in the medium benchmark)."""
    import sys

    from liangxiang import titles

    titles.keep_words_in(None)
    root = write_site(tmp_path / "src")
    build_logged(root, tmp_path / "site", caplog)
    titles.keep_words_in(None)  # as `mkdocs build` run again: nothing found is in memory
    monkeypatch.setitem(sys.modules, "rjieba", None)  # loading the dictionary fails the build
    assert build_logged(root, tmp_path / "site2", caplog) == (0, 0)
    titles.keep_words_in(None)


def test_an_edited_sign_is_asked_for_anew_and_the_others_as_before(tmp_path, caplog):
    """Audit AS-P 1: a server letting browsers keep PDFs and images an hour (deploy/intranet.md)
    showed the sign before an edit beside its new edition code. /print/ asks for each printable's
    files with its version, so an edited sign's are fetched anew, and only its."""
    def versions(site: Path) -> dict[str, set[str]]:  # {page: file as linked there: its versions}
        found: dict[str, set[str]] = {}
        for page in ("print", "print/plates"):
            html = (site / page / "index.html").read_text(encoding="utf-8")
            for name, version in re.findall(r'(?:href|src)="([^"?]+\.(?:pdf|png|svg))\?v=([0-9a-f]{8})"', html):
                found.setdefault(f"{page}: {name.removeprefix('../')}", set()).add(version)
        return found

    root = write_site(tmp_path / "src")
    build_logged(root, tmp_path / "site", caplog)
    before = versions(tmp_path / "site")
    garden = ["print: signboards/garden.pdf", "print: signboards/garden.png", "print: qr/zones/garden.svg", "print: qr/zones/garden.png"]
    assert {*garden, "print: signboards/all.pdf", "print/plates: all.pdf", "print/plates: zhang-wei.pdf"} <= set(before), before
    assert len({version for name in garden for version in before[name]}) == 1, before
    zone = root / "content" / "zones" / "garden.yaml"
    zone.write_text(zone.read_text(encoding="utf-8").replace("0317-2720001", "0317-2720009"), encoding="utf-8")
    build_logged(root, tmp_path / "site2", caplog)
    after = versions(tmp_path / "site2")
    changed = {name for name in before if before[name] != after.get(name)}
    assert changed == {*garden, "print: signboards/all.pdf"}, (before, after)  # the plates' all.pdf stays


def test_content_that_does_not_fit_fails_on_every_build(tmp_path, caplog):
    from mkdocs.exceptions import Abort, PluginError

    duty = "每天早晚两次巡查责任区内全部绿地、道路、路灯、座椅和健身器材，发现问题当场处理，处理不了的两小时内报修并跟踪到修好为止"
    duties = "duties:\n" + "".join(f"  - 第{i}条：{duty}\n" for i in range(1, 90))
    root = write_site(tmp_path / "src", {
        "content/zones/garden.yaml": FILES["content/zones/garden.yaml"].replace("duties:\n  - 浇水\n", duties) + "signboard: {size: A4}\n",
    })
    for attempt in range(2):
        caplog.clear()
        with caplog.at_level(logging.ERROR), pytest.raises((Abort, PluginError, SystemExit)):
            build_site(root / "mkdocs.yml", tmp_path / f"site{attempt}")
        errors = "\n".join(r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR)
        assert re.search(r"content/zones/garden\.yaml:\d+:\d+: duties: 工作职责太长", errors), (attempt, errors)


def test_what_fitted_beside_a_signboard_that_does_not_is_laid_out_once(tmp_path, caplog, monkeypatch):
    """Audit AE: while one zone did not fit, every run laid out every printable again (20 zones:
    15 s a run). What fitted is kept; the build that succeeds makes its files."""
    from mkdocs.exceptions import Abort, PluginError

    import liangxiang.print.plate as plate

    laid, compose = [], plate.compose_plate
    monkeypatch.setattr(plate, "compose_plate", lambda content, *rest: laid.append(content.name) or compose(content, *rest))
    zone = FILES["content/zones/garden.yaml"]
    duty = "每天早晚两次巡查责任区内全部绿地、道路、路灯、座椅和健身器材，发现问题当场处理，处理不了的两小时内报修并跟踪到修好为止"
    root = write_site(tmp_path / "src", {"content/zones/garden.yaml": zone.replace(
        "duties:\n  - 浇水\n", "duties:\n" + "".join(f"  - 第{i}条：{duty}\n" for i in range(1, 90))) + "signboard: {size: A4}\n"})
    for attempt in range(2):
        with pytest.raises((Abort, PluginError, SystemExit)):
            build_site(root / "mkdocs.yml", tmp_path / f"site{attempt}")
        assert sorted(set(laid)) == ["张伟", "李娜"] and len(laid) == 2, (attempt, laid)
    root.joinpath("content/zones/garden.yaml").write_text(zone, encoding="utf-8")
    build_site(root / "mkdocs.yml", tmp_path / "site")
    for name in ("zhang-wei", "li-na"):
        assert (tmp_path / "site" / "print" / "plates" / f"{name}.pdf").stat().st_size > 1000


def test_a_printable_kept_by_a_failed_build_is_made_as_a_fresh_build_makes_it(tmp_path):
    """Audit AF: a plate laid out beside a sign that did not fit was made by the build after the
    fix from its content as written, emoji and all, where a fresh build leaves out what no face
    has: its promise stood 2 em off, in a file the cache then kept."""
    from mkdocs.exceptions import Abort, PluginError

    files = {"content/commitments/2026.yaml": FILES["content/commitments/2026.yaml"].replace("promise: 热情服务", "promise: 热情服务😀🌟")}
    zone = FILES["content/zones/garden.yaml"]
    root = write_site(tmp_path / "src", {**files, "content/zones/garden.yaml": zone.replace(
        "duties:\n  - 浇水\n", "duties:\n" + "".join(f"  - 第{i}条：{'巡查绿地道路路灯座椅' * 6}\n" for i in range(1, 90))) + "signboard: {size: A4}\n"})
    with pytest.raises((Abort, PluginError, SystemExit)):
        build_site(root / "mkdocs.yml", tmp_path / "failed")
    root.joinpath("content/zones/garden.yaml").write_text(zone, encoding="utf-8")
    kept = build_site(root / "mkdocs.yml", tmp_path / "site") / "print" / "plates" / "li-na.pdf"
    fresh = build_site(write_site(tmp_path / "fresh", files) / "mkdocs.yml", tmp_path / "fresh-site") / "print" / "plates" / "li-na.pdf"
    assert kept.read_bytes() == fresh.read_bytes()


def test_a_leaders_name_too_long_for_the_signboard_is_said_where_it_is_written(tmp_path, caplog):
    """Audit AF: it was said at the zone's `leader:` id, with no hint; the name is in members.yaml."""
    from mkdocs.exceptions import Abort, PluginError

    root = write_site(tmp_path / "src", {"members.yaml": FILES["members.yaml"].replace("    name: 张伟", "    name: " + "欧阳晓红" * 75)})
    with caplog.at_level(logging.ERROR), pytest.raises((Abort, PluginError, SystemExit)):
        build_site(root / "mkdocs.yml", tmp_path / "site")
    errors = [r.getMessage() for r in caplog.records if "负责人的姓名太长" in r.getMessage()]
    assert len(errors) == 1 and errors[0].startswith("members.yaml:3:5: members[1].name: 负责人的姓名太长"), errors
    assert "职务写在 title" in errors[0], errors


def test_content_set_below_the_legible_size_is_said_on_every_build(tmp_path, caplog):
    """The notice comes from the layout index too: a warm build, which lays nothing out, says it
    again, at the line where the field now stands."""
    duty = "每天早晚两次巡查责任区内全部绿地、道路、路灯、座椅和健身器材，发现问题当场处理，处理不了的两小时内报修并跟踪到修好为止"
    duties = "duties:\n" + "".join(f"  - 第{i}条：{duty}\n" for i in range(1, 16))
    zone = FILES["content/zones/garden.yaml"].replace("duties:\n  - 浇水\n", duties)
    root = write_site(tmp_path / "src", {"content/zones/garden.yaml": zone})
    said = []
    for attempt in range(3):
        if attempt == 2:  # a comment above moves the field down a line; the layout is unchanged
            root.joinpath("content/zones/garden.yaml").write_text("# 说明\n" + zone, encoding="utf-8")
        caplog.clear()
        with caplog.at_level(logging.INFO):
            build_site(root / "mkdocs.yml", tmp_path / f"site{attempt}")
        messages = [r.getMessage() for r in caplog.records]
        said.append([m for m in messages if "缩小到" in m])
        assert (attempt == 0) == any("排版印刷品" in m for m in messages), messages
    line = next(n for n, text in enumerate(zone.splitlines(), 1) if text.startswith("duties:"))
    assert len(said[0]) == 1 and said[0] == said[1], said
    assert f"content/zones/garden.yaml:{line}:1: duties: 工作职责太长" in said[0][0], said
    assert f"content/zones/garden.yaml:{line + 1}:1: duties: 工作职责太长" in said[2][0], said


def test_validate_uses_the_index_and_writes_no_site(tmp_path):
    from mkdocs.config import load_config

    from liangxiang.pipeline import read_content
    from liangxiang.print import check_printables

    root = write_site(tmp_path / "src")
    config = load_config(config_file=str(root / "mkdocs.yml"))
    plugin_config = config.plugins["liangxiang"].config
    content, problems = read_content(root, root / "content")
    assert not problems
    before = tree_digest(*(p for p in root.iterdir() if p.name != ".cache"))
    check_printables(content, config, plugin_config)
    assert (root / ".cache" / "liangxiang" / "print" / "layouts.json").is_file()
    assert not Path(config.site_dir).exists()
    assert tree_digest(*(p for p in root.iterdir() if p.name != ".cache")) == before


# audit U: Uyghur on one plate cut the Chinese face with its layout tables, which changed the
# bytes of every other printable of a build from nothing
@pytest.mark.parametrize("added", ["到底", "堃", " خەلققە خىزمەت"], ids=["gb2312", "beyond-gb2312", "uyghur"])
def test_a_printable_rendered_alone_equals_one_rendered_with_the_rest(tmp_path, caplog, added):
    """Each build cuts one font for what it renders; a PDF's embedded font must not depend on
    what else that cut held, so an edit's few printables equal those of a build from nothing;
    also when the edit brings a character beyond GB 2312 and the cut is made from the whole
    face (audit 21: 李娜 renamed 李堃 left every other PDF with other bytes than a fresh build's)."""
    root = write_site(tmp_path / "src")
    build_logged(root, tmp_path / "site", caplog)
    commitments = root / "content" / "commitments" / "2026.yaml"
    text = commitments.read_text(encoding="utf-8")
    promise = re.search(r"promise:\s*(\S+)", text).group(1)
    commitments.write_text(text.replace(promise, promise + added, 1), encoding="utf-8")
    assert build_logged(root, tmp_path / "site", caplog) == (1, 1)  # alone, with a font cut for it

    fresh = tmp_path / "fresh"
    shutil.copytree(root, fresh, ignore=shutil.ignore_patterns(".cache"))
    assert build_logged(fresh, tmp_path / "fresh-site", caplog) == (3, 3)  # together, in one cut

    def printed(site: Path) -> dict[str, bytes]:
        return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted((site / "print").rglob("*")) if p.is_file()}

    got, want = printed(tmp_path / "site"), printed(tmp_path / "fresh-site")
    assert sorted(got) == sorted(want) and any(name.endswith("all.pdf") for name in got)
    assert [name for name in want if got[name] != want[name]] == [], [name for name in want if got[name] != want[name]]


def test_merging_the_same_printables_later_gives_the_same_bytes(tmp_path):
    """pdfium stamps a merged document with the time and a random ID; all.pdf gets fixed ones."""
    import time

    import pypdfium2
    from fpdf import FPDF

    from liangxiang.print.preview import merge

    parts = []
    for number in range(3):
        pdf = FPDF()
        pdf.add_page()
        pdf.set_font("helvetica", size=20)
        pdf.text(20, 20, f"page {number}")
        parts.append(tmp_path / f"part{number}-key{number}.pdf")
        parts[-1].write_bytes(bytes(pdf.output()))
    merge(([str(p) for p in parts], str(tmp_path / "first.pdf"), "桌牌"))
    time.sleep(1.1)  # pdfium's own date would change by a second
    merge(([str(p) for p in parts], str(tmp_path / "second.pdf"), "桌牌"))
    first, second = (tmp_path / "first.pdf").read_bytes(), (tmp_path / "second.pdf").read_bytes()
    assert first == second
    assert b"/CreationDate(D:20240101000000" in first
    document = pypdfium2.PdfDocument(first)
    assert len(document) == 3 and "page 2" in document[2].get_textpage().get_text_range()
    assert document.get_metadata_dict()["Title"] == "桌牌"
    document.close()
    merge(([str(p) for p in parts[:2]], str(tmp_path / "other.pdf"), "桌牌"))  # other parts: another ID
    assert re.search(rb"/ID\[<(\w+)>", (tmp_path / "other.pdf").read_bytes())[1] != re.search(rb"/ID\[<(\w+)>", first)[1]


def test_a_photo_replaced_at_the_same_path_is_printed_anew(tmp_path):
    """`mkdocs serve` renders a few printables in its own process: the prepared image is kept by
    the file's hash too, never by its path alone."""
    from PIL import Image

    from liangxiang.print.images import prepare

    path = tmp_path / "logo.png"
    Image.new("RGB", (400, 400), "red").save(path)
    before, _ = prepare(str(path), "digest-red", 20, 20, False)
    Image.new("RGB", (400, 400), "blue").save(path)
    after, _ = prepare(str(path), "digest-blue", 20, 20, False)
    assert Image.open(before).getpixel((5, 5)) != Image.open(after).getpixel((5, 5))


def test_a_cache_file_is_replaced_whole_or_left_as_it_was(tmp_path):
    """A writer that fails halfway (a full disk, an interrupted build) leaves the old file and no part."""
    from liangxiang.files import replacing

    target = tmp_path / "entry.png"
    target.write_bytes(b"old")
    with pytest.raises(OSError):
        with replacing(target) as partial:
            partial.write_bytes(b"ha")
            raise OSError("no space left on device")
    assert target.read_bytes() == b"old" and [p.name for p in tmp_path.iterdir()] == ["entry.png"]
    with replacing(tmp_path / "new" / "entry.png") as partial:
        partial.write_bytes(b"new")
    assert (tmp_path / "new" / "entry.png").read_bytes() == b"new" and len(list((tmp_path / "new").iterdir())) == 1


def test_a_site_shares_the_users_font_faces_without_copying_them(tmp_path, monkeypatch):
    """The static faces (21 MB) are made once per user: a site's cache links to them, and copies
    them only where a link cannot be made (another file system)."""
    import os

    from liangxiang.print import fonts

    shared = fonts.shared_folder()
    build_site(write_site(tmp_path / "a") / "mkdocs.yml", tmp_path / "site-a")
    faces = sorted((tmp_path / "a" / ".cache/liangxiang/fonts").glob("*.ttf"))
    assert len(faces) >= 2, faces
    for face in faces:
        assert face.stat().st_ino == (shared / face.name).stat().st_ino, face.name

    def no_links(source, target):
        raise OSError(18, "Invalid cross-device link")

    monkeypatch.setattr(os, "link", no_links)
    build_site(write_site(tmp_path / "b") / "mkdocs.yml", tmp_path / "site-b")
    for face in faces:
        copied = tmp_path / "b" / ".cache/liangxiang/fonts" / face.name
        assert copied.stat().st_ino != face.stat().st_ino and copied.read_bytes() == face.read_bytes()
    plate = "print/plates/zhang-wei.pdf"
    assert (tmp_path / "site-b" / plate).read_bytes() == (tmp_path / "site-a" / plate).read_bytes()


def test_the_cache_is_dropped_when_the_code_that_breaks_lines_changes(monkeypatch):
    """A sign's lines break where titles.py (with rjieba's dictionary) allows: after titles.py
    changed, a build kept every plate laid out by the old rules (的 still began a line)."""
    from liangxiang.print import cache

    seen = {}
    monkeypatch.setattr(cache, "code_digest", lambda root, files, libraries: seen.update(files=files, libraries=libraries) or "x")
    cache.code_version.__wrapped__()
    names = {path.relative_to(cache.PACKAGE.parent).as_posix() for path in seen["files"]}
    assert {"titles.py", "values.py", "imaging.py", "print/text.py", "print/signboard.py"} <= names
    assert "rjieba" in seen["libraries"]


def test_a_face_made_from_a_variable_font_is_the_same_bytes_whenever_it_is_made(tmp_path, monkeypatch):
    """The static faces carried the time they were made, and every PDF embeds a cut of them: a fresh
    machine (a CI runner) printed other bytes than one that made its faces before (audit N)."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    from liangxiang.print.fonts import _instantiate, bundled_font

    small = TTFont(str(bundled_font()))  # a few glyphs, its variations kept: made in a moment
    cutter = subset.Subsetter(subset.Options(notdef_outline=True))
    cutter.populate(text="亮相")
    cutter.subset(small)
    small.save(str(tmp_path / "small.ttf"))
    made = []
    for epoch in ("1700000000", "1800000000"):  # the clock, as fontTools reads it
        monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
        _instantiate((str(tmp_path / "small.ttf"), 0, 700, str(tmp_path / f"bold-{epoch}.ttf")))
        made.append((tmp_path / f"bold-{epoch}.ttf").read_bytes())
    assert made[0] == made[1]


def test_a_damaged_cache_file_is_made_again_not_failed_on(tmp_path, caplog, monkeypatch):
    """Audit U: one damaged small file of the cache failed every later build with a traceback
    (garbage in sources.stat or a search pointer, a lost excerpts file, a damaged font cut, here
    and in the user's shared folder, from which a cache deleted "when in doubt" took it back)."""
    from liangxiang.print import fonts

    shared = tmp_path / "shared"
    shutil.copytree(fonts.shared_folder(), shared)  # copies: the user's own faces stay whole
    monkeypatch.setenv("LIANGXIANG_FONT_CACHE", str(shared))
    root = write_site(tmp_path / "src")
    build_logged(root, tmp_path / "site", caplog)
    cache = root / ".cache" / "liangxiang"
    (cache / "sources.stat").write_bytes(b"\xff\xfe garbage")
    for pointer in (cache / "search").glob("inputs-*.txt"):
        pointer.write_bytes(b"\xff\xfe garbage")
    for excerpts in (cache / "search").glob("excerpts-*.json"):
        excerpts.unlink()
    damaged = sorted((cache / "fonts").glob("base*-regular.ttf"))
    assert damaged, sorted(p.name for p in (cache / "fonts").iterdir())
    for face in damaged:
        (shared / face.name).unlink()
        (shared / face.name).write_bytes(b"not a font" * 100)
        face.unlink()
        face.write_bytes(b"not a font" * 100)
    commitments = root / "content" / "commitments" / "2026.yaml"
    commitments.write_text(commitments.read_text(encoding="utf-8").replace("热情服务", "热情周到服务"), encoding="utf-8")
    assert build_logged(root, tmp_path / "site", caplog)[1] == 1
    assert list((tmp_path / "site" / "assets").glob("excerpts-*.json"))
    assert all(fonts.whole_font(face) and fonts.whole_font(shared / face.name) for face in damaged)

    shutil.rmtree(root / ".cache")  # as README says to, when in doubt
    for face in damaged:
        (shared / face.name).unlink()
        (shared / face.name).write_bytes(b"not a font" * 100)
    assert build_logged(root, tmp_path / "site", caplog)[1] == 3


def test_a_damaged_cache_entry_is_made_again_not_published(tmp_path, caplog):
    """Audit U: an entry of the cache replaced by garbage (a page, a plate's PDF and preview, a
    photo's variant, the search index, a zone's QR code) was linked into the site on every build."""
    import filecmp

    root = write_site(tmp_path / "src")
    build_logged(root, tmp_path / "site", caplog)
    cache = root / ".cache" / "liangxiang"
    damaged = [next((cache / "pages").glob("*.html")), next((cache / "print" / "plates").glob("*.pdf")),
               next((cache / "print" / "plates").glob("*.png")), next((cache / "photos").glob("*.webp")),
               next((cache / "search").glob("search-*.json")), next((cache / "print" / "qr").glob("*.svg"))]
    for path in damaged:
        path.unlink()  # a new file: the site's hard link to the old one stays whole
        path.write_bytes(b"\x00garbage" * 40)
    build_logged(root, tmp_path / "site", caplog)

    fresh = tmp_path / "fresh"
    shutil.copytree(root, fresh, ignore=shutil.ignore_patterns(".cache"))
    build_logged(fresh, tmp_path / "fresh-site", caplog)
    compared = filecmp.dircmp(tmp_path / "site", tmp_path / "fresh-site")

    def differing(cmp) -> list[str]:
        found = list(cmp.diff_files) + list(cmp.left_only) + list(cmp.right_only)
        return found + [name for sub in cmp.subdirs.values() for name in differing(sub)]

    assert differing(compared) == [], differing(compared)
    assert all(b"garbage" not in path.read_bytes() for path in (tmp_path / "site").rglob("*") if path.is_file())
