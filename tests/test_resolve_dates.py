"""The deadline resolver against the case table in corpora/cases/deadlines.tsv,
and every example of every rule in rules/deadlines.toml. Never reads the clock."""
from __future__ import annotations

from datetime import date

import pytest

from conftest import ROOT
from minutes.resolve.dates import find_deadline, find_deadlines, rules
from minutes.rules import check_examples

TABLE = ROOT / "corpora" / "cases" / "deadlines.tsv"


def _cases() -> list[tuple[str, str, str, str]]:
    out = []
    for line in TABLE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        text, ref, expected, due_text = line.split("\t")
        out.append((text, ref, expected, due_text))
    return out


CASES = _cases()


def test_table_is_large_and_spread_over_years() -> None:
    assert len(CASES) >= 200
    assert len({ref[:4] for _, ref, _, _ in CASES}) >= 10


@pytest.mark.parametrize("text, ref, expected, due_text", CASES, ids=[f"{c[0]}@{c[1]}" for c in CASES])
def test_case(text: str, ref: str, expected: str, due_text: str) -> None:
    d = find_deadline(text, date.fromisoformat(ref))
    got = d.date.isoformat() if d is not None and d.date is not None else "-"
    assert got == expected, d
    if due_text == "-":
        assert d is None
    elif due_text != "*":
        assert d is not None and d.text == due_text
        assert text[d.start:d.end] == d.text


@pytest.mark.parametrize("rule", rules(), ids=lambda r: r.id)
def test_rule_examples(rule) -> None:
    assert check_examples(rule) == []


def test_spans_never_overlap_and_are_in_order() -> None:
    text = "张三周五前提交初稿，李四下周三前评审，王五在月底前上线，后续再议。"
    found = find_deadlines(text, date(2024, 5, 6))
    assert [d.text for d in found] == ["周五前", "下周三前", "月底前", "后续"]
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))
    assert [d.vague for d in found] == [False, False, False, True]


@pytest.mark.parametrize("text, due", [
    ("前端小组5.1之前讨论前端设计，5.7之前上交初稿", "2018-05-07"),
    ("最好周五，最晚周六", "2018-04-28"),
    ("计划周六所有参与者对文档进行自评审，周日进行最后一版修改", "2018-04-29"),
    ("周三前完成编写", "2018-04-25"),
])
def test_a_tasks_due_is_the_latest_of_its_dates(text: str, due: str) -> None:
    # the whole task is done by its last date (the guide: a range = its end; a
    # preferred and a latest date = the latest); a date told as gone by is no due
    d = find_deadline(text, date(2018, 4, 23), past=False)
    assert d is not None and d.date == date.fromisoformat(due)
