"""Date expressions: find them in text and resolve them against the publication date.

Stage contract: ``find_dates(text, start, end, reference) -> list[DateMention]`` reads
``text[start:end]`` and returns non-overlapping mentions with absolute offsets, so
``text[m.start:m.end] == m.text``. Each mention is resolved to a :class:`PartialDate` of the
precision the text supports, never finer: "January 7" gives a day only because the reference
supplies the year; "last week" gives a month; "this past summer" gives a year. Expressions that
cannot be placed ("in the 17th century", "yesterday" with no reference) keep ``date=None``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from diplograph.graph.extract.date_resolvers import (  # noqa: F401  (MONTHS, WEEKDAYS, SEASON_END: re-exported)
    MONTHS,
    SEASON_END,
    WEEKDAYS,
    Resolver,
    _bare_year,
    _day_month,
    _day_month_year,
    _last_week,
    _month_alone,
    _month_year,
    _numeric,
    _relative_day,
    _relative_month,
    _relative_year,
    _season,
    _unplaced,
    _weekday,
)
from diplograph.graph.model import PartialDate

KINDS = ("day", "month", "year", "relative", "weekday", "season", "century")

_FULL = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_ABBR = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\."
_MONTH = rf"(?P<month>{_FULL}|{_ABBR})"
_MONTH_D = rf"(?P<month>{_FULL}|{_ABBR}|{_ABBR[:-2]})"  # before a day number the dot may be dropped
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:1[0-9]|20)\d\d)"
# Words after which a bare year or month name is read as a date, not a quantity or a verb;
# patterns that need one match it and mark the date itself as the group "core".
_CONTEXT_WORDS = ("[Ii]n", "[Ss]ince", "[Uu]ntil", "[Tt]ill", "[Bb]y", "[Ff]rom", "[Tt]o", "[Tt]hrough", "[Dd]uring",
                  "[Bb]efore", "[Aa]fter", "of", "[Ee]arly", "[Ll]ate", "[Aa]round", "[Bb]etween", "and", "year",
                  "[Ee]nd of")
_CONTEXT = r"\b(?:" + "|".join(_CONTEXT_WORDS) + r")\s+"
# "May" alone is also a verb and a surname ("talks with May"): it needs a stricter context.
_MAY_CONTEXT = r"\b(?:[Ii]n|[Ss]ince|[Uu]ntil|[Ee]arly|[Ll]ate|[Ee]nd of)\s+"
_MONTH_NOT_MAY = _MONTH.replace("|May|", "|")
_COUNTED = "troops|people|soldiers|men|tons|km|miles"  # "by 2000 troops" is a number

_SEASON = r"(?P<season>summer|fall|autumn|winter|spring)"
_WEEKDAY = r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"


@dataclass(frozen=True)
class DateMention:
    """A date expression found in text.

    Attributes:
        start: Absolute start offset.
        end: Absolute end offset.
        text: ``text[start:end]``.
        date: The resolved date, or None when it cannot be placed.
        kind: One of KINDS: how the expression names its date.
    """

    start: int
    end: int
    text: str
    date: PartialDate | None
    kind: str


_B = r"(?<![\w.])"  # no word character (or date punctuation) right before
_E = r"(?!\w)"
# What every match of a pattern contains: a pattern is only run on text that holds one of the words
# of each of its gates (most sentences name no month, season or weekday). Plain substring tests, as
# regular expressions with alternatives cost more than the patterns they would spare.
GATES: dict[str, tuple[str, ...]] = {
    "month": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),  # begin _FULL, _ABBR
    "digit": tuple("0123456789"),
    "decade": ("0s",),
    "century": ("century",),
    "season": ("summer", "fall", "autumn", "winter", "spring"),
    "month-word": ("month",),
    "year-word": ("year",),
    "week-word": ("week",),
    "day-word": ("Yesterday", "yesterday", "Today", "today", "Tomorrow", "tomorrow", "Tonight", "tonight"),
    "weekday": tuple(day.capitalize() for day in WEEKDAYS),
    # narrower gates for patterns whose every match holds more than the words above
    "may": ("May",),
    "year-digits": ("10", "11", "12", "13", "14", "15", "16", "17", "18", "19", "20"),  # begin _YEAR
    "modifier": ("ast", "ext", "his"),  # in [Ll]ast, [Pp]ast, [Nn]ext, [Tt]his
    "new": ("new",),
}
PATTERNS: tuple[tuple[str, tuple[str, ...], str, Resolver], ...] = (
    ("day", ("month", "year-digits"), rf"{_B}{_MONTH_D}\s+{_DAY},?\s+{_YEAR}{_E}", _day_month_year),
    ("day", ("month", "year-digits"), rf"{_B}{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}{_E}", _day_month_year),
    ("day", ("digit",), rf"{_B}(?P<year>\d{{4}})-(?P<mon>\d\d)-(?P<day>\d\d){_E}", _numeric),
    ("day", ("digit",), rf"{_B}(?P<day>\d\d?)\.(?P<mon>\d\d?)\.(?P<year>\d{{4}}){_E}", _numeric),
    ("month", ("month", "year-digits"), rf"{_B}{_MONTH},?\s+(?:of\s+)?{_YEAR}{_E}", _month_year),
    ("day", ("month", "digit"), rf"{_B}{_MONTH_D}\s+{_DAY}{_E}", _day_month),
    ("day", ("month", "digit"), rf"{_B}{_DAY}\s+(?:of\s+)?{_MONTH}{_E}", _day_month),
    ("century", ("century",),
     r"\b(?:[Ii]n\s+)?(?:the\s+)?(?:early\s+|late\s+|mid-)?\d{1,2}(?:st|nd|rd|th)[\s-]century\b", _unplaced),
    ("century", ("decade",), r"\b(?:the\s+)?(?:early\s+|late\s+|mid-)?(?:19|20)\d0s\b", _unplaced),
    ("season", ("season", "modifier"),
     rf"\b(?P<mod>[Tt]his past|[Tt]his last|[Tt]he past|[Ll]ast|[Tt]his|[Nn]ext)\s+{_SEASON}\b", _season),
    ("relative", ("month-word", "modifier"), r"\b(?P<mod>[Ll]ast|[Nn]ext|[Tt]his|[Pp]ast)\s+month\b", _relative_month),
    ("relative", ("year-word", "modifier"), r"\b(?P<mod>[Ll]ast|[Nn]ext|[Tt]his)\s+year\b", _relative_year),
    ("relative", ("year-word", "new"), r"\b[Tt]he\s+(?P<mod>new)\s+year\b", _relative_year),
    ("month", ("month",), rf"{_CONTEXT}(?P<core>(?:(?P<mod>last|next)\s+)?{_MONTH_NOT_MAY}){_E}", _month_alone),
    ("month", ("may",), rf"{_MAY_CONTEXT}(?P<core>(?P<month>May))(?!\w|['\u2019]s)", _month_alone),
    ("month", ("month", "modifier"), rf"\b(?P<mod>[Ll]ast|[Nn]ext)\s+{_MONTH}{_E}", _month_alone),
    ("year", ("digit", "year-digits"), rf"(?:{_CONTEXT}|\bmid-)(?P<core>{_YEAR}){_E}(?!\s*(?:{_COUNTED}))", _bare_year),
    ("relative", ("week-word", "modifier"), r"\b[Ll]ast\s+week\b", _last_week),
    ("relative", ("day-word",), r"\b(?:[Yy]esterday|[Tt]oday|[Tt]omorrow|[Tt]onight)\b", _relative_day),
    ("weekday", ("weekday",), rf"\b{_WEEKDAY}\b", _weekday),
)
_COMPILED = tuple((kind, frozenset(gates), re.compile(rx), fn) for kind, gates, rx, fn in PATTERNS)


def _holds(chunk: str, words: tuple[str, ...]) -> bool:
    """Whether one of the words occurs in the chunk (a loop: ``any()`` over a generator costs more)."""
    for word in words:
        if word in chunk:
            return True
    return False


def gates_in(text: str, start: int, end: int) -> frozenset[str]:
    """The GATES open in ``text[start:end]``."""
    chunk = text[start:end]
    return frozenset(name for name, words in GATES.items() if _holds(chunk, words))


def _candidates(text: str, start: int, end: int, ref: PartialDate | None) -> list[tuple[int, int, int, DateMention]]:
    found = []
    chunk = text[start:end]
    known: dict[str, bool] = {}  # the gates tested so far: a gate is read only when a pattern needs it
    for rank, (kind, gates, rx, fn) in enumerate(_COMPILED):
        for gate in gates:
            open_ = known.get(gate)
            if open_ is None:
                open_ = known[gate] = _holds(chunk, GATES[gate])
            if not open_:
                break
        else:
            for m in rx.finditer(text, start, end):
                a, b = m.span("core") if "core" in rx.groupindex else m.span()
                found.append((a, a - b, rank, DateMention(a, b, text[a:b], fn(m, ref), kind)))
    return sorted(found, key=lambda c: c[:3])


def find_dates(text: str, start: int = 0, end: int | None = None,
               reference: PartialDate | None = None) -> list[DateMention]:
    """Find the date expressions in ``text[start:end]``.

    Args:
        text: The whole document text (offsets returned are absolute).
        start: Where to start reading.
        end: Where to stop reading (default: end of text).
        reference: The publication date relative expressions are resolved against.

    Returns:
        Non-overlapping mentions in text order; the longest match wins at a position.
    """
    end = len(text) if end is None else end
    kept: list[DateMention] = []
    for _, _, _, mention in _candidates(text, start, end, reference):
        if not kept or mention.start >= kept[-1].end:
            kept.append(mention)
    return kept


def normalise(expr: str, reference: PartialDate | None = None) -> PartialDate | None:
    """Resolve one date expression on its own.

    >>> normalise("January 7", PartialDate(2002, 1)).iso()
    '2002-01-07'
    >>> normalise("this past summer", PartialDate(2002, 1)).iso()
    '2001'
    """
    stripped = expr.strip()
    for probe in (stripped, "in " + stripped):
        offset = len(probe) - len(stripped)
        for m in find_dates(probe, 0, len(probe), reference):
            # the mention must end the expression; before it only a preposition or two ("on", "in early")
            if m.end == len(probe) and _LEAD.fullmatch(probe[offset:max(m.start, offset)]):
                return m.date
    return None


_LEAD = re.compile(r"(?:[A-Za-z]+\s+){0,2}")


def latest(mentions: list[DateMention]) -> PartialDate | None:
    """The latest resolved date among the mentions (None if none resolved)."""
    dates = [m.date for m in mentions if m.date is not None]
    return max(dates, default=None)
