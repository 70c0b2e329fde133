"""load_graph: RDF in DESIGN.md shape -> MultiDiGraph; what counts is decided once, here."""

from __future__ import annotations

import copy

import pytest
import rdflib

from diplograph.graph.errors import InputError
from diplograph.graph.iri import ID, ONTOLOGY
from diplograph.graph.views import (agreement_view, balance, centrality, dyads, dyads_by_period, ego_view, load_graph,
                                    membership_view, triangles, views_to_rdf)
from diplograph.graph.views.synth import Ev, document_lines, entity_lines, ntriples, to_graph
from diplograph.ontology import event_types

RU, CN, US = ID + "russia", ID + "china", ID + "united_states"
OFFICIALS = {"igor_ivanov": "russia", "jiang_zemin": "china"}


def weight(name: str) -> float:
    return event_types()[name].weight


def scenario() -> str:
    events = [Ev("igor_ivanov", "jiang_zemin", "CONSULT", "2002-01-07", relation="met"),
              Ev("russia", "united_states", "DISAPPROVE", "2002-01-07", relation="criticizes"),
              Ev("china", "united_states", "COOPERATE", "2002-02", negated=True),
              Ev("china", "united_states", "ASSAULT", "2002-03", modality="forecast")]
    facts = [("igor_ivanov", "met", "jiang_zemin"), ("russia", "met", "china"), ("russia", "criticizes", "united_states"),
             ("russia", "memberOf", "sco"), ("china", "memberOf", "sco"), ("russia", "partyTo", "abm_treaty")]
    extra = entity_lines("sco", "Organization", "Shanghai Cooperation Organization", ["SCO"])
    extra += entity_lines("abm_treaty", "Agreement", "Anti-Ballistic Missile Treaty")
    extra += entity_lines("russia", "State", "Russia", ["Moscow", "Russian"])
    return ntriples(events, officials=OFFICIALS, facts=facts, extra=extra, states=["russia"])


def edges(G) -> list[tuple]:
    return sorted((u, v, k, tuple(sorted(d.items()))) for u, v, k, d in G.edges(keys=True, data=True))


def test_load_graph_reads_entities_with_labels_aliases_and_states():
    G = load_graph(rdflib.Graph().parse(data=scenario(), format="nt"))
    assert G.nodes[RU]["type"] == "State" and G.nodes[RU]["label"] == "Russia"
    assert G.nodes[RU]["aliases"] == ("Moscow", "Russian")
    assert G.nodes[ID + "igor_ivanov"]["type"] == "Official"
    assert G.nodes[ID + "igor_ivanov"]["state"] == RU
    assert G.nodes[ID + "sco"]["state"] is None


def test_load_graph_keys_events_by_iri_and_facts_by_predicate():
    G = load_graph(rdflib.Graph().parse(data=scenario(), format="nt"))
    keys = {k for *_, k in G.edges(ID + "igor_ivanov", keys=True)}
    assert ONTOLOGY + "met" in keys and ONTOLOGY + "officialOf" in keys
    event = next(k for k in keys if k.startswith(ID + "event/"))
    d = G.edges[ID + "igor_ivanov", ID + "jiang_zemin", event]
    assert (d["kind"], d["event_type"], d["relation"], d["date"], d["counts"]) == ("event", "CONSULT", "met", "2002-01-07", True)
    assert d["weight"] == weight("CONSULT") and d["quote"] == "Quote."


def test_negated_and_forecast_events_do_not_count():
    G = load_graph(rdflib.Graph().parse(data=scenario(), format="nt"))
    flags = {d["event_type"]: d["counts"] for _, _, d in G.edges(CN, data=True) if d["kind"] == "event"}
    assert flags == {"COOPERATE": False, "ASSAULT": False}
    assert (CN, US) not in dyads(G)


def test_event_and_the_facts_it_supports_count_once():
    G = load_graph(rdflib.Graph().parse(data=scenario(), format="nt"))
    table = dyads(G)
    assert table[CN, RU].count == 1 and table[CN, RU].score == weight("CONSULT")
    assert table[RU, US].count == 1 and table[RU, US].score == weight("DISAPPROVE")


def test_standalone_fact_counts_with_the_weight_of_its_relation():
    G = load_graph(to_graph([], facts=[("russia", "supports", "china"), ("china", "criticizes", "united_states")]))
    table = dyads(G)
    assert table[CN, RU].score == weight("SUPPORT") and table[CN, RU].sign == "+"
    assert table[CN, US].score == weight("DISAPPROVE") and table[CN, US].sign == "-"


def test_fact_restated_between_officials_and_states_counts_once():
    G = load_graph(to_graph([], officials=OFFICIALS, facts=[("igor_ivanov", "met", "jiang_zemin"), ("russia", "met", "china")]))
    assert dyads(G)[CN, RU].count == 1


def test_negated_event_does_not_hide_a_fact_read_elsewhere():
    G = load_graph(to_graph([Ev("russia", "china", "CONSULT", relation="met", negated=True)], facts=[("russia", "met", "china")]))
    assert dyads(G)[CN, RU].count == 1


def test_undated_event_takes_its_documents_date():
    extra = document_lines("doc-1", "2003-05-02")
    G = load_graph(to_graph([Ev("russia", "china", "SUPPORT")], extra=extra))
    assert list(dyads_by_period(G, "quarter")) == ["2003-Q2"]


@pytest.mark.parametrize("kind", ["graph", "dataset", "ttl", "nt", "folder", "trig"])
def test_every_source_gives_the_same_graph(tmp_path, kind):
    g = rdflib.Graph().parse(data=scenario(), format="nt")
    expected = edges(load_graph(g))
    if kind == "graph":
        source = g
    elif kind == "dataset":
        source = rdflib.Dataset()
        named = source.graph(rdflib.URIRef(ID + "doc/doc-1"))
        for t in g:
            named.add(t)
    elif kind == "folder":
        g.serialize(tmp_path / "graph.ttl", format="turtle")
        source = tmp_path
    else:
        source = tmp_path / f"graph.{kind}"
        g.serialize(source, format={"ttl": "turtle", "nt": "nt", "trig": "trig"}[kind])
    assert edges(load_graph(source)) == expected


def test_missing_source_and_broken_rdf_raise_input_errors(tmp_path):
    with pytest.raises(InputError, match="no graph.ttl"):
        load_graph(tmp_path)
    bad = tmp_path / "graph.ttl"
    bad.write_text("<a> <b> .\n")
    with pytest.raises(InputError, match="graph.ttl: cannot parse"):
        load_graph(tmp_path)
    with pytest.raises(InputError, match="no such file"):
        load_graph(tmp_path / "nowhere")


def test_views_never_mutate_the_base_graph():
    G = load_graph(rdflib.Graph().parse(data=scenario(), format="nt"))
    nodes, before = copy.deepcopy(dict(G.nodes(data=True))), edges(G)
    table = dyads(G)
    triangles(table), balance(table), dyads_by_period(G, "month"), views_to_rdf(G)
    list(ego_view(G, RU, 2).edges), list(membership_view(G).edges), list(agreement_view(G).edges)
    centrality(G, "cooperation"), centrality(G, "conflict")
    assert dict(G.nodes(data=True)) == nodes and edges(G) == before


def test_a_meeting_read_in_both_directions_from_one_span_counts_once():
    same = dict(relation="met", date="2002-01-07", quote="Ivanov and Jiang met.")
    G = load_graph(to_graph([Ev("igor_ivanov", "jiang_zemin", "CONSULT", **same),
                             Ev("jiang_zemin", "igor_ivanov", "CONSULT", **same),
                             Ev("russia", "china", "SUPPORT", "2002-01-07", quote="Each praised the other."),
                             Ev("china", "russia", "SUPPORT", "2002-01-07", quote="Each praised the other.")],
                            officials=OFFICIALS))
    d = dyads(G)[CN, RU]
    assert d.count == 3 and d.total == weight("CONSULT") + 2 * weight("SUPPORT")
