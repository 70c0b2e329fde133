"""Modality, negation and hedging of a trigger, read from the cue words before and after it."""

from __future__ import annotations

from diplograph.graph.extract.lexicon import Rules, Trigger
from diplograph.graph.extract.parse import Hit, Parsed

CALLED_OFF = frozenset({"cancelled", "canceled", "postponed", "scrapped", "shelved"})


_PHRASES: dict[frozenset[str], tuple[str, ...]] = {}


def _cue_before(p: Parsed, k: int, lo: int, cues: frozenset[str], window: int) -> bool:
    """Whether one of the cue words or phrases ends within ``window`` tokens before token k."""
    words = p.lower[max(lo, k - window):k]
    if not words:
        return False
    if not cues.isdisjoint(words):
        return True
    phrases = _PHRASES.get(cues)
    if phrases is None:
        phrases = _PHRASES[cues] = tuple(f" {c} " for c in cues if " " in c)
    if not phrases:
        return False
    text = " " + " ".join(words) + " "
    return any(c in text for c in phrases)


_NOT_NO: dict[frozenset[str], frozenset[str]] = {}


def _without_no(cues: frozenset[str]) -> frozenset[str]:
    """The negation cues but "no" (computed once: a fresh set per trigger costs a hash each time)."""
    if cues not in _NOT_NO:
        _NOT_NO.clear()
        _NOT_NO[cues] = cues - {"no"}
    return _NOT_NO[cues]


def read_modality(p: Parsed, hit: Hit, trig: Trigger, lo: int, rules: Rules) -> tuple[str, bool, bool]:
    """(modality, negated, hedged) from the words around the trigger."""
    s0, s1 = p.sents[p.sent_of[hit.i]]
    after = p.lower[hit.j:min(s1, hit.j + 3)]
    called_off = any(w in CALLED_OFF for w in p.lower[hit.j:s1])
    negated = called_off or _cue_before(p, hit.i, lo, _without_no(rules.cue("negation")), 3) or \
        (_cue_before(p, hit.i, lo, frozenset({"no"}), 2) and trig.nominal)
    purpose = p.lower[hit.i] == "to" and trig.event_type == "PROTEST"  # "marched to protest": they protest
    forecast = (p.lower[hit.i] in ("will", "to", "shall") and not purpose) \
        or _cue_before(p, hit.i, lo, rules.cue("forecast"), 4) \
        or (trig.nominal and any(w in ("planned", "scheduled", "expected") for w in after))
    hedged = _cue_before(p, hit.i, s0, rules.cue("hedge"), 12)
    if forecast:
        return "forecast", negated, hedged
    if _cue_before(p, hit.i, s0, rules.cue("assessment"), 12):
        return "assessment", negated, True
    if _cue_before(p, hit.i, s0, rules.cue("statement"), 12):
        return "statement", negated, hedged
    return trig.modality, negated, hedged
