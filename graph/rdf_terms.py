"""RDF terms as N-Triples strings (the RDF stage's writers), and :class:`Triples`, one document's set of them.

Every IRI is checked by ``pyoxigraph.NamedNode`` (but those minted from hashes, valid by construction), every
literal cleaned and escaped by ``pyoxigraph.Literal``; the terms of names, dates and entities that recur are
remembered. graph/rdf.py composes a document's graph from them (graph/rdf_records.py: its facts, events and
evidence).
"""

from __future__ import annotations

import unicodedata
from decimal import Decimal
from functools import lru_cache
from importlib.metadata import version

import pyoxigraph as ox

from diplograph.graph import iri
from diplograph.graph.errors import OutputError
from diplograph.graph.model import PartialDate

RDF_NS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS_NS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
SCHEMA = "http://schema.org/"
WD = "http://www.wikidata.org/entity/"
PROV = "http://www.w3.org/ns/prov#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
DCT = "http://purl.org/dc/terms/"


_DATATYPES = {"day": XSD + "date", "month": XSD + "gYearMonth", "year": XSD + "gYear"}
EXTRACTOR = iri.ID + "extractor/" + version("diplograph")


@lru_cache(maxsize=1 << 16)
def uri(value: str) -> str:
    """``<value>``, or OutputError if ``value`` is not an absolute IRI.

    >>> uri("http://example.org/a")
    '<http://example.org/a>'
    """
    try:
        return str(ox.NamedNode(value))
    except ValueError as exc:
        raise OutputError(f"invalid IRI {value!r}: {exc}") from None


@lru_cache(maxsize=512)
def dg(name: str) -> str:
    return uri(iri.ONTOLOGY + name)


def _clean(value: str) -> str:
    if _is_clean(value):
        return value
    from diplograph.exports.rdf import safe_literal_text

    return safe_literal_text(iri.clean_text(value))


def _is_clean(value: str) -> bool:
    """True when cleaning cannot change ``value``: the usual text, checked without a regex.

    A printable string has no control character, lone surrogate or whitespace but " " (every other space
    is a separator or control character, which are not printable), so only NFC, runs of spaces and
    spaces at the ends are left for :func:`iri.clean_text` and ``safe_literal_text`` to change.
    """
    return (value.isprintable() and "  " not in value and value[:1] != " " and value[-1:] != " "
            and (value.isascii() or unicodedata.is_normalized("NFC", value)))


@lru_cache(maxsize=1 << 14)
def text(value: str) -> str:
    """A plain string literal, cleaned (NFC, no control characters, whitespace collapsed)."""
    return str(ox.Literal(_clean(value)))


@lru_cache(maxsize=1 << 14)
def label(value: str) -> str:
    """An English-tagged label literal, cleaned like :func:`text`."""
    return str(ox.Literal(_clean(value), language="en"))


@lru_cache(maxsize=4096)
def typed(lexical: str, datatype: str) -> str:
    return str(ox.Literal(lexical, datatype=ox.NamedNode(datatype)))


@lru_cache(maxsize=4096)  # values equal as keys (1, 1.0, True) have the same int(): one entry serves them all
def integer(value: int) -> str:
    return typed(str(int(value)), XSD + "integer")


def boolean(value: bool) -> str:
    return typed("true" if value else "false", XSD + "boolean")


def decimal(value: float) -> str:
    return _decimal(str(round(value, 3)))  # keyed by the text: 0.0 and -0.0 are equal keys, not equal texts


@lru_cache(maxsize=1024)
def _decimal(rounded: str) -> str:
    return typed(str(Decimal(rounded)), XSD + "decimal")


def date_literal(date: PartialDate) -> str:
    """A literal typed by precision: xsd:date, xsd:gYearMonth or xsd:gYear.

    >>> date_literal(PartialDate(2002, 1))
    '"2002-01"^^<http://www.w3.org/2001/XMLSchema#gYearMonth>'
    """
    return _date_literal(date.year, date.month, date.day)  # keyed by ints: a dataclass hashes in Python


@lru_cache(maxsize=1 << 12)
def _date_literal(year: int, month: int, day: int) -> str:
    date = PartialDate(year, month, day)
    return typed(date.iso(), _DATATYPES[date.precision])


def minted(value: str) -> str:
    """``<value>`` for an IRI minted from a hash under our id namespace: valid by construction, not checked."""
    return "<" + value + ">"


@lru_cache(maxsize=1 << 14)
def entity_iri(entity_id: str) -> str:
    """:func:`iri.entity_iri`, remembered: documents name the same actors again and again."""
    return iri.entity_iri(entity_id)


@lru_cache(maxsize=1 << 14)
def node(entity_id: str) -> str:
    return uri(entity_iri(entity_id))


@lru_cache(maxsize=1024)
def _document(doc_id: str) -> str:
    return uri(iri.document_iri(doc_id))


@lru_cache(maxsize=1 << 12)
def _clean_text(value: str) -> str:
    return iri.clean_text(value)


TYPE, LABEL, ALT = uri(RDF_NS + "type"), uri(RDFS_NS + "label"), uri(SKOS + "altLabel")
DERIVED = uri(PROV + "wasDerivedFrom")


class Triples:
    """One document's triples, each a tuple of three N-Triples term strings (set semantics)."""

    def __init__(self) -> None:
        self.items: set[tuple[str, str, str]] = set()

    def add(self, s: str, p: str, o: str) -> None:
        self.items.add((s, p, o))

    def rows(self) -> list[tuple[str, str, str]]:
        """The triples sorted, which is the order of their N-Quads lines.

        Sorting the tuples sorts the lines: two lines first differ inside the first terms that differ,
        except where one term is a prefix of the other ("a" and "a"@en, _:b1 and _:b12), and there the
        shorter sorts first both ways, since what follows it in its line, a space, sorts before anything a
        longer term can continue with (no term has a space or a control character after such a prefix).
        """
        return sorted(self.items)

    def nquads(self, graph: str, rows: list[tuple[str, str, str]] | None = None) -> bytes:
        """Sorted N-Quads lines in the named graph ``graph`` (the exporters' byte form).

        UTF-8 keeps the order of code points, so the bytes come out in the same order as sorting each
        encoded line. Each line is encoded alone: most are ASCII, which a join with one non-ASCII line
        would widen to two or four bytes a character, to be narrowed again by the encoding.

        Args:
            graph: The graph's IRI.
            rows: :meth:`rows`, when the caller has it already.
        """
        rows = self.rows() if rows is None else rows
        tail = f" {uri(graph)} .\n".encode()
        return tail.join([line.encode() for line in map(" ".join, rows)]) + tail if rows else b""

    def ntriples(self) -> bytes:
        return "".join(sorted(f"{s} {p} {o} .\n" for s, p, o in self.items)).encode("utf-8")
