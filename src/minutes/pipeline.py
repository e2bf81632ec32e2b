"""The pure core: text in, a `Record` out.

ingest → structure → segment → extract (meta, discussion, consensus,
disagreements, actions, vague) → resolve (owners, deadlines, inside the
action extractor) → Record. No I/O here: the CLI, exports and the batch
runner are thin layers over `record_text`.
"""
from __future__ import annotations

import hashlib
from datetime import date
from typing import TYPE_CHECKING

from . import rx
from .extract.actions import extract_actions
from .extract.consensus import extract_consensus
from .extract.context import Context
from .extract.disagreements import extract_disagreements
from .extract.discussion import extract_discussion
from .extract.meta import extract_meta
from .extract.vague import extract_vague
from .flow.process import TASK_WORDS, extract_process
from .ingest import Text
from .rules import RuleSet, load
from .schema import Document, Missing, Record
from .structure import parse
from .transcript import is_unnamed as transcript_unnamed

if TYPE_CHECKING:  # pragma: no cover
    from .learn.model import Model

# `key：value` lines that are fields of the record or of a disagreement, not
# tasks: the process lines (meta.process) and a 分歧's 后续跟进人/下次沟通时间.
FIELD_LINE = rx.compile(r"^\s*(?:后续跟进人|跟进人|下次沟通时间|下次沟通|(?:沟通)?申请(?:表)?发出(?:时间|日期)?|议程发出(?:时间|日期)?"
                        r"|(?:纪要|记录)发出(?:时间|日期)?|整理日期|审核人?|(?:参会人员?)?确认人?)\s*[:：]")
def _field_line(text: str) -> bool:
    """A process or disagreement field line — unless its value reads as a
    task ("确认：张三负责在5月10日前确认物料清单" stays an action)."""
    m = FIELD_LINE.match(text)
    return m is not None and not TASK_WORDS.search(text[m.end():])



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
           layer: str = "both", model: "str | Model | None" = None, on_stage=None) -> Record:
    """`input` is auto, notes or transcript; `speakers` maps labels such as
    说话人1 to names. `layer` is rules, model or both (the learned layer
    beside the rules); `model` a model file other than the shipped one.
    `on_stage(name)` is told as each stage begins (the CLI's progress line)."""
    stage = on_stage or _quiet
    rules = rules or load()
    stage("structure")
    ctx = prepare(doc, meeting_date, rules=rules, tokens=tokens, input=input, speakers=speakers, on_stage=stage)
    stage("consensus")
    consensus = extract_consensus(ctx)
    stage("disagreements")
    disagreements = extract_disagreements(ctx)
    stage("actions")
    actions = extract_actions(ctx)
    flag_only = None
    if layer != "rules":
        from .learn.layer import apply
        from .learn.model import load as load_model

        m = load_model(model) if model is None or isinstance(model, str) else model
        if m is not None:
            stage("model")
            if layer == "both":
                # Vague words are looked for only in what the rules settled: in the
                # units the classifier adds beside them they were more often plain
                # wording than a hidden owner or date (prequential over the open
                # collections, vague F1 0.742 against 0.717 with every item)
                flag_only = {i.id for i in (*consensus, *disagreements, *actions)}
            consensus, disagreements, actions = apply(ctx, m, layer, consensus, disagreements, actions)
    return finish(ctx, doc, consensus, disagreements, actions, stage, flag_only=flag_only)


def finish(ctx: Context, doc: Text, consensus: list, disagreements: list, actions: list,
           stage=None, *, flag_only: set[str] | None = None) -> Record:
    """The record from the items decided: discussion, vague phrases and missing fields follow from them.
    `flag_only`, when given, names the items whose wording is searched for vague phrases."""
    stage = stage or _quiet
    actions = [a for a in actions if not _field_line(a.source.text)]
    taken = {(i.source.start, i.source.end) for i in (*consensus, *disagreements, *actions)}
    stage("discussion")
    discussion = extract_discussion(ctx, taken)
    stage("vague")
    flagged = [[i for i in items if flag_only is None or i.id in flag_only]
               for items in (actions, consensus, disagreements)]
    vague = extract_vague(ctx, *flagged)
    stage("record")
    if ctx.script_map:
        actions = [a.model_copy(update={"text": ctx.restore(a.text), "task": ctx.restore(a.task),
                                        "owner": ctx.restore(a.owner),
                                        "owners": ctx.restore(a.owners), "due_text": ctx.restore(a.due_text)})
                   for a in actions]
        vague = [f.model_copy(update={"phrase": f.source.text, "message": ctx.restore(f.message)}) for f in vague]
        # validated again, so nested parts (meta.process) stay models, not dicts
        ctx.meta = type(ctx.meta).model_validate({k: v if k in ("date", "date_source") else ctx.restore(v)
                                                  for k, v in ctx.meta.model_dump().items()})
    rec = Record(
        meta=ctx.meta, discussion=discussion, consensus=consensus, disagreements=disagreements,
        actions=actions, vague=vague,
        document=Document(path=doc.path, encoding=doc.encoding, sha256=doc.sha256),
    )
    rec.missing = missing_fields(rec)
    return rec


def prepare(doc: Text, meeting_date: date | None = None, *, rules: RuleSet | None = None,
            tokens: bool = True, input: str = "auto", speakers: dict[str, str] | None = None,
            on_stage=None) -> Context:
    """The document read as far as the item extractors need: structure,
    meeting date, people, speakers."""
    rules = rules or load()
    ctx = _context(doc, rules, input, speakers)
    ctx.segment = tokens
    (on_stage or _quiet)("meta")
    extract_meta(ctx, option_date=meeting_date, path=doc.path)
    extract_process(ctx)
    if ctx.view is not None:
        from .extract.speech import add_speakers

        add_speakers(ctx)
    return ctx


def _context(doc: Text, rules: RuleSet, input: str, speakers: dict[str, str] | None) -> Context:
    from . import transcript

    from .script import back_map, simplified

    simple = simplified(doc.text)
    if input == "transcript" or (input == "auto" and transcript.detect(simple or doc.text, rules)):
        view = transcript.build_view(doc.text, rules, speakers)
        if simple is not None:
            # match in simplified script; cmap still points into the text as read
            view.text = "".join(simple[i] if i < len(simple) and doc.text[i] == ch else ch
                                for ch, i in zip(view.text, view.cmap))
        st = parse(view.text, spoken=True)
        for b in st.blocks:
            turn = view.turns[b.line - 1] if b.line - 1 < len(view.turns) else None
            if turn is not None and turn.speaker:
                b.key, b.value_start = turn.speaker, b.start
        ctx = Context(view.text, st, rules, doc.key)
        ctx.view, ctx.orig = view, doc.text
        if simple is not None:
            ctx.script_map = back_map(doc.text, simple)
        return ctx
    from .html import markdown_view

    marked = markdown_view(doc.text)  # HTML minutes: the same offsets, in markdown
    if marked is not None:
        simple = simplified(marked)
    if simple is not None or marked is not None:
        read = simple if simple is not None else marked
        ctx = Context(read, parse(read), rules, doc.key)
        ctx.orig = doc.text  # evidence is the text as read, tags and all
        if simple is not None:
            ctx.script_map = back_map(marked if marked is not None else doc.text, simple)
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
