"""Printing started in on_config and finished in on_post_build, so that it overlaps MkDocs
building the pages: a thread of this process hands the work to worker processes and waits.

The workers start (and import fpdf2, pdfium and fontTools, 0.3 s) while the stage still lays
out. One background at a time per process: a build that failed after starting (an error in a
page or a template) never reaches on_post_build, and `mkdocs serve` then starts the next build
in the same process; starting stops the previous work, whose workers then end. A thread left
running when the process exits is a daemon, and its workers finish only what they were handed.
"""

from __future__ import annotations

import threading
from typing import Callable, ClassVar

from .pool import Workers, cpus, warm_up


class Background:
    current: ClassVar["Background | None"] = None
    _lock: ClassVar[threading.Lock] = threading.Lock()

    def __init__(self, size: int):
        with Background._lock:
            previous, Background.current = Background.current, self
        if previous is not None:
            previous.cancel()
        self.workers = Workers(parallel=True, pool_from=1, size=size)
        self.error: BaseException | None = None
        self.thread: threading.Thread | None = None
        self.workers.pool().submit(warm_up)

    @classmethod
    def prestart(cls) -> None:
        """One worker started before the content is read, when the sources changed: an edit's few
        printables then find it ready (its start and imports take longer than the rest)."""
        if cpus() > 1:
            cls(1)

    @classmethod
    def ready(cls, size: int) -> "Background":
        """The started background if it suits (not begun, enough workers), else a new one."""
        with cls._lock:
            current = cls.current
        if current is not None and current.thread is None and current.workers.size >= size \
                and not current.workers.cancelled.is_set():
            return current
        return cls(size)

    @classmethod
    def drop_started(cls) -> None:
        """No work after all: let a prestarted worker go."""
        with cls._lock:
            current = cls.current
        if current is not None and current.thread is None:
            current.cancel()

    def begin(self, work: Callable[[Workers], None]) -> None:
        self.thread = threading.Thread(target=self._run, args=(work,), name="liangxiang-print", daemon=True)
        self.thread.start()

    def _run(self, work: Callable[[Workers], None]) -> None:
        try:
            with self.workers:  # the pool ends with the work, whatever happens to the build
                work(self.workers)
        except BaseException as error:  # raised in wait(), in the build's own thread
            self.error = error

    def wait(self) -> None:
        """Until the work is done; raises what it raised."""
        if self.thread is not None:
            self.thread.join()
        self._end()
        if self.error is not None:
            raise self.error

    def cancel(self) -> None:
        """Hand out no more work, and wait for what the workers have (a few jobs)."""
        self.workers.cancelled.set()
        self.wait_quietly()

    def wait_quietly(self) -> None:
        if self.thread is not None:
            self.thread.join()
        self._end()

    def _end(self) -> None:
        if self.thread is None:  # never began: only the warm-up ran, and need not be waited for
            self.workers.close(wait=False)
        with Background._lock:
            if Background.current is self:
                Background.current = None
