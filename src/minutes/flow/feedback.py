"""`minutes feedback`: each department's answer to the request, gathered into
the 需求反馈汇总表; late answers (> 1 working day) and the conflicts to settle
before the meeting (a one-to-one talk, or escalation to the responsible
leader) are flagged."""
from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from ..schema import Brief, Conflict, DeptFeedback, FeedbackSummary
from . import workdays
from .fields import day_of, items_of, read_fields, text_of

LABELS: dict[str, tuple[str, ...]] = {
    "department": ("部门", "反馈部门", "department"),
    "person": ("反馈人", "联系人", "填写人", "person"),
    "answered": ("反馈日期", "回复日期", "反馈时间", "日期", "answered"),
    "resources": ("配合事项及资源", "配合事项", "可提供资源", "资源", "resources"),
    "conflicts": ("冲突点", "冲突", "分歧", "风险与冲突", "conflicts"),
    "materials": ("需准备资料", "准备资料", "资料", "会前资料", "materials"),
}
# a conflict that needs a decision above the departments: escalate
_ESCALATE = re.compile(r"升级|领导|决策|拍板|无法协调|优先级|预算|人力不足|资源冲突|排期冲突")


def read_feedback(text: str, path: str | None, ref: date | None) -> DeptFeedback:
    fields, _title = read_fields(text, LABELS, path)
    dept = text_of(fields.get("department")) or (Path(path).stem if path and path != "-" else "未署名部门")
    answered = day_of(text_of(fields.get("answered")), ref)
    return DeptFeedback(department=dept, person=text_of(fields.get("person")),
                        answered=answered.isoformat() if answered else None,
                        resources=items_of(fields.get("resources")), conflicts=items_of(fields.get("conflicts")),
                        materials=items_of(fields.get("materials")), path=path)


def summarize(brief: Brief, answers: list[DeptFeedback], as_of: date | None = None) -> FeedbackSummary:
    """`as_of`: the day the summary is made; a department that has not
    answered is late only once the due day has passed (always, when None)."""
    order = {d: n for n, d in enumerate(brief.departments)}
    answers = sorted(answers, key=lambda a: order.get(a.department, len(order)))
    meeting = date.fromisoformat(brief.date) if brief.date else None
    sent = date.fromisoformat(brief.sent) if brief.sent else None
    due = workdays.feedback_check(sent, None).deadline if sent else None
    for a in answers:
        if due is not None and a.answered:
            a.late = date.fromisoformat(a.answered) > due
    known = list(brief.departments) + [a.department for a in answers if a.department not in brief.departments]
    answered = {a.department for a in answers}
    own = {d for d in brief.departments if brief.initiator and d in brief.initiator}  # the requester's own
    settle_by = workdays.sub_workdays(meeting, 1).isoformat() if meeting else None
    conflicts = []
    for a in answers:
        for c in a.conflicts:
            others = [d for d in known if d != a.department and d in c]
            handling = "升级至负责领导" if len(others) >= 2 or _ESCALATE.search(c) else "一对一沟通"
            conflicts.append(Conflict(department=a.department, text=c, with_departments=others, handling=handling,
                                      settle_by=settle_by))
    overdue = due is not None and (as_of is None or as_of > due)
    return FeedbackSummary(topic=brief.topic, date=brief.date, request_sent=brief.sent,
                           due=due.isoformat() if due else None, answers=answers, missing_overdue=overdue,
                           missing=[d for d in brief.departments if d not in answered and d not in own],
                           conflicts=conflicts)


def _join(items: list[str]) -> str:
    return "；".join(items) or "无"


def _timely(a: DeptFeedback) -> str:
    return {True: "逾期", False: "按时", None: "—"}[a.late]


def tables(s: FeedbackSummary) -> list[tuple[str | None, tuple[str, ...], list[tuple]]]:
    answers = [(a.department, a.person, a.answered, _timely(a), _join(a.resources), _join(a.conflicts),
                _join(a.materials)) for a in s.answers]
    answers += [(d, "—", "未反馈", "逾期" if s.missing_overdue else "待反馈", "—", "—", "—") for d in s.missing]
    conflicts = [(c.department, c.text, "、".join(c.with_departments) or "—", c.handling, c.settle_by)
                 for c in s.conflicts]
    return [("各部门反馈", ("部门", "反馈人", "反馈日期", "是否按时", "配合事项及资源", "冲突点", "需准备资料"), answers),
            ("冲突点与分歧处理", ("提出部门", "冲突点", "涉及部门", "建议处理", "会前解决"), conflicts)]


def notes(s: FeedbackSummary) -> list[str]:
    out = []
    if s.due:
        out.append(f"申请 {s.request_sent} 发出，各部门应于 {s.due} 前反馈（{workdays.FEEDBACK_DAYS} 个工作日内）。")
    late = [a.department + f"（{a.answered}）" for a in s.answers if a.late]
    if late:
        out.append("逾期反馈：" + "、".join(late))
    if s.missing:
        out.append(("未反馈（已过截止日）：" if s.missing_overdue else "尚未反馈：") + "、".join(s.missing))
    if s.conflicts:
        n1 = sum(c.handling == "一对一沟通" for c in s.conflicts)
        out.append(f"会前需处理的冲突点 {len(s.conflicts)} 项：一对一沟通 {n1} 项，升级至负责领导 {len(s.conflicts) - n1} 项。")
    return out


def markdown(s: FeedbackSummary) -> str:
    from .render import md_table

    out = [f"# 需求反馈汇总表：{s.topic or '—'}", ""]
    if s.date:
        out += [f"会议日期：{s.date}", ""]
    for heading, header, rows in tables(s):
        out += [f"## {heading}", ""] + (md_table(header, rows) if rows else ["无"]) + [""]
    out += ["## 提醒", ""] + [f"- {n}" for n in notes(s) or ["无"]]
    return "\n".join(out) + "\n"


def docx(s: FeedbackSummary) -> bytes:
    from .render import docx_doc

    return docx_doc(f"需求反馈汇总表：{s.topic or '—'}", tables(s), notes(s))
