"""The pipeline: compose the stages; read inputs, build one Dataset, write the outputs.

``build_dataset`` is the pure half: paths -> documents -> extractions -> one rdflib Dataset with a named
graph per document (graph IRI = document IRI) and one named graph for the relationship views.
``build`` is the writing half: it writes ``OUT/graph.ttl``, ``OUT/graph.nq``, the HTML pages and the
embedded SPARQL store, each atomically, so a failed build never leaves earlier output half-written.
"""

from __future__ import annotations

import glob
import os
import shutil
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import RDF, Dataset, URIRef

from diplograph.graph import iri
from diplograph.graph.errors import DiplographError, InputError, OutputError
from diplograph.graph.extract import extract
from diplograph.graph.extract.documents import read_document
from diplograph.graph.model import Document, Extraction
from diplograph.graph.rdf import to_rdf
from diplograph.ontology import gazetteer as gazetteer_mod
from diplograph.ontology.namespace import DG, bind_prefixes

VIEWS_GRAPH = URIRef(iri.ID + "graph/views")
SUFFIXES = (".txt", ".md", ".text")


@dataclass
class BuildResult:
    """What a build produced: the dataset, the extractions, and the inputs that failed."""

    dataset: Dataset
    extractions: list[Extraction] = field(default_factory=list)
    failures: list[tuple[str, str]] = field(default_factory=list)
    outputs: list[Path] = field(default_factory=list)

    def summary(self) -> dict:
        """Counts a researcher checks first: documents, entities by type, facts, events."""
        ds = self.dataset
        types = Counter()
        for kind in ("State", "Official", "Organization", "Agreement"):
            types[kind] = len(set(ds.subjects(RDF.type, DG[kind])))
        facts = sum(1 for p in ("officialOf", "roleTitle", "memberOf", "partyTo", "signed", "met", "withdrawsFrom",
                                "joins", "criticizes", "supports", "cites")
                    for _ in ds.triples((None, DG[p], None)))
        return {"documents": len(self.extractions), "entities": dict(types), "facts": facts,
                "events": len(set(ds.subjects(RDF.type, DG.Event))), "failed": len(self.failures)}


def expand_paths(paths: list[str | Path]) -> list[Path]:
    """Files named, files under folders named (.txt, .md), and glob patterns; sorted, unique.

    Raises:
        InputError: A path that does not exist and matches nothing.
    """
    found: set[Path] = set()
    for p in map(str, paths):
        if os.path.isdir(p):
            found.update(f for f in Path(p).rglob("*") if f.suffix.lower() in SUFFIXES and f.is_file())
        elif os.path.exists(p):
            found.add(Path(p))
        elif glob.has_magic(p) and glob.glob(p, recursive=True):
            found.update(Path(f) for f in glob.glob(p, recursive=True) if os.path.isfile(f))
        else:
            raise InputError(f"{p}: no such file or folder")
    return sorted(found, key=lambda f: str(f))


def _unique_ids(documents: list[Document]) -> list[Document]:
    """Two inputs with the same file stem get their content hash appended, so IRIs never collide."""
    from dataclasses import replace

    counts = Counter(d.id for d in documents)
    return [replace(d, id=f"{d.id}-{d.sha256[:8]}") if counts[d.id] > 1 else d for d in documents]


def read_documents(paths, *, date=None, publication=None) -> tuple[list[Document], list[tuple[str, str]]]:
    docs, failures = [], []
    for path in expand_paths(paths):
        try:
            docs.append(read_document(path, date=date, publication=publication))
        except (InputError, OSError, UnicodeError) as exc:
            failures.append((str(path), str(exc)))
    return _unique_ids(docs), failures


def build_dataset(paths, *, date: str | None = None, publication: str | None = None,
                  views: bool = True) -> BuildResult:
    """Read and extract every document into one Dataset.

    Example:
        >>> result = build_dataset(["examples/monitor-8-7.txt"])
        >>> result.summary()["documents"]
        1
    """
    gaz = gazetteer_mod.load()
    documents, failures = read_documents(paths, date=date, publication=publication)
    ds = Dataset(default_union=True)
    bind_prefixes(ds)
    extractions = []
    for doc in documents:
        ex = extract(doc, gaz)
        extractions.append(ex)
        named = ds.graph(URIRef(iri.document_iri(doc.id)))
        for triple in to_rdf(ex, gaz):
            named.add(triple)
    if views and extractions:
        add_views(ds)
    return BuildResult(ds, extractions, failures)


def add_views(ds: Dataset) -> None:
    """Compute the relationship views over the documents' union and store them in their own graph."""
    from diplograph.graph.views import load_graph, views_to_rdf

    named = ds.graph(VIEWS_GRAPH)
    for triple in views_to_rdf(load_graph(ds)):
        named.add(triple)


def _write_atomic(target: Path, data: bytes | str) -> None:
    payload = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_outputs(result: BuildResult, out_dir: str | Path, *, html: bool = True, store: bool = True) -> list[Path]:
    """Write graph.ttl, graph.nq, the HTML pages and the store into ``out_dir``.

    Every file is rendered in memory first and then swapped in, so nothing already built is lost on failure.
    """
    from diplograph.exports.registry import render

    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"{out}: cannot create output folder ({exc.strerror})") from exc
    if not os.access(out, os.W_OK):
        raise OutputError(f"{out}: output folder is not writable")
    files = {"graph.ttl": render("ttl", result.dataset), "graph.nq": render("nq", result.dataset)}
    if html:
        from diplograph.exports import html as html_pages

        files["graph.html"] = html_pages.render_graph_page(result.dataset, title="diplograph: knowledge graph")
    written = []
    for name, data in files.items():
        _write_atomic(out / name, data)
        written.append(out / name)
    if store:
        from diplograph.graph.store import write_store

        write_store(result.dataset, out / "store")
        written.append(out / "store")
    result.outputs = written
    return written


def build(paths, out_dir: str | Path, *, date: str | None = None, publication: str | None = None,
          html: bool = True, store: bool = True) -> BuildResult:
    """Build the knowledge graph of ``paths`` into ``out_dir``.

    Example:
        >>> result = build(["examples/monitor-8-7.txt"], "out")
        >>> sorted(p.name for p in result.outputs)[:2]
        ['graph.html', 'graph.nq']
    """
    result = build_dataset(paths, date=date, publication=publication)
    if not result.extractions:
        reasons = "; ".join(msg for _, msg in result.failures) or "no input documents"
        raise InputError(f"nothing to build: {reasons}")
    write_outputs(result, out_dir, html=html, store=store)
    return result
