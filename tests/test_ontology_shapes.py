"""SHACL shapes: a small hand-built graph in the shape of graph/DESIGN.md conforms, and each kind
of breakage the shapes exist to catch makes it fail, with the report naming the fault."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import pytest
import rdflib
from rdflib import RDF, RDFS, Literal, Namespace, URIRef
from rdflib.namespace import PROV, SKOS
from rdflib import namespace as rns

from diplograph.ontology import load_ontology, load_shapes, validate
from diplograph.ontology.namespace import DG, DGET, DGID, bind_prefixes

XSD = Namespace(str(rns.XSD))  # a plain Namespace: pytest probes module globals
SCHEMA = Namespace("http://schema.org/")
QUOTE = "The two foreign ministers met in the capital on Monday and praised the new treaty."


def _entities(g: rdflib.Graph) -> None:
    for node, cls, label in [
        (DGID.russia, DG.State, "Russia"), (DGID.china, DG.State, "China"),
        (DGID.united_states, DG.State, "United States"), (DGID.igor_ivanov, DG.Official, "Igor Ivanov"),
        (DGID.interfax, DG.Organization, "Interfax"), (DGID.abm_treaty, DG.Agreement, "ABM Treaty"),
    ]:
        g.add((node, RDF.type, cls))
        g.add((node, RDFS.label, Literal(label, lang="en")))
    g.add((DGID.russia, DG.isoCode, Literal("RUS")))
    g.add((DGID.russia, SKOS.altLabel, Literal("Moscow", lang="en")))
    g.add((DGID.interfax, RDF.type, DG.MediaOutlet))
    g.add((DGID.abm_treaty, RDF.type, DG.Treaty))
    g.add((DGID.igor_ivanov, DG.officialOf, DGID.russia))
    g.add((DGID.igor_ivanov, DG.roleTitle, Literal("Foreign Minister")))


def _provenance(g: rdflib.Graph) -> None:
    doc, ev = DGID["doc/test-note"], DGID["evidence/0a1b"]
    g.add((doc, RDF.type, DG.Document))
    g.add((doc, RDF.type, SCHEMA.NewsArticle))
    g.add((doc, DG.sha256, Literal("ab" * 32)))
    g.add((doc, DG.cites, DGID.interfax))
    g.add((ev, RDF.type, DG.Evidence))
    g.add((ev, DG.document, doc))
    g.add((ev, DG.sentence, Literal(0)))
    g.add((ev, DG.start, Literal(12)))
    g.add((ev, DG.end, Literal(12 + len(QUOTE))))
    g.add((ev, DG.quote, Literal(QUOTE)))


def _event(g: rdflib.Graph) -> None:
    e, ev = DGID["event/1c2d"], DGID["evidence/0a1b"]
    for p, o in [
        (RDF.type, DG.Event), (DG.eventType, DGET.CONSULT), (DG.actor, DGID.igor_ivanov),
        (DG.target, DGID.china), (DG.relation, DG.met), (DG.date, Literal("2002-01-07", datatype=XSD.date)),
        (DG.modality, DG.act), (DG.negated, Literal(False)), (DG.hedged, Literal(False)),
        (DG.confidence, Literal(Decimal("0.8"))), (DG.trigger, Literal("met")), (DG.evidence, ev),
        (PROV.wasDerivedFrom, DGID["doc/test-note"]),
    ]:
        g.add((e, p, o))
    fact = DGID["fact/3e4f"]
    for p, o in [
        (RDF.type, RDF.Statement), (RDF.subject, DGID.russia), (RDF.predicate, DG.met),
        (RDF.object, DGID.china), (DG.origin, Literal("text")), (DG.evidence, ev),
    ]:
        g.add((fact, p, o))
    g.add((DGID.russia, DG.met, DGID.china))


def _views(g: rdflib.Graph) -> None:
    dyad, dslice = DGID["dyad/china--russia"], DGID["dyad/china--russia/2002-Q1"]
    tri, tslice = DGID["triangle/china--russia--united_states"], DGID["triangle/china--russia--united_states/2002-Q1"]
    for node, cls in [(dyad, DG.Dyad), (dslice, DG.DyadSlice)]:
        g.add((node, RDF.type, cls))
        for member in (DGID.china, DGID.russia):
            g.add((node, DG.member, member))
        g.add((node, DG.sign, Literal("+")))
        g.add((node, DG.score, Literal(Decimal("1.0"))))
        g.add((node, DG.eventCount, Literal(1)))
        g.add((node, DG.basedOn, DGID["event/1c2d"]))
    for node, cls in [(tri, DG.Triangle), (tslice, DG.TriangleSlice)]:
        g.add((node, RDF.type, cls))
        for member in (DGID.china, DGID.russia, DGID.united_states):
            g.add((node, DG.member, member))
        g.add((node, DG.triangleClass, Literal("romantic")))
        g.add((node, DG.pivot, DGID.russia))
        g.add((node, DG.balanced, Literal(False)))
    for node, whole in [(dslice, dyad), (tslice, tri)]:
        g.add((node, DG.sliceOf, whole))
        g.add((node, DG.period, Literal("2002-Q1")))


def build() -> rdflib.Graph:
    g = bind_prefixes(rdflib.Graph())
    for part in (_entities, _provenance, _event, _views):
        part(g)
    return g


EVENT, EVIDENCE = DGID["event/1c2d"], DGID["evidence/0a1b"]
DYAD_SLICE = DGID["dyad/china--russia/2002-Q1"]
TRIANGLE = DGID["triangle/china--russia--united_states"]


def _set(node: URIRef, prop: URIRef, *values) -> Callable[[rdflib.Graph], None]:
    def change(g: rdflib.Graph) -> None:
        g.remove((node, prop, None))
        for v in values:
            g.add((node, prop, v))

    return change


BREAKAGES = {
    "event-without-evidence": (_set(EVENT, DG.evidence), "evidence"),
    "event-without-actor": (_set(EVENT, DG.actor), "actor"),
    "event-two-types": (_set(EVENT, DG.eventType, DGET.CONSULT, DGET.AGREE), "eventType"),
    "event-misspelt-type": (_set(EVENT, DG.eventType, DGET.DISAPROVE), "eventType"),
    "date-datetime": (_set(EVENT, DG.date, Literal("2002-01-07T10:00:00", datatype=XSD.dateTime)), "date"),
    "date-plain-string": (_set(EVENT, DG.date, Literal("2002-01-07")), "date"),
    "date-ill-formed": (lambda g: _set(EVENT, DG.date, Literal("2002-13-45", datatype=XSD.date))(g), "date"),
    "two-dates": (_set(EVENT, DG.date, Literal("2002", datatype=XSD.gYear),
                       Literal("2002-01", datatype=XSD.gYearMonth)), "date"),
    "modality-unknown": (_set(EVENT, DG.modality, DG.Modality), "modality"),
    "confidence-above-one": (_set(EVENT, DG.confidence, Literal(Decimal("1.5"))), "confidence"),
    "confidence-double": (_set(EVENT, DG.confidence, Literal(0.8)), "confidence"),
    "evidence-without-document": (_set(EVIDENCE, DG.document), "document"),
    "evidence-negative-start": (_set(EVIDENCE, DG.start, Literal(-1)), "start"),
    "evidence-start-after-end": (_set(EVIDENCE, DG.start, Literal(10_000)), "start"),
    "evidence-string-offset": (_set(EVIDENCE, DG.end, Literal("99")), "end"),
    "evidence-without-quote": (_set(EVIDENCE, DG.quote), "quote"),
    "dyad-three-members": (_set(DGID["dyad/china--russia"], DG.member, DGID.china, DGID.russia,
                                DGID.united_states), "member"),
    "dyad-slice-one-member": (_set(DYAD_SLICE, DG.member, DGID.china), "member"),
    "dyad-bad-sign": (_set(DGID["dyad/china--russia"], DG.sign, Literal("++")), "sign"),
    "triangle-two-members": (_set(TRIANGLE, DG.member, DGID.china, DGID.russia), "member"),
    "triangle-bad-class": (_set(TRIANGLE, DG.triangleClass, Literal("love")), "triangleClass"),
    "slice-without-period": (_set(DYAD_SLICE, DG.period), "period"),
    "state-without-label": (_set(DGID.china, RDFS.label), "label"),
    "official-two-labels": (_set(DGID.igor_ivanov, RDFS.label, Literal("Igor Ivanov"), Literal("I. Ivanov")), "label"),
    "agreement-iri-label": (_set(DGID.abm_treaty, RDFS.label, DGID.abm_treaty), "label"),
    "role-title-language-tagged": (_set(DGID.igor_ivanov, DG.roleTitle, Literal("Foreign Minister", lang="en")),
                                   "roleTitle"),
    "fact-unknown-origin": (_set(DGID["fact/3e4f"], DG.origin, Literal("rumour")), "origin"),
    "document-bad-sha256": (_set(DGID["doc/test-note"], DG.sha256, Literal("xyz")), "sha256"),
}


def test_ontology_shapes_hand_built_graph_conforms():
    conforms, report = validate(build())
    assert conforms, report


def test_ontology_shapes_ontology_and_scheme_conform():
    conforms, report = validate(load_ontology())
    assert conforms, report


def test_ontology_shapes_validate_does_not_modify_input():
    graph = build()
    before = set(graph)
    validate(graph)
    assert set(graph) == before


@pytest.mark.parametrize("case", sorted(BREAKAGES))
def test_ontology_shapes_breakage_fails(case):
    change, path = BREAKAGES[case]
    graph = build()
    change(graph)
    conforms, report = validate(graph)
    assert not conforms
    assert f"Result Path: {path}" in report.replace("dg:", "").replace("rdfs:", ""), report


def test_ontology_shapes_event_type_weight_out_of_range_fails():
    graph = load_ontology()
    graph.set((DGET.AID, DG.weight, Literal(Decimal("12.0"))))
    conforms, report = validate(graph)
    assert not conforms and "weight" in report


def test_ontology_shapes_graph_parses():
    shapes = load_shapes()
    node_shapes = set(shapes.subjects(RDF.type, URIRef("http://www.w3.org/ns/shacl#NodeShape")))
    assert len(node_shapes) >= 10
