"""The build's SPARQL store at corpus scale: the baseline way against the current one, side by side.

usage: python bench/store_bench.py BUILD_DIR [--docs N] [--runs 3] [--views] [--only load|update|query] [--cap 30]
       [--base BUILD_DIR/store] [--scratch DIR]

BUILD_DIR is a build output folder whose ``.cache`` holds each document's N-Quads (``*.nq``); with
``--views`` the views graph is read from its ``graph.nq.gz`` too. Each run is a fresh process (its peak
RSS is its own); printed: medians of wall and CPU seconds (all threads), peak RSS, and ratios.

* load: a new store of the documents' graphs plus their merge in the default graph, compacted.
  Baseline (HEAD 4e6cfec): batches of 50,000 quads loaded one after another, every graph's quads, then
  all of them again as default-graph triples, then ``optimize()``. Current: ``store_build.Loader``
  (two loader threads fed by a third; each graph's quads followed by its default-graph triples, the
  triples about shared entities given once), then ``optimize()``.
* update: a store of the corpus (made once, not timed, or ``--base``: a copy of the build's) where one document changed (a few of its triples
  gone, a few new) and the views graph with it (a few hundred triples gone and new), brought up to date:
  baseline ``_update`` (checkpoint, each changed graph dropped with a SPARQL update and loaded again),
  current ``store_build._update`` (checkpoint, each changed graph patched with its difference).
* query: the example queries of graph/queries on the store with and without ``optimize()`` (medians of
  ``--runs``), to tell whether the compaction pays.
"""

from __future__ import annotations

import argparse
import gzip
import json
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox

from diplograph.graph import store_build
from diplograph.graph.merge import VIEWS_GRAPH, Part

BATCH = 50_000


def parts_of(build: Path, docs: int, views: bool, scratch: Path) -> list[Part]:
    """The documents' parts from the build's cache (graph IRI read off the first line), and the views'."""
    parts = []
    for path in sorted((build / ".cache").glob("*.nq")):
        data = path.read_bytes()
        if data:
            first = data[:data.index(b"\n")]
            parts.append(Part(first[first.rindex(b" <") + 2:-3].decode(), path, key=path.stem))
    parts = sorted(parts, key=lambda p: p.graph)[:docs]
    if views:
        tail = f" <{VIEWS_GRAPH}> .\n".encode()
        target = scratch / "views.nq"
        if not target.exists():
            with gzip.open(build / "graph.nq.gz", "rb") as fh, target.open("wb") as out:
                out.writelines(line for line in fh if line.endswith(tail))
        parts.append(Part(VIEWS_GRAPH, target))
    return parts


def baseline_load(parts: list[Part], path: Path) -> None:
    """HEAD's ``_load_parts`` and ``optimize()``: named graphs, then the default graph, one batch at a time."""
    store = ox.Store(str(path))
    for batch in store_build._batches(p.read_nquads() for p in parts):
        store.bulk_load(input=batch, format=ox.RdfFormat.N_QUADS, lenient=True)
    for batch in store_build._batches(store_build._as_triples(p.graph, p.read_nquads()) for p in parts):
        store.bulk_load(input=batch, format=ox.RdfFormat.N_TRIPLES, to_graph=ox.DefaultGraph(), lenient=True)
    store.optimize()


def current_load(parts: list[Part], path: Path) -> None:
    loader = store_build.Loader(path, store_build._load_chunks(parts, set()))
    loader.finish(iter(()))


def baseline_update(path: Path, tmp: Path, held: dict, parts: list[Part]) -> None:
    """HEAD's ``_update``: every changed graph dropped (SPARQL, FILTER NOT EXISTS) and loaded again."""
    wanted = store_build.part_versions(parts)
    by_graph = {p.graph: p for p in parts}
    ox.Store.read_only(str(path)).backup(str(tmp))
    store = ox.Store(str(tmp))
    for graph in sorted(g for g in set(wanted) | set(held) if wanted.get(g) != held.get(g)):
        if graph in held:
            store.update(f"DELETE {{ ?s ?p ?o }} WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} "
                         f"FILTER NOT EXISTS {{ GRAPH ?h {{ ?s ?p ?o }} FILTER(?h != <{graph}>) }} }}")
            store.remove_graph(ox.NamedNode(graph))
        if graph in wanted:
            data = by_graph[graph].read_nquads()
            store.load(input=data, format=ox.RdfFormat.N_QUADS, lenient=True)
            store.load(input=store_build._as_triples(graph, data), format=ox.RdfFormat.N_TRIPLES,
                       to_graph=ox.DefaultGraph(), lenient=True)
    store.flush()


def current_update(path: Path, tmp: Path, held: dict, parts: list[Part]) -> None:
    store_build._update(path, tmp, held, store_build.part_versions(parts), {p.graph: p for p in parts})


def changed(part: Part, drop: int, scratch: Path, tag: str) -> Part:
    """``part`` with every ``drop``-th triple gone and as many new ones (new subjects), as a file."""
    lines = [line for line in part.read_nquads().split(b"\n") if line]
    kept = [line for i, line in enumerate(lines) if i % drop]
    tail = f" <{part.graph}> .".encode()
    new = [f"<{part.graph}/{tag}/{i}> <http://www.w3.org/2000/01/rdf-schema#label> \"{tag} {i}\"".encode() + tail
           for i in range(len(lines) - len(kept))]
    target = scratch / f"{tag}-changed.nq"
    target.write_bytes(b"\n".join(sorted(kept + new)) + b"\n")
    return Part(part.graph, target, key=f"{part.key}-{tag}")


def one(args) -> dict:
    """One measured run in this process."""
    scratch = Path(args.scratch)
    parts = parts_of(Path(args.build), args.docs, args.views, scratch)
    target = scratch / f"store-{args.mode}-{args.way}"
    shutil.rmtree(target, ignore_errors=True)
    if args.mode == "load":
        fn = {"baseline": baseline_load, "current": current_load}[args.way]
        run = lambda: fn(parts, target)  # noqa: E731
    else:
        base = scratch / "store-update-base"
        held = store_build.read_state(base)
        doc = next(p for p in parts if p.graph != VIEWS_GRAPH and p.graph.endswith("5"))
        new = [changed(doc, 25, scratch, "doc") if p is doc else
               changed(p, 2000, scratch, "views") if p.graph == VIEWS_GRAPH else p for p in parts]
        fn = {"baseline": baseline_update, "current": current_update}[args.way]
        run = lambda: fn(base, target, held, new)  # noqa: E731
    wall, cpu = time.perf_counter(), time.process_time()
    run()
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    count = len(ox.Store.read_only(str(target)))
    shutil.rmtree(target, ignore_errors=True)
    return {"wall": wall, "cpu": cpu, "rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
            "quads": count}


def spawn(args, mode: str, way: str) -> dict:
    cmd = [sys.executable, __file__, args.build, "--docs", str(args.docs), "--scratch", args.scratch,
           "--one", mode, way] + (["--views"] if args.views else [])
    return json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout)


def prepare_update_base(args) -> None:
    """The store the update runs start from: the corpus loaded the current way, its state written."""
    scratch = Path(args.scratch)
    base = scratch / "store-update-base"
    if not (base / "CURRENT").is_file():
        if args.base:  # the build's own store (a copy: the runs take checkpoints of it)
            shutil.copytree(args.base, base)
            store_build._keep(base, parts_of(Path(args.build), args.docs, args.views, scratch))  # as a load keeps it
            return
        parts = parts_of(Path(args.build), args.docs, args.views, scratch)
        current_load(parts, base)
        store_build._write_state(base, store_build.part_versions(parts))


def query_times(args) -> None:
    """Median seconds of each example query on a store with and without ``optimize()`` (capped)."""
    from diplograph.graph.store import examples

    scratch = Path(args.scratch)
    parts = parts_of(Path(args.build), args.docs, args.views, scratch)
    paths = {}
    for name in ("optimized", "not optimized"):
        paths[name] = path = scratch / f"store-query-{name.replace(' ', '-')}"
        if not (path / "CURRENT").is_file():
            loader = store_build.Loader(path, store_build._load_chunks(parts, set()))
            loader.feeder.join()
            loader._close()
            if name == "optimized":
                loader.store.optimize()
            loader.store = None
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
    args = ap.parse_args()
    if args.one:
        args.mode, args.way = args.one
        print(json.dumps(one(args)))
        return
    args.scratch = args.scratch or tempfile.mkdtemp(prefix="store-bench-")
    for mode in [m for m in ("load", "update") if args.only in (None, m)]:
        if mode == "update":
            prepare_update_base(args)
        runs: dict[str, list[dict]] = {"baseline": [], "current": []}
        for _ in range(args.runs):  # alternated, so both ways see the same machine load
            for way in runs:
                runs[way].append(spawn(args, mode, way))
        med = {way: {k: statistics.median(r[k] for r in rs) for k in ("wall", "cpu", "rss", "quads")}
               for way, rs in runs.items()}
        b, c = med["baseline"], med["current"]
        print(f"{mode}: {int(c['quads']):,} quads ({args.runs} runs, medians)")
        print(f"  {'':10} {'wall s':>8} {'CPU s':>8} {'peak RSS MB':>12} {'quads/s (wall)':>15}")
        for way, m in med.items():
            print(f"  {way:10} {m['wall']:8.1f} {m['cpu']:8.1f} {m['rss']:12.0f} {m['quads'] / m['wall']:15,.0f}")
        print(f"  ratio baseline/current: wall {b['wall'] / c['wall']:.2f}, CPU {b['cpu'] / c['cpu']:.2f}, "
              f"RSS {b['rss'] / c['rss']:.2f}; same quads: {b['quads'] == c['quads']}")
    if args.only in (None, "query"):
        query_times(args)
    print(f"(scratch: {args.scratch})")


if __name__ == "__main__":
    main()
