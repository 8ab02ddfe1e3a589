"""Check: pages whose address is printed on a QR code must not vanish.

A zone's sign and a member's plate carry the address of their page. An editor who renames an id
everywhere, or deletes a record, passes every other check, and the metal sign at the gate opens
the 404 page. Each successful build records the ids it published in the cache; the next run
says so of an id renamed without an alias to keep its address (format rule 5: ids are stable) or
of a record deleted. A notice, not an error: what this machine built before must not decide
whether content builds (audits 32 and 37: a fresh clone, or CI, built what this machine refused).
It compares with the last build, not with every id ever published: a member deleted last month
does not make today's new member a rename (audit 37). What git's history took out is said again
on every build until its id is answered for (still_gone): said once, it was missed (audit AS-G).
"""

from __future__ import annotations

import json
from pathlib import Path

from ..content import Content
from ..files import write_atomic
from ..problems import Location, Problem
from .history import committed_ids, removed_ids
from .regraded import GRADES_KEY, bands, regraded

PUBLISHED_FILE = "published-ids.json"
REMOVED_FILE = "removed-ids.json"  # what git's history took out, by HEAD (history.removed_ids)


def _current(content: Content) -> dict[str, set[str]]:
    """The addresses this content keeps: pages, and aliases that redirect."""
    return {
        "zone": {z.id for z in content.zones} | set(content.zone_aliases),
        "member": {m.id for m in content.public_members} | set(content.member_aliases),
        "story": {s.slug for s in content.stories},  # no QR code, but a link forwarded in WeChat
    }


def _read(cache: Path):
    try:
        return json.loads((cache / PUBLISHED_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _recorded(data) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """(kind -> every id a build here published, kind -> the ids of the last build)."""
    if not isinstance(data, dict):
        return {}, {}
    if "last" not in data:  # written before the last build's ids were kept apart
        return _kinds(data), _kinds(data)
    return _kinds(data.get("ever")), _kinds(data.get("last"))


def _kinds(value) -> dict[str, set[str]]:
    return {kind: {i for i in ids if isinstance(i, str)}
            for kind, ids in (value.items() if isinstance(value, dict) else ()) if isinstance(ids, list)}


def id_changes(content: Content, cache: Path | None, roster: Path) -> list[tuple[str, list[str], list[str]]]:
    """(kind, ids the last build published that this content no longer answers for, ids new beside
    them): renamed_ids and vanished_pages read them. With no build kept in the cache, the last
    commit's ids stand in (check.history), and content.since says so."""
    data = _read(cache) if cache is not None else None
    if data is not None and not _same_org(data, content):  # this repository's example built before it was replaced
        data = None
    if data is not None:
        ever, last = _recorded(data)
    else:
        last = committed_ids(content.root, content.docs_dir, roster) or {}
        # an alias names an old id: never new beside a renamed one (git gives file names, not aliases)
        aliases = {"zone": set(content.zone_aliases), "member": set(content.member_aliases)}
        ever = {kind: ids | aliases.get(kind, set()) for kind, ids in last.items()}
        content.since = "上一次提交（git）里"
    return list(_changes(content, ever, last))


def _changes(content: Content, ever: dict[str, set[str]], last: dict[str, set[str]]):
    current = _current(content)
    hidden = {m.id for m in content.members if m.hidden}  # hiding a member takes the page away on purpose
    for kind, ids in last.items():
        if kind in current:
            yield kind, sorted(i for i in ids if i not in current[kind] and i not in hidden), sorted(current[kind] - ever.get(kind, set()) - ids)


def renamed_ids(changes: list) -> dict[tuple[str, str], str]:
    """(kind, id) -> the id it was likely renamed to since the last build: one of its kind new beside
    it. A reference to the old id is then told the new one (references, markdown_refs)."""
    return {(kind, old): new[0] for kind, gone, new in changes if len(new) == 1 for old in gone}


def vanished_pages(content: Content, changes: list) -> list[Problem]:
    """A notice for each id the last build published that this content no longer answers for,
    said at the record it was likely renamed to when one id of its kind is new beside it. Said
    once: the build after it no longer has the id."""
    notices = []
    docs = _docs(content)
    roster = _roster_shown(content, "members.yaml")
    for kind, gone, new in changes:
        if kind == "story":
            notices += _stories_gone(content, docs, gone, new)
            continue
        records = {record.id: record for record in (content.zones if kind == "zone" else content.members)}
        for old in gone:
            renamed = records.get(new[0]) if len(new) == 1 else None  # said at the record it was likely renamed to
            if renamed is not None:
                what, printed, keep = (("责任区", "标志牌", "在新责任区里写") if kind == "zone" else ("党员", "桌牌", "在他/她的记录里写"))
                notices.append(Problem(renamed.at("id"), "id", f"{content.since}有{what}“{old}”，这次没有了：印着 {old} 的{printed}上的二维码会打不开",
                                       f"是不是把 {old} 改成了 {renamed.id}？已经印出去的，{keep} aliases: [{old}]，旧二维码就还能打开；"
                                       f"没印过的（例如刚打错又改过来）不用管"))
            elif kind == "zone":
                notices.append(Problem(
                    Location(f"{docs}/zones/"), "id", f"{content.since}有责任区“{old}”，这次没有了：它的网页没有了，挂出的标志牌上的二维码会打不开",
                    "撤销的责任区不要删除：恢复它的文件并写 status: archived（可以用 successor 指向接手的责任区）；从没印过标志牌的，不用管这条提示"))
            else:
                notices.append(Problem(
                    Location(roster), "id", f"{content.since}有党员“{old}”，这次没有了：他/她的网页没有了，印过的桌牌上的二维码会打不开",
                    "调离的党员不要删除，写 status: former（网页保留并注明已调离）；不想公开的写 hidden: true；从没印过桌牌的，不用管这条提示"))
    return notices


def still_gone(content: Content, roster: Path, said: set[tuple[str, str]], cache: Path | None = None) -> list[Problem]:
    """A notice on every build for the member and zone ids a commit ever took out that this content
    answers for in no way (no page, alias, or hidden record), beside those ``said`` this run.
    vanished_pages says a change once, at the next build; a plate printed last year hangs still,
    and its QR code opens the 404 page until its id is given back (audit AS-G)."""
    removed = removed_ids(content.root, content.docs_dir, roster, cache / REMOVED_FILE if cache is not None else None)
    current = _current(content)
    hidden = {m.id for m in content.members if m.hidden}
    notices = []
    for kind, (where, what, printed, hint) in _STILL_GONE.items():
        gone = sorted(removed.get(kind, set()) - current[kind] - hidden - {old for k, old in said if k == kind})
        if gone:
            shown = "、".join(gone[:8]) + (f" 等 {len(gone)} 个" if len(gone) > 8 else "")
            location = Location(_roster_shown(content, roster.name)) if where == "roster" else Location(_docs(content) + "/zones/")
            them = "它" if len(gone) == 1 else "它们"
            notices.append(Problem(location, "id", f"git 历史里发布过的{what}编号 {shown} 现在没有网页了：印着{them}的{printed}上的二维码打开的是“页面不存在”",
                                   hint.replace("这几个编号都", "这个编号") if len(gone) == 1 else hint))
    return notices


_STILL_GONE = {
    "member": ("roster", "党员", "桌牌", "改了编号的，在新编号的记录里写 aliases: [旧编号]；调离的，恢复他/她的记录并写 status: former；"
               "不公开的，恢复记录并写 hidden: true。这几个编号都有了着落，这条提示就不再出现"),
    "zone": ("zones", "责任区", "标志牌", "改了编号的，在新编号的文件里写 aliases: [旧编号]；撤销的，恢复它的文件并写 status: archived"
             "（可以用 successor 指向接手的责任区）。这几个编号都有了着落，这条提示就不再出现"),
}


def _org_of(content: Content) -> str | None:
    return content.org.name if content.org is not None else None


def _same_org(data, content: Content) -> bool:
    """Whether the build kept was of this organization (not the example a site was started from:
    its ids were never this site's; audit AS-M 1). A record from before names were kept is."""
    kept = data.get("org") if isinstance(data, dict) else None
    return kept is None or _org_of(content) is None or kept == _org_of(content)


def _roster_shown(content: Content, otherwise: str) -> str:
    """The roster's path as problems name it."""
    return content.members[0].path if content.members else otherwise


def _docs(content: Content) -> str:
    try:
        return content.docs_dir.resolve().relative_to(content.root.resolve()).as_posix()
    except ValueError:
        return content.docs_dir.name


def _stories_gone(content: Content, docs: str, gone: list[str], new: list[str]) -> list[Problem]:
    """A story's address is its file's name: one renamed or deleted leaves its forwarded links at the 404 page."""
    renamed = next((story for story in content.stories if story.slug == new[0]), None) if len(new) == 1 and len(gone) == 1 else None
    if renamed is not None:
        return [Problem(Location(renamed.path), "-", f"{content.since}有故事 {gone[0]}.md，这次没有了：它的网址换成了 stories/{renamed.slug}/，转发出去的旧链接会打不开",
                        f"是不是把 {gone[0]}.md 改名成了 {renamed.slug}.md？发出去的故事不要改文件名：改回 {gone[0]}.md")]
    return [Problem(Location(f"{docs}/stories/"), "-", f"{content.since}有故事 {old}.md，这次没有了：转发出去的链接会打不开",
                    "删掉是有意的，不用管这条提示；不是的话，恢复这个文件") for old in gone]


def record_published(content: Content, cache: Path, config_file: Path) -> None:
    """Keep every id published (ids stay: a sign printed years ago still hangs) and the ids of this
    build, which the next run compares with; and the address it printed, per config file."""
    before = _read(cache)
    ever, _ = _recorded(before if _same_org(before, content) else None)  # another organization's ids are not kept
    current = _current(content)
    printed = dict(before.get("site_urls", {})) if isinstance(before, dict) and isinstance(before.get("site_urls"), dict) else {}
    if content.printed_url:
        printed[_config_key(config_file)] = content.printed_url
    data = {"ever": {kind: sorted(ever.get(kind, set()) | current.get(kind, set())) for kind in sorted({*ever, *current})},
            "last": {kind: sorted(ids) for kind, ids in sorted(current.items())},
            "site_url": content.printed_url or (before or {}).get("site_url", ""), "site_urls": dict(sorted(printed.items())),
            "org": _org_of(content), GRADES_KEY: bands(content)}
    if data != before:
        cache.mkdir(parents=True, exist_ok=True)
        write_atomic(cache / PUBLISHED_FILE, json.dumps(data, ensure_ascii=False, indent=0).encode("utf-8"))


def changed_since_last_build(content: Content, cache: Path | None, config_file: Path, graded: bool) -> list[Problem]:
    """The notices of what the last build kept that this content changes: the address QR codes
    print, and (``graded``: the content's grades are whole) the grade bands; the record read once."""
    data = _read(cache) if cache is not None else None
    said = [site_url_changed(content, data, config_file)]
    if graded and isinstance(data, dict) and _same_org(data, content):
        said.append(regraded(content, data.get(GRADES_KEY)))  # check.regraded
    return [notice for notice in said if notice is not None]


def site_url_changed(content: Content, data: object, config_file: Path) -> Problem | None:
    """A notice when the address QR codes print is not the last build's (``data``, its record): every sign and plate
    printed before still opens the old one. Not from an example address or this machine's, which
    printed nothing that works (check.settings says so)."""
    from .settings import prints_nowhere

    # two configs sharing a cache (a public site and `-f intranet.yml`) each keep their own (audit AS-H)
    per_config = data.get("site_urls") if isinstance(data, dict) else None
    if isinstance(per_config, dict) and per_config:
        last = per_config.get(_config_key(config_file))
    else:
        last = data.get("site_url") if isinstance(data, dict) else None
    now = content.printed_url
    if not isinstance(last, str) or not last or not now or _same_address(last, now) or prints_nowhere(last):
        return None
    return Problem(Location.of_setting(config_file, "site_url"), "site_url",
                   f"网站地址从“{last}”改成了“{now}”：已经印出去的标志牌和桌牌上的二维码都还指向旧地址",
                   "旧地址要一直能打开（让它跳转到新地址），或者重新印制标志牌和桌牌；地址改错了的话改回去")


def _config_key(config_file: Path) -> str:
    try:
        return str(config_file.resolve())
    except OSError:
        return str(config_file)


def _same_address(one: str, other: str) -> bool:
    """Whether two site_urls open the same pages (a host in capitals, :443 written out, a last /)."""
    from urllib.parse import urlsplit

    def plain(url: str) -> tuple:
        parts = urlsplit(url.strip())
        try:
            port = parts.port
        except ValueError:
            port = None
        default = {"http": 80, "https": 443}.get(parts.scheme.lower())
        return parts.scheme.lower(), (parts.hostname or "").lower(), None if port == default else port, parts.path.rstrip("/")

    return plain(one) == plain(other)
