"""The mention side's fast paths give the answers of the slow ones they replace.

parse.py calls spaCy's matchers directly instead of ``span_ruler`` components, reads token texts
from ORTH ids (one str per distinct word) and splits sentences by visiting only the final marks;
spans.py builds a ``Mention`` without its ``__init__``; the gazetteer indexes memberships and
parties; ``extract`` pauses the cyclic garbage collector. Each test compares a fast path with the
plain computation on real input. Sentences written for these tests.
"""

from __future__ import annotations

import gc
import importlib
from pathlib import Path

import pytest
import spacy
from spacy.pipeline.sentencizer import Sentencizer

from diplograph.graph.extract import extract, find_spans, linking
from diplograph.graph.extract.lexicon import default_rules
from diplograph.graph.extract.mentions import _longest
from diplograph.graph.extract.spans import to_mention
from diplograph.graph.model import Document, Mention, PartialDate
from diplograph.ontology.gazetteer import covers

parse_mod = importlib.import_module("diplograph.graph.extract.parse")
EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "monitor-8-7.txt"
TRICKY = ("U.S.-led talks \u2014 Putin met Bush in Moscow... Really?! (Interfax, January 6)\n\n"
          "\u201cNo,\u201d said the Russian foreign minister. Na\u00efve caf\u00e9s in K\u00f6ln; "
          "\u65e5\u672c and \u0420\u043e\u0441\u0441\u0438\u044f met. 3.5% rose.\t Tabs\u00a0and spaces.")


@pytest.fixture(scope="module")
def example(gaz):
    doc = Document(id="ex", text=EXAMPLE.read_text(encoding="utf-8"), date=PartialDate(2002, 1, 7))
    return doc, parse_mod.parse(doc, gaz, default_rules())


@pytest.mark.parametrize("text", [TRICKY, EXAMPLE.read_text(encoding="utf-8")])
def test_extract_speed_mentions_words_are_text_slices(gaz, text, monkeypatch):
    monkeypatch.setattr(parse_mod, "CHUNK", 700)  # several chunks: offsets and words stay absolute
    p = parse_mod.parse(Document(id="t", text=text), gaz, default_rules())
    assert len(p.words) > 20
    assert list(p.words) == [text[a:b] for a, b in zip(p.starts, p.ends)]
    assert list(p.lower) == [w.lower() for w in p.words]
    first = {}
    assert all(first.setdefault(w, w) is w for w in p.words)  # one object per distinct word


@pytest.mark.parametrize("text", [TRICKY, EXAMPLE.read_text(encoding="utf-8"), "One. Two!! ...Three ?' Four"])
def test_extract_speed_mentions_sentence_starts_match_sentencizer(text):
    nlp = spacy.blank("en")
    doc = Sentencizer()(nlp.make_doc(text))
    expected = [s.start for s in doc.sents]
    words = [t.text for t in doc]
    assert parse_mod.sentence_starts(words, [t.is_punct for t in doc]) == expected


def test_extract_speed_mentions_matchers_agree_with_span_ruler():
    patterns = [{"label": "label|State", "pattern": "Russia", "id": "russia"},
                {"label": "alias|State", "pattern": "Russia", "id": "russia_alt"},  # one phrase, two ids
                {"label": "label|Organization", "pattern": "United Nations Security Council", "id": "unsc"},
                {"label": "alias|Organization", "pattern": "United Nations", "id": "un"},
                {"label": "metonym|State", "pattern": "the Kremlin", "id": "russia"},
                {"label": "TRIG", "pattern": [{"LOWER": "met"}, {"LOWER": "with"}], "id": "meet"}]
    text = "Russia and the United Nations Security Council met with the Kremlin. RUSSIA, Russia's envoy."
    ruler_nlp = spacy.blank("en")
    ruler = ruler_nlp.add_pipe("span_ruler", config={"spans_key": "k", "phrase_matcher_attr": "ORTH"})
    ruler.add_patterns(patterns)
    ruled = ruler_nlp(text)
    expected = sorted({(s.start, s.end, s.label_, s.id_) for s in ruled.spans["k"]})
    keys: dict[int, tuple[str, str]] = {}
    nlp = spacy.blank("en")
    matchers = parse_mod._matchers(nlp, patterns, "ORTH", keys)
    found = sorted({(i, j, *keys[key]) for m in matchers for key, i, j in m(nlp.make_doc(text))})
    assert found == expected
    assert len(found) == 8  # "Russia" twice with two ids each; "RUSSIA" is not a phrase of ORTH


def test_extract_speed_mentions_hits_sorted_longest_first(example):
    _, p = example
    for hits in (p.gaz, p.titles, p.triggers):
        rows = [(h.i, -h.j, h.label, h.id) for h in hits]
        assert rows == sorted(set(rows))
        assert all((h.start, h.end) == (p.starts[h.i], p.ends[h.j - 1]) for h in hits)
    assert p.gaz and p.titles and p.triggers


def test_extract_speed_mentions_longest_prefers_length_then_left():
    hit = parse_mod.Hit
    hits = [hit(0, 2, 0, 9, "a", "x"), hit(1, 4, 3, 20, "a", "y"), hit(1, 4, 3, 20, "b", "z"),
            hit(5, 6, 22, 25, "a", "w"), hit(6, 7, 26, 30, "a", "v"), hit(5, 7, 22, 30, "a", "u")]
    groups = _longest(hits)
    assert [[h.id for h in g] for g in groups] == [["y", "z"], ["u"]]


def test_extract_speed_mentions_to_mention_equals_constructor(gaz, example):
    doc, p = example
    rules = default_rules()
    on = linking.doc_date(doc.date)
    linked, unresolved = linking.link(p, find_spans(p, gaz, rules), gaz, on)
    assert len(linked) > 20
    for s in linked + unresolved:
        built = Mention(start=s.start, end=s.end, text=doc.text[s.start:s.end], type=s.type, entity_id=s.eid,
                        rule=s.kind, sentence=s.sent, candidates=s.candidates, role=s.role, state=s.state,
                        place=s.place)
        fast = to_mention(s, doc.text)
        assert fast == built and repr(fast) == repr(built) and hash(fast) == hash(built)


def test_extract_speed_mentions_gazetteer_indexes_match_records(gaz):
    on = PartialDate(2002, 1, 7).first_day()
    orgs = [r for r in gaz.records.values() if r.get("members")]
    agreements = [r for r in gaz.records.values() if r.get("parties")]
    assert orgs and agreements
    for rec in orgs:
        assert gaz.members(rec["id"]) == sorted({m["state"] for m in rec["members"]})
    for rec in agreements:
        assert gaz.parties(rec["id"]) == sorted({p["state"] for p in rec["parties"]})
    for state in ("russia", "china", "united_states", "france"):
        expected = sorted({r["id"] for r in orgs for m in r["members"] if m["state"] == state
                           and covers(_date(m.get("start")), _date(m.get("end")), on)})
        assert gaz.memberships(state, on) == expected
    assert gaz.members("no_such_org") == [] and gaz.parties("no_such_treaty", on) == []


def _date(text):
    return PartialDate.parse(text) if text else None


@pytest.mark.parametrize("enabled", [True, False])
def test_extract_speed_mentions_gc_state_restored(gaz, enabled):
    was = gc.isenabled()
    try:
        (gc.enable if enabled else gc.disable)()
        x = extract(Document(id="t", text="Russia and China signed a treaty in Moscow on Monday."), gaz)
        assert x.mentions
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()


def test_extract_speed_mentions_long_document_repeats_short_one(gaz):
    text = EXAMPLE.read_text(encoding="utf-8")
    one = extract(Document(id="d", text=text, date=PartialDate(2002, 1, 7)), gaz)
    many = extract(Document(id="d", text="\n\n".join([text] * 5), date=PartialDate(2002, 1, 7)), gaz)
    assert len(many.mentions) == 5 * len(one.mentions)
    step = len(text) + 2
    assert [(m.start, m.text, m.entity_id) for m in many.mentions[:len(one.mentions)]] == \
        [(m.start, m.text, m.entity_id) for m in one.mentions]
    assert [(m.start - 4 * step, m.text) for m in many.mentions[4 * len(one.mentions):]] == \
        [(m.start, m.text) for m in one.mentions]
