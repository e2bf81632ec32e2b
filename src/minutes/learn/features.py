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
    from ..units import Unit

# (family, role) of the rule packs whose hits describe a unit
CUES: tuple[tuple[str, str], ...] = (
    ("actions", "assign"), ("actions", "future"), ("actions", "modal"), ("actions", "imperative"),
    ("actions", "done"), ("actions", "report"), ("actions", "invite"), ("actions", "question"),
    ("actions", "conditional"), ("actions", "due-verb"),
    ("consensus", "trigger"), ("consensus", "norm"), ("consensus", "label"), ("consensus", "exclude"),
    ("disagreements", "trigger"), ("disagreements", "option"),
)
_ALL_CUES = {f: tuple(r for g, r in CUES if g == f) for f, _ in CUES}
_DIGITS = rx.compile(r"\d+")
_LATIN = rx.compile(r"[A-Za-z][A-Za-z_\-]*")
_SPACE = rx.compile(r"\s+")
_MAX_CHARS = 120


def _norm(text: str) -> str:
    text = _DIGITS.sub("0", text[:_MAX_CHARS])
    text = _LATIN.sub(lambda m: "a" if len(m.group()) > 1 else m.group().lower(), text)
    return _SPACE.sub(" ", text)


def _grams(prefix: str, text: str, out: list[str]) -> None:
    # characters and character pairs: three-character grams doubled the
    # features without moving cross-validated F1 (they learn single sources)
    t = _norm(text)
    one, two = prefix + "1", prefix + "2"
    # _norm leaves " " as the only blank; dropping it from the set keeps the
    # others in the order the set gives them (the summing order)
    chars = set(t)
    chars.discard(" ")
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


def text_features(ctx: "Context", u: "Unit") -> list[str]:
    """What the unit says and where it stands: cheap, no rule is run."""
    text = ctx.text
    out: list[str] = ["bias", f"kind:{u.kind}", f"role:{u.role}", f"depth:{min(u.depth, 3)}"]
    body = text[u.start:u.end]
    _grams("t", body, out)
    out.append(f"len:{min(len(body) // 10, 8)}")
    if u.headings:
        _grams("h", u.headings[-1][:24], out)
        if len(u.headings) > 1:
            _grams("g", u.headings[-2][:24], out)
        out.append(f"hdepth:{min(len(u.headings), 4)}")
    else:
        out.append("nohead")
    if u.key:
        out.append("key")
        _grams("k", u.key[:12], out)
    if u.label:
        out.append("label")
        _grams("l", u.label[:12], out)
    if u.column:
        _grams("c", u.column[:12], out)
    if u.checked is not None:
        out.append(f"checked:{u.checked}")
    if u.speaker:
        out.append("speaker")
    if not u.first:
        out.append("notfirst")
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
