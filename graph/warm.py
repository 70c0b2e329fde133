"""One worker process started as a build begins, before the build knows what it will extract.

A rerun after a few changed documents extracts only those. Done in the build's own process, the
extractor's start (spaCy's import, the gazetteer, the pipeline: about 2 s) would come after the inputs
are read and hashed and before the views, adding to the rerun's time. With ``--workers`` 2 or more,
:func:`start` spawns one worker at once; it starts its extractor on the other core while the build reads
its inputs. :meth:`Warm.run` then gives it the jobs when they are :data:`FEW`; :meth:`Warm.close` stops
it when there are none (nothing changed) or many (``executor.run_jobs`` then starts a pool of
``--workers`` processes). The worker runs the pool's own code (``executor.init_worker`` and
``run_job``): the outcome is the same as in any worker.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable

from diplograph.graph.executor import Job, Outcome, init_worker, run_job

#: At most this many jobs go to the warm worker; more go to a pool of ``--workers`` processes.
FEW = 4


class Warm:
    """One spawned worker process, starting its extractor in the background."""

    def __init__(self) -> None:
        self.pool = multiprocessing.get_context("spawn").Pool(1, initializer=init_worker)

    def takes(self, jobs: list[Job]) -> bool:
        """Whether these jobs are few enough for this one worker."""
        return self.pool is not None and 0 < len(jobs) <= FEW

    def run(self, jobs: list[Job], on_done: Callable[[Outcome], None],
            meanwhile: Callable[[], object] | None = None) -> None:
        """Run the jobs in the worker, calling ``on_done`` here as each finishes, and ``meanwhile()`` here while
        the worker works (what the build can do before it has the documents); then stop the worker."""
        try:
            outcomes = self.pool.imap_unordered(run_job, jobs)
            if meanwhile is not None:
                meanwhile()
            for outcome in outcomes:
                on_done(outcome)
        finally:
            self.close()

    def close(self) -> None:
        """Stop the worker (at once, even while it starts: nothing it made is kept)."""
        if self.pool is not None:
            self.pool.terminate()
            self.pool.join()
            self.pool = None


def start(workers: int, executor: str = "local") -> Warm | None:
    """A warm worker for a build with ``workers`` processes on this machine, or None (one worker: the build
    extracts in its own process; Dask: the cluster's workers do)."""
    return Warm() if workers >= 2 and executor == "local" else None
