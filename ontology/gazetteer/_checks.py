"""Validation of gazetteer records: every error names the file and line at fault.

The loader reads the JSONL files into ``(record, Where)`` pairs and hands them here; each check
raises :class:`~diplograph.graph.errors.DataFileError` on the first problem it meets.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Iterable, Iterator

from diplograph.graph.errors import DataFileError
from diplograph.graph.model import ENTITY_TYPES, PartialDate

ID_RE = re.compile(r"^[a-z0-9_]+$")
DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
SUBTYPES = {
    "Organization": ("IntergovernmentalOrganization", "GovernmentBody", "MediaOutlet",
                     "NonGovernmentalOrganization", "Company", "ArmedGroup", "PoliticalParty"),
    "Agreement": ("Treaty", "Agreement", "Declaration", "Charter", "Accord"),
}
# An organization's optional "cameo" field: its CAMEO actor code as event-data coders (PLOVER,
# Phoenix) write it, a three-letter category ("IGO", "NGO", "IMG" militant group, "REB" rebels,
# "PTY" party, "MNC" company, "MED" media) optionally followed by three-letter sub-codes
# ("IGOUNO" for a United Nations body). Compare the first three letters with PLOVER's codes.
CAMEO_CATEGORIES = ("IGO", "NGO", "NGM", "IMG", "REB", "OPP", "PTY", "MNC", "MED", "GOV")
CAMEO_RE = re.compile(r"^[A-Z]{3}(?:[A-Z]{3})*$")
CHOICES = {
    "un_status": ("member", "observer", "historical", "other"),
    "status": ("in_force", "terminated", "not_in_force", "superseded", "suspended"),
    "change": ("signed", "ratified", "entered_into_force", "withdrawal_announced", "withdrew",
               "suspended", "terminated", "expired"),
    "role_class": ("head_of_state", "head_of_government", "foreign_minister", "defense_minister",
                   "deputy_foreign_minister", "interior_minister", "other"),
}
CHOICE_KEYS = tuple(CHOICES)
DATE_FIELDS = ("start", "end", "signed", "founded", "dissolved", "date")
LIST_FIELDS = ("aliases", "adjectives", "demonyms", "prefixes", "metonyms", "ambiguous_aliases", "regions")
# Nested list field -> keys each of its objects must have.
NESTED = {"members": ("state",), "parties": ("state",), "status_changes": ("date", "change"),
          "offices": ("role", "of")}
# (field, allowed target types); nested fields are given as "list.key".
REFERENCES = (
    ("predecessor", ("State",)), ("successor", ("State", "Organization")),
    ("parent", ("Organization",)), ("state", ("State",)), ("co_chairs", ("State",)),
    ("superseded_by", ("Agreement",)), ("members.state", ("State",)),
    ("parties.state", ("State", "Organization")), ("status_changes.state", ("State",)),
    ("offices.of", ("State", "Organization")),
)
# Surface-form kinds, in the order surface_forms() reports them.
KINDS = (("label", "label"), ("aliases", "alias"), ("adjectives", "adjective"),
         ("demonyms", "demonym"), ("prefixes", "prefix"), ("metonyms", "metonym"),
         ("surname", "surname"))
CLASH_EXEMPT = ("surname",)  # officials naturally share surnames (Igor and Sergei Ivanov)


@dataclass(frozen=True)
class Where:
    """A record's location: file and 1-based line."""

    path: str
    line: int

    def error(self, message: str) -> DataFileError:
        return DataFileError(self.path, self.line, message)


def check_record(rec: object, where: Where, expected_types: tuple[str, ...]) -> None:
    """Check one record's shape: required fields, id, type, subtype, dates and choices."""
    if not isinstance(rec, dict):
        raise where.error("a line must hold one JSON object")
    for key in ("id", "type", "label"):
        if not isinstance(rec.get(key), str) or not rec[key]:
            raise where.error(f"missing required field {key!r}")
    if not ID_RE.match(rec["id"]):
        raise where.error(f"bad id {rec['id']!r}: must match {ID_RE.pattern}")
    if rec["type"] not in ENTITY_TYPES or rec["type"] not in expected_types:
        raise where.error(f"unknown or misplaced type {rec['type']!r} (expected {'/'.join(expected_types)})")
    allowed = SUBTYPES.get(rec["type"])
    if allowed and rec.get("subtype") not in allowed:
        raise where.error(f"unknown subtype {rec.get('subtype')!r} for {rec['type']}")
    for key in LIST_FIELDS:
        value = rec.get(key)
        if value is not None and (not isinstance(value, list)
                                  or not all(isinstance(v, str) and v for v in value)):
            raise where.error(f"field {key!r} must be a list of non-empty strings")
    check_values(rec, where, rec["id"])
    check_regions(rec, where)
    cameo = rec.get("cameo")
    if cameo is not None and (not isinstance(cameo, str) or not CAMEO_RE.match(cameo)
                              or cameo[:3] not in CAMEO_CATEGORIES):
        raise where.error(f"bad cameo code {cameo!r} in {rec['id']} (a category of "
                          f"{'/'.join(CAMEO_CATEGORIES)}, then optional three-letter sub-codes)")
    for key, required in NESTED.items():
        items = rec.get(key)
        if not items:
            continue
        if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
            raise where.error(f"field {key!r} must be a list of objects")
        for item in items:
            missing = [k for k in required if not item.get(k)]
            if missing:
                raise where.error(f"missing {missing[0]!r} in an item of {rec['id']}.{key}")
            check_values(item, where, f"{rec['id']}.{key}")


def check_regions(rec: dict, where: Where) -> None:
    """A state's ``regions`` (places in it that are no state: "Northern Ireland") must be among its metonyms:
    the extractor meets a region only as a metonym's match, and then reads it as a place, never an actor."""
    regions = rec.get("regions")
    if not regions:
        return
    if rec["type"] != "State":
        raise where.error(f"{rec['id']}: only a State has regions")
    missing = [r for r in regions if r not in (rec.get("metonyms") or ())]
    if missing:
        raise where.error(f"{rec['id']}: region {missing[0]!r} is not one of its metonyms")


@functools.lru_cache(maxsize=None)
def parse_date(text: str) -> PartialDate:
    """Parse a gazetteer date strictly (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``); cached, as dates repeat."""
    if not DATE_RE.match(text):
        raise ValueError(text)
    return PartialDate.parse(text)


def check_values(obj: dict, where: Where, context: str) -> None:
    """Check the date fields and the closed-choice fields of one object."""
    for key in DATE_FIELDS:  # a fixed order, so the first error reported never varies
        value = obj.get(key)
        if value is None:
            continue
        try:
            parse_date(value)
        except (ValueError, TypeError):
            raise where.error(f"bad date {value!r} in {context}.{key}") from None
    for key in CHOICE_KEYS:
        value = obj.get(key)
        if value is not None and value not in CHOICES[key]:
            raise where.error(f"unknown {key} {value!r} in {context}")


def check_unique(entries: Iterable[tuple[dict, Where]]) -> None:
    """Ids must be unique across all files."""
    seen: dict[str, Where] = {}
    for rec, where in entries:
        first = seen.setdefault(rec["id"], where)
        if first is not where:
            raise where.error(f"duplicate id {rec['id']!r} (first at {first.path}:{first.line})")


_SPLIT_REFERENCES = tuple((field, *field.partition(".")[::2], types) for field, types in REFERENCES)


def references(rec: dict) -> Iterator[tuple[str, str, tuple[str, ...]]]:
    """Yield (field, referenced id, allowed types) for every reference the record makes."""
    for field, head, key, types in _SPLIT_REFERENCES:
        values = rec.get(head)
        if not values:
            continue
        if key:
            targets = [v.get(key) for v in values or []]
        else:
            targets = values if isinstance(values, list) else [values]
        for target in targets:
            if target is not None:
                yield field, target, types


def dangling(entries: Iterable[tuple[dict, Where]], types: dict[str, str]) -> list[DataFileError]:
    """Return one error per reference to an unknown id or to an id of the wrong type."""
    problems = []
    for rec, where in entries:
        for field, target, allowed in references(rec):
            if types.get(target) not in allowed:
                problems.append(where.error(f"{rec['id']}: {field} refers to unknown "
                                            f"{'/'.join(allowed)} id {target!r}"))
    return problems


def surfaces(rec: dict) -> Iterator[tuple[str, str]]:
    """Yield (surface, kind) for every surface form of a record."""
    for key, kind in KINDS:
        value = rec.get(key)
        if not value:
            continue
        if isinstance(value, str):
            yield value, kind
        else:
            for form in value:
                yield form, kind


def check_clashes(entries: list[tuple[dict, Where]]) -> None:
    """A form claimed by two entities of one type must be in both's ``ambiguous_aliases``."""
    owners: dict[tuple[str, str], list[tuple[dict, Where]]] = {}
    for rec, where in entries:
        pairs = list(surfaces(rec))
        if rec.get("ambiguous_aliases"):
            forms = {form for form, _ in pairs}
            for form in rec["ambiguous_aliases"]:
                if form not in forms:
                    raise where.error(f"{rec['id']}: ambiguous alias {form!r} is not one of its forms")
        type_ = rec["type"]
        for form in {f for f, kind in pairs if kind not in CLASH_EXEMPT}:
            owners.setdefault((type_, form), []).append((rec, where))
    for (type_, form) in sorted(key for key, claims in owners.items() if len(claims) > 1):
        claims = owners[(type_, form)]
        for rec, where in reversed(claims):  # blame the last unmarked claimant
            if form not in rec.get("ambiguous_aliases", []):
                others = ", ".join(r["id"] for r, _ in claims if r is not rec)
                raise where.error(f"{rec['id']}: {type_} form {form!r} is also claimed by {others}; "
                                  "list it in ambiguous_aliases of each")
