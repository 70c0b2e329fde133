"""The entity network behind HTML and Gephi exports, the layout, and JSON-in-script escaping."""

from __future__ import annotations

import json

import pytest
import rdflib
from rdflib import Literal, URIRef

from diplograph.exports import html
from diplograph.exports.layout import layout
from diplograph.exports.network import network, sign
from diplograph.exports.sample import DG, synthetic_dataset
from diplograph.graph.errors import OutputError


@pytest.fixture(scope="module")
def records():
    return network(synthetic_dataset(entities=12, events=30, documents=2))


def test_exports_network_nodes_are_the_entities(records):
    nodes, _ = records
    assert len(nodes) == 12
    assert [n["id"] for n in nodes] == sorted(n["id"] for n in nodes)
    assert {n["type"] for n in nodes} == {"State", "Official", "Organization", "Agreement"}
    assert all(n["role"] == "Foreign Minister" for n in nodes if n["type"] == "Official")


def test_exports_network_edges_carry_evidence_and_dates(records):
    nodes, edges = records
    ids = {n["id"] for n in nodes}
    assert edges and all(e["source"] in ids and e["target"] in ids for e in edges)
    assert all(e["evidence"] and e["dates"] for e in edges)
    assert {e["relation"] for e in edges} == {"met", "criticizes", "supports", "signed"}
    assert all(e["sign"] == sign(e["relation"]) for e in edges)


def test_exports_network_skips_negated_events():
    ds = synthetic_dataset(entities=4, events=1, documents=1)
    ev = next(ds.subjects(rdflib.RDF.type, DG.Event))
    rel = ds.value(ev, DG.relation)
    for g in ds.graphs():
        g.set((ev, DG.negated, Literal(True)))
        for s, o in list(g.subject_objects(rel)):
            g.remove((s, rel, o))
        for rec in list(g.subjects(rdflib.RDF.type, rdflib.RDF.Statement)):
            g.remove((rec, None, None))
    assert network(ds)[1] == []


def test_exports_sign_of_relations():
    assert (sign("met"), sign("criticizes"), sign("memberOf"), sign("CONSULT", -2.0)) == ("+", "-", "0", "-")


@pytest.mark.parametrize("n", [30, 600])
def test_exports_layout_deterministic_integer_positions(n):
    ids = [f"n{i:04d}" for i in range(n)]
    pairs = [(ids[i], ids[(i * 7 + 3) % n]) for i in range(n)]
    first, second = layout(ids, pairs), layout(ids, pairs)
    assert first == second and set(first) == set(ids)
    assert all(isinstance(c, int) for xy in first.values() for c in xy)
    assert len(set(first.values())) > n * 0.9


def test_exports_script_json_escapes_everything_dangerous():
    text = html.script_json({"a": "</script><!-- & \u2028\u2029 >"})
    assert not any(c in text for c in "<>&\u2028\u2029")
    assert json.loads(text) == {"a": "</script><!-- & \u2028\u2029 >"}


def test_exports_ego_records_keep_neighbours(records):
    nodes, edges = records
    center = edges[0]["source"]
    kept, kept_edges = html.ego_records(nodes, edges, center, 1)
    neighbours = {e["target"] for e in edges if e["source"] == center} | {e["source"] for e in edges if e["target"] == center}
    assert {n["id"] for n in kept} == neighbours | {center}
    assert [n["id"] for n in kept if n["center"]] == [center]
    assert all(e["source"] in neighbours | {center} and e["target"] in neighbours | {center} for e in kept_edges)
    with pytest.raises(OutputError, match="nobody"):
        html.ego_records(nodes, edges, "nobody", 1)


def test_exports_page_has_no_unescaped_title():
    text = html.render_network_page([{"id": "x", "label": "<b>", "type": "State"}], [], title="<script>t</script>")
    assert "<title>&lt;script&gt;t&lt;/script&gt;</title>" in text and "<h1>&lt;script&gt;" in text


def test_exports_unknown_type_drawn_as_other():
    data = html.network_data([{"id": str(URIRef("https://x/a")), "label": "A", "type": "Planet"}], [])
    assert data["nodes"][0]["type"] == "Other"
