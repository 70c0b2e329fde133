"""Who an unnamed office or a bare surname names on the document's date.

Helpers of linking.py, pure functions over the gazetteer:
``office_holders(gazetteer, state, role_class, on or frame, title) -> ids`` and
``surname_choice(candidates, sharers, seen, gazetteer, on) -> (id or None, decided)``.

An unnamed office ("the Iraqi prime minister", "the US vice president") is a person only when
the gazetteer knows whose office it was on the date: first an office whose own role is the
mention's title ("Vice President" = "vice-president", "Finance Minister" = "Minister of
Finance"), else an office of the class the title names (head_of_state, foreign_minister, ...).
Phoenix's unspecified roles ("Government member", "Official", class "other", whatever the
portfolio) never match by title, and class "other" never makes a holder by class: "a French
minister" is France. Two holders of the matching office leave the mention ambiguous.

A bare surname ("Abbas said") names, in order: the official named in full earlier in the text;
the one candidate in office on the date; else the one official in office who bears that name
without a gazetteer surname (the Phoenix import withholds a surname that a curated official
already uses, so that official alone is a candidate even in years he held no office); else,
with no one in office, the candidates as before. An undated text has no "on": there ``framed``
and ``surname_choice(frame=...)`` read "in office" as an office overlapping the time the text
speaks of (timeframe.py).
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # timeframe.py imports this module
    from diplograph.graph.extract.timeframe import Frame

# states whose officials are named family name first ("Hu Jintao"): a label's last word there is
# a given name, never a surname (the same list the Phoenix import uses)
FAMILY_NAME_FIRST = frozenset({"china", "taiwan", "north_korea", "south_korea", "vietnam", "mongolia",
                               "singapore", "hungary", "cambodia", "myanmar"})


# the Phoenix import's roles, which name no portfolio (ontology/gazetteer/officials_phoenix.jsonl)
UNSPECIFIED_ROLES = frozenset({"government member", "official"})
_SPELLING = {"defence": "defense"}


@lru_cache(maxsize=4096)
def title_key(title: str) -> str:
    """A role title folded for comparison: "Vice-President" and "vice president" agree, and so
    do "Minister of Finance", "Minister for Finance" and "Finance Minister"."""
    words = [_SPELLING.get(w, w) for w in re.sub(r"[\s\-\u2010-\u2015]+", " ", title.casefold()).split()]
    if len(words) > 2 and words[0] == "minister" and words[1] in ("of", "for"):
        rest = words[3:] if words[2] == "the" and len(words) > 3 else words[2:]
        words = [*rest, "minister"]
    return " ".join(words)


def office_holders(gazetteer, state: str, role_class: str | None, when: date | Frame,
                   title: str | None = None) -> list[str]:
    """Officials of ``state`` holding an office titled ``title`` (Phoenix's unspecified roles aside) on the
    day ``when`` (in an undated text: at some time in its frame, timeframe.py), else, with none, an office
    of ``role_class`` (never "other")."""
    titled = titled_holders(gazetteer, state, title, when) if title else []
    if titled:
        return titled
    if not role_class or role_class == "other":
        return []
    if isinstance(when, date):
        return sorted({oid for oid in gazetteer.holders(state, role_class, when)
                       if any(o.of == state and o.role_class == role_class for o in gazetteer.offices(oid, when))})
    return sorted({oid for pairs in _offices_of(gazetteer, state).values() for oid, o in pairs
                   if o.role_class == role_class and when.meets(o.start, o.end)})


def titled_holders(gazetteer, state: str, title: str, when: date | Frame) -> list[str]:
    """Officials of ``state`` whose office held on the day ``when`` (or in the frame) has the role ``title``
    (``title_key``)."""
    key = title_key(title)
    if key in UNSPECIFIED_ROLES:
        return []
    return sorted({oid for oid, o in _offices_of(gazetteer, state).get(key, ()) if _during(o, when)})


def _during(office, when: date | Frame) -> bool:
    """Whether the office was held on the day, or at some time in the frame."""
    return office.held_on(when) if isinstance(when, date) else when.meets(office.start, office.end)


_OFFICES: dict[str, dict[str, dict[str, tuple]]] = {}


def _offices_of(gazetteer, state: str) -> dict[str, tuple]:
    """``title_key`` of a role -> the (official id, office) pairs of ``state`` with that role,
    cached per gazetteer version (a bare office is looked up once per mention: its title is
    folded once here, not once per office of the state on every lookup)."""
    index = _OFFICES.get(gazetteer.version)
    if index is None:
        found: dict[str, dict[str, list]] = {}
        for rid in sorted(gazetteer.records):
            for o in gazetteer.offices(rid):
                found.setdefault(o.of, {}).setdefault(title_key(o.role), []).append((rid, o))
        index = {k: {t: tuple(v) for t, v in by_title.items()} for k, by_title in found.items()}
        _OFFICES.clear()
        _OFFICES[gazetteer.version] = index
    return index.get(state, {})


def in_office(gazetteer, ids, on: date | None) -> list[str]:
    """The officials among ``ids`` who held some office on ``on``."""
    if gazetteer is None or on is None:
        return []
    return [i for i in ids if gazetteer.type_of(i) == "Official" and gazetteer.offices(i, on)]


def framed(gazetteer, ids, frame: Frame | None, role_class: str | None = None) -> list[str]:
    """The officials among ``ids`` with an office overlapping ``frame`` (an undated text's time,
    timeframe.py): an office of ``role_class`` when the official ever held one, else any."""
    if gazetteer is None or frame is None:
        return []
    out = []
    for i in ids:
        offices = gazetteer.offices(i) if gazetteer.type_of(i) == "Official" else []
        if role_class and role_class != "other":
            offices = [o for o in offices if o.role_class == role_class] or offices
        if any(frame.meets(o.start, o.end) for o in offices):
            out.append(i)
    return out


_SHARERS: dict[str, dict[str, tuple[str, ...]]] = {}


def sharers(gazetteer, word: str) -> tuple[str, ...]:
    """Officials with no gazetteer surname whose label or an alias ends in ``word`` ("Abbas" for
    Mahmoud Abbas), family-name-first states left out."""
    if gazetteer is None:
        return ()
    index = _SHARERS.get(gazetteer.version)
    if index is None:
        index = _sharer_index(gazetteer)
        _SHARERS.clear()
        _SHARERS[gazetteer.version] = index
    return index.get(word, ())


def _sharer_index(gazetteer) -> dict[str, tuple[str, ...]]:
    out: dict[str, set[str]] = {}
    for rid, rec in gazetteer.records.items():
        if rec["type"] != "Official" or rec.get("surname"):
            continue
        if any(o.of in FAMILY_NAME_FIRST for o in gazetteer.offices(rid)):
            continue
        for name in [rec["label"], *rec.get("aliases", [])]:
            last = name.split()[-1] if name.split() else ""
            for form in {last, last.removeprefix("al-").removeprefix("el-")}:
                if len(form) >= 4:
                    out.setdefault(form, set()).add(rid)
    return {k: tuple(sorted(v)) for k, v in out.items()}


def surname_choice(candidates: tuple[str, ...], others: tuple[str, ...], seen: set[str], gazetteer,
                   on: date | None, role_class: str | None = None,
                   frame: Frame | None = None) -> tuple[str | None, bool]:
    """(chosen id, decided) for a bare surname; decided False leaves the old rules to choose.

    Args:
        candidates: The gazetteer officials with that surname.
        others: Officials bearing the name without a gazetteer surname (``sharers``).
        seen: Ids linked earlier in the document.
        role_class: The class of the title before the surname ("Prime Minister Allawi"), if any:
            an official bearing the name must hold an office of that class on the date, and it
            decides between several candidates in office.
        frame: An undated text's time (``on`` None): "in office" then means an office (of
            ``role_class``, when held) overlapping it.
    """
    earlier = [c for c in (*candidates, *others) if c in seen]
    if len(earlier) == 1:
        return earlier[0], True
    if on is None and frame is not None:
        return _framed_choice(candidates, others, gazetteer, role_class, frame)
    if role_class and role_class != "other":
        others = tuple(o for o in others if _holds(gazetteer, o, role_class, on))
    for pool in (candidates, others):
        current = in_office(gazetteer, pool, on)
        if len(current) > 1 and role_class:
            current = [c for c in current if _holds(gazetteer, c, role_class, on)] or current
        if current:
            return (current[0] if len(current) == 1 else None), True
    return None, False


def _holds(gazetteer, oid: str, role_class: str, on: date | None) -> bool:
    return on is not None and any(o.role_class == role_class for o in gazetteer.offices(oid, on))


def _framed_choice(candidates: tuple[str, ...], others: tuple[str, ...], gazetteer, role_class: str | None,
                   frame: Frame) -> tuple[str | None, bool]:
    """``surname_choice`` in an undated text: the one candidate, else the one official bearing
    the name, whose office fits the frame; several fitting leave it unresolved."""
    if role_class and role_class != "other":  # as on a date: one bearing the name must hold the title's class
        others = tuple(o for o in others if any(f.role_class == role_class for f in gazetteer.offices(o)))
    for pool in (candidates, others):
        current = framed(gazetteer, pool, frame, role_class)
        if current:
            return (current[0] if len(current) == 1 else None), True
    return None, False


#: Role classes whose holder's "administration" is his state's government ("the Bush administration").
LEADERS = frozenset({"head_of_state", "head_of_government"})


def shared_state(gazetteer, ids: tuple[str, ...], title: str | None = None,
                 classes: frozenset[str] = frozenset()) -> str | None:
    """The one state every candidate served in an office titled ``title`` (or of one of ``classes``),
    at any time: "President Bush" in an undated text is one of two presidents of the United States,
    either way the United States; None when some candidate held no such office or the states differ."""
    if gazetteer is None or not ids or (title is None and not classes):
        return None
    key = title_key(title) if title else None
    states = set()
    for i in ids:
        held = {o.of for o in gazetteer.offices(i) if (key is not None and title_key(o.role) == key)
                or o.role_class in classes}
        if not held or gazetteer.type_of(next(iter(held))) != "State":
            return None
        states |= held
    return next(iter(states)) if len(states) == 1 else None
