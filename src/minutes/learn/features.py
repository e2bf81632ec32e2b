"""What the unit classifier sees: the words of a unit and where it stands.

Features are plain strings, so the trained model is a readable table of
weights and the same function serves training and the record. Character
n-grams stand in for words (no segmentation is paid for); the cue roles of
the rule packs (assign, future, done, question, conclusion …) enter as
features, so the model learns when a cue means what it says in context
rather than replacing the rules' knowledge.
"""
from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING
from .. import rx

if TYPE_CHECKING:  # pragma: no cover
    from ..extract.context import Context
    from .model import Model
    from ..units import Unit

# (family, role) of the rule packs whose hits describe a unit
CUES: tuple[tuple[str, str], ...] = (
    ("actions", "assign"), ("actions", "future"), ("actions", "modal"), ("actions", "imperative"),
    ("actions", "done"), ("actions", "report"), ("actions", "invite"), ("actions", "question"),
    ("actions", "conditional"), ("actions", "due-verb"),
    ("consensus", "trigger"), ("consensus", "norm"), ("consensus", "record"), ("consensus", "label"),
    ("consensus", "exclude"),
    ("disagreements", "trigger"), ("disagreements", "option"),
)
_ALL_CUES = {f: tuple(r for g, r in CUES if g == f) for f, _ in CUES}
_DIGITS = rx.compile(r"\d+")
_LATIN = rx.compile(r"[A-Za-z][A-Za-z_\-]*")
_SPACE = rx.compile(r"\s+")
_MAX_CHARS = 120


# what _norm rewrites: a text with none of it is only cut to length
_NORM_ANY = rx.compile(r"[\dA-Za-z\s]")


def _norm(text: str) -> str:
    if _NORM_ANY.search(text, 0, _MAX_CHARS) is None:
        return text[:_MAX_CHARS]  # each substitution below would leave it as it is
    text = _DIGITS.sub("0", text[:_MAX_CHARS])
    text = _LATIN.sub(lambda m: "a" if len(m.group()) > 1 else m.group().lower(), text)
    return _SPACE.sub(" ", text)


def _gram_source(text: str) -> tuple[set[str], str]:
    """The characters (a set, blank dropped) and the normalised text whose
    character pairs are the grams of `text`, in the order they are summed."""
    t = _norm(text)
    # _norm leaves " " as the only blank; dropping it from the set keeps the
    # others in the order the set gives them (the summing order)
    chars = set(t)
    chars.discard(" ")
    return chars, t


def _grams(prefix: str, text: str, out: list[str]) -> None:
    # characters and character pairs: three-character grams doubled the
    # features without moving cross-validated F1 (they learn single sources)
    chars, t = _gram_source(text)
    one, two = prefix + "1", prefix + "2"
    out.extend([one + c for c in chars])
    out.extend([two + t[i:i + 2] for i in range(len(t) - 1)])


def unit_features(ctx: "Context", u: "Unit") -> list[str]:
    """Every feature of a unit, in the order the weights are summed (the
    order matters to the last bit of a score, so the stages below never
    reorder it)."""
    return [*text_features(ctx, u), *cue_features(ctx, u), *resolved_features(ctx, u), *tail_features(ctx, u)]


# The features that cost most are computed in stages, so the learned layer
# can stop once a unit cannot reach any threshold (see layer.apply). Each
# stage's possible features are listed here: what the model's weights for
# them could add at most is the bound of a unit whose stage is not yet run.
# One tuple is a group of features that exclude each other.
CUE_GROUPS: tuple[tuple[str, ...], ...] = tuple((f"cue:{family}.{role}",) for family, role in CUES)
RESOLVED_GROUPS: tuple[tuple[str, ...], ...] = (("owner",), ("due", "due:vague"))
AFTER_TEXT = CUE_GROUPS + RESOLVED_GROUPS  # what may follow text_features


def _text_parts(ctx: "Context", u: "Unit") -> list["str | tuple[str, str]"]:
    """text_features in order, each part a feature or (prefix, text): the
    character grams of text under that prefix (see _grams). One layout read
    by text_features and by text_sums, so the two cannot drift apart."""
    text = ctx.text
    out: list[str | tuple[str, str]] = ["bias", f"kind:{u.kind}", f"role:{u.role}", f"depth:{min(u.depth, 3)}"]
    body = text[u.start:u.end]
    out.append(("t", body))
    out.append(f"len:{min(len(body) // 10, 8)}")
    if u.headings:
        out.append(("h", u.headings[-1][:24]))
        if len(u.headings) > 1:
            out.append(("g", u.headings[-2][:24]))
        out.append(f"hdepth:{min(len(u.headings), 4)}")
    else:
        out.append("nohead")
    if u.key:
        out.append("key")
        out.append(("k", u.key[:12]))
    if u.label:
        out.append("label")
        out.append(("l", u.label[:12]))
    if u.parent:
        out.append(("p", u.parent[:24]))
    if u.column:
        out.append(("c", u.column[:12]))
    if u.checked is not None:
        out.append(f"checked:{u.checked}")
    if u.speaker:
        out.append("speaker")
    if not u.first:
        out.append("notfirst")
    return out


def text_features(ctx: "Context", u: "Unit") -> list[str]:
    """What the unit says and where it stands: cheap, no rule is run."""
    out: list[str] = []
    for part in _text_parts(ctx, u):
        if isinstance(part, str):
            out.append(part)
        else:
            _grams(part[0], part[1], out)
    return out


def text_sums(model: "Model", ctx: "Context", u: "Unit",
              start: tuple[float, float, float] | None = None,
              seen: dict[tuple[str, str], list[tuple[float, float, float]]] | None = None
              ) -> tuple[float, float, float]:
    """model.sums(text_features(ctx, u)), to the last bit (the same weights
    added in the same order), without the list of feature strings: the
    learned layer asks this of every unit, and building ~40 strings a unit,
    then walking them again, was most of its cost. `start`: model.sums(()),
    the biases, when the caller has it at hand. `seen`: the weights of the
    grams of a heading, key, label or column already looked up in this
    document (every unit under a heading repeats it); they are kept as the
    list they are added from, not as a sum, so the order of the additions
    (and so every bit of a score) is the same."""
    get = model.table.get
    za, zc, zd = start if start is not None else model.sums(())
    for part in _text_parts(ctx, u):
        if isinstance(part, str):
            w = get(part)
            if w is not None:
                za += w[0]
                zc += w[1]
                zd += w[2]
            continue
        if part[0] != "t" and seen is not None:
            ws = seen.get(part)
            if ws is None:
                ws = seen[part] = _gram_weights(model, *part)
            for w in ws:
                za += w[0]
                zc += w[1]
                zd += w[2]
            continue
        prefix, raw = part  # the unit's own words: seen once, looked up as they come
        chars, t = _gram_source(raw)
        one, two = model.grams(prefix + "1").get, model.grams(prefix + "2").get
        for c in chars:  # plain loops, as in Model.sums: no tuple built per gram
            w = one(c)
            if w is not None:
                za += w[0]
                zc += w[1]
                zd += w[2]
        for i in range(len(t) - 1):
            w = two(t[i:i + 2])
            if w is not None:
                za += w[0]
                zc += w[1]
                zd += w[2]
    return za, zc, zd


def _gram_weights(model: "Model", prefix: str, raw: str) -> list[tuple[float, float, float]]:
    """The weights of the character grams of `raw` under `prefix` that the
    model knows, in the order they are summed (see _grams)."""
    chars, t = _gram_source(raw)
    one, two = model.grams(prefix + "1").get, model.grams(prefix + "2").get
    out = [w for c in chars if (w := one(c)) is not None]
    out.extend(w for i in range(len(t) - 1) if (w := two(t[i:i + 2])) is not None)
    return out


def cue_features(ctx: "Context", u: "Unit") -> list[str]:
    """The cue roles of the rule packs that match the unit (one of CUE_GROUPS each)."""
    text, rules = ctx.text, ctx.rules
    out: list[str] = []
    for family, roles in _ALL_CUES.items():
        if not rules.maybe(family, roles, text, u.start, u.end):
            continue
        for role in roles:
            if rules.any(family, role, text, u.start, u.end) is not None:
                out.append(f"cue:{family}.{role}")
    return out


def resolved_features(ctx: "Context", u: "Unit") -> list[str]:
    """Whether the resolvers find an owner and a deadline (RESOLVED_GROUPS):
    the dearest stage, a full owner and deadline lookup of the unit."""
    out: list[str] = []
    if ctx.owners(u.start, u.end):
        out.append("owner")
    ref = ctx.ref_date(u.block) or date(2000, 1, 1)
    due = ctx.deadline(u.start, u.end, ref)
    if due is not None:
        out.append("due" if due.date is not None else "due:vague")
    return out


def tail_features(ctx: "Context", u: "Unit") -> list[str]:
    """Cheap features that come last in the summing order."""
    body = ctx.text[u.start:u.end]
    return ["mention"] if "@" in body or "＠" in body else []
