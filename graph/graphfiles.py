"""graph.ttl and graph.nq.gz, staged beside their targets by background threads, and their indexes.

A build knows its documents' graphs before its views graph, which takes the views stage (seconds at
10,000 documents) to compute. :class:`GraphFiles` writes the documents' blocks of both files as soon as
the documents are known (:meth:`GraphFiles.begin`), while the views are computed, and the views' blocks
when they come (:meth:`GraphFiles.add`); :meth:`GraphFiles.finish` waits and gives the staged files,
which outputs.py swaps in with the other outputs. The bytes are those of ``merge.write_turtle`` and
``merge.write_nquads_gz`` over all the parts: the documents' graphs sort before the views graph
(``dgid:doc/...`` < ``dgid:graph/views``), and a part given late that would sort earlier makes the files
be written again whole. Most of the work is copying bytes in the kernel (``os.copy_file_range``),
which releases the GIL, so the views' Python code runs beside it on the other core.

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
import threading
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from diplograph.graph import merge, turtle
from diplograph.graph.cache import write_atomic
from diplograph.graph.errors import OutputError

#: The folder of each graph file's index (the build cache's, pipeline.CACHE_DIR), and the index's suffix.
INDEX_DIR, INDEX = ".cache", ".index"
#: Each graph file: its head and the pieces of its parts (merge.py).
WRITERS: dict[str, tuple[Callable[[], bytes], Callable[[Iterable[merge.Part]], Iterator[merge.Piece]]]] = {
    "graph.ttl": (turtle.header, merge.turtle_pieces),
    "graph.nq.gz": (bytes, merge.gz_pieces),
}


def staged_file(out: Path, name: str) -> tuple[BinaryIO, str]:
    """A new file beside ``out / name`` (``.NAME.XXXXXXXX.tmp``, which outlock.py sweeps when a build is killed)
    open for writing, readable by all (outputs are meant to be read and served)."""
    fd, tmp = tempfile.mkstemp(dir=out, prefix=f".{name}.", suffix=".tmp")
    try:
        os.fchmod(fd, 0o644)
        return os.fdopen(fd, "wb"), tmp
    except BaseException:
        os.close(fd)
        Path(tmp).unlink(missing_ok=True)
        raise


class _Staged:
    """One graph file being written by a thread at a time; its previous build's file kept open for copies."""

    def __init__(self, out: Path, name: str, index_dir: Path | None) -> None:
        self.name, self.head, self.pieces = name, *WRITERS[name]
        self.blocks: list[merge.Block] = []
        self.error: BaseException | None = None
        self.thread: threading.Thread | None = None
        self.previous = _open_previous(out / name, index_dir / (name + INDEX) if index_dir else None)
        try:
            self.fh, self.tmp = staged_file(out, name)
        except BaseException:
            self.close()
            raise

    def write(self, parts: list[merge.Part], head: bool) -> None:
        """Append the blocks of ``parts`` (after the file's head when ``head``) in a thread."""
        self.join()
        self.thread = threading.Thread(target=self._write, args=(parts, head), daemon=True)
        self.thread.start()

    def _write(self, parts: list[merge.Part], head: bool) -> None:
        if self.error is not None:
            return
        try:
            self.blocks += merge.write_pieces(self.fh, self.head() if head else b"", self.pieces(parts), self.previous)
        except BaseException as exc:  # noqa: BLE001 - raised again by GraphFiles.finish in the build's thread
            self.error = exc

    def join(self) -> None:
        if self.thread is not None:
            self.thread.join()
            self.thread = None

    def close(self) -> None:
        self.join()
        if hasattr(self, "fh"):
            self.fh.close()
        if self.previous is not None:
            os.close(self.previous.fd)
            self.previous = None


class GraphFiles:
    """graph.ttl and graph.nq.gz of a build, staged in ``out`` by background threads (see the module's docstring).

    Use: ``begin(documents)``, then ``add(views)``, then ``finish()`` (or ``abort()`` on failure).
    """

    def __init__(self, out: Path) -> None:
        self.out = out
        self.index_dir = out / INDEX_DIR if (out / INDEX_DIR).is_dir() else None
        self.files: list[_Staged] = []
        self.given: list[merge.Part] = []
        self.blocks: dict[str, list[merge.Block]] = {}

    def begin(self, parts: Iterable[merge.Part]) -> GraphFiles:
        """Start writing both files with these parts (the documents' graphs).

        Raises:
            OutputError: A file cannot be made beside its target (permissions, a full disk).
        """
        self.given = merge.ordered(parts)
        name = ""
        try:
            for name in WRITERS:
                self.files.append(_Staged(self.out, name, self.index_dir))
                self.files[-1].write(self.given, head=True)
        except OSError as exc:
            self.abort()
            raise OutputError(f"{self.out / name}: cannot write ({exc.strerror or exc})") from exc
        except BaseException:
            self.abort()
            raise
        return self

    def add(self, parts: Iterable[merge.Part]) -> None:
        """Append the blocks of the parts of ``parts`` not given yet (the views graph's chunks), in threads.
        They must sort after those given so far; if one does not, both files are written again, whole."""
        given = {id(p) for p in self.given}  # the same objects come back (hashing a Part would read its bytes)
        more = merge.ordered(p for p in parts if id(p) not in given)
        if not more:
            return
        if self.given and more[0].graph < self.given[-1].graph:
            whole = merge.ordered([*self.given, *more])
            self.abort()
            self.begin(whole)
            return
        self.given += more
        for staged in self.files:
            staged.write(more, head=False)

    def finish(self) -> dict[str, str]:
        """Wait for the writers; ``{name: staged file}``. Each file's blocks are then in :attr:`blocks`
        (for :func:`write_index`).

        Raises:
            OutputError: A file could not be written (disk full, say); both staged files are removed.
        """
        for staged in self.files:
            staged.close()
        failed = next((s for s in self.files if s.error is not None), None)
        if failed is not None:
            name, error = failed.name, failed.error
            self.abort()
            if isinstance(error, OSError):
                raise OutputError(f"{self.out / name}: cannot write ({error.strerror or error})") from error
            raise error
        self.blocks = {s.name: s.blocks for s in self.files}
        return {s.name: s.tmp for s in self.files}

    def abort(self) -> None:
        """Wait for the writers and remove the staged files (the previous outputs stay as they were)."""
        for staged in self.files:
            staged.close()
            Path(staged.tmp).unlink(missing_ok=True)
        self.files = []


def _open_previous(target: Path, index: Path | None) -> merge.Previous | None:
    """The previous build's ``target`` open for reading, when ``index`` describes that very file (same size,
    device, inode and modification time: not replaced nor edited since), else None. The caller closes its fd."""
    found = read_index(target, index) if index is not None else None
    if found is None:
        return None
    try:
        fd = os.open(target, os.O_RDONLY)
    except OSError:
        return None
    head, info = found[0], os.fstat(fd)
    if [info.st_size, info.st_dev, info.st_ino, info.st_mtime_ns] != \
            [head.get(k) for k in ("size", "device", "inode", "mtime_ns")]:
        os.close(fd)
        return None
    return merge.Previous(fd, {(b.graph, b.key): b for b in found[1] if b.key})


def write_index(target: Path, blocks: list[merge.Block], index: Path) -> None:
    """Record where each graph's block lies in ``target`` (just swapped in) and which file that is.

    Two lines of JSON: the file (size, device, inode, modification time in ns) with its blocks as
    ``[graph, key, offset, length]``, then the SHA-256 of the first line; written atomically (the cache's prune
    removes the temporary file a killed build left). A failure costs only the next build its reuse.
    """
    try:
        info = target.stat()
        data = json.dumps({"file": target.name, "size": info.st_size, "device": info.st_dev, "inode": info.st_ino,
                           "mtime_ns": info.st_mtime_ns, "blocks": [[b.graph, b.key, b.offset, b.length] for b in blocks]},
                          ensure_ascii=False).encode() + b"\n"
        write_atomic(index, data + json.dumps({"sha256": hashlib.sha256(data).hexdigest()}).encode())
    except OSError:
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
