"""Writing the embedded SPARQL store ``OUT/store``: a full bulk load, or an update of the previous store.

The store holds one named graph per document plus ``dgid:graph/views``, and in its default graph the
merge of all of them (each triple once: Oxigraph's on-the-fly union would repeat a triple once per graph
holding it, inflating counts). A store is always built beside its target and swapped in, so a reader
never sees a half-loaded store and a failed or killed build leaves the old one intact.

A rebuild of a corpus where few documents changed does not reload everything: the previous store is
copied (a RocksDB checkpoint: hard links, instant), the removed and changed documents' graphs are taken
out of it (with the default-graph triples no other graph states), the new ones loaded, the views graph
patched with its difference, and the copy swapped in. ``diplograph.json`` inside the store records which
version (cache key) of each graph it holds, so the next build knows what to change.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from collections.abc import Iterable
from pathlib import Path

import pyoxigraph as ox
import rdflib

from diplograph.graph.errors import OutputError

STATE = "diplograph.json"
#: Update the previous store in place of a full load when at most this share of its graphs changed.
UPDATE_SHARE = 0.2
#: Quads per call of Oxigraph's bulk loader when a build fills its store.
BATCH_QUADS = 50_000


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

    Each named graph is kept, and the default graph receives the RDF merge of all of them (each
    triple once): Oxigraph's on-the-fly union repeats a triple once per graph holding it, which
    inflates counts and multiplies joins on labels repeated in every document graph.
    The store is built beside the target (``store.tmp``) and renamed into place, so a reader
    never sees a half-loaded store and a failed load leaves the old one intact.
    """
    def load(store: ox.Store) -> None:
        # lenient: the quads come from our own serializer; IRI re-validation costs a third of the load
        store.bulk_load(input=with_union(to_nquads(dataset)), format=ox.RdfFormat.N_QUADS, lenient=True)

    return _fill(path, load)


def _fill(path: str | Path, load, *, state: dict[str, str] | None = None, count: bool = True) -> int:
    """Build a store beside ``path`` with ``load(store)``, then swap it in; return its quad count."""
    counted = [0]

    def make(tmp: Path) -> None:
        store = ox.Store(str(tmp))
        load(store)
        store.optimize()
        counted[0] = len(store) if count else 0
        del store  # closes RocksDB before the directory moves
        if state is not None:
            _write_state(tmp, state)

    _swap(Path(path), make)
    return counted[0]


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
    """The store of a build: updated from the previous one when few graphs changed, else loaded in full.

    Returns "updated" or "loaded".
    """
    path = Path(path)
    wanted = part_versions(parts)
    held = read_state(path) if (path / "CURRENT").is_file() else {}
    changed = {g for g in set(wanted) | set(held) if wanted.get(g) != held.get(g)}
    documents = {g for g in changed if not g.endswith("/graph/views")}
    if held and len(documents) <= UPDATE_SHARE * max(len(wanted), 1):
        by_graph = {p.graph: p for p in parts}
        _swap(path, lambda tmp: _update(path, tmp, held, wanted, changed, by_graph))
        return "updated"
    _fill(path, lambda store: _load_parts(store, parts), state=wanted, count=False)
    return "loaded"


def _batches(chunks: Iterable[bytes], size: int = BATCH_QUADS) -> Iterable[bytes]:
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


def _as_triples(part) -> bytes:
    """A graph's N-Quads with the graph name cut: N-Triples of the same triples."""
    return part.read_nquads().replace(f" <{part.graph}> .\n".encode(), b" .\n")


def _load_parts(store: ox.Store, parts) -> None:
    """Every graph, then every graph's triples again into the default graph (their merge: a store is a set).

    Oxigraph's bulk loader is given batches of about :data:`BATCH_QUADS` quads: one call over a whole
    corpus buffers about 1.5 GB, small batches load as fast with a tenth of that.
    """
    for batch in _batches(part.read_nquads() for part in parts):
        store.bulk_load(input=batch, format=ox.RdfFormat.N_QUADS, lenient=True)
    for batch in _batches(_as_triples(part) for part in parts):
        store.bulk_load(input=batch, format=ox.RdfFormat.N_TRIPLES, to_graph=ox.DefaultGraph(), lenient=True)


def _drop(store: ox.Store, graph: str) -> None:
    """Remove a graph, and the default-graph triples no other graph states."""
    store.update(f"DELETE {{ ?s ?p ?o }} WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} "
                 f"FILTER NOT EXISTS {{ GRAPH ?h {{ ?s ?p ?o }} FILTER(?h != <{graph}>) }} }}")
    store.remove_graph(ox.NamedNode(graph))


def _add(store: ox.Store, part) -> None:
    store.load(input=part.read_nquads(), format=ox.RdfFormat.N_QUADS, lenient=True)
    store.load(input=_as_triples(part), format=ox.RdfFormat.N_TRIPLES, to_graph=ox.DefaultGraph(), lenient=True)


def _update(path: Path, tmp: Path, held: dict, wanted: dict, changed: set[str], parts: dict) -> None:
    ox.Store.read_only(str(path)).backup(str(tmp))
    store = ox.Store(str(tmp))
    for graph in sorted(changed):
        if graph in held:
            _drop(store, graph)
        if graph in wanted:
            _add(store, parts[graph])
    store.flush()
    del store
    _write_state(tmp, wanted)


def _swap(path: Path, make) -> None:
    """Make a new store at ``path``.tmp with ``make(tmp)``, then swap it in for ``path``."""
    tmp, old = path.with_name(path.name + ".tmp"), path.with_name(path.name + ".old")
    for stale in (tmp, old):
        shutil.rmtree(stale, ignore_errors=True)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        make(tmp)
    except (OSError, SyntaxError, ValueError) as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        raise OutputError(f"{path}: cannot build the SPARQL store: {exc}") from exc
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    if path.exists():
        path.rename(old)
    tmp.rename(path)
    shutil.rmtree(old, ignore_errors=True)
