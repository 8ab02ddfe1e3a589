"""Every address a built page names (links, stylesheets, scripts, icons, images, srcsets, the search
index, redirects) is a file of the site: a site without a logo linked img/favicon.png, never published."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from PIL import Image
from mkdocs.exceptions import Abort

from conftest import build_site
from minimal_site import FILES, write_site

URL_ATTRS = {"href", "src", "action", "data-index", "data-root"}


class _Addresses(HTMLParser):
    def __init__(self):
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for name, value in attrs.items():
            if value is None:
                continue
            if name in URL_ATTRS:
                self.found.append(value)
            elif name == "srcset":
                self.found += [part.split()[0] for part in value.split(",") if part.strip()]
        if tag == "meta" and (attrs.get("http-equiv") or "").lower() == "refresh":
            self.found.append(re.sub(r"^\s*\d+\s*;\s*url=", "", attrs.get("content") or "", flags=re.I))


def missing_addresses(site: Path, base_path: str) -> list[tuple[str, str]]:
    """(page, address) of every local address that names no file; base_path is site_url's path ('/dj/')."""
    missing = []
    for page in sorted(site.rglob("*.html")):
        parser = _Addresses()
        parser.feed(page.read_text(encoding="utf-8"))
        for address in parser.found:
            parts = urlsplit(address)
            if parts.scheme or parts.netloc or not parts.path:  # another host, tel:, mailto:, or #fragment / ?query only
                continue
            path = unquote(parts.path)
            if path.startswith("/"):  # the 404 page names addresses from the site's root
                assert path.startswith(base_path), (page, address)
                target = site / path[len(base_path):]
            else:
                target = page.parent / path
            if target.is_dir():
                target = target / "index.html"
            if not target.is_file():
                missing.append((page.relative_to(site).as_posix(), address))
    return missing


@pytest.mark.parametrize("logo", [False, True], ids=["no-logo", "logo"])
def test_every_address_a_page_names_exists(tmp_path, logo):
    files = {"content/org.yaml": FILES["content/org.yaml"] + "logo: photos/zhang-wei.jpg\n"} if logo else {}
    root = write_site(tmp_path / "src", files)
    site = build_site(root / "mkdocs.yml", tmp_path / "site")
    assert not missing_addresses(site, "/dj/")
    # every page names the site's icon, the redirect of a zone's former id too: else a browser asks /favicon.ico
    pages = sorted(site.rglob("*.html"))
    assert (site / "zones" / "old-garden" / "index.html") in pages
    assert not [p for p in pages if '<link rel="icon"' not in p.read_text(encoding="utf-8")]
    # the masthead shows the logo, whole in its square box: a tall or wide one is padded, not squeezed
    home = (site / "index.html").read_text(encoding="utf-8")
    assert ('class="brand-logo"' in home) == logo
    if logo:
        shown = re.search(r'<picture class="brand-logo">.*?<img src="([^"]+)"', home).group(1)
        with Image.open(site / shown) as image:
            assert image.width == image.height == 64 and image.mode in ("P", "RGBA")


def test_copyright_description_and_author_of_mkdocs_yml_are_shown(tmp_path):
    """Audit AM 12: MkDocs' copyright, site_description and site_author were accepted and shown
    nowhere; an editor who adds the copyright line the organization asked for could not see why."""
    config = FILES["mkdocs.yml"] + "copyright: '© 2026 花园社区党委 <b>版权所有</b>'\nsite_description: 花园社区党员亮身份\nsite_author: 党建办\n"
    root = write_site(tmp_path / "src", {"mkdocs.yml": config})
    site = build_site(root / "mkdocs.yml", tmp_path / "site")
    for page in ("index.html", "zones/garden/index.html"):
        text = (site / page).read_text(encoding="utf-8")
        assert '<p class="colophon-copyright">© 2026 花园社区党委 &lt;b&gt;版权所有&lt;/b&gt;</p>' in text, page
        assert '<meta name="author" content="党建办">' in text
    assert '<meta name="description" content="花园社区党员亮身份">' in (site / "index.html").read_text(encoding="utf-8")


def test_the_404_pages_home_links_end_in_a_slash(tmp_path):
    """Audit AN 8: the 404 page (addresses from site_url's path) linked home as /dj/., which works
    but reads as a typo in the status bar."""
    site = build_site(write_site(tmp_path / "src") / "mkdocs.yml", tmp_path / "site")
    page = (site / "404.html").read_text(encoding="utf-8")
    assert page.count('href="/dj/"') == 2 and 'href="/dj/."' not in page
    assert 'class="brand" href="../.."' in (site / "zones/garden/index.html").read_text(encoding="utf-8")


def test_a_sites_own_stylesheet_and_script_from_its_custom_dir(tmp_path):
    """MkDocs' extra_css and extra_javascript, their files in the theme's custom_dir (content/
    takes none: it is published as it is), are loaded by every page; one that names no file is an
    error, where it used to be a link answered 404 on every page (audit 19)."""
    config = FILES["mkdocs.yml"].replace("  name: liangxiang\n", "  name: liangxiang\n  custom_dir: overrides\n")
    root = write_site(tmp_path / "src", {"mkdocs.yml": config + "extra_css: [css/extra.css]\nextra_javascript: [js/extra.js]\n",
                                         "overrides/css/extra.css": ".site-header{border-bottom:4px solid #c00}\n",
                                         "overrides/js/extra.js": "document.documentElement.dataset.extra = '1';\n"})
    site = build_site(root / "mkdocs.yml", tmp_path / "site")
    assert not missing_addresses(site, "/dj/")
    page = (site / "zones" / "garden" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../css/extra.css?v=' in page and 'src="../../js/extra.js?v=' in page, page[:2000]
    (root / "overrides/css/extra.css").unlink()
    with pytest.raises(Abort):
        build_site(root / "mkdocs.yml", tmp_path / "site2")


def test_every_address_of_the_example_exists(example_site):
    assert not missing_addresses(example_site, "/")


def test_the_sites_own_extra_css_and_scripts_are_asked_for_by_their_version(tmp_path):
    """extra_css and extra_javascript went out without ?v=: behind the intranet recipe's
    `expires 1h`, an edited extra.css reached visitors up to an hour late (audit AS-H). Cached
    data pages ask for the new version too."""
    import re

    from conftest import build_site
    from minimal_site import FILES, write_site

    root = write_site(tmp_path / "src", {
        "mkdocs.yml": FILES["mkdocs.yml"].replace("  name: liangxiang\n", "  name: liangxiang\n  custom_dir: overrides\n")
        + "extra_css:\n  - css/extra.css\nextra_javascript:\n  - {path: js/extra.js, defer: true}\n",
        "overrides/css/extra.css": ".zone { color: #333; }\n", "overrides/js/extra.js": "console.log(1);\n",
    })

    def versions() -> set[str]:
        found = set()
        for page in ("index.html", "zones/garden/index.html"):
            html = (tmp_path / "site" / page).read_text(encoding="utf-8")
            css = re.search(r'<link rel="stylesheet" href="((?:\.\./)*css/extra\.css)\?v=(\w+)">', html)
            js = re.search(r'<script src="((?:\.\./)*js/extra\.js)\?v=(\w+)" defer>', html)
            assert css and js, html[:1500]
            found |= {css.group(2), js.group(2)}
        return found

    build_site(root / "mkdocs.yml", tmp_path / "site")
    before = versions()
    assert len(before) == 1
    (root / "overrides/css/extra.css").write_text(".zone { color: #000; }\n", encoding="utf-8")
    build_site(root / "mkdocs.yml", tmp_path / "site")
    after = versions()
    assert len(after) == 1 and after != before
