"""Spoken-language cues for transcripts: who commits, what was settled.

Owners from speech: a name addressed (王五你那边… → 王五), a handover
(交给李四, 王五来负责), explicit owner patterns, and only then the first
person (我来跟, 我这边 → the speaker; 我们组 → the speaker's department
when the participants list gives it) or the second (你/您 → the one other
speaker who answered yes right after). The speaker is never the owner when
the sentence assigns someone else.

Consensus from speech: explicit settling (那就这么定了, 就按这个来) and a
statement that two or more other speakers agree with in a row. Disagreement:
objections (我不太同意, 这个有风险, 回头再议).
"""
from __future__ import annotations

import re

from .. import rx
from ..resolve.owners import Owner, find_owners, plausible
from ..schema import Action, Item, Producer
from ..structure import clean
from .context import Context

_TEAM_WORDS = ("我们组", "我们部门", "我们团队", "我们这边")
_PRONOUN = rx.compile(r"[我你他她它们咱]")
_YOU = rx.compile(r"[你您](?!们)")


def add_speakers(ctx: Context) -> None:
    """Participants from the speakers seen, merged with any written list.
    Unnamed labels (说话人1) are not people: they are reported as missing."""
    from ..transcript import is_unnamed

    assert ctx.view is not None
    if ctx.meta.topic is None and ctx.view.turns and ctx.view.turns[0] is None:
        first = ctx.text.split("\n", 1)[0].strip()
        if 0 < len(first) <= 40 and not re.search(r"\d{1,2}:\d{2}", first):
            ctx.meta.topic = clean(first)
    seen = list(ctx.meta.participants)
    for t in (*ctx.view.turns, *ctx.view.dropped):
        if t is not None and t.speaker and t.speaker not in seen and not is_unnamed(t.speaker):
            seen.append(t.speaker)
    ctx.meta.participants = seen
    ctx.people.update(seen)
    if ctx.script_map:  # names are matched in the simplified copy of the text
        from ..script import simplified

        ctx.people.update(simplified(p) or p for p in seen)


def _hit(ctx: Context, role: str, s: int, e: int):
    return ctx.rules.any("transcripts", role, ctx.text, s, e)


_COMMITTING = ("first-person", "addressee", "handover")


def is_commitment(ctx: Context, s: int, e: int) -> bool:
    # asked of every turn: most hold none of the three, which one pass of
    # their unguarded patterns tells (rules.maybe) before each role's guards run
    return ctx.rules.maybe("transcripts", _COMMITTING, ctx.text, s, e) \
        and any(_hit(ctx, r, s, e) for r in _COMMITTING)


def speech_owners(ctx: Context, s: int, e: int) -> list[Owner]:
    text = ctx.text
    for role, group in (("addressee", "owner"), ("handover", "owner")):
        h = _hit(ctx, role, s, e)
        if h is not None:
            for g in (group, "owner2"):
                if g in h.spans:
                    a, z = h.spans[g]
                    name = text[a:z]
                    # "文档我来跟": the words before 我来 are not a name
                    if name in ctx.people or (not _PRONOUN.search(name) and plausible(name, ctx.people)):
                        return [Owner(name, a, z, f"owner.{role}")]
    # 大家/全员 said aloud addresses the room (a podcast's listeners, docs/annotation.md):
    # who is meant is not named, so it owns nothing in speech
    owners = [o for o in find_owners(text, s, e, ctx.rules, ctx.people) if o.rule not in ("owner.subject", "owner.everyone")]
    if owners:
        return owners
    h = _hit(ctx, "first-person", s, e)
    turn = ctx.turn_at(s)
    if h is None and turn is not None and _YOU.search(text, s, e):
        # "麻烦到时候您看一下那个邮箱" — "[no.1]: 行。": 你/您 is the one who
        # answered yes, when exactly one other voice did; else no one named
        agreed = {who for who, yes in turn.acks if yes and who and who != turn.speaker}
        if len(agreed) == 1:
            return [Owner(agreed.pop(), -1, -1, "owner.acknowledged")]
    if h is None or turn is None or not turn.speaker:
        return []
    who = h.groups.get("who") or ""
    if who == "我们":
        return []  # "我们会…": the speaker's side, no one named (咱们/我们 → null)
    if who in _TEAM_WORDS:
        for dept, names in ctx.meta.departments.items():
            if turn.speaker in names:
                return [Owner(dept, -1, -1, "owner.speaker-department")]
    return [Owner(turn.speaker, -1, -1, "owner.speaker")]


def speech_consensus(ctx: Context, taken: set[tuple[int, int]]) -> list[Item]:
    st = ctx.st
    out: list[Item] = []
    blocks = [bi for bi, b in enumerate(st.blocks) if ctx.turn_at(b.start) is not None]
    sentences_of: dict[int, list] = {}
    for x in st.sentences:
        sentences_of.setdefault(x.block, []).append(x)
    agree = {bi for bi in blocks if _hit(ctx, "agree", st.blocks[bi].start, st.blocks[bi].end)}
    taken_view = set(taken)
    for sent in st.sentences:
        if _hit(ctx, "decide", sent.start, sent.end) and (sent.start, sent.end) not in taken_view \
                and sent.block not in agree:
            out.append(_item(ctx, "consensus", sent.start, sent.end, sent.block, "transcript.decide"))
            taken_view.add((sent.start, sent.end))
    for n, bi in enumerate(blocks):
        if bi in agree:
            continue
        turn = ctx.turn_at(st.blocks[bi].start)
        speaker = turn.speaker  # type: ignore[union-attr]
        agreeing = {who for who, agreed in turn.acks if agreed}  # type: ignore[union-attr]
        for j in range(n + 1, len(blocks)):  # indices, not a slice: a copy of the rest per turn was quadratic
            nxt = blocks[j]
            if nxt not in agree:
                break
            agreeing.add(ctx.turn_at(st.blocks[nxt].start).speaker)  # type: ignore[union-attr]
        agreeing.discard(speaker)
        if len(agreeing) >= 2:
            last = sentences_of[bi][-1]
            if (last.start, last.end) not in taken_view:
                out.append(_item(ctx, "consensus", last.start, last.end, bi, "transcript.agree"))
                taken_view.add((last.start, last.end))
    return out


def speech_objections(ctx: Context, taken: set[tuple[int, int]]) -> list[Item]:
    out = []
    for sent in ctx.st.sentences:
        if (sent.start, sent.end) in taken or ctx.turn_at(sent.start) is None:
            continue
        if _hit(ctx, "object", sent.start, sent.end):
            out.append(_item(ctx, "disagreement", sent.start, sent.end, sent.block, "transcript.object"))
    return out


def _item(ctx: Context, kind: str, s: int, e: int, bi: int, why: str) -> Item:
    return ctx.item(kind, s, e, ctx.st.blocks[bi], by=Producer(rule=why))


# the words that turn the work to the one spoken to, the first time only, keeping the
# topic before them: "那就你去跟你的主管说" → "跟你的主管说", "预案这个你来写" → "预案这个写"
_YOU_ASKED = rx.compile(r"^\s*(?:(?:那这样|那就|那|好|行)[，,]?\s*)*(?P<topic>[\u4e00-\u9fff]{0,6}?(?:这个)?)(?:你们|你|您)(?:先|回头|待会儿?|一会儿|来|去)?")
_PARTICLE_END = rx.compile(r"[吧啊呢]+(?=[，,]|$)|[，,\s]+$")
_AGREE = rx.compile(r"\s*(?:好的?|行|可以|没问题|OK|ok|收到)[，,。！!\s]")  # a yes opening the turn
_ASK_LEAD = rx.compile(r"^\s*(?:那么|那就|那|然后|所以|这个|那个|就是)+\s*")
_ASK_TAIL = rx.compile(r"[，,]?\s*(?:这个|那个|这件事)?\s*$")  # "这个谁来弄？": the words pointing at the work


def merge_handoffs(ctx: Context, actions: list[Action]) -> list[Action]:
    """A commitment spread over turns is one action of the one who accepted.

    "这个谁来弄？" — "我来吧" — "行，那就你负责，周四前给我": the accepting
    turn is the evidence and its speaker the owner; the task comes from the
    question, the deadline from the confirming turn, which is not an action
    of its own."""
    st = ctx.st
    turn_blocks = [bi for bi, b in enumerate(st.blocks) if ctx.turn_at(b.start) is not None]
    by_block = {ctx.spans[a.id][2]: a for a in actions if a.id in ctx.spans}
    drop: set[str] = set()
    updated: dict[str, Action] = {}
    for n, bi in enumerate(turn_blocks):
        a = by_block.get(bi)
        b = st.blocks[bi]
        if a is None or n == 0:
            continue
        q = st.blocks[turn_blocks[n - 1]]
        asker = ctx.turn_at(q.start)
        me = ctx.turn_at(b.start)
        if asker is None or me is None or asker.speaker == me.speaker:
            continue
        asked = by_block.get(turn_blocks[n - 1])
        if asked is not None and asked.owner in (None, me.speaker) and _AGREE.match(ctx.text, b.start, b.end) \
                and (you := _hit(ctx, "addressee", q.start, q.end)) is not None:
            # "你去跟人事说一下" — "好的，我明天就去": the work asked, taken up by who said yes
            drop.add(asked.id)
            when = {"due": a.due, "due_text": a.due_text} if a.due_text else {"due": asked.due, "due_text": asked.due_text}
            clause = re.split(r"[。！!？?；;]", ctx.text[you.start:q.end])[0]
            task = clean(_PARTICLE_END.sub("", _YOU_ASKED.sub(r"\g<topic>", clause, count=1))) or asked.task
            updated[a.id] = a.model_copy(update={"task": task, **when})
            continue
        pure = _hit(ctx, "accept", b.start, b.end) is not None  # "我来吧" alone: the task is the question's
        if not pure and _hit(ctx, "accept-lead", b.start, b.end) is None:
            continue
        who = _hit(ctx, "who-question", q.start, q.end)
        if who is None:
            continue
        update: dict = {}
        if pure:
            # the last clause before 谁, without the words that lead into it: of
            # "嗯，这个确实，那测试谁来跟一下？" the work is 测试
            before = ctx.text[q.start:who.start]
            asked = re.split(r"[，,。；;]", before)[-1]
            task = clean(_ASK_LEAD.sub("", _ASK_TAIL.sub("", asked))) or clean(_ASK_TAIL.sub("", before)) \
                or clean(ctx.text[q.start:q.end])
            update["task"] = task.rstrip("？?，, ")
        if n + 1 < len(turn_blocks):
            c = st.blocks[turn_blocks[n + 1]]
            confirm = by_block.get(turn_blocks[n + 1])
            if _hit(ctx, "confirm", c.start, c.end):
                if confirm is not None:
                    drop.add(confirm.id)
                    if a.due is None and confirm.due is not None:
                        update.update(due=confirm.due, due_text=confirm.due_text)
        updated[a.id] = a.model_copy(update=update)
    return [updated.get(a.id, a) for a in actions if a.id not in drop]
