"""/print/printables.csv: every printable on one line, for the order form and for knowing what to
print anew (its edition code is the one in the printable's corner)."""

from __future__ import annotations

import csv
import re
from pathlib import Path
from typing import Iterable

from ..site.view import Labels
from .layout import paper_name, size_label
from .printable import Printable

LIST = "print/printables.csv"


def write_order_list(items: Iterable[Printable], site_dir: Path, labels: Labels, site_url: str, bleed: bool) -> None:
    """``items`` in all.pdf's order; ``site_url``: what the PDFs' addresses start with (a link in
    the spreadsheet), if set."""
    # UTF-8 with a byte-order mark: Excel on Windows reads Chinese from it, WPS and LibreOffice too
    with open(site_dir / LIST, "w", encoding="utf-8-sig", newline="") as file:
        out = csv.writer(file)
        base = site_url.rstrip("/") + "/" if site_url else ""
        # what an order desk asks (audit AS-Z L1): the size in one unit, the paper's name, bleed,
        # the page in all.pdf; the sign's way up and colours (横版 · 红底黄字), how a plate is made;
        # and a count to fill in, one of each to start with (audit AS-X L2)
        out.writerow([labels["print_list_kind"], labels["print_list_id"], labels["print_list_title"], labels["print_size"],
                      labels["print_list_paper"], labels["print_list_note"], labels["print_list_count"], labels["print_list_bleed"],
                      labels["print_edition"], "PDF", labels["print_list_page"], labels["print_qr_holds"]])
        pages: dict[str, int] = {}
        for item in items:
            pages[item.kind] = page = pages.get(item.kind, 0) + 1
            width, height = item.drawing.width, item.drawing.height
            # millimetres: '60 × 40 cm' beside '297 × 420 mm' read as two units
            out.writerow([labels[f"print_{item.kind}"], _code(item.id), _cell(item.title), size_label(width, height, millimetres=True),
                          paper_name(width, height) or labels["print_list_custom"], _cell(item.order_note), 1,
                          labels["print_list_bleed_yes" if bleed else "print_list_bleed_no"], _code(item.edition), base + item.pdf, page, item.url])


_READ_AS_A_NUMBER = re.compile(r"[0-9.eE+-]*[0-9][0-9.eE+-]*")


def _code(code: str) -> str:
    """An edition code or an id that Excel and WPS would read as a number or a date (032692 as
    32692, 5193E1 as 51930, 3-5 as 5 March: audit AS-AH M3) kept as the text printed on the sign."""
    return f'="{code}"' if _READ_AS_A_NUMBER.fullmatch(code) else code


def _cell(text: str) -> str:
    """A title as text: one starting with = + - @ (or a tab or return before one) would run as a
    formula in a spreadsheet."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text
