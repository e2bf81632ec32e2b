"""共识点: what the meeting agreed or decided, each with its evidence.

A sentence is a consensus when it says so (决定, 一致同意, 达成共识, a vote),
when it stands under a `结论：` label or in a 结论 field, or when it is a
leaf line of a decision section (技术架构, 项目选择 …). Conclusions of an
earlier meeting (历史结论, 上次例会结论) are not this meeting's consensus.
"""
from __future__ import annotations

from ..schema import Item, Producer
from .context import Context


def extract_consensus(ctx: Context) -> list[Item]:
    text, rules = ctx.text, ctx.rules
    out: list[Item] = []
    spans: set[tuple[int, int]] = set()
    for sent, b in ctx.body_sentences():
        bi, s, e = sent.block, sent.start, sent.end
        if _open(ctx, s, e) or rules.any("actions", "question", text, s, e):
            continue
        why = _is_consensus(ctx, bi, s, e)
        if why is None:
            continue
        if ctx.view is not None and ctx.rules.any("transcripts", "agree", text, b.start, b.end):
            continue  # "同意。" agrees with a statement; the statement is the consensus
        out.append(ctx.item("consensus", s, e, b, by=Producer(rule=why)))
        spans.add((s, e))
    if ctx.view is not None:
        from .speech import speech_consensus

        out += speech_consensus(ctx, spans)
        out.sort(key=lambda i: i.source.start)
    return out


def _open(ctx: Context, s: int, e: int) -> bool:
    rules, text = ctx.rules, ctx.text
    if not rules.maybe("disagreements", ("trigger", "option"), text, s, e):
        return False
    return any(rules.any("disagreements", role, text, s, e) for role in ("trigger", "option"))


def _is_consensus(ctx: Context, bi: int, s: int, e: int) -> str | None:
    """The id of the rule (or structural reason) that makes this a consensus, else None."""
    text, st, rules = ctx.text, ctx.st, ctx.rules
    b = st.blocks[bi]
    block_text_start = b.start
    if rules.any("consensus", "exclude", text, block_text_start, b.end):
        return None
    if b.label is not None:
        lb = st.blocks[b.label]
        if rules.any("consensus", "exclude", text, lb.start, lb.end):
            return None
        r = rules.which("consensus", "label", text, lb.start, lb.end)
        if r is not None:
            return r.id
    r = rules.which("consensus", "label", text, b.start, b.end)
    if r is not None:
        return r.id  # every sentence of a "结论：…" block
    r = rules.which("consensus", "trigger", text, s, e)
    if r is not None:
        return r.id
    if ctx.role(bi) == "decision" and b.kind in ("item", "para") and b.children == 0:
        # leaf lines of a decision section: "技术架构 / 后端 / Flask"
        return None if rules.any("actions", "question", text, s, e) else "section.decision"
    return None
