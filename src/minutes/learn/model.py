"""The shipped unit classifier: a table of feature weights per label.

Trained by `minutes train` (scikit-learn's logistic regression, seeded), it is
applied here with no library at all: a unit's score is the logistic of the
summed weights of its features. That keeps `minutes record` free of any
machine-learning import at start-up and costs a few dictionary lookups per
unit.
"""
from __future__ import annotations

import functools
import json
import math
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

LABELS = ("action", "consensus", "disagreement")
MODEL_FILE = "unit-classifier.json"


@dataclass(frozen=True, slots=True)
class Model:
    name: str
    weights: dict[str, dict[str, float]]  # label → feature → weight
    bias: dict[str, float]
    thresholds: dict[str, float]  # beside the rules ("both")
    thresholds_alone: dict[str, float]  # on its own ("model", the ablation)
    # feature → its weight for each label: one lookup per feature, not three
    table: dict[str, tuple[float, float, float]] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        keys = set().union(*(self.weights.get(label, {}) for label in LABELS))
        self.table.update((k, tuple(self.weights.get(label, {}).get(k, 0.0) for label in LABELS)) for k in keys)

    def scores(self, features: list[str]) -> dict[str, float]:
        table = self.table
        za, zc, zd = (self.bias.get(label, 0.0) for label in LABELS)
        for f in features:
            w = table.get(f)
            if w is not None:
                za, zc, zd = za + w[0], zc + w[1], zd + w[2]
        return {label: 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z)))) for label, z in zip(LABELS, (za, zc, zd))}

    def to_json(self) -> dict:
        return {"name": self.name, "labels": list(LABELS), "bias": self.bias,
                "thresholds": self.thresholds, "thresholds_alone": self.thresholds_alone,
                "weights": self.weights}

    @classmethod
    def from_json(cls, data: dict) -> "Model":
        return cls(data["name"], data["weights"], data["bias"], data["thresholds"],
                   data.get("thresholds_alone", data["thresholds"]))


def shipped_path() -> Path:
    return Path(str(resources.files("minutes.model_data"))) / MODEL_FILE


@functools.lru_cache(maxsize=4)
def load(path: str | None = None) -> Model | None:
    """The model at `path`, else the one shipped in the package; None when
    neither exists (the record then runs on rules alone)."""
    p = Path(path) if path else shipped_path()
    if not p.is_file():
        return None
    return Model.from_json(json.loads(p.read_text(encoding="utf-8")))
