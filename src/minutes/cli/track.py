"""`minutes track`: the 行动项跟踪表 — import, follow up, remind, report, archive."""
from __future__ import annotations

from enum import Enum
from typing import Annotated, Optional

import typer

track_app = typer.Typer(help="行动项跟踪表（SQLite）：导入、更新状态、逾期提醒、周报、闭环与归档。", no_args_is_help=True)
DbOption = Annotated[str, typer.Option("--db", help="跟踪表数据库文件")]


class ListFormat(str, Enum):
    md = "md"
    json = "json"
    csv = "csv"


class ExportFormat(str, Enum):
    csv = "csv"
    xlsx = "xlsx"


def register(app: typer.Typer) -> None:
    app.add_typer(track_app, name="track")


def _open(db: str, create: bool = False):
    """Read and update commands refuse a missing database; only `add` creates one."""
    from ..errors import MinutesError
    from ..track import Tracker
    from .common import error

    try:
        return Tracker(db, create=create)
    except MinutesError as exc:
        error(str(exc))
        raise typer.Exit(2) from None


def _guard(fn):
    """Tracker errors (unknown id, bad status, a lock held too long) → one line, exit 2."""
    import sqlite3

    from ..errors import MinutesError
    from .common import error

    try:
        return fn()
    except MinutesError as exc:
        error(str(exc))
        raise typer.Exit(2) from None
    except sqlite3.Error as exc:
        error(f"tracker database: {exc}")
        raise typer.Exit(2) from None


@track_app.command("add")
def add(
    files: Annotated[list[str], typer.Argument(help="会议记录文件")],
    db: DbOption = "minutes.db",
    date: Annotated[Optional[str], typer.Option("--date", help="会议日期 YYYY-MM-DD")] = None,
) -> None:
    """导入行动项；重复导入只更新，不会重复。

    Example: minutes track add corpora/samples/product-sync.md --db minutes.db
    """
    from .common import parse_date, records_of

    records, failed = records_of(files, parse_date(date), None)
    t = _open(db, create=True)
    r = _guard(lambda: t.import_records(records, [rec.document.path or "-" for rec in records]))
    typer.echo(f"新增 {r.added}，更新 {r.updated}，未变 {r.unchanged}（{db}）")
    if failed:
        raise typer.Exit(2)


@track_app.command("list")
def list_(
    db: DbOption = "minutes.db",
    owner: Annotated[Optional[str], typer.Option(help="负责人（包含）")] = None,
    status: Annotated[Optional[str], typer.Option(help="进行中/已完成/延期（或 in-progress/done/delayed）")] = None,
    due_before: Annotated[Optional[str], typer.Option("--due-before", help="截止日期早于 YYYY-MM-DD")] = None,
    fmt: Annotated[ListFormat, typer.Option("--format", "-f")] = ListFormat.md,
) -> None:
    """列出行动项。

    Example: minutes track list --status 进行中 --format json
    """
    import json

    from ..track.report import table_csv, table_md
    from .common import parse_date

    t = _open(db)
    rows = _guard(lambda: t.list(owner=owner, status=status, due_before=parse_date(due_before, "--due-before")))
    if fmt is ListFormat.json:
        typer.echo(json.dumps([a.as_dict() for a in rows], ensure_ascii=False, indent=1))
    elif fmt is ListFormat.csv:
        typer.echo(table_csv(rows), nl=False)
    else:
        typer.echo(table_md(rows), nl=False)


@track_app.command("set")
def set_(
    action_id: Annotated[str, typer.Argument(help="行动项编号")],
    status: Annotated[str, typer.Option("--status", help="进行中/已完成/延期（或 in-progress/done/delayed）")],
    db: DbOption = "minutes.db",
    note: Annotated[Optional[str], typer.Option(help="说明，记入历史")] = None,
) -> None:
    """更新状态，并记入历史。

    Example: minutes track set ab1a8ee4b8c1 --status 延期 --note "等待数据"
    """
    t = _open(db)
    a = _guard(lambda: t.set_status(action_id, status, note))
    typer.echo(f"{a.id} {a.task}：{a.status}")


@track_app.command("close")
def close(action_id: Annotated[str, typer.Argument(help="行动项编号")], db: DbOption = "minutes.db",
          note: Annotated[Optional[str], typer.Option(help="闭环说明")] = None) -> None:
    """闭环：标记为已完成。

    Example: minutes track close ab1a8ee4b8c1 --note "已上线"
    """
    t = _open(db)
    a = _guard(lambda: t.close_action(action_id, note))
    typer.echo(f"{a.id} {a.task}：已闭环")


@track_app.command("archive")
def archive(meeting: Annotated[str, typer.Argument(help="会议日期 YYYY-MM-DD 或来源文件")],
            db: DbOption = "minutes.db") -> None:
    """复盘归档：归档一次会议的全部行动项。

    Example: minutes track archive 2024-05-06
    """
    t = _open(db)
    n = _guard(lambda: t.archive(meeting))
    typer.echo(f"已归档 {n} 项（{meeting}）")


@track_app.command("overdue")
def overdue(db: DbOption = "minutes.db",
            as_of: Annotated[Optional[str], typer.Option("--as-of", help="以此日期判断逾期，默认今天")] = None) -> None:
    """逾期提醒：按负责人分组列出。

    Example: minutes track overdue --as-of 2024-05-20
    """
    from datetime import date

    from ..track.report import overdue_md
    from .common import parse_date

    day = parse_date(as_of, "--as-of") or date.today()
    t = _open(db)
    typer.echo(overdue_md(_guard(lambda: t.overdue(day)), day), nl=False)


@track_app.command("report")
def report(db: DbOption = "minutes.db",
           week: Annotated[bool, typer.Option("--week", help="周报（默认）")] = True,
           as_of: Annotated[Optional[str], typer.Option("--as-of", help="报告截止日期，默认今天")] = None) -> None:
    """周报：状态统计、本周变化、逾期项（Markdown）。

    Example: minutes track report --week --as-of 2024-05-20
    """
    from datetime import date

    from ..track.report import weekly_report
    from .common import parse_date

    del week  # the weekly report is the only one so far
    t = _open(db)
    day = parse_date(as_of, "--as-of") or date.today()
    typer.echo(_guard(lambda: weekly_report(t, day)), nl=False)


@track_app.command("export")
def export(out: Annotated[str, typer.Option("--output", "-o", help="输出文件")], db: DbOption = "minutes.db",
           fmt: Annotated[ExportFormat, typer.Option("--format", "-f")] = ExportFormat.csv) -> None:
    """把跟踪表导出为 CSV 或 Excel。

    Example: minutes track export --format xlsx -o 行动项跟踪表.xlsx
    """
    from ..errors import MinutesError
    from ..track.report import table_csv, table_xlsx

    from .common import error, write_output

    t = _open(db)
    rows = _guard(lambda: t.list(include_archived=True))
    try:
        out = write_output(table_xlsx(rows) if fmt is ExportFormat.xlsx else table_csv(rows), out, [db],
                           suffix=f".{fmt.value}") or out
    except MinutesError as exc:
        error(str(exc))
        raise typer.Exit(2) from None
    typer.echo(f"已导出 {len(rows)} 项到 {out}")
