"""Retype a reading by what its verb acts on: the same verb reports another PLOVER type with some objects.

Stage contract: ``retyped(parsed, reading, rules) -> reading`` (called by events.py on each reading).
CAMEO's "reduce relations" (PLOVER SANCTION) holds expelling or withdrawing a mission or an international
agency: "expelled two Russian diplomats", "forced the UN refugee agency out" and "will withdraw its inspectors
from Iraq" downgrade relations, where "expelled the refugees" is
COERCE and "withdrew its troops" a military RETREAT. Lifting a blockade or a siege de-escalates a military
measure (RETREAT), where lifting a ban or a curfew is a concession (CONCEDE). The object is read from the
words right after the verb, up to a clause boundary.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from diplograph.graph.extract.lexicon import Rules
from diplograph.graph.extract.parse import Parsed
from diplograph.graph.extract.senses import in_object, sensed
from diplograph.graph.extract.spans import time_phrase_end

if TYPE_CHECKING:
    from diplograph.graph.extract.events import Reading


@dataclass(frozen=True)
class Retype:
    """One retyping: a reading of type ``was`` whose verb is one of ``verbs`` and whose object holds a
    word of cue kind ``cue`` (or whose target is an organization of a subtype in ``bodies``) is of type
    ``becomes``."""

    was: str
    verbs: frozenset[str]
    cue: str
    becomes: str
    bodies: frozenset[str] = frozenset()  # target subtypes that retype it too ("expelled the Red Cross")


AGENCIES = frozenset({"IntergovernmentalOrganization", "NonGovernmentalOrganization"})
RETYPES = (
    Retype("COERCE", frozenset({"expel", "expels", "expelled", "expelling", "expulsion", "forced", "forces",
                                "forcing"}), "mission", "SANCTION", AGENCIES),
    Retype("RETREAT", frozenset({"withdraw", "withdraws", "withdrew", "withdrawing", "withdrawn", "withdrawal",
                                 "recall", "recalled", "recalls", "recalling", "pull", "pulled", "pulls", "pulling"}),
           "mission", "SANCTION"),
    Retype("CONCEDE", frozenset({"lift", "lifted", "lifts", "lifting", "ease", "eased", "eases", "easing", "relax",
                                 "relaxed", "relaxes", "relaxing"}), "blockade_object", "RETREAT"),
)
OBJECT_REACH = 6  # words after the verb searched for its object ("lifted Friday a day-old blockade")
#: Where a verb's object ends: punctuation, or a preposition that opens what follows it ("from Iraq", "to Y")
OBJECT_END = frozenset({",", ";", ":", ".", "(", "from", "to", "in", "on", "at", "after", "before", "because",
                        "as", "but", "while", "when", "which", "that", "who"})


#: Military exercises: held by two states or more at once ("French and Egyptian warships began war games")
#: they are military cooperation (PLOVER COOPERATE), by one a show of force (MOBILIZE)
EXERCISES = frozenset({"drills", "exercise", "exercises", "games", "maneuvers", "manoeuvres"})
ARRIVALS = frozenset({"arrive", "arrived", "arrives", "arriving"})
WHERE = frozenset({"off", "near", "in", "around", "at", "across", "along", "inside", "outside", "over"})


def retyped(p: Parsed, r: Reading, rules: Rules) -> Reading:
    """The reading with the type its verb's object gives it (itself when no :data:`RETYPES` applies), or
    COOPERATE for an exercise held together (:data:`EXERCISES`), or the type of its sense (senses.py)."""
    r2 = sensed(p, r, rules)
    if r2 is not r:
        return r2
    if r.trigger.event_type == "MOBILIZE" and p.lower[r.hit.j - 1] in EXERCISES \
            and len({a.eid for a in r.actors if a.type == "State"}) >= 2:
        partners = tuple(t for t in r.targets if p.lower[t.i - 1] not in WHERE)  # "off Sri Lanka": where
        return replace(r, trigger=replace(r.trigger, event_type="COOPERATE"), targets=partners)
    verb = p.lower[r.hit.i]
    if r.trigger.event_type == "CONSULT" and verb in ARRIVALS:
        return _arrival(p, r, rules)
    for rule in RETYPES:
        if r.trigger.event_type == rule.was and verb in rule.verbs and (
                _object_has(p, r, rules.cue(rule.cue)) or any(t.subtype in rule.bodies for t in r.targets)):
            return _protest(p, replace(r, trigger=replace(r.trigger, event_type=rule.becomes)), rules)
    return _protest(p, r, rules)


#: Summoning a diplomat is the standard diplomatic protest ("summoned Japan's ambassador"); summoning a
#: cabinet, a parliament or a witness is not
SUMMONS = frozenset({"summon", "summoned", "summoning", "summons"})


def _protest(p: Parsed, r: Reading, rules: Rules) -> Reading:
    """A SANCTION on diplomats ("expelled two Russian diplomats", "recalled its ambassador from Y") or a
    summons of one ("summoned Japan's ambassador") asserts ``criticizes``: a diplomatic protest, as cutting
    ties is; monitors, inspectors or an agency sent away assert no relation."""
    protest = r.trigger.event_type == "SANCTION" or (
        r.trigger.event_type == "DISAPPROVE" and p.lower[r.hit.i] in SUMMONS)
    if not protest or r.trigger.relation or not _object_has(p, r, rules.cue("diplomat_object")):
        return r
    return replace(r, trigger=replace(r.trigger, relation="criticizes"))


def _object_has(p: Parsed, r: Reading, words: frozenset[str]) -> bool:
    """Whether one of ``words`` is among the words after the trigger, before its object ends
    ("withdrew its observers from Y" holds "observers"; "withdrew from Y, observers said" holds none)."""
    return in_object(p, r.hit.j, p.sents[r.sent][1], words, OBJECT_END)  # "lifted on Monday a blockade"


UNDOING = frozenset({"CONCEDE", "RETREAT"})
MEASURES = frozenset({"COERCE", "SANCTION", "ASSAULT"})  # what a concession or a retreat may undo


def undone_targets(p: Parsed, out: list[Reading]) -> list[Reading]:
    """"X shortened by an hour the curfew imposed in Y", "X lifted its blockade of Y": a concession or
    retreat with no target of its own whose object is a measure (the next trigger, within its object)
    is aimed at whom that measure was aimed at."""
    out = list(out)
    for n in range(len(out) - 1):
        head, tail = out[n], out[n + 1]
        if head.trigger.event_type not in UNDOING or head.targets or not head.actors or head.one_group \
                or tail.trigger.event_type not in MEASURES or not tail.targets:
            continue
        gap = p.lower[time_phrase_end(p, head.hit.j, tail.hit.i):tail.hit.i]
        if len(gap) < OBJECT_REACH and OBJECT_END.isdisjoint(gap):
            out[n] = replace(head, targets=tuple(t for t in tail.targets if t not in head.actors))
    return out


def _arrival(p: Parsed, r: Reading, rules: Rules) -> Reading:
    """"Bangladeshi peacekeeping troops arrived in Y" is peacekeeping, aid to Y (CAMEO "provide
    peacekeeping"); "Russian troops arrived in Y" a deployment (MOBILIZE); a visitor's arrival stays a
    consultation. Read from the words between the actor and the verb (the subject's head noun)."""
    if not r.actors:
        return r
    between = p.lower[max(a.j for a in r.actors):r.hit.i]
    for cue, kind in (("peacekeeping", "AID"), ("troop_noun", "MOBILIZE")):
        if not rules.cue(cue).isdisjoint(between):
            return replace(r, trigger=replace(r.trigger, event_type=kind))
    return r
