"""The dyad tables read straight off a fold (views/folded.py) equal those of the views' networkx graph."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from diplograph.graph.pipeline import assemble, build_dataset
from diplograph.graph.views import synth
from diplograph.graph.views.chunks import chunks_bytes, write_chunks
from diplograph.graph.views.dyads import dyad_tables
from diplograph.graph.views.folded import view_tables
from diplograph.graph.views.stream import fold, graph_of
from test_views_stream import EXAMPLE, REPORTS  # the same example and four reports

STATES = ["ankara", "berlin_state", "cairo_state", "delhi_state", "lima_state", "oslo_state"]
OFFICIALS = {"envoy_a": "ankara", "envoy_b": "berlin_state", "envoy_c": "ankara", "minister_d": "oslo_state"}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> list[Path]:
    folder = tmp_path_factory.mktemp("folded")
    paths = []
    for n in range(6):
        body = " ".join(REPORTS[(n + k) % len(REPORTS)] for k in range(2))
        path = folder / f"report-{n}.txt"
        path.write_text(f"---\ndate: 2001-12-{10 + n % 3:02d}\n---\n{body}\n", encoding="utf-8")
        paths.append(path)
    return [EXAMPLE, *paths]


def _nquads(ntriples: str, graph: str) -> bytes:
    return "".join(f"{line[:-2]} <{graph}> .\n" for line in ntriples.splitlines() if line).encode("utf-8")


def synthetic_graphs(seed: int, docs: int = 12) -> list[bytes]:
    """Documents of events between states and officials: mirrored meetings, negated and forecast events,
    undated ones, facts some event covers and facts restated between officials, one official serving two
    states, an actor that is no state."""
    rng = random.Random(seed)
    actors = STATES + list(OFFICIALS) + ["some_group"]
    out = []
    for d in range(docs):
        doc, events = f"doc-{d}", []
        for _ in range(rng.randint(3, 12)):
            a, b = rng.sample(actors, 2)
            date = rng.choice([None, "2001", f"2001-{rng.randint(1, 12):02d}", f"2002-0{rng.randint(1, 9)}-1{d % 9}"])
            kind = rng.choice(["CONSULT", "SUPPORT", "DISAPPROVE", "THREATEN", "COOPERATE"])
            relation = {"CONSULT": "met", "SUPPORT": "supports", "DISAPPROVE": "criticizes"}.get(kind)
            ev = synth.Ev(a, b, kind, date, relation, rng.random() < 0.15,
                          "forecast" if rng.random() < 0.1 else "act", doc, f"Quote {rng.randint(0, 4)}.")
            events.append(ev)
            if relation == "met" and rng.random() < 0.5:  # the same meeting read both ways
                events.append(synth.Ev(b, a, kind, date, relation, ev.negated, ev.modality, doc, ev.quote))
        facts = [(rng.choice(actors[:-1]), rng.choice(["met", "supports", "criticizes", "joins", "withdrawsFrom",
                                                        "memberOf"]), rng.choice(actors[:-1])) for _ in range(4)]
        facts = [f for f in facts if f[0] != f[2]]
        officials = dict(OFFICIALS, envoy_c="cairo_state") if d % 5 == 0 else OFFICIALS
        extra = synth.document_lines(doc, f"2001-{1 + d % 12:02d}-15")
        text = synth.ntriples(events, states=STATES, officials=officials, facts=facts, extra=extra)
        out.append(_nquads(text, f"{synth.ID}doc/{doc}"))
    return out


def assert_same_tables(f, by: str | None) -> None:
    G = graph_of(f)
    tables = view_tables(f, by)
    overall, by_period = dyad_tables(G, by)
    assert tables.overall == overall
    assert tables.by_period == by_period
    assert {s: tables.names[s] for s in tables.names} == {s: G.nodes[s]["label"] for s in tables.names}
    assert {s for s in G if G.nodes[s]["type"] == "State"} == set(tables.names)


@pytest.mark.parametrize("by", ["quarter", "month", None])
def test_views_folded_tables_equal_graph_tables_on_articles(corpus, by):
    result = build_dataset(corpus, views=False)
    f = fold(part.read_nquads() for part in result.parts)
    assert_same_tables(f, by)
    assert len(view_tables(f, by).overall) >= 3


@pytest.mark.parametrize("seed", range(8))
def test_views_folded_tables_equal_graph_tables_on_synthetic_documents(seed):
    f = fold(synthetic_graphs(seed))
    assert_same_tables(f, "quarter")
    tables = view_tables(f)
    assert any(d.count > 1 for d in tables.overall.values())
    assert any(e.startswith(synth.ID + "event/") for d in tables.overall.values() for e in d.events)


def test_views_folded_chunks_equal_graph_chunks():
    f = fold(synthetic_graphs(99, docs=30))
    graph = synth.ID + "graph/views"
    from_graph = chunks_bytes(write_chunks(graph_of(f), graph))
    from_tables = chunks_bytes(write_chunks(view_tables(f), graph))
    assert from_tables == from_graph
    assert from_graph[0].count(b"\n") > 100


@pytest.mark.parametrize("saved", [True, False])  # read back from the saved bucket folds, or the fold held
def test_views_folded_assemble_makes_the_graph_only_when_asked(corpus, tmp_path, saved):
    result = build_dataset(corpus, views=False)
    parts, later, counts, _ = assemble(result.parts, folder=tmp_path / "views" if saved else None)
    assert any((tmp_path / "views").glob("fold-*.marshal")) == saved
    assert callable(later)
    assert len(parts) > len(result.parts)  # the views graph's chunks
    G = later()
    whole = graph_of(fold(part.read_nquads() for part in result.parts))
    assert sorted(G.edges(keys=True)) == sorted(whole.edges(keys=True))
    assert counts["events"] > 0


def test_views_folded_build_result_views_is_made_on_first_use(corpus):
    result = build_dataset(corpus)
    assert "_views" in result.__dict__ and callable(result.__dict__["_views"])
    G = result.views
    assert result.views is G and G.number_of_edges() > 50
