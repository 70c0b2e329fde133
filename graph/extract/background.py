"""Background facts: memberOf / partyTo from the gazetteer where the text names a state beside a body.

Stage contract: ``background_facts(spans, gazetteer, on, parsed, events) -> list[Fact]``, a pure function
(facts.py turns events into facts; this module adds what the gazetteer knows of the states named).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from diplograph.graph.extract.parse import Parsed
from diplograph.graph.extract.spans import Span
from diplograph.graph.model import Event, Fact

__all__ = ["background_facts"]


def background_facts(spans: list[Span], gazetteer, on: date | None, p: Parsed | None = None,
                     events: Sequence[Event] = ()) -> list[Fact]:
    """memberOf / partyTo from the gazetteer, only where the text names the state beside the body.

    Annotators accept background the text puts side by side (FORMAT.md's ``required: false``), not
    every membership of every state the text names: the state must be named in a sentence with the
    body, in the run of states nearest it when ``p`` is given ("talks between A and B mediated by C,
    D and E as co-chairs of the Group": C, D and E); never a state the text reports rejecting or
    leaving it ("the French rejection of the constitution": ``events``).
    """
    if gazetteer is None:
        return []
    named = [s for s in spans if s.eid and not s.place]
    refused = _refused(events, {s.eid: s.state for s in named if s.type == "Official" and s.state})
    by_sent: dict[int, list[Span]] = {}
    for s in sorted(named, key=lambda s: (s.i, s.j)):
        if gazetteer.type_of(s.eid) == "State":
            by_sent.setdefault(s.sent, []).append(s)
    out = []
    for body in sorted({s.eid for s in named if gazetteer.type_of(s.eid) in ("Organization", "Agreement")}):
        if gazetteer.type_of(body) == "Organization":
            pred, holders = "memberOf", set(gazetteer.members(body, on))
        else:
            pred, holders = "partyTo", set(gazetteer.parties(body, on))
        # a body that only qualifies a title ("EU foreign policy chief Catherine Ashton") names no members
        mentions = [s for s in named if s.eid == body and not s.modifier]
        beside = set().union(*(_beside(m, by_sent.get(m.sent, []), p) for m in mentions))
        out.extend(Fact(st, pred, body, origin="gazetteer") for st in sorted(beside & holders)
                   if (st, body) not in refused)
    if p is None:
        return out
    return out + _members_in_passing(p, named, by_sent, gazetteer, on) + _parties_in_name(p, named, gazetteer, on) \
        + _members_counted(p, named, by_sent, gazetteer, on)


#: Counts of members ("the six member states of the SCO").
COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
          "eleven": 11, "twelve": 12}


def _members_counted(p: Parsed, named: list[Span], by_sent: dict[int, list[Span]], gazetteer,
                     on: date | None) -> list[Fact]:
    """"The leaders of the six member states of the SCO met ... The treaty was signed by Russian
    President A, Chinese President B, ...": the states of the next sentence are the members when
    they are as many as the count says and the gazetteer knows each as a member then."""
    out = []
    for body in (s for s in named if s.type == "Organization" and gazetteer.get(s.eid) and not s.modifier):
        s0 = p.sents[body.sent][0]
        words = p.lower[max(s0, body.i - 5):body.i]
        if len(words) < 4 or words[-1] not in ("of", "the") or "member" not in words:
            continue
        count = next((COUNTS.get(w) or (int(w) if w.isdigit() else None) for w in words if w in COUNTS or w.isdigit()),
                     None)
        listed = {s.eid for s in by_sent.get(body.sent + 1, [])}
        members = set(gazetteer.members(body.eid, on))
        if count and len(listed) == count and listed <= members:
            out.extend(Fact(st, "memberOf", body.eid, origin="gazetteer") for st in sorted(listed))
    return out


#: What joins the states of a pair in a name ("U.S.-Japan", "Russian-Chinese", "India/Pakistan").
PAIR_JOINERS = re.compile(r"[-\u2013/]")
_STATE_FORMS: dict[str, dict[str, set[str]]] = {}


def _parties_in_name(p: Parsed, named: list[Span], gazetteer, on: date | None) -> list[Fact]:
    """"the U.S.-Japan Security Treaty", "Turkmen-Chinese gas agreements": an agreement is between
    the states its name opens with, paired by a hyphen or a slash (two or more; one state alone,
    "the Iranian nuclear deal", names no party). For a gazetteer agreement, only its known parties."""
    out = []
    forms = _state_forms(gazetteer)
    for ag in named:
        if ag.type != "Agreement":
            continue
        words = p.text[p.starts[ag.i]:p.ends[ag.j - 1]].split()
        words = words[1:] if words and words[0].lower() in ("the", "a", "an") else words
        parts = [forms.get(w, set()) for w in PAIR_JOINERS.split(words[0])] if words else []
        if len(parts) < 2 or any(len(ids) != 1 for ids in parts):
            continue
        states = {i for ids in parts for i in ids}
        known = set(gazetteer.parties(ag.eid, on)) if gazetteer.get(ag.eid) else states
        if len(states) >= 2:
            out.extend(Fact(st, "partyTo", ag.eid, origin="text") for st in sorted(states & (known or states)))
    return out


def _state_forms(gazetteer) -> dict[str, set[str]]:
    """Surface form -> state ids, for the names, adjectives and prefixes ("Sino") of states."""
    if gazetteer.version not in _STATE_FORMS:
        _STATE_FORMS.clear()
        forms: dict[str, set[str]] = {}
        for surface, type_, id_, kind in gazetteer.surface_forms():
            if type_ == "State" and kind in ("label", "alias", "adjective", "prefix"):
                forms.setdefault(surface.rstrip("-"), set()).add(id_)  # "Sino-" is "Sino" once split
        _STATE_FORMS[gazetteer.version] = forms
    return _STATE_FORMS[gazetteer.version]


#: Words that name the members of a body without naming it ("Nineteen member states ..., among them A").
MEMBER_WORDS = frozenset({"member", "members"})
#: Openers of a list of examples after them.
EXAMPLE_OPENERS = (("among", "them"), ("among", "whom"), ("including",), ("such", "as"), ("notably",))


def _members_in_passing(p: Parsed, named: list[Span], by_sent: dict[int, list[Span]], gazetteer,
                        on: date | None) -> list[Fact]:
    """"Nineteen member states backed the motion, among them A, B and C": the states listed after the
    opener are members of the organization named last before it (in the sentence or before it), when
    the gazetteer does not know them as non-members."""
    out = []
    for sent, states in sorted(by_sent.items()):
        s0, s1 = p.sents[sent]
        if MEMBER_WORDS.isdisjoint(p.lower[s0:s1]):
            continue
        opener = next((k + len(o) for k in range(s0, s1) for o in EXAMPLE_OPENERS
                       if tuple(p.lower[k:k + len(o)]) == o), None)
        body = _last_body(named, opener, gazetteer) if opener is not None else None
        if body is None:
            continue
        members = set(gazetteer.members(body, on))
        run = next((r for r in _runs(p, states) if r[0].i == opener), [])
        out.extend(Fact(st.eid, "memberOf", body, origin="gazetteer") for st in run
                   if not members or st.eid in members)
    return out


def _last_body(named: list[Span], before: int, gazetteer) -> str | None:
    """The organization named last before token ``before``."""
    orgs = [s for s in named if s.j <= before and gazetteer.type_of(s.eid) == "Organization" and not s.modifier]
    return max(orgs, key=lambda s: s.i).eid if orgs else None


#: Words that may stand between the states of one list ("Russia, the USA and France").
LIST_WORDS = frozenset({",", "and", "or", "the", "&", "as", "well"})


def _beside(m: Span, states: list[Span], p: Parsed | None) -> set[str]:
    """The states of ``m``'s sentence (in text order); with ``p``, only the runs of states nearest
    ``m`` on each side, and those inside it ("the six powers")."""
    if p is None:
        return {s.eid for s in states}
    runs = _runs(p, [s for s in states if s.j <= m.i or s.i >= m.j])
    before = [r for r in runs if r[-1].j <= m.i][-1:]
    after = [r for r in runs if r[0].i >= m.j][:1]
    return {s.eid for r in before + after for s in r} | {s.eid for s in states if s.i < m.j and m.i < s.j}


def _runs(p: Parsed, states: list[Span]) -> list[list[Span]]:
    """Group states into lists: mentions with only list words between them."""
    runs: list[list[Span]] = []
    for s in states:
        last = runs[-1][-1] if runs else None
        if last is not None and all(w in LIST_WORDS for w in p.lower[last.j:s.i]):
            runs[-1].append(s)
        else:
            runs.append([s])
    return runs


def _refused(events: Sequence[Event], state_of_official: dict[str, str]) -> set[tuple[str, str]]:
    """(state, body) pairs the text reports a rejection of, or a withdrawal from."""
    out = set()
    for e in events:
        if e.target and not e.negated and (e.event_type == "REJECT" or e.relation == "withdrawsFrom"):
            out.add((state_of_official.get(e.actor, e.actor), e.target))
    return out
