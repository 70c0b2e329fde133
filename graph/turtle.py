"""Turtle written straight from sorted N-Quads lines, one block per named graph.

A build's ``graph.ttl`` is the fixed prefix header followed by one block per named graph (each document,
then the views), in graph IRI order. A block is that graph's triples grouped by subject, ``rdf:type``
first, subjects and predicates in the order of the sorted N-Quads lines, so writing it is one linear pass
with no parse: N-Triples terms are already Turtle terms, and IRIs under our prefixes are shortened.
A triple stated by two documents appears in both blocks; RDF graphs are sets, so any parser reads the
union. Blocks are independent, which lets a build of many documents stream them and reuse each
document's block from the cache.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import groupby
from operator import itemgetter

from diplograph.ontology.namespace import PREFIXES

RDF_TYPE = b"<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
XSD = "http://www.w3.org/2001/XMLSchema#"
# A local name that needs no escape but "/" (written "\/"): letters, digits, "_", "-", "." inside, "%XX".
_LOCAL = re.compile(r"[A-Za-z0-9_](?:[A-Za-z0-9_\-/]|\.(?=[A-Za-z0-9_\-/%])|%[0-9A-Fa-f]{2})*")
_NAMESPACES = sorted(((ns, prefix) for prefix, ns in PREFIXES), key=lambda item: -len(item[0]))
_INTEGER = re.compile(r"[+-]?[0-9]+")
_DECIMAL = re.compile(r"[+-]?[0-9]*\.[0-9]+")


def header() -> bytes:
    """The fixed ``@prefix`` lines (graph/DESIGN.md's order) and a blank line."""
    return "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in PREFIXES).encode() + b"\n"


def _iri(term: str) -> str:
    """``<iri>`` as a prefixed name when one of our prefixes covers it and the rest is a plain local name."""
    value = term[1:-1]
    for ns, prefix in _NAMESPACES:
        if value.startswith(ns):
            local = value[len(ns):]
            if local and _LOCAL.fullmatch(local):
                return f"{prefix}:{local.replace('/', chr(92) + '/')}"
            break
    return term


def _literal(term: str) -> str:
    """A literal, with xsd datatypes shortened and integers, decimals and booleans written bare."""
    cut = term.rfind('"^^<')
    if cut < 0:
        return term
    lexical, datatype = term[1:cut], term[cut + 4:-1]
    if datatype.startswith(XSD):
        local = datatype[len(XSD):]
        if (local == "integer" and _INTEGER.fullmatch(lexical)) or (local == "decimal" and _DECIMAL.fullmatch(lexical)) \
                or (local == "boolean" and lexical in ("true", "false")):
            return lexical
        return f'{term[:cut + 1]}^^xsd:{local}'
    return term[:cut + 3] + _iri(term[cut + 3:])


@lru_cache(maxsize=1 << 16)
def term(raw: bytes) -> str:
    """One N-Triples term (UTF-8 bytes) in its Turtle form."""
    text = raw.decode("utf-8")
    if text.startswith("<"):
        return _iri(text)
    if text.startswith('"'):
        return _literal(text)
    return text  # a blank node label reads the same in both


def _subject(s: bytes, rows: list[tuple[bytes, bytes, bytes]]) -> str:
    """One subject's statement: ``s a T ;\\n\\tp o , o2 .`` with rdf:type first."""
    preds: dict[bytes, list[bytes]] = {}
    for _, p, o in rows:
        preds.setdefault(p, []).append(o)
    types = preds.pop(RDF_TYPE, None)
    parts = ["a " + " , ".join(map(term, types))] if types else []
    parts.extend(term(p) + " " + " , ".join(map(term, objects)) for p, objects in preds.items())
    return term(s) + " " + " ;\n\t".join(parts) + " .\n\n"


def block(data: bytes, *, quads: bool = True) -> bytes:
    """The Turtle of one graph's sorted, distinct N-Quads (or N-Triples) lines, without prefixes.

    Objects of a subject and predicate keep the lines' order; ``rdf:type`` comes first.

    >>> print(block(b'<http://schema.org/x> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> '
    ...             b'<http://schema.org/T> <https://w3id.org/diplograph/id/doc/d> .\\n').decode(), end="")
    schema:x a schema:T .
    <BLANKLINE>
    """
    data = data if data.endswith(b"\n") or not data else data + b"\n"
    if quads and data:  # one graph: every line ends with the same " <graph> .", cut it in one pass
        first = data[:data.index(b"\n")]
        data = data.replace(first[first.rindex(b" <"):] + b"\n", b"\n")
    else:  # a newline only ends a line (literals escape theirs), so " .\n" is every line's end
        data = data.replace(b" .\n", b"\n")
    rows = [line.split(b" ", 2) for line in data.split(b"\n") if line]
    return "".join(_subject(s, list(group)) for s, group in groupby(rows, key=itemgetter(0))).encode("utf-8")


def graph_comment(graph: str) -> bytes:
    return f"# graph <{graph}>\n\n".encode("utf-8") if graph else b"# default graph\n\n"
