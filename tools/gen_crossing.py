"""Generate rules/lexicon/crossing.jsonl: for each two-character vague word of
the built-in rules, the dictionary words that could cross its boundaries.

`segment.surely_word` reads it so that a record or a lint of a page of
minutes does not load jieba's dictionary (about half a second cold) only to
learn that 尽快 in 请尽快确认 is a word: when no dictionary word could cross
the hit's edges, jieba would keep it whole. Only when one could (合适 before
适时, 时间 after it) is the sentence segmented for real.

Run after changing rules or lexicons: python tools/gen_crossing.py
(the test suite checks the file is current).
"""
from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "rules" / "lexicon" / "crossing.jsonl"
_CJK2 = re.compile(r"^[\u4e00-\u9fff]{2}$")


def terms() -> list[str]:
    sys.path.insert(0, str(ROOT / "src"))
    from minutes.lint.model import load_pack
    from minutes.resolve.dates import rules as deadline_rules
    from minutes.rules import load

    os.environ.pop("MINUTES_RULES_PATH", None)  # the built-in rules only, never a cached user pack
    pats = [r.regex.pattern for r in load.__wrapped__().family("vague")]
    pats += [r.regex.pattern for r in deadline_rules() if r.extra.get("kind") == "vague"]
    pats += [r.regex.pattern for r in load_pack.__wrapped__().rules.values() if r.regex is not None]
    found = set()
    for p in pats:
        for part in re.split(r"[|()?:]", p):
            if _CJK2.match(part):
                found.add(part)
    return sorted(found)


def dictionary() -> tuple[set[str], list[str]]:
    import jieba

    words = []
    with open(os.path.join(os.path.dirname(jieba.__file__), "dict.txt"), encoding="utf-8") as f:
        words += [line.split(" ", 1)[0] for line in f if line.strip()]
    for lex in sorted((ROOT / "rules" / "lexicon").glob("*.txt")):
        words += [line.split()[0] for line in lex.read_text(encoding="utf-8").splitlines() if line.strip()]
    return set(words), words


def build() -> list[dict]:
    from minutes.segment import tokenizer

    vocab, words = dictionary()
    tok = tokenizer()
    out = []
    for t in terms():
        a, b = t
        # only terms jieba keeps whole on their own: otherwise always ask jieba
        if t not in vocab or tok.lcut(t, HMM=True) != [t]:
            continue
        crossing = sorted({w for w in words if len(w) >= 2 and w != t and
                           (w.endswith(a) or w.startswith(b) or t in w)})
        out.append({"term": t, "words": crossing})
    return out


def render(rows: list[dict]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)


if __name__ == "__main__":
    OUT.write_text(render(build()), encoding="utf-8")
    print(f"{OUT}: {sum(1 for _ in OUT.open(encoding='utf-8'))} terms")
