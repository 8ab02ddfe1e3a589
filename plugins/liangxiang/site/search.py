"""Search that works for Chinese without a server and without word segmentation.

Every text is folded (NFKC, lower case, no accents) and cut into runs of letters and digits; each run
gives its overlapping character bigrams (a one-character run gives itself), so 欧阳晓红 gives
欧阳 阳晓 晓红. A query is cut the same way in the browser (theme/js/search.js), and a record
matches when it holds every bigram of the query. Titles (names) also give single characters,
so that one typed character finds a name. Its postings are kept between builds, and an edit files
only the documents it changed (``postings``); ``searchfiles`` writes it as the browser fetches it.

Hidden members are never documents: only ``content.public_members`` are read here.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Callable, Iterable

import markdown

from ..content import Content
from ..values import APOSTROPHES, UNSEEN, unaccented
from .markdown import SafeContent, extras_key
from .postings import Postings
from .breaking import NAME_DOT, phrase_parts
from .view import Labels, Urls

KINDS = ("zone", "member", "story", "page")  # also the order of equal-scored results
FIELDS = " · "  # between a record's fields in its text: an excerpt shows where one ends


@dataclass
class Doc:
    kind: str
    title: str
    url: str
    sub: str  # one line under the title in the results
    text: str  # everything else that finds it
    past: bool = False  # an archived zone or a former member: listed after the current ones
    spelled: str = ""  # finds it, shown in no excerpt: its id, mostly pinyin (see _spelled)

    @property
    def parts(self) -> list[int]:
        """The lengths of the parts the results keep whole, as pages do (SiteView.phrased, who):
        a name breaks only after its dots, a title beside a term, after a place or between words;
        [] for a title left to wrap as any text."""
        if NAME_DOT.search(self.title):
            if self.kind != "member":
                return []
            pieces = re.split(r"(?<=[·・•‧])", self.title)
        else:
            pieces = phrase_parts(self.title) if self.kind in ("zone", "story") else []
        return [len(piece) for piece in pieces] if len(pieces) > 1 else []


def _no_memo(kind: str, text: str, make: Callable[[str], object]):
    return make(text)


# a name's character few can type or see, found by the one everybody types (𠮷志刚 as 吉志刚)
VARIANTS = str.maketrans({"\U00020BB7": "吉"})
APOSTROPHE = re.compile(f"(?<=[^\\W_])[{APOSTROPHES}](?=[^\\W_])")


def folded(text: str) -> str:
    """As search.js's norm(): NFKC, lower case, accents off (Seán as Sean, as phones type it)."""
    return unaccented(text).lower()


def runs(text: str) -> list[str]:
    """Runs of letters and digits, folded; punctuation and spaces cut between runs, but not the
    dot inside a transliterated name (阿卜杜拉·艾力 is found as typed without it) nor an
    apostrophe inside a word (O'Connor as OConnor)."""
    text = NAME_DOT.sub("", APOSTROPHE.sub("", folded(UNSEEN.sub("", text)).translate(VARIANTS)))
    return re.findall(r"[^\W_]+", text)


def grams(text: str, single: bool = False) -> set[str]:
    """Character bigrams of every run (and single characters when ``single``), and each number of
    three digits or more whole, as "#2723318": ten digits make few bigrams, so a phone number's
    bigrams are found all over a site; a query's number must be part of one number written."""
    out: set[str] = set()
    for run in runs(text):
        if len(run) == 1 or single:
            out.update(run)
        out.update(run[i:i + 2] for i in range(len(run) - 1))
        out.update("#" + number for number in NUMBER.findall(run))
    return out


NUMBER = re.compile(r"[0-9]{3,}")  # as search.js: its numbers are looked up inside these


def plain(markdown_text: str, extras: dict[str, dict] | None = None) -> str:
    """The words of a Markdown text, without markup: its pages' extensions too (an abbr's
    definition or an attr_list's "{: .note}" is not a word of it)."""
    extras = extras or {}
    rendered = markdown.markdown(markdown_text, extensions=[SafeContent(), "tables", *extras], extension_configs=extras)
    return text_of(rendered)


# a block's edge is a space between words; an inline tag's is none (他的徒弟**欧阳晓雯**说, not 徒弟 欧阳晓雯 说)
_BLOCK_TAG = re.compile(r"</?(?:p|li|ul|ol|dl|dt|dd|h[1-6]|br|hr|tr|td|th|table|thead|tbody|blockquote|pre|div|figure|figcaption|section)\b[^>]*>", re.I)


def text_of(page_html: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", _BLOCK_TAG.sub(" ", page_html)))


def _people_of(zone, leader, member_by_id: dict, labels: Labels) -> str:
    """The zone's people as its page lists them, each once, with their role: an excerpt of the
    index reads "党员负责人 邓海 技术负责人 马骏 责任区党员 何晓鹏 林悦", not the names twice."""
    said = [f"{labels.leader} {leader.name}"] if leader else []
    named = {leader.name} if leader else set()
    for role in zone.listed_roles:
        name = member_by_id[role.member].name if role.member in member_by_id else (role.name or "")
        if name:
            said.append(f"{role.role} {name}")
            named.add(name)
    others = [member_by_id[m].name for m in zone.members if m in member_by_id and member_by_id[m].name not in named]
    if others:
        said.append(f"{labels.zone_members} " + " ".join(dict.fromkeys(others)))
    return " ".join(said)


def _spelled(record_id: str) -> str:
    """A record's id as typed on a phone: ids are mostly pinyin (zhaxi-ciren is found by zhaxi, zhaxiciren)."""
    return f"{record_id} {record_id.replace('-', '')}" if "-" in record_id else record_id


def _dialled(phone: str) -> str:
    """A phone number as it is dialled, its groups joined (0571-6512 3999 as 057165123999): copied
    off a sign without its spaces, it is still one number written (audit AS-A 5)."""
    return re.sub(r"(?<=\d)[\s\-\u2010-\u2015]+(?=\d)", "", phone or "")


def documents(
    content: Content, urls: Urls, labels: Labels, free_pages: Iterable[tuple[str, str, str]] = (), memo: Callable = _no_memo,
) -> list[Doc]:
    """What a visitor can find: published members, zones, stories and free pages (title, url, html)."""
    docs: list[Doc] = []
    extras = content.markdown_extras
    words = f"plain:{extras_key(extras)}" if extras else "plain"

    def words_of(text: str) -> str:
        return memo(words, text, lambda text: plain(text, extras))

    latest = content.latest_year
    # what a desk plate and the wall show of the latest year: the promise, its items, the standard
    promises = {c.member: " ".join(filter(None, [c.promise, " ".join(c.items), c.standard]))
                for c in (latest.commitments if latest else [])}
    for zone in content.zones:
        leader = content.member_by_id.get(zone.leader)
        people = _people_of(zone, leader, content.member_by_id, labels)  # a zone is found by anyone in it
        sub = " · ".join(filter(None, [leader.name if leader else "", zone.location or "",
                                       labels.archived if zone.status == "archived" else ""]))
        docs.append(Doc("zone", zone.name, urls.of("zone", zone.id), sub, FIELDS.join(filter(None, [
            zone.short_name, zone.location, zone.scope, " ".join(zone.listed_duties), zone.slogan, zone.service_phone,
            content.branch_name(zone.branch), people,
            words_of(zone.content) if zone.content else "",
        ])), zone.status == "archived", f"{_spelled(zone.id)} {_dialled(zone.service_phone)}"))
    for member in content.public_members:
        sub = " · ".join(filter(None, [member.post or member.department, content.branch_name(member.branch),
                                       labels.former if member.status == "former" else ""]))
        docs.append(Doc("member", member.name, urls.of("member", member.id), sub, FIELDS.join(filter(None, [
            member.department, member.post, member.title, content.branch_name(member.branch),
            content.group_name(member.group), " ".join(member.tags), " ".join(h.title for h in member.honors),
            promises.get(member.id),
        ])), member.status == "former", _spelled(member.id)))
    for story in content.stories_by_date:
        meta = story.meta
        names = [content.member_by_id[m].name for m in dict.fromkeys(meta.members) if m in content.member_by_id]
        docs.append(Doc("story", meta.title, urls.of("story", story.slug), f"{meta.category} · {meta.date}", FIELDS.join(filter(None, [
            meta.summary, meta.category, meta.team, " ".join(names), words_of(story.body),
        ]))))
    for title, url, page_html in free_pages:
        text = text_of(page_html or "")
        docs.append(Doc("page", title, url, "", text))
    return docs


def build_index(docs: list[Doc], postings: Postings | None = None) -> dict:
    """{"docs": [[kind, title, url, sub(, past: 1 or 0(, [lengths of the title's parts]))]], "g": {gram: [posting]}};
    posting = doc * 2 + 1 when in the title.

    ``postings``, kept from the last build, files only the documents that changed."""
    postings = postings or Postings(None, "", grams)
    found = postings.of([(doc.title, " ".join(filter(None, (doc.text, doc.sub, doc.spelled)))) for doc in docs])
    return {
        "v": 1,
        "docs": [_entry(doc) for doc in docs],
        "g": dict(sorted(found.items())),
    }


def _entry(doc: Doc) -> list:
    parts = doc.parts
    return [doc.kind, doc.title, doc.url, doc.sub, *([int(doc.past), parts] if parts else [1] if doc.past else [])]


def excerpts(docs: list[Doc]) -> list[str]:
    """Each document's words in one line, in the order of the index's documents: the results show
    the words around what was typed, so that a visitor sees why a member or a story was found.
    A file of its own, fetched once results are shown: the index stays small for the box."""
    return [" ".join(UNSEEN.sub("", doc.text).split()) for doc in docs]
