"""Roles that English syntax turns around: the passive voice and reported obligations.

* Passive: "Y was attacked by X", "Y has been accused of ... by X": the subject is the target and
  the actor is the "by" group; without one the actor is unknown ("Y were killed") and the subject
  is never taken for it.
* Reported obligation: "X said (that) Y must/should ...", "Y must ..., X said": X demands of Y.
  The trigger is the modal ("obligation" entries of the lexicon carry ``reported``); the target is
  the group right before it and the actor the speaker of the reporting verb.
* Quoted speech: '"We welcome you," said X', '"...," X said': a verb trigger in the quote with no
  subject of its own there (or "we" / "I") is the speaker's act; names in the quote are addressees.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from dataclasses import replace

from diplograph.graph.extract.parse import Hit, Parsed
from diplograph.graph.extract.roles import VERB_LEAD, clause
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
FAR_BY = 24  # the same for a "by" after a comma ("accused of ..., of ... and of ..., by X")
# words that open another clause or voice between a passive and a far "by" (whose "by" it would be)
CLAUSE_OPENERS = frozenset({"that", "who", "which", "whom", "when", "after", "before", "because", "while", "since",
                            "if", "as", "by", "was", "were", "is", "are", "been", "be", "being"})
TARGET_GAP = 5  # tokens between the obliged group and its modal ("the US and other nations must")
COORDINATED_GAP = 9  # the same, when the group is coordinated with unnamed others ("X and the rebels in Y must")
CLAUSE_WORDS = frozenset({"that", "who", "which", "whom", "whose", "when", "if", "because", "while", "as"})
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
    """The group right after the first "by" within BY_WINDOW tokens from token k (in the clause);
    farther, up to FAR_BY tokens, only a "by" set off by a comma with no other clause opening
    between ("has been accused of ..., of ... and of ..., by X"): not the "by" of another verb."""
    for m in range(k, min(hi, k + FAR_BY)):
        if p.lower[m] != "by":
            continue
        if m - k >= BY_WINDOW and (p.lower[m - 1] != "," or not _one_clause(p, k, m)):
            return []
        for g in gs:
            if g[0].i > m and g[0].i - m <= 3:
                return [s for s in g if s.type in ACTOR_TYPES]
        return []
    return []


def _one_clause(p: Parsed, a: int, b: int) -> bool:
    """Whether tokens [a, b) open no clause of their own ("and" only before a preposition: "of X
    and of Y")."""
    return all(p.lower[m] not in CLAUSE_OPENERS and (p.lower[m] != "and" or p.lower[m + 1] in AND_PREP)
               for m in range(a, b))


AND_PREP = frozenset({"of", "for", "in", "on", "to", "with", "over", "about", "against"})


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
        if not _subject_gap(gap) or "," in gap or any(w in speech and w != "that" for w in gap):
            return []
        return _actors(g)
    return []


def _subject_gap(gap: tuple[str, ...]) -> bool:
    """Whether the words between a group and its modal may finish the subject: a few ("the US and
    other nations must"), or a coordinated unnamed party ("Sudan's government and the rebels in Darfur
    must": "and" within three words) with no clause of its own."""
    if len(gap) <= TARGET_GAP:
        return True
    return len(gap) <= COORDINATED_GAP and "and" in gap[:3] and CLAUSE_WORDS.isdisjoint(gap)


def speaker(p: Parsed, gs: list[list[Span]], hit: Hit, target: list[Span], speech: frozenset[str]) -> list[Span]:
    """Who reports the obligation: the group before a reporting verb that precedes the obliged group
    ("Russia said on Tuesday that Sudan must"), else ", X said" / ", said X" after the modal."""
    s0, s1 = p.sents[p.sent_of[hit.i]]
    start = target[0].i if target else hit.i
    obliged_ids = {t.eid for t in target}
    for g in reversed(gs):
        if g[-1].j > start or g[0].i < s0 or {s.eid for s in g} <= obliged_ids:
            continue  # "reminded Iraq that it must": Iraq, named again by "it", is not who speaks
        gap = p.lower[g[-1].j:start]
        if len(gap) <= SPEAKER_GAP and not speech.isdisjoint(gap[:6]) and _actors(g):
            return _actors(g)
        if len(gap) > SPEAKER_GAP:
            break
    for g in gs:
        if g[0].i <= hit.j or g[-1].j > s1:
            continue
        before = [w for w in p.lower[max(s0, g[0].i - 3):g[0].i] if w not in QUOTE_MARKS][-2:]  # '," said X'
        after = list(p.lower[g[-1].j:g[-1].j + 2])
        if "," in before and not speech.isdisjoint(after + before):
            return _actors(g)
    return []


def reported_roles(p: Parsed, gs: list[list[Span]], hit: Hit, speech: frozenset[str]) -> tuple[list[Span], list[Span]]:
    """(speaker, obliged) of a reported obligation; empty lists when either is missing."""
    target = obliged(p, gs, hit, speech)
    if not target:
        return [], []
    obliged_ids = {t.eid for t in target}  # "X said that it must ...": X obliges no one
    actors = [s for s in speaker(p, gs, hit, target, speech) if s.eid not in obliged_ids]
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
    comma = _last_comma(p, s0, end)
    if comma is not None and ATTRIBUTION.isdisjoint(p.lower[comma + 1:end]) and _apposition(p, comma):
        end, comma = comma, _last_comma(p, s0, comma)  # ", said X, the US secretary of state."
    if comma is None or comma <= s0:
        return None
    first = comma + 1
    while first < end and p.lower[first] in QUOTE_MARKS:  # '"...," said X': the quote closes first
        first += 1
    tail = p.lower[first:end]
    if not tail or ATTRIBUTION.isdisjoint(tail):
        return None
    last = max(n for n, w in enumerate(tail) if w in ATTRIBUTION)
    if any(first + last < k < end for k in trigger_starts):
        return None  # "..., Putin told reporters after meeting Jiang": an event of its own
    if tail[0] in ("according", "said", "says"):
        return comma + 1
    # the reporting verb closes the clause: only a time or a "to AFP" may follow it
    return comma + 1 if len(tail) - last <= 4 and "according" not in tail else None


def _last_comma(p: Parsed, s0: int, end: int) -> int | None:
    """The last comma within ATTRIBUTION_MAX tokens before token ``end``."""
    return next((k for k in range(end - 1, max(s0, end - ATTRIBUTION_MAX) - 1, -1) if p.words[k] == ","), None)


def _apposition(p: Parsed, comma: int) -> bool:
    """Whether the words after a sentence's last comma describe the name before it (", the US
    secretary of state", ", a spokesman"): a noun phrase after a name."""
    return comma > 0 and p.words[comma - 1][:1].isupper() and p.lower[comma + 1] in ("the", "a", "an")


QUOTE_MARKS = frozenset({'"', "\u201c", "\u201d", "``", "''"})
QUOTE_SPAN = 4  # sentences one quotation may run over
FIRST_PERSON = frozenset({"we", "i"})


def quotations(p: Parsed) -> list[tuple[int, int]]:
    """(opening, closing) token pairs of the document's quotations; an opening left unclosed at
    the end of its paragraph (a quote running on into the next one) pairs with nothing."""
    out, opening = [], None
    for k in p.positions(QUOTE_MARKS):
        if opening is not None and p.words[k] != "\u201c" and "\n\n" not in p.text[p.ends[opening]:p.starts[k]] \
                and p.sent_of[k] - p.sent_of[opening] < QUOTE_SPAN:
            out.append((opening, k))
            opening = None
        elif p.words[k] != "\u201d":
            opening = k
    return out


def quoted_speakers(p: Parsed, readings: list, spans: list[Span]) -> list:
    """The readings, each verb trigger inside a quotation that a trailing source clause attributes
    ('"Welcome to the alliance," said X') read as the speaker's own act when the quote gives it no
    subject ("we", "I" or none): the speaker acts, and the names in the quote before the trigger
    are whom the act is aimed at (when the reading has no target of its own)."""
    quotes = quotations(p) if readings else []
    if not quotes:
        return readings
    hits_of: dict[int, list[int]] = defaultdict(list)  # by sentence: a long text has many quotes
    spans_of: dict[int, list[Span]] = defaultdict(list)
    for r in readings:
        hits_of[r.sent].append(r.hit.i)
    for s in spans:
        spans_of[s.sent].append(s)
    order = sorted(range(len(readings)), key=lambda n: readings[n].hit.i)
    starts = [readings[n].hit.i for n in order]
    out = list(readings)
    for opening, closing in quotes:
        speakers = _speakers_after(p, closing, hits_of, spans_of)
        if not speakers:
            continue
        for n in order[bisect_right(starts, opening):bisect_left(starts, closing)]:
            r = out[n]
            if _speaker_acts(p, r, opening):
                inside = tuple(a for a in r.actors if opening < a.i < closing and a not in speakers)
                out[n] = replace(r, actors=speakers, targets=r.targets or inside)
    return out


def _speakers_after(p: Parsed, closing: int, hits_of: dict[int, list[int]],
                    spans_of: dict[int, list[Span]]) -> tuple[Span, ...]:
    """The actors named in the source clause right after a closing quote ('," said X.'), if any."""
    sent = p.sent_of[closing]
    source = attribution_start(p, sent, hits_of.get(sent, []))
    if source is None or abs(source - closing) > 2:
        return ()
    return tuple(s for s in spans_of.get(sent, ()) if s.i > closing and s.type in ACTOR_TYPES and s.eid
                 and not s.modifier and not s.place)


def _speaker_acts(p: Parsed, r, opening: int) -> bool:
    """Whether a reading in a quote is the speaker's act: a verb trigger, neither reported nor
    passive, whose clause names no actor of it before it, or whose subject is "we" / "I"."""
    if r.trigger.nominal or r.trigger.reported or r.one_group or is_passive(p, r.hit):
        return False
    k = r.hit.i
    while k > opening + 1 and p.lower[k - 1] in VERB_LEAD:
        k -= 1
    if p.lower[k - 1] in FIRST_PERSON:
        return True
    lo = max(clause(p, r.hit.i, r.sent)[0], opening)
    return not any(lo <= a.i < r.hit.i for a in r.actors)


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
