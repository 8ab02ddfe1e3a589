"""Hostile input, scripts: nothing from content executes.

A catalogue of XSS payloads goes into every text field of every record kind, into Markdown
fields, story bodies and a free page. Every built page is parsed: no script but the theme's own,
no event-handler attribute, no javascript:/data:/vbscript: URL, no Jinja evaluation ("49" where
"{{ 7*7 }}" was planted); the search index holds the payloads as data; the PDFs hold no actions;
and a few pages load in headless Chromium without a dialog or window.__xss.
"""

from __future__ import annotations

import json
import re
import subprocess
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from conftest import build_site
from minimal_site import FILES, write_site

X = "window.__xss=1"
PAYLOADS = [
    f"<script>{X}</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    f"<scr<script>ipt>{X}</scr</script>ipt>",
    f"<img src=x onerror={X}>",
    f'<img src="x" onerror="{X}">',
    f"<svg onload={X}>",
    f"<svg><script>{X}</script></svg>",
    f"<svg/onload={X}>",
    f'<a href="javascript:{X}">点我</a>',
    f'<a href="JaVaScRiPt:{X}">点我</a>',
    f'<a href="&#106;avascript:{X}">点我</a>',
    f'<a href="&#x6A;&#x61;vascript:{X}">点我</a>',
    f'<a href=" \tjava\nscript:{X}">点我</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD53aW5kb3cuX194c3M9MTwvc2NyaXB0Pg==">数据</a>',
    f'<iframe src="javascript:{X}"></iframe>',
    f'<object data="data:text/html,<script>{X}</script>"></object>',
    f'<body onload="{X}">',
    f'<details open ontoggle="{X}">',
    f'<math><mtext><table><mglyph><style><img src=x onerror="{X}">',
    f"</script><script>{X}</script>",
    f"</title><script>{X}</script>",
    f"</textarea><script>{X}</script>",
    f'" onmouseover="{X}" x="',
    f"' onmouseover='{X}' x='",
    f'"><img src=x onerror={X}>',
    f"javascript:{X}",
    f"&lt;script&gt;{X}&lt;/script&gt;",
    f"&#60;script&#62;{X}&#60;/script&#62;",
    f"＜script＞{X}＜/script＞",
    # (a bidi override, "\u202e<script>…", is refused where it is written: tests/test_rules.py, bidi-override-*)
    f"<scr\u200dipt>{X}</scr\u200dipt>",
    f"<\u200bscript>{X}</script>",
    f"<style>body{{background:url(javascript:{X})}}</style>",
    f'<meta http-equiv="refresh" content="0;url=javascript:{X}">',
    f'<base href="javascript:{X}//">',
    f'<form action="javascript:{X}"><button>x</button></form>',
    f"<![CDATA[<script>{X}</script>]]>",
    "{{ 7*7 }}",
    "{{ config.__class__ }}",
    "{% raw %}{{ 7*7 }}{% endraw %}",
    "{% for x in range(7) %}x{% endfor %}",
    "${7*7}",
    "#{7*7}",
    "\\u003cscript\\u003ewindow.__xss=1\\u003c/script\\u003e",
]
MARKDOWN_PAYLOADS = [
    # in a plain text an HTML comment is refused with its file and line (it would be published as
    # typed: test_rules, html-comment-in-a-promise); in Markdown it is hidden with what it holds
    f"<!--<script>{X}</script>-->",
    f"[链接一](javascript:{X})",
    f"[链接二](JaVaScRiPt:{X})",
    f"[链接三](&#106;avascript:{X})",
    f"[链接四]( javascript:{X} )",
    "[链接五](data:text/html;base64,PHNjcmlwdD53aW5kb3cuX194c3M9MTwvc2NyaXB0Pg==)",
    f"[链接六][ref]\n\n[ref]: javascript:{X}",
    f"<javascript:{X}>",
    f"<http://example.org/\" onmouseover=\"{X}>",
    "[链接七](vbscript:msgbox(1))",
    f'[链接八](https://example.org/ "\\" onmouseover=\\"{X}")',
    f"```html\n<script>{X}</script>\n```",
    f"    <script>{X}</script>",
    f"<div>\n<script>{X}</script>\n</div>",
]
# invisible controls have no glyph in the print font: a printed field holding one is refused with its
# file and line (test_invisible_controls_in_printed_fields_are_refused); pages get them in the all-payload site
INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e]")
PRINTABLE = [p for p in PAYLOADS if not INVISIBLE.search(p)]
SHORT = ["<b onclick=x>张</b>", "{{ 7*7 }}", "＜script＞", '"><i>x', "${7*7}", "</script>"]
# images must be photos under content/: these are refused with file and line (test_image_payloads_are_refused)
IMAGE_PAYLOADS = [f"![图片](javascript:{X})", f'![图片](x" onerror="{X})', "![图片](data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=)",
                  f'<img src=x onerror="{X}">', "![图片](../../mkdocs.yml)"]
BAD_SCHEMES = ("javascript:", "data:", "vbscript:")
DANGEROUS_TAGS = {"script", "iframe", "object", "embed", "svg", "math", "form", "base", "style", "meta", "link",
                  "img", "a", "details", "textarea", "title", "body", "button", "input"}


def _joined(limit: int = 2000) -> str:
    text = " ".join(PAYLOADS)
    assert len(text) <= limit, len(text)
    return text


def xss_files(pick) -> tuple[dict[str, str], list[str]]:
    """The minimal site with pick(field) in every text field; returns (files, the fields tried)."""
    fields: list[str] = []

    def p(field: str) -> str:
        fields.append(field)
        return pick(field)

    grade, category = p("org.grades[0].name"), p("org.story_categories[0]")
    org = {
        "name": p("org.name"), "short_name": p("org.short_name"), "activity": p("org.activity"),
        "slogan": p("org.slogan"), "intro": p("org.intro") + "\n\n" + "\n\n".join(MARKDOWN_PAYLOADS),
        "hotline": "0317-2720000", "supervision": p("org.supervision"),
        "branches": [
            {"id": "b1", "name": p("branch.name"), "groups": [{"id": "b1-g1", "name": p("group.name")}]},
            {"id": "b2", "name": p("branch.name#2")},
        ],
        "grades": [{"name": grade, "min": 90}, {"name": "合格", "min": 0}],
        "story_categories": [category, "真情服务小故事"],
    }
    members = {"members": [
        {"id": "zhang-wei", "name": p("member.name"), "photo": "photos/zhang-wei.jpg", "branch": "b1", "group": "b1-g1",
         "department": p("member.department"), "post": p("member.post"), "title": p("member.title"), "joined": 2008,
         "tags": [p("member.tags[0]")], "honors": [{"year": 2017, "title": p("honor.title"), "by": p("honor.by")}]},
        {"id": "li-na", "name": p("member.name#2"), "branch": "b1"},
        {"id": "ouyang-xiaohong", "name": p("member.name#3"), "branch": "b2", "status": "former"},
    ]}
    garden = {
        "id": "garden", "name": p("zone.name"), "short_name": p("zone.short_name"), "branch": "b1",
        "location": p("zone.location"), "scope": p("zone.scope"), "duties": [p("zone.duties[0]"), p("zone.duties[1]")],
        "content": p("zone.content") + "\n\n" + "\n\n".join(MARKDOWN_PAYLOADS),
        "leader": "zhang-wei",
        "roles": [{"role": p("role.role"), "member": "li-na"}, {"role": p("role.role#2"), "name": p("role.name")}],
        "members": ["zhang-wei", "li-na"], "service_phone": "0317-2720001", "slogan": p("zone.slogan"),
        "aliases": ["old-garden"],
    }
    closed = {"id": "closed", "name": p("zone.name#2"), "branch": "b2", "scope": p("zone.scope#2"),
              "duties": [p("zone.duties#2")], "leader": "li-na", "service_phone": "0317-2720002",
              "status": "archived", "successor": "garden"}
    commitments = {"year": 2026, "commitments": [
        {"member": "zhang-wei", "promise": p("commitment.promise"), "items": [p("commitment.items[0]")],
         "standard": p("commitment.standard"), "progress": [{"date": "2026-03-12", "text": p("progress.text")}],
         "review": {"date": "2026-11-20", "result": grade, "by": p("review.by")}},
        {"member": "li-na", "promise": p("commitment.promise#2")},
    ]}
    story_meta = {"title": p("story.title"), "date": "2016-05-12", "category": category, "members": ["zhang-wei"],
                  "team": p("story.team"), "zone": "garden", "summary": p("story.summary"), "featured": True}
    story_body = p("story.body") + "\n\n" + "\n\n".join(MARKDOWN_PAYLOADS) + "\n"
    assessment = {"period": "2026-Q1", "published": "2026-04-05", "methods": [p("assessment.methods[0]")],
                  "results": [{"zone": "garden", "score": 90, "note": p("result.note")},
                              {"zone": "closed", "score": 69.5, "note": p("result.note#2")}]}
    page = "# " + p("page.title") + "\n\n" + p("page.body") + "\n\n" + "\n\n".join(MARKDOWN_PAYLOADS) + "\n"
    index = p("index.body") + "\n"

    def dump(data) -> str:
        return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000)

    files = {
        "content/org.yaml": dump(org), "members.yaml": dump(members),
        "content/zones/garden.yaml": dump(garden), "content/zones/closed.yaml": dump(closed),
        "content/commitments/2026.yaml": dump(commitments),
        "content/stories/a-key.md": "---\n" + dump(story_meta) + "---\n" + story_body,
        "content/assessments/2026-Q1.yaml": dump(assessment),
        "content/about.md": page, "content/index.md": index,
    }
    return files, fields


class _Scan(HTMLParser):
    """Every script, event-handler attribute and URL of a page."""

    URL_ATTRS = {"href", "src", "srcset", "action", "formaction", "data", "poster", "background", "xlink:href", "content"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.scripts: list[tuple[str, str]] = []
        self.handlers: list[str] = []
        self.urls: list[tuple[str, str, str]] = []
        self.tags: Counter = Counter()
        self._in_script: list[str] | None = None
        self._src = ""

    def handle_starttag(self, tag, attrs):
        if tag in DANGEROUS_TAGS:
            self.tags[tag] += 1
        for name, value in attrs:
            if name.startswith("on"):
                self.handlers.append(f"<{tag} {name}={value!r}>")
            if name == "content" and (tag != "meta" or (dict(attrs).get("http-equiv") or "").lower() != "refresh"):
                continue  # only a refresh's content is a URL (a description may say anything)
            if name in self.URL_ATTRS and value is not None:
                self.urls.append((tag, name, value))
        if tag == "script":
            self._in_script, self._src = [], dict(attrs).get("src") or ""

    def handle_endtag(self, tag):
        if tag == "script" and self._in_script is not None:
            self.scripts.append((self._src, "".join(self._in_script)))
            self._in_script = None

    def handle_data(self, data):
        if self._in_script is not None:
            self._in_script.append(data)


def scan(path: Path) -> _Scan:
    parser = _Scan()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return parser


def _bad_url(value: str) -> bool:
    squeezed = re.sub(r"[\x00-\x20\u200b-\u200f\u2028\u2029\ufeff]", "", value).lower()
    if "url=" in squeezed:  # <meta http-equiv=refresh content="0; url=...">
        squeezed = squeezed.split("url=", 1)[1]
    return squeezed.startswith(BAD_SCHEMES)


@pytest.fixture(scope="module")
def clean_scripts(tmp_path_factory) -> tuple[set, dict]:
    """The theme's own scripts, and how many of each risky element each page of a clean build has."""
    tmp = tmp_path_factory.mktemp("clean")
    root = write_site(tmp / "src")
    site = build_site(root / "mkdocs.yml", tmp / "site")
    scripts, tags = set(), {}
    for page in site.rglob("*.html"):
        found = scan(page)
        scripts |= set(found.scripts)
        tags[page.relative_to(site).as_posix()] = found.tags
    return scripts, tags


def _build(tmp: Path, pick, printables: bool) -> tuple[Path, list[str]]:
    files, fields = xss_files(pick)
    if not printables:
        files["mkdocs.yml"] = FILES["mkdocs.yml"].replace("  - liangxiang\n", "  - liangxiang:\n      printables: false\n")
    root = write_site(tmp / "src", files)
    return build_site(root / "mkdocs.yml", tmp / "site"), fields


@pytest.fixture(scope="module")
def all_payloads_site(tmp_path_factory):
    """Every text field holds the whole catalogue at once (printables off: it is far too long to print)."""
    return _build(tmp_path_factory.mktemp("xss-all"), lambda field: _joined(), printables=False)


@pytest.fixture(scope="module")
def one_payload_site(tmp_path_factory):
    """Each text field holds one payload in turn (printables on)."""
    counter, short = iter(range(10_000)), iter(range(10_000))

    def pick(field: str) -> str:
        if field.startswith(("member.name", "role.")):  # a plate or a sign has room for a name, not a paragraph
            return SHORT[next(short) % len(SHORT)]
        return PRINTABLE[next(counter) % len(PRINTABLE)]

    return _build(tmp_path_factory.mktemp("xss-one"), pick, printables=True)


def _assert_inert(site: Path, clean) -> int:
    clean_scripts, clean_tags = clean
    most = Counter()
    for counts in clean_tags.values():
        most |= counts
    pages = sorted(site.rglob("*.html"))
    assert len(pages) >= 15
    for page in pages:
        found = scan(page)
        raw = page.read_text(encoding="utf-8")
        assert set(found.scripts) <= clean_scripts, (page, set(found.scripts) - clean_scripts)
        assert not found.handlers, (page, found.handlers)
        assert not [u for u in found.urls if _bad_url(u[2])], (page, [u for u in found.urls if _bad_url(u[2])])
        expected = clean_tags.get(page.relative_to(site).as_posix(), most)
        extra = {t: n for t, n in found.tags.items() if t not in ("a", "img") and n > expected[t]}
        assert not extra, f"{page}: elements a clean build does not have: {extra}"
        assert not re.search(r"\b49\b", raw), f"{page}: Jinja evaluated content"
        assert "<class " not in raw and "&lt;class " not in raw, page
        assert "xxxxxxx" not in raw, f"{page}: a {{% for %}} from content ran"
        for url in (u[2] for u in found.urls if u[1] in ("href", "src")):
            assert not re.match(r"(https?:)?//evil", url), (page, url)
    return len(pages)


def test_payloads_in_every_field_are_inert_in_every_page(all_payloads_site, clean_scripts):
    site, fields = all_payloads_site
    n = _assert_inert(site, clean_scripts)
    # the payloads are shown as text (escaped), not dropped
    member = (site / "members/zhang-wei/index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;window.__xss=1&lt;/script&gt;" in member
    assert "{{ 7*7 }}" in member and "{% raw %}" in member
    # a link whose URL was taken out is its words, not link-coloured text that does nothing
    for page in site.rglob("*.html"):
        assert not re.search(r"<a\b(?![^>]*\shref=)[^>]*>", page.read_text(encoding="utf-8")), page
    print(f"{len(PAYLOADS)} payloads x {len(fields)} text fields at once, + {len(MARKDOWN_PAYLOADS)} Markdown payloads"
          f" in 4 Markdown texts: {n} pages inert")


def test_one_payload_per_field_is_inert_in_pages_and_printables(one_payload_site, clean_scripts):
    site, fields = one_payload_site
    n = _assert_inert(site, clean_scripts)
    pdfs = sorted(site.rglob("*.pdf"))
    assert pdfs
    for pdf in pdfs:
        data = pdf.read_bytes()
        for marker in (b"/JavaScript", b"/JS ", b"/JS(", b"/Launch", b"/SubmitForm", b"/ImportData", b"/AA ", b"/AA<<", b"/EmbeddedFile"):
            assert marker not in data, (pdf, marker)
        for action in re.findall(rb"/OpenAction\s*(\S)", data):
            assert action == b"[", (pdf, "an /OpenAction other than a view destination")
        for uri in re.findall(rb"/URI\s*\(([^)]*)\)", data):
            assert uri.lower().startswith(b"http"), (pdf, uri)
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(site / "print/signboards/all.pdf"), "-"],
                          capture_output=True, check=True).stdout.decode()
    squeezed = re.sub(r"\s+", "", text)
    shown = [p for p in PAYLOADS if re.sub(r"\s+", "", p) in squeezed]
    assert shown, "the signboards print the payloads as literal text"
    print(f"{len(fields)} fields x 1 payload each (printables on): {n} pages and {len(pdfs)} PDFs inert;"
          f" {len(shown)} payloads read back literally from the signboards")


def test_search_index_holds_payloads_as_data(all_payloads_site):
    site, _ = all_payloads_site
    indexes = [p for p in site.rglob("*.json") if "search" in p.as_posix()]
    assert indexes
    for index in indexes:
        data = json.loads(index.read_text(encoding="utf-8"))
        text = json.dumps(data, ensure_ascii=False)
        assert f"<script>{X}</script>" in text, "the payload is kept as data (text), not dropped or turned into markup"

        def urls(value):
            if isinstance(value, str):
                if value.startswith(("/", "./", "../")) or re.match(r"^[a-z0-9-]+/", value):
                    yield value
            elif isinstance(value, (list, tuple)):
                for item in value:
                    yield from urls(item)
            elif isinstance(value, dict):
                for item in value.values():
                    yield from urls(item)

        for value in urls(data):
            assert not _bad_url(value), value
    js = (Path(__file__).resolve().parent.parent / "theme/js/search.js").read_text(encoding="utf-8")
    assert not re.search(r"innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(|new Function", js)
    assert "textContent" in js


CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]


@pytest.mark.browser
def test_pages_with_payloads_run_nothing_in_chromium(all_payloads_site, one_payload_site):
    # in a thread of its own: another module may hold a sync Playwright (and its event loop) open in
    # this one; a daemon, so that a browser hung past the limit cannot keep the test run from ending
    import threading

    raised: list[BaseException] = []

    def browse() -> None:
        try:
            _browse([all_payloads_site[0], one_payload_site[0]])
        except BaseException as error:  # noqa: BLE001 - raised again in the test's thread
            raised.append(error)

    thread = threading.Thread(target=browse, daemon=True)
    thread.start()
    thread.join(timeout=300)
    assert not thread.is_alive(), "Chromium did not finish the pages in 300 s"
    if raised:
        raise raised[0]


def _browse(sites: list[Path]) -> None:
    import functools
    import threading
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    from playwright.sync_api import sync_playwright

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def handle(self):
            try:
                super().handle()
            except (BrokenPipeError, ConnectionResetError):
                pass  # the browser moved on to the next page

    urls = ["", "members/", "members/zhang-wei/", "zones/garden/", "zones/old-garden/", "stories/a-key/",
            "commitments/2026/", "assessments/2026-Q1/", "about/", "search/?q=script"]
    dialogs: list[str] = []
    loaded = hits = 0
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        try:
            for site in sites:
                server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
                threading.Thread(target=server.serve_forever, daemon=True).start()
                base = f"http://127.0.0.1:{server.server_address[1]}/"
                try:
                    page = browser.new_page()
                    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
                    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(base) else route.abort())
                    for url in urls:
                        page.goto(base + url)
                        page.wait_for_load_state("load")
                        if url == "zones/old-garden/":
                            page.wait_for_url(base + "zones/garden/")
                        for x, y in ((50, 50), (200, 200), (400, 300), (600, 500)):
                            page.mouse.move(x, y)
                        if url.startswith("search/"):
                            page.wait_for_selector(".search-hit", timeout=10_000)
                            hits += page.locator(".search-hit").count()
                            page.hover(".search-hit")
                        page.wait_for_timeout(100)
                        assert page.evaluate("typeof window.__xss") == "undefined", (site, url)
                        expected = {"zones/old-garden/": "zones/garden/"}.get(url, url)  # the alias redirects
                        assert page.url.split("#")[0] == base + expected, f"{url} navigated to {page.url}"
                        loaded += 1
                    page.close()
                finally:
                    server.shutdown()
                    server.server_close()
        finally:
            browser.close()
    assert not dialogs, dialogs
    assert hits, "the search showed the payload-laden records"
    print(f"{loaded} pages loaded in Chromium ({hits} search hits shown): no dialog, no window.__xss")


def test_image_payloads_are_refused(tmp_path):
    from liangxiang.pipeline import read_content

    body = "正文。\n\n" + "\n\n".join(IMAGE_PAYLOADS) + "\n"
    root = write_site(tmp_path / "src", {"content/stories/a-key.md": FILES["content/stories/a-key.md"].replace("故事正文。\n", body)})
    _, problems = read_content(root, root / "content")
    lines = sorted(p.where.line for p in problems if p.where.path == "content/stories/a-key.md")
    # every Markdown image is refused on its own line; a raw <img> is taken out (a notice)
    assert lines == [11, 13, 15, 19], [str(p) for p in problems]


def test_an_image_on_another_website_is_a_link_to_it(tmp_path):
    """No page loads anything from another host: an image written with a web address is shown as
    a link to it, with its alt text (or the address), and the editor is told at its line."""
    from liangxiang.pipeline import read_content

    body = "正文。\n\n![外站图片](https://evil.example/x.png)\n\n![](http://evil.example/y.png \"标题\")\n"
    root = write_site(tmp_path / "src", {"content/stories/a-key.md": FILES["content/stories/a-key.md"].replace("故事正文。\n", body)})
    content, problems = read_content(root, root / "content")
    assert not problems, [str(p) for p in problems]
    said = [p for p in content.notices if "别的网站" in p.message]
    assert [(p.where.path, p.where.line) for p in said] == [("content/stories/a-key.md", 11), ("content/stories/a-key.md", 13)], said
    site = build_site(root / "mkdocs.yml", tmp_path / "site")
    page = (site / "stories/a-key/index.html").read_text(encoding="utf-8")
    assert "evil.example" not in "".join(re.findall(r"<img\b[^>]*>", page))
    assert re.search(r'<a href="https://evil\.example/x\.png"[^>]*>外站图片</a>', page), page
    assert re.search(r'<a href="http://evil\.example/y\.png"[^>]*>http://evil\.example/y\.png</a>', page), page


def test_the_check_names_markdown_payloads(tmp_path):
    """Raw HTML and links to javascript: in Markdown build (format rule 9: they never reach the
    browser), and the editor is told, at its line, each tag and link that was taken out."""
    from liangxiang.pipeline import read_content

    body = "正文。\n\n" + "\n\n".join(PAYLOADS + MARKDOWN_PAYLOADS) + "\n"
    root = write_site(tmp_path / "src", {"content/stories/a-key.md": FILES["content/stories/a-key.md"].replace("故事正文。\n", body)})
    content, problems = read_content(root, root / "content")
    assert not problems, [str(p) for p in problems]
    said = "\n".join(str(p) for p in content.notices)
    assert "网页代码“<script>”不会出现在网页上" in said and "“<iframe>”" in said, said
    taken = {scheme.lower() for scheme in re.findall(r"链接“\s*(\w+):[^”]*”不是网址", said)}
    assert taken == {"javascript", "data", "vbscript"}, said
    assert len(re.findall(r"链接“\s*javascript:[^”]*”不是网址", said, re.IGNORECASE)) == 5, said  # 链接一 to 链接四, and 链接六


def test_invisible_controls_in_printed_fields_are_refused(tmp_path, caplog):
    import logging

    from mkdocs.exceptions import Abort

    zone = FILES["content/zones/garden.yaml"].replace("scope: 花园一片", "scope: \"\u202e<script>x</script>\u202c\"")
    root = write_site(tmp_path / "src", {"content/zones/garden.yaml": zone})
    with caplog.at_level(logging.ERROR), pytest.raises(Abort):
        build_site(root / "mkdocs.yml", tmp_path / "site")
    assert any(r.getMessage().startswith("content/zones/garden.yaml:4:") for r in caplog.records), caplog.text
    assert not (tmp_path / "site").exists()


def test_the_scan_would_see_an_injection(tmp_path):
    """The checks above are not vacuous: a page with an injection fails them."""
    page = tmp_path / "p.html"
    page.write_text(f'<p>x<img src=x onerror="{X}"><a href=" JaVa&#x53;cript:{X}">a</a></p><script>{X}</script>'
                    '<meta http-equiv="refresh" content="0; url=javascript:x">', encoding="utf-8")
    found = scan(page)
    assert found.handlers and ("", X) in found.scripts
    assert sum(_bad_url(u[2]) for u in found.urls) == 2


def test_the_safe_markdown_listed_twice_keeps_raw_html_out():
    """mkdocs-static-i18n runs on_config once per language: SafeContent was added again and the
    second copy stopped the build with a traceback ("No item named 'html_block'", audit AS-K 5)."""
    import markdown

    from liangxiang.site.markdown import SafeContent

    html = markdown.markdown("<script>alert(1)</script>\n\n<b onclick=x>粗</b> **体**", extensions=[SafeContent(), SafeContent()])
    assert "<script" not in html and "<b " not in html and "<strong>体</strong>" in html, html


def test_what_another_plugin_adds_to_a_page_is_sanitized_too(tmp_path):
    """mkdocs-glightbox, listed after liangxiang, wrapped each photo in a link whose data-title held the
    alt text; GLightbox shows that as HTML, so `![<img src=x onerror=...>](photo)` ran script in a
    visitor's browser (audit AS-K 1). The page is sanitized after every other plugin's on_page_content."""
    hook = '''
def on_page_content(html, page, config, files):  # what glightbox does with a caption
    return html.replace("<p>", '<p><a class="glightbox" data-title="&lt;img src=x onerror=alert(1)&gt;" onclick="alert(2)" href="#">', 1)
'''
    root = write_site(tmp_path / "src", {
        "mkdocs.yml": FILES["mkdocs.yml"].replace("  - liangxiang\n", "  - liangxiang:\n      printables: false\n") + "hooks:\n  - caption.py\n",
        "caption.py": hook,
        "content/about.md": "# 关于\n\n正文。\n",
    })
    site = build_site(root / "mkdocs.yml", tmp_path / "site")
    about = (site / "about" / "index.html").read_text(encoding="utf-8")
    assert "正文" in about
    assert "data-title" not in about and "onclick" not in about and "onerror" not in about, about


def test_what_a_plugin_writes_into_a_page_is_checked_as_its_own_text(tmp_path, caplog):
    """mkdocs-macros ran `{{ ... }}` in a free page and published a hidden member's name and raw
    records; include-markdown and pymdownx.snippets pull in members.yaml as it is (audit AS-K 2, 3).
    What another plugin writes into a page is looked at as the page's own text; the plugin gets a notice."""
    hook = '''
def on_page_markdown(markdown, page, config, files):  # what macros or include-markdown do
    return markdown.replace("{{ roster }}", "名单：隐藏人\\n\\n证件：身份证号 110101199003077758")
'''
    files = {
        "mkdocs.yml": FILES["mkdocs.yml"].replace("  - liangxiang\n", "  - liangxiang:\n      printables: false\n")
        + "hooks:\n  - roster.py\n",
        "roster.py": hook,
        "content/about.md": "# 关于\n\n{{ roster }}\n",
    }
    root = write_site(tmp_path / "src", files)
    import logging

    from mkdocs.exceptions import Abort

    with caplog.at_level(logging.INFO), pytest.raises(Abort, match="1 处错误"):
        build_site(root / "mkdocs.yml", tmp_path / "site", strict=False)
    said = [record.getMessage() for record in caplog.records]
    assert any(s.startswith("content/about.md:1:1: 别的插件写进这个页面的文字里：这里有一个身份证号（110101********7758）") for s in said), said
    assert any("别的插件写进这个页面的文字里：这里提到了“隐藏人”" in s for s in said), said
    assert not (tmp_path / "site").exists()  # nothing published


def test_a_plugin_that_runs_pages_as_code_gets_a_notice(tmp_path):
    from types import SimpleNamespace

    from liangxiang.check.settings import _pages_run_as_code

    config_file = tmp_path / "mkdocs.yml"
    config_file.write_text("site_name: x\nplugins:\n  - liangxiang\n  - macros\nmarkdown_extensions:\n  - pymdownx.snippets\n", encoding="utf-8")
    content = SimpleNamespace(notices=[])
    _pages_run_as_code(SimpleNamespace(plugins={"liangxiang": 1, "macros": 2}, markdown_extensions=["tables", "pymdownx.snippets"]),
                       config_file, content)
    said = [str(notice) for notice in content.notices]
    assert said[0].startswith("mkdocs.yml:4:5: plugins: plugins 里的 macros 会把页面里的 {{ … }} 和 {% … %} 当作程序运行"), said
    assert said[1].startswith("mkdocs.yml:6:5: markdown_extensions: markdown_extensions 里的 pymdownx.snippets 会把页面里写的任何文件"), said
