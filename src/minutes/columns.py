"""The column headers of a task table (| 任务 | 负责人 | 截止时间 | 状态 |).

Read by the structure parser, to see a task table that has no Markdown rule
line (a Word table pasted as text: "拟办事项 | 负责人 | 截止时间"), and by
the action-table reader, to take each row's fields from its columns.
"""
from __future__ import annotations

import re

from . import rx

# (a review's "| 改进项 | 负责人 | 截止日期 |" lists what is to be improved: its rows are tasks)
TASK_COL = rx.compile(r"任务|事项|工作|内容|行动|待办|计划|主题|议题|需求|功能|描述|改进|措施|举措|Task|Action|Item|Topic|Description",
                      re.I)
OWNER_COL = rx.compile(r"负责人|责任人|负责部门|责任部门|执行人|承办|相关人|对接人|跟进人|认领|分配给|指派|^负责$|所有者|"
                        r"^何人$|Owner|Assignee|Who|DRI", re.I)
# a column of work done or of problems met holds no task ("两日内已完成的工作")
DONE_COL = rx.compile(r"已完成|已做|完成情况|进展|困难|问题|总结|Done|Progress", re.I)
# a column of who ("组员", "成员"): the owner when the other owner-like column is a
# bare "负责" holding each one's area (后端, PM) rather than a name
PERSON_COL = rx.compile(r"^(?:小组|项目|团队)?(?:组员|成员|姓名|人员|队员|名字|同学|Name|Member)$", re.I)
DUE_COL = rx.compile(r"截止|完成时间|完成日期|时间节点|期限|时限|闭环|DDL|Due|Deadline|ETA|^预计(?:完成)?时间$|^(?:计划|预计)完成(?:日期)?$|^何时$", re.I)
# a tracked problem with who and by when is work to do ("| 问题 | 负责人 | 计划完成 |")
ISSUE_COL = rx.compile(r"^(?:遗留)?问题(?:描述)?$")
# a 督办 table's 进展情况 says where each row stands (进行中, 已完成)
STATUS_COL = rx.compile(r"状态|进度|进展情况|执行情况|落实情况|办理情况|Status", re.I)


# the keys of a meeting's form (a Word 会议记录表 pasted as rows: "| 会议名称 | 第八次会议 |",
# "| 会议时间 | 2015 9 18 | 会议地点 | 宿舍 |"): a first row so opened is a row, no header.
# Not the meta pack's field names: those also name a roster's columns ("| 成员 | 任务 |"
# is a header over named columns), and a form is told by its first key alone
FORM_KEY = rx.compile(r"会议(?:名称|主题|题目|时间|日期|地点|内容|结果|结论|纪要|记录|议题|类型|形式)|(?:主要|讨论)?议题|"
                      r"(?:参会|与会|出席|缺席|列席|参加)(?:人员|者|人)|主持人?|记录人?(?:员)?|时间|地点|日期")


def is_form_row(cells: list[str]) -> bool:
    """Does a first row open a form of keys and values rather than name columns:
    a meeting field first, its value beside it?"""
    cells = [header_name(c) for c in cells]
    return len(cells) >= 2 and FORM_KEY.fullmatch(cells[0]) is not None and FORM_KEY.fullmatch(cells[1]) is None


# Word centres a short header by spacing it out ("姓  名", "条  目")
_SPACED = rx.compile(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])")


def header_name(cell: str) -> str:
    """A header cell as a name: "姓  名" is 姓名."""
    return _SPACED.sub("", cell.strip())


def is_task_header(cells: list[str]) -> bool:
    """Are these the header cells of a task table: a column of work and a
    column of who (负责人, or 姓名/成员 beside the work) or by when, each a short name?"""
    cells = [header_name(c) for c in cells]
    if len(cells) < 2 or any(len(c) > 12 for c in cells):
        return False
    return any(TASK_COL.search(c) and not DONE_COL.search(c) for c in cells) and \
        any(OWNER_COL.search(c) or DUE_COL.search(c) or PERSON_COL.match(c) for c in cells)
