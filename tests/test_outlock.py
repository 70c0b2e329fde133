"""One build at a time per output folder (graph/outlock.py), and a killed build's staged files swept."""

from __future__ import annotations

import fcntl
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from diplograph.graph.cli import main
from diplograph.graph.outlock import LOCK, locked, sweep

TEXT = ("---\ndate: 2003-05-12\n---\n\nRussian Foreign Minister Igor Ivanov met Chinese Foreign Minister "
        "Li Zhaoxing in Moscow on Monday.\n")


def build(corpus: Path, out: Path):
    return CliRunner().invoke(main, ["build", str(corpus), "--out", str(out), "--no-html", "--no-store",
                                     "--no-progress"])


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text(TEXT, encoding="utf-8")
    return folder


def test_outlock_second_build_refused_while_one_runs(corpus, tmp_path):
    out = tmp_path / "out"
    assert build(corpus, out).exit_code == 0
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    fd = os.open(out / LOCK, os.O_RDWR)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # as a running build holds it
        (corpus / "b.txt").write_text(TEXT.replace("Moscow", "Beijing"), encoding="utf-8")
        result = build(corpus, out)
    finally:
        os.close(fd)
    assert result.exit_code == 4, result.output
    assert "Traceback" not in result.output
    errors = [line for line in result.stderr.splitlines() if line.startswith("diplograph:")]
    assert len(errors) == 1 and "another diplograph build" in errors[0] and str(out) in errors[0]
    assert {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()} == before  # nothing touched
    assert build(corpus, out).exit_code == 0  # the lock released, the build goes on
    assert "Beijing" in (out / "graph.ttl").read_text(encoding="utf-8")


def test_outlock_killed_holder_does_not_block(corpus, tmp_path):
    out = tmp_path / "out"
    holder = subprocess.Popen([sys.executable, "-c", (
        "import sys, time; from pathlib import Path; from diplograph.graph.outlock import locked\n"
        "with locked(Path(sys.argv[1])):\n    print('held', flush=True); time.sleep(60)"), str(out)],
        stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        assert build(corpus, out).exit_code == 4  # held
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait()
    assert build(corpus, out).exit_code == 0  # kill -9 dropped the lock


def test_outlock_sweeps_what_a_killed_build_staged(corpus, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    staged = [".graph.ttl.k2f_9xzq.tmp", ".graph.nq.gz.abcdefgh.tmp", ".manifest.json.A1b2C3d4.tmp",
              ".dyads.html.zzzzzzzz.tmp"]
    kept = ["notes.tmp", ".graph.ttl.tmp", ".mine.abcdefgh.tmp", "graph.ttl.abcdefgh.tmp"]
    for name in staged + kept:
        (out / name).write_bytes(b"x" * 1024)
    assert build(corpus, out).exit_code == 0
    names = {p.name for p in out.iterdir()}
    assert not names & set(staged)
    assert set(kept) <= names  # only the build's own staged names go


def test_outlock_sweep_returns_sorted_names_and_ignores_folders(tmp_path):
    (tmp_path / ".graph.ttl.bbbbbbbb.tmp").write_bytes(b"")
    (tmp_path / ".graph.ttl.aaaaaaaa.tmp").write_bytes(b"")
    (tmp_path / ".triangles.html.cccccccc.tmp").mkdir()
    assert sweep(tmp_path) == [".graph.ttl.aaaaaaaa.tmp", ".graph.ttl.bbbbbbbb.tmp"]
    assert (tmp_path / ".triangles.html.cccccccc.tmp").is_dir()


def test_outlock_bad_input_leaves_no_new_folder(tmp_path):
    out = tmp_path / "never"
    result = CliRunner().invoke(main, ["build", str(tmp_path / "missing.txt"), "--out", str(out), "--no-progress"])
    assert result.exit_code == 2
    assert not out.exists()


def test_outlock_existing_folder_kept_after_bad_input(tmp_path):
    out = tmp_path / "mine"
    out.mkdir()
    with pytest.raises(RuntimeError, match="bad input"), locked(out):
        raise RuntimeError("bad input")
    assert out.is_dir()  # a folder the user made stays, with the lock file only
    assert [p.name for p in out.iterdir()] == [LOCK]
    with locked(out):  # and the lock is free again
        assert (out / LOCK).is_file()
