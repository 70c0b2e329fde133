"""Precision on real texts (session 9): background facts only where the text names the state beside
the body, no party by a rejection, one entity for an official or agreement named two ways.

Sentences are our own. The background tests call ``facts.background_facts`` with the parsed text and
the events, as ``extract`` does once it passes them (a coordinator's one-line change).
"""

from __future__ import annotations

import pytest
from diplograph.graph.extract import extract, facts, find_spans, groupings, linking
from diplograph.graph.extract.discover import content_words, same_agreement
from diplograph.graph.extract.lexicon import default_rules
from diplograph.graph.extract.parse import parse
from diplograph.graph.extract.surnames import same_person
from diplograph.graph.model import Document, PartialDate

DAY = PartialDate(2008, 11, 3)


def _doc(text: str, day: PartialDate | None = DAY) -> Document:
    return Document(id="t", text=text, date=day)


def _background(text: str, gaz, day: PartialDate = DAY, words: bool = True) -> set[tuple]:
    """(s, p, o) of the background facts, read with the parsed text and the events when ``words``."""
    document, rules = _doc(text, day), default_rules()
    on = linking.doc_date(document.date)
    p = parse(document, gaz, rules)
    linked, _ = linking.link(p, find_spans(p, gaz, rules), gaz, on)
    linked = groupings.expand(linking.fill_states(p, linking.add_surnames(p, linked, rules), gaz, on), gaz, on)
    events = extract(document, gaz).events if words else ()
    found = facts.background_facts(linked, gaz, on, p if words else None, events)
    return {(f.s, f.p, f.o) for f in found}


def _entities(text: str, gaz, day: PartialDate | None, kind: str) -> set[str]:
    return {e.id for e in extract(_doc(text, day), gaz).entities if e.type == kind}


MEDIATED = ("Negotiations between Armenia and Azerbaijan were mediated by France, Russia and the United States "
            "as the co-chairs of the OSCE Minsk Group on Tuesday.")


def test_precision_background_only_the_states_listed_beside_the_body(gaz):
    found = _background(MEDIATED, gaz)
    assert {(s, "memberOf", "osce_minsk_group") for s in ("france", "russia", "united_states")} <= found
    assert ("armenia", "memberOf", "osce_minsk_group") not in found
    assert ("azerbaijan", "memberOf", "osce_minsk_group") not in found


def test_precision_background_without_words_keeps_the_sentence(gaz):
    # without the parsed text, every state of the sentence stays (the rule before runs of states)
    assert ("armenia", "memberOf", "osce_minsk_group") in _background(MEDIATED, gaz, words=False)


def test_precision_background_needs_one_sentence(gaz):
    text = "The European Union held a summit in Brussels on Monday. Germany later hosted talks with Iran."
    found = {(f.s, f.p, f.o) for f in extract(_doc(text), gaz).facts}
    assert ("germany", "memberOf", "eu") not in found
    together = "Germany told the European Union summit in Brussels on Monday that talks would go on."
    assert ("germany", "memberOf", "eu") in {(f.s, f.p, f.o) for f in extract(_doc(together), gaz).facts}


def test_precision_background_a_body_in_a_title_names_no_members(gaz):
    text = "Germany and France backed the plan, EU foreign policy chief Javier Solana said on Monday."
    found = {(f.s, f.p, f.o) for f in extract(_doc(text), gaz).facts}
    assert not {f for f in found if f[1] == "memberOf" and f[2] == "eu"}


def test_precision_background_no_party_by_a_rejection(gaz):
    text = "The Dutch rejection of the EU constitution stunned Brussels, and Spain welcomed the EU constitution."
    found = _background(text, gaz, PartialDate(2005, 6, 10))
    assert ("netherlands", "partyTo", "eu_constitution") not in found
    assert ("spain", "partyTo", "eu_constitution") in found
    assert ("netherlands", "partyTo", "eu_constitution") in _background(text, gaz, PartialDate(2005, 6, 10), False)


def test_precision_official_spelled_another_way_is_one_entity(gaz):
    text = ("Russian President Dmitry Medvedyev received a delegation from the region on Sunday. "
            "Dmitry Medvedev said the talks were useful.")
    assert _entities(text, gaz, PartialDate(2008, 11, 2), "Official") == {"dmitry_medvedev"}


@pytest.mark.parametrize("name, official", [
    ("Dmitry Medvedyev", ["dmitry_medvedev"]), ("Ilham Aliev", ["ilham_aliyev"]),
    ("Sergei Lavrov", ["sergey_lavrov"]), ("John Smith", []), ("Boris Medvedev", []),
])
def test_precision_same_person_by_spelling(gaz, name, official):
    assert same_person(name, gaz) == official


def test_precision_agreement_named_two_ways_is_the_gazetteer_one(gaz):
    text = ("The bloc's leaders signed an agreement on creating a joint rapid-reaction force on Sunday. "
            "The package includes an agreement on collective forces.")
    assert _entities(text, gaz, PartialDate(2009, 6, 14), "Agreement") == {"crrf_agreement"}


@pytest.mark.parametrize("name", [
    "Russia-Ukraine gas agreement", "agreement on principles of relations", "agreement on nuclear weapons",
])
def test_precision_generic_agreement_names_link_to_nothing(gaz, name):
    assert same_agreement(name, gaz, PartialDate(2009, 6, 14).first_day()) == []


def test_precision_agreement_not_yet_signed_is_not_linked(gaz):
    assert same_agreement("agreement on collective forces", gaz, PartialDate(1995, 1, 1).first_day()) == []


def test_precision_content_words_leave_out_actors_and_kinds():
    words = content_words("Russian-Chinese border agreement on rapid forces", default_rules(),
                          frozenset({"russian", "chinese"}))
    assert words == frozenset({"rapid", "force"})


def test_precision_agreement_on_a_deal_refers_to_the_deal(gaz):
    text = ("A deal was struck in Vienna on Saturday. "
            "Iran and the six powers reached an agreement on a nuclear deal, diplomats said.")
    agreements = _entities(text, gaz, PartialDate(2013, 11, 24), "Agreement")
    assert len(agreements) == 1
