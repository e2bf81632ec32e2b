"""Benchmark `minutes record` against plain jieba in the same process.

Prints documents/s and MB/s of the whole pipeline over the real-dev corpus
beside the MB/s of plain `jieba.lcut` over the same text, and the cold wall
time of `minutes record FILE` beside `python -c "import jieba; jieba.lcut('测试')"`.
Figures are ratios to the reference measured in the same run, so they
compare across machines; nothing here asserts a time.

usage: python benchmarks/bench_record.py [DOCS_DIR] [--repeat N]
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from _timing import interleaved_best, median_wall

ROOT = Path(__file__).resolve().parent.parent
# the shipped real minutes; pass another folder (e.g. a larger dev set) as DOCS
DEFAULT_DOCS = ROOT / "corpora" / "real"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("docs", nargs="?", default=str(DEFAULT_DOCS))
    ap.add_argument("--repeat", type=int, default=5)
    a = ap.parse_args()
    paths = sorted(p for p in Path(a.docs).iterdir()
                   if p.suffix in (".md", ".txt") and p.stem not in ("SOURCES", "README"))
    if not paths:
        sys.exit(f"no documents in {a.docs}")

    from minutes.ingest import read_path
    from minutes.pipeline import record
    from minutes.segment import tokenizer

    docs = [read_path(p) for p in paths]
    mb = sum(len(d.text.encode("utf-8")) for d in docs) / 1e6
    tok = tokenizer()
    for d in docs[:2]:  # warm both: dictionaries, rules, spaCy pipeline
        record(d)
        tok.lcut(d.text)
    import jieba

    jieba.setLogLevel(60)
    jieba.lcut("预热")

    t_pipe, t_rules, t_jieba = interleaved_best([
        lambda: [record(d) for d in docs],
        lambda: [record(d, layer="rules") for d in docs],
        lambda: [jieba.lcut(d.text) for d in docs],
    ], a.repeat)
    where = Path(a.docs).resolve()
    shown = where.relative_to(ROOT) if where.is_relative_to(ROOT) else where
    print(f"corpus: {len(docs)} documents, {mb:.3f} MB ({shown})")
    print(f"{'':<36}{'docs/s':>10}{'MB/s':>10}{'ratio':>8}")
    print(f"{'plain jieba.lcut':<36}{len(docs) / t_jieba:>10.1f}{mb / t_jieba:>10.3f}{1.0:>8.2f}")
    print(f"{'minutes record (rules + model)':<36}{len(docs) / t_pipe:>10.1f}{mb / t_pipe:>10.3f}{t_jieba / t_pipe:>8.2f}")
    print(f"{'minutes record --layer rules':<36}{len(docs) / t_rules:>10.1f}{mb / t_rules:>10.3f}{t_jieba / t_rules:>8.2f}")

    one = str(paths[0])
    exe = [sys.executable, "-m", "minutes.cli.app"]
    cold_ref = median_wall([sys.executable, "-c", "import jieba; jieba.lcut('测试')"], a.repeat)
    cold_rec = median_wall([*exe, "record", one, "--format", "json"], a.repeat)
    cold_help = median_wall([*exe, "--help"], a.repeat)
    print()
    print(f"{'cold start (median of %d)' % a.repeat:<36}{'seconds':>9}{'ratio':>8}")
    print(f"{'python -c import jieba; lcut':<36}{cold_ref:>9.3f}{1.0:>8.2f}")
    print(f"{'minutes record ONE_FILE':<36}{cold_rec:>9.3f}{cold_rec / cold_ref:>8.2f}")
    print(f"{'minutes --help':<36}{cold_help:>9.3f}{cold_help / cold_ref:>8.2f}")


if __name__ == "__main__":
    main()
