"""One document's work, as run inside a worker process (or a dask/Ray/Spark task).

Pure apart from writing the one output file: reads the input once, builds
the record, writes it under OUTDIR mirroring the input tree, and returns a
small summary (never the text) so that little crosses process boundaries.
"""
from __future__ import annotations

import hashlib
import os
import re
import resource
import signal
import time
from datetime import date
from pathlib import Path
from typing import Any

from ..errors import InputError

_FILE_DATE = re.compile(r"(20\d{2}|19\d{2})[-_.年]?(\d{1,2})[-_.月]?(\d{1,2})")
SUFFIX = {"json": ".json", "md": ".md", "docx": ".docx"}

# (path, root, base, fmt, use_file_date, as_of_iso, want_record): plain tuples
# pickle small and fast, which matters when millions cross a process boundary.
_WARMUP = ("# 周会\n\n- 时间：2024年5月6日 14:00\n- 参会人员：张三、李四\n\n## 讨论\n\n"
           "- 大家同意先上线再优化。\n- 李四认为近期要尽快评估风险。\n\n## 行动项\n\n"
           "- 张三负责在下周五前完成方案\n- 李四跟进接口，尽快反馈\n")
Task = tuple[str, str, str, str, bool, str, bool]


def init_worker(ignore_sigint: bool = False) -> None:
    """Load what every document needs once per worker, before the first file:
    rule packs, the deadline resolver's rules, jieba's dictionary and spaCy.

    Pool workers ignore SIGINT: Ctrl-C reaches the whole process group, and
    the parent alone decides how to stop (keeping the manifest intact)
    instead of every worker printing a traceback.
    """
    if ignore_sigint:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    from .. import segment
    from ..pipeline import record_text
    from ..rules import load

    load()
    segment.tokenizer()
    segment.nlp()
    # One small record compiles the patterns the extractors and the deadline
    # resolver build lazily, so the first real file is not charged for them.
    record_text(_WARMUP, date(2024, 5, 6))


def output_path(path: Path, root: Path, base: Path, fmt: str) -> Path:
    """`base/<path relative to root>.<fmt>`: the suffix is appended, never
    substituted, so a.md and a.txt in one folder do not collide."""
    try:
        rel = path.relative_to(root)
    except ValueError:
        rel = Path(path.name)
    if rel == Path("."):
        rel = Path(path.name)
    return base / rel.parent / (rel.name + SUFFIX[fmt])


def date_from_filename(path: Path) -> date | None:
    m = _FILE_DATE.search(path.stem)
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def reason_of(exc: InputError) -> str:
    """A short category for the report; the full message goes alongside."""
    msg = exc.message
    for key, reason in (("empty", "empty"), ("binary", "binary"), ("decode", "encoding"),
                        ("byte-order mark", "encoding"), ("docx", "docx"), ("no such file", "missing"),
                        ("cannot read", "unreadable")):
        if key in msg:
            return reason
    return "input"


def _slim(rec: Any) -> dict:
    """What the tracker needs (meta, actions, document): the other sections
    would only add bytes to every result sent back to the parent."""
    return rec.model_dump(mode="json", include={"meta", "actions", "document"})


def process(path_str: str, root_str: str, base_str: str, fmt: str, use_file_date: bool,
            as_of_iso: str, want_record: bool) -> dict:
    """Record one file; return its manifest entry (plus a slim record when asked)."""
    from ..ingest import from_bytes
    from ..pipeline import record
    from ..render import renderer

    path = Path(path_str)
    t0 = time.perf_counter()
    try:
        data = path.read_bytes()  # read once: hashed for the manifest, decoded for the record
    except OSError as exc:
        data, read_error = b"", exc
    else:
        read_error = None
    entry: dict = {"path": path_str, "size": len(data), "sha256": hashlib.sha256(data).hexdigest(),
                   "pid": os.getpid()}
    try:
        if read_error is not None:
            raise InputError("no such file" if isinstance(read_error, FileNotFoundError)
                             else f"cannot read: {read_error.strerror}", path=path_str)
        doc = from_bytes(data, path_str)
        rec = record(doc, date_from_filename(path) if use_file_date else None)
        out = output_path(path, Path(root_str), Path(base_str), fmt)
        if out.resolve() == path.resolve():  # paranoia: inputs are never written
            raise InputError("output would overwrite the input", path=path_str)
        out.parent.mkdir(parents=True, exist_ok=True)
        body = renderer(fmt)([rec])
        if isinstance(body, bytes):
            out.write_bytes(body)
        else:
            out.write_text(body, encoding="utf-8")
    except InputError as exc:
        entry.update(status="failed", reason=reason_of(exc), error=exc.message)
    except Exception as exc:  # noqa: BLE001 - one bad file must not stop an archive
        entry.update(status="failed", reason="parse", error=f"{type(exc).__name__}: {exc}")
    else:
        undated = [a for a in rec.actions if a.due is None]
        entry.update(
            status="ok", output=str(out), encoding=doc.encoding, actions=len(rec.actions),
            owners_missing=sum(1 for a in rec.actions if not a.owners),
            due_missing=sum(1 for a in undated if not a.due_text),
            due_vague=sum(1 for a in undated if a.due_text),
            overdue=sum(1 for a in rec.actions if a.due and a.status != "已完成" and a.due < as_of_iso),
            vague=len(rec.vague))
        if want_record:
            entry["record"] = _slim(rec)
    entry["seconds"] = round(time.perf_counter() - t0, 4)
    entry["max_rss_kb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return entry


def process_chunk(tasks: list[Task]) -> list[dict]:
    """Several files per round trip, so pickling and queueing stay small
    next to the work when documents are short."""
    return [process(*t) for t in tasks]
