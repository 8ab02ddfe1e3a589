"""The order records are listed in: by name, with the numbers in it by their value."""

from __future__ import annotations

import re
import unicodedata


_CHINESE_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_NUMERAL = re.compile(r"[0-9]+|[零〇一二两三四五六七八九十百]+")


def _chinese_number(numeral: str) -> int:
    """三 3, 十二 12, 二十 20, 一百零五 105; digits alone read in place (二〇二六 2026)."""
    if "十" not in numeral and "百" not in numeral:
        return int("".join(str(_CHINESE_DIGITS[c]) for c in numeral))
    total = current = 0
    for char in numeral:
        if char in ("十", "百"):
            total += (current or 1) * (10 if char == "十" else 100)
            current = 0
        else:
            current = _CHINESE_DIGITS[char]
    return total + current


def reading_order(name: str) -> tuple:
    """A name's place in a list: numbers by their value, in digits or in Chinese (第二网格 before
    第三网格 before 第十网格, 3号楼 before 12号楼); the rest by character, the dictionary's
    radical and stroke order (audit AS-M 6: zones came in their ids' order, 第二、第三、第一)."""
    key, position = [], 0
    text = unicodedata.normalize("NFKC", name)  # full-width digits as digits
    for found in _NUMERAL.finditer(text):
        key.append((1, 0, text[position:found.start()]))
        value = found.group(0)
        key.append((0, int(value) if value.isdigit() else _chinese_number(value), ""))
        position = found.end()
    key.append((1, 0, text[position:]))
    return tuple(key)
