"""Extractor throughput: words per second on one core, median of several runs.

usage: python bench/bench_extract.py [FILE ...]   (default: examples/monitor-8-7.txt, repeated)

Prints the median words/s for one long document (the example repeated to ~50,000 words) and for
the example on its own, against the 50,000 words/s target, in CPU time of this process
(``time.process_time``: on a shared machine wall-clock time measures the neighbours) and in wall time.
Pipeline construction is excluded (it is built once per gazetteer version and cached).
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

from diplograph.graph.extract import extract
from diplograph.graph.model import Document, PartialDate
from diplograph.ontology.gazetteer import load

TARGET = 50_000
ROOT = Path(__file__).resolve().parent.parent


def _median_rates(doc: Document, gazetteer, runs: int) -> tuple[float, float]:
    """(CPU words/s, wall words/s), medians over runs."""
    words = len(doc.text[doc.body_start:].split())
    cpu, wall = [], []
    for _ in range(runs):
        c0, w0 = time.process_time(), time.perf_counter()
        extract(doc, gazetteer)
        cpu.append(time.process_time() - c0)
        wall.append(time.perf_counter() - w0)
    return words / statistics.median(cpu), words / statistics.median(wall)


def main(argv: list[str]) -> None:
    paths = [Path(a) for a in argv] or [ROOT / "examples" / "monitor-8-7.txt"]
    text = "\n\n".join(p.read_text(encoding="utf-8") for p in paths)
    gazetteer = load()
    extract(Document(id="warm", text="Warm up."), gazetteer)  # builds and caches the pipeline
    small = Document(id="small", text=text, date=PartialDate(2002, 1, 7))
    reps = max(1, TARGET // max(1, len(text.split())))
    big = Document(id="big", text="\n\n".join([text] * reps), date=PartialDate(2002, 1, 7))
    for name, doc, runs in (("single document", small, 21), (f"{reps}x concatenated", big, 5)):
        cpu, wall = _median_rates(doc, gazetteer, runs)
        print(f"{name:24} {len(doc.text.split()):7d} words  median CPU {cpu:9,.0f} words/s "
              f"(ratio to target {cpu / TARGET:4.2f})  wall {wall:9,.0f} words/s")


if __name__ == "__main__":
    main(sys.argv[1:])
