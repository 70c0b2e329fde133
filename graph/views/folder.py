"""Stage: document graphs (or their digests) -> a :class:`Folder`, the union of what they say, in compact records.

A document's :func:`digest` (JSON: the triples the views and the build's counts read of it) is made once per
document, in the worker, and cached; graph/cache.py ``rules_version`` hashes the source of
:func:`digest_of_terms` and ``_text_value``, since cached digests depend on them.

:func:`fold` reads graphs one at a time and folds each into per-entity, per-event and per-fact records (the
union of what every graph says of them): views/folded_graph.py builds the views' graph from a Folder,
views/stream.py keeps the fold of each bucket of documents in the build's cache. The Folder interns the
strings a corpus repeats (entity IRIs, types, dates, documents).
"""

from __future__ import annotations

import json
import marshal
import sys
from collections import defaultdict
from collections.abc import Iterable, Iterator

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


def fold(graphs: Iterable[bytes | dict]) -> Folder:
    """Fold graphs (each its N-Quads, or its :func:`digest` parsed) one at a time into a :class:`Folder`."""
    keep = frozenset(f"<{p}>".encode() for p in load.KEEP)
    folder = Folder()
    with bulk():
        for data in graphs:
            folder.add(data["triples"] if isinstance(data, dict) else _graph_triples(data, keep))
    return folder
