"""The checks: on the extracted record (owners, deadlines, follow-ups) and on
the text (lexicons and patterns, scoped to where they matter)."""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator
from datetime import date

from .. import rx
from ..rules import Rule
from ..schema import Action, Record
from .model import Finding

FIELD_LABELS = {"topic": "沟通主题", "date": "日期", "time": "时间", "location": "地点/方式",
                "participants": "参与部门及人员", "initiator": "发起人", "recorder": "记录人",
                "background": "背景", "goals": "目标"}
_VAGUE_DUE = rx.compile(r"尽快|尽早|抓紧|近期|近日|择期|择日|适时|稍后|另行通知|视情况|后续|待定")
_ABSOLUTE = rx.compile(r"(?:19|20)\d{2}|\d{1,2}\s*月\s*\d{1,2}\s*[日号]")
_ONLY_FOLLOW = rx.compile(r"^(?:持续|继续|负责)?(?:跟进|关注|推进|落实|跟踪|协调|对接)(?:此事|该事项|一下|相关工作|进展|情况)?$")
_DATE_STYLES = {
    "2024-05-06": rx.compile(r"(?<![\d/.])(?:19|20)\d{2}-\d{1,2}-\d{1,2}(?![\d-])"),
    "2024年5月6日": rx.compile(r"(?:19|20)\d{2}年\d{1,2}月\d{1,2}[日号]"),
    "2024/5/6": rx.compile(r"(?<![\d/])(?:19|20)\d{2}/\d{1,2}/\d{1,2}(?![\d/])"),
    "2024.5.6": rx.compile(r"(?<![\d.])(?:19|20)\d{2}\.\d{1,2}\.\d{1,2}(?![\d.])"),
}
_AMBIGUOUS = rx.compile(r"(?<![\d/.\-:年])(?P<a>\d{1,2})/(?P<b>\d{1,2})(?![\d/:])")

Emit = Callable[..., None]


def run_checks(text: str, rec: Record, rules: dict[str, Rule], active: set[str], required: list[str],
               as_of: date, allow: set[str], emit: Emit, sent: date | None = None) -> None:
    checks = {r.extra.get("check"): r for r in rules.values() if r.extra.get("kind") == "check" and r.id in active}
    for name, rule in checks.items():
        _CHECKS[name](text, rec, rule, emit, as_of=as_of, required=required, sent=sent)
    for rule in rules.values():
        if rule.id in active and rule.extra.get("kind") != "check":
            for s, e in _scope_spans(rec, text, rule.extra.get("scope") or "text"):
                for hit in rule.finditer(text, s, e):
                    if hit.text not in allow:
                        emit(rule, hit.start, hit.end, match=hit.text)


def _scope_spans(rec: Record, text: str, scope: str) -> Iterator[tuple[int, int]]:
    if scope == "text":
        yield 0, len(text)
    elif scope in ("consensus", "disagreements", "actions"):
        for item in getattr(rec, scope):
            yield item.source.start, item.source.end
    else:
        raise ValueError(f"unknown scope {scope}")


def _action_span(a: Action) -> tuple[int, int]:
    return a.source.start, a.source.end


def owner_missing(text, rec, rule, emit, **_):
    for a in rec.actions:
        if not a.owners:
            emit(rule, *_action_span(a), field="owner")


def owner_vague(text, rec, rule, emit, **_):
    from ..resolve.owners import VAGUE_OWNERS

    for a in rec.actions:
        for o in a.owners:
            if VAGUE_OWNERS.match(o):
                i = text.find(o, a.source.start, a.source.end)
                s, e = (i, i + len(o)) if i >= 0 else _action_span(a)
                emit(rule, s, e, field="owner", match=o)


def due_missing(text, rec, rule, emit, **_):
    for a in rec.actions:
        if a.due is None and a.due_text is None:
            emit(rule, *_action_span(a), field="due")


def _due_span(text: str, a: Action) -> tuple[int, int]:
    i = text.find(a.due_text or "", a.source.start, a.source.end) if a.due_text else -1
    return (i, i + len(a.due_text)) if i >= 0 else _action_span(a)


def due_vague(text, rec, rule, emit, **_):
    for a in rec.actions:
        if a.due is None and a.due_text and _VAGUE_DUE.search(a.due_text):
            emit(rule, *_due_span(text, a), field="due", match=a.due_text)


def due_relative(text, rec, rule, emit, **_):
    for a in rec.actions:
        if a.due and a.due_text and not _ABSOLUTE.search(a.due_text) and a.due not in text[a.source.start:a.source.end]:
            s, e = _due_span(text, a)
            if s != a.source.start or e != a.source.end:
                emit(rule, s, e, field="due", match=a.due_text, date=a.due, fix=(e, e, f"（{a.due}）"))


def overdue(text, rec, rule, emit, *, as_of: date, **_):
    for a in rec.actions:
        if a.due and a.status != "已完成" and a.due < as_of.isoformat():
            days = (as_of - date.fromisoformat(a.due)).days
            emit(rule, *_due_span(text, a), field="due", date=a.due, days=days)


def vague_deliverable(text, rec, rule, emit, **_):
    for a in rec.actions:
        task = re.sub(r"[，,。；;\s]+$", "", a.task)
        task = re.sub(r"^[，,\s]+|[，,\s]+$", "", task)
        if _ONLY_FOLLOW.match(task):
            emit(rule, *_action_span(a), field="task", match=task)


def required_field(text, rec, rule, emit, *, required: list[str], **_):
    for f in required:
        if not getattr(rec.meta, f, None):
            emit(rule, 0, min(len(text), text.find("\n") if "\n" in text else len(text)) or 0,
                 field=f, match=FIELD_LABELS.get(f, f))


def no_followup(text, rec, rule, emit, **_):
    """A 分歧 needs each side's view, a 后续跟进人 and a 下次沟通时间, written in
    its sentence or in the lines that belong to it (its sub-items, or the
    lines that follow it up to the next item at its level). A disagreement
    written as a sub-item of another is checked as part of its parent."""
    spans = {d.id: _disagreement_context(text, d.source.start) for d in rec.disagreements}
    for d in rec.disagreements:
        s, e = spans[d.id]
        if any(o != d.id and os_ < s < oe for o, (os_, oe) in spans.items()):
            continue
        ctx = text[s:e]
        missing = [label for label, ok in (
            ("各方观点", len(_VIEW.findall(ctx)) >= 2 or _VIEWS_LABEL.search(ctx)),
            ("后续跟进人", _FOLLOWER.search(ctx)),
            ("下次沟通时间", _NEXT_TALK.search(ctx) and _has_time(ctx, rec)),
        ) if not ok]
        if missing:
            emit(rule, d.source.start, d.source.end, field="disagreement", match="、".join(missing))


_VIEW = rx.compile(r"认为|主张|坚持|倾向于|观点[:：]|意见[:：]|立场[:：]|希望|建议")
_VIEWS_LABEL = rx.compile(r"各方观点|双方观点|各方意见")
_FOLLOWER = rx.compile(r"(?:后续)?跟进人\s*[:：]\s*\S|责任人\s*[:：]\s*\S|由[^，。；,;]{1,16}?(?:负责|跟进|牵头|协调)|"
                       r"[\u4e00-\u9fff]{2,4}(?:负责|牵头)(?:跟进|协调|推动)")
_NEXT_TALK = rx.compile(r"下次(?:沟通|会议|讨论|碰头)|再(?:次)?(?:沟通|议|讨论)|复议")
_ITEM = rx.compile(r"^([ \t]*)(?:[-*+•]|\d{1,3}[.、)）])[ \t]")


def _has_time(ctx: str, rec: Record) -> bool:
    from ..resolve.dates import find_dates

    ref = date.fromisoformat(rec.meta.date) if rec.meta.date else date(2000, 1, 1)
    return any(d.date is not None for d in find_dates(ctx, ref))


def _disagreement_context(text: str, start: int) -> tuple[int, int]:
    """The span of the disagreement's own line and the lines under it: deeper
    list items, or plain lines, up to a blank line, a heading or an item at
    its level."""
    ls = text.rfind("\n", 0, start) + 1
    le = text.find("\n", ls)
    le = len(text) if le < 0 else le
    m = _ITEM.match(text[ls:le])
    indent = len(m.group(1).expandtabs(2)) if m else -1
    end = le
    pos = le + 1
    while pos < len(text):
        nl = text.find("\n", pos)
        nl = len(text) if nl < 0 else nl
        line = text[pos:nl]
        if not line.strip() or line.lstrip().startswith("#"):
            break
        mi = _ITEM.match(line)
        if mi and len(mi.group(1).expandtabs(2)) <= indent:
            break
        if mi is None and indent >= 0 and not line.startswith((" ", "\t")):
            break
        end = nl
        pos = nl + 1
    return ls, end


def _line_span(text: str, line: int | None) -> tuple[int, int]:
    if not line:
        e = text.find("\n")
        return 0, e if e >= 0 else len(text)
    s = 0
    for _ in range(line - 1):
        s = text.find("\n", s) + 1
    e = text.find("\n", s)
    return s, e if e >= 0 else len(text)


def late_record(text, rec, rule, emit, *, sent: date | None = None, **_):
    """纪要 circulated later than 2 working days after the meeting: the send
    date from --sent, else from the record's 纪要发出：/整理日期： line."""
    from ..flow.workdays import record_check

    p = rec.meta.process
    written = p.record_sent if p else None
    day = sent or (date.fromisoformat(written) if written else None)
    if day is None or rec.meta.date is None:
        return
    c = record_check(date.fromisoformat(rec.meta.date), day)
    if c.ok is False:
        s, e = _line_span(text, p.lines.get("record_sent") if p and sent is None else None)
        emit(rule, s, e, field="record_sent", date=day.isoformat(), deadline=c.deadline.isoformat(), days=c.late_by)


_STATUS_WORDS = rx.compile(r"进行中|已完成|完成状态|状态[:：]|延期|未开始|待开始|已启动|已关闭|已上线|✅|☑|\[[ xX]\]")


def action_incomplete(text, rec, rule, emit, **_):
    """Each 行动项 gives 任务描述, 负责人, 截止时间 and 完成状态."""
    for a in rec.actions:
        ls, le = _line_span(text, a.source.line)
        line = text[ls:le]
        missing = [label for label, ok in (
            ("任务描述", a.task.strip(" ，,。；;")),
            ("负责人", a.owners),
            ("截止时间", a.due or a.due_text),
            ("完成状态", a.status != "open" or _STATUS_WORDS.search(line) or "|" in line and _table_has_status(text, ls)),
        ) if not ok]
        if missing:
            emit(rule, *_action_span(a), field="action", match="、".join(missing))


def _table_has_status(text: str, row_start: int) -> bool:
    """A table row whose header (the first row of its table) has a status column."""
    lines = text[:row_start].split("\n")
    header = None
    for ln in reversed(lines[:-1] if lines and lines[-1] == "" else lines):
        if not ln.strip().startswith("|"):
            break
        header = ln
    return bool(header and re.search(r"状态|进度|Status", header, re.I))


def unreviewed(text, rec, rule, emit, **_):
    """A record circulated without 审核人 (the 发起人) and 确认 by the participants."""
    p = rec.meta.process
    missing = [label for label, ok in (("审核人", p and p.reviewer), ("参会人确认", p and p.confirmed)) if not ok]
    if missing:
        s, e = _line_span(text, None)
        emit(rule, s, e, field="process", match="、".join(missing))


def date_format(text, rec, rule, emit, **_):
    hits = [(style, m) for style, pat in _DATE_STYLES.items() for m in pat.finditer(text)]
    counts = Counter(style for style, _ in hits)
    if len(counts) < 2:
        return
    main = counts.most_common(1)[0][0]
    # quote the document's own way of writing it ("2024-5-6", not our "2024-05-06")
    example = min((m for style, m in hits if style == main), key=lambda m: m.start()).group()
    for style, m in hits:
        if style != main:
            emit(rule, m.start(), m.end(), field="date", match=m.group(), style=example,
                 fix=(m.start(), m.end(), _restyle(m.group(), main, example)))


def _restyle(written: str, style: str, example: str | None = None) -> str:
    """`written` in `style`, zero-padded as `example` (a date of the document) is."""
    y, mo, d = (int(x) for x in re.findall(r"\d+", written)[:3])
    pad = True if example is None else bool(re.search(r"\D0\d", example))
    mo_s, d_s = (f"{mo:02d}", f"{d:02d}") if pad else (str(mo), str(d))
    if style == "2024-05-06":
        return f"{y}-{mo_s}-{d_s}"
    sep = {"2024/5/6": "/", "2024.5.6": "."}.get(style)
    if sep is None:  # 2024年5月6日
        return f"{y}年{mo_s if pad else mo}月{d_s if pad else d}日"
    return f"{y}{sep}{mo_s}{sep}{d_s}"


def date_ambiguous(text, rec, rule, emit, **_):
    for m in _AMBIGUOUS.finditer(text):
        a, b = int(m["a"]), int(m["b"])
        if 1 <= a <= 12 and 1 <= b <= 12 and a != b and "http" not in text[max(0, m.start() - 40):m.start()]:
            emit(rule, m.start(), m.end(), field="date", match=m.group())


_CHECKS: dict[str, Callable] = {
    "owner-missing": owner_missing, "owner-vague": owner_vague, "due-missing": due_missing,
    "due-vague": due_vague, "due-relative": due_relative, "overdue": overdue,
    "vague-deliverable": vague_deliverable, "required-field": required_field, "no-followup": no_followup,
    "date-format": date_format, "date-ambiguous": date_ambiguous,
    "late-record": late_record, "action-incomplete": action_incomplete, "unreviewed": unreviewed,
}


def make_finding(rule: Rule, level: str, text: str, path: str, line_starts: list[int], s: int, e: int,
                 field: str | None = None, fix: tuple[int, int, str] | None = None, **values: object) -> Finding:
    import bisect

    def pos(off: int) -> tuple[int, int]:
        ln = bisect.bisect_right(line_starts, off)
        return ln, off - line_starts[ln - 1] + 1

    (line, col), (end_line, end_col) = pos(s), pos(max(s, e))
    message = rule.message
    hint = rule.hint
    for k, v in values.items():
        message = message.replace("{" + k + "}", str(v))
        hint = hint.replace("{" + k + "}", str(v)) if hint else hint
    return Finding(rule.id, level, message, hint, path, s, e, line, col, end_line, end_col, text[s:e], field, fix)
