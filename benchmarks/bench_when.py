"""Deadline resolution: minutes vs JioNLP's parse_time vs dateparser.

Runs all three on the same case table (corpora/cases/deadlines.tsv) in one
process and prints accuracy and cases/s for each, and the ratio of our speed
to JioNLP's. JioNLP and dateparser are optional benchmark dependencies
(`pip install jionlp dateparser`); a missing one is reported, not fatal.

Accuracy counts a case right when the date matches, or when the expected
answer is "no date" and the tool gives none.

usage: python benchmarks/bench_when.py [--repeat N]
"""
from __future__ import annotations

import argparse
import time
from datetime import date, datetime
from pathlib import Path

TABLE = Path(__file__).resolve().parent.parent / "corpora" / "cases" / "deadlines.tsv"


def load() -> list[tuple[str, date, str]]:
    out = []
    for line in TABLE.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            text, ref, expected, _ = line.split("\t")
            out.append((text, date.fromisoformat(ref), expected))
    return out


def ours(text: str, ref: date) -> str:
    from minutes.resolve.dates import find_deadline

    d = find_deadline(text, ref)
    return d.date.isoformat() if d is not None and d.date is not None else "-"


def jio(text: str, ref: date) -> str:
    import jionlp

    try:
        r = jionlp.parse_time(text, time_base=time.mktime(datetime.combine(ref, datetime.min.time()).timetuple()))
    except Exception:  # noqa: BLE001 - JioNLP raises on text it cannot read
        return "-"
    t = r.get("time") if isinstance(r, dict) else None
    if not t:
        return "-"
    # a span [start, end]: a deadline is its end; a point is its day
    end = t[-1] if isinstance(t, list) else t
    if not isinstance(end, str) or end.startswith("inf"):
        return "-"
    return end[:10]


def dp(text: str, ref: date) -> str:
    import dateparser

    d = dateparser.parse(text, languages=["zh"], settings={"RELATIVE_BASE": datetime.combine(ref, datetime.min.time()),
                                                           "PREFER_DATES_FROM": "future"})
    return d.date().isoformat() if d else "-"


def run(name: str, fn, cases, repeat: int) -> tuple[str, float | None, float | None]:
    try:
        fn(cases[0][0], cases[0][1])  # import and warm up
    except ImportError:
        return name, None, None
    right = sum(fn(t, r) == exp for t, r, exp in cases)
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        for t, r, _exp in cases:
            fn(t, r)
        best = min(best, time.perf_counter() - t0)
    return name, right / len(cases), len(cases) / best


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3)
    a = ap.parse_args()
    cases = load()
    rows = [run("minutes", ours, cases, a.repeat), run("jionlp.parse_time", jio, cases, 1),
            run("dateparser", dp, cases, 1)]
    print(f"{len(cases)} cases from {TABLE.name}")
    print(f"{'resolver':<20}{'accuracy':>10}{'cases/s':>12}{'speed vs jionlp':>17}")
    jio_speed = rows[1][2]
    for name, acc, speed in rows:
        if acc is None:
            print(f"{name:<20}{'not installed':>10}")
            continue
        ratio = f"{speed / jio_speed:.1f}x" if jio_speed else "-"
        print(f"{name:<20}{acc:>10.3f}{speed:>12.0f}{ratio:>17}")


if __name__ == "__main__":
    main()
