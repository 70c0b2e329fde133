"""The event side's shortcuts give the answers of the plain rules they stand for.

Date patterns are skipped when their gate words are absent (dates.GATES), multi-word cues are
looked up by their last two words (modality.phrases_of), clauses skip the walk when no boundary
is in sight (roles.clause): each test compares a shortcut with the plain rule on many inputs.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from diplograph.graph.extract import dates, modality, roles
from diplograph.graph.extract.lexicon import HERE, default_rules
from diplograph.graph.extract.parse import Parsed
from diplograph.graph.model import PartialDate

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "monitor-8-7.txt"


# --- dates: a gate is a necessary condition of its pattern ----------------------------------------

def _all_candidates(text: str, ref: PartialDate | None) -> list[tuple]:
    """Every pattern run on the whole text, gates ignored (the rule before the shortcut)."""
    found = []
    for rank, (kind, _, rx, fn) in enumerate(dates.PATTERNS):
        compiled = re.compile(rx)
        for m in compiled.finditer(text):
            a, b = m.span("core") if "core" in compiled.groupindex else m.span()
            found.append((a, a - b, rank, dates.DateMention(a, b, text[a:b], fn(m, ref), kind)))
    return sorted(found, key=lambda c: c[:3])


def _kept(candidates: list[tuple]) -> list[dates.DateMention]:
    kept: list[dates.DateMention] = []
    for *_, mention in candidates:
        if not kept or mention.start >= kept[-1].end:
            kept.append(mention)
    return kept


OUR_SENTENCES = [
    "The envoys met on Jan. 7, 2002 and again on 12 March 2003.",
    "Talks resumed in May, after a pause since last September and the 1990s.",
    "By 2000 troops had left; the treaty of 24.11.2013 took effect on 2014-01-01.",
    "Yesterday the minister said that this past summer and last week were quiet.",
    "He will travel on Monday, then next month, and again the new year.",
    "In the 17th century and in early 2005 nothing of the sort happened, said May.",
    "Mid-2004 the council met; Sept 11 and the end of June were named too.",
    "No date here at all, only a plain sentence about the weather.",
    "The accord of Sept 11 was signed by 1998 at last.",
    "Since August the two sides talked every Friday.",
    "They met again on 9 May.",
]


@pytest.mark.parametrize("text", OUR_SENTENCES + [EXAMPLE.read_text(encoding="utf-8")])
@pytest.mark.parametrize("ref", [None, PartialDate(2002, 1, 7), PartialDate(2005)])
def test_extract_speed_dates_gates_change_no_mention(text, ref):
    assert dates.find_dates(text, 0, len(text), ref) == _kept(_all_candidates(text, ref))


DATE_WORDS = ["January", "Jan.", "Sept", "May", "March", "7", "21st", "2002", "1990s", "17th", "century", "in",
              "since", "last", "this", "past", "next", "the", "new", "year", "month", "week", "summer", "fall",
              "Monday", "today", "Tonight", "yesterday", "of", "mid-", ",", ".", "-", "troops", "early", "end"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(DATE_WORDS), max_size=12), st.sampled_from(["", " ", "  "]))
def test_extract_speed_dates_gates_change_no_mention_on_any_words(words, pad):
    text = pad + " ".join(words) + pad
    ref = PartialDate(2002, 1, 7)
    assert dates.find_dates(text, 0, len(text), ref) == _kept(_all_candidates(text, ref))


def test_extract_speed_dates_gates_read_only_the_range():
    text = "In May 2002 they met. Nothing else happened."
    start = text.index("Nothing")
    assert dates.gates_in(text, 0, start) >= {"month", "digit"}
    assert dates.gates_in(text, start, len(text)) == frozenset()
    assert dates.find_dates(text, start, len(text), None) == []


def test_extract_speed_dates_every_pattern_names_known_gates():
    assert all(gates and set(gates) <= set(dates.GATES) for _, gates, _, _ in dates.PATTERNS)


# --- modality: multi-word cues found by their last two words ---------------------------------------

def test_extract_speed_cue_phrases_are_single_spaced_words():
    """Token matching of phrases equals the old substring test only for such phrases."""
    for line in (HERE / "cues.jsonl").read_text(encoding="utf-8").splitlines():
        for cue in json.loads(line)["words"]:
            assert cue and all(w and w == "".join(w.split()) for w in cue.split(" ")), cue


def test_extract_speed_phrases_of_indexes_by_last_two_words():
    found = modality.phrases_of(frozenset({"will", "is expected to", "plans to", "no plans to"}))
    assert found.last == frozenset({"to"})
    assert found.by_end == {("expected", "to"): (("is", "expected", "to"),),
                            ("plans", "to"): (("no", "plans", "to"), ("plans", "to"))}


def _parsed(words: list[str], sents: list[tuple[int, int]] | None = None) -> Parsed:
    sents = sents or [(0, len(words))]
    sent_of = [n for n, (i, j) in enumerate(sents) for _ in range(i, j)]
    return Parsed(text=" ".join(words), starts=tuple(range(len(words))), ends=tuple(range(1, len(words) + 1)),
                  words=tuple(words), lower=tuple(w.lower() for w in words), sents=tuple(sents),
                  sent_of=tuple(sent_of), gaz=(), titles=(), triggers=())


def _plain_cue_before(p: Parsed, k: int, lo: int, cues: frozenset[str], window: int) -> bool:
    """The rule as first written: a cue word among the tokens, or a cue phrase in their joined text."""
    words = p.lower[max(lo, k - window):k]
    text = " " + " ".join(words) + " "
    return bool(words) and (not cues.isdisjoint(words) or any(f" {c} " in text for c in cues if " " in c))


CUE_TOKENS = ["is", "are", "expected", "to", "plans", "no", "plan", "not", "will", "in", "a", "position",
              "would", "like", "ruled", "out", "the", "talks", "\n", " ", "n't", "refused"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(CUE_TOKENS), min_size=1, max_size=16), st.data())
def test_extract_speed_cue_before_matches_the_plain_rule(words, data):
    p = _parsed(words)
    k = data.draw(st.integers(0, len(words) - 1))
    lo = data.draw(st.integers(0, k))
    window = data.draw(st.sampled_from([2, 3, 4, 12]))
    rules = default_rules()
    for kind in ("forecast", "negation", "hedge", "statement"):
        cues = rules.cue(kind)
        assert modality._cue_before(p, k, lo, cues, window) == _plain_cue_before(p, k, lo, cues, window), kind


def test_extract_speed_cue_before_needs_the_whole_phrase_in_the_window():
    p = _parsed(["Russia", "is", "in", "a", "position", "to", "sign"])
    forecast = default_rules().cue("forecast")
    assert modality._cue_before(p, 6, 0, forecast, 4)  # "in a position to"
    assert not modality._cue_before(p, 6, 3, forecast, 4)  # "in" is before the clause start
    assert not modality._cue_before(p, 6, 0, forecast, 3)  # ... or out of the window


# --- roles: the clause around a token -------------------------------------------------------------

def _plain_clause(p: Parsed, k: int, sent: int) -> tuple[int, int]:
    s0, s1 = p.sents[sent]
    a = k
    while a > s0 and p.lower[a - 1] not in roles.BOUNDARY:
        a -= 1
    b = k
    while b < s1 and p.lower[b] not in roles.BOUNDARY:
        b += 1
    return a, b


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["X", "met", "Y", ",", "but", ";", "which", "and", "\u201c", "said"]),
                min_size=3, max_size=20), st.data())
def test_extract_speed_clause_matches_the_walk(words, data):
    cut = data.draw(st.integers(1, len(words) - 1))
    p = _parsed(words, [(0, cut), (cut, len(words))])
    k = data.draw(st.integers(0, len(words) - 1))
    assert roles.clause(p, k, p.sent_of[k]) == _plain_clause(p, k, p.sent_of[k])


def test_extract_speed_clause_stops_at_but():
    p = _parsed(["China", "protested", "but", "Japan", "met", "Korea"])
    assert roles.clause(p, 4, 0) == (3, 6)
    assert roles.clause(p, 1, 0) == (0, 2)
