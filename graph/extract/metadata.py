"""Document metadata: front matter, header lines, publication profiles and the publication date.

Stage contract: ``read_metadata(text, label) -> (metadata, body start, warnings)`` and
``date_from(metadata, profile, label)`` are pure; ``refine_date(text, body_start, known)`` narrows a
year (or month) date with the body's citations and dateline. documents.py composes them.

Metadata comes, weakest first, from a publication profile (``profiles.jsonl``: Monitor volume 8
is 2002), header lines (``Publication: Monitor Volume: 8 Issue: 7``) and YAML front matter. A date
known only to the year (or month) is refined from the body: source citations in parentheses
``(Interfax, January 7)`` and datelines ``MOSCOW, June 14 (RIA Novosti)``. The date never gets a
day the text did not give.
"""

from __future__ import annotations

import datetime as _dt
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

import yaml

from diplograph.graph.errors import DataFileError, InputError
from diplograph.graph.extract.dates import find_dates
from diplograph.graph.model import PartialDate

_HEADER_KEYS = ("publication", "volume", "issue", "title", "date", "source", "url", "author")
_HEADER_KEY = re.compile(r"\b(" + "|".join(_HEADER_KEYS) + r")\s*:\s*", re.I)
#: libyaml's parser when PyYAML was built with it (a tenth of the pure-Python one's time), the same safe constructors.
_YAML = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_CITATION = re.compile(r"\(([^()\n]{3,200})\)")
_DATELINE = re.compile(r"\A[A-Z][A-Za-z.' -]{1,40},\s+([A-Z][a-z]+\.? \d{1,2})\s*(?:\(|:|[-\u2013\u2014])")


@dataclass(frozen=True)
class Profile:
    """What we know about a periodical: its names and how its volumes map to years."""

    name: str
    aliases: tuple[str, ...] = ()
    publisher: str | None = None
    volume_year_offset: int | None = None


def read_metadata(text: str, label: str) -> tuple[dict, int, list[str]]:
    """Front matter and header lines at the top of ``text``.

    Returns:
        The metadata (front matter winning over header lines), the offset where the body starts,
        and warnings about header values that could not be read.
    """
    meta, pos = _front_matter(text, label)
    header, pos = _header_lines(text, pos)
    header, warnings = _check_header_date(header, label) if "date" not in meta else (header, [])
    while pos < len(text) and text[pos] in " \t\n":
        pos += 1
    return {**header, **meta}, pos, warnings


def _check_header_date(header: dict, label: str) -> tuple[dict, list[str]]:
    # Header lines are recognised by their shape, so an unreadable "Date:" there is a warning, not an error.
    try:
        if header.get("date"):
            to_partial_date(header["date"], label)
        return header, []
    except InputError as exc:
        return {k: v for k, v in header.items() if k != "date"}, [f"{exc}; ignored"]


def _front_matter(text: str, label: str) -> tuple[dict, int]:
    if not text.startswith("---"):
        return {}, 0
    m = _FRONT_MATTER.match(text)
    if not m:
        if re.match(r"---[ \t]*\n", text):
            raise InputError(f"{label}: front matter opened with '---' is never closed")
        return {}, 0
    try:
        data = yaml.load(m.group(1) or "", Loader=_YAML) or {}
    except (yaml.YAMLError, UnicodeError) as exc:  # libyaml takes UTF-8: a lone surrogate fails to encode
        line = getattr(getattr(exc, "problem_mark", None), "line", -1) + 2
        raise InputError(f"{label}: front matter is not valid YAML (line {line})") from None
    if not isinstance(data, dict):
        raise InputError(f"{label}: front matter must be a mapping of keys to values")
    return {str(k).lower(): v for k, v in data.items() if v is not None}, m.end()


def _header_lines(text: str, pos: int) -> tuple[dict, int]:
    """``Key: value`` lines (several pairs may share a line) until the first other line."""
    meta: dict = {}
    while pos < len(text):
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        line = text[pos:end]
        keys = list(_HEADER_KEY.finditer(line))
        if not keys or line[:keys[0].start()].strip():
            break
        for m, nxt in zip(keys, keys[1:] + [None]):
            meta.setdefault(m.group(1).lower(), line[m.end():nxt.start() if nxt else len(line)].strip())
        pos = end + 1
    return meta, min(pos, len(text))


@lru_cache(maxsize=1)
def load_profiles() -> tuple[Profile, ...]:
    """The publication profiles shipped in ``profiles.jsonl``.

    Raises:
        DataFileError: A line is not a JSON object with a ``name``.
    """
    source = files("diplograph.graph.extract") / "profiles.jsonl"
    profiles = []
    for n, line in enumerate(source.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            profiles.append(Profile(row["name"], tuple(row.get("aliases", ())), row.get("publisher"),
                                    row.get("volume_year_offset")))
        except (ValueError, KeyError, TypeError) as exc:
            raise DataFileError(str(source), n, f"bad publication profile ({exc})") from None
    return tuple(profiles)


def find_profile(name: object) -> Profile | None:
    """The profile whose name or alias equals ``name`` (case and spacing folded)."""
    key = " ".join(str(name or "").lower().split())
    return next((p for p in load_profiles() if key in {" ".join(a.lower().split()) for a in (p.name, *p.aliases)}),
                None)


def date_from(meta: dict, profile: Profile | None, label: str) -> PartialDate | None:
    """The metadata's date, else the year a profile gives the volume (Monitor volume 8: 2002)."""
    value = meta.get("date")
    if value not in (None, ""):
        return to_partial_date(value, label)
    volume = re.match(r"\s*(\d{1,3})\b", str(meta.get("volume", "")))
    if profile and profile.volume_year_offset is not None and volume:
        return PartialDate(profile.volume_year_offset + int(volume.group(1)))
    return None


def to_partial_date(value: object, label: str) -> PartialDate:
    """A metadata date (YAML date, int year, ISO string or "January 7, 2002") as a PartialDate."""
    if isinstance(value, _dt.date):
        return PartialDate(value.year, value.month, value.day)
    text = str(value).strip()
    try:
        return PartialDate.parse(text)
    except (ValueError, TypeError):
        pass
    found = [m for m in find_dates(text, 0, len(text), None) if m.date]
    if len(found) == 1 and found[0].text == text:
        return found[0].date
    raise InputError(f"{label}: cannot read the date {text!r} (use YYYY, YYYY-MM or YYYY-MM-DD)")


def refine_date(text: str, body_start: int, known: PartialDate) -> PartialDate:
    """Narrow a year (or month) date with the latest date the body's citations or dateline give."""
    candidates = [m.date for m in _citation_dates(text, body_start, known) if m.date]
    if known.precision == "year":
        candidates = _unwrap_year_end(candidates)
    fits = [d for d in candidates if d.year == known.year and (not known.month or d.month == known.month)]
    return max(fits, key=lambda d: (d.first_day(), d.precision == "day"), default=known)


def _citation_dates(text: str, body_start: int, known: PartialDate) -> list:
    body = text[body_start:]
    found = []
    for m in _CITATION.finditer(body):
        inner = find_dates(text, body_start + m.start(1), body_start + m.end(1), known)
        if inner and text[inner[-1].end:body_start + m.end(1)].strip() == "" and inner[-1].kind == "day":
            found.extend(d for d in inner if d.kind == "day")
    dateline = _DATELINE.match(body)
    if dateline:
        found.extend(d for d in find_dates(text, body_start + dateline.start(1), body_start + dateline.end(1), known)
                     if d.kind == "day")
    return found


def _unwrap_year_end(dates: list[PartialDate]) -> list[PartialDate]:
    # A January issue citing "December 31" means last December: with the year alone known,
    # late-year dates beside early-year ones belong to the year before.
    if not any(d.month and d.month <= 2 for d in dates):
        return dates
    return [PartialDate(d.year - 1, d.month, d.day) if d.month >= 11 else d for d in dates]
