"""`liangxiang new`: commented skeletons of records, for editors who start from a blank page.

A zone, a story, an assessment and a new year of commitments are new files; a member and a
commitment are records appended to an existing file. Nothing is ever overwritten: a new file
is created exclusively, and an append adds text after the file's last byte (its comments,
order and layout stay as they were), then reads the file back and restores it if the result
is not what was meant.

What the skeleton can know is filled in: an id that is free (from the name's pinyin when a
name is given), a branch that exists, today's date, the year and period, one result line per
active zone. What only the editor knows (a zone's scope, a promise, a story's category and
text) is left blank, so that `liangxiang validate` points at each blank until it is
filled: a placeholder text would pass unnoticed onto a public page or a metal sign.
"""

from __future__ import annotations

import datetime as dt
import os
import re

from ..ids import person_id, phrase_id
from ..load import load_content
from ..problems import Problem
from ..values import PERIOD_PATTERN, build_day
from .site import Site, SkeletonError, Written, check_id, free_id
from .write import append_item, create_file, text_value, yaml_line

KINDS = ("member", "zone", "story", "commitment", "assessment")


def new_member(site: Site, name: str | None, wanted_id: str | None, branch: str | None) -> Written:
    taken = site.ids("member") | set(site.content.member_aliases)
    member_id = check_id(wanted_id, taken, "党员") if wanted_id else free_id(person_id(name or ""), taken, "member")
    branch = site.pick_branch(branch)
    groups = [g.id for b in (site.content.org.branches if site.content.org else []) if b.id == branch for g in b.groups]
    others = [b for b in site.branches if b != branch]
    lines = [
        yaml_line("id", member_id, "编号（必填）：姓名拼音，小写、用“-”连接；会印在二维码上，定了就不要改"),
        yaml_line("name", text_value(name), "姓名（必填）"),
        yaml_line("branch", branch, "所在党支部（必填）" + (f"；也可以是 {' | '.join(others)}" if others else "")),
        # a branch without groups offers none: any id uncommented there is an error (audit AS-W L6)
        *([yaml_line("# group", groups[0], f"所在党小组（选填）：{' | '.join(groups)}")] if groups else []),
        yaml_line("# photo", f"photos/members/{member_id}.jpg", "照片（选填）：先把照片放到 content/ 下这个位置"),
        yaml_line("# department", site.written("department", branch, "服务中心"), "部门/班组（选填）"),
        yaml_line("# post", site.written("post", branch, "综合服务岗"), "岗位（选填）"),
        yaml_line("# title", "党小组长", "职务（选填）"),
        yaml_line("# joined", "2008", "入党年份（选填），只写四位数字"),
        yaml_line("# tags", f"[{tags[0]}]" if (tags := site.tags()) else "[党员示范岗]", "标识（选填）"),
        "# honors:                         # 荣誉（选填），每项一行",
        f"#   - {{year: {build_day().year - 1}, title: 优秀共产党员, by: {site.honored_by()}}}",
        yaml_line("# status", "former", "调离后再写这一行（页面保留，注明“已调离”）"),
    ]
    written = append_item(site.members_file, "members", lines, site, ("id", member_id), header=f"# 新党员（{build_day():%Y-%m-%d} 用 liangxiang new member 添加）")
    written.record_id = member_id
    namesakes = [f"{m.id}（{m.department}）" if m.department else m.id for m in site.content.members if name and m.name == name]
    if namesakes:
        written.notes.append(f"注意：名册里已经有叫“{name}”的党员：{'、'.join(namesakes)}。"
                             f"如果是同一个人，请删掉刚添加的这条；重名的另一位同志才用新编号 {member_id}")
    return written


def _without_org(name: str, site: Site) -> str:
    """A zone's name without the organization's own name before it: the id of 幸福里社区第四网格党员责任区
    under 幸福里社区党委 is disi-wangge, not xingfu-li-shequ-disi, which lost the word saying what it is
    (audit AS-M 12). Three characters shared at least: 华宁 of 华宁一区 is a place, kept."""
    org = site.content.org
    for whole in (org.short_name, org.name) if org is not None else ():
        shared = len(os.path.commonprefix([name, whole or ""]))
        if shared >= 3 and len(name) - shared >= 2:
            return name[shared:]
    return name


def new_zone(site: Site, name: str | None, wanted_id: str | None, branch: str | None, leader: str | None) -> Written:
    taken = site.ids("zone") | set(site.content.zone_aliases)
    zone_id = check_id(wanted_id, taken, "责任区") if wanted_id else free_id(phrase_id(_without_org(name or "", site)), taken, "zone")
    branch = site.pick_branch(branch)
    leader = site.check_member(leader)
    hotline = site.content.org.hotline if site.content.org and site.content.org.hotline else "0317-2720000"
    example = site.example_member()
    others = [b for b in site.branches if b != branch]
    text = "\n".join([
        f"# 党员责任区：{name or '（名称）'}",
        f"# 用 liangxiang new zone 于 {build_day():%Y-%m-%d} 生成。文件名就是编号 {zone_id}，它印在标志牌的二维码里，",
        "# 挂牌以后就不要再改。标着“必填”而后面空着的，都要填上；以“#”开头的是选填项，要用时删掉行首的“# ”。",
        "# 写完在站点目录里运行 liangxiang validate：还有空着的必填项，它会指出在第几行。",
        "",
        yaml_line("id", zone_id, "编号（必填），和文件名相同"),
        yaml_line("name", text_value(name), "责任区名称（必填），印在标志牌上，例如：同心广场绿化优秀党员责任区"),
        yaml_line("# short_name", "同心广场", "简称（选填），用在列表和按钮上"),
        yaml_line("branch", branch, "所属党支部（必填）" + (f"；也可以是 {' | '.join(others)}" if others else "")),
        yaml_line("# location", "华宁一区同心广场", "位置（选填）"),
        yaml_line("scope", None, "责任范围（必填），例如：同心广场及周边绿地约1.2万平方米"),
        yaml_line("duties", None, "工作职责（必填，至少一条），每条一行，以“- ”开头"),
        "  -",
        yaml_line("# content", "|", "创建内容（选填，Markdown）：下面每行缩进两个空格"),
        "#   责任区的创建目标和特色做法……",
        yaml_line("leader", leader, f"党员负责人（必填）：members.yaml 里的编号，例如 {example}"),
        "# roles:                          # 责任区人员（选填）：名单里的党员写 member，名单外的人写 name",
        f"#   - {{role: 业务带头人, member: {example}}}",
        "#   - {role: 监督员, name: 王芳}",
        yaml_line("# members", f"[{example}]", "责任区的全部党员（选填）"),
        yaml_line("service_phone", None, f"公开服务电话（必填），印在标志牌上，例如 {hotline}"),
        yaml_line("# slogan", "护一方绿地，暖万家人心", "口号（选填），印在标志牌上"),
        yaml_line("# photo", f"photos/zones/{zone_id}.jpg", "照片（选填）：先把照片放到 content/ 下这个位置"),
        "# signboard:                      # 标志牌（选填）；不写就是下面这些",
        "#   size: 60x40cm                 # 60x40cm | 80x60cm | A3 | A4 | 宽x高mm（例如 900x600mm）",
        "#   orientation: landscape        # landscape 横版 | portrait 竖版",
        "#   scheme: red-gold              # red-gold 红底黄字 | white-red 白底红字",
        "# 撤销这个责任区时：写 status: archived 和 successor: 接手的责任区编号（不要删文件，已挂的标志牌扫码仍能打开）",
        "",
    ])
    written = create_file(site.docs_dir / "zones" / f"{zone_id}.yaml", text, site)
    written.record_id = zone_id
    namesakes = [z.id for z in site.content.zones if name and z.name == name]
    if namesakes:
        written.notes.append(f"注意：已经有名为“{name}”的责任区：{'、'.join(namesakes)}。如果是同一个责任区，请删掉新建的文件")
    return written


def new_story(site: Site, title: str | None, wanted_id: str | None, members: list[str]) -> Written:
    taken = site.ids("story")
    slug = check_id(wanted_id, taken, "故事") if wanted_id else free_id(phrase_id(title or ""), taken, "story")
    for member in members:
        site.check_member(member)
    categories = site.categories
    zone = next((z.id for z in site.content.active_zones), "tongxin-guangchang")
    text = "\n".join([
        "---",
        "# 典型故事（用 liangxiang new story 生成）。文件名就是网址：" + f"/stories/{slug}/",
        "# 两行“---”之间是故事信息；标着“必填”而后面空着的要填上，以“#”开头的是选填项。",
        "# 正文写在下面第二个“---”之后（必填），普通文字即可，空一行分段。写完运行 liangxiang validate 检查。",
        yaml_line("title", text_value(title), "标题（必填）"),
        yaml_line("date", f"{build_day():%Y-%m-%d}", "日期（必填），YYYY-MM-DD"),
        yaml_line("category", categories[0] if len(categories) == 1 else None, "类别（必填）：" + " | ".join(categories)),
        yaml_line("members" if members else "# members", f"[{', '.join(members or [site.example_member()])}]", "相关党员的编号（选填）"),
        yaml_line("# team", "小区维修班", "集体/班组（选填），优秀班组写这个"),
        yaml_line("# zone", zone, "相关责任区的编号（选填）"),
        yaml_line("# cover", f"photos/stories/{slug}.jpg", "封面图片（选填）：先把图片放到 content/ 下这个位置"),
        yaml_line("# summary", "一句话摘要", "摘要（选填），显示在故事列表里"),
        yaml_line("# featured", "true", "在首页“红旗·典范”展示（选填）"),
        "---",
        "",
    ])
    written = create_file(site.docs_dir / "stories" / f"{slug}.md", text, site)
    written.record_id = slug
    return written


def new_commitment(site: Site, member: str | None, year: int) -> Written:
    member = site.check_member(member)
    path = site.docs_dir / "commitments" / f"{year}.yaml"
    if member and path.is_file():
        for held in site.content.commitments:
            if held.year == year:
                for commitment in held.commitments:
                    if commitment.member == member:
                        today = build_day()  # at the year's end, next year's promises are what is written (audit AS-G)
                        ahead = f"；写 {year + 1} 年的承诺，加上 --year {year + 1}" if year == today.year and today.month >= 11 else ""
                        raise SkeletonError(
                            f"党员“{member}”在 {year} 年已经有一条承诺（{commitment.at('member')}）；要改就直接编辑那一条{ahead}"
                        )
    lines = [
        yaml_line("member", member, f"党员编号（必填）：members.yaml 里的 id，例如 {site.example_member()}；每人每年一条"),
        yaml_line("promise", None, "承诺（必填）：一句话，不超过40个字，印在党员承诺桌牌上"),
        "# items:                          # 承诺事项（选填），每条一行",
        "#   - 每周巡查责任区不少于3次",
        yaml_line("# standard", "首问负责、限时办结", "亮标准（选填）"),
        "# progress:                       # 践诺记录（选填）：每做成一件事，加一行",
        f"#   - {{date: {year}-03-12, text: 组织志愿者补植草坪200平方米}}",
        f"# review: {{date: {year}-12-20, result: 优秀, by: 党员互评、群众评议}}   # 评诺（选填），年终评诺后再写",
    ]
    header = f"# {build_day():%Y-%m-%d} 用 liangxiang new commitment 添加"
    if path.is_file():
        written = append_item(path, "commitments", lines, site, ("member", member), header=header)
    else:
        body = [f"  {header}"] + [f"  {'- ' if i == 0 else '  '}{line}" if line else "" for i, line in enumerate(lines)]
        text = "\n".join([
            f"# {year}年度党员承诺（承诺、践诺、评诺）",
            "# - 每位党员一条，以“- member:”开头；promise 会印在党员承诺桌牌上。",
            "# - 再添加一条：liangxiang new commitment --member 编号（或者复制一条改写）。",
            "",
            yaml_line("year", year, "年度（必填），和文件名相同"),
            "commitments:",
            *body,
            "",
        ])
        written = create_file(path, text, site)
    written.record_id = member or ""
    return written


def default_period(today: dt.date) -> str:
    """The quarter that ended last: assessments are published after their quarter."""
    quarter = (today.month - 1) // 3 + 1
    year, quarter = (today.year, quarter - 1) if quarter > 1 else (today.year - 1, 4)
    return f"{year}-Q{quarter}"


def new_assessment(site: Site, period: str | None) -> Written:
    if period is None:
        period = default_period(build_day())
        if (site.docs_dir / "assessments" / f"{period}.yaml").exists():
            raise SkeletonError(
                f"刚结束的考核期 {period} 已经有了（content/assessments/{period}.yaml）；"
                "要新建别的考核期，写出来，例如 --period 2027-Q1"
            )
    if not re.fullmatch(PERIOD_PATTERN, period):
        raise SkeletonError(f"考核期“{period}”要写成 YYYY-Qn，例如 2026-Q1（n 为 1 到 4）")
    zones = [z.id for z in site.content.active_zones]
    results = [f"  - {{zone: {z}, score: }}" for z in zones] or ["  - {zone: , score: }"]
    best = site.content.grades[0] if site.content.grades else None
    top = f"{best.min:g} 分及以上为{best.name}" if best else "默认 90 分及以上为优秀"
    text = "\n".join([
        f"# {period} 党员责任区考核结果（用 liangxiang new assessment 生成）",
        "# 每个在用的责任区一行：score 填得分（0—100，可以有一位小数），note 可写一句评语，例如：",
        f"#   - {{zone: {zones[0] if zones else 'tongxin-guangchang'}, score: 93.5, note: 工作落实及时}}",
        f"# 等次按 org.yaml 的考核等次自动算出（{top}），不用写。不参加本期考核的责任区，删掉那一行。",
        "# 写完运行 liangxiang validate；提交以后就张榜公布在网站的“考核评分”栏目里。",
        "",
        yaml_line("period", period, "考核期（必填），和文件名相同"),
        yaml_line("published", f"{build_day():%Y-%m-%d}", "公布日期（必填），YYYY-MM-DD"),
        yaml_line("methods", "[监督员评议, 党员互评, 领导小组评议]", "考核方式（选填）"),
        "results:",
        *results,
        "",
    ])
    written = create_file(site.docs_dir / "assessments" / f"{period}.yaml", text, site)
    written.record_id = period
    return written


def blanks_in(written: Written, site: Site, members: str) -> list[Problem]:
    """What validate says about the text just written (the blanks the editor still has to fill)."""
    from ..check import check_content

    content, problems = load_content(site.root, site.docs_dir, members, site.cache_dir)
    check_content(content, problems)
    shown = site.shown(written.path)
    return [p for p in problems if p.where.path == shown and p.where.line >= written.first_line]
