"""Stage: rdflib Dataset -> plain node and edge records (and a networkx view) for HTML and Gephi.

Entities (anything typed with a core class: State, Official, Organization, Agreement) become
nodes; direct facts between them become edges, one per (subject, relation, object), carrying the
evidence quotes and dates of the facts and events behind them. Events whose relation is not a
direct fact become edges named by their event type. The dataset is only read.
"""

from __future__ import annotations

from collections import defaultdict

import networkx as nx
import rdflib
from diplograph.exports.rdf import PREFIXES
from diplograph.graph.iri import local_name as local
from rdflib import RDF, RDFS, URIRef
from rdflib.namespace import SKOS

DG = rdflib.Namespace(PREFIXES["dg"])
PROV = rdflib.Namespace("http://www.w3.org/ns/prov#")
SCHEMA = rdflib.Namespace("http://schema.org/")
CORE_TYPES = ("State", "Official", "Organization", "Agreement")
POSITIVE = {"met", "signed", "supports", "joins", "partyTo", "memberOf", "officialOf",
            "AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT"}
NEGATIVE = {"criticizes", "withdrawsFrom", "DISAPPROVE", "REJECT", "ACCUSE", "THREATEN", "PROTEST",
            "SANCTION", "MOBILIZE", "COERCE", "ASSAULT", "FIGHT"}
NEUTRAL = {"memberOf", "officialOf", "partyTo", "cites"}


def _label(ds: rdflib.Dataset, node: URIRef) -> str:
    labels = sorted(ds.objects(node, RDFS.label), key=lambda lit: (getattr(lit, "language", None) != "en", str(lit)))
    return str(labels[0]) if labels else local(node)


def sign(relation: str, weight: float | None = None) -> str:
    """'+', '-' or '0' for a relation or event type (an explicit dg:weight wins)."""
    if weight is not None:
        return "+" if weight > 0 else "-" if weight < 0 else "0"
    if relation in NEUTRAL:
        return "0"
    return "+" if relation in POSITIVE else "-" if relation in NEGATIVE else "0"


def nodes(ds: rdflib.Dataset) -> list[dict]:
    """One record per entity: id (IRI), label, type, subtypes, role, aliases, sorted by id."""
    out = {}
    for core in CORE_TYPES:
        for n in ds.subjects(RDF.type, DG[core]):
            if not isinstance(n, URIRef) or str(n) in out:
                continue
            types = sorted({local(t) for t in ds.objects(n, RDF.type)} - {core})
            out[str(n)] = {
                "id": str(n), "label": _label(ds, n), "type": core, "subtypes": types,
                "role": "; ".join(sorted(str(r) for r in ds.objects(n, DG.roleTitle))),
                "aliases": sorted({str(a) for a in ds.objects(n, SKOS.altLabel)}),
            }
    return [out[k] for k in sorted(out)]


def _doc_dates(ds: rdflib.Dataset) -> dict[str, str]:
    return {str(d): str(v) for d, v in ds.subject_objects(SCHEMA.datePublished)}


def _evidence(ds: rdflib.Dataset, holder: URIRef, dates: dict[str, str]) -> list[dict]:
    out = []
    for ev in ds.objects(holder, DG.evidence):
        doc = next(iter(sorted(str(d) for d in ds.objects(ev, DG.document))), "")
        for quote in ds.objects(ev, DG.quote):
            out.append({"quote": str(quote), "doc": local(doc), "date": dates.get(doc, "")})
    return out


def _weights(ds: rdflib.Dataset) -> dict[str, float]:
    return {str(t): float(w) for t, w in ds.subject_objects(DG.weight)}


def _truthy_edges(ds: rdflib.Dataset, ids: set[str], acc: dict) -> None:
    for s, p, o in ds.triples((None, None, None)):
        if str(p).startswith(str(DG)) and str(s) in ids and str(o) in ids:
            acc[(str(s), local(p), str(o))]  # noqa: B018 - touching the defaultdict creates the edge


def _fact_edges(ds: rdflib.Dataset, ids: set[str], dates: dict[str, str], acc: dict) -> None:
    for rec in ds.subjects(RDF.type, RDF.Statement):
        s, p, o = (ds.value(rec, RDF[x]) for x in ("subject", "predicate", "object"))
        if str(s) not in ids or str(o) not in ids:
            continue
        edge = acc[(str(s), local(p), str(o))]
        edge["origin"].update(str(v) for v in ds.objects(rec, DG.origin))
        for item in _evidence(ds, rec, dates):
            edge["evidence"].append(item)
            edge["dates"].add(item["date"])


def _event_edges(ds: rdflib.Dataset, ids: set[str], dates: dict[str, str], acc: dict) -> None:
    weights = _weights(ds)
    for ev in ds.subjects(RDF.type, DG.Event):
        actor, target = ds.value(ev, DG.actor), ds.value(ev, DG.target)
        if str(actor) not in ids or str(target) not in ids or ds.value(ev, DG.negated) == rdflib.Literal(True):
            continue
        etype, relation = ds.value(ev, DG.eventType), ds.value(ev, DG.relation)
        edge = acc[(str(actor), local(relation) if relation else local(etype), str(target))]
        edge["events"].add(local(etype))
        edge["weight"] = weights.get(str(etype), edge.get("weight"))
        date = ds.value(ev, DG.date)
        edge["dates"].add(str(date) if date else "")
        edge["modality"].add(local(ds.value(ev, DG.modality) or ""))
        edge["evidence"].extend(_evidence(ds, ev, dates))


def _new_edge() -> dict:
    return {"origin": set(), "evidence": [], "dates": set(), "events": set(), "modality": set(), "weight": None,
            "count": 0}


def edges(ds: rdflib.Dataset, node_ids: set[str]) -> list[dict]:
    """One record per (source, relation, target) between entities, sorted, with evidence and dates."""
    acc: dict[tuple[str, str, str], dict] = defaultdict(_new_edge)
    dates = _doc_dates(ds)
    _truthy_edges(ds, node_ids, acc)
    _fact_edges(ds, node_ids, dates, acc)
    _event_edges(ds, node_ids, dates, acc)
    out = []
    for (s, rel, o), e in sorted(acc.items()):
        evidence = sorted({tuple(sorted(x.items())): x for x in e["evidence"]}.values(),
                          key=lambda x: (x["date"], x["doc"], x["quote"]))
        out.append({"source": s, "target": o, "relation": rel, "sign": sign(rel, e["weight"]),
                    "dates": sorted(d for d in e["dates"] if d), "origin": sorted(e["origin"]),
                    "events": sorted(e["events"]), "modality": sorted(m for m in e["modality"] if m),
                    "evidence": evidence})
    return out


def network(ds: rdflib.Dataset) -> tuple[list[dict], list[dict]]:
    """Nodes and edges of the entity graph of a dataset."""
    ns = nodes(ds)
    return ns, edges(ds, {n["id"] for n in ns})


EVIDENCE_PER_EDGE = 5  # quotes kept per edge of a corpus page (its events are counted in "events" anyway)


def count_event(acc: list, date, name, modality, quote, weight) -> None:
    """Add one event to a corpus relation's accumulator [count, dates, types, modalities, weight, quotes]
    (corpus_network.py, network_counts.py): at most :data:`EVIDENCE_PER_EDGE` quotes, the last typed event's
    weight."""
    acc[0] += 1
    acc[1].add(date)
    acc[2].add(name)
    acc[3].add(modality)
    if quote and len(acc[5]) < EVIDENCE_PER_EDGE:
        acc[5].append((date, quote))
    if name:
        acc[4] = weight


def network_from_views(G: nx.MultiDiGraph) -> tuple[list[dict], list[dict]]:
    """Nodes and edges like :func:`network`, from the views' graph (``views.load_graph``) instead of a Dataset.

    For a corpus too large to hold as an rdflib Dataset: entities keep type, label and aliases; each
    (actor, relation or event type, target) edge keeps its dates, event types, modality and one quote
    per event, at most :data:`EVIDENCE_PER_EDGE` of them (subtypes, roles and fact origins are not in the
    views' graph).
    """
    ids = {n for n, d in G.nodes(data=True) if d.get("type") in CORE_TYPES}
    ns = [{"id": n, "label": G.nodes[n].get("label") or local(n), "type": G.nodes[n]["type"], "subtypes": [],
           "role": "", "aliases": sorted(G.nodes[n].get("aliases") or ())} for n in sorted(ids)]
    acc: dict[tuple[str, str, str], dict] = defaultdict(_new_edge)
    for u, v, data in G.edges(data=True):
        if u not in ids or v not in ids or data.get("negated"):
            continue
        edge = acc[(u, data.get("relation") or data.get("event_type") or "related", v)]
        edge["count"] += 1
        if data.get("kind") == "event":
            edge["events"].add(data.get("event_type") or "")
            edge["modality"].add(data.get("modality") or "")
            if data.get("quote") and len(edge["evidence"]) < EVIDENCE_PER_EDGE:
                edge["evidence"].append({"quote": data["quote"], "doc": "", "date": data.get("date") or ""})
        edge["dates"].add(data.get("date") or "")
        edge["weight"] = data.get("weight") if data.get("event_type") else edge["weight"]
    return ns, [corpus_record(key, e["count"], e["dates"], e["events"], e["modality"], e["weight"], e["evidence"])
                for key, e in sorted(acc.items())]


def corpus_record(key: tuple[str, str, str], count: int, dates, events, modality, weight: float | None,
                  evidence: list[dict]) -> dict:
    """A corpus page's edge record (no origins): empty dates, types and modalities dropped, quotes unique and in
    order of date, document and text."""
    s, rel, o = key
    evidence = sorted({tuple(sorted(x.items())): x for x in evidence}.values(),
                      key=lambda x: (x["date"], x["doc"], x["quote"]))
    return {"source": s, "target": o, "relation": rel, "sign": sign(rel, weight),
            "dates": sorted(d for d in dates if d), "origin": [], "events": sorted(x for x in events if x),
            "modality": sorted(m for m in modality if m), "evidence": evidence, "count": count}


def strongest(node_list: list[dict], edge_list: list[dict], limit: int) -> tuple[list[dict], list[dict]]:
    """At most ``limit`` edges, those resting on most events and facts (``count``, then most dates; ties by
    source, relation and target), with the nodes they join and every state; both lists keep their order.

    A corpus' whole graph has hundreds of thousands of edges, more than a browser draws: its page shows the
    strongest, and says so (outputs.html_pages); graph.ttl and the store hold them all.
    """
    if len(edge_list) <= limit:
        return node_list, edge_list
    ranked = sorted(range(len(edge_list)), key=lambda i: (-edge_list[i]["count"],
                                                          -len(edge_list[i]["dates"]), i))
    kept = sorted(ranked[:limit])
    edges_ = [edge_list[i] for i in kept]
    ends = {e["source"] for e in edges_} | {e["target"] for e in edges_}
    return [n for n in node_list if n["id"] in ends or n["type"] == "State"], edges_


def to_networkx(node_list: list[dict], edge_list: list[dict]) -> nx.MultiDiGraph:
    """A MultiDiGraph of the records (a fresh graph: callers may mutate it)."""
    g = nx.MultiDiGraph()
    for n in node_list:
        g.add_node(n["id"], **{k: v for k, v in n.items() if k != "id"})
    for e in edge_list:
        g.add_edge(e["source"], e["target"], key=e["relation"],
                   **{k: v for k, v in e.items() if k not in ("source", "target")})
    return g
