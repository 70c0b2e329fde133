"""Ego networks and the centrality of states in the cooperation and conflict networks.

An ego network is a read-only view of the base graph: every actor within ``depth`` steps of the
ego, whatever the direction or kind of the edges on the way (events, memberships, offices,
agreements), with all the edges among them. The cooperation (conflict) network links two states by
the number of counting events of positive (negative) weight between them; it is a new small graph
derived from the base graph, which stays untouched.
"""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx

from diplograph.graph.views.dyads import contributions

KINDS = ("cooperation", "conflict")


def distances(G: nx.MultiDiGraph, node: str, depth: int = 1) -> dict[str, int]:
    """Steps from ``node`` to every actor within ``depth``, edges followed either way."""
    if node not in G:
        raise KeyError(node)
    return dict(nx.single_source_shortest_path_length(G.to_undirected(as_view=True), node, cutoff=max(depth, 0)))


def ego_view(G: nx.MultiDiGraph, node: str, depth: int = 1) -> nx.MultiDiGraph:
    """The ego network of ``node`` to ``depth`` as a subgraph view (nodes and all edges among them)."""
    inside = frozenset(distances(G, node, depth))
    return nx.subgraph_view(G, filter_node=inside.__contains__)


def interaction_network(G: nx.MultiDiGraph, kind: str) -> nx.Graph:
    """States linked by their counting cooperative (weight > 0) or conflictual (weight < 0) events.

    Raises:
        ValueError: ``kind`` is not cooperation or conflict.
    """
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {', '.join(KINDS)}, not {kind!r}")
    H = nx.Graph()
    for (_, a, b), items in sorted(contributions(G).items()):
        n = sum(1 for _, d in items if (d["weight"] > 0 if kind == "cooperation" else d["weight"] < 0))
        if n:
            H.add_edge(a, b, weight=n)
    return H


@dataclass(frozen=True)
class Centrality:
    """A state's place in a cooperation or conflict network.

    Attributes:
        state: The state's IRI.
        degree: Degree centrality (share of the other states it has events with).
        eigenvector: Eigenvector centrality, edges weighted by event counts.
        events: Its events in the network.
    """

    state: str
    degree: float
    eigenvector: float
    events: int


def _eigenvector(H: nx.Graph) -> dict[str, float]:
    try:
        return nx.eigenvector_centrality(H, max_iter=1000, tol=1e-9, weight="weight")
    except nx.PowerIterationFailedConvergence:  # leave it at zero rather than report a wrong ranking
        return dict.fromkeys(H, 0.0)


def centrality(G: nx.MultiDiGraph, kind: str) -> list[Centrality]:
    """Degree and eigenvector centrality of the states in one network, most central first."""
    H = interaction_network(G, kind)
    if H.number_of_edges() == 0:
        return []
    degree, eigen = nx.degree_centrality(H), _eigenvector(H)
    rows = [Centrality(s, round(degree[s], 6), round(eigen[s], 6), int(H.degree(s, weight="weight"))) for s in H]
    return sorted(rows, key=lambda c: (-c.eigenvector, -c.degree, c.state))
