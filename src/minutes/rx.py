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


# --- required words ------------------------------------------------------------
# Most rule patterns cannot match unless some fixed words appear ("X负责"
# needs 负责); a substring test for them is far cheaper than running a long
# pattern over a sentence that lacks them (a pattern that opens with a lazy
# name is tried at every position). The words are read from the parsed
# pattern; a set means "at least one of these".
_MAX_NEEDLES = 6
# An alternation of more words than that still promises the first character
# of one of them: a few single characters are tested far faster than a long
# pattern that must be tried at every position of a sentence.
_MAX_CHARS = 12


def needles(pattern: str, flags: int = 0) -> tuple[str, ...]:
    """Strings of which every match of `pattern` contains at least one;
    () when the pattern promises none. Kept in the start-up cache: parsing
    is what the cache saves a cold start."""
    flags = int(flags)
    # "needles2": the reading grew first characters (_MAX_CHARS); entries of
    # the first reading are still true but weaker, so they are not reused
    return tuple(startcache.remember(("needles2", pattern, flags), lambda: list(_needles_uncached(pattern, flags))))


def _needles_uncached(pattern: str, flags: int) -> tuple[str, ...]:
    if _sre is None:  # pragma: no cover - another Python
        return ()
    try:
        tree = _parser.parse(pattern, flags)
    except Exception:  # noqa: BLE001 - never fail a match because of a shortcut
        return ()
    return _best(_required(tree, flags | tree.state.flags))


def _best(cands: list[tuple[str, ...]]) -> tuple[str, ...]:
    # the rarest promise: the longest shortest word, then the fewest words
    return max(cands, key=lambda c: (min(map(len, c)), -len(c)), default=())


def _exact(ch: int, flags: int) -> bool:
    """Does this literal match only itself? Under IGNORECASE only an uncased character does."""
    return not flags & re.IGNORECASE or not _sre.unicode_iscased(ch)


def _required(seq, flags: int) -> list[tuple[str, ...]]:
    """Candidate needle sets of a parsed sequence: each must hold for every match."""
    from re import _constants as c

    cands: list[tuple[str, ...]] = []
    run: list[str] = []

    def close() -> None:
        if run:
            cands.append(("".join(run),))
            run.clear()

    for op, av in seq:
        if op is c.LITERAL and _exact(av, flags):
            run.append(chr(av))
            continue
        close()
        if op is c.SUBPATTERN:
            _group, add, _del, sub = av
            cands.append(_best(_required(sub, flags | add)))
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT) and av[0] >= 1:
            cands.append(_best(_required(av[2], flags)))
        elif op is c.BRANCH:
            alts = [_best(_required(alt, flags)) for alt in av[1]]
            if all(alts) and sum(map(len, alts)) <= _MAX_NEEDLES:
                cands.append(tuple(dict.fromkeys(w for alt in alts for w in alt)))
            elif all(alts):
                firsts = tuple(dict.fromkeys(w[0] for alt in alts for w in alt))
                if len(firsts) <= _MAX_CHARS:
                    cands.append(firsts)
        elif op is c.IN and len(av) <= _MAX_CHARS and all(o is c.LITERAL and _exact(a, flags) for o, a in av):
            cands.append(tuple(chr(a) for _o, a in av))  # 已|了 is parsed as the class [已了]
    close()
    return [x for x in cands if x]
