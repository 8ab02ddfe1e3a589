"""Former ids (aliases): each keeps printed QR codes working, so each may lead to one page only."""

from __future__ import annotations

import difflib
import re

from ..files import changed_at
from ..problems import Location, dotted
from ..values import ID_PATTERN

AliasAt = tuple[Location, str, str]  # where a former id is written, its field, and whose it is


class AliasRules:
    """Part of check's rules (``self.content``, ``self.problems``): members' and zones' former ids."""

    def aliases(self, record, kind: str, kind_word: str, seen: dict[str, AliasAt]) -> None:
        """Former ids keep printed QR codes working: each may lead to one page only."""
        written = [(alias, record.at("aliases", index)) for index, alias in enumerate(record.aliases)]
        self.aliases_written(written, record.field_name("aliases"), record.id, kind, kind_word, seen)

    def rejected_aliases(self, model: type, kind: str, kind_word: str, seen: dict[str, AliasAt]) -> None:
        """The well-written aliases of records that did not validate: one malformed alias (or
        another field's mistake) must not hide a clash beside it."""
        for rejected in self.content.rejected:
            aliases = rejected.data.get("aliases") if rejected.model is model and isinstance(rejected.data, dict) else None
            if not isinstance(aliases, list) or rejected.loc + ("aliases",) in rejected.bad:
                continue
            written = [(alias, rejected.source.at(*rejected.loc, "aliases", index)) for index, alias in enumerate(aliases)
                       if isinstance(alias, str) and re.fullmatch(ID_PATTERN, alias) and rejected.loc + ("aliases", index) not in rejected.bad]
            owner = rejected.data.get("id")
            self.aliases_written(written, dotted(rejected.loc + ("aliases",)), owner if isinstance(owner, str) else "", kind, kind_word, seen)

    def aliases_written(self, written: list[tuple[str, Location]], field: str, owner: str, kind: str, kind_word: str,
                        seen: dict[str, AliasAt]) -> None:
        here: dict[str, Location] = {}  # one record's: written twice there is said there, not as a clash with another (audit AQ 6)
        for alias, where in written:
            if alias in here:
                earlier = "这一行前面" if here[alias].line == where.line else f"第 {here[alias].line} 行"
                self.problems.add(where, field, f"曾用编号“{alias}”写了两遍（{earlier}已经有了）", "删掉这一个")
                continue
            here[alias] = where
            known = self.content.known[kind]
            if alias in known and alias != owner and known.where[alias].path == where.path and not known.where[alias].line:
                continue  # known by its own file's name alone (zones/tongxin.yaml renamed to its alias): stem() says so (AS-AG L2)
            if alias in known:
                self.problems.add(
                    where, field, f"曾用编号“{alias}”和现有{kind_word}的编号相同",
                    "曾用编号只能是不再使用的旧编号，否则两个二维码会指向同一个网址",
                )
            elif alias in seen:
                self.alias_twice(alias, kind_word, seen[alias], (where, field, owner))
            else:
                seen[alias] = (where, field, owner)

    def alias_twice(self, alias: str, kind_word: str, earlier: AliasAt, later: AliasAt) -> None:
        """One former id on two records: said at the one it was copied to. A zone file copied to
        start a new one keeps the original's aliases; deleting the alias there, as "either one"
        would allow, sends the old signs' QR codes to the new zone (audit AM 1)."""
        def likeness(at: AliasAt) -> float:  # tongxin is tongxin-guangchang's old id, not jianshe-lu's
            return difflib.SequenceMatcher(None, alias, at[2]).ratio() if at[2] else 0.0

        if abs(likeness(earlier) - likeness(later)) >= 0.2:
            original, copy = sorted((earlier, later), key=likeness, reverse=True)
            copied = "（复制文件时会带过来）" if original[0].path != copy[0].path else ""  # zone files; members share one
            hint = f"“{alias}”像是 {original[2]} 原来的编号{copied}：在这里删掉它，印出去的二维码才会继续通向 {original[2]}"
        else:
            original, copy = sorted((earlier, later), key=lambda at: (changed_at(self.content.root / at[0].path), at[0].line))
            hint = f"一个曾用编号只能通向一个{kind_word}：删掉不是从“{alias}”改过来的那一处"
        self.problems.add(copy[0], copy[1], f"曾用编号“{alias}”重复了，{original[0]} 已经用过", hint)
