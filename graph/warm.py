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
        self.pool = multiprocessing.get_context("spawn").Pool(1, initializer=_start)

    def takes(self, jobs: list[Job]) -> bool:
        """Whether these jobs are few enough for this one worker."""
        return self.pool is not None and 0 < len(jobs) <= FEW

    def run(self, jobs: list[Job], on_done: Callable[[Outcome], None],
            meanwhile: Callable[[], object] | None = None) -> None:
        """Run the jobs in the worker, calling ``on_done`` here as each finishes, and ``meanwhile()`` here while
        the worker works (what the build can do before it has the documents); then stop the worker."""
        try:
            outcomes = self.pool.imap_unordered(_run, jobs)
            if meanwhile is not None:
                meanwhile()
            for outcome in outcomes:
                if outcome is None:  # the worker could not start its extractor: say why, from here
                    self.close()
                    init_worker()
                on_done(outcome)
        finally:
            self.close()

    def close(self) -> None:
        """Stop the worker (at once, even while it starts: nothing it made is kept)."""
        if self.pool is not None:
            self.pool.terminate()
            self.pool.join()
            self.pool = None


def _start() -> None:
    """The worker's initializer: start the extractor, or leave the failure to :func:`_run` (a Pool whose
    initializer raises starts a new worker again and again, and the build would wait for ever)."""
    try:
        init_worker()
    except Exception:  # noqa: BLE001, S110 - said by _run's None, then raised again in the build's process
        pass


def _run(job: Job) -> Outcome | None:
    """One job in the worker; None when its extractor cannot start (a broken gazetteer, say)."""
    try:
        init_worker()
    except Exception:  # noqa: BLE001 - its exception may not be picklable: the build loads it again to say why
        return None
    return run_job(job)


def start(workers: int, executor: str = "local") -> Warm | None:
    """A warm worker for a build with ``workers`` processes on this machine, or None (one worker: the build
    extracts in its own process; Dask: the cluster's workers do)."""
    return Warm() if workers >= 2 and executor == "local" else None
