"""The `liangxiang` command, for editors, pre-commit and CI.

    liangxiang validate [DIR]       check content without building (the errors `mkdocs build` reports)
    liangxiang new KIND [options]   write a commented skeleton: member, zone, story, commitment, assessment
    liangxiang schemas [DIR]        write the JSON Schemas editors use (from the models); --check compares
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import re
import sys
import time
from pathlib import Path

from .cliparse import Parser, typed_dashes
from .problems import ContentError, file_error
from .siteconfig import ConfigProblem, load_site_config, site_config
from .values import build_day


def main(argv: list[str] | None = None) -> int:
    parser = Parser(prog="liangxiang", description="亮相：党员亮身份、亮承诺、亮标准的公开网站和印刷品")
    parser.add_argument("--version", action="version", version=f"liangxiang {_version()}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    validate = commands.add_parser("validate", help="检查内容，不生成网站（与 mkdocs build 报告的错误相同）",
                                   description="检查内容，不生成网站：列出全部错误（文件:行:列: 字段: 哪里不对 (怎么改)），"
                                               "有错时以状态 1 退出。与 mkdocs build 报告的错误相同。")
    validate.add_argument("directory", nargs="?", default=".", help="站点目录（mkdocs.yml 或 properdocs.yml 所在目录，或这个文件本身），默认当前目录")
    validate.add_argument("-f", "--config-file", help="配置文件的路径（默认 DIRECTORY/mkdocs.yml，没有时用 properdocs.yml）")

    new = commands.add_parser(
        "new", help="新建一条记录的模板（带中文注释）：member、zone、story、commitment、assessment",
        description="写出一个带中文注释的模板：能确定的已经填好，空着的必填项由你填写，"
                    "然后运行 liangxiang validate 检查。不会覆盖已有的文件。",
    )
    kinds = new.add_subparsers(dest="kind", required=True, metavar="KIND")

    def kind(name: str, does: str, named: str = "") -> Parser:
        """One kind's parser, with the site's options (and --id for a record an id names), under one heading."""
        parser = kinds.add_parser(name, help=does, description=does)
        parser.add_argument("-C", "--directory", default=".", help="站点目录（mkdocs.yml 或 properdocs.yml 所在目录），默认当前目录")
        parser.add_argument("-f", "--config-file", help="配置文件的路径（默认 DIRECTORY/mkdocs.yml，没有时用 properdocs.yml）")
        # a commitment or an assessment has no id: --id is not offered, but said why when written (run_new)
        parser.add_argument("--id", help=f"编号（不写就按{named}的拼音取一个没用过的）" if named else argparse.SUPPRESS)
        return parser

    member = kind("member", "在 members.yaml 末尾添加一位党员", "姓名")
    member.add_argument("--name", help="姓名，例如 张三（编号按拼音取，例如 zhang-san）")
    member.add_argument("--branch", help="所在党支部的编号（默认 org.yaml 里的第一个）")
    zone = kind("zone", "新建 content/zones/编号.yaml", "名称")
    zone.add_argument("--name", help="责任区名称，例如 同心广场绿化优秀党员责任区")
    zone.add_argument("--branch", help="所属党支部的编号（默认 org.yaml 里的第一个）")
    zone.add_argument("--leader", help="党员负责人的编号")
    story = kind("story", "新建 content/stories/编号.md", "标题")
    story.add_argument("--title", help="故事标题")
    story.add_argument("--member", action="append", default=[], help="相关党员的编号（可写多次）")
    commitment = kind("commitment", "在 content/commitments/年份.yaml 末尾添加一条承诺（没有这个文件就新建）")
    commitment.add_argument("--member", help="党员编号")
    commitment.add_argument("--year", type=_year, default=build_day().year, help="年度（默认今年）")
    assessment = kind("assessment", "新建 content/assessments/考核期.yaml，每个在用的责任区一行")
    assessment.add_argument("--period", help="考核期 YYYY-Qn（默认刚结束的那个季度）")

    schemas = commands.add_parser("schemas", help="生成编辑器用的 JSON Schema（来自内容格式的定义）")
    schemas.add_argument("directory", nargs="?", default="schemas", help="写到哪个目录，默认 schemas")
    schemas.add_argument("--check", action="store_true", help="只比较，不写；有过期的文件就以状态 1 退出")

    args = parser.parse_args(typed_dashes(sys.argv[1:] if argv is None else argv))
    try:
        if args.command == "validate":
            directory, config_file = Path(args.directory), args.config_file
            if directory.is_file() and config_file is None:  # `validate site/mkdocs.yml`: the file, as -f names it (audit AS-H)
                directory, config_file = directory.parent, str(directory)
            return run_validate(directory, config_file)
        if args.command == "new":
            return run_new(args)
        if args.command == "schemas":
            return run_schemas(Path(args.directory), args.check)
    except BrokenPipeError:  # `liangxiang validate | head`: the reader has seen enough
        _quiet_stdout()
        return 141  # as a shell reports a command its pipe's reader closed (128 + SIGPIPE)
    except OSError as error:  # a folder that cannot be read or written, beyond those the checks say
        print(file_error(error, Path.cwd()), file=sys.stderr)
        return 1
    return 2


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("liangxiang")
    except PackageNotFoundError:  # run from a checkout that was never installed
        return "（未安装）"


def _quiet_stdout() -> None:
    """Point stdout at /dev/null, so the interpreter's last flush at exit cannot fail again on the
    closed pipe (the recipe in Python's signal module documentation)."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def _year(value: str) -> int:
    """2027, 2027年 or ２０２７."""
    digits = re.sub(r"\s|年$", "", value.translate(str.maketrans("０１２３４５６７８９", "0123456789")))
    if not re.fullmatch(r"(19|20)[0-9]{2}|2100", digits):
        raise argparse.ArgumentTypeError(f"年度写四位数字，例如 2027（现在是“{value}”）")
    return int(digits)


def run_validate(directory: Path, config_file: str | None = None) -> int:
    started = time.perf_counter()
    config_path = Path(config_file) if config_file else site_config(directory)
    try:
        config, plugin_config = load_site_config(config_path)
    except ConfigProblem as problem:
        said = str(problem).splitlines()
        found, notices = [], []
        if problem.usable is not None:  # the content is checked too: one run says every mistake
            checked = _check_content(*problem.usable, said=set(said))
            found, notices = checked if isinstance(checked, tuple) else ([], [])
        _say_mistakes(notices, [*said, *found])
        return 1
    content = _check_content(config, plugin_config)
    if isinstance(content, tuple):
        problems, notices = content
        _say_mistakes(notices, problems)
        return 1
    elapsed = time.perf_counter() - started
    print(f"内容检查通过：{_counted(content)}、{sum(len(y.commitments) for y in content.commitments)} 条承诺、"
          f"{len(content.stories)} 个故事、{len(content.assessments)} 期考核（{elapsed:.2f} 秒）")
    for notice in sorted(content.notices):
        print(f"提示（不影响生成）：{notice}")
    return 0


def _counted(content) -> str:
    """Members and zones counted as the home page counts them (those on the roll, retired ones too; zones in use), with
    the rest said apart: an editor compares the two."""
    members, zones = content.public_members, content.zones
    active = sum(m.status == "active" for m in members)
    others = [f"{count} 名{what}" for count, what in ((len(members) - active, "已调离"),
                                                      (len(content.members) - len(members), "不公开")) if count]
    in_use = len(content.active_zones)
    counted = f"{active} 名在册党员" + (f"（另有 {'、'.join(others)}）" if others else "")
    return counted + f"、{in_use} 个责任区" + (f"（另有 {len(zones) - in_use} 个已撤销）" if len(zones) > in_use else "")


def _validate_summary(count: int) -> str:
    """The last line of a validate run that found mistakes (it builds nothing: a build would stop)."""
    return f"一共有 {count} 处错误，改好以前网站不能生成。请按上面的文件和行号逐条修改。"


def _say_mistakes(notices: list, problems: list) -> None:
    """The notices first, then the mistakes and their count: the mistakes stand last, above the
    line that sends the editor to them (audit AS-AH M4: 890 notices after 4 errors hid them)."""
    for notice in notices:
        print(f"提示（不影响生成）：{notice}", file=sys.stderr)
    for problem in problems:
        print(problem, file=sys.stderr)
    print(_validate_summary(len(problems)), file=sys.stderr)


def _check_content(config, plugin_config, said: set[str] = frozenset()):
    """The content read and checked as a build would, or (problems, notices) when it has mistakes.
    ``said``: the settings' problems found already (mkdocs.yml's conflict markers are found by
    both readings)."""
    from .pipeline import read_site
    from .print import check_printables

    try:
        content = read_site(config, plugin_config)
        with _slow_steps_said():
            check_printables(content, config, plugin_config)  # the build's second check: fonts, signs that fit
    except ContentError as error:
        return [problem for problem in error.problems if str(problem) not in said], list(error.notices)
    return content


@contextlib.contextmanager
def _slow_steps_said():
    """The one slow step of a first run, making the print fonts (15 to 75 s), said as a build says it:
    validate sat silent for a minute and looked hung (audit AS-Y L1). To stdout: stderr holds the mistakes."""
    from .print.fonts import FONTS_LOG

    handler = logging.StreamHandler(sys.stdout)
    handler.setFormatter(logging.Formatter("%(message)s"))
    logger = logging.getLogger(FONTS_LOG)
    level = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)


def run_new(args: argparse.Namespace) -> int:
    from . import skeletons
    from .skeletons import SkeletonError

    directory = Path(args.directory)
    config_path = Path(args.config_file) if args.config_file else site_config(directory)
    try:
        config, plugin_config = load_site_config(config_path)
    except ConfigProblem as problem:
        print(problem, file=sys.stderr)
        return 1
    from .files import cache_dir
    from .pipeline import cache_in_docs

    root = config_path.resolve().parent
    cache = None if cache_in_docs(config, plugin_config) else cache_dir(config, plugin_config)  # never written into the content
    site = skeletons.Site.read(root, Path(config.docs_dir), plugin_config.members, cache)
    try:
        if args.kind == "member":
            written = skeletons.new_member(site, args.name, args.id, args.branch)
        elif args.kind == "zone":
            written = skeletons.new_zone(site, args.name, args.id, args.branch, args.leader)
        elif args.kind == "story":
            written = skeletons.new_story(site, args.title, args.id, args.member)
        elif args.kind == "commitment":
            if args.id:
                raise SkeletonError("承诺没有编号：用 --member 写党员编号")
            written = skeletons.new_commitment(site, args.member, args.year)
        else:
            if args.id:
                raise SkeletonError("考核的编号就是考核期：用 --period 写，例如 --period 2026-Q1")
            written = skeletons.new_assessment(site, args.period)
    except SkeletonError as error:
        print(f"没有写入任何文件：{error}", file=sys.stderr)
        return 1
    shown = site.shown(written.path)
    if written.created:
        print(f"已新建 {shown}")
    else:
        print(f"已添加到 {shown} 末尾（第 {written.first_line} 行起），文件原有内容没有改动")
    if args.kind in ("member", "zone", "story") and written.record_id:
        named = args.title if args.kind == "story" else args.name
        used = "它就是网址，发出去以后就不要再改" if args.kind == "story" else "网址和二维码用它，印出去以后就不要再改"
        if args.id:
            how = ""
        elif named and not written.record_id.startswith(f"{args.kind}-"):
            how = "（按拼音取的，可以改；" + used + "）"
        else:
            example = {"member": "zhang-san", "zone": "tongxin-guangchang", "story": "yiba-yaoshi"}[args.kind]
            how = f"（临时编号：最好改成拼音，例如 {example}；{used}）"
        print(f"编号：{written.record_id}{how}")
    for note in written.notes:
        print(note)
    blanks = skeletons.blanks_in(written, site, plugin_config.members)
    if blanks:
        print("还要填写（liangxiang validate 现在会报这些）：")
        for problem in blanks:
            print(f"  {problem}")
    else:
        print("这条记录已经能通过检查；选填项按需要删掉行首的“# ”再填写。")
    return 0


def run_schemas(directory: Path, check: bool) -> int:
    from .schema import KINDS, stale_schemas, write_schemas

    if check:
        stale = stale_schemas(directory)
        for path in stale:
            print(f"{path}: 和内容格式的定义不一致（运行 liangxiang schemas {directory} 重新生成）", file=sys.stderr)
        return 1 if stale else 0
    changed = write_schemas(directory)
    for kind in KINDS:
        path = directory / kind.filename
        print(f"{path}{'（已更新）' if path in changed else '（没有变化）'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
