"""Roles that English syntax turns around: the passive voice and reported obligations.

* Passive: "Y was attacked by X", "Y has been accused of ... by X": the subject is the target and
  the actor is the "by" group; without one the actor is unknown ("Y were killed") and the subject
  is never taken for it.
* Reported obligation: "X said (that) Y must/should ...", "Y must ..., X said": X demands of Y.
  The trigger is the modal ("obligation" entries of the lexicon carry ``reported``); the target is
  the group right before it and the actor the speaker of the reporting verb.
"""

from __future__ import annotations

from diplograph.graph.extract.parse import Hit, Parsed
from diplograph.graph.extract.spans import ACTOR_TYPES, Span

PASSIVE_AUX = frozenset({"was", "were", "been", "being", "is", "are", "be", "get", "gets", "got"})
ADVERBS = frozenset({"also", "reportedly", "allegedly", "apparently", "recently", "later", "not", "never", "already",
                     "again", "repeatedly", "then", "further", "reported", "brutally", "badly", "fatally",
                     "seriously", "severely", "publicly", "formally", "officially", "briefly"})
IRREGULAR = frozenset({"shot", "held", "hit", "fought", "beaten", "struck", "sent", "cut", "put", "set", "kept", "left",
                       "taken", "given", "thrown", "driven", "seen", "caught", "led", "told", "met", "forbidden",
                       "overrun", "overran", "withdrawn", "blown", "stolen", "slain", "bound", "found", "won",
                       "hidden", "shut", "spread", "quit", "bought", "sold", "freed", "rebuked", "chosen", "made"})
# participles that, after "be", are states of mind, not acts done to the subject ("is committed to")
ADJECTIVAL = frozenset({"opposed", "committed", "concerned", "prepared", "determined", "interested", "involved",
                        "engaged", "pleased", "worried", "satisfied", "convinced", "disappointed", "dissatisfied",
                        "alarmed", "obliged", "supposed", "scheduled", "expected", "united", "divided", "inclined",
                        "dedicated", "devoted", "resolved", "pledged", "entitled"})
BY_WINDOW = 12  # tokens from the verb to its "by" agent ("accused of misusing funds by ...")
TARGET_GAP = 5  # tokens between the obliged group and its modal ("the US and other nations must")
SPEAKER_GAP = 12  # tokens between the speaker and the obliged group ("X said on Tuesday that Y")


def is_passive(p: Parsed, hit: Hit) -> bool:
    """A past participle after a form of "be" (adverbs between allowed): "were killed", "has been
    accused", "was reportedly shot"."""
    first = p.lower[hit.i]
    if hit.j - hit.i > 1 or first in ADJECTIVAL:
        return False
    if not (first.endswith("ed") or first in IRREGULAR or (first.endswith("en") and len(first) > 4)):
        return False
    s0 = p.sents[p.sent_of[hit.i]][0]
    k = hit.i - 1
    while k >= s0 and p.lower[k] in ADVERBS:
        k -= 1
    return k >= s0 and p.lower[k] in PASSIVE_AUX


def by_agent(p: Parsed, gs: list[list[Span]], k: int, hi: int) -> list[Span]:
    """The group right after the first "by" within BY_WINDOW tokens from token k (in the clause)."""
    for m in range(k, min(hi, k + BY_WINDOW)):
        if p.lower[m] == "by":
            for g in gs:
                if g[0].i > m and g[0].i - m <= 3:
                    return [s for s in g if s.type in ACTOR_TYPES]
            return []
    return []


def _actors(g: list[Span] | tuple[Span, ...]) -> list[Span]:
    return [s for s in g if s.type in ACTOR_TYPES]


def obliged(p: Parsed, gs: list[list[Span]], hit: Hit, speech: frozenset[str]) -> list[Span]:
    """The group a modal obliges: the last group ending within TARGET_GAP tokens before it, with no
    comma or reporting verb in between ("that Sudan must", "that it must" after "to Iraq")."""
    s0 = p.sents[p.sent_of[hit.i]][0]
    for g in reversed(gs):
        if g[-1].j > hit.i or g[0].i < s0:
            continue
        gap = p.lower[g[-1].j:hit.i]
        if len(gap) > TARGET_GAP or "," in gap or any(w in speech and w != "that" for w in gap):
            return []
        return _actors(g)
    return []


def speaker(p: Parsed, gs: list[list[Span]], hit: Hit, target: list[Span], speech: frozenset[str]) -> list[Span]:
    """Who reports the obligation: the group before a reporting verb that precedes the obliged group
    ("Russia said on Tuesday that Sudan must"), else ", X said" / ", said X" after the modal."""
    s0, s1 = p.sents[p.sent_of[hit.i]]
    start = target[0].i if target else hit.i
    for g in reversed(gs):
        if g[-1].j > start or g[0].i < s0:
            continue
        gap = p.lower[g[-1].j:start]
        if len(gap) <= SPEAKER_GAP and not speech.isdisjoint(gap[:6]) and _actors(g):
            return _actors(g)
        if len(gap) > SPEAKER_GAP:
            break
    for g in gs:
        if g[0].i <= hit.j or g[-1].j > s1:
            continue
        before, after = p.lower[max(s0, g[0].i - 2):g[0].i], p.lower[g[-1].j:g[-1].j + 2]
        if "," in before and not speech.isdisjoint(after + before):
            return _actors(g)
    return []


def reported_roles(p: Parsed, gs: list[list[Span]], hit: Hit, speech: frozenset[str]) -> tuple[list[Span], list[Span]]:
    """(speaker, obliged) of a reported obligation; empty lists when either is missing."""
    target = obliged(p, gs, hit, speech)
    if not target:
        return [], []
    actors = [s for s in speaker(p, gs, hit, target, speech) if s not in target]
    return (actors, target) if actors else ([], [])


ATTRIBUTION = frozenset({"said", "says", "say", "reported", "reports", "told", "announced", "added", "stated", "quoted",
                         "according", "claimed", "confirmed", "wrote", "writes"})
ATTRIBUTION_MAX = 16  # tokens in a trailing ", X said Monday" clause


def attribution_start(p: Parsed, sent: int, trigger_starts: list[int]) -> int | None:
    """Where a sentence's trailing source clause starts (", Thai police said Monday.", ", according to
    X.", ", said a spokesman."): the token after its comma, or None. The people named there speak;
    they are neither actors nor targets of the events reported before it. A clause holding a
    trigger after its verb ("..., Putin told reporters after meeting Jiang") is not a mere source;
    one before it qualifies the speaker ("relief officials said")."""
    s0, s1 = p.sents[sent]
    end = s1
    while end > s0 and p.words[end - 1] in (".", "!", "?", "}", ")", '"', "\u201d", "'"):
        end -= 1
    if ATTRIBUTION.isdisjoint(p.lower[max(s0, end - ATTRIBUTION_MAX):end]):
        return None  # no reporting verb near the end (most sentences): no need to look for the comma
    comma = next((k for k in range(end - 1, max(s0, end - ATTRIBUTION_MAX) - 1, -1) if p.words[k] == ","), None)
    if comma is None or comma <= s0:
        return None
    tail = p.lower[comma + 1:end]
    if not tail or ATTRIBUTION.isdisjoint(tail):
        return None
    last = max(n for n, w in enumerate(tail) if w in ATTRIBUTION)
    if any(comma + 1 + last < k < end for k in trigger_starts):
        return None  # "..., Putin told reporters after meeting Jiang": an event of its own
    if tail[0] in ("according", "said", "says"):
        return comma + 1
    # the reporting verb closes the clause: only a time or a "to AFP" may follow it
    return comma + 1 if len(tail) - last <= 4 and "according" not in tail else None


def condition_subject(p: Parsed, gs: list[list[Span]], hit: Hit) -> list[Span]:
    """"X threatened to strike if Y went ahead", "... unless Y withdraws": the subject of the
    condition is whom the threat is aimed at (the group within 3 tokens after "if" / "unless")."""
    s1 = p.sents[p.sent_of[hit.i]][1]
    k = next((m for m in range(hit.j, s1) if p.lower[m] in ("if", "unless")), None)
    if k is None:
        return []
    for g in gs:
        if k < g[0].i <= k + 3:
            return _actors(g)
    return []
