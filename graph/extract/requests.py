"""Requested acts: "X asked the Security Council to condemn Y" reports a request, not a condemnation.

Stage contract: ``requested(parsed, readings) -> readings`` (called by events.py on one sentence's
readings, after the infinitive chains are joined). A verb of request ("asked", "urged", "called on",
"appealed to", "pressed", "invited") is followed by whom it asks and the act asked for in an
infinitive. That act has not happened: its reading keeps its event (PLOVER codes the request beside
it) but asserts no relation. The one who asks takes the act's stance towards its target instead:
asking a body to condemn Y is itself a criticism of Y, urging it to back Y a support of Y. A meeting
asked for ("urged Israel to hold talks with Y") gives the asker nothing. Implicative verbs of control
("forced Y to", "allowed Y to", "helped Y to") are not requests: the act took place.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from diplograph.graph.extract.parse import Parsed

if TYPE_CHECKING:
    from diplograph.graph.extract.events import Reading

#: Verbs that ask for an act without reporting it done
REQUEST_VERBS = frozenset({
    "ask", "asked", "asking", "asks", "urge", "urged", "urges", "urging", "call", "called", "calling", "calls",
    "appeal", "appealed", "appealing", "appeals", "press", "pressed", "presses", "pressing", "request",
    "requested", "requesting", "requests", "encourage", "encouraged", "encourages", "encouraging", "implore",
    "implored", "beg", "begged", "exhort", "exhorted", "lobby", "lobbied", "lobbying", "pressure", "pressured",
    "pressuring", "invite", "invited", "invites", "inviting", "petition", "petitioned", "challenge", "challenged"})
#: Stances the asker shares with the act asked for (a meeting asked for is no meeting of the asker's)
STANCES = frozenset({"criticizes", "supports"})
#: What may stand between the request verb and whom it asks ("called on the", "appealed to the")
ADDRESS_GAP = frozenset({"on", "upon", "to", "the", "again", "also", "formally", "on monday", "yesterday", "today"})
OBJECT_TO_GAP = 3  # tokens between whom it asks and its "to" ("the Security Council on Monday to")


def requested(p: Parsed, readings: list[Reading]) -> list[Reading]:
    """The readings with each act asked for turned into a request (see the module docstring)."""
    out = list(readings)
    extra: list[Reading] = []
    for n, r in enumerate(readings):
        asker = _asker(p, readings, r)
        if asker is None:
            continue
        if r.trigger.relation is not None:
            out[n] = replace(r, trigger=replace(r.trigger, relation=None))
        if r.trigger.relation in STANCES and not r.negated and asker.actors:
            own = {a.eid for a in asker.actors}
            targets = tuple(t for t in r.targets if t.eid not in own)
            if targets:
                extra.append(replace(r, actors=asker.actors, targets=targets, one_group=False))
    return out + extra


def _asker(p: Parsed, readings: list[Reading], r: Reading) -> Reading | None:
    """The request reading whose infinitive ``r`` is ("asked Y to condemn": the "asked" reading), else
    None. ``r``'s actors must be whom the request addresses, right between the two verbs."""
    if r.trigger.nominal or not r.actors:
        return None
    to = r.hit.i - 1
    while to > 0 and p.lower[to] in ("not", "also", "immediately", "publicly", "formally"):
        to -= 1
    if p.lower[to] != "to":
        return None
    first, last = min(a.i for a in r.actors), max(a.j for a in r.actors)
    if not 0 <= to - last <= OBJECT_TO_GAP:
        return None
    for h in readings:
        if h is r or h.trigger.nominal or h.sent != r.sent or p.lower[h.hit.i] not in REQUEST_VERBS:
            continue
        if h.hit.j <= first and all(p.lower[k] in ADDRESS_GAP or p.words[k][:1].isupper()
                                    for k in range(h.hit.j, first)) and first - h.hit.j <= 4:
            return h
    return None
