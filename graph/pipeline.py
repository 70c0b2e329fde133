"""The pipeline: compose the stages; read inputs, extract documents, merge their graphs, write the outputs.

``build_dataset`` is the pure half: paths -> documents -> extractions -> one named graph per document
(graph IRI = document IRI) and one named graph for the relationship views, as :class:`merge.Part`\\ s.
``build`` is the writing half: it writes ``OUT/graph.ttl``, ``OUT/graph.nq.gz``, the HTML pages, the
embedded SPARQL store and ``OUT/manifest.json``, each atomically, so a failed build never leaves earlier
output half-written.

Every document's named graph passes through one form, sorted N-Quads plus its Turtle block: freshly
extracted (here or in a worker process, see executor.py) or taken from the per-document cache in
``OUT/.cache`` (cache.py). The outputs are streamed from those (merge.py), never merged in memory, so a
clean build, an incremental rerun, a resumed build and a build with any number of workers write the same
bytes; the rdflib Dataset (``BuildResult.dataset``) is made only when something asks for it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from diplograph.graph import iri, merge, store_build
from diplograph.graph.cache import Cache, InputMemo, Versions
from diplograph.graph.errors import InputError
from diplograph.graph.executor import Job, Outcome, init_worker, run_jobs
from diplograph.graph.gcpause import paused
from diplograph.graph.graphfiles import GraphFiles
from diplograph.graph.inputs import (  # noqa: F401 - its API
    CHANGED,
    SUFFIXES,
    Unread,
    expand_paths,
    plan_jobs,
    readied,
)
from diplograph.graph.limits import MAX_BYTES
from diplograph.graph.outputs import write_outputs
from diplograph.graph.progress import Progress
from diplograph.graph.result import BuildResult, Later, to_dataset  # noqa: F401 - the pipeline's API
from diplograph.graph.store_build import StoreBuild
from rdflib import URIRef

VIEWS_GRAPH = URIRef(iri.ID + "graph/views")
CACHE_DIR = ".cache"


def assemble(parts: list[merge.Part], views: bool = True,
             folder: str | Path | None = None) -> tuple[list[merge.Part], object, dict, dict[str, int]]:
    """The documents' parts plus the views graph computed over them; a :class:`Later` making the views' networkx
    graph and the corpus' fold (None without views: BuildResult.views calls it on first use, the HTML pages
    read its tables and fold); the counts; the quads of each graph.

    Every document is read once, as its digest (views/stream.py), for the views, the counts and its quads.
    The views graph of a corpus is as large as its documents' graphs: it comes as chunks (views/chunks.py),
    one Part each (graph ``VIEWS_GRAPH``, key: the chunk's key, the same bytes for the same key), in order.
    They are kept in ``folder``, by default a ``views`` folder beside the documents' cached digests when they
    come from a cache (in memory when there is none), and a rerun writes only the chunks that changed. The
    fold of the digests is kept there too, in buckets of documents (views/stream.py ``fold_parts``): a
    rerun after one change folds one bucket again. So is what the views tables were made from
    (views/incremental.py): a rerun computes again only the pairs of states the change touches.
    """
    from diplograph.graph.views import delta, incremental
    from diplograph.graph.views.chunks import write_chunks
    from diplograph.graph.views.stream import fold_parts

    folder = folder if folder is not None or not parts or not isinstance(parts[0].digest, Path) \
        else parts[0].digest.parent / "views"
    keep = bool(folder is not None and views and parts and all(part.key for part in parts))  # beside the folds
    with paused():  # the saved state and the tables are millions of objects without cycles: no collection
        saved = incremental.load_saved(folder) if keep else None  # what the previous build's tables were made of
        done = delta.rerun(merge.ordered(parts), Path(folder), saved) if saved is not None else None
        if done is not None:  # only the pairs of states the change touches
            folded, quads, counts = None, done.quads, done.counts
            tables, fingerprints, state = done.tables, done.fingerprints, done.saved
        else:
            tracker = incremental.Tracker() if keep else None
            folded, quads = fold_parts(merge.ordered(parts), folder, tracker)
            counts = folded.counts()
            tables, fingerprints, state = incremental.tables(folded, tracker) if views and parts else (None,) * 3
        later = Later(parts, folder, None if keep else folded, tables, state) if tables is not None else None
        del folded  # a corpus' fold is hundreds of megabytes: gone before the views are written
        if tables is not None:
            chunks = write_chunks(tables, merge.VIEWS_GRAPH, folder, fingerprints=fingerprints)
            parts = parts + [merge.Part(merge.VIEWS_GRAPH, c.nquads, c.turtle, c.gz, key=c.key) for c in chunks]
            if chunks:
                quads[merge.VIEWS_GRAPH] = sum(c.lines for c in chunks)
        if keep and state is not None:
            incremental.save(folder, state, fingerprints)
        elif folder is not None:
            incremental.discard(folder)
    return parts, later, counts, quads


def build_dataset(paths, *, date: str | None = None, publication: str | None = None, views: bool = True,
                  workers: int = 1, cache_dir: str | Path | None = None, progress: bool | None = False,
                  keep_extractions: bool = True, executor: str = "local",
                  scheduler: str | None = None, max_bytes: int = MAX_BYTES) -> BuildResult:
    """Read and extract every document into one Dataset.

    Args:
        paths: Files, folders and glob patterns.
        workers: Processes extracting documents (1: this process).
        cache_dir: Folder of the per-document cache (None: no cache).
        progress: Progress on stderr: None when stderr is a terminal, True or False to force.
        keep_extractions: Keep the Extraction of each document extracted in this run in ``.extractions``.
        executor: "local" (this machine's processes) or "dask" (a Dask cluster, see dask_executor.py).
        scheduler: Dask scheduler address ``tcp://HOST:PORT``; None starts a local cluster of ``workers``.
        max_bytes: Inputs larger than this are skipped with a message.

    Example:
        >>> result = build_dataset(["examples/monitor-8-7.txt"])
        >>> result.summary()["documents"]
        1
    """
    versions = current_versions()
    jobs, failures = plan_jobs(paths, date=date, publication=publication, versions=versions,
                               keep_extractions=keep_extractions, max_bytes=max_bytes)
    return run_planned(jobs, failures, versions, views=views, workers=workers, cache_dir=cache_dir,
                       progress=progress, executor=executor, scheduler=scheduler,
                       options={"date": date, "publication": publication})


def current_versions() -> Versions:
    """The versions keying the cache; the gazetteer's from its files' bytes, not parsed (whoever extracts
    loads and validates it)."""
    from diplograph.ontology import gazetteer as gazetteer_mod

    return Versions.of(gazetteer_mod.version_of())


def run_planned(jobs: list[Job], failures: list[tuple[str, str]], versions: Versions, *, views: bool = True,
                workers: int = 1, cache_dir: str | Path | Cache | None = None, progress: bool | None = False,
                executor: str = "local", scheduler: str | None = None, options: dict | None = None,
                on_documents: Callable[[list[merge.Part]], object] | None = None,
                documents_known: Callable[[list[merge.Part]], object] | None = None) -> BuildResult:
    """Extract the planned jobs not in the cache and assemble the build (see :func:`build_dataset`).

    ``on_documents`` is called with the documents' parts as they become known: the cached ones at once,
    then each extracted one when it is done, in the order they finish (a build loads its SPARQL store
    from them meanwhile). ``cache_dir`` may be a Cache (its listing is then kept for its pruning, by the
    caller). ``documents_known`` is called with all of them, in graph order, before the views
    are computed (a build starts writing its graph files then).
    """
    cache = cache_dir if isinstance(cache_dir, Cache) else Cache(cache_dir)
    graphs = cached_parts(jobs, cache)
    todo, changed = readied([j for j in jobs if j.doc_id not in graphs])
    failures = failures + changed
    if len(todo) > 1 and (workers > 1 or executor == "dask"):  # else this process extracts, loading it first
        from diplograph.ontology import gazetteer

        gazetteer.load()  # a bad gazetteer fails here, once, not in each worker (a pool would start them again)
    bar = Progress(len(jobs), enabled=progress)
    bar.advance(len(graphs))
    done: list[Outcome] = []
    if on_documents is not None and graphs:
        on_documents([graphs[d] for d in sorted(graphs)])

    def finished(outcome: Outcome) -> None:
        if outcome.nquads is not None:
            files = cache.put(outcome.key, outcome.nquads, outcome.turtle, outcome.gz, outcome.digest)
            if files is not None:  # keep the cache's files, not the bytes: a corpus does not fit in memory
                outcome = replace(outcome, nquads=files[0], turtle=files[1], gz=files[2], digest=files[3])
            if on_documents is not None:
                on_documents([_part(outcome)])
        done.append(outcome)
        bar.advance(1, outcome.words)

    if executor == "dask":
        from diplograph.graph.dask_executor import run_jobs_dask

        run_jobs_dask(todo, finished, scheduler=scheduler, workers=workers)
    else:
        if todo and workers <= 1:
            init_worker()
        run_jobs(todo, workers, finished)
    return _result(jobs, graphs, done, failures, bar, versions, views, options or {}, documents_known)


@paused()  # tens of thousands of Paths and Parts, no cycle
def cached_parts(jobs: list[Job], cache: Cache) -> dict[str, merge.Part]:
    """The parts of the planned documents the cache holds, by document id."""
    get, part, document_iri = cache.get, merge.Part, iri.document_iri
    return {j.doc_id: part(document_iri(j.doc_id), *files, key=j.key)
            for j in jobs if (files := get(j.key)) is not None}


def _part(outcome: Outcome) -> merge.Part:
    """The named graph of an extracted document."""
    return merge.Part(iri.document_iri(outcome.doc_id), outcome.nquads, outcome.turtle, outcome.gz, outcome.digest,
                      outcome.key)


def _result(jobs, graphs, done, failures, bar, versions, views, options, documents_known=None) -> BuildResult:
    done = sorted(done, key=lambda o: o.doc_id)
    failures = failures + [(o.path, o.error) for o in done if o.error]
    extracted = [o.doc_id for o in done if o.nquads is not None]
    cached = len(graphs)
    graphs.update({o.doc_id: _part(o) for o in done if o.nquads is not None})
    documents = [graphs[d] for d in sorted(graphs)]
    if documents_known is not None:
        documents_known(documents)
    parts, G, counts, quads = assemble(documents, views)
    inputs = [{"path": j.path, "id": j.doc_id, "sha256": j.sha256 or hashlib.sha256(j.raw).hexdigest(),
               "bytes": j.size if isinstance(j, Unread) else len(j.raw), "quads": quads[graphs[j.doc_id].graph]}
              for j in jobs if j.doc_id in graphs]
    result = BuildResult(parts, [o.extraction for o in done if o.extraction], sorted(failures),
                         documents=sorted(graphs), extracted=extracted, inputs=inputs, versions=versions,
                         options=options, keys={j.key for j in jobs if j.doc_id in graphs}, views=G, pages=G,
                         counts=counts, quad_count=sum(quads.values()))
    bar.finish(extracted=len(extracted), cached=cached, failed=len(failures))
    return result


def build(paths, out_dir: str | Path, *, date: str | None = None, publication: str | None = None,
          html: bool = True, store: bool = True, workers: int = 1, cache: bool = True,
          progress: bool | None = False, timestamp: bool = False, keep_extractions: bool = True,
          executor: str = "local", scheduler: str | None = None, max_bytes: int = MAX_BYTES) -> BuildResult:
    """Build the knowledge graph of ``paths`` into ``out_dir`` (reusing ``OUT/.cache`` unless ``cache=False``).

    Example:
        >>> result = build(["examples/monitor-8-7.txt"], "out")
        >>> sorted(p.name for p in result.outputs)
        ['dyads.html', 'graph.html', 'graph.nq.gz', 'graph.ttl', 'manifest.json', 'store', 'triangles.html']
    """
    from diplograph.graph.outlock import locked

    out = Path(out_dir)
    with locked(out):  # one build at a time in ``out``; what a killed build staged is removed first
        return _build_locked(paths, out, date=date, publication=publication, html=html, store=store,
                             workers=workers, cache=cache, progress=progress, timestamp=timestamp,
                             keep_extractions=keep_extractions, executor=executor, scheduler=scheduler,
                             max_bytes=max_bytes)


def _build_locked(paths, out: Path, *, date, publication, html, store, workers, cache, progress, timestamp,
                  keep_extractions, executor, scheduler, max_bytes) -> BuildResult:
    """:func:`build` with ``out``'s lock held."""
    from diplograph.graph.manifest import manifest

    cache_dir = out / CACHE_DIR if cache else None
    versions = current_versions()
    memo = InputMemo.load(cache_dir) if cache else None  # the inputs' hashes, by identity, from the last build
    jobs, failures = plan_jobs(paths, date=date, publication=publication, versions=versions,
                               keep_extractions=keep_extractions, max_bytes=max_bytes, memo=memo)
    key = build_key(jobs, failures, html=html, store=store)
    if cache and (previous := up_to_date(out, key, jobs, versions, html=html, store=store)) is not None:
        bar = Progress(len(jobs), enabled=progress)
        bar.advance(len(previous.documents))
        bar.finish(extracted=0, cached=len(previous.documents), failed=len(previous.failures))
        memo.save()
        return previous
    kept = Cache(cache_dir)  # listed once, for the look-ups and the pruning
    started: list[StoreBuild] = []  # the store, loading in the background as the documents come
    graphs: list[GraphFiles] = []  # graph.ttl and graph.nq.gz, written in the background once the documents are known
    try:
        if store and jobs:
            started.append(store_build.start(out / "store", {iri.document_iri(j.doc_id): j.key for j in jobs}))
        result = run_planned(jobs, failures, versions, workers=workers, cache_dir=kept, progress=progress,
                             executor=executor, scheduler=scheduler, options={"date": date, "publication": publication},
                             on_documents=started[0].add if started else None,
                             documents_known=lambda parts: _documents_known(parts, out, started, graphs))
        # an input that changed while the build ran is not built: such outputs are never up to date
        result.build_key = "" if any(m.endswith(CHANGED) for _, m in result.failures) else key
        if not result.documents:
            reasons = "; ".join(msg for _, msg in result.failures) or "no input documents"
            raise InputError(f"nothing to build: {reasons}")
        write_outputs(result, out, html=html, store=store, started=started[0] if started else None,
                      graphs=graphs[0] if graphs else None, extra={"manifest.json": manifest(result, timestamp=timestamp)})
    except BaseException:
        for pending in [*started, *graphs]:
            pending.abort()  # the previous store and graph files stay as they were
        raise
    kept.prune(result.keys)  # from the listing the look-ups made
    if memo is not None:
        memo.save()
    return result


def _documents_known(parts: list[merge.Part], out: Path, started: list[StoreBuild], graphs: list[GraphFiles]) -> None:
    """Every document's graph is known: start writing the graph files, and compacting the store's documents."""
    graphs.append(GraphFiles(out).begin(parts))
    for store in started:
        store.documents_given()


def build_key(jobs: list[Job], failures: list[tuple[str, str]], *, html: bool, store: bool) -> str:
    """The hash of what a build's outputs are made from: each input's cache key, the failures, the outputs."""
    data = {"keys": sorted(j.key for j in jobs), "failures": sorted(failures), "html": html, "store": store}
    return hashlib.sha256(json.dumps(data, sort_keys=True).encode("utf-8")).hexdigest()


def up_to_date(out: Path, key: str, jobs: list[Job], versions: Versions, *, html: bool,
               store: bool) -> BuildResult | None:
    """The previous build's result when ``out`` already holds the outputs of this very build, else None.

    A rerun with nothing changed then reads and hashes the inputs and stops: no merge, no writing.
    """
    try:
        data = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    wanted = ["graph.ttl", "graph.nq.gz", *(["store/CURRENT"] if store else []),
              *(["graph.html", "dyads.html", "triangles.html"] if html else [])]
    if not isinstance(data, dict) or data.get("build") != key or not all((out / w).is_file() for w in wanted):
        return None
    counts = data.get("counts", {})
    outputs = [out / w.split("/")[0] for w in wanted] + [out / "manifest.json"]
    return BuildResult(failures=[(f["path"], f["error"]) for f in data.get("failures", [])], outputs=outputs,
                       documents=sorted(i["id"] for i in data.get("inputs", [])), inputs=data.get("inputs", []),
                       versions=versions, options=data.get("options", {}), keys={j.key for j in jobs},
                       counts={k: counts.get(k) for k in ("entities", "facts", "events")},
                       quad_count=counts.get("quads", 0), build_key=key, up_to_date=True, source=out)
