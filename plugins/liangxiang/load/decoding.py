"""Bytes to text: UTF-8 (with or without a byte-order mark), or a problem that names the
encoding the file is really in (GBK from Notepad or WPS, UTF-16) and how to save it again."""

from __future__ import annotations

import re

from ..problems import Location, Problems, shortened


def decode(raw: bytes, path: str, problems: Problems) -> str | None:
    """UTF-8 text (a byte-order mark is fine), or a problem that says how to fix the file."""
    before = len(problems.items)
    text = _decode(raw, path, problems)
    if text is None and len(problems.items) == before:  # never drop a file without saying so
        problems.add(Location(path), "-", "文件无法按 UTF-8 读取", "把文件另存为 UTF-8 编码再提交")
    if text is not None and "\r" in text and "\n" not in text:
        text = text.replace("\r", "\n")  # saved with old Mac line ends: YAML and Markdown read the lines, so do the messages
    if text is not None and _merge_conflict(text, path, problems):
        text = sides(text)[0]  # read on: the file's other mistakes are said in this run too
    elif text is not None and ("<" * 7 in text or ">" * 7 in text or "=" * 7 in text or "|" * 7 in text):
        text = _conflict_leftovers(text, path, problems)
    if text is not None and "\ufffd" in text:
        _replacement_reported(text, path, problems)
    if text is not None and LINE_SEPARATORS.search(text):
        text = _line_separators_reported(text, path, problems)
    return text


CONFLICT_MESSAGE = "这里有 git 合并冲突的标记（<<<<<<<、=======、>>>>>>> 三行）：两次修改撞在了一起，文件里两个版本都在"
_CONFLICT = re.compile(r"^(<{7}|={7}|>{7})(?: |$)", re.MULTILINE)


def has_conflict(raw: bytes) -> bool:
    return b"<<<<<<<" in raw and b">>>>>>>" in raw


def _merge_conflict(text: str, path: str, problems: Problems) -> bool:
    """Git's conflict markers, left in when two edits of one file were merged: the file holds both
    versions; read, it would publish the markers and both texts."""
    marks = [(text.count("\n", 0, found.start()) + 1, found.group(1)[0]) for found in _CONFLICT.finditer(text)]
    opened = [line for line, mark in marks if mark == "<"]
    if not opened or not any(mark == ">" for _, mark in marks):
        return False
    for line in opened:
        problems.add(Location(path, line, 1), "-", CONFLICT_MESSAGE,
                     "保留要的那一版，删掉另一版和这三行标记（VS Code 里点“采用当前更改”或“采用传入的更改”）")
    return True


_LEFTOVER = re.compile(r"^(?:(?:<{7}|>{7}|\|{7})(?: .*?)?|={7})\r?$", re.MULTILINE)
_NOT_A_PARAGRAPH = ("#", "|", "```", "~~~", "---", ">", "- ", "* ", "+ ", "=======")  # lines a "=======" does not underline


def _conflict_leftovers(text: str, path: str, problems: Problems) -> str:
    """A conflict resolved by hand with some of its marker lines left in (a lone "=======" or
    ">>>>>>> origin/main"): Markdown would publish them (the latter as blockquotes seven deep),
    YAML would say a colon is missing a line further on. Each is said at its line, and read as a
    blank line. In Markdown a "=======" under a line of a paragraph is a heading's underline, not
    a marker, unless the file holds another marker (its front matter is YAML, and has none)."""
    lines = text.split("\n")
    markdown = path.lower().endswith((".md", ".markdown"))
    marks = [(text.count("\n", 0, match.start()), match.group().rstrip("\r") == "=" * 7) for match in _LEFTOVER.finditer(text)]
    underlines = markdown and all(lone for _, lone in marks)
    front = _front_matter_end(lines) if markdown else 0
    found = [number for number, lone in marks
             if not (underlines and lone and number > front and _paragraph_line(lines[number - 1]))]
    for number in found:
        marker = lines[number].rstrip("\r")
        problems.add(Location(path, number + 1, 1), "-", f"这一行“{shortened(marker, 24)}”是 git 合并冲突留下的标记：冲突没有改完，"
                     "另一个版本的内容可能还在文件里", "删掉这一行，再核对上下文：两个版本只留要的那一个")
        lines[number] = "\r" if lines[number].endswith("\r") else ""
    return "\n".join(lines)


def _paragraph_line(line: str) -> bool:
    return bool(line.strip()) and not line.lstrip().startswith(_NOT_A_PARAGRAPH) and not line.startswith(("    ", "\t"))


def _front_matter_end(lines: list[str]) -> int:
    """The index of the line closing a Markdown file's front matter (0 when it has none)."""
    if not lines or lines[0].strip().lstrip("\ufeff") != "---":
        return 0
    return next((index for index, line in enumerate(lines[1:], 1) if line.strip() in ("---", "...")), 0)


def sides(text: str) -> tuple[str, str]:
    """The text as the side before "=======" has it (the markers and the other side as empty
    lines, so every line keeps its number), and the other side's lines."""
    lines, side, other = text.split("\n"), "both", []
    for number, line in enumerate(lines):
        mark = line[:7]
        if mark == "<" * 7:
            side, lines[number] = "ours", ""
        elif mark in ("|" * 7, "=" * 7) and side != "both":  # diff3's common base, then theirs
            side, lines[number] = "theirs", ""
        elif mark == ">" * 7 and side != "both":
            side, lines[number] = "both", ""
        elif side == "theirs":
            other.append(line)
            lines[number] = ""
    return "\n".join(lines), "\n".join(other)


# Unicode's line and paragraph separators and NEL (pasted from web pages and WeChat): YAML reads
# them as line breaks, which no editor shows, so every line number after them would be wrong
LINE_SEPARATORS = re.compile("[\u2028\u2029\x85]")


def _line_separators_reported(text: str, path: str, problems: Problems) -> str:
    """The text with each such character as a space, and an error at each line holding one."""
    reported = set()
    for found in LINE_SEPARATORS.finditer(text):
        line = text.count("\n", 0, found.start()) + 1
        if line not in reported:
            reported.add(line)
            problems.add(Location(path, line, found.start() - (text.rfind("\n", 0, found.start()) + 1) + 1), "-",
                         f"这里有一个看不见的换行符（U+{ord(found.group()):04X}），多半是从网页或微信里复制来的",
                         "删掉它：把光标放在这里前后的字之间，按删除键，再看一行是否还连着")
    return LINE_SEPARATORS.sub(" ", text)


# Files that are no text at all, by their first bytes: a photo or a Word file saved under a .yaml name
_NOT_TEXT = ((b"\xff\xd8\xff", " JPEG 图片"), (b"\x89PNG", " PNG 图片"), (b"GIF8", " GIF 图片"), (b"RIFF", " WebP 图片"),
             (b"%PDF", " PDF 文件"), (b"PK\x03\x04", " Word、Excel 或压缩包文件（.docx、.xlsx、.zip）"),
             (b"\xd0\xcf\x11\xe0", "旧版 Word 或 Excel 文件（.doc、.xls）"), (b"{\\rtf", " RTF 文件"))


def _reads_as_utf16(raw: bytes) -> bool:
    """UTF-16 without its byte-order mark and with little ASCII (a story of Chinese), which the
    zero bytes of ASCII do not give away: read so, it is almost all common Chinese and ASCII.
    GBK read as UTF-16 falls among Hangul, surrogates and private use (audit AQ 7: called GBK)."""
    if len(raw) % 2:
        return False
    for codec in ("utf-16-le", "utf-16-be"):
        try:
            text = raw[:4000].decode(codec)
        except UnicodeDecodeError:
            continue
        usual = sum(1 for ch in text if ch.isascii() or "\u4e00" <= ch <= "\u9fff" or "\u3000" <= ch <= "\u303f" or "\uff00" <= ch <= "\uffef")
        if text and usual >= 0.95 * len(text):
            return True
    return False


def _decode(raw: bytes, path: str, problems: Problems) -> str | None:
    if (kind := next((name for head, name in _NOT_TEXT if raw.startswith(head)), None)) is not None:
        problems.add(Location(path, 1, 1), "-", f"这个文件其实是{kind}，不是文字文件",
                     "文件放错了位置或改错了扩展名：照片放进 content/photos/；记录要用文本编辑器（如 VS Code、记事本）写，"
                     "不要用 Word 或 WPS 保存成 .yaml 或 .md")
        return None
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        if _damaged_characters(raw, path, problems) or _mixed_lines(raw, path, problems):
            return None
        line = raw.count(b"\n", 0, error.start) + 1
        col = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        utf16 = raw.startswith((b"\xff\xfe", b"\xfe\xff")) or raw[1:200:2].count(0) > 20 or raw[:200:2].count(0) > 20 or _reads_as_utf16(raw)
        legacy = None if utf16 else _legacy_encoding(raw)
        utf32 = raw.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff"))  # its byte-order mark begins as UTF-16's
        guess = ("是 UTF-32 编码" if utf32 else "是 UTF-16 编码（Windows 记事本的“Unicode”）" if utf16 else
                 "看起来是 Big5 编码（繁体中文的 Windows、港澳台的软件常见）" if legacy == "Big5" else
                 "看起来是 GBK/GB2312 编码（Windows 记事本、WPS 常见）" if legacy == "GBK" else
                 "看起来是 GB18030 编码（含有 GBK 里没有的生僻字）" if legacy == "GB18030" else "不是 UTF-8 编码")
        problems.add(
            Location(path, line, col), "-", f"文件{guess}，无法按 UTF-8 读取",
            "把文件另存为 UTF-8 编码再提交（VS Code：点窗口右下角的编码名，"
            + ("“通过编码保存”选 UTF-8" if utf16 else f"先“通过编码重新打开”选 {_REOPEN.get(legacy, legacy or 'GBK')}，再“通过编码保存”选 UTF-8")
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


def _replacement_reported(text: str, path: str, problems: Problems) -> None:
    """U+FFFD stands where an editor or a converter met bytes it could not read: the character that
    was there is lost, and "客服主�" would be published."""
    lines = [(number, line) for number, line in enumerate(text.split("\n"), 1) if "\ufffd" in line]
    if len(lines) > 3:  # the whole file opened in the wrong encoding, then saved
        number, line = lines[0]
        problems.add(Location(path, number, line.index("\ufffd") + 1), "-",
                     f"文件里有 {len(lines)} 行带着损坏的字“\ufffd”，其余的字多半也成了乱码：文件按错误的编码打开后又保存了",
                     "用 git 恢复到上一版（VS Code：“源代码管理”里对这个文件点“放弃更改”），再重新修改；打开时编码要选 UTF-8")
        return
    for number, line in lines:
        at = line.index("\ufffd")
        problems.add(Location(path, number, at + 1), "-", f"这里有一个损坏的字“\ufffd”{_after(line[:at])}：原来的字在复制或转换编码时丢了",
                     "删掉“\ufffd”，重新输入原来的字")


def _after(before: str) -> str:
    shown = before.strip()[-12:]
    return f"（在“{shown}”后面）" if shown else ""


def _damaged_characters(raw: bytes, path: str, problems: Problems) -> bool:
    """A UTF-8 file with a character or two damaged (its last byte cut off in a copy, a ° or a curly
    quote pasted from a Western code page): each place, to be typed again. Told to convert the
    whole file, an editor would garble every other line, which is right."""
    found = []
    for number, line in enumerate(raw.split(b"\n"), start=1):
        try:
            line.decode("utf-8")
            continue
        except UnicodeDecodeError:
            pass
        read = line.decode("utf-8", errors="replace")
        # a line pasted in GBK reads as Chinese in GBK, and has no Chinese that reads as UTF-8 (or
        # a character or two by chance, which then do not read as GBK)
        if _reads_as_gbk(line) or not any("\u0800" <= char != "\ufffd" for char in read):
            return False
        found.append((number, read))
    for number, read in found:
        at = read.index("\ufffd")
        problems.add(Location(path, number, at + 1), "-",
                     f"这一行有损坏的字{_after(read[:at])}：它不是 UTF-8 编码（复制时截断了，或是从别的软件粘贴来的符号）",
                     "删掉那里的乱码，重新输入这个字或符号；文件其余部分是对的，不要转换整个文件的编码")
    return bool(found)


def _reads_as_gbk(line: bytes) -> bool:
    """Whether a line is Chinese written in GBK: read so, most of its characters are GB 2312's
    common hanzi or Chinese punctuation. UTF-8 Chinese read as GBK (绿化 as 缁垮) falls mostly
    into the rare rows and the extension."""
    if not _is_gbk(line):
        return False
    pairs = common = 0
    at = 0
    while at < len(line):
        lead = line[at]
        if lead < 0x80:
            at += 1
            continue
        trail = line[at + 1] if at + 1 < len(line) else 0
        pairs += 1
        common += (0xB0 <= lead <= 0xD7 or 0xA1 <= lead <= 0xA3) and 0xA1 <= trail <= 0xFE
        at += 2
    return pairs > 0 and common >= 0.6 * pairs


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
        # Chinese in UTF-8 takes three bytes a character. A GBK line may read as UTF-8 by chance,
        # but as two-byte letters ("住院医师" as "סԺҽʦ"): such a line says nothing of the file.
        good = good or any(ord(char) >= 0x800 for char in text)
    if not bad or not good or not all(_is_gbk(line) for _, line in bad):
        return False
    for number, line in bad:
        shown = line.decode("gb18030").strip()
        shown = shortened(shown, 30)
        problems.add(Location(path, number, 1), "-", f"这一行（“{shown}”）是别的编码（GBK）的文字，和文件其余部分（UTF-8）不一样",
                     "多半是从别的文件或软件粘贴来的：删掉这一行的文字重新输入；不要转换整个文件的编码，其余部分是对的")
    return True


_REOPEN = {"GB18030": "GB 18030"}  # as VS Code's list of encodings names it


def _legacy_encoding(raw: bytes) -> str | None:
    """"GBK", "GB18030" or "Big5" for a file in one of them, None for none. Most Big5 text also decodes as
    GBK, into nonsense: a GB2312 character's second byte is never below 0xA1, a Big5 one's often is."""
    pairs = re.findall(rb"[\x81-\xfe][\x40-\xfe]", raw)
    low = sum(1 for pair in pairs if pair[1] < 0xA1)
    try:
        raw.decode("big5")
    except UnicodeDecodeError:
        big5 = False
    else:
        big5 = bool(pairs) and low >= 0.1 * len(pairs)
    if big5 or not _is_gbk(raw):
        return "Big5" if big5 else None
    try:
        raw.decode("gbk")
    except UnicodeDecodeError:  # 䶮 and other rare name characters are GB 18030's alone: reopened as GBK, they are lost (AS-AG L1)
        return "GB18030"
    return "GBK"


def _is_gbk(raw: bytes) -> bool:
    try:
        raw.decode("gb18030")
    except UnicodeDecodeError:
        return False
    return True


def undecodable(name: str) -> bool:
    """A name whose bytes are not UTF-8 (Python holds them as surrogates)."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False
