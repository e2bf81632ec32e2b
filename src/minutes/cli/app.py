"""The `minutes` command line: a thin typer layer over the pure core.

Each command lives in its own module with a `register(app)` function. Command
modules import nothing heavy at module level (jieba, spaCy, docx …): those are
imported inside the command body, so `minutes --help` stays instant.
"""
from __future__ import annotations

import importlib

import typer

app = typer.Typer(
    name="minutes",
    help="会议纪要助手：把原始会议记录整理成跨部门协作沟通记录表，并检查模糊表述。",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

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


def main() -> None:
    app()


if __name__ == "__main__":  # python -m minutes.cli.app
    main()
