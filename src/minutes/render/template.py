"""The 跨部门协作沟通记录表 layout, defined once for every renderer."""
from __future__ import annotations

import re

from ..schema import Action, Record

# XML 1.0 forbids these; Word and Excel files are XML, so they are dropped there.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(s: object) -> object:
    return _NOT_XML.sub("", s) if isinstance(s, str) else s

ACTION_HEADER = ("序号", "任务描述", "负责人", "截止时间", "完成状态")
STATUS_LABEL = {"open": "进行中", "进行中": "进行中", "已完成": "已完成", "延期": "延期"}
SECTIONS = ("基本信息", "背景与目标", "讨论要点", "共识", "分歧", "行动项", "待补充与模糊表述")


def meta_rows(rec: Record) -> list[tuple[str, str]]:
    m = rec.meta
    people = "、".join(m.participants)
    if m.departments:
        people = "；".join(f"{d}：{'、'.join(ns)}" for d, ns in m.departments.items())
    rows = [("沟通主题", m.topic), ("日期", m.date), ("时间", m.time), ("地点/方式", m.location),
            ("参与部门及人员", people or None), ("发起人", m.initiator), ("记录人", m.recorder)]
    return [(k, v or "—") for k, v in rows]


def due_cell(a: Action) -> str:
    if a.due_text and a.due and a.due_text != a.due:
        return f"{a.due_text}（{a.due}）"
    return a.due or a.due_text or "—"


def action_rows(rec: Record) -> list[tuple[str, str, str, str, str]]:
    return [(str(n), a.task, a.owner or "—", due_cell(a), STATUS_LABEL[a.status])
            for n, a in enumerate(rec.actions, 1)]


def findings(rec: Record) -> list[str]:
    """What the recorder should fix: missing fields and vague wording, with lines."""
    out = [f"{f'第{f.line}行：' if f.line else ''}{f.message}" for f in rec.missing]
    out += [f"第{v.source.line}行：{v.message}（{v.rule}）" for v in rec.vague]
    return out


def title(rec: Record) -> str:
    return rec.meta.topic or "会议记录"
