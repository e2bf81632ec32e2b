"""The 行动项跟踪表: actions followed up until closed, in SQLite."""
from __future__ import annotations

from .store import ImportResult, TrackedAction, Tracker, normalize_status

__all__ = ["ImportResult", "TrackedAction", "Tracker", "normalize_status"]
