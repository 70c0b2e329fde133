"""The fast Turtle block writer, the N-Quads sort and the document digest on tricky hand-written input.

Each case states the exact Turtle (or bytes) expected, so a faster rewrite of graph/turtle.py, of
``rdf.Triples.nquads`` or of ``stream.digest_of_terms`` must keep graph.ttl's byte format.
"""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from diplograph.graph import rdf, turtle
from diplograph.graph.views.stream import digest_of_terms

G = "<https://w3id.org/diplograph/id/doc/d>"
ID = "https://w3id.org/diplograph/id/"
DG = "https://w3id.org/diplograph/ontology#"
TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
XSD = "http://www.w3.org/2001/XMLSchema#"
S = f"<{ID}russia>"
P = f"<{DG}note>"


def quads(*lines: str, graph: str = G) -> bytes:
    return "".join(f"{line} {graph} .\n" for line in lines).encode("utf-8")


def one(obj: str) -> str:
    """The Turtle of the single triple ``russia dg:note obj``."""
    return turtle.block(quads(f"{S} {P} {obj}")).decode("utf-8")


@pytest.mark.parametrize("iri, expected", [
    (f"<{ID}official/igor-ivanov>", "dgid:official\\/igor-ivanov"),
    (f"<{ID}gerhard_schr%C3%B6der>", "dgid:gerhard_schr%C3%B6der"),
    (f"<{ID}a.b>", "dgid:a.b"),
    (f"<{ID}v1.%41>", "dgid:v1.%41"),
    (f"<{ID}_x>", "dgid:_x"),
    (f"<{ID}a.>", f"<{ID}a.>"),  # a local name cannot end with "."
    (f"<{ID}a..b>", f"<{ID}a..b>"),
    (f"<{ID}-a>", f"<{ID}-a>"),
    (f"<{ID}a%2G>", f"<{ID}a%2G>"),
    (f"<{ID}\u00e9t\u00e9>", f"<{ID}\u00e9t\u00e9>"),
    (f"<{ID}>", f"<{ID}>"),
    (f"<{ID}a#b>", f"<{ID}a#b>"),
    ("<https://w3id.org/diplograph/eventtype/CONSULT>", "dget:CONSULT"),
    ("<http://www.wikidata.org/entity/Q159>", "wd:Q159"),
    ("<http://example.org/x>", "<http://example.org/x>"),
    ("<https://w3id.org/diplograph/other/x>", "<https://w3id.org/diplograph/other/x>"),
])
def test_turtle_speed_equiv_iris(iri: str, expected: str) -> None:
    assert one(iri) == f"dgid:russia dg:note {expected} .\n\n"


@pytest.mark.parametrize("literal, expected", [
    (f'"12"^^<{XSD}integer>', "12"),
    (f'"-3"^^<{XSD}integer>', "-3"),
    (f'"1e3"^^<{XSD}integer>', '"1e3"^^xsd:integer'),
    (f'"1.5"^^<{XSD}decimal>', "1.5"),
    (f'"5."^^<{XSD}decimal>', '"5."^^xsd:decimal'),
    (f'"true"^^<{XSD}boolean>', "true"),
    (f'"True"^^<{XSD}boolean>', '"True"^^xsd:boolean'),
    (f'"2024-01-02"^^<{XSD}date>', '"2024-01-02"^^xsd:date'),
    (f'"x"^^<{DG}custom>', '"x"^^dg:custom'),
    ('"x"^^<http://example.org/dt>', '"x"^^<http://example.org/dt>'),
    ('"Moskva"@ru', '"Moskva"@ru'),
    ('"say \\"hi\\"\\n\\ttab \\\\ back"', '"say \\"hi\\"\\n\\ttab \\\\ back"'),
    ('"\u00fcber \u4e2d\u6587 \U0001F600"@de', '"\u00fcber \u4e2d\u6587 \U0001F600"@de'),
    (f'"ends like a quad {G} ."', f'"ends like a quad {G} ."'),
    ('"a . b ."', '"a . b ."'),
])
def test_turtle_speed_equiv_literals(literal: str, expected: str) -> None:
    assert one(literal) == f"dgid:russia dg:note {expected} .\n\n"


def test_turtle_speed_equiv_types_first_and_objects_in_order() -> None:
    data = quads(f'{S} <http://schema.org/name> "Russia"',
                 f'{S} <http://schema.org/name> "Rossiya"@ru',
                 f"{S} {TYPE} <{DG}Actor>",
                 f"{S} {TYPE} <{DG}State>",
                 f"{S} <{DG}memberOf> <{ID}un>",
                 f"_:b0 {P} {S}")
    assert turtle.block(data).decode() == (
        'dgid:russia a dg:Actor , dg:State ;\n\tschema:name "Russia" , "Rossiya"@ru ;\n\tdg:memberOf dgid:un .\n\n'
        "_:b0 dg:note dgid:russia .\n\n")


def test_turtle_speed_equiv_unsorted_lines() -> None:
    """A predicate met again later joins its first group; a subject met again starts a new statement."""
    data = quads(f"{S} {P} <{ID}a>", f"{S} <{DG}other> <{ID}b>", f"{S} {P} <{ID}c>",
                 f"<{ID}x> {P} <{ID}d>", f"{S} {P} <{ID}e>")
    assert turtle.block(data).decode() == (
        "dgid:russia dg:note dgid:a , dgid:c ;\n\tdg:other dgid:b .\n\n"
        "dgid:x dg:note dgid:d .\n\n"
        "dgid:russia dg:note dgid:e .\n\n")


def test_turtle_speed_equiv_ntriples_and_missing_newline() -> None:
    data = f'{S} {P} "x ." .\n{S} {P} <{ID}y> .'.encode()
    assert turtle.block(data, quads=False).decode() == 'dgid:russia dg:note "x ." , dgid:y .\n\n'
    assert turtle.block(b"") == b""
    assert turtle.block(quads(f"{S} {P} <{ID}y>")[:-1]) == b"dgid:russia dg:note dgid:y .\n\n"


def test_turtle_speed_equiv_blank_lines_and_broken_lines() -> None:
    data = quads(f"{S} {P} <{ID}y>").replace(b"\n", b"\n\n")
    assert turtle.block(data) == b"dgid:russia dg:note dgid:y .\n\n"
    with pytest.raises(ValueError):
        turtle.block(f"{S} {P} <{ID}y> {G} .\n{S} {G} .\n".encode())  # the end eats the predicate


def test_turtle_speed_equiv_same_bytes_twice() -> None:
    """The remembered terms of one block do not change the next (same graph, or another graph)."""
    data = quads(f"{S} {P} <{ID}a.>", f"{S} {P} \"1\"^^<{XSD}integer>")
    first = turtle.block(data)
    assert turtle.block(data) == first
    assert turtle.block(quads(f"{S} {P} <{ID}a.>", graph="<http://example.org/g>")) == \
        b"dgid:russia dg:note <https://w3id.org/diplograph/id/a.> .\n\n"


def test_turtle_speed_equiv_parses_back_to_the_same_triples() -> None:
    lines = [f"{S} {TYPE} <{DG}State>", f'{S} {P} "q \\"x\\" \\u00e9"@en', f"{S} {P} <{ID}a/b.c>",
             f'<{ID}e/1> <{DG}start> "7"^^<{XSD}integer>', f'<{ID}e/1> <{DG}weight> "0.5"^^<{XSD}decimal>']
    data = quads(*sorted(lines))
    ttl = turtle.header() + turtle.block(data)
    got = {q.triple for q in ox.parse(ttl, format=ox.RdfFormat.TURTLE)}
    want = {q.triple for q in ox.parse(data, format=ox.RdfFormat.N_QUADS)}
    assert got == want


def test_turtle_speed_equiv_nquads_sorted_as_bytes() -> None:
    """Lines sorted as text and encoded once come out in the order of their UTF-8 bytes."""
    g = rdf.Triples()
    for value in ("z", "\u00e9", "\U0001F600", "\uffff", "a", "A"):
        g.add(S, P, rdf.text(value))
    data = g.nquads(G[1:-1])
    lines = data.split(b"\n")[:-1]
    assert lines == sorted(lines) and len(lines) == 6
    assert data.endswith(f" {G} .\n".encode())
    assert rdf.Triples().nquads(G[1:-1]) == b""


def test_turtle_speed_equiv_digest_exact_bytes() -> None:
    officialof, label = f"<{DG}officialOf>", "<http://www.w3.org/2000/01/rdf-schema#label>"
    triples = {(S, label, '"Russia"@en'), (S, label, '"R\\"x"@en'), ("_:b", officialof, S),
               (S, P, '"ignored"'), (f"<{ID}putin>", officialof, S)}
    assert digest_of_terms(triples, 9) == (
        '{"quads":9,"triples":{"_:b":{"https://w3id.org/diplograph/ontology#officialOf":'
        '["https://w3id.org/diplograph/id/russia"]},"https://w3id.org/diplograph/id/putin":'
        '{"https://w3id.org/diplograph/ontology#officialOf":["https://w3id.org/diplograph/id/russia"]},'
        '"https://w3id.org/diplograph/id/russia":{"http://www.w3.org/2000/01/rdf-schema#label":'
        '["R\\"x","Russia"]}}}').encode()
