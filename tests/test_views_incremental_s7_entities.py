"""A rerun after an edit that names a new official, or no longer names one (views/delta.py ``_entities``): the
official's state changes, its events and facts move between pairs of states, and the rerun stays incremental;
a state that appears takes the full path. Either way the outputs are a clean build's, byte for byte."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from diplograph.graph.views import incremental
from diplograph.ontology import gazetteer as gazetteer_mod
from test_views_incremental_s7 import clean, generated, rerun


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return generated(tmp_path_factory, 4)


def saved_state(tmp: Path) -> dict[str, str]:
    return incremental.load_saved(tmp / "out" / ".cache" / "views").state


def titled(text: str) -> list[tuple[str, str]]:
    """The officials' title phrases in ``text`` ("Russian Foreign Minister Sergei Lavrov") and adjectives."""
    pattern = r"\b(?!Vice\b)([A-Z][a-z]+) (?:President|Prime Minister|Foreign Minister) [A-Z][a-z]+ [A-Z][a-z]+"  # "Vice": no state
    return [(m.group(0), m.group(1)) for m in re.finditer(pattern, text)]


@pytest.mark.slow
def test_naming_a_new_official_and_dropping_it_again_stays_incremental(tmp_path, corpus, full):
    shutil.copytree(corpus, tmp_path / "in")
    files = sorted((tmp_path / "in").rglob("*.txt"))
    first = rerun(tmp_path, files)
    doc = files[7]
    original = doc.read_text(encoding="utf-8")
    named = titled(original)  # officials of two states: the new one of the first meets the second
    (_, adjective), (phrase, _) = next((x, y) for x in named for y in named if x[1] != y[1])
    doc.write_text(original + f"\n{adjective} Deputy Foreign Minister Ivan Zamyatinov met {phrase} on Monday.\n",
                   encoding="utf-8")
    calls = len(full)
    got = rerun(tmp_path, files)
    assert len(full) == calls  # the incremental path
    assert got == clean(tmp_path, files)
    new = [s for s, state in saved_state(tmp_path).items() if "zamyatinov" in s]
    assert new, "the edit names a new official with a state: the test is about something"
    assert got[0] != first[0]  # the new official's meeting is between two states: the views change

    doc.write_text(original, encoding="utf-8")
    calls = len(full)
    assert rerun(tmp_path, files) == first
    assert len(full) == calls
    assert not [s for s in saved_state(tmp_path) if "zamyatinov" in s]


@pytest.mark.slow
def test_a_state_named_for_the_first_time_takes_the_full_path(tmp_path, corpus, full):
    shutil.copytree(corpus, tmp_path / "in")
    files = sorted((tmp_path / "in").rglob("*.txt"))
    rerun(tmp_path, files)
    known = set(saved_state(tmp_path).values())
    gaz = gazetteer_mod.load()
    absent = sorted(r["label"] for r in gaz.records.values() if r["type"] == "State" and r.get("wikidata")
                    and not any(s.endswith("/" + r["id"]) for s in known) and " " not in r["label"])
    # the generated corpus follows the gazetteer: the first document from the fourth on naming a titled official
    doc = next(f for f in files[3:] + files[:3] if titled(f.read_text(encoding="utf-8")))
    phrase, _ = titled(doc.read_text(encoding="utf-8"))[0]
    doc.write_text(doc.read_text(encoding="utf-8") + f"\n{phrase} sharply criticized {absent[0]} for its stance.\n",
                   encoding="utf-8")
    calls = len(full)
    got = rerun(tmp_path, files)
    assert len(full) == calls + 1  # a new state: the full path
    assert got == clean(tmp_path, files)
    assert any(s.endswith("/" + absent[0].lower()) for s in saved_state(tmp_path).values())
