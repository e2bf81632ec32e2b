"""分歧点 / 待决事项: points not agreed, or explicitly left open.

Triggers (分歧, 不认可, 暂未达成一致, 待下次会议讨论, 需法务确认, X认为…Y则认为)
and alternatives listed side by side (方案一 / 方案二) under an open question.
"""
from __future__ import annotations

from ..schema import Item, Producer
from ..structure import Block
from .context import Context


def extract_disagreements(ctx: Context) -> list[Item]:
    text, rules = ctx.text, ctx.rules
    out: list[Item] = []
    spans: set[tuple[int, int]] = set()
    options = _option_blocks(ctx)
    for sent, b in ctx.body_sentences():
        bi, s, e = sent.block, sent.start, sent.end
        hit = rules.which("disagreements", "trigger", text, s, e, spoken=ctx.view is not None) \
            if rules.maybe("disagreements", ("trigger",), text, s, e) else None
        why = hit.id if hit is not None else "disagreement.option" if bi in options and s == b.start else None
        if why is None:
            why = _open_point(ctx, bi, s, e)  # a question under 疑问点, any line under 未尽事宜
        if why is None and ctx.in_record_voice(b) and not _answered(ctx, bi):
            # the record's own yes/no or either/or question ("是否需要区分…？"): still to decide
            r = rules.which("disagreements", "choice", text, s, e)
            why = r.id if r is not None else None
        if why is None or _settled_after(ctx, b, e):
            continue
        out.append(ctx.item("disagreement", s, e, b, by=Producer(rule=why)))
        spans.add((s, e))
    if ctx.view is not None:
        from .speech import speech_objections

        out += speech_objections(ctx, spans)
        out.sort(key=lambda i: i.source.start)
    return out


def _settled_after(ctx: Context, b: Block, e: int) -> bool:
    """"前端框架用 Vue 还是 React？大家倾向 Vue，最后定了 Vue3。": the question
    the item asks, the item itself settles; the point is not left open."""
    text = ctx.text
    return e < b.end and text[e - 1:e] in "？?" \
        and ctx.rules.which("consensus", "trigger", text, e, b.end, spoken=ctx.view is not None) is not None


def _answered(ctx: Context, bi: int) -> bool:
    """A question the next line answers under a label ("Q1：…？" then "A1：…",
    "问：…" then "答：…"): a FAQ, settled, nothing left to decide."""
    blocks = ctx.st.blocks
    if bi + 1 >= len(blocks):
        return False
    nxt = blocks[bi + 1]
    return nxt.key is not None and ctx.rules.any("disagreements", "answer-label", nxt.key) is not None


def _option_blocks(ctx: Context) -> set[int]:
    """Blocks that open an alternative (方案一 …) with at least one sibling alternative."""
    st, text, rules = ctx.st, ctx.text, ctx.rules
    found = [bi for bi, b in enumerate(st.blocks)
             if b.kind in ("item", "para") and rules.any("disagreements", "option", text, b.start, b.end)]
    groups: dict[tuple[int | None, int | None], list[int]] = {}
    for bi in found:
        b = st.blocks[bi]
        groups.setdefault((b.heading, b.parent), []).append(bi)
    return {bi for g in groups.values() if len(g) >= 2 for bi in g}


def _open_point(ctx: Context, bi: int, s: int, e: int) -> str | None:
    """The rule that makes the unit a point left open by where it stands: a
    question under a heading or label of open points (疑问点, 尚未解决的问题),
    or any line under one that lists only what is still to be settled (未尽事宜)."""
    rules, st = ctx.rules, ctx.st
    b = st.blocks[bi]
    scopes = [st.blocks[b.label].key or ""] if b.label is not None else []
    if b.heading is not None:
        scopes.append(st.span(b.heading).strip("*# "))

    def rule_of(role: str) -> str | None:  # the first rule of the role that one of the scopes matches
        return next((r.id for sc in scopes if (r := rules.which("disagreements", role, sc)) is not None), None)

    if b.kind in ("item", "para") and s == b.start and (found := rule_of("open-list")) is not None:
        return found
    if rules.any("disagreements", "question", ctx.text, s, e) is None:
        return None
    return rule_of("open-section")
