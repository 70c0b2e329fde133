"""Agent nouns: who acts when a sentence names a group of people, not a state.

"Rebels in the Ivory Coast rejected the plan", "demonstrators in Baghdad blocked a road": a state
(or its capital) named after an agent noun and "in" is whose rebels or demonstrators they are,
so it stands for the actor, not for a place. A nationality before the noun already says whose
they are ("the French military in Rwanda": Rwanda is where). The agent nouns are the ``agent``
cue words (cues.jsonl); a demonym ("Albanians in Serbia") counts as one.

Unnamed people on the other side of an event are counted for a state too, as event coders do:
"the Sudanese government accused rebels" is an event within Sudan (``domestic_target``), "students
demanded the resignation of the Chilean president" one within Chile (``domestic_actor``). Such a
stand-in span has kind "domestic"; its events assert no relation (facts.py), so no fact ever links
a state to itself.
"""

from __future__ import annotations

from diplograph.graph.extract.lexicon import Rules, Trigger
from diplograph.graph.extract.parse import Hit, Parsed
from diplograph.graph.extract.spans import Span

AREA = frozenset({"the", "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
                  "northeastern", "northwestern", "southeastern", "southwestern", "northeast", "northwest",
                  "southeast", "southwest", "neighbouring", "neighboring", "rural", "occupied"})


def agents_in_states(p: Parsed, spans: list[Span], rules: Rules) -> set[tuple[int, int]]:
    """Token ranges of the State mentions that name whose agents act ("rebels in X")."""
    state_ends = {s.j for s in spans if s.type == "State"}
    people_ends = {s.j for s in spans if s.type == "State" and s.kind == "demonym"}
    nouns = rules.cue("agent")
    out = set()
    for s in spans:
        if s.type != "State" or not s.eid or s.modifier:
            continue
        s0 = p.sents[s.sent][0]
        k = s.i - 1
        while k > s0 and p.lower[k] in AREA:
            k -= 1
        if k <= s0 or p.lower[k] != "in":
            continue
        noun = k - 1
        people = p.lower[noun] in nouns or k in people_ends
        qualified = any(e in state_ends for e in (noun - 1, noun)) and k not in people_ends
        if people and not qualified and not _qualified_phrase(p, noun, state_ends, s0):
            out.add((s.i, s.j))
    return out


def _qualified_phrase(p: Parsed, noun: int, state_ends: set[int], s0: int) -> bool:
    """"Serbian military police in ...": a nationality two or three words before the noun."""
    return any(e in state_ends and e > s0 for e in (noun - 2, noun - 3)) and p.lower[noun - 1] != ","


# agent nouns that name a state's own institutions: after a verb they may be anyone's
INSTITUTIONS = frozenset({"police", "policemen", "army", "military", "navy", "troops", "soldiers", "forces",
                          "authorities", "officials", "government", "administration", "regime", "junta", "judges",
                          "lawmakers", "legislators", "deputies", "leaders"})
OBJECT_WINDOW = 6  # tokens from the trigger to the head noun of its object ("accused Darfur rebels")
SUBJECT_WINDOW = 6  # tokens from the subject's head noun to the trigger ("fundamentalists continued ...")


NUMBERS = frozenset({"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
                     "twelve", "dozen", "dozens", "scores", "hundreds", "thousands", "several"})
_PEOPLE: dict[int, frozenset[str]] = {}


def _people(rules: Rules) -> frozenset[str]:
    """Agent nouns that name people rather than a state's institutions (computed once per rule set)."""
    if id(rules) not in _PEOPLE:
        _PEOPLE[id(rules)] = (rules.cue("agent") - INSTITUTIONS) | {"ethnic"}
    return _PEOPLE[id(rules)]


def _number(word: str) -> bool:
    return word in NUMBERS or word.replace(",", "").isdigit()


def state_of_span(s: Span) -> str | None:
    """The state a mention acts for: itself, an official's or a government body's state."""
    return s.eid if s.type == "State" else s.state


def _domestic(s: Span, k: int, state: str) -> Span:
    """A stand-in for the unnamed people at token k, counted for ``state``."""
    return s.with_(i=k, j=k + 1, kind="domestic", type="State", eid=state, candidates=(state,), modifier=False,
                   place=False, role=None)


def domestic_target(p: Parsed, hit: Hit, stop: int, actors: list[Span], trig: Trigger, rules: Rules,
                    places: tuple[Span, ...] = ()) -> list[Span]:
    """"The Sudanese government accused Darfur rebels of ...": an object that is a group of people
    with no nationality named is the actor's own people (the event happens within one state), or
    the people of the state the sentence places the event in ("the French military in Chad arrested
    two smugglers"); so are the victims counted by a number ("killing 20", "arrested dozens"), and
    whoever a protest with no named target is aimed at (the actor's own government)."""
    own = next((state_of_span(a) for a in actors if state_of_span(a)), None)
    if own is None:
        return []
    state = own if trig.event_type == "PROTEST" else next((s.eid for s in places if s.eid), own)
    if state is None:
        return []
    if trig.event_type == "PROTEST":
        return [_domestic(actors[0], hit.i, state)]
    people = _people(rules)
    counted = trig.event_type in ("ASSAULT", "COERCE")
    for k in range(hit.j, min(stop, hit.j + OBJECT_WINDOW, len(p.lower))):
        if p.lower[k] in people or (counted and k - hit.j <= 3 and _number(p.lower[k])):
            return [_domestic(actors[0], k, state)]
        if p.lower[k] in (",", ";", ":", "and", "but", "which", "who", "that", "to"):
            return []
    return []


def domestic_actor(p: Parsed, hit_i: int, start: int, targets: list[Span], rules: Rules) -> list[Span]:
    """"Islamic fundamentalists demanded the resignation of the Algerian president": a subject that
    is a group of people with no nationality named acts within the target's state."""
    state = next((state_of_span(t) for t in targets if state_of_span(t)), None)
    if state is None:
        return []
    people = _people(rules)
    for k in range(hit_i - 1, max(start, hit_i - SUBJECT_WINDOW) - 1, -1):
        if p.lower[k] in people:
            return [_domestic(targets[0], k, state)]
        if p.lower[k] in (",", ";", ":", "which", "who", "that"):
            return []
    return []


WHERE = frozenset({"near", "on", "along", "at", "in", "across", "inside", "within", "outside", "from", "off", "beyond",
                   "around", "toward", "towards", "past"})


def not_party(p: Parsed, s: Span, place_nouns: frozenset[str]) -> bool:
    """A state's name that names no party: a nationality that qualifies where something happens
    ("near the Thai border", "in the Iraqi city of Basra"; but "shelled Iraqi towns" names the
    target), or an ethnic group ("ethnic Albanians", whose people are counted for the state they
    live in: see ``domestic_actor``)."""
    if s.i > 0 and p.lower[s.i - 1] == "ethnic":
        return True
    if s.j >= len(p.lower) or p.lower[s.j] not in place_nouns or s.kind == "label":
        return False
    k = s.i - 1
    while k > 0 and (p.lower[k] in AREA or p.lower[k] in ("a", "an", "its", "their", "his", "her")):
        k -= 1
    return k >= 0 and p.lower[k] in WHERE
