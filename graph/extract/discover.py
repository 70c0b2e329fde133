"""Discover organizations, media outlets and agreements that the gazetteer does not know.

Stage contract: ``find_organizations``, ``find_outlets`` and ``find_agreements`` each take the parsed
document, the spans found so far and the rules, and return new spans (``kind`` "organization",
"acronym", "outlet", "agreement" or "agreement-ref" for a generic "the treaty").
``same_agreement(name, gazetteer, on)`` finds the gazetteer agreement a discovered name words another
way, for linking.
"""

from __future__ import annotations

import re

from diplograph.graph.extract.agreement_names import (  # noqa: F401  (re-exported)
    AGREEMENT_MODIFIERS,
    agreement_heads,
    content_words,
    same_agreement,
)
from diplograph.graph.extract.lexicon import Rules
from diplograph.graph.extract.parse import Parsed
from diplograph.graph.extract.spans import MONTHS, TIME_OPENERS, TIME_WORDS, Span, is_cap, name_run, time_phrase_end

DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our"})
CONNECTORS = frozenset({"of", "for", "and", "on", "in"})
COMPLEMENT_STOP = frozenset({",", ".", ";", ":", "(", ")", "after", "with", "in", "at", "by", "for", "to", "without",
                             "that", "which", "who", "during", "since", "before", "and", "but", "was", "is", "were",
                             "are", "has", "have", "had", "will", "would", "from", "under", "as", "\u201d", '"'})
# the gazetteer's Agreement subtypes (GAZETTEER.md): Treaty, Agreement, Declaration, Charter, Accord
AGREEMENT_SUBTYPE = {"treaty": "Treaty", "treaties": "Treaty", "convention": "Treaty", "protocol": "Treaty",
                     "constitution": "Treaty", "pact": "Treaty", "accord": "Accord", "accords": "Accord",
                     "declaration": "Declaration", "communique": "Declaration", "communiqué": "Declaration",
                     "charter": "Charter"}
BARE_REJECT = frozenset({"declaration", "memorandum", "communique", "communiqué", "constitution"})
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9+&\-]{1,7}$")
OUTLET_NOUNS = frozenset({"agency", "newspaper", "daily", "website", "broadcaster"})
REPORT_VERBS = frozenset({"informs", "reports", "reported"})


def _index(spans: list[Span]) -> dict[int, Span]:
    """Token -> the span covering it."""
    return {k: s for s in spans for k in range(s.i, s.j)}


def _covered(k: int, spans: list[Span] | dict[int, Span]) -> Span | None:
    if isinstance(spans, dict):
        return spans.get(k)
    for s in spans:
        if s.i <= k < s.j:
            return s
    return None


def _org_span(p: Parsed, a: int, b: int, kind: str, name: str, subtype: str | None = None) -> Span:
    return Span(a, b, p.starts[a], p.ends[b - 1], p.sent_of[a], "Organization", kind, name=name, subtype=subtype)


def find_organizations(p: Parsed, spans: list[Span], rules: Rules) -> list[Span]:
    """"... Organization/Council/Group", "Ministry of ...", and names defined by an acronym."""
    out: list[Span] = []
    heads = rules.cue("org_head")
    index = _index(spans)
    for k in p.positions(heads):
        if _covered(k, index) or (out and out[-1].i <= k < out[-1].j):
            continue
        a = k
        s0 = p.sents[p.sent_of[k]][0]
        while a - 1 >= s0 and (is_cap(p.words[a - 1]) or p.words[a - 1] == "-") and p.words[a - 1] != "The":
            a -= 1
        b = k + 1
        if b + 1 < len(p.words) and p.lower[b] == "of" and is_cap(p.words[b + 1]):
            b = name_run(p, b + 1, set(), limit=4)
        if b - a < 2 or _organ_of_a_body(p, a, index):
            continue
        if any(index[m].type not in ("State", "Organization") for m in range(a, b) if m in index) \
                or p.sent_of[a] != p.sent_of[k]:
            continue
        out.append(_org_span(p, a, b, "organization", p.span_text(a, b)))
    return out + _acronyms(p, spans + out)


BODY_NOUNS = frozenset({"body", "bloc", "alliance", "organization", "organisation", "union", "league", "group",
                        "grouping", "community", "forum"})


def _organ_of_a_body(p: Parsed, a: int, index: dict[int, Span]) -> bool:
    """"the regional body's Permanent Council", "NATO's Military Committee": an organ of a body named
    before, not an organization of its own."""
    if a < 2 or p.words[a - 1] not in ("'s", "’s"):
        return False
    owner = index.get(a - 2)
    return p.lower[a - 2] in BODY_NOUNS or (owner is not None and owner.type == "Organization")


def _acronyms(p: Parsed, spans: list[Span]) -> list[Span]:
    """"Shanghai Cooperation Organization (SCO)": the acronym then names the organization."""
    out, names = [], {}
    index = _index(spans)
    for k in p.positions(("(",)):
        if not 1 <= k < len(p.words) - 2 or p.words[k + 2] != ")" or not _ACRONYM.match(p.words[k + 1]):
            continue
        prev = _covered(k - 1, index)
        acr = p.words[k + 1]
        if prev is not None and prev.type == "Organization" and prev.kind in ("organization",):
            names[acr] = prev.name
        elif prev is None:
            a = k
            while a - 1 >= 0 and (is_cap(p.words[a - 1]) or p.lower[a - 1] in CONNECTORS) and a - 1 >= k - 6:
                a -= 1
            while a < k and not is_cap(p.words[a]):
                a += 1
            if k - a >= 2 and p.words[a][0] == acr[0]:
                names[acr] = p.span_text(a, k)
                out.append(_org_span(p, a, k, "organization", names[acr]))
    for k in p.positions(names):
        if _covered(k, index) is None:
            out.append(_org_span(p, k, k + 1, "acronym", names[p.words[k]]))
    return out


def _is_date_item(words: list[str]) -> bool:
    return any(w.lower() in MONTHS or w.isdigit() for w in words)


def find_outlets(p: Parsed, spans: list[Span], rules: Rules) -> list[Span]:
    """Media outlets named as sources: "(Itar-Tass, January 6)", "news agency X", "X informs"."""
    out: list[Span] = []
    spans = _index(spans)
    for k in p.positions(("(",)):
        out.extend(_citation(p, k, spans))
    # only the tokens before a reporting verb or at an outlet noun can start a rule below
    cues = {k for k in p.positions(OUTLET_NOUNS, lower=True) if k + 1 < len(p.words)} | \
        {k - 1 for k in p.positions(REPORT_VERBS, lower=True) if k > 0}
    for k in sorted(cues):
        if p.lower[k] in OUTLET_NOUNS and is_cap(p.words[k + 1]):
            b = name_run(p, k + 1, set(), limit=3)
            if not _covered(k + 1, spans):
                out.append(_org_span(p, k + 1, b, "outlet", p.span_text(k + 1, b), "MediaOutlet"))
        if p.lower[k + 1] in REPORT_VERBS and is_cap(p.words[k]) and not _covered(k, spans):
            a = k
            while a - 1 >= 0 and is_cap(p.words[a - 1]) and not _covered(a - 1, spans):
                a -= 1
            if k - a < 3 and p.lower[a - 1] in (",", "the"):
                out.append(_org_span(p, a, k + 1, "outlet", p.span_text(a, k + 1), "MediaOutlet"))
    return out


def _citation(p: Parsed, k: int, spans: dict[int, Span]) -> list[Span]:
    """Names in a source citation in parentheses; every item is a name or a date."""
    end = k + 1
    while end < len(p.words) and p.words[end] != ")" and end - k < 30:
        end += 1
    if end >= len(p.words) or p.words[end] != ")":
        return []
    items, cur = [], []
    for m in range(k + 1, end):
        if p.words[m] in (",", ";"):
            items.append(cur)
            cur = []
        else:
            cur.append(m)
    items.append(cur)
    names = [it for it in items if it and not _is_date_item([p.words[m] for m in it])]
    dates = [it for it in items if it and _is_date_item([p.words[m] for m in it])]
    if not names or any(not is_cap(p.words[it[0]]) or len(it) > 4 for it in names):
        return []
    at_end = end + 1 >= len(p.words) or p.words[end + 1] in (".", "\u2013", "-", "\u2014") or p.words[end + 1].isspace()
    if not dates and not at_end:
        return []
    if len(items) == 1 and k > 0 and is_cap(p.words[k - 1]) and p.words[k + 1].isupper():
        return []  # "Caucasus Platform (CP)" defines an acronym
    out = []
    for it in names:
        known = _covered(it[0], spans)
        if known is not None and known.kind in ("organization", "acronym"):
            continue
        if known is None:
            out.append(_org_span(p, it[0], it[-1] + 1, "outlet", p.span_text(it[0], it[-1] + 1), "MediaOutlet"))
        elif known.type == "Organization":
            out.append(known.with_(kind="outlet-ref"))
    return out


def find_agreements(p: Parsed, spans: list[Span], rules: Rules) -> list[Span]:
    """Agreements named as noun phrases: "the 1972 ... Treaty", "a Russian-Chinese friendship treaty"."""
    out = []
    heads = agreement_heads(rules)
    index = _index(spans)
    ends_at = {s.j: s for s in spans}
    for k in p.positions(heads, lower=True):
        if k in index:
            continue
        if k + 1 < len(p.words) and p.words[k + 1] in rules.cue("org_head"):
            continue  # "... Treaty Organization" is an organization's name
        sp = _agreement_at(p, k, ends_at, rules)
        if sp is not None:
            out.append(sp)
    return out


def _time_at(p: Parsed, c: int, s1: int) -> bool:
    """True where a date or time phrase ends an agreement's subject ("on trade on Saturday", "last week")."""
    w = p.words[c]  # lower case: "the Agreement on the Year of ..." names a year
    if p.lower[c] in WEEKDAYS:  # "an agreement on Tuesday": a day, never an agreement's subject
        return True
    return w.islower() and (w in TIME_OPENERS or w in TIME_WORDS) and time_phrase_end(p, c, s1) > c


WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})


def _names_a_deal(p: Parsed, b: int, c: int, rules: Rules) -> bool:
    """"an agreement on a nuclear deal": the complement is itself a generic agreement (a determiner,
    lower-case words, an agreement head), so the phrase names no new agreement but refers to one."""
    generic = p.lower[b + 1] in ("a", "an", "the") and not any(is_cap(w) for w in p.words[b + 1:c])
    return generic and p.lower[b] == "on" and p.lower[c - 1] in agreement_heads(rules)


NUMBER_WORDS = frozenset({"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
                          "twelve", "fifteen", "twenty"})


def _number(w: str) -> bool:
    return w.isdigit() or w in NUMBER_WORDS


def _title_list(p: Parsed, c: int, s1: int, starts: set[int]) -> bool:
    """A comma or "and" inside a formal title's list of capitalised words ("Treaty on Long-Term
    Good-Neighborliness, Friendship and Cooperation"): both neighbours are capitalised words and the
    next is no actor's name ("the Treaty on Trade and Russia ..." ends before Russia)."""
    return p.lower[c] in (",", "and") and 0 < c and c + 1 < s1 and is_cap(p.words[c - 1]) \
        and is_cap(p.words[c + 1]) and p.words[c + 1] not in ("The", "A", "An") and c + 1 not in starts


def _agreement_at(p: Parsed, k: int, ends_at: dict[int, Span], rules: Rules) -> Span | None:
    s0, s1 = p.sents[p.sent_of[k]]
    a, specific = k, p.words[k][0].isupper()
    while a - 1 >= s0:
        w, lw = p.words[a - 1], p.lower[a - 1]
        if a in ends_at and ends_at[a].type in ("State", "Organization"):
            a, specific = ends_at[a].i, True
            if p.lower[a] in DETERMINERS:  # "signed the U.S.-Russia ... Declaration": "the" opens the phrase
                break
        elif w == "-" or (w.isdigit() and len(w) == 4) or (is_cap(w) and lw not in DETERMINERS):
            a, specific = a - 1, True
        elif lw in AGREEMENT_MODIFIERS:
            a, specific = a - 1, True
        elif lw == "point" and a - 3 >= s0 and p.words[a - 2] == "-" and _number(p.lower[a - 3]):
            a, specific = a - 3, True  # "a five-point consensus", "the 12-point plan"
        elif lw in rules.cue("generic_modifier") and lw not in DETERMINERS:
            a -= 1
        else:
            break
    b = k + 1
    if b + 1 < s1 and p.lower[b] in ("on", "of"):
        c = b + 1
        starts = {sp.i for sp in ends_at.values()}
        limit = 16 if is_cap(p.words[b + 1]) else 8  # a formal title runs longer than a description
        while c < s1 and c - b < limit and (p.lower[c] not in COMPLEMENT_STOP or _title_list(p, c, s1, starts)) \
                and not _time_at(p, c, s1):
            c += 1
        while c - 1 > b + 1 and p.lower[c - 1] in (",", "and"):
            c -= 1
        if c - b >= 2 and not (p.lower[b] == "of" and not is_cap(p.words[b + 1])):
            b, specific = c, specific or not _names_a_deal(p, b, c, rules)
    if not specific and p.lower[k] in BARE_REJECT and a == k:
        return None
    kind = "agreement" if specific else "agreement-ref"
    return Span(a, b, p.starts[a], p.ends[b - 1], p.sent_of[k], "Agreement", kind, name=p.span_text(a, b),
                subtype=AGREEMENT_SUBTYPE.get(p.lower[k], "Agreement"))
