"""Where names, titles and addresses may break on a narrow screen, as HTML: a name never inside
its parts, a title beside the campaign's terms or after a place, an address after a "/"."""

from __future__ import annotations

import re
from typing import Callable

from markupsafe import Markup, escape

from ..ids import COMPOUND_SURNAMES
from ..titles import LETTERS_AND_NUMBERS, TERM, inner_words, org_parts, title_parts, word_parts
from .chinesetext import NAME_DOTS, NUMBER_RUN
from .phones import callable_in_text

NAME_DOT = re.compile(rf"(?<=\S)[{NAME_DOTS}]")  # the dots between the parts of a transliterated name
_NAME_IN_TEXT = re.compile(rf"((?:[\u3400-\u9fff]{{1,5}}[{NAME_DOTS}])+[\u3400-\u9fff]{{1,5}})")  # such a name inside a title
_NUMBER_RUN = re.compile(NUMBER_RUN)


def _dots_held(text: str) -> Markup:
    """A part with a middle dot in it (“党员在身边·公交暖民心”) breaks after the dot when it must, not
    before it (browsers break before a CJK "·", leaving it to start a line), as who() holds a name's."""
    pieces = NAME_DOT.split(text)
    if len(pieces) < 2:
        return Markup(escape(text))
    dots = NAME_DOT.findall(text)
    held = Markup("").join(Markup('{}<span class="nb">{}{}</span><wbr>').format(piece[:-1], piece[-1:], dot)
                           for piece, dot in zip(pieces, dots))
    return held + Markup(escape(pieces[-1]))


def _a_name(title: str, found: re.Match) -> bool:
    """Whether dotted words in a title may be a person's name: not words of the campaign (夜班线路·守夜人党员…)
    nor a slogan in quotes (“党员在身边·公交暖民心”), which break as titles do (audit P)."""
    words = found.group()
    quoted = title[:found.start()].count("“") > title[:found.start()].count("”")
    return not quoted and "党员" not in words and not TERM.search(words)


def ranges_whole(text: Markup) -> Markup:
    """A range in a title (the tokens titles never cut, with a dash in them) kept on one line, as a
    sign keeps it: browsers break beside a dash, K0+000— / K3+500 (audit AS-E)."""
    return Markup(LETTERS_AND_NUMBERS.sub(
        lambda found: f'<span class="nb">{found.group(0)}</span>' if _DASH.search(found.group(0)) else found.group(0), text))


_DASH = re.compile("[—–～~]")


def numbers_whole(text: Markup, sized: bool = False, called: bool = False) -> Markup:
    """Numbers joined by hyphens kept on one line, as in Markdown (0999- / 3201234 cannot be dialled);
    ``sized``: each with its length (class n16), by which a call button sets it small enough to fit;
    ``called``: a phone number a link that calls it, as in Markdown (text outside any link)."""
    def kept(found: re.Match) -> str:
        run = found.group(0)
        whole = f'<span class="nb{f" n{min(len(run), 24)}" if sized else ""}">{run}</span>'
        dials = callable_in_text(run) if called else ""
        return f'<a href="tel:{dials}">{whole}</a>' if dials else whole

    kept_runs = _NUMBER_RUN.sub(kept, text)
    if called:  # 服务热线12122: a service number the text names as one (audit AS-AF L4)
        kept_runs = _SERVICE_NUMBER.sub(lambda found: f'{found.group(1)}<a href="tel:{found.group(2)}"><span class="nb">{found.group(2)}</span></a>', kept_runs)
    return Markup(kept_runs)


# a short service number (12345, 12122, 95598, 96777) right after the words that call it one
_SERVICE_NUMBER = re.compile(r"((?:热线|电话|拨打)[：:]?[ \u3000]?)(12\d{3}|9[56]\d{3})(?![0-9A-Za-z<-])")


# A part wider than a 200 % zoom's line breaks anywhere (overflow-wrap): never between a bracket or
# a pause and the character it belongs to (…平房片 / 区）…, AS-M 5)
_MARK_AFTER = re.compile("([^<>&;\\s])([，。、；：！？）」』”’》〉】〕…％℃‰]+)")
_MARK_BEFORE = re.compile("([（「『“‘《〈【〔]+)([^<>&\\s])")  # not inside a tag or an entity (&gt;)


def _marks_held(text: Markup) -> Markup:
    held = _MARK_AFTER.sub(r'<span class="nb">\1\2</span>', str(text))
    return Markup(_MARK_BEFORE.sub(r'<span class="nb">\1\2</span>', held))


def _kept_whole(part: str, marked: Callable[[str], Markup] = lambda word: _marks_held(escape(word))) -> Markup:
    """A part a page keeps whole ("nm", an inline block: it goes down a line whole when it fits
    there), with its words marked: wider than a whole line (a narrow phone, large text), it wraps
    between them, 同心广场 / 绿化美化, not anywhere, 同心广场绿化美 / 化 (audit AS-V F2)."""
    return Markup('<span class="nm">{}</span>').format(Markup("<wbr>").join(marked(word) for word in inner_words(part)))


def clauses(line: str) -> Markup:
    """A slogan's line broken after a pause when it must (老旧小区有党员， / 大事小情有人管), not
    inside a clause (…有党员，大 / 事小情…), as a page at large text broke it (AS-M 5)."""
    parts = [part for part in _AFTER_A_PAUSE.split(line) if part]
    if len(parts) < 2:
        return numbers_whole(escape(line))
    return Markup("<wbr>").join(_kept_whole(part, lambda word: _marks_held(numbers_whole(escape(word)))) for part in parts)


_AFTER_A_PAUSE = re.compile("(?<=[，、；：！？。])")
SHORT_PART = 10  # characters: a part of a title longer than this is cut again (after places, between words)


def phrase_parts(title: str) -> list[str]:
    """The parts a page keeps whole of a title without a transliterated name (SiteView.phrased)."""
    return title_parts(title, SHORT_PART)


def named(text: str) -> Markup:
    """A title with a transliterated name in it (记艾合买提江·买买提): the name's parts kept
    whole as who() keeps them, the rest of the title breaking as any text does. Which
    characters around the dots are the name is not known; a part is taken as at most five."""
    return Markup("").join(who(piece) if index % 2 else Markup(escape(piece))
                           for index, piece in enumerate(_NAME_IN_TEXT.split(text)))


def org_phrased(name: str) -> Markup:
    """An organization's name (the masthead's, without a short_name) breaking after a division
    or a place, not inside a word: 昌吉回族自治州 / 公共交通集团 / 有限责任公司党委."""
    parts = org_parts(name, SHORT_PART)
    if len(parts) < 2:
        return Markup(escape(name))
    return Markup("<wbr>").join(_kept_whole(part) for part in parts)


def party_body(name: str) -> bool:
    """Whether an organization's name is its party body's (…党支部委员会): the footer then does
    not add "党组织" after it."""
    return name.rstrip().endswith(("党委", "支部", "党总支", "党组", "委员会", "党工委", "党组织"))


def who(name: str) -> Markup:
    """A person's name that breaks only after its middle dots, never inside a part (艾尼瓦 / 尔)
    nor before a dot (browsers break before a CJK "·"): in the class "nm" (keep-all) nothing
    breaks but at the <wbr> after each dot, and each dot is held to the character before it
    ("nb"). No character is added that a visitor would copy with the name."""
    if not NAME_DOT.search(name):
        # a name without dots (王建国, 那仁格日勒) is kept whole too, and a narrow card sets it smaller
        # (徐光 / 明 at 115 % text on a 320 px phone, AS-V F2); a name in words (Li Ming) breaks between them
        if len(name) < 2 or re.search(r"\s", name):
            return Markup(escape(name))
        return Markup('<span class="nm w{}">{}</span>').format(min(9, len(name)), name)
    *parts, last = NAME_DOT.split(name)
    inner = Markup("").join(Markup('{}<span class="nb">{}{}</span><wbr>').format(part[:-1], part[-1:], dot)
                            for part, dot in zip(parts, NAME_DOT.findall(name)))
    # the widest line it may need, a part and its dot, in characters: a narrow card sets the
    # name small enough for it (艾合买提江· is six, 96.02 px at 16 px in a 96 px card)
    widest = min(9, max(len(last), *(len(part) + 1 for part in parts)))
    return Markup('<span class="nm w{}">{}{}</span>').format(widest, inner, last)


def phrased(title: str) -> Markup:
    """A title (a zone's name, a story's) breaks beside a term of the campaign ("优秀党员责任区"),
    after a place it names, at a pause or between words, not inside a word: 3号换热站安全运行 /
    优秀党员责任区, not …安全运 / 行优秀… (see titles). Those parts are kept whole ("nm": one
    wider than the line still breaks) with a <wbr> between them. A title with a transliterated
    name in it keeps that name whole instead (named)."""
    if NAME_DOT.search(title) and any(_a_name(title, found) for found in _NAME_IN_TEXT.finditer(title)):
        return named(title)
    parts = phrase_parts(title)
    if len(parts) < 2 and len(title) <= 4:
        return ranges_whole(Markup(escape(title)))
    return Markup("<wbr>").join(_kept_whole(part, lambda word: _marks_held(ranges_whole(_dots_held(word)))) for part in parts)


def initial(name: str) -> Markup:
    """What stands for a member without a photo: the surname, two characters when compound
    (欧阳, 上官: 欧 alone reads as another name), set smaller to fit."""
    if name[:2] in COMPOUND_SURNAMES and len(name) > 2:
        return Markup('<span class="two">{}</span>').format(name[:2])
    return Markup(escape(name[:1]))


def address(url: str) -> Markup:
    """A web address that breaks after a "/" (…example.cn/ | zones/garden/), not inside an id
    (gongr | e-baozhang), which a reader would take for two words; nothing is added to it."""
    head, slashes, rest = url.partition("//")
    return Markup(escape(head + slashes)) + Markup("/<wbr>").join(escape(part) for part in rest.split("/"))


def worded(text: str) -> Markup:
    """A tag or a role in a badge, broken only between its words when it is wider than its card
    (民族团结 / 一家亲, not 民族团 / 结一家亲)."""
    parts = word_parts(text) if not NAME_DOT.search(text) else [text]
    # a bracket's phrase wider than a card breaks after its pauses (（兼维吾尔语、 / 哈萨克语双语服务）),
    # and wherever it must, never before a pause or a closing bracket (audit AS-R 2)
    parts = [piece for part in parts for piece in (_AFTER_A_PAUSE.split(part) if len(part) > SHORT_PART else [part]) if piece]
    if len(parts) < 2:
        return _marks_held(escape(text))
    return Markup("<wbr>").join(Markup('<span class="nm">{}</span>').format(_marks_held(escape(part))) for part in parts)
