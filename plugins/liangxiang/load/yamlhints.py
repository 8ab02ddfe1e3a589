"""What a YAML mistake means in an editor's words, and where it really is.

PyYAML names what it expected where it gave up; an editor needs the mistake (a missing space
after a colon, a value quoted with “…”, a full-width comma) and often a line or two above.
"""

from __future__ import annotations

import re
from typing import Callable

from ..problems import Location, Problems, shortened
from .meant import INVISIBLE_NAMES

_FULLWIDTH_COLON_KEY = re.compile(r"(?:^[ \t]*(?:-[ \t]+)*|[{,][ \t]*)([A-Za-z_Ａ-Ｚａ-ｚ＿][A-Za-z0-9_Ａ-Ｚａ-ｚ０-９＿]*)[ \t]*(：)")  # ｓｃｏｐｅ：, typed in full-width mode
_LEADING_WS = re.compile(r"^[ \t]*")
# a key or list item indented with full-width or no-break spaces (text in a block scalar may
# start with them: a Chinese paragraph's indent; text there rarely starts like a key)
_ODD_INDENT = re.compile(r"^[ \t\u3000\u00a0]*[\u3000\u00a0][ \t\u3000\u00a0]*(?=-[ \t]|[A-Za-z_][A-Za-z0-9_]*[ \t]*[:：])")
_ODD_SPACE_AFTER_KEY = re.compile(r"(^[ \t]*(?:-[ \t]+)*[A-Za-z_][A-Za-z0-9_]*:|^[ \t]*-)([\u3000\u00a0])")
_ODD_SPACE_IN_FLOW = re.compile(r"([{,][ \t]*([A-Za-z_][A-Za-z0-9_]*):)([\u3000\u00a0])")
_SPACE_NAMES = {"\u3000": "全角空格", "\u00a0": "不间断空格"}
# a line's structure (indentation, "- ", its key) with a character that shows as nothing in it: a
# BOM left where two files were joined, a zero-width space pasted from WeChat; YAML then reads
# the line wrong and blames the next one
_UNSEEN = "".join(INVISIBLE_NAMES)
_UNSEEN_IN_STRUCTURE = re.compile(rf"^[ \t{_UNSEEN}]*(?:-[ \t{_UNSEEN}]+)*(?:[\w{_UNSEEN}-]*[ \t]*:(?=[ \t]|$))?")
_EACH_LINE_UP_TO = 3  # lines with a tab or an odd space in their indentation reported one by one

# PyYAML's problem (a phrase of it, or a tuple of phrases) -> what it means in an editor's words,
# and how to fix it (first match wins)
YAML_PROBLEMS = [
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
    ("found unexpected end of stream", "引号或括号没有配对，到文件末尾也没有结束", "从这一行开始找没有配对的引号或括号"),
    ("found unknown escape character", "双引号里的反斜杠“\\”用法不对", "把 \\ 写成 \\\\，或者改用单引号"),
    ("found character '\\t' that cannot start", "这里有一个制表符（Tab），多半是从表格里复制来的", "把 Tab 换成一个空格"),
    (("that cannot start any token", "expected URI"), "这个值的第一个字符不能直接写", "以 @、`、%、&、*、! 等符号开头的值，要用引号括起来"),
    (("but found another document", "expected '<document start>'"), "文件中间出现了“---”或“...”",
     "一个文件只写一份内容：删掉中间的这一行；下面是另一条记录的话，把它移到自己的文件里（例如一个责任区一个文件）"),
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


def explain(problem: str, text: str, index: int) -> tuple[str, str, int | None]:
    """(meaning, hint, column) of PyYAML's problem on line ``index`` (from 0) of text; column (from
    0) is where on the line the cause stands when that is not where PyYAML stumbled, else None."""
    if "found undefined alias" in problem:  # libyaml does not name it: the line does
        lines = text.split("\n")
        named = re.search(r"found undefined alias '([^']*)'", problem) or re.search(
            r"(?:^|[\s\[{,:-])\*([^\s,\[\]{}]+)", lines[index] if 0 <= index < len(lines) else "")
        name = named.group(1) if named else "…"
        return (f"“*{name}”要用的锚点“&{name}”在这个文件里没有",
                f"锚点只在写它的那个文件里有效，别的文件用不了：把内容直接写出来；如果“*{name}”本来就是文字，把整个值用引号括起来", None)
    meaning, hint = next(((m, h) for keys, m, h in YAML_PROBLEMS
                          if any(key in problem for key in ((keys,) if isinstance(keys, str) else keys))), (
        "这一行的写法读不懂", f"对照上下几行检查冒号、引号、括号和缩进（YAML 的原话：{problem}）"))
    if brackets := _full_width_brackets(text, index):
        return brackets
    return meaning, curly_quotes(text, index) or _comma_before_key(text, index) or hint, None


def _full_width_brackets(text: str, index: int) -> tuple[str, str, int] | None:
    """{…} or […] typed with a Chinese input method (｛…｝, ［…］): YAML reads them as text, and the
    colons inside then look misplaced; quoting the value, as the general hint says, would make the
    entry a text. The column is the first bracket's: PyYAML stumbles later in the line."""
    lines = text.split("\n")
    line = lines[index] if 0 <= index < len(lines) else ""
    found = sorted({char for char in line if char in "｛｝［］"})
    if not found:
        return None
    shown = "”“".join(found)
    return (f"这一行的括号“{shown}”是全角的，YAML 不认", "改成半角（英文）的 { } 或 [ ]：先切换到英文输入法，再重新输入括号",
            min(line.index(char) for char in found))


def _comma_before_key(text: str, index: int) -> str:
    """{date: 2026-03-20，text: …}: a full-width comma where a field ends; quoting the value, as
    the general hint says, would publish "2026-03-20，text: …" as the date."""
    line = text.split("\n")[index] if 0 <= index < text.count("\n") + 1 else ""
    found = re.search(r"，\s*([A-Za-z_]+)\s*[:：]", line)
    return f"“{found.group(1)}”前面的逗号是全角的“，”：改成半角逗号加空格“, ”" if found else ""


def curly_quotes(text: str, index: int) -> str:
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


_NO_SPACE_AFTER_COLON = re.compile(r"^(\s*(?:-\s+)?)([A-Za-z_][\w-]*):(?=[^\s/])")
_NO_SPACE_AFTER_DASH = re.compile(r"^(\s*)-(?=[A-Za-z_\u3400-\u9fff])")
_DOCUMENT_MARK = re.compile(r"^(---|\.\.\.)\s*$")
# `key: value` with its value on the line (so nothing may be nested under it), and a key line
_KEY_WITH_VALUE = re.compile(r"^( *)((?:- +)?)([A-Za-z_][\w-]*): +[^\s|>#&*]")
_INDENTED_KEY = re.compile(r"^( +)([A-Za-z_][\w-]*):(?: |$)")
# `site_url https://…`: a key and its value with no colon between them
_KEY_WITHOUT_COLON = re.compile(r"^( *(?:- +)?)([A-Za-z_][\w-]*)[ \t]+([^\s:#].*)$")
_BARE_KEY = re.compile(r"^( *(?:- +)?)([A-Za-z_][\w-]*)[ \t]*(?:#.*)?$")  # `signboard` over its nested lines
_NESTED_LINE = re.compile(r"^( *)(?:- |[A-Za-z_][\w-]*:(?:\s|$))")
_KEY_THEN_COMMA = re.compile(r"^( *(?:- +)?)([A-Za-z_][\w-]*)[ \t]*([,，;；、])[ \t]*(\S.*)$")  # `name, 张伟`
_KEY_OF_LINE = re.compile(r"^\s*(?:-\s+)*([A-Za-z_][\w-]*)\s*:(?:\s|$)")
# a value that opens with a quote or a bracket and goes on after it closes: `scope: "办事"最多跑一次`,
# `name: [重点]花园`; YAML reads the quoted or bracketed part as the whole value
_VALUE_START = r"^(\s*(?:-\s+)?(?:[A-Za-z_][\w-]*:\s+)?)"
_QUOTED_THEN_MORE = re.compile(_VALUE_START + r"""(["'])([^"'\n]*)\2[ \t]*([^\s#,:\]}].*)$""")
_BRACKETED_THEN_MORE = re.compile(_VALUE_START + r"([\[{][^\]}\n]*[\]}])[ \t]*([^\s#,:\]}].*)$")


def near_cause(text: str, failed: int) -> tuple[int, int, str, str] | None:
    """(line, column, meaning, hint), from 0, of a mistake on the failed line or the two before it
    that PyYAML reads as text and reports only further on."""
    lines = text.split("\n")
    if (outdented := _text_line_outdented(lines, failed)) is not None:
        return outdented
    if (bare := _section_without_colon(lines, failed)) is not None:
        return bare
    if (first := _first_key_indented(lines, failed)) is not None:
        return first
    for number in range(min(failed, len(lines) - 1), max(-1, failed - 3), -1):
        line = lines[number]
        if (found := _NO_SPACE_AFTER_COLON.match(line)) is not None:
            key = found.group(2)
            return (number, found.end(), f"“{key}”后面的冒号要跟一个空格",
                    f"写成“{key}: {_shortened_value(line[found.end():])}”（半角冒号，后面加空格）")
        if (found := _NO_SPACE_AFTER_DASH.match(line)) is not None:
            return (number, found.end() - 1, "列表的短横线“-”后面要有一个空格",
                    f"写成“- {_shortened_value(line[found.end():])}”")
        if number == failed - 1 and (found := _KEY_THEN_COMMA.match(line)) is not None and (
                _KEY_OF_LINE.match(lines[failed]) and _indent(lines[failed]) == _indent(line)):
            key, value = found.group(2), shortened(re.sub(r"\s+#.*$", "", found.group(4)).strip(), 60)
            return (number, found.start(3), f"“{key}”后面写的是“{found.group(3)}”，这里要用冒号“:”", f"写成“{key}: {value}”（半角冒号，后面加空格）")
        if number == failed - 1 and (found := _KEY_WITHOUT_COLON.match(line)) is not None and (
                _KEY_OF_LINE.match(lines[failed]) and _indent(lines[failed]) == _indent(line)):
            key = found.group(2)  # PyYAML names the next key, where the value could have ended
            value = shortened(re.sub(r"\s+#.*$", "", found.group(3)).strip(), 60)  # whole, to copy; no comment
            return (number, found.end(2), f"“{key}”后面少了冒号“:”", f"写成“{key}: {value}”（半角冒号，后面加空格）")
        if 0 < number < failed and _DOCUMENT_MARK.match(line):  # PyYAML names the line after a "..."
            return number, 0, "文件中间出现了“---”或“...”", "一个文件只写一份内容：删掉这一行；下面是另一条记录的话，把它移到自己的文件里"
        if number == failed and (over := _over_indented(lines, number)) is not None:
            return over
        if number >= failed - 1 and _FLOW_LINE.match(line) and (inside := _flow_value(line)) is not None:  # an unclosed { is noticed a line on
            return (number, *inside)
        if number == failed and (found := _QUOTED_THEN_MORE.match(line)) is not None:
            prefix, inner, rest = found.group(1), found.group(3), found.group(4).rstrip()
            return (number, found.start(2), "引号只能把整个值括起来，这里引号后面还有文字",
                    f"文字里的引号用中文引号：写成 {prefix.strip()} “{inner}”{rest}"[:80])
        if number == failed and (found := _BRACKETED_THEN_MORE.match(line)) is not None:
            prefix, value = found.group(1), re.sub(r"\s+#\s.*$", "", line[found.start(2):]).rstrip()  # a comment stays out of the quotes
            quote = "'" if '"' in value else '"'
            return (number, found.start(2), f"值以“{found.group(2)[0]}”开头，YAML 把它当成了{'列表' if found.group(2)[0] == '[' else '“字段: 值”'}",
                    f"把整个值用引号括起来：写成 {prefix.strip()} {quote}{value}{quote}"[:80])
    return None


_FLOW_LINE = re.compile(r"^\s*(?:-\s+)?(?:[A-Za-z_][\w-]*:\s+)?\{")
# in {…}: a value YAML reads as a comment from " #" on (and the "}" with it), or one that opens
# with a bracket or a quote and goes on after it closes
_FLOW_COMMENTED = re.compile(r"([A-Za-z_][\w-]*):[ \t]+([^,{}#]*?[ \t]#[^,}]*)")
_FLOW_OPENED_THEN_MORE = re.compile(r"([A-Za-z_][\w-]*):[ \t]+(\[[^\]\n]*\]|\{[^}\n]*\}|\"[^\"\n]*\"|'[^'\n]*')[ \t]*([^\s,}][^,}]*)")


def _flow_value(line: str) -> tuple[int, str, str] | None:
    """(column, meaning, hint) of one value of a {…} entry that YAML cannot read as written: the
    hint quotes that value, not the whole entry (which would make the entry a text)."""
    if (found := _FLOW_COMMENTED.search(line)) is not None:
        key, value = found.group(1), found.group(2).rstrip().rstrip("}").rstrip()
        return (found.start(2) + value.index("#") - 1, f"“{key}”的值里有“ #”：YAML 从“ #”起把后面的字（连同“}}”）都当成了注释",
                f"把这个值用英文引号括起来：写成 {key}: \"{value}\"；或者去掉“#”前面的空格")
    if (found := _FLOW_OPENED_THEN_MORE.search(line)) is not None:
        key, opening, more = found.group(1), found.group(2), found.group(3).rstrip()
        if opening[0] in "\"'":
            return (found.start(2), "引号只能把整个值括起来，这里引号后面还有文字",
                    f"文字里的引号用中文引号：写成 {key}: “{opening[1:-1]}”{more}"[:100])
        return (found.start(2), f"“{key}”的值以{'方括号' if opening[0] == '[' else '花括号'}“{opening[0]}”开头，后面还有文字，YAML 读不懂",
                f"把这个值用英文引号括起来：写成 {key}: \"{opening} {more}\""[:100])
    return None


def _first_key_indented(lines: list[str], failed: int) -> tuple[int, int, str, str] | None:
    """The file's first field indented and the next ones not: PyYAML takes the indented lines for
    a whole document and asks for a "---" before the first field at the margin."""
    if not 0 < failed < len(lines) or (found := _KEY_OF_LINE.match(lines[failed])) is None:
        return None
    content = [number for number, line in enumerate(lines[:failed])
               if line.strip() and not line.lstrip().startswith("#") and not _DOCUMENT_MARK.match(line)]
    if not content or any(_DOCUMENT_MARK.match(line) for line in lines[content[0]:failed]):
        return None
    first = lines[content[0]]
    if (key := _KEY_OF_LINE.match(first)) is None or (extra := _indent(first) - _indent(lines[failed])) <= 0:
        return None
    if any(_indent(lines[number]) < _indent(first) for number in content):
        return None
    return (content[0], 0, f"第一个字段“{key.group(1)}”比下面的“{found.group(1)}”多缩进了 {extra} 个空格",
            f"同一层的字段要上下对齐：删掉“{key.group(1)}”前面多出的 {extra} 个空格")


def _section_without_colon(lines: list[str], failed: int) -> tuple[int, int, str, str] | None:
    """`signboard` or `- liangxiang` with indented lines under it and no colon: PyYAML reads the
    lines under it as more text and fails on the first key below them, or inside them."""
    if not 0 < failed < len(lines):
        return None
    for number in range(failed - 1, max(-1, failed - 50), -1):
        line = lines[number]
        if not line.strip() or line.lstrip().startswith("#") or _indent(line) > _indent(lines[failed]):
            continue
        found = _BARE_KEY.match(line)
        below = next((other for other in lines[number + 1:] if other.strip() and not other.lstrip().startswith("#")), "")
        nested = _NESTED_LINE.match(below)
        if found is None or nested is None or len(nested.group(1)) <= _indent(line):
            return None
        key, dash = found.group(2), found.group(1).strip()
        return (number, found.end(2), f"“{key}”后面少了冒号“:”", f"写成“{dash} {key}:”，下面缩进的几行是它的内容".replace("“ ", "“"))
    return None


# a line that begins like a field (`leader deng-hai`, `note，…`) rather than like text
_LIKE_A_KEY = re.compile(r"^ *(?:- +)?[A-Za-z_][\w-]*(?:[ \t]*(?:[:：,，;；、]|$)|[ \t]+\S)")


def _text_line_outdented(lines: list[str], failed: int) -> tuple[int, int, str, str] | None:
    """A line of a `content: |` text typed without the text's indentation (a paragraph pasted at
    the margin, or indented with full-width spaces), or a comment at the margin amid the text:
    YAML ends the text there and fails on a later line, complaining of a "*" or a missing colon.
    Walks up over lines of text from the failed one to the first that left the text."""
    blocks = _text_blocks(lines)
    for number in range(min(failed, len(lines) - 1), max(-1, failed - 60), -1):
        line = lines[number]
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if _LIKE_A_KEY.match(line) or _DOCUMENT_MARK.match(line):
            if number == failed:
                continue  # the field after the text, where YAML noticed
            return None
        above = next((index for index in range(number - 1, -1, -1) if lines[index].strip()), None)
        if above is None:
            return None
        if lines[above].lstrip().startswith("#") and _indent(line) > _indent(lines[above]):
            text = next((index for index in range(above - 1, -1, -1) if lines[index].strip()), None)
            if text is not None and text in blocks and (key := _opener_key(lines, blocks, text)):
                return (above, 0, f"“{key}”的正文中间有一行顶格写的注释：YAML 在这里把正文截断了",
                        f"注释不能写在正文中间：把它移到“{key}: |”这一行上面；这句话要公开的话，去掉“#”，和正文一样缩进")
            return None
        opened = _BLOCK_SCALAR.match(lines[above]) is not None and _KEY_OF_LINE.match(lines[above])
        if above not in blocks and not opened:
            continue  # more of the text that left the block: look further up
        key = opened.group(1) if opened else _opener_key(lines, blocks, above)
        if not key:
            return None
        odd = line[:1] in "\u3000\u00a0"
        opener = above if opened else next(index for index in range(above, -1, -1) if index not in blocks)
        first = next((index for index in range(opener + 1, len(lines)) if lines[index].strip()), number)
        if not odd and number in blocks and _indent(line) >= _indent(lines[first]):
            return None  # indented as the text is: the mistake is on the failed line, not here
        meaning = (f"这一行是“{key}”的正文，开头是{_SPACE_NAMES[line[0]]}：YAML 只认半角空格缩进，以为正文到上一行就结束了" if odd else
                   f"这一行是“{key}”的正文，但缩进比上面的正文少：YAML 以为正文到上一行就结束了")
        width = _indent(lines[above]) if not opened else _indent(lines[above]) + 2
        return (number, 0, meaning,
                f"在这一行开头加 {width} 个半角空格，" + (f"比“{key}:”多缩进两格" if opened else "和上面的正文对齐")
                + ("（全角空格可以留着，作为段首空两格）" if odd else "")
                + f"；“{key}: |”下面的每一行都要这样缩进")
    return None


def _opener_key(lines: list[str], blocks: set[int], inside: int) -> str | None:
    """The field whose `key: |` opens the text that line ``inside`` belongs to."""
    opener = next(index for index in range(inside, -1, -1) if index not in blocks)
    found = _KEY_OF_LINE.match(lines[opener]) if _BLOCK_SCALAR.match(lines[opener]) else None
    return found.group(1) if found else None


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


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


def key_of_line(text: str, index: int) -> str:
    """The field named on a line that YAML cannot read ("scope" of `scope: !花园`), or "-"; the file has
    no structure yet, so the name as written is all there is."""
    lines = text.split("\n")
    found = _KEY_OF_LINE.match(lines[index]) if 0 <= index < len(lines) else None
    return found.group(1) if found else "-"


def unreadable(error, text: str, path: str, problems: Problems, offset: int) -> None:
    """A control character YAML does not allow (often pasted from Word or a PDF)."""
    position = min(max(error.position, 0), len(text))
    line = text.count("\n", 0, position) + 1 + offset
    col = position - (text.rfind("\n", 0, position) + 1) + 1
    problems.add(
        Location(path, line, col), "-", f"文件里有不能出现的控制字符（U+{error.character:04X}）",
        "这种字符常在从 Word、PDF 或网页复制时混进来：删掉这一处重新输入",
    )
    return None


def _shortened_value(text: str, most: int = 20) -> str:
    """A value quoted in a hint: whole, or its start and "…" (a cut with no mark is copied as the value)."""
    text = text.strip()
    return text if len(text) <= most else text[:most] + "…"


def _unseen_in_structure(line: str) -> tuple[int, str, bool, str] | None:
    """(column of the first invisible character, that character, whether it is in the key, the
    line without them) when the line's indentation, dash or key holds one."""
    prefix = _UNSEEN_IN_STRUCTURE.match(line).group(0)
    column = next((i for i, char in enumerate(prefix) if char in _UNSEEN), None)
    if column is None:
        return None
    in_key = re.match(rf"[{_UNSEEN}]*[A-Za-z_0-9]", prefix[column:]) is not None
    return column, prefix[column], in_key, re.sub(f"[{_UNSEEN}]", "", prefix) + line[len(prefix):]


def _field_at(lines: list[str], index: int) -> str:
    """The key written on a line, or for a list item (- 换热站…) the key above that opens a block:
    what it is listed under. (A tab's width is anyone's guess: indentation cannot tell.)"""
    if (own := key_of_line(lines[index], 0)) != "-":
        return own
    for line in reversed(lines[:index]):
        if (key := _KEY_OF_LINE.match(line)) and re.fullmatch(r"\s*(?:#.*)?", line[key.end():]):
            return key.group(1)
    return "-"


def report_typography(text: str, path: str, problems: Problems, offset: int,
                      first_error: Callable[[str], int | None] = lambda text: None) -> str | None:
    """Report tabs and odd spaces in indentation and full-width colons after keys, and fix them
    to go on (the file's other mistakes are reported in the same run); None when a fix of the
    indentation cannot be guessed. ``first_error``: the 0-based line of a text's first YAML error."""
    lines = text.split("\n")
    misindented, found = [], {}  # found: what is in the indentation -> [(line, column)]
    for number, line in enumerate(lines, start=1 + offset):
        indent = _LEADING_WS.match(line).group(0)
        if "\t" in indent:
            found.setdefault("制表符（Tab）", []).append((number, indent.index("\t") + 1))
        elif (odd := _ODD_INDENT.match(line)) is not None:
            at = next(i for i, char in enumerate(odd.group(0)) if char in _SPACE_NAMES)
            found.setdefault(_SPACE_NAMES[line[at]], []).append((number, at + 1))
        else:
            continue
        misindented.append(number - 1 - offset)
    for name, places in found.items():
        fix = "把 Tab 换成空格" if "Tab" in name else "删掉这一行开头的空白，重新用空格键缩进"
        if len(places) <= _EACH_LINE_UP_TO:
            for number, column in places:
                problems.add(Location(path, number, column), _field_at(lines, number - 1 - offset), f"缩进里有{name}",
                             f"YAML 只能用半角空格缩进：{fix}（通常每层 2 个）")
        else:  # a file indented so throughout: one error, not one a line
            (number, column), rest = places[0], [str(line) for line, _ in places[1:]]
            shown = "、".join(rest[:5]) + ("……" if len(rest) > 5 else "")
            problems.add(Location(path, number, column), "-", f"缩进里有{name}：这一行和下面 {len(rest)} 行（第 {shown} 行）",
                         f"YAML 只能用半角空格缩进：在编辑器里用“替换”把缩进里的{name}全部换成空格（通常每层 2 个）")
    changed = False
    blocks = _text_blocks(lines)
    unseen_anywhere = any(char in text for char in _UNSEEN)  # most files have none: no line is matched for them
    if marked := _lookalike_marks(lines, blocks):
        _report_lookalikes(lines, marked, path, problems, offset)
        changed = True
    for index, column, typed in _fullwidth_comments(lines, blocks):
        problems.add(Location(path, index + 1 + offset, column + 1), _KEY_OF_LINE.match(lines[index]).group(1) if _KEY_OF_LINE.match(lines[index]) else "-",
                     f"{typed}，YAML 不把后面的文字当注释：它会和值一起公开",
                     "注释写成半角空格加半角井号“ #”" + ("；这段文字本来就要公开的话，删掉“＃”" if "＃" in typed else "：把全角空格换成半角空格"))
        lines[index] = lines[index][:column].rstrip(" \t\u3000") + " # " + lines[index][column:].lstrip(" \t\u3000＃#")
        changed = True
    if misindented:
        lines = _reindented(lines, misindented, first_error)
        if lines is None:
            return None
        changed = True
    for index, line in enumerate(lines):
        if unseen_anywhere and index not in blocks and (unseen := _unseen_in_structure(line)) is not None:
            column, unseen_char, in_key, line = unseen
            lines[index], changed = line, True
            key = _KEY_OF_LINE.match(line)
            problems.add(Location(path, index + 1 + offset, column + 1), key.group(1) if key else "-",
                         f"这一行{'的字段名里' if in_key else '开头'}有一个看不见的字符"
                         f"（{INVISIBLE_NAMES[unseen_char]}U+{ord(unseen_char):04X}），YAML 会把这一行读错",
                         "它常在把两个文件拼在一起、或从微信、网页复制时混进来：删掉这一行开头到冒号的文字，重新输入")
        if (odd := _ODD_SPACE_AFTER_KEY.match(line)) is not None and not (index in blocks and odd.group(1).endswith("-")):
            changed = True
            after = "短横线“-”" if odd.group(1).endswith("-") else "冒号"
            problems.add(
                Location(path, index + 1 + offset, odd.end(1) + 1), odd.group(1).strip(" \t-:") or "-",
                f"{after}后面是一个{_SPACE_NAMES[odd.group(2)]}", f"{after}后面要用普通的半角空格：删掉它，重新按一下空格键",
            )
            line = lines[index] = line[:odd.end(1)] + " " + line[odd.end(2):]
        if "{" in line and index not in blocks and _ODD_SPACE_IN_FLOW.search(line):  # {zone: x, score:\u00a095.5}
            for odd in reversed(list(_ODD_SPACE_IN_FLOW.finditer(line))):
                problems.add(Location(path, index + 1 + offset, odd.end(1) + 1), odd.group(2),
                             f"“{odd.group(2)}”的冒号后面是一个{_SPACE_NAMES[odd.group(3)]}", "冒号后面要用普通的半角空格：删掉它，重新按一下空格键")
                line = line[:odd.end(1)] + " " + line[odd.end(3):]
            lines[index], changed = line, True
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


# a line of a text an editor meant as a note to colleagues, not as a heading to publish
_NOTE_WORDS = re.compile(r"备注|注释|不公开|不要公开|勿公开|不对外|暂不公开|待审|草稿|待定|待补充|斟酌|TODO|todo")
_FIELD_LINE = re.compile(r"^( +)([A-Za-z_][\w-]*):(?:[ \t]|$)")
_LIST_OR_PARAGRAPHS = re.compile(r"\n[ \t]*\n|\n[ \t]*(?:[-*+]|\d+[.、．])[ \t]")


def report_block_texts(text: str, path: str, problems: Problems, offset: int, fields: frozenset[str],
                       markdown: frozenset[str]) -> str:
    """Mistakes inside a `key: |` text that YAML reads without complaint, each an error at its line:
    fields indented into the text's end (they vanish into it: the text is given back without them,
    to go on), a "# 备注" line (YAML has no comments there: it is published, on a desk plate too),
    and `content: >`, which runs paragraphs and list items together."""
    lines = text.split("\n")
    blocks = _text_blocks(lines)
    changed = False
    for opener, inside in _blocks(lines, blocks):
        found = _BLOCK_SCALAR.match(lines[opener])
        key = _KEY_OF_LINE.match(lines[opener])
        if found is None or key is None or not inside:
            continue
        name, where = key.group(1), lambda index, column=1: Location(path, index + 1 + offset, column)
        field_lines = _trailing_fields(lines, inside, fields)
        if field_lines:
            first = field_lines[0]
            other = _FIELD_LINE.match(lines[first]).group(2)
            problems.add(where(first), other, f"“{other}”缩进了，YAML 把它当成了上面“{name}: |”正文的一部分，不是字段",
                         f"删掉“{other}”前面多出的空格，和“{name}”上下对齐")
            shift = _indent(lines[first]) - _key_column(lines[opener])
            for index in field_lines:
                lines[index] = lines[index][min(shift, _indent(lines[index])):]
            changed = True
            inside = [index for index in inside if index < first]
        for index in inside:
            line = lines[index].lstrip()
            if not line.startswith("#"):
                continue
            if name not in markdown:
                problems.add(where(index, _indent(lines[index]) + 1), name, f"“{name}”的多行文字里，以“#”开头的这一行不是注释：它会照原样公开"
                             + ("，也会印在桌牌上" if name == "promise" else ""),
                             f"注释写在“{name}: |”这一行的上面（顶格，以“# ”开头）；这句话要公开的话，去掉“#”")
            elif _NOTE_WORDS.search(line):
                problems.add(where(index, _indent(lines[index]) + 1), name, f"“{name}”的正文里，以“#”开头的这一行会成为公开的标题，不是注释",
                             f"备注不要写进正文：删掉这一行，或把它移到“{name}: |”这一行的上面（顶格，以“# ”开头）")
        if name in markdown and re.search(r":[ \t]+>", lines[opener]) and _LIST_OR_PARAGRAPHS.search("\n".join(lines[i] for i in inside).strip("\n")):
            problems.add(where(opener), name, f"“{name}: >”会把分段和列表连成一段",
                         f"正文写成“{name}: |”：每行照写的样子保留")
    return "\n".join(lines) if changed else text


def _blocks(lines: list[str], blocks: set[int]):
    """(opener, [lines of its text, blank ones at its end left out]) of each `key: |` text."""
    index = 0
    while index < len(lines):
        if index + 1 in blocks and index not in blocks:
            inside = []
            at = index + 1
            while at in blocks:
                inside.append(at)
                at += 1
            while inside and not lines[inside[-1]].strip():
                inside.pop()
            yield index, inside
            index = at
        else:
            index += 1


def _key_column(line: str) -> int:
    """Where the key of a `key: |` line begins (after "- " when it opens an item)."""
    found = re.match(r"^[ ]*(?:-[ ]+)*", line)
    return found.end()


def _trailing_fields(lines: list[str], inside: list[int], fields: frozenset[str]) -> list[int]:
    """The lines at a text's end that are fields of the record (`  slogan: …` under `content: |`),
    with what is nested under them; [] unless the text ends so."""
    for position, index in enumerate(inside):
        field = _FIELD_LINE.match(lines[index])
        if field is None or field.group(2) not in fields:
            continue
        base, rest = len(field.group(1)), inside[position:]
        if all(not lines[i].strip() or _indent(lines[i]) > base or (
                _indent(lines[i]) == base and (other := _FIELD_LINE.match(lines[i])) is not None and other.group(2) in fields) for i in rest):
            return rest
    return []


# what Word, WeChat or a full-width input mode type for "- " and "#"
_BULLETS = "—–－•·●・‐―"
_MARKED = re.compile(rf"^ *([{_BULLETS}＃])[ \u3000]*\S")
_BLOCK_SCALAR = re.compile(r"^( *)(?:- +)*[^\s#][^:#]*:[ \t]+[|>][-+0-9]*[ \t]*(?:#.*)?$")
_LIST_ITEM = re.compile(r"^ *- ")


def _text_blocks(lines: list[str]) -> set[int]:
    """Lines (from 0) inside a block of text (`content: |`): Markdown, whose "＃", "·" and
    full-width spaces are words."""
    inside, block_indent = set(), None
    for index, line in enumerate(lines):
        if block_indent is not None and (not line.strip() or _indent(line) > block_indent):
            inside.add(index)
            continue
        opened = _BLOCK_SCALAR.match(line)
        block_indent = len(opened.group(1)) if opened is not None else None
    return inside


def _lookalike_marks(lines: list[str], blocks: set[int]) -> list[int]:
    """Lines (from 0) that start with a full-width "＃", or with a dash or dot where a list item
    stands ("— 浇水" beside "- 浇水"); never inside a block of text."""
    found = []
    for index, line in enumerate(lines):
        marked = _MARKED.match(line) if index not in blocks else None
        if marked is not None and (marked.group(1) == "＃" or _in_a_list(lines, index, _indent(line))):
            found.append(index)
    return found


def _report_lookalikes(lines: list[str], marked: list[int], path: str, problems: Problems, offset: int) -> None:
    """One error a line (a file written so throughout: one error), and the lines fixed to go on."""
    by_mark: dict[str, list[int]] = {}
    for index in marked:
        indent = _indent(lines[index])
        mark, rest = lines[index][indent], lines[index][indent + 1:]
        by_mark.setdefault(mark, []).append(index)
        lines[index] = " " * indent + ("#" + rest if mark == "＃" else "- " + rest.lstrip(" \u3000"))
    for mark, places in by_mark.items():
        meaning, fix = (("这一行以全角的“＃”开头，YAML 不把它当成注释", "注释用半角的“#”：把“＃”改成“#”") if mark == "＃" else
                        (f"列表的一项以“{mark}”开头，YAML 不把它当成列表", f"列表的每一项以半角短横线加空格“- ”开头：把“{mark}”改成“-”"))
        if len(places) > _EACH_LINE_UP_TO:
            rest = [str(index + 1 + offset) for index in places[1:]]
            meaning += f"：这一行和下面 {len(rest)} 行（第 {'、'.join(rest[:5])}{'……' if len(rest) > 5 else ''} 行）"
            places = places[:1]
        for index in places:
            problems.add(Location(path, index + 1 + offset, _indent(lines[index]) + 1), "-", meaning, fix)


# `key: value ＃ note` or `key: value　# note` (a full-width space): a comment YAML reads as more of the value
_FULLWIDTH_COMMENT = re.compile(r"^ *(?:- +)?(?:[A-Za-z_][\w-]*: +)?[^\s\"'#|>&*!\[{][^#＃\"']*?(?:([ \t\u3000]+＃)|(\u3000#))")


def _fullwidth_comments(lines: list[str], blocks: set[int]) -> list[tuple[int, int, str]]:
    """(line, column of the mark or its space, what was typed) of comments written full-width after
    a plain value, outside blocks of text."""
    found = []
    for index, line in enumerate(lines):
        if index in blocks or _BLOCK_SCALAR.match(line):
            continue
        if (match := _FULLWIDTH_COMMENT.match(line)) is not None:
            if match.group(1):
                found.append((index, match.end(1) - 1, "“＃”是全角的井号"))
            else:
                found.append((index, match.start(2), "“#”前面是一个全角空格"))
    return found


def _in_a_list(lines: list[str], index: int, indent: int) -> bool:
    """A line at index stands where a list item would: next to a "- " item, or to another line
    marked the same way, at its own indentation (a single "—— 记张伟" under `summary:` is a value)."""
    def near(step: int) -> str:
        at = index + step
        while 0 <= at < len(lines) and (not lines[at].strip() or lines[at].lstrip().startswith("#")):
            at += step
        return lines[at] if 0 <= at < len(lines) else ""
    mark = lines[index][indent]
    if re.match(r"[A-Za-z_][\w-]*:\s", lines[index][indent + 1:].lstrip(" \u3000")) and (
            _indent(near(1)) == indent + 2 and _KEY_OF_LINE.match(near(1))):
        return True  # "－ id: zhang-wei" over "    name: 张伟": the first line of a record
    return any(_indent(other) == indent and (_LIST_ITEM.match(other) or other[indent] == mark)
               for other in (near(-1), near(1)) if other.strip())


_INDENT = re.compile(r"^[ \t\u3000\u00a0]*")
# as editors see them: a full-width space is two columns; a tab two or four, by editor
_WIDTHS = ({"\t": 2, "\u3000": 2}, {"\t": 4, "\u3000": 2})


def _reindented(lines: list[str], misindented: list[int], first_error: Callable[[str], int | None]) -> list[str] | None:
    """The lines with their tabs and odd spaces of indentation as the spaces they look like,
    when the file then reads, at least up to a line away from them; None when no guess does."""
    for widths in _WIDTHS:
        fixed = list(lines)
        for index in misindented:
            indent = _INDENT.match(lines[index]).group(0)
            fixed[index] = " " * sum(widths.get(char, 1) for char in indent) + lines[index][len(indent):]
        error = first_error("\n".join(fixed))
        if error is None or all(abs(error - index) > 1 for index in misindented):
            return fixed
    return None
