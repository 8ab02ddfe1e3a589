"""What an editor meant by a value the format refuses: the number in “93.5分”, the date in
2026/3/5 or an Excel serial, the size in 60×40厘米, the id for a name, the characters that do
not show. Each gives the value to write, or "" when there is no single answer."""

from __future__ import annotations

import calendar
import datetime as dt
import re
import unicodedata
from typing import Any

from pydantic import BaseModel

from ..values import FIRST_YEAR, LAST_YEAR, SIZE_PATTERN, build_day
from .decoding import CONTROLS
from .modelpath import field_at

EXCEL_EPOCH = dt.date(1899, 12, 30)  # Excel's day 0, counting its phantom 29 February 1900

# characters that show as nothing, pasted from WeChat, Word or a web page
INVISIBLE_NAMES = {"\u200b": "零宽空格 ", "\u200c": "零宽非连接符 ", "\u200d": "零宽连接符 ", "\u2060": "零宽不换行符 ",
                   "\ufeff": "零宽不换行空格 ", "\u00ad": "软连字符 "}


def number_text(value: Any) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)  # 100, not 100.0


_DIGIT_LIKE = {"O": "0", "o": "0", "I": "1", "l": "1"}  # letters typed for digits


def as_number(value: Any, whole: bool) -> str:
    """"写成 93.5" for 93.5分, ９０ or “93.5”: the number an editor meant, when there is exactly one."""
    if not isinstance(value, str):
        return ""
    text = unicodedata.normalize("NFKC", value).strip().strip("\"'“”‘’")
    if re.fullmatch(r"-?[0-9]+(?:_[0-9]+)+(?:\.[0-9]+)?", text):  # 9_0: Python's way of writing 90
        return f"数字中间不要加“_”：写成 {text.replace('_', '')}"
    stop = re.fullmatch(r"-?[0-9]+(。|,(?=[0-9]{1,2}$))[0-9]+", text)  # 95。5 or 95,5 (not 1,000)
    text = text.replace(stop.group(1), ".") if stop else text
    found = re.fullmatch(r"(-?[0-9]+(?:\.[0-9]+)?)\s*(分|年|个|名|人|%)?", text)
    spoken = re.fullmatch(r"([〇零一二三四五六七八九十百两]+)(分|年|个|名|人)?", text)
    lettered = text.translate(str.maketrans(_DIGIT_LIKE))
    if not found and re.search(r"[0-9]", text) and lettered != text and re.fullmatch(r"-?[0-9]+(?:\.[0-9]+)?", lettered):
        letters = "、".join(f"“{c}”" for c in dict.fromkeys(c for c in text if c in _DIGIT_LIKE))
        return f"{letters}是字母，不是数字：写成 {lettered}"  # 9O, 8l.5: a letter typed for a digit
    if not found and spoken and (number := chinese_number(spoken.group(1))) is not None:
        return f"用阿拉伯数字写：写成 {number}" + (f"，去掉“{spoken.group(2)}”" if spoken.group(2) else "")
    ranged = re.fullmatch(r"([0-9]+(?:\.[0-9]+)?)\s*(?:-|~|～|—|–|至|到)\s*[0-9]+(?:\.[0-9]+)?\s*分?", text)
    if not found and ranged:  # 90-100 for a grade's min (AS-AG L6): the band's lowest score is the one to write
        return f"只写一个数（这一档的最低分）：写成 {ranged.group(1)}"
    if not found or (whole and "." in found.group(1)):
        return ""
    if stop:
        written = next(c for c in value if c in "。，,")
        return f"小数点要用英文句点“.”，“{written}”不是小数点：写成 {found.group(1)}"
    unit = f"，去掉“{found.group(2)}”" if found.group(2) else ""
    return f"只写数字：写成 {found.group(1)}{unit}" if found.group(1) != value else ""


def as_year(value: Any) -> str:
    """"写成 1998" for 1998年7月, 1998.07 or 一九九八年; "例如 1988" for a year of two digits (88,
    八八年): which century is the editor's to say."""
    if not isinstance(value, (str, float)):
        return ""
    text = unicodedata.normalize("NFKC", str(value)).strip().strip("\"'“”‘’")
    if (found := re.fullmatch(r"((?:1[89]|20)[0-9]{2})\s*(?:年|[./-]\s*[0-9]{1,2}\b).*", text)) is not None:
        return f"只写年份：写成 {found.group(1)}"
    spoken = re.fullmatch(r"([〇零一二三四五六七八九]{2}|[〇零一二三四五六七八九]{4})\s*年?", text)
    digits = str(chinese_number(spoken.group(1))).zfill(len(spoken.group(1))) if spoken else text.removesuffix("年").strip()
    if re.fullmatch(r"(?:1[89]|20)[0-9]{2}", digits) and spoken:
        return f"用阿拉伯数字写：写成 {digits}"
    if re.fullmatch(r"[0-9]{2}", digits):
        short = int(digits)
        return f"年份写四位数字，例如 {1900 + short if short > 30 else 2000 + short}"
    return ""


def days_in(value: Any) -> str:
    """"2026 年 2 月只有 28 天" for 2026-02-29; the months there are for 2026-13-01."""
    found = re.fullmatch(r"([0-9]{4})-([0-9]{2})-([0-9]{2})", str(value).strip())
    if not found:
        return ""
    year, month = int(found.group(1)), int(found.group(2))
    if not 1 <= month <= 12:
        return "月份只能是 01 到 12"
    if year == 0:
        return "年份不能是 0000"
    return f"{year} 年 {month} 月只有 {calendar.monthrange(year, month)[1]} 天"


def as_size(value: str) -> str:
    """60x40cm for 60×40厘米, 60X40 CM or 900*600毫米 ("" when it is still no size)."""
    text = unicodedata.normalize("NFKC", value).strip().lower()
    text = re.sub(r"\s+", "", text.replace("厘米", "cm").replace("公分", "cm").replace("毫米", "mm").replace("米", "m"))
    text = re.sub(r"(?<=\d)[×*xX乘](?=\d)", "x", text)
    text = re.sub(r"^(\d+)(cm|mm|m)[×*x乘](\d+)\2$", r"\1x\3\2", text)  # 60cm x 40cm
    text = re.sub(r"^(a[34])(纸|幅面|大小|尺寸)?$", lambda m: m.group(1).upper(), text)
    text = text + "cm" if text in ("60x40", "80x60") else text
    sides = re.fullmatch(r"(\d+(?:\.\d+)?)x(\d+(?:\.\d+)?)(cm|m)?", text)
    if sides and not re.fullmatch(SIZE_PATTERN, text):  # 90x60cm, 2x1m, 0.6x0.4m, bare 900x600: in millimetres
        width, height, unit = float(sides.group(1)), float(sides.group(2)), sides.group(3)
        per_unit = {"cm": 10, "m": 1000}.get(unit, 1 if min(width, height) >= 100 else 10 if max(width, height) >= 10 else 1000)
        if unit == "cm" and max(width, height) * 10 > 5000 and min(width, height) >= 100:
            per_unit = 1  # 600x400cm would be 6 metres wide: millimetres meant
        mm = (width * per_unit, height * per_unit)
        text = f"{round(mm[0])}x{round(mm[1])}mm" if all(abs(side - round(side)) < 1e-6 for side in mm) else ""
    return text if re.fullmatch(SIZE_PATTERN, text) else ""


# dashes Word, WPS and input methods put where "-" was typed: they look the same on screen
LOOKALIKE_DASHES = str.maketrans({dash: "-" for dash in "\u2010\u2011\u2012\u2013\u2014\u2212\ufe63\uff0d"})
_DASH_NAMES = {"\u2010": "连字符", "\u2011": "不断行连字符", "\u2012": "数字横线", "\u2013": "短横线 en dash", "\u2014": "破折号",
               "\u2212": "减号（数学符号）", "\ufe63": "小减号", "\uff0d": "全角减号"}


def dash_hint(value: str) -> str:
    """What the dash that only looks like "-" is, and where it came from."""
    dash = next(c for c in value if c in _DASH_NAMES)
    return f"里面的“{dash}”不是半角减号“-”，是{_DASH_NAMES[dash]}（U+{ord(dash):04X}，多半是 Word、WPS 自动替换的）：删掉它，用英文输入法重新输入“-”，"


WRITTEN_DATE = r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?"  # 2026-03-20, 2026年6月15日, ２０２６.6.15


def as_date(value: Any) -> str:
    """"写成 2026-03-05" for 2026/3/5, 2026.3.5, 2026年3月5日, 2026-3-5, 20260305, or the serial
    number a date becomes when copied out of an Excel cell formatted as a date (46086)."""
    if isinstance(value, str) and re.fullmatch(r"[0-9]{5}(\.[0-9]+)?", value.strip()):
        value = float(value)
    if isinstance(value, (int, float)) and not isinstance(value, bool) and 20000 <= value < 80000:  # 1954 to 2119
        date = EXCEL_EPOCH + dt.timedelta(days=int(value))
        return f"这是 Excel 表格里的日期序号，{number_text(value)} 就是 {date.isoformat()}：写成 {date.isoformat()}"
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)  # 20260305
    if not isinstance(value, str):
        return ""
    text = unicodedata.normalize("NFKC", value).strip()
    if (dashed := text.translate(LOOKALIKE_DASHES)) != text and (hint := as_date(dashed)):  # 2026–10–09 from Word
        return dash_hint(text) + hint
    weekday = re.fullmatch(r"(.+?)\s*[（(]?(?:周|星期|礼拜)[一二三四五六日天][）)]?", text)
    text = weekday.group(1) if weekday else text  # 2026-05-21（周五）: the day of the week is the date's own
    timed = re.fullmatch(r"(.+?)(?:[ T]+[0-9]{1,2}[:：][0-9]{2}(?:[:：][0-9]{2}(?:\.[0-9]+)?)?(?:Z|[+-][0-9]{2}:?[0-9]{2})?"
                         r"|[ ]*[0-9]{1,2}[点时](?:[0-9]{1,2}分?)?)", text)
    text = timed.group(1) if timed else text  # 2026-08-09 03:00, 2025-06-01T09:00:00+08:00: a time of day has no place here
    if day_first := re.fullmatch(r"([0-9]{1,2})[-/.]([0-9]{1,2})[-/.]([0-9]{4})", text):
        return _month_day_order(*(int(n) for n in day_first.groups()))
    if short := re.fullmatch(r"([0-9]{2})\s*[-/.年]\s*([0-9]{1,2})\s*[-/.月]\s*([0-9]{1,2})\s*日?", text):  # 26-04-10
        year = 2000 + int(short.group(1))
        year -= 100 if year > build_day().year + 1 else 0
        hint = as_date(f"{year}-{short.group(2)}-{short.group(3)}")
        return f"年份要写四位：{hint}" if hint else ""
    found = re.fullmatch(WRITTEN_DATE + r"|([0-9]{4})([0-9]{2})([0-9]{2})", text)
    if not found and (no_year := re.fullmatch(r"([0-9]{1,2})\s*月\s*([0-9]{1,2})\s*[日号]", text)):
        month, day = (int(n) for n in no_year.groups())
        if 1 <= month <= 12 and 1 <= day <= 31:
            return f"日期要写上年份，例如写成 {build_day().year}-{month:02d}-{day:02d}"
    if not found and (month_only := re.fullmatch(r"([0-9]{4})\s*[-/.年]\s*([0-9]{1,2})\s*月?(?:份|中旬|上旬|下旬|初|底|末)?", text)):
        year, month = (int(n) for n in month_only.groups())  # 2026年4月, 2026-04: the day is missing (audit AS-B 11)
        if 1 <= month <= 12:
            return f"日期要写到哪一天：写成 {year}-{month:02d}-日，例如 {year}-{month:02d}-01"
    if not found:
        return ""
    try:
        day = dt.date(*(int(n) for n in found.groups() if n))
    except ValueError:  # 2026-4-31
        year, month, _ = (int(n) for n in found.groups() if n)
        return f"{year} 年 {month} 月只有 {calendar.monthrange(year, month)[1]} 天" if 1 <= month <= 12 else "月份只能是 1 到 12"
    untimed = "（只写日期，不写时间）" if timed else "（星期几不用写）" if weekday else ""
    from ..values import FIRST_YEAR, LAST_YEAR

    if not FIRST_YEAR <= day.year <= LAST_YEAR:  # 1026/4/10: the year is a slip too
        hint = date_hint(day.isoformat())
        return f"{hint.removesuffix('？')}{untimed}？" if hint.endswith("？") else hint + untimed
    return f"写成 {day.isoformat()}{untimed}"


def _month_day_order(first: int, second: int, year: int) -> str:
    """03/20/2026 is 20 March (a month has no 20th), 20/03/2026 too; 03/05/2026 is either."""
    dates = []
    for month, day in ((first, second), (second, first)):
        try:
            dates.append(dt.date(year, month, day))
        except ValueError:
            pass
    dates = list(dict.fromkeys(dates))
    if len(dates) == 1:
        return f"年份写在最前面：写成 {dates[0].isoformat()}"
    if len(dates) == 2:
        return "年份写在最前面，月在日前面：" + "，或者 ".join(f"{d.month} 月 {d.day} 日写成 {d.isoformat()}" for d in dates)
    return ""


CHINESE_DIGITS = dict(zip("〇零一二三四五六七八九", (0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9)))


def chinese_number(text: str) -> int | None:
    """八十六 -> 86, 一百 -> 100, 二〇二六 -> 2026, 第二 -> 2 (None for anything else)."""
    text = text.strip().removeprefix("第").replace("两", "二")
    if text and all(c in CHINESE_DIGITS for c in text):
        return int("".join(str(CHINESE_DIGITS[c]) for c in text))
    found = re.fullmatch(r"(?:([一二三四五六七八九])?(百))?(?:([一二三四五六七八九])?(十))?([一二三四五六七八九])?", text)
    if not text or not found:
        return None
    hundreds, hundred, tens, ten, ones = found.groups()
    value = (CHINESE_DIGITS[hundreds or "一"] * 100 if hundred else 0) + (CHINESE_DIGITS[tens or "一"] * 10 if ten else 0)
    return value + (CHINESE_DIGITS[ones] if ones else 0)


def _as_quarter(text: str, value: str) -> str:
    found = re.fullmatch(r"([0-9]{4})年?[-/.]?(?:第?([一二三四1-4])季度?|Q([1-4])|-([1-4]))", text)
    if not found:
        return ""
    year, quarter = found.group(1), next(q for q in found.groups()[1:] if q)
    period = f"{year}-Q{chinese_number(quarter) if not quarter.isdigit() else quarter}"
    return f"写成 {period}" if period != value else ""


def four_digit_year(value: Any, bounds: dict) -> str:
    """"写成 1998" for a year written 98 where years run from 1900 (joined: 98)."""
    if bounds.get("ge") != FIRST_YEAR or not re.fullmatch(r"[0-9]{2}", str(value).strip()):
        return ""
    short, now = int(str(value)), build_day().year % 100
    return f"年份写四位数：写成 {(2000 if short <= now else 1900) + short}"


def out_of_range(value: Any, bounds: dict) -> str:
    """What to write for a number past a bound the format sets: a year (1900 to 2100) has four
    digits; a score (0 to 100) written 955 lost its decimal point."""
    low, high = bounds.get("ge", bounds.get("gt")), bounds.get("le", bounds.get("lt"))
    if low == FIRST_YEAR or high == LAST_YEAR:
        if re.fullmatch(r"[0-9]{4}", str(value).strip()):
            return f"年份在 {FIRST_YEAR} 到 {LAST_YEAR} 之间：是不是输错了一位？"
        return four_digit_year(value, {"ge": FIRST_YEAR}) or "年份写四位数，例如 1998"
    try:
        number = float(value)
    except (TypeError, ValueError):
        return ""
    if high == 100 and re.fullmatch(r"[0-9]{3}", str(value).strip()) and number >= 500:  # 955, not 101
        return f"得分在 0 到 100 之间；是漏了小数点的话，写成 {number_text(number / 10)}"
    return "得分在 0 到 100 之间（百分制）" if high == 100 or low == 0 else ""


def swapped_year(value: object) -> int | None:
    """2207 for 2027, 2206 for 2026: a year with two digits swapped, when one swap gives a year near now."""
    text = str(value).strip()
    if not re.fullmatch(r"[0-9]{4}", text):
        return None
    now = build_day().year
    swapped = {int(text[:i] + text[i + 1] + text[i] + text[i + 2:]) for i in range(3)}
    near = sorted(year for year in swapped if now - 30 <= year <= now + 2 and str(year) != text)
    return near[0] if len(near) == 1 else None


def mistyped_year(year: int) -> int | None:
    """The year meant by one typed with two digits swapped (swapped_year), else with one digit
    wrong (1026 for 2026): the nearest to now of the years a format takes."""
    if (swapped := swapped_year(f"{year:04d}")) is not None:
        return swapped
    from ..values import FIRST_YEAR, LAST_YEAR

    text = f"{year:04d}"
    years = [each for each in {int(text[:at] + digit + text[at + 1:]) for at in range(4) for digit in "0123456789"}
             if FIRST_YEAR <= each <= LAST_YEAR]
    return min(years, key=lambda each: abs(each - build_day().year)) if years else None


def date_hint(written: str) -> str:
    """"是不是 2026-04-10？" for 1026-04-10 (a date whose year is out of range)."""
    day = dt.date.fromisoformat(written)
    year = mistyped_year(day.year)
    try:
        return f"是不是 {day.replace(year=year).isoformat()}？" if year else "写上正确的年份，例如 2026"
    except ValueError:  # 29 February in a year without one
        return "写上正确的年份，例如 2026"


def as_period(value: Any) -> str:
    """"写成 2026-Q2" for 2026年第二季度, 2026年2季度, 2026 Q2, 2026q2 or 2026-2; for a half year
    (2026-H2, 2026年下半年), the quarters it holds."""
    if not isinstance(value, str):
        return ""
    text = re.sub(r"\s+", "", unicodedata.normalize("NFKC", value)).upper()
    half = re.fullmatch(r"([0-9]{4})年?[-/.]?(?:H([12])|([上下])半年)", text)
    if half:
        first = 1 if (half.group(2) or "") == "1" or half.group(3) == "上" else 3
        return f"考核期按季度写：这半年是 {half.group(1)}-Q{first} 和 {half.group(1)}-Q{first + 1}，每个季度一个文件（写最后一个季度的结果就用 {half.group(1)}-Q{first + 1}：period 和文件名都写成它；已经有 {half.group(1)}-Q{first + 1}.yaml 的话，别改名覆盖它，先看两个文件的结果该怎么合）"
    return _as_quarter(text, value)


def id_from_name(value: str, model: type[BaseModel], where: tuple) -> str:
    """The pinyin id for a name written where an id belongs: a person's for a member, a phrase's else."""
    from ..ids import person_id, phrase_id  # here: pypinyin loads its dictionaries on first use

    while where and isinstance(where[-1], int):  # an item of a list: its field says what it names
        where = where[:-1]
    parent, field = field_at(model, where)
    refers = (field.json_schema_extra or {}).get("x-refers-to") if field is not None and isinstance(field.json_schema_extra, dict) else None
    person = refers == "member" or (parent is not None and parent.__name__ == "Member" and where[-1] == "id")
    return (person_id if person else phrase_id)(value)


def invisible(value: str) -> list[str]:
    """The invisible characters in a value, each once, in order; not the controls that reading
    the file already reports."""
    found = [c for c in value if (c in INVISIBLE_NAMES or unicodedata.category(c) == "Cf") and not CONTROLS.match(c)]  # those: report_controls
    return list(dict.fromkeys(found))
