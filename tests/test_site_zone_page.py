"""The zone page, the page a sign's QR code opens: where an archived zone leads, who is marked as gone."""

from __future__ import annotations

import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from types import SimpleNamespace

import pytest

from conftest import build_site, page_text
from minimal_site import FILES, write_site
from liangxiang.site.view import SiteView

MIDDLE = """\
id: middle
name: 中间责任区
branch: b1
scope: 中间一片
duties: [巡查]
leader: zhang-wei
service_phone: 0317-2720009
status: archived
successor: garden
"""


def _without_printables(root: Path) -> Path:
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "plugins:\n  - liangxiang\n", "plugins:\n  - liangxiang:\n      printables: false\n"), encoding="utf-8")
    return config


def _chain_site(root: Path) -> Path:
    """closed -> middle (archived too) -> garden (active)."""
    return _without_printables(write_site(root, {
        "content/zones/closed.yaml": FILES["content/zones/closed.yaml"].replace("successor: garden", "successor: middle"),
        "content/zones/middle.yaml": MIDDLE,
    }))


def test_an_archived_chain_leads_to_the_active_zone_at_its_end(tmp_path):
    config = _chain_site(tmp_path / "src")
    site = build_site(config, tmp_path / "src/site")
    for archived in ("closed", "middle"):
        text = page_text(site, f"zones/{archived}/")
        raw = (site / f"zones/{archived}/index.html").read_text(encoding="utf-8")
        assert "接续责任区：花园责任区" in text, archived
        assert 'href="../garden/"' in raw and 'href="tel:03172720001"' in raw, archived
        assert "0317-2720009" not in text and "0317-2720002" not in text, archived  # their own phones
    assert "中间责任区" not in page_text(site, "zones/closed/")

    # the page cache: an edit of the zone at the end renders the first zone's page again
    garden = tmp_path / "src/content/zones/garden.yaml"
    garden.write_text(garden.read_text(encoding="utf-8").replace("0317-2720001", "0317-2720111"), encoding="utf-8")
    build_site(config, tmp_path / "src/site")
    text = page_text(site, "zones/closed/")
    assert "0317-2720111" in text and "0317-2720001" not in text


def test_an_archived_zones_leader_is_called_its_former_leader(tmp_path):
    """Audit AS-AA L3: an archived zone still said 党员负责人 李娜, in the present, on its page and on
    her page; an active zone's leader is said as before."""
    site = build_site(_without_printables(write_site(tmp_path / "src")), tmp_path / "site")
    closed, garden = page_text(site, "zones/closed/"), page_text(site, "zones/garden/")
    assert re.search(r"原党员负责人 (李 )?李娜", closed) and closed.count("党员负责人") == 1, closed  # (李: her initial, for no photo)
    assert re.search(r"党员负责人 (张 )?张伟", garden) and "原党员负责人" not in garden, garden
    member = page_text(site, "members/li-na/")
    assert "旧责任区 原党员负责人 已撤销" in member, member


@pytest.mark.parametrize("hotline, called, label", [
    ("0317-2720000", "tel:03172720000", "监督热线"),
    ("处党委办公室", "tel:03172720009", "原服务电话"),  # a hotline in words: the old number, said as the old one
])
def test_an_archived_zone_without_a_successor_offers_the_hotline_not_its_old_phone(tmp_path, hotline, called, label):
    """A zone retired with no one after it showed its old number as the big button to call, which may
    ring nowhere now (audit AS-G): the organization's hotline is offered, else the old number as such."""
    config = _without_printables(write_site(tmp_path / "src", {
        "content/zones/middle.yaml": MIDDLE.replace("successor: garden\n", ""),
        "content/org.yaml": FILES["content/org.yaml"].replace("hotline: 0317-2720000", f"hotline: {hotline}"),
    }))
    site = build_site(config, tmp_path / "src/site")
    raw = (site / "zones/middle/index.html").read_text(encoding="utf-8")
    call = re.search(r'<p class="call">.*?</p>', raw, re.S).group(0)
    assert f'href="{called}"' in call and label in call, call
    active = re.search(r'<p class="call">.*?</p>', (site / "zones/garden/index.html").read_text(encoding="utf-8"), re.S).group(0)
    assert 'href="tel:03172720001"' in active and "服务电话" in active and "原服务电话" not in active


def test_records_written_before_a_rename_name_the_zone_by_its_former_id(tmp_path):
    """A zone renamed with its old id in aliases: last year's results and a story still say the old
    id. They are published history; an error asked to rewrite them, seven files for one zone
    (audit AS-G). They read as the zone's id now, and its page shows them."""
    config = _without_printables(write_site(tmp_path / "src", {
        "content/assessments/2026-Q1.yaml": FILES["content/assessments/2026-Q1.yaml"].replace("{zone: garden, score: 90}", "{zone: old-garden, score: 90}"),
        "content/stories/a-key.md": FILES["content/stories/a-key.md"].replace("zone: garden", "zone: old-garden"),
    }))
    site = build_site(config, tmp_path / "src/site")
    text = page_text(site, "zones/garden/")
    assert "2026年第一季度" in text and "90" in text and "一把钥匙" in text, text
    assert "花园责任区" in page_text(site, "stories/a-key/")


def _zone(zone_id: str, successor: str | None = None, status: str = "archived"):
    return SimpleNamespace(id=zone_id, successor=successor, status=status)


CHAINS = [  # (zones as id:successor, "!" marks an active zone; the zone asked; where it leads)
    ("a:b b!", "a", "b"),
    ("a:b b:c c!", "a", "c"),
    ("a:b b:c c:d d!", "b", "d"),
    ("a:b b", "a", None),  # the chain ends in an archived zone without a successor
    ("a:b b:c c:b", "a", None),  # a circle further on
    ("a:b b:a", "a", None),  # a circle back to the start
    ("a:x", "a", None),  # a successor that does not exist
    ("a", "a", None),
]


@pytest.mark.parametrize("chain, asked, expected", CHAINS)
def test_onward_follows_the_chain_and_never_loops(chain, asked, expected):
    zones = {}
    for part in chain.split():
        active = part.endswith("!")
        zone_id, _, successor = part.rstrip("!").partition(":")
        zones[zone_id] = _zone(zone_id, successor or None, "active" if active else "archived")
    view = SiteView(SimpleNamespace(zone_by_id=zones), None, None, None, lookups=set())
    found = view.onward(zones[asked])
    assert (found.id if found else None) == expected
    # every zone it passed is recorded, so that the page cache renders the page again when one changes
    passed = {token[1] for token in view.lookups if token[0] == "zone"}
    assert expected is None or expected in passed


GARDEN = FILES["content/zones/garden.yaml"]
FORMER = {  # where a member who has left (ouyang-xiaohong, status: former) appears on the zone page
    "leader": GARDEN.replace("leader: zhang-wei", "leader: ouyang-xiaohong"),
    "role": GARDEN.replace("{role: 业务带头人, member: li-na}", "{role: 业务带头人, member: ouyang-xiaohong}"),
    "member": GARDEN.replace("members: [zhang-wei, li-na]", "members: [zhang-wei, li-na, ouyang-xiaohong]"),
}


def _links(html: str) -> list[tuple[str, set]]:
    """(text, classes of the link and its ancestors) of every link."""
    links = []

    class Parser(HTMLParser):
        def __init__(self):
            super().__init__()
            self.stack = []  # (tag, classes, text parts)

        def handle_starttag(self, tag, attrs):
            if tag not in _VOID:
                self.stack.append((tag, (dict(attrs).get("class") or "").split(), []))

        def handle_endtag(self, tag):
            while self.stack:
                name, classes, text = self.stack.pop()
                if self.stack:
                    self.stack[-1][2].extend(text)
                if name == "a":
                    around = {c for _, cs, _ in self.stack for c in cs} | set(classes)
                    links.append((" ".join("".join(text).split()), around))
                if name == tag:
                    break

        def handle_data(self, data):
            if self.stack:
                self.stack[-1][2].append(data)

    Parser().feed(html)
    return links


_VOID = {"img", "source", "br", "meta", "link", "input", "hr", "wbr"}


def test_a_former_member_is_marked_on_a_story_page(tmp_path):
    """Audit AS-V F5: a story's 相关党员 showed a member who had left with his old post as if current."""
    story = FILES["content/stories/a-key.md"].replace("members: [zhang-wei]", "members: [zhang-wei, ouyang-xiaohong]")
    config = _without_printables(write_site(tmp_path / "src", {"content/stories/a-key.md": story}))
    site = build_site(config, tmp_path / "src/site")
    links = [(text, around) for text, around in _links((site / "stories/a-key/index.html").read_text(encoding="utf-8"))
             if "欧阳晓红" in text or "张伟" in text]
    assert {("欧阳晓红" in text, "已调离" in text and "is-former" in around) for text, around in links} == {(True, True), (False, False)}, links


@pytest.mark.parametrize("where", FORMER)
def test_a_former_member_is_marked_on_the_zone_page(tmp_path, where):
    config = _without_printables(write_site(tmp_path / "src", {"content/zones/garden.yaml": FORMER[where]}))
    site = build_site(config, tmp_path / "src/site")
    links = _links((site / "zones/garden/index.html").read_text(encoding="utf-8"))
    # every link to the member says 已调离 and is marked is-former, as a story page marks them
    former = [(text, around) for text, around in links if "欧阳晓红" in text]
    assert former, where
    for text, around in former:
        assert "已调离" in text and "is-former" in around, (where, text, around)
    for text, around in links:  # the others are not
        if "张伟" in text or "李娜" in text:
            assert "已调离" not in text and "is-former" not in around, (where, text)
    if where == "leader":  # the zones index names the leader too, on the zone's card
        index = (site / "zones/index.html").read_text(encoding="utf-8")
        cards = [" ".join(re.sub(r"<[^>]+>", " ", card).split())
                 for card in re.findall(r'<article class="card zone-card"[^>]*>.*?</article>', index, re.S) if "花园责任区" in re.sub(r"<[^>]+>", "", card)]
        assert cards and all("欧阳晓红 已调离" in text for text in cards), cards


@pytest.mark.parametrize("written, dialled", [
    ("0317-2723318", "03172723318"),
    ("（0317）2723318", "03172723318"),
    ("０３１７－２７２３３１８", "03172723318"),
    ("0716-8888120 转 6001", "07168888120,6001"),
    ("0716-8888120转6001号", "07168888120,6001"),
    ("0839-7221100、0839-7221101", "08397221100"),
    ("+86 839 722 1234 ext. 8", "+868397221234,8"),
    ("热线：12345", "12345"),
    ("见公告栏", ""),
    ("400-800-1234", "4008001234"),
    ("<script>alert(1)</script>", ""),  # a 1 is no number to call
    ("0317-272 或 8 号楼门卫", ""),  # cut short: the call button would dial a stranger
    ("0996-2120088（24小时）", "09962120088"),  # a note in brackets after the number
    ("0996-2120088 (白天)", "09962120088"),
    ("+86 (0317) 2723318", "+863172723318"),  # the area code's 0 is not dialled after +86
    ("0311-88000000-8001", "031188000000,8001"),  # an extension after a last hyphen (audit A, session 20)
    ("13931700001-12", "13931700001,12"),
    ("0317-272-3318", "03172723318"),  # hyphens inside one number: no extension
    # audit AJ 1: 11 digits are a mobile's only when they start with 1; a landline's last hyphen before 1 digit is an extension
    ("400-810-6688-2", "4008106688,2"),
    ("800-810-6688-9", "8008106688,9"),
    ("0317-2720000-1", "03172720000,1"),
    ("（0317）2720000-1", "03172720000,1"),
    ("0755-8888-8888", "075588888888"),  # a local number of 8 written in fours: one number
    ("138-1234-5678", "13812345678"),
    ("+852 2345 6789", "+85223456789"),  # audit AL 2: 11 digits with a country code
    ("+81 3 1234 5678", "+81312345678"),
    ("第2网格 13812345678", "13812345678"),  # past a group that is no number
    # audit AS-AF: a count glued to its word before the number was dialled, and refused as "24" cut short
    ("24小时服务 0317-2720001", "03172720001"),
    ("7×24小时热线0317-2720001", "03172720001"),
    # a note's digits after a space were dialled with the number: 031727213652
    ("0317-2721365 2号楼", "03172721365"),
    ("13812345678 3号门岗", "13812345678"),
    ("0317-2721365 内线8001", "03172721365,8001"),
    # audit AM 4: China's country code as on business cards dialled 86… as a local number, or kept the area code's 0
    ("86-0317-2725120", "+863172725120"),
    ("+86-0317-2725120", "+863172725120"),
    ("0086-317-2725120", "+863172725120"),
    ("0086 13812345678", "+8613812345678"),
    ("86 13812345678", "+8613812345678"),
])
def test_a_phone_field_dials_its_first_number(written, dialled):
    """A phone is written as people write it; the call button dials its first number (and extension)."""
    assert SiteView.tel(written) == dialled


@pytest.mark.parametrize("written, links", [
    ("0998-6123456转8001、8002", [("0998-6123456转8001", "09986123456,8001"), ("8002", "09986123456,8002")]),
    ("0998-6123456（夜间0998-6123999）", [("0998-6123456", "09986123456"), ("夜间0998-6123999", "09986123999")]),
    ("0998-6123456（夜间转值班室8009）", [("0998-6123456", "09986123456"), ("夜间转值班室8009", "09986123456,8009")]),
    ("0996-2120088（24小时）", [("0996-2120088", "09962120088")]),
    # audit F (session 36): （分机101） was a call to 101
    ("0317-2721365（分机101）", [("0317-2721365", "03172721365"), ("分机101", "03172721365,101")]),
    ("（0317）2723318", [("（0317）2723318", "03172723318")]),
    ("12345、12315", [("12345", "12345"), ("12315", "12315")]),  # two service numbers, not an extension
    ("0317-272 或 8 号楼门卫", []),
    # audit K: the second line of an office written without its area code was a call to 5123457
    ("0994-5123456/5123457", [("0994-5123456", "09945123456"), ("5123457", "09945123457")]),
    ("（0994）5123456、5123457", [("（0994）5123456", "09945123456"), ("5123457", "09945123457")]),
    ("010-62345678或87654321", [("010-62345678", "01062345678"), ("87654321", "01087654321")]),
    ("5123456、5123457", [("5123456", "5123456"), ("5123457", "5123457")]),  # no area code written: none added
    ("0317-2721365、13931700001", [("0317-2721365", "03172721365"), ("13931700001", "13931700001")]),  # a mobile has none
    ("0317-2721365（值班） 0317-2721366（维修）", [("0317-2721365", "03172721365"), ("0317-2721366", "03172721366")]),
    ("0317-2723318(白天)13812345678(夜间)", [("0317-2723318", "03172723318"), ("13812345678", "13812345678")]),
    # audit AI: （分机）8001 is the line's extension, not a call to 8001
    ("0317-2721365（分机）8001", [("0317-2721365", "03172721365"), ("分机）8001", "03172721365,8001")]),
    ("0317-2721365（转）8001", [("0317-2721365", "03172721365"), ("转）8001", "03172721365,8001")]),
    # a second number after words and a space was inside the first one's link, and called the first
    ("0317-2721365 夜间13812345678", [("0317-2721365", "03172721365"), ("夜间13812345678", "13812345678")]),
    ("日间0317-2721365 夜间 13812345678", [("日间0317-2721365", "03172721365"), ("夜间 13812345678", "13812345678")]),
    ("0317-2721365 工作日8:00-17:30 夜间13812345678",
     [("0317-2721365 工作日8:00-17:30", "03172721365"), ("夜间13812345678", "13812345678")]),  # a note after the first stays its
    ("0317-2721365转8001 值班室13812345678", [("0317-2721365转8001", "03172721365,8001"), ("值班室13812345678", "13812345678")]),
    ("0317-2721365 转 8001", [("0317-2721365 转 8001", "03172721365,8001")]),  # an extension is the line's
    ("0317-2721365 ext.8001", [("0317-2721365 ext.8001", "03172721365,8001")]),
    # audit AL 1: after the first number, a short group is a time, a date, a room or an extension, never a call of its own
    ("0317-2721365 工作时间：8:30-11:30 14:30-17:30", [("0317-2721365 工作时间：8:30-11:30 14:30-17:30", "03172721365")]),
    ("0317-2721365（工作日 8:30-11:30 14:00-17:00）", [("0317-2721365", "03172721365")]),
    ("0317-2721365 白班 2026.3.1", [("0317-2721365 白班 2026.3.1", "03172721365")]),
    ("0317-2721365 分机 8001 夜间 8002", [("0317-2721365 分机 8001 夜间 8002", "03172721365,8001")]),
    ("13812345678 夜班 6688", [("13812345678 夜班 6688", "13812345678")]),
    ("0317-2721365 第2网格 13812345678", [("0317-2721365", "03172721365"), ("第2网格 13812345678", "13812345678")]),
    # two lines each with its extension were one link that called the first
    ("0317-2721365转8001 0317-2721366转8002", [("0317-2721365转8001", "03172721365,8001"), ("0317-2721366转8002", "03172721366,8002")]),
    ("0317-2721365转8001 13812345678", [("0317-2721365转8001", "03172721365,8001"), ("13812345678", "13812345678")]),
])
def test_each_part_of_a_phone_field_dials_what_it_says(written, links):
    """Audit 20: "转8001、8002" made the second a call to 8002, and a night number in brackets
    was no link of its own."""
    parts = SiteView.tel_parts(written)
    assert "".join(text for text, _ in parts) == written
    assert [(text, dial) for text, dial in parts if dial] == links


@pytest.mark.parametrize("written, runs", [
    ("0317-2721365、13931700001", [("0317-2721365", "、"), ("13931700001", "")]),
    ("0998-6123456转8001、8002；13931700001", [("0998-6123456转8001", "、"), ("8002", "；"), ("13931700001", "")]),
    ("0998-6123456（夜间0998-6123999）", [("0998-6123456", ""), ("（", None), ("夜间0998-6123999", "）")]),
    ("0317-272 或 8 号楼门卫", [("0317-272", None), (" 或 ", None), ("8 号楼门卫", None)]),  # no whole number: no link
    # audit AH F1: each note in brackets is the number's before it, not a part of the next link
    ("0317-2721365（值班） 0317-2721366（维修）", [("0317-2721365", "（值班）"), (" ", None), ("0317-2721366", "（维修）")]),
    ("0317-2723318(白天)13812345678(夜间)", [("0317-2723318", "(白天)"), ("13812345678", "(夜间)")]),
    ("2721365（白天）、13812345678（夜间）", [("2721365", "（白天）、"), ("13812345678", "（夜间）")]),
    ("0996-2120088 （24小时）", [("0996-2120088", " （24小时）")]),
    # audit AI: a second note after a bracketed number, and two notes in a row, are the number's before them
    ("0998-6123456（夜间0998-6123999）（值班） 13812345678", [("0998-6123456", ""), ("（", None), ("夜间0998-6123999", "）（值班）"), (" ", None), ("13812345678", "")]),
    ("0317-2721365（王）（李）13931700001", [("0317-2721365", "（王）（李）"), ("13931700001", "")]),
])
def test_the_pause_after_a_number_goes_with_it(written, runs):
    """Audit AA: at 195 px a line began with the 、 between two hotline numbers; the pause (or a
    closing bracket) after a number is its, and nothing of the field is lost."""
    found = SiteView.call_runs(written)
    assert "".join(text + pause for text, _, pause in found) == written
    assert [(text, pause if dial else None) for text, dial, pause in found] == runs


@pytest.mark.parametrize("written, shown", [
    ("０３１７－２７２０００１", "0317-2720001"),
    ("0317　2720001", "0317 2720001"),
    ("0317—2720001、0317–2720002", "0317-2720001、0317-2720002"),
    ("0317-3221234（工作日8:00—17:30）", "0317-3221234（工作日8:00—17:30）"),  # a note's dash is the editor's (audit 21)
    ("１２３４５（９：００—１７：００）", "12345（9：00—17：00）"),
    # an input method's quotes for YAML's were printed on the metal sign (audit AS-Y M1)
    ("“027-85553000”", "027-85553000"), ("「0317-2721365」", "0317-2721365"), ("‘12345’", "12345"),
    ("“0317-2721365（24小时）”", "0317-2721365（24小时）"),
])
def test_a_phone_is_typed_in_ascii_and_its_note_is_kept(written, shown):
    from pydantic import TypeAdapter

    from liangxiang.values import Phone, ServicePhone

    assert TypeAdapter(Phone).validate_python(written) == shown
    assert TypeAdapter(ServicePhone).validate_python(written) == shown


def test_each_number_is_its_own_call_link_and_a_field_without_one_is_not_a_link(tmp_path):
    """Two numbers in one field: a reader who taps the second must not call the first (audit 16)."""
    root = write_site(tmp_path / "src", {
        "content/zones/garden.yaml": FILES["content/zones/garden.yaml"].replace(
            "service_phone: 0317-2720001", "service_phone: 0317-2720001 转 6001、0317-2720002"),
        "content/org.yaml": FILES["content/org.yaml"].replace("hotline: 0317-2720000", "hotline: 见各责任区公示牌"),
    })
    zone = (build_site(_without_printables(root), tmp_path / "site") / "zones/garden/index.html").read_text(encoding="utf-8")
    # each number in a box with the pause after it (the 、 never starts a line, audit AA)
    assert ('<span class="call-one"><a href="tel:03172720001,6001"><span class="nb">0317-2720001</span> 转 6001</a>、</span>'
            '<span class="call-one"><a href="tel:03172720002"><span class="nb">0317-2720002</span></a></span>') in zone
    assert "见各责任区公示牌" in zone and 'href="tel:"' not in zone


def test_a_hotline_in_words_keeps_its_number_on_one_line(tmp_path):
    """Audit K: "村委会值班室 0994-5123456-8001（白天）" wrapped as "0994-5123456-" / "8001" at 390 px."""
    root = write_site(tmp_path / "src", {
        "content/org.yaml": FILES["content/org.yaml"].replace("hotline: 0317-2720000", "hotline: 村委会值班室 0994-5123456-8001（白天）")})
    zone = (build_site(_without_printables(root), tmp_path / "site") / "zones/garden/index.html").read_text(encoding="utf-8")
    assert '<strong>村委会值班室 <span class="nb n17">0994-5123456-8001</span>（白天）</strong>' in zone


def test_a_printed_address_renamed_away_is_told(tmp_path):
    """Renaming a zone everywhere passes every check, and the sign at the gate opens the 404 page
    (audit 16): the next run says so, at the record it was likely renamed to, until an alias keeps
    the address. A notice: it was an error (audit 25), and then a fresh clone or CI built what
    the machine that had built before refused (audits 32 and 37)."""
    root = write_site(tmp_path / "src")
    build_site(_without_printables(root), tmp_path / "site")
    zone = root / "content/zones/garden.yaml"
    zone.rename(root / "content/zones/garden-2.yaml")
    for path in [*root.glob("content/**/*.yaml"), *root.glob("content/**/*.md")]:
        path.write_text(re.sub(r"(?<![\w-])garden(?![\w-])", "garden-2", path.read_text(encoding="utf-8")), encoding="utf-8")
    said = "content/zones/garden-2.yaml:1:1: id: 上次生成时有责任区“garden”，这次没有了：印着 garden 的标志牌上的二维码会打不开"
    assert _vanished(root) == ([], [said])
    # audit 34: a check's error beside it (a photo's path) hid the rename until that was fixed
    zone = root / "content/zones/garden-2.yaml"
    zone.write_text(zone.read_text(encoding="utf-8") + "photo: photos/garden-2.jpg\n", encoding="utf-8")
    assert _vanished(root) == (["content/zones/garden-2.yaml:14:1: photo: 找不到图片“photos/garden-2.jpg”"], [said])
    zone.write_text(zone.read_text(encoding="utf-8").replace("photo: photos/garden-2.jpg\n", ""), encoding="utf-8")
    build = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "again")], cwd=root,
                           capture_output=True, text=True)
    assert build.returncode == 0 and "是不是把 garden 改成了 garden-2？已经印出去的，在新责任区里写 aliases: [garden]" in build.stderr, build.stderr
    assert _vanished(root) == ([], [])  # said once: the build after it published garden-2
    renamed = root / "content/zones/garden-2.yaml"
    renamed.write_text(renamed.read_text(encoding="utf-8").replace("aliases: [old-garden]", "aliases: [old-garden, garden]"), encoding="utf-8")
    assert _vanished(root) == ([], [])


def test_a_reference_to_an_id_renamed_since_the_last_build_is_told_the_new_id(tmp_path):
    """Audit P #6: a zone renamed in its own file only, to an id like no other; its story and a link
    were told of another zone that looked alike, or of nothing. The last build knows the rename."""
    story = FILES["content/stories/a-key.md"] + "\n见[花园](zones/garden/)。\n"
    root = write_site(tmp_path / "src", {"content/stories/a-key.md": story})
    build_site(_without_printables(root), tmp_path / "site")
    zone = root / "content/zones/garden.yaml"
    zone.write_text(zone.read_text(encoding="utf-8").replace("id: garden\n", "id: huayuan-lvdi\n"), encoding="utf-8")
    zone.rename(root / "content/zones/huayuan-lvdi.yaml")
    from liangxiang.pipeline import read_content

    _, problems = read_content(root, root / "content", cache_dir=root / ".cache/liangxiang")
    said = [f"{p.field}: {p.message} ({p.hint})" for p in problems]
    assert "body: 链接“zones/garden/”指向的页面不存在 (上次生成时的责任区“garden”像是改成了 huayuan-lvdi：这里写 zones/huayuan-lvdi/)" in said, said
    assert any(line.startswith("zone: 找不到责任区“garden” (上次生成时的责任区“garden”像是改成了 huayuan-lvdi：这里写 huayuan-lvdi，"
                               "再在 huayuan-lvdi 里写上 aliases: [garden]") for line in said), said


def _vanished(root):
    from liangxiang.pipeline import read_content

    content, problems = read_content(root, root / "content", cache_dir=root / ".cache/liangxiang")
    return [str(p).split(" (")[0] for p in problems], [str(n).split(" (")[0] for n in content.notices if "上次生成时" in str(n)]


def test_a_new_member_after_a_deletion_is_no_rename(tmp_path):
    """Audit 37: a member deleted after a build (a notice, once) made every later new member an
    error, "是不是把 zeng-guoqiang 改成了 he-jing？", whose fix gave the deleted member's printed
    address to somebody else."""
    members = FILES["members.yaml"]
    spare = "  - id: spare-one\n    name: 曾国强\n    branch: b1\n"
    root = write_site(tmp_path / "src", {"members.yaml": members + spare})
    build_site(_without_printables(root), tmp_path / "site")
    (root / "members.yaml").write_text(members, encoding="utf-8")
    assert _vanished(root) == ([], ["members.yaml:1:1: id: 上次生成时有党员“spare-one”，这次没有了：他/她的网页没有了，印过的桌牌上的二维码会打不开"])
    build_site(_without_printables(root), tmp_path / "site")
    assert _vanished(root) == ([], [])  # said once
    (root / "members.yaml").write_text(members + spare.replace("spare-one", "he-jing").replace("曾国强", "何静"), encoding="utf-8")
    assert _vanished(root) == ([], [])
    build_site(_without_printables(root), tmp_path / "site")
    (root / "members.yaml").write_text(members + spare.replace("spare-one", "he-jing2").replace("曾国强", "何静"), encoding="utf-8")
    assert _vanished(root) == ([], ["members.yaml:22:5: id: 上次生成时有党员“he-jing”，这次没有了：印着 he-jing 的桌牌上的二维码会打不开"])


def test_a_member_deleted_but_still_named_is_told_to_come_back_not_to_be_another(tmp_path):
    """Audit AK 3: huang-lei deleted from the roster, his commitment left, was "是不是要写 zhang-wei
    （张伟）？如果是把编号 huang-lei 改成了 zhang-wei…aliases": followed, 黄磊's printed plate
    would open 张伟's page. 张伟 was in the last build: no rename."""
    members = FILES["members.yaml"]
    spare = "  - id: huang-lei\n    name: 黄磊\n    branch: b1\n"
    commitments = FILES["content/commitments/2026.yaml"] + "  - member: huang-lei\n    promise: 按时维修\n"
    root = write_site(tmp_path / "src", {"members.yaml": members + spare, "content/commitments/2026.yaml": commitments})
    build_site(_without_printables(root), tmp_path / "site")
    (root / "members.yaml").write_text(members, encoding="utf-8")
    from liangxiang.pipeline import read_content

    _, problems = read_content(root, root / "content", cache_dir=root / ".cache/liangxiang")
    assert [f"{p.message} ({p.hint})" for p in problems] == [
        "找不到党员“huang-lei” (上次生成时还有党员“huang-lei”，这次 members.yaml 里没有了：调离的党员不要删除，"
        "把他/她的记录放回 members.yaml，写 status: former（不想公开的写 hidden: true）)"]


def test_a_story_renamed_or_deleted_is_told_once(tmp_path):
    """A story's address is its file's name, and its link is forwarded in WeChat: a renamed file
    left the old link at the 404 page without a word (audit G, session 37)."""
    root = write_site(tmp_path / "src")
    build_site(_without_printables(root), tmp_path / "site")
    (root / "content/stories/a-key.md").rename(root / "content/stories/the-key.md")
    errors, notices = _vanished(root)
    assert errors == [] and notices == ["content/stories/the-key.md:1:1: 上次生成时有故事 a-key.md，这次没有了：它的网址换成了 stories/the-key/，转发出去的旧链接会打不开"], notices
    build_site(_without_printables(root), tmp_path / "site")
    assert _vanished(root) == ([], [])
    (root / "content/stories/the-key.md").unlink()
    assert _vanished(root)[1] == ["content/stories/: 上次生成时有故事 the-key.md，这次没有了：转发出去的链接会打不开"]


def test_a_record_deleted_after_a_build_is_a_notice_and_builds(tmp_path):
    """Deleting is no rule broken, and what an earlier build on this machine saw must not decide
    whether content builds (audit 32: a fresh clone built what this machine refused). It is said:
    an archived zone or a former member keeps the printed address."""
    root = write_site(tmp_path / "src", {"content/zones/spare.yaml": FILES["content/zones/closed.yaml"].replace("id: closed", "id: spare")
                                         .replace("successor: garden\n", "").replace("status: archived\n", "")})
    build_site(_without_printables(root), tmp_path / "site")
    (root / "content/zones/spare.yaml").unlink()
    build = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "site")], cwd=root,
                           capture_output=True, text=True)
    assert build.returncode == 0 and not (tmp_path / "site/zones/spare").exists(), build.stderr
    assert "提示：content/zones/: id: 上次生成时有责任区“spare”，这次没有了" in build.stderr and "status: archived" in build.stderr, build.stderr


def test_line_breaks_written_with_a_bar_are_kept(tmp_path):
    """`scope: |` keeps the editor's lines on the page (a browser would join them with a space),
    and each line is escaped on its own."""
    root = write_site(tmp_path / "src", {
        "content/zones/garden.yaml": FILES["content/zones/garden.yaml"].replace(
            "scope: 花园一片", "scope: |\n  东至花园路，\n  南至<b>三号楼</b>。").replace("  - 浇水", "  - |\n    早晚浇水；\n    雨天停浇"),
        "content/org.yaml": FILES["content/org.yaml"].replace("supervision: 欢迎监督", "supervision: |\n  监督电话：0317-2720000\n  监督邮箱：jd@example.cn"),
        "content/commitments/2026.yaml": FILES["content/commitments/2026.yaml"].replace(
            "promise: 带头养护花园", "promise: |\n      带头养护花园，\n      做到四季常绿"),
    })
    site = build_site(_without_printables(root), tmp_path / "site")
    zone = (site / "zones/garden/index.html").read_text(encoding="utf-8")
    assert "<p>东至花园路，<br>南至&lt;b&gt;三号楼&lt;/b&gt;。</p>" in zone
    assert "<li>早晚浇水；<br>雨天停浇</li>" in zone and '监督电话：<a href="tel:03172720000"><span class="nb">0317-2720000</span></a><br>监督邮箱' in zone
    member = (site / "members/zhang-wei/index.html").read_text(encoding="utf-8")
    assert "带头养护花园，<br>做到四季常绿" in member


def test_line_breaks_written_with_a_bar_start_printed_lines():
    from test_print_layout import _EvenWidths

    from liangxiang.print.text import wrap

    assert wrap("带头养护花园，\n做到四季常绿\n", _EvenWidths(), 1, 20) == ["带头养护花园，", "做到四季常绿"]
    assert wrap("一二三四五六\n七八", _EvenWidths(), 1, 4, first=3) == ["一二三", "四五六", "七八"]


@pytest.mark.parametrize("title, parts", [
    ("3号换热站安全运行优秀党员责任区", ["3号换热站安全运行", "优秀党员责任区"]),
    ("老城区台区运维保障“党员先锋岗”责任区", ["老城区台区运维保障", "“党员先锋岗”", "责任区"]),  # no “ left at a line's end (audit 21)
    ("（东区）党员责任区", ["（东区）", "党员责任区"]),
    ("学生公寓7号楼党员示范宿舍", ["学生公寓7号楼", "党员示范宿舍"]),  # no term: before 党员
    ("党员之家", ["党员之家"]),
    ("城东110千伏变电站设备运维保障", ["城东110千伏变电站", "设备运维保障"]),  # long, no term: after the place
    ("华宁片区供暖供水保障优秀党员责任区", ["华宁片区供暖供水保障", "优秀党员责任区"]),  # parts of ten stay whole
    ("第一车间班组安全生产示范岗", ["第一车间班组安全生产", "示范岗"]),
    # audit P: dotted words that are no name break as a title does (党员先 / 锋岗, 党 / 员 before)
    ("夜班线路·守夜人党员先锋岗优秀党员责任区", ["夜班线路·守夜人", "党员先锋岗", "优秀党员责任区"]),
    ("“党员在身边·公交暖民心”党员责任区创建活动", ["“党员在身边·公交暖民心”", "党员责任区", "创建活动"]),
])
def test_a_title_breaks_beside_the_campaigns_words_with_its_quotes(title, parts):
    from liangxiang.site.view import SiteView

    shown = str(SiteView.phrased(title))
    assert re.sub(r"<[^>]+>", "", shown) == title
    assert [re.sub(r"<[^>]+>", "", part) for part in re.split(r'<wbr>(?=<span class="nm">)', shown)] == parts
    for part in re.split(r'<wbr>(?=<span class="nm">)', shown):  # a dot inside a part is held to what it follows
        assert not re.search(r"<wbr>[·・]", part), part


def test_characters_that_show_nothing_are_not_published(tmp_path):
    """A zero-width space pasted inside a name would make the name unfindable by search and copy as
    something else; a soft hyphen or BOM likewise. They are taken out of texts and Markdown alike."""
    unseen = "\u200b\u00ad\ufeff\u2060\u200e"
    root = write_site(tmp_path / "src", {
        "members.yaml": FILES["members.yaml"].replace("name: 李娜", f"name: 李{unseen}娜"),
        "content/zones/garden.yaml": FILES["content/zones/garden.yaml"].replace("scope: 花园一片", f"scope: 花园{unseen}一片"),
        "content/stories/a-key.md": FILES["content/stories/a-key.md"].replace("故事正文。", f"故事{unseen}正文。"),
    })
    site = build_site(_without_printables(root), tmp_path / "site")
    pages = {path: path.read_text(encoding="utf-8") for path in site.rglob("*") if path.suffix in (".html", ".json")}
    assert "李娜" in pages[site / "members/li-na/index.html"] and "花园一片" in pages[site / "zones/garden/index.html"]
    assert "故事正文。" in pages[site / "stories/a-key/index.html"]
    for path, text in pages.items():
        assert not any(char in text for char in unseen), path


def test_plain_text_keeps_a_hyphenated_number_on_one_line():
    """Audit 28: the supervision text's 0999-3201234 broke after its hyphen on every zone page."""
    shown = str(SiteView.lines("拨打监督电话0999-3201234（维吾尔语）\n<b>12-</b>"))
    assert shown == '拨打监督电话<span class="nb">0999-3201234</span>（维吾尔语）<br>&lt;b&gt;12-&lt;/b&gt;'
    # the zone's supervision text calls its number (AS-V F4): outside a link, and a phone only
    shown = str(SiteView.lines("拨打监督电话0999-3201234，2026-03-12起", called=True))
    assert shown == '拨打监督电话<a href="tel:09993201234"><span class="nb">0999-3201234</span></a>，<span class="nb">2026-03-12</span>起'
    # a short service number the text names as one (audit AS-AF L4); a count is none
    shown = str(SiteView.lines("请拨打服务热线12122，或拨打 12345，热线：95598，共12345户", called=True))
    assert shown == ('请拨打服务热线<a href="tel:12122"><span class="nb">12122</span></a>，或拨打 <a href="tel:12345"><span class="nb">12345</span></a>，'
                     '热线：<a href="tel:95598"><span class="nb">95598</span></a>，共<span class="nb">12345户</span>'), shown


def test_what_a_page_says_once_and_in_its_order(tmp_path):
    """Audit 29: the zone page's own 监督我们 section is not repeated in its footer; a member's
    active zones come before archived ones; a branch counts its serving members and its former
    ones apart (the home page counts 党员)."""
    site = build_site(_without_printables(write_site(tmp_path / "src", {})), tmp_path / "site")  # closed sorts before garden
    zone = (site / "zones/garden/index.html").read_text(encoding="utf-8")
    about = (site / "members/index.html").read_text(encoding="utf-8")
    # the hotline under the zone's phone and in its 监督我们, not a third time in the footer
    assert zone.count("tel:03172720000") == 2 and "tel:03172720000" not in zone.split("<footer")[1]
    assert about.count("tel:03172720000") == 1
    member = page_text(site, "members/li-na/")
    assert member.index("花园责任区") < member.index("旧责任区"), member
    counts = re.findall(r'<span class="count">([^<]*)</span>', about)
    assert counts == ["2人", "已调离1人"], counts


def _zone_file(zone_id: str, branch: str, number: int) -> str:
    return (f"id: {zone_id}\nname: {zone_id}责任区\nbranch: {branch}\nscope: 一片\nduties: [巡查]\n"
            f"leader: zhang-wei\nservice_phone: 0317-27201{number:02d}\n")


def _zones_index(tmp_path: Path, zones: dict[str, str]) -> tuple[str, str]:
    files = {f"content/zones/{zid}.yaml": _zone_file(zid, branch, n) for n, (zid, branch) in enumerate(zones.items())}
    config = _without_printables(write_site(tmp_path / "src", files))
    site = build_site(config, tmp_path / "src/site")
    return page_text(site, "zones/"), (site / "zones/index.html").read_text(encoding="utf-8")


def test_the_zones_index_groups_zones_by_branch_in_the_org_order(tmp_path):
    """Zones of several branches stand under their branch's heading, in org.yaml's order (not the
    files' order: every aaa-zone here is b2's); a filter is offered once there are many to choose from."""
    zones = {f"aaa-{n}": "b2" for n in range(6)} | {f"zzz-{n}": "b1" for n in range(4)}  # garden is b1's
    text, raw = _zones_index(tmp_path, zones)
    assert text.index("第一党支部 5个责任区") < text.index("zzz-0责任区") < text.index("第二党支部 6个责任区") < text.index("aaa-0责任区")
    assert text.index("花园责任区") < text.index("第二党支部 6个责任区")
    assert 'data-filter="branch"' in raw and raw.count('class="card zone-card" data-branch="b2"') == 6


def test_a_few_zones_stand_in_one_grid_in_the_branches_order(tmp_path):
    """Headings and a filter would only spread three cards apart: each card names its branch instead."""
    text, raw = _zones_index(tmp_path, {"aaa-0": "b2", "zzz-0": "b1"})
    assert not re.search(r"\d个责任区", text) and "branch-section" not in raw and 'data-filter="branch"' not in raw
    # in a branch by name (ordering.reading_order: letters before Hanzi), the branches in org.yaml's order
    assert text.index("zzz-0责任区 第一党支部") < text.index("花园责任区 第一党支部") < text.index("aaa-0责任区 第二党支部")


def test_a_changed_site_url_is_said_once_where_it_is_set(tmp_path):
    """Audit T: every QR code printed before opens the old address; a changed id was said, a
    changed site_url was not."""
    from liangxiang.pipeline import read_site
    from liangxiang.siteconfig import load_site_config

    root = write_site(tmp_path / "src")
    build_site(_without_printables(root), tmp_path / "site")
    config_file = root / "mkdocs.yml"
    config_file.write_text(config_file.read_text(encoding="utf-8").replace("https://dj.qinghe.org.cn/dj/", "https://www.qinghe.org.cn/dangjian/"), encoding="utf-8")

    def said() -> list[str]:
        return [str(n) for n in read_site(*load_site_config(config_file)).notices if n.field == "site_url"]

    [notice] = said()
    assert notice.startswith("mkdocs.yml:2:1: site_url: 网站地址从“https://dj.qinghe.org.cn/dj/”改成了“https://www.qinghe.org.cn/dangjian/”"
                             "：已经印出去的标志牌和桌牌上的二维码都还指向旧地址"), notice
    build_site(_without_printables(root), tmp_path / "site")
    assert said() == []  # said once
    # the same address written otherwise (audit V): no notice
    config_file.write_text(config_file.read_text(encoding="utf-8").replace("https://www.qinghe.org.cn/dangjian/", "https://WWW.Qinghe.org.cn:443/dangjian"), encoding="utf-8")
    assert said() == []


@pytest.mark.parametrize("hotline, said", [("0317-2720000", "有意见、要投诉，可拨打"), ("找处党委办公室", "有意见、要投诉，请看")])
def test_the_hotline_under_a_zones_phone_is_dialled_or_pointed_to(tmp_path, hotline, said):
    """Audit AA: how to complain stands under the zone's phone; audit AD: a hotline in words is no
    number to dial ("可拨打监督热线 找处党委办公室"): the line points to 监督我们 instead."""
    org = FILES["content/org.yaml"].replace("hotline: 0317-2720000", f"hotline: {hotline}")
    site = build_site(_without_printables(write_site(tmp_path / "src", {"content/org.yaml": org})), tmp_path / "site")
    html = (site / "zones/garden/index.html").read_text(encoding="utf-8")
    line = re.search(r'<p class="call-supervise">(.*?)</p>', html, re.S).group(1)
    assert line.startswith(said), line
    assert ('href="tel:03172720000"' in line) == hotline[0].isdigit() and ('href="#supervise"' in line) != hotline[0].isdigit(), line
    assert 'id="supervise"' in html


def test_a_zone_whose_phone_is_the_hotline_shows_it_once_on_its_first_screen(tmp_path):
    """Audit AN 8: a zone answered at the hotline (95598) showed it twice, as if two numbers to call."""
    zone = FILES["content/zones/garden.yaml"].replace("service_phone: 0317-2720001", "service_phone: 0317-2720000")
    site = build_site(_without_printables(write_site(tmp_path / "src", {"content/zones/garden.yaml": zone})), tmp_path / "site")
    html = (site / "zones/garden/index.html").read_text(encoding="utf-8")
    assert 'class="call-supervise"' not in html and 'id="supervise"' in html
    aside = html[html.index('class="zone-aside"'):html.index('id="supervise"')]
    assert aside.count('href="tel:03172720000"') == 1, aside


def test_two_hotline_numbers_keep_the_pause_between_them_after_the_first(tmp_path):
    """Audit AA: at 195 px the line under the zone's phone broke 0317-2721365 / 、13931700001; each
    number and the pause after it are one box, and nothing of the hotline is lost or doubled."""
    org = FILES["content/org.yaml"].replace("hotline: 0317-2720000", "hotline: 0317-2721365、13931700001（夜间）")
    site = build_site(_without_printables(write_site(tmp_path / "src", {"content/org.yaml": org})), tmp_path / "site")
    html = (site / "zones/garden/index.html").read_text(encoding="utf-8")
    line = re.search(r'<p class="call-supervise">(.*?)</p>', html, re.S).group(1)
    boxes = re.findall(r'<span class="call-one"><a href="tel:(\d+)">(.*?)</a>([^<]*)</span>', line)
    assert [(dial, pause) for dial, _, pause in boxes] == [("03172721365", "、"), ("13931700001", "（夜间）")], line
    assert re.sub(r"<[^>]+>", "", line).endswith("0317-2721365、13931700001（夜间）"), line


def test_a_phone_with_a_thousand_brackets_is_drawn_whole():
    """A 2,000-character phone field of notes: its brackets are taken apart in a loop (a recursion
    over them ran out of stack at about 1,000)."""
    written = "0317-2721365（" + "a）" * 990
    runs = SiteView.call_runs(written)
    assert "".join(text + pause for text, _, pause in runs) == written and runs[0][1] == "03172721365"


def test_a_former_members_page_says_what_they_were(tmp_path):
    """Audit AS-M 12: a member who has left showed their post as if they held it still."""
    roster = FILES["members.yaml"].replace("    branch: b2\n    status: former\n",
                                           "    branch: b2\n    department: 绿化班\n    post: 网格员\n    title: 党小组长\n    status: former\n")
    config = _without_printables(write_site(tmp_path / "src", {"members.yaml": roster}))
    site = build_site(config, tmp_path / "src/site")
    former = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", (site / "members/ouyang-xiaohong/index.html").read_text(encoding="utf-8")))
    assert "原任 网格员 · 党小组长" in former, former
    assert "原所在支部 第二党支部" in former and "原部门/班组 绿化班" in former and "原岗位 网格员" in former and "原职务 党小组长" in former
    serving = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", (site / "members/zhang-wei/index.html").read_text(encoding="utf-8")))
    assert "原" not in serving.split("所在支部")[0][-3:] and " 所在支部 " in serving


def test_zones_are_listed_by_name_with_numbers_by_value(tmp_path):
    """Audit AS-M 6: zones stood in their ids' order (dier, disan, diyi: 第二、第三、第一网格;
    loudong-12 before loudong-3), on /zones/ and /print/ and in all.pdf alike."""
    names = {"diyi-wangge": "第一网格", "dier-wangge": "第二网格", "shi-wangge": "第十网格", "disan-wangge": "第三网格",
             "loudong-12": "12号楼", "loudong-3": "3号楼"}
    files = {f"content/zones/{zid}.yaml": _zone_file(zid, "b1", n).replace(f"name: {zid}责任区", f"name: {name}责任区")
             for n, (zid, name) in enumerate(names.items())}
    assert all(f"name: {name}责任区" in text for name, text in zip(names.values(), files.values()))
    config = _without_printables(write_site(tmp_path / "src", files))
    text = page_text(build_site(config, tmp_path / "src/site"), "zones/")
    shown = sorted(names.values(), key=lambda name: text.index(name + "责任区"))
    assert shown == ["3号楼", "12号楼", "第一网格", "第二网格", "第三网格", "第十网格"], shown


@pytest.mark.parametrize("opener", [">", ">-", ">+"])
def test_a_text_folded_with_paragraphs_and_a_list_is_shown_as_laid_out(tmp_path, opener):
    """Audit AS-R 1: `content: >` with a blank line or a list was refused, though the format asks
    only for Markdown and YAML reads it; its folding would run them into one paragraph."""
    root = write_site(tmp_path / "src", {"content/zones/garden.yaml": FILES["content/zones/garden.yaml"].replace(
        "scope: 花园一片\n", f"scope: 花园一片\ncontent: {opener}\n  第一段，\n  接着写。\n\n  - 一项\n  - 两项\n")})
    site = build_site(root / "mkdocs.yml", tmp_path / "site")
    html = (site / "zones/garden/index.html").read_text(encoding="utf-8")
    assert re.search(r"<p>第一段，接着写。</p>\s*<ul>\s*<li>一项</li>\s*<li>两项</li>\s*</ul>", html), html


def test_a_promise_on_the_zone_page_shows_what_was_done_and_its_review(tmp_path):
    """Audit AS-T L1: the page a sign's QR code opens showed the promises and nothing of their
    fulfilment, which the year's wall counts; each now links to its record and shows its review."""
    site = build_site(_without_printables(write_site(tmp_path / "src", {
        "content/commitments/2026.yaml": FILES["content/commitments/2026.yaml"] + "    progress:\n      - {date: 2026-05-01, text: 微笑服务}\n"})), tmp_path / "site")
    zone = (site / "zones/garden/index.html").read_text(encoding="utf-8")
    feet = re.findall(r'<p class="commitment-foot meta">(.*?)</p>', zone, re.S)
    assert len(feet) == 2, feet  # the leader's card, then li-na's promise
    assert 'href="../../members/zhang-wei/#commitment-2026">1 条践诺记录</a>' in feet[0] and "评诺" in feet[0] and "优秀" in feet[0], feet[0]
    assert 'href="../../members/li-na/#commitment-2026">1 条践诺记录</a>' in feet[1] and "评诺" not in feet[1], feet[1]
    assert 'id="commitment-2026"' in (site / "members/li-na/index.html").read_text(encoding="utf-8")


def test_a_promise_on_the_wall_shows_the_latest_of_what_was_done_or_that_nothing_is_recorded(tmp_path):
    """Audit AS-AA M3: the wall showed "2 条践诺记录" and nothing of what they said, and a promise with
    none showed nothing: "nothing recorded" looked like "not shown". The latest is shown, with its
    date, and none is said."""
    site = build_site(_without_printables(write_site(tmp_path / "src", {
        "content/commitments/2026.yaml": FILES["content/commitments/2026.yaml"].replace(
            "      - {date: 2026-03-12, text: 补植草坪}\n", "      - {date: 2026-06-02, text: 修好喷灌}\n      - {date: 2026-03-12, text: 补植草坪}\n")})),
        tmp_path / "site")
    wall = page_text(site, "commitments/2026/")
    assert "最近践诺 2026-06-02 修好喷灌 2 条践诺记录" in wall and "补植草坪" not in wall, wall
    assert re.search(r"热情服务 暂无践诺记录", wall), wall
    zone = page_text(site, "zones/garden/")
    assert "最近践诺 2026-06-02 修好喷灌" in zone and "暂无践诺记录" in zone, zone
