"""Incremental and resumable builds: the per-document cache in OUT/.cache and the run manifest."""

from __future__ import annotations

import gzip
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from diplograph.graph.pipeline import build

OUTPUTS = ("graph.ttl", "graph.nq.gz", "manifest.json")
SENTENCES = (
    "Russian Foreign Minister Igor Ivanov met Chinese Foreign Minister Tang Jiaxuan in Moscow on {day}.",
    "Ivanov criticized NATO for its plans to expand to the east.",
    "China and Russia signed a treaty on good-neighbourliness and friendly cooperation.",
    "Chinese President Jiang Zemin met Russian President Vladimir Putin in Beijing.",
    "The United States said it would withdraw from the Anti-Ballistic Missile Treaty.",
)
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday")


def write_corpus(folder: Path, count: int) -> list[Path]:
    """``count`` short dated articles, each a different mix of the sentences above."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(count):
        body = " ".join(SENTENCES[(n + k) % len(SENTENCES)].format(day=DAYS[n % len(DAYS)]) for k in range(3))
        path = folder / f"article-{n:02d}.txt"
        path.write_text(f"---\ntitle: Report {n}\ndate: 2001-03-{n + 1:02d}\n---\n{body}\n", encoding="utf-8")
        paths.append(path)
    return paths


def outputs(out: Path) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in OUTPUTS}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("corpus") / "in"
    write_corpus(folder, 4)
    return folder


def test_pipeline_rerun_extracts_nothing_and_is_identical(tmp_path, corpus):
    first = build([corpus], tmp_path / "out", html=False, store=False)
    before = outputs(tmp_path / "out")
    second = build([corpus], tmp_path / "out", html=False, store=False)
    assert len(first.extracted) == 4
    assert second.extracted == [] and len(second.cached) == 4
    assert outputs(tmp_path / "out") == before


def test_pipeline_incremental_change_add_remove_equals_clean(tmp_path, corpus):
    folder = tmp_path / "in"
    shutil.copytree(corpus, folder)
    out = tmp_path / "out"
    build([folder], out, html=False, store=False)
    changed = folder / "article-01.txt"
    changed.write_text(changed.read_text(encoding="utf-8").replace("Report 1", "Report one"), encoding="utf-8")
    (folder / "article-03.txt").unlink()
    write_corpus(tmp_path / "extra", 5)
    shutil.copy(tmp_path / "extra" / "article-04.txt", folder / "article-04.txt")
    rerun = build([folder], out, html=False, store=False)
    assert rerun.extracted == ["article-01", "article-04"]
    assert rerun.documents == ["article-00", "article-01", "article-02", "article-04"]
    clean = build([folder], tmp_path / "clean", html=False, store=False)
    assert len(clean.extracted) == 4
    assert outputs(out) == outputs(tmp_path / "clean")
    assert b"article-03" not in gzip.decompress((out / "graph.nq.gz").read_bytes())
    assert len(list((out / ".cache").glob("*.nq"))) == 4  # the removed and the old version are dropped


def test_pipeline_cache_key_follows_options(tmp_path, corpus):
    out = tmp_path / "out"
    build([corpus], out, html=False, store=False)
    again = build([corpus], out, html=False, store=False, publication="Monitor")
    assert len(again.extracted) == 4
    assert b"Monitor" in gzip.decompress((out / "graph.nq.gz").read_bytes())


def test_pipeline_manifest_lists_inputs_without_timestamp(tmp_path, corpus):
    build([corpus], tmp_path / "out", html=False, store=False)
    data = json.loads((tmp_path / "out" / "manifest.json").read_text(encoding="utf-8"))
    assert [i["id"] for i in data["inputs"]] == [f"article-0{n}" for n in range(4)]
    assert all(len(i["sha256"]) == 64 and i["quads"] > 0 for i in data["inputs"])
    assert data["counts"]["documents"] == 4 and data["counts"]["quads"] > 0
    assert set(data["versions"]) == {"diplograph", "rules", "gazetteer", "html_reader"}
    assert "built_at" not in data
    build([corpus], tmp_path / "stamped", html=False, store=False, timestamp=True)
    assert "built_at" in json.loads((tmp_path / "stamped" / "manifest.json").read_text(encoding="utf-8"))


def test_pipeline_stale_temporary_cache_files_are_ignored(tmp_path, corpus):
    out = tmp_path / "out"
    (out / ".cache").mkdir(parents=True)
    (out / ".cache" / ".half-written.tmp").write_bytes(b"<broken")
    build([corpus], out, html=False, store=False)
    assert not list((out / ".cache").glob("*.tmp"))


@pytest.mark.slow
def test_pipeline_killed_build_resumes_to_clean_output(tmp_path):
    folder = tmp_path / "in"
    write_corpus(folder, 12)
    out, cache = tmp_path / "out", tmp_path / "out" / ".cache"
    command = [sys.executable, "-c", "from diplograph.graph.cli import main; main()",
               "build", str(folder), "--out", str(out), "--no-html", "--no-store"]
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None and not list(cache.glob("*.nq")):
        time.sleep(0.01)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    done = len(list(cache.glob("*.nq")))
    assert 0 < done < 12, "the kill must land mid-build"
    assert not (out / "graph.nq.gz").exists()
    resumed = build([folder], out, html=False, store=False)
    assert len(resumed.extracted) == 12 - done
    build([folder], tmp_path / "clean", html=False, store=False)
    assert outputs(out) == outputs(tmp_path / "clean")


def test_pipeline_merge_writes_what_the_exporters_write(tmp_path, corpus):
    from diplograph.exports.registry import render

    result = build([corpus], tmp_path / "out", html=False, store=False)
    assert gzip.decompress((tmp_path / "out" / "graph.nq.gz").read_bytes()) == render("nq", result.dataset)
    assert (tmp_path / "out" / "graph.ttl").read_bytes() == render("ttl", result.dataset)
    summary = result.summary()
    assert summary["documents"] == 4 and summary["events"] > 0 and summary["entities"]["Official"] >= 3


def store_quads(out: Path) -> set[str]:
    import pyoxigraph

    return {str(q) for q in pyoxigraph.Store.read_only(str(out / "store"))}


def test_pipeline_store_updated_in_place_equals_clean_load(tmp_path, corpus, monkeypatch):
    from diplograph.graph import store_build

    monkeypatch.setattr(store_build, "UPDATE_SHARE", 0.6)  # 2 of 4 documents change below
    folder = tmp_path / "in"
    shutil.copytree(corpus, folder)
    out = tmp_path / "out"
    assert build([folder], out, html=False).store == "loaded"
    changed = folder / "article-01.txt"
    changed.write_text(changed.read_text(encoding="utf-8").replace("Ivanov", "Igor Ivanov"), encoding="utf-8")
    (folder / "article-03.txt").unlink()
    rerun = build([folder], out, html=False)
    assert rerun.store == "updated" and rerun.extracted == ["article-01"]
    clean = build([folder], tmp_path / "clean", html=False)
    assert clean.store == "loaded"
    assert store_quads(out) == store_quads(tmp_path / "clean")
    assert not any("article-03" in q for q in store_quads(out))


def test_pipeline_store_reloads_when_many_documents_change(tmp_path, corpus):
    folder = tmp_path / "in"
    shutil.copytree(corpus, folder)
    out = tmp_path / "out"
    build([folder], out, html=False)
    for path in sorted(folder.glob("*.txt"))[:2]:
        path.write_text(path.read_text(encoding="utf-8") + "\nChina criticized Japan.\n", encoding="utf-8")
    assert build([folder], out, html=False).store == "loaded"  # 2 of 4 changed: a full load is cheaper


def test_pipeline_rerun_with_nothing_changed_writes_nothing(tmp_path, corpus):
    out = tmp_path / "out"
    first = build([corpus], out, html=False)
    stamps = {p.name: p.stat().st_mtime_ns for p in out.iterdir() if p.is_file()}
    again = build([corpus], out, html=False)
    assert again.up_to_date and again.extracted == [] and again.summary() == first.summary()
    assert list(again.summary()["entities"]) == list(first.summary()["entities"])  # printed in the same order
    assert {p.name: p.stat().st_mtime_ns for p in out.iterdir() if p.is_file()} == stamps  # nothing rewritten
    assert again.lines == first.lines  # read back from graph.nq.gz
    assert not build([corpus], out, html=False, store=False).up_to_date  # other outputs asked: built again
    (out / "graph.ttl").unlink()
    assert not build([corpus], out, html=False, store=False).up_to_date  # an output missing: built again
    assert (out / "graph.ttl").is_file()
