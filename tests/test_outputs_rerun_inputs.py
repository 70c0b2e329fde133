"""A rerun's fixed costs, kept equivalent to what they replaced: finding and reading the inputs, the cache's
look-ups and pruning, and a build's index of its graph files."""

from __future__ import annotations

import gzip
import json
import os
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from diplograph.graph.cache import Cache, Versions, document_key
from diplograph.graph.manifest import indented
from diplograph.graph.merge import VIEWS_GRAPH
from diplograph.graph.graphfiles import INDEX, INDEX_DIR, read_index
from diplograph.graph.pipeline import SUFFIXES, build, expand_paths, plan_jobs

VERSIONS = Versions("0.1.0", "rules", "gazetteer", "reader")


def rglob_reference(folder: Path) -> list[Path]:
    """What expand_paths found in a folder before it listed folders itself."""
    return sorted((f for f in folder.rglob("*") if f.suffix.lower() in SUFFIXES and f.is_file()), key=str)


@pytest.fixture
def tree(tmp_path) -> Path:
    root = tmp_path / "in put"
    for name in ("a.txt", "B.TXT", "c.md", "d.html", "e.htm", "f.text", "skip.json", "noext", ".txt", "x.txt.bak",
                 ".hidden.txt", "sub/g.txt", "sub/deeper/h.md", ".dot/i.txt", "sub/j.Html"):
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(f"Text of {name}.\n", encoding="utf-8")
    (root / "folder.txt").mkdir()
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "k.txt").write_text("Outside.\n", encoding="utf-8")
    (root / "linked").symlink_to(outside, target_is_directory=True)  # not followed, as rglob does not
    (root / "l.txt").symlink_to(outside / "k.txt")  # a link to a file is a file
    (root / "broken.txt").symlink_to(tmp_path / "missing.txt")
    return root


def test_outputs_expand_paths_finds_what_rglob_found(tree):
    found = expand_paths([tree])
    assert found == rglob_reference(tree)
    assert {p.name for p in found} >= {"a.txt", "B.TXT", "g.txt", "h.md", "i.txt", "j.Html", "l.txt", ".hidden.txt"}
    assert not {"k.txt", "broken.txt", "folder.txt", "skip.json", ".txt"} & {p.name for p in found}


def test_outputs_plan_jobs_reads_inputs_whole_and_reports_bad_ones(tree):
    big = tree / "big.txt"
    big.write_bytes(b"x" * 5000)
    fifo = tree / "pipe.txt"
    os.mkfifo(fifo)
    jobs, failures = plan_jobs([tree, fifo], versions=VERSIONS, max_bytes=4000)  # a FIFO only when named
    by_path = {Path(j.path).name: j for j in jobs}
    assert by_path["a.txt"].raw == (tree / "a.txt").read_bytes()
    assert by_path["g.txt"].key == document_key(by_path["g.txt"].sha256, "g", {"date": None, "publication": None},
                                                VERSIONS)
    reasons = {Path(p).name: m for p, m in failures}
    assert "over the limit of 4000" in reasons["big.txt"] and "not a regular file" in reasons["pipe.txt"]
    assert len(jobs) + len(failures) == len(expand_paths([tree])) + 1


def test_outputs_plan_jobs_keeps_ids_unique(tmp_path):
    for folder in ("one", "two", "three"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "same name.txt").write_text(f"A text in folder {folder}.", encoding="utf-8")
    (tmp_path / "one" / "other.txt").write_text("Alone.", encoding="utf-8")
    jobs, _ = plan_jobs([tmp_path], versions=VERSIONS)
    ids = sorted(j.doc_id for j in jobs)
    assert len(set(ids)) == 4 and ids[0] == "other"
    assert all(i.startswith("same-name-") and len(i) == len("same-name-") + 8 for i in ids[1:])


def test_outputs_cache_lists_its_folder_once_and_sees_new_entries(tmp_path):
    cache = Cache(tmp_path / "cache")
    assert cache.get("k1") is None  # no folder yet
    files = cache.put("k1", b"<a> <b> <c> <g> .\n", b"ttl", b"gz", b"{}")
    assert cache.get("k1") == files and all(f.is_file() for f in files)
    (tmp_path / "cache" / "k2.nq").write_bytes(b"")  # an entry without its other files is incomplete
    fresh = Cache(tmp_path / "cache")
    assert fresh.get("k1") == files and fresh.get("k2") is None


def test_outputs_prune_keeps_wanted_entries_and_the_graph_indexes(tmp_path):
    folder = tmp_path / "cache"
    cache = Cache(folder)
    for key in ("keep", "drop"):
        cache.put(key, b"nq", b"ttl", b"gz", b"{}")
    for name in ("graph.ttl.index", ".graph.ttl.index.abc.tmp", ".half.tmp"):
        (folder / name).write_bytes(b"x")
    (folder / "views").mkdir()
    assert cache.prune({"keep"}) == 6
    assert sorted(p.name for p in folder.iterdir()) == ["graph.ttl.index", "keep.json", "keep.nq", "keep.nqz",
                                                        "keep.ttl", "views"]
    assert cache.get("drop") is None and cache.get("keep") is not None


def write_corpus(folder: Path, count: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        (folder / f"note-{n}.txt").write_text(
            f"---\ndate: 2002-05-{n + 1:02d}\n---\nPresident Vladimir Putin met Chancellor Gerhard Schroeder in "
            f"Berlin. Germany and Russia signed agreement number {n} on energy.\n", encoding="utf-8")


def test_outputs_build_keeps_an_index_that_matches_its_files(tmp_path):
    folder, out = tmp_path / "in", tmp_path / "out"
    write_corpus(folder, 3)
    build([folder], out, html=False, store=False)
    (folder / "note-1.txt").write_text("Russia and China signed a treaty in Moscow.\n", encoding="utf-8")
    result = build([folder], out, html=False, store=False)
    for name in ("graph.ttl", "graph.nq.gz"):
        head, blocks = read_index(out / name, out / INDEX_DIR / (name + INDEX))
        data = (out / name).read_bytes()
        assert head["inode"] == (out / name).stat().st_ino and blocks[-1].offset + blocks[-1].length == len(data)
        assert {b.key for b in blocks if b.graph != VIEWS_GRAPH} == result.keys
    members = [gzip.decompress((out / "graph.nq.gz").read_bytes()[b.offset:b.offset + b.length]) for b in blocks]
    assert b"".join(members) == gzip.decompress((out / "graph.nq.gz").read_bytes())
    build([folder], tmp_path / "clean", html=False, store=False)
    for name in ("graph.ttl", "graph.nq.gz"):
        assert (out / name).read_bytes() == (tmp_path / "clean" / name).read_bytes()


@given(st.lists(st.dictionaries(st.sampled_from(["path", "id", "sha256", "bytes", "quads", "é"]),
                                st.one_of(st.text(), st.integers(), st.floats(allow_nan=False), st.none(),
                                          st.booleans(), st.lists(st.integers(), max_size=2)), max_size=5),
                max_size=4),
       st.lists(st.text(), max_size=2))
def test_outputs_manifest_text_is_the_indenting_encoder_text(inputs, failures):
    data = {"inputs": inputs, "failures": [{"path": p, "error": "\x00inputs\x00"} for p in failures],
            "counts": {"documents": len(inputs)}, "build": None}
    assert indented(data) == json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True)


def test_outputs_expand_paths_skips_a_symlink_loop_as_rglob_did(tree):
    (tree / "loop.txt").symlink_to(tree / "loop.txt")
    (tree / "sub" / "loop").symlink_to(tree / "sub" / "loop")
    assert expand_paths([tree]) == rglob_reference(tree)
    assert "loop.txt" not in {p.name for p in expand_paths([tree])}
