"""A rerun's planning without needless work: the gazetteer's version from its bytes, inputs listed as strings,
cache keys as before, and merge's plan sizing a block the previous file holds from that file's index."""

from __future__ import annotations

import hashlib
import io
import os
import shutil
from pathlib import Path

import pytest
from diplograph.graph import inputs, merge, pipeline
from diplograph.graph.cache import Cache, Versions, document_key
from diplograph.ontology import gazetteer
from hypothesis import given
from hypothesis import strategies as st


def test_pipeline_s6_gazetteer_version_of_equals_load(tmp_path):
    assert gazetteer.version_of() == gazetteer.load().version
    copy = tmp_path / "gaz"
    shutil.copytree(gazetteer.FOLDER, copy, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    before = gazetteer.version_of(copy)
    assert before == gazetteer.load().version == gazetteer.load(copy).version
    with (copy / "states.jsonl").open("a", encoding="utf-8") as fh:
        fh.write("\n")  # a blank line: the same records, other bytes
    assert gazetteer.version_of(copy) != before
    assert gazetteer.version_of(copy) == gazetteer.load(copy).version
    (copy / "officials_phoenix.jsonl").unlink()  # any file may be absent
    assert gazetteer.version_of(copy) == gazetteer.read(copy)[1]


def test_pipeline_s6_current_versions_are_those_of_the_loaded_gazetteer():
    assert pipeline.current_versions() == Versions.of(gazetteer.load().version)


def test_pipeline_s6_document_key_is_unchanged():
    """The cache key's formula: another would extract every cached document again."""
    versions = Versions("0.1.0", "rules", "gaz", "html")
    options = {"publication": "Monitor", "date": None}
    fixed = "date=None\x1fpublication=Monitor\x1f0.1.0\x1frules\x1fgaz\x1fhtml"
    expected = hashlib.sha256(f"ab12\x1fnote-1\x1f{fixed}".encode()).hexdigest()
    assert document_key("ab12", "note-1", options, versions) == expected


@pytest.fixture
def tree(tmp_path, monkeypatch) -> Path:
    for name in ("a.txt", "sub/b.md", "sub/deeper/c.html", ".hidden/d.txt", "sub/e.TXT", "sub/skip.pdf", "x.y.text"):
        (tmp_path / "t" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "t" / name).write_text("Russia and China met.", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path / "t"


@pytest.mark.parametrize("given", ["t", "t/", "./t", "t//sub/..", "t/./sub", "TREE", ".", "t/*.txt", "t/**/*.md"])
def test_pipeline_s6_expand_gives_the_strings_of_paths(tree, monkeypatch, given):
    if given == ".":
        monkeypatch.chdir(tree)
    given = str(tree) if given == "TREE" else given
    if os.path.isdir(given):  # what expand_paths gave when it made a Path of each file found
        reference = sorted({str(Path(f)) for f in inputs._files_under(given)})
    else:
        import glob

        reference = sorted({str(Path(f)) for f in glob.glob(given, recursive=True) if os.path.isfile(f)})
    assert inputs._expand([given]) == reference and reference
    assert pipeline.expand_paths([given]) == [Path(p) for p in reference]


@pytest.mark.parametrize("name", ["a.txt", "a.b.txt", ".hidden", ".hidden.txt", "noext", "trail.", "d/e.f/g", "x..md"])
def test_pipeline_s6_stem_is_paths(name):
    assert inputs._stem(name) == Path(name).stem


def test_pipeline_s6_planned_jobs_equal_without_and_with_memo(tmp_path):
    from diplograph.graph.cache import InputMemo

    folder = tmp_path / "in"
    folder.mkdir()
    for n, city in enumerate(["Moscow", "Beijing", "Tokyo"]):
        (folder / f"n{n}.txt").write_text(f"Russia and China met in {city}.", encoding="utf-8")
    (folder / "sub").mkdir()
    (folder / "sub" / "n0.txt").write_text("Japan and Korea met.", encoding="utf-8")  # a stem twice: hash appended
    versions = pipeline.current_versions()
    plain, _ = pipeline.plan_jobs([folder], versions=versions)
    memo = InputMemo(tmp_path / "memo")
    memo.stamp = 1 << 62  # every entry trusted (as if long after the files were written)
    first, _ = pipeline.plan_jobs([folder], versions=versions, memo=memo)
    memo.entries = memo.seen
    second, _ = pipeline.plan_jobs([folder], versions=versions, memo=memo)
    assert first == plain and all(isinstance(j, inputs.Unread) for j in second)
    assert [(j.doc_id, j.path, j.key, j.sha256, j.size) for j in second] == \
        [(j.doc_id, j.path, j.key, j.sha256, len(j.raw)) for j in plain]
    assert [j.doc_id for j in plain] == ["n0-" + plain[0].sha256[:8], "n1", "n2", "n0-" + plain[3].sha256[:8]]


def test_pipeline_s6_cached_parts_are_the_cache_files(tmp_path):
    from diplograph.graph import iri
    from diplograph.graph.executor import Job

    files = Cache(tmp_path / "c").put("k1", b"<a:s> <a:p> <a:o> <g:1> .\n", b"ttl", b"gz", b"{}")
    jobs = [Job("d1", "d1.txt", b"", "k1"), Job("d2", "d2.txt", b"", "k2")]
    parts = pipeline.cached_parts(jobs, Cache(tmp_path / "c"))
    assert parts == {"d1": merge.Part(str(iri.document_iri("d1")), *files, key="k1")}


def _pieces(folder: Path, bodies: dict[tuple[str, str], bytes]) -> list[merge.Piece]:
    """A piece per (graph, key): its body in a file named by the key, led by a comment naming the graph."""
    for (_, key), body in bodies.items():
        (folder / key).write_bytes(body)
    return [merge.Piece(graph, key, f"# {graph}\n".encode(), folder / key, f"# {graph}".encode())
            for graph, key in bodies]


def test_pipeline_s6_merge_plan_sizes_a_kept_block_from_the_index(tmp_path):
    bodies = {("g1", "k1"): b"one\n", ("g2", "k2"): b"two two\n", ("g3", "k3"): b"", ("g4", "k4"): b"four four\n"}
    first = tmp_path / "first"
    with first.open("wb") as fh:
        blocks = merge.write_pieces(fh, b"HEAD\n", _pieces(tmp_path, bodies))
    expected = b"HEAD\n# g1\none\n# g2\ntwo two\n# g4\nchanged\n"
    fd = os.open(first, os.O_RDONLY)
    try:
        previous = merge.Previous(fd, {(b.graph, b.key): b for b in blocks})
        pieces = _pieces(tmp_path, {**{k: v for k, v in bodies.items() if k[0] != "g4"}, ("g4", "k5"): b"changed\n"})
        (tmp_path / "k1").unlink()  # its block is kept, and ends where kept g2's starts: its file is never asked
        buffer = io.BytesIO()
        merge.write_pieces(buffer, b"HEAD\n", pieces, previous)
        assert buffer.getvalue() == expected
        with pytest.raises(FileNotFoundError):  # without the previous file, the pieces' files are needed
            merge.write_pieces(io.BytesIO(), b"HEAD\n", pieces)
        _pieces(tmp_path, {("g1", "k1"): b"one\n", ("g2", "k2"): b"two two\n"})
        k2 = previous.blocks["g2", "k2"]
        for wrong in (merge.Block("g2", "k2", 0, k2.length), merge.Block("g2", "k2", k2.offset, k2.length - 1)):
            damaged = merge.Previous(fd, {**previous.blocks, ("g2", "k2"): wrong})
            buffer = io.BytesIO()  # a block not starting or not ending as it should: every block written anew
            merge.write_pieces(buffer, b"HEAD\n", pieces, damaged)
            assert buffer.getvalue() == expected
    finally:
        os.close(fd)


def test_pipeline_s6_all_cached_build_does_not_load_the_gazetteer(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "n.txt").write_text("---\ndate: 2001-05-01\n---\nRussia and China met in Moscow.\n", encoding="utf-8")
    first = pipeline.build([folder], tmp_path / "out", html=False, store=False)
    (tmp_path / "out" / "manifest.json").unlink()
    gazetteer._load_default.cache_clear()
    try:
        again = pipeline.build([folder], tmp_path / "out", html=False, store=False)
        assert again.extracted == [] and again.inputs == first.inputs
        assert gazetteer._load_default.cache_info().currsize == 0  # only its version was needed: 5 ms, not 0.4 s
    finally:
        gazetteer.load()


def test_pipeline_s6_bad_gazetteer_fails_before_a_pool_starts(tmp_path, monkeypatch):
    from diplograph.graph.errors import DataFileError

    folder = tmp_path / "in"
    folder.mkdir()
    for n, city in enumerate(["Moscow", "Beijing"]):
        (folder / f"n{n}.txt").write_text(f"Russia and China met in {city}.", encoding="utf-8")

    def broken():
        raise DataFileError("states.jsonl", 3, "bad JSON")

    monkeypatch.setattr(gazetteer, "_load_default", broken)  # workers would each fail to start, again and again
    with pytest.raises(DataFileError, match="states.jsonl:3"):
        pipeline.build([folder], tmp_path / "out", html=False, store=False, workers=2)


def test_pipeline_s6_prune_from_the_listing_of_the_lookups(tmp_path):
    folder = tmp_path / "c"
    Cache(folder).put("old", b"o", b"o", b"o", b"o")
    Cache(folder).put("same", b"s", b"s", b"s", b"s")
    (folder / ".stray.tmp").write_bytes(b"left by a killed build")
    (folder / "inputs.memo").write_bytes(b"not an entry")
    cache = Cache(folder)
    assert cache.get("same") is not None and cache.get("new") is None  # listed now
    cache.put("new", b"n", b"n", b"n", b"n")  # added to the listing
    assert cache.prune({"same", "new"}) == 5
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        ["inputs.memo", *(k + s for k in ("new", "same") for s in (".nq", ".ttl", ".nqz", ".json"))])


@given(st.text(max_size=30) | st.from_regex(r"[a-z0-9]+(-[a-z0-9]+)*", fullmatch=True))
def test_pipeline_s6_slug_of_a_stem_is_iri_slug(stem):
    from diplograph.graph import iri

    assert inputs._slug(stem) == iri.slug(stem)


@pytest.mark.parametrize("stem", ["article-00966", "a", "2003", "Article-1", "a--b", "-a", "a_b", "é-1", "a b", "a-"])
def test_pipeline_s6_slug_examples(stem):
    from diplograph.graph import iri

    assert inputs._slug(stem) == iri.slug(stem)


def test_input_limit_equals_the_extractors():
    """The command line's and the pipeline's input limit (graph/limits.py, light to import) is the extractor's."""
    from diplograph.graph.extract import documents
    from diplograph.graph.limits import MAX_BYTES

    assert MAX_BYTES == documents.MAX_BYTES
