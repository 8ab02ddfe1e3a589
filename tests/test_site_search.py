"""Search for Chinese: bigrams in Python, the same cut the browser makes, hidden members left out."""

from __future__ import annotations

import json
import shutil
import marshal

from conftest import build_site
from minimal_site import FILES as REPO_FILES, write_site

from liangxiang.site.postings import Postings
from liangxiang.site.search import Doc, build_index, grams, runs
from liangxiang.site.searchfiles import join_index


def read_index(path) -> dict:
    """The index a browser reads from the files a build wrote: the head at path, then every shard."""
    head = json.loads(path.read_text(encoding="utf-8"))
    shards = [json.loads((path.parent / name).read_text(encoding="utf-8")) for name in head["shards"]]
    texts = [text for name in head["excerpts"] for text in json.loads((path.parent / name).read_text(encoding="utf-8"))]
    return {**join_index(head, shards), "excerpts": head["excerpts"], "excerpt_starts": head["excerpt_starts"], "texts": texts, "shards": head["shards"]}


def find(index: dict, query: str) -> list[str]:
    """What theme/js/search.js does: every bigram of the query must be in a record, and each number
    of three digits or more inside one number the record holds."""
    found = None
    numbers = [key for key in index["g"] if key.startswith("#")]
    for gram in grams(query):
        if gram.startswith("#"):
            here = {p >> 1 for key in numbers if gram[1:] in key for p in index["g"][key]}
        else:
            here = {p >> 1 for p in index["g"].get(gram, [])}
        found = here if found is None else found & here
    return [index["docs"][n][1] for n in sorted(found or ())]


def test_bigrams_of_chinese_text():
    assert grams("欧阳晓红") == {"欧阳", "阳晓", "晓红"}
    assert grams("欧阳晓红", single=True) >= {"欧", "阳", "晓", "红"}
    assert grams("楼院连万家，党员在身边") == {"楼院", "院连", "连万", "万家", "党员", "员在", "在身", "身边"}  # no bigram across punctuation
    assert runs("ＡＢＣ１２ 电话：0317-2723318") == ["abc12", "电话", "0317", "2723318"]  # full-width folded, lower case


def test_a_number_is_found_only_where_it_is_written_whole():
    """Ten digits make few bigrams: 3312's bigrams (33, 31, 12) were all in "0317-2723318 … 12 号楼" and
    found a zone that holds no 3312 (session 24). A number of three digits or more is looked up
    inside the numbers a record holds; a part of a phone number still finds it."""
    index = build_index([Doc("zone", "石油新村", "zones/s/", "", "0317-2723318 12号楼 2008年"),
                         Doc("zone", "同心广场", "zones/t/", "", "0317-2721365")])
    assert "#2723318" in index["g"] and "#12" not in index["g"]  # two digits: their one bigram is exact
    for query, expected in [("3312", []), ("2033", []), ("7233", ["石油新村"]), ("2723318", ["石油新村"]), ("3318", ["石油新村"]),
                            ("0317-2723318", ["石油新村"]), ("0317", ["石油新村", "同心广场"]), ("12号", ["石油新村"]),
                            ("2008年", ["石油新村"]), ("200", ["石油新村"]), ("27213", ["同心广场"])]:
        assert find(index, query) == expected, query


def test_index_marks_title_postings():
    index = build_index([Doc("member", "欧阳晓红", "members/o/", "", "物业收费员"), Doc("story", "小本子", "stories/s/", "", "欧阳姐")])
    assert index["g"]["欧阳"] == [1, 2]  # doc 0 in its title (odd), doc 1 in its text (even)
    assert find(index, "欧阳") == ["欧阳晓红", "小本子"]
    assert find(index, "收费") == ["欧阳晓红"]
    assert find(index, "欧") == ["欧阳晓红"]  # one character: titles only
    assert find(index, "不存在") == []


def test_a_dotted_name_is_found_typed_without_its_dot():
    """Phone keyboards rarely give "·": 阿卜杜拉艾力 finds 阿卜杜拉·艾力 (audit 21), and so does the
    name with its dot, a space or a part of it; " · " between two words still cuts."""
    index = build_index([Doc("member", "阿卜杜拉·艾力", "members/a/", "学生 · 计算机学院", ""), Doc("member", "艾力", "members/b/", "", "")])
    for query in ("阿卜杜拉艾力", "阿卜杜拉·艾力", "阿卜杜拉 艾力", "拉艾", "卜杜"):
        assert find(index, query) == ["阿卜杜拉·艾力"], query
    assert find(index, "艾力") == ["阿卜杜拉·艾力", "艾力"]
    assert find(index, "生计") == []


def test_names_are_found_as_a_phone_types_them():
    """Audit O: a Latin name without its accent or apostrophe, and 𠮷 (which few can type or see) as 吉."""
    index = build_index([Doc("member", "Seán O'Connor", "members/s/", "", ""), Doc("member", "\U00020BB7志刚", "members/j/", "", "")])
    for query in ("Sean", "sean oconnor", "OConnor", "O'Connor", "Seán", "o’connor"):
        assert find(index, query) == ["Seán O'Connor"], query
    for query in ("吉志刚", "\U00020BB7志刚", "志刚"):
        assert find(index, query) == ["\U00020BB7志刚"], query
    assert find(index, "吉") == ["\U00020BB7志刚"] and find(index, "Sea") == ["Seán O'Connor"]


def test_a_name_pasted_with_a_joiner_inside_is_published_and_found_without_it(tmp_path):
    """Audit X: 张\u200d伟 (a joiner pasted from a chat app) was published so, and 张伟 did not find him;
    a Hangul filler showed as a blank. An emoji keeps its joiners."""
    from liangxiang.values import UNSEEN

    assert UNSEEN.sub("", "张\u200d伟\u3164") == "张伟" and UNSEEN.sub("", "王\u200c芳") == "王芳"
    assert UNSEEN.sub("", "👨\u200d👩\u200d👧") == "👨\u200d👩\u200d👧"
    members = (REPO_FILES["members.yaml"]).replace("name: 张伟", "name: 张\u200d伟")
    site = build_site(write_site(tmp_path / "src", {"members.yaml": members}) / "mkdocs.yml", tmp_path / "site")
    assert "\u200d" not in (site / "members/zhang-wei/index.html").read_text(encoding="utf-8")
    [path] = (site / "assets").glob("search-*.json")
    assert "张伟" in find(read_index(path), "张伟")


def test_results_keep_the_parts_a_page_keeps_whole():
    """Audit 28: results broke titles mid-word (…党员责任 / 区, 交通安 / 全劝导). Each entry carries
    the lengths of the parts pages keep whole: a zone's or story's title parts, a name's after its dots."""
    index = build_index([
        Doc("zone", "国道312线交通安全劝导党员责任区", "zones/g/", "", ""),
        Doc("member", "买买提·吐尔逊", "members/m/", "", "", past=True),
        Doc("member", "张伟", "members/z/", "", ""),
        Doc("story", "记艾合买提江·买买提", "stories/s/", "", ""),
    ])
    zone, dotted, plain_name, story = index["docs"]
    assert zone[4:] == [0, [len("国道312线"), len("交通安全劝导"), len("党员责任区")]]
    assert dotted[4:] == [1, [len("买买提·"), len("吐尔逊")]]
    assert plain_name[4:] == [] and story[4:] == []  # nothing to keep: wraps as text


def test_example_index(example_site):
    [path] = (example_site / "assets").glob("search-*.json")
    index = read_index(path)
    assert "欧阳晓红" in find(index, "欧阳")
    assert "同心广场绿化美化优秀党员责任区" in find(index, "同心广场")
    assert "石油新村楼院服务优秀党员责任区" in find(index, "罗建平")  # one of its members, neither leader nor in a role (audit E)
    assert "郭师傅的“听诊器”" in find(index, "听音棒")
    assert "活动简介与创建标准" in find(index, "亮标准")  # free pages too
    assert find(index, "冬天家里的暖气") == ["首页"]  # and the home page's own words (content/index.md)
    assert "首页" in find(index, "2726000")  # its supervision hotline
    # a zone's service phone copied off its sign without the dash (audit AS-A 5: 65123999 found nothing)
    assert find(index, "03172723318") == find(index, "0317-2723318") == ["石油新村楼院服务优秀党员责任区"]
    assert "03172723318" not in json.dumps(index["texts"])  # looked up, not shown
    written = "".join(each.read_text(encoding="utf-8") for each in (example_site / "assets").glob("*.json"))
    assert "冯宇" not in written and not find(index, "fengyu")  # the hidden member
    # typed in pinyin on a phone: ids are found, and shown in no excerpt (audit W)
    assert find(index, "denghai") == ["邓海"] and "邓海" in find(index, "deng") and find(index, "tongxin-guangchang") == ["同心广场绿化美化优秀党员责任区"]
    excerpts = json.dumps(index["texts"], ensure_ascii=False)
    assert "deng-hai" not in excerpts and "denghai" not in excerpts
    assert find(index, "编辑指南") == [] and "guide/" not in path.read_text(encoding="utf-8")  # not_in_nav: for editors
    assert (example_site / "guide" / "index.html").is_file()  # but still published at its address
    assert path.stat().st_size < 200_000


def test_hidden_member_is_not_indexed_and_index_is_named_by_content(tmp_path):
    root = write_site(tmp_path / "src")
    first = build_site(root / "mkdocs.yml", tmp_path / "one")
    [index_path] = (first / "assets").glob("search-*.json")
    index = read_index(index_path)
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


def test_excerpts_lie_beside_the_index_one_per_document(tmp_path):
    """The results show the words around a match (theme/js/search.js): a second file, named by the
    same digest, with each document's words on one line, in the index's order."""
    root = write_site(tmp_path / "src")
    site = build_site(root / "mkdocs.yml", tmp_path / "one")
    [index_path] = (site / "assets").glob("search-*.json")
    index = read_index(index_path)
    assert index["excerpts"] == [index_path.name.replace("search-", "excerpts-").replace(".json", "-0.json")] and index["excerpt_starts"] == [0]
    texts = index["texts"]
    assert len(texts) == len(index["docs"]) and all("\n" not in text and "  " not in text for text in texts)
    story = next(n for n, doc in enumerate(index["docs"]) if doc[0] == "story")
    assert "故事正文" in texts[story]
    assert "隐藏人" not in json.dumps(texts, ensure_ascii=False)
    again = build_site(root / "mkdocs.yml", tmp_path / "two")  # from the cache: both files again
    assert sorted(p.name for p in (again / "assets").glob("*.json")) == sorted([index_path.name, *index["excerpts"], *index["shards"]])


def test_a_zones_excerpt_names_each_person_once_with_their_role(tmp_path):
    """Audit S: a zone's excerpt read "…司马静 欧阳娜娜 诸葛明辉 司马静 欧阳娜娜": its roles' people,
    then its members, names only. Each is now named once, as the zone page lists them."""
    root = write_site(tmp_path / "src")
    site = build_site(root / "mkdocs.yml", tmp_path / "one")
    [index_path] = (site / "assets").glob("search-*.json")
    index = read_index(index_path)
    texts = index["texts"]
    [garden] = [texts[n] for n, doc in enumerate(index["docs"]) if doc[1] == "花园责任区"]
    assert "党员负责人 张伟 业务带头人 李娜 监督员 王芳" in garden, garden
    assert garden.count("张伟") == 1 and garden.count("李娜") == 1, garden


def _docs(texts: list[tuple[str, str]]) -> list[Doc]:
    return [Doc("member", title, f"members/m{n}/", "", text) for n, (title, text) in enumerate(texts)]


ROSTER = [(f"党员{n}号", f"第{n % 7}党小组 加油站{n % 5}号 责任区巡查") for n in range(40)]
EDITS = {  # what an editor did between two builds -> the documents after it
    "one text changed": lambda d: d[:5] + [(d[5][0], d[5][1] + " 新增的服务承诺")] + d[6:],
    "a title changed": lambda d: d[:9] + [("改名的党员", d[9][1])] + d[10:],
    "a text emptied": lambda d: d[:3] + [(d[3][0], "")] + d[4:],
    "two swapped": lambda d: [d[1], d[0]] + d[2:],
    "a record added": lambda d: d[:20] + [("新党员", "新的承诺")] + d[20:],
    "a record removed": lambda d: d[:20] + d[21:],
    "all changed": lambda d: [(title, text + " 年度") for title, text in d],
    "nothing changed": lambda d: d,
}


def test_kept_postings_give_the_index_a_whole_build_gives(tmp_path, monkeypatch):
    """An edit files only its documents; the index must be the very one a build from nothing makes."""
    filed = []
    original = Postings._file
    monkeypatch.setattr(Postings, "_file", lambda self, number, *texts: filed.append(number) or original(self, number, *texts))
    for number, (case, edit) in enumerate(EDITS.items()):
        state = tmp_path / f"postings-{number}.marshal"
        first = Postings(state, "v1", grams)
        assert build_index(_docs(ROSTER), first) == build_index(_docs(ROSTER)), case
        first.save()
        after = _docs(edit(list(ROSTER)))
        filed.clear()
        kept = Postings(state, "v1", grams)
        index = json.dumps(build_index(after, kept))
        filings = list(filed)
        assert index == json.dumps(build_index(after)), case
        new = [n for n, pair in enumerate(edit(list(ROSTER))) if pair not in ROSTER]
        assert filings == new, case  # only a document not filed before is cut into bigrams
        kept.save()
        again = Postings(state, "v1", grams)  # and what it kept serves the next edit
        assert build_index(_docs(ROSTER), again) == build_index(_docs(ROSTER)), case


def test_postings_kept_by_other_code_or_unreadable_are_filed_whole(tmp_path):
    state = tmp_path / "postings.marshal"
    first = Postings(state, "v1", grams)
    build_index(_docs(ROSTER), first)
    first.save()
    edited = _docs(EDITS["one text changed"](list(ROSTER)))
    assert build_index(edited, Postings(state, "v2", grams)) == build_index(edited)  # another cut of texts
    for spoilt in (b"not marshal", marshal.dumps(("v1", "digests", None)), marshal.dumps(["v1"])):
        state.write_bytes(spoilt)
        assert build_index(edited, Postings(state, "v1", grams)) == build_index(edited)


def test_the_index_follows_the_sites_markdown_extensions(tmp_path):
    """Adding abbr to mkdocs.yml makes an abbreviation's definition markup, not words: the index
    kept from the build before must not be reused (audit 21: it still found 快速响应矩阵码)."""
    root = write_site(tmp_path / "src")
    story = root / "content/stories/a-key.md"
    story.write_text(story.read_text(encoding="utf-8") + "\n扫二维码（QR）查看。\n\n*[QR]: 快速响应矩阵码\n", encoding="utf-8")
    site = build_site(root / "mkdocs.yml", tmp_path / "site")

    def index_of(site) -> dict:
        [path] = (site / "assets").glob("search-*.json")
        return read_index(path)

    assert "矩阵" in index_of(site)["g"]
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text + "markdown_extensions:\n  - abbr\n" if "markdown_extensions" not in text else text.replace("markdown_extensions:\n", "markdown_extensions:\n  - abbr\n"), encoding="utf-8")
    again = index_of(build_site(config, tmp_path / "site"))
    assert "矩阵" not in again["g"]
    fresh = tmp_path / "fresh"
    shutil.copytree(root, fresh, ignore=shutil.ignore_patterns(".cache"))
    assert again == index_of(build_site(fresh / "mkdocs.yml", tmp_path / "fresh-site"))


def test_the_index_is_named_by_the_code_that_cut_it(tmp_path, monkeypatch):
    """The same documents cut by other code give other grams: the file gets another name, or the
    cache (and a browser, which keeps it for ever) would serve the old index (audit 21)."""
    from liangxiang.site import searchfiles

    docs = [Doc("member", "阿卜杜拉·艾力", "members/a/", "", "")]
    names = []
    for version in ("code-a", "code-b"):
        monkeypatch.setattr(searchfiles, "code_version", lambda version=version: version)
        names.append(searchfiles.write_index(docs, tmp_path / "site", tmp_path / "cache"))
    assert names[0] != names[1]


def test_an_inline_tag_adds_no_space_between_words():
    """Audit 29: a story's excerpt read 他的徒弟 欧阳晓雯 说 for 他的徒弟**欧阳晓雯**说."""
    from liangxiang.site.search import plain

    assert plain("他的徒弟**欧阳晓雯**说，[师傅](about.md)的车。\n\n第二段").split() == ["他的徒弟欧阳晓雯说，师傅的车。", "第二段"]


def test_the_index_splits_into_a_head_and_shards_that_join_again():
    """searchfiles.py: the head keeps the titles' and numbers' postings, each shard the other
    postings of the grams that hash to it; joined, they are the index a build made."""
    from liangxiang.site.searchfiles import shard_of, split_index

    import random

    draw = random.Random(53)
    common = [chr(code) for code in range(0x4E00, 0x4E00 + 600)]  # a promise's words: 80 characters of 600
    docs = _docs([(f"党员{n}号", f"第{n % 50}党小组 电话 0317-{2720000 + n} " + "".join(draw.choices(common, k=80))) for n in range(3000)])
    index = build_index(docs)
    head, shards = split_index(index)
    assert join_index(head, shards) == {"docs": index["docs"], "g": index["g"]}
    assert len(shards) > 2 and all(shard_of(gram, len(shards)) == n for n, shard in enumerate(shards) for gram in shard)
    size = lambda value: len(json.dumps(value, ensure_ascii=False, separators=(",", ":")))  # noqa: E731
    # what a query of a name costs: the head and two shards, against the whole index before
    assert size(head) + 2 * max(map(size, shards)) < 0.4 * size(index), (size(head), max(map(size, shards)), size(index))


def test_the_excerpts_split_into_files_of_consecutive_documents():
    """searchfiles.py: each file starts where the one before ends, none much over EXCERPT_BYTES,
    and a document's words are found by the starts as search.js finds them."""
    from liangxiang.site.searchfiles import EXCERPT_BYTES, split_excerpts

    texts = [f"第{n}号" + "字" * (n * 37 % 3000) for n in range(400)]
    starts, parts = split_excerpts(texts)
    assert len(parts) > 5 and starts[0] == 0 and [text for part in parts for text in part] == texts
    assert [start + len(part) for start, part in zip(starts, parts)][:-1] == starts[1:]
    assert all(len(json.dumps(part, ensure_ascii=False).encode()) < EXCERPT_BYTES + 9_100 for part in parts)
    for n in (0, 57, 399):
        f = max(i for i, start in enumerate(starts) if start <= n)
        assert parts[f][n - starts[f]].startswith(f"第{n}号")
    assert split_excerpts([]) == ([], [])
