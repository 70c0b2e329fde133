"""Find actor mentions: gazetteer surface forms (officials named next to a title: people.py).

Stage contract: ``gazetteer_spans(parsed, gazetteer, rules) -> list[Span]``, a pure function over
a parsed document.
Ambiguous surface forms keep every candidate id; linking decides or records them as unresolved.
A region ("Northern Ireland", "Hong Kong": the gazetteer's ``regions``) is always a place of its
state, and a capital qualified by another state ("Tripoli, Lebanon") a place of that state.
"""

from __future__ import annotations

from diplograph.graph.extract.lexicon import Rules
from diplograph.graph.extract.parse import Hit, Parsed
from diplograph.graph.extract.spans import (
    MONTHS,
    Span,
)
from diplograph.graph.extract.surnames import drop_inside_names

KIND_RANK = {"label": 0, "alias": 1, "adjective": 2, "demonym": 2, "metonym": 3, "prefix": 4, "surname": 5}
TYPE_RANK = {"State": 0, "Organization": 1, "Agreement": 2, "Official": 3}
AFFIXES = frozenset({"post", "pro", "anti", "non", "ex", "pan"})
TRIGGER_PREPOSITIONS = frozenset({"at", "against", "on", "with"})


def _longest(hits: list[Hit]) -> list[list[Hit]]:
    """Longest-first non-overlapping groups of hits sharing one token range, in text order
    ("United Nations Security Council" beats "the United Nations")."""
    by_range: dict[tuple[int, int], list[Hit]] = {}
    for h in hits:
        by_range.setdefault((h.i, h.j), []).append(h)
    by_length: dict[int, list[tuple[int, int]]] = {}
    for i, j in by_range:
        by_length.setdefault(j - i, []).append((i, j))
    taken: set[int] = set()
    kept = []
    for n in sorted(by_length, reverse=True):  # longest first, then leftmost
        for i, j in sorted(by_length[n]):
            if taken.isdisjoint(range(i, j)):
                kept.append((i, j))
                taken.update(range(i, j))
    return [by_range[r] for r in sorted(kept)]


_LABELS: dict[str, tuple[str, str, tuple[int, int]]] = {}


def _label(label: str) -> tuple[str, str, tuple[int, int]]:
    """(kind, type, rank) of a gazetteer hit's label "kind|type" (cached: a few dozen labels)."""
    if label not in _LABELS:
        kind, type_ = label.split("|", 1)
        _LABELS[label] = (kind, type_, (KIND_RANK.get(kind, 9), TYPE_RANK.get(type_, 9)))
    return _LABELS[label]


def _best(group: list[Hit], gazetteer) -> tuple[str, str, tuple[str, ...]]:
    """(kind, type, candidate ids) of the best reading of one matched range."""
    if len(group) == 1:
        kind, type_, _ = _label(group[0].label)
        return kind, type_, (group[0].id,)
    top = min(_label(h.label)[2] for h in group)
    chosen = [h for h in group if _label(h.label)[2] == top]
    kind, type_, _ = _label(chosen[0].label)
    return kind, type_, tuple(sorted({h.id for h in chosen}))


def is_place(p: Parsed, i: int, j: int, rules: Rules) -> bool:
    """True when a capital or seat of power names the place, not the state ("in Moscow")."""
    s0, s1 = p.sents[p.sent_of[i]]
    prev = p.lower[i - 1] if i > s0 else ""
    before = set(p.lower[max(s0, i - 4):i])
    if prev in {"to", "from", "for"}:
        return "from" in before or not before.isdisjoint(rules.cue("travel"))
    if prev in rules.cue("place_before"):
        # "lashed out at Moscow", "fired at Moscow": the preposition ends an event trigger, so it
        # takes the event's target ("talks at Moscow", "arrived in Moscow" stay places)
        return not (prev in TRIGGER_PREPOSITIONS and any(h.j == i for h in p.triggers))
    dateline = i == s0 and j < s1 and p.words[j] == "," and j + 1 < s1 and \
        (p.lower[j + 1] in MONTHS or p.words[i].isupper())
    return dateline or (i == s0 and p.words[i].isupper() and len(p.words[i]) > 3)


#: Affixes that make a state's adjective name a time ("post-Soviet", "pre-Soviet").
PERIOD_AFFIXES = frozenset({"post", "pre"})
#: Nouns after a state's adjective that name a time or its end, not the state acting: "since the Soviet
#: collapse", "Soviet-era arms", "the Yugoslav breakup", "in Soviet times".
PERIOD_NOUNS = frozenset({"era", "times", "period", "collapse", "breakup", "break-up", "dissolution", "demise",
                          "disintegration", "days", "past", "legacy"})


def _names_a_period(p: Parsed, i: int, j: int) -> bool:
    """Whether a state's adjective names a time rather than the state ("post-Soviet", "Soviet-era",
    "the Soviet collapse"): such a state is no actor of the text, as a place is not (it keeps the
    alias). "Soviet troops took the city in 1945" still names the Soviet Union acting."""
    if i >= 2 and p.words[i - 1] == "-" and p.lower[i - 2] in PERIOD_AFFIXES:
        return True
    k = j + 1 if j + 1 < len(p.words) and p.words[j] == "-" else j
    return k < len(p.words) and p.lower[k] in PERIOD_NOUNS


def _is_region(p: Parsed, h: Hit, cands: tuple[str, ...], gazetteer) -> bool:
    """True for a region of a state ("Northern Ireland", "Hong Kong"): always a place, never an actor."""
    if gazetteer is None or len(cands) != 1:
        return False
    return p.text[h.start:h.end] in ((gazetteer.get(cands[0]) or {}).get("regions") or ())


def gazetteer_spans(p: Parsed, gazetteer, rules: Rules) -> list[Span]:
    """Every gazetteer surface form in the text, leftmost-longest, candidates kept (a surname
    inside a longer name, "Kong" in "Hong Kong", is dropped: see surnames.py)."""
    out = []
    for group in _longest(list(p.gaz)):
        h = group[0]
        kind, type_, cands = _best(group, gazetteer)
        if kind in ("label", "alias") and h.j - h.i == 1 and p.words[h.i].islower():
            continue  # a lower-case one-word alias ("alliance") needs more context than we have
        place = kind == "metonym" and (_is_region(p, h, cands, gazetteer) or is_place(p, h.i, h.j, rules))
        # "post-Soviet", "pro-Russian", "anti-Japanese" qualify something else: not actors
        affixed = h.i >= 2 and p.words[h.i - 1] == "-" and p.lower[h.i - 2] in AFFIXES
        place = place or (kind == "adjective" and _names_a_period(p, h.i, h.j))
        out.append(Span(h.i, h.j, h.start, h.end, p.sent_of[h.i], type_, kind, cands,
                        eid=cands[0] if len(cands) == 1 else None, place=place, modifier=affixed))
    return ethnic_groups(qualified_places(p, drop_inside_names(p, out, gazetteer, rules), rules))


def ethnic_groups(spans: list[Span]) -> list[Span]:
    """A state's adjective right before another state's adjective or demonym names a people of the
    first state: "Bosnian Serbs", "Turkish Cypriot leaders" (the leaders of the Bosnian Serbs are
    Bosnia's, as event coders code them, never Serbia's). The second word is read as a place, which
    never acts; the first stays the state."""
    by_start = {s.i: s for s in spans if s.type == "State"}
    marked: set[int] = set()
    for s in spans:
        t = by_start.get(s.j)
        if s.type == "State" and s.kind == "adjective" and t is not None and t is not s \
                and t.kind in ("adjective", "demonym") and s.eid and t.eid and s.eid != t.eid:
            marked.add(t.i)
    return [s.with_(place=True) if s.type == "State" and s.i in marked else s for s in spans] if marked else spans


NAMES = ("label", "alias")
CLAUSE_WORDS = frozenset({"on", "in", "at", "as", "and", "or", "but", "where", "which", "after", "before", "to", "from",
                          "with", "for", "during", "since", "when", "while", "that", "was", "were", "is", "are",
                          "has", "have", "had", "by", "near", "into", "amid", "until", "late", "early", "last"})
APPOSITION_END = frozenset({",", ".", ";", ":", "(", ")", "-", "\u2013", "\u2014"})


def qualified_places(p: Parsed, spans: list[Span], rules: Rules) -> list[Span]:
    """A capital qualified by another state is a place of that state, not a metonym: "in Tripoli,
    Lebanon", "northern Lebanon's Tripoli", "the Lebanese port of Tripoli" (Tripoli is also Libya's
    capital; cue ``place_noun``). The qualifier is part of the place's name, so it is a place too."""
    by_start = {s.i: s for s in spans}
    by_end = {s.j: s for s in spans}
    moved: dict[int, Span] = {}
    for s in spans:
        if s.kind != "metonym" or s.type != "State":
            continue
        q = _qualifier(p, s, by_start, by_end, rules.cue("place_noun"))
        if q is not None and q.eid != s.eid:  # "Moscow, Russia": the metonym reading stands
            moved[s.i] = s.with_(eid=q.eid, candidates=(q.eid,), place=True)
            moved[q.i] = q.with_(place=True)
    return [moved.get(s.i, s) for s in spans] if moved else spans


def _qualifier(p: Parsed, s: Span, by_start: dict[int, Span], by_end: dict[int, Span],
               place_nouns: frozenset[str]) -> Span | None:
    """The state span qualifying a capital's name, if any: after a comma (for a place only: "Moscow,
    Beijing and Washington" is a list), before "'s" (past a lower-case "northern"), or as the
    adjective of "the Lebanese city of"."""
    s0, s1 = p.sents[p.sent_of[s.i]]
    after = by_start.get(s.j + 1)
    if s.place and s.j + 1 < s1 and p.words[s.j] == "," and _state_name(after, NAMES) \
            and _apposed(p, after, by_start):
        return after
    k = s.i - 1 if s.i - 1 >= s0 and p.words[s.i - 1].islower() and p.words[s.i - 1].isalpha() else s.i
    if k - 1 >= s0 and p.lower[k - 1] in ("'s", "\u2019s") and _state_name(by_end.get(k - 1), NAMES) \
            and _heads(p, s, s1):
        return by_end[k - 1]
    if s.i - 2 >= s0 and p.lower[s.i - 1] == "of" and p.lower[s.i - 2] in place_nouns:
        k = s.i - 2
        while k - 1 >= s0 and k >= s.i - 4 and p.words[k - 1].islower():
            k -= 1  # "the Lebanese port city of"
        if _state_name(by_end.get(k), ("adjective",)):
            return by_end[k]
    return None


def _heads(p: Parsed, s: Span, s1: int) -> bool:
    """Whether the capital heads its noun phrase ("Lebanon's Tripoli was shelled"), rather than
    qualifying a noun after it ("Russia's Beijing embassy")."""
    return s.j >= s1 or not p.words[s.j].isalpha() or not p.words[s.j].islower() or p.lower[s.j] in CLAUSE_WORDS


def _apposed(p: Parsed, q: Span, by_start: dict[int, Span]) -> bool:
    """Whether a state after a place's comma closes an apposition ("in Tripoli, Lebanon, on Monday")
    rather than starting a clause ("in Beijing, Japan warned") or going on a list ("in Washington,
    Britain, France and Germany")."""
    s1 = p.sents[p.sent_of[q.i]][1]
    if q.j >= s1:
        return True
    nxt = by_start.get(q.j + 1)
    return p.words[q.j] in APPOSITION_END and not (p.words[q.j] == "," and nxt is not None and nxt.type == "State")


def _state_name(q: Span | None, kinds: tuple[str, ...]) -> bool:
    return q is not None and q.type == "State" and q.kind in kinds and q.eid is not None
