"""The process deadlines on the official calendar: 2024's 国庆 holiday runs
10-01 … 10-07, with make-up working days on Sunday 09-29 and Saturday 10-12."""
from __future__ import annotations

from datetime import date

import pytest

from minutes.flow import workdays as w

D = date.fromisoformat


def test_calendar_facts_the_tests_rely_on() -> None:
    assert w.is_workday(D("2024-09-29")) and w.is_workday(D("2024-10-12"))  # make-up days (Sun, Sat)
    assert not any(w.is_workday(D(f"2024-10-0{n}")) for n in range(1, 8))
    assert not w.is_workday(D("2024-09-28"))


@pytest.mark.parametrize("meeting, last_send", [
    ("2024-09-30", "2024-09-27"),  # Mon before 国庆: Sun 09-29 is a make-up working day, so Fri 09-27
    ("2024-10-08", "2024-09-29"),  # first day back: the two working days before are 09-30 and 09-29 (Sunday!)
    ("2024-10-09", "2024-09-30"),
    ("2024-10-14", "2024-10-11"),  # Sat 10-12 is a working day: Mon's request goes out by Fri 10-11
    ("2024-04-30", "2024-04-28"),  # before 劳动节 (05-01…05-05): make-up Sunday 04-28
    ("2024-05-06", "2024-04-29"),  # first day back after 劳动节
])
def test_request_goes_out_two_working_days_before(meeting: str, last_send: str) -> None:
    c = w.request_check(D(meeting), None)
    assert c.deadline == D(last_send)


def test_request_check_says_in_time_or_late() -> None:
    assert w.request_check(D("2024-09-30"), D("2024-09-27")).ok is True
    late = w.request_check(D("2024-09-30"), D("2024-09-28"))  # a Saturday off: as late as sending on 09-29
    assert late.ok is False and late.late_by == 1 and "晚了 1 个工作日" in late.line()
    assert w.request_check(D("2024-09-30"), None).ok is None


@pytest.mark.parametrize("sent, due", [
    ("2024-09-27", "2024-09-29"),  # Fri → the make-up Sunday
    ("2024-09-30", "2024-10-08"),  # the day before 国庆 → the first day back
    ("2024-10-11", "2024-10-12"),  # Fri → make-up Saturday
])
def test_feedback_within_one_working_day(sent: str, due: str) -> None:
    assert w.feedback_check(D(sent), None).deadline == D(due)
    assert w.feedback_check(D(sent), D(due)).ok is True


@pytest.mark.parametrize("meeting, last_send", [
    ("2024-10-08", "2024-09-30"),  # an agenda sent during the holiday does not count as "the day before"
    ("2024-09-30", "2024-09-29"),  # the make-up Sunday counts
    ("2024-10-14", "2024-10-12"),
])
def test_agenda_one_working_day_before(meeting: str, last_send: str) -> None:
    assert w.agenda_check(D(meeting), None).deadline == D(last_send)
    assert w.agenda_check(D(meeting), D("2024-10-07")).ok is (D("2024-10-07") <= D(last_send))


@pytest.mark.parametrize("meeting, due", [
    ("2024-09-30", "2024-10-09"),  # a meeting right before 国庆: the record is due on the 2nd day back
    ("2024-09-27", "2024-09-30"),  # Fri → Sun 09-29 (make-up) and Mon 09-30
    ("2024-10-11", "2024-10-14"),  # Fri → Sat 10-12 (make-up) and Mon 10-14
])
def test_record_within_two_working_days_after(meeting: str, due: str) -> None:
    c = w.record_check(D(meeting), D("2024-10-10"))
    assert c.deadline == D(due)
    assert c.ok is (D("2024-10-10") <= D(due))
