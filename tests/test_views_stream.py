"""The views' graph read one document graph at a time equals the one read from the whole dataset."""

from __future__ import annotations

from pathlib import Path

import pytest

from diplograph.graph.pipeline import build_dataset
from diplograph.graph.views import load_graph
from diplograph.graph.views.stream import load_parts

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "monitor-8-7.txt"
REPORTS = (
    "Russian Foreign Minister Igor Ivanov met Chinese Foreign Minister Tang Jiaxuan in Moscow on Monday.",
    "China criticized the United States over its missile defence plans on Monday.",
    "Japan and South Korea signed an agreement on fisheries. Tokyo supported Seoul in the talks.",
    "The United States withdrew from the Anti-Ballistic Missile Treaty, and Russia condemned the move.",
)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> list[Path]:
    folder = tmp_path_factory.mktemp("stream")
    paths = []
    for n in range(6):  # the same meeting reported on the same day by several documents merges into one event
        body = " ".join(REPORTS[(n + k) % len(REPORTS)] for k in range(2))
        path = folder / f"report-{n}.txt"
        path.write_text(f"---\ndate: 2001-12-{10 + n % 3:02d}\n---\n{body}\n", encoding="utf-8")
        paths.append(path)
    return [EXAMPLE, *paths]


def graphs(G):
    return dict(G.nodes(data=True)), {(u, v, k): d for u, v, k, d in G.edges(keys=True, data=True)}


def test_views_stream_equals_whole_dataset(corpus):
    result = build_dataset(corpus, views=False)
    whole = load_graph(result.dataset)
    streamed = load_parts(part.read_nquads() for part in result.parts)
    assert graphs(streamed) == graphs(whole)
    assert whole.number_of_edges() > 50
    shared = [k for k, d in graphs(whole)[1].items() if d["kind"] == "event" and len(d["evidence"]) > 1]
    assert shared  # some event was reported by two documents and carries both pieces of evidence


def test_views_stream_order_of_graphs_does_not_matter(corpus):
    result = build_dataset(corpus, views=False)
    forward = load_parts(part.read_nquads() for part in result.parts)
    backward = load_parts(part.read_nquads() for part in reversed(result.parts))
    assert graphs(forward) == graphs(backward)


def test_views_digest_from_terms_equals_digest_from_nquads(corpus):
    from diplograph.graph import rdf
    from diplograph.graph.iri import document_iri
    from diplograph.graph.views.stream import digest, digest_of_terms

    result = build_dataset(corpus, views=False)
    for ex in result.extractions:
        triples = rdf.triples(ex, None)
        nquads = triples.nquads(document_iri(ex.document.id))
        assert digest_of_terms(triples.items, nquads.count(b"\n")) == digest(nquads)
