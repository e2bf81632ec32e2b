"""Batch throughput on a generated archive of real minutes.

Builds a corpus of at least 2,000 documents by repeating and shuffling the
real minutes of shared/corpora/real-dev and corpora/, then prints in one
run: pipeline MB/s with --jobs 1 and --jobs 2 (the batch runner, outputs
written), plain jieba.lcut MB/s over the same text in this process, their
ratio per core, the speed-up from 1 to 2 jobs, and the peak RSS of each
worker (ru_maxrss as each worker reports it) for a quarter of the corpus and
the whole, to show memory flat as the corpus grows. No assertions: figures.

usage: python benchmarks/bench_batch.py [--docs 2000]
"""
from __future__ import annotations

import argparse
import random
import shutil
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [ROOT.parent / "shared" / "corpora" / "real-dev", ROOT / "corpora"]


def build(n: int, dest: Path) -> list[Path]:
    pool = [p for d in SOURCES if d.is_dir() for p in d.rglob("*")
            if p.suffix in (".md", ".txt") and p.stem not in ("SOURCES", "README") and p.is_file()]
    rng = random.Random(7)
    out = []
    for i in range(n):
        src = rng.choice(pool)
        folder = dest / f"{i // 200:03d}"
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / f"{i:05d}-{src.name}"
        shutil.copyfile(src, target)
        out.append(target)
    return out


def timed_batch(src: Path, jobs: int) -> tuple[float, list[dict]]:
    from minutes.batch import Options, run

    out = Path(tempfile.mkdtemp(prefix="bench-out-"))
    t = time.perf_counter()
    res = run([src], Options(out, jobs=jobs))
    elapsed = time.perf_counter() - t
    shutil.rmtree(out)
    return elapsed, res.entries


def peak_per_worker(entries: list[dict]) -> dict[int, int]:
    peaks: dict[int, int] = {}
    for e in entries:
        peaks[e["pid"]] = max(peaks.get(e["pid"], 0), e.get("max_rss_kb", 0))
    return peaks


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=2000)
    a = ap.parse_args()
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

        from minutes.ingest import decode
        from minutes.pipeline import record

        docs = [decode(t.encode("utf-8"), path=str(f)) for t, f in zip(texts, files)]
        for d in docs[:20]:
            record(d)  # warm: rules, jieba, spaCy loaded once, as in a worker
        t = time.perf_counter()
        for d in docs:
            record(d)
        pipe_s = time.perf_counter() - t

        t1, e1 = timed_batch(work / "all", 1)
        t2, e2 = timed_batch(work / "all", 2)
        _tq, eq = timed_batch(quarter, 2)
        print(f"corpus: {len(files)} documents, {mb:.2f} MB (real minutes repeated and shuffled)")
        print(f"{'':<34}{'seconds':>9}{'MB/s':>9}{'ratio':>8}")
        print(f"{'plain jieba.lcut (1 core)':<34}{jieba_s:>9.2f}{mb / jieba_s:>9.3f}{1.0:>8.2f}")
        print(f"{'pipeline in-process (1 core)':<34}{pipe_s:>9.2f}{mb / pipe_s:>9.3f}{jieba_s / pipe_s:>8.2f}")
        print(f"{'minutes batch --jobs 1':<34}{t1:>9.2f}{mb / t1:>9.3f}{jieba_s / t1:>8.2f}")
        print(f"{'minutes batch --jobs 2':<34}{t2:>9.2f}{mb / t2:>9.3f}{jieba_s / t2:>8.2f}")
        print(f"speed-up from 1 to 2 jobs: {t1 / t2:.2f}x (machine has 2 cores)")
        pq, pa = peak_per_worker(eq), peak_per_worker(e2)
        print(f"peak RSS per worker, {len(eq)} docs: " + ", ".join(f"{v / 1024:.0f} MB" for v in sorted(pq.values())))
        print(f"peak RSS per worker, {len(e2)} docs: " + ", ".join(f"{v / 1024:.0f} MB" for v in sorted(pa.values())))
    finally:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
