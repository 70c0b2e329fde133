"""Property-based tests (hypothesis) over arbitrary Unicode and adversarial names.

The default run stays around half a minute; ``-m slow`` runs the same properties on many more inputs.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from diplograph.exports.registry import RDF_FORMATS, RDFLIB_PARSERS, render
from diplograph.graph import iri
from diplograph.graph.errors import InputError
from diplograph.graph.extract import extract
from diplograph.graph.extract.documents import parse_document
from diplograph.graph.model import Document
from diplograph.graph.pipeline import build_dataset
from diplograph.ontology import validate

TEMPLATE = "President {name} of Russia met {name2} in Beijing."
OX_FORMATS = {"ttl": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES, "nq": ox.RdfFormat.N_QUADS,
              "trig": ox.RdfFormat.TRIG, "jsonld": ox.RdfFormat.JSON_LD}
# Text as it comes out of decoded bytes: any code point but lone surrogates (no decoder yields them).
UNICODE = st.characters(blacklist_categories=("Cs",))
ADVERSARIAL = st.sampled_from([
    "Vladimir Putin", "Jiang Zemin", "<script>alert(1)</script>", '"><img src=x onerror=alert(1)>', "a\x00b",
    "O'Brien & Sons", "<http://evil.example/> .", "@prefix x: <y> .", '"""', "\\", "\\u0022", "e\u0301",
    "\u202eLTR\u202c", "\ufeffBOM", "Владимир Путин", "习近平", "\u2028\u2029", "\r\n", "%2F..%2F", "#frag",
    "x" * 300, "  ", "\U0001F600", "ǅ", "İstanbul", "ß", "\t\x0b\x0c",
])
NAMES = st.one_of(ADVERSARIAL, st.text(UNICODE, max_size=30))
SENTENCES = st.builds(TEMPLATE.format, name=NAMES, name2=NAMES)
TEXTS = st.one_of(SENTENCES, st.text(UNICODE, max_size=200),
                  st.lists(SENTENCES, min_size=2, max_size=4).map(" ".join))
FAST = settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
MANY = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def build_text(text: str):
    """build_dataset over one file holding ``text`` as UTF-8; returns the BuildResult."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzz.txt"
        path.write_bytes(text.encode("utf-8"))
        return build_dataset([path])


def check_build(text: str) -> None:
    result = build_text(text)
    if not result.documents:  # refused on purpose: an InputError message naming the file
        assert [msg for _, msg in result.failures] and all("fuzz.txt" in m for _, m in result.failures)
        assert not text.strip() or "binary" in result.failures[0][1]
        return
    dataset = result.dataset
    for fmt in RDF_FORMATS:
        data = render(fmt, dataset)
        parsed = rdflib.Dataset(default_union=True).parse(data=data, format=RDFLIB_PARSERS[fmt])
        assert len(parsed) > 0, fmt
        assert len(list(ox.parse(data, format=OX_FORMATS[fmt]))) > 0, fmt
    union = rdflib.Graph().parse(data=render("ttl", dataset), format="turtle")
    conforms, report = validate(union)[:2]
    assert conforms, report


def check_mentions(text: str, gazetteer) -> None:
    ex = extract(Document(id="fuzz", text=text), gazetteer)
    for m in (*ex.mentions, *ex.unresolved):
        assert text[m.start:m.end] == m.text, m
    for ev in ex.events:
        assert text[ev.evidence.start:ev.evidence.end] == ev.evidence.quote
    for entity in ex.entities:
        check_iri(iri.entity_iri(entity.id))


def check_iri(value: str) -> None:
    node = ox.NamedNode(value)  # raises on an invalid IRI
    assert node.value == value and value.startswith("https://w3id.org/diplograph/")
    assert not any(c in value for c in ' <>"{}|^`\\') and value.isprintable()


@FAST
@given(TEXTS)
def test_hardening_build_never_crashes_and_exports_parse(text):
    check_build(text)


@FAST
@given(TEXTS)
def test_hardening_mention_offsets_slice_back(gazetteer, text):
    check_mentions(text, gazetteer)


@settings(max_examples=150, deadline=None)
@given(NAMES, st.sampled_from(["Official", "State", "Organization", "Agreement"]))
def test_hardening_minted_iris_valid_and_stable(name, type_):
    minted = [iri.entity_iri(iri.discovered_id(type_, name)), iri.document_iri(iri.slug(name)),
              iri.event_iri(name, type_), iri.evidence_iri(name, 0, 1), iri.fact_iri(name, type_)]
    for value in minted:
        check_iri(value)
    assert minted == [iri.entity_iri(iri.discovered_id(type_, name)), iri.document_iri(iri.slug(name)),
                      iri.event_iri(name, type_), iri.evidence_iri(name, 0, 1), iri.fact_iri(name, type_)]
    # The same name in another Unicode normal form is the same actor.
    import unicodedata

    nfd = unicodedata.normalize("NFD", name)
    assert iri.discovered_id(type_, nfd) == iri.discovered_id(type_, name)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300) | st.builds(lambda p, t, e: p + t.encode(e, "replace"),
                                           st.sampled_from([b"", b"\xef\xbb\xbf", b"\xff\xfe", b"\x89PNG", b"---\n"]),
                                           st.text(UNICODE, max_size=100), st.sampled_from(["utf-8", "utf-16",
                                                                                           "cp1251", "latin-1"])))
def test_hardening_reader_only_raises_input_error(raw):
    try:
        doc = parse_document(raw, doc_id="fuzz", path="fuzz.txt")
    except InputError as exc:
        assert str(exc).startswith("fuzz.txt") or str(exc).startswith("--date")
        assert "\n" not in str(exc)
        return
    assert doc.text.strip() and "\r" not in doc.text and not doc.text.startswith("\ufeff")


@pytest.mark.slow
@settings(MANY, max_examples=100)
@given(TEXTS)
def test_hardening_build_never_crashes_many(text):
    check_build(text)


@pytest.mark.slow
@MANY
@given(TEXTS)
def test_hardening_mention_offsets_many(gazetteer, text):
    check_mentions(text, gazetteer)
