"""One build at a time per output folder, and what a killed build left behind.

A build holds an exclusive lock on ``OUT/.lock`` (``fcntl.flock``) from before it reads the cache to after
its outputs are swapped in, so two builds into one folder never interleave their writes: the second stops
with a one-line error. The operating system drops the lock when the process ends, however it ends, so a
build killed with ``kill -9`` never blocks the next one.

Holding the lock, a build first removes the files a killed build staged and never swapped in: outputs are
written to ``OUT/.<name>.<random>.tmp`` (outputs.py) and the cache's files to ``OUT/.cache/.<random>.tmp``
(cache.py, swept by ``Cache.prune``). At corpus scale the staged graph files are gigabytes each.
"""

from __future__ import annotations

import fcntl
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from diplograph.graph.errors import OutputError

LOCK = ".lock"
#: A staged output: ``.`` + the output's name + ``.`` + mkstemp's eight random characters + ``.tmp``.
STAGED = re.compile(r"\.(graph\.ttl|graph\.nq\.gz|manifest\.json|[a-z]+\.html)\.[A-Za-z0-9_]{8}\.tmp")


@contextmanager
def locked(out: Path) -> Iterator[None]:
    """Hold ``out``'s build lock (creating ``out``) while the block runs; sweep staged leftovers first.

    Raises:
        OutputError: ``out`` cannot be created, or another build holds its lock.
    """
    created = not out.exists()
    try:
        out.mkdir(parents=True, exist_ok=True)
        fd = os.open(out / LOCK, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    except OSError as exc:
        raise OutputError(f"{out}: cannot create output folder ({exc.strerror or exc})") from exc
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise OutputError(f"{out}: another diplograph build is writing this folder; wait for it to end") from None
        sweep(out)
        yield
    finally:
        os.close(fd)  # releases the lock
        if created:
            _drop_if_empty(out)


def _drop_if_empty(out: Path) -> None:
    """Remove ``out`` made for a build that wrote nothing into it (bad input): it holds only the lock file."""
    try:
        if [p.name for p in out.iterdir()] == [LOCK]:
            (out / LOCK).unlink()
            out.rmdir()
    except OSError:
        pass


def sweep(out: Path) -> list[str]:
    """Remove the outputs a killed build staged in ``out`` and never swapped in; return their names."""
    removed = []
    try:
        with os.scandir(out) as entries:
            names = sorted(e.name for e in entries if STAGED.fullmatch(e.name) and e.is_file(follow_symlinks=False))
    except OSError:
        return removed
    for name in names:
        try:
            os.unlink(out / name)
            removed.append(name)
        except OSError:
            pass
    return removed
