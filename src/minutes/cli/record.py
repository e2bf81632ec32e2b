"""`minutes record`: raw minutes in, the 沟通记录表 out."""
from __future__ import annotations

from enum import Enum
from typing import Annotated, Optional

import typer


class RecordFormat(str, Enum):
    md = "md"
    json = "json"
    docx = "docx"
    xlsx = "xlsx"
    html = "html"


class InputKind(str, Enum):
    auto = "auto"
    notes = "notes"
    transcript = "transcript"


def parse_speakers(pairs: list[str], path: str | None) -> dict[str, str]:
    """`说话人1=张三` pairs, from the command line and/or a file of such lines."""
    lines = list(pairs)
    if path:
        from pathlib import Path

        try:
            lines += Path(path).read_text(encoding="utf-8").splitlines()
        except OSError as exc:
            raise ValueError(f"{path}: {exc.strerror}") from None
    out: dict[str, str] = {}
    for line in lines:
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        label, sep, name = line.partition("=")
        if not sep or not label.strip() or not name.strip():
            raise ValueError(f"{line!r} is not LABEL=NAME")
        out[label.strip()] = name.strip()
    return out


def register(app: typer.Typer) -> None:
    app.command("record")(record)


def record(
    files: Annotated[list[str], typer.Argument(help="会议记录文件（.md/.txt/.docx），- 表示标准输入")],
    date: Annotated[Optional[str], typer.Option("--date", help="会议日期 YYYY-MM-DD（正文没有日期时用于推算相对截止时间）")] = None,
    fmt: Annotated[RecordFormat, typer.Option("--format", "-f", help="输出格式")] = RecordFormat.md,
    out: Annotated[Optional[str], typer.Option("--output", "-o", help="写入文件而不是标准输出")] = None,
    encoding: Annotated[Optional[str], typer.Option(help="指定编码（默认自动识别）")] = None,
    input_kind: Annotated[InputKind, typer.Option("--input", help="输入类型：auto 自动识别，notes 书面纪要，transcript 转写稿")] = InputKind.auto,
    speaker: Annotated[Optional[list[str]], typer.Option("--speaker", help="说话人映射，如 说话人1=张三（可重复）")] = None,
    speakers_file: Annotated[Optional[str], typer.Option("--speakers", help="说话人映射文件：每行 说话人1=张三")] = None,
    rules: Annotated[Optional[list[str]], typer.Option("--rules", metavar="DIR", help="额外的规则文件夹（可重复）")] = None,
    layer: Annotated[str, typer.Option("--layer", metavar="rules|model|both",
                                       help="判断条目用：rules 只用规则（最快），model 只用分类器，both 规则加分类器（默认）")] = "both",
) -> None:
    """把会议记录整理成跨部门协作沟通记录表。

    Example: minutes record corpora/samples/product-sync.md --format json
    """
    import os

    from ..errors import MinutesError
    from .common import error, output_path, parse_date, records_of, use_rules, write_output

    meeting = parse_date(date)
    use_rules(rules)
    try:
        mapping = parse_speakers(speaker or [], speakers_file)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--speaker") from None
    from ..render import BINARY, renderer

    to_stdout = out is None or out == "-"
    if fmt.value in BINARY and to_stdout:
        error(f"--format {fmt.value} writes a binary file: give -o FILE")
        raise typer.Exit(2)
    into_dir = not to_stdout and os.path.isdir(out)
    if not to_stdout and not into_dir:
        try:  # a bad -o is a usage error: say so before any work
            output_path(out, files)
        except MinutesError as exc:
            error(str(exc))
            raise typer.Exit(2) from None
    if layer not in ("rules", "model", "both"):
        raise typer.BadParameter("one of rules, model, both", param_hint="--layer")
    records, failed = records_of(files, meeting, encoding, input=input_kind.value, speakers=mapping, layer=layer)
    if not records:
        raise typer.Exit(2 if failed else 0)
    render = renderer(fmt.value)
    try:
        if into_dir:  # -o DIR: one file per input, named after it
            for rec in records:
                name = rec.document.path or "-"
                write_output(render([rec]), out, [name, *files], suffix=f".record.{fmt.value}")
        elif to_stdout and len(files) > 1 and fmt.value in ("md", "html"):
            # several records on stdout: each under its file's name, like head(1)
            for n, rec in enumerate(records):
                header = f"==> {rec.document.path or '-'} <==\n"
                write_output(("\n" if n else "") + header + render([rec]), None, files)
        else:
            write_output(render(records), out, files)
    except MinutesError as exc:
        error(str(exc))
        raise typer.Exit(2) from None
    if failed:
        raise typer.Exit(2)
