"""Date resolvers: turn a matched date expression into a :class:`PartialDate` against the reference.

Helpers of dates.py, pure functions ``(match, reference) -> PartialDate | None``, one per pattern
shape: a date of the precision the text supports, never finer ("January 7" takes its year from the
reference; "last week" gives a month), None when the expression cannot be placed.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import timedelta

from diplograph.graph.model import PartialDate

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}
WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
}
# Last month of each season (northern hemisphere; winter is reported under the year it ends in).
SEASON_END: dict[str, int] = {"spring": 5, "summer": 8, "fall": 11, "autumn": 11, "winter": 2}


Resolver = Callable[[re.Match, PartialDate | None], PartialDate | None]


def _month(m: re.Match) -> int:
    return MONTHS[m.group("month").rstrip(".").lower()]


def _valid(year: int, month: int = 0, day: int = 0) -> PartialDate | None:
    try:
        return PartialDate.parse(PartialDate(year, month, day).iso())
    except ValueError:
        return None


def _year_for_month(month: int, ref: PartialDate | None) -> int | None:
    """The year of the latest ``month`` not after the reference (a later month is last year's)."""
    if ref is None:
        return None
    if ref.month and month > ref.month:
        return ref.year - 1
    return ref.year


def _day_month_year(m: re.Match, ref: PartialDate | None) -> PartialDate | None:
    return _valid(int(m.group("year")), _month(m), int(m.group("day")))


def _month_year(m: re.Match, ref: PartialDate | None) -> PartialDate | None:
    return _valid(int(m.group("year")), _month(m))


def _day_month(m: re.Match, ref: PartialDate | None) -> PartialDate | None:
    year = _year_for_month(_month(m), ref)
    return None if year is None else _valid(year, _month(m), int(m.group("day")))


def _month_alone(m: re.Match, ref: PartialDate | None) -> PartialDate | None:
    month, year, mod = _month(m), _year_for_month(_month(m), ref), (m.groupdict().get("mod") or "").lower()
    if year is not None and mod == "last" and ref.month == month:
        year -= 1  # "last January" written in January is the previous year's
    if year is not None and mod == "next":
        year = ref.year + (1 if not ref.month or month <= ref.month else 0)
    return None if year is None else _valid(year, month)


def _numeric(m: re.Match, ref: PartialDate | None) -> PartialDate | None:
    return _valid(int(m.group("year")), int(m.group("mon")), int(m.group("day")))


def _bare_year(m: re.Match, ref: PartialDate | None) -> PartialDate | None:
    year = int(m.group("year"))
    return PartialDate(year) if 1900 <= year <= 2099 else None


def _shift_days(ref: PartialDate | None, days: int) -> PartialDate | None:
    """The reference moved by ``days`` when it has day precision, else the reference itself."""
    if ref is None or not ref.day:
        return ref
    d = ref.first_day() + timedelta(days=days)
    return PartialDate(d.year, d.month, d.day)


def _relative_day(m: re.Match, ref: PartialDate | None) -> PartialDate | None:
    word = m.group(0).lower()
    return _shift_days(ref, -1 if word == "yesterday" else 1 if word == "tomorrow" else 0)


def _weekday(m: re.Match, ref: PartialDate | None) -> PartialDate | None:
    if ref is None or not ref.day:
        return ref
    back = (ref.first_day().weekday() - WEEKDAYS[m.group("weekday").lower()]) % 7
    return _shift_days(ref, -back)


def _last_week(m: re.Match, ref: PartialDate | None) -> PartialDate | None:
    if ref is None or not ref.day:
        return ref
    d = ref.first_day() - timedelta(days=7)
    return PartialDate(d.year, d.month)  # a week is not a day: month precision


def _relative_month(m: re.Match, ref: PartialDate | None) -> PartialDate | None:
    if ref is None or not ref.month:
        return None
    step = {"last": -1, "past": -1, "next": 1, "this": 0}[m.group("mod").lower()]
    index = ref.year * 12 + ref.month - 1 + step
    return PartialDate(index // 12, index % 12 + 1)


def _relative_year(m: re.Match, ref: PartialDate | None) -> PartialDate | None:
    if ref is None:
        return None
    step = {"last": -1, "past": -1, "next": 1, "this": 0, "new": 0}[m.group("mod").lower()]
    return PartialDate(ref.year + step)


def _season(m: re.Match, ref: PartialDate | None) -> PartialDate | None:
    """"this past summer": the latest such season already over; "this summer": the reference year's."""
    if ref is None:
        return None
    mod = m.group("mod").lower()
    if mod in ("this", "next"):
        return PartialDate(ref.year + (mod == "next"))
    if not ref.month:
        return None  # a year alone cannot tell whether last summer was this year's or last year's
    end = SEASON_END[m.group("season").lower()]
    return PartialDate(ref.year if ref.month > end else ref.year - 1)


def _unplaced(m: re.Match, ref: PartialDate | None) -> PartialDate | None:
    return None
