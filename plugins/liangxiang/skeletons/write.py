"""Writing a skeleton: a new file created exclusively, or an item appended after an existing
file's last byte and read back (the file is restored when the result is not what was meant)."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import yaml

from ..load.decoding import decode
from ..load.yamlfile import parse
from ..problems import Problems
from .site import Site, SkeletonError, Written


def _value(value: object | None) -> str:
    return "" if value is None else str(value)


def text_value(text: str | None) -> str | None:
    """A name or title as YAML reads it back: quoted when it would not be (一瓶水样: 续, [图文]…,
    #党员先锋#); the other values a skeleton writes are YAML already ([li-na], true)."""
    return text if text is None or _reads_back(text) else json.dumps(text, ensure_ascii=False)


def _reads_back(text: str) -> bool:
    try:
        return yaml.safe_load(f"key: {text}   # comment") == {"key": text}
    except yaml.YAMLError:
        return False


def _width(text: str) -> int:
    """Columns text takes in an editor: Chinese characters are two wide."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def yaml_line(key: str, value: object | None, comment: str, width: int = 34) -> str:
    """`key: value   # comment`, comments aligned; a blank value is left for the editor."""
    text = f"{key}: {_value(value)}".rstrip() if value is not None else f"{key}:"
    if not comment:
        return text
    return text + " " * max(2, width - _width(text)) + f"# {comment}"  # YAML needs a space before "#"


def create_file(path: Path, text: str, site: Site) -> Written:
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with open(path, "x", encoding="utf-8", newline="\n") as file:  # "x": never overwrite
            file.write(text)
    except FileExistsError:
        raise SkeletonError(f"{site.shown(path)} 已经存在，不会覆盖它；要改就直接编辑这个文件") from None
    return Written(path, True, 1, "")


def append_item(path: Path, key: str, item_lines: list[str], site: Site, expect: tuple[str, object], header: str = "") -> Written:
    """Append one item to the block list `key:` that ends the file; the existing bytes are kept as they are."""
    shown = site.shown(path)
    original = path.read_bytes() if path.exists() else b""  # a missing file is started
    problems = Problems()
    text = decode(original, shown, problems)
    if text is None:
        raise SkeletonError(f"{shown} 不是 UTF-8 编码，没有改动它：{problems.items[0].message}（{problems.items[0].hint}）")
    if parse(text, shown, problems) is None:
        first = problems.sorted()[0]
        raise SkeletonError(f"{shown} 现在就有错误，没有改动它；先修好：{first}")
    newline = "\r\n" if "\r\n" in text else "\n"
    lines = text.replace("\r\n", "\n").split("\n")
    key_line = next((i for i, line in enumerate(lines) if re.match(rf"{key}:\s*(#.*)?$", line)), None)
    if key_line is None and any(re.match(rf"{key}:", line) for line in lines):
        raise SkeletonError(f"{shown} 里的“{key}:”后面直接写了内容（例如 []），请改成每项一行的列表再添加")
    if key_line is not None:
        later = [i for i, line in enumerate(lines[key_line + 1:], key_line + 1) if re.match(r"[^\s#-]", line)]
        if later:
            raise SkeletonError(f"{shown} 第 {later[0] + 1} 行：“{key}:”列表后面还有别的字段，没法自动添加到末尾；请手动添加")
        indent = next((m.group(1) for line in lines[key_line + 1:] if (m := re.match(r"( *)- ", line))), "  ")
    else:
        indent = "  "
    prefix = newline if text and not text.endswith("\n") else ""  # finish a last line that has no newline
    block = [] if not text.strip() or re.search(r"\n[ \t]*\r?\n$", text) else [""]  # one blank line before
    if key_line is None:
        block += [f"{key}:"]
    if header:
        block += [f"{indent}{header}"]
    block += [f"{indent}{'- ' if number == 0 else '  '}{line}" if line else "" for number, line in enumerate(item_lines)]
    added = prefix + newline.join(block) + newline
    first_line = (text + prefix).count("\n") + 1 + (1 if block[0] == "" else 0)
    with open(path, "ab") as file:
        file.write(added.encode("utf-8"))
    # read it back: the new item must be the list's last item, or the file goes back as it was
    document = parse((original + added.encode("utf-8")).decode("utf-8-sig"), shown, Problems())
    items = document.data.get(key) if document is not None and isinstance(document.data, dict) else None
    last = items[-1] if isinstance(items, list) and items else None
    if not isinstance(last, dict) or last.get(expect[0]) != expect[1]:
        with open(path, "r+b") as file:
            file.truncate(len(original))
        raise SkeletonError(f"添加到 {shown} 以后文件读不通了，已经恢复原样；请手动添加（参照文件里已有的写法）")
    return Written(path, False, first_line, "")
