"""graph.ttl and graph.nq.gz rewritten from the previous build's file: unchanged blocks copied by byte range.

Every case compares with a clean write of the same parts into an empty folder: the bytes must be the same
whether blocks were copied from the previous file (its index in OUT/.cache matching), or every block was
written again because the index is missing, damaged or describes another file.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from diplograph.graph import merge, turtle
from diplograph.graph.errors import OutputError
from diplograph.graph.executor import gzip_member
from diplograph.graph.iri import document_iri
from diplograph.graph.graphfiles import INDEX, INDEX_DIR, read_index
from diplograph.graph.outputs import write_outputs
from diplograph.graph.pipeline import BuildResult

GRAPHS = ("graph.ttl", "graph.nq.gz")
RDFS = "http://www.w3.org/2000/01/rdf-schema#"


def nquads(doc: str, text: str) -> bytes:
    """A small document graph of our own: a label and a comment on two subjects."""
    graph, subject = document_iri(doc), document_iri(doc) + "#s"
    lines = [f'<{subject}> <{RDFS}comment> "{text}" <{graph}> .', f'<{subject}> <{RDFS}label> "{doc}" <{graph}> .',
             f'<{graph}> <{RDFS}label> "document {doc}"@en <{graph}> .']
    return "".join(line + "\n" for line in sorted(lines)).encode()


def part(folder: Path, doc: str, text: str, graph: str | None = None) -> merge.Part:
    """One part as the cache keeps it: N-Quads, Turtle block and gzip member as files, keyed by its content."""
    data = nquads(doc, text)
    key = hashlib.sha256(data).hexdigest()
    files = [folder / f"{key}{suffix}" for suffix in (".nq", ".ttl", ".nqz")]
    for path, body in zip(files, (data, turtle.block(data), gzip_member(data))):
        folder.mkdir(parents=True, exist_ok=True)
        path.write_bytes(body)
    return merge.Part(graph or document_iri(doc), *files, key=key)


def corpus(folder: Path, texts: dict[str, str]) -> list[merge.Part]:
    return [part(folder, doc, text) for doc, text in sorted(texts.items())]


TEXTS = {f"d{n:02d}": f"statement number {n} about talks in Vienna" for n in range(8)}


def write(out: Path, parts: list[merge.Part]) -> dict[str, bytes]:
    """graph.ttl and graph.nq.gz of ``parts`` in ``out`` (with the index folder, as a cached build has)."""
    (out / INDEX_DIR).mkdir(parents=True, exist_ok=True)
    write_outputs(BuildResult(parts=parts), out, html=False, store=False)
    return {name: (out / name).read_bytes() for name in GRAPHS}


def clean(tmp_path: Path, parts: list[merge.Part]) -> dict[str, bytes]:
    folder = tmp_path / f"clean-{len(list(tmp_path.glob('clean-*')))}"
    return write(folder, parts)


def doctor(path: Path, old: bytes, new: bytes) -> None:
    """Edit ``path`` in place (same length) and put its modification time back: its index still matches."""
    info = path.stat()
    data = path.read_bytes()
    assert len(old) == len(new) and data.count(old) == 1
    with path.open("r+b") as fh:
        fh.seek(data.index(old))
        fh.write(new)
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns))


@pytest.mark.parametrize("change", ["one changed", "one added", "one removed", "first and last changed",
                                    "all changed", "none changed"])
def test_outputs_rewrite_equals_clean_write(tmp_path, change):
    cache, out = tmp_path / "cache", tmp_path / "out"
    write(out, corpus(cache, TEXTS))
    texts = dict(TEXTS)
    if change == "one changed":
        texts["d03"] = "a changed statement"
    elif change == "one added":
        texts["d03b"] = "a statement of a new document"
    elif change == "one removed":
        del texts["d05"]
    elif change == "first and last changed":
        texts["d00"], texts["d07"] = "first changed", "last changed"
    elif change == "all changed":
        texts = {doc: text + " again" for doc, text in texts.items()}
    parts = corpus(cache, texts)
    assert write(out, parts) == clean(tmp_path, parts)
    assert gzip.decompress((out / "graph.nq.gz").read_bytes()) == b"".join(nquads(d, t) for d, t in sorted(texts.items()))


def test_outputs_unchanged_blocks_are_copied_from_previous_file(tmp_path):
    cache, out = tmp_path / "cache", tmp_path / "out"
    write(out, corpus(cache, TEXTS))
    doctor(out / "graph.ttl", b"statement number 6", b"STATEMENT NUMBER 6")  # in a block that stays
    doctor(out / "graph.ttl", b"statement number 2", b"STATEMENT NUMBER 2")  # in the block that changes
    texts = {**TEXTS, "d02": "a changed statement"}
    written = write(out, corpus(cache, texts))["graph.ttl"]
    assert b"STATEMENT NUMBER 6" in written  # copied from the previous file, not written from the cache
    assert b"a changed statement" in written and b"STATEMENT NUMBER 2" not in written
    index = read_index(out / "graph.ttl", out / INDEX_DIR / ("graph.ttl" + INDEX))
    assert index is not None and [b.graph for b in index[1]] == [document_iri(d) for d in sorted(texts)]


def test_outputs_several_parts_of_one_graph_keep_their_order(tmp_path):
    """The views graph may come as several parts of the same graph IRI, each its own block and member."""
    cache, out = tmp_path / "cache", tmp_path / "out"
    views = [part(cache, f"v{n}", f"view slice {n}", graph=merge.VIEWS_GRAPH) for n in range(3)]
    write(out, corpus(cache, TEXTS) + views)
    views[1] = part(cache, "v1", "view slice 1 changed", graph=merge.VIEWS_GRAPH)
    parts = corpus(cache, TEXTS) + views
    assert write(out, parts) == clean(tmp_path, parts)
    assert (out / "graph.ttl").read_bytes().count(b"# graph <" + merge.VIEWS_GRAPH.encode()) == 3


def test_outputs_file_writer_equals_in_memory_writer(tmp_path):
    cache = tmp_path / "cache"
    parts = corpus(cache, TEXTS) + [merge.Part(document_iri("zz"), nquads("zz", "in memory only"), key="")]
    written = write(tmp_path / "out", parts)
    assert written["graph.ttl"] == merge.turtle_bytes(parts)
    in_memory = [merge.Part(p.graph, p.read_nquads(), key=p.key) for p in parts]
    assert written == clean(tmp_path, in_memory)


def test_outputs_empty_turtle_block_has_no_block(tmp_path):
    cache, out = tmp_path / "cache", tmp_path / "out"
    empty = merge.Part(document_iri("d03x"), b"", b"", gzip_member(b""), key="empty")
    parts = corpus(cache, TEXTS) + [empty]
    write(out, parts)
    ttl_index = read_index(out / "graph.ttl", out / INDEX_DIR / ("graph.ttl" + INDEX))
    gz_index = read_index(out / "graph.nq.gz", out / INDEX_DIR / ("graph.nq.gz" + INDEX))
    assert len(ttl_index[1]) == len(TEXTS) and len(gz_index[1]) == len(TEXTS) + 1
    assert write(out, parts) == clean(tmp_path, parts)


def head(index: Path) -> dict:
    return json.loads(index.read_text().splitlines()[0])


def resealed(data: dict) -> str:
    """An index with a valid checksum: damage the checksum alone would not reveal."""
    line = json.dumps(data) + "\n"
    return line + json.dumps({"sha256": hashlib.sha256(line.encode()).hexdigest()})


def shift_offsets(index: Path) -> str:
    data = head(index)
    return resealed({**data, "blocks": [[g, k, o + 1, n] for g, k, o, n in data["blocks"]]})


def swap_keys(index: Path) -> str:
    data = head(index)
    blocks = data["blocks"]
    blocks[2][1], blocks[5][1] = blocks[5][1], blocks[2][1]
    return resealed(data)


def move_boundary(index: Path) -> str:
    """Block 3 one byte shorter, block 4 one byte longer: still one after another up to the end."""
    data = head(index)
    blocks = data["blocks"]
    blocks[3][3] -= 1
    blocks[4][2] -= 1
    blocks[4][3] += 1
    return resealed(data)


DAMAGE = {
    "missing": lambda index: None,
    "empty": lambda index: "",
    "truncated": lambda index: index.read_text()[:-40],
    "bit flipped": lambda index: index.read_text().replace("d03", "d30", 1),
    "not json": lambda index: "{\n",
    "offsets shifted, resealed": shift_offsets,
    "keys swapped, resealed": swap_keys,
    "boundary moved, resealed": move_boundary,
}


@pytest.mark.parametrize("damage", sorted(DAMAGE))
def test_outputs_damaged_index_falls_back_to_writing_every_block(tmp_path, damage):
    cache, out = tmp_path / "cache", tmp_path / "out"
    write(out, corpus(cache, TEXTS))
    for name in GRAPHS:
        index = out / INDEX_DIR / (name + INDEX)
        text = DAMAGE[damage](index)
        index.unlink()
        if text is not None:
            index.write_text(text)
    if damage != "keys swapped, resealed":  # an index rejected as a whole: no block may be copied
        doctor(out / "graph.ttl", b"statement number 6", b"STATEMENT NUMBER 6")
    parts = corpus(cache, {**TEXTS, "d04": "changed"})  # block 3 is copied, block 4 written anew
    assert write(out, parts) == clean(tmp_path, parts)


@pytest.mark.parametrize("how", ["edited", "replaced", "touched"])
def test_outputs_previous_file_changed_since_its_index_is_not_trusted(tmp_path, how):
    cache, out = tmp_path / "cache", tmp_path / "out"
    write(out, corpus(cache, TEXTS))
    ttl = out / "graph.ttl"
    data = ttl.read_bytes()
    if how == "edited":
        ttl.write_bytes(data.replace(b"statement number 6", b"STATEMENT NUMBER 6"))
    elif how == "replaced":
        ttl.unlink()
        ttl.write_bytes(data.replace(b"statement number 6", b"STATEMENT NUMBER 6"))
    else:
        os.utime(ttl, ns=(ttl.stat().st_atime_ns, ttl.stat().st_mtime_ns + 1))
    parts = corpus(cache, {**TEXTS, "d01": "changed"})
    assert write(out, parts) == clean(tmp_path, parts)


def test_outputs_failed_write_keeps_previous_files_and_their_index(tmp_path):
    cache, out = tmp_path / "cache", tmp_path / "out"
    before = write(out, corpus(cache, TEXTS))
    indexes = {name: (out / INDEX_DIR / (name + INDEX)).read_bytes() for name in GRAPHS}
    broken = corpus(cache, {**TEXTS, "d04": "changed"})
    broken[4].turtle.unlink()  # the changed block cannot be read: the write fails half-way
    with pytest.raises(OutputError, match="graph.ttl"):
        write(out, broken)
    assert {name: (out / name).read_bytes() for name in GRAPHS} == before
    assert {name: (out / INDEX_DIR / (name + INDEX)).read_bytes() for name in GRAPHS} == indexes
    assert not list(out.glob(".*.tmp"))
    parts = corpus(cache, {**TEXTS, "d04": "changed"})
    assert write(out, parts) == clean(tmp_path, parts)


KILL_BETWEEN_SWAPS = """
import os, signal, sys
from pathlib import Path
from diplograph.graph import merge
from diplograph.graph.outputs import write_outputs
from diplograph.graph.pipeline import BuildResult

replace = os.replace
def killing_replace(src, dst, *args, **kwargs):
    if str(dst).endswith("graph.nq.gz"):  # graph.ttl is swapped in, graph.nq.gz and both indexes are not
        os.kill(os.getpid(), signal.SIGKILL)
    return replace(src, dst, *args, **kwargs)
os.replace = killing_replace
parts = [merge.Part(g, Path(nq), Path(ttl), Path(gz), key=k) for g, k, nq, ttl, gz in
         (line.split("\\t") for line in Path(sys.argv[2]).read_text().splitlines())]
write_outputs(BuildResult(parts=parts), Path(sys.argv[1]), html=False, store=False)
"""


def test_outputs_killed_between_swaps_rewrites_to_clean_output(tmp_path):
    cache, out = tmp_path / "cache", tmp_path / "out"
    write(out, corpus(cache, TEXTS))
    parts = corpus(cache, {**TEXTS, "d02": "changed", "d09": "added"})
    listing = tmp_path / "parts.tsv"
    listing.write_text("".join(f"{p.graph}\t{p.key}\t{p.nquads}\t{p.turtle}\t{p.gz}\n" for p in parts))
    proc = subprocess.run([sys.executable, "-c", KILL_BETWEEN_SWAPS, str(out), str(listing)], check=False)
    assert proc.returncode == -signal.SIGKILL
    assert b"changed" in (out / "graph.ttl").read_bytes()  # the kill landed between the two swaps
    assert b"changed" not in gzip.decompress((out / "graph.nq.gz").read_bytes())
    again = corpus(cache, {**TEXTS, "d03": "changed too"})
    assert write(out, again) == clean(tmp_path, again)
