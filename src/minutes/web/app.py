"""`minutes serve`: the recorder's paste-in page and a JSON API.

The API has the command line's shapes (the Record of shared/spec/contract.md,
lint findings, `when` results). Safe by default: the CLI binds to localhost,
requests over the size limit get a clear 413, user text reaches the page only
as text (never as HTML), and nothing from a request is ever used as a path.
"""
from __future__ import annotations

from datetime import date as Date
from importlib import resources
from typing import Literal

from fastapi import FastAPI, File, HTTPException, Query, Request, UploadFile
from fastapi.responses import HTMLResponse, JSONResponse, Response
from pydantic import AfterValidator, BaseModel, Field
from typing import Annotated

from ..schema import Agenda, Brief, Record

DEFAULT_LIMIT = 1_000_000  # bytes of request body
STATIC = {"app.js": "text/javascript; charset=utf-8", "app.css": "text/css; charset=utf-8"}


def _no_lone_surrogates(v: str) -> str:
    """JSON can carry "\\ud800" alone; it is no character, and no answer could
    be encoded as UTF-8 with it: refuse it as invalid input (422)."""
    import re

    m = re.search("[\ud800-\udfff]", v)
    if m is not None:
        raise ValueError(f"text contains a lone surrogate U+{ord(m.group()):04X} at offset {m.start()}: "
                         "not valid Unicode text")
    return v


UText = Annotated[str, AfterValidator(_no_lone_surrogates)]


class RecordRequest(BaseModel):
    text: UText = Field(description="会议记录原文")
    date: Date | None = Field(default=None, description="会议日期（正文没有日期时用）")
    input: Literal["auto", "notes", "transcript"] = "auto"


class LintRequest(RecordRequest):
    as_of: Date | None = Field(default=None, description="判断逾期的日期，默认今天")


class LintFinding(BaseModel):
    rule: str
    level: str
    message: str
    hint: str | None
    line: int
    col: int
    end_line: int
    end_col: int
    evidence: str
    field: str | None
    fingerprint: str
    fixable: bool


class WhenRequest(BaseModel):
    text: UText
    ref: Date | None = None


class WhenResult(BaseModel):
    text: str
    ref: str
    date: str | None
    due_text: str | None
    vague: bool
    reading: str | None


class RequestForm(BaseModel):
    brief: str | None = Field(default=None, description="申请简述（Markdown）；下面的字段覆盖其中的内容")
    topic: str | None = Field(default=None, description="沟通主题")
    initiator: str | None = Field(default=None, description="发起人")
    background: str | None = Field(default=None, description="背景与目标")
    departments: str | None = Field(default=None, description="涉及部门及核心人员，如 市场部：王敏、刘洋；技术部：李强")
    outputs: str | None = Field(default=None, description="期望输出")
    mode: str | None = Field(default=None, description="建议方式")
    date: Date | None = Field(default=None, description="会议日期")
    time: str | None = Field(default=None, description="会议时间，如 14:00-15:30")
    location: str | None = Field(default=None, description="地点/方式")
    sent: Date | None = Field(default=None, description="申请发出日期，默认今天")


class RequestResult(BaseModel):
    brief: Brief
    markdown: str


class AgendaForm(BaseModel):
    text: str = Field(description="议程草稿（Markdown）：时间、地点、参会人员、议题（每项写分钟数）、会前材料")
    request: str | None = Field(default=None, description="申请简述：补全议程没有写的主题、时间、地点、参会人")
    sent: Date | None = Field(default=None, description="议程发出日期")


class AgendaResult(BaseModel):
    agenda: Agenda
    markdown: str


class TrackerItem(BaseModel):
    id: str
    task: str
    owner: str | None
    due: str | None
    due_text: str | None
    status: str
    meeting: str | None
    source_file: str | None
    line: int | None
    closed: str | None
    proof: str | None
    reason: str | None
    overdue: bool
    days_overdue: int | None


class TrackerView(BaseModel):
    configured: bool = Field(description="服务是否以 --db 启动")
    as_of: str
    items: list[TrackerItem] = Field(description="逾期的在前（逾期最久的最前），再按截止日期，已完成的在后")


class Upload(BaseModel):
    text: str
    encoding: str
    name: str


def _static(name: str) -> str:
    return (resources.files("minutes.web") / "static" / name).read_text(encoding="utf-8")


def create_app(limit: int = DEFAULT_LIMIT, db: str | None = None) -> FastAPI:
    """`db`: the 行动项跟踪表 the tracker view reads (read-only), if any."""
    app = FastAPI(title="minutes", version="0.1.0",
                  description="会议纪要助手：原始记录 → 跨部门协作沟通记录表（与命令行同样的 JSON 结构）")

    @app.middleware("http")
    async def size_limit(request: Request, call_next):
        length = request.headers.get("content-length")
        too_big = length is not None and length.isdigit() and int(length) > limit
        if not too_big and request.method in ("POST", "PUT"):
            body = await request.body()  # also catches chunked bodies without a length
            too_big = len(body) > limit
        if too_big:
            return JSONResponse({"error": f"请求过大：上限为 {limit // 1000} KB，请分段粘贴或拆分文件"}, status_code=413)
        return await call_next(request)

    from ..errors import MinutesError

    @app.exception_handler(MinutesError)
    async def user_error(request: Request, exc: MinutesError) -> JSONResponse:
        return JSONResponse({"detail": exc.message}, status_code=422)

    @app.exception_handler(UnicodeError)
    async def not_unicode(request: Request, exc: UnicodeError) -> JSONResponse:
        # a lone surrogate that got past validation (an edited record sent to /api/export)
        return JSONResponse({"detail": f"text is not valid Unicode: {exc}"}, status_code=422)

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def page() -> str:
        return _static("index.html")

    @app.get("/static/{name}", include_in_schema=False)
    def static(name: str) -> Response:
        if name not in STATIC:  # a fixed list: no request path reaches the file system
            raise HTTPException(404)
        return Response(_static(name), media_type=STATIC[name])

    @app.post("/api/record", response_model=Record, summary="原始记录 → 沟通记录表")
    def api_record(req: RecordRequest) -> Record:
        return _record(req)

    @app.post("/api/lint", response_model=list[LintFinding], summary="检查记录")
    def api_lint(req: LintRequest) -> list[dict]:
        from ..lint import lint_doc
        from ..lint.config import Config

        from ..errors import MinutesError

        try:
            found = lint_doc(_doc(req.text), Config(), req.as_of or Date.today(), req.date).findings
        except MinutesError as exc:
            raise HTTPException(422, detail=exc.message) from None
        return [{k: v for k, v in f.as_dict().items() if k != "path"} for f in found]

    @app.post("/api/when", response_model=WhenResult, summary="解析截止时间")
    def api_when(req: WhenRequest) -> dict:
        from ..resolve.dates import find_deadline

        ref = req.ref or Date.today()
        d = find_deadline(req.text, ref)
        return {"text": req.text, "ref": ref.isoformat(),
                "date": d.date.isoformat() if d is not None and d.date is not None else None,
                "due_text": d.text if d is not None else None, "vague": bool(d is not None and d.vague),
                "reading": d.reading if d is not None else None}

    @app.post("/api/request", response_model=RequestResult, summary="沟通申请表：最晚发出日与反馈截止日")
    def api_request(form: RequestForm, format: Literal["json", "docx"] = Query("json")) -> Response | dict:
        from ..flow import request as rq

        from ..errors import MinutesError

        try:
            return _form_result(_brief(form), rq, "brief", format, "申请表")
        except MinutesError as exc:
            raise HTTPException(422, detail=exc.message) from None

    @app.post("/api/agenda", response_model=AgendaResult, summary="会议议程：议题时长合计、会前至少 1 个工作日发出")
    def api_agenda(form: AgendaForm, format: Literal["json", "docx"] = Query("json")) -> Response | dict:
        from ..flow import agenda as ag
        from ..flow.request import brief_from_text

        if not form.text.strip():
            raise HTTPException(422, detail="议程为空：请粘贴议程草稿")
        from ..errors import MinutesError

        try:
            brief = brief_from_text(form.request) if form.request and form.request.strip() else None
            a = ag.agenda_from_text(form.text, None, brief)
            if form.sent is not None:
                a.sent = form.sent.isoformat()
                ag.check(a)
            return _form_result(a, ag, "agenda", format, "议程")
        except MinutesError as exc:
            raise HTTPException(422, detail=exc.message) from None

    @app.get("/api/tracker", response_model=TrackerView, summary="行动项跟踪表：逾期的在前")
    def api_tracker(as_of: Date | None = Query(None, description="判断逾期的日期，默认今天")) -> dict:
        day = as_of or Date.today()
        if db is None:
            return {"configured": False, "as_of": day.isoformat(), "items": []}
        from ..errors import MinutesError
        from ..track import Tracker

        try:
            t = Tracker(db)
            rows = t.list()
            t.close()
        except MinutesError as exc:
            raise HTTPException(503, detail=exc.message) from None
        return {"configured": True, "as_of": day.isoformat(), "items": tracker_items(rows, day)}

    @app.post("/api/upload", response_model=Upload, summary="上传 .txt/.md/.docx，返回解码后的文本")
    async def api_upload(file: UploadFile = File(...)) -> dict:
        from ..errors import InputError
        from ..ingest import from_bytes

        data = await file.read()
        name = (file.filename or "upload.txt").rsplit("/", 1)[-1].rsplit("\\", 1)[-1]
        try:
            doc = from_bytes(data, name)  # bytes only: the name picks the reader, never a path
        except InputError as exc:
            raise HTTPException(422, detail=exc.message) from None
        return {"text": doc.text, "encoding": doc.encoding, "name": name}

    @app.post("/api/export", summary="下载（可编辑后的）记录：md/docx/json/html，或行动项 ics/csv")
    def api_export(record: Record, format: Literal["md", "docx", "json", "html", "ics", "csv"] = Query("md")) -> Response:
        from ..export import export
        from ..render import renderer

        if format in ("ics", "csv"):
            body = export(format, [record])
        else:
            body = renderer(format)([record])
        media = {"md": "text/markdown", "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                 "json": "application/json", "html": "text/html", "ics": "text/calendar", "csv": "text/csv"}[format]
        name = "actions" if format in ("ics", "csv") else "record"
        return Response(body if isinstance(body, bytes) else body.encode("utf-8"), media_type=media,
                        headers={"Content-Disposition": f'attachment; filename="{name}.{format}"'})

    return app


def _brief(form: RequestForm) -> Brief:
    from ..flow.fields import departments_of, time_of
    from ..flow.request import brief_from_text, check

    b = brief_from_text(form.brief, None, form.date) if form.brief and form.brief.strip() else Brief()
    for f in ("topic", "initiator", "background", "outputs", "mode", "location"):
        v = getattr(form, f)
        if v and v.strip():
            setattr(b, f, v.strip())
    if form.departments and form.departments.strip():
        b.departments = departments_of([form.departments])
    if form.date is not None:
        b.date = form.date.isoformat()
    if form.time and form.time.strip():
        b.time = time_of(form.time)[0] or form.time.strip()
    if form.sent is not None:
        b.sent = form.sent.isoformat()
    elif b.sent is None:
        b.sent = Date.today().isoformat()
    if b.date is None:
        raise HTTPException(422, detail="缺少会议日期：无法推算最晚发出日")
    return check(b)


def _form_result(model, mod, key: str, format: str, name: str):
    if format == "docx":
        return Response(mod.docx(model), media_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                        headers={"Content-Disposition": f"attachment; filename*=UTF-8''{_quote(name)}.docx"})
    return {key: model, "markdown": mod.markdown(model)}


def _quote(s: str) -> str:
    from urllib.parse import quote

    return quote(s)


def tracker_items(rows, day: Date) -> list[dict]:
    """Overdue first (longest overdue first), then open ones by due date, done last."""
    items = []
    for a in rows:
        late = a.status != "已完成" and bool(a.due) and a.due < day.isoformat()
        items.append({**{k: getattr(a, k) for k in TrackerItem.model_fields if hasattr(a, k)}, "overdue": late,
                      "days_overdue": (day - Date.fromisoformat(a.due)).days if late else None})
    return sorted(items, key=lambda i: (not i["overdue"], -(i["days_overdue"] or 0), i["status"] == "已完成",
                                        i["due"] or "9999"))


def _doc(text: str):
    """Pasted text is already text: no byte-level detection, offsets index it as given."""
    import hashlib

    from ..ingest import Text

    if not text.strip():
        raise HTTPException(422, detail="文本为空：请粘贴会议记录或上传文件")
    return Text(text, "utf-8", hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest(), "pasted.md")


def _record(req: RecordRequest) -> Record:
    from ..errors import MinutesError
    from ..pipeline import record

    try:
        return record(_doc(req.text), req.date, input=req.input)
    except MinutesError as exc:  # something the user can fix: say so, never a 500
        raise HTTPException(422, detail=exc.message) from None


app = create_app()
