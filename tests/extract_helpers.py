"""Helpers shared by the extractor's event tests: read a sentence of ours, list its events and core facts."""

from __future__ import annotations

from diplograph.graph.extract import extract
from diplograph.graph.model import Document, Extraction, PartialDate

CORE = {"met", "signed", "criticizes", "supports", "withdrawsFrom", "joins", "partyTo"}


def read(text: str, gaz, on: PartialDate = PartialDate(2020, 5, 4)) -> Extraction:
    """Extract ``text`` as a document dated ``on`` (2020-05-04 unless given)."""
    return extract(Document(id="t", text=text, date=on), gaz)


def triples(ex: Extraction) -> set[tuple]:
    """(event type, actor, target) of every event."""
    return {(e.event_type, e.actor, e.target) for e in ex.events}


def core_facts(ex: Extraction) -> set[tuple]:
    """(s, p, o) of the core interaction facts."""
    return {(f.s, f.p, f.o) for f in ex.facts if f.p in CORE}
