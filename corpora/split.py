#!/usr/bin/env python3
"""Assemble annotated collections into the corpus, split by source.

usage: split.py OUT_DIR LOCKED_DIR COLLECTION... [--by-hash 30,15 | --locked-docs N] [--validation 0.15]
                [--seed 13] [--train-only COLLECTION]

A collection is a folder with docs/, gold/ and SOURCES.md (a Markdown table
whose rows start `| file | repository | path | commit | licence | style |`).
With --by-hash L,V each repository's split follows from a hash of its name
alone (L % locked, V % validation, the rest train), so adding collections
later never moves a repository between splits. Otherwise sources are
shuffled with a fixed seed and dealt to the locked test until it holds at
least N documents, then to validation, then to train. Either way no
repository lands in two splits. Locked documents are copied to
LOCKED_DIR and never printed: the script reports only counts, so nobody
reads a locked sentence while assembling. OUT_DIR gets the train and
validation documents, gold/, split.tsv (file, source, split) and SOURCES.md;
LOCKED_DIR gets its own gold/, split.tsv and SOURCES.md.
"""
from __future__ import annotations

import argparse
import random
import shutil
from pathlib import Path


def rows(collection: Path) -> list[dict]:
    out = []
    for line in (collection / "SOURCES.md").read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) < 6 or cells[0] in ("file", "---") or set(cells[0]) <= {"-", ":"}:
            continue
        doc = collection / "docs" / cells[0]
        gold = collection / "gold" / (Path(cells[0]).stem + ".json")
        if doc.is_file() and gold.is_file():
            out.append({"file": cells[0], "repo": cells[1], "line": line.strip(), "doc": doc, "gold": gold,
                        "from": collection.name})
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("locked")
    ap.add_argument("collections", nargs="+")
    ap.add_argument("--locked-docs", type=int, default=55)
    ap.add_argument("--validation", type=float, default=0.15)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--by-hash", default="", help="L,V: percent of repositories locked and in validation")
    ap.add_argument("--train-only", action="append", default=[], help="collections kept in train (e.g. real-dev copies)")
    a = ap.parse_args()
    docs = [r for c in a.collections for r in rows(Path(c))]
    fixed = {Path(c).name for c in a.train_only}
    by_repo: dict[str, list[dict]] = {}
    for r in docs:
        by_repo.setdefault(r["repo"], []).append(r)
    pinned = sorted({r["repo"] for r in docs if r["from"] in fixed})
    free = sorted(set(by_repo) - set(pinned))
    random.Random(a.seed).shuffle(free)
    split: dict[str, str] = {repo: "train" for repo in pinned}
    n_locked = 0
    n_val_target = int(a.validation * len(docs))
    n_val = 0
    if a.by_hash:
        import hashlib

        lp, vp = (int(x) for x in a.by_hash.split(","))
        for repo in free:
            h = int(hashlib.sha256(f"{a.seed}|{repo}".encode()).hexdigest(), 16) % 100
            split[repo] = "locked" if h < lp else "validation" if h < lp + vp else "train"
        free = []
    for repo in free:
        n = len(by_repo[repo])
        if n_locked < a.locked_docs:
            split[repo], n_locked = "locked", n_locked + n
        elif n_val < n_val_target:
            split[repo], n_val = "validation", n_val + n
        else:
            split[repo] = "train"
    out, locked = Path(a.out), Path(a.locked)
    for d in (out / "gold", locked / "gold"):
        d.mkdir(parents=True, exist_ok=True)
    tables = {"open": [], "locked": []}
    for r in sorted(docs, key=lambda r: r["file"]):
        s = split[r["repo"]]
        dest = locked if s == "locked" else out
        shutil.copyfile(r["doc"], dest / r["file"])
        shutil.copyfile(r["gold"], dest / "gold" / r["gold"].name)
        tables["locked" if s == "locked" else "open"].append((r["file"], r["repo"], s, r["line"]))
    head = "| file | repository | path | commit | licence | style | notes |\n|---|---|---|---|---|---|---|\n"
    for key, dest in (("open", out), ("locked", locked)):
        t = tables[key]
        (dest / "split.tsv").write_text("file\tsource\tsplit\n" + "".join(f"{f}\t{r}\t{s}\n" for f, r, s, _ in t),
                                        encoding="utf-8")
        (dest / "SOURCES.md").write_text(
            "# Sources\n\nOne line per document: repository, path and commit as reported by the stored "
            "public-repository index, licence as the repository states it, style. Split by repository: "
            "see split.tsv.\n\n" + head + "".join(line + "\n" for *_, line in t), encoding="utf-8")
    count = {s: sum(1 for r in docs if split[r["repo"]] == s) for s in ("train", "validation", "locked")}
    repos = {s: sum(1 for v in split.values() if v == s) for s in ("train", "validation", "locked")}
    print(f"{len(docs)} documents from {len(by_repo)} sources: " +
          ", ".join(f"{s} {count[s]} docs / {repos[s]} sources" for s in count))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
