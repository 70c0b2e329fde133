"""The views graph in chunks (views/chunks.py): the same bytes as one stream, and a rerun writes only what changed."""

from __future__ import annotations

import shutil

import pytest

from diplograph.graph import merge
from diplograph.graph.iri import ID
from diplograph.graph.pipeline import build, build_dataset
from diplograph.graph.views import chunks, load_graph
from diplograph.graph.views.synth import Ev, random_events, to_graph
from diplograph.graph.views.to_rdf import views_bytes

GRAPH = ID + "graph/views"
TYPES = ("CONSULT", "SUPPORT", "COOPERATE", "DISAPPROVE", "THREATEN", "ASSAULT")
STATES = ["korea", "korea2", "korea-north", "korea_south", "kor", "a", "a.b", "b", "b-a", "zz", "peru", "chile"]


def graph_of(events: list[Ev]):
    return load_graph(to_graph(events))


@pytest.fixture(autouse=True)
def small_chunks(monkeypatch):
    """Chunks of a few dozen nodes: the test graphs are cut in many."""
    monkeypatch.setattr(chunks, "MIN_NODES", 24)


@pytest.fixture(scope="module")
def events() -> list[Ev]:
    return random_events(STATES, 500, seed=5, types=TYPES)


@pytest.mark.parametrize("states", [STATES, STATES + ["k+x"], STATES + ["http://example.org/state/q"]],
                         ids=["orderly", "char-below-dash", "foreign-iri"])
def test_views_chunks_are_the_streamed_views_cut_at_subjects(states):
    G = graph_of(random_events(states, 400, seed=3, types=TYPES))
    nquads, block, lines, _ = views_bytes(G, GRAPH, sliced=30)
    made = chunks.write_chunks(G, GRAPH, sliced=30)
    assert len(made) > 3  # the test corpus is cut, not held whole
    assert chunks.chunks_bytes(made) == (nquads, block) and sum(c.lines for c in made) == lines
    subjects = [{line.split(b" ", 1)[0] for line in c.nquads.splitlines()} for c in made]
    assert sum(map(len, subjects)) == len(set().union(*subjects))  # each subject in one chunk


def test_views_chunks_in_a_folder_equal_those_in_memory(tmp_path, events):
    G = graph_of(events)
    held = chunks.write_chunks(G, GRAPH)
    (tmp_path / "views.nq").write_bytes(b"the one-file views graph of an earlier version\n")
    kept = chunks.write_chunks(G, GRAPH, tmp_path)
    assert not (tmp_path / "views.nq").exists()
    assert [c.key for c in kept] == [c.key for c in held]
    for c, h in zip(kept, held):
        assert (c.nquads.read_bytes(), c.turtle.read_bytes(), c.gz.read_bytes()) == (h.nquads, h.turtle, h.gz)
    assert sorted(p.name for p in tmp_path.glob("v-*")) == sorted(f"v-{c.key}.{s}" for c in kept
                                                                 for s in ("nq", "ttl", "nqz"))


@pytest.mark.parametrize("change", ["change", "add", "remove"])
def test_views_chunks_rerun_rewrites_only_changed_chunks_and_equals_clean(tmp_path, events, change):
    before = graph_of(events)
    first = chunks.write_chunks(before, GRAPH, tmp_path / "rerun")
    stamps = {c.key: c.nquads.stat().st_ino for c in first}
    edited = {"change": events[:100] + [Ev("peru", "chile", "ASSAULT", "2003-05-02")] + events[101:],
              "add": events + [Ev("peru", "chile", "SUPPORT", "2003-05-02")],
              "remove": events[:100] + events[101:]}[change]
    after = graph_of(edited)
    rerun = chunks.write_chunks(after, GRAPH, tmp_path / "rerun")
    clean = chunks.write_chunks(after, GRAPH, tmp_path / "clean")
    assert [c.key for c in rerun] == [c.key for c in clean]
    assert chunks.chunks_bytes(rerun) == chunks.chunks_bytes(clean) == views_bytes(after, GRAPH)[:2]
    kept = [c for c in rerun if stamps.get(c.key) == c.nquads.stat().st_ino]  # not written again
    assert 0 < len(kept) < len(rerun) and len(kept) >= len(rerun) // 2
    removed, added = chunks.changed_chunks({c.key: c.nquads for c in first}, {c.key: c.nquads for c in rerun})
    assert removed and added and not any(p.exists() for p in removed)  # pruned from the build's folder


def test_views_chunks_changed_chunks_patch_one_views_graph_into_the_next(tmp_path, events):
    first = chunks.write_chunks(graph_of(events), GRAPH, tmp_path / "a")
    old = {c.key: c.nquads.read_bytes() for c in first}
    second = chunks.write_chunks(graph_of(events[:-3]), GRAPH, tmp_path / "b")
    new = {c.key: c.nquads.read_bytes() for c in second}
    lines = set(b"".join(old.values()).splitlines())
    gone = {k: tmp_path / f"{k}.old" for k in old}
    for k, path in gone.items():
        path.write_bytes(old[k])
    removed, added = chunks.changed_chunks(gone, {c.key: c.nquads for c in second})
    for path in removed:
        lines -= set(path.read_bytes().splitlines())
    for path in added:
        lines |= set(path.read_bytes().splitlines())
    assert lines == set(b"".join(new.values()).splitlines())


def test_views_chunks_pipeline_rerun_equals_clean_with_many_chunks(tmp_path, monkeypatch):
    """change / add / remove one document of a build cut in many chunks: the same files as a clean build."""
    monkeypatch.setattr(chunks, "MIN_NODES", 2)
    monkeypatch.setattr(chunks, "SPREAD", 1)
    src = tmp_path / "in"
    src.mkdir()
    lines = ["Russia and China signed a treaty on trade.", "Russia criticized the United States over missiles.",
             "France supported Germany on the budget.", "Japan met South Korea in Seoul.",
             "China condemned Japan over the islands.", "Germany and Russia signed a gas agreement."]
    for n in range(5):
        body = " ".join(lines[(n + k) % len(lines)] for k in range(3))
        (src / f"doc-{n}.txt").write_text(f"---\ndate: 2002-0{n + 1}-10\n---\n{body}\n", encoding="utf-8")
    out = tmp_path / "out"
    build([src], out, html=False, store=False)
    (src / "doc-1.txt").write_text("---\ndate: 2002-02-10\n---\nFrance criticized Japan over whaling.\n")
    (src / "doc-9.txt").write_text("---\ndate: 2003-02-10\n---\nPeru and Chile signed a border treaty.\n")
    (src / "doc-3.txt").unlink()
    result = build([src], out, html=False, store=False)
    assert len([p for p in result.parts if p.graph == merge.VIEWS_GRAPH]) > 3
    clean = tmp_path / "clean"
    build([src], clean, html=False, store=False)
    for name in ("graph.ttl", "graph.nq.gz", "manifest.json"):
        assert (out / name).read_bytes() == (clean / name).read_bytes(), name
    memory = build_dataset([src])
    assert merge.turtle_bytes(memory.parts) == (clean / "graph.ttl").read_bytes()
    shutil.rmtree(tmp_path / "in")
