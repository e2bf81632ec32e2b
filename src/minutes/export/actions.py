"""Exporters: `export(fmt, records) -> str | bytes`, one function per format."""
from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable, Iterator

from ..render.template import STATUS_LABEL, due_cell
from ..schema import Action, Record

CSV_COLUMNS = ("id", "task", "owner", "due", "due_text", "status", "source_file", "line", "evidence")
_GITHUB_LOGIN = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9-]{0,37}[A-Za-z0-9])?$")


def _actions(records: list[Record]) -> Iterator[tuple[Record, Action]]:
    for rec in records:
        for a in rec.actions:
            yield rec, a


def _file(rec: Record) -> str:
    return rec.document.path or "-"


def to_csv(records: list[Record]) -> str:
    """UTF-8 with a BOM: Excel opens Chinese text correctly only then."""
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(CSV_COLUMNS)
    for rec, a in _actions(records):
        w.writerow((a.id, a.task, a.owner or "", a.due or "", a.due_text or "", STATUS_LABEL[a.status],
                    _file(rec), a.source.line, a.source.text))
    return "\ufeff" + buf.getvalue()


def to_jsonl(records: list[Record]) -> str:
    lines = [json.dumps({**a.model_dump(mode="json"), "file": _file(rec)}, ensure_ascii=False)
             for rec, a in _actions(records)]
    return "\n".join(lines) + ("\n" if lines else "")


def to_ics(records: list[Record]) -> bytes:
    """RFC 5545 VTODOs: UID is the action id, DUE the resolved date."""
    from datetime import date

    from icalendar import Calendar, Todo

    cal = Calendar()
    cal.add("prodid", "-//minutes//行动项//ZH")
    cal.add("version", "2.0")
    for rec, a in _actions(records):
        todo = Todo()
        todo.add("uid", a.id)
        todo.add("summary", a.task)
        todo.add("description", f"负责人：{a.owner or '未指定'}\n原文（{_file(rec)}:{a.source.line}）：{a.source.text}")
        if a.due:
            try:
                todo.add("due", date.fromisoformat(a.due))
            except ValueError:  # an edited record (web page) whose due is not a date: no DUE
                pass
        todo.add("status", "COMPLETED" if a.status == "已完成" else "NEEDS-ACTION")
        cal.add_component(todo)
    return cal.to_ical()


def to_github(records: list[Record]) -> str:
    """Issue payloads for the GitHub REST API; an assignee only when the owner
    is a login-shaped name, never a guessed one."""
    out = []
    for rec, a in _actions(records):
        body = (f"{a.task}\n\n- 负责人：{a.owner or '未指定'}\n- 截止时间：{due_cell(a)}\n"
                f"- 来源：`{_file(rec)}:{a.source.line}`\n\n> {a.source.text}\n\n<!-- minutes-action-id: {a.id} -->")
        payload = {"title": a.task[:120], "body": body, "labels": ["minutes", "action"]}
        logins = [o for o in a.owners if _GITHUB_LOGIN.match(o)]
        if logins and len(logins) == len(a.owners):
            payload["assignees"] = logins
        out.append(payload)
    return json.dumps(out, ensure_ascii=False, indent=1) + "\n"


def to_jira(records: list[Record]) -> str:
    """CSV for Jira's importer; External ID keeps re-imports from duplicating."""
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(("Summary", "Description", "Assignee", "Due Date", "Labels", "External ID"))
    for rec, a in _actions(records):
        w.writerow((a.task[:250], f"{a.source.text}\n({_file(rec)}:{a.source.line})", a.owner or "",
                    a.due or "", "minutes", a.id))
    return "\ufeff" + buf.getvalue()


def to_markdown(records: list[Record]) -> str:
    rows = ["| 编号 | 任务描述 | 负责人 | 截止时间 | 完成状态 | 来源 |", "| --- | --- | --- | --- | --- | --- |"]
    for rec, a in _actions(records):
        cells = (a.id, a.task, a.owner or "—", due_cell(a), STATUS_LABEL[a.status], f"{_file(rec)}:{a.source.line}")
        rows.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    return "\n".join(rows) + "\n"


EXPORTERS: dict[str, Callable[[list[Record]], str | bytes]] = {
    "csv": to_csv, "jsonl": to_jsonl, "ics": to_ics, "github": to_github, "jira": to_jira, "markdown": to_markdown,
}


def export(fmt: str, records: list[Record]) -> str | bytes:
    return EXPORTERS[fmt](records)
