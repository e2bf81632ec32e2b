"""The record as the contract's JSON (shared/spec/contract.md): one object
per document, a JSON array when several are given."""
from __future__ import annotations

from ..schema import Record


def to_dict(rec: Record) -> dict:
    return rec.model_dump(mode="json")


def _dump(rec: Record) -> str:
    # pydantic's serializer: the stdlib encoder with indent= is pure Python and slow
    try:
        return rec.model_dump_json(indent=1)
    except ValueError:  # lone surrogates (text that came through JSON): escape them
        import json
        import re

        body = json.dumps(rec.model_dump(mode="json"), ensure_ascii=False, indent=1)
        return re.sub("[\ud800-\udfff]", lambda m: f"\\u{ord(m.group()):04x}", body)


def render(records: list[Record]) -> str:
    parts = [_dump(r) for r in records]
    body = parts[0] if len(parts) == 1 else "[\n" + ",\n".join(parts) + "\n]"
    return body + "\n"
