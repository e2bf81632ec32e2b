"""Lint rules and findings.

Rule packs live in rules/lint/*.toml (plus user folders); the `wording/vague-*`
rules are made from the record's vague lexicon (rules/vague.toml), off by
default. Packs are validated when loaded: unknown keys, unknown checks, bad
regexes, missing examples, and a text rule that misses its own examples are
errors naming the file and rule.
"""
from __future__ import annotations

import functools
import hashlib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from ..errors import RuleError
from ..rules import Rule, check_examples, load, load_file

LEVELS = ("error", "warning", "info", "off")
RANK = {"info": 1, "warning": 2, "error": 3, "off": 0}
CHECKS = ("owner-missing", "owner-vague", "due-missing", "due-vague", "due-relative", "overdue",
          "vague-deliverable", "required-field", "no-followup", "date-format", "date-ambiguous",
          "late-record", "action-incomplete", "unreviewed")


@dataclass(slots=True)
class Finding:
    rule: str
    level: str
    message: str
    hint: str | None
    path: str
    start: int
    end: int
    line: int
    col: int  # 1-based, in characters
    end_line: int
    end_col: int
    evidence: str
    field: str | None = None
    fix: tuple[int, int, str] | None = None  # replace text[start:end] with the string
    fingerprint: str = ""

    def key(self) -> str:
        return hashlib.sha256(f"{self.rule}|{self.field or ''}|{self.evidence}".encode("utf-8", "surrogatepass")).hexdigest()[:16]

    def as_dict(self) -> dict:
        d = {k: getattr(self, k) for k in ("rule", "level", "message", "hint", "path", "line", "col",
                                           "end_line", "end_col", "evidence", "field", "fingerprint")}
        d["fixable"] = self.fix is not None
        return d


@dataclass(slots=True)
class LintPack:
    rules: dict[str, Rule] = field(default_factory=dict)

    def level(self, rule_id: str) -> str:
        return self.rules[rule_id].severity


def _validate(path: Path, rules: list[Rule]) -> None:
    for r in rules:
        check = r.extra.get("check")
        if r.extra.get("kind") == "check" and check not in CHECKS:
            raise RuleError(f"{path}: rule {r.id}: unknown check {check!r} (known: {', '.join(CHECKS)})")
        if r.extra.get("kind") != "check":
            failures = check_examples(r)  # a text rule must at least match its own examples
            if failures:
                raise RuleError(f"{path}: rule {r.id} can never match as written: {failures[0]}")


@functools.lru_cache(maxsize=8)
def load_pack(extra: tuple[str, ...] = ()) -> LintPack:
    pack = LintPack()
    base = Path(str(resources.files("minutes.rules_data"))) / "lint"
    from ..rules import rule_dirs

    # MINUTES_RULES_PATH and --rules folders (rule_dirs) as well as the config's
    dirs = [base] + [d / "lint" for d in rule_dirs(list(extra))[1:] if (d / "lint").is_dir()]
    for d in dirs:
        for path in sorted(d.glob("*.toml")):
            _family, rules = load_file(path, kinds=("lexicon", "regex", "check"))
            _validate(path, rules)
            for r in rules:
                pack.rules[r.id] = r
    for r in load(extra).family("vague"):
        # wording/vague-*: the record's lexicon applied to all of the text, off by default
        wid = "wording/" + r.id.replace(".", "-")
        pack.rules[wid] = Rule(wid, r.kind, "off", r.message, r.regex, r.path, hint=r.hint, role=r.role,
                               not_inside=r.not_inside, not_before=r.not_before, not_after=r.not_after,
                               match_examples=r.match_examples, no_match_examples=r.no_match_examples,
                               extra={"kind": r.kind, "scope": "text"})
    return pack
