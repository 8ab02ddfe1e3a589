"""Where a title (a zone's name, the campaign's activity, a branch) reads well broken in lines.

A sign sets a zone's name in two or three centred lines and a page lets a phone wrap it; both break
it here rather than inside a word: 城东110千伏变电站 / 设备运维保障, not …变电 / 站设备….
"""

from __future__ import annotations

import functools
import hashlib
import marshal
import re
import unicodedata
from pathlib import Path

from .files import write_atomic
from .values import NO_LINE_END, NO_LINE_START

# Terms of the campaigns that names and titles end with or hold, longest first: a two-line zone
# name reads best broken just before "优秀党员责任区" (on a sign and on a page), an activity's after it.
_TERMS = ("优秀党员责任区", "党员示范责任区", "党员责任区", "示范责任区", "责任区", "党员示范岗", "示范岗", "党员先锋岗", "先锋岗", "创建活动")
# 共产党员 is one word: …优秀 / 共产党员示范责任区, not …优秀共产 / 党员示范责任区 (audit AS-A 1)
TITLE_TERMS = tuple(["共产" + term for term in _TERMS if term.startswith("党员")] + list(_TERMS))
TERM = re.compile("(" + "|".join(TITLE_TERMS) + ")")
TITLE_BREAK_BEFORE = re.compile("(?:共产)?党员")  # a title with none of those terms breaks before this word: …学生 / 党员示范宿舍
# The place or unit a title names ends with one of these (变电站, 华宁社区, 服务中心, 第三车间):
# a title reads well broken after it...
PLACE_ENDS = "站所区队组室院厂部场店点房处村班科校馆园港库楼局厅"
PLACE_WORDS = re.compile("中心|车间|公司|街道|通道|楼道|管道|河道")  # (同心, 时间, 知道 end no place)
# ...unless the next character goes on with the word (站长, 区内, 部门, 党组织, 点位, 道路, 场地),
# or is itself such an ending (班组, 场所, 科室).
GOES_ON = "长内外前后门员级属委务位域织署段路地屋落民式" + PLACE_ENDS
NO_PLACE = re.compile("乡村|农村")  # rural, not a village: 乡村 / 公路 would break a word
CLOSING = "）)】〕》」』"  # …（城区供电所） / 服务窗口
# A phrase ends at a pause (亮身份、 / 亮承诺) and a quote starts one; a list of things breaks
# before its conjunction (同心广场 / 及建设路两侧绿化带).
PAUSES, OPENING, CONJUNCTIONS = "、，,；;：", "“‘《「『（(【", "及和与暨并"
# words in which a conjunction's character joins nothing (北京协和医院 / 内科, not 北京协 / 和医院…)
NOT_JOINING = re.compile("协和|调和|温和|平和|柔和|缓和|祥和|总和|随和|饱和|亲和|中和|共和|和谐|和平|和睦|和美|和煦|"
                         "参与|给与|普及|危及|涉及|波及|顾及|及时|及早|合并|兼并|吞并|并肩|并网")
OPENS, CLOSES = "“‘《「『（(【〔", "”’》」』）)】〕"
HANZI = re.compile(r"[\u3400-\u9fff]")
# A character jieba cuts off alone that belongs to the word before it, a suffix or a particle
# (用水 / 户 is 用水户, 分钟 / 内 is 分钟内; a line never starts with 的), or to the word after it
# (兼 / 工作队, 每 / 一道).
ENDS_A_WORD = "的了着过地得们户班村乡县镇号期区员率季灯网井站队组处室所局厅院馆场门内后前时费证点线性化式型类人科部棚栋楼房园库亭店屋舍"  # 充电 / 棚 (AS-M 7)
STARTS_A_WORD = "兼副总原各每第首非准不"  # 遛狗 / 不拴绳, not 遛狗不 / 拴绳 (AS-M 7)
# A hospital's department is one word with its specialty (心血管内科, 神经外科), and jieba's 内科主任 is
# two (the department's end and the post): 原心血管内科 / 主任, not 原心血管 / 内科主任 (audit O).
DEPARTMENT = re.compile(r"^([内外]科)(.+)$")
SHORTEST = 2  # characters: no part of a broken title is shorter
CHINESE_NUMBER = re.compile("[零〇一二两三四五六七八九十百千万]+")


def _held(title: str, at: int) -> int:
    """A break moved off punctuation: an opening quote goes down with what it opens, a closing one
    stays up with what it closes (“党员先锋岗” never leaves a “ at a line's end)."""
    while 0 < at < len(title) and title[at - 1] in NO_LINE_END:
        at -= 1
    while 0 < at < len(title) and title[at] in NO_LINE_START:
        at += 1
    return at


def _inside(title: str, at: int, opens: str = "（「『《〈【〔([{", closes: str = "）」』》〉】〕)]}") -> bool:
    """Inside brackets, which hold one name ((城区供电所), 【…】); or, given “‘ and ”’, inside quotes."""
    head = title[:at]
    return sum(head.count(c) for c in opens) > sum(head.count(c) for c in closes)


def term_breaks(title: str) -> list[int]:
    """Before and after each term of the campaigns; with none, before the last 党员."""
    points = [at for match in TERM.finditer(title) for at in match.span()]
    if not points and (at := last_start(title, TITLE_BREAK_BEFORE)) is not None:
        points = [at]
    return points


def last_start(text: str, word: str | re.Pattern) -> int | None:
    """Where the last of a word (a pattern) starts in text, past its first SHORTEST characters."""
    found = [match.start() for match in re.finditer(word, text) if match.start() >= SHORTEST]
    return found[-1] if found else None


def place_breaks(title: str) -> list[int]:
    """After each place or unit the title names (…变电站 / 设备运维), after a closing bracket, after
    a pause, before a quote and before a conjunction between words."""
    ends = {at + 1 for at, char in enumerate(title[:-1]) if char in PLACE_ENDS}
    ends |= {found.end() for found in PLACE_WORDS.finditer(title)}
    ends -= {found.end() for found in NO_PLACE.finditer(title)}
    # no place ends inside quotes: “一站式” is one phrase
    points = [at for at in ends if at < len(title) and title[at] not in GOES_ON and not _inside(title, at, "“‘", "”’")]
    points += [at + 1 for at, char in enumerate(title[:-1]) if char in CLOSING]
    points += [at + 1 for at, char in enumerate(title[:-1]) if char in PAUSES]
    points += [at for at, char in enumerate(title) if char in OPENING]
    joining = {at for at, char in enumerate(title) if char in CONJUNCTIONS} - {
        at for found in NOT_JOINING.finditer(title) for at in range(*found.span())}
    points += [at for at in joining if HANZI.match(title[at - 1:at] or "x")
               and at + 3 <= len(title) and all(HANZI.match(c) for c in title[at + 1:at + 3])]
    return sorted(at for at in set(points) if not _inside(title, at) or title[at:at + 1] in OPENING)


# a token of letters and numbers, a range of them included (K271+350, 3-5, 7:30—8:15): never cut inside
LETTERS_AND_NUMBERS = re.compile(r"[A-Za-z0-9]+(?:[+:.\-/][A-Za-z0-9]+)*(?:[—–～~][A-Za-z0-9]+(?:[+:.\-/][A-Za-z0-9]+)*)*")


def _tidy(title: str, points) -> list[int]:
    held = {_held(title, at) for at in points}
    inside = {at for found in LETTERS_AND_NUMBERS.finditer(title) for at in range(found.start() + 1, found.end())}
    return sorted(at for at in held - inside if SHORTEST <= at <= len(title) - SHORTEST)


def title_breaks(title: str) -> tuple[int, ...]:
    """Every place where the title may be broken between lines, in order."""
    return tuple(_tidy(title, term_breaks(title) + place_breaks(title)))


# An organization's registered name runs down the administrative divisions (…自治区 / 昌吉回族自治州 /
# 呼图壁县 / 红星镇 / 向阳村党总支…): after each, where jieba's words agree (镇江市 is one word, not 镇 / 江市).
DIVISION_ENDS = "省市州县旗盟镇乡"


def org_breaks(org: str) -> tuple[int, ...]:
    """Where an organization's name may break between lines: as a title, and after each division."""
    words = word_breaks(org)
    divisions = {at + 1 for at, char in enumerate(org[:-1]) if char in DIVISION_ENDS} & set(words)
    return tuple(sorted({*title_breaks(org), *divisions}))


def word_breaks(title: str) -> tuple[int, ...]:
    """Between the words of a title, as jieba's dictionary cuts it (华宁社区 / 同心广场 / 及建设路 /
    两侧绿化带 / 环境卫生 / 综合治理): where a title with too few of the points above may still break."""
    return tuple(_tidy(title, between_words(title)))


class _WordsKept:
    """Boundaries found, kept in a file between builds (``keep_words_in``): loading the dictionary
    takes 0.15 s, as long as the rest of an edit's pages, and is then needed only for a new text.
    The file is read at the first lookup (a warm build looks up none), once a build: the print
    stage's layouts and the pages share it."""

    KEPT = 100_000  # texts kept in the file: every printable's of 5,000 members, and the titles

    def __init__(self) -> None:
        self.path: Path | None = None
        self.known: dict[str, tuple[int, ...]] = {}
        self.read = self.added = False

    def version(self) -> str:
        from importlib import metadata

        return f"{metadata.version('rjieba')}:{hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:16]}"

    def load(self, path: Path | None) -> None:
        """Keep what is found in the file at path (read when first needed); the same path again
        keeps what this process found so far (`mkdocs serve` builds again in it)."""
        if path != self.path:
            self.path, self.known, self.read, self.added = path, {}, False, False

    def lookup(self, text: str) -> tuple[int, ...] | None:
        if not self.read:
            self.read = True
            self.known = {**self._from_file(), **self.known}
        return self.known.get(text)

    def _from_file(self) -> dict[str, tuple[int, ...]]:
        try:
            version, known = marshal.loads(self.path.read_bytes()) if self.path else ("", {})
        except (OSError, EOFError, ValueError, TypeError):
            return {}
        return known if version == self.version() and isinstance(known, dict) else {}

    def save(self) -> None:
        if self.path is not None and self.added:
            try:
                write_atomic(self.path, marshal.dumps((self.version(), dict(list(self.known.items())[-self.KEPT:]))))
            except OSError:
                pass  # a read-only cache: the next build finds them again
            self.added = False


WORDS_FILE = "words.marshal"  # in the cache folder
_kept = _WordsKept()
keep_words_in, save_words = _kept.load, _kept.save


def between_words(text: str) -> list[int]:
    """Every boundary between the words of a text (jieba's dictionary, rjieba), but inside quotes or
    brackets (what they hold is one phrase: “一次都不跑” is not “一次 / 都不跑”), after a number
    or a letter, which keeps its unit (110千伏, 24小时, 5G基站, B座), and beside a sign that joins
    letters and numbers (K271+350)."""
    found = _kept.lookup(text)
    if found is None:
        found = _kept.known[text] = tuple(_between_words(text))
        _kept.added = True
    return list(found)


@functools.cache
def is_a_word(text: str) -> bool:
    """Whether jieba's dictionary holds text as one word (高峰, 海燕 do; 王芳 does not): a hidden
    member's name that is also a common word is found in 早高峰, and the notice says so (audit AS-Y M2)."""
    import rjieba

    return rjieba.cut(text, False) == [text]


def _between_words(text: str) -> list[int]:
    import rjieba  # its dictionary loads in about 0.15 s: only once a text needs it

    words = rjieba.cut(text)
    if "".join(words) != text:
        return []
    words = [piece for word in words for piece in (DEPARTMENT.match(word).groups() if DEPARTMENT.match(word) else (word,))]
    points, at, depth = [], 0, 0
    for word, following in zip(words, words[1:]):
        at += len(word)
        depth = max(0, depth + sum(word.count(c) for c in OPENS) - sum(word.count(c) for c in CLOSES))
        if depth or (word.isascii() and any(c.isalnum() for c in word) and all(c.isalnum() or _ascii_mark(c) for c in word)
                     and (len(word) <= 2 or any(c.isdigit() for c in word)) and not _after_a_stake(text, at, following)):
            continue
        if (following in ENDS_A_WORD and HANZI.match(word[-1])) or (word in STARTS_A_WORD and HANZI.match(following[0])):
            continue
        if following in ("内科", "外科") and HANZI.match(word[-1]):
            continue
        if CHINESE_NUMBER.fullmatch(word) and HANZI.match(following[0]):  # 二十四小时, 三个一: a number keeps its unit
            continue
        if in_a_word(text[at - 1]) and in_a_word(text[at]):  # jieba cuts Uyghur or Cyrillic letter by letter
            continue
        if _in_a_token(text, at):  # K271+350, 3-5号, 1/2: one token
            continue
        points.append(at)
    return points


_STAKE_UNITS = ("公里", "千米", "米", "处", "段", "路段", "桩")  # what a kilometre post keeps: K12+300处


def _after_a_stake(text: str, at: int, following: str) -> bool:
    """Whether at ends a stretch of road between two kilometre posts (K335+000—K398+600) that a
    word of its own follows: 除雪保通 is no unit of it, and a line may break there (audit AS-AF
    L5). One post keeps what follows it: K271+350道口 is the crossing there."""
    token = next((found.group() for found in LETTERS_AND_NUMBERS.finditer(text, max(0, at - 40), at) if found.end() == at), "")
    return ("+" in token and re.search("[—–～~]", token) is not None and any(c.isalpha() for c in token) and len(following) >= 2
            and all(HANZI.match(c) for c in following) and not following.startswith(_STAKE_UNITS))


def _in_a_token(text: str, at: int) -> bool:
    """Whether at (between text[at - 1] and text[at]) lies inside letters and numbers joined by a
    sign (K271+|350, 3|-5): 共建-共治 and 张三/李四 still break there."""
    before, after = text[at - 1], text[at]
    letter = lambda char: char.isascii() and char.isalnum()  # noqa: E731
    return (_ascii_mark(before) and letter(after) and at > 1 and letter(text[at - 2])) or (_ascii_mark(after) and letter(before) and at + 1 < len(text) and letter(text[at + 1]))


def _ascii_mark(char: str) -> bool:
    """A sign that joins letters or numbers into one token: K271+350 (a kilometre post), 3-5号, 1/2, 2.5, 8:00."""
    return char in "+-/.:#&_~"


def in_a_word(char: str) -> bool:
    """A letter of an alphabet (Uyghur, Cyrillic, Latin), or its mark: a word of them breaks at a space
    only, and is printed whole or not at all (print.glyphs). Hanzi, kana and hangul stand alone."""
    return unicodedata.category(char)[0] in "LM" and not HANZI.match(char) and not unicodedata.name(char, "").startswith(("CJK", "HIRAGANA", "KATAKANA", "HANGUL"))


def _cut(text: str, points) -> list[str]:
    edges = [0, *points, len(text)]
    return [text[start:end] for start, end in zip(edges, edges[1:]) if text[start:end]]


def title_parts(title: str, longest: int) -> list[str]:
    """The title in parts a page keeps whole: cut beside the campaigns' terms, a part longer than
    ``longest`` characters cut again after the places it names, and one still longer between its words."""
    parts: list[str] = []
    for part in _cut(title, _tidy(title, term_breaks(title))):
        if len(part) <= longest:
            parts.append(part)
            continue
        for place in _joined_short(_cut(part, _tidy(part, place_breaks(part)))):
            parts += _place_parts(place, longest) if len(place) > longest else [place]
    return parts


def _bracketed(text: str) -> bool:
    """Whether the text is all one bracket's ((…), not (…)…(…))."""
    if len(text) < 3 or dict(zip(OPENS, CLOSES)).get(text[0]) != text[-1]:
        return False
    return all(_inside(text, at) for at in range(1, len(text)))


def _place_parts(place: str, longest: int) -> list[str]:
    """A place too long for a part, cut between its words; a bracketed one ((幸福里北区及建设里平房
    片区)) after the places it holds, its brackets held to its first and last parts, so a phone
    never sets a ")" at a line's start (AS-M 5)."""
    if _bracketed(place):
        inner = place[1:-1]
        pieces = []
        for piece in _joined_short(_cut(inner, _tidy(inner, place_breaks(inner)))):
            pieces += _joined_short(_cut(piece, word_breaks(piece))) if len(piece) > longest else [piece]
        pieces[0], pieces[-1] = place[0] + pieces[0], pieces[-1] + place[-1]
        return pieces
    return _joined_short(_cut(place, word_breaks(place)))


def org_parts(org: str, longest: int) -> list[str]:
    """An organization's name in parts a page keeps whole: after each division and place (org_breaks),
    a part longer than ``longest`` characters cut again between its words."""
    parts: list[str] = []
    for part in _joined_short(_cut(org, org_breaks(org))):
        parts += _joined_short(_cut(part, word_breaks(part))) if len(part) > longest else [part]
    return parts


def word_parts(text: str) -> list[str]:
    """A short text (a tag, a role) in the words it keeps whole: 民族团结 / 一家亲, “一肩挑” / 带头人."""
    if len(text) <= 4:
        return [text]
    parts: list[str] = []
    for part in _cut(text, word_breaks(text)):  # "负责人 · " keeps its mark and space: 已调离 after them is a word of its own
        if parts and not part.strip(" ·、，,/|）)"):  # not an opening bracket: it goes with the word after
            parts[-1] += part
        else:
            parts.append(part)
    return _joined_short(parts, 2)


def inner_words(part: str) -> list[str]:
    """The words of a part kept whole, for a line narrower than the part: short ones joined
    (同心广场 / 绿化美化, not 同心 / 广场 / 绿化 / 美化)."""
    return _joined_short(_cut(part, word_breaks(part))) if len(part) > 4 else [part]


def _joined_short(parts: list[str], shortest: int = 3) -> list[str]:
    """Parts shorter than ``shortest`` characters joined to the next (同心广场 is kept whole, not 同心 /
    广场), the last one to the one before it."""
    joined: list[str] = []
    for part in parts:
        if joined and len(joined[-1]) < shortest:
            joined[-1] += part
        else:
            joined.append(part)
    if len(joined) > 1 and len(joined[-1]) < shortest:
        joined[-2:] = [joined[-2] + joined[-1]]
    return joined

