"""Links written as content file paths (about.md, stories/x.md, zones/x.yaml) or as page addresses
(members/zhang-wei/, ../about/) lead to those pages, in every kind of Markdown and with either
setting of use_directory_urls."""

from __future__ import annotations

import json
import re

import pytest

from conftest import build_site
from minimal_site import FILES, write_site

STORY = FILES["content/stories/a-key.md"].replace(
    "故事正文。", "故事正文，见[活动规则](../about.md#rules)和[花园](/zones/garden.yaml)。\n\n"
    # addresses: from content/, as the browser reads them from /stories/a-key/, and from stories/
    "[张伟](/members/zhang-wei/)、[李娜](../../members/li-na/)、[关于](../../about/)、[花园页](../zones/garden)。")
ZONE = (FILES["content/zones/garden.yaml"] + "content: |\n  见[故事](../stories/a-key.md)、[首页](/index.md)和[2026年承诺](commitments/2026.yaml)。\n"
        # index.md in zones/x.yaml: content/index.md (the home page), not zones/index.md (no file is there)
        "  回[主页](index.md)，看[责任区一览](zones/index.md)。\n")
ABOUT = ("# 关于\n\n回到[首页](index.md)；读[故事][k]；看[考核](assessments/2026-Q1.yaml)；"
         "找[责任区](zones/index.md)，[全部故事](stories/index.md)。\n\n"
         "[党员](../members/)、[欧阳](members/ouyang-xiaohong.html)、[承诺](commitments/2026/)、[回家](../)、[李娜页](members/li-na.md)、[花园文件](zones/garden.md)。\n\n[k]: stories/a-key.md\n\n## Rules\n")


@pytest.mark.parametrize("directory_urls", [True, False])
def test_file_links_lead_to_their_pages(tmp_path, directory_urls):
    root = write_site(tmp_path / "src", {"content/stories/a-key.md": STORY, "content/zones/garden.yaml": ZONE,
                                         "content/about.md": ABOUT})
    config = root / "mkdocs.yml"
    settings = "plugins:\n  - liangxiang:\n      printables: false\n" + f"use_directory_urls: {str(directory_urls).lower()}\n"
    config.write_text(config.read_text(encoding="utf-8").replace("plugins:\n  - liangxiang\n", settings), encoding="utf-8")
    site = build_site(config, tmp_path / "site")
    lists = ("zones/", "stories/", "members/")  # a folder's index page either way
    page = (lambda path: path + "index.html") if directory_urls else (
        lambda path: path + "index.html" if path in lists else path.rstrip("/") + ".html" if path else "index.html")
    expected = {  # page -> link text -> the page it must open
        "stories/a-key/": {"活动规则": "about/", "花园": "zones/garden/", "张伟": "members/zhang-wei/",
                           "李娜": "members/li-na/", "关于": "about/", "花园页": "zones/garden/"},
        "zones/garden/": {"故事": "stories/a-key/", "首页": "", "2026年承诺": "commitments/2026/", "主页": "", "责任区一览": "zones/"},
        "about/": {"首页": "", "故事": "stories/a-key/", "考核": "assessments/2026-Q1/", "责任区": "zones/", "全部故事": "stories/",
                   "党员": "members/", "欧阳": "members/ouyang-xiaohong/", "承诺": "commitments/2026/", "回家": "",
                   "李娜页": "members/li-na/", "花园文件": "zones/garden/"},
    }
    for source, links in expected.items():
        file = site / page(source)
        html = file.read_text(encoding="utf-8")
        assert "lx-link" not in html and ".md" not in re.sub(r"<(script|link)\b[^>]*>", "", html), source
        for text, target in links.items():
            found = re.search(rf'<a href="([^"]*)"[^>]*>{text}</a>', re.sub(r'<span class="nb">([^<]*)</span>', r"\1", html))
            assert found, (source, text)
            href, _, fragment = found.group(1).partition("#")
            opened = (file.parent / href).resolve()
            opened = opened / "index.html" if opened.is_dir() else opened
            assert opened == (site / page(target)).resolve(), (source, text, found.group(1))
            assert opened.is_file()
            assert fragment == ("rules" if text == "活动规则" else "")


def test_what_markdown_names_is_kept_between_builds(tmp_path, monkeypatch):
    """The check renders a text's Markdown once; the next build reads what it names from the memo."""
    from liangxiang.check import markdown_refs
    from liangxiang.pipeline import read_content

    root = write_site(tmp_path / "src", {"content/stories/a-key.md": STORY.replace("../about.md#rules", "../abuot.md")})
    first = [str(p) for p in read_content(root, root / "content", cache_dir=tmp_path / "cache")[1]]
    assert any("abuot.md" in p for p in first)
    monkeypatch.setattr(markdown_refs, "named", lambda renderer, text: pytest.fail("rendered again"))
    assert [str(p) for p in read_content(root, root / "content", cache_dir=tmp_path / "cache")[1]] == first


def test_mail_heading_and_home_links(tmp_path):
    """<name@host> stays a mailto: link; a Chinese heading has an id a link can open at, in a story
    and in a free page; without directory URLs the home page is linked as index.html."""
    story = FILES["content/stories/a-key.md"].replace("故事正文。", "故事正文。\n\n## 经过\n\n那天。")
    about = "# 关于\n\n## 联系我们\n\n邮箱 <dangwei@qh.example.cn>；看[经过](stories/a-key.md#经过)；回[首页](index.md)。\n"
    config = FILES["mkdocs.yml"].replace("  - liangxiang\n", "  - liangxiang:\n      printables: false\n") + "use_directory_urls: false\n"
    root = write_site(tmp_path / "src", {"content/stories/a-key.md": story, "content/about.md": about, "mkdocs.yml": config})
    site = build_site(root / "mkdocs.yml", tmp_path / "site")
    page = (site / "about.html").read_text(encoding="utf-8")
    assert 'href="mailto:dangwei@qh.example.cn"' in page
    assert 'id="联系我们"' in page and re.search(r'<a href="stories/a-key\.html#经过"[^>]*>经过</a>', page), page
    assert 'id="经过"' in (site / "stories/a-key.html").read_text(encoding="utf-8")
    assert re.search(r'<a href="index\.html"[^>]*>首页</a>', page) and '<a class="brand" href="index.html"' in page


def test_anchors_follow_the_sites_own_slugify(tmp_path):
    """A site that sets its own toc slugify gives free pages other heading ids: a link to one of
    them is not judged by ours. A story's headings keep our ids, so a wrong anchor there is still an error."""
    about = "# 关于\n\n## 联系\n\n见[联系](#_1)。\n"
    config = FILES["mkdocs.yml"].replace("  - liangxiang\n", "  - liangxiang:\n      printables: false\n")
    own = config + "markdown_extensions:\n  - toc:\n      slugify: !!python/name:markdown.extensions.toc.slugify\n"
    root = write_site(tmp_path / "own", {"content/about.md": about, "mkdocs.yml": own})
    site = build_site(root / "mkdocs.yml", tmp_path / "site")
    assert 'id="_1"' in (site / "about/index.html").read_text(encoding="utf-8")
    from liangxiang.pipeline import read_content

    ours = write_site(tmp_path / "ours", {"content/about.md": about, "mkdocs.yml": config})
    assert [p.message for p in read_content(ours, ours / "content")[1]] == ["链接“#_1”在这一页找不到对应的小标题"]


def test_a_page_that_dropped_a_link_fails_every_strict_build(tmp_path, monkeypatch):
    """A data page rendered with a warning (here a link the content check was made to miss) is not
    kept in the page cache: the next strict build says it again instead of publishing the page."""
    from mkdocs.exceptions import Abort

    from liangxiang import pipeline

    monkeypatch.setattr(pipeline, "check_markdown_refs", lambda *args, **kwargs: None)
    story = FILES["content/stories/a-key.md"].replace("故事正文。", "故事正文，见[没有的页](../nowhere.md)。")
    config = FILES["mkdocs.yml"].replace("  - liangxiang\n", "  - liangxiang:\n      printables: false\n")
    root = write_site(tmp_path / "src", {"content/stories/a-key.md": story, "mkdocs.yml": config})
    for attempt in (1, 2):
        with pytest.raises(Abort, match="warning"):
            build_site(root / "mkdocs.yml", tmp_path / "site")


@pytest.mark.parametrize("text, shown", [
    ("按流程，\n通知住户。", "<p>按流程，通知住户。</p>"),  # no space between Chinese lines
    ("巡查\n  路灯", "<p>巡查路灯</p>"),
    ("运营线路46条。\n2025年起", '<p>运营线路<span class="nb">46条</span>。<span class="nb">2025年</span>起</p>'),  # audit 29: after a mark, no space
    ("**粗体**\n文字", "<p><strong>粗体</strong>文字</p>"),
    ("两个空格  \n是换行", "<p>两个空格<br>\n是换行</p>"),  # Markdown's hard line break is kept
    ("拨打12345\n（市民热线）", "<p>拨打12345（市民热线）</p>"),
    ("联系电话\n0317-2720000", "<p>联系电话\n<a href=\"tel:03172720000\"><span class=\"nb\">0317-2720000</span></a></p>"),  # beside a digit or a Latin letter, the space stays
    ("    第一行\n    第二行", "<pre><code>第一行\n第二行\n</code></pre>"),  # code keeps its lines
    ("- 一项\n  续写", "<ul>\n<li>一项续写</li>\n</ul>"),
    # audit K: a link on either side of the break ("承诺与 村规民约"), Chinese quotation marks
    ("详见[承诺](https://a.cn/)与\n[村规](https://b.cn/)。", '<p>详见<a href="https://a.cn/">承诺</a>与<a href="https://b.cn/">村规</a>。</p>'),
    ("见[村规](https://b.cn/)\n执行", '<p>见<a href="https://b.cn/">村规</a>执行</p>'),
    ("叫“放心水”\n的工程", "<p>叫“放心水”的工程</p>"),
    ("他说\n“好”", "<p>他说“好”</p>"),
    ("said “hi”\nthen", "<p>said “hi”\nthen</p>"),  # English keeps its space
])
def test_chinese_lines_join_without_a_space(text, shown):
    from liangxiang.site.markdown import Renderer

    assert Renderer().html(text) == shown


def test_a_site_with_nl2br_keeps_every_line_break_of_chinese_text():
    """nl2br in mkdocs.yml: each line break is one in content too (an address, 讲述人 over a quote);
    the lines were joined before nl2br could see them, "村委会邮编 311800" (audit AS-E)."""
    from liangxiang.site.markdown import Renderer

    shown = Renderer({"nl2br": {}}).html("联系地址：\n桃源村村委会\n邮编 311800\n\n老人们说：\n“好”")
    assert shown == "<p>联系地址：<br>\n桃源村村委会<br>\n邮编 311800</p>\n<p>老人们说：<br>\n“好”</p>"


@pytest.mark.parametrize("text, shown", [
    ("110千伏间隔", '<p><span class="nb">110千伏</span>间隔</p>'),  # audit L: "110 / 千伏"
    # audit 27: "0391- / 7216688"; and a phone number in running text calls it (AS-V F4: Android links no plain number)
    ("监督电话0391-7216688。", '<p>监督电话<a href="tel:03917216688"><span class="nb">0391-7216688</span></a>。</p>'),
    ("400-816-9558或2026-03-12", '<p><a href="tel:4008169558"><span class="nb">400-816-9558</span></a>或<span class="nb">2026-03-12</span></p>'),
    ("**0317-2721365**", '<p><strong><a href="tel:03172721365"><span class="nb">0317-2721365</span></a></strong></p>'),  # once, not twice
    ("[热线 0317-2721365](tel:03172721365)", '<p><a href="tel:03172721365">热线 <span class="nb">0317-2721365</span></a></p>'),  # no link in a link
    ("转 0317-2721365-801，编号 3-5、12-2026、0317-1234567", '<p>转 <a href="tel:03172721365,801"><span class="nb">0317-2721365-801</span></a>，'
     '编号 <span class="nb">3-5</span>、<span class="nb">12-2026</span>、<span class="nb">0317-1234567</span></p>'),  # no number starts with 1
    ("`0317-2721365` A-12 12-B x3-4", "<p><code>0317-2721365</code> A-12 12-B x3-4</p>"),  # code, and no number alone
    # a name's dot is held to the character before it: a line began "·托合提" (audit 35)
    ("带着买买提明·托合提和党员", '<p>带着买买提<span class="nb">明·</span>托合提和党员</p>'),
    ("A·B 和 ·开头", "<p>A·B 和 ·开头</p>"),  # not between Chinese characters: left as written
])
def test_a_number_joined_by_hyphens_stays_on_one_line(text, shown):
    from liangxiang.site.markdown import Renderer

    assert Renderer().html(text) == shown


@pytest.mark.parametrize("extensions", ["markdown_extensions:\n  - footnotes\n", "", "markdown_extensions:\n  - tables\n"])
def test_footnotes_build_and_lead_both_ways(tmp_path, extensions):
    """`[^1]` and `[^1]: 出处` are footnotes in content Markdown and in free pages, whether or not
    mkdocs.yml lists the footnotes extension (without it a page showed "^1" and lost its note):
    not a link to a page called 出处, and their ids survive."""
    root = write_site(tmp_path / "src", {
        "mkdocs.yml": FILES["mkdocs.yml"] + extensions,
        "content/about.md": "# 关于\n\n活动简介。[^1]\n\n[^1]: 出处：党委文件，见[故事](stories/a-key.md)。\n",
        "content/stories/a-key.md": FILES["content/stories/a-key.md"].replace("故事正文。", "故事正文。[^a]\n\n[^a]: 注释。"),
    })
    site = build_site(root / "mkdocs.yml", tmp_path / "site")
    for page in ("about/index.html", "stories/a-key/index.html"):
        text = (site / page).read_text(encoding="utf-8")
        refs = re.findall(r'href="#(fn(?:ref)?:\w+)"', text)
        assert len(refs) == 2 and all(f'id="{ref}"' in text for ref in refs), (page, refs)
    assert 'href="../stories/a-key/"' in (site / "about/index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("extensions", ["markdown_extensions:\n  - tables\n", "", "markdown_extensions:\n  - markdown.extensions.tables\n"])
def test_table_columns_keep_their_alignment(tmp_path, extensions):
    """`---:` right-aligns a column (a number column), in content Markdown and in free pages, with
    or without tables in mkdocs.yml: as align="right", since the sanitizer drops every style attribute."""
    table = "| 项目 | 数量 |\n|---|---:|\n| 农户 | 326 户 |\n"
    root = write_site(tmp_path / "src", {
        "mkdocs.yml": FILES["mkdocs.yml"] + extensions,
        "content/about.md": "# 关于\n\n" + table,
        "content/stories/a-key.md": FILES["content/stories/a-key.md"].replace("故事正文。", "故事正文。\n\n" + table),
    })
    site = build_site(root / "mkdocs.yml", tmp_path / "site")
    for page in ("about/index.html", "stories/a-key/index.html"):
        assert '<td align="right">326 户</td>' in (site / page).read_text(encoding="utf-8"), page


@pytest.mark.parametrize("extensions, shown_as_text", [("  - attr_list\n  - def_list\n", False), ("  - tables\n", True)])
def test_content_markdown_follows_the_sites_attr_list(tmp_path, extensions, shown_as_text):
    """A site that enables attr_list for its free pages gets it in stories and zones too: a
    `{: .lead}` is not left on the page as text there while it works on a free page. What it sets
    still goes through the sanitizer (no handler)."""
    marked = "故事正文。\n{: .lead onclick=\"alert(1)\" }\n\n术语\n:   解释\n"
    root = write_site(tmp_path / "src", {
        "mkdocs.yml": FILES["mkdocs.yml"] + "markdown_extensions:\n" + extensions,
        "content/about.md": "# 关于\n\n" + marked,
        "content/stories/a-key.md": FILES["content/stories/a-key.md"].replace("故事正文。", marked),
    })
    site = build_site(root / "mkdocs.yml", tmp_path / "site")
    for page in ("about/index.html", "stories/a-key/index.html"):
        text = (site / page).read_text(encoding="utf-8")
        assert ("{: .lead" in text) == shown_as_text, page
        assert ("<dd>解释</dd>" in text) != shown_as_text, page
        assert not re.search(r"<[^>]*onclick", text), page
    from test_site_search import find, read_index

    [index] = (site / "assets").glob("search-*.json")
    assert ("一把钥匙" in find(read_index(index), "lead")) == shown_as_text  # the index reads it alike


FOLDS = """!!! warning "停水通知"
    周三 8:00 至 12:00 停水。

??? tip "怎样评诺"
    年底由党员自评和群众评议。

=== "在职党员"
    在岗位上亮身份。

=== "退休党员"
    在社区亮身份。
"""


@pytest.mark.parametrize("alternate", [True, False])
def test_notes_folds_and_tabs_keep_their_elements(tmp_path, alternate):
    """admonition, pymdownx.details and pymdownx.tabbed, enabled in mkdocs.yml, work in a free page
    and a story alike: a note keeps its title's class, a fold its <summary>, tabs their radio
    buttons and labels (the theme switches them without a script). Nothing else gets through."""
    extensions = ("markdown_extensions:\n  - admonition\n  - pymdownx.details\n  - pymdownx.tabbed:\n"
                  f"      alternate_style: {str(alternate).lower()}\n")
    root = write_site(tmp_path / "src", {
        "mkdocs.yml": FILES["mkdocs.yml"] + extensions,
        "content/about.md": "# 关于\n\n" + FOLDS,
        "content/stories/a-key.md": FILES["content/stories/a-key.md"].replace("故事正文。", "故事正文。\n\n" + FOLDS),
    })
    site = build_site(root / "mkdocs.yml", tmp_path / "site")
    for page in ("about/index.html", "stories/a-key/index.html"):
        text = (site / page).read_text(encoding="utf-8")
        assert '<p class="admonition-title">停水通知</p>' in text, page
        assert '<details class="tip">\n<summary>怎样评诺</summary>' in text, page
        assert re.search(r'<input checked="[a-z]*" id="__tabbed_1_1" name="__tabbed_1" type="radio">', text), page
        assert '<label for="__tabbed_1_2">退休党员</label>' in text, page
        assert "!!!" not in text and "===" not in text, page


def test_the_sanitizer_keeps_only_what_tabs_and_notes_need():
    from liangxiang.site.markdown import sanitize

    assert sanitize('<input type="text" id="q" name="x" onfocus="alert(1)" autofocus value="1">') == "<input>"
    assert sanitize('<label for="q" onclick="x()">甲</label>') == "<label>甲</label>"
    assert sanitize('<p class="admonition-title lead">注意</p><p class="x">正文</p>') == "<p>注意</p><p>正文</p>"
    kept = '<picture><source srcset="a.webp" type="image/webp"><img src="a.jpg"></picture>'
    assert sanitize(kept) == kept  # a type other than an input's is not a tab's
    assert sanitize('<details open ontoggle="alert(1)"><summary>看</summary></details>') == (
        '<details open=""><summary>看</summary></details>')


def test_an_address_set_with_attr_list_is_checked_as_any_link(tmp_path):
    root = write_site(tmp_path / "src", {
        "mkdocs.yml": FILES["mkdocs.yml"] + "markdown_extensions:\n  - attr_list\n",
        "content/stories/a-key.md": FILES["content/stories/a-key.md"].replace(
            "故事正文。", "故事正文。\n\n[链接](https://example.cn){: href=\"javascript:alert(1)\" }"),
    })
    from mkdocs.config import load_config

    from liangxiang.pipeline import read_site

    config = load_config(config_file=str(root / "mkdocs.yml"))
    content = read_site(config, config.plugins["liangxiang"].config)  # no error: the address is taken out
    assert [(n.where.path, n.message[:27]) for n in content.notices] == [
        ("content/stories/a-key.md", "链接“javascript:alert(1)”不是网址")]


NOT_TARGETS = {"home-q", "q", "search-status", "search-results"}  # form fields and live regions, not places to link to


def test_the_anchors_checked_are_the_ones_the_pages_have(example_site):
    """Audit AM 11: a #fragment into a list page was not checked. Every id a page has is accepted,
    and on the lists, no id a page lacks."""
    from liangxiang.check.anchors import Anchors
    from liangxiang.pipeline import read_content
    from liangxiang.site.markdown import Renderer
    from conftest import REPO

    content, _ = read_content(REPO, REPO / "content")
    anchors = Anchors(content, Renderer(), lambda _, text, compute: compute(text))
    zone, member = content.zones[0], content.public_members[0]
    pages = {"": ("home", None), "members/": ("members", None), "zones/": ("zones", None), "stories/": ("stories", None),
             "print/": ("print", None), "print/plates/": ("plates", None), "assessments/": ("assessments", None),
             f"assessments/{content.periods[0].period}/": ("period", content.periods[0].period),
             f"commitments/{content.latest_year.year}/": ("year", content.latest_year.year),
             f"zones/{zone.id}/": ("zone", zone.id), f"members/{member.id}/": ("member", member.id)}
    for address, page in pages.items():
        html = (example_site / address / "index.html").read_text(encoding="utf-8")
        main = html[html.index('<main id="main"'):html.index("</main>")]
        shown = set(re.findall(r'\sid="([^"]+)"', main)) - NOT_TARGETS - {"main"}
        accepted = set(anchors.of_page(page))
        assert shown <= accepted, (address, shown - accepted)
        if page[0] not in ("zone", "member"):  # theirs are listed whether the page shows them or not
            assert accepted <= shown, (address, accepted - shown)


def test_a_fragment_a_list_page_lacks_is_a_notice(tmp_path):
    about = FILES["content/about.md"] + ("\n[墙](commitments/2026/#li-na)、[全部](members/#b1)、[墙](commitments/2026/#wall)、"
                                         "[时限](zones/garden/#shi-xian)、[监督](zones/garden/#supervise)\n")
    zone = FILES["content/zones/garden.yaml"] + "content: |\n  ## 承诺时限 {#shi-xian}\n\n  两小时内上门。\n"
    root = write_site(tmp_path / "src", {"content/about.md": about, "content/zones/garden.yaml": zone})
    from liangxiang.pipeline import read_content

    content, problems = read_content(root, root / "content")
    assert [str(p) for p in problems] == []
    said = [n.message for n in content.notices if "找不到对应的小标题" in n.message]
    assert said == ["链接“commitments/2026/#li-na”里的“#li-na”在那一页找不到对应的小标题",
                    "链接“members/#b1”里的“#b1”在那一页找不到对应的小标题"], said


def test_a_dot_file_of_another_plugin_stays_listed_and_unpublished(tmp_path):
    """awesome-nav reads content/.nav.yml from MkDocs' list of files: the plugin took every .yml out
    of it as a record, and the menu it describes was silently ignored (audit AS-K 6)."""
    hook = '''
from mkdocs.exceptions import PluginError

def on_files(files, config):  # where awesome-nav looks for it
    if files.get_file_from_path(".nav.yml") is None:
        raise PluginError(".nav.yml is not listed")
    return files
'''
    root = write_site(tmp_path / "src", {
        "mkdocs.yml": FILES["mkdocs.yml"].replace("  - liangxiang\n", "  - liangxiang:\n      printables: false\n") + "hooks:\n  - nav.py\n",
        "nav.py": hook,
        "content/.nav.yml": "nav:\n  - about.md\n",
        "content/about.md": "# 关于\n\n正文。\n",
    })
    site = build_site(root / "mkdocs.yml", tmp_path / "site")
    assert (site / "about" / "index.html").is_file() and not (site / ".nav.yml").exists()


@pytest.mark.parametrize("setting", ["exclude_docs", "draft_docs"])
def test_a_draft_mkdocs_leaves_out_is_not_checked(tmp_path, setting):
    """A draft kept out of the site by exclude_docs (or draft_docs) was still read as a page: its
    broken link failed every build, though it is never published (audit AS-K 13)."""
    files = {"content/drafts/notes.md": "# 草稿\n\n见[还没写的页面](nothere.md)。\n",
             "mkdocs.yml": FILES["mkdocs.yml"].replace("  - liangxiang\n", "  - liangxiang:\n      printables: false\n")}
    from mkdocs.exceptions import Abort

    with pytest.raises(Abort):  # published, it is checked
        build_site(write_site(tmp_path / "a", files) / "mkdocs.yml", tmp_path / "site-a")
    if setting in files["mkdocs.yml"]:
        files["mkdocs.yml"] = files["mkdocs.yml"].replace(f"{setting}: |\n", f"{setting}: |\n  /drafts/\n")
    else:
        files["mkdocs.yml"] += f"{setting}: |\n  /drafts/\n"
    site = build_site(write_site(tmp_path / "b", files) / "mkdocs.yml", tmp_path / "site-b")
    assert not (site / "drafts").exists()
