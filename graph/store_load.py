"""A full load of the build's SPARQL store: Oxigraph's bulk loader in background threads, fed graph by graph.

:class:`Loader` opens a new store and takes graphs (merge.Parts) as they come, in any order: a build gives
each document's graph as soon as it is extracted or found in the cache (:meth:`Loader.add`), and the loader
holds them until every one is given (:meth:`Loader.compact`), then loads their quads in one go (a trickle
costs twice the CPU, see :meth:`Loader._given`), and their default-graph triples and then the views graph
while those quads are compacted.
A document's graph goes in as its quads followed by the same lines as triples of the default graph
(N-Triples lines are N-Quads too), which therefore holds the merge of all graphs. The views graph goes into
the default graph only (a named copy would cost as many quads again, each in six indexes, and nobody asks
for it by name): its subjects are view nodes (dyads, triangles, their slices), which no document describes,
so its triples never meet a document's and an update knows whose each default-graph triple is (checked
while loading: :func:`views_triples`, :func:`documents_quads`). The store is a set, so the order the graphs
arrive in changes nothing in what it holds.

A feeder thread reads the graphs and joins their lines into batches of about :data:`BATCH_QUADS`
quads; :data:`LOAD_THREADS` threads hand the batches to Oxigraph's bulk loader, which releases the GIL.
Each call of the bulk loader writes its batch as new sorted files (one per index), which RocksDB merges
later. Measured at 1,000 documents (3.3 million quads): batches of 25,000 and of 100,000 quads cost the
same CPU (about 60,000 quads per CPU second, load and ``optimize()``), the larger twice the memory; one
call with everything costs more CPU and 2.2 GB. The bulk loader's own cost is the bulk of a corpus build.
Each batch lands as new files that queries would have to merge (a query library run on an uncompacted store
of 10,000 documents took 1.5 to 80 times as long), so the store is compacted at each marker on the queue of
graphs (:meth:`Loader.compact`), in a thread of its own: once every document is loaded (a build's views are
computed meanwhile, and then loaded while that compaction runs, which merges them too when they land before it
reaches the default graph's indexes), and after the views graph, which then has little or nothing left to do.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path

import pyoxigraph as ox

from diplograph.graph.iri import ID
from diplograph.graph.merge import VIEWS_GRAPH

#: Quads per call of Oxigraph's bulk loader.
BATCH_QUADS = 25_000
#: Bytes of a graph's N-Quads given to the loader at a time (about 25,000 lines).
PIECE_BYTES = 4 << 20
#: Threads calling the bulk loader at once (it releases the GIL). More threads load faster and for less CPU, as
#: RocksDB's background merges then take larger runs of files at a time: 10,000 documents' graphs loaded at once,
#: 2 threads 95 s and 175 CPU s, 4 threads 78 s and 149, 8 threads 67 s and 128 (526 MB).
LOAD_THREADS = 8
#: Subjects one document states (itself, its events, evidence and facts): their triples are not looked up
#: in the set of default-graph triples already given (they are rarely repeated; a repeat is merely loaded twice).
OWN_SUBJECTS = tuple(f"<{ID}{kind}/".encode() for kind in ("doc", "event", "evidence", "fact"))
#: Subjects of the views graph (dyads, triangles and their slices), and of no document's graph.
VIEW_NODES = tuple(f"{ID}{kind}/" for kind in ("dyad", "triangle"))
VIEW_SUBJECTS = tuple(f"<{node}".encode() for node in VIEW_NODES)

_END = None  # on the queue of graphs: no more graphs
_COMPACT = object()  # on the queue of graphs and in the batches: compact what was loaded so far


class Loader:
    """A new store at ``tmp`` filled in background threads with the graphs given to :meth:`add`.

    Triples about shared subjects (an entity every document describes) are given to the default graph
    once (the ``seen`` set); the graphs given to :meth:`finish` (the views) skip that set.
    """

    def __init__(self, tmp: Path) -> None:
        self.store: ox.Store | None = ox.Store(str(tmp))
        self.stopped, self.errors = False, []
        self.loaded = threading.Event()  # set when the graphs given before a compaction marker are loaded
        self.seen: set[bytes] = set()
        self.graphs: queue.Queue[tuple[object, bool] | None] = queue.Queue()  # parts are small: files or bytes
        self.queue: queue.Queue[bytes | None] = queue.Queue(maxsize=LOAD_THREADS)
        self.compactions: queue.Queue[bool | None] = queue.Queue()  # one item per compaction asked for
        self.workers = [threading.Thread(target=self._load, daemon=True) for _ in range(LOAD_THREADS)]
        self.feeder = threading.Thread(target=self._feed, daemon=True)
        self.compactor = threading.Thread(target=self._compact, daemon=True)
        for thread in [*self.workers, self.feeder, self.compactor]:
            thread.start()

    def add(self, parts: Iterable) -> None:
        """Load these graphs (merge.Parts) too; a document's shared triples go to the default graph once (the
        views graph's never pass the ``seen`` set: its millions of lines are its own, the set would only grow)."""
        for part in parts:
            self.graphs.put((part, part.graph != VIEWS_GRAPH))

    def compact(self, wait: bool = False) -> None:
        """Compact the store once the graphs given so far are loaded, in the background; with ``wait``, return
        once they are loaded, as the compaction starts (a build waits so when every document's graph is given:
        the views are then computed beside the compaction, not beside the load, which takes both cores)."""
        self.graphs.put((_COMPACT, False))
        if wait:
            while not self.loaded.wait(0.5):
                if self.errors or not self.feeder.is_alive():
                    return
            self.loaded.clear()

    def _given(self) -> Iterator[bytes | object]:
        """The graphs' chunks: those given before a compaction marker are held back until it comes (or the end),
        then loaded in one go: the documents' quads (and any other graph given) before the marker, their
        default-graph triples after it, beside the compaction, which merges them too when they land before it
        reaches the default graph's indexes (it did in every build of 10,000 documents measured).

        Each batch lands as new files that RocksDB merges in the background; fed a trickle (as a corpus'
        documents are extracted), it merges each few files into its ever larger lower levels, again and again.
        Measured on 10,000 documents' graphs (7.9M quads) given over 225 s: 315 CPU s as a trickle, 173 in
        two bursts, 149 at once (4 threads), and the extraction then has both cores.
        """
        pending: list[tuple[object, bool]] = []
        while (item := self.graphs.get()) is not _END:
            if item[0] is _COMPACT:
                documents = [part for part, merge_once in pending if merge_once]
                for part in documents:
                    yield from load_chunks([part], None, "quads")
                yield from self._chunks([(part, once) for part, once in pending if not once])
                yield _COMPACT
                for part in documents:  # their default-graph triples: loaded while the compaction runs
                    yield from load_chunks([part], self.seen, "triples")
                pending = []
            else:
                pending.append(item)
        yield from self._chunks(pending)

    def _chunks(self, pending: list[tuple[object, bool]]) -> Iterator[bytes]:
        for part, merge_once in pending:
            yield from load_chunks([part], self.seen if merge_once else None)

    def _feed(self) -> None:
        try:
            for batch in batches(self._given()):
                if self.stopped or self.errors:
                    break
                if batch is _COMPACT:
                    self.queue.join()  # every batch given before is loaded
                    self.loaded.set()
                    self.compactions.put(True)  # compacted in its own thread: the graphs given next load meanwhile
                    continue
                self.queue.put(batch)
        except BaseException as exc:  # noqa: BLE001 - raised again by finish
            self.errors.append(exc)
        finally:
            for _ in self.workers:
                self.queue.put(None)

    def _compact(self) -> None:
        """Compact the store once for each marker passed, one after the other.

        Files loaded while a compaction runs are merged by it when they land before it reaches their indexes
        (a build's views graph, loaded while its documents' graphs are compacted: measured on 10,000 documents,
        the compaction after it then has nothing left to do), else by the next one.
        """
        while self.compactions.get() is not None:
            try:
                if not (self.stopped or self.errors):
                    self.store.optimize()
            except BaseException as exc:  # noqa: BLE001 - raised again by finish
                self.errors.append(exc)

    def _load(self) -> None:
        while (batch := self.queue.get()) is not None:
            try:
                if not (self.stopped or self.errors):  # else drain the queue so the feeder never blocks
                    # lenient: the quads come from our own serializer; IRI re-validation costs a third of the load
                    self.store.bulk_load(input=batch, format=ox.RdfFormat.N_QUADS, lenient=True)
            except BaseException as exc:  # noqa: BLE001 - raised again by finish
                self.errors.append(exc)
            finally:
                self.queue.task_done()
        self.queue.task_done()

    def finish(self, parts: Iterable = (), optimize: bool = True) -> None:
        """Load ``parts`` too (the views graph, given at the end), wait for the loaders,
        compact the store (``optimize``: what :meth:`compact` compacted before is left as it is) and close it."""
        self.add(parts)
        self._join()
        if self.errors:
            raise self.errors[0]
        if optimize:
            self.store.optimize()
        self.store = None  # closes RocksDB before the directory moves

    def abort(self) -> None:
        """Stop after the batches being loaded and close the store."""
        self.stopped = True
        self._join()
        self.store = None

    def _join(self) -> None:
        self.graphs.put(_END)
        for thread in [self.feeder, *self.workers]:
            thread.join()
        self.compactions.put(None)
        self.compactor.join()


def batches(chunks: Iterable[bytes | object], size: int = 0) -> Iterator[bytes | object]:
    """Chunks of N-Quads/N-Triples joined into batches of about ``size`` lines (:data:`BATCH_QUADS`); a marker
    (anything not bytes) ends the batch being joined and is passed on after it."""
    size = size or BATCH_QUADS
    batch, lines = [], 0
    for chunk in chunks:
        if not isinstance(chunk, bytes):
            if batch:
                yield b"".join(batch)
                batch, lines = [], 0
            yield chunk
            continue
        batch.append(chunk)
        lines += chunk.count(b"\n")
        if lines >= size:
            yield b"".join(batch)
            batch, lines = [], 0
    if batch:
        yield b"".join(batch)


def load_chunks(parts: Iterable, seen: set[bytes] | None, what: str = "both") -> Iterator[bytes]:
    """Each graph's N-Quads, piece by piece, each piece followed by its triples for the default graph
    (N-Triples lines are N-Quads too); of the views graph, the triples only.

    With ``seen``, a triple about a shared subject (an entity every document describes) is given once.
    A graph in a file is read a piece at a time, so a large one (the views) is never in memory whole.

    ``what``: "quads" gives a document's quads only, "triples" its default-graph triples only.

    Raises:
        ValueError: The views graph states a triple about another subject than a view node, or a
            document's graph about a view node (an update could then not tell whose a triple is).
    """
    for part in parts:
        for piece in read_pieces(part):
            if part.graph == VIEWS_GRAPH:
                yield views_triples(piece)
                continue
            if what != "triples":
                yield documents_quads(part.graph, piece)
            if what != "quads":
                triples = as_triples(part.graph, piece)
                yield triples if seen is None else unseen(triples, seen)


def views_triples(piece: bytes) -> bytes:
    """The views graph's N-Quads as N-Triples for the default graph, each line checked to be about a view node."""
    triples = as_triples(VIEWS_GRAPH, piece)
    about_views = sum(triples.count(b"\n" + prefix) for prefix in VIEW_SUBJECTS) + triples.startswith(VIEW_SUBJECTS)
    if about_views != triples.count(b"\n"):
        line = next(line for line in triples.split(b"\n") if not line.startswith(VIEW_SUBJECTS))
        raise ValueError(f"<{VIEWS_GRAPH}> states a triple about another subject than a view node: {line[:160]!r}")
    return triples


def documents_quads(graph: str, piece: bytes) -> bytes:
    """A document's N-Quads, checked to state nothing about a view node (a dyad, a triangle)."""
    if piece.startswith(VIEW_SUBJECTS) or any(b"\n" + prefix in piece for prefix in VIEW_SUBJECTS):
        raise ValueError(f"<{graph}> states a triple about a view node (a dyad or triangle), which only the views "
                         "graph may describe")
    return piece


def part_bytes(part) -> int:
    """Bytes of a part's N-Quads (a file's size, without reading it)."""
    nquads = part.nquads
    return nquads.stat().st_size if isinstance(nquads, Path) else len(nquads or b"")


def read_pieces(part, size: int = 0) -> Iterator[bytes]:
    """A part's N-Quads in pieces of whole lines of about ``size`` bytes (:data:`PIECE_BYTES`)."""
    size = size or PIECE_BYTES
    if not isinstance(part.nquads, Path):
        yield from pieces(part.nquads, size)
        return
    with part.nquads.open("rb") as fh:
        while piece := fh.read(size):
            yield piece + fh.readline() if not piece.endswith(b"\n") else piece


def pieces(data: bytes, size: int = 0) -> Iterator[bytes]:
    """``data`` cut after a newline about every ``size`` bytes (:data:`PIECE_BYTES`)."""
    size, start = size or PIECE_BYTES, 0
    while start < len(data):
        end = data.find(b"\n", start + size)
        end = len(data) if end < 0 else end + 1
        yield data[start:end]
        start = end


def as_triples(graph: str, nquads: bytes) -> bytes:
    """A graph's N-Quads with the graph name cut: N-Triples of the same triples."""
    return nquads.replace(f" <{graph}> .\n".encode(), b" .\n")


def unseen(triples: bytes, seen: set[bytes]) -> bytes:
    """The N-Triples lines not in ``seen`` (lines about a document's own subjects always), adding them.

    A document's lines are sorted, so those about its own subjects come in a few runs (one per kind),
    passed on whole; only the lines between the runs are looked up one by one. (Unsorted lines come out
    right too: a run may then hold a shared line, which is merely loaded twice.)
    """
    kept, start = [], 0
    for first, end in _own_runs(triples):
        kept += _unseen_lines(triples[start:first], seen)
        kept.append(triples[first:end])
        start = end
    kept += _unseen_lines(triples[start:], seen)
    return b"".join(kept)


def _own_runs(text: bytes) -> list[tuple[int, int]]:
    """``(start, end)`` of the run of lines from the first to the last about each kind of own subject, merged."""
    runs = []
    for prefix in OWN_SUBJECTS:
        first = 0 if text.startswith(prefix) else text.find(b"\n" + prefix) + 1
        if first == 0 and not text.startswith(prefix):
            continue
        last = text.rfind(b"\n" + prefix) + 1 or first
        runs.append((first, text.find(b"\n", max(first, last)) + 1 or len(text)))
    merged: list[tuple[int, int]] = []
    for first, end in sorted(runs):
        if merged and first <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((first, end))
    return merged


def _unseen_lines(text: bytes, seen: set[bytes]) -> list[bytes]:
    """The lines of ``text`` (each with its newline) not in ``seen``, adding them."""
    kept = []
    for line in text.split(b"\n"):
        if line and line not in seen:
            seen.add(line)
            kept.append(line + b"\n")
    return kept
