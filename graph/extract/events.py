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
from diplograph.graph.extract.coactors import widened
from diplograph.graph.extract.datives import dative_roles
from diplograph.graph.extract.echoes import echoed_targets
from diplograph.graph.extract.focus import focus_targets
from diplograph.graph.extract.passing import with_passing
from diplograph.graph.extract.clauses import (is_infinitive, passive_subject, received_objects, recalled_talks,
                                              turned)
from diplograph.graph.extract.hits import trigger_hits
from diplograph.graph.extract.lexicon import Rules, Trigger
from diplograph.graph.extract.modality import read_modality
from diplograph.graph.extract.requests import requested
from diplograph.graph.extract.retype import retyped, undone_targets
from diplograph.graph.extract.parse import Hit, Parsed
from diplograph.graph.extract.roles import (LOCATIVE, REACTION, Context, actors_of, by_maker, clause,
                                            copula_roles, doer, groups, purpose_roles, topic_target, under, undergoer)
from diplograph.graph.extract.spans import ACTOR_TYPES, Span, quick
from diplograph.graph.extract.targets import targets_of, venue
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
DETERMINERS = frozenset({"a", "an", "the", "its", "their", "his", "her", "fresh", "new", "renewed", "repeated",
                         "with"})  # "with support from Y": a noun
RESPONSES = frozenset({"REJECT", "CONCEDE"})  # what answers a demand or an offer
ANSWERED = frozenset({"DEMAND", "REQUEST", "AGREE", "THREATEN"})
TOPICAL = frozenset({"DISAPPROVE", "PROTEST"})  # complaints: "to X" names whom they are made to


def read_trigger(p: Parsed, hit: Hit, trig: Trigger, ctx: Context, rules: Rules) -> Reading:
    """Actors, targets and modality of one trigger occurrence."""
    sent = p.sent_of[hit.i]
    lo, hi = clause(p, hit.i, sent)
    s1 = p.sents[sent][1]
    gs = [list(g) for g in ctx.groups if not venue(p, g, hit, trig)]
    actors = actors_of(p, hit, trig, gs, lo, ctx)
    targets = targets_of(p, hit, trig, gs, hi, ctx, rules.cue("inside_act"))
    after = p.lower[hit.j] if hit.j < s1 else ""
    passive = not trig.nominal and trig.relation not in ("signed", "partyTo") and is_passive(p, hit)
    # "a demand from X", "accepted demands from X": a verb entry used as a noun
    as_noun = trig.nominal or (hit.i > 0 and p.lower[hit.i - 1] in DETERMINERS) or ctx.prev_verb_end == hit.i \
        or _plural_after_to(p, hit, after)
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
    given = dative_roles(p, gs, hit, lo) if trig.event_type == "AID" else None
    if given and given[0] and given[1]:  # "Medvedev promised Bishkek a loan": Russia aids Kyrgyzstan
        actors, targets, trig = given[0], given[1], replace(trig, relation="supports")
    copula = copula_roles(p, gs, hit, lo) if trig.nominal else None
    if copula:
        actors, targets = copula
    one_group = False
    summit_of = after in ("among", "of") and trig.nominal and trig.relation == "met"  # "a summit of X, Y and Z"
    if (after == "between" or summit_of) and len(targets) >= 2:
        actors, one_group = [], True
    if after == "by" and targets and not passive and not undergone and not by_maker(p, hit, trig) \
            and not _by_amount(p, hit.j):
        actors, targets = [t for t in targets if t.type in ACTOR_TYPES], list(actors)
    if trig.relation == "met":  # "their talks", "the talks" after a meeting read before
        actors, targets, one_group = recalled_talks(p, hit, actors, targets, ctx.prev_met, one_group)
    own = {a.eid for a in actors}
    if actors and all(t.eid in own for t in targets) and trig.event_type == "THREATEN":  # "... unless Y ..."
        targets = [t for t in condition_subject(p, gs, hit) if t.eid not in own] or targets
    if trig.direction != "symmetric" and trig.relation not in PARTY_RELATIONS and not passive and not one_group:
        if actors and not targets:  # "X accused rebels of ...": X's own rebels
            targets = domestic_target(p, hit, min(ctx.next_trigger, hi), actors, trig, rules, ctx.places)
        elif targets and not actors and not trig.reported:  # "rebels demanded that President X ..."
            actors = domestic_actor(p, hit.i, lo, targets, rules)
    actors, targets = turned(trig, actors, targets)  # "X won the support of Y": Y supports X
    one_group = one_group or bool(actors and not targets and trig.direction == "symmetric")
    modality, negated, hedged = read_modality(p, hit, trig, lo, rules)
    return Reading(trig, hit, sent, tuple(actors), tuple(t for t in targets if t not in actors),
                   ctx.agreements, ctx.officials, one_group, negated, hedged, modality)


AMOUNT_WORDS = frozenset({"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "half",
                          "several", "some", "about", "nearly", "almost", "more", "less", "up", "around"})


def _by_amount(p: Parsed, by: int) -> bool:
    """"shortened by two hours", "cut by 5 percent": "by" measures the change, it names no agent."""
    nxt = p.lower[by + 1] if by + 1 < len(p.lower) else ""
    return nxt in AMOUNT_WORDS or nxt[:1].isdigit()


def _plural_after_to(p: Parsed, hit: Hit, after: str) -> bool:
    """"conceded to demands from X", "responded to calls from X": a plural noun after "to" (no infinitive
    ends in a single "s"), its maker named by "from"."""
    last = p.lower[hit.j - 1]
    return after == "from" and hit.i > 0 and p.lower[hit.i - 1] == "to" and last.endswith("s") \
        and not last.endswith("ss")


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
    for h in received_objects(p, trigger_hits(p, rules, busy), rules):
        hits_by_sent.setdefault(p.sent_of[h.i], []).append(h)
    out: list[Reading] = []
    prev_met: tuple[tuple[Span, ...], tuple[Span, ...]] = ((), ())
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
    out = with_passing(p, out, by_sent)  # "the accord between A and B": A and B are its parties
    out = echoed_targets(p, out)  # "welcomed the visit": whoever made the visit reported before
    return focus_targets(p, out, spans, rules.cue("inside_act"))  # "condemned the crackdown": the report's state


def _last_actor(by_sent: dict[int, list[Span]], sent: int) -> Span | None:
    """The last actor named in the two sentences before ``sent`` (what "the latter" may refer to)."""
    for k in (sent - 1, sent - 2):
        found = [s for s in by_sent.get(k, ()) if s.type in ACTOR_TYPES]
        if found:
            return found[-1]
    return None


def _sentence_readings(p: Parsed, hits: list[Hit], base: Context, rules: Rules,
                       prev_met: tuple[tuple[Span, ...], tuple[Span, ...]]
                       ) -> tuple[list[Reading], tuple[tuple[Span, ...], tuple[Span, ...]]]:
    """The readings of one sentence's triggers, each seeing the verbs read before it; also returns
    the participants of the last meeting read (what "their talks" refers to)."""
    trigs = [rules.trigger(h.id) for h in hits]
    verbs = tuple(h.i for h, t in zip(hits, trigs) if not t.nominal)
    ends = tuple(h.j for h in hits)
    next_noun = [1 << 30] * (len(hits) + 1)  # next_noun[n]: where the first noun trigger from hit n on starts
    for n in range(len(hits) - 1, -1, -1):
        next_noun[n] = min(hits[n].i, next_noun[n + 1]) if trigs[n].nominal else next_noun[n + 1]
    out: list[Reading] = []
    prev_verb, prev_actors, prev_subject = 0, (), ()  # where the last verb trigger ends, its actors and subject
    # the same for the last finite verb: "W urged Y to release Z and warned ...": W warned, not Y
    main_actors: tuple[Span, ...] = ()
    main_subject: tuple[Span, ...] = ()
    for n, (hit, trig) in enumerate(zip(hits, trigs)):
        infinitive = is_infinitive(p, hit)
        ctx = base.with_(prev_met=prev_met, next_trigger=hits[n + 1].i if n + 1 < len(hits) else 1 << 30,
                         next_noun=next_noun[n + 1],
                         prev_verb_end=prev_verb if n and not trigs[n - 1].nominal else 0,
                         prev_actors=prev_actors if infinitive or not main_actors else main_actors,
                         prev_subject=prev_subject if infinitive or not main_actors else main_subject,
                         verb_starts=verbs, hit_ends=ends)
        r = retyped(p, read_trigger(p, hit, trig, ctx, rules), rules)
        if trig.event_type in TOPICAL and r.actors and not r.targets and not r.one_group:
            r = replace(r, targets=claim_target(p, hit, base.groups, r.actors))
        out.append(r)
        if not trig.nominal:
            prev_verb, prev_actors = max(prev_verb, hit.j), r.actors
            prev_subject = passive_subject(r, is_passive(p, hit))
            if not infinitive:
                main_actors, main_subject = prev_actors, prev_subject
        if r.trigger.relation == "met" and len({s.eid for s in r.actors + r.targets}) >= 2 \
                and not r.negated and r.modality != "forecast":
            prev_met = (r.actors + r.targets, ()) if r.one_group else (r.actors, r.targets)
    out = undone_targets(p, _acts_criticized(p, _answers(p, requested(p, _chain(p, out)))))
    return widened(p, out, base.groups), prev_met  # "accused each other", "joined Y in condemning"


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
        after = p.lower[tail.hit.j] if tail.hit.j < len(p.lower) else ""
        if head.trigger.nominal or "to" not in gap or not head.actors or not _complement(gap) \
                or _plural_after_to(p, tail.hit, after):  # "conceded to demands from Y": a noun, no verb
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
