"""How often the graph holds PLOVER's gold event: its type, between actors of the recorded states.

usage: python bench/plover_events.py [--records ../shared/reference/plover/PLOVER_GSR_CAMEO.json] [--misses]
       [--explain TYPE|all]

Each of the 322 records of PLOVER's gold standard (record 0 documents the file) is one sentence
with an event type and source/target actors coded by country. Each sentence is built as a
document in-process (one gazetteer load) and the resulting RDF is searched for a ``dg:Event``:

* type: an event of the recorded type (0.5 names and their successors are equivalent:
  DEMAND/REQUEST, DISAPPROVE/ACCUSE, FIGHT/ASSAULT);
* directed: of that type, with an actor of a source state and a target of a target state
  (an official counts for the state it is ``dg:officialOf``, an organization for the state it is
  ``dg:stateOf``; states carry ``dg:isoCode``; an organization counts for its sector: the gazetteer's
  ``cameo`` code, else IGO / NGO from its subtype, and a government body or armed group for its ``state``);
  records without a target need only the source;
* undirected: the same, either way round.
Prints per event type and overall; "country records" are those whose actors are all states.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

from rdflib import RDF, Graph

from diplograph.graph.extract import extract
from diplograph.graph.extract.documents import parse_document
from diplograph.graph.iri import local_name
from diplograph.graph.rdf import to_rdf
from diplograph.ontology import gazetteer as gazetteer_mod
from diplograph.ontology.namespace import DG

ROOT = Path(__file__).resolve().parents[1]
EQUIVALENT = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "FIGHT": "ASSAULT"}
# CAMEO country codes that differ from ISO 3166 ("ITL" labels "Italy" in both records that use it)
CAMEO_TO_ISO = {"JAP": "JPN", "VTN": "VNM", "ITL": "ITA"}
NON_STATE = {"IGO", "NGO", "IMG", "ISM", "MNC", "UNO"}
# the gold's coders mix these up (Amnesty International and the Red Cross are coded IGO):
# an international organization matches either, as do the two militant-group codes
SECTOR_CLASS = {"NGO": "IGO", "UNO": "IGO", "ISM": "IMG"}
SUBTYPE_SECTOR = {"IntergovernmentalOrganization": "IGO", "NonGovernmentalOrganization": "NGO"}
STATE_SUBTYPES = {"GovernmentBody", "ArmedGroup", "MilitantGroup", "RebelGroup", "PoliticalParty"}


def canonical(event_type: str) -> str:
    name = event_type.rsplit("/", 1)[-1].rsplit("#", 1)[-1].upper()
    return EQUIVALENT.get(name, name)


def codes(actors: object) -> set[str]:
    """ISO3 codes of a record's actor list (empty for none; non-state codes kept as they are)."""
    if not isinstance(actors, list):
        return set()
    return {_sector(CAMEO_TO_ISO.get(a.get("code") or "", a.get("code") or "")) for a in actors} - {""}


def _sector(code: str) -> str:
    return SECTOR_CLASS.get(code, code)


def gazetteer_codes(gaz, node) -> set[str]:
    """Codes of a gazetteer organization: the international sectors of its ``cameo`` field (IGO,
    "IGOUNO", NGO, IMG...), else IGO / NGO from its subtype; and its state's ISO code when it is a
    government body, an armed group or a party (CAMEO codes REB, PTY... by country), or has no sector."""
    rec = gaz.get(local_name(node)) or {}
    if rec.get("type") == "State" and rec.get("iso3"):
        return {rec["iso3"]}  # a state named only as a place ("in Tokyo") has no entity record in the graph
    if rec.get("type") != "Organization":
        return set()
    cameo = rec.get("cameo") or ""
    cameo = cameo if isinstance(cameo, str) else " ".join(cameo)
    chunks = [c[k:k + 3].upper() for c in cameo.split() for k in range(0, len(c) - 2, 3)]
    out = {_sector(c) for c in chunks if c in NON_STATE}
    if not out and rec.get("subtype") in SUBTYPE_SECTOR:
        out.add(_sector(SUBTYPE_SECTOR[rec["subtype"]]))
    state = gaz.get(rec.get("state") or "") or {}
    if state.get("iso3") and (rec.get("subtype") in STATE_SUBTYPES or not out):
        out.add(state["iso3"])
    return out


def actor_codes(g: Graph, node, gaz) -> set[str]:
    """Codes a graph node stands for: its own ISO code, an organization's sector (and state), or
    those of what it is an official of or an organization of (``dg:stateOf``)."""
    own = {str(c) for c in g.objects(node, DG.isoCode)} | gazetteer_codes(gaz, node)
    for body in sorted({*g.objects(node, DG.officialOf), *g.objects(node, DG.stateOf)}):
        own |= {str(c) for c in g.objects(body, DG.isoCode)} | gazetteer_codes(gaz, body)
    return own


def events(g: Graph, gaz) -> list[tuple[str, set[str], set[str]]]:
    """(canonical type, actor codes, target codes) of every event in ``g``."""
    found = []
    for ev in sorted(g.subjects(RDF.type, DG.Event)):
        sources = set().union(*(actor_codes(g, a, gaz) for a in g.objects(ev, DG.actor)))
        targets = set().union(*(actor_codes(g, t, gaz) for t in g.objects(ev, DG.target)))
        for t in g.objects(ev, DG.eventType):
            found.append((canonical(str(t)), sources, targets))
    return found


def judge(record: dict, found: list[tuple[str, set[str], set[str]]]) -> dict[str, bool]:
    """Whether the record's event is in ``found``: by type, directed, undirected."""
    want, src, tgt = canonical(record["event"]), codes(record.get("source")), codes(record.get("target"))
    typed = [(s, t) for kind, s, t in found if kind == want]

    def hit(a: set[str], b: set[str]) -> bool:
        return any(a & s and (not b or b & t) for s, t in typed)

    return {"type": bool(typed), "directed": hit(src, tgt), "undirected": hit(src, tgt) or hit(tgt, src)}


def build_graph(record: dict, doc_id: str, gaz) -> Graph:
    """The record's sentence as a document, extracted and converted to RDF in memory."""
    doc = parse_document(record["text"].encode("utf-8"), doc_id=doc_id, date=record.get("date"))
    g = Graph()
    for triple in to_rdf(extract(doc, gaz), gaz):
        g.add(triple)
    return g


def run(records: list[dict]) -> tuple[list[tuple[dict, dict[str, bool]]], list[str]]:
    """Judge every record; a sentence the pipeline fails on counts as not found and is listed."""
    gaz = gazetteer_mod.load()
    results, errors = [], []
    for i, record in enumerate(records):
        try:
            found = events(build_graph(record, f"plover-{i:03d}", gaz), gaz)
        except Exception as exc:  # a bench reports failures and goes on
            errors.append(f"{record['id']}: {type(exc).__name__}: {exc}")
            found = []
        results.append((record, judge(record, found)))
    return results, errors


def explain(records: list[dict], results: list[tuple[dict, dict[str, bool]]], kind: str) -> str:
    """Per missed record (of one canonical type, or "all"): the wanted dyad, the sentence, its
    mentions and the events read from it (a diagnostic; nothing is stored)."""
    gaz = gazetteer_mod.load()
    lines = []
    for i, (record, verdict) in enumerate(results):
        want = canonical(record["event"])
        if verdict["directed"] or kind not in ("all", want):
            continue
        doc = parse_document(record["text"].encode("utf-8"), doc_id=f"plover-{i:03d}", date=record.get("date"))
        ex = extract(doc, gaz)
        lines.append(f"## {record['id']} {want} {sorted(codes(record.get('source')))} -> "
                     f"{sorted(codes(record.get('target')))}\n   {record['text'].strip()}")
        lines.append("   mentions: " + ", ".join(f"{m.text}={m.entity_id}{' (place)' if m.place else ''}"
                                                for m in ex.mentions))
        lines.append("   events:   " + ", ".join(f"{e.event_type}({e.trigger}) {e.actor} -> {e.target}"
                                                for e in ex.events))
    return "\n".join(lines)


def table(results: list[tuple[dict, dict[str, bool]]]) -> str:
    groups: dict[str, list[dict[str, bool]]] = defaultdict(list)
    for record, verdict in results:
        groups[canonical(record["event"])].append(verdict)
        groups["all"].append(verdict)
        if not (codes(record.get("source")) | codes(record.get("target"))) & NON_STATE:
            groups["all country records"].append(verdict)
    names = {new: f"{old}/{new}" for old, new in EQUIVALENT.items()}
    lines = [f"{'event type':22} {'n':>4} {'type':>7} {'directed':>9} {'undirected':>11}"]
    for name in sorted(k for k in groups if not k.startswith("all")) + ["all", "all country records"]:
        rows = groups[name]
        pct = {k: 100 * sum(r[k] for r in rows) / len(rows) for k in ("type", "directed", "undirected")}
        lines.append(f"{names.get(name, name):22} {len(rows):4} {pct['type']:6.1f}% "
                     f"{pct['directed']:8.1f}% {pct['undirected']:10.1f}%")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=Path,
                        default=ROOT.parent / "shared" / "reference" / "plover" / "PLOVER_GSR_CAMEO.json")
    parser.add_argument("--misses", action="store_true", help="Print the ids of records not found (directed).")
    parser.add_argument("--explain", metavar="TYPE", help="Print each missed record of TYPE (or 'all') with "
                        "its mentions and events.")
    args = parser.parse_args(argv)
    records = [r for r in json.loads(args.records.read_text(encoding="utf-8")) if r.get("event") != "DOCUMENT"]
    results, errors = run(records)
    print(table(results))
    if errors:
        print(f"\n{len(errors)} sentences failed to build (counted as not found):\n  " + "\n  ".join(errors[:10]))
    if args.explain:
        print("\n" + explain(records, results, args.explain.upper() if args.explain != "all" else "all"))
    if args.misses:
        print("\nmissed (directed): " + " ".join(r["id"] for r, v in results if not v["directed"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
