"""Every query of the library (graph/queries/*.rq) answers as expected on the hand-written sample."""

from __future__ import annotations

import re

import pytest
import rdflib
from test_store_sample import build_sample

from diplograph.graph.errors import QueryError
from diplograph.graph.store import coerce_param, example, examples, format_result, query

ID = "https://w3id.org/diplograph/id/"


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    return build_sample(tmp_path_factory.mktemp("sample-out"))


def rows(out, name: str, columns: tuple[str, ...], **params: str) -> list[tuple[str, ...]]:
    result = query(out, example(name).render(params))
    return [tuple(r.get(c, "") for c in columns) for r in result.values()]


def test_query_library_has_ten_described_examples_with_declared_params():
    library = examples()
    assert len(library) >= 10
    for name, ex in library.items():
        assert ex.text.startswith("# ") and len(ex.description) > 20, name
        used = set(re.findall(r"\$(\w+)", ex.text))
        assert used == {n for n, _ in ex.params}, name


def test_query_who_met_whom_lists_dated_meetings_without_negated_ones(out):
    assert rows(out, "who-met-whom", ("date", "first", "second", "document")) == [
        ("2002-01-07", "Igor Ivanov", "Jiang Zemin", ID + "doc/jan"),
        ("2002-01-07", "Igor Ivanov", "Jiang Zemin", ID + "doc/may"),
        ("2002-01-07", "Igor Ivanov", "Tang Jiaxuan", ID + "doc/jan"),
        ("2002-05-24", "George W. Bush", "Vladimir Putin", ID + "doc/may"),
    ]


@pytest.mark.parametrize(("state", "date", "expected"), [
    ("russia", "2002-01-07", [("Igor Ivanov", "Foreign Minister", "term of office"),
                              ("Vladimir Putin", "President", "reported that year")]),
    ("russia", "1997-03-01", [("Yevgeny Primakov", "Foreign Minister", "term of office")]),
    ("china", "2002-11-30", [("Jiang Zemin", "President", "reported that year")]),
    ("china", "2003-11-30", []),
])
def test_query_officials_on_date_respects_terms_and_report_years(out, state, date, expected):
    assert rows(out, "officials-on-date", ("name", "role", "basis"), state=state, date=date) == expected


def test_query_agreements_of_state_with_status(out):
    columns = ("name", "relations", "status")
    [(name, relations, status)] = rows(out, "agreements-of-state", columns, state="united_states")
    assert (name, sorted(relations.split(", ")), status) == (
        "Anti-Ballistic Missile Treaty", ["partyTo", "withdrawsFrom"], "withdrawing")
    russia = {r[0]: r[2] for r in rows(out, "agreements-of-state", columns)}
    assert russia == {"Anti-Ballistic Missile Treaty": "party", "Friendship Treaty": "signed", "Moscow Treaty": "joined"}


def test_query_dyad_scores_by_quarter(out):
    assert rows(out, "dyad-scores-by-quarter", ("period", "first", "second", "sign", "score", "events")) == [
        ("2002-Q1", "China", "Russia", "+", "7", "2"),
        ("2002-Q1", "China", "United States", "-", "-4", "1"),
        ("2002-Q1", "Russia", "United States", "-", "-2", "1"),
        ("2002-Q2", "China", "Russia", "-", "-2", "1"),
        ("2002-Q2", "Russia", "United States", "+", "8", "2"),
    ]


def test_query_triangles_skip_slices(out):
    assert rows(out, "triangles", ("first", "second", "third", "class", "pivot", "balanced")) == [
        ("China", "Russia", "United States", "romantic", "Russia", "false")]


def test_query_evidence_for_edge_returns_each_sentence_once(out):
    found = rows(out, "evidence-for-edge", ("document", "sentence", "quote", "claims"))
    assert [(d, s) for d, s, _, _ in found] == [(ID + "doc/jan", "1"), (ID + "doc/may", "5")]
    assert found[0][2].startswith("The Russian foreign minister sat down")
    assert {"Russia met China", "Igor Ivanov met Jiang Zemin"} <= set(found[0][3].split("; "))
    assert rows(out, "evidence-for-edge", ("sentence",), a="china", b="united_states") == [("3",)]


def test_query_outlets_cited_most_first(out):
    assert rows(out, "outlets-cited", ("name", "documents")) == [("Interfax", "2"), ("Strana.ru", "1")]


def test_query_events_by_type_and_month(out):
    assert rows(out, "events-by-type-and-month", ("month", "type", "events")) == [
        ("2001", "AGREE", "1"), ("2002-01", "CONSULT", "3"), ("2002-01", "DISAPPROVE", "1"), ("2002-05", "CONSULT", "1")]


def test_query_memberships_with_origin(out):
    assert rows(out, "memberships", ("name", "relations", "origin")) == [
        ("Shanghai Cooperation Organization", "memberOf", "gazetteer")]
    assert rows(out, "memberships", ("name",), actor="china") == [("Shanghai Cooperation Organization",)]


def test_query_dyad_changes_between_two_periods(out):
    assert rows(out, "dyad-changes", ("first", "second", "signBefore", "signAfter", "change")) == [
        ("China", "Russia", "+", "-", "turned + to -"),
        ("China", "United States", "-", "", "disappeared"),
        ("Russia", "United States", "-", "+", "turned - to +"),
    ]
    assert rows(out, "dyad-changes", ("first", "change"), before="2001-Q4", after="2002-Q1")[0] == ("China", "appeared")


def test_query_describe_actor_prints_each_triple_once(out):
    text = format_result(query(out, example("describe-actor").render()), "table")
    graph = rdflib.Graph().parse(data=text, format="turtle")
    russia = rdflib.URIRef(ID + "russia")
    assert (russia, rdflib.RDFS.label, rdflib.Literal("Russia", lang="en")) in graph
    assert text.count('"Russia"@en') == 1


def test_query_state_network_constructs_state_edges(out):
    graph = rdflib.Graph().parse(data=format_result(query(out, example("state-network").render())), format="turtle")
    dg = rdflib.Namespace("https://w3id.org/diplograph/ontology#")
    edges = {(s.split("/")[-1], p.split("#")[-1], o.split("/")[-1]) for s, p, o in graph if p != rdflib.RDFS.label}
    assert edges == {("russia", "met", "china"), ("china", "criticizes", "united_states")}
    assert dg.met in set(graph.predicates())


def test_query_documents_counts_events_and_evidence(out):
    assert rows(out, "documents", ("title", "published", "events", "evidence")) == [
        ("January digest", "2002-01-07", "5", "4"), ("May digest", "2002-05-24", "2", "2")]


@pytest.mark.parametrize(("value", "default", "expected"), [
    ("china", "dgid:russia", f"<{ID}china>"),
    ("official/igor-ivanov", "dgid:russia", f"<{ID}official/igor-ivanov>"),
    ("dgid:doc/jan", "dgid:russia", f"<{ID}doc/jan>"),
    ("2002-Q3", '"2002-Q1"', '"2002-Q3"'),
    ('say "hi"', '"x"', '"say \\"hi\\""'),
    ("2003-05-01", '"2002-01-07"^^xsd:date', '"2003-05-01"^^xsd:date'),
])
def test_query_param_values_take_the_kind_of_their_default(value, default, expected):
    assert coerce_param(value, default) == expected


def test_query_unknown_param_is_refused():
    with pytest.raises(QueryError, match="no parameter 'country'"):
        example("memberships").render({"country": "china"})
    with pytest.raises(QueryError, match="entity id"):
        coerce_param("two words", "dgid:russia")
