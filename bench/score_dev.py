"""Build the development texts and score them, with our ``eval`` and with the reference scorer.

usage: python bench/score_dev.py [--shared ../shared] [--out bench/out/dev] [--details]

Builds each text of ``SHARED/gold/dev`` (plus the customer's example and the AFP Gigaword sample)
into ``OUT/<doc_id>/`` with the gold's ``published`` date as the build's date (several dev texts
carry none), then prints our table (``diplograph eval``) and ``SHARED/gold/score_set.py``'s lines,
and whether the two micro-averages agree. Needs ../shared (developers and CI have it).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from diplograph.graph.cli.evaluate import render_text
from diplograph.graph.evaluate import evaluate
from diplograph.graph.pipeline import build

ROOT = Path(__file__).resolve().parents[1]
EXTRA = ("monitor-8-7.json", "gigaword-afp-2008-08-06-france-rwanda.json")


def gold_files(shared: Path) -> list[Path]:
    """The dev set's gold files, then the two extra ones beside it."""
    gold = shared / "gold"
    return sorted((gold / "dev").glob("*.json")) + [gold / name for name in EXTRA]


def build_all(golds: list[Path], out: Path) -> list[str]:
    """Build each gold's text into ``out/<doc_id>``; return a line per document (or its failure)."""
    lines = []
    for path in golds:
        gold = json.loads(path.read_text(encoding="utf-8"))
        text, target = path.parent / gold["text_file"], out / gold["doc_id"]
        start = time.perf_counter()
        try:
            result = build([text], target, date=gold.get("published"), html=False, store=False)
            summary = result.summary()
            lines.append(f"built {gold['doc_id']:40} {time.perf_counter() - start:5.2f} s  "
                         f"entities {sum(summary['entities'].values()):3}  facts {summary['facts']:3}  "
                         f"events {summary['events']:3}")
        except Exception as exc:  # a bench reports a failing document and goes on
            lines.append(f"FAILED {gold['doc_id']}: {type(exc).__name__}: {exc}")
    return lines


def reference_scores(shared: Path, golds: list[Path], out: Path) -> tuple[str, dict]:
    """Run score_set.py over the gold files (linked into one temporary folder); its output and summary."""
    with tempfile.TemporaryDirectory() as tmp:
        for path in golds:
            (Path(tmp) / path.name).symlink_to(path.resolve())
        run = subprocess.run([sys.executable, str(shared / "gold" / "score_set.py"), tmp, str(out)],
                             capture_output=True, text=True)
    if run.returncode:
        raise SystemExit(f"score_set.py failed:\n{run.stderr}")
    return run.stdout, json.loads((out / "summary.json").read_text())


def agree(ours: dict, theirs: dict) -> bool:
    """Whether our micro-average equals score_set.py's summary."""
    same = all(abs(ours[k][m] - v) < 1e-9 for k in ("entities", "facts")
               for m, v in zip(("precision", "recall", "f1"), theirs[k]))
    return same and [ours["dyads"]["right"], ours["dyads"]["of"]] == theirs["dyads"] \
        and [ours["triangles"]["right"], ours["triangles"]["of"]] == theirs["triangles"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "dev")
    parser.add_argument("--details", action="store_true", help="List missed and spurious facts per document.")
    args = parser.parse_args(argv)
    if not (args.shared / "gold" / "score_set.py").is_file():
        parser.error(f"{args.shared}: no gold/score_set.py there (pass --shared)")
    golds = gold_files(args.shared)
    args.out.mkdir(parents=True, exist_ok=True)
    print("\n".join(build_all(golds, args.out)))
    report = evaluate(golds, out_dir=args.out)
    print("\n== diplograph eval\n" + render_text(report, details=args.details), end="")
    stdout, summary = reference_scores(args.shared, golds, args.out)
    print("\n== score_set.py\n" + stdout, end="")
    print(f"\nmicro-averages agree: {'yes' if agree(report['micro'], summary) else 'NO'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
