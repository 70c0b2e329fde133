"""The diplograph ontology, its event-type scheme and its SHACL shapes, as data files.

* ``diplograph.ttl``: the OWL ontology (classes, properties, modalities), namespace ``dg:``.
* ``eventtypes.ttl``: the PLOVER-based SKOS scheme of event types, namespace ``dget:``.
* ``shapes.ttl``: the SHACL shapes every exported graph must satisfy.

This package sits at the bottom of the house: it reads only its own files and imports nothing
from :mod:`diplograph.graph` but the error types. ``namespace.py`` is generated from
``diplograph.ttl`` by :func:`render_namespace_module` (ontology/generate.py); a test checks the two
agree.

Example:
    >>> from diplograph.ontology import event_types, load_ontology
    >>> event_types()["ACCUSE"].name
    'DISAPPROVE'
    >>> len(load_ontology()) > 0
    True
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

import rdflib
from rdflib import OWL, RDF, RDFS, SKOS, Literal, URIRef
from rdflib.plugins.parsers.notation3 import BadSyntax

from diplograph.graph.errors import DataFileError

HERE = Path(__file__).resolve().parent
ONTOLOGY_TTL = HERE / "diplograph.ttl"
EVENTTYPES_TTL = HERE / "eventtypes.ttl"
SHAPES_TTL = HERE / "shapes.ttl"
NAMESPACE_PY = HERE / "namespace.py"

DG_IRI = "https://w3id.org/diplograph/ontology#"
DGET_IRI = "https://w3id.org/diplograph/eventtype/"
ONTOLOGY_IRI = URIRef("https://w3id.org/diplograph/ontology")
_DG = rdflib.Namespace(DG_IRI)

# Kinds of term, in the order namespace.py lists them.
TERM_KINDS = (
    (OWL.Class, "classes"),
    (OWL.ObjectProperty, "object properties"),
    (OWL.DatatypeProperty, "datatype properties"),
    (OWL.NamedIndividual, "individuals"),
)


@dataclass(frozen=True)
class EventType:
    """One concept of the event-type scheme.

    Attributes:
        name: The local name of its IRI ("DISAPPROVE"); the name events use.
        label: Its skos:prefLabel.
        alt_labels: Its other names ("ACCUSE"), sorted.
        quad_class: verbal_cooperation, material_cooperation, verbal_conflict or material_conflict.
        weight: Cooperation (+) / conflict (-) weight on a -10..+10 scale.
        cameo_roots: Two-digit CAMEO root codes mapping to it, sorted (empty for CRIME).
        iri: The concept IRI.
        definition: Its skos:definition.
    """

    name: str
    label: str
    alt_labels: tuple[str, ...]
    quad_class: str
    weight: float
    cameo_roots: tuple[str, ...]
    iri: str
    definition: str = ""


def parse_turtle(path: Path, graph: rdflib.Graph | None = None) -> rdflib.Graph:
    """Parse one Turtle file into ``graph`` (a new one by default).

    Raises:
        DataFileError: On a syntax error, naming the file and the 1-based line.
    """
    graph = rdflib.Graph() if graph is None else graph
    try:
        return graph.parse(path, format="turtle")
    except BadSyntax as exc:
        raise DataFileError(str(path), exc.lines + 1, f"Turtle syntax error: {exc._why}") from None


@functools.lru_cache(maxsize=1)
def _ontology() -> rdflib.Graph:
    graph = parse_turtle(ONTOLOGY_TTL)
    return parse_turtle(EVENTTYPES_TTL, graph)


@functools.lru_cache(maxsize=1)
def _shapes() -> rdflib.Graph:
    return parse_turtle(SHAPES_TTL)


def _copy(graph: rdflib.Graph) -> rdflib.Graph:
    from diplograph.ontology.namespace import bind_prefixes

    out = rdflib.Graph()
    for prefix, iri in graph.namespaces():
        out.bind(prefix, iri)
    out += graph
    return bind_prefixes(out)


def load_ontology() -> rdflib.Graph:
    """The ontology and the event-type scheme in one new graph (the caller may modify it)."""
    return _copy(_ontology())


def load_shapes() -> rdflib.Graph:
    """The SHACL shapes graph, as a new graph."""
    return _copy(_shapes())


@functools.lru_cache(maxsize=1)
def _background() -> rdflib.Graph:
    """What validation adds to the data: the class hierarchy and the event-type scheme."""
    graph = parse_turtle(EVENTTYPES_TTL)
    for sub, sup in parse_turtle(ONTOLOGY_TTL).subject_objects(RDFS.subClassOf):
        if isinstance(sub, URIRef) and isinstance(sup, URIRef):
            graph.add((sub, RDFS.subClassOf, sup))
    return graph


def validate(graph: rdflib.Graph) -> tuple[bool, str]:
    """Check ``graph`` against the SHACL shapes.

    A copy of the graph is validated together with the ontology's named rdfs:subClassOf axioms
    and the event-type scheme, with no inference: the subclass axioms let ``sh:targetClass
    dg:Dyad`` reach ``dg:DyadSlice`` nodes (SHACL follows rdfs:subClassOf in the data graph) and
    the scheme lets ``sh:class dg:EventType`` recognise ``dget:`` concepts, while RDFS inference,
    which would type nodes from property domains, stays off. (pySHACL's ``ont_graph`` is not
    used: it copies only OWL/RDFS declarations, so not the ``dget:`` concepts, and its deep copy
    of owl:NamedIndividual nodes runs for minutes once the scheme shares their graph.)

    Args:
        graph: The data graph; it is not modified.

    Returns:
        ``(conforms, report)``: the report is pySHACL's human-readable text.
    """
    import pyshacl

    data = rdflib.Graph()
    data += graph
    data += _background()
    conforms, _, text = pyshacl.validate(
        data, shacl_graph=_shapes(), inference="none", abort_on_first=False, allow_warnings=False
    )
    return bool(conforms), str(text)


def _literal(graph: rdflib.Graph, node: URIRef, prop: URIRef) -> str:
    value = graph.value(node, prop)
    if not isinstance(value, Literal):
        raise DataFileError(str(EVENTTYPES_TTL), 0, f"{node} has no {prop}")
    return str(value)


def _event_type(graph: rdflib.Graph, node: URIRef) -> EventType:
    return EventType(
        name=str(node)[len(DGET_IRI):],
        label=_literal(graph, node, SKOS.prefLabel),
        alt_labels=tuple(sorted(str(v) for v in graph.objects(node, SKOS.altLabel))),
        quad_class=_literal(graph, node, _DG.quadClass),
        weight=float(_literal(graph, node, _DG.weight)),
        cameo_roots=tuple(sorted(str(v) for v in graph.objects(node, _DG.cameoRoot))),
        iri=str(node),
        definition=_literal(graph, node, SKOS.definition),
    )


@functools.lru_cache(maxsize=1)
def _event_types() -> tuple[EventType, ...]:
    graph = parse_turtle(EVENTTYPES_TTL)
    nodes = sorted(n for n in graph.subjects(RDF.type, _DG.EventType) if isinstance(n, URIRef))
    return tuple(_event_type(graph, n) for n in nodes)


def event_types() -> dict[str, EventType]:
    """Every event type under each of its names: IRI name, preferred and alternative labels.

    ``DEMAND`` and ``REQUEST``, ``DISAPPROVE`` and ``ACCUSE``, ``ASSAULT`` and ``FIGHT`` map to
    the same :class:`EventType`. Keys are upper-case; the dict is a fresh copy.
    """
    out: dict[str, EventType] = {}
    for et in _event_types():
        for name in (et.name, et.label, *et.alt_labels):
            out.setdefault(name.upper(), et)
    return out


def declared_terms(graph: rdflib.Graph | None = None) -> dict[str, list[str]]:
    """Local names of the dg: terms declared in ``graph`` (default: diplograph.ttl), by kind."""
    graph = parse_turtle(ONTOLOGY_TTL) if graph is None else graph
    out: dict[str, list[str]] = {}
    for kind, title in TERM_KINDS:
        names = {str(s)[len(DG_IRI):] for s in graph.subjects(RDF.type, kind) if str(s).startswith(DG_IRI)}
        out[title] = sorted(names)
    return out


# Imported last: the generator reads this module's names (ontology/generate.py).
from diplograph.ontology.generate import render_namespace_module, write_namespace_module  # noqa: E402, F401

__all__ = [
    "EVENTTYPES_TTL",
    "ONTOLOGY_TTL",
    "SHAPES_TTL",
    "EventType",
    "declared_terms",
    "event_types",
    "load_ontology",
    "load_shapes",
    "parse_turtle",
    "render_namespace_module",
    "validate",
    "write_namespace_module",
]
