"""What a parsed document's nodes say of how it was written, beside its data: merge keys, a
list key written twice, a list item or a line folded into the text above it, controls and
comments inside values; and line and column as an editor counts them."""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING, Any

import yaml

from ..fields import list_fields, markdown_fields
from ..problems import Location, Problems, dotted, shortened
from ..values import CJK, CJK_QUOTES
from .decoding import CONTROLS

if TYPE_CHECKING:
    from .yamlfile import SourceMap

Path = tuple  # ("members", 3, "branch")
_TEXT = "tag:yaml.org,2002:str"
_FLOAT = "tag:yaml.org,2002:float"
_NULL = "tag:yaml.org,2002:null"
_NOT_TEXT = {f"tag:yaml.org,2002:{kind}" for kind in ("null", "bool", "int", "float")}


def _merge(node: yaml.MappingNode, path: Path, source: SourceMap, problems: Problems, lines: "Lines") -> None:
    """`<<: *defaults` (or a list of them) brings in the fields of those mappings that this one
    does not write itself, as YAML's merge key does; they keep their own lines, where an error in
    one of them is to be fixed."""
    merges = [pair for pair in node.value if isinstance(pair[0], yaml.ScalarNode) and pair[0].value == "<<"]
    own = {key.value for key, _ in node.value if isinstance(key, yaml.ScalarNode) and key.value != "<<"}
    brought: list[tuple[yaml.Node, yaml.Node]] = []
    for key_node, value_node in merges:
        node.value.remove((key_node, value_node))
        sources = value_node.value if isinstance(value_node, yaml.SequenceNode) else [value_node]
        if not all(isinstance(item, yaml.MappingNode) for item in sources):
            problems.add(Location(source.path, *lines.of(key_node.start_mark)), dotted(path + ("<<",)),
                         "“<<:” 后面要写一组字段的锚点名，例如 <<: *moren", "锚点写在前面一条记录上，例如 - &moren {id: li-na, branch: b1}；或者把字段逐个写出来")
            continue
        for item in sources:
            for key, value in item.value:
                if isinstance(key, yaml.ScalarNode) and key.value not in own:
                    own.add(key.value)
                    brought.append((key, value))
    node.value.extend(brought)


def _lists_joined(node: yaml.MappingNode, path: Path, source: SourceMap, problems: Problems, lines: "Lines") -> None:
    """`members:` written a second time further down, over the rest of the list: YAML would keep
    the second half only, and every record naming the first half would be "not found". Both
    halves are read, as one list; the second key is the one error."""
    first: dict[str, tuple[yaml.Node, int]] = {}  # the list under each key, and the key's line
    pairs = [pair for pair in node.value if isinstance(pair[0], yaml.ScalarNode)]
    if path and isinstance(path[-1], int) and not node.flow_style:
        # a record's first key again (`id:`): the next record, its "- " missing, begins there (walk
        # says so); the keys from there are its own, not this record's written twice (AS-AG L4)
        again = next((index for index, (key, _) in enumerate(pairs) if index and key.value == pairs[0][0].value), None)
        pairs = pairs[:again]
    for pair in pairs:
        key_node, value_node = pair
        line, col = lines.of(key_node.start_mark)
        block_list = isinstance(value_node, yaml.SequenceNode) and not value_node.flow_style
        if key_node.value in first and not block_list:
            # `members: [deng-hai, ma-jun]` pasted from a zone below the roster: the roster stays
            earlier_line = first[key_node.value][1]
            problems.add(Location(source.path, line, col), dotted(path + (key_node.value,)),
                         f"“{key_node.value}:”写了两次（第 {earlier_line} 行已经有了），这一行的没有读",
                         f"删掉{'这一行' if _on_one_line(value_node) else '这一行和下面属于它的几行'}（第 {earlier_line} 行下面的列表保留）；"
                         "它是别处复制来的话，移回原来的文件")
            node.value.remove(pair)
            continue
        if not block_list:
            continue
        if key_node.value not in first:
            first[key_node.value] = (value_node, line)
            continue
        earlier, earlier_line = first[key_node.value]
        problems.add(Location(source.path, line, col), dotted(path + (key_node.value,)),
                     f"“{key_node.value}:”写了两次（第 {earlier_line} 行已经有了），两段列表已合在一起读",
                     f"删掉这一行的“{key_node.value}:”，让下面的各项接在上一段后面（“- ”对齐）")
        earlier.value.extend(value_node.value)
        node.value.remove(pair)


def _on_one_line(node: yaml.Node) -> bool:
    if isinstance(node, yaml.ScalarNode):
        return node.start_mark.line == node.end_mark.line
    return bool(node.flow_style)


class Lines:
    """Line and column as an editor counts them: only "\n" breaks a line.

    PyYAML also breaks lines at NEL, LS and PS, so its own line numbers can drift.
    """

    def __init__(self, text: str, offset: int):
        self.breaks = [match.start() for match in re.finditer("\n", text)]
        self.offset = offset
        self.text = text

    def text_of(self, node: yaml.Node) -> str:
        return self.text[node.start_mark.index:node.end_mark.index]

    def of(self, mark) -> tuple[int, int]:
        before = bisect.bisect_left(self.breaks, mark.index)
        start = self.breaks[before - 1] + 1 if before else 0
        return before + 1 + self.offset, mark.index - start + 1


# " #3、#4 号楼" after a plain value: YAML drops it as a comment. A comment is written "  # 注释"
# (as every template here does); one space, then "#" and no space is a building number or a rank.
ITEMS_FOLDED_IN = "这一行以“- ”开头，YAML 把它并进了"  # a deleted `duties:` line is told here (validate)
_FOLDED_ITEM = re.compile(r"\n([ \t]*)-[ \t]")  # a continuation line that starts like a list item
_COMMENT_CUT = re.compile(r"[ \t](#[^\s#][^\n]*)")


def _item_folded_in(node: yaml.ScalarNode, written: str, path: Path, source: SourceMap, problems: Problems,
                    lines: Lines) -> None:
    """A list item indented further than the one above (`   - 收集意见` under `  - 巡查`) is no item:
    YAML folds it into the text above, and "巡查 - 收集意见" would be published and printed as one."""
    if path and path[-1] in list_fields() and re.match(r"-[^\s-]", written):
        return  # `-乔灌木修剪` with no space, then items: the list's own error says to add the space (AS-AG L4)
    for found in _FOLDED_ITEM.finditer(written):
        line = bisect.bisect_left(lines.breaks, node.start_mark.index + found.start(1)) + 1 + lines.offset
        shown = shortened(node.value, 30)
        if path and isinstance(path[-1], int):
            problems.add(Location(source.path, line, 1), dotted(path),
                         f"这一行的“- ”比上一项多缩进了，YAML 把它并进了上一项：会印成一项“{shown}”",
                         "把这一行的“- ”和上一项的“- ”对齐（删掉多出的空格）；如果“- ”本来就是文字，把整个值用引号括起来")
        else:
            key = path[-1] if path else "字段"
            split = (f"“{key}”要分条写：“{key}:”后面不写文字，下一行起每条单独一行，以缩进两个空格的“- ”开头"
                     if key in list_fields() else f"要分条写的话，写成“{key}: |”，从下一行起每行缩进两个空格写一条")
            problems.add(Location(source.path, line, 1), dotted(path),
                         f"{ITEMS_FOLDED_IN}“{key}”前面的文字：会印成“{shown}”",
                         f"{split}；如果“- ”本来就是文字，把整个值用引号括起来")
        return


_FOLDED_CJK = re.compile(rf"(?<=[{CJK}]) (?=[{CJK}{CJK_QUOTES}])|(?<=[{CJK_QUOTES}]) (?=[{CJK}])")
_CJK_BREAK = re.compile(rf"[{CJK}][ \t]*\n[ \t]*(?=\S)|\S[ \t]*\n[ \t]*(?=[{CJK}])")


def _lines_joined(node: yaml.ScalarNode, written: str, path: Path, source: SourceMap, problems: Problems,
                  lines: Lines, in_flow: bool) -> None:
    """Plain text over two lines is one value, the lines joined by a space. A list item so written
    is two items with the second's "- " missing ("植被养护 环境保洁" would be printed as one duty);
    elsewhere, Chinese wrapped to the next line is read as the editor meant it, with no space."""
    if _FOLDED_ITEM.search(written):
        return  # "- " on the next line is _item_folded_in's
    if "\n\n" in re.sub(r"[ \t]+", "", written):
        if path and path[-1] in markdown_fields():  # intro: written without "|": its blank lines part paragraphs, as meant
            node.value = "\n\n".join(_joined_lines(paragraph.split("\n"))
                                     for paragraph in re.split(r"\n[ \t]*\n\s*", written.strip()) if paragraph.strip())
        return  # elsewhere a blank line is a line break YAML keeps
    if path and isinstance(path[-1], int):
        found = _CJK_BREAK.search(written)
        if found is not None:
            line = bisect.bisect_left(lines.breaks, node.start_mark.index + found.end()) + 1 + lines.offset
            comma = re.search(r"([，、；])[ \t]*\n", written[:found.end()])
            problems.add(Location(source.path, line, 1), dotted(path),
                         f"这一行接着上一行写，YAML 把两行连成了一项：会印成一项“{shortened(node.value, 30)}”",
                         f"各项之间用半角逗号分开：把上一行末尾的“{comma.group(1)}”换成“,”" if in_flow and comma else
                         "如果是两项，在上一行末尾加半角逗号“,”；如果是一项，把两行接成一行" if in_flow else
                         "如果是两项，在这一行开头加“- ”，和上一项的“- ”对齐；如果是一项，把两行接成一行")
        return
    parts = [part.strip() for part in written.split("\n")]
    if node.value == " ".join(parts):
        node.value = _joined_lines(parts)


def _joined_lines(lines: list[str]) -> str:
    """Wrapped lines as one text: a space between words, none where Chinese meets the break."""
    parts = [line.strip() for line in lines]
    joined = parts[0]
    for part in parts[1:]:
        cjk = re.match(rf"[{CJK}]", joined[-1:]) or re.match(rf"[{CJK}]", part[:1])
        joined += part if cjk else " " + part
    return joined


def _unfolded(value: str, written: str) -> str:
    """`scope: >` folds its lines with a space, which beside a Chinese character shows ("建设， 让",
    "等 8个"): lines that are one paragraph are joined as a plain text's are (_joined_lines); of
    several paragraphs, only a space between two Chinese characters goes, a space typed there
    being as little meant (audit AS-R 3)."""
    parts = [line.strip() for line in written.split("\n")[1:] if line.strip()]  # under the ">" line
    folded = value.rstrip("\n")
    if parts and folded == " ".join(parts):
        return _joined_lines(parts) + value[len(folded):]
    return _FOLDED_CJK.sub("", value)


def walk(node: yaml.Node, path: Path, source: SourceMap, problems: Problems, lines: Lines, in_flow: bool = False) -> None:
    """Record positions of keys and items; report duplicate keys (naming both lines); resolve merge keys."""
    if isinstance(node, yaml.ScalarNode) and node.tag == _FLOAT:
        source.written[path] = node.value  # an id 2021.10 is said as written, not as the float 2021.1
    elif isinstance(node, yaml.ScalarNode) and node.tag == _NULL and node.value:
        source.written[path] = node.value  # `scope: ~` is said as "~", not as nothing after the colon
    elif isinstance(node, yaml.ScalarNode) and node.style == ">":
        node.value = _unfolded(node.value, lines.text_of(node))
    if isinstance(node, yaml.ScalarNode) and not node.style and node.end_mark.line > node.start_mark.line:
        written = lines.text_of(node)  # plain text over several lines
        _item_folded_in(node, written, path, source, problems, lines)
        _lines_joined(node, written, path, source, problems, lines, in_flow)
    if isinstance(node, yaml.MappingNode):
        seen: dict[Any, int] = {}
        first_key = next((key.value for key, _ in node.value if isinstance(key, yaml.ScalarNode)), None)
        next_record: int | None = None  # where a record missing its "- " begins: its keys repeat, said once
        if node.flow_style:
            source.flow.add(path)
        if any(isinstance(key, yaml.ScalarNode) and key.value == "<<" for key, _ in node.value):
            _merge(node, path, source, problems, lines)
        _lists_joined(node, path, source, problems, lines)
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                continue
            if key_node.tag in _NOT_TEXT:
                key_node.tag = _TEXT  # `1:`, `true:`, `~:` are field names as written: reported where they stand
            key = key_node.value
            line, col = lines.of(key_node.start_mark)
            if key in seen and next_record is None and path and isinstance(path[-1], int) and key == first_key and not node.flow_style:
                next_record = line  # `id:` again in a member: the next member, its "- " missing
                first = next(value for k, value in node.value if isinstance(k, yaml.ScalarNode) and k.value == key)
                if key == "id" and isinstance(first, yaml.ScalarNode):  # the first record's id, read over by the second
                    source.merged_ids[path] = first.value
                problems.add(
                    Location(source.path, line, col), dotted(path + (key,)),
                    f"这一条记录里第二次出现“{key}”（第 {seen[key]} 行已经有了）：多半是下一条记录少了开头的“- ”",
                    f"这里开始的是下一条记录的话，在“{key}”前面加“- ”，和上一条的“- ”对齐（两条都保留）；"
                    "只是同一字段写了两次的话，删掉其中一个",
                )
            elif key in seen and next_record is None:
                problems.add(
                    Location(source.path, line, col), dotted(path + (key,)),
                    f"同一处写了两次“{key}”（第 {seen[key]} 行已经有了）",
                    "删掉其中一个；YAML 只会保留最后一个，前一个会悄悄丢失",
                )  # and the last one is read: what is said about its value is said at its line
            seen[key] = line
            source.positions[path + (key,)] = (line, col)
            walk(value_node, path + (key,), source, problems, lines)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            source.positions[path + (index,)] = lines.of(item.start_mark)
            walk(item, path + (index,), source, problems, lines, bool(node.flow_style))
    elif not node.style and (cut := _COMMENT_CUT.match(lines.text, node.end_mark.index)) is not None:  # plain: None, or "" from libyaml
        line, col = lines.of(node.end_mark)
        meant = re.sub(r"\s+#\s.*$", "", cut.group(1)).strip()  # "#3号门   # 旧址": the comment after it stays a comment
        problems.add(Location(source.path, line, col + 1), dotted(path),
                     f"“#”前面有空格，YAML 把“{cut.group(1).strip()}”当成注释丢掉了，这里只读到“{node.value}”",
                     f"如果“#”是内容（例如楼号 #3），把整个值用引号括起来：\"{node.value} {meant}\"；"
                     "如果是注释，在“#”后面加一个空格")
    elif (control := CONTROLS.search(node.value)) is not None:  # a bidi override, or "\x1b" written as an escape
        escaped = node.style == '"' and "\\" in lines.text_of(node)
        problems.add(Location(source.path, *lines.of(node.start_mark)), dotted(path),
                     f"这里有一个看不见的控制字符（U+{ord(control.group()):04X}）",
                     "删掉双引号里的这个转义写法（以“\\”开头）" if escaped else
                     "多半是从别处复制来的：删掉它（可以把这一段删了重新打字）；它在网页上不显示，或会把文字顺序颠倒")
