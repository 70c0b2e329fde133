"""The views' graph of a corpus, read one document graph at a time; the fold of each bucket of documents kept.

``load_graph`` groups every triple the views use by subject before building the networkx graph: about
1 KB per document of Python objects for each of a corpus's ~1,300 such triples per document, which does
not fit in memory for ten thousand documents. :func:`load_parts` reads the graphs one at a time instead,
folds each into compact per-entity, per-event and per-fact records (views/folder.py ``Folder``: the union
of what every graph says of them), and builds the same ``MultiDiGraph`` as ``load_graph`` gives for the
union of those graphs (views/folded_graph.py; ``tests/test_views_stream.py`` checks it).

At corpus scale: the Folder interns the strings a corpus repeats (entity IRIs, types, dates, documents);
:func:`fold_parts` (this module) keeps the fold of each bucket of documents in the build's cache, so a rerun
folds only the bucket of a changed document; and the graph keeps each edge's attributes in an
:class:`EdgeData` (slots, a third of a dict's memory), read and written like a dict.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
import zlib
from collections import defaultdict
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path

from diplograph.graph.views.folded_graph import EDGE_KEYS, EdgeData, graph_of, load_parts  # noqa: F401
from diplograph.graph.views.folder import (_DOCS, _RELATION_IRIS, DIGEST, Folder, _all, _first,  # noqa: F401
                                           _text_value, digest, digest_of_terms, fold)
from diplograph.graph.views.load import bulk

#: The modules whose code a saved fold depends on: this one, and the Folder's (digests and folding).
_FOLD_CODE = ("stream.py", "folder.py")

BUCKETS = 256  # documents are folded, and their fold saved, in this many buckets (by graph IRI)


@lru_cache(maxsize=1)
def _fold_version() -> str:
    """What a saved fold depends on besides its documents: the fold's code, marshal's format, Python's version."""
    here = Path(__file__).parent
    code = b"".join((here / name).read_bytes() for name in _FOLD_CODE)
    return hashlib.sha256(code).hexdigest() + f" {marshal.version} {sys.version}"


def _bucket_file(folder: Path, parts: list) -> Path:
    keys = "\n".join([_fold_version(), *sorted(part.key for part in parts)])
    return folder / f"fold-{hashlib.sha256(keys.encode()).hexdigest()[:32]}.marshal"


def load_bucket(path: Path, fields: Iterable[str] | None = None) -> tuple[Folder, dict[str, int]]:
    """A bucket's saved Folder (only ``fields`` when given) and its documents' quads (raises OSError, EOFError,
    ValueError, TypeError)."""
    with bulk():
        folded, quads = marshal.loads(path.read_bytes())
        return Folder.loads(folded, fields), quads


def fold_bucket(parts: list, path: Path | None) -> tuple[Folder, dict[str, int]]:
    """One bucket's Folder and its documents' quads: from ``path`` when it holds them, else folded (and saved)."""
    if path is not None and path.is_file():
        return load_bucket(path)
    quads: dict[str, int] = {}

    def digests():
        for part in parts:
            data = part.read_digest()
            quads[part.graph] = data["quads"]
            yield data

    folded = fold(digests())
    if path is not None:
        tmp = path.with_name("." + path.name + ".tmp")
        tmp.write_bytes(marshal.dumps((folded.dumps(), quads)))
        os.replace(tmp, path)
    return folded, quads


def fold_parts(parts: list, folder: str | Path | None = None, track=None) -> tuple[Folder, dict[str, int]]:
    """Fold documents' parts (merge.Part: ``graph``, ``key``, ``read_digest()``); also their quads by graph.

    With a ``folder``, the documents are folded in :data:`BUCKETS` buckets by graph IRI and each bucket's fold
    is kept there (see :func:`bucket_folds`): a rerun after one document changed folds one bucket and merges
    the others' saved folds.
    """
    if folder is None or not all(part.key for part in parts):
        return fold_bucket(parts, None)
    result, quads = Folder(), {}
    for folded, counted in bucket_folds(parts, folder, track):
        with bulk():
            result.merge(folded)
        quads.update(counted)
    return result, quads


def bucket_plan(parts: list) -> dict[int, list]:
    """The documents' parts of each bucket (by their graph IRI: a changed document stays in its bucket)."""
    buckets: dict[int, list] = defaultdict(list)
    for part in parts:
        buckets[zlib.crc32(part.graph.encode("utf-8")) % BUCKETS].append(part)
    return dict(buckets)


def changed_buckets(parts: list, held: dict[int, str]) -> tuple[dict[int, list], dict[int, str], list[int]]:
    """Each bucket's parts (:func:`bucket_plan`), its saved fold's name (:func:`bucket_name`), and the buckets
    whose name differs from ``held``'s (the names a previous build saved): those a rerun folds again."""
    plan = bucket_plan(parts)
    names = {n: bucket_name(ps) for n, ps in plan.items()}
    return plan, names, sorted(n for n in names.keys() | held.keys() if names.get(n) != held.get(n))


def bucket_name(parts: list) -> str:
    """The file name of the saved fold of a bucket of these parts (named by their cache keys)."""
    return _bucket_file(Path("."), parts).name


def bucket_folds(parts: list, folder: str | Path, track=None) -> Iterator[tuple[Folder, dict[str, int]]]:
    """Each bucket's fold and its documents' quads, bucket by bucket (parts with keys).

    Each bucket's fold is kept in ``folder``, named by its documents' cache keys (``fold-<hash of the
    keys>.marshal``); saved folds no bucket uses any more are deleted once every bucket was given. A
    ``track`` (views/incremental.py ``Tracker``) is shown each bucket's fold as it is given
    (``track.bucket(number, path, fold, quads)``).
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    buckets = bucket_plan(parts)
    used = set()
    for number in sorted(buckets):
        path = _bucket_file(folder, buckets[number])
        used.add(path.name)
        folded, counted = fold_bucket(buckets[number], path)
        if track is not None:
            track.bucket(number, path, folded, counted)
        yield folded, counted
    for stale in folder.glob("fold-*.marshal"):
        if stale.name not in used:
            stale.unlink(missing_ok=True)
