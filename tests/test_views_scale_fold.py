"""The fold of a corpus kept in buckets under OUT/.cache/views: a rerun folds only the bucket that changed."""

from __future__ import annotations

from pathlib import Path

import pytest

from diplograph.graph import merge
from diplograph.graph.pipeline import build_dataset
from diplograph.graph.views.stream import Folder, fold, fold_parts, graph_of

# Our own sentences; each document a different day, so its events are its own.
SENTENCES = (
    "Russian Foreign Minister Igor Ivanov met Chinese Foreign Minister Tang Jiaxuan in Moscow on Monday.",
    "China criticized the United States over its missile defence plans on Monday.",
    "Japan and South Korea signed an agreement on fisheries. Tokyo supported Seoul in the talks.",
    "The United States withdrew from the Anti-Ballistic Missile Treaty, and Russia condemned the move.",
    "France praised Germany for its help with the European budget on Tuesday.",
)


def write_corpus(folder: Path, changed: bool = False) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(7):
        body = " ".join(SENTENCES[(n + k) % len(SENTENCES)] for k in range(2))
        if changed and n == 3:
            body += " India criticized Pakistan over the border incident on Friday."
        path = folder / f"note-{n}.txt"
        path.write_text(f"---\ndate: 2003-0{1 + n % 9}-1{n}\n---\n{body}\n", encoding="utf-8")
        paths.append(path)
    return paths


def graphs(G):
    return dict(G.nodes(data=True)), {(u, v, k): dict(d) for u, v, k, d in G.edges(keys=True, data=True)}


def views_of(result) -> bytes:
    return next(p for p in result.parts if p.graph == merge.VIEWS_GRAPH).read_nquads()


def saved(cache: Path) -> set[str]:
    return {p.name for p in (cache / "views").glob("fold-*")}


def test_views_scale_fold_rerun_folds_only_the_changed_bucket(tmp_path):
    cache = tmp_path / "cache"
    first = views_of(build_dataset(write_corpus(tmp_path / "in"), cache_dir=cache))  # the file is rewritten next
    before = saved(cache)
    assert len(before) >= 5  # seven documents, sixty-four buckets
    second = build_dataset(write_corpus(tmp_path / "in", changed=True), cache_dir=cache)
    after = saved(cache)
    assert len(before - after) == 1 and len(after - before) == 1
    fresh = build_dataset(write_corpus(tmp_path / "fresh", changed=True))
    assert views_of(second) == views_of(fresh) != first
    assert graphs(second.views) == graphs(fresh.views)
    assert second.counts == fresh.counts and second.quad_count == fresh.quad_count


def test_views_scale_fold_reuses_saved_buckets_exactly(tmp_path):
    cache = tmp_path / "cache"
    paths = write_corpus(tmp_path / "in")
    build_dataset(paths, cache_dir=cache)
    stamps = {p: p.stat().st_mtime_ns for p in (cache / "views").glob("fold-*")}
    again = build_dataset(paths, cache_dir=cache)
    assert {p: p.stat().st_mtime_ns for p in (cache / "views").glob("fold-*")} == stamps
    parts = [p for p in again.parts if p.graph != merge.VIEWS_GRAPH]
    saved_fold, quads = fold_parts(parts, cache / "views")
    direct = fold(p.read_digest() for p in parts)
    assert graphs(graph_of(saved_fold)) == graphs(graph_of(direct))
    assert quads == {p.graph: p.read_digest()["quads"] for p in parts}


@pytest.mark.parametrize("split", [1, 3])
def test_views_scale_fold_merge_equals_one_fold(tmp_path, split):
    parts = build_dataset(write_corpus(tmp_path / "in"), views=False).parts
    digests = [p.read_digest() for p in parts]
    merged = Folder()
    for start in range(0, len(digests), split):
        merged.merge(Folder.loads(fold(digests[start:start + split]).dumps()))
    whole = fold(digests)
    assert merged.counts() == whole.counts()
    assert graphs(graph_of(merged)) == graphs(graph_of(whole))
