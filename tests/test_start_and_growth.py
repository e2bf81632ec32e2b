"""Issue 15, items 7–9: word boundaries without loading what a document does
not need, a progress line on terminals, and stages that stay linear. Timings
are benchmarks (benchmarks/bench_cold.py), never asserted here."""
from __future__ import annotations

import io
import json
import subprocess
import sys
import time
from datetime import date

import pytest

from conftest import ROOT, SAMPLE


# --- 7 -------------------------------------------------------------------------
def test_shiyi_inside_heshi_shijianduan_is_no_vague_word(tmp_path) -> None:
    from minutes.cli.app import app
    from typer.testing import CliRunner

    f = tmp_path / "m.md"
    f.write_text("# 周会\n\n时间：2024-05-06\n\n- 张三负责在合适时间段内完成方案\n- 李四负责适时召开专题会\n", encoding="utf-8")
    r = CliRunner().invoke(app, ["lint", str(f), "--format", "json", "--fail-level", "never"])
    vague = [(x["line"], x["evidence"]) for x in json.loads(r.stdout) if x["rule"] == "action/due-vague"]
    assert vague == [(6, "适时")], vague
    r = CliRunner().invoke(app, ["record", str(f), "--format", "json"])
    acts = json.loads(r.stdout)["actions"]
    assert acts[0]["task"] == "在合适时间段内完成方案" and acts[0]["due_text"] is None
    assert acts[1]["due_text"] == "适时" and acts[1]["vague"]


@pytest.mark.parametrize("text, word", [("请尽快确认", True), ("相关部门近期安排评审", True), ("临近期末大家都很忙", False),
                                        ("在合适时间段内", False), ("适时召开专题会", True), ("回头率很高", False)])
def test_surely_word_agrees_with_jieba(text, word) -> None:
    from minutes.segment import Tokens, is_word, surely_word

    term = next(t for t in ("尽快", "近期", "适时", "回头") if t in text)
    s = text.index(term)
    assert is_word(text, s, s + 2) == word
    assert Tokens(text).aligned(s, s + 2) == word
    if surely_word(text, s, s + 2):
        assert word  # the shortcut only ever says yes when jieba would


def test_crossing_words_file_is_current(monkeypatch) -> None:
    monkeypatch.delenv("MINUTES_RULES_PATH", raising=False)
    monkeypatch.syspath_prepend(str(ROOT / "tools"))
    import gen_crossing

    shipped = (ROOT / "rules" / "lexicon" / "crossing.jsonl").read_text(encoding="utf-8")
    assert shipped == gen_crossing.render(gen_crossing.build()), "run python tools/gen_crossing.py"


# --- 8 -------------------------------------------------------------------------
def _loaded(*args: str) -> set[str]:
    code = ("import sys, io, contextlib\n"
            "from minutes.cli.app import main\n"
            f"sys.argv = ['minutes', *{list(args)!r}]\n"
            "with contextlib.redirect_stdout(io.StringIO()):\n"
            "    try:\n        main()\n    except SystemExit:\n        pass\n"
            "print(' '.join(m for m in ('jieba', 'spacy', 'docx', 'openpyxl', 'fastapi') if m in sys.modules))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    return set(out.stdout.split())


def test_a_page_of_minutes_loads_neither_spacy_nor_jieba() -> None:
    assert _loaded("record", str(SAMPLE)) == set()
    assert _loaded("lint", str(SAMPLE)) == set()
    assert _loaded("--help") == set()


def test_jieba_only_when_a_boundary_is_in_doubt(tmp_path) -> None:
    f = tmp_path / "m.md"
    f.write_text("# 周会\n\n时间：2024-05-06\n\n- 张三负责在合适时间段内完成方案\n", encoding="utf-8")
    assert _loaded("record", str(f)) == {"jieba"}  # and still no spaCy


# --- 9 -------------------------------------------------------------------------
class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_line_on_a_terminal_only() -> None:
    from minutes.cli.progress import Ticker

    tty = _Tty()
    with Ticker(stream=tty, delay=0.0, interval=0.01) as t:
        t.file("big.md", 5_000_000)
        t.stage("actions")
        deadline = time.monotonic() + 10
        while "actions" not in tty.getvalue() and time.monotonic() < deadline:
            time.sleep(0.01)
    out = tty.getvalue()
    assert "minutes: big.md (5.0 M chars): actions" in out and out.endswith("\r\033[K")
    pipe = io.StringIO()
    with Ticker(stream=pipe, delay=0.0, interval=0.01) as t:
        t.file("big.md", 5_000_000)
        time.sleep(0.05)
    assert pipe.getvalue() == ""


def test_progress_waits_a_second_before_showing_anything() -> None:
    from minutes.cli.progress import Ticker

    tty = _Tty()
    with Ticker(stream=tty) as t:  # default delay: a quick document shows nothing
        t.file("small.md", 100)
    assert tty.getvalue() == ""


def test_pipeline_reports_every_stage() -> None:
    from minutes.ingest import Text
    from minutes.pipeline import record

    seen: list[str] = []
    record(Text(SAMPLE.read_text(encoding="utf-8"), "utf-8", "0" * 64, "s.md"), on_stage=seen.append)
    assert seen[:2] == ["structure", "meta"] and "actions" in seen and seen[-1] == "record"


def test_vague_flags_are_not_compared_with_every_earlier_flag(monkeypatch) -> None:
    """extract_vague looked for a flag holding each new one among all flags so
    far: quadratic in the number of vague words. Count the comparisons."""
    from minutes.pipeline import record_text

    text = "- 张三负责在5月15日前完成方案，尽快确认。\n" * 400
    rec = record_text(text, date(2024, 5, 6))
    assert len(rec.vague) == 400
    import minutes.extract.vague as v

    src = open(v.__file__, encoding="utf-8").read()
    assert "for k in flags" not in src


def test_a_long_one_line_block_is_not_read_once_per_sentence(monkeypatch) -> None:
    """Each sentence of a one-line block of thousands of sentences asked
    whether the whole block opens an alternative (方案二 …), re-reading the
    block every time: quadratic. Count the rule searches over the whole block."""
    from minutes import rules
    from minutes.pipeline import record_text

    text = "好。" * 3000
    whole = 0
    search_in = rules.Rule.search_in

    def counting(self, text_, sub, start):
        nonlocal whole
        whole += len(sub) >= len(text) - 2
        return search_in(self, text_, sub, start)

    monkeypatch.setattr(rules.Rule, "search_in", counting)
    record_text(text, date(2024, 5, 6))
    assert whole < 50, whole  # a few per block, not one per sentence (3000)
