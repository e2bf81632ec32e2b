"""The record as Markdown laid out like the 跨部门协作沟通记录表."""
from __future__ import annotations

from ..schema import Record
from .template import ACTION_HEADER, action_rows, findings, meta_rows, title


def _cell(s: str) -> str:
    return s.replace("|", "\\|").replace("\n", " ")


def render(records: list[Record]) -> str:
    return "\n".join(render_one(r) for r in records)


def render_one(rec: Record) -> str:
    m = rec.meta
    out: list[str] = [f"# {title(rec)}", "", "## 基本信息", "", "| 项目 | 内容 |", "| --- | --- |"]
    out += [f"| {k} | {_cell(v)} |" for k, v in meta_rows(rec)]
    out += ["", "## 背景与目标", "", f"- 背景：{m.background or '—'}", f"- 目标：{m.goals or '—'}", ""]
    for name, items in (("讨论要点", rec.discussion), ("共识", rec.consensus), ("分歧", rec.disagreements)):
        out += [f"## {name}", ""]
        out += [f"- {i.text}（第{i.source.line}行）" for i in items] or ["- 无"]
        out.append("")
    out += ["## 行动项", "", "| " + " | ".join(ACTION_HEADER) + " |", "|" + " --- |" * len(ACTION_HEADER)]
    out += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in action_rows(rec)]
    if not rec.actions:
        out.append("| — | 无 | — | — | — |")
    out += ["", "## 待补充与模糊表述", ""]
    out += [f"- {f}" for f in findings(rec)] or ["- 无"]
    return "\n".join(out) + "\n"
