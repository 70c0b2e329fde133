"""Stage: graph data -> self-contained interactive HTML pages (pure functions returning strings).

Pages inline vis-network's JS and CSS from the installed pyvis package (no CDN, no network request:
a Content-Security-Policy forbids any), draw at once from a precomputed layout with physics off,
and carry legend, search, type and date filters. Text from documents reaches the page only as
escaped HTML or as JSON inside a ``<script type="application/json">`` block with ``<``, ``>``,
``&``, U+2028 and U+2029 escaped; the page script puts it in the DOM with ``textContent``.
"""

from __future__ import annotations

import functools
import html
import importlib.util
import json
import re
from pathlib import Path

import networkx as nx
import rdflib

from diplograph.exports import charts
from diplograph.exports.layout import layout
from diplograph.exports.network import network
from diplograph.graph.errors import OutputError

TEMPLATES = Path(__file__).parent / "templates"
# pyvis's files, found without importing it (its import loads IPython: most of a second, a page needs its files only)
VIS_DIR = Path(importlib.util.find_spec("pyvis").origin).parent / "templates" / "lib" / "vis-9.1.2"
TYPES = (
    {"name": "State", "label": "State", "color": "#4e79a7", "border": "#2b4a6e", "shape": "dot", "swatch": "dot"},
    {"name": "Official", "label": "Official", "color": "#f28e2b", "border": "#a85d12", "shape": "triangle",
     "swatch": "triangle"},
    {"name": "Organization", "label": "Organization", "color": "#59a14f", "border": "#356b2f", "shape": "square",
     "swatch": "square"},
    {"name": "Agreement", "label": "Agreement", "color": "#b07aa1", "border": "#6e4a65", "shape": "diamond",
     "swatch": "diamond"},
    {"name": "Other", "label": "Other", "color": "#9c9c9c", "border": "#666666", "shape": "dot", "swatch": "dot"},
)
SIGNS = (
    {"name": "+", "label": "cooperation (+)", "color": "#1a7f37"},
    {"name": "-", "label": "conflict (\u2212)", "color": "#c62828"},
    {"name": "0", "label": "neutral / structural", "color": "#8a94a0", "dashes": True},
)
_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def esc(text: object) -> str:
    """HTML-escape any value for element content or a quoted attribute."""
    return html.escape(str(text), quote=True)


def script_json(data: object) -> str:
    """JSON safe to place inside a <script> element (no '</script>', no '<!--', no line separators)."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return re.sub("[<>&\u2028\u2029]", lambda m: _JSON_ESCAPES[m.group()], text)


@functools.cache
def _asset(path: Path, closing: str) -> str:
    text = path.read_text(encoding="utf-8")
    if closing in text.lower():
        raise OutputError(f"{path}: contains {closing!r} and cannot be inlined")
    return text


def page(title: str, data: dict, *, subtitle: str = "", body: str = "") -> str:
    """Fill our template: the vis-network library, our CSS/JS, the data and extra (escaped) HTML.

    Args:
        title: Page title (escaped here).
        data: The JSON the page script reads (nodes, edges, types, signs, ...).
        subtitle: One line under the title (escaped here).
        body: Extra HTML placed under the network; the caller must have escaped its text.
    """
    parts = {
        "TITLE": esc(title), "SUBTITLE": esc(subtitle), "BODY": body, "DATA": script_json(data),
        "VIS_CSS": _asset(VIS_DIR / "vis-network.css", "</style"),
        "VIS_JS": _asset(VIS_DIR / "vis-network.min.js", "</script"),
        "APP_CSS": _asset(TEMPLATES / "app.css", "</style"),
        "APP_JS": _asset(TEMPLATES / "app.js", "</script"),
    }
    template = _asset(TEMPLATES / "page.html", "\x00")
    # One pass: inserted text is never scanned for markers again.
    return re.sub(r"@@([A-Z_]+)@@", lambda m: parts[m.group(1)], template)


def _date_range(edges: list[dict]) -> tuple[str, str]:
    dates = sorted(d for e in edges for d in e.get("dates", ()))
    return (dates[0], dates[-1]) if dates else ("", "")


def network_data(nodes: list[dict], edges: list[dict], *, arrows: bool = True, fragments=None) -> dict:
    """The page JSON for node and edge records: positions added, types and signs for the legend.

    Args:
        nodes: Dicts with id, label, type (State/Official/Organization/Agreement), optional subtypes,
            role, aliases, center, size.
        edges: Dicts with source, target, relation, sign ('+', '-', '0'), optional dates, evidence
            ([{quote, doc, date}]), events, modality, origin, width, note.
        arrows: Draw arrowheads (directed relations).
        fragments: A fragments.py ``Fragments`` giving the layout an earlier build made of the same nodes and pairs.
    """
    known = {t["name"] for t in TYPES}
    ids = sorted(n["id"] for n in nodes)
    pairs = [(e["source"], e["target"]) for e in edges]
    pos = layout(ids, pairs) if fragments is None else \
        fragments.get(("layout", tuple(ids), tuple(sorted(set(pairs)))), lambda: layout(ids, pairs))
    out_nodes = [{**n, "type": n.get("type") if n.get("type") in known else "Other",
                  "x": pos[n["id"]][0], "y": pos[n["id"]][1]} for n in sorted(nodes, key=lambda n: n["id"])]
    lo, hi = _date_range(edges)
    return {"nodes": out_nodes, "edges": edges, "types": list(TYPES), "signs": list(SIGNS),
            "dateMin": lo, "dateMax": hi, "arrows": arrows, "edgeLabels": len(edges) <= 150}


def render_network_page(nodes: list[dict], edges: list[dict], *, title: str, subtitle: str = "",
                        body: str = "", arrows: bool = True, fragments=None) -> str:
    """A page drawing the given node and edge records (see :func:`network_data`)."""
    return page(title, network_data(nodes, edges, arrows=arrows, fragments=fragments), subtitle=subtitle, body=body)


def render_graph_page(dataset: rdflib.Dataset, *, title: str = "diplograph: the whole graph") -> str:
    """The whole entity graph: actors as nodes, direct relations and events as edges."""
    nodes, edges = network(dataset)
    return render_network_page(nodes, edges, title=title,
                               subtitle=f"{len(nodes)} actors, {len(edges)} relations. Hover for evidence.")


def ego_records(nodes: list[dict], edges: list[dict], center: str, depth: int = 1) -> tuple[list[dict], list[dict]]:
    """The nodes within ``depth`` steps of ``center`` (either direction) and the edges among them."""
    g = nx.Graph()
    g.add_nodes_from(n["id"] for n in nodes)
    g.add_edges_from((e["source"], e["target"]) for e in edges)
    if center not in g:
        raise OutputError(f"no actor {center!r} in the graph")
    keep = set(nx.single_source_shortest_path_length(g, center, cutoff=depth))
    kept = [{**n, "center": n["id"] == center} for n in nodes if n["id"] in keep]
    return kept, [e for e in edges if e["source"] in keep and e["target"] in keep]


def render_ego_page(dataset: rdflib.Dataset, center: str, *, depth: int = 1, title: str | None = None) -> str:
    """An actor's ego network: the actor (by IRI), its neighbours to ``depth`` steps, relations among them."""
    nodes, edges = ego_records(*network(dataset), center, depth)
    name = next(n["label"] for n in nodes if n["center"])
    return render_network_page(nodes, edges, title=title or f"Ego network of {name}",
                               subtitle=f"{len(nodes) - 1} actors within {depth} step(s) of {name}.")


def render_dyads_page(rows: list[dict], *, title: str = "Dyads: relations between states", subtitle: str = "",
                      fragments=None) -> str:
    """Each dyad as a signed edge between states, and a table with its score per period as a chart.

    Args:
        rows: Dicts with a, b (IRIs), a_label, b_label, score, sign, count and periods
            ([{period, score, sign, count}]); see :func:`charts.dyad_rows` to build them from views.
        fragments: Rows drawn by an earlier build (fragments.py ``Fragments``), or None.
    """
    nodes = {r[k]: {"id": r[k], "label": r[f"{k}_label"], "type": "State"} for r in rows for k in ("a", "b")}
    edges = [{"source": r["a"], "target": r["b"], "relation": f"score {r['score']:+.1f}", "sign": r["sign"],
              "dates": sorted(p["period"] for p in r.get("periods", ())), "width": 1 + min(r["count"], 12) / 2,
              "note": f"{r['count']} events, score {r['score']:+.2f}"} for r in rows]
    return render_network_page(list(nodes.values()), edges, title=title, arrows=False,
                               subtitle=subtitle or f"{len(rows)} dyads between {len(nodes)} states.",
                               body=charts.dyads_table(rows, fragments), fragments=fragments)


def render_triangle_page(rows: list[dict], *, title: str = "Strategic triangles", subtitle: str = "",
                         fragments=None) -> str:
    """The triangles' states and sides, and a table with each triangle's class per period.

    Args:
        rows: Dicts with members (3 IRIs), labels (3 names), signs (a-b, a-c, b-c), cls, pivot
            (label or None), balanced, count and periods ([{period, cls, signs}]);
            see :func:`charts.triangle_rows`.
    """
    nodes, edges = {}, {}
    for r in rows:
        for iri, name in zip(r["members"], r["labels"]):
            nodes[iri] = {"id": iri, "label": name, "type": "State"}
        a, b, c = r["members"]
        for (x, y), sign in zip(((a, b), (a, c), (b, c)), r["signs"]):
            edges[(x, y)] = {"source": x, "target": y, "relation": sign, "sign": sign,
                             "dates": sorted(p["period"] for p in r.get("periods", ()))}
    return render_network_page(list(nodes.values()), [edges[k] for k in sorted(edges)], title=title, arrows=False,
                               subtitle=subtitle or f"{len(rows)} triangles among {len(nodes)} states.",
                               body=charts.triangles_table(rows), fragments=fragments)
