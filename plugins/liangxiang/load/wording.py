"""pydantic's errors in an editor's words: a message and a hint for each kind of error.

Each kind has its own small function (``WORDINGS``); what an editor meant by a refused value
comes from ``meant``, and the fields they may have meant from ``modelpath``.
"""

from __future__ import annotations

import functools
import math
import re
from typing import Annotated, Any

from pydantic import BaseModel, TypeAdapter, ValidationError
from pydantic.fields import FieldInfo

from ..problems import did_you_mean, plain, shortened
from ..values import ID_LENGTH, ID_PATTERN, NONE_HINTS, NONE_WRITTEN, none_said
from . import meant
from .idwording import ONE_ONLY, pattern_wording
from .listwording import not_a_list
from .modelpath import (
    belongs_under, computed_hint, fields_at, is_optional, model_at, named_in_other_words, near_field_of_a_part, title_of,
    written_elsewhere,
)
from .refusal import Error, Wording, show
from .yamlhints import curly_quotes_hint

# choices as editors write them in Chinese
IN_CHINESE = {"former": ("已调离", "调离", "离职", "已离职", "调出"), "active": ("在岗", "在职", "在用", "正常", "在册"),
              "archived": ("撤销", "已撤销", "停用", "已停用"), "landscape": ("横版", "横", "横向"), "portrait": ("竖版", "竖", "竖向"),
              "red-gold": ("红底黄字", "红色"), "white-red": ("白底红字", "白色")}

# short words only where a word starts: "tel" and "mail" are private, "titel" and "hotel" are misspellings
PRIVATE = re.compile(r"phone|mobile|wechat|weixin|e-?mail|address|id_?card|identity|身份证|手机|电话|住址|微信"
                     r"|(?:^|[_\-.\s])(?:tel|qq|mail|addr|sfz)", re.I)
NOT_PUBLISHED = "个人电话、身份证号、住址等不公开的信息没有字段，不要写进来：删掉这一行"


def word(item: dict, model: type[BaseModel], where: tuple, null: str = "") -> tuple[str, str]:
    """The message and hint for one pydantic error, in an editor's words; ``null`` is how an
    empty value was written, when it was written ("~", "null")."""
    error = Error(item["type"], item.get("ctx") or {}, item.get("input"), item["msg"], model, where)
    if error.value is None and (error.kind.endswith("_type") or error.kind == "date_format"):
        message, hint = _left_empty(error)
        if null:  # `scope: ~`, `- null`: YAML's words for empty, said as written
            message = re.sub(r"冒号后面是空的|“- ?”后面还没有写内容", f"写的“{null}”在 YAML 里表示空，等于没写", message)
            hint = hint.replace("在冒号后面写上内容", f"把“{null}”换成内容").replace("写上内容，", f"把“{null}”换成内容，")
        return message, hint
    wording = WORDINGS.get(error.kind)
    return wording(error) if wording is not None else (re.sub(r"^Value error, ", "", error.msg), "")


def _left_empty(error: Error) -> tuple[str, str]:
    """`key:` with nothing after the colon (a blank left in a skeleton, or a value forgotten)."""
    name = error.name
    if error.in_list:
        return "这一项是空的：“- ”后面还没有写内容", "写上内容，或者删掉这一行"
    if error.kind in {"model_type", "dict_type", "model_attributes_type"}:
        if not name:  # `  -` alone: an item of a list of records
            return "这一项是空的：“-”后面和下面都没有内容", "在“- ”后面写这一项的字段（例如 - id: ……），或者删掉这一行"
        return f"“{name}”下面是空的", "在下一行缩进写上它的字段，或者删掉这一行"
    if error.kind == "bool_type":  # optional fields but these are never guessed (hidden: publishing the hidden)
        return f"“{name}”还没有填写：冒号后面是空的", f"写 {name}: true（是）或 {name}: false（否）；不写这一行就是 false"
    optional = is_optional(error.model, error.where)
    return f"“{name}”还没有填写：冒号后面是空的", "在冒号后面写上内容" + ("；它是选填的，也可以删掉这一行" if optional else "")


def _missing(error: Error) -> tuple[str, str]:
    title = title_of(error.model, error.where)
    return f"缺少必填字段“{error.name}”", f"加一行“{error.name}: …”" + (f"（{title}）" if title else "")


def key_without_colon(name: str, fields) -> tuple[str, str, str] | None:
    """(field, value, what is wrong) of "id gongre-g2" or "zone:garden" read as one key in {…}:
    a field's name, then its value after a space or a colon with no space."""
    found = re.fullmatch(r"([A-Za-z_][A-Za-z0-9_]*)([ \t]+|:)(\S.*)", name)
    if not found or found.group(1) not in fields:
        return None
    key = found.group(1)
    return key, found.group(3), f"“{key}”后面的冒号要跟一个空格" if found.group(2) == ":" else f"“{key}”后面少了冒号“:”"


def _values_named(model: type[BaseModel] | None, values: list) -> str:
    """"size: 80x60cm, orientation: portrait" for [80x60cm, portrait]: each value's one field, among
    those that take only some words (a choice, a pattern); "" when any is not that plain."""
    if model is None or not values:
        return ""
    named = []
    for value in values:
        takes = [name for name, info in model.model_fields.items() if _takes(info, value) and not _takes(info, "随便写的字")]
        if len(takes) != 1 or any(name == takes[0] for name, _ in named):
            return ""
        named.append((takes[0], value))
    return ", ".join(f"{name}: {value}" for name, value in named)


def _takes(info: FieldInfo, value: Any) -> bool:
    """Whether the field takes the value (a word, not a group or a list)."""
    if not isinstance(value, str):
        return False
    try:
        _adapter(info).validate_python(value)
    except ValidationError:
        return False
    return True


@functools.cache
def _adapter(info: FieldInfo) -> TypeAdapter:
    return TypeAdapter(Annotated[info.annotation, *info.metadata] if info.metadata else info.annotation)


def _group_hint(error: Error) -> str:
    """A sentence where a group of fields is wanted: the entry's fields, filled in from it
    (`- 2026年6月15日，…` for {date, text}, `review: 优秀`, `- 2019年 优秀党务工作者（党委）` for an honor)."""
    fields, value = set(fields_at(error.model, error.where)), error.value
    if isinstance(value, list) and (named := _values_named(model_at(error.model, error.where), value)):
        return f"每个值前面写上它的字段名：写成 {{{named}}}"  # signboard: [60x40cm, portrait] (AS-AG L6)
    if not isinstance(value, str) or not value.strip():
        return "检查缩进和冒号：字段名后面是半角冒号加空格"
    value = value.strip()
    found = re.fullmatch(meant.WRITTEN_DATE + r"[\s：:，,、]*(.+)", value)
    if {"date", "text"} <= fields and found:
        year, month, day, text = found.groups()
        return f"写成 {{date: {year}-{int(month):02}-{int(day):02}, text: {shortened(text, 20)}}}"
    if {"result", "date", "by"} <= fields and len(value) <= 12:  # review: 优秀
        return f"写成 {{result: {value}}}；有评诺日期和方式的话一起写上，例如 {{result: {value}, date: 2026-12-26, by: 群众评议}}"
    honor = re.fullmatch(r"(?:(\d{4})\s*年?(?:度)?)?[\s：:，,、]*([^（(]+?)\s*(?:[（(]([^）)]+)[）)])?", value)
    if {"year", "title", "by"} <= fields and honor and honor.group(2):
        year, title, by = honor.groups()
        parts = ([f"year: {year}"] if year else []) + [f"title: {title}"] + ([f"by: {by}"] if by else [])
        return f"写成 {{{', '.join(parts)}}}"
    return "检查缩进和冒号：字段名后面是半角冒号加空格"


def _not_a_group(error: Error) -> tuple[str, str]:
    """`review:` written as a list of one: the fields are right, the "- " is not."""
    if isinstance(error.value, list) and error.value and all(isinstance(item, dict) for item in error.value) and not error.in_list:
        title = title_of(error.model, error.where)
        more = f"（{title}只写一次）" if len(error.value) > 1 and title else ""
        return (f"“{error.name}”只写一组“字段: 值”，现在写成了列表{more}",
                f"去掉“- ”，把字段写在“{error.name}:”下一层（缩进两个空格），或写成 {error.name}: {{…}}" if len(error.value) == 1
                else f"只留一组，去掉“- ”，把字段写在“{error.name}:”下一层（缩进两个空格）")
    return f"这里应该是“字段: 值”的一组内容{error.now}", _group_hint(error)


def entry_as_pair(name: str, value: Any, fields) -> tuple[str, str] | None:
    """(message, hint) for an entry written as one "key: value" pair: `- 2026-03-20: 召开…` for
    {date, text}, `- gongre-baozhang: 86.5` for {zone, score}; None for any other unknown key."""
    if {"date", "text"} <= set(fields) and re.fullmatch(r"\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?", name):
        shown = shortened(str(value), 20) if isinstance(value, str) and value.strip() else "…"
        return f"“{name}”是日期，不是字段名", f"每条写成 {{date: {name}, text: {shown}}}，不要删掉这一行"
    if {"zone", "score"} <= set(fields) and re.fullmatch(ID_PATTERN, name) and re.fullmatch(r"\d+(\.\d+)?", str(value)):
        return f"“{name}”是责任区编号，不是字段名", f"每条写成 {{zone: {name}, score: {value}}}，不要删掉这一行"
    return None


A_NUMBER = "写成一个具体的数，例如 86.5"


def _too_large(error: Error) -> tuple[str, str]:
    """Over the most a field takes; NaN or infinity (NaN, 1e400), which the float parser reads as
    numbers that fail every bound, are no number at all."""
    try:
        finite = math.isfinite(float(error.value))
    except (TypeError, ValueError, OverflowError):
        finite = True
    if not finite:
        return f"应该是数字{error.now}", A_NUMBER
    guess = meant.swapped_year(error.value)
    return (f"不能大于 {meant.number_text(error.ctx.get('le', error.ctx.get('lt')))}{error.now}",
            f"是不是 {guess}？（两个数字写颠倒了）" if guess else meant.out_of_range(error.value, error.ctx))


def _unknown_field(error: Error) -> tuple[str, str]:
    name, parent = error.name, error.parent
    message = f"不认识的字段“{name}”"
    fields = fields_at(error.model, error.where[:-1])
    if error.value is None and (split := key_without_colon(name, fields)):  # {id gongre-g2, name: …}
        return split[2], f"写成“{split[0]}: {split[1]}”（半角冒号，后面加空格）"
    if derived := computed_hint(name, parent):  # a known word: before any near spelling
        return message, derived
    if child := belongs_under(parent, name):  # orientation: a line out of signboard:
        return message, child
    if (bare := name.strip()) != name and bare in fields:  # post　: a full-width space left before the colon by an input method
        space = "全角空格" if "\u3000" in name else "空格"
        return f"不认识的字段“{name}”：字段名{'后面' if name.startswith(bare) else '前面'}多了一个{space}", f"删掉它，写成 {bare}:"
    if (bare := name.strip("“”‘’「」\"' ")) != name and bare in fields:  # “slogan”: typed with Chinese quotes on
        return f"不认识的字段“{name}”：字段名带了中文引号", f"去掉引号：写成 {bare}:（字段名不加引号）"
    if (elsewhere := written_elsewhere(name)) and not any(name in (f + "s", f[:-1]) for f in fields):
        return message, elsewhere  # score: in a zone is a result's, not a misspelt scope; group: in a branch is groups
    close = did_you_mean(name, fields) or named_in_other_words(name, parent)
    if paired := entry_as_pair(name, error.value, fields):
        return paired
    if re.fullmatch(r"[0-9]+", name) and (number := next((f for f in ("score", "min") if f in fields), None)):
        # {zone: a, score: 74,9}: the comma ended the score
        return (f"{message}：多半是 {number} 里的逗号把数字分成了两半", f"小数点要用“.”：写成 {number}: 74.9 这样，不写 74,9")
    if not name.isascii() and (twin := next((f for f in fields if plain(f) == plain(name)), None)):
        return message, f"字段名里有全角字母或不是英文的字母，看起来一样，电脑不认：换成英文（半角）输入法，重新输入 {twin}"
    if PRIVATE.search(name) and not PRIVATE.search(close):  # "phone" is not a misspelt "photo"
        public = [f for f in fields if f in ("service_phone", "hotline")]
        if public and re.search(r"phone|mobile|tel|电话|手机", name, re.I):
            return message, f"公开的电话写在 {public[0]}：是不是要写 {public[0]}？"
        return message, NOT_PUBLISHED
    if not close and (quote := re.search(r"[“”‘’]", name)):  # {note: ‘差, 整改’}: the comma ended the value
        return message, curly_quotes_hint(quote.group(0))
    if not close and error.value is None and re.search(r"[\u3400-\u9fff]", name):  # {note: 排水及时, 居民满意}
        return message, ("如果这是前面一段文字的后半截：花括号 {…} 里的半角逗号“,”把文字分成了两段，"
                         "把它改成中文逗号“，”，或者把整段文字用英文引号括起来，例如 note: \"排水及时, 居民满意\"")
    if not close and re.search(r"[\u3400-\u9fff]", name):  # `{text: 抢修, 时间: 凌晨2:00}`: text with a colon
        return message, (f"字段名都是英文；如果“{name}:”是文字的一部分，"
                         "把整段文字用英文引号括起来，例如 text: \"抢修完成，时间: 凌晨2:00\"")
    if not close and (child := near_field_of_a_part(parent, name)):
        return message, child
    if not close and "category" in fields and re.fullmatch(r"tags?|labels?|categor(y|ies)|types?|kinds?|classif\w*|分类|标签|类别", name, re.I):
        return message, "故事没有标签；它的类别写在 category，只写一个（取自 org.yaml 的 story_categories）：删掉这一行"
    return message, close or f"内容格式里没有这个字段（这里能写的有 {'、'.join(fields)}）：删掉这一行，或改成其中的一个"


def _not_text(error: Error) -> tuple[str, str]:
    if isinstance(error.value, list) and error.name in ONE_ONLY and error.value:
        return f"“{error.name}”只能写一个，现在写成了列表", f"只写一个：{error.name}: {show(error.value[0])}（{ONE_ONLY[error.name]}）"
    if isinstance(error.value, list) and error.in_list:  # - - 乔灌木修剪: a list inside the list
        first = show(error.value[0]) if error.value else ""
        return (f"{error.name} 的第 {error.where[-1] + 1} 条写成了列表里的列表：这一行多了一个“- ”",
                f"每条只用一个“- ”开头，写成 - {first}" if first else "每条只用一个“- ”开头")
    if isinstance(error.value, list):
        return f"“{error.name}”应该是一段文字，现在写成了列表", "把这几项合成一段文字写在冒号后面"
    if isinstance(error.value, dict) and error.in_list and len(error.value) == 1:  # - 巡查时间: 每日7:00
        (key, value), = error.value.items()
        if isinstance(value, list):  # - 植被养护: / - 补植: sub-items, which a list of text has not (audit AM 8)
            items = "、".join(show(item) for item in value if item is not None and not isinstance(item, (list, dict)))
            return (f"{error.name} 的第 {error.where[-1] + 1} 条下面又分了小项：{error.name} 只有一层，每条是一段文字",
                    f"把小项并进这一条，写成 - {key}：{items}；或者把每个小项各写成一条" if items else f"写成 - {key}，小项各写成一条")
        return (f"{error.name} 的第 {error.where[-1] + 1} 条应该是一段文字：“{key}”后面的半角冒号加空格让它成了“名称: 值”",
                f"把这个冒号改成中文冒号“：”，写成 - {key}：{show(value) if value is not None else ''}；或者把整条用英文引号括起来")
    if isinstance(error.value, dict):
        return f"“{error.name}”应该是一段文字，现在下面写了“字段: 值”", "值里有冒号时用引号括起来；也检查下一行是不是缩进多了"
    if isinstance(error.value, bool):  # id: true: YAML reads the word as yes or no
        return (f"这里应该是一段文字{error.now}",
                f"YAML 把不加引号的 {show(error.value)} 当成“是/否”：要当文字用就加英文引号，写成 \"{show(error.value)}\""
                + ("；或者换一个编号" if error.name == "id" else ""))
    return f"这里应该是一段文字{error.now}", ""


def _text_too_short(error: Error) -> tuple[str, str]:
    least = error.ctx.get("min_length", 1)
    if least > 1:
        none = isinstance(error.value, str) and NONE_WRITTEN.fullmatch(error.value.strip())
        if none and is_optional(error.model, error.where):  # hotline: 无
            return none_said(error.value), NONE_HINTS[1]
        return f"太短了：至少 {least} 个字符{error.now}", ""
    blank = "只有空格或看不见的字符，等于没写" if isinstance(error.value, str) and error.value else ""  # a full-width space left by an input method
    if error.in_list:
        return f"这一项是空的{'：' + blank if blank else ''}", "写上内容，或者删掉这一项"
    title = title_of(error.model, error.where)
    return f"不能为空{'：' + blank if blank else ''}", f"“{error.name}”{f'（{title}）' if title else ''}是必填的：写上内容"


def _text_too_long(error: Error) -> tuple[str, str]:
    value, most = error.value, error.ctx.get("max_length")
    written = f"（现在 {len(value)} 个）" if isinstance(value, str) else ""
    if isinstance(value, str) and most == ID_LENGTH and re.fullmatch(r"[a-z0-9][a-z0-9-]*", value):  # an id: it is printed in QR codes
        return f"编号太长了：最多 {most} 个字符{written}", "编号用简短的拼音或缩写，例如 zhang-wei、wuye-1；它会出现在网址和二维码里"
    # the longest field there is, or one of a record with no content field (a member's name: AS-AG L6):
    # a long account is a story (audit AQ 5)
    if error.name in ("content", "intro") or "content" not in fields_at(error.model, error.where[:-1]):
        return f"太长了：最多 {most} 个字符{written}", "删减一些文字；很长的经过写成一篇故事（content/stories/ 里）"
    return f"太长了：最多 {most} 个字符{written}", "删减一些文字；详细的经过写进故事正文或 content 字段"


def _not_whole_number(error: Error) -> tuple[str, str]:
    year_like = "year" in error.name or error.name == "joined"
    return (f"应该是{'年份（四位数字）' if year_like else '整数'}{error.now}",
            (meant.as_year(error.value) if year_like else "") or meant.as_number(error.value, whole=True)
            or ("年份只写四位数字，例如 2008" if year_like else ""))


def _several_numbers(error: Error) -> str:
    """Two numbers side by side: a list mark between them, or 转 before the second when it is the
    first one's extension ("0317-2721365 8001")."""
    hint = "两个号码之间加“、”，例如 0317-2721365、0317-2721366（网页上每个号码都能点击拨打）"
    parts = str(error.ctx.get("written", "")).split()
    if len(parts) == 2 and len(parts[1]) <= 6 and parts[1].isdigit():
        hint += f"；{parts[1]} 是分机号的，写成 {parts[0]}转{parts[1]}"
    return hint


def _not_a_choice(error: Error) -> tuple[str, str]:
    choices = re.findall(r"'([^']*)'", str(error.ctx.get("expected", "")))
    value = error.value
    written_in_chinese = next((word for word in choices if isinstance(value, str) and value.strip() in IN_CHINESE.get(word, ())), None)
    listed = "、".join(choices[:-1]) + f" 或 {choices[-1]}" if len(choices) > 1 else "".join(choices)  # not "a | b": an editor's words
    if choices == ["active", "former"] and isinstance(value, str) and (said := _STATUS_SAID.get(value.strip().strip("。"))):
        return f"只能是 {listed}{error.now}", said
    hint = f"写成 {written_in_chinese}" if written_in_chinese else did_you_mean(value, choices)
    return f"只能是 {listed}{error.now}", hint or f"从 {listed} 里选一个，照样抄下来"


# a member's status the format has no word for: what to write instead
_RETIRED = "退休的党员仍是本单位的党员：写 active（或删掉 status），branch 写离退休党支部（如果有）；调离本单位的才写 former"
_DIED = "格式里没有“去世”：写 former（网页保留，但会标注“已调离”），或写 hidden: true 不再公开他/她的网页"
_STATUS_SAID = {**dict.fromkeys(("退休", "已退休", "离休", "退休返聘"), _RETIRED),
                **dict.fromkeys(("去世", "已去世", "已故", "逝世", "已逝世", "病故", "过世", "牺牲", "deceased", "dead"), _DIED)}


def _too_few(error: Error) -> tuple[str, str]:
    least = error.ctx.get("min_length", 1)
    if not isinstance(error.value, (list, tuple, set, dict)):  # a text, or a number read as one (hotline: 12, AS-N 13)
        return _text_too_short(error)
    title = title_of(error.model, error.where)
    hint = f"在“{error.name}:”下面写{f'{title}，' if title else ''}每项一行，以“- ”开头"
    parent = error.parent
    field = parent.model_fields.get(error.name) if parent is not None else None
    if field is not None and not field.is_required():  # `story_categories: []` where leaving it out takes the defaults
        hint += f"；或者删掉“{error.name}”这一行，使用默认的{title or '值'}"
    return f"至少要有 {least} 项", hint


def _kinds(wording: Wording, *kinds: str) -> dict[str, Wording]:
    return dict.fromkeys(kinds, wording)


WORDINGS: dict[str, Wording] = {
    "missing": _missing,
    "extra_forbidden": _unknown_field,
    "string_pattern_mismatch": pattern_wording,
    **_kinds(_not_text, "string_type", "str_type"),
    "string_too_short": _text_too_short,
    "string_too_long": _text_too_long,
    **_kinds(_not_whole_number, "int_parsing", "int_parsing_size", "int_type", "int_from_float"),
    "string_unicode": lambda e: ("这里有一个不完整的字符（“\\u”加四位编码写出的半个字符），无法显示",
                                 "删掉这个“\\u…”编码，或者直接写出这个字"),
    **_kinds(lambda e: (f"应该是数字{e.now}", meant.as_number(e.value, whole=False) or A_NUMBER), "float_parsing", "float_type"),
    **_kinds(lambda e: (f"应该是数字{e.now}", A_NUMBER), "finite_number"),
    **_kinds(lambda e: (f"不能小于 {meant.number_text(e.ctx.get('ge', e.ctx.get('gt')))}{e.now}", meant.out_of_range(e.value, e.ctx)),
             "greater_than_equal", "greater_than"),
    **_kinds(_too_large, "less_than_equal", "less_than"),
    **_kinds(lambda e: (f"只能是 true 或 false{e.now}", f"去掉引号：写成 {e.value.strip().lower()}，不加引号"
                        if isinstance(e.value, str) and e.value.strip().lower() in ("true", "false")
                        else "写英文小写的 true（是）或 false（否），不写“是”“yes”“1”"),
             "bool_parsing", "bool_type"),
    "literal_error": _not_a_choice,
    "list_type": not_a_list,
    "too_short": _too_few,
    "too_long": lambda e: _text_too_long(e) if isinstance(e.value, str) else (f"最多 {e.ctx.get('max_length')} 项", ""),
    **_kinds(_not_a_group, "model_type", "dict_type", "model_attributes_type"),
    # the format's own errors (values.py, model.py): their message is already in Chinese
    "phone_digits": lambda e: (e.msg, _several_numbers(e) if e.ctx.get("several")
                               else "对照手机上的号码重新输入 11 位数字，例如 13899012345" if e.msg.startswith("手机号码")
                               else "写出能拨打的号码，例如 0317-2721365；号码还没定时，先不要发布这个责任区"),
    "phone_float": lambda e: (e.msg, f"照原来的号码重新输入全部数字，并用英文引号括起来，例如 {e.name}: \"13899012345\""),
    "phone_markup": lambda e: (e.msg, "这里只写电话号码，可以在括号里加说明，例如 0317-2721365（24小时）"),
    "phone_mark": lambda e: (e.msg, "号码中间只用“-”分开，例如 0317-2721365；有分机号写“转”，例如 0317-2721365转8001"),
    "phone_letter": lambda e: (e.msg, f"是不是数字 {e.ctx.get('digit')}？号码里只写数字和“-”"),
    "one_tag": lambda e: (e.msg, f"一项一个，用半角逗号“,”分开：写成 [{e.ctx.get('parts', '')}]"),
    "date_invalid": lambda e: (e.msg, meant.days_in(e.value)),
    "date_format": lambda e: (e.msg + e.now, meant.as_date(e.value)),
    "date_year": lambda e: (e.msg, meant.date_hint(e.ctx["value"])),
    "member_or_name": lambda e: (e.msg, "名单里的党员写 member: 编号，名单外的人写 name: 姓名；两个都写了就删掉一个"
                                 if isinstance(e.value, dict) and e.value.get("member") is not None and e.value.get("name") is not None
                                 else "名单里的党员写 member: 编号（例如 member: zhang-wei），名单外的人写 name: 姓名"),
    "image_data": lambda e: (e.msg, "这是从网页或微信里复制出来的图片：把图片另存为文件，放进 content/photos/，这里写 photos/文件名.jpg"),
}
