"""The gazetteer: states, organizations, outlets, agreements and officials, loaded from JSONL.

Each file in this folder holds one JSON object per line (schema: GAZETTEER.md, README.md here).
:func:`load` reads and validates them once and precomputes the indexes every query uses; a
malformed file raises :class:`~diplograph.graph.errors.DataFileError` naming the file and line.

Dates on memberships, parties and offices are half-open intervals ``[start, end)``: a day-precise
``end`` is the first day no longer covered ("left on 2020-01-31"), while an ``end`` known only to
the month or year covers that whole month or year. A missing ``start`` means "since always".
"""

from __future__ import annotations

import functools
import hashlib
import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from types import MappingProxyType
from typing import Mapping

from diplograph.graph.model import PartialDate
from diplograph.ontology.gazetteer import _checks
from diplograph.ontology.gazetteer._checks import Where

FOLDER = Path(__file__).resolve().parent
# File name -> record types it may hold. officials.jsonl may be absent.
FILES = {
    "states.jsonl": ("State",), "organizations.jsonl": ("Organization",),
    "outlets.jsonl": ("Organization",), "agreements.jsonl": ("Agreement",),
    "officials.jsonl": ("Official",),
}
ROLE_ORDER = _checks.CHOICES["role_class"]


@dataclass(frozen=True)
class Office:
    """An office an official held: ``role`` as news writes it, ``of`` a state or organization id."""

    role: str
    role_class: str
    of: str
    start: PartialDate | None
    end: PartialDate | None

    def held_on(self, on: date) -> bool:
        return covers(self.start, self.end, on)


def _date(text: str | None) -> PartialDate | None:
    return _checks.parse_date(text) if text else None


def _after(end: PartialDate) -> date:
    """First day no longer covered by an interval ending at ``end``."""
    if end.day:
        return end.first_day()
    if end.month:
        return date(end.year + (end.month == 12), end.month % 12 + 1, 1)
    return date(end.year + 1, 1, 1)


def covers(start: PartialDate | None, end: PartialDate | None, on: date) -> bool:
    """True when ``on`` falls in ``[start, end)`` (see the module docstring)."""
    return (start is None or start.first_day() <= on) and (end is None or on < _after(end))


@dataclass(frozen=True)
class _Span:
    """One membership, party or office interval: who, in what, from when to when."""

    who: str
    what: str
    start: PartialDate | None
    end: PartialDate | None


def _fold(form: str) -> str | None:
    """Case-folded key, or None for acronyms ("US", "NATO") that must match exactly."""
    return form.casefold() if any(c.islower() for c in form) else None


class Gazetteer:
    """Validated gazetteer records with precomputed indexes. Treat ``records`` as read-only."""

    def __init__(self, records: dict[str, dict], version: str):
        self.records: Mapping[str, dict] = MappingProxyType(records)
        self.version = version
        self._exact: dict[str, set[str]] = {}
        self._folded: dict[str, set[str]] = {}
        self._forms: list[tuple[str, str, str, str]] = []
        self._members: list[_Span] = []
        self._parties: list[_Span] = []
        self._offices: dict[str, list[Office]] = {}
        for rec in records.values():
            self._index(rec)
        self._forms = sorted(set(self._forms))

    def _index(self, rec: dict) -> None:
        rid = rec["id"]
        for form, kind in _checks.surfaces(rec):
            self._forms.append((form, rec["type"], rid, kind))
            if kind in ("label", "alias"):
                self._exact.setdefault(form, set()).add(rid)
                if (key := _fold(form)) is not None:
                    self._folded.setdefault(key, set()).add(rid)
        for m in rec.get("members") or []:
            self._members.append(_Span(m["state"], rid, _date(m.get("start")), _date(m.get("end"))))
        for p in rec.get("parties") or []:
            start = _date(p.get("signed") or p.get("start"))  # a signatory is a party from signing
            self._parties.append(_Span(p["state"], rid, start, _date(p.get("end"))))
        if rec.get("offices"):
            self._offices[rid] = [
                Office(o["role"], o.get("role_class", "other"), o["of"], _date(o.get("start")),
                       _date(o.get("end")))
                for o in rec["offices"]
            ]

    def get(self, id: str) -> dict | None:
        return self.records.get(id)

    def type_of(self, id: str) -> str | None:
        rec = self.records.get(id)
        return rec["type"] if rec else None

    def surface_forms(self) -> list[tuple[str, str, str, str]]:
        """Every (surface, type, id, kind), sorted; kind in label|alias|adjective|demonym|prefix|
        metonym|surname."""
        return list(self._forms)

    def lookup(self, surface: str) -> frozenset[str]:
        """Ids whose label or alias equals ``surface``: exactly, else case-folded.

        The folded fallback applies only when ``surface`` has a capital letter ("THE UNITED STATES"
        but not "turkey") and never to all-capital forms ("us" is not "US").
        """
        if surface in self._exact:
            return frozenset(self._exact[surface])
        if not any(c.isupper() for c in surface):
            return frozenset()
        return frozenset(self._folded.get(surface.casefold(), ()))

    def offices(self, official_id: str, on: date | None = None) -> list[Office]:
        """The official's offices, those held on ``on`` when given."""
        return [o for o in self._offices.get(official_id, []) if on is None or o.held_on(on)]

    def holders(self, of: str, role_or_class: str, on: date) -> list[str]:
        """Officials who held that role (title or role class) of ``of`` on that date."""
        return sorted(
            oid for oid, offices in self._offices.items()
            if any(o.of == of and role_or_class in (o.role, o.role_class) and o.held_on(on)
                   for o in offices)
        )

    def members(self, org_id: str, on: date | None = None) -> list[str]:
        """States that were members of the organization (on that date, or ever)."""
        return _who(self._members, org_id, on)

    def memberships(self, state_id: str, on: date | None = None) -> list[str]:
        """Organizations the state belonged to (on that date, or ever)."""
        return sorted({s.what for s in self._members
                       if s.who == state_id and (on is None or covers(s.start, s.end, on))})

    def parties(self, agreement_id: str, on: date | None = None) -> list[str]:
        """Parties to the agreement (on that date, or ever); a signatory counts from signing."""
        return _who(self._parties, agreement_id, on)

    def exists_on(self, id: str, on: date) -> bool:
        """True when the entity existed on that date (a state's start/end, an organization's
        founded/dissolved); lets a linker drop "Moscow" -> soviet_union in a 2002 text."""
        rec = self.records.get(id)
        if rec is None:
            return False
        start, end = rec.get("start") or rec.get("founded"), rec.get("end") or rec.get("dissolved")
        return covers(_date(start), _date(end), on)

    def state_of(self, id: str, on: date | None = None) -> str | None:
        """The state an official serves (by office on that date), or a body's or outlet's state."""
        rec = self.records.get(id)
        if rec is None or rec["type"] == "Agreement":
            return None
        if rec["type"] == "State":
            return id
        if rec["type"] == "Organization":
            return rec.get("state")
        return self._official_state(id, on)

    def _official_state(self, id: str, on: date | None) -> str | None:
        offices = [o for o in self._offices.get(id, []) if self.type_of(o.of) == "State"]
        current = [o for o in offices if on is None or o.held_on(on)] or offices
        if not current:
            return None
        best = min(current, key=lambda o: (ROLE_ORDER.index(o.role_class)
                                           if o.role_class in ROLE_ORDER else len(ROLE_ORDER),
                                           -(o.start.first_day().toordinal() if o.start else 0)))
        return best.of


def _who(spans: list[_Span], what: str, on: date | None) -> list[str]:
    return sorted({s.who for s in spans if s.what == what and (on is None or covers(s.start, s.end, on))})


def read(folder: Path) -> tuple[list[tuple[dict, Where]], str]:
    """Parse every gazetteer file in ``folder``; return (record, where) pairs and the version."""
    entries: list[tuple[dict, Where]] = []
    digest = hashlib.sha256()
    for name, types in FILES.items():
        path = folder / name
        if not path.exists():
            continue
        data = path.read_bytes()
        digest.update(name.encode() + b"\0" + data + b"\0")
        for rec, where in _parse_lines(str(path), data.decode("utf-8")):
            _checks.check_record(rec, where, types)
            entries.append((rec, where))
    return entries, digest.hexdigest()


def _parse_lines(path: str, text: str) -> list[tuple[object, Where]]:
    """Decode a JSONL text in one call (fast); on failure, line by line to name the bad line."""
    numbered = [(n, line) for n, line in enumerate(text.splitlines(), 1) if line.strip()]
    try:
        values = json.loads("[" + ",".join(line for _, line in numbered) + "]")
        if len(values) == len(numbered):
            return [(v, Where(path, n)) for v, (n, _) in zip(values, numbered)]
    except json.JSONDecodeError:
        pass
    out = []
    for number, line in numbered:
        try:
            out.append((json.loads(line), Where(path, number)))
        except json.JSONDecodeError as exc:
            raise Where(path, number).error(f"bad JSON: {exc.msg} (column {exc.colno})") from None
    return out


def validate(entries: list[tuple[dict, Where]], strict: bool = True) -> list[str]:
    """Run the cross-record checks; return dangling-reference messages (raise when strict)."""
    _checks.check_unique(entries)
    _checks.check_clashes(entries)
    problems = _checks.dangling(entries, {rec["id"]: rec["type"] for rec, _ in entries})
    if problems and strict:
        raise problems[0]
    return [str(p) for p in problems]


def load(folder: str | Path | None = None) -> Gazetteer:
    """Load and validate the gazetteer in ``folder`` (default: the shipped one, cached)."""
    if folder is None:
        return _load_default()
    return _load(Path(folder))


@functools.lru_cache(maxsize=1)
def _load_default() -> Gazetteer:
    return _load(FOLDER)


def _load(folder: Path) -> Gazetteer:
    entries, version = read(folder)
    validate(entries)
    return Gazetteer({rec["id"]: rec for rec, _ in entries}, version)


__all__ = ["FILES", "FOLDER", "Gazetteer", "Office", "covers", "load", "read", "validate"]
