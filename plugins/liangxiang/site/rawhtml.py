"""Raw HTML typed into content Markdown is taken out, its words kept (format rule 9: it never
reaches a visitor's browser). An editor's `<b>重点</b>` reads "重点"; a `<script>`, a `<style>`
and an `<!-- 备注 -->` go with what they hold. Code (`<b>` in backticks) is left as it is, and so
is a `<` that opens no tag (`a<b 和 x <y>`).

Python-Markdown reads raw HTML as text here (SafeContent removes its HTML patterns), so this
works on the text of the finished tree, in reading order, where a `<script>` and its `</script>`
may lie in different paragraphs.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown.treeprocessors import Treeprocessor

HTML_TAGS = frozenset("""a abbr article aside audio b base big blockquote body br button canvas caption center cite
code col colgroup dd del details dfn div dl dt em embed fieldset figcaption figure font footer form frame h1 h2 h3
h4 h5 h6 head header hr html i iframe img input ins kbd label legend li link main mark marquee meta nav noscript
object ol option p param picture pre q s samp script section select small source span strike strong style sub
summary sup svg table tbody td textarea tfoot th thead title tr tt u ul var video wbr
acronym address applet area basefont bdi bdo blink data datalist dialog dir frameset hgroup keygen map menu meter nobr
noembed noframes optgroup output plaintext progress rb rp rt rtc ruby search slot template time track xmp
math mi mn mo ms mtext mrow mfrac msqrt mroot msub msup msubsup munder mover munderover mtable mtr mtd mspace mstyle
mpadded mphantom menclose semantics annotation""".split())  # HTML's, and MathML's: shown as escaped text they read as code (audit AS-O 11)
HIDDEN_WITH_CONTENT = ("script", "style", "textarea", "title")  # what they hold is code or not meant as words
SEPARATOR = "\x00"  # between the texts of two nodes: a tag does not span one
# a browser reads "/" after a tag's name as a space: <svg/onload=…> is a tag; a quoted attribute
# may hold "<" and ">" (href="data:…<script>…"), and an unclosed quote reads to the first ">"
TOKEN = re.compile(r"<!--|<(/?)([A-Za-z][A-Za-z0-9]*)(?:[\s/](?:\"[^\"\x00]*\"|'[^'\x00]*'|[^<>\"'\x00])*|[\s/][^<>\x00]*)?>")


def raw_tags(text: str) -> list[tuple[int, int, str]]:
    """(start, end, tag as typed) of each piece of raw HTML to take out of text; a comment is
    "!--". An opened comment or script that is never closed loses only its opening."""
    found, at = [], 0
    while (match := TOKEN.search(text, at)) is not None:
        start, end, name = match.start(), match.end(), match.group(2)
        if name is None:  # <!--
            close = text.find("-->", end)
            end, name = (close + 3 if close >= 0 else end), "!--"
        elif name.lower() not in HTML_TAGS:
            at = start + 1
            continue
        elif not match.group(1) and name.lower() in HIDDEN_WITH_CONTENT:
            close = re.compile(rf"</{name}\s*>", re.IGNORECASE).search(text, end)
            end = close.end() if close else end
        found.append((start, end, name))
        at = end
    return found


def unpublished_blanked(text: str) -> str:
    """Markdown text with what never reaches a page (comments, scripts) blanked, its lines kept:
    for checks of what a page shows."""
    if "<" not in text:
        return text
    for start, end, name in reversed(raw_tags(text)):
        if name == "!--" or name.lower() in HIDDEN_WITH_CONTENT:
            text = text[:start] + re.sub(r"[^\n]", " ", text[start:end]) + text[end:]
    return text


class StripRawHtml(Treeprocessor):
    """Takes raw HTML out of the tree's text; ``md.stripped_tags`` lists the tags it took, as
    typed, each once (the content check says so to the editor; a comment is not listed: hidden
    is what it was written for), and ``md.unclosed_tags`` the scripts, styles and comments ("!--")
    never closed, whose words stay."""

    def run(self, root: etree.Element) -> None:
        slots = list(_slots(root))
        texts = [getattr(element, side) or "" for element, side in slots]
        joined = SEPARATOR.join(texts)
        cuts = raw_tags(joined) if "<" in joined else []
        self.md.stripped_tags = list(dict.fromkeys(name for *_, name in cuts if name != "!--"))
        self.md.unclosed_tags = list(dict.fromkeys(
            name for start, end, name in cuts if name.lower() in HIDDEN_WITH_CONTENT
            and not re.search(rf"</{name}\s*>$", joined[start:end], re.IGNORECASE)
            or name == "!--" and not joined[start:end].endswith("-->")))  # a note whose words are published
        if not cuts:
            return
        offset = 0
        for (element, side), text in zip(slots, texts):
            kept = "".join(text[i - offset:j - offset] for i, j in _gaps(cuts, offset, offset + len(text)))
            if kept != text:
                setattr(element, side, kept)
            offset += len(text) + 1
        _drop_emptied(root)


def _slots(element: etree.Element):
    """(element, "text" or "tail") in reading order, leaving out what code holds."""
    if element.tag in ("code", "pre"):
        return
    yield element, "text"
    for child in element:
        yield from _slots(child)
        yield child, "tail"


def _gaps(cuts: list[tuple[int, int, str]], start: int, end: int):
    """The parts of [start, end) that no cut covers."""
    at = start
    for i, j, _ in cuts:
        if j <= at or i >= end:
            continue
        if i > at:
            yield at, i
        at = max(at, j)
    if at < end:
        yield at, end


def _drop_emptied(root: etree.Element) -> None:
    """A paragraph that held only raw HTML (a <script> block) is removed, not left empty; so is
    a number's span (markdown._KeptWhole) whose number stood inside what was taken out."""
    for parent in reversed(list(root.iter())):  # the deepest first: a paragraph is empty once its spans are gone
        for index, child in reversed(list(enumerate(parent))):
            if child.tag == "span" and child.get("class") == "nb" and not len(child) and not child.text:
                if child.tail:  # its tail goes to what stands before it
                    if index:
                        parent[index - 1].tail = (parent[index - 1].tail or "") + child.tail
                    else:
                        parent.text = (parent.text or "") + child.tail
                parent.remove(child)
            elif child.tag == "p" and not len(child) and not (child.text or "").strip():
                if (child.tail or "").strip():
                    continue
                parent.remove(child)
