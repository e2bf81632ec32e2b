from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from datetime import date
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "corpora" / "samples" / "product-sync.md"
REAL = ROOT / "corpora" / "real"

# The start-up cache (compiled patterns, the model's table) goes to a folder
# of this run, so that tests neither read nor leave anything in the user's home,
# and that folder goes when the run ends (every run left one behind in /tmp).
if "MINUTES_CACHE_DIR" not in os.environ:
    _cache = tempfile.mkdtemp(prefix="minutes-test-cache-")
    os.environ["MINUTES_CACHE_DIR"] = _cache
    atexit.register(shutil.rmtree, _cache, ignore_errors=True)


@pytest.fixture(scope="session")
def rec():
    """record_text with token boundaries, for snippets."""
    from minutes.pipeline import record_text

    def run(text: str, meeting: str | None = "2024-05-06", path: str | None = None):
        return record_text(text, date.fromisoformat(meeting) if meeting else None, path=path)

    return run


@pytest.fixture
def rec_rules():
    """The rules layer alone (no learned layer) over a snippet, meeting 2024-05-06:
    for what a rule decides, whatever the classifier would add. `input`
    "transcript" reads a few turns as a transcript however short."""
    from minutes.ingest import Text
    from minutes.pipeline import record

    def run(text: str, meeting: str = "2024-05-06", input: str = "auto"):
        return record(Text(text, "utf-8", "x", None), date.fromisoformat(meeting), layer="rules", input=input)

    return run


def assert_evidence(record, text: str) -> None:
    """Every item's evidence is the exact span of the text it claims."""
    for kind in ("discussion", "consensus", "disagreements", "actions", "vague"):
        for item in getattr(record, kind):
            s = item.source
            assert text[s.start:s.end] == s.text, (kind, s)
            assert text.count("\n", 0, s.start) + 1 == s.line, (kind, s)
