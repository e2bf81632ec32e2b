"""`minutes lint`: a linter for minutes, for editors, pre-commit hooks and CI."""
from __future__ import annotations

from enum import Enum
from typing import Annotated, Optional

import typer


class LintFormat(str, Enum):
    text = "text"
    json = "json"
    sarif = "sarif"
    github = "github"
    rdjsonl = "rdjsonl"


def register(app: typer.Typer) -> None:
    app.command("lint")(lint)


def lint(
    files: Annotated[Optional[list[str]], typer.Argument(help="会议记录文件，- 表示标准输入")] = None,
    fmt: Annotated[LintFormat, typer.Option("--format", "-f", help="输出格式")] = LintFormat.text,
    fail_level: Annotated[Optional[str], typer.Option("--fail-level", help="error/warning/info/never：达到该级别时退出码为 1")] = None,
    as_of: Annotated[Optional[str], typer.Option("--as-of", help="判断逾期的日期，默认今天")] = None,
    date: Annotated[Optional[str], typer.Option("--date", help="会议日期（正文没有日期时）")] = None,
    sent: Annotated[Optional[str], typer.Option("--sent", help="纪要发出日期 YYYY-MM-DD（检查会后 2 个工作日内发出；默认读“纪要发出：”行）")] = None,
    config: Annotated[Optional[str], typer.Option("--config", help="配置文件（默认向上查找 minutes.toml / pyproject.toml）")] = None,
    baseline: Annotated[Optional[str], typer.Option("--baseline", help="基线文件：其中已有的问题不再报告")] = None,
    baseline_write: Annotated[Optional[str], typer.Option("--baseline-write", help="把当前问题写入基线文件")] = None,
    fix: Annotated[bool, typer.Option("--fix", help="修正不改变含义的问题（相对日期写出日期、统一日期写法）")] = False,
    in_place: Annotated[bool, typer.Option("--in-place", help="与 --fix 一起：改写原文件（先备份为 .bak）")] = False,
    out: Annotated[Optional[str], typer.Option("--output", "-o", help="与 --fix 一起：修正后写到这里")] = None,
    diff: Annotated[bool, typer.Option("--diff", help="与 --fix 一起：只显示改动，不写文件")] = False,
    print_config: Annotated[bool, typer.Option("--print-config", help="打印生效的配置后退出")] = False,
    list_rules: Annotated[bool, typer.Option("--list-rules", help="列出检查规则后退出")] = False,
    test_rules: Annotated[bool, typer.Option("--test-rules", help="运行每条检查规则的正反例后退出")] = False,
    rules: Annotated[Optional[list[str]], typer.Option("--rules", metavar="DIR", help="额外的规则文件夹（可重复；其中 lint/ 子文件夹是检查规则）")] = None,
) -> None:
    """检查会议记录：缺负责人、缺截止时间、模糊表述、逾期、分歧无后续……

    退出码：0 没有达到 --fail-level 的问题；1 有；2 用法、配置或输入错误。

    Example: minutes lint 纪要/*.md --format sarif > minutes.sarif
    """
    import json
    import sys
    from datetime import date as Date

    from ..errors import MinutesError
    from .common import error, parse_date, use_rules

    use_rules(rules)
    try:
        from ..lint import config as lint_config
        from ..lint.model import load_pack

        cfg = lint_config.load(config)
        pack = load_pack(tuple(cfg.rules_dirs))
        lint_config.check_rule_ids(cfg, set(pack.rules))
    except MinutesError as exc:
        error(str(exc))
        raise typer.Exit(2) from None
    if fail_level is not None:
        if fail_level not in lint_config.FAIL_LEVELS:
            raise typer.BadParameter(f"one of {lint_config.FAIL_LEVELS}", param_hint="--fail-level")
        cfg.fail_level = fail_level
    if print_config:
        typer.echo(json.dumps(cfg.as_toml_dict(), ensure_ascii=False, indent=1))
        return
    if list_rules:
        from ..lint import effective_levels

        levels = effective_levels(pack, cfg)
        for rid in sorted(pack.rules):
            typer.echo(f"{rid:<30} {levels[rid]:<8} {pack.rules[rid].message}")
        return
    if test_rules:
        from ..lint.selftest import run_examples

        failures, total = run_examples(pack)
        for f in failures:
            typer.echo(f"FAIL {f}")
        typer.echo(f"{total - len(failures)} passed, {len(failures)} failed")
        raise typer.Exit(1 if failures else 0)
    if not files:
        raise typer.BadParameter("give FILE... (or - for stdin)", param_hint="FILE")
    today = parse_date(as_of, "--as-of") or Date.today()  # the CLI reads the clock; the checks never do
    _run(files, fmt, cfg, pack, today, parse_date(date), baseline, baseline_write, fix, in_place, out, diff,
         colour=sys.stdout.isatty(), sent=parse_date(sent, "--sent"))


def _run(files, fmt, cfg, pack, today, meeting, baseline, baseline_write, fix, in_place, out, diff, colour,
         sent=None) -> None:
    from ..errors import MinutesError
    from ..lint import fails, lint_doc
    from ..lint import output as o
    from ..lint.suppress import apply_baseline, read_baseline, write_baseline
    from .common import error, read_inputs

    from .progress import Ticker

    failed_input = False
    findings, sources, docs = [], {}, []
    with Ticker() as tick:  # a progress line on a terminal, past a second
        for name, doc in read_inputs(files, None):
            if doc is None:
                failed_input = True
                continue
            tick.file(name, len(doc.text))
            try:
                res = lint_doc(doc, cfg, today, meeting, pack, sent=sent, on_stage=tick.stage)
            except MinutesError as exc:
                error(str(exc))
                failed_input = True
                continue
            findings += res.findings
            sources[doc.path or "-"] = res.text
            docs.append((name, doc, res))
    try:
        if baseline_write:
            write_baseline(baseline_write, findings)
        if baseline:
            findings = apply_baseline(findings, read_baseline(baseline))
    except MinutesError as exc:
        error(str(exc))
        raise typer.Exit(2) from None
    if fix:
        _fix(docs, in_place, out, diff)
    elif fmt is LintFormat.sarif:
        typer.echo(o.sarif(findings, sources, pack.rules, _version()), nl=False)
    else:
        render = {"text": lambda: o.text(findings, sources, colour), "json": lambda: o.as_json(findings),
                  "github": lambda: o.github(findings), "rdjsonl": lambda: o.rdjsonl(findings)}
        typer.echo(render[fmt.value](), nl=False)
    if failed_input:
        raise typer.Exit(2)
    if fails(findings, cfg.fail_level):
        raise typer.Exit(1)


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("minutes")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree
        return "0"


def _fix(docs, in_place: bool, out: str | None, diff: bool) -> None:
    """Write fixed copies: never over an input unless --in-place, and then a backup first."""
    import difflib
    import shutil
    from pathlib import Path

    from ..lines import split_lines
    from ..lint import apply_fixes
    from .common import error

    if not diff and not in_place and not out:
        error("--fix needs --diff, -o FILE or --in-place")
        raise typer.Exit(2)
    if out and len(docs) > 1:
        error("-o takes one input; use --in-place for several")
        raise typer.Exit(2)
    if not diff:
        # a fix never changes a file's format: the fixed text of a Word file is
        # plain text, so it is not written over (or as) a .docx
        for name, doc, _res in docs:
            if doc.encoding == "docx" and (in_place or (out and out.lower().endswith(".docx"))):
                error(f"{name}: --fix cannot rewrite a Word file; use --diff, or -o FILE.md for the fixed text")
                raise typer.Exit(2)
    for name, doc, res in docs:
        fixed = apply_fixes(res.text, res.findings)
        if diff:
            typer.echo("".join(difflib.unified_diff(split_lines(res.text, True), split_lines(fixed, True),
                                                    fromfile=name, tofile=f"{name} (fixed)")), nl=False)
        elif in_place:
            if name == "-":
                error("cannot fix stdin in place")
                raise typer.Exit(2)
            import codecs

            had_bom = Path(name).read_bytes()[:3] == codecs.BOM_UTF8
            shutil.copy2(name, name + ".bak")
            data = fixed.encode(doc.encoding)
            Path(name).write_bytes(codecs.BOM_UTF8 + data if had_bom and doc.encoding == "utf-8" else data)
        else:
            from ..errors import MinutesError
            from .common import write_output

            try:
                write_output(fixed, out, [name])
            except MinutesError as exc:
                error(str(exc))
                raise typer.Exit(2) from None
