"""The page's request form, agenda and tracker view: the API behind them."""
from __future__ import annotations

import io
from datetime import datetime

import pytest

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient  # noqa: E402

from conftest import ROOT  # noqa: E402
from minutes.web.app import create_app  # noqa: E402

FLOW = ROOT / "corpora" / "flow"
client = TestClient(create_app())


def test_request_form_fields_and_brief_text() -> None:
    r = client.post("/api/request", json={"brief": (FLOW / "brief.md").read_text(encoding="utf-8")})
    assert r.status_code == 200
    b = r.json()["brief"]
    assert (b["last_send"], b["on_time"], b["feedback_due"]) == ("2024-09-27", True, "2024-09-26")
    assert "| 最晚发出 | 2024-09-27（会前至少 2 个工作日） |" in r.json()["markdown"]
    r = client.post("/api/request", json={"topic": "接口联调", "date": "2024-10-08", "sent": "2024-09-30",
                                          "departments": "技术部：李强；产品部：孙悦"})
    b = r.json()["brief"]
    assert b["last_send"] == "2024-09-29" and b["on_time"] is False and b["departments"]["产品部"] == ["孙悦"]
    assert client.post("/api/request", json={"topic": "x"}).status_code == 422  # no meeting date
    r = client.post("/api/request?format=docx", json={"topic": "x", "date": "2024-10-08"})
    import docx

    assert r.status_code == 200 and docx.Document(io.BytesIO(r.content)).paragraphs[0].text == "跨部门协作沟通申请表：x"


def test_agenda_checks_and_takes_from_the_request() -> None:
    r = client.post("/api/agenda", json={"text": (FLOW / "agenda.md").read_text(encoding="utf-8"), "sent": "2024-09-30"})
    a = r.json()["agenda"]
    assert a["total_minutes"] == 85 and a["meeting_minutes"] == 90 and a["on_time"] is False
    r = client.post("/api/agenda", json={"text": "## 议题\n\n1. 上线时间（20分钟，王敏）\n",
                                         "request": "主题：接口联调\n时间：2024-10-08 10:00-10:30\n地点：3楼\n涉及部门及核心人员：技术部：李强"})
    a = r.json()["agenda"]
    assert (a["topic"], a["date"], a["meeting_minutes"], a["participants"]) == ("接口联调", "2024-10-08", 30, ["李强"])
    assert client.post("/api/agenda", json={"text": "  "}).status_code == 422


def test_tracker_view_puts_overdue_first(tmp_path) -> None:
    from minutes.ingest import read_path
    from minutes.pipeline import record
    from minutes.track import Tracker

    db = tmp_path / "m.db"
    t = Tracker(db)
    rec = record(read_path(FLOW / "2024-09-30-国庆大促协调会.md"))
    t.import_records([rec], now=datetime(2024, 9, 30))
    t.close_action(rec.actions[1].id, now=datetime(2024, 10, 10))  # 刘洋, done
    t.close()
    c = TestClient(create_app(db=str(db)))
    v = c.get("/api/tracker", params={"as_of": "2024-10-14"}).json()
    assert v["configured"] is True
    assert [(i["owner"], i["overdue"], i["days_overdue"]) for i in v["items"]] == [
        ("李强", True, 5), ("赵磊", True, 3), ("孙倩", False, None), ("刘洋", False, None)]
    assert client.get("/api/tracker").json()["configured"] is False


def test_page_has_the_three_panels() -> None:
    page = client.get("/").text
    for needle in ('id="request-form"', 'id="agenda-form"', 'id="tracker"', "逾期的在前"):
        assert needle in page
