"""Issue 15, item 8: the start-up cache (compiled rule patterns, the model's
table) may only ever save time. A pattern served from the cache behaves as
`re.compile`'s; a damaged or disabled cache changes nothing but speed."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest

from conftest import ROOT, SAMPLE


@pytest.fixture()
def fresh_cache(tmp_path, monkeypatch):
    """The cache module with no entries loaded, pointed at an empty folder."""
    from minutes import startcache

    monkeypatch.setenv("MINUTES_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(startcache, "_entries", None)
    monkeypatch.setattr(startcache, "_used", set())
    monkeypatch.setattr(startcache, "_added", False)
    return startcache


def _all_rules():
    from minutes.resolve.dates import rules as deadline_rules
    from minutes.rules import load

    return [*load().rules.values(), *deadline_rules()]


def test_cached_patterns_match_as_re_compile_does(fresh_cache) -> None:
    from minutes import rx

    rules = _all_rules()
    assert len(rules) > 100
    rx.compile(r"(?P<who>张|王)三\d+", re.I)
    for r in rules:
        rx.compile(r.regex.pattern, r.regex.flags & re.I)
    fresh_cache._save()
    assert fresh_cache.cache_file().is_file()

    fresh_cache._entries = None  # as a new process would: read the file back
    served = 0
    for r in rules:
        key = ("sre", r.regex.pattern, r.regex.flags & re.I)
        assert fresh_cache.get(key) is not None
        mine, theirs = rx.compile(r.regex.pattern, r.regex.flags & re.I), re.compile(r.regex.pattern, r.regex.flags & re.I)
        assert (mine.pattern, mine.flags, mine.groups, mine.groupindex) == \
               (theirs.pattern, theirs.flags, theirs.groups, theirs.groupindex)
        for text in (*r.match_examples, *r.no_match_examples):
            assert [m.span() for m in mine.finditer(text)] == [m.span() for m in theirs.finditer(text)], (r.id, text)
            assert [m.groupdict() for m in mine.finditer(text)] == [m.groupdict() for m in theirs.finditer(text)]
        served += 1
    assert served == len(rules)


def test_a_damaged_entry_or_file_is_rebuilt_not_trusted(fresh_cache) -> None:
    from minutes import rx

    key = ("sre", r"负责人[:：]\s*(\S+)", 0)
    fresh_cache.put(key, (32, [1, 2, 3], 0, {}, (None,)))  # code _sre refuses
    p = rx.compile(key[1])
    assert p.search("负责人：张三").group(1) == "张三"
    assert fresh_cache.get(key)[1] != [1, 2, 3]

    fresh_cache.cache_file().parent.mkdir(parents=True, exist_ok=True)
    fresh_cache.cache_file().write_bytes(b"not marshal at all")
    fresh_cache._entries = None
    assert fresh_cache.size() == 0
    assert rx.compile(r"截止\d+号").search("截止12号")


def test_bad_patterns_still_raise_re_error(fresh_cache) -> None:
    from minutes import rx

    with pytest.raises(re.error):
        rx.compile(r"(未闭合")


def test_model_from_the_cache_scores_as_from_the_file(fresh_cache) -> None:
    from minutes.learn import model as model_mod

    model_mod.load.cache_clear()
    first = model_mod.load()
    fresh_cache._save()
    fresh_cache._entries = None
    model_mod.load.cache_clear()
    again = model_mod.load()
    model_mod.load.cache_clear()
    assert again.table == first.table and again.thresholds == first.thresholds
    feats = ["cue:actions.assign", "checked:False", "no-such-feature"]
    assert again.scores(feats) == first.scores(feats)


def _lint(env: dict[str, str]) -> str:
    r = subprocess.run([sys.executable, "-m", "minutes.cli.app", "lint", str(SAMPLE), "--format", "json", "--fail-level", "never"],
                       capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)
    assert r.returncode == 0, r.stderr
    return r.stdout


def test_cold_warm_and_disabled_runs_agree(tmp_path) -> None:
    env = {**os.environ, "MINUTES_CACHE_DIR": str(tmp_path / "c")}
    cold = _lint(env)
    files = list((tmp_path / "c").glob("start-*.marshal"))
    assert len(files) == 1 and files[0].stat().st_size > 100_000
    assert _lint(env) == cold  # warm: everything served from the file
    off = _lint({**env, "MINUTES_CACHE_DIR": ""})
    assert off == cold
    assert json.loads(cold), "the sample has findings to compare"
    assert not list(tmp_path.glob("**/.start-*.tmp"))


def test_a_retrained_model_replaces_its_entry(fresh_cache, tmp_path) -> None:
    """Every start reads the whole cache: a model file rewritten in place must
    not leave its predecessor's megabytes behind."""
    from minutes.learn import model as model_mod

    path = tmp_path / "m.json"
    data = json.loads(model_mod.shipped_path().read_text(encoding="utf-8"))
    for name in ("first", "second"):
        data["name"] = name
        path.write_text(json.dumps(data), encoding="utf-8")
        model_mod.load.cache_clear()
        assert model_mod.load(str(path)).name == name  # a changed file is never served stale
    model_mod.load.cache_clear()
    assert sum(1 for k in fresh_cache._load() if k[0] == "model") == 1


def test_model_tables_of_other_checkouts_do_not_pile_up(fresh_cache) -> None:
    # each checkout's model adds a ~1 MB entry; past two, a save keeps only
    # the ones its run used, so the cache (read at every start) stays small
    import marshal

    for i in range(4):
        fresh_cache.put(("model", f"/checkout{i}/unit-classifier.json"), ("d", "h", (), b""))
    fresh_cache.put(("first2", "x", 0), 1)
    fresh_cache._used.clear()
    fresh_cache._used.add(("model", "/checkout3/unit-classifier.json"))
    fresh_cache._save()
    kept = marshal.loads(fresh_cache.cache_file().read_bytes())
    assert [k for k in kept if k[0] == "model"] == [("model", "/checkout3/unit-classifier.json")]
    assert ("first2", "x", 0) in kept  # patterns are kept as before
