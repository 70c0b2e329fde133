"""Run the extraction on a Dask cluster: ``dask.bag`` over the jobs, one shard of N-Quads per partition.

Each partition is extracted on a worker (which loads the gazetteer and the spaCy pipeline once, on its
first job) and comes back as a shard: the partition's :class:`~diplograph.graph.executor.Outcome`\\ s,
each carrying one document's graph as sorted N-Quads. Shards are handed to ``on_done`` as they finish,
so the caller caches each document and merges them exactly as in a local build: the output does not
depend on the executor. Jobs carry the documents' bytes, so workers need no shared file system.

Without a scheduler address, a local cluster of worker processes on the loopback interface is started
and closed again.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import contextmanager

from diplograph.graph.errors import DiplographError
from diplograph.graph.executor import Job, Outcome, run_job


class ExecutorError(DiplographError):
    """The Dask scheduler cannot be reached or the cluster failed."""

    exit_code = 6


def run_partition(jobs: list[Job]) -> list[Outcome]:
    """Extract one partition of jobs (runs on a Dask worker)."""
    return [run_job(job) for job in jobs]


@contextmanager
def client_for(scheduler: str | None, workers: int):
    """A distributed Client: connected to ``scheduler``, or to a local cluster of ``workers`` processes."""
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:  # pragma: no cover - dask is an optional extra
        raise ExecutorError("--executor dask needs dask[distributed] (pip install 'dask[bag,distributed]')") from exc
    try:
        if scheduler:
            client = Client(scheduler, timeout="10s")
            cluster = None
        else:
            cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                                   dashboard_address=None, silence_logs=50)
            client = Client(cluster)
    except (OSError, TimeoutError) as exc:
        raise ExecutorError(f"{scheduler or 'local cluster'}: cannot start or reach the Dask scheduler ({exc})") \
            from exc
    try:
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def run_jobs_dask(jobs: list[Job], on_done: Callable[[Outcome], None], *, scheduler: str | None = None,
                  workers: int = 2, partition_size: int = 16) -> None:
    """Run every job on a Dask cluster, calling ``on_done`` here for each document as its shard arrives.

    Args:
        jobs: The documents to extract.
        on_done: Called with each Outcome (any order).
        scheduler: ``tcp://HOST:PORT`` of a running scheduler, or None for a local cluster.
        workers: Worker processes of the local cluster.
        partition_size: Documents per partition (one shard each).
    """
    if not jobs:
        return
    import dask.bag as db
    from distributed import as_completed

    with client_for(scheduler, workers) as client:
        npartitions = max(1, -(-len(jobs) // partition_size))
        shards = db.from_sequence(jobs, npartitions=npartitions).map_partitions(run_partition).to_delayed()
        for future in as_completed(client.compute(shards)):
            for outcome in future.result():
                on_done(outcome)
