"""Worker processes for a build's printing: cutting the fonts, rendering, merging all.pdf files.

Started on first use and only for enough work: a worker takes about a second to start, so a few
jobs run in this process. Big merges always run in a worker: pdfium holds every page of a
5,000-page all.pdf in memory, and a process that ends gives all of it back.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from typing import Callable

from mkdocs.exceptions import PluginError

log = logging.getLogger("mkdocs.plugins.liangxiang")
POOL_FROM = 4  # fewer render jobs than this render in place
MERGE_OUT_FROM = 200  # pages from which an all.pdf is merged in a worker process


class Workers:
    def __init__(self, parallel: bool, pool_from: int = POOL_FROM, size: int = 0):
        self.parallel = parallel
        self.size = size or cpus()  # one for a build's few new printables: each worker costs a second
        self.pool_from = pool_from  # 1 in the background: rendering in this process would slow MkDocs down
        self.cancelled = threading.Event()
        self._pool = None

    def __enter__(self) -> "Workers":
        return self

    def __exit__(self, *exc) -> None:
        self.close(wait=True)

    def close(self, wait: bool) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=wait, cancel_futures=True)
            self._pool = None

    def pool(self):
        if self._pool is None:
            from concurrent.futures import ProcessPoolExecutor
            from multiprocessing import get_context

            self._pool = ProcessPoolExecutor(self.size, mp_context=get_context("spawn"),
                                             initializer=leave_with_parent, initargs=(os.getpid(),))
        return self._pool

    def map(self, function: Callable, jobs: list, apart: bool = False) -> list:
        """[function(job) for job in jobs]: in workers when parallel on several CPUs, or when apart
        (for memory: what a worker takes is given back when it ends)."""
        if not jobs or not (apart or (self.parallel and cpus() > 1)):
            return [function(job) for job in jobs]
        return list(self.pool().map(function, jobs))

    def run(self, jobs: list, render: Callable, done_one: Callable[[object, dict], None]) -> None:
        """render(job) for every job; done_one(job, facts) as each finishes. Raises PluginError naming the job."""
        step, done, started = max(1, len(jobs) // 10), 0, time.perf_counter()
        if not self.parallel or cpus() < 2 or len(jobs) < self.pool_from:
            for job in jobs:
                try:
                    facts = render(job)
                except Exception as error:
                    raise PluginError(f"亮相：生成印刷品 {job.name} 时出错：{error!r}") from error
                done_one(job, facts)
                done += 1
                log.info("亮相：已生成印刷品 %s（%d/%d）", job.name, done, len(jobs))
            return
        from concurrent.futures import FIRST_COMPLETED, wait

        # a few jobs ahead of the workers, not all of them: a cancelled or failed build stops in
        # a moment, and a process exiting waits only for what was handed out
        waiting, futures, ahead = iter(jobs), {}, 2 * self.size
        while True:
            while len(futures) < ahead and not self.cancelled.is_set():
                job = next(waiting, None)
                if job is None:
                    break
                try:
                    futures[self.pool().submit(render, job)] = job
                except Exception as error:  # the pool broke: a worker was killed (out of memory?)
                    raise PluginError(f"亮相：生成印刷品 {job.name} 时，印刷进程意外退出（{error!r}）") from error
            if not futures:
                return
            finished, _ = wait(futures, return_when=FIRST_COMPLETED)
            for future in finished:
                job = futures.pop(future)  # let go of the job (and its drawing) once it is done
                try:
                    facts = future.result()
                except Exception as error:  # a bug or a broken file: say which printable, then stop
                    raise PluginError(f"亮相：生成印刷品 {job.name} 时出错：{error!r}") from error
                done_one(job, facts)
                done += 1
                if done % step == 0 or done == len(jobs):
                    log.info("亮相：正在生成印刷品 %d/%d（%.1f 秒）", done, len(jobs), time.perf_counter() - started)


def leave_with_parent(parent: int, every: float = 1.0) -> None:
    """A worker ends when the build that started it is gone: `mkdocs serve` stopped by SIGTERM (a
    service manager, a closed terminal) exits without shutting its pool, and the workers stayed,
    60 MB each, for good (seen after CI's run of the serve tests)."""
    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(every)
        os._exit(0)

    threading.Thread(target=watch, name="liangxiang-parent", daemon=True).start()


def warm_up() -> None:
    """A worker's first job, while the build still lays out: the imports of rendering (0.3 s)."""
    import fontTools.subset  # noqa: F401
    import PIL.Image  # noqa: F401
    import pypdfium2  # noqa: F401

    from . import pdf  # noqa: F401


def cpus() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
