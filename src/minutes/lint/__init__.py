"""`minutes lint`: check minutes before they are circulated.

Runs on the extracted record (owners, deadlines, follow-ups) as well as the
text. The record is built with word boundaries, which cost nothing unless a
two-character vague word could be part of a longer word (segment.surely_word):
only then is jieba's dictionary loaded, and spaCy never is.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..ingest import Text
from .config import Config
from .model import RANK, Finding, LintPack, load_pack


@dataclass(slots=True)
class Result:
    findings: list[Finding]
    text: str


def effective_levels(pack: LintPack, cfg: Config) -> dict[str, str]:
    return {rid: cfg.levels.get(rid, r.severity) for rid, r in pack.rules.items()}


def lint_doc(doc: Text, cfg: Config, as_of: date, meeting: date | None = None,
             pack: LintPack | None = None, only: set[str] | None = None, sent: date | None = None,
             on_stage=None) -> Result:
    from ..pipeline import record
    from .checks import make_finding, run_checks
    from .suppress import apply_inline, fingerprint

    pack = pack or load_pack(tuple(cfg.rules_dirs))
    path = doc.path or "-"
    cfg = cfg.for_path(path)
    levels = effective_levels(pack, cfg)
    if only is not None:
        levels = {rid: ("error" if rid in only else "off") for rid in levels}
    active = {rid for rid, lvl in levels.items() if lvl != "off"}
    rec = record(doc, meeting, on_stage=on_stage)
    if on_stage is not None:
        on_stage("checks")
    text = doc.text
    starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]
    findings: list[Finding] = []

    def emit(rule, s: int, e: int, **values) -> None:
        findings.append(make_finding(rule, levels[rule.id], text, path, starts, s, e, **values))

    run_checks(text, rec, pack.rules, active, cfg.required, as_of, cfg.allow, emit, sent=sent)
    findings.sort(key=lambda f: (f.line, f.col, f.rule))
    findings = apply_inline(findings, text)
    fingerprint(findings)
    return Result(findings, text)


def fails(findings: list[Finding], fail_level: str) -> bool:
    if fail_level == "never":
        return False
    return any(RANK[f.level] >= RANK[fail_level] for f in findings)


def apply_fixes(text: str, findings: list[Finding]) -> str:
    """Apply the fixes that keep meaning, from the end so offsets hold."""
    fixes = sorted({f.fix for f in findings if f.fix is not None}, key=lambda x: (x[0], x[1]), reverse=True)
    last = len(text) + 1
    for s, e, new in fixes:
        if e <= last:
            text = text[:s] + new + text[e:]
            last = s
    return text


__all__ = ["Result", "lint_doc", "fails", "apply_fixes", "effective_levels"]
