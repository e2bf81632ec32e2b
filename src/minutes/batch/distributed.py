"""Beyond one machine: the same per-document work mapped by an existing engine.

`record_partition(paths, outdir, fmt)` is the entry point for any engine
(dask, Ray, Spark `mapPartitions`): it records each file, writes its output
under `outdir`, and returns the small manifest entries. `run_dask` maps it
over partitions with dask.distributed (a LocalCluster unless a scheduler
address is given). See docs/scaling.md.
"""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from .work import init_worker, process


def record_partition(paths: Iterable[str], outdir: str, fmt: str = "json", root: str | None = None,
                     use_file_date: bool = False, as_of: str = "9999-12-31") -> list[dict]:
    init_worker()  # cached per process: cheap after the first partition
    out = []
    for p in paths:
        r = root or str(Path(p).parent)
        out.append(process(p, r, outdir, fmt, use_file_date, as_of, False))
    return out


def run_dask(files: list[tuple[str, str]], outdir: str, fmt: str = "json", scheduler: str | None = None,
             n_workers: int = 2, partition_size: int = 64, use_file_date: bool = False,
             as_of: str = "9999-12-31") -> list[dict]:
    """`files` are (path, root) pairs; returns every file's manifest entry."""
    from dask.distributed import Client, LocalCluster

    cluster = None if scheduler else LocalCluster(n_workers=n_workers, threads_per_worker=1, processes=True,
                                                  dashboard_address=None)
    try:
        with Client(scheduler or cluster) as client:
            groups: dict[str, list[str]] = {}
            for p, r in files:
                groups.setdefault(r, []).append(p)
            futures = []
            for root, paths in groups.items():
                for i in range(0, len(paths), partition_size):
                    futures.append(client.submit(record_partition, paths[i:i + partition_size], outdir, fmt, root,
                                                 use_file_date, as_of, pure=False))
            return [e for part in client.gather(futures) for e in part]
    finally:
        if cluster is not None:
            cluster.close()
