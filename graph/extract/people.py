"""Find officials named next to a title ("Russian Foreign Minister Igor Ivanov") and bare offices.

Stage contract: ``find_people(parsed, spans, rules) -> list[Span]``, a pure function over a parsed
document and its gazetteer spans (mentions.py): new person spans (kind "title+name" or "office")
with their role, office and qualifying state, and the qualifying states marked as modifiers.
"""

from __future__ import annotations

from diplograph.graph.extract.lexicon import Rules
from diplograph.graph.extract.mentions import _longest
from diplograph.graph.extract.parse import Hit, Parsed
from diplograph.graph.extract.spans import Span, is_cap, name_run, time_phrase_end

TITLE_SKIP = frozenset({"the", "a", "an", "his", "her", "its", "their", "former", "then", "wartime", "acting",
                        "self-styled", "would-be", "senior-most", "top", "new", "'s", "’s", "-", "outgoing",
                        "incoming", "current", "senior", "chief", "permanent", "late"})
PRONOUN_AFTER = frozenset({",", "and"})


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
