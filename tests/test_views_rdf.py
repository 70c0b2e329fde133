"""views_to_rdf: dg:Dyad / dg:Triangle nodes (and slices) exactly in the DESIGN.md shape."""

from __future__ import annotations

from decimal import Decimal

import pytest
from rdflib import RDF, RDFS, Literal, URIRef
from rdflib.compare import isomorphic

from diplograph.graph.iri import ID
from diplograph.graph.views import load_graph, views_to_rdf
from diplograph.graph.views.synth import Ev, to_graph
from diplograph.ontology import validate
from diplograph.ontology.namespace import DG


def iri(path: str) -> URIRef:
    return URIRef(ID + path)


def events() -> list[Ev]:
    return [Ev("igor_ivanov", "jiang_zemin", "CONSULT", "2002-01-07", relation="met"),
            Ev("russia", "china", "SUPPORT", "2002-01"),
            Ev("russia", "united_states", "COOPERATE", "2001-10-02"),
            Ev("russia", "united_states", "SUPPORT", "2001-11"),
            Ev("russia", "united_states", "DISAPPROVE", "2002-01-07"),
            Ev("china", "united_states", "DISAPPROVE", "2002-01-07"),
            Ev("china", "india", "CONSULT", "2002-02-01")]   # india: one side only, no triangle


@pytest.fixture(scope="module")
def g():
    G = load_graph(to_graph(events(), officials={"igor_ivanov": "russia", "jiang_zemin": "china"}))
    return views_to_rdf(G, by="quarter")


def test_dyad_nodes_have_the_design_shape(g):
    d = iri("dyad/china--russia")
    assert set(g.objects(d, RDF.type)) == {DG.Dyad}
    assert set(g.objects(d, DG.member)) == {iri("china"), iri("russia")}
    assert g.value(d, DG.sign) == Literal("+")
    assert g.value(d, DG.score) == Literal(Decimal("2.25"))
    assert g.value(d, DG.eventCount) == Literal(2)
    based = set(g.objects(d, DG.basedOn))
    assert len(based) == 2 and all(str(e).startswith(ID + "event/") for e in based)


def test_slices_are_typed_only_as_slices(g):
    s = iri("dyad/russia--united_states/2002-Q1")
    assert set(g.objects(s, RDF.type)) == {DG.DyadSlice}
    assert g.value(s, DG.sliceOf) == iri("dyad/russia--united_states")
    assert g.value(s, DG.period) == Literal("2002-Q1")
    assert g.value(s, DG.sign) == Literal("-")
    assert set(g.objects(s, DG.member)) == {iri("russia"), iri("united_states")}
    # a slice's events are its dyad's events of its period; its label is its dyad's
    assert g.value(s, DG.basedOn) is None and g.value(s, RDFS.label) is None
    assert g.value(iri("dyad/russia--united_states"), RDFS.label) == Literal("Russia–United States", lang="en")
    assert g.value(iri("dyad/russia--united_states/2001-Q4"), DG.sign) == Literal("+")
    assert not set(g.subjects(RDF.type, DG.Dyad)) & set(g.subjects(RDF.type, DG.DyadSlice))
    assert not set(g.subjects(RDF.type, DG.Triangle)) & set(g.subjects(RDF.type, DG.TriangleSlice))


def test_triangle_nodes_with_class_pivot_and_balance(g):
    t = iri("triangle/china--russia--united_states")
    assert set(g.subjects(RDF.type, DG.Triangle)) == {t}
    assert set(g.objects(t, DG.member)) == {iri("china"), iri("russia"), iri("united_states")}
    assert g.value(t, DG.triangleClass) == Literal("romantic")
    assert g.value(t, DG.pivot) == iri("russia")
    # its event count is the sum of its three dyads' (not written: every event would change every triangle)
    assert g.value(t, DG.eventCount) is None
    sides = ("china--russia", "china--united_states", "russia--united_states")
    assert sum(g.value(iri(f"dyad/{side}"), DG.eventCount).toPython() for side in sides) == 6
    # balance follows from the class and the label from the members: neither is written
    assert g.value(t, DG.balanced) is None and g.value(t, RDFS.label) is None
    q1 = iri("triangle/china--russia--united_states/2002-Q1")
    assert set(g.subjects(RDF.type, DG.TriangleSlice)) == {q1}
    assert g.value(q1, DG.triangleClass) == Literal("marriage")
    assert g.value(q1, DG.outsider) == iri("united_states")
    assert g.value(q1, DG.sliceOf) == t
    assert g.value(q1, DG.eventCount) is not None  # a slice's count is not its dyads' overall counts


def test_triangle_event_count_read_off_its_dyads_in_sparql(g):
    query = """SELECT ?t (SUM(?n) AS ?events) WHERE { ?t a dg:Triangle ; dg:member ?a, ?b . FILTER(STR(?a) < STR(?b))
               ?d a dg:Dyad ; dg:member ?a, ?b ; dg:eventCount ?n } GROUP BY ?t"""  # graph/DESIGN.md's
    rows = {(t, n.toPython()) for t, n in g.query(query, initNs={"dg": DG})}
    assert rows == {(iri("triangle/china--russia--united_states"), 6)}


def test_views_conform_to_the_shapes(g):
    conforms, report = validate(g)
    assert conforms, report


def test_output_is_deterministic_and_independent_of_input_order():
    kw = {"officials": {"igor_ivanov": "russia", "jiang_zemin": "china"}}
    one = views_to_rdf(load_graph(to_graph(events(), **kw)))
    two = views_to_rdf(load_graph(to_graph(events(), **kw)))
    assert sorted(one) == sorted(two) and isomorphic(one, two)
    shuffled = views_to_rdf(load_graph(to_graph(list(reversed(events())), **kw)))
    assert sorted(shuffled) == sorted(one)


def test_without_slices_only_whole_period_nodes():
    g = views_to_rdf(load_graph(to_graph(events(), officials={"igor_ivanov": "russia", "jiang_zemin": "china"})), by=None)
    assert not set(g.subjects(RDF.type, DG.DyadSlice)) and not set(g.subjects(DG.period, None))
    assert len(set(g.subjects(RDF.type, DG.Dyad))) == 4
