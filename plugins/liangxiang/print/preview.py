"""Previews rendered from the PDF itself (pdfium, from PyPI: no system packages), and merging."""

from __future__ import annotations

import hashlib
import os
import re
from datetime import datetime, timezone
from pathlib import Path

from ..files import replacing

# the creation date of every printable and merge: the same drawings give the same bytes
FIXED_DATE = datetime(2024, 1, 1, tzinfo=timezone.utc)


def preview(pdf: bytes, target: Path, long_side: int) -> tuple[int, int]:
    """The first page as a PNG whose longer side is long_side pixels; returns its size."""
    import pypdfium2 as pdfium
    from PIL import Image

    document = pdfium.PdfDocument(pdf)
    try:
        page = document[0]
        width, height = page.get_size()  # points
        bitmap = page.render(scale=long_side / max(width, height))
        image = bitmap.to_pil()  # RGB already, for a page with no transparency: not copied again
        image = image if image.mode == "RGB" else image.convert("RGB")
    finally:
        document.close()
    target.parent.mkdir(parents=True, exist_ok=True)
    # 256 colours: a printable is a few flat colours and text, and its photos are small; a third
    # of the bytes of full colour and half the time to encode (12 ms rather than 31 for a sign).
    # The palette is found on every fourth pixel each way, then every pixel takes its nearest
    # colour: a quarter of the time of finding it on the whole image, and no visible difference
    sample = image.resize((max(1, image.width // 4), max(1, image.height // 4)), Image.Resampling.NEAREST)
    palette = sample.quantize(256, method=Image.Quantize.FASTOCTREE)
    image = image.quantize(palette=palette, dither=Image.Dither.NONE)
    image.save(target, "PNG", compress_level=3)
    return image.size


def merge(job: tuple[list[str], str, str]) -> None:
    """(parts, target, title): one PDF holding every page of the parts, in order, written straight
    to the file (a 5,000-plate all.pdf is 90 MB: no copies of it in memory)."""
    import pypdfium2 as pdfium

    parts, target, title = job
    merged = pdfium.PdfDocument.new()
    with replacing(target) as partial:
        try:
            for part in parts:
                source = pdfium.PdfDocument(part)
                merged.import_pages(source)
                source.close()
            merged.save(partial)
        finally:
            merged.close()
        _fix_id(partial, hashlib.md5("\n".join(Path(part).name for part in parts).encode()).hexdigest().upper())
        _titled(partial, title)


def _fix_id(path: Path, digest: str) -> None:
    """pdfium stamps a saved document with the time and a random /ID: this one gets the printables'
    fixed date and an ID made from its parts' cache names (which hold their keys), so the same
    printables merge into the same bytes. Both are overwritten in place with as many bytes: the
    date sits in the Info object after the page list, the ID in the trailer after every offset."""
    with open(path, "r+b") as file:
        head = file.read(1 << 20)  # the page list of 100,000 pages
        dated = re.search(rb"/CreationDate\(D:(\d{14})", head)
        if dated is not None:
            file.seek(dated.start(1))
            file.write(FIXED_DATE.strftime("%Y%m%d%H%M%S").encode())
        size = file.seek(0, os.SEEK_END)
        start = max(0, size - 4096)
        file.seek(start)
        found = re.search(rb"/ID\s*\[\s*<([0-9A-Fa-f]{32})>\s*<([0-9A-Fa-f]{32})>", file.read())
        for group in (1, 2) if found is not None else ():
            file.seek(start + found.start(group))
            file.write(digest.encode())


_TRAILER = re.compile(rb"trailer\s*<<(.*?)>>\s*startxref\s+(\d+)\s+%%EOF\s*$", re.S)


def _titled(path: Path, title: str) -> None:
    """pdfium keeps no title: an incremental update (PDF 7.5.6) gives the merged file a new Info
    dictionary, so that a viewer's tab and a print queue name it as each printable's file is named."""
    with open(path, "r+b") as file:
        size = file.seek(0, os.SEEK_END)
        file.seek(max(0, size - 4096))
        trailer = _TRAILER.search(file.read())
        if trailer is None:  # a cross-reference stream: left as it is
            return
        fields, previous = trailer.group(1), int(trailer.group(2))
        root = re.search(rb"/Root\s*(\d+\s+\d+\s+R)", fields)
        count = re.search(rb"/Size\s*(\d+)", fields)
        ids = re.search(rb"/ID\s*\[[^\]]*\]", fields)
        if root is None or count is None:
            return
        info = re.search(rb"/Info\s*(\d+)\s+(\d+)\s+R", fields)
        number, generation = (int(info.group(1)), int(info.group(2))) if info else (int(count.group(1)), 0)
        body = (f"\n{number} {generation} obj\n<</Title <FEFF{title.encode('utf-16-be').hex().upper()}>"
                f"/Creator (Liangxiang)/Producer (Liangxiang)/CreationDate (D:{FIXED_DATE.strftime('%Y%m%d%H%M%S')}Z)>>\nendobj\n").encode()
        table = (f"xref\n{number} 1\n{size + 1:010d} {generation:05d} n \ntrailer\n"
                 f"<</Size {max(int(count.group(1)), number + 1)}/Root {root.group(1).decode()}/Info {number} {generation} R"
                 f"/Prev {previous}{ids.group().decode() if ids else ''}>>\nstartxref\n{size + len(body)}\n%%EOF\n").encode()
        file.seek(size)
        file.write(body + table)
