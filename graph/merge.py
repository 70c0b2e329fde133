"""The corpus merge without rdflib: per-document N-Quads in, graph.nq / graph.ttl bytes and counts out.

rdflib's in-memory Dataset costs about 2 KB and 0.1-0.2 ms per quad to load, which dominates a build of
thousands of documents. Every document's graph is already sorted N-Quads written by pyoxigraph, so the
merge works on those lines: the union is a sort, the views are read by ``load_graph`` from a temporary
N-Quads file, and Turtle is written by pyoxigraph from the union's triples streamed in Turtle order.
The bytes are the same as ``exports.registry.render("nq"|"ttl", dataset)`` on the rdflib Dataset of the
same quads (``tests/test_pipeline_incremental.py`` checks it).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

import pyoxigraph as ox

from diplograph.graph.iri import ID, ONTOLOGY

RDF_TYPE = b"<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
VIEWS_GRAPH = ID + "graph/views"
_TYPE_KEY = b"\x00"
_CORE = tuple(f"<{ONTOLOGY}{k}>".encode() for k in ("State", "Official", "Organization", "Agreement"))
_FACTS = frozenset(f"<{ONTOLOGY}{p}>".encode() for p in (
    "officialOf", "roleTitle", "memberOf", "partyTo", "signed", "met", "withdrawsFrom", "joins", "criticizes",
    "supports", "cites"))
_EVENT = f"<{ONTOLOGY}Event>".encode()


def split_quad(line: bytes) -> tuple[bytes, bytes, bytes, bytes]:
    """Subject, predicate, object and graph of one N-Quads line as written by pyoxigraph.

    >>> split_quad(b'<a:s> <a:p> "x y" <a:g> .')
    (b'<a:s>', b'<a:p>', b'"x y"', b'<a:g>')
    """
    body = line[:-2] if line.endswith(b" .") else line
    i = body.index(b" ")
    j = body.index(b" ", i + 1)
    k = body.rindex(b" ")
    return body[:i], body[i + 1:j], body[j + 1:k], body[k + 1:]


def union_lines(parts: Iterable[bytes]) -> list[bytes]:
    """The sorted, de-duplicated N-Quads lines of several N-Quads texts."""
    lines: set[bytes] = set()
    for part in parts:
        lines.update(line for line in part.split(b"\n") if line)
    return sorted(lines)


def nquads(lines: list[bytes]) -> bytes:
    return b"".join(line + b"\n" for line in lines)


def _triple_key(line: bytes, type_p: bytes = b" " + RDF_TYPE + b" ") -> bytes:
    """``s p o`` of an N-Quads line, with rdf:type replaced by a byte that sorts before any IRI."""
    end = line.rindex(b" ", 0, len(line) - 2)  # the graph name: an IRI, so no space inside it
    i = line.index(b" ")  # the subject: an IRI or blank node, no space inside it either
    if line.startswith(type_p, i):
        return line[:i] + b" " + _TYPE_KEY + b" " + line[i + len(type_p):end]
    return line[:end]


def turtle(lines: list[bytes]) -> bytes:
    """graph.ttl: the union graph in the fixed-prefix, one-blank-line-per-subject layout of exports.rdf.

    Sorting whole ``s p o`` byte strings orders them as the (s, p, o) tuples would, since every IRI ends
    in ``>``; pyoxigraph escapes NUL in literals, so the rdf:type key cannot occur elsewhere in a line.
    """
    from diplograph.exports.rdf import PREFIXES, _body, _prefix_header, _spaced

    keys = sorted({_triple_key(line) for line in lines})
    nt = b" .\n".join(keys).replace(b" " + _TYPE_KEY + b" ", b" " + RDF_TYPE + b" ") + b" .\n" if keys else b""
    data = ox.serialize(ox.parse(nt, format=ox.RdfFormat.N_TRIPLES), format=ox.RdfFormat.TURTLE, prefixes=PREFIXES)
    return _prefix_header() + b"\n" + _spaced(_body(data or b"")).rstrip(b"\n") + b"\n"


def views_nquads(doc_lines: list[bytes]) -> bytes:
    """The views graph (dyads, triangles) of the documents' quads, as N-Quads in ``dgid:graph/views``."""
    from diplograph.graph.executor import named_nquads
    from diplograph.graph.views import load_graph, views_to_rdf

    fd, tmp = tempfile.mkstemp(suffix=".nq")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(nquads(doc_lines))
        graph = load_graph(Path(tmp))
    finally:
        os.unlink(tmp)
    return named_nquads(views_to_rdf(graph), VIEWS_GRAPH)


def counts(lines: list[bytes]) -> dict:
    """Entities by core type, direct facts and events in the union (as BuildResult.summary counts them)."""
    typed: dict[bytes, set[bytes]] = {c: set() for c in _CORE + (_EVENT,)}
    facts: set[tuple[bytes, bytes, bytes]] = set()
    for line in lines:
        s, p, o, _ = split_quad(line)
        if p == RDF_TYPE and o in typed:
            typed[o].add(s)
        elif p in _FACTS:
            facts.add((s, p, o))
    names = ("State", "Official", "Organization", "Agreement")
    return {"entities": {n: len(typed[c]) for n, c in zip(names, _CORE)}, "facts": len(facts),
            "events": len(typed[_EVENT])}
