"""Corpus-scale benchmark: build generated corpora end to end and report speed, memory and incremental reruns.

For each size it generates (once) a corpus with bench/gen_corpus.py, then runs ``diplograph build`` in a
fresh process (no HTML pages; graph.ttl, graph.nq.gz, the SPARQL store and the manifest):

* clean build with ``--workers 1`` (the baseline) and with ``--workers N``;
* a rerun with nothing changed, and a rerun after one document changed (the incremental path);

and reports wall seconds, CPU seconds of the whole process tree, documents/s and words/s, peak memory
(``getrusage(RUSAGE_CHILDREN).ru_maxrss``: the largest single process; and the sampled peak of the
sum over the process tree), the ratio of one worker's time to N workers', and whether the outputs of
the two clean builds are byte-identical. Figures go to stdout and, with ``--write``, to bench/RESULTS.md.

Usage: python bench/scale_bench.py --sizes 1000 [10000] [--workers 2] [--workdir /tmp/dg-scale] [--write]
       [--no-baseline] [--profile realistic|dense]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))
from gen_corpus import generate  # noqa: E402

# Runs the command and reports, on its last stderr line, the peak RSS (KiB) and CPU seconds of its children.
WRAP = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:]); r = resource.getrusage("
        "resource.RUSAGE_CHILDREN); print(r.ru_maxrss, r.ru_utime + r.ru_stime, file=sys.stderr)")
DIPLOGRAPH = str(Path(sys.executable).with_name("diplograph"))


@dataclass(frozen=True)
class Run:
    label: str
    wall: float
    cpu: float
    maxrss_mb: float
    tree_peak_mb: float


def measure(label: str, args: list[str]) -> Run:
    """Run ``diplograph build ARGS`` in a fresh process tree; sample the tree's memory every 0.1 s for 10 s, then
    every second (sampling every 0.1 s took 4% of a core beside a long build)."""
    start = time.perf_counter()
    proc = psutil.Popen([sys.executable, "-c", WRAP, DIPLOGRAPH, "build", *args],
                        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = 0
    while proc.poll() is None:
        try:
            tree = [proc, *proc.children(recursive=True)]
            peak = max(peak, sum(p.memory_info().rss for p in tree if p.is_running()))
        except psutil.Error:
            pass
        time.sleep(0.1 if time.perf_counter() - start < 10 else 1.0)
    wall = time.perf_counter() - start
    last = proc.stderr.read().decode().strip().splitlines()[-1].split()
    return Run(label, wall, float(last[1]), int(last[0]) / 1024, peak / 2**20)


def words_in(folder: Path) -> tuple[int, int]:
    files = sorted(folder.rglob("*.txt"))
    return len(files), sum(len(f.read_text(encoding="utf-8").split()) for f in files)


def bench_size(size: int, workers: int, workdir: Path, baseline: bool = True,
               profile: str = "realistic") -> tuple[list[Run], int, int, bool | None]:
    corpus = workdir / f"corpus-{profile}-{size}"
    if not corpus.is_dir():  # generated aside, then renamed: a killed run leaves no partial corpus behind
        partial = corpus.with_name(corpus.name + ".partial")
        shutil.rmtree(partial, ignore_errors=True)
        generate(partial, size, seed=1, profile=profile)
        partial.rename(corpus)
    docs, words = words_in(corpus)
    one, many = workdir / f"out-{profile}-{size}-w1", workdir / f"out-{profile}-{size}-w{workers}"
    for out in (one, many):
        shutil.rmtree(out, ignore_errors=True)
    runs = [measure("clean, --workers 1", [str(corpus), "--out", str(one), "--no-html"])] if baseline else []
    runs.append(measure(f"clean, --workers {workers}", [str(corpus), "--out", str(many), "--no-html",
                                                        "--workers", str(workers)]))
    same = all((one / n).read_bytes() == (many / n).read_bytes()
               for n in ("graph.nq.gz", "graph.ttl", "manifest.json")) if baseline else None
    runs.append(measure("rerun, nothing changed", [str(corpus), "--out", str(many), "--no-html",
                                                   "--workers", str(workers)]))
    target = sorted(corpus.rglob("*.txt"))[size // 2]
    original = target.read_bytes()
    target.write_bytes(original + b"\nThe talks were adjourned until the autumn.\n")
    try:
        runs.append(measure("rerun, one document changed", [str(corpus), "--out", str(many), "--no-html",
                                                            "--workers", str(workers)]))
    finally:
        target.write_bytes(original)
    return runs, docs, words, same


def table(size: int, runs: list[Run], docs: int, words: int, same: bool | None, workers: int) -> str:
    rows = [f"### {size:,} documents ({words:,} words)", "",
            "| run | wall s | CPU s (all processes) | documents/s | words/s | peak RSS, largest process (MB) |"
            " peak RSS, process tree (MB) |", "|---|---:|---:|---:|---:|---:|---:|"]
    for r in runs:
        rows.append(f"| {r.label} | {r.wall:.1f} | {r.cpu:.1f} | {docs / r.wall:.1f} | {words / r.wall:,.0f} | "
                    f"{r.maxrss_mb:,.0f} | {r.tree_peak_mb:,.0f} |")
    if same is not None:
        rows += ["", f"Ratio of --workers 1 to --workers {workers} (wall): {runs[0].wall / runs[1].wall:.2f}, "
                 f"(CPU): {runs[0].cpu / runs[1].cpu:.2f}. "
                 f"Outputs of the two clean builds byte-identical: {'yes' if same else 'NO'}.", ""]
    else:
        rows += ["", "(no --workers 1 baseline run at this size)", ""]
    return "\n".join(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/dg-scale"))
    parser.add_argument("--write", action="store_true", help="Append the tables to bench/RESULTS.md.")
    parser.add_argument("--no-baseline", action="store_true", help="Skip the --workers 1 run.")
    parser.add_argument("--profile", choices=("realistic", "dense"), default="realistic",
                        help="The corpus generator's profile (bench/gen_corpus.py).")
    args = parser.parse_args()
    args.workdir.mkdir(parents=True, exist_ok=True)
    load = os.getloadavg()
    for size in args.sizes:
        runs = bench_size(size, args.workers, args.workdir, not args.no_baseline, args.profile)
        text = table(size, *runs, args.workers)
        text += f"\nLoad average before the runs: {load[0]:.1f} on {os.cpu_count()} CPUs.\n"
        print(text, flush=True)
        if args.write:
            with open(Path(__file__).with_name("RESULTS.md"), "a", encoding="utf-8") as fh:
                fh.write(text + "\n")


if __name__ == "__main__":
    main()
