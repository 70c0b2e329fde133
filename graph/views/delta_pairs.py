"""A rerun's pairs of states (views/delta.py ``rerun``): their events and facts folded again, their dyads made again.

:func:`_events` and :func:`_facts` fold again the events and fact records whose fold differs (from the changed
buckets' folds and the slots and records the state keeps by bucket; an event newly shared with an unchanged
bucket reads that bucket's saved fold through :class:`_Folds`) and move them between the pairs they fall in;
:func:`_recompute` makes the touched pairs' dyads again (folded.py ``pair_tables``) and puts them in the state's
tables.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from diplograph.graph.views import load
from diplograph.graph.views.dyads import Dyad
from diplograph.graph.views.folded import _pairs, pair_tables
from diplograph.graph.views.folder import Folder, _all
from diplograph.graph.views.incremental import _NAMES, Pair, Saved, _Slices, _state_pair
from diplograph.graph.views.load import DG
from diplograph.graph.views.shards import ShardError
from diplograph.graph.views.stream import load_bucket

if TYPE_CHECKING:
    from diplograph.graph.views.delta import Delta


class _Folds:
    """The changed buckets' old and new folds, and the other buckets' saved folds, read when asked."""

    def __init__(self, folder: Path, names: dict[int, str], old: dict[int, Folder], new: dict[int, Folder]) -> None:
        self.folder, self.names, self.old, self.new, self.read = folder, names, old, new, {}

    def of(self, n: int, before: bool) -> Folder:
        if n in self.new:
            return self.old[n] if before else self.new[n]
        if n not in self.read:
            try:
                self.read[n] = load_bucket(self.folder / self.names[n], ("events",))[0]  # all _slots reads
            except (OSError, EOFError, ValueError, TypeError, KeyError) as e:
                raise ShardError(f"bucket {n}: {e}") from None
        return self.read[n]


def _bits(mask: int):
    n = 0
    while mask:
        if mask & 1:
            yield n
        mask >>= 1
        n += 1


def _copy(value):
    return set(value) if isinstance(value, set) else value


def _slots(e: str, mask: int, shared: dict | None, folds: _Folds, before: bool) -> dict[int, list]:
    """Event ``e``'s slots in each bucket of ``mask``: a changed bucket's from its fold, another's as kept."""
    out = {}
    for n in _bits(mask):
        slots = folds.of(n, before).events.get(e) if n in folds.new or not shared or n not in shared \
            else shared[n]
        if slots is None:
            raise ShardError(f"event {e} not in bucket {n}")
        out[n] = slots
    return out


def _merge_events(e: str, by_bucket: dict[int, list]) -> list | None:
    """Event ``e``'s slots folded over its buckets (in their order, as the full fold merges them)."""
    f = Folder()
    for n in sorted(by_bucket):
        sub = Folder()
        sub.events = {e: [_copy(v) for v in by_bucket[n]]}
        f.merge(sub)
    return f.events.get(e)


def _merge_records(f: Folder, key: tuple[str, str, str], by_bucket: dict[int, tuple]) -> None:
    """Merge into ``f`` a fact's records and their documents as each bucket holds them."""
    for n in sorted(by_bucket):
        recs, docs = by_bucket[n]
        sub = Folder()
        sub.records = {key: _copy(recs)}
        sub.record_docs = {r: _copy(d) for r, d in docs.items()}
        f.merge(sub)


class _Before(dict):
    """The entities' states before the change: ``state`` with the moved entities' old states."""

    def __init__(self, state: dict[str, str], moved: dict[str, str | None]) -> None:
        super().__init__(moved)
        self.state = state

    def get(self, s: str, default=None):
        return dict.get(self, s, default) if s in self else self.state.get(s, default)


def _pair_data(saved: Saved, pair: Pair) -> list:
    got = saved.maps["p"].get(pair)
    return got if got is not None else [[], [], {}, {}]


def _put_pair(saved: Saved, pair: Pair, data: list) -> None:
    saved.maps["p"].put(pair, data if data[0] or data[1] or data[3] else None)


def _events(saved: Saved, deltas: list[Delta], folds: _Folds, before: _Before) -> set[Pair]:
    """Fold again the events whose fold differs; move them between their pairs; the pairs touched."""
    touched: set[Pair] = set()
    events = saved.maps["e"]
    for e in sorted(set().union(*(d.events for d in deltas))):
        mask, shared = events.get(e, (0, None))
        after = mask
        for n, b in folds.new.items():
            after = after | 1 << n if e in b.events else after & ~(1 << n)
        saved.totals["events"] += (after != 0) - (mask != 0)
        p0 = _pair_set(_merge_events(e, _slots(e, mask, shared, folds, True)), before)
        now = _slots(e, after, shared, folds, False)
        events.put(e, (after, now if len(now) > 1 else None) if after else None)
        slots = _merge_events(e, now)
        p1 = _pair_set(slots, saved.state)
        for pair in sorted(p0 | p1):
            data = _pair_data(saved, pair)
            data[0] = sorted(set(data[0]) - {e} | ({e} if pair in p1 else set()))
            data[2].pop(e, None)
            if pair in p1:
                data[2][e] = slots
            _put_pair(saved, pair, data)
        touched |= p0 | p1
    return touched


def _pair_set(slots: list | None, state: dict[str, str]) -> set[Pair]:
    return {(a, b) if a < b else (b, a) for _, _, a, b in _pairs(slots, state)} if slots is not None else set()


def _facts(saved: Saved, deltas: list[Delta], folds: _Folds, before: _Before) -> set[Pair]:
    """Update the facts' masks; fold again the records of the facts between states that changed, moving a
    fact whose pair of states changed (an end took another state) to its new pair."""
    touched: set[Pair] = set()
    facts, state = saved.maps["f"], saved.state
    changed = sum(1 << n for n in folds.new)
    keys = set().union(*(d.facts for d in deltas))
    keys.update(*(folds.old[n].other_facts ^ b.other_facts for n, b in folds.new.items()))
    for key in sorted(keys):
        s, p, o = key
        mask = after = facts.get(key, 0)
        for n, b in folds.new.items():
            after = after | 1 << n if key in b.relations or key in b.other_facts else after & ~(1 << n)
        saved.totals["facts"] += (after != 0) - (mask != 0)
        facts.put(key, after or None)
        if p not in _NAMES:
            continue
        record, pair, was = (s, DG + p, o), _state_pair(key, state), _state_pair(key, before)
        if was != pair and (mask | after) & ~changed:  # its other buckets' records are not at hand
            raise ShardError(f"fact {key} moves between pairs and is stated beyond the changed buckets")
        if was is not None and was != pair:
            data = _pair_data(saved, was)
            data[1] = sorted(set(data[1]) - {key})
            data[3].pop(record, None)
            _put_pair(saved, was, data)
            touched.add(was)
        if pair is None:
            continue
        data = _pair_data(saved, pair)
        data[1] = sorted(set(data[1]) - {key} | ({key} if after else set()))
        held = data[3].setdefault(record, {})
        for n, b in folds.new.items():
            recs = b.records.get(record)
            if recs is None:
                held.pop(n, None)
            else:
                held[n] = (recs, {r: b.record_docs[r] for r in _all(recs) if r in b.record_docs})
        if not held:
            del data[3][record]
        _put_pair(saved, pair, data)
        touched.add(pair)
    return touched


def _replace(table: dict, touched: set[Pair], new: dict[Pair, Dyad]) -> dict:
    """``table`` with the touched pairs' dyads replaced by ``new``'s, in pair order (sorted again only when a
    pair was added)."""
    added = False
    for pair in touched:
        if pair in new:
            added = added or pair not in table
            dict.__setitem__(table, pair, new[pair])
        elif pair in table:
            del table[pair]
    return type(table)(sorted(dict.items(table))) if added else table


def _recompute(saved: Saved, touched: set[Pair], by: str, band: float) -> None:
    types = load.event_types()
    overall, by_period = {}, {}
    for pair in sorted(touched):
        events, facts, slots, records = _pair_data(saved, pair)
        f = Folder()
        f.published, f.events = saved.published, slots
        for s, p, o in facts:
            if (s, DG + p, o) in records:
                _merge_records(f, (s, DG + p, o), records[(s, DG + p, o)])
        dyad, slices = pair_tables(f, pair, events, facts, saved.state, by, band=band, types=types)
        if dyad is not None:
            overall[pair] = dyad
        for period, d in slices.items():
            by_period.setdefault(period, {})[pair] = d
    saved.overall = _replace(saved.overall, touched, overall)
    tables = {p: _replace(saved.by_period.get(p, _Slices()), touched, by_period.get(p, {}))
              for p in saved.by_period.keys() | by_period.keys()}
    saved.by_period = {p: t for p, t in sorted(tables.items()) if t}
