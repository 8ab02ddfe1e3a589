"""The ids a link's #fragment may name: a story's or a free page's headings, and the anchors the
theme's templates give a record's page or a generated list (a notice when a list lacks one)."""

from __future__ import annotations

import difflib
import html
import re
from urllib.parse import unquote, urlsplit

from ..content import HOME_SOURCES, Content
from ..files import TextMemo
from ..load.mdbounds import markdown_problems

HEADING_ID = re.compile(r'<h[1-6]\b[^>]*\sid="([^"]*)"')
ATTR_ID = re.compile(r"\{:?[^}\n]*?#([^\s}]+)")  # an id set by attr_list: ## 标题 {#id}
HEADED_PAGES = ("story", "free", "home", "stories", "year", "period", "assessments")  # their ids offered in a hint
LIST_PAGES = ("members", "zones", "stories", "year", "period", "assessments", "print", "plates")


class ListAnchor(tuple):
    """A #fragment a generated list lacks: a notice, not an error."""


class Anchors:
    """The heading ids of stories and free pages, which a link's #fragment must name."""

    def __init__(self, content: Content, renderer, named_in: TextMemo, free_pages: bool = True):
        self.content, self.renderer, self.named_in, self.free_pages = content, renderer, named_in, free_pages

    def of_text(self, text: str) -> list[str]:
        return self.named_in("ids", text, self._ids)

    def _ids(self, text: str) -> list[str]:
        if markdown_problems(text):
            return []
        found = [html.unescape(i) for i in HEADING_ID.findall(self.renderer.html(text))]
        return found + ATTR_ID.findall(text)

    def of_page(self, page: tuple[str, object]) -> list[str] | None:
        """The ids a link's #fragment may name on a page, as the theme's templates set them; None
        for a page whose ids are not checked (printables: pdf#page=2)."""
        kind, key = page
        content = self.content
        if kind == "member":  # as theme/member.html sets them: a year's promise
            return [f"commitment-{year.year}" for year in content.commitments for c in year.commitments if c.member == key]
        if kind == "zone":  # theme/zone.html: its leader, its scores and their chart, whom to complain to, its text's headings
            org, zone = content.org, content.zone_by_id.get(str(key))
            return (["leader-h", "grade-h", f"trend-{key}"] + (["supervise"] if org and (org.supervision or org.hotline) else [])
                    + (self.of_text(zone.content) if zone and zone.content else []))
        if kind == "story":
            return next((self.of_text(story.body) for story in content.stories if story.slug == key), None)
        if kind in ("free", "home") and self.free_pages:  # the home page shows content/index.md's headings
            from mkdocs.utils.meta import get_data

            home = next((name for name in HOME_SOURCES if (content.docs_dir / name).is_file()), HOME_SOURCES[0])
            text = page_text(content, home if kind == "home" else str(key))
            return ([] if kind == "home" else None) if text is None else self.of_text(get_data(text)[0])
        return _list_ids(content, kind, key)


def _list_ids(content: Content, kind: str, key: object) -> list[str] | None:
    """The ids of the generated lists (audit AM 11: a link to commitments/2026/#li-na was published dead)."""
    if kind == "members" and content.org is not None:  # theme/members.html: a section per branch with people shown
        shown = {member.branch for member in content.public_members}
        return [f"branch-{branch.id}" for branch in content.org.branches if branch.id in shown]
    if kind in ("members", "zones"):
        return []
    if kind == "year":  # theme/year.html: with several branches, a section for each
        year = next((y for y in content.years if str(y.year) == str(key)), None)
        shown = {content.member_by_id[c.member].branch for c in year.commitments if c.member in content.member_by_id} if year else set()
        branches = [f"branch-{branch.id}" for branch in content.org.branches if branch.id in shown] if content.org else []
        return ["wall"] + (branches if len(branches) > 1 else [])
    if kind == "period":  # theme/partials/assessment.html
        return [f"board-{key}"]
    if kind == "assessments":  # the newest period with results, or the newest
        shown = next((a for a in content.periods if a.results), content.periods[0] if content.periods else None)
        return [f"board-{shown.period}"] if shown else []
    if kind == "stories" and content.org is not None:  # theme/stories.html, SiteView.category_anchor
        written = {story.meta.category for story in content.stories}
        return [f"category-{number}" for number, category in enumerate(content.org.story_categories, 1) if category in written]
    if kind == "print":  # theme/print.html, the signboards' page
        return ["signboards"] + [f"signboards-{zone.id}" for zone in content.active_zones]
    if kind == "plates":  # and the plates'
        return ["plates"] + [f"plates-{member}" for member in content.plate_commitments]
    return None


def anchor_problem(href: str, ids: list[str] | None, page: str, listed: bool = True) -> tuple[str, str] | None:
    """A #fragment that names no heading of its page opens the page at its top, not where it says.
    ``listed``: the page's ids are its headings' (a story's), to be offered in the hint."""
    from ..site.markdown import HEADING_IDS  # the slugify that gave the headings their ids

    fragment = unquote(urlsplit(href).fragment)
    if ids is None or not fragment or fragment in ids or fragment == "main":  # every page's content is #main
        return None
    message = (f"链接“{href}”在{page}找不到对应的小标题" if href.startswith("#")
               else f"链接“{href}”里的“#{fragment}”在{page}找不到对应的小标题")
    slug = HEADING_IDS["slugify"](fragment, "-")
    if slug in ids:
        return message, f"写成 #{slug}：小标题的链接去掉标点，空格换成 -，英文字母小写"
    if not ids or not listed:
        return message, f"{page}没有这样的小标题：去掉“#”和后面的字，链接到整页"
    # a heading's words without the rest of it (#办事流程 for “办事流程（2026年版）”), or a typo
    near = [i for i in ids if slug and slug in i] or difflib.get_close_matches(slug, ids, n=1, cutoff=0.6)
    if len(near) == 1:
        return message, f"是不是要写 #{near[0]}？小标题的链接要写出整个小标题：去掉标点，空格换成 -，英文字母小写"
    shown = near or ids
    return message, f"{page}的小标题有：" + "、".join(f"#{i}" for i in shown[:8]) + ("……" if len(shown) > 8 else "")


def page_text(content: Content, page: str) -> str | None:
    """A free page's text: as the loader read it (a page is read once a build), or from its file."""
    if page in content.page_texts:
        return content.page_texts[page]
    try:
        return (content.docs_dir / page).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return None
