"""Stage: views -> RDF. Dyads and triangles written back as nodes SPARQL can query.

Shape (graph/DESIGN.md)::

    dgid:dyad/china--russia a dg:Dyad ; dg:member dgid:china, dgid:russia ; dg:sign "+" ;
        dg:score 1.5 ; dg:eventCount 3 ; dg:basedOn dgid:event/... .
    dgid:dyad/china--russia/2002-Q1 a dg:DyadSlice ; dg:sliceOf dgid:dyad/china--russia ;
        dg:period "2002-Q1" ; ...
    dgid:triangle/china--russia--united_states a dg:Triangle ; dg:member ... ;
        dg:triangleClass "romantic" ; dg:pivot dgid:russia ; dg:balanced false ; dg:eventCount 9 .

Ids in the IRIs are the members' local ids, sorted. Every dyad with events gets a node, and every
triple of states with events on all three sides a ``dg:Triangle`` (no other triple does); slices
are typed only ``dg:DyadSlice`` / ``dg:TriangleSlice``. ``dg:balanced`` is left out of an
``incomplete`` triangle, whose balance is unknown.
"""

from __future__ import annotations

from decimal import Decimal

import networkx as nx
import pyoxigraph as ox
from rdflib import Graph, URIRef

from diplograph.graph import rdf
from diplograph.graph.iri import ID, slug
from diplograph.graph.views.dyads import BAND, Dyad, dyads, dyads_by_period
from diplograph.graph.views.triangles import Triangle, triangle, triangles
from diplograph.ontology.namespace import bind_prefixes


#: Triangles given a slice per period (the most active first); the views pages draw as many.
TRIANGLE_SLICES = 100


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


def _plain(text: str) -> str:
    from diplograph.exports.rdf import safe_literal_text

    return str(ox.Literal(safe_literal_text(text)))


def _name(G: nx.MultiDiGraph, node: str) -> str:
    label = G.nodes[node].get("label") if node in G else None
    return label or local_id(node)


def _common(g: rdf.Triples, n: str, kind: str, members: tuple[str, ...], period: str | None,
            G: nx.MultiDiGraph) -> None:
    sliced = period is not None
    g.add(n, rdf.TYPE, rdf.dg(kind + "Slice" if sliced else kind))
    title = "–".join(_name(G, m) for m in members)
    g.add(n, rdf.LABEL, _label(f"{title}, {period}" if sliced else title))
    for m in members:
        g.add(n, rdf.dg("member"), rdf.uri(m))
    if sliced:
        g.add(n, rdf.dg("period"), _plain(period))


def add_dyad(g: rdf.Triples, d: Dyad, G: nx.MultiDiGraph) -> str:
    """Add one dyad (or slice, when ``d.period`` is set) and return its node."""
    n = rdf.uri(str(dyad_iri(d.a, d.b, d.period)))
    _common(g, n, "Dyad", d.pair, d.period, G)
    if d.period:
        g.add(n, rdf.dg("sliceOf"), rdf.uri(str(dyad_iri(d.a, d.b))))
    g.add(n, rdf.dg("sign"), _plain(d.sign))
    g.add(n, rdf.dg("score"), _decimal(d.score))
    g.add(n, rdf.dg("eventCount"), rdf.integer(d.count))
    for e in d.events:
        g.add(n, rdf.dg("basedOn"), rdf.uri(e))
    return n


def add_triangle(g: rdf.Triples, t: Triangle, G: nx.MultiDiGraph) -> str:
    """Add one triangle (or slice, when ``t.period`` is set) and return its node."""
    n = rdf.uri(str(triangle_iri(t.members, t.period)))
    _common(g, n, "Triangle", t.members, t.period, G)
    if t.period:
        g.add(n, rdf.dg("sliceOf"), rdf.uri(str(triangle_iri(t.members))))
    g.add(n, rdf.dg("triangleClass"), _plain(t.cls))
    if t.pivot:
        g.add(n, rdf.dg("pivot"), rdf.uri(t.pivot))
    if t.outsider:
        g.add(n, rdf.dg("outsider"), rdf.uri(t.outsider))
    if t.balanced is not None:
        g.add(n, rdf.dg("balanced"), rdf.boolean(t.balanced))
    g.add(n, rdf.dg("eventCount"), rdf.integer(t.count))
    return n


def views_triples(G: nx.MultiDiGraph, *, by: str | None = "quarter", band: float = BAND,
                  sliced: int = TRIANGLE_SLICES) -> rdf.Triples:
    """The dyads and triangles of a graph, overall and (unless ``by`` is None) per period, as N-Triples terms.

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
    g = rdf.Triples()
    overall = dyads(G, band=band)
    for d in overall.values():
        add_dyad(g, d, G)
    for t in triangles(overall, None, ranked=False):
        add_triangle(g, t, G)
    if not by:
        return g
    top = [t.members for t in triangles(overall, None, limit=sliced)]
    for period, table in dyads_by_period(G, by, band=band).items():
        for d in table.values():
            add_dyad(g, d, G)
        for a, b, c in top:
            if all(tuple(sorted(pair)) in table for pair in ((a, b), (a, c), (b, c))):
                add_triangle(g, triangle(table, a, b, c, period), G)
    return g


def views_to_rdf(G: nx.MultiDiGraph, *, by: str | None = "quarter", band: float = BAND) -> Graph:
    """:func:`views_triples` as an rdflib Graph."""
    g = Graph()
    bind_prefixes(g)
    data = views_triples(G, by=by, band=band).ntriples()
    if data:
        g.parse(data=data, format="nt")
    return g
