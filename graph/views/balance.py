"""Structural balance of the signed state network (networkx has none: these are ours).

The signed network has the states as nodes and one edge per dyad whose sign is ``+`` or ``-``
(neutral dyads carry no sign and are left out). It is balanced when its states split into two camps
with every positive edge inside a camp and every negative edge between camps (Cartwright and Harary).

* **Share of balanced triangles**: among the triangles whose three sides are signed, those whose
  sign product is positive (menage and marriage).
* **Frustration index**: the fewest edges whose sign must flip for the network to be balanced, i.e.
  the minimum, over every two-camp split, of the edges that disagree with it. It is additive over
  connected components. A component of at most ``EXACT_LIMIT`` states is solved exactly by trying
  every split (2**(n-1) of them, vectorised with numpy); a larger one gets an upper bound from local
  search (start from a spanning-tree split, move any state whose move lowers the count, repeat; best
  of a few deterministic starts), and ``exact`` is False.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field

import networkx as nx
import numpy as np

from diplograph.graph.views.dyads import Dyad
from diplograph.graph.views.triangles import classify_all

EXACT_LIMIT = 20
STARTS = 5


@dataclass(frozen=True)
class Balance:
    """How balanced a signed state network is.

    Attributes:
        states: States on at least one signed edge.
        positive: Positive edges.
        negative: Negative edges.
        triangles: Triangles with three signed sides.
        balanced: Those among them that are balanced.
        share: ``balanced / triangles``, or None without triangles.
        frustration: Frustration index (exact, or an upper bound when ``exact`` is False).
        exact: Whether ``frustration`` is exact.
        classes: Triangles per class, over all triangles with events on three sides.
    """

    states: int
    positive: int
    negative: int
    triangles: int
    balanced: int
    share: float | None
    frustration: int
    exact: bool
    classes: dict[str, int] = field(default_factory=dict)


def signed_network(table: dict[tuple[str, str], Dyad]) -> nx.Graph:
    """An undirected graph of the signed dyads with ``sign`` +1 or -1 on each edge."""
    H = nx.Graph()
    for (a, b), d in sorted(table.items()):
        if d.sign != "0":
            H.add_edge(a, b, sign=1 if d.sign == "+" else -1)
    return H


def disagreements(H: nx.Graph, camp: dict[str, int]) -> int:
    """Edges a two-camp split gets wrong: positive across camps, negative within one."""
    return sum((camp[u] != camp[v]) == (s > 0) for u, v, s in H.edges(data="sign"))


def exhaustive(H: nx.Graph) -> int:
    """Exact frustration of a small connected graph: every split with the last node in camp 0."""
    nodes = sorted(H)
    index = {n: i for i, n in enumerate(nodes)}
    splits = np.arange(2 ** (len(nodes) - 1), dtype=np.int32)
    wrong = np.zeros(len(splits), dtype=np.int32)
    for u, v, s in H.edges(data="sign"):
        across = ((splits >> index[u]) ^ (splits >> index[v])) & 1
        wrong += across if s > 0 else 1 - across
    return int(wrong.min())


def _tree_split(H: nx.Graph, root: str) -> dict[str, int]:
    camp, queue = {root: 0}, deque([root])
    while queue:
        u = queue.popleft()
        for v in sorted(H[u]):
            if v not in camp:
                camp[v] = camp[u] if H[u][v]["sign"] > 0 else 1 - camp[u]
                queue.append(v)
    return camp


def _improve(W: np.ndarray, x: np.ndarray) -> int:
    """Move states one at a time while a move lowers the disagreements; return the count left.

    ``W`` is the signed adjacency matrix and ``x`` the camps as +1/-1; an edge disagrees when
    ``W[u, v] * x[u] * x[v] < 0``, so moving ``u`` gains ``-x[u] * (W @ x)[u]`` edges.
    """
    field = W @ x
    moved = True
    while moved:
        moved = False
        for u in range(len(x)):
            if x[u] * field[u] < 0:
                x[u] = -x[u]
                field += 2 * x[u] * W[:, u]
                moved = True
    edges = int(np.count_nonzero(W)) // 2
    return (edges - int(x @ W @ x) // 2) // 2


def local_search(H: nx.Graph, starts: int = STARTS) -> int:
    """An upper bound on the frustration of a connected graph (best of a few deterministic starts)."""
    nodes = sorted(H)
    W = nx.to_numpy_array(H, nodelist=nodes, weight="sign", dtype=np.int64)
    roots = sorted(H, key=lambda n: (-H.degree(n), n))[:starts]
    splits = (_tree_split(H, r) for r in roots)
    return min(_improve(W, np.array([1 - 2 * camp[n] for n in nodes], dtype=np.int64)) for camp in splits)


def frustration(H: nx.Graph, exact_limit: int = EXACT_LIMIT) -> tuple[int, bool]:
    """The frustration index of a signed graph, and whether it is exact (sum over components)."""
    total, exact = 0, True
    for nodes in sorted(nx.connected_components(H), key=min):
        C = H.subgraph(nodes)
        if len(C) <= exact_limit:
            total += exhaustive(C)
        else:
            total, exact = total + local_search(C), False
    return total, exact


def balance(table: dict[tuple[str, str], Dyad], exact_limit: int = EXACT_LIMIT) -> Balance:
    """Balance figures of the state network described by a table of dyads."""
    H = signed_network(table)
    classes = classify_all(table).class_counts()
    signed = sum(classes.values()) - classes["incomplete"]
    good = classes["menage"] + classes["marriage"]
    value, exact = frustration(H, exact_limit)
    positive = sum(1 for *_, s in H.edges(data="sign") if s > 0)
    return Balance(len(H), positive, H.number_of_edges() - positive, signed, good,
                   round(good / signed, 6) if signed else None, value, exact, classes)
