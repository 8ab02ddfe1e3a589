"""The JSON Schemas editors get: generated from the models, committed, current, and agreeing with validate."""

from __future__ import annotations

import fnmatch
import json
import re
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from conftest import REPO
from liangxiang.load.frontmatter import split_front_matter
from liangxiang.load.yamlfile import parse
from liangxiang.model import Zone
from liangxiang.values import PERIOD_PATTERN
from liangxiang.problems import Problems
from liangxiang.schema import DATE_MESSAGE, DATE_PATTERN, KINDS, render, schema_for

SCHEMAS = REPO / "schemas"
CHINESE = re.compile(r"[\u4e00-\u9fff]")
BY_NAME = {kind.name: kind for kind in KINDS}


def load(path: Path):
    """A content file as the site reads it (YAML 1.2-like: dates and phones stay text)."""
    text = path.read_text(encoding="utf-8-sig")
    if path.suffix == ".md":
        text = split_front_matter(text)[0]
    problems = Problems()
    document = parse(text, path.name, problems)
    assert not problems, list(problems)
    return document.data


def errors(kind: str, data) -> list[str]:
    validator = jsonschema.Draft7Validator(json.loads((SCHEMAS / BY_NAME[kind].filename).read_text(encoding="utf-8")))
    return [e.message for e in validator.iter_errors(data)]


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.name)
def test_committed_schema_is_current(kind):
    path = SCHEMAS / kind.filename
    assert path.is_file(), f"{path} is missing: run `liangxiang schemas`"
    assert path.read_text(encoding="utf-8") == render(kind), f"{path} is stale: run `liangxiang schemas`"


def test_no_stray_schema_files():
    assert sorted(p.name for p in SCHEMAS.iterdir()) == sorted(k.filename for k in KINDS)


def test_cli_regenerates_and_checks(tmp_path):
    cli = [sys.executable, "-m", "liangxiang.cli"]
    assert subprocess.run([*cli, "schemas", "--check", str(SCHEMAS)], capture_output=True).returncode == 0
    stale = subprocess.run([*cli, "schemas", "--check", str(tmp_path)], capture_output=True, text=True)
    assert stale.returncode == 1 and "members.schema.json" in stale.stderr
    written = subprocess.run([*cli, "schemas", str(tmp_path)], capture_output=True, text=True)
    assert written.returncode == 0, written.stderr
    for kind in KINDS:
        assert (tmp_path / kind.filename).read_bytes() == (SCHEMAS / kind.filename).read_bytes()


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.name)
def test_schema_is_draft7_self_contained_and_strict(kind):
    schema = json.loads((SCHEMAS / kind.filename).read_text(encoding="utf-8"))
    jsonschema.Draft7Validator.check_schema(schema)
    text = json.dumps(schema)
    assert "$ref" not in text and "$defs" not in text  # draft 7 ignores keywords beside a $ref
    objects = list(_objects(schema))
    assert objects and all(o.get("additionalProperties") is False for o in objects)


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.name)
def test_every_field_has_chinese_title_and_description(kind):
    schema = schema_for(kind.model)
    assert CHINESE.search(schema["title"]) and CHINESE.search(schema["description"])
    for where, field in _fields(schema):
        assert CHINESE.search(field.get("title", "")), f"{kind.name}: {where} has no Chinese title"
        assert CHINESE.search(field.get("description", "")), f"{kind.name}: {where} has no Chinese description"


def test_patterns_and_their_words():
    zone = schema_for(Zone)["properties"]
    assert zone["id"]["pattern"] == "^[a-z0-9][a-z0-9-]{0,63}$" and CHINESE.search(zone["id"]["patternErrorMessage"])
    assessment = BY_NAME["assessment"].model
    period = schema_for(assessment)["properties"]["period"]
    assert period["pattern"] == PERIOD_PATTERN and CHINESE.search(period["patternErrorMessage"])
    assert re.fullmatch(PERIOD_PATTERN, "2026-Q4") and not re.fullmatch(PERIOD_PATTERN, "0000-Q1")
    published = schema_for(assessment)["properties"]["published"]
    assert published["pattern"] == DATE_PATTERN and published["patternErrorMessage"] == DATE_MESSAGE
    assert [bool(re.fullmatch(DATE_PATTERN, date)) for date in ("2026-03-12", " 2026-03-12 ", "2026-13-01", "2026-00-10", "2026-3-1", "1899-12-31")] == [
        True, True, False, False, False, False]  # months and days as a calendar has them (AS-N 7)
    # and the days each month has, 29 February in leap years only (audit AS-S 7: 2026-02-30 passed the schema)
    assert [bool(re.fullmatch(DATE_PATTERN, date)) for date in ("2026-02-30", "2026-04-31", "2026-02-29", "2028-02-29", "2000-02-29",
                                                               "2100-02-29", "1900-02-29", "2026-12-31", "2026-11-30")] == [
        False, False, False, True, True, False, False, True, True]
    # the editor's words for a bad date are validate's words
    with pytest.raises(Exception) as error:
        assessment.model_validate({"period": "2026-Q1", "published": "2026/4/5"})
    assert DATE_MESSAGE in str(error.value)


# the schemas agree with validate on the example and on typical mistakes -------------------------

def example_files():
    for kind in KINDS:
        patterns = kind.files or ("content/stories/*.md",)
        for path in sorted(p for p in REPO.rglob("*") if p.is_file() and not {".venv", ".git", "site"} & set(p.parts)):
            relative = path.relative_to(REPO).as_posix()
            if any(fnmatch.fnmatch(relative, pattern) for pattern in patterns):
                yield pytest.param(kind.name, path, id=relative)


@pytest.mark.parametrize("kind, path", list(example_files()))
def test_example_content_passes_its_schema(kind, path):
    assert errors(kind, load(path)) == []


MEMBER = {"id": "zhang-wei", "name": "张伟", "branch": "wuye-1"}
ZONE = {"id": "garden", "name": "花园", "branch": "b1", "scope": "一片", "duties": ["浇水"], "leader": "zhang-wei",
        "service_phone": "0317-2720001"}

MISTAKES = [
    ("members", {"members": [{**MEMBER, "pots": "站长"}]}, "unknown key"),
    ("members", {"members": [{**MEMBER, "phone": "13800000000"}]}, "private data has no field"),
    ("members", {"members": [{**MEMBER, "id": "Zhang Wei"}]}, "id pattern"),
    ("members", {"members": [{**MEMBER, "joined": "一九九八"}]}, "year is a number"),
    ("members", {"members": [{**MEMBER, "status": "retired"}]}, "status choices"),
    ("members", {"members": [{"id": "zhang-wei", "name": "张伟"}]}, "branch required"),
    ("zone", {**ZONE, "duties": []}, "at least one duty"),
    ("zone", {**ZONE, "roles": [{"role": "监督员", "member": "li-na", "name": "李娜"}]}, "member and name both"),
    ("zone", {**ZONE, "roles": [{"role": "监督员"}]}, "member or name missing"),
    ("zone", {**ZONE, "signboard": {"size": "60*40"}}, "signboard size"),
    ("zone", {**ZONE, "signboard": {"size": "90x60mm"}}, "signboard side under 100 mm"),
    ("zone", {**ZONE, "signboard": {"size": "6000x600mm"}}, "signboard side over 5000 mm"),
    ("members", {"members": [{**MEMBER, "hidden": None}]}, "hidden left empty"),
    ("members", {"members": [{**MEMBER, "name": ""}]}, "a required text left empty"),
    ("members", {"members": [{**MEMBER, "joined": "1850"}]}, "a year as text out of range"),
    ("assessment", {"period": "2026-Q1", "published": "2026-04-05", "results": [{"zone": "garden", "score": "101"}]}, "score as text out of range"),
    ("zone", {**ZONE, "roles": [{"role": "监督员", "member": "li-na", "name": " "}, {"role": "x", "member": "", "name": ""}]}, "role with neither"),
    ("commitments", {"year": 2026, "commitments": [{"member": "li-na", "promise": "x",
                                                    "progress": [{"date": "2026/3/12", "text": "y"}]}]}, "date format"),
    ("assessment", {"period": "2026-Q5", "published": "2026-04-05"}, "period pattern"),
    ("assessment", {"period": "2026-Q1", "published": "2026-04-05", "results": [{"zone": "garden", "score": 101}]}, "score range"),
    ("story", {"title": "t", "date": "2026-01-01"}, "category required"),
    # audit AS-N: what validate refused with no squiggle in the editor
    ("members", {"members": [{**MEMBER, "name": "   "}]}, "a required text of spaces"),
    ("members", {"members": [{**MEMBER, "name": "\u3000"}]}, "a required text of a full-width space"),
    ("members", {"members": [{**MEMBER, "name": "\u200b"}]}, "a required text of a zero-width space"),
    ("zone", {**ZONE, "duties": ["  "]}, "a list item of spaces"),
    ("members", {"members": [{**MEMBER, "tags": ["党员示范岗，青年文明号"]}]}, "two tags in one, a full-width comma"),
    ("zone", {**ZONE, "service_phone": 317.2721365}, "a phone written 0317.2721365, which YAML reads as a decimal"),
    ("zone", {**ZONE, "service_phone": "电话待定"}, "a phone with no number"),
    ("commitments", {"year": 2026, "commitments": [{"member": "li-na", "promise": "x",
                                                    "progress": [{"date": "2026-13-01", "text": "y"}]}]}, "a month that is none"),
]

# refused by validate's checks rather than the models (each is a case of test_rules), and by the schema
CHECKED = [
    ("members", {"members": [{**MEMBER, "post": "无"}]}, "none written in an optional text"),
    ("members", {"members": [{**MEMBER, "name": "N/A"}]}, "none written in a required text"),
    ("zone", {**ZONE, "scope": "（暂无）"}, "none written in brackets"),
    ("members", {"members": [{**MEMBER, "joined": 1920}]}, "joined before the party was founded"),
    ("members", {"members": [{**MEMBER, "aliases": ["lina", "lina"]}]}, "an alias twice"),
    ("org", {"name": "单位", "activity": "活动", "story_categories": ["劳动模范", "劳动模范"], "branches": [{"id": "b1", "name": "支部"}]},
     "a category twice"),
]


@pytest.mark.parametrize("kind, data, what", CHECKED, ids=[m[2] for m in CHECKED])
def test_schema_rejects_what_validates_checks_refuse(kind, data, what):
    assert errors(kind, data), f"the schema accepts: {what}"


@pytest.mark.parametrize("kind, data, what", MISTAKES, ids=[m[2] for m in MISTAKES])
def test_schema_and_model_both_reject(kind, data, what):
    assert errors(kind, data), f"the schema accepts: {what}"
    with pytest.raises(Exception):
        BY_NAME[kind].model.model_validate(data)


ACCEPTED = [
    ("members", {"members": [{**MEMBER, "joined": 2008, "tags": ["党员示范岗"], "hidden": False}]}),
    ("org", {"name": "单位", "activity": "活动", "hotline": 12345, "branches": [{"id": "b1", "name": "支部"}]}),  # a bare number
    ("zone", {**ZONE, "roles": [{"role": "监督员", "name": "王芳"}], "signboard": {"size": "900x600mm"}}),
    ("assessment", {"period": "2026-Q1", "published": "2026-04-05", "results": [{"zone": "garden", "score": 93.5}]}),
    # numbers written as text, as editors quote them
    ("members", {"members": [{**MEMBER, "joined": "2008", "honors": [{"year": " 2020 ", "title": "优秀党员"}]}]}),
    ("assessment", {"period": "2026-Q1", "published": "2026-04-05", "results": [{"zone": "garden", "score": "93.5"},
                                                                                {"zone": "x", "score": "100"}]}),
    ("commitments", {"year": "2026", "commitments": [{"member": "li-na", "promise": "x"}]}),
    # optional fields left empty: not written
    ("members", {"members": [{**MEMBER, "post": "", "title": None, "tags": None, "status": "", "group": "", "joined": ""}]}),
    ("zone", {**ZONE, "slogan": "", "signboard": None, "successor": "", "roles": [{"role": "监督员", "member": "li-na", "name": None},
                                                                                  {"role": "安全员", "member": "", "name": "王芳"}]}),
    ("zone", {**ZONE, "signboard": {"size": "100x5000mm", "orientation": ""}}),
    ("story", {"title": "t", "date": "2026-01-01", "category": "劳动模范", "summary": "", "cover": None, "zone": ""}),
    # audit AS-N 5: ways of leaving an optional field empty that the editor flagged
    ("members", {"members": [{**MEMBER, "tags": "", "aliases": "  ", "department": "\u200b", "joined": " "}]}),
    ("zone", {**ZONE, "members": "\u3000", "signboard": " "}),
    ("org", {"name": "单位", "activity": "活动", "hotline": "", "branches": [{"id": "b1", "name": "支部"}]}),
    ("commitments", {"year": 2026, "commitments": [{"member": "li-na", "promise": "x", "items": "",
                                                    "review": {"date": "", "result": "优秀"}}]}),
    ("members", {"members": [{**MEMBER, "post": "无线班班长", "name": "N/A组"}]}),  # words that only start like 无, N/A
]


@pytest.mark.parametrize("kind, data", ACCEPTED, ids=[a[0] for a in ACCEPTED])
def test_schema_and_model_both_accept(kind, data):
    assert errors(kind, data) == []
    BY_NAME[kind].model.model_validate(data)


# wired for VS Code ------------------------------------------------------------------------

def test_vscode_maps_every_record_file_to_its_schema():
    settings = json.loads((REPO / ".vscode/settings.json").read_text(encoding="utf-8"))
    mapping = settings["yaml.schemas"]
    expected = {f"./schemas/{k.filename}": list(k.files) for k in KINDS if k.files}
    assert mapping == expected
    for schema in mapping:
        assert (REPO / schema).is_file()
    # every record file of the example is covered by exactly one glob
    records = [p.relative_to(REPO).as_posix() for p in [REPO / "members.yaml", *(REPO / "content").rglob("*.y*ml")]]
    for record in records:
        covering = [s for s, globs in mapping.items() if any(fnmatch.fnmatch(record, g) for g in globs)]
        assert len(covering) == 1, (record, covering)
    assert settings["files.encoding"] == "utf8" and settings["[yaml]"]["editor.insertSpaces"] is True
    recommended = json.loads((REPO / ".vscode/extensions.json").read_text(encoding="utf-8"))["recommendations"]
    assert "redhat.vscode-yaml" in recommended
    # mapping by glob, not by a modeline in content
    for path in [REPO / "members.yaml", *(REPO / "content").rglob("*")]:
        if path.is_file() and path.suffix in (".yaml", ".yml", ".md"):
            assert "yaml-language-server" not in path.read_text(encoding="utf-8")


def _objects(schema):
    if isinstance(schema, dict):
        kinds = schema.get("type")
        if "object" in (kinds if isinstance(kinds, list) else [kinds]):  # not a oneOf's branch: it names fields
            yield schema
        for value in schema.values():
            yield from _objects(value)
    elif isinstance(schema, list):
        for item in schema:
            yield from _objects(item)


def _fields(schema, where="$"):
    for name, field in (schema.get("properties") or {}).items():
        yield f"{where}.{name}", field
        yield from _fields(field, f"{where}.{name}")
    items = schema.get("items")
    if isinstance(items, dict):
        yield from _fields(items, f"{where}[]")
