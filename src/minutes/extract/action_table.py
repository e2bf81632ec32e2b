"""Action tables: | 任务 | 负责人 | 截止时间 | 状态 | — one action per row,
its fields read from the columns rather than guessed from the words."""
from __future__ import annotations

import re
from datetime import date

from .. import rx
from ..columns import DONE_COL, DUE_COL, ISSUE_COL, OWNER_COL, PERSON_COL, STATUS_COL, TASK_COL
from ..resolve.owners import VAGUE_OWNERS, Owner, split_names
from ..schema import Action, Producer
from ..structure import clean
from .context import Context
from .scope import scope_deadline
from .vague import vague_hits

EMPTY_CELL = rx.compile(r"^(?:无|暂无|没有|-|—|/|N/?A|none)$", re.I)
_STATUS_WORDS = {"已完成": "已完成", "完成": "已完成", "done": "已完成", "延期": "延期", "delayed": "延期",
                 "进行中": "进行中", "in progress": "进行中"}


def _same_table(ctx: Context, cols: dict[str, int], bi: int) -> bool:
    """Do these cells and the cell `bi` stand in one table (no other block between them)?"""
    first = min(cols.values())
    return all(ctx.st.blocks[i].kind == "cell" for i in range(bi, first))


def table_actions(ctx: Context) -> tuple[list[Action], set[int]]:
    """Rows of a table with a task column and an owner or deadline column
    (| 任务 | 负责人 | 截止时间 | 状态 |): one action each, fields from the columns."""
    rows: dict[int, dict[str, int]] = {}
    for bi, b in enumerate(ctx.st.blocks):
        if b.kind == "cell" and b.column:
            rows.setdefault(b.row if b.row is not None else b.line, {}).setdefault(b.column, bi)
    out: list[Action] = []
    used: set[int] = set()
    above: tuple[str, int] | None = None  # the last row's owner cell, when it opened its row
    for cols in rows.values():
        pick = {name: next((c for c in cols if rx.search(c)), None)
                for name, rx in (("owner", OWNER_COL), ("due", DUE_COL), ("status", STATUS_COL))}
        if (pick["owner"] is not None and pick["owner"].strip() == "负责") or (pick["owner"] is None and pick["due"]):
            # "| 小组成员 | 任务项 | 完成时间 |": with no owner column, the column of who owns a
            # row that has a deadline (without one, "| 姓名 | 本周完成任务 |" may only report)
            pick["owner"] = next((c for c in cols if PERSON_COL.match(c.strip())), pick["owner"])
        if pick["owner"] is None and above is not None and above[0] not in cols and _same_table(ctx, cols, above[1]):
            # " | 2.测试计划 | 2024.12.8 |" under "方苏麒 | 1.单元测试用例 | …": a Word cell merged
            # down the rows leaves the first cell of the rows below it blank
            pick["owner"], cols = above[0], {**cols, above[0]: above[1]}
        ob_i = cols.get(pick["owner"]) if pick["owner"] else None
        above = (pick["owner"], ob_i) if ob_i is not None and ctx.st.blocks[ob_i].row_key is None else None
        task_col = next((c for c in cols if TASK_COL.search(c) and not DONE_COL.search(c)
                         and c not in pick.values()), None)
        if task_col is None and pick["owner"] and pick["due"]:
            task_col = next((c for c in cols if ISSUE_COL.match(c.strip())), None)
        if task_col is None or (pick["owner"] is None and pick["due"] is None):
            continue
        tb = ctx.st.blocks[cols[task_col]]
        text = ctx.text
        owners: list[Owner] = []
        if pick["owner"]:
            ob = ctx.st.blocks[cols[pick["owner"]]]
            ctx.field_spans.append((ob.start, ob.end))
            owners = [Owner(text[a:z], a, z, "owner.column") for a, z in split_names(text, ob.start, ob.end)
                      if not EMPTY_CELL.match(text[a:z])]
        due, due_text = None, None
        due_vague = False
        ref = ctx.ref_date(cols[task_col])
        if pick["due"]:
            db = ctx.st.blocks[cols[pick["due"]]]
            ctx.field_spans.append((db.start, db.end))
            # "TBD", "待定", "尽快" in the deadline column: the row's date is vague (the vague rule pack's words)
            due_vague = bool(vague_hits(ctx, db.start, db.end))
            d = ctx.deadline(db.start, db.end, ref or date(2000, 1, 1), field=True)
            if d is not None:
                due_text = d.text
                due = d.date.isoformat() if d.date is not None and ref is not None \
                    or (d.date is not None and re.search(r"(?:19|20)\d{2}", d.text)) else None
        if due is None and due_text is None and ref is not None \
                and (d := ctx.deadline(tb.start, tb.end, ref)) is not None and d.date is not None:
            # no date column, or none in it: the task says when ("10月底 TC 例会介绍…方案")
            due, due_text = d.date.isoformat(), d.text
        if due is None and due_text is None and ref is not None:
            # no date in a column: a plan heading over the table ("下周工作计划") dates its rows
            d = scope_deadline(ctx, tb, ref)
            due = d.date.isoformat() if d is not None and d.date is not None else None
        status = "open"
        if pick["status"]:
            word = ctx.st.span(cols[pick["status"]]).strip().lower()
            status = _STATUS_WORDS.get(word, "open")
        source = ctx.source(tb.start, tb.end, tb)
        aid = ctx.new_id("action", source.text)
        ctx.spans[aid] = (tb.start, tb.end, cols[task_col])
        names = [o.name for o in owners]
        out.append(Action(id=aid, text=clean(source.text), source=source, task=clean(source.text),
                          owner="、".join(names) or None, owners=names, due=due, due_text=due_text,
                          vague=(due is None and due_vague) or any(VAGUE_OWNERS.match(n) for n in names), status=status,
                          by=Producer(rule="structure.action-table")))
        used.update(cols.values())
    return out, used
