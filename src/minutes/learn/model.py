"""The shipped unit classifier: a table of feature weights per label.

Trained by `minutes train` (scikit-learn's logistic regression, seeded), it is
applied here with no library at all: a unit's score is the logistic of the
summed weights of its features. That keeps `minutes record` free of any
machine-learning import at start-up and costs a few dictionary lookups per
unit.
"""
from __future__ import annotations

import functools
import hashlib
import json
import math
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from .. import startcache

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
        if self.table:
            return  # given whole (from the start-up cache)
        # built on every start (25k features): plain local lookups keep it a few milliseconds
        wa, wc, wd = (self.weights.get(label, {}) for label in LABELS)
        table = self.table
        for k in {**wa, **wc, **wd}:
            table[k] = (wa.get(k, 0.0), wc.get(k, 0.0), wd.get(k, 0.0))

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
    raw = p.read_bytes()
    # parsing 1 MB of JSON and building the table is most of a cold lint's
    # model cost; the start-up cache keeps both, keyed by the file's digest
    key = ("model", hashlib.blake2b(raw, digest_size=16).hexdigest())
    kept = startcache.get(key)
    if kept is not None:
        try:
            data, table = kept
            return Model(data["name"], data["weights"], data["bias"], data["thresholds"],
                         data.get("thresholds_alone", data["thresholds"]), table)
        except (TypeError, ValueError, KeyError):
            startcache.drop(key)
    model = Model.from_json(json.loads(raw.decode("utf-8")))
    startcache.put(key, (model.to_json(), model.table))
    return model
