"""Stage: views -> RDF. Dyads and triangles written back as nodes SPARQL can query.

Shape (graph/DESIGN.md)::

    dgid:dyad/china--russia a dg:Dyad ; rdfs:label "China–Russia"@en ; dg:member dgid:china, dgid:russia ;
        dg:sign "+" ; dg:score 1.5 ; dg:eventCount 3 ; dg:basedOn dgid:event/... .
    dgid:dyad/china--russia/2002-Q1 a dg:DyadSlice ; dg:sliceOf dgid:dyad/china--russia ;
        dg:period "2002-Q1" ; dg:member ... ; dg:sign "+" ; dg:score 1.5 ; dg:eventCount 1 .
    dgid:triangle/china--russia--united_states a dg:Triangle ; dg:member ... ;
        dg:triangleClass "romantic" ; dg:pivot dgid:russia .

Ids in the IRIs are the members' local ids, sorted. Every dyad with events gets a node, and every
triple of states with events on all three sides a ``dg:Triangle`` (no other triple does); slices
are typed only ``dg:DyadSlice`` / ``dg:TriangleSlice``. A corpus of two hundred states has a million
triangles, so a view node states only what cannot be read off another: a slice's events are its
dyad's events of that period (no ``dg:basedOn``), its label is its dyad's; a triangle's label is its
members', its balance its class's (menage and marriage balanced, romantic and unit_veto not), its
event count the sum of its three dyads' (a triangle slice states its own).

:func:`write_views` streams the graph as sorted N-Quads and its Turtle block, a few thousand nodes at a
time, so its size in memory does not grow with the corpus.
"""

from __future__ import annotations

import hashlib
import io
import re
from collections.abc import Iterable, Iterator
from decimal import Decimal
from functools import lru_cache
from itertools import pairwise
from typing import BinaryIO

import networkx as nx
import numpy as np
import pyoxigraph as ox
from rdflib import Graph, URIRef

from diplograph.graph import rdf, turtle
from diplograph.graph.iri import ID, slug
from diplograph.graph.views.dyads import BAND, Dyad, dyad_tables
from diplograph.graph.views.folded import ViewTables
from diplograph.graph.views.load import bulk
from diplograph.graph.views.triangles import CLASSES, Triangle, TriangleSet, classify_all, triangle
from diplograph.ontology.namespace import bind_prefixes

#: Triangles given a slice per period (the most active first); the views pages draw as many.
TRIANGLE_SLICES = 100
#: Whether an overall dg:Triangle states its dg:eventCount. It does not (graph/DESIGN.md): the count is the sum
#: of its three dyads', so it can be read off them; stated, any event changes the nodes of every triangle on
#: its dyad and a rerun after one changed document rewrites a third of the views' chunks (views/chunks.py).
TRIANGLE_COUNTS = False
CHUNK = 5000  # view nodes per chunk written

Node = tuple[str, list[tuple[str, str]]]  # a subject and its (predicate, object) pairs, as N-Triples terms


@lru_cache(maxsize=65536)  # a corpus has a few hundred states, each in thousands of IRIs
def local_id(node: str) -> str:
    """The id a node's IRI ends with under ``dgid:`` (a slug of the IRI for foreign nodes)."""
    return node[len(ID):] if node.startswith(ID) else slug(node)


def dyad_iri(a: str, b: str, period: str | None = None) -> URIRef:
    """``dgid:dyad/<a>--<b>`` (sorted local ids), with ``/<period>`` for a slice."""
    base = ID + "dyad/" + "--".join(sorted((local_id(a), local_id(b))))
    return URIRef(base + "/" + period if period else base)


def triangle_iri(members: tuple[str, ...], period: str | None = None) -> URIRef:
    """``dgid:triangle/<a>--<b>--<c>`` (sorted local ids), with ``/<period>`` for a slice."""
    base = ID + "triangle/" + "--".join(sorted(local_id(m) for m in members))
    return URIRef(base + "/" + period if period else base)


def _decimal(value: float) -> str:
    return rdf.typed(str(Decimal(str(round(value, 3) + 0.0))), rdf.XSD + "decimal")


def _label(text: str) -> str:
    from diplograph.exports.rdf import safe_literal_text

    return str(ox.Literal(safe_literal_text(text), language="en"))


@lru_cache(maxsize=4096)  # signs, classes and periods: a few dozen strings, each written a million times
def _plain(text: str) -> str:
    from diplograph.exports.rdf import safe_literal_text

    return str(ox.Literal(safe_literal_text(text)))


def _name(G: nx.MultiDiGraph | ViewTables, node: str) -> str:
    """A node's label in the views' graph (or in the tables made without it), else its local id."""
    if isinstance(G, ViewTables):
        return G.name(node) or local_id(node)
    label = G.nodes[node].get("label") if node in G else None
    return label or local_id(node)


def _node(s: str, pairs: list[tuple[str, str]]) -> Node:
    return s, sorted(set(pairs))


def dyad_node(d: Dyad, G: nx.MultiDiGraph) -> Node:
    """One dyad (or slice, when ``d.period`` is set) as a subject and its pairs."""
    s = rdf.uri(str(dyad_iri(d.a, d.b, d.period)))
    pairs = [(rdf.TYPE, rdf.dg("DyadSlice" if d.period else "Dyad")), (rdf.dg("member"), rdf.uri(d.a)),
             (rdf.dg("member"), rdf.uri(d.b)), (rdf.dg("sign"), _plain(d.sign)), (rdf.dg("score"), _decimal(d.score)),
             (rdf.dg("eventCount"), rdf.integer(d.count))]
    if d.period:
        pairs += [(rdf.dg("sliceOf"), rdf.uri(str(dyad_iri(d.a, d.b)))), (rdf.dg("period"), _plain(d.period))]
    else:
        pairs.append((rdf.LABEL, _label("–".join(_name(G, m) for m in d.pair))))
        pairs.extend((rdf.dg("basedOn"), rdf.uri(e)) for e in d.events)
    return _node(s, pairs)


def triangle_node(members: tuple[str, str, str], cls: str, special: str | None, count: int,
                  period: str | None = None) -> Node:
    """One triangle (or slice) as a subject and its pairs; ``special`` is the pivot or the outsider."""
    s = rdf.uri(str(triangle_iri(members, period)))
    pairs = [(rdf.TYPE, rdf.dg("TriangleSlice" if period else "Triangle")), (rdf.dg("triangleClass"), _plain(cls)),
             *((rdf.dg("member"), rdf.uri(m)) for m in members)]
    if period or TRIANGLE_COUNTS:
        pairs.append((rdf.dg("eventCount"), rdf.integer(count)))
    if special is not None:
        pairs.append((rdf.dg("pivot" if cls == "romantic" else "outsider"), rdf.uri(special)))
    if period:
        pairs += [(rdf.dg("sliceOf"), rdf.uri(str(triangle_iri(members)))), (rdf.dg("period"), _plain(period))]
    return _node(s, pairs)


def _triangle_node(t: Triangle) -> Node:
    return triangle_node(t.members, t.cls, t.pivot or t.outsider, t.count, t.period)


def _dyad_nodes(overall: dict, by_period: dict, G: nx.MultiDiGraph) -> Iterator[Node]:
    """Every dyad and dyad slice, in subject order (a slice's IRI sorts before its dyad's)."""
    keys = [(f"<{dyad_iri(a, b)}>", "", (a, b)) for a, b in overall]
    keys += [(f"<{dyad_iri(a, b, period)}>", period, (a, b)) for period, table in by_period.items() for a, b in table]
    for _, period, pair in sorted(keys):  # sorted as terms: "<…/a--b/2002-Q1>" before "<…/a--b>"
        yield dyad_node(by_period[period][pair] if period else overall[pair], G)


# A local id whose characters all sort after "-" (a lone "-" followed by one that does): then the IRIs of
# triangles sharing their first two members are contiguous in subject order, and groups sort as members do.
_ORDERLY = re.compile(r"(?:[^\x00-\x2d]|-(?=[^\x00-\x2d]))+")


def _orderly(tris: TriangleSet) -> bool:
    return all(m.startswith(ID) and _ORDERLY.fullmatch(local_id(m)) for m in tris.nodes)


def _groups(tris: TriangleSet, orderly: bool) -> list[tuple[int, int]]:
    """Row ranges of the triangles that share their first two members (one range when ids are not orderly)."""
    n = len(tris)
    if n == 0:
        return []
    if not orderly:
        return [(0, n)]
    pair = tris.members[:, 0].astype(np.int64) * len(tris.nodes) + tris.members[:, 1]
    bounds = [0, *(np.flatnonzero(np.diff(pair)) + 1).tolist(), n]
    return list(pairwise(bounds))


def _top_slices(tris: TriangleSet, by_period: dict, sliced: int) -> dict[int, list[Triangle]]:
    """Row -> the per-period slices of the ``sliced`` most active triangles (periods with all three sides)."""
    out = {}
    for i in tris.order()[:sliced].tolist():
        a, b, c = (tris.nodes[k] for k in tris.members[i].tolist())
        out[i] = [triangle(table, a, b, c, period) for period, table in by_period.items()
                  if (a, b) in table and (a, c) in table and (b, c) in table]
    return out


class _Terms:
    """The constant terms of triangle nodes, made once."""

    def __init__(self, nodes: tuple[str, ...]) -> None:
        self.type = (rdf.TYPE, rdf.dg("Triangle"))
        self.count, self.member = rdf.dg("eventCount"), rdf.dg("member")
        self.cls = [(rdf.dg("triangleClass"), _plain(c)) for c in CLASSES]
        self.special = [rdf.dg("pivot" if c == "romantic" else "outsider") for c in CLASSES]
        self.uri = [rdf.uri(n) for n in nodes]
        self.lid = [local_id(n) for n in nodes]


def _fast_node(terms: _Terms, prefix: str, row: list[int], cls: int, k: int, count: int) -> Node:
    """:func:`triangle_node` of an overall triangle whose members are under ``dgid:``, pairs in sorted order."""
    a, b, c = sorted([terms.uri[i] for i in row])  # as terms: "<…/a.b>" sorts before "<…/a>"
    pairs = [terms.type, (terms.count, rdf.integer(count)), (terms.member, a), (terms.member, b),
             (terms.member, c)] if TRIANGLE_COUNTS else [terms.type, (terms.member, a), (terms.member, b),
                                                         (terms.member, c)]
    if k >= 0:
        pairs.append((terms.special[cls], terms.uri[row[k]]))
    pairs.append(terms.cls[cls])
    return prefix + terms.lid[row[2]] + ">", pairs


def triangle_group_nodes(tris: TriangleSet, slices: dict[int, list[Triangle]], start: int, end: int, fast: bool,
                         terms: _Terms) -> list[Node]:
    """The nodes of the triangles in rows ``start:end`` (one group, see :func:`_groups`) and of their
    ``slices``, in subject order."""
    rows = tris.members[start:end].tolist()
    classes, special = tris.classes[start:end].tolist(), tris.special[start:end].tolist()
    counts = tris.counts[start:end].tolist()
    prefix = f"<{ID}triangle/{terms.lid[rows[0][0]]}--{terms.lid[rows[0][1]]}--"
    group = []
    for i, (row, cls, k, count) in enumerate(zip(rows, classes, special, counts)):
        if fast:
            group.append(_fast_node(terms, prefix, row, cls, k, count))
        else:
            members = tuple(tris.nodes[j] for j in row)
            group.append(triangle_node(members, CLASSES[cls], members[k] if k >= 0 else None, count))
        group.extend(_triangle_node(t) for t in slices.get(start + i, ()))
    group.sort(key=lambda node: node[0])
    return group


def _triangle_nodes(tris: TriangleSet, by_period: dict, sliced: int) -> Iterator[Node]:
    """Every triangle, and the slices of the most active, in subject order (group by group)."""
    slices = _top_slices(tris, by_period, sliced) if by_period else {}
    fast = _orderly(tris)
    terms = _Terms(tris.nodes)
    for start, end in _groups(tris, fast):
        yield from triangle_group_nodes(tris, slices, start, end, fast, terms)


def view_nodes(G: nx.MultiDiGraph, *, by: str | None = "quarter", band: float = BAND,
               sliced: int = TRIANGLE_SLICES) -> Iterator[Node]:
    """Every node of the views graph with its sorted pairs, in subject order (the order of sorted N-Quads).

    Every dyad with events gets a slice per period; of the triangles, every one gets its overall node, and
    the ``sliced`` most active (by events, ties in member order) a slice per period in which all three
    sides have events: slicing every triangle grows with the cube of the states and the number of periods
    (over a million slices for fifty states over sixteen years).

    Args:
        G: A graph from ``load_graph``.
        by: ``"month"``, ``"quarter"``, ``"year"`` or None for no slices.
        band: The neutral band of the dyad signs.
        sliced: How many triangles get per-period slices.
    """
    overall, by_period = dyad_tables(G, by, band=band)
    yield from _dyad_nodes(overall, by_period, G)
    yield from _triangle_nodes(classify_all(overall), by_period, sliced)


def views_triples(G: nx.MultiDiGraph, *, by: str | None = "quarter", band: float = BAND,
                  sliced: int = TRIANGLE_SLICES) -> rdf.Triples:
    """:func:`view_nodes` as N-Triples terms (held in memory: for tests and small graphs)."""
    g = rdf.Triples()
    for s, pairs in view_nodes(G, by=by, band=band, sliced=sliced):
        g.items.update((s, p, o) for p, o in pairs)
    return g


def _chunks(nodes: Iterable[Node], size: int) -> Iterator[list[Node]]:
    chunk = []
    for node in nodes:
        chunk.append(node)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def write_views(G: nx.MultiDiGraph, graph: str, nquads: BinaryIO, ttl: BinaryIO, **options) -> tuple[int, str]:
    """Write the views graph as sorted N-Quads in ``graph`` and its Turtle block (turtle.block's bytes).

    Written a chunk of nodes at a time. Returns the number of quads and the SHA-256 of the N-Quads.

    Args:
        options: ``by``, ``band``, ``sliced`` of :func:`view_nodes`.
    """
    tail = f" {rdf.uri(graph)} .\n"
    lines, sha = 0, hashlib.sha256()
    with bulk():
        for chunk in _chunks(view_nodes(G, **options), CHUNK):
            data = "".join([f"{s} {p} {o}{tail}" for s, pairs in chunk for p, o in pairs]).encode("utf-8")
            lines += sum(len(pairs) for _, pairs in chunk)
            sha.update(data)
            nquads.write(data)
            ttl.write(turtle.block(data))
    return lines, sha.hexdigest()


def views_bytes(G: nx.MultiDiGraph, graph: str, **options) -> tuple[bytes, bytes, int, str]:
    """:func:`write_views` into memory: the N-Quads, the Turtle block, the quads and the N-Quads' SHA-256."""
    nquads, ttl = io.BytesIO(), io.BytesIO()
    lines, sha = write_views(G, graph, nquads, ttl, **options)
    return nquads.getvalue(), ttl.getvalue(), lines, sha


def views_to_rdf(G: nx.MultiDiGraph, *, by: str | None = "quarter", band: float = BAND) -> Graph:
    """:func:`views_triples` as an rdflib Graph."""
    g = Graph()
    bind_prefixes(g)
    data = views_triples(G, by=by, band=band).ntriples()
    if data:
        g.parse(data=data, format="nt")
    return g
