"""Surname-only mentions that are really part of a longer name, or a date.

Stage contract: ``drop_inside_names(parsed, spans, gazetteer, rules) -> list[Span]`` filters the
gazetteer's surname-only mentions; ``around`` and ``fits_name`` answer the same question for a surname
repeated after the official's full name (linking.add_surnames).

A surname that stands inside a longer run of capitalised tokens ("Kong" in "Hong Kong", "King" in
"King Hassan", "Rashid" in "Haroon Rashid Aswad") names someone or something else, unless the other
tokens of the run belong to the official's own name ("Vladimir V. Putin"). Titles, honorifics,
weekdays and common words opening a sentence are not part of a name ("President Bush", "Mr Koizumi",
"Yesterday Kong said"). A surname spelt like a month ("May") is a date next to a number or after a
date preposition ("on 1 May", "in May").

``same_person(name, gazetteer)`` finds the gazetteer official a discovered name spells another way
("Dmitry Medvedyev", "S. Lavrov"), for linking.
"""

from __future__ import annotations

from difflib import SequenceMatcher
from functools import cache

from diplograph.graph.extract.lexicon import Rules
from diplograph.graph.extract.parse import Parsed
from diplograph.graph.extract.spans import MONTHS, NAME_PARTICLES, WEEKDAYS, Span, is_name_token

SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})


@cache
def _stop_words() -> frozenset[str]:
    """spaCy's English stop words (imported on first use: spaCy loads only once a text is read)."""
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def _name_part(p: Parsed, k: int, skip: frozenset[int], rules: Rules) -> bool:
    """True when token k may belong to a person's or a place's proper name."""
    w = p.words[k]
    if k in skip or w in rules.cue("honorific") or w in rules.cue("rank") or p.lower[k] in WEEKDAYS:
        return False
    if not is_name_token(p, k):
        return False
    opens = k == p.sents[p.sent_of[k]][0]
    return not (opens and (p.lower[k] in _stop_words() or p.lower[k] in rules.cue("sentence_opener")))


def _joined(p: Parsed, k: int) -> bool:
    """True when token k is a hyphen written inside a word ("Moo-hyun", "al-Bashir")."""
    return p.words[k] == "-" and 0 < k < len(p.words) - 1 and p.ends[k - 1] == p.starts[k] \
        and p.ends[k] == p.starts[k + 1]


def name_around(p: Parsed, i: int, j: int, skip: frozenset[int], rules: Rules) -> tuple[int, int]:
    """The run of proper-name tokens around tokens [i, j), inside their sentence."""
    s0, s1 = p.sents[p.sent_of[i]]
    a, b = i, j
    while a - 1 >= s0:
        if _name_part(p, a - 1, skip, rules):
            a -= 1
        elif a - 2 >= s0 and (_joined(p, a - 1) or p.lower[a - 1] in NAME_PARTICLES) \
                and _name_part(p, a - 2, skip, rules):
            a -= 2
        else:
            break
    while b < s1:
        if _name_part(p, b, skip, rules):
            b += 1
        elif b + 1 < s1 and (_joined(p, b) or p.lower[b] in NAME_PARTICLES) and _name_part(p, b + 1, skip, rules):
            b += 2
        else:
            break
    return a, b


def _pieces(names: list[str]) -> frozenset[str]:
    """Lower-cased words of an official's names, hyphenated parts split ("al-Bashir": al, bashir)."""
    return frozenset(w.strip(".,").lower() for n in names for w in n.replace("-", " ").split() if w.strip(".,"))


def _matches(word: str, pieces: frozenset[str]) -> bool:
    """A run token that can be part of the official's name: the same word, its initial ("W."),
    a suffix ("Jr."), or a spelling sharing the first three letters ("Sergey" for "Sergei")."""
    w = word.strip(".").lower()
    if not w or word.lower() in SUFFIXES or w in pieces or w in NAME_PARTICLES:
        return True
    if len(w) == 1:
        return any(x[:1] == w for x in pieces)
    return len(w) >= 4 and any(len(x) >= 4 and x[:3] == w[:3] for x in pieces)


def around(p: Parsed, i: int, j: int, skip: frozenset[int], rules: Rules) -> list[str]:
    """The other tokens of the proper name the surname at [i, j) stands in (none when alone)."""
    a, b = name_around(p, i, j, skip, rules)
    return [p.words[k] for k in [*range(a, i), *range(j, b)] if p.words[k] != "-"]


def fits_name(others: list[str], names: list[str]) -> bool:
    """True when every other token of the run is a word of the official's ``names``
    ("Vladimir V. Putin" for Vladimir Putin; not "Hong Kong" for Kong Quan)."""
    if not others:  # a surname standing alone fits every official (the names need not be read)
        return True
    pieces = _pieces(names)
    return all(_matches(w, pieces) for w in others)


def is_date_word(p: Parsed, i: int, j: int, rules: Rules) -> bool:
    """True for a surname spelt like a month used as one: beside a day or a year ("1 May", "May 2004"),
    after a date preposition ("in May", "for May", "by May") or beside another month ("May or June",
    "from April to May")."""
    if j - i != 1 or p.lower[i] not in MONTHS:
        return False
    before = p.lower[i - 1] if i > 0 else ""
    after = p.words[j] if j < len(p.words) else ""
    return before[:1].isdigit() or after[:1].isdigit() or before in rules.cue("month_before") \
        or before in rules.cue("month_before_more") or _beside_month(p, i)


def _beside_month(p: Parsed, i: int) -> bool:
    """Whether another month stands one joining word away ("May or June", "April and May", "April-May")."""
    joins = {"or", "and", "to", "-", "through", "&"}
    return (i >= 2 and p.lower[i - 1] in joins and p.lower[i - 2] in MONTHS) \
        or (i + 2 < len(p.lower) and p.lower[i + 1] in joins and p.lower[i + 2] in MONTHS)


def month_is_person(p: Parsed, i: int, j: int, others: list[str], rules: Rules) -> bool:
    """Whether a surname spelt like a month ("May") names the person: only with a given name, a title or
    an honorific before it ("Theresa May", "Prime Minister May", "Mrs May"), or a possessive or a verb
    after it that a month cannot have ("May's cabinet", "May said"); never in a date's place
    (:func:`is_date_word`)."""
    if is_date_word(p, i, j, rules):
        return False
    titled = any(h.j == i for h in p.titles) or (i > 0 and p.words[i - 1] in rules.cue("honorific"))
    after = p.lower[j] if j < len(p.lower) else ""
    return bool(others) or titled or after in ("'s", "\u2019s") or after in rules.cue("speech") \
        or after in rules.cue("surname_verb_next")


def skipped_tokens(p: Parsed, spans: list[Span]) -> frozenset[int]:
    """Tokens never part of a name around a surname: titles ("President Bush") and the states and
    organizations the gazetteer found."""
    titles = {k for h in p.titles for k in range(h.i, h.j)}
    return frozenset(titles | {k for s in spans if s.type != "Official" for k in range(s.i, s.j)})


def _names_of(gazetteer, id_: str) -> list[str]:
    rec = (gazetteer.get(id_) if gazetteer is not None else None) or {}
    return [rec.get("label", ""), *rec.get("aliases", [])]


def drop_inside_names(p: Parsed, spans: list[Span], gazetteer, rules: Rules) -> list[Span]:
    """Drop surname-only mentions inside a longer name or used as a date; a run that is some
    candidates' own name keeps only those candidates."""
    if not any(s.kind == "surname" for s in spans):
        return spans
    skip = skipped_tokens(p, spans)
    out = []
    for s in spans:
        if s.kind == "surname" and s.type == "Official":
            others = around(p, s.i, s.j, skip, rules)
            if p.lower[s.i] in MONTHS and not month_is_person(p, s.i, s.j, others, rules):
                continue
            fit = tuple(c for c in s.candidates if fits_name(others, _names_of(gazetteer, c)))
            if not fit:
                continue
            if fit != s.candidates:
                s = s.with_(candidates=fit, eid=fit[0] if len(fit) == 1 else None)
        out.append(s)
    return out


_SURNAMES: dict[str, dict[str, dict[str, list[str]]]] = {}


def _surname_index(gazetteer) -> dict[str, dict[str, list[str]]]:
    """{"exact": surname -> official ids, "prefix": first two letters -> surnames}, per gazetteer version."""
    index = _SURNAMES.get(gazetteer.version)
    if index is None:
        exact: dict[str, list[str]] = {}
        for surface, type_, id_, kind in gazetteer.surface_forms():
            if kind == "surname" and type_ == "Official":
                exact.setdefault(surface, []).append(id_)
        prefix: dict[str, list[str]] = {}
        for surface in sorted(exact):
            prefix.setdefault(surface[:2].lower(), []).append(surface)
        index = {"exact": exact, "prefix": prefix}
        _SURNAMES.clear()
        _SURNAMES[gazetteer.version] = index
    return index


def same_person(name: str, gazetteer) -> list[str]:
    """A gazetteer official spelled differently ("Saparpurat Niyazov", "Sergei Lavrov", "Dmitry
    Medvedyev"): a surname spelled alike and a given name spelled alike (or its initial, "S. Lavrov");
    "John Smith" is not Jacqui Smith. The exact surname is tried first."""
    index = _surname_index(gazetteer)
    words = name.split()
    if len(words) < 2:
        return []
    for surnames in ([words[-1]], _surnames_alike(words[-1], index["prefix"])):
        found = sorted({i for surname in surnames for i in index["exact"].get(surname, [])
                        if _given_alike(words[0], (gazetteer.get(i) or {}).get("label", "").split()[:1])})
        if found:
            return found
    return []


#: How alike two spellings of a surname must be (difflib's ratio), with the same first two letters:
#: Medvedyev/Medvedev 0.94, Aliev/Aliyev 0.91, Lukashenka/Lukashenko 0.9; Ivanov/Ivashov 0.67.
SURNAME_ALIKE = 0.85


def _surnames_alike(surname: str, by_prefix: dict[str, list[str]]) -> list[str]:
    """Gazetteer surnames that may be another spelling of ``surname`` (never ``surname`` itself)."""
    low, out = surname.lower(), []
    for other in by_prefix.get(low[:2], []):
        if other == surname or abs(len(other) - len(surname)) > 2:
            continue
        alike = SequenceMatcher(None, low, other.lower())
        if alike.quick_ratio() >= SURNAME_ALIKE and alike.ratio() >= SURNAME_ALIKE:  # quick_ratio bounds ratio
            out.append(other)
    return out


#: How alike two spellings of a given name must be (difflib's ratio): Sergei/Sergey 0.83, Aleksandr/Alexander
#: 0.78, Mohammed/Muhammad 0.75, Yuri/Yury 0.75; John/Jacqui 0.2.
GIVEN_ALIKE = 0.7


def _given_alike(given: str, label_words: list[str]) -> bool:
    """Whether ``given`` (a name's first word) may be another spelling of the label's first word, or its initial."""
    if not label_words:
        return False
    other = label_words[0]
    if len(given.rstrip(".")) == 1:  # an initial: "S. Lavrov"
        return given[:1].lower() == other[:1].lower()
    return given[:1].lower() == other[:1].lower() and \
        SequenceMatcher(None, given.lower(), other.lower()).ratio() >= GIVEN_ALIKE
