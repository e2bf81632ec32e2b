"""共识点: what the meeting agreed or decided, each with its evidence.

A sentence is a consensus when it says so (决定, 一致同意, 达成共识, a vote),
when it stands under a `结论：` label or in a 结论 field, or when it is a
leaf line of a decision section (技术架构, 项目选择 …). Conclusions of an
earlier meeting (历史结论, 上次例会结论) are not this meeting's consensus.
"""
from __future__ import annotations

from ..schema import Item
from .context import Context


def extract_consensus(ctx: Context) -> list[Item]:
    text, rules = ctx.text, ctx.rules
    out: list[Item] = []
    spans: set[tuple[int, int]] = set()
    verdicts: dict[int, bool | None] = {}  # per block: its sentences share the block-level checks
    for sent, b in ctx.body_sentences():
        bi, s, e = sent.block, sent.start, sent.end
        if _open(ctx, s, e) or rules.any("actions", "question", text, s, e):
            continue
        if not _is_consensus(ctx, bi, s, e, verdicts):
            continue
        if ctx.view is not None and ctx.rules.any("transcripts", "agree", text, b.start, b.end):
            continue  # "同意。" agrees with a statement; the statement is the consensus
        out.append(ctx.item("consensus", s, e, b))
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
    return any(r.search(text, s, e) for r in rules.family("disagreements"))


def _is_consensus(ctx: Context, bi: int, s: int, e: int, verdicts: dict[int, bool | None] | None = None) -> bool:
    text, st, rules = ctx.text, ctx.st, ctx.rules
    b = st.blocks[bi]
    # The block-level checks scan the whole block: once per block, not once per
    # sentence (a long line of many sentences was quadratic).
    if verdicts is None or bi not in verdicts:
        verdict = _block_verdict(ctx, bi)
        if verdicts is None:
            return verdict if verdict is not None else _sentence_verdict(ctx, bi, s, e)
        verdicts[bi] = verdict
    verdict = verdicts[bi]
    if verdict is not None:
        return verdict
    return _sentence_verdict(ctx, bi, s, e)


def _block_verdict(ctx: Context, bi: int) -> bool | None:
    """True/False when the block decides for all its sentences, else None."""
    text, st, rules = ctx.text, ctx.st, ctx.rules
    b = st.blocks[bi]
    if rules.any("consensus", "exclude", text, b.start, b.end):
        return False
    if b.label is not None:
        lb = st.blocks[b.label]
        if rules.any("consensus", "exclude", text, lb.start, lb.end):
            return False
        if rules.any("consensus", "label", text, lb.start, lb.end):
            return True
    if rules.any("consensus", "label", text, b.start, b.end):
        return True  # every sentence of a "结论：…" block
    return None


def _sentence_verdict(ctx: Context, bi: int, s: int, e: int) -> bool:
    text, st, rules = ctx.text, ctx.st, ctx.rules
    b = st.blocks[bi]
    if rules.any("consensus", "trigger", text, s, e):
        return True
    if ctx.role(bi) == "decision" and b.kind in ("item", "para") and b.children == 0:
        # leaf lines of a decision section: "技术架构 / 后端 / Flask"
        return not rules.any("actions", "question", text, s, e)
    return False
