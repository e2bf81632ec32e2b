"""Minutes written in HTML are read through a same-length markdown copy."""
from __future__ import annotations

from minutes.html import markdown_view

# a blog export of a stand-up: headings, a task table one row a line, a list
PAGE = """<div style = "margin:0 10px;">
<h1 align = "center">Scrum Meeting Alpha - 5</h1>
<h6 align = "right">NewTeam 2024/05/06</h6>
<h3>任务反馈</h3>
<table border = "1">
  <thead>
    <tr><th>团队成员</th><th>已完成</th><th>计划任务</th></tr>
  </thead>
  <tbody>
    <tr><th>安万贺</th><td>完成作业页面</td><td>完成博客API的包装<br><a href = "https://x.org/35">https://x.org/35</a></td></tr>
    <tr><th>李奕君</th><td>完成列表界面</td><td>完成班级首页的跳转</td></tr>
  </tbody>
</table>
</div>
<h3>分工调整</h3>
<ul>
  <li>决定不再按照UI和交互来划分任务。</li>
</ul>
"""


def test_the_copy_keeps_every_offset_and_line_and_writes_the_structure_as_markdown() -> None:
    view = markdown_view(PAGE)
    assert view is not None and len(view) == len(PAGE)
    assert view.count("\n") == PAGE.count("\n")
    lines = view.splitlines()
    assert lines[3].startswith("### 任务反馈")
    assert lines[6].split() == ["|", "团队成员", "|", "已完成", "|", "计划任务|"]
    assert lines[16].split() == ["-", "决定不再按照UI和交互来划分任务。"]
    assert "<" not in view.replace("<br>", "")  # every tag blank but a cell's line break


def test_html_minutes_give_the_rows_tasks_with_their_owners_and_exact_evidence(rec_rules) -> None:
    r = rec_rules(PAGE)
    assert r.meta.date == "2024-05-06"
    planned = [(a.owner, a.source.text) for a in r.actions]
    assert ("安万贺", "完成博客API的包装") in planned and ("李奕君", "完成班级首页的跳转") in planned
    assert not any("完成作业页面" in a.source.text for a in r.actions)  # the done column is no plan
    for item in [*r.actions, *r.consensus]:
        assert PAGE[item.source.start:item.source.end] == item.source.text
    assert [c.source.text for c in r.consensus] == ["决定不再按照UI和交互来划分任务。"]


def test_markdown_with_some_markup_and_a_table_whose_rows_span_lines_are_left_as_written() -> None:
    md = "# 周会\n- 完成登录<br>\n- 修复 bug <img src='a.png'>\n\n| 人员 | 任务 |\n|--|--|\n| 王磊 | 写文档 |\n"
    assert markdown_view(md) is None
    raw = "<h3>a</h3>\n<h3>b</h3>\n<table>\n<tr>\n<td>王磊</td>\n<td>ABD</td>\n</tr>\n<tr><td>x</td></tr>\n</table>\n<h3>c</h3>\n"
    view = markdown_view(raw)
    assert view is not None
    start, end = raw.index("<table>"), raw.index("</table>") + len("</table>")
    assert view[start:end] == raw[start:end]  # the parser passes over raw HTML, as before
