"""A trigger word's other senses: the words around it that say it names no event, or another event.

Stage contract: ``cancelled(parsed, hit, rules) -> bool`` (hits.py drops such hits before any reading) and
``sensed(parsed, reading, rules) -> reading`` (retype.py: the reading with the type its sense gives it).
The senses are data (``senses.jsonl``, next to this module), one row a sense::

    {"id": "meet_goal", "words": ["meet", "met"], "type": "CONSULT", "where": "object",
     "cue": "goal_object", "becomes": null}

A row applies to a hit whose first word is one of ``words`` and whose entry's type is ``type`` (any type
when null), when a word of cue kind ``cue`` (cues.jsonl) stands ``where``: ``before`` the trigger (the word
or two right before it: "a blast", "the need for talks"; "a heart attack" is a compound, see hits.py),
``next`` (the word right after it: "recalled that", "riot police"), or in its ``object`` (the words after it
up to a clause boundary: "met the deadline", "released a report"), after the word ``after`` when one is given
("demand for oil"), or ``then``: right after the word ``after`` that ends the object ("joined X in
condemning"). It then ``becomes`` another PLOVER type ("met the demands": CONCEDE) or, when null, no event.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from diplograph.graph.extract.lexicon import HERE, PLOVER, Rules, _check, load_records
from diplograph.graph.extract.parse import Hit, Parsed
from diplograph.graph.extract.spans import time_phrase_end

if TYPE_CHECKING:
    from diplograph.graph.extract.events import Reading

WHERE = ("before", "next", "object", "then")
SENSE_RELATIONS = (None, "met", "criticizes")  # a sense may assert a relation of its own ("joined Y for talks": met;
# "attacked American plans": criticizes)
THEN_SKIP = frozenset({"a", "an", "the", "their", "his", "her", "its", "working", "private", "informal", "official",
                       "joint", "bilateral", "trilateral"})  # "joined Y for a working lunch"
OBJECT_REACH = 6  # words after the trigger searched for its object ("met its fiscal and budget targets")
#: Where a verb's object ends: punctuation, or a word that opens another phrase or clause
OBJECT_END = frozenset({",", ";", ":", ".", "(", "from", "to", "in", "on", "at", "after", "before", "because",
                        "as", "but", "while", "when", "which", "that", "who", "and", "with"})


@dataclass(frozen=True)
class Sense:
    """One other sense of some trigger words: where its cue words stand and what it makes of the hit."""

    id: str
    words: frozenset[str]
    was: str | None
    where: str
    cue: str
    becomes: str | None
    after: str = ""
    relation: str | None = None


def _sense(path: Path, line: int, obj: dict) -> Sense:
    for key in ("id", "words", "where", "cue"):
        _check(path, line, key in obj, f"missing field {key!r}")
    _check(path, line, obj["where"] in WHERE, f"unknown position {obj['where']!r} (one of {', '.join(WHERE)})")
    for key in ("type", "becomes"):
        _check(path, line, obj.get(key) in (*PLOVER, None), f"unknown PLOVER event type {obj.get(key)!r}")
    _check(path, line, obj["where"] != "then" or bool(obj.get("after")), "position 'then' needs 'after'")
    _check(path, line, obj.get("relation") in SENSE_RELATIONS, f"unknown relation {obj.get('relation')!r}")
    words = obj["words"]
    _check(path, line, isinstance(words, list) and bool(words) and all(isinstance(w, str) and w for w in words),
           "words must be a non-empty list of words")
    return Sense(obj["id"], frozenset(w.lower() for w in words), obj.get("type"), obj["where"], obj["cue"],
                 obj.get("becomes"), obj.get("after", "").lower(), obj.get("relation"))


def load_senses(path: str | Path | None = None) -> tuple[Sense, ...]:
    """Read and validate a sense list (default: the shipped ``senses.jsonl``)."""
    return load_records(Path(path) if path else HERE / "senses.jsonl", _sense)


@lru_cache(maxsize=1)
def default_senses() -> tuple[Sense, ...]:
    """The shipped senses, loaded and validated once per process."""
    return load_senses()


@lru_cache(maxsize=1)
def _by_word() -> dict[str, tuple[Sense, ...]]:
    """The shipped senses by trigger word, in file order (a hit looks up its first word only)."""
    out: dict[str, list[Sense]] = {}
    for s in default_senses():
        for w in sorted(s.words):
            out.setdefault(w, []).append(s)
    return {w: tuple(ss) for w, ss in out.items()}


def sense_of(p: Parsed, hit: Hit, event_type: str, rules: Rules) -> Sense | None:
    """The first sense whose words and cue fit a hit of an entry of ``event_type``, if any."""
    for s in _by_word().get(p.lower[hit.i], ()):
        if s.was in (None, event_type) and _cued(p, hit, s, rules.cue(s.cue)):
            return s
    return None


def _cued(p: Parsed, hit: Hit, s: Sense, words: frozenset[str]) -> bool:
    """Whether a word of ``words`` stands where sense ``s`` looks for it."""
    s0, s1 = p.sents[p.sent_of[hit.i]]
    if s.where == "before":  # one word, or two ("need for talks")
        return any(" ".join(p.lower[hit.i - n:hit.i]) in words for n in (1, 2) if hit.i - n >= s0)
    start = hit.j
    if s.where == "then":
        return _then(p, start, s1, s.after, words)
    if s.after:
        if start >= s1 or p.lower[start] != s.after:
            return False
        start += 1
    if s.where == "next":
        return start < s1 and p.lower[start] in words
    return in_object(p, start, s1, words)


def in_object(p: Parsed, start: int, s1: int, words: frozenset[str], end: frozenset[str] = OBJECT_END) -> bool:
    """Whether one of ``words`` is among the words from ``start`` (a time phrase there skipped: "met on
    Monday the deadline") before the object ends (a word of ``end``, which a cue word may itself be)."""
    first = time_phrase_end(p, start, s1)
    for k in range(first, min(s1, first + OBJECT_REACH)):
        if p.lower[k] in words:
            return True
        if p.lower[k] in end:
            return False
    return False


def _then(p: Parsed, start: int, s1: int, end: str, words: frozenset[str]) -> bool:
    """Whether the object from ``start`` ends at the word ``end`` and a word of ``words`` follows it
    ("joined Germany in condemning": "in", then a gerund)."""
    first = time_phrase_end(p, start, s1)
    k = next((k for k in range(first, min(s1, first + OBJECT_REACH)) if p.lower[k] in OBJECT_END or p.lower[k] == end),
             s1)  # "for" ends the object only where a sense looks for it ("joined Y for talks")
    if k >= s1 or p.lower[k] != end:
        return False
    k += 1
    while k < s1 and p.lower[k] in THEN_SKIP and p.lower[k] not in words:
        k += 1
    return k < s1 and p.lower[k] in words


def cancelled(p: Parsed, hit: Hit, rules: Rules) -> bool:
    """Whether a hit is a trigger word in a sense that names no event ("met the deadline")."""
    s = sense_of(p, hit, rules.trigger(hit.id).event_type, rules)
    return s is not None and s.becomes is None


def sensed(p: Parsed, r: Reading, rules: Rules) -> Reading:
    """The reading with the type its sense gives it ("attacked the plan": DISAPPROVE), itself when no sense
    retypes it. A retyped reading asserts no relation unless the sense names one ("joined Y for talks": met)
    and is directed (the meeting that "met the demands" of Y was no meeting: X conceded to Y)."""
    s = sense_of(p, r.hit, r.trigger.event_type, rules)
    if s is None or s.becomes is None:
        return r
    return replace(r, trigger=replace(r.trigger, event_type=s.becomes, relation=s.relation, direction="actor->target",
                                      strict_target=False))
