"""What the record kinds' fields are, found once from the models in ``model``: which name
records by id, which hold Markdown, free text or a list. Loading words its errors with them and the
reference check walks them, so a field added to a model is handled everywhere without a list to keep."""

from __future__ import annotations

import functools
import typing
from typing import Any, Iterator

from pydantic import BaseModel

from .model import Record
from .values import Id, Markdown


def references(model: type[BaseModel], data: Any, loc: tuple = ()) -> Iterator[tuple[str, Any, tuple]]:
    """(kind, id, key path) of every reference by id in data: a record, or the raw mapping of one
    that did not validate (whose references are still checked: one run reports every error)."""
    if isinstance(data, BaseModel):
        get = lambda name: getattr(data, name, None)  # noqa: E731
    elif isinstance(data, dict):
        get = data.get
    else:
        return
    for name, kind, nested in _reference_fields(model):
        value = get(name)
        if value is None:
            continue
        items = list(enumerate(value)) if isinstance(value, list) else None
        if kind is not None:
            for index, item in items if items is not None else [(None, value)]:
                yield kind, item, loc + ((name,) if index is None else (name, index))
        elif items is not None:
            for index, item in items:
                yield from references(nested, item, loc + (name, index))
        else:
            yield from references(nested, value, loc + (name,))


@functools.cache
def _reference_fields(model: type[BaseModel]) -> tuple[tuple[str, str | None, type[BaseModel] | None], ...]:
    """(field, kind it refers to, None) for each reference field of model, and (field, None,
    Record) for each record, or list of records, that may hold some; found once per model."""
    found = []
    for name, info in model.model_fields.items():
        extra = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}
        args = typing.get_args(info.annotation)
        if typing.get_origin(info.annotation) is list and args:
            item = args[0]
        else:  # a record, or a record or None
            item = next((arg for arg in (info.annotation, *args) if isinstance(arg, type) and issubclass(arg, BaseModel)), None)
        if extra.get("x-refers-to"):
            found.append((name, extra["x-refers-to"], None))
        elif isinstance(item, type) and issubclass(item, BaseModel) and _reference_fields(item):
            found.append((name, None, item))
    return tuple(found)


def _models() -> list[type[BaseModel]]:
    """Every record kind and its parts (signboard, roles, progress...): the format's own, not the
    lenient copies ``load.validate.salvage`` makes of a rejected record."""
    kinds, found = [Record], []
    while kinds:
        kind = kinds.pop()
        if kind.__module__ == Record.__module__:
            found.append(kind)
        kinds.extend(kind.__subclasses__())
    return found


@functools.cache
def field_names() -> frozenset[str]:
    """Every field name of every record kind and its parts (signboard, roles, progress...)."""
    return frozenset(name for kind in _models() for name in kind.model_fields)


@functools.cache
def reference_fields() -> frozenset[str]:
    """The fields that name records by their ids (leader, members, zone, successor, aliases...)."""
    return frozenset(name for kind in _models() for name, field in kind.model_fields.items()
                     if name not in ("id", "slug") and (_is_id_pattern(field.metadata) or _names_ids(field.annotation)))  # not its own


_ID_CONSTRAINTS = typing.get_args(Id)[1:]


def _is_id_pattern(metadata) -> bool:
    return any(getattr(part, "pattern", None) == _ID_CONSTRAINTS[0].pattern for part in metadata)


def _names_ids(annotation: Any) -> bool:
    """Whether an annotation holds Id (Id | None, list[Id])."""
    if typing.get_origin(annotation) is typing.Annotated:
        return _is_id_pattern(annotation.__metadata__)
    return any(_names_ids(arg) for arg in typing.get_args(annotation))


@functools.cache
def markdown_fields() -> frozenset[str]:
    """The fields written in Markdown (intro, content): a "#" there is a heading."""
    return frozenset(name for kind in _models() for name, field in kind.model_fields.items()
                     if field.annotation is Markdown or Markdown in typing.get_args(field.annotation))


@functools.cache
def prose_fields() -> frozenset[str]:
    """The fields that hold free text (scope, summary, duties...) in every record kind that has
    them: no id, no reference, no choice. No check across records reads them."""
    prose, other = set(), set()
    for kind in _models():
        for name, field in kind.model_fields.items():
            (prose if _is_prose(field) and name not in _NAMED_ELSEWHERE else other).add(name)
    return frozenset(prose - other)


_NAMED_ELSEWHERE = {"story_categories"}  # free text, but each story's category names one of them


def _is_prose(field: Any) -> bool:
    if isinstance(field.json_schema_extra, dict) and "x-refers-to" in field.json_schema_extra:
        return False
    kind, constraints = field.annotation, list(field.metadata)
    while typing.get_origin(kind) in (list, typing.Union, typing.Annotated) or type(kind).__name__ == "UnionType":
        args = [arg for arg in typing.get_args(kind) if arg is not type(None)]
        if typing.get_origin(kind) is typing.Annotated:
            constraints += list(kind.__metadata__)
        kind = args[0]
    return kind is str and not any(getattr(c, "pattern", None) for c in constraints)


@functools.cache
def list_fields() -> frozenset[str]:
    """The names of the fields that hold a list (duties, tags...), in any record kind."""
    return frozenset(name for kind in _models() for name, field in kind.model_fields.items()
                     if typing.get_origin(field.annotation) is list)


@functools.cache
def record_lists() -> dict[str, frozenset[str]]:
    """The lists of records (roles, progress, results...) and the fields of their items: the name
    of a list whose key line was deleted is known by its items' fields."""
    found: dict[str, set[str]] = {}
    for kind in _models():
        for name, field in kind.model_fields.items():
            if typing.get_origin(field.annotation) is not list:
                continue
            item = typing.get_args(field.annotation)[0]
            item = typing.get_args(item)[0] if typing.get_origin(item) is typing.Annotated else item
            if isinstance(item, type) and issubclass(item, BaseModel):
                found.setdefault(name, set()).update(item.model_fields)
    return {name: frozenset(fields) for name, fields in found.items()}
