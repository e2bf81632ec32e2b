"""Lint speed: a cold `minutes lint FILE` beside the cold start of
`python -c "import jieba; jieba.lcut('测试')"`, and a warm lint of the whole
dev corpus in-process. Ratios to the jieba reference measured in the same run.

usage: python benchmarks/bench_lint.py [DOCS_DIR] [--repeat N]
"""
from __future__ import annotations

import argparse
import sys
import time
from datetime import date
from pathlib import Path

from _timing import median_wall

DEFAULT_DOCS = Path(__file__).resolve().parent.parent / "corpora" / "real"  # or pass a folder




def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("docs", nargs="?", default=str(DEFAULT_DOCS))
    ap.add_argument("--repeat", type=int, default=7)
    a = ap.parse_args()
    paths = sorted(p for p in Path(a.docs).iterdir() if p.suffix in (".md", ".txt") and p.stem not in ("SOURCES", "README"))
    ref = median_wall([sys.executable, "-c", "import jieba; jieba.lcut('测试')"], a.repeat)
    lint1 = median_wall([sys.executable, "-m", "minutes.cli.app", "lint", str(paths[0]), "--as-of", "2024-05-20"], a.repeat)

    from minutes.ingest import read_path
    from minutes.lint import lint_doc
    from minutes.lint.config import Config

    docs = [read_path(p) for p in paths]
    lint_doc(docs[0], Config(), date(2024, 5, 20))  # warm
    t = time.perf_counter()
    n = sum(len(lint_doc(d, Config(), date(2024, 5, 20)).findings) for d in docs)
    warm = time.perf_counter() - t
    print(f"{'':<40}{'seconds':>9}{'ratio':>8}")
    print(f"{'cold: python -c import jieba; lcut':<40}{ref:>9.3f}{1.0:>8.2f}")
    print(f"{'cold: minutes lint ONE_FILE':<40}{lint1:>9.3f}{lint1 / ref:>8.2f}")
    print(f"{'warm: lint %d documents (%d findings)' % (len(docs), n):<40}{warm:>9.3f}{warm / ref:>8.2f}")


if __name__ == "__main__":
    main()
