"""The people of a zone on its sign: the leader with photo, name and post; the roles beside them when
they fit there, else under them (in tables side by side on a wide row); then the members."""

from __future__ import annotations

from .drawing import Box, Picture, Text
from .images import PHOTO_ASPECT, SmallPhoto
from .signboardblocks import SignboardBlocks, moved
from .namefit import broken_at_dots
from .text import balanced, fit, largest, sizes, wrap


class PeopleBlock(SignboardBlocks):
    def people(self, x: float, y: float, width: float, height: float, place: bool, growth: float = 1.0,
               at_most: float | None = None) -> float | None:
        """Lay out the leader, roles and members in a box; the size used, or None if nothing fits.
        With room to spare they grow up to ``growth`` times (a long signboard, as its body does), but
        never past ``at_most`` (nor shrink below their smallest size for it)."""
        def fits(size: float) -> bool:
            laid = self._people_at(x, y, width, size, height)
            return laid is not None and laid[1] <= height + 1e-6

        lo = self.lo(self.layout.people)
        size = largest(sizes(self.em(self.layout.people), lo), fits)
        if size is not None:
            size = self.grown(size, self.layout.people, growth, fits)
        if size is not None and at_most is not None and size > at_most:
            size = largest(sizes(max(at_most, lo), lo), fits) or size
        if size is not None and place:
            self.drawing.add(*self._people_at(x, y, width, size, height)[0])
            self.people_set = size
        return size

    def _people_at(self, x: float, y: float, width: float, size: float, height: float):
        """(items, height used) at size: the roles beside the leader, or under it in as few tables
        side by side as keep within height (the most there are room for when none do)."""
        items, top = self._leader(x, y, width, size) or (None, 0.0)
        if items is None:
            return None
        members, members_h = self._members(x, size, width)
        roles = self._roles_beside(items, y, x + width, top, size)
        if roles is None:
            top += 0.5 * self.gap
            columns = min(self._columns_within(y + height - members_h - top, size), self._role_columns(width, size))
            roles, top = self._roles(x, top, width, size, columns)
        return items + roles + [moved(item, top) for item in members], top + members_h - y

    def _members(self, x: float, size: float, width: float) -> tuple[list, float]:
        """The zone's other members in a line or few, set from 0 (moved into place by the caller)."""
        if not self.sign.members:
            return [], 0.0
        text = self.words.members + "：" + "、".join(self.sign.members)
        return self.set.lines(wrap(text, self.set.measure, size, width, keep_phrases=True), x, 0.0, width, size, self.colors.body)

    def _leader(self, x: float, y: float, width: float, size: float):
        """Photo at the left; label, name (and the post, if it fits) beside it; else the post below."""
        lay, u, colors, sign, s = self.layout, self.u, self.colors, self.sign, self.set
        scale = size / (lay.people.em * u)
        photo_w, self.small_photo = 0.0, None
        if sign.leader_photo:
            slot = min(lay.photo * u * min(scale, 1.0) ** 0.5, width * 0.5)
            photo_w = min(slot, sign.leader_photo.max_mm(PHOTO_ASPECT))
            if photo_w < slot * 0.8:  # printed smaller than its place: the orderer should know why
                self.small_photo = SmallPhoto.of("负责人照片", sign.leader_photo, photo_w, slot)
        text_x = x + (photo_w + self.gap if photo_w else 0)
        text_w = x + width - text_x
        label_size = max(self.floor, min(self.em(lay.label), lay.label.em * u * scale))
        text_y, name = y, self._name(text_w, scale, label_size)
        # a long name (买买提·吐尔逊·阿卜杜拉) goes under the photo when it is set larger there
        wide = self._name(width, scale, label_size) if photo_w and (name is None or len(name.lines) > 1) else None
        under = wide is not None and (name is None or wide.size > name.size * 1.15)
        if under:
            text_x, text_y, text_w, name = x, y + photo_w / PHOTO_ASPECT + 0.5 * u, width, wide
        if name is None:
            return None
        items, h = s.lines([self.words.leader], text_x, text_y, text_w, label_size, colors.soft, True)
        block, h2 = s.lines(name.lines, text_x, text_y + h, text_w, name.size, colors.text, True)
        items += block
        top = text_y + h + h2
        # post and title beside the photo when each fits whole on a line there; else across, under it
        parts = [part for part in sign.leader_detail.split(" · ") if part]
        if photo_w:
            items[:0] = self._photo(x, y, photo_w)
        if under:
            top += 0.3 * size
        elif photo_w:
            photo_h = photo_w / PHOTO_ASPECT
            if all(s.width(part, size) <= text_w for part in parts) and top + len(parts) * size * 1.3 <= y + photo_h:
                block, _ = s.lines(parts, text_x, top, text_w, size, colors.body)
                return items + block, y + photo_h + 0.25 * u
            top = max(top, y + photo_h + 0.25 * u) + 0.3 * size
        detail = wrap(sign.leader_detail, s.measure, size, width, keep_phrases=True) if sign.leader_detail else []
        block, h = s.lines(detail, x, top, width, size, colors.body)
        return items + block, top + h

    def _name(self, width: float, scale: float, label_size: float):
        """The leader's name in one line, or two when it is long; None when it, or its label, does not fit."""
        if self.set.width(self.words.leader, label_size, True) > width:
            return None
        biggest = max(self.em(self.layout.leader) * scale, self.floor)
        # a name is never broken inside (王建 / 国): one line, smaller; only a long transliterated
        # name that would shrink a lot takes two lines, broken after a "·", or at its space
        # (ئابدۇراخمان تۇرسۇن, audit R: set at a third of its size)
        whole = fit(self.sign.leader, self.set.measure, width, biggest, self.floor, 1, True)
        parted = "·" in self.sign.leader or " " in self.sign.leader.strip()
        if whole is not None and (not parted or whole.size * BROKEN_LARGER >= biggest):  # two lines could not beat it
            return whole
        name = self.sign.leader
        at_spaces = lambda lines: " ".join(line.strip() for line in lines) == " ".join(name.split())  # noqa: E731
        broken = fit(name, self.set.measure, width, biggest, self.floor, 2, True, keep_phrases=True,
                     accept=broken_at_dots if "·" in name else at_spaces)
        # two lines only when they set it clearly larger: 阿卜杜热合曼· / 买买提 at 6.6 mm on one line
        # of a crowded sign, while the room under it beside the photo stood empty (audit AS-Z M2)
        if whole is not None and (broken is None or broken.size < BROKEN_LARGER * whole.size):
            return whole
        return broken or whole

    def _photo(self, x: float, y: float, photo_w: float) -> list:
        u, photo = self.u, self.sign.leader_photo
        photo_h = photo_w / PHOTO_ASPECT
        return [Box(x - 0.25 * u, y - 0.25 * u, photo_w + 0.5 * u, photo_h + 0.5 * u, fill=self.colors.accent),
                Picture(x, y, photo_w, photo_h, photo.path, photo.digest)]

    def _roles_beside(self, leader: list, y: float, right: float, bottom: float, size: float) -> list | None:
        """The roles right of the leader's photo and name, when they fit within its height: a wide row
        (a portrait sign's) keeps its height for the duties above. None when they do not."""
        if not self.sign.roles:
            return None
        left = max(item.x + (self.set.width(item.text, item.size, item.bold) if isinstance(item, Text) else item.w)
                   for item in leader) + ROLE_GAP * size
        if self._role_table(size)[1] > right - left:
            return None
        columns = self._columns_within(bottom - y, size)
        return self._roles(left, y, right - left, size, columns)[0] if columns <= self._role_columns(right - left, size) else None

    def _columns_within(self, height: float, size: float) -> int:
        """The fewest tables of roles side by side whose rows keep within height (a row is 1.3 ems)."""
        rows = int((height + 1e-6) // (size * 1.3))
        return -(-len(self.sign.roles) // rows) if rows > 0 else len(self.sign.roles) + 1

    def _role_table(self, size: float) -> tuple[float, float]:
        """The roles' table: (the role column's width, the whole table's); asked for again and again while sizes are tried."""
        tables = self.role_tables
        if size not in tables:
            s, roles = self.set, self.sign.roles
            column = max(s.width(p.role, size) for p in roles) + 0.6 * size
            tables[size] = (column, column + max(s.width(p.name, size, True) for p in roles))
        return tables[size]

    def _role_columns(self, width: float, size: float) -> int:
        """How many tables of roles stand side by side in width (a portrait sign's wide row: eight
        roles in three rows beside each other, not eight lines under the photo while the row stands empty)."""
        if len(self.sign.roles) < 2:
            return 1
        table = self._role_table(size)[1]
        return max(1, min(len(self.sign.roles), int((width + ROLE_GAP * size) // (table + ROLE_GAP * size))))

    def _roles(self, x: float, top: float, width: float, size: float, columns: int = 1):
        """Roles and names as a table (in ``columns`` side by side, read across) when they fit so,
        else each role over its name."""
        s, colors, roles = self.set, self.colors, self.sign.roles
        items: list = []
        if not roles:
            return items, top
        column, table = self._role_table(size)
        if table <= width:
            for index, person in enumerate(roles):
                row, place = divmod(index, columns)
                left = x + place * (table + ROLE_GAP * size)
                items += s.runs([(person.role, size, colors.soft, False, column - s.width(person.role, size)),
                                 (person.name, size, colors.text, True, 0)], left, top + row * size * 1.3, size, size * 1.3)
            return items, top + -(-len(roles) // columns) * size * 1.3
        for person in roles:
            parts = [(person.role, size, colors.soft, False, size * 0.5), (person.name, size, colors.text, True, 0)]
            if s.runs_width(parts) <= width:
                items += s.runs(parts, x, top, size, size * 1.3)
                top += size * 1.3
                continue
            block, h = s.lines(balanced(person.role, s.measure, size, width, keep_phrases=True), x, top, width, size, colors.soft)
            items += block
            block, h2 = s.lines(wrap(person.name, s.measure, size, width, True, keep_phrases=True), x, top + h, width, size, colors.text, True)
            items += block
            top += h + h2
        return items, top


ROLE_GAP = 2.0  # ems between tables of roles side by side
BROKEN_LARGER = 1.2  # how much larger a transliterated name must be on two lines than on one
