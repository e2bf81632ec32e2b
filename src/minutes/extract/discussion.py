"""讨论要点: the topics the meeting went through.

Agenda headings under the body of the minutes, and sentences that report
what was presented or discussed (介绍了, 讨论了, 分享了, 提出). Not scored
against gold; kept short so the record reads as a summary.
"""
from __future__ import annotations

import re

from ..schema import Item
from ..structure import clean
from .context import Context

_REPORTED = re.compile(r"介绍了|讨论了|分享了|演示了|汇报了|提出了?|说明了|同步了|探讨|讨论")
_LIMIT = 40


def extract_discussion(ctx: Context, taken: set[tuple[int, int]]) -> list[Item]:
    st, text = ctx.st, ctx.text
    out: list[Item] = []
    for bi, b in enumerate(st.blocks):
        if len(out) >= _LIMIT:
            break
        if ctx.role(bi) in ("skip", "meta") or b.kind == "label":
            continue
        if b.kind == "heading":
            if b.level < 2 or bi == st.title or ctx.heading_role(bi) is not None:
                continue
            # only headings with content of their own under them
            if not any(x.heading == bi and x.kind != "heading" for x in st.blocks[bi + 1 : bi + 30]):
                continue
            s, e = b.start, b.end
        elif b.kind in ("item", "para") and _REPORTED.search(text, b.start, b.end):
            s, e = b.start, b.end
        else:
            continue
        if (s, e) in taken:
            continue
        src = ctx.source(s, e, b)
        out.append(Item(id=ctx.new_id("discussion", src.text), text=clean(src.text), source=src))
    return out
