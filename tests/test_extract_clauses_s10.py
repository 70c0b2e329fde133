"""Actors and targets across clauses (session 10): a second clause's own subject, a passive's subject
shared by the verb coordinated with it, an entry whose object acts ("won the support of Y"), criticism
of an act done inside a state, an ally as the target, and a sentence ending in a name kept whole with
its full stop ("Hun Sen.").

Sentences are our own.
"""

from __future__ import annotations

import pytest

from diplograph.graph.errors import DataFileError
from diplograph.graph.extract.lexicon import default_rules, load_cues
from diplograph.graph.extract.parse import parse
from diplograph.graph.model import Document, PartialDate
from extract_helpers import core_facts, read, triples


def test_second_clause_after_and_takes_its_own_subject(gaz):
    ex = read("France criticized Italy over the ship, and Spain accused Rome of breaking the rules.", gaz)
    assert ("spain", "criticizes", "italy") in core_facts(ex)
    assert ("DISAPPROVE", "spain", "italy") in triples(ex)


def test_verb_after_and_without_subject_still_shares_the_first_subject(gaz):
    ex = read("Germany met Poland and later held talks with Austria.", gaz)
    assert ("germany", "met", "austria") in core_facts(ex)


@pytest.mark.parametrize("text, actor, verb", [
    ("Iraq was condemned by the Arab League and later withdrew from the talks.", "iraq", "withdrew from"),
    ("The Croatian foreign minister was criticized by Hungary and will resign next week.", "croatia", "resign"),
])
def test_verb_coordinated_with_a_passive_takes_its_subject_not_the_agent(gaz, text, actor, verb):
    ex = read(text, gaz)
    assert {e.actor for e in ex.events if e.trigger == verb} == {actor}


@pytest.mark.parametrize("text, state", [
    ("Canada condemned the crackdown in Venezuela.", "venezuela"),
    ("Norway denounced the killings in Myanmar.", "myanmar"),
    ("Sweden sharply criticized the arrests of journalists in Belarus on Monday.", "belarus"),
])
def test_criticism_of_an_act_inside_a_state_is_aimed_at_it(gaz, text, state):
    ex = read(text, gaz)
    critic = next(f.s for f in ex.facts if f.p == "criticizes")
    assert (critic, "criticizes", state) in core_facts(ex)


def test_criticism_of_an_attack_inside_a_state_is_not_aimed_at_it(gaz):
    assert not [f for f in core_facts(read("Germany condemned the attack in Iraq.", gaz)) if f[1] == "criticizes"]


@pytest.mark.parametrize("text, supporter, supported", [
    ("Armenia won the support of France.", "france", "armenia"),
    ("Chile drew praise from Peru.", "peru", "chile"),
    ("Serbia secured Russia's backing.", "russia", "serbia"),
    ("Kenya leaned on Uganda for backing.", "uganda", "kenya"),
    ("Ecuador enjoys the backing of Brazil in the dispute.", "brazil", "ecuador"),
    ("Peru reopened its border, drawing praise from Chile.", "chile", "peru"),
])
def test_support_won_from_the_object_runs_from_the_object(gaz, text, supporter, supported):
    facts = core_facts(read(text, gaz))
    assert (supporter, "supports", supported) in facts
    assert (supported, "supports", supporter) not in facts


def test_support_not_won_asserts_nothing_and_a_won_election_is_no_support(gaz):
    assert not core_facts(read("Colombia did not win the support of Venezuela.", gaz))
    assert not [e for e in read("Chile won the election in a landslide.", gaz).events if e.event_type == "SUPPORT"]


def test_support_noun_of_another_verb_is_not_won(gaz):
    facts = core_facts(read("Spain won the election and pledged support for Ukraine.", gaz))
    assert ("ukraine", "supports", "spain") not in facts
    assert ("spain", "supports", "ukraine") in facts


def test_support_with_from_runs_from_its_giver(gaz):
    facts = core_facts(read("France won the vote, with support from Germany.", gaz))
    assert ("germany", "supports", "france") in facts and ("france", "supports", "germany") not in facts


def test_turned_entries_are_data_with_a_direction(gaz):
    trig = default_rules().trigger("support_received")
    assert trig.direction == "target->actor" and trig.object == "support_won_object"


def test_an_ally_is_the_target_not_its_owner(gaz):
    ex = read("Turkey shelled Russia's allies in Syria.", gaz)
    assert not [e for e in ex.events if e.event_type == "ASSAULT" and e.target == "russia"]


def _sentences(gaz, text: str) -> list[tuple[str, ...]]:
    p = parse(Document(id="t", text=text, date=PartialDate(2020, 5, 4)), gaz, default_rules())
    return [p.words[i:j] for i, j in p.sents]


def test_sentence_ends_after_a_name_whose_last_word_keeps_the_stop(gaz):
    sents = _sentences(gaz, "The summit was chaired by Hun Sen. Thailand and Vietnam met on the sidelines.")
    assert len(sents) == 2 and sents[0][-1] == "Sen."
    ex = read("The summit was chaired by Hun Sen. Thailand and Vietnam met on the sidelines.", gaz)
    assert not [e for e in ex.events if "hun_sen" in (e.actor, e.target) and e.event_type == "CONSULT"
                and e.trigger == "met"]


@pytest.mark.parametrize("text", [
    "U.S. President Biden met Hun Sen. in Phnom Penh.",
    "The U.S. Senate met on Monday.",
])
def test_no_sentence_break_inside_a_sentence(gaz, text):
    assert len(_sentences(gaz, text)) == 1


def test_a_cue_kind_twice_is_an_error(tmp_path):
    path = tmp_path / "cues.jsonl"
    path.write_text('{"kind": "a", "words": ["x"]}\n{"kind": "a", "words": ["y"]}\n', encoding="utf-8")
    with pytest.raises(DataFileError, match="duplicate kind"):
        load_cues(path)
