"""`minutes request`, `minutes feedback`, `minutes agenda`: the forms before
the meeting (申请表, 需求反馈汇总表, 议程), each with its process deadline
checked on the official working-day calendar.

Exit codes: 0 in time and complete; 1 when a deadline is missed (or, for the
agenda, a problem such as topics longer than the meeting); 2 on usage or
input errors.
"""
from __future__ import annotations

from enum import Enum
from typing import Annotated, Optional

import typer


class FormFormat(str, Enum):
    md = "md"
    docx = "docx"
    json = "json"


FmtOption = Annotated[FormFormat, typer.Option("--format", "-f", help="输出格式：md、docx（需 -o）或 json")]
OutOption = Annotated[Optional[str], typer.Option("--output", "-o", help="写入文件而不是标准输出")]


def register(app: typer.Typer) -> None:
    app.command("request")(request)
    app.command("feedback")(feedback)
    app.command("agenda")(agenda)


def _read_one(path: str):
    from .common import read_inputs

    for _name, doc in read_inputs([path], None):
        if doc is None:
            raise typer.Exit(2)
        return doc
    raise typer.Exit(2)  # pragma: no cover


def _brief(path: str, ref=None):
    from ..errors import MinutesError
    from ..flow.request import brief_from_text
    from .common import error

    doc = _read_one(path)
    try:
        return brief_from_text(doc.text, doc.path, ref)
    except MinutesError as exc:
        error(str(exc))
        raise typer.Exit(2) from None


def _checked(fn):
    """A date the calendar cannot count from (year 9999 …): one line, exit 2."""
    from ..errors import MinutesError
    from .common import error

    try:
        return fn()
    except MinutesError as exc:
        error(str(exc))
        raise typer.Exit(2) from None


def _emit(model, md, docx, fmt: FormFormat, out: str | None, inputs: list[str], summary: str) -> None:
    from ..errors import MinutesError
    from .common import error, write_output

    if fmt is FormFormat.docx and (out is None or out == "-"):
        error("--format docx writes a binary file: give -o FILE")
        raise typer.Exit(2)
    body = {FormFormat.md: lambda: md(model), FormFormat.docx: lambda: docx(model),
            FormFormat.json: lambda: model.model_dump_json(indent=1) + "\n"}[fmt]()
    try:
        write_output(body, out, inputs)
    except MinutesError as exc:
        error(str(exc))
        raise typer.Exit(2) from None
    if out and out != "-":
        typer.echo(f"已写入 {out}：{summary}")


def request(
    brief: Annotated[Optional[str], typer.Argument(help="申请简述（.md/.txt/.toml），可省略而只用选项")] = None,
    topic: Annotated[Optional[str], typer.Option("--topic", help="沟通主题")] = None,
    initiator: Annotated[Optional[str], typer.Option("--initiator", help="发起人")] = None,
    background: Annotated[Optional[str], typer.Option("--background", help="背景与目标")] = None,
    departments: Annotated[Optional[str], typer.Option("--departments", help="涉及部门及核心人员，如 “市场部：王敏、刘洋；技术部：李强”")] = None,
    outputs: Annotated[Optional[str], typer.Option("--outputs", help="期望输出")] = None,
    mode: Annotated[Optional[str], typer.Option("--mode", help="建议方式（会议/一对一/线上…）")] = None,
    date: Annotated[Optional[str], typer.Option("--date", help="会议日期 YYYY-MM-DD")] = None,
    time: Annotated[Optional[str], typer.Option("--time", help="会议时间，如 14:00-15:30")] = None,
    location: Annotated[Optional[str], typer.Option("--location", help="地点/方式")] = None,
    sent: Annotated[Optional[str], typer.Option("--sent", help="申请发出日期（默认取简述中的“申请发出”，否则今天）")] = None,
    fmt: FmtOption = FormFormat.md,
    out: OutOption = None,
) -> None:
    """跨部门协作沟通申请表：检查是否在会前至少 2 个工作日发出，并给出最晚发出日。

    Example: minutes request corpora/flow/brief.md --format docx -o 申请表.docx
    """
    from datetime import date as Date

    from ..flow import request as rq
    from ..flow.fields import departments_of, time_of
    from ..schema import Brief
    from .common import parse_date

    meeting = parse_date(date)
    b = _brief(brief, meeting) if brief else Brief()
    for field, value in (("topic", topic), ("initiator", initiator), ("background", background), ("outputs", outputs),
                         ("mode", mode), ("location", location)):
        if value:
            setattr(b, field, value)
    if departments:
        b.departments = departments_of([departments])
    if meeting:
        b.date = meeting.isoformat()
    if time:
        b.time = time_of(time)[0] or time
    day = parse_date(sent, "--sent")
    if day:
        b.sent = day.isoformat()
    elif b.sent is None:
        b.sent = Date.today().isoformat()  # the command reads the clock; the checks never do
    if b.date is None:
        from .common import error

        error("no meeting date: give --date YYYY-MM-DD or a 时间： line in the brief")
        raise typer.Exit(2)
    _checked(lambda: rq.check(b))
    _emit(b, rq.markdown, rq.docx, fmt, out, [brief] if brief else [], b.check or "")
    if b.on_time is False:
        raise typer.Exit(1)


def feedback(
    request_file: Annotated[str, typer.Argument(metavar="REQUEST", help="申请表或申请简述")],
    answers: Annotated[list[str], typer.Argument(metavar="FEEDBACK...", help="各部门的反馈，每个部门一个文件")],
    sent: Annotated[Optional[str], typer.Option("--sent", help="申请发出日期（默认取申请中的“申请发出”）")] = None,
    as_of: Annotated[Optional[str], typer.Option("--as-of", help="汇总日期：过了反馈截止日仍未反馈的部门记为逾期（默认今天）")] = None,
    fmt: FmtOption = FormFormat.md,
    out: OutOption = None,
) -> None:
    """需求反馈汇总表：汇总各部门的配合事项、冲突点与资料，标出超过 1 个工作日的反馈与会前须处理的分歧。

    Example: minutes feedback corpora/flow/brief.md corpora/flow/feedback/*.md
    """
    from ..errors import MinutesError
    from ..flow import feedback as fb
    from .common import error, parse_date, read_inputs

    b = _brief(request_file)
    day = parse_date(sent, "--sent")
    if day:
        b.sent = day.isoformat()
    ref = parse_date(b.date) if b.date else None
    got, failed = [], False
    for _name, doc in read_inputs(answers, None):
        if doc is None:
            failed = True
            continue
        try:
            got.append(fb.read_feedback(doc.text, doc.path, ref))
        except MinutesError as exc:
            error(str(exc))
            failed = True
    from datetime import date as Date

    today = parse_date(as_of, "--as-of") or Date.today()
    s = _checked(lambda: fb.summarize(b, got, today))
    late = [a.department for a in s.answers if a.late] + (s.missing if s.missing_overdue else [])
    summary = f"{len(s.answers)} 个部门反馈，逾期或未反馈 {len(late)} 个，会前须处理的冲突点 {len(s.conflicts)} 项"
    _emit(s, fb.markdown, fb.docx, fmt, out, [request_file, *answers], summary)
    if failed:
        raise typer.Exit(2)
    if late and s.due:
        raise typer.Exit(1)


def agenda(
    agenda_file: Annotated[str, typer.Argument(metavar="AGENDA", help="议程草稿（.md/.txt/.toml）")],
    request_file: Annotated[Optional[str], typer.Option("--request", help="申请表或申请简述：补全主题、时间、地点、参会人")] = None,
    sent: Annotated[Optional[str], typer.Option("--sent", help="议程发出日期（默认取议程中的“议程发出”）")] = None,
    fmt: FmtOption = FormFormat.md,
    out: OutOption = None,
) -> None:
    """会议议程：议题及时长、合计与会议时长、会前材料；检查是否在会前至少 1 个工作日发出。

    Example: minutes agenda corpora/flow/agenda.md --request corpora/flow/brief.md
    """
    from ..flow import agenda as ag
    from .common import parse_date

    b = _brief(request_file) if request_file else None
    doc = _read_one(agenda_file)
    a = _checked(lambda: ag.agenda_from_text(doc.text, doc.path, b))
    day = parse_date(sent, "--sent")
    if day:
        a.sent = day.isoformat()
        _checked(lambda: ag.check(a))
    summary = f"{len(a.items)} 个议题，合计 {a.total_minutes} 分钟" + (f"；{len(a.problems)} 个问题" if a.problems else "")
    _emit(a, ag.markdown, ag.docx, fmt, out, [agenda_file] + ([request_file] if request_file else []), summary)
    if a.problems:
        raise typer.Exit(1)
