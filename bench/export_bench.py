"""Benchmark: rdflib's Turtle serializer against our pyoxigraph paths.

Columns, each against rdflib's ``Graph.serialize(format="turtle")`` of the same union graph:

* ``dataset``: ``render("ttl", dataset)``, from the same rdflib Dataset (the export command's path);
* ``nquads``: ``merge.turtle_bytes(parts)`` from each document graph's sorted N-Quads, Turtle blocks made
  here (what ``diplograph build`` does, the blocks being made in its workers);
* ``cached``: graph.ttl written from Turtle blocks already made (a build whose workers made them, or a
  rerun taking them from the cache);
* ``oxigraph``: pyoxigraph's own Turtle serializer given the triples already parsed (the writers alone).

Each output is loaded into a pyoxigraph store to check it holds exactly the dataset's triples.
Prints medians and ratios per size.

Usage: python bench/export_bench.py [--sizes 100000 1000000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import gc
import statistics
import time

import pyoxigraph as ox

from diplograph.exports import render
from diplograph.exports.rdf import PREFIXES
from diplograph.exports.sample import synthetic_dataset
from diplograph.graph import merge

TRIPLES_PER_EVENT = 27  # measured on synthetic_dataset: event 14, evidence 6, reified fact 8, minus shared


def dataset_of(size: int):
    events = max(size // TRIPLES_PER_EVENT, 10)
    ds = synthetic_dataset(entities=max(events // 4, 10), events=events, documents=max(events // 500, 2))
    for prefix, iri in PREFIXES.items():
        ds.bind(prefix, iri, override=True, replace=True)
    return ds


def timed(fn, repeat: int) -> tuple[float, bytes]:
    times, out = [], b""
    for _ in range(repeat):
        start = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), out


def count(data: bytes) -> int:
    """Distinct triples of a Turtle text (a triple in two graphs' blocks counts once)."""
    store = ox.Store()
    store.bulk_load(input=data, format=ox.RdfFormat.TURTLE)
    return len(store)


def parts_of(ds) -> list[merge.Part]:
    """The dataset's named graphs as the build holds them: each graph's sorted N-Quads, no Turtle yet."""
    by_graph: dict[str, list[bytes]] = {}
    for line in render("nq", ds).split(b"\n"):
        if line:
            by_graph.setdefault(merge.split_quad(line)[3][1:-1].decode(), []).append(line + b"\n")
    return [merge.Part(g, b"".join(lines)) for g, lines in by_graph.items()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print(f"{'triples':>10} {'rdflib s':>9} | {'dataset s':>9} {'x':>6} | {'nquads s':>8} {'x':>6} | "
          f"{'cached s':>8} {'x':>6} | {'oxigraph s':>10} {'x':>6}  (median of {args.repeat})", flush=True)
    for size in args.sizes:
        ds = dataset_of(size)
        n = len(ds)
        parts = parts_of(ds)
        cached_parts = [merge.Part(p.graph, p.nquads, p.read_turtle()) for p in parts]
        triples = list(ox.parse(render("nt", ds), format=ox.RdfFormat.N_TRIPLES))
        # The inputs (millions of rdflib objects) stay alive for the whole run: keep the garbage collector
        # from scanning them again and again, which no real build has to do (applies to rdflib too).
        gc.collect()
        gc.freeze()
        ours, ours_out = timed(lambda: render("ttl", ds), args.repeat)
        build, build_out = timed(lambda: merge.turtle_bytes(parts), args.repeat)
        cached, cached_out = timed(lambda: merge.turtle_bytes(cached_parts), args.repeat)
        writer, writer_out = timed(lambda: ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=PREFIXES),
                                   args.repeat)
        theirs, theirs_out = timed(lambda: ds.serialize(format="turtle", encoding="utf-8"), args.repeat)
        assert count(ours_out) == count(theirs_out) == count(build_out) == count(writer_out) == n, "outputs differ"
        assert cached_out == build_out
        print(f"{n:>10} {theirs:>9.2f} | {ours:>9.2f} {theirs / ours:>5.1f}x | {build:>8.2f} {theirs / build:>5.1f}x | "
              f"{cached:>8.3f} {theirs / cached:>5.0f}x | {writer:>10.2f} {theirs / writer:>5.1f}x", flush=True)

if __name__ == "__main__":
    main()
