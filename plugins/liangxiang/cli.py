"""The `liangxiang` command, for editors, pre-commit and CI.

    liangxiang validate [DIR]       check content without building (the errors `mkdocs build` reports)
    liangxiang new KIND [options]   write a commented skeleton: member, zone, story, commitment, assessment
    liangxiang schemas [DIR]        write the JSON Schemas editors use (from the models); --check compares
"""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import re
import sys
import time
from pathlib import Path

from .cliparse import Parser, typed_dashes
from .problems import ContentError


def main(argv: list[str] | None = None) -> int:
    parser = Parser(prog="liangxiang", description="亮相：党员亮身份、亮承诺、亮标准的公开网站和印刷品")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    validate = commands.add_parser("validate", help="检查内容，不生成网站（与 mkdocs build 报告的错误相同）")
    validate.add_argument("directory", nargs="?", default=".", help="站点目录（mkdocs.yml 或 properdocs.yml 所在目录），默认当前目录")
    validate.add_argument("-f", "--config-file", help="配置文件的路径（默认 DIRECTORY/mkdocs.yml，没有时用 properdocs.yml）")

    new = commands.add_parser(
        "new", help="新建一条记录的模板（带中文注释）：member、zone、story、commitment、assessment",
        description="写出一个带中文注释的模板：能确定的已经填好，空着的必填项由你填写，"
                    "然后运行 liangxiang validate 检查。不会覆盖已有的文件。",
    )
    kinds = new.add_subparsers(dest="kind", required=True, metavar="KIND")
    common = Parser(add_help=False)
    common.add_argument("-C", "--directory", default=".", help="站点目录（mkdocs.yml 或 properdocs.yml 所在目录），默认当前目录")
    common.add_argument("-f", "--config-file", help="配置文件的路径（默认 DIRECTORY/mkdocs.yml，没有时用 properdocs.yml）")
    common.add_argument("--id", help="编号（不写就按名称的拼音取一个没用过的）")
    member = kinds.add_parser("member", parents=[common], help="在 members.yaml 末尾添加一位党员")
    member.add_argument("--name", help="姓名，例如 张三（编号按拼音取，例如 zhang-san）")
    member.add_argument("--branch", help="所在党支部的编号（默认 org.yaml 里的第一个）")
    zone = kinds.add_parser("zone", parents=[common], help="新建 content/zones/编号.yaml")
    zone.add_argument("--name", help="责任区名称，例如 同心广场绿化优秀党员责任区")
    zone.add_argument("--branch", help="所属党支部的编号（默认 org.yaml 里的第一个）")
    zone.add_argument("--leader", help="党员负责人的编号")
    story = kinds.add_parser("story", parents=[common], help="新建 content/stories/编号.md")
    story.add_argument("--title", help="故事标题")
    story.add_argument("--member", action="append", default=[], help="相关党员的编号（可写多次）")
    commitment = kinds.add_parser("commitment", parents=[common], help="在 content/commitments/年份.yaml 末尾添加一条承诺（没有这个文件就新建）")
    commitment.add_argument("--member", help="党员编号")
    commitment.add_argument("--year", type=_year, default=dt.date.today().year, help="年度（默认今年）")
    assessment = kinds.add_parser("assessment", parents=[common], help="新建 content/assessments/考核期.yaml，每个在用的责任区一行")
    assessment.add_argument("--period", help="考核期 YYYY-Qn（默认刚结束的那个季度）")

    schemas = commands.add_parser("schemas", help="生成编辑器用的 JSON Schema（来自内容格式的定义）")
    schemas.add_argument("directory", nargs="?", default="schemas", help="写到哪个目录，默认 schemas")
    schemas.add_argument("--check", action="store_true", help="只比较，不写；有过期的文件就以状态 1 退出")

    args = parser.parse_args(typed_dashes(sys.argv[1:] if argv is None else argv))
    if args.command == "validate":
        return run_validate(Path(args.directory), args.config_file)
    if args.command == "new":
        return run_new(args)
    if args.command == "schemas":
        return run_schemas(Path(args.directory), args.check)
    return 2


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
        config, plugin_config = _load_config(config_path)
    except _ConfigProblem as problem:
        print(problem, file=sys.stderr)
        return 1
    from .pipeline import read_site

    from .print import check_printables

    try:
        content = read_site(config, plugin_config)
        check_printables(content, config, plugin_config)  # the build's second check: fonts, signs that fit
    except ContentError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        print(error, file=sys.stderr)
        return 1
    elapsed = time.perf_counter() - started
    print(
        f"内容检查通过：{len(content.public_members)} 名党员、{len(content.zones)} 个责任区、"
        f"{sum(len(y.commitments) for y in content.commitments)} 条承诺、{len(content.stories)} 个故事、"
        f"{len(content.assessments)} 期考核（{elapsed:.2f} 秒）"
    )
    for notice in sorted(content.notices):
        print(f"提示（不影响生成）：{notice}")
    return 0


def run_new(args: argparse.Namespace) -> int:
    from . import skeletons
    from .skeletons import SkeletonError

    directory = Path(args.directory)
    config_path = Path(args.config_file) if args.config_file else site_config(directory)
    try:
        config, plugin_config = _load_config(config_path)
    except _ConfigProblem as problem:
        print(problem, file=sys.stderr)
        return 1
    root = config_path.resolve().parent
    site = skeletons.Site.read(root, Path(config.docs_dir), plugin_config.members)
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


def site_config(directory: Path) -> Path:
    """The site's config file: mkdocs.yml, or properdocs.yml for a site that builds with ProperDocs only."""
    for name in ("mkdocs.yml", "mkdocs.yaml", "properdocs.yml", "properdocs.yaml"):
        if (directory / name).is_file():
            return directory / name
    return directory / "mkdocs.yml"


class _ConfigProblem(Exception):
    pass


class _Warnings(logging.Handler):
    """What MkDocs warns of while it reads the config: `mkdocs build --strict` fails on each."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def _load_config(path: Path):
    """The site's MkDocs config and this plugin's options, as `mkdocs build` would read them."""
    if not path.is_file():
        raise _ConfigProblem(f"{path}: -: 找不到 mkdocs.yml（或 properdocs.yml） (在站点目录里运行，或写出站点目录，例如 liangxiang validate 站点目录)")
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError

    from .load.yamlfile import decode, parse
    from .check.settings import site_url_problem, written_site_url
    from .problems import Location, Problems

    problems, shown = Problems(), path.name
    text = decode(path.read_bytes(), shown, problems)  # GBK from Notepad: said as for every file
    if text is None:
        raise _ConfigProblem("\n".join(map(str, problems)))
    _refuse_code(text, shown)
    warnings = _Warnings()
    logging.getLogger("mkdocs").addHandler(warnings)
    try:
        # hooks are Python files MkDocs imports: checking content must not run them (nor a python tag, above)
        config = load_config(config_file=str(path), hooks=[])
    except (ConfigurationError, Abort) as error:  # MkDocs logs what is wrong, then aborts
        error = "; ".join(warnings.messages) or str(error)
        if "site_url" in error:
            raise _ConfigProblem(f"{shown}: site_url: {site_url_problem(written_site_url(text)) or error}") from None
        parse(text, shown, problems)  # a YAML mistake (tabs, full-width colons) in the editors' words
        if problems:  # (a tag such as !ENV, which this parser refuses, shows MkDocs' own message instead)
            raise _ConfigProblem("\n".join(map(str, problems))) from None
        option = re.search(r"Plugin 'liangxiang' option '(\w+)': Expected type: <class '(\w+)'>", error)
        if option is not None:  # printables: "yes", bleed: 1
            name, wanted = option.groups()
            said = {"bool": "true 或 false", "str": "一段文字（例如文件路径）"}.get(wanted, wanted)
            raise _ConfigProblem(f"{Location.of_setting(path, name)}: {name}: liangxiang 插件的设置 {name} 要写 {said}"
                                 f" (例如 {name}: {'true' if wanted == 'bool' else 'fonts/my.ttf'})") from None
        if (said := _folder_problem(path, error)) is not None:
            raise _ConfigProblem(said) from None
        raise _ConfigProblem(f"{shown}: -: mkdocs.yml 有错误：{error}") from None
    finally:
        logging.getLogger("mkdocs").removeHandler(warnings)
    if warnings.messages:  # a strict build fails on them (an unknown option, a typo in one)
        raise _ConfigProblem("\n".join(_unknown_setting(path, message) for message in warnings.messages))
    plugin = config.plugins.get("liangxiang")
    if plugin is None:
        raise _ConfigProblem(f"{path}: plugins: mkdocs.yml 没有启用 liangxiang 插件 (在 plugins 下加一行 - liangxiang)")
    return config, plugin.config


def _folder_problem(path: Path, error: str) -> str | None:
    """MkDocs' English for a docs_dir that is not there, or a site_dir inside it, in an editor's words."""
    from .problems import Location, did_you_mean

    missing = re.search(r"Config value 'docs_dir': The path '([^']*)' isn't an existing directory", error)
    if missing is not None:
        written = Path(missing.group(1)).name
        folders = [child.name for child in path.parent.iterdir() if child.is_dir() and not child.name.startswith(".")]
        hint = did_you_mean(written, folders) or "docs_dir 写放 org.yaml 和 zones/ 的文件夹，通常是 content"
        return f"{Location.of_setting(path, 'docs_dir')}: docs_dir: 找不到内容文件夹“{written}” ({hint})"
    if "Config value 'site_dir'" in error and "within the 'docs_dir'" in error:
        return (f"{Location.of_setting(path, 'site_dir')}: site_dir: 生成的网站文件夹 site_dir 不能放在内容文件夹 docs_dir 里面"
                " (删掉 site_dir 使用默认的 site，或写一个 content 以外的文件夹)")
    return None


def _refuse_code(text: str, shown: str) -> None:
    """MkDocs reads mkdocs.yml with a loader that runs `!!python/...` tags: validate is what checks
    a change before anyone builds it, so it reads the file safely first and refuses them."""
    import yaml

    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)  # nodes only: nothing is constructed
    except yaml.YAMLError:
        return  # said below, in the editors' words
    stack = [root] if root is not None else []
    while stack:
        node = stack.pop()
        if node.tag.startswith("tag:yaml.org,2002:python/"):
            line = node.start_mark.line + 1
            raise _ConfigProblem(f"{shown}:{line}:{node.start_mark.column + 1}: -: mkdocs.yml 里有会运行程序的标记“!!{node.tag.removeprefix('tag:yaml.org,2002:')}”"
                                 " (删掉这个标记：mkdocs.yml 只写设置；这样的改动不要构建，先请管理员看)")
        if isinstance(node, yaml.MappingNode):
            stack += [part for pair in node.value for part in pair]
        elif isinstance(node, yaml.SequenceNode):
            stack += node.value


def _unknown_setting(path: Path, message: str) -> str:
    """MkDocs' warning about a setting it does not know, in the editors' words, with its line."""
    from mkdocs.config.defaults import MkDocsConfig

    from .plugin import LiangxiangConfig
    from .problems import Location, did_you_mean

    found = re.search(r"(Plugin 'liangxiang' option '\w+': )?Unrecognised configuration name: (\S+)", message)
    if found is None:
        return f"{path.name}: -: mkdocs.yml 的设置有问题：{message} (检查拼写，或删掉这一项)"
    name, plugin = found.group(2), found.group(1) is not None
    known = [key for key, _ in (LiangxiangConfig if plugin else MkDocsConfig)._schema]
    owner = "liangxiang 插件" if plugin else "mkdocs.yml 里"
    return (f"{Location.of_setting(path, name)}: {name}: {owner}没有“{name}”这个设置"
            f" ({did_you_mean(name, known) or '检查拼写，或删掉这一行'})")


if __name__ == "__main__":
    sys.exit(main())
