"""讨论要点: the topics the meeting went through.

The lines of a section or block headed as discussion (讨论要点, 会议内容,
议题 …), the agenda sub-headings under it, and sentences elsewhere that report
what was presented or discussed (介绍了, 讨论了, 分享了). Items already taken
as consensus, disagreement or action are left to those parts. Not scored
against gold; capped so the record reads as a summary.
"""
from __future__ import annotations


from .. import rx
from ..schema import Item, Producer
from .context import Context

_DISCUSSION_HEAD = rx.compile(r"讨论|要点|议题|会议内容|内容摘要|摘要|分享|汇报|探讨")
_REPORTED = rx.compile(r"介绍了|讨论了|分享了|演示了|汇报了|说明了|同步了|提出了")
_LIMIT = 40


def extract_discussion(ctx: Context, taken: set[tuple[int, int]]) -> list[Item]:
    st, text = ctx.st, ctx.text
    out: list[Item] = []
    for bi, b in enumerate(st.blocks):
        if len(out) >= _LIMIT:
            break
        if ctx.role(bi) in ("skip", "meta") or b.kind in ("label", "cell"):
            continue
        if b.kind == "heading":
            parent = b.heading
            if parent is None or b.level < 3 or not _DISCUSSION_HEAD.search(st.span(parent)):
                continue
        elif b.parent is not None:
            continue
        elif not (_under_discussion(ctx, bi) or _REPORTED.search(text, b.start, b.end)):
            continue
        s, e = b.start, b.end
        if any(a < e and s < z for a, z in taken):
            continue
        why = "discussion.heading" if b.kind == "heading" else (
            "discussion.section" if _under_discussion(ctx, bi) else "discussion.reported")
        out.append(ctx.item("discussion", s, e, b, by=Producer(rule=why)))
    return out


def _under_discussion(ctx: Context, bi: int) -> bool:
    b = ctx.st.blocks[bi]
    if b.label is not None:
        return bool(_DISCUSSION_HEAD.search(ctx.st.blocks[b.label].key or ""))
    return b.heading is not None and bool(_DISCUSSION_HEAD.search(ctx.st.span(b.heading)))
