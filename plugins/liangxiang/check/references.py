"""Check references by id: every id a record names must exist, and be public where it is
published. A wrong one gets the hint an editor needs: the id of the name written, the id meant,
the id it was renamed to."""

from __future__ import annotations

import re
from pathlib import Path
from collections import Counter
from collections.abc import Iterable
from dataclasses import replace

from pydantic import TypeAdapter, ValidationError

from ..ids import person_id, phrase_id
from ..content import Content
from ..fields import references
from ..model import DEFAULT_GRADES, DEFAULT_STORY_CATEGORIES, Member, Org, Record, Zone
from ..problems import Location, Problems, did_you_mean, dotted
from ..values import ID_PATTERN
from .lookups import KIND_WORDS, NAMED, IdLookups

# after "先在 … 里添加，或检查拼写": records that leave are kept, and printed QR codes keep their old ids
# (an alias is a way in for old links, never a reference: both are said, or the next run says the other, audit 37)
MISSING_MORE = {"member": "；调离的党员不要删除，改成 status: former；改过编号的，这里写新编号，再把旧编号写进他/她的 aliases",
                "zone": "；撤销的责任区不要删除，改成 status: archived；改过编号的，这里写新编号，再把旧编号写进新责任区的 aliases（标志牌上的二维码还用旧编号）"}
RESTORE = {"member": "调离的党员不要删除，把他/她的记录放回 members.yaml，写 status: former（不想公开的写 hidden: true）",
           "zone": "撤销的责任区不要删除，把它的文件放回 content/zones/，写 status: archived"}
_ALIASES_TOO = "如果是把编号 {old} 改成了 {new}：这里也写 {new}，再在 {new} 里写上 aliases: [{old}]，印好的二维码还用旧编号"
_KINDS = {Member: "member", Zone: "zone"}
HOMES = {"member": "members.yaml", "branch": "org.yaml", "group": "org.yaml", "zone": "content/zones/", "story": "content/stories/"}


class References(IdLookups):
    """The reference checks (what they look up about ids and names is in IdLookups)."""

    def __init__(self, content: Content, problems: Problems):
        self.content, self.problems = content, problems
        self.doubled: dict[str, tuple[str, Location]] = {}  # kind -> an id org.yaml or the roster gives twice, and where
        self.doubled_names: dict[str, str] = {}  # kind -> the name of the record whose id is the second one
        self.alike_missing: list[tuple[Location, str, str, str]] = []  # member and zone ids not found, beside one alike: (where, field, id, alike)
        self.deleted: dict[tuple[str, str], list[tuple[Location, str, str]]] = {}  # (kind, id) taken out of org.yaml -> its places
        # the former ids of zones and members that did not validate: what names one waits for that record's
        # own error to be fixed, as what names its id does (audit AS-J 3: `orientation: 竖版` was six errors)
        self.aliases_of_rejected = set(_aliases_of_rejected(content))
        self.into_empty: list[tuple[Location, str]] = []  # references into a list written empty: (where, id)

    def refs(self, record: Record) -> None:
        """Every reference by id the record's model marks (model.refers_to)."""
        for kind, value, path in references(type(record), record):
            self.ref(kind, value, record.at(*path), dotted(record._loc + path))

    def emptied_roster(self) -> None:
        """`members: []` saved over the roster: one error at the list, not one for each of the
        dozens of places that name a member (audit AS-AE M2: 76 of them, the cause in none's words)."""
        if not self.into_empty:
            return
        (first, value), count = self.into_empty[0], len(self.into_empty)
        self.problems.add(self.content.known["member"].emptied_at, "members",
                          f"党员名单是空的（members: []），别处却有 {count} 处写了党员的编号，例如 {first.path} 第 {first.line} 行的“{value}”",
                          f"是不是不小心删空了？从 git 里恢复它（git checkout -- {self.content.known['member'].emptied_at.path}），或把党员加回 members: 下面")

    def rejected_refs(self) -> None:
        """The references of records that did not validate, but for the fields that did not:
        one mistake in a record must not hide a misspelt id beside it."""
        for rejected in self.content.rejected:
            for kind, value, path in references(rejected.model, rejected.data, rejected.loc):
                if rejected.intact(path):
                    self.ref(kind, str(value) if isinstance(value, int) else value, rejected.source.at(*path), dotted(path))
                elif isinstance(value, str) and (known := self.known_but_invisible(kind, value)):
                    self.rehint(rejected.source.at(*path), dotted(path), f"删掉它（把这个值整个删掉重新输入）：写成 {known}")
                elif isinstance(value, str) and (ids := self.ids_named(kind, value)):
                    self.name_for_id(rejected.source.at(*path), dotted(path), value, ids)
                elif isinstance(value, str) and (hint := self.other_kind_hint(kind, value, isinstance(path[-1], int))):
                    self.rehint(rejected.source.at(*path), dotted(path), hint)
                elif isinstance(value, str) and path[-3:-2] == ("roles",) and path[-1] == "member" and re.search(r"[\u3400-\u9fff]", value):
                    # a supervisor from the neighbourhood, not on the roster: a role names them with name
                    self.rehint(rejected.source.at(*path), dotted(path),
                                f"“{value}”不在党员名单里的话，把 member 改成 name：写成 name: {value}（名单里的党员才写编号）")

    def name_for_id(self, where: Location, field: str, name: str, ids: list[str]) -> None:
        """The field's own error (an id is written in a-z, 0-9 and -) gets the id meant as its hint."""
        self.rehint(where, field, f"这里写编号，不写名称：“{name}”的编号是 {' 或 '.join(ids)}")

    def rehint(self, where: Location, field: str, hint: str) -> None:
        """The field's own error gets hint in place of the one guessed from the value alone."""
        self.problems.items = [replace(p, hint=hint) if p.where == where and p.field == field else p for p in self.problems.items]

    def ref(self, kind: str, value: object, where: Location, name: str, public: bool = True) -> None:
        """A reference by id must name something that exists (and, from public records, is not hidden)."""
        if not isinstance(value, str):
            return  # none, or of a wrong type: its own error says so
        if kind in NAMED:
            return self.named(kind, value, where, name)
        known = self.content.known[kind]
        if value not in known and known.emptied_at is not None:
            self.into_empty.append((where, value))  # said once, at the empty list (emptied_roster)
        elif value not in known and (kind, value) not in self.aliases_of_rejected:
            if known.complete:
                # a short id (b9) is near its neighbours (b1); for a long one, half alike is a wrong
                # guess, and a person's or a zone's is another person's (wang-jianguo, yang-fang)
                cutoff = 0.5 if len(value) <= 4 else 0.75 if kind in ("member", "zone") else 0.6
                missing = f"先在 {HOMES[kind]} 里添加，或检查拼写" + MISSING_MORE.get(kind, "")
                if not known.where and kind in ("member", "zone"):  # members: [] (audit AS-Y L2): the list emptied, not each id misspelt
                    missing = f"{HOMES[kind]} 里一个{KIND_WORDS[kind]}也没有：是不是不小心删空了？把它们加回 {HOMES[kind]}"
                hint = did_you_mean(value, known.where, cutoff=cutoff) or _lengthened(value, known.where) or missing
                meant = hint.removeprefix("是不是要写 ").removesuffix("？")
                if (unread := self.content.unread.get((kind, value))) is not None:  # zones/old/x.yaml, x.yaml.txt
                    hint = f"{unread} 没有被读取（见那一条错误）：把它改好，这里就对了"
                elif kind == "member" and (lacking := self.id_not_read(value)):
                    hint = lacking  # `ID: zhang-wei`, or no id line: that entry, not huang-lei (audit AQ 1)
                elif (renamed := self.content.renamed.get((kind, value))) is not None:  # since the last build (check.published)
                    hint = (f"{self.content.since}的{KIND_WORDS[kind]}“{value}”像是改成了 {renamed}：这里写 {renamed}，"
                            f"再在 {renamed} 里写上 aliases: [{value}]，印好的二维码还用旧编号")
                elif (kind, value) in self.content.vanished and kind in RESTORE:  # deleted since the last build: not a typo for another's id
                    hint = f"{self.content.since}还有{KIND_WORDS[kind]}“{value}”，这次 {HOMES[kind]} 里没有了：{RESTORE[kind]}"
                elif (traced := self.badly_written(kind, value, traced_only=True)):
                    hint = traced  # 张伟 written as the id of the member whose photo is zhang-wei.jpg: not huang-lei
                elif meant != hint and not re.fullmatch(ID_PATTERN, meant):
                    # the id it names is itself badly written (its own error says so): fix that one
                    hint = f"{HOMES[kind]} 里的编号“{meant}”写得不对，改正那里（见那一条错误）"
                elif meant == hint and (badly := self.badly_written(kind, value)):
                    hint = badly
                elif kind == "member" and meant in self.content.member_by_id and (typo := self.own_id_typo(meant, value)):
                    hint = typo  # wang-jiangou for 王建国: the roster's id is the one misspelt, not every reference
                elif kind == "member" and meant in self.content.member_by_id and not _another_person(value, meant):
                    hint = f"是不是要写 {meant}（{self.content.member_by_id[meant].name}）？"  # the name shows whether it is the one meant
                elif kind == "member" and meant in self.content.member_by_id:
                    hint, meant = missing, missing  # zhang-wei is not a misspelt huang-lei: another person (audit AQ 1)
                elif kind == "group" and meant != hint and (siblings := self.groups_alike(value, meant)):
                    hint = siblings  # wuye-1-g4: g1, g2 and g3 are each one letter away, and named
                if hint.startswith("是不是要写") and kind in MISSING_MORE:  # maybe renamed: see renamed_ids
                    self.alike_missing.append((where, name, value, meant))
                if (other := self.other_kind_id(kind, value)):
                    hint = other
                elif kind in self.doubled and (kind != "member" or meant == hint or person_id(self.doubled_names[kind]) == value):
                    # wuye-2 renamed wuye-1 by mistake, a member copied and its id left: the fix is there, not in every reference
                    twice, at = self.doubled[kind]
                    named = f"（{self.doubled_names[kind]}）" if kind in self.doubled_names else ""
                    hint = (f"{at.path} 第 {at.line} 行{named}的{KIND_WORDS[kind]}编号“{twice}”和前面的重复了："
                            f"如果那里本来是 {value}，改回 {value}")
                elif value in self.former_ids.get(kind, {}):  # a printed QR code's old id: records name the current one
                    current = self.former_ids[kind][value]
                    hint = f"“{value}”是 {current} 以前的编号（曾用编号）：这里写现在的编号 {current}"
                    if public and current in known.hidden:  # which would be the next error: say it now
                        hint = (f"“{value}”是 {current} 以前的编号，{current} 设为不公开（hidden: true），公开的内容不能提到他/她："
                                + _hidden_reference_hint(name, value))
                elif (kind in self.unnamed and len(self.unnamed[kind]) == 1
                        and (meant == hint or meant in self.unnamed[kind] or self.naming[kind][value] > 1)):
                    renamed = self.unnamed[kind][0]  # the one branch no record names: the old one, renamed
                    hint = f"{HOMES[kind]} 里没有“{value}”；如果把它改名成了 {renamed}，这里也改成 {renamed}"
                elif kind in self.naming and (self.naming[kind][value] >= 3 or kind == "group" and self.under_missing_branch(value)):
                    # many records, or a deleted branch's group: deleted from org.yaml, not misspelt; said once (deleted_ids)
                    if not self.on_other_side(kind, value) and self.in_rejected_org(kind, value) is None:
                        self.deleted.setdefault((kind, value), []).append((where, name, "" if meant == hint else hint))
                        return
                if self.on_other_side(kind, value):
                    return  # the conflict's own error is said: this one, if still true, once it is resolved
                if (at := self.in_rejected_org(kind, value)) is not None:  # groups: misspelt over it, the id is there
                    hint = f"org.yaml 第 {at.line} 行有错误（见那一条错误），“{value}”写在它下面，因此没有读进来：改好那一行，这里就对了"
                self.problems.add(where, name, f"找不到{KIND_WORDS[kind]}“{value}”", hint)
        elif public and value in known.hidden:
            self.problems.add(where, name, f"党员“{value}”设为不公开（hidden: true），公开的内容不能提到他/她",
                              _hidden_reference_hint(name, value))

    def deleted_ids(self) -> None:
        """A branch or group that records name, taken out of org.yaml: one error at the first place,
        with the others' lines, and a deleted branch's groups in it (audit AS-B 10: 19 errors, one
        per member and zone, and its groups' besides)."""
        branches = {value for kind, value in self.deleted if kind == "branch"}
        for (kind, value), places in self.deleted.items():
            if kind == "group" and self.under_missing_branch(value) and self.branches_naming(value) & branches:
                continue  # said with its branch
            groups = [] if kind == "group" else sorted(
                group for other, group in self.deleted if other == "group" and self.under_missing_branch(group) and value in self.branches_naming(group))
            where, name, misspelt = places[0]
            more = [at for at, _, _ in places[1:]] + [at for group in groups for at, _, _ in self.deleted[("group", group)]]
            also = f"，它的党小组 {'、'.join(groups)} 也没有了" if groups else ""
            shown = f"（另有 {_places(more)} 也写着它）" if more else ""
            hint = (f"如果是从 org.yaml 里删掉了，把它加回去{'（连同它的党小组）' if groups else ''}；"
                    f"如果这些党员和责任区改到了别的{KIND_WORDS[kind]}，每一处都改成那个{KIND_WORDS[kind]}的编号")
            self.problems.add(where, name, f"找不到{KIND_WORDS[kind]}“{value}”：org.yaml 里没有它{also}{shown}",
                              hint + (f"；如果是写错了，{misspelt}" if misspelt and not groups else ""))  # its groups gone too: taken out, not misspelt

    def renamed_ids(self) -> None:
        """A member's or zone's id not found, beside one alike, that reads as renamed rather than
        misspelt: named by two records or more, or alike as a rename is (_renamed_like). The hint
        says to keep the old id as an alias, or following it would break the QR codes printed with it."""
        named = Counter(value for _, _, value, _ in self.alike_missing)
        for where, field, value, meant in self.alike_missing:
            if named[value] >= 2 or _renamed_like(value, meant):
                self.problems.items = [replace(p, hint=p.hint + _ALIASES_TOO.format(old=value, new=meant))
                                       if p.where == where and p.field == field and p.hint.startswith("是不是要写") else p
                                       for p in self.problems.items]

    def in_rejected_org(self, kind: str, value: str):
        """Where org.yaml's mistake is when the branch or group id is written in it but was not read
        (under a misspelt groups:, beside a members: list); None otherwise."""
        if kind not in ("branch", "group"):
            return None
        for rejected in self.content.rejected:
            if rejected.source.path.endswith("org.yaml") and rejected.bad and value in _strings(rejected.data):
                return rejected.source.at(*rejected.loc, *rejected.bad[0])
        return None

    def on_other_side(self, kind: str, value: str) -> bool:
        """Whether a file of records of that kind was read as one side of a git conflict whose
        other side names value."""
        word = re.compile(rf"(?<![\w-]){re.escape(value)}(?![\w-])")
        return any(path.replace("content/org.yaml", "org.yaml").startswith(HOMES[kind]) and word.search(text)
                   for path, text in self.problems.other_sides.items())

    def badly_written(self, kind: str, value: str, traced_only: bool = False) -> str:
        """A record whose own id is badly written (邓海, Deng_Hai) is the one every reference to the
        id it was meant to have looks for: the hint sends the editor to that record's error.
        ``traced_only``: only when that record's other fields name the id (its photo, its aliases)."""
        bad = [(id_, at) for id_, at in self.content.known[kind].where.items() if not re.fullmatch(ID_PATTERN, id_)]
        traced = [(id_, at) for id_, at in bad if value in self.traces(kind, id_)]
        if traced_only and len(traced) != 1:
            return ""
        if len(traced) != 1 and len(bad) != 1:
            return ""
        id_, at = (traced or bad)[0]
        place = f"{at.path} 第 {at.line} 行" if at.line else f"{at.path} 里"  # a zone is known by its file: no line
        said = f"{place}的{KIND_WORDS[kind]}编号“{id_}”写得不对（见那一条错误）"
        named_file = Path(at.path).stem == id_  # content/zones/同心广场.yaml: the file is named by the id too
        also = f"，文件名也改成 {value}{Path(at.path).suffix}" if named_file else ""
        return f"{said}：改成 {value}{also}，这里就对了" if traced else f"{said}：如果那就是 {value}，把编号写成 {value}{also}"

    def own_id_typo(self, written: str, value: str) -> str:
        """The hint when a member's own id is the misspelt one: the references say value, and the
        member's name (as pinyin) or photo says it too, while the roster says written."""
        member = self.content.member_by_id[written]
        said = [what for what, guess in (("姓名拼音", person_id(member.name)),
                                         ("照片文件名", Path(member.photo or "").stem.lower())) if guess == value]
        if not said:
            return ""
        at = self.content.known["member"].where[written]
        return (f"{at.path} 第 {at.line} 行{member.name}的编号写的是“{written}”，和他/她的{'、'.join(said)}“{value}”不一样："
                f"如果是那里写错了，把那里改成 {value}，这里就对了；如果 {written} 没错，这里改成 {written}，"
                f"并在那里写上 aliases: [{value}]（印好的桌牌二维码还用旧编号）")

    def traces(self, kind: str, id_: str) -> set[str]:
        """The ids a rejected record's other fields suggest: its id in lower case with hyphens,
        its photo's file name (photos/members/deng-hai.jpg), its aliases."""
        found = {re.sub(r"[\s_]+", "-", id_.strip().lower())}
        if re.search(r"[\u3400-\u9fff]", id_):  # 张伟 written for zhang-wei
            found.add(person_id(id_) if kind == "member" else phrase_id(id_))
        for rejected in self.content.rejected:
            data = rejected.data
            if isinstance(data, dict) and data.get("id") == id_ and _KINDS.get(rejected.model) == kind:
                photo = data.get("photo")
                if isinstance(photo, str):
                    found.add(photo.rsplit("/", 1)[-1].rsplit(".", 1)[0])
                found.update(alias for alias in data.get("aliases") or () if isinstance(alias, str))
        return found

    def named(self, kind: str, value: str, where: Location, name: str) -> None:
        """A grade or story category must be one of org.yaml's (or the default ones)."""
        field = "story_categories" if kind == "category" else "grades"
        names = self.org_names(field)
        if names is None:
            return  # org.yaml is missing, or this part of it is wrong: its own error says so
        if kind == "category":
            message = f"类别“{value}”不在 org.yaml 的 story_categories 里"
        else:
            message = f"评诺结果“{value}”不是考核等次"
        if value not in names:
            shuffled = [other for other in names if sorted(other) == sorted(value.replace(" ", ""))]
            meant = f"是不是要写 {shuffled[0]}？" if len(shuffled) == 1 else did_you_mean(value, names)  # 先锋党员 for 党员先锋
            if meant and not shuffled and any(other.endswith(value) or value.endswith(other) for other in names if other in meant):
                meant = ""  # 合格 and 不合格, 合格 and 基本合格: another grade, not a typo of this one
            defaults = [g for g, _ in DEFAULT_GRADES] if kind == "grade" else DEFAULT_STORY_CATEGORIES
            org = self.content.org
            if value in defaults and org is not None and field in org.model_fields_set:  # the default renamed in org.yaml
                at = org.at(field).line
                # "加进", not "加回": the list may never have had it (audit AS-W L6); a near name first
                renamed = meant or "如果是在那里改了名，这里也改成新名字；"
                meant = f"org.yaml 第 {at} 行起的 {field} 里没有“{value}”（现在是 {'、'.join(names)}）：{renamed}否则把“{value}”加进 {field}"
            self.problems.add(where, name, message, meant or f"只能是 {'、'.join(names)} 之一")

    def org_names(self, field: str) -> list[str] | None:
        """The names org.yaml gives in field ("grades" or "story_categories"), its defaults when it
        has none; from an org.yaml with an error elsewhere, too. None when they cannot be known."""
        if self.content.org is not None:
            values = getattr(self.content.org, field)
        else:
            rejected = next((r for r in self.content.rejected if r.model is Org), None)
            if rejected is None or not isinstance(rejected.data, dict) or any(bad[:1] == (field,) for bad in rejected.bad):
                return None
            declared = Org.model_fields[field]
            try:
                values = TypeAdapter(declared.annotation).validate_python(
                    rejected.data.get(field) or declared.get_default(call_default_factory=True))
            except ValidationError:
                return None
        if field == "story_categories":
            return list(values)
        return [grade.name for grade in sorted(values, key=lambda grade: grade.min, reverse=True)]


def _places(places: list[Location]) -> str:
    """"members.yaml 第 208、218、230 行等，content/zones/a.yaml 第 6 行": the lines of each file, five at most."""
    files: dict[str, list[int]] = {}
    for at in places:
        files.setdefault(at.path, []).append(at.line)
    said = {path: sorted(set(lines)) for path, lines in files.items()}
    return "，".join(f"{path} 第 {'、'.join(map(str, lines[:5]))} 行{'等' if len(lines) > 5 else ''}" for path, lines in said.items())


def _lengthened(value: str, ids: Iterable[str]) -> str:
    """The one id that starts with what is written, cut at a "-" (yeerlan -> yeerlan-nuerlanbieke):
    a long id shortened, too far from it for did_you_mean's likeness."""
    longer = [known for known in ids if known.startswith(value + "-")]
    return f"是不是要写 {longer[0]}？" if len(longer) == 1 else ""


def _aliases_of_rejected(content: Content) -> Iterable[tuple[str, str]]:
    """(kind, former id) of the zones and members that did not validate."""
    kinds = {Zone: "zone", Member: "member"}
    for rejected in content.rejected:
        aliases = rejected.data.get("aliases") if rejected.model in kinds and isinstance(rejected.data, dict) else None
        for alias in aliases if isinstance(aliases, list) else []:
            if isinstance(alias, str):
                yield kinds[rejected.model], alias


def _hidden_reference_hint(field: str, value: str) -> str:
    """What to take out for a reference to a hidden member: deleting only the line of a
    commitment's `- member:` hands its promise to the entry above (audit 21)."""
    unhide = "或在 members.yaml 里取消 hidden"
    if field.startswith("commitments[") and field.endswith("].member"):
        return (f"删掉这一整条承诺：从“- member: {value}”这一行起，到下一个“- member:”之前（promise、items 等一起删），{unhide}")
    if field == "leader":
        return f"换一位公开的党员做负责人，{unhide}"
    if field.endswith("]") or (field.startswith("roles[") and field.endswith("].member")):  # an item of a list
        return f"从列表里删掉 {value} 这一项，{unhide}"
    return f"去掉这里的引用，{unhide}"


def _renamed_like(old: str, new: str) -> bool:
    """garden -> big-garden, shiyou-xincun -> shiyou-xin-cun: a rename rather than a typo
    (xu-guangmin for xu-guangming is a typo: a word lost a letter, none was added or dropped)."""
    return _within(old.split("-"), new.split("-")) or _within(new.split("-"), old.split("-")) or old.replace("-", "") == new.replace("-", "")


def _within(part: list[str], whole: list[str]) -> bool:
    """Whether the words of part stand together in whole."""
    return any(whole[start:start + len(part)] == part for start in range(len(whole) - len(part) + 1))


def _strings(data: object) -> set[str]:
    """Every text in parsed YAML, at any depth."""
    if isinstance(data, str):
        return {data}
    if isinstance(data, dict):
        return set().union(*(_strings(value) for value in data.values())) if data else set()
    if isinstance(data, list):
        return set().union(*(_strings(item) for item in data)) if data else set()
    return set()


def _another_person(written: str, guess: str) -> bool:
    """Whether two member ids name two people, not one misspelt: no part in common (zhang-wei and
    huang-lei), where a slip leaves the surname or the given name whole (zhang-wie, wang-jiangou)."""
    written_parts, guessed_parts = written.split("-"), guess.split("-")
    return len(written_parts) > 1 and len(guessed_parts) > 1 and not set(written_parts) & set(guessed_parts)
