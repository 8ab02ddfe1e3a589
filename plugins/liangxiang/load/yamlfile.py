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

import gc
import re
from dataclasses import dataclass, field, replace
from typing import Any

import yaml

from ..fields import field_names, markdown_fields
from ..problems import Location, Problems, dotted
from .nodes import Lines, Path, walk
from .recovery import set_aside
from .typography import report_block_texts, report_typography
from .yamlbounds import MAX_NODES, PY_MAX_DEPTH, depth_bound, expanded_size, first_too_large, height, inside_itself, too_deep_at
from .yamlcause import near_cause
from .yamlhints import explain, key_of_line, unreadable


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


def _not_binary(loader: yaml.SafeLoader, node: yaml.Node) -> None:
    """`!!binary 5byg5Lyf` would be read as the bytes of another text (张伟 for a name): said as
    any tag it cannot read is (audit AD)."""
    raise ValueError("!!binary")


_Loader.add_constructor("tag:yaml.org,2002:binary", _not_binary)

# The same resolving on libyaml's node tree; None when PyYAML was built without it.
_CLoader: type | None = None
if getattr(yaml, "__with_libyaml__", False):
    class _CLoader(yaml.CSafeLoader):  # type: ignore[no-redef]
        """CSafeLoader that resolves exactly like _Loader."""

    _CLoader.yaml_implicit_resolvers = _Loader.yaml_implicit_resolvers


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
    merged_ids: dict[Path, str] = field(default_factory=dict)  # a record's path -> the id of the one merged into it (no "- ")
    said: set[int] = field(default_factory=set)  # lines whose value's mistake the loader said (see parse): nothing more is said there

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


def parse(text: str, path: str, problems: Problems, first_line: int = 1, fast: bool = True, tabs_read: bool = True) -> Document | None:
    """Parse one YAML document; None when it cannot be read (the problems say why).

    fast=False always takes the pure-Python loader (the reference the C path is tested against).
    tabs_read=False: a tab between words is an error, as PyYAML (and so MkDocs) has it.
    """
    said_before = len(problems.items)
    text = report_typography(text, path, problems, first_line - 1, _first_error, tabs_read)
    if text is not None and ("|" in text or ">" in text):
        text = report_block_texts(text, path, problems, first_line - 1, field_names(), markdown_fields())
    document = None if text is None else _parse_text(text, path, problems, first_line, fast)
    if document is not None and len(problems.items) > said_before:
        _whole_paths(problems, said_before, document.source)
    return document


def _whole_paths(problems: Problems, start: int, source: SourceMap) -> None:
    """The text's own mistakes (name：张伟 with a full-width colon) and its syntax errors are said
    before YAML reads it, at the key or item alone (post, honors[1]): once read, at its whole
    path, members[2].name, as every other error is."""
    on_line: dict[int, list[tuple[int, Path, str]]] = {}
    for path, (line, col) in source.positions.items():
        if len(path) > 1:
            on_line.setdefault(line, []).append((col, path, dotted(path)))
    for index in range(start, len(problems.items)):
        problem = problems.items[index]
        if problem.where.path != source.path:
            continue
        found = [(col, path) for col, path, said in on_line.get(problem.where.line, ()) if said.endswith("." + problem.field)]
        if not found and (item := re.fullmatch(r"(\w+)(\[\d+\].*)", problem.field)):
            # honors[1] on a line set aside, read as nothing: the list it is an item of, written above it
            lists = [(line, path) for line in range(problem.where.line - 1, 0, -1) for col, path, said in on_line.get(line, ())
                     if said.endswith("." + item.group(1))]
            if lists:
                problems.items[index] = replace(problem, field=dotted(lists[0][1]) + item.group(2))
            continue
        if not found:
            continue
        # of [{year: …}, {year: …}] on one line, the key nearest before the mistake's column; of the
        # indentation before a key, the line's first
        before = [key for key in found if key[0] <= problem.where.col]
        problems.items[index] = replace(problem, field=dotted((max(before) if before else min(found))[1]))


def _parse_text(text: str, path: str, problems: Problems, first_line: int, fast: bool, rounds: int = 0) -> Document | None:
    offset = first_line - 1
    lines = Lines(text, offset)
    if fast and _CLoader is not None:
        depth = depth_bound(text)
        if depth is not None:
            try:
                return _parse_c(text, path, problems, lines, depth)
            except Exception:  # anything at all: the Python path gives today's answer or message
                pass
    try:
        loader = _Loader(text)
    except yaml.reader.ReaderError as error:
        return unreadable(error, text, path, problems, offset)
    source = None
    try:
        node = loader.get_single_node()
        if node is None:
            return Document(None, SourceMap(path))
        if expanded_size(node, {}) > MAX_NODES:
            problems.add(
                Location(path, lines.of(first_too_large(node).start_mark)[0], 1), "-",
                "文件里的 YAML 别名（&/*）展开后过于庞大，拒绝读取",
                "不要用别名层层嵌套；把内容直接写出来",
            )
            return None
        looped = inside_itself(node) if "*" in text else None
        if looped is not None:
            _said_inside_itself(looped, text, path, problems, lines)
            return None
        source = SourceMap(path)
        walk(node, (), source, problems, lines)
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as error:
        problem = (error.problem or str(error)).strip()
        # an unclosed quote or bracket is found at the end of the file; point where it opened
        opened = error.context_mark is not None and "end of stream" in problem
        mark = error.context_mark if opened else (error.problem_mark or error.context_mark)
        line, col = lines.of(mark) if mark else (first_line, 1)
        near = near_cause(text, line - lines.offset - 1)
        unclosed = _unclosed_bracket(error, problem, text)
        if near is not None:  # PyYAML notices `scope:门诊` or `-id: x` only on a later line
            number, column, meaning, hint = near
            line, col = number + 1 + lines.offset, column + 1
        elif unclosed is not None:  # `members: [a, b` is noticed on the next line, at its key
            opener, meaning, hint = unclosed
            line, col = lines.of(opener)
        else:
            meaning, hint, column = explain(problem, text, line - lines.offset - 1)
            col = col if column is None else column + 1  # the ｛ it blames, not where PyYAML stumbled
        problems.add(Location(path, line, col), key_of_line(text, line - lines.offset - 1), f"YAML 格式错误：{meaning}", hint)
        return _recovered(text, path, problems, first_line, line - lines.offset - 1, rounds)
    except yaml.reader.ReaderError as error:
        return unreadable(error, text, path, problems, offset)
    except (ValueError, IndexError, KeyError, TypeError, OverflowError):  # PyYAML's own, on `!!int ''` and the like
        found = _unconstructible(loader, node)
        for bad, where in found or [(None, ())]:  # every one: one run reports all
            if bad is not None and not _TAG_WRITTEN.match(text, bad.start_mark.index):
                continue  # a number past Python's 4,300 digits, no tag written: read as text, its field's check says what it should be
            line, col = lines.of(bad.start_mark) if bad is not None else (first_line, 1)
            value = bad.value if bad is not None and isinstance(bad.value, str) else ""
            shown = f"“{value[:30]}……”" if len(value) > 30 else f"“{value}”" if value.strip() else "空值"
            tag = ("" if bad is None else "!!" + bad.tag.removeprefix("tag:yaml.org,2002:") if bad.tag.startswith("tag:yaml.org,2002:")
                   else bad.tag if bad.tag.startswith("!") else f"!<{bad.tag}>")  # !custom, !<tag:example.com,2000:x>
            problems.add(Location(path, line, col), dotted(where), f"YAML 格式错误：{shown}不能按类型标记“{tag}”读取",
                         f"去掉值前面的“{tag or '!!…'}”标记（需要文字时把值用引号括起来）")
            if bad is not None and source is not None:
                source.said.add(line)  # its field's check of the text read in its place would say the same mistake again
        if not found or source is None:
            return None
        for bad, _ in found:  # the rest of the file is still checked: each such value is read as the text it is
            bad.tag = "tag:yaml.org,2002:str"
        loader.constructed_objects, loader.recursive_objects, loader.state_generators = {}, {}, []
        try:
            data = loader.construct_document(node)
        except (ValueError, IndexError, KeyError, TypeError, OverflowError, yaml.YAMLError):
            return None
    except yaml.YAMLError as error:
        problems.add(Location(path, first_line, 1), "-", f"YAML 格式错误：{error}")
        return None
    except RecursionError:
        line, col = lines.of(mark) if (mark := too_deep_at(text, PY_MAX_DEPTH)) is not None else (first_line, 1)
        problems.add(Location(path, line, col), "-", "嵌套层次太深，拒绝读取", "内容格式里的列表和键值最多只有几层：检查这里的括号“[”“{”或缩进")
        return None
    finally:
        loader.dispose()
    return Document(data, source)


_ANCHOR = re.compile(r"&([^\s,\[\]{}]+)")


def _said_inside_itself(node: yaml.Node, text: str, path: str, problems: Problems, lines: Lines) -> None:
    """`slogan: &a [*a]` said at its anchor, in its names (not as nesting too deep at 1:1)."""
    line, col = lines.of(node.start_mark)
    anchor = _ANCHOR.match(text, node.start_mark.index)
    name = anchor.group(1) if anchor else "…"
    problems.add(Location(path, line, col), key_of_line(text, line - lines.offset - 1),
                 f"YAML 格式错误：别名“*{name}”写在了它自己的锚点“&{name}”里面，读出来会无限循环",
                 f"去掉里面的“*{name}”，把要写的内容直接写出来")


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


_TAG_WRITTEN = re.compile(r"(?:&\S+\s+)?!")  # at a node's start: a tag, maybe after its anchor (&j !!int '')


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


def _parse_c(text: str, path: str, problems: Problems, lines: Lines, depth: int) -> Document | None:
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
            if (aliased or 3 * len(text) > MAX_NODES) and expanded_size(node, {}) > MAX_NODES:
                raise _Fallback("alias bomb")  # the Python path reports it, in its words
            # past PY_MAX_DEPTH the Python path may run out of recursion; aliases nest unseen in the text
            if (aliased or depth > PY_MAX_DEPTH) and height(node, {}) > PY_MAX_DEPTH:
                raise _Fallback("deep nesting")
            found = Problems()  # kept apart until the whole file is read, so a fallback adds none twice
            source = SourceMap(path)
            walk(node, (), source, found, lines)
            data = loader.construct_document(node)
        finally:
            loader.dispose()
    finally:
        if collecting:
            gc.enable()
    problems.extend(found.items)
    return Document(data, source)


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


def _unclosed_bracket(error: yaml.MarkedYAMLError, problem: str, text: str) -> tuple[yaml.Mark, str, str] | None:
    """(where it opened, meaning, hint) when a [ or { opened on an earlier line than the one PyYAML
    gave up on: almost always its closing bracket is missing, or the bracket is doubled ({{)."""
    failed = error.problem_mark
    if failed is None:
        return None
    opened = error.context_mark
    if opened is None or failed.line <= opened.line or not any(f"expected ',' or '{close}'" in problem for close in "]}"):
        opened = _left_open(text, failed)
    if opened is None:
        return None
    open_ = text[opened.index] if opened.index < len(text) else ""
    if open_ not in "[{":
        return None
    close, name = ("]", "方括号") if open_ == "[" else ("}", "花括号")
    if text[opened.index + 1:opened.index + 2] == open_:  # - {{year: 2021, …}
        return opened, f"这一行的{name}“{open_}”多写了一个", f"删掉一个“{open_}”，一项只用一对{name}"
    return (opened, f"这一行的{name}“{open_}”没有配对的“{close}”",
            f"在这一项的末尾加上“{close}”；值里有冒号“:”或逗号“,”时，把这个值用引号括起来")


def _left_open(text: str, failed: yaml.Mark) -> yaml.Mark | None:
    """Where the innermost [ or { still open at the failure opened, when that is an earlier line
    and the failure is a block's "- " (`tags: [a, b,` whose next lines go on as the file's lists)."""
    line = text.split("\n")[failed.line] if failed.line < text.count("\n") + 1 else ""
    if not line.lstrip().startswith("-"):
        return None  # a list of a few lines, [a,\n b], with another mistake in it: not blamed on its bracket
    open_: list[yaml.Mark] = []
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            if token.start_mark.index >= failed.index:
                break
            if isinstance(token, (yaml.FlowSequenceStartToken, yaml.FlowMappingStartToken)):
                open_.append(token.start_mark)
            elif isinstance(token, (yaml.FlowSequenceEndToken, yaml.FlowMappingEndToken)) and open_:
                open_.pop()
    except yaml.YAMLError:
        pass
    return open_[-1] if open_ and open_[-1].line < failed.line else None
