"""Which trigger phrases found in a sentence count as triggers, before any is read in context.

Stage contract: ``trigger_hits(parsed, rules) -> list[Hit]``, one hit per token range, in text order.
Besides the matcher's own hits it finds phrases split by a time phrase ("called Thursday on"); it drops
a verb with a "no" object ("provided no details"), an entry whose ``object`` cue word does not follow
("provided aid", not "provided a reason"), a trigger word inside a compound that names no event
("a press release") and one in another sense (senses.py: "met the deadline"); where two entries match one
range, an entry that asks for an object is the more specific and is read (moved out of events.py, which kept
the rest of the reading).
"""

from __future__ import annotations

from diplograph.graph.extract.lexicon import Rules
from diplograph.graph.extract.mentions import _longest
from diplograph.graph.extract.parse import Hit, Parsed
from diplograph.graph.extract.senses import cancelled
from diplograph.graph.extract.spans import MONTHS, TIME_OPENERS, TIME_WORDS, time_phrase_end

TIME_CORE = TIME_WORDS | MONTHS  # a time phrase holds one of these ("on Monday", "in March", "last week")
OBJECT_WINDOW = 8  # tokens after a trigger searched for its object ("gave the Ivory Coast 5 million dollars")


def trigger_hits(p: Parsed, rules: Rules, busy: set[int]) -> list[Hit]:
    """The hits read as triggers: the longest per token range, none starting inside a name (``busy``
    token indexes: "... Cooperation Organization"), each the most specific entry of its range."""
    found = [h for h in (*p.triggers, *gapped_hits(p, rules)) if takes_object(p, h, rules)
             and not in_compound(p, h, rules)]
    gone = [h for h in found if cancelled(p, h, rules)]  # "met with resistance": "met" inside it goes too
    kept = [h for h in found if not any(g.i <= h.i and h.j <= g.j for g in gone)]
    return [_specific(g, rules) for g in _longest(kept) if g[0].i not in busy]


def _specific(group: list[Hit], rules: Rules) -> Hit:
    """The hit of a range read: the first whose entry asks for an object, else the first ("lifted" with
    "blockade" after it is a lifted blockade before it is any lifting)."""
    return next((h for h in group if rules.trigger(h.id).object is not None), group[0])


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


def takes_object(p: Parsed, hit: Hit, rules: Rules) -> bool:
    """Whether a trigger's object allows it: a verb with a "no"/"nothing" object ("provided no details",
    "offered no comment") reports no act, and an entry naming an ``object`` cue kind needs one of its
    words among the next words of the sentence ("gave 5 million dollars of aid", not "gave a reason")."""
    trig = rules.trigger(hit.id)
    s1 = p.sents[p.sent_of[hit.i]][1]
    if not trig.nominal and hit.j < s1 and p.lower[hit.j] in rules.cue("no_object"):
        return False
    after = p.lower[hit.j:min(s1, hit.j + object_reach(p, hit))]
    return trig.object is None or not rules.cue(trig.object).isdisjoint(after)


REPEATABLE = frozenset({"on", "with", "to", "from"})  # "leaned on A, and on B and C, for backing"


def object_reach(p: Parsed, hit: Hit) -> int:
    """How many tokens after a trigger its object is looked for: OBJECT_WINDOW, twice that when the
    trigger's last word is a preposition repeated after "and" within the window ("leaned on Cuba, and on
    Russia and China, for backing": the object noun comes after the coordinated names)."""
    prep = p.lower[hit.j - 1]
    s1 = p.sents[p.sent_of[hit.i]][1]
    window = p.lower[hit.j:min(s1, hit.j + OBJECT_WINDOW)]
    repeated = prep in REPEATABLE and any(window[k] == prep and "and" in window[max(0, k - 2):k]
                                          for k in range(1, len(window)))
    return 2 * OBJECT_WINDOW if repeated else OBJECT_WINDOW


def in_compound(p: Parsed, hit: Hit, rules: Rules) -> bool:
    """Whether the trigger's first word ends a compound that names no event (cue words
    ``non_event_compound``: "a press release" announces, nobody is released; "a heart attack", "price
    support", "came to a halt").

    The compound is looked up with the one or two words before the trigger, within its sentence.
    """
    s0 = p.sents[p.sent_of[hit.i]][0]
    compounds = rules.cue("non_event_compound")
    return any(" ".join(p.lower[hit.i - n:hit.i + 1]) in compounds for n in (1, 2) if hit.i - n >= s0)
