"""Running render jobs: in this process for a few, in worker processes for many."""

from __future__ import annotations

import logging
import os
import time
from typing import Callable

from mkdocs.exceptions import PluginError

log = logging.getLogger("mkdocs.plugins.liangxiang")
POOL_FROM = 4  # a worker process takes about a second to start; fewer jobs than this render in place


def run_jobs(jobs: list, render: Callable, done_one: Callable[[object, dict], None]) -> None:
    """render(job) for every job; done_one(job, facts) as each finishes. Raises PluginError naming the job."""
    step, done, started = max(1, len(jobs) // 10), 0, time.perf_counter()
    workers = min(len(jobs), cpus())
    if workers < 2 or len(jobs) < POOL_FROM:
        for job in jobs:
            try:
                facts = render(job)
            except Exception as error:
                raise PluginError(f"liangxiang: could not render {job.name}: {error!r}") from error
            done_one(job, facts)
            done += 1
            log.info("liangxiang: rendered %s (%d/%d)", job.name, done, len(jobs))
        return
    from concurrent.futures import ProcessPoolExecutor, as_completed
    from multiprocessing import get_context

    with ProcessPoolExecutor(workers, mp_context=get_context("spawn")) as pool:
        futures = {pool.submit(render, job): job for job in jobs}
        for future in as_completed(futures):
            job = futures.pop(future)  # let go of the job (and its drawing) once it is done
            try:
                facts = future.result()
            except Exception as error:  # a bug or a broken file: say which printable, then stop
                raise PluginError(f"liangxiang: could not render {job.name}: {error!r}") from error
            done_one(job, facts)
            done += 1
            if done % step == 0 or done == len(jobs):
                log.info("liangxiang: rendering printables %d/%d (%.1f s)", done, len(jobs), time.perf_counter() - started)


def cpus() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
