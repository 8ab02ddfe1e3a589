"""The command line in an editor's words: argparse with Chinese help and errors.

argparse words its help and errors in English ("invalid choice", "unrecognized arguments"); the
people who run `liangxiang new` read Chinese. Their input method also types "——" for "--".
"""

from __future__ import annotations

import argparse
import re
import sys
from typing import NoReturn

from .problems import did_you_mean

# an option typed with a Chinese input method: ——name, —name or －－name for --name
IME_DASHES = re.compile(r"^(?:——|—|－－|－)(?=[A-Za-z])")

# argparse's message -> ours, with the parts it names
MESSAGES = [
    (r"argument (?P<arg>\S+): invalid int value: '(?P<value>.*)'", "{arg} 要写整数（现在是“{value}”），例如 {arg} 2027"),
    (r"argument (?P<arg>\S+): invalid (?P<kind>\S+) value: '(?P<value>.*)'", "{arg} 的值“{value}”不对"),
    (r"argument (?P<arg>\S+): invalid choice: '(?P<value>.*)' \(choose from (?P<choices>.*)\)", "不认识“{value}”：只能是 {choices}"),
    (r"argument (?P<arg>\S+): expected one argument", "{arg} 后面要写一个值"),
    (r"argument (?P<arg>\S+): (?P<value>.*[\u4e00-\u9fff].*)", "{arg}：{value}"),  # our own words (ArgumentTypeError)
    (r"unrecognized arguments: (?P<value>.*)", "不认识的参数：{value}"),
    (r"the following arguments are required: (?P<value>.*)", "缺少参数：{value}"),
    (r"ambiguous option: (?P<value>\S+) could match (?P<choices>.*)", "“{value}”可以是 {choices} 中的任何一个：写完整"),
]


def typed_dashes(argv: list[str]) -> list[str]:
    """Options typed with a Chinese input method's dashes, as the "--" meant."""
    return [IME_DASHES.sub("--", arg) for arg in argv]


class Formatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        return super().add_usage(usage, actions, groups, "用法：" if prefix is None else prefix)


class Parser(argparse.ArgumentParser):
    """An ArgumentParser whose help and errors are in Chinese; subcommands get one too."""

    def __init__(self, *args, add_help: bool = True, **kwargs):
        kwargs.setdefault("formatter_class", Formatter)
        super().__init__(*args, add_help=False, **kwargs)
        self._positionals.title, self._optionals.title = "参数", "选项"
        if add_help:
            self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS, help="显示这段说明")

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}：{in_chinese(message)}\n")


def in_chinese(message: str) -> str:
    for pattern, words in MESSAGES:
        found = re.fullmatch(pattern, message)
        if found is None:
            continue
        parts = {name: _listed(value) if name == "choices" else value for name, value in found.groupdict().items()}
        said = words.format(**parts)
        if pattern.startswith("unrecognized") and not parts["value"].startswith("-"):  # liangxiang new member 李四
            said += f"（姓名、名称等写在选项后面，例如 --name {parts['value'].split()[0]}）"
        if "choices" in parts and (close := did_you_mean(parts["value"], parts["choices"].split("、"))):
            said += f"（{close}）"
        return said
    return message


def _listed(choices: str) -> str:
    """'member', 'zone' -> member、zone"""
    return "、".join(choice.strip(" '") for choice in choices.split(","))
