"""meta.process in the record, and the process lint rules with a passing and
a failing example each (beyond the rule files' own examples)."""
from __future__ import annotations

import json
from datetime import date

from typer.testing import CliRunner

from minutes.cli.app import app
from minutes.ingest import decode
from minutes.lint import lint_doc
from minutes.lint.config import Config
from minutes.pipeline import record_text

runner = CliRunner()
HEAD = "# 国庆大促上线协调会\n\n- 会议时间：2024-09-30 14:00-15:30\n- 参会人员：王敏、刘洋、李强\n- 记录人：陈晓\n\n"
TAIL = "\n申请发出：2024-09-25\n议程发出：9月27日\n纪要发出：2024-10-09\n审核人：王敏（市场部）\n确认：王敏、刘洋、李强\n"
ACTIONS = "## 行动项\n\n| 任务描述 | 负责人 | 截止时间 | 完成状态 |\n| --- | --- | --- | --- |\n| 完成压测报告 | 李强 | 10月9日 | 进行中 |\n"


def rules(text: str, sent: date | None = None) -> dict[str, list]:
    found = lint_doc(decode(text.encode("utf-8"), path="m.md"), Config(), date(2024, 10, 9), sent=sent).findings
    out: dict[str, list] = {}
    for f in found:
        out.setdefault(f.rule, []).append(f)
    return out


def test_process_lines_become_meta_process_and_no_actions() -> None:
    rec = record_text(HEAD + ACTIONS + TAIL)
    p = rec.meta.process
    assert (p.request_sent, p.agenda_sent, p.record_sent) == ("2024-09-25", "2024-09-27", "2024-10-09")
    assert p.reviewer == "王敏" and p.confirmed and p.confirmed_by == ["王敏", "刘洋", "李强"]
    assert p.lines["record_sent"] == HEAD.count("\n") + ACTIONS.count("\n") + 4
    assert [a.task for a in rec.actions] == ["完成压测报告"]


def test_json_without_process_lines_keeps_the_old_shape() -> None:
    d = json.loads(record_text(HEAD + ACTIONS).model_dump_json())
    assert "process" not in d["meta"]
    assert set(d["meta"]) == {"topic", "date", "time", "location", "participants", "departments", "initiator",
                              "recorder", "background", "goals", "date_source"}
    assert "process" in json.loads(record_text(HEAD + TAIL).model_dump_json())["meta"]


def test_late_record_from_the_text_and_from_sent() -> None:
    assert "process/late-record" not in rules(HEAD + ACTIONS + TAIL)  # 10-09 is the 2nd working day after 09-30
    late = rules(HEAD + ACTIONS + TAIL.replace("2024-10-09", "2024-10-10"))["process/late-record"]
    assert "最晚 2024-10-09" in late[0].message and late[0].evidence == "纪要发出：2024-10-10"
    assert "process/late-record" in rules(HEAD + ACTIONS, sent=date(2024, 10, 10))
    assert "process/late-record" not in rules(HEAD + ACTIONS, sent=date(2024, 10, 8))
    assert "process/late-record" not in rules(HEAD + ACTIONS)  # no date known: nothing to say


def test_late_record_cli_option(tmp_path) -> None:
    f = tmp_path / "m.md"
    f.write_text(HEAD + ACTIONS, encoding="utf-8")
    r = runner.invoke(app, ["lint", str(f), "--as-of", "2024-10-09", "--sent", "2024-10-10", "--format", "json"])
    assert "process/late-record" in {x["rule"] for x in json.loads(r.stdout)}
    assert runner.invoke(app, ["lint", str(f), "--sent", "10/10"]).exit_code == 2


def test_unreviewed() -> None:
    assert rules(HEAD + ACTIONS)["process/unreviewed"][0].message == "纪要缺少审核人、参会人确认"
    assert rules(HEAD + ACTIONS + "审核人：王敏\n")["process/unreviewed"][0].message == "纪要缺少参会人确认"
    assert rules(HEAD + ACTIONS + "审核人：王敏\n确认：待确认\n")["process/unreviewed"][0].message == "纪要缺少参会人确认"
    assert "process/unreviewed" not in rules(HEAD + ACTIONS + TAIL)


def test_disagreement_needs_views_follower_and_next_talk() -> None:
    base = HEAD + "## 分歧\n\n- 预算分配存在分歧"
    views = "\n  - 销售部观点：加大线下投入\n  - 市场部观点：优先线上预算"
    follow = "\n  - 后续跟进人：王敏"
    nxt = "\n  - 下次沟通时间：10月9日"
    msg = lambda t: [f.message for f in rules(t + "\n" + TAIL).get("disagreement/no-followup", [])]  # noqa: E731
    assert msg(base) == ["分歧缺少各方观点、后续跟进人、下次沟通时间"]
    assert msg(base + views) == ["分歧缺少后续跟进人、下次沟通时间"]
    assert msg(base + views + follow) == ["分歧缺少下次沟通时间"]
    assert msg(base + views + follow + nxt) == []
    assert msg(base + views + nxt) == ["分歧缺少后续跟进人"]
    inline = HEAD + "## 分歧\n\n- 预算存在分歧：销售部认为应加大线下投入，市场部认为应优先线上。后续跟进人：王敏；下次沟通时间：10月9日。\n"
    assert msg(inline) == []


def test_action_missing_any_of_the_four_columns() -> None:
    got = lambda t: [f.message for f in rules(HEAD + t + TAIL).get("action/incomplete", [])]  # noqa: E731
    assert got(ACTIONS) == []
    assert got(ACTIONS.replace("| 进行中 |", "|  |")) == []  # a status column, empty cell: still a column …
    no_status = "## 行动项\n\n| 任务描述 | 负责人 | 截止时间 |\n| --- | --- | --- |\n| 完成压测报告 | 李强 | 10月9日 |\n"
    assert got(no_status) == ["行动项缺少完成状态"]
    assert got("## 行动项\n\n- 李强负责完成压测报告（进行中）\n") == ["行动项缺少截止时间"]
    assert got("## 行动项\n\n- [x] 李强负责在10月9日前完成压测报告\n") == []


def test_a_task_written_after_a_process_key_stays_an_action() -> None:
    rec = record_text(HEAD + "## 行动项\n\n- 确认：张三负责在10月9日前确认物料清单\n- 审核人：王敏\n\n确认：王敏、张三\n")
    assert [(a.owner, a.due) for a in rec.actions] == [("张三", "2024-10-09")]
    assert (rec.meta.process.reviewer, rec.meta.process.confirmed_by) == ("王敏", ["王敏", "张三"])


def test_zhengli_riqi_is_the_record_date_and_can_be_late() -> None:
    text = HEAD + ACTIONS + "\n整理日期：10月10日\n审核人：王敏\n确认：全体参会人员已确认\n"
    p = record_text(text).meta.process
    assert p.record_sent == "2024-10-10" and p.confirmed_by == ["王敏", "刘洋", "李强"]
    assert "process/late-record" in rules(text)
