"""Stable, safe IRI minting for entities, documents, events and evidence.

Entities from the gazetteer keep their id (``id/russia``); discovered actors are minted from
their type and normalised name (``id/official/igor-ivanov``), so the same actor gets the same IRI
in every document. Events and evidence are minted from content hashes, never blank nodes.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from urllib.parse import quote

ONTOLOGY = "https://w3id.org/diplograph/ontology#"
ID = "https://w3id.org/diplograph/id/"
EVENT_TYPE = "https://w3id.org/diplograph/eventtype/"

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")


def local_name(iri: object) -> str:
    """The last segment of an IRI, after ``#`` or ``/``: ``dget:CONSULT`` -> ``CONSULT``.

    >>> local_name("https://w3id.org/diplograph/ontology#met")
    'met'
    """
    return str(iri).rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def clean_text(text: str) -> str:
    """NFC-normalise, drop control characters and lone surrogates, collapse whitespace."""
    text = _CONTROL.sub("", unicodedata.normalize("NFC", text.encode("utf-8", "surrogatepass").decode("utf-8", "replace")))
    return re.sub(r"\s+", " ", text).strip()


def slug(text: str) -> str:
    """A lower-case ASCII-ish slug for minting; keeps non-Latin letters, percent-encoded later.

    >>> slug("Igor  Ivanov")
    'igor-ivanov'
    >>> slug("Gerhard Schröder")
    'gerhard-schroder'
    """
    text = clean_text(text)
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(c for c in folded if not unicodedata.combining(c)).lower()
    folded = re.sub(r"[^\w]+", "-", folded, flags=re.UNICODE).strip("-_")
    return folded or "x"


def _safe(segment: str) -> str:
    return quote(segment, safe="-_.~")


def entity_iri(entity_id: str) -> str:
    """IRI of a gazetteer or discovered entity id (ids may contain one ``/`` for the type)."""
    return ID + "/".join(_safe(p) for p in entity_id.split("/"))


def discovered_id(type_: str, name: str) -> str:
    """Entity id of an actor found in text but not in the gazetteer.

    >>> discovered_id("Official", "Igor Ivanov")
    'official/igor-ivanov'
    """
    return f"{type_.lower()}/{slug(name)}"


def document_iri(doc_id: str) -> str:
    return ID + "doc/" + _safe(doc_id)


def digest(*parts: object, size: int = 16) -> str:
    """Hex digest of the parts joined unambiguously."""
    h = hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8", "surrogatepass"))
    return h.hexdigest()[:size]


def event_iri(*parts: object) -> str:
    return ID + "event/" + digest(*parts)


def evidence_iri(*parts: object) -> str:
    return ID + "evidence/" + digest(*parts)


def fact_iri(*parts: object) -> str:
    return ID + "fact/" + digest(*parts)


def event_type_iri(name: str) -> str:
    return EVENT_TYPE + _safe(name.upper())
