"""Editions: the code in a printable's corner, on /print/ and in /print/printables.csv changes
when what the printable says changes, and only then, so that a print shop reprints only those."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from conftest import build_site
from minimal_site import FILES, write_site
from test_print import pdf_text

CODE = re.compile(r"[0-9A-F]{6}")


def order_list(site: Path) -> dict[str, list[str]]:
    """{PDF address: its row, as a spreadsheet shows it}; the header checked."""
    with open(site / "print" / "printables.csv", encoding="utf-8-sig", newline="") as file:
        header, *rows = list(csv.reader(file))
    assert header == ["类别", "编号", "名称", "成品尺寸", "规格", "说明", "数量", "出血", "版本", "PDF", "all.pdf 页码", "二维码地址"]
    return {row[9]: [shown(cell) for cell in row] for row in rows}


def shown(cell: str) -> str:
    """A cell as Excel and WPS show it: ="032692" is the text 032692."""
    return cell[2:-1] if cell.startswith('="') and cell.endswith('"') else cell


@pytest.mark.parametrize("code, written", [("032692", '="032692"'), ("5193E1", '="5193E1"'), ("75E257", '="75E257"'), ("3-5", '="3-5"'),
                                           ("7F3A2C", "7F3A2C"), ("03269A", "03269A"), ("garden", "garden"), ("li-na-2", "li-na-2")])
def test_a_code_a_spreadsheet_would_read_as_a_number_is_kept_as_text(code, written):
    """Audit AS-AH M3: Excel shows 032692 as 32692 and 5193E1 as 51930: the list no longer matched the signs."""
    from liangxiang.print.orderlist import _code

    assert _code(code) == written


def pdf_pages_of(pdf: Path) -> list[tuple[int, int, str]]:
    """(width mm, height mm, text without spaces) of each page."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf)
    try:
        out = []
        for page in document:
            width, height = (round(side * 25.4 / 72) for side in page.get_size())
            text = page.get_textpage()
            out.append((width, height, re.sub(r"\s", "", text.get_text_range())))
        return out
    finally:
        document.close()


def editions(site: Path) -> dict[str, str]:
    return {pdf.rsplit("/print/", 1)[1]: row[8] for pdf, row in order_list(site).items()}


def test_every_printable_carries_the_edition_the_list_and_the_page_give(example_site):
    pages = {kind: (example_site / "print" / folder / "index.html").read_text(encoding="utf-8")
             for kind, folder in (("signboards", ""), ("plates", "plates"))}
    rows = order_list(example_site)
    printed = sorted(p.relative_to(example_site).as_posix() for p in (example_site / "print").glob("*/*.pdf")
                     if p.name != "all.pdf")
    assert sorted(pdf.rsplit("/print/", 1)[1] for pdf in rows) == [path.removeprefix("print/") for path in printed]
    sheets = {kind: pdf_pages_of(example_site / "print" / kind / "all.pdf") for kind in ("signboards", "plates")}
    for pdf, (_, id_, title, size, paper, note, count, bleed, code, _, page, url) in rows.items():
        assert count == "1" and note, (pdf, note)  # 横版 · 红底黄字, or how a plate is made
        # one unit, the paper's name, and the page of all.pdf that holds it (audit AS-Z L1)
        width, height, text = sheets[kind_of(pdf)][int(page) - 1]
        assert size == f"{width:g} × {height:g} mm" and bleed == "无（按成品尺寸）", (pdf, size, bleed)
        assert paper == {(297, 420): "A3", (210, 297): "A4"}.get(tuple(sorted((width, height))), "非标准尺寸"), (pdf, paper)
        assert f"版本{code}" in text, (pdf, page)
        assert kind_of(pdf) == "signboards" or note == "A4 单面印刷，沿中线对折成三角桌牌", note
        assert CODE.fullmatch(code), code
        path = example_site / "print" / pdf.rsplit("/print/", 1)[1]
        assert pdf_text(path).count(f"版本{code}") == 1, pdf  # a plate's upper face has none
        kind = kind_of(pdf)
        figure = re.search(rf'<figure class="card print-item" id="{kind}-{id_}">(.*?)</figure>', pages[kind], re.S).group(1)
        assert f'<strong class="print-edition">{code}</strong>' in figure, pdf
        assert url.endswith(("zones/" if "signboards" in pdf else "members/") + f"{id_}/")
    assert len(set(row[8] for row in rows.values())) == len(rows)
    assert 'href="printables.csv" download' in pages["signboards"] and 'href="../printables.csv" download' in pages["plates"]
    # all.pdf is large at a large organization (99 MB for 4,486 plates): the link says how many pages (audit AS-AH L3)
    for kind, page in pages.items():
        assert f"全部合成一个 PDF（{sum(kind_of(pdf) == kind for pdf in rows)} 页）" in page, kind


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


def test_the_order_list_says_how_a_plate_is_made_and_which_member_has_left(tmp_path):
    """Audit AS-Z L1: a plate's 说明 was its member's post, which told the shop nothing; a plate of a
    member who has left (in all.pdf, as the format says) is still marked so, for whoever orders."""
    root = write_site(tmp_path / "src", {"members.yaml": FILES["members.yaml"].replace(
        "    name: 李娜\n    branch: b1\n", "    name: 李娜\n    branch: b1\n    post: 客服主管\n    status: former\n")})
    rows = order_list(build_site(root / "mkdocs.yml", tmp_path / "site"))
    notes = {pdf.rsplit("/", 1)[1]: row[5] for pdf, row in rows.items() if "/plates/" in pdf}
    assert notes == {"zhang-wei.pdf": "A4 单面印刷，沿中线对折成三角桌牌", "li-na.pdf": "已调离 · A4 单面印刷，沿中线对折成三角桌牌"}, notes
