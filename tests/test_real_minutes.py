"""The extractor on the annotated corpus: exact evidence everywhere, and the
corpus-level figures held where they were measured.

Per-document scores are not asserted: one miss weighs a lot in a short
document, and a bar per document invites tuning to single sentences. The
open splits (corpora/real: train and validation) are checked as a whole
against the floor recorded in the data card; the locked test is checked in
test_model.py, against its recorded figures only.
"""
from __future__ import annotations

import json
from datetime import date

import pytest

from conftest import REAL, assert_evidence
from minutes.evaluate import Score, score_doc
from minutes.ingest import read_path
from minutes.pipeline import record

DOCS = sorted(p for p in REAL.iterdir() if p.is_file() and (REAL / "gold" / f"{p.stem}.json").exists())


def _gold(path):
    return json.loads((REAL / "gold" / f"{path.stem}.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", DOCS, ids=lambda p: p.name)
def test_evidence_is_exact(path) -> None:
    gold = _gold(path)
    doc = read_path(path)
    meeting = None if gold.get("date_in_text", True) else date.fromisoformat(gold["meeting_date"])
    assert_evidence(record(doc, meeting), doc.text)


def test_open_splits_hold_their_floor() -> None:
    score = Score()
    for path in DOCS:
        gold = _gold(path)
        doc = read_path(path)
        meeting = None if gold.get("date_in_text", True) else date.fromisoformat(gold["meeting_date"])
        score_doc(gold, doc.text, record(doc, meeting, layer="rules"), score)
    s = score.summary()
    # The rules alone (the model has seen these documents, so "both" would
    # flatter): floors a little under the figures measured on the corpus as
    # it stands (264 documents after look 10: action 0.565, consensus 0.477,
    # disagreement 0.418; the last parts joined unseen, so the corpus, not
    # the code, moved consensus from about 0.48 — d11_001's twelve were all
    # missed — and owner from 0.791 at look 8). A change that loses more
    # than that is a regression. Consensus 0.45 at 504 documents after look 24:
    # w24–w26 joined with 140 consensus items the rules mostly miss (design
    # decisions stated without a cue word), so the floor followed the corpus.
    assert s["actions"]["F1"] >= 0.52, s
    assert s["consensus"]["F1"] >= 0.43, s
    assert s["disagreements"]["F1"] >= 0.40, s
    assert s["owner_acc_named"] >= 0.76, s
