"""Validate parsed YAML against the models and word pydantic's errors for editors."""

from __future__ import annotations

import calendar
import datetime as dt
import re
import types
import typing
import unicodedata
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from ..content import Rejected
from ..model import Record
from ..values import ID_PATTERN, PERIOD_PATTERN, SIZE_PATTERN
from ..problems import Problems, did_you_mean, dotted, plain
from .decoding import CONTROLS
from .yamlfile import SourceMap
from .yamlhints import curly_quotes_hint

R = TypeVar("R", bound=Record)

_PATTERN_MESSAGES = {
    ID_PATTERN: ("编号只能用小写字母 a-z、数字 0-9 和“-”，以字母或数字开头，最长 64 个字符", "id"),
    PERIOD_PATTERN: ("考核期要写成 YYYY-Qn，例如 2026-Q1（n 为 1 到 4）", ""),
    SIZE_PATTERN: ("标志牌尺寸只能是 60x40cm、80x60cm、A3、A4，或 宽x高mm（例如 900x600mm，宽和高都在 100 到 5000 之间）", ""),
}


def validate_record(model: type[R], data: Any, source: SourceMap, loc: tuple, problems: Problems,
                    rejected: list[Rejected] | None = None) -> R | None:
    """One record, bound to where it came from; None (with problems) when it is invalid, and
    then kept in ``rejected``, with the fields that failed, for the checks that still apply."""
    try:
        record = model.model_validate(data)
    except ValidationError as error:
        report(error, model, source, loc, problems)
        if rejected is not None and isinstance(data, dict):
            bad = {loc + tuple(p for p in item["loc"] if not _is_union_tag(p)) for item in error.errors(include_url=False)}
            rejected.append(Rejected(model, data, source, loc, tuple(bad)))
        return None
    _bind_tree(record, source, loc)
    return record


# left out, these would print another thing than the editor meant (a hidden member's plate, a
# sign at the default size), or print nothing to check
_KEPT_TO_SALVAGE = {"hidden", "status", "signboard"}


def salvage(rejected: Rejected) -> Record | None:
    """A rejected record without its fields that failed, when those are optional and what is
    printed does not depend on them; None otherwise. For the printables' check only, so that a
    wrong date beside a promise too long for its plate does not hide the second error until the
    next run."""
    if not isinstance(rejected.data, dict):
        return None
    data, fields = dict(rejected.data), rejected.model.model_fields
    for path in rejected.bad:
        relative = path[len(rejected.loc):]
        if not relative or not isinstance(relative[0], str):
            return None  # the record as a whole is wrong
        name = relative[0]
        if name in fields and (fields[name].is_required() or name in _KEPT_TO_SALVAGE):
            return None
        data.pop(name, None)  # an unknown key, or an optional field
    try:
        record = rejected.model.model_validate(data)
    except ValidationError:
        return None
    _bind_tree(record, rejected.source, rejected.loc)
    return record


def validate_list(model: type[R], items: Any, source: SourceMap, loc: tuple, problems: Problems,
                  rejected: list[Rejected] | None = None) -> list[R]:
    """Each item on its own, so that one bad item does not hide the others."""
    if not isinstance(items, list):
        return []
    records = []
    for index, item in enumerate(items):
        record = validate_record(model, item, source, loc + (index,), problems, rejected)
        if record is not None:
            records.append(record)
    return records


def _bind_tree(record: Record, source: SourceMap, loc: tuple) -> None:
    """Bind a record and every record nested in it to its key path."""
    record.bind(source, loc)
    for name in type(record).model_fields:
        value = getattr(record, name)
        if isinstance(value, Record):
            _bind_tree(value, source, loc + (name,))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                if isinstance(item, Record):
                    _bind_tree(item, source, loc + (name, index))


def report(error: ValidationError, model: type[BaseModel], source: SourceMap, loc: tuple, problems: Problems) -> None:
    for item in error.errors(include_url=False):
        where = tuple(part for part in item["loc"] if not _is_union_tag(part))
        full = loc + where
        message, hint = _word(item, model, where)
        if "删掉这一行" in hint and item["type"] == "extra_forbidden" and full[:-1] in source.flow:
            # {year: 2017, title: …, level: 校级}: the line is the whole record
            hint = hint.replace("删掉这一行", f"删掉花括号里的“{full[-1]}: {_show(item.get('input'))}”（别的字段留着）")
        problems.add(source.at(*full), dotted(full), message, hint)


def _is_union_tag(part: Any) -> bool:
    # pydantic names union branches in loc ("function-after[...]", "list[...]"); editors never see them
    return isinstance(part, str) and "[" in part


def _show(value: Any) -> str:
    text = value if isinstance(value, str) else str(value).lower() if isinstance(value, bool) else repr(value)
    return text if len(text) <= 40 else text[:37] + "…"


# choices as editors write them in Chinese
IN_CHINESE = {"former": ("已调离", "调离", "离职", "已离职", "调出", "退休", "已退休"), "active": ("在岗", "在职", "在用", "正常"),
              "archived": ("撤销", "已撤销", "停用", "已停用"), "landscape": ("横版", "横", "横向"), "portrait": ("竖版", "竖", "竖向"),
              "red-gold": ("红底黄字", "红色"), "white-red": ("白底红字", "白色")}


def _word(item: dict, model: type[BaseModel], where: tuple) -> tuple[str, str]:
    """The message and hint for one pydantic error, in an editor's words."""
    kind, ctx, value = item["type"], item.get("ctx") or {}, item.get("input")
    name = next((str(p) for p in reversed(where) if isinstance(p, str)), "")
    scalar = isinstance(value, (str, int, float, bool)) and not isinstance(value, dict)
    now = f"（现在是“{_show(value)}”）" if scalar else ""
    if kind == "missing":
        return f"缺少必填字段“{name}”", f"加一行“{name}: …”" + (f"（{_title_of(model, where)}）" if _title_of(model, where) else "")
    if value is None and (kind.endswith("_type") or kind == "date_format"):
        # `key:` with nothing after the colon (a blank left in a skeleton, or a value forgotten)
        if where and isinstance(where[-1], int):
            return "这一项是空的：“- ”后面还没有写内容", "写上内容，或者删掉这一行"
        if kind in {"model_type", "dict_type", "model_attributes_type"}:
            return f"“{name}”下面是空的", "在下一行缩进写上它的字段，或者删掉这一行"
        if kind == "bool_type":  # optional fields but these are never guessed (hidden: publishing the hidden)
            return f"“{name}”还没有填写：冒号后面是空的", f"写 {name}: true（是）或 {name}: false（否）；不写这一行就是 false"
        optional = _is_optional(model, where)
        return f"“{name}”还没有填写：冒号后面是空的", "在冒号后面写上内容" + ("；它是选填的，也可以删掉这一行" if optional else "")
    if kind == "extra_forbidden":
        fields = _fields_at(model, where[:-1])
        private = "个人电话、身份证号、住址等不公开的信息没有字段，不要写进来：删掉这一行"
        if derived := _computed_hint(str(name), _model_at(model, where[:-1])):  # a known word: before any near spelling
            return f"不认识的字段“{name}”", derived
        if child := _belongs_under(_model_at(model, where[:-1]), str(name)):  # orientation: a line out of signboard:
            return f"不认识的字段“{name}”", child
        close = did_you_mean(name, fields) or _named_in_other_words(str(name), _model_at(model, where[:-1]))
        if re.fullmatch(r"[0-9]+", str(name)) and (number := next((f for f in ("score", "min") if f in fields), None)):
            # {zone: a, score: 74,9}: the comma ended the score
            return (f"不认识的字段“{name}”：多半是 {number} 里的逗号把数字分成了两半",
                    f"小数点要用“.”：写成 {number}: 74.9 这样，不写 74,9")
        if not name.isascii() and (twin := next((f for f in fields if plain(f) == plain(name)), None)):
            return (f"不认识的字段“{name}”", f"字段名里有全角字母或不是英文的字母，看起来一样，电脑不认：换成英文（半角）输入法，重新输入 {twin}")
        if _PRIVATE.search(name) and not _PRIVATE.search(close):  # "phone" is not a misspelt "photo"
            public = [f for f in fields if f in ("service_phone", "hotline")]
            if public and re.search(r"phone|mobile|tel|电话|手机", name, re.I):
                return f"不认识的字段“{name}”", f"公开的电话写在 {public[0]}：是不是要写 {public[0]}？"
            return f"不认识的字段“{name}”", private
        if not close and (quote := re.search(r"[“”‘’]", str(name))):  # {note: ‘差, 整改’}: the comma ended the value
            return f"不认识的字段“{name}”", curly_quotes_hint(quote.group(0))
        if not close and re.search(r"[\u3400-\u9fff]", str(name)):  # `{text: 抢修, 时间: 凌晨2:00}`: text with a colon
            return (f"不认识的字段“{name}”", "字段名都是英文；如果“" + str(name) + ":”是文字的一部分，"
                    "把整段文字用英文引号括起来，例如 text: \"抢修完成，时间: 凌晨2:00\"")
        if not close and (child := _near_field_of_a_part(_model_at(model, where[:-1]), str(name))):
            return f"不认识的字段“{name}”", child
        return f"不认识的字段“{name}”", close or "内容格式里没有这个字段；" + private
    if kind == "string_pattern_mismatch" and isinstance(value, str) and (hidden := _invisible(value)):
        cleaned = "".join(c for c in value if c not in hidden).strip()
        fixed = re.fullmatch(str(ctx.get("pattern")), cleaned) is not None
        return (f"“{name}”里有看不见的字符（{'、'.join(_INVISIBLE_NAMES.get(c, '') + f'U+{ord(c):04X}' for c in hidden)}），看上去对，电脑却不认",
                "删掉它（把这个值整个删掉重新输入）" + (f"：写成 {cleaned}" if fixed else ""))
    if kind == "string_pattern_mismatch":
        message, id_like = _PATTERN_MESSAGES.get(ctx.get("pattern"), (f"格式不对，应符合 {ctx.get('pattern')}", ""))
        hint = ""
        if isinstance(value, str) and re.fullmatch(str(ctx.get("pattern")), value.strip().upper()):  # 2026-q3
            hint = f"写成 {value.strip().upper()}"
        if isinstance(value, str) and ctx.get("pattern") == SIZE_PATTERN and (size := _as_size(value)):
            hint = f"写成 {size}"
        elif isinstance(value, str) and ctx.get("pattern") == SIZE_PATTERN and re.fullmatch(r"\s*\d+\s*[x×*]\s*\d+\s*mm\s*", value, re.I):
            hint = "宽和高都按毫米写，在 100 到 5000 之间：一张 A4 是 297x210mm，2 米宽的牌子是 2000x…mm"
        if id_like and isinstance(value, str):
            slug = re.sub(r"[^a-z0-9-]+", "-", value.strip().lower()).strip("-")[:64]
            if re.search(r"[\u3400-\u9fff]", value):  # 何小鹏 -> he-xiaopeng, 同心广场 -> tongxin-guangchang
                slug = _id_from_name(value, model, where)
            hint = f"例如写成 {slug}" if slug and slug != value else ""
            parts = [part.strip() for part in re.split(r"[、，；;]", value) if part.strip()]
            spaced = value.split()  # [zhang-wei li-na], a comma left out; not "Zhang Wei" or "王 芳", one name
            if len(parts) == 1 and len(spaced) > 1 and all(re.fullmatch(ID_PATTERN, p) or re.fullmatch(r"[\u3400-\u9fff]{2,}", p) for p in spaced):
                parts = spaced
            if len(parts) > 1 and where and isinstance(where[-1], int):  # [a、b、c]: one item of a list
                ids = [_id_from_name(part, model, where) if re.search(r"[\u3400-\u9fff]", part) else part for part in parts]
                hint = f"几个编号之间用半角逗号“,”分开：写成 [{', '.join(ids)}]"
        return message + now, hint
    if kind in {"string_type", "str_type"}:
        if isinstance(value, list):
            return f"“{name}”应该是一段文字，现在写成了列表", "把这几项合成一段文字写在冒号后面"
        if isinstance(value, dict):
            return f"“{name}”应该是一段文字，现在下面写了“字段: 值”", "值里有冒号时用引号括起来；也检查下一行是不是缩进多了"
        return f"这里应该是一段文字{now}", ""
    if kind == "string_too_short":
        least = ctx.get("min_length", 1)
        if least > 1:
            return f"太短了：至少 {least} 个字符{now}", ""
        if where and isinstance(where[-1], int):
            return "这一项是空的", "写上内容，或者删掉这一项"
        title = _title_of(model, where)
        return "不能为空", f"“{name}”{f'（{title}）' if title else ''}是必填的：写上内容"
    if kind == "string_too_long":
        written = f"（现在 {len(value)} 个）" if isinstance(value, str) else ""
        if isinstance(value, str) and re.fullmatch(r"[a-z0-9][a-z0-9-]*", value):  # an id: it is printed in QR codes
            return f"编号太长了：最多 {ctx.get('max_length')} 个字符{written}", "编号用简短的拼音或缩写，例如 zhang-wei、wuye-1；它会出现在网址和二维码里"
        return f"太长了：最多 {ctx.get('max_length')} 个字符{written}", "删减一些文字；详细的经过写进故事正文或 content 字段"
    if kind in {"int_parsing", "int_type", "int_from_float"}:
        year_like = "year" in str(name) or name == "joined"
        return (f"应该是{'年份（四位数字）' if year_like else '整数'}{now}",
                _as_number(value, whole=True) or ("年份只写四位数字，例如 2008" if year_like else ""))
    if kind in {"float_parsing", "float_type"}:
        return f"应该是数字{now}", _as_number(value, whole=False)
    if kind in {"greater_than_equal", "greater_than"}:
        return f"不能小于 {_number(ctx.get('ge', ctx.get('gt')))}{now}", ""
    if kind in {"less_than_equal", "less_than"}:
        return f"不能大于 {_number(ctx.get('le', ctx.get('lt')))}{now}", ""
    if kind in {"bool_parsing", "bool_type"}:
        return f"只能是 true 或 false{now}", "写英文小写的 true（是）或 false（否），不写“是”“yes”“1”"
    if kind == "literal_error":
        choices = re.findall(r"'([^']*)'", str(ctx.get("expected", "")))
        meant = next((word for word in choices if isinstance(value, str) and value.strip() in IN_CHINESE.get(word, ())), None)
        return f"只能是 {' | '.join(choices)}{now}", f"写成 {meant}" if meant else did_you_mean(value, choices)
    if kind == "list_type":
        if isinstance(value, str) and re.match(r"-[^\s-]", value):  # `-植被养护` on the next line: one text, not a list
            return f"这里应该是一个列表{now}", f"下一行的短横线“-”后面要有一个空格：写成“- {value[1:].split(' -')[0][:12]}…”"
        return f"这里应该是一个列表{now}", "每项一行、以“- ”开头，或者写成 [甲, 乙]"
    if kind == "too_short":
        if isinstance(value, str):
            return f"太短了：至少 {ctx.get('min_length', 1)} 个字符{now}", ""
        return f"至少要有 {ctx.get('min_length', 1)} 项", ""
    if kind == "too_long":
        return f"最多 {ctx.get('max_length')} 项", ""
    if kind in {"model_type", "dict_type", "model_attributes_type"}:
        return f"这里应该是“字段: 值”的一组内容{now}", "检查缩进和冒号：字段名后面是半角冒号加空格"
    if kind == "phone_digits":
        return item["msg"], "写出能拨打的号码，例如 0317-2721365；号码还没定时，先不要发布这个责任区"
    if kind == "phone_float":
        return item["msg"], f"照原来的号码重新输入全部数字，并用英文引号括起来，例如 {name}: \"13899012345\""
    if kind == "phone_letter":
        return item["msg"], f"是不是数字 {ctx.get('digit')}？号码里只写数字和“-”"
    if kind == "one_tag":
        return item["msg"], f"一个标识一项，用半角逗号“,”分开：写成 [{ctx.get('parts', '')}]"
    if kind == "date_invalid":
        return item["msg"], _days_in(value)
    if kind in {"date_format", "member_or_name"}:
        return item["msg"] + (now if kind == "date_format" else ""), _as_date(value) if kind == "date_format" else ""
    return re.sub(r"^Value error, ", "", item["msg"]), ""


def _as_number(value: Any, whole: bool) -> str:
    """"写成 93.5" for 93.5分, ９０ or “93.5”: the number an editor meant, when there is exactly one."""
    if not isinstance(value, str):
        return ""
    text = unicodedata.normalize("NFKC", value).strip().strip("\"'“”‘’")
    found = re.fullmatch(r"(-?[0-9]+(?:\.[0-9]+)?)\s*(分|年|个|名|人|%)?", text)
    if not found or (whole and "." in found.group(1)):
        return ""
    unit = f"，去掉“{found.group(2)}”" if found.group(2) else ""
    return f"只写数字：写成 {found.group(1)}{unit}" if found.group(1) != value else ""


def _days_in(value: Any) -> str:
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


def _as_size(value: str) -> str:
    """60x40cm for 60×40厘米, 60X40 CM or 900*600毫米 ("" when it is still no size)."""
    text = unicodedata.normalize("NFKC", value).strip().lower()
    text = re.sub(r"\s+", "", text.replace("厘米", "cm").replace("公分", "cm").replace("毫米", "mm"))
    text = re.sub(r"(?<=\d)[×*xX乘](?=\d)", "x", text)
    text = text.upper() if text in ("a3", "a4") else text + "cm" if text in ("60x40", "80x60") else text
    return text if re.fullmatch(SIZE_PATTERN, text) else ""


def _as_date(value: Any) -> str:
    """"写成 2026-03-05" for 2026/3/5, 2026.3.5, 2026年3月5日, 2026-3-5, 20260305, or the serial
    number a date becomes when copied out of an Excel cell formatted as a date (46086)."""
    if isinstance(value, str) and re.fullmatch(r"[0-9]{5}(\.[0-9]+)?", value.strip()):
        value = float(value)
    if isinstance(value, (int, float)) and not isinstance(value, bool) and 20000 <= value < 80000:  # 1954 to 2119
        date = EXCEL_EPOCH + dt.timedelta(days=int(value))
        return f"这是 Excel 表格里的日期序号，{_number(value)} 就是 {date.isoformat()}：写成 {date.isoformat()}"
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)  # 20260305
    if not isinstance(value, str):
        return ""
    text = unicodedata.normalize("NFKC", value).strip()
    timed = re.fullmatch(r"(.+?)(?:[ T]+[0-9]{1,2}[:：][0-9]{2}(?:[:：][0-9]{2})?|[ ]*[0-9]{1,2}[点时](?:[0-9]{1,2}分?)?)", text)
    text = timed.group(1) if timed else text  # 2026-08-09 03:00: a time of day has no place here
    found = re.fullmatch(r"([0-9]{4})\s*[-/.年]\s*([0-9]{1,2})\s*[-/.月]\s*([0-9]{1,2})\s*日?|([0-9]{4})([0-9]{2})([0-9]{2})", text)
    if not found:
        return ""
    try:
        return f"写成 {dt.date(*(int(n) for n in found.groups() if n)).isoformat()}" + ("（只写日期，不写时间）" if timed else "")
    except ValueError:
        return ""


EXCEL_EPOCH = dt.date(1899, 12, 30)  # Excel's day 0, counting its phantom 29 February 1900

# short words only where a word starts: "tel" and "mail" are private, "titel" and "hotel" are misspellings
_PRIVATE = re.compile(r"phone|mobile|wechat|weixin|e-?mail|address|id_?card|identity|身份证|手机|电话|住址|微信"
                      r"|(?:^|[_\-.\s])(?:tel|qq|mail|addr|sfz)", re.I)


def _number(value: Any) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)  # 100, not 100.0


# field names as editors say them in pinyin (the Chinese ones are the fields' titles)
PINYIN = {
    "xingming": "name", "mingzi": "name", "mingcheng": "name", "zhaopian": "photo", "zhibu": "branch",
    "dangzhibu": "branch", "xiaozu": "group", "dangxiaozu": "group", "bumen": "department", "gangwei": "post",
    "zhiwu": "title", "rudang": "joined", "biaoshi": "tags", "biaoqian": "tags", "rongyu": "honors",
    "zhuangtai": "status", "weizhi": "location", "fanwei": "scope", "zerenfanwei": "scope", "zhize": "duties",
    "gongzuozhize": "duties", "fuzeren": "leader", "kouhao": "slogan", "riqi": "date", "leibie": "category",
    "fengmian": "cover", "zhaiyao": "summary", "chengnuo": "promise", "defen": "score", "fenshu": "score",
    "beizhu": "note", "shuoming": "note", "jianjie": "intro", "biaozhi": "logo", "chicun": "size",
    "fangxiang": "orientation", "niandu": "year", "nianfen": "year", "chengyuan": "members", "dangyuan": "members",
}


def _named_in_other_words(name: str, parent: type[BaseModel] | None) -> str:
    """"是不是要写 post？" for 岗位 or gangwei: a field named by its Chinese title or in pinyin."""
    if parent is None:
        return ""
    plain = re.sub(r"[\s_-]", "", name.lower())
    for field, info in parent.model_fields.items():
        titles = [t for t in re.split(r"[/（）()]", info.title or "") if len(t) >= 2]
        if PINYIN.get(plain) == field or any(name == t for t in titles):
            return f"字段名要写英文：是不是要写 {field}（{info.title}）？"
    for field, info in parent.model_fields.items():  # 职责 for 工作职责
        if len(name) >= 2 and re.search(r"[\u3400-\u9fff]", name) and name in (info.title or ""):
            return f"字段名要写英文：是不是要写 {field}（{info.title}）？"
    return ""


def _id_from_name(value: str, model: type[BaseModel], where: tuple) -> str:
    """The pinyin id for a name written where an id belongs: a person's for a member, a phrase's else."""
    from ..ids import person_id, phrase_id  # here: pypinyin loads its dictionaries on first use

    while where and isinstance(where[-1], int):  # an item of a list: its field says what it names
        where = where[:-1]
    parent = _model_at(model, where[:-1])
    field = parent.model_fields.get(str(where[-1])) if parent is not None and where else None
    refers = (field.json_schema_extra or {}).get("x-refers-to") if field is not None and isinstance(field.json_schema_extra, dict) else None
    person = refers == "member" or (parent is not None and parent.__name__ == "Member" and where[-1] == "id")
    return (person_id if person else phrase_id)(value)


# characters that show as nothing, pasted from WeChat, Word or a web page
_INVISIBLE_NAMES = {"\u200b": "零宽空格 ", "\u200c": "零宽非连接符 ", "\u200d": "零宽连接符 ", "\u2060": "零宽不换行符 ",
                    "\ufeff": "零宽不换行空格 ", "\u00ad": "软连字符 "}


def _invisible(value: str) -> list[str]:
    """The invisible characters in a value, each once, in order; not the controls that reading
    the file already reports."""
    found = [c for c in value if (c in _INVISIBLE_NAMES or unicodedata.category(c) == "Cf") and not CONTROLS.match(c)]  # those: report_controls
    return list(dict.fromkeys(found))


def _computed_hint(name: str, parent: type[BaseModel] | None) -> str:
    """A grade written beside a score, or a QR code beside a zone: the site works these out."""
    computed = getattr(parent, "computed", {})
    return next((hint for pattern, hint in computed.items() if re.fullmatch(pattern, name.strip(), re.I)), "")


def _title_of(model: type[BaseModel], where: tuple) -> str:
    """The Chinese title of the field at a key path ("" when unknown)."""
    parent = _model_at(model, where[:-1])
    field = parent.model_fields.get(str(where[-1])) if parent is not None and where else None
    return field.title or "" if field is not None else ""


def _is_optional(model: type[BaseModel], where: tuple) -> bool:
    """Whether the field at a key path may be left out (it has a default)."""
    parent = _model_at(model, where[:-1])
    field = parent.model_fields.get(str(where[-1])) if parent is not None and where else None
    return field is not None and not field.is_required()


def _belongs_under(parent: type[BaseModel] | None, name: str) -> str:
    """`date:` written beside a commitment's fields belongs to one of its progress entries: the
    line lost its indentation. A hint naming where it goes, or ""."""
    if parent is None:
        return ""
    for field_name, field in parent.model_fields.items():
        inner = _unwrap(field.annotation)
        listed = typing.get_origin(inner) is list
        child = _unwrap(typing.get_args(inner)[0]) if listed and typing.get_args(inner) else inner
        if isinstance(child, type) and issubclass(child, BaseModel) and name in child.model_fields:
            how = "作为一项，以“- ”开头" if listed else ""
            return f"“{name}”是 {field_name} 里的字段：这一行的缩进不对，要缩进到 {field_name}: 下面{how}"
    return ""


def _near_field_of_a_part(parent: type[BaseModel] | None, name: str) -> str:
    """`orientaton:` beside a zone's fields: a misspelt field of its signboard, or ""."""
    for field_name, field in parent.model_fields.items() if parent is not None else ():
        inner = _unwrap(field.annotation)
        if isinstance(inner, type) and issubclass(inner, BaseModel) and (guess := did_you_mean(name, list(inner.model_fields))):
            return f"{guess}它是 {field_name} 里的字段，要缩进写在 {field_name}: 下面"
    return ""


def _model_at(model: type[BaseModel], where: tuple) -> type[BaseModel] | None:
    current: Any = model
    for part in where:
        current = _unwrap(current)
        if isinstance(part, int):
            args = typing.get_args(current)
            current = args[0] if args else None
        elif isinstance(current, type) and issubclass(current, BaseModel) and part in current.model_fields:
            current = current.model_fields[part].annotation
        else:
            return None
    current = _unwrap(current)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _fields_at(model: type[BaseModel], where: tuple) -> list[str]:
    """The field names of the model found at a key path inside model (for "did you mean")."""
    found = _model_at(model, where)
    return list(found.model_fields) if found is not None else []


def _unwrap(annotation: Any) -> Any:
    """X | None -> X; Annotated[X, ...] -> X."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            options = [a for a in typing.get_args(annotation) if a is not type(None)]
            annotation = options[0] if len(options) == 1 else annotation
            if len(options) != 1:
                return annotation
        else:
            return annotation
