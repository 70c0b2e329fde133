"""The time an undated text speaks of, read from what it pins down, for linking.

Helpers of linking.py, pure functions over the spans and the gazetteer:
``infer(p, spans, gazetteer) -> Frame | None`` and ``Frame.meets(start, end) -> bool``.

A text with no date leaves "President Bush" open between two Presidents Bush. What the text does
fix are its anchors: each official named in full who has one gazetteer entry ("Russian President
Vladimir Putin": his offices as president of Russia, the title and state the text gives; all his
offices when none match) and each date the body names with month and year ("in May 2002": that
month; a bare year, often another time, "until 2020", is no anchor).
The frame is the time most anchors share: their intersection when they overlap, else the stretches
covered by the most anchors at once (the union, when no two overlap), so one anchor from another
era ("like Gorbachev before him") widens the frame instead of emptying it. A candidate then fits
when one of its offices (of the title's class, when the mention has a title the candidate held)
overlaps the frame; linking.py resolves to the one that fits and leaves none or several
unresolved. A text with no anchor has no frame.

>>> f = Frame(((date(2000, 5, 7), date(2008, 5, 7)),))
>>> f.meets(PartialDate(2001, 1, 20), PartialDate(2009, 1, 20)), f.meets(None, PartialDate(1993))
(True, False)
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from itertools import pairwise

from diplograph.graph.extract.holders import title_key
from diplograph.graph.extract.parse import Parsed
from diplograph.graph.extract.spans import Span
from diplograph.graph.model import PartialDate

Segment = tuple[date, date]  # half-open [first day, first day after)
NAMED = frozenset({"label", "alias"})  # a full name as the gazetteer spells it, not a surname


@dataclass(frozen=True)
class Frame:
    """Sorted, disjoint half-open stretches of time the text speaks of."""

    segments: tuple[Segment, ...]

    def meets(self, start: PartialDate | None, end: PartialDate | None) -> bool:
        """True when the interval ``[start, end)`` (gazetteer conventions) overlaps the frame."""
        lo, hi = interval(start, end)
        return any(lo < b and a < hi for a, b in self.segments)


def interval(start: PartialDate | None, end: PartialDate | None) -> Segment:
    """A gazetteer interval as days: a day-precise end is the first day no longer covered, a
    month- or year-precise end covers that month or year (the gazetteer's own reading)."""
    if end is None:
        return (start.first_day() if start else date.min, date.max)
    return (start.first_day() if start else date.min, end.first_day() if end.day else after(end))


def after(d: PartialDate) -> date:
    """The first day past the day, month or year ``d`` names (2002-05 -> 2002-06-01)."""
    if d.day:
        return date.fromordinal(d.first_day().toordinal() + 1)
    if d.month:
        return date(d.year + (d.month == 12), d.month % 12 + 1, 1)
    return date(d.year + 1, 1, 1)


def infer(p: Parsed, spans: list[Span], gazetteer) -> Frame | None:
    """The frame of an undated text, from its officials named in full and the months it dates."""
    if gazetteer is None:
        return None
    anchors = [a for a in (_official(s, gazetteer) for s in _named(spans)) if a]
    anchors += [((d.first_day(), after(d)),) for d in sorted(set(body_dates(p)), key=PartialDate.iso)]
    return _deepest(anchors) if anchors else None


def _named(spans: list[Span]) -> list[Span]:
    """One span per official named in full with a single gazetteer entry (the first, for its title)."""
    out: dict[str, Span] = {}
    for s in spans:
        if s.type == "Official" and s.kind in NAMED and s.eid and s.candidates == (s.eid,):
            out.setdefault(s.eid, s)
    return [out[k] for k in sorted(out)]


def _official(s: Span, gazetteer) -> tuple[Segment, ...]:
    """The stretches an anchor official held office: those the text's title and state name, if any."""
    offices = gazetteer.offices(s.eid)
    if s.state:
        offices = [o for o in offices if o.of == s.state] or offices
    if s.role:
        offices = [o for o in offices if title_key(o.role) == title_key(s.role)] or offices
    return _merge([interval(o.start, o.end) for o in offices])


def body_dates(p: Parsed) -> list[PartialDate]:
    """Dates the text names with their month and year ("May 24, 2002", "in May 2002"), in text
    order. A bare year is left out: it is as often another time ("until 2020", "since 1991")."""
    from diplograph.graph.extract.dates import find_dates  # the date patterns compile on first use

    return [m.date for m in find_dates(p.text) if m.date is not None and m.date.month]


def _merge(segments: list[Segment]) -> tuple[Segment, ...]:
    """Sorted, disjoint segments covering the same days (adjacent ones joined)."""
    out: list[Segment] = []
    for a, b in sorted(s for s in segments if s[0] < s[1]):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return tuple(out)


def _deepest(anchors: list[tuple[Segment, ...]]) -> Frame | None:
    """The stretches covered by the most anchors at once (a sweep over their boundaries)."""
    steps: dict[date, int] = {}
    for segments in anchors:
        for a, b in segments:
            steps[a] = steps.get(a, 0) + 1
            steps[b] = steps.get(b, 0) - 1
    depth, runs = 0, []
    for a, b in pairwise(sorted(steps)):
        depth += steps[a]
        runs.append((depth, a, b))
    top = max((d for d, _, _ in runs), default=0)
    if top == 0:
        return None
    return Frame(_merge([(a, b) for d, a, b in runs if d == top]))
