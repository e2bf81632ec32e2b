"""The record as the contract's JSON (shared/spec/contract.md)."""
from __future__ import annotations

import json

from ..schema import Record


def to_dict(rec: Record) -> dict:
    return rec.model_dump(mode="json")


def render(records: list[Record]) -> str:
    data = to_dict(records[0]) if len(records) == 1 else [to_dict(r) for r in records]
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"
