"""References written with a former id (an alias) read as the id it became.

A zone or member renamed keeps its old id in `aliases`, so that the QR codes printed with it still
open its page. Records written before the rename (last year's assessments, a story, a successor)
name the old id: they are published history, and rewriting them to please a check changed files
that had been published, seven of them for one zone (audit AS-G). So a reference by an alias reads
as the current id. An alias two records claim, or one that is a current id too, is an error of its
own (check.aliases) and is followed nowhere.
"""

from __future__ import annotations

from collections import Counter
from typing import Any, Iterable

from ..content import Content
from ..fields import references


def follow_aliases(content: Content) -> None:
    """Every reference by an alias in content's records, replaced by the id it names now."""
    current = {"member": _aliases(content.members), "zone": _aliases(content.zones)}
    if not any(current.values()):
        return
    for record in _records(content):
        for kind, value, path in list(references(type(record), record)):
            if kind in current and isinstance(value, str) and value in current[kind]:
                _set(record, path, current[kind][value])
    for zone in content.zones:  # a successor is checked with its chain, not marked as a reference (audit AS-J 6)
        if zone.successor in current["zone"]:
            zone.successor = current["zone"][zone.successor]


def _aliases(records: list) -> dict[str, str]:
    """alias -> the id of the one record that claims it, but for an alias that is an id too, and
    a hidden member's (a public record naming him is an error said with the id as written)."""
    ids = {record.id for record in records}
    claimed = Counter(alias for record in records for alias in set(record.aliases))
    return {alias: record.id for record in records if not getattr(record, "hidden", False)
            for alias in record.aliases if claimed[alias] == 1 and alias not in ids}


def _records(content: Content) -> Iterable[Any]:
    yield from content.zones
    yield from content.commitments
    yield from content.partial_commitments
    yield from (story.meta for story in content.stories)
    yield from content.assessments
    yield from content.partial_assessments


def _set(record: Any, path: tuple, value: str) -> None:
    """record at path (fields and list indexes, as references() gives them) = value."""
    *parents, last = path
    holder = record
    for key in parents:
        holder = holder[key] if isinstance(key, int) else getattr(holder, key)
    if isinstance(last, int):
        holder[last] = value
    else:
        setattr(holder, last, value)
