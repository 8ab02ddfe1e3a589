"""What an editor may have typed wrong in a Markdown text, found in its rendering: a link left
as text (full-width brackets, an undefined [id]), an address that is no web address, HTML the site
takes out, a comment never closed, a footnote with no note, a paragraph indented into code.

``named`` lists what a text names, as [what, kind]; ``slip_problem`` words the slips among them.
What the images and links name must exist: that is markdown_refs' check.
"""

from __future__ import annotations

import html
import re
import unicodedata
from urllib.parse import urlsplit

from ..load.mdbounds import markdown_problems

EMPTY_LINK = re.compile(r'<a href="">(.*?)</a>', re.DOTALL)
CODE = re.compile(r"<(pre|code)\b.*?</\1>", re.DOTALL)
# what Python-Markdown leaves as text of [words][id] when no line "[id]: address" defines id;
# [1][2] alone is read as numbers in brackets, not as a link
UNDEFINED = re.compile(r"!?\[(?!\d+\])[^\[\]<>\n]+\] ?\[[^\[\]<>\n]*\]")


def named(renderer, text: str) -> list:
    """[what, kind] of each image ("image": its src), link ("link": its href), link without an
    address ("empty": its words) and reference link with no definition ("undefined": as written)
    the text's Markdown makes."""
    from ..site.markdown import _ATTR, _IMG, _LINK, FOOTNOTE_LINK, LINK, URL_SCHEMES

    if markdown_problems(text):
        return []  # too deep or too many "[": reported by the loader
    written = renderer.html(text)
    rendered = FOOTNOTE_LINK.sub("<a", written)  # a footnote and its way back: on the same page
    named = [[html.unescape(dict(_ATTR.findall(tag)).get("src", "")), "image"] for tag in _IMG.findall(rendered)]
    named += [[html.unescape(re.sub(r"<[^>]+>", "", found.group(1))), "empty"] for found in EMPTY_LINK.finditer(rendered)]
    prose = CODE.sub("", rendered)
    named += [[html.unescape(found.group(0)), "undefined"] for found in UNDEFINED.finditer(prose)]
    named += [[html.unescape(found.group(0)), "fullwidth"] for found in FULLWIDTH_LINK.finditer(prose)]
    unclosed = {tag.lower() for tag in renderer.unclosed_tags}
    named += [[tag, "unclosed" if tag in unclosed else "html"] for tag in dict.fromkeys(tag.lower() for tag in renderer.stripped_tags)]
    if "!--" in unclosed:
        named.append(["<!--", "comment"])
    if "[^" in text:  # footnotes: a mark with no note is shown as typed; a note no mark names hangs at the end
        named += [[found.group(0), "footnote"] for found in FOOTNOTE_MARK.finditer(prose.split('<div class="footnote">')[0])]
        marked = set(re.findall(r'class="footnote-ref" href="#fn:([^"]+)"', written))  # before their links were taken out above
        named += [[f"[^{html.unescape(note)}]:", "unmarked"] for note in re.findall(r'<li id="fn:([^"]+)">', rendered) if note not in marked]
    if "<pre>" in rendered and not FENCE.search(text):  # no ``` typed: a paragraph indented four spaces
        code = re.search(r"<pre><code[^>]*>(.*?)</code>", rendered, re.DOTALL)
        named.append([html.unescape(code.group(1)).strip().split("\n")[0].strip() if code else "", "code"])
    for found in _LINK.finditer(rendered):
        href = html.unescape(found.group(2))
        try:
            scheme = urlsplit(href.strip()).scheme.lower()
        except ValueError:  # http://[待补充]: brackets are only for an IPv6 host
            named.append([href, "malformed"])
            continue
        if href.strip().startswith("\\"):  # \javascript:… or \about.md: a path on this host no page has (audit AS-O 11)
            named.append([href, "backslash"])
        elif href:
            kind = "link" if not scheme or scheme in URL_SCHEMES or href.startswith(LINK) else "script" if scheme in SCRIPT_SCHEMES else "scheme"
            named.append([href, kind])
    return named


# a link typed almost right, which Markdown leaves as text: [words]（address）, or, around what
# looks like an address, 【words】(address) or [words] (address)
_ADDRESS = r"[A-Za-z0-9._~/#:?=&%+-]*[/.][A-Za-z0-9._~/#:?=&%+-]*"
FULLWIDTH_LINK = re.compile(rf"!?\[[^\[\]<>\n]+\]\s*（[^）\n]*）|!?【[^【】\n]+】\s*[（(]\s*{_ADDRESS}\s*[）)]"
                            rf"|!?\[[^\[\]<>\n]+\]\s+\(\s*{_ADDRESS}\s*\)")


def _almost_link_problem(written: str) -> tuple[str, str]:
    if "【" in written:
        wrong = "用了全角方括号“【】”" + ("和全角括号“（）”" if "（" in written else "")
    elif "（" in written:
        wrong = "用了全角括号“（）”"
    else:
        wrong = "方括号和圆括号之间有空格"
    return f"“{written}”{wrong}，不会成为链接，网页上会原样显示", "写成半角的 [文字](地址)，方括号紧跟圆括号"


# taken out of the page (raw HTML by site/rawhtml.py, a script link's address by the sanitizer:
# format rule 9): the editor is told, the build goes on
NOTICES = {"html", "unclosed", "script", "code", "unmarked", "remote"}
FOOTNOTE_MARK = re.compile(r"\[\^[^\[\]\s]{1,40}\](?!\s*[:：])")  # not the note itself, its colon mistyped
FENCE = re.compile(r"^ {0,3}(```|~~~)", re.M)
INDENTED = re.compile(r"(?:^|\n[ \t]*\n)(?: {4,}|\t)\S")  # a line indented four spaces after a blank one: code, or a list's paragraph
SCRIPT_SCHEMES = {"javascript", "vbscript", "data"}
VIDEO_TAGS = {"iframe", "video", "embed", "object", "audio", "frame", "source"}


def _html_problem(tag: str, unclosed: bool = False) -> tuple[str, str]:
    from ..site.rawhtml import HIDDEN_WITH_CONTENT

    message = (f"正文里的网页代码“<{tag}>”不会出现在网页上：网站只显示文字，"
               + (f"代码已去掉；没有找到“</{tag}>”，后面的内容照常显示成文字" if unclosed
                  else "这段代码连同其中的内容已去掉" if tag in HIDDEN_WITH_CONTENT else "代码已去掉，里面的文字照常显示"))
    if tag in VIDEO_TAGS:
        return message, "视频、音频请发在视频网站或公众号上，这里写它的链接：[视频标题](https://…)"
    if tag in ("br", "p", "div"):
        return message, "去掉代码；分段时空一行"
    if tag in ("b", "strong", "font", "span", "center", "u", "big", "small", "style"):
        return message, "去掉代码；要加粗写成 **文字**，网站不改颜色和字号"
    if tag == "img":
        return message, "照片写成 ![照片说明](photos/...)"
    return message, "去掉这段代码；链接写成 [文字](https://…)"


def _unopened_comment(text: str) -> int | None:
    """Where the text's first comment that is never closed opens."""
    from ..site.rawhtml import raw_tags

    return next((start for start, end, name in raw_tags(text) if name == "!--" and not text[start:end].endswith("-->")), None)


def _comment_line(text: str) -> int:
    start = _unopened_comment(text)
    return text.count("\n", 0, start) + 1 if start is not None else 1


def _unclosed_comment_problem(text: str) -> tuple[str, str]:
    """An editor's note in <!-- … whose end is missing, or typed with an input method's dashes
    (——>): its words would be published."""
    start = _unopened_comment(text) or 0
    rest = text[start + 4:]
    close = re.search(r"(?:[—－–‐-]{1,3}|——)\s*[>＞》]", rest)
    said = "备注“<!--”没有结束：缺少半角的“-->”，后面的备注文字会显示在网页上"
    if close is not None:
        return said, f"备注结尾的“{close.group(0)}”要写成半角的“-->”（两个减号加大于号）"
    return said, "在备注的末尾写上半角的“-->”；不需要这段备注就连同“<!--”一起删掉"


def _footnote_problem(mark: str, text: str) -> tuple[str, str]:
    """A footnote mark [^1] with no note "[^1]: …" below: Markdown shows it as typed."""
    said = f"注释标记“{mark}”没有对应的注释：网页上会原样显示“{mark}”"
    plain = unicodedata.normalize("NFKC", mark)
    if plain != mark:
        return said, f"“{mark}”里有全角字符：写成半角的 {plain}"
    if re.search(rf"^ {{0,3}}{re.escape(mark)}\s*[:：]", text, re.M) and f"{mark}:" not in text:
        return said, f"注释那一行的冒号是全角的：写成“{mark}: 注释文字”"
    return said, f"在正文末尾另起一行写“{mark}: 注释文字”；不需要注释就删掉“{mark}”"


def _undefined_problem(written: str) -> tuple[str, str]:
    image, words, name = re.fullmatch(r"(!?)\[(.*?)\] ?\[(.*)\]", written).groups()  # as UNDEFINED found it
    name = name or words  # [words][] names itself
    return (f"{'图片' if image else '链接'}“{written}”的编号“{name}”没有定义：网页上会原样显示方括号",
            f"在正文里另起一行写“[{name}]: 地址”，或直接写成 {image}[{words}](地址)")



def _code_line(text: str, first: str) -> int:
    """The line (from 1) of an indented code block that begins with ``first``; or 1."""
    return next((number for number, line in enumerate(text.split("\n"), 1) if first and line.strip() == first and line[:1] in " \t"), 1)


def _tag_line(text: str, tag: str) -> int:
    """The line (from 1) where text first has the tag, opening or closing, in any case; or 1."""
    found = re.search(rf"</?{re.escape(tag)}(?=[\s/>])", text, re.IGNORECASE)
    return text.count("\n", 0, found.start()) + 1 if found else 1


def slip_problem(kind: str, ref: str, text: str) -> tuple[str, str] | None:
    """What is wrong with what ``named`` found of ``kind`` (None: not a slip, or nothing wrong)."""
    if kind == "empty":
        return (f"链接“{ref}”没有写地址：圆括号里是空的",
                f"在圆括号里写页面或网址，例如 [{ref}](about.md)；不要链接就只写文字，去掉方括号和圆括号")
    if kind == "undefined":
        return _undefined_problem(ref)
    if kind == "fullwidth":
        return _almost_link_problem(ref)
    if kind in ("html", "unclosed"):
        return _html_problem(ref, kind == "unclosed")
    if kind == "comment":
        return _unclosed_comment_problem(text)
    if kind == "footnote":
        return _footnote_problem(ref, text)
    if kind == "unmarked":
        return (f"注释“{ref} …”在正文里没有对应的“{ref[:-1]}”：它会单独列在文章末尾",
                f"在正文里要加注释的地方写上 {ref[:-1]}，或删掉这条注释")
    if kind == "script":
        return (f"链接“{ref}”不是网址，网站把它去掉了，网页上只显示链接的文字",
                "换成 https:// 开头的网址，或去掉方括号和圆括号，只写文字")
    if kind == "code":
        return ("这一段多缩进了 4 个以上的空格，Markdown 把它当成了代码：会照原样显示在灰框里（加粗、链接都不起作用）",
                "删掉这一段开头多出的空格，和上下文对齐")
    if kind == "backslash":
        return (f"链接“{ref}”以反斜杠“\\”开头：它不是网址，也不是本站的页面，点了打不开",
                "网址写成 https:// 开头；本站的页面写相对路径，用“/”分隔，例如 [关于我们](about.md)")
    if kind == "malformed":
        return f"链接“{ref}”不是有效的网址", "网址要写完整，例如 https://www.example.cn/；还没有网址就先去掉链接，只写文字"
    if kind == "scheme":
        return (f"链接“{ref}”不能用：网站只链接到本站页面、https:// 网址、邮箱（mailto:）和电话（tel:）",
                "去掉这个链接，或换成 https:// 开头的网址")
    return None


def slip_line(kind: str, ref: str, text: str) -> int | None:
    """The line (from 1) of a slip that is found by its line, not by where ``ref`` is written."""
    if kind in ("html", "unclosed"):
        return _tag_line(text, ref)
    if kind == "code":
        return _code_line(text, ref)
    if kind == "comment":
        return _comment_line(text)
    return None
