"""Run the extraction of many documents: in this process, or in a pool of worker processes.

A :class:`Job` is one document's bytes and id; :func:`run_job` reads it, extracts it and returns its
named graph as sorted N-Quads, as a Turtle block, as a gzip member and as the digest the views and the
counts read (views/stream.py), in an :class:`Outcome`. Workers are started with the ``spawn`` method
(safe on every platform and with threads in the parent); each loads the gazetteer and builds the spaCy
pipeline once, in the pool initializer, then serves many jobs. Results come back in any order: the
caller keys them by document id, so the output never depends on the number of workers.
"""

from __future__ import annotations

import gzip
import multiprocessing
from collections.abc import Callable
from dataclasses import dataclass

from diplograph.graph import turtle
from diplograph.graph import rdf
from diplograph.graph.iri import document_iri
from diplograph.graph.views.stream import digest_of_terms
from diplograph.graph.errors import DiplographError
from diplograph.graph.gcpause import paused
from diplograph.graph.model import Document, Extraction

_STATE: dict = {}
GZIP_LEVEL = 3  # in the workers, in parallel; graph.nq.gz is then a concatenation


@dataclass(frozen=True)
class Job:
    """One document to read: its bytes, where they came from, and the id its IRIs are minted from."""

    doc_id: str
    path: str
    raw: bytes
    key: str
    date: str | None = None
    publication: str | None = None
    keep_extraction: bool = False
    sha256: str = ""  # of ``raw``, computed once when the job is planned


@dataclass(frozen=True)
class Outcome:
    """What became of a job: the graph as N-Quads, or the one-line reason it failed."""

    doc_id: str
    path: str
    key: str
    nquads: bytes | None = None
    turtle: bytes | None = None
    gz: bytes | None = None
    digest: bytes | None = None
    words: int = 0
    error: str | None = None
    extraction: Extraction | None = None


def init_worker() -> None:
    """Load the gazetteer and build the spaCy pipeline (once per process)."""
    if "gazetteer" in _STATE:
        return
    from diplograph.graph.extract import extract
    from diplograph.ontology import gazetteer

    _STATE["gazetteer"] = gazetteer.load()
    extract(Document(id="warm-up", text="The minister met the president."), _STATE["gazetteer"])


def to_document(job: Job) -> Document:
    """Decode the job's bytes as text or, for .html/.htm, as a web page."""
    from diplograph.graph.extract.documents import parse_document
    from diplograph.graph.html_input import is_html, parse_html_document

    parse = parse_html_document if is_html(job.path) else parse_document
    return parse(job.raw, doc_id=job.doc_id, path=job.path, date=job.date, publication=job.publication)


def gzip_member(data: bytes) -> bytes:
    """``data`` as one reproducible gzip member (no name, no time): members concatenate into one .gz file."""
    return gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0)


def serialize(ex: Extraction, gazetteer) -> tuple[bytes, bytes, bytes, bytes]:
    """One document's named graph as sorted N-Quads, its Turtle block, their gzip member and its digest.

    The triples are sorted once; the Turtle block and the digest read the sorted tuples, not the N-Quads.
    """
    with paused():  # thousands of tuples and strings, no cycle: a collection would free nothing (7% of this)
        triples = rdf.triples(ex, gazetteer)
        rows = triples.rows()
        nquads = triples.nquads(document_iri(ex.document.id), rows)
        return nquads, turtle.block_of(rows), gzip_member(nquads), digest_of_terms(rows, len(rows))


def run_job(job: Job) -> Outcome:
    """Read, extract and serialise one document; a bad input becomes an Outcome with an error."""
    from diplograph.graph.extract import extract

    init_worker()
    try:
        doc = to_document(job)
    except DiplographError as exc:
        return Outcome(job.doc_id, job.path, job.key, error=str(exc))
    try:
        ex = extract(doc, _STATE["gazetteer"])
        nquads, block, member, summary = serialize(ex, _STATE["gazetteer"])
    except Exception as exc:  # noqa: BLE001 - one document's bug must not end a corpus build
        return Outcome(job.doc_id, job.path, job.key, error=f"{job.path}: extraction failed ({type(exc).__name__}: {exc})")
    words = len(doc.text[doc.body_start:].split())
    return Outcome(job.doc_id, job.path, job.key, nquads, block, member, summary, words,
                   extraction=ex if job.keep_extraction else None)


def run_jobs(jobs: list[Job], workers: int, on_done: Callable[[Outcome], None]) -> None:
    """Run every job, calling ``on_done`` in this process as each finishes (in any order).

    Args:
        jobs: The documents to extract.
        workers: Processes to use; 1 runs everything here.
        on_done: Called with each Outcome (e.g. to write the cache entry and advance the progress bar).
    """
    workers = max(1, min(workers, len(jobs)))
    if workers == 1:
        for job in jobs:
            on_done(run_job(job))
        return
    context = multiprocessing.get_context("spawn")
    with context.Pool(workers, initializer=init_worker) as pool:
        for outcome in pool.imap_unordered(run_job, jobs, chunksize=_chunk(len(jobs), workers)):
            on_done(outcome)


def _chunk(count: int, workers: int) -> int:
    # Small chunks keep the progress bar moving and the workers balanced; big ones cut the pickling.
    return max(1, min(16, count // (workers * 8)))

