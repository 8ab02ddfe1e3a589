"""A list written as something else, in an editor's words: names in one text for a list of ids,
records in one text, full-width brackets, numbered lines, a missing space after "-"."""

from __future__ import annotations

import re

from pydantic import BaseModel

from . import meant
from .modelpath import field_at, model_at
from .refusal import Error, show

_NUMBERED = re.compile(r"\s*(?:[1-9１-９][.．、)）]|[(（][1-9１-９][)）]|[①-⑨])")
_ID = re.compile(r"[a-z0-9][a-z0-9-]*")


def not_a_list(error: Error) -> tuple[str, str]:
    item = model_at(error.model, (*error.where, 0))
    hint = _entries_hint(item, error.value) if item is not None else _names_hint(error) or _list_hint(error.value)
    return f"这里应该是一个列表{error.now}", hint or "每项一行、以“- ”开头，或者写成 [甲, 乙]"


def _names_hint(error: Error) -> str:
    """A list of ids written as names in one text (members: 徐光明、孙海涛): the list of their ids."""
    _, field = field_at(error.model, error.where)
    refers = field.json_schema_extra.get("x-refers-to") if field is not None and isinstance(field.json_schema_extra, dict) else None
    if refers is None or not isinstance(error.value, str) or not re.search(r"[\u3400-\u9fff]", error.value):
        return ""
    # 【王建国，陈静】: full-width brackets (not YAML's) around the names are not part of them (audit AS-B 3)
    names = [part for part in re.split(r"[、，,；;\s]+", error.value.strip().strip("【】［］[]〔〕「」（）()")) if part]
    ids = [meant.id_from_name(name, error.model, (*error.where, 0)) if re.search(r"[\u3400-\u9fff]", name) else name for name in names]
    return f"这里写编号，不写名称，写成列表：[{', '.join(ids)}]"


def _entries_hint(item: type[BaseModel], value: object) -> str:
    """A list of records written as one text (honors: 2021年服务之星): the entries it meant, in the
    record's fields (- {year: 2021, title: 服务之星}), with the fields it must also have."""
    if isinstance(value, dict) and value and not set(map(str, value)) & set(item.model_fields):
        return _pairs_hint(item, value)
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


def _pairs_hint(item: type[BaseModel], value: dict) -> str:
    """A list of records written as "key: value" lines (grades: 优秀: 90, 合格: 80), as a
    spreadsheet's two columns are: each line an entry of the record's first two fields
    (- {name: 优秀, min: 90}); "a list of one" would make it one entry of four unknown fields."""
    fields = item.model_fields
    first, second = list(fields)[:2]
    entries = []
    for key, written in list(value.items())[:2]:
        field = second
        extra = fields[second].json_schema_extra
        if isinstance(extra, dict) and extra.get("x-refers-to") == "member" and "name" in fields and re.search(r"[\u3400-\u9fff]", str(written)):
            field = "name"  # roles: {监督员: 王芳}: a person off the roster is named, not given an id
        entries.append(f"- {{{first}: {show(key)}, {field}: {show(written)}}}")
    more = "，其余照样" if len(value) > 2 else ""
    return f"每项单独一行、以“- ”开头，写成 {'、'.join(entries)}{more}"


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
