"""Live preview as an editor uses it: `mkdocs serve` on a copy of the example, edited while it runs.

The server is a real `mkdocs serve` process on a free port of 127.0.0.1; every wait is bounded
and the server is always stopped. Printables are switched off in the copy: they take most of a
cold first build and have nothing to do with watching and rebuilding.
"""

from __future__ import annotations

import json
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from conftest import REPO
from minimal_site import jpeg_bytes

BIN = Path(sys.executable).parent
STARTUP, REBUILD = 120, 60  # seconds


class Server:
    def __init__(self, site: Path):
        self.site, self.log = site, site / "serve.log"
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.process = subprocess.Popen(
            [str(BIN / "mkdocs"), "serve", "-a", f"127.0.0.1:{self.port}"], cwd=site,
            stdout=self.log.open("wb"), stderr=subprocess.STDOUT,
        )

    def text(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def mark(self) -> int:
        """Where the log ends now: what a later wait_for(after=) counts from."""
        return len(self.text())

    def wait_for(self, pattern: str, count: int = 1, timeout: float = REBUILD, after: int = 0) -> str:
        """Wait until the log past `after` shows pattern `count` times; that part of the log.
        A mark keeps the lines of an earlier rebuild (mkdocs serve may run two for one save)
        from answering for the next edit."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            text = self.text()[after:]
            if len(re.findall(pattern, text)) >= count:
                return text
            if self.process.poll() is not None:
                pytest.fail(f"mkdocs serve exited with {self.process.returncode}:\n{text}")
            time.sleep(0.2)
        pytest.fail(f"no {pattern!r} (x{count}) within {timeout} s:\n{self.text()}")

    def get(self, path: str) -> tuple[int, str]:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/{path}", timeout=15) as response:
                return response.status, response.read().decode("utf-8")
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode("utf-8", errors="replace")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(10)


@pytest.fixture
def server(tmp_path):
    site = tmp_path / "site-src"
    site.mkdir()
    shutil.copy(REPO / "members.yaml", site / "members.yaml")
    shutil.copytree(REPO / "content", site / "content")
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"(?m)^plugins:\n  - liangxiang\n", "plugins:\n  - liangxiang:\n      printables: false\n", config)
    assert "printables: false" in config
    assert "theme:\n  name: liangxiang\n" in config
    config = config.replace("theme:\n  name: liangxiang\n", "theme:\n  name: liangxiang\n  custom_dir: overrides\n")
    (site / "mkdocs.yml").write_text(config, encoding="utf-8")
    (site / "overrides").mkdir()
    running = Server(site)
    try:
        running.wait_for(r"Serving on http://127\.0\.0\.1", timeout=STARTUP)
        yield running
    finally:
        running.stop()


def until(server: Server, path: str, test, what: str) -> str:
    """The page at path once test(page) holds (a rebuild is awaited by what it shows, not by log lines)."""
    deadline = time.monotonic() + REBUILD
    while time.monotonic() < deadline:
        status, page = server.get(path)
        if status == 200 and test(page):
            return page
        time.sleep(0.3)
    pytest.fail(f"{path}: {what} not seen within {REBUILD} s:\n{server.text()}")


def photo_of(page: str) -> str:
    return re.search(r'<img[^>]+src="([^"]*zhang-wei[^"]*)"', page).group(1)


def test_live_preview_rebuilds_and_keeps_the_last_good_site(server):
    site = server.site
    watching = re.search(r"Watching paths for changes: (.*)", server.text()).group(1)
    for path in ("'content'", "'mkdocs.yml'", "'members.yaml'", str(REPO / "theme"), "'overrides'"):
        assert path in watching, watching
    status, page = server.get("members/zhang-wei/")
    assert status == 200 and "张伟" in page

    # a roster edit is picked up
    members = site / "members.yaml"
    good = members.read_text(encoding="utf-8")
    members.write_text(good.replace("    name: 张伟\n", "    name: 张伟伟\n", 1), encoding="utf-8")
    until(server, "members/zhang-wei/", lambda page: "张伟伟" in page, "the new name")

    # two typical mistakes: validate's words in the terminal, and the last good site still served
    broken = good.replace("    post: 站长\n", "    post： 站长\n", 1).replace("    branch: wuye-1\n", "    branch: wuye-l\n", 1)
    members.write_text(broken, encoding="utf-8")
    log = server.wait_for(r"预览仍是上一次成功生成的网站")
    validate = subprocess.run([str(BIN / "liangxiang"), "validate"], cwd=site, capture_output=True, text=True, timeout=120)
    problems = [line for line in validate.stderr.splitlines() if re.match(r"members\.yaml:\d+:\d+: ", line)]
    assert len(problems) == 2 and "是不是要写 wuye-1" in validate.stderr
    for line in problems:
        assert re.search(r"ERROR\s+-\s+" + re.escape(line), log), (line, log)
    assert "Traceback" not in log
    started = time.monotonic()
    status, page = server.get("members/zhang-wei/")
    assert status == 200 and "张伟伟" in page and time.monotonic() - started < 10  # not stalled
    assert shown_errors(page) == problems  # and the page served says so (test_browser shows it)
    status, missing = server.get("stories/a-story-not-built-yet/")  # a new page, held back by the mistake
    assert status == 404 and shown_errors(missing) == problems
    assert "livereload(" in missing  # audit AK 1: it reloads once fixed, as the pages that exist do

    # fixed: rebuilt, and the page no longer carries the list
    members.write_text(good, encoding="utf-8")
    page = until(server, "members/zhang-wei/", lambda page: "张伟伟" not in page and "张伟" in page, "the fixed roster")
    assert shown_errors(page) is None
    # audit AS-AE M3: notices were said in the terminal only; the preview folds them at every page's foot
    before = shown_notices(page)
    assert before == ["mkdocs.yml:4:1: site_url: 网站地址 site_url 还是示例地址（“https://dangjian.huaning.example.cn/”）："
                      "这样印出来的二维码打不开 (印标志牌和桌牌之前，改成网站对外的真实地址，例如 https://dangjian.你的单位.cn/)"], before
    (site / "content/blank.md").write_text("", encoding="utf-8")
    page = until(server, "members/zhang-wei/", lambda page: shown_notices(page) != before, "the new notice shown")
    assert shown_notices(page) == ["content/blank.md:1:1: 这个页面是空的：网站上会是一个空白页，菜单里也会有它 "
                                   "(写上内容再提交；还没准备好就先不要放进 content/)", *before] and shown_errors(page) is None
    (site / "content/blank.md").unlink()
    until(server, "members/zhang-wei/", lambda page: shown_notices(page) == before, "the notice gone with its cause")


def shown_notices(page: str) -> list[str] | None:
    """The notices folded at the foot of a served page, None without them."""
    found = re.search(r"<script>\(function\(\)\{var p=(\[.*?\]);if\(!p\.length\)return;\nvar d=", page)
    return json.loads(found.group(1)) if found else None


def shown_errors(page: str) -> list[str] | None:
    """The mistakes the preview's banner lists on a served page, None without a banner."""
    found = re.search(r"<script>\(function\(\)\{var p=(\[.*?\]),n=\"[^\"]*\";if\(!p\.length\)", page)
    return json.loads(found.group(1)) if found else None


def test_a_broken_mkdocs_yml_is_said_in_words_and_the_last_site_served(server):
    """A colon deleted from mkdocs.yml while serving: validate's words in the terminal and on the
    page, no traceback, the server not stuck; the colon put back, the site builds again."""
    config = server.site / "mkdocs.yml"
    good = config.read_text(encoding="utf-8")
    config.write_text(good.replace("\nsite_url: ", "\nsite_url ", 1), encoding="utf-8")
    log = server.wait_for(r"预览仍是上一次成功生成的网站")
    validate = subprocess.run([str(BIN / "liangxiang"), "validate"], cwd=server.site, capture_output=True, text=True, timeout=120)
    said = [line for line in validate.stderr.splitlines() if line.startswith("mkdocs.yml:")]
    assert said and all(re.search(r"ERROR\s+-\s+" + re.escape(line), log) for line in said), (said, log)
    assert "Traceback" not in log and "appear stuck" not in log, log
    status, page = server.get("members/zhang-wei/")
    assert status == 200 and "张伟" in page and shown_errors(page) == said

    config.write_text(good, encoding="utf-8")
    until(server, "members/zhang-wei/", lambda page: shown_errors(page) is None, "the site built again")
    server.wait_for(r"亮相：网站生成完毕", after=len(log))

    # audit AK 5: a wrong plugin option was said three times (MkDocs, MkDocs again while read for the list, the list)
    since = server.mark()
    config.write_text(good.replace("      printables: false\n", "      printables: false\n      blead: true\n      qr_sise: 9\n"), encoding="utf-8")
    log = server.wait_for(r"预览仍是上一次成功生成的网站", after=since)
    log = log[: log.index("预览仍是上一次成功生成的网站")]  # one rebuild's words: a save may start two
    for option in ("blead", "qr_sise"):  # two in one message of MkDocs' (audit AL 3)
        wrong = [line for line in log.splitlines() if f"“{option}”" in line]
        assert len(wrong) == 1 and re.search(rf"mkdocs\.yml:\d+:7: {option}: liangxiang 插件没有“{option}”这个设置", wrong[0]), log

    # audit AK 10: with the plugin taken out, MkDocs' build was still said as 亮相's
    since = server.mark()
    config.write_text(good.replace("  - liangxiang:\n      printables: false\n", "  - search\n"), encoding="utf-8")
    log = server.wait_for(r"Documentation built in", after=since)
    assert "亮相：网站生成完毕" not in log, log


def test_a_preview_started_with_mistakes_waits_for_them_to_be_fixed(tmp_path):
    """Audit G (session 37): `mkdocs serve` on content with a mistake printed it and ended, with
    nothing served or watched. It now serves a page that says the preview is not built yet, with
    the list over it, and the first save that fixes the mistake builds the site."""
    site = tmp_path / "site-src"
    site.mkdir()
    shutil.copytree(REPO / "content", site / "content")
    (site / "mkdocs.yml").write_text(re.sub(r"(?m)^plugins:\n  - liangxiang\n", "plugins:\n  - liangxiang:\n      printables: false\n",
                                            (REPO / "mkdocs.yml").read_text(encoding="utf-8")), encoding="utf-8")
    good = (REPO / "members.yaml").read_text(encoding="utf-8")
    (site / "members.yaml").write_text(good.replace("    post: 站长\n", "    post： 站长\n", 1), encoding="utf-8")
    running = Server(site)
    try:
        log = running.wait_for(r"Serving on http://127\.0\.0\.1", timeout=STARTUP)
        assert "预览还没有生成" in log and "Traceback" not in log, log
        assert "网站生成完毕" not in log and "Documentation built" not in log, log  # nothing was built
        for path in ("", "members/zhang-wei/"):
            status, page = running.get(path)
            assert "预览还没有生成" in page and len(shown_errors(page)) == 1 and "全角" in shown_errors(page)[0], (path, status, page)
            assert "网站还没有生成过" in page and "上一次成功生成" not in page  # no last site to be under the list
        # saved with another mistake: still no site built, whatever this rebuild would keep (audit AS-AE M5)
        mark = running.mark()
        (site / "members.yaml").write_text(good.replace("    name: 张伟\n", "\tname: 张伟\n", 1), encoding="utf-8")
        page = until(running, "", lambda page: "制表符" in "".join(shown_errors(page) or []), "the second mistake listed")
        assert "网站还没有生成过" in page and "上一次成功生成" not in page, page
        log = running.wait_for("预览还没有生成", after=mark)
        assert "上一次成功生成" not in log, log
        config = (site / "mkdocs.yml").read_text(encoding="utf-8")  # and a mistake in mkdocs.yml
        mark = running.mark()
        (site / "mkdocs.yml").write_text(config.replace("\nsite_url: ", "\nsite_url ", 1), encoding="utf-8")
        log = running.wait_for("预览还没有生成", after=mark)
        page = until(running, "", lambda page: "site_url" in "".join(shown_errors(page) or []), "mkdocs.yml's mistake listed")
        assert "网站还没有生成过" in page and "上一次成功生成" not in page + log, (page, log)
        (site / "mkdocs.yml").write_text(config, encoding="utf-8")
        (site / "members.yaml").write_text(good, encoding="utf-8")
        page = until(running, "members/zhang-wei/", lambda page: "张伟" in page, "the site built once fixed")
        assert shown_errors(page) is None
        running.wait_for(r"亮相：网站生成完毕")
    finally:
        running.stop()


def test_content_photos_and_theme_trigger_rebuilds(server):
    site = server.site
    (site / "content/about.md").write_text("# 关于\n\n新写的一段话。\n", encoding="utf-8")
    until(server, "about/", lambda page: "新写的一段话" in page, "the edited free page")

    before = photo_of(server.get("members/zhang-wei/")[1])
    (site / "content/photos/members/zhang-wei.jpg").write_bytes(jpeg_bytes((120, 160), "#36c"))
    until(server, "members/zhang-wei/", lambda page: photo_of(page) != before, "the new photo")

    (site / "overrides/robots.txt").write_text("User-agent: *\n", encoding="utf-8")
    assert until(server, "robots.txt", lambda text: text == "User-agent: *\n", "a file of the custom_dir")


def test_printables_from_the_preview_hold_the_sites_address(tmp_path):
    """`mkdocs serve` replaces site_url with its own address; a signboard downloaded from the
    preview must still open the public site (audit 17: its QR codes held http://127.0.0.1:PORT/)."""
    import io

    import zxingcpp
    from PIL import Image

    from minimal_site import write_site

    running = Server(write_site(tmp_path / "src"))
    try:
        running.wait_for(r"Serving on http://127\.0\.0\.1", timeout=STARTUP)
        status, page = running.get("dj/print/")
        assert status == 200 and "https://dj.qinghe.org.cn/dj/zones/garden/" in page and "127.0.0.1" not in page
        with urllib.request.urlopen(f"http://127.0.0.1:{running.port}/dj/qr/zones/garden.png", timeout=15) as response:
            codes = zxingcpp.read_barcodes(Image.open(io.BytesIO(response.read())).convert("L"))
        assert [code.text for code in codes] == ["https://dj.qinghe.org.cn/dj/zones/garden/"]

        # audit AK 2: while a mistake stops the rebuild, the sign on disk is the one before the edit
        assessment = running.site / "content/assessments/2026-Q1.yaml"
        good = assessment.read_text(encoding="utf-8")
        assessment.write_text(good.replace("period: 2026-Q1", "period: 2026-q1"), encoding="utf-8")
        running.wait_for(r"预览仍是上一次成功生成的网站")
        status, page = running.get("dj/print/signboards/garden.pdf")
        assert status == 503 and "印刷品还没有更新" in page and "livereload(" in page and "2026-q1" in "".join(shown_errors(page)), page
        status, page = running.get("dj/print/printables.csv")  # the order list is downloaded where no banner shows (AS-AE M4)
        assert status == 503 and "印刷品还没有更新" in page, page
        status, page = running.get("dj/print/")
        assert status == 200 and shown_errors(page)  # the page that lists them is served, under the list
        assessment.write_text(good, encoding="utf-8")
        deadline = time.monotonic() + REBUILD
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{running.port}/dj/print/signboards/garden.pdf", timeout=15) as response:
                    assert response.read(5) == b"%PDF-"
                    break
            except urllib.error.HTTPError as error:
                assert error.code == 503
                time.sleep(0.3)
        else:
            pytest.fail(f"the sign not served again within {REBUILD} s:\n{running.text()}")
    finally:
        running.stop()
