"""Pieces of a corpus' pages kept from one build to the next, keyed by a hash of what they are made from.

The dyads page of a corpus is a table of some ten thousand rows, each with an SVG chart of its periods, over a
network whose layout (exports/layout.py) takes most of a second; a rerun after one changed document changes a
few rows and seldom the pairs drawn. :class:`Fragments` gives a row's HTML, or a page's layout, from the
previous build when its data (and the code making it, :func:`version`) are the same, and keeps, for the next
build, only the pieces used this time. The page's bytes are the same either way: a piece is a pure function of
its key's data. The file is sealed (graph/cache.py ``write_sealed``); a missing or damaged one makes every piece.
"""

from __future__ import annotations

import hashlib
import marshal
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from diplograph.graph.cache import read_sealed, write_sealed

FRAGMENTS = "pages-fragments.marshal"  # beside the views' state (OUT/.cache/views/)


@lru_cache(maxsize=1)
def version() -> str:
    """What the fragments depend on besides their data: the rows' and the layout's code, numpy and networkx."""
    import networkx
    import numpy

    here, h = Path(__file__).parent, hashlib.sha256()
    for name in ("fragments.py", "charts.py", "layout.py"):
        h.update((here / name).read_bytes())
    return f"{h.hexdigest()} {numpy.__version__} {networkx.__version__} {marshal.version}"


class Fragments:
    """A ``data -> piece`` memo read from ``path`` (None: nothing kept) and written back by :meth:`save`."""

    def __init__(self, path: str | Path | None) -> None:
        self.path = Path(path) if path is not None else None
        self.old: dict[bytes, object] = self._read() if self.path is not None else {}
        self.new: dict[bytes, object] = {}

    def _read(self) -> dict[bytes, object]:
        data = read_sealed(self.path)
        try:
            kept = marshal.loads(data) if data is not None else None
        except (EOFError, ValueError, TypeError):
            return {}
        return kept[1] if isinstance(kept, tuple) and len(kept) == 2 and kept[0] == version() else {}

    def get(self, data: tuple, make: Callable[[], object]) -> object:
        """The piece made of ``data`` (a tuple of plain values): the kept one, or ``make()`` (a value marshal
        writes: a string, a dict of tuples)."""
        key = hashlib.blake2b(repr(data).encode("utf-8"), digest_size=16).digest()
        got = self.old.get(key)
        if got is None:
            got = make()
        self.new[key] = got
        return got

    def save(self) -> None:
        """Keep the fragments drawn in this build (only those) for the next one."""
        if self.path is not None and self.new != self.old:
            write_sealed(self.path, marshal.dumps((version(), self.new)))
