"""Search for Chinese: bigrams in Python, the same cut the browser makes, hidden members left out."""

from __future__ import annotations

import json

from conftest import build_site
from minimal_site import write_site

from liangxiang.site.search import Doc, build_index, grams, runs


def find(index: dict, query: str) -> list[str]:
    """What theme/js/search.js does: every bigram of the query must be in a record."""
    found = None
    for gram in grams(query):
        here = {p >> 1 for p in index["g"].get(gram, [])}
        found = here if found is None else found & here
    return [index["docs"][n][1] for n in sorted(found or ())]


def test_bigrams_of_chinese_text():
    assert grams("欧阳晓红") == {"欧阳", "阳晓", "晓红"}
    assert grams("欧阳晓红", single=True) >= {"欧", "阳", "晓", "红"}
    assert grams("楼院连万家，党员在身边") == {"楼院", "院连", "连万", "万家", "党员", "员在", "在身", "身边"}  # no bigram across punctuation
    assert runs("ＡＢＣ１２ 电话：0317-2723318") == ["abc12", "电话", "0317", "2723318"]  # full-width folded, lower case


def test_index_marks_title_postings():
    index = build_index([Doc("member", "欧阳晓红", "members/o/", "", "物业收费员"), Doc("story", "小本子", "stories/s/", "", "欧阳姐")])
    assert index["g"]["欧阳"] == [1, 2]  # doc 0 in its title (odd), doc 1 in its text (even)
    assert find(index, "欧阳") == ["欧阳晓红", "小本子"]
    assert find(index, "收费") == ["欧阳晓红"]
    assert find(index, "欧") == ["欧阳晓红"]  # one character: titles only
    assert find(index, "不存在") == []


def test_example_index(example_site):
    [path] = (example_site / "assets").glob("search-*.json")
    index = json.loads(path.read_text(encoding="utf-8"))
    assert "欧阳晓红" in find(index, "欧阳")
    assert "同心广场绿化美化优秀党员责任区" in find(index, "同心广场")
    assert "郭师傅的“听诊器”" in find(index, "听音棒")
    assert "活动简介与创建标准" in find(index, "亮标准")  # free pages too
    assert "冯宇" not in path.read_text(encoding="utf-8")  # the hidden member
    assert find(index, "编辑指南") == [] and "guide/" not in path.read_text(encoding="utf-8")  # not_in_nav: for editors
    assert (example_site / "guide" / "index.html").is_file()  # but still published at its address
    assert path.stat().st_size < 200_000


def test_hidden_member_is_not_indexed_and_index_is_named_by_content(tmp_path):
    root = write_site(tmp_path / "src")
    first = build_site(root / "mkdocs.yml", tmp_path / "one")
    [index_path] = (first / "assets").glob("search-*.json")
    index = json.loads(index_path.read_text(encoding="utf-8"))
    assert "隐藏人" not in index_path.read_text(encoding="utf-8") and not find(index, "隐藏")
    assert "张伟" in find(index, "张伟") and "一把钥匙" in find(index, "正文")
    second = build_site(root / "mkdocs.yml", tmp_path / "two")
    assert [p.name for p in (second / "assets").glob("search-*.json")] == [index_path.name]  # same content, same file
    assert (root / ".cache/liangxiang/search" / index_path.name).is_file()
    (root / "content/stories/a-key.md").write_text(
        (root / "content/stories/a-key.md").read_text(encoding="utf-8").replace("故事正文", "新的正文"), encoding="utf-8")
    third = build_site(root / "mkdocs.yml", tmp_path / "three")
    assert [p.name for p in (third / "assets").glob("search-*.json")] != [index_path.name]
    page = (third / "search/index.html").read_text(encoding="utf-8")
    assert 'data-index="../assets/search-' in page
