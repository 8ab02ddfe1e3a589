"""Check: Markdown or HTML written in a field that is plain text.

Only the fields marked Markdown (intro, content, a story's body) are rendered. Elsewhere
"**首问负责**" or "<b>…</b>" is shown and printed as typed, stars and brackets on a desk plate:
a notice, since the text is still the editor's words.
"""

from __future__ import annotations

import html
import re
from typing import Any

from ..content import Content
from ..load.modelpath import is_optional
from ..model import Member
from ..problems import Location, Problem, shortened
from ..values import NONE_HINTS, NONE_WRITTEN, UNSEEN, none_said

_MARKUP = re.compile(
    r"(?P<comment><!--.*?(?:-->|$))|(?P<bold>\*\*[^*\n]+\*\*|__[^_\n]+__)"
    r"|(?P<tag></?(?:b|strong|i|em|u|br|p|span|font|div|center|a|img|script|style|iframe|svg|object|embed|video|audio|form|input|button|marquee|h[1-6])\b[^>]*>)"
    r"|(?P<link>\[[^\]\n]+\]\([^)\s]+\))"
    r"|(?P<entity>&(?:#[0-9]{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31});?)",
    re.I,
)
_SAID = {
    # the guide says <!-- 备注 --> is not published: true of Markdown only, so here it is an error
    "comment": ("“{found}”在这里不是注释：它会照原样显示在网页上，印在标志牌或桌牌上", "备注不要写进内容：删掉它；要留备注的话，写在这一行的上面，以“# ”开头"),
    "bold": ("“{found}”不会加粗：星号会照原样显示在网页和印刷品上", "这一项只写文字：去掉“{mark}”（加粗只在正文等 Markdown 字段里有用）"),
    "tag": ("“{found}”是网页代码，这里会照原样显示在网页和印刷品上", "去掉“{found}”，只写文字{more}"),
    "link": ("“{found}”不会变成链接：方括号和网址会照原样显示", "这一项只写文字；链接写进正文或 content 里"),
    # &nbsp; copied out of a web page's source or a rich-text editor
    "entity": ("“{found}”是网页代码，这里会照原样显示在网页和印刷品上", "{means}"),
}


# a whole value in Chinese quotes (title: “暴雨夜里的地下车库”): YAML keeps them, so they are published
# and printed; ASCII quotes around a value are YAML's own and never reach the page
_QUOTED = re.compile(r"([“‘「『])([^“”‘’「」『』]+)([”’」』])")
_PAIRS = {"“": "”", "‘": "’", "「": "」", "『": "』"}
PRINTED = {"name", "short_name", "slogan", "scope", "duties", "promise", "roles"}  # on a sign or a plate

ONE_LINE = {"name", "short_name", "title", "post", "department", "role", "team", "category", "location"}  # never in lines


# what an editor types for "fill this in later": published as it is, printed on a plate or a sign
PLACEHOLDER = re.compile(r"[（(【\[「]?\s*(?:(?:正文|内容|此处|这里)?(?:待填写?|待定|待补充?|待完善|待更新|待录入)|此处填写.*|请填写.*|同上|某某+"
                         r"|(?:TODO|TBD|FIXME)\b.*|X{2,}|×{2,}|[.。…·・_\-—－~～?？!！\s]{2,}|[…?？])\s*[）)】\]」]?",
                         re.IGNORECASE)


def placeholder_problems(content: Content, published: list[tuple[Any, tuple, str, bool]]) -> list[Problem]:
    """A text that is all placeholder ("待填写", "TODO", "同上", "……"): an error, as an empty one is."""
    problems: list[Problem] = []
    for record, path, text, _ in published:
        if text.strip() and PLACEHOLDER.fullmatch(text.strip()) and not _as_above(text, path):
            problems.append(Problem(record.at(*path), record.field_name(*path), _placeholder_said(text, path[0] in PRINTED),
                                    _hint(record, path, PLACEHOLDER_HINTS)))
        elif NONE_WRITTEN.fullmatch(text.strip()):
            problems.append(Problem(record.at(*path), record.field_name(*path), none_said(text, path[0] in PRINTED),
                                    _hint(record, path, NONE_HINTS)))
    for story in content.stories:
        if PLACEHOLDER.fullmatch(story.body.strip() or "-") or NONE_WRITTEN.fullmatch(story.body.strip()):
            problems.append(Problem(Location(story.meta.at().path, story.body_line, 1), "body", _placeholder_said(story.body, False),
                                    "写上故事的正文；还没写好的故事先不要提交"))
    return problems


def _as_above(text: str, path: tuple) -> bool:
    """同上 in a list's second entry or later (an honor's `by: 同上`): the entry above says it, as on paper."""
    return text.strip() == "同上" and any(isinstance(part, int) and part > 0 for part in path)


# the hint for an item of a list, an optional field and a required one
PLACEHOLDER_HINTS = ("写上真正的内容，或删掉这一项", "写上真正的内容；还不知道的话删掉这一行", "写上真正的内容；还没定的，这一条先不要提交")


def _placeholder_said(text: str, printed: bool) -> str:
    return f"“{shortened(text.strip(), 12)}”像是还没写的占位文字，会照原样发布在网页上{'，印在标志牌或桌牌上' if printed else ''}"


def _hint(record, path: tuple, hints: tuple[str, str, str]) -> str:
    item, optional, required = hints
    return item if isinstance(path[-1], int) else optional if is_optional(type(record), path) else required


def markup_problems(content: Content, published: list[tuple[Any, tuple, str, bool]]) -> tuple[list[Problem], list[Problem]]:
    """(errors, notices) in what the site publishes (check.private.published_texts): an HTML
    comment in a plain field publishes what it was meant to hide; a placeholder publishes itself."""
    errors: list[Problem] = placeholder_problems(content, published)
    notices: list[Problem] = []
    for record, path, text, in_markdown in published:
        if in_markdown:
            continue
        if ("*" in text or "_" in text or "<" in text or "](" in text or "&" in text) and (found := _markup(text)):
            said, hint = _SAID[found.lastgroup]
            key = next((part for part in reversed(path) if isinstance(part, str)), "字段")
            # an item of a list (duties[0]) takes more items, a text more lines
            more = ("要分成几条的话，每条单独写一项“- ”" if isinstance(path[-1], int) else
                    "" if key in ONE_LINE else f"要分行的话写成“{key}: |”，下一行起分行写")
            shown = {"found": shortened(found.group(), 24), "mark": found.group()[:2], "key": key, "more": more and "；" + more,
                     "means": _entity_means(found.group())}
            (errors if found.lastgroup == "comment" else notices).append(
                Problem(record.at(*path), record.field_name(*path), said.format(**shown), hint.format(**shown)))
        elif (quoted := _QUOTED.fullmatch(text.strip())) and _PAIRS[quoted.group(1)] == quoted.group(3) and not _named(record, path):
            notices.append(Problem(record.at(*path), record.field_name(*path),
                                   f"整段文字加了引号：{shortened(text.strip(), 30)}，网页{'和印刷品' if path[0] in PRINTED else ''}上会连引号一起显示",
                                   f"如果引号不是有意加的，写成 {shortened(quoted.group(2), 24)}"))
    return errors, notices


def _markup(text: str) -> re.Match | None:
    """The first markup in text; an entity only when a browser would read it as one (R&D, AT&T are words)."""
    return next((found for found in _MARKUP.finditer(text)
                 if found.lastgroup != "entity" or html.unescape(found.group()) != found.group()), None)


def _entity_means(entity: str) -> str:
    """What to write for an entity: &nbsp; a space, &#8220; “, &#8203; (a zero-width space) nothing."""
    char = html.unescape(entity)
    if char in ("\n", "\r", "\r\n"):
        return "它代表换行：要分行的话，把这一项写成“字段: |”，下一行起分行写"
    if not UNSEEN.sub("", char) or not char.isprintable() and not char.isspace():
        return "它代表一个看不见的字符：删掉它"
    return "写成它代表的字：" + ("一个空格" if not char.strip() else char if char in "“”‘’\"'" else f"“{char}”")


def _named(record, path: tuple) -> bool:
    """A person's name: its own check says quotes around it (Checker.name_as_written)."""
    return path == ("name",) and isinstance(record, Member) or (len(path) == 3 and path[0] == "roles" and path[2] == "name")
