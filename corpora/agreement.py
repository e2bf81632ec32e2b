#!/usr/bin/env python3
"""Agreement between two independent annotations of the same documents.

usage: agreement.py GOLD_A GOLD_B DOCS_DIR...   (documents looked up by stem in the DOCS_DIRs)

Items are matched exactly as the scorer matches a prediction to gold (one to
one, by overlap of at least half the shorter evidence span), so the figures
are the F1 an extractor could reach if it agreed with one annotator as well
as the other does: the ceiling it is judged against. F1 is symmetric in A
and B; owner and deadline agreement are over matched actions where A has a
value.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from minutes.evaluate import Score, _gold_span, score_doc, vague_spans


class _Pred:
    """Annotation B in the shape score_doc reads from a record."""

    def __init__(self, gold: dict, text: str) -> None:
        self.data = {"vague": []}
        for kind in ("actions", "consensus", "disagreements"):
            items, seen = [], {}
            for g in gold.get(kind, []):
                sp = _gold_span(text, g["evidence"], seen.get(g["evidence"], 0))
                if sp is None:
                    continue
                seen[g["evidence"]] = sp[1]
                item = {"source": {"start": sp[0], "end": sp[1]}}
                if kind == "actions":
                    item.update(owner=g.get("owner"), due=g.get("due"))
                items.append(item)
            self.data[kind] = items
        self.data["vague"] = [{"source": {"start": a, "end": z}} for a, z in vague_spans(gold, text)]

    def model_dump(self, mode: str = "json") -> dict:
        return self.data


def main(argv: list[str]) -> int:
    if len(argv) < 3:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    a_dir, b_dir, *doc_dirs = (Path(x) for x in argv)
    docs = {p.stem: p for d in doc_dirs for p in d.iterdir() if p.suffix in (".md", ".txt")}
    score, n = Score(), 0
    for b_path in sorted(b_dir.glob("*.json")):
        a_path = a_dir / b_path.name
        if not a_path.is_file() or b_path.stem not in docs:
            continue
        text = docs[b_path.stem].read_bytes().decode("utf-8")
        a = json.loads(a_path.read_text(encoding="utf-8"))
        b = json.loads(b_path.read_text(encoding="utf-8"))
        score_doc(a, text, _Pred(b, text), score)  # type: ignore[arg-type]
        n += 1
    s = score.summary()
    print(json.dumps({"docs": n, **s}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
