"""turtle.block_of (a graph's sorted triples to Turtle) gives the bytes turtle.block gives for its N-Quads.

Also: the one-match path for the usual IRI (turtle._iri) writes what the general path (turtle._any_iri) writes.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from diplograph.graph import rdf, turtle
from diplograph.graph.extract import extract
from diplograph.graph.extract.documents import parse_document
from diplograph.ontology import gazetteer as gazetteer_module
from diplograph.ontology.namespace import PREFIXES
from hypothesis import given, settings
from hypothesis import strategies as st

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "monitor-8-7.txt"
GRAPH = "https://w3id.org/diplograph/id/doc/d"
ID = "https://w3id.org/diplograph/id/"
DG = "https://w3id.org/diplograph/ontology#"
XSD = "http://www.w3.org/2001/XMLSchema#"
TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"


def both(items) -> tuple[bytes, bytes]:
    """(block_of of the sorted rows, block of the N-Quads) of a set of triples."""
    g = rdf.Triples()
    g.items.update(items)
    return turtle.block_of(g.rows()), turtle.block(g.nquads(GRAPH))


@pytest.fixture(scope="module")
def example_triples() -> rdf.Triples:
    gazetteer = gazetteer_module.load()
    doc = parse_document(EXAMPLE.read_bytes(), doc_id="monitor-8-7", path=str(EXAMPLE))
    return rdf.triples(extract(doc, gazetteer), gazetteer)


def test_turtle_block_of_example(example_triples) -> None:
    fast, plain = both(example_triples.items)
    assert fast == plain
    assert fast.count(b" .\n\n") == len({s for s, _, _ in example_triples.items})
    assert b"dgid:doc\\/monitor-8-7 a schema:NewsArticle , dg:Document ;\n\tschema:datePublished " in fast


def test_turtle_block_of_cold_cache_same_bytes(example_triples) -> None:
    warm = turtle.block_of(example_triples.rows())
    turtle._terms.clear()
    assert turtle.block_of(example_triples.rows()) == warm


S = f"<{ID}russia>"
OBJECTS = [f"<{ID}official/igor-ivanov>", f"<{ID}a.>", f"<{ID}v1.%41>", f'"12"^^<{XSD}integer>',
           f'"1.5"^^<{XSD}decimal>',
           f'"true"^^<{XSD}boolean>', f'"2002-01"^^<{XSD}gYearMonth>', '"x"^^<http://example.org/dt>', '"Moskva"@ru',
           '"say \\"hi\\"\\n"', '"\u00fcber \U0001F600"@de', f'"ends like a quad <{GRAPH}> ."', "_:b1",
           "<http://example.org/x>"]


def test_turtle_block_of_tricky_terms() -> None:
    items = {(s, p, o) for s in (S, "_:b1", f"<{ID}a.b>") for p in (f"<{DG}note>", TYPE, "<http://schema.org/name>")
             for o in OBJECTS}
    fast, plain = both(items)
    assert fast == plain
    assert fast.startswith(b"dgid:a.b a 1.5 , 12 , ") and b"\n\n_:b1 a 1.5 , 12 , " in fast


def test_turtle_block_of_empty() -> None:
    assert turtle.block_of([]) == turtle.block(b"") == b""


NAMESPACES = [ns for _, ns in PREFIXES] + ["http://example.org/", "https://w3id.org/diplograph/"]
LOCALS = st.lists(st.sampled_from(["a", "Z", "0", "_", "-", ".", "/", "%41", "%4", "\u00e9", "#", "x.y"]),
                  max_size=5).map("".join)


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(NAMESPACES), LOCALS)
def test_turtle_block_of_plain_iri_path(ns: str, local: str) -> None:
    term = f"<{ns}{local}>"
    assert turtle._iri(term) == turtle._any_iri(term)


@pytest.mark.parametrize("term, expected", [
    (f"<{ID}fact/0123abcd>", "dgid:fact\\/0123abcd"),
    (f"<{DG}met>", "dg:met"),
    (f"<{ID}-a>", f"<{ID}-a>"),
    (f"<{ID}>", f"<{ID}>"),
    ("<http://example.org/a>", "<http://example.org/a>"),
])
def test_turtle_block_of_iri_examples(term: str, expected: str) -> None:
    assert turtle._iri(term) == expected == turtle._any_iri(term)
