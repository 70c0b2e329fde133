"""Benchmark of the views at corpus scale: the steps of ``pipeline.assemble`` over N cached digests.

Reads the per-document digests (``<key>.json``) of a build's cache folder (``OUT/.cache``), the first N
by key, and runs what ``assemble`` does with them, one step at a time:

* fold: read and parse each digest, fold it (views/stream.py ``fold``);
* counts: the build's summary counts;
* graph_of: the views' networkx graph;
* views: the views graph as N-Quads and its Turtle block (``views_triples`` -> ``nquads`` ->
  ``turtle.block`` in the baseline; one streamed pass when the code has ``to_rdf.views_bytes``).

For each step: wall and CPU seconds, the peak RSS of the process during the step (the kernel's high-water
mark, reset before each step through ``/proc/self/clear_refs``) and the RSS left after it. Then the size
of the views graph: triples, by predicate and by kind of subject.

Run the same script under the baseline's interpreter for the ratio (the old code is installed there)::

    cd /tmp && /tmp/snapvenv/bin/python /work/main/bench/views_scale.py /work/scale/out-3000/.cache --docs 1000
    /work/venv/bin/python bench/views_scale.py /work/scale/out-3000/.cache --docs 1000

Usage: python bench/views_scale.py CACHE [--docs N] [--no-size] [--assemble | --rerun]
"""

from __future__ import annotations

import argparse
import gc
import re
import tempfile
import time
from collections import Counter
from pathlib import Path

from diplograph.graph import merge, turtle
from diplograph.graph.iri import ID
from diplograph.graph.views import stream, to_rdf


def _status(field: str) -> int:
    """A VmXXX field of /proc/self/status, in MB."""
    text = Path("/proc/self/status").read_text()
    return int(re.search(rf"{field}:\s+(\d+)", text).group(1)) // 1024


class Steps:
    """Times and peak RSS of named steps, printed as a table."""

    def __init__(self) -> None:
        self.rows: list[tuple[str, float, float, int, int]] = []

    def run(self, name: str, fn):
        gc.collect()
        Path("/proc/self/clear_refs").write_text("5")  # reset VmHWM to the current RSS
        wall, cpu = time.perf_counter(), time.process_time()
        result = fn()
        self.rows.append((name, time.perf_counter() - wall, time.process_time() - cpu, _status("VmHWM"),
                          _status("VmRSS")))
        return result

    def print(self) -> None:
        print(f"{'step':<16}{'wall s':>9}{'CPU s':>9}{'peak MB':>9}{'after MB':>10}")
        for name, wall, cpu, peak, after in self.rows:
            print(f"{name:<16}{wall:>9.2f}{cpu:>9.2f}{peak:>9}{after:>10}")
        print(f"{'total':<16}{sum(r[1] for r in self.rows):>9.2f}{sum(r[2] for r in self.rows):>9.2f}"
              f"{max(r[3] for r in self.rows):>9}")


def parts_of(cache: Path, docs: int) -> list[merge.Part]:
    """The first ``docs`` cached documents (by key) as merge.Parts reading their digest files."""
    keys = sorted(p.stem for p in cache.glob("*.json"))[:docs]
    return [merge.Part(f"{ID}doc/{k}", cache / f"{k}.nq", cache / f"{k}.ttl", cache / f"{k}.nqz",
                       cache / f"{k}.json", k) for k in keys]


def run(parts: list[merge.Part], steps: Steps) -> tuple[bytes, bytes]:
    folder = steps.run("fold", lambda: stream.fold(p.read_digest() for p in merge.ordered(parts)))
    steps.run("counts", folder.counts)
    G = steps.run("graph_of", lambda: stream.graph_of(folder))
    folder = None  # freed before the views, as assemble does
    if hasattr(to_rdf, "views_bytes"):
        return steps.run("views", lambda: to_rdf.views_bytes(G, merge.VIEWS_GRAPH)[:2])
    triples = steps.run("views_triples", lambda: to_rdf.views_triples(G))
    data = steps.run("nquads", lambda: triples.nquads(merge.VIEWS_GRAPH))
    triples = None
    block = steps.run("turtle.block", lambda: turtle.block(data))
    return data, block


def run_assemble(parts: list[merge.Part], steps: Steps, folder: Path) -> tuple[bytes, bytes]:
    """``pipeline.assemble`` itself, the views written into ``folder`` (the baseline keeps them in memory)."""
    from diplograph.graph.pipeline import assemble

    try:
        out = steps.run("assemble", lambda: assemble(parts, folder=folder))
    except TypeError:  # the baseline's assemble has no folder
        out = steps.run("assemble", lambda: assemble(parts))
    views = next(p for p in out[0] if p.graph == merge.VIEWS_GRAPH)
    return views.read_nquads(), views.read_turtle()


def run_rerun(parts: list[merge.Part], steps: Steps, folder: Path) -> tuple[bytes, bytes]:
    """assemble twice into ``folder``: clean, then as after one changed document (its key changed)."""
    from dataclasses import replace

    run_assemble(parts, steps, folder)
    steps.rows[-1] = ("assemble clean", *steps.rows[-1][1:])
    changed = [replace(p, key="0" * 64) if i == len(parts) // 2 else p for i, p in enumerate(parts)]
    out = run_assemble(changed, steps, folder)
    steps.rows[-1] = ("rerun 1 change", *steps.rows[-1][1:])
    return out


def kind(subject: bytes) -> str:
    """``dyad``, ``dyad slice``, ``triangle`` or ``triangle slice`` of a views subject."""
    path = subject[len(ID) + 1:-1].decode()
    name, _, rest = path.partition("/")
    return name + (" slice" if "/" in rest else "")


def size(data: bytes) -> None:
    """Triples of the views graph, by predicate and by kind of subject."""
    preds, kinds, subjects = Counter(), Counter(), {}
    for line in data.split(b"\n"):
        if line:
            s, p, _ = line.split(b" ", 2)
            preds[p.decode().rsplit("#", 1)[-1].rstrip(">")] += 1
            kinds[kind(s)] += 1
            subjects.setdefault(kind(s), set()).add(s)
    print(f"views graph: {sum(preds.values()):,} triples, {len(data) / 1e6:.1f} MB of N-Quads")
    print("  by predicate: " + ", ".join(f"{p} {n:,}" for p, n in preds.most_common()))
    print("  by subject: " + ", ".join(f"{k} {n:,} ({len(subjects[k]):,} nodes)" for k, n in kinds.most_common()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("cache", type=Path, help="a build's .cache folder")
    parser.add_argument("--docs", type=int, default=1000, help="how many cached documents to read")
    parser.add_argument("--no-size", action="store_true", help="skip the size analysis of the views graph")
    parser.add_argument("--assemble", action="store_true", help="one step: pipeline.assemble, views to files")
    parser.add_argument("--rerun", action="store_true", help="assemble, then assemble again after one change")
    args = parser.parse_args()
    parts = parts_of(args.cache, args.docs)
    print(f"{len(parts)} documents from {args.cache}; RSS before: {_status('VmRSS')} MB")
    steps = Steps()
    if args.rerun:
        with tempfile.TemporaryDirectory() as tmp:
            data, block = run_rerun(parts, steps, Path(tmp))
    elif args.assemble:
        with tempfile.TemporaryDirectory() as tmp:
            data, block = run_assemble(parts, steps, Path(tmp))
    else:
        data, block = run(parts, steps)
    steps.print()
    print(f"Turtle block: {len(block) / 1e6:.1f} MB")
    if not args.no_size:
        size(data)


if __name__ == "__main__":
    main()
