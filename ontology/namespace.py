"""Closed namespaces for the diplograph ontology, and the fixed prefix bindings.

GENERATED from ontology/diplograph.ttl by diplograph.ontology.render_namespace_module(): do not
edit by hand. Edit the Turtle, then run
    python -c "from diplograph.ontology import write_namespace_module; write_namespace_module()"
(tests/test_ontology_lint.py fails while the two disagree).
"""

from __future__ import annotations

from rdflib import Graph
from rdflib.namespace import DefinedNamespace, Namespace
from rdflib.term import URIRef


class DG(DefinedNamespace):
    """The diplograph ontology (https://w3id.org/diplograph/ontology#)."""

    _fail = True

    # classes
    Accord: URIRef  # Accord
    Actor: URIRef  # Actor
    Agreement: URIRef  # Agreement
    ArmedGroup: URIRef  # Armed group
    Charter: URIRef  # Charter
    Company: URIRef  # Company
    Declaration: URIRef  # Declaration
    Document: URIRef  # Document
    Dyad: URIRef  # Dyad
    DyadSlice: URIRef  # Dyad slice
    Event: URIRef  # Event
    EventType: URIRef  # Event type
    Evidence: URIRef  # Evidence
    GovernmentBody: URIRef  # Government body
    IntergovernmentalOrganization: URIRef  # Intergovernmental organization
    MediaOutlet: URIRef  # Media outlet
    Modality: URIRef  # Modality
    NonGovernmentalOrganization: URIRef  # Non-governmental organization
    Official: URIRef  # Official
    Organization: URIRef  # Organization
    PoliticalParty: URIRef  # Political party
    State: URIRef  # State
    Treaty: URIRef  # Treaty
    Triangle: URIRef  # Triangle
    TriangleSlice: URIRef  # Triangle slice
    View: URIRef  # View

    # object properties
    actor: URIRef  # actor
    basedOn: URIRef  # based on
    cites: URIRef  # cites
    criticizes: URIRef  # criticizes
    document: URIRef  # document
    eventType: URIRef  # event type
    evidence: URIRef  # evidence
    joins: URIRef  # joins
    member: URIRef  # member
    memberOf: URIRef  # member of
    met: URIRef  # met
    modality: URIRef  # modality
    officialOf: URIRef  # official of
    outsider: URIRef  # outsider
    partyTo: URIRef  # party to
    pivot: URIRef  # pivot
    relation: URIRef  # relation
    signed: URIRef  # signed
    sliceOf: URIRef  # slice of
    stateOf: URIRef  # state of
    supports: URIRef  # supports
    target: URIRef  # target
    withdrawsFrom: URIRef  # withdraws from

    # datatype properties
    balanced: URIRef  # balanced
    cameoCode: URIRef  # CAMEO code
    cameoRoot: URIRef  # CAMEO root
    confidence: URIRef  # confidence
    date: URIRef  # date
    end: URIRef  # end
    eventCount: URIRef  # event count
    hedged: URIRef  # hedged
    isoCode: URIRef  # ISO code
    negated: URIRef  # negated
    origin: URIRef  # origin
    period: URIRef  # period
    quadClass: URIRef  # quad class
    quote: URIRef  # quote
    roleTitle: URIRef  # role title
    score: URIRef  # score
    sentence: URIRef  # sentence
    sha256: URIRef  # SHA-256
    sign: URIRef  # sign
    start: URIRef  # start
    triangleClass: URIRef  # triangle class
    trigger: URIRef  # trigger
    weight: URIRef  # weight

    # individuals
    act: URIRef  # act
    assessment: URIRef  # assessment
    forecast: URIRef  # forecast
    statement: URIRef  # statement

    _NS = Namespace("https://w3id.org/diplograph/ontology#")


DGET = Namespace("https://w3id.org/diplograph/eventtype/")
DGID = Namespace("https://w3id.org/diplograph/id/")

# The fixed prefix bindings of graph/DESIGN.md, in its order: every serialisation uses them.
PREFIXES: tuple[tuple[str, str], ...] = (
    ("dg", "https://w3id.org/diplograph/ontology#"),
    ("dgid", "https://w3id.org/diplograph/id/"),
    ("dget", "https://w3id.org/diplograph/eventtype/"),
    ("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
    ("rdfs", "http://www.w3.org/2000/01/rdf-schema#"),
    ("owl", "http://www.w3.org/2002/07/owl#"),
    ("xsd", "http://www.w3.org/2001/XMLSchema#"),
    ("skos", "http://www.w3.org/2004/02/skos/core#"),
    ("prov", "http://www.w3.org/ns/prov#"),
    ("org", "http://www.w3.org/ns/org#"),
    ("schema", "http://schema.org/"),
    ("dct", "http://purl.org/dc/terms/"),
    ("wd", "http://www.wikidata.org/entity/"),
)


def bind_prefixes(graph: Graph) -> Graph:
    """Bind the fixed prefixes on ``graph`` (replacing rdflib's defaults) and return it."""
    for prefix, iri in PREFIXES:
        graph.bind(prefix, iri, override=True, replace=True)
    return graph
