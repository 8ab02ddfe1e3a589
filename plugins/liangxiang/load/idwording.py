"""A value that does not match its pattern, in an editor's words: an id (何小鹏, "Zhang Wei",
wáng-jiànguó, several in one), a period (2026-q3, 2026-Q5) or a signboard's size (A3 横版, A5)."""

from __future__ import annotations

import re
import unicodedata

from ..values import ID_PATTERN, PERIOD_PATTERN, SIZE_PATTERN, unaccented
from . import meant
from .refusal import Error

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


def pattern_wording(error: Error) -> tuple[str, str]:
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
        hint = "宽和高都按毫米写，在 100 到 5000 之间：一张 A4 是 297x210mm，2 米宽的标志牌是 2000x…mm"
    elif pattern == SIZE_PATTERN and (paper := PAPER_MM.get(value.strip().upper())):  # A5, B4: sizes the format does not name
        hint = f"写成 {paper}（{value.strip().upper()} 的尺寸，横放）" + ("；这么小的标志牌放不下二维码和文字时，生成会说，一般最小用 A4" if int(paper.split("x")[0]) < 297 else "")
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


# Cyrillic and Greek letters drawn as Latin ones: hаn-xue with a Cyrillic а became h-n-xue (audit AS-AD L2)
LOOKALIKE_LETTERS = str.maketrans(
    "аеорсухіјѕԁԛԝһӏкАВЕКМНОРСТХІЈЅαεικνορτυχΑΒΕΖΗΙΚΜΝΟΡΤΥΧ",
    "aeopcyxijsdqwhlkabekmhopctxijsaeiknoptuxabezhikmnoptyx")


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
    if (latin := value.strip().translate(LOOKALIKE_LETTERS).lower()) != value.strip().lower() and re.fullmatch(ID_PATTERN, latin):
        letters = "、".join(f"“{c}”" for c in dict.fromkeys(c for c in value if ord(c) in LOOKALIKE_LETTERS))
        return f"编号里的{letters}是俄文或希腊文字母，看上去像英文字母（多半是从别处复制来的）：换成英文输入法重新输入，写成 {latin}"
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
