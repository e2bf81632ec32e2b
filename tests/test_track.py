"""The 行动项跟踪表 round trip, status history, overdue list, and crash safety."""
from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import date, datetime

import pytest

from conftest import SAMPLE
from minutes.ingest import read_path
from minutes.pipeline import record
from minutes.track import Tracker, normalize_status
from minutes.track.report import weekly_report

NOW = datetime(2024, 5, 7, 9, 0)


def test_round_trip_import_twice_one_row_per_action(tmp_path) -> None:
    rec = record(read_path(SAMPLE))
    t = Tracker(tmp_path / "m.db")
    first = t.import_records([rec], now=NOW)
    again = t.import_records([rec], now=NOW)
    assert (first.added, again.added, again.unchanged) == (len(rec.actions), 0, len(rec.actions))
    assert len(t.list()) == len(rec.actions)
    assert {a.id for a in t.list()} == {a.id for a in rec.actions}


def test_status_change_is_kept_in_history(tmp_path) -> None:
    t = Tracker(tmp_path / "m.db")
    rec = record(read_path(SAMPLE))
    t.import_records([rec], now=NOW)
    aid = rec.actions[0].id
    t.set_status(aid, "delayed", note="等待数据", now=datetime(2024, 5, 8))
    t.set_status(aid, "已完成", now=datetime(2024, 5, 9))
    changes = [(h["field"], h["old"], h["new"], h["note"]) for h in t.history() if h["action_id"] == aid]
    assert changes[1:] == [("status", "进行中", "延期", "等待数据"), ("status", "延期", "已完成", None)]
    assert t.get(aid).closed is not None
    report = weekly_report(t, date(2024, 5, 10))
    assert "| 已完成 | 1 |" in report and "延期 → 已完成" in report


def test_overdue_for_a_given_day_grouped_by_owner(tmp_path) -> None:
    t = Tracker(tmp_path / "m.db")
    t.import_records([record(read_path(SAMPLE))], now=NOW)
    assert t.overdue(date(2024, 5, 8)) == {}
    late = t.overdue(date(2024, 5, 16))
    assert set(late) == {"刘洋", "销售部", "李强", "孙悦"}
    assert [a.due for a in late["李强"]] == ["2024-05-09"]


def test_reimport_after_an_edit_updates_the_row(tmp_path) -> None:
    f = tmp_path / "m.md"
    text = SAMPLE.read_text(encoding="utf-8")
    f.write_text(text, encoding="utf-8")
    t = Tracker(tmp_path / "m.db")
    t.import_records([record(read_path(f))], now=NOW)
    f.write_text(text.replace("李强负责活动页面扩容，3个工作日内", "李强负责活动页面扩容，5个工作日内"), encoding="utf-8")
    r = t.import_records([record(read_path(f))], now=NOW)
    assert r.added == 1 and r.updated == 0  # the edited sentence is a new action; the others stay
    assert len(t.list()) == 9


def test_status_words_in_both_languages() -> None:
    assert [normalize_status(w) for w in ("in-progress", "done", "postponed", "已完成")] == ["进行中", "已完成", "延期", "已完成"]
    with pytest.raises(Exception, match="unknown status"):
        normalize_status("maybe")


def test_killed_import_leaves_the_database_as_it_was(tmp_path) -> None:
    db = tmp_path / "m.db"
    Tracker(db).import_records([record(read_path(SAMPLE))], now=NOW)
    before = sqlite3.connect(db).execute("SELECT COUNT(*) FROM actions").fetchone()[0]
    big = tmp_path / "big.md"
    big.write_text("## 行动项\n\n" + "".join(f"- 员工{i}负责在6月30日前提交第{i}份报告\n" for i in range(3000)),
                   encoding="utf-8")
    marker = tmp_path / "importing"
    env = {**os.environ, "MINUTES_TEST_SLOW_IMPORT": "0.002", "MINUTES_TEST_IMPORT_MARKER": str(marker)}
    p = subprocess.Popen([sys.executable, "-m", "minutes.cli.app", "track", "add", str(big), "--db", str(db)],
                         env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.time() + 60
    while time.time() < deadline and p.poll() is None and not marker.exists():
        time.sleep(0.02)
    time.sleep(0.3)  # a few hundred rows into the transaction
    assert p.poll() is None, "import finished before it could be killed"
    p.send_signal(signal.SIGKILL)
    p.wait()
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert con.execute("SELECT COUNT(*) FROM actions").fetchone()[0] == before
