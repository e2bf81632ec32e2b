"""基本信息: topic, date, time, place, people, host, recorder, background, goals.

Read from what real minutes contain: `key：value` header lines (Chinese,
English or both), a title heading, a participants heading with a list under
it, and dates in the title or file name when the header has none.
"""
from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from .. import rx
from ..columns import header_name
from ..resolve.dates import find_dates, find_deadline, has_year, time_of
from ..structure import Block, clean
from .context import Context

_PEOPLE_GAPS = r"[、，,；;／/]|\s{{1,}}(?=@)|(?<=\S)@|\s+和\s*|{blank}|(?<=[\u4e00-\u9fff])和(?=[\u4e00-\u9fff])"
_SPLIT_PEOPLE = rx.compile(_PEOPLE_GAPS.format(blank=r"\s+"))
# with commas between the people, a space between two Latin words is inside a name ("Amy Chen, 王磊")
_SPLIT_LISTED = rx.compile(_PEOPLE_GAPS.format(blank=r"(?<![A-Za-z])\s+|\s+(?![A-Za-z])"))
_LISTED = rx.compile(r"[、，,；;]")
_TIME_RANGE = rx.compile(r"(\d{1,2}\s*[:：]\s*\d{2})(?:\s*[-–—~～至到]\s*(\d{1,2}\s*[:：]\s*\d{2}))?")
_PLACE_WORDS = rx.compile(r"腾讯会议|飞书会议|钉钉会议|线上会议|线上|线下|Zoom|Teams|会议室|[\u4e00-\u9fff]{1,6}楼\s*\d+|\d{3}\b")
_MEETING_WORDS = rx.compile(r"会议|例会|周会|本次|召开|时间|日期|纪要|记录|meeting", re.I)
# a line that opens with a dated year: "2024年5月6日 14:00", "##**2016年3月13日**", "2023 Jun 15, 19:00"
_DATE_LINE = rx.compile(r"^[\s#*_>]*(?:19|20)\d{2}\s*(?:[-/.年]|[A-Z][a-z]{2})")
_DEADLINE_WORDS = rx.compile(r"前|截止|负责(?!同志|人)|完成|提交|之内|以内")  # not the 负责 of 负责同志, who attended
_FILE_DATE = rx.compile(r"(20\d{2}|19\d{2})[-_.年]?(\d{1,2})[-_.月]?(\d{1,2})")
_DEPT_SUFFIX = "部|组|中心|团队|委员会|办公室|处|科|室|SIG|sig"  # what ends a department's name
_DEPT_BRACKET = rx.compile(rf"(?P<dept>[\u4e00-\u9fffA-Za-z]{{1,12}}(?:{_DEPT_SUFFIX}))\s*[（(](?P<names>[^（）()]{{2,60}})[)）]")
_DEPT = rx.compile(rf"^(?P<dept>[\u4e00-\u9fffA-Za-z]{{1,12}}(?:{_DEPT_SUFFIX}|办))\s*[:：]\s*(?P<names>.+)$")
_NOT_NAME = rx.compile(r"^(?:等|共|人|各位|全体|无|本次|会议|由|来自|名|成员|\d+)$|[。：:]|\d+名|参会|主持")


def extract_meta(ctx: Context, *, option_date: date | None, path: str | None) -> None:
    st, text, meta = ctx.st, ctx.text, ctx.meta
    fields: dict[str, tuple[int, int]] = {}
    participants_heads: list[int] = []
    date_values: list[tuple[int, int]] = []
    inline: dict[str, tuple[int, int]] = {}  # fields a value ran into, on the same line
    more_people: list[tuple[int, int]] = []  # participants fields right after the first
    people_at = -3  # the block of the last participants field read
    for bi, b in enumerate(st.blocks):
        if b.kind == "heading":
            if field_of(ctx, st.span(bi).rstrip("：: ")) == "participants":
                participants_heads.append(bi)
            continue
        if not b.key:
            for f, span in (form_fields(ctx, b) if b.kind != "cell" else _cell_field(ctx, b)):
                if f == "date":
                    date_values.append(span)
                fields.setdefault(f, span)
            continue
        f = field_of(ctx, b.key)
        end = b.end
        if f is not None and b.value_start is not None:
            # "会议时间：2017/5/18 | 会议地点：求真1-520": a header value that runs into
            # the next field of the form ends there, and that field is read as its own
            # (only on a header line: "张三：负责前端  时间：周五" is no form)
            runs = [(m, run) for m in _NEXT_FIELD.finditer(text, b.value_start, b.end)
                    if (run := field_of(ctx, m.group("key"))) is not None]
            for i, (m, run) in enumerate(runs):
                inline.setdefault(run, (m.end(), runs[i + 1][0].start() if i + 1 < len(runs) else b.end))
            if runs:
                end = runs[0][0].start()
        if f == "date" and b.value_start is not None:
            date_values.append((b.value_start, end))  # 日期 and 时间 lines both
        if f == "participants" and f in fields and b.value_start is not None:
            # "甲方参会人：…" then "乙方参会人：…": both sides attended; a 参会人员 line further
            # down opens another meeting of a running log, whose people are its own
            if bi - people_at <= 2:
                more_people.append((b.value_start, end))
                people_at = bi
            continue
        if f is None or f in fields:
            continue
        if b.value_start is None:
            if f == "participants":
                participants_heads.append(bi)
            continue
        fields[f] = (b.value_start, end)
        if f == "participants":
            people_at = bi

    for f, span in [*inline.items(), *_heading_fields(ctx).items()]:
        fields.setdefault(f, span)  # a line of its own ("出席人員：黃庭毅 …") over one run into another ("| 出席人員：如下列")
    for f in ("topic", "location", "initiator", "recorder", "background", "goals"):
        if f in fields:
            s, e = fields[f]
            if (m := _NEXT_FIELD.search(text, s, e)) is not None:
                e = m.start()  # "发布人：徐琳金      编号：022": the next field on the same line
            setattr(meta, f, clean(text[s:e]) or None)
    for f in ("initiator", "recorder"):  # "**记录**: @yanzi" names yanzi, as the participants list does
        if getattr(meta, f):
            setattr(meta, f, getattr(meta, f).lstrip("@＠"))
    if meta.initiator is None or meta.location is None:
        _chaired(ctx)
    if meta.topic is None and st.title is not None:
        meta.topic = clean(st.span(st.title)) or None
    if meta.topic is None and st.blocks and st.blocks[0].kind == "para" and st.blocks[0].key is None:
        # plain-text minutes open with a title line: "关于…的会议纪要"
        first = st.span(0)
        if len(first) <= 40 and not re.search(r"[。；;！？!?]", first):
            meta.topic = clean(first)
    if "date" in fields:
        s, e = fields["date"]
        value = text[s:e]
        m = _TIME_RANGE.search(value)
        if m:
            meta.time = re.sub(r"\s|：", lambda x: ":" if x.group() == "：" else "", m.group(0))
        if meta.location is None and _PLACE_WORDS.search(value):
            meta.location = clean(_strip_dates(value)) or None

    if meta.time is None:  # "时间：下午三点-五点": the deadline resolver reads times of day too
        meta.time = next((t for s, e in date_values if (t := time_of(text[s:e])) is not None), None)
    _meeting_date(ctx, fields, option_date, path)
    _participants(ctx, [fields["participants"], *more_people] if "participants" in fields else more_people,
                  participants_heads)
    _block_dates(ctx)


_NEXT_FIELD = rx.compile(r"(?:\s{2,}|\s*[|｜]\s*)(?P<key>[^\s:：|｜]{1,8})[:：]")
# the cells of a form's row as a Word table pastes them: "会议时间 | 2016-08-08 | 地点 | 二楼会议室"
_FORM_CELL = rx.compile(r"[^|\t]+")


def form_fields(ctx: Context, b: Block) -> list[tuple[str, tuple[int, int]]]:
    """(field, value span) of a line of form cells, key then value, for each
    key that names a field of the record ("出席人 | 刘永柏，徐琳金"); [] for
    any other line."""
    text = ctx.text
    if b.kind != "para" or b.key is not None:
        return []
    if text.find("|", b.start, b.end) < 0 and text.find("\t", b.start, b.end) < 0:
        return []  # most lines: no cell at all
    cells = [(m.start(), m.end()) for m in _FORM_CELL.finditer(text, b.start, b.end) if m.group().strip()]
    if len(cells) < 2:
        return []
    out = []
    for (ks, ke), (vs, ve) in zip(cells[::2], cells[1::2]):
        f = field_of(ctx, text[ks:ke].strip())
        if f is not None:
            out.append((f, (vs, ve)))
    return out  # "召开部门 | 研发部 | 主讲人 | 刘永柏 | 记录人 | 张敏": a row is the form's when any key is a field


def _cell_field(ctx: Context, b: Block) -> list[tuple[str, tuple[int, int]]]:
    """A cell of a meeting-info table, as (field, value span): "| 主持人 | 何静 |" keys
    its row by its first cell, "| 会议时间 | 会议地点 |" over one row of values keys
    each cell by its column."""
    if b.row_key is not None and (f := field_of(ctx, b.row_key)) is not None:
        return [(f, (b.start, b.end))]
    if b.column is None or len(b.column.strip("*# ")) > 6 or (b.row_key is None and field_of(ctx, ctx.text[b.start:b.end])):
        return []  # ("| 会议主题 | … |" over "| 时间 | … |": its rows are keyed by their first cells)
    # by column, only when and where it was and who chaired and wrote: "| 成员 | 本周任务 |"
    # lists who does what, "| 阶段 | 目标 |" a plan's steps, "| 题目 | 分配小组 |" topics
    f = field_of(ctx, b.column)
    return [(f, (b.start, b.end))] if f in ("date", "location", "initiator", "recorder") else []


def _heading_fields(ctx: Context) -> dict[str, tuple[int, int]]:
    """`## 背景` / `## 目标` headings: the first paragraph under them; a template's
    `### 1.3 会议时间` / `### 1.4 会议地点` over a short line: that line."""
    st = ctx.st
    out: dict[str, tuple[int, int]] = {}
    for hi, h in enumerate(st.blocks):
        if h.kind != "heading":
            continue
        f = field_of(ctx, st.span(hi))
        if f not in _HEADING_FIELDS or f in out:
            continue
        body = [b for b in st.blocks[hi + 1 : hi + 20] if b.heading == hi and b.kind in ("para", "item")]
        if body and (f in ("background", "goals", "date")
                     or body[0].kind == "para" and body[0].end - body[0].start <= 60 and body[0].key is None):
            out[f] = (body[0].start, body[0].end)
    return out


_HEADING_FIELDS = frozenset({"background", "goals", "topic", "date", "location", "initiator", "recorder"})


# a template's outline number before a field's name ("1.2 参会人员", "二、会议时间")
_OUTLINE = rx.compile(r"^(?:\d{1,2}(?:\.\d{1,2})*[.、．]?|[一二三四五六七八九十]{1,2}[、.．])\s*(?=\S)")


def field_of(ctx: Context, key: str) -> str | None:
    """Header keys repeat across an archive; the field a key names depends
    only on the rules, so it is looked up once per rule set."""
    memo = ctx.rules.memo
    if ("field", key) not in memo:
        # "主 持 人", "记 录": a key spaced out as Word sets a table's labels
        stripped = header_name(_OUTLINE.sub("", key.strip("*# ：:")))
        memo[("field", key)] = next(
            (r.extra.get("field") for r in ctx.rules.family("meta") if r.search(stripped) is not None), None)
    return memo[("field", key)]  # type: ignore[return-value]


def _strip_dates(value: str) -> str:
    value = re.sub(r"\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*[日号]?", "", value)
    value = re.sub(r"(?i)\b(mon|tue|wed|thu|fri|sat|sun)\w*\b|周[一二三四五六日天]|星期[一二三四五六日天]", "", value)
    return _TIME_RANGE.sub("", value).strip(" ，,")


def _meeting_date(ctx: Context, fields: dict[str, tuple[int, int]], option: date | None,
                  path: str | None) -> None:
    """The text's own full date wins; a date without a year takes the year of
    --date; then the file name; then --date. Never today's date: a record
    whose date is unknown says so."""
    meta = ctx.meta
    front = _front_date(ctx)
    ref = option or front or date(2000, 1, 1)
    candidates: list[tuple[int, int, bool]] = []  # span, and whether a year-less date may count
    if "date" in fields:
        candidates.append((*fields["date"], True))
    if ctx.st.title is not None:
        t = ctx.st.blocks[ctx.st.title]
        candidates.append((t.start, t.end, True))
    # Early prose such as "本次（2022/11/23）OpenSergo 社区会议…" or a line that
    # is a date ("2024年5月6日 14:00 | 45分钟") — but not a deadline in an
    # early action line ("6月30日前提交"), and only with a year.
    for b in ctx.st.blocks[:12]:
        line = ctx.text[b.start : b.end]
        if (_MEETING_WORDS.search(line) or _DATE_LINE.match(line)) and not _DEADLINE_WORDS.search(line):
            candidates.append((b.start, b.end, False))
    for i, (s, e, yearless_ok) in enumerate(candidates):
        # the 日期 field is a date value: there "11.17" is a date, as in a date column
        for d in find_dates(ctx.text[s:e], ref, field=i == 0 and "date" in fields):
            if d.date is None:
                continue
            if has_year(d):
                meta.date, meta.date_source = d.date.isoformat(), "text"
                ctx.meeting_date = d.date
                return
            if option is not None and yearless_ok:
                meta.date, meta.date_source = d.date.isoformat(), "option"
                ctx.meeting_date = d.date
                return
            if option is None and front is not None:
                # "2 月 24 日，MOSN 举办了…" under a post dated 2022-02-28: the year is the post's
                meta.date, meta.date_source = d.date.isoformat(), "text"
                ctx.meeting_date = d.date
                return
    # "## 20190318会议纪要", "# 2023_04_16 会议记录", "=====2018-12-08=====": a compact
    # date in the title or an early heading or line, or the first row of a log's date column
    for s, e in [(c[0], c[1]) for c in candidates] + [
            (b.start, b.end) for b in ctx.st.blocks[:12] if b.kind in ("heading", "para") or _dated_row(ctx, b)]:
        d = _compact_date(ctx.text[s:e])
        if d is not None and not _DEADLINE_WORDS.search(ctx.text[s:e]):
            meta.date, meta.date_source = d.isoformat(), "text"
            ctx.meeting_date = d
            return
    if front is not None:
        meta.date, meta.date_source = front.isoformat(), "text"
        ctx.meeting_date = front
        return
    # a chat export dates its turns in their header lines ("张伟 2024-05-06 10:01"),
    # which the spoken view leaves out: the first one's day
    chat = _CHAT_HEADER.search(ctx.orig, 0, 2000) if ctx.view is not None and ctx.orig is not None else None
    d = _ymd(*chat.group("y", "m", "d")) if chat is not None else None
    if d is not None:
        meta.date, meta.date_source = d.isoformat(), "text"
        ctx.meeting_date = d
        return
    named = _FILE_DATE.search(Path(path).stem) if path and path != "-" else None
    d = _ymd(*named.group(1, 2, 3)) if named is not None else None
    if d is not None:
        meta.date, meta.date_source = d.isoformat(), "filename"
        ctx.meeting_date = d
        return
    if option is not None:
        meta.date, meta.date_source = option.isoformat(), "option"
        ctx.meeting_date = option


_CHAT_HEADER = rx.compile(r"^[ \t]*\S{1,16}[ \t]+(?P<y>(?:19|20)\d{2})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})[ \t]+\d{1,2}:\d{2}", re.M)


def _front_date(ctx: Context) -> date | None:
    """The date of the front matter's `date:` line, when it has a year."""
    if ctx.st.front_date is None:
        return None
    # ISO dates and datetimes ("2024-05-27T22:19:13-08:00", "2014-08-31 16:18:10 +0800"):
    # the calendar day as written, whatever the zone
    m = _FRONT_DATE.match(ctx.text, *ctx.st.front_date)
    return _ymd(*m.group("y", "m", "d")) if m is not None else None


def _ymd(y: str, m: str, d: str) -> date | None:
    """The day of year, month and day as written; None for one the calendar lacks (2月30日)."""
    try:
        return date(int(y), int(m), int(d))
    except ValueError:
        return None


_FRONT_DATE = rx.compile(r"[\"']?(?P<y>(?:19|20)\d{2})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})(?!\d)")


_COMPACT = rx.compile(r"(?<![\d.])((?:19|20)\d{2})([-_/.]?)(0[1-9]|1[0-2])\2(0[1-9]|[12]\d|3[01])(?![\d.])")


# a formal record's opening: "2024年5月6日上午，公司副总经理王建国在总部三楼会议室主持召开…",
# "杨环宇组长主持": who chaired, a title after the name, and where
_CHAIRED = rx.compile(r"([\u4e00-\u9fff]{2,4}?)(?:同志|组长|老师|经理|主任|书记|部长|院长|主席)?\s*(?:在([^，,。；;\n]{2,24}?))?主持(?:召开|了)?")


_HELD_AT = rx.compile(r"在([^，,。；;\n在]{2,24}?)(?:召开|举行)")


def _chaired(ctx: Context) -> None:
    """Who chaired and where, from the first lines of prose, when no field says."""
    meta, text = ctx.meta, ctx.text
    for b in ctx.st.blocks[:4]:
        if b.kind != "para":
            continue
        m = _CHAIRED.search(text, b.start, b.end)
        if m is None:
            continue
        run = m.group(1)
        # the name ends the words before 在/主持: "副总经理王建国" is 王建国
        name = next((run[i:] for i in range(max(0, len(run) - 3), len(run) - 1)
                     if ctx.rules.any("owners", "person-name", run[i:])), None)
        if meta.initiator is None and name is not None:
            meta.initiator = name
        if meta.location is None and m.group(2):
            meta.location = clean(m.group(2))
        if meta.location is None and (held := _HELD_AT.search(text, b.start, b.end)) is not None:
            meta.location = clean(held.group(1))  # "总经理办公会在总部第一会议室召开，总经理李建华主持"
        return


def _compact_date(text: str) -> date | None:
    m = _COMPACT.search(text)
    if m is None:
        return None
    try:
        return date(int(m.group(1)), int(m.group(3)), int(m.group(4)))
    except ValueError:
        return None


# a note in brackets after a name says what the person did at the meeting
# ("张三（主持）", "李四（线上）") or that they were not there ("王五（请假）")
_NOTE = rx.compile(r"\s*[（(](?P<note>[^（）()]{1,12})[)）]")
_ROLE_NOTE = rx.compile(r"(?P<name>[^、，,；;\s（()）:：]{2,12})\s*[（(]\s*(?P<role>记录人?|主持人?)\s*[)）]")
_ABSENT = rx.compile(r"请假|缺席|未到|未出席|未参加|缺勤")
_AWAY = "\x00"  # marks a name whose note said they were away, until the value is split


def _names(value: str, away: list[str] | None = None) -> list[str]:
    """The people a participants value names, in order; those it says were
    away (请假, 缺席) are left out, or put in `away` when it is given."""
    value = _NOTE.sub(lambda m: _AWAY if _ABSENT.search(m["note"]) else "", clean(value))
    value = value.rstrip("。；;，, ")  # "…、刘嘉飞、安尚文。": the line's full stop ends the list, not the last name
    out = []
    for part in (_SPLIT_LISTED if _LISTED.search(value) else _SPLIT_PEOPLE).split(value):
        part = part.strip()
        absent = part.endswith(_AWAY) or _ABSENT.search(part[-3:]) is not None
        part = _ABSENT.sub("", part.replace(_AWAY, "")) if absent else part
        part = re.sub(r"(?:负责同志|同志|负责人|等(?:人)?)$", "", part.strip(" @＠*()（）[]【】"))
        if not part or _NOT_NAME.search(part) or len(part) > 24:
            continue
        if not absent:
            out.append(part)
        elif away is not None:
            away.append(part)
    return out


def _participants(ctx: Context, spans: list[tuple[int, int]], heads: list[int]) -> None:
    st, meta = ctx.st, ctx.meta
    people: list[str] = []
    away: list[str] = []  # named as away: not participants, but people who may still be given work
    depts: dict[str, list[str]] = {}
    for s, e in spans:
        # "研发部：张三、李四；测试部：王五" groups people by department inline, as
        # "产品部（吴安之、吕莉）、研发部（陈董锴）" does with brackets
        value = ctx.text[s:e]
        for m in _ROLE_NOTE.finditer(value):  # "冯晓（记录）": who kept the record, when no field says
            f = "recorder" if m["role"].startswith("记录") else "initiator"
            if getattr(meta, f) is None:
                setattr(meta, f, m["name"])
        bracketed = list(_DEPT_BRACKET.finditer(value))
        if bracketed:
            for m in bracketed:
                names = _names(m.group("names"), away)
                depts.setdefault(m.group("dept"), []).extend(names)
                people += names
            value = _DEPT_BRACKET.sub("", value)
        for group in re.split(r"[；;]", value):
            m = _DEPT.match(group.strip())
            if m:
                names = _names(m.group("names"), away)
                depts.setdefault(m.group("dept"), []).extend(names)
                people += names
            else:
                people += _names(group, away)
    for hi in heads:
        # the list right under a participants heading or label
        for bi in range(hi + 1, len(st.blocks)):
            b = st.blocks[bi]
            if b.kind == "label" and b.heading == hi and st.blocks[hi].kind == "heading" \
                    and st.span(bi).lstrip().startswith(("@", "＠")):
                people += _names(st.span(bi), away)  # "## Attendees" over "@alice @bob": a line of handles
                continue
            if b.kind == "heading" or (b.kind == "label" and bi != hi):
                break
            under = b.heading == hi if st.blocks[hi].kind == "heading" else b.label == hi
            if not under or b.kind not in ("item", "para"):
                break
            line = st.span(bi)
            m = _DEPT.match(line)
            if m:
                names = _names(m.group("names"), away)
                depts.setdefault(m.group("dept"), []).extend(names)
                people += names
            elif b.kind == "item":
                people += _names(line, away)
            elif bi == hi + 1 and _LISTED.search(line) and all(len(n) <= 6 for n in _names(line)):
                people += _names(line, away)  # one line that lists them: "### 参会人员" over "张若焓、申宜卡"
    seen: set[str] = set()
    meta.participants = [p for p in people if not (p in seen or seen.add(p))]
    meta.departments = depts
    ctx.people.update(meta.participants, away)
    for f in ("initiator", "recorder"):
        v = getattr(meta, f)
        if v:
            ctx.people.update(_names(v))


# "2020/3/17 需求文档第二次会议 （主要内容及分工讨论）": a line that opens a
# running log's entry, as a dated heading would
_ENTRY_LINE = rx.compile(r"\s*(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?[^，,。；;：:！!？?]{0,24}?"
                         r"(?:会议|例会|周会|组会|讨论会|研讨会|会)(?:[^，,。；;：:！!？?]{0,30}|\s*[（(][^)）]{0,30}[)）])\s*$")


def is_entry_line(ctx: Context, b: Block) -> bool:
    """A dated line that names a meeting and says nothing else: the title of
    one entry of a log of meetings, not a sentence of it."""
    # match() anchors at b.start itself; a slice of the block would be cut
    # again for every sentence of a long one-line block
    return b.kind in ("para", "item") and b.key is None and _ENTRY_LINE.match(ctx.text, b.start, b.end) is not None


# a row of a log that opens with its date: "2020.3.15 | 马广洲、张祥国 | 确定本周组员分工：…"
_ROW_DATE = rx.compile(r"[ \t]*(?:(?:19|20)\d{2}\s*[./\-年]\s*)?\d{1,2}\s*[./\-月]\s*\d{1,2}\s*[日号]?\s*(?:\||\t)")


def _dated_row(ctx: Context, b: Block) -> bool:
    """A log's row: a line of cells whose first is a date, or the cell of a
    table's date column ("| 2020.3.15 | … |" under "日期"); the row's words
    are dated by it."""
    if b.kind == "cell":
        return bool(b.column) and field_of(ctx, b.column) == "date"
    return b.kind == "para" and b.key is None and _ROW_DATE.match(ctx.text, b.start, b.end) is not None


# "## 8.5 组会", "### 12.7 组会会议记录", "## 8.21": an entry of a log of meetings
# headed by its month and day alone (a section number is read past before:
# "### 1.3 会议时间" is no date)
_DATED_HEADING = rx.compile(r"[\s*#]*(?P<md>\d{1,2}\s*[./．]\s*\d{1,2})\s*(?P<what>(?:(?:组会|例会|周会|会议|讨论|碰头会)\s*)?"
                            r"(?:(?:会议)?(?:纪要|记录|讨论记录|小结|总结))?)[\s*：:]*")


# a date column's cell that holds a month and day alone ("| 4.19 |"): read as a date there
_CELL_MONTH_DAY = rx.compile(r"\s*(?P<md>\d{1,2}\s*[./．]\s*\d{1,2})\s*")


# "议题1. 讨论保全合约(合约于114/1/31 到期)": a date in a heading that says
# when something falls due is no date of the meeting under it
_DUE_AFTER = rx.compile(r"\s*(?:到期|截止|(?:之|以)?前(?![端台期]))")


# a Word table pasted as text, one "key | value" a line: "会议时间 | 2020.9.16 9:00" opens
# the next meeting of a file of several, as a 会议时间： line does
_PIPED_KEY = rx.compile(r"[ \t]*([^|\t\n]{1,8}?)[ \t]*(?:\||\t)[ \t]*")


_MEETING_FIELDS = frozenset({"location", "participants", "recorder", "initiator", "topic", "goals", "background"})


def _event_date(ctx: Context, bi: int) -> bool:
    """"- 日期:113/07/01" among "活動對象", "活動天數" dates an event the meeting
    plans, not a next meeting of a log: a meeting's date field stands among
    the meeting's other fields (地点, 参会人员, 记录人 …) in its section, or
    its section or key names the meeting."""
    b = ctx.st.blocks[bi]
    if b.key is None or _MEETING_WORD.search(b.key) or ctx.meeting_date is None:
        return False
    blocks = ctx.st.blocks
    lo = bi
    while lo > max(0, bi - 4) and blocks[lo].kind != "heading":
        lo -= 1  # back to the section's own heading at most
    hi = bi + 1
    while hi < min(len(blocks), bi + 5) and blocks[hi].kind != "heading":
        hi += 1
    near = [n for n in blocks[lo:hi] if n is not b]
    return not any((n.key and (field_of(ctx, n.key) in _MEETING_FIELDS or _MEETING_WORD.search(n.key)))
                   or (n.kind == "heading" and _MEETING_WORD.search(ctx.text, n.start, n.end)) for n in near)


_MEETING_WORD = rx.compile(r"会|會|meeting", re.I)


def _block_dates(ctx: Context) -> None:
    """The date each block is resolved against: in a running log of several
    dated meetings, the date of the entry that holds it."""
    current = ctx.meeting_date
    out: list[date | None] = []
    ref = ctx.meeting_date
    outline = ctx.outline_numbers()
    for bi, b in enumerate(ctx.st.blocks):
        entry = None
        piped = _PIPED_KEY.match(ctx.text, b.start, b.end) if b.kind == "para" and b.key is None else None
        if piped is not None and field_of(ctx, piped.group(1)) != "date":
            piped = None
        if b.kind == "heading" or (b.key and field_of(ctx, b.key) == "date" and b.value_start is not None
                                   and not _event_date(ctx, bi)) \
                or is_entry_line(ctx, b) or _dated_row(ctx, b) or piped is not None:
            # a heading is read past its section number: "1.3" there is not 1月3日
            start = outline.get(bi, b.start) if b.kind == "heading" or b.value_start is None else b.value_start
            if piped is not None:
                start = piped.end()
            if ref is not None:
                words = ctx.text[start : b.end]
                found = [d for d in find_dates(words, ref) if d.date is not None
                         and not (b.kind == "heading" and _DUE_AFTER.match(words, d.end))]
                if found:
                    entry = found[0].date
            if entry is None and (b.kind == "heading" or b.kind == "cell"):
                entry = _compact_date(ctx.text[start : b.end])  # "| 20220706 | …" under MeetingTime
            if entry is None and ref is not None and (
                    b.kind == "heading" and (m := _DATED_HEADING.fullmatch(ctx.text, start, b.end)) is not None
                    and (m.group("what") or ctx.text.startswith("#", ctx.st.line_starts[b.line - 1]))
                    # the cell of a date column: "| 4.19 | 交流了分工 | …20号提交 |" is April 19th
                    or b.kind == "cell" and (m := _CELL_MONTH_DAY.fullmatch(ctx.text, start, b.end)) is not None):
                # (a heading's bare month and day only as a Markdown heading: "**6.2**" over a paragraph numbers it)
                d = find_deadline(m.group("md"), ref, field=True)
                entry = d.date if d is not None else None
        if entry is not None:
            current = entry
        out.append(current)
    ctx.block_dates = out
