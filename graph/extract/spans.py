"""The extractor's internal mention record and small token predicates shared by its stages.

:class:`Span` is richer than :class:`~diplograph.graph.model.Mention` (token range, kind, modifier
flag); it is converted to a ``Mention`` when the extraction is assembled.
"""

from __future__ import annotations

import re
from dataclasses import MISSING, dataclass, fields

from diplograph.graph.extract.parse import Parsed
from diplograph.graph.model import Mention

ACTOR_TYPES = ("State", "Official", "Organization")
MONTHS = frozenset("january february march april may june july august september october november december "
                   "jan feb mar apr jun jul aug sep sept oct nov dec".split())
WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
# words that make a date or time phrase ("On Monday", "Last week", "Earlier this year", "Yesterday"): never a name
TIME_WORDS = WEEKDAYS | frozenset("yesterday today tonight tomorrow earlier later recently meanwhile week weeks "
                                  "weekend month months year years morning afternoon evening night decade "
                                  "fortnight".split())
# words that may open a time phrase but say nothing of time alone ("on", "last", "this" in "earlier this year")
TIME_OPENERS = frozenset("on in at by during since until till through throughout from last next this early late "
                         "mid each every over within".split())
NAME_PARTICLES = frozenset({"bin", "al", "el", "de", "van", "von", "da", "ibn", "del", "la", "le", "du", "der", "abu"})
_INITIAL = re.compile(r"^[A-Z]\.$")


def quick(cls: type) -> type:
    """Give a frozen dataclass a faster ``__init__`` and ``__eq__`` with the same results.

    The generated ``__init__`` sets each field with ``object.__setattr__`` (the price of frozen);
    this one fills the instance dict in one call, with the same signature and defaults. ``__eq__``
    compares the instance dicts (which hold exactly the fields) instead of building two tuples of
    every field; ``__hash__`` stays the dataclass's. Used for the records made or compared once per
    mention or trigger; tests compare both with the dataclass's own methods. The class must have
    no ``__post_init__`` and no default factories.
    """
    own = fields(cls)
    if hasattr(cls, "__post_init__") or any(f.default_factory is not MISSING or not f.init for f in own):
        raise TypeError(f"{cls.__name__}: quick() needs plain fields")
    defaults = {f"_d_{f.name}": f.default for f in own if f.default is not MISSING}
    params = ", ".join(f.name if f.default is MISSING else f"{f.name}=_d_{f.name}" for f in own)
    body = ", ".join(f"{f.name}={f.name}" for f in own)
    exec(f"def __init__(self, {params}):\n    self.__dict__.update({body})\n", defaults)  # noqa: S102
    cls.__init__ = defaults["__init__"]
    cls.__init__.__qualname__ = f"{cls.__qualname__}.__init__"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return self.__dict__ == other.__dict__
        return NotImplemented

    cls.__eq__ = __eq__
    return cls


@quick
@dataclass(frozen=True)
class Span:
    """A mention inside the extractor.

    Attributes:
        i, j: Token range [i, j).
        kind: How it was found: a gazetteer kind (label, alias, adjective, demonym, prefix, metonym,
            surname) or a discovery rule (title+name, office, organization, acronym, agreement, outlet).
        modifier: True for an adjective that only qualifies a person or an agreement ("Russian" in
            "Russian Foreign Minister Igor Ivanov"); it names the state but is not an actor itself.
        name: Canonical name of a discovered entity.
        subtype: Organization or Agreement subtype, when known.
        state_origin: "text" when the official's state was read in the text, else "gazetteer".
    """

    i: int
    j: int
    start: int
    end: int
    sent: int
    type: str
    kind: str
    candidates: tuple[str, ...] = ()
    eid: str | None = None
    role: str | None = None
    office: bool = True
    state: str | None = None
    place: bool = False
    modifier: bool = False
    name: str | None = None
    subtype: str | None = None
    plural: bool = False
    state_origin: str = "text"

    def with_(self, **changes) -> "Span":
        """A copy with some fields changed (``dataclasses.replace`` without its per-call checks:
        this runs for most mentions of long documents)."""
        new = object.__new__(Span)
        new.__dict__.update(self.__dict__, **changes)
        return new


def to_mention(span: Span, text: str) -> Mention:
    """The public record of a span.

    Filled like :meth:`Span.with_`, without the frozen dataclass's ``__init__`` (one
    ``object.__setattr__`` per field): this runs once per mention of the document. ``Mention``
    has no ``__post_init__`` to skip; a test compares the result with the constructor's.
    """
    new = object.__new__(Mention)
    new.__dict__.update(start=span.start, end=span.end, text=text[span.start:span.end], type=span.type,
                        entity_id=span.eid, rule=span.kind, sentence=span.sent, candidates=span.candidates,
                        role=span.role, state=span.state, place=span.place)
    return new


def is_cap(word: str) -> bool:
    """A capitalised word that can be part of a proper name ("Ivanov", "Moo", "W.")."""
    return bool(word) and word[0].isupper() and (any(c.isalpha() for c in word)) and word.upper() != word.lower() \
        and (len(word) > 1 or word.isalpha())


def time_phrase_end(p: Parsed, a: int, b: int) -> int:
    """End token of the date or time phrase opening tokens [a, b) ("On Monday", "In March 2001",
    "Earlier this year", "Yesterday"); ``a`` when none opens there. A month or number counts only
    after another word of the phrase ("May" alone may be a name)."""
    end = a
    for k in range(a, b):
        w = p.lower[k]
        if w in TIME_WORDS or (k > a and (w in MONTHS or w[:1].isdigit())):
            end = k + 1
        elif w not in TIME_OPENERS:
            break
    return end


_OPENERS = frozenset({"I", "The", "A", "An", "In", "On", "At", "But", "And", "Yet", "With"})  # capitalised, no name


def is_name_token(p: Parsed, k: int) -> bool:
    """A token that may continue a person's name (not a month, weekday or other time word)."""
    w = p.words[k]
    if p.lower[k] in MONTHS or p.lower[k] in TIME_WORDS or w in _OPENERS:
        return False
    return is_cap(w) or bool(_INITIAL.match(w))


def name_run(p: Parsed, k: int, stop: set[int], limit: int = 5) -> int:
    """End token of a proper-name run starting at k (k itself when none)."""
    j = k
    sent_end = p.sents[p.sent_of[k]][1] if k < len(p.words) else k
    while j < sent_end and j - k - p.words[k:j].count("-") < limit and j not in stop:  # hyphens join, never count
        if is_name_token(p, j):
            j += 1
        elif p.words[j] == "-" and j > k and j + 1 < sent_end and p.ends[j - 1] == p.starts[j] \
                and p.ends[j] == p.starts[j + 1] and p.words[j + 1][:1].isalpha():
            j += 2  # "Moo-hyun", "Ordyn-Nashchokin"
        elif p.lower[j] in NAME_PARTICLES and j > k and j + 1 < sent_end and is_cap(p.words[j + 1]):
            j += 1
        elif p.lower[j] in NAME_PARTICLES and j > k and j + 2 < sent_end and p.words[j + 1] == "-" \
                and p.ends[j] == p.starts[j + 1] and p.ends[j + 1] == p.starts[j + 2] and is_cap(p.words[j + 2]):
            j += 2  # "Abdullatif al-Zayani": the particle and its hyphen, then the name goes on
        else:
            break
    return j

