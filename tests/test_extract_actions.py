"""Actions, owners and deadlines on realistic snippets, and what is not an action."""
from __future__ import annotations

import pytest

from conftest import assert_evidence

# fmt: off
ACTIONS = [
    # text, owner, due, due_text
    ("张三负责在9月15日前完成推广方案", "张三", "2024-09-15", "9月15日前"),
    ("由销售部提供历史销售数据", "销售部", None, None),
    ("会后请李四整理纪要并发送各部门", "李四", None, None),
    ("@赵六 下周三前给出评估", "赵六", "2024-05-15", "下周三前"),
    ("遗留问题：接口文档由产品部补充，责任人：陈七，完成时间：6月30日", "陈七", "2024-06-30", "6月30日"),
    ("- 1、任务概述，章玉婷负责，在周五之前push上第一版", "章玉婷", "2024-05-10", "周五之前"),
    ("- 测试准备：图图负责，在周日之前push上第一版", "图图", "2024-05-12", "周日之前"),
    ("- 李强负责活动页面扩容，3个工作日内给出压测报告", "李强", "2024-05-09", "3个工作日内"),
    ("稍后社区将提交新的 PR 来进行详细描述。", "社区", None, "稍后"),
    ("- 学员们需要在 2024/5/20 - 2024/5/24 期间参与集中答辩", "学员们", "2024-05-24", "2024/5/20 - 2024/5/24"),
    ("- 需要 dde-sig 以及 @myml 进行商店程序相关的排查", "dde-sig、myml", None, None),
    # 各位/全体/所有 stay with the group, as the annotation guide keeps them
    ("请各位 TC 成员在相关频道中，根据提示进行决议。", "各位 TC 成员", None, None),
    ("网站业务流程初步结束，需要张鹏整理出相关流程图", "张鹏", None, None),
]
NOT_ACTIONS = [
    "已完成接口联调。",
    "同意采用方案B。",
    "- 是否需要增加预算？",
    "本次会议议程：同步进展、讨论预算。",
    "欢迎社区一起来 review 与完善。",
    "@xzl01 在跟进此事",
    "申请时需要提供 GitHub ID 和 AI Studio UID。",
    "市场部介绍了今年的推广思路。",
    "班主任、负责人、助教、导师、学员依次自我介绍，相互认识。",
]
# fmt: on


@pytest.mark.parametrize("text, owner, due, due_text", ACTIONS)
def test_action_fields(rec, text: str, owner: str, due: str | None, due_text: str | None) -> None:
    r = rec(text)
    assert len(r.actions) == 1, r.actions
    a = r.actions[0]
    assert (a.owner, a.due, a.due_text) == (owner, due, due_text)
    assert a.due_text is None or a.due_text in a.source.text
    assert owner.split("、")[0] not in a.task
    assert_evidence(r, text)


@pytest.mark.parametrize("text", NOT_ACTIONS)
def test_not_actions(rec, text: str) -> None:
    assert rec(text).actions == []


def test_block_owner_applies_to_each_item(rec) -> None:
    r = rec("以下由市场部负责：\n- 梳理活动规则说明，月底前上线帮助中心\n- 评估会员积分玩法的可行性\n")
    assert [(a.owner, a.due) for a in r.actions] == [("市场部", "2024-05-31"), ("市场部", None)]


def test_table_plan_column_gives_owner_and_due(rec) -> None:
    text = ("| 姓名 | 今日已完成 | 明日计划 |\n| --- | --- | --- |\n"
            "| 岳桐宇 | 搭建环境 | [#21 设计网页原型](https://x/21)<br/>[#22 编写测试](https://x/22) |\n")
    r = rec(text, "2016-10-19")
    assert [(a.task, a.owner, a.due, a.due_text) for a in r.actions] == [
        ("#21 设计网页原型", "岳桐宇", "2016-10-20", None),
        ("#22 编写测试", "岳桐宇", "2016-10-20", None),
    ]
    assert_evidence(r, text)


def test_checkbox_items_are_actions_with_status(rec) -> None:
    r = rec("## 后续行动\n\n* [x] ~~各分会场志愿者名单@许银⏰2024-06-08 18:00~~\n* [ ] 翻译志愿者名单@朱庆裕\n")
    assert [(a.owner, a.due, a.status) for a in r.actions] == [("许银", "2024-06-08", "已完成"), ("朱庆裕", None, "open")]


def test_speaker_promise_is_the_speakers_action_but_opinions_are_not(rec) -> None:
    r = rec("zeno: 可以接受，会后会和 xzl01 一侧讨论，发起到新的 rfc 中\nrevy: 期望有专门的 release sig 主导版本发布\n")
    assert [a.owner for a in r.actions] == ["zeno"]


def test_vague_owner_and_deadline_are_marked(rec) -> None:
    r = rec("- 相关部门尽快确认物料清单")
    a = r.actions[0]
    assert a.owner == "相关部门" and a.vague and a.due is None
    assert {f.phrase for f in r.vague} == {"相关部门", "尽快"}


def test_no_meeting_date_means_no_relative_due(rec) -> None:
    r = rec("- 张三下周三前给出评估\n- 李四负责在2024年6月30日前提交报告", meeting=None)
    assert [(a.due, a.due_text) for a in r.actions] == [(None, "下周三前"), ("2024-06-30", "2024年6月30日前")]


def test_running_log_resolves_against_each_entry_date(rec) -> None:
    text = "#### 会议6\n\n时间：5月20日\n\n- 章玉婷负责，在周五之前push\n\n#### 会议7\n\n时间：6月14日\n\n- 图图负责，在周一之前push\n"
    r = rec(text, "2024-05-20")
    assert [a.due for a in r.actions] == ["2024-05-24", "2024-06-17"]


def test_action_table_columns(rec) -> None:
    text = ("| 序号 | 任务 | 负责人 | 截止时间 | 状态 |\n| --- | --- | --- | --- | --- |\n"
            "| 1 | 完成接口文档 | 张三 | 5月15日 | 进行中 |\n| 2 | 部署测试环境 | 运维组 | 下周三 | 已完成 |\n"
            "| 3 | 评估第三方 SDK | 李四、王五 | 尽快 | 延期 |\n")
    r = rec(text)
    assert [(a.task, a.owners, a.due, a.status) for a in r.actions] == [
        ("完成接口文档", ["张三"], "2024-05-15", "进行中"),
        ("部署测试环境", ["运维组"], "2024-05-15", "已完成"),
        ("评估第三方 SDK", ["李四", "王五"], None, "延期"),
    ]
    assert r.actions[2].vague and [f.phrase for f in r.vague] == ["尽快"]
    assert_evidence(r, text)


def test_plan_section_lines_name_their_owner(rec) -> None:
    text = ("参会人员：研发部：张三、李四；测试部：王五\n\n## 下一步工作\n- 张三：3月20日前输出订单服务拆分方案\n"
            "- 测试部提供性能基线数据\n- [ ] @alice 修复登录页报错 (due 3/15)\n")
    r = rec(text, "2024-03-12")
    assert r.meta.departments == {"研发部": ["张三", "李四"], "测试部": ["王五"]}
    assert [(a.owner, a.due, a.task) for a in r.actions] == [
        ("张三", "2024-03-20", "输出订单服务拆分方案"),
        ("测试部", None, "提供性能基线数据"),
        ("alice", "2024-03-15", "修复登录页报错"),
    ]
