"""One printable rendered into the cache: PDF, then its preview from that PDF, then its facts.

This runs in worker processes: everything it needs arrives in the job, nothing is shared.
Importing this module imports no drawing library: the build's process only makes the jobs.
"""

from __future__ import annotations

import json
import pickle
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from ..files import replacing, write_atomic
from .drawing import Drawing
from .fonts import FontSet


@dataclass(frozen=True)
class RenderJob:
    name: str  # 'signboards/tongxin-guangchang', for progress messages
    packed: bytes  # the pages (a tuple of Drawings), pickled: a build holds thousands of them
    fonts: FontSet
    bleed: bool
    pdf: str
    png: str
    meta: str
    preview_pixels: int  # the preview's longer side


def render(job: RenderJob) -> dict:
    """Render a job into its cache entry; returns its facts (also stored next to it)."""
    from .docfonts import document_fonts
    from .pdf import render_pdf  # here: the build's own process makes jobs and never renders
    from .preview import preview

    started = time.perf_counter()
    dpi: list[int] = []
    pages: tuple[Drawing, ...] = pickle.loads(job.packed)
    with tempfile.TemporaryDirectory(prefix="liangxiang-faces-") as folder:
        fonts = document_fonts(job.fonts, "".join(text for page in pages for text in page.texts()), Path(folder))
        data = render_pdf(list(pages), fonts, job.bleed, dpi=dpi)
    pdf, png, meta = Path(job.pdf), Path(job.png), Path(job.meta)
    pdf.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(pdf, data)
    with replacing(png) as partial:
        preview_size = preview(data, partial, job.preview_pixels)
    facts = {
        "bytes": len(data),
        "pages": [[page.width, page.height] for page in pages],
        "preview": list(preview_size),
        "photo_dpi": min(dpi) if dpi else None,
        "seconds": round(time.perf_counter() - started, 3),
    }
    write_atomic(meta, json.dumps(facts).encode())  # last: the entry is whole once this exists
    return facts

