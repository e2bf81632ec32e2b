"""K-fold cross-validation grouped by source: no repository in two folds.

For each fold, the model is fitted on the other folds (its thresholds chosen
by a cross-validation inside them, as `minutes train` chooses them) and the
held-out fold is scored three ways: rules only, model
only, both. The pooled line adds up the folds' counts.
"""
from __future__ import annotations

from pathlib import Path

from ..evaluate import Score
from .train import evaluate_docs, fit_by_source, folds_by_source, read_corpus

LAYERS = ("rules", "model", "both")
KINDS = ("actions", "consensus", "disagreements", "vague")


def crossval(docs_dir: Path, gold_dir: Path, k: int, seed: int = 13) -> list[dict]:
    docs = [d for d in read_corpus(docs_dir, gold_dir) if d.split in ("train", "validation")]
    folds = folds_by_source(docs, k, seed)
    pooled = {layer: Score() for layer in LAYERS}
    rows = []
    for i, test in enumerate(folds):
        if not test:
            continue
        # as `minutes train` does: weights on the other folds, thresholds by a
        # cross-validation inside them (nested: the held fold chooses nothing)
        model = fit_by_source([d for j, f in enumerate(folds) if j != i for d in f], k, seed)
        for layer in LAYERS:
            s = evaluate_docs(test, layer, model)
            pooled[layer].add(s)
            rows.append(_row(f"fold {i + 1}", layer, len(test), len({d.source for d in test}), s))
    for layer in LAYERS:
        rows.append(_row("pooled", layer, len(docs), len({d.source for d in docs}), pooled[layer]))
    return rows


def _row(fold: str, layer: str, docs: int, sources: int, s: Score) -> dict:
    summ = s.summary()
    return {"fold": fold, "layer": layer, "docs": docs, "sources": sources,
            **{k: summ[k]["F1"] for k in KINDS},
            "owner_acc_named": summ["owner_acc_named"], "due_acc_dated": summ["due_acc_dated"],
            "owner_invented": summ["owner_invented"], "due_invented": summ["due_invented"]}


def table(rows: list[dict]) -> str:
    head = "| fold | layer | docs | sources | action F1 | consensus F1 | disagreement F1 | vague F1 | owner acc | due acc | invented owner/date |"
    out = [head, "|" + "---|" * 11]
    for r in rows:
        out.append(f"| {r['fold']} | {r['layer']} | {r['docs']} | {r['sources']} | {r['actions']:.3f} | "
                   f"{r['consensus']:.3f} | {r['disagreements']:.3f} | {r['vague']:.3f} | "
                   f"{r['owner_acc_named']:.3f} | {r['due_acc_dated']:.3f} | {r['owner_invented']}/{r['due_invented']} |")
    return "\n".join(out)
