"""`liangxiang new`: skeletons that keep existing files' bytes, never overwrite, and validate once filled."""

from __future__ import annotations

import contextlib
import io
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO, liangxiang
from liangxiang.cli import main
from liangxiang.ids import person_id, phrase_id

BIN = Path(sys.executable).parent


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    """The command as an editor types it in the site's directory (in-process: much faster than a new Python)."""
    return liangxiang(*args, "-C", str(cwd)) if args[0] == "new" else liangxiang(*args, str(cwd))


def test_the_installed_command(site):
    result = subprocess.run([str(BIN / "liangxiang"), "new", "zone", "--name", "供热保障"], cwd=site,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "已新建 content/zones/gongre-baozhang-2.yaml" in result.stdout  # gongre-baozhang is taken
    assert "注意" not in result.stdout  # its id, not its name: 华宁片区供暖供水保障优秀党员责任区


@pytest.fixture
def site(tmp_path) -> Path:
    """A copy of the example site."""
    for name in ("mkdocs.yml", "members.yaml"):
        shutil.copy(REPO / name, tmp_path / name)
    shutil.copytree(REPO / "content", tmp_path / "content")
    return tmp_path


def validate(site: Path) -> subprocess.CompletedProcess:
    return run("validate", cwd=site)


def fill(path: Path, values: dict[str, str]) -> None:
    """Fill the blanks a skeleton left: `key:` lines get a value, `-` lines an item."""
    text = path.read_text(encoding="utf-8")
    for key, value in values.items():
        text, count = re.subn(rf"^(\s*(?:- )?){re.escape(key)}:(?=\s*(#|$))", rf"\g<1>{key}: {value}", text, count=1, flags=re.M)
        assert count == 1, key
    path.write_text(text, encoding="utf-8")


def test_new_member_appends_keeps_bytes_and_validates_as_is(site):
    before = (site / "members.yaml").read_bytes()
    result = run("new", "member", "--name", "曾国强", cwd=site)
    assert result.returncode == 0, result.stderr
    assert "编号：zeng-guoqiang" in result.stdout and "已经能通过检查" in result.stdout
    after = (site / "members.yaml").read_bytes()
    assert after.startswith(before) and len(after) > len(before)
    added = after[len(before):].decode("utf-8")
    assert "  - id: zeng-guoqiang" in added and "    name: 曾国强" in added and "    branch: wuye-1" in added
    assert "# 所在党小组" in added  # commented, in Chinese
    check = validate(site)
    assert check.returncode == 0, check.stderr
    assert "24 名在册党员（另有 1 名已调离、1 名不公开）" in check.stdout
    # the same name again gets the next free id
    again = run("new", "member", "--name", "曾国强", cwd=site)
    assert "编号：zeng-guoqiang-2" in again.stdout
    # and says who has that name already: the editor may be adding the same person twice
    assert "注意：名册里已经有叫“曾国强”的党员：zeng-guoqiang。如果是同一个人，请删掉刚添加的这条" in again.stdout
    assert "注意" not in result.stdout


def test_a_name_with_a_character_that_has_no_reading_gets_a_temporary_id(site):
    """U+20002 is missing from pypinyin's tables: dropping it would give the id of another name."""
    result = run("new", "member", "--name", "王\U00020002明", "--branch", "gongre", cwd=site)
    assert result.returncode == 0 and "编号：member-1（临时编号：最好改成拼音" in result.stdout, result.stdout


def test_new_member_without_a_name_leaves_the_blank_to_validate(site):
    result = run("new", "member", "--branch", "gongre", cwd=site)
    assert result.returncode == 0 and "临时编号" in result.stdout
    assert re.search(r"members\.yaml:\d+:5: members\[\d+\]\.name: “name”还没有填写", result.stdout)
    check = validate(site)
    assert check.returncode == 1 and "“name”还没有填写" in check.stderr
    path = site / "members.yaml"
    fill(path, {"name": "王芳"})
    # fill() filled the first blank `name:`, which is the new one: every other name has a value
    assert validate(site).returncode == 0


@pytest.mark.parametrize("today, period", [("2027-01-05", "2026-Q4"), ("2026-04-01", "2026-Q1"), ("2026-11-21", "2026-Q3")])
def test_a_new_assessment_without_a_period_is_the_quarter_that_ended(site, monkeypatch, today, period):
    """Audit AS-L F13: untested, and January must give last year's fourth quarter; a period whose
    file is there already is refused, not written over."""
    import datetime as dt

    import liangxiang.skeletons as skeletons

    monkeypatch.setattr(skeletons, "build_day", lambda: dt.date.fromisoformat(today))
    for old in (site / "content/assessments").glob(f"{period}.yaml"):
        old.unlink()
    result = run("new", "assessment", cwd=site)
    assert result.returncode == 0, result.stderr
    assert (site / f"content/assessments/{period}.yaml").is_file()
    again = run("new", "assessment", cwd=site)
    assert again.returncode != 0 and f"刚结束的考核期 {period} 已经有了" in again.stderr + again.stdout


def test_a_new_zones_id_leaves_out_the_organizations_name(site):
    """Audit AS-M 12: 幸福里社区第四网格党员责任区 under 幸福里社区党委 was given xingfu-li-shequ-disi,
    which lost 网格, the word that says what the zone is; the id goes on a metal sign for years."""
    org = site / "content/org.yaml"
    text = org.read_text(encoding="utf-8")
    org.write_text(re.sub(r"(?m)^short_name: .*$", "short_name: 幸福里社区党委", text), encoding="utf-8")
    assert "short_name: 幸福里社区党委" in org.read_text(encoding="utf-8")
    result = run("new", "zone", "--name", "幸福里社区第四网格党员责任区", cwd=site)
    assert result.returncode == 0, result.stderr
    assert (site / "content/zones/disi-wangge.yaml").is_file(), sorted(p.name for p in (site / "content/zones").iterdir())


def test_new_zone_writes_a_commented_file_whose_blanks_validate_reports(site):
    result = run("new", "zone", "--name", "同心广场东区绿化优秀党员责任区", "--leader", "wang-jianguo", cwd=site)
    assert result.returncode == 0, result.stderr
    path = site / "content/zones/tongxin-guangchang-dongqu-lvhua.yaml"
    text = path.read_text(encoding="utf-8")
    assert "id: tongxin-guangchang-dongqu-lvhua" in text and "leader: wang-jianguo" in text and "branch: wuye-1" in text
    assert text.count("# ") > 15 and "必填" in text and "选填" in text
    blanks = [line for line in result.stdout.splitlines() if line.startswith("  content/zones/")]
    assert [re.search(r": (\w+(\[1\])?): ", b).group(1) for b in blanks] == ["scope", "duties[1]", "service_phone"]
    assert validate(site).returncode == 1
    fill(path, {"scope": "同心广场东侧绿地", "service_phone": "0317-2721366"})
    path.write_text(path.read_text(encoding="utf-8").replace("\n  -\n", "\n  - 绿地养护\n"), encoding="utf-8")
    check = validate(site)
    assert check.returncode == 0, check.stderr
    # every commented optional line, uncommented, is still valid content
    lines = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if re.match(r"# (short_name|location|members|slogan):", line):
            line = line[2:]
        lines.append(line)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert validate(site).returncode == 0
    again = run("new", "zone", "--name", "同心广场东区绿化优秀党员责任区", cwd=site)
    assert "注意：已经有名为“同心广场东区绿化优秀党员责任区”的责任区：tongxin-guangchang-dongqu-lvhua。" in again.stdout


def test_new_story_and_assessment(site):
    story = run("new", "story", "--title", "一瓶水样", "--member", "li-na", cwd=site)
    assert story.returncode == 0, story.stderr
    path = site / "content/stories/yiping-shuiyang-2.md"  # yiping-shuiyang exists in the example
    assert path.is_file() and "members: [li-na]" in path.read_text(encoding="utf-8")
    assert "body: 故事正文是空的" in story.stdout
    assert "category: “category”还没有填写" in story.stdout  # which of five kinds it is, only the editor knows
    fill(path, {"category": "党员先锋"})
    path.write_text(path.read_text(encoding="utf-8") + "\n正文。\n", encoding="utf-8")
    assert validate(site).returncode == 0

    assessment = run("new", "assessment", "--period", "2026-Q4", cwd=site)
    assert assessment.returncode == 0, assessment.stderr
    path = site / "content/assessments/2026-Q4.yaml"
    text = path.read_text(encoding="utf-8")
    for zone in ("tongxin-guangchang", "shiyou-xincun", "gongre-baozhang"):  # the active zones
        assert f"{{zone: {zone}, score: }}" in text
    assert "sanhao-huanrezhan" not in text  # archived
    assert validate(site).returncode == 1
    path.write_text(text.replace("score: }", "score: 88}"), encoding="utf-8")
    check = validate(site)
    assert check.returncode == 0 and "3 期考核" in check.stdout


def test_new_commitment_appends_or_creates_the_year(site):
    path = site / "content/commitments/2026.yaml"
    before = path.read_bytes()
    duplicate = run("new", "commitment", "--member", "zhang-wei", "--year", "2026", cwd=site)
    assert duplicate.returncode == 1 and "已经有一条承诺" in duplicate.stderr and path.read_bytes() == before
    added = run("new", "commitment", "--member", "xu-guangming", "--year", "2026", cwd=site)
    assert added.returncode == 0, added.stderr
    assert path.read_bytes().startswith(before)
    assert "commitments[21].promise: “promise”还没有填写" in added.stdout
    fill(path, {"promise": "带头做好交接"})
    assert validate(site).returncode == 0

    created = run("new", "commitment", "--member", "li-na", "--year", "2027", cwd=site)
    assert created.returncode == 0 and "已新建 content/commitments/2027.yaml" in created.stdout
    fill(site / "content/commitments/2027.yaml", {"promise": "让居民办事最多跑一次"})
    check = validate(site)
    assert check.returncode == 0, check.stderr


def test_never_overwrites(site):
    for args, path in [
        (("zone", "--id", "tongxin-guangchang"), "content/zones/tongxin-guangchang.yaml"),
        (("zone", "--id", "tongxin"), "content/zones/tongxin-guangchang.yaml"),  # an alias is taken too
        (("story", "--id", "baoyu-ye"), "content/stories/baoyu-ye.md"),
        (("assessment", "--period", "2026-Q3"), "content/assessments/2026-Q3.yaml"),
        (("member", "--id", "zhang-wei"), "members.yaml"),
    ]:
        before = (site / path).read_bytes()
        result = run("new", *args, cwd=site)
        assert result.returncode == 1 and "没有写入任何文件" in result.stderr, (args, result.stdout)
        assert (site / path).read_bytes() == before
    assert validate(site).returncode == 0


@pytest.mark.parametrize("variant", ["no-final-newline", "crlf", "bom", "comment-at-end", "indent-0"])
def test_append_keeps_any_file_intact(site, variant):
    path = site / "members.yaml"
    text = path.read_text(encoding="utf-8")
    raw = {
        "no-final-newline": text.rstrip("\n").encode(),
        "crlf": text.replace("\n", "\r\n").encode(),
        "bom": b"\xef\xbb\xbf" + text.encode(),
        "comment-at-end": (text + "\n# 以上为在册党员\n").encode(),
        "indent-0": re.sub(r"(?m)^  ", "", text).encode(),
    }[variant]
    path.write_bytes(raw)
    result = run("new", "member", "--name", "张三", cwd=site)
    assert result.returncode == 0, result.stderr
    after = path.read_bytes()
    assert after.startswith(raw)
    if variant == "crlf":
        assert b"\n" not in after[len(raw):].replace(b"\r\n", b"")
    check = validate(site)
    assert check.returncode == 0, check.stderr
    assert "24 名在册党员（另有 1 名已调离、1 名不公开）" in check.stdout


def test_refuses_files_it_cannot_append_to(site):
    path = site / "members.yaml"
    gbk = path.read_text(encoding="utf-8").encode("gbk")
    path.write_bytes(gbk)
    result = run("new", "member", "--name", "张三", cwd=site)
    assert result.returncode == 1 and "GBK" in result.stderr and path.read_bytes() == gbk

    flow = "members: []\n"
    path.write_text(flow, encoding="utf-8")
    result = run("new", "member", "--name", "张三", cwd=site)
    assert result.returncode == 1 and "[]" in result.stderr and path.read_text(encoding="utf-8") == flow


def test_missing_roster_is_created(site):
    (site / "members.yaml").unlink()
    result = run("new", "member", "--name", "张三", cwd=site)
    assert result.returncode == 0, result.stderr
    assert (site / "members.yaml").read_text(encoding="utf-8").startswith("members:\n  # 新党员")


def test_bad_arguments_are_said_plainly(site):
    for args, words in [
        (("member", "--branch", "nope"), "没有党支部“nope”"),
        (("member", "--id", "Zhang Wei"), "编号“Zhang Wei”不合格式"),
        (("commitment", "--member", "zhang-wie"), "是不是要写 zhang-wei"),
        (("commitment", "--member", "feng-yu"), "不公开"),  # the example's hidden member
        (("assessment", "--period", "2026-Q5"), "YYYY-Qn"),
        (("zone", "--name", "测试责任区", "--leader", "吴冬梅"), "这里写党员的编号，不写姓名：吴冬梅的编号是 wu-dongmei"),  # audit 15
        (("member", "--name", "张三", "--branch", "第一物业服务站党支部"), "写成 --branch wuye-1"),
    ]:
        result = run("new", *args, cwd=site)
        assert result.returncode == 1 and words in result.stderr and "Traceback" not in result.stderr, (args, result.stderr)


@pytest.mark.parametrize("name, expected", [
    ("张伟", "zhang-wei"), ("欧阳晓红", "ouyang-xiaohong"), ("曾国强", "zeng-guoqiang"), ("单雪", "shan-xue"),
    ("吕布", "lv-bu"), ("阿依古丽·买买提", "ayiguli-maimaiti"), ("王 芳", "wang-fang"),
    ("阿卜杜热合曼·艾合买提", "abudureheman-aihemaiti"), ("卜凡", "bu-fan"),  # 卜 is bu in names, not bo
    ("阿不都热合曼·吐尔逊", "abudureheman-tuerxun"), ("都晓军", "du-xiaojun"), ("艾什丽·买买提", "aishili-maimaiti"),  # audit P #9
    # audit O: a rare surname kept, Latin names as a phone keyboard types them, one word per word
    ("\U00020BB7志刚", "ji-zhigang"), ("刘䶮", "liu-yan"), ("David Chen", "david-chen"), ("Seán O'Connor", "sean-oconnor"),
])
def test_person_ids(name, expected):
    assert person_id(name) == expected


@pytest.mark.parametrize("text, expected", [
    ("同心广场", "tongxin-guangchang"), ("供热保障优秀党员责任区", "gongre-baozhang"), ("一瓶水样", "yiping-shuiyang"),
    ("绿化二十年", "lvhua-ershi-nian"), ("石油新村楼院服务", "shiyou-xincun-louyuan-fuwu"),
    ("120急救站党员责任区", "120-jijiu-zhan"), ("ICU重症监护室", "icu-zhongzheng-jianhu-shi"), ("5G智慧病房", "5g-zhihui-bingfang"),
    # two wells, not one id and its "-2"; 集输 (gathering) is a word (audit AS-J 2)
    ("北99-1井红旗井党员责任区", "bei-99-1-jing-hongqi"), ("北9-91井红旗井党员责任区", "bei-9-91-jing-hongqi"),
    ("5号集输泵红旗设备党员责任区", "5-hao-jishu-beng"), ("高速服务区加油站", "gaosu-fuwu-qu-jiayou"),
])
def test_phrase_ids(text, expected):
    assert phrase_id(text) == expected


@pytest.mark.parametrize("args, words", [
    (("new", "members", "--name", "李四"), "不认识“members”：只能是 member、zone、story、commitment、assessment（是不是要写 member？）"),
    (("new", "commitment", "--year", "明年"), "--year：年度写四位数字，例如 2027（现在是“明年”）"),
    (("new", "member", "李四"), "不认识的参数：李四（姓名、名称等写在选项后面，例如 --name 李四）"),
    (("new",), "缺少参数：KIND"),
    (("new", "member", "--name"), "--name 后面要写一个值"),
])
def test_command_line_mistakes_are_said_in_chinese(args, words):
    """argparse's English ("invalid choice", "unrecognized arguments") never reaches an editor (audit 15)."""
    err = io.StringIO()
    with contextlib.redirect_stderr(err), pytest.raises(SystemExit) as exited:
        main(list(args))
    assert exited.value.code == 2 and words in err.getvalue(), err.getvalue()
    assert not re.search(r"usage|error|invalid|argument", err.getvalue()), err.getvalue()


def test_options_typed_with_chinese_dashes_and_a_year_with_its_word(site):
    """An input method types "——name" for "--name"; "2027年" is a year all the same."""
    result = run("new", "zone", "——name", "测试责任区", cwd=site)
    assert result.returncode == 0 and (site / "content/zones/ceshi.yaml").is_file(), result.stderr
    result = run("new", "commitment", "--member", "wu-dongmei", "--year", "2027年", cwd=site)
    assert result.returncode == 0 and (site / "content/commitments/2027.yaml").is_file(), result.stderr


def test_a_new_members_examples_are_in_the_organizations_own_words(site):
    """The commented examples come from the roster (a hospital's 护理部, not the example's 物业服务站)."""
    roster = site / "members.yaml"
    text = roster.read_text(encoding="utf-8")
    text = re.sub(r"department: .*", "department: 心内科护理单元", text)
    text = re.sub(r"post: .*", "post: 主管护师", text)
    text = re.sub(r"by: [^,}]+", "by: 省卫生健康委员会", text)
    roster.write_text(text, encoding="utf-8")
    result = run("new", "member", "--name", "秦雪", cwd=site)
    assert result.returncode == 0, result.stderr
    added = roster.read_text(encoding="utf-8").split("liangxiang new member 添加", 1)[1]
    assert "# department: 心内科护理单元" in added and "# post: 主管护师" in added, added
    assert "by: 省卫生健康委员会}" in added and "物业" not in added, added


def test_a_new_member_of_a_branch_without_groups_is_offered_none(site):
    """Audit AS-W L6: a branch without groups was offered the example's wuye-1-g1, an error once uncommented."""
    org = site / "content/org.yaml"
    org.write_text(org.read_text(encoding="utf-8").replace("  - id: wuye-2\n", "  - id: lvhua\n    name: 绿化党支部\n  - id: wuye-2\n", 1), encoding="utf-8")
    for branch, offered in (("lvhua", None), ("wuye-2", "# group: wuye-2-g1")):
        result = run("new", "member", "--name", f"秦雪{branch}", "--branch", branch, cwd=site)
        assert result.returncode == 0, result.stderr
        added = (site / "members.yaml").read_text(encoding="utf-8").rsplit("liangxiang new member 添加", 1)[1]
        if offered is None:
            assert not re.search(r"^ *# group:", added, re.M), added
        else:
            assert offered in added, added
        assert "wuye-1-g1" not in added, added


@pytest.mark.parametrize("kind, option, value", [
    ("story", "--title", "一瓶水样: 续"), ("story", "--title", "#党员先锋# 一盏灯"), ("story", "--title", "[图文]暴雨夜"),
    ("story", "--title", "- 一盏灯"), ("zone", "--name", "同心广场: 东区"), ("member", "--name", "张伟: 测试"),
])
def test_a_name_or_title_with_yaml_marks_is_written_as_it_reads_back(site, kind, option, value):
    """What YAML would read otherwise (a colon, a leading #, [ or -) is quoted: the skeleton's only
    errors are its blanks (audit 22: each gave 这里多了一个冒号 or worse)."""
    extra = ["--branch", "wuye-1"] if kind == "member" else []
    assert run("new", kind, option, value, "--id", "new-one", *extra, cwd=site).returncode == 0
    result = validate(site)
    field = "title" if kind == "story" else "name"
    assert f"{field}:" not in "".join(line for line in result.stderr.splitlines() if "new-one" in line), result.stderr
    import yaml

    if kind == "member":
        written = yaml.safe_load((site / "members.yaml").read_text(encoding="utf-8"))["members"][-1]
    else:
        path = site / "content" / ("stories/new-one.md" if kind == "story" else "zones/new-one.yaml")
        written = yaml.safe_load(re.split(r"^---$", path.read_text(encoding="utf-8"), flags=re.M)[1] if kind == "story" else path.read_text(encoding="utf-8"))
    assert written[field] == value


def test_a_second_promise_this_year_at_the_years_end_is_pointed_to_next_year(site, monkeypatch):
    """In December next year's promises are written: the command refused a second one for this year
    and said nothing of --year (audit AS-G). In June it says nothing of next year."""
    duplicate = run("new", "commitment", "--member", "zhang-wei", "--year", "2026", cwd=site)  # 2026-11-21 (conftest)
    assert duplicate.returncode == 1 and "写 2027 年的承诺，加上 --year 2027" in duplicate.stderr, duplicate.stderr
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1781000000")  # 2026-06-09
    duplicate = run("new", "commitment", "--member", "zhang-wei", "--year", "2026", cwd=site)
    assert duplicate.returncode == 1 and "--year" not in duplicate.stderr, duplicate.stderr


def test_a_new_record_reads_the_site_through_the_builds_parse_cache(site, monkeypatch):
    """Audit AS-AH M5: at 5,000 members `new member` took 45 s, parsing every file twice without the
    cache a build and validate keep. With it, only the file it writes is parsed again."""
    from liangxiang.load.cache import ParseCache

    assert run("validate", cwd=site).returncode == 0  # fills the cache, as the editor's last check did
    parsed, cached = [], ParseCache.cached
    monkeypatch.setattr(ParseCache, "cached", lambda self, name, digest, problems, parse: cached(
        self, name, digest, problems, lambda found: parsed.append(name) or parse(found)))
    result = run("new", "member", "--name", "谭东", "--branch", "wuye-1", cwd=site)
    assert result.returncode == 0, result.stderr
    assert parsed == ["members.yaml"], parsed  # once the roster with its new member; nothing else, nothing twice
