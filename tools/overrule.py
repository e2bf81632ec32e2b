"""Out-of-fold model scores of the actions the rules take, by producer: what
a veto of the learned layer beside the rules would drop, right and wrong.

For each of K folds grouped by source (as `minutes eval --by-source K`), the
model is fitted on the other folds and scores the unit of every action the
rules take in the held fold; each action is marked right or wrong against
the gold. The table gives, per producer and bound, how many right and wrong
actions score below it; the last lines, the pooled action F1 of the rules
with the shipped veto's producers (those a weak sign gave) cut at each bound.
learn/train.py's OVERRULE was read from this table (docs/eval-log.md).

With --prequential, each collection of corpora/real/prequential.tsv is
scored instead by the tool and the model as they stood before it joined
(tools/prequential.py): new to both, as the locked test and a user's minutes
are, where the folds' rules flatter themselves (they were written from those
documents). Producers only there: the weak mark is newer than those commits.

usage: python tools/overrule.py [--folds K] [--json OUT] [--prequential]
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
# the producers whose actions this checkout marks weak (ctx.weak): older
# commits mark none, so the prequential runs read them by producer
WEAK_NOW = {"action.imperative", "owner.assignment"}


def doc_rows(ctx, actions: list, doc, score_of) -> list[dict]:
    """One row per rule action of a document: its producer, whether this
    checkout marks it weak, whether the gold holds it (the scorer's own
    matching: right means what score.py counts), and `score_of` the unit
    holding its start. Run by this checkout and, in the prequential runs, by
    an older one (whose package it imports)."""
    sys.path.insert(0, str(ROOT.parent / "shared" / "tools"))
    import score as gold_score

    from minutes.units import units

    text = gold_score.read_text(doc.path)
    gold, seen = [], {}
    for it in doc.gold.get("actions", []):
        sp = gold_score.span_of_gold(text, it["evidence"], seen.get(it["evidence"], 0))
        if sp:
            seen[it["evidence"]] = sp[1]
        gold.append(sp)
    pred = [gold_score.span_of_pred(text, json.loads(a.model_dump_json())) for a in actions]
    right = {b for _, b in gold_score.match(gold, pred)}
    us = list(units(ctx))
    weak = getattr(ctx, "weak", set())  # older checkouts mark none
    out = []
    for j, a in enumerate(actions):
        s = ctx.spans[a.id][0] if a.id in ctx.spans else None
        u = next((u for u in us if s is not None and u.start <= s < u.end), None)
        out.append({"doc": doc.id, "rule": a.by.rule if a.by else None, "weak": a.id in weak,
                    "right": j in right, "score": None if u is None else score_of(u)})
    return out


def scored(k: int) -> list[dict]:
    from minutes.ingest import read_path
    from minutes.learn import train
    from minutes.learn.features import unit_features
    from minutes.learn.model import Model
    from minutes.extract.actions import extract_actions
    from minutes.pipeline import _field_line, prepare

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
            rows_i = doc_rows(ctx, actions, d, lambda u: model.scores(unit_features(ctx, u))["action"])
            out += [{"fold": i, **r} for r in rows_i]
        print(f"fold {i + 1}/{k}", file=sys.stderr)
    return out


# run inside the worktree's package: each rule action of the collection, its
# producer, the then-shipped model's score of its unit, and whether the gold holds it
_CHILD = r"""
import json, sys
from pathlib import Path
sys.path.insert(0, sys.argv[2])
from overrule import doc_rows
from minutes.extract.actions import extract_actions
from minutes.ingest import read_path
from minutes.learn.features import unit_features
from minutes.learn.model import load
from minutes.learn.train import _given_date, read_corpus
from minutes.pipeline import prepare
m = load()
out = []
for d in read_corpus(Path(sys.argv[1])):
    ctx = prepare(read_path(d.path), _given_date(d.gold))
    out += doc_rows(ctx, extract_actions(ctx), d, lambda u: m.scores(unit_features(ctx, u))["action"])
print(json.dumps(out))
"""


def prequential() -> tuple[list[dict], int]:
    """The rule actions of every prequential collection, scored as above by
    the commit before it joined; and their gold action count."""
    import tempfile

    from prequential import collections, remove_worktrees, run_child  # this folder's
    from minutes.learn.train import read_corpus

    tmp = Path(tempfile.mkdtemp(prefix="overrule-"))
    items: list[dict] = []
    gold = 0
    try:
        for r in collections():
            got, docs = run_child(r, tmp, _CHILD, str(ROOT / "tools"))
            for o in got:  # what this checkout marks weak (extract/actions.py), by its producer
                o["weak"] = o["rule"] in WEAK_NOW
            items += got
            gold += sum(len(d.gold.get("actions", [])) for d in read_corpus(docs))
            print(f"{r['collection']}: {len(got)} actions", file=sys.stderr)
    finally:
        remove_worktrees(tmp)
    return items, gold


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
    ap.add_argument("--prequential", action="store_true",
                    help="score each collection with the tool and model before it joined")
    a = ap.parse_args()
    if a.prequential:
        items, gold = prequential()
        if a.json:
            Path(a.json).write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
        report(items, gold)
        return
    items = scored(a.folds)
    if a.json:
        Path(a.json).write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
    from minutes.learn.train import read_corpus

    gold = sum(len(d.gold.get("actions", [])) for d in read_corpus(ROOT / "corpora" / "real")
               if d.split in ("train", "validation"))
    report(items, gold)


if __name__ == "__main__":
    main()
