"""The views' graph of a corpus, read one document graph at a time.

``load_graph`` groups every triple the views use by subject before building the networkx graph: about
1 KB per document of Python objects for each of a corpus's ~1,300 such triples per document, which does
not fit in memory for ten thousand documents. :func:`load_parts` reads the graphs one at a time instead,
folds each into compact per-entity, per-event and per-fact records (the union of what every graph says
of them), and builds the same ``MultiDiGraph`` as ``load_graph`` gives for the union of those graphs
(``tests/test_views_stream.py`` checks it).

At corpus scale: the Folder interns the strings a corpus repeats (entity IRIs, types, dates, documents);
:func:`fold_parts` keeps the fold of each bucket of documents in the build's cache, so a rerun folds only
the bucket of a changed document; and the graph keeps each edge's attributes in an :class:`EdgeData`
(slots, a third of a dict's memory), read and written like a dict.
"""

from __future__ import annotations

import hashlib
import json
import marshal
import os
import sys
import zlib
from collections import defaultdict
from collections.abc import Iterable, Iterator, MutableMapping
from functools import lru_cache
from pathlib import Path

import networkx as nx

from diplograph.graph.views import load
from diplograph.graph.views.load import (ALT_LABEL, CORE_TYPES, DERIVED, DG, PUBLISHED, RDF_TYPE, RDFS_LABEL, RELATIONS,
                                         STATEMENT, bulk, local)

_EVENT = DG + "Event"
_CORE = frozenset(DG + t for t in CORE_TYPES)
_EVENT_PROPS = ("eventType", "actor", "target", "relation", "date", "modality", "negated", "hedged", "evidence")
_SLOTS = {DG + p: i for i, p in enumerate(_EVENT_PROPS)}
_DOCS = len(_EVENT_PROPS)  # the slot of the documents an event was derived from
_RELATION_IRIS = {DG + p: p for p in RELATIONS}
_COUNTED = {DG + p: DG + p for p in ("roleTitle", "cites", "stateOf")}  # each to one string object
#: The attributes of every edge of the views' graph, in load.py's order.
EDGE_KEYS = ("kind", "relation", "event_type", "weight", "quad", "date", "modality", "negated", "hedged", "counts",
             "evidence", "quote")


#: What a document's digest keeps: the views' predicates (stateOf among them), and the two facts the build's
#: counts add.
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
    kept = [t for t in triples if t[1] in keep]
    kept.sort()
    out: dict[str, dict[str, list[str]]] = {}
    subject = predicate = objects = values = None
    for s, p, o in kept:  # sorted: a subject's lines, and a predicate's within them, are consecutive
        if s != subject:
            subject, predicate = s, None
            values = out.setdefault(_text_value(s), {})
        if p != predicate:
            predicate = p
            objects = values.setdefault(p[1:-1], [])
        objects.append(o[1:-1] if o[0] == "<" else _text_value(o))
    return json.dumps({"quads": quads, "triples": out}, ensure_ascii=False, sort_keys=True, check_circular=False,
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


def _put(current: Values, values: Iterable[str], intern=sys.intern) -> Values:
    """``current`` with ``values`` added (interned: a corpus repeats the same IRIs and dates a million times)."""
    for v in values:
        if current is None:
            current = intern(v)
        elif isinstance(current, str):
            if v != current:
                current = {current, intern(v)}
        else:
            current.add(intern(v))
    return current


def _put_unique(current: Values, values: Iterable[str]) -> Values:
    """:func:`_put` for values seldom repeated (evidence and record IRIs): not interned."""
    return _put(current, values, str)


def _all(value: Values) -> tuple[str, ...] | set[str]:
    return () if value is None else (value,) if isinstance(value, str) else value


class Folder:
    """What every graph read so far says of entities, events, direct facts, fact records and documents.

    Strings repeated across documents (entity IRIs, types, dates, documents) are interned, so ten thousand
    documents naming Russia hold one string; only the fact records of the views' relations are kept.
    """

    def __init__(self) -> None:
        self.entities: dict[str, list[set[str]]] = {}  # s -> [core kinds, labels, aliases, states served]
        self.relations: set[tuple[str, str, str]] = set()  # (s, relation local name, o)
        self.events: dict[str, list[Values]] = {}  # e -> the values of each _EVENT_PROPS slot, then the documents
        self.quotes: dict[str, tuple[str, str]] = {}  # e -> (evidence IRI, its quote): the smallest IRI quoted
        self.records: dict[tuple[str, str, str], Values] = {}  # (s, p IRI, o) -> record IRIs, p a relation
        self.record_docs: dict[str, Values] = {}
        self.published: dict[str, set[str]] = defaultdict(set)
        self.other_facts: set[tuple[str, str, str]] = set()  # roleTitle, cites, stateOf: counted, not drawn

    def counts(self) -> dict:
        """Distinct entities by core type, direct facts and events (the build's summary)."""
        kinds = [k for slot in self.entities.values() for k in slot[0]]
        return {"entities": {t: kinds.count(t) for t in CORE_TYPES},
                "facts": len(self.relations) + len(self.other_facts), "events": len(self.events)}

    def add(self, data: dict[str, dict[str, list[str]]]) -> None:
        """Fold one graph, given as ``{s: {p: [o, ...]}}`` (a digest's triples)."""
        for s, props in data.items():
            types = props.get(RDF_TYPE)
            if types:
                self._types(s, types, props, data)
            for p, values in props.items():
                if p in _FACT_IRIS:
                    self._facts(s, p, values)
            if _SUBJECT in props:
                self._record(s, props)
            if PUBLISHED in props:
                self.published[sys.intern(s)].update(map(sys.intern, props[PUBLISHED]))

    def _types(self, s: str, types: list[str], props: dict[str, list[str]], data: dict) -> None:
        if not _CORE.isdisjoint(types):
            kinds = {local(t) for t in types if t in _CORE}
            slot = self.entities.setdefault(sys.intern(s), [set(), set(), set(), set()])
            slot[0].update(kinds)
            slot[1].update(props.get(RDFS_LABEL, ()))
            slot[2].update(props.get(ALT_LABEL, ()))
            for p in load.SERVES:  # officialOf, stateOf: what the entity is of, by its type (load.add_entities)
                slot[3].update(map(sys.intern, props.get(p, ())))
        if _EVENT in types:
            self._event(s, props, data)

    def _facts(self, s: str, p: str, values: list[str]) -> None:
        s, intern = sys.intern(s), sys.intern
        name = _RELATION_IRIS.get(p)
        if name is not None:
            self.relations.update((s, name, intern(o)) for o in values)
        else:
            self.other_facts.update((s, _COUNTED[p], intern(o)) for o in values)

    def _record(self, r: str, props: dict[str, list[str]]) -> None:
        spo = [props.get(p) for p in STATEMENT]
        if all(spo) and min(spo[1]) in _RELATION_IRIS:
            key = (sys.intern(min(spo[0])), sys.intern(min(spo[1])), sys.intern(min(spo[2])))
            self.records[key] = _put_unique(self.records.get(key), (r,))
            self.record_docs[r] = _put(self.record_docs.get(r), props.get(DERIVED, ()))

    def _event(self, e: str, props: dict[str, list[str]], data: dict) -> None:
        slots = self.events.setdefault(e, [None] * (_DOCS + 1))
        for p, values in props.items():
            i = _SLOTS.get(p)
            if i is not None:
                slots[i] = _put_unique(slots[i], values) if i == _EVIDENCE else _put(slots[i], values)
        slots[_DOCS] = _put(slots[_DOCS], props.get(DERIVED, ()))
        for ev in sorted(props.get(DG + "evidence", ())):
            quotes = data.get(ev, {}).get(DG + "quote")
            if quotes:
                best = self.quotes.get(e)
                if best is None or ev < best[0] or (ev == best[0] and min(quotes) < best[1]):
                    self.quotes[e] = (ev, min(quotes))
                break

    _FIELDS = ("entities", "relations", "events", "quotes", "records", "record_docs", "published", "other_facts")

    def dumps(self) -> bytes:
        """The Folder in ``marshal``'s format (plain dicts, sets and tuples: nothing to execute when read), each
        field apart: a reader needing a few fields leaves the others unread."""
        return marshal.dumps(tuple(marshal.dumps(dict(self.published) if name == "published" else getattr(self, name))
                                   for name in self._FIELDS))

    @classmethod
    def loads(cls, data: bytes, fields: Iterable[str] | None = None) -> Folder:
        """The Folder of :meth:`dumps`' bytes (only ``fields`` read when given: the others left empty)."""
        folder, fields = cls(), None if fields is None else frozenset(fields)
        for name, value in zip(cls._FIELDS, marshal.loads(data)):
            if fields is None or name in fields:
                value = marshal.loads(value)
                setattr(folder, name, defaultdict(set, value) if name == "published" else value)
        return folder

    def merge(self, other: Folder) -> None:
        """Add what ``other`` folded (the result does not depend on which graphs went into which Folder)."""
        for s, slots in other.entities.items():
            mine = self.entities.setdefault(sys.intern(s), [set(), set(), set(), set()])
            for held, more in zip(mine, slots):
                held.update(more)
        self.relations.update(other.relations)
        self.other_facts.update(other.other_facts)
        for e, slots in other.events.items():
            mine = self.events.get(e)
            if mine is None:
                self.events[e] = slots
            else:
                for i, values in enumerate(slots):
                    mine[i] = _put(mine[i], _all(values), str)
        for e, best in other.quotes.items():
            if e not in self.quotes or best < self.quotes[e]:
                self.quotes[e] = best
        for table, more in ((self.records, other.records), (self.record_docs, other.record_docs)):
            for key, values in more.items():  # a set held is never of one value: taken as it is when new
                held = table.get(key)
                table[key] = values if held is None else _put(held, _all(values), str)
        for d, dates in other.published.items():
            self.published[sys.intern(d)].update(dates)

    def doc_date(self, docs: Iterable[str]) -> str | None:
        """The publication date of the first (by IRI) of ``docs`` that has one."""
        return next((min(self.published[d]) for d in sorted(docs) if self.published.get(d)), None)


_SUBJECT = STATEMENT[0]
_EVIDENCE = _SLOTS[DG + "evidence"]
_FACT_IRIS = frozenset(_RELATION_IRIS) | frozenset(_COUNTED)


def _first(values: Values | set[str]) -> str | None:
    if isinstance(values, str):
        return values
    return min(values) if values else None


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


def fold(graphs: Iterable[bytes | dict]) -> Folder:
    """Fold graphs (each its N-Quads, or its :func:`digest` parsed) one at a time into a :class:`Folder`."""
    keep = frozenset(f"<{p}>".encode() for p in load.KEEP)
    folder = Folder()
    with bulk():
        for data in graphs:
            folder.add(data["triples"] if isinstance(data, dict) else _graph_triples(data, keep))
    return folder


BUCKETS = 256  # documents are folded, and their fold saved, in this many buckets (by graph IRI)


@lru_cache(maxsize=1)
def _fold_version() -> str:
    """What a saved fold depends on besides its documents: this code, marshal's format, Python's version."""
    return hashlib.sha256(Path(__file__).read_bytes()).hexdigest() + f" {marshal.version} {sys.version}"


def _bucket_file(folder: Path, parts: list) -> Path:
    keys = "\n".join([_fold_version(), *sorted(part.key for part in parts)])
    return folder / f"fold-{hashlib.sha256(keys.encode()).hexdigest()[:32]}.marshal"


def load_bucket(path: Path, fields: Iterable[str] | None = None) -> tuple[Folder, dict[str, int]]:
    """A bucket's saved Folder (only ``fields`` when given) and its documents' quads (raises OSError, EOFError,
    ValueError, TypeError)."""
    with bulk():
        folded, quads = marshal.loads(path.read_bytes())
        return Folder.loads(folded, fields), quads


def fold_bucket(parts: list, path: Path | None) -> tuple[Folder, dict[str, int]]:
    """One bucket's Folder and its documents' quads: from ``path`` when it holds them, else folded (and saved)."""
    if path is not None and path.is_file():
        return load_bucket(path)
    quads: dict[str, int] = {}

    def digests():
        for part in parts:
            data = part.read_digest()
            quads[part.graph] = data["quads"]
            yield data

    folded = fold(digests())
    if path is not None:
        tmp = path.with_name("." + path.name + ".tmp")
        tmp.write_bytes(marshal.dumps((folded.dumps(), quads)))
        os.replace(tmp, path)
    return folded, quads


def fold_parts(parts: list, folder: str | Path | None = None, track=None) -> tuple[Folder, dict[str, int]]:
    """Fold documents' parts (merge.Part: ``graph``, ``key``, ``read_digest()``); also their quads by graph.

    With a ``folder``, the documents are folded in :data:`BUCKETS` buckets by graph IRI and each bucket's fold
    is kept there (see :func:`bucket_folds`): a rerun after one document changed folds one bucket and merges
    the others' saved folds.
    """
    if folder is None or not all(part.key for part in parts):
        return fold_bucket(parts, None)
    result, quads = Folder(), {}
    for folded, counted in bucket_folds(parts, folder, track):
        with bulk():
            result.merge(folded)
        quads.update(counted)
    return result, quads


def bucket_plan(parts: list) -> dict[int, list]:
    """The documents' parts of each bucket (by their graph IRI: a changed document stays in its bucket)."""
    buckets: dict[int, list] = defaultdict(list)
    for part in parts:
        buckets[zlib.crc32(part.graph.encode("utf-8")) % BUCKETS].append(part)
    return dict(buckets)


def bucket_name(parts: list) -> str:
    """The file name of the saved fold of a bucket of these parts (named by their cache keys)."""
    return _bucket_file(Path("."), parts).name


def bucket_folds(parts: list, folder: str | Path, track=None) -> Iterator[tuple[Folder, dict[str, int]]]:
    """Each bucket's fold and its documents' quads, bucket by bucket (parts with keys).

    Each bucket's fold is kept in ``folder``, named by its documents' cache keys (``fold-<hash of the
    keys>.marshal``); saved folds no bucket uses any more are deleted once every bucket was given. A
    ``track`` (views/incremental.py ``Tracker``) is shown each bucket's fold as it is given
    (``track.bucket(number, path, fold, quads)``).
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    buckets = bucket_plan(parts)
    used = set()
    for number in sorted(buckets):
        path = _bucket_file(folder, buckets[number])
        used.add(path.name)
        folded, counted = fold_bucket(buckets[number], path)
        if track is not None:
            track.bucket(number, path, folded, counted)
        yield folded, counted
    for stale in folder.glob("fold-*.marshal"):
        if stale.name not in used:
            stale.unlink(missing_ok=True)


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
