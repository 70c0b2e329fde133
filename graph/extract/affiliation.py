"""The state an official or a discovered organization acts for.

Stage contract: ``fill_states(parsed, spans, gazetteer, on) -> list[Span]``, run after linking:
officials get their state from coordination ("Chinese President X and Foreign Minister Y"), the
gazetteer's office on the date, else the nearest state named before them in the sentence (or the
one state the sentence before names); discovered organizations get the state their name carries
("the Nigerian Union of Teachers": ``org_states``).
"""

from __future__ import annotations

from bisect import bisect_left
from datetime import date
from operator import attrgetter

from diplograph.graph.extract.parse import Parsed
from diplograph.graph.extract.resolve import class_of
from diplograph.graph.extract.spans import Span

BY_RANGE = attrgetter("i", "j")


def fill_states(p: Parsed, spans: list[Span], gazetteer, on: date | None) -> list[Span]:
    """Give officials their state: coordination ("Chinese President X and Foreign Minister Y"),
    the gazetteer's office on the date, else the nearest state named before them in the sentence;
    and discovered organizations the one state their name carries (:func:`org_states`)."""
    spans = org_states(p, spans)
    out: list[Span] = []
    prev_person: Span | None = None
    known_by_id: dict[str | None, str | None] = {}  # the same officials recur through a long text
    for s in spans:
        if s.type == "Official" and not s.state:
            if s.eid not in known_by_id:
                known_by_id[s.eid] = _gazetteer_state(s, gazetteer, on)
            known = known_by_id[s.eid]
            s = s.with_(state=known or _coordinated(p, prev_person, s)
                        or (_nearest_state(s, out) if s.role and s.role != "Counterpart" else None)
                        or _state_before(p, s, out),
                        state_origin="gazetteer" if known else "text")
        if s.type == "Official":
            prev_person = s
        out.append(s)
    return out


DISCOVERED_ORGS = ("organization", "acronym")


def org_states(p: Parsed, spans: list[Span]) -> list[Span]:
    """A discovered organization whose name carries one state is that state's, like a gazetteer
    government body, and so is its acronym ("NUT"): a state adjective anywhere ("the Nigerian Union
    of Teachers", "the Union of Lithuanian Farmers"), a state's name at its start ("Montenegro
    Municipality Association") unless a topic word follows ("the Iraq Study Group" is about Iraq).
    A name with two states ("the Russian-Chinese Friendship Society") or another organization in it
    ("the NATO-Russia Council") gets no state."""
    inside: dict[str, set[str]] = {}
    ordered = sorted(spans, key=BY_RANGE)
    starts = [t.i for t in ordered]
    for s in spans:
        if s.type == "Organization" and s.kind == "organization" and s.eid and not s.state:
            parts = [t for t in ordered[bisect_left(starts, s.i):bisect_left(starts, s.j)] if t.j <= s.j and t is not s]
            found = {t.eid or "" for t in parts if _carries(p, s, t)}
            others = any(t.type == "Organization" for t in parts)
            inside.setdefault(s.eid, set()).update(found if found and not others else {""})
    state = {eid: next(iter(found)) for eid, found in inside.items() if len(found) == 1 and "" not in found}
    return [s.with_(state=state[s.eid], state_origin="text")
            if s.type == "Organization" and s.kind in DISCOVERED_ORGS and s.eid in state and not s.state
            else s for s in spans]


#: Words after a state's name that make an organization's name about the state, not the state's own.
TOPIC_WORDS = frozenset({"study", "contact", "survey", "support", "relief", "reconstruction", "crisis", "friends",
                         "policy", "working", "task", "trust", "peace", "war", "solidarity", "watch", "action"})


def _carries(p: Parsed, org: Span, t: Span) -> bool:
    """Whether state mention ``t`` inside an organization's name says whose the organization is."""
    if t.type != "State" or t.place:
        return False
    if t.kind == "adjective":
        return True
    return t.kind in ("label", "alias") and t.i == org.i and (t.j >= org.j or p.lower[t.j] not in TOPIC_WORDS)


def _coordinated(p: Parsed, prev: Span | None, s: Span) -> str | None:
    if prev is None or prev.sent != s.sent or not prev.state or not s.role:
        return None
    gap = [w for w in p.lower[prev.j:s.i]]
    return prev.state if gap and gap[0] in ("and", ",") and len(gap) <= 5 else None


def _gazetteer_state(s: Span, gazetteer, on) -> str | None:
    if gazetteer is None or not s.eid or gazetteer.type_of(s.eid) != "Official":
        return None
    held = sorted({o.of for o in gazetteer.offices(s.eid, on)}) if on is not None else []
    if len(held) == 1 and gazetteer.type_of(held[0]) == "Organization":
        return held[0]  # the AU Commission's chairperson on the date serves the AU, not the state he once did
    return gazetteer.state_of(s.eid, on) or gazetteer.state_of(s.eid)


def _nearest_state(s: Span, before: list[Span]) -> str | None:
    for t in reversed(before):
        if t.sent != s.sent:
            return None
        if t.type == "State" and t.eid and not t.place:
            return t.eid
    return None


def _opens_sentence(p: Parsed, s: Span) -> bool:
    """Whether the titled name opens its sentence: at most its title's words before it, no possessive
    or comma ("Abkhazia's self-styled defense minister, X" does not)."""
    lead = p.lower[p.sents[s.sent][0]:s.i]
    return len(lead) <= 4 and not any(w in ("'s", "\u2019s", ",", "'", "\u2019") for w in lead)


def _state_before(p: Parsed, s: Span, before: list[Span]) -> str | None:
    """A state office with no state in its own sentence ("Foreign Minister X said" after "Venezuela
    said on Wednesday it would leave"): the one state the sentence before names, if it names one."""
    if class_of(s.role) in (None, "other") or any(t.sent == s.sent for t in before) \
            or not _opens_sentence(p, s):
        return None
    found = {t.eid for t in before if t.sent == s.sent - 1 and t.type == "State" and t.eid and not t.place}
    return found.pop() if len(found) == 1 else None
