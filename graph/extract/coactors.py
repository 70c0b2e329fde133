"""Parties a reading misses when the sentence names them in a shape the position rules do not read.

Stage contract: ``widened(parsed, readings, groups) -> list[Reading]``, run by events.py on one sentence's
readings after the joins (``_chain``, ``_answers``...). Pure.

- **Reciprocal objects**: "India and China accused each other of ...", "the two sides criticized one
  another": each actor is the other's target (the reading becomes one group, as "held talks" is).
- **A mutual act**: "Indian and Chinese troops clashed", "soldiers of A and B were killed in a clash": a clash
  (cue ``MUTUAL``) between two sides named as its subject is each side's act on the other.
- **Ties between the actors**: "Colombia and Peru exchanged ambassadors", "A and B restored relations": a
  trigger ending in ties, relations, ambassadors (``BETWEEN``) with two actors and no target is between them.
- **A co-actor joined**: "France joined Germany in condemning Russia": whom the subject joined acts too
  (Germany and France condemn Russia; the joining itself stays the COOPERATE it was read as).
- **A guest hosted**: "Qatar hosted the Afghan president", "Egypt hosted Jordanian Foreign Minister X": an
  official received as the verb's object met the host (hosting people or a conference is no meeting).
- **Sides taken**: "X sided with Y against Z", "backed Y against Z": X also criticizes Z.
- **Whose bidding**: "accused the OAS of doing Washington's bidding", "accused Y of acting as a puppet of Z",
  "of being a NATO proxy": in a criticism of Y, the principal Z is criticized too (``PROXY`` nouns).
- **A repeated preposition**: "leaned on Cuba, and on Russia and China, for backing", "imposed sanctions
  on Iran and on Syria": the groups after each repetition of the preposition before the first target
  are targets too.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from diplograph.graph.extract.clauses import TURNED
from diplograph.graph.extract.parse import Parsed
from diplograph.graph.extract.spans import ACTOR_TYPES, Span

if TYPE_CHECKING:
    from diplograph.graph.extract.events import Reading

__all__ = ["RECIPROCAL", "widened"]

RECIPROCAL = (("each", "other"), ("one", "another"), ("each", "other", "'s"), ("one", "another", "'s"))
RECIPROCAL_REACH = 2  # words between the trigger and "each other" ("accused on Monday each other": no)
JOINING = frozenset({"joined", "joins", "join", "joining"})
JOINED_GAP = frozenset({"in"})  # "joined Germany in condemning": nothing else between the ally and the verb
REPEATED = frozenset({"on", "with", "to", "against", "from", "by", "for"})  # a preposition a target follows
COORD_GAP = frozenset({",", "and", "the", "also", "then"})  # what may stand before the repeated preposition


def widened(p: Parsed, out: list[Reading], gs: tuple[tuple[Span, ...], ...]) -> list[Reading]:
    """The sentence's readings with the constructions of the module docstring read (new readings last).

    Args:
        p: The parsed document.
        out: One sentence's readings, in text order.
        gs: The sentence's mention groups (roles.groups).
    """
    out = [_hosted_guest(p, _mutual(p, _reciprocal(p, r), gs)) for r in out]
    out = _joined(p, out)
    out = [_repeated(p, r, gs) for r in out]
    return out + [x for r in out for x in (*_sided_against(p, r, gs), *_principal(p, r, gs))]


def _reciprocal(p: Parsed, r: Reading) -> Reading:
    """"A and B accused each other": one group, each the other's target."""
    if r.one_group or len({a.eid for a in r.actors}) < 2:
        return r
    s1 = p.sents[r.sent][1]
    after = p.lower[r.hit.j:min(s1, r.hit.j + RECIPROCAL_REACH + 3)]
    for lead in range(RECIPROCAL_REACH + 1):
        if any(after[lead:lead + len(w)] == w for w in RECIPROCAL) and _plain(after[:lead]):
            return replace(r, targets=(), one_group=True)
    return r


def _plain(words: tuple[str, ...]) -> bool:
    """Words that may stand between a verb and its reciprocal object ("accused publicly each other" is
    rare; "met with one another", "turned against each other" are not)."""
    return all(w in ("with", "against", "of", "to", "at", "on") for w in words)


def _joined(p: Parsed, out: list[Reading]) -> list[Reading]:
    """"X joined Y in condemning Z": Y, whom X joined, acts beside X in the condemnation."""
    out = list(out)
    for n, head in enumerate(out):
        if p.lower[head.hit.i] not in JOINING or not head.actors or not head.targets:
            continue
        ally_end = max(t.j for t in head.targets)
        tail = next((m for m in range(n + 1, len(out)) if out[m].hit.i == ally_end + 1), None)
        if tail is None or p.lower[ally_end] not in JOINED_GAP or out[tail].trigger.nominal:
            continue
        doers = tuple({s.eid: s for s in (*head.actors, *head.targets) if s.type in ACTOR_TYPES}.values())
        own = {d.eid for d in doers}
        out[tail] = replace(out[tail], actors=doers, targets=tuple(t for t in out[tail].targets if t.eid not in own))
    return out


def _repeated(p: Parsed, r: Reading, gs: tuple[tuple[Span, ...], ...]) -> Reading:
    """"on Cuba, and on Russia and China": each group after the repeated preposition is a target too
    (an actor, for an entry whose object acts: "leaned on Cuba, and on Russia, for backing")."""
    turned = r.trigger.direction == TURNED
    side = r.actors if turned else r.targets
    if not side or r.one_group or r.trigger.relation == "met":  # "met with Y, and with Z": two meetings
        return r
    first = min(t.i for t in side)
    prep = p.lower[first - 1] if first > 0 else ""
    if prep not in REPEATED or first - 1 < r.hit.i:
        return r
    added = _after_repeats(p, r.sent, max(t.j for t in side), prep, gs)
    other = {a.eid for a in (r.targets if turned else r.actors)}
    new = side + tuple(s for s in added if s.eid not in other and s not in side)
    if len(new) == len(side):
        return r
    return replace(r, actors=new) if turned else replace(r, targets=new)


def _after_repeats(p: Parsed, sent: int, end: int, prep: str, gs: tuple[tuple[Span, ...], ...]) -> list[Span]:
    """The actor mentions of each group after ", and <prep>" repeated from token ``end`` on."""
    s1, added = p.sents[sent][1], []
    while True:
        k = end
        while k < s1 and p.lower[k] in COORD_GAP:
            k += 1
        if k == end or k >= s1 or p.lower[k] != prep or "and" not in p.lower[end:k]:
            return added
        nxt = next((g for g in gs if g[0].i == k + 1 or (g[0].i == k + 2 and p.lower[k + 1] == "the")), None)
        if nxt is None:
            return added
        added += [s for s in nxt if s.type in ACTOR_TYPES]
        end = nxt[-1].j


HOST_ENTRY = "host"


def _hosted_guest(p: Parsed, r: Reading) -> Reading:
    """A host reading whose object is an official (right after the verb, a title between) is a meeting."""
    if r.trigger.id != HOST_ENTRY or r.trigger.relation or not r.actors or not r.targets or r.one_group:
        return r
    first = min(r.targets, key=lambda t: t.i)
    gap = p.lower[r.hit.j:first.i]
    if first.type != "Official" or len(gap) > 6 or not all(w in ("the", "a") or not p.words[k][:1].islower()
                                                          for k, w in zip(range(r.hit.j, first.i), gap)):
        return r
    return replace(r, trigger=replace(r.trigger, relation="met"))


SIDING = frozenset({"sided", "sides", "siding", "backed", "backs", "supported", "supports", "stood", "stands"})


def _sided_against(p: Parsed, r: Reading, gs: tuple[tuple[Span, ...], ...]) -> list[Reading]:
    """"X sided with Y against Z": a criticism X -> Z beside the support X -> Y."""
    if r.trigger.relation != "supports" or r.trigger.nominal or p.lower[r.hit.i] not in SIDING or not r.actors \
            or not r.targets or r.negated:
        return []
    end = max(t.j for t in r.targets)
    if end >= len(p.lower) or p.lower[end] != "against":
        return []
    foes = next((g for g in gs if g[0].i == end + 1 or (g[0].i == end + 2 and p.lower[end + 1] == "the")), ())
    foes = tuple(s for s in foes if s.type in ACTOR_TYPES and s.eid not in {a.eid for a in r.actors})
    if not foes:
        return []
    crit = replace(r.trigger, id=r.trigger.id + "_against", event_type="DISAPPROVE", relation="criticizes",
                   direction="actor->target")
    return [replace(r, trigger=crit, targets=foes)]


MUTUAL = frozenset({"clash", "clashes", "clashed", "clashing", "skirmish", "skirmishes", "skirmished"})
CASUALTY_LEAD = frozenset({"in", "during", "a", "an", "the", "border", "armed", "deadly", "brief", "fierce"})
BETWEEN = frozenset({"ties", "relations", "relationship", "ambassadors", "envoys", "fire"})  # a trigger's last word
CASUALTY = frozenset({"killed", "wounded", "injured", "died", "dead", "hurt"})


def _mutual(p: Parsed, r: Reading, gs: tuple[tuple[Span, ...], ...]) -> Reading:
    """"A and B clashed", "A's and B's troops were killed in a clash": the two sides' act on each other."""
    if r.targets or r.one_group or r.negated:
        return r
    if p.lower[r.hit.j - 1] in BETWEEN and len({a.eid for a in r.actors}) >= 2:
        return replace(r, one_group=True)  # "A and B restored ties": between them
    if p.lower[r.hit.i] not in MUTUAL:
        return r
    if len({a.eid for a in r.actors}) >= 2:
        return replace(r, one_group=True)
    if r.actors or not _killed_in(p, r):
        return r
    named = [s for g in gs for s in g if s.j <= r.hit.i and s.type == "State"]  # whose people died in it
    sides = tuple({s.eid: s for s in named}.values())
    return replace(r, actors=sides, one_group=True) if len(sides) >= 2 else r


def _killed_in(p: Parsed, r: Reading) -> bool:
    """Whether the clash noun follows a casualty word and "in" ("were killed in a clash", "died during a
    border clash"): its victims' states are its sides."""
    s0, k = p.sents[r.sent][0], r.hit.i
    while k > s0 and p.lower[k - 1] in CASUALTY_LEAD and p.lower[k - 1] not in ("in", "during"):
        k -= 1
    return k - 2 >= s0 and p.lower[k - 1] in ("in", "during") and p.lower[k - 2] in CASUALTY


PROXY = frozenset({"bidding", "puppet", "puppets", "proxy", "proxies", "stooge", "stooges", "lackey", "lackeys",
                   "pawn", "pawns", "vassal", "satellite"})
PROXY_REACH = 18  # tokens from the criticism to the proxy noun ("accused the OAS of meddling in ... and of doing")


def _principal(p: Parsed, r: Reading, gs: tuple[tuple[Span, ...], ...]) -> list[Reading]:
    """"X accused Y of doing Z's bidding": a criticism X -> Z beside X -> Y."""
    if r.trigger.relation != "criticizes" or r.trigger.nominal or not r.actors or r.negated or r.one_group:
        return []
    s1 = p.sents[r.sent][1]
    noun = next((k for k in range(r.hit.j, min(s1, r.hit.j + PROXY_REACH)) if p.lower[k] in PROXY), None)
    if noun is None or ";" in p.lower[r.hit.j:noun]:
        return []
    z = _owner(p, noun, gs)
    named = {a.eid for a in (*r.actors, *r.targets)}
    z = tuple(s for s in z if s.type in ACTOR_TYPES and s.eid not in named)
    if not z:
        return []
    return [replace(r, targets=z)]


def _owner(p: Parsed, noun: int, gs: tuple[tuple[Span, ...], ...]) -> tuple[Span, ...]:
    """Whose proxy the noun at token ``noun`` names: "Z's bidding", "a Z proxy", "a puppet of Z"."""
    for g in gs:
        end = g[-1].j
        if end == noun or (end == noun - 1 and p.lower[end] in ("'s", "\u2019s")):
            return g
        if g[0].i in (noun + 2, noun + 3) and p.lower[noun + 1] == "of" \
                and all(w == "the" for w in p.lower[noun + 2:g[0].i]):
            return g
    return ()
