"""Constructions that move an event's roles away from the nearest groups (rules read by roles.py).

An infinitive of purpose ("X sent envoys to Y to protest": X protests to Y; after a verb of control,
"urged Y to", Y acts), the head of an "of" phrase ("the X sides of Y agreed": X agreed), a complaint
"to Y over Z" (Z is the target), "under attack from X", an event noun standing as the subject of
a passive ("the attack on Y was condemned": Y is no subject), a relative clause on a document
between parties ("a deal between X and Y that calls on Z": the deal calls), and a place named after
a trigger that has no other target ("threatened to resume attacks in Y": Y; a stance aimed at a
place asserts no fact). Pure functions over token arrays.
"""

from __future__ import annotations

from diplograph.graph.extract.parse import Hit, Parsed
from diplograph.graph.extract.spans import ACTOR_TYPES, TIME_OPENERS, TIME_WORDS, Span

PREPOSITIONS = frozenset({"of", "in", "to", "with", "from", "for", "on", "at", "by", "against", "into", "between",
                          "among", "over", "about", "toward", "towards", "near", "under", "after", "before"})
OBJECT_LEAD = frozenset({"the", "a", "an", "its", "their", "his", "her", "'s", "’s", "-", "and", ","})
PURPOSE_STOP = frozenset({"that", "who", "which", "whom", "whether", "if", "when", "because", "while"})
# what may stand between an object and its purpose "to": a time ("to Bosnia on Wednesday to"), "again", "also"
TIME_GAP = TIME_WORDS | frozenset({"on", "in", "at", "last", "this", "next", "early", "late", "again", "also"})
PURPOSE_GAP = 4  # tokens between the object and the "to" of its infinitive ("to Bosnia on Wednesday to")


_TITLED: list = [None, frozenset()]  # the last document's title tokens (one document is read at a time)


def _title_tokens(p: Parsed) -> frozenset[int]:
    if _TITLED[0] is not p:
        _TITLED[:] = [p, frozenset(m for h in p.titles for m in range(h.i, h.j))]
    return _TITLED[1]


def governor(p: Parsed, k: int, lo: int) -> str:
    """The word governing the phrase that starts at token k: back over names, titles, determiners
    and numbers ("summoned Niger's ambassador X" -> "summoned"); for a preposition, the word before
    it ("appealed to X" -> "appealed")."""
    titled = _title_tokens(p)
    while k > lo and (p.words[k - 1][:1].isupper() or p.lower[k - 1] in OBJECT_LEAD or k - 1 in titled
                      or p.lower[k - 1].replace(",", "").isdigit()):
        k -= 1
    if k <= lo:
        return ""
    if p.lower[k - 1] in ("to", "on", "upon") and k - 1 > lo:
        k -= 1
    return p.lower[_before_time(p, k - 1, lo)]


def _before_time(p: Parsed, m: int, lo: int) -> int:
    """Token m, or the word before the time phrase ending at m ("called Thursday on Y" -> "called",
    "urged last week Y" -> "urged"): a time is no governor."""
    if p.lower[m] not in TIME_WORDS:
        return m
    while m > lo and (p.lower[m] in TIME_WORDS or p.lower[m] in TIME_OPENERS):
        m -= 1
    return m


def of_head(p: Parsed, gs: list[list[Span]], k: int, lo: int) -> list[Span]:
    """"The Turkish and Greek sides of the island of Cyprus agreed": the group before the subject's
    head noun acts, not the group of its "of" complement nearest the verb ("President X of Y" too,
    but not "the Albanians of Y", who are Y's people)."""
    before = [g for g in gs if g[0].i >= lo and g[-1].j <= k]
    if len(before) < 2:
        return []
    head, last = before[-2], before[-1]
    between = p.lower[head[-1].j:last[0].i]
    if "of" not in between or "," in between or len(between) > 8 or k - last[-1].j > 4:
        return []
    noun = between[:between.index("of")]
    if len(noun) > 2 or not all(w.isalpha() and w not in ("and", "or", "the", "a", "an") for w in noun):
        return []
    if governor(p, head[0].i, lo) in PREPOSITIONS or (not noun and any(s.type != "Official" for s in head)):
        return []
    return [s for s in head if s.type in ACTOR_TYPES]


def purpose_roles(p: Parsed, gs: list[list[Span]], hit: Hit, lo: int,
                  control: frozenset[str]) -> tuple[list[Span], list[Span]] | None:
    """"X sent observers to Y to investigate", "X summoned Y's envoy to protest": a verb trigger in
    an infinitive of purpose is done by the clause's subject, and is aimed at the object it follows
    (when it names no target of its own). After a verb of control ("urged Y to", "asked Y to",
    "called on Y to") the object is who acts, as the nearest group before: returns None then.

    Returns:
        (actors, object group), or None when the rule does not apply.
    """
    to = hit.i if p.lower[hit.i] == "to" else hit.i - 1
    if to <= lo or p.lower[to] != "to":
        return None
    before = [g for g in gs if g[0].i >= lo and g[-1].j <= to]
    if len(before) < 2:
        return None
    subject, obj = before[0], before[-1]
    # only a time ("to Y on Monday to") or the object's own name ("the envoy of Y to") may stand
    # between, not a noun ("Y's plans to": Y acts)
    gap = range(obj[-1].j, to)
    if len(gap) > PURPOSE_GAP or not all(p.lower[m] in TIME_GAP or p.words[m][:1].isdigit()
                                         or (p.words[m][:1].isupper() and m > obj[-1].j)
                                         or (p.lower[m] == "of" and p.words[m + 1][:1].isupper()) for m in gap):
        return None
    if PURPOSE_STOP & set(p.lower[subject[-1].j:to]):
        return None
    actors = [s for s in subject if s.type in ACTOR_TYPES]
    verb = governor(p, obj[0].i, lo)
    if governor(p, subject[0].i, lo) in PREPOSITIONS or verb in control:
        return None
    if verb == "of" and of_head(p, gs, to, lo) == actors:
        return None  # "the X sides of Y agreed to": Y is no object
    return (actors, [s for s in obj if s.type in ACTOR_TYPES]) if actors else None


def topic_target(p: Parsed, gs: list[list[Span]], hit: Hit, targets: list[Span], hi: int,
                 topics: frozenset[str]) -> list[Span]:
    """"X complained to Y over Z's raids", "lodged a complaint with Y against Z": the group after
    "to" / "with" is whom the complaint is addressed to; the group after "over", "about" or
    "against" is its target."""
    if not targets or hit.j >= hi or p.lower[hit.j] not in ("to", "with") or targets[0].i - hit.j > 3:
        return targets
    end = targets[-1].j
    for m in range(end, min(hi, end + 6)):
        if p.lower[m] in (",", ";", "and", "but"):
            return targets
        if p.lower[m] in topics:
            found = [g for g in gs if m < g[0].i <= m + 4 and g[0].i < hi]
            return [s for s in found[0] if s.type in ACTOR_TYPES] if found else targets
    return targets


UNDER_MODS = frozenset({"heavy", "fresh", "renewed", "intense", "increasing", "mounting", "growing", "constant",
                        "international", "criminal", "formal", "military", "rocket", "artillery", "sustained"})


def under(p: Parsed, hit: Hit, lo: int) -> bool:
    """"Y came under attack", "Y was put under (criminal) investigation in X": the subject undergoes
    the act."""
    k = hit.i - 1
    while k > lo and p.lower[k] in UNDER_MODS:
        k -= 1
    return k >= lo and p.lower[k] == "under"


def undergoer(p: Parsed, subject: list[Span], hit_ends: tuple[int, ...], lo: int) -> list[Span]:
    """The subject of a passive verb, unless it is the object of an event noun that is the real
    subject ("the attack on the US embassy was condemned": the attack is, not the US)."""
    if subject and any(lo <= e < subject[0].i and subject[0].i - e <= 4 and p.lower[e] in ("on", "of", "against")
                       for e in hit_ends):
        return []
    return subject


DOCUMENTS = frozenset({"deal", "agreement", "accord", "accords", "treaty", "pact", "resolution", "declaration",
                       "statement", "communique", "communiqué", "document", "text", "plan", "proposal", "draft",
                       "memorandum", "charter", "law", "bill", "protocol", "convention", "package", "framework",
                       "roadmap", "settlement", "truce", "ceasefire", "cease-fire", "deals", "agreements",
                       "resolutions", "treaties"})
RELATIVE_REACH = 12  # tokens from a relative "that" back to the document noun it follows


def document_subject(p: Parsed, gs: list[list[Span]], k: int, lo: int, agreements: tuple[Span, ...],
                     verb_starts: tuple[int, ...], lead: frozenset[str]) -> bool:
    """Whether the verb at token k opens a relative clause on an agreement or a document whose own
    phrase names actors ("a deal between X and Y on Sunday that calls on Z to ..."): the document is
    the subject, and the names in its phrase are its parties, not the subject. (With no name there,
    "X approved a plan that will bar Y", the actors found as usual, X, stand for their plan.) The
    noun is the nearest document word or agreement mention before "that"/"which", with no verb
    trigger after it (``lead``: the words that may stand between a subject and its verb)."""
    while k > lo and p.lower[k - 1] in lead:
        k -= 1
    if k <= lo or p.lower[k - 1] not in ("that", "which"):
        return False
    named = {m for a in agreements for m in range(a.i, a.j)}
    for m in range(k - 2, max(lo, k - 1 - RELATIVE_REACH) - 1, -1):
        if p.lower[m] in DOCUMENTS or m in named:
            return any(m < g[0].i and g[-1].j < k and any(s.type in ACTOR_TYPES for s in g) for g in gs)
        if m in verb_starts:
            return False
    return False


PLACE_REACH = 14  # tokens from a trigger to the place it is aimed at ("contribute troops to a force in Y")
STANCE_REACH = 8  # the same for a trigger that asserts a stance, whose place target asserts none
STANCES = frozenset({"criticizes", "supports"})
PLACE_KIND = "place-target"  # a stance's target read from a place: an event, no fact (facts.py)


def place_after(places: tuple[Span, ...], hit: Hit, stop: int, reach: int) -> list[Span]:
    """The first state named as a place after the trigger, before token ``stop`` and within
    ``reach`` tokens ("contribute troops to a peacekeeping force in Y": Y)."""
    return [s for s in places if hit.j <= s.i < stop and s.i - hit.j <= reach][:1]
