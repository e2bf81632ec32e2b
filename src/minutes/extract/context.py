"""What every extractor reads: the text, its structure, the rules, and what
earlier extractors found (meeting date, people). Built once per document."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from collections.abc import Iterator
from datetime import date
from typing import TYPE_CHECKING

from ..rules import RuleSet
from ..schema import Item, Meta, Source, id_text, item_id
from ..structure import Block, Sentence, Structure

if TYPE_CHECKING:  # pragma: no cover
    from ..segment import Tokens
    from ..transcript import Turn, View

_ROLES = ("skip", "body", "meta", "plan", "progress", "decision")


@dataclass(slots=True)
class Context:
    text: str
    st: Structure
    rules: RuleSet
    doc_key: str
    meeting_date: date | None = None
    meta: Meta = field(default_factory=Meta)
    people: set[str] = field(default_factory=set)
    block_dates: list[date | None] = field(default_factory=list)
    _roles: dict[int, str | None] = field(default_factory=dict)
    _ids: dict[tuple[str, str], int] = field(default_factory=dict)
    segment: bool = True  # whether word boundaries may be computed (jieba + spaCy)
    _tokens: dict[tuple[int, int], "Tokens"] = field(default_factory=dict)
    # Transcripts: `text` is the filler-free view, `orig` the text as read.
    view: "View | None" = None
    orig: str | None = None
    _orig_lines: list[int] = field(default_factory=list)
    _starts_cache: list[int] = field(default_factory=list)
    _deadlines: dict = field(default_factory=dict)
    _owners: dict = field(default_factory=dict)
    # item id → (start, end, block) in `text` (the view, for transcripts)
    spans: dict[str, tuple[int, int, int | None]] = field(default_factory=dict)
    _block_ids: dict[int, int] = field(default_factory=dict)
    _lower: tuple[int, frozenset[str]] | None = None
    # owner and deadline cells of action tables: vague words there count too
    field_spans: list[tuple[int, int]] = field(default_factory=list)

    def deadline(self, s: int, e: int, ref: date):
        """The first deadline in text[s:e] (offsets relative to s), looked up once per span."""
        key = (s, e, ref)
        if key not in self._deadlines:
            from ..resolve.dates import find_deadline

            d = find_deadline(self.text[s:e], ref)
            if d is not None and d.vague and len(d.text) == 2 and not self.aligned(s + d.start, s + d.end):
                d = None  # 适时 inside 合适时间段 is no vague deadline: not a word there
            self._deadlines[key] = d
        return self._deadlines[key]

    def owners(self, s: int, e: int) -> list:
        """Owners named in text[s:e] (resolve.owners.find_owners), looked up once per span."""
        key = (s, e)
        if key not in self._owners:
            from ..resolve.owners import find_owners

            self._owners[key] = find_owners(self.text, s, e, self.rules, self.people)
        return self._owners[key]

    def aligned(self, s: int, e: int) -> bool:
        """Does text[s:e] start and end on word boundaries? The sentence around
        it is segmented once, on first need: a record whose checks never ask
        never loads jieba or spaCy, and a long document is not segmented whole
        for a few words."""
        if not self.segment:
            return True
        from ..segment import surely_word

        if surely_word(self.text, s, e):  # no dictionary word could cross it: no need to load jieba
            return True
        sent = self._sentence_at(s)
        if sent is None:
            return True
        tokens = self._tokens.get(sent)
        if tokens is None:
            from ..segment import Tokens

            tokens = self._tokens[sent] = Tokens(self.text[sent[0]:sent[1]])
        return tokens.aligned(s - sent[0], e - sent[0])

    def _sentence_at(self, offset: int) -> tuple[int, int] | None:
        import bisect

        starts = self._sent_starts()
        i = bisect.bisect_right(starts, offset) - 1
        if i >= 0:
            sent = self.st.sentences[i]
            if sent.start <= offset < sent.end:
                return sent.start, sent.end
        b = next((b for b in self.st.blocks if b.start <= offset < b.end), None)
        return (b.start, b.end) if b is not None else None

    def _sent_starts(self) -> list[int]:
        if not self._starts_cache:
            self._starts_cache.extend(s.start for s in self.st.sentences)
        return self._starts_cache

    # --- evidence -----------------------------------------------------------
    def source(self, s: int, e: int, block: Block | None = None) -> Source:
        if self.view is not None and self.orig is not None:
            return self._orig_source(s, e, block)
        line = block.line if block is not None else self.st.line_of(s)
        speaker = block.key if block is not None and self.is_speaker(block) else None
        return Source(text=self.text[s:e], start=s, end=e, line=line, speaker=speaker)

    def _orig_source(self, s: int, e: int, block: Block | None) -> Source:
        """Map a span of the transcript view back to the text as read."""
        import bisect

        assert self.view is not None and self.orig is not None
        cmap = self.view.cmap
        os_, oe = cmap[s], cmap[max(s, e - 1)] + 1
        if not self._orig_lines:
            self._orig_lines = [0] + [i + 1 for i, c in enumerate(self.orig) if c == "\n"]
        line = bisect.bisect_right(self._orig_lines, os_)
        turn = self.turn_at(s)
        return Source(text=self.orig[os_:oe], start=os_, end=oe, line=line,
                      speaker=turn.speaker if turn else None, time=turn.time if turn else None)

    def turn_at(self, offset: int) -> "Turn | None":
        if self.view is None:
            return None
        line = self.st.line_of(offset) - 1
        return self.view.turns[line] if 0 <= line < len(self.view.turns) else None

    def item(self, kind: str, s: int, e: int, block: Block | None = None) -> Item:
        """An item over text[s:e]: display text cleaned, evidence exact."""
        from ..structure import clean

        src = self.source(s, e, block)
        item = Item(id=self.new_id(kind, src.text), text=clean(self.text[s:e]), source=src)
        self.spans[item.id] = (s, e, self._index_of(block) if block is not None else None)
        return item

    def _index_of(self, block: Block) -> int:
        if not self._block_ids:
            self._block_ids.update((id(b), i) for i, b in enumerate(self.st.blocks))
        return self._block_ids[id(block)]

    def body_sentences(self) -> "Iterator[tuple[Sentence, Block]]":
        """Sentences of the minutes' body: not headings, labels, or skipped/meta sections."""
        for sent in self.st.sentences:
            b = self.st.blocks[sent.block]
            if b.kind in ("heading", "label") or self.role(sent.block) in ("skip", "meta"):
                continue
            yield sent, b

    def new_id(self, kind: str, source_text: str) -> str:
        key = (kind, id_text(source_text))  # the id's own key: "A\u2028" and "A" are two occurrences
        n = self._ids.get(key, 0)
        self._ids[key] = n + 1
        return item_id(self.doc_key, kind, source_text, n)

    # --- where a block stands -------------------------------------------------
    def role(self, bi: int) -> str | None:
        """The section role governing a block: plan, progress, decision, skip, meta or None."""
        if bi in self._roles:
            return self._roles[bi]
        b = self.st.blocks[bi]
        role = None
        if b.kind == "cell" and b.column:
            role = self._role_of_text(b.column)
        if role is None and b.label is not None:
            role = self._role_of_text(self.st.blocks[b.label].key or "")
        h = b.heading
        nearest = True
        while role is None and h is not None:
            role = self._role_of_text(self.st.span(h))
            if role == "plan" and not nearest:
                # a plan heading dates and owns its own lines, not those of
                # sub-sections under it ("工作内容 / 开发板合作项目")
                role = None
            nearest = False
            h = self.st.blocks[h].heading
        if role == "body":
            role = None
        self._roles[bi] = role
        return role

    def _role_of_text(self, text: str) -> str | None:
        return _role_of(self.rules, text)

    def heading_role(self, hi: int) -> str | None:
        return self._role_of_text(self.st.span(hi))

    def is_speaker(self, b: Block) -> bool:
        """A `name: words` line attributes words to a participant."""
        if not b.key or b.value_start is None:
            return False
        if self.view is not None:
            return self.turn_at(b.start) is not None
        key = b.key
        if key in self.people or key.lower() in self._people_lower():
            return True
        if "/" in key and all(re.fullmatch(r"[A-Za-z][\w\-]*", k.strip()) for k in key.split("/")):
            return True
        # Latin handles (revy, Avenger_285714) are speakers; Chinese keys are
        # speakers only when known, since 结论/时间/前端 are labels.
        return bool(re.fullmatch(r"[A-Za-z][\w\-. ]{1,30}", key)) and not re.fullmatch(
            r"(?i)(todo|note|date|data|host|topic|action|owner|pr|issue|github|http|https|time|ps)", key)

    def _people_lower(self) -> frozenset[str]:
        # people are complete once metadata is read; rebuilt only if the set grew
        if self._lower is None or self._lower[0] != len(self.people):
            self._lower = (len(self.people), frozenset(p.lower() for p in self.people))
        return self._lower[1]

    def ref_date(self, bi: int) -> date | None:
        return self.block_dates[bi] if bi < len(self.block_dates) else self.meeting_date

    def sentences(self) -> list[Sentence]:
        return self.st.sentences


def _role_of(rules: RuleSet, text: str) -> str | None:
    """Heading and label texts repeat across an archive; a role depends only
    on the rules and the text, so it is computed once per rule set."""
    key = ("role", text)
    if key not in rules.memo:
        if len(rules.memo) > 50_000:
            rules.memo.clear()
        rules.memo[key] = _role_uncached(rules, text)
    return rules.memo[key]  # type: ignore[return-value]


def _role_uncached(rules: RuleSet, text: str) -> str | None:
    text = re.sub(r"^[^\w\u4e00-\u9fff]+", "", text).strip("*：: ")
    if not text:
        return None
    for role in _ROLES:
        if rules.any("sections", role, text):
            return role
    if _is_date_heading(text):
        return "plan"
    return None


_DATE_HEAD = re.compile(
    r"^(?:\d{4}[-/.年])?\d{1,2}[-/.月]\d{1,2}[日号]?(?:\s*(?:周|星期)[一二三四五六日天])?$|^\d{4}-\d{2}-\d{2}$")


def _is_date_heading(text: str) -> bool:
    """Headings that are only a date ("8.12", "2023-05-01") open a dated log entry."""
    return bool(_DATE_HEAD.match(text.strip()))
