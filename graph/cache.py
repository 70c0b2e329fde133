"""The per-document build cache: ``OUT/.cache/<key>.nq`` holds one document's named graph as sorted N-Quads,
``<key>.ttl`` the same graph as a Turtle block (graph/turtle.py), ``<key>.nqz`` its N-Quads as one gzip member, ``<key>.json`` its digest for the views and the counts.

The key is the SHA-256 of everything the graph depends on: the document's bytes and id, the build
options (``--date``, ``--publication``), the diplograph version, the extractor's rules (every
``graph/extract/*.jsonl``), the gazetteer version and the HTML reader. Change any of them and the
document is read again; leave them and its graph is reused as it was.

Files are written to a temporary file and renamed into place, the Turtle block first: an entry counts
only once its ``.nq`` exists, so a build killed at any point leaves a cache the next build can trust.
The folder also holds the index of each graph file (outputs.py, ``*.index``), which pruning leaves alone.
"""

from __future__ import annotations

import hashlib
import inspect
import os
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from importlib.metadata import version
from importlib.resources import files
from pathlib import Path

SUFFIX = ".nq"
TURTLE = ".ttl"
GZIP = ".nqz"  # the N-Quads as one gzip member: graph.nq.gz is these members one after another
DIGEST = ".json"  # what the views and the counts read of the graph (views/stream.py)
ENTRY = (SUFFIX, TURTLE, GZIP, DIGEST)  # one entry's files, in the order Cache.get returns them


@lru_cache(maxsize=1)
def rules_version() -> str:
    """Hash of the code and rules whose output a cache entry holds: the extractor (lexicon, titles, cues,
    profiles, its modules), the RDF stage, the Turtle block writer, the worker's serialisation, and the two
    functions that make a document's digest.

    The code counts too: an edited rule in Python must not be served from a stale cache.
    """
    from diplograph.graph.views import stream

    h = hashlib.sha256()
    folder = files("diplograph.graph.extract")
    entries = [e for e in folder.iterdir() if e.name.endswith((".jsonl", ".py"))]
    entries.extend(files("diplograph.graph").joinpath(name) for name in ("rdf.py", "turtle.py", "executor.py"))
    for entry in sorted(entries, key=lambda e: e.name):
        h.update(entry.name.encode() + b"\0" + entry.read_bytes() + b"\0")
    for made in (stream.digest_of_terms, stream._text_value):  # not the whole views module: it is no cache input
        h.update(inspect.getsource(made).encode("utf-8") + b"\0")
    return h.hexdigest()[:16]


@dataclass(frozen=True)
class Versions:
    """Everything besides the document that shapes its graph."""

    diplograph: str
    rules: str
    gazetteer: str
    html_reader: str

    @classmethod
    def current(cls, gazetteer) -> "Versions":
        from diplograph.graph.html_input import reader_version

        return cls(version("diplograph"), rules_version(), str(gazetteer.version), reader_version())


def document_key(sha256: str, doc_id: str, options: dict, versions: Versions) -> str:
    """The cache key of one document under the given options and versions.

    >>> v = Versions("0.1.0", "r", "g", "h")
    >>> document_key("ab", "doc", {}, v) == document_key("ab", "doc", {}, v) != document_key("ab", "doc2", {}, v)
    True
    """
    fixed = _fixed_part(tuple(f"{k}={options[k]}" for k in sorted(options)), versions)
    return hashlib.sha256(f"{sha256}\x1f{doc_id}\x1f{fixed}".encode()).hexdigest()


@lru_cache(maxsize=8)
def _fixed_part(options: tuple[str, ...], versions: Versions) -> str:
    """What every document's key shares in a build (options and versions), joined once."""
    return "\x1f".join(map(str, [*options, *vars(versions).values()]))


class Cache:
    """A folder of cached document graphs (``None`` folder: a cache that keeps nothing).

    The folder is listed once, on the first look-up, instead of four file checks per document (a corpus's
    cache holds tens of thousands of files); entries put since are added to that listing.
    """

    def __init__(self, folder: str | Path | None):
        self.folder = Path(folder) if folder is not None else None
        self._names: set[str] | None = None

    def _files(self, key: str) -> tuple[Path, Path, Path, Path]:
        # pathlib's own child constructor skips re-parsing the name: a third of the cost of ``/`` per file
        child = getattr(self.folder, "_make_child_relpath", self.folder.joinpath)
        return tuple(child(key + suffix) for suffix in ENTRY)  # type: ignore[return-value]

    def _listing(self) -> set[str]:
        if self._names is None:
            try:
                with os.scandir(self.folder) as entries:
                    self._names = {e.name for e in entries if e.name.endswith(ENTRY) and e.is_file()}
            except (FileNotFoundError, NotADirectoryError):
                self._names = set()
        return self._names

    def get(self, key: str) -> tuple[Path, Path, Path, Path] | None:
        """The files (N-Quads, Turtle block, gzip member, digest) of ``key``; None when missing or incomplete."""
        if self.folder is None:
            return None
        names = self._listing()
        return self._files(key) if all(key + suffix in names for suffix in ENTRY) else None

    def _write(self, target: Path, data: bytes) -> None:
        fd, tmp = tempfile.mkstemp(dir=self.folder, prefix=".", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    def put(self, key: str, nquads: bytes, turtle: bytes, gz: bytes, digest: bytes) -> tuple[Path, ...] | None:
        """Store an entry atomically (each file: temporary file, then rename; the .nq last); return its files."""
        if self.folder is None:
            return None
        self.folder.mkdir(parents=True, exist_ok=True)
        nq, ttl, member, summary = self._files(key)
        for target, data in ((ttl, turtle), (member, gz), (summary, digest), (nq, nquads)):
            self._write(target, data)
        if self._names is not None:
            self._names.update(key + suffix for suffix in ENTRY)
        return nq, ttl, member, summary

    def prune(self, keep: set[str]) -> int:
        """Delete entries not in ``keep`` (documents removed or changed) and stray temporary files."""
        if self.folder is None or not self.folder.is_dir():
            return 0
        dropped = 0
        with os.scandir(self.folder) as entries:
            for entry in entries:
                stem, dot, suffix = entry.name.rpartition(".")
                stale = suffix == "tmp" or (dot + suffix in ENTRY and stem not in keep)
                if stale and entry.is_file():
                    Path(entry.path).unlink(missing_ok=True)
                    dropped += 1
        self._names = None
        return dropped
