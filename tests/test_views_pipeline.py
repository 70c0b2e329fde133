"""Views over real builds: the customer's example and two dated documents of our own."""

from __future__ import annotations

import pytest
from rdflib import RDF, URIRef

from diplograph.graph.iri import ID
from diplograph.graph.pipeline import VIEWS_GRAPH, build, build_dataset
from diplograph.graph.views import dyads, dyads_by_period, load_graph, resolve, timeline, triangle
from diplograph.ontology.namespace import DG

# Our own sentences (not from any third-party text), one document per quarter.
Q1 = """---
title: Moscow keeps both partners close
date: 2002-02-11
---
Russian Foreign Minister Igor Ivanov met Chinese President Jiang Zemin in Beijing on Monday. Russia praised its \
growing cooperation with the United States. China criticized the United States over its missile defense plans.
"""
Q3 = """---
title: Moscow turns cold on Washington
date: 2002-08-20
---
Russian Foreign Minister Igor Ivanov met Chinese Foreign Minister Tang Jiaxuan in Moscow on Tuesday. Russia \
criticized the United States over its new sanctions. China condemned the United States for the same decision.
"""


@pytest.fixture(scope="module")
def example(example_path):
    return build_dataset([example_path]).dataset


def test_example_gives_the_gold_dyad_signs(example):
    G = load_graph(example)
    ru, cn, us = (resolve(G, n) for n in ("Russia", "China", "United States"))
    table = dyads(G)
    signs = {frozenset(k): d.sign for k, d in table.items()}
    assert signs[frozenset((ru, cn))] == "+"
    assert signs[frozenset((ru, us))] == "+"
    assert signs[frozenset((cn, us))] == "-"


def test_example_triangle_is_romantic_with_russia_as_pivot(example):
    G = load_graph(example)
    ru, cn, us = (resolve(G, n) for n in ("Russia", "China", "United States"))
    t = triangle(dyads(G), cn, us, ru)
    assert (t.cls, t.pivot, t.balanced) == ("romantic", ru, False)
    assert t.count >= 3 and all(d.events for d in t.dyads)


def test_example_views_are_in_the_views_graph(example):
    views = example.graph(VIEWS_GRAPH)
    t = URIRef(ID + "triangle/china--russia--united_states")
    assert (t, RDF.type, DG.Triangle) in views
    assert views.value(t, DG.pivot) == URIRef(ID + "russia")
    assert str(views.value(URIRef(ID + "dyad/china--united_states"), DG.sign)) == "-"


def test_two_documents_in_two_quarters_change_the_triangle(tmp_path):
    (tmp_path / "q1.txt").write_text(Q1, encoding="utf-8")
    (tmp_path / "q3.txt").write_text(Q3, encoding="utf-8")
    build([tmp_path / "q1.txt", tmp_path / "q3.txt"], tmp_path / "out", html=False, store=False)
    G = load_graph(tmp_path / "out")
    ru, cn, us = (resolve(G, n) for n in ("Russia", "China", "United States"))
    rows = timeline(dyads_by_period(G, "quarter"), ru, cn, us)
    assert [(t.period, t.cls) for t in rows] == [("2002-Q1", "romantic"), ("2002-Q3", "marriage")]
    assert rows[0].pivot == ru and rows[1].outsider == us
