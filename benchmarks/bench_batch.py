"""Batch throughput on a generated archive of real minutes.

Builds a corpus of at least 2,000 documents by repeating and shuffling the
real minutes of ../shared/corpora/real-dev and corpora/ (recursively, .md and
.txt), then prints in one run:

- plain `jieba.lcut` MB/s over the same texts, in this process (one core);
- the pipeline in-process (`record` on already-decoded texts, one core);
- `minutes batch` via the runner with --jobs 1 and --jobs 2 (reading,
  decoding, recording, rendering JSON and writing one file per input, plus
  the manifest), MB/s and the ratio to jieba *per core*;
- the speed-up from 1 to 2 jobs;
- peak memory per worker for a quarter of the corpus and the whole of it:
  peak RSS as each worker reports it (resource.getrusage ru_maxrss, which
  counts pages shared copy-on-write with the parent), and the largest USS
  (memory unique to the worker) sampled with psutil while the run goes, when
  psutil is installed.

No assertions: figures. usage: python benchmarks/bench_batch.py [--docs 2000]
"""
from __future__ import annotations

import argparse
import os
import random
import shutil
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PARENT_CPU: dict[tuple[str, int], float] = {}  # CPU seconds of the command's own process per run
SOURCES = [p for p in (ROOT.parent / "shared" / "corpora" / "real-dev", ROOT / "corpora") if p.is_dir()]  # the first only if present


def build(n: int, dest: Path) -> list[Path]:
    pool = sorted(p for d in SOURCES if d.is_dir() for p in d.rglob("*")
                  if p.suffix in (".md", ".txt") and p.stem not in ("SOURCES", "README") and p.is_file())
    rng = random.Random(7)
    picks = [pool[i % len(pool)] for i in range(n)]  # every real document, repeated
    rng.shuffle(picks)
    out = []
    for i, src in enumerate(picks):
        folder = dest / f"{i // 200:03d}"
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / f"{i:05d}-{src.name}"
        shutil.copyfile(src, target)
        out.append(target)
    return out


class UssSampler:
    """Largest USS of each worker process, sampled as results come back (every
    2 s: reading smaps costs the parent CPU the workers would otherwise get)."""

    def __init__(self) -> None:
        try:
            import psutil
        except ImportError:
            psutil = None
        self.psutil, self.peak, self.last = psutil, {}, 0.0

    def __call__(self, _entries: list[dict]) -> None:
        if self.psutil is None or time.perf_counter() - self.last < 2.0:
            return
        self.last = time.perf_counter()
        for child in self.psutil.Process().children():
            try:
                uss = child.memory_full_info().uss
            except (self.psutil.Error, AttributeError):
                continue
            self.peak[child.pid] = max(self.peak.get(child.pid, 0), uss)


def timed_batch(src: Path, jobs: int) -> tuple[float, float, list[dict], dict[int, int]]:
    """One batch run in a fresh interpreter, so no run inherits another's
    warm caches: (load seconds, run seconds, entries, USS peaks)."""
    import json
    import subprocess
    import sys

    p = subprocess.run([sys.executable, __file__, "--child", str(src), str(jobs)], capture_output=True,
                       text=True, check=True)
    r = json.loads(p.stdout.splitlines()[-1])
    PARENT_CPU[(str(src), jobs)] = r["parent_cpu"]
    return r["load"], r["run"], r["entries"], {int(k): v for k, v in r["uss"].items()}


def child(src: Path, jobs: int) -> None:
    import json

    from minutes.batch import Options, run
    from minutes.batch.work import init_worker

    t = time.perf_counter()
    init_worker()  # rules, jieba, spaCy: timed apart, paid once per command (workers fork after it)
    load = time.perf_counter() - t
    out = Path(tempfile.mkdtemp(prefix="bench-out-"))
    sampler = UssSampler()
    import resource

    cpu0 = resource.getrusage(resource.RUSAGE_SELF)
    t = time.perf_counter()
    res = run([src], Options(out, jobs=jobs), on_done=sampler)
    elapsed = time.perf_counter() - t
    cpu1 = resource.getrusage(resource.RUSAGE_SELF)
    parent_cpu = (cpu1.ru_utime - cpu0.ru_utime) + (cpu1.ru_stime - cpu0.ru_stime)
    shutil.rmtree(out)
    assert all(e["status"] == "ok" for e in res.entries), "a document failed"
    entries = [{"pid": e["pid"], "max_rss_kb": e["max_rss_kb"]} for e in res.entries]
    print(json.dumps({"load": load, "run": elapsed, "entries": entries, "uss": sampler.peak,
                      "parent_cpu": parent_cpu}))


def peaks(entries: list[dict]) -> list[int]:
    by_pid: dict[int, int] = {}
    for e in entries:
        by_pid[e["pid"]] = max(by_pid.get(e["pid"], 0), e.get("max_rss_kb", 0))
    return sorted(by_pid.values())


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.child:
        return child(Path(a.child[0]), int(a.child[1]))
    work = Path(tempfile.mkdtemp(prefix="bench-corpus-"))
    try:
        files = build(a.docs, work / "all")
        quarter = work / "quarter"
        for f in files[: a.docs // 4]:
            (quarter / f.parent.name).mkdir(parents=True, exist_ok=True)
            shutil.copyfile(f, quarter / f.parent.name / f.name)
        texts = [f.read_text(encoding="utf-8") for f in files]
        mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6

        import jieba

        jieba.setLogLevel(60)
        jieba.lcut("预热")
        t = time.perf_counter()
        for text in texts:
            jieba.lcut(text)
        jieba_s = time.perf_counter() - t

        l1, t1, e1, _u1 = timed_batch(work / "all", 1)
        l2, t2, e2, u2 = timed_batch(work / "all", 2)
        _lq, _tq, eq, uq = timed_batch(quarter, 2)

        from minutes.batch.work import init_worker
        from minutes.ingest import decode
        from minutes.pipeline import record

        init_worker()
        docs = [decode(t.encode("utf-8"), path=str(f)) for t, f in zip(texts, files)]
        t = time.perf_counter()
        for d in docs:
            record(d)
        pipe_s = time.perf_counter() - t

        print(f"corpus: {len(files)} documents, {mb:.2f} MB (real minutes repeated and shuffled), "
              f"{os.cpu_count()} cores")
        print(f"{'':<34}{'cores':>6}{'seconds':>9}{'MB/s':>8}{'MB/s/core':>11}{'vs jieba/core':>15}")

        def row(name: str, cores: int, s: float) -> None:
            per_core = mb / s / cores
            print(f"{name:<34}{cores:>6}{s:>9.2f}{mb / s:>8.3f}{per_core:>11.3f}{per_core / (mb / jieba_s):>15.2f}")

        row("plain jieba.lcut", 1, jieba_s)
        row("pipeline in-process (record)", 1, pipe_s)
        row("minutes batch --jobs 1", 1, t1)
        row("minutes batch --jobs 2", 2, t2)
        print(f"speed-up from 1 to 2 jobs: {t1 / t2:.2f}x (batch rows: each run in a fresh process, "
              f"after loading; outputs and manifest written)")
        print(f"CPU of the command's own process during --jobs 2 (collecting results, manifest): "
              f"{PARENT_CPU[(str(work / 'all'), 2)]:.2f} s of {t2:.2f} s")
        print("peak memory per worker (RSS = getrusage ru_maxrss, counts pages shared with the parent; "
              "USS = psutil, unique to the worker):")
        for label, entries, uss_peaks in ((f"{len(eq)} docs", eq, uq), (f"{len(e2)} docs", e2, u2)):
            rss = ", ".join(f"{v / 1024:.0f} MB" for v in peaks(entries))
            uss = ", ".join(f"{v / 2**20:.0f} MB" for v in sorted(uss_peaks.values())) or "n/a"
            print(f"  {label:>10}: RSS {rss}; USS {uss}")
        print(f"  --jobs 1 (in the command's own process): RSS {peaks(e1)[0] / 1024:.0f} MB")
        print(f"one-time load of rules, jieba and spaCy per command (not in the rows above): "
              f"{l1:.2f} s, {l2:.2f} s")
    finally:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
