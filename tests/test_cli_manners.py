"""Issue 15, items 1, 4–6: the command line's manners, and formats never changed by --fix."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from conftest import ROOT
from minutes.cli.app import app

runner = CliRunner()
DOC = "# 周会\n\n时间：2024-05-06\n记录人：陈晓\n\n- 张三负责在5月15日前完成推广方案。\n"


def run(*args: str):
    return runner.invoke(app, list(args))


def cli(*args: str, **kw) -> subprocess.CompletedProcess:
    """The installed entry point (main), with stdout a pipe."""
    return subprocess.run([sys.executable, "-c", "from minutes.cli.app import main; main()", *args],
                          capture_output=True, text=True, timeout=120, **kw)


# --- 1 ------------------------------------------------------------------------
def test_fix_in_place_never_turns_a_docx_into_text(tmp_path) -> None:
    import docx

    d = docx.Document()
    d.add_paragraph("时间：2024-05-06")
    d.add_paragraph("张三负责在2024/5/15前完成方案，李四负责在2024-05-20前上线，王五在2024-05-21前测试")
    f = tmp_path / "made.docx"
    d.save(f)
    before = f.read_bytes()
    r = run("lint", str(f), "--fix", "--in-place")
    assert r.exit_code == 2 and "Word" in r.stderr and len(r.stderr.strip().splitlines()) == 1
    assert f.read_bytes() == before and not (tmp_path / "made.docx.bak").exists()
    r = run("lint", str(f), "--fix", "-o", str(tmp_path / "fixed.docx"))
    assert r.exit_code == 2 and not (tmp_path / "fixed.docx").exists()
    r = run("lint", str(f), "--fix", "-o", str(tmp_path / "fixed.md"))
    assert r.exit_code in (0, 1) and "2024-05-15" in (tmp_path / "fixed.md").read_text(encoding="utf-8")


def test_fix_in_place_keeps_a_utf8_bom(tmp_path) -> None:
    f = tmp_path / "m.md"
    f.write_bytes(b"\xef\xbb\xbf" + "时间：2024-05-06\n\n- 张三在2024/5/15前完成方案，2024-05-20前上线，2024-05-21前测试\n".encode())
    assert run("lint", str(f), "--fix", "--in-place").exit_code in (0, 1)
    assert f.read_bytes().startswith(b"\xef\xbb\xbf") and "2024-05-15".encode() in f.read_bytes()


# --- 4 ------------------------------------------------------------------------
def test_serve_refuses_a_bad_port_before_printing_its_url() -> None:
    r = cli("serve", "--port", "99999")
    assert r.returncode == 2 and "http://" not in r.stderr and "Traceback" not in r.stderr
    assert r.stderr.strip().startswith("minutes: error:") and len(r.stderr.strip().splitlines()) == 1


def test_serve_refuses_a_port_in_use() -> None:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        r = cli("serve", "--port", str(s.getsockname()[1]))
    assert r.returncode == 2 and "http://" not in r.stderr and "Traceback" not in r.stderr


# --- 5 ------------------------------------------------------------------------
def test_eval_without_gold_is_an_error_not_a_perfect_score(tmp_path) -> None:
    r = run("eval", str(tmp_path / "nonexistent"), str(ROOT / "corpora" / "real"))
    assert r.exit_code == 2 and "1.000" not in r.stdout
    empty = tmp_path / "gold"
    empty.mkdir()
    r = run("eval", str(empty), str(ROOT / "corpora" / "real"))
    assert r.exit_code == 2 and "no gold" in r.stderr
    (empty / "zz.json").write_text(json.dumps({"id": "zz"}), encoding="utf-8")
    r = run("eval", str(empty), str(ROOT / "corpora" / "real"))
    assert r.exit_code == 2 and "zz" in r.stderr


def test_readme_relies_on_no_path_outside_the_repository() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "../shared" not in readme and "/work/" not in readme
    r = run("eval", str(ROOT / "corpora" / "real" / "gold"), str(ROOT / "corpora" / "real"))
    assert r.exit_code == 0, r.output


# --- 6 ------------------------------------------------------------------------
def test_version_and_short_help() -> None:
    r = cli("--version")
    assert r.returncode == 0 and r.stdout.startswith("minutes ")
    for args in (["-h"], ["record", "-h"], ["track", "add", "-h"]):
        r = cli(*args)
        assert r.returncode == 0 and "Usage:" in r.stdout, args


def test_help_is_not_cut_when_piped_and_has_no_type_placeholders() -> None:
    for args in ([], ["record"], ["lint"], ["batch"], ["track", "add"], ["eval"]):
        out = cli(*args, "--help", env={k: v for k, v in __import__("os").environ.items() if k != "COLUMNS"}).stdout
        assert "<bool>" not in out and "<list[" not in out and "<str>" not in out and "<int>" not in out, out
        assert "{files}" not in out
    out = cli("record", "--help").stdout
    assert "会议日期 YYYY-MM-DD（正文没有日期时用于推算相对截止时间）" in out  # one line, not wrapped at 80
    assert "FILE..." in out and "--rules DIR" in out


def test_several_records_on_stdout_are_separated_by_file_name(tmp_path) -> None:
    a, b = tmp_path / "a.md", tmp_path / "b.md"
    a.write_text(DOC, encoding="utf-8")
    b.write_text(DOC.replace("张三", "李四"), encoding="utf-8")
    r = run("record", str(a), str(b))
    assert r.exit_code == 0
    assert r.stdout.index(f"==> {a} <==") < r.stdout.index("张三") < r.stdout.index(f"==> {b} <==") < r.stdout.index("李四")
    one = run("record", str(a)).stdout
    assert "==>" not in one


@pytest.fixture()
def rules_dir(tmp_path):
    d = tmp_path / "myrules"
    (d / "lint").mkdir(parents=True)
    (d / "vague.toml").write_text('''[[rule]]
id = "vague.mine"
kind = "lexicon"
severity = "warning"
message = "「{match}」不是日期"
terms = ["改日再说"]
examples.match = ["我们改日再说"]
examples.no_match = ["今天说"]
''', encoding="utf-8")
    (d / "lint" / "mine.toml").write_text('''[[rule]]
id = "wording/mine"
kind = "lexicon"
severity = "warning"
message = "「{match}」要写清楚"
terms = ["改日"]
examples.match = ["我们改日再说"]
examples.no_match = ["今天说"]
''', encoding="utf-8")
    return d


def test_rules_dir_on_record_lint_and_batch(rules_dir, tmp_path, monkeypatch) -> None:
    monkeypatch.delenv("MINUTES_RULES_PATH", raising=False)
    from minutes.rules import load

    f = tmp_path / "m.md"
    f.write_text(DOC + "- 李四负责整理纪要，改日再说\n", encoding="utf-8")
    try:
        r = run("record", str(f), "--format", "json", "--rules", str(rules_dir))
        assert r.exit_code == 0, r.output
        assert any(v["rule"] == "vague.mine" for v in json.loads(r.stdout)["vague"])
        r = run("lint", str(f), "--rules", str(rules_dir), "--fail-level", "never")
        assert "wording/mine" in r.stdout
        out = tmp_path / "out"
        r = run("batch", str(f), "-o", str(out), "--jobs", "1", "--rules", str(rules_dir))
        assert r.exit_code == 0, r.output
        rec = json.loads(next(out.glob("*.json")).read_text(encoding="utf-8"))
        assert any(v["rule"] == "vague.mine" for v in rec["vague"])
        r = run("record", str(f), "--rules", str(tmp_path / "nope"))
        assert r.exit_code == 2 and "--rules" in r.stderr
    finally:
        from minutes.lint.model import load_pack

        monkeypatch.delenv("MINUTES_RULES_PATH", raising=False)
        load.cache_clear()
        load_pack.cache_clear()


def test_batch_skips_readme_like_files_unless_asked(tmp_path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    (src / "m.md").write_text(DOC, encoding="utf-8")
    (src / "README.md").write_text("# 说明\n\n本文件夹是纪要。\n", encoding="utf-8")
    (src / "SOURCES.md").write_text("| file | repo |\n", encoding="utf-8")
    r = run("batch", str(src), "-o", str(tmp_path / "o1"), "--jobs", "1")
    assert r.exit_code == 0, r.output
    assert "--include-docs" in r.stderr and "README.md" in r.stderr
    done = [json.loads(x)["path"] for x in (tmp_path / "o1" / "manifest.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [p.rsplit("/", 1)[-1] for p in done] == ["m.md"]
    r = run("batch", str(src), "-o", str(tmp_path / "o2"), "--jobs", "1", "--include-docs")
    assert len((tmp_path / "o2" / "manifest.jsonl").read_text(encoding="utf-8").splitlines()) == 3


def test_lint_quotes_the_date_format_the_document_uses(tmp_path) -> None:
    f = tmp_path / "m.md"
    f.write_text("# 周会\n\n时间：2024-5-6\n\n- 张三在2024-5-15前完成方案\n- 李四在2024/5/20前上线\n", encoding="utf-8")
    r = run("lint", str(f), "--format", "json", "--fail-level", "never", "--as-of", "2024-05-07")
    msgs = [x["message"] for x in json.loads(r.stdout) if x["rule"] == "date/format-inconsistent"]
    assert msgs and all("2024-5-6" in m and "2024-05-06" not in m for m in msgs), msgs
    r = run("lint", str(f), "--fix", "--diff", "--as-of", "2024-05-07")
    assert "+- 李四在2024-5-20前上线" in r.stdout
