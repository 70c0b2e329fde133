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
``fill_states`` then gives officials their state, and discovered organizations the state their
name carries ("the Nigerian Union of Teachers": ``org_states``).
"""

from __future__ import annotations

from bisect import bisect_left
from datetime import date
from operator import attrgetter

from diplograph.graph.extract import timeframe
from diplograph.graph.extract.discover import same_agreement
from diplograph.graph.extract.holders import LEADERS, shared_state, framed, in_office, office_holders, sharers, surname_choice
from diplograph.graph.extract.lexicon import Rules, default_rules
from diplograph.graph.extract.parse import Parsed
from diplograph.graph.extract.spans import Span, is_cap
from diplograph.graph.extract.surnames import around, fits_name, is_date_word, same_person, skipped_tokens
from diplograph.graph.extract.timeframe import Frame
from diplograph.graph.iri import discovered_id
from diplograph.graph.model import PartialDate

BY_RANGE = attrgetter("i", "j")
COORD = frozenset({"and", ",", "both", "as", "well", "along", "together", "with"})


def _resolve_gazetteer(s: Span, seen: set[str], gazetteer, on, named: frozenset[str] = frozenset(),
                       frame: Frame | None = None, surface: str = "") -> Span:
    """Pick one candidate for an ambiguous gazetteer span from context, or leave it unresolved."""
    if s.eid or not s.candidates:
        return s
    earlier = [c for c in s.candidates if c in seen]
    if len(earlier) == 1:
        return s.with_(eid=earlier[0])
    if on is None and frame is not None:  # an undated text: the time its anchors fix (timeframe.py)
        current = framed(gazetteer, s.candidates, frame, _class_of(s.role)) \
            or _existing(gazetteer, s.candidates, None, frame)
    else:
        current = in_office(gazetteer, s.candidates, on) or _existing(gazetteer, s.candidates, on)
    if len(current) == 1:
        return s.with_(eid=current[0])
    if s.type == "State" and _named_one(gazetteer, s.candidates, named):
        return s.with_(eid=_named_one(gazetteer, s.candidates, named))
    if s.kind == "metonym" and _capital_of_one(gazetteer, s.candidates, surface):
        return s.with_(eid=_capital_of_one(gazetteer, s.candidates, surface))
    if s.type == "Organization" and _members_named(gazetteer, s.candidates, named):
        return s.with_(eid=_members_named(gazetteer, s.candidates, named))
    local = _foreign_bodies(gazetteer, s.candidates, named)
    if len(local) == len(s.candidates) - 1:
        return s.with_(eid=next(c for c in s.candidates if c not in local))
    return s


def _named_one(gazetteer, candidates: tuple[str, ...], named: frozenset[str]) -> str | None:
    """The one candidate state the text names unambiguously elsewhere ("Congolese" in a text that
    names Kinshasa or Brazzaville), else None. Not between a state and its predecessor ("Moscow"
    beside "Soviet" history is still Russia): the date decides those."""
    if gazetteer is None or any((gazetteer.get(c) or {}).get("end") for c in candidates):
        return None
    found = [c for c in candidates if c in named]
    return found[0] if len(found) == 1 else None


def _capital_of_one(gazetteer, candidates: tuple[str, ...], surface: str) -> str | None:
    """The one current candidate state whose capital the shared place name is ("Tripoli" is Libya's
    capital and a Lebanese port: Libya, unless the text names Lebanon alone), else None."""
    if gazetteer is None or any((gazetteer.get(c) or {}).get("end") for c in candidates):
        return None
    found = [c for c in candidates if (gazetteer.get(c) or {}).get("capital") == surface]
    return found[0] if len(found) == 1 else None


def _region(gazetteer, eid: str, surface: str) -> bool:
    return gazetteer is not None and surface in ((gazetteer.get(eid) or {}).get("regions") or ())


def _members_named(gazetteer, candidates: tuple[str, ...], named: frozenset[str]) -> str | None:
    """The one candidate organization that some state the text names has ever belonged to ("the
    Commonwealth" in a text naming Zimbabwe is the Commonwealth of Nations, beside Kazakhstan the
    CIS), else None (states of both, or of neither, leave it unresolved; so does a candidate with no
    members)."""
    members = [{m["state"] for m in (gazetteer.get(c) or {}).get("members") or ()} if gazetteer is not None else set()
               for c in candidates]
    if not all(members):  # a state's own body ("Russia's Security Council") has no members to tell it by
        return None
    found = [c for c, ms in zip(candidates, members) if not named.isdisjoint(ms)]
    return found[0] if len(found) == 1 else None


def _city_then(s: Span, gazetteer, on: date | None) -> Span:
    """A capital named before its state existed is a city of the state it then belonged to ("Juba"
    in 2000 is Sudan's, not South Sudan's): the first predecessor that existed then (a state with
    no predecessor, such as East Timor, keeps its capital)."""
    if gazetteer is None or on is None:
        return s
    eid = s.eid
    while _later(gazetteer.get(eid) or {}, on) and (gazetteer.get(eid) or {}).get("predecessor"):
        eid = gazetteer.get(eid)["predecessor"]  # Belgrade in 1990: Yugoslavia
    return s if eid == s.eid else s.with_(eid=eid, candidates=(eid,))


def _later(rec: dict, on: date) -> bool:
    return bool(rec.get("start")) and on < PartialDate.parse(rec["start"]).first_day()


def _foreign_bodies(gazetteer, ids: tuple[str, ...], named: frozenset[str]) -> list[str]:
    """Candidates that are one state's own bodies when the text never names that state: "the
    Security Council" in a text that never names Russia is not Russia's Security Council."""
    if gazetteer is None:
        return []
    out = []
    for i in ids:
        rec = gazetteer.get(i) or {}
        if rec.get("subtype") == "GovernmentBody" and rec.get("state") and rec["state"] not in named:
            out.append(i)
    return out


def _existing(gazetteer, ids: tuple[str, ...], on: date | None, frame: Frame | None = None) -> list[str]:
    """States that existed on the date ("Moscow" in 2002 is Russia, not the Soviet Union); in an undated
    text, those that existed at some time in its frame ("Moscow" beside Putin is Russia)."""
    if gazetteer is None or (on is None and frame is None):
        return []
    out = []
    for i in ids:
        rec = gazetteer.get(i) or {}
        start, end = (PartialDate.parse(rec[k]) if rec.get(k) else None for k in ("start", "end"))
        if on is None:
            existed = rec.get("type") == "State" and frame.meets(start, end)
        else:
            existed = (start is None or start.first_day() <= on) and (end is None or on < end.first_day())
        if existed:
            out.append(i)
    return out


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
    chosen, decided = surname_choice(s.candidates, others, seen, gazetteer, on, _class_of(s.role), frame)
    if not decided:
        return s
    return s.with_(eid=chosen, candidates=s.candidates + others if chosen is None else (chosen,))


def _class_of(title: str | None) -> str | None:
    """The role class of a canonical title ("Prime Minister": head_of_government)."""
    return next((t.role_class for t in default_rules().titles if t.title == title), None) if title else None


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


def _refer(s: Span, last_agreement: str | None) -> Span:
    """A generic "the treaty" is the last agreement named; a first "a deal" starts a new one."""
    name = _strip_det(s.name or "")
    if last_agreement:
        return s.with_(eid=last_agreement, name=name)
    if name.lower().endswith("s"):  # "several agreements": no particular one
        return s
    return s.with_(eid=discovered_id("Agreement", name), name=name)


def _strip_det(name: str) -> str:
    words = name.split()
    while words and words[0].lower() in ("the", "a", "an", "this", "that", "its", "their", "his", "her"):
        words = words[1:]
    return " ".join(words)


def link(p: Parsed, spans: list[Span], gazetteer, on: date | None) -> tuple[list[Span], list[Span]]:
    """Resolve every span in document order; returns (linked spans, unresolved spans)."""
    seen: set[str] = set()
    named = frozenset(s.candidates[0] for s in spans if s.type == "State" and len(s.candidates) == 1)
    linked, unresolved = [], []
    last_agreement: str | None = None
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
            s = _refer(s, last_agreement)
        else:
            if s.kind == "surname" and s.type == "Official":
                s = _surname(p, s, seen, gazetteer, on, skip, frame)
            elif s.kind == "metonym" and s.eid:
                s = _city_then(s, gazetteer, on)
            s = _resolve_gazetteer(s, seen, gazetteer, on, named, frame, p.span_text(s.i, s.j))
            if s.kind == "metonym" and s.eid and not s.place and _region(gazetteer, s.eid, p.span_text(s.i, s.j)):
                s = s.with_(place=True)  # "Tripoli" read as Lebanon's: its port, never its government
            if s.kind == "surname" and s.type == "Official":
                s = _state_acts(p, s, gazetteer)
        if s.type == "Agreement" and s.eid:
            last_agreement = s.eid
        if s.eid:
            seen.add(s.eid)
            linked.append(s)
            if s.type == "Official" and s.kind != "office" and s.j - s.i >= 2:
                full[p.words[s.j - 1]] = s.eid
        else:
            unresolved.append(s)
    return linked, unresolved


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


def fill_states(p: Parsed, spans: list[Span], gazetteer, on: date | None) -> list[Span]:
    """Give officials their state: coordination ("Chinese President X and Foreign Minister Y"),
    the gazetteer's office on the date, else the nearest state named before them in the sentence;
    and discovered organizations the one state their name carries (:func:`org_states`)."""
    spans = org_states(p, spans)
    out: list[Span] = []
    prev_person: Span | None = None
    known_by_id: dict[str | None, str | None] = {}  # the same officials recur through a long text
    for s in spans:
        if s.type == "Official" and not s.state:
            if s.eid not in known_by_id:
                known_by_id[s.eid] = _gazetteer_state(s, gazetteer, on)
            known = known_by_id[s.eid]
            s = s.with_(state=known or _coordinated(p, prev_person, s)
                        or (_nearest_state(s, out) if s.role and s.role != "Counterpart" else None)
                        or _state_before(p, s, out),
                        state_origin="gazetteer" if known else "text")
        if s.type == "Official":
            prev_person = s
        out.append(s)
    return out


DISCOVERED_ORGS = ("organization", "acronym")


def org_states(p: Parsed, spans: list[Span]) -> list[Span]:
    """A discovered organization whose name carries one state is that state's, like a gazetteer
    government body, and so is its acronym ("NUT"): a state adjective anywhere ("the Nigerian Union
    of Teachers", "the Union of Lithuanian Farmers"), a state's name at its start ("Montenegro
    Municipality Association") unless a topic word follows ("the Iraq Study Group" is about Iraq).
    A name with two states ("the Russian-Chinese Friendship Society") or another organization in it
    ("the NATO-Russia Council") gets no state."""
    inside: dict[str, set[str]] = {}
    ordered = sorted(spans, key=BY_RANGE)
    starts = [t.i for t in ordered]
    for s in spans:
        if s.type == "Organization" and s.kind == "organization" and s.eid and not s.state:
            parts = [t for t in ordered[bisect_left(starts, s.i):bisect_left(starts, s.j)] if t.j <= s.j and t is not s]
            found = {t.eid or "" for t in parts if _carries(p, s, t)}
            others = any(t.type == "Organization" for t in parts)
            inside.setdefault(s.eid, set()).update(found if found and not others else {""})
    state = {eid: next(iter(found)) for eid, found in inside.items() if len(found) == 1 and "" not in found}
    return [s.with_(state=state[s.eid], state_origin="text")
            if s.type == "Organization" and s.kind in DISCOVERED_ORGS and s.eid in state and not s.state
            else s for s in spans]


#: Words after a state's name that make an organization's name about the state, not the state's own.
TOPIC_WORDS = frozenset({"study", "contact", "survey", "support", "relief", "reconstruction", "crisis", "friends",
                         "policy", "working", "task", "trust", "peace", "war", "solidarity", "watch", "action"})


def _carries(p: Parsed, org: Span, t: Span) -> bool:
    """Whether state mention ``t`` inside an organization's name says whose the organization is."""
    if t.type != "State" or t.place:
        return False
    if t.kind == "adjective":
        return True
    return t.kind in ("label", "alias") and t.i == org.i and (t.j >= org.j or p.lower[t.j] not in TOPIC_WORDS)


def _coordinated(p: Parsed, prev: Span | None, s: Span) -> str | None:
    if prev is None or prev.sent != s.sent or not prev.state or not s.role:
        return None
    gap = [w for w in p.lower[prev.j:s.i]]
    return prev.state if gap and gap[0] in ("and", ",") and len(gap) <= 5 else None


def _gazetteer_state(s: Span, gazetteer, on) -> str | None:
    if gazetteer is None or not s.eid or gazetteer.type_of(s.eid) != "Official":
        return None
    held = sorted({o.of for o in gazetteer.offices(s.eid, on)}) if on is not None else []
    if len(held) == 1 and gazetteer.type_of(held[0]) == "Organization":
        return held[0]  # the AU Commission's chairperson on the date serves the AU, not the state he once did
    return gazetteer.state_of(s.eid, on) or gazetteer.state_of(s.eid)


def _nearest_state(s: Span, before: list[Span]) -> str | None:
    for t in reversed(before):
        if t.sent != s.sent:
            return None
        if t.type == "State" and t.eid and not t.place:
            return t.eid
    return None


def _opens_sentence(p: Parsed, s: Span) -> bool:
    """Whether the titled name opens its sentence: at most its title's words before it, no possessive
    or comma ("Abkhazia's self-styled defense minister, X" does not)."""
    lead = p.lower[p.sents[s.sent][0]:s.i]
    return len(lead) <= 4 and not any(w in ("'s", "\u2019s", ",", "'", "\u2019") for w in lead)


def _state_before(p: Parsed, s: Span, before: list[Span]) -> str | None:
    """A state office with no state in its own sentence ("Foreign Minister X said" after "Venezuela
    said on Wednesday it would leave"): the one state the sentence before names, if it names one."""
    if _class_of(s.role) in (None, "other") or any(t.sent == s.sent for t in before) \
            or not _opens_sentence(p, s):
        return None
    found = {t.eid for t in before if t.sent == s.sent - 1 and t.type == "State" and t.eid and not t.place}
    return found.pop() if len(found) == 1 else None


def doc_date(on: PartialDate | None) -> date | None:
    """The day used for "in office on" questions (the first day of a partial date)."""
    return on.first_day() if on is not None else None
