"""Validate parsed YAML against the models: each record bound to where it came from, each error
reported at its line in an editor's words (``wording``)."""

from __future__ import annotations

import difflib
import re
from dataclasses import replace
from functools import cache
from typing import Any, Optional, TypeVar

from pydantic import BaseModel, ValidationError, create_model

from ..content import Rejected
from ..model import Record
from ..fields import list_fields
from ..problems import Problems, dotted
from .nodes import ITEMS_FOLDED_IN
from .modelpath import field_in_other_words, fields_at, model_at, record_of_another_kind
from .wording import entry_as_pair, key_without_colon, show, word
from .yamlfile import SourceMap

R = TypeVar("R", bound=Record)


def validate_record(model: type[R], data: Any, source: SourceMap, loc: tuple, problems: Problems,
                    rejected: list[Rejected] | None = None) -> R | None:
    """One record, bound to where it came from; None (with problems) when it is invalid, and
    then kept in ``rejected``, with the fields that failed, for the checks that still apply."""
    return _validated(model, data, source, loc, problems, rejected)[0]


def validate_shell(model: type[R], data: dict, source: SourceMap, problems: Problems,
                   rejected: list[Rejected] | None = None) -> tuple[R | None, R | None]:
    """A file's own fields (its year, its period, the organization): (record, None) when they are
    valid; else (None, the record with the fields that failed as None), so that the checks of
    the rest (references, a zone scored twice) still run: one wrong date must not hide them
    until the next run."""
    record, error = _validated(model, data, source, (), problems, rejected)
    if error is None:
        return record, None
    failed = _failed_fields(error)
    return None, None if failed is None else _with_fields_that_passed(model, data, failed, source, ())


def _validated(model: type[R], data: Any, source: SourceMap, loc: tuple, problems: Problems,
               rejected: list[Rejected] | None) -> tuple[R | None, ValidationError | None]:
    try:
        record = model.model_validate(data)
    except ValidationError as error:
        report(error, model, source, loc, problems)
        if rejected is not None and isinstance(data, dict):
            bad = {loc + tuple(p for p in item["loc"] if not _is_union_tag(p)) for item in error.errors(include_url=False)}
            rejected.append(Rejected(model, data, source, loc, tuple(bad), _partial(model, data, error, source, loc)))
        return None, error
    _bind_tree(record, source, loc)
    return record, None


# left out, these would print another thing than the editor meant (a hidden member's plate, a
# sign at the default size), or print nothing to check
_KEPT_TO_SALVAGE = {"hidden", "status", "signboard"}


def salvage(rejected: Rejected) -> Record | None:
    """A rejected record without its fields that failed, when those are optional and what is
    printed does not depend on them; None otherwise. For the printables' check only, so that a
    wrong date beside a promise too long for its plate does not hide the second error until the
    next run."""
    if not isinstance(rejected.data, dict):
        return None
    data, fields = dict(rejected.data), rejected.model.model_fields
    for path in rejected.bad:
        relative = path[len(rejected.loc):]
        if not relative or not isinstance(relative[0], str):
            return None  # the record as a whole is wrong
        name = relative[0]
        if name in fields and (fields[name].is_required() or name in _KEPT_TO_SALVAGE):
            return None
        data.pop(name, None)  # an unknown key, or an optional field
    try:
        record = rejected.model.model_validate(data)
    except ValidationError:
        return None
    _bind_tree(record, rejected.source, rejected.loc)
    return record


def valid_items(model: type[R], items: Any, source: SourceMap, loc: tuple) -> list[R]:
    """The items of a rejected record's list that validate on their own, each bound to its place,
    for the checks across them; their errors were said with the record's."""
    records = []
    for index, item in enumerate(items if isinstance(items, list) else []):
        try:
            record = model.model_validate(item)
        except ValidationError:
            continue
        _bind_tree(record, source, loc + (index,))
        records.append(record)
    return records


def _failed_fields(error: ValidationError) -> frozenset[str] | None:
    """The record's own fields that failed (or are unknown); None when the record as a whole is wrong."""
    failed = set()
    for item in error.errors(include_url=False):
        where = tuple(part for part in item["loc"] if not _is_union_tag(part))
        if not where or not isinstance(where[0], str):
            return None
        failed.add(where[0])
    return frozenset(failed)


def _with_fields_that_passed(model: type[R], data: dict, failed: frozenset[str], source: SourceMap, loc: tuple) -> R | None:
    """The record built from the fields that validated, the failed ones None."""
    kept = {key: value for key, value in data.items() if key not in failed}
    try:
        record = _lenient(model, failed & set(model.model_fields)).model_validate(kept)
    except ValidationError:
        return None
    _bind_tree(record, source, loc)
    return record


def _partial(model: type[R], data: dict, error: ValidationError, source: SourceMap, loc: tuple) -> R | None:
    """A rejected record for the rules of one record alone (check.rejected_rules): its failed fields
    are left out, so that reading one raises AttributeError and a rule that needs it does not run,
    where None or a default would pass for what the editor wrote."""
    failed = _failed_fields(error)
    record = None if failed is None else _with_fields_that_passed(model, data, failed, source, loc)
    for name in failed & set(model.model_fields) if record is not None else ():
        del record.__dict__[name]
    return record


@cache
def _lenient(model: type[R], optional: frozenset[str]) -> type[R]:
    """The model with these fields optional, None when left out: a subclass, so checks see the kind they know."""
    return create_model(model.__name__, __base__=model, **{name: (Optional[Any], None) for name in optional})


def validate_list(model: type[R], items: Any, source: SourceMap, loc: tuple, problems: Problems,
                  rejected: list[Rejected] | None = None) -> list[R]:
    """Each item on its own, so that one bad item does not hide the others."""
    if not isinstance(items, list):
        return []
    records = []
    for index, item in enumerate(items):
        record = validate_record(model, item, source, loc + (index,), problems, rejected)
        if record is not None:
            records.append(record)
    return records


def _bind_tree(record: Record, source: SourceMap, loc: tuple) -> None:
    """Bind a record and every record nested in it to its key path."""
    record.bind(source, loc)
    for name in type(record).model_fields:
        value = getattr(record, name)
        if isinstance(value, Record):
            _bind_tree(value, source, loc + (name,))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                if isinstance(item, Record):
                    _bind_tree(item, source, loc + (name, index))


def report(error: ValidationError, model: type[BaseModel], source: SourceMap, loc: tuple, problems: Problems) -> None:
    items = [(item, tuple(part for part in item["loc"] if not _is_union_tag(part))) for item in error.errors(include_url=False)]
    # {id gongre-g2, …}: a field written without its colon; named as that field, and not also said missing
    meant = {where: _field_without_colon(item, model, where) for item, where in items}
    # `- 2026-03-20: 召开…`: said as an entry written as a pair, not also as its two fields missing
    paired = {where[:-1] for item, where in items if item["type"] == "extra_forbidden" and where and isinstance(where[-1], str)
              and entry_as_pair(where[-1], item.get("input"), fields_at(model, where[:-1]))}
    # `titel: …`: said as a misspelt key, not also as title missing
    missing = [where for item, where in items if item["type"] == "missing" and where and isinstance(where[-1], str)]
    misspelt = {where[:-1] + (close[0],) for item, where in items if item["type"] == "extra_forbidden" and where and isinstance(where[-1], str)
                for close in [difflib.get_close_matches(where[-1], [m[-1] for m in missing if m[:-1] == where[:-1]], n=1, cutoff=0.6)] if close}
    # `负责人:` or `fuzeren:` for leader: said as a key to write in English, not also as leader missing (AS-AG L6)
    misspelt |= {where[:-1] + (field,) for item, where in items if item["type"] == "extra_forbidden" and where and isinstance(where[-1], str)
                 and (field := field_in_other_words(where[-1], model_at(model, where[:-1]))) and where[:-1] + (field,) in missing}
    pasted = _records_of_another_kind(items, source, loc, problems)
    for item, where in items:
        if item["type"] == "missing" and (where in meant.values() or where[:-1] in paired or where in misspelt):
            continue
        if any(where[:len(parent)] == parent for parent in pasted):
            continue
        if item["type"] == "missing" and where and _list_folded_above(problems, source, loc + where):
            continue
        full = loc + (meant[where] or where)
        if isinstance(item.get("input"), float) and full in source.written:
            item = {**item, "input": source.written[full]}  # as typed: 2021.10, not 2021.1
        message, hint = word(item, model, where, source.written.get(full, "") if item.get("input") is None else "")
        if "删掉这一行" in hint and item["type"] == "extra_forbidden" and full[:-1] in source.flow:
            # {year: 2017, title: …, level: 校级}: the line is the whole record
            hint = hint.replace("删掉这一行", f"删掉花括号里的“{full[-1]}: {show(item.get('input'))}”（别的字段留着）")
        # a field written (not one missing, said at its record) is its own: said beside a line set aside
        problems.add(source.at(*full), dotted(full), message, hint, own=item["type"] != "missing" and full in source.positions)


def _list_folded_above(problems: Problems, source: SourceMap, full: tuple) -> bool:
    """`duties:` deleted under `scope: …`: its items were folded into scope's text, said by
    nodes; that message names the line to restore, in place of "duties is missing" as well."""
    name, parent = full[-1], dotted(full[:-1]) + "." if full[:-1] else ""
    if name not in list_fields():
        return False
    for index, problem in enumerate(problems.items):
        key = problem.field.removeprefix(parent)
        if (problem.where.path == source.path and problem.message.startswith(ITEMS_FOLDED_IN)
                and problem.field.startswith(parent) and re.fullmatch(r"[A-Za-z_]\w*", key)):
            problems.items[index] = replace(problem, message=f"这几行“- ”上面少了一行“{name}:”，YAML 把它们并进了“{key}”的文字",
                                            hint=f"在这一行上面补一行“{name}:”，和“{key}:”左边对齐")
            return True
    return False


def _records_of_another_kind(items: list, source: SourceMap, loc: tuple, problems: Problems) -> list[tuple]:
    """A zone pasted into members.yaml is said once, as a zone, not as a dozen fields each
    unknown here; the key paths of such records."""
    unknown: dict[tuple, list[str]] = {}
    written: dict[tuple, set[str]] = {}  # a record's names, from the input of a field missing there
    for item, where in items:
        if item["type"] == "extra_forbidden" and where and isinstance(where[-1], str):
            unknown.setdefault(where[:-1], []).append(where[-1])
        elif item["type"] == "missing" and where and isinstance(item.get("input"), dict):
            # as the editor wrote them: not the empty list a file's shell stands in (_shell's results: [])
            written[where[:-1]] = {str(name) for name in item["input"] if loc + where[:-1] + (name,) in source.positions}
    pasted = []
    for parent, names in unknown.items():
        alone = parent in written and written[parent] <= set(names)  # nothing there is this record's
        if found := record_of_another_kind(names, alone):
            kind, home, fields = found
            whole = loc + parent
            what, move = ("这一项", "把这一项剪切过去") if whole else ("这个文件", "把这些内容剪切过去，再删掉这个文件")
            shown = "、".join(fields[:5]) + (" 等" if len(fields) > 5 else " ")
            problems.add(at := source.at(*whole), dotted(whole), f"{what}像是{kind}：{shown}{'都' if len(fields) > 1 else ''}是{kind}的字段",
                         f"{kind}不写在这里，{home}：{move}")
            if not whole:
                problems.other_kind[at.path] = kind
            pasted.append(parent)
    return pasted


def _field_without_colon(item: dict, model: type[BaseModel], where: tuple) -> tuple | None:
    if item["type"] != "extra_forbidden" or item.get("input") is not None or not where or not isinstance(where[-1], str):
        return None
    split = key_without_colon(where[-1], fields_at(model, where[:-1]))
    return where[:-1] + (split[0],) if split else None


def _is_union_tag(part: Any) -> bool:
    # pydantic names union branches in loc ("function-after[...]", "list[...]"); editors never see them
    return isinstance(part, str) and "[" in part
