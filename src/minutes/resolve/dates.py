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
import re
from dataclasses import dataclass
from datetime import date, timedelta

_CN = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
_WD = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6, "末": 6, "1": 0, "2": 1, "3": 2, "4": 3, "5": 4, "6": 5, "7": 6}
NUM = r"(?:\d{1,2}|[一二三四五六七八九十两]{1,3})"
DAYWORD = r"(?:周|星期|礼拜)"
TAIL = r"(?:(?:上午|中午|下午|晚上|早上)?\s*\d{1,2}(?:[:：]\d{2}|点(?:半|\d{1,2}分?)?)|下班|中午|晚上|上午|下午|早上|EOD)?\s*(?:之前|以前|前|截止|为止|内)?"


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


def _is_workday(d: date) -> bool:
    try:
        import chinese_calendar

        return chinese_calendar.is_workday(d)
    except (ImportError, NotImplementedError):
        return d.weekday() < 5  # outside the years chinese_calendar knows


def _nth_workday(ref: date, n: int) -> date:
    d, count = ref, 0
    while count < n:
        d += timedelta(days=1)
        if _is_workday(d):
            count += 1
    return d


_HOLIDAY_NAMES = {"春节": "Spring Festival", "元旦": "New Year's Day", "五一": "Labour Day", "劳动节": "Labour Day",
                  "国庆": "National Day", "清明": "Tomb-sweeping Day", "端午": "Dragon Boat Festival", "中秋": "Mid-autumn Festival"}


def _holiday_span(name: str, ref: date) -> tuple[date, date] | None:
    """First and last day off of the next occurrence of a named holiday."""
    try:
        import chinese_calendar
    except ImportError:  # pragma: no cover
        return None
    target = _HOLIDAY_NAMES[name]
    d = ref - timedelta(days=10)
    end = ref + timedelta(days=400)
    while d < end:
        try:
            on, hname = chinese_calendar.get_holiday_detail(d)
        except NotImplementedError:
            return None
        if on and hname is not None and str(getattr(hname, "value", hname)) == target:
            first = d
            while True:
                nxt = d + timedelta(days=1)
                try:
                    on2, h2 = chinese_calendar.get_holiday_detail(nxt)
                except NotImplementedError:
                    break
                if not (on2 and (h2 is None or str(getattr(h2, "value", h2)) == target)) or _is_workday(nxt):
                    break
                d = nxt
            if d >= ref - timedelta(days=3) or first >= ref:
                return first, d
        d += timedelta(days=1)
    return None


# --- rules: (id, regex, producer) -----------------------------------------
# Order matters: longer, more specific forms first; a span is taken once.

def _r(p: str) -> re.Pattern[str]:
    return re.compile(p)


def _abs_full(m: re.Match[str], ref: date) -> date | None:
    return _safe(_year(m["y"]), _num(m["m"]), _num(m["d"]))


def _range_end(m: re.Match[str], ref: date) -> date | None:
    y = _year(m["y2"]) if m["y2"] else (_year(m["y"]) if m["y"] else None)
    mo = _num(m["m2"]) if m["m2"] else _num(m["m"])
    d = _num(m["d2"])
    if y is None:
        return _month_day_year(ref, mo, d)
    return _safe(y, mo, d)


def _md(m: re.Match[str], ref: date) -> date | None:
    return _month_day_year(ref, _num(m["m"]), _num(m["d"]))


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


def _workdays(m: re.Match[str], ref: date) -> date:
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
    pre, mon, part = m["pre"], m["mon"], m["part"]
    y, mo = ref.year, ref.month
    if mon:
        mo = _num(mon)
        cand = _month_day_year(ref, mo, 1)
        y = cand.year if cand else y
        if cand and _last_day(y, mo) < ref - timedelta(days=61):
            y += 1
    elif pre in ("下", "下个"):
        y, mo = (y + 1, 1) if mo == 12 else (y, mo + 1)
    day = {"初": 5, "上旬": 10, "中": 15, "中旬": 20, "下旬": None, "底": None, "末": None}.get(part)
    if part is None or part == "":
        day = None if pre else None
    return _last_day(y, mo) if day is None else _safe(y, mo, day)


def _month_day_in(m: re.Match[str], ref: date) -> date | None:
    y, mo = ref.year, ref.month
    if m["pre"] in ("下", "下个"):
        y, mo = (y + 1, 1) if mo == 12 else (y, mo + 1)
    return _safe(y, mo, _num(m["d"]))


def _quarter(m: re.Match[str], ref: date) -> date:
    q = _num(m["q"])
    y = ref.year + (1 if m["pre"] == "明年" else 0)
    if m["pre"] in ("下", "下个"):
        q = (ref.month - 1) // 3 + 2
        if q > 4:
            q, y = 1, y + 1
    return _last_day(y, min(q, 4) * 3)


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


_Y = r"(?P<y>\d{4}|[〇零一二三四五六七八九]{4})"
RULES: list[tuple[str, re.Pattern[str], object]] = [
    ("deadline.range", _r(rf"(?:{_Y}\s*[-/.年]\s*)?(?P<m>\d{{1,2}})\s*[-/.月]\s*(?P<d>\d{{1,2}})\s*[日号]?\s*(?:[-–—~～至到])\s*(?:(?P<y2>\d{{4}})\s*[-/.年]\s*)?(?:(?P<m2>\d{{1,2}})\s*[-/.月]\s*)?(?P<d2>\d{{1,2}})\s*[日号]?{TAIL}"), _range_end),
    ("deadline.absolute", _r(rf"{_Y}\s*[-/.年]\s*(?P<m>\d{{1,2}}|[一二三四五六七八九十]{{1,2}})\s*[-/.月]\s*(?P<d>\d{{1,2}}|[一二三四五六七八九十]{{1,3}})(?![\d.])\s*[日号]?{TAIL}"), _abs_full),
    ("deadline.weekday-date", _r(rf"(?P<pre>下下|下|本|这)?{DAYWORD}(?P<wd>[一二三四五六日天1-7])\s*[（(]\s*(?P<m>\d{{1,2}})\s*[月/.-]\s*(?P<d>\d{{1,2}})\s*[日号]?\s*[)）]\s*{TAIL}"), _md),
    ("deadline.month-day", _r(rf"(?P<m>\d{{1,2}}|[一二三四五六七八九十]{{1,2}})\s*月\s*(?P<d>\d{{1,2}}|[一二三四五六七八九十]{{1,3}})\s*[日号]{TAIL}|(?<![\d.\w])(?P<m2>\d{{1,2}})[/.](?P<d2>\d{{1,2}})(?=\s*(?:前|之前|以前|日|号|截止|\d{{1,2}}:\d{{2}}))(?![\d.]){TAIL}"), None),
    ("deadline.holiday", _r(r"(?P<h>春节|元旦|五一|劳动节|国庆|清明|端午|中秋)(?:节|假期|长假|放假)?(?P<side>之前|以前|前|之后|以后|后|结束后)(?:第一个工作日|第一天)?"), _holiday),
    ("deadline.workdays", _r(rf"(?P<n>{NUM})\s*个?工作日(?:内|之内|以内|前|后)?|(?:下一个|下个|后一个)工作日(?P<nx>)|节后第一个工作日"), _workdays),
    ("deadline.relative-day", _r(rf"(?P<w>大后|明后|今|明|后|当|次|翌)(?:天|日|早|晚)(?!气)(?:{TAIL})"), _rel_day),
    ("deadline.n-days", _r(rf"(?P<n>{NUM})\s*(?P<unit>天|日|周|个星期|个礼拜|星期|礼拜|个月)(?:之内|以内|内|后|之后)"), _n_days),
    ("deadline.weekday", _r(rf"(?P<pre>下下个?|下个?|本个?|这个?)?{DAYWORD}(?P<wd>[一二三四五六日天1-7])(?![\d年月])\s*{TAIL}"), _weekday),
    ("deadline.weekend", _r(r"(?P<pre>下个?|本|这个?)?周末(?:之前|以前|前)?"), _weekend),
    ("deadline.week", _r(rf"(?P<pre>下下个?|下个?|本|这个?)(?:周|星期|礼拜)(?:内|之内|以内)?(?![一二三四五六日天1-7])(?:{TAIL})"), _week),
    ("deadline.month-in", _r(rf"(?P<pre>本|这个?|下个?)月(?P<d>\d{{1,2}}|[一二三四五六七八九十]{{1,3}})\s*[日号]{TAIL}"), _month_day_in),
    ("deadline.month-part", _r(rf"(?:(?P<mon>\d{{1,2}}|[一二三四五六七八九十]{{1,2}})\s*月(?:份)?|(?P<pre>本|这个?|下个?)月|(?<![年岁])月)(?P<part>初|底|末|中旬|上旬|下旬|中)(?:{TAIL})"), _month_part),
    ("deadline.next-month", _r(r"(?P<pre>下个?)月(?![初底末中上下\d一二三四五六七八九十])(?:之前|以前|前|内)?(?P<part>)(?P<mon>)"), _month_part),
    ("deadline.quarter", _r(r"(?P<pre>明年|下个?)?(?:Q(?P<q>[1-4])|第?(?P<q2>[一二三四1-4])季度(?:末|底)?)(?:之前|以前|前|内)?"), None),
    ("deadline.half-year", _r(r"(?P<h>上|下)半年(?:之前|以前|前|内|底|末)?"), _half),
    ("deadline.year-end", _r(r"(?:今年|本年度?)?(?:年底|年前|年末|年内)(?:之前|以前|前)?"), _year_end),
    ("deadline.day-only", _r(r"(?<![\d月/.\-])(?P<d>[12]?\d|3[01]|[一二三四五六七八九十]{1,3})\s*号(?!楼|公寓|线|房|馆|门|院|厅|机|室|文件|令|字|码|位|店|仓|台|床|车)(?:之前|以前|前)?"), _day_only),
]

VAGUE = re.compile(r"尽快|尽早|抓紧|近期|近日|(?:时间|日期|截止时间|完成时间)待定|待定时间|择期|择日|适时|稍后|另行通知|视情况|后续|过段时间|晚些时候")
_NOT_INSIDE = re.compile(r"https?://\S+|\]\([^)]*\)|#\d+|[vV]\d+(?:\.\d+)+|(?<![\d.])\d{1,2}(?:\.\d+){2,}")


_MENTION_RULES = {"deadline.absolute", "deadline.month-day"}


def _blocked(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _NOT_INSIDE.finditer(text)]


def _produce(rid: str, m: re.Match[str], ref: date) -> date | None:
    if rid == "deadline.month-day":
        mo, d = (m["m"], m["d"]) if m["m"] else (m["m2"], m["d2"])
        return _month_day_year(ref, _num(mo), _num(d))
    if rid == "deadline.quarter":
        q = m["q"] or m["q2"]
        pre = m["pre"]
        y = ref.year + (1 if pre == "明年" else 0)
        return _last_day(y, _num(q) * 3)
    for r, _p, fn in RULES:
        if r == rid:
            return fn(m, ref)  # type: ignore[operator]
    return None


def find_deadlines(text: str, ref: date) -> list[Deadline]:
    """All deadline expressions in text, non-overlapping, in text order."""
    taken: list[tuple[int, int]] = _blocked(text)
    found: list[Deadline] = []
    for rid, pat, _fn in RULES:
        for m in pat.finditer(text):
            s, e = m.span()
            while e > s and text[e - 1] in " \t":
                e -= 1
            if s == e or any(a < e and s < b for a, b in taken):
                continue
            if rid in _MENTION_RULES and e < len(text) and re.match(r"[A-Za-z]", text[e]):
                continue  # "撰写2016.10.20Scrum会议记录": a date naming a thing, not a deadline
            d = _produce(rid, m, ref)
            if d is None:
                continue
            taken.append((s, e))
            found.append(Deadline(text[s:e], s, e, d, rid, False, f"{text[s:e]} = {d.isoformat()}"))
    for m in VAGUE.finditer(text):
        s, e = m.span()
        if not any(a < e and s < b for a, b in taken):
            taken.append((s, e))
            found.append(Deadline(m.group(), s, e, None, "deadline.vague", True, m.group() + "：没有具体日期"))
    return sorted(found, key=lambda d: d.start)


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
