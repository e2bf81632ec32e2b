"""Markdown tables and Word documents for the flow's forms, built with the
record renderers' helpers (the same table style and XML-safe text)."""
from __future__ import annotations

import io


def cell(s: object) -> str:
    return str(s if s is not None else "—").replace("|", "\\|").replace("\n", " ")


def md_table(header: tuple[str, ...], rows) -> list[str]:
    out = ["| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
    out += ["| " + " | ".join(cell(c) for c in r) + " |" for r in rows]
    return out


def docx_doc(title: str, tables: list[tuple[str | None, tuple[str, ...], list[tuple]]], notes: list[str],
             lists: list[tuple[str, list[str]]] = ()) -> bytes:
    import docx

    from ..render.docx import _table
    from ..render.template import xml_safe

    doc = docx.Document()
    doc.add_heading(xml_safe(title), level=1)
    for heading, header, rows in tables:
        if heading:
            doc.add_heading(xml_safe(heading), level=2)
        if rows:
            _table(doc, header, [tuple(str(c if c is not None else "—") for c in r) for r in rows])
        else:
            doc.add_paragraph("无")
    for heading, items in lists:
        doc.add_heading(xml_safe(heading), level=2)
        for it in items or ["无"]:
            doc.add_paragraph(xml_safe(it), style="List Bullet")
    for n in notes:
        doc.add_paragraph(xml_safe(n))
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()
