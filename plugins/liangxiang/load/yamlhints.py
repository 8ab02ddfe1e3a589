"""What a YAML mistake means in an editor's words (yamlcause.py finds where it really is).

PyYAML names what it expected where it gave up; an editor needs the mistake (a missing space
after a colon, a value quoted with “…”, a full-width comma) and often a line or two above.
"""

from __future__ import annotations

import re

from ..fields import reference_fields
from ..problems import Location, Problems

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
        value = shortened_value(lines[index].lstrip()[1:].strip())
        bold = "（加粗只在正文等 Markdown 字段里有用，这里可以去掉“*”）" if value.startswith("*") else ""
        return meaning, f"把这一项用英文引号括起来，写成 - \"{value}\"{bold}", None
    if (mention := _at_mention(lines, index, problem)) is not None:
        return meaning, mention, None
    sign = None  # PyYAML stumbles after the * or & it read as an alias or an anchor: the sign is where to look (AS-AG L7)
    if "expected alphabetic or numeric character" in problem and 0 <= index < len(lines):
        starts = re.search(r"(?:^|:\s|-\s|[\[{,]\s*)\s*([*&])", lines[index])
        sign = starts.start(1) if starts else None
    return meaning, curly_quotes(text, index) or _comma_before_key(text, index) or hint, sign


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


KEY_OF_LINE = re.compile(r"^\s*(?:-\s+)*([A-Za-z_][\w-]*)\s*:(?:\s|$)")


def dashless_list(lines: list[str], index: int) -> str | None:
    """The list (its key) that the text on line ``index`` stands in as an item without its "- "."""
    line = lines[index]
    an_id = re.fullmatch(r"\s*[a-z0-9][a-z0-9-]*\s*", line) is not None  # `  zhao-lihua` in a list of members
    flow = re.fullmatch(r"\s*(\{.*\}|\[.*\])\s*(#.*)?", line) is not None  # `  {zone: a, score: 90}` among results
    if (not line.strip() or line.lstrip()[:1] in "-#" or KEY_OF_LINE.match(line) or (LIKE_A_KEY.match(line) and not an_id)
            or (re.search(r"[:：](\s|$)", line) and not flow)):  # a key of any name, or a text YAML reads as one
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


# a line that begins like a field (`leader deng-hai`, `note，…`) rather than like text
LIKE_A_KEY = re.compile(r"^ *(?:- +)?[A-Za-z_][\w-]*(?:[ \t]*(?:[:：,，;；、]|$)|[ \t]+\S)")


def indent_of(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


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


def shortened_value(text: str, most: int = 20) -> str:
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
        # the text is indented past its key, which stands after the "- " of an item (`  - id: |`)
        block_indent = len(re.match(r" *(?:- +)*", line).group(0)) if opened is not None else None
    return inside
