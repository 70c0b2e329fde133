"""Session 9 event types: accusations aimed at their that-clause's subject, diplomats expelled as a
sanction, opposition as a rejection, aid cut or banned as a sanction, and new lexicon entries (all
sentences ours)."""

from __future__ import annotations

import pytest

from diplograph.graph.extract.lexicon import default_rules, expand_slots, load_triggers
from extract_helpers import core_facts, read, triples


@pytest.mark.parametrize("text, fact", [
    ("Iran rejected allegations by Iraq that Tehran had armed the rebels.", ("iraq", "criticizes", "iran")),
    ("Georgia voiced allegations that Russia had shelled the villages.", ("georgia", "criticizes", "russia")),
])
def test_accusation_aims_at_its_that_clause_subject(gaz, text, fact):
    assert fact in core_facts(read(text, gaz))


def test_allegation_verb_aims_at_its_that_clause_subject(gaz):
    ex = read("Rwanda alleged that France had trained the militias.", gaz)
    assert ("DISAPPROVE", "rwanda", "france") in triples(ex)


def test_accusation_after_a_comma_takes_no_clause_subject(gaz):
    ex = read("Georgia voiced accusations, and officials said that Russia had shelled the villages.", gaz)
    assert ("georgia", "criticizes", "russia") not in core_facts(ex)


def test_criticism_of_a_quoted_act_reaches_its_doer(gaz):
    ex = read('Poland on Monday condemned as "baseless" accusations by Belarus against its diplomats.', gaz)
    assert ("poland", "criticizes", "belarus") in core_facts(ex)


@pytest.mark.parametrize("text, kind", [
    ("Norway expelled three Iranian diplomats on Friday.", "SANCTION"),
    ("Norway expelled the Iranian ambassador.", "SANCTION"),
    ("Norway expelled Iranian nuclear inspectors.", "SANCTION"),
    ("Norway expelled three Iranian smugglers on Friday.", "COERCE"),
])
def test_expelling_diplomats_is_a_sanction(gaz, text, kind):
    assert (kind, "norway", "iran") in triples(read(text, gaz))


@pytest.mark.parametrize("text, event", [
    ("Kazakhstan finally came to terms with China over the water dispute.", ("SUPPORT", "kazakhstan", "china")),
    ("Chile is pushing hard for Peru to accept the ruling.", ("DEMAND", "chile", "peru")),
    ("Turkey eased its naval blockade of Cyprus.", ("RETREAT", "turkey", "cyprus")),
    ("Israel is opposed to French mediation.", ("REJECT", "israel", "france")),
    ("Japan delivered two tons of medicine to Nepal.", ("AID", "japan", "nepal")),
    ("Cuba pressured Venezuela to cut oil prices.", ("DEMAND", "cuba", "venezuela")),
    ("Britain summoned the Russian ambassador on Monday.", ("DISAPPROVE", "united_kingdom", "russia")),
    ("Russia annexed parts of Georgia.", ("ASSAULT", "russia", "georgia")),
    ("Syria shot down a Turkish jet.", ("ASSAULT", "syria", "turkey")),
    ("Eritrea violated the fragile truce with Ethiopia.", ("ASSAULT", "eritrea", "ethiopia")),
])
def test_new_lexicon_entries(gaz, text, event):
    assert event in triples(read(text, gaz))


def test_aid_prohibited_is_a_sanction_not_aid(gaz):
    kinds = {e.event_type for e in read("Canada halted all aid to Haiti on Monday.", gaz).events}
    assert kinds == {"SANCTION"}
    kinds = {e.event_type for e in read("Canada banned all aid to Haiti on Monday.", gaz).events}
    assert kinds == {"SANCTION"}


def test_a_warm_welcome_is_hosting_not_aid(gaz):
    kinds = triples(read("Mexico gave a warm welcome on Friday to the President of Chile.", gaz))
    assert {k for k, _, _ in kinds} == {"CONSULT"}


@pytest.mark.parametrize("text, event", [
    ("France recognised the new government of Libya.", ("SUPPORT", "france", "libya")),
    ("Hungary mobilised its army against Romania.", ("MOBILIZE", "hungary", "romania")),
    ("Japan apologised to China for the incident.", ("SUPPORT", "japan", "china")),
])
def test_british_spellings_are_read(gaz, text, event):
    assert event in triples(read(text, gaz))


def test_come_to_terms_asserts_support(gaz):
    ex = read("Kazakhstan finally came to terms with China over the water dispute.", gaz)
    assert ("kazakhstan", "supports", "china") in core_facts(ex)


def test_new_entries_load_and_keep_ids_unique():
    ids = [t.id for t in load_triggers()]
    assert len(ids) == len(set(ids))
    assert {"press_for", "lift_blockade"} <= set(ids)
    assert "pushing hard for" in expand_slots([["pushing"], ["hard"], ["for"]])
    assert "diplomats" in default_rules().cue("mission")
