"""The order zones are listed in (ordering.reading_order): numbers by value, in digits or in Chinese."""

from __future__ import annotations

import pytest

from liangxiang.ordering import reading_order


@pytest.mark.parametrize("shuffled, ordered", [
    (["第十网格", "第二网格", "第一网格", "第十二网格", "第二十网格"], ["第一网格", "第二网格", "第十网格", "第十二网格", "第二十网格"]),
    (["12号楼", "3号楼", "７号楼"], ["3号楼", "７号楼", "12号楼"]),  # a full-width 7 is a 7
    (["一百零五号井", "九十九号井", "两号井"], ["两号井", "九十九号井", "一百零五号井"]),
    (["同心广场", "3号换热站", "华宁片区"], ["3号换热站", "华宁片区", "同心广场"]),  # a number first, then by character
])
def test_names_in_reading_order(shuffled, ordered):
    assert sorted(shuffled, key=reading_order) == ordered
