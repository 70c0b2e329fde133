"""The worker's fast serialization (rdf.Triples.rows, nquads, minted IRIs, cached offices) keeps the bytes.

Each test states the plain definition the fast path replaces (lines sorted as text, every IRI checked by
pyoxigraph, every literal cleaned, the gazetteer asked for every fact) and checks both give the same.
"""

from __future__ import annotations

import datetime
from pathlib import Path

import pyoxigraph as ox
import pytest
from diplograph.exports.rdf import safe_literal_text
from diplograph.graph import executor, iri, rdf, rdf_records, rdf_terms, turtle
from diplograph.graph.extract import extract
from diplograph.graph.extract.documents import parse_document
from diplograph.graph.model import Fact, PartialDate
from diplograph.graph.views.folder import digest_of_terms
from hypothesis import given, settings
from hypothesis import strategies as st

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "monitor-8-7.txt"
GRAPH = "https://w3id.org/diplograph/id/doc/d"


@pytest.fixture(scope="module")
def example(gazetteer):
    doc = parse_document(EXAMPLE.read_bytes(), doc_id="monitor-8-7", path=str(EXAMPLE))
    return extract(doc, gazetteer)


def sorted_lines(items: set[tuple[str, str, str]], graph: str = GRAPH) -> bytes:
    """The definition: each triple written as an N-Quads line, the lines sorted as text."""
    return "".join(sorted(f"{s} {p} {o} <{graph}> .\n" for s, p, o in items)).encode("utf-8")


def triples_of(items) -> rdf.Triples:
    g = rdf.Triples()
    g.items.update(items)
    return g


S, P = "<http://example.org/s>", "<http://example.org/p>"
TRICKY_OBJECTS = ['"a"', '"a"@en', '"a"@en-us', '"a b"', '"a"^^<http://www.w3.org/2001/XMLSchema#string>',
                  '"a\\"b"', '"a\\\\"', '"a\\nb"', '"\u00e9"', '"\U0001F600"', '"z"', '_:b1', '_:b12', '_:b1a',
                  "<http://example.org/a>", "<http://example.org/a/b>", "<http://example.org/a#>",
                  "<http://example.org/\u00e9>", '""', '""@en']


def test_rdf_speed_equiv_rows_sort_like_lines_on_prefix_terms() -> None:
    items = {(s, p, o) for o in TRICKY_OBJECTS for s in (S, "_:b1", "_:b12") for p in (P, P[:-1] + "2>")}
    assert triples_of(items).nquads(GRAPH) == sorted_lines(items)


literals = st.builds(lambda text, lang: str(ox.Literal(text, language=lang) if lang else ox.Literal(text)),
                     st.text(max_size=8), st.sampled_from([None, "en", "en-gb", "ru"]))
iris = st.builds(lambda tail: str(ox.NamedNode("http://example.org/" + tail)),
                 st.lists(st.sampled_from(["a", "b", "/", "\u00e9", "%20", "-"]), max_size=6).map("".join))
terms = st.one_of(literals, iris, st.builds("_:b{}".format, st.integers(0, 200)))


@settings(max_examples=200, deadline=None)
@given(st.sets(st.tuples(st.sampled_from([S, "_:b1", "_:b12", "<http://example.org/s/1>"]),
                         st.sampled_from([P, "<http://example.org/p2>"]), terms), max_size=30))
def test_rdf_speed_equiv_rows_sort_like_lines(items: set) -> None:
    assert triples_of(items).nquads(GRAPH) == sorted_lines(items)


def test_rdf_speed_equiv_example_nquads(example, gazetteer) -> None:
    g = rdf.triples(example, gazetteer)
    assert len(g.items) > 100
    assert g.nquads(iri.document_iri("monitor-8-7")) == sorted_lines(g.items, iri.document_iri("monitor-8-7"))
    assert g.nquads(GRAPH, g.rows()) == g.nquads(GRAPH)
    assert triples_of(set()).nquads(GRAPH) == b""


def test_rdf_speed_equiv_minted_iris_are_checked_iris(example, gazetteer) -> None:
    minted = {t for s, _, o in rdf.triples(example, gazetteer).items for t in (s, o)
              if t.startswith(("<" + iri.ID + "fact/", "<" + iri.ID + "event/", "<" + iri.ID + "evidence/"))}
    assert len(minted) > 20
    assert all(rdf.uri(term[1:-1]) == term for term in minted)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=12), st.text(max_size=12), st.sampled_from(["met", "roleTitle", "cites"]),
       st.sampled_from(["text", "gazetteer", "lifted"]))
def test_rdf_speed_equiv_fact_iri(doc_id: str, o: str, p: str, origin: str) -> None:
    s = iri.entity_iri("russia")
    assert rdf_records._fact_term(doc_id, s, p, o, origin) == rdf.uri(iri.fact_iri(doc_id, s, p, o, origin))


def cleaned(value: str) -> str:
    """The definition of a cleaned literal text (graph/iri.py, then exports/rdf.py)."""
    return safe_literal_text(iri.clean_text(value))


@pytest.mark.parametrize("value", ["Foreign Minister", "Schr\u00f6der", "\u4e2d\u6587", "a  b", " a", "a ", "a\tb",
                                   "a\nb", "a\u00a0b", "e\u0301", "a\x00b", "a\x7fb", "", "\u2028", "\U0001F600"])
def test_rdf_speed_equiv_clean_examples(value: str) -> None:
    assert rdf_terms._clean(value) == cleaned(value)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=20))
def test_rdf_speed_equiv_clean_is_cleaning(value: str) -> None:
    if rdf_terms._is_clean(value):
        assert cleaned(value) == value
    assert rdf_terms._clean(value) == cleaned(value)


def offices_reference(gazetteer, official: str, of: str, on: PartialDate) -> set[tuple[str, str]]:
    """What add_term_of_office adds, asked of the gazetteer directly (the code before its cache)."""
    for office in gazetteer.offices(official, on.first_day()):
        if office.of == of:
            return {(rdf.uri(rdf.SCHEMA + name), rdf.date_literal(when))
                    for name, when in (("startDate", office.start), ("endDate", office.end)) if when}
    return set()


def test_rdf_speed_equiv_term_of_office(gazetteer) -> None:
    officials = [i for i, r in gazetteer.records.items() if gazetteer.offices(i)][:300]
    dates = [PartialDate(1995), PartialDate(2002, 1, 7), PartialDate(2010, 6), PartialDate(2021, 3, 1)]
    found = 0
    for official in officials:
        for of in sorted({office.of for office in gazetteer.offices(official)}) + ["nowhere"]:
            for on in dates:
                g = rdf.Triples()
                rdf.add_term_of_office(g, "<urn:r>", Fact(official, "officialOf", of), on, gazetteer)
                expected = offices_reference(gazetteer, official, of, on)
                assert {(p, o) for _, p, o in g.items} == expected
                found += bool(expected)
    assert found > 50


def test_rdf_speed_equiv_date_literal() -> None:
    for date in (PartialDate(2002), PartialDate(2002, 1), PartialDate(2002, 1, 7), PartialDate(999, 12, 31)):
        assert rdf.date_literal(date) == str(ox.Literal(date.iso(), datatype=ox.NamedNode(
            rdf_terms._DATATYPES[date.precision])))
    assert datetime.date(2002, 1, 1) == PartialDate(2002).first_day()


def test_rdf_speed_equiv_serialize_is_the_plain_pipeline(example, gazetteer) -> None:
    nquads, block, member, digest = executor.serialize(example, gazetteer)
    g = rdf.triples(example, gazetteer)
    assert nquads == g.nquads(iri.document_iri("monitor-8-7"))
    assert block == turtle.block(nquads)
    assert member == executor.gzip_member(nquads)
    assert digest == digest_of_terms(g.items, nquads.count(b"\n"))
