"""Action exports: iCalendar, CSV with BOM, GitHub and Jira payloads."""
from __future__ import annotations

import csv
import io
import json

from conftest import SAMPLE
from minutes.export import export
from minutes.export.actions import CSV_COLUMNS
from minutes.ingest import read_path
from minutes.pipeline import record, record_text


def _recs():
    return [record(read_path(SAMPLE))]


def test_ics_vtodo_uid_is_the_action_id_and_due_the_date() -> None:
    from icalendar import Calendar

    recs = _recs()
    cal = Calendar.from_ical(export("ics", recs))
    todos = [c for c in cal.walk() if c.name == "VTODO"]
    actions = {a.id: a for a in recs[0].actions}
    assert len(todos) == len(actions)
    for t in todos:
        a = actions[str(t["UID"])]
        if a.due:
            assert t["DUE"].dt.isoformat() == a.due
        else:
            assert "DUE" not in t


def test_csv_starts_with_bom_and_has_the_columns() -> None:
    data = export("csv", _recs())
    assert data.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(data[1:])))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert rows[1][2] == "刘洋" and rows[1][3] == "2024-05-15"


def test_github_assignee_only_for_login_shaped_owners() -> None:
    rec = record_text("- @octo-cat 下周三前修复登录问题\n- 由张三负责整理文档\n", None)
    payloads = json.loads(export("github", [rec]))
    assert payloads[0]["assignees"] == ["octo-cat"]
    assert "assignees" not in payloads[1]
    assert all("minutes-action-id" in p["body"] for p in payloads)


def test_jira_csv_carries_external_id() -> None:
    recs = _recs()
    rows = list(csv.DictReader(io.StringIO(export("jira", recs)[1:])))
    assert [r["External ID"] for r in rows] == [a.id for a in recs[0].actions]


def test_jsonl_one_action_per_line() -> None:
    lines = export("jsonl", _recs()).splitlines()
    assert len(lines) == len(_recs()[0].actions)
    assert json.loads(lines[0])["file"].endswith("product-sync.md")
