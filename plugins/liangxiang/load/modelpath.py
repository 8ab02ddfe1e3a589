"""Where a key path leads in the models: the record kind and field an error is about, and the
fields an editor may have meant by a name the format does not have."""

from __future__ import annotations

import re
import types
import typing
from typing import Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from ..problems import did_you_mean

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


def unwrap(annotation: Any) -> Any:
    """X | None -> X; Annotated[X, ...] -> X."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            options = [a for a in typing.get_args(annotation) if a is not type(None)]
            if len(options) != 1:
                return annotation
            annotation = options[0]
        else:
            return annotation


def model_at(model: type[BaseModel], where: tuple) -> type[BaseModel] | None:
    """The record kind at a key path inside model (None when the path leaves the models)."""
    current: Any = model
    for part in where:
        current = unwrap(current)
        if isinstance(part, int):
            args = typing.get_args(current)
            current = args[0] if args else None
        elif isinstance(current, type) and issubclass(current, BaseModel) and part in current.model_fields:
            current = current.model_fields[part].annotation
        else:
            return None
    current = unwrap(current)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def field_at(model: type[BaseModel], where: tuple) -> tuple[type[BaseModel] | None, FieldInfo | None]:
    """The record kind holding the field at a key path, and that field (None when unknown)."""
    parent = model_at(model, where[:-1])
    field = parent.model_fields.get(str(where[-1])) if parent is not None and where else None
    return parent, field


def fields_at(model: type[BaseModel], where: tuple) -> list[str]:
    """The field names of the record kind at a key path (for "did you mean")."""
    found = model_at(model, where)
    return list(found.model_fields) if found is not None else []


def title_of(model: type[BaseModel], where: tuple) -> str:
    """The Chinese title of the field at a key path ("" when unknown)."""
    field = field_at(model, where)[1]
    return field.title or "" if field is not None else ""


def is_optional(model: type[BaseModel], where: tuple) -> bool:
    """Whether the field at a key path may be left out (it has a default)."""
    field = field_at(model, where)[1]
    return field is not None and not field.is_required()


def computed_hint(name: str, parent: type[BaseModel] | None) -> str:
    """A grade written beside a score, or a QR code beside a zone: the site works these out."""
    computed = getattr(parent, "computed", {})
    return next((hint for pattern, hint in computed.items() if re.fullmatch(pattern, name.strip(), re.I)), "")


def field_in_other_words(name: str, parent: type[BaseModel] | None) -> str | None:
    """The field a key names by its Chinese title or in pinyin: post for 岗位 or gangwei."""
    if parent is None:
        return None
    plain = re.sub(r"[\s_-]", "", name.lower())
    for field, info in parent.model_fields.items():
        titles = [t for t in re.split(r"[/（）()]", info.title or "") if len(t) >= 2]
        if PINYIN.get(plain) == field or any(name == t for t in titles):
            return field
    for field, info in parent.model_fields.items():  # 职责 for 工作职责
        if len(name) >= 2 and re.search(r"[\u3400-\u9fff]", name) and name in (info.title or ""):
            return field
    return None


def named_in_other_words(name: str, parent: type[BaseModel] | None) -> str:
    """"是不是要写 post？" for 岗位 or gangwei."""
    field = field_in_other_words(name, parent)
    return f"字段名要写英文：是不是要写 {field}（{parent.model_fields[field].title}）？" if field and parent else ""


def belongs_under(parent: type[BaseModel] | None, name: str) -> str:
    """`date:` written beside a commitment's fields belongs to one of its progress entries: the
    line lost its indentation. A hint naming where it goes, or ""."""
    if parent is None:
        return ""
    for field_name, field in parent.model_fields.items():
        inner = unwrap(field.annotation)
        listed = typing.get_origin(inner) is list
        child = unwrap(typing.get_args(inner)[0]) if listed and typing.get_args(inner) else inner
        if isinstance(child, type) and issubclass(child, BaseModel) and name in child.model_fields:
            how = "作为一项，以“- ”开头" if listed else ""
            return f"“{name}”是 {field_name} 里的字段：这一行的缩进不对，要缩进到 {field_name}: 下面{how}"
    return ""


def near_field_of_a_part(parent: type[BaseModel] | None, name: str) -> str:
    """`orientaton:` beside a zone's fields: a misspelt field of its signboard, or ""."""
    for field_name, field in parent.model_fields.items() if parent is not None else ():
        inner = unwrap(field.annotation)
        if isinstance(inner, type) and issubclass(inner, BaseModel) and (guess := did_you_mean(name, list(inner.model_fields))):
            return f"{guess}它是 {field_name} 里的字段，要缩进写在 {field_name}: 下面"
    return ""


# names every kind of record has, or several: they say nothing of where a line belongs
_SHARED = {"id", "name", "title", "note", "date", "text", "photo", "members", "status", "aliases", "hidden", "tags",
           "year", "content", "summary", "category", "cover", "featured", "zone", "member", "by", "intro", "logo"}


ZONE_KIND = "责任区"  # the kind record_of_another_kind names a zone's fields by


def _kinds() -> tuple:
    """Each kind of record an editor writes: (its name, where it is written, its models)."""
    from ..model import Assessment, Branch, Commitment, CommitmentsFile, Group, Member, Org, Progress, Result, Zone

    return ((ZONE_KIND, "每个责任区一个文件，写在 content/zones/编号.yaml", (Zone,)),
            ("承诺", "写在 content/commitments/年份.yaml（例如 2026.yaml），每位党员一项", (Commitment, CommitmentsFile, Progress)),
            ("考核结果", "写在 content/assessments/考核期.yaml（例如 2026-Q3.yaml）", (Assessment, Result)),
            ("党组织", "党支部、党小组写在 content/org.yaml", (Org, Branch, Group)),
            ("党员", "写在 members.yaml", (Member,)))


def _owners(name: str) -> list[tuple[str, str]]:
    return [(kind, where) for kind, where, models in _kinds() if any(name in model.model_fields for model in models)]


def written_elsewhere(name: str) -> str:
    """`score:` in a zone's file, `scope:` in members.yaml: a field of another kind of record, and
    the file that kind is written in; "" for any other name. A near spelling of this record's
    fields (score / scope) would send the editor the wrong way."""
    owners = [] if name in _SHARED else _owners(name)
    if len(owners) != 1:
        return ""
    kind, where = owners[0]
    return f"“{name}”是{kind}的字段，不写在这里：{where}"


def record_of_another_kind(names: list[str], alone: bool = False) -> tuple[str, str, list[str]] | None:
    """A whole zone pasted into members.yaml: (the kind, where it is written, its fields found)
    when three or more of these unknown names, and most of them, are one other kind's fields; when
    they are ``alone`` (no name there is this record's), one will do (year and commitments in a
    zone's file)."""
    owned: dict[tuple[str, str], list[str]] = {}
    telling = [name for name in names if name not in _SHARED]
    for name in telling:
        if len(owners := _owners(name)) == 1:
            owned.setdefault(owners[0], []).append(name)
    for (kind, where), found in owned.items():
        if len(found) >= (1 if alone else 3) and 2 * len(found) > len(telling):
            return kind, where, found
    return None
