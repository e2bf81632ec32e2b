"""`minutes batch`: historical minutes in bulk — resumable, parallel, with a report."""
from __future__ import annotations

from enum import Enum
from typing import Annotated, Optional

import typer


class BatchFormat(str, Enum):
    json = "json"
    md = "md"
    docx = "docx"


class Engine(str, Enum):
    local = "local"
    dask = "dask"


def register(app: typer.Typer) -> None:
    app.command("batch")(batch)


def batch(
    dirs: Annotated[list[str], typer.Argument(help="要处理的文件夹（或文件）")],
    outdir: Annotated[str, typer.Option("--output", "-o", help="输出文件夹：记录、manifest.jsonl、report.md/json")],
    jobs: Annotated[int, typer.Option("--jobs", "-j", help="并行的工作进程数，默认 CPU 核数")] = 0,
    fmt: Annotated[BatchFormat, typer.Option("--format", "-f")] = BatchFormat.json,
    glob: Annotated[Optional[list[str]], typer.Option("--glob", help="文件名模式，可重复；默认 *.md *.txt *.docx")] = None,
    date_from_filename: Annotated[bool, typer.Option("--date-from-filename", help="用文件名里的日期作会议日期")] = False,
    actions_db: Annotated[Optional[str], typer.Option("--actions-db", help="把全部行动项导入此跟踪表")] = None,
    engine: Annotated[Engine, typer.Option("--engine", help="local（进程池）或 dask")] = Engine.local,
    scheduler: Annotated[Optional[str], typer.Option("--scheduler", help="dask 调度器地址（默认本机集群）")] = None,
    as_of: Annotated[Optional[str], typer.Option("--as-of", help="判断逾期的日期，默认今天")] = None,
) -> None:
    """批量整理历史纪要：并行、可断点续跑，输出目录镜像输入目录，最后给出报告。

    退出码：0 全部成功；1 有文件失败（见 report.md）；2 用法错误。

    Example: minutes batch 历史纪要/ -o 整理结果/ --jobs 2
    """
    import os
    import sys
    import time
    from datetime import date
    from pathlib import Path

    from ..batch import DEFAULT_GLOBS, Options, run
    from ..batch import report as rep
    from ..batch.runner import Manifest
    from .common import error, parse_date

    roots = [Path(d) for d in dirs]
    for r in roots:
        if not r.exists():
            error(f"{r}: no such file or folder")
            raise typer.Exit(2)
    today = (parse_date(as_of, "--as-of") or date.today()).isoformat()
    out = Path(outdir)
    if any(out.resolve() == r.resolve() for r in roots):
        error("the output folder must not be an input folder")
        raise typer.Exit(2)
    opts = Options(out, jobs or os.cpu_count() or 1, fmt.value, tuple(glob or DEFAULT_GLOBS),
                   date_from_filename, today, want_records=bool(actions_db))
    t0 = time.perf_counter()
    if engine is Engine.dask:
        result = _dask(roots, opts, scheduler)
    else:
        progress = _Progress(sys.stderr.isatty())
        with progress:
            result = run(roots, opts, on_done=progress.done, total_hook=progress.start)
    if actions_db:
        _import(actions_db, result.entries)
    m = Manifest(out)
    m.close()
    summary = rep.summarize(m.done, len(result.entries), result.skipped, time.perf_counter() - t0,
                            result.interrupted, today)
    rep.write(out, summary)
    typer.echo(f"{summary['ok']} ok, {summary['failed']} failed, {summary['actions']} actions "
               f"({summary['processed_this_run']} processed, {summary['skipped_up_to_date']} up to date) → {out / 'report.md'}",
               err=True)
    for f in summary["failures"]:
        typer.echo(f"minutes: error: {f['path']}: {f['reason']}: {f['error']}", err=True)
    if result.interrupted:
        raise typer.Exit(130)
    if summary["failed"]:
        raise typer.Exit(1)


def _dask(roots, opts, scheduler):
    from ..batch.distributed import run_dask
    from ..batch.runner import Manifest, RunResult, walk

    out = opts.outdir
    out.mkdir(parents=True, exist_ok=True)
    m = Manifest(out)
    files = [(str(p), str(r)) for p, r in walk(roots, opts.globs, out) if not m.up_to_date(p)]
    result = RunResult()
    for e in run_dask(files, str(out), opts.fmt, scheduler, use_file_date=opts.use_file_date, as_of=opts.as_of):
        m.add(e)
        result.entries.append(e)
    m.close()
    return result


def _import(db: str, entries: list[dict]) -> None:
    from ..schema import Record
    from ..track import Tracker

    records = [Record.model_validate(e["record"]) for e in entries if e.get("record")]
    r = Tracker(db).import_records(records, [e["path"] for e in entries if e.get("record")])
    typer.echo(f"跟踪表 {db}：新增 {r.added}，更新 {r.updated}，未变 {r.unchanged}", err=True)


class _Progress:
    """A rich progress bar on a terminal (files, MB/s, ETA, failures); plain lines otherwise."""

    def __init__(self, tty: bool) -> None:
        self.tty, self.n, self.failed, self.bytes = tty, 0, 0, 0
        self.total = 0
        self._bar = None

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        if self._bar is not None:
            self._bar.stop()

    def start(self, total: int, total_bytes: int) -> None:
        import time

        self.total, self.t0 = total, time.perf_counter()
        if self.tty and total:
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

            self._bar = Progress(TextColumn("[bold]minutes batch"), BarColumn(), MofNCompleteColumn(),
                                 TextColumn("{task.fields[rate]} MB/s"), TimeRemainingColumn(),
                                 TextColumn("failed {task.fields[failed]}"))
            self._task = self._bar.add_task("files", total=total, rate="0.00", failed=0)
            self._bar.start()

    def done(self, entry: dict) -> None:
        import time

        self.n += 1
        self.bytes += entry.get("size", 0)
        self.failed += entry.get("status") == "failed"
        rate = self.bytes / 1e6 / max(1e-9, time.perf_counter() - self.t0)
        if self._bar is not None:
            self._bar.update(self._task, advance=1, rate=f"{rate:.2f}", failed=self.failed)
        else:
            status = entry.get("status")
            extra = f" ({entry.get('reason')})" if status == "failed" else ""
            print(f"[{self.n}/{self.total}] {status}{extra} {entry['path']}", flush=True)
