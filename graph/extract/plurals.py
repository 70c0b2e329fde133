"""Plural references to states named before: "the seven countries", "the two sides", "their leaders".

Stage contract: ``resolve(parsed, spans, rules) -> list[Span]``, a pure function run after
linking and the expansion of groupings (groupings.py).

A text names a set of states once ("the prime ministers of Bulgaria, Estonia, ... and Slovenia")
and then refers to them as a group ("the seven heads of state", "the new members", "the two
sides"). Each such reference is given one span per state (or official) it stands for, over the
reference's tokens, kind ``plural``; the roles then read it as a coordinated group, exactly like
a grouping's mention (groupings.py): "the two sides agreed" pairs the two, "X met the new members"
gives X each of them.

The antecedent is the last coordinated group of two or more actors named before the reference
(``roles.groups``: "A, B and C", "Bush and Russian President Putin"). Precision first, so a
reference is resolved only when

* it gives a number ("the seven countries", "both sides") equal to the antecedent's size;
* it has no number and is unambiguous: "the new members" (the antecedent's sentence reports
  joining: a ``joins`` trigger), or "their leaders" with the antecedent in the same or the
  previous sentence;

and never when the antecedent names a party that is no state nor official of a state (an
organization: "Russia and the EU ... the two sides" is left alone). State nouns ("countries",
"sides", "members") stand for states (an official for the state he serves); leader nouns
("leaders", "foreign ministers") for the officials named, or the states when states were named.
"""

from __future__ import annotations

from bisect import bisect_right

from diplograph.graph.extract.groupings import PLURAL, grouping_of
from diplograph.graph.extract.lexicon import Rules
from diplograph.graph.extract.parse import Parsed
from diplograph.graph.extract.roles import LOCATIVE, groups
from diplograph.graph.extract.spans import Span

KIND = PLURAL  # the span kind of a state or official read from a plural reference

__all__ = ["KIND", "find_references", "resolve"]

NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
           "eleven": 11, "twelve": 12, "both": 2}
# head nouns, as token tuples (longest first when matched): a reference to states...
STATE_NOUNS = {("countries",), ("states",), ("nations",), ("sides",), ("members",), ("member", "states"),
               ("member", "countries"), ("governments",), ("neighbours",), ("neighbors",), ("republics",),
               ("capitals",), ("allies",), ("partners",), ("newcomers",)}
# ... or to their leaders
LEADER_NOUNS = {("leaders",), ("presidents",), ("premiers",), ("prime", "ministers"), ("foreign", "ministers"),
                ("defence", "ministers"), ("defense", "ministers"), ("heads", "of", "state"),
                ("heads", "of", "states"), ("heads", "of", "government"), ("delegations",), ("negotiators",),
                ("ministers",)}
NEW_MEMBERS = {("members",), ("member", "states"), ("member", "countries"), ("allies",), ("newcomers",)}
OPENERS = frozenset({"the", "both", "all", "these", "those", "their"})
HEADS = frozenset(n[0] for n in STATE_NOUNS | LEADER_NOUNS)


def resolve(p: Parsed, spans: list[Span], rules: Rules, gazetteer=None) -> list[Span]:
    """Add one span per state (or official) each resolvable plural reference stands for.

    Args:
        p: The parsed document.
        spans: Linked spans, in text order (groupings already expanded).
        rules: The lexicon (its ``joins`` triggers tell a text that reports joining).
        gazetteer: The loaded gazetteer (tells a grouping's own mention from its members'), or None.
    """
    refs = find_references(p, spans)
    if not refs:
        return spans
    taken = {k for s in spans for k in range(s.i, s.j)}
    parties = [s for s in spans if _party(s, gazetteer) and not (s.i > 0 and p.lower[s.i - 1] in LOCATIVE)]
    covered = {k for s in spans if s.modifier for k in range(s.i, s.j)} | {k for h in p.titles for k in range(h.i, h.j)}
    found = [g for g in groups(p, parties, covered) if len({s.eid for s in g}) >= 2 and _coordinated(p, g)]
    joining = {p.sent_of[h.i] for h in p.triggers if rules.trigger(h.id).relation == "joins"}
    joined = {_states(g) for g in found if g[0].sent in joining}  # the sets of states a sentence says joined
    ends = [g[-1].j for g in found]
    made_all: list[Span] = []
    for i, j, count, noun, new in refs:
        if not taken.isdisjoint(range(i, j)):
            continue  # part of a name ("the two Koreas") or of a mention found before
        ante = _antecedent(found, bisect_right(ends, i), noun in LEADER_NOUNS)
        members = _referents(ante, noun in LEADER_NOUNS) if ante is not None else None
        if members is None or len(members) < 2 or not _fits(p, ante, i, count, noun, new, joined):
            members = _last_leaders(p, parties, i, count) if noun in LEADER_NOUNS else None
            if not members:
                continue
        made = [_span(p, i, j, m) for m in members]
        made_all.extend(made)
        at = bisect_right(ends, j)  # a later "the two sides" may refer to it
        found.insert(at, made)
        ends.insert(at, j)
    return _merged(spans, made_all)


def _last_leaders(p: Parsed, parties: list[Span], i: int, count: int | None) -> list[Span] | None:
    """"Modi was greeted by Sharif. The two leaders talked": with no coordinated group of that many, the
    last ``count`` officials of distinct states named before token i (in its sentence or the one before)."""
    if count is None:
        return None
    sent = p.sent_of[i]
    named = [s for s in parties if s.type == "Official" and s.state and s.j <= i and sent - s.sent <= 1]
    last: dict[str, Span] = {}
    for s in reversed(named):
        if s.state not in last and len(last) < count:
            last[s.state] = s
    if len(last) != count:
        return None
    return sorted(last.values(), key=lambda s: s.i)


def _coordinated(p: Parsed, g: list[Span]) -> bool:
    """Whether a group is a coordination ("A and B", "A, B and C", "Russian-Chinese"), not two names a comma
    only separates ("with President X, Y was greeted": a clause ends at the comma)."""
    return any(w in ("and", "both", "-", "/") for w in p.lower[g[0].i:g[-1].j]) or g[0].kind == KIND


def _merged(spans: list[Span], new: list[Span]) -> list[Span]:
    """The spans with the new ones (in text order) inserted before the first span starting at or
    after them (the order of the old spans is kept)."""
    out: list[Span] = []
    k = 0
    for s in spans:
        while k < len(new) and new[k].i <= s.i:
            out.append(new[k])
            k += 1
        out.append(s)
    return out + new[k:]


def find_references(p: Parsed, spans: list[Span]) -> list[tuple[int, int, int | None, tuple[str, ...], bool]]:
    """Plural noun phrases that may refer to states: (first token, end token, number or None, head
    noun, whether "new" qualifies it), in text order. "the leaders of X" names its X: not a reference."""
    out = []
    for k in p.positions(HEADS, lower=True):
        noun = _noun_at(p, k)
        if noun is None or (k + len(noun) < len(p.lower) and p.lower[k + len(noun)] == "of"):
            continue
        i, count, new = _opening(p, k)
        if i is not None:
            out.append((i, k + len(noun), count, noun, new))
    for k in p.positions(frozenset({"two"}), lower=True):  # "Putin met Hu, and the two praised ...": the leaders
        if k > 0 and p.lower[k - 1] == "the" and k + 1 < len(p.lower) and _verb_like(p.lower[k + 1]):
            out.append((k - 1, k + 1, 2, ("leaders",), False))
    return sorted(out)


#: Words that show a bare "the two" is a subject ("the two praised", "the two also agreed")
BARE_TWO_NEXT = frozenset({"said", "have", "had", "were", "are", "also", "will", "would", "met", "agreed", "signed",
                           "held", "spoke", "discussed", "did", "pledged", "vowed", "sought", "took", "made"})


def _verb_like(word: str) -> bool:
    return word in BARE_TWO_NEXT or (word.endswith("ed") and len(word) > 4)


def _noun_at(p: Parsed, k: int) -> tuple[str, ...] | None:
    s1 = p.sents[p.sent_of[k]][1]
    for n in (3, 2, 1):
        words = p.lower[k:k + n]
        if k + n <= s1 and (words in STATE_NOUNS or words in LEADER_NOUNS):
            return words
    return None


def _opening(p: Parsed, k: int) -> tuple[int | None, int | None, bool]:
    """(first token, number, "new") of the phrase whose head starts at token k: an opener ("the",
    "both", "their"), then a number and "new" ("the seven new members"); (None, ..) when no opener."""
    s0 = p.sents[p.sent_of[k]][0]
    i, count, new = k, None, False
    if i > s0 and p.lower[i - 1] == "new":
        i, new = i - 1, True
    if i > s0 and p.lower[i - 1] in NUMBERS and p.lower[i - 1] != "both":
        i, count = i - 1, NUMBERS[p.lower[i - 1]]
    if i > s0 and p.lower[i - 1] in OPENERS:
        i -= 1
        if p.lower[i] == "both":
            count = 2
        elif i > s0 and p.lower[i] == "the" and p.lower[i - 1] in ("all", "both"):
            i -= 1
            count = 2 if p.lower[i] == "both" else count
        return i, count, new
    return None, None, False


def _party(s: Span, gazetteer) -> bool:
    """A mention that may be one of a group's parties (a grouping's own name is not: its members are;
    nor is a place, "in Sudan and Chad": see also the LOCATIVE test in resolve)."""
    if not s.eid or s.place or s.modifier or s.type not in ("State", "Official", "Organization"):
        return False
    return not (s.type == "Organization" and grouping_of(gazetteer, s.eid) is not None)


LOOKBACK = 20  # groups searched back for the officials of the states a leader noun refers to


def _antecedent(found: list[list[Span]], n: int, leaders: bool) -> list[Span] | None:
    """The last of the first n groups (those before a reference); for leaders, the last group of
    officials of the same states among the few before, if any ("Bush and Putin ... their countries
    ... the two presidents": Bush and Putin)."""
    if not n:
        return None
    last = found[n - 1]
    if leaders and any(s.type != "Official" for s in last):
        states = _states(last)
        return next((g for g in reversed(found[max(0, n - LOOKBACK):n]) if all(s.type == "Official" for s in g)
                     and _states(g) == states), last)
    return last


def _fits(p: Parsed, ante: list[Span], i: int, count: int | None, noun: tuple[str, ...], new: bool,
          joined: set[frozenset[str]]) -> bool:
    """Whether the reference at token i may stand for the group ``ante``: its number is the group's
    size; without one, "the new members" are states a sentence said joined, "their leaders" the
    group of the same or the previous sentence."""
    if count is not None:
        return count == len(_referents(ante, noun in LEADER_NOUNS) or ())
    if new and noun in NEW_MEMBERS or noun == ("newcomers",):
        return _states(ante) in joined
    return p.lower[i] == "their" and p.sent_of[i] - ante[-1].sent <= 1


def _states(group: list[Span]) -> frozenset[str]:
    """The states a group names (an official's for an official)."""
    return frozenset(s.eid if s.type == "State" else s.state or "" for s in group)


def _referents(ante: list[Span], leaders: bool) -> list[Span] | None:
    """The distinct states (or, for leader nouns after named officials, the officials) a group names;
    None when one of its parties is neither a state nor an official of a known state."""
    if any(s.type == "Organization" or (s.type == "Official" and not s.state) for s in ante):
        return None
    if leaders and all(s.type == "Official" for s in ante):
        return list({s.eid: s for s in ante}.values())
    states = {}
    for s in ante:
        sid = s.eid if s.type == "State" else s.state
        states.setdefault(sid, s if s.type == "State" else s.with_(type="State", eid=sid, candidates=(sid,)))
    return list(states.values())


def _span(p: Parsed, i: int, j: int, ref: Span) -> Span:
    """The span standing for one referent over the reference's tokens [i, j)."""
    return ref.with_(i=i, j=j, start=p.starts[i], end=p.ends[j - 1], sent=p.sent_of[i], kind=KIND,
                     role=None, place=False, modifier=False, subtype=None, name=None,
                     state=ref.state if ref.type == "Official" else None)

