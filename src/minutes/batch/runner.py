"""Batch: walk folders, record every file in worker processes, resumably.

The manifest (OUTDIR/manifest.jsonl) gets one line per finished file,
flushed at once, so an interrupted run (Ctrl-C, a kill) leaves it intact; a
rerun skips files whose size and sha256 match a successful entry and retries
the failed ones. Inputs are never written.
"""
from __future__ import annotations

import fnmatch
import hashlib
import json
import multiprocessing
import os
import re
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from .work import Task, init_worker, process_chunk

DEFAULT_GLOBS = ("*.md", "*.txt", "*.docx")
Hook = Callable[[list[dict]], None]


@dataclass
class Options:
    outdir: Path
    jobs: int = 1
    fmt: str = "json"
    globs: tuple[str, ...] = DEFAULT_GLOBS
    use_file_date: bool = False
    as_of: str = "9999-12-31"  # the CLI passes today; the core never reads the clock
    want_records: bool = False
    chunk: int = 0  # files per task; 0 picks one from the number of files and jobs
    include_docs: bool = False  # README.md, SOURCES.md … of a folder are not minutes unless asked
    skipped_docs: list[Path] = field(default_factory=list)  # filled by the walk


@dataclass
class RunResult:
    entries: list[dict] = field(default_factory=list)  # this run's, in completion order
    skipped: int = 0
    interrupted: bool = False


def _matches(rel: PurePosixPath, globs: tuple[str, ...]) -> bool:
    return any(rel.match(g) if "/" in g else fnmatch.fnmatch(rel.name, g) for g in globs)


# Files that describe a folder rather than hold minutes: README.md, SOURCES.md,
# CHANGES.md, LICENSE.txt … (by stem, any case). Skipped unless asked for.
_PROJECT_DOCS = re.compile(r"(?i)^(readme|sources?|changes|changelog|license|licence|copying|contributing|"
                           r"authors|notice|code_of_conduct|security)([._-].*)?$")


def is_project_doc(name: str) -> bool:
    return bool(_PROJECT_DOCS.match(Path(name).stem))


def walk(roots: list[Path], globs: tuple[str, ...], outdir: Path, include_docs: bool = True,
         skipped: list[Path] | None = None) -> Iterator[tuple[Path, Path, Path]]:
    """(file, root, base) for every matching file, in sorted order.

    OUTDIR is pruned from the walk, so it may live inside an input folder
    without its own outputs being read back as inputs. Hidden folders and
    Word lock files (~$x.docx) are skipped. `base` is where the root mirrors:
    OUTDIR itself for one folder, OUTDIR/<folder name> for several.
    """
    out = outdir.resolve()
    for root, base in zip(roots, _bases(roots, out)):
        root = root.resolve()
        if root.is_file():
            yield root, root.parent, base
            continue
        for d, dirs, files in os.walk(root):
            here = Path(d)
            dirs[:] = sorted(x for x in dirs if not x.startswith(".") and (here / x).resolve() != out)
            for name in sorted(files):
                p = here / name
                if not name.startswith("~$") and _matches(PurePosixPath(p.relative_to(root).as_posix()), globs):
                    if not include_docs and is_project_doc(name):
                        if skipped is not None:
                            skipped.append(p)
                        continue
                    yield p, root, base


def _bases(roots: list[Path], out: Path) -> list[Path]:
    if sum(1 for r in roots if not r.is_file()) <= 1:
        return [out] * len(roots)
    seen: dict[str, int] = {}
    bases = []
    for r in roots:
        name = r.resolve().name or "root"
        seen[name] = seen.get(name, 0) + 1
        bases.append(out / (name if seen[name] == 1 else f"{name}-{seen[name]}"))
    return bases


class Manifest:
    def __init__(self, outdir: Path) -> None:
        self.path = outdir / "manifest.jsonl"
        self.done: dict[str, dict] = {}
        ends_cleanly = True
        if self.path.exists():
            raw = self.path.read_text(encoding="utf-8")
            ends_cleanly = not raw or raw.endswith("\n")
            for line in raw.splitlines():
                try:
                    e = json.loads(line)
                except ValueError:
                    continue  # a line cut by a kill mid-write
                self.done[e["path"]] = e
        self._fh = self.path.open("a", encoding="utf-8")
        if not ends_cleanly:  # else the next line would be glued to the cut one and lost too
            self._fh.write("\n")

    def up_to_date(self, path: Path) -> bool:
        e = self.done.get(str(path))
        if not e or e.get("status") != "ok":
            return False
        try:
            if path.stat().st_size != e["size"]:
                return False
            return hashlib.sha256(path.read_bytes()).hexdigest() == e["sha256"]
        except OSError:
            return False

    def add(self, *entries: dict) -> None:
        """Append finished files (a chunk's arrive together) and flush at once:
        a killed run keeps every line written. No fsync per file: it guards
        only against a machine crash, at the cost of a disk round trip each."""
        lines = []
        for entry in entries:
            line = {k: v for k, v in entry.items() if k != "record"}
            self.done[entry["path"]] = line
            lines.append(json.dumps(line, ensure_ascii=False) + "\n")
        self._fh.write("".join(lines))  # one system call per chunk, not per file
        self._fh.flush()

    def close(self) -> None:
        self._fh.close()


def plan(roots: list[Path], opts: Options, manifest: Manifest) -> tuple[list[Task], int]:
    """The files still to do, as tasks, and how many are up to date."""
    todo: list[Task] = []
    skipped = 0
    for path, root, base in walk(roots, opts.globs, opts.outdir, opts.include_docs, opts.skipped_docs):
        if manifest.up_to_date(path):
            skipped += 1
        else:
            todo.append((str(path), str(root), str(base), opts.fmt, opts.use_file_date, opts.as_of,
                         opts.want_records))
    return todo, skipped


def run(roots: list[Path], opts: Options, on_done: Hook | None = None,
        total_hook: Callable[[int, int], None] | None = None, before_commit: Hook | None = None,
        engine: str = "local", scheduler: str | None = None) -> RunResult:
    """Record every file under `roots` not already done, in `opts.jobs`
    worker processes (engine "local") or on a dask cluster ("dask": a local
    cluster of `opts.jobs` workers unless `scheduler` names one).

    `before_commit(entries)` runs before entries reach the manifest (the
    tracker import), so a kill in between redoes the file rather than
    losing its actions; `on_done(entries)` runs after (progress).
    """
    opts.outdir.mkdir(parents=True, exist_ok=True)
    manifest = Manifest(opts.outdir)
    result = RunResult()
    todo, result.skipped = plan(roots, opts, manifest)
    # Workers are forked before the progress bar starts its refresh thread:
    # a fork must not copy a thread that may hold a lock.
    pool = _start_pool(opts.jobs) if engine == "local" and opts.jobs > 1 and todo else None
    if total_hook:
        total_hook(len(todo), sum(os.path.getsize(t[0]) for t in todo if os.path.exists(t[0])))

    def finish(entries: list[dict]) -> None:
        if before_commit:
            before_commit(entries)
        manifest.add(*entries)
        for e in entries:
            e.pop("record", None)  # delivered; not kept for the length of the run
        result.entries.extend(entries)
        if on_done:
            on_done(entries)

    try:
        if engine == "dask":
            from .distributed import run_dask

            size = opts.chunk or max(1, min(64, len(todo) // (max(1, opts.jobs) * 4)))
            for entries in run_dask(todo, scheduler, n_workers=max(1, opts.jobs), partition_size=size):
                finish(entries)
        elif pool is not None:
            _parallel(pool, todo, opts, finish)
        elif todo:
            init_worker()
            size = opts.chunk or chunk_size(len(todo), 1)
            for i in range(0, len(todo), size):
                finish(process_chunk(todo[i:i + size]))
    except KeyboardInterrupt:
        result.interrupted = True
    finally:
        manifest.close()
    return result


def chunk_size(n: int, jobs: int) -> int:
    # Enough chunks per worker to balance uneven files and keep the progress
    # bar moving; at most 16 files, so an interrupt waits for little.
    return max(1, min(16, n // (jobs * 8)))


def _start_pool(jobs: int) -> ProcessPoolExecutor:
    """A pool whose workers already hold rules, jieba and spaCy.

    With fork (Linux), the parent loads them once and every worker inherits
    them copy-on-write: no per-worker load time, shared dictionary pages.
    Elsewhere each worker loads them in its initializer.
    """
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods:
        init_worker()
    ctx = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    ex = ProcessPoolExecutor(max_workers=jobs, mp_context=ctx, initializer=init_worker, initargs=(True,))
    # With fork the first submit starts every worker; wait for it, so the
    # forks happen now rather than after the caller starts threads.
    for f in [ex.submit(os.getpid) for _ in range(jobs)]:
        f.result()
    return ex


def _parallel(ex: ProcessPoolExecutor, todo: list[Task], opts: Options,
              finish: Callable[[list[dict]], None]) -> None:
    size = opts.chunk or chunk_size(len(todo), opts.jobs)
    chunks = (todo[i:i + size] for i in range(0, len(todo), size))
    # A bounded window of submitted chunks: results stream back as they
    # finish, and Ctrl-C never waits for a queue of thousands to drain.
    pending: set[Future] = set()
    try:
        for c in chunks:
            pending.add(ex.submit(process_chunk, c))
            if len(pending) >= opts.jobs * 3:
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                for f in done:
                    finish(f.result())
        while pending:
            done, pending = wait(pending, return_when=FIRST_COMPLETED)
            for f in done:
                finish(f.result())
    except KeyboardInterrupt:
        # Chunks already running finish in the workers (they ignore SIGINT);
        # their files are not in the manifest and are redone next time.
        ex.shutdown(wait=False, cancel_futures=True)
        raise
    ex.shutdown(wait=True)
