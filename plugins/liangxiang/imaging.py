"""Pillow helpers shared by the site's photos and the printables."""

from __future__ import annotations

import warnings
from pathlib import Path

from PIL import Image, ImageOps

# Pillow refuses any image over twice MAX_IMAGE_PIXELS as a decompression bomb. A JPEG decodes at
# a fraction of its size (draft), so a 200-megapixel phone photo (16320x12240) is taken; PNG and
# WebP decode whole, and check.photos refuses them above 40 megapixels (an A4 page scanned at
# 600 dpi is 35): Pillow's own 89 took a build's processes to 2.4 GB for two photos (AS-AD H4)
WHOLE_MAX_PIXELS = 40_000_000
Image.MAX_IMAGE_PIXELS = 130_000_000  # refused from 260 megapixels
warnings.simplefilter("ignore", Image.DecompressionBombWarning)
JPEG_KINDS = ("JPEG", "MPO")  # MPO: a JPEG carrying a second picture (dual cameras, Ultra HDR); its first is the photo

DECODED_SIDE = 4000  # pixels each way a JPEG keeps at least: 500 dpi on a sign's 20 cm photo
SIXTEEN_BIT_MODES = ("I;16", "I;16B", "I;16L", "I;16N", "I")  # grey, 0..65535 (PNG) or 32-bit integers


def open_upright(path: str | Path) -> Image.Image:
    """The image as it is meant to be seen: EXIF orientation applied, 8 bits a channel.

    Pillow keeps a 16-bit grey PNG at 16 bits, and converting that to RGB clips every value
    above 255 to white: it is scaled down first."""
    with Image.open(path) as original:
        # a phone's 108-megapixel JPEG decodes at a half or a quarter (never under DECODED_SIDE):
        # whole, it is 324 MB, twice over while it is turned upright
        original.draft(original.mode, (DECODED_SIDE, DECODED_SIDE))
        original.load()  # decoded while the file is open
        # in place: a copy of an 88-megapixel RGBA PNG turned or not is 350 MB more (audit AS-AD H4)
        ImageOps.exif_transpose(original, in_place=True)
        image = original
    if image.mode in SIXTEEN_BIT_MODES:
        top = 65535 if image.mode != "I" else max(255, image.getextrema()[1])
        image = image.convert("I").point(lambda value: value * (255 / top)).convert("L")
    return image


LARGE_PIXELS = 24_000_000  # above a phone's photo: brought down before anything is done with it
REDUCIBLE = ("L", "LA", "RGB", "RGBA")


def reduced(image: Image.Image, across: float, down: float = 0) -> Image.Image:
    """A large picture cut by a whole factor (box-averaged) to no less than twice `across` x `down`
    pixels, before it is converted, cropped or resized: an 88-megapixel RGBA PNG is 350 MB, each
    copy of it as much again (audit AS-AD H4). Photos a phone takes are left as they are."""
    if image.width * image.height <= LARGE_PIXELS or image.mode not in REDUCIBLE:
        return image
    factor = int(min(image.width / (2 * across), image.height / (2 * down)) if down else image.width / (2 * across))
    return image.reduce(factor) if factor >= 2 else image
