"""Stage: rdflib Dataset -> GraphML / GEXF bytes for Gephi, through networkx's writers.

The entity graph of :mod:`diplograph.exports.network` is copied into a fresh networkx graph whose
attribute values are cleaned to str, int or float (no None, no lists: Gephi and the GraphML schema
accept only scalars), with control characters removed. GEXF's ``lastmodifieddate`` is dropped so
two runs give identical bytes.
"""

from __future__ import annotations

import io

import networkx as nx
import rdflib
from networkx.readwrite.gexf import GEXFWriter

from diplograph.exports.network import network, to_networkx
from diplograph.exports.rdf import safe_literal_text


def clean_value(value: object) -> str | int | float:
    """A scalar Gephi accepts: bools and numbers kept, lists joined with '; ', None as ''."""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, (int, float)):
        return value
    if value is None:
        return ""
    if isinstance(value, (list, tuple, set)):
        return "; ".join(str(clean_value(v)) for v in value)
    if isinstance(value, dict):
        return " | ".join(f"{k}: {clean_value(v)}" for k, v in sorted(value.items()))
    return safe_literal_text(str(value))


def _evidence_text(items: list[dict]) -> str:
    return " | ".join(f"[{x['doc']} {x['date']}] {x['quote']}".strip() for x in items)


def gephi_graph(dataset: rdflib.Dataset) -> nx.MultiDiGraph:
    """The entity graph with cleaned scalar attributes, nodes and edges in sorted order."""
    node_list, edge_list = network(dataset)
    source = to_networkx(node_list, edge_list)
    g = nx.MultiDiGraph()
    for n, data in source.nodes(data=True):
        g.add_node(n, **{k: clean_value(v) for k, v in sorted(data.items())})
    for s, o, key, data in source.edges(keys=True, data=True):
        attrs = {k: clean_value(v) for k, v in sorted(data.items()) if k != "evidence"}
        attrs["evidence"] = clean_value(_evidence_text(data["evidence"]))
        attrs["label"] = key
        g.add_edge(s, o, key=key, **attrs)
    return g


def to_graphml(dataset: rdflib.Dataset) -> bytes:
    """GraphML (UTF-8) of the entity graph."""
    buf = io.BytesIO()
    nx.write_graphml(gephi_graph(dataset), buf, encoding="utf-8", prettyprint=True)
    return buf.getvalue()


def to_gexf(dataset: rdflib.Dataset) -> bytes:
    """GEXF 1.2 (UTF-8) of the entity graph, without the writer's date stamp."""
    writer = GEXFWriter(encoding="utf-8", prettyprint=True, version="1.2draft")
    meta = writer.xml.find("meta")
    if meta is not None:
        meta.attrib.pop("lastmodifieddate", None)
    writer.add_graph(gephi_graph(dataset))
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()
