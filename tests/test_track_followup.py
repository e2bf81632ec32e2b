"""Following up to the close: 延期 with reason and date, evidence, reminders
(parsed back with the standard library's email package), sync and review."""
from __future__ import annotations

import email
import json
import shutil
import zipfile
from email import policy

import pytest
from typer.testing import CliRunner

from conftest import ROOT
from minutes.cli.app import app

FLOW = ROOT / "corpora" / "flow"
REC = "2024-09-30-国庆大促协调会.md"
runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, list(args))


@pytest.fixture()
def tracked(tmp_path, monkeypatch):
    shutil.copytree(FLOW, tmp_path / "flow")
    monkeypatch.chdir(tmp_path / "flow")
    assert run("track", "add", REC, "--as-of", "2024-09-30").exit_code == 0
    rows = json.loads(run("track", "list", "-f", "json").stdout)
    return {a["owner"]: a["id"] for a in rows}


def test_delay_needs_reason_and_new_date(tracked) -> None:
    aid = tracked["赵磊"]
    for args in ([], ["--reason", "等数据"], ["--due", "2024-10-18"], ["--reason", " ", "--due", "2024-10-18"]):
        r = run("track", "set", aid, "--status", "延期", *args)
        assert r.exit_code == 2 and r.stdout == "" and len(r.stderr.strip().splitlines()) == 1, args
    assert json.loads(run("track", "list", "-f", "json").stdout)[1]["status"] == "进行中"  # nothing changed
    r = run("track", "set", aid, "--status", "delayed", "--reason", "门店数据需财务复核", "--due", "2024-10-18",
            "--as-of", "2024-10-10")
    assert r.exit_code == 0 and "新截止 2024-10-18" in r.stdout
    from minutes.track import Tracker

    t = Tracker("minutes.db")
    h = [(x["field"], x["old"], x["new"], x["note"]) for x in t.history() if x["action_id"] == aid]
    assert ("status", "进行中", "延期", "门店数据需财务复核") in h
    assert ("due", "2024-10-11", "2024-10-18", "门店数据需财务复核") in h
    assert t.get(aid).reason == "门店数据需财务复核" and t.get(aid).due == "2024-10-18"
    assert run("track", "set", aid, "--status", "进行中").exit_code == 0  # other statuses need neither


def test_close_with_evidence_file_or_link_shown_by_list(tracked, tmp_path) -> None:
    r = run("track", "close", tracked["李强"], "--evidence", "压测报告.md")
    assert r.exit_code == 0
    r = run("track", "close", tracked["赵磊"], "--evidence", "https://wiki.example.com/sales-2024")
    assert r.exit_code == 0
    rows = {a["owner"]: a for a in json.loads(run("track", "list", "-f", "json").stdout)}
    stored = rows["李强"]["proof"]
    assert rows["李强"]["proof_kind"] == "file" and stored.endswith("压测报告.md") and stored != "压测报告.md"
    (tmp_path / "flow" / "压测报告.md").unlink()  # the stored copy outlives the original
    assert "P99" in (tmp_path / "flow" / stored).read_text(encoding="utf-8")
    assert (rows["赵磊"]["proof_kind"], rows["赵磊"]["proof"]) == ("link", "https://wiki.example.com/sales-2024")
    assert rows["李强"]["status"] == "已完成"
    r = run("track", "close", tracked["刘洋"], "--evidence", "no-such.pdf")
    assert r.exit_code == 2 and "no-such.pdf" in r.stderr
    assert {a["owner"]: a["status"] for a in json.loads(run("track", "list", "-f", "json").stdout)}["刘洋"] == "进行中"


def test_remind_writes_md_and_eml_per_owner_parsed_back(tracked, tmp_path) -> None:
    (tmp_path / "flow" / "book.txt").write_text("李强=liqiang@example.com\n", encoding="utf-8")
    r = run("track", "remind", "--as-of", "2024-10-14", "-o", "提醒", "--addresses", "book.txt")
    assert r.exit_code == 0
    out = tmp_path / "flow" / "提醒"
    # 李强 10-09 overdue; 赵磊 10-11 overdue; 刘洋 10-16 due within a week; 孙倩 10-25 is not
    assert sorted(p.name for p in out.iterdir()) == ["刘洋.eml", "刘洋.md", "李强.eml", "李强.md", "赵磊.eml", "赵磊.md"]
    msgs = {p.stem: email.message_from_bytes(p.read_bytes(), policy=policy.default) for p in out.glob("*.eml")}
    li = msgs["李强"]
    assert li["Subject"] == "【行动项提醒】李强：逾期 1 项，7 天内到期 0 项"
    assert li["To"].addresses[0].display_name == "李强" and li["To"].addresses[0].addr_spec == "liqiang@example.com"
    assert li["Date"].datetime.isoformat() == "2024-10-14T09:00:00+08:00"
    body = li.get_content()
    assert body == (out / "李强.md").read_text(encoding="utf-8")
    assert "完成活动页面扩容并给出压测报告：截止 2024-10-09，已逾期 5 天" in body
    assert "还有 2 天" in msgs["刘洋"].get_content() and msgs["刘洋"]["To"].addresses[0].display_name == "刘洋"
    # done items are not chased
    run("track", "close", tracked["李强"])
    shutil.rmtree(out)
    run("track", "remind", "--as-of", "2024-10-14", "-o", "提醒")
    assert not (out / "李强.md").exists()


def test_sync_mail_lists_done_delayed_overdue_and_next_week(tracked, tmp_path) -> None:
    run("track", "set", tracked["赵磊"], "--status", "延期", "--reason", "门店数据需财务复核", "--due", "2024-10-18",
        "--as-of", "2024-10-10")
    run("track", "close", tracked["李强"], "--evidence", "压测报告.md", "--as-of", "2024-10-12")
    r = run("track", "sync", "--as-of", "2024-10-14")
    assert r.exit_code == 0
    text = r.stdout
    assert text.startswith("主题：【进度同步】行动项周报（2024-10-07 至 2024-10-14）")
    done = text.split("## 本期完成")[1].split("##")[0]
    assert "完成活动页面扩容并给出压测报告（李强）：2024-10-12 闭环" in done
    assert "新的截止时间 2024-10-18；原因：门店数据需财务复核" in text
    assert "完成推广方案终稿（刘洋）：截止 2024-10-16" in text.split("## 下周到期")[1]
    (tmp_path / "flow" / "book.txt").write_text("李强=liqiang@example.com\n刘洋=liuyang@example.com\n", encoding="utf-8")
    r = run("track", "sync", "--as-of", "2024-10-14", "--weeks", "2", "-f", "eml", "-o", "sync.eml", "--addresses", "book.txt")
    m = email.message_from_bytes((tmp_path / "flow" / "sync.eml").read_bytes(), policy=policy.default)
    assert "双周报" in m["Subject"] and [a.addr_spec for a in m["To"].addresses] == ["liuyang@example.com", "liqiang@example.com"]
    assert "2024-10-12 闭环" in m.get_content()
    run("track", "sync", "--as-of", "2024-10-14", "-f", "eml", "-o", "sync.eml")
    m = email.message_from_bytes((tmp_path / "flow" / "sync.eml").read_bytes(), policy=policy.default)
    assert m["To"].addresses == ()  # no address book: undisclosed-recipients


@pytest.mark.parametrize("out", ["归档", "归档.zip"])
def test_review_writes_the_summary_and_archives_the_set(tracked, tmp_path, out) -> None:
    run("track", "set", tracked["赵磊"], "--status", "延期", "--reason", "门店数据需财务复核", "--due", "2024-10-18")
    run("track", "close", tracked["李强"], "--evidence", "压测报告.md", "--as-of", "2024-10-12")
    r = run("track", "review", "国庆大促活动上线", REC, "--attach", "brief.md", "--attach", "agenda.md",
            "--as-of", "2024-10-28", "-o", out)
    assert r.exit_code == 0, r.output
    if out.endswith(".zip"):
        z = zipfile.ZipFile(tmp_path / "flow" / out)
        names = set(z.namelist())
        summary = z.read("归档/协作复盘总结.md").decode("utf-8")
    else:
        root = tmp_path / "flow" / out
        names = {f"归档/{p.relative_to(root).as_posix()}" for p in root.rglob("*") if p.is_file()}
        summary = (root / "协作复盘总结.md").read_text(encoding="utf-8")
    assert {"归档/协作复盘总结.md", f"归档/纪要/{REC}", "归档/附件/brief.md", "归档/附件/agenda.md",
            "归档/行动项跟踪表.csv", "归档/证明材料/" + tracked["李强"] + "-压测报告.md"} <= names
    assert "2024-10-11 → 2024-10-18（原因：门店数据需财务复核）" in summary
    assert "2024-10-12 完成；原定 2024-10-09，没有延期记录和原因" in summary
    assert json.loads(run("track", "list", "-f", "json").stdout) == []  # archived
    assert run("track", "review", "x", "--attach", "missing.md").exit_code == 2


def test_review_without_records_takes_everything_open(tracked, tmp_path) -> None:
    r = run("track", "review", "全部", "--as-of", "2024-10-28", "-o", "out")
    assert r.exit_code == 0 and "4 个行动项（4 项标记为已归档）" in r.stdout
    root = tmp_path / "flow" / "out"
    assert (root / "纪要" / REC).is_file() and "逾期 12 天未完成" in (root / "协作复盘总结.md").read_text(encoding="utf-8")
    assert json.loads(run("track", "list", "-f", "json").stdout) == []
