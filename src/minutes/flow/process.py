"""`meta.process`: the process dates and sign-offs a record writes down —
申请发出：, 议程发出：, 纪要发出：/整理日期：, 审核人：, 确认：— read from its
`key：value` lines. Dates go through the deadline resolver, against the
meeting date for dates written without a year."""
from __future__ import annotations

import re

from .. import rx
from ..schema import Process
from .fields import day_of

_KEYS = (
    ("request_sent", rx.compile(r"^(?:沟通)?申请(?:表)?发出(?:时间|日期)?$|^申请(?:发送|日期)$")),
    ("agenda_sent", rx.compile(r"^议程(?:发出|发送)(?:时间|日期)?$")),
    ("record_sent", rx.compile(r"^(?:纪要|记录)(?:发出|发送|分发)(?:时间|日期)?$|^整理(?:日期|时间)$")),
    ("reviewer", rx.compile(r"^审核(?:人)?$|^审核人[（(]发起人[)）]$")),
    ("confirmed", rx.compile(r"^(?:参会人(?:员)?)?确认(?:人)?$|^确认情况$")),
)
# a value that reads as a task: "确认：张三负责在5月10日前确认物料清单" is an action, not a sign-off
TASK_WORDS = rx.compile(r"负责|完成|提交|提供|整理|输出|落实|推进|之前|前[，,。；;]?$|截止")
_NOT_CONFIRMED = rx.compile(r"^(?:无|未确认|待确认|—|-)?$")
_ALL = rx.compile(r"全体|全部|所有参会")


def extract_process(ctx) -> None:
    """Fill `ctx.meta.process` when the record writes any process line."""
    from ..extract.meta import _names

    p = Process()
    found = False
    for b in ctx.st.blocks:
        if not b.key or b.value_start is None or b.kind == "cell":
            continue
        key = b.key.strip("*# ：:").replace(" ", "")
        field = next((f for f, rx in _KEYS if rx.match(key)), None)
        if field is None or field in p.lines:
            continue
        value = ctx.text[b.value_start:b.end].strip()
        if field in ("reviewer", "confirmed") and TASK_WORDS.search(value):
            continue
        p.lines[field] = b.line
        found = True
        if field in ("request_sent", "agenda_sent", "record_sent"):
            d = day_of(value, ctx.meeting_date)
            setattr(p, field, d.isoformat() if d else None)
        elif field == "reviewer":
            names = _names(re.sub(r"[（(][^)）]*[)）]", "", value))
            p.reviewer = names[0] if names else None
        else:
            body = re.sub(r"[（(][^)）]*[)）]|(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?|已确认|确认", "", value)
            p.confirmed = not _NOT_CONFIRMED.match(value.strip("。 "))
            if _ALL.search(body):
                p.confirmed_by = list(ctx.meta.participants)
            else:
                p.confirmed_by = _names(body)
    if found:
        ctx.meta.process = p
