"""Session 10, third round: linking bugs a reader would notice, each read in sentences of ours.

A month read as a person ("talks planned for May or June" is no Theresa May), every node an event
reaches typed and labelled, "the Commonwealth" told from the CIS by the states the text names, a
leader's "administration" (and an undated "President Bush") as his state, "Tripoli" read as
Lebanon's port beside "Lebanese", officials with their state (Moody Awori, Jose Eduardo dos Santos).
"""

from __future__ import annotations

import pytest

from diplograph.graph.model import PartialDate
from extract_helpers import read

ON = PartialDate(2017, 3, 1)


def linked(text: str, gaz, on: PartialDate | None = ON) -> set[tuple[str, str]]:
    """(surface, entity id) of every linked mention."""
    return {(m.text, m.entity_id) for m in read(text, gaz, on).mentions}


def ids(text: str, gaz, on: PartialDate | None = ON) -> set[str]:
    return {e.id for e in read(text, gaz, on).entities}


@pytest.mark.parametrize("text", [
    "Britain and France said talks are planned for May or June.",
    "The two governments hope to sign the accord by May, officials in London said.",
    "Elections are due in April or May, the British embassy said.",
    "A summit between Britain and Ireland was set for 4 May.",
    "Britain said the May deadline for the talks would hold.",
])
def test_a_month_is_no_person(gaz, text):
    assert "theresa_may" not in ids(text, gaz)


def test_a_month_after_the_full_name_is_still_a_month(gaz):
    text = "Theresa May met Angela Merkel in Berlin. Talks on trade are planned for May or June."
    assert [t for t, e in linked(text, gaz) if e == "theresa_may"] == ["Theresa May"]


@pytest.mark.parametrize("text", [
    "Prime Minister May met Angela Merkel in Berlin.",
    "Mrs May travelled to Paris on Monday.",
    "May said Britain would leave the customs union.",
    "Theresa May met Angela Merkel. May told reporters the talks went well.",
    "Germany criticised May's plan for the border.",
])
def test_a_month_word_with_a_title_a_given_name_or_a_verb_is_the_person(gaz, text):
    assert "theresa_may" in ids(text, gaz)


@pytest.mark.parametrize("text, on", [
    ("Iran agreed in Vienna to extend the talks.", PartialDate(2014, 11, 24)),
    ("Iran and the six powers agreed on Monday in Geneva to extend their talks.", PartialDate(2014, 11, 24)),
    ("The P5+1 met Iranian negotiators in Lausanne.", PartialDate(2015, 3, 30)),
])
def test_every_node_an_event_or_a_fact_reaches_is_an_entity(gaz, text, on):
    ex = read(text, gaz, on)
    entities = {e.id for e in ex.entities}
    reached = {x for e in ex.events for x in (e.actor, e.target) if x} | \
        {x for f in ex.facts if f.p != "roleTitle" for x in (f.s, f.o) if isinstance(x, str)}
    assert reached <= entities


def test_a_named_grouping_is_an_entity_beside_its_members(gaz):
    ex = read("Iran and the six world powers reached a deal on Tuesday.", gaz, PartialDate(2015, 7, 14))
    grouping = {e.id: e for e in ex.entities}.get("e3_plus_3")
    assert grouping is not None and grouping.type == "Organization" and grouping.label
    assert ("germany", "memberOf", "e3_plus_3") in {(f.s, f.p, f.o) for f in ex.facts}


@pytest.mark.parametrize("text, body", [
    ("Zimbabwe quit the Commonwealth on Sunday.", "commonwealth_of_nations"),
    ("The Commonwealth suspended Fiji after the coup.", "commonwealth_of_nations"),
    ("Kazakhstan hosted a summit of the Commonwealth.", "cis"),
])
def test_the_commonwealth_is_the_one_whose_members_the_text_names(gaz, text, body):
    assert {e for t, e in linked(text, gaz, PartialDate(2004, 1, 1)) if t.endswith("Commonwealth")} == {body}


def test_the_commonwealth_stays_unresolved_beside_members_of_both(gaz):
    assert not {"cis", "commonwealth_of_nations"} & ids("Russia and Britain discussed the Commonwealth.", gaz)


def test_a_leaving_member_of_the_commonwealth_is_read(gaz):
    found = {(f.s, f.p, f.o) for f in read("Zimbabwe quit the Commonwealth on Sunday.", gaz,
                                           PartialDate(2003, 12, 8)).facts}
    assert ("zimbabwe", "withdrawsFrom", "commonwealth_of_nations") in found


@pytest.mark.parametrize("text, on", [
    ("The Obama administration urged Syria to halt the shelling.", PartialDate(2012, 5, 1)),
    ("The Bush administration said on Monday that Japan must open its markets.", None),
    ("The Bush administration criticized Iran.", PartialDate(2004, 6, 1)),
])
def test_a_leaders_administration_is_his_state(gaz, text, on):
    ents = ids(text, gaz, on)
    assert "united_states" in ents and not {"barack_obama", "george_w_bush", "george_h_w_bush"} & ents


def test_an_undated_president_bush_is_the_united_states(gaz):
    found = {(f.s, f.p, f.o) for f in read("President Bush warned Russia against further moves.", gaz, None).facts}
    assert ("united_states", "criticizes", "russia") in found


@pytest.mark.parametrize("on", [None, PartialDate(2012, 1, 1)])
def test_a_former_president_is_not_his_state(gaz, on):
    assert "united_states" not in ids("Former President Bush criticized Russia.", gaz, on)


def test_a_president_bush_when_neither_was_in_office_is_still_the_united_states(gaz):
    assert "united_states" in ids("President Bush warned Russia.", gaz, PartialDate(2000, 1, 1))


def test_an_administration_of_no_leader_is_left_alone(gaz):
    assert "united_states" not in ids("The Rice administration of the college criticized Iran.", gaz)


@pytest.mark.parametrize("text, state", [
    ("Militias fought in Tripoli as shells hit the Lebanese port.", "lebanon"),
    ("Syria shelled the north Lebanese port of Tripoli on Monday.", "lebanon"),
    ("Tripoli rejected the demand from Washington.", "libya"),
    ("Libya said Tripoli would host the talks.", "libya"),
])
def test_tripoli_is_libyas_capital_unless_the_text_calls_it_lebanese(gaz, text, state):
    assert ("Tripoli", state) in linked(text, gaz, PartialDate(2008, 5, 1))


@pytest.mark.parametrize("text, on, official, state", [
    ("Vice-President Moody Awori refused to step down.", None, "moody_awori", "kenya"),
    ("Vice-President Moody Awori met the envoy.", PartialDate(2005, 6, 1), "moody_awori", "kenya"),
    ("President Jose Eduardo dos Santos received the envoy.", PartialDate(2001, 3, 1),
     "jose_eduardo_dos_santos", "angola"),
    ("Kenya's vice-president met Angola's leader. Dos Santos said Angola backs Kenya.", PartialDate(2005, 6, 1),
     "jose_eduardo_dos_santos", "angola"),
])
def test_officials_are_found_with_their_state(gaz, text, on, official, state):
    assert (official, "officialOf", state) in {(f.s, f.p, f.o) for f in read(text, gaz, on).facts}


@pytest.mark.parametrize("text, state", [
    ("Congolese troops crossed the border, the Democratic Republic of Congo said.",
     "democratic_republic_of_the_congo"),
    ("Congolese officials in Brazzaville denied the report.", "republic_of_the_congo"),
])
def test_congolese_is_the_congo_the_text_names(gaz, text, state):
    assert ("Congolese", state) in linked(text, gaz)


def test_congolese_alone_stays_unlinked(gaz):
    assert not any(t == "Congolese" for t, _ in linked("Congolese officials denied the report.", gaz))
