"""How dense a built corpus is: events per 1,000 words, quads per word, actors per article.

Reads a build's ``graph.nq.gz`` (one named graph per document) and counts the words of its inputs; used to
calibrate bench/gen_corpus.py's realistic profile against real texts built by diplograph.

Usage: python bench/corpus_density.py OUT/graph.nq.gz INPUT_FOLDER
"""

from __future__ import annotations

import argparse
import gzip
from collections import Counter, defaultdict
from pathlib import Path

DG = "https://w3id.org/diplograph/ontology#"
TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
KINDS = {f"<{DG}{k}>": k for k in ("Event", "State", "Official")}


def density(nquads: Path) -> tuple[Counter, dict[str, Counter]]:
    """Quads per document graph, and per document the number of nodes typed Event, State and Official."""
    quads: Counter = Counter()
    kinds: dict[str, Counter] = defaultdict(Counter)
    with gzip.open(nquads, "rt", encoding="utf-8") as fh:
        for line in fh:
            head, graph, _ = line.rsplit(" ", 2)
            if not graph.startswith("<") or "/id/doc/" not in graph:
                continue  # the default graph's lines, or the views graph
            quads[graph] += 1
            _, predicate, rest = head.split(" ", 2)
            if predicate == TYPE and rest in KINDS:
                kinds[graph][KINDS[rest]] += 1
    return quads, kinds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("nquads", type=Path)
    parser.add_argument("inputs", type=Path)
    args = parser.parse_args()
    quads, kinds = density(args.nquads)
    words = sum(len(p.read_text(encoding="utf-8").split()) for p in args.inputs.rglob("*")
                if p.suffix in (".txt", ".md"))
    docs = len(quads)
    events = sum(k["Event"] for k in kinds.values())
    print(f"{docs} documents, {words:,} words ({words / docs:.0f} a document)")
    print(f"events per 1,000 words {1000 * events / words:.1f}; quads per word {sum(quads.values()) / words:.2f}")
    for kind in ("State", "Official"):
        each = sorted(k[kind] for k in kinds.values())
        print(f"{kind.lower()}s per document: mean {sum(each) / docs:.1f}, median {each[docs // 2]}, "
              f"range {each[0]}-{each[-1]}")


if __name__ == "__main__":
    main()
