"""Helpers shared by commands: reading inputs, reporting errors, dates."""
from __future__ import annotations

import sys
from collections.abc import Iterator
from datetime import date

import typer

from ..errors import MinutesError


def parse_date(value: str | None, option: str = "--date") -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date in YYYY-MM-DD form", param_hint=option) from None


def error(msg: str) -> None:
    typer.echo(f"minutes: error: {msg}", err=True)


def read_inputs(files: list[str], encoding: str | None) -> Iterator[tuple[str, "object | None"]]:
    """Yield (name, Text) per input; on a bad input yield (name, None) after
    printing one line naming the file and the reason."""
    from ..ingest import read_path, read_stdin

    for name in files:
        try:
            if name == "-":
                yield name, read_stdin(sys.stdin.buffer, encoding=encoding)
            else:
                yield name, read_path(name, encoding=encoding)
        except MinutesError as exc:
            error(str(exc))
            yield name, None


def write_output(text: str | bytes, out: str | None, inputs: list[str]) -> None:
    if out is None or out == "-":
        if isinstance(text, bytes):
            sys.stdout.buffer.write(text)
        else:
            sys.stdout.write(text)
        return
    from pathlib import Path

    target = Path(out).resolve()
    if any(name != "-" and Path(name).resolve() == target for name in inputs):
        raise MinutesError("refusing to write over an input file", path=out)
    if isinstance(text, bytes):
        target.write_bytes(text)
    else:
        target.write_text(text, encoding="utf-8")


def records_of(files: list[str], meeting, encoding: str | None, **kw) -> tuple[list, bool]:
    """Records of every readable input, and whether any input failed."""
    from ..pipeline import record

    records, failed = [], False
    for _name, doc in read_inputs(files, encoding):
        if doc is None:
            failed = True
            continue
        try:
            records.append(record(doc, meeting, **kw))
        except MinutesError as exc:
            error(str(exc))
            failed = True
    return records, failed
