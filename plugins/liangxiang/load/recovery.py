"""Reading on past a syntax error: the failed line set aside, so that one run reports the rest
of a file's mistakes (see yamlfile._recovered)."""

from __future__ import annotations

import re

_FLOW_ITEM = re.compile(r"^([ \t]*(?:-[ \t]+)*)([\[{])")
_DOCUMENT_MARK = re.compile(r"^(---|\.\.\.)\s*$")
_KEY = re.compile(r"^([ \t]*(?:-[ \t]+)*)([A-Za-z_][A-Za-z0-9_]*)[ \t]*[:：]")  # `scope:门诊` too: its key stays


def set_aside(text: str, failed: int) -> tuple[str, list[int]] | None:
    """The text with line ``failed`` read as empty: a key keeps its name with '' for a value (and
    the lines indented under it go), a flow item is {} or [], any other line goes; and the lines changed."""
    lines = text.split("\n")
    if not 0 <= failed < len(lines):
        return None
    line, changed = lines[failed], [failed]
    if _DOCUMENT_MARK.match(line) and failed > 0:  # a second record pasted below "---": the file is the first one
        rest = [number for number in range(failed, len(lines)) if lines[number]]
        return "\n".join(lines[:failed] + [""] * (len(lines) - failed)), rest
    column = len(line) - len(line.lstrip(" "))  # the lines indented further belong to this one
    if (key := _KEY.match(line)) is not None and line == f"{key.group(1)}{key.group(2)}: ''":
        lines[failed] = ""  # the key itself stands wrong (indented too far): it goes
    elif (item := _FLOW_ITEM.match(line)) is not None:
        lines[failed] = item.group(1) + ("{}" if item.group(2) == "{" else "[]")
    elif (key := _KEY.match(line)) is not None:
        lines[failed], column = f"{key.group(1)}{key.group(2)}: ''", len(key.group(1))
    else:
        lines[failed] = ""
    for number in range(failed + 1, len(lines)):
        below = lines[number]
        if below.strip() and len(below) - len(below.lstrip(" ")) <= column:
            break
        if below:
            lines[number] = ""
            changed.append(number)
    if lines[failed] == line and len(changed) == 1:
        return None  # the line was as empty as it gets
    return "\n".join(lines), changed
