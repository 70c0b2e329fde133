"""The build's SPARQL store at corpus scale: a baseline version of the code against the current one.

usage:
  python bench/store_bench.py capture CORPUS CACHE PARTS.json
  python bench/store_bench.py compare OLD.json NEW.json --baseline-path DIR [--runs 3] [--scratch DIR]
  python bench/store_bench.py query OLD.json [--runs 3] [--cap 30] [--scratch DIR]

* capture: the parts (graph, file, key) of a build of CORPUS with the cache folder CACHE (a copy: never a build's
  own), as JSON; the views chunks are hard-linked aside (a later build deletes the chunks it no longer uses).
  Capture once, change one document of your copy of the corpus, capture again: OLD.json and NEW.json.
* compare: a clean store of OLD's parts (``store_build.start``, ``add`` the documents, ``finish``: what a build
  does), then the one-change update of that store to NEW's parts (on a hard-linked copy of it each run),
  each run in a fresh process, alternating the baseline (``--baseline-path``: a folder holding a ``diplograph``
  package of the baseline code, e.g. ``git archive HEAD`` unpacked with links diplograph/graph -> graph,
  diplograph/ontology -> ontology, diplograph/exports -> exports) and the current code. Printed: medians of wall
  and CPU seconds (all threads), peak RSS, the store's quads and named graphs, and the ratios.
* query: the example queries of graph/queries on the store of OLD's parts with and without ``optimize()``
  (medians of ``--runs``, capped at ``--cap`` seconds), to tell whether the compaction pays.
"""

from __future__ import annotations

import argparse
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


def capture(corpus: str, cache: str, out: str) -> None:
    from diplograph.graph import pipeline

    versions = pipeline.current_versions()
    jobs, failures = pipeline.plan_jobs([corpus], versions=versions)
    result = pipeline.run_planned(jobs, failures, versions, cache_dir=cache)
    aside = Path(out).with_suffix(".views")
    aside.mkdir(exist_ok=True)
    parts = []
    for part in result.parts:
        path = Path(part.nquads)  # a cached build's parts are files
        if "/views/" in str(path):
            kept = aside / path.name
            if not kept.exists():
                os.link(path, kept)
            path = kept
        parts.append([part.graph, str(path.resolve()), part.key])
    Path(out).write_text(json.dumps(parts), encoding="utf-8")


def read_parts(file: str) -> list:
    from diplograph.graph.merge import Part

    return [Part(graph, Path(path), key=key) for graph, path, key in json.loads(Path(file).read_text())]


def one(mode: str, parts_file: str, store: Path, base: str) -> dict:
    """One measured build of the store in this process: a clean load, or the update of a copy of ``base``."""
    from diplograph.graph import store_build
    from diplograph.graph.merge import VIEWS_GRAPH

    parts = read_parts(parts_file)
    docs = [p for p in parts if p.graph != VIEWS_GRAPH]
    shutil.rmtree(store, ignore_errors=True)
    if mode == "update":  # hard links: an update only reads the old store's files and swaps a new folder in
        subprocess.run(["cp", "-al", base, str(store)], check=True)
        (store / store_build.STATE).unlink()
        shutil.copy(Path(base) / store_build.STATE, store / store_build.STATE)
    wall, cpu = time.perf_counter(), time.process_time()
    started = store_build.start(store, {p.graph: p.key for p in docs})
    started.add(docs)
    how = started.finish(parts)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    held = ox.Store.read_only(str(store))
    return {"how": how, "wall": wall, "cpu": cpu, "quads": len(held), "named": sum(1 for _ in held.named_graphs()),
            "rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024}


def spawn(args, way: str, mode: str, parts: str, store: Path, base: Path | None = None) -> dict:
    env = dict(os.environ)
    if way == "baseline":
        env["PYTHONPATH"] = args.baseline_path
    cmd = [sys.executable, __file__, "one", mode, parts, str(store), str(base or "")]
    return json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True, env=env).stdout)


def compare(args) -> None:
    scratch = Path(args.scratch or tempfile.mkdtemp(prefix="store-bench-"))
    ways = ("baseline", "current")
    for mode in ("load", "update"):
        runs: dict[str, list[dict]] = {way: [] for way in ways}
        for n in range(args.runs):  # alternated, so both ways see the same machine load
            for way in ways:
                base = scratch / f"base-{way}"
                if mode == "load":
                    runs[way].append(spawn(args, way, mode, args.old, scratch / f"load-{way}"))
                    if n == 0:
                        shutil.rmtree(base, ignore_errors=True)
                        (scratch / f"load-{way}").rename(base)
                else:
                    runs[way].append(spawn(args, way, mode, args.new, scratch / f"update-{way}", base))
        report(mode, runs, args.runs)
    print(f"(scratch: {scratch})")


def report(mode: str, runs: dict[str, list[dict]], n: int) -> None:
    med = {way: {k: statistics.median(r[k] for r in rs) for k in ("wall", "cpu", "rss", "quads", "named")}
           for way, rs in runs.items()}
    print(f"{mode} ({n} runs, medians; each: {', '.join(sorted({r['how'] for rs in runs.values() for r in rs}))})")
    print(f"  {'':10} {'wall s':>8} {'CPU s':>8} {'peak RSS MB':>12} {'quads':>12} {'named graphs':>13}")
    for way, m in med.items():
        print(f"  {way:10} {m['wall']:8.2f} {m['cpu']:8.2f} {m['rss']:12.0f} {m['quads']:12,.0f} {m['named']:13,.0f}")
    b, c = med["baseline"], med["current"]
    print(f"  ratio baseline/current: wall {b['wall'] / c['wall']:.2f}, CPU {b['cpu'] / c['cpu']:.2f}")


def query_times(args) -> None:
    """Median seconds of each example query on a store with and without ``optimize()`` (capped)."""
    from diplograph.graph import store_load
    from diplograph.graph.merge import VIEWS_GRAPH
    from diplograph.graph.store import examples

    scratch = Path(args.scratch or tempfile.mkdtemp(prefix="store-bench-"))
    parts, paths = read_parts(args.old), {}
    for name in ("optimized", "not optimized"):
        paths[name] = path = scratch / f"store-query-{name.replace(' ', '-')}"
        if not (path / "CURRENT").is_file():
            loader = store_load.Loader(path)
            loader.add(p for p in parts if p.graph != VIEWS_GRAPH)
            loader.finish([p for p in parts if p.graph == VIEWS_GRAPH], optimize=name == "optimized")
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
    if sys.argv[1:2] == ["one"]:  # a measured run, spawned by compare
        mode, parts, store, base = sys.argv[2:6]
        print(json.dumps(one(mode, parts, Path(store), base)))
        return
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="command", required=True)
    cap = sub.add_parser("capture")
    for name in ("corpus", "cache", "out"):
        cap.add_argument(name)
    cmp_ = sub.add_parser("compare")
    cmp_.add_argument("old")
    cmp_.add_argument("new")
    cmp_.add_argument("--baseline-path", required=True)
    qry = sub.add_parser("query")
    qry.add_argument("old")
    qry.add_argument("--cap", type=float, default=30.0, help="seconds a query may take")
    for p in (cmp_, qry):
        p.add_argument("--runs", type=int, default=3)
        p.add_argument("--scratch", default="")
    args = ap.parse_args()
    if args.command == "capture":
        capture(args.corpus, args.cache, args.out)
    elif args.command == "compare":
        compare(args)
    else:
        query_times(args)


if __name__ == "__main__":
    main()
