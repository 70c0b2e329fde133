"""The views tables on a rerun after a few changed documents: only what the change touches is read.

A build with a cache keeps, beside its bucket folds (views/stream.py ``bucket_folds``), what its views
tables were made from, as a small *core* (``OUT/.cache/views/views-state.marshal``) and three maps in
shards (views/shards.py), so that a rerun reads and writes only the shards its change falls in:

* the core: the bucket folds' names and each bucket's documents' quads; for each entity, which buckets say
  each of its core kinds, labels and states served (bit masks), hence each entity's state and each state's
  label; the documents' publication dates; the build's counts; the dyad tables (the slices without their
  events: only their fingerprints read them); the dyad groups' fingerprints (chunks.py ``Fingerprints``);
* ``e``: each event -> the buckets whose fold holds it (a bit mask), and, for an event held by several
  buckets, each one's slots;
* ``f``: each direct fact ``(s, relation, o)`` -> the buckets stating it;
* ``p``: each pair of states -> its events and facts, the events' folded slots, and each bucket's records
  of the facts between the two states' entities (what folded.py ``pair_tables`` computes the pair's dyads
  from).

A rerun (views/delta.py ``rerun``) reads the core, the changed buckets' old and new folds and the shards
its change falls in, and computes again only the pairs of states the change touches. The full path
(:func:`tables`, shown each bucket's fold by a :class:`Tracker`) writes the state anew: when the core is
missing, truncated or made by other code, or when the rerun cannot be made (see views/delta.py). The core
is written last (atomically) and names its shards by their content's hash, so a killed build leaves the
old state whole or detected.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from diplograph.graph.cache import read_sealed, write_sealed
from diplograph.graph.views import load
from diplograph.graph.views.chunks import Fingerprints
from diplograph.graph.views.dyads import BAND, Dyad
from diplograph.graph.views.folded import Index, ViewTables, states, view_tables
from diplograph.graph.views.folder import _RELATION_IRIS, Folder, _all
from diplograph.graph.views.load import CORE_TYPES, bulk
from diplograph.graph.views.shards import PREFIX, ShardedMap
from diplograph.graph.views.stream import load_bucket


STATE = "views-state.marshal"
SHARDS = {"e": 256, "f": 256, "p": 256}
Pair = tuple[str, str]
_NAMES = frozenset(_RELATION_IRIS.values())


@lru_cache(maxsize=1)
def _version() -> str:
    """What the saved state depends on besides the buckets: the views' code, the event types, Python."""
    here = Path(__file__).parent
    h = hashlib.sha256()
    for name in ("incremental.py", "folded.py", "dyads.py", "stream.py", "folder.py", "folded_graph.py", "chunks.py",
                 "groups.py", "to_rdf.py", "load.py", "periods.py", "shards.py", "delta.py", "delta_pairs.py"):
        h.update((here / name).read_bytes())
    h.update(repr(sorted(load.event_types().items())).encode("utf-8"))
    return f"{h.hexdigest()} {marshal.version} {sys.version}"


@dataclass
class Saved:
    """What the previous build's views tables were made from (see the module's docstring)."""

    buckets: dict[int, str]
    quads: dict[int, dict[str, int]]
    state: dict[str, str]
    names: dict[str, str]
    published: dict[str, set[str]]
    entities: dict[str, list[dict[str, int]]]  # s -> [kinds, labels, states served], each value -> bucket mask
    totals: dict  # {"kinds": {core type: entities}, "facts": n, "events": n}
    overall: dict[Pair, Dyad]
    by_period: dict[str, dict[Pair, Dyad]]
    fingerprints: dict[tuple[str, int], bytes]
    maps: dict[str, ShardedMap] = field(default_factory=dict)

    def counts(self) -> dict:
        """The build's counts, as ``Folder.counts`` gives them."""
        kinds = self.totals["kinds"]
        return {"entities": {t: kinds.get(t, 0) for t in CORE_TYPES}, "facts": self.totals["facts"],
                "events": self.totals["events"]}


class Tracker:
    """Shown each bucket's fold by ``stream.bucket_folds`` in a full build: notes what the state keeps of it."""

    def __init__(self) -> None:
        self.names: dict[int, str] = {}
        self.quads: dict[int, dict[str, int]] = {}
        self.entities: dict[str, list[dict[str, int]]] = {}
        self.events: dict[str, int] = {}
        self.facts: dict[tuple[str, str, str], int] = {}
        self.folder: Path | None = None

    def bucket(self, number: int, path: Path, new: Folder, quads: dict[str, int]) -> None:
        bit, events, facts = 1 << number, self.events, self.facts
        self.names[number], self.quads[number], self.folder = path.name, dict(quads), path.parent
        for s, slots in new.entities.items():
            held = self.entities.get(s)
            if held is None:
                held = self.entities[s] = [{}, {}, {}]
            for masks, values in zip(held, (slots[0], slots[1], slots[3])):
                for v in values:
                    masks[v] = masks.get(v, 0) | bit
        for e in new.events:
            events[e] = events.get(e, 0) | bit
        for k in (*new.relations, *new.other_facts):
            facts[k] = facts.get(k, 0) | bit


@dataclass
class Done:
    """The incremental path's result: the build's counts and quads, its views tables, the fingerprints to
    reuse, and the state to save."""

    counts: dict
    quads: dict[str, int]
    tables: ViewTables
    fingerprints: Fingerprints
    saved: Saved


def tables(f: Folder, tracker: Tracker | None, *, by: str = "quarter",
           band: float = BAND) -> tuple[ViewTables, Fingerprints, Saved | None]:
    """The full path: the views tables of fold ``f`` (folded.py ``view_tables``), no fingerprints to reuse,
    and the state to save (its shards written now: the fold is not held until then)."""
    index = Index()
    made = view_tables(f, by, band=band, index=index)
    if tracker is None or tracker.folder is None:
        return made, Fingerprints({}, set()), None
    state, _ = states(f)
    with bulk():
        counts = f.counts()
        saved = Saved(dict(tracker.names), tracker.quads, state, made.names, dict(f.published), tracker.entities,
                      {"kinds": counts["entities"], "facts": counts["facts"], "events": counts["events"]},
                      made.overall, made.by_period, {})
        folder = tracker.folder
        saved.maps = {kind: ShardedMap(folder, kind, n) for kind, n in SHARDS.items()}
        shared, records = _by_bucket(folder, tracker, state)
        saved.maps["e"].fill((e, (m, shared.get(e))) for e, m in tracker.events.items())
        saved.maps["f"].fill(iter(tracker.facts.items()))
        saved.maps["p"].fill(_pair_items(f, index, records))
        for m in saved.maps.values():
            m.write()
            m.loaded = {}
    return made, Fingerprints({}, set()), saved


def _by_bucket(folder: Path, tracker: Tracker, state: dict[str, str]) -> tuple[dict, dict]:
    """Each bucket's slots of the events held by several buckets, and each bucket's records (with their
    documents) of the facts between two states' entities, by pair: the saved bucket folds read again."""
    shared: dict[str, dict[int, list]] = {e: {} for e, m in tracker.events.items() if m & (m - 1)}
    records: dict[Pair, dict] = {}
    for n, name in sorted(tracker.names.items()):
        b = load_bucket(folder / name, ("events", "records", "record_docs"))[0]
        for e in shared.keys() & b.events.keys():
            shared[e][n] = b.events[e]
        for key, recs in b.records.items():
            pair = _state_pair(key, state)
            if pair is not None:
                docs = {r: b.record_docs[r] for r in _all(recs) if r in b.record_docs}
                records.setdefault(pair, {}).setdefault(key, {})[n] = (recs, docs)
    return shared, records


def _state_pair(key: tuple[str, str, str], state: dict[str, str]) -> Pair | None:
    a, b = state.get(key[0]), state.get(key[2])
    return None if a is None or b is None or a == b else (a, b) if a < b else (b, a)


def _pair_items(f: Folder, index: Index, records: dict):
    for pair in index.pairs.keys() | index.facts.keys() | records.keys():
        events, facts = sorted(index.pairs.get(pair, ())), sorted(index.facts.get(pair, ()))
        yield pair, [events, facts, {e: f.events[e] for e in events}, records.get(pair, {})]


class _Slices(dict):
    """A period's dyads as saved: each row made a Dyad when first looked up (a rerun looks up few of them).

    ``dict.values(table)`` gives the rows and Dyads as they are.
    """

    __slots__ = ()

    def __getitem__(self, pair: Pair) -> Dyad:
        value = dict.__getitem__(self, pair)
        if type(value) is tuple:
            value = Dyad(*value)
            dict.__setitem__(self, pair, value)
        return value

    def get(self, pair: Pair, default=None):
        return self[pair] if pair in self else default  # noqa: SIM401 - dict.get would give the row

    def values(self):
        return [self[pair] for pair in self]

    def items(self):
        return [(pair, self[pair]) for pair in self]


def _dyad_row(d: Dyad | tuple, events: bool = True) -> tuple:
    if type(d) is tuple:
        return d
    return d.a, d.b, d.period, d.count, d.total, d.score, d.sign, d.quads, d.events if events else ()


def save(folder: str | Path, saved: Saved, fingerprints: Fingerprints) -> None:
    """Write the changed shards, then the core (atomically), then delete the shards and bucket folds the
    core no longer names: a build killed meanwhile leaves the old core with its shards and folds."""
    folder = Path(folder)
    with bulk():
        shards = {kind: m.write() for kind, m in sorted(saved.maps.items())}
        data = marshal.dumps((_version(), saved.buckets, saved.quads, saved.state, saved.names, saved.published,
                              saved.entities, saved.totals, [_dyad_row(d) for d in saved.overall.values()],
                              {p: [_dyad_row(d, False) for d in dict.values(t)] for p, t in saved.by_period.items()},
                              fingerprints.made, shards))
    write_sealed(folder / STATE, data)
    _sweep(folder, {name for names in shards.values() for name in names.values()}, set(saved.buckets.values()))


def load_saved(folder: str | Path | None) -> Saved | None:
    """The saved core in ``folder`` (its shards read when needed), or None when there is none, or it is
    truncated or made by other code."""
    if folder is None:
        return None
    data = read_sealed(Path(folder) / STATE)
    if data is None:
        return None
    try:
        with bulk():
            core = marshal.loads(data)
            if not isinstance(core, tuple) or len(core) != 12 or core[0] != _version():
                return None
            (_, buckets, quads, state, names, published, entities, totals, overall, by_period, prints,
             shards) = core
            saved = Saved(buckets, quads, state, names, published, entities, totals,
                          {(row[0], row[1]): Dyad(*row) for row in overall},
                          {p: _Slices(((row[0], row[1]), row) for row in rows) for p, rows in by_period.items()},
                          prints)
            saved.maps = {kind: ShardedMap(Path(folder), kind, n, shards.get(kind)) for kind, n in SHARDS.items()}
            return saved
    except (OSError, EOFError, ValueError, TypeError):
        return None


def discard(folder: str | Path | None) -> None:
    """Delete the saved state (a build without views, or one whose parts have no keys)."""
    if folder is not None and Path(folder).is_dir():
        (Path(folder) / STATE).unlink(missing_ok=True)
        _sweep(Path(folder), set(), None)


def _sweep(folder: Path, shards: set[str], folds: set[str] | None) -> None:
    """Delete, in one listing, the shard files not in ``shards``, the bucket folds not in ``folds`` (None: keep
    them all), and the temporary files of shards, folds and views chunks a killed build left (this build holds
    the output folder's lock, and its own are renamed into place by now)."""
    with os.scandir(folder) as entries:
        for entry in entries:
            name = entry.name
            stale = (name.startswith(PREFIX) and name not in shards) or \
                (folds is not None and name.startswith("fold-") and name not in folds) or \
                (name.endswith(".tmp") and name.startswith(("." + PREFIX, ".fold-", ".v-")))
            if stale:
                Path(entry.path).unlink(missing_ok=True)
