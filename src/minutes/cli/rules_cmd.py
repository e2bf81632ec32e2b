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
    from ..lint.model import load_pack
    from ..resolve.dates import rules as deadline_rules
    from ..rules import load

    extra = tuple(rules_dir or ())
    families = dict(load(extra).families)
    families["deadlines"] = deadline_rules()
    families["lint"] = sorted(load_pack(extra).rules.values(), key=lambda r: r.id)
    for fam, items in sorted(families.items()):
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
    from ..lint.model import load_pack
    from ..lint.selftest import run_examples
    from ..resolve.dates import rules as deadline_rules
    from ..rules import check_examples, load

    extra = tuple(rules_dir or ())
    try:
        rules = list(load(extra).rules.values()) + list(deadline_rules())
        pack = load_pack(extra)
    except MinutesError as exc:
        typer.echo(f"minutes: error: {exc}", err=True)
        raise typer.Exit(2) from None
    failures = [f for r in rules for f in check_examples(r)]
    total = sum(len(r.match_examples) + len(r.no_match_examples) for r in rules)
    lint_failures, lint_total = run_examples(pack)  # lint examples are documents, linted whole
    failures += lint_failures
    for f in failures:
        typer.echo(f"FAIL {f}")
    typer.echo(f"{total + lint_total - len(failures)} passed, {len(failures)} failed")
    if failures:
        raise typer.Exit(1)
