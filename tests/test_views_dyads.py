"""Signed dyads: mean weight, neutral band, quad classes, evidence, periods."""

from __future__ import annotations

import pytest

from diplograph.graph.iri import ID
from diplograph.graph.views import dyad, dyads, dyads_by_period, load_graph, of_state, period_of, sign_of
from diplograph.graph.views.synth import Ev, to_graph
from diplograph.ontology import event_types

RU, CN, US, IN = ID + "russia", ID + "china", ID + "united_states", ID + "india"


def w(name: str) -> float:
    return event_types()[name].weight


def test_score_is_the_mean_weight_and_total_the_sum():
    G = load_graph(to_graph([Ev("russia", "united_states", "SUPPORT", "2001"),
                             Ev("united_states", "russia", "COOPERATE", "2001"),
                             Ev("russia", "united_states", "DISAPPROVE", "2002-01-07")]))
    d = dyads(G)[RU, US]
    assert d.count == 3
    assert d.total == pytest.approx(w("SUPPORT") + w("COOPERATE") + w("DISAPPROVE"))
    assert d.score == pytest.approx(d.total / 3)
    assert d.sign == "+"
    assert d.quads == (("material_cooperation", 1), ("verbal_conflict", 1), ("verbal_cooperation", 1))
    assert len(d.events) == 3 and all(e.startswith(ID + "event/") for e in d.events)


@pytest.mark.parametrize("score, band, sign", [(1.0, 0.5, "+"), (0.5, 0.5, "0"), (-0.51, 0.5, "-"),
                                               (-2.0, 2.0, "0"), (0.0, 0.0, "0"), (0.1, 0.0, "+")])
def test_sign_has_a_neutral_band(score, band, sign):
    assert sign_of(score, band) == sign


def test_mixed_dyad_inside_the_band_is_neutral():
    # SUPPORT (+3.5) and REJECT (-4.0): mean -0.25, inside the default band.
    G = load_graph(to_graph([Ev("russia", "china", "SUPPORT"), Ev("china", "russia", "REJECT")]))
    assert dyads(G)[CN, RU].sign == "0"
    assert dyads(G, band=0.1)[CN, RU].sign == "-"


def test_officials_count_for_their_states_and_a_state_with_itself_is_dropped():
    G = load_graph(to_graph([Ev("igor_ivanov", "jiang_zemin", "CONSULT", "2002-01-07"),
                             Ev("vladimir_putin", "igor_ivanov", "CONSULT", "2002-01-07")],
                            officials={"igor_ivanov": "russia", "jiang_zemin": "china", "vladimir_putin": "russia"}))
    assert list(dyads(G)) == [(CN, RU)]


def test_dyads_are_unordered():
    G = load_graph(to_graph([Ev("united_states", "china", "THREATEN"), Ev("china", "united_states", "THREATEN")]))
    table = dyads(G)
    assert list(table) == [(CN, US)] and table[CN, US].count == 2
    assert dyad(table, US, CN) is table[CN, US]
    assert dyad(table, US, IN).count == 0 and dyad(table, US, IN).sign == "0"


@pytest.mark.parametrize("date, by, period", [
    ("2002-01-07", "quarter", "2002-Q1"), ("2002-04", "quarter", "2002-Q2"), ("2002-12-31", "quarter", "2002-Q4"),
    ("2002-01-07", "month", "2002-01"), ("2002-01-07", "year", "2002"), ("2002", "quarter", None),
    ("2002", "month", None), ("2002", "year", "2002"), (None, "year", None), ("", "month", None)])
def test_period_of(date, by, period):
    assert period_of(date, by) == period


def test_period_of_rejects_unknown_period():
    with pytest.raises(ValueError, match="month, quarter, year"):
        period_of("2002", "week")


def test_dyads_by_period_leave_vague_dates_to_coarser_periods():
    G = load_graph(to_graph([Ev("russia", "china", "CONSULT", "2002-01-07"), Ev("russia", "china", "THREATEN", "2002-05"),
                             Ev("russia", "china", "SUPPORT", "2002")]))
    quarters = dyads_by_period(G, "quarter")
    assert list(quarters) == ["2002-Q1", "2002-Q2"]
    assert quarters["2002-Q1"][CN, RU].sign == "+" and quarters["2002-Q2"][CN, RU].sign == "-"
    assert quarters["2002-Q1"][CN, RU].period == "2002-Q1"
    assert dyads_by_period(G, "year")["2002"][CN, RU].count == 3
    assert dyads(G)[CN, RU].count == 3


def test_of_state_lists_a_states_dyads_by_count():
    G = load_graph(to_graph([Ev("russia", "china", "CONSULT"), Ev("russia", "india", "CONSULT"),
                             Ev("india", "russia", "AGREE"), Ev("china", "india", "CONSULT")]))
    assert [d.pair for d in of_state(dyads(G), RU)] == [(IN, RU), (CN, RU)]


@pytest.mark.parametrize("by", ["month", "quarter", "year", None])
def test_dyad_tables_is_dyads_and_dyads_by_period_in_one_pass(by):
    from diplograph.graph.views.dyads import dyad_tables
    from diplograph.graph.views.stream import load_parts
    from diplograph.graph.views.synth import ntriples, random_events

    events = random_events(["russia", "china", "india", "france", "peru"], 300, seed=2,
                           types=("CONSULT", "SUPPORT", "DISAPPROVE", "THREATEN"))
    for G in (load_graph(to_graph(events)), load_parts([ntriples(events).encode().replace(b" .\n", b" <g:x> .\n")])):
        overall, sliced = dyad_tables(G, by)
        assert list(overall.items()) == list(dyads(G).items()) and len(overall) == 10
        expected = dyads_by_period(G, by) if by else {}
        assert [(p, list(t.items())) for p, t in sliced.items()] == [(p, list(t.items())) for p, t in expected.items()]
