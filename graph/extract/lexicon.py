"""Load, validate and compile the extractor's rule data (event lexicon, titles, cue words).

The rules are data, kept as JSONL next to this module:

- ``lexicon.jsonl``: event triggers ``{"id", "phrases" | "slots" | "pattern", "event_type", "relation",
  "modality", "direction", "nominal"}`` (direction ``actor->target``, ``symmetric``, or ``target->actor``
  for an entry whose object acts, "won the support of Y": clauses.py; optional ``assert_planned``,
  ``strict_target``, ``reported``: the trigger is a modal whose speaker is the actor, see voice.py;
  ``object``: a cue kind, one of whose words must follow the trigger for it to count, as "provided" is
  aid only with an aid-like object);
- ``titles.jsonl``: office titles ``{"phrase", "title", "role_class", "office"}``;
- ``cues.jsonl``: word lists by kind (negation, hedge, forecast, place prepositions...).

Errors raise :class:`DataFileError` naming the file and line.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

from diplograph.graph.errors import DataFileError

HERE = Path(__file__).resolve().parent
PLOVER = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "DEMAND",
          "DISAPPROVE", "INVESTIGATE", "REJECT", "THREATEN", "PROTEST", "MOBILIZE", "SANCTION", "COERCE",
          "ASSAULT")
RELATIONS = ("met", "signed", "criticizes", "supports", "withdrawsFrom", "joins", "partyTo", "memberOf", None)
MODALITIES = ("act", "statement", "assessment", "forecast")
DIRECTIONS = ("actor->target", "symmetric", "target->actor")  # target->actor: the object acts ("won the support of Y")


@dataclass(frozen=True)
class Trigger:
    """One lexicon entry: the phrases that signal an event and what the event asserts."""

    id: str
    event_type: str
    relation: str | None
    modality: str
    direction: str
    nominal: bool
    phrases: tuple[str, ...] = ()
    pattern: tuple = ()
    assert_planned: bool = False
    strict_target: bool = False
    reported: bool = False
    object: str | None = None


@dataclass(frozen=True)
class Title:
    """An office title as written in text ("foreign minister") and its canonical form."""

    phrase: str
    title: str
    role_class: str
    office: bool


def _read_jsonl(path: Path) -> list[tuple[int, dict]]:
    rows = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise DataFileError(str(path), 0, f"cannot read: {exc.strerror}") from exc
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise DataFileError(str(path), n, f"invalid JSON: {exc.msg}") from exc
        if not isinstance(obj, dict):
            raise DataFileError(str(path), n, "expected a JSON object")
        rows.append((n, obj))
    return rows


def _check(path: Path, line: int, ok: bool, message: str) -> None:
    if not ok:
        raise DataFileError(str(path), line, message)


def _trigger(path: Path, line: int, obj: dict) -> Trigger:
    for key in ("id", "event_type", "modality", "direction", "nominal"):
        _check(path, line, key in obj, f"missing field {key!r}")
    _check(path, line, obj["event_type"] in PLOVER, f"unknown PLOVER event type {obj['event_type']!r}")
    _check(path, line, obj.get("relation") in RELATIONS, f"unknown relation {obj.get('relation')!r}")
    _check(path, line, obj["modality"] in MODALITIES, f"unknown modality {obj['modality']!r}")
    _check(path, line, obj["direction"] in DIRECTIONS, f"unknown direction {obj['direction']!r}")
    phrases, pattern = list(obj.get("phrases", [])), obj.get("pattern", [])
    slots = obj.get("slots", [])
    _check(path, line, all(isinstance(s, list) and s for s in slots), "slots must be non-empty lists of words")
    phrases += expand_slots(slots)
    _check(path, line, bool(phrases) or bool(pattern), "needs 'phrases', 'slots' or 'pattern'")
    _check(path, line, all(isinstance(p, str) and p.strip() for p in phrases), "phrases must be non-empty strings")
    _check(path, line, all(isinstance(t, dict) for t in pattern), "pattern must be a list of token objects")
    _check(path, line, isinstance(obj.get("object", ""), str), "object must name a cue kind")
    return Trigger(id=obj["id"], event_type=obj["event_type"], relation=obj.get("relation"),
                   modality=obj["modality"], direction=obj["direction"], nominal=bool(obj["nominal"]),
                   phrases=tuple(p.lower() for p in phrases), pattern=tuple(pattern),
                   assert_planned=bool(obj.get("assert_planned")), strict_target=bool(obj.get("strict_target")),
                   reported=bool(obj.get("reported")), object=obj.get("object") or None)


def expand_slots(slots: list[list[str]]) -> list[str]:
    """Every phrase a slot template spells: [["mend", "improve"], ["", "damaged"], ["ties"]] ->
    "mend ties", "mend damaged ties", ... ("" leaves a slot out). Phrases match much faster than
    token patterns with sets."""
    out = [""]
    for slot in slots:
        out = [f"{a} {w}".strip() for a in out for w in slot]
    return sorted({p for p in out if p})


def load_records(path: Path, make) -> tuple:
    """Each line of a JSONL rules file made a record by ``make(path, line, obj)``; ids unique (DataFileError)."""
    seen: set[str] = set()
    out = []
    for line, obj in _read_jsonl(path):
        record = make(path, line, obj)
        _check(path, line, record.id not in seen, f"duplicate id {record.id!r}")
        seen.add(record.id)
        out.append(record)
    return tuple(out)


def load_triggers(path: str | Path | None = None) -> tuple[Trigger, ...]:
    """Read and validate an event lexicon (default: the shipped ``lexicon.jsonl``)."""
    return load_records(Path(path) if path else HERE / "lexicon.jsonl", _trigger)


def plural(phrase: str) -> str:
    """English plural of a title's last word ("foreign minister" -> "foreign ministers")."""
    head, _, last = phrase.rpartition(" ")
    if last.endswith("man"):
        last = last[:-3] + "men"
    elif last.endswith("y") and last[-2:-1] not in ("a", "e", "i", "o", "u"):
        last = last[:-1] + "ies"
    elif last.endswith(("s", "ch", "sh")):
        last += "es"
    else:
        last += "s"
    return f"{head} {last}".strip()


def load_titles(path: str | Path | None = None) -> tuple[Title, ...]:
    """Read and validate the office title list (default: the shipped ``titles.jsonl``)."""
    path = Path(path) if path else HERE / "titles.jsonl"
    out = []
    for line, obj in _read_jsonl(path):
        for key in ("phrase", "title", "role_class", "office"):
            _check(path, line, key in obj, f"missing field {key!r}")
        out.append(Title(obj["phrase"].lower(), obj["title"], obj["role_class"], bool(obj["office"])))
    return tuple(out)


def load_cues(path: str | Path | None = None) -> dict[str, frozenset[str]]:
    """Read cue word lists by kind (default: the shipped ``cues.jsonl``)."""
    path = Path(path) if path else HERE / "cues.jsonl"
    out: dict[str, frozenset[str]] = {}
    for line, obj in _read_jsonl(path):
        _check(path, line, isinstance(obj.get("kind"), str) and isinstance(obj.get("words"), list),
               "expected {'kind': str, 'words': [str]}")
        _check(path, line, obj["kind"] not in out, f"duplicate kind {obj['kind']!r}")
        out[obj["kind"]] = frozenset(obj["words"])
    return out


@dataclass(frozen=True)
class Rules:
    """Everything the extractor reads from data, loaded once."""

    triggers: tuple[Trigger, ...]
    titles: tuple[Title, ...]
    cues: dict
    by_id: dict

    def trigger(self, id_: str) -> Trigger:
        return self.by_id[id_]

    def cue(self, kind: str) -> frozenset[str]:
        return self.cues.get(kind, frozenset())

    @cached_property
    def split_phrases(self) -> dict[tuple[str, ...], tuple[tuple[tuple[str, ...], str], ...]]:
        """:func:`split_phrases` of the triggers, made on first use."""
        return split_phrases(self.triggers)

    @cached_property
    def split_reach(self) -> int:
        """The most head words of a :attr:`split_phrases` key (how far back a gapped phrase may start)."""
        return max(map(len, self.split_phrases), default=0)


PLAIN_WORD = re.compile(r"[a-z]+")


def split_phrases(triggers: tuple[Trigger, ...]) -> dict[tuple[str, ...], tuple[tuple[tuple[str, ...], str], ...]]:
    """Every trigger phrase of several plain words cut in two at each space: head words -> (tail words,
    trigger id) pairs, sorted. What lets a phrase be found with a time phrase between its words
    ("called Thursday on", events.py); words with other characters are left out, as the tokenizer
    may split them otherwise than at spaces.

    >>> split_phrases((Trigger("x", "DEMAND", None, "act", "actor->target", False, ("called on",)),))
    {('called',): ((('on',), 'x'),)}
    """
    out: dict[tuple[str, ...], set[tuple[tuple[str, ...], str]]] = {}
    for trig in triggers:
        for phrase in trig.phrases:
            if " " not in phrase or not _plain(phrase):
                continue
            words = tuple(phrase.split(" "))
            for cut in range(1, len(words)):
                out.setdefault(words[:cut], set()).add((words[cut:], trig.id))
    return {head: tuple(sorted(tails)) for head, tails in out.items()}  # looked up by key: no order needed


def _plain(phrase: str) -> bool:
    """Whether a phrase is plain lower-case ASCII words separated by single spaces (PLAIN_WORD's)."""
    return phrase.isascii() and phrase.replace(" ", "").isalpha() and phrase.islower() and "  " not in phrase \
        and not phrase.startswith(" ") and not phrase.endswith(" ")


@lru_cache(maxsize=1)
def default_rules() -> Rules:
    """The shipped rules, loaded and validated once per process."""
    triggers = load_triggers()
    return Rules(triggers, load_titles(), load_cues(), {t.id: t for t in triggers})


def span_patterns(rules: Rules) -> list[dict]:
    """Compile titles and triggers into ``span_ruler`` patterns (matched on lower-cased text).

    Labels are ``TITLE`` / ``TITLES`` (plural) and ``TRIG``; the pattern id names the entry.
    """
    out: list[dict] = []
    for i, t in enumerate(rules.titles):
        out.append({"label": "TITLE", "pattern": t.phrase, "id": str(i)})
        out.append({"label": "TITLES", "pattern": plural(t.phrase), "id": str(i)})
    for trig in rules.triggers:
        out.extend({"label": "TRIG", "pattern": p, "id": trig.id} for p in trig.phrases)
        if trig.pattern:
            out.append({"label": "TRIG", "pattern": list(trig.pattern), "id": trig.id})
    return out
