"""What a single value of content format v1 may be: ids, dates, years, scores, phone numbers, and
duties with the numbering pasted from Word taken off.

The record models (``model``) are built from these types; their errors are worded in Chinese
because editors read them.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterator
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, Field, Strict, StringConstraints
from pydantic_core import PydanticCustomError

from .problems import shortened

ID_PATTERN = r"^[a-z0-9][a-z0-9-]{0,63}$"
PERIOD_PATTERN = r"^(19[0-9]{2}|20[0-9]{2}|2100)-Q[1-4]$"  # the years Year takes
SIDE_MM = r"(?:[1-9][0-9]{2}|[1-4][0-9]{3}|5000)"  # 100 to 5000 mm: a sign's text fits, and a PDF page holds it
SIZE_PATTERN = rf"^(60x40cm|80x60cm|A3|A4|{SIDE_MM}x{SIDE_MM}mm)$"


def _parse_date(value: Any) -> Any:
    if isinstance(value, str) and re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value.strip()):
        try:
            value = dt.date.fromisoformat(value.strip())
        except ValueError:
            raise PydanticCustomError("date_invalid", "没有这一天：“{value}”", {"value": value}) from None
    if not isinstance(value, dt.date):
        raise PydanticCustomError("date_format", "日期要写成 YYYY-MM-DD，例如 2026-03-12", {})
    if not FIRST_YEAR <= value.year <= LAST_YEAR:  # 1026-04-10: one key slipped (load.meant guesses the year)
        raise PydanticCustomError("date_year", "日期 {value} 的年份不对：要在 {first} 到 {last} 之间",
                                  {"value": value.isoformat(), "first": FIRST_YEAR, "last": LAST_YEAR})
    return value


# Characters that show nothing but change what a text is: zero-width spaces, direction marks and
# overrides (U+202E shows a text backwards), soft hyphens, the BOM. Text pasted from web pages and
# chat apps carries them; published, a name with one is not found by search and reads differently
# when copied. Zero-width joiners and variation selectors stay (emoji are made of them), but not
# beside a Hanzi (张\u200d伟 is not found by 张伟); nor the Hangul fillers that show as a blank.
CJK = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\U00020000-\U0003ffff"  # Hanzi and their marks, as a character class's inside
UNSEEN = re.compile("[\u00ad\u115f\u1160\u180e\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\u3164\ufeff\uffa0]"
                    f"|(?<=[{CJK}])[\u200c\u200d]|[\u200c\u200d](?=[{CJK}])")


# combining marks (accents); theme/js/search.js strips the same ones
# what a spreadsheet or a form holds for "there is none" (无, /, N/A): a value that says nothing,
# published as it is ("N/A · None" under a name), where an optional field is left out
NONE_WRITTEN = re.compile(r"[（(【\[]?\s*(?:无|暂无|暂缺|没有|空|空白|无此项|不详|不适用|/|／|\\|-|－|—|–|N/?A|None|null|nil)\s*[）)】\]]?",
                          re.IGNORECASE)
# the hint for one written as an item of a list, as an optional field and as a required one
NONE_HINTS = ("删掉这一项（一项都没有的话，整个列表都不写）", "没有就删掉这一行：可选的项目不写，网页上就不显示这一项", "这一项必须写：写上真正的内容")


def none_said(text: str, printed: bool = False) -> str:
    return f"“{text.strip()}”是说没有，会照原样发布在网页上{'，印在标志牌或桌牌上' if printed else ''}"
ACCENTS = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
APOSTROPHES = "'’‘ʼ`"


def unaccented(text: str) -> str:
    """Seán -> Sean, full-width letters as ASCII (NFKC): a name as a phone keyboard types it."""
    import unicodedata

    return unicodedata.normalize("NFKC", ACCENTS.sub("", unicodedata.normalize("NFKD", text)))


def _unseen_removed(value: Any) -> Any:
    """Stripped too, before the length is checked: a name of one full-width space (left by an
    input method) is empty, not a name (pydantic strips after counting)."""
    return UNSEEN.sub("", value).strip() if isinstance(value, str) else value


ID_LENGTH = 64  # characters at most
Id = Annotated[str, StringConstraints(pattern=ID_PATTERN, max_length=ID_LENGTH)]
# json_schema_extra "x-…": what schema.py says of a kind of value to editors (a pattern, its words)
Text = Annotated[str, BeforeValidator(_unseen_removed), StringConstraints(strip_whitespace=True, min_length=1, max_length=2000),
                 Field(json_schema_extra={"x-text": True})]
CJK_QUOTES = "\u2018\u2019\u201c\u201d\u2026\u2014"  # ‘’“”…—: in Chinese text as often as in English
_CJK = f"[{CJK}]"


def one_line(value: str) -> str:
    """A name written over two lines (`name: |`) as one: beside Chinese joined as it is read,
    between other words with a space. A page shows a line break in a name as a space (同心广场 优秀…)."""
    if "\n" not in value:
        return value
    return re.sub(r"\s*\n\s*", " ", re.sub(rf"(?<={_CJK})\s*\n\s*|\s*\n\s*(?={_CJK})", "", value))


Name = Annotated[Text, AfterValidator(one_line)]  # names and titles: one line


def _one_item(shown_as: str):
    """[党员示范岗，青年文明号] with a full-width comma is one item: it would show as one badge
    (or, in story_categories, be one category that no story's category matches)."""
    def one(value: str) -> str:
        parts = [part.strip() for part in re.split(r"[，、；]", value) if part.strip()]
        if len(parts) > 1:
            raise PydanticCustomError("one_tag", "“{value}”会当成" + shown_as + "：里面有全角逗号或顿号",
                                      {"value": value, "parts": ", ".join(parts)})
        return value
    return one


Tag = Annotated[Text, AfterValidator(_one_item("一个标识")), Field(json_schema_extra={"x-one-item": True})]
Category = Annotated[Text, AfterValidator(_one_item("一个类别")), Field(json_schema_extra={"x-one-item": True})]
Method = Annotated[Text, AfterValidator(_one_item("一种考核方式")), Field(json_schema_extra={"x-one-item": True})]
MARKDOWN_MOST = 200_000  # characters of one Markdown text: a page a phone still opens
Markdown = Annotated[str, StringConstraints(min_length=1, max_length=MARKDOWN_MOST), Field(json_schema_extra={"contentMediaType": "text/markdown"})]


def _not_pasted_data(value: Any) -> Any:
    """data:image/jpeg;base64,… (an image copied from a web page or WeChat): said as what it is,
    not as a path 40,000 characters too long."""
    if isinstance(value, str) and value.lstrip()[:5].lower() == "data:":
        raise PydanticCustomError("image_data", "这里写的是一长串图片数据（“data:”开头），不是图片文件的路径", {})
    return value


ImagePath = Annotated[str, BeforeValidator(_unseen_removed), BeforeValidator(_not_pasted_data), StringConstraints(strip_whitespace=True, min_length=1, max_length=500), Field(description="相对于 content/ 的图片路径（JPEG、PNG 或 WebP）")]
Date = Annotated[dt.date, BeforeValidator(_parse_date)]


_PLAIN_NUMBER = {"int_type": re.compile(r"\s*[-+]?[0-9]+\s*"), "float_type": re.compile(r"\s*[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)\s*")}


def _plainly_a_number(kind: str):
    """A number as people write one. YAML's true and false are none (`score: true` would be
    published as 1 分), nor are 9_0, 9e1 or !!binary, which Python would read as 90, nor a year
    written 2.008e3 or 2008.0 (YAML reads both as a float)."""
    def check(value: Any) -> Any:
        if (isinstance(value, (bool, bytes, bytearray))
                or kind == "int_type" and isinstance(value, float)
                or isinstance(value, str) and not _PLAIN_NUMBER[kind].fullmatch(value)):
            raise PydanticCustomError(kind, "应该是数字" if kind == "float_type" else "应该是整数", {})
        return value
    return BeforeValidator(check)


FIRST_YEAR, LAST_YEAR = 1900, 2100  # what a year field takes
Year = Annotated[int, Field(ge=FIRST_YEAR, le=LAST_YEAR), _plainly_a_number("int_type")]
# 89.99999999999999 from a spreadsheet is 90: graded 优秀, not 良好 (a score has at most a few decimals).
# Only a float's noise is rounded away: 69.99999999 written by hand stays under 70 (AS-AC M1)
Score = Annotated[float, _plainly_a_number("float_type"), Field(allow_inf_nan=False), AfterValidator(lambda value: round(value, 10))]
Flag = Annotated[bool, Strict()]  # true or false: "yes" or "1" would hide a member without the hidden checks
Period = Annotated[str, StringConstraints(pattern=PERIOD_PATTERN)]
SignboardSize = Annotated[str, StringConstraints(pattern=SIZE_PATTERN)]
# Chinese line-breaking rules (GB/T 15834): what may not start a line, and what may not end one
NO_LINE_START = "，。、；：！？）」』”’》〉】〕…·%％℃‰,.;:!?)]}—～"
NO_LINE_END = "（「『“‘《〈【〔([{"
FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
FULL_WIDTH_PHONE = str.maketrans("－—–‐　", "---- ")
# digits with the dashes and spaces between them: a number as typed ("０３１７－２７２０００１")
_DIGIT_RUN = re.compile(r"\d(?:[\d\-－—–‐ 　]*\d)?")


def _digits(value: str) -> str:
    """Full-width digits and a number's dashes from an input method become ASCII, so that the call
    link dials them; a note's dash ("工作日8:00—17:30") is the editor's."""
    value = value.translate(FULL_WIDTH_DIGITS)
    return _DIGIT_RUN.sub(lambda run: run.group(0).translate(FULL_WIDTH_PHONE) if sum(map(str.isdigit, run.group(0))) >= 7
                          else run.group(0), value).strip()


# a phone number as written (after NFKC or _digits): an area code may stand in brackets, "(0996)2145678";
# brackets after the number are a note, "0996-2120088(24小时)"
PHONE_NUMBER = re.compile(r"\+?(?:\d{1,4}[ \-]*)?(?:[(（]\d{1,5}[)）][ \-]*)?\d[\d \-\u2010-\u2015]*")
TRANSFER_WORDS = "转|分机|内线"  # the words before an extension written apart from its line
_AFTER_TRANSFER = re.compile(rf"(?:{TRANSFER_WORDS}|ext\.?|x|#)\s*$", re.IGNORECASE)
# a landline with its area code, or a mobile, written as one: where such a number ends is sure
_WRITTEN_WHOLE = re.compile(r"(?:[(（]?0\d{2,3}[)）]?[ \-\u2010-\u2015]?[2-9]\d{6,7}|1[3-9]\d{9})(?:[\-\u2010-\u2015]\d{1,6})?(?!\d)")


_COUNT_GLUED = re.compile(r"[\u3400-\u9fff×xX*]")  # 24小时, 7×24: a count, not a number to dial


def phone_numbers(text: str) -> Iterator[re.Match[str]]:
    """The numbers in a phone field, as PHONE_NUMBER finds them, but where a number as written
    ends before what a space glues on: "0317-2721365 2号楼" is 0317-2721365 and a note (not a call
    to 031727213652), "转8001 0317-2721366" an extension and the next number. Two whole numbers
    side by side stay one run, which the phone's check calls two numbers (side_by_side)."""
    position = 0
    while (found := PHONE_NUMBER.search(text, position)) is not None:
        end = found.end()
        digits = re.sub(r"\D", "", found.group(0))
        if _COUNT_GLUED.match(text, end) and len(digits) <= 4 and not whole_number(digits) and PHONE_NUMBER.search(text, end) is not None:
            position = end  # 24小时服务 0317-2721365, 7×24小时热线…: a count glued to its word, a number after it (AS-AF)
            continue
        written = _WRITTEN_WHOLE.match(text, found.start())
        if (written and written.end() < end and end < len(text) and not text[end].isspace()
                and not whole_number(re.sub(r"\D", "", text[written.end():end]))):
            end = written.end()  # 2号楼: the digits of a note after the number
        else:
            extension = _AFTER_TRANSFER.search(text, 0, found.start()) is not None  # 转8001 …: what follows may be the next line
            for space in re.finditer(r" +", found.group(0)):
                before = found.group(0)[:space.start()]
                if (not before.startswith(("+", "00")) and sum(map(str.isdigit, before)) >= 3
                        and (extension or not whole_number(re.sub(r"\D", "", split_extension(before)[0])))
                        and _WRITTEN_WHOLE.match(text, found.start() + space.end())):
                    end = found.start() + space.start()  # 8001 0317-2721366: an extension, then a number
                    break
        yield PHONE_NUMBER.match(text, found.start(), end) or found
        position = max(end, found.start() + 1)


LETTER_IN_NUMBER = re.compile(r"(?<=\d)[OoIl]|[OoIl](?=\d)|(?<=\d-)[OoIl]")  # letters typed for 0 and 1


def whole_number(digits: str) -> bool:
    """Digits a phone can dial: a short service number (12345, 95598), alone or after an area code,
    a local number of 7 or 8 digits, one with its area code (0317-2720000), a 400 or 800 number, a mobile's 11, or one with
    the country code; "0317272" is cut short."""
    if digits.startswith("0086"):  # China's country code dialled from abroad: 0086-317-2725120
        return len(digits) >= 13
    if digits.startswith("0"):  # the area code, then a local number of 8 digits after 010 and 02x, 7 or 8 after 0xxx
        code = area_code(digits) or digits[:4]
        if digits[len(code):len(code) + 1] in ("1", "9") and 3 <= len(digits) - len(code) <= 5:
            return True  # a city's service number from a mobile, 0318-12345 (a short number, as 12345 alone is)
        return len(digits) in ((11,) if area_code(digits) else (11, 12))
    if digits.startswith(("400", "800")) and len(digits) == 10:
        return True
    eleven = len(digits) == 11 and not digits.startswith(("400", "800"))  # a mobile, +852 2345 6789; 400-810-6688-2 is a line and its extension
    return 3 <= len(digits) <= 5 or 7 <= len(digits) <= 8 or eleven or (digits.startswith("86") and len(digits) >= 12)


def area_code(digits: str) -> str:
    """The area code a number starting with 0 dials, when it is one of the three-digit ones
    (010 Beijing, 02x); "" for the four-digit ones and a mobile dialled with a 0 before it."""
    return digits[:3] if digits.startswith(("010", "02")) else ""


def side_by_side(number: str) -> int:
    """How many whole numbers a run of digits and spaces holds ("0317-2721365 0317-2721366": 2), or 0."""
    parts = [re.sub(r"\D", "", part) for part in number.split()]
    if re.fullmatch(r"1[3-9]\d", parts[0]) and all(3 <= len(part) <= 4 for part in parts[1:]):
        return 0  # 139 3170 258: one mobile written as 3-4-4, a digit short (audit AS-M 2), not 3 service numbers
    return len(parts) if len(parts) > 1 and all(whole_number(part) for part in parts) else 0


def _cut_short(number: str, digits: str) -> str:
    """What is wrong with a number that is not whole, in words."""
    if several := side_by_side(number):
        return f"这里写了 {several} 个电话号码（现在是“{number.strip()}”）"
    if digits.startswith("0") and (area_code(digits) or not digits.startswith("01")):  # 01… other than 010: a mobile after a 0
        code = area_code(digits) or digits[:4]
        local, fewest = len(digits) - len(code), 8 if len(code) == 3 else 7
        wanted = "8" if len(code) == 3 else "7 或 8"
        return f"电话号码“{number.strip()}”{'不完整' if local < fewest else '多了数字'}：区号 {code} 后面的号码有 {local} 位，应该是 {wanted} 位"
    if re.match(r"1[3-9]", digits) and 9 <= len(digits) <= 13:
        return f"手机号码“{number.strip()}”{'不完整' if len(digits) < 11 else '多了数字'}：现在有 {len(digits)} 位数字，手机号应该是 11 位"
    return f"电话号码“{number.strip()}”不完整（{len(digits)} 位数字）"


def split_extension(number: str) -> tuple[str, str]:
    """A number and the extension written after its last hyphen ("0311-88000000-8001"), when the
    digits are too many for one number and those before that hyphen make one, or they are an
    area code and its local number ("0317-2720000-1": 0317-27200001 would be whole, but not as
    written); else (number, "")."""
    found = re.fullmatch(r"(.*\d)\s*[-\u2010-\u2015]\s*(\d{1,6})\s*", number)
    if found is None or not whole_number(re.sub(r"\D", "", found.group(1))):
        return number, ""
    landline = re.fullmatch(r"\s*[(（]?0\d{2,3}[)）]?\s*[-\u2010-\u2015 ]?\s*[2-9]\d{6,7}", found.group(1))
    if whole_number(re.sub(r"\D", "", number)) and not landline:
        return number, ""
    return found.group(1), found.group(2)


EMERGENCY = {"110": "报警电话", "119": "火警电话", "120": "急救电话", "122": "交通事故报警电话"}


def dialled_digits(value: str) -> str:
    """The digits a phone's call button dials: its first number's, without an extension."""
    number = next(phone_numbers(value), None)
    return re.sub(r"\D", "", split_extension(number.group(0))[0]) if number else ""


_MARK_IN_NUMBER = re.compile(r"\s*([:：.．#＃*＊])\s*\d+")  # digits glued on by a colon, a point, # or *: not a second number


def _dialable(value: str) -> str:
    """A zone's phone, printed on its metal sign, must hold a whole number (not “电话待定”). The
    org's hotline may be words (“见各责任区公示牌”), shown as text."""
    if (letter := LETTER_IN_NUMBER.search(value)) is not None:  # 0317-272331O: the call link would drop the O
        raise PydanticCustomError("phone_letter", "电话号码里有字母“{letter}”（现在是“{value}”）",
                                  {"letter": letter.group(), "value": value, "digit": "0" if letter.group() in "Oo" else "1"})
    number = next(phone_numbers(value), None)
    if number and (mark := _MARK_IN_NUMBER.match(value, number.end())):  # 2721:365 would dial 2721
        raise PydanticCustomError("phone_mark", "电话号码“{number}”中间有“{mark}”", {"number": number.group(0) + mark.group(0),
                                                                               "mark": mark.group(1)})
    digits = dialled_digits(value)
    if not digits:
        raise PydanticCustomError("phone_digits", "电话里没有号码（现在是“{value}”）", {"value": value})
    if not whole_number(digits):
        raise PydanticCustomError("phone_digits", "{said}", {"said": _cut_short(number.group(0), digits),
                                                             "several": side_by_side(number.group(0)),
                                                             "written": number.group(0).strip()})
    return value


def _not_a_spreadsheet_number(value: Any) -> Any:
    """A phone column copied from Excel arrives as 1.3899E+10 or 13899012345.0: read as a number,
    it would print "13899000000.0" and dial a number with its last digits lost."""
    if isinstance(value, float):
        raise PydanticCustomError("phone_float", "电话号码被表格软件改成了数字（现在读出来是“{value}”）",
                                  {"value": f"{value:.0f}" if value.is_integer() and abs(value) < 1e15 else str(value)})
    return value


def _no_markup(value: str) -> str:
    """A phone is printed on a metal sign and split into call links: code in it (<img …>) would be
    printed as it is, and its digits (alert(159)) dialled."""
    if (tag := re.search(r"<[^<>]{0,12}|[<>]", value)) is not None:
        raise PydanticCustomError("phone_markup", "电话里有网页代码“{tag}”（现在是“{value}”）", {"tag": tag.group(), "value": shortened(value, 40)})
    return value


_WORD_OR_CODE = re.compile(r"(?<![0-9])[A-Za-z]{2,}(?![0-9])|[=\"\\{}`]|/{2}")
_WORDS_BY_A_NUMBER = {"ext", "tel"}  # 0317-2721365 ext 8, Tel: 0317-2721365


def _no_code(value: str) -> str:
    """A zone's phone is the number its sign's button dials: javascript:alert(1337)//0317-2721365
    dialled 1337, and 请拨打 110 或访问 evil.invalid printed a host name on a metal sign (audit AS-AD M1).
    Chinese words beside the number stay (（24小时）, 转 8001); code, addresses and English do not."""
    for found in _WORD_OR_CODE.finditer(value):
        if found.group().lower() not in _WORDS_BY_A_NUMBER:
            raise PydanticCustomError("phone_markup", "电话里有英文、网址或网页代码“{tag}”（现在是“{value}”）",
                                      {"tag": found.group(), "value": shortened(value, 40)})
    return value


_QUOTED_WHOLE = re.compile(r"[“‘「『＂\"']\s*([^“”‘’「」『』＂\"']*?)\s*[”’」』＂\"']")


def _unquoted(value: str) -> str:
    """“027-85553000”: an input method's quotes for YAML's, kept by YAML and printed on the metal
    sign (audit AS-Y M1). Quotes around a phone never mean anything: they go, as full-width digits do."""
    return found.group(1) if (found := _QUOTED_WHOLE.fullmatch(value)) and found.group(1) else value


Phone = Annotated[str, BeforeValidator(_not_a_spreadsheet_number), BeforeValidator(_unseen_removed), StringConstraints(strip_whitespace=True, min_length=3, max_length=80),
                  AfterValidator(_unquoted), AfterValidator(_no_markup), AfterValidator(_digits), Field(json_schema_extra={"x-phone": "any"})]
# no length of its own: “待定” is said to hold no number, not to be too short
ServicePhone = Annotated[str, BeforeValidator(_not_a_spreadsheet_number), BeforeValidator(_unseen_removed), StringConstraints(strip_whitespace=True, min_length=1, max_length=80),
                         AfterValidator(_unquoted), AfterValidator(_no_markup), AfterValidator(_no_code), AfterValidator(_digits), AfterValidator(_dialable),
                         Field(json_schema_extra={"x-phone": "dialled"})]


# "1、", "1.", "1）", "(1)", "①", "一、", "（一）", "第一，" at the start of a duty: numbering pasted from
# Word; （一） is an official document's second level (GB/T 9704), printed "1. （一）…" (audit AS-X M1)
_DUTY_NUMBER = re.compile(r"\s*(?:(\d{1,2})\s*(?:[、．:：)）]|\.(?!\d))|[（(]\s*(\d{1,2})\s*[)）]|([①-⑳])"
                          r"|([一二三四五六七八九十]{1,2})\s*[、．.]|[（(]\s*([一二三四五六七八九十]{1,2})\s*[)）]"
                          r"|第([一二三四五六七八九十]{1,2})\s*[，,、：:])\s*")
# "1、2号楼…", "一、二号楼…": buildings 1 and 2, or a list's number before 2号楼; the same kind of
# numeral on both sides of 、 only ("2、十号楼", "1. 2号楼", "①2号楼" are numbered)
_NUMBER_OR_TEXT = re.compile(r"\s*(?:\d{1,2}\s*、\s*\d|[一二三四五六七八九十]{1,2}\s*、\s*[一二三四五六七八九十两])")
_CHINESE_NUMBERS = {word: index for index, word in enumerate(
    "一 二 三 四 五 六 七 八 九 十 十一 十二 十三 十四 十五 十六 十七 十八 十九 二十".split(), 1)}


def unnumbered(items: list[str]) -> list[str]:
    """Items without the numbers pasted with them from Word, where an item starts with its own
    place (1, 2, 3…) and at least two do, or the only one does; as they are otherwise
    ("24小时…", "1.5米…" are text). "一、二号楼…", "1、2号楼…" may name buildings 1 and 2
    (audit AS-S 1): with one such item none of the list is cut."""
    numbered = numbered_places(items)
    if len(numbered) < min(2, len(items)) or numbers_or_text(items):
        return items
    return [_without_place(item, place + 1) or item for place, item in enumerate(items)]


def numbered_places(items: list[str]) -> list[int]:
    """Places (from 0) of the items that start with their own number ("2、…" second)."""
    return [place for place, item in enumerate(items) if _without_place(item, place + 1) is not None]


def numbers_or_text(items: list[str]) -> list[int]:
    """Places of the numbered items whose number may be text ("1、2号楼…" first)."""
    return [place for place in numbered_places(items) if _NUMBER_OR_TEXT.match(items[place])]


def repeats(items: list, key=lambda item: item) -> dict[int, int]:
    """{place: place of the first one} for the items that repeat one above them (a duty or an
    honor pasted twice); text is compared without the spaces around it."""
    first: dict = {}
    again = {}
    for place, item in enumerate(items):
        found = key(item)
        found = found.strip() if isinstance(found, str) else found
        if found in first:
            again[place] = first[found]
        first.setdefault(found, place)
    return again


def once(items: list, key=lambda item: item) -> list:
    """Items as they are listed: each the first time only."""
    again = repeats(items, key)
    return [item for place, item in enumerate(items) if place not in again]


def _without_place(item: str, place: int) -> str | None:
    """The item without its leading number when that number is its place; None otherwise."""
    found = _DUTY_NUMBER.match(item)
    if found is None or not item[found.end():].strip():
        return None
    arabic, bracketed, circled, *chinese = found.groups()
    number = (int(arabic or bracketed) if (arabic or bracketed) else ord(circled) - ord("①") + 1 if circled
              else _CHINESE_NUMBERS.get(next(word for word in chinese if word), 0))
    return item[found.end():] if number == place else None


def title_words(text: str) -> str:
    """A title's words without spaces and punctuation: a story's body that starts with its title
    (copied from Word) is known by them."""
    return re.sub(r"[\s《》“”\"'：:·。！!？?，,、—-]", "", text)


CHINA_TIME = dt.timezone(dt.timedelta(hours=8), "北京时间")


def build_day() -> dt.date:
    """Today in China, where the campaigns' years and dates are kept: a CI runner keeps UTC, and
    its build at 00:30 on 1 January still showed last year's promises for eight hours (audit AS-G).
    Or the day SOURCE_DATE_EPOCH names, the reproducible-builds convention (tests set it)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), CHINA_TIME).date()
    return dt.datetime.now(CHINA_TIME).date()
