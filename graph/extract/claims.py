"""Whom an accusation is aimed at when it is told as a clause: "X's accusations that Y supports Z".

Stage contract: ``claimed_targets(parsed, readings, spans) -> readings`` (a pass over events.py's
readings, after roles.py). A disapproval with an actor and no target of its own ("Israeli
accusations", "allegations by Rwanda", "X alleged") whose "that" clause follows it is aimed at the
subject of that clause: "Syria denied Israeli accusations that it supports Hezbollah" (Israel
accuses Syria; "it" is resolved by anaphora.py), "X alleged that Y had armed the rebels" (X
accuses Y). Only the clause's subject counts, named or a resolved pronoun, in the same sentence.

A verb whose object is an event noun ("demanded a meeting of the Security Council", "will provide
food aid to Y", "rejected proposed Israeli changes") and that names no target of its own is aimed
at whom that event involves (``object_targets``): the event's own parties named in the object, else
its targets, else the group right after the noun ("of X", "to X").
"""

from __future__ import annotations

from dataclasses import replace

from diplograph.graph.extract.clauses import ALLY
from diplograph.graph.extract.parse import Parsed
from diplograph.graph.extract.purpose import PLACE_KIND
from diplograph.graph.extract.roles import LOCATIVE
from diplograph.graph.extract.spans import ACTOR_TYPES, TIME_WORDS, Span

ACCUSING = frozenset({"DISAPPROVE", "ACCUSE"})
GAP = 6  # tokens between the accusation and its "that" ("allegations by the Rwandan government that")
GAP_WORDS = frozenset({"by", "from", "the", "of", "'s", "’s", "made", "levelled", "leveled", "recent", "new",
                       "fresh", "renewed"})
SUBJECT_LEAD = frozenset({"the"})  # what may stand between "that" and the clause's subject


def claimed_targets(p: Parsed, readings: list, spans: list[Span]) -> list:
    """The readings, each accusation with no target given the subject of its "that" clause."""
    out = list(readings)
    starts: dict[int, list[Span]] | None = None  # made when the first accusation with a clause is seen
    for n, r in enumerate(out):
        if r.trigger.event_type not in ACCUSING or r.targets or not r.actors or r.one_group or r.negated:
            continue
        that = _that(p, r.hit.j, p.sents[r.sent][1])
        if that is None:
            continue
        if starts is None:
            starts = {}
            for s in spans:
                if s.type in ACTOR_TYPES and s.eid and not s.place:
                    starts.setdefault(s.i, []).append(s)
        own = {a.eid for a in r.actors}
        subject = [s for s in _subject(p, that, starts) if s.eid not in own]
        if subject:
            out[n] = replace(r, targets=tuple(subject))
    return object_targets(p, out, spans)


def _that(p: Parsed, k: int, s1: int) -> int | None:
    """Where the "that" introducing the accusation's clause stands, within GAP tokens after token k
    with only a "by X" / "from X" (names, determiners) between; None when there is none."""
    for m in range(k, min(s1, k + GAP)):
        w = p.lower[m]
        if w == "that":
            return m
        if w not in GAP_WORDS and not p.words[m][:1].isupper():
            return None
    return None


def _subject(p: Parsed, that: int, starts: dict[int, list[Span]]) -> list[Span]:
    """The mentions opening the clause after "that" ("that it", "that the Syrian army"): the first
    mention within two tokens, with those coordinated with it ("that X and Y")."""
    k = that + 1
    while k < len(p.lower) and p.lower[k] in SUBJECT_LEAD:
        k += 1
    found = list(starts.get(k, ()))
    while found:
        nxt = found[-1].j
        if nxt + 1 < len(p.lower) and p.lower[nxt] == "and" and starts.get(nxt + 1):
            found.extend(starts[nxt + 1])
        else:
            break
    return found


PARTY_RELATIONS = frozenset({"signed", "partyTo", "joins", "withdrawsFrom", "met"})
OBJECT_REACH = 6  # tokens between a verb and the event noun heading its object ("provide 25,000 tons of food aid")
# words that end the verb's object before an event noun could head it (a clause, another phrase)
OBJECT_STOP = frozenset({",", ";", ":", "that", "to", "and", "or", "but", "which", "who", "in", "on", "at", "by",
                         "from", "with", "for", "after", "before", "as", "if", "unless", "while", "said", "says",
                         "(", ")", '"', "\u201c", "\u201d", "``", "''"})
ARTICLES = frozenset({"a", "an", "the", "its", "their", "his", "her"})
NOUN_LEAD = frozenset({"a", "an", "the", "its", "their", "his", "her", "any", "of"})  # only a noun phrase goes on
# stances on an act: aimed at whoever does it, not at whom it is done to
JUDGING = frozenset({"SUPPORT", "DISAPPROVE", "ACCUSE", "REJECT", "PROTEST", "CONCEDE"})
WHEN = TIME_WORDS | frozenset({"on", "this", "last", "next", "again", "also"})  # before a "to" complement
NOUN_GAP = frozenset({"of", "the", "a", "an", "to", "with", "from", "between", "among"})  # "a meeting of the X"


def object_targets(p: Parsed, readings: list, spans: list[Span]) -> list:
    """The readings, each verb with actors and no target whose object is headed by the next
    trigger, read as an event noun, given whom that event involves (see the module docstring)."""
    out = list(readings)
    starts: dict[int, list[Span]] | None = None
    for n in range(len(out) - 1):
        r, noun = out[n], out[n + 1]
        if not _aimless_verb(r) or noun.sent != r.sent or not _heads_object(p, r, noun) \
                or p.lower[noun.hit.j - 1] in ALLY:  # "shelled X's allies": the allies, unnamed, not X
            continue
        if starts is None:
            starts = _starts(spans)
        own = {a.eid for a in r.actors}
        involved = [_placed(p, s) for s in _involved(p, r, noun, starts) if s.eid not in own and s.type in ACTOR_TYPES]
        if involved:
            out[n] = replace(r, targets=tuple(dict.fromkeys(involved)))
    return out


def _placed(p: Parsed, s: Span) -> Span:
    """A target named as a place ("a curfew in Algiers") marked so that it asserts no stance (facts.py)."""
    return s.with_(kind=PLACE_KIND) if s.place or (s.i > 0 and p.lower[s.i - 1] in LOCATIVE) else s


def _aimless_verb(r) -> bool:
    """A verb reading with actors, no target and no fixed party relation."""
    return not r.trigger.nominal and bool(r.actors) and not r.targets and not r.one_group \
        and r.trigger.relation not in PARTY_RELATIONS and r.trigger.direction != "symmetric"


def _heads_object(p: Parsed, r, noun) -> bool:
    """Whether the trigger ``noun`` heads the verb's object: within OBJECT_REACH tokens with no
    clause or phrase boundary between, and read as a noun (a noun entry, or after a determiner),
    or a participle right after the verb ("reject proposed changes")."""
    gap = p.lower[r.hit.j:noun.hit.i]
    when = next((n for n, w in enumerate(gap) if w not in WHEN), len(gap))  # "threatened on Sunday to"
    if len(gap) - when >= 2 and gap[when] == "to" and p.words[r.hit.j + when + 1].islower():
        rest = gap[when + 2:]  # "threatened to institute a curfew": the object of the verb's infinitive
        noun_like = not NOUN_LEAD.isdisjoint(rest) or (not rest and p.lower[noun.hit.i].endswith("s"))
        return noun_like and OBJECT_STOP.isdisjoint(rest) and len(rest) <= 3
    if noun.hit.i < r.hit.j or len(gap) > OBJECT_REACH or not OBJECT_STOP.isdisjoint(gap):
        return False
    if noun.trigger.nominal or not NOUN_LEAD.isdisjoint(gap) or any(w[:1].isdigit() for w in gap):
        return True  # "a meeting", "25,000 tons of food aid": a verb entry after these is a noun
    return not gap and p.lower[noun.hit.i].endswith("ed")


def _participle(p: Parsed, r, noun) -> bool:
    """Whether the trigger ``noun`` is a participle modifying the verb's object ("rejected (the)
    proposed changes"): right after the verb or its determiner, ending in "-ed"."""
    return p.lower[noun.hit.i].endswith("ed") and set(p.lower[r.hit.j:noun.hit.i]) <= ARTICLES


def _starts(spans: list[Span]) -> dict[int, list[Span]]:
    out: dict[int, list[Span]] = {}
    for s in spans:
        if s.type in ACTOR_TYPES and s.eid and not s.place and s.kind != "pronoun":
            out.setdefault(s.i, []).append(s)
    return out


def _involved(p: Parsed, r, noun, starts: dict[int, list[Span]]) -> list[Span]:
    """Whom the event noun involves: all of a meeting's group, its parties named in the verb's
    object, else its targets, else the mentions right after it ("a meeting of the X"). A verb that
    judges the event ("condemned", "rejected", "welcomed") is aimed only at who does it, named in
    the object: "condemned the Israeli attack" (Israel), never at the victim ("condemned the
    bombing of Y") nor at the parties of talks it welcomes."""
    named = [a for a in noun.actors if a.i >= r.hit.j and a.j <= noun.hit.i and not noun.one_group]
    if r.trigger.event_type in JUDGING:  # not the parties of "the talks between X and Y" either
        # "rejected proposed Israeli changes": the owner named right after a participle proposed them
        return named or [t for t in noun.targets if t.i == noun.hit.j and _participle(p, r, noun)]
    if noun.one_group:
        return list(noun.actors + noun.targets)
    if named:
        return named
    if noun.targets:
        return list(noun.targets)
    k = noun.hit.j
    while k < len(p.lower) and k - noun.hit.j < 4 and p.lower[k] in NOUN_GAP:
        k += 1
    return list(starts.get(k, ())) if k > noun.hit.j else []
