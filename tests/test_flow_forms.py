"""minutes request / feedback / agenda: the forms before the meeting."""
from __future__ import annotations

import io
import json
import shutil

import docx
import pytest
from typer.testing import CliRunner

from conftest import ROOT
from minutes.cli.app import app
from minutes.flow.agenda import agenda_from_text, parse_item
from minutes.flow.request import brief_from_text, check

FLOW = ROOT / "corpora" / "flow"
runner = CliRunner()


@pytest.fixture()
def flow(tmp_path, monkeypatch):
    shutil.copytree(FLOW, tmp_path / "flow")
    monkeypatch.chdir(tmp_path / "flow")
    return tmp_path / "flow"


def test_brief_from_markdown_and_the_send_check() -> None:
    b = check(brief_from_text((FLOW / "brief.md").read_text(encoding="utf-8"), "brief.md"))
    assert b.topic == "国庆大促活动上线" and b.date == "2024-09-30" and b.time == "14:00-15:30"
    assert b.departments == {"市场部": ["王敏", "刘洋"], "技术部": ["李强"], "销售部": ["赵磊"], "财务部": ["孙倩"]}
    assert (b.sent, b.last_send, b.on_time, b.feedback_due) == ("2024-09-25", "2024-09-27", True, "2024-09-26")


def test_brief_from_toml_is_the_same() -> None:
    toml = '''"主题" = "国庆大促活动上线"
initiator = "王敏（市场部）"
"时间" = "2024-09-30 14:00-15:30"
outputs = "确定的上线日期"
sent = 2024-09-28
[departments]
"市场部" = ["王敏", "刘洋"]
"技术部" = ["李强"]
'''
    b = check(brief_from_text(toml, "brief.toml"))
    assert b.departments == {"市场部": ["王敏", "刘洋"], "技术部": ["李强"]}
    assert b.on_time is False and "晚了 1 个工作日" in b.check  # Saturday 09-28 is after Friday 09-27
    with pytest.raises(Exception, match="unknown key"):
        brief_from_text('typo = "x"\n', "brief.toml")


def test_request_cli_md_docx_json_and_exit_codes(flow) -> None:
    r = runner.invoke(app, ["request", "brief.md"])
    assert r.exit_code == 0 and "最晚发出 | 2024-09-27（会前至少 2 个工作日）" in r.stdout
    r = runner.invoke(app, ["request", "brief.md", "--sent", "2024-09-29"])  # the make-up Sunday: too late
    assert r.exit_code == 1 and "✗ 申请表最晚 2024-09-27 发出" in r.stdout
    r = runner.invoke(app, ["request", "brief.md", "-f", "docx", "-o", "申请表.docx"])
    assert r.exit_code == 0
    d = docx.Document(io.BytesIO((flow / "申请表.docx").read_bytes()))
    cells = [c.text for t in d.tables for row in t.rows for c in row.cells]
    assert "涉及部门及核心人员" in cells and "2024-09-27（会前至少 2 个工作日）" in cells
    r = runner.invoke(app, ["request", "--topic", "接口联调", "--date", "2024-10-08", "--departments",
                            "技术部：李强；产品部：孙悦", "--sent", "2024-09-29", "-f", "json"])
    data = json.loads(r.stdout)
    assert r.exit_code == 0 and data["last_send"] == "2024-09-29" and data["departments"]["产品部"] == ["孙悦"]
    assert runner.invoke(app, ["request", "--topic", "x"]).exit_code == 2  # no meeting date
    assert runner.invoke(app, ["request", "missing.md"]).exit_code == 2
    assert runner.invoke(app, ["request", "brief.md", "-f", "docx"]).exit_code == 2  # binary needs -o


def test_feedback_summary_flags_late_answers_and_conflicts(flow) -> None:
    r = runner.invoke(app, ["feedback", "brief.md", "feedback/技术部.md", "feedback/销售部.md", "feedback/财务部.md",
                            "-f", "json"])
    assert r.exit_code == 1  # 销售部 answered on 09-27, later than 1 working day after 09-25
    s = json.loads(r.stdout)
    assert s["due"] == "2024-09-26"
    assert {a["department"]: a["late"] for a in s["answers"]} == {"技术部": False, "销售部": True, "财务部": False}
    assert s["missing"] == []  # 市场部 is the requester
    handling = {c["department"]: (c["handling"], c["with_departments"]) for c in s["conflicts"]}
    assert handling == {"技术部": ("一对一沟通", ["市场部"]), "销售部": ("升级至负责领导", ["市场部"])}
    assert {c["settle_by"] for c in s["conflicts"]} == {"2024-09-29"}  # the make-up Sunday before the meeting
    r = runner.invoke(app, ["feedback", "brief.md", "feedback/技术部.md", "--as-of", "2024-09-27"])
    assert r.exit_code == 1 and "| 销售部 | — | 未反馈 | 逾期 |" in r.stdout and "未反馈（已过截止日）：销售部、财务部" in r.stdout
    r = runner.invoke(app, ["feedback", "brief.md", "feedback/技术部.md", "--as-of", "2024-09-26"])  # still due today
    assert r.exit_code == 0 and "| 销售部 | — | 未反馈 | 待反馈 |" in r.stdout and "尚未反馈：销售部、财务部" in r.stdout
    r = runner.invoke(app, ["feedback", "brief.md", "feedback/技术部.md", "feedback/财务部.md", "feedback/销售部.md",
                            "--sent", "2024-09-26"])
    assert r.exit_code == 0 and "逾期" not in r.stdout.split("## 提醒")[1]


def test_agenda_items_total_and_send_check(flow) -> None:
    a = agenda_from_text((FLOW / "agenda.md").read_text(encoding="utf-8"), "agenda.md")
    assert [(i.title, i.minutes, i.presenter) for i in a.items][:2] == [("活动方案与上线时间", 20, "王敏"),
                                                                        ("压测结果与发布窗口", 25, "李强")]
    assert (a.total_minutes, a.meeting_minutes, a.last_send, a.on_time, a.problems) == (85, 90, "2024-09-29", True, [])
    assert a.participants == ["王敏", "刘洋", "李强", "赵磊", "孙倩"]
    r = runner.invoke(app, ["agenda", "agenda.md", "--sent", "2024-10-01"])
    assert r.exit_code == 1 and "议程最晚 2024-09-29 发出" in r.stdout
    long = (FLOW / "agenda.md").read_text(encoding="utf-8").replace("30分钟", "40分钟")
    (flow / "long.md").write_text(long, encoding="utf-8")
    r = runner.invoke(app, ["agenda", "long.md"])
    assert r.exit_code == 1 and "议题合计 95 分钟，超过会议时长 90 分钟" in r.stdout


def test_agenda_takes_what_it_lacks_from_the_request(flow) -> None:
    (flow / "bare.md").write_text("## 议题\n\n- 上线时间 15分钟\n- 预算 主讲：赵磊 20分钟\n- 其他\n", encoding="utf-8")
    r = runner.invoke(app, ["agenda", "bare.md", "--request", "brief.md", "-f", "json"])
    a = json.loads(r.stdout)
    assert a["topic"] == "国庆大促活动上线" and a["date"] == "2024-09-30" and a["meeting_minutes"] == 90
    assert [(i["title"], i["minutes"], i["presenter"]) for i in a["items"]] == [
        ("上线时间", 15, None), ("预算", 20, "赵磊"), ("其他", None, None)]
    assert r.exit_code == 1 and a["problems"] == ["议题 3「其他」没有写时长"]


def test_parse_item_forms() -> None:
    assert parse_item("1. 预算分配（30分钟，赵磊）").model_dump() == {"title": "预算分配", "minutes": 30, "presenter": "赵磊"}
    assert parse_item("- 复盘 10 min").minutes == 10


def test_feedback_reads_the_generated_request_form_md_or_docx(flow) -> None:
    runner.invoke(app, ["request", "brief.md", "-o", "申请表.md"])
    runner.invoke(app, ["request", "brief.md", "-f", "docx", "-o", "申请表.docx"])
    for form in ("申请表.md", "申请表.docx"):
        r = runner.invoke(app, ["feedback", form, "feedback/技术部.md", "feedback/销售部.md", "feedback/财务部.md",
                                "-f", "json"])
        s = json.loads(r.stdout)
        assert (s["topic"], s["date"], s["due"]) == ("国庆大促活动上线", "2024-09-30", "2024-09-26"), form
        assert [a["department"] for a in s["answers"] if a["late"]] == ["销售部"] and s["missing"] == []
