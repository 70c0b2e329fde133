"""Start-up cost of a one-document rerun: the CLI's imports and the extractor's start, baseline against now.

Three measures, each in fresh processes, medians of ``--runs``, the two code versions interleaved:

- ``import``: ``import diplograph.graph.cli`` (what every command pays before doing anything);
- ``start``: what a build imports (the CLI, the build command, the pipeline) and then the extractor's
  start for its first document (``executor.init_worker``: gazetteer, spaCy, tokenizer, matchers);
  ``start-cold`` is the same with an empty phrase cache (graph/extract/phrasecache.py);
- ``rerun``: ``diplograph build CORPUS --no-store --no-html --workers 2`` after one document of a small
  generated corpus changed: the fixed costs plus one small document, as at 10,000 documents.

CPU is the children's user+system time (resource.getrusage). The baseline is a tree of the code to compare
against, exported with ``git archive HEAD | tar -x -C DIR``; it runs through a folder of links put first
on PYTHONPATH. The phrase cache lives in a temporary $XDG_CACHE_HOME, warmed before the runs.

Usage: python bench/startup_bench.py --baseline /tmp/head [--runs 3] [--docs 20]
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

ROOT = Path(__file__).resolve().parent.parent
START = """
import json, time
t = time.process_time()
import diplograph.graph.cli, diplograph.graph.cli.build, diplograph.graph.pipeline, diplograph.graph.executor
i = time.process_time()
from diplograph.ontology import gazetteer
gazetteer.load()
diplograph.graph.executor.init_worker()
print(json.dumps({"imports": i - t, "extractor": time.process_time() - i}))
"""


def shim(tree: Path, where: Path) -> Path:
    """A folder holding ``diplograph/{graph,ontology,exports}`` as links into ``tree``."""
    pkg = where / "diplograph"
    pkg.mkdir(parents=True)
    for name in ("graph", "ontology", "exports"):
        (pkg / name).symlink_to(tree / name)
    return where


def timed(cmd: list[str], env: dict) -> tuple[float, float, str]:
    """Wall seconds, CPU seconds of the child and its stdout."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    wall = time.perf_counter()
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, check=True)
    wall = time.perf_counter() - wall
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime, done.stdout


def touch(path: Path, n: int) -> None:
    """Change the document: a new last line, so that its cache key is new each time."""
    text = path.read_text(encoding="utf-8").split("\n# run ")[0]
    path.write_text(f"{text}\n# run {n}\n", encoding="utf-8")


def measure(name: str, env: dict, work: Path, run: int, cold_cache: Path) -> dict[str, float]:
    py = sys.executable
    out: dict[str, float] = {}
    out["import wall"], out["import cpu"], _ = timed([py, "-c", "import diplograph.graph.cli"], env)
    _, _, text = timed([py, "-c", START], env)
    out.update({f"start {k}": v for k, v in json.loads(text).items()})
    shutil.rmtree(cold_cache, ignore_errors=True)
    _, _, text = timed([py, "-c", START], dict(env, XDG_CACHE_HOME=str(cold_cache)))
    out["start-cold extractor"] = json.loads(text)["extractor"]
    touch(work / "corpus" / "article-00003.txt", run)
    out["rerun wall"], out["rerun cpu"], _ = timed(
        [py, "-c", "from diplograph.graph.cli import main; main()", "build", str(work / "corpus"), "--out",
         str(work / f"out-{name}"), "--no-store", "--no-html", "--workers", "2", "--no-progress"], env)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", type=Path, required=True, help="Exported tree of the baseline code.")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--docs", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="startup-bench-") as tmp:
        work = Path(tmp)
        base_env = dict(os.environ, XDG_CACHE_HOME=str(work / "xdg"))
        envs = {"baseline": dict(base_env, PYTHONPATH=str(shim(args.baseline.resolve(), work / "shim"))),
                "now": base_env}
        subprocess.run([sys.executable, str(ROOT / "bench" / "gen_corpus.py"), "--count", str(args.docs),
                        "--out", str(work / "corpus")], check=True, capture_output=True)
        corpus = sorted((work / "corpus").rglob("*.txt"))
        for path in corpus:  # one flat folder, so the changed document has a fixed name
            path.rename(work / "corpus" / path.name)
        results: dict[str, list[dict[str, float]]] = {name: [] for name in envs}
        for name, env in envs.items():  # the first builds fill the document and phrase caches
            measure(name, env, work, 0, work / "cold")
        for run in range(1, args.runs + 1):
            for name, env in envs.items():
                results[name].append(measure(name, env, work, run, work / "cold"))
        report(results)


def report(results: dict[str, list[dict[str, float]]]) -> None:
    keys = list(results["now"][0])
    print(f"{'median of ' + str(len(results['now'])):24} {'baseline':>9} {'now':>9} {'ratio':>7}")
    for key in keys:
        base, now = (statistics.median(r[key] for r in results[n]) for n in ("baseline", "now"))
        print(f"{key:24} {base:9.2f} {now:9.2f} {now / base if base else float('nan'):7.2f}")


if __name__ == "__main__":
    main()
