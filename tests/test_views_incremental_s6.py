"""The sharded views state (views/incremental.py, views/shards.py): a rerun reads only the changed buckets'
folds and the shards its change falls in, and gives the views chunks, counts and graph.ttl of a clean build,
byte for byte, also when events and facts are held by several buckets and after a damaged or stale state."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from diplograph.graph import merge
from diplograph.graph.pipeline import build
from diplograph.graph.views import incremental, shards
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_views_incremental import write as write_docs

# Our own sentences. Documents of one date share their events (an event's IRI does not name its document),
# so an event or a fact is often held by the folds of several buckets.
SHARED = (
    "Russia condemned the United States over the sanctions. France praised Germany for its help.",
    "China criticized Japan over the disputed islands. Germany supported France in the budget talks.",
    "Japan and South Korea signed an agreement on fisheries. The United States praised Japan.",
)
EXTRA = (
    "Russia praised China for the border agreement.",
    "The United States criticized Russia over the sanctions.",
    "France and Germany signed an agreement on energy cooperation.",
    "China condemned Japan over the disputed islands.",
)


def write(folder: Path, docs: dict[str, tuple[str, int]]) -> list[Path]:
    """One file per document (``name -> (text, month)``), dated the 14th of its month; other files removed."""
    return write_docs(folder, docs, lambda name, what: (what[0], f"2003-{what[1]:02d}-14"))


def outputs(result, out: Path) -> tuple:
    """The views chunks' bytes and keys (the store patches by key), the counts, graph.ttl, graph.nq.gz."""
    views = [p for p in result.parts if p.graph == merge.VIEWS_GRAPH]
    return (b"".join(p.read_nquads() for p in views), [p.key for p in views], result.counts,
            (out / "graph.ttl").read_bytes(), (out / "graph.nq.gz").read_bytes())


def clean(tmp: Path, docs: dict) -> tuple:
    out = tmp / "clean"
    return outputs(build(write(tmp / "clean-in", docs), out, html=False, store=False, cache=False), out)


def rerun(tmp: Path, docs: dict) -> tuple:
    out = tmp / "out"
    return outputs(build(write(tmp / "in", docs), out, html=False, store=False), out)


def base_docs() -> dict[str, tuple[str, int]]:
    return {f"doc-{n}": (SHARED[n % len(SHARED)], 1 + n % 2) for n in range(8)}


def views_folder(tmp: Path) -> Path:
    return tmp / "out" / ".cache" / "views"


def test_shards_round_trip_and_a_damaged_shard_is_caught(tmp_path):
    m = shards.ShardedMap(tmp_path, "x", 8)
    m.fill(iter([(f"k{i}", i) for i in range(100)]))
    names = m.write()
    again = shards.ShardedMap(tmp_path, "x", 8, names)
    assert [again.get(f"k{i}") for i in range(100)] == list(range(100))
    again.put("k1", None)
    again.put("new", 7)
    later = shards.ShardedMap(tmp_path, "x", 8, again.write())
    assert later.get("k1") is None and later.get("new") == 7 and later.get("k2") == 2
    victim = tmp_path / names[shards.shard_of("k3", 8)]
    victim.write_bytes(victim.read_bytes()[:-3])
    with pytest.raises(shards.ShardError):
        shards.ShardedMap(tmp_path, "x", 8, names).get("k3")


@pytest.mark.slow
def test_events_held_by_several_buckets_are_folded_again_exactly(tmp_path, full):
    docs = base_docs()
    assert rerun(tmp_path, docs) == clean(tmp_path, docs)
    saved = incremental.load_saved(views_folder(tmp_path))
    held = [v for n in range(incremental.SHARDS["e"]) for v in saved.maps["e"].shard(n).values()]
    shared = [slots for mask, slots in held if mask.bit_count() > 1]
    assert shared and all(len(slots) > 1 for slots in shared)  # the case this test is about, slots by bucket
    steps = [{**docs, "doc-3": (SHARED[0] + " " + EXTRA[0], 2)},  # an edit: shared events lose a bucket
             {**docs, "doc-8": (SHARED[1], 1)},  # an addition: shared events gain one
             {k: v for k, v in docs.items() if k != "doc-0"},  # a removal
             {**docs, "doc-5": (EXTRA[1] + " " + EXTRA[3], 2)}]
    for now in steps:
        calls = len(full)
        assert rerun(tmp_path, now) == clean(tmp_path, now)
        assert len(full) == calls + 1  # the clean build only: the rerun took the incremental path


@pytest.mark.slow
@pytest.mark.parametrize("damage", ["shard deleted", "shard truncated", "shard altered", "core stale"])
def test_damaged_or_stale_state_is_detected(tmp_path, full, damage):
    docs = base_docs()
    rerun(tmp_path, docs)
    views = views_folder(tmp_path)
    first = (views / incremental.STATE).read_bytes()
    rerun(tmp_path, {**docs, "doc-8": (EXTRA[2], 1)})
    pair_shards = sorted(views.glob("vs-p*.marshal"))
    assert pair_shards
    if damage == "core stale":  # a build killed before writing its core leaves the old one; its shards are gone
        (views / incremental.STATE).write_bytes(first)
    for victim in pair_shards if damage != "core stale" else ():
        if damage == "shard deleted":
            victim.unlink()
        elif damage == "shard truncated":
            victim.write_bytes(victim.read_bytes()[:-5])
        else:
            data = bytearray(victim.read_bytes())
            data[len(data) // 2] ^= 1
            victim.write_bytes(bytes(data))
    now = {**docs, "doc-8": (EXTRA[2], 1), "doc-9": (EXTRA[0] + " " + SHARED[1], 2)}
    calls = len(full)
    assert rerun(tmp_path, now) == clean(tmp_path, now)
    assert len(full) == calls + 2  # the full path, then the clean build


@pytest.mark.slow
def test_a_build_killed_before_its_core_is_written_is_repaired(tmp_path, monkeypatch):
    docs = base_docs()
    rerun(tmp_path, docs)
    real = os.replace

    def killed(src, dst):
        if Path(dst).name == incremental.STATE:
            raise KeyboardInterrupt  # as a kill -9 would leave it: shards and folds written, the core not
        return real(src, dst)

    monkeypatch.setattr(incremental.os, "replace", killed)
    now = {**docs, "doc-2": (EXTRA[1], 1)}
    with pytest.raises(KeyboardInterrupt):
        rerun(tmp_path, now)
    monkeypatch.setattr(incremental.os, "replace", real)
    later = {**now, "doc-6": (EXTRA[3], 2)}
    assert rerun(tmp_path, later) == clean(tmp_path, later)
    assert not list(views_folder(tmp_path).glob(".vs-*"))
    state = incremental.load_saved(views_folder(tmp_path))
    named = {name for m in state.maps.values() for name in m.names.values()}
    assert named == {p.name for p in views_folder(tmp_path).glob("vs-*.marshal")}  # orphans pruned


@pytest.mark.slow
@settings(max_examples=5, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.sampled_from(["edit", "add", "remove"]), st.integers(0, 9),
                          st.integers(0, len(SHARED) + len(EXTRA) - 1), st.integers(1, 2)), min_size=2, max_size=4))
def test_random_edit_sequences_match_a_clean_build(tmp_path_factory, edits):
    tmp = tmp_path_factory.mktemp("seq")
    docs = base_docs()
    rerun(tmp, docs)
    pool = SHARED + EXTRA
    for what, i, j, month in edits:
        name, before = f"doc-{i}", dict(docs)
        if what == "remove":
            docs.pop(name, None)
        elif what == "add":
            docs[name] = (pool[j], month)
        else:
            docs[name] = (docs.get(name, (pool[0], 1))[0] + " " + pool[j], docs.get(name, (None, month))[1])
        if docs == before or not docs:
            docs = before
            continue
        assert rerun(tmp, docs) == clean(tmp, docs), (what, i, j, month)
