"""The extractor: one document in, one :class:`~diplograph.graph.model.Extraction` out.

Stages (each a plain function over the parsed document): gazetteer mentions and officials named
next to a title (mentions.py, people.py; surnames.py drops a surname inside a longer name, "Kong" in
"Hong Kong"), organizations, outlets and agreements the gazetteer lacks (discover.py), linking to ids
(linking.py, resolve.py; states of officials and organizations: affiliation.py), events read from
the lexicon (events.py, with actor and target rules in roles.py, voice.py and agents.py, modality in
modality.py), and facts (facts.py). A grouping of states named as one actor ("the Baltic states")
stands for each of its members (groupings.py). The spaCy pipeline is built once per gazetteer version (parse.py).

>>> from diplograph.graph.model import Document
>>> extract(Document(id="d", text="Nothing happened.")).facts
()
"""

from __future__ import annotations

from collections.abc import Sequence
from operator import attrgetter

from diplograph.graph.extract import (
    anaphora,
    background,
    claims,
    discover,
    events,
    facts,
    groupings,
    linking,
    mentions,
    multilateral,
    people,
    plurals,
    voice,
)
from diplograph.graph.extract.lexicon import Rules, default_rules
from diplograph.graph.extract.parse import Parsed, parse
from diplograph.graph.extract.spans import Span, to_mention
from diplograph.graph.gcpause import paused
from diplograph.graph.model import (
    Document,
    Entity,
    Event,
    Extraction,
    Fact,
    PartialDate,
)

__all__ = ["extract"]


def _dates_of(p: Parsed, document: Document):
    """A function: sentence index -> the first date named in it (or None), read on demand
    (only sentences with an event are read; find_dates skips a sentence without a date word)."""
    from diplograph.graph.extract.dates import find_dates

    cache: dict[int, PartialDate | None] = {}

    def first(sent: int) -> PartialDate | None:
        if sent not in cache:
            start, end = p.sent_span(sent)
            found = [m.date for m in find_dates(p.text, start, end, document.date) if m.date is not None]
            cache[sent] = found[0] if found else None
        return cache[sent]

    return first


def _with_subtypes(spans: list[Span], gazetteer) -> list[Span]:
    """Copy each organization's subtype (and a government body's state) from the gazetteer."""
    if gazetteer is None:
        return spans
    out = []
    for s in spans:
        rec = gazetteer.get(s.eid) if s.eid and s.type in ("Organization", "Agreement") else None
        if rec and rec.get("subtype") and not s.subtype:
            s = s.with_(subtype=rec.get("subtype"), state=rec.get("state") if s.type == "Organization" else None)
        out.append(s)
    return out


def find_spans(p: Parsed, gazetteer, rules: Rules) -> list[Span]:
    """Every candidate mention, before linking (later finders see what earlier ones found)."""
    spans = _with_subtypes(mentions.gazetteer_spans(p, gazetteer, rules), gazetteer)
    spans = _replace(spans, people.find_people(p, spans, rules), overlap=True)
    spans = spans + discover.find_organizations(p, spans, rules)
    spans = _replace(spans, discover.find_outlets(p, spans, rules))
    spans = spans + discover.find_agreements(p, spans, rules)
    return _mark_agreement_modifiers(sorted(spans, key=attrgetter("i", "j", "kind")))


def _replace(spans: list[Span], new: list[Span], overlap: bool = False) -> list[Span]:
    """Add new spans; each replaces an old one over the same range (or overlapping it)."""
    if overlap:
        taken = {k for s in new for k in range(s.i, s.j)}
        spans = [s for s in spans if taken.isdisjoint(range(s.i, s.j))]
    by_range = {(s.i, s.j): s for s in spans}
    by_range.update({(s.i, s.j): s for s in new})
    return list(by_range.values())


def _mark_agreement_modifiers(spans: list[Span]) -> list[Span]:
    """States named inside an agreement's name ("Russian-Chinese friendship treaty") qualify it."""
    inside = {k for s in spans if s.type == "Agreement" for k in range(s.i, s.j)}
    if not inside:
        return spans
    return [s.with_(modifier=True) if s.type != "Agreement" and s.i in inside and s.j - 1 in inside
            else s for s in spans]


def _entities(spans: list[Span], text: str, gazetteer, found: list[Fact],
              evs: Sequence[Event] = ()) -> tuple[Entity, ...]:
    """One entity per linked id: gazetteer label and data, or the discovered name; aliases are the
    surface forms seen (offices such as "the Russian president" are not names). A state a fact or an
    event reaches (an official's state, a state named only as the place an event is aimed at) gets one
    too, so that no fact or event points at a node without a type or label; a state named only as a
    place ("talks in Madrid") is no actor, but its place names are its aliases."""
    first: dict[str, Span] = {}
    surfaces: dict[str, set[str]] = {}
    for s in spans:
        if s.eid and s.place and s.type == "State":
            surfaces.setdefault(s.eid, set()).add(text[s.start:s.end])
        if not s.eid or s.place or (s.modifier and s.subtype == "GovernmentBody"):
            continue  # "Chinese Foreign Ministry spokesman X": the ministry only qualifies the title
        named = s.kind in ("title+name", "organization", "agreement")
        if s.eid not in first or (named and first[s.eid].kind not in ("title+name", "organization", "agreement")):
            first[s.eid] = s
        if s.kind not in ("office", "office-state", *groupings.KINDS):
            surfaces.setdefault(s.eid, set()).add(text[s.start:s.end])
    out = []
    for eid in sorted(first):
        s = first[eid]
        rec = (gazetteer.get(eid) if gazetteer is not None else None) or {}
        label = rec.get("label") or s.name or text[s.start:s.end]
        out.append(Entity(id=eid, type=rec.get("type", s.type), label=label,
                          aliases=tuple(sorted(surfaces.get(eid, set()) - {label})),
                          subtype=rec.get("subtype") or s.subtype, wikidata=rec.get("wikidata"),
                          discovered=not rec))
    for eid in sorted(_reached(found, gazetteer, evs) - set(first)):
        rec = gazetteer.get(eid)
        out.append(Entity(id=eid, type=rec["type"], label=rec["label"], wikidata=rec.get("wikidata"),
                          subtype=rec.get("subtype"),
                          aliases=tuple(sorted(surfaces.get(eid, set()) - {rec["label"]}))))
    return tuple(sorted(out, key=attrgetter("id")))


def _reached(found: list[Fact], gazetteer, evs: Sequence[Event] = ()) -> set[str]:
    """Gazetteer states and organizations a fact or an event reaches (``officialOf`` of an official
    named without his state, a government body whose only mention qualifies another name, a state
    named only as a place that an event's target rule took: "strikes in Georgia")."""
    if gazetteer is None:
        return set()
    ids = {x for f in found for x in (f.s, f.o) if isinstance(x, str)} | \
        {x for e in evs for x in (e.actor, e.target) if x}
    return {i for i in ids if gazetteer.type_of(i) in ("State", "Organization") and gazetteer.get(i)}


def _state_lookup(spans: list[Span], gazetteer, on):
    states = {s.eid: s.state for s in spans if s.type == "Official" and s.eid and s.state}
    type_of = _type_lookup(spans, gazetteer)

    def state_of(eid: str) -> str | None:
        kind = type_of(eid)
        if kind == "State":
            return eid
        return states.get(eid) or (gazetteer.state_of(eid, on) if gazetteer is not None and kind == "Official"
                                   else None)

    return state_of


def _body_states(spans: list[Span]) -> dict[str, str]:
    """Government body id -> its state ("the People's Liberation Army" -> China), from the gazetteer."""
    return {s.eid: s.state for s in spans
            if s.eid and s.type == "Organization" and s.subtype == "GovernmentBody" and s.state}


def _type_lookup(spans: list[Span], gazetteer):
    types = {s.eid: s.type for s in spans if s.eid}
    return lambda eid: types.get(eid) or (gazetteer.type_of(eid) if gazetteer is not None else None)


def _unique_facts(found: list[Fact]) -> tuple[Fact, ...]:
    out: dict[tuple, Fact] = {}
    for f in found:
        key = (f.s, f.p, f.o)
        if key not in out or (out[key].origin == "gazetteer" and f.origin == "text"):
            out[key] = f
    return tuple(out[k] for k in sorted(out))


def extract(document: Document, gazetteer=None, rules: Rules | None = None) -> Extraction:
    """Read one document.

    Args:
        document: The document (offsets in the result index ``document.text``).
        gazetteer: The loaded gazetteer (``diplograph.ontology.gazetteer.load()``), or None.
        rules: Lexicon, titles and cue words (default: the shipped data files).
    """
    with paused():  # no reference cycles are made: the collector would walk them for nothing
        return _extract(document, gazetteer, rules or default_rules())


def _extract(document: Document, gazetteer, rules: Rules) -> Extraction:
    on = linking.doc_date(document.date)
    p = parse(document, gazetteer, rules)
    linked, unresolved = linking.link(p, find_spans(p, gazetteer, rules), gazetteer, on)
    linked = linking.fill_states(p, linking.add_surnames(p, linked, rules), gazetteer, on)
    linked = [s for s in linked if not (s.type == "Organization" and s.kind == "acronym" and not s.eid)]
    linked = groupings.expand(linked, gazetteer, on)  # "the Baltic states": each member state
    linked = plurals.resolve(p, linked, rules, gazetteer)  # "the seven countries": the seven named before
    readable = [s for s in linked if s.subtype != "MediaOutlet" or s.type != "Organization"]
    readable = anaphora.with_pronouns(p, readable, rules)  # "it", "they": their antecedents (anaphora.py)
    readings = claims.claimed_targets(p, events.readings(p, readable, rules), readable)  # "accusations that X"
    readings = voice.quoted_speakers(p, readings, readable)  # '"Welcome," said X': X welcomes
    dates_of = _dates_of(p, document)
    evs = facts.events_of(readings, p, document, dates_of)
    evs = groupings.talks(p, evs, linked, gazetteer)  # "Iran and the six powers reached a deal": they met
    host = frozenset(rules.by_id["host"].phrases) if "host" in rules.by_id else frozenset()
    evs = multilateral.hosted(evs, host)  # "X hosted talks between A and B": X met A and B
    evs = multilateral.hosted_before(p, evs, host)  # "X hosted the summit. The talks between A and B ..."
    evs = multilateral.brought_together(p, evs, linked, lambda n: facts.evidence(p, document.id, n),
                                        lambda n: dates_of(n) or document.date)  # "X brought A and B together"
    state_of, type_of = _state_lookup(linked, gazetteer, on), _type_lookup(linked, gazetteer)
    found = facts.official_facts(linked, p, document, gazetteer, on) + \
        facts.event_facts(evs, state_of, type_of, _body_states(linked)) + \
        background.background_facts(linked, gazetteer, on, p, evs) + \
        facts.cite_facts(linked, p, document, gazetteer)
    entities = _entities(linked, document.text, gazetteer, found, evs)
    mentions = tuple(to_mention(s, document.text) for s in linked)
    found += facts.state_facts(entities, mentions, document, gazetteer)  # "the Lithuanian Parliament": Lithuania's
    return Extraction(document=document, entities=entities, mentions=mentions,
                      facts=_unique_facts(found), events=tuple(sorted(evs, key=_event_key)),
                      unresolved=tuple(to_mention(s, document.text) for s in unresolved))


def _event_key(e) -> tuple:
    return (e.evidence.start, e.trigger, e.actor, e.target or "", e.event_type)
