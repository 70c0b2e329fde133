"""Stage: views -> RDF in chunks, each kept in the build's cache under what it is made of.

The views graph of a corpus is written as *chunks*: runs of consecutive view nodes (in subject order, so
the chunks one after another are the sorted N-Quads of :func:`to_rdf.write_views`, and their Turtle
blocks one after another its Turtle block). A chunk is made of *groups* (views/groups.py), the unit a
change touches: a dyad group is one pair of states (its overall dyad and its slices), a triangle group the
triangles sharing their first two members.

Each group has a *fingerprint*, the hash of what its nodes are made of (its dyads, labels, triangle
classes and counts), computed without making the nodes. Chunk boundaries depend on the groups' names
only (a boundary follows a group whose name hashes to 0 modulo :data:`SPREAD`, once the chunk holds
:data:`MIN_NODES` nodes), so a change in one group leaves the other chunks as they were. A chunk's key
is the hash of its groups' names and fingerprints (and of this code); its N-Quads, Turtle block and gzip
member are kept as ``<folder>/v-<key>.nq|.ttl|.nqz``, and a rerun makes and writes only the chunks whose
key is new. A clean build and a rerun give the same chunks, byte for byte.

For the SPARQL store (and anyone patching a copy of the views graph): every views triple lies in exactly
one chunk, so the difference between two builds' views graphs is the chunks whose key left (remove their
N-Quads) and the chunks whose key came (add theirs); a chunk with the same key holds the same bytes.
See :func:`changed_chunks`.
"""

from __future__ import annotations

import hashlib
import io
import marshal
import os
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import networkx as nx

from diplograph.graph import rdf, turtle
from diplograph.graph.views import to_rdf
from diplograph.graph.views.folded import ViewTables
from diplograph.graph.views.groups import (Fingerprints, Group, dyad_groups, triangle_groups,  # noqa: F401
                                           view_groups)
from diplograph.graph.views.load import bulk

#: A chunk ends after a group whose name's CRC-32 is 0 modulo SPREAD, once it holds MIN_NODES nodes.
SPREAD = 4
MIN_NODES = 256
INDEX = "chunks.marshal"  # {chunk key: lines} of the chunks in the folder


@dataclass(frozen=True)
class Chunk:
    """A written chunk of the views graph: its key, its quads, and its bytes (in memory or files).

    ``nquads`` are sorted N-Quads lines of the views graph, ``turtle`` their Turtle block
    (turtle.block's bytes), ``gz`` the N-Quads as one gzip member (executor.gzip_member's bytes).
    """

    key: str
    lines: int
    nquads: bytes | Path
    turtle: bytes | Path
    gz: bytes | Path


def pack(groups: Iterable[Group], spread: int | None = None, min_nodes: int | None = None) -> Iterator[list[Group]]:
    """Consecutive groups in chunks: a chunk ends after a group whose name hashes to 0 modulo ``spread``
    (:data:`SPREAD`) once it holds ``min_nodes`` (:data:`MIN_NODES`) nodes, so a chunk's end moves only
    when a group near it changes."""
    spread = SPREAD if spread is None else spread
    min_nodes = MIN_NODES if min_nodes is None else min_nodes
    chunk, size = [], 0
    for group in groups:
        chunk.append(group)
        size += group.size
        if size >= min_nodes and zlib.crc32(group.name.encode("utf-8")) % spread == 0:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


@lru_cache(maxsize=1)
def _code_version() -> bytes:
    """What a chunk's bytes depend on besides its groups: the code writing them."""
    here = Path(__file__).parent
    names = ("chunks.py", "groups.py", "to_rdf.py", "dyads.py", "triangles.py")
    sources = [(here / name).read_bytes() for name in names]
    return hashlib.sha256(b"\0".join([*sources, Path(turtle.__file__).read_bytes()])).digest()


def chunk_key(groups: list[Group], graph: str, options: dict) -> str:
    """The key of a chunk of these groups in ``graph``: the same groups, the same bytes."""
    h = hashlib.sha256(_code_version() + repr((graph, sorted(options.items()), to_rdf.TRIANGLE_COUNTS)).encode())
    for group in groups:
        h.update(group.name.encode("utf-8") + b"\0" + group.fingerprint)
    return h.hexdigest()[:32]


def chunk_bytes(groups: list[Group], graph: str) -> tuple[bytes, bytes, bytes, int]:
    """The N-Quads, Turtle block and gzip member of a chunk of groups, and its quads."""
    from diplograph.graph.executor import gzip_member

    tail = f" {rdf.uri(graph)} .\n"
    nodes = [node for group in groups for node in group.make()]
    data = "".join([f"{s} {p} {o}{tail}" for s, pairs in nodes for p, o in pairs]).encode("utf-8")
    block = turtle.block_of((s, p, o) for s, pairs in nodes for p, o in pairs)  # turtle.block(data), unparsed
    return data, block, gzip_member(data), sum(len(pairs) for _, pairs in nodes)


def _paths(folder: Path, key: str) -> tuple[Path, Path, Path]:
    return tuple(folder / f"v-{key}.{suffix}" for suffix in ("nq", "ttl", "nqz"))


def _save(folder: Path, key: str, data: tuple[bytes, bytes, bytes]) -> tuple[Path, Path, Path]:
    paths = _paths(folder, key)
    for path, content in zip(paths, data):
        tmp = path.with_name("." + path.name + ".tmp")
        tmp.write_bytes(content)
        os.replace(tmp, path)
    return paths


def _read_index(folder: Path) -> dict[str, int]:
    try:
        index = marshal.loads((folder / INDEX).read_bytes())
        return index if isinstance(index, dict) else {}
    except (OSError, EOFError, ValueError, TypeError):
        return {}


def _write_index(folder: Path, index: dict[str, int]) -> None:
    tmp = folder / ("." + INDEX + ".tmp")
    tmp.write_bytes(marshal.dumps(dict(sorted(index.items()))))
    os.replace(tmp, folder / INDEX)


def write_chunks(G: nx.MultiDiGraph | ViewTables, graph: str, folder: str | Path | None = None, *,
                 fingerprints: Fingerprints | None = None, **options) -> list[Chunk]:
    """The views graph of ``G`` in ``graph`` as chunks, in order; only the chunks ``folder`` lacks are made.

    Without a ``folder`` every chunk is made and kept in memory. With one, each chunk's three files are
    ``<folder>/v-<key>.nq|.ttl|.nqz``; chunk files no chunk uses any more are deleted (a copy of the views
    graph patched from one build to the next keeps the old ones it needs: see :func:`changed_chunks`).

    Args:
        fingerprints: The dyad groups' fingerprints known from the previous build (see :class:`Fingerprints`).
        options: ``by``, ``band``, ``sliced`` of :func:`to_rdf.view_nodes`.
    """
    folder = Path(folder) if folder is not None else None
    if folder is not None:
        folder.mkdir(parents=True, exist_ok=True)
    index = _read_index(folder) if folder is not None else {}
    listed = set(os.listdir(folder)) if folder is not None else set()  # one listing, not three stats a chunk
    used: dict[str, int] = {}
    out = []
    with bulk():
        for groups in pack(view_groups(G, fingerprints=fingerprints, **options)):
            key = chunk_key(groups, graph, options)
            out.append(_chunk(groups, graph, key, folder, index, listed))
            used[key] = out[-1].lines
    if folder is not None:
        if used != index:
            _write_index(folder, used)
        _prune(folder, used, listed)
    return out


def _chunk(groups: list[Group], graph: str, key: str, folder: Path | None, index: dict[str, int],
           listed: set[str]) -> Chunk:
    if folder is not None and key in index and all(f"v-{key}.{s}" in listed for s in ("nq", "ttl", "nqz")):
        return Chunk(key, index[key], *_paths(folder, key))
    nquads, block, gz, lines = chunk_bytes(groups, graph)
    if folder is None:
        return Chunk(key, lines, nquads, block, gz)
    return Chunk(key, lines, *_save(folder, key, (nquads, block, gz)))


def _prune(folder: Path, used: dict[str, int], listed: set[str]) -> None:
    """Delete the chunk files no chunk uses (of the folder's listing before the chunks were written), and the
    one-file views graph earlier versions wrote."""
    for name in sorted(listed):
        if (name.startswith("v-") and "." in name and name[2:].split(".", 1)[0] not in used) or \
                name in ("views.nq", "views.ttl", "views.nqz"):
            (folder / name).unlink(missing_ok=True)


def changed_chunks(old: dict[str, Path], new: dict[str, Path]) -> tuple[list[Path], list[Path]]:
    """What turns one build's views graph into the next's, given each build's chunks as ``{key: N-Quads file}``.

    Returns:
        The N-Quads files whose lines to remove (chunks only ``old`` has), and those whose lines to add
        (chunks only ``new`` has), each in key order. A line in both (a triple a changed chunk kept) is
        removed and added back: remove first.
    """
    return [old[k] for k in sorted(old.keys() - new.keys())], [new[k] for k in sorted(new.keys() - old.keys())]


def chunks_bytes(chunks: Iterable[Chunk]) -> tuple[bytes, bytes]:
    """The N-Quads and Turtle block of chunks, one after another (for tests and small graphs)."""
    nq, ttl = io.BytesIO(), io.BytesIO()
    for c in chunks:
        nq.write(c.nquads.read_bytes() if isinstance(c.nquads, Path) else c.nquads)
        ttl.write(c.turtle.read_bytes() if isinstance(c.turtle, Path) else c.turtle)
    return nq.getvalue(), ttl.getvalue()
