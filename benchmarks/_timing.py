"""Shared by the benchmarks: the median wall time of a command, cold."""
from __future__ import annotations

import statistics
import subprocess
import time


def median_wall(argv: list[str], n: int) -> float:
    runs = []
    for _ in range(n):
        t = time.perf_counter()
        subprocess.run(argv, capture_output=True, check=False)
        runs.append(time.perf_counter() - t)
    return statistics.median(runs)
