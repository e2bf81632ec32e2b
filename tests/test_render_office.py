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
    assert heads == ["基本信息", "背景与目标", "讨论要点", "共识", "分歧", "行动项", "待补充与模糊表述", "审核与确认"]
    info, actions = d.tables[:2]
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


def test_docx_signoff_block_has_a_signature_line_per_participant() -> None:
    import docx

    text = SAMPLE.read_text(encoding="utf-8") + "\n纪要发出：2024-05-08\n审核人：王敏\n确认：王敏、刘洋\n"
    d = docx.Document(io.BytesIO(renderer("docx")([record_text(text, None, path="product-sync.md")])))
    review, people = d.tables[2:]
    assert [c.text for c in review.rows[0].cells] == ["审核人（发起人）", "审核意见", "签字", "日期"]
    assert review.rows[1].cells[0].text == "王敏"
    rows = [[c.text for c in r.cells] for r in people.rows[1:]]
    assert [r[0] for r in rows] == ["王敏", "刘洋", "赵磊", "孙悦", "周杰", "李强"]
    assert rows[0][1:3] == ["市场部", "已确认"] and rows[2][1:3] == ["销售部", ""]
    assert any("纪要发出：2024-05-08" in p.text for p in d.paragraphs)
    unsigned = docx.Document(io.BytesIO(renderer("docx")([_rec()]))).tables[2]
    assert unsigned.rows[1].cells[0].text == "王敏（市场部）"  # no 审核人 line: the 发起人
