"""Out-of-fold model scores of the actions the rules take, by producer: what
a veto of the learned layer beside the rules would drop, right and wrong.

For each of K folds grouped by source (as `minutes eval --by-source K`), the
model is fitted on the other folds and scores the unit of every action the
rules take in the held fold; each action is marked right or wrong against
the gold. The table gives, per producer and bound, how many right and wrong
actions score below it; the last lines, the pooled action F1 of the rules
with the shipped veto's producers (those a weak sign gave) cut at each bound.
learn/train.py's OVERRULE was read from this table (docs/eval-log.md).

usage: python tools/overrule.py [--folds K] [--json OUT]
Nothing here touches the locked test: only train and validation documents.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BOUNDS = (0.05, 0.1, 0.15, 0.2, 0.3, 0.4)


def scored(k: int) -> list[dict]:
    sys.path.insert(0, str(ROOT.parent / "shared" / "tools"))
    import score as gold_score  # the scorer's own matching: right means what score.py counts

    from minutes.ingest import read_path
    from minutes.learn import train
    from minutes.learn.features import unit_features
    from minutes.learn.model import Model
    from minutes.extract.actions import extract_actions
    from minutes.pipeline import _field_line, prepare
    from minutes.units import units

    docs = [d for d in train.read_corpus(ROOT / "corpora" / "real") if d.split in ("train", "validation")]
    folds = train.folds_by_source(docs, k, 13)  # the seed `minutes eval --by-source` folds with
    rows = {d.id: train.unit_rows(d) for d in docs}
    out: list[dict] = []
    for i, held in enumerate(folds):
        rest = [d for j, f in enumerate(folds) if j != i for d in f]
        weights, bias = train._weights(rest, 13, train.C, rows)
        model = Model(train.NAME, weights, bias, {}, {})
        for d in held:
            ctx = prepare(read_path(d.path), train._given_date(d.gold))
            actions = [a for a in extract_actions(ctx) if not _field_line(a.source.text)]  # as the record keeps them
            text = gold_score.read_text(d.path)
            gold, seen = [], {}
            for it in d.gold.get("actions", []):
                sp = gold_score.span_of_gold(text, it["evidence"], seen.get(it["evidence"], 0))
                if sp:
                    seen[it["evidence"]] = sp[1]
                gold.append(sp)
            pred = [gold_score.span_of_pred(text, json.loads(a.model_dump_json())) for a in actions]
            right = {b for _, b in gold_score.match(gold, pred)}
            us = list(units(ctx))
            for j, a in enumerate(actions):
                s = ctx.spans[a.id][0] if a.id in ctx.spans else None
                u = next((u for u in us if s is not None and u.start <= s < u.end), None)
                out.append({"fold": i, "doc": d.id, "rule": a.by.rule if a.by else None,
                            "weak": a.id in ctx.weak, "right": j in right,
                            "score": None if u is None else model.scores(unit_features(ctx, u))["action"]})
        print(f"fold {i + 1}/{k}", file=sys.stderr)
    return out


def report(items: list[dict], gold: int) -> None:
    def f1(tp: int, pred: int) -> float:
        return 2 * tp / (pred + gold) if pred + gold else 0.0

    tp, pred = sum(o["right"] for o in items), len(items)
    print(f"rules: {tp} right of {pred}, gold {gold}, action F1 {f1(tp, pred):.4f}")
    by: dict[str, list[dict]] = defaultdict(list)
    for o in items:
        by[f"{o['rule']}{' (weak)' if o['weak'] else ''}"].append(o)
    print(f"{'producer':40s} right/all  " + "  ".join(f"<{b}: -right/-wrong" for b in BOUNDS))
    for r, its in sorted(by.items(), key=lambda x: -len(x[1])):
        cells = []
        for b in BOUNDS:
            low = [o for o in its if o["score"] is not None and o["score"] < b]
            cells.append(f"-{sum(o['right'] for o in low)}/-{sum(not o['right'] for o in low)}")
        print(f"{r:40s} {sum(o['right'] for o in its):5d}/{len(its):<5d} " + "  ".join(f"{c:>18s}" for c in cells))
    for b in BOUNDS:
        keep = [o for o in items if not (o["weak"] and o["score"] is not None and o["score"] < b)]
        print(f"weak signs cut below {b}: action F1 {f1(sum(o['right'] for o in keep), len(keep)):.4f}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--json", help="also write the scored actions here")
    a = ap.parse_args()
    items = scored(a.folds)
    if a.json:
        Path(a.json).write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
    from minutes.learn.train import read_corpus

    gold = sum(len(d.gold.get("actions", [])) for d in read_corpus(ROOT / "corpora" / "real")
               if d.split in ("train", "validation"))
    report(items, gold)


if __name__ == "__main__":
    main()
