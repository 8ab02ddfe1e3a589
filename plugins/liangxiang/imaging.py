"""Pillow helpers shared by the site's photos and the printables."""

from __future__ import annotations

import warnings
from pathlib import Path

from PIL import Image, ImageOps

# Pillow refuses any image over twice MAX_IMAGE_PIXELS as a decompression bomb. A JPEG decodes at
# a fraction of its size (draft), so a 200-megapixel phone photo (16320x12240) is taken; PNG and
# WebP decode whole and keep Pillow's own limit, which check.photos applies to them.
WHOLE_MAX_PIXELS = Image.MAX_IMAGE_PIXELS
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
        image = ImageOps.exif_transpose(original)
        image.load()  # decoded while the file is open
    if image.mode in SIXTEEN_BIT_MODES:
        top = 65535 if image.mode != "I" else max(255, image.getextrema()[1])
        image = image.convert("I").point(lambda value: value * (255 / top)).convert("L")
    return image
