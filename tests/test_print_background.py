"""Rendering in the background: it overlaps MkDocs building the pages, its errors still fail the
build naming the printable, and a build that fails meanwhile leaves no worker processes behind."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError

from conftest import REPO
from liangxiang.print.background import Background
from liangxiang.print.pool import Workers
from minimal_site import FILES, write_site


class Job:
    def __init__(self, name: str):
        self.name = name


def broken_render(job: Job) -> dict:
    raise ValueError(f"no ink for {job.name}")


def test_a_render_error_in_a_worker_names_the_printable():
    with Workers(parallel=True, pool_from=1, size=1) as workers, pytest.raises(PluginError) as raised:
        workers.run([Job("signboards/garden")], broken_render, lambda job, facts: None)
    assert "生成印刷品 signboards/garden 时" in str(raised.value) and "no ink" in str(raised.value)


def test_an_error_in_the_background_is_raised_by_wait():
    background = Background(1)

    def work(workers: Workers) -> None:
        workers.run([Job("plates/zhang-wei")], broken_render, lambda job, facts: None)

    background.begin(work)
    with pytest.raises(PluginError, match="生成印刷品 plates/zhang-wei 时"):
        background.wait()
    assert Background.current is None


def test_a_new_background_stops_the_one_a_failed_build_left():
    left = Background(1)
    started = []

    def endless(workers: Workers) -> None:  # what a failed build never waited for
        started.append(True)
        while not workers.cancelled.is_set():
            time.sleep(0.01)

    left.begin(endless)
    deadline = time.monotonic() + 60
    while not started and time.monotonic() < deadline:
        time.sleep(0.01)
    assert started, left.error
    following = Background(1)
    assert not left.thread.is_alive() and Background.current is following
    following.cancel()
    assert Background.current is None


def _tagged(tag: str) -> list[str]:
    """Processes whose environment holds tag."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            if entry.name.isdigit() and tag.encode() in (entry / "environ").read_bytes():
                found.append(entry.name)
        except OSError:
            pass
    return found


@pytest.mark.skipif(not Path("/proc/self/environ").exists(), reason="needs /proc")
def test_a_build_failing_while_printables_render_leaves_no_workers(tmp_path):
    # a template error fails the build after the print stage started rendering, before on_post_build
    files = {"mkdocs.yml": FILES["mkdocs.yml"].replace("  name: liangxiang\n", "  name: liangxiang\n  custom_dir: overrides\n"),
             "overrides/main.html": "{{ no_such_thing.attribute.call() }}\n"}
    root = write_site(tmp_path / "src", files)
    tag = f"LIANGXIANG_TEST_{uuid.uuid4().hex}"
    env = {**os.environ, tag: "1", "PYTHONPATH": str(REPO / "plugins")}
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(tmp_path / "site")],
                          cwd=root, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode != 0 and "no_such_thing" in done.stderr
    deadline = time.monotonic() + 10
    while _tagged(tag) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not _tagged(tag)


def test_print_workers_end_when_their_build_is_killed(tmp_path):
    """`mkdocs serve` stopped by SIGTERM exits without shutting its pool: its print workers stayed
    for good, 60 MB each (CI's run of the serve tests left them). They now leave with it."""
    import signal

    script = ("import os, signal\n"
              "from liangxiang.print.pool import Workers\n"
              "workers = Workers(parallel=True, size=1)\n"
              "print(workers.pool().submit(os.getpid).result(timeout=60), flush=True)\n"
              "os.kill(os.getpid(), signal.SIGKILL)\n")
    build = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, cwd=tmp_path)
    worker = int(build.stdout.split()[0])
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        try:
            os.kill(worker, 0)
        except ProcessLookupError:
            return
        time.sleep(0.2)
    os.kill(worker, signal.SIGKILL)
    raise AssertionError(f"worker {worker} outlived its build by 15 s")
