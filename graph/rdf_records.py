"""Stage: an extraction's facts and events -> their triples: reified fact records, event nodes, their evidence.

A fact becomes its direct ("truthy") triple and a record (origin, evidence, document); an official's office
gets the gazetteer's dates of its term; relations between officials are also lifted to the states they serve
(:func:`lifted_facts`). An event becomes one node, minted from what happened when it is known to the day.
Records and events are keyed by strings and ints where cached: a corpus states the same facts again.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache

from diplograph.graph import iri
from diplograph.graph.model import Event, Evidence, Extraction, Fact, PartialDate
from diplograph.graph.rdf_terms import (DERIVED, EXTRACTOR, PROV, RDF_NS, SCHEMA, TYPE, Triples, _clean_text,
                                        _document, boolean, date_literal, decimal, dg, entity_iri, integer, minted,
                                        node, text, uri)

LIFTED = ("met", "criticizes", "supports", "joins")
ENTITY_RELATIONS = ("officialOf", "stateOf", "memberOf", "partyTo", "signed", "met", "withdrawsFrom", "joins",
                    "criticizes", "supports", "cites")


_STATEMENT, _SUBJECT = uri(RDF_NS + "Statement"), uri(RDF_NS + "subject")
_PREDICATE, _OBJECT = uri(RDF_NS + "predicate"), uri(RDF_NS + "object")
_GENERATED, _EXTRACTOR = uri(PROV + "wasGeneratedBy"), uri(EXTRACTOR)
_EVIDENCE, _ORIGIN = dg("evidence"), dg("origin")
_EVENT_TYPE, _ACTOR, _TARGET, _MODALITY = dg("eventType"), dg("actor"), dg("target"), dg("modality")
_NEGATED, _HEDGED, _CONFIDENCE, _RELATION = dg("negated"), dg("hedged"), dg("confidence"), dg("relation")
_DATE, _TRIGGER, _EVENT = dg("date"), dg("trigger"), dg("Event")
_TRUE, _FALSE = boolean(True), boolean(False)
_START, _END = uri(SCHEMA + "startDate"), uri(SCHEMA + "endDate")


def _fact_term(doc_id: str, s: str, p: str, o: str, origin: str) -> str:
    """``<iri.fact_iri(doc_id, s, p, o, origin)>`` of five strings, hashed without the general join."""
    hashed = hashlib.sha256(f"{doc_id}\x1f{s}\x1f{p}\x1f{o}\x1f{origin}".encode("utf-8", "surrogatepass")).hexdigest()
    return "<" + iri.ID + "fact/" + hashed[:16] + ">"


def add_evidence(g: Triples, ev: Evidence) -> str:
    e, add = _evidence(ev.doc, ev.sentence, ev.start, ev.end, ev.quote)  # a tuple key hashes in C, a dataclass not
    g.items.update(add)
    return e


@lru_cache(maxsize=1 << 12)  # a span is the evidence of several facts and events of its document
def _evidence(doc: str, sentence: int, start: int, end: int, quote: str) -> tuple[str, tuple[tuple[str, ...], ...]]:
    e = minted(iri.evidence_iri(doc, start, end))
    return e, ((e, TYPE, dg("Evidence")), (e, dg("document"), _document(doc)),
               (e, dg("sentence"), integer(sentence)), (e, dg("start"), integer(start)),
               (e, dg("end"), integer(end)), (e, dg("quote"), text(quote)))


@lru_cache(maxsize=1 << 14)  # keyed by strings: a corpus states the same facts (memberships, offices) again
def _ends(s_id: str, p: str, o_id: str) -> tuple[str, str, str, str, str]:
    """Subject and object of a fact as plain strings (IRIs, or roleTitle's text) and as N-Triples terms,
    and its predicate's term; the subject of ``cites`` is the document, left empty here."""
    s = "" if p == "cites" else entity_iri(s_id)
    if p == "roleTitle":
        o, o_term = _clean_text(o_id), text(o_id)
    else:
        o = entity_iri(o_id)
        o_term = uri(o)
    return s, uri(s) if s else "", o, o_term, dg(p)


def add_fact(g: Triples, fact: Fact, doc_iri: str, doc_id: str) -> str:
    s, s_term, o, o_term, p = _ends(fact.s, fact.p, fact.o)
    if not s:
        s, s_term = doc_iri, _document(doc_id)
    f = _fact_term(doc_id, s, fact.p, o, fact.origin)
    g.items.update(((s_term, p, o_term), (f, TYPE, _STATEMENT), (f, _SUBJECT, s_term), (f, _PREDICATE, p),
                    (f, _OBJECT, o_term), (f, _ORIGIN, text(fact.origin)), (f, DERIVED, _document(doc_id))))
    for ev in fact.evidence:
        g.items.add((f, _EVIDENCE, add_evidence(g, ev)))
    return f


def add_term_of_office(g: Triples, record: str, fact: Fact, on: PartialDate | None, gazetteer) -> None:
    """The gazetteer's dates of the office behind an officialOf fact, held on the document's date."""
    if gazetteer is None or on is None:
        return
    g.items.update((record, p, o) for p, o in _term_of_office(gazetteer, fact.s, fact.o, on.year, on.month, on.day))


@lru_cache(maxsize=1 << 12)  # keyed by ints and strings: a corpus names the same officials on the same days
def _term_of_office(gazetteer, official: str, of: str, year: int, month: int, day: int) -> tuple[tuple[str, str], ...]:
    """(predicate, date) of the start and end of the first office of ``official`` in ``of`` held on that day."""
    on = PartialDate(year, month, day).first_day()
    for office in gazetteer.offices(official):
        if office.of == of and office.held_on(on):
            return (((_START, date_literal(office.start)),) if office.start else ()) + \
                (((_END, date_literal(office.end)),) if office.end else ())
    return ()


def event_iri(ev: Event) -> str:
    """The event's IRI: reports of one dated event (same type, actors, day) share it across documents.

    An event known to the day is minted from what happened, so a second report of it adds evidence to the
    same node and dyads count events, not mentions; a vaguer event is minted from where it was read.
    """
    key: tuple = (ev.event_type, ev.actor, ev.target, ev.negated, ev.modality)
    if ev.date is not None and ev.date.precision == "day":
        return iri.event_iri(*key, ev.date.iso())
    e = ev.evidence
    return iri.event_iri(*key, e.doc, e.start, e.end, ev.trigger)


@lru_cache(maxsize=256)
def _event_type(name: str) -> str:
    return uri(iri.event_type_iri(name))


def add_event(g: Triples, ev: Event, doc_iri: str) -> str:
    n = minted(event_iri(ev))
    add = [(n, TYPE, _EVENT), (n, _EVENT_TYPE, _event_type(ev.event_type)), (n, _ACTOR, node(ev.actor)),
           (n, _MODALITY, dg(ev.modality)), (n, _NEGATED, _TRUE if ev.negated else _FALSE),
           (n, _HEDGED, _TRUE if ev.hedged else _FALSE), (n, _CONFIDENCE, decimal(ev.confidence)),
           (n, _EVIDENCE, add_evidence(g, ev.evidence)), (n, DERIVED, uri(doc_iri)), (n, _GENERATED, _EXTRACTOR)]
    if ev.target:
        add.append((n, _TARGET, node(ev.target)))
    if ev.relation:
        add.append((n, _RELATION, dg(ev.relation)))
    if ev.date:
        add.append((n, _DATE, date_literal(ev.date)))
    if ev.trigger:
        add.append((n, _TRIGGER, text(ev.trigger)))
    g.items.update(add)
    return n


def lifted_facts(ex: Extraction, gazetteer) -> list[Fact]:
    """Relations between officials restated between the states they serve.

    An organization's relations are not restated (its ``dg:stateOf`` serves the dyads and the queries): the
    gold standard compares relations between states with an official replaced by its state, never an
    organization, so "the Knesset condemned Iran" restated as Israel's would be a fact it does not hold.
    """
    types = {e.id: e.type for e in ex.entities}
    serves = {f.s: f.o for f in ex.facts if f.p == "officialOf" and _is_state(f.o, types, gazetteer)}
    out = []
    for f in ex.facts:
        if f.p not in LIFTED:
            continue
        s, o = serves.get(f.s, f.s), serves.get(f.o, f.o)
        if (s, o) != (f.s, f.o) and s != o:
            out.append(Fact(s, f.p, o, origin="lifted", evidence=f.evidence, date=f.date))
    return out


def _is_state(entity_id: str, types: dict[str, str], gazetteer) -> bool:
    return types.get(entity_id) == "State" or (gazetteer is not None and gazetteer.type_of(entity_id) == "State")
