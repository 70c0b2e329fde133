"""Groupings of states named as one actor: "the Baltic states", "the six world powers".

Stage contracts: ``expand(spans, gazetteer, on) -> list[Span]``, run after linking; and
``talks(parsed, events, spans, gazetteer) -> list[Event]``, run on facts.py's events (the talks a
named grouping held to reach a deal, and those of the official the text names its agent). Pure.

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

from dataclasses import replace
from datetime import date

from diplograph.graph.extract.parse import Parsed
from diplograph.graph.extract.spans import Span
from diplograph.graph.model import Event

KIND = "grouping"  # the span kind of a member read from a grouping's mention
PLURAL = "plural"  # the span kind of a state read from a plural reference (plurals.py)
KINDS = (KIND, PLURAL)  # the kinds of a span standing for one of several parties named at once
GROUPINGS = ("named", "descriptive")

__all__ = ["GROUPINGS", "KIND", "KINDS", "PLURAL", "expand", "grouping_of", "members_on", "negotiated",
           "one_mention", "represented", "talks"]


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
    """True when two spans are one mention: members read from the same grouping's words or plural
    reference (or the grouping and one of its members). Distinct mentions never share a token range."""
    return b is not None and a.i == b.i and a.j == b.j and (a.kind in KINDS or b.kind in KINDS)


def talks(p: Parsed, events: list[Event], spans: list[Span], gazetteer) -> list[Event]:
    """The talks named groupings held: :func:`negotiated`, then :func:`represented`."""
    members = _named_members(spans, gazetteer)
    if not members:
        return events
    return represented(p, negotiated(events, spans, gazetteer, members), spans, gazetteer, members)


def negotiated(events: list[Event], spans: list[Span], gazetteer,
               members: dict[int, set[str]] | None = None) -> list[Event]:
    """Add the talks a named grouping held to reach a deal: each member met the other parties.

    A named grouping is a negotiating format (the E3+3 with Iran, the Normandy Four): when it and
    another party reach or conclude an agreement together ("Iran and the six powers reached an
    agreement"), facts.py makes each of them a party and pairs them in AGREE events of no relation;
    each such pair of a member read from the grouping's mention and a party outside it also met
    (a CONSULT ``met`` event with the same evidence, date and modality; a deal not reached or only
    forecast says nothing of talks held). Agreements reached by parties named one by one are left
    as they are (facts.py's co-signers meet).

    Args:
        events: The document's events (facts.py ``events_of``).
        spans: The linked spans, groupings expanded.
        gazetteer: The loaded gazetteer, or None (events are returned unchanged).
        members: :func:`_named_members` of the spans, when already known.
    """
    members = _named_members(spans, gazetteer) if members is None else members
    if not members:
        return events
    parties = {(e.evidence.start, e.trigger, e.actor) for e in events if e.relation == "partyTo" and e.target}
    held = {(e.evidence.start, e.trigger, e.actor, e.target) for e in events if e.relation == "met"}
    out = list(events)
    for e in events:
        inside = members.get(e.evidence.sentence, set())
        key = (e.evidence.start, e.trigger)
        if e.relation is not None or e.event_type != "AGREE" or e.target is None or e.negated \
                or e.modality == "forecast" \
                or (e.actor in inside) == (e.target in inside) or (*key, e.actor, e.target) in held \
                or not {(*key, e.actor), (*key, e.target)} <= parties:
            continue
        out.append(replace(e, event_type="CONSULT", relation="met"))
    return out


def _named_members(spans: list[Span], gazetteer) -> dict[int, set[str]]:
    """Sentence index -> the states read from a named grouping's mentions in it."""
    named = {(s.i, s.j) for s in spans if s.type == "Organization" and grouping_of(gazetteer, s.eid) == "named"}
    out: dict[int, set[str]] = {}
    for s in spans:
        if s.kind == KIND and (s.i, s.j) in named:
            out.setdefault(s.sent, set()).add(s.eid)
    return out


# what stands between an official and the named grouping he acts for: "chief negotiator for",
# "who negotiates on behalf of", "representing"
AGENT_NOUNS = frozenset({"negotiator", "negotiators", "envoy", "representative", "talks", "negotiations"})
ON_BEHALF = ("on", "behalf", "of")
REPRESENTS = frozenset({"representing", "represents", "represented"})
AGENT_GAP = 8  # tokens between the official's name and the grouping's mention


def represented(p: Parsed, events: list[Event], spans: list[Span], gazetteer,
                members: dict[int, set[str]] | None = None) -> list[Event]:
    """Add the talks of a named grouping's representative: "EU foreign policy chief X, chief
    negotiator for the six powers": X met each party the grouping's members met in the text (a met
    event between a member read from the grouping's mention and a party outside it; same evidence).
    The phrase that names X the grouping's agent names no talks between X and its members ("X, who
    negotiated on behalf of the six powers": X did not meet the six): such events are dropped.

    Args:
        p: The parsed document.
        events: The document's events (after :func:`negotiated`).
        spans: The linked spans, groupings expanded.
        gazetteer: The loaded gazetteer, or None.
        members: :func:`_named_members` of the spans, when already known.
    """
    members = _named_members(spans, gazetteer) if members is None else members
    agents, where = _representatives(p, spans, gazetteer) if members else ({}, set())
    if not agents:
        return events
    out = [e for e in events if not _agent_and_principal(e, agents, where)]
    seen = {(e.evidence.start, e.trigger, e.actor, e.target) for e in out}
    for e in events:
        inside = members.get(e.evidence.sentence, set())
        if e.relation != "met" or e.target is None or e.negated or e.modality == "forecast" \
                or (e.actor in inside) == (e.target in inside):
            continue
        other = e.target if e.actor in inside else e.actor
        for agent in sorted(agents):
            key = (e.evidence.start, e.trigger, agent, other)
            if agent != other and key not in seen and inside & agents[agent]:
                seen.add(key)
                out.append(replace(e, actor=agent, target=other))
    return out


def _agent_and_principal(e: Event, agents: dict[str, set[str]], where: set[tuple[int, str]]) -> bool:
    """A met event between an agent and a member of the grouping it acts for, read in the sentence
    that says so."""
    if e.relation != "met" or e.target is None:
        return False
    return any(a in agents and b in agents[a] and (e.evidence.sentence, a) in where
               for a, b in ((e.actor, e.target), (e.target, e.actor)))


def _representatives(p: Parsed, spans: list[Span], gazetteer) -> tuple[dict[str, set[str]], set[tuple[int, str]]]:
    """Official id -> the members of the named groupings the text says he acts for; and the
    (sentence, official) pairs where it says so."""
    named: dict[int, list[Span]] = {}
    for s in spans:
        if s.type == "Organization" and grouping_of(gazetteer, s.eid) == "named":
            named.setdefault(s.sent, []).append(s)
    out: dict[str, set[str]] = {}
    where: set[tuple[int, str]] = set()
    for o in spans:
        if o.type != "Official" or not o.eid or o.sent not in named:
            continue
        for g in named[o.sent]:
            if 0 <= g.i - o.j <= AGENT_GAP and _acts_for(p.lower[o.j:g.i]):
                members = {s.eid for s in spans if s.kind == KIND and (s.i, s.j) == (g.i, g.j)}
                out.setdefault(o.eid, set()).update(members)
                where.add((o.sent, o.eid))
    return out, where


def _acts_for(gap: tuple[str, ...]) -> bool:
    """Whether the words between an official and a grouping say he acts for it ("was chief
    negotiator for", "who negotiates on behalf of", ", representing")."""
    gap = gap[:-1] if gap and gap[-1] == "the" else gap
    if gap[-3:] == ON_BEHALF or (gap and gap[-1] in REPRESENTS):
        return True
    return bool(gap) and gap[-1] == "for" and not AGENT_NOUNS.isdisjoint(gap)
