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


def _stamp(as_of: str | None):
    """The moment an update is recorded: --as-of DATE (for back-filling and
    reproducible runs) or now."""
    from datetime import datetime, time

    from .common import parse_date

    day = parse_date(as_of, "--as-of")
    return datetime.combine(day, time(0, 0)) if day else None


AsOfOption = Annotated[Optional[str], typer.Option("--as-of", help="记录的日期 YYYY-MM-DD（默认现在）")]


@track_app.command("add")
def add(
    files: Annotated[list[str], typer.Argument(help="会议记录文件")],
    db: DbOption = "minutes.db",
    date: Annotated[Optional[str], typer.Option("--date", help="会议日期 YYYY-MM-DD")] = None,
    as_of: AsOfOption = None,
) -> None:
    """导入行动项；重复导入只更新，不会重复。

    Example: minutes track add corpora/samples/product-sync.md --db minutes.db
    """
    from .common import parse_date, records_of

    records, failed = records_of(files, parse_date(date), None)
    now = _stamp(as_of)
    t = _open(db, create=True)
    r = _guard(lambda: t.import_records(records, [rec.document.path or "-" for rec in records], now=now))
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
    reason: Annotated[Optional[str], typer.Option("--reason", help="延期原因（--status 延期 时必填）")] = None,
    due: Annotated[Optional[str], typer.Option("--due", help="调整后的截止日期 YYYY-MM-DD（--status 延期 时必填）")] = None,
    as_of: AsOfOption = None,
) -> None:
    """更新状态，并记入历史；延期须写明原因（--reason）和新的截止日期（--due）。

    Example: minutes track set ab1a8ee4b8c1 --status 延期 --reason "等待财务数据" --due 2024-05-24
    """
    from ..errors import MinutesError
    from ..track import normalize_status
    from .common import error, parse_date

    try:
        word = normalize_status(status)
    except MinutesError as exc:
        error(str(exc))
        raise typer.Exit(2) from None
    if word == "延期" and (not (reason or "").strip() or not due):
        missing = " and ".join(x for x, ok in (("--reason TEXT", (reason or "").strip()), ("--due YYYY-MM-DD", due)) if not ok)
        error(f"--status 延期 needs {missing}: say why it slipped and the adjusted date")
        raise typer.Exit(2)
    new_due = parse_date(due, "--due")
    now = _stamp(as_of)
    t = _open(db)
    a = _guard(lambda: t.set_status(action_id, status, note, now, reason=reason, due=new_due))
    extra = f"（新截止 {a.due}；原因：{a.reason}）" if word == "延期" else ""
    typer.echo(f"{a.id} {a.task}：{a.status}{extra}")


@track_app.command("close")
def close(action_id: Annotated[str, typer.Argument(help="行动项编号")], db: DbOption = "minutes.db",
          note: Annotated[Optional[str], typer.Option(help="闭环说明")] = None,
          evidence: Annotated[Optional[str], typer.Option("--evidence", help="证明材料：文件（复制保存）或链接")] = None,
          as_of: AsOfOption = None) -> None:
    """闭环：标记为已完成，并保存证明材料（文件副本或链接）。

    Example: minutes track close ab1a8ee4b8c1 --evidence 压测报告.pdf
    """
    now = _stamp(as_of)
    t = _open(db)
    a = _guard(lambda: t.close_action(action_id, note, now, proof=evidence))
    typer.echo(f"{a.id} {a.task}：已闭环" + (f"（证明材料：{a.proof}）" if a.proof else ""))


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


@track_app.command("remind")
def remind(
    out: Annotated[str, typer.Option("--output", "-o", help="输出目录：每位负责人一个 <负责人>.md 和 <负责人>.eml")],
    db: DbOption = "minutes.db",
    as_of: Annotated[Optional[str], typer.Option("--as-of", help="以此日期判断逾期和一周内到期，默认今天")] = None,
    days: Annotated[int, typer.Option("--days", help="提前提醒的天数")] = 7,
    addresses: Annotated[Optional[str], typer.Option("--addresses", help="通讯录文件：每行 姓名=邮箱")] = None,
) -> None:
    """催办提醒：给每位负责人写一封提醒（已逾期 + 一周内到期），Markdown 和 .eml 各一份。

    Example: minutes track remind --as-of 2024-10-14 -o 提醒
    """
    from datetime import date
    from pathlib import Path

    from ..track.followup import file_name, read_addresses, reminder_eml, reminder_md, reminders
    from .common import error, parse_date

    day = parse_date(as_of, "--as-of") or date.today()
    book = {}
    if addresses:
        try:
            book = read_addresses(Path(addresses).read_text(encoding="utf-8"))
        except OSError as exc:
            error(f"{addresses}: cannot read address book: {exc.strerror}")
            raise typer.Exit(2) from None
    groups = reminders(_open(db), day, days)
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    for owner, (late, soon) in groups.items():
        name = file_name(owner)
        (folder / f"{name}.md").write_text(reminder_md(owner, late, soon, day, days), encoding="utf-8")
        (folder / f"{name}.eml").write_bytes(reminder_eml(owner, late, soon, day, book.get(owner), days))
        typer.echo(f"{owner}：逾期 {len(late)} 项，{days} 天内到期 {len(soon)} 项 → {folder / name}.md, .eml")
    if not groups:
        typer.echo(f"截至 {day.isoformat()} 没有逾期或 {days} 天内到期的行动项。")


class SyncFormat(str, Enum):
    md = "md"
    eml = "eml"


@track_app.command("sync")
def sync(
    db: DbOption = "minutes.db",
    as_of: Annotated[Optional[str], typer.Option("--as-of", help="同步截止日期，默认今天")] = None,
    weeks: Annotated[int, typer.Option("--weeks", help="1 为周报，2 为双周报")] = 1,
    fmt: Annotated[SyncFormat, typer.Option("--format", "-f", help="md 或 eml（邮件）")] = SyncFormat.md,
    out: Annotated[Optional[str], typer.Option("--output", "-o", help="写入文件")] = None,
    addresses: Annotated[Optional[str], typer.Option("--addresses", help="通讯录文件：每行 姓名=邮箱")] = None,
) -> None:
    """进度同步邮件：本期完成、延期（原因与新计划）、逾期、下周到期，附行动项跟踪表。

    Example: minutes track sync --as-of 2024-10-14 --format eml -o 进度同步.eml
    """
    from datetime import date
    from pathlib import Path

    from ..track.followup import read_addresses, sync_eml, sync_md
    from .common import parse_date, write_output

    if weeks not in (1, 2):
        raise typer.BadParameter("1 (weekly) or 2 (biweekly)", param_hint="--weeks")
    day = parse_date(as_of, "--as-of") or date.today()
    t = _open(db)
    if fmt is SyncFormat.eml:
        book = read_addresses(Path(addresses).read_text(encoding="utf-8")) if addresses else {}
        body: str | bytes = sync_eml(t, day, weeks, book)
    else:
        subject, text = sync_md(t, day, weeks)
        body = f"主题：{subject}\n\n{text}"
    write_output(body, out, [])
    if out:
        typer.echo(f"已写入 {out}")


@track_app.command("review")
def review(
    topic: Annotated[str, typer.Argument(help="协作主题（复盘总结的标题）")],
    files: Annotated[Optional[list[str]], typer.Argument(help="这次协作的会议记录")] = None,
    out: Annotated[str, typer.Option("--output", "-o", help="归档目录，或以 .zip 结尾的压缩包")] = "复盘归档",
    db: DbOption = "minutes.db",
    attach: Annotated[Optional[list[str]], typer.Option("--attach", help="一并归档的文件（申请表、反馈、议程……），可重复")] = None,
    as_of: Annotated[Optional[str], typer.Option("--as-of", help="复盘日期，默认今天")] = None,
) -> None:
    """协作复盘：写协作复盘总结（全部记录、跟踪表、哪些延误及原因），并把记录、附件、证明材料和跟踪表归档为一个目录或 zip。

    Example: minutes track review "国庆大促上线" 2024-09-30-国庆大促协调会.md --attach brief.md -o 归档.zip
    """
    from datetime import date

    from ..track.archive import write_archive
    from .common import error, parse_date, records_of

    day = parse_date(as_of, "--as-of") or date.today()
    records, failed = records_of(files or [], None, None)
    if failed:
        raise typer.Exit(2)
    for f in attach or ():
        from pathlib import Path

        if not Path(f).is_file():
            error(f"{f}: no such file [E100]")
            raise typer.Exit(2)
    t = _open(db)
    n, archived = _guard(lambda: write_archive(t, topic, records, list(attach or ()), out, day))
    typer.echo(f"已写入复盘总结并归档到 {out}：{len(records)} 份记录，{n} 个行动项（{archived} 项标记为已归档）")
