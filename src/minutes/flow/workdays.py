"""Working days of the collaboration process, on the deadline resolver's own
calendar (chinese_calendar: official holidays and make-up working days).

The process deadlines, each a pure function of dates:

- 申请表: sent at least 2 working days before the meeting. The last day to
  send it is the 2nd working day counted back from the meeting day (meeting
  on Monday → the Thursday before; a make-up Sunday counts as a working day).
- 需求反馈: each department answers within 1 working day of the request.
- 议程: sent at least 1 day before the meeting, counted in working days, so an
  agenda sent on the last day of a holiday does not count as "the day before".
- 纪要: circulated within 2 working days after the meeting.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from ..errors import InputError
from ..resolve.dates import _is_workday, _nth_workday

REQUEST_DAYS = 2  # 申请表: ≥ 2 working days before the meeting
FEEDBACK_DAYS = 1  # 反馈: within 1 working day of the request
AGENDA_DAYS = 1  # 议程: ≥ 1 (working) day before the meeting
RECORD_DAYS = 2  # 纪要: within 2 working days after the meeting


def is_workday(d: date) -> bool:
    return _is_workday(d)


def add_workdays(d: date, n: int) -> date:
    """The n-th working day after `d` (d itself not counted)."""
    try:
        return _nth_workday(d, n)
    except OverflowError:
        raise InputError(f"{d.isoformat()}: date out of range") from None


def sub_workdays(d: date, n: int) -> date:
    """The n-th working day before `d` (d itself not counted)."""
    count = 0
    try:
        while count < n:
            d -= timedelta(days=1)
            if _is_workday(d):
                count += 1
    except OverflowError:
        raise InputError(f"{d.isoformat()}: date out of range") from None
    return d


@dataclass(frozen=True, slots=True)
class Check:
    """One process deadline: the last allowed day and whether `sent` keeps it."""

    what: str  # 申请表 / 反馈 / 议程 / 纪要
    deadline: date
    sent: date | None
    rule: str  # the rule in words

    @property
    def ok(self) -> bool | None:
        return None if self.sent is None else self.sent <= self.deadline

    @property
    def late_by(self) -> int:
        """Working days late (0 when in time or unknown)."""
        if self.sent is None or self.sent <= self.deadline:
            return 0
        if (self.sent - self.deadline).days > 400:  # far off (a typo in a year): weekdays are close enough
            weeks, rest = divmod((self.sent - self.deadline).days, 7)
            return weeks * 5 + sum((self.deadline + timedelta(days=i + 1)).weekday() < 5 for i in range(rest))
        n, d = 0, self.deadline
        while d < self.sent:
            d += timedelta(days=1)
            if _is_workday(d):
                n += 1
        return max(n, 1)

    def line(self) -> str:
        head = f"{self.what}最晚 {self.deadline.isoformat()} 发出（{self.rule}）"
        if self.sent is None:
            return head
        if self.ok:
            return f"{head}：{self.sent.isoformat()} 发出，符合要求"
        return f"{head}：{self.sent.isoformat()} 发出，晚了 {self.late_by} 个工作日"


def request_check(meeting: date, sent: date | None) -> Check:
    return Check("申请表", sub_workdays(meeting, REQUEST_DAYS), sent, f"会前至少 {REQUEST_DAYS} 个工作日")


def feedback_check(request_sent: date, answered: date | None) -> Check:
    return Check("反馈", add_workdays(request_sent, FEEDBACK_DAYS), answered, f"收到申请后 {FEEDBACK_DAYS} 个工作日内")


def agenda_check(meeting: date, sent: date | None) -> Check:
    return Check("议程", sub_workdays(meeting, AGENDA_DAYS), sent, f"会前至少 {AGENDA_DAYS} 个工作日")


def record_check(meeting: date, sent: date | None) -> Check:
    return Check("纪要", add_workdays(meeting, RECORD_DAYS), sent, f"会后 {RECORD_DAYS} 个工作日内")
