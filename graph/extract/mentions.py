"""Find actor mentions: gazetteer surface forms, and officials named next to a title.

Stage contract: ``gazetteer_spans(parsed, gazetteer, rules) -> list[Span]`` and
``find_people(parsed, spans, rules) -> list[Span]``; pure functions over a parsed document.
Ambiguous surface forms keep every candidate id; linking decides or records them as unresolved.
A region ("Northern Ireland", "Hong Kong": the gazetteer's ``regions``) is always a place of its
state, and a capital qualified by another state ("Tripoli, Lebanon") a place of that state.
"""

from __future__ import annotations

from diplograph.graph.extract.lexicon import Rules
from diplograph.graph.extract.parse import Hit, Parsed
from diplograph.graph.extract.spans import MONTHS, Span, is_cap, name_run, time_phrase_end
from diplograph.graph.extract.surnames import drop_inside_names

KIND_RANK = {"label": 0, "alias": 1, "adjective": 2, "demonym": 2, "metonym": 3, "prefix": 4, "surname": 5}
TYPE_RANK = {"State": 0, "Organization": 1, "Agreement": 2, "Official": 3}
TITLE_SKIP = frozenset({"the", "a", "an", "his", "her", "its", "their", "former", "then", "wartime", "acting",
                        "self-styled", "would-be", "senior-most", "top", "new", "'s", "’s", "-", "outgoing",
                        "incoming", "current", "senior", "chief", "permanent", "late"})
PRONOUN_AFTER = frozenset({",", "and"})
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


def _titles(p: Parsed, spans: list[Span]) -> list[Hit]:
    # a title inside a gazetteer name ("Secretary General" in an org label) is not a title,
    # but "Foreign Ministry spokesman" wins over the ministry's name
    names = {k for s in spans if s.type != "State" and s.subtype != "GovernmentBody" for k in range(s.i, s.j)}
    hits = [h for h in p.titles if names.isdisjoint(range(h.i, h.j))]
    return [g[0] for g in _longest(hits)]


def _body_in(t: Hit, bodies: dict[int, Span]) -> Span | None:
    """A government body overlapping a title ("Chinese Foreign Ministry" in "... spokesman")."""
    return next((bodies[k] for k in range(t.i, t.j) if k in bodies), None)


def state_before(p: Parsed, i: int, ends_at: dict[int, Span]) -> Span | None:
    """The State or Organization mention qualifying a title that starts at token i."""
    k, s0 = i, p.sents[p.sent_of[i]][0] if i < len(p.words) else i
    for _ in range(5):
        if k in ends_at and ends_at[k].type in ("State", "Organization"):
            return ends_at[k]
        if k - 1 < s0 or p.lower[k - 1] not in TITLE_SKIP and "-" not in p.words[k - 1]:
            return None
        k -= 1
    return None


def state_after(p: Parsed, j: int, starts_at: dict[int, Span]) -> Span | None:
    """"of Russia" right after a name or title."""
    if j + 1 < len(p.words) and p.lower[j] == "of":
        k = j + 2 if p.lower[j + 1] == "the" else j + 1
        sp = starts_at.get(k)
        if sp and sp.type in ("State", "Organization"):
            return sp
    return None


def _person_at(p: Parsed, k: int, starts_at: dict[int, Span], rules: Rules,
               stop: set[int]) -> tuple[int, Span | None]:
    """A person's name at token k (after honorifics and ranks): (end token, gazetteer span or None).

    ``stop`` holds the tokens where a non-person mention starts (a name never runs into one)."""
    ranks = rules.cue("honorific") | rules.cue("rank")
    while k < len(p.words) and (p.words[k] in ranks or (p.words[k] == "-" and p.words[k - 1] in ranks)):
        k += 1
    sp = starts_at.get(k)
    if sp is not None and sp.type != "Official":
        return k, None
    if sp is not None and (sp.kind != "surname" or name_run(p, k, stop) <= sp.j):
        return sp.j, sp
    return name_run(p, k, stop), None  # "Li Gun" is not the gazetteer's "Li"


def _names_after(p: Parsed, k: int, plural: bool, starts_at, rules, stop) -> list[tuple[int, int, Span | None]]:
    """Names following a title: one, or a list ("X, Y and Z") after a plural title."""
    out = []
    while k < len(p.words):
        end, sp = _person_at(p, k, starts_at, rules, stop)
        first = k
        while first < end and (p.words[first] in rules.cue("honorific") or p.words[first] in rules.cue("rank")
                               or p.words[first] == "-"):
            first += 1
        if end <= first:
            break
        out.append((first, end, sp))
        if not plural:
            break
        k = end
        while k < len(p.words) and p.lower[k] in PRONOUN_AFTER:
            k += 1
        if k == end:
            break
    return out


def find_people(p: Parsed, spans: list[Span], rules: Rules) -> list[Span]:
    """Officials read next to a title ("Russian Foreign Minister Igor Ivanov") and bare offices.

    Returns new person spans (title+name, office) and the qualifying adjectives marked as modifiers.
    """
    starts_at = {s.i: s for s in spans}
    ends_at = {s.j: s for s in spans}
    out: dict[tuple[int, int], Span] = {}
    bodies = {k: s for s in spans if s.subtype == "GovernmentBody" for k in range(s.i, s.j)}
    stop = {k for k, s in starts_at.items() if s.type != "Official"}
    for t in _titles(p, spans):
        title = rules.titles[int(t.id)]
        plural = t.label == "TITLES"
        pre = _body_in(t, bodies) or state_before(p, t.i, ends_at)
        k = t.j + 1 if t.j < len(p.words) and p.words[t.j] == "," else t.j
        posting, after = _posting(p, k, starts_at)
        of_states, after = _of_states(p, after, starts_at) if plural else ([], after)
        names = _names_after(p, after, plural, starts_at, rules, stop)
        if of_states and len(of_states) != len(names):
            names = []
        if names and names[0][0] >= names[0][1]:
            names = []
        if names and posting is not None:
            out[(posting.i, posting.j)] = posting.with_(modifier=True)
        if not names:
            _appositive_or_office(p, t, title, plural, pre, starts_at, ends_at, out)
            continue
        post = state_after(p, names[-1][1], starts_at)
        states = of_states or _respectively(p, t, names, ends_at) or [pre or post] * len(names)
        for (a, b, sp), st in zip(names, states):
            _add_person(p, out, a, b, sp, title, st)
        if pre is not None and len(names) == 1:
            out[(pre.i, pre.j)] = pre.with_(modifier=True)
    return sorted(out.values(), key=lambda s: (s.i, s.j))


def _posting(p: Parsed, k: int, starts_at: dict[int, Span]) -> tuple[Span | None, int]:
    """The organization an envoy is posted to, between title and name ("Ambassador to the
    United Nations Sergey Lavrov", "ambassador to NATO, Sergei Kislyak"), and where the name may
    start: (None, k) when no capitalised word follows such an organization."""
    if k + 1 >= len(p.words) or p.lower[k] not in ("to", "at"):
        return None, k
    sp = starts_at.get(k + 1) or (starts_at.get(k + 2) if p.lower[k + 1] == "the" else None)
    if sp is None or sp.type != "Organization":
        return None, k
    m = sp.j + 1 if sp.j < len(p.words) and p.words[sp.j] == "," else sp.j
    return (sp, m) if m < len(p.words) and is_cap(p.words[m]) else (None, k)


def _of_states(p: Parsed, k: int, starts_at: dict[int, Span]) -> tuple[list[Span], int]:
    """States after a plural title, then a comma before the names: "the foreign ministers of Egypt
    and Jordan, A and B" gives ([Egypt, Jordan], where A starts); else ([], k)."""
    if k >= len(p.words) or p.lower[k] != "of":
        return [], k
    states, m = [], k + 1
    while (sp := starts_at.get(m)) is not None and sp.type == "State" and sp.eid:
        states.append(sp)
        m = sp.j + 1 if sp.j < len(p.words) and p.lower[sp.j] in ("and", ",") else sp.j
        if sp.j + 1 < len(p.words) and p.words[sp.j] == "," and p.lower[sp.j + 1] == "and":
            m += 1
    if len(states) < 2 or m < 1 or p.words[m - 1] != "," or m >= len(p.words) or not is_cap(p.words[m]):
        return [], k
    return states, m


def _add_person(p: Parsed, out: dict, a: int, b: int, sp: Span | None, title, st: Span | None) -> None:
    base = sp or Span(a, b, p.starts[a], p.ends[b - 1], p.sent_of[a], "Official", "title+name",
                      name=p.span_text(a, b))
    out[(base.i, base.j)] = base.with_(role=title.title, office=title.office,
                                       state=(st.state if st.subtype == "GovernmentBody" else None) or st.eid
                                       if st is not None else None)


def _appositive_or_office(p, t, title, plural, pre, starts_at, ends_at, out) -> None:
    """"Colin Powell, the US secretary of state" or a bare office "the Russian president"."""
    k = t.i - 1 if pre is None else pre.i - 1
    while k >= 0 and p.lower[k] in ("the", "a", "an"):
        k -= 1
    if k > 0 and p.words[k] == ",":
        sp = ends_at.get(k)
        if sp is not None and sp.type == "Official":
            out[(sp.i, sp.j)] = sp.with_(role=title.title, office=title.office, state=pre.eid if pre else None)
            if pre is not None:
                out[(pre.i, pre.j)] = pre.with_(modifier=True)
            return
        a = k
        while a - 1 >= p.sents[p.sent_of[k]][0] and is_cap(p.words[a - 1]) and (a - 1) not in starts_at:
            a -= 1
        a = time_phrase_end(p, a, k)  # "On Monday, Russian Ambassador ...": a date, not the person
        if k - a >= 2:
            _add_person(p, out, a, k, None, title, pre)
            if pre is not None:
                out[(pre.i, pre.j)] = pre.with_(modifier=True)
            return
    st = pre or state_after(p, t.j, starts_at)
    if not plural and title.office and st is not None and st.type == "State" and st.eid:
        out[(t.i, t.j)] = Span(t.i, t.j, t.start, t.end, p.sent_of[t.i], "Official", "office",
                               role=title.title, state=st.eid, name=title.role_class)
        out[(st.i, st.j)] = st.with_(modifier=True)


def _respectively(p: Parsed, t: Hit, names, ends_at) -> list[Span | None]:
    """"Russian and Chinese Deputy Foreign Ministers A and B, respectively": states in order; so
    too without "respectively" after a plural title ("his Russian and Ukrainian counterparts,
    Sergei Lavrov and Dmytro Kuleba") when the states and the names are as many."""
    end = names[-1][1]
    tail = [w for w in p.lower[end:end + 3] if w != ","]
    if (not tail or tail[0] != "respectively") and (t.label != "TITLES" or len(names) < 2):
        return []
    states, k = [], t.i
    while k in ends_at and ends_at[k].type == "State":
        sp = ends_at[k]
        states.insert(0, sp)
        k = sp.i - 1 if sp.i > 0 and p.lower[sp.i - 1] in ("and", ",") else -1
        if k < 0:
            break
    return states if len(states) == len(names) else []
