"""A corpus' HTML pages drawn from its fold and views tables equal those drawn from the views' networkx graph,
and a rerun after one changed document draws the pages a clean build draws."""

from __future__ import annotations

import pytest
from diplograph.exports.corpus_network import network_of_fold, strongest_of_fold
from diplograph.exports.network import network_from_views, strongest
from diplograph.exports.viewpages import pages_of_tables, view_pages
from diplograph.graph import outputs, pipeline
from diplograph.graph.views.folded import view_tables
from diplograph.graph.views.stream import fold, graph_of
from test_views_folded import corpus, synthetic_graphs  # noqa: F401 - corpus is a fixture

PAGES = ("graph.html", "dyads.html", "triangles.html")


@pytest.mark.parametrize("seed", range(4))
def test_html_corpus_fold_network_equals_the_graphs(seed):
    f = fold(synthetic_graphs(seed))
    nodes, edges = network_of_fold(f)
    assert (nodes, edges) == network_from_views(graph_of(f))
    assert any(e["evidence"] for e in edges) and any(e["relation"] == "met" for e in edges)


def test_html_corpus_fold_network_and_pages_of_real_documents(corpus):  # noqa: F811 - the fixture
    f = fold(part.read_nquads() for part in pipeline.build_dataset(corpus, views=False).parts)
    G = graph_of(f)
    nodes, edges = network_of_fold(f)
    assert (nodes, edges) == network_from_views(G)
    assert {"Russia", "China"} <= {n["label"] for n in nodes}
    pages = pages_of_tables(view_tables(f))
    assert pages == view_pages(G)
    assert "Russia" in pages["dyads.html"] and "triangle" in pages["triangles.html"].lower()


def _pages(out) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in PAGES}


def test_html_corpus_fold_rerun_draws_the_clean_builds_pages(corpus, tmp_path, monkeypatch):  # noqa: F811
    monkeypatch.setattr(outputs, "HTML_DATASET_LIMIT", 0)  # draw as for a corpus
    folder = tmp_path / "in"
    folder.mkdir()
    paths = []
    for path in corpus:
        paths.append(folder / path.name)
        paths[-1].write_bytes(path.read_bytes())
    pipeline.build([folder], tmp_path / "rerun", store=False)
    before = _pages(tmp_path / "rerun")
    changed = paths[1]
    changed.write_text(changed.read_text(encoding="utf-8") + "\nChina criticized Japan on Friday.\n",
                       encoding="utf-8")
    result = pipeline.build([folder], tmp_path / "rerun", store=False)
    assert result.extracted == [changed.stem]
    pipeline.build([folder], tmp_path / "clean", store=False, cache=False)
    after = _pages(tmp_path / "rerun")
    assert after == _pages(tmp_path / "clean")
    assert after["graph.html"] != before["graph.html"]


@pytest.mark.parametrize("limit", [1, 7, 40, 10_000])
def test_html_corpus_fold_strongest_makes_only_the_kept_records(limit):
    f = fold(synthetic_graphs(limit))
    nodes, edges = network_of_fold(f)
    shown, drawn, n_nodes, n_edges = strongest_of_fold(f, limit)
    assert (shown, drawn) == strongest(nodes, edges, limit)
    assert (n_nodes, n_edges) == (len(nodes), len(edges))
    assert len(drawn) == min(limit, len(edges))
