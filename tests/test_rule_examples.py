"""Every example of every rule is a test (Duckling's Tests.hs, Vale's fixtures)."""
from __future__ import annotations

import re

import pytest

from minutes.errors import RuleError
from minutes.rules import check_examples, load, load_file

RULES = load()


@pytest.mark.parametrize("rule_id", sorted(RULES.rules))
def test_rule_examples(rule_id: str) -> None:
    assert check_examples(RULES.rules[rule_id]) == []


def test_every_family_has_rules() -> None:
    for family in ("vague", "actions", "consensus", "disagreements", "owners", "sections", "meta"):
        assert RULES.family(family), family


@pytest.mark.parametrize("body, needle", [
    ('[[rule]]\nid = "x.a"\nmessage = "m"\npattern = "a"\nexamples.match = ["a"]\n', "examples"),
    ('[[rule]]\nid = "x.a"\nmessage = "m"\npattern = "("\nexamples.match = ["a"]\nexamples.no_match = ["b"]\n', "bad regex"),
    ('[[rule]]\nid = "x.a"\nmessage = "m"\nkind = "magic"\npattern = "a"\nexamples.match = ["a"]\nexamples.no_match = ["b"]\n', "kind"),
    ('[[rule]]\nid = "X A"\nmessage = "m"\npattern = "a"\nexamples.match = ["a"]\nexamples.no_match = ["b"]\n', "kebab"),
    ('[[rule]]\nid = "x.a"\nmessage = "m"\npattern = "a"\ntypo = 1\nexamples.match = ["a"]\nexamples.no_match = ["b"]\n', "unknown"),
    ('[[rule]]\nid = "x.a"\nmessage = "m"\npattern = "a"\nexamples.match = ["a"]\nexamples.no_match = ["b"]\n' * 2, "twice"),
])
def test_malformed_rules_are_errors(tmp_path, body: str, needle: str) -> None:
    f = tmp_path / "x.toml"
    f.write_text(body, encoding="utf-8")
    with pytest.raises(RuleError) as exc:
        load_file(f)
    assert needle in str(exc.value) and "x.toml" in str(exc.value)


def test_user_rule_pack_adds_a_rule_without_python(tmp_path) -> None:
    (tmp_path / "vague.toml").write_text(
        '[[rule]]\nid = "vague.team-slang"\nkind = "lexicon"\nseverity = "warning"\n'
        'message = "「{match}」太含糊"\nterms = ["回头搞"]\n'
        'examples.match = ["这个回头搞"]\nexamples.no_match = ["今天完成"]\n', encoding="utf-8")
    rs = load((str(tmp_path),))
    assert "vague.team-slang" in rs.rules
    assert any(r.id == "vague.team-slang" for r in rs.family("vague"))


def test_not_inside_guard() -> None:
    soon = RULES.rules["vague.soon"]
    assert soon.search("临近期末") is None
    assert soon.search("近期完成") is not None
    pending = RULES.rules["vague.pending"]
    assert pending.search("待定义的接口") is None
    assert pending.search("人员待定") is not None


def test_rules_cli_lists_and_tests_every_pack() -> None:
    from typer.testing import CliRunner

    from minutes.cli.app import app

    runner = CliRunner()
    listed = runner.invoke(app, ["rules", "list"]).output
    assert "vague.asap" in listed and "deadline.weekday" in listed and "action/owner-missing" in listed
    r = runner.invoke(app, ["rules", "test"])
    assert r.exit_code == 0 and r.output.strip().endswith("0 failed")


def test_rules_cli_reports_a_failing_user_example(tmp_path) -> None:
    from typer.testing import CliRunner

    from minutes.cli.app import app

    (tmp_path / "vague.toml").write_text(
        '[[rule]]\nid = "vague.broken"\nkind = "lexicon"\nmessage = "m"\nterms = ["回头搞"]\n'
        'examples.match = ["明天搞"]\nexamples.no_match = ["今天完成"]\n', encoding="utf-8")
    r = CliRunner().invoke(app, ["rules", "test", "--rules", str(tmp_path)])
    assert r.exit_code == 1 and "vague.broken: should match" in r.output


@pytest.mark.parametrize("rule_id", sorted(RULES.rules))
def test_needles_hold_for_every_match(rule_id: str) -> None:
    """Rule.search skips a span lacking the words rx.needles reads from the
    pattern: every match of the examples must hold one of them."""
    from minutes import rx

    r = RULES.rules[rule_id]
    needles = rx.needles(r.regex.pattern, r.regex.flags)
    for ex in (*r.match_examples, *r.no_match_examples):
        for m in r.regex.finditer(ex):
            assert not m.group() or not needles or any(n in m.group() for n in needles), (ex, needles)


@pytest.mark.parametrize("pattern, flags, needles", [
    (r"(?P<owner>\w{1,20}?)\s*(?:来|去)?负责(?!人)", 0, ("负责",)),
    (r"由(?:甲|乙)提供", 0, ("提供",)),  # the longest promise wins
    (r"(?:完成了|已经)做", 0, ("完成了", "已经")),
    (r"(?:已|了)", 0, ("已", "了")),
    (r"TBD|待定", re.I, ()),  # a cased word under IGNORECASE promises nothing exact
    (r"(?:a)?b*", 0, ()),
])
def test_needles_read_from_patterns(pattern: str, flags: int, needles: tuple[str, ...]) -> None:
    from minutes import rx

    assert rx.needles(pattern, flags) == needles


@pytest.mark.parametrize("pattern, flags, starts, never", [
    (r"(?:会后|稍后)?(?:完成|提交)", 0, "会稍完提", "后成交"),
    (r"^(?!已)(?P<owner>[\u4e00-\u9fff]{2,4}?)\s*负责", 0, "张\u4e00", "a1"),
    (r"(?<=[，,])\s*嗯+", 0, " \t嗯", "，,"),
    (r"(?i:todo)|[A-C]\d", 0, "tTAbc", "dD"),
    (r"\d+天内", 0, "0１", "天"),
])
def test_first_class_holds_every_first_character(pattern: str, flags: int, starts: str, never: str) -> None:
    from minutes import rx

    src, cls_flags, _anchored = rx.first_class(pattern, flags)
    cls = re.compile(src, cls_flags)
    assert all(cls.fullmatch(c) for c in starts), src
    assert not any(cls.fullmatch(c) for c in never), src


@pytest.mark.parametrize("pattern", [r"a*", r"(?:x)?", r".b", r"[^a]b", r"(?P<u>x?)(?P=u)b", r"\Bb|b", r"(?!)"])
def test_first_class_declines_what_it_cannot_bound(pattern: str) -> None:
    from minutes import rx

    # nullable, any character, a negated class, a back reference first
    if pattern == r"\Bb|b":
        assert rx.first_class(pattern)[0] == "[b]"  # zero-width assertions are passed over
    else:
        assert rx.first_class(pattern) is None


def test_screens_let_every_example_match_through() -> None:
    """A role's screen and a rule's first-character class only skip spans
    where no rule of theirs could match: every match example gets through."""
    from minutes.rules import _gate_of, screen

    for family, rules in RULES.families.items():
        for role in {r.role for r in rules}:
            of_role = [r for r in rules if r.role == role]
            scr = screen(of_role)
            for r in of_role:
                gate = _gate_of(r.regex.pattern, r.regex.flags)
                for ex in r.match_examples:
                    assert scr is None or scr.search(ex), (r.id, ex)
                    assert gate is None or gate.search(ex), (r.id, ex)


@pytest.mark.parametrize("pattern, anchored, line", [
    (r"^(?:嗯+|好的)[，。]*$", True, "好的。"), (r"\A\s*<v", True, " <v 张三>"), (r"(?m)^a", False, "ab"),
    (r"^a|b", False, "cb"), (r"(?:^x)?y", False, "zy"), (r"(?=[a-z])^a", True, "ab"),
])
def test_first_class_knows_a_pattern_anchored_at_the_start(pattern: str, anchored: bool, line: str) -> None:
    from minutes import rx
    from minutes.rules import Rule

    assert rx.first_class(pattern)[2] is anchored
    rule = Rule("x.y", "regex", "info", "m", re.compile(pattern), "x.toml")
    assert rule.search(line) is not None
    # a rule tried on the lines of a text is not ruled out by the text's own start
    assert rule.could_match("前言\n" + line + "\n")


def test_matches_tried_at_first_characters_are_finditers_matches() -> None:
    """Rule.finditer tries a pattern only where a match could start; on
    every rule's examples (and the examples run together) it must find what
    re's finditer finds, in order."""
    from minutes.rules import _at_starts, _gate_of

    for r in RULES.rules.values():
        gate = _gate_of(r.regex.pattern, r.regex.flags)
        if gate is None:
            continue
        texts = [*r.match_examples, *r.no_match_examples, "，".join(r.match_examples) + "\n" + "".join(r.no_match_examples)]
        for t in texts:
            want = [m.span() for m in r.regex.finditer(t)]
            assert [m.span() for m in _at_starts(r.regex, gate, t, 0)] == want, (r.id, t)


@pytest.mark.parametrize("cls, stepwise", [
    ("[我你他]", True), ("\\A[\\s\\d#]", True), ("x", True),
    ("[我你一-鿿]", False), ("[\\w一-鿿]", False), ("[^a]", False),
])
def test_finditer_steps_only_where_few_characters_start_a_match(cls: str, stepwise: bool) -> None:
    """A class that passes most Han characters is scanned by re, not stepped
    start by start (rx.selective); either way finditer finds the same matches."""
    from minutes import rx

    assert rx.selective(re.compile(cls)) is stepwise
    stutter = RULES.rules["transcript.stutter"]
    t = "我我我觉得这个这个方案可以可以，就是就是有点贵"
    assert [(h.start, h.end) for h in stutter.finditer(t)] == [m.span() for m in stutter.regex.finditer(t)]


@pytest.mark.parametrize("family, roles", [
    ("actions", ("assign", "future", "modal", "imperative", "due-verb")),
    ("actions", ("assign", "future", "modal", "imperative", "done", "report", "invite", "question", "conditional",
                 "due-verb")),
    ("consensus", ("trigger", "label", "exclude")),
    ("disagreements", ("trigger",)),
    ("disagreements", ("trigger", "option")),
    ("transcripts", ("filler", "stutter")),
])
def test_maybe_answers_as_one_alternation_of_the_roles(family: str, roles: tuple[str, ...]) -> None:
    """RuleSet.maybe tries the alternatives one by one behind their screens;
    its answer must be the joined alternation's, on every example of the family."""
    rules = [r for role in roles for r in RULES.role(family, role)]
    src = "|".join("(?:" + re.sub(r"\(\?P<\w+>", "(?:", r.regex.pattern) + ")" for r in rules)
    joined = re.compile(re.sub(r"\(\?P=\w+\)", "", src), re.I if any(r.regex.flags & re.I for r in rules) else 0)
    texts = [ex for r in RULES.family(family) for ex in (*r.match_examples, *r.no_match_examples)]
    texts += ["", "。", "会后", "这个这个", "我们下周再说吧"]
    for t in texts:
        assert RULES.maybe(family, roles, t, 0, len(t)) is (joined.search(t) is not None), t


def test_a_users_pack_shares_the_built_in_defs(tmp_path) -> None:
    # {verb} is defined once (rules/defs.toml) for every pack, the user's too;
    # a defs.toml beside the user's pack adds its own shared names
    (tmp_path / "defs.toml").write_text('[defs]\nteam = "前端组|后端组"\n', encoding="utf-8")
    pack = tmp_path / "mine.toml"
    pack.write_text('[[rule]]\nid = "mine.team-verb"\nmessage = "m"\npattern = "(?:{team})(?:{verb})"\n'
                    'examples.match = ["后端组整理接口文档"]\nexamples.no_match = ["后端组会议"]\n', encoding="utf-8")
    family, rules = load_file(pack)
    assert family == "mine" and check_examples(rules[0]) == []
    assert "defs" not in RULES.families  # shared names, not a family of rules


def _plain_search(rule, text: str, start: int, end: int):
    """Rule.search_in as written before any shortcut: the pattern's own
    search, again one past each empty or guarded match."""
    sub = text[start:end]
    m = rule.regex.search(sub)
    while m is not None:
        s, e = m.start() + start, m.end() + start
        if s != e and rule._passes_guards(text, s, e):
            return (s, e, m.group(), m.groupdict())
        if m.start() + 1 > len(sub):
            return None
        m = rule.regex.search(sub, m.start() + 1)
    return None


def test_split_top_keeps_groups_classes_and_escapes_whole() -> None:
    from minutes.rules import split_top

    assert split_top(r"a|b(?:c|d)|[|]x|\|y|(?P<n>e|f)g") == ["a", "b(?:c|d)", "[|]x", r"\|y", "(?P<n>e|f)g"]
    assert split_top(r"[]|]|z") == ["[]|]", "z"]
    assert split_top("abc") == ["abc"]


@pytest.mark.parametrize("rule_id", sorted(RULES.rules))
def test_search_read_by_alternatives_finds_the_plain_search(rule_id: str) -> None:
    """A pattern searched alternative by alternative (rules.branch_plan) must
    find the very hit its own search finds: same span, same groups, on every
    example of its family, whole and from each offset on."""
    rule = RULES.rules[rule_id]
    family = next(f for f, rs in RULES.families.items() if rule in rs)
    texts = [ex for r in RULES.family(family) for ex in (*r.match_examples, *r.no_match_examples)]
    for t in texts:
        for start in range(0, len(t), 3):
            for end in (len(t), max(start, len(t) - 2)):
                h = rule.search(t, start, end)
                assert (None if h is None else (h.start, h.end, h.text, h.groups)) == _plain_search(rule, t, start, end), t


@pytest.mark.parametrize("pattern, soft", [
    ("(?<![确决])定下", True), ("(?:会议|最终)?决定", True), ("(?:^|[，,])采纳", True),
    ("^确定", False), ("决定|议定", False), ("[？?]", False), ("(?:a|b)c", False),
])
def test_opens_softly(pattern: str, soft: bool) -> None:
    from minutes import rx

    assert rx.opens_softly(pattern) is soft
