"""Groupings of states named as one actor: "the Baltic states", "the six world powers".

Stage contract: ``expand(spans, gazetteer, on) -> list[Span]``, a pure function run after linking.

News often names a set of states by one name. When such a grouping is the actor or target of a
relation, the relation holds for each of its members, so each mention of a grouping is given one
State span per member (as of the document's date) over the same tokens, kind ``grouping``. The
roles then see the members as one coordinated group ("Iran and the six powers reached a deal":
Iran and each of the six), and every relation the extractor reads reaches each member.

A gazetteer organization record marks a grouping with the field ``grouping``:

* ``"named"``: a negotiating format with a name of its own (E3+3/P5+1, the Normandy Four): the
  grouping stays an entity beside its members (its own triples and its members' ``memberOf``);
* ``"descriptive"``: a description of a set of states ("the Baltic states", "the Nordic countries",
  "the two Koreas"): not an actor of its own, its mention stands for its members only.

Organizations with agency of their own (NATO, the EU, the UN, the SCO) have no ``grouping`` field
and are never expanded. facts.py keeps the members of one mention from being paired with each
other while anyone else is a party to the event ("Iran and the six powers": Iran with each power,
not the powers among themselves), and merges the events an apposition would double ("the Baltic
states, Estonia, Latvia and Lithuania").
"""

from __future__ import annotations

from datetime import date

from diplograph.graph.extract.spans import Span

KIND = "grouping"  # the span kind of a member read from a grouping's mention
GROUPINGS = ("named", "descriptive")

__all__ = ["GROUPINGS", "KIND", "expand", "grouping_of", "members_on", "one_mention"]


def grouping_of(gazetteer, eid: str | None) -> str | None:
    """``"named"`` or ``"descriptive"`` for a grouping of states, else None.

    >>> from diplograph.ontology.gazetteer import load
    >>> grouping_of(load(), "baltic_states"), grouping_of(load(), "nato")
    ('descriptive', None)
    """
    rec = gazetteer.get(eid) if gazetteer is not None and eid else None
    value = rec.get("grouping") if rec else None
    return value if value in GROUPINGS else None


def members_on(gazetteer, gid: str, on: date | None) -> list[str]:
    """The grouping's member states on that day, sorted; for an undated text, its current members
    (those whose membership has no end), so no former member is read into an undated report."""
    if on is not None:
        return gazetteer.members(gid, on)
    rec = gazetteer.get(gid) or {}
    return sorted({m["state"] for m in rec.get("members") or () if not m.get("end")})


def expand(spans: list[Span], gazetteer, on: date | None) -> list[Span]:
    """Give each linked mention of a grouping one State span per member, over the same tokens.

    A named grouping's own span is kept (before its members); a descriptive one's is replaced by
    its members (with no member on the date, it is dropped: it stands for no state we know).

    Args:
        spans: Linked spans, in text order.
        gazetteer: The loaded gazetteer (None: spans are returned unchanged).
        on: The document's date (the first day of a partial date), or None.
    """
    if gazetteer is None:
        return spans
    out: list[Span] = []
    for s in spans:
        kind = grouping_of(gazetteer, s.eid) if s.type == "Organization" else None
        if kind is None:
            out.append(s)
            continue
        if kind == "named":
            out.append(s)
        out.extend(member_span(s, m) for m in members_on(gazetteer, s.eid, on))
    return out


def member_span(group: Span, state: str) -> Span:
    """The span standing for one member of a grouping's mention."""
    return group.with_(type="State", kind=KIND, eid=state, candidates=(state,), subtype=None, state=None,
                       name=None, role=None)


def one_mention(a: Span, b: Span | None) -> bool:
    """True when two spans are one mention: members read from the same grouping's words (or the
    grouping and one of its members). Distinct mentions never share a token range."""
    return b is not None and a.i == b.i and a.j == b.j and KIND in (a.kind, b.kind)
