"""The record, defined once: every layer (CLI, exports, lint, web) uses these.

Shapes follow shared/spec/contract.md. Offsets are character indices into the
decoded text exactly as read, so `text[start:end] == source.text` holds for
every item.
"""
from __future__ import annotations

import hashlib
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

Severity = Literal["error", "warning", "info"]
Status = Literal["open", "进行中", "已完成", "延期"]


class Source(BaseModel):
    """The evidence: an exact span of the source text."""

    model_config = ConfigDict(frozen=True)

    text: str
    start: int
    end: int
    line: int
    speaker: str | None = Field(default=None, exclude_if=lambda v: v is None)
    time: str | None = Field(default=None, exclude_if=lambda v: v is None)


class Producer(BaseModel):
    """What made an item: a rule (its id, or the structural reason such as
    section.plan) or the learned unit classifier with its score."""

    model_config = ConfigDict(frozen=True)

    rule: str | None = Field(default=None, exclude_if=lambda v: v is None)
    model: str | None = Field(default=None, exclude_if=lambda v: v is None)
    score: float | None = Field(default=None, exclude_if=lambda v: v is None)


class Item(BaseModel):
    id: str
    text: str
    source: Source
    by: Producer | None = Field(default=None, exclude_if=lambda v: v is None)


class Action(Item):
    task: str
    owner: str | None = None
    owners: list[str] = Field(default_factory=list)
    due: str | None = None  # ISO date
    due_text: str | None = None
    vague: bool = False
    status: Status = "open"

    @field_validator("due")
    @classmethod
    def _iso_due(cls, v: str | None) -> str | None:
        return _iso_date(v, "due")


class Flag(BaseModel):
    rule: str
    phrase: str
    message: str
    severity: Severity
    source: Source


class Missing(BaseModel):
    """A field the template asks for that the record does not give."""

    field: str
    message: str
    line: int | None = None
    item: str | None = None  # id of the action or item it concerns


class Process(BaseModel):
    """Dates and sign-offs of the collaboration process, as the record writes
    them (申请发出：/议程发出：/纪要发出：or 整理日期：/审核人：/确认：). Dates are ISO;
    `lines` gives the 1-based line each field was read from."""

    request_sent: str | None = None
    agenda_sent: str | None = None
    record_sent: str | None = None
    reviewer: str | None = None
    confirmed_by: list[str] = Field(default_factory=list)
    confirmed: bool = False  # a 确认 line is present (with names or a plain 已确认)
    lines: dict[str, int] = Field(default_factory=dict)


class Meta(BaseModel):
    topic: str | None = None
    date: str | None = None
    time: str | None = None
    location: str | None = None
    participants: list[str] = Field(default_factory=list)
    departments: dict[str, list[str]] = Field(default_factory=dict)
    initiator: str | None = None
    recorder: str | None = None
    background: str | None = None
    goals: str | None = None
    date_source: Literal["text", "filename", "option", "none"] = "none"
    # optional and left out of the JSON when the record states none of it, so
    # the contract's shape is unchanged for records without process lines
    process: Process | None = Field(default=None, exclude_if=lambda v: v is None)

    @field_validator("date")
    @classmethod
    def _iso_meeting_date(cls, v: str | None) -> str | None:
        return _iso_date(v, "date")


class Document(BaseModel):
    path: str | None = None
    encoding: str = "utf-8"
    sha256: str


class Record(BaseModel):
    meta: Meta
    discussion: list[Item] = Field(default_factory=list)
    consensus: list[Item] = Field(default_factory=list)
    disagreements: list[Item] = Field(default_factory=list)
    actions: list[Action] = Field(default_factory=list)
    vague: list[Flag] = Field(default_factory=list)
    missing: list[Missing] = Field(default_factory=list)
    document: Document


def _iso_date(v: str | None, name: str) -> str | None:
    """`due` and `meta.date` are ISO dates (YYYY-MM-DD) or null: anything else
    is refused where a record is built or read, not where it is exported."""
    if v is None:
        return v
    from datetime import date

    try:
        ok = len(v) == 10 and date.fromisoformat(v).isoformat() == v
    except ValueError:
        ok = False
    if not ok:
        raise ValueError(f"{name} must be a date in YYYY-MM-DD form or null, not {v!r}")
    return v


def item_id(doc_key: str, kind: str, source_text: str, occurrence: int = 0) -> str:
    """A short stable id: same document and item give the same id anywhere.

    Built from the document's key (its file name, or its sha256 when it has no
    name, e.g. stdin) and the item's own words rather than its offsets, so an
    edit to other lines of the file leaves the id unchanged and a tracker that
    re-imports the minutes creates nothing twice. `occurrence` separates
    identical sentences within one document.
    """
    h = hashlib.sha256(f"{doc_key}|{kind}|{id_text(source_text)}|{occurrence}".encode("utf-8", "surrogatepass"))
    return h.hexdigest()[:12]


# --- the collaboration flow around the record ------------------------------
class Brief(BaseModel):
    """跨部门协作沟通申请表."""

    topic: str | None = None
    initiator: str | None = None
    background: str | None = None  # 背景与目标
    departments: dict[str, list[str]] = Field(default_factory=dict)  # 涉及部门及核心人员
    outputs: str | None = None  # 期望输出
    mode: str | None = None  # 建议方式
    date: str | None = None  # meeting date, ISO
    time: str | None = None
    location: str | None = None
    sent: str | None = None  # 申请发出 date, ISO
    last_send: str | None = None  # the last day to send it (≥ 2 working days before)
    feedback_due: str | None = None  # departments answer by this day
    on_time: bool | None = None
    check: str | None = None  # the check in words


class DeptFeedback(BaseModel):
    """One department's answer to the request."""

    department: str
    person: str | None = None
    answered: str | None = None  # ISO date
    resources: list[str] = Field(default_factory=list)  # 配合事项及资源
    conflicts: list[str] = Field(default_factory=list)  # 冲突点
    materials: list[str] = Field(default_factory=list)  # 需准备资料
    late: bool | None = None
    path: str | None = None


class Conflict(BaseModel):
    department: str
    text: str
    with_departments: list[str] = Field(default_factory=list)
    handling: Literal["一对一沟通", "升级至负责领导"]
    settle_by: str | None = None  # the last working day before the meeting


class FeedbackSummary(BaseModel):
    """需求反馈汇总表."""

    topic: str | None = None
    date: str | None = None
    request_sent: str | None = None
    due: str | None = None
    answers: list[DeptFeedback] = Field(default_factory=list)
    missing: list[str] = Field(default_factory=list)  # departments that have not answered
    missing_overdue: bool = False  # … and the due day has passed
    conflicts: list[Conflict] = Field(default_factory=list)


class AgendaItem(BaseModel):
    title: str
    minutes: int | None = None
    presenter: str | None = None


class Agenda(BaseModel):
    """会议议程."""

    topic: str | None = None
    date: str | None = None
    time: str | None = None
    location: str | None = None
    participants: list[str] = Field(default_factory=list)
    items: list[AgendaItem] = Field(default_factory=list)
    materials: list[str] = Field(default_factory=list)
    total_minutes: int = 0
    meeting_minutes: int | None = None
    sent: str | None = None
    last_send: str | None = None
    on_time: bool | None = None
    problems: list[str] = Field(default_factory=list)


def id_text(source_text: str) -> str:
    """The words an id is built from: the evidence without surrounding
    whitespace (str.strip's, so U+2028, U+0085, form feeds … too). Callers
    count repeated sentences by this same key, so two items whose evidence
    differs only there get different occurrence numbers, never one id."""
    return source_text.strip()
