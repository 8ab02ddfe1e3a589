"""The zones' QR codes published on their own, /qr/zones/ID.svg and .png, kept in the print cache."""

from __future__ import annotations

from pathlib import Path
from typing import Iterable

from ..files import link_or_copy, whole
from ..model import Zone
from ..site.view import Urls
from .cache import key
from .plan import address
from .pool import Workers


def publish_zone_codes(zones: Iterable[Zone], site_url: str | None, urls: Urls, cache_folder: Path, site_dir: Path,
                       workers: Workers) -> list[Path]:
    """Every zone's codes, archived ones too (brochures may carry them), and under each of its
    aliases the same files (a page that shows /qr/zones/OLD.png keeps an image that opens the
    zone); returns the cached files used."""
    kept, missing = [], []
    (site_dir / "qr" / "zones").mkdir(parents=True, exist_ok=True)
    for zone in zones:
        data = address(site_url, urls, "zone", zone.id)
        stem = cache_folder / "qr" / f"{zone.id[:48]}-{key('qr', data)}"
        files = [stem.with_name(stem.name + suffix) for suffix in (".svg", ".png")]
        if not all(whole(path) for path in files):
            missing.append((data, str(stem)))
        kept.extend((name, files) for name in (zone.id, *zone.aliases))
    if missing:
        from . import qr

        workers.map(qr.write_files, missing)  # 10 ms each: 600 zones are 6 s
    for name, files in kept:
        for path, suffix in zip(files, (".svg", ".png")):
            link_or_copy(path, site_dir / "qr" / "zones" / f"{name}{suffix}")
    return list({path: None for _, files in kept for path in files})
