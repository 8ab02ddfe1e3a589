"""Check: personal numbers typed into public text, and hidden members named in it.

The format keeps personal data out by having no field for it; editors still paste a resident's
mobile into a role's name or an ID number into an assessment's note. An ID number is never
public: an error. A mobile number may be one a member agreed to publish: a notice. The phone
fields (service_phone, hotline) are public numbers by definition and are not looked at.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from typing import Any, Callable, Iterator, get_args

from pydantic import BaseModel

from ..content import Content
from ..values import Markdown
from ..problems import Location, Problem
from ..site.rawhtml import unpublished_blanked

PHONE_FIELDS = {"service_phone", "hotline"}
ID_NUMBER = re.compile(r"(?<![0-9])[1-9][0-9]{16}[0-9Xx](?![0-9A-Za-z])")
MOBILE = re.compile(r"(?<![0-9])1[3-9][0-9][ -]?[0-9]{4}[ -]?[0-9]{4}(?![0-9])")
_CANDIDATE = re.compile(r"1[3-9][0-9][ -]?[0-9]{4}|[1-8][0-9]{16}")  # what either of them starts with


def is_id_number(text: str) -> bool:
    """A resident ID number (GB 11643): a region, then a real birth date. Its check character is
    not required: a number typed with one digit wrong is still somebody's."""
    try:
        born = dt.date(int(text[6:10]), int(text[10:12]), int(text[12:14]))
    except ValueError:
        return False
    return text[0] in "12345678" and 1900 <= born.year <= 2100


def private_numbers(content: Content) -> tuple[list[Problem], list[Problem]]:
    """(errors, notices): ID numbers and mobile numbers in what the site publishes."""
    errors: list[Problem] = []
    notices: list[Problem] = []
    for record in published_records(content):
        for path, text in texts(record, ()):
            if _CANDIDATE.search(text):  # rare: where and which field are worked out only then
                _look(text, lambda: (record.at(*path), record.field_name(*path)), errors, notices)
    for story in content.stories:
        if _CANDIDATE.search(story.body):
            for number, line in enumerate(unpublished_blanked(story.body).split("\n"), story.body_line):  # each line once, however many numbers
                if _CANDIDATE.search(line):
                    _look(line, lambda: (Location(story.meta.path, number), "正文"), errors, notices)
    return errors, notices


def hidden_names(content: Content) -> list[Problem]:
    """Notices where a hidden member's name stands in published text: the member's page is gone,
    but a story or a zone's text may still say who they are. A name a published member shares is
    not looked for (and two people of one name may be meant: a notice, not an error)."""
    public = {m.name for m in content.members if not m.hidden}
    names = sorted({m.name for m in content.members if m.hidden and len(m.name) >= 2 and m.name not in public}, key=len, reverse=True)
    if not names:
        return []
    pattern = re.compile("|".join(map(re.escape, names)))
    notices: list[Problem] = []

    def said(where: Location, field: str, name: str) -> None:
        notices.append(Problem(where, field, f"这里提到了“{name}”，名单里的{name}设为不公开（hidden: true）",
                               f"如果说的就是这名党员，删掉或改成“一名党员”；说的是同名的另一个人，可以不管"))

    for record in published_records(content):
        for path, text in texts(record, ()):
            if found := pattern.search(text):
                said(record.at(*path), record.field_name(*path), found.group())
    bodies = [(story.meta.path, story.body, story.body_line, "正文") for story in content.stories]
    bodies += [(_shown(content, page), text, 1, "-") for page, text in content.page_texts.items()]
    for path, body, first, field in bodies:
        if pattern.search(body):
            for number, line in enumerate(unpublished_blanked(body).split("\n"), first):
                if found := pattern.search(line):
                    said(Location(path, number), field, found.group())
    return notices


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
    return records


def texts(value: Any, path: tuple, markdown: bool = True) -> Iterator[tuple[tuple, str]]:
    """Every text in a record, with its key path; not the phone fields; the Markdown ones (as
    published) unless markdown is False."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, BaseModel):
        for name, item in value.__dict__.items():
            if isinstance(item, str) and _is_markdown(type(value), name):
                if markdown:
                    yield path + (name,), unpublished_blanked(item)
            elif item is not None and name not in PHONE_FIELDS:
                yield from texts(item, path + (name,), markdown)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from texts(item, path + (index,), markdown)


@functools.cache
def _is_markdown(model: type[BaseModel], name: str) -> bool:
    field = model.model_fields.get(name)
    return field is not None and (field.annotation == Markdown or Markdown in get_args(field.annotation))


def _look(text: str, place: Callable[[], tuple[Location, str]], errors: list[Problem], notices: list[Problem]) -> None:
    for found in ID_NUMBER.finditer(text):
        if is_id_number(found.group()):
            number = found.group()
            errors.append(Problem(*place(), f"这里有一个身份证号（{number[:6]}********{number[-4:]}），会公开发布",
                                  "身份证号不能公开：删掉它"))
            text = text.replace(number, " ")
    for found in MOBILE.finditer(text):
        digits = re.sub(r"\D", "", found.group())
        notices.append(Problem(*place(), f"这里有一个手机号（{digits[:3]}****{digits[-4:]}），会公开发布",
                               "个人电话不公开：除非本人同意公开，删掉它；公开的服务电话写在责任区的 service_phone"))
