"""The actor-target pairs of one reading (moved out of facts.py): who did what to whom.

Stage contract: ``pairs_of(reading, parsed) -> list[(actor span, target span or None)]``, a pure function.
Signers pair with the agreement; one group ("X and Y held talks") pairs among itself; a meeting's guests
named in one run after the verb met each other too ("A met B and C"); a meeting with no actor named as
its subject ("The summit brought together A, B and C") pairs its guests among themselves.
"""

from __future__ import annotations

from diplograph.graph.extract.events import Reading
from diplograph.graph.extract.parse import Parsed
from diplograph.graph.extract.purpose import DOCUMENTS
from diplograph.graph.extract.spans import Span

TARGET_TYPES = {
    "met": ("State", "Official", "Organization"),
    "supports": ("State", "Official", "Organization"),
    "criticizes": ("State", "Official", "Organization", "Agreement"),
    "joins": ("Organization", "State"),
    "withdrawsFrom": ("Agreement", "Organization", "State"),  # from a state: a RETREAT, no fact
    "signed": ("Agreement",),
    "partyTo": ("Agreement",),
}


def pairs_of(r: Reading, p: Parsed) -> list[tuple[Span, Span | None]]:
    rel = r.trigger.relation
    if rel in ("signed", "partyTo") and _reduced_relative(r, p):
        return []
    if rel in ("signed", "partyTo"):
        objs = [o for o in r.targets if o.type == "Agreement"] or [o for o in r.objects if _named_after(o, r, p)] \
            or [o for o in r.objects if o.j <= r.hit.i][-1:]
        people = [a for a in r.actors + r.targets if a.type in ("Official", "State")] or list(r.officials)
        return [(a, objs[0] if objs else None) for a in people]
    if r.one_group:
        group = r.actors + r.targets
        return [(a, b) for a in group for b in group if a.eid != b.eid]
    allowed = TARGET_TYPES.get(rel or "", ("State", "Official", "Organization", "Agreement"))
    targets = [t for t in r.targets if t.type in allowed]
    if not r.actors:
        return _guests_alone(r, p, targets)
    pairs = [(a, t) for a in r.actors for t in targets] or [(a, None) for a in r.actors]
    return pairs + _fellow_guests(r, targets)


#: Subjects that are a meeting, not an actor ("The summit brought together ...", "It brought together ...").
MEETINGS = frozenset({"meeting", "meetings", "summit", "talks", "conference", "forum", "session", "gathering",
                      "ceremony", "dinner", "it", "which"})
SUBJECT_REACH = 4  # tokens before the verb searched for that subject ("The two-day summit in Lima brought")


def _guests_alone(r: Reading, p: Parsed, targets: list[Span]) -> list[tuple[Span, Span]]:
    """"The summit brought together A, B and C": a meeting verb whose subject is no actor (a meeting,
    a venue) names guests who met each other."""
    subject = p.lower[max(p.sents[r.sent][0], r.hit.i - SUBJECT_REACH):r.hit.i]
    if r.trigger.relation != "met" or r.trigger.nominal or MEETINGS.isdisjoint(subject):
        return []
    guests = list({t.eid: t for t in targets if t.type in ("State", "Official")}.values())
    return [(x, y) for n, x in enumerate(guests) for y in guests[n + 1:]] if len(guests) > 1 else []


BY_REACH = 10  # tokens from a participle to its agent ("concluded with Y on March 21 by X")


def _reduced_relative(r: Reading, p: Parsed) -> bool:
    """"the agreements signed for this purpose": a participle right after a document names a signing
    whose signers it does not say (the sentence's subject did not sign); "signed (...) by X" does."""
    k, s1 = r.hit.i, p.sents[r.sent][1]
    if k == 0 or not p.lower[k].endswith("ed") or "by" in p.lower[r.hit.j:min(s1, r.hit.j + BY_REACH)]:
        return False
    return p.lower[k - 1] in DOCUMENTS or any(o.j == k for o in r.objects)


def _named_after(o: Span, r: Reading, p: Parsed) -> bool:
    """Whether agreement ``o`` is named after the trigger, or from inside it on with a capital
    ("reached an Agreement on Strategic Cooperation"; "reached a deal on Sunday" names none)."""
    return o.i >= r.hit.j or (r.hit.i < o.i < r.hit.j < o.j and p.words[o.i][:1].isupper())


GUEST_GAP = 3  # tokens between the verb and its first guest, or between two guests ("with his", ", and")


def _fellow_guests(r: Reading, targets: list[Span]) -> list[tuple[Span, Span]]:
    """"A met B and C": B and C sat at the same meeting, so they met each other too."""
    if r.trigger.relation != "met" or not r.actors or r.trigger.nominal:
        return []
    run, last = [], r.hit.j
    for t in sorted(targets, key=lambda t: t.i):
        if t.i < r.hit.j or t.i - last > GUEST_GAP:
            break  # only the run of guests right after the verb, not "..., along with Z"
        run.append(t)
        last = t.j
    guests = list({t.eid: t for t in run if t.type in ("State", "Official")}.values())
    return [(x, y) for n, x in enumerate(guests) for y in guests[n + 1:]]


#: Verbs that put a member out of a body ("suspended Mali from the bloc", "expelled Fiji from its councils").
EXPEL_VERBS = frozenset({"suspend", "suspended", "suspends", "suspending", "expel", "expelled", "expels",
                         "expelling"})


def expulsion(r: Reading, p: Parsed, t: Span | None) -> str | None:
    """"criticizes" for a body that suspends or expels a state, or an official, "from" it (a trigger
    that asserts no relation of its own: "suspended aid to X" names no member)."""
    if t is None or t.type not in ("State", "Official") or p.lower[r.hit.j - 1] not in EXPEL_VERBS:
        return None
    s1 = p.sents[r.sent][1]
    return "criticizes" if t.i == r.hit.j + (p.lower[r.hit.j] == "the") and t.j < s1 and p.lower[t.j] == "from" \
        else None

