"""Read one YAML document safely, remembering where every key and item stands.

Stricter than plain PyYAML where editors get hurt: duplicate keys are errors, dates and
numbers with leading zeros stay text (a phone "0317..." is not an octal number), a
full-width colon where ":" was meant is reported and read as ":", tabs are reported, and
alias bombs or runaway nesting are refused before any data is built.

Files are composed by libyaml (PyYAML's C binding) when it is there and the text is plain;
any doubt, and every error, goes to the pure-Python loader, whose marks and messages are the
reference: the two give the same data, positions and problems.
"""

from __future__ import annotations

import bisect
import gc
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from ..model import field_names, list_fields, markdown_fields
from ..problems import Location, Problems, dotted, shortened
from .decoding import CONTROLS
from .recovery import set_aside
from .typography import report_block_texts, report_typography
from .yamlhints import explain, key_of_line, near_cause, unreadable

MAX_NODES = 1_000_000  # nodes after expanding aliases; a billion-laughs file has far more

Path = tuple  # ("members", 3, "branch")
_TEXT = "tag:yaml.org,2002:str"
_FLOAT = "tag:yaml.org,2002:float"
_NOT_TEXT = {f"tag:yaml.org,2002:{kind}" for kind in ("null", "bool", "int", "float")}

class _Loader(yaml.SafeLoader):
    """SafeLoader that resolves only what the format needs, the YAML 1.2 way."""


# Plain scalars: keep bool (true/false only), null, decimal int and float; everything else,
# dates, "0317-2720000" and "0317.2721365" included, stays a string for the models to read.
_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag in ("tag:yaml.org,2002:null",)]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:int", re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$"), list("-+0123456789")
)
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^[-+]?(?:(?:0|[1-9][0-9]*)\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$"),  # "0317.2721365" is a phone
    list("-+0123456789."),
)


# The same resolving on libyaml's node tree; None when PyYAML was built without it.
_CLoader: type | None = None
if getattr(yaml, "__with_libyaml__", False):
    class _CLoader(yaml.CSafeLoader):  # type: ignore[no-redef]
        """CSafeLoader that resolves exactly like _Loader."""

    _CLoader.yaml_implicit_resolvers = _Loader.yaml_implicit_resolvers

# Where libyaml and PyYAML part ways: PyYAML refuses a tab almost anywhere outside quotes
# ("a: b<tab>"), PyYAML breaks lines at NEL/LS/PS and libyaml at a lone CR too, libyaml skips
# a BOM at the start of any line (and does not count one in its marks); control characters
# and surrogates are errors either way; tags ("!x", a lone "!") resolve differently; libyaml
# takes a comment right after a block scalar's "|" or ">", PyYAML wants a space first.
_ODD_CHARACTERS = re.compile(r"[\x00-\x09\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]")
_LONE_CR = re.compile(r"\r(?!\n)")
_TAG = re.compile(r"(?:^|[ \[{,:?-])!", re.M)
_BLOCK_HEADER_COMMENT = re.compile(r"[|>][-+0-9]*#")
# The start of a line where block collections can open: indentation and "- ", "? ", ": "
_BLOCK_OPENERS = re.compile(r"^[ \t]*(?:[-?:](?:[ \t]+|(?=\r?$)))*", re.M)
C_MAX_DEPTH = 2_000  # libyaml's composer recurses on the C stack: some 400 bytes a level
PY_MAX_DEPTH = 100  # deeper than this, the Python loader decides (it may run out of recursion)


class _Fallback(Exception):
    """The C path cannot vouch for the answer the Python path would give."""


@dataclass
class SourceMap:
    """Where each key path of a document stands in its file."""

    path: str
    positions: dict[Path, tuple[int, int]] = field(default_factory=dict)
    flow: set[Path] = field(default_factory=set)  # the mappings written on one line, {year: 2017, title: …}
    written: dict[Path, str] = field(default_factory=dict)  # numbers as typed (2021.10, read as 2021.1)
    set_aside: set[int] = field(default_factory=set)  # lines read as empty after their syntax error (see _recovered)

    def at(self, *loc: Any) -> Location:
        """The position of the deepest known prefix of loc."""
        key = tuple(loc)
        while key and key not in self.positions:
            key = key[:-1]
        line, col = self.positions.get(key, (1, 1))
        return Location(self.path, line, col)

    def field_on(self, line: int) -> str | None:
        """The file's own field whose key stands on that line."""
        return next((key[0] for key, (at, _) in self.positions.items() if len(key) == 1 and at == line), None)

    def item_lines(self, line: int) -> range | None:
        """The lines of the record in a file's list (a member, a commitment, a result) that holds
        ``line``; None when it is none of them (a file's own field)."""
        items = sorted(at for path, (at, _) in self.positions.items() if len(path) == 2 and isinstance(path[1], int))
        tops = [at for path, (at, _) in self.positions.items() if len(path) == 1]
        start = max((at for at in items if at <= line), default=None)
        if start is None:
            return None
        end = min([at for at in items + tops if at > start], default=line + 1)
        return range(start, max(end, line + 1)) if not any(start < at <= line for at in tops) else None


@dataclass
class Document:
    data: Any
    source: SourceMap


def parse(text: str, path: str, problems: Problems, first_line: int = 1, fast: bool = True) -> Document | None:
    """Parse one YAML document; None when it cannot be read (the problems say why).

    fast=False always takes the pure-Python loader (the reference the C path is tested against).
    """
    text = report_typography(text, path, problems, first_line - 1, _first_error)
    if text is not None and ("|" in text or ">" in text):
        text = report_block_texts(text, path, problems, first_line - 1, field_names(), markdown_fields())
    return None if text is None else _parse_text(text, path, problems, first_line, fast)


def _parse_text(text: str, path: str, problems: Problems, first_line: int, fast: bool, rounds: int = 0) -> Document | None:
    offset = first_line - 1
    lines = _Lines(text, offset)
    if fast and _CLoader is not None:
        depth = _depth_bound(text)
        if depth is not None:
            try:
                return _parse_c(text, path, problems, lines, depth)
            except Exception:  # anything at all: the Python path gives today's answer or message
                pass
    try:
        loader = _Loader(text)
    except yaml.reader.ReaderError as error:
        return unreadable(error, text, path, problems, offset)
    try:
        node = loader.get_single_node()
        if node is None:
            return Document(None, SourceMap(path))
        if _expanded_size(node, {}) > MAX_NODES:
            problems.add(
                Location(path, lines.of(node.start_mark)[0], 1), "-",
                "文件里的 YAML 别名（&/*）展开后过于庞大，拒绝读取",
                "不要用别名层层嵌套；把内容直接写出来",
            )
            return None
        source = SourceMap(path)
        _walk(node, (), source, problems, lines)
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as error:
        problem = (error.problem or str(error)).strip()
        # an unclosed quote or bracket is found at the end of the file; point where it opened
        opened = error.context_mark is not None and "end of stream" in problem
        mark = error.context_mark if opened else (error.problem_mark or error.context_mark)
        line, col = lines.of(mark) if mark else (first_line, 1)
        near = near_cause(text, line - lines.offset - 1)
        unclosed = _unclosed_bracket(error, problem)
        if near is not None:  # PyYAML notices `scope:门诊` or `-id: x` only on a later line
            number, column, meaning, hint = near
            line, col = number + 1 + lines.offset, column + 1
        elif unclosed is not None:  # `members: [a, b` is noticed on the next line, at its key
            (line, col), (meaning, hint) = lines.of(error.context_mark), unclosed
        else:
            meaning, hint, column = explain(problem, text, line - lines.offset - 1)
            col = col if column is None else column + 1  # the ｛ it blames, not where PyYAML stumbled
        problems.add(Location(path, line, col), key_of_line(text, line - lines.offset - 1), f"YAML 格式错误：{meaning}", hint)
        return _recovered(text, path, problems, first_line, line - lines.offset - 1, rounds)
    except yaml.reader.ReaderError as error:
        return unreadable(error, text, path, problems, offset)
    except (ValueError, IndexError, KeyError, TypeError, OverflowError):  # PyYAML's own, on `!!int ''` and the like
        for bad, where in _unconstructible(loader, node) or [(None, ())]:  # every one: one run reports all
            line, col = lines.of(bad.start_mark) if bad is not None else (first_line, 1)
            shown = f"“{bad.value}”" if bad is not None and isinstance(bad.value, str) and bad.value.strip() else "空值"
            tag = bad.tag.rsplit(":", 1)[-1] if bad is not None else ""
            problems.add(Location(path, line, col), dotted(where), f"YAML 格式错误：{shown}不能按类型标记“!!{tag}”读取",
                         "去掉值前面的“!!…”标记（需要文字时把值用引号括起来）")
        return None
    except yaml.YAMLError as error:
        problems.add(Location(path, first_line, 1), "-", f"YAML 格式错误：{error}")
        return None
    except RecursionError:
        problems.add(Location(path, first_line, 1), "-", "嵌套层次太深，拒绝读取", "内容格式里的列表和键值最多只有几层")
        return None
    finally:
        loader.dispose()
    return Document(data, source)


MAX_SET_ASIDE = 20  # syntax errors of one file read past


def _recovered(text: str, path: str, problems: Problems, first_line: int, failed: int, rounds: int) -> Document | None:
    """After a syntax error: the file read again with the failed line's value set aside (read as
    empty), so that one run reports its other mistakes too, as a compiler goes on after its
    first error. None (the first error alone) when the rest does not read that way: what the
    error hides is not guessed at."""
    aside = set_aside(text, failed) if rounds < MAX_SET_ASIDE else None
    if aside is None:
        return None
    rest, lines = aside
    found = Problems()
    doc = _parse_text(rest, path, found, first_line, fast=True, rounds=rounds + 1)
    if doc is None:
        return None
    aside_lines = {line + first_line for line in lines}
    after = next((number + first_line for number, text in enumerate(rest.split("\n")) if number > max(lines) and text.strip()), None)
    if any(p.where.line == after for p in found.items):
        return None  # a mistake on the very next line: most often this one's echo, not another
    problems.extend(p for p in found.items if p.where.line not in aside_lines)
    doc.source.set_aside |= aside_lines
    return doc


def _first_error(text: str) -> int | None:
    """The 0-based line of the text's first YAML error; None when it reads."""
    loader = _Loader(text)
    try:
        loader.get_single_node()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        return mark.line if mark is not None else 0
    except (yaml.YAMLError, RecursionError):
        return 0
    finally:
        loader.dispose()
    return None


def _depth_bound(text: str) -> int | None:
    """An upper bound of the nesting libyaml may reach; None when libyaml should not see the text.

    Block collections open only in a line's leading indentation and "- ", "? ", ": " indicators,
    each nested one further right (an indentless "- " list shares its mapping's column), and
    every flow collection needs its own "[" or "{".
    """
    if _ODD_CHARACTERS.search(text) or ("\r" in text and _LONE_CR.search(text)):
        return None
    if ("!" in text and _TAG.search(text)) or ("#" in text and _BLOCK_HEADER_COMMENT.search(text)):
        return None
    if "?" in text and ("[" in text or "{" in text):
        return None  # in [..] and {..}, libyaml reads "x?y" as one scalar, PyYAML as a key
    columns = max(map(len, _BLOCK_OPENERS.findall(text)))
    depth = 2 * (columns + 1) + text.count("[") + text.count("{") + 1
    return depth if depth <= C_MAX_DEPTH else None


def _parse_c(text: str, path: str, problems: Problems, lines: _Lines, depth: int) -> Document | None:
    """parse() with libyaml composing the nodes; raises when the Python path must decide."""
    # The cyclic GC would rescan the growing tree again and again: without it libyaml's
    # composing is some four times faster (an alias inside its own anchor waits for the next run).
    collecting = gc.isenabled()
    gc.disable()
    try:
        loader = _CLoader(text)
        try:
            node = loader.get_single_node()
            if node is None:
                return Document(None, SourceMap(path))
            # without aliases a file holds at most some 1.5 nodes a character ("?" alone is three)
            aliased = "*" in text
            if (aliased or 3 * len(text) > MAX_NODES) and _expanded_size(node, {}) > MAX_NODES:
                raise _Fallback("alias bomb")  # the Python path reports it, in its words
            # past PY_MAX_DEPTH the Python path may run out of recursion; aliases nest unseen in the text
            if (aliased or depth > PY_MAX_DEPTH) and _height(node, {}) > PY_MAX_DEPTH:
                raise _Fallback("deep nesting")
            found = Problems()  # kept apart until the whole file is read, so a fallback adds none twice
            source = SourceMap(path)
            _walk(node, (), source, found, lines)
            data = loader.construct_document(node)
        finally:
            loader.dispose()
    finally:
        if collecting:
            gc.enable()
    problems.extend(found.items)
    return Document(data, source)


def _height(node: yaml.Node, memo: dict[int, int]) -> int:
    """How deep _walk will recurse from node, aliases followed (linear in the graph)."""
    if isinstance(node, yaml.ScalarNode):
        return 1
    known = memo.get(id(node))
    if known is not None:
        return known
    memo[id(node)] = MAX_NODES  # an alias inside its own anchor: _walk would never end
    children = node.value if isinstance(node, yaml.SequenceNode) else [n for pair in node.value for n in pair]
    height = 1 + max((_height(child, memo) for child in children), default=0)
    memo[id(node)] = height
    return height


def _unconstructible(loader: yaml.SafeLoader, root: yaml.Node) -> list[tuple[yaml.Node, Path]]:
    """Every scalar whose explicit tag PyYAML cannot construct (it raises plain Python errors), with its key path."""
    found, queue = [], [(root, ())]
    while queue:
        node, path = queue.pop(0)
        if isinstance(node, yaml.ScalarNode):
            try:
                loader.construct_object(node, deep=True)
            except Exception:
                found.append((node, path))
        elif isinstance(node, yaml.SequenceNode):
            queue.extend((item, path + (index,)) for index, item in enumerate(node.value))
        elif isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                name = key.value if isinstance(key, yaml.ScalarNode) else "?"
                queue.extend([(key, path), (value, path + (name,))])
    return sorted(found, key=lambda item: (item[0].start_mark.line, item[0].start_mark.column))  # in file order


def _unclosed_bracket(error: yaml.MarkedYAMLError, problem: str) -> tuple[str, str] | None:
    """(meaning, hint) when a [ or { opened on an earlier line than the one PyYAML gave up on:
    almost always its closing bracket is missing."""
    opened, failed = error.context_mark, error.problem_mark
    if opened is None or failed is None or failed.line <= opened.line:
        return None
    for close, name in (("]", "方括号"), ("}", "花括号")):
        if f"expected ',' or '{close}'" in problem:
            open_ = "[" if close == "]" else "{"
            return (f"这一行的{name}“{open_}”没有配对的“{close}”",
                    f"在这一项的末尾加上“{close}”；值里有冒号“:”或逗号“,”时，把这个值用引号括起来")
    return None


def _expanded_size(node: yaml.Node, memo: dict[int, int]) -> int:
    """How many nodes the document holds once aliases are expanded (linear in the graph)."""
    known = memo.get(id(node))
    if known is not None:
        return known
    memo[id(node)] = 1  # guards against recursive aliases
    size = 1
    if isinstance(node, yaml.SequenceNode):
        for item in node.value:
            size += _expanded_size(item, memo)
            if size > MAX_NODES:
                break
    elif isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            size += _expanded_size(key, memo) + _expanded_size(value, memo)
            if size > MAX_NODES:
                break
    memo[id(node)] = size
    return size


def _merge(node: yaml.MappingNode, path: Path, source: SourceMap, problems: Problems, lines: "_Lines") -> None:
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


def _lists_joined(node: yaml.MappingNode, path: Path, source: SourceMap, problems: Problems, lines: "_Lines") -> None:
    """`members:` written a second time further down, over the rest of the list: YAML would keep
    the second half only, and every record naming the first half would be "not found". Both
    halves are read, as one list; the second key is the one error."""
    first: dict[str, tuple[yaml.Node, int]] = {}  # the list under each key, and the key's line
    for pair in list(node.value):
        key_node, value_node = pair
        if not isinstance(key_node, yaml.ScalarNode) or not isinstance(value_node, yaml.SequenceNode) or value_node.flow_style:
            continue
        line, col = lines.of(key_node.start_mark)
        if key_node.value not in first:
            first[key_node.value] = (value_node, line)
            continue
        earlier, earlier_line = first[key_node.value]
        problems.add(Location(source.path, line, col), dotted(path + (key_node.value,)),
                     f"“{key_node.value}:”写了两次（第 {earlier_line} 行已经有了），两段列表已合在一起读",
                     f"删掉这一行的“{key_node.value}:”，让下面的各项接在上一段后面（“- ”对齐）")
        earlier.value.extend(value_node.value)
        node.value.remove(pair)


class _Lines:
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
_FOLDED_ITEM = re.compile(r"\n([ \t]*)-[ \t]")  # a continuation line that starts like a list item
_COMMENT_CUT = re.compile(r"[ \t](#[^\s#][^\n]*)")


def _item_folded_in(node: yaml.ScalarNode, written: str, path: Path, source: SourceMap, problems: Problems,
                    lines: _Lines) -> None:
    """A list item indented further than the one above (`   - 收集意见` under `  - 巡查`) is no item:
    YAML folds it into the text above, and "巡查 - 收集意见" would be published and printed as one."""
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
                         f"这一行以“- ”开头，YAML 把它并进了“{key}”前面的文字：会印成“{shown}”",
                         f"{split}；如果“- ”本来就是文字，把整个值用引号括起来")
        return


_CJK = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\U00020000-\U0003ffff"
_CJK_BREAK = re.compile(rf"[{_CJK}][ \t]*\n[ \t]*(?=\S)|\S[ \t]*\n[ \t]*(?=[{_CJK}])")


def _lines_joined(node: yaml.ScalarNode, written: str, path: Path, source: SourceMap, problems: Problems,
                  lines: _Lines, in_flow: bool) -> None:
    """Plain text over two lines is one value, the lines joined by a space. A list item so written
    is two items with the second's "- " missing ("植被养护 环境保洁" would be printed as one duty);
    elsewhere, Chinese wrapped to the next line is read as the editor meant it, with no space."""
    if "\n\n" in re.sub(r"[ \t]+", "", written) or _FOLDED_ITEM.search(written):
        return  # a blank line is a line break YAML keeps; "- " on the next line is _item_folded_in's
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
        joined = parts[0]
        for part in parts[1:]:
            cjk = re.match(rf"[{_CJK}]", joined[-1:]) or re.match(rf"[{_CJK}]", part[:1])
            joined += part if cjk else " " + part
        node.value = joined


def _walk(node: yaml.Node, path: Path, source: SourceMap, problems: Problems, lines: _Lines, in_flow: bool = False) -> None:
    """Record positions of keys and items; report duplicate keys (naming both lines); resolve merge keys."""
    if isinstance(node, yaml.ScalarNode) and node.tag == _FLOAT:
        source.written[path] = node.value  # an id 2021.10 is said as written, not as the float 2021.1
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
            _walk(value_node, path + (key,), source, problems, lines)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            source.positions[path + (index,)] = lines.of(item.start_mark)
            _walk(item, path + (index,), source, problems, lines, bool(node.flow_style))
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
