"""Property-based: whatever an editor writes, validate answers with errors that name file and
line, or passes; it never crashes. Valid and invalid records of every kind, odd Unicode included.

The default run tries a few hundred examples per kind; `pytest -m slow` runs 2,000 per kind.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from liangxiang.load.yamlfile import parse
from liangxiang.pipeline import read_content
from liangxiang.problems import Problems
from minimal_site import FILES, write_site

ODD = st.sampled_from([
    "：", "\u3000", "\u200f", "\u202e", "\u0301", "😀", "👨‍👩‍👧", "\x00", "\t", "\r", "\ufeff", "Ｚｈａｎｇ",
    "'", '"', ":", "- ", "#", "&a", "*a", "!!python/object:os.system", "{", "[", "|", "%", "@", "`", "\\",
])
TEXT = st.one_of(
    st.text(max_size=30),
    st.lists(st.one_of(st.text(max_size=5), ODD), max_size=8).map("".join),
    st.sampled_from(["张伟", "zhang-wei", "li-na", "b1", "b1-g1", "garden", "closed", "优秀", "2026-03-12", "2026-Q1"]),
    st.text(min_size=1, max_size=40).map(lambda s: s * 200),  # long strings, cheaply
)
SCALAR = st.one_of(TEXT, st.integers(-10**12, 10**12), st.floats(allow_nan=True), st.booleans(), st.none(),
                   st.dates().map(str))


def _collections(inner: st.SearchStrategy) -> st.SearchStrategy:
    # a function, not a lambda over several lines: Hypothesis reads a lambda's source and warned it never recursed
    return st.one_of(st.lists(inner, max_size=4), st.dictionaries(st.one_of(TEXT, st.sampled_from(["id", "name", "member"])), inner, max_size=4))


VALUE = st.recursive(SCALAR, _collections, max_leaves=12)


def mutate(record: dict) -> st.SearchStrategy[dict]:
    """The record with some fields replaced, dropped or added."""
    keys = list(record)
    return st.fixed_dictionaries({}, optional={
        **{key: st.one_of(st.just(record[key]), VALUE) for key in keys},
        "extra": VALUE,
    })


def records(file: str, path: tuple) -> dict:
    data = yaml.safe_load(FILES[file])
    for part in path:
        data = data[part]
    return data


KINDS = {
    "members": ("members.yaml", lambda r: {"members": [r]}, records("members.yaml", ("members", 0))),
    "org": ("content/org.yaml", lambda r: r, records("content/org.yaml", ())),
    "zone": ("content/zones/garden.yaml", lambda r: r, records("content/zones/garden.yaml", ())),
    "commitments": ("content/commitments/2026.yaml", lambda r: {"year": 2026, "commitments": [r]},
                    records("content/commitments/2026.yaml", ("commitments", 0))),
    "assessment": ("content/assessments/2026-Q1.yaml", lambda r: r, records("content/assessments/2026-Q1.yaml", ())),
    "story": ("content/stories/a-key.md", None, yaml.safe_load(FILES["content/stories/a-key.md"].split("---")[1])),
}

EXAMPLES = int(os.environ.get("LIANGXIANG_FUZZ_EXAMPLES", "200"))


def _check(root: Path, file: str, text: str | bytes) -> None:
    target = root / file
    target.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8", "surrogatepass"))
    content, problems = read_content(root, root / "content")  # must not raise
    for problem in problems:
        assert problem.where.path and problem.field and problem.message
        if problem.where.path == file and problem.where.line:
            lines = target.read_bytes().count(b"\n") + 1
            assert 1 <= problem.where.line <= lines + 1, problem
        assert "Traceback" not in str(problem)


def _serialize(kind: str, record: dict) -> str:
    file, wrap, _ = KINDS[kind]
    if wrap is None:
        front = yaml.safe_dump(record, allow_unicode=True, sort_keys=False)
        return f"---\n{front}---\n故事正文。\n"
    return yaml.safe_dump(wrap(record), allow_unicode=True, sort_keys=False)


# an earlier year of promises: the rules that compare years run too (member: [li-na] crashed one, audit AS-N 1)
EARLIER_YEAR = {"content/commitments/2025.yaml": "year: 2025\ncommitments:\n  - {member: zhang-wei, promise: 带头养护}\n  - {member: li-na, promise: 热情服务}\n"}


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    return write_site(tmp_path_factory.mktemp("fuzz"), EARLIER_YEAR)


@pytest.mark.parametrize("member", ["[li-na]", "{id: li-na}", "[[li-na]]"])
def test_a_promiser_written_as_a_list_is_an_error_not_a_crash(site, member):
    """The latest year's rules read the member of a commitment that did not validate: a list is unhashable."""
    file = "content/commitments/2026.yaml"
    original = (site / file).read_bytes()
    try:
        (site / file).write_text(FILES[file].replace("  - member: li-na\n", f"  - member: {member}\n"), encoding="utf-8")
        _, problems = read_content(site, site / "content")
        assert [p for p in problems if p.where.path == file and p.field.endswith(".member")], list(problems)
    finally:
        (site / file).write_bytes(original)


def _run(site: Path, kind: str, record: dict) -> None:
    file = KINDS[kind][0]
    original = (site / file).read_bytes()
    try:
        _check(site, file, _serialize(kind, record))
    finally:
        (site / file).write_bytes(original)


def _settings(examples: int):
    return settings(max_examples=examples, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large])


@pytest.mark.parametrize("kind", list(KINDS))
def test_records_never_crash_validate(site, kind):
    @_settings(EXAMPLES)
    @given(mutate(KINDS[kind][2]))
    def run(record):
        _run(site, kind, record)

    run()


@pytest.mark.slow
@pytest.mark.parametrize("kind", list(KINDS))
def test_records_never_crash_validate_long(site, kind):
    @_settings(2000)
    @given(mutate(KINDS[kind][2]))
    def run(record):
        _run(site, kind, record)

    run()


@_settings(EXAMPLES)
@given(st.binary(max_size=400) | st.text(max_size=400).map(lambda t: t.encode("utf-8", "surrogatepass")))
def test_raw_bytes_never_crash_validate(site, data):
    for file in ("members.yaml", "content/zones/garden.yaml", "content/stories/a-key.md"):
        original = (site / file).read_bytes()
        try:
            _check(site, file, data)
        finally:
            (site / file).write_bytes(original)


YAML_TOKENS = ["- ", ": ", "|", ">", "? ", "[", "]", "{", "}", '"', "'", "!", "&a", "*a", "%", "@", "`", "#", ",",
               "\n", "  ", "---", "...", ":", "-", "!!str ", "<<: ", "\\"]
ENGLISH = re.compile(r"[A-Za-z]{3,} [A-Za-z]{2,} [A-Za-z]{2,}")  # "expected the node content"


@_settings(EXAMPLES * 5)
@given(st.sampled_from(["members.yaml", "content/org.yaml", "content/zones/garden.yaml", "content/commitments/2026.yaml"]),
       st.integers(0, 10**6), st.integers(0, 10**6), st.sampled_from(YAML_TOKENS))
def test_a_yaml_slip_is_said_in_an_editors_words(file, line_seed, column_seed, token):
    """One token typed in the wrong place: PyYAML's English never reaches the editor as the message."""
    lines = FILES[file].split("\n")
    number = line_seed % len(lines)
    column = column_seed % (len(lines[number]) + 1)
    lines[number] = lines[number][:column] + token + lines[number][column:]
    problems = Problems()
    parse("\n".join(lines), file, problems)
    for problem in problems:
        assert not ENGLISH.search(problem.message), (lines[number], str(problem))
