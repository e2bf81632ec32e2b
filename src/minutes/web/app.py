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

from ..schema import Record

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


class Upload(BaseModel):
    text: str
    encoding: str
    name: str


def _static(name: str) -> str:
    return (resources.files("minutes.web") / "static" / name).read_text(encoding="utf-8")


def create_app(limit: int = DEFAULT_LIMIT) -> FastAPI:
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
