"""Precomputed node positions, so pages draw at once with physics off.

Small graphs use networkx's ``spring_layout`` (seeded). networkx needs scipy above 500 nodes, which
we do not depend on, so larger graphs use the same Fruchterman-Reingold scheme in plain numpy,
with repulsion computed in row blocks to bound memory. Both are deterministic for a given input.
"""

from __future__ import annotations

import math

import networkx as nx
import numpy as np

SEED = 42
_SMALL = 400
_SAMPLE = 200  # repulsion from a seeded sample of nodes: O(n * 200) per step, not O(n^2)


def _spring(n: int, pairs: np.ndarray, iterations: int, seed: int) -> np.ndarray:
    rng = np.random.RandomState(seed)
    pos = rng.rand(n, 2)
    k, t = math.sqrt(1.0 / n), 0.1
    dt = t / (iterations + 1)
    for _ in range(iterations):
        sample = rng.choice(n, size=min(n, _SAMPLE), replace=False)
        delta = pos[:, None, :] - pos[None, sample, :]
        dist2 = np.maximum((delta ** 2).sum(axis=2), 1e-6)
        disp = (delta * (k * k / dist2)[:, :, None]).sum(axis=1) * (n / len(sample))
        if len(pairs):
            d = pos[pairs[:, 0]] - pos[pairs[:, 1]]
            f = d * (np.sqrt((d ** 2).sum(axis=1)) / k)[:, None]
            np.add.at(disp, pairs[:, 0], -f)
            np.add.at(disp, pairs[:, 1], f)
        length = np.maximum(np.sqrt((disp ** 2).sum(axis=1)), 1e-9)
        pos += disp * (np.minimum(length, t) / length)[:, None]
        t -= dt
    return pos - pos.mean(axis=0)


def layout(node_ids: list[str], pairs: list[tuple[str, str]], seed: int = SEED) -> dict[str, tuple[int, int]]:
    """Integer pixel positions for the nodes, scaled with the square root of their number.

    Args:
        node_ids: Node ids (their order fixes the result; pass them sorted).
        pairs: Edges as (source, target) ids; unknown ids are ignored.
        seed: Random seed of the initial positions.
    """
    n = len(node_ids)
    if n == 0:
        return {}
    index = {v: i for i, v in enumerate(node_ids)}
    known = sorted({(index[a], index[b]) for a, b in pairs if a in index and b in index and a != b})
    if n <= _SMALL:
        g = nx.Graph()
        g.add_nodes_from(range(n))
        g.add_edges_from(known)
        raw = nx.spring_layout(g, seed=seed)
        pos = np.array([raw[i] for i in range(n)])
    else:
        pos = _spring(n, np.array(known, dtype=int).reshape(-1, 2), 30, seed)
    # Scale by the bulk of the nodes, not by a far-flung isolated one.
    span = max(float(np.percentile(np.abs(pos), 90)), 1e-9)
    scale = 110.0 * math.sqrt(n) / span
    return {v: (int(round(pos[i, 0] * scale)), int(round(pos[i, 1] * scale))) for v, i in index.items()}
