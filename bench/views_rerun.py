"""Benchmark: ``pipeline.assemble`` (the views) in a clean build and in a rerun after ONE changed document.

Reads N cached documents of a build's cache folder (``OUT/.cache``: ``<key>.nq|.ttl|.nqz|.json``, e.g. a
``cp -al`` copy of a finished build's), makes a ``merge.Part`` of each, and times, in a fresh views folder:

* ``clean``: ``assemble(parts, folder=F)`` (the fold of every bucket, the views' graph, every views chunk);
* ``rerun``: ``assemble`` again with one document's files replaced by those of a document not in the set
  (its key changes), then back, ``--reruns`` times: each is a rerun after one change.

The new code leaves out the overall triangles' ``dg:eventCount`` (DESIGN.md: the count is the sum of the
three dyads'), so a change rewrites few chunks; with ``--triangle-counts`` it states them as the baseline
does, and the views' bytes of the two codes are compared (one views file then, chunks now: their
concatenation is compared).

With ``--folds DIR`` the clean run starts from the saved bucket folds in DIR (``fold-*.marshal``, the same
for both codes while views/stream.py is unchanged), so it times the views, not the JSON digests' fold.

Each code runs in its own process: this checkout (``/work/venv/bin/python``) and the baseline (HEAD 73d5f04,
installed in ``/tmp/snapvenv``; or, with ``--baseline-path DIR``, this venv's Python importing the package
from DIR, a snapshot such as ``git archive HEAD graph ontology exports`` unpacked under ``DIR/diplograph``);
the script prints CPU and wall seconds (median of the reruns), the peak RSS of the process, the ratio
baseline / new, and whether the two codes' views chunks (concatenated) are the same bytes.

The new code keeps what its views tables were made from (views/incremental.py): a rerun after one change
computes again only the pairs of states the change touches (the full path when a state or a label changed).

Usage::

    /work/venv/bin/python bench/views_rerun.py /tmp/h6/cache1k --docs 999 --reruns 3
    /work/venv/bin/python bench/views_rerun.py /tmp/h6/cache10k --docs 9999 --reruns 3 --folds /tmp/h6/folds10k
    /work/venv/bin/python bench/views_rerun.py /tmp/vh/cache --docs 9999 --reruns 3 --baseline-path /tmp/vh/head/pkg
    /work/venv/bin/python bench/views_rerun.py CACHE --docs 9999 --reruns 3 --baseline-path DIR --edit OLDKEY:NEW.json

``--ab ROUNDS`` (with ``--baseline-path``) times the two codes' ``delta.rerun`` in turn in ONE process on one
saved state (the rest of the views code is this checkout's): the same minute, the same memory, for a change
whose cost is a few seconds in a noisy machine.

A publication date moved (session 7): ``--edit OLDKEY:NEW.json`` with NEW.json the digest of the same document
(same file name) extracted with another ``date:`` in its front matter; each rerun then moves the date (there
and back). Each rerun's CPU seconds and path (incremental or full: ``delta.rerun`` gave None) are printed.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import shutil
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

BASELINE = "/tmp/snapvenv/bin/python"
NEW = "/work/venv/bin/python"
SCRATCH = "/tmp/hv"


def parts_of(cache: Path, keys: list[str]) -> list:
    """merge.Parts of cached documents (graph IRI from the key: the views read only the digests)."""
    from diplograph.graph import merge
    from diplograph.graph.iri import ID

    return [merge.Part(f"{ID}doc/{k}", cache / f"{k}.nq", cache / f"{k}.ttl", cache / f"{k}.nqz",
                       cache / f"{k}.json", k) for k in keys]


def _peak_mb() -> int:
    return int(re.search(r"VmHWM:\s+(\d+)", Path("/proc/self/status").read_text()).group(1)) // 1024


def _timed(fn) -> tuple[float, float, object]:
    import gc

    gc.collect()
    wall, cpu = time.perf_counter(), time.process_time()
    out = fn()
    return time.process_time() - cpu, time.perf_counter() - wall, out


def _views_sha(parts: list) -> str:
    from diplograph.graph import merge

    h = hashlib.sha256()
    for part in parts:
        if part.graph == merge.VIEWS_GRAPH:
            h.update(part.read_nquads())
    return h.hexdigest()


def _parts_and_change(cache: Path, docs: int, edit: str | None) -> tuple[list, list]:
    """The build's parts, and the same with the one change made."""
    from diplograph.graph.merge import Part

    keys = sorted(p.stem for p in cache.glob("*.json"))[:docs + 1]
    base, spare = keys[:docs], keys[docs]
    parts = parts_of(cache, base)
    changed = list(parts)  # the middle document's files replaced: the same graph, another key
    files = (cache / f"{spare}{suffix}" for suffix in (".nq", ".ttl", ".nqz", ".json"))
    changed[docs // 2] = Part(parts[docs // 2].graph, *files, key=spare)
    if edit:  # an edited document: its digest replaced by the edited version's (the views read only digests)
        old, digest = edit.split(":", 1)
        i = base.index(old)
        changed = list(parts)
        changed[i] = Part(parts[i].graph, *(cache / f"{old}{suffix}" for suffix in (".nq", ".ttl", ".nqz")),
                          Path(digest), key=Path(digest).stem)
    return parts, changed


def ab_worker(cache: Path, docs: int, rounds: int, folds: Path | None, edit: str | None, baseline: Path) -> dict:
    """In one interpreter, on one saved state: the baseline's views/delta.py ``rerun`` and this checkout's, in
    turn (ABBA...), each making the change and undoing it each round; valid while the other views files are
    the same in both (the baseline's delta.py is imported from ``baseline/diplograph/graph/views``)."""
    import gc
    import importlib.util
    import sys

    from diplograph.graph.pipeline import assemble
    from diplograph.graph.views import delta

    spec = importlib.util.spec_from_file_location("delta_baseline", baseline / "diplograph/graph/views/delta.py")
    old = sys.modules["delta_baseline"] = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(old)
    codes = {"baseline": old.rerun, "new": delta.rerun}
    parts, changed = _parts_and_change(cache, docs, edit)
    cpu: dict[str, list[float]] = {"baseline": [], "new": []}
    paths: dict[str, list[str]] = {"baseline": [], "new": []}
    inner: dict[str, list[float]] = {"baseline": [], "new": []}  # in delta.rerun itself
    shas = {}
    with tempfile.TemporaryDirectory(dir=SCRATCH) as tmp:
        folder = Path(tmp) / "views"
        folder.mkdir()
        for path in sorted(folds.glob("fold-*.marshal")) if folds else []:
            shutil.copy(path, folder / path.name)
        assemble(parts, folder=folder)
        for n in range(rounds):
            for name in ("baseline", "new") if n % 2 == 0 else ("new", "baseline"):
                for now in (changed, parts):
                    delta.rerun = _noting(codes[name], paths[name], inner[name])
                    gc.collect()
                    start = time.process_time()
                    out = assemble(now, folder=folder)
                    cpu[name].append(time.process_time() - start)
                    if now is changed:
                        shas.setdefault(name, _views_sha(out[0]))
                    out = None
    return {"cpu": cpu, "inner": inner, "paths": paths, "same": shas["baseline"] == shas["new"],
            "peak_mb": _peak_mb()}


def _noting(rerun, paths: list[str], inner: list[float]):
    """``rerun`` noting its path (None: the full path) and its own CPU seconds."""

    def noted(*args, **kwargs):
        start = time.process_time()
        done = rerun(*args, **kwargs)
        inner.append(time.process_time() - start)
        paths.append("full" if done is None else "incremental")
        return done

    return noted


def worker(cache: Path, docs: int, reruns: int, folds: Path | None, counts: bool = False,
           edit: str | None = None) -> dict:
    """Run in one interpreter: clean, then ``reruns`` one-change reruns; return the figures as a dict."""
    from diplograph.graph.pipeline import assemble
    from diplograph.graph.views import delta, to_rdf

    to_rdf.TRIANGLE_COUNTS = counts  # the baseline has no such switch: it always states them
    paths, real = [], delta.rerun

    def noted(*args, **kwargs):  # which path each rerun took (None: the full path)
        done = real(*args, **kwargs)
        paths.append("incremental" if done is not None else "full")
        return done

    delta.rerun = noted

    parts, changed = _parts_and_change(cache, docs, edit)
    with tempfile.TemporaryDirectory(dir=SCRATCH) as tmp:
        folder = Path(tmp) / "views"
        folder.mkdir()
        saved = sorted(folds.glob("fold-*.marshal")) if folds else []
        for path in saved:
            shutil.copy(path, folder / path.name)
        cpu, wall, out = _timed(lambda: assemble(parts, folder=folder))
        if folds and not saved:  # the first run saves the clean folds for the next
            folds.mkdir(parents=True, exist_ok=True)
            for path in folder.glob("fold-*.marshal"):
                shutil.copy(path, folds / path.name)
        result = {"clean_cpu": cpu, "clean_wall": wall, "clean_sha": _views_sha(out[0]), "reruns": []}
        out = None
        for n in range(reruns):
            now = changed if n % 2 == 0 else parts
            del paths[:]
            cpu, wall, out = _timed(lambda: assemble(now, folder=folder))
            result["reruns"].append((cpu, wall))
            result.setdefault("paths", []).extend(paths)
            if n == 0:
                result["rerun_sha"] = _views_sha(out[0])
            out = None
        result["peak_mb"] = _peak_mb()
    return result


def run(python: str, args: argparse.Namespace) -> dict:
    command = [python, __file__, str(args.cache), "--docs", str(args.docs), "--reruns", str(args.reruns),
               "--worker"] + (["--folds", str(args.folds)] if args.folds else []) + \
        (["--triangle-counts"] if args.triangle_counts and python == NEW else []) + \
        (["--edit", args.edit] if args.edit else [])
    env = dict(os.environ)
    if python == BASELINE and args.baseline_path:
        command[0], env["PYTHONPATH"] = NEW, str(args.baseline_path)
    done = subprocess.run(command, capture_output=True, text=True, cwd="/tmp", check=True, env=env)
    return json.loads(done.stdout.strip().splitlines()[-1])


def report(name: str, r: dict) -> None:
    cpu = statistics.median(c for c, _ in r["reruns"])
    wall = statistics.median(w for _, w in r["reruns"])
    print(f"{name:<9}{r['clean_cpu']:>10.2f}{r['clean_wall']:>10.2f}{cpu:>10.2f}{wall:>10.2f}{r['peak_mb']:>9}"
          f"  reruns: {', '.join(f'{c:.2f}' for c, _ in r['reruns'])} CPU s ({', '.join(r.get('paths', []))})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("cache", type=Path, help="a build's .cache folder (read only)")
    parser.add_argument("--docs", type=int, default=999, help="documents in the build (one more is read)")
    parser.add_argument("--reruns", type=int, default=3, help="one-change reruns (median taken)")
    parser.add_argument("--folds", type=Path, help="saved bucket folds to start the clean run from")
    parser.add_argument("--triangle-counts", action="store_true",
                        help="new code: dg:eventCount on overall triangles, as the baseline (bytes compared)")
    parser.add_argument("--baseline-path", type=Path,
                        help="run the baseline with this venv's Python, importing diplograph from this folder")
    parser.add_argument("--edit", help="OLDKEY:DIGEST: the change is this document's digest replaced by an edited "
                        "version's (DIGEST, a .json of another build's cache) instead of another document")
    parser.add_argument("--ab", type=int, metavar="ROUNDS",
                        help="with --baseline-path: the two codes' delta.rerun in turn in one process, ROUNDS rounds")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--only", choices=("new", "baseline"), help="run one code only")
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(worker(args.cache, args.docs, args.reruns, args.folds, args.triangle_counts, args.edit)))
        return
    Path(SCRATCH).mkdir(exist_ok=True)
    if args.ab:
        r = ab_worker(args.cache, args.docs, args.ab, args.folds, args.edit, args.baseline_path)
        print(f"{args.docs} documents from {args.cache}, A/B in one process, {args.ab} rounds (reruns: CPU s)")
        for name in ("baseline", "new"):
            print(f"{name:<9} median {statistics.median(r['cpu'][name]):.2f}: "
                  f"{', '.join(f'{c:.2f}' for c in r['cpu'][name])} ({', '.join(sorted(set(r['paths'][name])))})")
            print(f"{'':<9} of which delta.rerun: median {statistics.median(r['inner'][name]):.2f}")
        ratio = statistics.median(r["cpu"]["baseline"]) / statistics.median(r["cpu"]["new"])
        print(f"ratio baseline/new {ratio:.2f}, views bytes equal {r['same']}, peak MB {r['peak_mb']}")
        return
    if args.folds and not any(args.folds.glob("fold-*.marshal")):  # saved once, untimed, for both codes
        run(NEW, argparse.Namespace(**{**vars(args), "reruns": 0}))
    codes = [c for c in (("baseline", BASELINE), ("new", NEW)) if args.only in (None, c[0])]
    results = {name: run(python, args) for name, python in codes}
    print(f"{args.docs} documents from {args.cache}, {args.reruns} one-change reruns (median)")
    print(f"{'code':<9}{'clean CPU':>10}{'wall':>10}{'rerun CPU':>10}{'wall':>10}{'peak MB':>9}")
    for name, r in results.items():
        report(name, r)
    if len(results) == 2:
        b, n = results["baseline"], results["new"]
        ratio = statistics.median(c for c, _ in b["reruns"]) / statistics.median(c for c, _ in n["reruns"])
        print(f"ratio baseline/new: clean CPU {b['clean_cpu'] / n['clean_cpu']:.2f}, rerun CPU {ratio:.2f}")
        if args.triangle_counts or args.baseline_path:
            print(f"views bytes equal: clean {b['clean_sha'] == n['clean_sha']}, "
                  f"rerun {b['rerun_sha'] == n['rerun_sha']}")


if __name__ == "__main__":
    main()
