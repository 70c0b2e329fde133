"""Updating the build's SPARQL store in place: each changed graph patched with its difference.

The previous store is copied (a RocksDB checkpoint: hard links, instant) and every graph whose version
changed is patched: the triples it lost leave it (and the default graph, unless another graph still
states them), those it gained enter it (and the default graph). Only the difference is written.

A graph may come in several parts (merge.Parts of one graph IRI: the views graph as chunks, each with
its own key). A graph's version is its parts' keys, sorted and joined by spaces, and a part with no key
is known by the hash of its N-Quads. The parts of one graph must not share a triple (the views' chunks
are cut by subject): an update then compares only the parts that changed, the old ones read from the
copies the store keeps of its views graph (:func:`keep`, hard links to the build's files), the new ones
from the build. A graph with no kept copy (a document's, small) is read back from the store.
"""

from __future__ import annotations

import hashlib
import mmap
import os
import shutil
from collections.abc import Iterable
from pathlib import Path

import pyoxigraph as ox
from diplograph.graph.merge import VIEWS_GRAPH
from diplograph.graph.store_load import as_triples, documents_quads, views_triples

#: Folder in the store with the views graph's N-Quads, for the next update.
KEPT = "graphs"
#: Equal lines in a row after which :func:`diff_sorted` compares whole blocks again.
_RESYNC = 8
_BLOCK = 1 << 16
#: Bytes of a mapped file walked by :func:`diff_sorted` after which the pages read are let go.
_RELEASE = 1 << 26

Text = bytes | mmap.mmap  # a sorted N-Quads text in memory, or a file mapped (a views graph of a gigabyte)


def part_key(part) -> str:
    """What a part was made from: its key, or the hash of its N-Quads."""
    return part.key or hashlib.sha256(part.read_nquads()).hexdigest()


def versions(parts: Iterable) -> dict[str, str]:
    """``{graph IRI: version}``: each graph's part keys, sorted and joined by spaces (one key: the key)."""
    found: dict[str, list[str]] = {}
    for part in parts:
        found.setdefault(part.graph, []).append(part_key(part))
    return {graph: " ".join(sorted(keys)) for graph, keys in found.items()}


def update(path: Path, tmp: Path, held: dict[str, str], parts: list, wanted: dict[str, str]) -> None:
    """Copy the store at ``path`` to ``tmp`` and patch every graph whose version changed (``wanted``: the
    parts' versions, :func:`versions`)."""
    by_graph: dict[str, list] = {}
    for part in parts:
        by_graph.setdefault(part.graph, []).append(part)
    shutil.rmtree(tmp, ignore_errors=True)
    ox.Store.read_only(str(path)).backup(str(tmp))
    store = ox.Store(str(tmp))
    for graph in sorted(set(wanted) | set(held)):
        if wanted.get(graph) != held.get(graph):
            old, new, one = _change(path, graph, held.get(graph, ""), by_graph.get(graph, []))
            patch(store, graph, new, old, drop=graph not in wanted, single=one)
            for text in (old, new):
                if isinstance(text, mmap.mmap):
                    text.close()
    store.flush()
    del store


def _change(path: Path, graph: str, held: str, parts: list) -> tuple[Text | None, Text, bool]:
    """The N-Quads of the parts a graph lost (None: not kept, read the graph back) and of those it gained;
    True when each is one part (one sorted text, then mapped rather than read when it is a file)."""
    old_keys = set(held.split())
    new_keys = {part_key(p): p for p in parts}
    gone = sorted(old_keys - set(new_keys))
    came = [p for key, p in sorted(new_keys.items()) if key not in old_keys]
    if len(gone) <= 1 and len(came) == 1 and isinstance(came[0].nquads, Path):
        kept = _kept(path, graph, gone[0], mapped=True) if gone else b""
        if kept is not None:
            return kept, _map(came[0].nquads), True
    kept = [_kept(path, graph, key) for key in gone]
    if any(k is None for k in kept):
        return None, b"".join(p.read_nquads() for p in parts), False  # compare the whole graph
    return b"".join(kept), b"".join(p.read_nquads() for p in came), len(kept) <= 1 and len(came) <= 1


def patch(store: ox.Store, graph: str, nquads: Text, kept: Text | None = None, drop: bool = False,
          single: bool = True) -> None:
    """Replace what ``graph`` held (``kept``, or all it holds when None) by ``nquads``; ``drop`` the graph after.

    ``single``: ``kept`` and ``nquads`` are each one sorted text (one part), compared by :func:`diff_sorted`
    (N-Quads of one graph sort as their N-Triples do: every line ends in the same graph name).

    The default graph stays the merge: a triple leaves it only when no named graph states it any more.
    Triples are compared as lines (our graphs have no blank nodes); a triple written two ways is taken
    out and put back, which leaves the store right.
    """
    name = ox.NamedNode(graph) if graph != VIEWS_GRAPH else None  # the views graph: in the default graph only
    if kept is None:  # the graph as the store holds it (a document's: small; of the views, copies are kept)
        old = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(graph)) or b""
        gone, came = diff_sets(old, as_triples(graph, _whole(nquads)))
    else:
        gone, came = (diff_sorted if single else diff_sets)(kept, nquads)
        came = _restate(nquads, gone, came, single)
        gone, came = _triples(graph, gone), _triples(graph, came)
    _remove(store, name, gone)
    if came:
        text = b"\n".join(came) + b"\n"
        if name is None:
            views_triples(text)  # raises unless every line is about a view node
        else:
            store.load(input=documents_quads(graph, text), format=ox.RdfFormat.N_TRIPLES, to_graph=name, lenient=True)
        store.load(input=text, format=ox.RdfFormat.N_TRIPLES, to_graph=ox.DefaultGraph(), lenient=True)
    if drop and name is not None:
        store.remove_graph(name)


def _restate(nquads: Text, gone: list[bytes], came: list[bytes], single: bool) -> list[bytes]:
    """``came`` plus the lines of every subject that lost a line: the store holds values ("1.50" and "1.5"
    are one decimal), so taking a line out may take out another line's value, which is then put back.

    In a mapped text each subject is found by a binary search; the pages read are let go every few
    hundred subjects (a search reads a page or two, not the file's read-ahead).
    """
    if not gone:
        return came
    found = set(came)
    subjects = sorted({line[:line.index(b" ")] for line in gone})
    if not single:  # several parts, not one sorted text: one pass picks every such subject's lines
        found.update(_subject_lines_scan(nquads, set(subjects)))
        return sorted(found)
    if isinstance(nquads, mmap.mmap) and hasattr(nquads, "madvise"):
        nquads.madvise(mmap.MADV_RANDOM)
    for n, subject in enumerate(subjects):
        found.update(subject_lines(nquads, subject))
        if n % 256 == 255:
            _release(nquads, len(nquads))
    return sorted(found)


def _triples(graph: str, lines: list[bytes]) -> list[bytes]:
    """N-Quads lines of ``graph`` as N-Triples lines."""
    return [line for line in as_triples(graph, b"\n".join(lines) + b"\n").split(b"\n") if line] if lines else []


def subject_lines(text: Text, subject: bytes) -> list[bytes]:
    """The lines of a sorted text whose subject is ``subject`` (a binary search, then the run of them)."""
    key = subject + b" "
    lo, hi = 0, len(text)
    while lo < hi:  # lo, hi: line starts; find the first line not before key
        start = text.rfind(b"\n", 0, (lo + hi) // 2) + 1
        end = text.find(b"\n", start) + 1 or len(text)
        lo, hi = (end, hi) if text[start:end] < key else (lo, start)
    found = []
    while text[lo:lo + len(key)] == key:
        end = text.find(b"\n", lo) + 1 or len(text)
        found.append(text[lo:end].rstrip(b"\n"))
        lo = end
    return found


def _subject_lines_scan(text: Text, subjects: set[bytes]) -> list[bytes]:
    """The lines of an unsorted text whose subject is one of ``subjects`` (one pass, whatever their number)."""
    return [line for line in _whole(text).split(b"\n") if line[:line.find(b" ")] in subjects]


def _remove(store: ox.Store, name: ox.NamedNode | None, gone: list[bytes]) -> None:
    """Take N-Triples lines out of graph ``name``, and out of the default graph when no other graph states them
    (``name`` None: the views graph's, out of the default graph, where they are the views' own)."""
    if not gone:
        return
    triples = list(ox.parse(b"\n".join(gone), format=ox.RdfFormat.N_TRIPLES))
    if name is None:
        for t in triples:
            store.remove(ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph()))
        return
    for t in triples:
        store.remove(ox.Quad(t.subject, t.predicate, t.object, name))
    for t in triples:
        if not any(q.graph_name != ox.DefaultGraph() for q in store.quads_for_pattern(t.subject, t.predicate, t.object)):
            store.remove(ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph()))


def diff_sets(old: Text, new: Text) -> tuple[list[bytes], list[bytes]]:
    """The lines of ``old`` not in ``new`` and those of ``new`` not in ``old``, each sorted."""
    before, after = set(_whole(old).split(b"\n")), set(_whole(new).split(b"\n"))
    before.discard(b"")
    after.discard(b"")
    return sorted(before - after), sorted(after - before)


def diff_sorted(old: Text, new: Text) -> tuple[list[bytes], list[bytes]]:
    """:func:`diff_sets` of two sorted N-Triples texts, walking both: equal blocks are skipped whole, so
    a few changed lines in a views graph of millions cost a pass of ``memcmp``.

    Each line is either matched or counted gone (old) or come (new), so a line found both gone and come
    shows a text was not sorted: then the sets decide.
    """
    gone, came = [], []
    i = j = released = 0
    while i < len(old) and j < len(new):
        end = new.find(b"\n", j + _BLOCK) + 1 or len(new)
        if old[i:i + end - j] == new[j:end] and (i + end - j == len(old) or old[i + end - j - 1] == 10):
            i, j = i + end - j, end
        else:
            i, j = _merge_lines(old, new, i, j, gone, came)
        if min(i, j) - released > _RELEASE:  # the pages walked of a mapped file stay out of the peak memory
            _release(old, i)
            _release(new, j)
            released = min(i, j)
    gone += [line for line in old[i:].split(b"\n") if line]
    came += [line for line in new[j:].split(b"\n") if line]
    if not set(gone).isdisjoint(came):
        return diff_sets(old, new)
    return sorted(gone), sorted(came)


def _merge_lines(old: bytes, new: bytes, i: int, j: int, gone: list, came: list) -> tuple[int, int]:
    """Walk both texts line by line from ``i`` and ``j`` until :data:`_RESYNC` lines in a row agree."""
    equal = 0
    while equal < _RESYNC and i < len(old) and j < len(new):
        a_end, b_end = old.find(b"\n", i) + 1 or len(old), new.find(b"\n", j) + 1 or len(new)
        a, b = old[i:a_end].rstrip(b"\n"), new[j:b_end].rstrip(b"\n")
        if a == b:
            i, j, equal = a_end, b_end, equal + 1
            continue
        equal = 0
        if a < b:
            gone.append(a)
            i = a_end
        else:
            came.append(b)
            j = b_end
    return i, j


def keep(path: Path, parts: Iterable) -> None:
    """Keep in the store the N-Quads of the views graph's parts: the next update compares with them instead
    of reading millions of triples back from RocksDB. A part in a file is hard-linked (the build replaces
    its files by renaming new ones over them, so the link keeps this version), else written."""
    folder = path / KEPT
    folder.mkdir(exist_ok=True)
    wanted = {_kept_name(p.graph, part_key(p)): p for p in parts if p.graph == VIEWS_GRAPH}
    present = set(os.listdir(folder))
    for stale in present - set(wanted):
        (folder / stale).unlink()
    for name, part in wanted.items():
        kept = folder / name
        if name in present:
            kept.unlink()
        try:
            if not isinstance(part.nquads, Path):
                raise OSError("in memory")
            os.link(part.nquads, kept)
        except OSError:
            kept.write_bytes(part.read_nquads())


def kept_all(path: Path, graph: str, keys: Iterable[str]) -> bool:
    """True when the store at ``path`` keeps a copy of each of these parts of ``graph``."""
    return all((path / KEPT / _kept_name(graph, key)).is_file() for key in keys)


def _kept(path: Path, graph: str, key: str, mapped: bool = False) -> Text | None:
    try:
        file = path / KEPT / _kept_name(graph, key)
        return _map(file) if mapped else file.read_bytes()
    except OSError:
        return None


def _map(file: Path) -> Text:
    """A file's bytes, mapped (read as needed, its pages shared with the page cache)."""
    with file.open("rb") as fh:
        try:
            return mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
        except ValueError:  # an empty file cannot be mapped
            return b""


def _whole(text: Text) -> bytes:
    return text[:] if isinstance(text, mmap.mmap) else text


def _release(text: Text, upto: int) -> None:
    """Let the pages of a mapped text before ``upto`` go (they are read again from the file if needed)."""
    if isinstance(text, mmap.mmap) and hasattr(text, "madvise"):
        text.madvise(mmap.MADV_DONTNEED, 0, upto - upto % mmap.PAGESIZE)


def _kept_name(graph: str, key: str) -> str:
    return hashlib.sha256(f"{graph} {key}".encode()).hexdigest()[:32] + ".nq"
