"""Score records against gold annotations (shared/corpora/real-dev/gold format).

Items are matched one-to-one by source-span overlap (at least half of the
shorter span), exactly as shared/tools/score.py does, so the two agree; this
one runs in-process, which makes it fast enough to run while tuning rules.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .ingest import read_path
from .pipeline import record
from .schema import Record

KINDS = ("actions", "consensus", "disagreements")


def _gold_span(text: str, evidence: str, after: int = 0) -> tuple[int, int] | None:
    i = text.find(evidence, after)
    if i < 0 and after:
        i = text.find(evidence)
    if i < 0:
        pat = re.sub(r"(\\\s|\\ )+", r"\\s*", re.escape(evidence.strip()))
        m = re.search(pat, text)
        return (m.start(), m.end()) if m else None
    return (i, i + len(evidence))


def close_enough(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Do two spans stand for the same item? They overlap by at least half the shorter one."""
    ov = min(a[1], b[1]) - max(a[0], b[0])
    return ov > 0 and ov >= 0.5 * min(a[1] - a[0], b[1] - b[0])


def _match(gold: list, pred: list) -> list[tuple[int, int]]:
    pairs = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            if g is None or p is None:
                continue
            if close_enough(g, p):
                ov = min(g[1], p[1]) - max(g[0], p[0])
                pairs.append((ov, gi, pi))
    pairs.sort(reverse=True)
    used_g, used_p, out = set(), set(), []
    for _, gi, pi in pairs:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            out.append((gi, pi))
    return out


def _norm_owner(o: object) -> frozenset[str]:
    if o is None:
        return frozenset()
    if isinstance(o, list):
        o = "、".join(str(x) for x in o)
    o = re.sub(r"[@＠\s]", "", str(o))
    return frozenset(p for p in re.split(r"[、，,/／;；和及与&]+", o) if p)


def owner_ok(gold: object, pred: object) -> bool:
    g, p = _norm_owner(gold), _norm_owner(pred)
    if g == p:
        return True
    return bool(g and p and len(g) == len(p) and all(any(x in y or y in x for y in p) for x in g))


@dataclass
class Tally:
    gold: int = 0
    pred: int = 0
    tp: int = 0

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / self.pred if self.pred else (1.0 if not self.gold else 0.0)
        r = self.tp / self.gold if self.gold else 1.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


@dataclass
class Score:
    kinds: dict[str, Tally] = field(default_factory=lambda: {k: Tally() for k in (*KINDS, "vague")})
    named: int = 0
    named_ok: int = 0
    dated: int = 0
    dated_ok: int = 0
    owner_invented: int = 0
    due_invented: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        """Add another score's counts to this one (folds pooled, documents summed)."""
        for k, t in other.kinds.items():
            mine = self.kinds.setdefault(k, Tally())
            mine.gold += t.gold
            mine.pred += t.pred
            mine.tp += t.tp
        for f in ("named", "named_ok", "dated", "dated_ok", "owner_invented", "due_invented"):
            setattr(self, f, getattr(self, f) + getattr(other, f))

    def summary(self) -> dict:
        out: dict = {}
        for k, t in self.kinds.items():
            p, r, f = t.prf()
            out[k] = {"P": round(p, 3), "R": round(r, 3), "F1": round(f, 3), "gold": t.gold, "pred": t.pred, "tp": t.tp}
        out["owner_acc_named"] = round(self.named_ok / self.named, 3) if self.named else 0.0
        out["due_acc_dated"] = round(self.dated_ok / self.dated, 3) if self.dated else 0.0
        out["owner_invented"] = self.owner_invented
        out["due_invented"] = self.due_invented
        return out


def vague_spans(gold: dict, text: str) -> list[tuple[int, int]]:
    """Where each gold vague phrase stands: the phrase inside its evidence."""
    out = []
    for g in gold.get("vague", []):
        sp = _gold_span(text, g["evidence"])
        if sp is None:
            continue
        i = text.find(g["phrase"], sp[0], sp[1])
        if i >= 0:
            out.append((i, i + len(g["phrase"])))
    return out


def score_doc(gold: dict, text: str, rec: Record, score: Score, verbose: bool = False) -> None:
    pred = rec.model_dump(mode="json")
    for kind in KINDS:
        gs, seen = [], {}
        for g in gold.get(kind, []):
            sp = _gold_span(text, g["evidence"], seen.get(g["evidence"], 0))
            if sp:
                seen[g["evidence"]] = sp[1]
            gs.append(sp)
        ps = [(p["source"]["start"], p["source"]["end"]) for p in pred[kind]]
        m = _match(gs, ps)
        t = score.kinds[kind]
        t.gold += len(gs)
        t.pred += len(ps)
        t.tp += len(m)
        if verbose:
            mg, mp = {gi for gi, _ in m}, {pi for _, pi in m}
            score.misses += [f"{gold['id']} {kind} FN: {gold[kind][i]['evidence'][:70]}" for i in range(len(gs)) if i not in mg]
            score.misses += [f"{gold['id']} {kind} FP: {pred[kind][i]['source']['text'][:70]}" for i in range(len(ps)) if i not in mp]
        if kind != "actions":
            continue
        for gi, pi in m:
            g, p = gold["actions"][gi], pred["actions"][pi]
            o_ok = owner_ok(g.get("owner"), p.get("owner"))
            d_ok = (g.get("due") or None) == (p.get("due") or None)
            if g.get("owner"):
                score.named += 1
                score.named_ok += o_ok
            elif _norm_owner(p.get("owner")):
                score.owner_invented += 1
            if g.get("due"):
                score.dated += 1
                score.dated_ok += d_ok
            elif p.get("due"):
                score.due_invented += 1
            if verbose and not (o_ok and d_ok):
                score.misses.append(f"{gold['id']} action field: {g['evidence'][:40]} owner {g.get('owner')}/{p.get('owner')} due {g.get('due')}/{p.get('due')}")
    gv = vague_spans(gold, text)
    pv = [(v["source"]["start"], v["source"]["end"]) for v in pred["vague"]]
    m = _match(gv, pv)
    t = score.kinds["vague"]
    t.gold += len(gv)
    t.pred += len(pv)
    t.tp += len(m)
    if verbose:
        mg, mp = {gi for gi, _ in m}, {pi for _, pi in m}
        score.misses += [f"{gold['id']} vague FN: {text[a:b]} @{a}" for i, (a, b) in enumerate(gv) if i not in mg]
        score.misses += [f"{gold['id']} vague FP: {pred['vague'][i]['phrase']} @{pred['vague'][i]['source']['start']}" for i in range(len(pv)) if i not in mp]


def evaluate(gold_dir: Path, docs_dir: Path, verbose: bool = False, layer: str = "both",
             model: str | None = None) -> Score:
    """Scores over every gold file. No gold file, or a gold file whose document
    is not in docs_dir, is an error (InputError), never a perfect score."""
    from .errors import InputError

    for d, what in ((gold_dir, "gold folder"), (docs_dir, "documents folder")):
        if not d.is_dir():
            raise InputError(f"no such {what}", path=str(d))
    docs = {p.stem: p for p in docs_dir.iterdir() if p.suffix in (".md", ".txt", ".docx")}
    golds = sorted(gold_dir.glob("*.json"))
    if not golds:
        raise InputError("no gold files (*.json) here: nothing to score", path=str(gold_dir))
    score = Score()
    for gpath in golds:
        try:
            gold = json.loads(gpath.read_text(encoding="utf-8"))
            gid = gold["id"]
        except (ValueError, KeyError, TypeError, OSError) as exc:
            raise InputError(f"not a gold file: {exc}", path=str(gpath)) from None
        path = docs.get(gid)
        if path is None:
            raise InputError(f"its document {gid!r} (.md/.txt/.docx) is not in {docs_dir}", path=str(gpath))
        doc = read_path(path)
        given = None if gold.get("date_in_text", True) else date.fromisoformat(gold["meeting_date"])
        score_doc(gold, doc.text, record(doc, given, layer=layer, model=model), score, verbose)
    return score
