"""Metadata, consensus, disagreements and vague phrases on realistic snippets."""
from __future__ import annotations

import pytest

from conftest import SAMPLE, assert_evidence

# fmt: off
CONSENSUS = [
    "经讨论，一致同意采用方案B。",
    "会议决定下周起实行双周迭代。",
    "结论：以 rfc 形式跟进，和上个月的 rfc 事项合并。",
    "双方达成一致：按季度结算。",
    "投票结果：7票赞成，全票通过。",
]
NOT_CONSENSUS = [
    "是否同意该方案？",
    "历史结论：Yukari 会后会与 zeno 沟通。",
    "暂未达成一致。",
    "需要分析用户问题来决定提供何种文档。",
]
DISAGREEMENTS = [
    "销售部认为应加大投放，市场部则认为应控制预算。",
    "对预算比例存在分歧。",
    "暂未达成一致，待下次会议讨论。",
    "这个需要法务确认。",
    "Revy: 我不认可上述结论。",
]
NOT_DISAGREEMENTS = ["与会人员无异议。", "同意采用方案B。", "一些行为可能需要确认。"]
# fmt: on


@pytest.mark.parametrize("text", CONSENSUS)
def test_consensus(rec, text: str) -> None:
    r = rec(text)
    assert len(r.consensus) == 1 and r.consensus[0].source.text == text.strip()


@pytest.mark.parametrize("text", NOT_CONSENSUS)
def test_not_consensus(rec, text: str) -> None:
    assert rec(text).consensus == []


@pytest.mark.parametrize("text", DISAGREEMENTS)
def test_disagreement(rec, text: str) -> None:
    assert len(rec(text).disagreements) == 1


@pytest.mark.parametrize("text", NOT_DISAGREEMENTS)
def test_not_disagreement(rec, text: str) -> None:
    assert rec(text).disagreements == []


def test_alternatives_under_an_open_question(rec) -> None:
    text = "- 周期任务结束时如何切换状态（待解决）\n  > 方案一 前端轮询\n  > 方案二 用户自行判断\n"
    r = rec(text)
    assert [d.source.text for d in r.disagreements] == [
        "周期任务结束时如何切换状态（待解决）", "方案一 前端轮询", "方案二 用户自行判断"]
    assert r.actions == []


@pytest.mark.parametrize("text, flagged", [
    ("- 张三负责近期安排一次评审", ["近期"]),
    ("- 临近期末，李四负责整理材料", []),
    ("- 王五负责在合适时间通知大家", []),
    ("- 赵六负责统计选择期间的数据", []),
    ("- 陈七负责实现待定义的接口", []),
    ("- 推进人员待定，由 TC 提供参考指南", ["待定"]),
    ("近期社区开发者贡献了 operator。", []),
])
def test_vague_phrases_with_guards(rec, text: str, flagged: list[str]) -> None:
    assert [f.phrase for f in rec(text).vague] == flagged


def test_meta_from_header_lines_and_departments(rec) -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    r = rec(text, None)
    m = r.meta
    assert (m.topic, m.date, m.time, m.recorder) == ("618 大促跨部门协作沟通会", "2024-05-06", "14:00-15:30", "陈晓")
    assert m.location == "3楼大会议室 + 腾讯会议"
    assert m.departments["市场部"] == ["王敏", "刘洋"] and "李强" in m.participants
    assert m.background and m.goals
    assert_evidence(r, text)


@pytest.mark.parametrize("text, expected", [
    ("Data 日期：2023-03-02\nHost 主持人：张三\n", ("2023-03-02", "张三")),
    ("# 2023年5月14日 项目委员会例会会议纪要\n", ("2023-05-14", None)),
    ("本次（2022/11/23）社区会议合并进行。\n", ("2022-11-23", None)),
])
def test_meeting_date_and_host(rec, text: str, expected) -> None:
    m = rec(text, None).meta
    assert (m.date, m.initiator) == expected


def test_date_from_file_name_when_text_has_none(rec) -> None:
    m = rec("会议纪要\n- 张三负责明天提交周报\n", None, path="minutes/2024-03-08-weekly.md").meta
    assert (m.date, m.date_source) == ("2024-03-08", "filename")


def test_missing_fields_are_listed(rec) -> None:
    r = rec("- 张三负责整理材料\n", None)
    fields = {x.field for x in r.missing}
    assert {"topic", "date", "recorder", "due"} <= fields


def test_decision_list_under_a_resolutions_heading(rec) -> None:
    r = rec("## 会议决议\n1. 同意采用微服务架构重构订单系统。\n2. 数据库统一迁移到 PostgreSQL 15。\n")
    assert [c.text for c in r.consensus] == ["同意采用微服务架构重构订单系统。", "数据库统一迁移到 PostgreSQL 15。"]
