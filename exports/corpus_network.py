"""Stage: a corpus' fold (views/stream.py ``Folder``) -> graph.html's node and edge records, without the views' graph.

:func:`network_of_fold` gives what ``network.network_from_views(stream.graph_of(f))`` gives, read straight off
the fold: the entities as nodes, and one edge per (actor, relation or event type, target) between two of them,
from the events that are not negated and the direct facts. It follows the graph's rules (an event's date is its
own or its first document's, a fact's is its earliest record's document's; an edge's weight is its last
contribution's, the events in the order of their IRIs and then the fact; its quotes are its first events'), so
the two are equal (``tests/test_html_corpus_fold.py`` checks it), at a fraction of the cost: at ten thousand
documents no ``MultiDiGraph`` of a quarter of a million events is made.
"""

from __future__ import annotations

from diplograph.exports.network import corpus_record, count_event
from diplograph.graph.iri import local_name as local
from diplograph.graph.views import load
from diplograph.graph.views.folder import _DOCS, Folder, _all, _first


def nodes_of_fold(f: Folder) -> list[dict]:
    """One record per entity (``network.nodes``' fields; no subtypes, roles or fact origins), sorted by IRI."""
    return [{"id": s, "label": _first(f.entities[s][1]) or local(s), "type": min(f.entities[s][0]), "subtypes": [],
             "role": "", "aliases": sorted(f.entities[s][2])} for s in sorted(f.entities)]


def network_of_fold(f: Folder, *, types: dict | None = None) -> tuple[list[dict], list[dict]]:
    """Nodes and edges of a corpus' entity graph, as ``network.network_from_views`` draws them.

    Args:
        f: The corpus' fold (every document's digest folded).
        types: Event type table (defaults to the ontology's ``load.event_types()``).
    """
    with load.bulk():
        acc = _edges(f, types)
        return nodes_of_fold(f), [_record(key, acc[key]) for key in sorted(acc)]


def strongest_of_fold(f: Folder, limit: int, *, types: dict | None = None) -> tuple[list[dict], list[dict], int, int]:
    """``network.strongest(*network_of_fold(f), limit)`` and the numbers of nodes and edges in all, making the
    records of the edges kept only (a corpus has a hundred thousand edges or more, its page draws a few thousand).
    """
    with load.bulk():  # the fold is millions of objects: no collection meanwhile
        return _strongest(f, limit, types)


def _strongest(f: Folder, limit: int, types: dict | None) -> tuple[list[dict], list[dict], int, int]:
    acc = _edges(f, types)
    keys = sorted(acc)
    ranked = sorted((-edge[0], ("" in edge[1]) - len(edge[1]), i) for i, edge in enumerate(map(acc.__getitem__, keys)))
    kept = sorted(i for _, _, i in ranked[:limit])
    edges = [_record(keys[i], acc[keys[i]]) for i in kept]
    nodes = nodes_of_fold(f)
    if len(keys) > limit:
        ends = {e["source"] for e in edges} | {e["target"] for e in edges}
        return [n for n in nodes if n["id"] in ends or n["type"] == "State"], edges, len(nodes), len(keys)
    return nodes, edges, len(nodes), len(keys)


# An edge's accumulator: [count, dates, event types, modalities, weight, quotes (date, quote), at most five]
Acc = list


def _edges(f: Folder, types: dict | None) -> dict[tuple[str, str, str], Acc]:
    types = load.event_types() if types is None else types
    acc: dict[tuple[str, str, str], Acc] = {}
    dated = _Dates(f)
    with load.bulk():
        _event_edges(f, types, acc, dated)
        for key, (date, weight) in _fact_edges(f, dated).items():  # a fact comes after the events in its edge's order
            edge = acc.get(key)
            if edge is None:
                edge = acc[key] = [0, set(), set(), set(), None, []]
            edge[0] += 1
            edge[1].add(date or "")
            if weight is not None:
                edge[4] = load._type_info(weight, types)[0]
    return acc


class _Dates(dict):
    """``Folder.doc_date`` of each set of documents, computed once."""

    def __init__(self, f: Folder) -> None:
        super().__init__()
        self.f = f

    def of(self, docs) -> str | None:
        key = docs if isinstance(docs, str) or docs is None else tuple(sorted(docs))
        if key in self:
            return self[key]
        date = self[key] = self.f.doc_date(_all(docs))
        return date


def _event_edges(f: Folder, types: dict, acc: dict, dated: _Dates) -> None:
    ids, names = f.entities, {}
    for e in sorted(f.events):  # an edge's events in the order of their IRIs, as the graph holds them
        slots = f.events[e]
        actors, targets = _all(slots[1]), _all(slots[2])
        pairs = [(a, t) for a in actors if a in ids for t in targets if t in ids]
        if not pairs or load._truthy(_first(slots[6])):
            continue
        name, relation, modality = (_local(names, _first(slots[i])) for i in (0, 3, 5))
        label = relation or name or "related"
        modality = modality or "act"
        date = _first(slots[4]) or dated.of(slots[_DOCS]) or ""
        quote = f.quotes[e][1] if e in f.quotes else None
        weight = load._type_info(name, types)[0] if name else None
        for key in pairs:
            key = (key[0], label, key[1])
            edge = acc.get(key)
            if edge is None:
                edge = acc[key] = [0, set(), set(), set(), None, []]
            count_event(edge, date, name, modality, quote, weight)


def _local(names: dict, iri: str | None) -> str:
    if not iri:
        return ""
    name = names.get(iri)
    if name is None:
        name = names[iri] = local(iri)
    return name


def _fact_edges(f: Folder, dated: _Dates) -> dict[tuple[str, str, str], tuple[str | None, str | None]]:
    """Each direct fact between two entities: its date and the event type its relation stands for."""
    ids, out = f.entities, {}
    for s, p, o in f.relations:
        if s not in ids or o not in ids:
            continue
        recs = _all(f.records.get((s, load.DG + p, o)))
        dates = [d for d in map(dated.of, map(f.record_docs.get, recs)) if d]
        out[s, p, o] = (min(dates) if dates else None, load.FACT_TYPES.get(p))
    return out


def _record(key: tuple[str, str, str], e: Acc) -> dict:
    count, dates, events, modality, weight, quotes = e
    return corpus_record(key, count, dates, events, modality, weight,
                         [{"quote": quote, "doc": "", "date": date} for date, quote in quotes])
