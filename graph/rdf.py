"""Stage: Extraction -> RDF. One document's extraction becomes its named graph.

The shape is documented in graph/DESIGN.md: entities with their core class, direct ("truthy") facts,
a reified record per fact (origin, evidence, document), and one node per event with its evidence.
Relations between officials are also lifted to the states they serve.

Terms are written straight to N-Triples strings (every IRI checked by ``pyoxigraph.NamedNode``, every
literal cleaned and escaped by ``pyoxigraph.Literal``), so a document's graph becomes sorted N-Quads
without building rdflib objects: making rdflib terms and adding them to an rdflib Graph cost five times
the extraction itself. :func:`to_rdf` still gives an rdflib Graph for notebooks and tests.
"""

from __future__ import annotations

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
ENTITY_RELATIONS = ("officialOf", "memberOf", "partyTo", "signed", "met", "withdrawsFrom", "joins",
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
    from diplograph.exports.rdf import safe_literal_text

    return safe_literal_text(iri.clean_text(value))


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


def integer(value: int) -> str:
    return typed(str(int(value)), XSD + "integer")


def boolean(value: bool) -> str:
    return typed("true" if value else "false", XSD + "boolean")


def decimal(value: float) -> str:
    return typed(str(Decimal(str(round(value, 3)))), XSD + "decimal")


def date_literal(date: PartialDate) -> str:
    """A literal typed by precision: xsd:date, xsd:gYearMonth or xsd:gYear.

    >>> date_literal(PartialDate(2002, 1))
    '"2002-01"^^<http://www.w3.org/2001/XMLSchema#gYearMonth>'
    """
    return typed(date.iso(), _DATATYPES[date.precision])


@lru_cache(maxsize=1 << 14)
def node(entity_id: str) -> str:
    return uri(iri.entity_iri(entity_id))


TYPE, LABEL, ALT = uri(RDF_NS + "type"), uri(RDFS_NS + "label"), uri(SKOS + "altLabel")
DERIVED = uri(PROV + "wasDerivedFrom")


class Triples:
    """One document's triples, each a tuple of three N-Triples term strings (set semantics)."""

    def __init__(self) -> None:
        self.items: set[tuple[str, str, str]] = set()

    def add(self, s: str, p: str, o: str) -> None:
        self.items.add((s, p, o))

    def nquads(self, graph: str) -> bytes:
        """Sorted N-Quads lines in the named graph ``graph`` (the exporters' byte form)."""
        tail = f" {uri(graph)} .\n".encode("utf-8")
        lines = sorted(f"{s} {p} {o}".encode("utf-8") for s, p, o in self.items)
        return tail.join(lines) + tail if lines else b""

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
    for e in ex.entities:
        n = node(e.id)
        g.add(n, TYPE, dg(e.type))
        if e.subtype:
            g.add(n, TYPE, dg(e.subtype))
        g.add(n, LABEL, label(e.label))
        for alias in sorted(set(e.aliases) - {e.label}):
            g.add(n, ALT, label(alias))
        record = gazetteer.get(e.id) if gazetteer and not e.discovered else None
        wikidata = e.wikidata or (record or {}).get("wikidata")
        if wikidata:
            g.add(n, uri(SKOS + "exactMatch"), uri(WD + wikidata))
        if record and record.get("iso3"):
            g.add(n, dg("isoCode"), text(record["iso3"]))
        if record and record.get("cameo") and e.type == "Organization":
            g.add(n, dg("cameoCode"), text(record["cameo"]))


def add_evidence(g: Triples, ev: Evidence) -> str:
    e = uri(iri.evidence_iri(ev.doc, ev.start, ev.end))
    g.add(e, TYPE, dg("Evidence"))
    g.add(e, dg("document"), uri(iri.document_iri(ev.doc)))
    g.add(e, dg("sentence"), integer(ev.sentence))
    g.add(e, dg("start"), integer(ev.start))
    g.add(e, dg("end"), integer(ev.end))
    g.add(e, dg("quote"), text(ev.quote))
    return e


def _ends(fact: Fact, doc_iri: str) -> tuple[str, str, str, str]:
    """Subject and object of a fact as plain strings (IRIs, or roleTitle's text) and as N-Triples terms."""
    s = doc_iri if fact.p == "cites" else iri.entity_iri(fact.s)
    if fact.p == "roleTitle":
        o, o_term = iri.clean_text(fact.o), text(fact.o)
    else:
        o = iri.entity_iri(fact.o)
        o_term = uri(o)
    return s, uri(s), o, o_term


def add_fact(g: Triples, fact: Fact, doc_iri: str, doc_id: str) -> str:
    s, s_term, o, o_term = _ends(fact, doc_iri)
    p = dg(fact.p)
    g.add(s_term, p, o_term)
    f = uri(iri.fact_iri(doc_id, s, fact.p, o, fact.origin))
    g.add(f, TYPE, uri(RDF_NS + "Statement"))
    g.add(f, uri(RDF_NS + "subject"), s_term)
    g.add(f, uri(RDF_NS + "predicate"), p)
    g.add(f, uri(RDF_NS + "object"), o_term)
    g.add(f, dg("origin"), text(fact.origin))
    g.add(f, DERIVED, uri(doc_iri))
    for ev in fact.evidence:
        g.add(f, dg("evidence"), add_evidence(g, ev))
    return f


def add_term_of_office(g: Triples, record: str, fact: Fact, on: PartialDate | None, gazetteer) -> None:
    """The gazetteer's dates of the office behind an officialOf fact, held on the document's date."""
    if gazetteer is None or on is None:
        return
    for office in gazetteer.offices(fact.s, on.first_day()):
        if office.of == fact.o:
            if office.start:
                g.add(record, uri(SCHEMA + "startDate"), date_literal(office.start))
            if office.end:
                g.add(record, uri(SCHEMA + "endDate"), date_literal(office.end))
            return


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


def add_event(g: Triples, ev: Event, doc_iri: str) -> str:
    n = uri(event_iri(ev))
    g.add(n, TYPE, dg("Event"))
    g.add(n, dg("eventType"), uri(iri.event_type_iri(ev.event_type)))
    g.add(n, dg("actor"), node(ev.actor))
    if ev.target:
        g.add(n, dg("target"), node(ev.target))
    if ev.relation:
        g.add(n, dg("relation"), dg(ev.relation))
    if ev.date:
        g.add(n, dg("date"), date_literal(ev.date))
    g.add(n, dg("modality"), dg(ev.modality))
    g.add(n, dg("negated"), boolean(ev.negated))
    g.add(n, dg("hedged"), boolean(ev.hedged))
    g.add(n, dg("confidence"), decimal(ev.confidence))
    if ev.trigger:
        g.add(n, dg("trigger"), text(ev.trigger))
    g.add(n, dg("evidence"), add_evidence(g, ev.evidence))
    g.add(n, DERIVED, uri(doc_iri))
    g.add(n, uri(PROV + "wasGeneratedBy"), uri(EXTRACTOR))
    return n


def lifted_facts(ex: Extraction, gazetteer) -> list[Fact]:
    """Relations between officials restated between the states they serve."""
    serves = {f.s: f.o for f in ex.facts if f.p == "officialOf" and _is_state(f.o, ex, gazetteer)}
    out = []
    for f in ex.facts:
        if f.p not in LIFTED:
            continue
        s, o = serves.get(f.s, f.s), serves.get(f.o, f.o)
        if (s, o) != (f.s, f.o) and s != o:
            out.append(Fact(s, f.p, o, origin="lifted", evidence=f.evidence, date=f.date))
    return out


def _is_state(entity_id: str, ex: Extraction, gazetteer) -> bool:
    types = {e.id: e.type for e in ex.entities}
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
    for fact in sorted(set(ex.facts) | set(lifted_facts(ex, gazetteer)), key=repr):
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
