"""Fuzz campaign: hypothesis at scale over the document reader, the extractor and the Turtle export.

Three targets, run in turn until the time budget is spent:

* ``reader``: arbitrary bytes (with BOMs, NULs, magic numbers, CR/LF, front matter) into ``parse_document``;
  the only exception allowed is ``InputError``, and the text must hold no ``\\r`` nor a BOM.
* ``extract``: arbitrary Unicode and adversarial names in a template sentence into ``extract``; every
  mention's offsets must slice back to its text.
* ``turtle``: the extraction through ``to_rdf`` and the Turtle and N-Quads exporters; the output must parse
  back in rdflib and pyoxigraph to the same number of quads.

A failing input does not stop the campaign: it is recorded (one line per distinct exception site) and the
search goes on. Hypothesis gets a fresh seed every round, so rounds do not repeat one another.

Usage::

    python bench/fuzz.py --minutes 10 --out bench/out/fuzz.json

Prints, per target, the number of inputs tried and the distinct failures found.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
import traceback
from collections import Counter
from pathlib import Path

from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

from diplograph.graph.errors import InputError
from diplograph.graph.extract import extract
from diplograph.graph.extract.documents import parse_document
from diplograph.graph.model import Document

TEMPLATES = ("President {a} of Russia met {b} in Beijing.",
             "{a} and {b} signed a treaty on friendship in Moscow on June 14, 2002.",
             "Foreign Minister {a} said China would oppose {b}.")
# Lone surrogates cannot come out of decoded bytes, so the extractor's targets leave them out (see the report).
UNICODE = st.characters(blacklist_categories=("Cs",))
NAMES = st.one_of(
    st.text(UNICODE, max_size=40),
    st.sampled_from(["Vladimir Putin", "Jiang Zemin", "<script>alert(1)</script>", "\"quoted\" > 'x'",
                     "a\u0000b", "\u202eevil", "O'Brien & Sons", "\\u0022", "<http://x> .", "@prefix",
                     "Владимир Путин", "习近平", "ﷺ", "e\u0301", "\ufeff", "\r\n", "\u2028", "%2F../"]),
)
PREFIXES = st.sampled_from([b"", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\x89PNG", b"---\n", b"---\ndate: x\n---\n",
                            b"Publication: Monitor Volume: 8 Issue: 7\n", b"\x00", b"\r\n"])

STATS: Counter = Counter()
FAILURES: dict[str, dict] = {}
_GAZ: list = []


def gazetteer():
    if not _GAZ:
        from diplograph.ontology import gazetteer as g

        _GAZ.append(g.load())
    return _GAZ[0]


def record(target: str, payload: object) -> None:
    """Remember one unexpected exception, keyed by its type and innermost diplograph frame."""
    kind, _, tb_obj = sys.exc_info()
    tb = traceback.extract_tb(tb_obj)
    ours = [f for f in tb if "diplograph" in f.filename or "/work/main/" in f.filename] or tb
    site = f"{target}: {kind.__name__} at {ours[-1].filename}:{ours[-1].lineno}"
    STATS[target + ":failures"] += 1
    if site not in FAILURES:
        FAILURES[site] = {"example": repr(payload)[:400], "error": traceback.format_exc(limit=3)[-800:]}


def check_reader(raw: bytes) -> None:
    STATS["reader"] += 1
    try:
        doc = parse_document(raw, doc_id="fuzz", path="fuzz.txt")
    except InputError:
        return
    except Exception:  # noqa: BLE001 - the campaign records every unexpected exception
        record("reader", raw)
        return
    if "\r" in doc.text or doc.text.startswith("\ufeff") or not doc.text.strip():
        try:
            raise AssertionError("reader kept a CR, a BOM or an empty text")
        except AssertionError:
            record("reader", raw)


def _extraction(text: str):
    doc = Document(id="fuzz", text=text)
    ex = extract(doc, gazetteer())
    for m in ex.mentions:
        assert text[m.start:m.end] == m.text, (m.start, m.end, m.text)
    return ex


def check_extract(text: str) -> None:
    STATS["extract"] += 1
    try:
        _extraction(text)
    except Exception:  # noqa: BLE001
        record("extract", text)


def check_turtle(text: str) -> None:
    import pyoxigraph as ox
    import rdflib

    from diplograph.graph.rdf import to_nquads as graph_nquads
    from diplograph.graph.merge import turtle

    STATS["turtle"] += 1
    try:
        nq = graph_nquads(_extraction(text), gazetteer())
        lines = [line for line in nq.splitlines() if line]
        ttl = turtle(sorted(lines))
        n_ttl = len(rdflib.Graph().parse(data=ttl.decode("utf-8"), format="turtle"))
        n_ox = len(list(ox.parse(ttl, format=ox.RdfFormat.TURTLE)))
        n_nq = len(list(ox.parse(nq, format=ox.RdfFormat.N_QUADS)))
        assert n_ttl == n_ox and n_nq >= n_ox, (n_ttl, n_ox, n_nq)
    except Exception:  # noqa: BLE001
        record("turtle", text)


def _sentences():
    return st.tuples(st.sampled_from(TEMPLATES), NAMES, NAMES).map(lambda t: t[0].format(a=t[1], b=t[2]))


TEXTS = st.one_of(st.text(UNICODE, max_size=300), _sentences(), st.lists(_sentences(), max_size=4).map(" ".join))
RAW = st.one_of(st.binary(max_size=400), st.tuples(PREFIXES, TEXTS, st.sampled_from(["utf-8", "utf-16", "cp1251",
                                                                                    "latin-1"]))
                .map(lambda t: t[0] + t[1].encode(t[2], errors="replace")))


def run_round(target: str, examples: int, round_seed: int) -> None:
    """One hypothesis run of ``examples`` inputs on a target."""
    fn, strategy = {"reader": (check_reader, RAW), "extract": (check_extract, TEXTS),
                    "turtle": (check_turtle, TEXTS)}[target]

    @seed(round_seed)
    @settings(max_examples=examples, deadline=None, database=None, derandomize=False,
              suppress_health_check=list(HealthCheck))
    @given(strategy)
    def prop(value):
        fn(value)

    prop()


def campaign(seconds: float, examples: int = 200) -> dict:
    """Run rounds over the three targets until ``seconds`` have passed; return the report."""
    start, rng = time.monotonic(), random.Random(20261129)
    rounds = 0
    while time.monotonic() - start < seconds:
        for target in ("reader", "extract", "turtle"):
            run_round(target, examples * (5 if target == "reader" else 1), rng.randrange(2**32))
        rounds += 1
        print(f"[{time.monotonic() - start:7.0f}s] round {rounds}: "
              + "  ".join(f"{k}={v}" for k, v in sorted(STATS.items())), flush=True)
    return {"seconds": round(time.monotonic() - start), "rounds": rounds, "inputs": dict(sorted(STATS.items())),
            "distinct_failures": len(FAILURES), "failures": FAILURES}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--minutes", type=float, default=10.0)
    ap.add_argument("--examples", type=int, default=200, help="Inputs per hypothesis round and target.")
    ap.add_argument("--out", type=Path, default=None, help="Write the JSON report here.")
    args = ap.parse_args()
    report = campaign(args.minutes * 60, args.examples)
    text = json.dumps(report, indent=2, ensure_ascii=False, sort_keys=True)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text + "\n", encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
