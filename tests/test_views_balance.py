"""Structural balance: share of balanced triangles and the frustration index."""

from __future__ import annotations

import itertools

import networkx as nx
from hypothesis import given, settings
from hypothesis import strategies as st

from diplograph.graph.views import Dyad, balance, frustration, signed_network
from diplograph.graph.views.balance import disagreements, exhaustive, local_search


def table(edges: dict[tuple[str, str], str]) -> dict[tuple[str, str], Dyad]:
    return {tuple(sorted(p)): Dyad(*sorted(p), None, 1, 0.0, 0.0, s) for p, s in edges.items()}


def brute_force(H: nx.Graph) -> int:
    """Reference: every two-camp split, written the slow obvious way."""
    nodes = sorted(H)
    return min(disagreements(H, dict(zip(nodes, bits))) for bits in itertools.product((0, 1), repeat=len(nodes)))


def test_unit_veto_triangle_needs_one_flip():
    b = balance(table({("a", "b"): "-", ("a", "c"): "-", ("b", "c"): "-"}))
    assert (b.triangles, b.balanced, b.share, b.frustration, b.exact) == (1, 0, 0.0, 1, True)
    assert b.classes["unit_veto"] == 1


def test_two_camps_are_balanced():
    camps = {"a": 0, "b": 0, "c": 0, "d": 1, "e": 1}
    edges = {(x, y): "+" if camps[x] == camps[y] else "-" for x, y in itertools.combinations("abcde", 2)}
    b = balance(table(edges))
    assert (b.triangles, b.balanced, b.share, b.frustration) == (10, 10, 1.0, 0)
    assert (b.positive, b.negative, b.states) == (4, 6, 5)


def test_neutral_dyads_are_left_out_of_the_signed_network():
    b = balance(table({("a", "b"): "+", ("a", "c"): "0", ("b", "c"): "-"}))
    assert (b.states, b.triangles, b.share, b.frustration) == (3, 0, None, 0)
    assert b.classes["incomplete"] == 1


def test_frustration_adds_over_components():
    t = table({("a", "b"): "-", ("a", "c"): "-", ("b", "c"): "-", ("x", "y"): "+", ("x", "z"): "+", ("y", "z"): "-"})
    assert frustration(signed_network(t)) == (2, True)


EDGES = st.dictionaries(st.tuples(st.integers(0, 6), st.integers(0, 6)).filter(lambda p: p[0] < p[1]),
                        st.sampled_from("+-"), min_size=1)


@settings(max_examples=80, deadline=None)
@given(edges=EDGES)
def test_exact_frustration_matches_brute_force(edges):
    H = signed_network(table({(f"n{a}", f"n{b}"): s for (a, b), s in edges.items()}))
    expected = sum(brute_force(H.subgraph(c)) for c in nx.connected_components(H))
    assert frustration(H) == (expected, True)
    for c in nx.connected_components(H):
        C = H.subgraph(c)
        assert exhaustive(C) == brute_force(C)
        assert local_search(C) >= exhaustive(C)


def test_large_components_get_a_local_search_bound():
    camps = {f"n{i}": i % 2 for i in range(8)}
    edges = {(x, y): "+" if camps[x] == camps[y] else "-" for x, y in itertools.combinations(sorted(camps), 2)}
    edges[("n0", "n1")] = "+"  # one edge against the camps
    H = signed_network(table(edges))
    assert frustration(H, exact_limit=4) == (1, False)
    assert frustration(H) == (1, True)
