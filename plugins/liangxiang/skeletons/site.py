"""The site a skeleton is written into: its ids, branches and members, and what its editors
write most often (a new record speaks the organization's own words)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..content import Content
from ..load import load_content
from ..model import DEFAULT_STORY_CATEGORIES
from ..problems import Problem, did_you_mean
from ..values import ID_PATTERN


class SkeletonError(Exception):
    """Something the editor must change before a skeleton can be written (said in their words)."""


@dataclass
class Written:
    path: Path
    created: bool  # False: a record was appended
    first_line: int  # where the new text starts (1-based)
    record_id: str
    notes: list[str] = field(default_factory=list)
    blanks: list[Problem] = field(default_factory=list)  # what validate says about the new text


# ids -----------------------------------------------------------------------------------------

def free_id(wanted: str, taken: set[str], prefix: str) -> str:
    """wanted, or wanted-2, -3 ...; prefix-N (N = one more than there are) when nothing is wanted."""
    if not wanted:
        number = len([t for t in taken if t.startswith(prefix + "-")]) + 1
        while f"{prefix}-{number}" in taken:
            number += 1
        return f"{prefix}-{number}"
    if wanted not in taken:
        return wanted
    number = 2
    while f"{wanted}-{number}" in taken:
        number += 1
    return f"{wanted}-{number}"


def check_id(value: str, taken: set[str], what: str) -> str:
    if not re.fullmatch(ID_PATTERN, value):
        raise SkeletonError(f"编号“{value}”不合格式：只能用小写字母 a-z、数字 0-9 和“-”，以字母或数字开头，最长 64 个字符")
    if value in taken:
        raise SkeletonError(f"{what}编号“{value}”已经有了，换一个（或者不写 --id，让程序挑一个空着的）")
    return value


# the site ------------------------------------------------------------------------------------

@dataclass
class Site:
    root: Path
    docs_dir: Path
    members_file: Path
    content: Content
    cache_dir: Path | None = None  # the build's: files parsed before are not parsed again (AS-AH M5: 45 s at 5,000 members)

    @classmethod
    def read(cls, root: Path, docs_dir: Path, members: str, cache_dir: Path | None = None) -> "Site":
        content, _ = load_content(root, docs_dir, members, cache_dir)  # errors elsewhere do not stop a skeleton
        return cls(root.resolve(), docs_dir.resolve(), root.resolve() / members, content, cache_dir)

    def shown(self, path: Path) -> str:
        try:
            return path.resolve().relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()

    def ids(self, kind: str) -> set[str]:
        return set(self.content.known[kind].where)

    @property
    def branches(self) -> list[str]:
        if self.content.org:
            return [b.id for b in self.content.org.branches]
        return list(self.content.known["branch"].where)

    @property
    def categories(self) -> list[str]:
        return list(self.content.org.story_categories) if self.content.org else list(DEFAULT_STORY_CATEGORIES)

    def public_member_ids(self) -> list[str]:
        known = self.content.known["member"]
        return [m for m in known.where if m not in known.hidden]

    def example_member(self) -> str:
        return next(iter(self.public_member_ids()), "zhang-wei")

    def written(self, field: str, branch: str, fallback: str) -> str:
        """An example of a member field in this organization's own words: what its members of the
        branch wrote most often, then of any branch; fallback for a new roster."""
        for same_branch in (True, False):
            values = [getattr(m, field) for m in self.content.members
                      if getattr(m, field, None) and not m.hidden and (m.branch == branch or not same_branch)]
            if values:
                return Counter(values).most_common(1)[0][0]  # ties: the first written
        return fallback

    def tags(self) -> list[str]:
        """The badges members wear here, most worn first."""
        return [tag for tag, _ in Counter(tag for m in self.content.members if not m.hidden for tag in m.tags).most_common()]

    def honored_by(self) -> str:
        """Who awards honors here: as the roster says most often, else the organization itself."""
        said = [honor.by for m in self.content.members if not m.hidden for honor in m.honors if honor.by]
        if said:
            return Counter(said).most_common(1)[0][0]
        org = self.content.org
        return (org.short_name or org.name) if org else "党委"

    def pick_branch(self, wanted: str | None) -> str:
        branches = self.branches
        if wanted:
            if branches and wanted not in branches:
                named = [b.id for b in (self.content.org.branches if self.content.org else []) if b.name == wanted.strip()]
                if named:  # --branch 电力车间党支部
                    raise SkeletonError(f"这里写党支部的编号，不写名称：“{wanted}”的编号是 {named[0]}，写成 --branch {named[0]}")
                raise SkeletonError(f"没有党支部“{wanted}”；org.yaml 里有：{'、'.join(branches)}")
            return wanted
        if not branches:
            raise SkeletonError("content/org.yaml 里还没有党支部：先写好 org.yaml 的 branches，或用 --branch 指定")
        return branches[0]

    def check_member(self, member: str | None) -> str | None:
        if member is None:
            return None
        known = self.content.known["member"]
        if member not in known:
            named = [m.id for m in self.content.members if m.name == member.strip() and not m.hidden]
            hint = (f"这里写党员的编号，不写姓名：{member}的编号是 {'、'.join(named)}" if named
                    else did_you_mean(member, known.where))
            raise SkeletonError(f"members.yaml 里没有党员“{member}”" + (f"（{hint}）" if hint else ""))
        if member in known.hidden:
            raise SkeletonError(f"党员“{member}”设为不公开（hidden: true），公开的内容不能提到他/她")
        return member
