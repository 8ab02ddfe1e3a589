"""libyaml's fast path of parse() gives exactly what the pure-Python path gives: the same data,
the same key positions and the same problems, for real files, a generated site and mangled YAML.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from liangxiang.load.frontmatter import split_front_matter
from liangxiang.load import yamlfile
from liangxiang.load.decoding import decode
from liangxiang.load.yamlfile import parse
from liangxiang.problems import Problems

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = int(os.environ.get("LIANGXIANG_FUZZ_EXAMPLES", "300"))

pytestmark = pytest.mark.skipif(not yaml.__with_libyaml__, reason="PyYAML built without libyaml")


def outcome(text: str, fast: bool, first_line: int = 1) -> tuple:
    """Everything parse() answers, in a form that compares (problems as their text)."""
    problems = Problems()
    try:
        document = parse(text, "f.yaml", problems, first_line, fast=fast)
    except Exception as error:  # today "!!int ''" raises IndexError from PyYAML: the same on both paths
        return type(error).__name__, []
    answer = None if document is None else (document.data, document.source.positions)
    return answer, [str(problem) for problem in problems.items]


def assert_same(text: str, first_line: int = 1) -> None:
    fast, slow = outcome(text, True, first_line), outcome(text, False, first_line)
    assert repr(fast) == repr(slow), text  # repr: NaN != NaN, and 1 == 1.0 == True would hide a difference


def site_texts(root: Path) -> list[tuple[str, str, int]]:
    """(name, text, first_line) of every YAML a build parses under root."""
    found = []
    for path in sorted(root.rglob("*")):
        if ".venv" in path.parts or ".git" in path.parts or "node_modules" in path.parts or not path.is_file():
            continue
        if path.suffix in (".yaml", ".yml"):
            text = decode(path.read_bytes(), str(path), Problems())
            if text is not None:
                found.append((str(path), text, 1))
        elif path.suffix == ".md" and path.parent.name == "stories":
            text = decode(path.read_bytes(), str(path), Problems())
            front = None if text is None else split_front_matter(text)[0]
            if front is not None:
                found.append((str(path), front, 2))
    return found


class _NoPython(yamlfile._Loader):
    def __init__(self, stream):
        raise AssertionError("fell back to the Python loader")


def test_repository_yaml_same_and_fast(monkeypatch):
    texts = site_texts(ROOT)
    assert any(name.endswith("members.yaml") for name, _, _ in texts)
    for name, text, first_line in texts:
        slow = outcome(text, False, first_line)
        with monkeypatch.context() as patch:
            if name.endswith("members.yaml") or "/content/" in name:
                patch.setattr(yamlfile, "_Loader", _NoPython)  # content never needs the fallback
            fast = outcome(text, True, first_line)
        assert repr(fast) == repr(slow), name


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("site") / "small"
    subprocess.run([sys.executable, "-m", "bench.generate", "--size", "small", str(root)], cwd=ROOT, check=True,
                   capture_output=True)
    return root


def test_generated_site_same_and_fast(generated, monkeypatch):
    texts = site_texts(generated)
    assert len(texts) > 10
    monkeypatch.setattr(yamlfile, "_Loader", _NoPython)
    fast = [outcome(text, True, first_line) for _, text, first_line in texts]
    monkeypatch.undo()
    slow = [outcome(text, False, first_line) for _, text, first_line in texts]
    for (name, _, _), one, other in zip(texts, fast, slow):
        assert repr(one) == repr(other), name


@pytest.mark.parametrize("text", [
    "",
    "# only a comment\n",
    "a: 1\na: 2\n",  # duplicate key
    "a: &x [1, 2]\nb: *x\nc: *x\n",
    "a: &a [*a]\n",  # an alias inside its own anchor
    "a: &a [1]\nb: &b [*a]\nc: &c [*b]\n",
    "lol: &a [1, 1, 1, 1, 1, 1, 1, 1, 1]\n" + "".join(f"l{i}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8)),
    "- " * 150 + "x\n",  # deeper than the Python loader goes
    "[" * 120 + "]" * 120,
    "[" * 600 + "]" * 600,
    "\ufeffa: 1\n",
    "a: 1\n\ufeffb: 2\n",
    "a: 1\rb: 2\r",
    "a: 1\r\nb: 张\r\n",
    "a: x\u2028y\nb: 1\n",
    "a: x\x85y\n",
    "a: \x07\n",
    "a: b: c\n",
    "a: '1\n",
    "a: \"\\ud800\"\n",
    "a: \"\\x85\\u2028\"\n",
    "名字：张伟\n职务: 书记\n",  # full-width colon, fixed and reported
    "a: 1\n---\nb: 2\n",
    "%YAML 1.2\n---\na: 1\n",
    "a: !!python/object:os.system x\n",
    "a: [x?y, {b?: 1}]\n",
    "? [a, b]\n: c\n",
    "<<: {a: 1}\nb: 2\n",
    "😀: 𝔘\n张: [𝔘, 😀]\n",
    "a: |\n  张\n  😀 x\nb: >-\n   folded\n   text\n",
    "a: |2-\n\n    x\n   y\nb: |+\n  x\n\n\nc: >\n  x\n\n    y\n  z\n",
    "a: x\r\n  y\r\n\r\n  z\r\nb: \"x\r\n  y\"\r\n",  # folding across CRLF
    "a: \"\\N\\_\\L\\P\\e\\0\\ \\/\\t\\u00e9\\U0001F600\"\n",
    "k" * 1020 + ": v\n", "k" * 1030 + ": v\n",  # a simple key may be at most 1024 characters long
    "a: &x 1\nb: &x 2\nc: *x\n",  # an anchor defined twice
    "&k a: b\n*k : c\n",
    "a: 1\n...\n", "--- |\n  text\n",
    "a: b\u3000\n\u3000c: d\ne: \u00a0f\n",
    "a: 0b1\nb: 0o17\nc: 1:20\nd: .inf\ne: .NaN\nf: 1e1000\ng: 12_3\nh: -0\ni: 2026-03-12\n",
])
def test_odd_inputs_same(text):
    assert_same(text)
    assert_same(text, first_line=2)


@pytest.mark.parametrize("text, column", [("[" * 30000 + "]" * 30000, 101), ("- " * 30000 + "x\n", 201)])
def test_nesting_that_would_overflow_libyamls_c_stack_never_reaches_it(text, column):
    """libyaml's composer recurses on the C stack: 30,000 levels would crash the process. The text
    goes the Python path (the two paths are then one, so one reading says it) and is refused."""
    assert yamlfile.depth_bound(text) is None
    assert outcome(text, True, 2) == (None, [f"f.yaml:2:{column}: 嵌套层次太深，拒绝读取 "
                                              "(内容格式里的列表和键值最多只有几层：检查这里的括号“[”“{”或缩进)"])


# Generated YAML: values an editor might write, dumped, then mangled the ways editors mangle it.
KEYS = st.one_of(st.sampled_from(["id", "name", "members", "note", "年份", "张伟", "a", "b"]), st.text(max_size=6))
SCALARS = st.one_of(
    st.text(max_size=12),
    st.sampled_from(["张伟", "优秀", "😀", "𝔘𝔫", "2026-03-12", "0317-2720000", "1e3", ".5", "0x1F", "yes", "NO", "~",
                     "null", "true", "True", "-1", "+2", "0.", "1_000", "=", "<<", "a: b", "- x", "[a]", "'q'"]),
    st.integers(-10**20, 10**20), st.floats(allow_nan=True), st.booleans(), st.none(),
)


def _collections(inner: st.SearchStrategy) -> st.SearchStrategy:
    # a function, not a lambda over several lines: Hypothesis reads a lambda's source and warned it never recursed
    return st.one_of(st.lists(inner, max_size=4), st.dictionaries(KEYS, inner, max_size=4))


VALUES = st.recursive(SCALARS, _collections, max_leaves=16)
INSERTS = st.one_of(
    st.sampled_from([
        ":", ": ", "：", "\t", "'", '"', "- ", "  ", "\n", " #", "#", "[", "]", "{", "}", ",", ", ", "?", "? ", "&a ",
        "*a", "*b", "!!str ", "!!int ", "!x ", "|", ">", "|-\n", "\\", "\\u", "\r\n", "\r", "\x85", "\u2028", "\ufeff",
        "\x07", "张", "😀", "𝔘", "\u3000", "---\n", "...\n", "%", "@", "`", "<<: ", "~", "-", "\n- ", "\n  ", "\n    ",
        "a: ", "\na: 1\n", "&b [1]", "{a: 1}", "[x, y]", '"\\x41"', "'it''s'",
    ]),
    st.text(max_size=3),
)


@st.composite
def mangled(draw) -> str:
    value = draw(VALUES)
    flow = draw(st.sampled_from([False, None, True]))
    text = yaml.safe_dump(value, allow_unicode=True, default_flow_style=flow, sort_keys=False, width=draw(st.sampled_from([80, 20])))
    lines = text.split("\n")
    for _ in range(draw(st.integers(0, 4))):
        kind = draw(st.integers(0, 3))
        if kind == 0 and lines:  # a line written twice: duplicate keys, repeated items
            at = draw(st.integers(0, len(lines) - 1))
            lines.insert(at, lines[at])
        elif kind == 1 and lines:  # a line dropped
            lines.pop(draw(st.integers(0, len(lines) - 1)))
        else:  # something typed in the middle of a line
            joined = "\n".join(lines)
            at = draw(st.integers(0, len(joined)))
            if kind == 3 and at < len(joined):
                joined = joined[:at] + joined[at + 1:]
            else:
                joined = joined[:at] + draw(INSERTS) + joined[at:]
            lines = joined.split("\n")
    return "\n".join(lines)


def _settings(examples: int):
    return settings(max_examples=examples, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@_settings(EXAMPLES)
@given(mangled(), st.sampled_from([1, 2]))
def test_mangled_yaml_same(text, first_line):
    assert_same(text, first_line)


@pytest.mark.slow
@_settings(20_000)
@given(mangled(), st.sampled_from([1, 2]))
def test_mangled_yaml_same_long(text, first_line):
    assert_same(text, first_line)


@_settings(EXAMPLES)
@given(st.text(alphabet=st.sampled_from(list("ab:- \n'\"[]{},?&*!|>#\t\\张😀：%@`~<.0123456789")), max_size=60))
def test_yaml_alphabet_soup_same(text):
    assert_same(text)


@pytest.mark.parametrize("fast", [True, False], ids=["libyaml", "python"])
def test_every_value_its_tag_cannot_read_is_reported_in_one_run(fast):
    problems = Problems()
    text = "name: !!bool maybe\nposts:\n  - !!int ''\n  - fine\njoined: !!timestamp 2020-13-45\n"
    doc = parse(text, "f.yaml", problems, fast=fast)  # each read as the text it is: the rest of the file is still checked
    assert doc is not None and doc.data == {"name": "maybe", "posts": ["", "fine"], "joined": "2020-13-45"}, doc
    shown = [str(problem) for problem in problems.items]
    assert len(shown) == 3, shown
    assert shown[0].startswith("f.yaml:1:7: name:") and "“maybe”" in shown[0]
    assert shown[1].startswith("f.yaml:3:5: posts[1]:") and "空值" in shown[1]
    assert shown[2].startswith("f.yaml:5:9: joined:") and "!!timestamp" in shown[2]


def test_a_cached_story_is_kept_with_marshal_and_read_back_whole(tmp_path):
    """Stories take the fast marshal path of the parse cache, not pickle; the second load reads them."""
    from minimal_site import write_site

    from liangxiang.load import load_content

    root = write_site(tmp_path / "site")
    first, _ = load_content(root, root / "content", cache_dir=tmp_path / "cache")
    again, _ = load_content(root, root / "content", cache_dir=tmp_path / "cache")
    assert [(s.slug, s.body, s.body_line, s.meta) for s in again.stories] == [(s.slug, s.body, s.body_line, s.meta) for s in first.stories]
    assert {path.read_bytes()[:1] for path in (tmp_path / "cache/parsed").glob("*.parsed")} == {b"M"}


@pytest.mark.parametrize("fast", [True, False])
@pytest.mark.parametrize("written, read", [
    ("0317-2720000", "0317-2720000"), ("0317.2721365", "0317.2721365"), ("007", "007"), ("2026-03-12", "2026-03-12"),
    ("95.5", 95.5), ("0.5", 0.5), ("90", 90), ("-1.5e3", -1500.0),
])
def test_numbers_with_a_leading_zero_stay_as_written(written, read, fast):
    """A phone written with dots (0317.2721365) is not the number 317.2721365, on the page or on the sign."""
    problems = Problems()
    document = parse(f"value: {written}\n", "x.yaml", problems, fast=fast)
    assert not problems and document.data["value"] == read and type(document.data["value"]) is type(read)


@pytest.mark.parametrize("fast", [True, False])
def test_chinese_wrapped_to_the_next_line_is_joined_without_a_space(fast):
    """YAML joins the lines of plain text with a space; between Chinese characters the editor
    meant none. Latin words keep theirs, and a blank line stays a line break; in a Markdown field
    written without "|" (intro:, content:) it parts paragraphs, as the editor meant (audit J)."""
    text = ("scope: 华宁一区\n  同心广场，\n  约1.2万平方米\nnote: long\n  text\nslogan: 第一段\n\n  第二段\n"
            "intro: 第一段\n  接着写\n\n  第二段 with\n  words\n\n\n  第三段\n")
    problems = Problems()
    document = parse(text, "f.yaml", problems, fast=fast)
    assert not problems
    assert document.data == {"scope": "华宁一区同心广场，约1.2万平方米", "note": "long text", "slogan": "第一段\n第二段",
                             "intro": "第一段接着写\n\n第二段 with words\n\n第三段"}


@pytest.mark.parametrize("fast", [True, False])
def test_a_folded_value_joins_chinese_lines_without_a_space(fast):
    """`promise: >-` folds its lines with a space: "建设， 让" on the plate and the wall (audit K)."""
    text = "promise: >-\n  推进高标准农田建设，\n  让每一亩地都浇上\n  “放心水”\n  的工程\nnote: >\n  long\n  text 和\n  中文\n"
    problems = Problems()
    document = parse(text, "f.yaml", problems, fast=fast)
    assert not problems
    assert document.data == {"promise": "推进高标准农田建设，让每一亩地都浇上“放心水”的工程", "note": "long text 和中文\n"}


@pytest.mark.parametrize("fast", [True, False])
def test_a_folded_value_joins_a_line_of_numbers_as_a_plain_one_does(fast):
    """Audit AS-R 3: `scope: >` broken before a number kept the folding's space ("等 8个"), on the
    page and the sign; the same lines written plain gave "等8个". A space typed in a line stays, and
    of paragraphs only the space between two Chinese characters goes."""
    text = ("scope: >\n  户籍代办等\n  8个窗口，共 2 个村\nnote: >-\n  巡查 12\n  处\nremark: >\n  第一段\n  2026年\n\n  第二段\n  与\n  B座\n")
    problems = Problems()
    document = parse(text, "f.yaml", problems, fast=fast)
    assert not problems
    assert document.data == {"scope": "户籍代办等8个窗口，共 2 个村\n", "note": "巡查 12处", "remark": "第一段 2026年\n第二段与 B座\n"}
