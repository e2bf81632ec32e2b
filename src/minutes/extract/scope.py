"""Deadlines stated by where a line stands rather than in its words: a plan
heading, label, parent item or column that names its time scope ("明日计划",
"本周的任务", "下周工作计划") dates every task under it."""
from __future__ import annotations

import re
from datetime import date

from .. import rx
from ..resolve.dates import Deadline, find_deadline, find_deadlines, first_deadline
from ..structure import Block
from .context import Context

SCOPE_WORK = rx.compile(r"计划|任务|分工|安排|对齐|完成|待办|TODO|要做|重点|工作|事项|目标", re.I)
# a due written as a field inside a plan heading ("（DDL：07-29）", "截止：5月20日")
_DUE_FIELD = rx.compile(r"(?:DDL|deadline|due|截止(?:日期|时间)?)\s*[:：]\s*([^）)\]】，,;；\n]{2,30})", re.I)
# what may stand around a period in its heading: "第3周（3.1-3.7）", "**10.28~10.31**"
_PERIOD_NOISE = rx.compile(r"[#*\s（）()【】\[\]:：]|第[\d一二三四五六七八九十]+周")


# "下周：" over a list: next week is all a plan label needs to say (a bare
# "本周" stays a log entry's title)
_BARE_NEXT = rx.compile(r"下(?:一|个)?(?:周|星期|礼拜)")


def scope_deadline(ctx: Context, b: Block, ref: date) -> Deadline | None:
    """The date a plan scope gives the line (offsets -1: not in its words).
    Only the two nearest scopes count, and only a plan scope that names its
    time ("下周任务"); a bare "本周" heading is a log entry, and a written
    date there ("5月20日") belongs to the heading, not to a scope."""
    scopes = [b.column] if b.kind == "cell" and b.column else []
    if b.kind == "cell" and b.row_key and ctx._role_of_text(b.row_key) == "plan":
        scopes.append(b.row_key)  # "下周工作任务分配 | 白靖妍 | 1.…": the row's first cell names its part
    if b.parent is not None:
        scopes.append(ctx.st.span(b.parent))
    h = b.heading
    while h is not None:
        scopes.append(ctx.st.span(h))
        h = ctx.st.blocks[h].heading
    if b.heading is not None and (period := _period_before(ctx, b.heading)) is not None:
        scopes.insert(1, ctx.st.span(period))  # "### 10.28~10.31" then "### 计划：" at its level
    if b.label is not None:
        scopes.insert(0, ctx.st.blocks[b.label].key or "")
    if b.key is not None and b.value_start is not None and b.kind != "cell" and ctx._role_of_text(b.key) == "plan":
        # "下周任务：QA计划": a plan key scopes its own value, as a label over lines does
        # (a key naming who or a part, "王嘉凯：…", leaves the scopes above it as they are)
        scopes.insert(0, b.key)
    for scope in scopes[:2]:
        if ctx._role_of_text(scope) != "plan" or not (
                SCOPE_WORK.search(scope) or _BARE_NEXT.fullmatch(scope.strip("：: *#"))):
            continue
        if (m := _DUE_FIELD.search(scope)) is not None:
            # "本期任务（DDL：07-29周五晚23:59）": the plan states its due as a field
            d = find_deadline(m.group(1), ref, field=True)
            if d is not None and d.date is not None:
                return _from_scope(d)
        d = _scope_time(scope, ref)
        if d is not None and d.date is not None and not re.search(r"\d", d.text):
            return _from_scope(d)
    for scope in scopes[:2]:
        # "- **W2 - 05.24**" over "前后端联调测试": a schedule's milestone dates the work under it
        if (m := _MILESTONE.fullmatch(scope.strip("#*：: \t"))) is not None \
                and ctx.role(ctx._index_of(b)) in ("plan", None):
            d = find_deadline(m.group("d"), ref, field=True)
            if d is not None and d.date is not None:
                return _from_scope(d)
    own = b.key is not None and ctx._role_of_text(b.key) == "plan"  # a plan key carried over lines
    if own or (scopes and ctx._role_of_text(scopes[0]) == "plan"):
        # "### 10.28~10.31" over "### 计划：": the plan of a period is due at its end
        for scope in scopes[:3] if own else scopes[1:3]:
            d = find_deadline(scope, ref)
            if d is not None and d.date is not None and d.rule == "deadline.range" \
                    and len(_PERIOD_NOISE.sub("", scope)) <= len(d.text) + 1:
                return _from_scope(d)
    return None


def _from_scope(d: Deadline) -> Deadline:
    """A deadline read from a scope above the line (a heading, a label): no
    span in the line's own words, so the task keeps them whole."""
    return Deadline(d.text, -1, -1, d.date, d.rule, d.vague, d.reading)


def _scope_time(scope: str, ref: date) -> Deadline | None:
    """The time a plan scope gives its work: the last dated time before its
    work word ("展示这一周工作成果，以及决定下一周的任务": 下一周, not 这一周),
    else the first deadline in it."""
    found = find_deadlines(scope, ref)  # read once: both answers choose from it
    work = SCOPE_WORK.search(scope)
    if work is not None:
        before = [d for d in found if d.date is not None and d.end <= work.start()]
        if before:
            return before[-1]
    return first_deadline(found)


def _period_before(ctx: Context, hi: int) -> int | None:
    """A log written as "### 10.28~10.31", "### 计划：", "### 问题：" puts a
    period's sections beside its heading, not under it: the nearest heading
    before `hi` at its level, when it is a period alone and only section
    headings stand between."""
    if hi not in ctx.memo.periods:
        ctx.memo.periods[hi] = _find_period_before(ctx, hi)
    return ctx.memo.periods[hi]


def _find_period_before(ctx: Context, hi: int) -> int | None:
    blocks, level = ctx.st.blocks, ctx.st.blocks[hi].level
    for j in range(hi - 1, -1, -1):
        bj = blocks[j]
        if bj.kind != "heading" or bj.level != level:
            continue
        span = ctx.st.span(j)
        if _BARE_PERIOD.fullmatch(span.strip("#* ")):
            return j
        if ctx._role_of_text(span) is None:
            return None  # a topic heading: the sections before it are another period's
    return None


# a milestone of a schedule: a week's number and the date it ends ("**W2 - 05.24**")
_MILESTONE = rx.compile(r"(?:W|Week\s*|第)\s*[\d一二三四五六七八九十]{1,2}\s*周?\s*[-–—:：]\s*\**(?P<d>\d{1,2}[./]\d{1,2})\**", re.I)
_BARE_PERIOD = rx.compile(r"(?:\d{4}[./-])?\d{1,2}[./月]\d{1,2}[日号]?\s*[~～\-—至到]+\s*(?:\d{1,2}[./月])?\d{1,2}[日号]?")
