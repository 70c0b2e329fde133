"""Triggers on real text (session 9): time phrases inside trigger phrases, generic verbs that need an
aid-like object, disputed claims, and lexicon entries for common diplomatic phrasings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from diplograph.graph.errors import DataFileError
from diplograph.graph.extract import extract
from diplograph.graph.extract.documents import parse_document
from diplograph.graph.extract.lexicon import Trigger, default_rules, load_triggers, split_phrases
from diplograph.ontology import gazetteer as gazetteer_mod

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "monitor-8-7.txt"


@pytest.fixture(scope="module")
def gaz():
    return gazetteer_mod.load()


def _read(gaz, text: str, date: str = "2006-05-10"):
    return extract(parse_document(text.encode("utf-8"), doc_id="t", date=date), gaz)


def _events(gaz, text: str) -> list[tuple[str, str, str | None, str | None, bool]]:
    """(type, trigger, actor, target, negated) of every event read from ``text``."""
    return [(e.event_type, e.trigger, e.actor, e.target, e.negated) for e in _read(gaz, text).events]


def _facts(gaz, text: str) -> set[tuple[str, str, str]]:
    return {(f.s, f.p, f.o) for f in _read(gaz, text).facts if f.origin == "text"}


# -- 1. a time phrase between a trigger's words -------------------------------------------------------------

@pytest.mark.parametrize("text, kind, actor, target, trigger", [
    ("Ukraine called Friday on Moldova to reopen the border.", "DEMAND", "ukraine", "moldova", "called Friday on"),
    ("Ukraine called on Friday for Moldova to reopen the border.", "DEMAND", "ukraine", None, "called on Friday for"),
    ("Lavrov met on Wednesday with Condoleezza Rice in Moscow.", "CONSULT", "sergey_lavrov", "condoleezza_rice",
     "met on Wednesday with"),
    ("Belarus pulled last month out of the CFE Treaty.", "REJECT", "belarus", "cfe_treaty",
     "pulled last month out of"),
    ("Lavrov met on March 5 with Condoleezza Rice.", "CONSULT", "sergey_lavrov", "condoleezza_rice",
     "met on March 5 with"),
])
def test_trigger_spans_a_time_phrase(gaz, text, kind, actor, target, trigger):
    found = [e for e in _events(gaz, text) if e[1] == trigger]
    assert found and found[0][0] == kind and found[0][2] == actor
    assert target is None or any(e[3] == target for e in found)


def test_gapped_withdrawal_asserts_the_fact(gaz):
    assert ("belarus", "withdrawsFrom", "cfe_treaty") in _facts(gaz, "Belarus pulled yesterday out of the CFE Treaty.")


def test_time_word_alone_joins_no_phrase(gaz):
    # "called" alone is no trigger: without its particle there is no demand
    assert not [e for e in _events(gaz, "Ukraine called Friday a general election.") if e[0] == "DEMAND"]


def test_split_phrases_cuts_plain_phrases_only():
    trig = Trigger("x", "DEMAND", None, "act", "actor->target", False, ("called on", "pull out of", "cease-fire now"))
    heads = split_phrases((trig,))
    assert heads[("called",)] == ((("on",), "x"),)
    assert heads[("pull",)] == ((("out", "of"), "x"),) and heads[("pull", "out")] == ((("of",), "x"),)
    assert ("cease-fire",) not in heads  # the tokenizer may split a hyphenated word: left out
    assert default_rules().split_phrases[("pulled",)]  # the shipped lexicon's phrases are indexed


# -- 2. generic verbs: an aid-like object, never "no" ----------------------------------------------------------

@pytest.mark.parametrize("text", [
    "But Chad provided no details.",
    "Chile gave no reason for the delay to Peru.",
    "Spain offered no comment on Morocco.",
    "Mexico received no reply from Cuba.",
    "Iran provided details of its programme to Austria.",
    "Laurent Fabius gave a thumbs up sign.",
])
def test_generic_verb_without_aid_object_is_no_aid(gaz, text):
    assert not [e for e in _events(gaz, text) if e[0] in ("AID", "AGREE") or (e[0] == "CONSULT" and "received" in e[1])]


@pytest.mark.parametrize("text, actor, target", [
    ("Japan gave Indonesia 20 million dollars in reconstruction money.", "japan", "indonesia"),
    ("Norway provided tents and blankets to Pakistan.", "norway", "pakistan"),
    ("Canada granted asylum to two Eritrean officers.", "canada", None),
])
def test_generic_verb_with_aid_object_is_aid(gaz, text, actor, target):
    aid = [e for e in _events(gaz, text) if e[0] == "AID" and e[2] == actor]
    assert aid and (target is None or any(e[3] == target for e in aid))


def test_example_has_no_aid_from_no_details(gaz):
    ex = extract(parse_document(EXAMPLE.read_bytes(), doc_id="monitor-8-7", date="2002-01-07"), gaz)
    assert not [e for e in ex.events if e.event_type == "AID"]


def test_object_cue_kinds_exist():
    rules = default_rules()
    objects = {t.object for t in rules.triggers if t.object}
    assert objects and all(rules.cue(kind) for kind in objects)
    assert rules.cue("no_object") >= {"no", "nothing"}


def test_object_must_name_a_cue_kind(tmp_path):
    path = tmp_path / "lexicon.jsonl"
    path.write_text(json.dumps({"id": "x", "phrases": ["gave"], "event_type": "AID", "relation": None,
                                "modality": "act", "direction": "actor->target", "nominal": False,
                                "object": ["aid"]}) + "\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="object must name a cue kind"):
        load_triggers(path)


# -- 3. acts inside a claim that is condemned or called false --------------------------------------------------

@pytest.mark.parametrize("text, kind", [
    ("Armenia condemned allegations that it had attacked Azerbaijani villages.", "ASSAULT"),
    ("Serbia denounced claims that its forces had killed Albanian civilians.", "ASSAULT"),
    ("Iran called baseless reports that it had supplied weapons to Iraq.", "AID"),
    ("India said accusations that it had shelled Pakistani posts were baseless.", "ASSAULT"),
])
def test_act_in_a_disputed_claim_is_negated(gaz, text, kind):
    found = [e for e in _events(gaz, text) if e[0] == kind]
    assert found and all(e[4] for e in found)


def test_condemned_report_of_anothers_act_stays_an_act(gaz):
    # condemning a report that someone else attacked condemns the attack: it is reported, not disputed
    found = [e for e in _events(gaz, "Egypt condemned the report that Syria had attacked Jordan.")
             if e[0] == "ASSAULT"]
    assert found and not any(e[4] for e in found)


# -- 4. lexicon entries --------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, kind, actor", [
    ("Norway accepted a formula for settling its fishing dispute with Iceland.", "AGREE", "norway"),
    ("Hezbollah vowed to fight Israel.", "THREATEN", "hezbollah"),
    ("Russia ruled out military action against Iran.", "REJECT", "russia"),
    ("Putin spoke by phone with Bush.", "CONSULT", "vladimir_putin"),
    ("Syria violated the arms embargo.", "REJECT", "syria"),
    ("Putin offered his condolences to Bush.", "SUPPORT", "vladimir_putin"),
])
def test_lexicon_phrasings(gaz, text, kind, actor):
    assert any(e[0] == kind and e[2] == actor for e in _events(gaz, text))


def test_vow_to_fight_is_no_promise(gaz):
    assert not [e for e in _events(gaz, "Hezbollah vowed to fight Israel.") if e[0] == "AGREE"]


def test_condolences_are_no_promise(gaz):
    assert not [e for e in _events(gaz, "Putin offered his condolences to Bush.") if e[0] == "AGREE"]
