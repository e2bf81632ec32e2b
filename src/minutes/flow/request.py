"""`minutes request`: the 跨部门协作沟通申请表 from a short brief, and the
check that it goes out at least 2 working days before the meeting."""
from __future__ import annotations

from datetime import date

from ..schema import Brief
from . import workdays
from .fields import day_of, departments_of, read_fields, text_of, time_of

LABELS: dict[str, tuple[str, ...]] = {
    "topic": ("主题", "沟通主题", "会议主题", "议题", "topic"),
    "initiator": ("发起人", "申请人", "发起部门", "initiator"),
    "background": ("背景与目标", "背景", "目标", "沟通背景", "background", "goals"),
    "departments": ("涉及部门及核心人员", "涉及部门", "参与部门", "参与部门及人员", "核心人员", "departments"),
    "outputs": ("期望输出", "预期输出", "期望成果", "outputs"),
    "mode": ("建议方式", "沟通方式", "方式", "会议方式", "mode"),
    "when": ("时间", "建议时间", "会议时间", "日期", "date", "when"),
    "location": ("地点", "会议地点", "location"),
    "sent": ("申请发出", "发出日期", "申请日期", "发送日期", "sent"),
}


def brief_from_text(text: str, path: str | None = None, ref: date | None = None) -> Brief:
    fields, title = read_fields(text, LABELS, path)
    when = text_of(fields.get("when"))
    meeting = day_of(when, ref)
    b = Brief(topic=text_of(fields.get("topic")) or _title(title), initiator=text_of(fields.get("initiator")),
              background=text_of(fields.get("background")), departments=departments_of(fields.get("departments")),
              outputs=text_of(fields.get("outputs")), mode=text_of(fields.get("mode")),
              date=meeting.isoformat() if meeting else None, time=time_of(when)[0],
              location=text_of(fields.get("location")))
    sent = day_of(text_of(fields.get("sent")), meeting or ref)
    b.sent = sent.isoformat() if sent else None
    return b


def _title(title: str | None) -> str | None:
    if not title:
        return None
    for prefix in ("跨部门协作沟通申请表：", "跨部门协作沟通申请表:", "沟通申请表：", "申请表："):
        if title.startswith(prefix):
            return title[len(prefix):].strip() or None
    return None if title.endswith("申请表") else title


def check(b: Brief) -> Brief:
    """Fill in the last day to send, the feedback due day and whether the
    send date keeps the 2-working-day rule."""
    if b.date is None:
        return b
    c = workdays.request_check(date.fromisoformat(b.date), date.fromisoformat(b.sent) if b.sent else None)
    b.last_send, b.on_time, b.check = c.deadline.isoformat(), c.ok, c.line()
    send = date.fromisoformat(b.sent) if b.sent else c.deadline
    b.feedback_due = workdays.feedback_check(send, None).deadline.isoformat()
    return b


def rows(b: Brief) -> list[tuple[str, str]]:
    depts = "；".join(f"{d}：{'、'.join(ns)}" if ns else d for d, ns in b.departments.items())
    when = " ".join(x for x in (b.date, b.time) if x)
    last = f"{b.last_send}（会前至少 {workdays.REQUEST_DAYS} 个工作日）" if b.last_send else None
    return [(k, v or "—") for k, v in (
        ("沟通主题", b.topic), ("发起人", b.initiator), ("背景与目标", b.background), ("涉及部门及核心人员", depts),
        ("期望输出", b.outputs), ("建议方式", b.mode), ("建议时间", when), ("地点", b.location),
        ("申请发出", b.sent), ("最晚发出", last), ("反馈截止", b.feedback_due))]


def problems(b: Brief) -> list[str]:
    out = []
    if not b.topic:
        out.append("缺少沟通主题")
    if not b.departments:
        out.append("缺少涉及部门及核心人员")
    if b.date is None:
        out.append("缺少建议时间（会议日期），无法检查发出时限")
    if not b.outputs:
        out.append("缺少期望输出")
    return out


def markdown(b: Brief) -> str:
    from .render import md_table

    out = [f"# 跨部门协作沟通申请表：{b.topic or '—'}", "", *md_table(("项目", "内容"), rows(b)), ""]
    if b.check:
        out += [("✓ " if b.on_time is not False else "✗ ") + b.check, ""]
    if b.feedback_due:
        out += [f"请各部门于 {b.feedback_due} 前反馈：配合事项及资源、冲突点、需准备资料。", ""]
    out += [f"- 待补充：{p}" for p in problems(b)]
    return "\n".join(out).rstrip("\n") + "\n"


def docx(b: Brief) -> bytes:
    from .render import docx_doc

    notes = ([("✓ " if b.on_time is not False else "✗ ") + b.check] if b.check else [])
    if b.feedback_due:
        notes.append(f"请各部门于 {b.feedback_due} 前反馈：配合事项及资源、冲突点、需准备资料。")
    notes += [f"待补充：{p}" for p in problems(b)]
    return docx_doc(f"跨部门协作沟通申请表：{b.topic or '—'}", [(None, ("项目", "内容"), rows(b))], notes)
