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

import glob
import gzip
import hashlib
import json
import os
import re
import stat
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from diplograph.graph import iri, merge, store_build
from diplograph.graph.cache import Cache, InputMemo, Versions, key_maker
from diplograph.graph.errors import InputError
from diplograph.graph.executor import Job, Outcome, init_worker, run_jobs
from diplograph.graph.gcpause import paused
from diplograph.graph.graphfiles import GraphFiles
from diplograph.graph.html_input import HTML_SUFFIXES
from diplograph.graph.limits import MAX_BYTES
from diplograph.graph.model import Extraction
from diplograph.graph.outputs import write_outputs
from diplograph.graph.progress import Progress
from diplograph.graph.store_build import StoreBuild
from diplograph.ontology.namespace import bind_prefixes
from rdflib import Dataset, URIRef

VIEWS_GRAPH = URIRef(iri.ID + "graph/views")
SUFFIXES = (".txt", ".md", ".text", *HTML_SUFFIXES)
CACHE_DIR = ".cache"
CHANGED = "changed while the build ran (build again)"  # an input's failure when it changed after it was planned


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


def expand_paths(paths: list[str | Path]) -> list[Path]:
    """Files named, files under folders named (.txt, .md, .html, .htm), and glob patterns; sorted, unique.

    Raises:
        InputError: A path that does not exist and matches nothing.
    """
    return [Path(p) for p in _expand(paths)]


def _expand(paths: list[str | Path]) -> list[str]:
    """:func:`expand_paths`' files as the strings of their Paths, ``str(Path(f))``, without making the Paths
    (a fifth of a second at 10,000 inputs): a folder's files are listed from the folder in Path's form."""
    found: set[str] = set()
    for p in map(str, paths):
        if os.path.isdir(p):
            folder = str(Path(p))
            found.update(f[2:] if folder == "." else f for f in _files_under(folder))  # Path drops "./"
        elif os.path.exists(p):
            found.add(str(Path(p)))
        elif glob.has_magic(p) and glob.glob(p, recursive=True):
            found.update(str(Path(f)) for f in glob.glob(p, recursive=True) if os.path.isfile(f))
        else:
            raise InputError(f"{p}: no such file or folder")
    return sorted(found)


def _files_under(folder: str) -> Iterator[str]:
    """Files with one of SUFFIXES under ``folder`` (as ``Path.rglob``: hidden ones too, symlinked folders not
    followed), from the folder listings alone: no stat per file."""
    try:
        with os.scandir(folder) as listing:
            entries = list(listing)
    except (PermissionError, FileNotFoundError, NotADirectoryError):
        return
    for entry in entries:
        try:
            folder_ = entry.is_dir() and not entry.is_symlink()
            wanted = not folder_ and 0 < (dot := entry.name.rfind(".")) < len(entry.name) - 1 and \
                entry.name[dot:].lower() in SUFFIXES and entry.is_file()
        except OSError:  # a symbolic link to itself, say: neither a folder nor a file (as for Path.rglob)
            continue
        if folder_:
            yield from _files_under(entry.path)
        elif wanted:
            yield entry.path


def _read_raw(path: str | Path, max_bytes: int = MAX_BYTES, info: os.stat_result | None = None) -> bytes:
    """The bytes of an input (``info``: its stat, when taken already); a regular file under the limit is read
    in one call of its size (reading it as ``read_bytes`` does, with a buffer of ``max_bytes``, costs a 20 MB
    allocation per file)."""
    try:
        info = os.stat(path) if info is None else info
        if stat.S_ISREG(info.st_mode) and info.st_size <= max_bytes:
            with Path(path).open("rb", buffering=0) as fh:
                raw = fh.read(info.st_size + 1)
            if len(raw) <= info.st_size:  # else it grew while read: the careful reader says what to do
                return raw
        # the careful reader, for what is not a plain regular file: the extractor is not imported on a rerun's path
        from diplograph.graph.extract.documents import read_bytes

        return read_bytes(Path(path), max_bytes)
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from exc


@dataclass(frozen=True)
class _Unread(Job):
    """A planned job whose bytes were not read, its hash taken from the input memo: ``raw`` is empty and
    ``size`` is the file's. Only a cached document's job stays so: run_planned reads one it must extract."""

    size: int = 0


def _hash_input(path: str, memo: InputMemo | None, max_bytes: int) -> tuple[str, str, bytes | None, int]:
    """An input's path, SHA-256, bytes (None when the memo gave the hash: not read) and size.

    Raises:
        InputError: It cannot be read, or is too large.
    """
    if memo is None:
        raw = _read_raw(path, max_bytes)
        return path, hashlib.sha256(raw).hexdigest(), raw, len(raw)
    try:
        info = os.stat(path)
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    regular = stat.S_ISREG(info.st_mode) and info.st_size <= max_bytes
    if regular and (sha := memo.sha256(path, info)) is not None:
        return path, sha, None, info.st_size
    raw = _read_raw(path, max_bytes, info)
    sha = hashlib.sha256(raw).hexdigest()
    if regular and len(raw) == info.st_size:
        memo.note(path, info, sha)
    return path, sha, raw, len(raw)


_PLAIN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*", re.ASCII)  # a stem that iri.slug gives back as it is


def _slug(stem: str) -> str:
    """``iri.slug(stem)``; a plain stem ("article-00966") is its own slug (a tenth of the time at 10,000)."""
    return stem if _PLAIN.fullmatch(stem) else iri.slug(stem)


def _stem(path: str) -> str:
    """``Path(path).stem`` of a path in Path's form."""
    name = path.rpartition("/")[2]
    dot = name.rfind(".")
    return name[:dot] if 0 < dot < len(name) - 1 else name


@paused()  # tens of thousands of small objects, no cycle: collections would walk them for nothing
def plan_jobs(paths, *, date=None, publication=None, versions: Versions, keep_extractions: bool = False,
              max_bytes: int = MAX_BYTES, memo: InputMemo | None = None) -> tuple[list[Job], list[tuple[str, str]]]:
    """One Job per readable input, with unique document ids and cache keys (files are read, not parsed).

    Two inputs with the same file stem get their content hash appended, so IRIs never collide. With an
    input ``memo`` (cache.InputMemo), an input it knows unchanged is not read: its job has no bytes.
    """
    found, failures = [], []
    for path in _expand(paths):
        try:
            found.append(_hash_input(path, memo, max_bytes))
        except InputError as exc:
            failures.append((path, str(exc)))
    slugs = [_slug(_stem(path)) for path, *_ in found]
    stems = Counter(slugs)
    key = key_maker({"date": date, "publication": publication}, versions)
    jobs = []
    for (path, sha, raw, size), doc_id in zip(found, slugs):
        doc_id = f"{doc_id}-{sha[:8]}" if stems[doc_id] > 1 else doc_id
        fields = (doc_id, path, raw or b"", key(sha, doc_id), date, publication, keep_extractions, sha)
        jobs.append(Job(*fields) if raw is not None else _Unread(*fields, size))
    return jobs, failures


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
        later = Later(parts, folder, None if keep else folded, tables) if tables is not None else None
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


@dataclass(frozen=True)
class Later:
    """What the HTML pages of a corpus are drawn from, made when first asked: the views tables (views/folded.py
    ``ViewTables``), the corpus' fold, and the views' networkx graph (calling it; BuildResult.views).

    A corpus' fold (hundreds of megabytes, more than the graph) is not held meanwhile when ``folder`` keeps
    it in bucket folds (``held`` None): it is read back from them (a few seconds at 10,000 documents); a
    build without HTML pages never makes it. A build without saved folds gives its fold to hold.
    """

    parts: list = field(repr=False)
    folder: str | Path | None
    held: object = field(repr=False)
    tables: object = field(repr=False)

    def fold(self) -> object:
        """The corpus' fold (views/stream.py ``Folder``)."""
        from diplograph.graph.views.stream import fold_parts

        return self.held if self.held is not None else fold_parts(merge.ordered(self.parts), self.folder)[0]

    def __call__(self) -> object:
        from diplograph.graph.views.stream import graph_of

        return graph_of(self.fold())


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
    todo, changed = _readied([j for j in jobs if j.doc_id not in graphs])
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


def _readied(jobs: list[Job]) -> tuple[list[Job], list[tuple[str, str]]]:
    """The jobs to extract, each with its bytes (read now for one planned without: _Unread), and a failure
    for each input that is no longer what was planned (changed since) or cannot be read now."""
    ready, failures = [], []
    for job in jobs:
        if not isinstance(job, _Unread):
            ready.append(job)
            continue
        try:
            raw = _read_raw(job.path, max(job.size, MAX_BYTES))  # grown past its size: changed, said below
        except InputError as exc:
            failures.append((job.path, str(exc)))
            continue
        if hashlib.sha256(raw).hexdigest() != job.sha256:
            failures.append((job.path, f"{job.path}: {CHANGED}"))
            continue
        ready.append(Job(job.doc_id, job.path, raw, job.key, job.date, job.publication, job.keep_extraction,
                         job.sha256))
    return ready, failures


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
               "bytes": j.size if isinstance(j, _Unread) else len(j.raw), "quads": quads[graphs[j.doc_id].graph]}
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
