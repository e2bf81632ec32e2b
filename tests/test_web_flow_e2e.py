"""The flow panels in a real headless Chromium: fill the request form, check
an agenda that takes what it lacks from the request, see the tracker with
overdue items first."""
from __future__ import annotations

import shutil
import socket
import threading
import time
from datetime import datetime

import pytest

pytest.importorskip("fastapi")
uvicorn = pytest.importorskip("uvicorn")
sync_api = pytest.importorskip("playwright.sync_api")

from conftest import ROOT  # noqa: E402

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed (.ci/run installs it)")
FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    from minutes.ingest import read_path
    from minutes.pipeline import record
    from minutes.track import Tracker
    from minutes.web.app import create_app

    db = tmp_path_factory.mktemp("db") / "m.db"
    t = Tracker(db)
    t.import_records([record(read_path(ROOT / "corpora" / "flow" / "2024-09-30-国庆大促协调会.md"))],
                     now=datetime(2024, 9, 30))
    t.close()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(create_app(db=str(db)), host="127.0.0.1", port=port, log_level="warning"))
    th = threading.Thread(target=srv.run, daemon=True)
    th.start()
    deadline = time.time() + 20
    while not srv.started and time.time() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    th.join(timeout=10)


@pytest.fixture(scope="module")
def page(server):
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        pg = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
        pg.goto(server + "/")
        yield pg
        browser.close()


def test_request_form_then_agenda_then_tracker(page) -> None:
    page.click("#request-panel summary")
    page.fill("#request-form [name=topic]", "接口联调")
    page.fill("#request-form [name=departments]", "技术部：李强；产品部：孙悦")
    page.fill("#request-form [name=date]", "2024-10-08")
    page.fill("#request-form [name=time]", "10:00-10:30")
    page.fill("#request-form [name=sent]", "2024-09-30")
    page.click("#request-run")
    page.wait_for_function("document.getElementById('request-check').textContent.length > 0")
    check = page.text_content("#request-check")
    assert check.startswith("✗") and "最晚 2024-09-29" in check
    assert "| 涉及部门及核心人员 | 技术部：李强；产品部：孙悦 |" in page.text_content("#request-out")

    page.click("#agenda-panel summary")
    page.fill("#agenda-form [name=text]", "## 议题\n\n1. 接口变更（20分钟，李强）\n2. 联调排期（20分钟，孙悦）\n")
    page.click("#agenda-run")
    page.wait_for_function("document.getElementById('agenda-problems').children.length > 0")
    problems = page.text_content("#agenda-problems")
    assert "议题合计 40 分钟，超过会议时长 30 分钟" in problems  # the meeting length came from the request
    assert "缺少地点" in problems

    page.click("#tracker-panel summary")  # opening it loads the tracker as of today
    page.wait_for_function("document.getElementById('tracker-status').textContent.startsWith('截至')")
    page.fill("#tracker-asof", "2024-10-14")
    page.click("#tracker-load")
    page.wait_for_function("document.getElementById('tracker-status').textContent.startsWith('截至 2024-10-14')")
    rows = page.eval_on_selector_all("#tracker tbody tr", "rs => rs.map(r => [r.className, r.cells[2].textContent])")
    assert rows[:2] == [["overdue", "李强"], ["overdue", "赵磊"]] and rows[2][0] == ""
