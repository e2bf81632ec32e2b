"""The record as an Excel workbook: one sheet per part of the template."""
from __future__ import annotations

import io

from ..schema import Record
from .template import ACTION_HEADER, action_rows, meta_rows, xml_safe


def add_sheet(wb, name: str, header: tuple, rows) -> None:
    """A sheet with a bold, frozen header row; cells made XML-safe."""
    from openpyxl.styles import Font

    ws = wb.create_sheet(name)
    ws.append(header)
    for row in rows:
        ws.append([xml_safe(c) for c in row])
    for cell in ws[1]:
        cell.font = Font(bold=True)
    ws.freeze_panes = "A2"


def to_bytes(wb) -> bytes:
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def render(records: list[Record]) -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    many = len(records) > 1
    sheets: dict[str, tuple[tuple[str, ...], list[tuple]]] = {
        "基本信息": (("文件", "项目", "内容"), []),
        "讨论要点": (("文件", "行", "内容"), []),
        "共识": (("文件", "行", "内容"), []),
        "分歧": (("文件", "行", "内容"), []),
        "行动项": (("文件", *ACTION_HEADER, "截止日期", "行", "原文"), []),
        "模糊表述": (("文件", "行", "词语", "规则", "说明"), []),
    }
    for rec in records:
        f = rec.document.path or "-"
        sheets["基本信息"][1].extend((f, k, v) for k, v in meta_rows(rec))
        for name, items in (("讨论要点", rec.discussion), ("共识", rec.consensus), ("分歧", rec.disagreements)):
            sheets[name][1].extend((f, i.source.line, i.text) for i in items)
        for row, a in zip(action_rows(rec), rec.actions):
            sheets["行动项"][1].append((f, *row, a.due or "", a.source.line, a.source.text))
        sheets["模糊表述"][1].extend((f, v.source.line, v.phrase, v.rule, v.message) for v in rec.vague)
    for name, (header, rows) in sheets.items():
        # one file: the 文件 column says nothing, so it is left out
        add_sheet(wb, name, header if many else header[1:], (r if many else r[1:] for r in rows))
    return to_bytes(wb)
