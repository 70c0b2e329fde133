"""Synthetic datasets in the shape of graph/DESIGN.md, for tests, benchmarks and demos.

Deterministic for a given size and seed: entities, documents, reified facts with evidence,
events with partial dates, and a views graph. Sentences are generated, not taken from any text.
"""

from __future__ import annotations

import random
from decimal import Decimal

import rdflib
from rdflib import RDF, RDFS, XSD, Literal, URIRef
from rdflib.namespace import PROV, SKOS

from diplograph.exports.rdf import PREFIXES
from diplograph.graph import iri

DG = rdflib.Namespace(PREFIXES["dg"])
DGET = rdflib.Namespace(PREFIXES["dget"])
SCHEMA = rdflib.Namespace("http://schema.org/")
DCT = rdflib.Namespace("http://purl.org/dc/terms/")
VIEWS = URIRef(iri.ID + "graph/views")
TYPES = ("State", "Official", "Organization", "Agreement")
RELATIONS = (("met", "CONSULT", "act"), ("criticizes", "DISAPPROVE", "statement"),
             ("supports", "SUPPORT", "statement"), ("signed", "AGREE", "act"))


def _entity(g: rdflib.Graph, i: int, name: str | None = None) -> URIRef:
    kind = TYPES[i % len(TYPES)]
    n = URIRef(iri.entity_iri(f"{kind.lower()}/actor-{i}"))
    g.add((n, RDF.type, DG[kind]))
    if kind == "Organization" and i % 8 == 2:
        g.add((n, RDF.type, DG.IntergovernmentalOrganization))
    g.add((n, RDFS.label, Literal(name or f"Actor {i}", lang="en")))
    g.add((n, SKOS.altLabel, Literal(f"A{i}", lang="en")))
    if kind == "Official":
        g.add((n, DG.roleTitle, Literal("Foreign Minister")))
    return n


def _document(g: rdflib.Graph, d: int, year: int) -> URIRef:
    doc = URIRef(iri.document_iri(f"doc-{d}"))
    g.add((doc, RDF.type, DG.Document))
    g.add((doc, RDF.type, SCHEMA.NewsArticle))
    g.add((doc, DCT.title, Literal(f"Bulletin {d}")))
    g.add((doc, SCHEMA.datePublished, Literal(f"{year}-{d % 12 + 1:02d}-07", datatype=XSD.date)))
    return doc


def _evidence(g: rdflib.Graph, doc: URIRef, k: int, quote: str) -> URIRef:
    ev = URIRef(iri.evidence_iri(str(doc), k))
    g.add((ev, RDF.type, DG.Evidence))
    g.add((ev, DG.document, doc))
    g.add((ev, DG.sentence, Literal(k % 40)))
    g.add((ev, DG.start, Literal(k * 100)))
    g.add((ev, DG.end, Literal(k * 100 + len(quote))))
    g.add((ev, DG.quote, Literal(quote)))
    return ev


def _fact(g: rdflib.Graph, doc: URIRef, s: URIRef, rel: str, o: URIRef, ev: URIRef) -> None:
    g.add((s, DG[rel], o))
    f = URIRef(iri.fact_iri(str(doc), str(s), rel, str(o)))
    g.add((f, RDF.type, RDF.Statement))
    g.add((f, RDF.subject, s))
    g.add((f, RDF.predicate, DG[rel]))
    g.add((f, RDF.object, o))
    g.add((f, DG.origin, Literal("text")))
    g.add((f, PROV.wasDerivedFrom, doc))
    g.add((f, DG.evidence, ev))


def _event(g: rdflib.Graph, doc: URIRef, k: int, s: URIRef, o: URIRef, year: int, ev: URIRef) -> None:
    rel, etype, modality = RELATIONS[k % len(RELATIONS)]
    e = URIRef(iri.event_iri(str(doc), k))
    g.add((e, RDF.type, DG.Event))
    g.add((e, DG.eventType, DGET[etype]))
    g.add((e, DG.actor, s))
    g.add((e, DG.target, o))
    g.add((e, DG.relation, DG[rel]))
    date = (Literal(f"{year}-{k % 12 + 1:02d}-{k % 28 + 1:02d}", datatype=XSD.date) if k % 3 else
            Literal(f"{year}-{k % 12 + 1:02d}", datatype=XSD.gYearMonth))
    g.add((e, DG.date, date))
    g.add((e, DG.modality, DG[modality]))
    g.add((e, DG.negated, Literal(False)))
    g.add((e, DG.hedged, Literal(k % 5 == 0)))
    g.add((e, DG.confidence, Literal(Decimal("0.8"), datatype=XSD.decimal)))
    g.add((e, DG.trigger, Literal(rel)))
    g.add((e, DG.evidence, ev))
    g.add((e, PROV.wasDerivedFrom, doc))
    _fact(g, doc, s, rel, o, ev)


def synthetic_dataset(entities: int = 20, events: int = 40, documents: int = 2, seed: int = 7,
                      names: dict[int, str] | None = None, quotes: dict[int, str] | None = None) -> rdflib.Dataset:
    """A Dataset(default_union=True) with one named graph per document and a views graph.

    Args:
        entities: Number of actors (types cycle State, Official, Organization, Agreement).
        events: Number of events (each with a reified fact and an evidence record).
        documents: Number of documents (named graphs).
        seed: Random seed choosing actor pairs.
        names: Labels to use instead of "Actor i" for some entity indexes.
        quotes: Quotes to use instead of the generated sentence for some event indexes.
    """
    rng, names, quotes = random.Random(seed), names or {}, quotes or {}
    ds = rdflib.Dataset(default_union=True)
    graphs = [ds.graph(URIRef(iri.document_iri(f"doc-{d}"))) for d in range(documents)]
    docs = [_document(g, d, 2000 + d) for d, g in enumerate(graphs)]
    for i in range(entities):
        _entity(graphs[i % documents], i, names.get(i))
    for k in range(events):
        d = k % documents
        s, o = rng.sample(range(entities), 2)
        quote = quotes.get(k, f"Actor {s} and Actor {o} were reported in item {k}.")
        ev = _evidence(graphs[d], docs[d], k, quote)
        _event(graphs[d], docs[d], k, _node(s), _node(o), 2000 + d, ev)
    _views(ds.graph(VIEWS), min(entities, 3))
    return ds


def _node(i: int) -> URIRef:
    return URIRef(iri.entity_iri(f"{TYPES[i % len(TYPES)].lower()}/actor-{i}"))


def _views(g: rdflib.Graph, n: int) -> None:
    if n < 2:
        return
    dyad = URIRef(iri.ID + "dyad/actor-0--actor-1")
    g.add((dyad, RDF.type, DG.Dyad))
    g.add((dyad, DG.member, _node(0)))
    g.add((dyad, DG.member, _node(1)))
    g.add((dyad, DG.sign, Literal("+")))
    g.add((dyad, DG.score, Literal(Decimal("4.5"), datatype=XSD.decimal)))
    g.add((dyad, DG.eventCount, Literal(3)))
