"""Actor and target mends (session 9, last round): a consultation "on Z" is about Z, not with it
(roles.py); a time phrase is no governor of a purpose infinitive's object (purpose.py); "by Y"
after a trigger phrase ending in a noun names the noun's maker, not the agent (roles.by_maker, for
events.py to read).
Sentences are our own."""

from __future__ import annotations

import pytest
from diplograph.graph.extract import extract
from diplograph.graph.extract.lexicon import default_rules
from diplograph.graph.extract.parse import parse
from diplograph.graph.extract.purpose import governor
from diplograph.graph.extract.roles import by_maker
from diplograph.graph.model import Document, PartialDate
from extract_helpers import read, triples


def _extract(gazetteer, text: str):
    return read(text, gazetteer, PartialDate(2011, 3, 2))


def _events(gazetteer, text: str) -> set[tuple]:
    return triples(_extract(gazetteer, text))


def _met(gazetteer, text: str) -> set[tuple[str, str]]:
    return {(f.s, f.o) for f in _extract(gazetteer, text).facts if f.p == "met" and f.origin == "text"}


@pytest.mark.parametrize("text", [
    "Russia and China negotiated on Iran.",
    "Russia and China held talks on Iran last week.",
    "Russia and China consulted about Iran on Monday.",
    "Russia and China conferred over Iran's nuclear programme.",
])
def test_consultation_topic_is_no_party(gazetteer, text):
    met = _met(gazetteer, text)
    assert ("russia", "china") in met
    assert not any("iran" in pair for pair in met)


@pytest.mark.parametrize("text, pair", [
    ("Russia met on Monday with China.", ("russia", "china")),
    ("France conferred on Syria with Germany.", ("france", "germany")),
    ("France negotiated with Germany on Syria.", ("france", "germany")),
])
def test_with_group_still_met(gazetteer, text, pair):
    met = _met(gazetteer, text)
    assert pair in met
    assert not any("syria" in p for p in met)


@pytest.mark.parametrize("text, word, verb", [
    ("Russia called Thursday on Ukraine to withdraw its troops.", "Ukraine", "called"),
    ("Russia urged last week Ukraine to withdraw its troops.", "Ukraine", "urged"),
    ("Russia appealed on Monday to Ukraine to withdraw its troops.", "Ukraine", "appealed"),
])
def test_governor_steps_back_over_a_time(gazetteer, text, word, verb):
    p = parse(Document(id="a", text=text), gazetteer, default_rules())
    k = p.words.index(word)
    assert governor(p, k, 0) == verb


def test_called_on_after_a_time_makes_the_object_act(gazetteer):
    events = _events(gazetteer, "Russia called Thursday on Ukraine to withdraw its troops.")
    assert ("DEMAND", "russia", "ukraine") in events
    assert not any(e[0] == "RETREAT" and e[1] == "russia" for e in events)


def test_passive_by_agent_still_acts(gazetteer):
    assert ("DISAPPROVE", "france", "iraq") in _events(gazetteer, "Iraq was condemned by France.")


def _maker(gazetteer, text: str, word: str) -> bool:
    rules = default_rules()
    p = parse(Document(id="a", text=text), gazetteer, rules)
    hit = next(h for h in p.triggers if p.lower[h.i] == word)
    return by_maker(p, hit, rules.trigger(hit.id))


@pytest.mark.parametrize("text, word, made", [
    ("Iraq violated a ban by General Colin Powell.", "violated", True),
    ("Iraq defied an embargo by the United Nations.", "defied", True),
    ("Iraq was condemned by France.", "condemned", False),  # a passive: "by" names the actor
    ("The attack by Iraq on Kuwait was condemned.", "attack", False),  # a noun trigger
])
def test_by_after_a_trigger_ending_in_a_noun_names_its_maker(gazetteer, text, word, made):
    assert _maker(gazetteer, text, word) is made


@pytest.mark.parametrize("text, event", [
    ("Jean-Bertrand Aristide has been accused of corruption, of drug trafficking and of plotting a coup against "
     "the elected government, by Haitian officials.", ("DISAPPROVE", "haiti", "jean_bertrand_aristide")),
    ("Iraq was condemned for its long campaign of raids on villages in the north of the country last year, "
     "by France.", ("DISAPPROVE", "france", "iraq")),
])
def test_far_by_agent_after_a_comma(gazetteer, text, event):
    assert event in _events(gazetteer, text)


@pytest.mark.parametrize("text", [
    # the "by" belongs to another clause: the condemnation's actor stays unknown
    "Iraq was condemned at a meeting of foreign ministers in the north of the country in the spring of last "
    "year, which was attended by France.",
    "Iraq was condemned for its long campaign of raids on villages in the north of the country, which were "
    "planned, by France.",
])
def test_far_by_of_another_clause_is_not_taken(gazetteer, text):
    assert not any(e[0] == "DISAPPROVE" and e[1] for e in _events(gazetteer, text))


def test_a_ban_by_someone_is_not_the_agent_of_its_violation(gazetteer):
    # "by" after the noun ending the trigger names who made the ban; Iraq, the subject, violated it
    ex = extract(Document(id="t", text="Iraq violated a ban by General Colin Powell.", date=PartialDate(2002, 5, 4)),
                 gazetteer)
    assert ("REJECT", "iraq", "colin_powell") in {(e.event_type, e.actor, e.target) for e in ex.events}
    assert not [e for e in ex.events if e.actor == "colin_powell"]
