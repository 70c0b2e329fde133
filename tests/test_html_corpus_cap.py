"""A corpus' graph.html draws its strongest relations only (exports/network.strongest), and says so."""

from __future__ import annotations

import json
from pathlib import Path

from diplograph.exports.network import network_from_views, strongest
from diplograph.graph import outputs, pipeline

EXAMPLE = Path(__file__).parents[1] / "examples" / "monitor-8-7.txt"


def node(i: str, kind: str = "Official") -> dict:
    return {"id": i, "label": i, "type": kind}


def edge(s: str, o: str, count: int, dates: int = 1) -> dict:
    return {"source": s, "target": o, "relation": "met", "count": count, "dates": [f"2001-01-{d + 1:02d}"
                                                                                   for d in range(dates)]}


def test_html_cap_keeps_most_evidence_then_dates_then_order():
    nodes = [node("a"), node("b"), node("c"), node("d"), node("s", "State")]
    edges = [edge("a", "b", 1), edge("b", "c", 5), edge("c", "d", 1, dates=3), edge("a", "d", 5)]
    shown, drawn = strongest(nodes, edges, 3)
    assert drawn == [edges[1], edges[2], edges[3]]  # the list's order kept; a-b (1 event, 1 date) dropped
    assert [n["id"] for n in shown] == ["a", "b", "c", "d", "s"]  # the states stay even when unlinked
    shown, drawn = strongest(nodes, edges, 1)
    assert drawn == [edges[1]]  # a tie (5 and 5, one date each) goes to the first
    assert [n["id"] for n in shown] == ["b", "c", "s"]
    assert strongest(nodes, edges, 4) == (nodes, edges)


def test_html_cap_on_a_corpus_page(tmp_path, monkeypatch):
    monkeypatch.setattr(outputs, "HTML_DATASET_LIMIT", 0)  # draw from the views' graph, as for a corpus
    monkeypatch.setattr(outputs, "PAGE_EDGES", 3)
    result = pipeline.build([EXAMPLE], tmp_path / "out", store=False)
    nodes, edges = network_from_views(result.views)
    assert len(edges) > 3 and all(e["count"] >= 1 for e in edges)
    text = (tmp_path / "out" / "graph.html").read_text(encoding="utf-8")
    data = json.loads(text.split('id="diplograph-data">')[1].split("</script>")[0])
    assert len(data["edges"]) == 3
    top = sorted((-e["count"], -len(e["dates"]), i) for i, e in enumerate(edges))[:3]
    assert [(e["source"], e["relation"], e["target"]) for e in data["edges"]] == \
        [(edges[i]["source"], edges[i]["relation"], edges[i]["target"]) for _, _, i in sorted(top, key=lambda t: t[2])]
    ends = {e["source"] for e in data["edges"]} | {e["target"] for e in data["edges"]}
    assert ends <= {n["id"] for n in data["nodes"]}
    assert f"The 3 relations with most evidence of {len(edges)}" in text
