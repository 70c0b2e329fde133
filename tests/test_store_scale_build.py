"""The build's store at scale: loaded in background threads, patched in place, swapped in or dropped whole.

Small hand-written graphs in the shape of diplograph's (document graphs that describe the same entities,
events and facts of their own, a views graph), compared with what the store must hold: each named graph,
and in the default graph their merge, each triple once.
"""

from __future__ import annotations

import hashlib
import threading
from pathlib import Path

import pyoxigraph as ox
import pytest

from diplograph.graph import pipeline, store_build, store_load, store_patch
from diplograph.graph.errors import OutputError
from diplograph.graph.iri import ID
from diplograph.graph.merge import VIEWS_GRAPH, Part

DG = "https://w3id.org/diplograph/ontology#"
LABEL = "<http://www.w3.org/2000/01/rdf-schema#label>"


def doc(n: int, *states: str, extra: tuple[str, ...] = ()) -> Part:
    """A document graph naming ``states`` (shared entity triples) and stating an event of its own."""
    g = f"{ID}doc/d{n}"
    lines = [f"<{ID}{s}> {LABEL} \"{s.title()}\"@en" for s in states]
    lines += [f"<{ID}event/e{n}> <{DG}actor> <{ID}{states[0]}>", f"<{ID}event/e{n}> {LABEL} \"event {n}\"",
              f"<{g}> <{DG}mentions> <{ID}{states[-1]}>", *extra]
    return part(g, lines)


def part(graph: str, lines: list[str]) -> Part:
    data = "".join(sorted(f"{line} <{graph}> .\n" for line in lines)).encode()
    return Part(graph, data, key=hashlib.sha256(data).hexdigest())


def views(*dyads: str) -> Part:
    """The views graph: no cache key, as a build computes it."""
    counts = [f"<{ID}dyad/{d}> <{DG}eventCount> \"{len(d)}\"^^<http://www.w3.org/2001/XMLSchema#integer>" for d in dyads]
    return Part(VIEWS_GRAPH, part(VIEWS_GRAPH, counts).read_nquads())


def expected(parts: list[Part]) -> set[str]:
    """Every document graph's quads and, in the default graph, the set union of all graphs' triples (the views
    graph's included: it is in the default graph only)."""
    quads = [q for p in parts for q in ox.parse(p.read_nquads(), format=ox.RdfFormat.N_QUADS)]
    return {str(q) for q in quads if q.graph_name.value != VIEWS_GRAPH} | \
        {str(ox.Quad(*q.triple, ox.DefaultGraph())) for q in quads}


def held(path: Path) -> set[str]:
    return {str(q) for q in ox.Store.read_only(str(path))}


CORPUS = [doc(1, "china", "russia"), doc(2, "russia", "china"), doc(3, "france", "russia", extra=(
    f"<{ID}china> {LABEL} \"China\"@en",)), views("china--russia", "france--russia")]


def test_store_scale_background_load_holds_each_graph_and_their_merge_once(tmp_path):
    store = tmp_path / "store"
    started = store_build.begin(CORPUS[:3], store)
    assert started.finish(CORPUS) == "loaded"
    assert held(store) == expected(CORPUS)
    default = ox.Store.read_only(str(store)).quads_for_pattern(None, None, None, ox.DefaultGraph())
    assert sum(1 for q in default if q.subject.value == ID + "russia") == 1  # stated by three graphs, merged once
    assert store_build.read_state(store) == store_patch.versions(CORPUS)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["store"]


def test_store_scale_load_in_many_small_batches_equals_one(tmp_path, monkeypatch):
    many = [doc(n, "china", "russia", "india"[: 1 + n % 5] or "x") for n in range(40)]
    many.append(views(*(f"s{n}--s{n + 1}" for n in range(500))))
    store_build.write_build_store(many, tmp_path / "one")
    monkeypatch.setattr(store_load, "BATCH_QUADS", 7)  # dozens of batches, four threads loading at once
    monkeypatch.setattr(store_load, "PIECE_BYTES", 300)  # the views graph cut into pieces of a few lines
    store_build.write_build_store(many, tmp_path / "many")
    assert held(tmp_path / "many") == held(tmp_path / "one") == expected(many)


class _Calls:
    """A store that records the calls the loader makes and passes them on."""

    def __init__(self, store, calls: list[str]) -> None:
        self.store, self.calls = store, calls

    def bulk_load(self, **kwargs):
        self.calls.append("load")
        return self.store.bulk_load(**kwargs)

    def optimize(self):
        self.calls.append("optimize")
        return self.store.optimize()


def test_store_scale_documents_compacted_beside_the_views_hold_the_same(tmp_path, monkeypatch):
    many = [doc(n, "china", "russia", "india"[: 1 + n % 5] or "x") for n in range(40)]
    everything = [*many, views(*(f"s{n}--s{n + 1}" for n in range(50)))]
    monkeypatch.setattr(store_load, "BATCH_QUADS", 7)  # dozens of batches
    started, calls = store_build.start(tmp_path / "store", store_patch.versions(many)), []
    started.loader.store = _Calls(started.loader.store, calls)
    started.add(many)
    started.documents_given()  # a build's every document is given: they are compacted while the views are made
    assert started.finish(everything) == "loaded"
    assert held(tmp_path / "store") == expected(everything)
    documents = len(list(store_load.batches(store_load.load_chunks(many, None, "quads"))))
    # every document's quads first; their default-graph triples and the views load while the documents'
    # compaction runs (in its own thread: the calls may interleave); a last compaction after them all
    assert calls[:documents] == ["load"] * documents and calls[-1] == "optimize" and calls.count("optimize") == 2
    assert calls.count("load") > documents + 1  # the triples and the views were loaded after the quads


def test_store_scale_batches_end_at_a_marker_and_pass_it_on():
    marker = object()
    assert list(store_load.batches([b"a\n", b"b\n", marker, b"c\n"], size=5)) == [b"a\nb\n", marker, b"c\n"]
    assert list(store_load.batches([marker, b"a\n"], size=1)) == [marker, b"a\n"]


def test_store_scale_pieces_are_whole_lines():
    data = b"".join(b"<urn:s%d> <urn:p> \"%d\" .\n" % (n, n) for n in range(1000))
    pieces = list(store_load.pieces(data, 100))
    assert b"".join(pieces) == data and len(pieces) > 100 and all(p.endswith(b" .\n") for p in pieces)
    assert list(store_load.pieces(b"")) == []


def test_store_scale_unseen_gives_shared_triples_once_and_own_ones_always():
    seen: set[bytes] = set()
    first = store_load.unseen(b"<%sdoc/a> <p> <o> .\n<%srussia> <p> <o> .\n" % (ID.encode(), ID.encode()), seen)
    again = store_load.unseen(b"<%sdoc/a> <p> <o> .\n<%srussia> <p> <o> .\n" % (ID.encode(), ID.encode()), seen)
    assert first.count(b"\n") == 2 and first.endswith(b"\n")
    assert again == b"<%sdoc/a> <p> <o> .\n" % ID.encode()
    assert store_load.unseen(b"<%srussia> <p> <o> .\n" % ID.encode(), seen) == b""


def test_store_scale_update_patches_changed_graphs_to_equal_a_clean_load(tmp_path, monkeypatch):
    monkeypatch.setattr(store_build, "UPDATE_SHARE", 1.0)
    old = [doc(1, "china", "russia"), doc(2, "russia", "china", extra=(f"<{ID}japan> {LABEL} \"Japan\"@en",)),
           doc(3, "france", "russia"), views("china--russia", "france--russia")]
    store_build.write_build_store(old, tmp_path / "store")
    # d2 loses the Japan triple (no other graph states it) and gains one; d3 is gone; d4 is new; views change
    new = [old[0], doc(2, "russia", "china", extra=(f"<{ID}india> {LABEL} \"India\"@en",)),
           doc(4, "india", "china"), views("china--russia", "china--india")]
    assert store_build.write_build_store(new, tmp_path / "store") == "updated"
    store_build.write_build_store(new, tmp_path / "clean")
    assert held(tmp_path / "store") == held(tmp_path / "clean") == expected(new)
    assert not any("Japan" in q or "doc/d3" in q or "France" in q for q in held(tmp_path / "store"))
    assert store_build.read_state(tmp_path / "store") == store_patch.versions(new)


def test_store_scale_failed_background_load_leaves_the_old_store_intact(tmp_path):
    store = tmp_path / "store"
    store_build.write_build_store(CORPUS, store)
    before = held(store)
    broken = CORPUS[:2] + [Part(f"{ID}doc/d9", b"<urn:a> <urn:p> \"unterminated <urn:g> .\n", key="x")]
    started = store_build.begin(broken, store)
    with pytest.raises(OutputError, match="store: cannot build the SPARQL store"):
        started.finish(broken)
    assert held(store) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["store"]


def test_store_scale_aborted_load_stops_its_threads_and_keeps_the_old_store(tmp_path):
    store = tmp_path / "store"
    store_build.write_build_store(CORPUS, store)
    before, threads = held(store), threading.active_count()
    started = store_build.begin([doc(n, "china", "russia") for n in range(300)], store)
    started.abort()
    assert threading.active_count() == threads
    assert held(store) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["store"]


def test_store_scale_leftovers_of_a_killed_build_are_cleared(tmp_path):
    store = tmp_path / "store"
    store_build.write_build_store(CORPUS, store)
    for stale in ("store.tmp", "store.old"):
        (tmp_path / stale).mkdir()
        (tmp_path / stale / "CURRENT").write_text("half-written")
    assert store_build.write_build_store(CORPUS[:2], store) == "loaded"
    assert held(store) == expected(CORPUS[:2])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["store"]


def _built_pair(tmp_path: Path) -> tuple[Path, Path]:
    """Two dated documents in ``tmp_path/in``, built (store included) into ``tmp_path/out``."""
    folder = tmp_path / "in"
    folder.mkdir()
    for n, text in enumerate(("Russia and China signed a treaty on Monday.", "France criticized Russia.")):
        (folder / f"a{n}.txt").write_text(f"---\ndate: 2001-03-0{n + 1}\n---\n{text}\n", encoding="utf-8")
    out = tmp_path / "out"
    pipeline.build([folder], out, html=False)
    return folder, out


def test_store_scale_build_failing_after_the_store_started_keeps_the_old_store(tmp_path, monkeypatch):
    folder, out = _built_pair(tmp_path)
    before, threads = held(out / "store"), threading.active_count()
    (folder / "a2.txt").write_text("---\ndate: 2001-04-01\n---\nIndia met Japan.\n", encoding="utf-8")
    monkeypatch.setattr(store_build, "UPDATE_SHARE", 0.0)  # a full load, in the background

    def crash(*args, **kwargs):
        raise MemoryError("views ran out of memory")

    monkeypatch.setattr(pipeline, "assemble", crash)
    with pytest.raises(MemoryError):
        pipeline.build([folder], out, html=False)
    assert held(out / "store") == before
    assert not (out / "store.tmp").exists() and threading.active_count() == threads


KILLED = """
import sys, time

from diplograph.graph import pipeline
real = pipeline.assemble
def slow(*args, **kwargs):
    print("store started", flush=True)
    time.sleep(60)
    return real(*args, **kwargs)
pipeline.assemble = slow
pipeline.store_build.UPDATE_SHARE = 0.0
pipeline.build([sys.argv[1]], sys.argv[2], html=False)
"""


def kill_once_started(script: str, folder: Path, out: Path) -> None:
    """Run ``script`` (a build of ``folder`` into ``out``) in a child process; kill -9 it once it prints
    "store started"."""
    import subprocess
    import sys

    proc = subprocess.Popen([sys.executable, "-c", script, str(folder), str(out)], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline() == "store started\n"
    proc.kill()
    proc.wait()


@pytest.mark.slow
def test_store_scale_build_killed_while_the_store_loads_keeps_the_old_one_and_resumes(tmp_path):
    folder, out = _built_pair(tmp_path)
    before = held(out / "store")
    (folder / "a2.txt").write_text("---\ndate: 2001-04-01\n---\nIndia met Japan.\n", encoding="utf-8")
    kill_once_started(KILLED, folder, out)  # the documents' graphs are loading in the background
    assert held(out / "store") == before and (out / "store.tmp").exists()
    assert pipeline.build([folder], out, html=False).store == "loaded"  # 1 of 3 changed: above UPDATE_SHARE
    pipeline.build([folder], tmp_path / "clean", html=False)
    assert held(out / "store") == held(tmp_path / "clean" / "store") and not (out / "store.tmp").exists()


def test_store_scale_update_without_the_kept_copy_of_the_views_loads_anew(tmp_path, monkeypatch):
    """The views graph is not named in the store, so it cannot be read back: without its kept copy, load anew."""
    monkeypatch.setattr(store_build, "UPDATE_SHARE", 1.0)
    store_build.write_build_store(CORPUS, tmp_path / "store")
    kept = list((tmp_path / "store" / store_patch.KEPT).iterdir())
    assert [p.read_bytes() for p in kept] == [CORPUS[-1].read_nquads()]  # the views graph, which has no cache key
    for path in kept:
        path.unlink()
    new = CORPUS[:3] + [views("china--russia", "india--russia")]
    assert store_build.write_build_store(new, tmp_path / "store") == "loaded"
    assert held(tmp_path / "store") == expected(new)
    changed = [CORPUS[0], doc(2, "russia", "india"), CORPUS[2], new[-1]]  # views unchanged: documents patched
    assert store_build.write_build_store(changed, tmp_path / "store") == "updated"
    assert held(tmp_path / "store") == expected(changed)


def test_store_scale_build_keeps_the_views_graph_for_the_next_update(tmp_path):
    _, out = _built_pair(tmp_path)
    views = [p.nquads for p in pipeline.build([tmp_path / "in"], tmp_path / "again", html=False).parts
             if p.graph == VIEWS_GRAPH]  # the views graph's chunks, in the cache
    views = sorted(out / ".cache" / "views" / path.name for path in views)
    kept = sorted((out / "store" / store_patch.KEPT).iterdir(), key=lambda p: p.read_bytes())
    assert views and sorted(p.read_bytes() for p in kept) == sorted(p.read_bytes() for p in views)
    assert {p.stat().st_ino for p in kept} == {p.stat().st_ino for p in views}  # hard links, not copies


def test_store_scale_update_of_large_changed_views_loads_anew_instead(tmp_path, monkeypatch):
    """Views chunks that changed past UPDATE_VIEWS_BYTES (an upgrade re-keys them all) are not patched line by
    line: the store is loaded anew, and holds what a clean load holds."""
    monkeypatch.setattr(store_build, "UPDATE_SHARE", 1.0)
    old = [doc(1, "china", "russia"), doc(2, "france", "russia"), views("china--russia", "france--russia")]
    store_build.write_build_store(old, tmp_path / "store")
    new = [old[0], doc(2, "russia", "china"), views("china--russia", "china--india")]
    monkeypatch.setattr(store_build, "UPDATE_VIEWS_BYTES", 0)
    assert store_build.write_build_store(new, tmp_path / "store") == "loaded"
    store_build.write_build_store(new, tmp_path / "clean")
    assert held(tmp_path / "store") == held(tmp_path / "clean") == expected(new)
    assert store_build.read_state(tmp_path / "store") == store_patch.versions(new)
    monkeypatch.setattr(store_build, "UPDATE_VIEWS_BYTES", 1 << 30)  # the same change, small enough to patch
    store_build.write_build_store(old, tmp_path / "store")
    assert store_build.write_build_store(new, tmp_path / "store") == "updated"
    assert held(tmp_path / "store") == expected(new)
