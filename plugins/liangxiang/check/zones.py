"""The rules of a zone (党员责任区): its ids and names, the people and duties its sign carries, and
what takes its place when it is archived."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Callable

from ..model import Zone
from ..problems import Location, Problem, shortened
from ..values import EMERGENCY, dialled_digits, numbered_places, numbers_or_text, unnumbered

LEADER_TITLES = ("党员负责人", "负责人", "责任区负责人", "党员责任区负责人")  # what the sign calls the leader
# words naming the number before it: 服务电话：, 救援电话:, 24小时值班热线：
_PHONE_LABEL = re.compile(r"\s*[\u3400-\u9fff0-9]{0,12}(?:电话|热线|专线|手机|座机)(?:号码)?\s*[：:]\s*(?=\S)")


class ZoneRules:
    """Part of check's rules: ``self.content``, ``self.problems`` and the rules shared by every kind
    of record (unique, stem, aliases, repeated, name_as_written, copies) are theirs."""

    def zones(self) -> None:
        content = self.content
        aliases: dict[str, tuple[Location, str, str]] = {}  # a former id: where, its field, whose
        ids: dict[str, Location] = {}
        for zone in sorted(content.zones, key=lambda z: Path(z.path).stem != z.id):  # the id's own file first: it keeps the id
            if zone.id in ids and Path(ids[zone.id].path).stem == zone.id != Path(zone.path).stem:
                continue  # a copy of that file, its id unchanged: stem() says so, once
            self.unique("责任区编号", ids, zone.id, zone.at("id"), "id")
            self.aliases(zone, "zone", "责任区", aliases)
        self.rejected_aliases(Zone, "zone", "责任区", aliases)
        self.zone_names()
        for zone in content.zones:
            self.refs(zone)
            for rule in self.zone_rules(zone):
                rule()

    def zone_rules(self, zone) -> list[Callable[[], None]]:
        """The rules of one zone alone, each a call: run for a zone rejected for another field too (rejected_rules)."""
        return [lambda: self.stem(zone, "id", zone.id, Path(zone.path).stem),
                lambda: self.role_names_as_written(zone),
                lambda: self.successor(zone),
                lambda: self.leader_serving(zone),
                lambda: self.roles_serving(zone),
                lambda: self.signboard_sides(zone),
                lambda: self.emergency_phone(zone),
                lambda: self.labelled_phone(zone),
                lambda: self.numbered_duties(zone),
                lambda: self.role_names(zone),
                lambda: self.second_leader(zone),
                lambda: self.one_person_twice(zone),
                lambda: self.repeated(zone, "roles", lambda role: role.same_as, lambda role: f"{role.role} {role.member or role.name}", "标志牌和网页上"),
                lambda: self.repeated(zone, "duties", where="标志牌和网页上")]

    def role_names_as_written(self, zone) -> None:
        for index, role in enumerate(zone.roles):
            if role.name:
                self.name_as_written(role.name, zone.at("roles", index, "name"), zone.field_name("roles", index, "name"), "标志牌")

    def zone_names(self) -> None:
        """A zone file copied under a new id keeps the other's name: two zones of one name on the
        site and two signs."""
        self.copies(self.content.zones, "name", "责任区名称", "网页和标志牌上会有两个同名的责任区",
                    "复制别的责任区文件来新建时，改掉 name、scope、duties、leader 和 service_phone；同一个责任区只留一个文件")

    def role_names(self, zone) -> None:
        """A role written by name is someone outside the roster; the name of a hidden member would
        publish that member all the same, and a published member's is better as member: (a link)."""
        for index, role in enumerate(zone.roles):
            name = (role.name or "").strip()
            same = self.members_named.get(name, [])
            where, field = zone.at("roles", index, "name"), zone.field_name("roles", index, "name")
            if any(m.hidden for m in same):
                self.problems.add(where, field, f"“{name}”是设为不公开（hidden: true）的党员的姓名，公开的标志牌和网页不能出现",
                                  f"如果是同名的另一个人，在姓名后加上说明，例如 {name}（居民代表）；否则删掉这一行")
            elif len(same) > 1:  # namesakes: the editor chooses, each shown with where they work
                ids = "、".join(f"{m.id}（{_workplace(self.content, m)}）" for m in same)
                self.content.notices.append(Problem(where, field, f"名单里有 {len(same)} 位叫“{name}”的党员：{ids}",
                                                    "是其中一位就写成 member: 他/她的编号，网页上会链接到他/她的页面；都不是就在姓名后加上说明，例如 "
                                                    f"{name}（居民代表）"))
            elif same:
                self.content.notices.append(Problem(where, field, f"“{name}”是名单里的党员",
                                                    f"写成 member: {same[0].id}，网页上会链接到他/她的页面"))

    def second_leader(self, zone) -> None:
        """`{role: 党员负责人, member: ma-jun}` beside `leader: deng-hai`: the page and the sign would
        name two people in charge, and the public would not know whom to hold to account."""
        leader = self.content.member_by_id.get(zone.leader)
        for index, role in enumerate(zone.listed_roles):
            if role.role.strip() not in LEADER_TITLES or leader is None or role.member == zone.leader:
                continue
            other = self.content.member_by_id.get(role.member) if role.member else None
            name = other.name if other is not None else (role.name or role.member or "").strip()
            place = zone.roles.index(role)
            self.content.notices.append(Problem(
                zone.at("roles", place, "role"), zone.field_name("roles", place, "role"),
                f"roles 里写“{name}”是{role.role.strip()}，而 leader 是“{leader.name}”：网页和标志牌上会出现两位{role.role.strip()}",
                f"一个责任区只有一位党员负责人，写在 leader：如果{name}才是负责人，改 leader；否则把这里的称呼改成 副组长、业务带头人 等"
                if role.member else f"党员负责人是名单里的党员，写在 leader：把{name}的称呼改成 社区负责人、监督员 等"))

    def one_person_twice(self, zone) -> None:
        """The leader again in roles, or one person in two roles: the sign (a metal one, costly to
        make again) and the page would name them twice. A role pasted twice is repeated()'s."""
        seen: dict[tuple, int] = {}  # the person -> the first role that names them
        leader = self.content.member_by_id.get(zone.leader)
        for index, role in enumerate(zone.roles):
            person = ("member", role.member) if role.member else ("name", (role.name or "").strip())
            where, field = zone.at("roles", index, person[0]), zone.field_name("roles", index, person[0])
            if role.member and role.member == zone.leader and leader is not None:
                self.content.notices.append(Problem(
                    where, field, f"“{leader.name}”是这个责任区的 leader，标志牌和网页上已经写了是党员负责人，这里会再列一次",
                    "删掉这一行；负责人另有分工的，写进责任区的 duties"))
                continue
            first = seen.setdefault(person, index)
            if first == index or zone.roles[first].same_as == role.same_as:
                continue
            member = self.content.member_by_id.get(role.member) if role.member else None
            who = member.name if member is not None else role.member or person[1]
            shown = "网页上" if member is not None and member.status == "former" else "标志牌和网页上"  # a former member is not printed
            both = f"role: {zone.roles[first].role.strip()}、{role.role.strip()}"
            self.content.notices.append(Problem(
                where, field, f"“{who}”在 roles 里出现了两次（第 {zone.at('roles', first).line} 行是{zone.roles[first].role.strip()}），{shown}会列两次",
                f"一人兼几个职务写在一行：{both}，再删掉这一行" if role.member
                else f"同一个人兼几个职务就写在一行：{both}，再删掉这一行；是同名的两个人，在姓名后加上说明，例如 {who}（居民代表）"))

    def numbered_duties(self, zone) -> None:
        """Duties pasted with Word's numbers ("1、…") would read "1. 1、…": the sign and the page
        number them, so their own numbers are left out; said, so that the file can be tidied."""
        doubtful = numbers_or_text(zone.duties)
        if doubtful and len(numbered_places(zone.duties)) > 1:  # the only duty "一、二号楼…" is text
            duty = zone.duties[doubtful[0]].strip()
            own = duty[: duty.index("、") + 1]
            self.content.notices.append(Problem(
                zone.at("duties", doubtful[0]), zone.field_name("duties", doubtful[0]),
                f"“{shortened(duty)}”开头的“{own}”是编号还是楼号？看不出来，每条工作职责就照原样印出，标志牌上是“{doubtful[0] + 1}. {shortened(duty, 12)}”",
                f"是编号就删掉每条开头的编号（标志牌和网页会自动编号）；是楼号就在前面加字，例如写成“负责{shortened(duty, 12)}”"))
            return
        unnumbered_duties = unnumbered(zone.duties)
        changed = [i for i, (duty, listed) in enumerate(zip(zone.duties, unnumbered_duties)) if duty != listed]
        if changed:
            first, listed = zone.duties[changed[0]], unnumbered_duties[changed[0]]
            own = first[: len(first) - len(listed)].strip()
            self.content.notices.append(Problem(
                zone.at("duties", changed[0]), zone.field_name("duties", changed[0]), f"工作职责自带编号（“{own}”），标志牌和网页会自动编号，已不再重复印出",
                f"可以删掉每条开头的编号，例如写成“- {shortened(listed)}”"))

    def signboard_sides(self, zone) -> None:
        """`size: 900x300mm` with `orientation: portrait`: the sign is printed tall, 300 wide and
        900 high; the editor who wrote width by height is told which one was followed."""
        sign = zone.signboard
        sides = re.fullmatch(r"([0-9]+)x([0-9]+)mm", sign.size)
        if sides is None or "orientation" not in sign.model_fields_set:
            return
        width, height = int(sides.group(1)), int(sides.group(2))
        if width == height or (width < height) == (sign.orientation == "portrait"):
            return
        printed = (min(width, height), max(width, height)) if sign.orientation == "portrait" else (max(width, height), min(width, height))
        self.content.notices.append(Problem(
            zone.at("signboard", "orientation"), "signboard.orientation",
            f"尺寸 {sign.size} 是宽 {width}、高 {height} 毫米，却写了 orientation: {sign.orientation}：按它印成宽 {printed[0]}、高 {printed[1]} 毫米",
            f"宽x高按标志牌挂好后的样子写（写 {printed[0]}x{printed[1]}mm 或 {width}x{height}mm），orientation 可以删掉"))

    def emergency_phone(self, zone) -> None:
        """请拨打 110: the sign's button and its printed number call the police for a leaking pipe
        (audit AS-AD M1). A notice, not an error: a 120 dispatch centre's zone may mean it."""
        digits = dialled_digits(zone.service_phone or "")
        if digits in EMERGENCY:
            self.content.notices.append(Problem(
                zone.at("service_phone"), "service_phone",
                f"服务电话拨的是 {digits}（{EMERGENCY[digits]}），不是这个责任区自己的电话：网页上的拨号按钮和标志牌都会让群众拨 {digits}",
                "写责任区自己的电话，例如 0317-2721365；只有这个责任区本身就是 " + digits + " 时才这样写"))

    def labelled_phone(self, zone) -> None:
        """救援电话：0311-85551212: the page and the sign say 服务电话 before it, so it reads twice
        (audit AS-AF L2). A word after the number (（24小时）, 夜间…) is the number's own and stays."""
        label = _PHONE_LABEL.match(zone.service_phone or "")
        if label is not None:
            self.content.notices.append(Problem(
                zone.at("service_phone"), "service_phone",
                f"号码前面写了“{label.group(0).strip()}”：网页和标志牌上已经有“服务电话：”，会显示成“服务电话：{shortened(zone.service_phone, 24)}”",
                f"只写号码，写成 service_phone: {zone.service_phone[label.end():].strip()}"))

    def leader_serving(self, zone) -> None:
        """A leader who has left is still printed as the one in charge: said, not an error (the
        format allows it, and the zone keeps its sign until a new leader is named)."""
        leader = self.content.member_by_id.get(zone.leader)
        if zone.status == "active" and leader is not None and leader.status == "former":
            self.content.notices.append(Problem(
                zone.at("leader"), "leader", f"负责人“{leader.name}”已调离（status: former），标志牌上仍印着他/她是负责人",
                "换一位在岗的党员做负责人（改 leader），再重新印标志牌"))

    def roles_serving(self, zone) -> None:
        """Someone in a role who has left is marked 已调离 on the page and left off the sign."""
        if zone.status != "active":
            return
        for role in zone.listed_roles:
            member = self.content.member_by_id.get(role.member) if role.member else None
            if member is not None and member.status == "former" and not member.hidden:
                place = zone.roles.index(role)
                self.content.notices.append(Problem(
                    zone.at("roles", place, "member"), zone.field_name("roles", place, "member"),
                    f"{role.role.strip()}“{member.name}”已调离（status: former）：网页上标着已调离，标志牌上不再印出",
                    "换一位在岗的党员（改 member），或删掉这一行，再重新印标志牌"))

    def successor(self, zone) -> None:
        if zone.successor is None:
            return
        if zone.status != "archived":
            self.problems.add(zone.at("successor"), "successor", "只有已撤销（status: archived）的责任区才写 successor", "删掉 successor，或把 status 改成 archived")
            return
        if zone.successor == zone.id:
            self.problems.add(zone.at("successor"), "successor", "接续责任区不能是它自己", "填写接手的另一个责任区的编号")
            return
        self.ref("zone", zone.successor, zone.at("successor"), "successor")
        chain, current = [zone.id], self.content.zone_by_id.get(zone.successor)
        while current is not None and current.successor:
            if current.successor == current.id:
                return  # its own error says so, at that zone
            chain.append(current.id)
            if current.successor in chain:
                circle = " → ".join(chain[chain.index(current.successor):] + [current.successor])
                self.problems.add(zone.at("successor"), "successor", f"接续关系绕成了一个圈：{circle}",
                                  "圈里总有一个责任区其实还在用：把它的 status 改回 active、删掉它的 successor；最后接手的责任区必须是在用的（active）")
                return
            current = self.content.zone_by_id.get(current.successor)
        if current is not None and current.status == "archived":  # the old sign's QR code leads to no zone in use
            self.content.notices.append(Problem(
                zone.at("successor"), "successor",
                f"接续责任区“{current.id}”（{current.name}）也已撤销，又没有写接续的责任区：{zone.name}的旧标志牌扫码后找不到在用的责任区和电话",
                f"把这里的 successor 改成现在接手的在用责任区，或者在 {current.id} 的文件里写上它的 successor"))


def _workplace(content, member) -> str:
    """Where a namesake works, from the fields that validated (a member with an error lacks the others)."""
    department, post, branch = (getattr(member, key, None) for key in ("department", "post", "branch"))
    return department or post or (content.branch_name(branch) if branch else "") or "名单里的记录有错误"
