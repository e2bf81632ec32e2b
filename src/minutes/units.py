"""Units of decision: the spans that rules and the learned layer judge.

A unit is a list item, a prose sentence or a table cell, together with what
describes where it stands: its section role, heading path, list depth, the
key of a `key：value` line, the governing block label, the table column, a
checkbox. Extractors and the classifier read the same units, so an item's
evidence is always one of them (or a row of a task table).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterator

if TYPE_CHECKING:  # pragma: no cover
    from .extract.context import Context


@dataclass(frozen=True, slots=True)
class Unit:
    start: int
    end: int
    line: int
    block: int  # index into Structure.blocks
    kind: str  # item | para | cell
    role: str | None  # section role: plan, progress, decision, skip, meta, or None
    headings: tuple[str, ...]  # heading path, nearest last
    depth: int  # list nesting (0 for prose)
    key: str | None  # the key of a `key：value` line
    label: str | None  # the governing block label (`结论：`)
    parent: str | None  # a list item's parent item, as written ("- 决定：" over "  - 采用方案A")
    column: str | None  # table cells: the column header
    checked: bool | None  # checkbox state, when the line has one
    speaker: bool  # a `name：words` line of a participant or transcript turn
    first: bool  # the first sentence of its block


def units(ctx: "Context") -> Iterator[Unit]:
    """Every unit of the document's body, in text order.

    Headings and labels are not units (they describe units); list items and
    cells are whole units, prose lines are cut into sentences.
    """
    st = ctx.st
    last_block = -1
    for sent in st.sentences:
        bi = sent.block
        b = st.blocks[bi]
        if b.kind == "label" or (b.kind == "heading" and not ctx.content_heading(bi)):
            continue
        whole = b.kind in ("item", "cell")
        if whole and bi == last_block:
            continue
        first = bi != last_block
        last_block = bi
        s, e = (b.start, b.end) if whole else (sent.start, sent.end)
        if s >= e:
            continue
        yield Unit(
            start=s, end=e, line=b.line if whole else sent.line, block=bi, kind=b.kind,
            role=ctx.role(bi), headings=tuple(st.headings_of(bi)), depth=b.level if b.kind == "item" else 0,
            key=b.key if b.value_start is not None else None,
            label=st.blocks[b.label].key if b.label is not None else None,
            parent=_parent_text(ctx, b.parent) if b.kind == "item" and b.parent is not None else None,
            column=b.column, checked=b.checked, speaker=ctx.is_speaker(b), first=first,
        )


def _parent_text(ctx: "Context", pi: int) -> str:
    p = ctx.st.blocks[pi]
    return ctx.text[p.start:p.end]
