"""Editions: the code in a printable's corner, on /print/ and in /print/printables.csv changes
when what the printable says changes, and only then, so that a print shop reprints only those."""

from __future__ import annotations

import csv
import re
from pathlib import Path

from conftest import build_site
from minimal_site import FILES, write_site
from test_print import pdf_text

CODE = re.compile(r"[0-9A-F]{6}")


def order_list(site: Path) -> dict[str, list[str]]:
    """{PDF address: its row}; the header checked."""
    with open(site / "print" / "printables.csv", encoding="utf-8-sig", newline="") as file:
        header, *rows = list(csv.reader(file))
    assert header == ["类别", "编号", "名称", "成品尺寸", "说明", "数量", "版本", "PDF", "二维码地址"]
    return {row[7]: row for row in rows}


def editions(site: Path) -> dict[str, str]:
    return {pdf.rsplit("/print/", 1)[1]: row[6] for pdf, row in order_list(site).items()}


def test_every_printable_carries_the_edition_the_list_and_the_page_give(example_site):
    pages = {kind: (example_site / "print" / folder / "index.html").read_text(encoding="utf-8")
             for kind, folder in (("signboards", ""), ("plates", "plates"))}
    rows = order_list(example_site)
    printed = sorted(p.relative_to(example_site).as_posix() for p in (example_site / "print").glob("*/*.pdf")
                     if p.name != "all.pdf")
    assert sorted(pdf.rsplit("/print/", 1)[1] for pdf in rows) == [path.removeprefix("print/") for path in printed]
    for pdf, (_, id_, title, size, note, count, code, _, url) in rows.items():
        assert count == "1" and note, (pdf, note)  # 横版 · 红底黄字, or the member's post
        assert CODE.fullmatch(code), code
        path = example_site / "print" / pdf.rsplit("/print/", 1)[1]
        assert pdf_text(path).count(f"版本{code}") == 1, pdf  # a plate's upper face has none
        kind = kind_of(pdf)
        figure = re.search(rf'<figure class="card print-item" id="{kind}-{id_}">(.*?)</figure>', pages[kind], re.S).group(1)
        assert f'<strong class="print-edition">{code}</strong>' in figure, pdf
        assert url.endswith(("zones/" if "signboards" in pdf else "members/") + f"{id_}/")
    assert len(set(row[6] for row in rows.values())) == len(rows)
    assert 'href="printables.csv" download' in pages["signboards"] and 'href="../printables.csv" download' in pages["plates"]


def kind_of(pdf: str) -> str:
    return "signboards" if "/signboards/" in pdf else "plates"


def test_an_edited_zone_gets_a_new_edition_and_nothing_else_does(tmp_path):
    root = write_site(tmp_path / "src", {"content/zones/garden.yaml": FILES["content/zones/garden.yaml"].replace(
        "name: 花园责任区", "name: =SUM(1)花园责任区")})
    before = editions(build_site(root / "mkdocs.yml", tmp_path / "site1"))
    # a spreadsheet shows the name as written, not as a formula
    [garden] = [row for pdf, row in order_list(tmp_path / "site1").items() if pdf.endswith("/print/signboards/garden.pdf")]
    assert garden[2] == "'=SUM(1)花园责任区"
    assert build_site(root / "mkdocs.yml", tmp_path / "site2") and editions(tmp_path / "site2") == before

    zone = root / "content" / "zones" / "garden.yaml"
    zone.write_text(zone.read_text(encoding="utf-8").replace("0317-2720001", "0317-2720009"), encoding="utf-8")
    after = editions(build_site(root / "mkdocs.yml", tmp_path / "site3"))
    assert after.keys() == before.keys() and len(before) == 3
    assert [pdf for pdf in before if before[pdf] != after[pdf]] == ["signboards/garden.pdf"]
    assert f"版本{after['signboards/garden.pdf']}" in pdf_text(tmp_path / "site3" / "print" / "signboards" / "garden.pdf")
