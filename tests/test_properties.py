"""Generated inputs through the in-process pipeline, lint, the deadline
resolver, ingest and the CLI: random Unicode (lone surrogates included),
control characters, huge lines, deep lists and quotes, date-like noise, every
encoding. Properties: nothing crashes, every evidence span is exact, no two
items share an id, a bad input is one line and exit 2.

Deterministic (derandomize: the same examples on every run and machine) and
bounded, so a failure reproduces and the whole file runs in seconds.
"""
from __future__ import annotations

import json
import os
import tempfile
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from conftest import assert_evidence
from minutes.cli.app import app

SETTINGS = dict(derandomize=True, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                       HealthCheck.filter_too_much])

WORDS = ["张三", "李四", "市场部", "相关部门", "负责", "完成方案", "确认", "尽快", "近期", "适时", "合适时间段",
         "决定", "一致同意", "分歧", "认为", "待定", "下周三前", "月底", "24月底", "0月下旬", "13月末", "9999年12月31日",
         "120天内", "1000天内", "3个工作日内", "2024-05-06", "2024/5/6", "5月15日前", "Q3", "春节前", "结论：",
         "时间：", "记录人：", "参与人员：", "## 行动项", "# 周会", "- [ ] ", "| 负责人 | 截止 |", "|---|---|",
         "说话人1：", "[00:01:02] ", "00:00:01,000 --> 00:00:02,000", "。", "，", "；", "！", "？", "：", "\n", "\r\n",
         "\r", "\u2028", "\u2029", "\x85", "\x0c", "\x0b", "\x1e", "\x1c", "\ufeff", "\u3000", "\t", " ", "```",
         "<div>", "</div>", "**", "> ", "---", "@孙悦 ", "（", "）", "“", "”", "#21", "v2.2.10", "http://x.y/a"]

piece = st.one_of(
    st.sampled_from(WORDS),
    st.text(min_size=1, max_size=8),  # any code point, surrogates and controls included
    st.text(alphabet=st.characters(codec="utf-8", categories=["Lo", "Nd", "Po", "Zs", "Cc"]), max_size=12),
    st.builds(lambda d, w: "  " * d + "- " + w, st.integers(0, 60), st.sampled_from(WORDS)),  # deep lists
    st.builds(lambda d, w: ">" * d + " " + w, st.integers(1, 60), st.sampled_from(WORDS)),  # deep quotes
    st.builds(lambda y, m, d, s: f"{y}年{m}月{d}{s}", st.integers(0, 99999), st.integers(0, 99), st.integers(0, 99),
              st.sampled_from(["日", "号", "底", "末", "下旬", "初", "中旬", "前", ""])),  # date-like noise
    st.builds(lambda n, u: f"{n}{u}", st.integers(0, 10**6), st.sampled_from(["天内", "周内", "个月内", "个工作日内", "号"])),
    st.builds(lambda w, n: w * n, st.sampled_from(["好。", "张三负责完成方案", "a", "。"]), st.integers(50, 3000)),  # huge lines
)
documents = st.lists(piece, min_size=0, max_size=40).map("".join)
refs = st.one_of(st.none(), st.dates(), st.sampled_from([date(9999, 12, 31), date(1, 1, 1), date(2024, 2, 29)]))


def _ids_unique(rec) -> None:
    for kind in ("discussion", "consensus", "disagreements", "actions"):
        ids = [i.id for i in getattr(rec, kind)]
        assert len(ids) == len(set(ids)), (kind, ids)


@settings(max_examples=300, **SETTINGS)
@given(documents, refs)
def test_pipeline_never_crashes_and_every_span_is_exact(text, ref) -> None:
    from minutes.pipeline import record_text
    from minutes.render.json import render
    from minutes.render.markdown import render as render_md

    rec = record_text(text, ref)
    assert_evidence(rec, text)
    _ids_unique(rec)
    for a in rec.actions:
        assert a.due is None or date.fromisoformat(a.due)
    out = render([rec])
    out.encode("utf-8")
    assert json.loads(out)["document"]["sha256"] == rec.document.sha256
    render_md([rec])


@settings(max_examples=150, **SETTINGS)
@given(documents, refs)
def test_lint_never_crashes_and_points_at_the_text(text, ref) -> None:
    from minutes.ingest import Text
    from minutes.lint import apply_fixes, lint_doc
    from minutes.lint.config import Config
    from minutes.lint.output import as_json, sarif, text as as_text

    res = lint_doc(Text(text, "utf-8", "0" * 64, "m.md"), Config(), date(2024, 6, 1), ref)
    for f in res.findings:
        assert text[f.start:f.end] == f.evidence
        assert f.line == text.count("\n", 0, f.start) + 1
    apply_fixes(text, res.findings)
    as_text(res.findings, {"m.md": text})
    as_json(res.findings)
    from minutes.lint.model import load_pack

    sarif(res.findings, {"m.md": text}, load_pack().rules, "0")


@settings(max_examples=300, **SETTINGS)
@given(st.lists(piece, max_size=6).map("".join), refs.filter(lambda r: r is not None))
def test_deadlines_never_crash(text, ref) -> None:
    from minutes.resolve.dates import find_deadline, find_deadlines

    for d in find_deadlines(text, ref):
        assert text[d.start:d.end] == d.text
    find_deadline(text, ref)


ENCODINGS = ["utf-8", "utf-8-sig", "gb18030", "gbk", "gb2312", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "big5",
             "latin-1"]


@settings(max_examples=200, **SETTINGS)
@given(documents, st.sampled_from(ENCODINGS))
def test_every_encoding_decodes_or_refuses_in_one_error(text, enc) -> None:
    from minutes.errors import InputError
    from minutes.ingest import decode
    from minutes.pipeline import record

    try:
        data = text.encode(enc)
    except UnicodeError:
        data = text.encode(enc, "replace") if enc != "utf-8" else text.encode("utf-8", "replace")
    try:
        doc = decode(data, path="x.md")
    except InputError as exc:
        assert "\n" not in str(exc)
        return
    assert doc.text.replace("\ufeff", "").strip()
    rec = record(doc)
    assert_evidence(rec, doc.text)


runner = CliRunner()


@settings(max_examples=40, **SETTINGS)
@given(documents, st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "utf-16"]),
       st.sampled_from([["record"], ["record", "--format", "json"], ["lint", "--as-of", "2024-06-01"],
                        ["actions", "--format", "ics"], ["actions", "--format", "jsonl"]]))
def test_cli_never_shows_a_traceback(text, enc, cmd) -> None:
    data = text.encode(enc, "replace")
    with tempfile.TemporaryDirectory() as d:
        f = os.path.join(d, "m.md")
        with open(f, "wb") as fh:
            fh.write(data)
        r = runner.invoke(app, [*cmd, f, "--date", "2024-05-06"] if cmd[0] != "lint" else [*cmd, f])
        assert r.exception is None or isinstance(r.exception, SystemExit), repr(r.exception)
        assert r.exit_code in (0, 1, 2), r.exit_code
        if r.exit_code == 2:
            errors = [ln for ln in r.stderr.splitlines() if ln.strip()]
            assert len(errors) == 1 and errors[0].startswith("minutes: error:"), r.stderr
        if cmd[-1] == "json" and r.exit_code == 0:
            got = json.loads(r.stdout)
            decoded = open(f, "rb").read()
            from minutes.ingest import decode

            t = decode(decoded, path=f).text
            for a in got["actions"]:
                s = a["source"]
                assert t[s["start"]:s["end"]] == s["text"]


@settings(max_examples=60, **SETTINGS)
@given(st.lists(piece, max_size=6).map("".join), refs.filter(lambda r: r is not None))
def test_when_and_track_never_crash(text, ref) -> None:
    r = runner.invoke(app, ["when", text, "--ref", ref.isoformat()])
    assert r.exception is None or isinstance(r.exception, SystemExit), repr(r.exception)
    line = json.dumps({"text": text, "ref": ref.isoformat()})
    r = runner.invoke(app, ["when", "--jsonl"], input=line + "\n")
    assert r.exception is None or isinstance(r.exception, SystemExit), repr(r.exception)
