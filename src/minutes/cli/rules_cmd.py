"""`minutes rules list|test`: show the rule packs and run their examples."""
from __future__ import annotations

from typing import Annotated, Optional

import typer

rules_app = typer.Typer(help="查看规则，运行每条规则自带的正反例。", no_args_is_help=True)


def register(app: typer.Typer) -> None:
    app.add_typer(rules_app, name="rules")


@rules_app.command("list")
def list_rules(
    family: Annotated[Optional[str], typer.Argument(help="只列出某一类（vague、actions …）")] = None,
    rules_dir: Annotated[Optional[list[str]], typer.Option("--rules", help="追加的规则目录")] = None,
) -> None:
    """列出规则：id、级别、说明。

    Example: minutes rules list vague
    """
    from ..rules import load

    rs = load(tuple(rules_dir or ()))
    for fam, items in sorted(rs.families.items()):
        if family and fam != family:
            continue
        for r in items:
            typer.echo(f"{r.id:<34} {r.severity:<8} {r.message}")


@rules_app.command("test")
def test_rules(
    rules_dir: Annotated[Optional[list[str]], typer.Option("--rules", help="追加的规则目录")] = None,
) -> None:
    """运行每条规则的 examples.match / examples.no_match；有失败时退出码为 1。

    Example: minutes rules test --rules ./my-rules
    """
    from ..errors import MinutesError
    from ..rules import check_examples, load

    try:
        rs = load(tuple(rules_dir or ()))
    except MinutesError as exc:
        typer.echo(f"minutes: error: {exc}", err=True)
        raise typer.Exit(2) from None
    failures = [f for r in rs.rules.values() for f in check_examples(r)]
    n = sum(len(r.match_examples) + len(r.no_match_examples) for r in rs.rules.values())
    for f in failures:
        typer.echo(f"FAIL {f}")
    typer.echo(f"{n - len(failures)} passed, {len(failures)} failed")
    if failures:
        raise typer.Exit(1)
