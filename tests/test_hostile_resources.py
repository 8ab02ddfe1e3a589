"""Hostile input, resources: inputs that would take minutes or gigabytes are refused quickly, with an
error that names the file (and the line where there is one), and never a traceback.

Each case runs `liangxiang validate` in a subprocess (a 120 s timeout guards against a hang; the
wall time is only reported, never asserted). One case runs a whole `mkdocs build`.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import zlib
import struct
from pathlib import Path

import pytest

from conftest import build_site
from minimal_site import FILES, write_site

BIN = Path(sys.executable).parent
MB = 1024 * 1024


def _run(root: Path, *args: str) -> tuple[int, str, float]:
    started = time.monotonic()
    done = subprocess.run(args, cwd=root, capture_output=True, text=True, timeout=120)
    took = time.monotonic() - started
    out = done.stdout + done.stderr
    print(f"{args[-1] if len(args) > 1 else args[0]}: rc={done.returncode} in {took:.2f} s")
    return done.returncode, out, took


def validate(root: Path) -> tuple[int, str]:
    code, out, _ = _run(root, str(BIN / "liangxiang"), "validate")
    assert "Traceback" not in out, out[-3000:]
    return code, out


def _story(body: str) -> str:
    return FILES["content/stories/a-key.md"].replace("故事正文。\n", body)


def png_bomb(width: int, height: int) -> bytes:
    """A PNG whose header declares width x height (the pixel data is a few bytes of zeros)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    raw = zlib.compress(b"\0" * (width + 1) * 16)  # only the first rows; a decoder would still allocate it all
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", raw) + chunk(b"IEND", b""))


def test_decompression_bomb_photo_is_refused(tmp_path):
    root = write_site(tmp_path)
    (root / "content/photos/zhang-wei.jpg").unlink()
    (root / "content/photos/bomb.png").write_bytes(png_bomb(30000, 30000))
    (root / "members.yaml").write_text(FILES["members.yaml"].replace("zhang-wei.jpg", "bomb.png"), encoding="utf-8")
    code, out = validate(root)
    assert code != 0 and "members.yaml:4" in out and "像素太多" in out, out


def test_a_named_pipe_in_content_is_an_error_not_a_hang(tmp_path):
    """Audit AS-AD H1: a FIFO as a member's photo hung validate and the build in open(), waiting for
    a writer; one as a free page passed validate and hung MkDocs. Each is said, and nothing waits."""
    root = write_site(tmp_path)
    (root / "content/photos/zhang-wei.jpg").unlink()
    os.mkfifo(root / "content/photos/zhang-wei.jpg")
    os.mkfifo(root / "content/notes.md")
    os.mkfifo(root / "content/zones/pipe.yaml")
    code, out = validate(root)
    assert code != 0, out
    for shown in ("content/notes.md:1:1", "content/zones/pipe.yaml:1:1", "content/photos/zhang-wei.jpg:1:1"):
        assert f"{shown}: 这不是普通文件，而是命名管道" in out, out
    assert "members.yaml:4:5: members[1].photo: “photos/zhang-wei.jpg”不是图片文件" in out, out
    code, out, _ = _run(root, str(BIN / "mkdocs"), "build", "--strict")
    assert code != 0 and "content/notes.md:1:1: 这不是普通文件" in out and "Traceback" not in out, out


def test_billion_laughs_is_refused(tmp_path):
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 10):
        lines.append(f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 10) + "]")
    root = write_site(tmp_path, {"content/zones/garden.yaml": "\n".join(lines) + "\n" + FILES["content/zones/garden.yaml"]})
    code, out = validate(root)
    assert code != 0 and "content/zones/garden.yaml" in out, out


@pytest.mark.parametrize("mischief, said", [
    ("\n".join(['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
               + [f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]), "mkdocs.yml:10:1: mkdocs.yml 里的 YAML 别名"),
    ("a: " + "[" * 3000 + "]" * 3000, "mkdocs.yml:1:"),
])
def test_an_alias_bomb_or_deep_nesting_in_mkdocs_yml_is_refused_at_once(tmp_path, mischief, said):
    """Audit AC: ten lines of aliases in mkdocs.yml kept validate reading forever (MkDocs' loader
    expands them), and 3,000 brackets ended it in a RecursionError."""
    root = write_site(tmp_path, {})
    (root / "mkdocs.yml").write_text(mischief + "\n" + (root / "mkdocs.yml").read_text(encoding="utf-8"), encoding="utf-8")
    code, out, _ = _run(root, str(BIN / "liangxiang"), "validate")
    assert code != 0 and said in out and "Traceback" not in out, out[-2000:]  # a hang meets _run's timeout


def test_deeply_nested_yaml_is_refused(tmp_path):
    root = write_site(tmp_path, {"members.yaml": "members: " + "[" * 10_000 + "]" * 10_000 + "\n"})
    code, out = validate(root)
    assert code != 0 and "members.yaml:1" in out, out


def test_deeply_nested_block_yaml_is_refused(tmp_path):
    text = "members:\n" + "".join(" " * i + "- \n" for i in range(1, 3000)) + " " * 3000 + "- x\n"
    root = write_site(tmp_path, {"members.yaml": text})
    code, out = validate(root)
    assert code != 0 and "members.yaml" in out, out


def test_50_mb_story_is_refused(tmp_path):
    root = write_site(tmp_path, {"content/stories/a-key.md": _story("长" * (50 * MB // 3) + "\n")})
    code, out = validate(root)
    assert code != 0 and "content/stories/a-key.md" in out and "太大" in out, out


def test_50_mb_members_is_refused(tmp_path):
    filler = "".join(f"  - {{id: m{i}, name: 党员{i}, branch: b1}}\n" for i in range(50 * MB // 40))
    root = write_site(tmp_path, {"members.yaml": FILES["members.yaml"] + filler})
    assert (root / "members.yaml").stat().st_size > 50 * MB
    code, out = validate(root)
    assert code != 0 and "members.yaml" in out and "太大" in out, out


def test_50_mb_free_page_is_refused(tmp_path):
    root = write_site(tmp_path, {"content/about.md": "# 关于\n\n" + "长" * (50 * MB // 3)})
    code, out = validate(root)
    assert code != 0 and "content/about.md" in out and "太大" in out, out


# Found: 300 levels of nested lists raised RecursionError in Python-Markdown (a traceback), and
# 50,000 "[" took minutes (its link parser is quadratic). The loader now bounds both.
PATHOLOGICAL = {
    "brackets": "[" * 50_000,
    "links": "[a](" * 40_000,
    "brackets-lines": "[\n" * 50_000,
    "nested-lists": "".join("    " * i + "- x\n" for i in range(500)),
    "inline-lists": "1. " * 50_000 + "x\n",
    "inline-bullets": "- " * 50_000 + "x\n",
    "quotes": ">" * 50_000 + " x\n",
    "quote-lists": "> - " * 20_000 + "x\n",
}
HARMLESS = {  # pathological-looking but fast: they must keep building
    "stars": "*" * 50_000 + "\n",
    "emphasis": "*a " * 50_000 + "\n",
    "underscores": "_a " * 50_000 + "\n",
    "backticks": "`" * 50_000 + "\n",
    "angles": "<" * 50_000 + "\n",
    "ampersands": "&" * 50_000 + "\n",
    "blank-quotes": ">\n" * 50_000,
}


@pytest.mark.parametrize("name", list(PATHOLOGICAL))
def test_pathological_markdown_story_is_refused_with_its_line(tmp_path, name):
    from liangxiang.pipeline import read_content

    root = write_site(tmp_path, {"content/stories/a-key.md": _story("正文第一行。\n\n" + PATHOLOGICAL[name])})
    started = time.monotonic()
    _, problems = read_content(root, root / "content")
    print(f"{name}: {time.monotonic() - started:.2f} s")
    found = [p for p in problems if p.where.path == "content/stories/a-key.md"]
    assert found and all(p.where.line >= 10 for p in found), [str(p) for p in problems]


@pytest.mark.parametrize("where", ["content/about.md", "content/org.yaml", "content/zones/garden.yaml"])
def test_pathological_markdown_elsewhere_is_refused(tmp_path, where):
    from liangxiang.pipeline import read_content

    body = "".join("    " * i + "- x\n" for i in range(300))
    files = {
        "content/about.md": {"content/about.md": "# 关于\n\n" + body},
        "content/org.yaml": {"content/org.yaml": FILES["content/org.yaml"] + "intro: |\n" + "".join("  " + line + "\n" for line in body.splitlines())},
        "content/zones/garden.yaml": {"content/zones/garden.yaml": FILES["content/zones/garden.yaml"] + "content: |\n" + "".join("  " + line + "\n" for line in body.splitlines())},
    }[where]
    root = write_site(tmp_path, files)
    _, problems = read_content(root, root / "content")
    found = [p for p in problems if p.where.path == where]
    assert found and "嵌套太深" in found[0].message and found[0].where.line > 1, [str(p) for p in problems]


def test_pathological_markdown_build_fails_cleanly(tmp_path):
    """End to end: the build stops with the file and line, before rendering anything."""
    root = write_site(tmp_path, {"content/stories/a-key.md": _story("[" * 50_000 + "\n")})
    code, out, took = _run(root, str(BIN / "mkdocs"), "build", "--strict", "-d", str(tmp_path / "site"))
    assert code != 0 and "content/stories/a-key.md:9" in out and "Traceback" not in out, out[-3000:]
    assert not (tmp_path / "site").exists()


@pytest.mark.parametrize("name", list(HARMLESS))
def test_harmless_but_odd_markdown_still_renders(tmp_path, name):
    from liangxiang.site.markdown import Renderer
    from liangxiang.pipeline import read_content

    # a line of words before it: a body of nothing but marks (50,000 stars) is a story with nothing to read
    root = write_site(tmp_path, {"content/stories/a-key.md": _story("正文。\n\n" + HARMLESS[name])})
    _, problems = read_content(root, root / "content")
    assert not problems, [str(p) for p in problems]
    started = time.monotonic()
    Renderer()(HARMLESS[name])
    print(f"{name}: rendered in {time.monotonic() - started:.2f} s")


def test_bounds_leave_real_markdown_alone():
    from liangxiang.load.mdbounds import markdown_problems

    real = ("# 标题\n\n- 一\n    - 二\n        - 三\n\n> 引用\n> > 引用里的引用\n\n1. 第一\n2. 第二\n\n"
            "[链接](https://example.org/) 和 ![照片](photos/a.jpg)\n\n    代码块\n")
    assert markdown_problems(real * 100) == []


# Found: a 19 MB members.yaml (under the 20 MB limit then) took 2 min 13 s and 2 GB to validate.
def test_a_roster_over_the_limit_is_refused_at_once(tmp_path):
    from liangxiang.load.reading import MAX_YAML_BYTES

    filler = "".join(f"  - {{id: m{i}, name: 党员{i}, branch: b1}}\n" for i in range(MAX_YAML_BYTES // 36))
    root = write_site(tmp_path, {"members.yaml": FILES["members.yaml"] + filler})
    assert MAX_YAML_BYTES < (root / "members.yaml").stat().st_size < 2 * MAX_YAML_BYTES
    code, out = validate(root)
    assert code != 0 and "members.yaml" in out and "太大" in out, out


@pytest.mark.slow
def test_the_largest_roster_allowed_is_checked(tmp_path):
    """Just under the limit: reported only (wall time is printed, not asserted)."""
    from liangxiang.load.reading import MAX_YAML_BYTES

    filler = "".join(f"  - {{id: m{i}, name: 党员{i}, branch: b1}}\n" for i in range(MAX_YAML_BYTES // 50))
    root = write_site(tmp_path, {"members.yaml": FILES["members.yaml"] + filler})
    assert (root / "members.yaml").stat().st_size < MAX_YAML_BYTES
    validate(root)


def test_a_jpeg_with_a_second_picture_is_a_jpeg(tmp_path):
    """Dual cameras and Android's Ultra HDR add a second picture (MPF): Pillow calls the file MPO.
    Browsers show its first picture, and so does the site."""
    from PIL import Image

    root = write_site(tmp_path / "src")
    first, second = Image.new("RGB", (300, 400), "#2a6"), Image.new("RGB", (150, 200), "#000")
    first.save(root / "content/photos/zhang-wei.jpg", format="MPO", save_all=True, append_images=[second])
    with Image.open(root / "content/photos/zhang-wei.jpg") as saved:
        assert saved.format == "MPO"
    site = build_site(root / "mkdocs.yml", tmp_path / "site")
    copies = sorted((site / "assets/photos").glob("zhang-wei-*.jpg"))
    assert copies
    with Image.open(copies[-1]) as copy:
        assert copy.getpixel((copy.width // 2, copy.height // 2))[1] > 120  # the green first picture


def test_a_phones_large_jpeg_is_taken_and_a_png_as_large_is_not(tmp_path, monkeypatch):
    """A JPEG over Pillow's pixel limit (a 108-megapixel phone photo) decodes at a fraction of its
    size, so it is taken and published small; a PNG, which decodes whole, is refused. The limit is
    lowered here so that the photos stay small."""
    from PIL import Image

    from liangxiang.check import photos
    from liangxiang.pipeline import read_content

    from liangxiang import imaging

    monkeypatch.setattr(imaging, "WHOLE_MAX_PIXELS", 1_000_000)
    photos._inspect.cache_clear()
    root = write_site(tmp_path)
    Image.new("RGB", (1500, 1000), "#b22").save(root / "content/photos/zhang-wei.jpg", quality=80)
    _, problems = read_content(root, root / "content")
    assert not problems, [str(p) for p in problems]
    Image.new("RGB", (1500, 1000), "#b22").save(root / "content/photos/big.png")
    (root / "members.yaml").write_text(FILES["members.yaml"].replace("zhang-wei.jpg", "big.png"), encoding="utf-8")
    _, problems = read_content(root, root / "content")
    assert [p.message for p in problems] == ["照片的像素太多，网站处理不了"]
    photos._inspect.cache_clear()


def test_a_pngs_size_and_transparency_are_read_without_decoding_it(tmp_path, monkeypatch):
    """Audit AS-AD H4: Pillow reads a PNG's EXIF by decoding all of it; the printables read a
    see-through photo's size that way, and an 88-megapixel RGBA was 350 MB more than it needed."""
    import io

    from PIL import Image, ImageFile

    from liangxiang.print.images import _upright_size

    buffer = io.BytesIO()
    Image.new("RGBA", (300, 200), (200, 30, 30, 0)).save(buffer, "PNG")

    def decoded(self):
        raise AssertionError("decoded")

    monkeypatch.setattr(ImageFile.ImageFile, "load", decoded)
    assert _upright_size(buffer.getvalue()) == (300, 200, True)


@pytest.mark.parametrize("size, across, down, expected", [
    ((6000, 5000), 480, 640, (2000, 1667)),  # a portrait's 3:4 crop: by 3, its 1250x1667 twice 480x640 and more
    ((6000, 5000), 1200, 0, (3000, 2500)),   # a cover 1200 wide: by 3 it would be 2000, under twice 1200
    ((3000, 2000), 480, 640, (3000, 2000)),  # a phone's photo: left as it is
    ((6000, 5000), 2000, 0, (6000, 5000)),   # not even a factor of 2 to spare
])
def test_a_large_picture_is_cut_down_before_it_is_copied(monkeypatch, size, across, down, expected):
    from PIL import Image

    from liangxiang import imaging

    monkeypatch.setattr(imaging, "LARGE_PIXELS", 8_000_000)
    image = imaging.reduced(Image.new("RGB", size, "#b22"), across, down)
    assert image.size == expected
