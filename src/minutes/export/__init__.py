"""Actions out to the tools teams already use: CSV, JSONL, iCalendar, GitHub,
Jira and a Markdown 行动项跟踪表. Every action keeps its stable id, so
importing the same minutes twice creates nothing twice."""
from __future__ import annotations

from .actions import EXPORTERS, export

__all__ = ["EXPORTERS", "export"]
