"""Stage: graph.html's relations of a corpus kept beside its views' state, so a rerun draws them from its change.

``corpus_network.strongest_of_fold`` reads every bucket fold back and counts the relations of every event and
fact (about 8 s at ten thousand documents). :func:`strongest` gives the same nodes and edges, and keeps in
``OUT/.cache/views/`` what they were made from:

* a core (``net-state.marshal``, sealed): the bucket folds it reflects, each entity's kinds, labels and aliases
  with the buckets saying them (bit masks), the buckets naming each IRI, every relation's rank (count, dates),
  the drawn relations' records;
* each relation's events (their date, type, modality, quote and weight) and each bucket's records of its direct
  fact, in 256 shards (``net-<n>-<hash>.marshal``, named by their content);
* a hard link to each bucket fold it reflects (``net-fold-...``): the views' own folds of the changed buckets
  are deleted by the rerun that replaces them, and these give the rerun what the changed buckets said before.

A rerun compares each changed bucket's old and new fold and recounts only the relations whose events or facts
differ, or that name an entity that came or went (a new official, two states no document named before). It
takes the full path (and writes the state anew) when the core is missing, damaged or made by other code or for
another page size, when more than :data:`MAX_CHANGED` buckets changed since the state was written (``--no-html``
builds in between count), or when an entity that came or went is named by an unchanged bucket too (the core
keeps, for each IRI an event or fact names, the buckets naming it). A changed event also held by unchanged
buckets (another document reports it) is read as the union of its holders' folds, those buckets' folds read
back for it. The pages' bytes are a clean build's either way
(``tests/test_html_corpus_rerun.py``, edit after edit; at 10,000 documents too).
"""

from __future__ import annotations

import hashlib
import heapq
import marshal
import os
import shutil
import sys
from functools import lru_cache
from pathlib import Path

from diplograph.exports.network_counts import (Context, Key, acc_of, event_part, fact_info, fact_keys, fact_part, named,
                                               rank_of, record_of)
from diplograph.graph.cache import read_sealed, write_sealed
from diplograph.graph.iri import local_name as local
from diplograph.graph.views import load
from diplograph.graph.views.folder import _DOCS, Folder, _all, _first, _put
from diplograph.graph.views.shards import ShardError, _digest, shard_of
from diplograph.graph.views.stream import bucket_folds, changed_buckets, load_bucket

STATE = "net-state.marshal"
SHARDS = 256
MAX_CHANGED = 4
LINK = "net-"  # the prefix of this state's files: the views' sweeps leave them alone


@lru_cache(maxsize=1)
def _version() -> str:
    """What the state depends on besides the folds: this code, the fold's and the records' code, event types."""
    here, views = Path(__file__).parent, Path(load.__file__).parent
    h = hashlib.sha256()
    for path in (here / "network_state.py", here / "network_counts.py", here / "network.py", views / "folder.py",
                 views / "stream.py", views / "load.py"):
        h.update(path.read_bytes())
    h.update(repr(sorted(load.event_types().items())).encode("utf-8"))
    return f"{h.hexdigest()} {marshal.version} {sys.version}"


def strongest(parts: list, folder: str | Path, views_state, limit: int,
              *, types: dict | None = None) -> tuple[list[dict], list[dict], int, int]:
    """``corpus_network.strongest_of_fold`` of the documents' ``parts`` whose bucket folds are in ``folder``,
    from the saved state when a few buckets changed (``views_state``: views/incremental.py ``Saved``, whose
    events' buckets tell an event held by several), else from every bucket fold; the state is written anew.
    """
    types = load.event_types() if types is None else types
    folder = Path(folder)
    with load.bulk():  # millions of objects without cycles: no collection meanwhile
        core = _load(folder, limit)
        state = _rerun(core, parts, folder, views_state, types) if core is not None and views_state else None
        if state is None:
            state = _full(parts, folder, limit, types)
        drawn = _draw(state)
        _save(folder, state)
    return drawn


class _State:
    """The core (see the module's docstring), its shards read when needed, and what this run recounted."""

    def __init__(self, limit: int, buckets: dict[int, str], ents: dict, mentions: dict[str, int], rank: dict,
                 drawn: dict, shards: dict[int, str]) -> None:
        self.limit, self.buckets, self.ents, self.rank, self.drawn = limit, buckets, ents, rank, drawn
        self.mentions = mentions  # each IRI an event or a fact names as its ends -> the buckets naming it
        self.names, self.loaded, self.dirty, self.folder = dict(shards), {}, set(), None
        self.accs: dict[Key, list] = {}  # the relations recounted in this run

    def shard(self, n: int) -> dict:
        got = self.loaded.get(n)
        if got is None:
            got = self.loaded[n] = _read_shard(self.folder / self.names[n]) if n in self.names else {}
        return got

    def entry(self, key: Key) -> list:
        n = shard_of(key, SHARDS)
        table = self.shard(n)
        self.dirty.add(n)
        got = table.get(key)
        if got is None:
            got = table[key] = [{}, {}, None]
        return got


def _read_shard(path: Path) -> dict:
    data = path.read_bytes()
    if _digest(data) != path.name.rsplit("-", 1)[1].split(".", 1)[0]:
        raise ValueError(f"{path}: not what its name says")
    return marshal.loads(data)


def _load(folder: Path, limit: int) -> _State | None:
    data = read_sealed(folder / STATE)
    if data is None:
        return None
    try:
        core = marshal.loads(data)
        if not isinstance(core, tuple) or len(core) != 8 or core[0] != _version() or core[1] != limit:
            return None
        state = _State(*core[1:])
    except (EOFError, ValueError, TypeError):
        return None
    state.folder = folder
    return state


class _Tracker:
    """Shown each bucket's fold by ``stream.bucket_folds`` on the full path: what the state keeps by bucket."""

    def __init__(self) -> None:
        self.buckets: dict[int, str] = {}
        self.ents: dict[str, list[dict[str, int]]] = {}
        self.facts: dict[Key, dict[int, tuple]] = {}
        self.mentions: dict[str, int] = {}

    def bucket(self, number: int, path: Path, f: Folder, quads: dict) -> None:
        self.buckets[number] = path.name
        _note_entities(self.ents, f.entities, 1 << number, {})
        for s in named(f):
            self.mentions[s] = self.mentions.get(s, 0) | 1 << number
        for key in fact_keys(f):
            self.facts.setdefault(key, {})[number] = fact_info(f, key)


def _note_entities(table: dict, now: dict, bit: int, before: dict) -> None:
    """Set ``bit`` for the kinds, labels and aliases ``now`` (a bucket's entities) says, clear it for what only
    ``before`` (its previous fold's) said."""
    for s in now.keys() | before.keys():
        a, b = before.get(s), now.get(s)
        masks = table.get(s)
        if masks is None:
            masks = table[s] = [{}, {}, {}]
        for i in range(3):
            old, new = (a[i] if a else set()), (b[i] if b else set())
            for v in old - new:
                m = masks[i].get(v, 0) & ~bit
                if m:
                    masks[i][v] = m
                else:
                    masks[i].pop(v, None)
            for v in new - old:
                masks[i][v] = masks[i].get(v, 0) | bit
        if not any(masks):
            del table[s]


def _full(parts: list, folder: Path, limit: int, types: dict) -> _State:
    """Every bucket fold read and merged; every relation counted."""
    tracker, f = _Tracker(), Folder()
    for folded, _ in bucket_folds(parts, folder, tracker):
        f.merge(folded)
    state = _State(limit, tracker.buckets, tracker.ents, tracker.mentions, {}, {}, {})
    state.folder = folder
    tables = state.loaded = {n: {} for n in range(SHARDS)}
    state.dirty = set(range(SHARDS))
    ids, entries, ctx = f.entities, {}, Context(f.entities, f.published, types)
    for e, slots in f.events.items():
        got = event_part(slots, f.quotes[e][1] if e in f.quotes else None, ctx)
        if got is not None:
            for key in got[0]:
                entry = entries.get(key)
                if entry is None:
                    entry = entries[key] = [{}, {}, None]
                entry[0][e] = got[1]
    for key, by in tracker.facts.items():
        entry = entries.get(key)
        if entry is None:
            entry = entries[key] = [{}, {}, None]
        entry[1] = by
        if key[0] in ids and key[2] in ids:
            entry[2] = fact_part(by, key[1], ctx)
    for key, entry in entries.items():
        tables[shard_of(key, SHARDS)][key] = entry
        _recount(state, key, entry)
    return state


def _recount(state: _State, key: Key, entry: list) -> None:
    acc = state.accs[key] = acc_of(entry)
    if acc[0]:
        state.rank[key] = rank_of(acc)
    else:
        state.rank.pop(key, None)


def _rerun(state: _State, parts: list, folder: Path, views_state, types: dict) -> _State | None:
    """The state updated from the changed buckets' old and new folds; None when the full path is needed."""
    _, names, changed = changed_buckets(parts, state.buckets)
    if len(changed) > MAX_CHANGED:
        return None
    try:
        old = {n: load_bucket(folder / (LINK + state.buckets[n]))[0] if n in state.buckets else Folder()
               for n in changed}
        new = {n: load_bucket(folder / names[n])[0] if n in names else Folder() for n in changed}
    except (OSError, EOFError, ValueError, TypeError):
        return None
    ids = set(state.ents)
    for n in changed:
        _note_entities(state.ents, new[n].entities, 1 << n, old[n].entities)
        for s in named(old[n]) - named(new[n]):
            if m := state.mentions.get(s, 0) & ~(1 << n):
                state.mentions[s] = m
            else:
                state.mentions.pop(s, None)
        for s in named(new[n]):
            state.mentions[s] = state.mentions.get(s, 0) | 1 << n
    came = ids ^ state.ents.keys()  # an entity came or went: its relations start or end
    if any(state.mentions.get(s, 0) & ~sum(1 << n for n in changed) for s in came):
        return None  # named by another bucket too: its relations there start or end
    published = views_state.published
    try:
        dated: dict[int, set[str]] = {}
        for n in changed:
            dated[n] = {d for d in old[n].published.keys() | new[n].published.keys()
                        if old[n].published.get(d) != new[n].published.get(d)}
            _facts(state, old[n], new[n], n, dated[n], came, published, types)
        shared = lambda m: load_bucket(folder / names[m])[0]  # an unchanged bucket's fold, for events it shares
        if not _events(state, old, new, dated, came, ids, views_state, published, types, shared):
            return None
    except (OSError, EOFError, ValueError, TypeError, KeyError, ShardError):
        return None
    state.buckets = dict(sorted(names.items()))
    return state


def _events(state: _State, old: dict, new: dict, dated: dict[int, set[str]], came: set[str], before_ids: set[str],
            views_state, published: dict, types: dict, shared=None) -> bool:
    """Move the changed buckets' events whose fold, quote or document's date differ, or that name an entity that
    came or went, to their relations (all taken out, with the entities before, then all put in: an event may move
    between buckets). An event also held by unchanged buckets (another document reports it) is read as the
    union of its holders' folds, as the full path's merge reads it, the unchanged ones from ``shared(bucket)``;
    False when such an event's other holders cannot be read (no ``shared``)."""
    events, others = set(), sum(1 << m for m in old)
    for n in old:
        a, b = old[n], new[n]
        events.update(e for e in a.events.keys() | b.events.keys()
                      if a.events.get(e) != b.events.get(e) or a.quotes.get(e) != b.quotes.get(e))
        if came:
            events.update(e for f in (a, b) for e, slots in f.events.items()
                          if not came.isdisjoint(_all(slots[1])) or not came.isdisjoint(_all(slots[2])))
        if dated[n]:
            events.update(e for f in (a, b) for e, slots in f.events.items()
                          if not _first(slots[4]) and not dated[n].isdisjoint(_all(slots[_DOCS])))
    events = sorted(events)
    rest: dict[str, list[int]] = {}  # an event held by several buckets -> its unchanged holders
    for e in events:
        got = views_state.maps["e"].get(e)
        now = got[0] if got else 0
        before = (now & ~others) | sum(1 << m for m in old if e in old[m].events)
        if now & (now - 1) or before & (before - 1):
            if shared is None:
                return False  # its fold is the union of several buckets'
            rest[e] = [m for m in range((now & ~others).bit_length()) if now & ~others & 1 << m]
    unchanged = {m: shared(m) for m in sorted({m for ms in rest.values() for m in ms})}
    for folds, put, ids in ((old, False, before_ids), (new, True, state.ents)):
        ctx = Context(ids, published, types)
        for e in events:
            holders = [f for f in folds.values() if e in f.events] + [unchanged[m] for m in rest.get(e, ())]
            slots, quote = _union(holders, e) if e in rest else (None, None)
            f = next((f for f in folds.values() if e in f.events), None)
            made = event_part(slots, quote, ctx) if slots else \
                f and event_part(f.events[e], f.quotes[e][1] if e in f.quotes else None, ctx)
            for key in made[0] if made else ():
                entry = state.entry(key)
                if put:
                    entry[0][e] = made[1]
                else:
                    entry[0].pop(e, None)
                _recount(state, key, entry)
    return True


def _union(folds: list[Folder], e: str) -> tuple[list | None, str | None]:
    """Event ``e``'s slots and quote over ``folds`` (Folder.merge's union, on fresh values: the folds are not
    changed); (None, None) when none holds it."""
    slots, best = None, None
    for f in folds:
        if e not in f.events:
            continue
        got = f.events[e]
        slots = [None] * len(got) if slots is None else slots
        for i, values in enumerate(got):
            slots[i] = _put(slots[i], _all(values), str)
        q = f.quotes.get(e)
        if q is not None and (best is None or q < best):
            best = q
    return slots, best[1] if best else None


def _facts(state: _State, a: Folder, b: Folder, n: int, dated: set[str], came: set[str], published: dict,
           types: dict) -> None:
    """Put bucket ``n``'s new records of the direct facts whose records, statement or dates differ, or that name
    an entity that came or went."""
    ids, ctx = state.ents, Context(state.ents, published, types)
    for key in sorted(fact_keys(a) | fact_keys(b)):
        before, after = fact_info(a, key), fact_info(b, key)
        if before == after and (not dated or all(dated.isdisjoint(ds) for ds in after[1].values())) \
                and key[0] not in came and key[2] not in came:
            continue
        entry = state.entry(key)
        if after[0] or after[1]:
            entry[1][n] = after
        else:
            entry[1].pop(n, None)
        entry[2] = fact_part(entry[1], key[1], ctx) if key[0] in ids and key[2] in ids else None
        _recount(state, key, entry)


def _nodes(ents: dict) -> list[dict]:
    """``corpus_network.nodes_of_fold`` from the entities' masks."""
    return [{"id": s, "label": min(m[1]) if m[1] else local(s), "type": min(m[0]), "subtypes": [], "role": "",
             "aliases": sorted(m[2])} for s, m in sorted(ents.items())]


def _draw(state: _State) -> tuple[list[dict], list[dict], int, int]:
    """The nodes and the ``limit`` strongest relations (ties by key), with the numbers of nodes and relations."""
    rank, limit = state.rank, state.limit
    kept = sorted(rank) if len(rank) <= limit else \
        sorted(key for _, _, key in heapq.nsmallest(limit, ((r[0], r[1], key) for key, r in rank.items())))
    drawn = {}
    for key in kept:
        acc = state.accs.get(key)
        record = state.drawn.get(key) if acc is None else None
        drawn[key] = record if record is not None else record_of(key, acc or acc_of(state.entry(key)))
    state.drawn = drawn
    nodes, edges = _nodes(state.ents), list(drawn.values())
    if len(rank) > limit:
        ends = {e["source"] for e in edges} | {e["target"] for e in edges}
        return [n for n in nodes if n["id"] in ends or n["type"] == "State"], edges, len(nodes), len(rank)
    return nodes, edges, len(nodes), len(rank)


def _save(folder: Path, state: _State) -> None:
    """Write the changed shards and the links to the folds reflected, then the core (atomically), then delete
    the files the core no longer names: a build killed meanwhile leaves the old core with its files."""
    for n in sorted(state.dirty):
        table = {k: v for k, v in state.loaded[n].items() if v[0] or v[1]}
        if not table:
            state.names.pop(n, None)
            continue
        data = marshal.dumps(table)
        name = f"{LINK}{n:03d}-{_digest(data)}.marshal"
        if not (folder / name).is_file():
            tmp = folder / f".{name}.tmp"
            tmp.write_bytes(data)
            os.replace(tmp, folder / name)
        state.names[n] = name
    links = {LINK + name for name in state.buckets.values()}
    for link in sorted(links):
        if not (folder / link).is_file():
            try:
                os.link(folder / link[len(LINK):], folder / link)
            except OSError:  # a file system without hard links: a copy
                shutil.copyfile(folder / link[len(LINK):], folder / f".{link}.tmp")
                os.replace(folder / f".{link}.tmp", folder / link)
    write_sealed(folder / STATE, marshal.dumps((_version(), state.limit, state.buckets, state.ents, state.mentions,
                                                state.rank, state.drawn, dict(sorted(state.names.items())))))
    keep = links | set(state.names.values()) | {STATE}
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.name.startswith((LINK, "." + LINK)) and entry.name not in keep:
                os.unlink(entry.path)
