"""`minutes agenda`: the 会议议程 (时间、地点、参会人、议题 with minutes each,
materials), the topics' total against the meeting's length, and the check
that it goes out at least 1 working day before the meeting."""
from __future__ import annotations

import re
from datetime import date

from ..schema import Agenda, AgendaItem, Brief
from . import workdays
from .fields import _MARKER, day_of, items_of, read_fields, text_of, time_of

LABELS: dict[str, tuple[str, ...]] = {
    "topic": ("主题", "会议主题", "沟通主题", "topic"),
    "when": ("时间", "会议时间", "日期", "date", "when"),
    "location": ("地点", "会议地点", "地点/方式", "location"),
    "participants": ("参会人员", "参会人", "参与人员", "参加人员", "出席", "participants"),
    "items": ("议题", "议程", "会议议程", "议题安排", "items"),
    "materials": ("会前材料", "会议材料", "材料", "需准备资料", "附件", "materials"),
    "sent": ("议程发出", "发出日期", "发送日期", "sent"),
}
_MINUTES = re.compile(r"(\d{1,3})\s*(?:分钟|min(?:utes?)?|′|')", re.I)
_PRESENTER = re.compile(r"(?:主讲|汇报|负责|发言|主持)人?\s*[:：]?\s*([\u4e00-\u9fffA-Za-z·]{2,12})")
_PAREN = re.compile(r"[（(]([^()（）]*)[)）]\s*$")


def parse_item(line: str) -> AgendaItem:
    s = _MARKER.sub("", line).strip()
    minutes = presenter = None
    m = _MINUTES.search(s)
    if m:
        minutes = int(m.group(1))
    p = _PRESENTER.search(s)
    title = s
    paren = _PAREN.search(s)
    if paren:
        title = s[: paren.start()].strip()
        if p is None:
            for part in re.split(r"[，,、；;]", paren.group(1)):
                part = part.strip()
                if part and not _MINUTES.search(part) and len(part) <= 12:
                    presenter = part
                    break
    elif m:
        title = (s[: m.start()] + s[m.end():]).strip(" ，,：:-—")
    if p is not None:
        presenter = p.group(1)
        title = title.replace(p.group(0), "").strip(" ，,：:-—")
    return AgendaItem(title=title, minutes=minutes, presenter=presenter)


def agenda_from_text(text: str, path: str | None = None, brief: Brief | None = None) -> Agenda:
    fields, title = read_fields(text, LABELS, path)
    ref = date.fromisoformat(brief.date) if brief and brief.date else None
    when = text_of(fields.get("when"))
    meeting = day_of(when, ref) or ref
    clock, length = time_of(when)
    if clock is None and brief and brief.time:
        clock, length = time_of(brief.time)
    people = []
    for ln in fields.get("participants") or ():
        from ..extract.meta import _names

        people += _names(re.sub(r"[\u4e00-\u9fffA-Za-z]{1,12}(?:部|组|中心|团队|办公室)\s*[:：]", "、", _MARKER.sub("", ln)))
    if not people and brief:
        people = [p for ns in brief.departments.values() for p in ns]
    sent = day_of(text_of(fields.get("sent")), meeting)
    if title:
        title = re.sub(r"^(?:会议)?议程\s*[:：]\s*", "", title)
    a = Agenda(topic=text_of(fields.get("topic")) or (title if title and not title.endswith("议程") else None)
               or (brief.topic if brief else None),
               date=meeting.isoformat() if meeting else None, time=clock,
               location=text_of(fields.get("location")) or (brief.location if brief else None),
               participants=list(dict.fromkeys(people)),
               items=[parse_item(ln) for ln in fields.get("items") or () if _MARKER.sub("", ln).strip()],
               materials=items_of(fields.get("materials")), meeting_minutes=length,
               sent=sent.isoformat() if sent else None)
    return check(a)


def check(a: Agenda) -> Agenda:
    a.total_minutes = sum(i.minutes or 0 for i in a.items)
    probs = []
    if not a.items:
        probs.append("没有议题")
    for n, i in enumerate(a.items, 1):
        if i.minutes is None:
            probs.append(f"议题 {n}「{i.title}」没有写时长")
    if a.meeting_minutes is not None and a.total_minutes > a.meeting_minutes:
        probs.append(f"议题合计 {a.total_minutes} 分钟，超过会议时长 {a.meeting_minutes} 分钟")
    for f, label in (("date", "日期"), ("time", "时间"), ("location", "地点"), ("participants", "参会人")):
        if not getattr(a, f):
            probs.append(f"缺少{label}")
    if a.date:
        c = workdays.agenda_check(date.fromisoformat(a.date), date.fromisoformat(a.sent) if a.sent else None)
        a.last_send, a.on_time = c.deadline.isoformat(), c.ok
        if c.ok is False:
            probs.append(c.line())
    a.problems = probs
    return a


def _length_line(a: Agenda) -> str:
    if a.meeting_minutes is None:
        return f"议题合计 {a.total_minutes} 分钟（会议时长未知）"
    spare = a.meeting_minutes - a.total_minutes
    tail = f"，余 {spare} 分钟" if spare >= 0 else f"，超出 {-spare} 分钟"
    return f"议题合计 {a.total_minutes} 分钟 / 会议时长 {a.meeting_minutes} 分钟{tail}"


def rows(a: Agenda) -> tuple[list[tuple[str, str]], list[tuple]]:
    sent = a.sent or "—"
    if a.last_send:
        sent += f"（最晚 {a.last_send}，会前至少 {workdays.AGENDA_DAYS} 个工作日）"
    meta = [(k, v or "—") for k, v in (("会议主题", a.topic), ("时间", " ".join(x for x in (a.date, a.time) if x)),
                                        ("地点", a.location), ("参会人", "、".join(a.participants)), ("议程发出", sent))]
    items = [(str(n), i.title, f"{i.minutes} 分钟" if i.minutes is not None else "—", i.presenter or "—")
             for n, i in enumerate(a.items, 1)]
    return meta, items


def markdown(a: Agenda) -> str:
    from .render import md_table

    meta, items = rows(a)
    out = [f"# 会议议程：{a.topic or '—'}", "", *md_table(("项目", "内容"), meta), "", "## 议题", "",
           *md_table(("序号", "议题", "时长", "主讲"), items), "", _length_line(a), "", "## 会前材料", ""]
    out += [f"- {m}" for m in a.materials] or ["- 无"]
    out += ["", "## 检查", ""] + [f"- ✗ {p}" for p in a.problems] + ([] if a.problems else ["- ✓ 议程完整，按时发出"])
    return "\n".join(out) + "\n"


def docx(a: Agenda) -> bytes:
    from .render import docx_doc

    meta, items = rows(a)
    return docx_doc(f"会议议程：{a.topic or '—'}", [(None, ("项目", "内容"), meta), ("议题", ("序号", "议题", "时长", "主讲"), items)],
                    [_length_line(a)] + [f"✗ {p}" for p in a.problems], [("会前材料", a.materials)])
