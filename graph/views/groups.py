"""The groups of the views graph's nodes (views/chunks.py): the unit a change touches, each with its fingerprint.

* a dyad group is one pair of states: its overall dyad and its slices;
* a triangle group is the triangles sharing their first two members (and the slices of those among
  the most active).

Each group has a *fingerprint*, the hash of what its nodes are made of (its dyads, labels, triangle
classes and counts), computed without making the nodes; ``make()`` makes them (views/to_rdf.py), only
when the group's chunk is written.
"""

from __future__ import annotations

import hashlib
from bisect import bisect_left
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from operator import itemgetter

import networkx as nx
import numpy as np

from diplograph.graph.views import to_rdf
from diplograph.graph.views.dyads import BAND, dyad_tables
from diplograph.graph.views.folded import ViewTables
from diplograph.graph.views.to_rdf import TRIANGLE_SLICES, Node
from diplograph.graph.views.triangles import TriangleSet, classify_all


@dataclass(frozen=True)
class Group:
    """Consecutive view nodes a change touches together; ``make()`` gives them in subject order."""

    name: str
    size: int  # nodes
    fingerprint: bytes  # the hash of what the nodes are made of
    make: Callable[[], list[Node]]


def _hash(*parts: object) -> bytes:
    return hashlib.blake2b(repr(parts).encode("utf-8"), digest_size=16).digest()


@dataclass
class Fingerprints:
    """Dyad groups' fingerprints kept from one build to the next (views/incremental.py).

    Attributes:
        known: ``(group name, nodes) -> fingerprint`` of the previous build's dyad groups.
        touched: The pairs of states whose dyads may differ from the previous build's (their groups are hashed).
        made: This build's ``(group name, nodes) -> fingerprint``, filled as the groups are made.
    """

    known: dict[tuple[str, int], bytes]
    touched: set[tuple[str, str]]
    made: dict[tuple[str, int], bytes] = field(default_factory=dict)


def dyad_groups(overall: dict, by_period: dict, G: nx.MultiDiGraph | ViewTables,
                fingerprints: Fingerprints | None = None) -> Iterator[Group]:
    """One group per run of a pair's nodes in subject order (a pair's dyad and slices, one run in practice).

    With ``fingerprints``, a group of a pair not touched keeps its known fingerprint (none is hashed again).
    """
    base = {pair: f"<{to_rdf.dyad_iri(*pair)}" for pair in overall}  # a slice's pair has an overall dyad
    keys = [(base[pair] + ">", "", pair) for pair in overall]
    keys += [(f"{base[pair]}/{p}>", p, pair) for p, table in by_period.items() for pair in table]
    keys.sort(key=itemgetter(0))  # the names differ: sorting by them alone is the same order, faster
    start = 0
    for end in range(1, len(keys) + 1):
        if end == len(keys) or keys[end][2] != keys[start][2]:
            yield _dyad_group(keys[start:end], overall, by_period, G, fingerprints)
            start = end


def _dyad_group(keys: list, overall: dict, by_period: dict, G: nx.MultiDiGraph | ViewTables,
                fingerprints: Fingerprints | None = None) -> Group:
    a, b = keys[0][2]
    if fingerprints is not None and (a, b) not in fingerprints.touched:
        known = fingerprints.known.get((keys[0][0], len(keys)))
        if known is not None:  # the dyads are looked up only if the group's chunk is made
            fingerprints.made[keys[0][0], len(keys)] = known
            return Group(keys[0][0], len(keys), known, _dyad_maker(keys, overall, by_period, G))
    dyads_ = [by_period[p][pair] if p else overall[pair] for _, p, pair in keys]
    h = hashlib.blake2b(repr((to_rdf._name(G, a), to_rdf._name(G, b))).encode("utf-8"), digest_size=16)
    for d in dyads_:  # every field, the events joined (IRIs hold no NUL): a dataclass's repr costs 5x more
        h.update(f"\1{d.a}\0{d.b}\0{d.period}\0{d.count}\0{d.total!r}\0{d.score!r}\0{d.sign}\0{d.quads!r}\0"
                 .encode("utf-8"))
        if d.period is None:  # a slice's node names no events: a rerun keeps the slices without them
            h.update("\0".join(d.events).encode("utf-8"))
    if fingerprints is not None:
        fingerprints.made[keys[0][0], len(keys)] = h.digest()
    return Group(keys[0][0], len(keys), h.digest(), _dyad_maker(keys, overall, by_period, G))


def _dyad_maker(keys: list, overall: dict, by_period: dict,
                G: nx.MultiDiGraph | ViewTables) -> Callable[[], list[Node]]:
    def make() -> list[Node]:
        return [to_rdf.dyad_node(by_period[p][pair] if p else overall[pair], G) for _, p, pair in keys]

    return make


@lru_cache(maxsize=8)
def _node_hashes(nodes: tuple[str, ...]) -> np.ndarray:
    """A stable 64-bit number per state (its IRI's hash): a group's fingerprint does not depend on indices."""
    return np.array([int.from_bytes(hashlib.blake2b(n.encode("utf-8"), digest_size=8).digest(), "little")
                     for n in nodes], dtype=np.uint64)


def triangle_groups(tris: TriangleSet, by_period: dict, sliced: int) -> Iterator[Group]:
    """One group per run of triangles sharing their first two members, with the slices of the most active."""
    slices = to_rdf._top_slices(tris, by_period, sliced) if by_period else {}
    fast = to_rdf._orderly(tris)
    terms = to_rdf._Terms(tris.nodes)
    rows, width = _row_bytes(tris)
    sliced_rows = sorted(slices)
    ranges = to_rdf._groups(tris, fast)
    firsts = tris.members[[start for start, _ in ranges], :2].tolist() if ranges else []
    lid, blake2b, empty = terms.lid, hashlib.blake2b, _hash([])
    for (start, end), (m0, m1) in zip(ranges, firsts):
        lo, hi = bisect_left(sliced_rows, start), bisect_left(sliced_rows, end)
        mine = [(i, slices[i]) for i in sliced_rows[lo:hi]] if lo < hi else []
        tail = _hash([(i - start, _slice_made_of(s)) for i, s in mine]) if mine else empty
        fingerprint = blake2b(rows[start * width:end * width] + tail, digest_size=16).digest()
        name = f"triangle/{lid[m0]}--{lid[m1]}"
        size = end - start + (sum(len(s) for _, s in mine) if mine else 0)
        yield Group(name, size, fingerprint, _triangle_maker(tris, slices, start, end, fast, terms))


def _slice_made_of(slices: list) -> list[tuple]:
    """What a triangle's slices' nodes are made of (to_rdf._triangle_node), not their dyads."""
    return [(t.members, t.cls, t.pivot or t.outsider, t.count, t.period) for t in slices]


def _row_bytes(tris: TriangleSet) -> tuple[bytes, int]:
    """What each triangle row is made of, as bytes of one width: its members' hashes, class, pivot or outsider
    (and count, when written)."""
    n = len(tris)
    if n == 0:
        return b"", 0
    columns = [_node_hashes(tris.nodes)[tris.members], tris.classes.astype(np.int64), tris.special.astype(np.int64)]
    if to_rdf.TRIANGLE_COUNTS:
        columns.append(tris.counts.astype(np.int64))
    table = np.concatenate([np.ascontiguousarray(c).view(np.uint8).reshape(n, -1) for c in columns], axis=1)
    return table.tobytes(), table.shape[1]


def _triangle_maker(tris, slices, start, end, fast, terms) -> Callable[[], list[Node]]:
    def make() -> list[Node]:
        return list(to_rdf.triangle_group_nodes(tris, slices, start, end, fast, terms))

    return make


def view_groups(G: nx.MultiDiGraph | ViewTables, *, by: str | None = "quarter", band: float = BAND,
                sliced: int = TRIANGLE_SLICES, fingerprints: Fingerprints | None = None) -> Iterator[Group]:
    """The groups of :func:`to_rdf.view_nodes`' nodes, in subject order (same options).

    ``G`` is the views' graph, or its :class:`~diplograph.graph.views.folded.ViewTables` (made with the
    same ``by`` and ``band``: views/folded.py ``view_tables``).
    """
    overall, by_period = (G.overall, G.by_period) if isinstance(G, ViewTables) else dyad_tables(G, by, band=band)
    yield from dyad_groups(overall, by_period, G, fingerprints)
    yield from triangle_groups(classify_all(overall), by_period, sliced)
