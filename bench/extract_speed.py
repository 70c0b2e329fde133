"""Words per second: spaCy's blank English tokenizer (baseline), the extractor, the whole build.

usage: python bench/extract_speed.py [--words 200000] [--runs 5] [--doc-words N] [--no-build]

Two texts of about ``--words`` words: the customer's example repeated, and generated sentences
(seeded, so every run reads the same text), as one document or, with ``--doc-words``, cut at
paragraph ends into documents of about N words. For each, the median of ``--runs`` runs of

* baseline: ``spacy.blank("en")`` tokenizing the text;
* extractor: ``diplograph.graph.extract.extract`` on the already-read document (gazetteer loaded once);
* build: ``diplograph.graph.pipeline.build`` from the file to a temporary output folder,

printed as words per second and as a ratio to the baseline (how many times slower). A stage
that fails is reported with its error and the bench goes on.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

import spacy

from diplograph.graph.extract import extract
from diplograph.graph.extract.documents import parse_document
from diplograph.graph.pipeline import build
from diplograph.ontology import gazetteer as gazetteer_mod

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "monitor-8-7.txt"
ACTORS = ("Russia", "China", "the United States", "France", "Germany", "Japan", "India", "Iran", "NATO",
          "the European Union", "President Vladimir Putin", "Foreign Minister Igor Ivanov", "Beijing", "Moscow")
VERBS = ("met", "criticized", "praised", "signed an agreement with", "held talks with", "warned",
         "accused", "agreed to cooperate with", "rejected the proposal of", "visited")
FILLER = ("officials said", "according to reports", "on Monday", "last week", "in a statement",
          "after months of tension", "during the summit", "amid growing concern")


def repeated_example(words: int) -> str:
    """The example's body repeated (as paragraphs) to about ``words`` words, under its header."""
    text = EXAMPLE.read_text(encoding="utf-8")
    header, body = text.split("\n\n", 1)
    copies = max(1, round(words / len(body.split())))
    return header + "\n\n" + "\n\n".join([body.strip()] * copies) + "\n"


def generated(words: int, seed: int = 7) -> str:
    """Seeded news-like sentences over common actors and verbs, about ``words`` words."""
    rng = random.Random(seed)
    sentences, count = [], 0
    while count < words:
        s = f"{rng.choice(ACTORS)} {rng.choice(VERBS)} {rng.choice(ACTORS)} {rng.choice(FILLER)}."
        sentences.append(s[0].upper() + s[1:])
        count += len(s.split())
    paragraphs = [" ".join(sentences[i:i + 6]) for i in range(0, len(sentences), 6)]
    return "\n\n".join(paragraphs) + "\n"


def median_seconds(fn: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def split(text: str, doc_words: int | None) -> list[str]:
    """The text cut at paragraph ends into pieces of about ``doc_words`` words (whole if None)."""
    if not doc_words:
        return [text]
    pieces, current, count = [], [], 0
    for para in text.split("\n\n"):
        current.append(para)
        count += len(para.split())
        if count >= doc_words:
            pieces.append("\n\n".join(current) + "\n")
            current, count = [], 0
    return pieces + (["\n\n".join(current) + "\n"] if current else [])


def _timed(fn: Callable[[], object], runs: int) -> float | str:
    try:
        return median_seconds(fn, runs)
    except Exception as exc:  # a bench reports a failing stage and goes on
        return f"failed ({type(exc).__name__}: {str(exc)[:100]})"


def measure(name: str, texts: list[str], runs: int, with_build: bool, gaz) -> list[str]:
    """Time the three stages on ``texts`` (one document each); lines of the report."""
    words = sum(len(t.split()) for t in texts)
    nlp = spacy.blank("en")
    nlp.max_length = max([nlp.max_length] + [len(t) + 1 for t in texts])
    documents = [parse_document(t.encode("utf-8"), doc_id=f"{name}-{i}", date="2002-01-07")
                 for i, t in enumerate(texts)]
    timings = {"baseline (spaCy tokenizer)": _timed(lambda: [nlp.make_doc(t) for t in texts], runs),
               "extractor": _timed(lambda: [extract(d, gaz) for d in documents], runs)}
    if with_build:
        with tempfile.TemporaryDirectory() as tmp:
            paths = [Path(tmp) / f"{name}-{i:03d}.txt" for i in range(len(texts))]
            for path, text in zip(paths, texts):
                path.write_text(text, encoding="utf-8")
            timings["build (whole pipeline)"] = _timed(
                lambda: build(paths, Path(tmp) / "out", date="2002-01-07", cache=False), runs)
    base = timings["baseline (spaCy tokenizer)"]
    lines = [f"{name}: {words} words in {len(texts)} document(s), median of {runs} runs"]
    for stage, seconds in timings.items():
        if isinstance(seconds, str):
            lines.append(f"  {stage:28} {seconds}")
        else:
            lines.append(f"  {stage:28} {seconds:8.3f} s  {words / seconds:12,.0f} words/s  x{seconds / base:8.1f}")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=200_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--doc-words", type=int, default=None, help="Cut the text into documents of N words.")
    parser.add_argument("--no-build", action="store_true", help="Skip timing the whole build.")
    parser.add_argument("--texts", default="example,generated", help="Which texts, comma-separated.")
    args = parser.parse_args(argv)
    gaz = gazetteer_mod.load()
    extract(parse_document(b"Russia and China met.", doc_id="warm-up"), gaz)  # first-call set-up is not speed
    makers = {"example": ("example-repeated", repeated_example), "generated": ("generated", generated)}
    for name, make in (makers[key] for key in args.texts.split(",")):
        text = make(args.words)
        print("\n".join(measure(name, split(text, args.doc_words), args.runs, not args.no_build, gaz)), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
