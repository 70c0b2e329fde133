"""Roles that cross a clause or turn around: what a coordinated verb shares with the verb before it,
an entry whose object acts, and criticism aimed at a state through an act done inside it.

Read by roles.py, targets.py, events.py and claims.py:

- a verb after ", and" with a subject of its own takes it ("X blamed Y, and Z accused W": Z accused),
  not the previous verb's actors (:func:`own_subject`, read by roles.py);
- a passive verb's subject is what a coordinated verb after it shares ("X was indicted by Y and will
  resign": X resigns, not Y) (:func:`passive_subject`);
- an entry with ``"direction": "target->actor"`` in lexicon.jsonl names an event its object does to its
  subject ("X won the support of Y", "X drew praise from Y", "X leaned on Y for backing": Y supports X):
  the roles read by position are turned around (:func:`turned`), and the object noun ("support",
  "praise") is not read again as an event of its own (:func:`received_objects`);
- "attacked X's militia ally": the ally is the target, X is not (:func:`allied`);
- "condemned the crackdown in Y": a criticism whose object is an act a state does to its own people
  (cue words ``inside_act``) inside Y, with no other target, is aimed at Y (:func:`inside_act`);
- "W urged Y to release Z and warned ...": an infinitive (:func:`is_infinitive`) is no finite verb whose
  subject a coordinated verb shares (events.py);
- "their talks", "the talks" after a meeting read before are that meeting (:func:`recalled_talks`).

Pure functions over token arrays.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from diplograph.graph.extract.hits import OBJECT_WINDOW, object_reach
from diplograph.graph.extract.lexicon import Rules, Trigger
from diplograph.graph.extract.parse import Hit, Parsed
from diplograph.graph.extract.spans import ACTOR_TYPES, Span

if TYPE_CHECKING:
    from diplograph.graph.extract.events import Reading

__all__ = ["ALLY", "INSIDE", "TURNED", "allied", "inside_act", "own_subject", "passive_subject", "received_objects",
           "turned"]

TURNED = "target->actor"  # the lexicon direction of an entry whose object acts
INSIDE = frozenset({"in", "inside", "within", "across", "throughout"})  # "the crackdown in Y"
INSIDE_REACH = 8  # tokens from a criticism to the state the act happened in


def passive_subject(r: Reading, passive: bool) -> tuple[Span, ...]:
    """The subject of a verb reading read as a passive (``passive``: voice.is_passive on its hit): its
    targets named before the verb ("X was indicted by Y"); none for an active verb (its actors are its
    subject), a noun or a signature."""
    trig = r.trigger
    if not passive or trig.nominal or trig.relation in ("signed", "partyTo"):
        return ()
    return tuple(t for t in r.targets if t.j <= r.hit.i)


def own_subject(p: Parsed, gs: list[list[Span]], k: int, s0: int) -> bool:
    """Whether the verb at token k has a subject of its own after the "and" before it ("X blamed Y,
    and Z accused W": Z accused), so that it does not share the previous verb's actors."""
    a = max(m for m in range(max(s0, k - 3), k) if p.lower[m] == "and")
    return any(g[0].i > a and g[-1].j <= k and any(s.type in ACTOR_TYPES for s in g) for g in gs)


def turned(trig: Trigger, actors: list[Span], targets: list[Span]) -> tuple[list[Span], list[Span]]:
    """Actors and targets of a reading, turned around for an entry whose object acts ("X won the
    backing of Y": Y backs X); with no object named, no actor ("X won support at home")."""
    if trig.direction != TURNED:
        return actors, targets
    return list(targets), list(actors)


OBJECT_BREAK = frozenset({",", ";", ":", "and", "or", "but", "to", "that", "which", "who", "while", "after", "before",
                          "as", "when", "because", "since", "said", "says"})  # a clause or another phrase opens


def received_objects(p: Parsed, hits: list[Hit], rules: Rules) -> list[Hit]:
    """The hits, less an entry whose object acts when its object noun is not its own ("won the
    election and pledged support": another verb's), and less that noun when it is ("won the support
    of Y": "support" is read as part of "won", not as an event of its own)."""
    starts = {h.i for h in hits}
    taken: set[int] = set()
    dropped: set[Hit] = set()
    for h in hits:
        trig = rules.trigger(h.id)
        if trig.direction != TURNED or trig.object is None:
            continue
        s1, words = p.sents[p.sent_of[h.i]][1], rules.cue(trig.object)
        reach = object_reach(p, h)
        noun = next((k for k in range(h.j, min(s1, h.j + reach)) if p.lower[k] in words), None)
        breaks = OBJECT_BREAK - {",", "and"} if reach > OBJECT_WINDOW else OBJECT_BREAK  # ", and on Y,"
        if noun is None or not breaks.isdisjoint(p.lower[h.j:noun]) or starts & set(range(h.j, noun)):
            dropped.add(h)  # "won the vote, and Y's support ...": no object of "won"
        else:
            taken.add(noun)
    if not taken and not dropped:
        return hits
    return [h for h in hits if h not in dropped and not any(h.i <= k < h.j for k in taken)]


ALLY = frozenset({"ally", "allies", "proxy", "proxies"})
ALLY_REACH = 3  # words from "'s" to the ally noun ("X's closest militia ally")


def allied(p: Parsed, g: list[Span]) -> bool:
    """Whether target group g owns an ally named right after it ("X's militia ally", "X's
    proxies"): the ally is what the event is done to, X is not (the ally, unnamed, is no target)."""
    k = g[-1].j
    owner = k < len(p.lower) and p.lower[k] in ("'s", "\u2019s")
    return owner and not ALLY.isdisjoint(p.lower[k + 1:k + 1 + ALLY_REACH])


def inside_act(p: Parsed, hit: Hit, places: list[Span], hi: int, acts: frozenset[str]) -> list[Span]:
    """The state a criticised act happened inside ("condemned the crackdown in Y", "criticized
    the arrests of journalists in Y"): the first state named after "in" (``places``, in text order)
    within reach of the trigger, with an ``acts`` word (cue ``inside_act``) between them; else none."""
    for s in places:
        if hit.j <= s.i < hi and s.i - hit.j <= INSIDE_REACH and p.lower[s.i - 1] in INSIDE:
            return [s] if not acts.isdisjoint(p.lower[hit.j:s.i]) else []
    return []


def is_infinitive(p: Parsed, hit: Hit) -> bool:
    """Whether the verb trigger at ``hit`` is an infinitive ("to release", "to not meet")."""
    k = hit.i - 1
    while k > 0 and p.lower[k] in ("not", "also", "then", "immediately"):
        k -= 1
    return k >= 0 and p.lower[k] == "to"


TALKS_RECALL = frozenset({"their", "those", "these", "such"})  # "their talks": the last meeting's parties


def recalled_talks(p: Parsed, hit: Hit, actors: list[Span], targets: list[Span],
                   prev_met: tuple[tuple[Span, ...], tuple[Span, ...]], one_group: bool):
    """(actors, targets, one_group) of a meeting noun that recalls the last meeting read (``prev_met``: its
    actors and targets; no targets when all met each other). "Russia and China held talks ... their talks":
    the two; "A, B and C, which negotiated with Y until the talks broke down": the talks were with Y, not
    among A, B and C (the relative clause's head is only some of that meeting's actors)."""
    met_by, met_with = prev_met
    before = p.lower[hit.i - 1] if hit.i > 0 else ""
    if not targets and actors and met_with and before in TALKS_RECALL | {"the"} \
            and {a.eid for a in actors} <= {s.eid for s in met_by}:
        return list(met_by), list(met_with), one_group
    if not actors and not targets and before in TALKS_RECALL:
        return (list(met_by), list(met_with), one_group) if met_with else (list(met_by), [], True)
    return actors, targets, one_group
