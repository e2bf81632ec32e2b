"""Renderers of a record, looked up by format name.

Each entry names a module with `render(records: list[Record]) -> str | bytes`;
binary formats (docx, xlsx) return bytes and need `-o FILE`. Modules are
imported only when their format is asked for.
"""
from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

FORMATS: dict[str, str] = {
    "md": "minutes.render.markdown",
    "json": "minutes.render.json",
    "docx": "minutes.render.docx",
    "xlsx": "minutes.render.xlsx",
    "html": "minutes.render.html",
}
BINARY = {"docx", "xlsx"}


def renderer(fmt: str) -> Callable[[list[Any]], str | bytes]:
    mod = importlib.import_module(FORMATS[fmt])
    return mod.render
