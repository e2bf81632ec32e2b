"""One definition of a line for the whole tool.

A line ends after "\n" (so a CRLF file has the lines an editor shows), and
nothing else ends one: \r alone, \v, \f, U+001C–U+001E, U+0085, U+2028 and
U+2029 are characters inside a line. `str.splitlines` breaks at all of those,
which made `line` in a record disagree with lint, transcripts and editors.
Every `line` the tool reports is `text.count("\n", 0, offset) + 1`.
"""
from __future__ import annotations

import bisect


def split_lines(text: str, keepends: bool = False) -> list[str]:
    """Lines of text, like str.splitlines but breaking only at "\n" (and
    dropping the "\r" of a CRLF unless keepends)."""
    if not text:
        return []
    parts = text.split("\n")
    if keepends:
        out = [p + "\n" for p in parts[:-1]]
        if parts[-1]:
            out.append(parts[-1])
        return out
    out = [p[:-1] if p.endswith("\r") else p for p in parts]
    if out and out[-1] == "" and text.endswith("\n"):
        out.pop()
    return out


def line_starts(text: str) -> list[int]:
    """Offsets where each line starts (the first is 0)."""
    starts = [0]
    i = text.find("\n")
    while i >= 0:
        starts.append(i + 1)
        i = text.find("\n", i + 1)
    return starts


def line_of(starts: list[int], offset: int) -> int:
    """1-based line of an offset, given line_starts(text)."""
    return bisect.bisect_right(starts, offset)
