"""Stage: Extraction -> RDF. One document's extraction becomes its named graph.

The shape is documented in graph/DESIGN.md: entities with their core class, direct ("truthy") facts,
a reified record per fact (origin, evidence, document), and one node per event with its evidence.
Relations between officials are also lifted to the states they serve; an organization of a state has
its ``dg:stateOf`` among the extraction's facts (graph/extract/facts.py ``state_facts``).

Terms are written straight to N-Triples strings (every IRI checked by ``pyoxigraph.NamedNode``, every
literal cleaned and escaped by ``pyoxigraph.Literal``), so a document's graph becomes sorted N-Quads
without building rdflib objects: making rdflib terms and adding them to an rdflib Graph cost five times
the extraction itself. :func:`to_rdf` still gives an rdflib Graph for notebooks and tests.

A corpus build runs this for every document, so the hot paths add each record's triples in one set
update, remember the terms of names, dates, offices and evidence that recur, write the IRIs minted from
hashes (always valid) without checking them, and never sort what ends in a set. The set is sorted once,
as (s, p, o) tuples (:meth:`Triples.rows`): the N-Quads, the Turtle block and the digest all read that list.
"""

from __future__ import annotations

import hashlib
import unicodedata
from decimal import Decimal
from functools import lru_cache
from importlib.metadata import version

import pyoxigraph as ox
from rdflib import Graph

from diplograph.graph import iri
from diplograph.graph.errors import OutputError
from diplograph.graph.model import Evidence, Event, Extraction, Fact, PartialDate
from diplograph.ontology.namespace import bind_prefixes

RDF_NS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS_NS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
SCHEMA = "http://schema.org/"
WD = "http://www.wikidata.org/entity/"
PROV = "http://www.w3.org/ns/prov#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
DCT = "http://purl.org/dc/terms/"

LIFTED = ("met", "criticizes", "supports", "joins")
ENTITY_RELATIONS = ("officialOf", "stateOf", "memberOf", "partyTo", "signed", "met", "withdrawsFrom", "joins",
                    "criticizes", "supports", "cites")
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


def _fact_term(doc_id: str, s: str, p: str, o: str, origin: str) -> str:
    """``<iri.fact_iri(doc_id, s, p, o, origin)>`` of five strings, hashed without the general join."""
    hashed = hashlib.sha256(f"{doc_id}\x1f{s}\x1f{p}\x1f{o}\x1f{origin}".encode("utf-8", "surrogatepass")).hexdigest()
    return "<" + iri.ID + "fact/" + hashed[:16] + ">"


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
_STATEMENT, _SUBJECT = uri(RDF_NS + "Statement"), uri(RDF_NS + "subject")
_PREDICATE, _OBJECT = uri(RDF_NS + "predicate"), uri(RDF_NS + "object")
_EXACT, _GENERATED, _EXTRACTOR = uri(SKOS + "exactMatch"), uri(PROV + "wasGeneratedBy"), uri(EXTRACTOR)
_EVIDENCE, _ORIGIN = dg("evidence"), dg("origin")
_EVENT_TYPE, _ACTOR, _TARGET, _MODALITY = dg("eventType"), dg("actor"), dg("target"), dg("modality")
_NEGATED, _HEDGED, _CONFIDENCE, _RELATION = dg("negated"), dg("hedged"), dg("confidence"), dg("relation")
_DATE, _TRIGGER, _EVENT = dg("date"), dg("trigger"), dg("Event")
_TRUE, _FALSE = boolean(True), boolean(False)
_START, _END = uri(SCHEMA + "startDate"), uri(SCHEMA + "endDate")


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


def add_document(g: Triples, ex: Extraction) -> str:
    doc = ex.document
    d = uri(iri.document_iri(doc.id))
    g.add(d, TYPE, dg("Document"))
    g.add(d, TYPE, uri(SCHEMA + "NewsArticle"))
    g.add(d, LABEL, label(doc.title or doc.id))
    for prop, value in ((DCT + "title", doc.title), (SCHEMA + "publisher", doc.publication),
                        (DCT + "source", doc.source), (iri.ONTOLOGY + "sha256", doc.sha256)):
        if value:
            g.add(d, uri(prop), text(value))
    if doc.url:
        g.add(d, uri(SCHEMA + "url"), text(doc.url))
    if doc.date:
        g.add(d, uri(SCHEMA + "datePublished"), date_literal(doc.date))
    return d


def add_entities(g: Triples, ex: Extraction, gazetteer) -> None:
    update = g.items.update
    for e in ex.entities:  # keyed by the fields read, as a tuple: a dataclass would hash in Python
        update(_entity(e.id, e.type, e.label, e.subtype, e.aliases, e.wikidata, e.discovered, gazetteer))


@lru_cache(maxsize=1 << 14)  # documents name the same actors again and again; the gazetteer is keyed by identity
def _entity(entity_id: str, type_: str, label_: str, subtype: str | None, aliases: tuple[str, ...],
            wikidata: str | None, discovered: bool, gazetteer) -> tuple[tuple[str, str, str], ...]:
    """The triples of one entity: its types, label, aliases, Wikidata link and the gazetteer's codes."""
    n = node(entity_id)
    add = [(n, TYPE, dg(type_)), (n, LABEL, label(label_))]
    if subtype:
        add.append((n, TYPE, dg(subtype)))
    add.extend((n, ALT, label(alias)) for alias in aliases if alias != label_)
    record = gazetteer.get(entity_id) if gazetteer and not discovered else None
    wikidata = wikidata or (record or {}).get("wikidata")
    if wikidata:
        add.append((n, _EXACT, uri(WD + wikidata)))
    if record and record.get("iso3"):
        add.append((n, dg("isoCode"), text(record["iso3"])))
    if record and record.get("cameo") and type_ == "Organization":
        add.append((n, dg("cameoCode"), text(record["cameo"])))
    return tuple(add)


def add_evidence(g: Triples, ev: Evidence) -> str:
    e, add = _evidence(ev.doc, ev.sentence, ev.start, ev.end, ev.quote)  # a tuple key hashes in C, a dataclass not
    g.items.update(add)
    return e


@lru_cache(maxsize=1 << 12)  # a span is the evidence of several facts and events of its document
def _evidence(doc: str, sentence: int, start: int, end: int, quote: str) -> tuple[str, tuple[tuple[str, ...], ...]]:
    e = minted(iri.evidence_iri(doc, start, end))
    return e, ((e, TYPE, dg("Evidence")), (e, dg("document"), _document(doc)),
               (e, dg("sentence"), integer(sentence)), (e, dg("start"), integer(start)),
               (e, dg("end"), integer(end)), (e, dg("quote"), text(quote)))


@lru_cache(maxsize=1 << 14)  # keyed by strings: a corpus states the same facts (memberships, offices) again
def _ends(s_id: str, p: str, o_id: str) -> tuple[str, str, str, str, str]:
    """Subject and object of a fact as plain strings (IRIs, or roleTitle's text) and as N-Triples terms,
    and its predicate's term; the subject of ``cites`` is the document, left empty here."""
    s = "" if p == "cites" else entity_iri(s_id)
    if p == "roleTitle":
        o, o_term = _clean_text(o_id), text(o_id)
    else:
        o = entity_iri(o_id)
        o_term = uri(o)
    return s, uri(s) if s else "", o, o_term, dg(p)


def add_fact(g: Triples, fact: Fact, doc_iri: str, doc_id: str) -> str:
    s, s_term, o, o_term, p = _ends(fact.s, fact.p, fact.o)
    if not s:
        s, s_term = doc_iri, _document(doc_id)
    f = _fact_term(doc_id, s, fact.p, o, fact.origin)
    g.items.update(((s_term, p, o_term), (f, TYPE, _STATEMENT), (f, _SUBJECT, s_term), (f, _PREDICATE, p),
                    (f, _OBJECT, o_term), (f, _ORIGIN, text(fact.origin)), (f, DERIVED, _document(doc_id))))
    for ev in fact.evidence:
        g.items.add((f, _EVIDENCE, add_evidence(g, ev)))
    return f


def add_term_of_office(g: Triples, record: str, fact: Fact, on: PartialDate | None, gazetteer) -> None:
    """The gazetteer's dates of the office behind an officialOf fact, held on the document's date."""
    if gazetteer is None or on is None:
        return
    g.items.update((record, p, o) for p, o in _term_of_office(gazetteer, fact.s, fact.o, on.year, on.month, on.day))


@lru_cache(maxsize=1 << 12)  # keyed by ints and strings: a corpus names the same officials on the same days
def _term_of_office(gazetteer, official: str, of: str, year: int, month: int, day: int) -> tuple[tuple[str, str], ...]:
    """(predicate, date) of the start and end of the first office of ``official`` in ``of`` held on that day."""
    on = PartialDate(year, month, day).first_day()
    for office in gazetteer.offices(official):
        if office.of == of and office.held_on(on):
            return (((_START, date_literal(office.start)),) if office.start else ()) + \
                (((_END, date_literal(office.end)),) if office.end else ())
    return ()


def event_iri(ev: Event) -> str:
    """The event's IRI: reports of one dated event (same type, actors, day) share it across documents.

    An event known to the day is minted from what happened, so a second report of it adds evidence to the
    same node and dyads count events, not mentions; a vaguer event is minted from where it was read.
    """
    key: tuple = (ev.event_type, ev.actor, ev.target, ev.negated, ev.modality)
    if ev.date is not None and ev.date.precision == "day":
        return iri.event_iri(*key, ev.date.iso())
    e = ev.evidence
    return iri.event_iri(*key, e.doc, e.start, e.end, ev.trigger)


@lru_cache(maxsize=256)
def _event_type(name: str) -> str:
    return uri(iri.event_type_iri(name))


def add_event(g: Triples, ev: Event, doc_iri: str) -> str:
    n = minted(event_iri(ev))
    add = [(n, TYPE, _EVENT), (n, _EVENT_TYPE, _event_type(ev.event_type)), (n, _ACTOR, node(ev.actor)),
           (n, _MODALITY, dg(ev.modality)), (n, _NEGATED, _TRUE if ev.negated else _FALSE),
           (n, _HEDGED, _TRUE if ev.hedged else _FALSE), (n, _CONFIDENCE, decimal(ev.confidence)),
           (n, _EVIDENCE, add_evidence(g, ev.evidence)), (n, DERIVED, uri(doc_iri)), (n, _GENERATED, _EXTRACTOR)]
    if ev.target:
        add.append((n, _TARGET, node(ev.target)))
    if ev.relation:
        add.append((n, _RELATION, dg(ev.relation)))
    if ev.date:
        add.append((n, _DATE, date_literal(ev.date)))
    if ev.trigger:
        add.append((n, _TRIGGER, text(ev.trigger)))
    g.items.update(add)
    return n


def lifted_facts(ex: Extraction, gazetteer) -> list[Fact]:
    """Relations between officials restated between the states they serve.

    An organization's relations are not restated (its ``dg:stateOf`` serves the dyads and the queries): the
    gold standard compares relations between states with an official replaced by its state, never an
    organization, so "the Knesset condemned Iran" restated as Israel's would be a fact it does not hold.
    """
    types = {e.id: e.type for e in ex.entities}
    serves = {f.s: f.o for f in ex.facts if f.p == "officialOf" and _is_state(f.o, types, gazetteer)}
    out = []
    for f in ex.facts:
        if f.p not in LIFTED:
            continue
        s, o = serves.get(f.s, f.s), serves.get(f.o, f.o)
        if (s, o) != (f.s, f.o) and s != o:
            out.append(Fact(s, f.p, o, origin="lifted", evidence=f.evidence, date=f.date))
    return out


def _is_state(entity_id: str, types: dict[str, str], gazetteer) -> bool:
    return types.get(entity_id) == "State" or (gazetteer is not None and gazetteer.type_of(entity_id) == "State")


def triples(ex: Extraction, gazetteer=None) -> Triples:
    """The triples of one document's named graph.

    Args:
        ex: The extraction of one document.
        gazetteer: The gazetteer, for Wikidata links, ISO codes and terms of office of known entities.
    """
    g = Triples()
    doc_iri = iri.document_iri(ex.document.id)
    add_document(g, ex)
    add_entities(g, ex, gazetteer)
    # Every triple goes into a set, so neither the order of the facts nor a fact met twice changes the graph.
    for fact in (*ex.facts, *lifted_facts(ex, gazetteer)):
        record = add_fact(g, fact, doc_iri, ex.document.id)
        if fact.p == "officialOf":
            add_term_of_office(g, record, fact, ex.document.date, gazetteer)
    for ev in ex.events:
        add_event(g, ev, doc_iri)
    return g


def to_nquads(ex: Extraction, gazetteer=None) -> bytes:
    """One document's named graph (graph IRI = document IRI) as sorted N-Quads: the cached form."""
    return triples(ex, gazetteer).nquads(iri.document_iri(ex.document.id))


def to_rdf(ex: Extraction, gazetteer=None) -> Graph:
    """One document's named graph as an rdflib Graph (for notebooks, tests and benchmarks)."""
    g = Graph()
    bind_prefixes(g)
    data = triples(ex, gazetteer).ntriples()
    if data:
        g.parse(data=data, format="nt")
    return g
