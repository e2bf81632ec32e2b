"""The record as the contract's JSON (shared/spec/contract.md): one object
per document, a JSON array when several are given."""
from __future__ import annotations

from ..schema import Record


def to_dict(rec: Record) -> dict:
    return rec.model_dump(mode="json")


def render(records: list[Record]) -> str:
    # pydantic's serializer: the stdlib encoder with indent= is pure Python and slow
    parts = [r.model_dump_json(indent=1) for r in records]
    body = parts[0] if len(parts) == 1 else "[\n" + ",\n".join(parts) + "\n]"
    return body + "\n"
