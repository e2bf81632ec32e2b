"""Closing the loop: reminders per owner (.md and .eml), the weekly
进度同步 mail, and the 协作复盘总结 with its archive. Dates are passed in;
nothing here reads the clock."""
from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta, timezone
from email.message import EmailMessage
from email.utils import format_datetime, formataddr

from .report import _md_table, table_md
from .store import TrackedAction, Tracker, due_soon

_CST = timezone(timedelta(hours=8), "CST")  # the mails are dated 09:00 China time
WINDOW = 7  # days ahead a reminder looks
SENDER = "minutes 行动项跟踪 <minutes@localhost>"
_UNSAFE = re.compile(r'[\\/:*?"<>|\s]+')


def owners_of(a: TrackedAction) -> list[str]:
    """`王敏、刘洋` → each person gets the reminder; no owner → （未指定）."""
    names = [n.strip() for n in re.split(r"[、，,；;/]", a.owner or "") if n.strip()]
    return names or ["（未指定）"]


def file_name(owner: str) -> str:
    return _UNSAFE.sub("_", owner).strip("._") or "owner"


def _when(a: TrackedAction, as_of: date) -> str:
    days = (date.fromisoformat(a.due) - as_of).days
    if days < 0:
        return f"截止 {a.due}，已逾期 {-days} 天"
    return f"截止 {a.due}，{'今天到期' if days == 0 else f'还有 {days} 天'}"


def reminders(tracker: Tracker, as_of: date, window: int = WINDOW) -> dict[str, tuple[list, list]]:
    """owner → (overdue, due within `window` days), open actions only."""
    actions = tracker.list()
    out: dict[str, tuple[list, list]] = {}
    late = [a for a in actions if a.status != "已完成" and a.due and a.due < as_of.isoformat()]
    for kind, items in ((0, late), (1, due_soon(actions, as_of, window))):
        for a in items:
            for o in owners_of(a):
                out.setdefault(o, ([], []))[kind].append(a)
    return dict(sorted(out.items()))


def reminder_md(owner: str, overdue: list, soon: list, as_of: date, window: int = WINDOW) -> str:
    out = [f"# 行动项提醒：{owner}", "", f"{owner}，您好：", "",
           f"截至 {as_of.isoformat()}，您负责的行动项中有 {len(overdue)} 项已逾期，{len(soon)} 项将在 {window} 天内到期。", ""]
    for title, items, tip in (("已逾期", overdue, "请尽快完成；如需延期，请说明原因并给出新的截止时间。"),
                              (f"{window} 天内到期", soon, "请按时完成，完成后附上证明材料闭环。")):
        if items:
            out += [f"## {title}（{len(items)} 项）", ""]
            out += [f"- [{a.id}] {a.task}：{_when(a, as_of)}（{a.source_file}:{a.line}）" for a in items]
            out += ["", tip, ""]
    out += ["——", "本提醒由 minutes 根据行动项跟踪表生成。"]
    return "\n".join(out) + "\n"


def _mail(subject: str, to: list[tuple[str, str]], body: str, as_of: date, key: str) -> bytes:
    msg = EmailMessage()
    msg["Subject"] = subject
    msg["From"] = SENDER
    known = [formataddr((name, addr)) for name, addr in to if addr]
    if len(to) == 1 and not known:
        msg["To"] = f"{to[0][0]} <>"  # one owner, address to fill in: the name is kept
    else:
        msg["To"] = ", ".join(known) or "undisclosed-recipients:;"
    msg["Date"] = format_datetime(datetime.combine(as_of, time(9, 0), tzinfo=_CST))
    import hashlib

    msg["Message-ID"] = f"<{hashlib.sha256(key.encode()).hexdigest()[:16]}.{as_of.isoformat()}@minutes.localhost>"
    msg.set_content(body, cte="8bit")  # readable as saved; parsed back the same
    return msg.as_bytes()


def reminder_eml(owner: str, overdue: list, soon: list, as_of: date, address: str | None = None,
                 window: int = WINDOW) -> bytes:
    subject = f"【行动项提醒】{owner}：逾期 {len(overdue)} 项，{window} 天内到期 {len(soon)} 项"
    return _mail(subject, [(owner, address or "")], reminder_md(owner, overdue, soon, as_of, window), as_of,
                 f"remind|{owner}")


def read_addresses(text: str) -> dict[str, str]:
    """`李强=liqiang@example.com` lines (# comments allowed)."""
    out = {}
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#") and "=" in line:
            name, _, addr = line.partition("=")
            out[name.strip()] = addr.strip()
    return out


# --- 进度同步 ------------------------------------------------------------
def sync_md(tracker: Tracker, as_of: date, weeks: int = 1) -> tuple[str, str]:
    """(subject, body) of the weekly (or biweekly) 进度同步 mail."""
    since = as_of - timedelta(days=7 * weeks)
    actions = tracker.list()
    period = f"{since.isoformat()} 至 {as_of.isoformat()}"
    subject = f"【进度同步】行动项{'周报' if weeks == 1 else '双周报'}（{period}）"
    done = [a for a in actions if a.status == "已完成" and a.closed and since.isoformat() < a.closed[:10] <= as_of.isoformat()]
    delayed = [a for a in actions if a.status == "延期"]
    late = [a for a in actions if a.status != "已完成" and a.due and a.due < as_of.isoformat()]
    soon = due_soon(actions, as_of + timedelta(days=1), 7)
    counts = {s: sum(a.status == s for a in actions) for s in ("进行中", "已完成", "延期")}
    out = [f"# 行动项进度同步（{period}）", "", "## 概况", ""]
    out += _md_table(("进行中", "已完成", "延期", "逾期", "合计"),
                     [(counts["进行中"], counts["已完成"], counts["延期"], len(late), len(actions))])
    out += ["", "## 本期完成", ""]
    out += [f"- [{a.id}] {a.task}（{a.owner or '—'}）：{a.closed[:10]} 闭环" + (f"，证明材料：{a.proof}" if a.proof else "")
            for a in done] or ["- 无"]
    out += ["", "## 延期（原因与调整后的计划）", ""]
    out += [f"- [{a.id}] {a.task}（{a.owner or '—'}）：新的截止时间 {a.due or '—'}；原因：{a.reason or '未说明'}"
            for a in delayed] or ["- 无"]
    out += ["", "## 逾期", ""]
    out += [f"- [{a.id}] {a.task}（{a.owner or '—'}）：{_when(a, as_of)}" for a in late] or ["- 无"]
    out += ["", "## 下周到期", ""]
    out += [f"- [{a.id}] {a.task}（{a.owner or '—'}）：截止 {a.due}" for a in soon] or ["- 无"]
    out += ["", "## 行动项跟踪表", "", table_md(actions).rstrip("\n")]
    return subject, "\n".join(out) + "\n"


def sync_eml(tracker: Tracker, as_of: date, weeks: int = 1, addresses: dict[str, str] | None = None) -> bytes:
    subject, body = sync_md(tracker, as_of, weeks)
    people = sorted({o for a in tracker.list() for o in owners_of(a)})
    addresses = addresses or {}
    return _mail(subject, [(p, addresses.get(p, "")) for p in people], body, as_of, f"sync|{weeks}")


# --- 复盘 ------------------------------------------------------------------
def review_md(topic: str, records: list, actions: list[TrackedAction], history: list, as_of: date) -> str:
    """协作复盘总结: the records, the tracker, what slipped and why."""
    out = [f"# 协作复盘总结：{topic}", "", f"复盘日期：{as_of.isoformat()}", "", "## 会议记录", ""]
    rows = [(r.meta.date or "—", r.document.path or "—", r.meta.topic or "—", len(r.consensus), len(r.disagreements),
             len(r.actions)) for r in records]
    out += _md_table(("日期", "文件", "主题", "共识", "分歧", "行动项"), rows) if rows else ["无"]
    done = [a for a in actions if a.status == "已完成"]
    on_time = [a for a in done if a.due and a.closed and a.closed[:10] <= _first_due(a, history)]
    out += ["", "## 行动项完成情况", ""]
    ever_delayed = {h["action_id"] for h in history if h["field"] == "status" and h["new"] == "延期"}
    out += _md_table(("合计", "已完成", "按原定时间完成", "曾延期", "未完成"),
                     [(len(actions), len(done), len(on_time), len(ever_delayed & {a.id for a in actions}),
                       len(actions) - len(done))])
    out += ["", "## 延误与原因", ""]
    slipped = []
    for a in actions:
        changes = [h for h in history if h["action_id"] == a.id and h["field"] == "due"]
        late_open = a.status != "已完成" and a.due and a.due < as_of.isoformat()
        late_done = a.status == "已完成" and a.closed and a.due and a.closed[:10] > _first_due(a, history)
        if changes or late_open or late_done:
            steps = "；".join(f"{h['old'] or '—'} → {h['new']}（原因：{h['note'] or '未说明'}）" for h in changes)
            state = f"{a.closed[:10]} 完成" if a.status == "已完成" and a.closed else (
                f"逾期 {(as_of - date.fromisoformat(a.due)).days} 天未完成" if late_open else a.status)
            slipped.append(f"- [{a.id}] {a.task}（{a.owner or '—'}）：{state}；"
                           + (f"截止时间调整 {steps}" if steps else f"原定 {a.due}，没有延期记录和原因"))
    out += slipped or ["- 无：全部按原定时间完成"]
    out += ["", "## 未决分歧", ""]
    out += [f"- {d.text}（{r.document.path}:{d.source.line}）" for r in records for d in r.disagreements] or ["- 无"]
    out += ["", "## 证明材料", ""]
    out += [f"- [{a.id}] {a.task}：{a.proof}" for a in actions if a.proof] or ["- 无"]
    out += ["", "## 行动项跟踪表", "", table_md(actions).rstrip("\n"), "",
            "## 经验与改进", "", "- 做得好的：", "- 需改进的：", "- 下次协作的约定："]
    return "\n".join(out) + "\n"


def _first_due(a: TrackedAction, history: list) -> str:
    """The date first agreed at the meeting, before any 延期."""
    changes = [h for h in history if h["action_id"] == a.id and h["field"] == "due"]
    return (changes[0]["old"] if changes and changes[0]["old"] else a.due) or "9999-12-31"
