"""Batch: walk folders, record every file in worker processes, resumably.

The manifest (OUTDIR/manifest.jsonl) gets one line per finished file,
flushed at once, so an interrupted run (Ctrl-C, a kill) leaves it intact; a
rerun skips files whose size and sha256 match a successful entry and retries
the failed ones. Inputs are never written.
"""
from __future__ import annotations

import hashlib
import json
import multiprocessing
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path

from .work import init_worker, process

DEFAULT_GLOBS = ("*.md", "*.txt", "*.docx")


@dataclass
class Options:
    outdir: Path
    jobs: int = 1
    fmt: str = "json"
    globs: tuple[str, ...] = DEFAULT_GLOBS
    use_file_date: bool = False
    as_of: str = "9999-12-31"
    want_records: bool = False


@dataclass
class RunResult:
    entries: list[dict] = field(default_factory=list)  # this run's, in completion order
    skipped: int = 0
    interrupted: bool = False


def walk(roots: list[Path], globs: tuple[str, ...], outdir: Path) -> Iterator[tuple[Path, Path]]:
    """(file, root) for every matching file, sorted, never inside OUTDIR."""
    out = outdir.resolve()
    for root in roots:
        root = root.resolve()
        files = {p for g in globs for p in (root.rglob(g) if root.is_dir() else [root])}
        for p in sorted(files):
            if p.is_file() and out not in p.resolve().parents and not p.name.startswith("~$"):
                yield p, root


class Manifest:
    def __init__(self, outdir: Path) -> None:
        self.path = outdir / "manifest.jsonl"
        self.done: dict[str, dict] = {}
        if self.path.exists():
            for line in self.path.read_text(encoding="utf-8").splitlines():
                try:
                    e = json.loads(line)
                except ValueError:
                    continue  # a line cut by a kill mid-write
                self.done[e["path"]] = e
        self._fh = self.path.open("a", encoding="utf-8")

    def up_to_date(self, path: Path) -> bool:
        e = self.done.get(str(path))
        if not e or e.get("status") != "ok":
            return False
        try:
            if path.stat().st_size != e["size"]:
                return False
        except OSError:
            return False
        return hashlib.sha256(path.read_bytes()).hexdigest() == e["sha256"]

    def add(self, entry: dict) -> None:
        line = {k: v for k, v in entry.items() if k != "record"}
        self.done[entry["path"]] = line
        self._fh.write(json.dumps(line, ensure_ascii=False) + "\n")
        # flushed to the OS at once: a killed run keeps every finished line.
        # (No fsync per file: it would guard only against a machine crash, at
        # the cost of a disk round trip for every document.)
        self._fh.flush()

    def close(self) -> None:
        self._fh.close()


def run(roots: list[Path], opts: Options, on_done: Callable[[dict], None] | None = None,
        total_hook: Callable[[int, int], None] | None = None) -> RunResult:
    opts.outdir.mkdir(parents=True, exist_ok=True)
    manifest = Manifest(opts.outdir)
    todo, result = [], RunResult()
    for path, root in walk(roots, opts.globs, opts.outdir):
        if manifest.up_to_date(path):
            result.skipped += 1
        else:
            todo.append((path, root))
    if total_hook:
        total_hook(len(todo), sum(p.stat().st_size for p, _ in todo))
    several = len(roots) > 1  # several roots: each mirrors under its own name
    args = [(str(p), str(r), str(opts.outdir / r.name if several else opts.outdir), opts.fmt, opts.use_file_date,
             opts.as_of, opts.want_records) for p, r in todo]
    try:
        if opts.jobs <= 1:
            init_worker()
            for a in args:
                _finish(process(*a), manifest, result, on_done)
        else:
            _parallel(args, opts.jobs, manifest, result, on_done)
    except KeyboardInterrupt:
        result.interrupted = True
    finally:
        manifest.close()
    return result


def _parallel(args: list[tuple], jobs: int, manifest: Manifest, result: RunResult,
              on_done: Callable[[dict], None] | None) -> None:
    # Loaded once here: forked workers inherit the rules, jieba's dictionary
    # and the spaCy pipeline instead of each loading them again.
    init_worker(segmenter=True)
    ctx = multiprocessing.get_context("fork") if "fork" in multiprocessing.get_all_start_methods() else None
    # A bounded window of submitted files: results stream back as they finish,
    # and Ctrl-C never waits for a queue of thousands to drain.
    with ProcessPoolExecutor(max_workers=jobs, initializer=init_worker, mp_context=ctx) as ex:
        pending: set[Future] = set()
        it = iter(args)
        try:
            for a in it:
                pending.add(ex.submit(process, *a))
                if len(pending) >= jobs * 4:
                    done, pending = wait(pending, return_when=FIRST_COMPLETED)
                    for f in done:
                        _finish(f.result(), manifest, result, on_done)
            for f in pending:
                _finish(f.result(), manifest, result, on_done)
        except KeyboardInterrupt:
            for f in pending:
                f.cancel()
            ex.shutdown(wait=False, cancel_futures=True)
            raise


def _finish(entry: dict, manifest: Manifest, result: RunResult, on_done: Callable[[dict], None] | None) -> None:
    manifest.add(entry)
    result.entries.append(entry)
    if on_done:
        on_done(entry)
