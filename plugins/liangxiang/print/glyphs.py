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
from ..titles import in_a_word
from .metrics import Metrics
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
        symbols = tuple(c for c in self.chars if is_emoji(c))
        if symbols and len(symbols) < len(self.chars):  # 刘𪚥😀: each said as what it is (AS-AC H1)
            message, hint = replace(self, chars=tuple(c for c in self.chars if c not in symbols)).error(font, found)
            return f"{_codes(symbols)} 是表情符号，印不出来；{message}", f"删掉表情符号；{hint}"
        if self.emoji and self.person:
            return f"{_codes(self.chars)} 是表情符号，印不出来，人名里也不能略去", "删掉表情符号：人名要印在标志牌或桌牌上"
        if self.emoji:
            return (f"{_codes(self.chars)} 是表情符号，印不出来，略去后这一项就没有字了",
                    "写上文字：这一项要印在标志牌或桌牌上（网页上可以留着表情符号）")
        lacks = f"字体“{font}”里没有 {_codes(self.chars)}，" + self._why_stopped
        if not as_written(self.chars):
            return (lacks,
                    "自带的字体印不了这种文字：人名写汉字译名（例如 阿依古丽）" if self.person
                    else "自带的字体印不了这种文字：这里也写上中文（网页照常显示原文，印刷品只印中文）")
        keep = "人名里的字不要改：" if self.person else ""
        if found:
            hint = f"{keep}在 mkdocs.yml 的 liangxiang 插件下写 font: {found}（本机这个字体里有这些字，也有中文）"
        else:
            hint = (f"{keep}在 mkdocs.yml 的 liangxiang 插件下用 font 指定一个包含这些字的中文字体（TTF、OTF 或 TTC#n，"
                    "例如思源黑体的完整版）" + ("" if self.person else "；或者换成常用字"))
        return lacks, hint

    @property
    def _why_stopped(self) -> str:
        """Why the characters are not left out, as a letter of another alphabet is elsewhere."""
        if any(_is_hanzi(c) for c in self.chars):
            return "印出来会是方框"
        if self.person:
            return "人名里的字不能略去"
        return "略去含这些字的词后，这一项就没有字可印了"


def left_out_said(chars: str, words: str, font: str, found: str | None) -> tuple[str, str]:
    """(message, hint) of a notice: chars were left out of the printables, with the words they are in."""
    if is_emoji(chars):
        return f"{_codes(chars)} 是表情符号，印不出来，标志牌和桌牌上略去了", "网页上照常显示；要印出来就改成文字"
    what = f"含这些字的词（{words}）" if words else "这些字"
    said = f"字体“{font}”里没有 {_codes(chars)}，标志牌和桌牌上略去了{what}，其余照印"
    if not as_written(chars):
        return said, "网页上照常显示；自带的字体印不了这种文字"  # another font would print its letters apart: no font is named
    font_hint = f"写 font: {found}（本机这个字体里有这些字，也有中文）" if found else "用 font 指定一个包含这些字的中文字体"
    return said, f"网页上照常显示；要印出来，在 mkdocs.yml 的 liangxiang 插件下{font_hint}"


def as_written(chars) -> bool:
    """Whether the characters print right from any font that has them (DRAWN_AS_WRITTEN)."""
    return all(unicodedata.name(c, "").startswith(DRAWN_AS_WRITTEN) or _is_hanzi(c) for c in chars)


def is_emoji(chars) -> bool:
    """Only symbols (👍 ❤ ⭐): no print font has them all, and they are no words."""
    return all(unicodedata.category(c).startswith("S") for c in chars)


def _codes(chars) -> str:
    return "、".join(f"“{c}”（U+{ord(c):04X}）" for c in chars[:5]) + ("等" if len(chars) > 5 else "")


@dataclass(frozen=True)
class Checked:
    item: Planned  # with what cannot be printed left out
    errors: tuple[Unprintable, ...]  # the item is not laid out
    left_out: tuple[tuple[tuple, str, str], ...]  # (field as stage._field_of takes it, characters, words) for the notices


def check_glyphs(item: Planned, metrics: Metrics) -> Checked:
    errors: list[Unprintable] = []
    missing_in: dict[tuple, tuple[str, list[str]]] = {}  # field -> (its text, what it lacks)
    for record, path, text in printed_texts(item):
        missing = [c for c in metrics.missing(text or "") if c != "\ufffd"]  # a damaged character: an error of its file already
        if record is None or not missing:
            continue
        said = Unprintable(record, tuple(path), tuple(missing), _is_persons_name(record, path))
        kept = _Dropping("".join(missing)).sub(text)  # as it would print: a letter takes its word (Аюулгүй alone: nothing)
        if any(_is_hanzi(c) for c in missing) or (said.person and not said.emoji) or not any(c.isalnum() for c in kept):
            errors.append(said)
        elif (owner := _owner(item, record)) is not None:
            missing_in[(*owner, *path)] = (text, missing)
    if errors or not missing_in:
        return Checked(item, tuple(errors), ())
    dropping = _Dropping("".join({c for _, missing in missing_in.values() for c in missing}))
    left_out = []
    for field, (text, missing) in missing_in.items():
        words = list(dict.fromkeys(dropping.words(text)))
        left_out.append((field, "".join(dict.fromkeys(missing)), "、".join(words)))
    return Checked(replace(item, content=_without(item.content, dropping)), (), tuple(left_out))


class _Dropping:
    """What is left out of a text: an emoji or a sign alone, a letter with the rest of its word
    (Аюулгүй, not the misspelt Аюулгй a sign would print without its ү)."""

    def __init__(self, chars: str):
        self.chars = set(chars)

    def spans(self, text: str) -> list[tuple[int, int]]:
        spans: list[tuple[int, int]] = []
        for at, char in enumerate(text):
            if char not in self.chars or (spans and at < spans[-1][1]):
                continue
            start = end = at
            if char.isalpha() or unicodedata.category(char).startswith("M"):
                while start > 0 and in_a_word(text[start - 1]):
                    start -= 1
                while end + 1 < len(text) and in_a_word(text[end + 1]):
                    end += 1
            spans.append((start, end + 1))
        return spans

    def words(self, text: str) -> list[str]:
        return [text[start:end] for start, end in self.spans(text) if end - start > 1]

    def sub(self, text: str) -> str:
        kept, at = [], 0
        for start, end in self.spans(text):
            kept.append(text[at:start])
            at = end
        return "".join(kept) + text[at:]


# the ideograph planes: blocks newer than this Python's Unicode (Extension I, U+2EBF0) have no name in it
HANZI_PLANES = ((0x20000, 0x2FFFF), (0x30000, 0x3FFFF))


def _is_hanzi(char: str) -> bool:
    return unicodedata.name(char, "").startswith("CJK") or any(low <= ord(char) <= high for low, high in HANZI_PLANES)


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


def _without(value: Any, chars: _Dropping) -> Any:
    """value with what chars drops taken out of every text it prints, and the spaces it stood between made one."""
    if isinstance(value, ImageRef):
        return value
    if isinstance(value, str):
        kept = chars.sub(value)
        return value if kept == value else re.sub(r"[ \t]{2,}", " ", kept).strip()
    if isinstance(value, tuple):
        return tuple(_without(item, chars) for item in value)
    if hasattr(value, "__dataclass_fields__") and not isinstance(value, type):
        return replace(value, **{f.name: _without(getattr(value, f.name), chars) for f in fields(value) if f.init})
    return value
