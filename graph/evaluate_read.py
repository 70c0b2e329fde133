"""The scorer's inputs (graph/evaluate.py): gold files, and what it reads of a graph, by local name.

A graph is read through the core vocabulary by local name, whatever the namespace, so any RDF extractor can
be scored: its typed nodes with their labels (folded: case, punctuation and a leading "the"), its documents,
its facts, its dyads and its triangles (:class:`GraphContent`).
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import RDF, Dataset, Literal

from diplograph.graph.errors import InputError

TYPES = ("State", "Official", "Organization", "Agreement")
DOC_TYPES = ("Document", "NewsArticle", "Article")
LABELS = ("label", "prefLabel", "altLabel", "name")
FACTS = ("officialOf", "roleTitle", "memberOf", "partyTo", "signed", "met", "withdrawsFrom",
         "joins", "criticizes", "supports", "cites")


FORMATS = {".ttl": "turtle", ".trig": "trig", ".nt": "nt", ".nq": "nquads", ".jsonld": "json-ld",
           ".json": "json-ld", ".rdf": "xml", ".owl": "xml"}


@dataclass(frozen=True)
class GraphContent:
    """What the scorer reads from a graph: typed nodes, documents, facts and the views."""

    types: dict = field(default_factory=dict)  # node -> tuple of core types, in TYPES order
    labels: dict = field(default_factory=dict)  # node -> frozenset of folded labels
    docs: frozenset = frozenset()
    facts: frozenset = frozenset()  # (s, local predicate, o) with rdflib terms
    dyads: tuple = ()  # (frozenset of 2 nodes, sign)
    triangles: tuple = ()  # (frozenset of 3 nodes, class, pivot node or None)


def local(term: object) -> str:
    """Local name of an IRI: what follows the last ``#``, ``/`` or ``:``."""
    return re.split(r"[#/:]", str(term))[-1]


def fold(text: object) -> str:
    """Compare labels loosely: ASCII-fold, lower-case, drop a leading "the" and all punctuation.

    >>> fold("The U.S.")
    'us'
    """
    ascii_text = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "", re.sub(r"^the\s+", "", ascii_text.strip().lower()))


def load_gold(path: str | Path) -> dict:
    """Read and check one gold JSON file.

    Raises:
        InputError: Not JSON, or missing ``doc_id``/``entities``/``facts``.
    """
    try:
        gold = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    except ValueError as exc:
        raise InputError(f"{path}: not valid JSON ({exc})") from None
    missing = [k for k in ("doc_id", "entities", "facts") if not isinstance(gold, dict) or k not in gold]
    if missing:
        raise InputError(f"{path}: not a gold file (missing {', '.join(missing)})")
    return gold


def load_graph(*paths: str | Path) -> Dataset:
    """Parse RDF files (format from the extension) into one union Dataset.

    Raises:
        InputError: A file is missing or does not parse.
    """
    ds = Dataset(default_union=True)
    for p in paths:
        if not Path(p).is_file():
            raise InputError(f"{p}: no such graph file")
        try:
            ds.parse(str(p), format=FORMATS.get(Path(p).suffix.lower(), "turtle"))
        except Exception as exc:  # rdflib raises many unrelated types for bad syntax
            raise InputError(f"{p}: cannot parse as RDF ({type(exc).__name__})") from None
    return ds


def read_content(g: Dataset) -> GraphContent:
    """Collect typed nodes, labels, facts, dyads and triangles from ``g`` by local name."""
    types: dict = {}
    docs = set()
    for s, o in g.subject_objects(RDF.type):
        name = local(o)
        if name in TYPES:
            types.setdefault(s, set()).add(name)
        elif name in DOC_TYPES:
            docs.add(s)
    labels: dict = {}
    facts = set()
    for s, p, o in g.triples((None, None, None)):
        name = local(p)
        if name in LABELS and isinstance(o, Literal) and s in types:
            labels.setdefault(s, set()).add(fold(o))
        if name in FACTS:
            facts.add((s, name, o))
    ordered = {n: tuple(t for t in TYPES if t in ts) for n, ts in types.items()}
    return GraphContent(ordered, {n: frozenset(v) for n, v in labels.items()}, frozenset(docs),
                        frozenset(facts), *_views(g))


def _views(g: Dataset) -> tuple[tuple, tuple]:
    dyads, triangles = [], []
    for node, cls in sorted(g.subject_objects(RDF.type)):
        members = [m for p, m in g.predicate_objects(node) if local(p) == "member"]
        props = {local(p): v for p, v in sorted(g.predicate_objects(node))}
        if local(cls) == "Dyad" and len(members) == 2:
            dyads.append((frozenset(members), str(props.get("sign", ""))))
        if local(cls) == "Triangle" and len(members) == 3:
            triangles.append((frozenset(members), str(props.get("triangleClass", "")), props.get("pivot")))
    return tuple(dyads), tuple(triangles)
