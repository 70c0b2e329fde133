"""Pronouns: whom a subject "it", "they", "he" or "she" stands for.

Stage contract: ``pronoun_spans(parsed, spans, rules) -> list[Span]``, one span per subject pronoun
that events.py reads like a mention (kind ``"pronoun"``; never a mention of the extraction). A
pronoun is linked to its antecedent only when a rule says whom it means and the antecedent agrees
("it": a state or organization; "he", "she": a person or an office; "they": several actors or a
group of people); otherwise its span is a *blocker* (type ``"Pronoun"``, no id): the trigger whose
nearest subject it is gets no actor, rather than the nearest name (precision first).

The rules, in order:

* the subject of a clause reported, denied or claimed ("X said/denied/warned that it ...",
  "X rejected Y's accusations that it ...", "X said on Monday it would ...") is the subject of the
  verb or noun that governs the clause;
* a pronoun opening a sentence ("It said ...", "On Monday, he met ...", or after a short phrase
  naming no actor: "Pending a final deal, they agreed ...") is the previous sentence's subject;
* any other subject pronoun ("X vetoed it because it opposed ...") is the sentence's subject, when
  no other agreeing actor stands between them.

A state's adjective is an antecedent only as the head of a body or group ("the Chinese government
said it", "Russian officials said they"), never when it qualifies a thing ("Israeli accusations").
"""

from __future__ import annotations

from bisect import insort

from diplograph.graph.extract.lexicon import Rules
from diplograph.graph.extract.parse import Parsed
from diplograph.graph.extract.spans import ACTOR_TYPES, MONTHS, TIME_WORDS, Span

PRONOUNS = {"it": "it", "he": "he", "she": "he", "they": "they"}
PRONOUN = "Pronoun"  # the type of a blocker span
KIND = "pronoun"
# words after which a pronoun opens a clause (its subject), besides the sentence start
CLAUSE_LEAD = frozenset({"that", ",", "and", "but", "because", "since", "when", "while", "after", "before", "if",
                         "unless", "as", "although", "though", "so", "once", "until", "where", "whether", "yet",
                         '"', "\u201c", "``", "however", "meanwhile", "instead"})
SUBORDINATE = frozenset({"after", "when", "as", "since", "because", "while", "if", "unless", "before", "although",
                         "though", "once", "until", "whether"})
SUBJECT_LEAD = frozenset({",", "that", "and", "but", "the", '"', "\u201c", "``", "then", "yet", "however",
                          "meanwhile"}) | SUBORDINATE
COPULA = frozenset({"is", "was", "'s", "’s", "be", "been", "seems", "seemed", "appears", "appeared", "remains",
                    "remained", "becomes", "became"})
TIME_GAP = TIME_WORDS | MONTHS | frozenset({"on", "in", "last", "this", "next", "early", "late", "also", "earlier",
                                            "later", "again", ","})
GOVERNOR_GAP = 6  # tokens between a complement-taking word and its "that" ("told reporters in Moscow that")
OBLIGATION = frozenset({"must", "should", "ought", "needs", "need", "has", "have"})  # "that it must", "has to"


def with_pronouns(p: Parsed, spans: list[Span], rules: Rules) -> list[Span]:
    """``spans`` with :func:`pronoun_spans` merged in text order (the same list when there are none)."""
    found = pronoun_spans(p, spans, rules)
    if not found:
        return spans
    return sorted(spans + found, key=lambda s: s.i)  # stable: mentions keep their order


def pronoun_spans(p: Parsed, spans: list[Span], rules: Rules) -> list[Span]:
    """A span per subject pronoun: its antecedent's copy at the pronoun, or a blocker.

    Args:
        p: The parsed document.
        spans: The linked mentions events are read from (in text order).
        rules: Cue words (``complement_taker``, ``pronoun_body``, ``pronoun_group``, ``expletive_it``).
    """
    words = p.positions(PRONOUNS, lower=True)
    if not words:
        return []
    actors = _outermost([s for s in spans if s.type in ACTOR_TYPES and s.eid and not s.place and not s.modifier])
    by_sent: dict[int, list[list[Span]]] = {}
    for g in _groups(p, actors):
        by_sent.setdefault(g[0].sent, []).append(g)
    out: list[Span] = []
    for k in words:
        if not _is_subject(p, k, rules):
            continue
        sent = p.sent_of[k]
        form = PRONOUNS[p.lower[k]]
        found = _antecedent(p, k, form, by_sent, rules)
        if not found and form == "they" and _people_first(p, p.sents[sent][0], k, rules):
            continue  # "Militants loyal to X said they ...": unnamed people, read as without the pronoun
        made = [_at(p, s, k) for s in found] or [_blocker(p, k, sent)]
        out.extend(made)
        if found:  # a later pronoun may stand for this one ("It said ... It added ...")
            insort(by_sent.setdefault(sent, []), made, key=lambda g: g[0].i)
    return sorted(out, key=lambda s: (s.i, s.eid or ""))


def _outermost(spans: list[Span]) -> list[Span]:
    """The mentions not inside a longer one ("Nigerian" in "the Nigerian Union of Teachers")."""
    inner, far = set(), (-1, -1)
    for n, s in sorted(enumerate(spans), key=lambda ns: (ns[1].i, -ns[1].j)):
        if s.j <= far[1] and (s.i, s.j) != far:
            inner.add(n)
        elif s.j > far[1]:
            far = (s.i, s.j)
    return [s for n, s in enumerate(spans) if n not in inner]


def _groups(p: Parsed, actors: list[Span]) -> list[list[Span]]:
    """Coordinated runs of mentions ("Russia and China", "Russia, China and India"): adjacent, joined
    by "and", or by a comma when the list goes on ("attacked Iraq, Kuwait said": two clauses)."""
    out: list[list[Span]] = []
    for n, s in enumerate(actors):
        last = out[-1][-1] if out else None
        gap = p.lower[last.j:s.i] if last is not None and last.sent == s.sent and s.i - last.j <= 2 else None
        same = last is not None and (last.i, last.j) == (s.i, s.j)  # one plural mention ("the two sides")
        if same or (gap is not None and set(gap) <= {",", "and", "the"} and ("and" in gap or _list_goes_on(p, s))):
            out[-1].append(s)
        else:
            out.append([s])
    return out


def _list_goes_on(p: Parsed, s: Span) -> bool:
    """Whether a comma or "and" follows the mention (it is inside a list, "X, Y and Z")."""
    return s.j < len(p.lower) and p.lower[s.j] in (",", "and")


def _is_subject(p: Parsed, k: int, rules: Rules) -> bool:
    """Whether the pronoun at token k opens a clause (and is not an expletive "it is likely that")."""
    s0, s1 = p.sents[p.sent_of[k]]
    if k + 1 >= s1 or not p.words[k + 1][:1].isalpha():
        return False
    if p.lower[k] == "it" and p.lower[k + 1] in COPULA:
        nxt = [w for w in p.lower[k + 2:k + 5] if w not in ("not", "now", "also", "still", "very", "more")]
        if nxt and nxt[0] in rules.cue("expletive_it"):
            return False
    if k == s0:
        return True
    prev = p.lower[k - 1]
    return prev in CLAUSE_LEAD or prev in rules.cue("complement_taker") or prev in TIME_WORDS \
        or _opener_only(p, s0, k)


def _opener_only(p: Parsed, s0: int, k: int) -> bool:
    """Only a sentence opener stands before token k ("On Monday, it ...", "But he ...")."""
    return all(p.lower[m] in TIME_GAP or p.lower[m] in CLAUSE_LEAD or p.words[m][:1].isdigit()
               or p.lower[m] in ("but", "and", "also", "however", "meanwhile", "still", "then")
               for m in range(s0, k))


INTRO_REACH = 10  # tokens of an introductory phrase before its comma ("Pending an ultimate solution,")


def _introduced(p: Parsed, s0: int, k: int) -> bool:
    """Whether only a short introductory phrase, closed by a comma and naming no actor, stands
    before token k ("Pending a final solution, they agreed"): the pronoun opens the sentence."""
    return 2 <= k - s0 <= INTRO_REACH + 1 and p.lower[k - 1] == "," and "," not in p.lower[s0:k - 1]


def _antecedent(p: Parsed, k: int, form: str, by_sent: dict[int, list[list[Span]]], rules: Rules) -> list[Span]:
    """Whom the pronoun at token k stands for, by the rules of the module docstring ([] when unsure)."""
    sent = p.sent_of[k]
    s0 = p.sents[sent][0]
    here = [g for g in by_sent.get(sent, ()) if g[-1].j <= k]
    gov = _governor(p, k, rules)
    if gov is not None:
        addressed = [g for g in here if g[0].i > gov and _agreeing(p, g, form, rules) and p.lower[g[0].i - 1] != "by"]
        if addressed:  # "reminded Iraq that it must": the addressee is obliged; "told Y that it would": unsure
            return addressed[-1] if OBLIGATION & set(p.lower[k + 1:k + 3]) else []
        return _agreeing(p, _subject(p, [g for g in here if g[-1].j <= gov], gov, s0), form, rules)
    if _opener_only(p, s0, k) or (not here and _introduced(p, s0, k)):
        prev = by_sent.get(sent - 1, [])
        return _agreeing(p, _main_subject(p, prev, p.sents[sent - 1][0]) if sent else [], form, rules)
    main = _main_subject(p, here, s0)
    found = _agreeing(p, main, form, rules)
    if found and not any(g[0].i > main[-1].j and _agreeing(p, g, form, rules) for g in here):
        return found
    return []


def _people_first(p: Parsed, s0: int, k: int, rules: Rules) -> bool:
    """Whether the sentence opens with unnamed people ("Militants loyal to X", "Angry farmers"),
    the likely antecedent of a "they" (agents.py counts them for a state)."""
    people = rules.cue("agent")
    return any(p.lower[m] in people for m in range(s0, min(k, s0 + 3)))


def _governor(p: Parsed, k: int, rules: Rules) -> int | None:
    """The word that governs the clause the pronoun at token k opens: a reporting, denying or
    claiming word before "that" (an object or "by X" may stand between: "told reporters that",
    "allegations by X that"), or a reporting verb right before it ("said on Monday it would")."""
    takers = rules.cue("complement_taker")
    s0 = p.sents[p.sent_of[k]][0]
    m = k - 1
    while m > s0 and p.lower[m] in TIME_GAP:
        m -= 1
    if p.lower[m] in takers:
        return m
    if p.lower[m] != "that":
        return None
    for g in range(m - 1, max(s0, m - GOVERNOR_GAP) - 1, -1):
        if p.lower[g] in takers:
            return g
        if p.lower[g] in (";", ":") or p.lower[g] in SUBORDINATE:
            return None
    return None


def _lead(p: Parsed, s: Span, s0: int) -> str:
    """The word before a mention, over a title and capitalised words ("President X"), or "" at the start."""
    b = s.i
    while b > s0 and (p.words[b - 1][:1].isupper() or p.lower[b - 1] in ("'s", "’s", "-")):
        b -= 1
    return p.lower[b - 1] if b > s0 else ""


def _subject(p: Parsed, groups: list[list[Span]], k: int, s0: int) -> list[Span]:
    """The last group before token k that stands in a subject's place (at the sentence start or after
    a comma, "that" or a conjunction; not after a verb or a preposition)."""
    for g in reversed(groups):
        if g[-1].j <= k and (_lead(p, g[0], s0) in SUBJECT_LEAD or _lead(p, g[0], s0) == ""):
            return g
    return []


def _main_subject(p: Parsed, groups: list[list[Span]], s0: int) -> list[Span]:
    """The first group in a subject's place that does not open a subordinate clause ("After X
    attacked, Y said": Y)."""
    for g in groups:
        lead = _lead(p, g[0], s0)
        if (lead in SUBJECT_LEAD or lead == "") and lead not in SUBORDINATE:
            return g
    return []


def _agreeing(p: Parsed, g: list[Span], form: str, rules: Rules) -> list[Span]:
    """The group's mentions a pronoun of ``form`` may stand for, or [] when they do not agree."""
    if not g:
        return []
    head = _head(p, g[-1], rules)
    if any(s.kind == "adjective" for s in g) and head is None:
        return []  # "Israeli accusations": a thing, not an actor
    if form == "they":
        return g if len(g) >= 2 or head == "group" or g[0].kind == "demonym" else []
    if len(g) != 1 or head == "group" or g[0].kind == "demonym":
        return []
    s = g[0]
    if form == "it":
        return g if s.type in ("State", "Organization") and s.kind != "office-state" else []
    return g if s.type == "Official" or s.kind == "office-state" else []


def _head(p: Parsed, s: Span, rules: Rules) -> str | None:
    """"body" or "group" when the words after a mention name a body or a group of people ("Chinese
    government", "Russian officials", "the Afghan rebel leaders"); None otherwise."""
    s1 = p.sents[s.sent][1]
    for m in range(s.j, min(s.j + 3, s1)):
        w = p.lower[m]
        if w in rules.cue("pronoun_body"):
            return "body"
        if w in rules.cue("pronoun_group") or (w in rules.cue("agent") and w.endswith("s")):
            return "group"
        if not w.isalpha():
            return None
    return None


def _at(p: Parsed, s: Span, k: int) -> Span:
    """The antecedent's copy at the pronoun (a mention events read, not one of the extraction's)."""
    return s.with_(i=k, j=k + 1, start=p.starts[k], end=p.ends[k], sent=p.sent_of[k], kind=KIND,
                   modifier=False, place=False)


def _blocker(p: Parsed, k: int, sent: int) -> Span:
    return Span(k, k + 1, p.starts[k], p.ends[k], sent, PRONOUN, KIND)
