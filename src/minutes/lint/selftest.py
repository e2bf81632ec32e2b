"""Run every lint rule's examples: a match example must give a finding of
that rule, a no_match example none. Meeting 2024-05-06, as-of 2024-05-20."""
from __future__ import annotations

from datetime import date

from ..ingest import decode
from .config import Config
from .model import LintPack

MEETING, AS_OF = date(2024, 5, 6), date(2024, 5, 20)


def run_examples(pack: LintPack) -> tuple[list[str], int]:
    from . import lint_doc

    failures, total = [], 0
    for rid, rule in sorted(pack.rules.items()):
        for want, examples in ((True, rule.match_examples), (False, rule.no_match_examples)):
            for ex in examples:
                total += 1
                found = lint_doc(decode(ex.encode("utf-8"), path="example.md"), Config(), AS_OF, MEETING,
                                 pack, only={rid}).findings
                if bool(found) != want:
                    failures.append(f"{rid}: should {'' if want else 'not '}flag: {ex!r}")
    return failures, total
