"""Date expressions: found with their offsets, resolved to the precision the text supports."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from diplograph.graph.extract.dates import find_dates, normalise
from diplograph.graph.model import PartialDate

JAN_2002 = PartialDate(2002, 1)
JAN_7_2002 = PartialDate(2002, 1, 7)  # a Monday
WED = PartialDate(2008, 8, 6)  # a Wednesday


@pytest.mark.parametrize("expr, reference, iso, precision", [
    ("January 7", JAN_2002, "2002-01-07", "day"),
    ("Jan. 7, 2002", None, "2002-01-07", "day"),
    ("Sept 11, 2001", None, "2001-09-11", "day"),
    ("7 January 2002", None, "2002-01-07", "day"),
    ("7th of January, 2002", None, "2002-01-07", "day"),
    ("January 2002", None, "2002-01", "month"),
    ("2002-01-07", None, "2002-01-07", "day"),
    ("24.11.2013", None, "2013-11-24", "day"),
    ("in 2001", None, "2001", "year"),
    ("since 1999", JAN_2002, "1999", "year"),
    ("December 31", JAN_2002, "2001-12-31", "day"),  # a month after the reference month: last year
    ("March 21", PartialDate(2006, 4), "2006-03-21", "day"),
    ("June 14", PartialDate(2009), "2009-06-14", "day"),  # a year alone: its year
    ("last October", PartialDate(2003, 4, 22), "2002-10", "month"),
    ("in October", PartialDate(2003, 4, 22), "2002-10", "month"),
    ("in March", PartialDate(2003, 4, 22), "2003-03", "month"),
    ("in May", PartialDate(2003, 6), "2003-05", "month"),
    ("since last May", PartialDate(2003, 6), "2003-05", "month"),
    ("last April", PartialDate(1997, 1, 7), "1996-04", "month"),
    ("this past summer", JAN_2002, "2001", "year"),
    ("this past fall", JAN_2002, "2001", "year"),
    ("last fall", PartialDate(2002, 12), "2002", "year"),
    ("last summer", PartialDate(2005, 7), "2004", "year"),
    ("last year", JAN_2002, "2001", "year"),
    ("this year", JAN_2002, "2002", "year"),
    ("next year", PartialDate(2005, 10, 18), "2006", "year"),
    ("the new year", JAN_2002, "2002", "year"),
    ("last month", JAN_2002, "2001-12", "month"),
    ("next month", PartialDate(2002, 12, 3), "2003-01", "month"),
    ("last week", JAN_7_2002, "2001-12", "month"),  # a week is not a day
    ("yesterday", JAN_7_2002, "2002-01-06", "day"),
    ("yesterday", JAN_2002, "2002-01", "month"),  # no day in the reference: no day in the answer
    ("today", WED, "2008-08-06", "day"),
    ("on Wednesday", WED, "2008-08-06", "day"),
    ("Tuesday", WED, "2008-08-05", "day"),
    ("on Sunday", JAN_7_2002, "2002-01-06", "day"),
    ("Sunday", PartialDate(2005, 7), "2005-07", "month"),
    ("Sunday", PartialDate(2005), "2005", "year"),
])
def test_dates_normalise_table(expr, reference, iso, precision):
    date = normalise(expr, reference)
    assert date is not None, expr
    assert (date.iso(), date.precision) == (iso, precision)


@pytest.mark.parametrize("expr, reference", [
    ("in the 17th century", JAN_2002),
    ("the 1990s", JAN_2002),
    ("this past summer", PartialDate(2002)),  # a year alone cannot place last summer
    ("last month", PartialDate(2002)),
    ("January 7", None),
    ("yesterday", None),
    ("February 30, 2002", None),
])
def test_dates_unplaceable_give_none(expr, reference):
    assert normalise(expr, reference) is None


@pytest.mark.parametrize("text", [
    "The treaty bans 2001 warheads.",  # a quantity, not a year
    "Officials may meet again.",  # the verb, not the month
    "The minister held talks with May in London.",  # a surname
    "Putin and May met.",
    "They march on the capital.",
    "A 1972 treaty was signed.",  # a bare year with no date context is left alone
])
def test_dates_not_dates(text):
    assert find_dates(text, 0, len(text), JAN_2002) == []


def test_dates_offsets_are_absolute_and_bounded():
    text = "Header. The envoys met on January 7 and again in March 2002, said Interfax (January 8)."
    start = text.index("The")
    found = find_dates(text, start, text.index("said"), JAN_7_2002)
    assert [(m.text, m.date.iso(), m.kind) for m in found] == [("January 7", "2002-01-07", "day"),
                                                              ("March 2002", "2002-03", "month")]
    assert all(text[m.start:m.end] == m.text for m in found)


def test_dates_range_and_citation():
    text = "(Segodnya, December 31-January 1)"
    found = find_dates(text, 0, len(text), PartialDate(1997, 1, 7))
    assert [m.date.iso() for m in found] == ["1996-12-31", "1997-01-01"]


def test_dates_on_the_example(example_text):
    found = find_dates(example_text, 0, len(example_text), JAN_7_2002)
    assert [(m.text, m.date.iso()) for m in found] == [
        ("January 7", "2002-01-07"), ("this past summer", "2001"), ("this past fall", "2001"),
        ("the new year", "2002"), ("January 7", "2002-01-07")]


@given(st.text(alphabet=st.sampled_from(list("Jan.uary 0123456789,-MaySundlstwek")), max_size=60),
       st.integers(0, 10))
def test_dates_mentions_slice_back(text, start):
    start = min(start, len(text))
    found = find_dates(text, start, len(text), JAN_7_2002)
    assert all(text[m.start:m.end] == m.text and m.start >= start for m in found)
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))


@pytest.fixture(scope="module")
def example_text():
    from pathlib import Path

    return (Path(__file__).resolve().parents[1] / "examples" / "monitor-8-7.txt").read_text(encoding="utf-8")
