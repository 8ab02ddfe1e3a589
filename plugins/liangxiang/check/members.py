"""The rules of a member (党员) alone: names as written, a photo or a name of another member, a
group of another branch."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Callable

from ..model import Member
from ..problems import Location, Problem


class MemberRules:
    """Part of check's rules: ``self.content``, ``self.problems`` and the rules shared by every kind
    of record (unique, refs, aliases, repeated, name_as_written) are theirs."""

    def members(self) -> None:
        seen: dict[str, Location] = {}
        aliases: dict[str, tuple[Location, str, str]] = {}  # a former id: where, its field, whose
        first: dict[str, Member] = {}
        for member in self.content.members:
            earlier = first.setdefault(member.id, member)
            same_person = earlier is not member and earlier.name == member.name  # pasted twice, or a namesake given the same id
            if self.unique("党员编号", seen, member.id, member.at("id"), member.field_name("id"),
                           "同一个人写了两遍的话，删掉其中一条；是同名的另一个人，才给这一条改用另一个编号" if same_person else "编号必须唯一：改用另一个编号"):
                self.doubled.setdefault("member", (member.id, member.at("id")))  # a record copied, its id left: see ref()
                self.doubled_names.setdefault("member", member.name)
            self.refs(member)
            self.aliases(member, "member", "党员", aliases)
            for rule in self.member_rules(member):
                rule()
        self.rejected_aliases(Member, "member", "党员", aliases)

    def member_rules(self, member) -> list[Callable[[], None]]:
        """The rules of one member alone, each a call: run for a member rejected for another field too (rejected_rules)."""
        return [lambda: self.name_as_written(member.name, member.at("name"), member.field_name("name"), "桌牌"),
                lambda: self.photo_of_another(member),
                lambda: self.merged_from_another(member),
                lambda: self.hidden_namesake(member),
                lambda: self.repeated(member, "honors", lambda honor: honor.same_as, lambda honor: honor.title),
                lambda: self.group_of_branch(member)]

    @functools.cached_property
    def branches_of_group(self) -> dict[str, list[str]]:
        """The branches each group id is written under (two: org.yaml's error, not the members')."""
        owners: dict[str, list[str]] = {}
        for branch in getattr(self.content.org or self.content.partial_org, "branches", None) or []:
            for group in branch.groups:
                owners.setdefault(group.id, []).append(branch.id)
        return owners

    def group_of_branch(self, member) -> None:
        owners = self.branches_of_group.get(member.group or "", [])
        if owners and member.branch not in owners and member.branch in self.content.known["branch"]:  # else the branch's own error
            self.problems.add(
                member.at("group"), member.field_name("group"), f"党小组“{member.group}”属于党支部“{owners[0]}”，不属于“{member.branch}”",
                "改正 branch 或 group，让党小组属于所在党支部",
            )

    def hidden_namesake(self, member) -> None:
        """A hidden member added again under a new id (feng-yu hidden, fengyu public, both 冯宇):
        said, since it may publish whom the roster keeps off the site. And a member added twice
        (same name, branch and post or department): two pages, two plates for one person."""
        if member.hidden:
            return
        for other in self.members_named.get(member.name, []):
            if other is member or other.id == member.id:  # one id twice is an error of its own
                break
            fields = [getattr(other, key, None) for key in ("branch", "post", "department")]  # one with an error lacks some
            if not other.hidden and fields[0] == member.branch and (member.post or member.department) and \
                    tuple(fields[1:]) == (member.post, member.department):
                self.content.notices.append(Problem(
                    member.at("name"), member.field_name("name"),
                    f"“{member.name}”和 {other.id} 同名，党支部和岗位也一样：像是同一个人写了两次，网站上会有两个{member.name}",
                    f"是同一个人的话，删掉这一条（保留 {other.id}）；是同名的另一个人，可以不改"))
                return
        for other in self.members_named.get(member.name, []):
            if other.hidden and other.id != member.id:
                self.content.notices.append(Problem(
                    member.at("name"), member.field_name("name"),
                    f"“{member.name}”和设为不公开（hidden: true）的党员 {other.id} 同名：如果是同一个人，他/她会因这一条被公开",
                    "是同一个人的话，删掉这一条；是同名的另一个人，可以不改"))
                return

    PERSONAL = ("title", "joined", "tags", "honors")  # what is one person's own, never a default

    def merged_from_another(self, member) -> None:
        """`<<: *li-na` brings in another member's fields: a branch and a group are fine defaults,
        but her title, badges and honors would be published as this member's (audit AH F8). A
        field brought in keeps the line it was written on, above this member's."""
        start = member.at().line
        brought = [field for field in self.PERSONAL if field in member.model_fields_set and member.at(field).line < start]
        if not brought or member.hidden:
            return
        line = member.at(brought[0]).line
        source = max((m for m in self.content.members if m.path == member.path and m.at().line <= line), key=lambda m: m.at().line, default=None)
        whose = f"{source.name}（第 {source.at().line} 行）" if source is not None else f"第 {line} 行"
        self.content.notices.append(Problem(
            member.at(), member.field_name(),
            f"{'、'.join(brought)} 是用“<<:”从{whose}那里带过来的：{member.name}的网页" + ("和桌牌" if "title" in brought else "") + "上会显示这些",
            f"职务、入党年份、标识和荣誉每个人各写各的：在{member.name}这一条里写出自己的（没有就写 {brought[0]}: 后面留空），或者不用“<<:”"))

    def photo_of_another(self, member) -> None:
        """A member's block copied from another's keeps that one's photo: li-na.jpg on 韩雪's page
        and desk plate (audit 22). Said when the file is named after another member's id."""
        stem = Path(member.photo or "").stem.lower()
        other = self.content.member_by_id.get(stem)
        if other is not None and other.id != member.id and not member.hidden:
            self.content.notices.append(Problem(
                member.at("photo"), member.field_name("photo"),
                f"照片“{member.photo}”是按另一位党员（{other.name}，{other.id}）的编号起名的：{member.name}的网页和桌牌上会是这张照片",
                f"如果是复制{other.name}的那一段时带过来的，换成{member.name}自己的照片；没有照片就删掉这一行"))
