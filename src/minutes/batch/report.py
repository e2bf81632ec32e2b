"""The batch summary: OUTDIR/report.json and OUTDIR/report.md, from the whole
manifest (so a resumed run reports on every file, not only this run's)."""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path


def summarize(manifest: dict[str, dict], this_run: int, skipped: int, seconds: float, interrupted: bool,
              as_of: str, slowest: int = 10) -> dict:
    entries = list(manifest.values())
    ok = [e for e in entries if e.get("status") == "ok"]
    failed = [e for e in entries if e.get("status") == "failed"]
    size = sum(e.get("size", 0) for e in ok)
    return {
        "as_of": as_of, "files": len(entries), "ok": len(ok), "failed": len(failed),
        "processed_this_run": this_run, "skipped_up_to_date": skipped, "interrupted": interrupted,
        "seconds": round(seconds, 3), "mb": round(size / 1e6, 4),
        "actions": sum(e.get("actions", 0) for e in ok),
        "owners_missing": sum(e.get("owners_missing", 0) for e in ok),
        "deadlines_missing": sum(e.get("due_missing", 0) for e in ok),
        "deadlines_vague": sum(e.get("due_vague", 0) for e in ok),
        "overdue": sum(e.get("overdue", 0) for e in ok),
        "vague_phrases": sum(e.get("vague", 0) for e in ok),
        "failure_reasons": dict(Counter(e.get("reason", "?") for e in failed)),
        "failures": [{"path": e["path"], "reason": e.get("reason"), "error": e.get("error")}
                     for e in sorted(failed, key=lambda e: e["path"])],
        "slowest": [{"path": e["path"], "seconds": e.get("seconds")}
                    for e in sorted(ok, key=lambda e: -e.get("seconds", 0))[:slowest]],
    }


def text(s: dict, outdir: Path) -> str:
    """The summary printed at the end of a run."""
    reasons = "，".join(f"{k} {v}" for k, v in sorted(s["failure_reasons"].items()))
    return "\n".join([
        f"文件 {s['files']}：成功 {s['ok']}，失败 {s['failed']}{f'（{reasons}）' if reasons else ''}；"
        f"本次处理 {s['processed_this_run']}，跳过未变 {s['skipped_up_to_date']}{'；已中断' if s['interrupted'] else ''}",
        f"行动项 {s['actions']}：缺负责人 {s['owners_missing']}，缺截止时间 {s['deadlines_missing']}，"
        f"截止时间模糊 {s['deadlines_vague']}，截至 {s['as_of']} 已逾期 {s['overdue']}",
        f"报告：{outdir / 'report.md'}",
    ])


def write(outdir: Path, summary: dict) -> None:
    (outdir / "report.json").write_text(json.dumps(summary, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    s = summary
    lines = [
        "# 批量整理报告", "",
        f"- 文件：{s['files']}（成功 {s['ok']}，失败 {s['failed']}；本次处理 {s['processed_this_run']}，"
        f"跳过未变 {s['skipped_up_to_date']}{'；已中断，可重跑续做' if s['interrupted'] else ''}）",
        f"- 行动项：{s['actions']}；缺负责人 {s['owners_missing']}；缺截止时间 {s['deadlines_missing']}；"
        f"截止时间模糊 {s['deadlines_vague']}；截至 {s['as_of']} 已逾期 {s['overdue']}",
        f"- 模糊表述：{s['vague_phrases']}", "",
    ]
    if s["failures"]:
        lines += ["## 失败", "", "| 文件 | 原因 | 说明 |", "| --- | --- | --- |"]
        lines += [f"| {_cell(f['path'])} | {f['reason']} | {_cell(f['error'] or '')} |" for f in s["failures"]]
        lines.append("")
    lines += ["## 最慢的文件", "", "| 文件 | 秒 |", "| --- | --- |"]
    lines += [f"| {_cell(x['path'])} | {x['seconds']} |" for x in s["slowest"]]
    (outdir / "report.md").write_text("\n".join(lines) + "\n", encoding="utf-8")


def _cell(v: str) -> str:
    return v.replace("|", "\\|").replace("\n", " ")
