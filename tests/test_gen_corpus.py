"""The benchmark's corpus generator (bench/gen_corpus.py): dated, sized and reproducible articles; the
realistic profile's about a few states."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

import pytest
from diplograph.ontology import gazetteer as gazetteer_mod

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def gen():
    spec = importlib.util.spec_from_file_location("gen_corpus", ROOT / "bench" / "gen_corpus.py")
    module = sys.modules.setdefault(spec.name, importlib.util.module_from_spec(spec))
    spec.loader.exec_module(module)  # registered first: its dataclasses look their module up
    return module


@pytest.fixture(scope="module")
def world(gen):
    return gen.World(gazetteer_mod.load())


def _adjectives(world) -> dict[str, str]:
    """Each state's first adjective (how the generator names an official's state) -> the state."""
    return {r["adjectives"][0]: sid for sid, r in world.states.items() if r.get("adjectives")}


@pytest.mark.parametrize("profile", ["realistic", "dense"])
def test_articles_are_dated_sized_and_reproducible(gen, world, profile):
    for n in range(12):
        text = gen.article(world, 7, n, profile)
        assert text == gen.article(world, 7, n, profile)
        front, body = text.split("\n---\n", 1)
        date = re.search(r"^date: (\d{4})-\d\d-\d\d$", front, re.MULTILINE)
        assert date and 1995 <= int(date.group(1)) <= 2010
        assert 300 <= len(body.split()) <= 900  # the last paragraph may pass the target


def test_realistic_articles_are_about_a_few_states(gen, world):
    """A realistic article's officials come from at most six states; a dense one's from many more."""
    def states_named(text: str) -> set[str]:
        titles = re.findall(r"\b([A-Z][a-z]+) (?:President|Prime Minister|Foreign Minister|Defence Minister|"
                            r"Chancellor|Government member|Defence Secretary|Home Secretary)", text)
        return {adjectives[t] for t in titles if t in adjectives}

    adjectives = _adjectives(world)
    realistic = [states_named(gen.article(world, 1, n, "realistic")) for n in range(40)]
    dense = [states_named(gen.article(world, 1, n, "dense")) for n in range(40)]
    assert max(len(s) for s in realistic) <= 6
    assert sum(len(s) for s in dense) > 2 * sum(len(s) for s in realistic)


def test_a_larger_corpus_starts_with_the_smaller(gen, world, tmp_path):
    """A corpus of 5 starts with the corpus of 3 (so the 10,000 start with the 1,000); the profiles differ."""
    five = gen.generate(tmp_path / "five", 5, seed=1, profile="dense")
    three = gen.generate(tmp_path / "three", 3, seed=1, profile="dense")
    assert [p.read_bytes() for p in five[:3]] == [p.read_bytes() for p in three]
    assert gen.article(world, 1, 0, "dense") != gen.article(world, 1, 0, "realistic")
