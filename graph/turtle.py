"""Turtle written straight from sorted N-Quads lines, one block per named graph.

A build's ``graph.ttl`` is the fixed prefix header followed by one block per named graph (each document,
then the views), in graph IRI order. A block is that graph's triples grouped by subject, ``rdf:type``
first, subjects and predicates in the order of the sorted N-Quads lines, so writing it is one linear pass
with no parse: N-Triples terms are already Turtle terms, and IRIs under our prefixes are shortened.
A triple stated by two documents appears in both blocks; RDF graphs are sets, so any parser reads the
union. Blocks are independent, which lets a build of many documents stream them and reuse each
document's block from the cache.

The pass works on the block decoded once as one string; each distinct term is rewritten once (a dict
remembers it), so a triple costs a split, a few dict look-ups and its share of one join. A worker that
has just made a document's triples hands them over sorted instead (:func:`block_of`): the same bytes
with no decode and no split.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import chain, groupby
from operator import itemgetter

from diplograph.ontology.namespace import PREFIXES

RDF_TYPE = b"<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
_TYPE = RDF_TYPE.decode()
XSD = "http://www.w3.org/2001/XMLSchema#"
# A local name that needs no escape but "/" (written "\/"): letters, digits, "_", "-", "." inside, "%XX".
_LOCAL = re.compile(r"[A-Za-z0-9_](?:[A-Za-z0-9_\-/]|\.(?=[A-Za-z0-9_\-/%])|%[0-9A-Fa-f]{2})*")
_NAMESPACES = sorted(((ns, prefix) for prefix, ns in PREFIXES), key=lambda item: -len(item[0]))
# A namespace that starts an IRI also starts its stem, the IRI up to the last of the characters that end our
# namespaces ("/" and "#"): the namespace is looked up once per stem, not once per IRI.
_NS_ENDS = tuple(sorted({ns[-1] for ns, _ in _NAMESPACES}))
_NAMESPACE_OF_STEM: dict[str, str] = {}
_PREFIX_OF = {ns: prefix for ns, prefix in _NAMESPACES}
_PLAIN_LOCAL = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_\-/]*")  # the usual local name, matched in one C loop
# The usual IRI in one match: a namespace no other namespace extends (so the longest that starts it) and a
# plain local name. Anything else takes _iri's general path.
_UNNESTED = [ns for ns, _ in _NAMESPACES if not any(other != ns and other.startswith(ns) for other, _ in _NAMESPACES)]
_PLAIN_IRI = re.compile("<(" + "|".join(map(re.escape, _UNNESTED)) + r")([A-Za-z0-9_][A-Za-z0-9_\-/]*)>")
_INTEGER = re.compile(r"[+-]?[0-9]+")
_DECIMAL = re.compile(r"[+-]?[0-9]*\.[0-9]+")
_CACHE_LIMIT = 1 << 18  # terms remembered across blocks (IRIs of entities, predicates, classes recur)
_terms: dict[str, str] = {}
_PAST_END = ((None, None, None),)


def header() -> bytes:
    """The fixed ``@prefix`` lines (graph/DESIGN.md's order) and a blank line."""
    return "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in PREFIXES).encode() + b"\n"


def _namespace(stem: str) -> str:
    """The longest of our namespaces that starts ``stem`` ("" if none), remembered."""
    ns = _NAMESPACE_OF_STEM.get(stem)
    if ns is None:
        ns = _NAMESPACE_OF_STEM[stem] = next((ns for ns, _ in _NAMESPACES if stem.startswith(ns)), "")
        if len(_NAMESPACE_OF_STEM) > _CACHE_LIMIT:
            _NAMESPACE_OF_STEM.clear()
    return ns


def _iri(term: str) -> str:
    """``<iri>`` as a prefixed name when one of our prefixes covers it and the rest is a plain local name."""
    plain = _PLAIN_IRI.fullmatch(term)
    if plain:
        ns, local = plain.groups()
        return _PREFIX_OF[ns] + ":" + local.replace("/", "\\/")
    return _any_iri(term)


def _any_iri(term: str) -> str:
    """:func:`_iri` of any IRI: the longest namespace that starts it, then a local name with "." and "%XX"."""
    value = term[1:-1]
    ns = _namespace(value[:max(map(value.rfind, _NS_ENDS)) + 1])
    if not ns:
        return term
    local = value[len(ns):]
    if local and (_PLAIN_LOCAL.fullmatch(local) or _LOCAL.fullmatch(local)):
        return f"{_PREFIX_OF[ns]}:{local.replace('/', chr(92) + '/')}"
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


def _term(text: str) -> str:
    """One N-Triples term in its Turtle form, remembered in ``_terms``."""
    if len(_terms) >= _CACHE_LIMIT:
        _terms.clear()
    first = text[:1]
    out = _iri(text) if first == "<" else _literal(text) if first == '"' else text  # a blank node reads the same
    _terms[text] = out
    return out


def term(raw: bytes) -> str:
    """One N-Triples term (UTF-8 bytes) in its Turtle form."""
    text = raw.decode("utf-8")
    return _terms.get(text) or _term(text)


def _statement(s: str, preds: dict[str, list[str]]) -> str:
    """One subject's statement: ``s a T ;\\n\\tp o , o2 .`` with rdf:type first (objects already Turtle)."""
    get = _terms.get
    types = preds.pop(_TYPE, None)
    parts = [(get(p) or _term(p)) + " " + " , ".join(objects) for p, objects in preds.items()]
    if types:
        parts.insert(0, "a " + " , ".join(types))
    return (get(s) or _term(s)) + " " + " ;\n\t".join(parts) + " .\n\n"


class _Irregular(Exception):
    """A line the fast pass does not read like the careful one (an end cut into its subject or predicate)."""


def block(data: bytes, *, quads: bool = True) -> bytes:
    """The Turtle of one graph's sorted, distinct N-Quads (or N-Triples) lines, without prefixes.

    Objects of a subject and predicate keep the lines' order; ``rdf:type`` comes first.

    >>> print(block(b'<http://schema.org/x> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> '
    ...             b'<http://schema.org/T> <https://w3id.org/diplograph/id/doc/d> .\\n').decode(), end="")
    schema:x a schema:T .
    <BLANKLINE>
    """
    if not data:
        return b""
    text = data.decode("utf-8")
    text = text if text.endswith("\n") else text + "\n"
    if quads:  # one graph: every line ends with the same " <graph> ."
        first = text[:text.index("\n")]
        end = first[first.rindex(" <"):]
    else:  # a newline only ends a line (literals escape theirs), so " ." is every line's end
        end = " ."
    lines = text.split("\n")
    lines.pop()  # the text ends with "\n": the last piece is empty
    try:
        return _fast(lines, end)
    except (_Irregular, ValueError):
        return _careful(lines, end)


def block_of(rows: Iterable[tuple[str, str, str]]) -> bytes:
    """:func:`block` of a graph given as its sorted, distinct (s, p, o) N-Triples terms (``rdf.Triples.rows``).

    >>> print(block_of([("<http://schema.org/x>", RDF_TYPE.decode(), "<http://schema.org/T>")]).decode(), end="")
    schema:x a schema:T .
    <BLANKLINE>
    """
    get = _terms.get
    out: list[str] = []
    subject, last_p = "", None  # "": no subject yet, unlike the row past the end
    parts: list[str] = []  # the subject's "p o , o2" so far, rdf:type's ("a T") first
    objects: list[str] = []  # the objects of last_p so far
    # Sorted rows: a subject's rows are consecutive, and so are a predicate's within them; each is closed
    # when the next begins, and the row past the end (None) closes the last.
    for s, p, o in chain(rows, _PAST_END):
        if p != last_p or s != subject:
            if objects:
                if last_p == _TYPE:
                    parts.insert(0, "a " + " , ".join(objects))
                else:
                    parts.append((get(last_p) or _term(last_p)) + " " + " , ".join(objects))
                objects = []
            if s != subject:
                if parts:
                    out.append((get(subject) or _term(subject)) + " " + " ;\n\t".join(parts) + " .\n\n")
                if s is None:
                    break
                subject, parts = s, []
            last_p = p
        objects.append(get(o) or _term(o))
    return "".join(out).encode("utf-8")


def _fast(lines: list[str], end: str) -> bytes:
    """:func:`block` in one pass: each line's end is cut from its object, which is looked up with it."""
    get, cut = _terms.get, len(end)
    objects_of: dict[str, str] = {}  # "o <graph> ." -> o in Turtle
    out: list[str] = []
    subject, preds, objects, last_p = None, {}, [], None
    for line in lines:
        s, p, rest = line.split(" ", 2)
        if s != subject:
            if subject is not None:
                out.append(_statement(subject, preds))
            subject, preds, last_p = s, {}, None
        if p != last_p:  # sorted lines: a predicate's objects are consecutive
            last_p = p
            objects = preds.get(p)
            if objects is None:
                objects = preds[p] = []
        o = objects_of.get(rest)
        if o is None:
            o = _object(rest, line, end, cut, get)
            if len(rest) >= cut:  # a shorter one's reading depends on its line
                objects_of[rest] = o
        objects.append(o)
    if subject is not None:
        out.append(_statement(subject, preds))
    return "".join(out).encode("utf-8")


def _object(rest: str, line: str, end: str, cut: int, get) -> str:
    """The Turtle of the object of ``line``, ``rest`` being the line after its predicate."""
    if rest.endswith(end):
        rest = rest[:-cut]
    elif line.endswith(end):  # the end overlaps the predicate: cut from the whole line, it leaves no object
        raise _Irregular(line)
    return get(rest) or _term(rest)


def _careful(lines: list[str], end: str) -> bytes:
    """:func:`block` line by line as written: ends cut, empty lines skipped, a line without three parts an error."""
    rows = [line.split(" ", 2) for line in (line[:-len(end)] if line.endswith(end) else line for line in lines) if line]
    get, out = _terms.get, []
    for s, group in groupby(rows, key=itemgetter(0)):
        preds: dict[str, list[str]] = {}
        for _, p, o in group:
            preds.setdefault(p, []).append(get(o) or _term(o))
        out.append(_statement(s, preds))
    return "".join(out).encode("utf-8")


def graph_comment(graph: str) -> bytes:
    return f"# graph <{graph}>\n\n".encode("utf-8") if graph else b"# default graph\n\n"
