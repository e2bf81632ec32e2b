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


RULES_HELP = "额外的规则文件夹（可重复；与 MINUTES_RULES_PATH 相同）"


def use_rules(dirs: list[str] | None) -> None:
    """`--rules DIR`: checked here (one line, exit 2), then handed to every
    rule loader, worker processes included, through MINUTES_RULES_PATH."""
    import os

    if not dirs:
        return
    for d in dirs:
        if not os.path.isdir(d):
            error(f"{d}: --rules needs a folder of rule files (*.toml)")
            raise typer.Exit(2)
    from ..rules import load

    old = os.environ.get("MINUTES_RULES_PATH")
    os.environ["MINUTES_RULES_PATH"] = os.pathsep.join([*(p for p in (old or "").split(os.pathsep) if p),
                                                        *(os.path.abspath(d) for d in dirs)])
    lint_model = sys.modules.get("minutes.lint.model")
    if lint_model is not None:  # packs loaded earlier in this process saw other folders
        lint_model.load_pack.cache_clear()
    try:
        load.cache_clear()
        load()
    except MinutesError as exc:
        error(str(exc))
        raise typer.Exit(2) from None


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


def same_file(a: str, b: str) -> bool:
    """Are two names one file? `os.path.samefile` sees hard links and symlinks
    that comparing resolved paths misses."""
    import os

    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def output_path(out: str, inputs: list[str], suffix: str = "") -> str:
    """Where `-o OUT` writes: OUT itself, or OUT/<first input's stem><suffix>
    when OUT is an existing directory. Refuses (MinutesError, one line) a
    missing parent directory and any input, however it is linked."""
    import os
    from pathlib import Path

    target = out
    if os.path.isdir(out):
        named = [n for n in inputs if n != "-"]
        stem = Path(named[0]).stem if named else "stdin"
        target = os.path.join(out, stem + (suffix or ".out"))
    parent = os.path.dirname(os.path.abspath(target))
    if not os.path.isdir(parent):
        raise MinutesError("cannot write: its directory does not exist", path=out)
    if any(name != "-" and same_file(name, target) for name in inputs):
        raise MinutesError("refusing to write over an input file", path=out)
    return target


def write_output(text: str | bytes, out: str | None, inputs: list[str], suffix: str = "") -> str | None:
    """Write to stdout, or to -o OUT (see output_path); OS errors become one
    MinutesError line. Returns the path written, if any."""
    if out is None or out == "-":
        if isinstance(text, bytes):
            sys.stdout.buffer.write(text)
        else:
            sys.stdout.write(text)
        return None
    target = output_path(out, inputs, suffix)
    try:
        if isinstance(text, bytes):
            with open(target, "wb") as f:
                f.write(text)
        else:
            with open(target, "w", encoding="utf-8", newline="") as f:
                f.write(text)
    except OSError as exc:
        raise MinutesError(f"cannot write: {exc.strerror or exc}", path=target) from None
    return target


def records_of(files: list[str], meeting, encoding: str | None, **kw) -> tuple[list, bool]:
    """Records of every readable input, and whether any input failed."""
    from ..pipeline import record
    from .progress import Ticker

    records, failed = [], False
    with Ticker() as tick:  # a progress line on a terminal, past a second
        for name, doc in read_inputs(files, encoding):
            if doc is None:
                failed = True
                continue
            tick.file(name, len(doc.text))
            try:
                records.append(record(doc, meeting, on_stage=tick.stage, **kw))
            except MinutesError as exc:
                error(str(exc))
                failed = True
    return records, failed
