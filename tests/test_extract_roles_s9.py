"""Actor and target follow-ups (session 9, second round): "met Y, along with Z" names two guests
(roles.py), a quotation's speaker acts ('"Welcome," said X': voice.py), a relative clause on a deal
between parties has the deal as its subject (roles.py), an agreement named from inside the trigger
phrase is what the parties reach (facts.py), and background memberships live in background.py.
Sentences are our own."""

from __future__ import annotations

import pytest
from diplograph.graph.extract import background, facts
from diplograph.graph.extract.lexicon import default_rules
from diplograph.graph.extract.parse import parse
from diplograph.graph.extract.voice import attribution_start, quotations
from diplograph.graph.model import Document, PartialDate
from extract_helpers import read, triples


def _extract(gazetteer, text: str):
    return read(text, gazetteer, PartialDate(2011, 3, 2))


def _events(gazetteer, text: str) -> set[tuple]:
    return triples(_extract(gazetteer, text))


def _facts(gazetteer, text: str, pred: str) -> set[tuple[str, str]]:
    return {(f.s, f.o) for f in _extract(gazetteer, text).facts if f.p == pred and f.origin == "text"}


@pytest.mark.parametrize("text, guests", [
    ("Jiang Zemin met Vladimir Putin in Moscow on Tuesday, along with Nursultan Nazarbayev.",
     {"vladimir_putin", "nursultan_nazarbayev"}),
    ("Vladimir Putin met Hu Jintao on Monday together with the president of Kazakhstan.",
     {"hu_jintao", "nursultan_nazarbayev"}),
    # "met with Y and Z" is unchanged: the "with" group alone
    ("Vladimir Putin met with Hu Jintao and Nursultan Nazarbayev.", {"hu_jintao", "nursultan_nazarbayev"}),
])
def test_along_with_adds_a_guest(gazetteer, text, guests):
    met = _facts(gazetteer, text, "met")
    host = "vladimir_putin" if text.startswith("Vladimir") else "jiang_zemin"
    assert {o for s, o in met if s == host} == guests


def test_along_with_guests_did_not_meet_each_other(gazetteer):
    """Only the run of guests right after the verb sat together; "along with Z" is a second party."""
    met = _facts(gazetteer, "Jiang Zemin met Vladimir Putin in Moscow on Tuesday, along with Nursultan "
                            "Nazarbayev.", "met")
    assert not {("vladimir_putin", "nursultan_nazarbayev"), ("nursultan_nazarbayev", "vladimir_putin")} & met


@pytest.mark.parametrize("text, event", [
    ('"To the leaders of Estonia and Latvia I say: welcome to the alliance," said Colin Powell, '
     'the US secretary of state.', ("SUPPORT", "colin_powell", "estonia")),
    ('"We welcome the decision of Georgia," said Sergei Lavrov.', ("SUPPORT", "sergey_lavrov", "georgia")),
    ('"We strongly condemn Japan," Chinese Foreign Minister Wang Yi said on Monday.',
     ("DISAPPROVE", "wang_yi", "japan")),
])
def test_quoted_speaker_acts(gazetteer, text, event):
    found = _events(gazetteer, text)
    assert event in found
    assert not {e for e in found if e[0] == event[0] and e[1] != event[1]}


def test_names_in_the_quote_are_addressees(gazetteer):
    """'"To X I say: welcome," said Y': Y welcomes X, X welcomes no one (the quote runs over two
    sentences; the source clause follows its closing mark)."""
    text = '"To Estonia and Latvia I say: welcome. Welcome," said Colin Powell, the US secretary of state.'
    found = _events(gazetteer, text)
    assert {("SUPPORT", "colin_powell", "estonia"), ("SUPPORT", "colin_powell", "latvia")} <= found
    assert not {e for e in found if e[1] in ("estonia", "latvia")}


@pytest.mark.parametrize("text, event", [
    ('"Iran attacked Iraq," Colin Powell said.', ("ASSAULT", "iran", "iraq")),
    ('"Russia must withdraw from Georgia," said Condoleezza Rice.', ("DEMAND", "condoleezza_rice", "russia")),
])
def test_a_named_subject_in_the_quote_keeps_its_act(gazetteer, text, event):
    found = _events(gazetteer, text)
    assert event in found
    assert not {e for e in found if e[0] == "ASSAULT" and e[1] == "colin_powell"}


def test_source_clause_with_apposition(gazetteer):
    """', said X, the US secretary of state.': the source clause starts at the quote, not at the
    apposition's comma."""
    text = '"We welcome you," said Colin Powell, the US secretary of state.'
    p = parse(Document(id="a", text=text), gazetteer, default_rules())
    assert p.words[attribution_start(p, 0, [])] == '"'
    assert quotations(p) == [(0, p.words.index('"', 1))]


def test_deal_between_parties_is_the_relative_clause_subject(gazetteer):
    text = "Negotiators reached a deal between Germany, France and Iran on Sunday that calls on Iran to halt " \
           "enrichment."
    found = _events(gazetteer, text)
    assert not {e for e in found if e[0] == "DEMAND"}
    assert {e[1] for e in found if e[0] == "AGREE"} == {"germany", "france", "iran"}  # the deal is still read


def test_adopter_of_a_plan_stays_its_actor(gazetteer):
    """No name in the document's phrase: the actor who adopts it stands for it."""
    found = _events(gazetteer, "Germany approved a plan that condemns Iran.")
    assert ("DISAPPROVE", "germany", "iran") in found


def test_agreement_named_inside_the_trigger_phrase(gazetteer):
    text = "Russia and China reached an Agreement on Strategic Cooperation in Moscow."
    party = _facts(gazetteer, text, "partyTo")
    assert {s for s, o in party if o.startswith("agreement/agreement-on-strategic")} == {"russia", "china"}


def test_generic_deal_in_the_trigger_is_no_object(gazetteer):
    assert not _facts(gazetteer, "Germany and France reached a deal on Sunday.", "partyTo")


def test_background_facts_moved(gazetteer):
    """background.py holds the gazetteer memberships (facts.py re-exports the function)."""
    assert facts.background_facts is background.background_facts
    ex = _extract(gazetteer, "Estonia and Latvia attended the NATO summit.")
    member = {(f.s, f.o) for f in ex.facts if f.p == "memberOf" and f.origin == "gazetteer"}
    assert {("estonia", "nato"), ("latvia", "nato")} <= member
