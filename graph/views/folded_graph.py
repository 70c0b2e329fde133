"""Stage: a :class:`~diplograph.graph.views.folder.Folder` -> the views' ``MultiDiGraph``.

:func:`graph_of` builds the same graph as ``load_graph`` gives for the union of the folded graphs
(``tests/test_views_stream.py`` checks it); it keeps each edge's attributes in an :class:`EdgeData` (slots,
a third of a dict's memory), read and written like a dict.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator, MutableMapping

import networkx as nx

from diplograph.graph.views import load
from diplograph.graph.views.folder import _DOCS, Folder, _all, _first, fold
from diplograph.graph.views.load import DG, bulk, local

#: The attributes of every edge of the views' graph, in load.py's order.
EDGE_KEYS = ("kind", "relation", "event_type", "weight", "quad", "date", "modality", "negated", "hedged", "counts",
             "evidence", "quote")


class EdgeData(MutableMapping):
    """An edge's attributes (load.py's keys) in slots: a third of a dict's memory, read and written like one.

    The views' graph of a corpus has an edge per event and fact, hundreds of thousands of them; any other
    key goes in an ordinary dict.
    """

    __slots__ = (*EDGE_KEYS, "_extra")

    def __init__(self, *values, **extra) -> None:
        for key, value in zip(EDGE_KEYS, values):
            setattr(self, key, value)
        if extra:
            self.update(extra)

    def __getitem__(self, key: str):
        try:
            return getattr(self, key) if key in _EDGE_SLOTS else self._extra[key]
        except AttributeError:
            raise KeyError(key) from None

    def __setitem__(self, key: str, value) -> None:
        if key in _EDGE_SLOTS:
            setattr(self, key, value)
        else:
            if not hasattr(self, "_extra"):
                self._extra = {}
            self._extra[key] = value

    def __delitem__(self, key: str) -> None:
        try:
            delattr(self, key) if key in _EDGE_SLOTS else self._extra.__delitem__(key)
        except AttributeError:
            raise KeyError(key) from None

    def __iter__(self) -> Iterator[str]:
        yield from (k for k in EDGE_KEYS if hasattr(self, k))
        yield from getattr(self, "_extra", ())

    def __len__(self) -> int:
        return sum(1 for _ in self)

    def __contains__(self, key: object) -> bool:
        return hasattr(self, key) if key in _EDGE_SLOTS else key in getattr(self, "_extra", ())

    def get(self, key: str, default=None):
        try:
            return self[key]
        except KeyError:
            return default

    def copy(self) -> EdgeData:
        return EdgeData(**self)

    def __repr__(self) -> str:
        return repr(dict(self))


_EDGE_SLOTS = frozenset(EDGE_KEYS)


def _edge(G: nx.MultiDiGraph, u: str, v: str, key: str, data: EdgeData) -> None:
    """Add an edge holding ``data`` itself (``add_edge`` would copy it into a new dict)."""
    keydict = G._succ[u].get(v)
    if keydict is None:
        keydict = G._succ[u][v] = G._pred[v][u] = G.edge_key_dict_factory()
    keydict[key] = data


def _add_entities(G: nx.MultiDiGraph, f: Folder) -> None:
    for s in sorted(f.entities):
        kinds, labels, aliases, _ = f.entities[s]
        G.add_node(s, type=min(kinds), label=_first(labels) or local(s), aliases=tuple(sorted(aliases)), state=None)
    for s in G:
        if G.nodes[s]["type"] == "State":
            G.nodes[s]["state"] = s
    for s in G:
        if G.nodes[s]["type"] in load.SERVING:
            serves = sorted(o for o in f.entities[s][3] if G.nodes.get(o, {}).get("type") == "State")
            if serves:
                G.nodes[s]["state"] = serves[0]


def _event_data(f: Folder, e: str, types: dict) -> EdgeData:
    slots = f.events[e]
    name = local(_first(slots[0]) or "")
    weight, quad = load._type_info(name, types)
    modality = local(_first(slots[5]) or DG + "act")
    negated = load._truthy(_first(slots[6]))
    relation = _first(slots[3])
    return EdgeData("event", _local(relation) if relation else None, _intern(name) or None, weight, quad,
                    _first(slots[4]) or f.doc_date(_all(slots[_DOCS])), _intern(modality), negated,
                    load._truthy(_first(slots[7])), not negated and modality != "forecast",
                    tuple(sorted(_all(slots[8]))), f.quotes[e][1] if e in f.quotes else None)


def _local(iri: str) -> str:
    return sys.intern(local(iri))


def _intern(text: str) -> str:
    return sys.intern(text) if text else text


def _add_events(G: nx.MultiDiGraph, f: Folder, types: dict) -> None:
    """One edge per (actor, target) of each event; a mirrored symmetric one counts once (load.add_events)."""
    mirrors: set[tuple] = set()  # (type, the two ends sorted, evidence, negated): a frozenset costs three times more
    for e in sorted(f.events):
        slots = f.events[e]
        data = _event_data(f, e, types)
        for actor in sorted(_all(slots[1])):
            for target in sorted(_all(slots[2])):
                load._ensure(G, actor), load._ensure(G, target)
                mirror = (data.event_type, *sorted((actor, target)), data.evidence, data.negated)
                edge = data if len(_all(slots[1])) * len(_all(slots[2])) == 1 else data.copy()
                edge.counts = data.counts and not (data.relation in load.SYMMETRIC and mirror in mirrors)
                mirrors.add(mirror)
                _edge(G, actor, target, e, edge)


def _add_facts(G: nx.MultiDiGraph, f: Folder, types: dict) -> None:
    covered = {load.pair_key(G, u, v, d["relation"]) for u, v, d in G.edges(data=True)
               if d["kind"] == "event" and not d["negated"]}
    seen: set[tuple] = set()
    facts = sorted((s, p, o) for s, p, o in f.relations if s in G)
    facts.sort(key=lambda t: (G.nodes[t[0]]["type"] != "State" or G.nodes.get(t[2], {}).get("type") != "State", t))
    for s, p, o in facts:
        load._ensure(G, o)
        recs = sorted(_all(f.records.get((s, DG + p, o))))
        dates = sorted(filter(None, (f.doc_date(_all(f.record_docs.get(r))) for r in recs)))
        key = load.pair_key(G, s, o, p) if p in load.FACT_TYPES else None
        counts = key is not None and key not in covered and key not in seen
        seen.add(key)
        weight, quad = load._type_info(load.FACT_TYPES.get(p), types)
        _edge(G, s, o, DG + p, EdgeData("fact", p, load.FACT_TYPES.get(p), weight, quad, dates[0] if dates else None,
                                        "act", False, False, counts, tuple(recs), None))


def graph_of(folder: Folder, *, types: dict | None = None) -> nx.MultiDiGraph:
    """The views' ``MultiDiGraph`` of what a :class:`Folder` holds (edge attributes in :class:`EdgeData`)."""
    types = load.event_types() if types is None else types
    with bulk():
        G = nx.MultiDiGraph(source=None)
        G.edge_attr_dict_factory = EdgeData
        _add_entities(G, folder)
        _add_events(G, folder, types)
        _add_facts(G, folder, types)
        nx._clear_cache(G)
    return G


def load_parts(graphs: Iterable[bytes | dict], *, types: dict | None = None) -> nx.MultiDiGraph:
    """The views' ``MultiDiGraph`` of several named graphs, each given as its N-Quads bytes or its digest.

    Args:
        graphs: Each document graph's N-Quads, or its :func:`digest` parsed (a dict), one at a time: an
            iterator keeps memory flat.
        types: Event type table (defaults to the ontology's ``event_types()``).
    """
    return graph_of(fold(graphs), types=types)
