"""The state a report is about, as the target of a criticism that names none.

Stage contract: ``focus_targets(parsed, readings, spans, acts) -> list[Reading]``, run by events.py on the
document's readings. Pure.

"The United States condemned the crackdown" in a report about Sudan is aimed at Sudan: a crackdown, a
killing or repression is what a government does to its own people, and a reader takes the state the
report has been about so far; so is aid sent with no receiver named ("Iran offered to send food"). A
criticism or aid is given that target only when all of these hold:

- it names no target of its own and has an actor (aid: and is not negated);
- for a criticism, its object, right after the verb, is such an act (cue kind ``inside_act``: "condemned the
  violence", "denounced the killings"); acts with an outside doer ("condemned the attack") are not read;
- one state is named (as a name, an adjective, a capital, a place) in the text up to that sentence at least
  FOCUS_MIN times and at least FOCUS_LEAD times as often as any other, and it is not the actor's own state.

Otherwise the criticism stays without a target (precision first).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from typing import TYPE_CHECKING

from diplograph.graph.extract.parse import Parsed
from diplograph.graph.extract.spans import Span

if TYPE_CHECKING:
    from diplograph.graph.extract.events import Reading

__all__ = ["FOCUS_MIN", "focus_targets"]

FOCUS_MIN = 2  # mentions the state the report is about must have
FOCUS_LEAD = 2  # ... and at least this many times the next state's
OBJECT_REACH = 3  # tokens from the verb to the act noun ("condemned the violent crackdown")
OBJECT_LEAD = frozenset({"the", "a", "this", "that", "recent", "latest", "violent", "bloody", "brutal", "deadly",
                         "ongoing", "continuing", "continued", "government", "government's", "military", "army"})


def focus_targets(p: Parsed, readings: list[Reading], spans: list[Span], acts: frozenset[str]) -> list[Reading]:
    """The readings, a criticism of an act inside the report's state (and no target) aimed at it.

    Args:
        p: The parsed document.
        readings: The document's readings, in text order.
        spans: The linked mentions (places included).
        acts: The ``inside_act`` cue words.
    """
    out = list(readings)
    for n, r in enumerate(out):
        if not (_open_criticism(p, r, acts) or _open_aid(r)):
            continue
        state = _focus(spans, r.sent)
        own = {a.eid for a in r.actors} | {a.state for a in r.actors if a.state}
        if state is not None and state.eid not in own:
            out[n] = replace(r, targets=(state.with_(place=False, modifier=False),))
    return out


def _open_criticism(p: Parsed, r: Reading, acts: frozenset[str]) -> bool:
    """A criticism with an actor, no target, whose object is an act done inside a state."""
    if r.trigger.relation != "criticizes" or r.trigger.nominal or r.targets or not r.actors or r.one_group:
        return False
    s1 = p.sents[r.sent][1]
    k = r.hit.j
    while k < min(s1, r.hit.j + OBJECT_REACH) and p.lower[k] in OBJECT_LEAD:
        k += 1
    return k < s1 and p.lower[k] in acts


def _open_aid(r: Reading) -> bool:
    """Aid with a giver and no receiver named ("Iran has offered to send food"), not negated."""
    return r.trigger.event_type == "AID" and bool(r.actors) and not r.targets and not r.one_group \
        and not r.negated


def _focus(spans: list[Span], sent: int) -> Span | None:
    """The last mention of the state named most often up to sentence ``sent`` (FOCUS_MIN times at least,
    FOCUS_LEAD times as often as the next), or None."""
    named = [s for s in spans if s.type == "State" and s.eid and s.sent <= sent]
    counts = Counter(s.eid for s in named).most_common(2)
    if not counts or counts[0][1] < FOCUS_MIN or (len(counts) > 1 and counts[0][1] < FOCUS_LEAD * counts[1][1]):
        return None  # two states about equally named (a report on a quarrel): no focus
    return [s for s in named if s.eid == counts[0][0]][-1]
