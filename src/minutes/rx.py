"""Regular expressions compiled once per machine, not once per run.

The rule packs and the deadline resolver hold a few hundred patterns, many of
them long alternations over Chinese characters; Python's `re` spends about
half a second parsing and optimising them on every start, which was most of
a cold `minutes lint`. We keep the compiled form (the `_sre` code list that
`re` builds) in the start-up cache, keyed by the exact pattern text and
flags, and hand it back to `_sre.compile` on the next start. Any surprise in
that private API falls back to plain `re.compile`.
"""
from __future__ import annotations

import re

from . import startcache

try:  # the engine's private half, present on CPython 3.11+
    import _sre
    from re import _compiler, _parser
except ImportError:  # pragma: no cover - another Python
    _sre = None

_Code = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]


def _build(pattern: str, flags: int) -> tuple[re.Pattern[str], _Code]:
    # What re._compiler.compile does, keeping the code list it hands to _sre.
    tree = _parser.parse(pattern, flags)
    code = _compiler._code(tree, flags)
    groupindex = dict(tree.state.groupdict)
    indexgroup: list[str | None] = [None] * tree.state.groups
    for name, i in groupindex.items():
        indexgroup[i] = name
    # opcodes are int subclasses, which marshal refuses: keep plain ints
    entry: _Code = (int(flags | tree.state.flags), [int(c) for c in code], int(tree.state.groups - 1),
                    groupindex, tuple(indexgroup))
    return _from(pattern, entry), entry


def _from(pattern: str, entry: _Code) -> re.Pattern[str]:
    final_flags, code, groups, groupindex, indexgroup = entry
    return _sre.compile(pattern, final_flags, code, groups, groupindex, indexgroup)


def compile(pattern: str, flags: int | re.RegexFlag = 0) -> re.Pattern[str]:  # noqa: A001 - mirrors re.compile
    """`re.compile` for a str pattern, served from the start-up cache when it can."""
    flags = int(flags)
    if _sre is None or not isinstance(pattern, str) or flags & re.DEBUG:
        return re.compile(pattern, flags)
    key = ("sre", pattern, flags)
    entry = startcache.get(key)
    if entry is not None:
        try:
            return _from(pattern, entry)
        except (TypeError, ValueError, RuntimeError):
            startcache.drop(key)  # a stale or damaged entry: rebuild it below
    try:
        rx, entry = _build(pattern, flags)
    except re.error:
        raise
    except Exception:  # pragma: no cover - the private API moved; never fail because of the cache
        return re.compile(pattern, flags)
    startcache.put(key, entry)
    return rx
