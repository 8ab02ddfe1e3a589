"""Characters the print font lacks: set from a face that comes with it, left out with a notice
(emoji, letters of another script), or an error (a hanzi no face has, a person's name)."""

from __future__ import annotations

import logging
import re
import subprocess
import tempfile
from pathlib import Path

import pytest

from conftest import REPO
from liangxiang.print.plan import inked
from liangxiang.print.signboardcontent import Person
from minimal_site import FILES
from test_print import LONG_DUTY, build, failing_build, pdf_text, squash, zone_file

UYGHUR = "ئىتتىپاقلىق كۈچ"  # "unity is strength", as a bilingual sign in Xinjiang writes it beside the Chinese
UYGHUR_DUTY = "مەھەللىدىكى يېشىل بەلباغ، يول، چىراغ ۋە ئورۇندۇقلارنى كۈنىگە ئىككى قېتىم تەكشۈرۈش"
TIBETAN = "བཀྲ་ཤིས་བདེ་ལེགས"


def said(caplog) -> str:
    return "\n".join(r.getMessage() for r in caplog.records)


def test_a_character_the_font_lacks_is_set_in_a_face_that_comes_with_it(tmp_path):
    """𠮷 (U+20BB7) is in Noto Sans JP and 𡘙 (U+21619) in Noto Sans TC, not in Noto Sans SC: a
    name holding them is printed, bold on the sign and regular on the plate, from those faces
    (audit A, session 20: the build stopped)."""
    members = FILES["members.yaml"].replace("    name: 张伟\n", "    name: 张𠮷𡘙\n")
    site = build(tmp_path, {"members.yaml": members})
    for pdf in (site / "print/signboards/garden.pdf", site / "print/plates/zhang-wei.pdf"):
        assert "张𠮷𡘙" in pdf_text(pdf), pdf
        fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
        assert re.search(r"\+NotoSansJP(Bold)?\s", fonts) and re.search(r"\+NotoSansTC(Bold)?\s", fonts), fonts
        assert "Thin" not in fonts, fonts
    # a plate without them embeds no fallback face
    fonts = subprocess.run(["pdffonts", str(site / "print/plates/li-na.pdf")], capture_output=True, text=True).stdout
    assert fonts and "NotoSansJP" not in fonts and "NotoSansTC" not in fonts, fonts


def test_a_character_the_font_lacks_is_an_error_not_tofu(tmp_path, caplog):
    members = FILES["members.yaml"].replace("    name: 张伟\n", "    name: 𪚥伟\n")
    errors = failing_build(tmp_path, {"members.yaml": members}, caplog)
    assert re.search(r"members\.yaml:3:\d+: members\[1\]\.name: 字体“Noto Sans SC”里没有 “𪚥”（U\+2A6A5）", errors), errors


def test_invisible_characters_pasted_from_a_phone_are_left_out_of_print(tmp_path):
    """❤️ is ❤ + U+FE0F; text from web pages carries zero-width spaces: no font has them, none of them shows."""
    zone = zone_file(scope="花坛\u200b及绿篱，☎\ufe0f随叫随到\u00ad。") + "slogan: 献红色爱心\ufeff\n"
    site = build(tmp_path, {"content/zones/garden.yaml": zone})
    text = pdf_text(site / "print" / "signboards" / "garden.pdf")
    assert squash("花坛及绿篱，☎随叫随到。") in text and "献红色爱心" in text, text


def test_invisible_characters_are_taken_out_of_nested_texts_and_clean_ones_are_not_copied():
    dirty = (Person("监督员\u200b", "王\ufeff芳"), "花坛\u00ad", Person("联络员", "李娜"))
    assert inked(dirty) == (Person("监督员", "王芳"), "花坛", Person("联络员", "李娜"))
    clean = (Person("监督员", "王芳"), "花坛")
    assert inked(clean) is clean and inked(clean[0]) is clean[0]


def test_an_emoji_is_left_out_of_print_with_a_notice_on_every_build(tmp_path, caplog):
    """The format allows 👍 in a slogan and the site shows it: the build goes on (session 43's audit P:
    it stopped), the sign prints the rest, and the editor is told on this build and on the next, which
    lays nothing out."""
    files = {"content/zones/garden.yaml": zone_file() + "slogan: 献红色爱心👍\n"}
    line = files["content/zones/garden.yaml"].count("\n")
    for name in ("src", "src"):  # the second build takes the layout from the cache
        caplog.clear()
        with caplog.at_level(logging.INFO):
            site = build(tmp_path, files, name=name)
        assert re.search(rf"提示：content/zones/garden\.yaml:{line}:\d+: slogan: “👍”（U\+1F44D） 是表情符号，印不出来，"
                         r"标志牌和桌牌上略去了 \(网页上照常显示", said(caplog)), said(caplog)
    text = pdf_text(site / "print/signboards/garden.pdf")
    assert "献红色爱心" in text and "👍" not in text, text
    assert "献红色爱心👍" in (site / "zones/garden/index.html").read_text(encoding="utf-8")


def test_an_emoji_in_a_members_name_is_said_once_where_the_name_is_written(tmp_path, caplog):
    """Audit 34: li-na's name is on the garden sign twice (a role, the members) and on her plate;
    it was said at the zone's lines too, which hold only her id."""
    members = FILES["members.yaml"].replace("    name: 李娜\n", "    name: 李娜🌸\n")
    with caplog.at_level(logging.INFO):
        site = build(tmp_path, {"members.yaml": members, "content/zones/garden.yaml": zone_file().replace(
            "  - {role: 监督员, name: 王芳}\n", "  - {role: 监督员, name: 王芳}\n  - {role: 安全员👍, name: 赵六}\n")})
    notices = [line for line in said(caplog).splitlines() if "表情符号" in line]
    assert len(notices) == 2, notices
    assert notices[0].startswith("提示：content/zones/garden.yaml:11:6: roles[3].role: “👍”（U+1F44D） 是表情符号"), notices
    assert notices[1].startswith("提示：members.yaml:12:5: members[2].name: “🌸”（U+1F338） 是表情符号"), notices
    for pdf in ("signboards/garden.pdf", "plates/li-na.pdf"):
        assert "李娜" in pdf_text(site / "print" / pdf) and "🌸" not in pdf_text(site / "print" / pdf)


def test_a_uyghur_slogan_beside_the_chinese_is_printed_joined_from_the_arabic_face(tmp_path, caplog):
    """Signs in Xinjiang are bilingual: the Uyghur is printed (session 44; it stopped the build, then
    was left out), from Noto Sans Arabic, shaped by HarfBuzz, the duties wrapping between its words."""
    duty = f"每天巡查 {UYGHUR_DUTY}"
    files = {"content/zones/garden.yaml": zone_file(duties=f"\n  - {duty}\n  - 浇水") + f"slogan: 团结一心 {UYGHUR}\n"}
    with caplog.at_level(logging.INFO):
        site = build(tmp_path, files)
    notices = [line for line in said(caplog).splitlines() if line.startswith("提示：")]
    assert not any("slogan" in line or "duties" in line for line in notices), notices
    pdf = site / "print/signboards/garden.pdf"
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"\+NotoSansArabic\s", fonts), fonts
    text = pdf_text(pdf)
    assert "团结一心" in text and set(UYGHUR + UYGHUR_DUTY) - set(" ،") <= set(text), text
    assert UYGHUR in (site / "zones/garden/index.html").read_text(encoding="utf-8")


def test_a_uyghur_run_is_measured_as_it_is_drawn_and_wrapped_between_words():
    """The layout's width of a run is the shaped width fpdf2 draws (isolated letters are wider), and a
    line breaks between words, never inside one."""
    from fpdf import FPDF

    from liangxiang.print.fallback import sources
    from liangxiang.print.fonts import prepare_fonts
    from liangxiang.print.metrics import metrics_for
    from liangxiang.print.text import wrap

    metrics = metrics_for(prepare_fonts(None, REPO, Path(tempfile.mkdtemp())))
    arabic = next(path for path in sources() if "Arabic" in path.name)
    pdf = FPDF(unit="mm")
    pdf.add_font("arabic", "", str(arabic))
    pdf.set_font("arabic", "", 10 * 72 / 25.4)
    pdf.set_text_shaping(True)
    assert abs(metrics.width(UYGHUR, 10) - pdf.get_string_width(UYGHUR)) < 0.01
    pdf.set_text_shaping(False)
    assert metrics.width(UYGHUR, 10) < pdf.get_string_width(UYGHUR) - 1, "joined letters take less room"
    lines = wrap(UYGHUR_DUTY, metrics, 10, 60)
    assert len(lines) > 2 and " ".join(lines).split() == UYGHUR_DUTY.split(), lines


def test_a_tibetan_slogan_beside_the_chinese_is_left_out_of_print_with_a_notice(tmp_path, caplog):
    """No face that comes with the font has Tibetan, whose letters stack: the Chinese is printed, the
    notice names the letters left out and does not send the editor to a font that would print them apart."""
    files = {"content/zones/garden.yaml": zone_file() + f"slogan: 团结一心 {TIBETAN}\n"}
    with caplog.at_level(logging.INFO):
        site = build(tmp_path, files)
    assert re.search(r"提示：content/zones/garden\.yaml:\d+:\d+: slogan: 字体“Noto Sans SC”里没有 “བ”（U\+0F56）、.*等，"
                     r"标志牌和桌牌上略去了含这些字的词（བཀྲ、ཤིས、བདེ、ལེགས），其余照印 \(网页上照常显示；自带的字体印不了这种文字\)", said(caplog)), said(caplog)
    text = pdf_text(site / "print/signboards/garden.pdf")
    assert "团结一心" in text and not re.search("[\u0f00-\u0fff]", text), text
    assert TIBETAN in (site / "zones/garden/index.html").read_text(encoding="utf-8")


def test_a_letter_no_face_has_takes_its_word_out_of_print_not_only_itself(tmp_path, caplog):
    """Audit Q: Noto Sans SC has Cyrillic but not the ү of Mongolian in Cyrillic: the sign printed
    the misspelt Аюулгй. The word goes, the rest is printed, and the notice names the word."""
    files = {"content/zones/garden.yaml": zone_file() + "slogan: Аюулгүй ажиллагаа — 安全第一\n"}
    with caplog.at_level(logging.INFO):
        site = build(tmp_path, files)
    assert re.search(r"slogan: 字体“Noto Sans SC”里没有 “ү”（U\+04AF），标志牌和桌牌上略去了含这些字的词（Аюулгүй），其余照印 "
                     r"\(网页上照常显示；要印出来，在 mkdocs.yml 的 liangxiang 插件下", said(caplog)), said(caplog)
    text = pdf_text(site / "print/signboards/garden.pdf")
    assert "ажиллагаа—安全第一" in text and "Аюулг" not in text, text


def test_a_field_or_a_name_with_nothing_left_to_print_is_an_error(tmp_path, caplog):
    """Left out, a scope written only in Tibetan would print an empty scope, and a name another name:
    both stop the build, said at their lines."""
    members = FILES["members.yaml"].replace("    name: 李娜\n", "    name: བཀྲ་ཤིས\n")
    errors = failing_build(tmp_path, {"content/zones/garden.yaml": zone_file(scope=TIBETAN), "members.yaml": members}, caplog)
    assert re.search(r"garden\.yaml:4:\d+: scope: 字体“Noto Sans SC”里没有 “བ”（U\+0F56）.*略去含这些字的词后，这一项就没有字可印了 "
                     r"\(自带的字体印不了这种文字：这里也写上中文", errors), errors
    assert re.search(r"members\.yaml:12:\d+: members\[2\]\.name: 字体“Noto Sans SC”里没有 .*人名里的字不能略去 "
                     r"\(自带的字体印不了这种文字：人名写汉字译名", errors), errors


def test_one_run_reports_content_errors_and_what_cannot_be_printed(tmp_path, caplog):
    """A wrong date in a story does not hide a name the font lacks until the next run."""
    members = FILES["members.yaml"].replace("    name: 张伟\n", "    name: 𪚥伟\n")
    story = FILES["content/stories/a-key.md"].replace("date: 2016-05-12", "date: 2016-5-12")
    errors = failing_build(tmp_path, {"members.yaml": members, "content/stories/a-key.md": story}, caplog)
    assert "content/stories/a-key.md:3:1: date:" in errors and "“2016-5-12”" in errors, errors
    assert re.search(r"members\.yaml:3:\d+: members\[1\]\.name: 字体“Noto Sans SC”里没有 “𪚥”", errors), errors


def test_a_field_error_does_not_hide_what_the_same_record_cannot_print(tmp_path, caplog):
    """A typo in one field of a zone or a member: the rest of the record is still laid out, so that
    duties too long for the sign and a name the font lacks are reported in the same run."""
    duties = "\n" + "".join(f"  - 第{i}条：{LONG_DUTY}\n" for i in range(1, 61))
    zone = zone_file(duties=duties.rstrip("\n")) + "slogn: 献红色爱心\nsignboard: {size: A4}\n"
    members = FILES["members.yaml"].replace("post: 绿化养护员", "post: 绿化养护员\n    department: 𪚥班").replace("joined: 2008", "joined: 二〇〇八")
    errors = failing_build(tmp_path, {"content/zones/garden.yaml": zone, "members.yaml": members}, caplog)
    assert re.search(r"garden\.yaml:\d+:1: slogn: 不认识的字段", errors), errors
    assert re.search(r"garden\.yaml:\d+:\d+: duties: 工作职责太长", errors), errors
    assert re.search(r"members\.yaml:\d+:\d+: members\[1\]\.joined:", errors), errors
    assert re.search(r"members\.yaml:\d+:\d+: members\[1\]\.department: 字体“Noto Sans SC”里没有 “𪚥”", errors), errors


def test_a_hidden_flag_written_wrong_does_not_lay_out_a_plate(tmp_path, caplog):
    """`hidden: 是` is an error; the member is not then checked as if public (left out, the flag
    would mean public)."""
    members = FILES["members.yaml"].replace("post: 绿化养护员", "post: 𪚥养护员\n    hidden: 是")
    errors = failing_build(tmp_path, {"members.yaml": members}, caplog)
    assert "members[1].hidden" in errors and "𪚥" not in errors, errors


def test_a_rare_character_in_a_name_is_kept_and_a_font_is_named(tmp_path, caplog, monkeypatch):
    """𪚥 (outside the BMP) in a person's name is not a typo: the hint says to keep it and names
    an installed font that has it and Chinese (here a folder of two fonts with it), each character once."""
    from fontTools.fontBuilder import FontBuilder
    from fontTools.pens.ttGlyphPen import TTGlyphPen

    from liangxiang.print import fontsearch

    def font(name: str, codes) -> None:
        builder = FontBuilder(1000, isTTF=True)
        builder.setupGlyphOrder([".notdef", "ji"])
        builder.setupCharacterMap({code: "ji" for code in codes})
        builder.setupGlyf({name: TTGlyphPen(None).glyph() for name in (".notdef", "ji")})
        builder.setupHorizontalMetrics({".notdef": (500, 0), "ji": (1000, 0)})
        builder.setupHorizontalHeader(ascent=880, descent=-120)
        builder.setupNameTable({"familyName": name, "styleName": "Regular"})
        builder.setupOS2()
        builder.setupPost()
        builder.save(str(folder / f"{name}.ttf"))

    folder = tmp_path / "fonts"
    folder.mkdir()
    font("AHanRare", [0x2A6A5])  # searched first, but without Chinese it would leave the sign's own words unprinted
    font("RareHan", [0x2A6A5, *range(0x20, 0x7F), *range(0x3000, 0x3040), *range(0x4E00, 0xA000), *range(0xFF01, 0xFF5F)])
    monkeypatch.setattr(fontsearch, "FOLDERS", (str(folder),))
    members = FILES["members.yaml"].replace("    name: 张伟\n", "    name: 𪚥𪚥伟\n")
    errors = failing_build(tmp_path, {"members.yaml": members}, caplog)
    assert re.search(r"members\[1\]\.name: 字体“Noto Sans SC”里没有 “𪚥”（U\+2A6A5），印出来会是方框 "
                     r"\(人名里的字不要改：在 mkdocs.yml 的 liangxiang 插件下写 font: \S*RareHan\.ttf", errors), errors


@pytest.mark.parametrize("line, pieces", [
    # audit R: a dash or a full-width colon between two Uyghur phrases swapped them on the sign
    ("ئىتتىپاقلىق كۈچ — خەلققە خىزمەت", [("خەلققە خىزمەت", True), (" — ", False), ("ئىتتىپاقلىق كۈچ", True)]),
    ("كۈچ：خىزمەت", [("خىزمەت", True), ("：", False), ("كۈچ", True)]),
    # a line that begins in Uyghur reads from the right: its number is at the right end
    ("24 سائەت مۇلازىمەت", [("سائەت مۇلازىمەت", True), (" ", False), ("24", False)]),
    # brackets around Uyghur, drawn right to left, are mirrored
    ("(ئۇيغۇرچە، خەنزۇچە)", [("(", False), ("ئۇيغۇرچە، خەنزۇچە", True), (")", False)]),
    # a line that begins in Chinese reads from the left, its Uyghur from the right
    ("团结一心 ئىتتىپاقلىق كۈچ", [("团结一心 ", False), ("ئىتتىپاقلىق كۈچ", True)]),
])
def test_a_line_with_uyghur_is_drawn_in_the_bidi_algorithms_order(line, pieces):
    """Left to right as drawn; a shaped piece in logical order (the shaper sets it right to left).
    Read against Chromium's rendering of the same lines (audit R)."""
    from liangxiang.print.shaping import visual_pieces

    assert visual_pieces(line) == pieces


@pytest.mark.parametrize("char", ["\U0002EBF0", "\U00031350", "\U0002A6A5"])  # Extensions I, H, B
def test_a_rare_hanzi_is_said_as_one_not_as_a_foreign_script(char):
    """Audit AH F10: a hanzi newer than Python's Unicode (Extension I) was "this script": the hint
    said to write a Uyghur name's Chinese transliteration, for a Han name's 生僻字."""
    from liangxiang.print.glyphs import Unprintable, as_written

    from liangxiang.model import Member

    member = Member(id="wang-x", name=f"王{char}国", branch="b1")
    message, hint = Unprintable(member, ("name",), (char,), person=True).error("Noto Sans SC", None)
    assert as_written(char) and "印出来会是方框" in message and "译名" not in hint and "font" in hint, (message, hint)


def test_a_rare_hanzi_beside_an_emoji_is_said_as_a_hanzi_and_an_emoji():
    """Audit AS-AC H1: 刘𪚥😀 was told to write a Uyghur name's Chinese transliteration (例如 阿依古丽)."""
    from liangxiang.model import Member
    from liangxiang.print.glyphs import Unprintable

    member = Member(id="liu-x", name="刘𪚥😀", branch="b1")
    message, hint = Unprintable(member, ("name",), ("𪚥", "😀"), person=True).error("Noto Sans SC", None)
    assert message.startswith("“😀”（U+1F600） 是表情符号，印不出来；字体“Noto Sans SC”里没有 “𪚥”（U+2A6A5），印出来会是方框"), message
    assert hint.startswith("删掉表情符号；人名里的字不要改：") and "font" in hint and "译名" not in hint, hint
