"""A judgement of an act reported earlier: "Islamabad welcomed the visit", "Tokyo condemned the test".

Stage contract: ``echoed_targets(parsed, readings) -> list[Reading]``, run by events.py on the document's
readings (in text order), after the sentence joins. Pure.

A text reports an act ("the first visit by an Indian prime minister to Pakistan", "North Korea tested a
missile") and a later sentence judges it by its noun alone: "Islamabad welcomed the visit". A reader aims
the judgement at whoever did the act. A support or criticism with no target of its own is given the
actors of an earlier reading when all of these hold:

- its object, right after the verb, is "the" or "this" and the noun of a trigger (``visit``, ``test``);
- a reading of a trigger with that same first word, asserted (not negated, not a forecast), with
  named actors, stands in one of the ECHO_REACH sentences before (or earlier in the same sentence);
- those actors are not the judge itself.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from diplograph.graph.extract.parse import Parsed

if TYPE_CHECKING:
    from diplograph.graph.extract.events import Reading

__all__ = ["ECHO_REACH", "echoed_targets"]

ECHO_REACH = 6  # sentences back an act may be judged by its noun alone
JUDGING = frozenset({"supports", "criticizes"})
DEFINITE = frozenset({"the", "this", "that"})
JUDGED_INSIDE = frozenset({"called_act_wrong"})  # triggers that hold the act noun: "called the decision regrettable"


def echoed_targets(p: Parsed, readings: list[Reading]) -> list[Reading]:
    """The readings, a judgement of "the <act>" aimed at the doers of that act reported just before."""
    out = list(readings)
    for n, r in enumerate(out):
        noun = _judged_noun(p, r)
        if noun is None:
            continue
        own = {a.eid for a in r.actors}
        for prev in reversed(out[:n]):
            if r.sent - prev.sent > ECHO_REACH:
                break
            if prev.hit.i >= r.hit.i or _stem(p.lower[prev.hit.i]) != noun or not _asserted(prev):
                continue
            doers = tuple(a for a in prev.actors if a.eid not in own and a.kind != "domestic")
            if doers:  # "condemned the vote as the work of Y": the voters and Y
                out[n] = replace(r, targets=doers + tuple(t for t in r.targets if t not in doers))
            break
    return out


def _judged_noun(p: Parsed, r: Reading) -> str | None:
    """The stem of the act noun a targetless support or criticism judges ("welcomed the visit": visit)."""
    if r.trigger.relation not in JUDGING or r.trigger.nominal or not r.actors or r.one_group or r.negated:
        return None
    k = r.hit.j
    if r.trigger.id in JUDGED_INSIDE and not r.targets:  # "called the ban unacceptable": the noun is the trigger's
        return _stem(p.lower[r.hit.i + 2])
    if any(not _after_as(p, t.i, k) for t in r.targets):
        return None  # a target of its own (one named in an "as" phrase judges the act: it is not its doer)
    if k + 1 >= p.sents[r.sent][1] or p.lower[k] not in DEFINITE:
        return None
    nxt = p.lower[k + 2] if k + 2 < len(p.lower) else ""
    return _stem(p.lower[k + 1]) if nxt not in ("of", "by", "on", "to", "against", "'s") else None


AS_REACH = 5  # tokens from the act noun to an "as" ("condemned the vote as the work of Y")


def _after_as(p: Parsed, i: int, k: int) -> bool:
    """Whether token i follows an "as" a few tokens after the object that starts at token k."""
    return i > k + 2 and "as" in p.lower[k + 2:min(i, k + 2 + AS_REACH)]


def _stem(word: str) -> str:
    """A noun or verb form reduced for comparison ("visits", "visited" -> "visit"; "voted", "vote" -> "vot")."""
    for end in ("ed", "s"):
        if word.endswith(end) and len(word) > len(end) + 2:
            word = word[: -len(end)]
            break
    return word[:-1] if word.endswith("e") and len(word) > 3 else word


def _asserted(r: Reading) -> bool:
    return not r.negated and r.modality != "forecast" and bool(r.actors)
