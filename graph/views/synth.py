"""Small DESIGN-shaped graphs written by hand, for tests, examples and the benchmark.

Write the actors and events of a scenario as Python values and get N-Triples in the shape of
graph/DESIGN.md (states, officials with ``dg:officialOf``, events with type, actor, target, date,
modality, negation, evidence and document), or an rdflib Graph of it::

    >>> g = to_graph([Ev("russia", "china", "CONSULT", "2002-01-07")])
    >>> len(g) > 10
    True
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Iterable

import rdflib

from diplograph.graph.iri import EVENT_TYPE, ID, ONTOLOGY as DG, digest

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
XSD = "http://www.w3.org/2001/XMLSchema#"
LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
ALT = "http://www.w3.org/2004/02/skos/core#altLabel"
DERIVED = "http://www.w3.org/ns/prov#wasDerivedFrom"
PUBLISHED = "http://schema.org/datePublished"
_DATE_TYPES = {10: "date", 7: "gYearMonth", 4: "gYear"}


@dataclass(frozen=True)
class Ev:
    """One event: ``actor`` does ``type`` to ``target`` (ids such as "russia" or "igor_ivanov")."""

    actor: str
    target: str
    type: str
    date: str | None = None
    relation: str | None = None
    negated: bool = False
    modality: str = "act"
    doc: str = "doc-1"
    quote: str = "Quote."


def _iri(x: str) -> str:
    return f"<{x if x.startswith('http') else ID + x}>"


def _lit(value: str, lang: str | None = None, dtype: str | None = None) -> str:
    text = '"' + value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'
    return text + (f"@{lang}" if lang else f"^^<{XSD}{dtype}>" if dtype else "")


def _t(s: str, p: str, o: str) -> str:
    return f"{s} <{p}> {o} ."


def entity_lines(id_: str, kind: str, label: str, aliases: Iterable[str] = (), state: str | None = None) -> list[str]:
    """Triples of one entity; an official's ``state`` becomes ``dg:officialOf``."""
    s = _iri(id_)
    lines = [_t(s, RDF + "type", f"<{DG}{kind}>"), _t(s, LABEL, _lit(label, "en"))]
    lines += [_t(s, ALT, _lit(a, "en")) for a in aliases]
    if state:
        lines.append(_t(s, DG + "officialOf", _iri(state)))
    return lines


def event_lines(ev: Ev, n: int = 0) -> list[str]:
    """Triples of one event, its evidence and its document (``n`` numbers identical events)."""
    # Evidence is minted from where it was read, as the extractor does: one span, one node.
    e, v, d = _iri("event/" + digest(ev, n)), _iri("evidence/" + digest(ev.doc, ev.quote)), _iri("doc/" + ev.doc)
    lines = [_t(e, RDF + "type", f"<{DG}Event>"), _t(e, DG + "eventType", f"<{EVENT_TYPE}{ev.type}>"),
             _t(e, DG + "actor", _iri(ev.actor)), _t(e, DG + "target", _iri(ev.target)),
             _t(e, DG + "modality", f"<{DG}{ev.modality}>"),
             _t(e, DG + "negated", _lit("true" if ev.negated else "false", dtype="boolean")),
             _t(e, DG + "evidence", v), _t(e, DERIVED, d), _t(v, RDF + "type", f"<{DG}Evidence>"),
             _t(v, DG + "quote", _lit(ev.quote)), _t(v, DG + "document", d)]
    if ev.date:
        lines.append(_t(e, DG + "date", _lit(ev.date, dtype=_DATE_TYPES[len(ev.date)])))
    if ev.relation:
        lines.append(_t(e, DG + "relation", f"<{DG}{ev.relation}>"))
    return lines


def fact_lines(s: str, p: str, o: str) -> list[str]:
    """A direct fact ``s dg:p o`` without any event behind it."""
    return [_t(_iri(s), DG + p, _iri(o))]


def document_lines(doc: str, published: str) -> list[str]:
    return [_t(_iri("doc/" + doc), RDF + "type", f"<{DG}Document>"),
            _t(_iri("doc/" + doc), PUBLISHED, _lit(published, dtype=_DATE_TYPES[len(published)]))]


def _label(id_: str) -> str:
    return id_.replace("_", " ").title()


def ntriples(events: Iterable[Ev], *, states: Iterable[str] = (), officials: dict[str, str] | None = None,
             facts: Iterable[tuple[str, str, str]] = (), extra: Iterable[str] = ()) -> str:
    """N-Triples of a scenario: every actor named in an event is a state unless listed in ``officials``.

    Args:
        events: The events.
        states: Further states (ids), beyond those the events name.
        officials: Official id -> the id of the state it serves.
        facts: Direct facts ``(s, p, o)`` (ids) with no event behind them.
        extra: More N-Triples lines, as they are.
    """
    events, officials = list(events), dict(officials or {})
    named = {x for ev in events for x in (ev.actor, ev.target)} | set(states)
    named |= {x for s, _, o in facts for x in (s, o)} | set(officials.values())
    lines = [ln for st in sorted(named - set(officials)) for ln in entity_lines(st, "State", _label(st))]
    lines += [ln for off, st in sorted(officials.items()) for ln in entity_lines(off, "Official", _label(off), (), st)]
    seen: dict[Ev, int] = {}
    for ev in events:  # identical events stay apart, numbered in order of appearance
        seen[ev] = seen.get(ev, -1) + 1
        lines += event_lines(ev, seen[ev])
    lines += [ln for f in facts for ln in fact_lines(*f)]
    return "\n".join(sorted(set(lines) | set(extra))) + "\n"


def to_graph(events: Iterable[Ev], **kwargs) -> rdflib.Graph:
    """The scenario of :func:`ntriples` as an rdflib Graph."""
    return rdflib.Graph().parse(data=ntriples(events, **kwargs), format="nt")


def random_events(states: int | list[str], events: int, *, seed: int = 0, types: tuple[str, ...] = ("CONSULT",
                  "SUPPORT", "COOPERATE", "DISAPPROVE", "THREATEN", "ASSAULT")) -> list[Ev]:
    """Random events among ``states`` states (``s000``..., or these names), dated over 2000-2004,
    deterministic per seed."""
    rng = random.Random(seed)
    names = [f"s{i:03d}" for i in range(states)] if isinstance(states, int) else list(states)
    out = []
    for _ in range(events):
        a, b = rng.sample(names, 2)
        date = f"{rng.randint(2000, 2004)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        out.append(Ev(a, b, rng.choice(types), date))
    return out
