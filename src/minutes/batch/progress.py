"""Progress of a batch run: a rich bar on a terminal (files, MB/s, ETA,
failures), one plain line per file otherwise (logs, CI, pipes)."""
from __future__ import annotations

import sys
import time
from typing import Any, TextIO


class Progress:
    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stderr
        self.tty = self.stream.isatty()
        self.n = self.failed = self.bytes = self.total = 0
        self.t0 = time.perf_counter()
        self._bar: Any = None
        self._task: Any = None

    def __enter__(self) -> "Progress":
        return self

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.stop()

    def start(self, total: int, total_bytes: int) -> None:
        self.total, self.t0 = total, time.perf_counter()
        if self.tty and total:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress as Bar, TextColumn, TimeRemainingColumn

            self._bar = Bar(TextColumn("[bold]minutes batch"), BarColumn(), MofNCompleteColumn(),
                            TextColumn("{task.fields[rate]} MB/s"), TimeRemainingColumn(),
                            TextColumn("失败 {task.fields[failed]}"), console=Console(file=self.stream))
            self._task = self._bar.add_task("files", total=total, rate="0.00", failed=0)
            self._bar.start()
        elif not self.tty:
            print(f"minutes batch: {total} files to do, {total_bytes / 1e6:.2f} MB", file=self.stream, flush=True)

    def done(self, entries: list[dict]) -> None:
        for entry in entries:
            self.n += 1
            self.bytes += entry.get("size", 0)
            failed = entry.get("status") == "failed"
            self.failed += failed
            if self._bar is None:
                extra = f" ({entry.get('reason')}: {entry.get('error')})" if failed else ""
                print(f"[{self.n}/{self.total}] {entry.get('status')} {entry['path']}{extra}",
                      file=self.stream, flush=True)
        if self._bar is not None:
            rate = self.bytes / 1e6 / max(1e-9, time.perf_counter() - self.t0)
            self._bar.update(self._task, advance=len(entries), rate=f"{rate:.2f}", failed=self.failed)
