"""The rule data files: they load, validate, and errors name the file and line."""

from __future__ import annotations

import json

import pytest

from diplograph.graph.errors import DataFileError
from diplograph.graph.extract.lexicon import (PLOVER, RELATIONS, default_rules, expand_slots, load_titles,
                                              load_triggers, plural, span_patterns)


def test_lexicon_shipped_files_load():
    rules = default_rules()
    assert rules.triggers and rules.titles and rules.cue("negation")
    assert all(t.event_type in PLOVER and t.relation in RELATIONS for t in rules.triggers)


@pytest.mark.parametrize("relation", ["met", "signed", "criticizes", "supports", "withdrawsFrom", "joins"])
def test_lexicon_covers_every_core_relation(relation):
    assert any(t.relation == relation for t in default_rules().triggers)


def test_lexicon_has_nominal_forms():
    phrases = {p for t in default_rules().triggers if t.nominal for p in t.phrases}
    assert {"talks", "summit", "misgivings", "accommodation", "friendship"} <= phrases


@pytest.mark.parametrize("line,message", [
    ({"id": "x", "phrases": ["x"], "event_type": "HUG", "relation": None, "modality": "act",
      "direction": "symmetric", "nominal": False}, "unknown PLOVER event type"),
    ({"id": "x", "phrases": ["x"], "event_type": "AGREE", "relation": "likes", "modality": "act",
      "direction": "symmetric", "nominal": False}, "unknown relation"),
    ({"id": "x", "event_type": "AGREE", "relation": None, "modality": "act",
      "direction": "symmetric", "nominal": False}, "needs 'phrases'"),
    ({"id": "x", "phrases": ["x"], "event_type": "AGREE", "relation": None, "modality": "act"}, "missing field"),
])
def test_lexicon_invalid_entry_names_file_and_line(tmp_path, line, message):
    path = tmp_path / "lexicon.jsonl"
    good = {"id": "ok", "phrases": ["ok"], "event_type": "AGREE", "relation": None, "modality": "act",
            "direction": "symmetric", "nominal": False}
    path.write_text(json.dumps(good) + "\n" + json.dumps(line) + "\n")
    with pytest.raises(DataFileError, match=message) as info:
        load_triggers(path)
    assert info.value.line == 2 and str(path) in str(info.value)


def test_lexicon_bad_json_names_line(tmp_path):
    path = tmp_path / "titles.jsonl"
    path.write_text('{"phrase": "king", "title": "King", "role_class": "head_of_state", "office": true}\n{oops\n')
    with pytest.raises(DataFileError) as info:
        load_titles(path)
    assert info.value.line == 2


def test_lexicon_slots_expand_to_phrases():
    assert expand_slots([["mend", "improve"], ["", "damaged"], ["ties"]]) == [
        "improve damaged ties", "improve ties", "mend damaged ties", "mend ties"]


@pytest.mark.parametrize("single,many", [("foreign minister", "foreign ministers"), ("spokesman", "spokesmen"),
                                         ("secretary", "secretaries"), ("envoy", "envoys")])
def test_lexicon_title_plurals(single, many):
    assert plural(single) == many


def test_lexicon_compiles_to_span_patterns():
    pats = span_patterns(default_rules())
    labels = {p["label"] for p in pats}
    assert labels == {"TITLE", "TITLES", "TRIG"}
    assert any(p["pattern"] == "misgivings" for p in pats)


def test_lexicon_token_pattern_entry_drives_extraction(tmp_path):
    from dataclasses import replace

    from diplograph.graph.extract import extract
    from diplograph.graph.model import Document
    from diplograph.ontology.gazetteer import load

    entry = {"id": "snub", "pattern": [{"LOWER": "gave"}, {"LOWER": "the"}, {"LOWER": "cold"}, {"LOWER": "shoulder"}],
             "event_type": "DISAPPROVE", "relation": "criticizes", "modality": "act",
             "direction": "actor->target", "nominal": False}
    path = tmp_path / "lexicon.jsonl"
    path.write_text(json.dumps(entry) + "\n")
    triggers = load_triggers(path)
    rules = replace(default_rules(), triggers=triggers, by_id={t.id: t for t in triggers})
    x = extract(Document(id="d", text="Poland gave the cold shoulder to Lithuania."), load(), rules=rules)
    assert [(e.event_type, e.actor, e.target) for e in x.events] == [("DISAPPROVE", "poland", "lithuania")]
