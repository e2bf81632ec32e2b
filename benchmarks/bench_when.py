"""Deadline resolution: minutes vs JioNLP's parse_time vs dateparser.

Runs all three on the same case tables in one process and prints accuracy
and cases/s for each, and the ratio of each speed to JioNLP's:

- corpora/cases/deadlines.tsv: our own meeting-minutes deadlines;
- corpora/cases/duckling_zh.tsv: the day-level cases of Duckling's ZH time
  corpus (reference 2013-02-12), per family, for the rows in scope and for
  all rows.

JioNLP and dateparser are optional benchmark dependencies (the `bench`
extra); a missing one is reported, not fatal. A case is right when the date
matches, or when the expected answer is "no date" and the tool gives none.

usage: python benchmarks/bench_when.py [--repeat N]
"""
from __future__ import annotations

import argparse
import time
from collections import defaultdict
from datetime import date, datetime
from pathlib import Path

CASES = Path(__file__).resolve().parent.parent / "corpora" / "cases"
OWN, DUCKLING = CASES / "deadlines.tsv", CASES / "duckling_zh.tsv"


def load(path: Path) -> list[tuple[str, date, str, str, str]]:
    """(text, ref, expected, family, scope) rows; our own table has one family per `# ---` section."""
    out, family = [], "-"
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# ---"):
            family = line[5:].strip()
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        fam, scope = (cols[3], cols[4]) if len(cols) >= 5 else (family, "in")
        out.append((cols[0], date.fromisoformat(cols[1]), cols[2], fam, scope))
    return out


# Each resolver is made once (imports and set-up are not timed) and then
# called as fn(text, ref) -> "YYYY-MM-DD" or "-".

def ours():
    from minutes.resolve.dates import find_deadline

    def fn(text: str, ref: date) -> str:
        d = find_deadline(text, ref)
        return d.date.isoformat() if d is not None and d.date is not None else "-"
    return fn


def jio():
    import jionlp

    def fn(text: str, ref: date) -> str:
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
    return fn


def dp():
    import dateparser

    def fn(text: str, ref: date) -> str:
        try:
            d = dateparser.parse(text, languages=["zh"], settings={
                "RELATIVE_BASE": datetime.combine(ref, datetime.min.time()), "PREFER_DATES_FROM": "future"})
        except Exception:  # noqa: BLE001
            return "-"
        return d.date().isoformat() if d else "-"
    return fn


RESOLVERS = (("minutes", ours), ("jionlp.parse_time", jio), ("dateparser", dp))


def run_all(cases, repeat: int) -> list[tuple[list[bool] | None, float | None]]:
    """Accuracy of each resolver, and its best cases/s (process CPU time)
    over `repeat` rounds. The rounds interleave the resolvers, so a busy
    machine slows all of them alike and the ratios hold."""
    live = []
    for _name, make in RESOLVERS:
        try:
            fn = make()
        except ImportError:
            live.append(None)
            continue
        fn(cases[0][0], cases[0][1])  # warm up
        live.append(fn)
    right = [[fn(t, r) == exp for t, r, exp, _f, _s in cases] if fn else None for fn in live]
    best = [float("inf")] * len(live)
    for _ in range(repeat):
        for k, fn in enumerate(live):
            if fn is None:
                continue
            t0 = time.process_time()  # CPU time: a busy machine does not count against anyone
            for t, r, _exp, _f, _s in cases:
                fn(t, r)
            best[k] = min(best[k], time.process_time() - t0)
    return [(rk, len(cases) / bk if rk is not None else None) for rk, bk in zip(right, best)]


def table(title: str, cases, results, jio_speed) -> None:
    print(f"\n{title}: {len(cases)} cases")
    print(f"{'resolver':<20}{'accuracy':>10}{'cases/s':>12}{'vs jionlp':>11}")
    for (name, _fn), (right, speed) in zip(RESOLVERS, results):
        if right is None:
            print(f"{name:<20}{'not installed':>14}")
            continue
        ratio = f"{speed / jio_speed:.1f}x" if jio_speed else "-"
        print(f"{name:<20}{sum(right) / len(right):>10.3f}{speed:>12.0f}{ratio:>11}")


def per_family(cases, results) -> None:
    fams: dict[str, list[int]] = defaultdict(list)
    for i, c in enumerate(cases):
        fams[c[3]].append(i)
    names = [n for (n, _f), (r, _s) in zip(RESOLVERS, results) if r is not None]
    print(f"{'family':<18}{'n':>5}" + "".join(f"{n.split('.')[0]:>12}" for n in names))
    for fam, idx in fams.items():
        accs = [sum(r[i] for i in idx) / len(idx) for (r, _s) in results if r is not None]
        print(f"{fam:<18}{len(idx):>5}" + "".join(f"{a:>12.3f}" for a in accs))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=7)
    a = ap.parse_args()
    for path in (OWN, DUCKLING):
        cases = load(path)
        results = run_all(cases, a.repeat)
        jio_speed = results[1][1]
        table(path.name, cases, results, jio_speed)
        if path == DUCKLING:
            keep = [i for i, c in enumerate(cases) if c[4] == "in"]
            sub = [cases[i] for i in keep]
            subres = [([r[i] for i in keep], s) if r is not None else (None, None) for r, s in results]
            table(f"{path.name}, in scope (foreign religious holidays left out)", sub, subres, jio_speed)
        per_family(cases, results)


if __name__ == "__main__":
    main()
