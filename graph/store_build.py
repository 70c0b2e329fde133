"""Writing the embedded SPARQL store ``OUT/store``: a full bulk load, or an update of the previous store.

The store holds one named graph per document, and in its default graph the merge of all of them and of
the views graph (each triple once: Oxigraph's on-the-fly union would repeat a triple once per graph
holding it, inflating counts). The views graph is in the default graph only, not also named: its
subjects are view nodes that no document describes (store_load.py checks it), so its triples are its own
there. A store is always built beside its target (``store.tmp``) and swapped in, so a reader never sees
a half-loaded store and a failed or killed build leaves the old one intact.

A build starts its store before its documents are extracted (:func:`start`, with the version each
document's graph will have) and gives each graph as soon as it is known (:meth:`StoreBuild.add`: the
cached ones at once, the others as they are extracted). A full load (store_load.py) holds them until
every document is given (:meth:`StoreBuild.documents_given`), loads their quads in one go, then compacts
them in the background beside the views' computation (their default-graph triples load meanwhile); :meth:`StoreBuild.give` loads the views graph while that
compaction runs, before the pages are drawn, and :meth:`StoreBuild.finish` waits for the last compaction
and swaps the store in. When few documents changed, nothing is loaded: ``finish`` copies the
previous store and patches each changed graph with its difference (store_patch.py).
``diplograph.json`` inside the store records its layout and which version (cache key) of each graph it
holds, so the next build knows what to change (a store of another layout is loaded anew); it is written
from sorted keys, whatever order the graphs came in.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterable
from pathlib import Path

import pyoxigraph as ox
import rdflib
from diplograph.graph.errors import OutputError
from diplograph.graph.merge import VIEWS_GRAPH
from diplograph.graph.store_load import VIEW_NODES, Loader, part_bytes
from diplograph.graph.store_patch import keep, kept_all, part_key, update, versions

STATE = "diplograph.json"
#: How the store is laid out; a store of another layout is never patched. 2: the views graph in the default
#: graph only (1, unwritten: also as the named graph ``dgid:graph/views``).
LAYOUT = 2
#: Update the previous store in place of a full load when at most this share of its graphs changed.
UPDATE_SHARE = 0.2
#: ... and when the views chunks that changed hold at most this many bytes of N-Quads: past it (an upgrade
#: that changes every chunk's key), patching line by line costs far more time and memory than loading anew.
UPDATE_VIEWS_BYTES = 256 << 20
_FAILURES = (OSError, SyntaxError, ValueError)



def to_nquads(dataset: rdflib.Dataset | Iterable[ox.Quad] | bytes) -> bytes:
    """N-Quads bytes of an rdflib dataset or of pyoxigraph quads (N-Quads bytes pass through)."""
    if isinstance(dataset, bytes):
        return dataset
    if isinstance(dataset, rdflib.Dataset):
        return dataset.serialize(format="nquads", encoding="utf-8")
    return ox.serialize(dataset, format=ox.RdfFormat.N_QUADS) or b""


def with_union(nquads: bytes) -> bytes:
    """The quads of the documents' graphs plus the set union of all graphs' triples (the views graph's
    included) as default-graph lines (N-Triples are N-Quads).

    Raises:
        ValueError: The views graph states a triple about another subject than a view node, or a document's
            graph about a view node.
    """
    quads = list(ox.parse(nquads, format=ox.RdfFormat.N_QUADS))  # default-graph quads (if any) stay there
    named = [q for q in quads if q.graph_name != ox.DefaultGraph() and q.graph_name.value != VIEWS_GRAPH]
    for q in quads:
        about_view = isinstance(q.subject, ox.NamedNode) and q.subject.value.startswith(VIEW_NODES)
        if q.graph_name != ox.DefaultGraph() and about_view != (q.graph_name.value == VIEWS_GRAPH):
            raise ValueError(f"{q.graph_name}: a view node's triple must be in <{VIEWS_GRAPH}>, and only those: {q}")
    union = {q.triple for q in quads}
    return (ox.serialize(named, format=ox.RdfFormat.N_QUADS) or b"") + \
        (ox.serialize(union, format=ox.RdfFormat.N_TRIPLES) or b"")


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
        state = json.loads((Path(path) / STATE).read_text(encoding="utf-8"))
        return dict(state["graphs"]) if state.get("layout") == LAYOUT else {}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}


def _write_state(path: Path, graphs: dict[str, str]) -> None:
    state = {"layout": LAYOUT, "graphs": dict(sorted(graphs.items()))}
    (path / STATE).write_text(json.dumps(state, indent=0) + "\n", encoding="utf-8")


def write_build_store(parts, path: str | Path) -> str:
    """The store of a build, made in one go: see :func:`begin`. Returns "updated" or "loaded"."""
    parts = list(parts)
    return begin(parts, path).finish(parts)


def begin(parts, path: str | Path) -> StoreBuild:
    """Start the store of a build with its documents' graphs (merge.Parts); ``finish`` adds the rest."""
    parts = list(parts)
    started = start(path, versions(parts))
    started.add(parts)
    return started


def start(path: str | Path, expected: dict[str, str]) -> StoreBuild:
    """Start the store of a build whose documents' graphs will have these versions (``{graph IRI: cache key}``).

    The previous store at ``path`` is updated when at most :data:`UPDATE_SHARE` of the graphs change
    (the work is then done by ``finish``); otherwise a full load starts at once in background threads,
    taking each graph given to :meth:`StoreBuild.add`.
    """
    return StoreBuild(Path(path), expected)


class StoreBuild:
    """A build's store in the making beside its target; :meth:`finish` swaps it in, :meth:`abort` drops it."""

    def __init__(self, path: Path, expected: dict[str, str]) -> None:
        self.path, self.parts, self.compacted = path, [], False
        self.held = read_state(path) if (path / "CURRENT").is_file() else {}
        graphs = set(expected) | set(self.held)
        documents = {g for g in graphs if expected.get(g) != self.held.get(g) and g != VIEWS_GRAPH}
        self.updating = bool(self.held) and len(documents) <= UPDATE_SHARE * len(graphs)
        self.tmp = _prepare(path)
        try:
            self.loader = None if self.updating else Loader(self.tmp)
        except BaseException as exc:
            _fail(path, self.tmp, exc)

    def add(self, parts: Iterable) -> None:
        """Documents' graphs (merge.Parts) as they become known, in any order: a full load takes them at once."""
        parts = list(parts)
        self.parts += parts
        if self.loader is not None:
            self.loader.add(parts)

    def documents_given(self) -> None:
        """Every document's graph is given: a full load loads them now (it held them back, store_load.py says why)
        and returns once their quads are in, as their compaction starts in the background, beside the views
        (their default-graph triples load beside it too)."""
        if self.loader is not None:
            self.loader.compact(wait=True)

    def give(self, parts: list) -> None:
        """Give the graphs of ``parts`` not given yet (the views graph): a full load loads and compacts them now,
        in the background (a build draws its pages meanwhile); :meth:`finish` then waits for them."""
        if self.loader is None:
            return
        more = self._more(parts)
        self.parts += more
        self.loader.add(more)
        self.loader.compact()
        self.compacted = True

    def _more(self, parts: list) -> list:
        given = {(p.graph, part_key(p)) for p in self.parts}
        return [p for p in parts if (p.graph, part_key(p)) not in given]

    def finish(self, parts: list) -> str:
        """Add the graphs of ``parts`` not given yet (the views graph), swap the store in; return "updated" or "loaded".

        Raises:
            OutputError: The store cannot be written (disk full, a malformed graph); the old one stays.
        """
        try:
            more = self._more(parts)
            parts = self.parts + more
            if self.updating and not _patchable(self.path, self.held, [p for p in parts if p.graph == VIEWS_GRAPH]):
                self.updating, self.loader = False, Loader(self.tmp)
                self.loader.add(self.parts)
            wanted = versions(parts)
            if self.updating:
                update(self.path, self.tmp, self.held, parts, wanted)
            else:
                # the views graph: its triples are not looked up in the seen set
                self.loader.finish(more, optimize=bool(more) or not self.compacted)
                self.loader = None
            keep(self.tmp, parts)
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


def _patchable(path: Path, held: dict[str, str], views: list) -> bool:
    """Whether the views' change is small enough to patch (:data:`UPDATE_VIEWS_BYTES`) and the store keeps a copy
    of each views chunk that went (the views graph is not named in the store, so it cannot be read back)."""
    gone = set(held.get(VIEWS_GRAPH, "").split()) - {part_key(p) for p in views}
    return _changed_bytes(held, views) <= UPDATE_VIEWS_BYTES and kept_all(path, VIEWS_GRAPH, gone)


def _changed_bytes(held: dict[str, str], parts: list) -> int:
    """Bytes of N-Quads in the parts whose key the store does not hold yet (of the views: the chunks that changed)."""
    keys = {key for version in held.values() for key in version.split()}
    return sum(part_bytes(p) for p in parts if part_key(p) not in keys)


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
