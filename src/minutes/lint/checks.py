"""The checks: on the extracted record (owners, deadlines, follow-ups) and on
the text (lexicons and patterns, scoped to where they matter)."""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator
from datetime import date

from ..rules import Rule
from ..schema import Action, Record
from .model import Finding

FIELD_LABELS = {"topic": "沟通主题", "date": "日期", "time": "时间", "location": "地点/方式",
                "participants": "参与部门及人员", "initiator": "发起人", "recorder": "记录人",
                "background": "背景", "goals": "目标"}
_VAGUE_DUE = re.compile(r"尽快|尽早|抓紧|近期|近日|择期|择日|适时|稍后|另行通知|视情况|后续|待定")
_ABSOLUTE = re.compile(r"(?:19|20)\d{2}|\d{1,2}\s*月\s*\d{1,2}\s*[日号]")
_ONLY_FOLLOW = re.compile(r"^(?:持续|继续|负责)?(?:跟进|关注|推进|落实|跟踪|协调|对接)(?:此事|该事项|一下|相关工作|进展|情况)?$")
_DATE_STYLES = {
    "2024-05-06": re.compile(r"(?<![\d/.])(?:19|20)\d{2}-\d{1,2}-\d{1,2}(?![\d-])"),
    "2024年5月6日": re.compile(r"(?:19|20)\d{2}年\d{1,2}月\d{1,2}[日号]"),
    "2024/5/6": re.compile(r"(?<![\d/])(?:19|20)\d{2}/\d{1,2}/\d{1,2}(?![\d/])"),
    "2024.5.6": re.compile(r"(?<![\d.])(?:19|20)\d{2}\.\d{1,2}\.\d{1,2}(?![\d.])"),
}
_AMBIGUOUS = re.compile(r"(?<![\d/.\-:年])(?P<a>\d{1,2})/(?P<b>\d{1,2})(?![\d/:])")
_FOLLOWUP = re.compile(r"下次会议|下周|再议|跟进|负责|前|截止|\d{1,2}月\d{1,2}日")

Emit = Callable[..., None]


def run_checks(text: str, rec: Record, rules: dict[str, Rule], active: set[str], required: list[str],
               as_of: date, allow: set[str], emit: Emit) -> None:
    checks = {r.extra.get("check"): r for r in rules.values() if r.extra.get("kind") == "check" and r.id in active}
    for name, rule in checks.items():
        _CHECKS[name](text, rec, rule, emit, as_of=as_of, required=required)
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
    for d in rec.disagreements:
        if not _FOLLOWUP.search(d.source.text):
            emit(rule, d.source.start, d.source.end, field="disagreement")


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
