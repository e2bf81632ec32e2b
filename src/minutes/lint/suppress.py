"""Suppression: inline comments and a baseline file.

Inline: `<!-- minutes-disable-next-line RULE[, RULE] -->` silences the next
line; `<!-- minutes-disable RULE -->` … `<!-- minutes-enable RULE -->` a block
(no RULE: every rule). The baseline holds fingerprints (rule, evidence and
field, not the line number), so findings that only moved stay silenced and
only new ones fail.
"""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from .. import rx
from ..errors import ConfigError
from .model import Finding

_DIRECTIVE = rx.compile(r"<!--\s*minutes-(disable-next-line|disable|enable)\s*([^>]*?)\s*-->")


def inline_suppressed(text: str) -> dict[int, set[str] | None]:
    """line → rules silenced on it (None: all rules)."""
    out: dict[int, set[str] | None] = {}
    from ..lines import split_lines

    lines = split_lines(text)
    block: dict[str, bool] = {}
    for n, line in enumerate(lines, 1):
        for m in _DIRECTIVE.finditer(line):
            kind, ids = m.group(1), {r.strip() for r in m.group(2).split(",") if r.strip()}
            if kind == "disable-next-line":
                _add(out, n + 1, ids or None)
            elif kind == "disable":
                for r in ids or {"*"}:
                    block[r] = True
            else:
                for r in ids or set(block):
                    block.pop(r, None)
        if block:
            _add(out, n, None if "*" in block else set(block))
    return out


def _add(out: dict[int, set[str] | None], line: int, ids: set[str] | None) -> None:
    if ids is None or out.get(line, set()) is None:
        out[line] = None
    else:
        out[line] = (out.get(line) or set()) | ids  # type: ignore[operator]


def apply_inline(findings: list[Finding], text: str) -> list[Finding]:
    sup = inline_suppressed(text)
    keep = []
    for f in findings:
        s = sup.get(f.line, set())
        if s is None or f.rule in s:
            continue
        keep.append(f)
    return keep


def fingerprint(findings: list[Finding]) -> None:
    """Stable fingerprints: rule + field + evidence, numbered for repeats."""
    seen: Counter[str] = Counter()
    for f in findings:
        k = f.key()
        f.fingerprint = f"{k}:{seen[(f.path, k)]}"
        seen[(f.path, k)] += 1


def write_baseline(path: str, findings: list[Finding]) -> None:
    data = {"version": 1, "findings": sorted({f"{Path(f.path).name}|{f.fingerprint}" for f in findings})}
    Path(path).write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def read_baseline(path: str) -> set[str]:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        return set(data["findings"])
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ConfigError(f"cannot read baseline: {exc}", path=path) from None


def apply_baseline(findings: list[Finding], known: set[str]) -> list[Finding]:
    return [f for f in findings if f"{Path(f.path).name}|{f.fingerprint}" not in known]
