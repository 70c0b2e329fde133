"""Stage: rdflib Dataset -> the views' HTML pages (dyads, triangles, an actor's ego network).

Reads the relationship views of :mod:`diplograph.graph.views` (never mutating its graph) and hands
plain rows to the page functions of :mod:`diplograph.exports.html`.
"""

from __future__ import annotations

import networkx as nx

from diplograph.exports import charts, html


def _views():
    from diplograph.graph import views  # imported late: the views package is optional for exports

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
    table = {k: d for k, d in views.dyads(G).items() if d.count}
    by_period = views.dyads_by_period(G, by)
    labels = {n: views.label(G, n) for n in G.nodes}
    tris = views.triangles(table, limit=limit)
    timelines = {tuple(t.members): views.timeline(by_period, *t.members) for t in tris}
    return {
        "dyads.html": html.render_dyads_page(charts.dyad_rows(table, by_period, labels)),
        "triangles.html": html.render_triangle_page(charts.triangle_rows(tris, timelines, labels)),
    }
