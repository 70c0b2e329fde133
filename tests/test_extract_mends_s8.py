"""Extractor mends of session 8: a date or time phrase opening a sentence is never an official's
name, an agreement's subject stops before a date, an envoy's posting sits between title and name.

Sentences written for these tests.
"""

from __future__ import annotations

import pytest

from diplograph.graph.extract import extract
from diplograph.graph.model import Document, PartialDate


def run(text: str, gaz):
    return extract(Document(id="t", text=text, date=PartialDate.parse("2001-03-01")), gaz)


def facts(x) -> set[tuple[str, str, str]]:
    return {(f.s, f.p, f.o) for f in x.facts}


def discovered(x) -> set[str]:
    """Labels of the entities the gazetteer does not know."""
    return {e.label for e in x.entities if e.discovered}


# --- time phrases are not names -------------------------------------------------------------------------------

@pytest.mark.parametrize("opening", ["On Monday", "On Sunday", "Last Friday", "In March", "Late On Tuesday",
                                     "Earlier This Year", "Yesterday", "On 12 March", "Last Week"])
def test_mends_time_phrase_before_title_is_not_an_official(gaz, opening):
    x = run(f"{opening}, Russian Ambassador to the United Nations Sergey Lavrov received the envoy.", gaz)
    assert not any(e.type == "Official" for e in x.entities if e.discovered)
    assert not any(f[0].startswith("official/") for f in facts(x))
    # the real official after the title is still read, with the title and the state from the text
    assert {("sergey_lavrov", "officialOf", "russia"), ("sergey_lavrov", "roleTitle", "Ambassador")} <= facts(x)


def test_mends_time_phrase_before_appositive_name_is_dropped_from_the_name(gaz):
    x = run("On Monday Peter Hollings, the British ambassador, left Moscow.", gaz)
    people = {m.text for m in x.mentions if m.type == "Official"}
    assert people == {"Peter Hollings"}
    assert "On Monday Peter Hollings" not in discovered(x)


def test_mends_appositive_name_without_time_phrase_still_found(gaz):
    x = run("Peter Hollings, the British ambassador, left Moscow on Monday.", gaz)
    assert "Peter Hollings" in discovered(x)
    assert ("official/peter-hollings", "officialOf", "united_kingdom") in facts(x)


def test_mends_name_spelt_like_a_month_still_a_name(gaz):
    """A month starts a time phrase only after a preposition: "April Glaspie" is a person."""
    x = run("April Glaspie, the US ambassador, met Tariq Aziz.", gaz)
    assert any(m.text == "April Glaspie" and m.type == "Official" for m in x.mentions)


def test_mends_weekday_never_continues_a_name_after_a_title(gaz):
    x = run("Pakistani Ambassador Riaz Khokhar Monday said talks would resume.", gaz)
    names = {m.text for m in x.mentions if m.type == "Official"}
    assert "Riaz Khokhar" in names and not any("Monday" in n for n in names)


# --- envoys posted to an organization ---------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["The Russian ambassador to NATO, Sergei Kislyak, met Colin Powell.",
                                  "Russian Ambassador to NATO Sergei Kislyak met Colin Powell."])
def test_mends_posting_between_title_and_name(gaz, text):
    x = run(text, gaz)
    assert ("sergei_kislyak", "roleTitle", "Ambassador") in facts(x)
    assert ("sergei_kislyak", "met", "colin_powell") in facts(x)
    assert not any(f[0] == "nato" and f[1] == "met" for f in facts(x))


def test_mends_posting_without_a_name_keeps_the_office(gaz):
    x = run("The Russian ambassador to NATO, Germany and France met.", gaz)
    assert not any(e.type == "Official" for e in x.entities)


# --- agreements end before a date -------------------------------------------------------------------------------

@pytest.mark.parametrize("tail", ["on Saturday", "last week", "yesterday", "in March", "on 4 May"])
def test_mends_agreement_subject_stops_before_a_date(gaz, tail):
    x = run(f"China and Russia signed a memorandum on border security {tail}.", gaz)
    assert {e.label for e in x.entities if e.type == "Agreement"} == {"memorandum on border security"}


def test_mends_agreement_named_after_a_year_keeps_its_name(gaz):
    x = run("Japan and Korea signed the Agreement on the Year of Friendship of Japan.", gaz)
    assert any(e.label.startswith("Agreement on the Year of Friendship") for e in x.entities)


# --- a capital after a trigger's own preposition is the target, not a place ------------------------------------

def events(x) -> set[tuple[str, str | None, str | None]]:
    return {(e.event_type, e.actor, e.target) for e in x.events}


@pytest.mark.parametrize(("text", "event"), [
    ("The Georgian president lashed out at Moscow.", ("DISAPPROVE", "eduard_shevardnadze", "russia")),
    ("Georgia fired at Moscow.", ("ASSAULT", "georgia", "russia")),
])
def test_mends_capital_after_trigger_preposition_is_the_target(gaz, text, event):
    x = run(text, gaz)
    moscow = [m for m in x.mentions if m.text == "Moscow"]
    assert moscow and not moscow[0].place
    assert "russia" in {e.id for e in x.entities}
    assert event in events(x)


@pytest.mark.parametrize("text", ["The talks at Moscow ended without a statement.",
                                  "The president arrived in Moscow for talks.",
                                  "China held talks with Japan in Moscow."])
def test_mends_capital_after_place_preposition_stays_a_place(gaz, text):
    x = run(text, gaz)
    assert [m.place for m in x.mentions if m.text == "Moscow"] == [True]
    assert not any("russia" in (e.actor, e.target) for e in x.events)


def test_mends_meeting_with_a_long_titled_envoy_reaches_the_name(gaz):
    """"talks with Russian Ambassador to the United Nations X": the envoy is met, not Russia or the UN."""
    x = run("Iranian Supreme Leader Ali Khamenei held talks with Russian Ambassador to the United Nations "
            "Sergey Lavrov in Tehran.", gaz)
    assert ("CONSULT", "ali_khamenei", "sergey_lavrov") in events(x)
    assert not any(e.actor == "un" or e.target in ("un", "russia") for e in x.events)


def test_mends_meeting_with_far_group_after_plain_words_is_not_reached(gaz):
    x = run("Japan held talks with the leaders of several small island nations including Fiji.", gaz)
    assert not any(e.event_type == "CONSULT" and e.target == "fiji" for e in x.events)
