"""Hostile input, privacy: nothing leaks.

A hidden member whose every field carries a unique canary appears in no output byte of a full
build (printables on), PDFs read as text too; no published image derives from their photo, and no
published image carries EXIF, XMP, IPTC, ICC or GPS data. A canary under an unknown key in every
kind of record fails the build, naming file and line, and no site is written.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import logging
import subprocess
from pathlib import Path

import pytest
from PIL import Image

from conftest import build_site, tree_digest
from minimal_site import FILES, write_site

HIDDEN_COLOR = (17, 201, 93)
HIDDEN_SIZE = (173, 211)
CANARIES = {
    "id": "qcanary-id-7x",
    "name": "QCANARYNAME隐者甲",
    "photo": "qcanary-photo-7x",
    "department": "QCANARYDEPT隐部乙",
    "post": "QCANARYPOST隐岗丙",
    "title": "QCANARYTITLE隐职丁",
    "tag": "QCANARYTAG隐标戊",
    "honor": "QCANARYHONOR隐誉己",
    "honor_by": "QCANARYHONORBY隐授庚",
}
HIDDEN_MEMBER = f"""\
  - id: {CANARIES["id"]}
    name: {CANARIES["name"]}
    photo: photos/{CANARIES["photo"]}.jpg
    branch: b1
    group: b1-g1
    department: {CANARIES["department"]}
    post: {CANARIES["post"]}
    title: {CANARIES["title"]}
    joined: 1999
    tags: [{CANARIES["tag"]}]
    honors:
      - {{year: 2017, title: {CANARIES["honor"]}, by: {CANARIES["honor_by"]}}}
    hidden: true
"""


def _needles() -> list[bytes]:
    out = []
    for value in CANARIES.values():
        out += [value.encode("utf-8"), value.encode("utf-16-be"), value.lower().encode()]
        ascii_part = "".join(c for c in value if c.isascii())
        out.append(ascii_part.encode())  # the Latin part alone, as a PDF with a subset font may hold it
        cjk = "".join(c for c in value if not c.isascii())
        if cjk:
            out += [cjk.encode("utf-8"), cjk.encode("utf-16-be")]
    return sorted(set(out))


def _texts(site: Path):
    """(path, bytes) for every output file, plus every PDF's text and every gzip decompressed."""
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        data = path.read_bytes()
        yield path, data
        if path.suffix == ".gz":
            yield path, gzip.decompress(data)
        if path.suffix == ".pdf":
            text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True).stdout
            yield path, text


@pytest.fixture(scope="module")
def leak_site(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("leak")
    root = write_site(tmp / "src", {"members.yaml": FILES["members.yaml"] + HIDDEN_MEMBER})
    Image.new("RGB", HIDDEN_SIZE, HIDDEN_COLOR).save(root / f"content/photos/{CANARIES['photo']}.jpg", "JPEG")
    site = build_site(root / "mkdocs.yml", tmp / "site")
    assert (site / "print/plates/all.pdf").is_file() and (site / "qr").is_dir(), "printables are on"
    assert (site / "zones/old-garden/index.html").is_file(), "a redirect page is built"
    return site


def test_hidden_member_leaks_into_no_output_byte(leak_site):
    needles = _needles() + [str(leak_site.parent).encode(), str(Path.home()).encode() + b"/"]  # nor the build machine's paths
    checked = 0
    kinds = set()
    for path, data in _texts(leak_site):
        checked += 1
        kinds.add(path.suffix)
        for needle in needles:
            assert needle not in data, f"{path}: {needle!r}"
    print(f"{len(CANARIES)} canaries ({len(needles)} byte forms) checked in {checked} outputs of kinds {sorted(kinds)}")
    assert {".html", ".json", ".xml", ".gz", ".pdf", ".png", ".svg"} <= kinds
    # the same search finds what is public, in every kind of output (so it would find a leak)
    seen = {path.suffix for path, data in _texts(leak_site) if "张伟".encode() in data or b"zhang-wei" in data}
    assert {".html", ".json", ".xml", ".gz", ".pdf"} <= seen, seen  # QR files hold URLs only as modules


def test_hidden_members_photo_is_not_published(leak_site):
    source = Image.new("RGB", HIDDEN_SIZE, HIDDEN_COLOR)
    buffer = io.BytesIO()
    source.save(buffer, "JPEG")
    digest = hashlib.sha256(buffer.getvalue()).hexdigest()
    aspect = HIDDEN_SIZE[0] / HIDDEN_SIZE[1]
    for path in leak_site.rglob("*"):
        if path.suffix.lower() not in (".jpg", ".jpeg", ".png", ".webp", ".avif"):
            continue
        assert hashlib.sha256(path.read_bytes()).hexdigest() != digest, path
        with Image.open(path) as image:
            rgb = image.convert("RGB")
            # a copy of the hidden photo, at any size, is a plain block of its colour with its aspect
            colors = rgb.getcolors(1 << 16) or []
            near = sum(n for n, c in colors if all(abs(a - b) <= 12 for a, b in zip(c, HIDDEN_COLOR)))
            assert near < 0.02 * rgb.width * rgb.height, f"{path} holds the hidden member's photo colour"
            if "assets/photos" in path.as_posix():
                assert abs(image.width / image.height - aspect) > 0.01 or near == 0, path


def _metadata_problems(path: Path) -> list[str]:
    found = []
    data = path.read_bytes()
    for marker in (b"Exif", b"http://ns.adobe.com/xap", b"GPS", b"Photoshop 3.0", b"8BIM", b"ICC_PROFILE"):
        if marker in data:
            found.append(f"bytes {marker!r}")
    with Image.open(path) as image:
        if image.getexif():
            found.append(f"EXIF {dict(image.getexif())}")
        for key in ("exif", "xmp", "XML:com.adobe.xmp", "icc_profile", "photoshop", "iptc"):
            if key in image.info:
                found.append(f"info[{key!r}]")
    return found


def test_no_published_image_carries_metadata(example_site):
    source = Path(__file__).resolve().parent.parent / "content/photos/members/li-na.jpg"
    with Image.open(source) as image:
        assert 34853 in image.getexif(), "the example photo has GPS EXIF to strip"
    images = [p for p in example_site.rglob("*") if p.suffix.lower() in (".jpg", ".jpeg", ".png", ".webp")]
    assert any(p.name.startswith("li-na") for p in images)
    for path in images:
        assert not _metadata_problems(path), (path, _metadata_problems(path))
    print(f"{len(images)} published images without EXIF, XMP, IPTC, ICC or GPS")


def test_no_metadata_from_a_photo_full_of_it(tmp_path):
    """A portrait carrying EXIF with GPS, XMP and an ICC profile, as JPEG, PNG and WebP."""
    exif = Image.Exif()
    exif[271] = "QCANARYCAM"
    exif[0x8825] = {1: "N", 2: (39.0, 54.0, 1.0), 3: "E", 4: (116.0, 23.0, 1.0)}
    xmp = b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" QCANARYXMP="1"/></x:xmpmeta>'
    from PIL import ImageCms

    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    root = write_site(tmp_path / "src")
    photos = root / "content/photos"
    image = Image.new("RGB", (300, 400), "#36c")
    image.save(photos / "zhang-wei.jpg", "JPEG", exif=exif, xmp=xmp, icc_profile=icc)
    image.save(photos / "li-na.png", "PNG", exif=exif, icc_profile=icc)
    image.save(photos / "z.webp", "WEBP", exif=exif, xmp=xmp, icc_profile=icc)
    members = FILES["members.yaml"].replace("    name: 李娜\n", "    name: 李娜\n    photo: photos/li-na.png\n")
    zone = FILES["content/zones/garden.yaml"] + "photo: photos/z.webp\n"
    root = write_site(tmp_path / "src", {"members.yaml": members, "content/zones/garden.yaml": zone})
    image.save(photos / "zhang-wei.jpg", "JPEG", exif=exif, xmp=xmp, icc_profile=icc)  # write_site wrote a plain one
    site = build_site(root / "mkdocs.yml", tmp_path / "site")
    images = [p for p in site.rglob("*") if p.suffix.lower() in (".jpg", ".jpeg", ".png", ".webp")]
    assert len([p for p in images if "assets/photos" in p.as_posix()]) >= 3
    for path in images:
        assert not _metadata_problems(path), (path, _metadata_problems(path))
    for path, data in _texts(site):
        assert b"QCANARY" not in data, path


# ---------------------------------------------------------------------------------------------
# A canary under an unknown key, in every kind of record

def _insert_after(text: str, anchor: str, line: str) -> str:
    assert anchor in text, anchor
    return text.replace(anchor, anchor + line, 1)


UNKNOWN = {
    "member": ("members.yaml", lambda t: _insert_after(t, "    name: 李娜\n", "    phone_qcanary: QCANARY-member\n")),
    "org": ("content/org.yaml", lambda t: _insert_after(t, "name: 测试单位\n", "secret_qcanary: QCANARY-org\n")),
    "branch": ("content/org.yaml", lambda t: _insert_after(t, "    name: 第二党支部\n", "    secret_qcanary: QCANARY-branch\n")),
    "group": ("content/org.yaml", lambda t: t.replace("{id: b1-g1, name: 第一党小组}", "{id: b1-g1, name: 第一党小组,\n         secret_qcanary: QCANARY-group}")),
    "zone": ("content/zones/garden.yaml", lambda t: _insert_after(t, "scope: 花园一片\n", "secret_qcanary: QCANARY-zone\n")),
    "role": ("content/zones/garden.yaml", lambda t: t.replace("{role: 监督员, name: 王芳}", "{role: 监督员, name: 王芳,\n     phone_qcanary: QCANARY-role}")),
    "signboard": ("content/zones/garden.yaml", lambda t: t + "signboard:\n  size: A4\n  secret_qcanary: QCANARY-signboard\n"),
    "commitment": ("content/commitments/2026.yaml", lambda t: _insert_after(t, "    promise: 热情服务\n", "    secret_qcanary: QCANARY-commitment\n")),
    "progress": ("content/commitments/2026.yaml", lambda t: t.replace("{date: 2026-03-12, text: 补植草坪}", "{date: 2026-03-12, text: 补植草坪,\n         secret_qcanary: QCANARY-progress}")),
    "review": ("content/commitments/2026.yaml", lambda t: t.replace("by: 群众评议}", "by: 群众评议,\n      secret_qcanary: QCANARY-review}")),
    "story": ("content/stories/a-key.md", lambda t: _insert_after(t, "title: 一把钥匙\n", "secret_qcanary: QCANARY-story\n")),
    "assessment": ("content/assessments/2026-Q1.yaml", lambda t: _insert_after(t, "published: 2026-04-05\n", "secret_qcanary: QCANARY-assessment\n")),
    "result": ("content/assessments/2026-Q1.yaml", lambda t: t.replace("{zone: garden, score: 90}", "{zone: garden, score: 90,\n     secret_qcanary: QCANARY-result}")),
    "honor": ("members.yaml", lambda t: t.replace("by: 党委}", "by: 党委,\n         secret_qcanary: QCANARY-honor}")),
}


@pytest.mark.parametrize("kind", list(UNKNOWN))
def test_canary_under_an_unknown_key_fails_the_build(tmp_path, caplog, kind):
    from mkdocs.exceptions import Abort

    file, plant = UNKNOWN[kind]
    text = plant(FILES[file])
    assert f"QCANARY-{kind}" in text
    line = text.split("\n").index(next(l for l in text.split("\n") if "qcanary" in l)) + 1
    root = write_site(tmp_path / "src", {file: text})
    sources = [root / "content", root / "members.yaml", root / "mkdocs.yml"]  # not .cache/: the parse cache is kept
    source = tree_digest(*sources)
    site = tmp_path / "site"
    with caplog.at_level(logging.ERROR), pytest.raises(Abort):
        build_site(root / "mkdocs.yml", site)
    errors = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    assert any(e.startswith(f"{file}:{line}:") and "qcanary" in e for e in errors), (line, errors)
    assert not site.exists(), "no site is written"
    assert tree_digest(*sources) == source


# Found: any other file in content/ (a roster spreadsheet, notes, an export) was published as it
# is by MkDocs, hidden members and private fields included. Such a file is now an error.
@pytest.mark.parametrize("stray", ["notes.txt", "党员名单.xlsx", "backup/roster.csv", "docs/身份证.pdf", "about.markdown", "data.json",
                                   "backup/CNAME", "zones-old/robots.txt"])
def test_a_stray_file_in_content_is_refused_not_published(tmp_path, caplog, stray):
    from mkdocs.exceptions import Abort

    root = write_site(tmp_path / "src")
    target = root / "content" / stray
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(HIDDEN_MEMBER.encode("utf-8"))
    with caplog.at_level(logging.ERROR), pytest.raises(Abort):
        build_site(root / "mkdocs.yml", tmp_path / "site")
    assert any(r.getMessage().startswith(f"content/{stray}:") for r in caplog.records), caplog.text
    assert not (tmp_path / "site").exists()


def test_a_custom_domain_and_crawlers_rules_at_the_top_are_published_and_an_icon_is_sent_to_the_logo(tmp_path, caplog):
    """Audit AS-Q F08: CNAME (GitHub and GitLab Pages) and robots.txt were refused as a leaked
    spreadsheet would be, with no way to publish them; favicon.ico is the org's logo's job."""
    from mkdocs.exceptions import Abort

    root = write_site(tmp_path / "src", {"content/CNAME": "dj.qinghe.org.cn\n", "content/robots.txt": "User-agent: *\nDisallow:\n"})
    site = build_site(root / "mkdocs.yml", tmp_path / "site")
    assert (site / "CNAME").read_text() == "dj.qinghe.org.cn\n"
    assert (site / "robots.txt").read_text() == "User-agent: *\nDisallow:\n"
    (root / "content" / "favicon.ico").write_bytes(b"\0\0\1\0")
    with caplog.at_level(logging.ERROR), pytest.raises(Abort):
        build_site(root / "mkdocs.yml", tmp_path / "site2")
    said = [r.getMessage() for r in caplog.records if r.getMessage().startswith("content/favicon.ico:")]
    assert len(said) == 1 and "logo: photos/logo.png" in said[0], caplog.text


def test_files_mkdocs_never_publishes_stay_allowed(tmp_path):
    """Dotfiles (editor and OS droppings) and files inside the record folders are not published, nor refused."""
    root = write_site(tmp_path / "src")
    for name in (".DS_Store", "zones/.garden.yaml.swp", "stories/a-key.md~", "photos/Thumbs.db", "zones/garden.yaml.bak"):
        (root / "content" / name).write_bytes(HIDDEN_MEMBER.encode("utf-8"))
    site = build_site(root / "mkdocs.yml", tmp_path / "site")
    for path, data in _texts(site):
        assert CANARIES["name"].encode() not in data, path


def test_free_page_front_matter_is_not_published(tmp_path):
    root = write_site(tmp_path / "src", {"content/about.md": "---\ntitle: 关于\nsecret: QCANARY-frontmatter\nauthor: QCANARY-author\n---\n# 关于\n\n正文。\n"})
    site = build_site(root / "mkdocs.yml", tmp_path / "site")
    assert (site / "about/index.html").is_file()
    for path, data in _texts(site):
        assert b"QCANARY" not in data, path
