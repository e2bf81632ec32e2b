"""Chinese deadline expressions → dates, given the meeting date.

Pure: text and a reference date in, `Deadline`s out; the clock is never read.
Patterns are compiled once at import. Conventions follow the annotation
guide (月底 = last day of the month, 本周X = that day of the meeting's week,
下周 = Friday of next week, N个工作日内 = the Nth working day after the
meeting, counted with chinese_calendar's official holidays and make-up
working days).
"""
from __future__ import annotations

import calendar
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from ..errors import RuleError
from ..rules import Rule, load_file

_CN = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
_WD = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6, "末": 6, "1": 0, "2": 1, "3": 2, "4": 3, "5": 4, "6": 5, "7": 6}


@dataclass(frozen=True, slots=True)
class Deadline:
    text: str
    start: int
    end: int
    date: date | None
    rule: str
    vague: bool
    reading: str


def _num(s: str) -> int:
    if s.isdigit():
        return int(s)
    if s.startswith("十"):
        return 10 + (_CN[s[1]] if len(s) > 1 else 0)
    if len(s) == 3 and s[1] == "十":
        return _CN[s[0]] * 10 + _CN[s[2]]
    if len(s) == 2 and s[1] == "十":
        return _CN[s[0]] * 10
    return _CN.get(s, 0) if len(s) == 1 else int("".join(str(_CN[c]) for c in s))


def _year(s: str) -> int:
    if s.isdigit():
        return int(s) if len(s) == 4 else 2000 + int(s)
    return int("".join(str(_CN[c]) for c in s))


def _last_day(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def _safe(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _month_day_year(ref: date, m: int, d: int) -> date | None:
    """A bare month-day is in the meeting's year unless that lies more than
    two months before the meeting, then next year."""
    cand = _safe(ref.year, m, d)
    if cand is not None and (ref - cand).days > 61:
        cand = _safe(ref.year + 1, m, d)
    return cand


def _week_start(ref: date) -> date:
    return ref - timedelta(days=ref.weekday())


# chinese_calendar validates every call against its whole table; a day's
# facts never change, so each is read once per process.
@functools.lru_cache(maxsize=8192)
def _is_workday(d: date) -> bool:
    try:
        import chinese_calendar

        return chinese_calendar.is_workday(d)
    except (ImportError, NotImplementedError):
        return d.weekday() < 5  # outside the years chinese_calendar knows


@functools.lru_cache(maxsize=8192)
def _holiday_detail(d: date) -> tuple[bool, str | None]:
    """(is a holiday, its English name) — NotImplementedError past the known years."""
    import chinese_calendar

    on, hname = chinese_calendar.get_holiday_detail(d)
    return on, (str(getattr(hname, "value", hname)) if hname is not None else None)


def _nth_workday(ref: date, n: int) -> date:
    d, count = ref, 0
    while count < n:
        d += timedelta(days=1)
        if _is_workday(d):
            count += 1
    return d


_HOLIDAY_NAMES = {"春节": "Spring Festival", "元旦": "New Year's Day", "五一": "Labour Day", "劳动节": "Labour Day",
                  "国庆": "National Day", "清明": "Tomb-sweeping Day", "端午": "Dragon Boat Festival", "中秋": "Mid-autumn Festival"}


def _holiday_span(name: str | None, ref: date) -> tuple[date, date] | None:
    """First and last day off of the next occurrence of a named holiday (any
    holiday when `name` is None), read from chinese_calendar. The span runs
    through every consecutive day off, so 国庆 takes in a 中秋 inside it."""
    target = _HOLIDAY_NAMES[name] if name else None
    d, stop = ref - timedelta(days=3), ref + timedelta(days=400)
    while d < stop:
        try:
            on, label = _holiday_detail(d)
        except NotImplementedError:  # a year the library does not know yet
            return None
        if on and label and (target is None or label == target) and not _is_workday(d):
            first = last = d
            while not _is_workday(last + timedelta(days=1)):
                last += timedelta(days=1)
            if last >= ref:
                return first, last
            d = last
        d += timedelta(days=1)
    return None


# --- producers: a rule's `kind` names one ---------------------------------

def _abs_full(m: re.Match[str], ref: date) -> date | None:
    return _safe(_year(m["y"]), _num(m["m"]), _num(m["d"]))


def _range_end(m: re.Match[str], ref: date) -> date | None:
    y = _year(m["y2"]) if m["y2"] else (_year(m["y"]) if m["y"] else None)
    mo = _num(m["m2"]) if m["m2"] else _num(m["m"])
    d = _num(m["d2"])
    if y is None:
        return _month_day_year(ref, mo, d)
    return _safe(y, mo, d)


def _day_only(m: re.Match[str], ref: date) -> date | None:
    d = _num(m["d"])
    cand = _safe(ref.year, ref.month, d)
    if cand is not None and cand < ref:
        nm = ref.month % 12 + 1
        cand = _safe(ref.year + (ref.month == 12), nm, d)
    return cand


def _rel_day(m: re.Match[str], ref: date) -> date:
    w = m["w"]
    n = {"今": 0, "当": 0, "明": 1, "次": 1, "翌": 1, "后": 2, "大后": 3, "明后": 2}[w]
    return ref + timedelta(days=n)


def _n_days(m: re.Match[str], ref: date) -> date:
    n = _num(m["n"])
    if m["unit"] in ("周", "星期", "个星期", "个礼拜", "礼拜"):
        n *= 7
    elif m["unit"] in ("个月", "月"):
        y, mo = divmod(ref.month - 1 + n, 12)
        return _safe(ref.year + y, mo + 1, min(ref.day, calendar.monthrange(ref.year + y, mo + 1)[1])) or ref
    return ref + timedelta(days=n)


def _workdays(m: re.Match[str], ref: date) -> date | None:
    if m["after"]:  # 节后第一个工作日: after the next holiday, not after the meeting
        span = _holiday_span(None, ref)
        return _nth_workday(span[1], 1) if span else None
    return _nth_workday(ref, _num(m["n"]) if m["n"] else 1)


def _weekday(m: re.Match[str], ref: date) -> date:
    pre, wd = m["pre"] or "", _WD[m["wd"]]
    if pre in ("本", "这", "这个", "本个"):
        return _week_start(ref) + timedelta(days=wd)
    if pre in ("下", "下个"):
        return _week_start(ref) + timedelta(days=7 + wd)
    if pre in ("下下", "下下个"):
        return _week_start(ref) + timedelta(days=14 + wd)
    # a bare 周五: the next such day on or after the meeting
    return ref + timedelta(days=(wd - ref.weekday()) % 7)


def _week(m: re.Match[str], ref: date) -> date:
    pre = m["pre"]
    start = _week_start(ref)
    if pre in ("本", "这", "这个", "本个"):
        # Friday of the meeting's week; Sunday when the meeting is already at the weekend
        return start + timedelta(days=6 if ref.weekday() >= 5 else 4)
    return start + timedelta(days=4 + (7 if pre in ("下", "下个") else 14))


def _weekend(m: re.Match[str], ref: date) -> date:
    extra = 7 if m["pre"] in ("下", "下个") else 0
    return _week_start(ref) + timedelta(days=6 + extra)


def _month_part(m: re.Match[str], ref: date) -> date | None:
    g = m.groupdict()
    pre, mon, part = g.get("pre"), g.get("mon"), g.get("part")
    y, mo = ref.year, ref.month
    if mon:
        mo = _num(mon)
        cand = _month_day_year(ref, mo, 1)
        y = cand.year if cand else y
        if cand and _last_day(y, mo) < ref - timedelta(days=61):
            y += 1
    elif pre in ("下", "下个"):
        y, mo = (y + 1, 1) if mo == 12 else (y, mo + 1)
    # 月初 = 5th, 上旬 = 10th, 月中 = 15th, 中旬 = 20th; 下旬, 月底 and a bare 下个月 = the last day
    day = {"初": 5, "上旬": 10, "中": 15, "中旬": 20}.get(part or "")
    return _last_day(y, mo) if day is None else _safe(y, mo, day)


def _month_day_in(m: re.Match[str], ref: date) -> date | None:
    y, mo = ref.year, ref.month
    if m["pre"] in ("下", "下个"):
        y, mo = (y + 1, 1) if mo == 12 else (y, mo + 1)
    return _safe(y, mo, _num(m["d"]))


def _half(m: re.Match[str], ref: date) -> date:
    return date(ref.year, 6, 30) if m["h"] == "上" else date(ref.year, 12, 31)


def _year_end(m: re.Match[str], ref: date) -> date:
    return date(ref.year, 12, 31)


def _holiday(m: re.Match[str], ref: date) -> date | None:
    span = _holiday_span(m["h"], ref)
    if span is None:
        return None
    first, last = span
    if m["side"] in ("前", "之前", "以前"):
        d = first - timedelta(days=1)
        while not _is_workday(d):
            d -= timedelta(days=1)
        return d
    d = last + timedelta(days=1)
    while not _is_workday(d):
        d += timedelta(days=1)
    return d


def _month_day(m: re.Match[str], ref: date) -> date | None:
    mo, d = (m["m"], m["d"]) if m["m"] else (m["m2"], m["d2"])
    return _month_day_year(ref, _num(mo), _num(d))


def _quarter(m: re.Match[str], ref: date) -> date:
    q = _num(m["q"] or m["q2"])
    y = ref.year + (1 if m["pre"] == "明年" else 0)
    if not m["pre"] and _last_day(y, q * 3) < ref - timedelta(days=61):
        y += 1  # "Q1" said in late December is next year's
    return _last_day(y, q * 3)


PRODUCERS: dict[str, Callable[[re.Match[str], date], date | None]] = {
    "range-end": _range_end, "absolute": _abs_full, "month-day": _month_day, "holiday": _holiday,
    "workdays": _workdays, "relative-day": _rel_day, "n-days": _n_days, "weekday": _weekday,
    "weekend": _weekend, "week": _week, "month-in": _month_day_in, "month-part": _month_part,
    "quarter": _quarter, "half-year": _half, "year-end": _year_end, "day-only": _day_only,
    "vague": lambda m, ref: None,
}


@functools.lru_cache(maxsize=1)
def rules() -> list[Rule]:
    """The deadline rules of rules/deadlines.toml, in priority order."""
    from importlib import resources
    from pathlib import Path

    path = Path(str(resources.files("minutes.rules_data"))) / "deadlines.toml"
    return load_file(path, kinds=tuple(PRODUCERS))[1]


_NOT_INSIDE = re.compile(r"https?://\S+|\]\([^)]*\)|#\d+|[vV]\d+(?:\.\d+)+|(?<![\d.])\d{1,2}(?:\.\d+){2,}")
# A date glued to a name ("撰写2016.10.20Scrum会议记录") names a thing.
_MENTION_KINDS = {"absolute", "month-day"}


def _blocked(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _NOT_INSIDE.finditer(text)]


class _Groups:
    """One rule's groups out of the combined match, under their own names."""

    __slots__ = ("_d",)

    def __init__(self, d: dict[str, str | None]) -> None:
        self._d = d

    def __getitem__(self, name: str) -> str | None:
        return self._d.get(name)

    def groupdict(self) -> dict[str, str | None]:
        return self._d


@functools.lru_cache(maxsize=1)
def _combined() -> tuple[re.Pattern[str], list[tuple[Rule, str, list[tuple[str, str]]]]]:
    """All rules as one alternation, tried in file order at each position: a
    text is scanned once instead of once per rule."""
    parts, table = [], []
    for i, rule in enumerate(rules()):
        src = re.sub(r"\(\?P<(\w+)>", lambda m: f"(?P<r{i}_{m.group(1)}>", rule.regex.pattern)
        src = re.sub(r"\(\?P=(\w+)\)", lambda m: f"(?P=r{i}_{m.group(1)})", src)
        parts.append(f"(?P<r{i}>{src})")
        names = [(f"r{i}_{n}", n) for n in rule.regex.groupindex]
        table.append((rule, rule.extra["kind"], names))
    return re.compile(f"(?={_start_class()})(?:" + "|".join(parts) + ")"), table


@functools.lru_cache(maxsize=1)
def _start_class() -> str:
    """The `start` character class of rules/deadlines.toml, checked against
    every rule's examples so a new rule cannot silently never fire."""
    import tomllib
    from importlib import resources
    from pathlib import Path

    path = Path(str(resources.files("minutes.rules_data"))) / "deadlines.toml"
    start = tomllib.loads(path.read_text(encoding="utf-8"))["defs"]["start"]
    first = re.compile(start)
    for rule in rules():
        for ex in rule.match_examples:
            m = rule.regex.search(ex)
            if m is not None and not first.match(ex, m.start()):
                raise RuleError(f"{path}: rule {rule.id}: example {ex!r} starts with {ex[m.start()]!r}, "
                                f"which is not in [defs] start")
    return start


def find_deadlines(text: str, ref: date) -> list[Deadline]:
    """All deadline expressions in text, non-overlapping, in text order."""
    blocked = _blocked(text)
    combined, table = _combined()
    found: list[Deadline] = []
    for m in combined.finditer(text):
        i = int(m.lastgroup[1:]) if m.lastgroup and m.lastgroup[1:].isdigit() else _which(m, len(table))
        rule, kind, names = table[i]
        s, e = m.span()
        while e > s and text[e - 1] in " \t":
            e -= 1
        if s == e or any(a < e and s < b for a, b in blocked):
            continue
        if kind in _MENTION_KINDS and e < len(text) and ("A" <= text[e] <= "Z" or "a" <= text[e] <= "z"):
            continue  # "撰写2016.10.20Scrum会议记录"
        if kind == "vague":
            found.append(Deadline(text[s:e], s, e, None, rule.id, True, f"{text[s:e]}：没有具体日期"))
            continue
        if s > 0 and _glued_number(text, s):
            continue  # "120天内" is not "20天内": a number starts at its left boundary
        try:
            d = PRODUCERS[kind](_Groups({n: m.group(g) for g, n in names}), ref)  # type: ignore[arg-type]
        except (ValueError, OverflowError):  # "24月底" (no month 24), a date past year 9999
            d = None
        if d is not None:
            found.append(Deadline(text[s:e], s, e, d, rule.id, False, f"{text[s:e]} = {d.isoformat()}（{rule.message}）"))
    return found


_DIGITS = "0123456789０１２３４５６７８９"


def _glued_number(text: str, s: int) -> bool:
    """Does the match at s start inside a longer number?"""
    prev, first = text[s - 1], text[s]
    if first in _DIGITS:
        return prev in _DIGITS
    return first in _CN and prev in "百千万亿"


def _which(m: re.Match[str], n: int) -> int:
    for i in range(n):
        if m.group(f"r{i}") is not None:
            return i
    raise AssertionError("a combined match belongs to no rule")


def find_deadline(text: str, ref: date) -> Deadline | None:
    """The first dated deadline; else the first vague one; else None."""
    all_ = find_deadlines(text, ref)
    dated = [d for d in all_ if d.date is not None]
    return dated[0] if dated else (all_[0] if all_ else None)


def find_dates(text: str, ref: date) -> list[Deadline]:
    """Dates written in text (a meeting's own date), same shape."""
    out = []
    for d in find_deadlines(text, ref):
        if d.date is not None and d.rule in ("deadline.absolute", "deadline.month-day", "deadline.range",
                                               "deadline.weekday-date"):
            out.append(d)
    return out
