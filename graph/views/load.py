"""Stage: RDF -> networkx. Read any diplograph graph into one ``MultiDiGraph``.

Nodes are entity IRIs (``dg:State|Official|Organization|Agreement``) with the attributes ``type``,
``label``, ``aliases`` and ``state`` (the state an official is ``dg:officialOf`` or an organization
``dg:stateOf``, the first by IRI when several; a state's own IRI). Edges go from
actor to target and carry ``kind`` ("event" or "fact"), ``relation``, ``event_type``, ``weight``,
``quad``, ``date``, ``counts`` and the evidence. Events are keyed by their IRI, direct facts by their
predicate IRI (one RDF triple, one edge).

What counts in a dyad (``counts=True``) is decided here, once, for every view:

* an event counts unless it is negated or forecast (``dg:modality dg:forecast``), or is the mirror
  (target and actor swapped, same type and evidence) of a symmetric ``met`` event already counted;
* a direct interaction fact (met, supports, criticizes, joins, withdrawsFrom) counts only when no
  non-negated event of the same relation joins the same two states, so an event and the triple it
  produced are counted once; a fact restated between officials and between their states counts once.
  A direct fact is one triple whatever the number of documents stating it: it is dated by the
  earliest of their publication dates.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Iterable, Iterator

import networkx as nx
import pyoxigraph as ox
import rdflib

from diplograph.graph.errors import InputError
from diplograph.graph.gcpause import paused
from diplograph.graph.iri import ONTOLOGY as DG
from diplograph.graph.iri import local_name as local

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
ALT_LABEL = "http://www.w3.org/2004/02/skos/core#altLabel"
PUBLISHED = "http://schema.org/datePublished"
DERIVED = "http://www.w3.org/ns/prov#wasDerivedFrom"
STATEMENT = ("http://www.w3.org/1999/02/22-rdf-syntax-ns#subject", "http://www.w3.org/1999/02/22-rdf-syntax-ns#predicate",
             "http://www.w3.org/1999/02/22-rdf-syntax-ns#object")
CORE_TYPES = ("State", "Official", "Organization", "Agreement")
RELATIONS = ("officialOf", "memberOf", "partyTo", "signed", "met", "withdrawsFrom", "joins", "criticizes", "supports")
# The event type whose weight a direct fact carries when no event stands behind it.
FACT_TYPES = {"met": "CONSULT", "supports": "SUPPORT", "criticizes": "DISAPPROVE", "joins": "COOPERATE",
              "withdrawsFrom": "RETREAT"}
SYMMETRIC = frozenset({"met"})
FILES = ("graph.ttl", "graph.trig", "graph.nq.gz", "graph.nq", "graph.nt")
_FORMATS = {".ttl": ox.RdfFormat.TURTLE, ".trig": ox.RdfFormat.TRIG, ".nq": ox.RdfFormat.N_QUADS,
            ".nq.gz": ox.RdfFormat.N_QUADS, ".nt": ox.RdfFormat.N_TRIPLES}
#: What makes an entity of these types act for a state in the dyads: an official is the official of the state
#: it is ``dg:officialOf``, an organization the organization of the state it is ``dg:stateOf`` (graph/extract/facts.py state_facts).
SERVING = ("Official", "Organization")
SERVES = (DG + "officialOf", DG + "stateOf")
_KEEP = frozenset([RDF_TYPE, RDFS_LABEL, ALT_LABEL, PUBLISHED, DERIVED, *STATEMENT, *SERVES]
                  + [DG + p for p in RELATIONS]
                  + [DG + p for p in ("eventType", "actor", "target", "relation", "date", "modality", "negated",
                                      "hedged", "evidence", "quote")])

KEEP = _KEEP  # the predicates the views read
Triples = dict[str, dict[str, list[str]]]


def _term(t) -> str:
    return ("_:" + str(t)) if isinstance(t, rdflib.BNode) else str(t)


def _rdflib_triples(g: rdflib.Graph) -> Iterator[tuple]:
    if isinstance(g, rdflib.ConjunctiveGraph):  # Dataset too: every named graph, context ignored
        return (q[:3] for q in g.quads((None, None, None, None)))
    return iter(g)


def resolve_file(source: str | Path) -> Path:
    """The RDF file behind a source: an OUT folder's graph.ttl (or .trig/.nq/.nt), or the file itself.

    Raises:
        InputError: Nothing readable there.
    """
    path = Path(source)
    if path.is_dir():
        for name in FILES:
            if (path / name).is_file():
                return path / name
        raise InputError(f"{path}: no graph.ttl in this folder (run `diplograph build` first)")
    if not path.is_file():
        raise InputError(f"{path}: no such file or folder")
    if _suffix(path) not in _FORMATS:
        raise InputError(f"{path}: not an RDF file (expected .ttl, .trig, .nq, .nq.gz or .nt)")
    return path


def _value(t) -> str:
    return "_:" + t.value if isinstance(t, ox.BlankNode) else t.value


def _suffix(path: Path) -> str:
    name = path.name.lower()
    return ".nq.gz" if name.endswith(".nq.gz") else path.suffix.lower()


def _file_triples(path: Path, out: Triples) -> None:
    import gzip

    fmt = _FORMATS[_suffix(path)]
    try:
        quads = ox.parse(input=gzip.open(path, "rb"), format=fmt, lenient=True) if _suffix(path) == ".nq.gz" \
            else ox.parse(path=str(path), format=fmt, lenient=True)
        for q in quads:
            p = q.predicate.value
            if p in _KEEP:
                out[_value(q.subject)][p].append(_value(q.object))
    except (SyntaxError, OSError, EOFError) as exc:
        raise InputError(f"{path}: cannot parse RDF: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}") from None


def read_triples(source) -> Triples:
    """Group the triples diplograph views need by subject: ``{s: {p: [o, ...]}}`` as plain strings."""
    out: Triples = defaultdict(lambda: defaultdict(list))
    if not isinstance(source, rdflib.Graph):
        _file_triples(resolve_file(source), out)
        return out
    for s, p, o in _rdflib_triples(source):
        p = _term(p)
        if p in _KEEP:
            out[_term(s)][p].append(_term(o))
    return out


def _first(props: dict[str, list[str]], p: str) -> str | None:
    values = props.get(p)
    if not values:
        return None
    return values[0] if len(values) == 1 else min(values)


def _truthy(value: str | None) -> bool:
    return value in ("true", "1")


def add_entities(G: nx.MultiDiGraph, data: Triples) -> None:
    for s, props in data.items():
        kinds = [local(t) for t in props.get(RDF_TYPE, ()) if t.startswith(DG) and local(t) in CORE_TYPES]
        if kinds:
            aliases = tuple(sorted(set(props.get(ALT_LABEL, ()))))
            G.add_node(s, type=min(kinds), label=_first(props, RDFS_LABEL) or local(s), aliases=aliases, state=None)
    for s in G:
        if G.nodes[s]["type"] == "State":
            G.nodes[s]["state"] = s
    for s in G:
        if G.nodes[s]["type"] in SERVING:
            props = data[s]
            serves = sorted(o for p in SERVES for o in props.get(p, ()) if G.nodes.get(o, {}).get("type") == "State")
            if serves:
                G.nodes[s]["state"] = serves[0]


def _ensure(G: nx.MultiDiGraph, node: str) -> None:
    if node not in G:
        G.add_node(node, type=None, label=local(node), aliases=(), state=None)


def _type_info(name: str | None, types: dict) -> tuple[float, str | None]:
    et = types.get(name) if name else None
    return (float(et.weight), str(et.quad_class)) if et is not None else (0.0, None)


def _doc_date(data: Triples, props: dict) -> str | None:
    docs = sorted(props.get(DERIVED, ()))
    return next((_first(data[d], PUBLISHED) for d in docs if d in data and _first(data[d], PUBLISHED)), None)


def _event_attrs(data: Triples, props: dict, types: dict) -> dict:
    name = local(_first(props, DG + "eventType") or "")
    weight, quad = _type_info(name, types)
    modality = local(_first(props, DG + "modality") or DG + "act")
    negated = _truthy(_first(props, DG + "negated"))
    evidence = tuple(sorted(props.get(DG + "evidence", ())))
    relation = _first(props, DG + "relation")
    return dict(kind="event", relation=local(relation) if relation else None, event_type=name or None,
                weight=weight, quad=quad, date=_first(props, DG + "date") or _doc_date(data, props),
                modality=modality, negated=negated, hedged=_truthy(_first(props, DG + "hedged")),
                counts=not negated and modality != "forecast", evidence=evidence,
                quote=next((_first(data[v], DG + "quote") for v in evidence if v in data), None))


def add_events(G: nx.MultiDiGraph, data: Triples, types: dict) -> None:
    """One edge per (actor, target) of each event; a symmetric event read twice from one span counts once.

    "Ivanov and Jiang met" may come out as Ivanov->Jiang and Jiang->Ivanov with the same evidence:
    one meeting, so the mirror (the larger IRI) is kept in the graph with ``counts=False``.
    """
    mirrors: set[tuple] = set()
    for e in sorted(s for s, props in data.items() if DG + "Event" in props.get(RDF_TYPE, ())):
        props = data[e]
        attrs = _event_attrs(data, props, types)
        for actor in sorted(props.get(DG + "actor", ())):
            for target in sorted(props.get(DG + "target", ())):
                _ensure(G, actor), _ensure(G, target)
                mirror = (attrs["event_type"], frozenset((actor, target)), attrs["evidence"], attrs["negated"])
                counts = attrs["counts"] and not (attrs["relation"] in SYMMETRIC and mirror in mirrors)
                mirrors.add(mirror)
                G.add_edge(actor, target, key=e, **{**attrs, "counts": counts})


def _fact_records(data: Triples) -> dict[tuple[str, str, str], list[str]]:
    records = defaultdict(list)
    for r, props in data.items():
        spo = [_first(props, p) for p in STATEMENT]
        if all(spo):
            records[tuple(spo)].append(r)
    return records


def pair_key(G: nx.MultiDiGraph, u: str, v: str, relation: str | None) -> tuple | None:
    """The state-level key of an interaction: (relation, state of u, state of v), unordered when symmetric."""
    a, b = G.nodes[u]["state"], G.nodes[v]["state"]
    if a is None or b is None or a == b:
        return None
    return (relation, *sorted((a, b))) if relation in SYMMETRIC else (relation, a, b)


def add_facts(G: nx.MultiDiGraph, data: Triples, types: dict) -> None:
    records = _fact_records(data)
    covered = {pair_key(G, u, v, d["relation"]) for u, v, d in G.edges(data=True) if d["kind"] == "event" and not d["negated"]}
    seen: set[tuple] = set()
    facts = sorted({(s, p, o) for s in G for p in RELATIONS for o in data[s].get(DG + p, ())})
    # State-level restatements first, so the fact kept of a lifted pair is the one between states.
    facts.sort(key=lambda f: (G.nodes[f[0]]["type"] != "State" or G.nodes.get(f[2], {}).get("type") != "State", f))
    for s, p, o in facts:
        _ensure(G, o)
        recs = sorted(records.get((s, DG + p, o), ()))
        dates = sorted(filter(None, (_doc_date(data, data[r]) for r in recs)))
        key = pair_key(G, s, o, p) if p in FACT_TYPES else None
        counts = key is not None and key not in covered and key not in seen
        seen.add(key)
        weight, quad = _type_info(FACT_TYPES.get(p), types)
        G.add_edge(s, o, key=DG + p, kind="fact", relation=p, event_type=FACT_TYPES.get(p), weight=weight,
                   quad=quad, date=dates[0] if dates else None, modality="act", negated=False, hedged=False,
                   counts=counts, evidence=tuple(recs), quote=None)


bulk = paused  # the name the views modules use


def event_types() -> dict:
    """The event type table (name -> EventType with ``.weight`` and ``.quad_class``) from the ontology."""
    from diplograph.ontology import event_types as table

    return table()


def load_graph(source: rdflib.Graph | str | Path, *, types: dict | None = None) -> nx.MultiDiGraph:
    """Read a diplograph graph into a ``MultiDiGraph`` of entities, events and direct facts.

    Args:
        source: An rdflib Graph or Dataset; an OUT folder holding graph.ttl; or a .ttl/.trig/.nq/.nt file.
        types: Event type table (defaults to the ontology's ``event_types()``).

    Raises:
        InputError: The source cannot be found or parsed.
    """
    with bulk():
        return _graph(read_triples(source), types, str(source) if isinstance(source, (str, Path)) else None)


def load_triples(triples: Iterable[tuple[str, str, str]], *, types: dict | None = None) -> nx.MultiDiGraph:
    """:func:`load_graph` from ``(s, p, o)`` value triples (IRIs, ``_:`` blank nodes, literal lexical forms).

    Only triples whose predicate is in :data:`KEEP` matter; the others are skipped.
    """
    with bulk():
        data: Triples = defaultdict(lambda: defaultdict(list))
        for s, p, o in triples:
            if p in _KEEP:
                data[s][p].append(o)
        return _graph(data, types, None)


def _distinct(data: Triples) -> Triples:
    """Drop repeated values: graph.ttl states a triple once per document block holding it."""
    for props in data.values():
        for p, values in props.items():
            if len(values) > 1:
                props[p] = sorted(set(values))
    return data


def _graph(data: Triples, types: dict | None, source: str | None) -> nx.MultiDiGraph:
    types = event_types() if types is None else types
    data = _distinct(data)
    G = nx.MultiDiGraph(source=source)
    add_entities(G, data)
    add_events(G, data, types)
    add_facts(G, data, types)
    return G
