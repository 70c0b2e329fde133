"""Writing the embedded SPARQL store ``OUT/store``: a full bulk load, or an update of the previous store.

The store holds one named graph per document plus ``dgid:graph/views``, and in its default graph the
merge of all of them (each triple once: Oxigraph's on-the-fly union would repeat a triple once per graph
holding it, inflating counts). A store is always built beside its target (``store.tmp``) and swapped in,
so a reader never sees a half-loaded store and a failed or killed build leaves the old one intact.

A build starts its store as soon as the documents' graphs are known (:func:`begin`): a full load runs in
background threads (Oxigraph's bulk loader releases the GIL) while the views are computed, each graph's
quads followed by its triples for the default graph; :meth:`StoreBuild.finish` adds the views graph,
compacts the store and swaps it in. A rebuild where few documents changed does not reload everything:
the previous store is copied (a RocksDB checkpoint: hard links, instant) and each changed graph patched
with the difference between the triples it held and those it holds now, the default graph losing only
the triples no other graph states. ``diplograph.json`` inside the store records which version (cache
key) of each graph it holds, so the next build knows what to change.
"""

from __future__ import annotations

import hashlib
import json
import os
import queue
import shutil
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path

import pyoxigraph as ox
import rdflib

from diplograph.graph.errors import OutputError
from diplograph.graph.iri import ID
from diplograph.graph.merge import VIEWS_GRAPH

STATE = "diplograph.json"
#: Folder in the store with the views graph's N-Quads, for the next update.
KEPT = "graphs"
#: Update the previous store in place of a full load when at most this share of its graphs changed.
UPDATE_SHARE = 0.2
#: Quads per call of Oxigraph's bulk loader when a build fills its store.
BATCH_QUADS = 25_000
#: Bytes of a graph's N-Quads given to the loader at a time (about 25,000 lines).
PIECE_BYTES = 4 << 20
#: Threads calling the bulk loader at once (it releases the GIL): four load faster than one, for less CPU.
LOAD_THREADS = 4
#: Subjects one document states (itself, its events, evidence and facts): their triples are not looked up
#: in the set of default-graph triples already given (they are rarely repeated; a repeat is merely loaded twice).
OWN_SUBJECTS = tuple(f"<{ID}{kind}/".encode() for kind in ("doc", "event", "evidence", "fact"))
_FAILURES = (OSError, SyntaxError, ValueError)


def to_nquads(dataset: rdflib.Dataset | Iterable[ox.Quad] | bytes) -> bytes:
    """N-Quads bytes of an rdflib dataset or of pyoxigraph quads (N-Quads bytes pass through)."""
    if isinstance(dataset, bytes):
        return dataset
    if isinstance(dataset, rdflib.Dataset):
        return dataset.serialize(format="nquads", encoding="utf-8")
    return ox.serialize(dataset, format=ox.RdfFormat.N_QUADS) or b""


def with_union(nquads: bytes) -> bytes:
    """The quads plus the set union of their triples as default-graph lines (N-Triples are N-Quads)."""
    union = {q.triple for q in ox.parse(nquads, format=ox.RdfFormat.N_QUADS) if q.graph_name != ox.DefaultGraph()}
    return nquads + (ox.serialize(union, format=ox.RdfFormat.N_TRIPLES) or b"")


def write_store(dataset: rdflib.Dataset | Iterable[ox.Quad] | bytes, path: str | Path) -> int:
    """Fill an Oxigraph store at ``path``, replacing any store there, and return its quad count.

    ``dataset`` may also be N-Quads bytes already rendered (a build's N-Quads), which saves serialising twice.
    Each named graph is kept, and the default graph receives the RDF merge of all of them (each triple once).
    """
    path = Path(path)
    tmp = _prepare(path)
    try:
        store = ox.Store(str(tmp))
        # lenient: the quads come from our own serializer; IRI re-validation costs a third of the load
        store.bulk_load(input=with_union(to_nquads(dataset)), format=ox.RdfFormat.N_QUADS, lenient=True)
        store.optimize()
        count = len(store)
        del store  # closes RocksDB before the directory moves
    except BaseException as exc:
        _fail(path, tmp, exc)
    _swap_in(path, tmp)
    return count


def read_state(path: str | Path) -> dict[str, str]:
    """``{graph IRI: version}`` of the graphs a store holds (empty when unknown)."""
    try:
        return dict(json.loads((Path(path) / STATE).read_text(encoding="utf-8"))["graphs"])
    except (OSError, ValueError, KeyError, TypeError):
        return {}


def _write_state(path: Path, graphs: dict[str, str]) -> None:
    (path / STATE).write_text(json.dumps({"graphs": dict(sorted(graphs.items()))}, indent=0) + "\n", encoding="utf-8")


def part_versions(parts) -> dict[str, str]:
    """``{graph IRI: version}`` of merge.Parts: the cache key, or a hash of the N-Quads."""
    return {p.graph: p.key or hashlib.sha256(p.read_nquads()).hexdigest() for p in parts}


def write_build_store(parts, path: str | Path) -> str:
    """The store of a build, made in one go: see :func:`begin`. Returns "updated" or "loaded"."""
    parts = list(parts)
    return begin(parts, path).finish(parts)


def begin(parts, path: str | Path) -> StoreBuild:
    """Start the store of a build with its documents' graphs (merge.Parts); ``finish`` adds the rest.

    The previous store at ``path`` is updated when at most :data:`UPDATE_SHARE` of the graphs changed
    (the work is then done by ``finish``); otherwise a full load starts at once in background threads.
    """
    return StoreBuild(list(parts), Path(path))


class StoreBuild:
    """A build's store in the making beside its target; :meth:`finish` swaps it in, :meth:`abort` drops it."""

    def __init__(self, parts: list, path: Path) -> None:
        self.path, self.parts = path, parts
        wanted = part_versions(parts)
        self.held = read_state(path) if (path / "CURRENT").is_file() else {}
        graphs = set(wanted) | set(self.held)
        documents = {g for g in graphs if wanted.get(g) != self.held.get(g) and g != VIEWS_GRAPH}
        self.updating = bool(self.held) and len(documents) <= UPDATE_SHARE * len(graphs)
        self.tmp = _prepare(path)
        self.seen: set[bytes] = set()
        try:
            self.loader = None if self.updating else Loader(self.tmp, _load_chunks(parts, self.seen), BATCH_QUADS)
        except BaseException as exc:
            _fail(path, self.tmp, exc)

    def finish(self, parts: list) -> str:
        """Add the graphs of ``parts`` not given yet (the views graph), swap the store in; return "updated" or "loaded".

        Raises:
            OutputError: The store cannot be written (disk full, a malformed graph); the old one stays.
        """
        given = {p.graph for p in self.parts}
        more = [p for p in parts if p.graph not in given]
        parts = self.parts + more
        try:
            wanted = part_versions(parts)
            if self.updating:
                _update(self.path, self.tmp, self.held, wanted, {p.graph: p for p in parts})
            else:
                self.loader.finish(_load_chunks(more, None))  # the views graph: no dedup set for it
                self.loader = None
            _keep(self.tmp, parts)
            _write_state(self.tmp, wanted)
        except BaseException as exc:
            self.abort()
            _fail(self.path, self.tmp, exc)
        _swap_in(self.path, self.tmp)
        return "updated" if self.updating else "loaded"

    def abort(self) -> None:
        """Stop loading and remove the unfinished store (the previous one stays where it was)."""
        if self.loader is not None:
            self.loader.abort()
            self.loader = None
        shutil.rmtree(self.tmp, ignore_errors=True)


class Loader:
    """A new store at ``tmp`` filled by Oxigraph's bulk loader in background threads, from ``chunks`` of N-Quads.

    A feeder thread joins the chunks into batches of about ``size`` quads; :data:`LOAD_THREADS` threads load them.
    """

    def __init__(self, tmp: Path, chunks: Iterator[bytes], size: int = BATCH_QUADS) -> None:
        self.store: ox.Store | None = ox.Store(str(tmp))
        self.size, self.stopped, self.errors = size, False, []
        self.queue: queue.Queue[bytes | None] = queue.Queue(maxsize=LOAD_THREADS)
        self.workers = [threading.Thread(target=self._load, daemon=True) for _ in range(LOAD_THREADS)]
        self.feeder = threading.Thread(target=self._feed, args=(chunks,), daemon=True)
        for thread in [*self.workers, self.feeder]:
            thread.start()

    def _feed(self, chunks: Iterator[bytes]) -> None:
        try:
            for batch in _batches(chunks, self.size):
                if self.stopped or self.errors:
                    return
                self.queue.put(batch)
        except BaseException as exc:  # noqa: BLE001 - raised again by finish
            self.errors.append(exc)

    def _load(self) -> None:
        while (batch := self.queue.get()) is not None:
            if self.stopped or self.errors:
                continue  # drain the queue so the feeder never blocks
            try:
                # lenient: the quads come from our own serializer; IRI re-validation costs a third of the load
                self.store.bulk_load(input=batch, format=ox.RdfFormat.N_QUADS, lenient=True)
            except BaseException as exc:  # noqa: BLE001 - raised again by finish
                self.errors.append(exc)

    def finish(self, chunks: Iterator[bytes]) -> None:
        """Load ``chunks`` too (in this thread's turn), wait for the loaders, compact and close the store."""
        self.feeder.join()
        self._feed(chunks)
        self._close()
        if self.errors:
            raise self.errors[0]
        self.store.optimize()
        self.store = None  # closes RocksDB before the directory moves

    def abort(self) -> None:
        """Stop after the batches being loaded and close the store."""
        self.stopped = True
        self.feeder.join()
        self._close()
        self.store = None

    def _close(self) -> None:
        for _ in self.workers:
            self.queue.put(None)
        for thread in self.workers:
            thread.join()


def _batches(chunks: Iterable[bytes], size: int = BATCH_QUADS) -> Iterator[bytes]:
    """Chunks of N-Quads/N-Triples joined into batches of about ``size`` lines."""
    batch, lines = [], 0
    for chunk in chunks:
        batch.append(chunk)
        lines += chunk.count(b"\n")
        if lines >= size:
            yield b"".join(batch)
            batch, lines = [], 0
    if batch:
        yield b"".join(batch)


def _load_chunks(parts, seen: set[bytes] | None) -> Iterator[bytes]:
    """Each graph's N-Quads, then its triples for the default graph (N-Triples lines are N-Quads too).

    With ``seen``, a triple about a shared subject (an entity every document describes) is given once.
    A large graph (the views) comes in pieces of whole lines, so no batch grows with it.
    """
    for part in parts:
        data = part.read_nquads()
        yield from _pieces(data)
        for piece in _pieces(data):
            triples = _as_triples(part.graph, piece)
            yield triples if seen is None else _unseen(triples, seen)


def _pieces(data: bytes, size: int = 0) -> Iterator[bytes]:
    """``data`` cut after a newline about every ``size`` bytes (:data:`PIECE_BYTES`)."""
    size, start = size or PIECE_BYTES, 0
    while start < len(data):
        end = data.find(b"\n", start + size)
        end = len(data) if end < 0 else end + 1
        yield data[start:end]
        start = end


def _as_triples(graph: str, nquads: bytes) -> bytes:
    """A graph's N-Quads with the graph name cut: N-Triples of the same triples."""
    return nquads.replace(f" <{graph}> .\n".encode(), b" .\n")


def _unseen(triples: bytes, seen: set[bytes]) -> bytes:
    """The N-Triples lines not in ``seen`` (lines about a document's own subjects always), adding them."""
    kept = []
    for line in triples.split(b"\n"):
        if not line.startswith(OWN_SUBJECTS):
            if line in seen or not line:
                continue
            seen.add(line)
        kept.append(line)
    return b"\n".join(kept) + b"\n" if kept else b""


def _update(path: Path, tmp: Path, held: dict[str, str], wanted: dict[str, str], by_graph: dict) -> None:
    """Copy the store at ``path`` to ``tmp`` and patch every graph whose version changed."""
    shutil.rmtree(tmp, ignore_errors=True)
    ox.Store.read_only(str(path)).backup(str(tmp))
    store = ox.Store(str(tmp))
    for graph in sorted(set(wanted) | set(held)):
        if wanted.get(graph) != held.get(graph):
            new = by_graph[graph].read_nquads() if graph in by_graph else None
            _patch(store, graph, new, _kept(path, graph))
    store.flush()
    del store


def _patch(store: ox.Store, graph: str, nquads: bytes | None, kept: bytes | None = None) -> None:
    """Make ``graph`` hold exactly ``nquads`` (None: remove it), and keep the default graph their merge.

    ``kept`` is what the graph held, when the store kept a copy of it (see :func:`_keep`).

    Only the difference is written: the triples it lost (also from the default graph when no other graph
    states them) and those it gained. Triples are compared as N-Triples lines (our graphs have no blank
    nodes); a triple written two ways is taken out and put back, which leaves the store right.
    """
    name = ox.NamedNode(graph)
    kept_copy = kept is not None
    if kept is None:  # the graph as the store holds it (a long read for millions of triples)
        triples = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=name) or b""
    else:
        triples = _as_triples(graph, kept)
    del kept
    old = set(triples.split(b"\n"))
    del triples
    old.discard(b"")
    came = []  # one set only (the old triples): a views graph may be millions of lines
    lines = _as_triples(graph, nquads).split(b"\n") if nquads else []
    for line in lines:
        if line in old:
            old.remove(line)
        elif line:
            came.append(line)
    gone = sorted(old)
    if gone and kept_copy:
        # the store holds values ("1.50" and "1.5" are one decimal): restate the subjects that lost a line
        touched = {line[:line.index(b" ")] for line in gone}
        came += [line for line in lines if line and line[:line.index(b" ")] in touched]
    del lines
    if gone:
        triples = [t for t in ox.parse(b"\n".join(gone), format=ox.RdfFormat.N_TRIPLES)]
        for t in triples:
            store.remove(ox.Quad(t.subject, t.predicate, t.object, name))
        for t in triples:
            if not any(q.graph_name != ox.DefaultGraph() for q in store.quads_for_pattern(t.subject, t.predicate, t.object)):
                store.remove(ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph()))
    if came:
        lines = b"\n".join(came) + b"\n"
        store.load(input=lines, format=ox.RdfFormat.N_TRIPLES, to_graph=name, lenient=True)
        store.load(input=lines, format=ox.RdfFormat.N_TRIPLES, to_graph=ox.DefaultGraph(), lenient=True)
    if nquads is None:
        store.remove_graph(name)


def _keep(path: Path, parts) -> None:
    """Keep in the store the N-Quads of the views graph: the next update compares with them instead of
    reading millions of triples back from RocksDB. A views file is hard-linked (the build replaces it by
    renaming a new file over it, so the link keeps this version), else written."""
    (path / KEPT).mkdir(exist_ok=True)
    for part in parts:
        if part.graph == VIEWS_GRAPH:
            kept = path / KEPT / _kept_name(part.graph)
            kept.unlink(missing_ok=True)
            try:
                if not isinstance(part.nquads, Path):
                    raise OSError("in memory")
                os.link(part.nquads, kept)
            except OSError:
                kept.write_bytes(part.read_nquads())


def _kept(path: Path, graph: str) -> bytes | None:
    try:
        return (path / KEPT / _kept_name(graph)).read_bytes()
    except OSError:
        return None


def _kept_name(graph: str) -> str:
    return hashlib.sha256(graph.encode("utf-8")).hexdigest()[:32] + ".nq"


def _prepare(path: Path) -> Path:
    """Clear what a killed build left beside ``path``; return where the new store is made."""
    tmp, old = path.with_name(path.name + ".tmp"), path.with_name(path.name + ".old")
    for stale in (tmp, old):
        shutil.rmtree(stale, ignore_errors=True)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"{path}: cannot build the SPARQL store: {exc}") from exc
    return tmp


def _fail(path: Path, tmp: Path, exc: BaseException):
    """Remove the unfinished store and raise: an OutputError for the failures of writing it."""
    shutil.rmtree(tmp, ignore_errors=True)
    if isinstance(exc, _FAILURES):
        raise OutputError(f"{path}: cannot build the SPARQL store: {exc}") from exc
    raise exc


def _swap_in(path: Path, tmp: Path) -> None:
    """Put the finished store at ``tmp`` in place of ``path`` (two renames)."""
    old = path.with_name(path.name + ".old")
    if path.exists():
        path.rename(old)
    tmp.rename(path)
    shutil.rmtree(old, ignore_errors=True)
