"""Check: personal numbers typed into public text, and hidden members named in it.

The format keeps personal data out by having no field for it; editors still paste a resident's
mobile into a role's name or an ID number into an assessment's note. An ID number is never
public: an error. A mobile number, an e-mail address or a QQ number may be one a member agreed
to publish: a notice. The phone fields (service_phone, hotline) are public numbers by definition
and are not looked at. A hidden member's name in that text is a notice too (a namesake may be meant).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from dataclasses import replace
from typing import Any, Callable, Iterator, get_args

from pydantic import BaseModel

from ..content import Content
from ..model import Commitment, Member
from ..values import Markdown
from ..problems import Location, Problem, dotted
from ..site.rawhtml import unpublished_blanked
from ..titles import is_a_word

PHONE_FIELDS = {"service_phone", "hotline"}
# an ID number as typed or copied from a form: 130103199001011234, or grouped 130103 19900101 123X;
# the old 15-digit form (a region, then the birth date as YYMMDD, then three digits)
ID_NUMBER = re.compile(r"(?<![0-9])[1-8][0-9]{5}[ -]?[0-9]{4}[ -]?[0-9]{2}[ -]?[0-9]{2}[ -]?[0-9]{3}[0-9Xx](?![0-9A-Za-z])")
OLD_ID_NUMBER = re.compile(r"(?<![0-9])[1-8][0-9]{5}[ -]?[0-9]{6}[ -]?[0-9]{3}(?![0-9A-Za-z])")
MOBILE = re.compile(r"(?<![0-9])1[3-9][0-9][ -]?[0-9]{4}[ -]?[0-9]{4}(?![0-9])")
EMAIL = re.compile(r"(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
QQ = re.compile(r"(?:QQ|qq|扣扣)\s*(?:号码?)?\s*[:：]?\s*[1-9][0-9]{4,10}(?![0-9])")
# what either of them starts with, in a text as typed (full-width digits are read by NFKC)
_CANDIDATE = re.compile(r"[1１][3-9３-９][0-9０-９][ -]?[0-9０-９]{4}|[1-8１-８][0-9０-９]{5}")
# the provinces' codes an ID number begins with (GB/T 2260), and words said beside one
_REGIONS = {11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54,
            61, 62, 63, 64, 65, 71, 81, 82, 83}
_NAMED_AS_ID = re.compile(r"身份证|身份号|证件号|证号|公民身份|ID", re.IGNORECASE)
_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def is_id_number(text: str, said: bool = False) -> bool:
    """A resident ID number (GB 11643), its separators taken out: a province, then a birth date
    that has been. A contract or serial number can look the same: an 18-digit one must carry a
    right check character, unless the text calls it an ID number (``said``: then one typed with a
    digit wrong is still somebody's); the old 15-digit form, which has none, only when it is called one."""
    digits = re.sub(r"[ -]", "", text).upper()
    old = len(digits) == 15
    if old:  # issued before 1999 to people born in the 1900s
        digits = digits[:6] + "19" + digits[6:] + "0"
    try:
        born = dt.date(int(digits[6:10]), int(digits[10:12]), int(digits[12:14]))
    except ValueError:
        return False
    if len(digits) != 18 or int(digits[:2]) not in _REGIONS or not 1900 <= born.year or born > dt.date.today():
        return False
    if said:
        return True
    checked = "10X98765432"[sum(int(d) * w for d, w in zip(digits[:17], _WEIGHTS)) % 11] == digits[17]
    return checked and not old


def private_texts(content: Content, published: list[tuple[Any, tuple, str, bool]]) -> tuple[list[Problem], list[Problem]]:
    """(errors, notices): ID numbers, mobile numbers, e-mail addresses and QQ numbers in what the
    site publishes (``published_texts``), and hidden members' names in it."""
    errors: list[Problem] = []
    notices: list[Problem] = []
    hidden = _hidden_names(content)

    def seen(text: str, numbers: bool = True) -> bool:
        return _worth_a_look(text, hidden, numbers)

    for record, path, text, _ in published:
        if seen(text):
            _look(text, _within(text, lambda: record.at(*path), record.field_name(*path)), errors, notices, hidden)
    for source, path, text in _failed_texts(content):
        if seen(text):
            _look(text, _within(text, lambda: source.at(*path), dotted(path)), errors, notices, hidden)
    bodies = [(story.meta.path, story.body, story.body_line, "body", True) for story in content.stories]
    bodies += [(where.path, text, where.line, "body", True) for text, where, field, base, *_ in content.rejected_texts
               if (field, base) == ("body", "stories")]  # a story whose header failed
    bodies += [(_shown(content, page), text, 1, "-", True) for page, text in content.page_texts.items()]
    for path, body, first, field, numbers in bodies:
        if seen(body, numbers):
            for number, line in enumerate(unpublished_blanked(body).split("\n"), first):  # each line once
                if seen(line, numbers):
                    _look(line, lambda at=0: (Location(path, number), field), errors, notices, hidden, numbers)
    return errors, notices


def written_by_plugins(content: Content, page: str, source: str, written: str) -> tuple[list[Problem], list[Problem]]:
    """(errors, notices) of what another plugin wrote into a free page (macros runs the page as a
    template, include-markdown pulls in any file: members.yaml's hidden members too), looked for as
    in the page's own text; only the lines its source does not hold, which were looked at already."""
    errors: list[Problem] = []
    notices: list[Problem] = []
    hidden, own = _hidden_names(content), set(source.split("\n"))
    where = Location(_shown(content, page))
    for line in unpublished_blanked(written).split("\n"):
        if line not in own and _worth_a_look(line, hidden):
            _look(line, lambda at=0: (where, "-"), errors, notices, hidden)

    def told(problems: list[Problem]) -> list[Problem]:  # the text is not in the file: say where it came from
        return list(dict.fromkeys(replace(p, message=f"别的插件写进这个页面的文字里：{p.message}") for p in problems))  # each once

    return told(errors), told(notices)


def _worth_a_look(text: str, hidden: re.Pattern | None, numbers: bool = True) -> bool:
    """Whether text may hold a number or a hidden name: rare, so where and which field are worked out only then."""
    return bool(numbers and (_CANDIDATE.search(text) or "@" in text or QQ.search(text)) or hidden and hidden.search(text))


def _hidden_names(content: Content) -> re.Pattern | None:
    """Hidden members' names: their pages are gone, but a story or a zone's text may still say who
    they are. A name a published member shares is not looked for; two people of one name may be
    meant, so each is a notice, not an error."""
    public = {m.name for m in content.members if not m.hidden}
    names = sorted({m.name for m in content.members if m.hidden and len(m.name) >= 2 and m.name not in public}, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, names))) if names else None


def _shown(content: Content, page: str) -> str:
    """A free page's path as messages show it, from the site's root (content/about.md)."""
    try:
        return (content.docs_dir / page).resolve().relative_to(content.root.resolve()).as_posix()
    except (OSError, ValueError):
        return page


def published_records(content: Content) -> list[Any]:
    """The records whose text the site publishes (a hidden member's are not)."""
    hidden = {m.id for m in content.members if m.hidden}
    records: list[Any] = [r for r in (content.org,) if r is not None]
    records += [m for m in content.members if not m.hidden] + content.zones + content.assessments + content.partial_assessments
    records += [story.meta for story in content.stories]
    records += [c for year in content.commitments + content.partial_commitments for c in year.commitments if c.member not in hidden]
    return records + [r.record for r in content.rejected if _published_rejected(r.record, hidden)]


def _published_rejected(record: Any, hidden: set[str]) -> bool:
    """Whether a record rejected for another field would publish its text once that field is
    fixed (its failed fields left out: load.validate._partial); not when that is unknown."""
    if isinstance(record, Member):
        return record.__dict__.get("hidden") is False
    if isinstance(record, Commitment):
        return record.__dict__.get("member") is not None and record.member not in hidden
    return record is not None


def _failed_texts(content: Content) -> Iterator[tuple[Any, tuple, str]]:
    """(source, key path, text) of the fields a rejected record's partial leaves out, as written:
    a role with both member and name failed the whole roles list, and the ID number in another
    role's name was said only once the first was fixed (audit AS-M 9)."""
    hidden = {m.id for m in content.members if m.hidden}
    for rejected in content.rejected:
        record, data = rejected.record, rejected.data
        if record is None or not isinstance(data, dict) or not _published_rejected(record, hidden):
            continue
        for name in rejected.model.model_fields.keys() & data.keys() - record.__dict__.keys() - PHONE_FIELDS:
            for path, text in texts(data[name], rejected.loc + (name,)):
                yield rejected.source, path, unpublished_blanked(text) if _is_markdown(rejected.model, name) else text


def texts(value: Any, path: tuple) -> list[tuple[tuple, str]]:
    """Every text in a record (or in what was written, parsed), with its key path; not the phone
    fields; the Markdown ones as published."""
    found: list[tuple[tuple, str, bool]] = []
    _texts_into(found, value, path)
    return [(where, text) for where, text, _ in found]


def published_texts(content: Content) -> list[tuple[Any, tuple, str, bool]]:
    """(record, key path, text, whether a Markdown field) of every text the site publishes, the
    Markdown ones as published: one walk for the checks that read them all (30 ms at 1,000 members)."""
    found: list[tuple[Any, tuple, str, bool]] = []
    for record in published_records(content):
        walked: list[tuple[tuple, str, bool]] = []
        _texts_into(walked, record, ())
        found += [(record, *text) for text in walked]
    return found


def _texts_into(found: list, value: Any, path: tuple) -> None:
    """texts(), each with whether it is a Markdown field's, appended to found: a function, not a
    generator, as a record is four levels deep (26,000 texts of 1,000 members: a third of the time)."""
    if isinstance(value, str):
        found.append((path, value, False))
    elif isinstance(value, BaseModel):
        markdown = _markdown_fields(type(value))
        for name, item in value.__dict__.items():
            if isinstance(item, str):
                if name in markdown:
                    found.append((path + (name,), unpublished_blanked(item), True))
                elif name not in PHONE_FIELDS:
                    found.append((path + (name,), item, False))
            elif isinstance(item, (BaseModel, dict, list)) and name not in PHONE_FIELDS:
                _texts_into(found, item, path + (name,))
    elif isinstance(value, dict):  # as written, in a field a rejected record failed on (_failed_texts)
        for key, item in value.items():
            if isinstance(key, str) and key not in PHONE_FIELDS:
                _texts_into(found, item, path + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _texts_into(found, item, path + (index,))


@functools.cache
def _markdown_fields(model: type[BaseModel]) -> frozenset[str]:
    return frozenset(name for name in model.model_fields if _is_markdown(model, name))


@functools.cache
def _is_markdown(model: type[BaseModel], name: str) -> bool:
    field = model.model_fields.get(name)
    return field is not None and (field.annotation == Markdown or Markdown in get_args(field.annotation))


def _within(text: str, key: Callable[[], Location], field: str) -> Callable[[int], tuple[Location, str]]:
    """Where the character at an offset of a field's text was written: a block scalar's (`content: |`)
    lines start on the line after its key (audit AS-Y M2 was told at the key, lines above the word)."""
    def place(at: int = 0) -> tuple[Location, str]:
        where = key()
        if where.line and "\n" in text:
            return Location(where.path, where.line + 1 + text.count("\n", 0, at), 1), field
        return where, field
    return place


def _look(text: str, place: Callable[..., tuple[Location, str]], errors: list[Problem], notices: list[Problem],
          hidden: re.Pattern | None = None, numbers: bool = True) -> None:
    if hidden is not None and (found := hidden.search(text)):
        name = found.group()
        notices.append(Problem(*place(found.start()), f"这里提到了“{name}”，名单里的{name}设为不公开（hidden: true）",
                               "如果说的就是这名党员，删掉或改成“一名党员”；说的是同名的另一个人" +
                               (f"，或者“{name}”在这里只是个普通的词（它也是常用词），可以不管" if is_a_word(name) else "，可以不管")))
    if not numbers:
        return
    text = unicodedata.normalize("NFKC", text)  # １３０１０３… typed in an input method's full-width mode
    said = bool(_NAMED_AS_ID.search(text))
    for pattern in (ID_NUMBER, OLD_ID_NUMBER):
        for found in pattern.finditer(text):
            if is_id_number(found.group(), said):
                number = re.sub(r"[ -]", "", found.group())
                errors.append(Problem(*place(found.start()), f"这里有一个身份证号（{number[:6]}{'*' * (len(number) - 10)}{number[-4:]}），会公开发布",
                                      "身份证号不能公开：删掉它"))
                text = text.replace(found.group(), " ")
    said_once: set[str] = set()  # one number pasted 3,000 times is one notice (audit AQ 4)
    for found in MOBILE.finditer(text):
        digits = re.sub(r"\D", "", found.group())
        if digits not in said_once:
            said_once.add(digits)
            notices.append(Problem(*place(found.start()), f"这里有一个手机号（{digits[:3]}****{digits[-4:]}），会公开发布",
                                   "个人电话不公开：除非本人同意公开，删掉它；公开的服务电话写在责任区的 service_phone"))
    for found in (*EMAIL.finditer(text), *QQ.finditer(text)):
        if found.group() not in said_once:
            said_once.add(found.group())
            what = "电子邮箱" if "@" in found.group() else "QQ号"
            notices.append(Problem(*place(found.start()), f"这里有一个{what}（{_masked(found.group())}），会公开发布",
                                   f"个人的{what}不公开：除非本人同意公开，删掉它"))


def _masked(text: str) -> str:
    """zhangwei.x@163.com -> zh***@163.com, QQ 12345678 -> QQ 12****78."""
    if "@" in text:
        user, host = text.split("@", 1)
        return f"{user[:2]}***@{host}"
    digits = re.search(r"[0-9]+", text).group()
    return text.replace(digits, f"{digits[:2]}****{digits[-2:]}")
