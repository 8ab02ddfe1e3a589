"""Check: pages whose address is printed on a QR code must not vanish.

A zone's sign and a member's plate carry the address of their page. An editor who renames an id
everywhere, or deletes a record, passes every other check, and the metal sign at the gate opens
the 404 page. Each successful build records the ids it published in the cache; the next run
stops on an id renamed without an alias to keep its address (format rule 5: ids are stable),
and says so of a record deleted: deleting is no rule broken, and what this machine built before
must not decide whether content builds (audit 32). Both compare with the last build, not with
every id ever published: a member deleted last month does not make today's new member a rename
(audit 37).
"""

from __future__ import annotations

import json
import time
from pathlib import Path

from ..content import Content
from ..files import write_atomic
from ..problems import Location, Problem

PUBLISHED_FILE = "published-ids.json"


def _current(content: Content) -> dict[str, set[str]]:
    """The addresses this content keeps: pages, and aliases that redirect."""
    return {
        "zone": {z.id for z in content.zones} | set(content.zone_aliases),
        "member": {m.id for m in content.public_members} | set(content.member_aliases),
    }


# an id this machine first published less than this long ago is not yet on a sign or a plate: an
# id mistyped in the preview and corrected a minute later needs no alias kept for ever (audit 37)
SETTLED = 24 * 3600


def _recorded(cache: Path) -> tuple[dict[str, dict[str, float]], dict[str, set[str]]]:
    """(kind -> {id: when a build first published it}, kind -> the ids of the last build)."""
    try:
        data = json.loads((cache / PUBLISHED_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}, {}
    if not isinstance(data, dict):
        return {}, {}
    if "first" not in data:  # written before first times were kept: ids only, long published
        lists = {kind: [i for i in ids if isinstance(i, str)] for kind, ids in data.items() if isinstance(ids, list)}
        return {kind: dict.fromkeys(ids, 0.0) for kind, ids in lists.items()}, {kind: set(ids) for kind, ids in lists.items()}
    first, last = data.get("first"), data.get("last")
    first = {kind: {i: t for i, t in ids.items() if isinstance(t, (int, float))}
             for kind, ids in (first.items() if isinstance(first, dict) else ()) if isinstance(ids, dict)}
    last = {kind: {i for i in ids if isinstance(i, str)}
            for kind, ids in (last.items() if isinstance(last, dict) else ()) if isinstance(ids, list)}
    return first, last


def vanished_pages(content: Content, cache: Path | None, now: float | None = None) -> tuple[list[Problem], list[Problem]]:
    """For each id the last build published that this content no longer answers for: an error
    when it reads as renamed (one id of its kind never published before beside it) and was
    published a day ago or more, else a notice. Said once: the build after it no longer has it."""
    if cache is None:
        return [], []
    now = time.time() if now is None else now
    first, last = _recorded(cache)
    current = _current(content)
    hidden = {m.id for m in content.members if m.hidden}  # hiding a member takes the page away on purpose
    errors, notices = [], []
    try:
        docs = content.docs_dir.resolve().relative_to(content.root.resolve()).as_posix()
    except ValueError:
        docs = content.docs_dir.name
    roster = content.members[0].path if content.members else "members.yaml"
    for kind, ids in last.items():
        if kind not in current:
            continue
        known = first.get(kind, {})
        gone = sorted(i for i in ids if i not in current[kind] and i not in hidden)
        new = sorted(current[kind] - set(known) - ids)
        records = {record.id: record for record in (content.zones if kind == "zone" else content.members)}
        for old in gone:
            renamed = records.get(new[0]) if len(new) == 1 else None  # said at the record it was likely renamed to
            settled = now - known.get(old, 0.0) >= SETTLED
            if renamed is not None:
                what, printed, keep = (("责任区", "已经挂出的标志牌上的二维码会打不开", "在新责任区里写") if kind == "zone" else
                                       ("党员", "他/她的网页地址变了，印过的桌牌上的二维码会打不开", "在他/她的记录里写"))
                if settled:
                    errors.append(Problem(renamed.at("id"), "id", f"上次生成时有{what}“{old}”，现在找不到了：{printed}",
                                          f"是不是把 {old} 改成了 {renamed.id}？改了编号的，{keep} aliases: [{old}]"))
                else:
                    notices.append(Problem(renamed.at("id"), "id", f"上次生成时有{what}“{old}”（一天内刚加的），这次没有了",
                                           f"是不是把 {old} 改成了 {renamed.id}？{old} 还没有印出去就不用管；已经印出去的，{keep} aliases: [{old}]"))
            elif kind == "zone":
                notices.append(Problem(
                    Location(f"{docs}/zones/"), "id", f"上次生成时有责任区“{old}”，这次没有了：它的网页没有了，挂出的标志牌上的二维码会打不开",
                    "撤销的责任区不要删除：恢复它的文件并写 status: archived（可以用 successor 指向接手的责任区）；从没印过标志牌的，不用管这条提示"))
            else:
                notices.append(Problem(
                    Location(roster), "id", f"上次生成时有党员“{old}”，这次没有了：他/她的网页没有了，印过的桌牌上的二维码会打不开",
                    "调离的党员不要删除，写 status: former（网页保留并注明已调离）；不想公开的写 hidden: true；从没印过桌牌的，不用管这条提示"))
    return errors, notices


def record_published(content: Content, cache: Path, now: float | None = None) -> None:
    """Keep when each id was first published (ids stay: a sign printed years ago still hangs) and
    the ids of this build, which the next run compares with."""
    now = time.time() if now is None else now
    first, last = _recorded(cache)
    current = _current(content)
    first = {kind: {**{i: now for i in sorted(current.get(kind, ()))}, **first.get(kind, {})} for kind in {*first, *current}}
    last = {kind: sorted(ids) for kind, ids in current.items()}
    data = {"first": {kind: dict(sorted(ids.items())) for kind, ids in sorted(first.items())}, "last": last}
    try:
        unchanged = json.loads((cache / PUBLISHED_FILE).read_text(encoding="utf-8")) == data
    except (OSError, ValueError):
        unchanged = False
    if not unchanged:
        cache.mkdir(parents=True, exist_ok=True)
        write_atomic(cache / PUBLISHED_FILE, json.dumps(data, ensure_ascii=False, indent=0).encode("utf-8"))
