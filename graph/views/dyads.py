"""Signed dyads: the events between two states, aggregated into a score and a sign.

A dyad is unordered (``a < b`` by IRI). Its contributions are the counting edges of the base graph
(see :mod:`diplograph.graph.views.load`) whose two ends serve the two states: an official counts for
the state it is ``dg:officialOf``, an organization for the state it is ``dg:stateOf`` (a government body,
a national party, union or association); a state's relation to itself is dropped.

The **score** is the mean weight of the contributions (the event types' Goldstein-like weights,
-10..+10), so a dyad read in one article and one read in a hundred sit on the same scale and one
neutral band fits both; the sum is kept as ``total``. The **sign** is ``+`` when the score is above
``band``, ``-`` below ``-band`` and ``0`` within it (neutral or mixed).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import networkx as nx

from diplograph.graph.views.load import bulk
from diplograph.graph.views.periods import period_of

BAND = 0.5


@dataclass(frozen=True, slots=True)
class Dyad:
    """The relation between two states over a period (``period=None``: everything read).

    Attributes:
        a: The first state's IRI (sorted, ``a < b``).
        b: The second state's IRI.
        period: ``"2002-Q1"`` etc., or None for the whole span.
        count: Number of counting events (and uncovered direct facts).
        total: Sum of their weights.
        score: Mean weight, ``total / count`` (0.0 for an empty dyad).
        sign: ``"+"``, ``"-"`` or ``"0"``.
        quads: ``(quad class, count)`` pairs, sorted.
        events: IRIs of the events (or fact records) it rests on, sorted.
    """

    a: str
    b: str
    period: str | None
    count: int
    total: float
    score: float
    sign: str
    quads: tuple[tuple[str, int], ...] = ()
    events: tuple[str, ...] = ()

    @property
    def pair(self) -> tuple[str, str]:
        return self.a, self.b


def sign_of(score: float, band: float = BAND) -> str:
    """``+`` above the band, ``-`` below its negative, ``0`` within.

    >>> sign_of(2.0), sign_of(-0.7), sign_of(0.5)
    ('+', '-', '0')
    """
    return "+" if score > band else "-" if score < -band else "0"


def empty_dyad(x: str, y: str, period: str | None = None) -> Dyad:
    """The dyad of two states with nothing between them."""
    a, b = sorted((x, y))
    return Dyad(a, b, period, 0, 0.0, 0.0, "0")


def contributions(G: nx.MultiDiGraph, by: str | None = None) -> dict[tuple, list[tuple[str, dict]]]:
    """The counting edges between two states, grouped ``(period, a, b) -> [(edge key, edge data)]``.

    With ``by`` set, edges without a period of that kind are left out; without it the period is None.
    """
    state = dict(G.nodes(data="state"))
    groups: dict[tuple, list[tuple[str, dict]]] = {}
    for u, v, k, d in G.edges(keys=True, data=True):
        a, b = state[u], state[v]
        if not d["counts"] or a is None or b is None or a == b:
            continue
        period = period_of(d["date"], by) if by else None
        if by and period is None:
            continue
        key = (period, a, b) if a < b else (period, b, a)
        group = groups.get(key)
        if group is None:
            groups[key] = group = []
        group.append((k, d))
    return groups


def _dyad(key: tuple, items: list[tuple[str, dict]], band: float) -> Dyad:
    return dyad_of(key, [(k, d["kind"], d["weight"], d["quad"], d["evidence"]) for k, d in items], band)


#: One contribution to a dyad: (edge key, kind, weight, quad class, evidence), an edge's attributes.
Item = tuple[str, str, float, "str | None", tuple[str, ...]]


def dyad_of(key: tuple, items: list[Item], band: float) -> Dyad:
    """The dyad ``(period, a, b)`` of its contributions, in edge order (the order the weights are summed in)."""
    period, a, b = key
    total, quads, events = 0.0, {}, set()
    for k, kind, weight, quad, evidence in items:
        total += weight
        quad = quad or "unknown"
        quads[quad] = quads.get(quad, 0) + 1
        if kind == "event":  # an event is its own evidence; a standalone fact points at its reified records
            events.add(k)
        else:
            events.update(evidence)
    score = total / len(items)
    return Dyad(a, b, period, len(items), round(total, 6), round(score, 6), sign_of(score, band),
                tuple(sorted(quads.items())), tuple(sorted(events)))


def aggregate(G: nx.MultiDiGraph, by: str | None = None, band: float = BAND) -> dict[tuple, Dyad]:
    """Every dyad with at least one contribution, keyed ``(period, a, b)`` (period None when ``by`` is None)."""
    with bulk():
        groups = contributions(G, by)
        return {key: _dyad(key, groups[key], band) for key in sorted(groups)}


def dyads(G: nx.MultiDiGraph, *, band: float = BAND) -> dict[tuple[str, str], Dyad]:
    """The overall dyads, keyed by the sorted pair of state IRIs."""
    return {(a, b): d for (_, a, b), d in aggregate(G, None, band).items()}


def dyads_by_period(G: nx.MultiDiGraph, by: str, *, band: float = BAND) -> dict[str, dict[tuple[str, str], Dyad]]:
    """The dyads of each period (``by`` in month, quarter, year), periods sorted."""
    out: dict[str, dict[tuple[str, str], Dyad]] = {}
    for (period, a, b), d in aggregate(G, by, band).items():
        out.setdefault(period, {})[a, b] = d
    return out


Tables = tuple[dict[tuple[str, str], Dyad], dict[str, dict[tuple[str, str], Dyad]]]


def dyad_tables(G: nx.MultiDiGraph, by: str | None = None, *, band: float = BAND) -> Tables:
    """:func:`dyads` and :func:`dyads_by_period` (``{}`` when ``by`` is None) in one pass over the edges."""
    with bulk():
        return tables_of(_counting_rows(G), by, band=band)


def _counting_rows(G: nx.MultiDiGraph) -> Iterator[tuple[tuple[str, str], Item, str | None]]:
    state = dict(G.nodes(data="state"))
    for u, nbrs in G._succ.items():  # G.edges' order, without its views
        a = state[u]
        if a is None:
            continue
        for v, keyed in nbrs.items():
            b = state[v]
            if b is None or a == b:
                continue
            pair = (a, b) if a < b else (b, a)
            for k, d in keyed.items():
                if d["counts"]:
                    yield pair, (k, d["kind"], d["weight"], d["quad"], d["evidence"]), d["date"]


def tables_of(rows: Iterable[tuple[tuple[str, str], Item, str | None]], by: str | None = None, *,
              band: float = BAND) -> Tables:
    """The dyad tables of counting contributions ``(sorted pair of states, item, date)``, in edge order."""
    overall: dict[tuple, list] = {}
    sliced: dict[tuple, list] = {}
    periods: dict = {}
    for pair, item, date in rows:
        group = overall.get(pair)
        if group is None:
            overall[pair] = group = []
        group.append(item)
        if by:
            period = periods[date] if date in periods else periods.setdefault(date, period_of(date, by))
            if period is not None:
                sliced.setdefault((period, *pair), []).append(item)
    table = {pair: dyad_of((None, *pair), overall[pair], band) for pair in sorted(overall)}
    out: dict[str, dict[tuple[str, str], Dyad]] = {}
    for key in sorted(sliced):
        out.setdefault(key[0], {})[key[1:]] = dyad_of(key, sliced[key], band)
    return table, out


def dyad(table: dict[tuple[str, str], Dyad], x: str, y: str, period: str | None = None) -> Dyad:
    """The dyad of two states in a table, or an empty one when nothing joins them."""
    return table.get(tuple(sorted((x, y)))) or empty_dyad(x, y, period)


def of_state(table: dict[tuple[str, str], Dyad], state: str) -> list[Dyad]:
    """The dyads one state is in, by descending count, then by pair."""
    return sorted((d for d in table.values() if state in d.pair), key=lambda d: (-d.count, d.pair))
