"""Traditional script: rules are written once, in simplified characters.

A document in traditional script (繁體, 粵語) is matched through a copy in
simplified script of exactly the same length, made with OpenCC's t2s
dictionaries, so every offset found in the copy is an offset in the text as
read. Words that the record shows (tasks, owners, meta fields) are put back
into the document's own script, character by character, from the pairs the
document itself provides.
"""
from __future__ import annotations

import functools
from . import rx

_SURROGATE = rx.compile("[\ud800-\udfff]")


@functools.lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


@functools.lru_cache(maxsize=1)
def _traditional() -> frozenset[str]:
    """Every character t2s changes, found once by converting the CJK blocks:
    most documents hold none, and a set test is far cheaper than a conversion."""
    cc = _t2s()
    chars = "".join(map(chr, range(0x4E00, 0xA000))) + "".join(map(chr, range(0x3400, 0x4DC0)))
    out = cc.convert(chars)
    if len(out) != len(chars):  # pragma: no cover - t2s maps characters one to one on this range
        return frozenset(ch for ch in chars if cc.convert(ch) != ch)
    return frozenset(a for a, b in zip(chars, out) if a != b)


def simplified(text: str) -> str | None:
    """A same-length simplified copy of `text`, or None when nothing changes."""
    if text.isascii() or _traditional().isdisjoint(text):
        return None
    cc = _t2s()
    safe = _SURROGATE.sub("\ufffd", text)  # lone surrogates (from JSON) cannot reach the C library
    out = cc.convert(safe)
    if safe is not text and len(out) == len(text):
        out = "".join(t if t != o and "\ud800" <= t <= "\udfff" else o for t, o in zip(text, out))
    if out == text:
        return None
    if len(out) != len(text):
        # a phrase conversion changed a length: convert that line character by character
        parts = []
        for line in safe.splitlines(keepends=True):
            c = cc.convert(line)
            if len(c) != len(line):
                c = "".join(x if len(x := cc.convert(ch)) == 1 else ch for ch in line)
            parts.append(c)
        out = "".join(parts)
    return out


def back_map(orig: str, simple: str) -> dict[str, str]:
    """simplified character → the document's own character (first seen)."""
    out: dict[str, str] = {}
    for a, b in zip(orig, simple):
        if a != b and b not in out:
            out[b] = a
    return out


def restore(value, table: dict[str, str]):
    """`value` (a string, or lists and dicts of them) in the document's script."""
    if isinstance(value, str):
        return "".join(table.get(ch, ch) for ch in value) if table else value
    if isinstance(value, list):
        return [restore(v, table) for v in value]
    if isinstance(value, dict):
        return {restore(k, table): restore(v, table) for k, v in value.items()}
    return value
