"""docs/flow.md walks one collaboration through the five stages; this test
runs every `$ command` of it, in order, in a copy of corpora/flow/, and checks
that each prints exactly what the page shows (and exits as it shows:
a trailing `[exit N]` line). Regenerate the page's output after a change
with `python tests/test_flow_walk.py`."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "flow.md"
FLOW = ROOT / "corpora" / "flow"
_BLOCK = re.compile(r"^```console\n(.*?)^```\n", re.S | re.M)


def _blocks(text: str) -> list[tuple[int, int, list[tuple[str, str]]]]:
    """(start, end, [(command, shown output)]) per console block."""
    out = []
    for m in _BLOCK.finditer(text):
        steps: list[tuple[str, list[str]]] = []
        for line in m.group(1).splitlines():
            if line.startswith("$ "):
                steps.append((line[2:], []))
            elif steps:
                steps[-1][1].append(line)
        out.append((m.start(1), m.end(1), [(c, "\n".join(o).strip("\n")) for c, o in steps]))
    return out


def _runner(work: Path):
    shim = work / ".bin"
    shim.mkdir()
    (shim / "minutes").write_text(f'#!/bin/sh\nexec "{sys.executable}" -m minutes.cli.app "$@"\n', encoding="utf-8")
    (shim / "python").write_text(f'#!/bin/sh\nexec "{sys.executable}" "$@"\n', encoding="utf-8")
    for f in shim.iterdir():
        f.chmod(0o755)
    env = {**os.environ, "PATH": f"{shim}{os.pathsep}{os.environ.get('PATH', '')}", "COLUMNS": "100",
           "LC_ALL": "C.UTF-8", "NO_COLOR": "1", "TERM": "dumb"}

    def run(cmd: str) -> str:
        p = subprocess.run(cmd, shell=True, cwd=work / "flow", env=env, stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, timeout=120)
        text = p.stdout.decode("utf-8").rstrip("\n")
        return text + (f"\n[exit {p.returncode}]" if p.returncode else "")

    return run


def walk(text: str) -> list[tuple[str, str, str]]:
    """(command, shown, got) for every step of the page."""
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        shutil.copytree(FLOW, work / "flow")
        run = _runner(work)
        return [(cmd, shown, run(cmd).strip("\n")) for _s, _e, steps in _blocks(text) for cmd, shown in steps]


def test_the_walk_on_docs_flow_md_prints_what_the_page_shows() -> None:
    steps = walk(DOC.read_text(encoding="utf-8"))
    cmds = " ; ".join(c for c, _s, _g in steps)
    for stage in ("minutes request", "minutes feedback", "minutes agenda", "minutes record", "minutes lint",
                  "minutes track add", "minutes track remind", "minutes track close", "minutes track review"):
        assert stage in cmds, stage
    for cmd, shown, got in steps:
        assert got == shown, f"$ {cmd}\n--- page ---\n{shown}\n--- got ---\n{got}"


def main() -> None:
    text = DOC.read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        shutil.copytree(FLOW, work / "flow")
        run = _runner(work)
        parts, pos = [], 0
        for start, end, steps in _blocks(text):
            parts.append(text[pos:start])
            for cmd, _shown in steps:
                got = run(cmd)
                parts.append(f"$ {cmd}\n" + (got + "\n" if got else ""))
            pos = end
        parts.append(text[pos:])
    DOC.write_text("".join(parts), encoding="utf-8")


if __name__ == "__main__":
    main()
