"""The views' graph of a corpus, read one document graph at a time.

``load_graph`` groups every triple the views use by subject before building the networkx graph: about
1 KB per document of Python objects for each of a corpus's ~1,300 such triples per document, which does
not fit in memory for ten thousand documents. :func:`load_parts` reads the graphs one at a time instead,
folds each into compact per-entity, per-event and per-fact records (the union of what every graph says
of them), and builds the same ``MultiDiGraph`` as ``load_graph`` gives for the union of those graphs
(``tests/test_views_stream.py`` checks it).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Iterator

import networkx as nx

from diplograph.graph.views import load
from diplograph.graph.views.load import (ALT_LABEL, CORE_TYPES, DERIVED, DG, PUBLISHED, RDF_TYPE, RDFS_LABEL,
                                         RELATIONS, STATEMENT, bulk, local)

_EVENT = DG + "Event"
_CORE = frozenset(DG + t for t in CORE_TYPES)
_EVENT_PROPS = ("eventType", "actor", "target", "relation", "date", "modality", "negated", "hedged", "evidence")
_SLOTS = {DG + p: i for i, p in enumerate(_EVENT_PROPS)}
_DOCS = len(_EVENT_PROPS)  # the slot of the documents an event was derived from
_RELATION_IRIS = {DG + p: p for p in RELATIONS}
_COUNTED = (DG + "roleTitle", DG + "cites")


#: What a document's digest keeps: the views' predicates, and the two facts the build's counts add.
DIGEST = frozenset(f"<{p}>".encode() for p in (*load.KEEP, DG + "roleTitle", DG + "cites"))


_DIGEST_TERMS = frozenset(p.decode() for p in DIGEST)


def digest(data: bytes) -> bytes:
    """A document graph's digest, as JSON: ``{"quads": n, "triples": {s: {p: [o, ...]}}}`` with the triples
    of :data:`DIGEST` only.

    Made once per document (in the worker, then cached), it is all the views and the counts read of it.
    """
    return digest_of_terms(_line_terms(data, DIGEST), data.count(b"\n"))


def digest_of_terms(triples: Iterable[tuple[str, str, str]], quads: int) -> bytes:
    """:func:`digest` of a graph given as N-Triples term strings (rdf.Triples' items): the same bytes, no parse."""
    keep = _DIGEST_TERMS
    out: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for s, p, o in sorted(t for t in triples if t[1] in keep):
        out[_text_value(s)][p[1:-1]].append(_text_value(o))
    return json.dumps({"quads": quads, "triples": out}, ensure_ascii=False, sort_keys=True,
                      separators=(",", ":")).encode("utf-8")


def _text_value(term: str) -> str:
    if term[0] == "<":
        return term[1:-1]
    if term[0] == "_":
        return term
    quoted = term[:term.rindex('"') + 1]
    return json.loads(quoted) if "\\" in quoted else quoted[1:-1]


def _line_terms(data: bytes, keep: frozenset[bytes]) -> Iterator[tuple[str, str, str]]:
    """(s, p, o) N-Triples terms of one graph's N-Quads lines whose predicate is in ``keep``."""
    for line in data.split(b"\n"):
        parts = line.split(b" ", 2)
        if len(parts) == 3 and parts[1] in keep:
            rest = parts[2]
            yield parts[0].decode("utf-8"), parts[1].decode("utf-8"), rest[:rest.rindex(b" <")].decode("utf-8")


def _graph_triples(data: bytes, keep: frozenset[bytes]) -> dict[str, dict[str, list[str]]]:
    """One graph's N-Quads (pyoxigraph's canonical lines), the predicates in ``keep`` only, grouped by subject."""
    out: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for s, p, o in _line_terms(data, keep):
        out[_text_value(s)][p[1:-1]].append(_text_value(o))
    return out


Values = str | set[str] | None  # one value, several, or none: most slots hold one, and a set costs 200 bytes


def _put(current: Values, values: Iterable[str]) -> Values:
    """``current`` with ``values`` added."""
    for v in values:
        if current is None:
            current = v
        elif isinstance(current, str):
            if v != current:
                current = {current, v}
        else:
            current.add(v)
    return current


def _all(value: Values) -> tuple[str, ...] | set[str]:
    return () if value is None else (value,) if isinstance(value, str) else value


class Folder:
    """What every graph read so far says of entities, events, direct facts, fact records and documents."""

    def __init__(self) -> None:
        self.entities: dict[str, list[set[str]]] = {}  # s -> [core kinds, labels, aliases, officialOf]
        self.relations: set[tuple[str, str, str]] = set()  # (s, relation local name, o)
        self.events: dict[str, list[Values]] = {}  # e -> the values of each _EVENT_PROPS slot, then the documents
        self.quotes: dict[str, tuple[str, str]] = {}  # e -> (evidence IRI, its quote): the smallest IRI quoted
        self.records: dict[tuple[str, str, str], Values] = {}  # (s, p IRI, o) -> record IRIs
        self.record_docs: dict[str, Values] = {}
        self.published: dict[str, set[str]] = defaultdict(set)
        self.other_facts: set[tuple[str, str, str]] = set()  # roleTitle and cites: counted, not drawn

    def counts(self) -> dict:
        """Distinct entities by core type, direct facts and events (the build's summary)."""
        kinds = [k for slot in self.entities.values() for k in slot[0]]
        return {"entities": {t: kinds.count(t) for t in CORE_TYPES},
                "facts": len(self.relations) + len(self.other_facts), "events": len(self.events)}

    def add(self, data: dict[str, dict[str, list[str]]]) -> None:
        for s, props in data.items():
            types = props.get(RDF_TYPE, ())
            kinds = {local(t) for t in types if t in _CORE}
            if kinds:
                slot = self.entities.setdefault(s, [set(), set(), set(), set()])
                slot[0].update(kinds)
                slot[1].update(props.get(RDFS_LABEL, ()))
                slot[2].update(props.get(ALT_LABEL, ()))
                slot[3].update(props.get(DG + "officialOf", ()))
            for p, name in _RELATION_IRIS.items():
                for o in props.get(p, ()):
                    self.relations.add((s, name, o))
            for p in _COUNTED:
                for o in props.get(p, ()):
                    self.other_facts.add((s, p, o))
            if _EVENT in types:
                self._event(s, props, data)
            spo = [props.get(p) for p in STATEMENT]
            if all(spo):
                spo_key = (min(spo[0]), min(spo[1]), min(spo[2]))
                self.records[spo_key] = _put(self.records.get(spo_key), (s,))
                self.record_docs[s] = _put(self.record_docs.get(s), props.get(DERIVED, ()))
            for date in props.get(PUBLISHED, ()):
                self.published[s].add(date)

    def _event(self, e: str, props: dict[str, list[str]], data: dict) -> None:
        slots = self.events.setdefault(e, [None] * (_DOCS + 1))
        for p, i in _SLOTS.items():
            if p in props:
                slots[i] = _put(slots[i], props[p])
        slots[_DOCS] = _put(slots[_DOCS], props.get(DERIVED, ()))
        for ev in sorted(props.get(DG + "evidence", ())):
            quotes = data.get(ev, {}).get(DG + "quote")
            if quotes:
                best = self.quotes.get(e)
                if best is None or ev < best[0] or (ev == best[0] and min(quotes) < best[1]):
                    self.quotes[e] = (ev, min(quotes))
                break

    def doc_date(self, docs: Iterable[str]) -> str | None:
        """The publication date of the first (by IRI) of ``docs`` that has one."""
        return next((min(self.published[d]) for d in sorted(docs) if self.published.get(d)), None)


def _first(values: Values | set[str]) -> str | None:
    if isinstance(values, str):
        return values
    return min(values) if values else None


def _add_entities(G: nx.MultiDiGraph, f: Folder) -> None:
    for s in sorted(f.entities):
        kinds, labels, aliases, _ = f.entities[s]
        G.add_node(s, type=min(kinds), label=_first(labels) or local(s), aliases=tuple(sorted(aliases)), state=None)
    for s in G:
        if G.nodes[s]["type"] == "State":
            G.nodes[s]["state"] = s
    for s in G:
        serves = sorted(o for o in f.entities[s][3] if G.nodes.get(o, {}).get("type") == "State")
        if G.nodes[s]["type"] == "Official" and serves:
            G.nodes[s]["state"] = serves[0]


def _add_events(G: nx.MultiDiGraph, f: Folder, types: dict) -> None:
    mirrors: set[tuple] = set()
    for e in sorted(f.events):
        slots = f.events[e]
        name = local(_first(slots[0]) or "")
        weight, quad = load._type_info(name, types)
        modality = local(_first(slots[5]) or DG + "act")
        negated = load._truthy(_first(slots[6]))
        relation = _first(slots[3])
        evidence = tuple(sorted(_all(slots[8])))
        attrs = dict(kind="event", relation=local(relation) if relation else None, event_type=name or None,
                     weight=weight, quad=quad, date=_first(slots[4]) or f.doc_date(_all(slots[_DOCS])),
                     modality=modality, negated=negated, hedged=load._truthy(_first(slots[7])),
                     counts=not negated and modality != "forecast", evidence=evidence,
                     quote=f.quotes[e][1] if e in f.quotes else None)
        for actor in sorted(_all(slots[1])):
            for target in sorted(_all(slots[2])):
                load._ensure(G, actor), load._ensure(G, target)
                mirror = (attrs["event_type"], frozenset((actor, target)), evidence, negated)
                counts = attrs["counts"] and not (attrs["relation"] in load.SYMMETRIC and mirror in mirrors)
                mirrors.add(mirror)
                G.add_edge(actor, target, key=e, **{**attrs, "counts": counts})


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
        G.add_edge(s, o, key=DG + p, kind="fact", relation=p, event_type=load.FACT_TYPES.get(p), weight=weight,
                   quad=quad, date=dates[0] if dates else None, modality="act", negated=False, hedged=False,
                   counts=counts, evidence=tuple(recs), quote=None)


def fold(graphs: Iterable[bytes | dict]) -> Folder:
    """Fold graphs (each its N-Quads, or its :func:`digest` parsed) one at a time into a :class:`Folder`."""
    keep = frozenset(f"<{p}>".encode() for p in load.KEEP)
    folder = Folder()
    with bulk():
        for data in graphs:
            folder.add(data["triples"] if isinstance(data, dict) else _graph_triples(data, keep))
    return folder


def graph_of(folder: Folder, *, types: dict | None = None) -> nx.MultiDiGraph:
    """The views' ``MultiDiGraph`` of what a :class:`Folder` holds."""
    types = load.event_types() if types is None else types
    with bulk():
        G = nx.MultiDiGraph(source=None)
        _add_entities(G, folder)
        _add_events(G, folder, types)
        _add_facts(G, folder, types)
    return G


def load_parts(graphs: Iterable[bytes | dict], *, types: dict | None = None) -> nx.MultiDiGraph:
    """The views' ``MultiDiGraph`` of several named graphs, each given as its N-Quads bytes or its digest.

    Args:
        graphs: Each document graph's N-Quads, or its :func:`digest` parsed (a dict), one at a time: an
            iterator keeps memory flat.
        types: Event type table (defaults to the ontology's ``event_types()``).
    """
    return graph_of(fold(graphs), types=types)
