"""Issue 15: safe writes, one-line errors, dates that never crash, one `line`,
ids that never collide, linear stages. Each test failed before its fix."""
from __future__ import annotations

import json
import os
import sqlite3
from datetime import date

import pytest
from typer.testing import CliRunner

from conftest import assert_evidence
from minutes.cli.app import app

runner = CliRunner()
DOC = "# 周会\n\n时间：2024-05-06\n记录人：陈晓\n\n- 张三负责在5月15日前完成推广方案。\n"


def run(*args: str, input: bytes | None = None):
    return runner.invoke(app, list(args), input=input)


def one_line_error(r, exit_code: int = 2) -> None:
    assert r.exit_code == exit_code, (r.exit_code, r.output)
    assert r.exception is None or isinstance(r.exception, SystemExit), r.exception
    assert "Traceback" not in r.output
    assert len([ln for ln in r.stderr.splitlines() if ln.strip()]) >= 1
    assert all(ln.startswith("minutes: error:") or ln.startswith("Usage") or not ln.strip() or "│" in ln
               or ln.startswith(("╭", "╰", "Try")) for ln in r.stderr.splitlines()), r.stderr


@pytest.fixture()
def doc(tmp_path):
    f = tmp_path / "one.md"
    f.write_text(DOC, encoding="utf-8")
    return f


# --- 4: -o and the tracker ----------------------------------------------------
def test_output_into_a_missing_folder_is_one_line(doc, tmp_path) -> None:
    r = run("record", str(doc), "-o", str(tmp_path / "missing" / "x.md"))
    one_line_error(r)
    assert "does not exist" in r.stderr


def test_output_to_an_existing_folder_writes_into_it(doc, tmp_path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    r = run("record", str(doc), "-o", str(out))
    assert r.exit_code == 0, r.output
    assert [p.name for p in out.iterdir()] == ["one.record.md"]
    assert "行动项" in (out / "one.record.md").read_text(encoding="utf-8")


def test_output_through_a_hard_link_to_the_input_is_refused(doc, tmp_path) -> None:
    link = tmp_path / "link.md"
    os.link(doc, link)
    r = run("record", str(doc), "-o", str(link))
    one_line_error(r)
    assert doc.read_text(encoding="utf-8") == DOC


def test_read_commands_refuse_a_missing_or_foreign_database(tmp_path) -> None:
    typo = tmp_path / "typo.db"
    for cmd in (["list"], ["overdue"], ["report"], ["set", "x", "--status", "done"], ["close", "x"]):
        r = run("track", *cmd, "--db", str(typo))
        one_line_error(r)
    assert not typo.exists()
    md = tmp_path / "not_a_database.md"
    md.write_text(DOC * 50, encoding="utf-8")
    one_line_error(run("track", "list", "--db", str(md)))
    assert md.read_text(encoding="utf-8") == DOC * 50


def test_track_add_waits_for_a_lock_then_says_so_in_one_line(doc, tmp_path, monkeypatch) -> None:
    db = tmp_path / "m.db"
    assert run("track", "add", str(doc), "--db", str(db)).exit_code == 0
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another import holds the write lock
    try:
        monkeypatch.setenv("MINUTES_TRACK_TIMEOUT", "0.2")
        r = run("track", "add", str(doc), "--db", str(db))
        one_line_error(r)
        assert "locked" in r.stderr
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    from minutes.track import Tracker

    monkeypatch.delenv("MINUTES_TRACK_TIMEOUT")
    assert Tracker(db).timeout > 5  # longer than SQLite's default when not told otherwise


# --- 10: inputs empty once decoded ---------------------------------------------
@pytest.mark.parametrize("data", [b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", "\u3000\u3000\n".encode(),
                                  "\ufeff \u3000\r\n".encode("utf-16"), b"\xef\xbb\xbf\xef\xbb\xbf  \n"])
def test_bom_or_whitespace_only_is_not_a_document(tmp_path, data) -> None:
    f = tmp_path / "empty.md"
    f.write_bytes(data)
    r = run("record", str(f))
    one_line_error(r)
    assert "empty" in r.stderr


# --- 10: dates ------------------------------------------------------------------
@pytest.mark.parametrize("text", ["24月底", "0月下旬", "13月末", "99月底前", "张三负责在24月底前完成方案"])
def test_month_out_of_range_never_crashes(text, tmp_path) -> None:
    from minutes.resolve.dates import find_deadline

    assert find_deadline(text, date(2024, 5, 6)) is None or find_deadline(text, date(2024, 5, 6)).date is None
    f = tmp_path / "m.md"
    f.write_text(f"# 周会\n\n时间：2024-05-06\n\n- {text}\n", encoding="utf-8")
    for cmd in (["record"], ["lint", "--fail-level", "never"], ["actions"]):
        r = run(*cmd, str(f))
        assert r.exit_code == 0, (cmd, r.output, r.exception)
    assert run("when", text, "--ref", "2024-05-06").exit_code in (0, 1)
    assert run("track", "add", str(f), "--db", str(tmp_path / "t.db")).exit_code == 0


def test_one_bad_month_does_not_hide_the_good_files(tmp_path) -> None:
    bad, good = tmp_path / "bad.md", tmp_path / "good.md"
    bad.write_text("- 张三负责在24月底前完成方案\n", encoding="utf-8")
    good.write_text(DOC, encoding="utf-8")
    r = run("record", str(bad), str(good), "--format", "json")
    assert r.exit_code == 0 and len(json.loads(r.stdout)) == 2


def test_dates_near_year_9999_never_overflow() -> None:
    from minutes.pipeline import record_text

    for text in ("- 张三负责3天内完成方案\n- 李四下周五前提交\n- 王五下个月底前\n", "时间：9999年12月31日\n\n- 张三明天完成\n"):
        rec = record_text(text, date(9999, 12, 30))
        assert rec.actions
    record_text("时间：9999-12-31\n\n- 张三负责下周完成方案，下个月底前上线\n")


@pytest.mark.parametrize("text", ["120天内", "1000天内", "一百二十天内"])
def test_numbers_start_at_their_left_boundary(text) -> None:
    from minutes.resolve.dates import find_deadline

    d = find_deadline(f"张三负责{text}完成", date(2024, 5, 6))
    assert d is None or d.text.startswith(text[:1]), d


def test_twenty_days_still_reads() -> None:
    from minutes.resolve.dates import find_deadline

    assert find_deadline("张三负责20天内完成", date(2024, 5, 6)).date == date(2024, 5, 26)


# --- 10: lone surrogates, ids, lines ------------------------------------------
def test_lone_surrogates_through_the_pipeline_lint_and_json() -> None:
    from minutes.ingest import Text
    from minutes.lint import lint_doc
    from minutes.lint.config import Config
    from minutes.pipeline import record_text
    from minutes.render.json import render

    text = "# 周会\ud800\n\n- 张三负责在5月15日前完成\udfff方案\n"
    rec = record_text(text, date(2024, 5, 6))
    assert rec.actions and rec.actions[0].id
    assert_evidence(rec, text)
    out = render([rec])
    out.encode("utf-8")  # escaped, so it can be written
    assert json.loads(out)["actions"][0]["source"]["text"] == rec.actions[0].source.text
    lint_doc(Text(text, "utf-8", "0" * 64, "x.md"), Config(), date(2024, 6, 1))


@pytest.mark.parametrize("end", ["\u2028", "\u2029", "\u0085", "\f", "\x1e", "\x1c", "\v"])
def test_two_actions_never_share_an_id(end) -> None:
    from minutes.pipeline import record_text

    text = f"# 周会\n\n- 张三负责在5月15日前完成方案。{end}\n- 张三负责在5月15日前完成方案。\n"
    rec = record_text(text, date(2024, 5, 6))
    ids = [a.id for a in rec.actions]
    assert len(ids) == 2 and len(set(ids)) == 2, rec.actions


@pytest.mark.parametrize("sep", ["\r", "\v", "\f", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029"])
def test_line_is_one_definition_for_record_and_lint(sep, tmp_path) -> None:
    from minutes.ingest import Text
    from minutes.lint import lint_doc
    from minutes.lint.config import Config
    from minutes.pipeline import record_text

    text = f"# 周会{sep}说明\n\n时间：2024-05-06\n\n- 相关部门尽快确认物料清单{sep}备注\n"
    rec = record_text(text)
    assert_evidence(rec, text)  # line = count of "\n" before the start, + 1
    want = text.count("\n", 0, text.index("相关部门")) + 1
    assert rec.actions and rec.actions[0].source.line == want
    found = lint_doc(Text(text, "utf-8", "0" * 64, "m.md"), Config(), date(2024, 6, 1)).findings
    assert {f.line for f in found if f.rule == "action/owner-vague"} == {want}


# --- 9: linear stages ---------------------------------------------------------------
def test_consensus_checks_each_block_once(monkeypatch) -> None:
    """One line of many sentences: the block-level scans run once per block,
    not once per sentence (that was quadratic in the line's length)."""
    from minutes.extract import consensus
    from minutes.pipeline import record_text

    calls = []
    real = consensus._block_verdict
    monkeypatch.setattr(consensus, "_block_verdict", lambda ctx, bi: calls.append(bi) or real(ctx, bi))
    record_text("好。" * 5000, date(2024, 5, 6))
    assert len(calls) == len(set(calls)) <= 2
