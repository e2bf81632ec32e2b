"""`minutes train`: rebuild the unit classifier from the annotated corpus."""
from __future__ import annotations

from typing import Annotated, Optional

import typer


FOLDS = 5


def register(app: typer.Typer) -> None:
    app.command("train")(train)


def train(
    corpus: Annotated[Optional[list[str]], typer.Argument(
        help="语料目录（可多个）：文档、gold/ 与 split.tsv（文件、来源、train/validation）")] = None,
    out: Annotated[str, typer.Option("--out", "-o", help="模型文件；默认写入包内 model_data/")] = "",
    seed: Annotated[int, typer.Option(help="随机种子：同一语料与种子得到同一模型")] = 13,
) -> None:
    """在语料的 train 与 validation 部分训练句子分类器，按来源分折交叉验证选阈值，写出模型与数据卡。

    Example: minutes train corpora/real corpora/transcripts/real
    """
    from pathlib import Path

    from .common import error
    from ..learn.card import write_card
    from ..learn.model import shipped_path
    from ..learn.train import fit_by_source, read_corpus

    roots = [Path(c) for c in (corpus or ["corpora/real", "corpora/transcripts/real"])]
    docs = []
    for root in roots:
        if not (root / "gold").is_dir():
            error(f"{root}: no gold/ folder of annotations")
            raise typer.Exit(2)
        docs += read_corpus(root)
    # the locked tests never: a document marked anything but train or validation is left out
    tr = [d for d in docs if d.split in ("train", "validation")]
    if not tr:
        error(f"{', '.join(map(str, roots))}: no training documents (split.tsv marks none as train)")
        raise typer.Exit(2)
    typer.echo(f"training on {len(tr)} documents ({len({d.source for d in tr})} sources); "
               f"thresholds by {FOLDS}-fold cross-validation grouped by source over them", err=True)
    model = fit_by_source(tr, FOLDS, seed=seed)
    path = Path(out) if out else Path(__file__).resolve().parents[1] / "model_data" / shipped_path().name
    import json

    path.write_text(json.dumps(model.to_json(), ensure_ascii=False, separators=(",", ":"), sort_keys=True),
                    encoding="utf-8")
    write_card(path.with_name("CARD.md") if not out else path.with_suffix(".card.md"), model, tr, FOLDS, seed)
    typer.echo(f"wrote {path} ({path.stat().st_size // 1024} KB)")
