"""Stage: Extraction -> RDF. One document's extraction becomes one rdflib Graph (its named graph).

The shape is documented in graph/DESIGN.md: entities with their core class, direct ("truthy") facts,
a reified record per fact (origin, evidence, document), and one node per event with its evidence.
Relations between officials are also lifted to the states they serve.
"""

from __future__ import annotations

from decimal import Decimal
from importlib.metadata import version

from rdflib import RDF, RDFS, XSD, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, PROV, SKOS

from diplograph.graph import iri
from diplograph.graph.model import Evidence, Event, Extraction, Fact, PartialDate
from diplograph.ontology.namespace import DG, bind_prefixes

SCHEMA = Namespace("http://schema.org/")
WD = Namespace("http://www.wikidata.org/entity/")

LIFTED = ("met", "criticizes", "supports", "joins")
ENTITY_RELATIONS = ("officialOf", "memberOf", "partyTo", "signed", "met", "withdrawsFrom", "joins",
                    "criticizes", "supports", "cites")
_DATATYPES = {"day": XSD.date, "month": XSD.gYearMonth, "year": XSD.gYear}
EXTRACTOR = URIRef(iri.ID + "extractor/" + version("diplograph"))


def date_literal(date: PartialDate) -> Literal:
    """A literal typed by precision: xsd:date, xsd:gYearMonth or xsd:gYear.

    >>> date_literal(PartialDate(2002, 1)).datatype.endswith("gYearMonth")
    True
    """
    return Literal(date.iso(), datatype=_DATATYPES[date.precision])


def _text(value: str) -> Literal:
    return Literal(iri.clean_text(value))


def _label(value: str) -> Literal:
    return Literal(iri.clean_text(value), lang="en")


def _decimal(value: float) -> Literal:
    return Literal(Decimal(str(round(value, 3))), datatype=XSD.decimal)


def node(entity_id: str) -> URIRef:
    return URIRef(iri.entity_iri(entity_id))


def add_document(g: Graph, ex: Extraction) -> URIRef:
    doc = ex.document
    d = URIRef(iri.document_iri(doc.id))
    g.add((d, RDF.type, DG.Document))
    g.add((d, RDF.type, SCHEMA.NewsArticle))
    g.add((d, RDFS.label, _label(doc.title or doc.id)))
    for prop, value in ((DCTERMS.title, doc.title), (SCHEMA.publisher, doc.publication),
                        (DCTERMS.source, doc.source), (DG.sha256, doc.sha256)):
        if value:
            g.add((d, prop, _text(value)))
    if doc.url:
        g.add((d, SCHEMA.url, _text(doc.url)))
    if doc.date:
        g.add((d, SCHEMA.datePublished, date_literal(doc.date)))
    return d


def add_entities(g: Graph, ex: Extraction, gazetteer) -> None:
    for e in ex.entities:
        n = node(e.id)
        g.add((n, RDF.type, DG[e.type]))
        if e.subtype:
            g.add((n, RDF.type, DG[e.subtype]))
        g.add((n, RDFS.label, _label(e.label)))
        for alias in sorted(set(e.aliases) - {e.label}):
            g.add((n, SKOS.altLabel, _label(alias)))
        record = gazetteer.get(e.id) if gazetteer and not e.discovered else None
        wikidata = e.wikidata or (record or {}).get("wikidata")
        if wikidata:
            g.add((n, SKOS.exactMatch, WD[wikidata]))
        if record and record.get("iso3"):
            g.add((n, DG.isoCode, Literal(record["iso3"])))


def add_evidence(g: Graph, ev: Evidence) -> URIRef:
    e = URIRef(iri.evidence_iri(ev.doc, ev.start, ev.end))
    g.add((e, RDF.type, DG.Evidence))
    g.add((e, DG.document, URIRef(iri.document_iri(ev.doc))))
    g.add((e, DG.sentence, Literal(ev.sentence)))
    g.add((e, DG.start, Literal(ev.start)))
    g.add((e, DG.end, Literal(ev.end)))
    g.add((e, DG.quote, _text(ev.quote)))
    return e


def _object(fact: Fact, doc: URIRef):
    if fact.p == "roleTitle":
        return _text(fact.o)
    return node(fact.o)


def add_fact(g: Graph, fact: Fact, doc: URIRef, doc_id: str) -> URIRef:
    s = doc if fact.p == "cites" else node(fact.s)
    o = _object(fact, doc)
    g.add((s, DG[fact.p], o))
    f = URIRef(iri.fact_iri(doc_id, s, fact.p, o, fact.origin))
    g.add((f, RDF.type, RDF.Statement))
    g.add((f, RDF.subject, s))
    g.add((f, RDF.predicate, DG[fact.p]))
    g.add((f, RDF.object, o))
    g.add((f, DG.origin, Literal(fact.origin)))
    g.add((f, PROV.wasDerivedFrom, doc))
    for ev in fact.evidence:
        g.add((f, DG.evidence, add_evidence(g, ev)))
    return f


def add_term_of_office(g: Graph, record: URIRef, fact: Fact, on: PartialDate | None, gazetteer) -> None:
    """The gazetteer's dates of the office behind an officialOf fact, held on the document's date."""
    if gazetteer is None or on is None:
        return
    for office in gazetteer.offices(fact.s, on.first_day()):
        if office.of == fact.o:
            if office.start:
                g.add((record, SCHEMA.startDate, date_literal(office.start)))
            if office.end:
                g.add((record, SCHEMA.endDate, date_literal(office.end)))
            return


def event_node(ev: Event) -> URIRef:
    """The event's IRI: reports of one dated event (same type, actors, day) share it across documents.

    An event known to the day is minted from what happened, so a second report of it adds evidence to the
    same node and dyads count events, not mentions; a vaguer event is minted from where it was read.
    """
    key: tuple = (ev.event_type, ev.actor, ev.target, ev.negated, ev.modality)
    if ev.date is not None and ev.date.precision == "day":
        return URIRef(iri.event_iri(*key, ev.date.iso()))
    e = ev.evidence
    return URIRef(iri.event_iri(*key, e.doc, e.start, e.end, ev.trigger))


def add_event(g: Graph, ev: Event, doc: URIRef) -> URIRef:
    n = event_node(ev)
    g.add((n, RDF.type, DG.Event))
    g.add((n, DG.eventType, URIRef(iri.event_type_iri(ev.event_type))))
    g.add((n, DG.actor, node(ev.actor)))
    if ev.target:
        g.add((n, DG.target, node(ev.target)))
    if ev.relation:
        g.add((n, DG.relation, DG[ev.relation]))
    if ev.date:
        g.add((n, DG.date, date_literal(ev.date)))
    g.add((n, DG.modality, DG[ev.modality]))
    g.add((n, DG.negated, Literal(ev.negated)))
    g.add((n, DG.hedged, Literal(ev.hedged)))
    g.add((n, DG.confidence, _decimal(ev.confidence)))
    if ev.trigger:
        g.add((n, DG.trigger, _text(ev.trigger)))
    g.add((n, DG.evidence, add_evidence(g, ev.evidence)))
    g.add((n, PROV.wasDerivedFrom, doc))
    g.add((n, PROV.wasGeneratedBy, EXTRACTOR))
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


def to_rdf(ex: Extraction, gazetteer=None) -> Graph:
    """Return the named graph of one document.

    Args:
        ex: The extraction of one document.
        gazetteer: The gazetteer, for Wikidata links and ISO codes of known entities.
    """
    g = Graph()
    bind_prefixes(g)
    doc = add_document(g, ex)
    add_entities(g, ex, gazetteer)
    for fact in sorted(set(ex.facts) | set(lifted_facts(ex, gazetteer)), key=repr):
        record = add_fact(g, fact, doc, ex.document.id)
        if fact.p == "officialOf":
            add_term_of_office(g, record, fact, ex.document.date, gazetteer)
    for ev in ex.events:
        add_event(g, ev, doc)
    return g
