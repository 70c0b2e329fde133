"""Linking in a text with no date, from the time its anchors fix (timeframe.py, linking.py, holders.py).

The gazetteer holds two Presidents Bush (1989-93 and 2001-09). An undated text resolves "President
Bush" to the one whose presidency overlaps the time of the officials it names unambiguously and
the months it dates; none or several fitting leave him unresolved, and a dated text keeps its date.
"""

from __future__ import annotations

from datetime import date

import pytest

from diplograph.graph.extract import extract
from diplograph.graph.extract.documents import parse_document
from diplograph.graph.extract.timeframe import Frame, after, interval
from diplograph.graph.model import PartialDate

HW, W = "george_h_w_bush", "george_w_bush"


def undated(body: str, gaz):
    doc = parse_document(body.encode(), doc_id="frame")
    assert doc.date is None
    return extract(doc, gaz)


def dated(body: str, on: str, gaz):
    return extract(parse_document(f"---\ndate: {on}\n---\n{body}\n".encode(), doc_id="frame"), gaz)


def linked_ids(x, surface: str) -> set[str]:
    return {m.entity_id for m in x.mentions if m.text == surface}


def unresolved(x) -> set[str]:
    return {m.text for m in x.unresolved}


@pytest.mark.parametrize("body, bush", [
    ("President Bush and Russian President Vladimir Putin agreed to cut their arsenals.", W),
    ("Russian President Vladimir Putin welcomed President Bush to the talks.", W),
    ("President Bush met Soviet President Mikhail Gorbachev at the summit.", HW),
    ("In May 1990, President Bush praised the reforms.", HW),  # a month and year is an anchor
    ("On June 5, 2003, President Bush spoke about the plan.", W),
    ("Bush praised Vladimir Putin for his help.", W),  # no title: any office overlapping the frame
    # two anchors of one time outweigh one from another era
    ("President Bush met Vladimir Putin and Sergei Lavrov, long after Mikhail Gorbachev had left.", W),
])
def test_linking_timeframe_resolves_bush(gaz, body, bush):
    x = undated(body, gaz)
    assert linked_ids(x, "Bush") == {bush}
    assert "Bush" not in unresolved(x)
    assert bush in {e.id for e in x.entities}


@pytest.mark.parametrize("body", [
    "President Bush said the talks had gone well.",  # nobody datable
    "President Bush said the plan would last until 2020.",  # a bare year is no anchor
    # two anchors from two eras, no overlap: each Bush fits one of them
    "President Bush recalled how Mikhail Gorbachev and Vladimir Putin had changed Moscow.",
])
def test_linking_timeframe_leaves_bush_unresolved(gaz, body):
    """Neither Bush is chosen; the state both served is (linking.py: a titled surname the date cannot settle)."""
    x = undated(body, gaz)
    assert not {HW, W} & {e.id for e in x.entities}
    assert {m.entity_id for m in x.mentions if "Bush" in m.text} == {"united_states"}


def test_linking_timeframe_date_wins(gaz):
    body = "President Bush and Vladimir Putin signed the treaty."
    assert linked_ids(dated(body, "1990-06-01", gaz), "Bush") == {HW}
    assert linked_ids(dated(body, "2002-05-24", gaz), "Bush") == {W}


def test_linking_timeframe_metonym_of_a_state_that_existed(gaz):
    x = undated("Vladimir Putin said Moscow would criticize Georgia.", gaz)
    assert linked_ids(x, "Moscow") == {"russia"}  # the Soviet Union ended in 1991


@pytest.mark.parametrize("body", [
    "Moscow criticized Georgia over the border.",  # no anchor
    # Russia has no start in the gazetteer: in Gorbachev's time both states existed
    "Mikhail Gorbachev said Moscow would criticize Poland.",
])
def test_linking_timeframe_metonym_stays_open(gaz, body):
    assert "Moscow" in unresolved(undated(body, gaz))


def test_linking_timeframe_bare_office_one_holder(gaz):
    # Medvedev's presidency (2008-12) saw one French president, Sarkozy, and two US presidents
    x = undated("Russian President Dmitry Medvedev arrived. The French president criticized Germany.", gaz)
    assert ("nicolas_sarkozy", "germany") in {(e.actor, e.target) for e in x.events}
    y = undated("Russian President Dmitry Medvedev arrived. The US president criticized Germany.", gaz)
    assert ("united_states", "germany") in {(e.actor, e.target) for e in y.events}


def test_linking_timeframe_deterministic(gaz):
    body = "President Bush and Russian President Vladimir Putin agreed. Moscow welcomed the deal."
    assert undated(body, gaz) == undated(body, gaz)


def test_timeframe_interval_reads_gazetteer_ends():
    # a day-precise end is the first day no longer covered; a month or year end covers it whole
    assert interval(PartialDate(2001, 1, 20), PartialDate(2009, 1, 20)) == (date(2001, 1, 20), date(2009, 1, 20))
    assert interval(None, PartialDate(1993)) == (date.min, date(1994, 1, 1))
    assert interval(PartialDate(2002, 5), None) == (date(2002, 5, 1), date.max)
    assert after(PartialDate(2002, 12)) == date(2003, 1, 1)
    assert after(PartialDate(2002, 5, 24)) == date(2002, 5, 25)


def test_timeframe_frame_meets_half_open():
    f = Frame(((date(2008, 5, 7), date(2012, 5, 7)),))
    assert f.meets(PartialDate(2012, 5, 7), None) is False  # starts the day the frame ends
    assert f.meets(None, PartialDate(2008, 5, 7)) is False  # ended the day the frame starts
    assert f.meets(PartialDate(2012, 5, 6), None) is True
    assert f.meets(PartialDate(2007), PartialDate(2008)) is True  # a year end covers 2008
