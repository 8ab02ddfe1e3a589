"""The records of content format v1: one pydantic model per record kind.

These models are the single definition of the format: they validate content, word the
errors (with ``load.wording``), say which fields name records or hold text (``fields``) and
generate the JSON Schemas editors get in their editor.
Titles and descriptions are in Chinese because editors read them.
"""

from __future__ import annotations

import functools
import re
from typing import Any, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from .problems import Location, dotted
from .values import (
    Category, Date, Flag, Id, ImagePath, Markdown, Method, Period, Phone, Score, ServicePhone,
    Name, SignboardSize, Tag, Text, UNSEEN, Year, once, unnumbered,
)

DEFAULT_GRADES = [("优秀", 90), ("合格", 80), ("基本合格", 70), ("不合格", 0)]
# grade names that say which is better, best first: a site's grades named so must have minimums in that order
GRADE_RANKS = (("优秀", "良好", "合格", "基本合格", "不合格"), ("优秀", "称职", "基本称职", "不称职"))
_POST_PARTS = re.compile(r"\s*[、，,/／；;]\s*|\s+|兼")  # 社区党委书记、居委会主任; 支部书记兼网格员
DEFAULT_STORY_CATEGORIES = ["劳动模范", "党员先锋", "技术能手", "优秀班组", "真情服务小故事"]


def refers_to(kind: str) -> dict:
    """A field's mark that its value (or each item of its list) is the id of a kind of record, or
    one of org.yaml's names ("grade", "category")."""
    return {"x-refers-to": kind}


class Record(BaseModel):
    """A record that remembers the file and key path it was read from."""

    # a slot, not a pydantic private attribute: those cost a default copy per record and a slow
    # attribute lookup per use, half of what loading a warm 1,000-member site took
    __slots__ = ("_bound",)
    model_config = ConfigDict(extra="forbid", coerce_numbers_to_str=True, frozen=False)
    # fields editors write for what the site works out itself (a pattern of names -> the hint)
    computed: ClassVar[dict[str, str]] = {
        r"qr_?code|qr|二维码": "二维码按网页地址自动生成，不用写：删掉这一行",
        r"url|link|网址|链接|页面": "网页地址按编号自动生成，不用写：删掉这一行",
    }

    @model_validator(mode="before")
    @classmethod
    def _empty_is_unwritten(cls, data: Any) -> Any:
        """An optional field left empty (`post:` or `post: ""`, a blank kept from a template) is
        one not written; a true/false field is not optional in that way: `hidden:` says nothing."""
        if isinstance(data, dict) and (droppable := _droppable(cls)):
            empty = [key for key, value in data.items()
                     if key in droppable and (value is None or isinstance(value, str) and not UNSEEN.sub("", value).strip())]
            if empty:
                data = {key: value for key, value in data.items() if key not in empty}
        return data

    def bind(self, source: Any, loc: tuple) -> "Record":
        object.__setattr__(self, "_bound", (source, tuple(loc)))
        return self

    @property
    def _source(self) -> Any:
        return getattr(self, "_bound", (None, ()))[0]

    @property
    def _loc(self) -> tuple:
        return getattr(self, "_bound", (None, ()))[1]

    def at(self, *fields: Any) -> Location:
        """Where this record, or one of its fields, stands in its file."""
        source, loc = getattr(self, "_bound", (None, ()))
        if source is None:
            return Location("?")
        return source.at(*loc, *fields)

    def written(self, *fields: Any) -> str | None:
        """A number field as typed (89.8333333, which the record holds rounded; 2021.10), if known."""
        source, loc = getattr(self, "_bound", (None, ()))
        return source.written.get((*loc, *fields)) if source is not None else None

    def field_name(self, *fields: Any) -> str:
        """The full key path of one of this record's fields, as errors name it."""
        return dotted(self._loc + fields)

    @property
    def path(self) -> str:
        source = self._source
        return source.path if source is not None else "?"


@functools.cache
def _droppable(model: type[Record]) -> frozenset[str]:
    """The fields of a model that may be left empty: optional, and not true/false."""
    return frozenset(name for name, field in model.model_fields.items()
                     if not field.is_required() and field.annotation is not bool)


# members.yaml ----------------------------------------------------------------------------

class Honor(Record):
    model_config = ConfigDict(title="荣誉")
    year: Year | None = Field(None, title="年份", description="获得荣誉的年份，四位数字")
    title: Name = Field(title="荣誉名称", description="例如：优秀共产党员")
    by: Text | None = Field(None, title="授予单位", description="例如：华盛综合服务处党委")

    @property
    def same_as(self) -> tuple:
        return (self.year, self.title.strip(), (self.by or "").strip())


class Member(Record):
    model_config = ConfigDict(title="党员", json_schema_extra={"description": "名单里的一位党员（亮身份）"})
    id: Id = Field(title="编号", description="小写拼音加“-”，例如 zhang-wei；出现在网址和二维码里，定了就不要改")
    name: Name = Field(title="姓名", description="党员的真实姓名，例如：张伟")
    photo: ImagePath | None = Field(None, title="照片", description="相对于 content/ 的照片路径，例如 photos/members/zhang-wei.jpg")
    branch: Id = Field(title="所在党支部", description="org.yaml 里某个党支部的编号", json_schema_extra=refers_to("branch"))
    group: Id | None = Field(None, title="所在党小组", description="该党支部下某个党小组的编号", json_schema_extra=refers_to("group"))
    department: Text | None = Field(None, title="部门/班组", description="例如：绿化班")
    post: Text | None = Field(None, title="岗位", description="所做的工作，例如：绿化养护员")
    title: Text | None = Field(None, title="职务", description="担任的职务，例如：党小组长")
    joined: Year | None = Field(None, title="入党年份", description="只写年份，例如 2008；1921 年到今年", json_schema_extra={"minimum": 1921})
    tags: list[Tag] = Field(default_factory=list, title="标识", description="例如：党员示范岗")
    honors: list[Honor] = Field(default_factory=list, title="荣誉", description="获得的荣誉，每项写年份、名称、授予单位")
    status: Literal["active", "former"] = Field("active", title="状态", description="active 在岗（默认）；former 已调离（页面保留并注明）")
    aliases: list[Id] = Field(default_factory=list, title="曾用编号", description="改过编号时写以前的编号，已印出的桌牌二维码继续有效",
                              json_schema_extra={"uniqueItems": True})
    hidden: Flag = Field(False, title="不公开", description="true 表示不在任何页面、名单、搜索、印刷品和二维码中出现")
    computed: ClassVar[dict[str, str]] = Record.computed | {  # what a roster entry does not hold, though editors write it there
        r"zones?|zone_?ids?|责任区|zeren_?qu": "党员负责哪个责任区，写在责任区文件里（leader、roles 或 members），党员名单里不写：删掉这一行",
        r"promises?|commitments?|承诺": "承诺写在 content/commitments/年份.yaml 里，党员名单里不写：删掉这一行",
    }

    @property
    def post_and_title(self) -> tuple[str, ...]:
        """The post and the title, the same words said once: a village's 村监委会主任 is both, and a
        title that is one of the post's parts (社区党委书记、居委会主任 · 社区党委书记, AS-M 12) is
        not said again after it, nor a post that is one of the title's."""
        post, title = self.post or "", self.title or ""
        if post and title and title in _POST_PARTS.split(post):
            return (post,)
        if post and title and post in _POST_PARTS.split(title):
            return (title,)
        return tuple(part for part in (post, title) if part)

    @property
    def listed_honors(self) -> list[Honor]:
        """The honors as the page lists them: one pasted twice is listed once."""
        return once(self.honors, lambda honor: honor.same_as)


class MembersFile(Record):
    """members.yaml: the roster (亮身份)."""
    model_config = ConfigDict(title="党员名单 members.yaml", json_schema_extra={"description": "亮身份：全部党员的名单。每位党员写 id、name、branch，其余可选"})

    members: list[Member] = Field(title="党员名单", description="每位党员一项，以“- id: ...”开头")


# content/org.yaml ------------------------------------------------------------------------

class Group(Record):
    model_config = ConfigDict(title="党小组")
    id: Id = Field(title="党小组编号", description="小写字母、数字和“-”，例如 wuye-1-g1；全站唯一")
    name: Name = Field(title="党小组名称", description="例如：第一党小组")


class Branch(Record):
    model_config = ConfigDict(title="党支部")
    id: Id = Field(title="党支部编号", description="小写字母、数字和“-”，例如 wuye-1；党员和责任区用它指明所属党支部")
    name: Name = Field(title="党支部名称", description="例如：第一物业服务站党支部")
    groups: list[Group] = Field(default_factory=list, title="党小组", description="该党支部下的党小组（可不写）")


class Grade(Record):
    model_config = ConfigDict(title="考核等次")
    name: Text = Field(title="等次名称", description="例如：优秀")
    min: Score = Field(ge=0, le=100, title="最低分（含）", description="得分不低于此值即为该等次")


class Org(Record):
    """content/org.yaml: the organization, its branches and groups, the activity."""
    model_config = ConfigDict(title="单位信息 content/org.yaml", json_schema_extra={"description": "单位、党支部和党小组、创建活动；考核等次和典型类别可用默认值"})

    name: Name = Field(title="单位名称", description="单位全称，例如：华北油田华盛综合服务处")
    short_name: Name | None = Field(None, title="简称", description="单位简称，用在页面标题等位置")
    activity: Name = Field(title="活动名称", description="本站宣传的创建活动，例如：优秀党员责任区创建活动")
    slogan: Text | None = Field(None, title="口号", description="活动口号，显示在首页")
    intro: Markdown | None = Field(None, title="简介", description="Markdown 格式")
    logo: ImagePath | None = Field(None, title="标志图片", description="单位自备的标志图片，印在标志牌上")
    hotline: Phone | None = Field(None, title="监督热线", description="群众监督的公开电话，例如 0317-2720000")
    supervision: Text | None = Field(None, title="监督方式", description="群众如何监督党员践诺")
    branches: list[Branch] = Field(min_length=1, title="党支部", description="至少一个；每个写 id、name，可带 groups")
    grades: list[Grade] = Field(
        default_factory=lambda: [Grade(name=n, min=m) for n, m in DEFAULT_GRADES], min_length=1,
        title="考核等次", description="按得分从高到低；min 为最低分（含）；低于每个 min 的得分没有等次",
    )
    story_categories: list[Category] = Field(
        default_factory=lambda: list(DEFAULT_STORY_CATEGORIES), min_length=1, title="典型类别",
        description="故事的类别，各不相同；不写时为：劳动模范、党员先锋、技术能手、优秀班组、真情服务小故事",
        json_schema_extra={"uniqueItems": True},
    )


# content/zones/ID.yaml -------------------------------------------------------------------

class Role(Record):
    model_config = ConfigDict(title="责任区人员", json_schema_extra={
        "description": "写 role，再写 member（名单里的党员）或 name（名单外的人），二者只写一个",
        # the schema's side of _member_or_name: an empty one (`name:`) is one not written
        "oneOf": [{"required": ["member"], "properties": {"member": {"type": ["string", "integer"], "pattern": r"\S"}}},
                  {"required": ["name"], "properties": {"name": {"type": ["string", "number"], "pattern": r"\S"}}}],
    })
    role: Name = Field(title="角色", description="例如：业务带头人、监督员")
    member: Id | None = Field(None, title="党员编号", description="名单里的党员；与 name 二选一", json_schema_extra=refers_to("member"))
    name: Name | None = Field(None, title="姓名", description="不在名单里的人；与 member 二选一")

    @property
    def same_as(self) -> tuple:
        return (self.role.strip(), self.member, (self.name or "").strip())

    @model_validator(mode="after")
    def _member_or_name(self) -> "Role":
        if (self.member is None) == (self.name is None):
            raise PydanticCustomError("member_or_name", "member 和 name 要写一个，而且只写一个", {})
        return self


class Signboard(Record):
    model_config = ConfigDict(title="标志牌")
    size: SignboardSize = Field(
        "60x40cm", title="尺寸", description="60x40cm | 80x60cm | A3 | A4 | 宽x高mm（例如 900x600mm）"
    )
    orientation: Literal["landscape", "portrait"] = Field("landscape", title="方向", description="landscape 横版 | portrait 竖版；不写时，宽x高mm 按宽和高定")
    scheme: Literal["red-gold", "white-red"] = Field("red-gold", title="配色", description="red-gold 红底黄字 | white-red 白底红字")

    @model_validator(mode="after")
    def _tall_size(self) -> "Signboard":
        """`size: 400x1200mm` is width by height: a tall sign unless an orientation is written."""
        sides = re.fullmatch(r"([0-9]+)x([0-9]+)mm", self.size)
        if sides and "orientation" not in self.model_fields_set and int(sides.group(1)) < int(sides.group(2)):
            self.orientation = "portrait"
        return self


class Zone(Record):
    """content/zones/ID.yaml: one responsibility zone (党员责任区)."""
    model_config = ConfigDict(title="党员责任区 content/zones/编号.yaml", json_schema_extra={"description": "一个党员责任区：范围、职责、负责人、公开服务电话；文件名就是编号"})

    id: Id = Field(title="编号", description="与文件名相同；印在二维码里，定了就不要改")
    name: Name = Field(title="责任区名称", description="印在标志牌上的全称，例如：同心广场绿化优秀党员责任区")
    short_name: Name | None = Field(None, title="简称", description="列表和按钮上用的短名，例如：同心广场")
    branch: Id = Field(title="所属党支部", description="org.yaml 里某个党支部的编号", json_schema_extra=refers_to("branch"))
    location: Text | None = Field(None, title="位置", description="例如：华盛一区同心广场")
    scope: Text = Field(title="责任范围", description="责任区管到哪里，例如：同心广场及周边绿地约1.2万平方米")
    duties: list[Text] = Field(min_length=1, title="工作职责", description="至少一条，每条一行，以“- ”开头")
    content: Markdown | None = Field(None, title="创建内容", description="Markdown 格式")
    leader: Id = Field(title="党员负责人", description="名单里某位党员的编号", json_schema_extra=refers_to("member"))
    roles: list[Role] = Field(default_factory=list, title="责任区人员", description="责任区的其他角色：写 role 和 member（名单里的党员）或 name（名单外的人）")
    members: list[Id] = Field(default_factory=list, title="责任区党员", description="本责任区全部党员的编号，例如 [zhang-wei, li-na]", json_schema_extra=refers_to("member"))
    service_phone: ServicePhone = Field(title="公开服务电话", description="印在标志牌上、能拨打的号码：座机带区号（0317-2720000），"
                                        "或 11 位手机号、12345 这样的服务号码；两个号码用“、”隔开，分机写“转”")
    slogan: Text | None = Field(None, title="口号", description="印在标志牌上的口号")
    photo: ImagePath | None = Field(None, title="照片", description="相对于 content/ 的照片路径，例如 photos/zones/tongxin.jpg")
    status: Literal["active", "archived"] = Field("active", title="状态", description="active 在用（默认）| archived 已撤销")
    successor: Id | None = Field(None, title="接续责任区", description="仅在 archived 时填写：接手的责任区编号")  # checked with the chain
    aliases: list[Id] = Field(default_factory=list, title="曾用编号", description="以前的编号，已印出的二维码继续有效",
                              json_schema_extra={"uniqueItems": True})
    signboard: Signboard = Field(default_factory=Signboard, title="标志牌", description="标志牌的尺寸、方向和配色；不写时为 60x40cm、横版、红底黄字")

    @property
    def display_name(self) -> str:
        return self.short_name or self.name

    @property
    def listed_duties(self) -> list[str]:
        """The duties as the sign and page number them: "1、…" pasted from Word loses its own number."""
        return once(unnumbered(self.duties))

    @property
    def listed_roles(self) -> list[Role]:
        """The roles as the sign and page list them: one pasted twice is listed once."""
        return once(self.roles, lambda role: role.same_as)


# content/commitments/YEAR.yaml -----------------------------------------------------------

class Progress(Record):
    model_config = ConfigDict(title="践诺记录")
    date: Date = Field(title="日期", description="做这件事的日期，YYYY-MM-DD")
    text: Text = Field(title="践诺情况", description="做了什么，一句话，例如：组织志愿者补植草坪200平方米")

    @property
    def same_as(self) -> tuple:
        return (self.date, self.text.strip())


class Review(Record):
    model_config = ConfigDict(title="评诺")
    date: Date | None = Field(None, title="评诺日期", description="年终评诺的日期，YYYY-MM-DD")
    result: Text = Field(title="评诺结果", description="org.yaml 中的一个考核等次，例如：优秀", json_schema_extra=refers_to("grade"))
    by: Text | None = Field(None, title="评诺方式", description="例如：党员互评、群众评议")


class Commitment(Record):
    model_config = ConfigDict(title="承诺", json_schema_extra={"description": "一位党员本年度的承诺（亮承诺）、践诺和评诺"})
    member: Id = Field(title="党员编号", description="members.yaml 里某位党员的编号；每人每年一条", json_schema_extra=refers_to("member"))
    promise: Text = Field(title="承诺", description="一句话，印在桌牌上")
    items: list[Text] = Field(default_factory=list, title="承诺事项", description="具体要做的事，每条一行")
    standard: Text | None = Field(None, title="服务标准（亮标准）", description="例如：首问负责、限时办结")
    progress: list[Progress] = Field(default_factory=list, title="践诺记录", description="每做一件事记一条：date 和 text")
    review: Review | None = Field(None, title="评诺", description="年终评诺：result（考核等次）、date、by")

    @property
    def listed_items(self) -> list[str]:
        return once(self.items)

    @property
    def listed_progress(self) -> list[Progress]:
        return once(self.progress, lambda step: step.same_as)


class CommitmentsFile(Record):
    """content/commitments/YEAR.yaml: one year's commitments, their progress and review."""
    model_config = ConfigDict(title="年度承诺 content/commitments/年份.yaml", json_schema_extra={"description": "一年的承诺、践诺和评诺；文件名就是年份"})

    year: Year = Field(title="年度", description="与文件名相同，例如 2026")
    commitments: list[Commitment] = Field(default_factory=list, title="承诺", description="本年度每位党员一项，以“- member: ...”开头")


# content/stories/SLUG.md front matter ----------------------------------------------------

class StoryMeta(Record):
    """The front matter of content/stories/SLUG.md: one exemplary story (典型选树)."""
    model_config = ConfigDict(title="典型故事 content/stories/编号.md 的开头信息", json_schema_extra={"description": "写在故事文件开头两行“---”之间；正文写在第二个“---”下面"})

    title: Name = Field(title="标题", description="故事的标题")
    date: Date = Field(title="日期", description="故事发生或发表的日期，YYYY-MM-DD")
    category: Text = Field(title="类别", description="org.yaml 的 story_categories 之一", json_schema_extra=refers_to("category"))
    members: list[Id] = Field(default_factory=list, title="相关党员", description="故事里党员的编号，例如 [zhang-wei]", json_schema_extra=refers_to("member"))
    team: Text | None = Field(None, title="集体/班组", description="优秀班组等集体的名称，例如：小区维修班")
    zone: Id | None = Field(None, title="相关责任区", description="content/zones/ 里某个责任区的编号", json_schema_extra=refers_to("zone"))
    cover: ImagePath | None = Field(None, title="封面图片", description="相对于 content/ 的图片路径，例如 photos/stories/key.jpg")
    summary: Text | None = Field(None, title="摘要", description="一句话摘要，显示在故事列表里")
    featured: Flag = Field(False, title="红旗·典范", description="true 表示在首页典范墙展示")
    computed: ClassVar[dict[str, str]] = Record.computed | {  # a story not ready to publish has no field of its own
        r"draft|published?|hidden|private|visible|status|草稿|发布|公开|隐藏": (
            "故事没有草稿或不公开的写法，content/stories/ 里的每个故事都会公开：还没定稿的，"
            "先不要提交这个文件（或放在 content/ 外面，定稿后再移进来）"),
    }


class Story(Record):
    """A story: its front matter plus the Markdown body."""

    slug: Id
    meta: StoryMeta
    body: str
    body_line: int = 1


# content/assessments/PERIOD.yaml ---------------------------------------------------------

class Result(Record):
    model_config = ConfigDict(title="考核结果")
    zone: Id = Field(title="责任区编号", description="content/zones/ 里某个责任区的编号；每期每个责任区一条", json_schema_extra=refers_to("zone"))
    score: Score = Field(ge=0, le=100, title="得分", description="0 到 100")
    note: Text | None = Field(None, title="说明", description="简短的评语，例如：绿化补植及时")
    computed: ClassVar[dict[str, str]] = Record.computed | {
        r"grade|level|rank|result|等次|等级|dengci|dengji": "等次由得分 score 按 org.yaml 的 grades 自动算出，不用写：删掉这一行，只写 score",
    }


class Assessment(Record):
    """content/assessments/PERIOD.yaml: one period's zone scores (考核评分, 张榜公布)."""
    model_config = ConfigDict(title="考核评分 content/assessments/考核期.yaml", json_schema_extra={"description": "一个考核期各责任区的得分，张榜公布；文件名就是考核期，例如 2026-Q1"})

    period: Period = Field(title="考核期", description="YYYY-Qn，与文件名相同，例如 2026-Q1")
    published: Date = Field(title="公布日期", description="张榜公布的日期，YYYY-MM-DD")
    methods: list[Method] = Field(default_factory=list, title="考核方式", description="例如 [监督员评议, 党员互评, 领导小组评议]")
    results: list[Result] = Field(default_factory=list, title="考核结果", description="每个责任区一条：zone、score，可加 note")
