"""模糊表述: vague wording inside action items, consensus and deadlines.

The annotation guide flags a vague phrase where it hides responsibility or
time: inside an action item, a consensus or a deadline (and the heading of a
plan block, which dates every task under it). Elsewhere it is only wording,
which `minutes lint` can report when asked.
"""
from __future__ import annotations

from ..schema import Action, Flag, Item
from .context import Context


def vague_hits(ctx: Context, start: int, end: int) -> list[Flag]:
    out: list[Flag] = []
    for rule in ctx.rules.family("vague"):
        for hit in rule.finditer(ctx.text, start, end):
            # Two-character words are the ones that hide inside other words
            # (近期 in 临近期末); jieba's boundaries tell them apart.
            if len(hit.text) == 2 and not ctx.aligned(hit.start, hit.end):
                continue
            out.append(Flag(rule=rule.id, phrase=hit.text, message=rule.render(hit.text),
                            severity=rule.severity if rule.severity != "off" else "info",
                            source=ctx.source(hit.start, hit.end)))
    return out


def extract_vague(ctx: Context, actions: list[Action], consensus: list[Item]) -> list[Flag]:
    spans = {(a.source.start, a.source.end) for a in actions}
    spans |= {(c.source.start, c.source.end) for c in consensus}
    # headings of plan sections that hold actions ("### 近期Issue")
    for a in actions:
        h = ctx.st.blocks[_block_at(ctx, a.source.start)].heading
        while h is not None:
            if ctx.heading_role(h) == "plan":
                hb = ctx.st.blocks[h]
                spans.add((hb.start, hb.end))
            h = ctx.st.blocks[h].heading
    flags: dict[tuple[int, int], Flag] = {}
    for s, e in sorted(spans):
        for f in vague_hits(ctx, s, e):
            key = (f.source.start, f.source.end)
            if not any(k[0] <= key[0] and key[1] <= k[1] and k != key for k in flags):
                flags.setdefault(key, f)
    return sorted(flags.values(), key=lambda f: f.source.start)


def _block_at(ctx: Context, offset: int) -> int:
    for bi, b in enumerate(ctx.st.blocks):
        if b.start <= offset < max(b.end, b.start + 1):
            return bi
    return 0
