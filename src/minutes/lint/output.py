"""Lint output: text (file:line:col with the evidence underlined), json,
SARIF 2.1.0 (columns in UTF-16 code units, as SARIF requires), GitHub
workflow annotations, and reviewdog's rdjsonl."""
from __future__ import annotations

import json
import unicodedata

from ..lines import split_lines
from .model import Finding

_SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
_COLOURS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}


def _width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def text(findings: list[Finding], sources: dict[str, str], colour: bool = False) -> str:
    out = []
    for f in findings:
        lvl = f"{_COLOURS[f.level]}{f.level}\033[0m" if colour else f.level
        out.append(f"{f.path}:{f.line}:{f.col}: {lvl} {f.rule} {f.message}")
        src = sources.get(f.path, "")
        lines = split_lines(src)
        if 0 < f.line <= len(lines):
            line = lines[f.line - 1]
            upto = line[: f.col - 1]
            span = line[f.col - 1 : (f.end_col - 1) if f.end_line == f.line else len(line)] or " "
            out.append(f"    {line}")
            out.append("    " + " " * _width(upto) + "^" * max(1, _width(span)))
        if f.hint:
            out.append(f"    提示：{f.hint}")
    return "\n".join(out) + ("\n" if out else "")


def as_json(findings: list[Finding]) -> str:
    return json.dumps([f.as_dict() for f in findings], ensure_ascii=False, indent=1) + "\n"


def _u16(line: str, col: int) -> int:
    """A 1-based character column as a 1-based UTF-16 code-unit column."""
    return len(line[: col - 1].encode("utf-16-le", "surrogatepass")) // 2 + 1


def sarif(findings: list[Finding], sources: dict[str, str], rules: dict[str, object], version: str) -> str:
    used = sorted({f.rule for f in findings})
    results = []
    for f in findings:
        lines = split_lines(sources.get(f.path, "")) or [""]
        start_line = lines[f.line - 1] if f.line <= len(lines) else ""
        end_line = lines[f.end_line - 1] if f.end_line <= len(lines) else ""
        results.append({
            "ruleId": f.rule, "ruleIndex": used.index(f.rule), "level": _SARIF_LEVEL[f.level],
            "message": {"text": f.message + (f"（{f.hint}）" if f.hint else "")},
            "locations": [{"physicalLocation": {
                "artifactLocation": {"uri": f.path},
                "region": {"startLine": f.line, "startColumn": _u16(start_line, f.col),
                           "endLine": f.end_line, "endColumn": _u16(end_line, f.end_col),
                           "snippet": {"text": f.evidence}}}}],
            "partialFingerprints": {"minutesFingerprint/v1": f.fingerprint},
        })
    driver_rules = []
    for rid in used:
        r = rules[rid]
        driver_rules.append({"id": rid, "shortDescription": {"text": getattr(r, "message")},
                             "help": {"text": getattr(r, "hint") or getattr(r, "message")}})
    log = {"$schema": "https://json.schemastore.org/sarif-2.1.0.json", "version": "2.1.0",
           "runs": [{"tool": {"driver": {"name": "minutes", "version": version, "rules": driver_rules,
                                         "informationUri": "https://example.invalid/minutes"}},
                     "columnKind": "utf16CodeUnits", "results": results}]}
    return json.dumps(log, ensure_ascii=False, indent=1) + "\n"


def github(findings: list[Finding]) -> str:
    def esc(s: str) -> str:
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")

    kind = {"error": "error", "warning": "warning", "info": "notice"}
    return "".join(f"::{kind[f.level]} file={f.path},line={f.line},col={f.col},endLine={f.end_line},"
                   f"endColumn={f.end_col},title={f.rule}::{esc(f.message)}\n" for f in findings)


def rdjsonl(findings: list[Finding]) -> str:
    sev = {"error": "ERROR", "warning": "WARNING", "info": "INFO"}
    out = []
    for f in findings:
        d = {"message": f.message, "severity": sev[f.level], "code": {"value": f.rule},
             "location": {"path": f.path, "range": {"start": {"line": f.line, "column": f.col},
                                                    "end": {"line": f.end_line, "column": f.end_col}}},
             "source": {"name": "minutes"}}
        if f.fix is not None:
            d["suggestions"] = [{"text": f.fix[2]}]
        out.append(json.dumps(d, ensure_ascii=False))
    return "\n".join(out) + ("\n" if out else "")
