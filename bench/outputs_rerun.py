"""Benchmark of a rerun's fixed costs at corpus scale: graph.ttl / graph.nq.gz, the inputs, the cache, the manifest.

Works on a copy of a finished build (``setup``: its cache hard-linked into WORK, nothing written to the
source) and times, under this interpreter's code:

* ``clean``: writing graph.ttl and graph.nq.gz (staged, swapped in) from every document's cached Turtle
  block and gzip member plus the views graph's, with no previous file to reuse;
* ``rerun``: the same after one document and the views changed, the previous build's files in place (the
  current code copies their unchanged byte ranges, the baseline concatenates every block again);
* ``fixed``: ``plan_jobs`` (read and hash every input), the cache look-ups, ``Cache.prune``, the manifest.

``compare`` runs both interpreters one after the other (the baseline's code is installed in /tmp/snapvenv)
and prints the medians of wall and CPU seconds, and their ratios::

    /work/venv/bin/python bench/outputs_rerun.py setup --source /tmp/dg-scale/out-10000-w2 --work /tmp/h5/bench
    /work/venv/bin/python bench/outputs_rerun.py compare --work /tmp/h5/bench --corpus /tmp/dg-scale/corpus-10000

Usage: python bench/outputs_rerun.py {setup,run,compare} --work DIR [--source OUT] [--corpus DIR] [--repeat N]
"""

from __future__ import annotations

import argparse
import gzip
import json
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from diplograph.graph import merge

BASELINE = "/tmp/snapvenv/bin/python"
FIELDS = ("graph", "key", "nquads", "turtle", "gz", "digest")


def setup(source: Path, work: Path) -> None:
    """Hard-link the source's cache into WORK/cache and list its parts (graph IRI from each .nq's first line)."""
    cache = work / "cache"
    if not cache.exists():
        work.mkdir(parents=True, exist_ok=True)
        subprocess.run(["cp", "-al", str(source / ".cache"), str(cache)], check=True)
    newest: dict[str, tuple[float, list[str]]] = {}
    for nq in cache.glob("*.nq"):
        with nq.open("rb") as fh:
            graph = merge.split_quad(fh.readline().rstrip(b"\n"))[3][1:-1].decode()
        key = nq.stem
        row = [graph, key, *(str(cache / (key + s)) for s in (".nq", ".ttl", ".nqz", ".json"))]
        if graph not in newest or newest[graph][0] < nq.stat().st_mtime:  # two generations: the newer one
            newest[graph] = (nq.stat().st_mtime, row)
    views = cache / "views"
    rows = [row for _, row in sorted(newest.values(), key=lambda r: r[1][0])]
    rows.append([merge.VIEWS_GRAPH, f"views-{(views / 'views.nq').stat().st_size}",
                 *(str(views / f"views.{s}") for s in ("nq", "ttl", "nqz")), ""])
    (work / "parts.tsv").write_text("".join("\t".join(row) + "\n" for row in rows))
    changed_copies(work, rows)
    print(f"{len(rows) - 1} documents and the views listed in {work / 'parts.tsv'}")


def changed_copies(work: Path, rows: list[list[str]]) -> None:
    """A changed version of the middle document and of the views: their block and member plus a comment."""
    folder = work / "changed"
    folder.mkdir(exist_ok=True)
    for row in (rows[len(rows) // 2], rows[-1]):
        name = row[1] + "-changed"
        shutil.copyfile(row[3], folder / f"{name}.ttl")
        shutil.copyfile(row[4], folder / f"{name}.nqz")
        with open(folder / f"{name}.ttl", "ab") as fh:
            fh.write(b"# changed\n\n")
        with open(folder / f"{name}.nqz", "ab") as fh:
            fh.write(gzip.compress(b"# changed\n", mtime=0))


def parts_of(work: Path, changed: bool) -> list[merge.Part]:
    rows = [line.split("\t") for line in (work / "parts.tsv").read_text().splitlines()]
    if changed:
        for row in (rows[len(rows) // 2], rows[-1]):
            row[1] += "-changed"
            row[3], row[4] = (str(work / "changed" / f"{row[1]}.{s}") for s in ("ttl", "nqz"))
    return [merge.Part(g, Path(nq), Path(ttl), Path(gz), Path(d) if d else None, key=k)
            for g, k, nq, ttl, gz, d in rows]


def timed(step) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    step()
    return time.perf_counter() - wall, time.process_time() - cpu


def write_graphs(parts: list[merge.Part], out: Path) -> None:
    from diplograph.graph.outputs import write_outputs
    from diplograph.graph.pipeline import BuildResult

    write_outputs(BuildResult(parts=parts), out, html=False, store=False)


def run(work: Path, corpus: Path | None, repeat: int) -> dict[str, list[tuple[float, float]]]:
    """Every step ``repeat`` times under this interpreter's code: {step: [(wall, cpu), ...]}."""
    out = work / ("out-new" if hasattr(merge, "write_pieces") else "out-base")
    shutil.rmtree(out, ignore_errors=True)
    (out / ".cache").mkdir(parents=True)
    before, after = parts_of(work, False), parts_of(work, True)
    times: dict[str, list[tuple[float, float]]] = {"clean": [], "rerun": []}
    for n in range(repeat):
        for index in (out / ".cache").glob("*.index"):
            index.unlink()  # no previous file to reuse
        times["clean"].append(timed(lambda: write_graphs(before, out)))
        times["rerun"].append(timed(lambda: write_graphs(after, out)))
    if corpus is not None:
        times.update(fixed_costs(work, corpus, repeat, before))
    return times


def fixed_costs(work: Path, corpus: Path, repeat: int, parts: list[merge.Part]) -> dict:
    from diplograph.graph import pipeline
    from diplograph.graph.cache import Cache
    from diplograph.graph.manifest import manifest

    versions = pipeline.current_versions()
    keys = {p.key for p in parts}
    source = json.loads((work / "manifest.json").read_text()) if (work / "manifest.json").exists() else None
    times: dict[str, list] = {"plan_jobs": [], "cache get": [], "prune": [], "manifest": []}
    for _ in range(repeat):
        times["plan_jobs"].append(timed(lambda: pipeline.plan_jobs([corpus], versions=versions)))
        times["cache get"].append(timed(lambda: [cache.get(k) for cache in [Cache(work / "cache")] for k in sorted(keys)]))
        times["prune"].append(timed(lambda: Cache(work / "cache").prune(keys)))
        if source is not None:
            result = pipeline.BuildResult(inputs=source["inputs"], versions=versions, options=source["options"],
                                          counts=source["counts"], quad_count=source["counts"]["quads"],
                                          documents=[i["id"] for i in source["inputs"]])
            times["manifest"].append(timed(lambda result=result: manifest(result)))
    return times


def compare(args) -> None:
    results = {}
    for name, python in (("baseline", BASELINE), ("current", sys.executable)):
        command = [python, str(Path(__file__).resolve()), "run", "--work", str(args.work), "--repeat", str(args.repeat)]
        command += ["--corpus", str(args.corpus)] if args.corpus else []
        done = subprocess.run(command, check=True, capture_output=True, text=True, cwd="/tmp")
        results[name] = json.loads(done.stdout.splitlines()[-1])
    print(f"{'step':<12} {'baseline wall':>13} {'cpu':>7} {'current wall':>13} {'cpu':>7} {'ratio wall':>10} {'cpu':>6}")
    for step in results["current"]:
        base_wall, cur_wall = (statistics.median([w for w, _ in results[n][step]] or [0]) for n in results)
        base_cpu, cur_cpu = (statistics.median([c for _, c in results[n][step]] or [0]) for n in results)
        ratio = lambda a, b: f"{a / b:.1f}x" if b else "-"
        print(f"{step:<12} {base_wall:>13.2f} {base_cpu:>7.2f} {cur_wall:>13.2f} {cur_cpu:>7.2f} "
              f"{ratio(base_wall, cur_wall):>10} {ratio(base_cpu, cur_cpu):>6}")
    same = all(subprocess.run(["cmp", "-s", str(args.work / "out-base" / name), str(args.work / "out-new" / name)],
                              check=False).returncode == 0 for name in ("graph.ttl", "graph.nq.gz"))
    print(f"rerun's graph.ttl and graph.nq.gz identical to the baseline's: {'yes' if same else 'NO'}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("command", choices=["setup", "run", "compare"])
    ap.add_argument("--work", type=Path, required=True)
    ap.add_argument("--source", type=Path)
    ap.add_argument("--corpus", type=Path)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    if args.command == "setup":
        setup(args.source, args.work)
        shutil.copyfile(args.source / "manifest.json", args.work / "manifest.json")
    elif args.command == "run":
        print(json.dumps(run(args.work, args.corpus, args.repeat)))
    else:
        compare(args)


if __name__ == "__main__":
    main()
