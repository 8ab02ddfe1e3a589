"""Ids from names: 张伟 -> zhang-wei, 同心广场绿化优秀党员责任区 -> tongxin-guangchang-lvhua.

Used by `liangxiang new` to fill in a free id, and by the checks to suggest one when an editor
writes a name where an id belongs.
"""

from __future__ import annotations

import re

# Surnames whose everyday reading differs from pypinyin's most common one, and two-character surnames.
SURNAME_READINGS = {
    "曾": "zeng", "单": "shan", "解": "xie", "仇": "qiu", "朴": "piao", "查": "zha", "区": "ou", "盖": "ge",
    "乐": "yue", "覃": "qin", "缪": "miao", "翟": "zhai", "秘": "bi", "尉": "yu", "员": "yun", "种": "chong",
    "繁": "po", "召": "shao", "阚": "kan", "洗": "xian", "折": "she", "黑": "he", "万俟": "moqi", "尉迟": "yuchi",
}
COMPOUND_SURNAMES = (
    "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "令狐", "慕容", "尉迟", "公孙", "夏侯", "长孙", "宇文",
    "司徒", "端木", "独孤", "南宫", "西门", "万俟", "呼延", "轩辕", "澹台", "公冶", "太史", "申屠", "闻人",
    "东郭", "百里", "钟离", "赫连", "拓跋", "第五", "左丘", "濮阳", "单于",
)
ZONE_SUFFIXES = ("优秀党员责任区", "党员责任区", "责任区")
# 卜 in a name is bu: the surname 卜 (bǔ), and 阿卜杜 in Uyghur names; pypinyin reads it bo, as in 萝卜.
# 布 is read bu everywhere, so it stands in for 卜 before a name is read.
NAME_READINGS = str.maketrans({"卜": "布"})


def _syllables(text: str) -> list[str] | None:
    try:
        from pypinyin import Style, lazy_pinyin
    except ImportError:  # pragma: no cover - pypinyin is a dependency; a stripped install still works
        return None
    return lazy_pinyin(text, style=Style.NORMAL, errors="default")


def _slug(parts: list[str]) -> str:
    text = "-".join(parts).lower()
    text = re.sub(r"[^a-z0-9]+", "-", text)
    return re.sub(r"-{2,}", "-", text).strip("-")[:64].strip("-")


def person_id(name: str) -> str:
    """张伟 -> zhang-wei, 欧阳晓红 -> ouyang-xiaohong, 曾国强 -> zeng-guoqiang ("" without pypinyin)."""
    name = re.sub(r"\s+", "", name).translate(NAME_READINGS)
    if not name:
        return ""
    if re.search(r"[·•・.]", name):  # 阿依古丽·买买提 -> ayiguli-maimaiti: one word per part of the name
        parts = [_syllables(part) for part in re.split(r"[·•・.]+", name) if part]
        return "" if any(p is None for p in parts) else _slug(["".join(p) for p in parts])
    surname = next((s for s in COMPOUND_SURNAMES if name.startswith(s)), name[0])
    if not re.fullmatch(r"[\u4e00-\u9fff]+", surname):
        return _slug((_syllables(name) or []))
    given = name[len(surname):]
    family = SURNAME_READINGS.get(surname)
    if family is None:
        syllables = _syllables(surname)
        if syllables is None:
            return ""
        family = "".join(syllables)
    rest = _syllables(given) if given else []
    if rest is None:
        return ""
    return _slug([family, "".join(rest)] if rest else [family])


def phrase_id(text: str, words: int = 4) -> str:
    """同心广场 -> tongxin-guangchang: one pinyin word per Chinese word, at most `words` of them."""
    for suffix in ZONE_SUFFIXES:
        if text.endswith(suffix) and len(text) > len(suffix):
            text = text[: -len(suffix)]
            break
    text = re.sub(r"[\s\W_]+", "", text)
    try:
        from pypinyin.seg.mmseg import seg
    except ImportError:  # pragma: no cover
        return ""
    pieces: list[str] = []
    singles = ""
    for word in [*seg.cut(text), ""]:  # "" flushes the last run of single characters
        if len(word) == 1 and re.fullmatch(r"[\u4e00-\u9fff]", word):
            if word not in "的之了":
                singles += word
            continue
        # runs of single characters the dictionary does not know as words: two at a time
        pieces += [singles[i:i + 2] for i in range(0, len(singles), 2)]
        singles = ""
        if word:
            pieces.append(word)
    parts = ["".join(_syllables(piece) or []) for piece in pieces[:words]]
    return _slug(parts)
