"""Benchmark: rdflib's Turtle serializer against our pyoxigraph paths.

Two of ours: ``render("ttl", dataset)`` starts from the same rdflib Dataset as rdflib does (the export
command's path), and ``merge.turtle_bytes(parts)`` starts from each document graph's sorted N-Quads (the
path ``diplograph build`` takes to write graph.ttl, with no rdflib Dataset at all; the Turtle blocks are
made here, not taken from a cache). All three write Turtle of the same union graph (ours one block per
named graph): each output is loaded into a pyoxigraph store to check it holds exactly the dataset's
triples. Prints medians and ratios per size.

Usage: python bench/export_bench.py [--sizes 100000 1000000] [--repeat 3]
"""

from __future__ import annotations

import argparse
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
    print(f"{'triples':>10} {'rdflib s':>10} {'dataset->ttl s':>15} {'ratio':>7} {'lines->ttl s':>13} {'ratio':>7}"
          f"  (median of {args.repeat})", flush=True)
    for size in args.sizes:
        ds = dataset_of(size)
        n = len(ds)
        parts = parts_of(ds)
        ours, ours_out = timed(lambda: render("ttl", ds), args.repeat)
        build, build_out = timed(lambda: merge.turtle_bytes(parts), args.repeat)
        theirs, theirs_out = timed(lambda: ds.serialize(format="turtle", encoding="utf-8"), args.repeat)
        assert count(ours_out) == count(theirs_out) == count(build_out) == n, "outputs differ in size"
        print(f"{n:>10} {theirs:>10.2f} {ours:>15.2f} {theirs / ours:>6.1f}x {build:>13.2f} {theirs / build:>6.1f}x",
              flush=True)

if __name__ == "__main__":
    main()
