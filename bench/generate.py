"""A deterministic generator of synthetic organizations in content format v1.

    python -m bench.generate OUT --size medium
    python -m bench.generate OUT --members 2500 --zones 250 --stories 500 --photos 30 --seed 7

The same flags always write byte-identical files: one seeded random.Random draws every choice, in
a fixed order, and nothing depends on the clock, the locale or the order of a set.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import math
import random
import shutil
import sys
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import yaml
from PIL import Image, ImageDraw

from . import words as w

SITE_URL = "https://dangjian.huaxing.example.cn/"
YEARS = (2025, 2026)  # the commitment years: the older one fully reviewed, the newer one under way
PERIODS = ("2025-Q3", "2025-Q4", "2026-Q1", "2026-Q2")
CATEGORIES = ("劳动模范", "党员先锋", "技术能手", "优秀班组", "真情服务小故事")  # the format's default
GRADES = (("优秀", 90), ("合格", 80), ("基本合格", 70), ("不合格", 0))


@dataclass(frozen=True)
class Sizes:
    members: int
    zones: int
    stories: int
    photos: int


PRESETS: dict[str, Sizes] = {
    "small": Sizes(members=50, zones=8, stories=10, photos=5),
    "medium": Sizes(members=1000, zones=100, stories=200, photos=30),
    "large": Sizes(members=5000, zones=600, stories=1000, photos=60),
}


@dataclass
class Summary:
    """What was generated, for reports."""

    members: int = 0
    public_members: int = 0
    branches: int = 0
    groups: int = 0
    zones: int = 0
    archived_zones: int = 0
    aliases: int = 0
    stories: int = 0
    commitments: dict[int, int] = field(default_factory=dict)
    periods: int = 0
    photos: int = 0
    edit_zone: str = ""  # the zone whose scope the benchmark edits


def generate(target: Path, sizes: Sizes, seed: int = 1) -> Summary:
    """Write a complete site (mkdocs.yml, members.yaml, content/) into target, which must not exist or be empty."""
    if target.exists() and any(target.iterdir()):
        raise FileExistsError(f"{target} is not empty")
    return _Org(sizes, seed).write(target)


# -- the organization, drawn in memory first ------------------------------------------------

class _Org:
    def __init__(self, sizes: Sizes, seed: int):
        if sizes.members < 4 or sizes.zones < 1:
            raise ValueError("an organization needs at least 4 members and 1 zone")
        self.sizes, self.rng = sizes, random.Random(seed)
        self.branches = self._branches()
        self.members = self._members()
        public = [m for m in self.members if not m.get("hidden")]
        self.public = public
        self.active = [m for m in public if m.get("status") != "former"]
        self.zones = self._zones()
        self.commitments = {year: self._commitments(year) for year in YEARS}
        self.assessments = [self._assessment(period) for period in PERIODS]
        self.stories = self._stories()
        self.photos = self._assign_photos()

    # -- branches and groups -------------------------------------------------------------
    def _branches(self) -> list[dict[str, Any]]:
        count = max(2, round(self.sizes.members / 60))  # a branch of 20-80 members, as in a real 处
        branches = []
        for index in range(count):
            unit, unit_py, _, _ = w.UNITS[index % len(w.UNITS)]
            number = index // len(w.UNITS) + 1
            groups = [{"id": f"{unit_py}-{number}-g{k}", "name": f"第{_cn(k)}党小组"} for k in range(1, self.rng.randint(2, 4) + 1)]
            branches.append({"id": f"{unit_py}-{number}", "name": f"第{_cn(number)}{unit}党支部", "groups": groups,
                             "unit": index % len(w.UNITS)})
        return branches

    # -- the roster ----------------------------------------------------------------------
    def _members(self) -> list[dict[str, Any]]:
        rng, total = self.rng, self.sizes.members
        taken: set[str] = set()
        members = []
        hidden_at, former_at = total // 2, total // 3
        for index in range(total):
            branch = self.branches[index * len(self.branches) // total]  # contiguous, as the roster is kept
            _, _, departments, posts = w.UNITS[branch["unit"]]
            first_of_branch = index == 0 or self.branches[(index - 1) * len(self.branches) // total] is not branch
            surname, surname_py = rng.choice(w.SURNAMES)
            given = [rng.choice(w.GIVEN) for _ in range(rng.choice((1, 2, 2)))]
            base = f"{surname_py}-{''.join(py for _, py in given)}"
            member_id, n = base, 1
            while member_id in taken:  # namesakes get a number, as the roster's rule says
                n += 1
                member_id = f"{base}-{n}"
            taken.add(member_id)
            member: dict[str, Any] = {"id": member_id, "name": surname + "".join(ch for ch, _ in given), "branch": branch["id"]}
            if rng.random() < 0.9:
                member["group"] = rng.choice(branch["groups"])["id"]
            member["department"] = rng.choice(departments)
            if first_of_branch:
                member["post"], member["title"] = rng.choice(w.HEAD_POSTS), "党支部书记"
            else:
                member["post"] = rng.choice(posts)
                if rng.random() < 0.15:
                    member["title"] = rng.choice(w.TITLES)
            member["joined"] = rng.randint(1985, 2024)
            if rng.random() < 0.2:
                member["tags"] = [rng.choice(w.TAGS)]
            if rng.random() < 0.35:
                member["honors"] = [
                    {"year": rng.randint(2010, 2025), "title": rng.choice(w.HONORS), "by": w.ORG_SHORT + rng.choice(w.HONOR_BY)}
                    for _ in range(rng.randint(1, 2))
                ]
            if index == former_at:
                member["status"] = "former"
            if index == hidden_at:
                member["hidden"] = True
            members.append(member)
        return members

    # -- zones ---------------------------------------------------------------------------
    def _zones(self) -> list[dict[str, Any]]:
        rng, count = self.rng, self.sizes.zones
        by_branch: dict[str, list[dict[str, Any]]] = {}
        for member in self.active:
            by_branch.setdefault(member["branch"], []).append(member)
        staffed = [b for b in self.branches if len(by_branch.get(b["id"], [])) >= 2]
        taken: set[str] = set()
        zones = []
        for index in range(count):
            branch = staffed[index % len(staffed)]
            kind, kind_py, duties = w.ZONE_KINDS[index % len(w.ZONE_KINDS)]
            area, area_py = rng.choice(w.AREAS)
            if rng.random() < 0.5:
                facility, facility_py = rng.choice(w.FACILITIES)
                place, place_py = area + facility, f"{area_py}-{facility_py}"
                scope = f"{place}及周边约{rng.randint(2, 30) / 10:g}万平方米的公共区域和设施"
            else:
                first = rng.randint(1, 30)
                last = first + rng.randint(2, 8)
                place, place_py = f"{area}{first}—{last}号楼", f"{area_py}-{first}-{last}"
                scope = f"{place}共{(last - first + 1) * rng.randint(2, 6)}个单元、{rng.randint(120, 900)}户的楼院公共区域"
            zone_id, n = f"{place_py}-{kind_py}", 1
            while zone_id in taken:
                n += 1
                zone_id = f"{place_py}-{kind_py}-{n}"
            taken.add(zone_id)
            people = by_branch[branch["id"]]
            leader = rng.choice(people)
            crew = rng.sample(people, min(len(people), rng.randint(2, 7)))
            zone: dict[str, Any] = {
                "id": zone_id, "name": f"{place}{kind}优秀党员责任区", "short_name": place, "branch": branch["id"],
                "location": place, "scope": scope,
                "duties": [d for d in duties if rng.random() < 0.7] or [duties[0]],
                "content": _zone_content(rng, branch["name"], place),
                "leader": leader["id"],
            }
            roles = []
            helpers = [m for m in crew if m is not leader]
            if helpers and rng.random() < 0.7:
                roles.append({"role": rng.choice(w.ROLES_MEMBER), "member": helpers[0]["id"]})
            roles.append({"role": rng.choice(w.ROLES_NAMED), "name": _person_name(rng)})
            zone["roles"] = roles
            zone["members"] = [m["id"] for m in crew]
            zone["service_phone"] = f"0317-27{rng.randint(10000, 99999)}"
            if rng.random() < 0.6:
                zone["slogan"] = rng.choice(w.SLOGANS)
            if rng.random() < 0.7:
                size, orientation = rng.choice(w.SIZES)
                zone["signboard"] = {"size": size, "orientation": orientation, "scheme": rng.choice(w.SCHEMES)}
            zones.append(zone)
        self._archive_and_alias(zones, taken)
        return zones

    def _archive_and_alias(self, zones: list[dict[str, Any]], taken: set[str]) -> None:
        """Some zones were closed and taken over; some were renumbered and keep their old ids."""
        if len(zones) >= 3:
            archived = zones[-max(1, len(zones) // 20):]
            active = zones[: len(zones) - len(archived)]
            for zone in archived:
                same = [z for z in active if z["branch"] == zone["branch"]] or active
                zone["status"] = "archived"
                zone["successor"] = self.rng.choice(same)["id"]
        active = [z for z in zones if z.get("status") != "archived"]
        step = max(1, len(active) // max(1, len(zones) // 15))
        for zone in active[1::step][: max(1, len(zones) // 15)]:
            alias, n = zone["id"].rsplit("-", 1)[0], 1  # the id before the zone's kind was added
            while alias in taken:
                n += 1
                alias = f"{zone['id'].rsplit('-', 1)[0]}-old{n}"
            taken.add(alias)
            zone["aliases"] = [alias]

    # -- commitments, assessments --------------------------------------------------------
    def _commitments(self, year: int) -> list[dict[str, Any]]:
        rng, latest = self.rng, year == YEARS[-1]
        committed = self.active if latest else self.public  # the former member left before the latest year
        entries = []
        for member in committed:
            if rng.random() > 0.9:
                continue
            entry: dict[str, Any] = {"member": member["id"], "promise": rng.choice(w.PROMISES)}
            if rng.random() < 0.8:
                entry["items"] = rng.sample(w.ITEMS, rng.randint(1, 3))
            if rng.random() < 0.6:
                entry["standard"] = rng.choice(w.STANDARDS)
            months = sorted(rng.sample(range(1, 11 if latest else 13), rng.randint(1, 3) if latest else rng.randint(2, 4)))
            entry["progress"] = [
                {"date": _date(year, month, rng.randint(1, 28)),
                 "text": rng.choice(w.PROGRESS).format(n=rng.randint(20, 400), k=rng.randint(2, 12))}
                for month in months
            ]
            if not latest and rng.random() < 0.95:
                entry["review"] = {"date": _date(year, 12, rng.randint(18, 28)), "result": _grade(rng.uniform(72, 99)),
                                   "by": rng.choice(w.REVIEWERS)}
            entries.append(entry)
        return entries

    def _assessment(self, period: str) -> dict[str, Any]:
        rng = self.rng
        year, quarter = int(period[:4]), int(period[-1])
        end_month = quarter * 3 + 1
        published = dt.date(year + end_month // 13, (end_month - 1) % 12 + 1, rng.randint(5, 12))
        # archived zones were still assessed before they closed (in the older year)
        zones = [z for z in self.zones if z.get("status") != "archived" or year < YEARS[-1]]
        results = []
        for zone in zones:
            result: dict[str, Any] = {"zone": zone["id"], "score": round(rng.uniform(62, 99) * 2) / 2}
            if rng.random() < 0.3:
                result["note"] = rng.choice(w.RESULT_NOTES)
            results.append(result)
        return {"period": period, "published": published, "methods": list(w.METHODS), "results": results}

    # -- stories -------------------------------------------------------------------------
    def _stories(self) -> list[dict[str, Any]]:
        rng, count = self.rng, self.sizes.stories
        featured = set(rng.sample(range(count), min(count, max(1, count // 25)))) if count else set()
        taken: set[str] = set()
        stories = []
        for index in range(count):
            topic, topic_py = rng.choice(w.STORY_TOPICS)
            area, area_py = rng.choice(w.AREAS)
            slug, n = f"{area_py}-{topic_py}", 1
            while slug in taken:
                n += 1
                slug = f"{area_py}-{topic_py}-{n}"
            taken.add(slug)
            category = rng.choice(CATEGORIES)
            people = rng.sample(self.public, rng.randint(1, 2)) if rng.random() < 0.85 else []
            meta: dict[str, Any] = {
                "title": f"{area}的{topic}" if rng.random() < 0.6 else topic,
                "date": dt.date(2024, 1, 1) + dt.timedelta(days=rng.randint(0, 1030)),
                "category": category,
            }
            if people:
                meta["members"] = [m["id"] for m in people]
            if category == "优秀班组":
                meta["team"] = rng.choice(w.TEAMS)
            if rng.random() < 0.4:
                meta["zone"] = rng.choice(self.zones)["id"]
            if rng.random() < 0.8:
                meta["summary"] = rng.choice(w.SUMMARIES)
            if index in featured:
                meta["featured"] = True
            name = people[0]["name"] if people else "老党员"
            stories.append({"slug": slug, "meta": meta, "body": _story_body(rng, name, area)})
        return stories

    # -- photos --------------------------------------------------------------------------
    def _assign_photos(self) -> list[tuple[str, str, tuple[int, int]]]:
        """(path under content/, kind, size) of each photo; the records that show them get their field set."""
        total = self.sizes.photos
        for_members = round(total * 0.6)
        for_zones = min(round(total * 0.2), len(self.zones))
        for_stories = min(total - for_members - for_zones, len(self.stories))
        for_members = total - for_zones - for_stories
        photos = []
        leaders = {z["leader"] for z in self.zones}
        # leaders first: their photos are printed on signboards as well as shown on pages
        people = sorted(self.public, key=lambda m: m["id"] not in leaders)
        for member in _spread(people, for_members):
            member["photo"] = f"photos/members/{member['id']}.jpg"
            photos.append((member["photo"], "member", (300, 400)))
        for zone in _spread([z for z in self.zones if z.get("status") != "archived"], for_zones):
            zone["photo"] = f"photos/zones/{zone['id']}.jpg"
            photos.append((zone["photo"], "zone", (800, 533)))
        for story in _spread(self.stories, for_stories):
            story["meta"]["cover"] = f"photos/stories/{story['slug']}.jpg"
            photos.append((story["meta"]["cover"], "story", (960, 640)))
        return photos

    # -- writing -------------------------------------------------------------------------
    def write(self, target: Path) -> Summary:
        content = target / "content"
        _text(target / "mkdocs.yml", _MKDOCS_YML)
        members = [self._member_record(m) for m in self.members]
        _yaml(target / "members.yaml", {"members": members}, f"# {w.ORG_SHORT}党员名册（合成数据，供性能测试）")
        _yaml(content / "org.yaml", self._org_record(), "# 单位、活动与党组织设置（合成数据）")
        for zone in self.zones:
            _yaml(content / "zones" / f"{zone['id']}.yaml", zone)
        for year, entries in self.commitments.items():
            _yaml(content / "commitments" / f"{year}.yaml", {"year": year, "commitments": entries})
        for assessment in self.assessments:
            _yaml(content / "assessments" / f"{assessment['period']}.yaml", assessment)
        for story in self.stories:
            front = _dump(story["meta"])
            _text(content / "stories" / f"{story['slug']}.md", f"---\n{front}---\n{story['body']}")
        for path, kind, size in self.photos:
            _bytes(content / path, _photo(random.Random(path), kind, size))
        _bytes(content / "photos" / "logo.png", _logo())
        _text(content / "index.md", _INDEX_MD)
        _text(content / "about.md", _ABOUT_MD)
        active = [z for z in self.zones if z.get("status") != "archived"]
        return Summary(
            members=len(self.members), public_members=len(self.public), branches=len(self.branches),
            groups=sum(len(b["groups"]) for b in self.branches), zones=len(self.zones),
            archived_zones=len(self.zones) - len(active), aliases=sum(len(z.get("aliases", [])) for z in self.zones),
            stories=len(self.stories), commitments={y: len(c) for y, c in self.commitments.items()},
            periods=len(self.assessments), photos=len(self.photos), edit_zone=active[0]["id"],
        )

    def _member_record(self, member: dict[str, Any]) -> dict[str, Any]:
        order = ("id", "name", "photo", "branch", "group", "department", "post", "title", "joined", "tags", "honors", "status", "hidden")
        return {key: member[key] for key in order if key in member}

    def _org_record(self) -> dict[str, Any]:
        return {
            "name": w.ORG_NAME, "short_name": w.ORG_SHORT, "activity": "优秀党员责任区创建活动", "slogan": "党员亮身份，服务暖万家",
            "intro": f"{w.ORG_SHORT}负责油田华兴基地各生活小区的物业服务、园林绿化、水电维修和冬季供暖、二次供水。"
                     f"全处设{len(self.branches)}个基层党支部、{sum(len(b['groups']) for b in self.branches)}个党小组。\n\n"
                     "处党委在全处开展**优秀党员责任区创建活动**：每名党员认领一块“责任田”，亮身份、亮承诺、亮标准，接受居民监督。\n",
            "logo": "photos/logo.png", "hotline": "0317-2726000",
            "supervision": "对党员责任区的服务有意见或建议，请拨打责任区标志牌上的服务电话，或拨打处党委监督电话0317-2726000。",
            "branches": [{"id": b["id"], "name": b["name"], "groups": b["groups"]} for b in self.branches],
        }


# -- texts ----------------------------------------------------------------------------------

def _cn(number: int) -> str:
    """A Chinese numeral for 1..999, as branch and group names are written (第十二党支部)."""
    d = w.CN_DIGITS
    if number < 10:
        return d[number]
    if number < 100:
        tens, ones = divmod(number, 10)
        return ("" if tens == 1 else d[tens]) + "十" + (d[ones] if ones else "")
    hundreds, rest = divmod(number, 100)
    tens, ones = divmod(rest, 10)
    if rest == 0:
        return d[hundreds] + "百"
    if tens == 0:
        return d[hundreds] + "百零" + d[ones]
    return d[hundreds] + "百" + d[tens] + "十" + (d[ones] if ones else "")


def _person_name(rng: random.Random) -> str:
    surname, _ = rng.choice(w.SURNAMES)
    return surname + "".join(rng.choice(w.GIVEN)[0] for _ in range(rng.choice((1, 2))))


def _zone_content(rng: random.Random, branch: str, place: str) -> str:
    return (
        f"责任区由{branch}牵头，党员分片包干，实行“每日巡查、一周一清、一月一评”。\n\n"
        f"**创建目标**：{place}居民反映的问题当日响应、三日内办结；年度居民满意率不低于{rng.randint(90, 98)}%。\n\n"
        "**特色做法**：\n\n"
        f"- 每天{rng.randint(6, 8)}:00起有党员在责任区值守；\n"
        "- 在公示栏公开责任人、服务电话和当季考核结果；\n"
        "- 每季度召开一次居民座谈会，听取意见建议。\n"
    )


def _story_body(rng: random.Random, name: str, area: str) -> str:
    """Six hundred to fifteen hundred characters of Chinese prose, in paragraphs."""
    slots = {
        "name": name, "area": area, "resident": _person_name(rng), "unit": rng.choice(w.UNITS)[0],
        "place": area + rng.choice(w.FACILITIES)[0], "building": str(rng.randint(1, 30)), "years": str(rng.randint(3, 25)),
        "weather": rng.choice(w.WEATHERS), "problem": rng.choice(w.PROBLEMS), "problem2": rng.choice(w.PROBLEMS2),
        "count": str(rng.randint(5, 40)),
    }
    paragraphs = [rng.choice(w.OPENINGS).format(**slots)] if rng.random() < 0.5 else []
    order = list(w.SENTENCES)
    rng.shuffle(order)  # walked in a cycle: no sentence comes back before all the others were told
    target, length, at = rng.randint(600, 1500), 0, 0
    while length < target:
        count = rng.randint(3, 6)
        paragraph = "".join(order[(at + k) % len(order)].format(**slots) for k in range(count))
        at += count
        if rng.random() < 0.15:
            end = paragraph.index("。")  # the mark stays outside: CommonMark ends ** before punctuation only
            paragraph = f"**{paragraph[:end]}**{paragraph[end:]}"
        paragraphs.append(paragraph)
        length += len(paragraph)
    return "\n\n".join(paragraphs) + "\n"


def _grade(score: float) -> str:
    return next(name for name, minimum in GRADES if score >= minimum)


def _date(year: int, month: int, day: int) -> dt.date:
    return dt.date(year, month, day)


def _spread(items: list, count: int) -> list:
    """count items evenly spread over the list (so photos land across branches, not in one)."""
    if count <= 0 or not items:
        return []
    count = min(count, len(items))
    return [items[i * len(items) // count] for i in range(count)]


# -- images ---------------------------------------------------------------------------------

def _photo(rng: random.Random, kind: str, size: tuple[int, int]) -> bytes:
    """A small JPEG: a sky-to-ground gradient with a few shapes, or a head and shoulders for members."""
    width, height = size
    top = tuple(rng.randint(60, 200) for _ in range(3))
    bottom = tuple(rng.randint(20, 160) for _ in range(3))
    image = Image.new("RGB", size)
    draw = ImageDraw.Draw(image)
    for y in range(height):
        t = y / max(1, height - 1)
        draw.line([(0, y), (width, y)], fill=tuple(round(a + (b - a) * t) for a, b in zip(top, bottom)))
    if kind == "member":
        skin = (rng.randint(200, 240), rng.randint(160, 200), rng.randint(130, 170))
        draw.ellipse([width * 0.3, height * 0.18, width * 0.7, height * 0.55], fill=skin)
        draw.ellipse([width * 0.1, height * 0.6, width * 0.9, height * 1.3], fill=tuple(rng.randint(0, 90) for _ in range(3)))
    else:
        for _ in range(rng.randint(4, 9)):
            x, y = rng.randint(0, width), rng.randint(height // 3, height)
            r = rng.randint(width // 20, width // 6)
            draw.ellipse([x - r, y - r, x + r, y + r], fill=tuple(rng.randint(30, 220) for _ in range(3)))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=82)
    return out.getvalue()


def _logo() -> bytes:
    image = Image.new("RGBA", (240, 240), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse([8, 8, 232, 232], fill=(200, 16, 46, 255))
    points = []
    for k in range(10):
        radius = 90 if k % 2 == 0 else 36
        angle = math.pi / 2 + k * math.pi / 5
        points.append((120 + radius * math.cos(angle), 120 - radius * math.sin(angle)))
    draw.polygon(points, fill=(255, 215, 0, 255))
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


# -- files ----------------------------------------------------------------------------------

_MKDOCS_YML = f"""\
# A synthetic organization for benchmarks (bench/generate.py); every name and number is made up.
site_name: {w.ORG_SHORT} · 优秀党员责任区
site_url: {SITE_URL}
docs_dir: content
use_directory_urls: true
theme:
  name: liangxiang
plugins:
  - liangxiang
markdown_extensions:
  - tables
  - sane_lists
"""

_INDEX_MD = f"""\
{w.ORG_SHORT}的党员，就在您身边：小区客服窗口、广场的绿地、楼道里的一盏灯、冬天家里的暖气，背后都有一名亮出身份、写下承诺的共产党员。

在这里可以查到每一个党员责任区的负责人、服务范围和服务电话，每名党员的年度承诺和兑现情况，以及每季度张榜公布的考核结果。
"""

_ABOUT_MD = """\
# 活动简介与创建标准

## 什么是“三亮”

- **亮身份**：党员在服务窗口和工作岗位佩戴党员徽章，办公桌上摆放党员承诺桌牌。
- **亮承诺**：每名党员年初作出一句话的公开承诺和若干具体承诺事项，接受居民监督。
- **亮标准**：每名党员、每个责任区公开自己的服务标准和办结时限。

## 考核档次

| 档次 | 综合得分 |
|---|---|
| 优秀 | 90分及以上 |
| 合格 | 80—89.5分 |
| 基本合格 | 70—79.5分 |
| 不合格 | 70分以下 |
"""


def _text(path: Path, text: str) -> None:
    _bytes(path, text.encode("utf-8"))


def _bytes(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


class _Dumper(yaml.SafeDumper):
    """Block scalars (|) for Markdown, as editors write it; everything else as safe_dump does."""


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|" if "\n" in value else None)


_Dumper.add_representer(str, _str)


def _dump(data: dict[str, Any]) -> str:
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=4096)


def _yaml(path: Path, data: dict[str, Any], comment: str = "") -> None:
    _text(path, (comment + "\n\n" if comment else "") + _dump(data))


# -- command line ---------------------------------------------------------------------------

def sizes_from(args: argparse.Namespace) -> Sizes:
    """The preset named by --size, with any of --members/--zones/--stories/--photos overriding it."""
    base = PRESETS[args.size]
    return Sizes(**{name: getattr(args, name) if getattr(args, name) is not None else value
                    for name, value in asdict(base).items()})


def add_size_flags(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--size", choices=sorted(PRESETS), default="small", help="a preset (default: small)")
    for name in ("members", "zones", "stories", "photos"):
        parser.add_argument(f"--{name}", type=int, help=f"number of {name} (overrides the preset)")
    parser.add_argument("--seed", type=int, default=1, help="same seed and sizes -> byte-identical files")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.generate", description=__doc__.splitlines()[0])
    parser.add_argument("target", type=Path, help="directory to write the site into (must be empty)")
    add_size_flags(parser)
    parser.add_argument("--force", action="store_true", help="delete target first")
    args = parser.parse_args(argv)
    if args.force and args.target.exists():
        shutil.rmtree(args.target)
    summary = generate(args.target, sizes_from(args), args.seed)
    print(f"{args.target}: " + ", ".join(f"{k} {v}" for k, v in asdict(summary).items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
