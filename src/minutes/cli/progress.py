"""A progress line on stderr for long single-document work.

Nothing is shown for the first second (most documents are done by then), and
nothing at all unless stderr is a terminal: logs and pipes stay clean. The
line names the file, its size, the pipeline stage and the seconds elapsed, and
is erased when the work is done.
"""
from __future__ import annotations

import sys
import threading
import time
from typing import TextIO


class Ticker:
    def __init__(self, stream: TextIO | None = None, delay: float = 1.0, interval: float = 0.25,
                 enabled: bool | None = None) -> None:
        self.stream = stream or sys.stderr
        if enabled is None:
            try:
                enabled = self.stream.isatty()
            except (AttributeError, ValueError):
                enabled = False
        self.enabled = enabled
        self.delay, self.interval = delay, interval
        self._what = ""
        self._stage = ""
        self._since = time.monotonic()
        self._stop = threading.Event()
        self._shown = False
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    def __enter__(self) -> "Ticker":
        if self.enabled:
            self._thread = threading.Thread(target=self._run, name="minutes-progress", daemon=True)
            self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
        self._clear()

    def file(self, name: str, chars: int) -> None:
        """A new document begins: the clock restarts for it."""
        size = f"{chars / 1e6:.1f} M" if chars >= 1e6 else f"{chars / 1e3:.0f} K"
        with self._lock:
            self._clear()
            self._what, self._stage, self._since = f"{name} ({size} chars)", "", time.monotonic()

    def stage(self, name: str) -> None:
        self._stage = name

    def _run(self) -> None:
        while not self._stop.wait(self.interval if self._shown else min(self.interval, self.delay) or 0.01):
            with self._lock:
                elapsed = time.monotonic() - self._since
                if self._what and elapsed >= self.delay:
                    stage = f": {self._stage}" if self._stage else ""
                    self.stream.write(f"\r\033[Kminutes: {self._what}{stage} … {elapsed:.0f} s")
                    self.stream.flush()
                    self._shown = True

    def _clear(self) -> None:
        if self._shown:
            self.stream.write("\r\033[K")
            self.stream.flush()
            self._shown = False
