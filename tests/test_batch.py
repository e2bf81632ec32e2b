"""minutes batch: broken files, resume after a kill, tree mirroring, tracker feed, dask."""
from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import REAL, SAMPLE

GOOD = "# 周会\n\n- 时间：2024-05-06\n\n- 张三负责在5月15日前完成方案\n"


def batch(*args: str, env: dict | None = None, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "minutes.cli.app", "batch", *args], capture_output=True,
                          text=True, env={**os.environ, **(env or {})}, **kw)


def _hashes(root: Path) -> dict[str, str]:
    return {str(p): hashlib.sha256(p.read_bytes()).hexdigest() for p in root.rglob("*") if p.is_file()}


def test_broken_files_fail_with_reasons_and_good_ones_are_done(tmp_path) -> None:
    import docx

    src = tmp_path / "in"
    (src / "sub").mkdir(parents=True)
    (src / "binary.md").write_bytes(b"\x00\x01\x02\x03\xff\xfe\x00\x00" * 50)
    (src / "empty.md").write_bytes(b"")
    (src / "sub" / "gbk.txt").write_bytes(GOOD.encode("gbk"))
    (src / "sub" / "utf16.txt").write_bytes(GOOD.encode("utf-16"))
    d = docx.Document()
    for line in GOOD.splitlines():
        d.add_paragraph(line)
    d.save(src / "sub" / "minutes.docx")
    (src / "good.md").write_text(GOOD, encoding="utf-8")
    before = _hashes(src)
    out = tmp_path / "out"
    p = batch(str(src), "-o", str(out), "--jobs", "2")
    assert p.returncode == 1, p.stderr
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert (report["ok"], report["failed"]) == (4, 2)
    assert {f["path"].rsplit("/", 1)[-1]: f["reason"] for f in report["failures"]} == {"binary.md": "binary",
                                                                                      "empty.md": "empty"}
    for name in ("good.md", "sub/gbk.txt", "sub/utf16.txt", "sub/minutes.docx"):
        rec = json.loads((out / f"{name}.json").read_text(encoding="utf-8"))
        assert rec["actions"][0]["owner"] == "张三", name
    assert _hashes(src) == before  # inputs untouched
    assert "binary.md" in (out / "report.md").read_text(encoding="utf-8")


def test_resume_after_a_killed_run_processes_only_the_rest(tmp_path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    for i in range(40):
        (src / f"m{i:02d}.md").write_text(GOOD.replace("方案", f"方案{i}"), encoding="utf-8")
    out = tmp_path / "out"
    manifest = out / "manifest.jsonl"
    proc = subprocess.Popen([sys.executable, "-m", "minutes.cli.app", "batch", str(src), "-o", str(out), "--jobs", "1"],
                            env={**os.environ, "MINUTES_TEST_SLOW_BATCH": "0.1"}, start_new_session=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.time() + 60
    while time.time() < deadline and proc.poll() is None:
        if manifest.exists() and len(manifest.read_text(encoding="utf-8").splitlines()) >= 5:
            break
        time.sleep(0.05)
    assert proc.poll() is None, "the run ended before it could be killed"
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    done = len([x for x in manifest.read_text(encoding="utf-8").splitlines() if x.strip()])
    assert 5 <= done < 40
    p = batch(str(src), "-o", str(out), "--jobs", "2")
    assert p.returncode == 0, p.stderr
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert report["processed_this_run"] == 40 - done
    assert report["skipped_up_to_date"] == done and report["ok"] == 40
    assert len(list(out.glob("m*.md.json"))) == 40


def test_changed_file_is_redone_and_failed_retried(tmp_path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.md").write_text(GOOD, encoding="utf-8")
    (src / "b.md").write_bytes(b"")
    out = tmp_path / "out"
    assert batch(str(src), "-o", str(out)).returncode == 1
    (src / "b.md").write_text(GOOD, encoding="utf-8")
    assert batch(str(src), "-o", str(out)).returncode == 0
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert (report["processed_this_run"], report["skipped_up_to_date"], report["failed"]) == (1, 1, 0)


def test_actions_feed_the_tracker(tmp_path) -> None:
    from minutes.track import Tracker

    src = tmp_path / "in"
    src.mkdir()
    (src / "s.md").write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    (src / "r.md").write_text((REAL / "d015.md").read_text(encoding="utf-8"), encoding="utf-8")
    db = tmp_path / "t.db"
    assert batch(str(src), "-o", str(tmp_path / "out"), "--actions-db", str(db)).returncode == 0
    n = len(Tracker(db).list())
    assert n >= 20
    # a second run skips the up-to-date files and duplicates nothing
    batch(str(src), "-o", str(tmp_path / "out"), "--actions-db", str(db))
    assert len(Tracker(db).list()) == n


def test_dask_local_cluster_of_two_workers(tmp_path) -> None:
    pytest.importorskip("dask.distributed")
    from minutes.batch.distributed import run_dask

    src = tmp_path / "in"
    src.mkdir()
    for i in range(6):
        (src / f"m{i}.md").write_text(GOOD.replace("方案", f"方案{i}"), encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    entries = run_dask([(str(p), str(src)) for p in sorted(src.glob("*.md"))], str(out), "json",
                       n_workers=2, partition_size=1)
    assert len(entries) == 6 and all(e["status"] == "ok" for e in entries)
    assert len({e["pid"] for e in entries}) == 2  # both workers took partitions
    for i in range(6):
        rec = json.loads((out / f"m{i}.md.json").read_text(encoding="utf-8"))
        assert rec["actions"][0]["task"].endswith(f"方案{i}")
