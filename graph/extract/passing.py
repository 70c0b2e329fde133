"""Parties to an agreement named in passing, where no verb of signing or agreeing is read.

Stage contract: ``with_passing(parsed, readings, mentions_by_sentence) -> list[Reading]``, run by events.py on
the document's readings: they come back with the readings of ``party_readings`` for each sentence that names
an agreement, in text order. Pure.

News names an agreement's parties beside its name more often than it reports the signing:

- "the ceasefire agreement between Armenia and Azerbaijan collapsed": both are parties;
- "Israel's peace treaty with Egypt": both;
- "Iran, a party to the nuclear deal, ...", "Iran, a signatory of the accord": Iran.

Each gives a reading of ``trigger`` (a symmetric ``partyTo`` entry: no AGREE between the parties, the text
reports no act of theirs) with the parties as actors and the agreement as the target. An agreement only
planned or proposed ("the proposed deal between A and B") names no parties.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from diplograph.graph.extract.lexicon import Trigger
from diplograph.graph.extract.parse import Hit, Parsed
from diplograph.graph.extract.spans import Span

if TYPE_CHECKING:
    from diplograph.graph.extract.events import Reading

__all__ = ["PASSING", "PASSING_TRIGGER", "party_readings", "with_passing"]

PASSING = "party_in_passing"  # the id of the readings made here
PARTIES = frozenset({"State", "Official"})
UNDONE = frozenset({"proposed", "planned", "possible", "draft", "future", "new", "would-be", "potential"})
MEMBER_NOUNS = frozenset({"party", "signatory", "signer", "member"})
MEMBER_PREP = frozenset({"to", "of"})
PASSING_TRIGGER = Trigger(PASSING, "AGREE", "partyTo", "act", "symmetric", True)


def with_passing(p: Parsed, out: list[Reading], by_sent: dict[int, list[Span]]) -> list[Reading]:
    """The readings with those of agreements' parties named in passing, in text order."""
    more = [r for sent in sorted(by_sent) if any(s.type == "Agreement" for s in by_sent[sent])
            for r in party_readings(p, sent, by_sent[sent], PASSING_TRIGGER)]
    return sorted(out + more, key=lambda r: (r.hit.i, r.hit.j)) if more else out


def party_readings(p: Parsed, sent: int, mentions: list[Span], trigger: Trigger) -> list[Reading]:
    """The parties named beside each agreement of sentence ``sent`` (``mentions``: its mentions, text order)."""
    out = []
    for a in (s for s in mentions if s.type == "Agreement" and s.eid):
        if not UNDONE.isdisjoint(p.lower[max(0, a.i - 1):a.j]):
            continue  # "the proposed deal between A and B": no parties yet
        parties = _between(p, a, mentions) or _owner_with(p, a, mentions) or _apposed_member(p, a, mentions)
        if parties:
            out.append(_reading(p, sent, a, parties, trigger))
    return out


def _reading(p: Parsed, sent: int, a: Span, parties: list[Span], trigger: Trigger) -> Reading:
    from diplograph.graph.extract.events import Reading

    hit = Hit(a.i, a.j, p.starts[a.i], p.ends[a.j - 1], "TRIG", trigger.id)
    return Reading(trigger, hit, sent, tuple(parties), (a,), (a,), (), False, False, False, "act")


def _run_at(p: Parsed, k: int, mentions: list[Span]) -> list[Span]:
    """The coordinated parties from token k on ("Armenia and Azerbaijan", "A, B and C")."""
    run: list[Span] = []
    for s in mentions:
        if s.i < k or s.type not in PARTIES or s.modifier or s.place:
            continue
        if s.i != k and not (run and all(w in (",", "and", "the") for w in p.lower[run[-1].j:s.i])):
            break
        run.append(s)
        k = s.j
    return run


def _between(p: Parsed, a: Span, mentions: list[Span]) -> list[Span]:
    """"the X between A and B": two parties at least."""
    if a.j >= len(p.lower) or p.lower[a.j] != "between":
        return []
    run = _run_at(p, a.j + 1, mentions)
    return run if len({s.eid for s in run}) >= 2 else []


def _owner_with(p: Parsed, a: Span, mentions: list[Span]) -> list[Span]:
    """"A's X with B": A and B."""
    if a.i < 2 or p.lower[a.i - 1] not in ("'s", "\u2019s") or a.j >= len(p.lower) or p.lower[a.j] != "with":
        return []
    owner = [s for s in mentions if s.j == a.i - 1 and s.type in PARTIES and not s.modifier]
    other = _run_at(p, a.j + 1, mentions)
    return owner + other if owner and other else []


def _apposed_member(p: Parsed, a: Span, mentions: list[Span]) -> list[Span]:
    """"A, a party to the X": A (the words "a/the party/signatory to/of the" between the comma and X)."""
    k = a.i - 1 if p.lower[a.i - 1] == "the" else a.i
    words = p.lower[k - 4:k] if k >= 4 else ()
    if len(words) != 4 or words[0] != "," or words[1] not in ("a", "the") or words[2] not in MEMBER_NOUNS \
            or words[3] not in MEMBER_PREP:
        return []
    return [s for s in mentions if s.j == k - 4 and s.type in PARTIES and not s.modifier]
