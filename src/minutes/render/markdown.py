"""The record as Markdown laid out like the 跨部门协作沟通记录表."""
from __future__ import annotations

from ..schema import Record

_STATUS = {"open": "进行中", "进行中": "进行中", "已完成": "已完成", "延期": "延期"}


def _cell(s: str | None) -> str:
    return (s or "—").replace("|", "\\|").replace("\n", " ")


def render(records: list[Record]) -> str:
    return "\n".join(render_one(r) for r in records)


def render_one(rec: Record) -> str:
    m = rec.meta
    out: list[str] = [f"# {m.topic or '会议记录'}", "", "## 基本信息", "", "| 项目 | 内容 |", "| --- | --- |"]
    people = "、".join(m.participants)
    if m.departments:
        people = "；".join(f"{d}：{'、'.join(ns)}" for d, ns in m.departments.items())
    rows = [("沟通主题", m.topic), ("日期", m.date), ("时间", m.time), ("地点/方式", m.location),
            ("参与部门及人员", people or None), ("发起人", m.initiator), ("记录人", m.recorder)]
    out += [f"| {k} | {_cell(v)} |" for k, v in rows]
    out += ["", "## 背景与目标", "", f"- 背景：{m.background or '—'}", f"- 目标：{m.goals or '—'}", ""]
    for title, items in (("讨论要点", rec.discussion), ("共识", rec.consensus), ("分歧", rec.disagreements)):
        out += [f"## {title}", ""]
        out += [f"- {i.text}（第{i.source.line}行）" for i in items] or ["- 无"]
        out.append("")
    out += ["## 行动项", "", "| 序号 | 任务描述 | 负责人 | 截止时间 | 完成状态 |", "| --- | --- | --- | --- | --- |"]
    for n, a in enumerate(rec.actions, 1):
        due = a.due or ""
        if a.due_text and a.due_text != a.due:
            due = f"{a.due_text}（{a.due}）" if a.due else a.due_text
        out.append(f"| {n} | {_cell(a.task)} | {_cell(a.owner)} | {_cell(due or None)} | {_STATUS[a.status]} |")
    if not rec.actions:
        out.append("| — | 无 | — | — | — |")
    out += ["", "## 待补充与模糊表述", ""]
    for f in rec.missing:
        where = f"第{f.line}行：" if f.line else ""
        out.append(f"- {where}{f.message}")
    for v in rec.vague:
        out.append(f"- 第{v.source.line}行：{v.message}（{v.rule}）")
    if not rec.missing and not rec.vague:
        out.append("- 无")
    return "\n".join(out) + "\n"
