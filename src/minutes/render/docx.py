"""The record as a Word document in the 跨部门协作沟通记录表 layout."""
from __future__ import annotations

import io

from ..schema import Record
from .template import ACTION_HEADER, action_rows, findings, meta_rows, title, xml_safe


def render(records: list[Record]) -> bytes:
    import docx
    from docx.enum.text import WD_BREAK

    doc = docx.Document()
    for n, rec in enumerate(records):
        if n:
            doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        _one(doc, rec)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def _table(doc, header: tuple[str, ...], rows: list[tuple[str, ...]]) -> None:
    t = doc.add_table(rows=1, cols=len(header))
    t.style = "Table Grid"
    for cell, text in zip(t.rows[0].cells, header):
        cell.text = xml_safe(text)
        for run in cell.paragraphs[0].runs:
            run.bold = True
    for row in rows:
        for cell, text in zip(t.add_row().cells, row):
            cell.text = xml_safe(text)


def _one(doc, rec: Record) -> None:
    m = rec.meta
    doc.add_heading(xml_safe(f"跨部门协作沟通记录表：{title(rec)}"), level=1)
    doc.add_heading("基本信息", level=2)
    _table(doc, ("项目", "内容"), meta_rows(rec))
    doc.add_heading("背景与目标", level=2)
    doc.add_paragraph(xml_safe(f"背景：{m.background or '—'}"))
    doc.add_paragraph(xml_safe(f"目标：{m.goals or '—'}"))
    for name, items in (("讨论要点", rec.discussion), ("共识", rec.consensus), ("分歧", rec.disagreements)):
        doc.add_heading(name, level=2)
        for i in items or ():
            doc.add_paragraph(xml_safe(f"{i.text}（第{i.source.line}行）"), style="List Bullet")
        if not items:
            doc.add_paragraph("无")
    doc.add_heading("行动项", level=2)
    _table(doc, ACTION_HEADER, action_rows(rec))
    doc.add_heading("待补充与模糊表述", level=2)
    for f in findings(rec) or ["无"]:
        doc.add_paragraph(xml_safe(f), style="List Bullet")
    _signoff(doc, rec)


def _signoff(doc, rec: Record) -> None:
    """审核与确认: the 发起人 reviews, every participant confirms — one
    signature line each, to sign on paper or fill in when it comes back."""
    from ..flow.workdays import record_check

    m, p = rec.meta, rec.meta.process
    doc.add_heading("审核与确认", level=2)
    due = None
    if m.date:
        from datetime import date

        from ..errors import MinutesError

        try:
            due = record_check(date.fromisoformat(m.date), None).deadline.isoformat()
        except (MinutesError, ValueError):  # a date the calendar cannot count from, or not a date
            due = None
    dates = [("申请发出", p.request_sent if p else None), ("议程发出", p.agenda_sent if p else None),
             ("纪要发出", (p.record_sent if p else None) or (f"（最晚 {due}，会后 2 个工作日内）" if due else None))]
    doc.add_paragraph(xml_safe("；".join(f"{k}：{v or '—'}" for k, v in dates)))
    reviewer = (p.reviewer if p and p.reviewer else None) or m.initiator or ""
    _table(doc, ("审核人（发起人）", "审核意见", "签字", "日期"), [(reviewer, "", "", "")])
    dept_of = {n: d for d, ns in m.departments.items() for n in ns}
    confirmed = set(p.confirmed_by) if p else set()
    rows = [(n, dept_of.get(n, ""), "已确认" if n in confirmed else "", "", "") for n in m.participants]
    doc.add_paragraph("参会人确认（每人一行）：")
    _table(doc, ("参会人", "部门", "确认情况", "签字", "日期"), rows or [("", "", "", "", "")])
