"""Strategic triangles: three states classified after Dittmer (1981) and Heider's balance.

The three dyad signs decide the class:

========== ===================== ==========================================  ========
class      signs                 special member                              balanced
========== ===================== ==========================================  ========
menage     + + +                 none                                        yes
romantic   + + -                 pivot: on both positive sides               no
marriage   + - -                 outsider: on both negative sides            yes
unit_veto  - - -                 none                                        no
incomplete any ``0`` side        none                                        unknown
========== ===================== ==========================================  ========

Every mixture of ``+`` and ``-`` falls in one of Dittmer's four classes: two positive sides always
share a member (the pivot), and one positive side always leaves one member out (the outsider).
A neutral side (``0``: mixed or balanced events, or nothing read) leaves the triangle
``incomplete``: it is reported, never forced into a class, and its balance is None. Balance is
Heider's: the product of the three signs is positive (so ``unit_veto`` is unbalanced).
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import product

import numpy as np

from diplograph.graph.views.dyads import Dyad, dyad

CLASSES = ("menage", "romantic", "marriage", "unit_veto", "incomplete")
_OPPOSITE = (2, 1, 0)  # the member not on side ab, ac, bc


def classify(ab: str, ac: str, bc: str) -> tuple[str, int | None, bool | None]:
    """Class, index (0, 1, 2 for a, b, c) of the pivot or outsider, and Heider balance.

    >>> classify("+", "+", "-")
    ('romantic', 0, False)
    >>> classify("-", "+", "-")
    ('marriage', 1, True)
    """
    signs = (ab, ac, bc)
    if "0" in signs:
        return "incomplete", None, None
    negatives = signs.count("-")
    if negatives == 0:
        return "menage", None, True
    if negatives == 3:
        return "unit_veto", None, False
    if negatives == 1:
        return "romantic", _OPPOSITE[signs.index("-")], False
    return "marriage", _OPPOSITE[signs.index("+")], True


TABLE = {signs: classify(*signs) for signs in product("+-0", repeat=3)}


@dataclass(frozen=True, slots=True)
class Triangle:
    """Three states, the signs between them and their class.

    Attributes:
        members: The three state IRIs, sorted (a, b, c).
        period: The period, or None for everything read.
        signs: Signs of the sides (a-b, a-c, b-c).
        cls: One of CLASSES.
        pivot: The pivot of a romantic triangle.
        outsider: The outsider of a marriage.
        balanced: Heider balance; None when a side is neutral.
        count: Events on the three sides together.
        dyads: The three dyads (a-b, a-c, b-c).
    """

    members: tuple[str, str, str]
    period: str | None
    signs: tuple[str, str, str]
    cls: str
    pivot: str | None
    outsider: str | None
    balanced: bool | None
    count: int
    dyads: tuple[Dyad, Dyad, Dyad]


def make_triangle(ab: Dyad, ac: Dyad, bc: Dyad, period: str | None = None) -> Triangle:
    """Classify three dyads that close a triangle (ab.a == ac.a, ab.b == bc.a, ac.b == bc.b)."""
    members = (ab.a, ab.b, bc.b)
    signs = (ab.sign, ac.sign, bc.sign)
    cls, special, balanced = TABLE[signs]
    who = members[special] if special is not None else None
    return Triangle(members, period, signs, cls, who if cls == "romantic" else None,
                    who if cls == "marriage" else None, balanced, ab.count + ac.count + bc.count, (ab, ac, bc))


def triangle(table: dict[tuple[str, str], Dyad], x: str, y: str, z: str, period: str | None = None) -> Triangle:
    """The triangle of three named states in a dyad table (missing sides are empty, sign ``0``).

    Raises:
        ValueError: The three states are not distinct.
    """
    if len({x, y, z}) != 3:
        raise ValueError("a triangle needs three different states")
    a, b, c = sorted((x, y, z))
    return make_triangle(dyad(table, a, b, period), dyad(table, a, c, period), dyad(table, b, c, period), period)


SIGN_INDEX = {"-": 0, "0": 1, "+": 2}
_CODES = {signs: (CLASSES.index(c), -1 if k is None else k)
          for signs, (c, k, _) in TABLE.items()}
_LUT_CLASS = np.array([_CODES[s][0] for s in product("-0+", repeat=3)], dtype=np.int8)
_LUT_SPECIAL = np.array([_CODES[s][1] for s in product("-0+", repeat=3)], dtype=np.int8)


@dataclass(frozen=True, eq=False)
class TriangleSet:
    """Every triangle of a dyad table, classified, held column-wise (numpy) until asked for.

    Attributes:
        nodes: The states, sorted; columns of ``members`` index into it.
        members: ``(m, 3)`` member indices, each row sorted, rows sorted.
        classes: Index into CLASSES per triangle.
        special: Index (0-2) of the pivot or outsider within the row, -1 when none.
        counts: Events on the three sides together.
        table: The dyads, to materialise :class:`Triangle` rows.
        period: Recorded on each triangle.
    """

    nodes: tuple[str, ...]
    members: np.ndarray
    classes: np.ndarray
    special: np.ndarray
    counts: np.ndarray
    table: dict
    period: str | None = None

    def __len__(self) -> int:
        return len(self.counts)

    def class_counts(self) -> dict[str, int]:
        """Triangles per class, every class listed."""
        return dict(zip(CLASSES, np.bincount(self.classes, minlength=len(CLASSES)).tolist()))

    def order(self, ranked: bool = True) -> np.ndarray:
        """Row indices by descending event count, ties in member order (or member order only)."""
        return np.argsort(-self.counts, kind="stable") if ranked else np.arange(len(self))

    def _make(self, i: int, j: int, k: int) -> Triangle:
        a, b, c, t = self.nodes[i], self.nodes[j], self.nodes[k], self.table
        return make_triangle(t[a, b], t[a, c], t[b, c], self.period)

    def row(self, i: int) -> Triangle:
        return self._make(*self.members[i].tolist())

    def rows(self, limit: int | None = None, ranked: bool = True) -> list[Triangle]:
        """The triangles as :class:`Triangle` values, the ``limit`` first ones when given."""
        return [self._make(i, j, k) for i, j, k in self.members[self.order(ranked)[:limit]].tolist()]


def _matrices(table: dict[tuple[str, str], Dyad]) -> tuple[tuple[str, ...], np.ndarray, np.ndarray, np.ndarray]:
    nodes = tuple(sorted({x for pair in table for x in pair}))
    index = {n: i for i, n in enumerate(nodes)}
    ia = np.fromiter((index[a] for a, _ in table), np.int32, len(table))
    ib = np.fromiter((index[b] for _, b in table), np.int32, len(table))
    adj = np.zeros((len(nodes),) * 2, dtype=bool)
    sign = np.zeros((len(nodes),) * 2, dtype=np.int8)
    count = np.zeros((len(nodes),) * 2, dtype=np.int64)
    adj[ia, ib] = True  # upper triangle only: a < b in every key
    sign[ia, ib] = np.fromiter((SIGN_INDEX[d.sign] for d in table.values()), np.int8, len(table))
    count[ia, ib] = np.fromiter((d.count for d in table.values()), np.int64, len(table))
    return nodes, adj, sign, count


def _enumerate(adj: np.ndarray) -> np.ndarray:
    """All (a, b, c), a < b < c, joined pairwise in the upper-triangular adjacency ``adj``, in order."""
    parts = [np.empty((0, 3), dtype=np.int32)]
    for a in range(len(adj)):
        higher = np.flatnonzero(adj[a])
        if len(higher) > 1:
            bi, ci = np.nonzero(adj[np.ix_(higher, higher)])
            parts.append(np.column_stack((np.full(len(bi), a, dtype=np.int32), higher[bi], higher[ci])))
    return np.concatenate(parts).astype(np.int32)


def classify_all(table: dict[tuple[str, str], Dyad], period: str | None = None) -> TriangleSet:
    """Classify every triangle with events on all three sides (vectorised: a million in well under a second).

    Args:
        table: Dyads keyed by sorted pair (only dyads with events should be in it).
        period: Recorded on each triangle.
    """
    nodes, adj, sign, count = _matrices(table)
    m = _enumerate(adj)
    a, b, c = m[:, 0], m[:, 1], m[:, 2]
    code = sign[a, b].astype(np.int16) * 9 + sign[a, c] * 3 + sign[b, c]
    counts = count[a, b] + count[a, c] + count[b, c]
    return TriangleSet(nodes, m, _LUT_CLASS[code], _LUT_SPECIAL[code], counts, table, period)


def triangles(table: dict[tuple[str, str], Dyad], period: str | None = None, *, ranked: bool = True,
              limit: int | None = None) -> list[Triangle]:
    """Every triangle with events on all three sides, ranked by event count (ties in member order).

    Args:
        table: Dyads keyed by sorted pair (only dyads with events should be in it).
        period: Recorded on each triangle.
        ranked: Sort by descending count; otherwise by members.
        limit: Keep only this many.
    """
    return classify_all(table, period).rows(limit, ranked)


def timeline(by_period: dict[str, dict[tuple[str, str], Dyad]], x: str, y: str, z: str) -> list[Triangle]:
    """The named triangle in every period in which at least one of its sides has events."""
    pairs = [tuple(sorted(p)) for p in ((x, y), (x, z), (y, z))]
    return [triangle(table, x, y, z, period) for period, table in sorted(by_period.items())
            if any(p in table for p in pairs)]


def class_counts(tris: list[Triangle]) -> dict[str, int]:
    """How many triangles fall in each class (every class listed, zeros included)."""
    counts = dict.fromkeys(CLASSES, 0)
    for t in tris:
        counts[t.cls] += 1
    return counts

