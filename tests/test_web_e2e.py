"""The page in a real headless Chromium: paste, see the actions, click to
highlight, edit an owner, download the .docx and find the edit in it."""
from __future__ import annotations

import os
import shutil
import socket
from pathlib import Path
import threading
import time

import pytest

pytest.importorskip("fastapi")
uvicorn = pytest.importorskip("uvicorn")
sync_api = pytest.importorskip("playwright.sync_api")

from conftest import SAMPLE  # noqa: E402

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed (.ci/run installs it)")
FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def server():
    from minutes.web.app import create_app

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    config = uvicorn.Config(create_app(), host="127.0.0.1", port=port, log_level="warning")
    srv = uvicorn.Server(config)
    t = threading.Thread(target=srv.run, daemon=True)
    t.start()
    deadline = time.time() + 20
    while not srv.started and time.time() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    t.join(timeout=10)


@pytest.fixture(scope="module")
def page(server):
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        context = browser.new_context(accept_downloads=True, viewport={"width": 1400, "height": 1000})
        pg = context.new_page()
        pg.goto(server + "/")
        yield pg
        browser.close()


def generate(page, text: str) -> None:
    """Paste and run, waiting for this run's record (not the previous one)."""
    page.evaluate("document.getElementById('status').textContent = ''")
    page.fill("#text", text)
    page.click("#run")
    page.wait_for_function("document.getElementById('status').textContent.startsWith('已生成')")


def test_paste_click_edit_download(page, tmp_path) -> None:
    import docx

    page.fill("#date", "2024-05-06")
    generate(page, SAMPLE.read_text(encoding="utf-8"))
    rows = page.locator("#actions tbody tr")
    assert rows.count() == 8
    assert rows.nth(0).locator("input.owner").input_value() == "刘洋"
    assert "2024-05-15" in rows.nth(0).locator(".resolved").inner_text()

    # click an action: its evidence is highlighted in the source view
    rows.nth(2).locator("td").nth(1).click()
    hl = page.locator("#source mark.hl")
    assert hl.inner_text() == "李强负责活动页面扩容，3个工作日内给出压测报告。"
    # vague phrases are marked with their rule's message
    vague = page.locator("#source mark.vague").first
    assert vague.get_attribute("title")

    # edit the owner, then download the .docx and find the edit in it
    owner = rows.nth(0).locator("input.owner")
    owner.fill("赵六")
    owner.press("Tab")
    with page.expect_download() as dl:
        page.click(".downloads button[data-format=docx]")
    path = tmp_path / "record.docx"
    dl.value.save_as(path)
    table = docx.Document(path).tables[1]
    assert table.rows[1].cells[2].text == "赵六"

    # MINUTES_SCREENSHOT=docs/screenshot.png refreshes the committed picture
    shot = Path(os.environ.get("MINUTES_SCREENSHOT") or tmp_path / "page.png")
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000


def test_script_in_pasted_text_renders_as_text(page) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    generate(page, "# 周会<script>alert(1)</script>\n\n- 张三负责在5月15日前修复<img src=x onerror=alert(2)>\n")
    assert page.locator("#record script").count() == 0 and page.locator("#record img").count() == 0
    assert "<script>alert(1)</script>" in page.locator("#meta").inner_text()
    assert dialogs == []


def test_deadline_edit_shows_the_resolved_date(page) -> None:
    generate(page, SAMPLE.read_text(encoding="utf-8"))
    due = page.locator("#actions tbody tr").nth(5).locator("input.due")
    due.fill("下周五前")
    due.press("Tab")
    page.wait_for_function("document.querySelectorAll('#actions tbody tr')[5].querySelector('.resolved').textContent.includes('2024-05-17')")
