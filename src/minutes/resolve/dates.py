"""Chinese deadline expressions → dates, given the meeting date.

Pure: text and a reference date in, `Deadline`s out; the clock is never read.
Patterns are compiled once, on first use. Conventions follow the annotation
guide (月底 = last day of the month, 本周X = that day of the meeting's week,
下周 = Friday of next week, N个工作日内 = the Nth working day after the
meeting, counted with chinese_calendar's official holidays and make-up
working days; a month alone = its last day; a range = its end).

The rules are data (rules/deadlines.toml); a rule's `kind` names its
producer here. Text is read in simplified script (OpenCC t2s, character for
character so offsets hold). At each position only the rules that can start
with its character are tried, in file order; a number is never read from
inside (120天内 is not 20天内). Rules scoped to "field" read bare numbers
such as 12.2 only in a date value. Two deadlines joined by 到/至/- are one
range. A producer that meets an impossible date (13月底) gives no date.
"""
from __future__ import annotations

import calendar
import functools
import os
import re
from collections.abc import Callable
from datetime import date, timedelta
from typing import NamedTuple

from .. import rx, startcache
from ..errors import RuleError
from ..rules import Rule, load_file

_CN = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
_TENS = {"廿": 20, "卅": 30}
_WD = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6, "末": 6, "1": 0, "2": 1, "3": 2, "4": 3, "5": 4, "6": 5, "7": 6}


class Deadline(NamedTuple):
    """A deadline found in text: immutable (a named tuple, cheap to make)."""

    text: str
    start: int
    end: int
    date: date | None
    rule: str
    vague: bool
    reading: str
    time: str | None = None  # "15:15" when the words give a time of day


def _num(s: str) -> int:
    if s.isdigit():
        return int(s)
    if s[0] in _TENS:  # 廿 = 20, 廿五 = 25, 卅 = 30
        return _TENS[s[0]] + (_CN[s[1]] if len(s) > 1 else 0)
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


def _last_day(y: int, m: int) -> date | None:
    """The month's last day; None for a month that does not exist (13月底)."""
    if not (1 <= m <= 12 and 1 <= y <= 9999):
        return None
    return date(y, m, calendar.monthrange(y, m)[1])


_REL_YEAR = {"今年": 0, "本年": 0, "本年度": 0, "明年": 1, "来年": 1, "次年": 1, "下年": 1, "后年": 2, "大后年": 3,
             "去年": -1, "上年": -1, "前年": -2}


def _yr(s: str | None, ref: date) -> int | None:
    """The year a `yearp` group names: written (2027年, 二〇二七年) or relative (明年)."""
    if not s:
        return None
    s = s.strip()
    if s in _REL_YEAR:
        return ref.year + _REL_YEAR[s]
    return _year(s.rstrip("度").rstrip("年").strip())


def _roll(ref: date, y: int, last: date | None) -> int:
    """A month written without a year is in the meeting's year unless it
    ended more than two months before the meeting: then next year."""
    if last is not None and last < ref - timedelta(days=61):
        return y + 1
    return y


def _shift_month(y: int, mo: int, by: int) -> tuple[int, int]:
    k = y * 12 + (mo - 1) + by
    return k // 12, k % 12 + 1


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
                  "国庆": "National Day", "十一": "National Day", "过年": "Spring Festival", "清明": "Tomb-sweeping Day", "端午": "Dragon Boat Festival", "中秋": "Mid-autumn Festival"}


@functools.lru_cache(maxsize=4096)
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


def _roc(m: re.Match[str], ref: date) -> date | None:
    """民国 year N is N + 1911 (Taiwan's minutes: 113/11/26, 106年10月25日)."""
    return _safe(int(m["y"] or m["y2"]) + 1911, int(m["m"] or m["m2"]), int(m["d"] or m["d2"]))


_MONTHS = {name: i for i, name in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1)}


def _english(m: re.Match[str], ref: date) -> date | None:
    mon = m["mon"] or m["mon2"] or m["mon3"]
    return _safe(int(m["y"] or m["y2"] or m["y3"]), _MONTHS[mon[:3].lower()], int(m["d"] or m["d2"] or m["d3"]))


def _mdy(m: re.Match[str], ref: date) -> date | None:
    y = m["y"]
    if len(y) == 2:  # 3/3/15, 10/31/74: the century that puts it within 20 years ahead of the meeting
        y2 = 2000 + int(y)
        y = str(y2 if y2 <= ref.year + 20 else y2 - 100)
    return _safe(int(y), int(m["m"]), int(m["d"]))


def _range_end(m: re.Match[str], ref: date) -> date | None:
    y = _year(m["y2"]) if m["y2"] else (_year(m["y"]) if m["y"] else None)
    mo = _num(m["m2"]) if m["m2"] else _num(m["m"])
    d = _num(m["d2"])
    if y is None:
        start = _month_day_year(ref, _num(m["m"]), _num(m["d"]))
        end = _month_day_year(ref, mo, d)
        if start is not None and end is not None and end < start:  # 十二月一号至一月一号
            end = _safe(end.year + 1, mo, d)
        return end
    return _safe(y, mo, d)


def _day_only(m: re.Match[str], ref: date) -> date | None:
    d = _num(m["d"] or m["d2"])
    cand = _safe(ref.year, ref.month, d)
    if cand is None or cand < ref:
        nm = ref.month % 12 + 1
        cand = _safe(ref.year + (ref.month == 12), nm, d)
    return cand


_REL_DAYS = {"今": 0, "当": 0, "明": 1, "次": 1, "翌": 1, "第二": 1, "听": 1, "后": 2, "大后": 3, "明后": 2,
             "昨": -1, "寻": -1, "琴": -1, "前": -2, "大前": -3}


def _rel_day(m: re.Match[str], ref: date) -> date:
    return ref + timedelta(days=_REL_DAYS[m["w"]])


def _add_months(ref: date, n: int) -> date:
    y, mo = _shift_month(ref.year, ref.month, n)
    return date(y, mo, min(ref.day, calendar.monthrange(y, mo)[1]))


_UNIT_LETTER = {"h": "小时", "w": "周", "d": "天"}  # "42h之内", "2w内": chat shorthand


def _n_days(m: re.Match[str], ref: date) -> date | None:
    """N小时/天/周/月/年 内·后 (forward) or 前 (back), and 下三天 / 前两天."""
    raw, unit = m["n"], _UNIT_LETTER.get(m["unit"].lower(), m["unit"]).replace("个", "")
    back = (m["dir"] or "").endswith("前") or m["pre"] in ("上", "前", "过去")
    sign = -1 if back else 1
    half = raw == "半" or "半" in unit
    n = 0 if raw == "半" else _num(raw)
    unit = unit.replace("半", "")
    if unit in ("小时", "钟", "钟头"):
        hours = n + (0.5 if half else 0)
        return ref + timedelta(days=sign * int(hours // 24))
    if unit in ("周", "星期", "礼拜"):
        return ref + timedelta(days=sign * int((n + (0.5 if half else 0)) * 7))
    if unit == "月":
        d = _add_months(ref, sign * n)
        return d + timedelta(days=sign * 15) if half else d
    if unit == "年":
        return _add_months(ref, sign * (12 * n + (6 if half else 0)))
    return ref + timedelta(days=sign * n)  # 天, 日; 半天 = the same day


def _workdays(m: re.Match[str], ref: date) -> date | None:
    if m["after"]:  # 节后第一个工作日: after the next holiday, not after the meeting
        span = _holiday_span(None, ref)
        return _nth_workday(span[1], 1) if span else None
    return _nth_workday(ref, _num(m["n"]) if m["n"] else 1)


_THIS = ("本", "这", "这个", "本个", "这一", "这一个", "今", "今个")
_WEEK_SHIFT = {"下": 7, "下个": 7, "下一": 7, "下一个": 7, "下下": 14, "下下个": 14,
               "上": -7, "上个": -7, "上一": -7, "上一个": -7, "上上": -14, "上上个": -14}


def _day_of_week(ref: date, wd: int, shift: int | None) -> date:
    """Weekday `wd` of the meeting's week moved by `shift` days (本周 0, 下周 7, 上周 −7);
    with no shift (a bare 周五, "Friday"), the next such day on or after the meeting."""
    if shift is None:
        return ref + timedelta(days=(wd - ref.weekday()) % 7)
    return _week_start(ref) + timedelta(days=shift + wd)


def _end_of_week(ref: date) -> date:
    """本周 without a day (and "EOW"): Friday of the meeting's week; Sunday when the
    meeting is already at the weekend."""
    return _week_start(ref) + timedelta(days=6 if ref.weekday() >= 5 else 4)


def _weekday(m: re.Match[str], ref: date) -> date:
    pre, wd = m["pre"] or "", _WD[m["wd"]]
    if pre in _THIS:
        return _day_of_week(ref, wd, 0)
    if pre in _WEEK_SHIFT:
        return _day_of_week(ref, wd, _WEEK_SHIFT[pre])
    if m["done"]:  # "周三已上线": a report of a day already past
        return ref - timedelta(days=(ref.weekday() - wd) % 7)
    return _day_of_week(ref, wd, None)


_EN_WD = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}


def _english_relative(m: re.Match[str], ref: date) -> date | None:
    """English-mixed minutes' own words: "next Fri" as 下周五, "this Friday" as
    本周五, "Friday" (or "Fri" after ETA/due/by) as 周五, "tomorrow", "EOD", "EOW"/"end of week" as 本周,
    "end of month" as 月底."""
    if day := m["wd"] or m["wd2"] or m["wd3"]:
        pre = (m["pre"] or "").lower()
        return _day_of_week(ref, _EN_WD[day.lower()[:3]], {"next": 7, "this": 0}.get(pre))
    word = m["word"].lower()
    if word == "tomorrow":
        return ref + timedelta(days=1)
    if word == "eod":
        return ref
    if "month" in word or word == "eom":
        return _last_day(ref.year, ref.month)
    return _end_of_week(ref)  # EOW: as 本周


def _nth_weekday(m: re.Match[str], ref: date) -> date | None:
    mo, n, wd = _num(m["mon"]), _num(m["n"]), _WD[m["wd"]]
    last = _last_day(ref.year, mo)
    if last is None:
        return None
    y = _roll(ref, ref.year, last)
    first = date(y, mo, 1)
    d = first + timedelta(days=(wd - first.weekday()) % 7 + 7 * (n - 1))
    return d if d.month == mo else None


def _week(m: re.Match[str], ref: date) -> date:
    pre = m["pre"]
    if pre in _THIS:
        return _end_of_week(ref)
    return _week_start(ref) + timedelta(days=4 + _WEEK_SHIFT.get(pre, 7))


def _weekend(m: re.Match[str], ref: date) -> date:
    return _week_start(ref) + timedelta(days=6 + _WEEK_SHIFT.get(m["pre"] or "", 0))


_MONTH_SHIFT = {"下": 1, "下个": 1, "上": -1, "上个": -1}


def _month_part(m: re.Match[str], ref: date) -> date | None:
    g = m.groupdict()
    pre, mon, part = g.get("pre"), g.get("mon"), g.get("part")
    y, mo = ref.year, ref.month
    year = _yr(g.get("yr"), ref)
    if mon:
        mo = _num(mon)
        if year is not None:
            y = year
        else:
            y = _roll(ref, y, _last_day(y, mo))
    elif pre in _MONTH_SHIFT:
        y, mo = _shift_month(y, mo, _MONTH_SHIFT[pre])
    # 月初/月头 = 5th, 上旬 = 10th, 月中 = 15th, 中旬 = 20th; 下旬, 月底/月尾 and a bare 下个月 = the last day
    day = {"初": 5, "头": 5, "上旬": 10, "中": 15, "中旬": 20}.get(part or "")
    return _last_day(y, mo) if day is None else _safe(y, mo, day)


def _month_only(m: re.Match[str], ref: date) -> date | None:
    mo = _num(m["mon"])
    year = _yr(m["yr"], ref)
    if year is not None:
        return _last_day(year, mo)
    return _last_day(_roll(ref, ref.year, _last_day(ref.year, mo)), mo)


def _month_day_in(m: re.Match[str], ref: date) -> date | None:
    y, mo = ref.year, ref.month
    if m["pre"] in _MONTH_SHIFT:
        y, mo = _shift_month(y, mo, _MONTH_SHIFT[m["pre"]])
    return _safe(y, mo, _num(m["d"]))


def _half(m: re.Match[str], ref: date) -> date:
    first = m["h"] == "上" or m["hn"] == "1"
    year = _yr(m["yr"], ref)
    end = date(year or ref.year, 6 if first else 12, 30 if first else 31)
    if year is None and end < ref - timedelta(days=61):
        end = end.replace(year=end.year + 1)  # "H1" said in December is next year's
    return end


def _year_end(m: re.Match[str], ref: date) -> date:
    return date(ref.year, 12, 31)


def _year_part(m: re.Match[str], ref: date) -> date | None:
    y = _yr(m["yr"], ref)
    if y is None or not 1 <= y <= 9999:
        return None
    # 年初/年头 = 01-31, 年中 = 06-30, 年底/年末/年终/年尾/年内 = 12-31
    return {"初": date(y, 1, 31), "头": date(y, 1, 31), "中": date(y, 6, 30)}.get(m["part"], date(y, 12, 31))


# How "X节前" reads: "workday" = the last working day before the holiday's
# first day off (the default), "eve" = the calendar day before it.
HOLIDAY_BEFORE = os.environ.get("MINUTES_HOLIDAY_BEFORE", "workday")


def set_holiday_before(convention: str) -> None:
    """Choose how 春节前/国庆前 read: "workday" (default) or "eve"."""
    global HOLIDAY_BEFORE
    if convention not in ("workday", "eve"):
        raise ValueError(f"holiday convention must be 'workday' or 'eve', not {convention!r}")
    HOLIDAY_BEFORE = convention


def _holiday(m: re.Match[str], ref: date) -> date | None:
    span = _holiday_span(m["h"], ref)
    if span is None:
        return None
    first, last = span
    if m["side"] in ("前", "之前", "以前"):
        d = first - timedelta(days=1)
        if HOLIDAY_BEFORE == "eve":
            return d
        while not _is_workday(d):
            d -= timedelta(days=1)
        return d
    d = last + timedelta(days=1)
    while not _is_workday(d):
        d += timedelta(days=1)
    return d


_FIXED_FESTIVALS = {"元旦": (1, 1), "阳历新年": (1, 1), "妇女节": (3, 8), "植树节": (3, 12), "愚人节": (4, 1),
                    "劳动节": (5, 1), "青年节": (5, 4), "儿童节": (6, 1), "建党节": (7, 1), "建军节": (8, 1),
                    "教师节": (9, 10), "国庆节": (10, 1), "万圣节": (10, 31), "平安夜": (12, 24), "圣诞": (12, 25),
                    "圣诞节": (12, 25), "情人节": (2, 14), "圣瓦伦丁节": (2, 14), "澳门回归纪念日": (12, 20),
                    "消费者权益日": (3, 15), "三一五": (3, 15)}


def _festival_day(m: re.Match[str], ref: date) -> date | None:
    name = re.sub(r"^(?:三八|五一|六一|八一)?(?:国际)?", "", m["f"])
    if name in _FIXED_FESTIVALS:
        mo, d = _FIXED_FESTIVALS[name]
        cand = date(ref.year, mo, d)
        return cand if cand >= ref else date(ref.year + 1, mo, d)
    # 春节 and its other names: the first day off of the next official holiday
    span = _holiday_span("春节", ref)
    while span is not None and span[0] < ref:
        span = _holiday_span("春节", span[1] + timedelta(days=1))
    return span[0] if span else None


def _month_day(m: re.Match[str], ref: date) -> date | None:
    for mo, d in ((m["m"], m["d"]), (m["m2"], m["d2"]), (m["m3"], m["d3"]), (m["m4"], m["d4"])):
        if mo:
            return _month_day_year(ref, _num(mo), _num(d))
    return None


_QUARTER_SHIFT = {"下": 1, "下个": 1, "下下": 2, "下下个": 2, "上": -1, "上个": -1}


def _quarter(m: re.Match[str], ref: date) -> date | None:
    year = _yr(m["yr"], ref)
    q = m["q"] or m["q2"]
    if q is None:  # 本季度, 下个季度, 季度末: relative to the meeting's quarter
        k = (year or ref.year) * 4 + (ref.month - 1) // 3 + _QUARTER_SHIFT.get(m["pre"] or "", 0)
        return _last_day(k // 4, k % 4 * 3 + 3)
    qn = _num(q)
    y = year or ref.year
    end = _last_day(y, qn * 3)
    if year is None and end is not None and end < ref - timedelta(days=61):
        end = _last_day(y + 1, qn * 3)  # "Q1" said in late December is next year's
    return end


def _clock(m: re.Match[str], ref: date) -> date:
    return ref


PRODUCERS: dict[str, Callable[[re.Match[str], date], date | None]] = {
    "range-end": _range_end, "absolute": _abs_full, "roc": _roc, "english": _english, "mdy": _mdy, "month-day": _month_day, "holiday": _holiday,
    "festival-day": _festival_day, "workdays": _workdays, "relative-day": _rel_day, "n-days": _n_days,
    "weekday": _weekday, "english-relative": _english_relative, "nth-weekday": _nth_weekday, "weekend": _weekend, "week": _week,
    "month-in": _month_day_in, "month-part": _month_part, "month-only": _month_only, "quarter": _quarter,
    "half-year": _half, "year-part": _year_part, "year-end": _year_end, "day-only": _day_only, "clock": _clock,
    "vague": lambda m, ref: None, "undated": lambda m, ref: None,
}
# kinds that say by when without a date to give: the words are kept as
# due_text and the due stays null ("尽快" is vague; "第十周前" names a
# teaching week whose term start the minutes do not give)
_UNDATED = frozenset({"vague", "undated"})


@functools.lru_cache(maxsize=1)
def rules() -> list[Rule]:
    """The deadline rules of rules/deadlines.toml, in priority order."""
    from importlib import resources
    from pathlib import Path

    path = Path(str(resources.files("minutes.rules_data"))) / "deadlines.toml"
    return load_file(path, kinds=tuple(PRODUCERS))[1]


_NOT_INSIDE = rx.compile(
    r"https?://\S+|\]\([^)]*\)|#\d+|[vV]\d+(?:\.\d+)+|(?<![\d.])\d{1,2}(?:\.\d+){2,}"
    # a chapter's sections ("第三章3.1~3.2") are no dates
    r"|第[\d一二三四五六七八九十]{1,3}[章节]\d+(?:\.\d+)+(?:\s*[~～\-–]\s*\d+(?:\.\d+)+)?(?![\d月日号])"
    # a teaching week's day with no "by" ("第二周周五开会"): no date without
    # the term's start (deadline.course-week keeps one said with 前 as words);
    # "十月第一个星期一" names its month and stays
    r"|(?<![月的])(?>第[\d一二三四五六七八九十]{1,3}个?(?:周|星期|礼拜)(?:周?末|(?:周|星期|礼拜)?[一二三四五六日天])?)"
    r"(?!\s*(?:之|以)?[前内]|\s*(?:早上|上午|中午|下午|晚上|晚)\s*(?:之|以)?前|\s*[（(])")
# A date glued to a name ("撰写2016.10.20Scrum会议记录") names a thing.
_MENTION_KINDS = {"absolute", "month-day"}
# Two deadlines joined by one of these are a range: the deadline is its end.
_RANGE_JOIN = rx.compile(r"\s*(?:到|至|~|～|-|–|—)\s*")
_CLOCK_SRC = (
    r"(?P<ap>凌晨|早上|早晨|清早|上午|中午|下午|傍晚|晚上|晚间|夜里|夜间|晏昼|今晚|明晚|今早|明早|晚|早)?\s*"
    r"(?P<h>\d{1,2}|[一二两三四五六七八九十]{1,3})\s*"
    r"(?:[:：]\s*(?P<mi>\d{2})|[点时]钟?(?:(?P<half>半)|(?P<m2>\d{1,2}|[一二三四五六七八九十]{1,3})分?)?)"
    r"(?:\s*(?P<pm>[ap]\.?m\.?|[AP]M|p\b))?")
# the first time is not a piece of a date (2024-05-06); the second follows a dash
_CLOCK = rx.compile(_CLOCK_SRC.replace("(?P<h>", "(?<![\\d.:：-])(?P<h>"))
_CLOCK_AFTER = rx.compile(_CLOCK_SRC)
_HAS_CLOCK = rx.compile(r"[点时:：]")
_PM = ("下午", "傍晚", "晚上", "晚间", "夜里", "夜间", "晏昼", "今晚", "明晚", "晚")


_MAY_BLOCK = rx.compile(r"[:#.\]第]")


def _blocked(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _NOT_INSIDE.finditer(text)]


def _clock_of(m: re.Match[str], ap: str = "") -> tuple[int, int, str] | None:
    h = _num(m["h"])
    mi = int(m["mi"]) if m["mi"] else (30 if m["half"] else (_num(m["m2"]) if m["m2"] else 0))
    ap, pm = m["ap"] or ap, (m["pm"] or "").lower()
    if (ap in _PM or pm.startswith("p")) and h < 12:
        h += 12
    elif ap == "中午" and h < 6:
        h += 12
    if h > 24 or mi > 59:
        return None
    return h, mi, ap


def _time_of(words: str) -> str | None:
    """The time of day in words, as HH:MM ("下午三点十五" → 15:15), or a span
    HH:MM-HH:MM when two are joined by -/至/到 ("下午3点-5点" → 15:00-17:00)."""
    if not _HAS_CLOCK.search(words):
        return None
    m = _CLOCK.search(words)
    if m is None:
        return None
    first = _clock_of(m)
    if first is None:
        return None
    out = f"{first[0]:02d}:{first[1]:02d}"
    j = _RANGE_JOIN.match(words, m.end())
    m2 = _CLOCK_AFTER.match(words, j.end()) if j is not None and j.end() > m.end() else None
    if m2 is not None:
        second = _clock_of(m2, first[2])  # 下午3点-5点: the second is in the afternoon too
        if second is not None and second[:2] > first[:2]:
            out += f"-{second[0]:02d}:{second[1]:02d}"
    return out


def time_of(words: str) -> str | None:
    """The time of day (or span of times) written in words, for a 时间 field."""
    return _time_of(_simplified(words))


@functools.lru_cache(maxsize=4096)
def _simplified(text: str) -> str:
    """The text in simplified script, character for character (so offsets
    hold): the same same-length copy the record reads (minutes.script)."""
    from ..script import simplified

    return simplified(text) or text


class _Groups(dict):
    """One rule's groups out of the combined match, under their own names;
    a name the rule does not have reads as None."""

    __slots__ = ()

    def __missing__(self, name: str) -> None:
        return None

    def groupdict(self) -> dict[str, str | None]:
        return self


_Entry = tuple[Rule, str, tuple[str, ...], tuple[str, ...], str | None]


def _first_chars(seq) -> set[str] | None:
    """The characters a parsed regex can start with ("0" stands for any
    digit); None when it can start with anything. A superset is fine: it
    only decides which rules are tried at a position."""
    return _first(seq)[0]


def _first(seq) -> tuple[set[str] | None, bool]:
    from re import _constants as C  # the parser's own opcodes (Python ≥ 3.11)

    acc: set[str] = set()
    for op, av in seq:
        if op is C.LITERAL:
            acc.add(chr(av))
            return acc, False
        if op is C.IN:
            for o, a in av:
                if o is C.LITERAL:
                    acc.add(chr(a))
                elif o is C.RANGE and a[1] - a[0] < 5000:
                    acc.update(chr(x) for x in range(a[0], a[1] + 1))
                elif o is C.CATEGORY and a is C.CATEGORY_DIGIT:
                    acc.add("0")
                else:
                    return None, False
            return acc, False
        if op is C.SUBPATTERN or op is C.BRANCH:
            subs = [av[-1]] if op is C.SUBPATTERN else av[1]
            nullable = False
            for sub in subs:
                chars, nul = _first(sub)
                if chars is None:
                    return None, False
                acc |= chars
                nullable |= nul
            if not nullable:
                return acc, False
            continue
        if op is C.MAX_REPEAT or op is C.MIN_REPEAT:
            chars, nul = _first(av[2])
            if chars is None:
                return None, False
            acc |= chars
            if av[0] > 0 and not nul:
                return acc, False
            continue
        if op in (C.ASSERT, C.ASSERT_NOT, C.AT):
            continue  # zero width: what follows decides
        return None, False
    return acc, True


def _rule_first_chars(rule: Rule) -> set[str] | None:
    """The first characters of a rule, from its parsed pattern; None (try it
    everywhere) if the regex parser's private API is not what we expect."""
    try:
        from re import _parser

        pattern = rule.regex.pattern
        return startcache.remember(("first-chars", pattern), lambda: _first_chars(_parser.parse(pattern)))
    except (ImportError, AttributeError, TypeError, ValueError):  # pragma: no cover - another Python
        return None


def _alternation(entries: list[tuple[int, Rule]]) -> tuple[re.Pattern[str], list[_Entry]]:
    parts, table = [], []
    for i, rule in entries:
        src = re.sub(r"\(\?P<(\w+)>", lambda m: f"(?P<r{i}_{m.group(1)}>", rule.regex.pattern)
        src = re.sub(r"\(\?P=(\w+)\)", lambda m: f"(?P=r{i}_{m.group(1)})", src)
        parts.append(f"(?P<r{i}>{src})")
        names = tuple(rule.regex.groupindex)
        table.append((rule, rule.extra["kind"], tuple(f"r{i}_{n}" for n in names), names,
                      f"r{i}_lead" if "lead" in names else None))
    return rx.compile("|".join(parts)), table


class _ByChar(dict):
    """First character → (alternation, entries) of the rules that can start
    with it. Built on first sight of a character, so a short run compiles
    only the alternations it needs; characters that share a cluster of rules
    share one compiled pattern."""

    def __init__(self, firsts: list[tuple[int, Rule, set[str] | None]]) -> None:
        super().__init__()
        self._firsts = firsts
        self._compiled: dict[tuple[int, ...], tuple[re.Pattern[str], dict[str, _Entry]]] = {}
        self._clusters = _clusters(firsts)

    def __missing__(self, c: str):
        key = c if c in self._clusters else ("0" if c.isdigit() else None)
        cluster = self._clusters.get(key) if key is not None else None
        if cluster is None:
            self[c] = None
            return None
        if cluster not in self._compiled:
            rx, table = _alternation([(i, r) for i, r, _f in self._firsts if i in cluster])
            self._compiled[cluster] = (rx, {f"r{i}": t for i, t in zip(cluster, table)})
        self[c] = entry = self._compiled[cluster]
        return entry


def _clusters(firsts: list[tuple[int, Rule, set[str] | None]]) -> dict[str, tuple[int, ...]]:
    """Each first character's rules, in file order. A character whose rules
    are nearly all within a larger set uses that set (trying a rule that
    cannot match costs little; compiling one more alternation costs a lot)."""
    chars = {c for _i, _r, f in firsts if f for c in f} | {"0"}
    subsets = {c: tuple(i for i, _r, f in firsts if f is None or c in f or (c.isdigit() and "0" in f))
               for c in chars}
    chosen: list[tuple[int, ...]] = []
    out: dict[str, tuple[int, ...]] = {}
    for c, sub in sorted(subsets.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        home = min((k for k in chosen if set(sub) <= set(k) and len(k) <= len(sub) + 6), key=len, default=None)
        if home is None:
            chosen.append(sub)
            home = sub
        out[c] = home
    return out


@functools.lru_cache(maxsize=2)
def _dispatch(field: bool = False) -> tuple[re.Pattern[str], _ByChar]:
    """The rules as one alternation per first character, in file order: at
    a position only the rules that can start with its character are tried.
    Rules scoped to date fields take part only when `field` is true."""
    chosen = [(i, r) for i, r in enumerate(rules()) if field or r.extra.get("scope") != "field"]
    firsts = [(i, r, _rule_first_chars(r)) for i, r in chosen]
    # a number is read from its first digit, never from inside (120天 is not 20天)
    start = rx.compile(r"(?!(?<=\d)\d)" + _start_class())
    return start, _ByChar(firsts)


@functools.lru_cache(maxsize=1)
def _field_value() -> re.Pattern[str]:
    """The field-scoped rules as one pattern: is a whole text a date value?"""
    unnamed = (re.sub(r"\(\?P<\w+>", "(?:", r.regex.pattern) for r in rules() if r.extra.get("scope") == "field")
    return rx.compile("|".join(f"(?:{src})" for src in unnamed))


@functools.lru_cache(maxsize=1)
def _start_class() -> str:
    """The `start` character class of rules/deadlines.toml, checked against
    every rule's examples so a new rule cannot silently never fire."""
    from importlib import resources
    from pathlib import Path

    from ..rules import read_toml

    path = Path(str(resources.files("minutes.rules_data"))) / "deadlines.toml"
    start = read_toml(path)["defs"]["start"]
    first = rx.compile(start)
    for rule in rules():
        for ex in rule.match_examples:
            m = rule.regex.search(ex)
            if m is not None and not first.match(ex, m.start()):
                raise RuleError(f"{path}: rule {rule.id}: example {ex!r} starts with {ex[m.start()]!r}, "
                                f"which is not in [defs] start")
    return start


_FIELD_FIRST = rx.compile(r"[\d一二两三四五六七八九十凌早清上中下傍晚夜晏]")


def is_date_value(text: str) -> bool:
    """Is text nothing but a date or a time ("12.2", "3/15", "15:15")? Such a
    value, alone, is read as a date field."""
    s = text.strip()
    if not s or len(s) > 24 or not _FIELD_FIRST.match(s):
        return False
    return _field_value().match(_simplified(s)) is not None


# after a time, words that make it a start ("下周开始"); 起草 and 起稿 are drafting
_STARTS = rx.compile(r"\s*(?:开始|起(?![草稿])|以来|以后|之后)")
# a time that already says "by" ("下周一前开始联调") stays a deadline
_BY = rx.compile(r"(?:前|内|为止|截止)$")


def find_deadlines(text: str, ref: date, field: bool | None = None, names: tuple[str, ...] = ()) -> list[Deadline]:
    """All deadline expressions in text, non-overlapping, in text order.

    `field` says the text is the value of a date field or a date column,
    where a bare "12.2" is a date; None decides from the text (a text that is
    nothing but such a date is one), False reads it as prose. No deadline is
    read inside one of `names` (people whose names hold a date word)."""
    if field is None:  # is_date_value, with its cheap rejections first
        field = len(text) <= 40 and _FIELD_FIRST.match(text.strip()) is not None and is_date_value(text)
    blocked = _blocked(text) if _MAY_BLOCK.search(text) else []
    for who in names:
        i = text.find(who)
        while i >= 0:
            blocked.append((i, i + len(who)))
            i = text.find(who, i + len(who))
    scan = _simplified(text)
    start, by_char = _dispatch(field)
    found: list[Deadline] = []
    made: list[tuple[str, _Groups] | None] = []
    pos, n = 0, len(scan)
    search = start.search
    while pos < n:
        sm = search(scan, pos)
        if sm is None:
            break
        p = sm.start()
        entry = by_char[scan[p]]
        if entry is None:
            pos = p + 1
            continue
        m = entry[0].match(scan, p)
        if m is None or m.end() == p:
            pos = p + 1
            continue
        pos = m.end()
        rule, kind, gnames, names, lead = entry[1][m.lastgroup]  # type: ignore[index]
        s, e = m.span()
        if lead is not None and m.group(lead) is not None:
            s = m.end(lead)
            while s < e and scan[s] in " \t：:":
                s += 1
        while e > s and scan[e - 1] in " \t":
            e -= 1
        if s == e or (blocked and any(a < e and s < b for a, b in blocked)):
            continue
        if kind in _MENTION_KINDS and e < n and ("A" <= scan[e] <= "Z" or "a" <= scan[e] <= "z"):
            continue  # "撰写2016.10.20Scrum会议记录"
        if kind in _UNDATED:
            found.append(Deadline(text[s:e], s, e, None, rule.id, kind == "vague",
                                  f"{text[s:e]}：{'没有具体日期' if kind == 'vague' else rule.message}"))
            made.append(None)
            continue
        if s > 0 and _glued_number(scan, s):
            continue  # "120天内" is not "20天内": a number starts at its left boundary
        if s > 0 and _EVERY.search(scan, max(0, s - 4), s):
            continue  # "每月月底结算", "每周五例会": a time that recurs is no deadline
        if e < n and _STARTS.match(scan, e) and not _BY.search(scan, s, e):
            continue  # "下周开始尝试…", "从下个月起": when work starts, not when it is due
        if len(gnames) > 1:
            groups = _Groups(zip(names, m.group(*gnames)))
        else:
            groups = _Groups({names[0]: m.group(gnames[0])} if gnames else {})
        try:
            d = PRODUCERS[kind](groups, ref)  # type: ignore[arg-type]
        except (ValueError, OverflowError, KeyError):  # out of range (year 9999, 廿廿号, 24月底): no date
            d = None
        if d is not None:
            found.append(Deadline(text[s:e], s, e, d, rule.id, False, f"{text[s:e]} = {d.isoformat()}（{rule.message}）",
                                  _time_of(scan[s:e]) if kind != "range-end" else None))
            made.append((kind, groups))
    return found if len(found) < 2 else _join_ranges(text, ref, found, made)


def _join_ranges(text: str, ref: date, found: list[Deadline], made: list) -> list[Deadline]:
    """"12月1号到1月1号", "周三至周五": two deadlines joined by 到/至/- are one
    range, and a deadline is the range's end (read after its start)."""
    if len(found) < 2:
        return found
    out: list[Deadline] = [found[0]]
    last_made = made[0]
    for d, mk in zip(found[1:], made[1:]):
        prev = out[-1]
        if (prev.date is not None and d.date is not None and mk is not None and last_made is not None
                and _RANGE_JOIN.fullmatch(text, prev.end, d.start)):
            end = d.date
            if end < prev.date:  # read the end after the start: 12月1号至1月1号
                try:
                    end = PRODUCERS[mk[0]](mk[1], prev.date) or end  # type: ignore[arg-type]
                except (ValueError, OverflowError, KeyError):
                    pass
            if end >= prev.date:
                words = text[prev.start:d.end]
                out[-1] = Deadline(words, prev.start, d.end, end, d.rule, False,
                                   f"{words} = {end.isoformat()}（日期区间：取结束日）", d.time)
                last_made = mk
                continue
        out.append(d)
        last_made = mk
    return out


_EVERY = rx.compile(r"每(?:个)?(?:月|周|星期|礼拜|年|季度?|天|日)?\s*$")
_DIGITS = "0123456789０１２３４５６７８９"


def _glued_number(text: str, s: int) -> bool:
    """Does the match at s start inside a longer number?"""
    prev, first = text[s - 1], text[s]
    if first in _DIGITS:
        return prev in _DIGITS
    return first in _CN and prev in "百千万亿"


# a time told as gone by ("我上周去实验室", "昨天已提交"): when something
# happened, which a date lookup answers but no task is due by
_TOLD_PAST = rx.compile(r"(?:上{1,2}(?:周|个?星期|个?礼拜|个?月|次)|昨|大?前天|前日|去年|前年)")


def find_deadline(text: str, ref: date, field: bool | None = None, past: bool = True,
                  names: tuple[str, ...] = ()) -> Deadline | None:
    """The first dated deadline; else the first vague one; else None.
    `past=False` reads the text as a task's due: a time told as gone by is
    passed over, and of several dates the latest is the due, by which the
    whole task is done ("5.1之前讨论设计，5.7之前上交初稿", "最好周五，最晚周六")."""
    all_ = find_deadlines(text, ref, field, names)
    if not past:
        all_ = [d for d in all_ if d.date is None or not _TOLD_PAST.match(d.text)]
        dated = [d for d in all_ if d.date is not None]
        if len(dated) > 1:
            if any(_BY.search(d.text) for d in dated):
                # "于5月底前完成本季度组织生活会", "组织5月下旬的主题党日活动，5月20日前报送方案":
                # a bare period before a noun, or a date before 的, says which meeting or
                # event it is; beside a date marked by 前/内 it is no due
                dated = [d for d in dated if _BY.search(d.text)
                         or (d.rule not in _PERIODS and not text.startswith("的", d.end))]
            return max(dated, key=lambda d: d.date)  # the first of equal dates
    return first_deadline(all_)


_PERIODS = ("deadline.quarter", "deadline.week", "deadline.next-month", "deadline.this-month")  # a whole period: 本季度, 本周, 下个月

_YEAR = rx.compile(r"(?:19|20)\d{2}|[〇零一二三四五六七八九]{4}年")


def has_year(d: Deadline) -> bool:
    """Do the words give the year ("2024.5.6", "二〇二四年", a Minguo year)? Only then
    is the date known without a meeting date to place it."""
    return d.rule == "deadline.roc" or _YEAR.search(d.text) is not None


def first_deadline(found: list[Deadline]) -> Deadline | None:
    """Of deadlines found (find_deadlines), the first dated one; else the first vague one."""
    for d in found:
        if d.date is not None:
            return d
    return found[0] if found else None


_DATE_RULES = ("deadline.absolute", "deadline.roc", "deadline.english", "deadline.month-day", "deadline.range", "deadline.weekday-date",
               "deadline.field-md", "deadline.field-mdy", "deadline.year-month")


def find_dates(text: str, ref: date, field: bool = False) -> list[Deadline]:
    """Dates written in text (a meeting's own date), same shape."""
    out = []
    for d in find_deadlines(text, ref, field):
        if d.date is not None and d.rule in _DATE_RULES:
            out.append(d)
    return out
