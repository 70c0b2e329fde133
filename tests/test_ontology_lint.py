"""Lint the ontology files: the checks whose absence let bugs into the W3C ORG ontology.

Every dg: term is declared, labelled, commented and defined by the ontology; properties have a
domain and a range; no object property has an xsd: range; every predicate and every standard
term used really exists; the contract terms of graph/DESIGN.md are all there; namespace.py is
what the Turtle generates.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import rdflib
from rdflib import OWL, RDF, RDFS, Literal, Namespace, URIRef
from rdflib import namespace as rns
from rdflib.namespace import DCTERMS, FOAF, ORG, PROV, SH, SKOS, VANN

from diplograph.graph.errors import DataFileError
from diplograph.ontology import (
    EVENTTYPES_TTL,
    ONTOLOGY_TTL,
    SHAPES_TTL,
    declared_terms,
    load_ontology,
    parse_turtle,
    render_namespace_module,
)
from diplograph.ontology.namespace import DG, PREFIXES, bind_prefixes

ROOT = Path(__file__).resolve().parents[1]
DESIGN_MD = ROOT / "graph" / "DESIGN.md"
DG_NS = "https://w3id.org/diplograph/ontology#"
ONTOLOGY_IRI = URIRef("https://w3id.org/diplograph/ontology")
# A plain Namespace: pytest probes module globals, and rdflib's open XSD/SDO classes warn on that.
XSD = Namespace(str(rns.XSD))

# The standard terms diplograph's Turtle files use, by hand; each is also checked against
# rdflib's own generated namespace for that vocabulary.
STANDARD = {
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#": (
        {"type", "Property", "Statement", "first", "rest", "nil", "langString", "subject", "predicate", "object"},
        RDF,
    ),
    "http://www.w3.org/2000/01/rdf-schema#": (
        {"label", "comment", "isDefinedBy", "domain", "range", "subClassOf", "subPropertyOf", "Literal"},
        RDFS,
    ),
    "http://www.w3.org/2002/07/owl#": (
        {"Ontology", "Class", "ObjectProperty", "DatatypeProperty", "SymmetricProperty", "NamedIndividual",
         "versionIRI", "versionInfo", "unionOf", "oneOf", "equivalentClass"},
        OWL,
    ),
    "http://www.w3.org/2001/XMLSchema#": (
        {"string", "boolean", "decimal", "integer", "date", "gYearMonth", "gYear"},
        rns.XSD,
    ),
    "http://www.w3.org/2004/02/skos/core#": (
        {"Concept", "ConceptScheme", "prefLabel", "altLabel", "definition", "scopeNote", "inScheme",
         "topConceptOf", "hasTopConcept"},
        SKOS,
    ),
    "http://www.w3.org/ns/org#": ({"Organization", "FormalOrganization", "memberOf", "identifier", "linkedTo"}, ORG),
    "http://www.w3.org/ns/prov#": (
        {"Agent", "Person", "Entity", "wasDerivedFrom", "wasQuotedFrom", "specializationOf", "value"},
        PROV,
    ),
    "http://schema.org/": (
        {"Country", "GovernmentOrganization", "NewsMediaOrganization", "NGO", "Corporation", "Person",
         "Organization", "CreativeWork"},
        rns.SDO,
    ),
    "http://xmlns.com/foaf/0.1/": ({"Agent", "Person", "Document"}, FOAF),
    "http://purl.org/dc/terms/": ({"title", "description", "license", "creator", "source", "references"}, DCTERMS),
    "http://purl.org/vocab/vann/": ({"preferredNamespacePrefix", "preferredNamespaceUri"}, VANN),
    "http://www.w3.org/ns/shacl#": (
        {"NodeShape", "targetClass", "property", "path", "minCount", "maxCount", "datatype", "or", "in",
         "nodeKind", "IRI", "class", "message", "minInclusive", "maxInclusive", "lessThanOrEquals", "pattern"},
        SH,
    ),
}
# Our own namespaces and the few external resources the files point at.
OWN = ("https://w3id.org/diplograph/ontology#", "https://w3id.org/diplograph/eventtype/",
       "https://w3id.org/diplograph/shapes#")
EXTERNAL = {str(ONTOLOGY_IRI), "https://w3id.org/diplograph/ontology/0.1.0",
            "https://spdx.org/licenses/MIT", "https://github.com/openeventdata/PLOVER"}

CLASSES = ["Actor", "State", "Official", "Organization", "IntergovernmentalOrganization", "GovernmentBody",
           "MediaOutlet", "NonGovernmentalOrganization", "Company", "ArmedGroup", "PoliticalParty", "Agreement", "Treaty", "Declaration",
           "Charter", "Accord", "Document", "Event", "Evidence", "Dyad", "DyadSlice", "Triangle",
           "TriangleSlice", "Modality", "EventType"]
OBJECT_PROPERTIES = ["officialOf", "memberOf", "partyTo", "signed", "met", "withdrawsFrom", "joins",
                     "criticizes", "supports", "cites", "actor", "target", "eventType", "relation", "modality",
                     "evidence", "document", "member", "pivot", "outsider", "basedOn", "sliceOf"]
DATATYPE_PROPERTIES = ["roleTitle", "date", "confidence", "negated", "hedged", "balanced", "trigger", "quote",
                       "sentence", "start", "end", "eventCount", "sign", "score", "triangleClass", "period",
                       "origin", "isoCode", "sha256", "weight", "quadClass", "cameoRoot", "cameoCode"]
INDIVIDUALS = ["act", "statement", "assessment", "forecast"]
RANGES = {
    "roleTitle": XSD.string, "date": RDFS.Literal, "confidence": XSD.decimal, "negated": XSD.boolean,
    "hedged": XSD.boolean, "balanced": XSD.boolean, "trigger": XSD.string, "quote": XSD.string,
    "sentence": XSD.integer, "start": XSD.integer, "end": XSD.integer, "eventCount": XSD.integer,
    "sign": XSD.string, "score": XSD.decimal, "triangleClass": XSD.string, "period": XSD.string,
    "origin": XSD.string, "isoCode": XSD.string, "sha256": XSD.string, "weight": XSD.decimal,
    "quadClass": XSD.string, "cameoRoot": XSD.string, "cameoCode": XSD.string, "relation": RDF.Property, "cites": DG.Organization,
    "document": DG.Document, "basedOn": DG.Event, "eventType": DG.EventType, "modality": DG.Modality,
    "evidence": DG.Evidence, "actor": DG.Actor, "member": DG.Actor,
}
SUBCLASSES = [
    ("State", DG.Actor), ("Official", DG.Actor), ("Organization", DG.Actor),
    ("IntergovernmentalOrganization", DG.Organization), ("GovernmentBody", DG.Organization),
    ("MediaOutlet", DG.Organization), ("NonGovernmentalOrganization", DG.Organization),
    ("Company", DG.Organization), ("ArmedGroup", DG.Organization), ("PoliticalParty", DG.Organization),
    ("PoliticalParty", ORG.FormalOrganization), ("Treaty", DG.Agreement), ("Declaration", DG.Agreement),
    ("Charter", DG.Agreement), ("Accord", DG.Agreement), ("DyadSlice", DG.Dyad),
    ("TriangleSlice", DG.Triangle), ("EventType", SKOS.Concept), ("Organization", ORG.Organization),
    ("State", ORG.FormalOrganization), ("State", URIRef("http://schema.org/Country")),
    ("MediaOutlet", URIRef("http://schema.org/NewsMediaOrganization")),
    ("GovernmentBody", URIRef("http://schema.org/GovernmentOrganization")), ("Official", FOAF.Person),
    ("Official", URIRef("http://schema.org/Person")), ("Document", PROV.Entity), ("Evidence", PROV.Entity),
]
FILES = [ONTOLOGY_TTL, EVENTTYPES_TTL, SHAPES_TTL]


@pytest.fixture(scope="module")
def onto() -> rdflib.Graph:
    return parse_turtle(ONTOLOGY_TTL)


@pytest.fixture(scope="module")
def terms(onto) -> list[URIRef]:
    return [DG[name] for names in declared_terms(onto).values() for name in names]


def _iris(graph: rdflib.Graph) -> set[URIRef]:
    return {t for triple in graph for t in triple if isinstance(t, URIRef)}


def _en(graph: rdflib.Graph, node: URIRef, prop: URIRef) -> list[Literal]:
    return [v for v in graph.objects(node, prop) if isinstance(v, Literal) and v.language == "en"]


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_ontology_files_parse(path):
    assert len(parse_turtle(path)) > 50


def test_ontology_parse_error_names_file_and_line(tmp_path):
    bad = tmp_path / "bad.ttl"
    bad.write_text("@prefix dg: <https://w3id.org/diplograph/ontology#> .\n\ndg:a dg:b ;; .\n", encoding="utf-8")
    with pytest.raises(DataFileError) as info:
        parse_turtle(bad)
    assert info.value.line == 3 and str(bad) in str(info.value)


def test_ontology_header(onto):
    header = {p: o for p, o in onto.predicate_objects(ONTOLOGY_IRI)}
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in onto
    assert header[OWL.versionIRI] == URIRef("https://w3id.org/diplograph/ontology/0.1.0")
    assert header[DCTERMS.title].language == "en" and header[DCTERMS.description].language == "en"
    assert header[DCTERMS.license] == URIRef("https://spdx.org/licenses/MIT")
    assert str(header[DCTERMS.creator]) == "diplograph"
    assert str(header[VANN.preferredNamespacePrefix]) == "dg"
    assert str(header[VANN.preferredNamespaceUri]) == DG_NS


def test_ontology_every_term_labelled_commented_defined(onto, terms):
    assert len(terms) > 70
    for term in terms:
        assert len(_en(onto, term, RDFS.label)) == 1, term
        assert len(_en(onto, term, RDFS.comment)) == 1, term
        assert list(onto.objects(term, RDFS.isDefinedBy)) == [ONTOLOGY_IRI], term


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_ontology_every_dg_iri_used_is_declared(path, terms):
    used = {t for t in _iris(parse_turtle(path)) if str(t).startswith(DG_NS)}
    assert used - set(terms) == set()


def test_ontology_properties_have_domain_and_range(onto):
    for kind in (OWL.ObjectProperty, OWL.DatatypeProperty):
        for prop in onto.subjects(RDF.type, kind):
            assert len(list(onto.objects(prop, RDFS.domain))) == 1, prop
            assert len(list(onto.objects(prop, RDFS.range))) == 1, prop


def test_ontology_no_object_property_with_xsd_range(onto):
    for prop in onto.subjects(RDF.type, OWL.ObjectProperty):
        for rng in onto.objects(prop, RDFS.range):
            assert not str(rng).startswith(str(XSD)) and rng != RDFS.Literal, prop


def test_ontology_datatype_properties_have_literal_range(onto):
    for prop in onto.subjects(RDF.type, OWL.DatatypeProperty):
        rng = onto.value(prop, RDFS.range)
        assert str(rng).startswith(str(XSD)) or rng == RDFS.Literal, prop


@pytest.mark.parametrize("path", [ONTOLOGY_TTL, EVENTTYPES_TTL], ids=lambda p: p.name)
def test_ontology_every_predicate_known(path, onto):
    """Catches misspelt annotations such as rdfs:commenet: every predicate is ours or listed."""
    ours = set(onto.subjects(RDF.type, OWL.ObjectProperty)) | set(onto.subjects(RDF.type, OWL.DatatypeProperty))
    for pred in {p for _, p, _ in parse_turtle(path)}:
        ns, name = _split(pred)
        assert pred in ours or (ns in STANDARD and name in STANDARD[ns][0]), pred


def _split(iri: URIRef) -> tuple[str, str]:
    match = re.match(r"(.*[#/])([^#/]*)$", str(iri))
    assert match, iri
    return match.group(1), match.group(2)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_ontology_every_standard_term_exists(path):
    for iri in _iris(parse_turtle(path)):
        if str(iri).startswith(OWN) or str(iri) in EXTERNAL:
            continue
        ns, name = _split(iri)
        assert ns in STANDARD, f"unknown vocabulary: {iri}"
        hand, generated = STANDARD[ns]
        assert name in hand, f"not in the hand list of real terms: {iri}"
        assert name in generated or name in dir(generated), f"rdflib's {generated} has no {name}"


@pytest.mark.parametrize(
    "names, kind",
    [(CLASSES, OWL.Class), (OBJECT_PROPERTIES, OWL.ObjectProperty),
     (DATATYPE_PROPERTIES, OWL.DatatypeProperty), (INDIVIDUALS, DG.Modality)],
    ids=["classes", "object-properties", "datatype-properties", "modalities"],
)
def test_ontology_contract_terms_declared(onto, names, kind):
    missing = [n for n in names if (DG[n], RDF.type, kind) not in onto]
    assert missing == []


def test_ontology_contract_ranges_and_subclasses(onto):
    for name, rng in RANGES.items():
        assert onto.value(DG[name], RDFS.range) == rng, name
    for name, sup in SUBCLASSES:
        assert (DG[name], RDFS.subClassOf, sup) in onto, (name, sup)
    assert (DG.met, RDF.type, OWL.SymmetricProperty) in onto
    assert (DG.officialOf, RDFS.subPropertyOf, ORG.memberOf) in onto
    assert (DG.basedOn, RDFS.subPropertyOf, PROV.wasDerivedFrom) in onto


def test_ontology_declares_every_dg_term_of_design_md():
    used = set(re.findall(r"\bdg:([A-Za-z_][A-Za-z0-9_]*)", DESIGN_MD.read_text(encoding="utf-8")))
    assert len(used) > 30
    assert sorted(n for n in used if n not in DG) == []


def test_ontology_namespace_module_is_generated():
    committed = (ROOT / "ontology" / "namespace.py").read_text(encoding="utf-8")
    assert committed == render_namespace_module(), "regenerate with write_namespace_module()"


def test_ontology_dg_namespace_is_closed(terms):
    assert {DG[str(t)[len(DG_NS):]] for t in terms} == set(terms)
    assert DG.met == URIRef(DG_NS + "met")
    with pytest.raises(AttributeError):
        DG.mett  # noqa: B018
    with pytest.raises(AttributeError):
        DG.Orgnization  # noqa: B018


def test_ontology_prefixes_follow_design_md():
    rows = re.findall(r"^\| ([a-z, ]+) \| (\S+) \|$", DESIGN_MD.read_text(encoding="utf-8"), re.M)
    order = [p.strip() for names, _ in rows if names != "prefix" for p in names.split(",")]
    assert [p for p, _ in PREFIXES] == order
    iris = {names: iri for names, iri in rows}
    for prefix, iri in PREFIXES:
        assert iris.get(prefix, iri) == iri


def test_ontology_bind_prefixes_replaces_rdflib_defaults():
    graph = bind_prefixes(rdflib.Graph())
    graph.add((URIRef("https://w3id.org/diplograph/id/russia"), RDF.type, URIRef("http://schema.org/Country")))
    text = graph.serialize(format="turtle")
    assert "@prefix schema: <http://schema.org/> ." in text
    assert "dgid:russia a schema:Country" in text


def test_ontology_load_ontology_merges_both_files_and_copies():
    graph = load_ontology()
    assert (DG.met, RDF.type, OWL.SymmetricProperty) in graph
    assert (URIRef("https://w3id.org/diplograph/eventtype/CONSULT"), RDF.type, DG.EventType) in graph
    graph.remove((DG.met, None, None))
    assert (DG.met, RDF.type, OWL.SymmetricProperty) in load_ontology()
