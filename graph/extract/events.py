"""Read events from trigger words: who did what to whom, with modality, negation and hedging.

Stage contract: ``readings(parsed, spans, rules) -> list[Reading]`` (facts.py turns them into events).
Actor and target groups are found by roles.py, modality by modality.py. Negated events ("did not
meet") and forecasts ("will meet") are kept as events but assert no fact (see facts.py). A trigger
phrase may hold a time phrase between its words ("called Thursday on"), and a generic verb counts
only with the object its entry asks for ("provided aid", not "provided no details").
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from diplograph.graph.extract.agents import agents_in_states, domestic_actor, domestic_target, not_party
from diplograph.graph.extract.lexicon import Rules, Trigger
from diplograph.graph.extract.mentions import _longest
from diplograph.graph.extract.modality import read_modality
from diplograph.graph.extract.parse import Hit, Parsed
from diplograph.graph.extract.roles import (ANAPHORA, LOCATIVE, REACTION, Context, actors_of, by_maker, clause,
                                            copula_roles, doer, groups, purpose_roles, targets_of, topic_target, under,
                                            undergoer, venue)
from diplograph.graph.extract.spans import (ACTOR_TYPES, MONTHS, TIME_OPENERS, TIME_WORDS, Span, quick,
                                            time_phrase_end)
from diplograph.graph.extract.voice import (attribution_start, by_agent, condition_subject, is_passive,
                                            reported_roles)


@quick
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


PARTY_RELATIONS = ("signed", "partyTo", "joins", "withdrawsFrom")
DETERMINERS = frozenset({"a", "an", "the", "its", "their", "his", "her", "fresh", "new", "renewed", "repeated"})
RESPONSES = frozenset({"REJECT", "CONCEDE"})  # what answers a demand or an offer
ANSWERED = frozenset({"DEMAND", "REQUEST", "AGREE", "THREATEN"})
TOPICAL = frozenset({"DISAPPROVE", "PROTEST"})  # complaints: "to X" names whom they are made to


def read_trigger(p: Parsed, hit: Hit, trig: Trigger, ctx: Context, rules: Rules) -> Reading:
    """Actors, targets and modality of one trigger occurrence."""
    sent = p.sent_of[hit.i]
    lo, hi = clause(p, hit.i, sent)
    s1 = p.sents[sent][1]
    gs = [list(g) for g in ctx.groups if not venue(p, g, hit, trig)]
    actors, targets = actors_of(p, hit, trig, gs, lo, ctx), targets_of(p, hit, trig, gs, hi, ctx)
    after = p.lower[hit.j] if hit.j < s1 else ""
    passive = not trig.nominal and trig.relation not in ("signed", "partyTo") and is_passive(p, hit)
    # "a demand from X", "accepted demands from X": a verb entry used as a noun
    as_noun = trig.nominal or (hit.i > 0 and p.lower[hit.i - 1] in DETERMINERS) or ctx.prev_verb_end == hit.i
    undergone = under(p, hit, lo)
    purpose = None if trig.nominal or trig.reported or passive else purpose_roles(p, gs, hit, lo, rules.cue("control"))
    if trig.reported:
        actors, targets = reported_roles(p, gs + [list(g) for g in ctx.speakers], hit, rules.cue("speech"))
    elif passive:  # "Y was attacked (...) by X": X attacked Y; without "by X" the attacker is unknown
        subject, actors = undergoer(p, actors, ctx.hit_ends, lo), by_agent(p, gs, hit.j, hi)
        targets = subject or [t for t in targets if t not in actors]
    elif undergone:  # "Y came under attack from X", "Y was put under investigation in X"
        actors, targets = [t for t in targets if t.type in ACTOR_TYPES], actors
    elif purpose:  # "X sent observers to Y to investigate": X investigates (Y)
        actors, targets = purpose[0], targets or [s for s in purpose[1] if s not in purpose[0]]
    if trig.event_type in TOPICAL:  # "X complained to Y over Z": Z is the target
        targets = topic_target(p, gs, hit, targets, hi, rules.cue("topic_prep"))
    if as_noun and after == "from" and not targets and actors and not undergone:  # "demands from rebels"
        targets = domestic_target(p, hit, min(ctx.next_trigger, hi), actors, trig, rules, ctx.places)
    if as_noun and not actors and targets and not passive and not undergone:  # "the killing of Y by X"
        actors = by_agent(p, gs, targets[-1].j, min(hi, targets[-1].j + 3))
        targets = [t for t in targets if t not in actors]
    if as_noun and after == "from" and targets and not undergone:
        actors, targets = targets, actors  # "an angry response from China": China responds
        if REACTION & set(p.lower[max(lo, hit.i - 3):hit.i]):  # "X did ..., drawing criticism from Y"
            targets = [s for s in doer(p, gs, hit.i, lo) if s not in actors] or targets
    copula = copula_roles(p, gs, hit, lo) if trig.nominal else None
    if copula:
        actors, targets = copula
    one_group = False
    summit_of = after in ("among", "of") and trig.nominal and trig.relation == "met"  # "a summit of X, Y and Z"
    if (after == "between" or summit_of) and len(targets) >= 2:
        actors, one_group = [], True
    if after == "by" and targets and not passive and not undergone and not by_maker(p, hit, trig):
        actors, targets = [t for t in targets if t.type in ACTOR_TYPES], list(actors)
    if not actors and not targets and trig.relation == "met" and hit.i > 0 and p.lower[hit.i - 1] in ANAPHORA:
        actors, one_group = list(ctx.prev_met), True
    own = {a.eid for a in actors}
    if actors and all(t.eid in own for t in targets) and trig.event_type == "THREATEN":  # "... unless Y ..."
        targets = [t for t in condition_subject(p, gs, hit) if t.eid not in own] or targets
    if trig.direction != "symmetric" and trig.relation not in PARTY_RELATIONS and not passive and not one_group:
        if actors and not targets:  # "X accused rebels of ...": X's own rebels
            targets = domestic_target(p, hit, min(ctx.next_trigger, hi), actors, trig, rules, ctx.places)
        elif targets and not actors and not trig.reported:  # "rebels demanded that President X ..."
            actors = domestic_actor(p, hit.i, lo, targets, rules)
    one_group = one_group or bool(actors and not targets and trig.direction == "symmetric")
    modality, negated, hedged = read_modality(p, hit, trig, lo, rules)
    return Reading(trig, hit, sent, tuple(actors), tuple(t for t in targets if t not in actors),
                   ctx.agreements, ctx.officials, one_group, negated, hedged, modality)


def readings(p: Parsed, spans: list[Span], rules: Rules) -> list[Reading]:
    """Every trigger in the document read in context, in text order."""
    busy = {k for s in spans if s.type in ("Agreement", "Organization") and s.kind != "outlet-ref"
            for k in range(s.i, s.j)}
    agentive = agents_in_states(p, spans, rules)  # "rebels in X": X acts
    where = rules.cue("place_noun")
    actors = [s for s in spans if (s.i, s.j) in agentive or (
        not s.place and (s.type == "Agreement" or not s.modifier)
        and not (s.type == "State" and (s.i > 0 and p.lower[s.i - 1] in LOCATIVE or not_party(p, s, where))))]
    covered = {k for s in spans if s.modifier for k in range(s.i, s.j)}
    covered |= {k for h in p.titles for k in range(h.i, h.j)}
    places: dict[int, list[Span]] = {}
    for s in spans:
        if s.eid and s.type == "State" and not s.modifier and (s.i, s.j) not in agentive \
                and (s.place or (s.i > 0 and p.lower[s.i - 1] in LOCATIVE)):
            places.setdefault(s.sent, []).append(s)
    by_sent: dict[int, list[Span]] = {}
    for s in actors:
        by_sent.setdefault(s.sent, []).append(s)
    hits_by_sent: dict[int, list[Hit]] = {}
    for g in _longest([h for h in (*p.triggers, *gapped_hits(p, rules)) if takes_object(p, h, rules)]):
        if g[0].i not in busy:  # a trigger word inside a name is not a trigger ("... Cooperation Organization")
            hits_by_sent.setdefault(p.sent_of[g[0].i], []).append(g[0])
    out: list[Reading] = []
    prev_met: tuple[Span, ...] = ()
    for sent in sorted(hits_by_sent):
        mentions = by_sent.get(sent, [])
        source = attribution_start(p, sent, [h.i for h in hits_by_sent[sent]])
        # ", Thai police said": who reports is not a party to what is reported (but may have signed it)
        parties = [s for s in mentions if source is None or s.i < source]
        speakers = [s for s in mentions if source is not None and s.i >= source]
        base = Context(tuple(s for s in mentions if s.type == "Agreement"),
                       tuple(s for s in mentions if s.type == "Official"),
                       tuple(tuple(g) for g in groups(p, parties, covered)),
                       speakers=tuple(tuple(g) for g in groups(p, speakers, covered)),
                       places=tuple(s for s in places.get(sent, ()) if source is None or s.i < source),
                       antecedent=_last_actor(by_sent, sent))
        found, prev_met = _sentence_readings(p, hits_by_sent[sent], base, rules, prev_met)
        out.extend(found)
    return out


TIME_CORE = TIME_WORDS | MONTHS  # a time phrase holds one of these ("on Monday", "in March", "last week")


def gapped_hits(p: Parsed, rules: Rules) -> list[Hit]:
    """The trigger phrases found with a time phrase between two of their words ("called Thursday on X
    to", "met on Monday with", "pulled last week out of"): the hit spans the whole, time phrase included."""
    heads, longest, out = rules.split_phrases, rules.split_reach, []
    starts = {a for m in p.positions(TIME_CORE, lower=True) for a in _openers(p, m)}
    for a in sorted(starts):
        s0, s1 = p.sents[p.sent_of[a]]
        end = time_phrase_end(p, a, s1)
        for n in range(1, min(longest, a - s0) + 1) if end > a else ():
            for tail, id_ in heads.get(p.lower[a - n:a], ()):
                j = end + len(tail)
                if j <= s1 and p.lower[end:j] == tail:
                    out.append(Hit(a - n, j, p.starts[a - n], p.ends[j - 1], "TRIG", id_))
    return sorted(set(out))


def _openers(p: Parsed, m: int) -> list[int]:
    """Where a time phrase holding token m may start: m, or up to two opening words before it."""
    out, a, s0 = [m], m, p.sents[p.sent_of[m]][0]
    while a > s0 and m - a < 2 and p.lower[a - 1] in TIME_OPENERS:
        a -= 1
        out.append(a)
    return out


OBJECT_WINDOW = 8  # tokens after a trigger searched for its object ("gave the Ivory Coast 5 million dollars")


def takes_object(p: Parsed, hit: Hit, rules: Rules) -> bool:
    """Whether a trigger's object allows it: a verb with a "no"/"nothing" object ("provided no details",
    "offered no comment") reports no act, and an entry naming an ``object`` cue kind needs one of its
    words among the next words of the sentence ("gave 5 million dollars of aid", not "gave a reason")."""
    trig = rules.trigger(hit.id)
    s1 = p.sents[p.sent_of[hit.i]][1]
    if not trig.nominal and hit.j < s1 and p.lower[hit.j] in rules.cue("no_object"):
        return False
    after = p.lower[hit.j:min(s1, hit.j + OBJECT_WINDOW)]
    return trig.object is None or not rules.cue(trig.object).isdisjoint(after)


def _last_actor(by_sent: dict[int, list[Span]], sent: int) -> Span | None:
    """The last actor named in the two sentences before ``sent`` (what "the latter" may refer to)."""
    for k in (sent - 1, sent - 2):
        found = [s for s in by_sent.get(k, ()) if s.type in ACTOR_TYPES]
        if found:
            return found[-1]
    return None


def _sentence_readings(p: Parsed, hits: list[Hit], base: Context, rules: Rules,
                       prev_met: tuple[Span, ...]) -> tuple[list[Reading], tuple[Span, ...]]:
    """The readings of one sentence's triggers, each seeing the verbs read before it; also returns
    the participants of the last meeting read (what "their talks" refers to)."""
    trigs = [rules.trigger(h.id) for h in hits]
    verbs = tuple(h.i for h, t in zip(hits, trigs) if not t.nominal)
    ends = tuple(h.j for h in hits)
    next_noun = [1 << 30] * (len(hits) + 1)  # next_noun[n]: where the first noun trigger from hit n on starts
    for n in range(len(hits) - 1, -1, -1):
        next_noun[n] = min(hits[n].i, next_noun[n + 1]) if trigs[n].nominal else next_noun[n + 1]
    out: list[Reading] = []
    prev_verb, prev_actors = 0, ()  # where the last verb trigger ends, and its actors
    for n, (hit, trig) in enumerate(zip(hits, trigs)):
        ctx = base.with_(prev_met=prev_met, next_trigger=hits[n + 1].i if n + 1 < len(hits) else 1 << 30,
                         next_noun=next_noun[n + 1],
                         prev_verb_end=prev_verb if n and not trigs[n - 1].nominal else 0,
                         prev_actors=prev_actors, verb_starts=verbs, hit_ends=ends)
        r = _retyped(p, read_trigger(p, hit, trig, ctx, rules), rules)
        if trig.event_type in TOPICAL and r.actors and not r.targets and not r.one_group:
            r = replace(r, targets=claim_target(p, hit, base.groups, r.actors))
        out.append(r)
        if not trig.nominal:
            prev_verb, prev_actors = max(prev_verb, hit.j), r.actors
        if r.trigger.relation == "met" and len({s.eid for s in r.actors + r.targets}) >= 2 \
                and not r.negated and r.modality != "forecast":
            prev_met = r.actors + r.targets
    return _acts_criticized(p, _answers(p, _chain(p, out))), prev_met


CHAIN_GAP = frozenset({"to", "not", "also", "again", "be", "help", "further", "immediately", "today", "now",
                       "once", "soon", "jointly"})
# what may stand between a verb and its "to" complement: "agreed in principle on Saturday to provide"
WHEN_GAP = frozenset({"on", "in", "principle", "yesterday", "tomorrow", "tonight", "this", "last", "next", "week",
                      "weekend", "month", "year", "morning", "evening", "night", "formally", "finally",
                      "unanimously", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})


def _chain(p: Parsed, out: list[Reading]) -> list[Reading]:
    """"X threatened to cut ties with Y": a verb trigger whose complement is another trigger ("to")
    lends that trigger its actors and takes its targets when it has none of its own."""
    out = list(out)
    for n in range(len(out) - 1, 0, -1):
        head, tail = out[n - 1], out[n]
        gap = p.lower[head.hit.j:tail.hit.i]
        if head.trigger.nominal or "to" not in gap or not head.actors or not _complement(gap):
            continue
        if not set(tail.actors) & set(head.actors) and not tail.one_group:
            out[n] = tail = replace(tail, actors=head.actors,
                                    targets=tuple(t for t in tail.targets if t not in head.actors))
        if not head.targets and not head.one_group:
            out[n - 1] = replace(head, targets=tuple(t for t in tail.targets if t not in head.actors))
    return out


def _complement(gap: tuple[str, ...]) -> bool:
    """Whether the words between two triggers make the second the first's "to" complement."""
    to = len(gap) - 1 - gap[::-1].index("to")
    return set(gap[to:]) <= CHAIN_GAP and set(gap[:to]) <= CHAIN_GAP | WHEN_GAP and len(gap) <= 8


def _answers(p: Parsed, out: list[Reading]) -> list[Reading]:
    """"X rejected a fresh offer from Y", "X accepted demands from Y": a rejection or concession
    with no target of its own answers whoever made the demand or offer named right after it."""
    out = list(out)
    for n in range(len(out) - 1):
        head, tail = out[n], out[n + 1]
        if head.trigger.event_type not in RESPONSES or head.targets or not head.actors \
                or tail.trigger.event_type not in ANSWERED or tail.hit.i - head.hit.j > 6:
            continue
        asker = tuple(a for a in tail.actors if a not in head.actors)
        if asker and asker[0].i > tail.hit.i:  # named after the demand ("from Y"), not its subject
            out[n] = replace(head, targets=asker)
    return out


def _acts_criticized(p: Parsed, out: list[Reading]) -> list[Reading]:
    """"X condemned the killing of Y's civilians by Z": a criticism with no target of its own whose
    object is an event (the next trigger, right after it) is aimed at whoever did that event."""
    out = list(out)
    for n in range(len(out) - 1):
        head, tail = out[n], out[n + 1]
        between = [w for w in p.lower[head.hit.j:tail.hit.i] if w not in QUOTES]  # 'condemned as "unacceptable"'
        if head.trigger.event_type not in TOPICAL or head.targets or not head.actors or head.one_group \
                or len(between) > 3 or tail.negated:
            continue
        doers = tuple(a for a in tail.actors if a not in head.actors and a.kind != "domestic")
        if doers and doers[0].i > head.hit.i:
            out[n] = replace(head, targets=doers)
    return out


QUOTES = frozenset({"``", "`", "''", '"', "'", "\u201c", "\u201d", "\u2018", "\u2019"})


def claim_target(p: Parsed, hit: Hit, gs: tuple[tuple[Span, ...], ...],
                 actors: tuple[Span, ...]) -> tuple[Span, ...]:
    """Whom an accusation without a named target is aimed at: the subject of its that-clause
    ("alleged that X had ...", "allegations by Y that X ..."; a pronoun there is read by anaphora.py)."""
    s1 = p.sents[p.sent_of[hit.i]][1]
    that = next((k for k in range(hit.j, min(s1, hit.j + 5)) if p.lower[k] == "that"), None)
    if that is None or "," in p.lower[hit.j:that]:
        return ()
    own = {a.eid for a in actors}
    first = min((g for g in gs if g and that < g[0].i <= that + 3), key=lambda g: g[0].i, default=())
    return tuple(s for s in first if s.eid not in own and s.type in ACTOR_TYPES)


EXPEL = frozenset({"expel", "expels", "expelled", "expelling", "expulsion"})


def _retyped(p: Parsed, r: Reading, rules: Rules) -> Reading:
    """Expelling a foreign mission's members ("expelled two Russian diplomats", "expelled the IAEA's
    inspectors") downgrades relations, a SANCTION; expelling anyone else is COERCE (cue words ``mission``)."""
    if r.trigger.event_type != "COERCE" or p.lower[r.hit.i] not in EXPEL:
        return r
    if rules.cue("mission").isdisjoint(p.lower[r.hit.j:r.hit.j + 5]):
        return r
    return replace(r, trigger=replace(r.trigger, event_type="SANCTION"))
