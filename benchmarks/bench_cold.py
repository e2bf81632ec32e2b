"""Cold start and growth, in one run.

Cold start: each command in a fresh process (median of --repeat runs,
interleaved so that drift of the machine hits all alike), beside bare Python
and jieba's own cold start (`import jieba; jieba.lcut(...)`), as ratios to
jieba. The targets of issue 15: record ≤ 1.0×, lint ≤ 0.5×. Like jieba
(whose dictionary cache is warm here), minutes keeps compiled rule patterns
and the model's table in a start-up cache (src/minutes/startcache.py); the
last row shows a first run without it.

Growth: the in-process pipeline (and lint with --lint) on inputs of 10 KB to
5 MB in the shapes that were slow or quadratic: one line of many sentences
(好。), a long line with no punctuation, many action lines, a transcript,
deep lists, deep quotes and date-like noise. Each step is 5× the previous
size; linear work takes about 5× the time, quadratic 25×. The target: each
step within 12× of the previous.

    python benchmarks/bench_cold.py [--repeat 7] [--max-mb 5] [--lint] [--skip-growth]
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "corpora" / "samples" / "product-sync.md"
BIN = Path(sys.executable).parent


def _user_env() -> dict[str, str]:
    """The environment of a user's shell. A sandbox that sets
    PYTHONDONTWRITEBYTECODE makes every start compile our modules from
    source, while jieba's were compiled by pip at install: unequal terms."""
    return {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def cold(repeat: int) -> None:
    minutes = str(BIN / "minutes")
    env = _user_env()
    py = sys.executable
    cmds = {
        "python -c pass": [py, "-c", "pass"],
        "python -c 'import jieba; lcut'": [py, "-c", "import jieba; jieba.setLogLevel(60); jieba.lcut('今天下午开会讨论推广方案')"],
        "minutes record ONE_FILE": [minutes, "record", str(SAMPLE)],
        "minutes lint ONE_FILE": [minutes, "lint", str(SAMPLE)],
        "minutes --help": [minutes, "--help"],
        # what a first run pays, before the start-up cache exists (shown, not a target)
        "minutes lint ONE_FILE, start-up cache off": ["env", "MINUTES_CACHE_DIR=", minutes, "lint", str(SAMPLE)],
    }
    for argv in cmds.values():  # warm the OS file cache, jieba's dictionary cache and our start-up cache once
        subprocess.run(argv, capture_output=True, check=False, env=env)
    runs: dict[str, list[float]] = {k: [] for k in cmds}
    for _ in range(repeat):
        for name, argv in cmds.items():
            t = time.perf_counter()
            subprocess.run(argv, capture_output=True, check=False, env=env)
            runs[name].append(time.perf_counter() - t)
    med = {k: statistics.median(v) for k, v in runs.items()}
    base = med["python -c 'import jieba; lcut'"]
    target = {"minutes record ONE_FILE": 1.0, "minutes lint ONE_FILE": 0.5}
    print(f"cold start (median of {repeat}; {SAMPLE.relative_to(ROOT)})   seconds   vs jieba  target")
    for name, s in med.items():
        t = target.get(name)
        mark = "" if t is None else f"≤ {t:.1f}  {'ok' if s / base <= t else 'OVER'}"
        print(f"{name:<44}{s:>8.3f}{s / base:>10.2f}  {mark}")


def _fill(unit: str, size: int) -> str:
    n = max(1, size // len(unit.encode("utf-8")))
    return unit * n


SHAPES = {
    "one line of 好。": lambda n: _fill("好。", n),
    "one line, no punctuation": lambda n: _fill("张三负责完成方案并确认细节", n),
    "action lines": lambda n: "# 周会\n\n时间：2024-05-06\n\n" + _fill("- 张三负责在5月15日前完成方案，尽快确认。\n", n),
    "transcript": lambda n: _fill("说话人1 00:01:02\n嗯，那个，我们决定采用方案B，张三下周三前给出报告。\n\n"
                                 "说话人2 00:01:30\n好的，我同意，不过预算还要再议。\n\n", n),
    "deep lists": lambda n: _fill("".join("  " * d + f"- 第{d}层：决定采用方案B，李四月底前提交\n" for d in range(40)), n),
    "deep quotes": lambda n: _fill("".join(">" * d + " 一致同意，王五负责跟进\n" for d in range(1, 40)), n),
    "date-like noise": lambda n: _fill("24月底 0月下旬 9999年12月31日 120天内 2024/5/6 3.1 #21 v2.2.10 Q3 ", n),
}


def growth(max_mb: float, with_lint: bool) -> None:
    from minutes.ingest import Text
    from minutes.pipeline import record, record_text

    record_text(SHAPES["action lines"](2000), date(2024, 5, 6))  # load rules and jieba before timing
    sizes = [s for s in (10_000, 50_000, 250_000, 1_000_000, 5_000_000) if s <= max_mb * 1e6]
    head = "".join(f"{_label(s):>16}" for s in sizes)
    print(f"\ngrowth: seconds (× the previous step, which is 5× smaller; target ≤ 12×)\n{'shape':<26}{head}")
    worst = 0.0
    for name, make in SHAPES.items():
        for what in (["record"] + (["lint"] if with_lint else [])):
            cells, prev = [], None
            for size in sizes:
                text = make(size)
                doc = Text(text, "utf-8", "0" * 64, "bench.md")
                t = time.perf_counter()
                if what == "record":
                    record(doc, date(2024, 5, 6))
                else:
                    from minutes.lint import lint_doc
                    from minutes.lint.config import Config

                    lint_doc(doc, Config(), date(2024, 6, 1), date(2024, 5, 6))
                dt = time.perf_counter() - t
                if prev:
                    r = dt / prev
                    worst = max(worst, r) if prev > 0.05 else worst  # tiny times are noise
                    cells.append(f"{dt:>9.2f} ({r:>4.1f}×)")
                else:
                    cells.append(f"{dt:>9.2f}       ")
                prev = dt
            label = name if what == "record" else "  (lint)"
            print(f"{label:<26}" + "".join(f"{c:>16}" for c in cells), flush=True)
    print(f"worst step (over steps from 0.05 s): {worst:.1f}×  {'ok' if worst <= 12 else 'OVER'}")


def _label(size: int) -> str:
    return f"{size / 1e6:g} MB" if size >= 1e6 else f"{size // 1000} KB"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--repeat", type=int, default=7)
    ap.add_argument("--max-mb", type=float, default=5)
    ap.add_argument("--lint", action="store_true", help="time lint beside record in the growth table")
    ap.add_argument("--skip-growth", action="store_true")
    ap.add_argument("--skip-cold", action="store_true")
    a = ap.parse_args()
    if not a.skip_cold:
        cold(a.repeat)
    if not a.skip_growth:
        growth(a.max_mb, a.lint)


if __name__ == "__main__":
    main()
