"""Meetings read from signings and from one host meeting several guests (sentences written for these tests)."""

from __future__ import annotations

import pytest

from diplograph.graph.extract import extract
from diplograph.graph.model import Document, PartialDate


def met(text: str, gaz) -> set[frozenset[str]]:
    x = extract(Document(id="t", text=text, date=PartialDate.parse("2004-03-01")), gaz)
    return {frozenset((f.s, f.o)) for f in x.facts if f.p == "met"}


def facts(text: str, gaz) -> set[tuple[str, str, str]]:
    x = extract(Document(id="t", text=text, date=PartialDate.parse("2004-03-01")), gaz)
    return {(f.s, f.p, f.o) for f in x.facts}


@pytest.mark.parametrize("sentence", ["Egypt and Jordan will sign a water accord next month.",
                                      "Egypt and Jordan are to sign a water accord next month."])
def test_extract_announced_signing_asserts_no_signature(gaz, sentence):
    assert {p for _, p, _ in facts(sentence, gaz)} & {"signed", "partyTo", "met"} == set()


def test_extract_cosigners_met_at_the_signing(gaz):
    assert frozenset(("egypt", "jordan")) in met("Egypt and Jordan signed a water accord in Cairo on Tuesday.", gaz)


@pytest.mark.parametrize("sentence", [
    "Egypt and Jordan will sign a water accord next month.",
    "Egypt and Jordan are to sign a water accord next month.",
    "Egypt and Jordan did not sign the water accord.",
])
def test_extract_announced_or_refused_signing_is_no_meeting(gaz, sentence):
    assert met(sentence, gaz) == set()


def test_extract_guests_of_one_meeting_met_each_other(gaz):
    pairs = met("Prime Minister Tony Blair met with his Italian and Spanish counterparts in Rome on Monday.", gaz)
    assert {frozenset(("italy", "spain")), frozenset(("tony_blair", "italy")),
            frozenset(("tony_blair", "spain"))} <= pairs


def test_extract_guest_named_apart_from_the_verb_is_not_a_fellow_guest(gaz):
    pairs = met("Prime Minister Tony Blair met the trade delegates at Downing Street on Monday, along with "
                "the foreign ministers of Italy and Spain.", gaz)
    assert frozenset(("tony_blair", "italy")) in pairs
    assert frozenset(("italy", "spain")) not in pairs


@pytest.mark.parametrize("sentence", [
    "A summit of Italy, Spain and Greece took place in Rome.",
    "Talks among Italy, Spain and Greece ended without a statement.",
])
def test_extract_summit_of_or_among_states_is_one_meeting(gaz, sentence):
    pairs = met(sentence, gaz)
    expected = {frozenset(("italy", "spain")), frozenset(("italy", "greece")), frozenset(("spain", "greece"))}
    assert expected <= pairs


def test_extract_meeting_of_one_organization_is_no_meeting_between_states(gaz):
    assert met("Italy hosted a meeting of the Arab League on Monday.", gaz) == set()
