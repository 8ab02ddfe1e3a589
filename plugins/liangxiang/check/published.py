"""Check: pages whose address is printed on a QR code must not vanish.

A zone's sign and a member's plate carry the address of their page. An editor who renames an id
everywhere, or deletes a record, passes every other check, and the metal sign at the gate opens
the 404 page. Each successful build records the ids it published in the cache; the next run
stops on an id renamed without an alias to keep its address (format rule 5: ids are stable),
and says so of a record deleted: deleting is no rule broken, and what this machine built before
must not decide whether content builds (audit 32).
"""

from __future__ import annotations

import json
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


def _recorded(cache: Path) -> dict[str, list[str]]:
    try:
        data = json.loads((cache / PUBLISHED_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def vanished_pages(content: Content, cache: Path | None) -> tuple[list[Problem], list[Problem]]:
    """For each id an earlier build published that this content no longer answers for: an error
    when it reads as renamed (one new id of its kind beside it), else a notice."""
    if cache is None:
        return [], []
    before, now = _recorded(cache), _current(content)
    hidden = {m.id for m in content.members if m.hidden}  # hiding a member takes the page away on purpose
    errors, notices = [], []
    try:
        docs = content.docs_dir.resolve().relative_to(content.root.resolve()).as_posix()
    except ValueError:
        docs = content.docs_dir.name
    roster = content.members[0].path if content.members else "members.yaml"
    for kind, ids in before.items():
        if kind not in now or not isinstance(ids, list):
            continue
        gone = [i for i in ids if isinstance(i, str) and i not in now[kind] and i not in hidden]
        new = sorted(now[kind] - set(ids))
        records = {record.id: record for record in (content.zones if kind == "zone" else content.members)}
        for old in gone:
            renamed = records.get(new[0]) if len(new) == 1 else None  # said at the record it was likely renamed to
            if renamed is not None and kind == "zone":
                errors.append(Problem(
                    renamed.at("id"), "id", f"上次生成时有责任区“{old}”，现在找不到了：已经挂出的标志牌上的二维码会打不开",
                    f"是不是把 {old} 改成了 {renamed.id}？改了编号的，在新责任区里写 aliases: [{old}]"))
            elif renamed is not None:
                errors.append(Problem(
                    renamed.at("id"), "id", f"上次生成时有党员“{old}”，现在找不到了：他/她的网页地址变了，印过的桌牌上的二维码会打不开",
                    f"是不是把 {old} 改成了 {renamed.id}？改了编号的，在他/她的记录里写 aliases: [{old}]"))
            elif kind == "zone":
                notices.append(Problem(
                    Location(f"{docs}/zones/"), "id", f"上次生成时有责任区“{old}”，这次没有了：它的网页没有了，挂出的标志牌上的二维码会打不开",
                    "撤销的责任区不要删除：恢复它的文件并写 status: archived（可以用 successor 指向接手的责任区）；从没印过标志牌的，不用管这条提示"))
            else:
                notices.append(Problem(
                    Location(roster), "id", f"上次生成时有党员“{old}”，这次没有了：他/她的网页没有了，印过的桌牌上的二维码会打不开",
                    "调离的党员不要删除，写 status: former（网页保留并注明已调离）；不想公开的写 hidden: true；从没印过桌牌的，不用管这条提示"))
    return errors, notices


def record_published(content: Content, cache: Path) -> None:
    """Add this build's ids to the record (ids stay in it: a sign printed years ago still hangs)."""
    before, now = _recorded(cache), _current(content)
    merged = {kind: sorted(set(now[kind]) | {i for i in before.get(kind, []) if isinstance(i, str)}) for kind in now}
    if merged != before:
        cache.mkdir(parents=True, exist_ok=True)
        write_atomic(cache / PUBLISHED_FILE, json.dumps(merged, ensure_ascii=False, indent=0).encode("utf-8"))
