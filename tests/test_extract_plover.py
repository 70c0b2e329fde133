"""Event coverage beyond the core facts: PLOVER types, actors and targets, intent, chunked parsing.

Sentences are our own. Events whose trigger maps to no core relation feed dyads and PLOVER
counts but must never add a fact.
"""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest

from diplograph.graph.extract import extract
from diplograph.graph.extract.dates import find_dates
from diplograph.graph.extract.facts import intent_type
from diplograph.graph.extract.lexicon import PLOVER, default_rules
from diplograph.graph.model import Document, PartialDate
from extract_helpers import core_facts, read, triples

parse = importlib.import_module("diplograph.graph.extract.parse")  # the module, not the function
ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("text, want", [
    ("Norwegian police arrested three Danish fishermen on Tuesday.", ("COERCE", "norway", "denmark")),
    ("Thousands of Kenyan students demonstrated in Uganda.", ("PROTEST", "kenya", "uganda")),
    ("Portuguese officials launched an investigation into Brazilian banks.", ("INVESTIGATE", "portugal", "brazil")),
    ("Greek troops withdrew from the border with Albania yesterday.", ("RETREAT", "greece", None)),
])
def test_adjective_actor_and_first_target(gaz, text, want):
    assert want in triples(read(text, gaz))


def test_passive_by_swaps_actor_and_target(gaz):
    ex = read("A Chilean convoy was attacked by Peruvian soldiers.", gaz)
    assert ("ASSAULT", "peru", "chile") in triples(ex)
    assert ("ASSAULT", "chile", "peru") not in triples(ex)


def test_new_triggers_add_no_core_fact(gaz):
    for text in ("Norwegian police arrested three Danish fishermen on Tuesday.",
                 "A Chilean convoy was attacked by Peruvian soldiers.",
                 "Thousands of Kenyan students demonstrated in Uganda."):
        assert core_facts(read(text, gaz)) == set(), text


def test_infinitive_complement_lends_its_target(gaz):
    """"threatened to cut ties with Y": the threat is aimed at Y."""
    assert ("THREATEN", "portugal", "brazil") in triples(read("Portugal threatened to cut ties with Brazil.", gaz))


def test_announced_help_is_intent_to_cooperate(gaz):
    ex = read("Finland will send food aid to Kenya.", gaz)
    assert ("AGREE", "finland", "kenya") in triples(ex)
    assert all(e.modality == "forecast" for e in ex.events)


def test_intent_types():
    assert intent_type("MOBILIZE", "forecast", False) == "THREATEN"
    assert intent_type("SUPPORT", "forecast", False) == "AGREE"
    assert intent_type("SUPPORT", "forecast", True) == "REJECT"
    assert intent_type("ASSAULT", "act", False) == "ASSAULT"
    assert intent_type("DEMAND", "forecast", False) == "DEMAND"


def test_group_that_agrees_gets_events_between_its_members(gaz):
    ex = read("Chile and Peru agreed to share fishing data.", gaz)
    assert {("AGREE", "chile", "peru"), ("AGREE", "peru", "chile")} & triples(ex)
    assert core_facts(ex) == set()


def test_co_signers_agree_with_each_other_and_met_at_the_signing(gaz):
    ex = read("The Spanish and Moroccan prime ministers signed the Treaty of Rabat.", gaz)
    joint = {(e.actor, e.target) for e in ex.events if e.relation is None and e.event_type == "AGREE"}
    assert joint & {("spain", "morocco"), ("morocco", "spain")}
    met = {(e.actor, e.target) for e in ex.events if e.relation == "met" and e.event_type == "CONSULT"}
    assert met & {("spain", "morocco"), ("morocco", "spain")}
    assert {(s, o) for s, p, o in core_facts(ex) if p != "met"} & {("spain", "morocco"), ("morocco", "spain")} == set()


@pytest.mark.parametrize("text", ["Swedish Foreign Minister Ann Linde arrived in Oslo for talks.",
                                  "Swedish Foreign Minister Ann Linde visited Oslo."])
def test_visit_consults_the_host_state(gaz, text):
    ex = read(text, gaz)
    assert ("CONSULT", "official/ann-linde", "norway") in triples(ex)
    assert ("official/ann-linde", "officialOf", "sweden") in {(f.s, f.p, f.o) for f in ex.facts}


def test_domestic_event_keeps_both_sides_but_no_fact(gaz):
    ex = read("Turkish police detained Turkish journalists.", gaz)
    assert ("COERCE", "turkey", "turkey") in triples(ex)
    assert core_facts(ex) == set()


def test_lexicon_covers_every_plover_type_without_duplicate_phrases():
    rules = default_rules()
    assert {t.event_type for t in rules.triggers} == set(PLOVER)
    phrases = [p for t in rules.triggers for p in t.phrases]
    assert len(phrases) == len(set(phrases))


def test_find_dates_prefilter_keeps_every_kind():
    text = "Talks were held on January 7, last week, this past summer and on Monday, in 2001."
    kinds = {m.kind for m in find_dates(text, reference=PartialDate(2002, 1, 8))}
    assert {"day", "relative", "season", "weekday", "year"} <= kinds
    assert find_dates("Nothing of the kind here at all.") == []


def test_chunked_parse_reads_the_same_events(gaz, monkeypatch):
    text = (ROOT / "examples" / "monitor-8-7.txt").read_text(encoding="utf-8")
    whole = extract(Document(id="d", text=text, date=PartialDate(2002, 1, 7)), gaz)
    monkeypatch.setattr(parse, "CHUNK", 1500)
    pieces = parse.chunks(text, 0, 1500)
    assert len(pieces) > 3 and all(text[b - 1] in "\n " for _, b in pieces[:-1])
    chunked = extract(Document(id="d", text=text, date=PartialDate(2002, 1, 7)), gaz)
    assert chunked.events == whole.events and chunked.facts == whole.facts


@pytest.mark.slow
def test_document_over_a_million_characters(gaz):
    para = "Norwegian police arrested three Danish fishermen on Tuesday.\n"
    ex = read(para * (1_050_000 // len(para) + 1), gaz)
    last = ex.events[-1].evidence
    assert last.quote == ex.document.text[last.start:last.end]
    assert len(ex.events) > 17_000
