"""Ids from names: 张伟 -> zhang-wei, 同心广场绿化优秀党员责任区 -> tongxin-guangchang-lvhua.

Used by `liangxiang new` to fill in a free id, and by the checks to suggest one when an editor
writes a name where an id belongs.
"""

from __future__ import annotations

import re

from .values import APOSTROPHES, unaccented

# Surnames whose everyday reading differs from pypinyin's most common one, and two-character surnames.
SURNAME_READINGS = {
    "曾": "zeng", "单": "shan", "解": "xie", "仇": "qiu", "朴": "piao", "查": "zha", "区": "ou", "盖": "ge",
    "乐": "yue", "覃": "qin", "缪": "miao", "翟": "zhai", "秘": "bi", "尉": "yu", "员": "yun", "种": "chong",
    "繁": "po", "召": "shao", "阚": "kan", "洗": "xian", "折": "she", "黑": "he", "万俟": "moqi", "尉迟": "yuchi",
}
COMPOUND_SURNAMES = (
    "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "令狐", "慕容", "尉迟", "公孙", "夏侯", "长孙", "宇文",
    "司徒", "端木", "独孤", "南宫", "西门", "万俟", "呼延", "轩辕", "澹台", "公冶", "太史", "申屠", "闻人",
    "东郭", "百里", "钟离", "赫连", "拓跋", "第五", "左丘", "濮阳", "单于", "司空", "谷梁", "公羊", "淳于",
    "仲孙", "宗政", "漆雕",
)
ZONE_SUFFIXES = ("优秀党员责任区", "党员责任区", "责任区")
# 卜 in a name is bu: the surname 卜 (bǔ), and 阿卜杜 in Uyghur names; pypinyin reads it bo, as in 萝卜.
# 布 is read bu everywhere, so it stands in for 卜 before a name is read.
# 都 is du in a name (阿不都热合曼, the surname 都), 什 is shi (艾什丽): pypinyin reads dou and shen, as in 都是, 什么.
# 𠮷 (jí, outside the common block) is missing from pypinyin's tables: 吉 reads the same.
NAME_READINGS = str.maketrans({"卜": "布", "都": "督", "什": "十", "\U00020BB7": "吉"})
HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"  # every block of Chinese characters


def _syllables(text: str) -> list[str] | None:
    try:
        from pypinyin import Style, lazy_pinyin
    except ImportError:  # pragma: no cover - pypinyin is a dependency; a stripped install still works
        return None
    return lazy_pinyin(text, style=Style.NORMAL, errors="default")


def _latin(text: str) -> str:
    """Seán O'Connor -> Sean OConnor: accents off, apostrophes out (as a phone keyboard types it)."""
    return re.sub(f"[{APOSTROPHES}]", "", unaccented(text))


def _read(text: str) -> list[str] | None:
    """The syllables of text (a run of letters or digits is one of them: ICU, 120);
    None when a Chinese character has no reading (it would drop out of the id unseen)."""
    syllables = _syllables(text)
    if syllables is None or any(re.search(f"[{HAN}]", syllable) for syllable in syllables):
        return None
    return syllables


def _slug(parts: list[str]) -> str:
    text = "-".join(parts).lower()
    text = re.sub(r"[^a-z0-9]+", "-", text)
    return re.sub(r"-{2,}", "-", text).strip("-")[:64].strip("-")


def person_id(name: str) -> str:
    """张伟 -> zhang-wei, 欧阳晓红 -> ouyang-xiaohong, 曾国强 -> zeng-guoqiang ("" without pypinyin)."""
    name = _latin(name.strip()).translate(NAME_READINGS)
    if not re.search(f"[{HAN}]", name):  # David Chen -> david-chen: one word per word of the name
        return _slug(re.split(r"[\s·•・.]+", name))
    name = re.sub(r"\s+", "", name)
    if re.search(r"[·•・.]", name):  # 阿依古丽·买买提 -> ayiguli-maimaiti: one word per part of the name
        parts = [_read(part) for part in re.split(r"[·•・.]+", name) if part]
        return "" if any(p is None for p in parts) else _slug(["".join(p) for p in parts])
    surname = next((s for s in COMPOUND_SURNAMES if name.startswith(s)), name[0])
    if not re.fullmatch(f"[{HAN}]+", surname):
        return _slug(_read(name) or [])
    given = name[len(surname):]
    family = SURNAME_READINGS.get(surname)
    if family is None:
        syllables = _read(surname)
        if syllables is None:
            return ""
        family = "".join(syllables)
    rest = _read(given) if given else []
    if rest is None:
        return ""
    return _slug([family, "".join(rest)] if rest else [family])


def _words_of(singles: str) -> list[str]:
    """A run of characters pypinyin's dictionary knows no word in (号集输泵), cut by jieba's (号 集输 泵),
    then two at a time, which reads best in an id (维修中心: weixiu-zhongxin); 号集输泵 was 号集 输泵 (audit AS-J 2)."""
    import rjieba

    pieces, alone = [], ""
    for word in [*(rjieba.cut(singles) if len(singles) > 2 else [singles]), ""]:
        if len(word) == 1:
            alone += word
            continue
        pieces += [alone[i:i + 2] for i in range(0, len(alone), 2)]
        alone = ""
        if word:
            pieces += [word[i:i + 2] for i in range(0, len(word), 2)]
    return pieces


def phrase_id(text: str, words: int = 4) -> str:
    """同心广场 -> tongxin-guangchang: one pinyin word per Chinese word, at most `words` of them."""
    for suffix in ZONE_SUFFIXES:
        if text.endswith(suffix) and len(text) > len(suffix):
            text = text[: -len(suffix)]
            break
    # 北99-1井 and 北9-91井 are two wells: a dash between digits is kept (audit AS-J 2)
    text = re.sub(r"(?<=[0-9])\s*[-－–—]\s*(?=[0-9])", "-", _latin(text))
    text = re.sub(r"(?:[^\w-]|_|(?<![0-9])-|-(?![0-9]))+", "", text)
    try:
        from pypinyin.seg.mmseg import seg
    except ImportError:  # pragma: no cover
        return ""
    # ICU, 120, 5G, 99-1 stay whole: the dictionary would cut them into letters and digits
    cut = [word for run in re.findall(r"[A-Za-z0-9]+(?:-[0-9]+)*|[^A-Za-z0-9]+", text)
             for word in ([run] if re.match(r"[A-Za-z0-9]", run) else seg.cut(run))]
    pieces: list[str] = []
    singles = ""
    for word in [*cut, ""]:  # "" flushes the last run of single characters
        if len(word) == 1 and re.fullmatch(f"[{HAN}]", word):
            if word not in "的之了":
                singles += word
            continue
        pieces += _words_of(singles)
        singles = ""
        if word:
            pieces.append(word)
    parts = [_read(piece) for piece in pieces[:words]]
    return "" if any(part is None for part in parts) else _slug(["".join(part) for part in parts])
