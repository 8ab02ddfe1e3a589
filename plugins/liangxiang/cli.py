"""The `liangxiang` command, for editors, pre-commit and CI.

    liangxiang validate [DIR]       check content without building (the errors `mkdocs build` reports)
    liangxiang schemas [DIR]        write the JSON Schemas editors use (from the models); --check compares
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from .problems import ContentError


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="liangxiang", description="亮相：党员亮身份、亮承诺、亮标准的公开网站和印刷品")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    validate = commands.add_parser("validate", help="检查内容，不生成网站（与 mkdocs build 报告的错误相同）")
    validate.add_argument("directory", nargs="?", default=".", help="站点目录（mkdocs.yml 所在目录），默认当前目录")
    validate.add_argument("-f", "--config-file", help="mkdocs.yml 的路径（默认 DIRECTORY/mkdocs.yml）")

    schemas = commands.add_parser("schemas", help="生成编辑器用的 JSON Schema（来自内容格式的定义）")
    schemas.add_argument("directory", nargs="?", default="schemas", help="写到哪个目录，默认 schemas")
    schemas.add_argument("--check", action="store_true", help="只比较，不写；有过期的文件就以状态 1 退出")

    args = parser.parse_args(argv)
    if args.command == "validate":
        return run_validate(Path(args.directory), args.config_file)
    if args.command == "schemas":
        return run_schemas(Path(args.directory), args.check)
    return 2


def run_validate(directory: Path, config_file: str | None = None) -> int:
    started = time.perf_counter()
    config_path = Path(config_file) if config_file else directory / "mkdocs.yml"
    try:
        config, plugin_config = _load_config(config_path)
    except _ConfigProblem as problem:
        print(problem, file=sys.stderr)
        return 1
    from .pipeline import read_site

    try:
        content = read_site(config, plugin_config)
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


class _ConfigProblem(Exception):
    pass


def _load_config(path: Path):
    """The site's MkDocs config and this plugin's options, as `mkdocs build` would read them."""
    if not path.is_file():
        raise _ConfigProblem(f"{path}: -: 找不到 mkdocs.yml (在站点目录里运行，或写出目录：liangxiang validate 站点目录)")
    from mkdocs.config import load_config
    from mkdocs.exceptions import ConfigurationError

    try:
        config = load_config(config_file=str(path))
    except ConfigurationError as error:
        raise _ConfigProblem(f"{path}: -: mkdocs.yml 有错误：{error}") from None
    plugin = config.plugins.get("liangxiang")
    if plugin is None:
        raise _ConfigProblem(f"{path}: plugins: mkdocs.yml 没有启用 liangxiang 插件 (在 plugins 下加一行 - liangxiang)")
    return config, plugin.config


if __name__ == "__main__":
    sys.exit(main())
