"""Strategic triangles: Dittmer's classes, the zero rule, invariance, ranking, change over time."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from diplograph.graph.iri import ID
from diplograph.graph.views import (CLASSES, Dyad, classify, dyads, dyads_by_period, load_graph, timeline, triangle,
                                    triangles)
from diplograph.graph.views.synth import Ev, to_graph
from diplograph.graph.views.triangles import classify_all

# One event per side whose weight lands clearly on the given sign; "0" is a mixed side (mean -0.25).
SIDE = {"+": ["COOPERATE"], "-": ["THREATEN"], "0": ["SUPPORT", "REJECT"]}


def world(signs: dict[tuple[str, str], str], date: str = "2002-01-07", doc: str = "doc-1") -> list[Ev]:
    return [Ev(a, b, t, date, doc=doc) for (a, b), s in signs.items() for t in SIDE[s]]


def tri(ab: str, ac: str, bc: str, names=("a", "b", "c")):
    a, b, c = names
    G = load_graph(to_graph(world({(a, b): ab, (a, c): ac, (b, c): bc})))
    return triangle(dyads(G), ID + a, ID + b, ID + c)


@pytest.mark.parametrize("signs, cls, pivot, outsider, balanced", [
    ("+++", "menage", None, None, True),
    ("++-", "romantic", "a", None, False),   # a positive with b and c, who are at odds
    ("+-+", "romantic", "b", None, False),
    ("-++", "romantic", "c", None, False),
    ("+--", "marriage", None, "c", True),    # a and b friends, both against c
    ("-+-", "marriage", None, "b", True),
    ("--+", "marriage", None, "a", True),
    ("---", "unit_veto", None, None, False),
    ("0++", "incomplete", None, None, None),
    ("+0-", "incomplete", None, None, None),
    ("000", "incomplete", None, None, None),
])
def test_every_class_from_constructed_events(signs, cls, pivot, outsider, balanced):
    t = tri(*signs)
    assert t.signs == tuple(signs)
    assert (t.cls, t.balanced) == (cls, balanced)
    assert t.pivot == (ID + pivot if pivot else None)
    assert t.outsider == (ID + outsider if outsider else None)


def test_named_triangle_with_a_missing_side_is_incomplete():
    G = load_graph(to_graph(world({("a", "b"): "+", ("a", "c"): "+"})))
    t = triangle(dyads(G), ID + "a", ID + "b", ID + "c")
    assert t.cls == "incomplete" and t.signs == ("+", "+", "0") and t.dyads[2].count == 0
    assert triangles(dyads(G)) == []


def test_a_triangle_needs_three_states():
    with pytest.raises(ValueError):
        triangle({}, ID + "a", ID + "a", ID + "b")


SIGNS = st.sampled_from("+-0")


@given(ab=SIGNS, ac=SIGNS, bc=SIGNS, order=st.permutations([0, 1, 2]))
def test_classify_does_not_depend_on_the_order_of_the_states(ab, ac, bc, order):
    names = ["x", "y", "z"]
    sign = {frozenset("xy"): ab, frozenset("xz"): ac, frozenset("yz"): bc}
    p = [names[i] for i in order]
    cls, special, balanced = classify(sign[frozenset(p[:2])], sign[frozenset((p[0], p[2]))], sign[frozenset(p[1:])])
    ref_cls, ref_special, ref_balanced = classify(ab, ac, bc)
    assert (cls, balanced) == (ref_cls, ref_balanced)
    assert (p[special] if special is not None else None) == (names[ref_special] if ref_special is not None else None)


NAMES = st.lists(st.from_regex(r"[a-z][a-z0-9_]{0,12}", fullmatch=True), min_size=3, max_size=3, unique=True)


@settings(max_examples=25, deadline=None)
@given(ab=SIGNS, ac=SIGNS, bc=SIGNS, names=NAMES, order=st.permutations([0, 1, 2]))
def test_triangle_does_not_depend_on_node_names_or_argument_order(ab, ac, bc, names, order):
    """Roles follow the states, whatever their ids sort to and whatever order they are named in."""
    x, y, z = names
    G = load_graph(to_graph(world({(x, y): ab, (x, z): ac, (y, z): bc})))
    args = [ID + names[i] for i in order]
    t = triangle(dyads(G), *args)
    cls, special, balanced = classify(ab, ac, bc)
    assert (t.cls, t.balanced) == (cls, balanced)
    role = ID + names[special] if special is not None else None
    assert t.pivot == (role if cls == "romantic" else None)
    assert t.outsider == (role if cls == "marriage" else None)


def dyad_table(edges: dict[tuple[int, int], str]) -> dict[tuple[str, str], Dyad]:
    table = {}
    for (i, j), s in edges.items():
        a, b = sorted((f"s{i:02d}", f"s{j:02d}"))
        table[a, b] = Dyad(a, b, None, i + j + 1, 0.0, 0.0, s)
    return table


PAIRS = st.dictionaries(st.tuples(st.integers(0, 7), st.integers(0, 7)).filter(lambda p: p[0] < p[1]), SIGNS)


@settings(max_examples=60, deadline=None)
@given(edges=PAIRS)
def test_vectorised_classification_agrees_with_the_named_one(edges):
    table = dyad_table(edges)
    found = classify_all(table).rows(ranked=False)
    expected = [triangle(table, a, b, c) for a, b, c in itertools.combinations(sorted({x for p in table for x in p}), 3)
                if (a, b) in table and (a, c) in table and (b, c) in table]
    assert found == expected
    assert classify_all(table).class_counts() == {c: sum(t.cls == c for t in expected) for c in CLASSES}


def test_triangles_are_ranked_by_evidence():
    events = world({("a", "b"): "+", ("a", "c"): "+", ("b", "c"): "-"}) + world({("b", "d"): "-", ("c", "d"): "-"})
    events += [Ev("a", "b", "COOPERATE", quote="again")]
    events += [Ev("b", "c", "THREATEN", "2002-02-01", quote=f"q{i}") for i in range(3)]
    G = load_graph(to_graph(events))
    ranked = triangles(dyads(G))
    assert [t.members for t in ranked] == [tuple(ID + x for x in "abc"), tuple(ID + x for x in "bcd")]
    assert [t.count for t in ranked] == [7, 6]
    assert [t.cls for t in ranked] == ["romantic", "unit_veto"]
    assert triangles(dyads(G), limit=1) == ranked[:1]


def test_a_triangle_changes_class_between_two_quarters_of_two_documents():
    """Document 1 (2002-Q1): Russia courts both rivals. Document 2 (2002-Q3): Russia turns on the US."""
    q1 = world({("russia", "china"): "+", ("russia", "united_states"): "+", ("china", "united_states"): "-"},
               "2002-02-11", "doc-1")
    q3 = world({("russia", "china"): "+", ("russia", "united_states"): "-", ("china", "united_states"): "-"},
               "2002-08-20", "doc-2")
    G = load_graph(to_graph(q1 + q3))
    ru, cn, us = ID + "russia", ID + "china", ID + "united_states"
    rows = timeline(dyads_by_period(G, "quarter"), us, ru, cn)
    assert [(t.period, t.cls) for t in rows] == [("2002-Q1", "romantic"), ("2002-Q3", "marriage")]
    assert rows[0].pivot == ru and rows[1].outsider == us
    # Over both documents Russia-US averages COOPERATE and THREATEN to neutral: no class.
    overall = triangle(dyads(G), ru, cn, us)
    assert (overall.cls, overall.signs, overall.count) == ("incomplete", ("+", "-", "0"), 6)
