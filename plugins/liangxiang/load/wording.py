"""pydantic's errors in an editor's words: a message and a hint for each kind of error.

Each kind has its own small function (``WORDINGS``); what an editor meant by a refused value
comes from ``meant``, and the fields they may have meant from ``modelpath``.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from typing import Any, Callable

from pydantic import BaseModel

from ..problems import did_you_mean, plain, shortened
from ..values import ID_LENGTH, ID_PATTERN, PERIOD_PATTERN, SIZE_PATTERN, unaccented
from . import meant
from .modelpath import (
    belongs_under, computed_hint, field_at, fields_at, is_optional, model_at, named_in_other_words, near_field_of_a_part, title_of,
    written_elsewhere,
)
from .yamlhints import curly_quotes_hint

# the words for a value that does not match a pattern (the JSON Schemas show them too), and
# whether the value is an id
PATTERN_MESSAGES = {
    ID_PATTERN: ("编号只能用小写字母 a-z、数字 0-9 和“-”，以字母或数字开头，最长 64 个字符", "id"),
    PERIOD_PATTERN: ("考核期要写成 YYYY-Qn，例如 2026-Q1（n 为 1 到 4）", ""),
    SIZE_PATTERN: ("标志牌尺寸只能是 60x40cm、80x60cm、A3、A4，或 宽x高mm（例如 900x600mm，宽和高都在 100 到 5000 之间）", ""),
}

# the start of the hint that offers an id written right: check.taken_examples offers a free one
# when that id is another record's
ID_EXAMPLE = "例如写成 "

# choices as editors write them in Chinese
IN_CHINESE = {"former": ("已调离", "调离", "离职", "已离职", "调出"), "active": ("在岗", "在职", "在用", "正常", "在册"),
              "archived": ("撤销", "已撤销", "停用", "已停用"), "landscape": ("横版", "横", "横向"), "portrait": ("竖版", "竖", "竖向"),
              "red-gold": ("红底黄字", "红色"), "white-red": ("白底红字", "白色")}

# short words only where a word starts: "tel" and "mail" are private, "titel" and "hotel" are misspellings
PRIVATE = re.compile(r"phone|mobile|wechat|weixin|e-?mail|address|id_?card|identity|身份证|手机|电话|住址|微信"
                     r"|(?:^|[_\-.\s])(?:tel|qq|mail|addr|sfz)", re.I)
NOT_PUBLISHED = "个人电话、身份证号、住址等不公开的信息没有字段，不要写进来：删掉这一行"


def show(value: Any) -> str:
    """A value as the editor wrote it, cut to 40 characters."""
    text = value if isinstance(value, str) else str(value).lower() if isinstance(value, bool) else repr(value)
    return text if len(text) <= 40 else text[:37] + "…"


@dataclass(frozen=True)
class Error:
    """One of pydantic's errors, about the field at ``where`` inside ``model``."""

    kind: str
    ctx: dict
    value: Any
    msg: str
    model: type[BaseModel]
    where: tuple

    @property
    def name(self) -> str:
        """The field's name (the list's, for an item of a list)."""
        return next((str(p) for p in reversed(self.where) if isinstance(p, str)), "")

    @property
    def now(self) -> str:
        """"（现在是“…”）" for a value written in one line."""
        return f"（现在是“{show(self.value)}”）" if isinstance(self.value, (str, int, float, bool)) else ""

    @property
    def in_list(self) -> bool:
        return bool(self.where) and isinstance(self.where[-1], int)

    @property
    def parent(self) -> type[BaseModel] | None:
        """The record kind the field belongs to."""
        return model_at(self.model, self.where[:-1])


Wording = Callable[[Error], "tuple[str, str]"]


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


def _group_hint(error: Error) -> str:
    """A sentence where a group of fields is wanted: the entry's fields, filled in from it
    (`- 2026年6月15日，…` for {date, text}, `review: 优秀`, `- 2019年 优秀党务工作者（党委）` for an honour)."""
    fields, value = set(fields_at(error.model, error.where)), error.value
    if not isinstance(value, str) or not value.strip():
        return "检查缩进和冒号：字段名后面是半角冒号加空格"
    value = value.strip()
    found = re.fullmatch(meant.WRITTEN_DATE + r"[\s：:，,、]*(.+)", value)
    if {"date", "text"} <= fields and found:
        year, month, day, text = found.groups()
        return f"写成 {{date: {year}-{int(month):02}-{int(day):02}, text: {shortened(text, 20)}}}"
    if {"result", "date", "by"} <= fields and len(value) <= 12:  # review: 优秀
        return f"写成 {{result: {value}}}；有评议日期和方式的话一起写上，例如 {{result: {value}, date: 2026-12-26, by: 群众评议}}"
    honour = re.fullmatch(r"(?:(\d{4})\s*年?(?:度)?)?[\s：:，,、]*([^（(]+?)\s*(?:[（(]([^）)]+)[）)])?", value)
    if {"year", "title", "by"} <= fields and honour and honour.group(2):
        year, title, by = honour.groups()
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


def _pattern(error: Error) -> tuple[str, str]:
    value, pattern = error.value, error.ctx.get("pattern")
    if isinstance(value, str) and (hidden := meant.invisible(value)):
        cleaned = "".join(c for c in value if c not in hidden).strip()
        fixed = re.fullmatch(str(pattern), cleaned) is not None
        names = "、".join(meant.INVISIBLE_NAMES.get(c, "") + f"U+{ord(c):04X}" for c in hidden)
        return (f"“{error.name}”里有看不见的字符（{names}），看上去对，电脑却不认",
                "删掉它（把这个值整个删掉重新输入）" + (f"：写成 {cleaned}" if fixed else ""))
    message, id_like = PATTERN_MESSAGES.get(pattern, (f"格式不对，应符合 {pattern}", ""))
    if not isinstance(value, str):
        return message + error.now, ""
    hint = ""
    if re.fullmatch(str(pattern), value.strip().upper()):  # 2026-q3
        hint = f"写成 {value.strip().upper()}"
    if pattern == PERIOD_PATTERN and (period := meant.as_period(value)):
        hint = period
    elif pattern == PERIOD_PATTERN and (shape := re.fullmatch(r"\s*([0-9]{4})-(Q[1-4])\s*", value, re.I)):
        guess = meant.swapped_year(shape.group(1))
        message = f"考核期“{value.strip()}”的年份不对（只能是 1900 到 2100 年）"
        hint = f"是不是 {guess}-{shape.group(2).upper()}？" if guess else ""
        return message, hint
    turned = re.fullmatch(r"\s*(.+?)[\s,，、（(]*(横版|横向|横|竖版|竖向|竖)[)）]?\s*", value) if pattern == SIZE_PATTERN else None
    if turned and (size := meant.as_size(turned.group(1))):  # A3 横版: the orientation has a field of its own
        hint = f"写成 size: {size}，下一行同样缩进写 orientation: {'landscape' if turned.group(2).startswith('横') else 'portrait'}"
    elif pattern == SIZE_PATTERN and (size := meant.as_size(value)):
        hint = f"写成 {size}"
    elif pattern == SIZE_PATTERN and re.fullmatch(r"\s*\d+\s*[x×*]\s*\d+\s*mm\s*", value, re.I):
        hint = "宽和高都按毫米写，在 100 到 5000 之间：一张 A4 是 297x210mm，2 米宽的牌子是 2000x…mm"
    elif pattern == SIZE_PATTERN and (paper := PAPER_MM.get(value.strip().upper())):  # A5, B4: sizes the format does not name
        hint = f"写成 {paper}（{value.strip().upper()} 的尺寸，横放）" + ("；这么小的牌子放不下二维码和文字时，生成会说，一般最小用 A4" if int(paper.split("x")[0]) < 297 else "")
    elif pattern == PERIOD_PATTERN and not hint and re.fullmatch(r"\s*\d{4}-Q(?:[05-9]|\d\d+)\s*", value, re.I):
        hint = QUARTERS
    if id_like:
        hint = _id_hint(error)
    return message + error.now, hint


QUARTERS = "一年只有四个季度：写 Q1、Q2、Q3 或 Q4（1—3 月是 Q1，10—12 月是 Q4）"
# paper sizes people name that the format does not: written as width x height in mm, landscape
PAPER_MM = {"A0": "1189x841mm", "A1": "841x594mm", "A2": "594x420mm", "A5": "210x148mm",
            "B2": "707x500mm", "B3": "500x353mm", "B4": "353x250mm", "B5": "250x176mm"}
PINYIN_U = str.maketrans("üǖǘǚǜ", "vvvvv")  # lü-xin: an id writes ü as v


def _id_hint(error: Error) -> str:
    """The id to write for 何小鹏 or "Zhang Wei", and for several written as one."""
    value, model, where = error.value, error.model, error.where
    if value.strip() != value and re.fullmatch(ID_PATTERN, value.strip()):  # "wuye-1　": the space does not show
        space = next(c for c in value if c.isspace())
        kind = {" ": "空格", "\u3000": "全角空格", "\u00a0": "不间断空格", "\t": "制表符"}.get(space, f"空白字符（U+{ord(space):04X}）")
        side = "后面" if value.startswith(value.strip()) else "前面"
        return f"“{value.strip()}”{side}多了一个{kind}：删掉它，写成 {value.strip()}"
    folded = unicodedata.normalize("NFKC", value).strip().lower().replace("－", "-")
    if folded != value.strip().lower() and re.fullmatch(ID_PATTERN, folded):  # li-na-２, ｌｉ-ｎａ: typed in full-width mode
        return f"编号里有全角字符，换成英文输入法重新输入：写成 {folded}"
    inner = next((c for c in value.strip() if c.isspace() and not c.isascii()), None)
    joined = re.sub(r"\s*-\s*|\s+", "-", value.strip())  # deng　-hai: the space beside a "-" goes
    if inner and re.fullmatch(ID_PATTERN, joined.lower()):  # chen jing pasted from Word: no tone, a space that looks like one
        kind = {"\u3000": "全角空格", "\u00a0": "不间断空格"}.get(inner, f"空白字符（U+{ord(inner):04X}）")
        return f"编号中间有{kind}，编号里不能有空格，词之间用“-”连接：写成 {joined.lower()}"
    toneless = "-".join(unaccented(value.strip().lower().translate(PINYIN_U)).split())
    if not value.isascii() and re.fullmatch(ID_PATTERN, toneless):  # wáng-jiànguó, wáng jiànguó, lü-xin: pinyin with its tones
        return f"编号里的拼音不带声调：写成 {toneless}"
    if (dashed := value.strip().translate(meant.LOOKALIKE_DASHES)) != value.strip() and re.fullmatch(ID_PATTERN, dashed.lower()):  # wang‐jianguo from Word
        return meant.dash_hint(value) + f"写成 {dashed.lower()}"
    if (bare := value.strip().strip("“”‘’「」")) != value.strip() and re.fullmatch(ID_PATTERN, bare):  # “li-na”: Chinese quotes are part of the value
        return f"中文引号会当成编号的一部分：去掉引号，写成 {bare}"
    noted = re.fullmatch(r"\s*([a-z0-9][a-z0-9-]*)\s*[（(【\[][^）)】\]]*[）)】\]]\s*", value)
    if noted and re.fullmatch(ID_PATTERN, noted.group(1)):  # wang-jianguo（王建国）: the name as a note
        return f"括号里的说明不能写在编号里（要说明就写在这一行的 # 后面）：写成 {noted.group(1)}"
    slug = re.sub(r"[^a-z0-9-]+", "-", value.strip().lower()).strip("-")[:64]
    if re.search(r"[\u3400-\u9fff]", value):  # 何小鹏 -> he-xiaopeng, 同心广场 -> tongxin-guangchang
        slug = meant.id_from_name(value, model, where)
    hint = f"{ID_EXAMPLE}{slug}" if slug and slug != value else ""
    parts = [part.strip() for part in re.split(r"[、，；;,]", value) if part.strip()]
    spaced = value.split()  # [zhang-wei li-na], a comma left out; not "Zhang Wei" or "王 芳", one name
    if len(parts) == 1 and 1 < len(spaced) <= 3 and all(re.fullmatch(r"[a-z]{2,}", p) for p in spaced):
        # sun haitao: one name's pinyin, spaced where "-" goes (b1 b2 are two ids; so are zhang-wei li-na)
        return f"编号里不能有空格，词之间用“-”连接：写成 {'-'.join(spaced)}"
    if len(parts) == 1 and len(spaced) > 1 and all(re.fullmatch(ID_PATTERN, p) or re.fullmatch(r"[\u3400-\u9fff]{2,}", p) for p in spaced):
        parts = spaced
    if len(parts) > 1:
        ids = [meant.id_from_name(part, model, where) if re.search(r"[\u3400-\u9fff]", part) else part for part in parts]
        hint = (f"几个编号之间用半角逗号“,”分开：写成 [{', '.join(ids)}]" if error.in_list  # [a、b、c]: one item of a list
                else f"这里只能写一个编号，例如 {ids[0]}" + (f"（{ONE_ONLY[error.name]}）" if error.name in ONE_ONLY else ""))
    return hint


# fields that name one thing, and why there is one
ONE_ONLY = {"branch": "一名党员只属于一个党支部", "group": "一名党员只属于一个党小组", "category": "一个故事只放在一个类别里",
            "leader": "一个责任区只有一位党员负责人，其他人写在 roles 或 members", "zone": "一条只写一个责任区", "member": "一条只写一名党员",
            "successor": "接替它的只写一个责任区"}


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
    if error.name in ("content", "intro"):  # the longest field there is: a long account is a story (audit AQ 5)
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


_NUMBERED = re.compile(r"\s*(?:[1-9１-９][.．、)）]|[(（][1-9１-９][)）]|[①-⑨])")
_ID = re.compile(r"[a-z0-9][a-z0-9-]*")


def _not_a_list(error: Error) -> tuple[str, str]:
    item = model_at(error.model, (*error.where, 0))
    hint = _entries_hint(item, error.value) if item is not None else _names_hint(error) or _list_hint(error.value)
    return f"这里应该是一个列表{error.now}", hint or "每项一行、以“- ”开头，或者写成 [甲, 乙]"


def _names_hint(error: Error) -> str:
    """A list of ids written as names in one text (members: 徐光明、孙海涛): the list of their ids."""
    _, field = field_at(error.model, error.where)
    refers = field.json_schema_extra.get("x-refers-to") if field is not None and isinstance(field.json_schema_extra, dict) else None
    if refers is None or not isinstance(error.value, str) or not re.search(r"[\u3400-\u9fff]", error.value):
        return ""
    names = [part for part in re.split(r"[、，,；;\s]+", error.value.strip()) if part]
    ids = [meant.id_from_name(name, error.model, (*error.where, 0)) if re.search(r"[\u3400-\u9fff]", name) else name for name in names]
    return f"这里写编号，不写名称，写成列表：[{', '.join(ids)}]"


def _entries_hint(item: type[BaseModel], value: object) -> str:
    """A list of records written as one text (honors: 2021年服务之星): the entries it meant, in the
    record's fields (- {year: 2021, title: 服务之星}), with the fields it must also have."""
    if isinstance(value, dict):  # honors: {year: 2021, title: 服务之星}, or its fields on the lines below
        written = ", ".join(f"{key}: {show(field)}" for key, field in list(value.items())[:4])
        return f"只有一项也要写成列表：在这一项前面加“- ”，写成 - {{{written}}}"
    fields = item.model_fields
    required = [name for name, info in fields.items() if info.is_required()]
    main = next((name for name in required if name not in _NAMED_BY_ID), next(iter(fields)))
    # entries are cut at 、 or ；, or where the next date begins: a sentence's own comma stays in it
    cut = r"[；;]|[、，,](?=\s*(?:19|20)\d\d)" if {"year", "date"} & set(fields) else r"[、；;]"
    texts = [part.strip() for part in re.split(cut, value) if part.strip()] if isinstance(value, str) else []
    entries, said = [], {main}
    for text in texts[:2] or ["…"]:
        shown = {}
        for name, pattern in (("year", r"((?:19|20)\d\d)\s*年?\s*(.+)"), ("date", r"(\d{4}-\d\d-\d\d)\s*[:：,，]?\s*(.+)"),
                              ("member", r"([a-z][a-z0-9-]*)\s*[:：]?\s*(.+)"), ("zone", r"([a-z][a-z0-9-]*)\s*[:：]?\s*(.+)")):
            if name in fields and (found := re.match(pattern, text)):
                shown[name], text = found.group(1), found.group(2)
        if main != "name" and "name" in fields and (named := re.fullmatch(r"(.+?)\s+([\u3400-\u9fff·]{2,8})", text)):
            text, shown["name"] = named.group(1), named.group(2)  # 妇联主席 王芳: a role and who holds it
        shown |= {name: "…" for name in required if name not in shown and name != main}
        shown[main] = text
        entries.append("- {" + ", ".join(f"{name}: {shown[name]}" for name in fields if name in shown) + "}")
        said |= set(shown)
    more = [f"{name}（{info.title}）" if info.title else name for name, info in fields.items() if name not in said]
    return f"每项一行、以“- ”开头，写成 {'、'.join(entries)}" + (f"；还可以写 {'、'.join(more)}" if more else "")


_NAMED_BY_ID = {"year", "date", "id", "zone", "member"}  # what an entry is about, not what it says


def _list_hint(value: object) -> str:
    """The list an editor meant, from the one text they wrote."""
    if not isinstance(value, str):
        return ""
    text = value.strip()
    if re.match(r"-[^\s-]", text):  # `-植被养护` on the next line: one text, not a list
        return f"下一行的短横线“-”后面要有一个空格：写成“- {text[1:].split(' -')[0][:12]}…”"
    if len(text) > 1 and text[0] in "【［[" and text[-1] in "】］]":  # [ ] both half-width would be a list already
        inner = ", ".join(part.strip() for part in re.split(r"[，、,]", text[1:-1]) if part.strip())
        wide = "".join(char for char in (text[0], text[-1]) if not char.isascii())
        return f"“{wide}”是全角括号，YAML 不认：换成半角（英文）的方括号，写成 [{inner}]"
    if _NUMBERED.match(text):
        return "去掉“1.”“2.”这样的序号，每项单独一行、以“- ”开头（网页和标志牌会自己编号）"
    ids = [part for part in re.split(r"[\s,，、]+", text) if part]
    if ids and all(_ID.fullmatch(part) for part in ids):
        return f"{'只有一项也要' if len(ids) == 1 else ''}写成列表：[{', '.join(ids)}]"
    for mark in "、；;":
        parts = [part.strip() for part in text.split(mark) if part.strip()]
        if len(parts) > 1:
            return f"用“{mark}”隔开的 {len(parts)} 项要各写一行、以“- ”开头，例如“- {parts[0][:16]}”"
    return ""


def _too_few(error: Error) -> tuple[str, str]:
    least = error.ctx.get("min_length", 1)
    if isinstance(error.value, str):
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
    "string_pattern_mismatch": _pattern,
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
    "list_type": _not_a_list,
    "too_short": _too_few,
    "too_long": lambda e: _text_too_long(e) if isinstance(e.value, str) else (f"最多 {e.ctx.get('max_length')} 项", ""),
    **_kinds(_not_a_group, "model_type", "dict_type", "model_attributes_type"),
    # the format's own errors (values.py, model.py): their message is already in Chinese
    "phone_digits": lambda e: (e.msg, _several_numbers(e) if e.ctx.get("several")
                               else "写出能拨打的号码，例如 0317-2721365；号码还没定时，先不要发布这个责任区"),
    "phone_float": lambda e: (e.msg, f"照原来的号码重新输入全部数字，并用英文引号括起来，例如 {e.name}: \"13899012345\""),
    "phone_markup": lambda e: (e.msg, "这里只写电话号码，可以在括号里加说明，例如 0317-2721365（24小时）"),
    "phone_mark": lambda e: (e.msg, "号码中间只用“-”分开，例如 0317-2721365；有分机号写“转”，例如 0317-2721365转8001"),
    "phone_letter": lambda e: (e.msg, f"是不是数字 {e.ctx.get('digit')}？号码里只写数字和“-”"),
    "one_tag": lambda e: (e.msg, f"一项一个，用半角逗号“,”分开：写成 [{e.ctx.get('parts', '')}]"),
    "date_invalid": lambda e: (e.msg, meant.days_in(e.value)),
    "date_format": lambda e: (e.msg + e.now, meant.as_date(e.value)),
    "date_year": lambda e: (e.msg, meant.date_hint(e.ctx["value"])),
    "member_or_name": lambda e: (e.msg, ""),
    "image_data": lambda e: (e.msg, "这是从网页或微信里复制出来的图片：把图片另存为文件，放进 content/photos/，这里写 photos/文件名.jpg"),
}
