"""Writing a build file block by block (graph/merge.py): each block written, or copied from the previous file.

A rerun after a few changed documents does not rewrite a gigabyte: :func:`write_pieces` returns where every
graph's block landed (:class:`Block`), outputs.py keeps that as an index beside the cache, and the next write
copies each block whose graph and key (the part's cache key) are unchanged straight from the previous file
(:class:`Previous`), by byte range and in the kernel (``os.copy_file_range``), writing only the blocks that
changed.
"""

from __future__ import annotations

import errno
import io
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO


@dataclass(frozen=True)
class Block:
    """Where one graph's bytes lie in a written graph.ttl or graph.nq.gz, and its part's key (what they are)."""

    graph: str
    key: str
    offset: int
    length: int


@dataclass(frozen=True)
class Piece:
    """One part's block about to be written: a lead (its graph comment in Turtle), then a body (bytes or a file).

    ``starts`` is what the block's bytes begin with (checked before a previous file's copy is trusted).
    """

    graph: str
    key: str
    lead: bytes
    body: bytes | Path
    starts: bytes

    def size(self) -> int:
        """Bytes of the block in the file; 0 for an empty body (written as nothing at all)."""
        body = self.body.stat().st_size if isinstance(self.body, Path) else len(self.body)
        return len(self.lead) + body if body else 0


@dataclass(frozen=True)
class Previous:
    """The previous build's file (open for reading) and its blocks by graph and key, from its index."""

    fd: int
    blocks: dict[tuple[str, str], Block]

    def block_of(self, piece: Piece) -> Block | None:
        """Where the previous file holds this very block (same graph, same non-empty key), else None."""
        return self.blocks.get((piece.graph, piece.key)) if piece.key else None

    def holds(self, offset: int, starts: bytes) -> bool:
        return os.pread(self.fd, len(starts), offset) == starts


class _Sink:
    """Appends to a binary file: bytes written, ranges of other files copied by the kernel
    (``os.copy_file_range``: the bytes never pass through Python; blocks are not filesystem-aligned, so
    this is a copy even where the filesystem could share blocks), and consecutive ranges of one file
    merged into one copy. ``end`` counts the copies not made yet."""

    def __init__(self, fh: BinaryIO):
        fh.flush()
        self.fh, self.end = fh, fh.tell()
        try:
            self.fd: int | None = fh.fileno()
        except (AttributeError, OSError, io.UnsupportedOperation):
            self.fd = None  # an in-memory file: copies go through Python
        self.pending: list[int] = []  # source fd, source offset, length, offset here: the copy not made yet
        self.kernel = hasattr(os, "copy_file_range")

    def reserve(self, length: int) -> None:
        """Allocate the file's blocks up front: ext4 then need not allocate them all at once when the file is
        renamed over the previous one (its ``auto_da_alloc`` flush made that rename take seconds at 1 GB)."""
        if self.fd is not None and length and hasattr(os, "posix_fallocate"):
            try:
                os.posix_fallocate(self.fd, self.end, length)
            except OSError:
                pass  # not offered by this filesystem: the rename is only slower

    def copy(self, src: int, offset: int, length: int) -> None:
        if self.pending and self.pending[0] == src and self.pending[1] + self.pending[2] == offset:
            self.pending[2] += length
        else:
            self.flush()
            self.pending = [src, offset, length, self.end]
        self.end += length

    def copy_file(self, path: Path, length: int) -> None:
        self.flush()
        src = os.open(path, os.O_RDONLY)
        try:
            self._copy(src, 0, length, self.end)
        finally:
            os.close(src)
        self.end += length

    def write(self, data: bytes) -> None:
        self.flush()
        self._put(data, self.end)
        self.end += len(data)

    def flush(self) -> None:
        if self.pending:
            src, offset, length, at = self.pending
            self.pending = []
            self._copy(src, offset, length, at)

    def close(self) -> None:
        self.flush()
        if self.fd is not None:
            os.lseek(self.fd, self.end, os.SEEK_SET)

    def _put(self, data: bytes, at: int) -> None:
        if self.fd is None:
            self.fh.write(data)
            return
        done = 0
        while done < len(data):
            done += os.pwrite(self.fd, memoryview(data)[done:], at + done)

    def _copy(self, src: int, offset: int, length: int, at: int) -> None:
        done = 0
        while done < length:  # a call may copy less than asked (at most about 2 GB)
            count = self._copy_some(src, offset + done, length - done, at + done)
            if count <= 0:
                raise OSError(errno.EIO, "a source file is shorter than expected (changed while written?)")
            done += count

    def _copy_some(self, src: int, offset: int, count: int, at: int) -> int:
        if self.fd is not None and self.kernel:
            try:
                return os.copy_file_range(src, self.fd, count, offset, at)
            except OSError as exc:  # not offered here (another filesystem, an old kernel): copy by hand
                if exc.errno not in (errno.EXDEV, errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP, errno.EBADF):
                    raise
                self.kernel = False
        data = os.pread(src, min(count, 1 << 22), offset)
        self._put(data, at)
        return len(data)


def _plan(pieces: list[Piece], previous: Previous | None) -> list[tuple[Piece, int, int | None]]:
    """Each non-empty piece with its size and, when the previous file holds its block (same graph and key),
    the block's offset there. A block taken has the size the previous file's index gives (outputs.py seals
    it and checks it describes that file; a part's key names its bytes), so the piece's file is not asked
    (a stat per piece: tens of thousands at 10,000 documents). The previous file is used only if each of
    those blocks starts as it should and has the right length (:func:`_kept`); one that does not means a
    damaged index, and no block is taken from it."""
    found = [previous.block_of(piece) for piece in pieces] if previous is not None else [None] * len(pieces)
    if previous is not None and not _kept(pieces, found, previous):
        found = [None] * len(pieces)
    plan = [(piece, piece.size() if block is None else block.length, block) for piece, block in zip(pieces, found)]
    return [(piece, size, block.offset if block else None) for piece, size, block in plan if size]


def _kept(pieces: list[Piece], found: list[Block | None], previous: Previous) -> bool:
    """True when every block found starts as its piece does and ends where another found block starts (checked
    so), where the file ends, or, where neither proves its length, at its piece's size (a stat, for the few
    blocks beside a changed one)."""
    starts, end = {block.offset for block in found if block is not None}, os.fstat(previous.fd).st_size
    return all(previous.holds(block.offset, piece.starts) and
               ((after := block.offset + block.length) in starts or after == end or piece.size() == block.length)
               for piece, block in zip(pieces, found) if block is not None)


def write_pieces(fh: BinaryIO, head: bytes, pieces: Iterable[Piece], previous: Previous | None = None) -> list[Block]:
    """Write ``head`` and each piece's block; a block the previous file holds is copied from it.

    The previous file is trusted only when every block taken from it has the expected size and start;
    otherwise every block is written from its piece, so the bytes are the same either way.
    """
    plan = _plan(list(pieces), previous)
    sink, blocks = _Sink(fh), []
    sink.reserve(len(head) + sum(size for _, size, _ in plan))
    sink.write(head)
    for piece, size, old in plan:
        blocks.append(Block(piece.graph, piece.key, sink.end, size))
        if old is not None:
            sink.copy(previous.fd, old, size)
            continue
        sink.write(piece.lead)
        if isinstance(piece.body, Path):
            sink.copy_file(piece.body, size - len(piece.lead))
        else:
            sink.write(piece.body)
    sink.close()
    return blocks
