"""Nested lists as editors write them (site/lists.py): 2 or 3 spaces under an item nest a list,
as on GitHub; Python-Markdown alone wants 4 and ran the inner list into the item's text (audit 29)."""

from __future__ import annotations

import re

import pytest

from liangxiang.site.lists import renested
from liangxiang.site.markdown import Renderer

CASES = [
    # (Markdown as an editor writes it, the HTML's tags and words, spaces dropped)
    ("1. 一项\n2. 二项：\n   - 门诊\n   - 病房\n3. 三项",
     "<ol><li>一项</li><li>二项：<ul><li>门诊</li><li>病房</li></ul></li><li>三项</li></ol>"),
    ("- 甲\n  - 乙\n    - 丙\n- 丁", "<ul><li>甲<ul><li>乙<ul><li>丙</li></ul></li></ul></li><li>丁</li></ul>"),
    ("- 甲\n    - 乙\n        - 丙", "<ul><li>甲<ul><li>乙<ul><li>丙</li></ul></li></ul></li></ul>"),  # 4 spaces: as before
    ("1. 第一\n\n   第一的第二段\n2. 第二", "<ol><li><p>第一</p><p>第一的第二段</p></li><li><p>第二</p></li></ol>"),
    # a fence inside an item: its code block, lines kept as written (the guide's YAML samples)
    ("- 甲\n\n  ```yaml\n  status: archived\n    - 缩进: 保留\n\n  末行\n  ```\n- 乙",
     "<ul><li><p>甲</p><pre><code>status:archived-缩进:保留末行</code></pre></li><li><p>乙</p></li></ul>"),
    ("1. 设置：\n   ```yaml\n   plugins:\n     - liangxiang\n   ```\n   再生成一次。\n2. 下一步",
     "<ol><li><p>设置：</p><pre><code>plugins:-liangxiang</code></pre><p>再生成一次。</p></li><li><p>下一步</p></li></ol>"),
    ("文字\n  - 不是列表\n\n正文", "<p>文字-不是列表</p><p>正文</p>"),  # no list above: left as written
    ("- 甲\n\n正文\n\n  缩进段", "<ul><li>甲</li></ul><p>正文</p><p>缩进段</p>"),  # the list ended at the margin
]


@pytest.mark.parametrize("text, html", CASES, ids=[str(i) for i in range(len(CASES))])
def test_a_nested_list_renders_as_written(text, html):
    rendered = re.sub(r"\s+", "", Renderer({}).html(text))
    assert rendered == html, rendered


def test_lines_outside_lists_and_fences_are_untouched():
    lines = ["正文", "  缩进", "```", "  - 代码里", "```", "| a | b |"]
    assert list(renested(lines)) == lines
