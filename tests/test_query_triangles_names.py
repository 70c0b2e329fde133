"""The triangles query names each triangle's members in alphabetical order of their names.

It finds the middle name by cutting the first and last out of the three joined (a corpus has hundreds
of thousands of triangles: no three-way join of members); names that begin alike, a member without a
label and two members with the same label must still come out right.
"""

from __future__ import annotations

import pyoxigraph as ox

from diplograph.graph.store import example, run

ID = "https://w3id.org/diplograph/id/"
DG = "https://w3id.org/diplograph/ontology#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
LABEL = "http://www.w3.org/2000/01/rdf-schema#label"


def _store(triangles: dict[str, tuple[tuple[str, ...], str, str | None]], labels: dict[str, str]) -> ox.Store:
    store, quads = ox.Store(), []
    node = lambda local: ox.NamedNode(ID + local)  # noqa: E731
    for t, (members, cls, pivot) in triangles.items():
        quads.append(ox.Quad(node(t), ox.NamedNode(RDF_TYPE), ox.NamedNode(DG + "Triangle")))
        quads.append(ox.Quad(node(t), ox.NamedNode(DG + "triangleClass"), ox.Literal(cls)))
        quads += [ox.Quad(node(t), ox.NamedNode(DG + "member"), node(m)) for m in members]
        if pivot:
            quads.append(ox.Quad(node(t), ox.NamedNode(DG + "pivot"), node(pivot)))
    quads += [ox.Quad(node(s), ox.NamedNode(LABEL), ox.Literal(name, language="en")) for s, name in labels.items()]
    store.extend(quads)
    return store


def _rows(store: ox.Store) -> list[tuple[str, ...]]:
    result = run(store, example("triangles").render({}))
    return [tuple(r.get(c, "") for c in ("first", "second", "third", "class", "pivot", "balanced"))
            for r in result.values()]


def test_query_triangles_middle_name_when_names_begin_alike():
    store = _store({"triangle/t1": (("nigeria", "niger", "chad"), "romantic", "niger")},
                   {"nigeria": "Nigeria", "niger": "Niger", "chad": "Chad"})
    assert _rows(store) == [("Chad", "Niger", "Nigeria", "romantic", "Niger", "false")]


def test_query_triangles_member_without_label_and_twin_labels():
    store = _store({"triangle/t1": (("a", "b", "c"), "menage", None),
                    "triangle/t2": (("x", "y", "z"), "marriage", None)},
                   {"a": "Same", "b": "Same", "x": "Alpha", "y": "Beta"})  # c and z have no label
    assert _rows(store) == [
        ("Alpha", "Beta", ID + "z", "marriage", "", "true"),
        ("Same", "Same", ID + "c", "menage", "", "true"),
    ]
