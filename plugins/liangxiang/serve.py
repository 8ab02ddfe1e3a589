"""`mkdocs serve` as an editor uses it: a mistake keeps the last good site served, and the open
page says what is wrong, in the words of `liangxiang validate`."""

from __future__ import annotations

import contextlib
import json
import logging
import posixpath
import re
import traceback
from pathlib import Path

from mkdocs.exceptions import MkDocsException

from .engine import engine_logger
from .print.stage import KINDS

log = logging.getLogger("mkdocs.plugins.liangxiang")

KEPT = "预览仍是上一次成功生成的网站；改好并保存后会自动重新生成。"
WAITING = "预览还没有生成：改好并保存后会自动生成，浏览器里的页面随之刷新。"
# the line under the banner's heading: what the page under it is
UNDER_KEPT = "下面是上一次成功生成的网站。改好并保存后会自动重新生成，这条提示随之消失。"
UNDER_WAITING = "网站还没有生成过。改好并保存后会自动生成，这条提示随之消失。"

# Shown on every page the preview serves while the last rebuild failed. The list arrives as JSON
# and is written with textContent: nothing in it becomes markup.
_BANNER = """(function(){var p=%s,n=%s;if(!p.length)return;
var b=document.createElement('section');b.setAttribute('role','alert');b.lang='zh-CN';
b.style.cssText='position:fixed;left:0;right:0;bottom:0;z-index:9999;max-height:60vh;overflow:auto;background:#fff4f2;color:#1f1f1f;border-top:4px solid #b3261e;padding:12px 16px 16px;font:15px/1.6 system-ui,sans-serif;box-shadow:0 -2px 12px rgba(0,0,0,.2)';
var h=document.createElement('strong');h.style.cssText='display:block;color:#b3261e;font-size:17px;padding-right:76px';
h.textContent='一共有 '+p.length+' 处错误，这个网站还没有更新';b.appendChild(h);
var t=document.createElement('p');t.style.margin='4px 0 8px';
t.textContent=n;b.appendChild(t);
var l=document.createElement('ol');l.style.cssText='margin:0;padding-left:1.4em;overflow-wrap:anywhere';
p.forEach(function(m){var i=document.createElement('li');i.textContent=m;l.appendChild(i);});b.appendChild(l);
var c=document.createElement('button');c.type='button';c.textContent='收起';
c.style.cssText='position:absolute;top:8px;right:12px;font:inherit;padding:4px 12px;min-height:36px';
c.onclick=function(){b.remove();};b.appendChild(c);document.body.appendChild(b);})();"""

# With no mistakes, what the terminal says as 提示 (a photo too small to print well, a zone with no
# one in charge): one folded line at the foot of every preview page, which an editor opens to read.
_NOTICES = """(function(){var p=%s;if(!p.length)return;
var d=document.createElement('details');d.setAttribute('role','note');d.lang='zh-CN';
d.style.cssText='position:fixed;left:0;right:0;bottom:0;z-index:9998;max-height:60vh;overflow:auto;background:#fffbe6;color:#1f1f1f;border-top:3px solid #8a6d00;padding:6px 16px;font:15px/1.6 system-ui,sans-serif;box-shadow:0 -2px 8px rgba(0,0,0,.15)';
var s=document.createElement('summary');s.style.cssText='cursor:pointer;min-height:32px;line-height:32px;color:#5c4800;font-weight:600';
s.textContent=%s.replace('{n}',p.length);d.appendChild(s);
var t=document.createElement('p');t.style.margin='4px 0';t.textContent=%s;d.appendChild(t);
var l=document.createElement('ol');l.style.cssText='margin:4px 0 8px;padding-left:1.4em;overflow-wrap:anywhere';
p.forEach(function(m){var i=document.createElement('li');i.textContent=m;l.appendChild(i);});d.appendChild(l);
document.body.appendChild(d);document.body.style.paddingBottom=d.offsetHeight+'px';})();"""
NOTICES_SUMMARY = "{n} 条提示（不影响生成）"
NOTICES_WHERE = "这一栏只在预览里有，公开的网站上没有。提示的是可以改得更好的地方："


class Preview:
    """`mkdocs serve`'s rebuild, made to keep the last good site when the content or mkdocs.yml
    has mistakes.

    MkDocs stalls every request after a failed rebuild ("the server will appear stuck") although
    the last site is still on disk, and prints a traceback for a broken mkdocs.yml. Content errors
    stop a build in on_config, before site_dir is cleaned, so that site is whole: after logging
    the errors, the rebuild returns normally and the server goes on serving it, with the errors
    on every page. Any other failure is raised as before. A plugin instance lives for one build,
    so the state is kept on the class.
    """

    serving = False
    content_failed = False
    problems: list[str] = []  # what the last rebuild stopped at; empty once it built
    notices: list[str] = []  # what the last build that went through said as 提示
    under = UNDER_KEPT
    waiting = False  # no site built yet: serve started on mistakes, and none was fixed since

    def __init__(self, rebuild, config_file: str | None):
        self.rebuild, self.config_file = rebuild, config_file
        Preview.serving = True

    def __call__(self, *args, **kwargs):
        from .siteconfig import config_problems_said

        Preview.content_failed = False
        config_problems_said()  # from here on: what MkDocs says of mkdocs.yml in this rebuild
        try:
            result = self.rebuild(*args, **kwargs)
        except MkDocsException as error:
            if Preview.content_failed:
                return None
            said = [line for message in config_problems_said() for line in message.splitlines()]  # two wrong options: one message
            with _console_quiet():  # read again for the whole list: MkDocs would say its part again
                problems = self._config_problems() if _reading_config(error) else []
            if not problems:
                raise
            for problem in problems:  # instead of MkDocs' traceback; what it said in our words is not said twice
                if problem not in said:
                    log.error(problem)
            log.error(WAITING if Preview.waiting else KEPT)
            Preview.problems, Preview.under = problems, UNDER_WAITING if Preview.waiting else UNDER_KEPT
            return None
        Preview.problems, Preview.waiting = [], False
        return result

    @staticmethod
    def failed(problems: list[str], waiting: bool = False) -> None:
        """Called by the plugin when content errors stopped the build (already logged); ``waiting``:
        no site was built yet, the preview shows the Waiting page."""
        Preview.content_failed = True
        Preview.problems = problems
        Preview.waiting = waiting = waiting or Preview.waiting  # saved with mistakes again before any site was built
        Preview.under = UNDER_WAITING if waiting else UNDER_KEPT
        log.error(WAITING if waiting else KEPT)

    @staticmethod
    def starting(config) -> bool:
        """Whether this is `mkdocs serve`'s first build: into a temporary mkdocs_* folder, for its
        own address. Failing, it would end the command before anything is served or watched."""
        from .siteconfig import served_address

        return not Preview.serving and served_address(config) and Path(config.site_dir).name.startswith("mkdocs_")

    def _config_problems(self) -> list[str]:
        from .siteconfig import ConfigProblem, load_site_config, site_config

        path = Path(self.config_file) if self.config_file else site_config(Path.cwd())
        try:
            load_site_config(path)
        except ConfigProblem as problem:
            return str(problem).splitlines()
        return []


class Waiting:
    """What `mkdocs serve` starts with when the content has mistakes: one page that says the preview
    is not built yet (the list of mistakes is laid over it, as over every page the preview serves),
    and the watching of the files, so that the first save that fixes them builds the site."""

    nav = None
    PAGE = ('<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">'
            '<title>预览还没有生成</title></head><body style="font:16px/1.6 system-ui,sans-serif;margin:24px;color:#1f1f1f">'
            '<h1 style="font-size:20px;color:#b3261e">预览还没有生成</h1><p>内容里有错误（见下面的列表，终端里也有）。'
            '改好并保存后会自动生成，这一页随之刷新。</p></body></html>')

    def is_content_source(self, src_uri: str) -> bool:
        return True  # nothing of docs_dir or the theme is built

    def prepare(self, env, files, nav=None) -> None:
        pass

    def extend_context(self, context: dict, name: str) -> dict:
        return context

    def write(self, site_dir: Path) -> None:
        site_dir.mkdir(parents=True, exist_ok=True)
        for name in ("index.html", "404.html"):  # 404.html: MkDocs serves it for every other address
            (site_dir / name).write_text(self.PAGE, encoding="utf-8")


@contextlib.contextmanager
def _console_quiet():
    """The engine's messages are not printed (a handler added inside still hears them)."""
    handlers = list(engine_logger().handlers)
    for handler in handlers:
        handler.addFilter(_silent)
    try:
        yield
    finally:
        for handler in handlers:
            handler.removeFilter(_silent)


def _silent(record: logging.LogRecord) -> bool:
    return False


def as_previewed(page: bytes, problems: list[str], under: str = UNDER_KEPT, notices: list[str] = ()) -> bytes:
    """An HTML page as served, with the list of problems over it, else the notices folded at its
    foot (neither: the page as it is)."""
    if problems:
        script = _BANNER % (_script_json(problems), _script_json(under))
    elif notices:
        script = _NOTICES % (_script_json(list(notices)), _script_json(NOTICES_SUMMARY), _script_json(NOTICES_WHERE))
    else:
        return page
    script = b"<script>" + script.encode("utf-8") + b"</script>"
    end = page.rfind(b"</body>")
    return page + script if end < 0 else page[:end] + script + page[end:]


def _script_json(value) -> str:
    """JSON that cannot end the script it stands in, whatever the text holds."""
    listed = json.dumps(value, ensure_ascii=False)
    for character, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                               ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        listed = listed.replace(character, escaped)
    return listed


def _reading_config(error: BaseException) -> bool:
    """Whether error stopped MkDocs reading mkdocs.yml (rather than building)."""
    return any(frame.f_code.co_name == "load_config" for frame, _ in traceback.walk_tb(error.__traceback__))


def watch_and_preview(server, config) -> None:
    """Wraps the server's rebuild and the page it serves (MkDocs' live-reload injection point)."""
    server.builder = Preview(server.builder, config.config_file_path)
    inject = getattr(server, "_inject_js_into_html", None)
    if not callable(inject):  # MkDocs 1.6 and ProperDocs have it: otherwise the errors are in the terminal only
        return
    server._inject_js_into_html = lambda content, epoch: as_previewed(inject(content, epoch), Preview.problems, Preview.under, Preview.notices)

    def reloading(page: bytes) -> bytes:  # the epoch a page was served at: it reloads once a newer site is built
        return server._inject_js_into_html(page, getattr(server, "_visible_epoch", 0))

    not_found = getattr(server, "error_handler", None)
    if callable(not_found):  # a new page whose content has a mistake is not there yet: say why on its 404, and reload it when fixed
        server.error_handler = lambda code: (lambda page: reloading(page) if page else page)(not_found(code))
    serve_file = getattr(server, "_serve_request", None)
    if callable(serve_file):
        mount = getattr(server, "mount_path", "/")
        server._serve_request = lambda environ, start_response: (
            _printable_withheld(environ, start_response, mount, reloading) or serve_file(environ, start_response))


def _printable_withheld(environ, start_response, mount: str, reloading):
    """While the last rebuild failed, a sign's or plate's file is not served: the one on disk was
    made from the content before the edit, and would go to the print shop looking current."""
    path = posixpath.normpath(environ.get("PATH_INFO", "")) + "/"  # as MkDocs reads it: print/signboards//x.pdf is x.pdf
    if not Preview.problems or not path.startswith(mount) or not PRINTABLE.match(path[len(mount):].rstrip("/")):
        return None
    start_response("503 Service Unavailable", [("Content-Type", "text/html; charset=utf-8"), ("Retry-After", "5")])
    return [reloading(WITHHELD)]


# the files print/ lists, not its page; the order list too, downloaded where no banner shows (AS-AE M4)
PRINTABLE = re.compile(rf"print/(?:(?:{'|'.join(KINDS.values())})/[^/]+\.(?:pdf|png)|printables\.csv)$")
WITHHELD = ('<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">'
            '<title>印刷品还没有更新</title></head><body style="font:16px/1.6 system-ui,sans-serif;margin:24px;color:#1f1f1f">'
            '<h1 style="font-size:20px;color:#b3261e">印刷品还没有更新</h1><p>内容里有错误（见下面的列表，终端里也有），'
            '这个文件还是改动以前的，所以先不提供，免得印错。改好并保存后会重新生成，这一页随之刷新成新的文件。</p></body></html>').encode("utf-8")
