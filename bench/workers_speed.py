"""CPU ms per article of a build's worker: extraction and serialisation, in one process, plus output digests.

usage: python bench/workers_speed.py [--corpus DIR] [--n 300] [--runs 3] [--hashes OUT.json] [--texts FILE ...]

Reads the first ``--n`` articles of ``--corpus`` (sorted paths) and any ``--texts``, then times, ``--runs``
times, what a worker does to each (executor.to_document, extract, executor.serialize), as CPU time
(time.process_time), and prints the medians in ms per article (reading, extraction, serialisation, their
sum). With ``--hashes`` it writes the SHA-256 of each document's N-Quads, decompressed gzip member, Turtle
block and digest, so two code versions can be compared byte for byte: run the baseline with PYTHONPATH
pointing at a folder holding ``diplograph/{graph,ontology,exports}`` of the old code (e.g. ``git archive``).
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import statistics
import sys
import time
from pathlib import Path

from diplograph.graph import executor
from diplograph.graph.extract import extract
from diplograph.ontology import gazetteer as gazetteer_module


def jobs_of(paths: list[Path]) -> list[executor.Job]:
    """One job per file, its id the file's stem (numbered, so two corpora's stems do not clash)."""
    return [executor.Job(f"{i:05d}-{p.stem}", str(p), p.read_bytes(), "bench") for i, p in enumerate(paths)]


def one_run(jobs: list[executor.Job], gaz) -> tuple[float, float, float, dict[str, list[str]]]:
    """CPU seconds of reading, extraction and serialisation over ``jobs``, and each document's output hashes."""
    reading = extracting = serialising = 0.0
    hashes: dict[str, list[str]] = {}
    for job in jobs:
        t = time.process_time()
        doc = executor.to_document(job)
        t0 = time.process_time()
        ex = extract(doc, gaz)
        t1 = time.process_time()
        nquads, block, member, digest = executor.serialize(ex, gaz)
        t2 = time.process_time()
        reading, extracting, serialising = reading + t0 - t, extracting + t1 - t0, serialising + t2 - t1
        hashes[job.doc_id] = [hashlib.sha256(b).hexdigest()
                              for b in (nquads, gzip.decompress(member), block, digest)] + [str(len(member))]
    return reading, extracting, serialising, hashes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=Path("/tmp/dg-scale/corpus-1000"))
    parser.add_argument("--n", type=int, default=300)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--hashes", type=Path, default=None, help="Write each document's output hashes here.")
    parser.add_argument("--texts", type=Path, nargs="*", default=[], help="More documents (hashed, not timed).")
    args = parser.parse_args(argv)
    gaz = gazetteer_module.load()
    executor.init_worker()
    jobs = jobs_of(sorted(args.corpus.rglob("*.txt"))[:args.n]) if args.n else []
    runs = [one_run(jobs, gaz) for _ in range(args.runs)] if jobs else []
    if runs:
        read, ext, ser, total = (statistics.median(sum(r[:3]) if i == 3 else r[i] for r in runs) * 1000 / len(jobs)
                                 for i in range(4))
        print(f"{len(jobs)} articles, median of {args.runs}, CPU ms per article: read {read:.2f}  extract {ext:.2f}  "
              f"serialize {ser:.2f}  total {total:.2f}  ({executor.__file__})")
    if args.hashes:
        hashes = runs[0][3] if runs else {}
        hashes.update(one_run(jobs_of(args.texts), gaz)[3])
        args.hashes.write_text(json.dumps(hashes, indent=0, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
