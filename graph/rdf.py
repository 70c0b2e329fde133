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

from functools import lru_cache

from rdflib import Graph

from diplograph.graph import iri
from diplograph.graph.model import Extraction
from diplograph.graph.rdf_records import (ENTITY_RELATIONS, LIFTED, add_event, add_evidence, add_fact,  # noqa: F401
                                          add_term_of_office, event_iri, lifted_facts)
from diplograph.graph.rdf_terms import (ALT, DCT, DERIVED, EXTRACTOR, LABEL, PROV, RDF_NS, RDFS_NS,  # noqa: F401
                                        SCHEMA, SKOS, TYPE, WD, XSD, Triples, boolean, date_literal, decimal, dg,
                                        entity_iri, integer, label, minted, node, text, typed, uri)
from diplograph.ontology.namespace import bind_prefixes

_EXACT = uri(SKOS + "exactMatch")


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
