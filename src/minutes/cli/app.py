"""The `minutes` command line: a thin typer layer over the pure core.

Each command lives in its own module with a `register(app)` function. Command
modules import nothing heavy at module level (jieba, spaCy, docx …): those are
imported inside the command body, so `minutes --help` stays instant.
"""
from __future__ import annotations

import importlib

import typer

import os
import sys


def _context_settings() -> dict:
    """-h as well as --help; help as plain text (click's: FILE... and TEXT, never
    <bool> or <list[str]>), wrapped to the terminal, and not wrapped at all when
    piped (a pipe has no width: 80 columns cut long lines)."""
    settings: dict = {"help_option_names": ["-h", "--help"]}
    if not sys.stdout.isatty() and "COLUMNS" not in os.environ:
        settings["terminal_width"] = settings["max_content_width"] = 10_000
    else:
        settings["max_content_width"] = 120
    return settings


CONTEXT = _context_settings()

app = typer.Typer(
    name="minutes",
    help="会议纪要助手：把原始会议记录整理成跨部门协作沟通记录表，并检查模糊表述。",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings=CONTEXT,
)


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import PackageNotFoundError, version

        try:
            v = version("minutes")
        except PackageNotFoundError:  # pragma: no cover - a source tree without metadata
            v = "0"
        typer.echo(f"minutes {v}")
        raise typer.Exit()


@app.callback()
def _root(version: bool = typer.Option(False, "--version", "-V", callback=_version, is_eager=True,
                                       help="显示版本后退出")) -> None:
    """会议纪要助手：把原始会议记录整理成跨部门协作沟通记录表，并检查模糊表述。"""

# Order here is the order in `minutes --help`.
COMMAND_MODULES = ("record", "flow", "when", "lint", "actions", "track", "batch", "serve", "eval", "train", "rules_cmd")

for _name in COMMAND_MODULES:
    try:
        _mod = importlib.import_module(f"minutes.cli.{_name}")
    except ModuleNotFoundError as exc:  # a command still being written
        if exc.name != f"minutes.cli.{_name}":
            raise
        continue
    _mod.register(app)


def _plain_metavars(cmd) -> None:
    """Click-style placeholders (FILE..., DATE, md|json) instead of typer's
    <list[str]> and <str>, for a command and all its subcommands."""
    for param in cmd.params:  # duck-typed: typer vendors its own click
        if param.param_type_name == "argument":
            name = param.name.upper()
            if param.nargs != 1 and name.endswith("S"):
                name = name[:-1]
            shown = name + ("..." if param.nargs != 1 else "")
            param.metavar = shown
            param.display_type_rich = lambda ctx: None
            param._rich_display_name = lambda shown=shown: shown
            param._usage_display_name = lambda shown=shown, req=param.required: shown if req else f"[{shown}]"
        elif param.param_type_name == "option" and not param.is_flag and not param.count and param.metavar is None:
            desc = getattr(param, "type_descriptor", None)
            if desc is not None and desc.is_choice and desc.choices:
                param.metavar = "|".join(str(getattr(c, "value", c)) for c in desc.choices)
            else:
                longest = max(param.opts, key=len).lstrip("-")
                param.metavar = {"output": "FILE", "db": "FILE", "config": "FILE", "baseline": "FILE",
                                 "baseline-write": "FILE", "speakers": "FILE"}.get(longest, longest.upper().replace("-", "_"))
    for sub in getattr(cmd, "commands", {}).values():
        _plain_metavars(sub)


def command():
    """The click command of `app`, with plain placeholders."""
    cmd = typer.main.get_command(app)
    _plain_metavars(cmd)
    return cmd


def main() -> None:
    command()(prog_name="minutes")


if __name__ == "__main__":  # python -m minutes.cli.app
    main()
