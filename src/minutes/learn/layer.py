"""Apply the unit classifier beside the rules.

Rules are the first layer: what they take stays, with its rule id, but for
an action taken on a weak sign (ctx.weak) that the classifier scores below
its `overrule` bound. The classifier then decides the units no rule
settled: a unit in a body section
that no rule took as an item of a kind becomes one when the model's score
for that kind reaches the threshold chosen by cross-validation. `model`
mode (for the ablation) keeps the rules' structure, owners and dates but
drops their item decisions, so every item comes from the classifier.
"""
from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from ..schema import Action, Item, Producer
from .model import LABELS, Model

if TYPE_CHECKING:  # pragma: no cover
    from ..extract.context import Context
    from ..units import Unit

LAYERS = ("rules", "model", "both")


def apply(ctx: "Context", model: Model, mode: str, consensus: list[Item], disagreements: list[Item],
          actions: list[Action]) -> tuple[list[Item], list[Item], list[Action]]:
    from ..extract.actions import build_action, opens_option
    from ..extract.consensus import excluded
    from ..units import units
    from .features import AFTER_TEXT, RESOLVED_GROUPS, cue_features, resolved_features, tail_features, text_sums

    if mode == "both" and ctx.view is not None:
        # Spoken transcripts: beside the rules the classifier (trained mostly
        # on written minutes) lowered action F1 0.408 → 0.389 in by-source
        # cross-validation over the open transcripts, and it was a fifth of a
        # long transcript's time. The rules decide transcripts alone; `model`
        # mode still runs it, for the ablation.
        return consensus, disagreements, actions
    if mode == "model":
        consensus, disagreements, actions = [], [], []
    elif model.overrule.get("action") and ctx.weak:
        actions = _overrule(ctx, model, actions)
    found: dict[str, list] = {"action": actions, "consensus": consensus, "disagreement": disagreements}
    taken = {label: _Spans([ctx.spans[i.id][:2] for i in items if i.id in ctx.spans]) for label, items in found.items()}
    for a, z in ctx.field_spans:
        taken["action"].add(a, z)  # an action's owner or deadline field (a cell, a sub-item naming who) is part of it
    thresholds = model.thresholds_alone if mode == "model" else model.thresholds
    biases = model.sums(())  # where every unit's sums start
    seen: dict = {}  # a heading's gram weights, looked up once for all the units under it
    open_here: dict[tuple[str | None, str | None], bool] = {}  # (label, heading) → of points left open
    for u in units(ctx):
        if u.role in ("skip", "meta") or u.kind == "cell":
            continue  # tables are read by their columns; skipped sections hold no items
        if is_record_field(ctx, u):
            continue  # "发起人：王敏", the paragraph under "## 背景": fields of the record, settled by the meta reader
        open_labels = [label for label in LABELS if not taken[label].hits(u.start, u.end)]
        for settled, other in (("disagreement", "consensus"), ("consensus", "disagreement")):
            if settled not in open_labels and other in open_labels:
                # what the rules read as left open the meeting did not agree on, and the
                # other way round: the two kinds exclude each other on one unit
                open_labels.remove(other)
        if u.role == "decision" and "consensus" not in open_labels and "action" in open_labels:
            # a decision the rules took under a 结论 heading ("确定发布窗口为…"): what the
            # meeting settled, not work the model may add on top
            open_labels.remove("action")
        if "action" in open_labels and opens_option(ctx, u.block):
            open_labels.remove("action")  # "方案二 用户自行判断": an alternative weighed, not work (as the rules read it)
        if "consensus" in open_labels and excluded(ctx, u.block):
            # "历史结论：…" is another meeting's: what the rules rule out, the model does not add
            open_labels.remove("consensus")
        if "consensus" in open_labels and _open_section(ctx, u, open_here):
            # under 分歧 / 待解决 a line is a position or a point left open, never
            # what the meeting agreed ("市场部观点：优先保证线上投放预算")
            open_labels.remove("consensus")
        if not open_labels:
            continue  # every kind already decided here: nothing for the model to add
        # unit_features, built in stages: most units cannot reach a threshold
        # whatever their cues, owner and deadline say, and those lookups (a
        # full owner and deadline resolution of the unit) were most of the
        # layer's cost. A unit is dropped only when the bound says no open
        # label can reach its threshold. The sums go on feature by feature in
        # unit_features' order, so a score is the one it gives, to the bit.
        tail = tail_features(ctx, u)
        z = text_sums(model, ctx, u, biases, seen)  # model.sums(text_features(ctx, u)), to the bit
        if not model.could_reach(model.sums(tail, z), AFTER_TEXT, open_labels, thresholds):
            continue
        z = model.sums(cue_features(ctx, u), z)
        if not model.could_reach(model.sums(tail, z), RESOLVED_GROUPS, open_labels, thresholds):
            continue
        scores = model.probabilities(model.sums(resolved_features(ctx, u) + tail, z))
        for label in LABELS:
            p = scores[label]
            # open_labels is still this unit's answer: a label's spans grow
            # only by its own items, and this unit adds at most one per label
            if p < thresholds.get(label, 1.1) or label not in open_labels:
                continue
            by = Producer(model=model.name, score=round(p, 3))
            if label == "action":
                item = build_action(ctx, u.block, u.start, u.end, by)
            else:
                item = ctx.item(label, u.start, u.end, ctx.st.blocks[u.block], by=by)
            found[label].append(item)
            taken[label].add(u.start, u.end)
    for items in found.values():
        items.sort(key=lambda i: i.source.start)
    return consensus, disagreements, actions


def _overrule(ctx: "Context", model: Model, actions: list[Action]) -> list[Action]:
    """The actions without those a rule took on a weak sign (ctx.weak) where
    the model scores the unit holding the action's start below its `overrule`
    bound: "前端：vue" read as a part and who, "修订记录" as a verb opening a line."""
    from ..units import units
    from .features import unit_features

    weak = {ctx.spans[a.id][0] for a in actions if a.id in ctx.weak and a.id in ctx.spans}
    if not weak:
        return actions
    bound = model.overrule["action"]
    low: set[int] = set()
    for u in units(ctx):
        for s in [s for s in weak if u.start <= s < u.end]:
            weak.discard(s)  # the first unit holding the start judges it, as for any unit
            if model.scores(unit_features(ctx, u))["action"] < bound:
                low.add(s)
        if not weak:
            break
    return [a for a in actions if not (a.id in ctx.weak and ctx.spans[a.id][0] in low)]


def is_record_field(ctx: "Context", u: "Unit") -> bool:
    """Is the unit a field of the record's header (a 时间/地点/发起人 key) or
    the text of its 背景 or 目标 section? The meta reader takes those."""
    from ..extract.meta import field_of

    if u.key and field_of(ctx, u.key) is not None:
        return True
    return bool(u.headings) and field_of(ctx, u.headings[-1]) in ("background", "goals")


def _open_section(ctx: "Context", u, answers: dict[tuple[str | None, str | None], bool]) -> bool:
    """Does the unit stand under a heading or label of points left open?
    Asked of every unit, answered once per (label, heading) in `answers`."""
    key = (u.label, u.headings[-1] if u.headings else None)
    found = answers.get(key)
    if found is None:
        found = answers[key] = any(ctx.rules.any("disagreements", "open-section", t) for t in key if t)
    return found


class _Spans:
    """Spans taken so far, kept sorted: an overlap test is a bisection, not a
    walk over every item (a long document has thousands)."""

    __slots__ = ("starts", "ends")

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        pairs = sorted(spans)
        self.starts = [a for a, _ in pairs]
        self.ends = [z for _, z in pairs]

    def add(self, s: int, e: int) -> None:
        i = bisect.bisect_left(self.starts, s)
        self.starts.insert(i, s)
        self.ends.insert(i, e)

    def hits(self, s: int, e: int) -> bool:
        i = bisect.bisect_left(self.starts, e)  # spans starting before e
        # spans are sentences, list items and rows: they rarely nest, so
        # looking back a few is enough to find one that reaches past s
        ends = self.ends
        for j in range(max(0, i - 8), i):  # a plain loop: asked for every unit, a generator costs
            if ends[j] > s:
                return True
        return False
