"""The PLOVER-based event-type scheme: every type complete, every name resolving.

Where the reference copies of PLOVER's files are present (/work/shared/reference/plover), the
CAMEO roots are checked against the CAMEO-to-PLOVER table and every event name of PLOVER's gold
standard records must resolve; elsewhere those two tests are skipped.
"""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

import pytest
from rdflib import RDF, Literal, URIRef
from rdflib.namespace import SKOS

from diplograph.graph.iri import event_type_iri
from diplograph.ontology import EVENTTYPES_TTL, EventType, event_types, parse_turtle
from diplograph.ontology.namespace import DG, DGET

PLOVER = Path("/work/shared/reference/plover")
SCHEME = URIRef("https://w3id.org/diplograph/eventtype/scheme")
WEIGHTS = {
    "CONSULT": 1.0, "AGREE": 3.0, "SUPPORT": 3.5, "CONCEDE": 4.0, "COOPERATE": 6.0, "AID": 7.0,
    "RETREAT": 3.0, "INVESTIGATE": -2.0, "DEMAND": -3.0, "DISAPPROVE": -2.0, "REJECT": -4.0,
    "THREATEN": -6.0, "PROTEST": -6.5, "SANCTION": -7.0, "MOBILIZE": -7.0, "COERCE": -7.0,
    "ASSAULT": -9.0, "CRIME": -5.0,
}
QUAD = {  # as listed in /work/shared/reference/README.md
    "verbal_cooperation": {"AGREE", "CONSULT", "SUPPORT", "CONCEDE"},
    "material_cooperation": {"COOPERATE", "AID", "RETREAT", "INVESTIGATE"},
    "verbal_conflict": {"DEMAND", "DISAPPROVE", "REJECT", "THREATEN", "SANCTION"},
    "material_conflict": {"PROTEST", "CRIME", "MOBILIZE", "COERCE", "ASSAULT"},
}
RENAMED = [("DEMAND", "REQUEST"), ("DISAPPROVE", "ACCUSE"), ("ASSAULT", "FIGHT")]
# Names of the 2021 CAMEO-to-PLOVER table mapped to our concept names; its ACCUSE rows with the
# mode "investigate" (CAMEO root 09) are our INVESTIGATE.
TABLE_NAMES = {"REQUEST": "DEMAND", "ACCUSE": "DISAPPROVE"}


@pytest.fixture(scope="module")
def types() -> list[EventType]:
    return sorted({et.name: et for et in event_types().values()}.values(), key=lambda e: e.name)


def test_eventtypes_one_concept_per_plover_type(types):
    assert [et.name for et in types] == sorted(WEIGHTS)


@pytest.mark.parametrize("name", sorted(WEIGHTS))
def test_eventtypes_concept_is_complete(name):
    graph = parse_turtle(EVENTTYPES_TTL)
    node = DGET[name]
    assert (node, RDF.type, DG.EventType) in graph and (node, RDF.type, SKOS.Concept) in graph
    assert (node, SKOS.inScheme, SCHEME) in graph and (node, SKOS.topConceptOf, SCHEME) in graph
    assert (SCHEME, SKOS.hasTopConcept, node) in graph
    for prop in (SKOS.prefLabel, SKOS.definition):
        values = list(graph.objects(node, prop))
        assert len(values) == 1 and values[0].language == "en", (name, prop)
    assert len(list(graph.objects(node, DG.quadClass))) == 1
    weight = graph.value(node, DG.weight)
    assert isinstance(weight, Literal) and weight.datatype == URIRef("http://www.w3.org/2001/XMLSchema#decimal")


@pytest.mark.parametrize("name", sorted(WEIGHTS))
def test_eventtypes_weight_and_quad_class(name):
    et = event_types()[name]
    assert et.weight == WEIGHTS[name]
    assert name in QUAD[et.quad_class]
    assert len(et.definition) > 40


def test_eventtypes_weights_sign_follows_cooperation_except_investigate(types):
    # INVESTIGATE is material cooperation in PLOVER's quad classes, yet an inquiry into someone's
    # conduct is mildly hostile: its weight is the one deliberate exception.
    for et in types:
        cooperative = et.quad_class.endswith("cooperation")
        assert (et.weight > 0) == cooperative or et.name == "INVESTIGATE", et.name


def test_eventtypes_cameo_roots(types):
    for et in types:
        assert all(re.fullmatch(r"[0-9]{2}", r) for r in et.cameo_roots), et.name
        assert bool(et.cameo_roots) == (et.name != "CRIME"), et.name
    roots = {et.name: et.cameo_roots for et in types}
    assert roots["CONSULT"] == ("04",) and roots["ASSAULT"] == ("17", "18", "19", "20")


@pytest.mark.skipif(not (PLOVER / "CAMEO2PLOVER-2021.txt").exists(), reason="PLOVER reference absent")
def test_eventtypes_cameo_roots_match_plover_table(types):
    expected: dict[str, set[str]] = {}
    for line in (PLOVER / "CAMEO2PLOVER-2021.txt").read_text(encoding="utf-8").splitlines():
        match = re.match(r"^(\d{3,4}):\s*([A-Z]+)\s*,\s*([a-z-]*)", line)
        if match:
            code, name, mode = match.groups()
            name = "INVESTIGATE" if mode == "investigate" else TABLE_NAMES.get(name, name)
            expected.setdefault(name, set()).add(code[:2])
    assert {et.name: set(et.cameo_roots) for et in types if et.cameo_roots} == expected


@pytest.mark.skipif(not (PLOVER / "PLOVER_GSR_CAMEO.json").exists(), reason="PLOVER reference absent")
def test_eventtypes_every_gold_standard_name_resolves():
    records = json.loads((PLOVER / "PLOVER_GSR_CAMEO.json").read_text(encoding="utf-8"))
    names = {r["event"] for r in records if r["event"] != "DOCUMENT"}
    assert len(names) == 18
    assert sorted(n for n in names if n not in event_types()) == []


@pytest.mark.parametrize("name, other", RENAMED)
def test_eventtypes_both_names_of_renamed_types_resolve(name, other):
    table = event_types()
    assert table[name] is table[other]
    assert table[other].name == name and table[other].label == name
    assert other in table[name].alt_labels
    assert table[other].iri == str(DGET[name]) == event_type_iri(name)


def test_eventtypes_iris_match_iri_minting(types):
    for et in types:
        assert et.iri == event_type_iri(et.name)


def test_eventtypes_records_are_frozen_and_table_is_a_copy():
    table = event_types()
    with pytest.raises(dataclasses.FrozenInstanceError):
        table["AID"].weight = 0.0  # type: ignore[misc]
    table.pop("AID")
    assert "AID" in event_types()
