"""Published images: resized copies for their slot, upright, without metadata; Markdown images too."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort
from PIL import Image

from conftest import build_site
from minimal_site import write_site

from liangxiang.site.photos import PhotoStore


def store(tmp_path: Path) -> PhotoStore:
    return PhotoStore(tmp_path / "content", tmp_path / "cache", tmp_path / "site")


def published(tmp_path: Path, path: str, slot: str):
    """The picture, its files put in the site as a page showing it would."""
    photos = store(tmp_path)
    picture = photos.get(path, slot)
    photos.publish(picture)
    return picture


def test_logo_keeps_transparency(tmp_path):
    logo = Image.new("RGBA", (512, 512), (0, 0, 0, 0))
    logo.paste((200, 20, 30, 255), (100, 100, 400, 400))
    (tmp_path / "content").mkdir()
    logo.save(tmp_path / "content/logo.png")
    picture = published(tmp_path, "logo.png", "logo")
    assert picture.fallback_type == "image/png" and [v.width for v in picture.variants] == [64, 192]
    for variant in picture.variants:
        for path in (variant.webp, variant.fallback):
            with Image.open(tmp_path / "site" / path) as image:
                rgba = image.convert("RGBA")
                assert rgba.getpixel((0, 0))[3] == 0 and rgba.getpixel((rgba.width // 2, rgba.height // 2))[3] > 240, path


def test_a_cut_out_portrait_stands_on_white(tmp_path):
    """A portrait saved as a PNG with a see-through ground (a cut-out, common) is published on white,
    not on black (audit AS-L: no test photo had an alpha channel)."""
    cut_out = Image.new("RGBA", (300, 400), (0, 0, 0, 0))
    cut_out.paste((40, 60, 120, 255), (75, 100, 225, 400))
    (tmp_path / "content").mkdir()
    cut_out.save(tmp_path / "content/cut.png")
    picture = published(tmp_path, "cut.png", "portrait")
    assert picture.variants
    for variant in picture.variants:
        for path in (variant.webp, variant.fallback):
            with Image.open(tmp_path / "site" / path) as image:
                rgb = image.convert("RGB")
                assert min(rgb.getpixel((1, 1))) >= 250, (path, rgb.getpixel((1, 1)))  # the corner: white
                assert rgb.getpixel((rgb.width // 2, rgb.height - 2))[2] > 100  # the person still there


def test_photo_is_upright_resized_and_clean(tmp_path):
    # stored sideways (400x300) with Orientation=6, a GPS tag and an ICC profile, as phones do
    exif = Image.Exif()
    exif[0x0112] = 6
    exif[0x8825] = {1: "N"}
    (tmp_path / "content").mkdir()
    Image.new("RGB", (400, 300), "#8a6").save(tmp_path / "content/p.jpg", exif=exif, icc_profile=b"\0" * 128)
    picture = published(tmp_path, "p.jpg", "portrait")
    assert [(v.width, v.height) for v in picture.variants] == [(240, 320), (300, 400)]  # never upscaled past the original
    for variant in picture.variants:
        for path in (variant.webp, variant.fallback):
            with Image.open(tmp_path / "site" / path) as image:
                assert image.height > image.width
                assert not image.getexif() and "icc_profile" not in image.info and "xmp" not in image.info
    assert not list((tmp_path / "site").rglob("p.jpg"))


@pytest.mark.parametrize("size, shown", [
    ((3000, 400), [(480, 320), (600, 400)]),  # a panorama: its middle, sharp, not a 480x64 strip blown up 3.5 times (audit 35)
    ((400, 2000), [(400, 267)]),  # a tall photo: a card's worth of bytes, not the whole 400x2000
])
def test_a_story_cards_cover_is_cropped_as_the_card_shows_it(tmp_path, size, shown):
    (tmp_path / "content").mkdir()
    Image.new("RGB", size, "#8a6").save(tmp_path / "content/cover.jpg")
    assert [(v.width, v.height) for v in store(tmp_path).get("cover.jpg", "card").variants] == shown


def test_file_names_are_safe_in_srcset(tmp_path):
    (tmp_path / "content").mkdir()
    Image.new("RGB", (100, 100)).save(tmp_path / "content/门前 照片, 1.jpg")
    picture = store(tmp_path).get("门前 照片, 1.jpg", "card")
    assert all(re.fullmatch(r"assets/photos/[a-z0-9-]+\.(webp|jpg)", p) for v in picture.variants for p in (v.webp, v.fallback))


STORY = "---\ntitle: 一把钥匙\ndate: 2016-05-12\ncategory: 真情服务小故事\n---\n正文。\n\n{image}\n"


def test_markdown_images_become_resized_copies(tmp_path):
    root = write_site(tmp_path / "src", {
        "content/stories/a-key.md": STORY.format(image="![门前的花园](../photos/zhang-wei.jpg)"),
        "content/about.md": "# 关于\n\n![花园](photos/zhang-wei.jpg)\n",
        "content/zones/garden.yaml": None,  # the zone's Markdown is tried below instead
    })
    (root / "content/zones/garden.yaml").write_text(
        (Path(__file__).parent / "minimal_site.py").read_text(encoding="utf-8").split('"content/zones/garden.yaml": """\\\n')[1]
        .split('""",')[0] + "content: |\n  ![花园](photos/zhang-wei.jpg)\n", encoding="utf-8")
    site = build_site(root / "mkdocs.yml", tmp_path / "site")
    for page in ("stories/a-key/index.html", "about/index.html", "zones/garden/index.html"):
        raw = (site / page).read_text(encoding="utf-8")
        img = re.search(r'<picture class="content-image">.*?</picture>', raw, re.S)
        assert img, page
        assert 'srcset="' in img.group(0) and 'width="' in img.group(0) and 'alt="' in img.group(0)
        assert "zhang-wei.jpg" not in img.group(0) and "lx-photo" not in raw, page
        for url in re.findall(r'(?:src|srcset)="([^" ]+)', img.group(0)):
            assert (site / page).parent.joinpath(url).resolve().is_file(), (page, url)
    assert not [p for p in site.rglob("zhang-wei.jpg")]


@pytest.mark.parametrize("image", ["![x](//example.com/a.png)", "![x](../photos/missing.jpg)", "![x](../../mkdocs.yml)"])
def test_other_images_in_markdown_are_refused(tmp_path, image, caplog):
    root = write_site(tmp_path / "src", {"content/stories/a-key.md": STORY.format(image=image)})
    with pytest.raises(Abort):
        build_site(root / "mkdocs.yml", tmp_path / "site")
    assert any("a-key.md" in r.getMessage() and "没有发布" in r.getMessage() for r in caplog.records)


def test_a_16_bit_grey_photo_keeps_its_picture(tmp_path):
    """Pillow keeps 16-bit grey PNGs at 16 bits; converted as they are, every pixel was white."""
    (tmp_path / "content").mkdir()
    grey = Image.linear_gradient("L").resize((300, 400)).convert("I")
    grey.point(lambda v: v * 257).convert("I;16").save(tmp_path / "content/grey16.png")
    assert Image.open(tmp_path / "content/grey16.png").mode == "I;16"
    picture = published(tmp_path, "grey16.png", "portrait")
    with Image.open(tmp_path / "site" / picture.variants[-1].fallback) as copy:
        histogram = copy.convert("L").histogram()
    mean = sum(value * count for value, count in enumerate(histogram)) / sum(histogram)
    assert 100 < mean < 155, mean  # black to white from top to bottom: grey on average, not white


def test_an_unchanged_photo_is_not_read_again_and_a_replaced_one_is(tmp_path, monkeypatch):
    (tmp_path / "content").mkdir()
    photo = tmp_path / "content/p.jpg"
    Image.new("RGB", (400, 300), "#8a6").save(photo)
    first = store(tmp_path)
    before = first.get("p.jpg", "card")
    first.save()
    read = []
    original = Path.read_bytes
    monkeypatch.setattr(Path, "read_bytes", lambda self: read.append(self.name) or original(self))
    assert store(tmp_path).get("p.jpg", "card") == before and "p.jpg" not in read  # the next build
    stat = photo.stat()
    Image.new("RGB", (400, 300), "#16a").save(photo)  # the same name and size, another picture
    os.utime(photo, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))  # a second later, whatever the clock's grain
    after = store(tmp_path).get("p.jpg", "card")
    assert "p.jpg" in read and after.webp != before.webp


def test_a_lost_file_of_the_cache_is_made_again(tmp_path):
    """One resized copy gone from the cache while its index stays (a cleanup, a partly restored CI
    cache) failed every later build with a traceback (audit N): it is made again, same name and bytes."""
    (tmp_path / "content").mkdir()
    Image.new("RGB", (800, 600), "#8a6").save(tmp_path / "content/p.jpg")
    first = store(tmp_path)
    picture = first.get("p.jpg", "card")
    lost = tmp_path / "cache/photos" / picture.variants[0].webp.rsplit("/", 1)[-1]
    kept = lost.read_bytes()
    lost.unlink()
    again = store(tmp_path)
    again.publish(again.get("p.jpg", "card"))
    assert lost.read_bytes() == kept and (tmp_path / "site" / picture.variants[0].webp).read_bytes() == kept
