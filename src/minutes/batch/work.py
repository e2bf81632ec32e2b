"""One document's work, as run inside a worker process (or a dask task).

Pure apart from writing the one output file: reads the input, builds the
record, writes it under OUTDIR mirroring the input tree, and returns a small
summary (never the text) so that little crosses process boundaries.
"""
from __future__ import annotations

import hashlib
import os
import re
import resource
import time
from datetime import date
from pathlib import Path

from ..errors import InputError

_FILE_DATE = re.compile(r"(20\d{2}|19\d{2})[-_.年]?(\d{1,2})[-_.月]?(\d{1,2})")
SUFFIX = {"json": ".json", "md": ".md", "docx": ".docx"}


def init_worker(segmenter: bool = False) -> None:
    """Load what every document needs once per process: rule packs and the
    resolver's rules; with `segmenter`, jieba and spaCy too (else they load on
    the first sentence that needs word boundaries)."""
    from ..resolve.dates import rules as deadline_rules
    from ..rules import load

    load()
    deadline_rules()
    if segmenter:
        from ..segment import nlp, tokenizer

        tokenizer()
        nlp()


def output_path(path: Path, root: Path, outdir: Path, fmt: str) -> Path:
    rel = path.relative_to(root) if root in path.parents or path == root else Path(path.name)
    return outdir / rel.parent / (rel.name + SUFFIX[fmt])


def date_from_filename(path: Path) -> date | None:
    m = _FILE_DATE.search(path.stem)
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def _reason(exc: InputError) -> str:
    msg = exc.message
    for key in ("empty", "binary", "decode", "docx", "no such file"):
        if key in msg:
            return {"decode": "encoding", "no such file": "missing"}.get(key, key)
    return "input"


def process(path_str: str, root_str: str, outdir_str: str, fmt: str, use_file_date: bool,
            as_of_iso: str, want_record: bool) -> dict:
    """Record one file; return its manifest entry (and its record when asked)."""
    from ..ingest import from_bytes
    from ..pipeline import record
    from ..render import renderer

    path, root, outdir = Path(path_str), Path(root_str), Path(outdir_str)
    t0 = time.perf_counter()
    try:
        data = path.read_bytes()  # read once: hashed for the manifest, decoded for the record
    except OSError:
        data = b""
    entry: dict = {"path": path_str, "size": len(data), "sha256": hashlib.sha256(data).hexdigest(),
                   "pid": os.getpid()}
    try:
        if not path.is_file():
            raise InputError("no such file", path=path_str)
        doc = from_bytes(data, path_str)
        meeting = date_from_filename(path) if use_file_date else None
        rec = record(doc, meeting)
        out = output_path(path, root, outdir, fmt)
        out.parent.mkdir(parents=True, exist_ok=True)
        body = renderer(fmt)([rec])
        (out.write_bytes(body) if isinstance(body, bytes) else out.write_text(body, encoding="utf-8"))
    except InputError as exc:
        entry.update(status="failed", reason=_reason(exc), error=exc.message)
    except Exception as exc:  # noqa: BLE001 - one bad file must not stop an archive
        entry.update(status="failed", reason="parse", error=f"{type(exc).__name__}: {exc}")
    else:
        missing_owner = sum(1 for a in rec.actions if not a.owners)
        entry.update(
            status="ok", output=str(out), encoding=doc.encoding, actions=len(rec.actions),
            owners_missing=missing_owner, due_missing=sum(1 for a in rec.actions if a.due is None and not a.due_text),
            due_vague=sum(1 for a in rec.actions if a.due is None and a.due_text),
            overdue=sum(1 for a in rec.actions if a.due and a.status != "已完成" and a.due < as_of_iso),
            vague=len(rec.vague))
        if want_record:
            entry["record"] = rec.model_dump(mode="json")
    slow = float(os.environ.get("MINUTES_TEST_SLOW_BATCH", "0") or 0)  # test hook: a killable run
    if slow:
        time.sleep(slow)
    entry["seconds"] = round(time.perf_counter() - t0, 4)
    entry["max_rss_kb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return entry
