"""What a YAML mistake means in an editor's words, and where it really is.

PyYAML names what it expected where it gave up; an editor needs the mistake (a missing space
after a colon, a value quoted with “…”, a full-width comma) and often a line or two above.
"""

from __future__ import annotations

import re

from ..fields import reference_fields
from ..problems import Location, Problems, shortened

SPACE_NAMES = {"\u3000": "全角空格", "\u00a0": "不间断空格"}  # spaces that look like one and are not

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
    if (extra := re.search(r"expected <block end>, but found '([\]}])'", problem)) is not None:  # tags: [a]]
        name = "方括号" if extra.group(1) == "]" else "花括号"
        return f"多了一个“{extra.group(1)}”", f"删掉这个“{extra.group(1)}”：{name}一开一合，成对出现", None
    lines = text.split("\n")
    if "found unhashable key" in problem and 0 <= index < len(lines) and re.search(r"\{\s*\{", lines[index]):  # - {{year: 2021, …}}
        return "花括号“{”写了两层", "一项只用一对花括号：删掉一个“{”和末尾的一个“}”", lines[index].index("{")
    meaning, hint = next(((m, h) for keys, m, h in YAML_PROBLEMS
                          if any(key in problem for key in ((keys,) if isinstance(keys, str) else keys))), (
        "这一行的写法读不懂", f"对照上下几行检查冒号、引号、括号和缩进（YAML 的原话：{problem}）"))
    if brackets := _full_width_brackets(text, index):
        return brackets
    if "expected alphabetic or numeric character" in problem and _list_item_of_line(lines, index):  # - **重点**巡查
        value = _shortened_value(lines[index].lstrip()[1:].strip())
        bold = "（加粗只在正文等 Markdown 字段里有用，这里可以去掉“*”）" if value.startswith("*") else ""
        return meaning, f"把这一项用英文引号括起来，写成 - \"{value}\"{bold}", None
    if (mention := _at_mention(lines, index, problem)) is not None:
        return meaning, mention, None
    return meaning, curly_quotes(text, index) or _comma_before_key(text, index) or hint, None


def _at_mention(lines: list[str], index: int, problem: str) -> str | None:
    """`leader: @wang-jianguo`, a person named the chat-app way: quoted, it is an id that is
    nobody's; the @ goes."""
    line = lines[index] if 0 <= index < len(lines) else ""
    at = re.search(r"(?<![\w.])@", line)
    if "cannot start any token" not in problem or at is None:
        return None
    keys = re.findall(r"(\w+)\s*:(?=\s)", line[:at.start()])  # the key whose value holds it: {zone: x, note: @李四} is a note's
    if (keys and keys[-1] not in reference_fields()) or (not keys and not re.match(r"\s*-\s+@[a-z0-9-]+\s*$", line)):
        return None
    fixed = re.sub(r"@(?=[\w-])", "", line.strip())
    return f"编号前面不要加“@”：写成 {fixed}"


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
KEY_OF_LINE = re.compile(r"^\s*(?:-\s+)*([A-Za-z_][\w-]*)\s*:(?:\s|$)")
# a value that opens with a quote or a bracket and goes on after it closes: `scope: "办事"最多跑一次`,
# `name: [重点]花园`; YAML reads the quoted or bracketed part as the whole value
_VALUE_START = r"^(\s*(?:-\s+)?(?:[A-Za-z_][\w-]*:\s+)?)"
_QUOTED_THEN_MORE = re.compile(_VALUE_START + r"""(["'])([^"'\n]*)\2[ \t]*([^\s#,:\]}].*)$""")
_BRACKETED_THEN_MORE = re.compile(_VALUE_START + r"([\[{][^\]}\n]*[\]}])[ \t]*([^\s#,:\]}].*)$")


def near_cause(text: str, failed: int) -> tuple[int, int, str, str] | None:
    """(line, column, meaning, hint), from 0, of a mistake on the failed line or the two before it
    that PyYAML reads as text and reports only further on."""
    lines = text.split("\n")
    if (dashless := _item_without_dash(lines, failed)) is not None:
        return dashless
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
                KEY_OF_LINE.match(lines[failed]) and indent_of(lines[failed]) == indent_of(line)):
            key, value = found.group(2), shortened(re.sub(r"\s+#.*$", "", found.group(4)).strip(), 60)
            return (number, found.start(3), f"“{key}”后面写的是“{found.group(3)}”，这里要用冒号“:”", f"写成“{key}: {value}”（半角冒号，后面加空格）")
        if number == failed - 1 and (found := _KEY_WITHOUT_COLON.match(line)) is not None and (
                KEY_OF_LINE.match(lines[failed]) and indent_of(lines[failed]) == indent_of(line)):
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
            written = line[found.start(2):].rstrip()
            if len(written) > 2 and written.endswith(found.group(2)):  # "当好居民的"贴心人"": quotes around quotes
                meant = _unquoted(written)
                how = "去掉外面的引号，里面的用中文引号" if "“" in meant and "“" not in written else "去掉外面的引号"
                return (number, found.start(2), "引号只能把整个值括起来，这里值里面还有同样的引号", f"{how}：写成 {prefix.strip()} {meant}"[:100])
            return (number, found.start(2), "引号只能把整个值括起来，这里引号后面还有文字",
                    f"文字里的引号用中文引号：写成 {prefix.strip()} “{inner}”{rest}"[:80])
        if number == failed and (found := _BRACKETED_THEN_MORE.match(line)) is not None:
            prefix, value = found.group(1), re.sub(r"\s+#\s.*$", "", line[found.start(2):]).rstrip()  # a comment stays out of the quotes
            quote = "'" if '"' in value else '"'
            return (number, found.start(2), f"值以“{found.group(2)[0]}”开头，YAML 把它当成了{'列表' if found.group(2)[0] == '[' else '“字段: 值”'}",
                    f"把整个值用引号括起来：写成 {prefix.strip()} {quote}{value}{quote}"[:80])
    return None


def _unquoted(written: str) -> str:
    """A value wrapped in quotes with the same quotes inside, as it reads: "a"b"" is a“b”, and
    'Wang's' is Wang's (an apostrophe stays); quoted again, in the other quotes, where YAML needs it."""
    quote, inner = written[0], written[1:-1]
    if quote == '"' or inner.count("'") % 2 == 0:
        inner = re.sub(rf"{quote}([^{quote}]*){quote}", r"“\1”", inner)
    if re.search(r":\s|\s#", inner) or inner[:1] in "[]{}!&*%@`|>'\"-?#,":
        return f'"{inner}"' if '"' not in inner else "'" + inner.replace("'", "''") + "'"
    return inner


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
    if not 0 < failed < len(lines) or (found := KEY_OF_LINE.match(lines[failed])) is None:
        return None
    content = [number for number, line in enumerate(lines[:failed])
               if line.strip() and not line.lstrip().startswith("#") and not _DOCUMENT_MARK.match(line)]
    if not content or any(_DOCUMENT_MARK.match(line) for line in lines[content[0]:failed]):
        return None
    first = lines[content[0]]
    if (key := KEY_OF_LINE.match(first)) is None or (extra := indent_of(first) - indent_of(lines[failed])) <= 0:
        return None
    if any(indent_of(lines[number]) < indent_of(first) for number in content):
        return None
    return (content[0], 0, f"第一个字段“{key.group(1)}”比下面的“{found.group(1)}”多缩进了 {extra} 个空格",
            f"同一层的字段要上下对齐：删掉“{key.group(1)}”前面多出的 {extra} 个空格")


def _item_without_dash(lines: list[str], failed: int) -> tuple[int, int, str, str] | None:
    """An item of a list whose "- " was deleted (`  春秋两季…` between `  - …` items): YAML reads
    it as a key that lacks its colon, and says so on the line after it."""
    for number in (failed - 1, failed):
        if 0 <= number < len(lines) and dashless_list(lines, number) is not None:
            return (number, indent_of(lines[number]), "这一行前面少了列表的“- ”，或是上一项没写完的接续",
                    "是单独的一项，就在这一行的字前面加上“- ”（短横线和一个空格），和上下几项对齐；"
                    "是上一项的后半句，就把它接到上一行的末尾")
    return None


def dashless_list(lines: list[str], index: int) -> str | None:
    """The list (its key) that the text on line ``index`` stands in as an item without its "- "."""
    line = lines[index]
    an_id = re.fullmatch(r"\s*[a-z0-9][a-z0-9-]*\s*", line) is not None  # `  zhao-lihua` in a list of members
    if (not line.strip() or line.lstrip()[:1] in "-#" or KEY_OF_LINE.match(line) or (_LIKE_A_KEY.match(line) and not an_id)
            or re.search(r"[:：](\s|$)", line)):  # a key of any name, or a text YAML reads as one
        return None
    indent = indent_of(line)

    def written(other: str) -> bool:
        return bool(other.strip()) and not other.lstrip().startswith("#")

    above = next((other for other in reversed(lines[:index]) if written(other)), "")
    below = next((other for other in lines[index + 1:] if written(other)), "")
    if not any(LIST_ITEM.match(other) and indent_of(other) == indent for other in (above, below)):
        return None
    for other in reversed(lines[:index]):
        if other.strip() and not other.lstrip().startswith(("#", "-")) and indent_of(other) <= indent:
            key = KEY_OF_LINE.match(other)
            return key.group(1) if key and other.rstrip().endswith(":") else None
    return None


def _section_without_colon(lines: list[str], failed: int) -> tuple[int, int, str, str] | None:
    """`signboard` or `- liangxiang` with indented lines under it and no colon: PyYAML reads the
    lines under it as more text and fails on the first key below them, or inside them."""
    if not 0 < failed < len(lines):
        return None
    for number in range(failed - 1, max(-1, failed - 50), -1):
        line = lines[number]
        if not line.strip() or line.lstrip().startswith("#") or indent_of(line) > indent_of(lines[failed]):
            continue
        found = _BARE_KEY.match(line)
        below = next((other for other in lines[number + 1:] if other.strip() and not other.lstrip().startswith("#")), "")
        nested = _NESTED_LINE.match(below)
        if found is None or nested is None or len(nested.group(1)) <= indent_of(line):
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
    blocks = text_blocks(lines)
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
        if lines[above].lstrip().startswith("#") and indent_of(line) > indent_of(lines[above]):
            text = next((index for index in range(above - 1, -1, -1) if lines[index].strip()), None)
            if text is not None and text in blocks and (key := _opener_key(lines, blocks, text)):
                return (above, 0, f"“{key}”的正文中间有一行顶格写的注释：YAML 在这里把正文截断了",
                        f"注释不能写在正文中间：把它移到“{key}: |”这一行上面；这句话要公开的话，去掉“#”，和正文一样缩进")
            return None
        opened = BLOCK_SCALAR.match(lines[above]) is not None and KEY_OF_LINE.match(lines[above])
        if above not in blocks and not opened:
            continue  # more of the text that left the block: look further up
        key = opened.group(1) if opened else _opener_key(lines, blocks, above)
        if not key:
            return None
        odd = line[:1] in "\u3000\u00a0"
        opener = above if opened else next(index for index in range(above, -1, -1) if index not in blocks)
        first = next((index for index in range(opener + 1, len(lines)) if lines[index].strip()), number)
        if not odd and number in blocks and indent_of(line) >= indent_of(lines[first]):
            return None  # indented as the text is: the mistake is on the failed line, not here
        meaning = (f"这一行是“{key}”的正文，开头是{SPACE_NAMES[line[0]]}：YAML 只认半角空格缩进，以为正文到上一行就结束了" if odd else
                   f"这一行是“{key}”的正文，但缩进比上面的正文少：YAML 以为正文到上一行就结束了")
        width = indent_of(lines[above]) if not opened else indent_of(lines[above]) + 2
        return (number, 0, meaning,
                f"在这一行开头加 {width} 个半角空格，" + (f"比“{key}:”多缩进两格" if opened else "和上面的正文对齐")
                + ("（全角空格可以留着，作为段首空两格）" if odd else "")
                + f"；“{key}: |”下面的每一行都要这样缩进")
    return None


def _opener_key(lines: list[str], blocks: set[int], inside: int) -> str | None:
    """The field whose `key: |` opens the text that line ``inside`` belongs to."""
    opener = next(index for index in range(inside, -1, -1) if index not in blocks)
    found = KEY_OF_LINE.match(lines[opener]) if BLOCK_SCALAR.match(lines[opener]) else None
    return found.group(1) if found else None


def indent_of(line: str) -> int:
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
    """The field named on a line that YAML cannot read ("scope" of `scope: !花园`, "duties[2]" of an
    item), or "-"; the file has no structure yet, so the name as written is all there is."""
    lines = text.split("\n")
    found = KEY_OF_LINE.match(lines[index]) if 0 <= index < len(lines) else None
    return found.group(1) if found else _list_item_of_line(lines, index) or dashless_list(lines, index) or "-"


def _list_item_of_line(lines: list[str], index: int) -> str:
    """duties[5] for the fifth "- " under `duties:`, as problems name items; "" when not a plain item."""
    item = LIST_ITEM.match(lines[index]) if 0 <= index < len(lines) else None
    if item is None:
        return ""
    indent, count = len(item.group(1)), 1
    for line in reversed(lines[:index]):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if indent_of(line) == indent and LIST_ITEM.match(line):
            count += 1
        elif line.lstrip().startswith("- "):  # an item indented otherwise: which item this is, is what is wrong
            return ""
        elif indent_of(line) < indent or (indent_of(line) == indent and not line.lstrip().startswith("-")):
            key = KEY_OF_LINE.match(line)
            return f"{key.group(1)}[{count}]" if key and line.rstrip().endswith(":") else ""
    return ""


LIST_ITEM = re.compile(r"^( *)-[ \t]+(?![\w-]+:(?:\s|$))\S")  # - 巡查, not - id: x


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


BLOCK_SCALAR = re.compile(r"^( *)(?:- +)*+[^\s#][^:#]*+:[ \t]+[|>][-+0-9]*[ \t]*(?:#.*)?$")  # possessive: linear on "- - - …"


def text_blocks(lines: list[str]) -> set[int]:
    """Lines (from 0) inside a block of text (`content: |`): Markdown, whose "＃", "·" and
    full-width spaces are words."""
    inside, block_indent = set(), None
    for index, line in enumerate(lines):
        if block_indent is not None and (not line.strip() or indent_of(line) > block_indent):
            inside.add(index)
            continue
        opened = BLOCK_SCALAR.match(line)
        block_indent = len(opened.group(1)) if opened is not None else None
    return inside
