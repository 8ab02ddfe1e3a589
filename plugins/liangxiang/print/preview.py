"""Previews rendered from the PDF itself (pdfium, from PyPI: no system packages), and merging."""

from __future__ import annotations

import os
from pathlib import Path


def preview(pdf: bytes, target: Path, long_side: int) -> tuple[int, int]:
    """The first page as a PNG whose longer side is long_side pixels; returns its size."""
    import pypdfium2 as pdfium
    from PIL import Image

    document = pdfium.PdfDocument(pdf)
    try:
        page = document[0]
        width, height = page.get_size()  # points
        bitmap = page.render(scale=long_side / max(width, height))
        image = bitmap.to_pil().convert("RGB")
    finally:
        document.close()
    target.parent.mkdir(parents=True, exist_ok=True)
    # 256 colours: a printable is a few flat colours and text, and its photos are small; a third
    # of the bytes of full colour and half the time to encode (12 ms rather than 31 for a sign)
    image = image.quantize(256, method=Image.Quantize.FASTOCTREE)
    image.save(target, "PNG", compress_level=3)
    return image.size


def merge(job: tuple[list[str], str]) -> None:
    """(parts, target): one PDF holding every page of the parts, in order, written straight to
    the file (a 5,000-plate all.pdf is 90 MB: no copies of it in memory)."""
    import pypdfium2 as pdfium

    parts, target = job
    merged = pdfium.PdfDocument.new()
    partial = Path(f"{target}.{os.getpid()}.part")
    try:
        for part in parts:
            source = pdfium.PdfDocument(part)
            merged.import_pages(source)
            source.close()
        Path(target).parent.mkdir(parents=True, exist_ok=True)
        merged.save(partial)
    finally:
        merged.close()
    partial.replace(target)
