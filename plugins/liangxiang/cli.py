"""The `liangxiang` command: check content without building (for editors, pre-commit and CI)."""

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
    args = parser.parse_args(argv)
    if args.command == "validate":
        return run_validate(Path(args.directory), args.config_file)
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
