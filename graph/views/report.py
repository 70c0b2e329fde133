"""Views as JSON-ready dicts and as aligned text tables, for the command line.

Every function is pure: it takes the base graph (for labels) and a view result, and returns
values; the CLI prints them. Ids are written ``dgid:...``; labels come from the graph.
"""

from __future__ import annotations

import networkx as nx

from diplograph.graph.views.balance import Balance
from diplograph.graph.views.dyads import Dyad
from diplograph.graph.views.ego import Centrality, distances
from diplograph.graph.views.names import label, short
from diplograph.graph.views.triangles import Triangle


def table(header: list[str], rows: list[list[object]]) -> str:
    """Left-aligned columns separated by two spaces."""
    cells = [header] + [["" if c is None else str(c) for c in r] for r in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(header))]
    return "\n".join("  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in cells)


def pair_name(G: nx.MultiDiGraph, d: Dyad) -> str:
    return f"{label(G, d.a)} – {label(G, d.b)}"


def dyad_dict(G: nx.MultiDiGraph, d: Dyad) -> dict:
    return {"a": short(d.a), "b": short(d.b), "labels": [label(G, d.a), label(G, d.b)], "period": d.period,
            "sign": d.sign, "score": d.score, "total": d.total, "events": d.count, "quads": dict(d.quads),
            "evidence": [short(e) for e in d.events]}


def triangle_dict(G: nx.MultiDiGraph, t: Triangle) -> dict:
    return {"members": [short(m) for m in t.members], "labels": [label(G, m) for m in t.members],
            "period": t.period, "class": t.cls, "pivot": t.pivot and label(G, t.pivot),
            "outsider": t.outsider and label(G, t.outsider),
            "balanced": t.balanced, "events": t.count, "dyads": [dyad_dict(G, d) for d in t.dyads]}


def _side(d: Dyad) -> str:
    return f"{d.sign} {d.score:+.2f} ({d.count})"


def _role(G: nx.MultiDiGraph, t: Triangle) -> str:
    if t.pivot:
        return "pivot " + label(G, t.pivot)
    return "outsider " + label(G, t.outsider) if t.outsider else ""


def _yes(value: bool | None) -> str:
    return "unknown" if value is None else "yes" if value else "no"


def triangle_table(G: nx.MultiDiGraph, rows: list[Triangle]) -> str:
    """One line per period: class, pivot or outsider, balance, events, and each side's sign, score and count."""
    sides = [pair_name(G, d) for d in rows[0].dyads]
    body = [[t.period or "all", t.cls, _role(G, t), _yes(t.balanced), t.count, *map(_side, t.dyads)] for t in rows]
    return table(["period", "class", "role", "balanced", "events", *sides], body)


def triangles_table(G: nx.MultiDiGraph, rows: list[Triangle]) -> str:
    """One line per triangle: period, members, class, pivot or outsider, balance, events, signs."""
    body = [[t.period or "all", " – ".join(label(G, m) for m in t.members), t.cls, _role(G, t), _yes(t.balanced),
             t.count, " ".join(t.signs)] for t in rows]
    return table(["period", "triangle", "class", "role", "balanced", "events", "signs"], body)


def dyad_table(G: nx.MultiDiGraph, rows: list[Dyad]) -> str:
    body = [[d.period or "all", pair_name(G, d), d.sign, f"{d.score:+.2f}", d.count,
             ", ".join(f"{q} {n}" for q, n in d.quads)] for d in rows]
    return table(["period", "pair", "sign", "score", "events", "quad classes"], body)


def evidence_lines(G: nx.MultiDiGraph, d: Dyad) -> list[str]:
    """One line per event of a dyad: date, type, actor -> target, quote."""
    wanted = set(d.events)
    edges = {k: (u, v, e) for u, v, k, e in G.edges(keys=True, data=True) if k in wanted}
    lines = []
    for k in sorted(d.events, key=lambda k: ((edges[k][2]["date"] or "") if k in edges else "~", k)):
        if k not in edges:
            lines.append(f"    {short(k)}")
            continue
        u, v, e = edges[k]
        quote = (e.get("quote") or "")[:100]
        lines.append(f"    {e['date'] or '?'}  {e['event_type']}  {label(G, u)} -> {label(G, v)}  {quote}".rstrip())
    return lines


def _central(G: nx.MultiDiGraph, rows: list[Centrality]) -> list[dict]:
    return [{"state": short(c.state), "label": label(G, c.state), "degree": c.degree, "eigenvector": c.eigenvector,
             "events": c.events} for c in rows]


def balance_dict(b: Balance, coop: list[Centrality], conflict: list[Centrality], G: nx.MultiDiGraph) -> dict:
    return {"states": b.states, "positive": b.positive, "negative": b.negative, "triangles": b.triangles,
            "balanced": b.balanced, "share": b.share, "frustration": b.frustration, "exact": b.exact,
            "classes": b.classes, "cooperation": _central(G, coop), "conflict": _central(G, conflict)}


def balance_text(b: Balance, coop: list[Centrality], conflict: list[Centrality], G: nx.MultiDiGraph) -> str:
    share = "n/a" if b.share is None else f"{b.share:.1%}"
    lines = [f"signed state network: {b.states} states, {b.positive} positive and {b.negative} negative dyads",
             f"triangles with three signed sides: {b.triangles}, balanced: {b.balanced} ({share})",
             f"frustration index: {b.frustration} ({'exact' if b.exact else 'upper bound, local search'})",
             "classes: " + ", ".join(f"{k} {v}" for k, v in b.classes.items())]
    for name, rows in (("cooperation", coop), ("conflict", conflict)):
        body = [[label(G, c.state), f"{c.degree:.3f}", f"{c.eigenvector:.3f}", c.events] for c in rows[:10]]
        lines += ["", f"centrality in the {name} network:", table(["state", "degree", "eigenvector", "events"], body)]
    return "\n".join(lines)


def ego_dict(G: nx.MultiDiGraph, view: nx.MultiDiGraph, ego: str, depth: int) -> dict:
    dist = distances(G, ego, depth)
    nodes = [{"id": short(n), "label": label(G, n), "type": G.nodes[n]["type"], "distance": dist[n]}
             for n in sorted(view, key=lambda n: (dist[n], label(G, n), n))]
    edges = [{"source": short(u), "target": short(v), "kind": d["kind"], "relation": d["relation"],
              "event_type": d["event_type"], "date": d["date"], "counts": d["counts"], "id": short(k)}
             for u, v, k, d in sorted(view.edges(keys=True, data=True), key=lambda e: e[:3])]
    return {"ego": short(ego), "label": label(G, ego), "depth": depth, "nodes": nodes, "edges": edges}


def ego_text(G: nx.MultiDiGraph, data: dict) -> str:
    head = f"{data['label']} ({data['ego']}), depth {data['depth']}: {len(data['nodes'])} actors, {len(data['edges'])} edges"
    nodes = table(["distance", "type", "label", "id"], [[n["distance"], n["type"], n["label"], n["id"]] for n in data["nodes"]])
    names = {n["id"]: n["label"] for n in data["nodes"]}
    edges = [[names[e["source"]], names[e["target"]], e["relation"] or "", e["event_type"] or "", e["date"] or "",
              e["kind"] + ("" if e["counts"] or e["kind"] == "fact" else " (not counted)")] for e in data["edges"]]
    return "\n".join([head, "", nodes, "", table(["from", "to", "relation", "type", "date", "kind"], edges)])
