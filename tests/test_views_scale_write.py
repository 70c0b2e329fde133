"""The views graph at corpus scale: streamed in subject order, written to files, slices without their events."""

from __future__ import annotations

import hashlib

import pyoxigraph as ox
import pytest

from diplograph.graph import merge, turtle
from diplograph.graph.iri import ID
from diplograph.graph.pipeline import build_dataset
from diplograph.graph.views import dyads_by_period, load_graph
from diplograph.graph.views.stream import EdgeData
from diplograph.graph.views.synth import random_events, to_graph
from diplograph.graph.views.to_rdf import views_bytes, views_triples

GRAPH = ID + "graph/views"
TYPES = ("CONSULT", "SUPPORT", "COOPERATE", "DISAPPROVE", "THREATEN", "ASSAULT")
# Ids whose IRIs sort unlike their tuples once closed by ">": "korea" < "korea2" but "korea2>" < "korea>".
ORDERLY = ["korea", "korea2", "korea-north", "korea_south", "kor", "a", "a.b", "b", "b-a", "zz"]


def scenario(states: list[str], events: int = 400, seed: int = 3) -> list:
    return random_events(states, events, seed=seed, types=TYPES)


@pytest.mark.parametrize("states", [ORDERLY, ORDERLY + ["k+x"], ORDERLY + ["http://example.org/state/q"]],
                         ids=["orderly", "char-below-dash", "foreign-iri"])
def test_views_scale_streamed_lines_are_the_sorted_nquads(states):
    G = load_graph(to_graph(scenario(states)))
    nquads, block, lines, sha = views_bytes(G, GRAPH, sliced=40)
    assert nquads == views_triples(G, sliced=40).nquads(GRAPH)  # the global sort of every line
    assert block == turtle.block(nquads)
    assert lines == nquads.count(b"\n") > 1000 and sha == hashlib.sha256(nquads).hexdigest()
    assert b"TriangleSlice" in nquads and b"DyadSlice" in nquads


def test_views_scale_edge_data_reads_and_writes_like_a_dict():
    d = EdgeData("event", "met", "CONSULT", 1.0, "verbal cooperation", "2002-01-07", "act", False, False, True,
                 ("e1",), None)
    assert d == {"kind": "event", "relation": "met", "event_type": "CONSULT", "weight": 1.0,
                 "quad": "verbal cooperation", "date": "2002-01-07", "modality": "act", "negated": False,
                 "hedged": False, "counts": True, "evidence": ("e1",), "quote": None}
    assert list(d)[:3] == ["kind", "relation", "event_type"] and len(d) == 12
    d["colour"] = "red"
    d["counts"] = False
    assert (d["colour"], d.get("counts"), d.get("missing", 7), "colour" in d, len(d)) == ("red", False, 7, True, 13)
    copy = d.copy()
    del d["quote"]
    assert "quote" not in d and copy["quote"] is None and {**copy}["colour"] == "red"
    with pytest.raises(KeyError):
        d["quote"]


# Our own sentences, one document per quarter.
DOCS = {
    "winter": ("2002-02-11", ("Russian Foreign Minister Igor Ivanov met Chinese President Jiang Zemin in Beijing on "
                              "Monday. China criticized the United States over its missile defense plans.")),
    "summer": ("2002-08-20", ("Russian Foreign Minister Igor Ivanov met Chinese Foreign Minister Tang Jiaxuan in "
                              "Moscow on Tuesday. Russia criticized the United States over its new sanctions.")),
}

SLICE_EVENTS = """PREFIX dg: <https://w3id.org/diplograph/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX schema: <http://schema.org/>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
SELECT ?slice ?event WHERE {
  ?slice a dg:DyadSlice ; dg:sliceOf ?dyad ; dg:period ?period .
  ?dyad dg:basedOn ?event .
  ?event a dg:Event .
  OPTIONAL { ?event dg:date ?own }
  OPTIONAL { ?event prov:wasDerivedFrom/schema:datePublished ?published }
  BIND(STR(COALESCE(?own, ?published)) AS ?date)
  BIND(xsd:integer(SUBSTR(?date, 6, 2)) AS ?month)
  FILTER(CONCAT(SUBSTR(?date, 1, 4), "-Q", STR(1 + xsd:integer(FLOOR((?month - 1) / 3)))) = ?period)
}"""


@pytest.fixture(scope="module")
def two_quarters(tmp_path_factory):
    folder = tmp_path_factory.mktemp("quarters")
    paths = []
    for name, (date, text) in DOCS.items():
        path = folder / f"{name}.txt"
        path.write_text(f"---\ndate: {date}\n---\n{text}\n", encoding="utf-8")
        paths.append(path)
    return paths


def test_views_scale_slice_events_follow_from_the_dyad(two_quarters):
    """DESIGN.md's query gives each slice the events the slice no longer lists."""
    result = build_dataset(two_quarters)
    store = ox.Store()
    store.bulk_load(input=b"".join(line + b"\n" for line in result.lines), format=ox.RdfFormat.N_QUADS)
    found = {(r["slice"].value, r["event"].value) for r in store.query(SLICE_EVENTS, use_default_graph_as_union=True)}
    expected = {(f"{ID}dyad/{a[len(ID):]}--{b[len(ID):]}/{period}", e)
                for period, table in dyads_by_period(result.views, "quarter").items()
                for (a, b), d in table.items() for e in d.events if e.startswith(ID + "event/")}
    assert found == expected and len({s for s, _ in expected}) >= 3


def test_views_scale_assemble_streams_the_views_into_the_cache(two_quarters, tmp_path):
    cached = build_dataset(two_quarters, cache_dir=tmp_path / "cache")
    memory = build_dataset(two_quarters)
    views = [p for p in cached.parts if p.graph == merge.VIEWS_GRAPH]
    held = [p for p in memory.parts if p.graph == merge.VIEWS_GRAPH]
    assert views and all(p.nquads.parent == tmp_path / "cache" / "views" for p in views)
    assert all(isinstance(p.nquads, bytes) for p in held)
    for name in ("read_nquads", "read_turtle", "read_gz"):
        assert [getattr(p, name)() for p in views] == [getattr(p, name)() for p in held]
    assert [p.key for p in views] == [p.key for p in held]
    assert merge.turtle_bytes(cached.parts) == merge.turtle_bytes(memory.parts)
