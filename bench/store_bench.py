"""The build's SPARQL store at corpus scale: the baseline code (HEAD 73d5f04) against the current one.

usage: python bench/store_bench.py BUILD_DIR [--docs N] [--runs 3] [--views] [--only load|update|query] [--cap 30]
       [--base BUILD_DIR/store] [--scratch DIR] [--baseline-python /tmp/snapvenv/bin/python]

BUILD_DIR is a build output folder whose ``.cache`` holds each document's N-Quads (``*.nq``); with
``--views`` the views graph is read from ``.cache/views/views.nq`` (else from ``graph.nq.gz``). Each run is a
fresh process (its peak RSS is its own); the baseline runs are this script of the baseline worktree
(``/work/snap/bench/store_bench.py``) under the baseline's Python. Printed: medians of wall and CPU seconds
(all threads), peak RSS, quads per second, and the ratios.

* load: a new store of the documents' graphs plus their merge in the default graph, compacted:
  ``store_load.Loader`` given every graph, then ``finish`` (the views graph) and ``optimize()``.
* update: a store of the corpus (made once, not timed, or ``--base``: a copy of the build's) where one
  document changed (a few of its triples gone, a few new) and the views graph with it (a few hundred
  triples gone and new), brought up to date by ``store_patch.update``.
* query: the example queries of graph/queries on the store with and without ``optimize()`` (medians of
  ``--runs``), to tell whether the compaction pays.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox

from diplograph.graph import store_build, store_load, store_patch
from diplograph.graph.merge import VIEWS_GRAPH, Part

BASELINE = ("/tmp/snapvenv/bin/python", "/work/snap/bench/store_bench.py")


def parts_of(build: Path, docs: int, views: bool, scratch: Path) -> list[Part]:
    """The documents' parts from the build's cache (graph IRI read off the first line), and the views'."""
    newest: dict[str, tuple[float, Part]] = {}  # a cache not pruned yet holds older versions of a graph too
    for path in sorted((build / ".cache").glob("*.nq")):
        with path.open("rb") as fh:
            first = fh.readline().rstrip(b"\n")
        if first:
            graph = first[first.rindex(b" <") + 2:-3].decode()
            if graph not in newest or newest[graph][0] < path.stat().st_mtime:
                newest[graph] = (path.stat().st_mtime, Part(graph, path, key=path.stem))
    parts = sorted((part for _, part in newest.values()), key=lambda p: p.graph)[:docs]
    if views:
        target = build / ".cache" / "views" / "views.nq"
        if not target.exists():
            tail = f" <{VIEWS_GRAPH}> .\n".encode()
            target = scratch / "views.nq"
            if not target.exists():
                with gzip.open(build / "graph.nq.gz", "rb") as fh, target.open("wb") as out:
                    out.writelines(line for line in fh if line.endswith(tail))
        info = target.stat()  # a key, so that no run hashes a gigabyte of views to know its version
        parts.append(Part(VIEWS_GRAPH, target, key=f"views-{info.st_size}-{info.st_mtime_ns}"))
    return parts


def current_load(parts: list[Part], path: Path) -> None:
    loader = store_load.Loader(path)
    loader.add(p for p in parts if p.graph != VIEWS_GRAPH)
    loader.finish([p for p in parts if p.graph == VIEWS_GRAPH])


def current_update(path: Path, tmp: Path, held: dict, parts: list[Part]) -> None:
    store_patch.update(path, tmp, held, parts)


def changed(part: Part, drop: int, scratch: Path, tag: str) -> Part:
    """``part`` with every ``drop``-th triple gone and as many new ones (new subjects), as a file (made once,
    by the parent process: a child's peak memory is its update's)."""
    target = scratch / f"{tag}-changed.nq"
    if target.exists():
        return Part(part.graph, target, key=f"{part.key}-{tag}")
    lines = [line for line in part.read_nquads().split(b"\n") if line]
    kept = [line for i, line in enumerate(lines) if i % drop]
    tail = f" <{part.graph}> .".encode()
    new = [f"<{part.graph}/{tag}/{i}> <http://www.w3.org/2000/01/rdf-schema#label> \"{tag} {i}\"".encode() + tail
           for i in range(len(lines) - len(kept))]
    target.write_bytes(b"\n".join(sorted(kept + new)) + b"\n")
    return Part(part.graph, target, key=f"{part.key}-{tag}")


def changed_parts(parts: list[Part], scratch: Path) -> list[Part]:
    """The parts with one document changed, and the views graph with it."""
    doc = next(p for p in parts if p.graph != VIEWS_GRAPH and p.graph.endswith("5"))
    return [changed(doc, 25, scratch, "doc") if p is doc else
            changed(p, 2000, scratch, "views") if p.graph == VIEWS_GRAPH else p for p in parts]


def one(args) -> dict:
    """One measured run in this process."""
    scratch = Path(args.scratch)
    parts = parts_of(Path(args.build), args.docs, args.views, scratch)
    target = scratch / f"store-{args.mode}-{args.way}"
    shutil.rmtree(target, ignore_errors=True)
    if args.mode == "load":
        run = lambda: current_load(parts, target)
    else:
        base = scratch / "store-update-base"
        held = store_build.read_state(base)
        new = changed_parts(parts, scratch)
        run = lambda: current_update(base, target, held, new)
    wall, cpu = time.perf_counter(), time.process_time()
    run()
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    count = len(ox.Store.read_only(str(target)))
    shutil.rmtree(target, ignore_errors=True)
    return {"wall": wall, "cpu": cpu, "rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
            "quads": count}


def spawn(args, mode: str, way: str) -> dict:
    """One run in a fresh process: this script (current) or the baseline's, which names its own way "current"."""
    program = [sys.executable, __file__] if way == "current" else [args.baseline_python, BASELINE[1]]
    cmd = program + [args.build, "--docs", str(args.docs), "--scratch", args.scratch,
                     "--one", mode, "current"] + (["--views"] if args.views else [])
    return json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout)


def prepare_update_base(args) -> None:
    """The store the update runs start from: the corpus loaded the current way, its state written, its views
    graph kept as both the current and the baseline code keep it."""
    scratch = Path(args.scratch)
    base = scratch / "store-update-base"
    if (base / "CURRENT").is_file():
        return
    parts = parts_of(Path(args.build), args.docs, args.views, scratch)
    if args.base:  # the build's own store (hard links: the runs only read it), taken to hold these versions
        shutil.copytree(args.base, base, copy_function=os.link)
        (base / store_build.STATE).unlink()  # a link to the build's file: never write through it
        shutil.rmtree(base / store_patch.KEPT, ignore_errors=True)
    else:
        current_load(parts, base)
    store_build._write_state(base, store_patch.versions(parts))
    store_patch.keep(base, parts)
    changed_parts(parts, scratch)  # made here, not in the measured runs
    for part in parts:
        if part.graph == VIEWS_GRAPH:  # the baseline's name for its copy
            name = hashlib.sha256(part.graph.encode("utf-8")).hexdigest()[:32] + ".nq"
            os.link(part.nquads, base / store_patch.KEPT / name)


def query_times(args) -> None:
    """Median seconds of each example query on a store with and without ``optimize()`` (capped)."""
    from diplograph.graph.store import examples

    scratch = Path(args.scratch)
    parts = parts_of(Path(args.build), args.docs, args.views, scratch)
    paths = {}
    for name in ("optimized", "not optimized"):
        paths[name] = path = scratch / f"store-query-{name.replace(' ', '-')}"
        if not (path / "CURRENT").is_file():
            loader = store_load.Loader(path)
            loader.add(parts)
            loader.finish(optimize=name == "optimized")
    print(f"{'query':28} {'optimized s':>12} {'not optimized s':>16} {'ratio':>6}", flush=True)
    for name, example in examples().items():
        times = {label: capped(path, example.render(), args.runs, args.cap) for label, path in paths.items()}
        shown = {k: f">{args.cap}" if v is None else f"{v:.3f}" for k, v in times.items()}
        ratio = "" if None in times.values() else f"{times['not optimized'] / max(times['optimized'], 1e-6):6.1f}"
        print(f"{name:28} {shown['optimized']:>12} {shown['not optimized']:>16} {ratio:>6}", flush=True)


def capped(path: Path, sparql: str, runs: int, cap: float) -> float | None:
    """Median seconds of ``runs`` runs of a query in a forked child, None when it passes ``cap`` seconds."""
    import multiprocessing as mp

    def child(conn) -> None:
        from diplograph.graph.store import PREFIXES

        store, times = ox.Store.read_only(str(path)), []
        for _ in range(runs):
            start = time.perf_counter()
            answer = store.query(sparql, prefixes=PREFIXES)
            if not isinstance(answer, ox.QueryBoolean):
                sum(1 for _ in answer)
            times.append(time.perf_counter() - start)
        conn.send(statistics.median(times))

    ctx = mp.get_context("fork")
    here, there = ctx.Pipe()
    proc = ctx.Process(target=child, args=(there,))
    proc.start()
    answer = here.recv() if here.poll(cap * runs) else None
    proc.kill()
    proc.join()
    return answer


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("build")
    ap.add_argument("--docs", type=int, default=10**9)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--views", action="store_true")
    ap.add_argument("--cap", type=float, default=30.0, help="seconds a query may take (query mode)")
    ap.add_argument("--only", choices=("load", "update", "query"))
    ap.add_argument("--scratch", default="")
    ap.add_argument("--base", default="", help="update mode: start from a copy of this store (BUILD_DIR/store)")
    ap.add_argument("--one", nargs=2, metavar=("MODE", "WAY"))
    ap.add_argument("--baseline-python", default=BASELINE[0])
    ap.add_argument("--ways", default="baseline,current", help="which code to run: baseline, current or both")
    args = ap.parse_args()
    if args.one:
        args.mode, args.way = args.one
        print(json.dumps(one(args)))
        return
    args.scratch = args.scratch or tempfile.mkdtemp(prefix="store-bench-")
    for mode in [m for m in ("load", "update") if args.only in (None, m)]:
        if mode == "update":
            prepare_update_base(args)
        runs: dict[str, list[dict]] = {way: [] for way in args.ways.split(",")}
        for _ in range(args.runs):  # alternated, so both ways see the same machine load
            for way in runs:
                runs[way].append(spawn(args, mode, way))
        med = {way: {k: statistics.median(r[k] for r in rs) for k in ("wall", "cpu", "rss", "quads")}
               for way, rs in runs.items()}
        b, c = med.get("baseline"), med.get("current")
        print(f"{mode}: {int((c or b)['quads']):,} quads ({args.runs} runs, medians)")
        print(f"  {'':10} {'wall s':>8} {'CPU s':>8} {'peak RSS MB':>12} {'quads/s (wall)':>15}")
        for way, m in med.items():
            print(f"  {way:10} {m['wall']:8.1f} {m['cpu']:8.1f} {m['rss']:12.0f} {m['quads'] / m['wall']:15,.0f}")
        if b and c:
            print(f"  ratio baseline/current: wall {b['wall'] / c['wall']:.2f}, CPU {b['cpu'] / c['cpu']:.2f}, "
                  f"RSS {b['rss'] / c['rss']:.2f}; same quads: {b['quads'] == c['quads']}")
    if args.only in (None, "query"):
        query_times(args)
    print(f"(scratch: {args.scratch})")


if __name__ == "__main__":
    main()
