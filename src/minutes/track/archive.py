"""复盘归档: the 协作复盘总结 and one folder (or zip) holding the records,
the attached flow documents, the proof files and the tracker."""
from __future__ import annotations

import json
import shutil
import tempfile
import zipfile
from datetime import date, datetime, time
from pathlib import Path

from .followup import review_md
from .report import table_csv
from .store import Tracker


def write_archive(tracker: Tracker, topic: str, records: list, attach: list[str], out: str,
                  as_of: date) -> tuple[int, int]:
    """Write the archive; mark the actions of the given records archived.
    Returns (actions reviewed, actions newly archived)."""
    sources = {r.document.path for r in records if r.document.path}
    if sources:  # this collaboration's records: their actions, archived ones included
        actions = [a for a in tracker.list(include_archived=True) if a.source_file in sources]
    else:  # no records named: everything still open in the tracker
        actions = tracker.list()
    keys = sources or {a.source_file for a in actions if a.source_file}
    ids = {a.id for a in actions}
    history = [h for h in tracker.history() if h["action_id"] in ids]
    summary = review_md(topic, records, actions, history, as_of)
    zipped = out.lower().endswith(".zip")
    root = Path(tempfile.mkdtemp(prefix="minutes-review-")) / Path(out).stem if zipped else Path(out)
    root.mkdir(parents=True, exist_ok=True)
    (root / "协作复盘总结.md").write_text(summary, encoding="utf-8")
    (root / "行动项跟踪表.csv").write_text(table_csv(actions), encoding="utf-8")
    (root / "行动项跟踪表.json").write_text(
        json.dumps([a.as_dict() for a in actions], ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    history_rows = [{k: h[k] for k in h.keys()} for h in history]
    (root / "变更历史.json").write_text(json.dumps(history_rows, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    for folder, paths in (("纪要", sorted(keys)), ("附件", attach),
                          ("证明材料", [a.proof for a in actions if a.proof_kind == "file" and a.proof])):
        for p in paths:
            src = Path(p)
            if src.is_file():
                dest = root / folder / (f"{_owner_id(actions, p)}-{src.name}" if folder == "证明材料" else src.name)
                dest.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(src, dest)
    links = [f"{a.id}\t{a.task}\t{a.proof}" for a in actions if a.proof_kind == "link"]
    if links:
        (root / "证明材料").mkdir(exist_ok=True)
        (root / "证明材料" / "链接.txt").write_text("\n".join(links) + "\n", encoding="utf-8")
    if zipped:
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
            for f in sorted(root.rglob("*")):
                if f.is_file():
                    z.write(f, f.relative_to(root.parent).as_posix())
        shutil.rmtree(root.parent)
    stamp = datetime.combine(as_of, time(0, 0))
    archived = sum(tracker.archive(k, now=stamp) for k in sorted(keys))
    return len(actions), archived


def _owner_id(actions: list, proof: str) -> str:
    return next((a.id for a in actions if a.proof == proof), "proof")
