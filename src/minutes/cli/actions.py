"""`minutes actions`: the action items of minutes, for trackers."""
from __future__ import annotations

from enum import Enum
from typing import Annotated, Optional

import typer


class ActionFormat(str, Enum):
    csv = "csv"
    jsonl = "jsonl"
    ics = "ics"
    github = "github"
    jira = "jira"
    markdown = "markdown"


def register(app: typer.Typer) -> None:
    app.command("actions")(actions)


def actions(
    files: Annotated[list[str], typer.Argument(help="会议记录文件，- 表示标准输入")],
    date: Annotated[Optional[str], typer.Option("--date", help="会议日期 YYYY-MM-DD")] = None,
    fmt: Annotated[ActionFormat, typer.Option("--format", "-f", help="导出格式")] = ActionFormat.csv,
    out: Annotated[Optional[str], typer.Option("--output", "-o", help="写入文件")] = None,
    encoding: Annotated[Optional[str], typer.Option(help="指定编码（默认自动识别）")] = None,
) -> None:
    """导出行动项：CSV（带 BOM）、JSONL、iCalendar 待办、GitHub issue、Jira CSV、Markdown。

    Example: minutes actions corpora/samples/product-sync.md --format ics -o actions.ics
    """
    from ..export import export
    from .common import error, parse_date, records_of, write_output

    records, failed = records_of(files, parse_date(date), encoding)
    if records:
        try:
            ext = {"jsonl": "jsonl", "ics": "ics", "markdown": "md", "github": "md"}.get(fmt.value, "csv")
            write_output(export(fmt.value, records), out, files, suffix=f".actions.{ext}")
        except Exception as exc:  # noqa: BLE001 - one line, never a traceback
            error(str(exc))
            raise typer.Exit(2) from None
    if failed:
        raise typer.Exit(2)
