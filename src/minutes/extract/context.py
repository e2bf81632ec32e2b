"""What every extractor reads: the text, its structure, the rules, and what
earlier extractors found (meeting date, people). Built once per document."""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from collections.abc import Iterator
from datetime import date
from typing import TYPE_CHECKING

from .. import rx
from ..lines import line_starts
# the resolvers are asked for thousands of spans a document: imported once
# here (the pipeline imports them through the extractors in any case)
from ..resolve.dates import find_deadline, find_deadlines
from ..resolve.owners import could_be_name, find_owners, is_handle
from ..rules import RuleSet
from ..schema import Item, Meta, Producer, Source, id_text, item_id
from ..structure import Block, Sentence, Structure
from .memo import Memo

if TYPE_CHECKING:  # pragma: no cover
    from ..transcript import Turn, View

# an agenda heading: skipped as a list of topics, read as proceedings when sections stand under it
_PROCEEDINGS = rx.compile(r"^(?:[\u4e00-\u9fff]{0,4}会)?议程\s*[:：]?$|^agenda\s*:?$", re.I)  # "## 议程：", "# 周会议程" over sections
# a clause's punctuation: a line holding it says something, it names no section
LINE_PUNCT = rx.compile(r"[，,。；;：:！!？?、]")
_NAME_LINE = rx.compile(r"\**[\u4e00-\u9fff]{2,3}\**")
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
    _ids: dict[tuple[str, str], int] = field(default_factory=dict)
    # lookups answered once per document; kept apart from what the record says
    memo: Memo = field(default_factory=Memo)
    segment: bool = True  # whether word boundaries may be computed (jieba + spaCy)
    # simplified character → the document's own (traditional script only)
    script_map: dict[str, str] = field(default_factory=dict)
    # Transcripts: `text` is the filler-free view, `orig` the text as read.
    # Traditional script: `text` is the same-length simplified copy, `orig` the text as read.
    view: "View | None" = None
    orig: str | None = None
    # item id → (start, end, block) in `text` (the view, for transcripts)
    spans: dict[str, tuple[int, int, int | None]] = field(default_factory=dict)
    # ids of actions a rule took on a weak sign: the learned layer may overrule them
    weak: set[str] = field(default_factory=set)
    # owner and deadline cells of action tables: vague words there count too
    field_spans: list[tuple[int, int]] = field(default_factory=list)

    def deadline(self, s: int, e: int, ref: date, field: bool = False):
        """The first deadline in text[s:e] (offsets relative to s), looked up once per span.
        `field`: text[s:e] is a date field or column, where a bare "12.2" is a date."""
        key = (s, e, ref, field)
        if key not in self.memo.deadlines:
            d = find_deadline(self.text[s:e], ref, field, past=False, names=self._date_names())
            if d is not None and d.vague and len(d.text) == 2 and not self.aligned(s + d.start, s + d.end):
                d = None  # 适时 inside 合适时间段 is no vague deadline: not a word there
            self.memo.deadlines[key] = d
        return self.memo.deadlines[key]

    def owners(self, s: int, e: int) -> list:
        """Owners named in text[s:e] (resolve.owners.find_owners), looked up once per span."""
        key = (s, e)
        if key not in self.memo.owners:
            self.memo.owners[key] = find_owners(self.text, s, e, self.rules, self.people)
        return self.memo.owners[key]

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
        tokens = self.memo.tokens.get(sent)
        if tokens is None:
            from ..segment import Tokens

            tokens = self.memo.tokens[sent] = Tokens(self.text[sent[0]:sent[1]])
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
        if not self.memo.sent_starts:
            self.memo.sent_starts.extend(s.start for s in self.st.sentences)
        return self.memo.sent_starts

    # --- evidence -----------------------------------------------------------
    def source(self, s: int, e: int, block: Block | None = None) -> Source:
        if self.view is not None and self.orig is not None:
            return self._orig_source(s, e, block)
        line = block.line if block is not None else self.st.line_of(s)
        speaker = block.key if block is not None and self.is_speaker(block) else None
        words = self.orig if self.orig is not None else self.text  # traditional script: same offsets
        return Source(text=words[s:e], start=s, end=e, line=line,
                      speaker=self.restore(speaker) if speaker else None)

    def restore(self, value):
        """Words found in the simplified copy, back in the document's own script."""
        if not self.script_map:
            return value
        from ..script import restore

        return restore(value, self.script_map)

    def _orig_source(self, s: int, e: int, block: Block | None) -> Source:
        """Map a span of the transcript view back to the text as read."""
        assert self.view is not None and self.orig is not None
        cmap = self.view.cmap
        os_, oe = cmap[s], cmap[max(s, e - 1)] + 1
        if not self.memo.orig_lines:
            self.memo.orig_lines = line_starts(self.orig)  # str.find, not a loop over every character
        line = bisect_right(self.memo.orig_lines, os_)
        turn = self.turn_at(s)
        return Source(text=self.orig[os_:oe], start=os_, end=oe, line=line,
                      speaker=turn.speaker if turn else None, time=turn.time if turn else None)

    def turn_at(self, offset: int) -> "Turn | None":
        if self.view is None:
            return None
        line = self.st.line_of(offset) - 1
        return self.view.turns[line] if 0 <= line < len(self.view.turns) else None

    def item(self, kind: str, s: int, e: int, block: Block | None = None, by: Producer | None = None) -> Item:
        """An item over text[s:e]: display text cleaned, evidence exact, and what produced it."""
        from ..structure import clean

        src = self.source(s, e, block)
        item = Item(id=self.new_id(kind, src.text), text=self.restore(clean(self.text[s:e])), source=src, by=by)
        self.spans[item.id] = (s, e, self._index_of(block) if block is not None else None)
        return item

    def _index_of(self, block: Block) -> int:
        if not self.memo.block_ids:
            self.memo.block_ids.update((id(b), i) for i, b in enumerate(self.st.blocks))
        return self.memo.block_ids[id(block)]

    def body_sentences(self) -> "Iterator[tuple[Sentence, Block]]":
        """Sentences of the minutes' body: not headings, labels, or skipped/meta sections."""
        for sent in self.st.sentences:
            b = self.st.blocks[sent.block]
            if b.kind == "label" or self.role(sent.block) in ("skip", "meta"):
                continue
            if b.kind == "heading" and not self.content_heading(sent.block):
                continue
            yield sent, b

    def content_heading(self, bi: int) -> bool:
        """A heading that is really a line of minutes ("# 2.每组选一个同学负责UI的沟通",
        "### group1：introduction、user scenarios"): a sentence, not a title."""
        b = self.st.blocks[bi]
        if b.kind != "heading" or b.level == 0:
            return False
        text = self.st.span(bi)
        return len(text) >= 10 and bool(_SENTENCE_LIKE.search(text)) and not _DATE_HEAD.match(text.strip())

    def new_id(self, kind: str, source_text: str) -> str:
        key = (kind, id_text(source_text))  # the id's own key: "A\u2028" and "A" are two occurrences
        n = self._ids.get(key, 0)
        self._ids[key] = n + 1
        return item_id(self.doc_key, kind, source_text, n)

    # --- where a block stands -------------------------------------------------
    def _roster_end(self, h: int) -> int | float:
        """The first label of the proceedings ("報告事項：", section role
        body) under heading h, or infinity: where a roster heading's section ends."""
        found = self.memo.roster_ends.get(h)
        if found is None:
            found = float("inf")
            blocks = self.st.blocks
            for i in range(h + 1, len(blocks)):
                c = blocks[i]
                if c.kind == "heading" and c.level <= blocks[h].level:
                    break
                if c.kind == "label" and c.heading == h and self._role_of_text(c.key or "") == "body":
                    found = i
                    break
            self.memo.roster_ends[h] = found
        return found

    def role(self, bi: int) -> str | None:
        """The section role governing a block: plan, progress, decision, skip, meta or None."""
        if bi in self.memo.roles:
            return self.memo.roles[bi]
        b = self.st.blocks[bi]
        role = None
        if b.kind == "cell" and b.column:
            role = self._role_of_text(b.column)
        if role is None and b.key and b.value_start is not None and b.kind in ("para", "item") \
                and self._role_of_text(b.key) == "plan":
            role = "plan"  # "后续安排：孙悦下周五前…" labels its own line
        if role is None and b.label is not None:
            role = self._role_of_text(self.st.blocks[b.label].key or "")
            if role == "plan" and b.heading is not None and self.heading_role(b.heading) == "progress":
                role = "progress"  # "### 上次行动完成情况" over "第12周任务：": how last time's plan went
        role = role or self._parent_role(b, titles_only=True)
        if role is None and b.kind == "para" and (t := self.title_item_over(bi)) is not None:
            role = self._role_of_text(self.st.span(t))  # "2. 核心决策" over its paragraphs, as a heading would be
            role = None if role == "body" else role
        h = b.heading
        nearest = True
        outline = self.outline_numbers()
        while role is None and h is not None:
            # read past a section number: "3.1" over a paragraph is no date heading
            role = self._role_of_text(self.text[outline.get(h, self.st.blocks[h].start) : self.st.blocks[h].end])
            if not nearest and (role in ("plan", "decision") or role == "skip" and _PROCEEDINGS.search(self.st.span(h))):
                # a plan heading dates and owns its own lines, not those of
                # sub-sections under it ("工作内容 / 开发板合作项目"); so does a
                # decision heading ("讨论结果" over "一.可能涉及到的方面：", whose
                # lines are what was talked over, not what was settled); an agenda
                # with sections under it ("## 议程 / #### 參、討論事項") is the
                # meeting's proceedings, not a list of topics to leave out
                role = None
            nearest = False
            h = self.st.blocks[h].heading
        if role == "meta" and b.heading is not None and bi > self._roster_end(b.heading):
            # "三、出席人员姓名：" over the roster, then "1、報告事項：": the roster
            # ends where a label opens the proceedings (not at "TOC成员：")
            role = None
        if role == "body":
            # "## 会议内容" says where the proceedings are, not what a line is:
            # a parent line under it ("- 安排本周任务") still governs its items
            role = None
        if role is None and b.kind == "item" and (b.label is None or self._example_label(b.label)):
            # "### 前端", "- 前端用户界面 田鸿龙": a list under a group's or a person's name is their work
            # (a list under its own label, "问题：", is what that label says, not their work;
            # one under "比如：" gives examples of what is over the label)
            over = b.parent if b.parent is not None else b.heading
            if over is not None and self._names_owner(self.st.span(over)):
                role = "plan"
            elif b.parent is None and self.name_line_over(bi) is not None:
                role = "plan"  # "清梅" alone on a line, then her numbered list
        role = role or self._parent_role(b, titles_only=False)
        self.memo.roles[bi] = role
        return role

    def _example_label(self, label: int) -> bool:
        """A label that only introduces examples ("比如：", "例如："): its list is
        of the kind of what stands over the label."""
        return _EXAMPLE_LABEL.search(self.st.blocks[label].key or "") is not None

    def _parent_role(self, b: Block, titles_only: bool) -> str | None:
        """The plan or decision role of the nearest list item over b that names
        one ("- 下阶段计划" over its items). `titles_only`: only items that are
        titles, no key (they govern before the heading: "## 本周总结 / - 下周计划 /
        - 完成注册模块"; "- @Alice：git actions调研" under 上周任务汇报 does not)."""
        p = b.parent
        while p is not None:
            pb = self.st.blocks[p]
            if not titles_only or pb.key is None:
                over = self.st.span(p)
                pr = self._role_of_text(over)
                # (a question, "如何进行下一步的研究？", asks what the plan is; it sets none)
                if pr in ("plan", "decision") and not over.rstrip(" *").endswith(("？", "?")):
                    return pr
            p = pb.parent
        return None

    def outline_numbers(self) -> dict[int, int]:
        """Structure.outline_numbers, read once per document."""
        if self.memo.outline is None:
            self.memo.outline = self.st.outline_numbers()
        return self.memo.outline

    def title_item_over(self, bi: int) -> int | None:
        """The numbered line naming a section ("1. 关键进展", "2. 核心决策") that
        stands over paragraph `bi`: an AI meeting summary, or plain text, numbers
        its sub-sections as a list and writes their points as paragraphs."""
        return self._title_items()[0].get(bi)

    def titles_paragraphs(self, bi: int) -> bool:
        """Is item `bi` a section name over the paragraphs after it (title_item_over)?"""
        return bi in self._title_items()[1]

    def _title_items(self) -> tuple[dict[int, int], frozenset[int]]:
        if self.memo.title_items is None:
            over = self._find_title_items()
            self.memo.title_items = (over, frozenset(over.values()))
        return self.memo.title_items

    def _find_title_items(self) -> dict[int, int]:
        out: dict[int, int] = {}
        blocks, text = self.st.blocks, self.text
        over: int | None = None
        for i, b in enumerate(blocks):
            if b.kind == "item":
                # alone between paragraphs, not one of a list ("5. 最后分工" ends a list of
                # points), and its paragraphs run on with no blank line between
                words = text[b.start:b.end].strip(" *")
                named = b.level == 0 and not b.children and b.key is None and b.checked is None \
                    and (i == 0 or blocks[i - 1].kind != "item") \
                    and 2 <= len(words) <= 16 and not LINE_PUNCT.search(words) and self._role_of_text(words) is not None
                over = i if named else None
                continue
            if over is not None and b.kind == "para" and b.heading == blocks[over].heading and b.parent is None \
                    and b.label is None and b.para == blocks[over].para:
                out[i] = over
                continue
            over = None
        return out

    def name_line_over(self, bi: int) -> int | None:
        """The block of a bare name line ("清梅", "远波") standing right over
        the top-level list that holds item `bi`: a person's list of work."""
        if self.memo.name_lines is None:
            self.memo.name_lines = self._name_lines()
        return self.memo.name_lines.get(bi)

    def _name_lines(self) -> dict[int, int]:
        out: dict[int, int] = {}
        blocks, text = self.st.blocks, self.text
        over: int | None = None
        for i, b in enumerate(blocks):
            if b.kind == "item":
                if over is not None:
                    out[i] = over
                continue
            over = None
            if b.kind == "para" and b.key is None and _NAME_LINE.fullmatch(text, b.start, b.end) \
                    and i + 1 < len(blocks) and blocks[i + 1].kind == "item":
                name = text[b.start:b.end].strip("* ")
                if self._role_of_text(name) is None and self._person_name(name):
                    over = i
        return out

    def _person_name(self, name: str) -> bool:
        # a participant, a surname shape, or a given name no surname rule knows ("清梅")
        return name in self.people or bool(self.rules.any("owners", "person-name", name)) or could_be_name(name)

    def _names_owner(self, text: str) -> bool:
        """A heading or parent line that is a group or a person: 前端, 后端小组, 周立, "前端用户界面 田鸿龙"."""
        text = re.sub(r"[（(][^)）]{0,8}[)）]|[*#：:\s]+$", "", text.strip("*# \t"))
        last = re.split(r"\s+", text)[-1] if text else ""
        rules = self.rules
        return bool(text) and (bool(rules.any("owners", "group", text)) or text in self.people
                               or bool(rules.any("owners", "person-name", last)))

    def _role_of_text(self, text: str) -> str | None:
        return _role_of(self.rules, text)

    def heading_role(self, hi: int) -> str | None:
        return self._role_of_text(self.st.span(hi))

    def in_record_voice(self, b: Block) -> bool:
        """Is the block the record's own words, not anyone's speech? A norm or
        an open question stated there is the meeting's; a speaker's is a position."""
        return self.view is None and not self.is_speaker(b)

    def is_speaker(self, b: Block) -> bool:
        """A `name: words` line attributes words to a participant; in a
        transcript every turn is someone's words, named or not."""
        if self.view is not None:
            # turn_at(b.start) without the bisection: a block lies on its own line of the view
            turns = self.view.turns
            return 0 < b.line <= len(turns) and turns[b.line - 1] is not None
        if not b.key or b.value_start is None:
            return False
        # asked of each line many times over (every extractor, every unit):
        # the answer rests on the key, the words after it and the people known
        memo = self.memo
        if memo.speakers_of != len(self.people):  # people only grow: a new size is a new set
            memo.speakers.clear()
            memo.speakers_of = len(self.people)
        at = (b.key, b.value_start, b.end)
        found = memo.speakers.get(at)
        if found is None:
            found = memo.speakers[at] = self._is_speaker_key(b)
        return found

    def _is_speaker_key(self, b: Block) -> bool:
        """is_speaker for a `key：words` line of written minutes."""
        key = b.key
        assert key is not None and b.value_start is not None
        if key in self.people or key.lower() in self._people_lower():
            return True
        if (self.rules.any("owners", "person-name", key) or self.rules.any("owners", "surname", key)) and self.rules.any(
                "transcripts", "first-person", self.text, b.value_start, b.end):
            return True  # "张三：…这个我来负责吧": a name-shaped key whose words commit in the first person
        if "/" in key and all(is_handle(k.strip()) for k in key.split("/")):
            return True
        if self.rules.any("owners", "titled-name", key):
            return True  # "尤委员美女：…": a hearing's turn
        # Latin handles (revy, Avenger_285714) are speakers; Chinese keys are
        # speakers only when known, since 结论/时间/前端 are labels.
        # (ASCII only: "TC相关遗留问题" opens with Latin letters and is a label)
        return bool(re.fullmatch(r"[A-Za-z][A-Za-z0-9_\-. ]{1,30}", key)) and not self.rules.any("owners", "list-label", key)

    def _people_lower(self) -> frozenset[str]:
        # people are complete once metadata is read; rebuilt only if the set grew
        if self.memo.people_lower is None or self.memo.people_lower[0] != len(self.people):
            self.memo.people_lower = (len(self.people), frozenset(p.lower() for p in self.people))
        return self.memo.people_lower[1]

    def _date_names(self) -> tuple[str, ...]:
        # "周天远" holds 周天 (Sunday): a date found inside a participant's name is none
        if self.memo.date_names is None or self.memo.date_names[0] != len(self.people):
            ref = date(2000, 1, 1)
            named = tuple(p for p in self.people if find_deadlines(p, ref, False))
            self.memo.date_names = (len(self.people), named)
        return self.memo.date_names[1]

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


_EXAMPLE_LABEL = rx.compile(r"^\W*(?:比如|例如|譬如|举例)\W*$")
_SENTENCE_LIKE = rx.compile(r"[，。；;！!]|^\d{1,2}[.、．]\s*\S{6,}|[:：]\s*\S{4,}")
_DATE_HEAD = rx.compile(
    r"^(?:\d{4}[-/.年])?\d{1,2}[-/.月]\d{1,2}[日号]?(?:\s*(?:周|星期)[一二三四五六日天])?$|^\d{4}-\d{2}-\d{2}$")


def _is_date_heading(text: str) -> bool:
    """Headings that are only a date ("8.12", "2023-05-01") open a dated log entry."""
    return bool(_DATE_HEAD.match(text.strip()))
