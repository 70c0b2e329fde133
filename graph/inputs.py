"""Stage: the build's inputs -> planned jobs (paths and globs expanded, each input hashed once, ids minted).

A corpus is named by files, folders and glob patterns (:func:`expand_paths`); each input is read and
hashed once, or only stat-ed when the inputs memo (cache.py ``InputMemo``) knows its size and time, and
becomes a :class:`~diplograph.graph.executor.Job` keyed by its content and the versions of extractor, rules
and gazetteer (cache.py ``key_maker``). A job planned without its bytes (an input the memo vouched for) is
read when it has to be extracted (:func:`readied`), and fails there if it changed meanwhile.
"""

from __future__ import annotations

import glob
import hashlib
import os
import re
import stat
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from diplograph.graph import iri
from diplograph.graph.cache import InputMemo, Versions, key_maker
from diplograph.graph.errors import InputError
from diplograph.graph.executor import Job
from diplograph.graph.gcpause import paused
from diplograph.graph.html_input import HTML_SUFFIXES
from diplograph.graph.limits import MAX_BYTES

SUFFIXES = (".txt", ".md", ".text", *HTML_SUFFIXES)
CHANGED = "changed while the build ran (build again)"  # an input's failure when it changed after it was planned


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
class Unread(Job):
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
        jobs.append(Job(*fields) if raw is not None else Unread(*fields, size))
    return jobs, failures


def readied(jobs: list[Job]) -> tuple[list[Job], list[tuple[str, str]]]:
    """The jobs to extract, each with its bytes (read now for one planned without: Unread), and a failure
    for each input that is no longer what was planned (changed since) or cannot be read now."""
    ready, failures = [], []
    for job in jobs:
        if not isinstance(job, Unread):
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
