"""Who an unnamed office or a bare surname names on the document's date.

Helpers of linking.py, pure functions over the gazetteer:
``office_holders(gazetteer, state, title, role_class, on) -> ids`` and
``surname_choice(candidates, sharers, seen, gazetteer, on) -> (id or None, decided)``.

An unnamed office ("the Iraqi prime minister", "the French foreign minister") is a person only when
the gazetteer knows whose office of that class it was on the date: the office's ``role_class``
must be the class the title names (head_of_state, foreign_minister, ...). Class "other" says
nothing about which office it is (the Phoenix records are "Government member" or "Official",
whatever the portfolio), so it never makes a holder: "a French minister" is France.

A bare surname ("Abbas said") names, in order: the official named in full earlier in the text;
the one candidate in office on the date; else the one official in office who bears that name
without a gazetteer surname (the Phoenix import withholds a surname that a curated official
already uses, so that official alone is a candidate even in years he held no office); else,
with no one in office, the candidates as before.
"""

from __future__ import annotations

from datetime import date

# states whose officials are named family name first ("Hu Jintao"): a label's last word there is
# a given name, never a surname (the same list the Phoenix import uses)
FAMILY_NAME_FIRST = frozenset({"china", "taiwan", "north_korea", "south_korea", "vietnam", "mongolia",
                               "singapore", "hungary", "cambodia", "myanmar"})


def office_holders(gazetteer, state: str, role_class: str | None, on: date) -> list[str]:
    """Officials of ``state`` whose office held on ``on`` is of ``role_class`` (never "other")."""
    if not role_class or role_class == "other":
        return []
    return sorted({oid for oid in gazetteer.holders(state, role_class, on)
                   if any(o.of == state and o.role_class == role_class for o in gazetteer.offices(oid, on))})


def in_office(gazetteer, ids, on: date | None) -> list[str]:
    """The officials among ``ids`` who held some office on ``on``."""
    if gazetteer is None or on is None:
        return []
    return [i for i in ids if gazetteer.type_of(i) == "Official" and gazetteer.offices(i, on)]


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
                   on: date | None, role_class: str | None = None) -> tuple[str | None, bool]:
    """(chosen id, decided) for a bare surname; decided False leaves the old rules to choose.

    Args:
        candidates: The gazetteer officials with that surname.
        others: Officials bearing the name without a gazetteer surname (``sharers``).
        seen: Ids linked earlier in the document.
        role_class: The class of the title before the surname ("Prime Minister Allawi"), if any:
            an official bearing the name must hold an office of that class on the date, and it
            decides between several candidates in office.
    """
    earlier = [c for c in (*candidates, *others) if c in seen]
    if len(earlier) == 1:
        return earlier[0], True
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
