"""The views tables on a rerun after a few changed documents: only the pairs of states the change touches.

A build with a cache keeps, beside its bucket folds (views/stream.py ``fold_parts``), what its views
tables were made from (``OUT/.cache/views/views-state.marshal``): the bucket folds' names, each entity's
state and each state's label, which pairs of states each event touches and the facts of each pair
(folded.py :class:`~diplograph.graph.views.folded.Index`), the dyad tables, and the dyad groups'
fingerprints (chunks.py :class:`~diplograph.graph.views.chunks.Fingerprints`).

A rerun compares the old and the new fold of each changed bucket (:class:`Tracker`): the events whose
slots differ, the facts whose relation, records or records' documents differ. A pair of states' dyads
depend only on the events and facts between its two states' entities (mirrors, covered facts, the order
weights are summed in), given the states and the documents' dates; so only the pairs those events and
facts touch, before or after, are computed again (folded.py ``pair_tables``). No full fold is made: of
the buckets' folds (read as before), only the entities, direct facts and documents' dates are merged
(for the states, the labels and the counts), and the events and records of the touched pairs.

The full path is taken (and the state written anew) when the saved state is missing, truncated, made by
other code or from other buckets than the previous fold's, when an old bucket fold is gone (a build
killed between the two), when more than :data:`MAX_CHANGED` buckets changed, when an entity's state or a
state's label changed, or when a document kept its place but changed its publication date.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from diplograph.graph.views import load
from diplograph.graph.views.chunks import Fingerprints
from diplograph.graph.views.dyads import BAND, Dyad
from diplograph.graph.views.folded import (
    Index,
    ViewTables,
    _pairs,
    pair_tables,
    states,
    view_tables,
)
from diplograph.graph.views.load import DG, bulk
from diplograph.graph.views.stream import _RELATION_IRIS, Folder, _all, bucket_folds, load_bucket

STATE = "views-state.marshal"
MAX_CHANGED = 4  # buckets changed: more, and the full path is as cheap
Pair = tuple[str, str]


@lru_cache(maxsize=1)
def _version() -> str:
    """What the saved state depends on besides the buckets: the views' code, the event types, Python."""
    here = Path(__file__).parent
    h = hashlib.sha256()
    for name in ("incremental.py", "folded.py", "dyads.py", "stream.py", "chunks.py", "to_rdf.py", "load.py",
                 "periods.py"):
        h.update((here / name).read_bytes())
    h.update(repr(sorted(load.event_types().items())).encode("utf-8"))
    return f"{h.hexdigest()} {marshal.version} {sys.version}"


@dataclass
class Saved:
    """What the previous build's views tables were made from (see the module's docstring)."""

    buckets: dict[int, str]
    state: dict[str, str]
    names: dict[str, str]
    index: Index  # index.pairs: each pair's events, updated in place by a rerun
    overall: dict[Pair, Dyad]
    by_period: dict[str, dict[Pair, Dyad]]
    fingerprints: dict[tuple[str, int], bytes] = field(default_factory=dict)


@dataclass
class Delta:
    """What differs between a bucket's old and new fold: events, facts ``(s, relation, o)``, and whether a
    document in both changed its publication date."""

    events: set[str]
    facts: set[tuple[str, str, str]]
    dates: bool


def bucket_delta(old: Folder, new: Folder) -> Delta:
    """The events and facts whose fold differs between two folds of one bucket."""
    events = {e for e in old.events.keys() | new.events.keys() if old.events.get(e) != new.events.get(e)}
    facts = old.relations ^ new.relations
    keys = {k for k in old.records.keys() | new.records.keys() if old.records.get(k) != new.records.get(k)}
    records = {r for r in old.record_docs.keys() | new.record_docs.keys()
               if old.record_docs.get(r) != new.record_docs.get(r)}
    if records:
        for table in (old.records, new.records):
            keys.update(k for k, rs in table.items() if (rs in records if isinstance(rs, str) else rs & records))
    facts.update((s, _RELATION_IRIS[p], o) for s, p, o in keys)
    dates = any(old.published.get(d) != new.published.get(d) for d in old.published.keys() & new.published.keys())
    return Delta(events, facts, dates)


class Tracker:
    """Shown each bucket's new fold by ``stream.bucket_folds``: notes the buckets' names and, for a bucket whose
    name differs from the saved state's, its :class:`Delta` (read off its old fold, before it is pruned)."""

    def __init__(self, previous: dict[int, str] | None) -> None:
        self.previous = previous
        self.names: dict[int, str] = {}
        self.deltas: list[Delta] = []
        self.failed = previous is None
        self.folder: Path | None = None

    def bucket(self, number: int, path: Path, new: Folder) -> None:
        self.names[number] = path.name
        self.folder = path.parent
        if self.failed or self.previous.get(number) == path.name:
            return
        old = self._old(path.parent, self.previous.get(number))
        if old is not None:
            self.deltas.append(bucket_delta(old, new))

    def finish(self, numbers: set[int]) -> None:
        if self.failed:
            return
        for number in sorted(set(self.previous) - numbers):  # every document of a bucket removed
            old = self._old(self.folder, self.previous[number]) if self.folder is not None else None
            if old is None:
                self.failed = True
                return
            self.deltas.append(bucket_delta(old, Folder()))

    def _old(self, folder: Path, name: str | None) -> Folder | None:
        """The bucket's fold the saved state was made from (empty for a new bucket), or None (then failed)."""
        if len(self.deltas) >= MAX_CHANGED:
            self.failed = True
            return None
        if name is None:
            return Folder()
        try:
            return load_bucket(folder / name)[0]
        except (OSError, EOFError, ValueError, TypeError):
            self.failed = True
            return None


@dataclass
class Done:
    """The incremental path's result: the build's counts, its views tables, the fingerprints to reuse, and
    the state to save."""

    counts: dict
    tables: ViewTables
    fingerprints: Fingerprints
    saved: Saved


def fold(parts: list, folder: Path, saved: Saved, tracker: Tracker, *, by: str = "quarter",
         band: float = BAND) -> tuple[Folder | None, dict[str, int], Done | None]:
    """The buckets' folds of ``parts`` (``stream.bucket_folds``), and the views tables from ``saved`` when the
    change allows it: then no full fold is made (None), only the entities, facts and dates of every bucket,
    and the events and records of the pairs of states touched. Otherwise the full fold, and None."""
    folds, quads = [], {}
    with bulk():  # millions of containers, no cycles: a collection would walk them all for nothing
        for folded, counted in bucket_folds(parts, folder, tracker):
            folds.append(folded)
            quads.update(counted)
        if not tracker.failed and not any(d.dates for d in tracker.deltas):
            f = _partial(folds)
            state, names = states(f)
            if state == saved.state and names == saved.names:
                touched = _update(f, saved, tracker.deltas, state, by, band, lambda **keys: _take(f, folds, **keys))
                saved.buckets = dict(tracker.names)
                counts = f.counts()
                counts["events"] = len(set().union(*(b.events.keys() for b in folds)))
                tables = ViewTables(saved.overall, saved.by_period, saved.names)
                return None, quads, Done(counts, tables, Fingerprints(saved.fingerprints, touched), saved)
            del f  # the full fold is made instead
        f = Folder()
        folds.reverse()
        while folds:  # each bucket's fold dropped once merged
            f.merge(folds.pop())
    return f, quads, None


def _partial(folds: list[Folder]) -> Folder:
    """The merged entities (without their aliases), direct facts and documents' dates of ``folds``; events and
    records come on demand (:func:`_take`)."""
    f = Folder()
    for b in folds:
        for s, (kinds, labels, _, serves) in b.entities.items():  # aliases left out: the views do not read them
            mine = f.entities.setdefault(s, [set(), set(), set(), set()])
            mine[0].update(kinds)
            mine[1].update(labels)
            mine[3].update(serves)
        f.relations.update(b.relations)
        f.other_facts.update(b.other_facts)
        for d, dates in b.published.items():
            f.published[d].update(dates)
    return f


def _copy(value):
    return set(value) if isinstance(value, set) else value


def _take(f: Folder, folds: list[Folder], events=(), records=(), record_docs=()) -> None:
    """Merge into ``f`` what ``folds`` say of these events, record keys and record IRIs (copies: the folds are
    left as they are)."""
    events = [e for e in events if e not in f.events]
    records = [k for k in records if k not in f.records]
    record_docs = [r for r in record_docs if r not in f.record_docs]
    for b in folds:
        sub = Folder()
        sub.events = {e: [_copy(v) for v in b.events[e]] for e in events if e in b.events}
        sub.records = {k: _copy(b.records[k]) for k in records if k in b.records}
        sub.record_docs = {r: _copy(b.record_docs[r]) for r in record_docs if r in b.record_docs}
        f.merge(sub)


def tables(f: Folder, tracker: Tracker | None, *, by: str = "quarter",
           band: float = BAND) -> tuple[ViewTables, Fingerprints, Saved]:
    """The full path: the views tables of fold ``f`` (folded.py ``view_tables``), no fingerprints to reuse,
    and the state to save."""
    index = Index()
    made = view_tables(f, by, band=band, index=index)
    state, _ = states(f)
    saved = Saved(dict(tracker.names) if tracker is not None else {}, state, made.names, index,
                  made.overall, made.by_period)
    return made, Fingerprints({}, set()), saved


def _update(f: Folder, saved: Saved, deltas: list[Delta], state: dict[str, str], by: str, band: float,
            take) -> set[Pair]:
    """Apply the deltas to ``saved`` in place (``take`` brings events and records into ``f``); the pairs of
    states computed again."""
    touched: set[Pair] = set()
    changed: dict[Pair, set[str]] = {}
    events = set().union(*(d.events for d in deltas))
    take(events=events)
    for e in events:
        old = saved.index.events.pop(e, ())
        slots = f.events.get(e)
        new = tuple(dict.fromkeys((a, b) if a < b else (b, a) for _, _, a, b in _pairs(slots, state))) \
            if slots is not None else ()
        if new:
            saved.index.events[e] = new
        for pair in old:
            changed.setdefault(pair, set(saved.index.pairs.get(pair, ()))).discard(e)
        for pair in new:
            changed.setdefault(pair, set(saved.index.pairs.get(pair, ()))).add(e)
        touched.update(old, new)
    for pair, events in changed.items():
        saved.index.pairs[pair] = sorted(events)
        if not events:
            del saved.index.pairs[pair]
    for s, p, o in set().union(*(d.facts for d in deltas)):
        a, b = state.get(s), state.get(o)
        if a is None or b is None or a == b:
            continue
        pair = (a, b) if a < b else (b, a)
        facts = set(saved.index.facts.get(pair, ()))
        facts.discard((s, p, o))
        if (s, p, o) in f.relations:
            facts.add((s, p, o))
        saved.index.facts[pair] = sorted(facts)
        if not facts:
            del saved.index.facts[pair]
        touched.add(pair)
    needed = set().union(*(saved.index.pairs.get(pair, ()) for pair in touched))
    take(events=needed)
    keys = {(s, DG + p, o) for pair in touched for s, p, o in saved.index.facts.get(pair, ())}
    take(records=keys)
    take(record_docs={r for k in keys for r in _all(f.records.get(k))})
    _recompute(f, saved, touched, state, by, band)
    return touched


def _recompute(f: Folder, saved: Saved, touched: set[Pair], state: dict[str, str], by: str, band: float) -> None:
    types = load.event_types()
    for pair in touched:
        saved.overall.pop(pair, None)
        for table in saved.by_period.values():
            table.pop(pair, None)
    for pair in sorted(touched):
        dyad, slices = pair_tables(f, pair, saved.index.pairs.get(pair, []), saved.index.facts.get(pair, []),
                                   state, by, band=band, types=types)
        if dyad is not None:
            saved.overall[pair] = dyad
        for period, d in slices.items():
            saved.by_period.setdefault(period, {})[pair] = d
    saved.overall = dict(sorted(saved.overall.items()))
    saved.by_period = {p: dict(sorted(t.items())) for p, t in sorted(saved.by_period.items()) if t}


def _dyad_row(d: Dyad) -> tuple:
    return d.a, d.b, d.period, d.count, d.total, d.score, d.sign, d.quads, d.events


def save(folder: str | Path, saved: Saved, fingerprints: Fingerprints) -> None:
    """Write the state (atomically: a build killed meanwhile leaves the old one, which names its buckets)."""
    with bulk():
        data = _dumps(saved, fingerprints)
    path = Path(folder) / STATE
    tmp = path.with_name("." + path.name + ".tmp")
    tmp.write_bytes(hashlib.sha256(data).digest() + data)
    os.replace(tmp, path)


def _dumps(saved: Saved, fingerprints: Fingerprints) -> bytes:
    return marshal.dumps((_version(), saved.buckets, saved.state, saved.names, saved.index.events,
                          saved.index.facts, saved.index.pairs,
                          [_dyad_row(d) for d in saved.overall.values()],
                          {p: [_dyad_row(d) for d in t.values()] for p, t in saved.by_period.items()},
                          fingerprints.made))


def load_saved(folder: str | Path | None) -> Saved | None:
    """The saved state in ``folder``, or None when there is none, or it is truncated or made by other code."""
    if folder is None:
        return None
    try:
        raw = (Path(folder) / STATE).read_bytes()
        if hashlib.sha256(raw[32:]).digest() != raw[:32]:
            return None
        with bulk():
            version, buckets, state, names, events, facts, pair_events, overall, by_period, prints = \
                marshal.loads(raw[32:])
            if version != _version():
                return None
            return Saved(buckets, state, names, Index(events, pair_events, facts),
                         {(row[0], row[1]): Dyad(*row) for row in overall},
                         {p: {(row[0], row[1]): Dyad(*row) for row in rows} for p, rows in by_period.items()}, prints)
    except (OSError, EOFError, ValueError, TypeError):
        return None


def discard(folder: str | Path | None) -> None:
    """Delete the saved state (a build without views, or one whose parts have no keys)."""
    if folder is not None:
        (Path(folder) / STATE).unlink(missing_ok=True)
