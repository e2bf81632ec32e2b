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
    # label → feature → weight; None for a model read from the start-up cache,
    # which keeps only `table` (half the entry every start reads)
    weights: dict[str, dict[str, float]] | None
    bias: dict[str, float]
    thresholds: dict[str, float]  # beside the rules ("both")
    thresholds_alone: dict[str, float]  # on its own ("model", the ablation)
    # feature → its weight for each label: one lookup per feature, not three
    table: dict[str, tuple[float, float, float]] = field(default_factory=dict, compare=False, repr=False)
    # beside the rules: label → the score below which an item a rule took on
    # a weak sign is dropped (see layer.apply); empty in older model files
    overrule: dict[str, float] = field(default_factory=dict)
    # groups of features → the most their weights can add per label (see `could_reach`)
    _gains: dict[tuple[tuple[str, ...], ...], tuple[float, float, float]] = field(
        default_factory=dict, init=False, compare=False, repr=False)
    # "t2" → {"任务": weights of "t2任务"}: a gram's weights found without
    # building its feature string (see `grams`)
    _grams: dict[str, dict[str, tuple[float, float, float]]] = field(
        default_factory=dict, init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        if self.table:
            return  # given whole (from the start-up cache)
        # built on every start (25k features): plain local lookups keep it a few milliseconds
        assert self.weights is not None, "a model needs its weights or its table"
        wa, wc, wd = (self.weights.get(label, {}) for label in LABELS)
        table = self.table
        for k in {**wa, **wc, **wd}:
            table[k] = (wa.get(k, 0.0), wc.get(k, 0.0), wd.get(k, 0.0))

    def scores(self, features: list[str]) -> dict[str, float]:
        return self.probabilities(self.sums(features))

    def sums(self, features: list[str], start: tuple[float, float, float] | None = None) -> tuple[float, float, float]:
        """The summed weights per label, from the biases or from `start`, the
        sums of the features before these. Features are added one by one in
        order, so sums(b, sums(a)) is sums(a + b) to the last bit."""
        get = self.table.get
        za, zc, zd = start if start is not None else (self.bias.get(label, 0.0) for label in LABELS)
        for f in features:  # the layer's innermost loop: no tuple built per feature
            w = get(f)
            if w is not None:
                za += w[0]
                zc += w[1]
                zd += w[2]
        return za, zc, zd

    def grams(self, prefix: str) -> dict[str, tuple[float, float, float]]:
        """The weights of the features `prefix + gram`, keyed by the gram: the
        learned layer looks up every character and pair of a unit, and joining
        each to its prefix first was a third of that."""
        found = self._grams.get(prefix)
        if found is None:
            if len(prefix) == 2 and not self._grams:
                # the first ask sorts every two-character prefix in one pass over
                # the table: one scan a prefix was a tenth of a cold record
                by: dict[str, dict[str, tuple[float, float, float]]] = {}
                for k, w in self.table.items():
                    if len(k) > 2 and k[1] in "12":
                        by.setdefault(k[:2], {})[k[2:]] = w
                self._grams.update(by)
                found = self._grams.setdefault(prefix, {})
            else:
                n = len(prefix)
                found = self._grams[prefix] = {k[n:]: w for k, w in self.table.items() if k.startswith(prefix)}
        return found

    @staticmethod
    def probabilities(z: tuple[float, float, float]) -> dict[str, float]:
        return {label: 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, v)))) for label, v in zip(LABELS, z)}

    def could_reach(self, z: tuple[float, float, float], later: tuple[tuple[str, ...], ...], labels: list[str],
                    thresholds: dict[str, float]) -> bool:
        """Could any of `labels` reach its threshold once the features still to
        come are known? `z` are the sums of the unit's features so far;
        `later` lists the groups of features that may yet be added (at most
        one of each group). A "no" is certain: the bound adds every positive
        weight the later features could bring, plus a margin far above the
        rounding of another summing order, so skipping the rest changes no
        decision."""
        gain = self._gains.get(later)
        if gain is None:
            table = self.table
            gain = self._gains[later] = tuple(  # type: ignore[assignment]
                sum(max(0.0, *(table.get(f, (0.0, 0.0, 0.0))[i] for f in group)) for group in later) + 1e-9
                for i in range(len(LABELS)))
        # only the labels asked about: the same logistic as `probabilities`, term for term
        for label in labels:
            i = LABELS.index(label)
            v = z[i] + gain[i]
            if 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, v)))) >= thresholds.get(label, 1.1):
                return True
        return False

    def weights_by_label(self) -> dict[str, dict[str, float]]:
        """The weights as trained: given, or read back from the table (the
        trainer keeps no zero weight, so a zero in the table is an absent one)."""
        if self.weights is not None:
            return self.weights
        return {label: {f: w[i] for f, w in self.table.items() if w[i] != 0.0} for i, label in enumerate(LABELS)}

    def to_json(self) -> dict:
        return {"name": self.name, "labels": list(LABELS), "bias": self.bias,
                "thresholds": self.thresholds, "thresholds_alone": self.thresholds_alone,
                "overrule": self.overrule, "weights": self.weights_by_label()}

    @classmethod
    def from_json(cls, data: dict) -> "Model":
        return cls(data["name"], data["weights"], data["bias"], data["thresholds"],
                   data.get("thresholds_alone", data["thresholds"]), overrule=data.get("overrule", {}))


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
    # model cost; the start-up cache keeps the table (the weights are read
    # back from it when asked for). One entry per model file
    # (a retrained model replaces its predecessor rather than piling up
    # megabytes that every start would read), checked by the file's digest.
    key = ("model", str(p.resolve()))
    digest = hashlib.blake2b(raw, digest_size=16).hexdigest()
    kept = startcache.get(key)
    if kept is not None:
        try:
            kept_digest, data, features, packed = kept
            if kept_digest == digest and features:
                return Model(data["name"], None, data["bias"], data["thresholds"],
                             data.get("thresholds_alone", data["thresholds"]), _unpack(features, packed),
                             data.get("overrule", {}))
        except (TypeError, ValueError, KeyError):
            startcache.drop(key)
    model = Model.from_json(json.loads(raw.decode("utf-8")))
    header = {k: v for k, v in model.to_json().items() if k != "weights"}  # the table stands for them
    startcache.put(key, (digest, header, tuple(model.table), _pack(model.table)))
    return model


# The table kept as its features and their weights packed as doubles: marshal
# reads bytes at once, where 25k tuples of floats were a tenth of a cold start.
def _pack(table: dict[str, tuple[float, float, float]]) -> bytes:
    from array import array

    return array("d", [w for ws in table.values() for w in ws]).tobytes()


def _unpack(features: tuple[str, ...], packed: bytes) -> dict[str, tuple[float, float, float]]:
    from array import array

    weights = array("d")
    weights.frombytes(packed)
    if len(weights) != 3 * len(features):
        raise ValueError("a damaged model entry")
    it = iter(weights.tolist())
    return dict(zip(features, zip(it, it, it)))
