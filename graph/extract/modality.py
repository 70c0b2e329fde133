"""Modality, negation and hedging of a trigger, read from the cue words before and after it."""

from __future__ import annotations

from dataclasses import dataclass

from diplograph.graph.extract.lexicon import Rules, Trigger
from diplograph.graph.extract.parse import Hit, Parsed

CALLED_OFF = frozenset({"cancelled", "canceled", "postponed", "scrapped", "shelved"})
NO = frozenset({"no"})
PLANNED = frozenset({"planned", "scheduled", "expected"})
#: Joining named by a noun ("membership in", "accession to"): after an ``aspiration`` cue word ("Georgia's bid for
#: membership in NATO", "opposes Ukraine's membership") nobody joined (a forecast); "Poland's membership began in
#: 1999" stays an act.
MEMBERSHIP = frozenset({"membership", "accession"})
MAYBE = frozenset({"may", "might"})


@dataclass(frozen=True)
class Phrases:
    """The cue phrases of several words ("is expected to") of one cue list, as word tuples keyed by
    their last two words, so that a window of tokens is searched by a few lookups, not by every phrase.

    Attributes:
        last: The last words of the phrases (a window without any of them holds no phrase).
        by_end: (second-to-last, last word) -> the phrases ending so.
    """

    last: frozenset[str]
    by_end: dict[tuple[str, str], tuple[tuple[str, ...], ...]]


def phrases_of(cues: frozenset[str]) -> Phrases:
    """The multi-word phrases of a cue list, indexed for :func:`_cue_before`.

    >>> phrases_of(frozenset({"may", "is expected to", "plans to"})).by_end
    {('expected', 'to'): (('is', 'expected', 'to'),), ('plans', 'to'): (('plans', 'to'),)}
    """
    by_end: dict[tuple[str, str], list[tuple[str, ...]]] = {}
    for cue in sorted(c for c in cues if " " in c):
        words = tuple(cue.split(" "))
        by_end.setdefault(words[-2:], []).append(words)
    return Phrases(frozenset(end[-1] for end in by_end), {end: tuple(found) for end, found in by_end.items()})


_PHRASES: dict[frozenset[str], Phrases] = {}


def _cue_before(p: Parsed, k: int, lo: int, cues: frozenset[str], window: int) -> bool:
    """Whether one of the cue words or phrases ends within ``window`` tokens before token k
    (a phrase matches a run of whole tokens, wholly inside the window)."""
    a = max(lo, k - window)
    words = p.lower[a:k]
    if not words:
        return False
    if not cues.isdisjoint(words):
        return True
    phrases = _PHRASES.get(cues)
    if phrases is None:
        phrases = _PHRASES[cues] = phrases_of(cues)
    if phrases.last.isdisjoint(words):
        return False
    lower = p.lower
    for m in range(a + 1, k):
        for phrase in phrases.by_end.get((lower[m - 1], lower[m]), ()):
            first = m + 1 - len(phrase)
            if first >= a and lower[first:m + 1] == phrase:
                return True
    return False


_NOT_NO: dict[frozenset[str], frozenset[str]] = {}


def _without_no(cues: frozenset[str]) -> frozenset[str]:
    """The negation cues but "no" (computed once: a fresh set per trigger costs a hash each time)."""
    if cues not in _NOT_NO:
        _NOT_NO.clear()
        _NOT_NO[cues] = cues - NO
    return _NOT_NO[cues]


def denied_claim(p: Parsed, hit: Hit, s0: int, rules: Rules) -> bool:
    """Whether the trigger sits in the that-clause of a claim someone disputes: the act is disputed, not
    reported. A claim is disputed when it is denied ("Syria denied accusations that it supports Hezbollah",
    "Iran denied that it had attacked"; cue words ``denial``, ``claim_noun``), called false before or after
    the clause ("called baseless reports that it had ...", "allegations that it had ... were unfounded";
    ``dismissal``), or condemned by the one it accuses ("Georgia condemned allegations that it had attacked";
    ``condemnation``: condemning reports that someone else did it condemns the act)."""
    denials, claims = rules.cue("denial"), rules.cue("claim_noun")
    for k in range(hit.i - 1, max(s0, hit.i - 10) - 1, -1):
        if p.lower[k] == "that":
            before = p.lower[max(s0, k - 5):k]
            if not before or before[-1] in denials:
                return bool(before)
            if claims.isdisjoint(before[-3:]):
                return False
            return not denials.isdisjoint(before) or not rules.cue("dismissal").isdisjoint(before) \
                or (not rules.cue("condemnation").isdisjoint(before) and p.lower[k + 1] in SELF) \
                or _called_false(p, hit, rules)
    return False


SELF = frozenset({"it", "its", "they", "their", "he", "his", "she", "her", "we", "our", "i"})
COPULA = frozenset({"is", "are", "was", "were", "be", "been"})
FALSE_GAP = 15  # tokens after a trigger searched for "... were baseless"


def _called_false(p: Parsed, hit: Hit, rules: Rules) -> bool:
    """Whether the words after a trigger call its clause false ("... were baseless", "is a lie")."""
    s1 = p.sents[p.sent_of[hit.i]][1]
    after = p.lower[hit.j:min(s1, hit.j + FALSE_GAP)]
    dismissal = rules.cue("dismissal")
    return any(w in COPULA and not dismissal.isdisjoint(after[m + 1:m + 4]) for m, w in enumerate(after))


def conditional_maybe(p: Parsed, hit: Hit, lo: int, s1: int) -> bool:
    """Whether the trigger is a possibility on a condition, a forecast: "may halt its mediation if the
    fighting goes on" ("may" or "might" right before the verb, "if" or "unless" after it); "may have
    halted" guesses at a past act and is no forecast, and the verb's object ("may halt mediation") is no verb."""
    if hit.i <= lo or p.lower[hit.i - 1] not in MAYBE:
        return False
    after = p.lower[hit.j:s1]
    return "if" in after or "unless" in after


def read_modality(p: Parsed, hit: Hit, trig: Trigger, lo: int, rules: Rules) -> tuple[str, bool, bool]:
    """(modality, negated, hedged) from the words around the trigger."""
    s0, s1 = p.sents[p.sent_of[hit.i]]
    after = p.lower[hit.j:min(s1, hit.j + 3)]
    called_off = not CALLED_OFF.isdisjoint(p.lower[hit.j:s1])
    negated = called_off or _cue_before(p, hit.i, lo, _without_no(rules.cue("negation")), 3) or \
        (trig.nominal and _cue_before(p, hit.i, lo, NO, 2)) or denied_claim(p, hit, s0, rules)
    purpose = p.lower[hit.i] == "to" and trig.event_type == "PROTEST"  # "marched to protest": they protest
    forecast = (p.lower[hit.i] in ("will", "to", "shall") and not purpose) \
        or _cue_before(p, hit.i, lo, rules.cue("forecast"), 4) \
        or (trig.nominal and not PLANNED.isdisjoint(after)) \
        or (trig.relation == "joins" and p.lower[hit.i] in MEMBERSHIP
            and not rules.cue("aspiration").isdisjoint(p.lower[max(lo, hit.i - 4):hit.i])) \
        or conditional_maybe(p, hit, lo, s1)
    hedged = _cue_before(p, hit.i, s0, rules.cue("hedge"), 12)
    if forecast:
        return "forecast", negated, hedged
    if _cue_before(p, hit.i, s0, rules.cue("assessment"), 12):
        return "assessment", negated, True
    if _cue_before(p, hit.i, s0, rules.cue("statement"), 12):
        return "statement", negated, hedged
    return trig.modality, negated, hedged
