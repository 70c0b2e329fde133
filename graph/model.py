"""Frozen record types that cross stage boundaries.

Every offset is a character offset into :attr:`Document.text` (the decoded file, front matter
included), so ``doc.text[m.start:m.end] == m.text`` always holds. spaCy objects never leave the
extractor.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date as _date

PRECISIONS = ("day", "month", "year")
MODALITIES = ("act", "statement", "assessment", "forecast")
ENTITY_TYPES = ("State", "Official", "Organization", "Agreement")


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date known to a given precision: 2002-01-07 (day), 2002-01 (month) or 2002 (year)."""

    year: int
    month: int = 0
    day: int = 0

    @property
    def precision(self) -> str:
        return "day" if self.day else "month" if self.month else "year"

    def iso(self) -> str:
        if self.day:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"

    @classmethod
    def parse(cls, text: str) -> "PartialDate":
        """Parse ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``.

        >>> PartialDate.parse("2002-01").precision
        'month'
        """
        parts = [int(p) for p in str(text).strip().split("-")[:3]]
        pd = cls(*parts)
        _date(pd.year, pd.month or 1, pd.day or 1)  # raises ValueError on 2002-13 or 2002-02-30
        return pd

    def first_day(self) -> _date:
        return _date(self.year, self.month or 1, self.day or 1)


@dataclass(frozen=True)
class Document:
    """One input text and its metadata.

    Attributes:
        id: Stable slug used to mint the document IRI.
        text: The whole decoded text; offsets everywhere index into it.
        body_start: Offset where the prose starts (after front matter and header lines).
        date: Publication date, to the precision known.
    """

    id: str
    text: str
    body_start: int = 0
    date: PartialDate | None = None
    title: str | None = None
    source: str | None = None
    publication: str | None = None
    url: str | None = None
    path: str | None = None
    sha256: str = ""
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class Evidence:
    """Where a claim was read: a document, a sentence index and a character span."""

    doc: str
    sentence: int
    start: int
    end: int
    quote: str


@dataclass(frozen=True)
class Mention:
    """A span of text naming an actor.

    Attributes:
        type: One of ENTITY_TYPES.
        entity_id: The linked entity id, or None when unresolved or ambiguous.
        rule: Which rule produced it ("gazetteer", "title+name", "metonym", ...).
        candidates: Every entity id the span could denote (more than one means ambiguous).
        role: The office title read next to the name ("Foreign Minister"), if any.
        state: Entity id of the state an official serves or an adjective names, if read.
        place: True when the span names a place ("in Moscow"), not an actor.
    """

    start: int
    end: int
    text: str
    type: str
    entity_id: str | None
    rule: str
    sentence: int = 0
    candidates: tuple[str, ...] = ()
    role: str | None = None
    state: str | None = None
    place: bool = False


@dataclass(frozen=True)
class Entity:
    """An actor: from the gazetteer, or discovered in text (``discovered=True``)."""

    id: str
    type: str
    label: str
    aliases: tuple[str, ...] = ()
    subtype: str | None = None
    wikidata: str | None = None
    discovered: bool = False


@dataclass(frozen=True)
class Fact:
    """A direct relation ``s p o`` (o an entity id, or a string for ``roleTitle``).

    Attributes:
        origin: "text" when read in the document, "gazetteer" for background knowledge.
    """

    s: str
    p: str
    o: str
    origin: str = "text"
    evidence: tuple[Evidence, ...] = ()
    date: PartialDate | None = None
    confidence: float = 1.0


@dataclass(frozen=True)
class Event:
    """Something an actor did or said to a target, with its PLOVER type and evidence.

    Attributes:
        event_type: PLOVER type name ("CONSULT", "DISAPPROVE", ...).
        relation: The core fact it supports ("met", "criticizes", ...), or None.
        negated: True for "did not meet"; negated events assert no fact.
        hedged: True for "reportedly", "may"...
    """

    event_type: str
    actor: str
    target: str | None
    relation: str | None
    evidence: Evidence
    date: PartialDate | None = None
    modality: str = "act"
    negated: bool = False
    hedged: bool = False
    confidence: float = 0.8
    trigger: str = ""


@dataclass(frozen=True)
class Extraction:
    """Everything read from one document."""

    document: Document
    entities: tuple[Entity, ...] = ()
    mentions: tuple[Mention, ...] = ()
    facts: tuple[Fact, ...] = ()
    events: tuple[Event, ...] = ()
    unresolved: tuple[Mention, ...] = field(default=())
