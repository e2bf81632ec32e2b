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
    from re import _compiler, _constants, _parser
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


# --- soft openings --------------------------------------------------------------
def opens_softly(pattern: str, flags: int = 0) -> bool:
    """Can a match of `pattern` open with something that consumes nothing:
    a lookaround, an optional part, or a choice that holds `^` ("(?:^|，)")?
    A pattern whose alternatives open so gives re no characters to scan for,
    and each alternative is then tried at every position. (A plain `^` is
    no such opening: it fails at once past the start.) Kept in the start-up
    cache."""
    flags = int(flags)
    return bool(startcache.remember(("soft1", pattern, flags), lambda: _opens_softly_uncached(pattern, flags)))


def _opens_softly_uncached(pattern: str, flags: int) -> bool:
    if _sre is None:  # pragma: no cover - another Python
        return False
    try:
        tree = _parser.parse(pattern, flags)
    except Exception:  # noqa: BLE001 - never fail a match because of a shortcut
        return False
    if not len(tree):
        return False
    op, _av = tree[0]
    if op in (_constants.ASSERT, _constants.ASSERT_NOT):
        return True
    return op is not _constants.AT and _nullable([tree[0]])


def _nullable(seq) -> bool:
    """Can the parsed sequence match without consuming a character?"""
    from re import _constants as c

    for op, av in seq:
        if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
            continue
        if op is c.SUBPATTERN:
            if not _nullable(av[3]):
                return False
            continue
        if op is c.BRANCH:
            if not any(_nullable(alt) for alt in av[1]):
                return False
            continue
        if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            if av[0] >= 1 and not _nullable(av[2]):
                return False
            continue
        return False
    return True


# --- first characters ------------------------------------------------------------
# A pattern that promises no word (an alternation of hundreds of phrases, a
# lazy name before a verb) was tried at every position of every span. Every
# non-empty match still starts with one of a known set of characters, often
# a few dozen: a character class of them, searched by re's own fast scan,
# rejects most spans at a fraction of the pattern's cost. Only a class of
# plain characters and ranges qualifies (no negated class, no "any").
_FLAGS_KEPT = int(re.IGNORECASE | re.ASCII | re.UNICODE)  # a plain int: the cache marshals it


def first_class(pattern: str, flags: int = 0) -> tuple[str, int, bool] | None:
    """(source, flags, anchored) of a character class holding the first
    character of every non-empty match of `pattern`; `anchored` when every
    such match starts at the beginning of the string (`^` without MULTILINE,
    `\\A`), so only the first character need be tested. None when no such
    class is known or the pattern can match the empty string. Kept in the
    start-up cache."""
    flags = int(flags)
    found = startcache.remember(("first2", pattern, flags), lambda: _first_class_uncached(pattern, flags) or 0)
    return tuple(found) if found else None  # type: ignore[return-value]


def _first_class_uncached(pattern: str, flags: int) -> list | None:
    if _sre is None:  # pragma: no cover - another Python
        return None
    try:
        tree = _parser.parse(pattern, flags)
        items: list[str] = []
        used = [flags | tree.state.flags]
        anchored = [True]
        if _firsts(tree, used[0], items, used, False, anchored):  # nullable: an empty match starts with nothing
            return None
        if not items:
            return None
        src = "[" + "".join(dict.fromkeys(items)) + "]"
        cls_flags = 0
        for f in used:
            cls_flags |= f & _FLAGS_KEPT
        re.compile(src, cls_flags)  # a class we cannot build is no shortcut
        return [src, int(cls_flags), bool(anchored[0])]  # plain data: the cache marshals it
    except Exception:  # noqa: BLE001 - never fail a match because of a shortcut
        return None


def selective(cls: "re.Pattern[str]") -> bool:
    """Does a first-character class (first_class, perhaps behind \\A) pass
    few characters of a text? Stepping from one of its hits to the next is
    a Python loop: worth it when a pattern may start at a few places only,
    three times slower than re's own scan when it may start at every Han
    character (a stutter, "(?P<phrase>[一-鿿]{2,4}?)…", tried over each turn
    of a transcript). A class spanning a script, or holding \\w or a
    negation, is not; blanks and digits are few in Chinese prose."""
    if _sre is None:  # pragma: no cover - another Python
        return False
    try:
        tree = _parser.parse(cls.pattern.removeprefix("\\A"), cls.flags & ~re.UNICODE)
    except re.error:
        return False
    if len(tree) != 1:
        return False
    op, arg = tree[0]
    if op is _constants.LITERAL:
        return True
    if op is not _constants.IN:
        return False
    covered = 0
    for kind, item in arg:
        if kind is _constants.RANGE:
            covered += item[1] - item[0] + 1
        elif kind is _constants.LITERAL:
            covered += 1
        elif kind is _constants.CATEGORY and item in _SPARSE_CATEGORIES:
            covered += 16  # blanks and digits: a few in a line of Chinese
        else:  # \\w, a negation
            return False
    return covered <= 256


_SPARSE_CATEGORIES = (_constants.CATEGORY_SPACE, _constants.CATEGORY_DIGIT) if _sre is not None else ()


class _Unknown(Exception):
    """A match could start with any character: no class to offer."""


def class_char(ch: str) -> str:
    """`ch` spelled for a place inside a character class."""
    return "\\" + ch if ch in "-]\\^[" else re.escape(ch)


def _char(c: int) -> str:
    return class_char(chr(c))


def _firsts(seq, flags: int, out: list[str], used: list[int], anchored: bool, all_anchored: list[bool]) -> bool:
    """Add the class items a match of `seq` can start with to `out`; True
    when `seq` can match the empty string (its first character may then
    come from whatever follows it). `anchored`: an anchor to the start of
    the string was passed on the way here; all_anchored[0] turns False when
    some first character can be reached without one. Raises _Unknown when
    a match can start with any character."""
    from re import _constants as c

    for op, av in seq:
        if op is c.LITERAL:
            out.append(_char(av))
            used.append(flags)
            all_anchored[0] &= anchored
            return False
        if op is c.IN:
            for o, a in av:
                if o is c.LITERAL:
                    out.append(_char(a))
                elif o is c.RANGE:
                    out.append(_char(a[0]) + "-" + _char(a[1]))
                elif o is c.CATEGORY and a in _CATEGORIES:
                    out.append(_CATEGORIES[a])
                else:  # a negated class, a category we do not spell
                    raise _Unknown
            used.append(flags)
            all_anchored[0] &= anchored
            return False
        if op is c.SUBPATTERN:
            _group, add, dele, sub = av
            if not _firsts(sub, (flags | add) & ~dele, out, used, anchored, all_anchored):
                return False
            continue  # matched empty: whatever anchor it held may not have been passed
        if op is c.ATOMIC_GROUP:
            if not _firsts(av, flags, out, used, anchored, all_anchored):
                return False
            continue
        if op is c.BRANCH:
            nullable = False
            for alt in av[1]:
                nullable |= _firsts(alt, flags, out, used, anchored, all_anchored)
            if not nullable:
                return False
            continue
        if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            lo, _hi, sub = av
            if not _firsts(sub, flags, out, used, anchored, all_anchored) and lo >= 1:
                return False
            continue
        if op is c.AT:
            # `^` anchors to the string's start unless MULTILINE makes it a line's
            if av is c.AT_BEGINNING_STRING or (av is c.AT_BEGINNING and not flags & re.MULTILINE):
                anchored = True
            continue
        if op in (c.ASSERT, c.ASSERT_NOT):
            continue  # zero-width: the next item consumes the first character
        raise _Unknown  # any, not-literal, a back reference, a conditional group
    return True


def _categories() -> dict:
    from re import _constants as c

    return {c.CATEGORY_DIGIT: r"\d", c.CATEGORY_NOT_DIGIT: r"\D", c.CATEGORY_SPACE: r"\s",
            c.CATEGORY_NOT_SPACE: r"\S", c.CATEGORY_WORD: r"\w", c.CATEGORY_NOT_WORD: r"\W"}


_CATEGORIES = _categories() if _sre is not None else {}
