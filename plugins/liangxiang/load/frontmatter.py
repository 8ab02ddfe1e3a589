"""A Markdown file's front matter: split off, and what is wrong with a story's."""

from __future__ import annotations

import re

from ..values import title_words


def second_front_matter(body: str) -> int | None:
    """The line (from 0) of a "---" in a story's body that opens another story's front matter:
    a "title:" and other "field: value" lines up to the next "---"."""
    lines = body.split("\n")
    for start, line in enumerate(lines):
        if line.strip() != "---":
            continue
        fields = []
        for row in lines[start + 1:]:
            if row.strip() == "---":
                if "title" in fields and len(fields) >= 2:
                    return start
                break
            found = re.match(r"([a-z_]+):(\s|$)", row)
            if found is None:
                break
            fields.append(found.group(1))
    return None


def only_the_title(body: str, title: str) -> bool:
    """A body that is one heading with the story's title (# 一把钥匙, or underlined with ===)."""
    lines = [line for line in body.strip().splitlines() if line.strip()]
    heading = re.fullmatch(r"#{1,6}\s*(.*?)\s*#*", lines[0].strip()) if len(lines) == 1 else (
        re.fullmatch(r"(.+)", lines[0].strip()) if len(lines) == 2 and re.fullmatch(r"[=-]{3,}", lines[1].strip()) else None)
    return heading is not None and title_words(heading.group(1)) == title_words(title)


def shown_text(body: str) -> str:
    """What a body shows as words, roughly: "heading" when only headings, "" when nothing (tags,
    &nbsp;, rules, backslashes), else "text". Comments are taken out before (unpublished_blanked)."""
    kinds = set()
    for line in body.splitlines():
        line = re.sub(r"&(?:#\d+|#x[0-9a-f]+|[a-z]+);", "", re.sub(r"<[^>]*>", "", line), flags=re.IGNORECASE).strip()
        if not re.search(r"\w", line) or re.fullmatch(r"([-*_=])(?:\s*\1){2,}", line):
            continue
        kinds.add("heading" if re.match(r"#{1,6}(\s|$)", line) else "text")
    return "text" if "text" in kinds else "heading" if kinds else ""


TOML_HINT = "开头和结尾的两行“+++”都改成“---”，中间的“title = \"…\"”写成“title: …”（冒号加空格，不用等号）"


def toml_front_matter(text: str) -> bool:
    """Hugo's TOML front matter (+++ / title = "…" / +++), which MkDocs publishes as the text."""
    lines = text.lstrip("\ufeff").split("\n")
    return lines[0].strip() == "+++" and re.match(r"\s*[A-Za-z_][\w-]*\s*=", next((line for line in lines[1:] if line.strip()), "")) is not None


def missing_front_matter(text: str) -> list[tuple[int, str, str]]:
    """What is wrong with the head of a story that has no front matter: (line, message, hint)
    each; both fences typed wrong (———, ----) are said at once, each at its line (audit AM 5)."""
    first = text.lstrip("\ufeff").split("\n", 1)[0].strip()
    how = "第一行写“---”，接着写 title、date、category 等，再用一行“---”结束，然后写正文"
    closing = closing_line(text)
    if first == "---":
        if closing:
            return [(closing, "故事开头的信息区（title、date、category）没有结束：缺少第二个“---”", _fence_hint(text, closing))]
        return [(1, "故事开头的信息区（title、date、category）没有结束：缺少第二个“---”", close_after(text, "在这几行下面加一行“---”，再写正文"))]
    if first == "+++":
        return [(1, "故事第一行的“+++”要写成三个半角减号“---”", TOML_HINT)]
    if first and not first.strip("-—－–_ "):
        said = [(1, f"故事第一行的“{first}”要写成三个半角减号“---”", how)]
        if closing:
            said.append((closing, "故事开头的信息区（title、date、category）要用一行“---”结束", _fence_hint(text, closing)))
        return said
    if not first and "\n---" in text[:200]:
        return [(1, "故事文件的第一行必须是“---”：前面不能有空行", "删掉开头的空行")]
    return [(1, "故事文件开头缺少信息区（用“---”围起来的 title、date、category）", how)]


def closing_line(text: str) -> int:
    """The line (from 1) meant to close the front matter but typed otherwise (----, ———), or 0."""
    lines = text.split("\n")
    return next((n for n, line in enumerate(lines[1:], 2) if line.strip() and not line.strip().strip("-—－–_ ")), 0)


def _fence_hint(text: str, line: int) -> str:
    return f"第 {line} 行的“{text.split(chr(10))[line - 1].strip()}”要写成正好三个半角减号“---”"


def unclosed_hint(text: str, otherwise: str) -> str:
    """How to close front matter that a "---" opens and none closes: the line meant to (----, ———), or ``otherwise``."""
    closing = closing_line(text)
    return _fence_hint(text, closing) if closing else close_after(text, otherwise)


_FIELD = re.compile(r"[A-Za-z_][\w-]*\s*:(\s|$)")


def close_after(text: str, otherwise: str) -> str:
    """Where the "---" that closes the front matter goes: under its last "key: value" line (and
    the lines that continue it), before the first line of text (audit AQ 7: "在这几行下面" did
    not say which); ``otherwise`` when no field follows the opening "---"."""
    lines, last = text.split("\n"), 0
    for number, line in enumerate(lines[1:], 2):
        if _FIELD.match(line) or (last and (line[:1] in (" ", "\t") or line.lstrip().startswith("- ")) and line.strip()):
            last = number
        elif line.strip():
            break
    return f"在第 {last} 行（“{lines[last - 1].strip()[:20]}”）下面加一行“---”，再写正文" if last else otherwise


def split_front_matter(text: str) -> tuple[str | None, str, int]:
    """(front matter, body, body's first line) of a Markdown file; front is None when absent."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return None, text, 1
    for index in range(1, len(lines)):
        if lines[index].strip() in ("---", "..."):
            return "\n".join(lines[1:index]), "\n".join(lines[index + 1:]), index + 2
    return None, text, 1


def story_name_hint(stem: str, taken: set[str], shown: str = "") -> str:
    """The file name to give a story whose name is no address: "baoyu-ye .md", Baoyu-Ye.md;
    ``taken``: the names of the other stories; ``shown``: the file's path, for a rename git sees."""
    from ..values import ID_PATTERN

    slug = re.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-")[:64]
    if not re.fullmatch(ID_PATTERN, slug or "-") or re.search(r"[^\x00-\x7f]", stem):
        from ..ids import phrase_id

        said = phrase_id(stem)  # 暴雨夜.md -> baoyu-ye.md, not the format's own example (audit AS-O 6)
        if said and re.fullmatch(ID_PATTERN, said) and said not in taken:
            return f"用拼音或英文，例如 {said}.md"
        return "例如 yi-ba-yao-shi.md"
    if slug in taken:
        return f"{slug}.md 已经有了：这个文件像是它的副本，不需要就删掉；要新写一篇，改名为一个新的英文名，例如 {slug}-2.md"
    why = "有多余的空格" if stem.strip() != stem and stem.strip() == slug else "有大写字母" if stem.lower() == slug else "只能用小写字母、数字和“-”"
    if stem.lower() == slug and shown:  # Baoyu-Ye.md: a rename in Explorer that changes the case alone is not seen by git (AS-AG L4)
        from ..problems import case_only_rename

        return f"文件名里{why}：改名为 {slug}.md（{case_only_rename(shown, shown[:len(shown) - len(stem) - 3] + slug + '.md')}）"
    return f"文件名里{why}：改名为 {slug}.md"
