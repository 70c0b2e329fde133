"""The dyad tables of a corpus straight from its fold (views/stream.py ``Folder``), without the views' graph.

The views graph (dyads, their slices, triangles) rests only on the *counting contributions* between
states: the events and direct facts whose two ends serve two different states. :func:`view_tables`
reads them off a :class:`~diplograph.graph.views.stream.Folder` by the rules of ``stream.graph_of`` and
``dyads.dyad_tables`` (what counts, mirrored ``met`` events, facts covered by an event, a fact restated
between officials and between their states), in the order those walk the graph's edges, so the weights
are summed in the same order and the tables are equal (``tests/test_views_folded.py`` checks it). It
makes no node and no edge for the hundreds of thousands of events and facts that touch no state pair,
nor for the entities: at ten thousand documents it costs a fraction of building the ``MultiDiGraph``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from diplograph.graph.views import load
from diplograph.graph.views.dyads import BAND, Dyad, Item, tables_of
from diplograph.graph.views.folder import _DOCS, Folder, _all, _first
from diplograph.graph.views.load import DG, bulk, local


@dataclass(frozen=True)
class ViewTables:
    """What the views graph is written from: the dyad tables and the states' names.

    Attributes:
        overall: The overall dyads, keyed by the sorted pair of state IRIs (``dyads.dyads``' table).
        by_period: The dyads of each period (``dyads.dyads_by_period``' tables).
        names: Each state's label (a node's ``label`` in the views' graph).
    """

    overall: dict[tuple[str, str], Dyad]
    by_period: dict[str, dict[tuple[str, str], Dyad]]
    names: dict[str, str]

    def name(self, node: str) -> str | None:
        """A state's label, as ``to_rdf._name`` reads it off the views' graph."""
        return self.names.get(node)


def states(f: Folder) -> tuple[dict[str, str], dict[str, str]]:
    """Each entity's state (a state's own IRI, an official's or an organization's first state served) and each
    state's label."""
    kind = {s: min(slot[0]) for s, slot in f.entities.items()}
    state = {s: s for s, k in kind.items() if k == "State"}
    names = {s: _first(f.entities[s][1]) or local(s) for s in state}
    for s, k in kind.items():
        if k in load.SERVING:
            serves = sorted(o for o in f.entities[s][3] if kind.get(o) == "State")
            if serves:
                state[s] = serves[0]
    return state, names


def view_tables(f: Folder, by: str | None = "quarter", *, band: float = BAND, types: dict | None = None,
                index: Index | None = None) -> ViewTables:
    """:func:`dyads.dyad_tables` of ``stream.graph_of(f)``, and the states' labels, without making the graph.

    With an ``index``, it is filled with the state pairs each event touches and the facts of each state pair
    (what views/incremental.py recomputes one pair from).
    """
    types = load.event_types() if types is None else types
    with bulk():
        state, names = states(f)
        edges: dict[str, dict[str, list]] = {}  # u -> v -> counting (item, date): G._succ's order
        covered: set[tuple] = set()
        _event_edges(f, types, state, edges, covered, index=index)
        _fact_edges(f, types, state, edges, covered, index=index)
        overall, by_period = tables_of(_rows(edges, state), by, band=band)
    return ViewTables(overall, by_period, names)


@dataclass
class Index:
    """Which events and facts each pair of states rests on: ``events`` e -> its state pairs (events between
    states only), ``pairs`` pair -> its events (sorted), ``facts`` pair -> its facts ``(s, relation local
    name, o)``."""

    events: dict[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)
    pairs: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    facts: dict[tuple[str, str], list[tuple[str, str, str]]] = field(default_factory=dict)


def _index_event(index: Index, e: str, pairs: list[tuple[str, str, str, str]]) -> None:
    if len(pairs) == 1:
        _, _, a, b = pairs[0]
        pairs_ = ((a, b) if a < b else (b, a),)
    else:
        pairs_ = tuple(dict.fromkeys((a, b) if a < b else (b, a) for _, _, a, b in pairs))
    index.events[e] = pairs_
    for pair in pairs_:
        events = index.pairs.get(pair)
        if events is None:
            index.pairs[pair] = [e]
        else:
            events.append(e)


def pair_tables(f: Folder, pair: tuple[str, str], events: list[str], facts: list[tuple[str, str, str]],
                state: dict[str, str], by: str | None = "quarter", *, band: float = BAND,
                types: dict | None = None) -> tuple[Dyad | None, dict[str, Dyad]]:
    """One pair of states' overall dyad and slices, from the events and facts touching it (:class:`Index`).

    The same as :func:`view_tables`' for that pair: mirrors, covered facts and the order the weights are
    summed in depend only on the events and facts between the two states' entities.
    """
    types = load.event_types() if types is None else types
    edges: dict[str, dict[str, list]] = {}
    covered: set[tuple] = set()
    _event_edges(f, types, state, edges, covered, events=sorted(events), only=pair)
    _fact_edges(f, types, state, edges, covered, facts=facts)
    overall, by_period = tables_of(_rows(edges, state), by, band=band)
    return overall.get(pair), {period: table[pair] for period, table in by_period.items() if pair in table}


def _rows(edges: dict, state: dict[str, str]) -> Iterator[tuple[tuple[str, str], Item, str | None]]:
    for u in sorted(edges):  # the graph's nodes with a state are the entities, added in sorted order
        a = state[u]
        for v, items in edges[u].items():
            b = state[v]
            pair = (a, b) if a < b else (b, a)
            for item, date in items:
                yield pair, item, date


def _pairs(slots: list, state: dict[str, str]) -> list[tuple[str, str, str, str]]:
    """The (actor, target, their states) of an event's edges between two different states, in edge order."""
    actors, targets = slots[1], slots[2]
    if isinstance(actors, str) and isinstance(targets, str):  # most events: one actor, one target
        a, b = state.get(actors), state.get(targets)
        return [(actors, targets, a, b)] if a is not None and b is not None and a != b else []
    out = []
    for actor in sorted(_all(actors)):
        a = state.get(actor)
        if a is not None:
            for target in sorted(_all(targets)):
                b = state.get(target)
                if b is not None and a != b:
                    out.append((actor, target, a, b))
    return out


class _Locals(dict):
    """Local names of the few IRIs events repeat (types, modalities, relations), each computed once."""

    def __missing__(self, iri: str | None) -> str | None:
        self[iri] = name = local(iri) or None if iri else None
        return name


def _event_edges(f: Folder, types: dict, state: dict[str, str], edges: dict, covered: set, *,
                 events: list[str] | None = None, only: tuple[str, str] | None = None,
                 index: Index | None = None) -> None:
    """stream._add_events' edges between states: what counts, in order; the state pairs events cover.

    An edge touching no state pair is left out with its mirror: a mirror names the same two ends. ``events``
    (sorted) and ``only`` (a pair of states) restrict it; ``index`` gets each event's state pairs.
    """
    mirrors: set[tuple] = set()
    symmetric, locals_, info = load.SYMMETRIC, _Locals(), {}
    forecast, truthy = DG + "forecast", ("true", "1")
    for e in sorted(f.events) if events is None else events:
        slots = f.events[e]
        pairs = _pairs(slots, state)
        if only is not None:
            pairs = [p for p in pairs if (p[2], p[3]) == only or (p[3], p[2]) == only]
        if not pairs:
            continue
        if index is not None:
            _index_event(index, e, pairs)
        relation, name = locals_[_first(slots[3])], locals_[_first(slots[0])]
        negated = _first(slots[6]) in truthy
        counts = not negated and _first(slots[5]) != forecast
        evidence = slots[8]  # one IRI as itself (never equal to a tuple), several as stream's sorted tuple
        evidence = () if evidence is None else evidence if isinstance(evidence, str) else tuple(sorted(evidence))
        item = date = None
        for actor, target, a, b in pairs:
            targets = edges.setdefault(actor, {}).setdefault(target, [])
            if not negated:
                covered.add((relation, *sorted((a, b))) if relation in symmetric else (relation, a, b))
            mirror = (name, actor, target, evidence, negated) if actor < target else \
                (name, target, actor, evidence, negated)
            if counts and not (relation in symmetric and mirror in mirrors):
                if item is None:
                    weight, quad = info[name] if name in info else info.setdefault(name, load._type_info(name, types))
                    item = (e, "event", weight, quad, ())  # an event is its own evidence (dyads.dyad_of)
                    date = _first(slots[4]) or f.doc_date(_all(slots[_DOCS]))
                targets.append((item, date))
            mirrors.add(mirror)


def _fact_edges(f: Folder, types: dict, state: dict[str, str], edges: dict, covered: set, *,
                facts: list[tuple[str, str, str]] | None = None, index: Index | None = None) -> None:
    """stream._add_facts' edges between states: a fact counts unless an event or an earlier fact covers it.

    ``facts`` restricts it (facts between states); ``index`` gets each pair of states' facts.
    """
    facts = sorted((s, p, o) for s, p, o in (f.relations if facts is None else facts)
                   if state.get(s) is not None and state.get(o) is not None and state[s] != state[o])
    if index is not None:
        for s, p, o in facts:
            a, b = state[s], state[o]
            index.facts.setdefault((a, b) if a < b else (b, a), []).append((s, p, o))
    facts.sort(key=lambda t: (t[0] != state[t[0]] or t[2] != state[t[2]], t))  # between states first
    seen: set[tuple] = set()
    for s, p, o in facts:
        targets = edges.setdefault(s, {}).setdefault(o, [])
        if p not in load.FACT_TYPES:
            continue
        a, b = state[s], state[o]
        key = (p, *sorted((a, b))) if p in load.SYMMETRIC else (p, a, b)
        if key not in covered and key not in seen:
            recs = tuple(sorted(_all(f.records.get((s, DG + p, o)))))
            dates = sorted(filter(None, (f.doc_date(_all(f.record_docs.get(r))) for r in recs)))
            weight, quad = load._type_info(load.FACT_TYPES[p], types)
            targets.append(((DG + p, "fact", weight, quad, recs), dates[0] if dates else None))
        seen.add(key)
