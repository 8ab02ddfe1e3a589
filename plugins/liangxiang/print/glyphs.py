"""What a printable cannot print: characters that neither the print font nor a face that comes with
it (fallback.py) can draw.

The format lets an editor write any text, and the site shows it all. Paper is another matter:
- a hanzi no face has (𪚥) would print as an empty box in a word or a name: an error, with a hint
  naming a font on this machine that has it;
- an emoji (👍 in a promise) or letters of a script the faces lack (a Tibetan or Mongolian slogan
  beside its Chinese; Uyghur is printed, shaping.py) are left out of the printables, and a notice
  says so: the build goes on;
- unless that would leave a person's name wrong or a field with nothing to print: an error again.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, fields, replace
from typing import Any

from ..model import Member, Record
from .fonts import Metrics
from .images import ImageRef
from .plan import Planned, printed_texts


# Scripts whose letters are printed one after another as written: any font that has them prints
# them right. Arabic, Tibetan, Mongolian or Indic letters join, stack or turn, which needs shaping.
DRAWN_AS_WRITTEN = ("LATIN", "CYRILLIC", "GREEK", "ARMENIAN", "GEORGIAN", "CJK", "HANGUL", "HIRAGANA", "KATAKANA",
                    "BOPOMOFO", "YI ", "LISU", "DIGIT")


@dataclass(frozen=True)
class Unprintable:
    """Characters of one field that cannot be printed."""

    record: Record
    path: tuple
    chars: tuple[str, ...]
    person: bool  # the field is a person's name

    @property
    def emoji(self) -> bool:
        return is_emoji(self.chars)

    def error(self, font: str, found: str | None) -> tuple[str, str]:
        """(message, hint); found: an installed font that has the characters."""
        if self.emoji:
            return f"{_codes(self.chars)} 是表情符号，印不出来，人名里也不能略去", "删掉表情符号：人名要印在标志牌或桌牌上"
        if not as_written(self.chars):
            return (f"字体“{font}”里没有 {_codes(self.chars)}，印出来会是方框",
                    "印刷品印不了要连写、换向的文字：人名写汉字译名（例如 阿依古丽）" if self.person
                    else "印刷品印不了要连写、换向的文字：这里写上中文（网页照常显示原文）")
        keep = "人名里的字不要改：" if self.person else ""
        if found:
            hint = f"{keep}在 mkdocs.yml 的 liangxiang 插件下写 font: {found}（本机这个字体里有这些字，也有中文）"
        else:
            hint = (f"{keep}在 mkdocs.yml 的 liangxiang 插件下用 font 指定一个包含这些字的中文字体（TTF、OTF 或 TTC#n，"
                    "例如思源黑体的完整版）" + ("" if self.person else "；或者换成常用字"))
        return f"字体“{font}”里没有 {_codes(self.chars)}，印出来会是方框", hint


def left_out_said(chars: str, font: str, found: str | None) -> tuple[str, str]:
    """(message, hint) of a notice: chars were left out of the printables."""
    if is_emoji(chars):
        return f"{_codes(chars)} 是表情符号，印不出来，标志牌和桌牌上略去了", "网页上照常显示；要印出来就改成文字"
    said = f"字体“{font}”里没有 {_codes(chars)}，标志牌和桌牌上略去了这些字，其余照印"
    if not as_written(chars):
        return said, "网页上照常显示；这种文字要排版引擎连写、换向，印刷品印不了"  # another font would print its letters apart
    font_hint = f"写 font: {found}（本机这个字体里有这些字，也有中文）" if found else "用 font 指定一个包含这些字的中文字体"
    return said, f"网页上照常显示；要印出来，在 mkdocs.yml 的 liangxiang 插件下{font_hint}"


def as_written(chars) -> bool:
    """Whether the characters print right from any font that has them (DRAWN_AS_WRITTEN)."""
    return all(unicodedata.name(c, "").startswith(DRAWN_AS_WRITTEN) for c in chars)


def is_emoji(chars) -> bool:
    """Only symbols (👍 ❤ ⭐): no print font has them all, and they are no words."""
    return all(unicodedata.category(c).startswith("S") for c in chars)


def _codes(chars) -> str:
    return "、".join(f"“{c}”（U+{ord(c):04X}）" for c in chars[:5]) + ("等" if len(chars) > 5 else "")


@dataclass(frozen=True)
class Checked:
    item: Planned  # with what cannot be printed left out
    errors: tuple[Unprintable, ...]  # the item is not laid out
    left_out: tuple[tuple[tuple, str], ...]  # (field as stage._field_of takes it, characters) for the notices


def check_glyphs(item: Planned, metrics: Metrics) -> Checked:
    errors: list[Unprintable] = []
    left_out: dict[tuple, str] = {}
    for record, path, text in printed_texts(item):
        missing = metrics.missing(text or "")
        if record is None or not missing:
            continue
        said = Unprintable(record, tuple(path), tuple(missing), _is_persons_name(record, path))
        kept = "".join(c for c in text if c not in missing)
        if any(_is_hanzi(c) for c in missing) or (said.person and not said.emoji) or not any(c.isalnum() for c in kept):
            errors.append(said)
        else:
            owner = _owner(item, record)
            if owner is not None:
                field = (*owner, *path)
                left_out[field] = "".join(dict.fromkeys(left_out.get(field, "") + "".join(missing)))
    if errors or not left_out:
        return Checked(item, tuple(errors), ())
    chars = re.compile("[" + re.escape("".join(set("".join(left_out.values())))) + "]")
    return Checked(replace(item, content=_without(item.content, chars)), (), tuple(left_out.items()))


def _is_hanzi(char: str) -> bool:
    return unicodedata.name(char, "").startswith("CJK")


def _is_persons_name(record: Record, path: tuple) -> bool:
    return (isinstance(record, Member) and tuple(path) == ("name",)) or (path[0] == "roles" and path[-1] == "name")


def _owner(item: Planned, record: Record) -> tuple | None:
    """How the field's record is named among the item's: ('zone',) or ('people', member id)."""
    for name, owner in item.records.items():
        if owner is record:
            return (name,)
    for member_id, member in item.people.items():
        if member is record:
            return ("people", member_id)
    return None


def _without(value: Any, chars: re.Pattern) -> Any:
    """value with chars taken out of every text it prints, and the spaces they stood between made one."""
    if isinstance(value, ImageRef):
        return value
    if isinstance(value, str):
        kept = chars.sub("", value)
        return value if kept == value else re.sub(r"[ \t]{2,}", " ", kept).strip()
    if isinstance(value, tuple):
        return tuple(_without(item, chars) for item in value)
    if hasattr(value, "__dataclass_fields__") and not isinstance(value, type):
        return replace(value, **{f.name: _without(getattr(value, f.name), chars) for f in fields(value) if f.init})
    return value
