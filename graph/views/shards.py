"""A dict kept on disk in shards, so that a rerun reads and writes only the shards its keys fall in.

views/incremental.py keeps what a rerun looks up by key (each event's buckets, each fact's buckets, each pair
of states' events, facts and their records) in :class:`ShardedMap`\\ s: a key is a string or a tuple of
strings, its shard the CRC-32 of its text (a tuple's strings joined by NUL) modulo the shard count, and each
shard is one ``marshal`` file named by its content's hash (``vs-<kind><number>-<hash>.marshal``). The saved
state names the shard files it was written with; a shard file is never rewritten in place, so a build killed
at any point leaves the old state's shards as they were (new ones under new names), and a truncated or
altered file is caught by its hash (:class:`ShardError`).
"""

from __future__ import annotations

import hashlib
import marshal
import os
import zlib
from collections.abc import Iterator
from pathlib import Path

PREFIX = "vs-"


class ShardError(Exception):
    """A shard named by the saved state is missing, truncated or not what its name says."""


def shard_of(key: str | tuple[str, ...], count: int) -> int:
    """The shard of ``key`` (a string or a tuple of strings): the same in every process and Python."""
    return zlib.crc32((key if type(key) is str else "\0".join(key)).encode("utf-8", "surrogatepass")) % count


def _digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=8).hexdigest()


class ShardedMap:
    """A ``key -> value`` map in ``count`` shards of ``folder``, read when first needed.

    Args:
        folder: Where the shard files are.
        kind: One letter naming the map in the files' names.
        count: Number of shards.
        names: Shard number -> file name of the saved map (None: a new, empty map).
    """

    def __init__(self, folder: Path, kind: str, count: int, names: dict[int, str] | None = None) -> None:
        self.folder, self.kind, self.count = folder, kind, count
        self.names: dict[int, str] = dict(names or {})
        self.loaded: dict[int, dict] = {}
        self.dirty: set[int] = set()

    def shard(self, n: int) -> dict:
        """Shard ``n``'s dict (read on first use; raises :class:`ShardError`)."""
        got = self.loaded.get(n)
        if got is None:
            got = self.loaded[n] = self._read(n) if n in self.names else {}
        return got

    def _read(self, n: int) -> dict:
        name = self.names[n]
        try:
            data = (self.folder / name).read_bytes()
            if _digest(data) != name.rsplit("-", 1)[1].split(".", 1)[0]:
                raise ShardError(f"{self.folder / name}: not what its name says")
            value = marshal.loads(data)
        except (OSError, EOFError, ValueError, TypeError, IndexError) as e:
            raise ShardError(f"{self.folder / name}: {e}") from None
        if not isinstance(value, dict):
            raise ShardError(f"{self.folder / name}: not a shard")
        return value

    def get(self, key, default=None):
        return self.shard(shard_of(key, self.count)).get(key, default)

    def put(self, key, value) -> None:
        """Set ``key`` (a value of None removes it)."""
        n = shard_of(key, self.count)
        table = self.shard(n)
        if value is None:
            if key in table:
                del table[key]
                self.dirty.add(n)
        else:
            table[key] = value
            self.dirty.add(n)

    def fill(self, items: Iterator[tuple[object, object]]) -> None:
        """Put every item (a new map: every shard is written)."""
        tables = [self.loaded.setdefault(n, {}) for n in range(self.count)]
        crc32, count = zlib.crc32, self.count
        for key, value in items:
            text = key if type(key) is str else "\0".join(key)
            tables[crc32(text.encode("utf-8", "surrogatepass")) % count][key] = value
        self.dirty = set(range(self.count))

    def write(self) -> dict[int, str]:
        """Write the shards changed (an empty one is left out) under new names; the map's file names."""
        for n in sorted(self.dirty):
            table = self.loaded[n]
            if not table:
                self.names.pop(n, None)
                continue
            data = marshal.dumps(table)  # the same map in any order: the name is only checked
            name = f"{PREFIX}{self.kind}{n:03d}-{_digest(data)}.marshal"
            path = self.folder / name
            if not path.is_file():
                tmp = path.with_name("." + name + ".tmp")
                tmp.write_bytes(data)
                os.replace(tmp, path)
            self.names[n] = name
        self.dirty = set()
        return dict(sorted(self.names.items()))
