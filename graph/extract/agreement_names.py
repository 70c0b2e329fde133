"""Names of agreements: their head words, the words that tell one apart, and the gazetteer agreement a
discovered name words another way (moved out of discover.py).

Stage contract: ``same_agreement(name, gazetteer, on) -> [id]`` for linking; ``agreement_heads(rules)``
the nouns that head an agreement's name (cue kinds ``agreement_head`` and ``agreement_head_more``:
"a five-point consensus"). Pure functions (two caches per gazetteer version).
"""

from __future__ import annotations

import re

from diplograph.graph.extract.lexicon import Rules

AGREEMENT_MODIFIERS = frozenset({"friendship", "founding", "gas", "supply", "supplies", "border", "boundary",
                                 "cooperation", "partnership", "strategic", "missile", "community", "basic",
                                 "association", "accession", "free-trade", "ceasefire", "cease-fire", "armistice"})


def agreement_heads(rules: Rules) -> frozenset[str]:
    """The nouns that head an agreement's name ("treaty", "accord", "consensus")."""
    return rules.cue("agreement_head") | rules.cue("agreement_head_more")


#: Words that say nothing of which agreement a name means ("on creating a ...", "the 2009 ...").
NAME_FILLER = frozenset({"of", "on", "for", "and", "in", "to", "the", "a", "an", "between", "with", "creating",
                         "establishing", "establishment", "formation", "concerning", "regarding", "its", "their",
                         "principle", "principles", "relations", "relation", "basic", "general", "mutual", "further",
                         "measures", "issues", "questions", "development", "implementation", "settlement"})
#: Content words a discovered agreement's name must share with one gazetteer agreement's label or alias.
SHARED_WORDS = 2
_AGREEMENT_WORDS: dict[str, list[tuple[str, frozenset[str]]]] = {}
_ACTOR_WORDS: dict[str, frozenset[str]] = {}


def content_words(name: str, rules: Rules, actors: frozenset[str] = frozenset()) -> frozenset[str]:
    """The words of an agreement's name that tell it apart, singular and lower case: not its head
    ("treaty"), kind ("friendship", "border"), generic modifiers ("joint", "new"), fillers, numbers,
    or the ``actors`` named in it ("Russia-Ukraine gas agreement" is not the friendship treaty).

    >>> from diplograph.graph.extract.lexicon import default_rules
    >>> sorted(content_words("agreement on creating a joint rapid-reaction force", default_rules()))
    ['force', 'rapid', 'reaction']
    """
    drop = NAME_FILLER | AGREEMENT_MODIFIERS | agreement_heads(rules) | rules.cue("generic_modifier") | actors
    return frozenset(_singular(w) for w in _WORD_SPLIT.split(name.lower())
                     if len(w) >= 3 and w not in drop and w.isalpha())


#: What separates the words of a name ("Good-Neighborliness, Friendship": the comma too).
_WORD_SPLIT = re.compile(r"[\s\-\u2013/,;:()]+")


def _singular(word: str) -> str:
    return word[:-1] if word.endswith("s") and len(word) > 3 else word


def title_words(name: str) -> frozenset[str]:
    """The capitalised words of a name, singular and lower case: a formal title's own words
    ("Treaty on Long-Term Good-Neighborliness": long, term, good, neighborlines; "Treaty" too)."""
    return frozenset(_singular(w.lower()) for w in _WORD_SPLIT.split(name) if w[:1].isupper() and w.isalpha())


def same_agreement(name: str, gazetteer, on, rules: Rules | None = None) -> list[str]:
    """The gazetteer agreement a discovered name words another way ("agreement on collective forces",
    "agreement on creating a joint rapid-reaction force": the Agreement on the Collective Rapid Reaction
    Force): it shares at least two content words with one of its names, and at least half of the
    discovered name's content words, and every distinctive word a formal title capitalises ("Treaty on
    Long-Term Good-Neighborliness, ..." is not the Treaty of Good-Neighborliness and Friendly
    Cooperation); the closest such agreement, signed by the year after the text's date; none when
    two are as close."""
    from diplograph.graph.extract.lexicon import default_rules

    rules = rules or default_rules()
    mine = content_words(name, rules, _actor_words(gazetteer)) if gazetteer is not None else frozenset()
    if len(mine) < SHARED_WORDS or gazetteer is None:
        return []
    titled = mine & title_words(name)  # a formal title's distinctive words must all be the agreement's
    best: dict[str, int] = {}
    for id_, words in _agreement_words(gazetteer, rules):
        shared = len(mine & words)
        if shared >= SHARED_WORDS and 2 * shared >= len(mine) and titled <= words \
                and _signed_by(gazetteer.get(id_) or {}, on):
            best[id_] = max(best.get(id_, 0), shared)
    top = max(best.values(), default=0)
    found = sorted(i for i, n in best.items() if n == top)
    return found if len(found) == 1 else []


def _agreement_words(gazetteer, rules: Rules) -> list[tuple[str, frozenset[str]]]:
    """(id, content words) for every label and alias of a gazetteer agreement, per gazetteer version."""
    if gazetteer.version not in _AGREEMENT_WORDS:
        _AGREEMENT_WORDS.clear()
        actors = _actor_words(gazetteer)
        _AGREEMENT_WORDS[gazetteer.version] = [(id_, content_words(surface, rules, actors))
                                               for surface, type_, id_, kind in gazetteer.surface_forms()
                                               if type_ == "Agreement" and kind in ("label", "alias")]
    return _AGREEMENT_WORDS[gazetteer.version]


def _actor_words(gazetteer) -> frozenset[str]:
    """Lower-case one-word names of states and organizations ("russia", "chinese", "nato", "sino")."""
    if gazetteer.version not in _ACTOR_WORDS:
        _ACTOR_WORDS.clear()
        _ACTOR_WORDS[gazetteer.version] = frozenset({"sino"} | {
            surface.lower() for surface, type_, _, _ in gazetteer.surface_forms()
            if type_ in ("State", "Organization") and " " not in surface})
    return _ACTOR_WORDS[gazetteer.version]


def _signed_by(rec: dict, on) -> bool:
    """Whether an agreement was signed by the year after ``on`` (a text may name one being negotiated)."""
    signed = rec.get("signed")
    return on is None or not signed or int(str(signed)[:4]) <= on.year + 1
