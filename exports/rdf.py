"""Stage: rdflib Dataset -> RDF bytes (Turtle, N-Triples, N-Quads, TriG, JSON-LD).

Every RDF format goes through one path: each distinct term is converted once to a pyoxigraph
term (literals cleaned, every IRI checked by ``pyoxigraph.NamedNode``), the triples become sorted,
de-duplicated N-Triples/N-Quads text, and pyoxigraph parses that and writes the format with our
fixed prefixes. rdflib's Turtle writer is not used: it is slow and grows faster than linearly on
large graphs. The output is byte-identical for the same input.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path

import pyoxigraph as ox
import rdflib
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.plugins.stores.memory import Memory
from rdflib.term import BNode, Literal, URIRef

from diplograph.graph.errors import InputError, OutputError
from diplograph.graph.gcpause import paused
from diplograph.ontology.namespace import PREFIXES as _PREFIXES

#: Fixed prefix bindings, in the order of graph/DESIGN.md (owned by the ontology package).
PREFIXES: dict[str, str] = dict(_PREFIXES)

_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_TYPE_FIRST = "<\x01>"  # sorts first; U+0001 is removed from literals and invalid in IRIs
# Control characters (tab, LF, CR kept) and lone surrogates are not allowed in RDF literals.
_UNSAFE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")


def safe_literal_text(text: str) -> str:
    """NFC text without control characters or lone surrogates; whitespace is kept as is.

    >>> safe_literal_text("a\\x00b\\ud800c")
    'abc'
    """
    text = _UNSAFE.sub("", text)
    return unicodedata.normalize("NFC", text)


def named_node(value: str) -> ox.NamedNode:
    """A pyoxigraph NamedNode, or OutputError naming the IRI that is not a valid absolute IRI."""
    try:
        return ox.NamedNode(value)
    except ValueError as exc:
        raise OutputError(f"invalid IRI {value!r}: {exc}") from None


def _literal(term: Literal) -> ox.Literal:
    text = safe_literal_text(str(term))
    if term.language:
        try:
            return ox.Literal(text, language=term.language.lower())
        except ValueError:
            raise OutputError(f"invalid language tag {term.language!r} on {text[:40]!r}") from None
    if term.datatype:
        return ox.Literal(text, datatype=named_node(str(term.datatype)))
    return ox.Literal(text)


def _convert(term) -> object:
    if isinstance(term, URIRef):
        return named_node(str(term))
    if isinstance(term, Literal):
        return _literal(term)
    if isinstance(term, BNode):
        return ox.BlankNode(re.sub(r"[^A-Za-z0-9_]", "_", str(term)) or "b")
    raise OutputError(f"unsupported RDF term {term!r}")


class _Terms:
    """Each distinct term's N-Triples string, converted and checked once.

    Keys are plain strings and tuples: rdflib's own ``__eq__`` and ``__hash__`` are Python code
    and would dominate the export time if its terms were the keys.
    """

    def __init__(self, type_first: bool = False) -> None:
        # With type_first, rdf:type is written as a placeholder that sorts before every IRI.
        self.cache: dict[object, str] = {_RDF_TYPE: _TYPE_FIRST} if type_first else {}

    def nt(self, term) -> str:
        kind = type(term)
        if kind is URIRef:
            key = str(term)
        elif kind is Literal:
            key = (str(term), term.language, str(term.datatype) if term.datatype is not None else None)
        else:
            key = (kind.__name__, str(term))
        found = self.cache.get(key)
        if found is None:
            found = self.cache[key] = str(_convert(term))
        return found


def _store_tables(dataset: rdflib.Dataset):
    """The memory store's per-graph triple sets, or None for another store.

    rdflib's public ``graph.triples()`` also computes each triple's contexts, which costs more
    than everything else here together; its in-memory store already holds a set per graph.
    """
    store = dataset.store
    if type(store) is not Memory:
        return None
    table = getattr(store, "_Memory__contextTriples", None)
    to_str = getattr(store, "_Memory__ctx_to_str", None)
    return (table, to_str) if isinstance(table, dict) and callable(to_str) else None


def _rdflib_graphs(dataset: rdflib.Dataset) -> Iterator[tuple[str, Iterable[tuple]]]:
    tables = _store_tables(dataset)
    for graph in dataset.graphs():
        ident = graph.identifier
        key = "" if ident == DATASET_DEFAULT_GRAPH_ID else str(ident)
        if tables:
            yield key, tables[0].get(tables[1](graph), ())
        else:
            yield key, graph.triples((None, None, None))


def graph_lines(dataset: rdflib.Dataset, *, quads: bool = True, type_first: bool = False) -> dict[str, list[str]]:
    """Each graph's N-Quads lines (N-Triples lines when ``quads`` is False), keyed by graph IRI.

    The key "" is the default graph. Lines are neither sorted nor de-duplicated; with
    ``type_first`` rdf:type is a placeholder (see :func:`_sorted`).
    """
    nt, graphs = _Terms(type_first).nt, {}
    for key, triples in _rdflib_graphs(dataset):
        tail = f" {named_node(key)} .\n" if key and quads else " .\n"
        graphs.setdefault(key, []).extend(f"{nt(s)} {nt(p)} {nt(o)}{tail}" for s, p, o in triples)
    return {k: v for k, v in sorted(graphs.items()) if v}


def union_lines(dataset: rdflib.Dataset, *, type_first: bool = False) -> list[str]:
    """N-Triples lines of the union of all graphs (read from rdflib's subject index when possible)."""
    spo = getattr(dataset.store, "_Memory__spo", None) if _store_tables(dataset) else None
    if not isinstance(spo, dict):
        graphs = graph_lines(dataset, quads=False, type_first=type_first)
        return [line for lines in graphs.values() for line in lines]
    nt, lines = _Terms(type_first).nt, []
    for s, pos in spo.items():
        subject = nt(s) + " "
        for p, objects in pos.items():
            head = subject + nt(p) + " "
            lines.extend(head + nt(o) + " .\n" for o in objects)
    return lines


def _sorted(lines: list[str], *, type_first: bool = False) -> bytes:
    """Distinct lines sorted as text, as UTF-8; the rdf:type placeholder (sorted first, so that
    Turtle writes ``a`` first for each subject) is put back."""
    text = "".join(sorted(set(lines)))
    return (text.replace(_TYPE_FIRST, f"<{_RDF_TYPE}>") if type_first else text).encode("utf-8")


def _prefix_header() -> bytes:
    return "".join(f"@prefix {p}: <{iri}> .\n" for p, iri in PREFIXES.items()).encode()


def _body(data: bytes) -> bytes:
    """Drop pyoxigraph's own @prefix lines (their order is not ours)."""
    lines = data.split(b"\n")
    start = 0
    while start < len(lines) and lines[start].startswith(b"@prefix "):
        start += 1
    return b"\n".join(lines[start:])


@paused()
def to_turtle(dataset: rdflib.Dataset) -> bytes:
    """Turtle with the fixed prefixes: one block per graph (default graph first, then named graphs in IRI
    order), each under a ``# graph <iri>`` comment; the same bytes as a build's graph.ttl (graph/turtle.py)."""
    from diplograph.graph import turtle

    out = [turtle.header()]
    for key, lines in graph_lines(dataset).items():
        block = turtle.block(_sorted(lines), quads=bool(key))
        out.append(turtle.graph_comment(key) + block)
    return b"".join(out)


@paused()
def to_trig(dataset: rdflib.Dataset) -> bytes:
    """TriG with one named graph per document (and one for the views), graphs in IRI order."""
    graphs = graph_lines(dataset, type_first=True)
    text = b"".join(_sorted(lines, type_first=True) for lines in graphs.values())
    data = ox.serialize(ox.parse(text, format=ox.RdfFormat.N_QUADS), format=ox.RdfFormat.TRIG, prefixes=PREFIXES)
    return _prefix_header() + b"\n" + _body(data)


@paused()
def to_ntriples(dataset: rdflib.Dataset) -> bytes:
    """The union graph as sorted, de-duplicated N-Triples lines."""
    return _sorted(union_lines(dataset))


@paused()
def to_nquads(dataset: rdflib.Dataset) -> bytes:
    """Every quad, graph by graph (default graph first, then named graphs in IRI order), each graph's lines
    sorted and distinct: the same bytes as a build's graph.nq.gz once decompressed."""
    return b"".join(_sorted(lines) for lines in graph_lines(dataset).values())


def to_jsonld(dataset: rdflib.Dataset) -> bytes:
    """JSON-LD (named graphs kept) compacted with an @context built from the fixed prefixes."""
    clean = rdflib.Dataset()
    clean.parse(data=to_nquads(dataset), format="nquads")
    text = clean.serialize(format="json-ld", context=dict(PREFIXES), auto_compact=True)
    return (json.dumps(_canonical(json.loads(text)), ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode()


def _canonical(value):
    """Sort every JSON-LD array (node lists and value sets are unordered), recursively."""
    if isinstance(value, dict):  # "@list" arrays are ordered: keep them as they are
        return {k: (v if k == "@list" else _canonical(v)) for k, v in value.items()}
    if isinstance(value, list):
        items = [_canonical(v) for v in value]
        return sorted(items, key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
    return value


def read_dataset(data: bytes | str, fmt: str) -> rdflib.Dataset:
    """Parse N-Quads/TriG/Turtle/N-Triples bytes into a Dataset(default_union=True)."""
    ds = rdflib.Dataset(default_union=True)
    ds.parse(data=data, format=fmt)
    return ds


def built_bytes(out: Path, fmt: str) -> bytes | None:
    """A finished build's own Turtle (``ttl``) or N-Quads (``nq``): the bytes ``render`` would give for
    ``load_build(out)``, read instead of converted (a corpus of millions of triples exports at once).

    None when ``out`` holds no finished build (graph.ttl, graph.nq.gz and manifest.json) or another format
    is asked; then the caller converts.
    """
    import gzip
    import zlib

    if fmt not in ("ttl", "nq") or not all((out / n).is_file() for n in ("graph.ttl", "graph.nq.gz", "manifest.json")):
        return None
    try:
        return (out / "graph.ttl").read_bytes() if fmt == "ttl" else gzip.decompress((out / "graph.nq.gz").read_bytes())
    except (OSError, EOFError, zlib.error):
        return None  # a damaged file: the converting path names it


def load_build(out: Path) -> rdflib.Dataset:
    """The Dataset of a build folder: OUT/graph.nq.gz (named graphs) if present, else graph.nq or graph.ttl."""
    import gzip

    for name, fmt in (("graph.nq.gz", "nquads"), ("graph.nq", "nquads"), ("graph.ttl", "turtle")):
        path = out / name
        if path.is_file():
            try:
                data = gzip.decompress(path.read_bytes()) if name.endswith(".gz") else path.read_bytes()
                return read_dataset(data, fmt)
            except Exception as exc:  # rdflib and gzip raise many exception types
                raise InputError(f"{path}: cannot parse {fmt}: {str(exc).splitlines()[0] if str(exc) else exc!r}") from None
    raise InputError(f"{out}: no graph.nq.gz or graph.ttl (run `diplograph build` first)")
