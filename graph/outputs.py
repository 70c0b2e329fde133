"""Writing a build's outputs: every file staged beside its target, then all swapped in together.

``graph.ttl`` and ``graph.nq.gz`` are streamed from the build's parts (merge.py), the HTML pages drawn
from an rdflib Dataset of a small build or from the views' graph of a corpus, and the SPARQL store
loaded (in background threads, while the files are written) or updated (store_build.py) before the swap,
so a failure (a full disk, say) leaves the previous build's files as they were.

Beside the cache, ``OUT/.cache/graph.ttl.index`` and ``graph.nq.gz.index`` record where each graph's
block lies in the file just written and which file that is (size, device, inode, modification time),
sealed by a checksum. The next build copies the unchanged blocks from that file (merge.write_pieces); an
index that is missing, damaged or describes another file (replaced, edited, or swapped in by a build
killed before its index was written) is not used, and every block is written again: the same bytes.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from diplograph.graph import merge, store_build
from diplograph.graph.errors import OutputError
from diplograph.graph.gcpause import paused

if TYPE_CHECKING:
    from diplograph.graph.pipeline import BuildResult
    from diplograph.graph.store_build import StoreBuild

Content = bytes | str | Callable[[BinaryIO], object]
#: Above this many quads the HTML pages are drawn from the views' graph instead of an rdflib Dataset.
HTML_DATASET_LIMIT = 400_000
#: The most edges a corpus' graph.html draws (network.strongest): vis-network stays usable in a browser.
PAGE_EDGES = 4_000
#: The folder of each graph file's index (the build cache's, pipeline.CACHE_DIR), and the index's suffix.
INDEX_DIR, INDEX = ".cache", ".index"


def _stage(out: Path, name: str, data: Content) -> str:
    """Write one output (bytes, text, or a function writing to a binary file) beside its target; return its path."""
    fd, tmp = tempfile.mkstemp(dir=out, prefix=f".{name}.", suffix=".tmp")
    try:
        fh = os.fdopen(fd, "wb")
    except BaseException:
        os.close(fd)
        Path(tmp).unlink(missing_ok=True)
        raise
    try:
        with fh:
            if callable(data):
                data(fh)
            else:
                fh.write(data.encode("utf-8") if isinstance(data, str) else data)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    os.chmod(tmp, 0o644)  # mkstemp makes private files; outputs are meant to be read and served
    return tmp


def _write_all(out: Path, files: dict[str, Content], before_swap=None) -> list[Path]:
    """Write every file or none: stage them all, run ``before_swap(staged)``, then swap them in together.

    ``before_swap`` gets ``{name: staged path}`` (the store is loaded from the staged graph files).

    Raises:
        OutputError: A file cannot be written (disk full, permissions); the previous outputs stay as they were.
    """
    staged: dict[str, str] = {}
    name = ""
    try:
        for name, data in files.items():
            staged[name] = _stage(out, name, data)
        if before_swap is not None:
            name = "store"
            before_swap(staged)
    except OSError as exc:
        for tmp in staged.values():
            Path(tmp).unlink(missing_ok=True)
        raise OutputError(f"{out / name}: cannot write ({exc.strerror or exc})") from exc
    except BaseException:
        for tmp in staged.values():
            Path(tmp).unlink(missing_ok=True)
        raise
    for name, tmp in staged.items():
        os.replace(tmp, out / name)
    return [out / name for name in staged]


@paused()
def write_index(target: Path, blocks: list[merge.Block], index: Path) -> None:
    """Record where each graph's block lies in ``target`` (just swapped in) and which file that is.

    Two lines of JSON: the file (size, device, inode, modification time in ns) with its blocks as
    ``[graph, key, offset, length]``, then the SHA-256 of the first line. A failure costs only the next
    build its reuse.
    """
    try:
        info = target.stat()
        data = json.dumps({"file": target.name, "size": info.st_size, "device": info.st_dev, "inode": info.st_ino,
                           "mtime_ns": info.st_mtime_ns, "blocks": [[b.graph, b.key, b.offset, b.length] for b in blocks]},
                          ensure_ascii=False).encode() + b"\n"
        _write_all(index.parent, {index.name: data + json.dumps({"sha256": hashlib.sha256(data).hexdigest()}).encode()})
    except (OSError, OutputError):
        index.unlink(missing_ok=True)


def read_index(target: Path, index: Path) -> tuple[dict, list[merge.Block]] | None:
    """The blocks of ``target`` its index lists, with the identity ``target`` had when the index was written;
    None when the index is missing or damaged (bad checksum, blocks not one after another up to the end)."""
    try:
        data, check = index.read_bytes().split(b"\n")
        if json.loads(check) != {"sha256": hashlib.sha256(data + b"\n").hexdigest()}:
            return None
        head = json.loads(data)
        blocks = [merge.Block(str(g), str(k), int(o), int(n)) for g, k, o, n in head["blocks"]]
        whole = head["file"] == target.name and _one_after_another(blocks, head["size"])
    except (OSError, ValueError, TypeError, KeyError):
        return None
    return (head, blocks) if whole else None


def _one_after_another(blocks: list[merge.Block], size: int) -> bool:
    """Blocks of positive length, each starting where the one before ends, the last ending the file."""
    ends = [b.offset + b.length for b in blocks]
    return all(b.length > 0 for b in blocks) and all(b.offset == end for b, end in zip(blocks[1:], ends)) \
        and (not blocks or (blocks[0].offset >= 0 and ends[-1] == size))


@contextmanager
def previous_file(target: Path, index: Path | None) -> Iterator[merge.Previous | None]:
    """The previous build's ``target`` open for reading, when ``index`` describes that very file (same size,
    device, inode and modification time: not replaced nor edited since), else None."""
    found = read_index(target, index) if index is not None else None
    try:
        fd = os.open(target, os.O_RDONLY) if found is not None else None
    except OSError:
        fd = None
    if fd is None:
        yield None
        return
    try:
        head, info = found[0], os.fstat(fd)
        same = [info.st_size, info.st_dev, info.st_ino, info.st_mtime_ns] == \
            [head.get(k) for k in ("size", "device", "inode", "mtime_ns")]
        yield merge.Previous(fd, {(b.graph, b.key): b for b in found[1] if b.key}) if same else None
    finally:
        os.close(fd)


def _graph_files(result: BuildResult, out: Path, index_dir: Path | None, blocks: dict) -> dict[str, Content]:
    """graph.ttl and graph.nq.gz as writers reusing the previous build's blocks (their layout kept in ``blocks``)."""
    def writer(name: str, write: Callable) -> Callable[[BinaryIO], None]:
        @paused()  # tens of thousands of small objects and no cycles: no collection needed
        def staged(fh: BinaryIO) -> None:
            with previous_file(out / name, index_dir / (name + INDEX) if index_dir else None) as previous:
                blocks[name] = write(result.parts, fh, previous)
        return staged

    return {"graph.ttl": writer("graph.ttl", merge.write_turtle),
            "graph.nq.gz": writer("graph.nq.gz", merge.write_nquads_gz)}


def html_pages(result: BuildResult) -> dict[str, str]:
    """graph.html, dyads.html and triangles.html; a corpus too large for an rdflib Dataset is drawn from
    the views' graph (entities, events and facts, one quote per edge)."""
    from diplograph.exports import html
    from diplograph.exports.network import network_from_views, strongest
    from diplograph.exports.viewpages import view_pages

    title = "diplograph: knowledge graph"
    if result.quad_count <= HTML_DATASET_LIMIT or result.views is None:
        return {"graph.html": html.render_graph_page(result.dataset, title=title),
                **view_pages(result.views if result.views is not None else result.dataset)}
    nodes, edges = network_from_views(result.views)
    shown, drawn = strongest(nodes, edges, PAGE_EDGES)
    subtitle = f"{len(nodes):,} actors, {len(edges):,} relations. Hover for evidence." if len(drawn) == len(edges) \
        else (f"The {len(drawn):,} relations with most evidence of {len(edges):,}, between {len(shown):,} of "
              f"{len(nodes):,} actors; graph.ttl and the store hold them all. Hover for evidence.")
    return {"graph.html": html.render_network_page(shown, drawn, title=title, subtitle=subtitle),
            **view_pages(result.views)}


def write_outputs(result: BuildResult, out_dir: str | Path, *, html: bool = True, store: bool = True,
                  extra: dict[str, bytes | str] | None = None, started: StoreBuild | None = None) -> list[Path]:
    """Write graph.ttl, graph.nq.gz, the HTML pages, ``extra`` files and the store into ``out_dir``.

    The graph files are streamed from the documents' parts (the cache's files for a corpus); every file
    is staged first and all are swapped in together at the end, so a failure (a full disk, say) leaves
    the previous build's files as they were. The store loads in background threads meanwhile: ``started``
    is the store a build began with its documents' graphs (store_build.begin), else it starts here.
    """
    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"{out}: cannot create output folder ({exc.strerror})") from exc
    if not os.access(out, os.W_OK):
        raise OutputError(f"{out}: output folder is not writable")
    index_dir = out / INDEX_DIR if (out / INDEX_DIR).is_dir() else None
    blocks: dict[str, list[merge.Block]] = {}
    files = _graph_files(result, out, index_dir, blocks)
    if store and started is None:
        started = store_build.begin(merge.ordered(result.parts), out / "store")
    try:
        if html:
            files.update(html_pages(result))
        files.update(extra or {})

        def fill_store(staged: dict[str, str]) -> None:
            result.store = started.finish(merge.ordered(result.parts))

        written = _write_all(out, files, fill_store if store else None)
    except BaseException:
        if started is not None:
            started.abort()
        raise
    for name, layout in blocks.items() if index_dir else ():
        write_index(out / name, layout, index_dir / (name + INDEX))
    if store:
        written.append(out / "store")
    result.outputs = written
    return written
