"""The record as one standalone HTML page: no external resources, every
piece of text escaped (a record quoting `<script>` shows it as text)."""
from __future__ import annotations

from html import escape

from ..schema import Record
from .template import ACTION_HEADER, action_rows, findings, meta_rows, title

_CSS = ("body{font-family:system-ui,'PingFang SC','Microsoft YaHei',sans-serif;max-width:60rem;margin:2rem auto;"
        "padding:0 1rem;color:#222}table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}"
        "th,td{border:1px solid #bbb;padding:.35rem .5rem;text-align:left;vertical-align:top}th{background:#f2f2f2}"
        ".line{color:#888;font-size:.85em}")


def _table(header: tuple[str, ...], rows: list[tuple[str, ...]]) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _one(rec: Record) -> str:
    m = rec.meta
    parts = [f"<h1>{escape(title(rec))}</h1>", "<h2>基本信息</h2>", _table(("项目", "内容"), meta_rows(rec)),
             "<h2>背景与目标</h2>", f"<p>背景：{escape(m.background or '—')}</p><p>目标：{escape(m.goals or '—')}</p>"]
    for name, items in (("讨论要点", rec.discussion), ("共识", rec.consensus), ("分歧", rec.disagreements)):
        lis = "".join(f"<li>{escape(i.text)} <span class=line>第{i.source.line}行</span></li>" for i in items)
        parts.append(f"<h2>{name}</h2><ul>{lis or '<li>无</li>'}</ul>")
    parts += ["<h2>行动项</h2>", _table(ACTION_HEADER, action_rows(rec))]
    lis = "".join(f"<li>{escape(f)}</li>" for f in findings(rec))
    parts.append(f"<h2>待补充与模糊表述</h2><ul>{lis or '<li>无</li>'}</ul>")
    return "<section>" + "".join(parts) + "</section>"


def render(records: list[Record]) -> str:
    name = escape(title(records[0])) if records else "会议记录"
    body = "<hr>".join(_one(r) for r in records)
    return (f"<!doctype html><html lang=zh-CN><head><meta charset=utf-8><title>{name}</title>"
            f"<style>{_CSS}</style></head><body>{body}</body></html>\n")
