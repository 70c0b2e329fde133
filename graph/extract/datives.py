"""Double objects: "Medvedev promised Bishkek a loan", "X granted Y asylum", "X offered Y help".

Stage contract: ``dative_roles(parsed, groups, hit, lo) -> (actors, targets) | None`` (read by events.py
for a noun trigger). A verb of giving or promising followed by a recipient and then the thing given puts
the recipient right before the noun: the nearest group is whom the aid goes to, not who gives it. The
giver is the subject of the verb. Pure functions over token arrays.
"""

from __future__ import annotations

from diplograph.graph.extract.parse import Hit, Parsed
from diplograph.graph.extract.spans import ACTOR_TYPES, Span

#: Verbs taking a recipient and a thing given, in that order ("promised Bishkek a loan")
GIVING = frozenset({
    "give", "gave", "given", "gives", "giving", "grant", "granted", "granting", "grants", "offer", "offered",
    "offering", "offers", "promise", "promised", "promises", "promising", "pledge", "pledged", "pledges",
    "lend", "lends", "lent", "send", "sends", "sent", "extend", "extended", "extends", "provide", "provided",
    "owe", "owed", "award", "awarded", "guarantee", "guaranteed", "sell", "sold", "assure", "assured"})
#: What may open the thing given before its noun ("a loan", "fresh military aid", "$2 billion in")
THING_LEAD = frozenset({"a", "an", "the", "new", "fresh", "further", "more", "additional", "financial",
                        "economic", "military", "humanitarian", "emergency", "soft", "cheap", "large", "its",
                        "political", "diplomatic", "full", "urgent", "technical", "some", "in", "billion",
                        "million", "$", "dollars", "of"})
THING_REACH = 5  # tokens between the recipient and the noun ("a grant of 150 million in")
#: What may stand between the verb and the recipient ("promised on Monday the Kyrgyz government")
RECIPIENT_LEAD = frozenset({"the", "its", "their", "his", "her"})


def dative_roles(p: Parsed, gs: list[list[Span]], hit: Hit, lo: int) -> tuple[list[Span], list[Span]] | None:
    """(giver, recipient) when the noun at ``hit`` is the thing a verb of :data:`GIVING` gives to the
    group right before it; None when the construction does not apply."""
    k = hit.i
    while k > lo and hit.i - k < THING_REACH and (p.lower[k - 1] in THING_LEAD or p.words[k - 1][:1].isdigit()):
        k -= 1
    recipient = next((g for g in gs if g[-1].j == k and g[0].i >= lo), None)
    if recipient is None or any(s.kind == "adjective" or s.modifier for s in recipient):
        return None  # "promised Russian aid": whose aid, not to whom
    v = recipient[0].i
    while v > lo and (p.lower[v - 1] in RECIPIENT_LEAD or p.words[v - 1][:1].isupper()):
        v -= 1  # over a title or a determiner ("promised Kyrgyz President Bakiyev a loan")
    if v <= lo or p.lower[v - 1] not in GIVING:
        return None
    giver = next((g for g in reversed(gs) if g[-1].j < v and g[0].i >= lo), None)
    if giver is None:
        return None
    return ([s for s in giver if s.type in ACTOR_TYPES],
            [s for s in recipient if s.type in ACTOR_TYPES and s not in giver])
