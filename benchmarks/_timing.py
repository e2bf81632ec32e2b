"""Shared by the benchmarks: the median wall time of a command, cold, and
the best CPU time of in-process work measured side by side."""
from __future__ import annotations

import statistics
import subprocess
import time
from collections.abc import Callable


def median_wall(argv: list[str], n: int) -> float:
    runs = []
    for _ in range(n):
        t = time.perf_counter()
        subprocess.run(argv, capture_output=True, check=False)
        runs.append(time.perf_counter() - t)
    return statistics.median(runs)


def interleaved_best(fns: list[Callable[[], object]], rounds: int) -> list[float]:
    """The least process CPU time of each of `fns` over `rounds` rounds, each
    round running every one once in turn. The machine is shared: wall time
    swings by half from one run to the next, and a burst of load that hit
    one function's runs all at once skewed its ratio to the reference. Run
    side by side and timed on the CPU, a ratio holds to a few hundredths."""
    best = [float("inf")] * len(fns)
    for _ in range(rounds):
        for i, fn in enumerate(fns):
            t = time.process_time()
            fn()
            best[i] = min(best[i], time.process_time() - t)
    return best
