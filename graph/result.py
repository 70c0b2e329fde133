"""What a build produced (:class:`BuildResult`), and what its corpus' HTML pages are drawn from (:class:`Later`)."""

from __future__ import annotations

import gzip
from dataclasses import dataclass, field
from pathlib import Path

from diplograph.graph import merge
from diplograph.graph.cache import Versions
from diplograph.graph.model import Extraction
from diplograph.ontology.namespace import bind_prefixes
from rdflib import Dataset


@dataclass
class BuildResult:
    """What a build produced: its named graphs, the extractions made in this run, and the inputs that failed.

    Attributes:
        parts: Every named graph of the build (one per document, plus the views graph), each as sorted
            N-Quads and a Turtle block, in memory or in the cache (merge.Part).
        views: The views' networkx graph (views.load_graph's form), or None; made on first use (assemble
            gives a callable making it: a build without HTML pages never makes it).
        documents: Ids of every document in the build (extracted now or taken from the cache), sorted.
        extracted: Ids of the documents extracted in this run (the rest came from the cache).
        inputs: One record per document read (path, id, sha256, bytes, quads), for the manifest.
    """

    parts: list[merge.Part] = field(default_factory=list, repr=False)
    extractions: list[Extraction] = field(default_factory=list)
    failures: list[tuple[str, str]] = field(default_factory=list)
    outputs: list[Path] = field(default_factory=list)
    documents: list[str] = field(default_factory=list)
    extracted: list[str] = field(default_factory=list)
    inputs: list[dict] = field(default_factory=list)
    versions: Versions | None = None
    options: dict = field(default_factory=dict)
    keys: set[str] = field(default_factory=set, repr=False)
    views: object = field(default=None, repr=False)
    pages: Later | None = field(default=None, repr=False)  # a corpus' views tables and fold, for its HTML pages
    counts: dict = field(default_factory=dict)
    quad_count: int = 0
    store: str | None = None  # "loaded" (in full) or "updated" (from the previous build's store)
    build_key: str = ""  # what the outputs were made from: inputs' cache keys, failures, outputs asked for
    up_to_date: bool = False  # True when the outputs were already those of this build and nothing was done
    source: Path | None = field(default=None, repr=False)  # the build folder, to read quads from when up to date
    _dataset: Dataset | None = field(default=None, repr=False)

    @property
    def lines(self) -> list[bytes]:
        """Every quad of the build as N-Quads lines, graph by graph (read on demand: large for a corpus)."""
        if not self.parts and self.source is not None:
            return [line for line in gzip.decompress((self.source / "graph.nq.gz").read_bytes()).split(b"\n") if line]
        return merge.lines_of(self.parts)

    @property
    def dataset(self) -> Dataset:
        """The build as an rdflib Dataset (a named graph per document, plus the views graph); made on first use."""
        if self._dataset is None:
            self._dataset = to_dataset(self.lines)
        return self._dataset

    @property
    def cached(self) -> list[str]:
        """Ids of the documents whose graph came from the cache."""
        return sorted(set(self.documents) - set(self.extracted))

    def summary(self) -> dict:
        """Counts a researcher checks first: documents, entities by type, facts, events."""
        found = self.counts or merge.counts(self.parts)
        entities = found["entities"]  # the core types' order, also when read back from a manifest (sorted keys)
        entities = {k: entities[k] for k in sorted(entities, key=lambda k: (_TYPE_ORDER.get(k, 4), k))}
        return {"documents": len(self.documents), "entities": entities, "facts": found["facts"],
                "events": found["events"], "failed": len(self.failures)}


_TYPE_ORDER = {"State": 0, "Official": 1, "Organization": 2, "Agreement": 3}


def _get_views(self: BuildResult) -> object:
    views = self.__dict__.get("_views")
    if callable(views):
        views = self.__dict__["_views"] = views()
    return views


def _set_views(self: BuildResult, views: object) -> None:
    self.__dict__["_views"] = views


# A property over the dataclass field: BuildResult(views=...) takes the graph or a callable making it.
BuildResult.views = property(_get_views, _set_views, doc="The views' networkx graph, or None (made on first use).")


def to_dataset(lines: list[bytes]) -> Dataset:
    """An rdflib Dataset (default graph: the union) of N-Quads lines."""
    ds = Dataset(default_union=True)
    bind_prefixes(ds)
    if lines:
        ds.parse(data=b"".join(line + b"\n" for line in lines), format="nquads")
    return ds


@dataclass(frozen=True)
class Later:
    """What the HTML pages of a corpus are drawn from, made when first asked: the views tables (views/folded.py
    ``ViewTables``), the corpus' fold, the views' saved state, and the views' networkx graph (calling it;
    BuildResult.views).

    A corpus' fold (hundreds of megabytes, more than the graph) is not held meanwhile when ``folder`` keeps
    it in bucket folds (``held`` None): it is read back from them (a few seconds at 10,000 documents); a
    build without HTML pages never makes it. A build without saved folds gives its fold to hold.
    """

    parts: list = field(repr=False)
    folder: str | Path | None
    held: object = field(repr=False)
    tables: object = field(repr=False)
    state: object = field(default=None, repr=False)  # the views' saved state (views/incremental.py Saved), or None

    @property
    def kept(self) -> bool:
        """Whether the fold is kept in bucket folds beside a views' state (exports/network_state.py keeps graph.html's
        relations there too)."""
        return self.held is None and self.folder is not None and self.state is not None

    def fold(self) -> object:
        """The corpus' fold (views/stream.py ``Folder``)."""
        from diplograph.graph.views.stream import fold_parts

        return self.held if self.held is not None else fold_parts(merge.ordered(self.parts), self.folder)[0]

    def __call__(self) -> object:
        from diplograph.graph.views.stream import graph_of

        return graph_of(self.fold())
