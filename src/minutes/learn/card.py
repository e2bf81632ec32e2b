"""The data card shipped beside the model: what it was trained on, how, and how it scores."""
from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from .model import Model
    from .train import Doc


def write_card(path: Path, model: "Model", train: list["Doc"], folds: int, seed: int) -> None:
    import sklearn

    from .train import C, GOLD_KEYS

    def counts(docs: list["Doc"]) -> str:
        c: Counter[str] = Counter()
        for d in docs:
            for label, key in GOLD_KEYS.items():
                c[label] += len(d.gold.get(key, []))
        return ", ".join(f"{k} {v}" for k, v in sorted(c.items()))

    lines = [
        f"# Data card: {model.name}",
        "",
        "A logistic regression per label (action, consensus, disagreement) over the units of a",
        "record (list items, prose sentences), with features from the unit's text (character",
        "1–2-grams), where it stands (section role, two nearest headings, list depth, label key,",
        "parent item, column, checkbox, speaker) and the cue roles of the rule packs. Applied without any",
        "library by `minutes.learn.model`; rebuilt by `minutes train` (corpora/real and",
        "corpora/transcripts/real).",
        "",
        f"- trained on: {len(train)} documents from {len({d.source for d in train})} sources "
        f"(gold items: {counts(train)})",
        f"- thresholds alone chosen by {folds}-fold cross-validation grouped by source over the same",
        "  documents; beside the rules fixed from the prequential runs (tools/prequential.py: each",
        "  collection scored by the tool as it stood before the collection joined), since the rules",
        "  were written looking at every cross-validation document",
        "- never trained or tuned on: corpora/locked/ and corpora/transcripts/locked/ (the locked tests;",
        "  see docs/eval-log.md)",
        f"- seed {seed}, scikit-learn {sklearn.__version__}, liblinear solver, C={C}, balanced classes",
        "- weights kept: " + ", ".join(f"{k} {len(v)}" for k, v in model.weights_by_label().items()),
        f"- thresholds beside the rules: {model.thresholds}; alone: {model.thresholds_alone}",
        f"- beside the rules, an action a rule took on a weak sign is dropped below: {model.overrule}",
        "  (out-of-fold scores by source, tools/overrule.py)",
        "- limits: Chinese minutes in Markdown or plain text; tables are left to the rules, and so",
        "  are spoken transcripts in the default layer (by-source cross-validation over the open",
        "  transcripts, trained with the written minutes: beside the rules it lowered action F1",
        "  0.408 → 0.389); scores are not calibrated probabilities.",
        "",
    ]
    path.write_text("\n".join(lines), encoding="utf-8")
