"""Link mentions to entities: gazetteer ids, office holders on the document's date, discovered ids.

Stage contract: ``link(parsed, spans, gazetteer, on) -> (linked spans, unresolved spans)``.
Rules, in order: a surname goes to the full name used earlier in the document, else to the unique
gazetteer official of that surname in office on the date (else to the one in office who bears that
name: holders.py); a bare office ("the Russian president") goes to whoever held an office of the
class its title names on the date, else (no one, several, or a title of class "other") stands for
its state ("a French minister"); a discovered name gets the gazetteer id of the official or agreement
it spells or words another way ("Dmitry Medvedyev", "an agreement on collective forces":
surnames.same_person, discover.same_agreement), else an id minted from its type and name; a generic "the treaty"
refers back to the last agreement named. A text with no date reads "on the date" as "in the time
its unambiguous officials and dated months fix" (timeframe.py): "President Bush" beside Vladimir
Putin is George W. Bush, "Moscow" is Russia. A capital named before its state existed is its
predecessor's ("Juba" in 1998 is Sudan); a form two states share ("Congolese") goes to the one the
text names elsewhere. What stays ambiguous is returned as unresolved, never guessed.
States of officials and organizations are given by affiliation.py (``fill_states``), the
context that decides an ambiguous gazetteer mention lives in resolve.py.
"""

from __future__ import annotations

from datetime import date

from diplograph.graph.extract import timeframe
from diplograph.graph.extract.affiliation import BY_RANGE, fill_states, org_states  # noqa: F401  (re-exported)
from diplograph.graph.extract.discover import same_agreement
from diplograph.graph.extract.holders import (
    LEADERS,
    office_holders,
    shared_state,
    sharers,
    surname_choice,
)
from diplograph.graph.extract.lexicon import Rules, default_rules
from diplograph.graph.extract.parse import Parsed
from diplograph.graph.extract.resolve import (
    city_then,
    class_of,
    is_region,
    resolve_gazetteer,
)
from diplograph.graph.extract.spans import Span, is_cap
from diplograph.graph.extract.surnames import (
    around,
    fits_name,
    is_date_word,
    same_person,
    skipped_tokens,
)
from diplograph.graph.extract.timeframe import Frame
from diplograph.graph.iri import discovered_id
from diplograph.graph.model import PartialDate

COORD = frozenset({"and", ",", "both", "as", "well", "along", "together", "with"})


def _holder(s: Span, gazetteer, on, frame: Frame | None = None) -> Span:
    """A bare office ("the Russian president") resolved to its holder on the date (in an undated
    text, the one holder in its frame): an office with the mention's title (``s.role``), else of
    the class it names (``s.name``); see holders.py."""
    if gazetteer is None or not s.state or (on is None and frame is None):
        return s
    found = office_holders(gazetteer, s.state, s.name, on if on is not None else frame, s.role)
    return s.with_(eid=found[0] if len(found) == 1 else None, candidates=tuple(found))


def _surname(p: Parsed, s: Span, seen: set[str], gazetteer, on, skip: frozenset[int],
             frame: Frame | None = None) -> Span:
    """A bare surname on the document's date: the official named earlier, else the one in office
    (see holders.py); an official bearing the name must fit the words around it."""
    run = around(p, s.i, s.j, skip, default_rules())
    others = tuple(i for i in sharers(gazetteer, p.span_text(s.i, s.j)) if i not in s.candidates
                   and fits_name(run, [(gazetteer.get(i) or {}).get("label", ""),
                                       *(gazetteer.get(i) or {}).get("aliases", [])]))
    chosen, decided = surname_choice(s.candidates, others, seen, gazetteer, on, class_of(s.role), frame)
    if not decided:
        return s
    return s.with_(eid=chosen, candidates=s.candidates + others if chosen is None else (chosen,))


def _discovered(s: Span, gazetteer, on: date | None = None) -> Span:
    """Give a discovered name the gazetteer id it matches (an official or an agreement spelled
    another way: surnames.same_person, discover.same_agreement), else a minted id."""
    if s.eid:
        return s
    name = s.name or ""
    if gazetteer is not None:
        hits = [i for i in gazetteer.lookup(name) if gazetteer.type_of(i) == s.type]
        if not hits and s.type == "Official":
            hits = same_person(name, gazetteer)
        elif not hits and s.type == "Agreement":
            hits = same_agreement(name, gazetteer, on)
        if len(hits) == 1:
            return s.with_(eid=hits[0], candidates=(hits[0],))
    return s.with_(eid=discovered_id(s.type, name))


#: Words before a generic agreement noun that say there is none ("no new treaty", "without a communique").
NO_AGREEMENT = frozenset({"no", "without", "never", "nor"})
#: An owner before a generic agreement noun ("the organization's charter", "their final declaration").
OWNERS = frozenset({"its", "their", "his", "her", "our", "'s", "\u2019s"})


def _refer(p: Parsed, s: Span, last: tuple[str, str | None] | None) -> Span:
    """A generic "the treaty" is the last agreement named (a "declaration" or "communique" only a
    declaration: "In a joint declaration" after a treaty is another text); a first "a deal" starts
    a new one. "no new treaty", "without a joint communique" name none; an owned one ("its charter",
    "their final declaration") is a body's or a meeting's own text: it may refer back, never starts one."""
    name = _strip_det(s.name or "")
    before = [w for w in p.lower[max(p.sents[s.sent][0], s.i - 3):s.i] if w not in ("a", "an", "the")]
    if not NO_AGREEMENT.isdisjoint(before[-2:]):
        return s
    if last and (s.subtype != "Declaration" or last[1] == "Declaration"):
        return s.with_(eid=last[0], name=name)
    if name.lower().endswith("s") or (before and before[-1] in OWNERS):  # "several agreements": no particular one
        return s
    return s.with_(eid=discovered_id("Agreement", name), name=name)


def _agreement_subtype(s: Span, gazetteer) -> str | None:
    """An agreement's subtype: the gazetteer's, else the one its head noun gave (discover.py)."""
    rec = gazetteer.get(s.eid) if gazetteer is not None and s.eid else None
    return (rec or {}).get("subtype") or s.subtype


def _strip_det(name: str) -> str:
    words = name.split()
    while words and words[0].lower() in ("the", "a", "an", "this", "that", "its", "their", "his", "her"):
        words = words[1:]
    return " ".join(words)


def link(p: Parsed, spans: list[Span], gazetteer, on: date | None) -> tuple[list[Span], list[Span]]:
    """Resolve every span in document order; returns (linked spans, unresolved spans)."""
    seen: set[str] = set()
    named = frozenset(s.candidates[0] for s in spans if s.type == "State" and len(s.candidates) == 1)
    bodies = frozenset(s.candidates[0] for s in spans if s.type == "Organization" and len(s.candidates) == 1)
    by_name = frozenset(s.candidates[0] for s in spans if s.type == "State" and len(s.candidates) == 1
                        and s.kind != "metonym")  # "Belgian", "Belgium": not "Brussels" itself
    linked, unresolved = [], []
    last_agreement: tuple[str, str | None] | None = None  # (id, subtype) of the last agreement named
    skip = skipped_tokens(p, spans)
    frame = timeframe.infer(p, spans, gazetteer) if on is None and _ambiguous(spans) else None
    full: dict[str, str] = {}  # last word of a full name linked earlier -> its id
    for s in sorted(spans, key=BY_RANGE):
        if s.kind == "surname" and s.type == "Official" and _named_in_full(p, s, full):
            s = s.with_(eid=full[p.span_text(s.i, s.j)], candidates=(full[p.span_text(s.i, s.j)],))
        if s.kind == "office" and _former(p, s):
            unresolved.append(s)  # "a former Uruguayan foreign minister": neither today's holder nor the state
            continue
        if s.kind == "office":
            s = _holder(s, gazetteer, on, frame)
            if not s.eid and s.state:  # "a French minister", "Taiwan's vice foreign minister": the state acts
                s = s.with_(type="State", kind="office-state", eid=s.state, candidates=(s.state,))
        elif s.kind in ("title+name", "organization", "acronym", "outlet"):
            s = _discovered(s, gazetteer, on)
        elif s.kind == "agreement":
            s = _discovered(s.with_(name=_strip_det(s.name or "")), gazetteer, on)
        elif s.kind == "agreement-ref":
            s = _refer(p, s, last_agreement)
        else:
            if s.kind == "surname" and s.type == "Official":
                s = _surname(p, s, seen, gazetteer, on, skip, frame)
            elif s.kind == "metonym" and s.eid:
                s = city_then(s, gazetteer, on)
            s = resolve_gazetteer(s, seen, gazetteer, on, named, frame, p.span_text(s.i, s.j))
            if s.kind == "metonym" and s.eid and not s.place and is_region(gazetteer, s.eid, p.span_text(s.i, s.j)):
                s = s.with_(place=True)  # "Tripoli" read as Lebanon's: its port, never its government
            if s.kind == "metonym" and s.eid and not s.place:
                s = _seat(s, p.span_text(s.i, s.j), bodies, by_name)
            if s.kind == "surname" and s.type == "Official":
                s = _state_acts(p, s, gazetteer)
        if s.type == "Agreement" and s.eid:
            last_agreement = (s.eid, _agreement_subtype(s, gazetteer))
        if s.eid:
            seen.add(s.eid)
            linked.append(s)
            if s.type == "Official" and s.kind != "office" and s.j - s.i >= 2:
                full[p.words[s.j - 1]] = s.eid
        else:
            unresolved.append(s)
    return linked, unresolved


#: Capitals that, as actors, stand for the bodies seated there rather than their state: "Brussels
#: warned Minsk" is the EU (NATO in a text that names NATO and not the EU).
SEATS = {"Brussels": ("eu", "nato")}


def _seat(s: Span, surface: str, bodies: frozenset[str], named: frozenset[str]) -> Span:
    """A seat's name acting: the body of ``SEATS`` the text names (the first when it names none);
    its own state only in a text that names that state and none of the bodies ("Brussels and
    Kinshasa", beside "Belgian")."""
    seated = SEATS.get(surface)
    if not seated:
        return s
    found = [b for b in seated if b in bodies]
    if not found and s.eid in named:
        return s
    body = (found or list(seated))[0]
    return s.with_(type="Organization", eid=body, candidates=(body,))


def _state_acts(p: Parsed, s: Span, gazetteer) -> Span:
    """A leader's "administration" is his state's government ("the Obama administration" acts for the
    United States); a titled surname the date cannot tell from a namesake who held the same office of
    the same state ("President Bush" undated, or in 2000) is that state acting (not a "former" one)."""
    if s.j < len(p.lower) and p.lower[s.j] == "administration":
        st = shared_state(gazetteer, (s.eid,) if s.eid else s.candidates, classes=LEADERS)
        return s.with_(type="State", kind="office-state", eid=st, candidates=(st,), role=None, j=s.j + 1,
                       end=p.ends[s.j]) if st else s
    if s.eid or not s.role or _former(p, s):
        return s
    st = shared_state(gazetteer, s.candidates, title=s.role)
    return s.with_(type="State", kind="office-state", eid=st, candidates=(st,)) if st else s


def _former(p: Parsed, s: Span) -> bool:
    """Whether an office is a past one: "former" or "ex-" within the two words before it."""
    before = p.lower[max(p.sents[s.sent][0], s.i - 3):s.i]
    return "former" in before[-2:] or (len(before) >= 2 and before[-1] == "-" and before[-2] == "ex") \
        or (len(before) == 3 and before[0] == "ex" and before[1] == "-")


def _named_in_full(p: Parsed, s: Span, full: dict[str, str]) -> bool:
    """Whether a bare surname is the last word of a full name linked earlier in the document to
    someone the gazetteer's bearers of that surname are not ("Maduro" after "Nicolas Maduro" is
    not Ricardo Maduro of Honduras, whose office ended years before)."""
    eid = full.get(p.span_text(s.i, s.j))
    return eid is not None and eid not in s.candidates


def _ambiguous(spans: list[Span]) -> bool:
    """Whether some span has several candidates or is a bare office (else an undated text needs
    no frame)."""
    return any((len(s.candidates) > 1 and not s.eid) or s.kind == "office" for s in spans)


def add_surnames(p: Parsed, spans: list[Span], rules: Rules | None = None) -> list[Span]:
    """Bare surnames of officials named in full ("Aliyev" after "Ilham Aliyev") become mentions,
    unless the word stands inside a longer name ("Hong Kong" after "Kong Quan") or is a date."""
    rules = rules or default_rules()
    by_surname: dict[str, tuple[int, str, str]] = {}
    for s in spans:
        if s.type == "Official" and s.kind != "office" and s.eid and s.j - s.i >= 2 and is_cap(p.words[s.j - 1]):
            full = p.span_text(s.i, s.j)
            by_surname.setdefault(p.words[s.j - 1], (s.i, s.eid, full))
            if s.j - s.i == 2 and s.kind == "title+name":  # "Jiang Zemin": the surname may come first
                by_surname.setdefault(p.words[s.i], (s.i, s.eid, full))
    if not by_surname:
        return spans
    covered = {k for s in spans for k in range(s.i, s.j)}
    skip = skipped_tokens(p, spans)
    out = list(spans)
    for k in [k for k in p.positions(by_surname) if k not in covered]:
        first = by_surname[p.words[k]]
        if k <= first[0] or is_date_word(p, k, k + 1, rules) \
                or not fits_name(around(p, k, k + 1, skip, rules), [first[2]]):
            continue
        out.append(Span(k, k + 1, p.starts[k], p.ends[k], p.sent_of[k], "Official", "surname",
                        (first[1],), eid=first[1]))
    return sorted(out, key=BY_RANGE)


def doc_date(on: PartialDate | None) -> date | None:
    """The day used for "in office on" questions (the first day of a partial date)."""
    return on.first_day() if on is not None else None
