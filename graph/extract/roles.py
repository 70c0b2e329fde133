"""Who does what to whom: the actor and target groups of one trigger in its sentence.

Actors are the coordinated group of mentions nearest before the trigger in its clause (for a noun
trigger, close before it: "Russia's criticism", "their meeting"); targets are the first group after
it ("with X", "of X"; "met Y ..., along with Z": Y and Z; read by targets.py), or everyone in "between X and Y".
Constructions that move the roles live in purpose.py (an infinitive of purpose, the head of an "of"
phrase, a complaint "to Y over Z", "under attack from X", a relative clause on a deal between
parties; re-exported here for events.py); "the latter" and appositions are read here.
Pure functions over token arrays.
"""

from __future__ import annotations

from dataclasses import dataclass

from diplograph.graph.extract.anaphora import KIND as PRONOUN
from diplograph.graph.extract.anaphora import PRONOUN as PRONOUN_TYPE
from diplograph.graph.extract.clauses import own_subject
from diplograph.graph.extract.lexicon import Trigger
from diplograph.graph.extract.parse import Hit, Parsed
from diplograph.graph.extract.purpose import (document_subject, of_head, purpose_roles, topic_target, under,
                                             undergoer)
from diplograph.graph.extract.spans import ACTOR_TYPES, Span, quick

__all__ = ["ANAPHORA", "LOCATIVE", "REACTION", "Context", "actors_of", "by_maker", "clause", "copula_roles", "doer",
           "groups", "purpose_roles", "topic_target", "under", "undergoer"]

GAP_OK = frozenset({",", "and", "both", "as", "well", "the", "-", "his", "her", "their", "its", "mr.", "mr", "'s",
                    "’s", "leaders", "leader", "officials", "government", "side", "delegation", "delegations"})
BOUNDARY = frozenset({";", ":", "but", "while", "whereas", "although", "though", "because", "which", "who",
                      "\u201c", "\u201d", '"'})
TARGET_PREP = frozenset({'"', "\u201d", "\u2019", "'", "with", "of", "over", "on", "against", "for", "to", "from",
                         "toward", "towards", "about", "at", "the", "a", "an", "between", "among", "by", "into", "in"})
ANAPHORA = frozenset({"their", "those", "these", "such"})
LOCATIVE = frozenset({"in", "inside", "near", "within"})  # "the French military in Rwanda": where, not who
POSSESSIVE = frozenset({"their", "its", "his", "her"})
REACTION = frozenset({"drawing", "drew", "drawn", "prompting", "prompted", "provoking", "provoked", "sparking",
                      "sparked", "triggering", "triggered", "earning", "earned"})  # a reaction to the subject's act


def groups(p: Parsed, spans: list[Span], covered: set[int]) -> list[list[Span]]:
    """Coordinated runs of mentions ("Bulgaria, Estonia and Latvia", "Jiang and President Putin")."""
    out: list[list[Span]] = []
    for s in spans:
        if out and _joined(p, out[-1][-1], s, covered):
            out[-1].append(s)
        else:
            out.append([s])
    return out


def _joined(p: Parsed, a: Span, b: Span, covered: set[int]) -> bool:
    if a.sent != b.sent or b.i - a.j > 8:
        return False
    if list(p.lower[b.i:b.j]) == ["the", "two"] and (a.i, a.j) != (b.i, b.j):
        return False  # "X met Y, and the two praised ...": a bare "the two" opens a clause of its own
    if a.kind == PRONOUN and b.kind != PRONOUN and a.eid and list(p.lower[a.j:b.i]) == ["and"]:
        return True  # "where he and Putin signed": a resolved pronoun's co-subject
    if a.kind == PRONOUN or b.kind == PRONOUN:  # a pronoun opens a clause of its own (anaphora.py)
        return a.i == b.i  # the members of one "they"
    return all(p.lower[k] in GAP_OK for k in range(a.j, b.i) if k not in covered)


def clause(p: Parsed, k: int, sent: int) -> tuple[int, int]:
    """Token range of the clause around token k (split at ';', ':', 'but', quotes...)."""
    s0, s1 = p.sents[sent]
    a = k
    if BOUNDARY.isdisjoint(p.lower[s0:k]):  # no boundary before k (most triggers): no walk back
        a = s0
    while a > s0 and p.lower[a - 1] not in BOUNDARY:
        a -= 1
    b = k
    if BOUNDARY.isdisjoint(p.lower[k:s1]):  # nor after it: no walk on
        b = s1
    while b < s1 and p.lower[b] not in BOUNDARY:
        b += 1
    return a, b


def _before(gs: list[list[Span]], k: int, lo: int, max_gap: int | None) -> list[Span]:
    """The group nearest before token k within [lo, k)."""
    for g in reversed(gs):
        if g[-1].j <= k and g[0].i >= lo:
            if max_gap is not None and k - g[-1].j > max_gap:
                return []
            return [s for s in g if s.type in ACTOR_TYPES]
    return []


def _after(p: Parsed, gs: list[list[Span]], k: int, hi: int, max_gap: int | None, strict: bool = False) -> list[Span]:
    """The group nearest after token k within (k, hi); strict: only prepositions in between. A
    subject pronoun there opens a clause of its own ("denied that it ..."): no target."""
    for g in gs:
        if g[0].i >= k and g[-1].j <= hi:
            if g[0].kind == PRONOUN:
                return []
            gap = [w for w in p.lower[k:g[0].i] if w not in TARGET_PREP]
            if max_gap is not None and (g[0].i - k > max_gap or (strict and gap)):
                return []
            return g
    return []


def copula_roles(p: Parsed, gs: list[list[Span]], hit: Hit, lo: int):
    """"China is North Korea's ally": actor before the copula, target the possessor."""
    before = [g for g in gs if g[-1].j <= hit.i and g[0].i >= lo]
    if len(before) < 2 or before[-1][-1].j >= len(p.words) or p.lower[before[-1][-1].j] not in ("'s", "’s"):
        return None
    between = p.lower[before[-2][-1].j:before[-1][0].i]
    if not between or between[0] not in ("is", "was", "are", "were", "remains", "remained", "became"):
        return None
    return [s for s in before[-2] if s.type in ACTOR_TYPES], before[-1]


def _subject(gs: list[list[Span]], k: int) -> list[Span]:
    """The sentence's first group, when it comes before token k (an elided subject)."""
    for g in gs:
        if g[-1].j <= k:
            actors = [s for s in g if s.type in ACTOR_TYPES]
            if actors:
                return actors
        break
    return []


SUBJECT_LEAD = frozenset({",", "the", "after", "when", "as", "since", "because", "then"})


def doer(p: Parsed, gs: list[list[Span]], k: int, lo: int) -> list[Span]:
    """The last group before token k in a subject's place (at the sentence start or after a comma or
    "after", not after a verb or preposition; the owner of a subject too): who did what a reaction
    answers."""
    s0 = p.sents[p.sent_of[k]][0]
    found: list[Span] = []
    for g in gs:
        if g[0].i < lo or g[-1].j > k:
            continue
        b = g[0].i
        while b > s0 and p.words[b - 1][:1].isupper():
            b -= 1  # over a title ("Prime Minister X")
        lead = b == s0 or p.lower[b - 1] in SUBJECT_LEAD
        actors = [s for s in g if s.type in ACTOR_TYPES]
        if lead and actors:  # an owner too: "X's invasion of Y drew criticism" (X invaded)
            found = actors
    return found


def _with_group(p: Parsed, gs: list[list[Span]], k: int, hi: int) -> list[Span]:
    """"met ... with X and Y": the group after the first "with" in the clause (from the trigger on)."""
    for m in range(k, hi):
        if p.lower[m] == "with":
            for g in gs:
                if g[0].i > m and (g[0].i - m <= 6 or _title_gap(p, m + 1, g[0].i)):
                    return g
            return []
    return []


TITLE_GAP = frozenset({"to", "the", "of", "-"})


def _title_gap(p: Parsed, a: int, b: int) -> bool:
    """True when tokens [a, b) are a long title before a name ("with Russian Ambassador to the
    United Nations X"): capitalised words and "to", "the", "of" only."""
    return b - a <= 12 and all(p.words[k][:1].isupper() or p.lower[k] in TITLE_GAP for k in range(a, b))


@quick
@dataclass(frozen=True)
class Context:
    """What a trigger's reading needs from its sentence.

    Attributes:
        agreements: The sentence's agreement mentions; officials: its officials.
        groups: The sentence's mentions (before a trailing source clause), grouped by coordination.
        prev_met: Participants of the last meeting read (for "their talks"): its actors and its targets
            (no targets: all met each other).
        next_trigger: Where the next trigger of the sentence starts (targets stop there).
        prev_verb_end: Where the previous verb trigger ends (noun triggers take no actor before it).
        prev_actors: Actors of the previous verb trigger of the sentence (an elided subject).
        prev_subject: The previous verb's subject when it is not its actor (a passive's undergoer:
            "X was indicted by Y and will resign": X resigns).
        verb_starts: Where the sentence's verb triggers start.
        next_noun: Where the next noun trigger of the sentence starts ("seek accommodation with X":
            X is the target of the noun; an event that asserts no fact reaches past verb triggers).
        places: States named as places ("in Serbia", "arrived in Amman"): the fallback target of
            an event that asserts no relation ("demonstrated in Serbia", "arrived in Amman for talks").
        antecedent: The last actor named in the sentences before ("the latter" refers to it).
        hit_ends: Where the sentence's triggers end ("the attack on Y was condemned": Y is no subject).
        speakers: Groups named in the sentence's trailing source clause (", German officials said"):
            no party to the events, but the speaker of a reported obligation.
    """

    agreements: tuple[Span, ...]
    officials: tuple[Span, ...]
    groups: tuple[tuple[Span, ...], ...]
    prev_met: tuple[tuple[Span, ...], tuple[Span, ...]] = ((), ())
    next_trigger: int = 1 << 30
    prev_verb_end: int = 0
    prev_actors: tuple[Span, ...] = ()
    prev_subject: tuple[Span, ...] = ()
    verb_starts: tuple[int, ...] = ()
    places: tuple[Span, ...] = ()
    next_noun: int = 1 << 30
    speakers: tuple[tuple[Span, ...], ...] = ()
    hit_ends: tuple[int, ...] = ()
    antecedent: Span | None = None

    def with_(self, **changes) -> Context:
        """A copy with some fields changed (``dataclasses.replace`` without its per-call checks:
        this runs once per trigger)."""
        new = object.__new__(Context)
        new.__dict__.update(self.__dict__, **changes)
        return new


def actors_of(p: Parsed, hit: Hit, trig: Trigger, gs, lo: int, ctx: Context) -> list[Span]:
    """The actor group of a trigger (before it, with the exceptions spelled out below)."""
    s0 = p.sents[p.sent_of[hit.i]][0]
    prev = p.lower[hit.i - 1] if hit.i > s0 else ""
    if trig.nominal or prev in ARTICLES:  # "X condemned the attack on Y": X did not attack
        # a noun trigger takes no actor across a verb trigger ("X did not meet during the summit")
        actors = _before(gs, hit.i, max(lo, ctx.prev_verb_end), 6)
        if not actors and prev in POSSESSIVE:
            actors = _before(gs, hit.i, lo, None)
        if prev in ("in", "as"):
            actors = _subject(gs, hit.i)  # "X pulled out in protest against Y": X protests
        if not actors and lo > s0 and p.lower[lo - 1] in ("who", "which"):
            actors = _relative_head(p, gs, lo - 1)  # "X, which is a close partner of Y, refused": X
        return actors
    if document_subject(p, gs, hit.i, lo, ctx.agreements, ctx.verb_starts, VERB_LEAD):  # "a deal ... that calls on"
        return []
    latter = _latter(p, hit.i, lo)
    if latter is not None:  # "..., and the latter disapproves of Y": the last actor named before
        named = [s for g in gs if g[-1].j <= latter - 1 for s in g if s.type in ACTOR_TYPES]
        return named[-1:] or ([ctx.antecedent] if ctx.antecedent else [])
    if lo > s0 and p.lower[lo - 1] in ("who", "which") and "," in p.words[lo:hit.i]:
        return _before(gs, lo - 1, s0, None)  # "X, who visited Y, proposed": X proposed
    if ctx.prev_actors and prev == "," and p.lower[hit.i].endswith("ing"):
        return list(ctx.prev_actors)  # "X shelled the town, killing 20": X killed
    elided = ctx.prev_subject or ctx.prev_actors  # "X met Y and later held talks with Z": X held the talks
    if elided and "and" in p.lower[max(s0, hit.i - 3):hit.i] and not own_subject(p, gs, hit.i, s0):
        return list(elided)
    if _unresolved(gs, hit.i, lo):  # "..., it said": a pronoun whose antecedent is unsure
        return []
    if lo > s0 and p.lower[lo - 1] in ("who", "which") and not _before(gs, hit.i, lo, None):
        return _relative_head(p, gs, lo - 1)  # "X, who has vowed to ...": X vowed (not the sentence's subject)
    return _apposed(p, gs, hit.i, lo) or of_head(p, gs, hit.i, lo) or _before(gs, hit.i, lo, None) \
        or _subject(gs, hit.i)


def _relative_head(p: Parsed, gs: list[list[Span]], w: int) -> list[Span]:
    """The actors named right before the relative pronoun at token w ("X who", "X, which"); none
    when something else stands there ("a journalist who ...")."""
    end = w - 1 if w > 0 and p.lower[w - 1] == "," else w
    for g in gs:
        if g[-1].j == end:
            return [s for s in g if s.type in ACTOR_TYPES]
    return []


def _unresolved(gs: list[list[Span]], k: int, lo: int) -> bool:
    """Whether the group nearest before token k in its clause is a pronoun nobody is sure of."""
    g = next((g for g in reversed(gs) if g[-1].j <= k), None)
    return g is not None and g[0].i >= lo and g[0].type == PRONOUN_TYPE


def _latter(p: Parsed, k: int, lo: int) -> int | None:
    """Where "the latter" stands as the subject of the verb at token k, if it does."""
    while k > lo and p.lower[k - 1] in VERB_LEAD:
        k -= 1
    return k - 1 if k - 2 >= lo and p.lower[k - 1] == "latter" and p.lower[k - 2] == "the" else None


AUXILIARY = frozenset({"has", "have", "had", "is", "was", "are", "were", "will", "would", "also", "again", "then",
                       "later", "has been", "had been"})
ARTICLES = frozenset({"the", "a", "an"})
VERB_LEAD = AUXILIARY | frozenset({"not", "n't", "would", "could", "might", "may", "did", "does", "do", "be",
                                   "been", "still", "never", "already", "strongly", "sharply", "openly"})


def _apposed(p: Parsed, gs: list[list[Span]], k: int, lo: int) -> list[Span]:
    """"X, a key ally of Y, has refused": the group right before the apposition's first comma."""
    m = k
    while m > lo and p.lower[m - 1] in AUXILIARY:
        m -= 1
    if m <= lo or p.lower[m - 1] != ",":
        return []
    opening = next((c for c in range(m - 2, lo - 1, -1) if p.lower[c] == ","), None)
    if opening is None or m - 1 - opening > 12:
        return []
    for g in gs:
        if g[-1].j == opening and g[0].i >= lo:
            return [s for s in g if s.type in ACTOR_TYPES]
    return []


def by_maker(p: Parsed, hit: Hit, trig: Trigger) -> bool:
    """Whether a verb trigger phrase ending in a noun is followed by "by" ("violated a ban by Y"):
    the "by" group made the noun (the one defied), it is not the agent of the active verb, whose
    subject acts (only a passive, "was violated by Y", takes its "by" group as the actor)."""
    last = p.lower[hit.j - 1]
    return not trig.nominal and hit.j - hit.i > 1 and hit.j < len(p.lower) and p.lower[hit.j] == "by" \
        and last not in TARGET_PREP and not last.endswith("ed")
