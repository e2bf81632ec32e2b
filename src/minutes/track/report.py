"""The weekly status report and table exports of the 行动项跟踪表."""
from __future__ import annotations

import csv
import io
from collections import Counter
from datetime import date, timedelta

from .store import STATUSES, TrackedAction, Tracker

COLUMNS = ("id", "task", "owner", "due", "due_text", "status", "meeting", "source_file", "line")


def _md_table(header: tuple[str, ...], rows: list[tuple]) -> list[str]:
    out = ["| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
    out += ["| " + " | ".join(str(c if c is not None else "—").replace("|", "\\|") for c in r) + " |" for r in rows]
    return out


def table_md(actions: list[TrackedAction]) -> str:
    rows = [(a.id, a.task, a.owner, a.due or a.due_text, a.status, f"{a.source_file}:{a.line}") for a in actions]
    return "\n".join(_md_table(("编号", "任务描述", "负责人", "截止时间", "完成状态", "来源"), rows)) + "\n"


def table_csv(actions: list[TrackedAction]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(COLUMNS)
    for a in actions:
        w.writerow(tuple(getattr(a, c) or "" for c in COLUMNS))
    return "\ufeff" + buf.getvalue()


def table_xlsx(actions: list[TrackedAction]) -> bytes:
    from openpyxl import Workbook

    from ..render.xlsx import add_sheet, to_bytes

    wb = Workbook()
    wb.remove(wb.active)
    add_sheet(wb, "行动项跟踪表", COLUMNS, (tuple(getattr(a, c) for c in COLUMNS) for a in actions))
    return to_bytes(wb)


def overdue_md(groups: dict[str, list[TrackedAction]], as_of: date) -> str:
    if not groups:
        return f"截至 {as_of.isoformat()} 没有逾期的行动项。\n"
    out = [f"# 逾期行动项（截至 {as_of.isoformat()}）", ""]
    for owner, items in sorted(groups.items()):
        out += [f"## {owner}（{len(items)} 项）", ""]
        out += [f"- [{a.id}] {a.task}：截止 {a.due}，已逾期 {(as_of - date.fromisoformat(a.due)).days} 天"
                f"（{a.source_file}:{a.line}）" for a in items if a.due]
        out.append("")
    return "\n".join(out)


def weekly_report(tracker: Tracker, as_of: date) -> str:
    """Counts by status, what changed in the last seven days, what is overdue."""
    actions = tracker.list()
    counts = Counter(a.status for a in actions)
    since = (as_of - timedelta(days=7)).isoformat()
    changes = [h for h in tracker.history(since) if h["at"] <= as_of.isoformat() + "T99"]
    out = [f"# 行动项周报（{since} 至 {as_of.isoformat()}）", "", "## 状态统计", ""]
    out += _md_table(("状态", "数量"), [(s, counts.get(s, 0)) for s in STATUSES] + [("合计", len(actions))])
    out += ["", "## 本周变化", ""]
    if changes:
        out += _md_table(("时间", "编号", "任务", "变化", "说明"),
                         [(h["at"], h["action_id"], h["task"], f"{h['field']}: {h['old'] or '—'} → {h['new'] or '—'}",
                           h["note"]) for h in changes])
    else:
        out.append("本周没有变化。")
    out += ["", "## 逾期", "", overdue_md(tracker.overdue(as_of), as_of).strip()]
    return "\n".join(out) + "\n"
