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
from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef

from diplograph.graph.iri import ID, slug
from diplograph.graph.views.dyads import BAND, Dyad, dyads, dyads_by_period
from diplograph.graph.views.triangles import Triangle, triangles
from diplograph.ontology.namespace import DG, bind_prefixes


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


def _decimal(value: float) -> Literal:
    return Literal(Decimal(str(round(value, 3) + 0.0)), datatype=XSD.decimal)


def _name(G: nx.MultiDiGraph, node: str) -> str:
    label = G.nodes[node].get("label") if node in G else None
    return label or local_id(node)


def _common(g: Graph, n: URIRef, kind: str, members: tuple[str, ...], period: str | None, G: nx.MultiDiGraph) -> None:
    sliced = period is not None
    g.add((n, RDF.type, DG[kind + "Slice"] if sliced else DG[kind]))
    title = "–".join(_name(G, m) for m in members)
    g.add((n, RDFS.label, Literal(f"{title}, {period}" if sliced else title, lang="en")))
    for m in members:
        g.add((n, DG.member, URIRef(m)))
    if sliced:
        g.add((n, DG.period, Literal(period)))


def add_dyad(g: Graph, d: Dyad, G: nx.MultiDiGraph) -> URIRef:
    """Add one dyad (or slice, when ``d.period`` is set) and return its node."""
    n = dyad_iri(d.a, d.b, d.period)
    _common(g, n, "Dyad", d.pair, d.period, G)
    if d.period:
        g.add((n, DG.sliceOf, dyad_iri(d.a, d.b)))
    g.add((n, DG.sign, Literal(d.sign)))
    g.add((n, DG.score, _decimal(d.score)))
    g.add((n, DG.eventCount, Literal(d.count)))
    for e in d.events:
        g.add((n, DG.basedOn, URIRef(e)))
    return n


def add_triangle(g: Graph, t: Triangle, G: nx.MultiDiGraph) -> URIRef:
    """Add one triangle (or slice, when ``t.period`` is set) and return its node."""
    n = triangle_iri(t.members, t.period)
    _common(g, n, "Triangle", t.members, t.period, G)
    if t.period:
        g.add((n, DG.sliceOf, triangle_iri(t.members)))
    g.add((n, DG.triangleClass, Literal(t.cls)))
    if t.pivot:
        g.add((n, DG.pivot, URIRef(t.pivot)))
    if t.outsider:
        g.add((n, DG.outsider, URIRef(t.outsider)))
    if t.balanced is not None:
        g.add((n, DG.balanced, Literal(t.balanced)))
    g.add((n, DG.eventCount, Literal(t.count)))
    return n


def views_to_rdf(G: nx.MultiDiGraph, *, by: str | None = "quarter", band: float = BAND) -> Graph:
    """The dyads and triangles of a graph, overall and (unless ``by`` is None) per period, as RDF.

    Args:
        G: A graph from ``load_graph``.
        by: ``"month"``, ``"quarter"``, ``"year"`` or None for no slices.
        band: The neutral band of the dyad signs.
    """
    g = Graph()
    bind_prefixes(g)
    tables = {None: dyads(G, band=band)}
    if by:
        tables.update(dyads_by_period(G, by, band=band))
    for period, table in tables.items():
        for d in table.values():
            add_dyad(g, d, G)
        for t in triangles(table, period, ranked=False):
            add_triangle(g, t, G)
    return g
