"""A rerun's views tables from the saved state (views/incremental.py): only what the change touches is read.

:func:`rerun` folds the changed buckets (stream.py ``fold_bucket``), compares each with its old fold
(:func:`bucket_delta`), updates the state's masks from the difference, and folds again only the events and
facts whose folds differ (from the changed buckets' folds and the slots and records the state keeps by
bucket; an event newly shared with an unchanged bucket reads that bucket's saved fold). A pair of states'
dyads depend only on the events and facts between its two states' entities, given the states and the
documents' dates; so only the pairs those events and facts touch, before or after, are computed again
(folded.py ``pair_tables``), and only the shards they fall in are read and written (views/delta_pairs.py).

A document's publication date enters the tables in one way only: as the date (``Folder.doc_date``) of the
events it derived without a date of their own and of the fact records it derived, hence their periods.
When a changed bucket's document has another date (or gains or loses one), those events and the facts of
those records, before and after, join the delta: their pairs are computed again with the new dates. They
all lie in the document's bucket: a document graph states the document's date and derives every event and
record it holds from that document only (rdf.py ``add_document``, ``add_event``, ``add_fact``), and a
document's graph is one bucket's.

An entity that is not a state may take another state (a new official, one no longer named) when only the
changed buckets describe it: its events and facts then move between pairs (:func:`_entities`).

It gives None (the caller then takes the full path and writes the state anew) when more than
:data:`MAX_CHANGED` buckets changed, when an old bucket fold or a shard the state names is gone or altered
(a build killed between its writes), when a state appears, goes or changes its label, when an entity
described beyond the changed buckets takes another state, or when the saved
dates of a document whose date changed are not its old bucket's (another bucket stated it too).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from diplograph.graph.views import load
from diplograph.graph.views.chunks import Fingerprints
from diplograph.graph.views.delta_pairs import _Before, _Folds, _events, _facts, _recompute
from diplograph.graph.views.dyads import BAND
from diplograph.graph.views.folded import ViewTables
from diplograph.graph.views.folder import _DOCS, _RELATION_IRIS, Folder, _all, _first
from diplograph.graph.views.incremental import Done, Saved
from diplograph.graph.views.load import bulk, local
from diplograph.graph.views.shards import ShardError
from diplograph.graph.views.stream import changed_buckets, fold_bucket, load_bucket

MAX_CHANGED = 4  # buckets changed: more, and the full path is as cheap


@dataclass(frozen=True)
class Delta:
    """What differs between a bucket's old and new fold: events, facts ``(s, relation, o)`` (with those whose
    date a document's changed publication date moves), and the documents whose publication date changed."""

    events: set[str]
    facts: set[tuple[str, str, str]]
    dates: set[str]


def bucket_delta(old: Folder, new: Folder) -> Delta:
    """The events and facts whose fold, or whose date, differs between two folds of one bucket."""
    events = {e for e in old.events.keys() | new.events.keys() if old.events.get(e) != new.events.get(e)}
    facts = old.relations ^ new.relations
    keys = {k for k in old.records.keys() | new.records.keys() if old.records.get(k) != new.records.get(k)}
    records = {r for r in old.record_docs.keys() | new.record_docs.keys()
               if old.record_docs.get(r) != new.record_docs.get(r)}
    dates = {d for d in old.published.keys() | new.published.keys() if old.published.get(d) != new.published.get(d)}
    if dates:  # what those documents date: their undated events, their records (folded.py: Folder.doc_date)
        for f in (old, new):
            events.update(e for e, slots in f.events.items()
                          if not _first(slots[4]) and not dates.isdisjoint(_all(slots[_DOCS])))
            records.update(r for r, docs in f.record_docs.items() if not dates.isdisjoint(_all(docs)))
    if records:
        for table in (old.records, new.records):
            keys.update(k for k, rs in table.items() if (rs in records if isinstance(rs, str) else rs & records))
    facts.update((s, _RELATION_IRIS[p], o) for s, p, o in keys)
    return Delta(events, facts, dates)


def _note_entities(table: dict, entities: dict, bit: int, old: dict) -> set[str]:
    """Set ``bit`` in ``table``'s masks for what ``entities`` (a fold's) say, clear it for what only ``old``
    said; the entities whose masks changed."""
    changed = set()
    for s in entities.keys() | old.keys():
        now, before = entities.get(s), old.get(s)
        for i, slot in enumerate((0, 1, 3)):
            a, b = (before[slot] if before else set()), (now[slot] if now else set())
            if a == b:
                continue
            masks = table.setdefault(s, [{}, {}, {}])[i]
            for v in a - b:
                m = masks.get(v, 0) & ~bit
                masks[v] = m
                if not m:
                    del masks[v]
            for v in b - a:
                masks[v] = masks.get(v, 0) | bit
            changed.add(s)
    return changed


def rerun(parts: list, folder: Path, saved: Saved, *, by: str = "quarter", band: float = BAND) -> Done | None:
    """The views tables of ``parts`` from ``saved`` (updated in place), folding only the changed buckets; None
    when the change does not allow it (then the full path)."""
    plan, names, changed = changed_buckets(parts, saved.buckets)
    if len(changed) > MAX_CHANGED:
        return None
    try:
        old = {n: load_bucket(folder / saved.buckets[n])[0] if n in saved.buckets else Folder() for n in changed}
    except (OSError, EOFError, ValueError, TypeError):
        return None
    new = {}
    for n in changed:
        new[n], saved.quads[n] = fold_bucket(plan[n], folder / names[n]) if n in plan else (Folder(), {})
        if n not in plan:
            del saved.quads[n]
    deltas = [bucket_delta(old[n], new[n]) for n in changed]
    if any(saved.published.get(d) != old[n].published.get(d) for n, x in zip(changed, deltas) for d in x.dates):
        return None  # a document dated by another bucket too: its date is not this bucket's alone
    saved.buckets = dict(sorted(names.items()))
    folds = _Folds(folder, names, old, new)
    try:
        with bulk():
            moved = _entities(saved, old, new)
            if moved is None:
                return None
            if moved:
                deltas.append(_involving(moved, [*old.values(), *new.values()]))
            for n in changed:
                for d in old[n].published:
                    saved.published.pop(d, None)
            for n in changed:
                saved.published.update((d, set(dates)) for d, dates in new[n].published.items())
            before = _Before(saved.state, moved)
            touched = _events(saved, deltas, folds, before) | _facts(saved, deltas, folds, before)
            _recompute(saved, touched, by, band)
    except ShardError:
        return None
    quads = {}
    for n in sorted(saved.quads):
        quads.update(saved.quads[n])
    tables_ = ViewTables(saved.overall, saved.by_period, saved.names)
    return Done(saved.counts(), quads, tables_, Fingerprints(saved.fingerprints, touched), saved)


def _state_of(entities: dict, s: str) -> str | None:
    """Entity ``s``'s state as folded.py ``states`` gives it, from the masks."""
    slots = entities.get(s)
    if not slots or not slots[0]:
        return None
    kind = min(slots[0])
    if kind == "State":
        return s
    if kind in load.SERVING:
        serves = sorted(o for o in slots[2] if entities.get(o) and entities[o][0] and min(entities[o][0]) == "State")
        return serves[0] if serves else None
    return None


def _entities(saved: Saved, old: dict[int, Folder], new: dict[int, Folder]) -> dict[str, str | None] | None:
    """Update the entities' masks, kinds' counts and states; the entities whose state changed (-> their old
    state), or None when a change reaches beyond the changed buckets (then the full path).

    An entity may take another state (a new official, an official no longer named, another office) when it
    is not a state itself, before or after, and only the changed buckets describe it: a document describes
    every official and organization it names (a state may be named by an office without being described),
    so all its events and facts are then in the changed buckets' folds (:func:`_involving`). A state that
    appears, goes or changes its label takes the full path.
    """
    kinds = {s: set(slots[0]) for n in new for s in old[n].entities.keys() | new[n].entities.keys()
             if (slots := saved.entities.get(s))}
    touched = set()
    for n in sorted(new):
        touched |= _note_entities(saved.entities, new[n].entities, 1 << n, old[n].entities)
    changed = sum(1 << n for n in new)
    totals, moved = saved.totals["kinds"], {}
    for s in sorted(touched):
        slots = saved.entities.get(s)
        after = set(slots[0]) if slots else set()
        for k in kinds.get(s, set()) ^ after:
            totals[k] = totals.get(k, 0) + (1 if k in after else -1)
        if slots and not any(slots):
            del saved.entities[s]
        state, was = _state_of(saved.entities, s), saved.state.get(s)
        if state != was:
            if s in (state, was) or any(m & ~changed for masks in (slots or ()) for m in masks.values()):
                return None
            moved[s] = was
        if state == s and (min(slots[1]) if slots[1] else local(s)) != saved.names.get(s):
            return None
    for s in moved:
        if (state := _state_of(saved.entities, s)) is None:
            del saved.state[s]
        else:
            saved.state[s] = state
    return moved


def _involving(moved: dict[str, str | None], folds: list[Folder]) -> Delta:
    """The events and facts of these folds that name one of the ``moved`` entities: they may change pairs."""
    def names(slot) -> bool:
        return not moved.keys().isdisjoint(_all(slot))

    events = {e for f in folds for e, slots in f.events.items() if names(slots[1]) or names(slots[2])}
    facts = {k for f in folds for k in f.relations | f.other_facts if k[0] in moved or k[2] in moved}
    facts.update((s, _RELATION_IRIS[p], o) for f in folds for s, p, o in f.records if s in moved or o in moved)
    return Delta(events, facts, set())
