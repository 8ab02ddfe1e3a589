"""One build as a child process: its wall time and its peak memory."""

from __future__ import annotations

import os
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

PAGE_KB = os.sysconf("SC_PAGE_SIZE") // 1024 if hasattr(os, "sysconf") else 4


@dataclass(frozen=True)
class Sample:
    seconds: float
    peak_mb: float  # ru_maxrss from wait4: the largest single process of the build (workers included)
    tree_mb: float  # the whole process tree's resident memory, sampled: what the machine had to hold
    cpu_seconds: float = 0.0  # user + system of the build and its reaped workers: steadier than wall time on a busy machine


class BuildFailed(RuntimeError):
    pass


def run(argv: list[str], cwd: Path, env: dict[str, str] | None = None, sample_every: float = 0.1) -> Sample:
    """Run argv in cwd and measure it; raises BuildFailed (with the end of its output) on a non-zero exit."""
    with tempfile.TemporaryFile() as output:
        started = time.perf_counter()
        child = subprocess.Popen(argv, cwd=cwd, env=env, stdout=output, stderr=subprocess.STDOUT)
        sampler = _TreeSampler(child.pid, sample_every)
        sampler.start()
        # wait4, not Popen.wait: it also returns the child's rusage (its own and its reaped children's)
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - started
        sampler.stop()
        child.returncode = os.waitstatus_to_exitcode(status)  # Popen must not wait for it again
        if child.returncode != 0:
            output.seek(0)
            tail = output.read().decode("utf-8", "replace")[-3000:]
            raise BuildFailed(f"{' '.join(argv)} (in {cwd}) exited with {child.returncode}:\n{tail}")
    return Sample(seconds, usage.ru_maxrss / 1024, max(sampler.peak_kb, usage.ru_maxrss) / 1024,
                  usage.ru_utime + usage.ru_stime)


class _TreeSampler(threading.Thread):
    """Sums the resident memory of a process and its descendants every `every` seconds.

    ru_maxrss is a maximum over single processes; a build that renders in a pool of workers holds
    the sum. Reading /proc costs a few milliseconds a sample, well below a build's noise.
    """

    def __init__(self, pid: int, every: float):
        super().__init__(daemon=True)
        self.pid, self.every = pid, every
        self.peak_kb = 0
        self._done = threading.Event()

    def run(self) -> None:
        if not Path("/proc/self/statm").exists():
            return  # not Linux: ru_maxrss alone
        while not self._done.wait(self.every):
            self.peak_kb = max(self.peak_kb, _tree_kb(self.pid))

    def stop(self) -> None:
        self._done.set()
        self.join()


def _tree_kb(root: int) -> int:
    children: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as stat:
                fields = stat.read().rsplit(b")", 1)[1].split()
            children.setdefault(int(fields[1]), []).append(int(entry.name))  # fields[1] is the parent's pid
        except (OSError, IndexError, ValueError):
            continue
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        todo.extend(children.get(pid, ()))
        try:
            with open(f"/proc/{pid}/statm", "rb") as statm:
                total += int(statm.read().split()[1]) * PAGE_KB
        except (OSError, IndexError, ValueError):
            continue
    return total
