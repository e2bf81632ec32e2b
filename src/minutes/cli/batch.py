"""`minutes batch`: historical minutes in bulk — resumable, parallel, with a report."""
from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated, Any, Optional

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
    outdir: Annotated[str, typer.Option("--output", "-o", help="输出文件夹：每个输入一份记录，外加 manifest.jsonl 与 report.md/json")],
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=0, help="并行的工作进程数，0 表示 CPU 核数")] = 0,
    fmt: Annotated[BatchFormat, typer.Option("--format", "-f", help="记录格式")] = BatchFormat.json,
    glob: Annotated[Optional[list[str]], typer.Option("--glob", help="文件名模式，可重复；默认 *.md *.txt *.docx")] = None,
    date_from_filename: Annotated[bool, typer.Option("--date-from-filename", help="用文件名里的日期作会议日期")] = False,
    actions_db: Annotated[Optional[str], typer.Option("--actions-db", help="把全部行动项导入此跟踪表（SQLite）")] = None,
    engine: Annotated[Engine, typer.Option("--engine", help="local（本机进程池）或 dask（dask.distributed）")] = Engine.local,
    scheduler: Annotated[Optional[str], typer.Option("--scheduler", help="dask 调度器地址，如 tcp://host:8786（默认本机集群）")] = None,
    as_of: Annotated[Optional[str], typer.Option("--as-of", help="判断逾期的日期 YYYY-MM-DD，默认今天")] = None,
    include_docs: Annotated[bool, typer.Option("--include-docs", help="也处理 README.md、SOURCES.md 之类的说明文件（默认跳过）")] = False,
    rules: Annotated[Optional[list[str]], typer.Option("--rules", metavar="DIR", help="额外的规则文件夹（可重复）")] = None,
) -> None:
    """批量整理历史纪要：并行、可断点续跑，输出目录镜像输入目录，最后给出报告。

    退出码：0 全部成功；1 有文件失败（见 report.md）；2 用法错误；130 被中断（可重跑续做）。

    Example: minutes batch 历史纪要/ -o 整理结果/ --jobs 2
    """
    import os
    import time
    from datetime import date

    from ..batch import report as rep
    from ..batch.progress import Progress
    from ..batch.runner import DEFAULT_GLOBS, Manifest, Options, run
    from .common import error, parse_date, use_rules

    use_rules(rules)
    roots = [Path(d) for d in dirs]
    out = Path(outdir)
    _check_paths(roots, out)
    if scheduler and engine is not Engine.dask:
        raise typer.BadParameter("--scheduler needs --engine dask", param_hint="--scheduler")
    if engine is Engine.dask:
        import importlib.util

        if importlib.util.find_spec("dask") is None or importlib.util.find_spec("distributed") is None:
            error("--engine dask needs dask[distributed]: pip install 'dask[distributed]'")
            raise typer.Exit(2)
    today = (parse_date(as_of, "--as-of") or date.today()).isoformat()  # the clock, read once
    sink = _tracker_sink(actions_db) if actions_db else None
    opts = Options(out, jobs or os.cpu_count() or 1, fmt.value, tuple(glob or DEFAULT_GLOBS),
                   date_from_filename, today, want_records=sink is not None, include_docs=include_docs)
    t0 = time.perf_counter()
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        error(f"{out}: cannot create the output folder: {exc.strerror}")
        raise typer.Exit(2) from None
    with Progress() as progress:
        result = run(roots, opts, on_done=progress.done, total_hook=progress.start, before_commit=sink,
                     engine=engine.value, scheduler=scheduler)
    manifest = Manifest(out)  # the whole manifest: a resumed run reports on every file
    manifest.close()
    summary = rep.summarize(manifest.done, len(result.entries), result.skipped, time.perf_counter() - t0,
                            result.interrupted, today)
    rep.write(out, summary)
    typer.echo(rep.text(summary, out))
    if opts.skipped_docs:
        names = ", ".join(p.name for p in opts.skipped_docs[:3]) + (" …" if len(opts.skipped_docs) > 3 else "")
        typer.echo(f"minutes: skipped {len(opts.skipped_docs)} folder description file(s) ({names}); "
                   "--include-docs processes them too", err=True)
    for f in summary["failures"]:
        error(f"{f['path']}: {f['reason']}: {f['error']}")
    if result.interrupted:
        error("interrupted: the manifest is intact; run the same command again to finish")
        raise typer.Exit(130)
    if summary["failed"]:
        raise typer.Exit(1)


def _check_paths(roots: list[Path], out: Path) -> None:
    """Usage errors, before any work: missing inputs, and an OUTDIR that is,
    or contains, an input (its outputs would land among the inputs, or the
    inputs would be pruned from the walk). An OUTDIR inside an input folder
    is fine: the walk skips it."""
    from .common import error

    o = out.resolve()
    for r in roots:
        if not r.exists():
            error(f"{r}: no such file or folder")
            raise typer.Exit(2)
        rr = r.resolve()
        if rr == o or o in rr.parents:
            error(f"{r}: the output folder {out} must not be, or contain, an input")
            raise typer.Exit(2)


def _tracker_sink(db: str) -> Any:
    """A hook that imports each finished file's actions into the tracker,
    before the file is marked done in the manifest."""
    from .common import error

    try:
        from ..track import Tracker
    except ImportError:
        error("--actions-db: tracker not available (minutes.track is not installed)")
        raise typer.Exit(2) from None
    from ..errors import MinutesError
    from ..schema import Record

    try:
        tracker = Tracker(db)
    except MinutesError as exc:
        error(str(exc))
        raise typer.Exit(2) from None

    def sink(entries: list[dict]) -> None:
        done = [e for e in entries if e.get("record")]
        if done:
            tracker.import_records([Record.model_validate(e["record"]) for e in done], [e["path"] for e in done])

    return sink
