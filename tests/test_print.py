"""Printables: signboards and desk plates as a print shop gets them, read back with poppler and zxing.

The example site is built once per session (conftest.example_site); small synthetic sites check
the edges: bleed, overflow, missing glyphs, fonts, photos, addresses and the cache.
"""

from __future__ import annotations

import io
import logging
import math
import re
import subprocess
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image

from conftest import REPO, build_site, tree_digest
from liangxiang.pipeline import read_content
from liangxiang.print.layout import BLEED, SLUG, sheet_size
from minimal_site import FILES, write_site

SITE_URL = "https://dangjian.huaning.example.cn/"
MM_PER_PT = 25.4 / 72


def pdf_pages(path: Path) -> list[tuple[float, float]]:
    """Each page's size in mm (pdfinfo)."""
    out = subprocess.run(["pdfinfo", "-f", "1", "-l", "999", str(path)], capture_output=True, text=True, check=True).stdout
    sizes = re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts", out)
    if not sizes:
        sizes = re.findall(r"Page size:\s+([\d.]+) x ([\d.]+) pts", out)
    return [(float(w) * MM_PER_PT, float(h) * MM_PER_PT) for w, h in sizes]


def pdf_text(path: Path) -> str:
    """The PDF's text with all whitespace removed, so that wrapped lines join up again."""
    out = subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return re.sub(r"\s+", "", out)


def render(path: Path, dpi: int) -> Image.Image:
    png = subprocess.run(["pdftoppm", "-r", str(dpi), "-png", "-singlefile", str(path)], capture_output=True, check=True).stdout
    return Image.open(io.BytesIO(png)).convert("RGB")


def decoded(path: Path, dpi: int) -> set[str]:
    return {code.text for code in zxingcpp.read_barcodes(render(path, dpi))}


def fonts_of(path: Path) -> list[list[str]]:
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    return [line.split() for line in out.splitlines()[2:] if line.strip()]


def images_of(path: Path) -> list[dict]:
    out = subprocess.run(["pdfimages", "-list", str(path)], capture_output=True, text=True, check=True).stdout
    rows = []
    for line in out.splitlines()[2:]:
        cells = line.split()
        rows.append({"type": cells[2], "width": int(cells[3]), "height": int(cells[4]), "x_ppi": int(cells[12]), "y_ppi": int(cells[13])})
    return rows


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def example():
    content, problems = read_content(REPO, REPO / "content")
    assert not problems
    return content


@pytest.fixture(scope="module")
def plated(example):
    latest = {c.member for c in example.latest_year.commitments}
    return [m for m in example.public_members if m.id in latest]


# -- the example site ----------------------------------------------------------------------

def test_one_signboard_per_active_zone_and_none_for_archived(example_site, example):
    boards = example_site / "print" / "signboards"
    active = [z.id for z in example.zones if z.status == "active"]
    archived = [z.id for z in example.zones if z.status == "archived"]
    assert archived, "the example should keep an archived zone"
    assert sorted(p.stem for p in boards.glob("*.pdf") if p.stem != "all") == sorted(active)
    for zone_id in archived:
        assert not (boards / f"{zone_id}.pdf").exists() and not (boards / f"{zone_id}.png").exists()
        assert zone_id not in pdf_text(boards / "all.pdf")
    assert len(pdf_pages(boards / "all.pdf")) == len(active)


@pytest.mark.parametrize("zone_id", ["tongxin-guangchang", "shiyou-xincun", "gongre-baozhang"])
def test_signboard_size_text_fonts_and_qr(example_site, example, zone_id):
    zone = example.zone_by_id[zone_id]
    pdf = example_site / "print" / "signboards" / f"{zone_id}.pdf"
    (width, height), = pdf_pages(pdf)
    expected = sheet_size(zone.signboard.size, zone.signboard.orientation)
    assert abs(width - expected[0]) < 0.5 and abs(height - expected[1]) < 0.5
    fonts = fonts_of(pdf)
    assert fonts and all(row[-5:-2] == ["yes", "yes", "yes"] for row in fonts), fonts  # embedded, subset, unicode
    assert all("Type" not in row[1] or row[1] == "CID" for row in fonts)
    text = pdf_text(pdf)
    leader = example.member_by_id[zone.leader]
    for part in [zone.name, zone.service_phone, zone.scope, leader.name, example.org.name, *zone.duties]:
        assert squash(part) in text, part
    for role in zone.roles:
        assert squash(role.name or example.member_by_id[role.member].name) in text
    codes = zxingcpp.read_barcodes(render(pdf, 20))
    assert [code.text for code in codes] == [f"{SITE_URL}zones/{zone_id}/"]
    assert codes[0].ec_level in ("Q", "H"), codes[0].ec_level  # a sign outdoors for years: a quarter of it may be dirt (audit AS-L)


def test_signboard_images_are_photos_only_and_sharp(example_site, example):
    """The QR code and every word are vectors: the only images are the logo and the leader's photo."""
    pdfs = [pdf for pdf in (example_site / "print" / "signboards").glob("*.pdf") if pdf.stem != "all"]
    assert len(pdfs) == len(example.active_zones)  # audit AS-L: an empty folder passed
    for pdf in pdfs:
        images = images_of(pdf)
        assert [i["type"] for i in images].count("image") == 2, (pdf.name, images)  # logo and photo
        assert all(i["x_ppi"] >= 150 and i["y_ppi"] >= 150 for i in images), images
        assert all(i["x_ppi"] <= 320 for i in images if i["width"] > 200), images  # big photos come down to ~300 dpi


def test_plates_one_per_member_with_a_latest_promise(example_site, plated):
    plates = example_site / "print" / "plates"
    assert sorted(p.stem for p in plates.glob("*.pdf") if p.stem != "all") == sorted(m.id for m in plated)
    assert len(pdf_pages(plates / "all.pdf")) == len(plated)
    # every subset its own name: a print shop's software may take two subsets of one name for one font
    names = [font[0] for font in fonts_of(plates / "all.pdf")]
    assert len(names) == 2 * len(plated) and len(set(names)) == len(names), names
    assert all(re.fullmatch(r"[A-Z]{6}\+NotoSansSC(Bold)?", name) for name in names), names


def test_each_all_pdf_is_titled_and_reads_whole(example_site, example):
    """A merged file names itself in a viewer's tab and a print queue, as each printable does;
    poppler reads the incremental update that gives it its title, and every page."""
    org = example.org.short_name or example.org.name
    for kind, title in (("signboards", "责任区标志牌"), ("plates", "党员承诺桌牌")):
        info = subprocess.run(["pdfinfo", str(example_site / "print" / kind / "all.pdf")], capture_output=True, text=True)
        assert info.returncode == 0 and not info.stderr, info.stderr
        assert f"Title:           {title} · {org}\n" in info.stdout, info.stdout
        pages = int(re.search(r"Pages:\s+(\d+)", info.stdout).group(1))
        assert pages == len(list((example_site / "print" / kind).glob("*.pdf"))) - 1


def test_plate_is_a4_with_both_faces_and_codes(example_site, example, plated):
    member = next(m for m in plated if m.photo)
    pdf = example_site / "print" / "plates" / f"{member.id}.pdf"
    (width, height), = pdf_pages(pdf)
    assert abs(width - 210) < 0.5 and abs(height - 297) < 0.5
    promise = next(c.promise for c in example.latest_year.commitments if c.member == member.id)
    text = pdf_text(pdf)
    assert text.count(squash(member.name)) >= 2 and squash(promise) in text
    assert decoded(pdf, 100) == {f"{SITE_URL}members/{member.id}/"}
    # both faces carry the code: one upright below the fold, one turned above it
    page = render(pdf, 100)
    upper, lower = page.crop((0, 0, page.width, page.height // 2)), page.crop((0, page.height // 2, page.width, page.height))
    assert {c.text for c in zxingcpp.read_barcodes(lower)} == {f"{SITE_URL}members/{member.id}/"}
    assert {c.text for c in zxingcpp.read_barcodes(upper.rotate(180))} == {f"{SITE_URL}members/{member.id}/"}
    assert all(i["x_ppi"] >= 150 for i in images_of(pdf))


def test_qr_files_for_zones(example_site, example):
    for zone in example.zones:
        svg = (example_site / "qr" / "zones" / f"{zone.id}.svg").read_text(encoding="utf-8")
        assert svg.lstrip().startswith("<svg")
        png = Image.open(example_site / "qr" / "zones" / f"{zone.id}.png")
        assert {c.text for c in zxingcpp.read_barcodes(png)} == {f"{SITE_URL}zones/{zone.id}/"}
        for alias in zone.aliases:  # a page or brochure that shows the former id's image keeps one that opens the zone
            png = Image.open(example_site / "qr" / "zones" / f"{alias}.png")
            assert {c.text for c in zxingcpp.read_barcodes(png)} == {f"{SITE_URL}zones/{zone.id}/"}
            assert (example_site / "qr" / "zones" / f"{alias}.svg").read_bytes() == svg.encode("utf-8")
    assert any(zone.aliases for zone in example.zones)


def test_print_page_lists_every_printable_with_preview(example_site, example, plated):
    html = (example_site / "print" / "index.html").read_text(encoding="utf-8")
    plates_html = (example_site / "print" / "plates" / "index.html").read_text(encoding="utf-8")
    ids = [("signboards", z.id) for z in example.active_zones] + [("plates", m.id) for m in plated]
    for kind, key in ids:
        shown = html if kind == "signboards" else plates_html
        for suffix in (".pdf", ".png"):
            address = f'"signboards/{key}{suffix}?v=' if kind == "signboards" else f'"{key}{suffix}?v='  # relative to print/plates/
            assert address in shown, (kind, key, suffix)
        preview = Image.open(example_site / "print" / kind / f"{key}.png")
        (width, height), = pdf_pages(example_site / "print" / kind / f"{key}.pdf")
        assert abs(preview.width / preview.height - width / height) < 0.01
    assert '"signboards/all.pdf?v=' in html and '"all.pdf?v=' in plates_html and "plates/" not in html.split('<h2 id="signboards">')[1]
    assert "60 × 40 cm" in html and "80 × 60 cm" in html and "297 × 420 mm" in html
    # the plates are their own page (a thousand of them made one page of 770 KB): each page links to the other
    top = html.split('<h2 id="signboards">')[0]
    assert (f'<a href="./" aria-current="page">{len(example.active_zones)} 块标志牌</a>' in top
            and f'<a href="plates/">{len(plated)} 张桌牌</a>' in top)
    assert (f'<a href="../">{len(example.active_zones)} 块标志牌</a>' in plates_html
            and f'<a href="./" aria-current="page">{len(plated)} 张桌牌</a>' in plates_html)
    assert '<h2 id="plates">' in plates_html and "共 3 种尺寸（同一尺寸横放、竖放算一种）" in html
    # whoever orders the signs reads this page, not the build's notices (audit Y): the example's address is said
    assert re.search(r'class="print-warning"[^>]*>先不要下单：网站地址（site_url）https://dangjian\.huaning\.example\.cn/ 是示例地址或本机的地址', top)
    assert "颜色为 RGB（sRGB）：主色红 #B3121A" in top
    # each sign says how far off its duties read (audits Y 4, AB 5): their Hanzi at 1/180 of the distance
    read = [(float(mm), float(m)) for mm, m in re.findall(r"工作职责的字高约 ([0-9.]+) 毫米，大约 ([0-9.]+) 米内看得清", html)]
    assert len(read) == len(example.active_zones) and all(abs(m - round(mm * 0.18, 1)) < 0.01 and mm >= 2.9 for mm, m in read), read


def test_a_former_members_plate_is_marked_on_the_print_page(tmp_path):
    """all.pdf holds every published member with a promise, as the format says; whoever orders
    the plates sees which of them has left."""
    members = FILES["members.yaml"].replace("    name: 张伟\n", "    name: 张伟\n    status: former\n")
    site = build(tmp_path, {"members.yaml": members})
    page = (site / "print" / "plates" / "index.html").read_text(encoding="utf-8")
    card = re.search(r'<figure class="card print-item" id="plates-zhang-wei">.*?</figure>', page, re.S).group(0)
    assert "已调离 · " in card, card
    assert "print-warning" not in page.split("</style>")[1]  # a real site_url: nothing to stop the order


# -- small sites ---------------------------------------------------------------------------

def zone_file(**changes: str) -> str:
    text = FILES["content/zones/garden.yaml"]
    for key, value in changes.items():
        text = re.sub(rf"^{key}:.*\n(  - .*\n)*", f"{key}: {value}\n" if value else "", text, flags=re.M)
    return text


def build(tmp_path: Path, files: dict | None = None, name: str = "src") -> Path:
    root = write_site(tmp_path / name, files)
    return build_site(root / "mkdocs.yml", tmp_path / f"{name}-site")


def failing_build(tmp_path: Path, files: dict, caplog) -> str:
    from mkdocs.exceptions import Abort, PluginError

    root = write_site(tmp_path / "src", files)
    with caplog.at_level(logging.ERROR), pytest.raises((Abort, PluginError, SystemExit)):
        build_site(root / "mkdocs.yml", tmp_path / "site")
    return "\n".join(r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR)


@pytest.mark.parametrize("field, written, said", [
    ("department", "    department: " + "第一物业服务站绿化养护与公共设施维修班" * 40 + "\n", "members.yaml:7:5: members[1].department: 部门名称太长，桌牌上放不下 (写简短一些的 department)"),
    ("post", "    post: " + "绿化养护员兼公共设施巡查维修员" * 50 + "\n", "members.yaml:7:5: members[1].post: 岗位、职务太长，桌牌上放不下 (写简短一些的 post 和 title)"),
])
def test_a_plates_department_or_post_too_long_is_said_at_its_field(tmp_path, caplog, field, written, said):
    """Audit AS-L F11: these errors, which name the field to shorten, had no test."""
    roster = FILES["members.yaml"].replace("    post: 绿化养护员\n", "").replace("    group: b1-g1\n", "    group: b1-g1\n" + written, 1)
    assert written in roster
    errors = failing_build(tmp_path, {"members.yaml": roster}, caplog)
    assert said in errors, errors


def test_bleed_adds_3mm_and_crop_marks(tmp_path):
    import pypdfium2 as pdfium

    site = build(tmp_path, {"mkdocs.yml": FILES["mkdocs.yml"].replace("  - liangxiang\n", "  - liangxiang:\n      bleed: true\n")})
    pdf = site / "print" / "signboards" / "garden.pdf"
    (width, height), = pdf_pages(pdf)
    assert abs(width - (600 + 2 * SLUG)) < 0.5 and abs(height - (400 + 2 * SLUG)) < 0.5
    document = pdfium.PdfDocument(pdf)
    trim, bleed = document[0].get_trimbox(), document[0].get_bleedbox()
    assert [round(v * MM_PER_PT, 1) for v in trim] == [SLUG, SLUG, SLUG + 600, SLUG + 400]
    assert [round(v * MM_PER_PT, 1) for v in bleed] == [SLUG - BLEED, SLUG - BLEED, SLUG + 600 + BLEED, SLUG + 400 + BLEED]
    page = render(pdf, 40)
    px = lambda mm: round(mm / 25.4 * 40)  # noqa: E731
    assert page.getpixel((px(SLUG - 1), px(SLUG - 1)))[1] < 100  # the red ground runs into the bleed
    assert page.getpixel((px(1), px(1))) == (255, 255, 255)  # the slug outside it stays white
    assert sum(page.getpixel((px(SLUG), px(5)))) < 300  # a crop mark above the top-left corner
    assert decoded(pdf, 20) == {"https://dj.qinghe.org.cn/dj/zones/garden/"}
    (plate_w, plate_h), = pdf_pages(site / "print" / "plates" / "zhang-wei.pdf")
    assert abs(plate_w - (210 + 2 * SLUG)) < 0.5 and abs(plate_h - (297 + 2 * SLUG)) < 0.5


def test_sixty_character_name_fits_on_a_60x40_signboard(tmp_path):
    name = "华宁一区同心广场及建设路育才街两侧绿化带与健身器材设施日常维护管理服务优秀党员责任区示范岗位"[:60]
    name = name + "区" * (60 - len(name))
    site = build(tmp_path, {"content/zones/garden.yaml": zone_file(name=name)})
    pdf = site / "print" / "signboards" / "garden.pdf"
    assert squash(name) in pdf_text(pdf)
    assert decoded(pdf, 20) == {"https://dj.qinghe.org.cn/dj/zones/garden/"}


@pytest.mark.parametrize("size", ["A4", "A3"])
@pytest.mark.parametrize("orientation", ["portrait", "landscape"])
def test_a_small_signboard_keeps_a_code_that_decodes_at_20_dpi_and_leaves_room_for_its_text(tmp_path, size, orientation):
    """Issue 4: a sign's code decodes when the sign is rendered at 20 dpi, an A4 one too (it hangs
    on a wall and is scanned from where people stand), and the code leaves more than half the
    sheet's width to the text."""
    zone = zone_file() + f"signboard: {{size: {size}, orientation: {orientation}}}\n"
    pdf = build(tmp_path, {"content/zones/garden.yaml": zone}) / "print" / "signboards" / "garden.pdf"
    assert decoded(pdf, 20) == {"https://dj.qinghe.org.cn/dj/zones/garden/"}
    page = render(pdf, 20)  # the code's dark modules, found as the darkest pixels' extent
    dark = [x for x in range(page.width) for y in range(0, page.height, 2) if sum(page.getpixel((x, y))) < 200]
    assert (max(dark) - min(dark)) / page.width < 0.45, (size, orientation)


@pytest.mark.parametrize("size", ["200x100mm", "100x100mm"])
def test_a_sheet_too_small_for_a_code_scanned_from_afar_is_printed_with_a_close_range_code(tmp_path, caplog, size):
    """Audit AP 3: the format sets no least size, but a 20 x 10 cm door plate failed the build
    (a code read from 1.5 m needs 75 mm). It is printed with a code for its own reading distance,
    the editor and the print shop told; the text stays at its legible size."""
    with caplog.at_level(logging.INFO):
        site = build(tmp_path, {"content/zones/garden.yaml": zone_file() + f"signboard: {{size: {size}}}\n"})
    said = "\n".join(r.getMessage() for r in caplog.records)
    assert re.search(r"提示：content/zones/garden\.yaml:\d+:\d+: signboard\.size: .* 的标志牌放不下能在远处扫描的二维码和全部内容："
                     r"标志牌已把二维码缩小印出，要走到跟前才扫得出 \(标志牌要在一两米外看字、扫码，这个尺寸太小或太窄；"
                     r"换一个尺寸：把 signboard 改成 \{size: ", said), said  # not "；或把…" with no first choice (audit AS-J 8)
    pdf = site / "print" / "signboards" / "garden.pdf"
    width, height = (float(side) for side in size[:-2].split("x"))
    (page_w, page_h), = pdf_pages(pdf)
    assert abs(page_w - width) < 0.5 and abs(page_h - height) < 0.5
    for dpi in (100, 300):  # at arm's length, as a desk plate's
        assert decoded(pdf, dpi) == {"https://dj.qinghe.org.cn/dj/zones/garden/"}, dpi
    assert "已把二维码缩小印出" in (site / "print" / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("signboard, expected", [
    ("{size: 400x1200mm}", (400, 1200)),  # width by height, as written
    ("{size: 1200x400mm}", (1200, 400)),
    ("{size: 400x1200mm, orientation: landscape}", (1200, 400)),  # a written orientation decides
])
def test_a_size_in_millimetres_is_width_by_height(tmp_path, signboard, expected):
    site = build(tmp_path, {"content/zones/garden.yaml": zone_file() + f"signboard: {signboard}\n"})
    (width, height), = pdf_pages(site / "print" / "signboards" / "garden.pdf")
    assert (round(width), round(height)) == expected


LONG_DUTY = ("每天早晚两次巡查责任区内全部绿地、道路、路灯、座椅和健身器材，发现问题当场处理，处理不了的两小时内报修并跟踪到修好为止；"
             "每月底前把本月巡查记录、报修记录和群众意见汇总整理，在小区公示栏和微信群里向居民公开，接受居民和监督员的评议")


def test_duties_too_long_for_the_legible_size_are_printed_smaller_with_a_notice(tmp_path, caplog):
    """The format sets no length on duties: content written to it builds. What does not fit at the
    sign's legible size is set smaller, and the editor and the print page say which field to shorten."""
    duties = "\n" + "".join(f"  - 第{i}条：{LONG_DUTY}\n" for i in range(1, 11))
    files = {"content/zones/garden.yaml": zone_file(duties=duties.rstrip("\n"))}
    with caplog.at_level(logging.INFO):
        site = build(tmp_path, files)
    said = "\n".join(r.getMessage() for r in caplog.records)
    lines = files["content/zones/garden.yaml"].splitlines()
    line = next(n for n, text in enumerate(lines, 1) if text.startswith("duties:"))
    assert re.search(rf"提示：content/zones/garden\.yaml:{line}:\d+: duties: 工作职责太长，60 × 40 cm 标志牌上（最小字高 5\.6 毫米）"
                     r"用最小字号还差约 \d+ 行：标志牌已把最小字号缩小到 \d+% 印出", said), said
    pdf = site / "print" / "signboards" / "garden.pdf"
    assert all(squash(f"第{i}条：{LONG_DUTY}") in pdf_text(pdf) for i in range(1, 11))
    assert decoded(pdf, 20) == {"https://dj.qinghe.org.cn/dj/zones/garden/"}, "the QR code keeps its size"
    page = (site / "print" / "index.html").read_text(encoding="utf-8")
    assert re.search(r"请注意：工作职责太长，60 × 40 cm 标志牌上.*已把最小字号缩小到 \d+% 印出", page), "the print shop is told"
    # the hint names a shape, no smaller, the duties were tried on and fit at the legible size: following it builds without a notice
    suggested = re.search(r"signboard 改成 (\{size: [^}]+\})", said)
    assert suggested and "A4" not in suggested.group(1) and "A3" not in suggested.group(1), said
    caplog.clear()
    with caplog.at_level(logging.INFO):
        build(tmp_path, {"content/zones/garden.yaml": files["content/zones/garden.yaml"] + f"signboard: {suggested.group(1)}\n"}, name="fixed")
    assert "工作职责太长" not in "\n".join(r.getMessage() for r in caplog.records)


def test_duties_that_fit_at_no_size_fail_naming_the_file_and_field_and_keep_the_old_site(tmp_path, caplog):
    site = build(tmp_path, name="src")  # a good build first
    before = tree_digest(site)
    duties = "\n" + "".join(f"  - 第{i}条：{LONG_DUTY}\n" for i in range(1, 61))
    files = {"content/zones/garden.yaml": zone_file(duties=duties.rstrip("\n")) + "signboard: {size: A4}\n"}
    from mkdocs.exceptions import Abort, PluginError

    root = write_site(tmp_path / "src", files)
    with caplog.at_level(logging.ERROR), pytest.raises((Abort, PluginError, SystemExit)):
        build_site(root / "mkdocs.yml", site)
    errors = "\n".join(r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR)
    lines = root.joinpath("content/zones/garden.yaml").read_text(encoding="utf-8").splitlines()
    line = next(n for n, text in enumerate(lines, 1) if text.startswith("duties:"))
    assert re.search(rf"content/zones/garden\.yaml:{line}:\d+: duties: 工作职责太长，297 × 210 mm 标志牌上", errors), errors
    assert "最小字高 2.9 毫米" in errors
    assert tree_digest(site) == before, "a failed build must leave the previous site as it was"


def test_ten_long_duties_fit_on_a_bigger_signboard(tmp_path):
    duty = "每周巡查责任区绿地和设施不少于三次，发现问题当日处理"
    duties = "\n" + "".join(f"  - {duty}（{i}）\n" for i in range(1, 11))
    zone = zone_file(duties=duties.rstrip("\n")) + "signboard: {size: 80x60cm, orientation: portrait, scheme: white-red}\n"
    site = build(tmp_path, {"content/zones/garden.yaml": zone})
    pdf = site / "print" / "signboards" / "garden.pdf"
    (width, height), = pdf_pages(pdf)
    assert abs(width - 600) < 0.5 and abs(height - 800) < 0.5
    text = pdf_text(pdf)
    assert all(squash(f"{duty}（{i}）") in text for i in range(1, 11))
    assert decoded(pdf, 20) == {"https://dj.qinghe.org.cn/dj/zones/garden/"}






def test_a_member_who_has_left_is_not_named_on_a_new_signboard(tmp_path):
    zone = zone_file(members="[zhang-wei, li-na, ouyang-xiaohong]").replace(
        "  - {role: 监督员, name: 王芳}\n", "  - {role: 监督员, name: 王芳}\n  - {role: 联络员, member: ouyang-xiaohong}\n")
    site = build(tmp_path, {"content/zones/garden.yaml": zone})
    text = pdf_text(site / "print" / "signboards" / "garden.pdf")
    assert "李娜" in text and "王芳" in text and "欧阳晓红" not in text and "联络员" not in text, text
    page = (site / "zones" / "garden" / "index.html").read_text(encoding="utf-8")
    assert "欧阳晓红" in page, "the zone's page keeps them, marked"







def test_markdown_may_link_to_the_printables_and_qr_codes(tmp_path):
    """The format's stable addresses of printables are pages a free page may link to."""
    links = ["print/plates/zhang-wei.pdf", "/print/signboards/garden.png", "qr/zones/garden.svg", "print/signboards/all.pdf", "print/"]
    about = "# 关于\n\n" + "、".join(f"[下载{n}]({href})" for n, href in enumerate(links)) + "\n"
    site = build(tmp_path, {"content/about.md": about})
    page = site / "about" / "index.html"
    hrefs = re.findall(r'<a href="([^"]*)"[^>]*>下载\d</a>', page.read_text(encoding="utf-8"))
    assert len(hrefs) == len(links)
    for href in hrefs:
        target = (page.parent / href).resolve()
        assert (target / "index.html" if href.endswith("/") else target).is_file(), href


def test_font_option_missing_file(tmp_path, caplog):
    config = FILES["mkdocs.yml"].replace("  - liangxiang\n", "  - liangxiang:\n      font: fonts/nope.ttf\n")
    errors = failing_build(tmp_path, {"mkdocs.yml": config}, caplog)
    assert re.search(r"mkdocs\.yml:\d+:7: font: 找不到字体文件“fonts/nope\.ttf”", errors), errors


@pytest.mark.parametrize("option, said", [
    ("思源黑体", "找不到字体文件“思源黑体” (font 写字体文件的路径（例如 fonts/SourceHanSansSC.otf），不是字体的名称"),
    ("about.txt", "“about.txt”读不出字体：它不是 TTF、OTF 或 TTC 字体文件，或者文件已经损坏 (请用 TTF、OTF 或 TTC"),
    ("web.woff2", "(网页字体（.woff、.woff2）不能用来印刷：请用 TTF、OTF 或 TTC"),
])
def test_font_option_that_is_no_font_file(tmp_path, caplog, option, said):
    config = FILES["mkdocs.yml"].replace("  - liangxiang\n", f"  - liangxiang:\n      font: {option}\n")
    errors = failing_build(tmp_path, {"mkdocs.yml": config, "about.txt": "关于", "web.woff2": "wOF2 not really"}, caplog)
    assert re.search(r"mkdocs\.yml:\d+:7: font: ", errors) and said in errors, errors
    assert "sfntVersion" not in errors and "Traceback" not in errors


def _text_modes(pdf: Path) -> set[bytes]:
    """The text rendering modes (Tr) a PDF's page streams set."""
    import zlib

    modes = set()
    for stream in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", pdf.read_bytes(), re.S):
        try:
            modes |= set(re.findall(rb"\b([0-7]) Tr\b", zlib.decompress(stream)))
        except zlib.error:
            continue
    return modes


def test_a_one_face_font_still_sets_bold_lines_bold(tmp_path):
    """font: names one static face; the sign's title and the plate's name are outlined to look bold."""
    from liangxiang.print.fonts import prepare_fonts

    regular = Path(prepare_fonts(None, REPO, REPO / ".cache" / "liangxiang").regular.path)
    root = write_site(tmp_path / "src", {"mkdocs.yml": FILES["mkdocs.yml"].replace("  - liangxiang\n", "  - liangxiang:\n      font: fonts/one.ttf\n")})
    (root / "fonts").mkdir()
    (root / "fonts" / "one.ttf").write_bytes(regular.read_bytes())
    site = build_site(root / "mkdocs.yml", tmp_path / "site")
    for pdf in (site / "print" / "signboards" / "garden.pdf", site / "print" / "plates" / "zhang-wei.pdf"):
        assert b"2" in _text_modes(pdf), pdf  # fill and stroke
    default = build(tmp_path, name="two-faces")  # the bundled font has a Bold: no outlines
    assert b"2" not in _text_modes(default / "print" / "signboards" / "garden.pdf")


def test_font_option_without_chinese(tmp_path, caplog):
    from fontTools.fontBuilder import FontBuilder
    from fontTools.pens.ttGlyphPen import TTGlyphPen

    builder = FontBuilder(1000, isTTF=True)
    names = [".notdef", "A"]
    builder.setupGlyphOrder(names)
    builder.setupCharacterMap({ord("A"): "A"})
    pen = TTGlyphPen(None)
    pen.moveTo((0, 0)), pen.lineTo((500, 700)), pen.lineTo((500, 0)), pen.closePath()
    builder.setupGlyf({name: pen.glyph() for name in names})
    builder.setupHorizontalMetrics({name: (600, 0) for name in names})
    builder.setupHorizontalHeader(ascent=800, descent=-200)
    builder.setupNameTable({"familyName": "Latin Only", "styleName": "Regular"})
    builder.setupOS2()
    builder.setupPost()
    root = tmp_path / "src"
    (root / "fonts").mkdir(parents=True)
    builder.save(str(root / "fonts" / "latin.ttf"))
    config = FILES["mkdocs.yml"].replace("  - liangxiang\n", "  - liangxiang:\n      font: fonts/latin.ttf\n")
    errors = failing_build(tmp_path, {"mkdocs.yml": config}, caplog)
    assert re.search(r"mkdocs\.yml:\d+:7: font: 字体“fonts/latin\.ttf”里没有中文字", errors), errors


def test_qr_codes_hold_the_formats_address_without_directory_urls(tmp_path):
    """A code holds SITE_URL + zones/ID/ whatever use_directory_urls says (a sign outlives the
    setting); without directory URLs that address is a page that sends the phone on to zones/ID.html."""
    site = build(tmp_path, {"mkdocs.yml": FILES["mkdocs.yml"] + "use_directory_urls: false\n"})
    assert decoded(site / "print" / "signboards" / "garden.pdf", 20) == {"https://dj.qinghe.org.cn/dj/zones/garden/"}
    assert decoded(site / "print" / "plates" / "zhang-wei.pdf", 100) == {"https://dj.qinghe.org.cn/dj/members/zhang-wei/"}
    for folder, page in (("zones/garden", "garden.html"), ("members/zhang-wei", "zhang-wei.html")):
        assert (site / folder).with_suffix(".html").is_file()
        assert f'http-equiv="refresh" content="0; url=../{page}"' in (site / folder / "index.html").read_text(encoding="utf-8")
    assert (site / "print.html").is_file() or (site / "print" / "index.html").is_file()


def test_photo_upright_without_metadata_and_never_under_150_dpi(tmp_path):
    site_root = write_site(tmp_path / "src")
    # stored sideways (as a phone does) with Orientation=6 and a GPS tag: red is the top of the picture
    upright = Image.new("RGB", (900, 1200), "#1f3fbf")
    upright.paste((200, 20, 20), (0, 0, 900, 600))
    sideways = upright.rotate(90, expand=True)  # what the camera stored; EXIF 6 turns it back
    exif = Image.Exif()
    exif[0x0112] = 6
    exif[0x8825] = {1: "N"}
    sideways.save(site_root / "content/photos/zhang-wei.jpg", exif=exif, quality=92)
    site = build_site(site_root / "mkdocs.yml", tmp_path / "site")
    pdf = site / "print" / "plates" / "zhang-wei.pdf"
    out = tmp_path / "images"
    out.mkdir()
    subprocess.run(["pdfimages", "-all", str(pdf), str(out / "i")], check=True)
    photos = [Image.open(p) for p in sorted(out.iterdir()) if p.suffix in (".jpg", ".png")]
    photo = max(photos, key=lambda image: image.width * image.height)
    assert photo.height > photo.width
    top, bottom = photo.convert("RGB").getpixel((photo.width // 2, 5)), photo.convert("RGB").getpixel((photo.width // 2, photo.height - 5))
    assert top[0] > 150 and bottom[2] > 150, (top, bottom)  # red on top, blue below: upright
    assert not photo.getexif() and "icc_profile" not in photo.info
    assert all(i["x_ppi"] >= 150 for i in images_of(pdf))
    # the minimal site's 60x80 photo is printed small rather than blurred
    site2 = build(tmp_path, name="tiny")
    assert all(i["x_ppi"] >= 150 for i in images_of(site2 / "print" / "signboards" / "garden.pdf"))


def test_cache_hits_on_a_second_build_and_only_changes_are_rendered(tmp_path, caplog, monkeypatch):
    import liangxiang.print.render as printing

    root = write_site(tmp_path / "src")
    with caplog.at_level(logging.INFO, logger="mkdocs.plugins.liangxiang"):
        build_site(root / "mkdocs.yml", tmp_path / "site")
    assert "印刷品 3 个（新生成 3 个，沿用缓存 0 个）" in caplog.text  # garden, zhang-wei, li-na

    def never(*args, **kwargs):
        raise AssertionError("an unchanged printable was rendered again")

    monkeypatch.setattr(printing, "render", never)
    caplog.clear()
    with caplog.at_level(logging.INFO, logger="mkdocs.plugins.liangxiang"):
        build_site(root / "mkdocs.yml", tmp_path / "site2")
    assert "印刷品 3 个（新生成 0 个，沿用缓存 3 个）" in caplog.text
    assert (tmp_path / "site2" / "print" / "signboards" / "garden.pdf").read_bytes() == (tmp_path / "site" / "print" / "signboards" / "garden.pdf").read_bytes()
    monkeypatch.undo()

    zone = root / "content/zones/garden.yaml"
    zone.write_text(zone.read_text(encoding="utf-8").replace("0317-2720001", "0317-2720009"), encoding="utf-8")
    caplog.clear()
    with caplog.at_level(logging.INFO, logger="mkdocs.plugins.liangxiang"):
        build_site(root / "mkdocs.yml", tmp_path / "site3")
    assert "印刷品 3 个（新生成 1 个，沿用缓存 2 个）" in caplog.text
    assert "0317-2720009" in pdf_text(tmp_path / "site3" / "print" / "signboards" / "garden.pdf")


def test_printables_can_be_switched_off(tmp_path):
    site = build(tmp_path, {"mkdocs.yml": FILES["mkdocs.yml"].replace("  - liangxiang\n", "  - liangxiang:\n      printables: false\n")})
    assert not (site / "print").exists() and not (site / "qr").exists()


def test_a_small_photo_on_a_plate_is_a_notice_on_the_print_page(tmp_path, caplog):
    """The minimal site's photo is 60x80 px: printed sharp it is a few millimetres wide, and the
    person ordering the plates is told so beside its preview, as for a sign's leader photo. The
    editor is told too, once, at the member's photo (zhang-wei leads the garden: a sign and a plate)."""
    with caplog.at_level(logging.INFO):
        site = build(tmp_path)
    page = (site / "print" / "plates" / "index.html").read_text(encoding="utf-8")
    assert re.search(r"请注意：照片只有 60×80 像素，为保证清晰只能印 \d+ 毫米宽（正常约 42 毫米）：请换一张大一些的原图，至少 249×332 像素（竖版，宽:高 = 3:4）", page), page
    said = [r.getMessage() for r in caplog.records if "60×80 像素" in r.getMessage()]
    assert len(said) == 1, said
    # one notice names both: the sign said alone made the editor think the plate was fine (audit E, session 36)
    found = re.match(r"提示：members.yaml:4:\d+: members\[1\].photo: 标志牌 garden 上的负责人照片只有 60×80 像素，为保证清晰只能印 \d+ 毫米宽"
                     r"（正常约 (\d+) 毫米）；桌牌上也小（正常约 42 毫米） \(请换一张大一些的原图，至少 (\d+)×\d+ 像素（竖版，宽:高 = 3:4）\)", said[0])
    assert found, said
    # the pixels the larger of the two needs: the first one's, followed, met a new notice asking for more (audit AO 6)
    assert int(found.group(2)) == math.ceil(max(int(found.group(1)), 42) / 25.4 * 150), said


def test_duties_set_at_the_legible_minimum_are_said(tmp_path, caplog):
    """Audit AN 2: ten long duties on an A4 sign came out at the smallest legible size, read from
    half a metre, and only /print/ said so; the editor is told at the duties, with what to do."""
    duties = "".join(f"  - 巡视检查10千伏西线全线杆塔、导线、绝缘子、金具及拉线的运行状况并详细记录每一处缺陷的位置和性质{n}\n" for n in range(10))
    zone = FILES["content/zones/garden.yaml"].replace("duties:\n  - 浇水\n", "duties:\n" + duties) + "signboard: {size: A4}\n"
    with caplog.at_level(logging.INFO):
        build(tmp_path, {"content/zones/garden.yaml": zone})
    said = [r.getMessage() for r in caplog.records if "最小的字" in r.getMessage()]
    assert len(said) == 1 and re.match(r"提示：content/zones/garden.yaml:\d+:1: duties: 标志牌（A4）上的工作职责只能印到最小的字（字高约 [23](\.\d)? 毫米，约 0\.5 米内看得清）", said[0]), said
    caplog.clear()
    with caplog.at_level(logging.INFO):
        build(tmp_path, name="plain")  # one short duty: nothing to say
    assert not [r for r in caplog.records if "最小的字" in r.getMessage()]


@pytest.mark.parametrize("width, height, advice", [
    (800, 400, "这张照片够宽、不够高（印出来要裁成宽:高 = 3:4 的竖版）：请换一张至少 532×710 像素的竖版照片"),  # audit 35: it said "至少 532 像素宽"
    (300, 400, "请换一张大一些的原图，至少 532×710 像素（竖版，宽:高 = 3:4）"),
])
def test_a_small_photos_advice_names_the_pixels_it_lacks(width, height, advice):
    from liangxiang.print.images import SmallPhoto

    assert SmallPhoto("负责人照片", width, height, 51.0, 90.0).advice() == advice


def test_a_cut_outs_size_is_said_as_what_is_left_of_it(tmp_path):
    """Audit AN 4: a 500×700 cut-out was said to have 301×600 pixels, with no word of why."""
    from PIL import Image, ImageDraw

    from liangxiang.print.images import SmallPhoto, image_ref

    cut_out = Image.new("RGBA", (500, 700), (0, 0, 0, 0))
    ImageDraw.Draw(cut_out).ellipse((100, 100, 400, 699), fill=(200, 150, 120, 255))
    cut_out.save(tmp_path / "cut.png")
    ref = image_ref(tmp_path, "cut.png")
    assert (ref.width, ref.height, ref.trimmed) == (301, 600, True)
    said = SmallPhoto.of("负责人照片", ref, 51.0, 90.0).said()
    assert said.startswith("负责人照片去掉透明的背景后只有 301×600 像素"), said
    Image.new("RGB", (300, 400)).save(tmp_path / "plain.jpg")
    assert SmallPhoto.of("照片", image_ref(tmp_path, "plain.jpg"), 20.0, 42.0).said().startswith("照片只有 300×400 像素")



def test_a_cut_out_portrait_is_printed_on_white_and_whole(tmp_path):
    """An ID photo cut out on a transparent background (session 24's audit): trimmed like a logo,
    then cropped to the frame, it lost the top of the head and took the sign's colour behind it."""
    from PIL import Image, ImageDraw

    from liangxiang.print.images import prepare

    portrait = Image.new("RGBA", (300, 400), (0, 0, 0, 0))
    ImageDraw.Draw(portrait).ellipse((100, 60, 200, 180), fill=(230, 190, 160, 255))  # the head
    ImageDraw.Draw(portrait).rectangle((50, 200, 250, 400), fill=(30, 40, 90, 255))  # the shoulders
    path = tmp_path / "cut-out.png"
    portrait.save(path)
    data, _ = prepare(str(path), "cut-out", 30.0, 40.0, True)
    printed = Image.open(data).convert("RGB")
    assert printed.getpixel((2, 2)) == (255, 255, 255)  # the background is white, not the sign's
    scale = printed.width / 300
    head = printed.getpixel((round(150 * scale), round(70 * scale)))  # near the top of the head: still there
    assert abs(head[0] - 230) < 20 and abs(head[2] - 160) < 20, head


def test_a_chinese_site_address_is_printed_in_the_form_scanners_open(tmp_path):
    """site_url https://党建.清河.cn/党建/ went into every QR code as written: some scanners show
    such an address as text, not as a link to open (audit 25)."""
    root = write_site(tmp_path / "src", {"mkdocs.yml": FILES["mkdocs.yml"].replace("https://dj.qinghe.org.cn/dj/", "https://党建.清河.cn/党建/")})
    site = build_site(root / "mkdocs.yml", tmp_path / "site")
    address = "https://xn--n5qz54a.xn--ovw11a.cn/%E5%85%9A%E5%BB%BA/"
    assert "党建".encode("idna").decode() == "xn--n5qz54a"
    assert {c.text for c in zxingcpp.read_barcodes(Image.open(site / "qr/zones/garden.png"))} == {f"{address}zones/garden/"}


def test_a_plates_code_for_a_long_address_keeps_modules_a_scanner_reads(tmp_path):
    """Audit AS-L F6: a long site_url makes a plate's code a higher version; in the plate's 30 mm square
    its modules would fall under 2 px at 100 dpi. The square grows instead: at least 0.508 mm a module."""
    from liangxiang.print import qr
    from liangxiang.print.layout import PLATE_QR_DPI, qr_module_mm

    base = "https://dangjian.example-provincial-energy-company.com.cn/" + "/".join(["party-building-portal"] * 5) + "/"
    site = build(tmp_path, {"mkdocs.yml": FILES["mkdocs.yml"].replace("site_url: https://dj.qinghe.org.cn/dj/", f"site_url: {base}")})
    address = f"{base}members/zhang-wei/"
    symbol = qr.side(address) - 2 * qr.QUIET
    assert len(address) > 150 and symbol * qr_module_mm(PLATE_QR_DPI) > 30, symbol  # a 30 mm square would be too small
    pdf = site / "print" / "plates" / "zhang-wei.pdf"
    assert decoded(pdf, PLATE_QR_DPI) == {address}
    found = [code for code in zxingcpp.read_barcodes(render(pdf, 300)) if code.text == address]
    assert found, "the code decodes at 300 dpi"
    for code in found:  # both faces
        corner, across = code.position.top_left, code.position.top_right
        module_mm = math.hypot(across.x - corner.x, across.y - corner.y) / symbol * 25.4 / 300
        assert module_mm >= qr_module_mm(PLATE_QR_DPI) * 0.97, (module_mm, symbol)


LONG_ORG = "中国石油天然气股份有限公司华北油田分公司" * 8 + "党委"


@pytest.mark.parametrize("org, said", [
    (f"name: {LONG_ORG}\n", "content/org.yaml:1:1: name: 单位名称太长，桌牌顶上的红条里两行也放不下 (在 org.yaml 里加一行 short_name（单位简称）"),
    # the plate prints the short name: that is the line to shorten (audit AS-L F11 asked; it was said at name)
    (f"name: {LONG_ORG}\nshort_name: {'华北油田公司' * 25}\n", "content/org.yaml:2:1: short_name: 单位简称太长，桌牌顶上的红条里两行也放不下 (在 org.yaml 里写简短一些的 short_name)"),
])
def test_an_org_name_too_long_for_a_plate_is_said_at_the_name_it_prints(tmp_path, caplog, org, said):
    errors = failing_build(tmp_path, {"content/org.yaml": FILES["content/org.yaml"].replace("name: 测试单位\n", org)}, caplog)
    assert said in errors, errors


def _with_standard(standard: str) -> dict[str, str]:
    commitments = FILES["content/commitments/2026.yaml"].replace("    items: [每周巡查]\n", f"    items: [每周巡查]\n    standard: {standard}\n", 1)
    assert standard in commitments
    return {"content/commitments/2026.yaml": commitments}


@pytest.mark.parametrize("standard, printed", [
    ("首问负责、限时办结", "服务标准：首问负责、限时办结"),
    # "六个一", written over lines: printed in those lines, as the guide says (AS-M 4)
    ("|\n      一声问候\n      一副鞋套\n      一次回访。", "服务标准：一声问候\n一副鞋套\n一次回访。"),
])
def test_a_plate_prints_the_standard_under_the_promise(tmp_path, standard, printed):
    """亮标准 reached no paper: the plate showed the promise only (audit AS-M 4). Both faces carry it."""
    site = build(tmp_path, _with_standard(standard))
    pdf = site / "print" / "plates" / "zhang-wei.pdf"
    text = pdf_text(pdf)
    assert text.count(squash(printed)) == 2, text
    lines = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout.splitlines()
    for line in printed.split("\n"):  # each written line on a line of its own
        assert sum(row.strip() == line for row in lines) == 2, (line, lines)
    assert "服务标准" not in pdf_text(site / "print" / "plates" / "li-na.pdf")  # none written: none printed


def test_a_long_promise_is_never_set_smaller_than_the_standard_under_it(tmp_path):
    """Audit AS-W L2: a 158-character promise was set at 14.8 pt, its standard under it at 21.3 pt."""
    files = _with_standard("首问负责、限时办结、微笑服务；对患者做到“一张笑脸、一声问候、一次解释到位”")
    promise = "带头养护花园，" + "群众诉求当日响应、件件有回音、事事有着落，" * 7
    files["content/commitments/2026.yaml"] = files["content/commitments/2026.yaml"].replace("promise: 带头养护花园", f"promise: {promise}", 1)
    site = build(tmp_path, files)
    boxes = subprocess.run(["pdftotext", "-bbox", str(site / "print" / "plates" / "zhang-wei.pdf"), "-"],
                           capture_output=True, text=True, check=True).stdout
    heights = {}
    for y_min, y_max, word in re.findall(r'<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</word>', boxes):
        kind = "standard" if word.startswith("服务标准") else "promise" if word.startswith("带头养护花园") else None
        if kind:
            heights.setdefault(kind, set()).add(round(float(y_max) - float(y_min), 1))
    assert len(heights) == 2 and min(heights["promise"]) >= max(heights["standard"]), heights


@pytest.mark.parametrize("standard", ["", "首问负责、限时办结、微笑服务"])
def test_a_promise_too_long_for_a_plate_is_said_with_the_length_it_may_have(tmp_path, caplog, standard):
    """Audit AS-W H2: a 480-character promise was refused with "最多 3 行", where 450 characters
    had printed: the error says how many characters the plate holds, and a promise of that many builds."""
    promise = "群众诉求当日响应、件件有回音、事事有着落，" * 30  # 630 characters
    files = _with_standard(standard) if standard else {}
    commitments = files.get("content/commitments/2026.yaml", FILES["content/commitments/2026.yaml"])
    files["content/commitments/2026.yaml"] = commitments.replace("promise: 带头养护花园", f"promise: {promise}", 1)
    errors = failing_build(tmp_path, files, caplog)
    said = re.search(r"commitments\[1\]\.promise: 承诺有 630 个字，(加上服务标准，)?桌牌上用最小字号最多放得下约 (\d+) 个字 \(删到 (\d+) 字以内", errors)
    assert said and said.group(2) == said.group(3) and bool(said.group(1)) == bool(standard), errors
    held = int(said.group(2))
    assert 100 < held < 630
    files["content/commitments/2026.yaml"] = commitments.replace("promise: 带头养护花园", f"promise: {promise[:held]}", 1)
    build(tmp_path, files, "held")  # cut to what the error said, it prints


def test_a_standard_too_long_for_a_plate_is_said_at_its_field(tmp_path, caplog):
    errors = failing_build(tmp_path, _with_standard("首问负责、限时办结、件件回复、" * 40), caplog)
    assert "content/commitments/2026.yaml:6:5: commitments[1].standard: 服务标准太长，桌牌上承诺下面放不下 (写简短一些的 standard" in errors, errors


def test_a_branch_name_too_long_for_a_plate_is_said_once_at_the_branch(tmp_path, caplog):
    """Audit AS-N 13: a branch's name too long for a plate was said at the post of each of its members."""
    org = FILES["content/org.yaml"].replace("    name: 第一党支部\n", "    name: " + "第一物业服务站绿化养护与公共设施维修班党支部" * 16 + "\n")
    errors = failing_build(tmp_path, {"content/org.yaml": org}, caplog).splitlines()
    said = [line for line in errors if "党支部名称太长" in line]
    assert said and set(said) == {said[0]} and said[0].startswith("content/org.yaml:7:5: branches[1].name: 党支部名称太长，桌牌上放不下"), errors
    assert not [line for line in errors if ".post:" in line], errors


def test_every_field_set_small_on_a_sign_is_said(tmp_path, caplog):
    """A sign printed small for a long name and long duties said the name only: the editor who
    shortened it was told of the duties on the next build."""
    duties = "\n" + "".join(f"  - 第{i}条：{LONG_DUTY}\n" for i in range(1, 11))
    files = {"content/zones/garden.yaml": zone_file(name="花园责任区东侧绿地与儿童游乐场" * 10, duties=duties.rstrip("\n"))}
    with caplog.at_level(logging.INFO):
        site = build(tmp_path, files)
    said = "\n".join(r.getMessage() for r in caplog.records)
    assert re.search(r"提示：content/zones/garden\.yaml:2:\d+: name: 责任区名称太长.*：标志牌已把最小字号缩小到 \d+% 印出", said), said
    assert re.search(r"提示：content/zones/garden\.yaml:\d+:\d+: duties: 工作职责太长.*：标志牌已把最小字号缩小到 \d+% 印出", said), said
    page = (site / "print" / "index.html").read_text(encoding="utf-8")
    assert "责任区名称太长" in page and "工作职责太长" in page, "the print shop is told of both"

def test_every_field_too_long_for_a_plate_is_said_in_one_run(tmp_path, caplog):
    """One run says every error: with a standard and a department both too long, the build said the
    department only, and the standard once that was fixed (audit AS-O)."""
    files = _with_standard("首问负责、限时办结、件件回复、" * 40)
    files["members.yaml"] = FILES["members.yaml"].replace("    group: b1-g1\n", "    group: b1-g1\n    department: " + "第一物业服务站绿化养护与公共设施维修班" * 40 + "\n", 1)
    errors = failing_build(tmp_path, files, caplog)
    assert "members.yaml:7:5: members[1].department: 部门名称太长，桌牌上放不下" in errors, errors
    assert "content/commitments/2026.yaml:6:5: commitments[1].standard: 服务标准太长，桌牌上承诺下面放不下" in errors, errors


def test_every_field_too_long_for_a_sign_is_said_in_one_run(tmp_path, caplog):
    zone = FILES["content/zones/garden.yaml"]
    zone = zone.replace("name: 花园责任区\n", "name: " + "花园责任区东侧绿地与儿童游乐场" * 12 + "\n")
    zone = zone.replace("duties:\n  - 浇水\n", "duties:\n" + "".join(f"  - 每天早晚巡查第 {n} 片绿地、儿童游乐设施和健身器材，发现损坏当天报修并设置警示标志\n" for n in range(200)))
    errors = failing_build(tmp_path, {"content/zones/garden.yaml": zone}, caplog)
    assert "content/zones/garden.yaml:2:1: name: 责任区名称太长" in errors, errors
    assert "content/zones/garden.yaml:5:1: duties: 工作职责太长" in errors, errors
    assert errors.count("或把 signboard 改成") <= 1, errors  # sizes are offered for the whole content only


def test_a_photo_of_a_few_pixels_is_not_said_to_print_0_mm_wide():
    """Audit AS-Q: a 1×1 photo's notice said it could print "0 毫米宽"."""
    from liangxiang.print.images import SmallPhoto

    assert SmallPhoto("照片", 1, 1, 0.2, 42).said() == "照片只有 1×1 像素，为保证清晰只能印不到 1 毫米宽，几乎看不见（正常约 42 毫米）"
    assert SmallPhoto("照片", 36, 48, 6.1, 42).said() == "照片只有 36×48 像素，为保证清晰只能印 6 毫米宽（正常约 42 毫米）"


def test_plates_print_next_years_promises_once_its_file_is_committed(tmp_path):
    """The format: plates/all.pdf holds "every published member with a commitment in the latest year
    that has any". Next year's file committed in December gives next year's plates, to be ordered
    before New Year; the pages keep this year's until it begins (audits AS-S 4, AS-T M3)."""
    root = write_site(tmp_path / "src", {"content/commitments/2027.yaml": "year: 2027\ncommitments:\n  - member: li-na\n    promise: 明年的承诺写在桌牌上\n"})
    site = build_site(root / "mkdocs.yml", tmp_path / "site")
    plates = site / "print/plates"
    assert sorted(p.name for p in plates.glob("*.pdf")) == ["all.pdf", "li-na.pdf"]
    assert "明年的承诺写在桌牌上" in pdf_text(plates / "li-na.pdf") and "2027" in pdf_text(plates / "li-na.pdf")
    assert pdf_text(plates / "all.pdf") == pdf_text(plates / "li-na.pdf")
    assert "2027 党员承诺桌牌" in re.sub(r"<[^>]+>", "", (site / "print/plates/index.html").read_text(encoding="utf-8"))
    assert "带头养护花园" in (site / "zones/garden/index.html").read_text(encoding="utf-8")  # this year's, on the page


def test_signs_of_one_paper_size_come_together(tmp_path):
    """Audit AS-X L2: all.pdf and the order list went in name order, switching between four sizes; a
    print shop prints a size at a time. alpha (80x60 cm) is named before garden (60x40 cm), sized after."""
    from test_print_editions import order_list

    zone = FILES["content/zones/garden.yaml"].replace("id: garden", "id: alpha").replace("name: 花园责任区", "name: 阿尔法责任区")
    zone = zone.replace("aliases: [old-garden]\n", "signboard: {size: 80x60cm}\n")
    site = build(tmp_path, {"content/zones/alpha.yaml": zone})
    papers = [tuple(sorted((round(w), round(h)))) for w, h in pdf_pages(site / "print" / "signboards" / "all.pdf")]
    assert papers == [(400, 600), (600, 800)], papers
    listed = [pdf.rsplit("/print/", 1)[1] for pdf in order_list(site)]
    assert listed[:2] == ["signboards/garden.pdf", "signboards/alpha.pdf"], listed  # the signs first, A4 plates after them
    assert all(pdf.startswith("plates/") for pdf in listed[2:]) and listed[2:], listed
