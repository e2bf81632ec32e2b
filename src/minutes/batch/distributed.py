"""Beyond one machine: the same per-document work mapped by an existing engine.

`record_partition(paths, outdir, fmt)` is the entry point for any engine
(dask, Ray, Spark `mapPartitions`): it records each file, writes its output
under `outdir`, and returns the small manifest entries (dicts of a few
hundred bytes; never the text). `run_dask` maps the batch tasks over
partitions with dask.distributed (a LocalCluster unless a scheduler address
is given) and yields entries as partitions finish, so the caller appends them
to the manifest as it goes. See docs/scaling.md.
"""
from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from pathlib import Path

from .work import Task, init_worker, process_chunk

_ready = False  # per worker process: init_worker ran


def _init_once() -> None:
    global _ready
    if not _ready:
        init_worker()
        _ready = True


def record_partition(paths: Iterable[str], outdir: str, fmt: str = "json", root: str | None = None,
                     use_file_date: bool = False, as_of: str = "9999-12-31") -> list[dict]:
    """Record every file of one partition; outputs go below `outdir`.

    With `root`, outputs mirror the tree below it (`outdir/<relative>.json`);
    without, they mirror each file's absolute path below `outdir`, so files
    of the same name from different folders never collide.
    """
    _init_once()  # rules, jieba, spaCy: loaded by a worker's first partition only
    tasks: list[Task] = []
    for p in paths:
        path = Path(p).resolve()
        r = Path(root).resolve() if root else Path(path.anchor)
        tasks.append((str(path), str(r), outdir, fmt, use_file_date, as_of, False))
    return process_chunk(tasks)


def _run_tasks(tasks: list[Task]) -> list[dict]:
    _init_once()
    return process_chunk(tasks)


def run_dask(tasks: list[Task], scheduler: str | None = None, n_workers: int = 2,
             partition_size: int = 64) -> Iterator[list[dict]]:
    """Map batch tasks (see runner.plan) over a dask cluster; yield each
    partition's entries as it completes. Closing the iteration early (Ctrl-C)
    cancels the partitions not yet finished."""
    from dask.distributed import Client, LocalCluster, as_completed

    cluster = None
    if not scheduler:
        cluster = LocalCluster(n_workers=n_workers, threads_per_worker=1, processes=True,
                               dashboard_address=None, silence_logs=logging.ERROR)
    client = Client(scheduler or cluster)
    futures = []
    try:
        for i in range(0, len(tasks), partition_size):
            futures.append(client.submit(_run_tasks, tasks[i:i + partition_size], pure=False))
        for fut in as_completed(futures):
            yield fut.result()
    finally:
        client.cancel(futures)
        client.close()
        if cluster is not None:
            cluster.close()
