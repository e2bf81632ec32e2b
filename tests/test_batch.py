"""minutes batch: broken files, resume after a kill or Ctrl-C, tree mirroring,
inputs untouched, tracker feed, and a dask cluster of two workers."""
from __future__ import annotations

import hashlib
import importlib.util
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


def batch(*args: str, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "minutes.cli.app", "batch", *args], capture_output=True,
                          text=True, **kw)


def hashes(root: Path) -> dict[str, str]:
    return {str(p): hashlib.sha256(p.read_bytes()).hexdigest() for p in root.rglob("*") if p.is_file()}


def report(out: Path) -> dict:
    return json.loads((out / "report.json").read_text(encoding="utf-8"))


def manifest_lines(out: Path) -> list[dict]:
    p = out / "manifest.jsonl"
    return [json.loads(x) for x in p.read_text(encoding="utf-8").splitlines() if x.strip()] if p.exists() else []


def test_broken_files_fail_with_reasons_and_good_ones_are_done(tmp_path: Path) -> None:
    import docx

    src = tmp_path / "in"
    (src / "sub" / "deeper").mkdir(parents=True)
    (src / "binary.md").write_bytes(b"\x00\x01\x02\x03\xff\xfe\x00\x00" * 50)
    (src / "empty.md").write_bytes(b"")
    (src / "broken.docx").write_bytes(b"PK\x03\x04 not really a zip")
    (src / "sub" / "gbk.txt").write_bytes(GOOD.encode("gbk"))
    (src / "sub" / "utf16.txt").write_bytes(GOOD.encode("utf-16"))  # with its BOM
    d = docx.Document()
    for line in GOOD.splitlines():
        d.add_paragraph(line)
    d.save(str(src / "sub" / "deeper" / "minutes.docx"))
    (src / "good.md").write_text(GOOD, encoding="utf-8")
    (src / "notes.csv").write_text("not, minutes", encoding="utf-8")  # not matched by the globs
    before = hashes(src)
    out = tmp_path / "out"
    p = batch(str(src), "-o", str(out), "--jobs", "2")
    assert p.returncode == 1, p.stderr
    assert "Traceback" not in p.stderr
    rep = report(out)
    assert (rep["files"], rep["ok"], rep["failed"]) == (7, 4, 3)
    reasons = {Path(f["path"]).name: f["reason"] for f in rep["failures"]}
    assert reasons == {"binary.md": "binary", "empty.md": "empty", "broken.docx": "docx"}
    assert all(f["error"] for f in rep["failures"])
    for name in ("good.md", "sub/gbk.txt", "sub/utf16.txt", "sub/deeper/minutes.docx"):
        rec = json.loads((out / f"{name}.json").read_text(encoding="utf-8"))  # the tree mirrored
        assert rec["actions"][0]["owner"] == "张三", name
        assert rec["actions"][0]["due"] == "2024-05-15", name
    encodings = {Path(e["path"]).name: e.get("encoding") for e in manifest_lines(out)}
    assert (encodings["gbk.txt"], encodings["utf16.txt"], encodings["minutes.docx"]) == ("gbk", "utf-16", "docx")
    assert hashes(src) == before  # inputs untouched, nothing written among them
    md = (out / "report.md").read_text(encoding="utf-8")
    assert "binary.md" in md and "empty.md" in md
    for name in ("binary.md", "empty.md", "broken.docx"):
        assert name in p.stderr


def _archive(src: Path, n: int) -> None:
    # Documents long enough (the real minutes, end to end) that a run lasts
    # a few seconds and can be stopped half way.
    body = "\n\n".join((REAL / f"{n}.md").read_text(encoding="utf-8") for n in ("d002", "d012", "d014", "d015"))
    for i in range(n):
        folder = src / f"y{i % 3}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"m{i:03d}.md").write_text(f"# 例会 {i}\n\n{body}", encoding="utf-8")


def _as_from_a_terminal() -> None:
    # A shell runs background jobs (`cmd &`, nohup) with SIGINT ignored, and a
    # Python started that way never turns Ctrl-C into KeyboardInterrupt: the
    # run under test must get SIGINT as a command typed at a terminal does,
    # whatever the CI runner's own disposition is.
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _stop_half_way(src: Path, out: Path, sig: int, jobs: str) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, "-m", "minutes.cli.app", "batch", str(src), "-o", str(out),
                             "--jobs", jobs], start_new_session=True, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, preexec_fn=_as_from_a_terminal)
    deadline = time.time() + 60
    while time.time() < deadline and proc.poll() is None and len(manifest_lines(out)) < 5:
        time.sleep(0.01)
    assert proc.poll() is None, "the run ended before it could be stopped"
    os.killpg(proc.pid, sig)  # the whole group, as a terminal's Ctrl-C or a kill would
    proc.wait(timeout=60)
    return proc


def test_resume_after_a_killed_run_processes_only_the_rest(tmp_path: Path) -> None:
    src, out, n = tmp_path / "in", tmp_path / "out", 150
    _archive(src, n)
    _stop_half_way(src, out, signal.SIGKILL, "1")
    done = {e["path"] for e in manifest_lines(out)}
    assert 5 <= len(done) < n
    stamps = {p: os.stat(out / Path(p).relative_to(src.resolve()).with_suffix(".md.json")).st_mtime_ns for p in done}
    p = batch(str(src), "-o", str(out), "--jobs", "2")
    assert p.returncode == 0, p.stderr
    rep = report(out)
    assert (rep["processed_this_run"], rep["skipped_up_to_date"], rep["ok"]) == (n - len(done), len(done), n)
    redone = [e["path"] for e in manifest_lines(out)[len(done):]]
    assert not set(redone) & done and len(redone) == n - len(done)  # only the rest
    for path, stamp in stamps.items():  # the finished outputs were left alone
        assert os.stat(out / Path(path).relative_to(src.resolve()).with_suffix(".md.json")).st_mtime_ns == stamp
    assert len(list(out.rglob("m*.md.json"))) == n


def test_ctrl_c_stops_cleanly_with_the_manifest_intact(tmp_path: Path) -> None:
    src, out, n = tmp_path / "in", tmp_path / "out", 150
    _archive(src, n)
    proc = _stop_half_way(src, out, signal.SIGINT, "2")
    err = proc.stderr.read()
    assert proc.returncode == 130, err
    assert "Traceback" not in err and "interrupted" in err
    raw = (out / "manifest.jsonl").read_text(encoding="utf-8")
    assert raw.endswith("\n")
    assert report(out)["interrupted"] is True
    p = batch(str(src), "-o", str(out), "--jobs", "2")
    assert p.returncode == 0, p.stderr
    assert report(out)["ok"] == n


def test_changed_file_is_redone_and_failed_retried(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.md").write_text(GOOD, encoding="utf-8")
    (src / "b.md").write_bytes(b"")
    out = tmp_path / "out"
    assert batch(str(src), "-o", str(out), "--jobs", "1").returncode == 1
    (src / "b.md").write_text(GOOD, encoding="utf-8")
    assert batch(str(src), "-o", str(out), "--jobs", "1").returncode == 0
    rep = report(out)
    assert (rep["processed_this_run"], rep["skipped_up_to_date"], rep["failed"]) == (1, 1, 0)
    (src / "a.md").write_text(GOOD.replace("方案", "新方案"), encoding="utf-8")
    assert batch(str(src), "-o", str(out), "--jobs", "1").returncode == 0
    assert (report(out)["processed_this_run"], report(out)["skipped_up_to_date"]) == (1, 1)
    assert "新方案" in (out / "a.md.json").read_text(encoding="utf-8")


def test_outdir_inside_an_input_is_skipped_and_usage_errors_exit_2(tmp_path: Path) -> None:
    src = tmp_path / "in"
    (src / "a").mkdir(parents=True)
    (src / "a" / "x.md").write_text(GOOD, encoding="utf-8")
    out = src / "records"
    for _ in range(2):  # the second run must not read back the first run's outputs
        p = batch(str(src), "-o", str(out), "--glob", "*.md", "--glob", "*.json", "--jobs", "1")
        assert p.returncode == 0, p.stderr
        assert report(out)["files"] == 1
    assert sorted(x.relative_to(out).as_posix() for x in out.rglob("*.json")) == ["a/x.md.json", "report.json"]
    assert batch(str(src), "-o", str(src)).returncode == 2
    assert batch(str(src / "a"), "-o", str(src)).returncode == 2  # an input inside OUTDIR
    assert batch(str(tmp_path / "missing"), "-o", str(tmp_path / "o")).returncode == 2
    assert batch(str(src), "-o", str(tmp_path / "o"), "--format", "xml").returncode == 2


def test_several_folders_mirror_under_their_names_and_md_format(tmp_path: Path) -> None:
    for name in ("2019", "2020"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "w.md").write_text(GOOD, encoding="utf-8")
    out = tmp_path / "out"
    p = batch(str(tmp_path / "2019"), str(tmp_path / "2020"), "-o", str(out), "--format", "md", "--jobs", "1")
    assert p.returncode == 0, p.stderr
    assert (out / "2019" / "w.md.md").read_text(encoding="utf-8").strip()
    assert (out / "2020" / "w.md.md").exists()


def test_actions_feed_the_tracker(tmp_path: Path) -> None:
    track = pytest.importorskip("minutes.track")
    src = tmp_path / "in"
    src.mkdir()
    (src / "s.md").write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    (src / "r.md").write_text((REAL / "d015.md").read_text(encoding="utf-8"), encoding="utf-8")
    db = tmp_path / "t.db"
    p = batch(str(src), "-o", str(tmp_path / "out"), "--actions-db", str(db), "--jobs", "2")
    assert p.returncode == 0, p.stderr
    n = len(track.Tracker(db).list())
    assert n == report(tmp_path / "out")["actions"] and n >= 20
    batch(str(src), "-o", str(tmp_path / "out"), "--actions-db", str(db))  # nothing to redo: no duplicates
    assert len(track.Tracker(db).list()) == n


def test_actions_db_without_the_tracker_is_a_usage_error(tmp_path: Path, monkeypatch) -> None:
    from typer.testing import CliRunner

    from minutes.cli.app import app

    monkeypatch.setitem(sys.modules, "minutes.track", None)  # as if not installed
    (tmp_path / "a.md").write_text(GOOD, encoding="utf-8")
    r = CliRunner().invoke(app, ["batch", str(tmp_path / "a.md"), "-o", str(tmp_path / "o"),
                                 "--actions-db", str(tmp_path / "t.db")])
    assert r.exit_code == 2
    assert "tracker not available" in r.output


@pytest.mark.skipif(importlib.util.find_spec("dask") is None, reason="dask is not installed")
def test_dask_local_cluster_of_two_workers(tmp_path: Path) -> None:
    pytest.importorskip("dask.distributed")
    from minutes.batch import Options, run
    from minutes.batch.distributed import record_partition

    src = tmp_path / "in"
    for i in range(6):
        (src / f"d{i % 2}").mkdir(parents=True, exist_ok=True)
        (src / f"d{i % 2}" / f"m{i}.md").write_text(GOOD.replace("方案", f"方案{i}"), encoding="utf-8")
    (src / "empty.md").write_bytes(b"")
    out = tmp_path / "out"
    res = run([src], Options(out, jobs=2, chunk=1), engine="dask")
    assert len(res.entries) == 7 and sum(e["status"] == "ok" for e in res.entries) == 6
    assert os.getpid() not in {e["pid"] for e in res.entries}  # the work ran in the cluster's processes
    for i in range(6):
        rec = json.loads((out / f"d{i % 2}" / f"m{i}.md.json").read_text(encoding="utf-8"))
        assert rec["actions"][0]["task"].endswith(f"方案{i}")
    assert len(manifest_lines(out)) == 7
    # the engine-neutral entry point, as Ray or Spark's mapPartitions would call it
    part = record_partition([str(src / "d0" / "m0.md")], str(tmp_path / "p"), "json", root=str(src))
    assert part[0]["status"] == "ok" and (tmp_path / "p" / "d0" / "m0.md.json").exists()
