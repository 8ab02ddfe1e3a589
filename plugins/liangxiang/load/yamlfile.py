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

from ..problems import Location, Problems, dotted

MAX_NODES = 1_000_000  # nodes after expanding aliases; a billion-laughs file has far more

Path = tuple  # ("members", 3, "branch")
_TEXT = "tag:yaml.org,2002:str"
_NOT_TEXT = {f"tag:yaml.org,2002:{kind}" for kind in ("null", "bool", "int", "float")}

_FULLWIDTH_COLON_KEY = re.compile(r"(?:^[ \t]*(?:-[ \t]+)*|[{,][ \t]*)([A-Za-z_Ａ-Ｚａ-ｚ＿][A-Za-z0-9_Ａ-Ｚａ-ｚ０-９＿]*)[ \t]*(：)")  # ｓｃｏｐｅ：, typed in full-width mode
_LEADING_WS = re.compile(r"^[ \t]*")
# a key or list item indented with full-width or no-break spaces (text in a block scalar may
# start with them: a Chinese paragraph's indent; text there rarely starts like a key)
_ODD_INDENT = re.compile(r"^[ \t\u3000\u00a0]*[\u3000\u00a0][ \t\u3000\u00a0]*(?=-[ \t]|[A-Za-z_][A-Za-z0-9_]*[ \t]*[:：])")
_ODD_SPACE_AFTER_KEY = re.compile(r"(^[ \t]*(?:-[ \t]+)*[A-Za-z_][A-Za-z0-9_]*:)([\u3000\u00a0])")
_SPACE_NAMES = {"\u3000": "全角空格", "\u00a0": "不间断空格"}


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

    def at(self, *loc: Any) -> Location:
        """The position of the deepest known prefix of loc."""
        key = tuple(loc)
        while key and key not in self.positions:
            key = key[:-1]
        line, col = self.positions.get(key, (1, 1))
        return Location(self.path, line, col)


@dataclass
class Document:
    data: Any
    source: SourceMap


# PyYAML's problem (a phrase of it, or a tuple of phrases) -> what it means in an editor's words,
# and how to fix it (first match wins)
_YAML_PROBLEMS = [
    ("mapping values are not allowed here", "这里多了一个冒号“:”",
     "值里面有冒号时，把整个值用引号括起来，例如 note: \"时间: 8:00\"；也检查这一行的缩进"),
    ("could not find expected ':'", "这一行少了冒号“:”", "写成“字段: 值”（半角冒号，后面加空格）；也可能是上一行的引号没有配对"),
    ("expected ',' or '}'", "花括号 {…} 里的写法不对",
     "值里有冒号“:”或逗号“,”时，把这个值用引号括起来，例如 {zone: a, score: 90, note: \"及时: 好\"}；也检查花括号有没有配对"),
    ("expected ',' or ']'", "方括号 […] 里的写法不对", "值里有冒号“:”或逗号“,”时，把这个值用引号括起来；也检查方括号有没有配对"),
    ("did not find expected key", "缩进没有对齐", "检查这一行和上一行开头的空格数"),
    ("did not find expected '-' indicator", "列表的项没有对齐", "列表的每一项都要以“- ”开头，并且上下对齐"),
    ("expected <block end>", "缩进没有对齐", "同一层的字段开头的空格数要一样；“- ”列表和“字段: 值”不能混在同一层"),
    ("expected alphabetic or numeric character", "值以 * 或 & 开头，YAML 把它当成特殊符号",
     "把整个值用引号括起来，例如 slogan: \"**一声问候**\"（加粗只在正文等 Markdown 字段里有用）"),
    ("found undefined alias", "用到了没有定义的别名“*…”", "以 * 开头的值要用引号括起来"),
    ("found unexpected end of stream", "引号或括号没有配对，到文件末尾也没有结束", "从这一行开始找没有配对的引号或括号"),
    ("found unknown escape character", "双引号里的反斜杠“\\”用法不对", "把 \\ 写成 \\\\，或者改用单引号"),
    ("found character '\\t' that cannot start", "这里有一个制表符（Tab），多半是从表格里复制来的", "把 Tab 换成一个空格"),
    (("that cannot start any token", "expected URI"), "这个值的第一个字符不能直接写", "以 @、`、%、&、*、! 等符号开头的值，要用引号括起来"),
    (("but found another document", "expected '<document start>'"), "文件中间出现了“---”或“...”",
     "一个文件只写一份内容：删掉中间的这一行"),
    ("sequence entries are not allowed here", "“- ”不能写在“字段:”的同一行",
     "列表的每一项另起一行、缩进两个空格、以“- ”开头；不是列表的话删掉“- ”"),
    ("expected a comment or a line break", "“|”或“>”后面不能接着写文字",
     "多行文字从下一行开始写，每行缩进两个空格；只有一行的话删掉“|”或“>”"),
    ("indentation indicator", "值以“|”或“>”开头，YAML 把它当成了多行文字的标记",  # "expected chomping or indentation indicators"
     "值本身以 | 或 > 开头时用引号括起来；多行文字写“字段: |”，从下一行开始写"),
    ("expected the node content", "这里少了内容：逗号、冒号或括号的位置不对",
     "检查这一行的逗号“,”、冒号“:”和括号；值里有这些符号时，把值用引号括起来"),
    ("mapping keys are not allowed here", "值以“? ”开头，YAML 把它当成了特殊符号", "把整个值用引号括起来"),
    ("node, but found", "类型标记“!!…”用错了地方", "去掉以 ! 或 !! 开头的标记"),  # "expected a scalar node, but found mapping"
    ("found unhashable key", "字段名的写法不对：一行不能以“?”、“[”或“{”开头",
     "每行写成“字段: 值”；以 [ 或 { 开头的文字要用引号括起来"),
    ("could not determine a constructor for the tag", "值前面有一个不认识的标记“!…”",
     "去掉以 ! 或 !! 开头的标记；值本身以 ! 开头时，把整个值用引号括起来"),
]


def decode(raw: bytes, path: str, problems: Problems) -> str | None:
    """UTF-8 text (a byte-order mark is fine), or a problem that says how to fix the file."""
    before = len(problems.items)
    text = _decode(raw, path, problems)
    if text is None and len(problems.items) == before:  # never drop a file without saying so
        problems.add(Location(path), "-", "文件无法按 UTF-8 读取", "把文件另存为 UTF-8 编码再提交")
    return text


def _decode(raw: bytes, path: str, problems: Problems) -> str | None:
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        if _mixed_lines(raw, path, problems):
            return None
        line = raw.count(b"\n", 0, error.start) + 1
        col = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        utf16 = raw.startswith((b"\xff\xfe", b"\xfe\xff")) or raw[1:200:2].count(0) > 20 or raw[:200:2].count(0) > 20
        guess = ("是 UTF-16 编码（Windows 记事本的“Unicode”）" if utf16 else
                 "看起来是 GBK/GB2312 编码（Windows 记事本、WPS 常见）" if _is_gbk(raw) else "不是 UTF-8 编码")
        problems.add(
            Location(path, line, col), "-", f"文件{guess}，无法按 UTF-8 读取",
            "把文件另存为 UTF-8 编码再提交（VS Code：点窗口右下角的编码名，"
            + ("“通过编码保存”选 UTF-8" if utf16 else "先“通过编码重新打开”选 GBK，再“通过编码保存”选 UTF-8")
            + "；记事本：“另存为”时编码选 UTF-8）",
        )
        return None
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        problems.add(Location(path, line, 1), "-", "文件里有空字符（NUL），这不是一个文本文件", "请用文本编辑器重新保存")
        return None
    return text


# Characters no text means and no one sees: terminal escapes, bells, form feeds from copied
# text, and the bidi overrides and isolates that show a line in another order than it is written.
CONTROLS = re.compile("[\x01-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def report_controls(text: str, path: str, problems: Problems, field: str = "-", first_line: int = 1) -> None:
    """Each line of Markdown holding such characters, once (YAML's reader refuses most of them
    itself, and _walk the rest); the text is still read, so that one run says all."""
    reported = set()
    for found in CONTROLS.finditer(text):
        line = text.count("\n", 0, found.start()) + first_line
        if line in reported:
            continue
        reported.add(line)
        start = text.rfind("\n", 0, found.start()) + 1
        problems.add(Location(path, line, found.start() - start + 1), field,
                     f"这里有一个看不见的控制字符（U+{ord(found.group()):04X}）",
                     "多半是从别处复制来的：删掉它（可以把这一段删了重新打字）；它在网页上不显示，或会把文字顺序颠倒")


def _mixed_lines(raw: bytes, path: str, problems: Problems) -> bool:
    """A UTF-8 file with a few lines pasted in GBK: each such line, shown as GBK reads it.
    Converting the whole file would garble the rest, so the hint is to retype those lines."""
    bad, good = [], False
    for number, line in enumerate(raw.split(b"\n"), start=1):
        try:
            text = line.decode("utf-8")
        except UnicodeDecodeError:
            bad.append((number, line))
            continue
        good = good or not text.isascii()
    if not bad or not good or not all(_is_gbk(line) for _, line in bad):
        return False
    for number, line in bad:
        shown = line.decode("gb18030").strip()
        shown = shown if len(shown) <= 30 else shown[:29] + "…"
        problems.add(Location(path, number, 1), "-", f"这一行（“{shown}”）是别的编码（GBK）的文字，和文件其余部分（UTF-8）不一样",
                     "多半是从别的文件或软件粘贴来的：删掉这一行的文字重新输入；不要转换整个文件的编码，其余部分是对的")
    return True


def _is_gbk(raw: bytes) -> bool:
    try:
        raw.decode("gb18030")
    except UnicodeDecodeError:
        return False
    return True


def parse(text: str, path: str, problems: Problems, first_line: int = 1, fast: bool = True) -> Document | None:
    """Parse one YAML document; None when it cannot be read (the problems say why).

    fast=False always takes the pure-Python loader (the reference the C path is tested against).
    """
    offset = first_line - 1
    text = _report_typography(text, path, problems, offset)
    if text is None:
        return None
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
        return _unreadable(error, text, path, problems, offset)
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
        near = _near_cause(text, line - lines.offset - 1)
        if near is not None:  # PyYAML notices `scope:门诊` or `-id: x` only on a later line
            number, column, meaning, hint = near
            line, col = number + 1 + lines.offset, column + 1
        else:
            meaning, hint = next(((m, h) for keys, m, h in _YAML_PROBLEMS
                                  if any(key in problem for key in ((keys,) if isinstance(keys, str) else keys))), (
                "这一行的写法读不懂", f"对照上下几行检查冒号、引号、括号和缩进（YAML 的原话：{problem}）"))
            hint = _curly_quotes(text, line - lines.offset - 1) or _comma_before_key(text, line - lines.offset - 1) or hint
        problems.add(Location(path, line, col), _key_of_line(text, line - lines.offset - 1), f"YAML 格式错误：{meaning}", hint)
        return None
    except yaml.reader.ReaderError as error:
        return _unreadable(error, text, path, problems, offset)
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


def _comma_before_key(text: str, index: int) -> str:
    """{date: 2026-03-20，text: …}: a full-width comma where a field ends; quoting the value, as
    the general hint says, would publish "2026-03-20，text: …" as the date."""
    line = text.split("\n")[index] if 0 <= index < text.count("\n") + 1 else ""
    found = re.search(r"，\s*([A-Za-z_]+)\s*[:：]", line)
    return f"“{found.group(1)}”前面的逗号是全角的“，”：改成半角逗号加空格“, ”" if found else ""


def _curly_quotes(text: str, index: int) -> str:
    """The hint for a value quoted with “…” or ‘…’ (Word and Chinese input methods): YAML sees no
    quotes there, so a colon or comma inside still ends the value."""
    lines = text.splitlines()
    line = lines[index] if 0 <= index < len(lines) else ""
    found = re.search(r"(?:^|[:,{\[-])\s*([“‘])", line)
    if not found:
        return ""
    return curly_quotes_hint(found.group(1))


def curly_quotes_hint(quote: str) -> str:
    pair = "‘ ’" if quote in "‘’" else "“ ”"
    return f"这里用的是中文引号 {pair}，YAML 不把它当引号：把值两边换成英文引号，例如 text: \"完工，时间: 6月15日\""


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


_NO_SPACE_AFTER_COLON = re.compile(r"^(\s*(?:-\s+)?)([A-Za-z_][\w-]*):(?=[^\s/])")
_NO_SPACE_AFTER_DASH = re.compile(r"^(\s*)-(?=[A-Za-z_\u3400-\u9fff])")
_DOCUMENT_MARK = re.compile(r"^(---|\.\.\.)\s*$")
# `key: value` with its value on the line (so nothing may be nested under it), and a key line
_KEY_WITH_VALUE = re.compile(r"^( *)((?:- +)?)([A-Za-z_][\w-]*): +[^\s|>#&*]")
_INDENTED_KEY = re.compile(r"^( +)([A-Za-z_][\w-]*):(?: |$)")
_KEY_OF_LINE = re.compile(r"^\s*(?:-\s+)*([A-Za-z_][\w-]*)\s*:(?:\s|$)")
# a value that opens with a quote or a bracket and goes on after it closes: `scope: "办事"最多跑一次`,
# `name: [重点]花园`; YAML reads the quoted or bracketed part as the whole value
_VALUE_START = r"^(\s*(?:-\s+)?(?:[A-Za-z_][\w-]*:\s+)?)"
_QUOTED_THEN_MORE = re.compile(_VALUE_START + r"""(["'])([^"'\n]*)\2[ \t]*([^\s#,:\]}].*)$""")
_BRACKETED_THEN_MORE = re.compile(_VALUE_START + r"([\[{][^\]}\n]*[\]}])[ \t]*([^\s#,:\]}].*)$")


def _near_cause(text: str, failed: int) -> tuple[int, int, str, str] | None:
    """(line, column, meaning, hint), from 0, of a mistake on the failed line or the two before it
    that PyYAML reads as text and reports only further on."""
    lines = text.split("\n")
    for number in range(min(failed, len(lines) - 1), max(-1, failed - 3), -1):
        line = lines[number]
        if (found := _NO_SPACE_AFTER_COLON.match(line)) is not None:
            key = found.group(2)
            return (number, found.end(), f"“{key}”后面的冒号要跟一个空格",
                    f"写成“{key}: {line[found.end():].strip()[:20]}”（半角冒号，后面加空格）")
        if (found := _NO_SPACE_AFTER_DASH.match(line)) is not None:
            return (number, found.end() - 1, "列表的短横线“-”后面要有一个空格",
                    f"写成“- {line[found.end():].strip()[:20]}”")
        if 0 < number < failed and _DOCUMENT_MARK.match(line):  # PyYAML names the line after a "..."
            return number, 0, "文件中间出现了“---”或“...”", "一个文件只写一份内容：删掉这一行"
        if number == failed and (over := _over_indented(lines, number)) is not None:
            return over
        if number == failed and (found := _QUOTED_THEN_MORE.match(line)) is not None:
            prefix, inner, rest = found.group(1), found.group(3), found.group(4).rstrip()
            return (number, found.start(2), "引号只能把整个值括起来，这里引号后面还有文字",
                    f"文字里的引号用中文引号：写成 {prefix.strip()} “{inner}”{rest}"[:80])
        if number == failed and (found := _BRACKETED_THEN_MORE.match(line)) is not None:
            prefix, value = found.group(1), line[found.start(2):].rstrip()
            quote = "'" if '"' in value else '"'
            return (number, found.start(2), f"值以“{found.group(2)[0]}”开头，YAML 把它当成了{'列表' if found.group(2)[0] == '[' else '“字段: 值”'}",
                    f"把整个值用引号括起来：写成 {prefix.strip()} {quote}{value}{quote}"[:80])
    return None


def _over_indented(lines: list[str], number: int) -> tuple[int, int, str, str] | None:
    """A field indented deeper than the `key: value` line above it, where nothing can be nested:
    PyYAML reads it as more of that value and complains of a colon."""
    found = _INDENTED_KEY.match(lines[number])
    above = next((line for line in reversed(lines[:number]) if line.strip() and not line.lstrip().startswith("#")), "")
    parent = _KEY_WITH_VALUE.match(above)
    if found is None or parent is None:
        return None
    extra = len(found.group(1)) - len(parent.group(1)) - len(parent.group(2))
    if extra <= 0:
        return None
    return (number, 0, f"“{found.group(2)}”比上一行的“{parent.group(3)}”多缩进了 {extra} 个空格",
            f"同一层的字段要上下对齐：删掉“{found.group(2)}”前面多出的 {extra} 个空格")


def _key_of_line(text: str, index: int) -> str:
    """The field named on a line that YAML cannot read ("scope" of `scope: !花园`), or "-"; the file has
    no structure yet, so the name as written is all there is."""
    lines = text.split("\n")
    found = _KEY_OF_LINE.match(lines[index]) if 0 <= index < len(lines) else None
    return found.group(1) if found else "-"


def _unreadable(error, text: str, path: str, problems: Problems, offset: int) -> None:
    """A control character YAML does not allow (often pasted from Word or a PDF)."""
    position = min(max(error.position, 0), len(text))
    line = text.count("\n", 0, position) + 1 + offset
    col = position - (text.rfind("\n", 0, position) + 1) + 1
    problems.add(
        Location(path, line, col), "-", f"文件里有不能出现的控制字符（U+{error.character:04X}）",
        "这种字符常在从 Word、PDF 或网页复制时混进来：删掉这一处重新输入",
    )
    return None


def _report_typography(text: str, path: str, problems: Problems, offset: int) -> str | None:
    """Report tabs in indentation and full-width colons after keys; fix the colons to go on."""
    lines = text.split("\n")
    unreadable = False
    for number, line in enumerate(lines, start=1 + offset):
        indent = _LEADING_WS.match(line).group(0)
        if "\t" in indent:
            unreadable = True
            problems.add(
                Location(path, number, indent.index("\t") + 1), "-",
                "缩进里有制表符（Tab）", "YAML 只能用空格缩进：把 Tab 换成空格（通常每层 2 个）",
            )
        elif (odd := _ODD_INDENT.match(line)) is not None:
            unreadable = True
            at = next(i for i, char in enumerate(odd.group(0)) if char in _SPACE_NAMES)
            problems.add(
                Location(path, number, at + 1), "-", f"缩进里有{_SPACE_NAMES[line[at]]}",
                "YAML 只能用半角空格缩进：删掉这一行开头的空白，重新用空格键缩进（通常每层 2 个）",
            )
    if unreadable:
        return None
    changed = False
    for index, line in enumerate(lines):
        if (odd := _ODD_SPACE_AFTER_KEY.match(line)) is not None:
            changed = True
            problems.add(
                Location(path, index + 1 + offset, odd.end(1) + 1), odd.group(1).strip(" \t-:"),
                f"冒号后面是一个{_SPACE_NAMES[odd.group(2)]}", "冒号后面要用普通的半角空格：删掉它，重新按一下空格键",
            )
            line = lines[index] = line[:odd.end(1)] + " " + line[odd.end(2):]
        if "：" not in line:
            continue
        for match in _FULLWIDTH_COLON_KEY.finditer(line):
            changed = True
            problems.add(
                Location(path, index + 1 + offset, match.start(2) + 1), match.group(1),
                f"“{match.group(1)}”后面的冒号是全角的“：”",
                "请改成半角英文冒号“:”，冒号后再加一个空格",
            )
        lines[index] = _FULLWIDTH_COLON_KEY.sub(lambda m: m.group(0)[:-1] + ": ", line)
    return "\n".join(lines) if changed else text


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
_COMMENT_CUT = re.compile(r"[ \t](#[^\s#][^\n]*)")


def _walk(node: yaml.Node, path: Path, source: SourceMap, problems: Problems, lines: _Lines) -> None:
    """Record positions of keys and items; report duplicate keys (naming both lines) and merge keys."""
    if isinstance(node, yaml.MappingNode):
        seen: dict[Any, int] = {}
        merges = [pair for pair in node.value if isinstance(pair[0], yaml.ScalarNode) and pair[0].value == "<<"]
        for key_node, _ in merges:
            problems.add(Location(source.path, *lines.of(key_node.start_mark)), dotted(path + ("<<",)),
                         "不支持 YAML 的合并写法“<<:”", "把要用的字段逐个写出来")
            node.value.remove((key_node, _))
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                continue
            if key_node.tag in _NOT_TEXT:
                key_node.tag = _TEXT  # `1:`, `true:`, `~:` are field names as written: reported where they stand
            key = key_node.value
            line, col = lines.of(key_node.start_mark)
            if key in seen:
                problems.add(
                    Location(source.path, line, col), dotted(path + (key,)),
                    f"同一处写了两次“{key}”（第 {seen[key]} 行已经有了）",
                    "删掉其中一个；YAML 只会保留最后一个，前一个会悄悄丢失",
                )
                continue
            seen[key] = line
            source.positions[path + (key,)] = (line, col)
            _walk(value_node, path + (key,), source, problems, lines)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            source.positions[path + (index,)] = lines.of(item.start_mark)
            _walk(item, path + (index,), source, problems, lines)
    elif not node.style and (cut := _COMMENT_CUT.match(lines.text, node.end_mark.index)) is not None:  # plain: None, or "" from libyaml
        line, col = lines.of(node.end_mark)
        problems.add(Location(source.path, line, col + 1), dotted(path),
                     f"“#”前面有空格，YAML 把“{cut.group(1).strip()}”当成注释丢掉了，这里只读到“{node.value}”",
                     f"如果“#”是内容（例如楼号 #3），把整个值用引号括起来：\"{node.value} {cut.group(1).strip()}\"；"
                     "如果是注释，在“#”后面加一个空格")
    elif (control := CONTROLS.search(node.value)) is not None:  # a bidi override, or "\x1b" written as an escape
        escaped = node.style == '"' and "\\" in lines.text_of(node)
        problems.add(Location(source.path, *lines.of(node.start_mark)), dotted(path),
                     f"这里有一个看不见的控制字符（U+{ord(control.group()):04X}）",
                     "删掉双引号里的这个转义写法（以“\\”开头）" if escaped else
                     "多半是从别处复制来的：删掉它（可以把这一段删了重新打字）；它在网页上不显示，或会把文字顺序颠倒")
