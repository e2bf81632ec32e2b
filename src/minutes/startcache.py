"""What a cold start would otherwise recompute, kept on disk between runs.

Compiling the rule packs' regular expressions and building the model's
weight table cost more than the work on a page of minutes. Like jieba's
dictionary cache, the results live in one file (marshal: plain data, fast
to read) under the user's cache directory, keyed so that a changed rule or
model simply misses. A missing, corrupt or read-only cache costs only time,
never a result. `MINUTES_CACHE_DIR` moves it; set empty, it turns it off.
"""
from __future__ import annotations

import atexit
import marshal
import os
import sys
import tempfile
from collections.abc import Callable, Hashable
from pathlib import Path
from typing import Any

# The file is tied to the interpreter: marshal's format and the regex
# engine's code both change between versions.
_TAG = sys.implementation.cache_tag or "python"
try:
    import _sre

    _TAG += f"-{_sre.MAGIC}-{_sre.CODESIZE}"
except (ImportError, AttributeError):  # pragma: no cover - another Python
    pass

# A cache that grew past this many entries (patterns built from document
# text would do that) keeps only what its last run used.
_MAX_ENTRIES = 6000
# Model tables are about 1 MB each, one per model file: every checkout, venv
# or test copy adds one. Past this many, only those the last run used stay.
_MAX_MODELS = 2

_entries: dict[Hashable, Any] | None = None
_used: set[Hashable] = set()
_added = False


def cache_file() -> Path | None:
    """Where the cache lives, or None when it is turned off."""
    where = os.environ.get("MINUTES_CACHE_DIR")
    if where is None:
        base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        where = os.path.join(base, "minutes")
    if not where:
        return None
    return Path(where) / f"start-{_TAG}-v2.marshal"  # v2: one model entry per model file


def _load() -> dict[Hashable, Any]:
    global _entries
    if _entries is None:
        _entries = {}
        path = cache_file()
        if path is not None:
            try:
                data = marshal.loads(path.read_bytes())
                if isinstance(data, dict):
                    _entries = data
            except (OSError, ValueError, EOFError, TypeError):
                pass  # no cache yet, or one we cannot read: compute as usual
            atexit.register(_save)
    return _entries


def _save() -> None:
    if not _added or _entries is None:
        return
    path = cache_file()
    if path is None:
        return
    keep = _entries if len(_entries) <= _MAX_ENTRIES else {k: v for k, v in _entries.items() if k in _used}
    models = [k for k in keep if _is_model(k)]
    if len(models) > _MAX_MODELS:
        keep = {k: v for k, v in keep.items() if not _is_model(k) or k in _used}
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".start-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as fh:
                marshal.dump(keep, fh)
            os.replace(tmp, path)  # readers see the old file or the new one, never half of one
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
    except (OSError, ValueError):
        pass


def _is_model(key: Hashable) -> bool:
    return isinstance(key, tuple) and bool(key) and key[0] == "model"


def get(key: Hashable) -> Any | None:
    """The value kept under `key` (None when there is none)."""
    _used.add(key)
    return _load().get(key)


def put(key: Hashable, value: Any) -> None:
    """Keep `value` (plain data that marshal can write) for later runs."""
    global _added
    _used.add(key)
    _load()[key] = value
    _added = True


def drop(key: Hashable) -> None:
    _load().pop(key, None)


def remember(key: Hashable, compute: Callable[[], Any]) -> Any:
    """The value kept under `key`, computing and keeping it on a miss.
    The key must say everything the value depends on."""
    entries = _load()
    _used.add(key)
    if key in entries:
        return entries[key]
    value = compute()
    put(key, value)
    return value


def size() -> int:
    return len(_load())
