"""Rules as data: load, validate and match the TOML rule packs in rules/.

A rule *kind* is code (lexicon, regex); rule *instances* are data. Every rule
carries an id, a message, a severity and examples that must and must not
match; a pack with a rule lacking them, a regex that does not compile, or an
example that fails is an error naming the file and the rule, so a rule that
can never match is never silently shipped.

File shape (one family per file, `[[rule]]` tables):

    [defs]                      # optional sub-patterns, used as {name}; those
    name = "regex"              # of defs.toml in the same folder are shared

    [[rule]]
    id = "vague.asap"
    kind = "lexicon"            # or "regex"
    severity = "warning"
    message = "「{match}」没有给出具体日期"
    terms = ["尽快", "尽早"]     # lexicon; or pattern = "regex" for kind regex
    not_inside = ["尽快速"]      # a hit inside any of these strings is ignored
    not_before = "regex"        # ignore a hit when the text just before matches
    not_after = "regex"         # ignore a hit when the text just after matches
    examples.match = ["请尽快完成"]
    examples.no_match = ["尽快速度"]
"""
from __future__ import annotations

import functools
import os
import re
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, Callable, Iterator

from . import rx
from .errors import RuleError

SEVERITIES = ("error", "warning", "info", "off")
_KINDS = ("lexicon", "regex")
_WINDOW = 40  # characters of context the before/after guards look at (a clause: "如果…太多了")
_KNOWN = {
    "id", "kind", "severity", "message", "hint", "terms", "pattern", "not_inside",
    "not_before", "not_after", "examples", "role", "field", "weight", "flags", "level", "check", "scope",
    "boundaries", "spoken",
}


# Not frozen, though nothing changes a hit once made: one is built for every
# rule match (thousands a transcript), and a frozen dataclass's __init__ costs
# about four times a plain one's. Its dict fields never let it be hashed anyway.
@dataclass(slots=True)
class Hit:
    start: int
    end: int
    text: str
    groups: dict[str, str | None]
    spans: dict[str, tuple[int, int]]


@dataclass(slots=True)
class Rule:
    id: str
    kind: str
    severity: str
    message: str
    regex: re.Pattern[str]
    path: str
    hint: str | None = None
    role: str | None = None
    not_inside: tuple[str, ...] = ()
    not_before: re.Pattern[str] | None = None
    not_after: re.Pattern[str] | None = None
    match_examples: tuple[str, ...] = ()
    no_match_examples: tuple[str, ...] = ()
    extra: dict[str, Any] = field(default_factory=dict)
    # words of which every match holds one (rx.needles), read on first use
    _needles: tuple[str, ...] | None = field(default=None, init=False, repr=False, compare=False)
    # a search for the characters every match starts with (rx.first_class),
    # None when none is known; False until first read
    _gate: "re.Pattern[str] | None | bool" = field(default=False, init=False, repr=False, compare=False)
    # whether finditer steps from gate hit to gate hit (rx.selective); None until first read
    _stepwise: bool | None = field(default=None, init=False, repr=False, compare=False)
    # the pattern's top-level alternatives, each behind its own words or first
    # characters (see `branch_plan`); None when it has none worth it; False until first read
    _branches: "list[_Alternative] | None | bool" = field(default=False, init=False, repr=False, compare=False)

    def _start(self, sub: str) -> int:
        """Where in `sub` the first match could start; -1 when none can (sub
        lacks every word the pattern needs, or every character a match
        starts with): substring tests and one class scan instead of running
        the pattern at each position of the span. No match starts before
        the first such character, so the pattern may start there."""
        needles = self._needles
        if needles is None:
            needles = self._needles = rx.needles(self.regex.pattern, self.regex.flags)
        if needles:
            for n in needles:  # a plain loop: asked ~300k times a corpus, a generator costs
                if n in sub:
                    break
            else:
                return -1
        gate = self._gate
        if gate is False:
            gate = self._gate = _gate_of(self.regex.pattern, self.regex.flags)
        if gate is None:
            return 0
        g = gate.search(sub)
        return -1 if g is None else g.start()

    def could_match(self, text: str) -> bool:
        """False when no match can lie anywhere in text (it lacks every word
        the pattern needs, or every character a match starts with), so none
        can in any part of it either."""
        needles = self._needles
        if needles is None:
            needles = self._needles = rx.needles(self.regex.pattern, self.regex.flags)
        if needles:
            return any(n in text for n in needles)
        # not the gate: an anchored pattern is tried on parts of the text
        # (lines), each with a start of its own
        found = rx.first_class(self.regex.pattern, self.regex.flags)
        return found is None or rx.compile(found[0], found[1]).search(text) is not None

    def finditer(self, text: str, start: int = 0, end: int | None = None) -> Iterator[Hit]:
        end = len(text) if end is None else end
        # Match on the slice: `^` and `$` must anchor at the span's edges, which
        # re's pos/endpos arguments do not do for `^`.
        sub = text[start:end] if start or end != len(text) else text
        pos = self._start(sub)
        if pos < 0:
            return
        guarded = bool(self.not_inside) or self.not_before is not None or self.not_after is not None
        gate = self._gate
        stepwise = self._stepwise
        if stepwise is None:
            stepwise = self._stepwise = gate is not None and rx.selective(gate)  # type: ignore[arg-type]
        # from pos: `^` still anchors at the slice's start only, lookbehinds still see before pos
        matches = _at_starts(self.regex, gate, sub, pos) if stepwise else self.regex.finditer(sub, pos)  # type: ignore[arg-type]
        for m in matches:
            s, e = m.start() + start, m.end() + start
            if s == e or (guarded and not self._passes_guards(text, s, e)):
                continue
            yield self._hit(m, start)

    def search(self, text: str, start: int = 0, end: int | None = None) -> Hit | None:
        # The hot path of every extractor: most calls find nothing, so no generator.
        end = len(text) if end is None else end
        return self.search_in(text, text[start:end] if start or end != len(text) else text, start)

    def search_in(self, text: str, sub: str, start: int) -> Hit | None:
        """`search` over sub = text[start:end], already cut (RuleSet cuts it
        once for all the rules of a role)."""
        # _start, inlined: this runs ~20k times a transcript and most calls end here
        needles = self._needles
        if needles is None:
            needles = self._needles = rx.needles(self.regex.pattern, self.regex.flags)
        if needles:
            for n in needles:
                if n in sub:
                    break
            else:
                return None
        branches = self._branches
        if branches is False:
            branches = self._branches = _search_plan(self.regex.pattern, self.regex.flags)
        if branches is not None:
            return self._search_branches(text, sub, start, branches)  # type: ignore[arg-type]
        gate = self._gate
        if gate is False:
            gate = self._gate = _gate_of(self.regex.pattern, self.regex.flags)
        pos = 0
        if gate is not None:
            g = gate.search(sub)
            if g is None:
                return None
            pos = g.start()  # no match starts earlier; lookbehinds still see before it
        search = self.regex.search
        m = search(sub, pos)
        return None if m is None else self._first_kept(text, sub, start, m, search)

    def _search_branches(self, text: str, sub: str, start: int, branches: "list[_Alternative]") -> Hit | None:
        """search_in for a pattern read as its top-level alternatives: the
        leftmost position any alternative matches at is where the whole
        pattern's search would stop (it matches at a position exactly when
        one of its alternatives does), and the pattern's own match there is
        the match that search returns, groups and all. A long alternation
        whose alternatives share no first character was otherwise tried
        alternative by alternative at every position a gate let through;
        each alternative alone is ruled out by a substring test, or found by
        re's prefix scan."""
        match, search = self.regex.match, self.regex.search

        def find(sub: str, pos: int) -> "re.Match[str] | None":
            p = leftmost(branches, sub, pos)
            if p < 0:
                return None
            # (an alternative matches at p, so the pattern does; the plain search is a safety net)
            return match(sub, p) or search(sub, p)

        m = find(sub, 0)
        return None if m is None else self._first_kept(text, sub, start, m, find)

    def _first_kept(self, text: str, sub: str, start: int, m: re.Match[str],
                    find: Callable[[str, int], "re.Match[str] | None"]) -> Hit | None:
        """The first non-empty match from m on that passes the guards, each
        next one sought by `find(sub, pos)` from one past the last one's start."""
        # most rules have no guard: their first non-empty match is the hit
        guarded = bool(self.not_inside) or self.not_before is not None or self.not_after is not None
        while True:
            s, e = m.start() + start, m.end() + start
            if s != e and (not guarded or self._passes_guards(text, s, e)):
                return self._hit(m, start)
            pos = m.start() + 1
            if pos > len(sub):
                return None
            nxt = find(sub, pos)
            if nxt is None:
                return None
            m = nxt

    def _hit(self, m: re.Match[str], start: int) -> Hit:
        """The Hit of match m of a slice that starts at `start` in the text."""
        spans: dict[str, tuple[int, int]] = {}
        regs = m.regs  # every group's span at once, not a method call per group
        for n, i in self.regex.groupindex.items():
            a, z = regs[i]
            if a >= 0:  # the group took part in the match
                spans[n] = (a + start, z + start)
        a, z = regs[0]
        return Hit(a + start, z + start, m.group(), m.groupdict(), spans)

    def _passes_guards(self, text: str, s: int, e: int) -> bool:
        for outer in self.not_inside:
            # Is the hit covered by an occurrence of `outer`?
            lo = max(0, s - len(outer) + 1)
            i = text.find(outer, lo, e + len(outer))
            while i >= 0 and i <= s:
                if i + len(outer) >= e:
                    return False
                i = text.find(outer, i + 1, e + len(outer))
        if self.not_before is not None and self.not_before.search(text[max(0, s - _WINDOW) : s]):
            return False
        if self.not_after is not None and self.not_after.match(text, e, min(len(text), e + _WINDOW)):
            return False
        return True

    def render(self, hit_text: str) -> str:
        return self.message.replace("{match}", hit_text)


def _at_starts(regex: re.Pattern[str], gate: re.Pattern[str], sub: str, pos: int) -> Iterator[re.Match[str]]:
    """regex.finditer(sub, pos), for a pattern every match of which starts
    with a character `gate` finds: the pattern is tried only where one
    stands, the rest skipped by one scan in re's loop. The same matches in
    the same order: no match starts elsewhere, none is empty (a pattern that
    can match empty has no gate), and the next is sought where one ends."""
    search, match = gate.search, regex.match
    while True:
        g = search(sub, pos)
        if g is None:
            return
        p = g.start()
        m = match(sub, p)
        if m is None:
            pos = p + 1
            continue
        yield m
        pos = m.end()


def _gate_of(pattern: str, flags: int) -> "re.Pattern[str] | None":
    """A search for the characters every match starts with (rx.first_class):
    at the start only, for a pattern anchored there; None when none is known."""
    found = rx.first_class(pattern, flags)
    if found is None:
        return None
    src, cls_flags, anchored = found
    return rx.compile("\\A" + src if anchored else src, cls_flags)


def split_top(pattern: str) -> list[str]:
    """The top-level alternatives of a pattern as written: "A|B(?:C|D)" →
    ["A", "B(?:C|D)"]. A `|` inside a group or a character class, or
    escaped, does not split."""
    out: list[str] = []
    depth, i, begin, n = 0, 0, 0, len(pattern)
    in_class = False
    while i < n:
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            if c == "]":
                in_class = False
        elif c == "[":
            in_class = True
            i += 1
            if i < n and pattern[i] == "^":
                i += 1
            if i < n and pattern[i] == "]":  # a "]" first in a class is the character
                i += 1
            continue
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            out.append(pattern[begin:i])
            begin = i + 1
        i += 1
    out.append(pattern[begin:])
    return out


# what a pattern split into its alternatives could not do alone: refer to a
# group (by number or name: another alternative may hold it, or the numbers
# shift), test whether a group matched, or set flags for the whole pattern
_UNSPLITTABLE = re.compile(r"\\[1-9]|\(\?P=|\(\?\(|^\(\?[aiLmsux]+\)")


def branch_plan(pattern: str, flags: int) -> "list[_Alternative] | None":
    """The top-level alternatives of `pattern`, each as an _Alternative
    (its required words, its first-character search, its compiled form),
    when there are two or more and each is screened cheaply: by required
    words, or by a gate that passes few characters or only the start.
    None otherwise: the whole pattern is then searched as before."""
    if "|" not in pattern or _UNSPLITTABLE.search(pattern):
        return None
    parts = split_top(pattern)
    if len(parts) < 2:
        return None
    out: list[_Alternative] = []
    for src in parts:
        try:
            pat = rx.compile(src, flags)
        except re.error:
            return None
        words = rx.needles(src, flags)
        gate = _gate_of(src, flags)
        if not words and (gate is None or not (gate.pattern.startswith("\\A") or rx.selective(gate))):
            return None  # an alternative that may start anywhere: the whole pattern's search is no dearer
        out.append((words, gate, pat))
    return out


def _search_plan(pattern: str, flags: int) -> "list[_Alternative] | None":
    """branch_plan, for a rule's own search: only for a pattern two or more
    of whose alternatives open softly (rx.opens_softly). re then has no
    characters to scan for and tries every alternative at each position
    (consensus.decided, ~20 µs a sentence), while the alternatives alone are
    found by their own words; a pattern of plain alternatives ("[？?]|是否|…")
    is searched faster whole than alternative by alternative in Python."""
    if "|" not in pattern or sum(rx.opens_softly(src, flags) for src in split_top(pattern)) < 2:
        return None
    return branch_plan(pattern, flags)


def leftmost(branches: "list[_Alternative]", sub: str, pos: int) -> int:
    """Where in sub, at or after pos, the first match of any of `branches`
    starts; -1 when none matches."""
    best = -1
    for words, gate, pat in branches:
        if words:
            for w in words:  # a plain loop: a generator costs
                if w in sub:
                    break
            else:
                continue
        p = pos
        if gate is not None:
            g = gate.search(sub, pos)
            if g is None:
                continue
            p = g.start()  # no match of this alternative starts earlier
        if best >= 0 and p >= best:
            continue  # it could not start before the one found
        m = pat.search(sub, p)
        if m is not None and (best < 0 or m.start() < best):
            best = m.start()
    return best


def screen(rules: list[Rule]) -> "re.Pattern[str] | None":
    """One character class that a span must hold for any of `rules` to
    match in it: the first character of each rule's required words, or of
    its matches (rx.first_class) when it requires none. None when some rule
    offers neither. A role's rules are then ruled out by one scan in re's
    own loop instead of a substring test per word and rule (a role's rules
    can require thirty words between them)."""
    items: list[str] = []
    flags = 0
    for r in rules:
        needles = r._needles
        if needles is None:
            needles = r._needles = rx.needles(r.regex.pattern, r.regex.flags)
        if needles:
            items.extend(rx.class_char(w[0]) for w in needles)
            continue
        found = rx.first_class(r.regex.pattern, r.regex.flags)
        if found is None:
            return None
        items.append(found[0][1:-1])  # the class's items, without its brackets
        flags |= found[1]  # a case-blind class also widens the others: still a superset
    if not items:
        return None
    return rx.compile("[" + "".join(dict.fromkeys(items)) + "]", flags)


# one alternative of RuleSet.maybe: its required words, its first-character
# class (or None), and its pattern
_Alternative = tuple[tuple[str, ...], "re.Pattern[str] | None", re.Pattern[str]]


def _alternatives(rules: list[Rule]) -> list[_Alternative]:
    """The alternatives of the alternation RuleSet.maybe stands for, each
    compiled as it would stand in it. An alternation matches in a span
    exactly when one of its alternatives does (no rule pattern refers to a
    group by number, which joining would renumber), so trying them one by
    one gives its answer."""
    flags = re.I if any(r.regex.flags & re.I for r in rules) else 0
    out: list[_Alternative] = []
    for r in rules:
        # named groups would clash across rules; a quick test needs none
        src = re.sub(r"\(\?P=\w+\)", "", re.sub(r"\(\?P<\w+>", "(?:", r.regex.pattern))
        # its own top-level alternatives, when each is screened cheaply: the
        # alternation matches exactly when one of them does
        out.extend(branch_plan(src, flags) or [(rx.needles(src, flags), _gate_of(src, flags), rx.compile(src, flags))])
    # the answer is an "or": cheaply screened alternatives go first, those
    # that must run their pattern on nearly every span last
    out.sort(key=lambda alt: 0 if alt[0] else 1 if alt[1] is not None else 2)
    return out


@dataclass(slots=True)
class _Quick:
    """RuleSet.maybe's alternatives, indexed by the first character of
    their required words: a span's own characters name the few alternatives
    whose words it could hold, instead of a substring test for each of a
    hundred-odd words (a family's roles split into their alternatives)."""
    alts: list[_Alternative]
    by_char: dict[str, tuple[int, ...]]  # a word's first character → the alternatives requiring such a word
    unscreened: tuple[int, ...]  # alternatives that require no word: always tried

    @classmethod
    def of(cls, alts: list[_Alternative]) -> "_Quick":
        by_char: dict[str, list[int]] = {}
        for i, (words, _gate, _pat) in enumerate(alts):
            for w in words:
                by_char.setdefault(w[0], []).append(i)
        return cls(alts, {c: tuple(dict.fromkeys(ix)) for c, ix in by_char.items()},
                   tuple(i for i, alt in enumerate(alts) if not alt[0]))

    def candidates(self, sub: str) -> list[int]:
        """The alternatives that could match in sub, in their order: those
        that require no word, and those one of whose words starts with a
        character sub holds (an alternative whose words sub lacks cannot)."""
        found = set(self.unscreened)
        by_char = self.by_char
        for c in by_char.keys() & set(sub):
            found.update(by_char[c])
        return sorted(found)


@dataclass(slots=True)
class RuleSet:
    rules: dict[str, Rule]
    families: dict[str, list[Rule]]
    _by_role: dict[tuple[str, str], list[Rule]] = field(default_factory=dict)
    _quick: dict[tuple[str, tuple[str, ...]], _Quick] = field(default_factory=dict)
    # (family, role or None for all) → its rules and their screen (see `screen`)
    _screened: dict[tuple[str, str | None], tuple[list[Rule], "re.Pattern[str] | None"]] = field(default_factory=dict)
    # (family, role) → the rules that hold in spoken transcripts, and their screen
    _spoken: dict[tuple[str, str], tuple[list[Rule], "re.Pattern[str] | None"]] = field(default_factory=dict)
    # answers that depend only on these rules and a string (a heading's role,
    # a header key's field), kept with the rules they came from
    memo: dict[tuple[str, str], object] = field(default_factory=dict)

    def family(self, name: str) -> list[Rule]:
        return self.families.get(name, [])

    def maybe(self, family: str, roles: tuple[str, ...], text: str, start: int, end: int) -> bool:
        """Could any rule of these roles match text[start:end]? The rules'
        patterns without guards: guards only remove hits, so a "no" here is
        certain and the rules need not run one by one.

        It answers as one alternation of the patterns would (named groups
        dropped, back references removed, case-blind when any rule is), but
        tries the alternatives one at a time, each behind its required words
        or first characters: a search of the whole alternation tried every
        alternative at every position of the span, and most alternatives
        are ruled out by a substring test."""
        key = (family, roles)  # no string joined on every call
        quick = self._quick.get(key)
        if quick is None:
            quick = self._quick[key] = _Quick.of(_alternatives([r for role in roles for r in self.role(family, role)]))
        sub = text[start:end]
        alts = quick.alts
        for i in quick.candidates(sub):
            needles, gate, pat = alts[i]
            if needles:
                for n in needles:
                    if n in sub:
                        break
                else:
                    continue
            pos = 0
            if gate is not None:
                g = gate.search(sub)
                if g is None:
                    continue
                pos = g.start()  # no match of this alternative starts earlier
            if pat.search(sub, pos) is not None:
                return True
        return False

    def role(self, family: str, role: str) -> list[Rule]:
        rules = self._by_role.get((family, role))
        if rules is None:
            rules = self._by_role[(family, role)] = [r for r in self.family(family) if r.role == role]
        return rules

    def which(self, family: str, role: str, text: str, start: int = 0, end: int | None = None,
              spoken: bool = False) -> Rule | None:
        """The first rule of this role that matches: what an item cites as its
        producer. `spoken`: the text is a spoken transcript, where rules marked
        `spoken = false` do not hold."""
        if spoken:  # the first that holds in speech: those rules alone, behind their own screen
            kept = self._spoken.get((family, role))
            if kept is None:
                kept = self._spoken[(family, role)] = _with_screen(
                    [r for r in self.role(family, role) if r.extra.get("spoken") is not False])
            found = first_hit(kept[0], kept[1], text, start, len(text) if end is None else end)
        else:
            found = self._first(family, role, text, start, end)
        return found[0] if found is not None else None

    def any(self, family: str, role: str, text: str, start: int = 0, end: int | None = None) -> Hit | None:
        """The first hit of the first rule of this role that matches."""
        found = self._first(family, role, text, start, end)
        return found[1] if found is not None else None

    def screened(self, family: str, role: str | None) -> tuple[list[Rule], "re.Pattern[str] | None"]:
        """The rules of a role (of the whole family when role is None) and
        their screen: a span it finds nothing in holds no hit of any of
        them. No screen for a single rule, whose own words or class serve."""
        found = self._screened.get((family, role))
        if found is None:
            found = self._screened[(family, role)] = _with_screen(
                self.role(family, role) if role is not None else self.family(family))
        return found

    def _first(self, family: str, role: str, text: str, start: int, end: int | None) -> tuple[Rule, Hit] | None:
        found = self._screened.get((family, role))
        if found is None:
            found = self.screened(family, role)
        return first_hit(found[0], found[1], text, start, len(text) if end is None else end)


def _with_screen(rules: list[Rule]) -> tuple[list[Rule], "re.Pattern[str] | None"]:
    """Rules and their screen; none for a single rule, whose own words or class serve."""
    return rules, screen(rules) if len(rules) > 1 else None


def first_hit(rules: list[Rule], scr: "re.Pattern[str] | None", text: str, start: int,
              end: int) -> tuple[Rule, Hit] | None:
    """The first hit of the first of `rules` that matches text[start:end];
    `scr`, their screen (see `screen`), rules them all out in one scan."""
    if not rules:
        return None
    sub = text[start:end] if start or end != len(text) else text  # cut once, not once per rule
    if scr is not None and scr.search(sub) is None:
        return None  # no rule of these can start a match here
    for r in rules:
        h = r.search_in(text, sub, start)
        if h is not None:
            return r, h
    return None


def _expand(pattern: str, defs: dict[str, str]) -> str:
    def sub(m: re.Match[str]) -> str:
        name = m.group(1)
        return f"(?:{defs[name]})" if name in defs else m.group(0)

    for _ in range(3):  # defs may use defs
        pattern = re.sub(r"\{([a-z_][a-z0-9_]*)\}", sub, pattern)
    return pattern


def _build(raw: dict[str, Any], path: str, defs: dict[str, str], family: str,
           kinds: tuple[str, ...] = _KINDS) -> Rule:
    rid = raw.get("id")
    where = f"{path}: rule {rid or '(no id)'}"
    if not rid or not re.fullmatch(r"[a-z0-9][a-z0-9.\-/]*", rid):
        raise RuleError(f"{where}: needs an id in kebab-case (a-z, 0-9, . - /)")
    unknown = set(raw) - _KNOWN
    if unknown:
        raise RuleError(f"{where}: unknown keys {sorted(unknown)}")
    if raw.get("boundaries", "words") not in ("words", "any"):
        raise RuleError(f"{where}: boundaries must be \"words\" or \"any\", not {raw['boundaries']!r}")
    if not isinstance(raw.get("spoken", True), bool):
        raise RuleError(f"{where}: spoken must be true or false")
    kind = raw.get("kind", "regex")
    if kind not in kinds:
        raise RuleError(f"{where}: kind must be one of {kinds}, not {kind!r}")
    severity = raw.get("severity", raw.get("level", "info"))
    if severity not in SEVERITIES:
        raise RuleError(f"{where}: severity must be one of {SEVERITIES}")
    if not raw.get("message"):
        raise RuleError(f"{where}: needs a message")
    ex = raw.get("examples") or {}
    match_ex, no_match_ex = tuple(ex.get("match") or ()), tuple(ex.get("no_match") or ())
    if not match_ex or not no_match_ex:
        raise RuleError(f"{where}: needs examples.match and examples.no_match")
    flags = re.I if "i" in raw.get("flags", "") else 0
    if kind == "lexicon":
        terms = raw.get("terms") or []
        if not terms:
            raise RuleError(f"{where}: a lexicon rule needs terms")
        source = "|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True))
    elif kind == "check":
        # a check on the extracted record, implemented in code and named by `check`
        if not raw.get("check"):
            raise RuleError(f"{where}: a check rule needs `check`, the name of the check")
        source = "(?!)"
    else:
        # every other kind is a regex pattern read by the code the kind names
        if not raw.get("pattern"):
            raise RuleError(f"{where}: a regex rule needs a pattern")
        source = _expand(raw["pattern"], defs)
    try:
        regex = rx.compile(source, flags)
        # grouped, so "$" ends every alternative: a guard is about the words just before the hit
        nb = rx.compile("(?:" + _expand(raw["not_before"], defs) + ")$") if raw.get("not_before") else None
        na = rx.compile(_expand(raw["not_after"], defs)) if raw.get("not_after") else None
    except re.error as exc:
        raise RuleError(f"{where}: bad regex: {exc}") from None
    extra = {k: v for k, v in raw.items() if k in ("field", "weight", "check", "scope", "boundaries", "spoken")}
    return Rule(rid, kind if kind in _KINDS else "regex", severity, raw["message"], regex, path, hint=raw.get("hint"),
                role=raw.get("role"), not_inside=tuple(raw.get("not_inside") or ()),
                not_before=nb, not_after=na, match_examples=match_ex,
                no_match_examples=no_match_ex, extra={**extra, "kind": kind})


def read_toml(path: Path) -> dict[str, Any]:
    """tomllib.loads of the file, kept in the start-up cache under the text's
    digest (an edited pack simply misses): parsing the packs on every start
    was a tenth of a cold `minutes lint`."""
    import hashlib

    from . import startcache

    text = path.read_text(encoding="utf-8")
    key = ("toml", hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest())
    return startcache.remember(key, lambda: tomllib.loads(text))


def load_file(path: Path, kinds: tuple[str, ...] = _KINDS) -> tuple[str, list[Rule]]:
    """Load one pack. `kinds` lists the kinds its rules may name: a kind is the
    code that interprets a match (the deadline resolver has its own)."""
    family = path.stem
    try:
        data = read_toml(path)
    except tomllib.TOMLDecodeError as exc:
        raise RuleError(f"{path}: {exc}") from None
    defs = {**shared_defs(path.parent), **{k: str(v) for k, v in (data.get("defs") or {}).items()}}
    rules = [_build(r, str(path), defs, family, kinds) for r in data.get("rule", [])]
    seen: set[str] = set()
    for r in rules:
        if r.id in seen:  # both would run, and items would cite one id for two patterns
            raise RuleError(f"{path}: rule {r.id} is defined twice")
        seen.add(r.id)
    return family, rules


SHARED = "defs"  # defs.toml: sub-patterns every pack of its folder may use


def shared_defs(folder: Path) -> dict[str, str]:
    """The [defs] a pack in `folder` starts from: the built-in defs.toml's
    (so a user's pack may say {verb} too), then its own folder's defs.toml;
    the pack's own [defs] add to these."""
    out: dict[str, str] = {}
    for d in dict.fromkeys((Path(str(resources.files("minutes.rules_data"))), folder)):
        path = d / f"{SHARED}.toml"
        if not path.is_file():
            continue
        try:
            data = read_toml(path)
        except tomllib.TOMLDecodeError as exc:
            raise RuleError(f"{path}: {exc}") from None
        out.update({k: str(v) for k, v in (data.get("defs") or {}).items()})
    return out


def rule_dirs(extra: list[str] | None = None) -> list[Path]:
    """Built-in rules first, then MINUTES_RULES_PATH, then --rules: later packs add rules."""
    dirs = [Path(str(resources.files("minutes.rules_data")))]
    env = os.environ.get("MINUTES_RULES_PATH")
    if env:
        dirs += [Path(p) for p in env.split(os.pathsep) if p]
    dirs += [Path(p) for p in extra or ()]
    return dirs


# Families that the deadline resolver owns and loads itself.
_SKIP = {"deadlines"}


@functools.lru_cache(maxsize=8)
def load(extra: tuple[str, ...] = ()) -> RuleSet:
    rules: dict[str, Rule] = {}
    families: dict[str, list[Rule]] = {}
    for d in rule_dirs(list(extra)):
        if not d.is_dir():
            raise RuleError(f"{d}: rules folder not found")
        for path in sorted(d.glob("*.toml")):
            if path.stem in _SKIP or path.stem == SHARED:
                continue
            family, rs = load_file(path)
            for r in rs:
                if r.id in rules and rules[r.id].path != r.path:
                    raise RuleError(f"{path}: rule {r.id} is already defined in {rules[r.id].path}")
                rules[r.id] = r
                families.setdefault(family, []).append(r)
    return RuleSet(rules, families)


def check_examples(rule: Rule) -> list[str]:
    """Failures of a rule's own examples, as readable lines (empty when all pass)."""
    out = []
    for ex in rule.match_examples:
        if rule.search(ex) is None:
            out.append(f"{rule.id}: should match: {ex}")
    for ex in rule.no_match_examples:
        h = rule.search(ex)
        if h is not None:
            out.append(f"{rule.id}: should not match: {ex}  (matched 「{h.text}」)")
    return out
