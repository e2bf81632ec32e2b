"""`minutes eval GOLD_DIR DOCS_DIR`: precision/recall against gold files."""
from __future__ import annotations

from typing import Annotated

import typer


def register(app: typer.Typer) -> None:
    app.command("eval")(evaluate)


def evaluate(
    gold_dir: Annotated[str, typer.Argument(help="金标准目录（每篇一个 JSON）")],
    docs_dir: Annotated[str, typer.Argument(help="文档目录")],
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="列出每个漏报与误报")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="输出 JSON")] = False,
    layer: Annotated[str, typer.Option("--layer", help="rules：只用规则；model：只用分类器；both：规则加分类器")] = "both",
    model: Annotated[str, typer.Option("--model", help="另一个模型文件（默认用包内模型）")] = "",
    by_source: Annotated[int, typer.Option("--by-source", metavar="K",
                                           help="按来源分组做 K 折交叉验证（需 DOCS_DIR/split.tsv）")] = 0,
) -> None:
    """按金标准计算各类条目的准确率、召回率、F1 以及负责人/截止时间准确率。

    Example: minutes eval corpora/real/gold corpora/real
    """
    import json
    from pathlib import Path

    from ..errors import MinutesError
    from ..evaluate import evaluate as run
    from .common import error

    if layer not in ("rules", "model", "both"):
        raise typer.BadParameter("one of rules, model, both", param_hint="--layer")
    try:
        if by_source:
            from ..learn.crossval import crossval, table

            rows = crossval(Path(docs_dir), Path(gold_dir), by_source)
            typer.echo(json.dumps(rows, ensure_ascii=False) if as_json else table(rows))
            return
        score = run(Path(gold_dir), Path(docs_dir), verbose=verbose, layer=layer, model=model or None)
    except MinutesError as exc:
        error(str(exc))
        raise typer.Exit(2) from None
    summary = score.summary()
    if verbose:
        for line in score.misses:
            typer.echo(line)
    if as_json:
        typer.echo(json.dumps(summary, ensure_ascii=False))
        return
    typer.echo(f"{'kind':<14}{'P':>7}{'R':>7}{'F1':>7}{'gold':>6}{'pred':>6}{'tp':>5}")
    for k in ("actions", "consensus", "disagreements", "vague"):
        v = summary[k]
        typer.echo(f"{k:<14}{v['P']:>7.3f}{v['R']:>7.3f}{v['F1']:>7.3f}{v['gold']:>6}{v['pred']:>6}{v['tp']:>5}")
    typer.echo(f"owner_acc_named {summary['owner_acc_named']:.3f}  due_acc_dated {summary['due_acc_dated']:.3f}  "
               f"owner_invented {summary['owner_invented']}  due_invented {summary['due_invented']}")
