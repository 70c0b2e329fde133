"""Meetings and agreements of several states at once (sentences written for these tests)."""

from __future__ import annotations

from itertools import combinations

import pytest
from diplograph.graph.extract import extract
from diplograph.graph.model import Document, PartialDate


def facts(text: str, gaz) -> set[tuple[str, str, str]]:
    x = extract(Document(id="t", text=text, date=PartialDate.parse("2004-03-01")), gaz)
    return {(f.s, f.p, f.o) for f in x.facts}


def met(text: str, gaz) -> set[frozenset[str]]:
    return {frozenset((s, o)) for s, p, o in facts(text, gaz) if p == "met"}


def each_pair(*ids: str) -> set[frozenset[str]]:
    return {frozenset(c) for c in combinations(ids, 2)}


@pytest.mark.parametrize("sentence, parties", [
    ("The foreign ministers of Egypt, Jordan and Iraq met in Amman on Monday.", ("egypt", "jordan", "iraq")),
    ("Leaders of Chile and Peru held talks in Lima on Tuesday.", ("chile", "peru")),
    ("Chile, Peru and Bolivia met in La Paz on Friday.", ("chile", "peru", "bolivia")),
])
def test_extract_multilateral_meeting_pairs_every_party(gaz, sentence, parties):
    assert each_pair(*parties) <= met(sentence, gaz)


@pytest.mark.parametrize("sentence", [
    "Egypt hosted talks between Israel and Jordan on Sunday.",
    "Talks between Israel and Jordan, hosted by Egypt, ended on Sunday.",
    "Egypt hosted Israeli and Jordanian officials on Sunday for talks.",
    "Egypt brought Israel and Jordan together in Cairo last week.",
    "Egypt has brought the Israeli and Jordanian foreign ministers together.",
])
def test_extract_multilateral_host_met_each_guest(gaz, sentence):
    assert each_pair("egypt", "israel", "jordan") <= met(sentence, gaz)


@pytest.mark.parametrize("sentence", [
    "Egypt will host talks between Israel and Jordan next week.",
    "Egypt hosted the Jordanian king on Sunday.",
    "Egypt will bring Israel and Jordan together next week.",
    "Egypt did not bring Israel and Jordan together.",
])
def test_extract_multilateral_planned_or_lone_hosting_is_no_meeting_of_host(gaz, sentence):
    assert not {frozenset(("egypt", "israel")), frozenset(("egypt", "jordan"))} & met(sentence, gaz)


@pytest.mark.parametrize("sentence", [
    "The crisis brought Israel and Jordan closer together.",
    "The war brought Iran and Syria together.",
])
def test_extract_multilateral_figurative_bringing_together_is_no_meeting(gaz, sentence):
    assert met(sentence, gaz) == set()


def test_extract_multilateral_venue_is_no_host(gaz):
    pairs = met("The summit in Oslo brought Israel, Egypt and Jordan together.", gaz)
    assert each_pair("egypt", "israel", "jordan") <= pairs
    assert not any("norway" in p for p in pairs)


@pytest.mark.parametrize("verb", ["signed", "initialled", "initialed"])
def test_extract_multilateral_signatories_each_sign_and_are_parties(gaz, verb):
    got = facts(f"Egypt, Jordan and Iraq {verb} the Amman accord on Monday.", gaz)
    for state in ("egypt", "jordan", "iraq"):
        assert (state, "signed", "agreement/amman-accord") in got
        assert (state, "partyTo", "agreement/amman-accord") in got


def test_extract_multilateral_agreed_accord_makes_each_a_party(gaz):
    got = facts("Egypt, Jordan and Iraq agreed the Amman accord on Monday.", gaz)
    assert {(s, "partyTo", "agreement/amman-accord") for s in ("egypt", "jordan", "iraq")} <= got
    assert not any(p == "signed" for _, p, _ in got)


@pytest.mark.parametrize("sentence", [
    "Egypt, Jordan and Iraq agreed the talks should resume.",
    "Egypt, Jordan and Iraq agreed to sign the Amman accord next year.",
])
def test_extract_multilateral_agreed_without_a_concluded_accord_is_no_party(gaz, sentence):
    assert not any(p == "partyTo" for _, p, _ in facts(sentence, gaz))


@pytest.mark.parametrize("sentence", [
    "Chile, Peru and Bolivia agreed a new fisheries accord on Monday.",
    "Chile, Peru and Bolivia agreed on a fisheries accord on Monday.",
])
def test_extract_multilateral_agreed_an_unnamed_accord_makes_each_a_party(gaz, sentence):
    parties = {s for s, p, o in facts(sentence, gaz) if p == "partyTo" and o.startswith("agreement/")}
    assert parties == {"chile", "peru", "bolivia"}
