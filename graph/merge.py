"""The corpus merge, streamed: per-graph N-Quads and Turtle blocks in, the build's files out.

Every document's named graph reaches the merge in one form: its sorted N-Quads and its Turtle block
(graph/turtle.py), in memory or as files of the per-document cache. Nothing is merged into one big
in-memory graph, so a build of thousands of documents holds only what the views need:

* ``graph.nq.gz`` is the graphs' N-Quads one after another, in graph IRI order (each graph's lines
  sorted): each graph is one gzip member, compressed by the worker that extracted it and cached;
* ``graph.ttl`` is the prefix header and each graph's Turtle block, in the same order;
* each graph's digest (views/folder.py) is read once, for the views and for the counts of the summary
  (distinct entities by type, facts and events).

The same bytes come out of ``exports.registry.render("nq"|"ttl", dataset)`` for the Dataset of the same
quads (``tests/test_pipeline_incremental.py`` checks it).

A rerun after a few changed documents does not rewrite a gigabyte: each writer returns where every graph's
block landed (:class:`Block`), outputs.py keeps that as an index beside the cache, and the next write
copies each block whose graph and key (the part's cache key) are unchanged straight from the previous
file, by byte range and in the kernel (``os.copy_file_range``), writing only the blocks that changed
(graph/blocks.py).
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from diplograph.graph import turtle
from diplograph.graph.blocks import Block, Piece, Previous, write_pieces  # noqa: F401
from diplograph.graph.iri import ID

VIEWS_GRAPH = ID + "graph/views"
GZIP_MAGIC = b"\x1f\x8b\x08"  # how every gzip member (deflate) starts


@dataclass(frozen=True)
class Part:
    """One named graph: its IRI, its sorted N-Quads and its Turtle block (bytes, or a file holding them)."""

    graph: str
    nquads: bytes | Path
    turtle: bytes | Path | None = None
    gz: bytes | Path | None = None  # the N-Quads as one gzip member
    digest: bytes | Path | None = None  # what the views and the counts read (views/folder.py)
    key: str = ""  # the document's cache key (what its graph was made from), "" when not known

    def read_nquads(self) -> bytes:
        return self.nquads.read_bytes() if isinstance(self.nquads, Path) else self.nquads

    def read_gz(self) -> bytes:
        if self.gz is None:
            from diplograph.graph.executor import gzip_member

            return gzip_member(self.read_nquads())
        return self.gz.read_bytes() if isinstance(self.gz, Path) else self.gz

    def read_digest(self) -> dict:
        from diplograph.graph.views.folder import digest

        data = digest(self.read_nquads()) if self.digest is None else \
            self.digest.read_bytes() if isinstance(self.digest, Path) else self.digest
        return json.loads(data)

    def read_turtle(self) -> bytes:
        if self.turtle is None:
            return turtle.block(self.read_nquads())
        return self.turtle.read_bytes() if isinstance(self.turtle, Path) else self.turtle


def ordered(parts: Iterable[Part]) -> list[Part]:
    """Parts in graph IRI order (the order of graph.nq.gz, graph.ttl and the exporters)."""
    return sorted(parts, key=lambda p: p.graph)


def split_quad(line: bytes) -> tuple[bytes, bytes, bytes, bytes]:
    """Subject, predicate, object and graph of one N-Quads line as written by pyoxigraph.

    >>> split_quad(b'<a:s> <a:p> "x y" <a:g> .')
    (b'<a:s>', b'<a:p>', b'"x y"', b'<a:g>')
    """
    body = line[:-2] if line.endswith(b" .") else line
    i = body.index(b" ")
    j = body.index(b" ", i + 1)
    k = body.rindex(b" ")
    return body[:i], body[i + 1:j], body[j + 1:k], body[k + 1:]


def lines_of(parts: Iterable[Part]) -> list[bytes]:
    """Every N-Quads line of the parts, in graph order (for small builds, tests and notebooks)."""
    return [line for part in ordered(parts) for line in part.read_nquads().split(b"\n") if line]


def write_nquads_gz(parts: Iterable[Part], fh: BinaryIO, previous: Previous | None = None) -> list[Block]:
    """graph.nq.gz: each graph's gzip member, in graph order (a multi-member gzip file reads as one stream).

    Returns:
        Where each graph's member lies in the file (for the index the next build reuses it by).
    """
    return write_pieces(fh, b"", gz_pieces(ordered(parts)), previous)


def gz_pieces(parts: Iterable[Part]) -> Iterator[Piece]:
    """graph.nq.gz's piece of each part (its gzip member), in the order given."""
    return (Piece(p.graph, p.key, b"", p.gz if p.gz is not None else p.read_gz(), GZIP_MAGIC) for p in parts)


def write_turtle(parts: Iterable[Part], fh: BinaryIO, previous: Previous | None = None) -> list[Block]:
    """graph.ttl: the fixed prefixes, then each graph's Turtle block under a ``# graph <iri>`` comment.

    Returns:
        Where each graph's comment and block lie in the file (an empty block has neither).
    """
    return write_pieces(fh, turtle.header(), turtle_pieces(ordered(parts)), previous)


def turtle_pieces(parts: Iterable[Part]) -> Iterator[Piece]:
    """graph.ttl's piece of each part (its ``# graph`` comment and Turtle block), in the order given."""
    for part in parts:
        body = part.turtle if part.turtle is not None else part.read_turtle()
        comment = turtle.graph_comment(part.graph)
        yield Piece(part.graph, part.key, comment, body, comment)


def turtle_bytes(parts: Iterable[Part]) -> bytes:
    """graph.ttl's bytes in memory (for small builds)."""
    buffer = io.BytesIO()
    write_turtle(parts, buffer)
    return buffer.getvalue()


def counts(parts: Iterable[Part]) -> dict:
    """Entities by core type, direct facts and events in the union (as BuildResult.summary counts them)."""
    from diplograph.graph.views.folder import fold

    # the views state no entity, event or fact of their own
    return fold(part.read_digest() for part in parts if part.graph != VIEWS_GRAPH).counts()
