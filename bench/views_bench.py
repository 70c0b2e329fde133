"""Benchmark of the relationship views: N states, M random events, every triangle classified.

Writes a random DESIGN-shaped graph as N-Triples (not timed), then measures, median of --repeat runs:

* load: ``load_graph(file)`` (pyoxigraph parse + networkx MultiDiGraph);
* compute: overall dyads aggregated + every triangle classified (class counts, top 20 ranked);
* per-quarter dyads, balance (share and frustration index), for information.

Peak memory is taken in a separate run under tracemalloc (which slows code down). Wall time on a
busy machine overstates cost, so CPU time (process_time) is printed alongside. The baseline is the
goal (2 s for compute) and a plain-Python loop classifying every triangle through the same table.

Usage: python bench/views_bench.py [--states 200] [--events 50000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
import tracemalloc
from pathlib import Path

from diplograph.graph.views import balance, dyads, dyads_by_period, load_graph
from diplograph.graph.views.synth import ntriples, random_events
from diplograph.graph.views.triangles import TABLE, classify_all

GOAL = 2.0


def timed(fn, repeat: int) -> tuple[float, float, object]:
    """Median wall and CPU seconds of ``repeat`` calls, and the last result."""
    walls, cpus, result = [], [], None
    for _ in range(repeat):
        w, c = time.perf_counter(), time.process_time()
        result = fn()
        walls.append(time.perf_counter() - w)
        cpus.append(time.process_time() - c)
    return statistics.median(walls), statistics.median(cpus), result


def compute(G):
    """What the goal covers: aggregate the dyads, classify every triangle, rank the top 20."""
    table = dyads(G)
    tris = classify_all(table)
    return table, tris, tris.class_counts(), tris.rows(20)


def plain_python(table) -> int:
    """Baseline: the obvious loop over neighbour sets, one table lookup per triangle."""
    higher: dict[str, set[str]] = {}
    for a, b in table:
        higher.setdefault(a, set()).add(b)
    n = 0
    for a, above in higher.items():
        for b in above:
            for c in above & higher.get(b, set()):
                TABLE[table[a, b].sign, table[a, c].sign, table[b, c].sign]
                n += 1
    return n


def peak_mb(fn) -> float:
    tracemalloc.start()
    fn()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / 2**20


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--states", type=int, default=200)
    ap.add_argument("--events", type=int, default=50_000)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "graph.nt"
        path.write_text(ntriples(random_events(args.states, args.events, seed=0)), encoding="utf-8")
        load_wall, load_cpu, G = timed(lambda: load_graph(path), args.repeat)
        load_mb = peak_mb(lambda: load_graph(path))
    wall, cpu, (table, tris, classes, top) = timed(lambda: compute(G), args.repeat)
    compute_mb = peak_mb(lambda: compute(G))
    q_wall, q_cpu, quarters = timed(lambda: dyads_by_period(G, "quarter"), args.repeat)
    b_wall, b_cpu, bal = timed(lambda: balance(table), 1)
    base_wall, base_cpu, _ = timed(lambda: plain_python(table), 1)
    print(f"graph: {args.states} states, {G.number_of_edges()} events, {len(table)} dyads, {len(tris)} triangles")
    print(f"classes: {classes}")
    print(f"load (pyoxigraph + networkx): wall {load_wall:.3f} s, cpu {load_cpu:.3f} s, peak {load_mb:.0f} MiB")
    print(f"compute (dyads + every triangle): wall {wall:.3f} s, cpu {cpu:.3f} s, peak {compute_mb:.0f} MiB "
          f"(goal {GOAL} s: ratio {cpu / GOAL:.2f} cpu, {wall / GOAL:.2f} wall)")
    print(f"baseline plain-Python triangle loop: wall {base_wall:.3f} s, cpu {base_cpu:.3f} s "
          f"(vectorised classification is part of compute; compute/baseline cpu {cpu / base_cpu:.2f})")
    print(f"per-quarter dyads ({len(quarters)} quarters): wall {q_wall:.3f} s, cpu {q_cpu:.3f} s")
    print(f"balance: share {bal.share}, frustration {bal.frustration} ({'exact' if bal.exact else 'bound'}): "
          f"wall {b_wall:.3f} s, cpu {b_cpu:.3f} s")
    print(f"top triangle: {top[0].cls}, {top[0].count} events")


if __name__ == "__main__":
    main()
