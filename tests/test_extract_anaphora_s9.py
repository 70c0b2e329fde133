"""Subject pronouns stand for their antecedent, or for no one when unsure (anaphora.py); an
accusation told as a "that" clause is aimed at the clause's subject (claims.py)."""

from __future__ import annotations

import pytest
from diplograph.graph.extract import extract
from diplograph.graph.extract.anaphora import KIND, PRONOUN, pronoun_spans
from diplograph.graph.extract.lexicon import default_rules
from diplograph.graph.extract.parse import parse
from diplograph.graph.model import Document, PartialDate


def _events(gazetteer, text: str) -> set[tuple]:
    ex = extract(Document(id="a", text=text, date=PartialDate(2011, 3, 2)), gazetteer)
    return {(e.event_type, e.actor, e.target) for e in ex.events}


@pytest.mark.parametrize("text, event", [
    # the subject of a denied, reported or claimed clause is the governing verb's subject
    ("Syria denied Israeli accusations that it supports Hezbollah.", ("SUPPORT", "syria", "hezbollah")),
    ("Egypt dismissed Libyan reports that it had criticized Sudan.", ("DISAPPROVE", "egypt", "sudan")),
    # a sentence-opening pronoun is the previous sentence's subject
    ("France condemned Iran. On Monday, it imposed sanctions on Syria.", ("SANCTION", "france", "syria")),
    # a comma between two clauses does not make one group of their names
    ("After Iran attacked Iraq, Kuwait said it would support Iraq.", ("AGREE", "kuwait", "iraq")),
])
def test_pronoun_stands_for_its_antecedent(gazetteer, text, event):
    found = _events(gazetteer, text)
    assert event in found
    assert not {e for e in found if e[0] == event[0] and e[2] == event[2] and e[1] != event[1]}


@pytest.mark.parametrize("text, kind, actors", [
    ("Brazil and Argentina said they would sanction Paraguay.", "THREATEN", {"brazil", "argentina"}),
    ("The Chinese government said it would sanction Japan.", "THREATEN", {"china"}),
    ("Vladimir Putin said on Tuesday that he had criticized Japan.", "DISAPPROVE", {"vladimir_putin"}),
])
def test_agreeing_subjects(gazetteer, text, kind, actors):
    assert {a for k, a, _ in _events(gazetteer, text) if k == kind} == actors


def test_unsure_pronoun_gives_no_actor(gazetteer):
    """Two agreeing states before "it": the nearest one (Japan) is not taken for it."""
    found = _events(gazetteer, "Iran criticized Japan after it attacked Iraq.")
    assert ("DISAPPROVE", "iran", "japan") in found
    assert not [e for e in found if e[0] == "ASSAULT"]


def test_a_state_is_not_he(gazetteer):
    found = _events(gazetteer, "Kenya hosted Uganda in Nairobi. He later criticized Sudan.")
    assert not [e for e in found if e[0] == "DISAPPROVE"]


def test_addressee_is_obliged(gazetteer):
    found = _events(gazetteer, "France sent a stern reminder to Iraq that it must cooperate with Kuwait.")
    assert {("DEMAND", "france", "iraq"), ("COOPERATE", "iraq", "kuwait")} <= found


def test_expletive_it_is_no_blocker(gazetteer):
    assert ("ASSAULT", "iran", "israel") in _events(gazetteer, "It is likely that Iran attacked Israel.")


@pytest.mark.parametrize("text, event", [
    ("Syria denied Israeli accusations that it supports Hezbollah.", ("DISAPPROVE", "israel", "syria")),
    ("Rwanda condemned allegations by Uganda that it had attacked Congo.", ("DISAPPROVE", "uganda", "rwanda")),
])
def test_accusation_aims_at_the_clause_subject(gazetteer, text, event):
    assert event in _events(gazetteer, text)


def test_pronoun_spans_are_linked_or_blockers(gazetteer):
    rules = default_rules()
    text = "Japan and Peru met. They said it was ready. Chile said it would help."
    p = parse(Document(id="a", text=text), gazetteer, rules)
    from diplograph.graph.extract import find_spans, linking

    linked, _ = linking.link(p, find_spans(p, gazetteer, rules), gazetteer, None)
    found = pronoun_spans(p, linked, rules)
    by_word = [(p.words[s.i], s.type, s.eid) for s in found]
    assert all(s.kind == KIND and s.j == s.i + 1 for s in found)
    assert ("They", "State", "japan") in by_word and ("They", "State", "peru") in by_word
    assert ("it", PRONOUN, None) in by_word  # "it" after a plural subject: nobody sure
    assert ("it", "State", "chile") in by_word
    assert found == pronoun_spans(p, linked, rules)  # deterministic


@pytest.mark.parametrize("text, event, wrong", [
    ("Egypt praised Jordan, which has criticized Israel.", ("DISAPPROVE", "jordan", "israel"), "egypt"),
    ("Iraq welcomed Vladimir Putin, who has criticized Japan.", ("DISAPPROVE", "vladimir_putin", "japan"), "iraq"),
])
def test_relative_clause_acts_for_what_it_follows(gazetteer, text, event, wrong):
    """"X, who/which did Y": X did it, not the sentence's subject (roles.py)."""
    found = _events(gazetteer, text)
    assert event in found
    assert not [e for e in found if e[0] == event[0] and e[1] == wrong]
