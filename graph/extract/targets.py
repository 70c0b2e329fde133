"""The target group of a trigger: who an event is done to, read after the trigger in its clause.

Stage contract: ``targets_of(parsed, hit, trigger, groups, hi, context) -> list[Span]`` (events.py calls it
beside roles.actors_of). The first group after the trigger ("with X", "of X", "X"), else a state named as a
place after it; for a meeting, "met Y ..., along with Z" names Y and Z, "met with Y" the guests alone, a topic
("negotiated on Z") no guest, and an organization only as the verb's direct object ("met NATO officials",
"met the UN envoy"; "met in Moscow ... the SCO" names a venue). Moved out of roles.py. Pure functions.
"""

from __future__ import annotations

from dataclasses import replace

from diplograph.graph.extract.clauses import allied, inside_act
from diplograph.graph.extract.groupings import KINDS as GROUPED
from diplograph.graph.extract.lexicon import Trigger
from diplograph.graph.extract.parse import Hit, Parsed
from diplograph.graph.extract.purpose import PLACE_KIND, PLACE_REACH, STANCE_REACH, STANCES, place_after
from diplograph.graph.extract.roles import ARTICLES, TARGET_PREP, Context, _after, _title_gap, _with_group
from diplograph.graph.extract.spans import Span


def targets_of(p: Parsed, hit: Hit, trig: Trigger, gs, hi: int, ctx: Context,
               acts: frozenset[str] = frozenset()) -> list[Span]:
    """The target group of a trigger: right after it ("with X", "of X", "X"), else a state named as
    a place after it (purpose.place_after; marked PLACE_KIND for a stance, which then asserts no fact),
    except the state a criticised act happened in (``acts``: "condemned the crackdown in Y", clauses.py)
    and the venue of an agreement (:func:`at_venue`)."""
    s1 = p.sents[p.sent_of[hit.i]][1]
    if trig.event_type in VENUE_TYPES:  # "Iran agreed in Vienna to ...": Austria is where, not with whom
        gs = [g for g in gs if not at_venue(p, hit, g[0], ctx.verb_starts)]
        ctx = replace(ctx, places=tuple(s for s in ctx.places if not at_venue(p, hit, s, ctx.verb_starts)))
    if trig.strict_target:
        targets = _after(p, gs, hit.j, s1, 3, True) or _titled(p, gs, hit.j)
    else:
        loose = not trig.relation and not trig.nominal  # an event that asserts no fact may reach further
        targets = _after(p, gs, hit.j, min(ctx.next_noun if loose else ctx.next_trigger, hi), 10 if loose else 6, False)
        if trig.nominal and targets and p.lower[hit.j] not in TARGET_PREP and p.lower[hit.j - 1] not in TARGET_PREP:
            targets = []
    if targets and allied(p, targets):
        targets = []  # "killed a commander of X's militia ally": the ally is the target, not X
    near = [s for s in ctx.places if hit.j <= s.i <= hit.j + 2]  # "deployed troops in Lebanon"
    if trig.relation is None and near and (not targets or targets[0].i > near[0].i):
        targets = near[:1]
    if not targets and trig.relation == "criticizes" and not trig.nominal:
        named = sorted([*ctx.places, *(s for g in gs for s in g if s.type == "State")], key=lambda s: s.i)
        targets = inside_act(p, hit, named, hi, acts)  # "the arrests of journalists in Y": Y, also as an agent's place
    if not targets and trig.relation is None:
        targets = place_after(ctx.places, hit, min(ctx.next_trigger, hi), PLACE_REACH)
    elif not targets and trig.relation in STANCES and not trig.nominal:  # "threatened to resume attacks in Y"
        targets = [s.with_(kind=PLACE_KIND) for s in place_after(ctx.places, hit, min(ctx.next_trigger, hi),
                                                                 STANCE_REACH)]
    if trig.relation == "met" and targets and _topic(p, hit, targets[0].i):
        targets = []  # "X and Y negotiated on Z": Z is what they talk about, not a party ("with Z" stays)
    if trig.relation == "met":
        verb_next = min([h for h in ctx.verb_starts if h > hit.i] + [hi])
        grouped = {t.i for t in targets if t.kind in GROUPED}  # "met the P5+1": its members are the guests
        met = [t for t in targets if t.type != "Organization" or (_direct_object(p, hit, t) and t.i not in grouped)]
        joined = _with_group(p, gs, hit.i, verb_next)
        # "met Y ..., along with Z": Z joins the direct object Y; "met with Y" names the guests alone
        targets = met + [t for t in joined if t not in met] if joined and _added(p, joined) else joined or met
        if trig.strict_target:  # "standing next to President X": a person stood beside, not a place or a flag
            targets = [t for t in targets if t.type == "Official" and t.i >= hit.j and not t.modifier]
    return targets


def _titled(p: Parsed, gs, k: int) -> list[Span]:
    """The official named right after token k behind his title only ("joined Russian Foreign Minister X")."""
    g = next((g for g in gs if g[0].i >= k), None)
    return list(g) if g and g[0].type == "Official" and g[0].i > k and _title_gap(p, k, g[0].i) else []


#: Event types done somewhere, never to the place they are done in ("agreed in Vienna").
VENUE_TYPES = frozenset({"AGREE", "CONSULT"})
VENUE_PREP = frozenset({"in", "at"})
VENUE_GAP = 4  # tokens from the trigger's end to the preposition ("agreed on Tuesday in Vienna")


def at_venue(p: Parsed, hit: Hit, s: Span, verb_starts) -> bool:
    """Whether state mention ``s`` is the venue of the trigger's act: "in"/"at" (and "the") right
    before it, within VENUE_GAP tokens after the trigger, no other verb trigger in between ("agreed
    to deploy troops in Y" leaves Y to the deployment)."""
    k = s.i - 1 if s.i > 0 and p.lower[s.i - 1] != "the" else s.i - 2
    return s.type == "State" and hit.j <= k <= hit.j + VENUE_GAP and p.lower[k] in VENUE_PREP \
        and not any(hit.j <= v < s.i for v in verb_starts)


ADDING = frozenset({"along", "together"})  # "along with Z", "together with Z": Z in addition


def _added(p: Parsed, g: list[Span]) -> bool:
    """Whether the "with" before group g adds it to a direct object ("along with", "together with")."""
    w = g[0].i - 1  # the nearest "with" before the group, looked for backwards (not from the text's start)
    while w > 0 and p.lower[w] != "with":
        w -= 1
    return w > 0 and p.lower[w] == "with" and p.lower[w - 1] in ADDING


CONSULTING = frozenset({"consult", "consults", "consulted", "consulting", "negotiate", "negotiates", "negotiated",
                        "negotiating", "confer", "confers", "conferred", "conferring", "talks", "consultations",
                        "negotiations", "dialogue"})
TOPIC_LEAD = frozenset({"on", "about", "over", "regarding", "concerning"})


def _topic(p: Parsed, hit: Hit, k: int) -> bool:
    """Whether the group at token k is the topic of a consultation ("negotiated on Z", "talks
    about Z"): the trigger ends in a consulting word and a topic preposition leads to the group
    with no "with" in between."""
    gap = p.lower[hit.j:k]
    return p.lower[hit.j - 1] in CONSULTING and bool(gap) and gap[0] in TOPIC_LEAD and "with" not in gap


def venue(p: Parsed, g: list[Span] | tuple[Span, ...], hit: Hit, trig: Trigger) -> bool:
    """"the SCO meeting": an organization right before a meeting noun hosts it, it is not a party."""
    return trig.nominal and trig.relation == "met" and len(g) == 1 and g[0].type == "Organization" \
        and g[0].j == hit.i


def _direct_object(p: Parsed, hit: Hit, t: Span) -> bool:
    """Whether mention ``t`` opens the verb's direct object: right after it, or after an article only
    ("met NATO officials", "met the UN envoy"), not after a preposition ("met at the UN")."""
    return t.i >= hit.j and t.i - hit.j <= 1 and all(w in ARTICLES for w in p.lower[hit.j:t.i])
