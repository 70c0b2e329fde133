"""Resolve an ambiguous gazetteer mention from its context: the date, the text's other names.

Helpers of linking.py, pure functions over a span, the gazetteer and the date (or, in an undated
text, the frame its anchors fix: timeframe.py). A candidate already linked earlier wins; else the
one in office or in existence on the date; else the one state the text names elsewhere ("Congolese"
beside Kinshasa), the one whose capital the place name is ("Tripoli": Libya), the one organization
a named state belongs to ("the Commonwealth" beside Zimbabwe), or the one candidate that is not
the government body of a state the text never names. A capital named before its state existed is
its predecessor's ("Juba" in 1998 is Sudan: ``city_then``). What stays ambiguous is left so.
"""

from __future__ import annotations

from datetime import date

from diplograph.graph.extract.holders import framed, in_office
from diplograph.graph.extract.lexicon import default_rules
from diplograph.graph.extract.spans import Span
from diplograph.graph.extract.timeframe import Frame
from diplograph.graph.model import PartialDate


def resolve_gazetteer(s: Span, seen: set[str], gazetteer, on, named: frozenset[str] = frozenset(),
                      frame: Frame | None = None, surface: str = "") -> Span:
    """Pick one candidate for an ambiguous gazetteer span from context, or leave it unresolved."""
    if s.eid or not s.candidates:
        return s
    earlier = [c for c in s.candidates if c in seen]
    if len(earlier) == 1:
        return s.with_(eid=earlier[0])
    if on is None and frame is not None:  # an undated text: the time its anchors fix (timeframe.py)
        current = framed(gazetteer, s.candidates, frame, class_of(s.role)) \
            or _existing(gazetteer, s.candidates, None, frame)
    else:
        current = in_office(gazetteer, s.candidates, on) or _existing(gazetteer, s.candidates, on)
    if len(current) == 1:
        return s.with_(eid=current[0])
    if s.type == "State" and _named_one(gazetteer, s.candidates, named):
        return s.with_(eid=_named_one(gazetteer, s.candidates, named))
    if s.kind == "metonym" and _capital_of_one(gazetteer, s.candidates, surface):
        return s.with_(eid=_capital_of_one(gazetteer, s.candidates, surface))
    if s.type == "Organization" and _members_named(gazetteer, s.candidates, named):
        return s.with_(eid=_members_named(gazetteer, s.candidates, named))
    local = _foreign_bodies(gazetteer, s.candidates, named)
    if len(local) == len(s.candidates) - 1:
        return s.with_(eid=next(c for c in s.candidates if c not in local))
    return s


def _named_one(gazetteer, candidates: tuple[str, ...], named: frozenset[str]) -> str | None:
    """The one candidate state the text names unambiguously elsewhere ("Congolese" in a text that
    names Kinshasa or Brazzaville), else None. Not between a state and its predecessor ("Moscow"
    beside "Soviet" history is still Russia): the date decides those."""
    if gazetteer is None or any((gazetteer.get(c) or {}).get("end") for c in candidates):
        return None
    found = [c for c in candidates if c in named]
    return found[0] if len(found) == 1 else None


def _capital_of_one(gazetteer, candidates: tuple[str, ...], surface: str) -> str | None:
    """The one current candidate state whose capital the shared place name is ("Tripoli" is Libya's
    capital and a Lebanese port: Libya, unless the text names Lebanon alone), else None."""
    if gazetteer is None or any((gazetteer.get(c) or {}).get("end") for c in candidates):
        return None
    found = [c for c in candidates if (gazetteer.get(c) or {}).get("capital") == surface]
    return found[0] if len(found) == 1 else None


def is_region(gazetteer, eid: str, surface: str) -> bool:
    return gazetteer is not None and surface in ((gazetteer.get(eid) or {}).get("regions") or ())


def _members_named(gazetteer, candidates: tuple[str, ...], named: frozenset[str]) -> str | None:
    """The one candidate organization that some state the text names has ever belonged to ("the
    Commonwealth" in a text naming Zimbabwe is the Commonwealth of Nations, beside Kazakhstan the
    CIS), else None (states of both, or of neither, leave it unresolved; so does a candidate with no
    members)."""
    members = [{m["state"] for m in (gazetteer.get(c) or {}).get("members") or ()} if gazetteer is not None else set()
               for c in candidates]
    if not all(members):  # a state's own body ("Russia's Security Council") has no members to tell it by
        return None
    found = [c for c, ms in zip(candidates, members) if not named.isdisjoint(ms)]
    return found[0] if len(found) == 1 else None


def city_then(s: Span, gazetteer, on: date | None) -> Span:
    """A capital named before its state existed is a city of the state it then belonged to ("Juba"
    in 2000 is Sudan's, not South Sudan's): the first predecessor that existed then (a state with
    no predecessor, such as East Timor, keeps its capital)."""
    if gazetteer is None or on is None:
        return s
    eid = s.eid
    while _later(gazetteer.get(eid) or {}, on) and (gazetteer.get(eid) or {}).get("predecessor"):
        eid = gazetteer.get(eid)["predecessor"]  # Belgrade in 1990: Yugoslavia
    return s if eid == s.eid else s.with_(eid=eid, candidates=(eid,))


def _later(rec: dict, on: date) -> bool:
    return bool(rec.get("start")) and on < PartialDate.parse(rec["start"]).first_day()


def _foreign_bodies(gazetteer, ids: tuple[str, ...], named: frozenset[str]) -> list[str]:
    """Candidates that are one state's own bodies when the text never names that state: "the
    Security Council" in a text that never names Russia is not Russia's Security Council."""
    if gazetteer is None:
        return []
    out = []
    for i in ids:
        rec = gazetteer.get(i) or {}
        if rec.get("subtype") == "GovernmentBody" and rec.get("state") and rec["state"] not in named:
            out.append(i)
    return out


def _existing(gazetteer, ids: tuple[str, ...], on: date | None, frame: Frame | None = None) -> list[str]:
    """States that existed on the date ("Moscow" in 2002 is Russia, not the Soviet Union); in an undated
    text, those that existed at some time in its frame ("Moscow" beside Putin is Russia)."""
    if gazetteer is None or (on is None and frame is None):
        return []
    out = []
    for i in ids:
        rec = gazetteer.get(i) or {}
        start, end = (PartialDate.parse(rec[k]) if rec.get(k) else None for k in ("start", "end"))
        if on is None:
            existed = rec.get("type") == "State" and frame.meets(start, end)
        else:
            existed = (start is None or start.first_day() <= on) and (end is None or on < end.first_day())
        if existed:
            out.append(i)
    return out


def class_of(title: str | None) -> str | None:
    """The role class of a canonical title ("Prime Minister": head_of_government)."""
    return next((t.role_class for t in default_rules().titles if t.title == title), None) if title else None
