"""The store filled while the documents are still being extracted, and patched chunk by chunk.

A build starts its store before extraction (store_build.start) and gives each document's graph as it
comes (StoreBuild.add): whatever the order, the store must hold the same quads and the same state file.
A views graph in several parts (chunks) is patched by the parts that changed only.
"""

from __future__ import annotations

import random
import threading
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from diplograph.graph import pipeline, store_build, store_patch
from diplograph.graph.iri import ID
from diplograph.graph.merge import VIEWS_GRAPH, Part

from test_store_scale_build import doc, expected, held, part

DG = "https://w3id.org/diplograph/ontology#"
DOCS = [doc(n, *random.Random(n).sample(["china", "russia", "india", "japan", "france"], 3)) for n in range(30)]


def chunk(name: str, *dyads: str) -> Part:
    """One chunk of the views graph: its own subjects, keyed by its content as a chunk file would be."""
    lines = [f"<{ID}dyad/{d}> <{DG}eventCount> \"{len(d) + len(name)}\"^^<http://www.w3.org/2001/XMLSchema#integer>"
             for d in dyads]
    return part(VIEWS_GRAPH, lines)


def state_bytes(path) -> bytes:
    return (path / store_build.STATE).read_bytes()


@pytest.mark.parametrize("seed", [1, 2])
def test_store_stream_order_of_arrival_changes_nothing(tmp_path, seed):
    views = chunk("a", "china--russia")
    store_build.write_build_store(DOCS + [views], tmp_path / "sorted")
    shuffled = random.Random(seed).sample(DOCS, len(DOCS))
    started = store_build.start(tmp_path / "streamed", store_patch.versions(DOCS))
    feeders = [threading.Thread(target=started.add, args=([d],)) for d in shuffled[:10]]  # several threads at once
    for thread in feeders:
        thread.start()
    for thread in feeders:
        thread.join()
    for d in shuffled[10:]:
        started.add([d])
    assert started.finish(sorted(DOCS + [views], key=lambda p: p.graph)) == "loaded"
    assert held(tmp_path / "streamed") == held(tmp_path / "sorted") == expected(DOCS + [views])
    assert state_bytes(tmp_path / "streamed") == state_bytes(tmp_path / "sorted")


def test_store_stream_a_document_given_twice_is_loaded_once(tmp_path):
    started = store_build.start(tmp_path / "store", store_patch.versions(DOCS[:3]))
    started.add(DOCS[:3])
    started.add(DOCS[1:2])
    started.finish(DOCS[:3])
    assert held(tmp_path / "store") == expected(DOCS[:3])


def test_store_stream_expected_few_changes_updates_when_the_graphs_come(tmp_path):
    store_build.write_build_store(DOCS, tmp_path / "store")
    new = DOCS[:-1] + [doc(99, "india", "japan")]
    started = store_build.start(tmp_path / "store", store_patch.versions(new))
    assert started.updating and started.loader is None  # 2 of 31 graphs change: patch, do not load
    started.add(reversed(new))
    assert started.finish(new) == "updated"
    assert held(tmp_path / "store") == expected(new)


def test_store_stream_chunked_views_patch_only_the_changed_chunks(tmp_path, monkeypatch):
    monkeypatch.setattr(store_build, "UPDATE_SHARE", 1.0)
    old = DOCS[:4] + [chunk("a", "china--russia", "china--india"), chunk("b", "france--japan"),
                      chunk("c", "india--russia")]
    store_build.write_build_store(old, tmp_path / "store")
    assert len(list((tmp_path / "store" / store_patch.KEPT).iterdir())) == 3  # each chunk kept
    # chunk a changes, b is gone, d is new, c stays; one document changes with them
    new = DOCS[:3] + [doc(7, "japan", "france"), chunk("a2", "china--russia", "china--japan"),
                      chunk("c", "india--russia"), chunk("d", "japan--russia")]
    assert store_build.write_build_store(new, tmp_path / "store") == "updated"
    store_build.write_build_store(new, tmp_path / "clean")
    assert held(tmp_path / "store") == held(tmp_path / "clean") == expected(new)
    assert store_build.read_state(tmp_path / "store")[VIEWS_GRAPH] == store_patch.versions(new[-3:])[VIEWS_GRAPH]
    kept = sorted(p.read_bytes() for p in (tmp_path / "store" / store_patch.KEPT).iterdir())
    assert kept == sorted(p.read_nquads() for p in new[-3:])  # the copy of the gone chunk b is dropped


def test_store_stream_chunked_views_without_their_copies_are_loaded_anew(tmp_path, monkeypatch):
    monkeypatch.setattr(store_build, "UPDATE_SHARE", 1.0)
    old = DOCS[:2] + [chunk("a", "china--russia"), chunk("b", "france--japan")]
    store_build.write_build_store(old, tmp_path / "store")
    for kept in (tmp_path / "store" / store_patch.KEPT).iterdir():
        kept.unlink()
    new = DOCS[:2] + [chunk("a", "china--russia"), chunk("b2", "france--india")]
    assert store_build.write_build_store(new, tmp_path / "store") == "loaded"
    assert held(tmp_path / "store") == expected(new)


LINES = st.lists(st.sampled_from([f"<urn:s{n % 7}> <urn:p> \"{n}\" ." for n in range(60)]), max_size=60)


@settings(max_examples=200, deadline=None)
@given(LINES, LINES)
def test_store_stream_diff_of_sorted_texts_equals_the_set_difference(old, new):
    as_text = lambda lines: "".join(f"{line}\n" for line in sorted(set(lines))).encode()
    a, b = as_text(old), as_text(new)
    assert store_patch.diff_sorted(a, b) == store_patch.diff_sets(a, b)


def test_store_stream_diff_skips_equal_blocks_and_finds_scattered_changes(monkeypatch):
    monkeypatch.setattr(store_patch, "_BLOCK", 64)
    lines = [f"<urn:s{n:05d}> <urn:p> \"{n}\" .".encode() for n in range(3000)]
    new = sorted(set(lines) - {lines[5], lines[1700], lines[2999]} | {b"<urn:s01700> <urn:q> \"x\" ."})
    gone, came = store_patch.diff_sorted(b"\n".join(lines) + b"\n", b"\n".join(new) + b"\n")
    assert gone == [lines[5], lines[1700], lines[2999]] and came == [b"<urn:s01700> <urn:q> \"x\" ."]


def test_store_stream_diff_of_unsorted_texts_falls_back_to_sets():
    old, new = b"<urn:b> <urn:p> <urn:o> .\n<urn:a> <urn:p> <urn:o> .\n", b"<urn:a> <urn:p> <urn:o> .\n"
    assert store_patch.diff_sorted(old, new) == ([b"<urn:b> <urn:p> <urn:o> ."], [])


def test_store_stream_run_planned_gives_cached_documents_first_then_each_extracted_one(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for n, text in enumerate(("Russia and China signed a treaty.", "France criticized Russia.", "India met Japan.")):
        (folder / f"a{n}.txt").write_text(f"---\ndate: 2001-03-0{n + 1}\n---\n{text}\n", encoding="utf-8")
    cache = tmp_path / "cache"
    versions = pipeline.current_versions()
    jobs, failures = pipeline.plan_jobs([folder / "a0.txt"], versions=versions)
    pipeline.run_planned(jobs, failures, versions, cache_dir=cache, views=False)  # a0 is cached now
    calls: list[list[Part]] = []
    jobs, failures = pipeline.plan_jobs([folder], versions=versions)
    result = pipeline.run_planned(jobs, failures, versions, cache_dir=cache, on_documents=calls.append)
    assert [p.graph.rsplit("/", 1)[1] for p in calls[0]] == ["a0"]  # the cached document, before any extraction
    assert sorted(len(call) for call in calls[1:]) == [1, 1]
    given = sorted((p.graph, p.key) for call in calls for p in call)
    assert given == sorted((p.graph, p.key) for p in result.parts if p.graph != VIEWS_GRAPH)


KILLED = """
import sys, time

from diplograph.graph import pipeline
real = pipeline.run_jobs
def slow(todo, workers, finished):
    real(todo[:1], workers, finished)
    print("store started", flush=True)  # one extracted document given to the store, the others not yet
    time.sleep(60)
pipeline.run_jobs = slow
pipeline.store_build.UPDATE_SHARE = 0.0
pipeline.build([sys.argv[1]], sys.argv[2], html=False)
"""


@pytest.mark.slow
def test_store_stream_build_killed_while_extracting_keeps_the_old_store_and_resumes(tmp_path):
    from test_store_scale_build import _built_pair, kill_once_started

    folder, out = _built_pair(tmp_path)
    before, state = held(out / "store"), state_bytes(out / "store")
    (folder / "a2.txt").write_text("---\ndate: 2001-04-01\n---\nIndia met Japan.\n", encoding="utf-8")
    (folder / "a3.txt").write_text("---\ndate: 2001-04-02\n---\nJapan criticized India.\n", encoding="utf-8")
    kill_once_started(KILLED, folder, out)
    assert held(out / "store") == before and state_bytes(out / "store") == state
    assert (out / "store.tmp").exists()
    assert pipeline.build([folder], out, html=False).store == "loaded"  # 2 of 4 changed: above UPDATE_SHARE
    pipeline.build([folder], tmp_path / "clean", html=False)
    assert held(out / "store") == held(tmp_path / "clean" / "store") and not (out / "store.tmp").exists()
    assert state_bytes(out / "store") == state_bytes(tmp_path / "clean" / "store")


@settings(max_examples=200, deadline=None)
@given(LINES, st.integers(0, 7))
def test_store_stream_subject_lines_finds_a_subjects_run_in_a_sorted_text(lines, n):
    text = "".join(f"{line}\n" for line in sorted(set(lines))).encode()
    subject = f"<urn:s{n}>".encode()
    assert store_patch.subject_lines(text, subject) == [l for l in text.split(b"\n") if l.startswith(subject + b" ")]


def test_store_stream_a_value_written_two_ways_survives_losing_one_of_them(tmp_path, monkeypatch):
    monkeypatch.setattr(store_build, "UPDATE_SHARE", 1.0)
    dec = "<http://www.w3.org/2001/XMLSchema#decimal>"
    old = DOCS[:2] + [part(VIEWS_GRAPH, [f"<{ID}dyad/a> <{DG}score> \"1.50\"^^{dec}",
                                         f"<{ID}dyad/a> <{DG}score> \"1.5\"^^{dec}", f"<{ID}dyad/b> <{DG}score> \"2\"^^{dec}"])]
    store_build.write_build_store(old, tmp_path / "store")
    new = DOCS[:2] + [part(VIEWS_GRAPH, [f"<{ID}dyad/a> <{DG}score> \"1.5\"^^{dec}", f"<{ID}dyad/b> <{DG}score> \"2\"^^{dec}"])]
    assert store_build.write_build_store(new, tmp_path / "store") == "updated"
    store_build.write_build_store(new, tmp_path / "clean")
    assert held(tmp_path / "store") == held(tmp_path / "clean")


def test_store_stream_a_graph_file_is_read_in_pieces_of_whole_lines(tmp_path):
    from diplograph.graph import store_load

    data = b"".join(b"<urn:s%d> <urn:p> \"%d\" <urn:g> .\n" % (n, n) for n in range(2000))
    (tmp_path / "g.nq").write_bytes(data)
    for source in (Part("urn:g", tmp_path / "g.nq"), Part("urn:g", data)):
        pieces = list(store_load.read_pieces(source, 500))
        assert b"".join(pieces) == data and len(pieces) > 50 and all(p.endswith(b" .\n") for p in pieces)


def test_store_stream_mapped_views_files_are_patched_like_bytes(tmp_path, monkeypatch):
    monkeypatch.setattr(store_build, "UPDATE_SHARE", 1.0)
    monkeypatch.setattr(store_patch, "_BLOCK", 64)
    monkeypatch.setattr(store_patch, "_RELEASE", 4096)  # pages let go again and again while walking
    dyads = [f"s{n:03d}--t{n:03d}" for n in range(400)]
    (tmp_path / "old.nq").write_bytes(chunk("a", *dyads).read_nquads())
    (tmp_path / "new.nq").write_bytes(chunk("a", *dyads[:100], *dyads[101:300], "x--y", *dyads[300:]).read_nquads())
    old, new = (Part(VIEWS_GRAPH, tmp_path / f"{n}.nq", key=n) for n in ("old", "new"))
    store_build.write_build_store(DOCS[:2] + [old], tmp_path / "store")
    assert store_build.write_build_store(DOCS[:2] + [new], tmp_path / "store") == "updated"
    assert held(tmp_path / "store") == expected(DOCS[:2] + [new])


def test_store_stream_one_changed_chunk_without_its_copy_keeps_the_other_chunks(tmp_path, monkeypatch):
    monkeypatch.setattr(store_build, "UPDATE_SHARE", 1.0)
    for name, dyads in (("a", ["china--russia"]), ("b", ["france--japan"]), ("b2", ["france--india"])):
        (tmp_path / f"{name}.nq").write_bytes(chunk(name, *dyads).read_nquads())
    a, b, b2 = (Part(VIEWS_GRAPH, tmp_path / f"{n}.nq", key=n) for n in ("a", "b", "b2"))
    store_build.write_build_store(DOCS[:2] + [a, b], tmp_path / "store")
    for kept in (tmp_path / "store" / store_patch.KEPT).iterdir():
        kept.unlink()
    assert store_build.write_build_store(DOCS[:2] + [a, b2], tmp_path / "store") == "loaded"  # b's copy is gone
    assert held(tmp_path / "store") == expected(DOCS[:2] + [a, b2])
    b3 = Part(VIEWS_GRAPH, chunk("b3", "france--china").read_nquads(), key="b3")
    assert store_build.write_build_store(DOCS[:2] + [a, b3], tmp_path / "store") == "updated"  # copies kept again
    assert held(tmp_path / "store") == expected(DOCS[:2] + [a, b3])


def test_store_stream_views_chunks_given_early_skip_the_seen_set(tmp_path):
    views = [chunk("a", "china--russia"), chunk("b", "france--japan")]
    started = store_build.start(tmp_path / "store", store_patch.versions(DOCS[:3]))
    started.add([views[0], *DOCS[:3]])  # a chunk before the documents, as a build streaming its views could
    loader = started.loader
    started.finish(DOCS[:3] + views)
    assert held(tmp_path / "store") == expected(DOCS[:3] + views)
    assert loader.seen and not any(b"dyad/" in line for line in loader.seen)


def test_store_stream_restating_subjects_of_several_parts_matches_the_sorted_search():
    """Many chunks changed at once (say, after an upgrade): every subject that lost a line gets its lines
    back from one pass over the parts' unsorted text, the same lines the binary search finds in the sorted one."""
    rng = random.Random(3)
    subjects = [f"<{ID}triangle/t{i:04d}>".encode() for i in range(400)]
    lines = sorted({s + b" <p> \"%d\" <g> ." % rng.randrange(5) for s in subjects for _ in range(3)})
    shuffled = lines[:]
    rng.shuffle(shuffled)
    gone = [line for line in lines if rng.random() < 0.3]
    came = [b"<x> <p> \"new\" <g> ."]
    plain = store_patch._restate(b"\n".join(lines) + b"\n", gone, came, single=True)
    scanned = store_patch._restate(b"\n".join(shuffled) + b"\n", gone, came, single=False)
    assert scanned == plain
    wanted = {line[:line.index(b" ")] for line in gone}
    assert set(plain) == set(came) | {line for line in lines if line[:line.index(b" ")] in wanted}



def test_store_stream_graphs_are_held_back_until_every_document_is_given(tmp_path, monkeypatch):
    from diplograph.graph import store_load

    read = []
    real = store_load.load_chunks

    def spy(parts, seen, *what):
        read.extend(p.graph for p in parts)
        return real(parts, seen, *what)

    monkeypatch.setattr(store_load, "load_chunks", spy)
    views = chunk("a", "china--russia")
    started = store_build.start(tmp_path / "store", store_patch.versions(DOCS))
    for d in DOCS:
        started.add([d])
    time.sleep(0.3)
    assert read == []  # nothing read while documents are still coming
    started.documents_given()  # returns once their quads are loaded, as their compaction starts
    started.give([*DOCS, views])  # their default-graph triples, then the views, load beside that compaction
    assert started.finish(DOCS + [views]) == "loaded"
    graphs = [d.graph for d in DOCS]
    assert sorted(read[:len(DOCS)]) == sorted(read[len(DOCS):2 * len(DOCS)]) == sorted(graphs)  # quads, triples
    assert read[2 * len(DOCS):] == [VIEWS_GRAPH]
    assert held(tmp_path / "store") == expected(DOCS + [views])
