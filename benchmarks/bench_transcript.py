"""A two-hour meeting's transcript (30,000+ characters) beside segmenting it.

Builds a long transcript by repeating the layouts of corpora/transcripts/
with fresh speaker turns, then prints the time to record it and the time of
one plain `jieba.lcut` over the same text, in the same process, as a ratio
(the least CPU time of each over interleaved rounds: see _timing.py).

usage: python benchmarks/bench_transcript.py [--chars 32000] [--repeat 7]
"""
from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _timing import interleaved_best  # noqa: E402


def build(chars: int) -> str:
    base = (ROOT / "corpora" / "transcripts" / "feishu-export.txt").read_text(encoding="utf-8")
    head, _, turns = base.partition("\n\n")
    out, n = [head, ""], 0
    while sum(len(x) for x in out) < chars:
        n += 1
        out.append(turns.replace("00:0", f"{n:02d}:0").replace("5月20日", f"5月{n % 28 + 1}日"))
    return "\n".join(out)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--chars", type=int, default=32000)
    ap.add_argument("--repeat", type=int, default=7)
    a = ap.parse_args()
    text = build(a.chars)

    import jieba

    from minutes.ingest import decode
    from minutes.pipeline import record

    jieba.setLogLevel(60)
    jieba.lcut("预热")
    doc = decode(text.encode("utf-8"), path="long.txt")
    record(doc, date(2024, 5, 6))  # warm: rules, dictionaries
    rec = record(doc, date(2024, 5, 6))
    t_rec, t_rules, t_seg = interleaved_best([
        lambda: record(doc, date(2024, 5, 6)),
        lambda: record(doc, date(2024, 5, 6), layer="rules"),
        lambda: jieba.lcut(text),
    ], a.repeat)
    print(f"transcript: {len(text)} characters, {text.count(chr(10))} lines, "
          f"{len(rec.actions)} actions, {len(rec.consensus)} consensus")
    print(f"{'':<30}{'CPU s':>9}{'ratio':>8}")
    print(f"{'jieba.lcut once':<30}{t_seg:>9.3f}{1.0:>8.2f}")
    print(f"{'minutes record (transcript)':<30}{t_rec:>9.3f}{t_rec / t_seg:>8.2f}")
    print(f"{'  --layer rules':<30}{t_rules:>9.3f}{t_rules / t_seg:>8.2f}")


if __name__ == "__main__":
    main()
