"""Images on paper: never under 150 dpi, downscaled to 300 dpi, upright, with no metadata."""

from __future__ import annotations

import hashlib
import io
import math
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from PIL import Image

from ..files import FileFacts, stamp
from ..imaging import open_upright, reduced
from .layout import MM_PER_INCH, PHOTO_DPI, PHOTO_MIN_DPI

MIN_PIXELS_ACROSS = 200  # rounding 16 px stretched a 16:1 logo 3 % (audit 20); 200 keeps it under 0.3 %
PHOTO_ASPECT = 3 / 4  # width / height of a portrait on a sign or plate
# EXIF orientations 5-8 turn the picture a quarter: width and height swap
QUARTER_TURNS = {5, 6, 7, 8}


@dataclass(frozen=True)
class ImageRef:
    path: str = field(repr=False)  # absolute: a layout's key has the digest instead (see drawing.Picture)
    digest: str
    width: int  # pixels, upright
    height: int
    trimmed: bool = False  # a cut-out's see-through margins taken off: the size is what is left

    def max_mm(self, aspect: float | None) -> float:
        """The widest it may print (mm) and stay at 150 dpi, after cropping to aspect (w/h)."""
        width = self.width if aspect is None else min(self.width, self.height * aspect)
        return width / PHOTO_MIN_DPI * MM_PER_INCH


def image_ref(docs_dir: Path, value: str | None) -> ImageRef | None:
    if not value:
        return None
    path = _resolved(docs_dir, value.strip())
    if path is None or not path.is_file():
        return None
    stat = path.stat()
    return _ref(str(path), stamp(stat))


# hash and size of each image, set by the stage for the build (reading and hashing a site's photos
# again was two thirds of a warm build's print stage); None in workers and tests
_known: FileFacts | None = None


@lru_cache(maxsize=4096)
def _resolved(docs_dir: Path, value: str) -> Path | None:
    # two realpath() calls each: every sign names the same logo, and a leader's photo is on a plate too
    from ..check.photos import resolve_image  # here: with it come the content model and pydantic, which workers never need

    return resolve_image(docs_dir, value)


def use_known(known: FileFacts | None) -> None:
    global _known
    _known = known
    _ref.cache_clear()


@lru_cache(maxsize=1024)
def _ref(path: str, stamped: tuple) -> ImageRef:
    ident = FileFacts.ident(path, stamped)
    if _known is not None:
        if (found := _known.get(ident)) is not None:
            return ImageRef(path, str(found[0]), int(found[1]), int(found[2]), bool(found[3]))
    data = Path(path).read_bytes()
    width, height, see_through = _upright_size(data)
    trimmed = False
    if see_through and (box := _opaque_box(_with_alpha(open_upright(path)))) is not None:
        width, height, trimmed = box[2] - box[0], box[3] - box[1], True  # laid out as it will be printed: trimmed
    ref = ImageRef(path, hashlib.sha256(data).hexdigest()[:16], width, height, trimmed)
    if _known is not None:
        _known.put(ident, [ref.digest, width, height, trimmed])
    return ref


def prepare(source: str, digest: str, w_mm: float, h_mm: float, crop: bool) -> tuple[io.BytesIO, float]:
    """The image as it goes into the PDF, and its resolution (dpi) at the printed size."""
    data, dpi = _prepared(source, digest, w_mm, h_mm, crop)
    return io.BytesIO(data), dpi


@lru_cache(maxsize=64)
def _prepared(source: str, digest: str, w_mm: float, h_mm: float, crop: bool) -> tuple[bytes, float]:
    # kept per process: the org's logo goes on every sign (20 ms to optimize each time); keyed by
    # the file's hash too, as `mkdocs serve` renders a few printables in its own long-lived process
    image = reduced(open_upright(source), w_mm / MM_PER_INCH * PHOTO_DPI, h_mm / MM_PER_INCH * PHOTO_DPI)
    alpha = _has_alpha(image)
    image = _with_alpha(image) if alpha else image if image.mode == "RGB" else image.convert("RGB")
    if alpha and crop:  # a cut-out portrait: on white, as the web page shows it, and framed whole, head and all
        on_white = Image.new("RGB", image.size, "white")
        on_white.paste(image, mask=image.getchannel("A"))
        image, alpha = on_white, False
    elif alpha and (box := _opaque_box(image)) is not None:
        image = image.crop(box)  # a logo's see-through margin would only make the logo itself smaller
    target = (max(1, round(w_mm / MM_PER_INCH * PHOTO_DPI)), max(1, round(h_mm / MM_PER_INCH * PHOTO_DPI)))
    if crop:
        aspect = w_mm / h_mm
        box = _cover_box(image.size, aspect)
        image = image.crop(box)
    if image.width > target[0] or image.height > target[1]:
        scale = min(target[0] / image.width, target[1] / image.height) if not crop else target[0] / image.width
        # a thin logo keeps enough pixels across that rounding them does not stretch it in its box
        scale = min(1.0, max(scale, MIN_PIXELS_ACROSS / min(image.size)))
        image = image.resize((max(1, round(image.width * scale)), max(1, round(image.height * scale))), Image.Resampling.LANCZOS)
    dpi = image.width / (w_mm / MM_PER_INCH) if crop else min(image.width / (w_mm / MM_PER_INCH), image.height / (h_mm / MM_PER_INCH))
    # a fresh image carries no EXIF, XMP, IPTC or ICC data: nothing of the original's metadata is copied
    clean = Image.frombytes(image.mode, image.size, image.tobytes())
    buffer = io.BytesIO()
    if alpha:
        clean.save(buffer, "PNG", optimize=True)
    else:
        clean.save(buffer, "JPEG", quality=90, optimize=True)
    return buffer.getvalue(), dpi


def _has_alpha(image: Image.Image) -> bool:
    return image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info)


def _upright_size(data: bytes) -> tuple[int, int, bool]:
    """Width and height as the image is seen, and whether it has see-through parts, without
    decoding it: Pillow reads a PNG's EXIF by decoding the whole picture (350 MB for an
    88-megapixel RGBA, audit AS-AD H4), so only a PNG that holds an eXIf chunk is asked."""
    with Image.open(io.BytesIO(data)) as image:
        width, height = image.size
        if (image.format != "PNG" or b"eXIf" in data) and image.getexif().get(0x0112) in QUARTER_TURNS:
            width, height = height, width
        return width, height, _has_alpha(image)


def _with_alpha(image: Image.Image) -> Image.Image:
    """RGBA, not copied when it is already: a converted copy of a large PNG is hundreds of MB."""
    return image if image.mode == "RGBA" else image.convert("RGBA")


def _opaque_box(image: Image.Image) -> tuple[int, int, int, int] | None:
    """The box around what is not see-through in an RGBA image; None when that is all of it, or nothing."""
    box = image.getchannel("A").point(lambda a: 255 if a > 8 else 0).getbbox()
    return None if box is None or box == (0, 0, *image.size) else box


def _cover_box(size: tuple[int, int], aspect: float) -> tuple[int, int, int, int]:
    """The largest box of the given aspect inside the image, a little above centre (faces)."""
    width, height = size
    if width / height > aspect:
        new = round(height * aspect)
        left = (width - new) // 2
        return (left, 0, left + new, height)
    new = round(width / aspect)
    top = round((height - new) * 0.35)
    return (0, top, width, top + new)


@dataclass(frozen=True)
class SmallPhoto:
    """A photo printed smaller than its place: it has too few pixels to print larger at 150 dpi.
    The person ordering the printable is told on /print/ (note), the editor at the photo (said, advice)."""

    who: str  # 照片, 负责人照片
    width: int  # pixels
    height: int
    printed_mm: float
    usual_mm: float
    trimmed: bool = False  # the size is a cut-out's without its see-through margins (ImageRef.trimmed)

    @classmethod
    def of(cls, who: str, ref: ImageRef, printed_mm: float, usual_mm: float) -> "SmallPhoto":
        return cls(who, ref.width, ref.height, round(printed_mm, 1), round(usual_mm, 1), ref.trimmed)

    def said(self) -> str:
        # a 500×700 cut-out said to have 301×600 pixels, with no word of why (audit AN 4)
        trimmed = "去掉透明的背景后" if self.trimmed else ""
        printed = f" {self.printed_mm:.0f} 毫米宽" if self.printed_mm >= 1 else "不到 1 毫米宽，几乎看不见"  # a 1×1 image: not "0 毫米" (audit AS-Q)
        return (f"{self.who}{trimmed}只有 {self.width}×{self.height} 像素，为保证清晰只能印{printed}"
                f"（正常约 {self.usual_mm:.0f} 毫米）")

    def advice(self) -> str:
        """The pixels the photo needs: it is cropped to a portrait (3:4), so a wide photo with
        pixels enough across lacks them in height, and is told so."""
        wide = math.ceil(self.usual_mm / MM_PER_INCH * PHOTO_MIN_DPI)
        high = math.ceil(wide / PHOTO_ASPECT)
        if self.width >= wide:
            return f"这张照片够宽、不够高（印出来要裁成宽:高 = 3:4 的竖版）：请换一张至少 {wide}×{high} 像素的竖版照片"
        return f"请换一张大一些的原图，至少 {wide}×{high} 像素（竖版，宽:高 = 3:4）"

    def note(self) -> str:
        return f"{self.said()}：{self.advice()}"


def fit_inside(ref: ImageRef, w_mm: float, h_mm: float) -> tuple[float, float]:
    """The size (mm) of an uncropped image inside a box, never beyond 150 dpi's limit."""
    scale = min(w_mm / ref.width, h_mm / ref.height, MM_PER_INCH / PHOTO_MIN_DPI)
    return ref.width * scale, ref.height * scale
