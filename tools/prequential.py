"""Score each corpus collection with the tool as it stood just before the
collection joined, at each threshold of the learned layer beside the rules.

Cross-validation over corpora/real flatters the rules: they were written
looking at those documents, so thresholds chosen there favour them. A
collection scored by the commit before it joined was new to both the rules
and the model, as the locked test and a user's minutes are. Pooled over the
collections of corpora/real/prequential.tsv (collection, file glob, commit
before it joined), these runs chose the thresholds `minutes train` ships
beside the rules (learn/train.py, BESIDE_RULES; docs/eval-log.md).

usage: python tools/prequential.py [--only NAME] [--keep]
Each commit is checked out in a git worktree under a temporary folder (its
rule packs linked in as the package's data); the documents and gold are this
checkout's. Nothing here touches the locked test.
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TABLE = ROOT / "corpora" / "real" / "prequential.tsv"
GRID = (0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1.1)
KINDS = ("actions", "consensus", "disagreements")

# run inside the worktree's package: one record per document and threshold
_CHILD = r"""
import json, sys
from pathlib import Path
from minutes.learn.model import LABELS, Model, load
from minutes.learn.train import evaluate_docs, read_corpus
m = load()
docs = read_corpus(Path(sys.argv[1]))
out = {}
for t in json.loads(sys.argv[2]):
    th = {k: t for k in LABELS}
    s = evaluate_docs(docs, "both", Model(m.name, m.weights_by_label(), m.bias, th, th)).summary()
    out[t] = {k: [s[k]["tp"], s[k]["pred"], s[k]["gold"]] for k in ("actions", "consensus", "disagreements")}
    out[t]["owner"] = s["owner_acc_named"]
print(json.dumps(out))
"""


def _f1(tp: int, pred: int, gold: int) -> float:
    p, r = (tp / pred if pred else 0.0), (tp / gold if gold else 0.0)
    return 2 * p * r / (p + r) if p + r else 0.0


def collections() -> list[dict[str, str]]:
    """The rows of prequential.tsv: collection, files (a glob), commit."""
    with TABLE.open(encoding="utf-8") as f:
        return list(csv.DictReader((ln for ln in f if not ln.startswith("#")), delimiter="\t"))


def run_child(row: dict[str, str], tmp: Path, child: str, *args: str) -> tuple[object, Path]:
    """Run `child` (Python source) in a worktree of the row's commit, its
    package importable, over a folder of the collection's documents and
    gold (passed as the child's first argument, then `args`); the JSON of
    its last line of output, and that folder."""
    name = row["collection"]
    wt = tmp / f"wt-{name}"
    subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "-q", "--detach", str(wt), row["commit"]], check=True)
    (wt / "src" / "minutes" / "rules_data").symlink_to(wt / "rules")
    docs = tmp / f"docs-{name}"
    (docs / "gold").mkdir(parents=True)
    real = ROOT / "corpora" / "real"
    for f in sorted(real.glob(row["files"])):
        (docs / f.name).symlink_to(f)
        (docs / "gold" / f"{f.stem}.json").symlink_to(real / "gold" / f"{f.stem}.json")
    env = dict(os.environ, PYTHONPATH=str(wt / "src"))
    res = subprocess.run([sys.executable, "-c", child, str(docs), *args], env=env, cwd=tmp,
                         check=True, capture_output=True, text=True)
    return json.loads(res.stdout.strip().splitlines()[-1]), docs


def remove_worktrees(tmp: Path) -> None:
    for wt in tmp.glob("wt-*"):
        subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(wt)], check=False)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--only")
    ap.add_argument("--keep", action="store_true", help="leave the worktrees in place")
    a = ap.parse_args()
    rows = collections()
    if a.only:
        rows = [r for r in rows if r["collection"] == a.only]
    pooled = {str(t): {k: [0, 0, 0] for k in KINDS} for t in GRID}
    tmp = Path(tempfile.mkdtemp(prefix="prequential-"))
    try:
        for r in rows:
            got, _ = run_child(r, tmp, _CHILD, json.dumps(GRID))
            line = "  ".join(f"{t}: {_f1(*got[t]['actions']):.3f}" for t in got)
            print(f"{r['collection']:8s} action F1 by threshold  {line}", flush=True)
            for t, v in got.items():
                for k in KINDS:
                    pooled[t][k] = [x + y for x, y in zip(pooled[t][k], v[k])]
    finally:
        if not a.keep:
            remove_worktrees(tmp)
    print(f"\npooled over {len(rows)} collections (tp/pred/gold)")
    print("| threshold | " + " | ".join(f"{k} F1" for k in KINDS) + " |\n|---|---|---|---|")
    for t, v in pooled.items():
        print(f"| {t} | " + " | ".join(f"{_f1(*v[k]):.3f} ({v[k][0]}/{v[k][1]}/{v[k][2]})" for k in KINDS) + " |")


if __name__ == "__main__":
    main()
