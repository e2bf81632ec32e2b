"""Per-document lookups that extractors repeat: answered once, kept here.

`Context` says what the document is (text, structure, meeting date, people);
this says what has already been computed about it. Nothing in here changes a
record: dropping the memo only costs time.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from ..segment import Tokens


@dataclass(slots=True)
class Memo:
    roles: dict[int, str | None] = field(default_factory=dict)  # block → section role
    tokens: dict[tuple[int, int], "Tokens"] = field(default_factory=dict)  # sentence → word boundaries
    deadlines: dict[tuple[Any, ...], Any] = field(default_factory=dict)  # (start, end, ref) → Deadline
    owners: dict[tuple[int, int], list[Any]] = field(default_factory=dict)  # span → owners
    lead_names: dict[tuple[int, int], list[Any]] = field(default_factory=dict)  # span → lead-name owner
    options: dict[int, bool] = field(default_factory=dict)  # block → opens an alternative (方案二 …)
    # block → its consensus verdict as a whole (consensus._block_verdict): asked by
    # each of its sentences and by the learned layer, scanned once
    consensus_blocks: dict[int, str | bool | None] = field(default_factory=dict)
    cell_rosters: dict[int, Any] = field(default_factory=dict)  # cell → (its names：match, the cell's span) or None
    rosters: frozenset[int] | None = None  # blocks in a roster of `name：part` lines, found in one pass
    staffing: dict[str, tuple[int, list[tuple[int, int]]]] | None = None  # part → (its `part：names` line, the names)
    orig_lines: list[int] = field(default_factory=list)  # line starts of a transcript as read
    sent_starts: list[int] = field(default_factory=list)
    block_ids: dict[int, int] = field(default_factory=dict)  # id(block) → index
    people_lower: tuple[int, frozenset[str]] | None = None
    # (key, where its words start, line end) → a participant's words (Context.is_speaker),
    # for the people as many as speakers_of
    speakers: dict[tuple[str, int, int], bool] = field(default_factory=dict)
    speakers_of: int = -1
    date_names: tuple[int, tuple[str, ...]] | None = None  # people whose names read as a date (周天远)
    mentioned: frozenset[str] | None = None  # Chinese names @-mentioned in the document
    listed: frozenset[str] | None = None  # names listed beside someone's name ("鲁睿，魏来")
    name_lines: dict[int, int] | None = None  # list item → the bare name line over its list
    # paragraph → the numbered section name over it ("2. 核心决策"), and those names
    title_items: tuple[dict[int, int], frozenset[int]] | None = None
    outline: dict[int, int] | None = None  # heading → where its section number ends (Structure.outline_numbers)
    roster_ends: dict[int, int | float] = field(default_factory=dict)  # heading → its first label of no role (Context._roster_end)
    periods: dict[int, int | None] = field(default_factory=dict)  # heading → the period heading beside it (scope)
    # the signed topic lines, and block → the signers of the numbered topic it follows up
    signed_topics: tuple[frozenset[int], dict[int, list[Any]]] | None = None
