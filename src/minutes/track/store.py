"""SQLite store of tracked actions, with a history of every change.

Each import is one transaction: a crash or kill in the middle leaves the
database as it was. Rows are keyed by the action's stable id, so importing
the same minutes again updates rather than duplicates. Times are passed in
(`now`, `as_of`): the store never reads the clock.
"""
from __future__ import annotations

import os
import re
import shutil
import sqlite3
import time
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from ..errors import MinutesError
from ..schema import Record

STATUSES = ("进行中", "已完成", "延期")
_ALIASES = {
    "进行中": "进行中", "open": "进行中", "in-progress": "进行中", "in progress": "进行中", "doing": "进行中", "todo": "进行中",
    "已完成": "已完成", "完成": "已完成", "done": "已完成", "completed": "已完成", "closed": "已完成", "close": "已完成",
    "延期": "延期", "delayed": "延期", "postponed": "延期", "deferred": "延期",
}
_SCHEMA = """
CREATE TABLE IF NOT EXISTS actions (
  id TEXT PRIMARY KEY, task TEXT NOT NULL, owner TEXT, due TEXT, due_text TEXT,
  status TEXT NOT NULL CHECK (status IN ('进行中', '已完成', '延期')),
  meeting TEXT, source_file TEXT, line INTEGER, evidence TEXT,
  created TEXT NOT NULL, updated TEXT NOT NULL, closed TEXT, archived TEXT);
CREATE TABLE IF NOT EXISTS history (
  seq INTEGER PRIMARY KEY AUTOINCREMENT, action_id TEXT NOT NULL REFERENCES actions(id),
  at TEXT NOT NULL, field TEXT NOT NULL, old TEXT, new TEXT, note TEXT);
CREATE INDEX IF NOT EXISTS history_action ON history(action_id);
"""
_FIELDS = ("task", "owner", "due", "due_text", "meeting", "source_file", "line", "evidence")
# columns added after the first release: added to older databases on open
_ADDED = {"proof": "TEXT", "proof_kind": "TEXT", "reason": "TEXT"}
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://\S+$")


class TrackerError(MinutesError):
    code = "E400"


def normalize_status(word: str) -> str:
    s = _ALIASES.get(word.strip().lower()) or _ALIASES.get(word.strip())
    if s is None:
        raise TrackerError(f"unknown status {word!r}: use 进行中/in-progress, 已完成/done or 延期/delayed")
    return s


@dataclass(frozen=True, slots=True)
class TrackedAction:
    id: str
    task: str
    owner: str | None
    due: str | None
    due_text: str | None
    status: str
    meeting: str | None
    source_file: str | None
    line: int | None
    evidence: str | None  # the sentence of the minutes the action came from
    closed: str | None
    archived: str | None
    proof: str | None = None  # 证明材料: the stored copy of a file, or a link
    proof_kind: str | None = None  # "file" or "link"
    reason: str | None = None  # why it was last put off (延期)

    def as_dict(self) -> dict:
        return {k: getattr(self, k) for k in self.__slots__}


@dataclass(frozen=True, slots=True)
class ImportResult:
    added: int
    updated: int
    unchanged: int


BUSY_TIMEOUT = 30.0  # seconds an import waits for another one holding the lock


class Tracker:
    def __init__(self, path: str | Path, *, create: bool = True, timeout: float | None = None) -> None:
        """`create=False` (the read commands) refuses a database that does not
        exist instead of silently making an empty one. Another import holding
        the lock is waited for (`timeout`, default BUSY_TIMEOUT) before giving up
        with a TrackerError."""
        self.path = str(path)
        if timeout is None:
            try:
                timeout = float(os.environ.get("MINUTES_TRACK_TIMEOUT", BUSY_TIMEOUT))
            except ValueError:
                timeout = BUSY_TIMEOUT
        self.timeout = timeout
        if os.path.isdir(self.path):
            raise TrackerError("is a directory, not a tracker database", path=self.path)
        if not create and not os.path.exists(self.path):
            raise TrackerError("no such tracker database (run `minutes track add FILE --db ...` first)",
                               path=self.path)
        try:
            self.db = sqlite3.connect(self.path, isolation_level=None, timeout=self.timeout)
            self.db.row_factory = sqlite3.Row
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA foreign_keys=ON")
            self.db.executescript(_SCHEMA)
            cols = {r["name"] for r in self.db.execute("PRAGMA table_info(actions)")}
        except sqlite3.OperationalError as exc:
            raise _locked_or(exc, self.path) from None
        except sqlite3.DatabaseError as exc:
            raise TrackerError(f"not a tracker database: {exc}", path=self.path) from None
        if not {"id", "task", "status"} <= cols:
            raise TrackerError("not a tracker database: it has another `actions` table", path=self.path)
        for col, kind in _ADDED.items():  # columns later versions added (evidence, 延期 reason)
            if col not in cols:
                self.db.execute(f"ALTER TABLE actions ADD COLUMN {col} {kind}")

    def close(self) -> None:
        self.db.close()

    # --- import ---------------------------------------------------------
    def import_records(self, records: list[Record], sources: list[str] | None = None,
                       now: datetime | None = None) -> ImportResult:
        stamp = (now or datetime.now()).isoformat(timespec="seconds")
        slow = float(os.environ.get("MINUTES_TEST_SLOW_IMPORT", "0") or 0)  # tests kill imports mid-way
        marker = os.environ.get("MINUTES_TEST_IMPORT_MARKER")
        added = updated = unchanged = 0
        try:
            self.db.execute("BEGIN IMMEDIATE")  # waits up to self.timeout for another import
        except sqlite3.OperationalError as exc:
            raise _locked_or(exc, self.path, self.timeout) from None
        try:
            for n, rec in enumerate(records):
                source = (sources[n] if sources and n < len(sources) else rec.document.path) or "-"
                for a in rec.actions:
                    row = {"task": a.task, "owner": a.owner, "due": a.due, "due_text": a.due_text,
                           "meeting": rec.meta.date, "source_file": source, "line": a.source.line,
                           "evidence": a.source.text}
                    old = self.db.execute("SELECT * FROM actions WHERE id = ?", (a.id,)).fetchone()
                    if old is None:
                        status = "已完成" if a.status == "已完成" else "进行中"
                        self.db.execute(
                            "INSERT INTO actions (id, status, created, updated, " + ", ".join(_FIELDS) + ") "
                            "VALUES (?, ?, ?, ?, " + ", ".join("?" * len(_FIELDS)) + ")",
                            (a.id, status, stamp, stamp, *(row[f] for f in _FIELDS)))
                        self._history(a.id, stamp, "created", None, status, None)
                        added += 1
                    else:
                        changed = [f for f in _FIELDS if old[f] != row[f]]
                        for f in changed:
                            self._history(a.id, stamp, f, old[f], row[f], "re-import")
                        if changed:
                            sets = ", ".join(f"{f} = ?" for f in changed)
                            self.db.execute(f"UPDATE actions SET {sets}, updated = ? WHERE id = ?",
                                            (*(row[f] for f in changed), stamp, a.id))
                            updated += 1
                        else:
                            unchanged += 1
                    if slow:  # test hook: a slow import can be killed mid-transaction
                        time.sleep(slow)
                        if marker and not os.path.exists(marker):
                            Path(marker).touch()
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        return ImportResult(added, updated, unchanged)

    def _history(self, aid: str, at: str, field: str, old: object, new: object, note: str | None) -> None:
        self.db.execute("INSERT INTO history (action_id, at, field, old, new, note) VALUES (?, ?, ?, ?, ?, ?)",
                        (aid, at, field, None if old is None else str(old), None if new is None else str(new), note))

    # --- follow-up ------------------------------------------------------
    def get(self, aid: str) -> TrackedAction:
        row = self.db.execute("SELECT * FROM actions WHERE id = ?", (aid,)).fetchone()
        if row is None:
            raise TrackerError(f"no action with id {aid!r}", path=self.path)
        return _tracked(row)

    def list(self, owner: str | None = None, status: str | None = None, due_before: date | None = None,
             include_archived: bool = False) -> list[TrackedAction]:
        sql, args = "SELECT * FROM actions WHERE 1 = 1", []
        if owner:
            sql += " AND owner LIKE ?"
            args.append(f"%{owner}%")
        if status:
            sql += " AND status = ?"
            args.append(normalize_status(status))
        if due_before:
            sql += " AND due IS NOT NULL AND due < ?"
            args.append(due_before.isoformat())
        if not include_archived:
            sql += " AND archived IS NULL"
        sql += " ORDER BY due IS NULL, due, meeting, source_file, line"
        return [_tracked(r) for r in self.db.execute(sql, args)]

    def set_status(self, aid: str, status: str, note: str | None = None, now: datetime | None = None,
                   *, reason: str | None = None, due: date | None = None) -> TrackedAction:
        """A status change, kept in the history. For 延期 the reason and the
        adjusted date are both kept: the status row carries the reason, a
        `due` row the old and new dates. (The command line requires both for
        延期; the store also accepts the older note-only call.)"""
        new = normalize_status(status)
        old = self.get(aid)
        stamp = (now or datetime.now()).isoformat(timespec="seconds")
        with self.db:
            self.db.execute("BEGIN IMMEDIATE")
            closed = stamp if new == "已完成" else None
            self.db.execute("UPDATE actions SET status = ?, updated = ?, closed = ? WHERE id = ?",
                            (new, stamp, closed, aid))
            self._history(aid, stamp, "status", old.status, new, reason or note)
            if due is not None and due.isoformat() != old.due:
                self.db.execute("UPDATE actions SET due = ? WHERE id = ?", (due.isoformat(), aid))
                self._history(aid, stamp, "due", old.due, due.isoformat(), reason or note)
            if reason:
                self.db.execute("UPDATE actions SET reason = ? WHERE id = ?", (reason, aid))
        return self.get(aid)

    def close_action(self, aid: str, note: str | None = None, now: datetime | None = None,
                     proof: str | None = None) -> TrackedAction:
        """闭环: the action is done and its loop closed. `proof` (证明材料) is a
        link, kept as given, or a file, copied beside the database
        (<db>.evidence/<id>/<name>) so the proof outlives the original."""
        self.get(aid)
        kind = stored = None
        if proof:
            if _URL.match(proof):
                kind, stored = "link", proof
            else:
                src = Path(proof)
                if not src.is_file():
                    raise TrackerError("evidence file not found (give a file or a URL)", path=proof)
                folder = Path(self.path).with_suffix("").parent / f"{Path(self.path).stem}.evidence" / aid
                folder.mkdir(parents=True, exist_ok=True)
                dest = folder / src.name
                shutil.copy2(src, dest)
                kind, stored = "file", str(dest)
        a = self.set_status(aid, "已完成", note or "闭环", now)
        if stored:
            stamp = (now or datetime.now()).isoformat(timespec="seconds")
            with self.db:
                self.db.execute("BEGIN IMMEDIATE")
                self.db.execute("UPDATE actions SET proof = ?, proof_kind = ? WHERE id = ?", (stored, kind, aid))
                self._history(aid, stamp, "proof", a.proof, stored, kind)
            a = self.get(aid)
        return a

    def archive(self, meeting: str, now: datetime | None = None) -> int:
        """复盘归档: archive a meeting's actions (by meeting date or source file)."""
        stamp = (now or datetime.now()).isoformat(timespec="seconds")
        with self.db:
            self.db.execute("BEGIN IMMEDIATE")
            ids = [r["id"] for r in self.db.execute(
                "SELECT id FROM actions WHERE archived IS NULL AND (meeting = ? OR source_file = ?)", (meeting, meeting))]
            for aid in ids:
                self.db.execute("UPDATE actions SET archived = ?, updated = ? WHERE id = ?", (stamp, stamp, aid))
                self._history(aid, stamp, "archived", None, stamp, meeting)
        return len(ids)

    def overdue(self, as_of: date) -> dict[str, list[TrackedAction]]:
        """Open actions past their date, grouped by owner (the reminders list)."""
        out: dict[str, list[TrackedAction]] = {}
        for a in self.list():
            if a.status != "已完成" and a.due and a.due < as_of.isoformat():
                out.setdefault(a.owner or "（未指定）", []).append(a)
        return out

    def history(self, since: str | None = None) -> list[sqlite3.Row]:
        sql = "SELECT h.*, a.task FROM history h JOIN actions a ON a.id = h.action_id"
        args: list[str] = []
        if since:
            sql += " WHERE h.at >= ?"
            args.append(since)
        return list(self.db.execute(sql + " ORDER BY h.seq", args))


def _locked_or(exc: sqlite3.OperationalError, path: str, timeout: float | None = None) -> TrackerError:
    if "locked" in str(exc) or "busy" in str(exc):
        waited = f" after waiting {timeout:g} s" if timeout else ""
        return TrackerError(f"database is locked by another import{waited}: try again when it has finished",
                            path=path)
    return TrackerError(f"cannot use tracker database: {exc}", path=path)


def _tracked(row: sqlite3.Row) -> TrackedAction:
    return TrackedAction(*(row[k] for k in TrackedAction.__slots__))


def due_soon(actions: list[TrackedAction], as_of: date, days: int = 7) -> list[TrackedAction]:
    """Open actions due from `as_of` to `as_of + days` (inclusive)."""
    end = (as_of + timedelta(days=days)).isoformat()
    return [a for a in actions if a.status != "已完成" and a.due and as_of.isoformat() <= a.due <= end]
