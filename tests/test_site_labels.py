"""Every visitor-facing word lives in the labels table: none in templates or scripts, none missing."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from liangxiang.site.view import load_labels

THEME = Path(__file__).resolve().parent.parent / "theme"
# CJK ideographs and the full-width punctuation of Chinese text
CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef\u2018-\u201d]")
OWNED_ELSEWHERE = {"print.html"}  # the /print/ page belongs to the printables


def theme_files(*patterns: str) -> list[Path]:
    return sorted(p for pattern in patterns for p in THEME.rglob(pattern) if p.name not in OWNED_ELSEWHERE)


@pytest.mark.parametrize("path", theme_files("*.html", "*.js", "*.xml"), ids=lambda p: p.name)
def test_no_words_in_templates_or_scripts(path: Path):
    text = re.sub(r"\{#.*?#\}", "", path.read_text(encoding="utf-8"), flags=re.S)  # comments are for developers
    text = re.sub(r"^\s*//.*$", "", text, flags=re.M)
    assert not CJK.findall(text), f"{path.name}: {sorted(set(CJK.findall(text)))}: put words in labels/zh-CN.yml"


def test_every_label_used_exists():
    labels = load_labels("zh-CN")
    used = set()
    for path in theme_files("*.html", "*.xml"):
        used |= set(re.findall(r"\bt\.([a-z_]+)", path.read_text(encoding="utf-8")))
    missing = sorted(used - set(labels))
    assert not missing, f"labels missing from zh-CN.yml: {missing}"


def test_labels_do_not_shadow_mapping_methods():
    # `t.items` in a template would find dict.items, not the label
    assert not [key for key in load_labels("zh-CN") if hasattr(dict, key)]


def test_missing_label_is_an_error():
    with pytest.raises(KeyError, match="missing"):
        load_labels("zh-CN").no_such_label


@pytest.mark.parametrize("name, note", [("测试单位", "本站内容由测试单位党组织公开发布"), ("东王庄村党支部委员会", "本站内容由东王庄村党支部委员会公开发布"),
                                        ("计算机学院党委", "本站内容由计算机学院党委公开发布")])
def test_the_footer_names_the_publisher_once(tmp_path, name, note):
    """An org named as its party body is not followed by 党组织 (audit 21: …党支部委员会 党组织公开发布)."""
    from conftest import build_site
    from minimal_site import FILES, write_site

    root = write_site(tmp_path / "src", {"content/org.yaml": FILES["content/org.yaml"].replace("name: 测试单位", f"name: {name}", 1)})
    site = build_site(root / "mkdocs.yml", tmp_path / "site")
    footer = re.search(r"<footer.*?</footer>", (site / "index.html").read_text(encoding="utf-8"), re.S).group(0)
    assert note in re.sub(r"<[^>]+>", "", footer)


@pytest.mark.parametrize("post, title, said", [
    ("村监委会主任", "村监委会主任", "村监委会主任"),  # audit AS-E
    ("社区党委书记、居委会主任", "社区党委书记", "社区党委书记、居委会主任"),  # a title among the post's parts (AS-M 12)
    ("网格员", "党支部书记兼网格员", "党支部书记兼网格员"),  # a post among the title's
    ("网格员", "网格长", "网格员 · 网格长"),  # two words alike are both said
])
def test_a_post_that_is_also_the_title_is_said_once(tmp_path, post, title, said):
    """A village's 村监委会主任 is both post and title: the member's page, her card and her desk
    plate said it twice, "村监委会主任 · 村监委会主任" (audit AS-E)."""
    from conftest import build_site
    from minimal_site import FILES, write_site

    members = FILES["members.yaml"].replace("    post: 绿化养护员\n", f"    post: {post}\n    title: {title}\n", 1)
    root = write_site(tmp_path / "src", {"members.yaml": members})
    site = build_site(root / "mkdocs.yml", tmp_path / "site")

    def text(html: str) -> str:
        return re.sub(r"<[^>]+>", "", html)

    page = (site / "members/zhang-wei/index.html").read_text(encoding="utf-8")
    assert text(re.search(r'<p class="identity-post">.*?</p>', page).group(0)) == said
    card = re.search(r'<a class="card member-card[^"]*" href="zhang-wei/".*?</a>', (site / "members/index.html").read_text(encoding="utf-8"), re.S)
    shown = text(card.group(0))  # the card's post and title in lines of their own
    assert all(part in shown for part in said.split(" · ")) and shown.count(title) == said.count(title), shown
    plates = (site / "print/plates/index.html").read_text(encoding="utf-8")
    assert said in plates and plates.count(title) == said.count(title) * plates.count(said), plates


def test_the_grade_rule_says_both_ends_of_a_middle_band(tmp_path):
    """"合格 80 分及以上" beside "优秀 90 分及以上" read as if 95 were 合格 too (audit AS-E)."""
    from conftest import build_site, page_text
    from minimal_site import write_site

    site = build_site(write_site(tmp_path / "src") / "mkdocs.yml", tmp_path / "site")
    rule = re.search(r"等次标准：.*", page_text(site, "assessments/"))
    assert rule is not None, page_text(site, "assessments/")[:600]
    assert "优秀 90 分及以上 合格 80（含）～90 分 基本合格 70（含）～80 分 不合格 70 分以下" in re.sub(r"\s+", " ", rule.group(0)), rule.group(0)


def test_a_card_under_its_branchs_heading_says_its_group_not_the_branch_again(tmp_path):
    """A member with no post showed "桃源村第一党支部" under the 桃源村第一党支部 heading, on the
    roster and on the promise wall (audit AS-E): the group, when there is one, says more."""
    from conftest import build_site
    from minimal_site import FILES, write_site

    members = FILES["members.yaml"].replace("  - id: li-na\n    name: 李娜\n    branch: b1\n", "  - id: li-na\n    name: 李娜\n    branch: b1\n    group: b1-g1\n")
    members = members.replace("    post: 绿化养护员\n", "", 1)  # 张伟: no post, no group left to say either
    members = members.replace("    group: b1-g1\n    joined: 2008", "    joined: 2008", 1)
    promises = FILES["content/commitments/2026.yaml"] + "  - member: ouyang-xiaohong\n    promise: 站好最后一班岗\n"  # a second branch on the wall
    root = write_site(tmp_path / "src", {"members.yaml": members, "content/commitments/2026.yaml": promises})
    site = build_site(root / "mkdocs.yml", tmp_path / "site")

    def text(html: str) -> str:
        return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()

    for page in ("members/index.html", "commitments/2026/index.html"):
        html = (site / page).read_text(encoding="utf-8")
        section = re.search(r'<section class="branch-section" id="branch-b1".*?</section>', html, re.S).group(0)
        said = text(section).replace(" ", "")
        assert said.count("第一党支部") == 1 and "第一党小组" in said, (page, said)  # the heading alone says the branch
