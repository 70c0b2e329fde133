"""Stage: rdflib Dataset -> the views' HTML pages (dyads, triangles, an actor's ego network).

Reads the relationship views of :mod:`diplograph.graph.views` (never mutating its graph) and hands
plain rows to the page functions of :mod:`diplograph.exports.html`.
"""

from __future__ import annotations

import networkx as nx
from diplograph.exports import charts, html


def _views():
    from diplograph.graph import (
        views,  # imported late: the views package is optional for exports
    )

    return views


def view_pages(dataset, *, by: str = "quarter", limit: int = 100) -> dict[str, str]:
    """``{"dyads.html": ..., "triangles.html": ...}`` for a dataset.

    Args:
        dataset: The built rdflib Dataset, or the views' networkx graph already loaded from it.
        by: Period of the charts: "month", "quarter" or "year".
        limit: Keep the triangles with most events, at most this many.
    """
    views = _views()
    G = dataset if isinstance(dataset, nx.MultiDiGraph) else views.load_graph(dataset)
    labels = {n: views.label(G, n) for n in G.nodes}
    return _pages(views.dyads(G), views.dyads_by_period(G, by), labels, limit)


def pages_of_tables(tables, *, limit: int = 100, fragments=None) -> dict[str, str]:
    """:func:`view_pages` of a corpus from its views tables (views/folded.py ``ViewTables``, by quarter), without
    the views' graph: the same pages (``tests/test_html_corpus_fold.py`` checks it). ``fragments``
    (fragments.py ``Fragments``) gives the dyads' rows and the layouts an earlier build made from the same data."""
    return _pages(tables.overall, tables.by_period, tables.names, limit, fragments)


def _pages(overall: dict, by_period: dict, labels: dict[str, str], limit: int, fragments=None) -> dict[str, str]:
    views = _views()
    table = {k: d for k, d in overall.items() if d.count}
    tris = views.triangles(table, limit=limit)
    timelines = {tuple(t.members): views.timeline(by_period, *t.members) for t in tris}
    return {
        "dyads.html": html.render_dyads_page(charts.dyad_rows(table, by_period, labels), fragments=fragments),
        "triangles.html": html.render_triangle_page(charts.triangle_rows(tris, timelines, labels), fragments=fragments),
    }
