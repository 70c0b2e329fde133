"""The views graph in the store's default graph only (not also as the named graph dgid:graph/views).

Built by the real pipeline on our own short articles and the customer's example: the store must hold each
document's graph as named, the merge of all graphs of graph.nq.gz (views included) as its default graph,
answer every library query as the store with a named copy of the views graph did, and after reruns (one
document changed, one added, one removed) hold exactly what a clean build's store holds.
"""

from __future__ import annotations

import gzip
import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest

from diplograph.graph import store_build, store_load
from diplograph.graph.errors import OutputError
from diplograph.graph.merge import VIEWS_GRAPH, Part
from diplograph.graph.pipeline import build
from diplograph.graph.store import examples, run

ID = "https://w3id.org/diplograph/id/"
EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "monitor-8-7.txt"
ARTICLES = (
    ("2001-03-05", "Russian Foreign Minister Igor Ivanov met Chinese Foreign Minister Tang Jiaxuan in Moscow."),
    ("2001-03-12", "China and Russia signed a treaty on friendly cooperation. France criticized Russia."),
    ("2001-06-20", "Chinese President Jiang Zemin met Russian President Vladimir Putin in Beijing."),
    ("2001-07-02", "The United States criticized China over its missile exports. India met Japan."),
)


def write_corpus(folder: Path) -> Path:
    folder.mkdir(parents=True)
    shutil.copy(EXAMPLE, folder / "monitor-8-7.txt")
    for n, (date, text) in enumerate(ARTICLES):
        (folder / f"note-{n}.txt").write_text(f"---\ndate: {date}\n---\n{text}\n", encoding="utf-8")
    return folder


def quads(out: Path) -> set[str]:
    return {str(q) for q in ox.Store.read_only(str(out / "store"))}


def graph_file_quads(out: Path) -> list[ox.Quad]:
    with gzip.open(out / "graph.nq.gz", "rb") as fh:
        return list(ox.parse(fh.read(), format=ox.RdfFormat.N_QUADS))


def as_before(out: Path, target: Path) -> ox.Store:
    """The store as the previous layout had it: every graph of graph.nq.gz named (views included), their merge
    in the default graph."""
    every = graph_file_quads(out)
    store = ox.Store(str(target))
    store.bulk_load(input=ox.serialize(every, format=ox.RdfFormat.N_QUADS), format=ox.RdfFormat.N_QUADS)
    store.bulk_load(input=ox.serialize({q.triple for q in every}, format=ox.RdfFormat.N_TRIPLES),
                    format=ox.RdfFormat.N_TRIPLES)
    return store


def canonical(triples) -> set[ox.Triple]:
    """Triples as a store holds them (values: "1.0"^^xsd:decimal is 1)."""
    store = ox.Store()
    store.bulk_load(input=ox.serialize(set(triples), format=ox.RdfFormat.N_TRIPLES) or b"", format=ox.RdfFormat.N_TRIPLES)
    return {q.triple for q in store}


def answers(store: ox.Store, sparql: str):
    result = run(store, sparql)
    return result.kind, result.boolean, sorted(map(str, result.rows)), sorted(map(str, result.triples))


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("s5") / "out"
    build([write_corpus(out.parent / "in")], out, html=False)
    return out


@pytest.mark.slow  # the corpus build of the fixture
def test_store_s5_views_are_in_the_default_graph_only_and_documents_named(built):
    every = graph_file_quads(built)
    store = ox.Store.read_only(str(built / "store"))
    views = [q for q in every if q.graph_name.value == VIEWS_GRAPH]
    assert len(views) > 50 and all(q.subject.value.startswith((ID + "dyad/", ID + "triangle/")) for q in views)
    named = {g.value for g in store.named_graphs()}
    assert named == {q.graph_name.value for q in every} - {VIEWS_GRAPH} and len(named) == 5
    for graph in named:
        held = {q.triple for q in store.quads_for_pattern(None, None, None, ox.NamedNode(graph))}
        assert held == canonical(q.triple for q in every if q.graph_name.value == graph)
    default = {q.triple for q in store.quads_for_pattern(None, None, None, ox.DefaultGraph())}
    assert default == canonical(q.triple for q in every)  # the merge of all graphs, views included, each triple once
    assert len(store) == sum(1 for q in every if q.graph_name.value != VIEWS_GRAPH) + len(default)


@pytest.mark.slow
def test_store_s5_every_library_query_answers_as_with_the_named_views_graph(built, tmp_path):
    before, now = as_before(built, tmp_path / "before"), ox.Store.read_only(str(built / "store"))
    assert len(before) > len(now)
    found = 0
    for name, example in examples().items():
        sparql = example.render()
        assert answers(now, sparql) == answers(before, sparql), name
        found += bool(answers(now, sparql)[2] or answers(now, sparql)[3])
    assert found >= len(examples()) - 2  # the queries find something on this corpus, not merely nothing twice


@pytest.mark.slow
def test_store_s5_reruns_change_add_remove_equal_a_clean_build(built, tmp_path, monkeypatch):
    monkeypatch.setattr(store_build, "UPDATE_SHARE", 1.0)  # always patch: 5 documents only
    folder, out = tmp_path / "in", tmp_path / "out"
    shutil.copytree(built.parent / "in", folder)
    shutil.copytree(built, out)
    steps = [
        lambda: (folder / "note-1.txt").write_text("---\ndate: 2001-03-12\n---\nChina criticized Japan.\n"),
        lambda: (folder / "note-4.txt").write_text("---\ndate: 2002-02-01\n---\nIndia met Pakistan in Delhi.\n"),
        lambda: (folder / "note-2.txt").unlink(),
    ]
    for n, step in enumerate(steps):
        step()
        assert build([folder], out, html=False).store == "updated"
        clean = build([folder], tmp_path / f"clean-{n}", html=False)
        assert clean.store == "loaded" and quads(out) == quads(tmp_path / f"clean-{n}")
        assert (out / "store" / store_build.STATE).read_bytes() == \
            (tmp_path / f"clean-{n}" / "store" / store_build.STATE).read_bytes()


@pytest.mark.slow
def test_store_s5_a_store_of_the_previous_layout_is_loaded_anew(built, tmp_path):
    folder, out = tmp_path / "in", tmp_path / "out"
    shutil.copytree(built.parent / "in", folder)
    shutil.copytree(built, out)
    state = out / "store" / store_build.STATE
    state.write_text(state.read_text().replace('"layout": 2', '"layout": 1'))  # as if named views were there
    assert store_build.read_state(out / "store") == {}
    (folder / "note-3.txt").write_text("---\ndate: 2001-07-02\n---\nIndia met Japan in Tokyo.\n", encoding="utf-8")
    assert build([folder], out, html=False).store == "loaded"  # 1 of 6 graphs changed: patched, were it layout 2
    assert build([folder], tmp_path / "clean", html=False).store == "loaded"
    assert quads(out) == quads(tmp_path / "clean")


def test_store_s5_views_about_other_subjects_or_documents_about_view_nodes_are_refused(tmp_path):
    doc = f"<{ID}russia> <urn:p> \"x\" <{ID}doc/a> .\n".encode()
    stray_view = f"<{ID}russia> <urn:p> \"y\" <{VIEWS_GRAPH}> .\n".encode()
    posing = f"<{ID}dyad/china--russia> <urn:p> \"z\" <{ID}doc/b> .\n".encode()
    for parts, message in (([Part(f"{ID}doc/a", doc), Part(VIEWS_GRAPH, stray_view)], "another subject"),
                           ([Part(f"{ID}doc/b", posing)], "about a view node")):
        with pytest.raises(OutputError, match=message):
            store_build.write_build_store(parts, tmp_path / "store")
        assert not (tmp_path / "store").exists() and not (tmp_path / "store.tmp").exists()


def test_store_s5_unseen_passes_own_runs_whole_and_gives_shared_lines_once():
    shared = [f"<{ID}{s}> <urn:label> \"{s}\" .".encode() for s in ("china", "russia", "zambia")]
    own = [f"<{ID}{kind}/{n}> <urn:p> \"{n}\" .".encode() for kind in ("doc", "event", "fact") for n in range(3)]
    text = b"\n".join(sorted(shared + own)) + b"\n"
    seen: set[bytes] = set()
    assert sorted(store_load.unseen(text, seen).splitlines()) == sorted(shared + own)
    assert store_load.unseen(text, seen).splitlines() == sorted(own)  # the shared lines were given already
    unsorted = b"\n".join(sorted(shared + own, reverse=True)) + b"\n"  # runs then hold shared lines: loaded twice
    assert set(store_load.unseen(unsorted, set()).splitlines()) == set(shared + own)


def test_store_s5_views_triples_reads_the_views_graph_back_from_the_default_graph(tmp_path):
    from test_store_sample import SAMPLE_TRIG, build_sample

    from diplograph.graph.store import open_store, views_triples

    every = list(ox.parse(SAMPLE_TRIG.encode(), format=ox.RdfFormat.TRIG))
    store = open_store(build_sample(tmp_path))
    assert ox.NamedNode(VIEWS_GRAPH) not in set(store.named_graphs())
    assert set(views_triples(store)) == canonical(q.triple for q in every if q.graph_name.value == VIEWS_GRAPH)


def test_store_s5_write_store_keeps_the_default_graph_triples_it_is_given(tmp_path):
    from diplograph.graph.store import write_store

    given = (f"<{ID}russia> <urn:p> \"named\" <{ID}doc/a> .\n<{ID}ontology> <urn:p> \"default\" .\n"
             f"<{ID}dyad/a--b> <urn:p> \"view\" <{VIEWS_GRAPH}> .\n").encode()
    assert write_store(given, tmp_path / "store") == 4  # one named quad, three default-graph triples
    default = {str(q.triple) for q in ox.Store.read_only(str(tmp_path / "store"))
               .quads_for_pattern(None, None, None, ox.DefaultGraph())}
    assert default == {f'<{ID}russia> <urn:p> "named"', f'<{ID}ontology> <urn:p> "default"', f'<{ID}dyad/a--b> <urn:p> "view"'}
