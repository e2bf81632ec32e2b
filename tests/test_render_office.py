"""Word, Excel and HTML records open in what an office uses, in template order."""
from __future__ import annotations

import io

from conftest import SAMPLE
from minutes.ingest import read_path
from minutes.pipeline import record, record_text
from minutes.render import renderer


def _rec():
    return record(read_path(SAMPLE))


def test_docx_has_the_template_sections_and_action_header_in_order() -> None:
    import docx

    d = docx.Document(io.BytesIO(renderer("docx")([_rec()])))
    heads = [p.text for p in d.paragraphs if p.style.name.startswith("Heading 2")]
    assert heads == ["基本信息", "背景与目标", "讨论要点", "共识", "分歧", "行动项", "待补充与模糊表述"]
    info, actions = d.tables
    assert [c.text for c in info.rows[1].cells] == ["沟通主题", "618 大促跨部门协作沟通会"]
    assert [c.text for c in actions.rows[0].cells] == ["序号", "任务描述", "负责人", "截止时间", "完成状态"]
    assert [c.text for c in actions.rows[1].cells][2:4] == ["刘洋", "5月15日前（2024-05-15）"]


def test_xlsx_has_one_sheet_per_part() -> None:
    from openpyxl import load_workbook

    wb = load_workbook(io.BytesIO(renderer("xlsx")([_rec()])))
    assert wb.sheetnames == ["基本信息", "讨论要点", "共识", "分歧", "行动项", "模糊表述"]
    ws = wb["行动项"]
    assert [c.value for c in ws[1]][:5] == ["序号", "任务描述", "负责人", "截止时间", "完成状态"]
    assert ws.max_row == 1 + len(_rec().actions)


def test_html_escapes_user_text() -> None:
    rec = record_text("# 演示<script>alert(1)</script>\n\n- 张三负责在5月15日前修复 <b>XSS</b> 漏洞\n", None)
    page = renderer("html")([rec])
    assert "<script>alert" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;b&gt;XSS&lt;/b&gt;" in page and "<b>" not in page
    assert "http" not in page  # no external resources
