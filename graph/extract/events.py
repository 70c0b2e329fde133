"""Read events from trigger words: who did what to whom, with modality, negation and hedging.

Stage contract: ``find_events(parsed, spans, rules, document, dates_of) -> list[Event]``.
Actors are the coordinated group of mentions nearest before the trigger in its clause (for a noun
trigger, close before it: "Russia's criticism", "their meeting"); targets are the first group after
it ("with X", "of X"), or everyone in "between X and Y". Negated events ("did not meet") and
forecasts ("will meet") are kept as events but assert no fact (see facts.py).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from diplograph.graph.extract.lexicon import Rules, Trigger
from diplograph.graph.extract.mentions import _longest
from diplograph.graph.extract.parse import Hit, Parsed
from diplograph.graph.extract.spans import ACTOR_TYPES, Span

GAP_OK = frozenset({",", "and", "both", "as", "well", "the", "-", "his", "her", "their", "its", "mr.", "mr", "'s",
                    "’s", "leaders", "leader", "officials", "government", "side", "delegation", "delegations"})
BOUNDARY = frozenset({";", ":", "but", "while", "whereas", "although", "though", "because", "which", "who",
                      "\u201c", "\u201d", '"'})
TARGET_PREP = frozenset({'"', "\u201d", "\u2019", "'", "with", "of", "over", "on", "against", "for", "to", "from", "toward", "towards", "about",
                         "at", "the", "a", "an", "between", "among", "by", "into", "in"})
ANAPHORA = frozenset({"their", "those", "these", "such"})
LOCATIVE = frozenset({"in", "inside", "near", "within"})  # "the French military in Rwanda": where, not who
CALLED_OFF = frozenset({"cancelled", "canceled", "postponed", "scrapped", "shelved"})
POSSESSIVE = frozenset({"their", "its", "his", "her"})
REACTION = frozenset({"drawing", "drew", "drawn", "prompting", "prompted", "provoking", "provoked", "sparking",
                      "sparked", "triggering", "triggered", "earning", "earned"})  # a reaction to the subject's act


@dataclass(frozen=True)
class Reading:
    """One trigger read in context, before it is split into actor-target events."""

    trigger: Trigger
    hit: Hit
    sent: int
    actors: tuple[Span, ...]
    targets: tuple[Span, ...]
    objects: tuple[Span, ...]
    officials: tuple[Span, ...]
    one_group: bool
    negated: bool
    hedged: bool
    modality: str


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
    if a.sent != b.sent:
        return False
    gap = [k for k in range(a.j, b.i) if k not in covered]
    return all(p.lower[k] in GAP_OK for k in gap) and (b.i - a.j) <= 8


def _clause(p: Parsed, k: int, sent: int) -> tuple[int, int]:
    """Token range of the clause around token k (split at ';', ':', 'but', quotes...)."""
    s0, s1 = p.sents[sent]
    a = k
    while a > s0 and p.lower[a - 1] not in BOUNDARY:
        a -= 1
    b = k
    while b < s1 and p.lower[b] not in BOUNDARY:
        b += 1
    return a, b


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


def _modality(p: Parsed, hit: Hit, trig: Trigger, lo: int, rules: Rules) -> tuple[str, bool, bool]:
    """(modality, negated, hedged) from the words around the trigger."""
    s0, s1 = p.sents[p.sent_of[hit.i]]
    after = p.lower[hit.j:min(s1, hit.j + 3)]
    called_off = any(w in CALLED_OFF for w in p.lower[hit.j:s1])
    negated = called_off or _cue_before(p, hit.i, lo, _without_no(rules.cue("negation")), 3) or \
        (_cue_before(p, hit.i, lo, frozenset({"no"}), 2) and trig.nominal)
    forecast = p.lower[hit.i] in ("will", "to", "shall") or _cue_before(p, hit.i, lo, rules.cue("forecast"), 4) or \
        (trig.nominal and any(w in ("planned", "scheduled", "expected") for w in after))
    hedged = _cue_before(p, hit.i, s0, rules.cue("hedge"), 12)
    if forecast:
        return "forecast", negated, hedged
    if _cue_before(p, hit.i, s0, rules.cue("assessment"), 12):
        return "assessment", negated, True
    if _cue_before(p, hit.i, s0, rules.cue("statement"), 12):
        return "statement", negated, hedged
    return trig.modality, negated, hedged


def _before(gs: list[list[Span]], k: int, lo: int, max_gap: int | None) -> list[Span]:
    """The group nearest before token k within [lo, k)."""
    for g in reversed(gs):
        if g[-1].j <= k and g[0].i >= lo:
            if max_gap is not None and k - g[-1].j > max_gap:
                return []
            return [s for s in g if s.type in ACTOR_TYPES]
    return []


def _after(p: Parsed, gs: list[list[Span]], k: int, hi: int, max_gap: int | None, strict: bool = False) -> list[Span]:
    """The group nearest after token k within (k, hi); strict: only prepositions in between."""
    for g in gs:
        if g[0].i >= k and g[-1].j <= hi:
            gap = [w for w in p.lower[k:g[0].i] if w not in TARGET_PREP]
            if max_gap is not None and (g[0].i - k > max_gap or (strict and gap)):
                return []
            return g
    return []


def _copula(p: Parsed, gs: list[list[Span]], hit: Hit, lo: int):
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


def _doer(p: Parsed, gs: list[list[Span]], k: int, lo: int) -> list[Span]:
    """The last group before token k in a subject's place (at the sentence start or after a comma or
    "after", not after a verb or preposition, not a possessive): who did what a reaction answers."""
    s0 = p.sents[p.sent_of[k]][0]
    found: list[Span] = []
    for g in gs:
        if g[0].i < lo or g[-1].j > k:
            continue
        b = g[0].i
        while b > s0 and p.words[b - 1][:1].isupper():
            b -= 1  # over a title ("Prime Minister X")
        lead = b == s0 or p.lower[b - 1] in SUBJECT_LEAD
        owner = g[-1].j < len(p.lower) and p.lower[g[-1].j] in ("'s", "’s")
        actors = [s for s in g if s.type in ACTOR_TYPES]
        if lead and not owner and actors:
            found = actors
    return found


def _with_group(p: Parsed, gs: list[list[Span]], k: int, hi: int) -> list[Span]:
    """"met ... with X and Y": the group after the first "with" in the clause (from the trigger on)."""
    for m in range(k, hi):
        if p.lower[m] == "with":
            for g in gs:
                if g[0].i > m and g[0].i - m <= 6:
                    return g
            return []
    return []


def _venue(p: Parsed, g: list[Span], hit: Hit, trig: Trigger) -> bool:
    """"the SCO meeting": an organization right before a meeting noun hosts it, it is not a party."""
    return trig.nominal and trig.relation == "met" and len(g) == 1 and g[0].type == "Organization" \
        and g[0].j == hit.i


@dataclass(frozen=True)
class Context:
    """What a trigger's reading needs from its sentence.

    Attributes:
        mentions: The sentence's mentions; groups: the same, grouped by coordination.
        prev_met: Participants of the last meeting read (for "their talks").
        next_trigger: Where the next trigger of the sentence starts (targets stop there).
        prev_verb_end: Where the previous verb trigger ends (noun triggers take no actor before it).
        prev_actors: Actors of the previous verb trigger of the sentence (an elided subject).
        verb_starts: Where the sentence's verb triggers start.
        next_noun: Where the next noun trigger of the sentence starts ("seek accommodation with X":
            X is the target of the noun; an event that asserts no fact reaches past verb triggers).
        places: States named as places ("in Serbia", "arrived in Amman"): the fallback target of
            an event that asserts no relation ("demonstrated in Serbia", "arrived in Amman for talks").
    """

    mentions: tuple[Span, ...]
    groups: tuple[tuple[Span, ...], ...]
    prev_met: tuple[Span, ...] = ()
    next_trigger: int = 1 << 30
    prev_verb_end: int = 0
    prev_actors: tuple[Span, ...] = ()
    verb_starts: tuple[int, ...] = ()
    places: tuple[Span, ...] = ()
    next_noun: int = 1 << 30


def _actors(p: Parsed, hit: Hit, trig: Trigger, gs, lo: int, ctx: Context) -> list[Span]:
    """The actor group of a trigger (before it, with the exceptions spelled out below)."""
    s0 = p.sents[p.sent_of[hit.i]][0]
    prev = p.lower[hit.i - 1] if hit.i > s0 else ""
    if trig.nominal:
        # a noun trigger takes no actor across a verb trigger ("X did not meet during the summit")
        actors = _before(gs, hit.i, max(lo, ctx.prev_verb_end), 6)
        if not actors and prev in POSSESSIVE:
            actors = _before(gs, hit.i, lo, None)
        if prev in ("in", "as"):
            actors = _subject(gs, hit.i)  # "X pulled out in protest against Y": X protests
        return actors
    if lo > s0 and p.lower[lo - 1] in ("who", "which") and "," in p.words[lo:hit.i]:
        return _before(gs, lo - 1, s0, None)  # "X, who visited Y, proposed": X proposed
    if ctx.prev_actors and "and" in p.lower[max(s0, hit.i - 3):hit.i]:
        return list(ctx.prev_actors)  # "X met Y and later held talks with Z": X held the talks
    return _apposed(p, gs, hit.i, lo) or _before(gs, hit.i, lo, None) or _subject(gs, hit.i)


AUXILIARY = frozenset({"has", "have", "had", "is", "was", "are", "were", "will", "would", "also", "again", "then",
                       "later", "has been", "had been"})


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


def _targets(p: Parsed, hit: Hit, trig: Trigger, gs, hi: int, ctx: Context) -> list[Span]:
    """The target group of a trigger: right after it ("with X", "of X", "X")."""
    s1 = p.sents[p.sent_of[hit.i]][1]
    if trig.strict_target:
        targets = _after(p, gs, hit.j, s1, 3, True)
    else:
        loose = not trig.relation and not trig.nominal  # an event that asserts no fact may reach further
        targets = _after(p, gs, hit.j, min(ctx.next_noun if loose else ctx.next_trigger, hi), 10 if loose else 6, False)
        if trig.nominal and targets and p.lower[hit.j] not in TARGET_PREP and p.lower[hit.j - 1] not in TARGET_PREP:
            targets = []
    if not targets and trig.relation is None:
        targets = [s for s in ctx.places if hit.j <= s.i < min(ctx.next_trigger, hi) and s.i - hit.j <= 8][:1]
    if trig.relation == "met":
        verb_next = min([h for h in ctx.verb_starts if h > hit.i] + [hi])
        targets = _with_group(p, gs, hit.i, verb_next) or [t for t in targets if t.type != "Organization"]
    return targets


def read_trigger(p: Parsed, hit: Hit, trig: Trigger, ctx: Context, rules: Rules) -> Reading:
    """Actors, targets and modality of one trigger occurrence."""
    sent = p.sent_of[hit.i]
    lo, hi = _clause(p, hit.i, sent)
    s1 = p.sents[sent][1]
    gs = [list(g) for g in ctx.groups if not _venue(p, list(g), hit, trig)]
    actors, targets = _actors(p, hit, trig, gs, lo, ctx), _targets(p, hit, trig, gs, hi, ctx)
    after = p.lower[hit.j] if hit.j < s1 else ""
    if trig.nominal and after == "from" and targets:
        actors, targets = targets, actors  # "an angry response from China": China responds
        if REACTION & set(p.lower[max(lo, hit.i - 3):hit.i]):  # "X did ..., drawing criticism from Y"
            targets = [s for s in _doer(p, gs, hit.i, lo) if s not in actors] or targets
    copula = _copula(p, gs, hit, lo) if trig.nominal else None
    if copula:
        actors, targets = copula
    one_group = False
    summit_of = after in ("among", "of") and trig.nominal and trig.relation == "met"  # "a summit of X, Y and Z"
    if (after == "between" or summit_of) and len(targets) >= 2:
        actors, one_group = [], True
    if after == "by" and targets:
        actors, targets = [t for t in targets if t.type in ACTOR_TYPES], list(actors)
    if not actors and not targets and trig.relation == "met" and hit.i > 0 and p.lower[hit.i - 1] in ANAPHORA:
        actors, one_group = list(ctx.prev_met), True
    one_group = one_group or bool(actors and not targets and trig.direction == "symmetric")
    modality, negated, hedged = _modality(p, hit, trig, lo, rules)
    return Reading(trig, hit, sent, tuple(actors), tuple(t for t in targets if t not in actors),
                   tuple(s for s in ctx.mentions if s.type == "Agreement"),
                   tuple(s for s in ctx.mentions if s.type == "Official"), one_group, negated, hedged, modality)


def readings(p: Parsed, spans: list[Span], rules: Rules) -> list[Reading]:
    """Every trigger in the document read in context, in text order."""
    busy = {k for s in spans if s.type in ("Agreement", "Organization") and s.kind != "outlet-ref"
            for k in range(s.i, s.j)}
    actors = [s for s in spans if not s.place and (s.type == "Agreement" or not s.modifier)
              and not (s.type == "State" and s.i > 0 and p.lower[s.i - 1] in LOCATIVE)]
    covered = {k for s in spans if s.modifier for k in range(s.i, s.j)}
    covered |= {k for h in p.titles for k in range(h.i, h.j)}
    places: dict[int, list[Span]] = {}
    for s in spans:
        if s.eid and s.type == "State" and not s.modifier and (s.place or (s.i > 0 and p.lower[s.i - 1] in LOCATIVE)):
            places.setdefault(s.sent, []).append(s)
    by_sent: dict[int, list[Span]] = {}
    for s in actors:
        by_sent.setdefault(s.sent, []).append(s)
    hits_by_sent: dict[int, list[Hit]] = {}
    for g in _longest(list(p.triggers)):
        if not any(k in busy for k in range(g[0].i, g[0].j)):
            hits_by_sent.setdefault(p.sent_of[g[0].i], []).append(g[0])
    out: list[Reading] = []
    prev_met: tuple[Span, ...] = ()
    for sent in sorted(hits_by_sent):
        mentions = by_sent.get(sent, [])
        base = Context(tuple(mentions), tuple(tuple(g) for g in groups(p, mentions, covered)),
                       places=tuple(places.get(sent, ())))
        found, prev_met = _sentence_readings(p, hits_by_sent[sent], base, rules, prev_met)
        out.extend(found)
    return out


def _sentence_readings(p: Parsed, hits: list[Hit], base: Context, rules: Rules,
                       prev_met: tuple[Span, ...]) -> tuple[list[Reading], tuple[Span, ...]]:
    """The readings of one sentence's triggers, each seeing the verbs read before it; also returns
    the participants of the last meeting read (what "their talks" refers to)."""
    verbs = tuple(h.i for h in hits if not rules.trigger(h.id).nominal)
    out: list[Reading] = []
    for n, hit in enumerate(hits):
        before = [r for r in out if not r.trigger.nominal]
        prev_verb = max((h.j for h in hits[:n] if not rules.trigger(h.id).nominal), default=0)
        ctx = replace(base, prev_met=prev_met, next_trigger=hits[n + 1].i if n + 1 < len(hits) else 1 << 30,
                      next_noun=min([h.i for h in hits[n + 1:] if rules.trigger(h.id).nominal] + [1 << 30]),
                      prev_verb_end=prev_verb if n and not rules.trigger(hits[n - 1].id).nominal else 0,
                      prev_actors=before[-1].actors if before else (), verb_starts=verbs)
        r = read_trigger(p, hit, rules.trigger(hit.id), ctx, rules)
        out.append(r)
        if r.trigger.relation == "met" and len({s.eid for s in r.actors + r.targets}) >= 2 \
                and not r.negated and r.modality != "forecast":
            prev_met = r.actors + r.targets
    return _chain(p, out), prev_met


CHAIN_GAP = frozenset({"to", "not", "also", "again", "be", "help", "further", "immediately", "today", "now",
                       "once", "soon", "jointly"})


def _chain(p: Parsed, out: list[Reading]) -> list[Reading]:
    """"X threatened to cut ties with Y": a verb trigger whose complement is another trigger ("to")
    lends that trigger its actors and takes its targets when it has none of its own."""
    out = list(out)
    for n in range(len(out) - 1, 0, -1):
        head, tail = out[n - 1], out[n]
        gap = p.lower[head.hit.j:tail.hit.i]
        if head.trigger.nominal or "to" not in gap or not set(gap) <= CHAIN_GAP or not head.actors:
            continue
        if not set(tail.actors) & set(head.actors) and not tail.one_group:
            out[n] = tail = replace(tail, actors=head.actors,
                                    targets=tuple(t for t in tail.targets if t not in head.actors))
        if not head.targets and not head.one_group:
            out[n - 1] = replace(head, targets=tuple(t for t in tail.targets if t not in head.actors))
    return out
