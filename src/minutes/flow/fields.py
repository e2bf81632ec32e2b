"""Short flow documents (a brief, a department's feedback, an agenda) read
into labelled fields, from Markdown/plain text or TOML.

Markdown: `key：value` lines (list marker optional) and headings both open a
field when their label is known; the lines after it, until the next known
label or heading, belong to it. TOML: top-level keys, Chinese or English.
"""
from __future__ import annotations

import re
import tomllib
from datetime import date

from .. import rx
from ..errors import InputError

_HEADING = rx.compile(r"^\s{0,3}#{1,6}\s*(.*?)\s*#*\s*$")
_KV = rx.compile(r"^\s*(?:[-*+]\s+|\d{1,2}[.、)）]\s*)?(?:\*\*)?(?P<key>[^\s:：|*][^:：|*]{0,15}?)(?:\*\*)?\s*[:：]\s*(?P<value>.*)$")
_ROW = rx.compile(r"^\s*\|\s*(?P<key>[^|]{1,20}?)\s*\|\s*(?P<value>[^|]*?)\s*\|\s*$")
_MARKER = rx.compile(r"^\s*(?:[-*+•·]\s+|\d{1,3}[.、)）]\s*|[（(]\d{1,3}[)）]\s*)(?:\[[ xX]\]\s*)?")
_NONE = rx.compile(r"^(?:无|暂无|没有|—|-|/|N/?A|none)[。.]?$", re.I)
_ISO = rx.compile(r"((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")
_TIME = rx.compile(r"(\d{1,2})\s*[:：]\s*(\d{2})(?:\s*[-–—~～至到]\s*(\d{1,2})\s*[:：]\s*(\d{2}))?")


def label_of(key: str, labels: dict[str, tuple[str, ...]]) -> str | None:
    k = key.strip(" *#：:").replace(" ", "")
    for field, names in labels.items():
        if k == field or k.lower() == field or any(k == n for n in names):
            return field
    for field, names in labels.items():  # 会议主题 → 主题, 沟通背景与目标 → 背景与目标
        if any(len(n) >= 2 and k.endswith(n) and len(k) - len(n) <= 2 for n in names):
            return field
    return None


def read_fields(text: str, labels: dict[str, tuple[str, ...]], path: str | None = None) -> tuple[dict[str, list[str]], str | None]:
    """Labelled fields (each a list of raw lines, list markers kept) and the
    document's title (its first level-1 heading), from Markdown or TOML."""
    if path and path.lower().endswith(".toml"):
        return _toml(text, labels, path), None
    fields: dict[str, list[str]] = {}
    current: str | None = None
    title: str | None = None
    for raw in text.splitlines():
        line = raw.rstrip()
        if not line.strip():
            continue
        h = _HEADING.match(line)
        if h:
            if title is None and line.lstrip().startswith("# "):
                title = h.group(1).strip()
            current = label_of(h.group(1), labels)
            if current is not None:
                fields.setdefault(current, [])
            continue
        row = _ROW.match(line)
        if row:  # | 沟通主题 | … |: a form written by `minutes request` (Markdown, or Word read as rows)
            f = label_of(row.group("key"), labels)
            if f is not None:
                value = row.group("value").strip()
                fields[f] = [value] if value and value not in ("—", "-") else []
                current = None
                continue
        kv = _KV.match(line)
        if kv:
            f = label_of(kv.group("key"), labels)
            if f is not None:
                current = f
                fields.setdefault(f, [])
                if kv.group("value").strip():
                    fields[f].append(kv.group("value").strip())
                continue
        if current is not None:
            fields[current].append(line)
    return fields, title


def _toml(text: str, labels: dict[str, tuple[str, ...]], path: str) -> dict[str, list[str]]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"not valid TOML: {exc}", path=path) from None
    out: dict[str, list[str]] = {}
    for key, value in data.items():
        f = label_of(key, labels)
        if f is None:
            raise InputError(f"unknown key {key!r}; known: {', '.join(labels)}", path=path)
        if isinstance(value, dict):  # departments = {市场部 = ["王敏", "刘洋"]}
            out[f] = [f"{k}：{'、'.join(v) if isinstance(v, list) else v}" for k, v in value.items()]
        elif isinstance(value, list):
            out[f] = [f"- {v}" for v in value]
        else:
            out[f] = [str(value)]
    return out


def text_of(lines: list[str] | None) -> str | None:
    """A field as one line of prose."""
    if not lines:
        return None
    parts = [_MARKER.sub("", ln).strip() for ln in lines]
    s = "；".join(p for p in parts if p)
    return None if not s or _NONE.match(s) else s


def items_of(lines: list[str] | None) -> list[str]:
    """A field as a list: one entry per list item or line; 无 gives none."""
    out = []
    for ln in lines or ():
        s = _MARKER.sub("", ln).strip()
        if s and not _NONE.match(s):
            out.extend(p.strip() for p in re.split(r"[；;]", s) if p.strip()) if not _MARKER.match(ln) else out.append(s)
    return out


def departments_of(lines: list[str] | None) -> dict[str, list[str]]:
    """`市场部：王敏、刘洋；销售部：赵磊`, inline or one department per line."""
    from ..extract.meta import _DEPT, _names

    out: dict[str, list[str]] = {}
    for ln in lines or ():
        for group in re.split(r"[；;]", _MARKER.sub("", ln)):
            m = _DEPT.match(group.strip())
            if m:
                out.setdefault(m.group("dept"), []).extend(_names(re.sub(r"[（(][^)）]*[)）]", "", m.group("names"))))
            elif group.strip() and re.fullmatch(r"[\u4e00-\u9fffA-Za-z]{1,12}(?:部|组|中心|团队|办公室|处|科|室)", group.strip()):
                out.setdefault(group.strip(), [])
    return out


def day_of(value: str | None, ref: date | None = None) -> date | None:
    """A date written in a field: 2024-09-25, 2024年9月25日, or (with a
    reference date for the year) 9月25日 — read by the deadline resolver."""
    if not value:
        return None
    m = _ISO.search(value)
    if m:
        try:
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            return None
    if ref is None:
        return None
    from ..resolve.dates import find_dates

    for d in find_dates(value, ref):
        if d.date is not None:
            return d.date
    return None


def time_of(value: str | None) -> tuple[str | None, int | None]:
    """`14:00-15:30` → ("14:00-15:30", 90 minutes)."""
    m = _TIME.search(value or "")
    if not m:
        return None, None
    h1, m1, h2, m2 = m.groups()
    if h2 is None:
        return f"{int(h1):02d}:{m1}", None
    length = (int(h2) * 60 + int(m2)) - (int(h1) * 60 + int(m1))
    return f"{int(h1):02d}:{m1}-{int(h2):02d}:{m2}", length if length > 0 else None
