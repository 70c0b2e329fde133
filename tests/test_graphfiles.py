"""graph.ttl and graph.nq.gz staged by background threads (graph/graphfiles.py): the documents' blocks first,
the views' blocks later, the same bytes as merge's one-pass writers; failures leave nothing staged."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from diplograph.graph import merge
from diplograph.graph.errors import OutputError
from diplograph.graph.graphfiles import INDEX, INDEX_DIR, GraphFiles, read_index
from diplograph.graph.iri import ID
from test_outputs_reuse import TEXTS, corpus, part, write

VIEWS = [f"chunk {n}: the dyad of two states" for n in range(3)]


def views_parts(folder: Path, texts=VIEWS) -> list[merge.Part]:
    """Three chunks of a views graph (graph IRI dgid:graph/views, after every document's), keyed by content."""
    return [part(folder, f"v{n}", text, graph=merge.VIEWS_GRAPH) for n, text in enumerate(texts)]


def one_pass(parts: list[merge.Part]) -> dict[str, bytes]:
    """What merge's writers give for these parts in one go."""
    files = {}
    for name, writer in (("graph.ttl", merge.write_turtle), ("graph.nq.gz", merge.write_nquads_gz)):
        buffer = io.BytesIO()
        writer(parts, buffer)
        files[name] = buffer.getvalue()
    return files


def staged_bytes(staged: dict[str, str]) -> dict[str, bytes]:
    return {name: Path(tmp).read_bytes() for name, tmp in staged.items()}


def leftovers(out: Path) -> list[str]:
    return sorted(p.name for p in out.glob(".graph*.tmp"))


def test_graphfiles_documents_then_views_equal_one_pass(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    documents, views = corpus(tmp_path / "cache", TEXTS), views_parts(tmp_path / "cache")
    files = GraphFiles(out).begin(reversed(documents))  # any order given: written in graph order
    files.add([*documents, *views])  # the parts already given are skipped
    staged = files.finish()
    assert staged_bytes(staged) == one_pass([*documents, *views])
    assert sorted(staged) == ["graph.nq.gz", "graph.ttl"]
    ttl = files.blocks["graph.ttl"]
    assert [b.graph for b in ttl] == sorted(p.graph for p in [*documents, *views])
    assert ttl[-1].offset + ttl[-1].length == len(Path(staged["graph.ttl"]).read_bytes())


def test_graphfiles_late_part_sorting_earlier_rewrites_whole(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    documents = corpus(tmp_path / "cache", TEXTS)
    early = part(tmp_path / "cache", "a00", "a document found late, first in graph order")
    assert early.graph < documents[0].graph
    files = GraphFiles(out).begin(documents)
    files.add([early])
    staged = files.finish()
    assert staged_bytes(staged) == one_pass([early, *documents])
    assert len(leftovers(out)) == 2  # the two staged files only: the first attempt's were removed


def test_graphfiles_reuse_previous_blocks_after_one_change(tmp_path):
    cache, out = tmp_path / "cache", tmp_path / "out"
    write(out, [*corpus(cache, TEXTS), *views_parts(cache)])
    texts = {**TEXTS, "d04": "a changed statement about the talks"}
    documents, views = corpus(cache, texts), views_parts(cache, [VIEWS[0], "chunk 1 changed", VIEWS[2]])
    files = GraphFiles(out).begin(documents)
    assert files.index_dir == out / INDEX_DIR
    assert all(staged.previous is not None for staged in files.files)  # the previous files' blocks are used
    files.add(views)
    assert staged_bytes(files.finish()) == one_pass([*documents, *views])


def test_graphfiles_failed_write_raises_and_leaves_nothing(tmp_path):
    cache, out = tmp_path / "cache", tmp_path / "out"
    before = write(out, corpus(cache, TEXTS))
    documents = corpus(cache, TEXTS)
    missing = part(cache, "d99", "a document whose cached Turtle block vanished")
    missing.turtle.unlink()
    files = GraphFiles(out).begin([*documents, missing])
    with pytest.raises(OutputError, match=r"graph\.ttl: cannot write"):
        files.finish()
    assert leftovers(out) == []
    assert {name: (out / name).read_bytes() for name in before} == before  # the previous files as they were
    assert read_index(out / "graph.ttl", out / INDEX_DIR / ("graph.ttl" + INDEX)) is not None


def test_graphfiles_abort_removes_staged_files(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    files = GraphFiles(out).begin(corpus(tmp_path / "cache", TEXTS))
    assert len(leftovers(out)) == 2
    files.abort()
    files.abort()  # twice is harmless
    assert leftovers(out) == []
    assert not (out / "graph.ttl").exists()


def test_graphfiles_views_graph_sorts_after_documents():
    assert merge.VIEWS_GRAPH.startswith(ID) and (ID + "doc/") < merge.VIEWS_GRAPH
