"""模糊表述: vague wording inside action items, consensus and deadlines.

The annotation guide flags a vague phrase where it hides responsibility or
time: inside an action item, a consensus, a point left open or a deadline
field. Not in headings ("### 近期工作" names a section; the guide leaves
headings out), nor elsewhere: there it is only wording, which `minutes lint`
can report when asked.
"""
from __future__ import annotations

from collections.abc import Sequence

from ..schema import Action, Flag, Item
from .context import Context


def vague_hits(ctx: Context, start: int, end: int) -> list[Flag]:
    out: list[Flag] = []
    rules, scr = ctx.rules.screened("vague", None)
    if scr is not None and scr.search(ctx.text, start, end) is None:
        return out  # no vague word can start anywhere in the span: no rule is tried
    for rule in rules:
        words = rule.extra.get("boundaries", "words") == "words"
        for hit in rule.finditer(ctx.text, start, end):
            # Two-character words are the ones that hide inside other words
            # (近期 in 临近期末); jieba's boundaries tell them apart, unless the
            # rule says its words hide nowhere (boundaries = "any")
            if words and len(hit.text) == 2 and not ctx.aligned(hit.start, hit.end):
                continue
            out.append(Flag(rule=rule.id, phrase=hit.text, message=rule.render(hit.text),
                            severity=rule.severity if rule.severity != "off" else "info",
                            source=ctx.source(hit.start, hit.end)))
    return out


def extract_vague(ctx: Context, actions: list[Action], consensus: list[Item],
                  disagreements: Sequence[Item] = ()) -> list[Flag]:
    # spans in ctx.text (the filler-free view of a transcript), not source offsets;
    # a point left open is flagged too: its follow-up ("推进人员待定", "后续再议")
    # is where the vague words hide who and when
    spans = {ctx.spans[i.id][:2] for i in (*actions, *consensus, *disagreements) if i.id in ctx.spans}
    spans.update(ctx.field_spans)
    flags: dict[tuple[int, int], Flag] = {}
    ends_by_start: dict[int, list[int]] = {}  # to find a flag holding this one without a scan of all
    longest = 0
    for s, e in sorted(spans):
        for f in vague_hits(ctx, s, e):
            key = (f.source.start, f.source.end)
            if key in flags or any(en >= key[1] and (st, en) != key
                                   for st in range(key[0] - longest, key[0] + 1)
                                   for en in ends_by_start.get(st, ())):
                continue
            flags[key] = f
            ends_by_start.setdefault(key[0], []).append(key[1])
            longest = max(longest, key[1] - key[0])
    return sorted(flags.values(), key=lambda f: f.source.start)

