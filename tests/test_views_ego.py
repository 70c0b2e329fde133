"""Ego networks, membership and agreement views, centrality in cooperation and conflict networks."""

from __future__ import annotations

import networkx as nx
import pytest

from diplograph.graph.errors import InputError
from diplograph.graph.iri import ID
from diplograph.graph.views import (agreement_view, centrality, distances, ego_view, interaction_network, load_graph,
                                    membership_view, period_view, resolve)
from diplograph.graph.views.synth import Ev, entity_lines, to_graph

OFFICIALS = {"igor_ivanov": "russia", "jiang_zemin": "china", "sergei_ivanov": "russia"}


@pytest.fixture(scope="module")
def G() -> nx.MultiDiGraph:
    extra = entity_lines("sco", "Organization", "Shanghai Cooperation Organization", ["SCO"])
    extra += entity_lines("abm_treaty", "Agreement", "ABM Treaty")
    extra += entity_lines("igor_ivanov", "Official", "Igor Ivanov", ["Ivanov"], "russia")
    extra += entity_lines("sergei_ivanov", "Official", "Sergei Ivanov", ["Ivanov"], "russia")
    extra += entity_lines("russia", "State", "Russia", ["Moscow", "the Kremlin"])
    extra += entity_lines("united_states", "State", "United States", ["U.S.", "Washington"])
    events = [Ev("igor_ivanov", "jiang_zemin", "CONSULT", "2002-01-07", relation="met"),
              Ev("russia", "united_states", "COOPERATE", "2001-10"), Ev("china", "united_states", "DISAPPROVE", "2002-01"),
              Ev("india", "pakistan", "THREATEN", "2002-01"), Ev("india", "china", "CONSULT", "2002-03")]
    facts = [("russia", "memberOf", "sco"), ("china", "memberOf", "sco"), ("russia", "partyTo", "abm_treaty"),
             ("united_states", "partyTo", "abm_treaty"), ("united_states", "withdrawsFrom", "abm_treaty")]
    return load_graph(to_graph(events, officials=OFFICIALS, facts=facts, extra=extra))


def test_ego_network_grows_with_depth(G):
    ivanov = ID + "igor_ivanov"
    assert set(ego_view(G, ivanov, 0)) == {ivanov}
    assert set(ego_view(G, ivanov, 1)) == {ivanov, ID + "jiang_zemin", ID + "russia"}
    two = distances(G, ivanov, 2)
    assert two[ID + "sco"] == 2 and two[ID + "china"] == 2 and two[ID + "abm_treaty"] == 2
    assert ID + "pakistan" not in two
    view = ego_view(G, ivanov, 2)
    assert view.number_of_edges() == sum(1 for u, v in G.edges() if u in two and v in two)


def test_membership_and_agreement_views_are_bipartite_slices(G):
    m = membership_view(G)
    assert sorted(m) == [ID + "china", ID + "russia", ID + "sco"]
    assert {d["relation"] for *_, d in m.edges(data=True)} == {"memberOf"}
    a = agreement_view(G)
    assert sorted((u, v) for u, v in a.edges()) == [(ID + "russia", ID + "abm_treaty"), (ID + "united_states", ID + "abm_treaty")]
    assert nx.is_frozen(a) and nx.is_frozen(m)


def test_period_view_keeps_the_edges_of_one_period(G):
    q1 = period_view(G, "2002-Q1", "quarter")
    assert sorted(d["event_type"] for *_, d in q1.edges(data=True) if d["kind"] == "event") == \
        ["CONSULT", "CONSULT", "DISAPPROVE", "THREATEN"]


def test_centrality_in_cooperation_and_conflict_networks(G):
    coop = interaction_network(G, "cooperation")
    assert {frozenset(e) for e in coop.edges()} == {frozenset((ID + "china", ID + "india")),
                                                    frozenset((ID + "russia", ID + "china")),
                                                    frozenset((ID + "russia", ID + "united_states"))}
    top = centrality(G, "cooperation")
    assert top[0].state in (ID + "china", ID + "russia") and top[0].degree == pytest.approx(2 / 3)
    conflict = {c.state: c for c in centrality(G, "conflict")}
    assert set(conflict) == {ID + "china", ID + "united_states", ID + "india", ID + "pakistan"}
    assert conflict[ID + "india"].events == 1
    with pytest.raises(ValueError):
        interaction_network(G, "trade")


@pytest.mark.parametrize("name, iri", [("Russia", "russia"), ("russia", "russia"), ("  the   KREMLIN ", "russia"),
                                       ("Igor Ivanov", "igor_ivanov"), ("dgid:sco", "sco"), ("SCO", "sco"),
                                       (ID + "china", "china")])
def test_names_resolve_through_labels_and_aliases(G, name, iri):
    assert resolve(G, name) == ID + iri


def test_ambiguous_and_unknown_names_list_candidates(G):
    with pytest.raises(InputError, match=r"out: 'Ivanov' is ambiguous: Igor Ivanov \(dgid:igor_ivanov\), Sergei Ivanov"):
        resolve(G, "Ivanov", where="out")
    with pytest.raises(InputError, match="no actor named 'Rusia'; close matches: Russia"):
        resolve(G, "Rusia", where="out")
    assert InputError.exit_code == 2
