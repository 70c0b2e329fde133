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
import marshal
import os
import tempfile
import time
from collections.abc import Callable
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
LISTED = (*ENTRY, ".tmp")  # the files a Cache lists: its entries' and stray temporary ones (prune deletes them)


def write_atomic(target: Path, data: bytes) -> None:
    """Write ``data`` to ``target`` through a temporary file beside it (``.XXXXXXXX.tmp``) renamed into place:
    a reader, or a build killed meanwhile, sees the old file or the new one whole."""
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_sealed(target: Path, data: bytes) -> None:
    """:func:`write_atomic` of ``data`` sealed by its SHA-256 (first 32 bytes), which :func:`read_sealed` checks."""
    write_atomic(target, hashlib.sha256(data).digest() + data)


def read_sealed(path: Path) -> bytes | None:
    """The data :func:`write_sealed` wrote to ``path``; None when the file is missing, unreadable or damaged."""
    try:
        raw = path.read_bytes()
    except OSError:
        return None
    return raw[32:] if hashlib.sha256(raw[32:]).digest() == raw[:32] else None


@lru_cache(maxsize=1)
def rules_version() -> str:
    """Hash of the code and rules whose output a cache entry holds: the extractor (lexicon, titles, cues,
    profiles, its modules), the RDF stage, the Turtle block writer, the worker's serialisation, and the two
    functions that make a document's digest.

    The code counts too: an edited rule in Python must not be served from a stale cache.
    """
    from diplograph.graph.views import folder as digests

    h = hashlib.sha256()
    folder = files("diplograph.graph.extract")
    entries = [e for e in folder.iterdir() if e.name.endswith((".jsonl", ".py"))]
    entries.extend(files("diplograph.graph").joinpath(name) for name in ("rdf.py", "rdf_terms.py", "rdf_records.py",
                                                                          "turtle.py", "executor.py"))
    for entry in sorted(entries, key=lambda e: e.name):
        h.update(entry.name.encode() + b"\0" + entry.read_bytes() + b"\0")
    for made in (digests.digest_of_terms, digests._text_value):  # not the whole views module: it is no cache input
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
    def of(cls, gazetteer_version: str) -> Versions:
        """The versions of this installation, with the gazetteer's version as given (gazetteer.version_of)."""
        from diplograph.graph.html_input import reader_version

        return cls(version("diplograph"), rules_version(), gazetteer_version, reader_version())


def document_key(sha256: str, doc_id: str, options: dict, versions: Versions) -> str:
    """The cache key of one document under the given options and versions.

    >>> v = Versions("0.1.0", "r", "g", "h")
    >>> document_key("ab", "doc", {}, v) == document_key("ab", "doc", {}, v) != document_key("ab", "doc2", {}, v)
    True
    """
    return key_maker(options, versions)(sha256, doc_id)


def key_maker(options: dict, versions: Versions) -> Callable[[str, str], str]:
    """``document_key`` with the options and versions fixed: a function of the document's hash and id."""
    fixed = "\x1f" + _fixed_part(tuple(f"{k}={options[k]}" for k in sorted(options)), versions)
    sha256 = hashlib.sha256

    def key(sha: str, doc_id: str) -> str:
        return sha256(f"{sha}\x1f{doc_id}{fixed}".encode()).hexdigest()

    return key


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
                    self._names = {e.name for e in entries if e.name.endswith(LISTED) and e.is_file()}
            except (FileNotFoundError, NotADirectoryError):
                self._names = set()
        return self._names

    def get(self, key: str) -> tuple[Path, Path, Path, Path] | None:
        """The files (N-Quads, Turtle block, gzip member, digest) of ``key``; None when missing or incomplete."""
        if self.folder is None:
            return None
        names = self._listing()
        return self._files(key) if all(key + suffix in names for suffix in ENTRY) else None

    def put(self, key: str, nquads: bytes, turtle: bytes, gz: bytes, digest: bytes) -> tuple[Path, ...] | None:
        """Store an entry atomically (each file: temporary file, then rename; the .nq last); return its files."""
        if self.folder is None:
            return None
        self.folder.mkdir(parents=True, exist_ok=True)
        nq, ttl, member, summary = self._files(key)
        for target, data in ((ttl, turtle), (member, gz), (summary, digest), (nq, nquads)):
            write_atomic(target, data)
        if self._names is not None:
            self._names.update(key + suffix for suffix in ENTRY)
        return nq, ttl, member, summary

    def prune(self, keep: set[str]) -> int:
        """Delete entries not in ``keep`` (documents removed or changed) and stray temporary files.

        The folder is listed now, or was by this Cache's look-ups (entries put since are in that listing:
        a build holds its output folder's lock, so nothing else writes here meanwhile).
        """
        if self.folder is None or not self.folder.is_dir():
            return 0
        dropped = 0
        for name in list(self._listing()):
            stem, dot, suffix = name.rpartition(".")
            if suffix == "tmp" or (dot + suffix in ENTRY and stem not in keep):
                self.folder.joinpath(name).unlink(missing_ok=True)
                dropped += 1
        self._names = None
        return dropped


MEMO = "inputs.memo"  # in the cache folder: the input memo (InputMemo)
_MEMO_FORMAT = 1
RACY_NS = 2_000_000_000  # file times this close to a memo's stamp may hide a change (coarse clocks, 1-2 s file times)
Identity = tuple[int, int, int, int, int]  # size, mtime_ns, ctime_ns, inode, device


def identity(info: os.stat_result) -> Identity:
    """What says an input is unchanged: its size, modification and change times, inode and device."""
    return info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino, info.st_dev


def clock_ns() -> int:
    """The clock file times are taken from (the kernel's coarse clock, where there is one)."""
    coarse = getattr(time, "CLOCK_REALTIME_COARSE", None)
    return time.clock_gettime_ns(coarse) if coarse is not None else time.time_ns()


class InputMemo:
    """``OUT/.cache/inputs.memo``: each input's identity (size, mtime, ctime, inode, device) and SHA-256, so a
    rerun does not read an input whose identity is unchanged.

    As git's index does: an edit changes the size, the mtime or the ctime (setting the mtime back sets the
    ctime), but one made within the same tick of a coarse file clock may keep both times. So an entry is
    trusted only when its times are older than the memo's stamp, the clock read (less ``RACY_NS``) before
    any input was looked at by the build that wrote it; a younger ("racily clean") entry is read again.
    The file is written atomically (temporary file, rename) and sealed by a checksum: missing or damaged,
    every input is read, as with no memo.
    """

    def __init__(self, folder: str | Path | None, entries: dict[str, tuple] | None = None, stamp: int = 0):
        self.folder = Path(folder) if folder is not None else None
        self.entries = entries or {}  # path -> (*identity, sha256), as loaded
        self.stamp = stamp  # the loaded memo's: entries whose times are older are trusted
        self.now = clock_ns() - RACY_NS  # this build's stamp, for the memo it writes
        self.seen: dict[str, tuple] = {}  # path -> (*identity, sha256) of this build's inputs

    @classmethod
    def load(cls, folder: str | Path | None) -> InputMemo:
        """The memo kept in ``folder`` (the build cache's); an empty one when missing or damaged."""
        if folder is None:
            return cls(None)
        try:
            if (data := read_sealed(Path(folder) / MEMO)) is not None:
                form, stamp, entries = marshal.loads(data)
                if form == _MEMO_FORMAT and isinstance(stamp, int) and isinstance(entries, dict):
                    return cls(folder, entries, stamp)
        except (ValueError, EOFError, TypeError):
            pass
        return cls(folder)

    def sha256(self, path: str, info: os.stat_result) -> str | None:
        """The input's SHA-256 when the memo holds it for this very identity and may trust it, else None."""
        entry = self.entries.get(path)
        if entry is None or entry[:5] != identity(info) or max(entry[1], entry[2]) >= self.stamp:
            return None
        self.seen[path] = entry
        return entry[5]

    def note(self, path: str, info: os.stat_result, sha256: str) -> None:
        """Record the hash of an input just read; ``info`` is its identity taken before it was read."""
        self.seen[path] = (*identity(info), sha256)

    def save(self) -> None:
        """Write what this build saw (entries of inputs no longer built are dropped), when it differs."""
        if self.folder is None or (self.seen == self.entries and self._trusts_all()):
            return
        data = marshal.dumps((_MEMO_FORMAT, self.now, self.seen))
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            write_sealed(self.folder / MEMO, data)
        except OSError:
            pass  # the next build reads every input: slower, not wrong

    def _trusts_all(self) -> bool:
        """True when every entry is trusted already (rewriting the memo with a later stamp would trust more)."""
        return all(max(e[1], e[2]) < self.stamp for e in self.seen.values())
