"""Read-only slices of the base graph: by period, by what counts, by relation, between states.

Every function here returns an ``nx.subgraph_view`` over the graph built by
:func:`diplograph.graph.views.load.load_graph`; none copies or mutates it.

Periods are written ``2002`` (year), ``2002-Q1`` (quarter) and ``2002-01`` (month). An event dated
less precisely than the period asked for (``2001`` when slicing by quarter) has no period: it counts
in the overall dyad and in coarser slices, never in a finer one it might not belong to.
"""

from __future__ import annotations

import networkx as nx

PERIODS = ("month", "quarter", "year")


def period_of(date: str | None, by: str) -> str | None:
    """The period a date falls in, or None when the date is missing or too vague.

    >>> period_of("2002-01-07", "quarter"), period_of("2002-11", "month"), period_of("2001", "quarter")
    ('2002-Q1', '2002-11', None)
    """
    if by not in PERIODS:
        raise ValueError(f"period must be one of {', '.join(PERIODS)}, not {by!r}")
    if not date or len(date) < 4 or not date[:4].isdigit():
        return None
    if by == "year":
        return date[:4]
    if len(date) < 7 or not date[5:7].isdigit():
        return None
    month = int(date[5:7])
    if not 1 <= month <= 12:
        return None
    return date[:7] if by == "month" else f"{date[:4]}-Q{(month - 1) // 3 + 1}"


def counting_view(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """The edges that count in dyads: events neither negated nor forecast, uncovered direct facts."""
    return nx.subgraph_view(G, filter_edge=lambda u, v, k: G.edges[u, v, k]["counts"])


def period_view(G: nx.MultiDiGraph, period: str, by: str) -> nx.MultiDiGraph:
    """The edges dated within one period (``period_view(G, "2002-Q1", "quarter")``)."""
    return nx.subgraph_view(G, filter_edge=lambda u, v, k: period_of(G.edges[u, v, k]["date"], by) == period)


def relation_view(G: nx.MultiDiGraph, *relations: str) -> nx.MultiDiGraph:
    """The edges of the given relations (``"memberOf"``) and the nodes they touch."""
    wanted = frozenset(relations)
    nodes = frozenset(n for u, v, r in G.edges(data="relation") if r in wanted for n in (u, v))
    return nx.subgraph_view(G, filter_node=nodes.__contains__,
                            filter_edge=lambda u, v, k: G.edges[u, v, k]["relation"] in wanted)


def membership_view(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """The bipartite membership view: states (and organizations) -> the organizations they belong to."""
    return relation_view(G, "memberOf")


def agreement_view(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """The agreement-party view: parties and signatories -> the agreements they are party to or signed."""
    return relation_view(G, "partyTo", "signed")


def periods(G: nx.MultiDiGraph, by: str) -> list[str]:
    """The sorted periods in which at least one counting edge is dated."""
    found = {period_of(d["date"], by) for _, _, d in G.edges(data=True) if d["counts"]}
    return sorted(p for p in found if p)
