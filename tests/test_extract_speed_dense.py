"""The shortcuts for dense text give the answers of the plain rules they replace.

News dense with states, officials and events makes many spans, readings and dated sentences per
word. spans.quick gives Span, Reading and Context a one-call ``__init__`` and a dict-comparing
``__eq__``; Parsed.positions finds a few words with the loop in C; holders indexes each state's
offices by folded title; dates.py reads a gate only when a pattern needs it and has narrower gates
(a year's first two digits, "May", a modifier word). Each test compares a shortcut with the plain
computation on real input (the customer's example) or sentences written for these tests.
"""

from __future__ import annotations

import dataclasses
import importlib
import inspect
import re
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from diplograph.graph.extract import dates, holders
from diplograph.graph.extract.events import Reading
from diplograph.graph.extract.lexicon import default_rules
from diplograph.graph.extract.roles import Context
from diplograph.graph.extract.spans import Span, quick
from diplograph.graph.model import Document, PartialDate

parse_mod = importlib.import_module("diplograph.graph.extract.parse")
EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "monitor-8-7.txt"
DENSE = ("Ruritanian President Anna Vos met Freedonian Prime Minister Karl Ost in Vienna on Tuesday "
         "(Daily Courier, March 3). Vos said that Freedonia would join the Treaty on Open Skies by 2031. "
         "Ost criticized Russia and China, and praised the United Nations Security Council (UNSC). "
         "The Russian president did not attend; the news agency Tass reported that Moscow informs "
         "its allies. In May the minister of foreign affairs of France visited Berlin.")


# --- spans.quick: same objects as the dataclass's own __init__, same equality --------------------

def _plain(cls: type, values: dict):
    """An instance filled the dataclass way: one ``object.__setattr__`` per field."""
    new = object.__new__(cls)
    for f in dataclasses.fields(cls):
        object.__setattr__(new, f.name, values.get(f.name, f.default))
    return new


def _fields_equal(a, b) -> bool:
    """The dataclass's generated ``__eq__``: the tuples of every field, in order."""
    names = [f.name for f in dataclasses.fields(a)]
    return a.__class__ is b.__class__ and [getattr(a, n) for n in names] == [getattr(b, n) for n in names]


SMALL = st.sampled_from([None, "", "russia", "china", 0, 1, 2, (), ("russia",), ("russia", "china"), True, False])


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_extract_speed_dense_quick_span_equals_dataclass(data):
    names = [f.name for f in dataclasses.fields(Span)]
    required = {n: data.draw(SMALL) for n in names[:7]}
    optional = {n: data.draw(SMALL) for n in names[7:] if data.draw(st.booleans())}
    fast = Span(**required, **optional)
    assert list(fast.__dict__) == names and fast.__dict__ == _plain(Span, {**required, **optional}).__dict__
    other = fast.with_(**{n: data.draw(SMALL) for n in names if data.draw(st.booleans())})
    assert (fast == other) == _fields_equal(fast, other)
    assert (fast != other) == (not _fields_equal(fast, other))
    assert fast == Span(*required.values(), **optional) and hash(fast) == hash(_plain(Span, fast.__dict__))
    with pytest.raises(dataclasses.FrozenInstanceError):
        fast.i = 3  # type: ignore[misc]


@pytest.mark.parametrize("cls", [Span, Reading, Context])
def test_extract_speed_dense_quick_keeps_signature_and_defaults(cls):
    fields = dataclasses.fields(cls)
    params = list(inspect.signature(cls.__init__).parameters.values())[1:]
    assert [p.name for p in params] == [f.name for f in fields]
    assert [p.default for p in params] == [f.default if f.default is not dataclasses.MISSING
                                          else inspect.Parameter.empty for f in fields]
    assert Span(0, 1, 0, 4, 0, "State", "label").__eq__("not a span") is NotImplemented


def test_extract_speed_dense_quick_refuses_factories():
    @dataclasses.dataclass(frozen=True)
    class WithFactory:
        items: list = dataclasses.field(default_factory=list)

    with pytest.raises(TypeError):
        quick(WithFactory)


def test_extract_speed_dense_readings_equal_field_by_field(gaz):
    """Readings and their spans from the example compare as the dataclass would compare them."""
    from diplograph.graph.extract import events, find_spans, linking

    doc = Document(id="ex", text=EXAMPLE.read_text(encoding="utf-8"), date=PartialDate(2002, 1, 7))
    p = parse_mod.parse(doc, gaz, default_rules())
    linked, _ = linking.link(p, find_spans(p, gaz, default_rules()), gaz, date(2002, 1, 7))
    found = events.readings(p, linked, default_rules())
    assert len(found) > 10 and len(linked) > 30
    for a, b in zip(found, found[1:] + found[:1]):
        assert (a == b) == _fields_equal(a, b) and a == _plain(Reading, a.__dict__)
    for a in linked[:40]:
        for b in linked[:40]:
            assert (a == b) == _fields_equal(a, b)


# --- Parsed.positions: the plain scan over every token -------------------------------------------

@pytest.fixture(scope="module")
def parsed(gaz):
    out = []
    for n, text in enumerate([EXAMPLE.read_text(encoding="utf-8"), DENSE]):
        out.append(parse_mod.parse(Document(id=f"d{n}", text=text), gaz, default_rules()))
    return out


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_extract_speed_dense_positions_match_the_scan(parsed, data):
    p = data.draw(st.sampled_from(parsed))
    lower = data.draw(st.booleans())
    words = p.lower if lower else p.words
    pool = sorted(set(words)) + ["absent", "(", "Treaty", "said"]
    chosen = data.draw(st.lists(st.sampled_from(pool), max_size=6))
    wanted = data.draw(st.sampled_from([tuple(chosen), set(chosen), frozenset(chosen), dict.fromkeys(chosen, 1)]))
    assert p.positions(wanted, lower=lower) == [k for k, w in enumerate(words) if w in wanted]


def test_extract_speed_dense_positions_on_cue_lists(parsed):
    rules = default_rules()
    for p in parsed:
        for kind in ("org_head", "agreement_head", "travel"):
            cues = rules.cue(kind)
            assert p.positions(cues, lower=True) == [k for k, w in enumerate(p.lower) if w in cues]
            assert p.positions(cues) == [k for k, w in enumerate(p.words) if w in cues]


# --- holders: offices indexed by folded title --------------------------------------------------------

def _titled_plain(offices: list, title: str, on: date) -> list[str]:
    """The rule before the index: every office of the state, its role folded on each lookup."""
    key = holders.title_key.__wrapped__(title)
    if key in holders.UNSPECIFIED_ROLES:
        return []
    return sorted({rid for rid, o in offices if o.held_on(on) and holders.title_key.__wrapped__(o.role) == key})


def test_extract_speed_dense_titled_holders_match_the_scan(gaz):
    roles = sorted({o.role for rid in gaz.records for o in gaz.offices(rid)})
    titles = sorted({t.title for t in default_rules().titles}) + roles[::max(1, len(roles) // 40)] + \
        ["Minister of Finance", "vice-president"]
    states = ["russia", "china", "united_states", "france", "ukraine", "iraq", "nowhere"]
    found = 0
    for state in states:
        offices = [(rid, o) for rid in sorted(gaz.records) for o in gaz.offices(rid) if o.of == state]
        for title in titles:
            for on in (date(1995, 6, 1), date(2002, 1, 7), date(2014, 3, 1)):
                expected = _titled_plain(offices, title, on)
                assert holders.titled_holders(gaz, state, title, on) == expected, (state, title, on)
                found += bool(expected)
    assert found > 20


@pytest.mark.parametrize("title", ["Vice-President", "Minister for Finance", "minister of the interior",
                                   "Foreign  Minister", "Defence Minister"])
def test_extract_speed_dense_title_key_cached_is_pure(title):
    assert holders.title_key(title) == holders.title_key.__wrapped__(title)


# --- dates: narrower gates, read lazily ----------------------------------------------------------------

def _all_candidates(text: str, ref: PartialDate | None, start: int = 0, end: int | None = None) -> list:
    """find_dates without gates: every pattern run on the range."""
    found = []
    for rank, (kind, _, rx, fn) in enumerate(dates.PATTERNS):
        compiled = re.compile(rx)
        for m in compiled.finditer(text, start, len(text) if end is None else end):
            a, b = m.span("core") if "core" in compiled.groupindex else m.span()
            found.append((a, a - b, rank, dates.DateMention(a, b, text[a:b], fn(m, ref), kind)))
    kept: list = []
    for *_, mention in sorted(found, key=lambda c: c[:3]):
        if not kept or mention.start >= kept[-1].end:
            kept.append(mention)
    return kept


YEAR_WORDS = ["1850", "1999", "2020", "2099", "2100", "22", "07", "0910", "120", "September", "Sept.", "Sep",
              "May", "March", "in", "of", "since", "mid-", "mid-2020", "last", "Last", "past", "next", "This",
              "this", "the", "The", "new", "year", "month", "week", "summer", "autumn", "Friday", "today", ",",
              "troops", "end", "2001-09-11", "11.09.2001", "1990s", "20th", "century", "Mayor", "May's"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(YEAR_WORDS), max_size=10), st.sampled_from(["", " ", "\n"]),
       st.sampled_from([None, PartialDate(2002, 1, 7), PartialDate(2010, 6)]))
def test_extract_speed_dense_dates_narrow_gates_change_no_mention(words, pad, ref):
    text = pad + " ".join(words) + pad
    assert dates.find_dates(text, 0, len(text), ref) == _all_candidates(text, ref)


@pytest.mark.parametrize("text", [DENSE, EXAMPLE.read_text(encoding="utf-8")])
def test_extract_speed_dense_dates_by_sentence_match_ungated(parsed, text):
    """Sentence by sentence, as events are dated: the gated, lazily read patterns find what every
    pattern run on the same range finds."""
    p = next(q for q in parsed if q.text == text)
    seen = 0
    for s in range(len(p.sents)):
        a, b = p.sent_span(s)
        expected = _all_candidates(text, PartialDate(2002, 1, 7), a, b)
        assert dates.find_dates(text, a, b, PartialDate(2002, 1, 7)) == expected
        seen += len(expected)
    assert seen >= 3


def test_extract_speed_dense_gate_words_are_necessary():
    """Every match of a pattern holds a word of each of its gates: checked on sentences written to
    match each pattern, so a gate that is not necessary shows up as a missed date."""
    samples = ["on March 3, 2031", "3 of March 2031", "2031-03-03", "03.03.2031", "March 2031", "March 3",
               "3 March", "in the 20th century", "the 1990s", "this past summer", "next month", "last year",
               "the new year", "since March", "in May", "last March", "in 2031", "last week", "today", "Friday"]
    for n, (kind, gates, rx, _) in enumerate(dates.PATTERNS):
        matched = [s for s in samples if re.search(rx, s)]
        assert matched, dates.PATTERNS[n][2]
        for s in matched:
            m = re.search(rx, s)
            assert all(any(w in m.group(0) for w in dates.GATES[g]) for g in gates), (s, gates)


# --- surnames.fits_name: a lone surname reads no names ----------------------------------------------

@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["W.", "Jr.", "Sergey", "Vladimir", "al", "Hong", "", "V."]), max_size=3),
       st.lists(st.sampled_from(["Vladimir Putin", "Sergei Ivanov", "Omar al-Bashir", "George W. Bush", ""]),
                max_size=3))
def test_extract_speed_dense_fits_name_matches_the_plain_rule(others, names):
    from diplograph.graph.extract import surnames

    plain = all(surnames._matches(w, surnames._pieces(names)) for w in others)
    assert surnames.fits_name(others, names) == plain
