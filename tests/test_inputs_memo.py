"""The input memo (cache.InputMemo): an input whose identity is unchanged is not read again; an edit is always
seen (size, mtime or ctime differ), a "racily clean" entry is read again, and a damaged memo is ignored."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from diplograph.graph import cache, inputs, pipeline
from diplograph.graph.cache import MEMO, RACY_NS, InputMemo, identity
from diplograph.graph.pipeline import build
from test_pipeline_incremental import outputs

TEXTS = (
    "Foreign Minister Igor Ivanov of Russia met Foreign Minister Tang Jiaxuan of China in Moscow on Monday.",
    "The United States and Japan signed an agreement on trade in Tokyo on Tuesday.",
    "President Jiang Zemin of China met President Vladimir Putin of Russia in Beijing on Friday.",
)


def write_corpus(folder: Path) -> list[Path]:
    """Three short dated articles of our own."""
    folder.mkdir(parents=True)
    paths = []
    for n, text in enumerate(TEXTS):
        path = folder / f"note-{n}.txt"
        path.write_text(f"---\ntitle: Note {n}\ndate: 2001-05-0{n + 1}\n---\n{text}\n", encoding="utf-8")
        paths.append(path)
    return paths


def clean(corpus: Path, out: Path) -> dict[str, bytes]:
    """The outputs of a build from nothing (no cache, so no memo)."""
    build([corpus], out, html=False, store=False, cache=False)
    return outputs(out)


def same_size_edit(path: Path) -> None:
    """Change the file's bytes but neither its size nor its mtime (the mtime is set back; the ctime moves)."""
    info = path.stat()
    data = path.read_bytes()
    path.write_bytes(data.replace(b"Tokyo", b"Osaka"))
    assert path.stat().st_size == info.st_size and path.read_bytes() != data
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns))
    assert path.stat().st_mtime_ns == info.st_mtime_ns


@pytest.fixture
def later(monkeypatch):
    """The builds run as if 10 s after the corpus was written: its files are out of the racy window."""
    monkeypatch.setattr(cache, "clock_ns", lambda: time.time_ns() + 10 * 10**9)


@pytest.fixture
def reads(monkeypatch) -> list[str]:
    """The inputs pipeline reads, in order."""
    seen: list[str] = []
    real = inputs._read_raw

    def counting(path, *args, **kwargs):
        seen.append(Path(path).name)
        return real(path, *args, **kwargs)

    monkeypatch.setattr(inputs, "_read_raw", counting)
    return seen


def test_inputs_memo_rerun_reads_no_unchanged_input(tmp_path, later, reads):
    corpus = tmp_path / "in"
    write_corpus(corpus)
    first = build([corpus], tmp_path / "out", html=False, store=False)
    assert sorted(reads) == ["note-0.txt", "note-1.txt", "note-2.txt"]
    assert (tmp_path / "out" / ".cache" / MEMO).is_file()
    before = outputs(tmp_path / "out")
    reads.clear()
    second = build([corpus], tmp_path / "out", html=False, store=False)
    assert reads == [] and second.up_to_date
    (tmp_path / "out" / "manifest.json").unlink()  # not up to date: the whole build runs from the memo and cache
    third = build([corpus], tmp_path / "out", html=False, store=False)
    assert reads == [] and third.extracted == [] and third.inputs == first.inputs
    assert outputs(tmp_path / "out") == before == clean(corpus, tmp_path / "clean")


@pytest.mark.parametrize("racy", [True, False], ids=["in-racy-window", "out-of-racy-window"])
def test_inputs_memo_same_size_same_mtime_edit_is_seen(tmp_path, monkeypatch, reads, racy):
    if not racy:  # else the files are seconds younger than the memo's stamp: racily clean, read again anyway
        monkeypatch.setattr(cache, "clock_ns", lambda: time.time_ns() + 10 * 10**9)
    corpus = tmp_path / "in"
    paths = write_corpus(corpus)
    build([corpus], tmp_path / "out", html=False, store=False)
    same_size_edit(paths[1])
    reads.clear()
    result = build([corpus], tmp_path / "out", html=False, store=False)
    assert result.extracted == ["note-1"]
    assert sorted(reads) == (["note-0.txt", "note-1.txt", "note-2.txt"] if racy else ["note-1.txt"])
    assert outputs(tmp_path / "out") == clean(corpus, tmp_path / "clean")


def test_inputs_memo_trusts_an_identity_only_out_of_the_racy_window(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"Russia and China met.")
    info = os.stat(path)
    changed = max(info.st_mtime_ns, info.st_ctime_ns)
    lying = {str(path): (*identity(info), "0" * 64)}  # what a memo would hold had the file changed within a tick
    assert InputMemo(tmp_path, lying, stamp=changed).sha256(str(path), info) is None  # times not older: racy
    assert InputMemo(tmp_path, lying, stamp=changed + 1).sha256(str(path), info) == "0" * 64
    moved = {str(path): (info.st_size, info.st_mtime_ns, info.st_ctime_ns - 1, info.st_ino, info.st_dev, "0" * 64)}
    assert InputMemo(tmp_path, moved, stamp=changed + 1).sha256(str(path), info) is None  # another ctime


def test_inputs_memo_stamp_is_taken_before_the_inputs_are_looked_at(tmp_path):
    memo = InputMemo(tmp_path)
    path = tmp_path / "a.txt"
    path.write_bytes(b"Japan and Korea met.")
    info = os.stat(path)
    assert memo.now <= max(info.st_mtime_ns, info.st_ctime_ns)  # a file written during the build is racy
    assert memo.now <= cache.clock_ns() - RACY_NS


@pytest.mark.parametrize("damage", ["truncated", "flipped", "garbage", "empty", "folder"])
def test_inputs_memo_damaged_is_ignored(tmp_path, later, reads, damage):
    corpus = tmp_path / "in"
    write_corpus(corpus)
    build([corpus], tmp_path / "out", html=False, store=False)
    memo = tmp_path / "out" / ".cache" / MEMO
    raw = memo.read_bytes()
    if damage == "folder":
        memo.unlink()
        memo.mkdir()
    else:
        memo.write_bytes({"truncated": raw[: len(raw) // 2], "flipped": raw[:40] + bytes([raw[40] ^ 1]) + raw[41:],
                          "garbage": b"\x00not a memo" * 9, "empty": b""}[damage])
    assert InputMemo.load(memo.parent).entries == {}
    (tmp_path / "out" / "manifest.json").unlink()
    reads.clear()
    result = build([corpus], tmp_path / "out", html=False, store=False)
    assert sorted(reads) == ["note-0.txt", "note-1.txt", "note-2.txt"] and result.extracted == []
    assert outputs(tmp_path / "out") == clean(corpus, tmp_path / "clean")


def test_inputs_memo_input_changed_after_planning_is_not_built(tmp_path, later):
    corpus = tmp_path / "in"
    paths = write_corpus(corpus)
    build([corpus], tmp_path / "out", html=False, store=False)
    memo = InputMemo.load(tmp_path / "out" / ".cache")
    versions = pipeline.current_versions()
    jobs, _ = pipeline.plan_jobs([corpus], versions=versions, memo=memo)
    assert all(isinstance(j, inputs.Unread) and j.raw == b"" for j in jobs)
    paths[0].write_bytes(paths[0].read_bytes().replace(b"Monday", b"Sunday"))  # between planning and extraction
    ready, failures = inputs.readied(jobs)
    assert [j.doc_id for j in ready] == ["note-1", "note-2"] and ready[0].raw == paths[1].read_bytes()
    assert failures == [(str(paths[0]), f"{paths[0]}: {inputs.CHANGED}")]


def test_inputs_memo_drops_removed_inputs_and_keeps_the_manifest_bytes(tmp_path, later):
    corpus = tmp_path / "in"
    paths = write_corpus(corpus)
    build([corpus], tmp_path / "out", html=False, store=False)
    paths[2].unlink()
    result = build([corpus], tmp_path / "out", html=False, store=False)
    assert sorted(InputMemo.load(tmp_path / "out" / ".cache").entries) == [str(p) for p in paths[:2]]
    assert [i["bytes"] for i in result.inputs] == [p.stat().st_size for p in paths[:2]]
    assert outputs(tmp_path / "out") == clean(corpus, tmp_path / "clean")
