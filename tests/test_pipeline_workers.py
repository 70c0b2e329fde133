"""Parallel builds: --workers 2 writes the same bytes as one process; progress shows only when asked."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from click.testing import CliRunner

from diplograph.graph.cli import main
from diplograph.graph.pipeline import build
from diplograph.graph.progress import Progress, progress_line

OUTPUTS = ("graph.ttl", "graph.nq.gz", "manifest.json")
LINES = (
    "German Chancellor Gerhard Schroeder met French President Jacques Chirac in Paris.",
    "Russian President Vladimir Putin criticized NATO over its plans to admit the Baltic states.",
    "China supported Russia in its dispute with the United States over missile defence.",
    "Ukraine said it would join the Commonwealth of Independent States talks in Minsk.",
)


def write_corpus(folder: Path, count: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        body = " ".join(LINES[(n + k) % len(LINES)] for k in range(2))
        (folder / f"note-{n:02d}.txt").write_text(f"---\ndate: 2000-0{n % 9 + 1}-15\n---\n{body}\n", encoding="utf-8")


@pytest.mark.slow
def test_pipeline_two_workers_equal_one(tmp_path):
    write_corpus(tmp_path / "in", 6)
    one = build([tmp_path / "in"], tmp_path / "one", html=False, store=False, workers=1)
    two = build([tmp_path / "in"], tmp_path / "two", html=False, store=False, workers=2)
    assert one.documents == two.documents and len(two.extracted) == 6
    assert [e.document.id for e in two.extractions] == two.documents  # ordered by document id
    for name in OUTPUTS:
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes(), name


def test_cli_build_is_quiet_on_stderr_without_a_terminal(tmp_path):
    write_corpus(tmp_path / "in", 2)
    result = CliRunner().invoke(main, ["build", str(tmp_path / "in"), "--out", str(tmp_path / "o"),
                                                       "--no-html", "--no-store"])
    assert result.exit_code == 0, result.output
    assert result.stderr == ""


def test_cli_build_progress_when_asked(tmp_path):
    write_corpus(tmp_path / "in", 2)
    args = ["build", str(tmp_path / "in"), "--out", str(tmp_path / "o"), "--no-html", "--no-store", "--progress"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert "2/2 documents" in result.stderr
    assert "built 2 documents (2 extracted, 0 cached, 0 failed)" in result.stderr
    again = CliRunner().invoke(main, args)
    assert "(0 extracted, 2 cached, 0 failed)" in again.stderr


def test_progress_line_rates_and_eta():
    assert progress_line(0, 10, 0, 0.0) == "0/10 documents  0 words/s  ETA 0:00:00"
    assert progress_line(1, 4, 3000, 2.0) == "1/4 documents  1,500 words/s  ETA 0:00:06"


def test_progress_writes_nothing_when_disabled():
    stream = io.StringIO()
    bar = Progress(3, enabled=False, stream=stream)
    bar.advance(3, 100)
    bar.finish(extracted=3, cached=0, failed=0)
    assert stream.getvalue() == ""


@pytest.mark.slow
def test_pipeline_dask_local_cluster_equals_single_process(tmp_path):
    pytest.importorskip("distributed")
    write_corpus(tmp_path / "in", 3)
    one = build([tmp_path / "in"], tmp_path / "one", html=False, store=False)
    dask = build([tmp_path / "in"], tmp_path / "dask", html=False, store=False, executor="dask", workers=2)
    assert dask.extracted == one.extracted == one.documents
    for name in OUTPUTS:
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "dask" / name).read_bytes(), name


@pytest.mark.slow
def test_cli_build_dask_unreachable_scheduler_is_one_line(tmp_path):
    pytest.importorskip("distributed")
    write_corpus(tmp_path / "in", 1)
    result = CliRunner().invoke(main, ["build", str(tmp_path / "in"), "--out", str(tmp_path / "o"), "--no-html",
                                       "--executor", "dask", "--scheduler", "tcp://127.0.0.1:9"])
    assert result.exit_code == 6, result.output
    assert "127.0.0.1:9" in result.output and "Traceback" not in result.output
