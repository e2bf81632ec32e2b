"""共识点: what the meeting agreed or decided, each with its evidence.

A sentence is a consensus when it says so (决定, 一致同意, 达成共识, a vote),
when it stands under a `结论：` label or in a 结论 field, or when it is a
leaf line of a decision section (技术架构, 项目选择 …). Conclusions of an
earlier meeting (历史结论, 上次例会结论) are not this meeting's consensus.
"""
from __future__ import annotations

import re

from .. import rx
from ..schema import Item, Producer
from ..structure import Block, bare_links_only
from .context import Context
from .meta import field_of


def extract_consensus(ctx: Context) -> list[Item]:
    text, rules = ctx.text, ctx.rules
    out: list[Item] = []
    spans: set[tuple[int, int]] = set()
    for sent, b in ctx.body_sentences():
        bi, s, e = sent.block, sent.start, sent.end
        # what makes a consensus first: few sentences have it, and the
        # checks that exclude one (open points, questions) then run on those few
        why = _is_consensus(ctx, bi, s, e)
        if why is None or _open(ctx, s, e) or rules.any("actions", "question", text, s, e) or bare_links_only(text, s, e):
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
    verdict = _block(ctx, bi)
    if verdict is False:
        return None
    if isinstance(verdict, str):
        return verdict
    return _sentence_verdict(ctx, bi, s, e)


def excluded(ctx: Context, bi: int) -> bool:
    """Do the exclusion rules say block bi holds no consensus of this meeting
    ("历史结论：…", "结论：无"), by its own words or its label's?"""
    return _block(ctx, bi) is False


def _block(ctx: Context, bi: int) -> str | bool | None:
    """_block_verdict, once per block: the block-level checks scan the whole
    block, and each of its sentences asks (a long line of many sentences was
    quadratic), as does the learned layer for each of its units."""
    memo = ctx.memo.consensus_blocks
    if bi not in memo:
        memo[bi] = _block_verdict(ctx, bi)
    return memo[bi]


def _block_verdict(ctx: Context, bi: int) -> str | bool | None:
    """A rule id when the block makes all its sentences consensus, False when
    it excludes them, None when each sentence decides."""
    text, st, rules = ctx.text, ctx.st, ctx.rules
    b = st.blocks[bi]
    if rules.any("consensus", "exclude", text, b.start, b.end):
        return False
    if b.label is not None:
        lb = st.blocks[b.label]
        # a label's exclusion covers the lines under it ("上次例会结论："),
        # unless it is about the label line alone (scope line: "…结论如下：")
        if any(r.extra.get("scope") != "line" and r.search(text, lb.start, lb.end)
               for r in rules.role("consensus", "exclude")):
            return False
        r = rules.which("consensus", "label", text, lb.start, lb.end)
        if r is not None:
            return r.id
    r = rules.which("consensus", "label", text, b.start, b.end)
    return r.id if r is not None else None  # every sentence of a "结论：…" block


def _sentence_verdict(ctx: Context, bi: int, s: int, e: int) -> str | None:
    text, st, rules = ctx.text, ctx.st, ctx.rules
    b = st.blocks[bi]
    r = rules.which("consensus", "trigger", text, s, e, spoken=ctx.view is not None)
    if r is not None:
        return r.id
    if ctx.in_record_voice(b):
        # a rule stated for everyone is the meeting's only in the record's own
        # voice: a speaker's "一定要…" is a position
        r = rules.which("consensus", "norm", text, s, e)
        if r is None and ctx.role(bi) != "plan" and not _states_aim(ctx, b):
            # "确定游戏结构为…" opening a line of the record: settled here; in a plan, work
            # to do, and under 目标 or 会议主题 what the meeting set out to settle
            r = rules.which("consensus", "record", text, s, e)
        if r is not None:
            return r.id
    if ctx.role(bi) == "decision" and b.kind in ("item", "para") and _leaf(ctx, bi):
        # leaf lines of a decision section: "技术架构 / 后端 / Flask"; not a closing
        # rule ("———— END ————") nor a header field of the next entry ("时间：10月5日")
        if _RULE_LINE.fullmatch(text, s, e) or _header_field(ctx, b):
            return None
        return None if rules.any("actions", "question", text, s, e) else "section.decision"
    return None


_RULE_LINE = rx.compile(r"[\s\-—–=_*~#·.]*(?:the\s+end|end|完|以上|结束)?[\s\-—–=_*~#·.]*", re.I)


def _header_field(ctx: Context, b: Block) -> bool:
    """When or where ("时间：10月5日"): the header of what follows. (Who chairs,
    "会议主持：轮流主持", or what the aims are may well be decided.)"""
    return b.key is not None and b.value_start is not None and field_of(ctx, b.key) in ("date", "location")


def _leaf(ctx: Context, bi: int) -> bool:
    """Has the line no lines of its own under it? An address under it (the PR
    or repository it refers to) does not make it a title over other points."""
    b = ctx.st.blocks[bi]
    if b.children == 0:
        return True
    blocks, left = ctx.st.blocks, b.children
    for j in range(bi + 1, len(blocks)):  # children follow their parent: stop at the last
        c = blocks[j]
        if c.parent == bi:
            if not bare_links_only(ctx.text, c.start, c.end):
                return False
            left -= 1
            if not left:
                break
    return True


def _states_aim(ctx: Context, b: Block) -> bool:
    """Is the block the meeting's topic, background or goals ("## 目标" over
    "确定上线时间…", "会议主题：确定分工")? What it names is still to settle."""
    aims = ("goals", "background", "topic")
    if b.key and field_of(ctx, b.key) in aims:
        return True
    return b.heading is not None and field_of(ctx, ctx.st.span(b.heading)) in aims
