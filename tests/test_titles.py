"""Where a title may be broken between lines (titles.title_breaks), read as a person reads it."""

import pytest

from liangxiang.titles import title_breaks


def _shown(title: str) -> str:
    """The title with a / at each break, as a reviewer reads it."""
    breaks = title_breaks(title)
    return "".join(("/" if at in breaks else "") + char for at, char in enumerate(title))


@pytest.mark.parametrize("title, shown", [
    ("3号换热站安全运行优秀党员责任区", "3号换热站/安全运行/优秀党员责任区"),
    ("城东110千伏变电站设备运维保障", "城东110千伏变电站/设备运维保障"),
    ("华宁社区卫生服务中心便民服务窗口", "华宁社区/卫生服务中心/便民服务窗口"),
    # no place ends inside quotes or in 一站式, 乡村 (audit 28: “一站 / 式”, 乡村 / 公路 on a sign)
    ("便民服务中心“一站式”综合服务窗口", "便民服务中心/“一站式”综合服务窗口"),
    ("便民服务中心一站式服务窗口", "便民服务中心/一站式服务窗口"),
    ("国道312线及乡村公路沿线", "国道312线/及乡村公路沿线"),
    ("老城区台区运维保障“党员先锋岗”责任区", "老城区/台区/运维保障/“党员先锋岗”/责任区"),  # quotes stay with the term
    ("学生公寓7号楼党员示范宿舍", "学生公寓7号楼/党员示范宿舍"),  # no term: before 党员
    ("党组织服务中心", "党组织服务中心"),  # 组织 is one word; nothing shorter than two characters is cut off
    ("站长示范岗", "站长/示范岗"),  # 站长: the person, not the place
    ("第一车间班组安全生产", "第一车间班组/安全生产"),  # 车间班组 is one unit
    ("县局（城区供电所）服务窗口", "县局/（城区供电所）/服务窗口"),  # nothing inside the brackets
    ("道路养护", "道路养护"),
    ("华宁一区同心广场及建设路两侧绿化带", "华宁一区/同心广场/及建设路两侧绿化带"),  # not 同心 / 广场 (心 of 中心 only)
    ("党员“亮身份、亮承诺、亮标准”活动", "党员/“亮身份、/亮承诺、/亮标准”活动"),  # audit 25: 亮 / 承诺
    ("和谐社区", "和谐社区"),
    ("北京协和医院内科示范岗", "北京协和医院内科/示范岗"),  # audit P: 和 of 协和 joins nothing (北京协 / 和医院)
    ("供水和供热保障党员责任区", "供水/和供热保障/党员责任区"),
    ("党员之家", "党员之家"),
    # audit AS-A 1: 共产党员 is one word (…优秀共产 / 党员示范责任区 on a zone page)
    ("急诊科优秀共产党员示范责任区", "急诊科/优秀/共产党员示范责任区"),
    ("三年级学生共产党员示范宿舍", "三年级学生/共产党员示范宿舍"),
])
def test_a_title_breaks_beside_a_term_after_a_place_or_at_a_pause(title, shown):
    assert _shown(title) == shown


@pytest.mark.parametrize("written, read", [
    ("同心广场绿化美化\n优秀党员责任区", "同心广场绿化美化优秀党员责任区"),  # `name: |` over two lines: a page showed a space
    ("A区\n3号楼", "A区3号楼"),
    ("Maria\r\nGarcia", "Maria Garcia"),
    ("  王建国\n", "王建国"),
])
def test_a_name_written_over_two_lines_is_read_as_one(written, read):
    from pydantic import TypeAdapter

    from liangxiang.values import Name

    assert TypeAdapter(Name).validate_python(written) == read


@pytest.mark.parametrize("title, parts", [
    ("华宁一区同心广场及建设路两侧绿化带绿化美化和公共设施维护优秀党员责任区",  # a long part: between its words
     ["华宁一区", "同心广场", "及建设路", "两侧绿化带", "绿化美化", "和公共设施维护", "优秀党员责任区"]),
    ("华北油田华宁综合服务处石油新村第三物业服务站楼院服务优秀党员责任区",  # session 26: …综合 / 服务处… on a phone
     ["华北油田", "华宁综合", "服务处", "石油新村", "第三物业", "服务站", "楼院服务", "优秀党员责任区"]),
    ("学生公寓楼院服务", ["学生公寓楼院服务"]),  # short: whole, and never a last part of two characters (楼院 / 服务)
    ("党员“亮身份、亮承诺、亮标准”活动", ["党员“亮身份、", "亮承诺、", "亮标准”活动"]),  # no part shorter than three
    ("3号换热站安全运行优秀党员责任区", ["3号换热站安全运行", "优秀党员责任区"]),  # short enough: not cut after 站
    ("BRT1号线 ئىتتىپاقلىق كۈچ 党员责任区", ["BRT1号线", " ئىتتىپاقلىق", " كۈچ ", "党员责任区"]),  # audit R: a phone broke ئىتتىپاق / لىق
    ("医务科二十四小时医患沟通服务共产党员先锋岗责任区", ["医务科", "二十四小时", "医患沟通服务", "共产党员先锋岗", "责任区"]),
    ("新华路街道幸福里社区第三网格（幸福里北区及建设里平房片区）党员责任区",  # a long bracket: cut inside, ）never starting a line (AS-M 5)
     ["新华路街道", "幸福里社区", "第三网格", "（幸福里北区", "及建设里平房片区）", "党员责任区"]),
    ("华宁一区（城区供电所）营业厅服务窗口优秀党员责任区", ["华宁一区", "（城区供电所）", "营业厅", "服务窗口", "优秀党员责任区"]),
    ("（北区一二三四五）文化站（南区一二三四五六）", ["（北区一二三四五）", "文化站", "（南区一二三四五六）"]),  # two brackets, not one
])
def test_a_long_title_is_kept_in_parts_a_page_does_not_break(title, parts):
    from liangxiang.titles import title_parts

    assert title_parts(title, 10) == parts


@pytest.mark.parametrize("title, shown", [
    ("绿化带环境卫生综合治理垃圾分类宣传", "绿化带/环境卫生/综合治理/垃圾/分类/宣传"),
    ("城东110千伏变电站", "城东/110千伏/变电站"),  # a number keeps its unit
    ("24小时便民服务", "24小时/便民服务"),
    # audit AS-M 7: jieba's 充电 / 棚 and 遛狗 / 不 / 拴绳: a place's last character stays with its word, 不 with the verb after it
    ("集中充电棚安全", "集中/充电棚/安全"),
    ("遛狗不拴绳", "遛狗/不拴绳"),
    ("中石油加油站", "中石油/加油站"),  # nothing shorter than two characters is cut off (中 / 石油)
    ("Sinopec加油站", "Sinopec/加油站"),
    ("华宁5G基站维护", "华宁/5G基站/维护"),
    # a character jieba cuts off alone goes with its word: a suffix or a particle with the one before
    # (session 35: 幸福村农民用水 / 户协会会长 on a phone), 兼 with the one after
    ("农民用水户协会会长", "农民/用水户/协会会长"),
    ("接报后30分钟内到场", "接报后/30分钟内/到场"),
    ("老人家的事就是我家的事", "老人家的/事/就是/我家的事"),
    ("第一书记兼工作队队长", "第一书记/兼工作队/队长"),
    # audit O: a department is one word with its specialty, its post another (原心血管 / 内科主任 before)
    ("原心血管内科主任", "原心血管内科/主任"),
    ("急诊内科副主任医师", "急诊内科/副主任医师"),
    ("消化内科医生", "消化内科/医生"),
    ("儿童保健科主治医师", "儿童/保健科/主治医师"),  # 科 and 部 alone end the word before (保健 / 科主治医师 before)
    ("运行维护部班长", "运行/维护部/班长"),
    # audit AB: a kilometre post, a range and a fraction are one token, kept with their unit
    ("新乐站K271+350道口", "新乐站/K271+350道口"),
    ("K335+000—K398+600除雪保通", "K335+000—K398+600/除雪/保通"),  # a stretch of road, then what is done on it (AS-AF L5)
    ("K0+000—K3+500段养护", "K0+000—K3+500段/养护"),
    ("3-5号楼道保洁", "3-5号/楼道/保洁"),
    ("10.5公里管网", "10.5公里/管网"),
    ("共建-共治-共享", "共建/-/共治/-/共享"),  # a sign between Hanzi joins nothing (audit AD 7)
    ("二十四小时医患沟通", "二十四小时/医患/沟通"),  # a number in hanzi keeps its unit too (audit AS-A 1: 二十四 / 小时)
])
def test_words_of_a_title(title, shown):
    from liangxiang.titles import word_breaks

    breaks = word_breaks(title)
    assert "".join(("/" if at in breaks else "") + char for at, char in enumerate(title)) == shown


@pytest.mark.parametrize("text, parts", [
    ("民族团结一家亲", ["民族团结", "一家亲"]),
    # audit I: a person card's "党员负责人 · 已调离" broke 已 / 调离: the mark and its space stay with the word before
    ("党员负责人 · 已调离", ["党员", "负责人 · ", "已调离"]),
])
def test_the_words_a_badge_keeps_whole(text, parts):
    from liangxiang.titles import word_parts

    assert word_parts(text) == parts


def test_words_found_are_kept_between_builds(tmp_path, monkeypatch):
    """Loading the dictionary costs an edit's build 0.15 s: boundaries found are kept in the cache,
    and a build that meets only titles seen before never loads it."""
    import sys

    from liangxiang import titles

    def next_build() -> None:  # another process: nothing found in memory
        titles.keep_words_in(None)
        titles.keep_words_in(tmp_path / "words.marshal")

    next_build()
    assert titles.between_words("绿化带环境卫生综合治理") == [3, 7]
    titles.save_words()
    next_build()
    monkeypatch.setitem(sys.modules, "rjieba", None)  # importing it now fails
    assert titles.between_words("绿化带环境卫生综合治理") == [3, 7]
    (tmp_path / "words.marshal").write_bytes(b"not marshal")
    next_build()  # unreadable: found again
    monkeypatch.delitem(sys.modules, "rjieba")
    assert titles.between_words("绿化带环境卫生综合治理") == [3, 7]
    titles.keep_words_in(None)


@pytest.mark.parametrize("org, parts", [
    # audit P #5: the masthead, with no short_name, broke 昌吉回族自治州公共交通集 / 团… at 390 px
    ("新疆维吾尔自治区昌吉回族自治州公共交通集团有限责任公司党委", ["新疆维吾尔自治区", "昌吉回族自治州", "公共交通", "集团有限责任", "公司党委"]),
    ("河北省沧州市运河区华宁社区党委", ["河北省", "沧州市", "运河区", "华宁社区党委"]),
    ("国网沧州供电公司运维检修部党支部", ["国网沧州", "供电公司", "运维检修部", "党支部"]),
    ("北京协和医院内科党总支", ["北京协和医院内科", "党总支"]),
    ("华宁社区党委", ["华宁社区党委"]),
    # audit R: jieba cut Uyghur letter by letter, and a sign broke كوم / ىتېتى across two lines
    ("ئۈرۈمچى شەھەرلىك پارتىيە كومىتېتى", ["ئۈرۈمچى", " شەھەرلىك", " پارتىيە", " كومىتېتى"]),
])
def test_an_organizations_name_is_kept_in_parts_a_page_does_not_break(org, parts):
    from liangxiang.titles import org_parts

    assert org_parts(org, 10) == parts


@pytest.mark.parametrize("title, token", [
    ("早高峰7:30—8:15护学岗", "7:30—8:15"),
    ("桃源村至白石镇通村公路（桃石线K0+000—K3+500）及沿线路灯护栏巡查保洁优秀党员责任区", "K0+000—K3+500"),
    ("国道312线K271+350道口至K275+100道口护路", "K271+350"),
])
def test_a_range_of_letters_and_numbers_is_never_cut_and_a_page_keeps_it_on_one_line(title, token):
    """A road's stakes (路长制 names carry them) broke on a page, K0+000— / K3+500, and a title was
    cut inside 7:30—8:15 (audit AS-E)."""
    from liangxiang.site.breaking import phrased
    from liangxiang.titles import title_parts

    start = title.index(token)
    assert not any(start < at < start + len(token) for at in title_breaks(title)), _shown(title)
    parts, edges, at = title_parts(title, 10), [], 0
    for part in parts:
        at += len(part)
        edges.append(at)
    assert not any(start < edge < start + len(token) for edge in edges), parts  # as a page keeps its parts
    if "—" in token:  # browsers break beside a dash; not inside K271+350
        assert f'<span class="nb">{token}' in str(phrased(title)), str(phrased(title))


@pytest.mark.parametrize("title, shown", [
    # audit AS-V F2: a part wider than a 320 px phone's line broke anywhere (华宁片区供暖供水保 / 障)
    ("华宁片区供暖供水保障优秀党员责任区", "[华宁片区|供暖供水保障]|[优秀党员|责任区]"),
    ("同心广场绿化美化优秀党员责任区", "[同心广场|绿化美化]|[优秀党员|责任区]"),
    ("二十年守护一方绿", "[二十年|守护一方绿]"),  # a title of one part: its words too (二十年守护一方 / 绿)
    ("第一物业服务站党支部", "[第一物业|服务站|党支部]"),  # a branch's heading (…服务站党 / 支部)
    ("爱心驿站", "爱心驿站"),  # four characters or fewer: as it is
])
def test_a_part_wider_than_a_line_wraps_between_its_words(title, shown):
    """Each part a page keeps whole is a span (an inline block, [ ]) with a <wbr> (|) between its
    words: it goes down a line whole, and one wider than a line wraps between them."""
    from liangxiang.site.breaking import phrased

    html = str(phrased(title))
    assert html.replace('<span class="nm">', "[").replace("</span>", "]").replace("<wbr>", "|") == shown, html


@pytest.mark.parametrize("name, shown", [
    ("王建国", '<span class="nm w3">王建国</span>'),  # 王建 / 国 at 200 % text on a 320 px card (AS-V F2)
    ("欧阳晓红", '<span class="nm w4">欧阳晓红</span>'),
    ("张伟", '<span class="nm w2">张伟</span>'),
    ("Li Ming", "Li Ming"),  # words break between them
])
def test_a_name_is_kept_whole_and_sized_to_its_card(name, shown):
    from liangxiang.site.breaking import who

    assert str(who(name)) == shown
