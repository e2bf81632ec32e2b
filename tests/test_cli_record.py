"""`minutes record` end to end: formats, inputs, encodings, and every bad input."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from conftest import SAMPLE
from minutes.cli.app import app

runner = CliRunner()
TEXT = "# 周会\n\n- 时间：2024-05-06\n- 记录人：陈晓\n\n张三负责在5月15日前完成推广方案。\r\n同意采用方案B。\n"


def run(*args: str, input: bytes | None = None):
    return runner.invoke(app, list(args), input=input)


def test_json_follows_the_contract_and_offsets_hold(tmp_path) -> None:
    f = tmp_path / "m.md"
    f.write_text(TEXT, encoding="utf-8", newline="")
    r = run("record", str(f), "--format", "json")
    assert r.exit_code == 0, r.output
    d = json.loads(r.stdout)
    assert set(d) >= {"meta", "discussion", "consensus", "disagreements", "actions", "vague", "document"}
    assert d["meta"]["date"] == "2024-05-06" and d["document"]["encoding"] == "utf-8"
    a = d["actions"][0]
    assert {"id", "text", "source", "task", "owner", "owners", "due", "due_text", "vague", "status"} <= set(a)
    assert (a["owner"], a["due"], a["status"]) == ("张三", "2024-05-15", "open")
    text = f.read_bytes().decode("utf-8")
    for kind in ("consensus", "actions"):
        for item in d[kind]:
            s = item["source"]
            assert text[s["start"]:s["end"]] == s["text"]


def test_ids_are_stable_and_survive_edits_elsewhere(tmp_path) -> None:
    f = tmp_path / "m.md"
    f.write_text(TEXT, encoding="utf-8")
    first = json.loads(run("record", str(f), "--format", "json").stdout)["actions"][0]["id"]
    assert json.loads(run("record", str(f), "--format", "json").stdout)["actions"][0]["id"] == first
    f.write_text("补充说明：会议延后十分钟开始。\n" + TEXT, encoding="utf-8")
    assert json.loads(run("record", str(f), "--format", "json").stdout)["actions"][0]["id"] == first


def test_markdown_is_the_template(tmp_path) -> None:
    r = run("record", str(SAMPLE))
    assert r.exit_code == 0
    for heading in ("## 基本信息", "## 背景与目标", "## 讨论要点", "## 共识", "## 分歧", "## 行动项", "## 待补充与模糊表述"):
        assert heading in r.stdout
    assert "| 序号 | 任务描述 | 负责人 | 截止时间 | 完成状态 |" in r.stdout
    assert "| 刘洋 | 5月15日前（2024-05-15） |" in r.stdout


@pytest.mark.parametrize("encoding", ["utf-8-sig", "gb18030", "gbk", "utf-16"])
def test_encodings_are_detected(tmp_path, encoding: str) -> None:
    f = tmp_path / "m.txt"
    f.write_bytes(TEXT.encode(encoding))
    d = json.loads(run("record", str(f), "--format", "json").stdout)
    assert d["actions"][0]["owner"] == "张三"
    assert d["document"]["encoding"] in {encoding.replace("-sig", ""), "gb18030", "gbk", "utf-16"}


def test_stdin_and_several_files_make_an_array(tmp_path) -> None:
    f = tmp_path / "a.md"
    f.write_text(TEXT, encoding="utf-8")
    r = run("record", str(f), "-", "--format", "json", input=TEXT.encode("gbk"))
    data = json.loads(r.stdout)
    assert isinstance(data, list) and len(data) == 2
    assert data[1]["document"]["path"] == "-"


def test_docx_input(tmp_path) -> None:
    import docx

    d = docx.Document()
    d.add_heading("产品周会", 1)
    d.add_paragraph("时间：2024-05-06")
    d.add_paragraph("张三负责在5月15日前完成推广方案。")
    t = d.add_table(rows=2, cols=3)
    for i, v in enumerate(("任务", "负责人", "截止时间")):
        t.rows[0].cells[i].text = v
    for i, v in enumerate(("更新需求文档", "李四", "5月20日")):
        t.rows[1].cells[i].text = v
    path = tmp_path / "m.docx"
    d.save(path)
    rec = json.loads(run("record", str(path), "--format", "json").stdout)
    assert rec["meta"]["topic"] == "产品周会"
    assert ("张三", "2024-05-15") in {(a["owner"], a["due"]) for a in rec["actions"]}


@pytest.mark.parametrize("name, data, reason", [
    ("missing.md", None, "no such file"),
    ("empty.md", b"", "empty"),
    ("blank.md", b"  \n\n ", "empty"),
    ("binary.md", b"\x00\x01\x02\xff\xfe\x00" * 200, "binary"),
    ("bad.md", b"\xff\xfe\xfa\xfb\x80\x81" * 40 + b"\x00", "invalid"),
    ("broken.docx", b"PK\x03\x04 not really a zip", "docx"),
])
def test_bad_input_one_line_exit_2_others_still_done(tmp_path, name, data, reason) -> None:
    bad = tmp_path / name
    if data is not None:
        bad.write_bytes(data)
    good = tmp_path / "good.md"
    good.write_text(TEXT, encoding="utf-8")
    p = subprocess.run([sys.executable, "-m", "minutes.cli.app", "record", str(bad), str(good), "--format", "json"],
                       capture_output=True, text=True)
    assert p.returncode == 2
    err = p.stderr.strip().splitlines()
    assert len(err) == 1 and name in err[0] and reason in err[0] and "Traceback" not in p.stderr
    out = json.loads(p.stdout)
    assert out["actions"][0]["owner"] == "张三"  # the good file was still processed


def test_undecodable_text(tmp_path) -> None:
    bad = tmp_path / "latin.txt"
    bad.write_bytes("Réunion: café à 10h, décision prise.".encode("cp1252") * 3 + b"\x81\x8d\x8f\x90\x9d")
    p = subprocess.run([sys.executable, "-m", "minutes.cli.app", "record", str(bad)], capture_output=True, text=True)
    assert p.returncode in (0, 2) and "Traceback" not in p.stderr


def test_never_writes_over_its_input(tmp_path) -> None:
    f = tmp_path / "m.md"
    f.write_text(TEXT, encoding="utf-8")
    r = run("record", str(f), "-o", str(f))
    assert r.exit_code == 2 and f.read_bytes() == TEXT.encode("utf-8")


def test_bad_date_option_is_a_usage_error(tmp_path) -> None:
    f = tmp_path / "m.md"
    f.write_text(TEXT, encoding="utf-8")
    assert run("record", str(f), "--date", "2024/05/06").exit_code == 2


def test_help_is_fast_to_import() -> None:
    """`minutes --help` must not import jieba, spaCy or docx."""
    code = ("import sys; from minutes.cli import app; "
            "print(','.join(m for m in ('jieba','spacy','docx','openpyxl','dateparser') if m in sys.modules))")
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert p.returncode == 0 and p.stdout.strip() == ""


def test_every_command_has_help_and_an_example() -> None:
    import typer.main

    cmd = typer.main.get_command(app)
    for name, sub in cmd.commands.items():
        subs = getattr(sub, "commands", None) or {name: sub}
        for s in subs.values():
            assert s.help and "Example:" in s.help, f"{name} {s.name} lacks help with an example"
