"""End-to-end: the build command on the bundled example and on inputs that must fail cleanly."""

from __future__ import annotations

import gzip
import re

import pyoxigraph
import pytest
from click.testing import CliRunner
from rdflib import Dataset, Graph

from diplograph.graph.cli import main


def test_pipeline_example_outputs_parse(example_build):
    out = example_build.out_dir
    for name in ("graph.ttl", "graph.nq.gz", "graph.html"):
        assert (out / name).stat().st_size > 0
    g = Graph().parse(out / "graph.ttl", format="turtle")
    assert len(g) > 100
    store = pyoxigraph.Store()
    store.load(path=str(out / "graph.ttl"), format=pyoxigraph.RdfFormat.TURTLE)
    assert len(store) == len(g)
    ds = Dataset()
    ds.parse(data=gzip.decompress((out / "graph.nq.gz").read_bytes()), format="nquads")
    assert len(list(ds.graphs())) >= 2  # the document's graph and the views graph


def test_pipeline_summary_counts(example_build):
    summary = example_build.summary()
    assert summary["documents"] == 1
    assert summary["entities"]["State"] >= 3
    assert summary["entities"]["Official"] >= 4
    assert summary["events"] > 0 and summary["facts"] > 0


def test_pipeline_build_is_deterministic(tmp_path, example_path):
    from diplograph.graph.pipeline import build

    build([example_path], tmp_path / "a", store=False)
    build([example_path], tmp_path / "b", store=False)
    for name in ("graph.ttl", "graph.nq.gz", "graph.html"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name


def test_cli_build_prints_summary(tmp_path, example_path):
    result = CliRunner().invoke(main, ["build", str(example_path), "--out", str(tmp_path / "out"), "--no-store"])
    assert result.exit_code == 0, result.output
    assert re.search(r"documents: 1\b", result.output)
    assert "events:" in result.output


@pytest.mark.parametrize("payload", [b"", b"   \n\t ", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200)])
def test_cli_build_bad_input_one_line_error(tmp_path, payload):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(payload)
    result = CliRunner().invoke(main, ["build", str(bad), "--out", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert "bad.txt" in result.output


def test_cli_build_missing_path(tmp_path):
    result = CliRunner().invoke(main, ["build", str(tmp_path / "nope.txt"), "--out", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert "nope.txt" in result.output and "Traceback" not in result.output


def test_cli_build_keeps_good_documents_and_previous_output(tmp_path, example_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(example_path.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(folder), "--out", str(out), "--no-store"])
    assert result.exit_code == 2
    assert "empty.txt" in result.output
    assert "documents: 1" in result.output
    before = (out / "graph.ttl").read_bytes()
    result = CliRunner().invoke(main, ["build", str(folder / "empty.txt"), "--out", str(out), "--no-store"])
    assert result.exit_code == 2
    assert (out / "graph.ttl").read_bytes() == before


def test_cli_every_command_in_readme(root):
    readme = (root / "README.md").read_text(encoding="utf-8")
    for name in sorted(main.commands):
        assert f"diplograph {name}" in readme, name


def test_cli_every_command_help_ends_with_example():
    for name, command in sorted(main.commands.items()):
        assert "Example: diplograph" in (command.help or "").strip().splitlines()[-1], name
