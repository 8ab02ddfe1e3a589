"""What the checks look up about ids and names: which records a name or an id of another kind
stands for, the ids a roster entry lost, former ids. The reference check words its hints with them."""

from __future__ import annotations

import difflib
from collections import Counter
from functools import cached_property

from ..ids import person_id
from ..load.meant import invisible
from ..model import Member, Zone
from ..problems import Location

NAMED = ("grade", "category")  # references to org.yaml's names rather than to records' ids
KIND_WORDS = {"member": "党员", "branch": "党支部", "group": "党小组", "zone": "责任区", "story": "故事"}


class IdLookups:
    """Part of check's rules (``self.content``): lookups kept for the run, as the content does not change."""

    @cached_property
    def members_without_id(self) -> list[tuple[Location, str]]:
        """Roster entries whose id was not read (no id line, `ID:`, left empty): where, and the name written."""
        found = []
        for rejected in self.content.rejected:
            data = rejected.data
            if rejected.model is not Member or not isinstance(data, dict):
                continue
            if isinstance(data.get("id"), (str, int)) and str(data["id"]).strip():
                continue
            name = next((v for k, v in data.items() if isinstance(k, str) and k.strip().lower() == "name" and isinstance(v, str)), "")
            found.append((rejected.source.at(*rejected.loc), name.strip()))
        return found

    def id_not_read(self, value: str) -> str:
        """The hint for a member not found whose roster entry has no id read: the entry named so
        (张伟 -> zhang-wei), or the only entry without one."""
        entries = self.members_without_id
        named = [(at, name) for at, name in entries if name and person_id(name) == value]
        if len(named) == 1 or (len(entries) == 1 and not (entries[0][1] and person_id(entries[0][1]))):
            at, name = (named or entries)[0]
            who = f"党员{name}" if name else "一名党员"
            return (f"{at.path} 第 {at.line} 行的{who}没有读到编号 id（见那一条错误）："
                    + (f"写上 id: {value}，这里就对了" if named else f"如果就是 {value}，写上 id: {value}"))
        return ""

    @cached_property
    def former_ids(self) -> dict[str, dict[str, str]]:
        """Aliases of members and zones -> the id each now has."""
        return {kind: {alias: record.id for record in records for alias in record.aliases}
                for kind, records in (("member", self.content.members), ("zone", self.content.zones))}

    @cached_property
    def naming(self) -> dict[str, Counter]:
        """How many members and zones name each branch and group id."""
        records = [(m.branch, m.group) for m in self.content.members] + [(z.branch, None) for z in self.content.zones]
        records += [(r.data.get("branch"), r.data.get("group")) for r in self.content.rejected
                    if r.model in (Member, Zone) and isinstance(r.data, dict)]
        return {"branch": Counter(b for b, _ in records if isinstance(b, str)),
                "group": Counter(g for _, g in records if isinstance(g, str))}

    @cached_property
    def unnamed(self) -> dict[str, list[str]]:
        """The branches and groups that no member or zone names: after an id is renamed in
        org.yaml, the new one (while every record still names the old one)."""
        return {kind: [i for i in self.content.known[kind].where if not self.naming[kind][i]] for kind in self.naming}

    @cached_property
    def members_named(self) -> dict[str, list[Member]]:
        """Members by name, hidden ones too: looked up for every name written where an id or a person goes."""
        named: dict[str, list[Member]] = {}
        # and those with an error in another field: 李娜 written in a role while the roster's second
        # 李娜 has a wrong year is one of two, not "li-na" (audit P); their other fields may be missing
        rejected = [r.record for r in self.content.rejected if isinstance(r.record, Member)
                    and all(hasattr(r.record, key) for key in ("id", "name", "hidden"))]
        for member in [*self.content.members, *rejected]:
            named.setdefault(member.name, []).append(member)
        return named

    def ids_named(self, kind: str, name: str) -> list[str]:
        """The ids of the records called name: `leader: 王建国` is written for `leader: wang-jianguo`."""
        content, name = self.content, name.strip()
        if kind == "member":
            return [m.id for m in self.members_named.get(name, ()) if not m.hidden]
        if kind == "zone":
            return [z.id for z in content.zones if name in (z.name, z.short_name)]
        branches = content.org.branches if content.org else []
        if kind == "branch":
            return [b.id for b in branches if b.name == name]
        if kind == "group":
            return [g.id for b in branches for g in b.groups if g.name == name]
        return []

    def known_but_invisible(self, kind: str, value: str) -> str:
        """The id meant by one with an invisible character in it: a soft hyphen pasted from a web
        page stands where a hyphen was (deng\xadhai for deng-hai) or where none was."""
        hidden = invisible(value)
        if not hidden or kind in NAMED:
            return ""
        cleaned = ["".join(c for c in value if c not in hidden).strip(),
                   "".join("-" if c == "\u00ad" else c for c in value if c == "\u00ad" or c not in hidden).strip()]
        return next((id for id in cleaned if id in self.content.known[kind]), "")

    def other_kind_hint(self, kind: str, name: str, in_list: bool) -> str:
        """The name of another kind of record where an id goes: `members: [供热运行党小组]`
        for the group's members, `zone: 张伟` for the zone he leads."""
        for other in ("group", "branch", "member", "zone"):
            if other == kind or not (ids := self.ids_named(other, name)):
                continue
            hint = f"“{name}”是{KIND_WORDS[other]} {' 或 '.join(ids)} 的名称，这里要写{KIND_WORDS[kind]}的编号"
            if kind == "member" and other in ("group", "branch"):
                listed = [m.id for m in self.content.members
                          if not m.hidden and m.status == "active" and getattr(m, other) in ids]
                if listed:
                    more = f" 等 {len(listed)} 人" if len(listed) > 8 else ""
                    hint += (f"，一人一项：这个{KIND_WORDS[other]}的党员有 {', '.join(listed[:8])}{more}" if in_list
                             else f"，只写一人（这个{KIND_WORDS[other]}的党员有 {', '.join(listed[:8])}{more}）")
            if kind == "zone" and other == "member":
                served = self.zones_served(ids)
                hint += f"；{name}所在的责任区有 {', '.join(served[:8])}" if served else ""
            return hint
        return ""

    def zones_served(self, member_ids: list[str]) -> list[str]:
        """The zones of these members (leading, listed or in a role), those in use first."""
        zones = {zone.id: zone for member_id in member_ids for zone in self.content.zones_of(member_id)}
        return [zone.id for zone in sorted(zones.values(), key=lambda zone: zone.status != "active")]

    def other_kind_id(self, kind: str, value: str) -> str:
        """The id of another kind where this kind's goes: branch and group the wrong way round,
        a member's id for a zone's."""
        branches = self.content.org.branches if self.content.org else []
        if kind == "branch" and (owner := next((b for b in branches for g in b.groups if g.id == value), None)):
            return f"“{value}”是党小组的编号（属于党支部 {owner.id}）：branch 写党支部编号 {owner.id}，党小组编号写在 group"
        if kind == "group" and (branch := next((b for b in branches if b.id == value), None)):
            groups = ", ".join(g.id for g in branch.groups)
            return (f"“{value}”是党支部的编号，写在 branch；group 写党小组的编号" +
                    (f"（{value} 的党小组有 {groups}）" if groups else f"（{value} 没有党小组：删掉 group）"))
        if kind == "zone" and value in self.content.member_by_id and not self.content.member_by_id[value].hidden:
            served = self.zones_served([value])
            return f"“{value}”是党员的编号，这里要写责任区的编号" + (f"：{value} 所在的责任区有 {', '.join(served[:8])}" if served else "")
        if kind == "member" and value in self.content.zone_by_id:
            return f"“{value}”是责任区的编号，这里要写党员的编号"
        if kind == "zone" and (branch := next((b for b in branches if b.id == value), None)):
            zones = [z.id for z in self.content.zones if z.branch == value]
            return (f"“{value}”是党支部（{branch.name}）的编号，这里要写责任区的编号" +
                    (f"：{value} 的责任区有 {', '.join(zones[:8])}" if zones else ""))
        return ""

    def groups_alike(self, value: str, meant: str) -> str:
        """The groups as near to value as the one guessed, by id and name, when there are several."""
        near = difflib.SequenceMatcher(None, value, meant).ratio()
        groups = [g for b in (self.content.org.branches if self.content.org else []) for g in b.groups
                  if difflib.SequenceMatcher(None, value, g.id).ratio() >= near - 1e-9]
        if len(groups) < 2:
            return ""
        return f"相近的党小组有 {'、'.join(f'{g.id}（{g.name}）' for g in groups[:6])}：写其中的一个"

    def branches_naming(self, group: str) -> set[str]:
        return {m.branch for m in self.content.members if m.group == group}

    def under_missing_branch(self, group: str) -> bool:
        """Whether every member naming this group names a branch org.yaml lacks: the group went with it."""
        branches = self.branches_naming(group)
        return bool(branches) and all(branch not in self.content.known["branch"] for branch in branches)
