"""`minutes when`: resolve a Chinese deadline expression to a date."""
from __future__ import annotations

from typing import Annotated, Optional

import typer


def register(app: typer.Typer) -> None:
    app.command("when")(when)


def when(
    text: Annotated[Optional[str], typer.Argument(help="截止时间的说法，如“下周三前”")] = None,
    ref: Annotated[Optional[str], typer.Option("--ref", help="参照日期（会议日期）YYYY-MM-DD，默认今天")] = None,
    jsonl: Annotated[bool, typer.Option("--jsonl", help='从标准输入逐行读取 {"text","ref"}，逐行输出结果')] = False,
    holiday_before: Annotated[Optional[str], typer.Option(
        "--holiday-before", help="“春节前/国庆前”取 workday（节前最后一个工作日，默认）或 eve（放假前一天）；"
                                 "也可设环境变量 MINUTES_HOLIDAY_BEFORE")] = None,
) -> None:
    """把中文截止时间解析为日期，并说明如何解读。无法解析时退出码为 1。

    Example: minutes when "下周三前" --ref 2024-05-06
    """
    from datetime import date

    from .common import parse_date

    if holiday_before is not None:
        from ..resolve.dates import set_holiday_before

        try:
            set_holiday_before(holiday_before)
        except ValueError as exc:
            raise typer.BadParameter(str(exc), param_hint="--holiday-before") from None
    if jsonl:
        _jsonl()
        return
    if not text:
        raise typer.BadParameter("give a TEXT, or --jsonl to read lines from stdin", param_hint="TEXT")
    from ..resolve.dates import find_deadline

    base = parse_date(ref, "--ref") or date.today()  # the CLI reads the clock; the resolver never does
    d = find_deadline(text, base)
    if d is None:
        typer.echo(f"「{text}」里没有截止时间")
        raise typer.Exit(1)
    if d.date is None:
        typer.echo(f"「{d.text}」没有具体日期（模糊表述，{d.rule}）")
        raise typer.Exit(1)
    at = f"，时间 {d.time}" if d.time else ""
    typer.echo(f"{d.date.isoformat()}\t{d.reading}（参照 {base.isoformat()}{at}，{d.rule}）")


def _jsonl() -> None:
    """One JSON line out per line in, in order, in one process."""
    import json
    import sys
    from datetime import date

    from ..resolve.dates import find_deadline

    today = date.today()
    out = sys.stdout
    for n, line in enumerate(sys.stdin, 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
            text = obj["text"]
            ref = date.fromisoformat(obj["ref"]) if obj.get("ref") else today
            if not isinstance(text, str):
                raise TypeError("text must be a string")
        except (ValueError, KeyError, TypeError) as exc:
            out.write(json.dumps({"line": n, "error": f"{type(exc).__name__}: {exc}"}, ensure_ascii=False) + "\n")
            continue
        d = find_deadline(text, ref)
        out.write(json.dumps({
            "text": text, "ref": ref.isoformat(),
            "date": d.date.isoformat() if d is not None and d.date is not None else None,
            "due_text": d.text if d is not None else None,
            "vague": bool(d is not None and d.vague), "rule": d.rule if d is not None else None,
            "time": d.time if d is not None else None,
        }, ensure_ascii=False) + "\n")
