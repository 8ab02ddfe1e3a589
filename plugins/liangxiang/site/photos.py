"""Published images: resized copies, orientation applied, every byte of metadata dropped.

Originals are never copied into the site. Each slot (where an image is shown) has a few
widths; every width is written as WebP plus a fallback (JPEG, or PNG where transparency
matters, such as the organization's logo). Copies are cached outside site_dir by a hash of
the original's bytes and the slot, so an unchanged photo is processed once, ever; the hash is
kept by the file's path, size and time, so an unchanged photo is not even read again.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageOps

from ..check.photos import resolve_image
from ..files import FileFacts, link_or_copy, replacing, stamp, whole, write_atomic
from ..imaging import open_upright, reduced


@dataclass(frozen=True)
class Slot:
    widths: tuple[int, ...]  # pixel widths written; the browser picks one from srcset
    ratio: float | None = None  # width / height to crop to; None keeps the photo's shape
    alpha: bool = False  # keep transparency (fallback PNG instead of JPEG)
    square: bool = False  # padded to a square, transparent around it: shown in a square box


SLOTS: dict[str, Slot] = {
    "avatar": Slot((96, 192), 3 / 4),  # faces in lists and small cards (48-80 CSS px)
    "portrait": Slot((240, 480), 3 / 4),  # member page and directory cards (120-240 CSS px)
    "card": Slot((480, 960), 3 / 2),  # story cards, cropped as shown: a panorama is not its 64 px strip blown up
    "small": Slot((160, 320), 3 / 2),  # story thumbnails in lists (96 CSS px)
    "wide": Slot((720, 1200)),  # story covers, zone photos, images in Markdown
    "logo": Slot((64, 192), alpha=True, square=True),  # masthead and favicon: a wide logo whole, not squeezed
}
SLOTS["thumb"] = SLOTS["avatar"]  # the first theme's name for the same slot
VERSION = b"photos-5"  # bump when the encoding below changes, to refresh caches
WEBP = {"quality": 76, "method": 5}
JPEG = {"quality": 80, "optimize": True, "progressive": True}


@dataclass(frozen=True)
class Variant:
    width: int
    height: int
    webp: str
    fallback: str


@dataclass(frozen=True)
class Picture:
    """One published image in one slot: its variants, smallest first."""

    variants: tuple[Variant, ...]
    fallback_type: str  # 'image/jpeg' or 'image/png'

    @property
    def width(self) -> int:  # the 1x size: what width/height attributes carry
        return self.variants[0].width

    @property
    def height(self) -> int:
        return self.variants[0].height

    @property
    def webp(self) -> str:
        return self.variants[-1].webp

    @property
    def jpg(self) -> str:  # the largest fallback (kept for callers that want one file)
        return self.variants[-1].fallback

    @property
    def src(self) -> str:
        return self.variants[0].fallback


class PhotoStore:
    def __init__(self, docs_dir: Path, cache_dir: Path, site_dir: Path, prefix: str = "assets/photos"):
        self.docs_dir, self.cache_dir, self.site_dir, self.prefix = docs_dir, cache_dir / "photos", site_dir, prefix
        self._done: dict[tuple[str, str], Picture | None] = {}
        self._published: set[str] = set()
        self._digests = FileFacts(self.cache_dir / "digests.json", 1)
        self._made_from: dict[int, tuple] = {}  # id(picture) -> how to make it again (_render's arguments)

    def save(self) -> None:
        self._digests.save()

    def get(self, path: str | None, slot: str) -> Picture | None:
        """The image at path resized for slot (made once, kept in the cache); not yet in the site."""
        if not path:
            return None
        key = (path, slot)
        if key not in self._done:
            self._done[key] = self._make(path, slot)
        return self._done[key]

    def _make(self, path: str, slot_name: str) -> Picture | None:
        source = resolve_image(self.docs_dir, path)
        if source is None or not source.is_file():
            return None
        slot = SLOTS[slot_name]
        digest = hashlib.sha256(f"{self._digest(source)}{slot!r}".encode() + VERSION).hexdigest()[:16]
        # a file name safe in srcset (no spaces or commas) whatever the original is called
        stem = f"{re.sub(r'[^a-z0-9]+', '-', source.stem.lower()).strip('-')[:40] or 'photo'}-{digest}"
        index = self.cache_dir / f"{stem}.json"
        files = self._kept(index)
        if files is None:
            self._render(source, slot, stem, index)
            files = json.loads(index.read_text())
        variants = [Variant(width, height, f"{self.prefix}/{webp}", f"{self.prefix}/{fallback}")
                    for width, height, webp, fallback in files["variants"]]
        picture = Picture(tuple(variants), files["type"])
        self._made_from[id(picture)] = (source, slot, stem, index)
        return picture

    def publish(self, picture: Picture) -> None:
        """Put picture's files in the site: only what a page of this build shows is published (a
        member hidden since the last build is asked about when cached pages are checked, not shown)."""
        for variant in picture.variants:
            for address in (variant.webp, variant.fallback):
                if address not in self._published:
                    self._published.add(address)
                    target = self.site_dir / address
                    target.parent.mkdir(parents=True, exist_ok=True)
                    cached = self.cache_dir / address.rsplit("/", 1)[-1]
                    try:
                        link_or_copy(cached, target)
                    except FileNotFoundError:  # a file of the cache lost (a cleanup, a partly restored CI cache)
                        if id(picture) not in self._made_from:
                            raise
                        self._render(*self._made_from[id(picture)])  # made again under the same names
                        link_or_copy(cached, target)

    def _kept(self, index: Path) -> dict | None:
        """The variants made before, when their list and every file of them are whole."""
        try:
            files = json.loads(index.read_text())
            names = [name for _, _, webp, fallback in files["variants"] for name in (webp, fallback)]
        except (OSError, ValueError, KeyError, TypeError):
            return None
        return files if all(whole(self.cache_dir / name) for name in names) else None

    def _digest(self, source: Path) -> str:
        stat = source.stat()
        ident = FileFacts.ident(source, stamp(stat))
        if (known := self._digests.get(ident)) is None:
            known = [hashlib.sha256(source.read_bytes()).hexdigest()]
            self._digests.put(ident, known)
        return known[0]

    def _render(self, source: Path, slot: Slot, stem: str, index: Path) -> None:
        self.cache_dir.mkdir(parents=True, exist_ok=True)
        widest = max(slot.widths)
        image = reduced(open_upright(source), widest, widest / slot.ratio if slot.ratio else 0)
        has_alpha = image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info
        keep_alpha = slot.alpha and has_alpha
        wanted = "RGBA" if has_alpha else "RGB"
        image = image if image.mode == wanted else image.convert(wanted)
        if has_alpha and not keep_alpha:
            flat = Image.new("RGB", image.size, "white")
            flat.paste(image, mask=image.getchannel("A"))
            image = flat
        if slot.square and image.width != image.height:
            side = max(image.size)
            padded = Image.new("RGBA", (side, side), (255, 255, 255, 0))
            padded.paste(image, ((side - image.width) // 2, (side - image.height) // 2))
            image, keep_alpha = padded, True
        if slot.ratio:
            width = min(image.width, round(image.height * slot.ratio))
            image = ImageOps.fit(image, (width, round(width / slot.ratio)), Image.Resampling.LANCZOS, centering=(0.5, 0.35))
        # never upscale: widths above the original's collapse into the original's width
        widths = sorted({min(w, image.width) for w in slot.widths})
        fallback_ext, fallback_fmt, fallback_opts = ("png", "PNG", {"optimize": True}) if keep_alpha else ("jpg", "JPEG", JPEG)
        variants = []
        for width in widths:
            height = max(1, round(image.height * width / image.width))
            resized = image.resize((width, height), Image.Resampling.LANCZOS) if width != image.width else image
            # a fresh image carries no EXIF, XMP, IPTC or ICC data: nothing of the original is copied over
            clean = Image.frombytes(resized.mode, resized.size, resized.tobytes())
            names = (f"{stem}-{width}.webp", f"{stem}-{width}.{fallback_ext}")
            if keep_alpha:  # a logo is a few flat colours: 256 of them, losslessly, are a fraction of the size
                flat = clean.quantize(256, method=Image.Quantize.FASTOCTREE)
                _save(flat.convert("RGBA"), self.cache_dir / names[0], "WEBP", {"lossless": True, "method": 6})
                _save(flat, self.cache_dir / names[1], fallback_fmt, fallback_opts)
            else:
                _save(clean, self.cache_dir / names[0], "WEBP", WEBP)
                _save(clean, self.cache_dir / names[1], fallback_fmt, fallback_opts)
            variants.append((width, height, *names))
        # the index is written last: its presence means the cache entry is whole
        write_atomic(index, json.dumps({"variants": variants, "type": f"image/{'png' if keep_alpha else 'jpeg'}"}).encode())


def _save(image: Image.Image, path: Path, fmt: str, options: dict) -> None:
    with replacing(path) as partial:
        image.save(partial, fmt, **options)
