"""Groupings of states named as one actor ("the Baltic states", "the six powers"): each member
gets the relation, as of the document's date; organizations with agency are not expanded."""

from __future__ import annotations

import json
from datetime import date

import pytest

from diplograph.graph import rdf
from diplograph.graph.extract import extract, groupings
from diplograph.graph.extract.spans import Span
from diplograph.graph.model import Document, Extraction, PartialDate
from diplograph.ontology.gazetteer import FOLDER, load

CORE = {"met", "signed", "criticizes", "supports", "withdrawsFrom", "joins", "partyTo"}
BALTIC = {"estonia", "latvia", "lithuania"}
SIX = {"china", "france", "germany", "russia", "united_kingdom", "united_states"}


@pytest.fixture(scope="module")
def gazetteer():
    return load()


def read(text: str, gazetteer, on: str = "2016-01-05") -> Extraction:
    return extract(Document(id="t", text=text, date=PartialDate.parse(on)), gazetteer)


def core(ex: Extraction) -> set[tuple[str, str, str]]:
    return {(f.s, f.p, f.o) for f in ex.facts if f.p in CORE}


def test_extract_groupings_target_is_each_member(gazetteer):
    ex = read("Russia sharply criticized the Baltic states on Tuesday.", gazetteer)
    assert core(ex) == {("russia", "criticizes", s) for s in BALTIC}
    # a descriptive grouping is no entity of its own, and its name is no alias of a member
    assert {e.id for e in ex.entities} == BALTIC | {"russia"}
    assert all(not e.aliases for e in ex.entities if e.id in BALTIC)


def test_extract_groupings_actor_is_each_member(gazetteer):
    ex = read("Gulf Arab states condemned Iran on Sunday.", gazetteer)
    members = {"bahrain", "kuwait", "oman", "qatar", "saudi_arabia", "united_arab_emirates"}
    assert core(ex) == {(s, "criticizes", "iran") for s in members}


def test_extract_groupings_apposition_is_not_doubled(gazetteer):
    ex = read("Moscow criticized the Baltic states, Estonia, Latvia and Lithuania, on Tuesday.", gazetteer)
    assert sorted((e.actor, e.target) for e in ex.events) == [("russia", s) for s in sorted(BALTIC)]


def test_extract_groupings_named_format_stays_an_entity(gazetteer):
    ex = read("Iran held talks with the six powers in Geneva on Monday.", gazetteer, "2013-11-04")
    assert {("iran", "met", s) for s in SIX} <= core(ex)
    assert ("iran", "met", "e3_plus_3") in core(ex)
    assert "e3_plus_3" in {e.id for e in ex.entities}
    assert {(s, "memberOf", "e3_plus_3") for s in SIX} <= {(f.s, f.p, f.o) for f in ex.facts}


def test_extract_groupings_members_are_one_side_when_another_party_is_named(gazetteer):
    ex = read("Iranian Foreign Minister Mohammad Javad Zarif met the P5+1 in Vienna.", gazetteer, "2014-07-14")
    pairs = {(e.actor, e.target) for e in ex.events if e.relation == "met"}
    assert pairs == {("mohammad_javad_zarif", s) for s in SIX}


def test_extract_groupings_members_of_a_grouping_alone_relate_to_each_other(gazetteer):
    ex = read("The two Koreas held talks in Panmunjom on Friday.", gazetteer, "2018-04-27")
    assert ("north_korea", "met", "south_korea") in core(ex)


def test_extract_groupings_members_signing_together_are_parties(gazetteer):
    ex = read("Iran and the E3+3 signed the Joint Plan of Action in Geneva.", gazetteer, "2013-11-24")
    parties = {f.s for f in ex.facts if f.p == "partyTo"}
    assert SIX | {"iran"} <= parties


@pytest.mark.parametrize("on, members", [
    ("1990-03-01", {"iran", "soviet_union"}),
    ("2003-03-01", {"azerbaijan", "iran", "kazakhstan", "russia", "turkmenistan"}),
])
def test_extract_groupings_members_as_of_the_document_date(gazetteer, on, members):
    ex = read("The Caspian states criticized the plan of the oil companies.", gazetteer, on)
    assert {e.actor for e in ex.events} == members


def test_extract_groupings_before_the_members_existed_nothing_is_read(gazetteer):
    ex = read("The Baltic states criticized Moscow on Tuesday.", gazetteer, "1985-03-01")
    assert not ex.events and not {e.id for e in ex.entities} & (BALTIC | {"baltic_states"})


@pytest.mark.parametrize("text, pair", [
    ("Russia criticized NATO on Tuesday.", ("russia", "nato")),
    ("The Nordic Council criticized Russia on Sunday.", ("nordic_council", "russia")),
    ("China criticized the European Union on Sunday.", ("china", "eu")),
])
def test_extract_groupings_organizations_with_agency_are_not_expanded(gazetteer, text, pair):
    ex = read(text, gazetteer)
    assert core(ex) == {(pair[0], "criticizes", pair[1])}


def test_extract_groupings_expand_keeps_a_named_span_and_replaces_a_descriptive_one(gazetteer):
    six = Span(0, 2, 0, 14, 0, "Organization", "alias", ("e3_plus_3",), eid="e3_plus_3",
               subtype="IntergovernmentalOrganization")
    nordic = Span(3, 5, 19, 36, 0, "Organization", "label", ("nordic_countries",), eid="nordic_countries")
    nato = Span(6, 7, 41, 45, 0, "Organization", "alias", ("nato",), eid="nato")
    out = groupings.expand([six, nordic, nato], gazetteer, date(2016, 1, 5))
    assert [s.eid for s in out] == ["e3_plus_3", *sorted(SIX), "denmark", "finland", "iceland", "norway",
                                    "sweden", "nato"]
    members = [s for s in out if s.kind == groupings.KIND]
    assert all(s.type == "State" and s.candidates == (s.eid,) and s.subtype is None for s in members)
    assert groupings.one_mention(out[0], out[1]) and groupings.one_mention(out[1], out[2])
    assert not groupings.one_mention(out[1], out[7]) and not groupings.one_mention(out[0], None)


def test_extract_groupings_undated_text_takes_current_members(gazetteer):
    assert groupings.members_on(gazetteer, "p5", None) == sorted(["china", "france", "russia", "united_kingdom",
                                                                 "united_states"])
    assert groupings.members_on(gazetteer, "p5", date(1980, 1, 1)) == sorted(
        ["soviet_union", "china", "france", "united_kingdom", "united_states"])


def test_extract_groupings_gazetteer_marks_only_sets_of_states(gazetteer):
    rows = [json.loads(line) for line in (FOLDER / "organizations.jsonl").read_text(encoding="utf-8").splitlines()]
    marked = {r["id"]: r for r in rows if "grouping" in r}
    assert {"e3_plus_3", "baltic_states", "nordic_countries", "central_asian_states", "koreas"} <= set(marked)
    for rid, rec in marked.items():
        assert rec["grouping"] in groupings.GROUPINGS, rid
        assert rec["members"] and all(gazetteer.type_of(m["state"]) == "State" for m in rec["members"]), rid
    for rid in ("nato", "eu", "un", "sco", "gcc", "csto", "brics", "g7", "unsc"):
        assert groupings.grouping_of(gazetteer, rid) is None, rid


def test_extract_groupings_rdf_is_deterministic(gazetteer):
    text = "Iran and the six powers held talks. Russia criticized the Baltic states, Estonia and Latvia."
    first, second = (rdf.to_nquads(read(text, gazetteer), gazetteer) for _ in range(2))
    assert first == second and b"/estonia>" in first and b"baltic_states" not in first
