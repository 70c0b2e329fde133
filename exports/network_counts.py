"""Stage: a corpus' fold, one event or fact at a time -> what it adds to graph.html's relations, and their records.

``corpus_network.strongest_of_fold`` counts every relation of a corpus in one pass over its fold. These functions
count the same things piece by piece, so that exports/network_state.py can keep each relation's pieces and, on a
rerun, count again only the relations a change touches: an event's relations and what it adds to each
(:func:`event_part`), a direct fact's date and weight from each bucket's records (:func:`fact_part`), and a
relation's accumulator from its pieces (:func:`acc_of`), in ``_edges``' order (the events by IRI, then the fact);
and what one bucket's fold says of its direct facts (:func:`fact_keys`, :func:`fact_info`) and names (:func:`named`).
"""

from __future__ import annotations

from diplograph.exports.network import corpus_record, count_event
from diplograph.graph.iri import local_name as local
from diplograph.graph.views import load
from diplograph.graph.views.folder import _DOCS, _RELATION_IRIS, Folder, _all, _first

Key = tuple[str, str, str]  # (actor or subject, relation, target or object)


class Context:
    """What an event's or a fact's part depends on besides its own fold: the entities, the documents' dates and
    the event types; with memos of local names, documents' dates and weights (a corpus repeats them)."""

    def __init__(self, ids, published: dict, types: dict) -> None:
        self.ids, self.published, self.types = ids, published, types
        self.names: dict[str, str] = {}
        self.dates: dict[object, str | None] = {}
        self.weights: dict[str, float] = {}

    def local(self, iri: str | None) -> str:
        if not iri:
            return ""
        got = self.names.get(iri)
        if got is None:
            got = self.names[iri] = local(iri)
        return got

    def doc_date(self, docs) -> str | None:
        """``Folder.doc_date``: the date of the first (by IRI) of ``docs`` that has one."""
        key = docs if isinstance(docs, str) else tuple(sorted(docs))
        if key in self.dates:
            return self.dates[key]
        published = self.published
        got = self.dates[key] = next((min(published[d]) for d in _all(key) if published.get(d)), None)
        return got

    def weight(self, name: str) -> float:
        got = self.weights.get(name)
        if got is None:
            got = self.weights[name] = load._type_info(name, self.types)[0]
        return got


def event_part(slots: list, quote: str | None, ctx: Context) -> tuple[list[Key], tuple] | None:
    """An event's relations (actor, relation, target) and what it adds to each: (date, type, modality, quote,
    weight); None when it draws none (negated, or no actor and target among the entities)."""
    ids = ctx.ids
    pairs = [(a, t) for a in _all(slots[1]) if a in ids for t in _all(slots[2]) if t in ids]
    if not pairs or load._truthy(_first(slots[6])):
        return None
    name, relation, modality = ctx.local(_first(slots[0])), ctx.local(_first(slots[3])), ctx.local(_first(slots[5]))
    label = relation or name or "related"
    date = _first(slots[4]) or ctx.doc_date(slots[_DOCS] or ()) or ""
    return [(a, label, t) for a, t in pairs], (date, name, modality or "act", quote, ctx.weight(name) if name else None)


def fact_part(by_bucket: dict[int, tuple], p: str, ctx: Context) -> tuple | None:
    """A direct fact's (date, weight) from each bucket's (stated, {record: documents}); None when none states it."""
    if not any(stated for stated, _ in by_bucket.values()):
        return None
    if len(by_bucket) == 1:  # most facts: one bucket's records, each with its documents as they are
        dates = [ctx.doc_date(ds) for recs in (r for _, r in by_bucket.values()) for ds in recs.values()]
    else:
        docs: dict[str, set] = {}
        for _, recs in by_bucket.values():
            for r, ds in recs.items():
                docs.setdefault(r, set()).update(ds)
        dates = [ctx.doc_date(ds) for ds in docs.values()]
    dates = [d for d in dates if d]
    name = load.FACT_TYPES.get(p)
    return min(dates) if dates else None, ctx.weight(name) if name is not None else None


def acc_of(entry: list) -> list:
    """A relation's accumulator [count, dates, types, modalities, weight, quotes] from its entry [events
    {event: part}, fact {bucket: (stated, records)}, fact part]: the events in the order of their IRIs, then the
    fact (corpus_network.py ``_edges``)."""
    events, _, fact = entry
    acc = [0, set(), set(), set(), None, []]
    for e in sorted(events):
        count_event(acc, *events[e])  # date, type, modality, quote, weight
    if fact is not None:
        acc[0] += 1
        acc[1].add(fact[0] or "")
        if fact[1] is not None:
            acc[4] = fact[1]
    return acc


def rank_of(acc: list) -> tuple[int, int]:
    """The sort key ``network.strongest`` ranks by (most events, then most dates), without the tie-break."""
    return -acc[0], ("" in acc[1]) - len(acc[1])


def record_of(key: Key, acc: list) -> dict:
    """A relation's page record (network.py ``corpus_record``) from its accumulator."""
    count, dates, events, modality, weight, quotes = acc
    return corpus_record(key, count, dates, events, modality, weight,
                         [{"quote": quote, "doc": "", "date": date} for date, quote in quotes])


def named(f: Folder) -> set[str]:
    """The IRIs a fold's events (actors, targets) and direct facts (subject, object) name."""
    out = {v for slots in f.events.values() for i in (1, 2) for v in _all(slots[i])}
    out.update(k[i] for k in fact_keys(f) for i in (0, 2))
    return out


def fact_keys(f: Folder) -> set[Key]:
    """The direct facts a fold states or has records of, as (subject, relation, object)."""
    return f.relations | {(s, _RELATION_IRIS[p], o) for s, p, o in f.records}


def fact_info(f: Folder, key: Key) -> tuple[bool, dict[str, tuple]]:
    """(stated, {record: its documents}) of a direct fact in one fold."""
    recs = _all(f.records.get((key[0], load.DG + key[1], key[2])))
    return key in f.relations, {r: tuple(sorted(_all(f.record_docs.get(r)))) for r in recs}
