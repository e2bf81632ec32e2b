"""The pure core: text in, a `Record` out.

ingest → structure → segment → extract (meta, discussion, consensus,
disagreements, actions, vague) → resolve (owners, deadlines, inside the
action extractor) → Record. No I/O here: the CLI, exports and the batch
runner are thin layers over `record_text`.
"""
from __future__ import annotations

import hashlib
from datetime import date

from .extract.actions import extract_actions
from .extract.consensus import extract_consensus
from .extract.context import Context
from .extract.disagreements import extract_disagreements
from .extract.discussion import extract_discussion
from .extract.meta import extract_meta
from .extract.vague import extract_vague
from .ingest import Text
from .rules import RuleSet, load
from .schema import Document, Missing, Record
from .structure import parse
from .transcript import is_unnamed as transcript_unnamed

# Fields of the 跨部门协作沟通记录表 a recorder must fill in.
REQUIRED = {"topic": "沟通主题", "date": "日期", "participants": "参与部门及人员", "recorder": "记录人"}


def record_text(text: str, meeting_date: date | None = None, *, path: str | None = None,
                encoding: str = "utf-8", rules: RuleSet | None = None, tokens: bool = True) -> Record:
    """Build the record of one document.

    `meeting_date` resolves relative deadlines when the text gives no date of
    its own (the text's date wins). `tokens=False` skips jieba/spaCy word
    boundaries, for callers that need only a fast approximate pass.
    """
    sha = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()  # lone surrogates arrive via JSON
    return record(Text(text, encoding, sha, path), meeting_date, rules=rules, tokens=tokens)


def _quiet(stage: str) -> None:
    pass


def record(doc: Text, meeting_date: date | None = None, *, rules: RuleSet | None = None,
           tokens: bool = True, input: str = "auto", speakers: dict[str, str] | None = None,
           on_stage=None) -> Record:
    """`input` is auto, notes or transcript; `speakers` maps labels such as
    说话人1 to names. `on_stage(name)` is told as each stage begins (the CLI's
    progress line)."""
    stage = on_stage or _quiet
    rules = rules or load()
    stage("structure")
    ctx = _context(doc, rules, input, speakers)
    ctx.segment = tokens
    stage("meta")
    extract_meta(ctx, option_date=meeting_date, path=doc.path)
    if ctx.view is not None:
        from .extract.speech import add_speakers

        add_speakers(ctx)
    stage("consensus")
    consensus = extract_consensus(ctx)
    stage("disagreements")
    disagreements = extract_disagreements(ctx)
    stage("actions")
    actions = extract_actions(ctx)
    taken = {(i.source.start, i.source.end) for i in (*consensus, *disagreements, *actions)}
    stage("discussion")
    discussion = extract_discussion(ctx, taken)
    stage("vague")
    vague = extract_vague(ctx, actions, consensus)
    stage("record")
    rec = Record(
        meta=ctx.meta, discussion=discussion, consensus=consensus, disagreements=disagreements,
        actions=actions, vague=vague,
        document=Document(path=doc.path, encoding=doc.encoding, sha256=doc.sha256),
    )
    rec.missing = missing_fields(rec)
    return rec


def _context(doc: Text, rules: RuleSet, input: str, speakers: dict[str, str] | None) -> Context:
    from . import transcript

    if input == "transcript" or (input == "auto" and transcript.detect(doc.text, rules)):
        view = transcript.build_view(doc.text, rules, speakers)
        st = parse(view.text)
        for b in st.blocks:
            turn = view.turns[b.line - 1] if b.line - 1 < len(view.turns) else None
            if turn is not None and turn.speaker:
                b.key, b.value_start = turn.speaker, b.start
        ctx = Context(view.text, st, rules, doc.key)
        ctx.view, ctx.orig = view, doc.text
        return ctx
    return Context(doc.text, parse(doc.text), rules, doc.key)


def missing_fields(rec: Record) -> list[Missing]:
    out: list[Missing] = []
    for f, label in REQUIRED.items():
        if not getattr(rec.meta, f):
            out.append(Missing(field=f, message=f"缺少{label}"))
    for a in rec.actions:
        if any(transcript_unnamed(o) for o in a.owners):
            out.append(Missing(field="owner", line=a.source.line, item=a.id,
                               message=f"负责人「{a.owner}」是未命名的说话人：用 --speaker {a.owners[0]}=姓名 指定"))
        if not a.owners:
            out.append(Missing(field="owner", message="行动项没有负责人", line=a.source.line, item=a.id))
        if a.due is None:
            msg = "截止时间不明确" if a.due_text else "行动项没有截止时间"
            out.append(Missing(field="due", message=msg, line=a.source.line, item=a.id))
    return out
