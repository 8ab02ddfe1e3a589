"""Published images: resized copies, orientation applied, every byte of metadata dropped.

Originals are never copied into the site. Each copy is cached outside site_dir by a hash
of the original's bytes and the slot, so an unchanged photo is processed once, ever.
"""

from __future__ import annotations

import hashlib
import shutil
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageOps

from ..check.photos import resolve_image

# slot -> (width, height or 0 to keep the aspect ratio)
SLOTS: dict[str, tuple[int, int]] = {
    "portrait": (480, 640),
    "thumb": (150, 200),
    "wide": (1200, 0),
    "card": (640, 0),
    "logo": (256, 0),
}
FORMATS = (("webp", "WEBP", {"quality": 78, "method": 4}), ("jpg", "JPEG", {"quality": 82, "optimize": True, "progressive": True}))


@dataclass(frozen=True)
class Picture:
    """A published image: a WebP and a JPEG fallback of the same size."""

    webp: str
    jpg: str
    width: int
    height: int


class PhotoStore:
    def __init__(self, docs_dir: Path, cache_dir: Path, site_dir: Path, prefix: str = "assets/photos"):
        self.docs_dir, self.cache_dir, self.site_dir, self.prefix = docs_dir, cache_dir / "photos", site_dir, prefix
        self._done: dict[tuple[str, str], Picture | None] = {}

    def get(self, path: str | None, slot: str) -> Picture | None:
        if not path:
            return None
        key = (path, slot)
        if key not in self._done:
            self._done[key] = self._make(path, slot)
        return self._done[key]

    def _make(self, path: str, slot: str) -> Picture | None:
        source = resolve_image(self.docs_dir, path)
        if source is None or not source.is_file():
            return None
        digest = hashlib.sha256(source.read_bytes() + slot.encode()).hexdigest()[:16]
        stem = f"{source.stem[:40]}-{digest}"
        size_file = self.cache_dir / f"{stem}.size"
        if not size_file.exists():
            self._render(source, slot, stem)
            # the size file is written last: its presence means the cache entry is whole
        width, height = (int(n) for n in size_file.read_text().split("x"))
        target = self.site_dir / self.prefix
        target.mkdir(parents=True, exist_ok=True)
        for ext, _, _ in FORMATS:
            shutil.copyfile(self.cache_dir / f"{stem}.{ext}", target / f"{stem}.{ext}")
        return Picture(f"{self.prefix}/{stem}.webp", f"{self.prefix}/{stem}.jpg", width, height)

    def _render(self, source: Path, slot: str, stem: str) -> None:
        self.cache_dir.mkdir(parents=True, exist_ok=True)
        width, height = SLOTS[slot]
        with Image.open(source) as original:
            image = ImageOps.exif_transpose(original)
            image = image.convert("RGBA" if image.mode in ("RGBA", "LA", "P") else "RGB")
            if height:
                image = ImageOps.fit(image, (width, height), Image.Resampling.LANCZOS, centering=(0.5, 0.35))
            elif image.width > width:
                image = image.resize((width, round(image.height * width / image.width)), Image.Resampling.LANCZOS)
            flat = Image.new("RGB", image.size, "white")
            flat.paste(image, mask=image.getchannel("A") if image.mode == "RGBA" else None)
            # a fresh image carries no EXIF, XMP, IPTC or ICC data: nothing is copied over
            clean = Image.frombytes("RGB", flat.size, flat.tobytes())
            for ext, fmt, options in FORMATS:
                clean.save(self.cache_dir / f"{stem}.{ext}", fmt, **options)
        (self.cache_dir / f"{stem}.size").write_text(f"{clean.width}x{clean.height}")
