"""The print stage: check() from on_config, write() from on_post_build (see the package)."""

from __future__ import annotations

import logging
import time
from dataclasses import astuple, replace
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

from ..content import Content
from ..problems import ContentError, Location, Problem, Problems
from ..site.pages import DataPage
from ..site.view import Labels, Urls
from ..files import FileFacts, cache_dir, link_or_copy, site_root, whole
from ..check.settings import prints_nowhere
from ..siteconfig import printed_site_url
from ..titles import WORDS_FILE, keep_words_in, save_words
from .cache import PrintCache, key
from .codes import publish_zone_codes
from .orderlist import LIST, write_order_list
from .drawing import Drawing, edition
from .fallback import fallback_faces
from .fonts import FontError, FontSet, prepare_fonts, subset_fonts
from .metrics import Metrics, metrics_for
from .fontsearch import font_having
from .glyphs import as_written, check_glyphs
from .images import SmallPhoto, use_known
from .index import LayoutIndex, Summary, layout_key
from .layout import LARGEST_PAGE, SCHEMES, sheet_size
from .plan import Planned, plan_plates, plan_signboards, plate_words, signboard_words
from .background import Background
from .pool import MERGE_OUT_FROM, POOL_FROM, Workers, cpus
from .printable import Printable, by_paper, outline, packed_drawing, shown
from .fitting import Squeezed, also_squeezed, every_overflow, fit_or_squeeze
from .setter import Overflow, Setter
from .notices import PrintNotices, field_of

log = logging.getLogger("mkdocs.plugins.liangxiang")

KINDS = {"signboard": "signboards", "plate": "plates"}
# a preview's longer side: every line of a sign readable on a screen; a plate needs less
PREVIEW_PIXELS = {"signboards": 1400, "plates": 1000}


class PrintStage:
    def __init__(self, content: Content, config: Any, plugin_config: Any, urls: Urls, labels: Labels):
        self.config_file = Path(config.config_file_path or "mkdocs.yml")
        self.root = site_root(config)
        self.content, self.urls, self.labels = content, urls, labels
        self.site_url = printed_site_url(config)  # not `mkdocs serve`'s own address
        self.font_option, self.bleed = plugin_config.font, plugin_config.bleed
        self.cache_dir = cache_dir(config, plugin_config)
        self.cache = PrintCache(self.cache_dir / "print")
        self.index = LayoutIndex(self.cache.folder / "layouts.json")
        self.items: list[Printable] = []
        self.fonts: FontSet | None = None
        self.subset = None  # the cut-down font of the last rendering, kept by the cache's pruning
        self.entries: dict = {}  # id(printable) -> its cache entry
        self.background: Background | None = None
        self.rendered = 0  # printables rendered by this build
        self.notices: list[Problem] = []  # printed, but set below the legible size (fitting.py)

    # -- check: before anything is written ------------------------------------------------
    def check(self, render: bool = False) -> None:
        """Lay out every changed printable; raises ContentError naming each field that cannot be printed.

        With render (a build, not `liangxiang validate`), what the cache lacks is then rendered in
        worker processes while MkDocs builds the pages; write() publishes it."""
        try:
            self._check(render)
        except BaseException:
            if self.background is not None:
                self.background.cancel()
                self.background = None
            raise
        if render:
            self._start()

    def _check(self, render: bool) -> None:
        problems = Problems()
        try:
            self.fonts = prepare_fonts(self.font_option, self.root, self.cache_dir)
        except FontError as error:
            problems.add(Location.of_setting(self.config_file, "font"), "font", error.message, error.hint)
            raise ContentError(problems) from None
        known = FileFacts(self.cache.folder / "images-2.json", 4)  # 2: sizes without a see-through margin; 4: and whether trimmed
        use_known(known)
        try:
            planned = plan_signboards(self.content, self.urls, self.site_url) + plan_plates(self.content, self.urls, self.site_url)
        finally:
            use_known(None)
        known.save()
        words = {"signboard": signboard_words(self.labels), "plate": plate_words(self.labels)}
        keys = [layout_key(item.kind, item.content, words[item.kind], self.fonts.digest, self.bleed) for item in planned]
        summaries = [self.index.get(k) for k in keys]
        fresh = [(item, k) for item, k, s in zip(planned, keys, summaries) if s is None]
        laid: dict[str, tuple[Summary, bytes, str]] = {}
        if render and fresh and cpus() > 1:  # its workers start while the rest is laid out
            self.background = Background.ready(1 if len(fresh) < POOL_FROM else cpus())
        if fresh or not planned:
            # what was laid out before passed these checks with the same font, words and content
            metrics = metrics_for(self.fonts, self.cache_dir / "fonts")
            if not self._check_words(metrics, problems):
                raise ContentError(problems)
            # a printable with a character the font lacks is not laid out; the others still are,
            # so that one run reports what does not fit beside what cannot be printed
            keep_words_in(self.cache_dir / WORDS_FILE)  # a sign laid out again for its phone needs no dictionary
            try:
                laid = self._lay_out_all(self._check_glyphs(fresh, metrics, problems), Setter(metrics), problems)
            finally:
                save_words()
        notices = PrintNotices(self.notices, self.config_file, self.fonts.name, self._font_having)
        photos_said: dict[str, tuple[int, SmallPhoto]] = {}
        chars_said: set = set()
        for item, k, summary in zip(planned, keys, summaries):
            packed, chars = None, ""
            if k in laid:
                summary, packed, chars = laid[k]
                self.index.put(k, summary)
            self.items.append(self._printable(item, summary, packed, chars))
            for squeezed in summary.squeezed:
                notices.squeezed(item, squeezed)
            if not summary.squeezed and item.kind == "signboard" and summary.reading:
                notices.smallest(item, summary)
            if summary.small_photo:
                notices.small_photo(item, SmallPhoto(*summary.small_photo), photos_said)
            if summary.left_out:
                notices.left_out(item, summary.left_out, chars_said)
        self.index.save()
        if fresh:
            rest = f"（共 {len(planned)} 个，其余没有变化）" if len(fresh) < len(planned) else ""
            log.info("亮相：排版印刷品 %d 个%s", len(fresh), rest)

    def _lay_out_all(self, fresh: list[tuple[Planned, str, tuple]], setter: Setter, problems: Problems) -> dict:
        """{layout key: (summary, pickled drawing, characters)}. When anything does not fit, what did
        is kept in the index before the error is raised: the editor's next run lays out only what
        failed (one zone wrong among 20 laid out all 20 again on every run, audit AE); its files are
        made by the build that succeeds (_lay_out_again)."""
        laid = {}
        for item, k, left_out in fresh:
            found = self._lay_out(item, setter, problems)
            if found is not None:
                drawing, squeezed = found
                summary = Summary(key(KINDS[item.kind], drawing, self.fonts.digest, self.bleed), drawing.title,
                                  drawing.width, drawing.height, tuple(drawing.notes),
                                  tuple(astuple(each) for each in squeezed), drawing.small_photo, left_out, drawing.reading)
                laid[k] = (summary, *packed_drawing(drawing))
        if problems:
            for k, (summary, _, _) in laid.items():
                self.index.put(k, summary)
            self.index.save()
            raise ContentError(problems)
        return laid

    def _check_words(self, metrics: Metrics, problems: Problems) -> bool:
        words = [*vars(signboard_words(self.labels)).values(), *vars(plate_words(self.labels)).values()]
        missing = metrics.lacking("".join(words))  # a font without Chinese: the faces that come with it would set every word
        if missing:
            problems.add(Location.of_setting(self.config_file, "font"), "font", f"字体“{self.fonts.name}”里没有中文字（缺少“{''.join(missing[:8])}”等）",
                         "换一个中文字体，或去掉 font 使用自带的思源黑体（Noto Sans SC）")
        return not missing

    def _check_glyphs(self, fresh: list[tuple[Planned, str]], metrics: Metrics, problems: Problems) -> list:
        """(item, layout key, what was left out) of each fresh item that can be printed; what cannot
        is a problem (glyphs.py)."""
        printable = []
        for item, k in fresh:
            checked = check_glyphs(item, metrics)
            for said in checked.errors:
                found = self._font_having("".join(said.chars)) if as_written(said.chars) else None
                problems.add(said.record.at(*said.path), said.record.field_name(*said.path), *said.error(self.fonts.name, found))
            if not checked.errors:
                printable.append((checked.item, k, checked.left_out))
        return printable

    def _font_having(self, missing: str) -> str | None:
        """An installed font with the characters and the printables' own words: one without Chinese
        would set every other word from the faces that come with it, or not at all."""
        words = [*vars(signboard_words(self.labels)).values(), *vars(plate_words(self.labels)).values()]
        return font_having(missing + "".join(dict.fromkeys("".join(words))), self.root)

    def _lay_out(self, item: Planned, setter: Setter, problems: Problems) -> tuple[Drawing, tuple[Squeezed, ...]] | None:
        from .plate import compose_plate, plate_at_least, plate_overflow_said  # imported on first use: an unchanged site lays out nothing
        from .signboard import compose_signboard, signboard_at_least

        if item.kind == "signboard":
            zone = item.records["zone"]
            width, height = sheet_size(zone.signboard.size, zone.signboard.orientation)
            if max(width, height) > LARGEST_PAGE:
                problems.add(zone.at("signboard", "size"), "signboard.size", "标志牌超过 5 米，PDF 页面放不下", "写实际的成品尺寸，例如 900x600mm")
                return None
            words, least, said = signboard_words(self.labels), signboard_at_least, lambda overflow, content: overflow
            compose = lambda content, squeeze, advise=True: compose_signboard(content, words, setter, squeeze, advise)  # noqa: E731
        else:
            words, least = plate_words(self.labels), plate_at_least  # a plate offers no other size: advise is the sign's
            said = lambda overflow, content: plate_overflow_said(overflow, content, words, setter)  # noqa: E731
            compose = lambda content, squeeze, advise=True: compose_plate(content, words, setter, squeeze)  # noqa: E731
        try:
            drawing, squeezed = fit_or_squeeze(lambda squeeze: compose(item.content, squeeze))
        except Overflow as overflow:
            fits = lambda content: fit_or_squeeze(lambda squeeze: compose(content, squeeze, advise=False))  # noqa: E731
            for each in every_overflow(overflow, item.content, fits, least):
                each = said(each, item.content)
                where, field = field_of(item, tuple(each.field), self.config_file)
                problems.add(where, field, each.message, each.hint)
            return None
        if squeezed is None or squeezed.squeeze == 1.0:  # at 1.0 only its code was made smaller
            return drawing, (squeezed,) if squeezed else ()
        also = also_squeezed(squeezed, item.content, lambda content: compose(content, 1.0, advise=False), least)
        drawing.notes[1:1] = [each.note for each in also]
        return drawing, (squeezed, *also)

    def _printable(self, item: Planned, summary: Summary, packed: bytes | None, chars: str) -> Printable:
        kind = KINDS[item.kind]
        if item.kind == "signboard":
            board = item.records["zone"].signboard
            note = " · ".join((self.labels[f"print_{board.orientation}"], self.labels["print_scheme_" + board.scheme.replace("-", "_")]))
            ordered = note
        else:
            # the post on /print/; how it is made in the order list, whose shop the post told nothing (audit AS-Z L1)
            note, ordered = item.content.detail or item.content.branch, self.labels["print_list_plate"]
            if item.records["member"].status == "former":  # in all.pdf as the format says; whoever orders may skip it
                note, ordered = (" · ".join(part for part in (self.labels["former"], said) if part) for said in (note, ordered))
        return Printable(kind, item.id, summary.title, note, outline(summary), summary.key, item.content.url, edition(item.content),
                         planned=item, packed=packed, chars=chars, order_note=ordered)

    # -- write: after MkDocs has built the pages -----------------------------------------
    def _start(self) -> None:
        """Render what the cache lacks into the cache, in the background; with one processor write() does."""
        self.entries = {id(p): self.cache.entry(p.kind, p.id, p.key) for p in self.items}
        todo = [p for p in self.items if self._facts(p) is None]
        if not todo:  # nothing new, or laid out anew yet rendered before (an edit undone)
            Background.drop_started()  # the worker prestarted or started by the layout goes
            self.background = None
            return
        if self.background is None and cpus() > 1:
            self.background = Background.ready(1 if len(todo) < POOL_FROM else cpus())
        if self.background is not None:
            self.background.begin(lambda workers: self._render_and_merge(todo, workers))

    def write(self, site_dir: Path) -> None:
        started = time.perf_counter()
        if self.background is not None:
            with Workers(parallel=False) as here:  # the zones' QR codes, here while the workers render
                codes = self._codes(site_dir, here)
            self.background.wait()  # raises PluginError naming the printable that failed
        if not self.entries:
            self.entries = {id(p): self.cache.entry(p.kind, p.id, p.key) for p in self.items}
        entries = self.entries
        for kind in KINDS.values():
            (site_dir / "print" / kind).mkdir(parents=True, exist_ok=True)
        # rendered by start(), unchanged, or not yet: rendered now (one processor, or the cache lost files)
        todo = [p for p in self.items if not self._publish(p, site_dir)]
        combined = self._combined(entries)
        with Workers(parallel=len(todo) >= POOL_FROM) as workers:
            if self.background is None:
                codes = self._codes(site_dir, workers)
            self._render(todo, workers)
            for printable in todo:
                if not self._publish(printable, site_dir):
                    raise PluginError(f"亮相：印刷品 {printable.kind}/{printable.id} 生成的文件不见了"
                                      f"（{Path(entries[id(printable)].pdf).parent}）：再运行一次生成")
            merges = _missing_merges(combined)
            from .preview import merge

            workers.map(merge, merges, apart=any(len(parts) >= MERGE_OUT_FROM for parts, _, _ in merges))
        for kind, (_, path, _) in combined.items():
            link_or_copy(path, site_dir / "print" / kind / "all.pdf")
        write_order_list(by_paper(self.items), site_dir, self.labels, self.site_url or "", self.bleed)
        if self.rendered or self.index.dirty():
            kept = codes + [path for entry in entries.values() for path in (entry.pdf, entry.png, entry.meta)]
            kept += [path for _, path, _ in combined.values()]
            if self.subset:
                kept += [self.subset.regular.path, self.subset.bold.path]
                kept += [path for face in self.subset.fallback for path in (face.regular.path, face.bold.path)]
            self.cache.prune(kept, fonts_too=bool(self.rendered))
        self.index.save()
        # rendered while MkDocs built the pages: the time is what the build waited for them after
        log.info("亮相：印刷品 %d 个（新生成 %d 个，沿用缓存 %d 个），页面生成后又用了 %.1f 秒",
                 len(self.items), self.rendered, len(self.items) - self.rendered, time.perf_counter() - started)

    def _facts(self, printable: Printable) -> dict | None:
        facts = self.index.facts.get(printable.key)
        if facts is None:
            entry = self.entries[id(printable)]
            if entry.complete():  # rendered, but the index was lost
                facts = entry.facts()
                self.index.put_facts(printable.key, facts)
        return facts

    def _publish(self, printable: Printable, site_dir: Path) -> bool:
        """Link a rendered printable into the site; False when it is not rendered or the cache lost it."""
        facts = self._facts(printable)
        if facts is None or not self.cache.publish(self.entries[id(printable)], f"{site_dir}/{printable.pdf}",
                                                   f"{site_dir}/{printable.png}"):
            return False
        printable.facts = shown(facts)
        return True

    def _codes(self, site_dir: Path, workers: Workers) -> list[Path]:
        return publish_zone_codes(self.content.zones, self.site_url, self.urls, self.cache.folder, site_dir, workers)

    def _render_and_merge(self, todo: list[Printable], workers: Workers) -> None:
        """The background's work: the new printables, then the all.pdf files that hold them."""
        self._render(todo, workers)
        from .preview import merge  # a light module: pdfium is imported by merge(), in the worker

        merges = _missing_merges(self._combined(self.entries))
        if workers.size > 1 and any(len(parts) >= MERGE_OUT_FROM for parts, _, _ in merges):
            # the renderers hold their fonts (some 150 MB each): let them go before one process has
            # pdfium hold every page of a big all.pdf (180 MB for 5,000 plates)
            workers.close(wait=True)
            workers.size = 1
        workers.map(merge, merges, apart=True)

    def _render(self, todo: list[Printable], workers: Workers) -> None:
        """Render into the cache and note each printable's facts (in start()'s thread, or in write())."""
        if not todo:
            return
        from .render import RenderJob, render

        self._lay_out_again([p for p in todo if p.packed is None])
        # a font of just the characters to print loads in milliseconds, not a second per document
        chars = "".join(sorted(set("".join(p.chars for p in todo))))
        fonts = subset_fonts(self.fonts, chars, self.cache.folder / "fonts", workers.map, self.cache_dir / "fonts")
        lacking = metrics_for(self.fonts, self.cache_dir / "fonts").lacking(chars)
        if lacking:  # 𠮷 in a name: set in a face that has it
            fonts = replace(fonts, fallback=fallback_faces("".join(lacking), self.cache.folder / "fonts", self.cache_dir / "fonts"))
        self.subset = fonts
        jobs, by_name = [], {}
        for p in todo:
            entry = self.entries[id(p)]
            jobs.append(RenderJob(f"{p.kind}/{p.id}", p.packed, fonts, self.bleed, entry.pdf, entry.png, entry.meta,
                                  PREVIEW_PIXELS[p.kind]))
            by_name[f"{p.kind}/{p.id}"] = p
            p.packed = None  # the job has it, until it is done

        def done(job, facts: dict) -> None:
            printable = by_name[job.name]
            self.index.put_facts(printable.key, facts)
            self.rendered += 1

        workers.run(jobs, render, done)

    def _lay_out_again(self, printables: list[Printable]) -> None:
        """Drawings of printables whose layout was unchanged but whose rendered files are gone."""
        if not printables:
            return
        metrics = metrics_for(self.fonts, self.cache_dir / "fonts")
        problems, setter = Problems(), Setter(metrics)
        for printable in printables:
            # as laid out the first time: without what no face has (an emoji in a promise)
            found = self._lay_out(check_glyphs(printable.planned, metrics).item, setter, problems)
            if found is None:  # it fitted last time with the same inputs
                raise PluginError(f"亮相：印刷品 {printable.kind}/{printable.id} 排不下了：{problems}")
            printable.packed, printable.chars = packed_drawing(found[0])

    def _combined(self, entries: dict) -> dict[str, tuple[list[str], Path, str]]:
        """{kind: (its PDFs in order, the cached all.pdf holding them, its title)}"""
        out = {}
        org = self.content.org.short_name or self.content.org.name if self.content.org else ""
        for kind in KINDS.values():
            parts = by_paper([p for p in self.items if p.kind == kind])
            if parts:
                title = " · ".join(filter(None, (self.labels[f"print_{kind}"], org)))  # what a viewer's tab and the print queue show
                path = self.cache.folder / "all" / f"{kind}-{key(kind, [p.key for p in parts], title)}.pdf"
                out[kind] = ([entries[id(p)].pdf for p in parts], path, title)
        return out

    # -- the /print/ pages ----------------------------------------------------------------
    def pages(self) -> list[DataPage]:
        """/print/ with the signboards, /print/plates/ with the plates: an edited zone renders the
        short page again, not a thousand plates' too, and a phone opening one downloads less."""
        by_kind = {kind: [p for p in self.items if p.kind == kind] for kind in KINDS.values()}
        shared = {
            "counts": {kind: len(items) for kind, items in by_kind.items()},
            "bleed": self.bleed,
            "order_list": LIST,
            "year": self.content.plates_year.year if self.content.plates_year else None,
            # the person ordering the signs sees these pages, never the build's notices
            "unset_site_url": self.site_url if prints_nowhere(self.site_url or "") else "",
            "colors": {"red": SCHEMES["red-gold"].ground, "gold": SCHEMES["red-gold"].text},
        }
        pages = []
        for page_key, kind, title in (("print/", "signboards", "print"), ("print/plates/", "plates", "print_plates")):
            url = self.urls.page(page_key)
            # all.pdf is asked for with a version, as each printable (Printable.version); the order
            # list is not: it changes with every edit, and its page need not render again for it
            page = DataPage(page_key, url, "print.html", self.labels[title],
                            {**shared, "kind": kind, "items": by_kind[kind], "all_version": key(*(p.key for p in by_kind[kind]))[:8]})
            if self.site_url:
                page.canonical_url = self.site_url.rstrip("/") + "/" + url
            page.late = True  # it lists the printables' sizes: rendered once they are written
            pages.append(page)
        return pages


def _missing_merges(combined: dict[str, tuple[list[str], Path, str]]) -> list[tuple[list[str], str, str]]:
    """merge() jobs for the all.pdf files the cache does not hold yet."""
    return [(parts, str(path), title) for parts, path, title in combined.values() if not whole(path)]


def check_printables(content: Content, config: Any, plugin_config: Any) -> None:
    """The build's font and fit checks on their own (for `liangxiang validate`); raises ContentError.

    It shares the build's layout index (in the cache folder, never in site_dir)."""
    from ..site.view import load_labels

    if plugin_config.printables:
        stage = PrintStage(content, config, plugin_config, Urls(config.use_directory_urls), load_labels(plugin_config.lang))
        try:
            stage.check()
        except ContentError as error:  # the content's notices are said beside what cannot be printed
            raise ContentError(error.problems, [*content.notices, *stage.notices, *error.notices]) from None
        content.notices.extend(stage.notices)
